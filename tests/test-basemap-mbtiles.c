/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap-mbtiles.c: reading raster MBTiles files, plain and in the wild's forms, and refusing bad ones. */
#define G_LOG_DOMAIN "sitrep-test"

#include <cairo.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sitrep-basemap.h"
#include "sitrep-mbtiles-source.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sitrep-mbtiles-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A 256-px PNG of one colour: each tile is told from the others by its colour. */
static GBytes *
make_png (double r,
          double g,
          double b)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (s);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (s, append_png, png);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (png);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
}

static void
insert_blob (sqlite3    *db,
             const char *sql,
             int         a,
             int         b,
             int         c,
             GBytes     *blob)
{
  sqlite3_stmt *stmt;
  gsize len;
  const void *data = g_bytes_get_data (blob, &len);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, a);
  sqlite3_bind_int (stmt, 2, b);
  sqlite3_bind_int (stmt, 3, c);
  sqlite3_bind_blob (stmt, 4, data, len, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Kupiansk's tiles at zoom 9: x 309, y 174 (XYZ); in TMS the row is 511 - 174 = 337. */
#define KX 309
#define KY 174
#define KZ 9

static char *
make_plain (Fixture    *f,
            const char *name,
            const char *format,
            GBytes     *red,
            GBytes     *blue)
{
  char *path = g_build_filename (f->dir, name, NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "INSERT INTO metadata VALUES ('name', 'Test'), ('minzoom', '8'), ('maxzoom', '10'),"
            " ('bounds', '36.0,48.0,39.0,51.0'), ('attribution', '<b>Test</b> tiles');");
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO metadata VALUES ('format', '%s')", format);

    exec (db, sql);
  }
  insert_blob (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", KZ, KX, (1 << KZ) - 1 - KY, red);
  /* The row right below Kupiansk's, in XYZ terms: TMS row one less. */
  insert_blob (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", KZ, KX, (1 << KZ) - 2 - KY, blue);
  sqlite3_close (db);
  return path;
}

static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) red = make_png (1, 0, 0);
  g_autoptr(GBytes) blue = make_png (0, 0, 1);
  g_autofree char *path = make_plain (f, "plain.mbtiles", "png", red, blue);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (path, &error);
  g_autoptr(GBytes) got = NULL;
  double w, s, e, n;

  g_assert_no_error (error);
  g_assert_cmpint (sitrep_mbtiles_source_get_min_zoom (mb), ==, 8);
  g_assert_cmpint (sitrep_mbtiles_source_get_max_zoom (mb), ==, 10);
  g_assert_cmpstr (sitrep_mbtiles_source_get_format (mb), ==, "png");
  g_assert_cmpstr (sitrep_mbtiles_source_get_attribution (mb), ==, "<b>Test</b> tiles");
  sitrep_mbtiles_source_get_bounds (mb, &w, &s, &e, &n);
  g_assert_cmpfloat (w, ==, 36.0);
  g_assert_cmpfloat (n, ==, 51.0);

  /* XYZ numbering in, TMS row flipped inside: the red tile is Kupiansk's. */
  got = sitrep_mbtiles_source_get_tile (mb, KX, KY, KZ, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, red));
  g_clear_pointer (&got, g_bytes_unref);
  got = sitrep_mbtiles_source_get_tile (mb, KX, KY + 1, KZ, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, blue));
  g_clear_pointer (&got, g_bytes_unref);

  /* Unflipped, the row holds nothing. */
  got = sitrep_mbtiles_source_get_tile (mb, KX, (1 << KZ) - 1 - KY, KZ, &error);
  g_assert_null (got);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE);
  g_clear_error (&error);

  /* Outside the zooms, and outside the bounds (Lviv at zoom 9): no tile, the offline
   * basemap shows. */
  got = sitrep_mbtiles_source_get_tile (mb, KX * 8, KY * 8, 12, &error);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE);
  g_assert_nonnull (strstr (error->message, "zoom 12"));
  g_clear_error (&error);
  got = sitrep_mbtiles_source_get_tile (mb, 289, 176, 9, &error);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE);
  g_assert_nonnull (strstr (error->message, "outside the bounds"));
  g_clear_error (&error);
}

/* How MBTiles files from TileMill / mbutil look: `tiles` a view over `map` and `images`,
 * UTFGrid tables beside them, no zooms in metadata, JPEG tiles. */
static void
test_view_and_utfgrid (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "view.mbtiles", NULL);
  g_autoptr(GBytes) green = make_png (0, 1, 0);
  g_autoptr(GBytes) grid = g_bytes_new_static ("x\x9c\x03\x00\x00\x00\x00\x01", 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepMbtilesSource) mb = NULL;
  g_autoptr(GBytes) got = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
            "INSERT INTO metadata VALUES ('name', 'Wild'), ('format', 'jpg');"
            "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
            " tile_id TEXT, grid_id TEXT);"
            "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
            "CREATE TABLE grid_key (grid_id TEXT, key_name TEXT);"
            "CREATE TABLE keymap (key_name TEXT, key_json TEXT);"
            "CREATE TABLE grid_utfgrid (grid_id TEXT, grid_utfgrid BLOB);"
            "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
            " map.tile_row AS tile_row, images.tile_data AS tile_data"
            " FROM map JOIN images ON images.tile_id = map.tile_id;"
            "CREATE VIEW grids AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
            " map.tile_row AS tile_row, grid_utfgrid.grid_utfgrid AS grid"
            " FROM map JOIN grid_utfgrid ON grid_utfgrid.grid_id = map.grid_id;");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO images VALUES (?4, 'abc')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (green, NULL), g_bytes_get_size (green), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  exec (db, "INSERT INTO map VALUES (11, 1237, 1350, 'abc', 'g1'), (12, 2474, 2700, 'abc', 'g1');"
            "INSERT INTO grid_key VALUES ('g1', 'k');"
            "INSERT INTO keymap VALUES ('k', '{\"name\": \"x\"}');");
  insert_blob (db, "INSERT INTO grid_utfgrid VALUES ('g1', ?4) -- ?1 ?2 ?3", 0, 0, 0, grid);
  sqlite3_close (db);

  mb = sitrep_mbtiles_source_new (path, &error);
  g_assert_no_error (error);
  /* No zooms in metadata: taken from the tiles. */
  g_assert_cmpint (sitrep_mbtiles_source_get_min_zoom (mb), ==, 11);
  g_assert_cmpint (sitrep_mbtiles_source_get_max_zoom (mb), ==, 12);
  got = sitrep_mbtiles_source_get_tile (mb, 1237, (1 << 11) - 1 - 1350, 11, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, green));
}

typedef struct
{
  GBytes *signalled;
  GBytes *result;
  GError *error;
  gboolean done;
  gboolean signal_before_done;
} AsyncState;

static void
on_received_data (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  AsyncState        *st)
{
  g_assert_cmpint (x, ==, KX);
  g_assert_cmpint (y, ==, KY);
  g_assert_cmpint (zoom, ==, KZ);
  st->signalled = g_bytes_ref (bytes);
  st->signal_before_done = !st->done;
}

static void
on_tile (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncState *st = user_data;

  st->result = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source), result, &st->error);
  st->done = TRUE;
}

static void
test_async_signal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) red = make_png (1, 0, 0);
  g_autoptr(GBytes) blue = make_png (0, 0, 1);
  g_autofree char *path = make_plain (f, "async.mbtiles", "png", red, blue);
  g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (path, NULL);
  AsyncState st = { 0 };

  g_signal_connect (mb, "received-data", G_CALLBACK (on_received_data), &st);
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (mb), KX, KY, KZ, NULL, on_tile, &st);
  while (!st.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (st.error);
  /* libshumate 1.0.3 draws from received-data: it must come, and before completion. */
  g_assert_nonnull (st.signalled);
  g_assert_true (st.signal_before_done);
  g_assert_true (g_bytes_equal (st.result, red));
  g_bytes_unref (st.signalled);
  g_bytes_unref (st.result);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.mbtiles", NULL);
  g_autofree char *empty_db = g_build_filename (f->dir, "empty.mbtiles", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.mbtiles", NULL);
  g_autoptr(GBytes) red = make_png (1, 0, 0);
  g_autofree char *vector = make_plain (f, "vector.mbtiles", "pbf", red, red);
  g_autoptr(GError) error = NULL;
  SitrepMbtilesSource *mb;
  sqlite3 *db;

  /* Not SQLite at all. */
  g_assert_true (g_file_set_contents (text, "These are my notes about the map, not tiles.\n"
                                      "Nothing to see here, and more than a hundred bytes of it "
                                      "so that SQLite reads a whole header.\n", -1, NULL));
  mb = sitrep_mbtiles_source_new (text, &error);
  g_assert_null (mb);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "notes.mbtiles"));
  g_assert_nonnull (strstr (error->message, "not an SQLite database"));
  g_clear_error (&error);

  /* SQLite without a tiles table. */
  g_assert_cmpint (sqlite3_open (empty_db, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);");
  sqlite3_close (db);
  mb = sitrep_mbtiles_source_new (empty_db, &error);
  g_assert_null (mb);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“tiles”"));
  g_clear_error (&error);

  /* Vector tiles. */
  mb = sitrep_mbtiles_source_new (vector, &error);
  g_assert_null (mb);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_VECTOR);
  g_assert_nonnull (strstr (error->message, "vector"));
  g_clear_error (&error);

  /* No file. */
  mb = sitrep_mbtiles_source_new (missing, &error);
  g_assert_null (mb);
  g_assert_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/mbtiles/plain", Fixture, NULL, fixture_setup, test_plain, fixture_teardown);
  g_test_add ("/mbtiles/view-and-utfgrid", Fixture, NULL, fixture_setup, test_view_and_utfgrid,
              fixture_teardown);
  g_test_add ("/mbtiles/async-signal", Fixture, NULL, fixture_setup, test_async_signal, fixture_teardown);
  g_test_add ("/mbtiles/bad-files", Fixture, NULL, fixture_setup, test_bad_files, fixture_teardown);
  return g_test_run ();
}
