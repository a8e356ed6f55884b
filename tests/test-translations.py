#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-translations.py: every language in po/LINGUAS translates every current string, correctly.
#
# Usage: test-translations.py SOURCE_DIR   (prints TAP)
#
# Extracts today's strings from po/POTFILES.in with xgettext (the keywords of
# meson's glib preset), then for each language: msgfmt --check passes (format
# directives, plural header), and msgcmp finds every string translated, not
# fuzzy. When it fails after new strings land: `meson compile -C _build
# sitrep-update-po`, translate, commit.

import os
import shutil
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printf:1:c-format",
]
PLURAL = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
          "&& (n%100<10 || n%100>=20) ? 1 : 2);")


def run(argv, cwd=None):
    if shutil.which(argv[0]) is None:
        return 127, "%s is not installed (it comes with the gettext package)" % argv[0]
    p = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def main():
    srcdir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    with open(os.path.join(srcdir, "po", "LINGUAS"), encoding="utf-8") as f:
        langs = [w for line in f if not line.startswith("#") for w in line.split()]
    tap = []
    tap.append(("uk" in langs and "ru" in langs, "po/LINGUAS lists uk and ru", [repr(langs)]))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "sitrep.pot")
        rc, out = run(["xgettext", "--package-name=sitrep", "--files-from=po/POTFILES.in",
                       "--directory=" + srcdir, "--output=" + pot] + GLIB_PRESET, cwd=srcdir)
        tap.append((rc == 0 and os.path.exists(pot), "xgettext extracts the strings of po/POTFILES.in",
                    out.splitlines()))
        for lang in langs:
            po = os.path.join(srcdir, "po", lang + ".po")
            rc, out = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po])
            tap.append((rc == 0 and "fuzzy" not in out and "untranslated" not in out,
                        "po/%s.po passes msgfmt --check, nothing fuzzy or untranslated" % lang,
                        out.splitlines()))
            if os.path.exists(pot):
                rc, out = run(["msgcmp", po, pot])
                tap.append((rc == 0, "po/%s.po translates every string in the sources" % lang,
                            [l for l in out.splitlines() if "warning" not in l][:40]))
            with open(po, encoding="utf-8") as f:
                header = f.read(4000)
            if lang in ("uk", "ru"):
                tap.append((PLURAL in header, "po/%s.po has the three East Slavic plural forms" % lang, []))

    print("1..%d" % len(tap))
    for n, (ok, name, detail) in enumerate(tap, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
        if not ok:
            for line in detail:
                print("# " + line)
    return 0 if all(ok for ok, _, _ in tap) else 1


if __name__ == "__main__":
    sys.exit(main())
