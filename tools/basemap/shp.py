# SPDX-License-Identifier: GPL-3.0-or-later
# shp.py: a minimal ESRI shapefile + dBase reader (Python stdlib only) for the basemap build.
import struct


def read_dbf(path):
    with open(path, 'rb') as f:
        data = f.read()
    n_records, header_len, record_len = struct.unpack('<xxxxIHH', data[:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b'\0')[0].decode('ascii')
        ftype = chr(data[pos + 11])
        flen = data[pos + 16]
        fields.append((name, ftype, flen))
        pos += 32
    records = []
    for i in range(n_records):
        off = header_len + i * record_len
        rec = data[off:off + record_len]
        deleted = rec[0:1] == b'*'
        p = 1
        row = {}
        for name, ftype, flen in fields:
            raw = rec[p:p + flen]
            p += flen
            txt = raw.decode('utf-8', 'replace').strip().rstrip('\0')
            if ftype in 'NF':
                try:
                    row[name] = float(txt) if txt else None
                except ValueError:
                    row[name] = None
            else:
                row[name] = txt
        row['_deleted'] = deleted
        records.append(row)
    return records


def read_shp(path):
    """Returns [(shape_type, parts)] per record: parts is a list of [(x, y), ...].

    Offsets come from the .shx index: some writers (Natural Earth's admin-0 lines)
    store wrong content lengths in the .shp record headers."""
    with open(path, 'rb') as f:
        data = f.read()
    with open(path[:-4] + '.shx', 'rb') as f:
        index = f.read()
    out = []
    for k in range((len(index) - 100) // 8):
        offset = struct.unpack('>i', index[100 + 8 * k:104 + 8 * k])[0] * 2
        pos = offset + 8
        stype = struct.unpack('<i', data[pos:pos + 4])[0]
        if stype == 0:
            out.append((0, []))
            continue
        if stype in (1, 11, 21):
            x, y = struct.unpack('<dd', data[pos + 4:pos + 20])
            out.append((1, [[(x, y)]]))
            continue
        n_parts, n_points = struct.unpack('<ii', data[pos + 36:pos + 44])
        idx = list(struct.unpack('<%di' % n_parts, data[pos + 44:pos + 44 + 4 * n_parts]))
        pts_off = pos + 44 + 4 * n_parts
        coords = struct.unpack('<%dd' % (2 * n_points), data[pts_off:pts_off + 16 * n_points])
        idx.append(n_points)
        parts = []
        for a, b in zip(idx[:-1], idx[1:]):
            parts.append([(coords[2 * j], coords[2 * j + 1]) for j in range(a, b)])
        out.append((stype % 10, parts))
    return out


def read(path_noext):
    return list(zip(read_shp(path_noext + '.shp'), read_dbf(path_noext + '.dbf')))
