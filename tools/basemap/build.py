#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# build.py: derives Sitrep's offline basemap of Ukraine (data/basemap/) from Natural Earth
# 10m and GSHHG WDBII, as shipped in Debian 12 packages. Python 3 stdlib + `gmt` only.
#
#   mkdir /tmp/bm && cd /tmp/bm
#   apt-get download libmagics++-data libgnudatalanguage0 gmt-gshhg-high
#   for d in *.deb; do dpkg -x "$d" x; done
#   python3 tools/basemap/build.py --root /tmp/bm/x --out data/basemap
#
# The output is deterministic: running it again gives the same bytes (gzip mtime 0).
#
# File format (little endian), one file per level of detail, gzip-compressed:
#   "SRBM" u32 version(1) u32 level u32 min_zoom u32 max_zoom u32 n_features
#   feature: u8 layer, u8 kind (0 polygon, 1 line), u16 attr, u16 name_len, name (UTF-8),
#            u32 n_parts, per part: u32 n_points, then n_points × (i32 dx, i32 dy)
#   Coordinates are Web Mercator world pixels at zoom 22 (the world is 2^30 units wide,
#   y grows southwards), delta-encoded within a part (the first point is absolute).

import argparse
import gzip
import hashlib
import io
import math
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shp  # noqa: E402

WORLD = 1 << 30
BOX = (12.0, 40.0, 52.0, 58.0)  # lon_min, lat_min, lon_max, lat_max

LAYER_LAND, LAYER_OBLAST, LAYER_LAKE, LAYER_RIVER, LAYER_STREAM, LAYER_ADMIN1, LAYER_ADMIN0 = range(7)
KIND_POLYGON, KIND_LINE = 0, 1

# Three levels of detail: (level, min_zoom, max_zoom, tolerance in pixels at tol_zoom, tol_zoom)
LEVELS = [(0, 0, 6, 0.6, 6), (1, 7, 9, 0.6, 9), (2, 10, 30, 0.6, 12)]

# Perekop and Chonhar isthmuses, the Arabat spit: no state border may cross them.
CRIMEA_NECK = (33.3, 45.45, 35.6, 46.35)

# The maritime border in the Kerch Strait between Crimea (Ukraine) and the Taman peninsula
# (Russia): the middle of the water between the two coasts as Natural Earth draws them,
# passing east of Tuzla island (Ukrainian since Soviet times).
KERCH_STRAIT = [(36.66, 45.52), (36.667, 45.395), (36.652, 45.347), (36.68, 45.30),
                (36.60, 45.226), (36.50, 45.19), (36.53, 45.13), (36.57, 45.08), (36.55, 44.98)]

# Reservoirs drained since the destruction of the Kakhovka dam (6 June 2023): drawn as
# a former reservoir, not as water. Identified by bounding box centre.
DRAINED = [((33.5, 46.8, 35.4, 47.9), 'Kakhovka reservoir')]


def merc(lon, lat):
    lat = max(-85.0, min(85.0, lat))
    x = (lon + 180.0) / 360.0 * WORLD
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * WORLD
    return x, y


def in_box(x, y):
    return BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3]


def any_in_box(parts):
    return any(in_box(x, y) for p in parts for x, y in p)


def clip_polygon(ring):
    """Sutherland-Hodgman against BOX (lon/lat)."""
    def clip(pts, inside, inter):
        out = []
        n = len(pts)
        for i in range(n):
            cur, prev = pts[i], pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
        return out

    def ix(a, b, x):
        t = (x - a[0]) / (b[0] - a[0])
        return (x, a[1] + t * (b[1] - a[1]))

    def iy(a, b, y):
        t = (y - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), y)

    pts = ring
    for inside, inter in ((lambda p: p[0] >= BOX[0], lambda a, b: ix(a, b, BOX[0])),
                          (lambda p: p[0] <= BOX[2], lambda a, b: ix(a, b, BOX[2])),
                          (lambda p: p[1] >= BOX[1], lambda a, b: iy(a, b, BOX[1])),
                          (lambda p: p[1] <= BOX[3], lambda a, b: iy(a, b, BOX[3]))):
        if not pts:
            break
        pts = clip(pts, inside, inter)
    return pts


def clip_line(line):
    """Splits a polyline into the runs of points inside BOX."""
    runs, cur = [], []
    for p in line:
        if in_box(*p):
            cur.append(p)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = []
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def simplify(pts, tol):
    """Douglas-Peucker on projected points, iterative."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        ax, ay = pts[a]
        bx, by = pts[b]
        dx, dy = bx - ax, by - ay
        d2 = dx * dx + dy * dy
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if d2 == 0:
                e = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / d2
                t = max(0.0, min(1.0, t))
                e = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
            if e > best:
                best, best_i = e, i
        if best > tol2:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(pts, keep) if k]


def project(part):
    return [merc(x, y) for x, y in part]


def quantise(part):
    out = []
    for x, y in part:
        q = (int(round(x)), int(round(y)))
        if not out or out[-1] != q:
            out.append(q)
    return out


def ring_area(pts):
    a = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i - 1]
        x2, y2 = pts[i]
        a += x1 * y2 - x2 * y1
    return a / 2


class Feature:
    def __init__(self, layer, kind, attr, name, parts, min_level=0):
        self.layer, self.kind, self.attr, self.name = layer, kind, attr, name
        self.parts = parts  # projected float points
        self.min_level = min_level


def load_features(root):
    magics = os.path.join(root, 'usr/share/magics/10m')
    gdl = os.path.join(root, 'usr/share/gnudatalanguage/resource/maps/high')
    feats = []

    # Land: every polygon touching the box, clipped to it.
    for (stype, parts), rec in shp.read(os.path.join(magics, 'ne_10m_land')):
        if not any_in_box(parts):
            continue
        clipped = [clip_polygon(p) for p in parts]
        clipped = [project(p) for p in clipped if len(p) >= 3]
        if clipped:
            feats.append(Feature(LAYER_LAND, KIND_POLYGON, 0, '', clipped))

    # Oblasts of Ukraine; Natural Earth's Crimea and Sevastopol re-tagged as Ukraine.
    oblasts = []
    for (stype, parts), rec in shp.read(os.path.join(gdl, 'ne_10m_admin_1_states_provinces')):
        name = rec['name']
        if rec['iso_a2'] == 'UA' or (rec['iso_a2'] == 'RU' and name in ('Crimea', 'Sevastopol')):
            oblasts.append((name, [project(p) for p in parts]))
    oblasts.sort(key=lambda o: o[0])
    colours = colour_oblasts(oblasts)
    for (name, parts), colour in zip(oblasts, colours):
        feats.append(Feature(LAYER_OBLAST, KIND_POLYGON, colour, name, parts))

    # Lakes and reservoirs.
    for (stype, parts), rec in shp.read(os.path.join(gdl, 'ne_10m_lakes')):
        if not any_in_box(parts):
            continue
        xs = [x for p in parts for x, y in p]
        ys = [y for p in parts for x, y in p]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        attr, name = 0, ''
        for (x0, y0, x1, y1), label in DRAINED:
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                attr, name = 1, label
        clipped = [clip_polygon(p) for p in parts]
        clipped = [project(p) for p in clipped if len(p) >= 3]
        if clipped:
            feats.append(Feature(LAYER_LAKE, KIND_POLYGON, attr, name, clipped))

    # Rivers with names, rank = Natural Earth scalerank (lower is bigger).
    for (stype, parts), rec in shp.read(os.path.join(magics, 'ne_10m_rivers_lake_centerlines')):
        runs = [r for p in parts for r in clip_line(p)]
        if runs:
            rank = int(rec['scalerank'] or 9)
            feats.append(Feature(LAYER_RIVER, KIND_LINE, rank, rec['name'], [project(r) for r in runs]))

    # Smaller rivers (the Oskil, the Aidar...) from GSHHG WDBII: level 1 outlines the banks
    # of double-lined rivers, 2-4 are permanent rivers from major to minor; 5+ are minor,
    # intermittent rivers and canals.
    for level, line in gshhg_rivers(root):
        if level < 2 or level > 4:
            continue
        runs = clip_line(line)
        for r in runs:
            feats.append(Feature(LAYER_STREAM, KIND_LINE, level, '', [project(r)],
                                 min_level=1))

    # Oblast borders of Ukraine.
    for (stype, parts), rec in shp.read(os.path.join(gdl, 'ne_10m_admin_1_states_provinces_lines')):
        if rec['adm0_name'] != 'Ukraine':
            continue
        runs = [r for p in parts for r in clip_line(p)]
        if runs:
            feats.append(Feature(LAYER_ADMIN1, KIND_LINE, 0, '', [project(r) for r in runs]))
    # The line between Kherson oblast and Crimea is missing from that table (it tags Crimea
    # as Russia, and the state-border table we use has no line there): take it from the
    # edge the two polygons share.
    feats.append(Feature(LAYER_ADMIN1, KIND_LINE, 0, '',
                         shared_edges(dict(oblasts)['Crimea'], dict(oblasts)['Kherson'])))

    # State borders on land; nothing across the Crimean isthmuses.
    for (stype, parts), rec in shp.read(os.path.join(magics, 'ne_10m_admin_0_boundary_lines_land')):
        runs = []
        for p in parts:
            for r in clip_line(p):
                runs.extend(drop_crimea_neck(r))
        if runs:
            feats.append(Feature(LAYER_ADMIN0, KIND_LINE, 0, '', [project(r) for r in runs]))
    feats.append(Feature(LAYER_ADMIN0, KIND_LINE, 1, 'Kerch Strait', [project(KERCH_STRAIT)]))
    return feats


def shared_edges(a_parts, b_parts, tol=1500.0):
    """The runs of a's rings that lie within tol (projected units, ~1 km here) of b's vertices."""
    cell = tol
    grid = {}
    for p in b_parts:
        for x, y in p:
            grid.setdefault((int(x // cell), int(y // cell)), []).append((x, y))

    def near(x, y):
        cx, cy = int(x // cell), int(y // cell)
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for bx, by in grid.get((i, j), ()):
                    if (bx - x) ** 2 + (by - y) ** 2 <= tol * tol:
                        return True
        return False

    runs = []
    for p in a_parts:
        cur = []
        for x, y in p:
            if near(x, y):
                cur.append((x, y))
            else:
                if len(cur) >= 2:
                    runs.append(cur)
                cur = []
        if len(cur) >= 2:
            runs.append(cur)
    return runs


def drop_crimea_neck(line):
    x0, y0, x1, y1 = CRIMEA_NECK
    runs, cur = [], []
    for x, y in line:
        if x0 <= x <= x1 and y0 <= y <= y1:
            if len(cur) >= 2:
                runs.append(cur)
            cur = []
        else:
            cur.append((x, y))
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def colour_oblasts(oblasts):
    """Greedy colouring with 4 tints: neighbours (sharing a vertex) differ."""
    keys = []
    for name, parts in oblasts:
        keys.append({(round(x / 2000), round(y / 2000)) for p in parts for x, y in p})
    colours = []
    for i, k in enumerate(keys):
        used = {colours[j] for j in range(i) if k & keys[j]}
        c = 0
        while c in used:
            c += 1
        colours.append(c % 4)
    return colours


def gshhg_rivers(root):
    gshhg = os.path.join(root, 'usr/share/gmt-gshhg')
    region = '-R%g/%g/%g/%g' % (BOX[0], BOX[2], BOX[1], BOX[3])
    out = subprocess.run(['gmt', 'coast', region, '-Ia', '-M', '-Dh', '--DIR_GSHHG=' + gshhg],
                         check=True, capture_output=True, text=True).stdout
    level, line = None, []
    for row in out.splitlines():
        if row.startswith('>'):
            if level is not None and len(line) >= 2:
                yield level, line
            level = int(row.rsplit('Level', 1)[1])
            line = []
        else:
            x, y = row.split()[:2]
            line.append((float(x), float(y)))
    if level is not None and len(line) >= 2:
        yield level, line


def encode_level(feats, level, min_zoom, max_zoom, tol):
    body = io.BytesIO()
    n = 0
    for f in feats:
        if f.min_level > level:
            continue
        parts = []
        for p in f.parts:
            q = quantise(simplify(p, tol))
            if f.kind == KIND_POLYGON:
                if len(q) < 4 or abs(ring_area(q)) < tol * tol:
                    continue
            elif len(q) < 2:
                continue
            parts.append(q)
        if not parts:
            continue
        name = f.name.encode('utf-8')
        body.write(struct.pack('<BBHH', f.layer, f.kind, f.attr, len(name)))
        body.write(name)
        body.write(struct.pack('<I', len(parts)))
        for q in parts:
            body.write(struct.pack('<I', len(q)))
            px, py = 0, 0
            flat = []
            for x, y in q:
                flat += [x - px, y - py]
                px, py = x, y
            body.write(struct.pack('<%di' % len(flat), *flat))
        n += 1
    head = b'SRBM' + struct.pack('<IIIII', 1, level, min_zoom, max_zoom, n)
    return head + body.getvalue(), n


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--root', default='/tmp/bm/x', help='where the Debian packages were unpacked')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'basemap'))
    args = ap.parse_args()
    feats = load_features(args.root)
    os.makedirs(args.out, exist_ok=True)
    for level, zmin, zmax, px, tol_zoom in LEVELS:
        tol = px * WORLD / (256 * (1 << tol_zoom))
        raw, n = encode_level(feats, level, zmin, zmax, tol)
        buf = io.BytesIO()
        with gzip.GzipFile(filename='', mode='wb', fileobj=buf, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
        path = os.path.join(args.out, 'basemap-%d.srbm.gz' % level)
        with open(path, 'wb') as f:
            f.write(buf.getvalue())
        print('%s: %d features, %d bytes raw, %d bytes gzip, sha256 %s'
              % (path, n, len(raw), len(buf.getvalue()), hashlib.sha256(buf.getvalue()).hexdigest()))


if __name__ == '__main__':
    main()
