#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-desktop.py: the desktop file, metainfo, schema, MIME type and icons pass their validators.
#
# Usage: test-desktop.py SOURCE_DIR BUILD_DIR   (prints TAP)
# The validators are the real ones (desktop-file-validate, appstreamcli,
# glib-compile-schemas, update-mime-database); a missing one is a failure,
# since `make deps` installs them all.

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "io.github.sitrep.Sitrep"
MIME_TYPE = "application/x-sitrep"
LANGS = ("uk", "ru")

results = []


def check(ok, name, detail="", skip=None):
    results.append((bool(ok), name, detail, skip))


def run(argv):
    tool = shutil.which(argv[0])
    if tool is None:
        return 127, "%s is not installed (apt-get install it; see APT_PACKAGES)" % argv[0]
    proc = subprocess.run([tool] + argv[1:], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def main():
    if len(sys.argv) != 3:
        print("usage: %s SOURCE_DIR BUILD_DIR" % sys.argv[0], file=sys.stderr)
        return 2
    srcdir, builddir = sys.argv[1], sys.argv[2]
    desktop = os.path.join(builddir, "data", APP_ID + ".desktop")
    metainfo = os.path.join(builddir, "data", APP_ID + ".metainfo.xml")
    mime_xml = os.path.join(srcdir, "data", APP_ID + ".mime.xml")

    # --- validators -------------------------------------------------------
    rc, out = run(["desktop-file-validate", desktop])
    check(rc == 0, "desktop-file-validate %s" % os.path.basename(desktop), out)

    rc, out = run(["appstreamcli", "validate", "--no-net", "--explain", metainfo])
    check(rc == 0, "appstreamcli validate --no-net %s" % os.path.basename(metainfo), out)

    rc, out = run(["glib-compile-schemas", "--strict", "--dry-run",
                   os.path.join(srcdir, "data")])
    check(rc == 0, "glib-compile-schemas --strict --dry-run data/", out)

    # --- desktop file contents -------------------------------------------
    entry = {}
    if os.path.exists(desktop):
        cp = configparser.RawConfigParser(strict=False, interpolation=None)
        cp.optionxform = str
        cp.read(desktop, encoding="utf-8")
        entry = dict(cp["Desktop Entry"]) if cp.has_section("Desktop Entry") else {}
    check(entry.get("Icon") == APP_ID, "desktop Icon is the app id", repr(entry.get("Icon")))
    check(entry.get("Exec", "").split()[:1] == ["sitrep"] and "%F" in entry.get("Exec", ""),
          "desktop Exec runs sitrep with files (%F)", repr(entry.get("Exec")))
    check(MIME_TYPE + ";" in entry.get("MimeType", ""), "desktop MimeType lists %s" % MIME_TYPE,
          repr(entry.get("MimeType")))
    check("DBusActivatable" not in entry,
          "desktop file does not claim D-Bus activation (no service file is installed)")
    for lang in LANGS:
        for key in ("Comment", "Keywords"):
            check(entry.get("%s[%s]" % (key, lang)),
                  "desktop %s[%s] is merged from po/%s.po" % (key, lang, lang))

    # --- metainfo contents -----------------------------------------------
    root = None
    try:
        root = ET.parse(metainfo).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, "metainfo parses", str(e))
    if root is not None:
        check(root.findtext("id") == APP_ID, "metainfo id is %s" % APP_ID)
        check(root.findtext("launchable") == APP_ID + ".desktop",
              "metainfo launchable is the desktop file")
        check(any(m.text == MIME_TYPE for m in root.iter("mediatype")),
              "metainfo provides %s" % MIME_TYPE)
        rating = root.find("content_rating")
        check(rating is not None and rating.get("type") == "oars-1.1", "metainfo has an OARS 1.1 rating")
        shots = [i.text or "" for i in root.iter("image")]
        prefix = "https://raw.githubusercontent.com/sitrep/sitrep/main/"
        check(shots and all(s.startswith(prefix + "data/screenshots/") and s.endswith(".png")
                            for s in shots),
              "metainfo screenshots are PNGs under data/screenshots/", repr(shots))
        # The screenshot a software centre fetches is the file in the repository.
        for url in shots:
            rel = url[len(prefix):] if url.startswith(prefix) else url
            shot = os.path.join(srcdir, *rel.split("/"))
            ok = os.path.exists(shot)
            if ok:
                with open(shot, "rb") as f:
                    ok = f.read(8) == b"\x89PNG\r\n\x1a\n"
            check(ok, "%s is a PNG in the repository" % rel)
        xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
        for lang in LANGS:
            check(any(s.get(xml_lang) == lang for s in root.findall("summary")),
                  "metainfo summary translated to %s" % lang)

    # --- MIME type: the real update-mime-database maps *.sitrep ----------
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "mime", "packages"))
        shutil.copy(mime_xml, os.path.join(tmp, "mime", "packages"))
        rc, out = run(["update-mime-database", os.path.join(tmp, "mime")])
        globs = ""
        try:
            with open(os.path.join(tmp, "mime", "globs2"), encoding="utf-8") as f:
                globs = f.read()
        except OSError:
            pass
        check(rc == 0 and (":%s:*.sitrep" % MIME_TYPE) in globs,
              "update-mime-database maps *.sitrep to %s" % MIME_TYPE, out + globs)
        magic = b""
        try:
            with open(os.path.join(tmp, "mime", "magic"), "rb") as f:
                magic = f.read()
        except OSError:
            pass
        check(MIME_TYPE.encode() in magic and b"SQLite format 3" in magic,
              "MIME magic recognises the SQLite header")

    # --- icons -------------------------------------------------------------
    icons = {
        "scalable": os.path.join(srcdir, "data", "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
        "symbolic": os.path.join(srcdir, "data", "icons", "hicolor", "symbolic", "apps",
                                 APP_ID + "-symbolic.svg"),
    }
    for kind, path in icons.items():
        try:
            svg = ET.parse(path).getroot()
            ok = svg.tag.endswith("svg") and svg.get("viewBox")
            check(ok, "%s icon is an SVG with a viewBox" % kind, path)
        except (OSError, ET.ParseError) as e:
            check(False, "%s icon is an SVG with a viewBox" % kind, "%s: %s" % (path, e))
    # A symbolic icon is recoloured by GTK: it must draw in one colour only.
    try:
        fills = set()
        for el in ET.parse(icons["symbolic"]).getroot().iter():
            for attr in ("fill", "stroke"):
                v = el.get(attr)
                if v and v != "none":
                    fills.add(v.lower())
        check(len(fills) == 1, "symbolic icon uses a single colour", repr(fills))
    except (OSError, ET.ParseError) as e:
        check(False, "symbolic icon uses a single colour", str(e))

    # --- TAP ----------------------------------------------------------------
    print("1..%d" % len(results))
    failed = 0
    for n, (ok, name, detail, skip) in enumerate(results, 1):
        print("%s %d - %s%s" % ("ok" if ok else "not ok", n, name, " # SKIP " + skip if skip else ""))
        if not ok:
            failed += 1
            for line in (detail or "").strip().splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
