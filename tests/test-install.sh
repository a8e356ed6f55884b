#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-install.sh: `meson install` puts every file where the desktop expects it.
#
# Usage: test-install.sh BUILD_DIR [SOURCE_DIR]   (prints TAP)
# Installs the already-built tree into a temporary DESTDIR (--no-rebuild: the
# test must never race a rebuild, so meson runs it with is_parallel: false),
# then checks the paths a desktop, a software centre and gettext look at, and
# that every file meson means to install (meson introspect --installed) is there.

set -u
BUILD=${1:?usage: test-install.sh BUILD_DIR [SOURCE_DIR]}
SRC=${2:-$(dirname "$0")/..}
APP_ID=io.github.sitrep.Sitrep
DEST=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-install-XXXXXX")
trap 'rm -rf "$DEST" "$DEST.log" "$DEST.err"' EXIT INT TERM

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

if ! meson install -C "$BUILD" --no-rebuild --destdir "$DEST" >"$DEST.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install --destdir succeeds"
  sed 's/^/# /' "$DEST.log"
  rm -f "$DEST.log"
  exit 1
fi
rm -f "$DEST.log"

prefix=$(meson introspect --buildoptions "$BUILD" | python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
datadir=$(meson introspect --buildoptions "$BUILD" | python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "datadir"))')
bindir=$(meson introspect --buildoptions "$BUILD" | python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "bindir"))')
localedir=$(meson introspect --buildoptions "$BUILD" | python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "localedir"))')
root="$DEST$prefix"
share="$root/$datadir"

for exe in sitrep sitrep-cli; do
  if [ -x "$root/$bindir/$exe" ]; then ok "$bindir/$exe is installed and executable"
  else not_ok "$bindir/$exe is installed and executable" "missing: $root/$bindir/$exe"; fi
done

for f in \
  "applications/$APP_ID.desktop" \
  "metainfo/$APP_ID.metainfo.xml" \
  "icons/hicolor/scalable/apps/$APP_ID.svg" \
  "icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg" \
  "glib-2.0/schemas/$APP_ID.gschema.xml" \
  "mime/packages/$APP_ID.mime.xml"
do
  if [ -s "$share/$f" ]; then ok "$datadir/$f is installed"
  else not_ok "$datadir/$f is installed" "missing or empty: $share/$f"; fi
done

for lang in $(grep -v '^#' "$SRC/po/LINGUAS" 2>/dev/null || echo "uk ru"); do
  mo="$root/$localedir/$lang/LC_MESSAGES/sitrep.mo"
  if [ -s "$mo" ] && msgunfmt "$mo" 2>/dev/null | grep -q '^msgstr "[^"]'; then
    ok "$localedir/$lang/LC_MESSAGES/sitrep.mo is installed and holds translations"
  else
    not_ok "$localedir/$lang/LC_MESSAGES/sitrep.mo is installed and holds translations" "missing or empty: $mo"
  fi
done

# The installed desktop file names an icon that the installed theme has.
icon=$(sed -n 's/^Icon=//p' "$share/applications/$APP_ID.desktop" 2>/dev/null)
if [ -n "$icon" ] && [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ]; then
  ok "the desktop file's icon ($icon) is in the installed hicolor theme"
else
  not_ok "the desktop file's icon is in the installed hicolor theme" "Icon=$icon"
fi

# The installed schema compiles with the strict checker.
if glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" 2>"$DEST.err"; then
  ok "the installed schemas compile (--strict)"
else
  not_ok "the installed schemas compile (--strict)" "$(cat "$DEST.err")"
fi

# Every file meson intends to install (the sample collection, the gazetteer,
# whatever other units add) really arrived: this keeps the test current.
missing=$(meson introspect --installed "$BUILD" | DEST="$DEST" python3 -c '
import json, os, sys
for dst in sorted(json.load(sys.stdin).values()):
    if not os.path.lexists(os.environ["DEST"] + dst):
        print(dst)')
count=$(meson introspect --installed "$BUILD" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
if [ -z "$missing" ] && [ "$count" -gt 0 ]; then
  ok "all $count files listed by meson introspect --installed are installed"
else
  not_ok "all files listed by meson introspect --installed are installed" $missing
fi

# The installed tree, for the record (meson test --verbose shows it).
(cd "$DEST" && find . -type f | sort | sed 's/^\./# /')

echo "1..$n"
[ "$failed" -eq 0 ]
