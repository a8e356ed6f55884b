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
trap 'rm -rf "$DEST" "$DEST.log" "$DEST.err" "$DEST.xdg"' EXIT INT TERM

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

# A double-click on a collection opens Sitrep: with the caches a real install
# refreshes (post_install), GIO sees a .sitrep file as application/x-sitrep,
# a plain SQLite database stays what it is, and Sitrep is the default app.
xdg="$DEST.xdg"
mkdir -p "$xdg/home" && printf 'SQLite format 3\000%0100d' 0 >"$xdg/Kupiansk.sitrep" \
  && cp "$xdg/Kupiansk.sitrep" "$xdg/other.db"
if update-mime-database "$share/mime" 2>"$DEST.err" && update-desktop-database "$share/applications" 2>>"$DEST.err"; then
  run_gio () {
    env -i PATH="$root/$bindir:/usr/bin:/bin" LC_ALL=C.UTF-8 HOME="$xdg/home" \
      XDG_DATA_HOME="$xdg/home/data" XDG_CONFIG_HOME="$xdg/home/config" \
      XDG_DATA_DIRS="$share:/usr/share" gio "$@" 2>&1
  }
  type_sitrep=$(run_gio info -a standard::content-type "$xdg/Kupiansk.sitrep" | sed -n 's/.*content-type: //p')
  type_db=$(run_gio info -a standard::content-type "$xdg/other.db" | sed -n 's/.*content-type: //p')
  default_app=$(run_gio mime application/x-sitrep | sed -n '1s/.*: //p')
  if [ "$type_sitrep" = application/x-sitrep ] && [ "$type_db" != application/x-sitrep ]; then
    ok "a .sitrep file is application/x-sitrep, a plain SQLite file is $type_db"
  else
    not_ok "a .sitrep file is application/x-sitrep, a plain SQLite file is not" \
      ".sitrep: $type_sitrep" ".db: $type_db"
  fi
  if [ "$default_app" = "$APP_ID.desktop" ]; then
    ok "Sitrep is the default application for application/x-sitrep"
  else
    not_ok "Sitrep is the default application for application/x-sitrep" "$(run_gio mime application/x-sitrep)"
  fi
else
  not_ok "update-mime-database and update-desktop-database accept the installed files" "$(cat "$DEST.err")"
fi
rm -rf "$xdg"

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
(cd "$DEST" && find . -type f | grep -v -E '/mime/[^p]|/mime/packages/$|mimeinfo.cache' | sort | sed 's/^\./# /')

echo "1..$n"
[ "$failed" -eq 0 ]
