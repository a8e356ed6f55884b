#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-potfiles.py: po/POTFILES.in lists exactly the files that hold translatable strings.
#
# Usage: test-potfiles.py SOURCE_DIR   (prints TAP)
#
# A C file under src/ with _( N_( C_( NC_( Q_( or ngettext/g_dngettext, a .ui
# file under src/ or resources/ with translatable="yes", and the .in/.xml files
# of data/ that meson's i18n merges must all be listed; every listed file must
# exist. POTFILES.in is read as xgettext does: one path a line, # comments.

import os
import re
import sys
import tempfile

C_MARK = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2|dngettext)\s*\(")
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
# A gettext call whose string is glued to a macro: xgettext cannot see
# through G_GINT64_FORMAT & co. (only <inttypes.h>'s PRId64 & co.), so the
# msgid is cut at the macro and the message is never translated.
GLUED = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_\s*\(\s*""\s*,|NC_\s*\(\s*""\s*,)\s*\(?\s*""(?:\s*"")*\s*(?!PRI)([A-Z_][A-Z0-9_]*)')
DATA_FILES = re.compile(r"\.(desktop\.in|metainfo\.xml\.in|gschema\.xml)$")


def strip_c_comments(text):
    # Drop /* */ and // comments and empty the string literals, so that a
    # comment or a string mentioning _( does not count, and "http://x" is not cut.
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)  # the literal's contents never count
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(" " + "\n" * text.count("\n", i, j))  # keep line numbers
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def translatable_files(srcdir):
    found = set()
    for top in ("src", "resources", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcdir).replace(os.sep, "/")
                if top == "data":
                    if DATA_FILES.search(name) and os.path.dirname(rel) == "data":
                        found.add(rel)
                    continue
                if name.endswith((".c", ".h")):
                    with open(path, encoding="utf-8", errors="replace") as f:
                        if C_MARK.search(strip_c_comments(f.read())):
                            found.add(rel)
                elif name.endswith(".ui") or name.endswith(".blp"):
                    with open(path, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    if UI_MARK.search(text) or re.search(r'_\(\s*"', text):
                        found.add(rel)
    return found


def glued_macros(srcdir):
    found = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, "src")):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".c", ".h")):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    code = strip_c_comments(f.read())
                    for m in GLUED.finditer(code):
                        found.append("%s:%d: _(\"…\" %s …) is cut there by xgettext: use %%zu, "
                                     "PRId64 or PRIu64 (<inttypes.h>) instead"
                                     % (os.path.relpath(path, srcdir), code.count("\n", 0, m.start()) + 1,
                                        m.group(1)))
    return found


def listed_files(potfiles):
    listed = []
    with open(potfiles, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def main():
    srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    potfiles = os.path.join(srcdir, "po", "POTFILES.in")
    listed = listed_files(potfiles)
    need = translatable_files(srcdir)

    tap = []
    missing = sorted(need - set(listed))
    tap.append((not missing, "every file with translatable strings is in po/POTFILES.in",
                ["missing: %s (add it to po/POTFILES.in)" % m for m in missing]))
    gone = [p for p in listed if not os.path.isfile(os.path.join(srcdir, p))]
    tap.append((not gone, "every file in po/POTFILES.in exists",
                ["%s: listed but not found; remove it from po/POTFILES.in" % g for g in gone]))
    # A file listed twice (two branches adding the same line, merged as a
    # union) is harmless to xgettext: say so, but do not fail.
    for dup in sorted({p for p in listed if listed.count(p) > 1}):
        print("# note: %s is listed twice in po/POTFILES.in" % dup)
    # Sanity: the scan itself sees the strings we know are there, so an empty
    # scan (wrong directory, broken pattern) cannot pass.
    tap.append(("src/ui/sitrep-application.c" in need or any(p.startswith("src/") for p in need),
                "the scan finds translatable C sources under src/", sorted(need)[:5]))

    glued = glued_macros(srcdir)
    tap.append((not glued, "no translatable string is glued to a macro xgettext cannot expand", glued))

    # And the scan tells a marked string from look-alikes, on a scratch tree.
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src"))
        samples = {
            "marked.c": 'x = _("Shelling");\n',
            "plural.c": 'x = ngettext ("%d event", "%d events", n);\n',
            "comment.c": '/* use _("...") for strings */\nint foo_(int a);\n',
            "url.c": 'const char *u = "http://example.org/_(x)"; // _("no")\n',
            "glued.c": 'x = _("%s has no event %" G_GINT64_FORMAT "."); y = _("%" PRId64 " ok");\n',
        }
        for name, text in samples.items():
            with open(os.path.join(tmp, "src", name), "w", encoding="utf-8") as f:
                f.write(text)
        seen = translatable_files(tmp)
        glued = glued_macros(tmp)
        tap.append((len(glued) == 1 and "G_GINT64_FORMAT" in glued[0],
                    "the glued-macro check finds G_GINT64_FORMAT and lets PRId64 pass", glued))
        tap.append((seen == {"src/marked.c", "src/plural.c", "src/glued.c"},
                    "the scan finds _( and ngettext, not comments, strings or foo_(", sorted(seen)))

    print("1..%d" % len(tap))
    for n, (ok, name, detail) in enumerate(tap, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
        for line in detail if not ok else []:
            print("# " + line)
    return 0 if all(ok for ok, _, _ in tap) else 1


if __name__ == "__main__":
    sys.exit(main())
