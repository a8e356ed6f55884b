#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-flatpak-manifest.py: the Flatpak manifest keeps its invariants (id, command, sandbox, pinned sources).
#
# Usage: test-flatpak-manifest.py SOURCE_DIR   (prints TAP; python3 standard library only)
#
# The checker is also run on broken copies of the manifest (home access, an
# unpinned archive, a bare git tag...), each of which must be rejected: the
# test proves it can fail.

import copy
import json
import os
import re
import sys

APP_ID = "io.github.sitrep.Sitrep"
COMMAND = "sitrep"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
MIN_RUNTIME = 47
BROAD_FILESYSTEMS = {"home", "host", "host-os", "host-etc", "/", "~"}
SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def iter_modules(modules, where="modules"):
    for i, m in enumerate(modules or []):
        if isinstance(m, str):
            # A module in a separate JSON file: flatpak-builder allows it, but
            # then this test could not see its sources.
            yield None, "%s[%d] (%s)" % (where, i, m)
            continue
        name = m.get("name", "?")
        yield m, "%s[%d] %s" % (where, i, name)
        yield from iter_modules(m.get("modules"), "%s/%s" % (where, name))


def problems(manifest):
    """Every invariant the manifest breaks, as sentences; empty when it is fine."""
    out = []
    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        out.append("app-id is %r, not %r" % (app_id, APP_ID))
    if manifest.get("command") != COMMAND:
        out.append("command is %r, not %r" % (manifest.get("command"), COMMAND))
    if manifest.get("runtime") != RUNTIME or manifest.get("sdk") != SDK:
        out.append("runtime/sdk are %r/%r, not %s/%s" % (manifest.get("runtime"), manifest.get("sdk"),
                                                          RUNTIME, SDK))
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_RUNTIME:
        out.append("runtime-version %r is not a current stable GNOME runtime (>= %d)" % (version, MIN_RUNTIME))

    args = manifest.get("finish-args", [])
    # flatpak-builder ignores keys that start with "//": the justification
    # of each finish-arg lives there, as JSON has no comments.
    why = manifest.get("//finish-args", {})
    for arg in args:
        if arg.startswith("--filesystem="):
            fs = arg.split("=", 1)[1].split(":")[0]
            if fs in BROAD_FILESYSTEMS or fs.startswith("/") or fs.startswith("~"):
                out.append("finish-args grant broad file access: %s" % arg)
        if arg == "--socket=x11":
            out.append("--socket=x11 given: use --socket=fallback-x11 with --socket=wayland")
        if arg.startswith("--talk-name=org.freedesktop.Flatpak") or arg == "--device=all":
            out.append("finish-args escape the sandbox: %s" % arg)
        if arg not in why:
            out.append("finish-arg %s has no justification in \"//finish-args\"" % arg)
    for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
        if needed not in args:
            out.append("finish-args lack %s" % needed)

    app_modules = 0
    for module, where in iter_modules(manifest.get("modules")):
        if module is None:
            out.append("%s: modules in separate files are not checked; inline them" % where)
            continue
        sources = module.get("sources", [])
        if not sources:
            out.append("%s has no sources" % where)
        for j, src in enumerate(sources):
            at = "%s source %d" % (where, j)
            if isinstance(src, str):
                out.append("%s is a separate file; inline it so it can be checked" % at)
                continue
            kind = src.get("type")
            if kind == "dir":
                if src.get("path") != ".." or module.get("name") != COMMAND:
                    out.append("%s: only the app itself may be built from a local dir" % at)
                else:
                    app_modules += 1
            elif kind in ("archive", "file"):
                if "url" in src and not src["url"].startswith("https://"):
                    out.append("%s: %s is not fetched over https" % (at, src["url"]))
                if not SHA256.match(str(src.get("sha256", ""))):
                    out.append("%s: %s is not pinned by sha256" % (at, src.get("url", src.get("path"))))
            elif kind == "git":
                if not src.get("url", "").startswith("https://"):
                    out.append("%s: git url %r is not https" % (at, src.get("url")))
                if not COMMIT.match(str(src.get("commit", ""))):
                    out.append("%s: git source is not pinned by a full commit hash" % at)
                if "branch" in src:
                    out.append("%s: git source follows a branch" % at)
            elif kind == "patch":
                if "path" not in src:
                    out.append("%s: patch is not a file in the repository" % at)
            else:
                out.append("%s: source type %r is not allowed (dir, archive, file, git, patch)" % (at, kind))
    if app_modules != 1:
        out.append("the app must be built exactly once from type dir path '..' (found %d)" % app_modules)
    return out


def mutations(good):
    """Broken variants of the manifest, each of which must be rejected."""
    def with_(fn):
        m = copy.deepcopy(good)
        fn(m)
        return m

    def first_git(m):
        for mod, _ in iter_modules(m["modules"]):
            for s in (mod or {}).get("sources", []):
                if isinstance(s, dict) and s.get("type") == "git":
                    return s
        return None

    def unpin_git(m):
        s = first_git(m)
        if s is not None:
            s.pop("commit", None)
        else:  # no git source: add one, unpinned
            m["modules"].insert(0, {"name": "x", "sources": [{"type": "git", "url": "https://x/y.git",
                                                               "tag": "1.0"}]})

    yield "home access", with_(lambda m: m["finish-args"].append("--filesystem=home"))
    yield "host access", with_(lambda m: m["finish-args"].append("--filesystem=host:ro"))
    yield "host-os access", with_(lambda m: m["finish-args"].append("--filesystem=host-os"))
    yield "unjustified finish-arg", with_(lambda m: m["finish-args"].append("--socket=pulseaudio"))
    yield "wrong command", with_(lambda m: m.__setitem__("command", "sitrep-cli"))
    yield "wrong app id", with_(lambda m: m.__setitem__("id", "org.example.Sitrep"))
    yield "git source with a tag only", with_(unpin_git)
    yield "archive without sha256", with_(lambda m: m["modules"].insert(0, {
        "name": "dep", "sources": [{"type": "archive", "url": "https://example.org/dep-1.0.tar.xz"}]}))
    yield "foreign local dir", with_(lambda m: m["modules"].insert(0, {
        "name": "dep", "sources": [{"type": "dir", "path": "/home/me/dep"}]}))


def main():
    srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    path = os.path.join(srcdir, "flatpak", APP_ID + ".json")
    tap = []
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print("1..1\nnot ok 1 - %s parses as JSON\n# %s" % (path, e))
        return 1

    found = problems(manifest)
    tap.append((not found, "%s keeps every invariant" % os.path.basename(path), found))

    # The id is the one the build installs under: meson's app_id, and the
    # names of the desktop file and metainfo that the Flatpak exports.
    with open(os.path.join(srcdir, "meson.build"), encoding="utf-8") as f:
        meson_id = re.search(r"^app_id\s*=\s*'([^']+)'", f.read(), re.M)
    tap.append((meson_id is not None and meson_id.group(1) == manifest.get("id"),
                "the manifest's id is meson.build's app_id",
                [repr(meson_id and meson_id.group(1)), repr(manifest.get("id"))]))
    exported = [os.path.join("data", APP_ID + ext) for ext in (".desktop.in", ".metainfo.xml.in")]
    exported.append(os.path.join("data", "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"))
    absent = [e for e in exported if not os.path.exists(os.path.join(srcdir, e))]
    tap.append((not absent, "the desktop file, metainfo and icon the Flatpak exports are named by the id",
                absent))
    for name, broken in mutations(manifest):
        tap.append((bool(problems(broken)), "the checker rejects a manifest with %s" % name, []))

    print("1..%d" % len(tap))
    for n, (ok, name, detail) in enumerate(tap, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
        for line in (detail if not ok else []):
            print("# " + line)
    return 0 if all(ok for ok, _, _ in tap) else 1


if __name__ == "__main__":
    sys.exit(main())
