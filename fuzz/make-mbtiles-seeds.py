#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-mbtiles-seeds.py: the seed corpus of fuzz-mbtiles: small valid MBTiles files in
the two forms tests/test-basemap-mbtiles.c reads (a plain tiles table, and the tiles view
over map and images), with 512-byte pages so that the fuzzer's mutations land on content."""

import argparse
import os
import sqlite3
import struct
import zlib


def png(r, g, b):
    """A 1x1 RGB PNG."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = bytes([0, r, g, b])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def open_db(path):
    if os.path.exists(path):
        os.unlink(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size = 512")
    return db


def plain(path):
    db = open_db(path)
    db.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB);"
        "INSERT INTO metadata VALUES ('name', 'Seed'), ('format', 'png'), ('minzoom', '8'),"
        " ('maxzoom', '10'), ('bounds', '36.0,48.0,39.0,51.0'), ('attribution', 'Seed tiles');")
    # Kupiansk at zoom 9: x 309, XYZ y 174, TMS row 511 - 174; and the row below it.
    db.execute("INSERT INTO tiles VALUES (9, 309, 337, ?)", (png(255, 0, 0),))
    db.execute("INSERT INTO tiles VALUES (9, 309, 336, ?)", (png(0, 0, 255),))
    db.commit()
    db.close()


def view(path):
    db = open_db(path)
    db.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "INSERT INTO metadata VALUES ('name', 'Wild'), ('format', 'jpg');"
        "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_id TEXT, grid_id TEXT);"
        "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
        "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level,"
        " map.tile_column AS tile_column, map.tile_row AS tile_row,"
        " images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;"
        "INSERT INTO map VALUES (11, 1237, 1350, 'abc', NULL), (12, 2474, 2700, 'abc', NULL);")
    db.execute("INSERT INTO images VALUES (?, 'abc')", (png(0, 255, 0),))
    db.commit()
    db.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    plain(os.path.join(args.outdir, "plain.mbtiles"))
    view(os.path.join(args.outdir, "view.mbtiles"))


if __name__ == "__main__":
    main()
