/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap-snapshot.c: `sitrep-cli snapshot`: light and dark maps, pins and dates, no network. */
#define G_LOG_DOMAIN "sitrep-test"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "sitrep-basemap.h"
#include "sitrep-basemap-export.h"
#include "sitrep-db.h"
#include "sitrep-test-util.h"
#include "sitrep-types.h"

/* The view of every snapshot here: the south of Ukraine at zoom 6, 640 × 400. */
#define CLAT 46.5
#define CLON 33.0
#define ZOOM 6.0
#define W 640
#define H 400

static char *
cli_path (void)
{
  return g_build_filename (sitrep_test_builddir (), "..", "src", "cli", "sitrep-cli", NULL);
}

/* Runs sitrep-cli with args (NULL-terminated), optionally under `unshare -n`; returns
 * the exit status and fills *err with its stderr. */
static int
run_cli (gboolean     no_network,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  va_list ap;
  int status = -1;

  if (no_network)
    {
      g_ptr_array_add (argv, g_strdup ("unshare"));
      g_ptr_array_add (argv, g_strdup ("-n"));
    }
  g_ptr_array_add (argv, cli_path ());
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, err,
                     &status, &error))
    g_error ("%s", error->message);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static char *
snapshot (const char *collection,
          const char *style,
          const char *extra1,
          const char *extra2)
{
  char *out = sitrep_test_tmp_path ("snapshot.png");
  g_autofree char *err = NULL;
  g_autofree char *center = g_strdup_printf ("%.4f,%.4f", CLAT, CLON);
  g_autofree char *zoom = g_strdup_printf ("%g", ZOOM);
  g_autofree char *size = g_strdup_printf ("%dx%d", W, H);
  int status;

  if (collection != NULL)
    status = run_cli (FALSE, &err, "snapshot", collection, "--center", center, "--zoom", zoom,
                      "--size", size, "--style", style, "--out", out, extra1, extra2, NULL);
  else
    status = run_cli (FALSE, &err, "snapshot", "--center", center, "--zoom", zoom,
                      "--size", size, "--style", style, "--out", out, extra1, extra2, NULL);
  if (status != 0)
    g_error ("sitrep-cli snapshot failed (%d): %s", status, err);
  return out;
}

typedef struct
{
  int r, g, b;
} Rgb;

/* The pixel at (lat, lon) in a snapshot of the view above. */
static cairo_surface_t *
load_png (const char *png)
{
  static GHashTable *loaded;
  cairo_surface_t *s;

  /* Each image is sampled many times: decode it once. */
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) cairo_surface_destroy);
  s = g_hash_table_lookup (loaded, png);
  if (s == NULL)
    {
      s = cairo_image_surface_create_from_png (png);
      g_hash_table_insert (loaded, g_strdup (png), s);
    }
  return cairo_surface_reference (s);
}

static Rgb
sample (const char *png,
        double      lat,
        double      lon)
{
  cairo_surface_t *s = load_png (png);
  double cx, cy, x, y;
  const guint8 *p;
  Rgb rgb;

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, W);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, H);
  sitrep_basemap_latlon_to_world (CLAT, CLON, ZOOM, &cx, &cy);
  sitrep_basemap_latlon_to_world (lat, lon, ZOOM, &x, &y);
  x = floor (x - cx + W / 2.0);
  y = floor (y - cy + H / 2.0);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  p = cairo_image_surface_get_data (s) + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4;
  rgb = (Rgb) { p[2], p[1], p[0] };
  cairo_surface_destroy (s);
  return rgb;
}

/* How many pixels of the 17 × 17 box around (lat, lon) differ clearly between a and b. */
static int
box_difference (const char *a,
                const char *b,
                double      lat,
                double      lon)
{
  double cx, cy, x, y;
  int n = 0;

  sitrep_basemap_latlon_to_world (CLAT, CLON, ZOOM, &cx, &cy);
  sitrep_basemap_latlon_to_world (lat, lon, ZOOM, &x, &y);
  for (int dy = -8; dy <= 8; dy++)
    for (int dx = -8; dx <= 8; dx++)
      {
        double la, lo;
        Rgb pa, pb;

        sitrep_basemap_world_to_latlon (x + dx + 0.5, y + dy + 0.5, ZOOM, &la, &lo);
        pa = sample (a, la, lo);
        pb = sample (b, la, lo);
        n += abs (pa.r - pb.r) + abs (pa.g - pb.g) + abs (pa.b - pb.b) > 60;
      }
  return n;
}

static int
bright (Rgb c)
{
  return c.r + c.g + c.b;
}

static int
distance (Rgb a,
          Rgb b)
{
  return abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b);
}

static void
test_light_and_dark (void)
{
  g_autofree char *light = snapshot (NULL, "light", NULL, NULL);
  g_autofree char *dark = snapshot (NULL, "dark", NULL, NULL);
  /* The Black Sea south of Odesa; the steppe north of Kherson; the Sea of Azov. */
  Rgb sea_l = sample (light, 45.0, 31.5), sea_d = sample (dark, 45.0, 31.5);
  Rgb land_l = sample (light, 47.3, 32.2), land_d = sample (dark, 47.3, 32.2);
  Rgb azov_l = sample (light, 46.3, 36.2);

  /* Light: the sea is blue-ish and light, the land lighter still and not blue. */
  g_assert_cmpint (sea_l.b, >, sea_l.r + 30);
  g_assert_cmpint (bright (sea_l), >, 450);
  g_assert_cmpint (bright (land_l), >, bright (sea_l));
  g_assert_cmpint (land_l.r, >=, land_l.b);
  g_assert_cmpint (distance (sea_l, azov_l), <, 10);
  /* Dark: both dark, the sea darker and bluer than the land. */
  g_assert_cmpint (bright (sea_d), <, 180);
  g_assert_cmpint (bright (land_d), <, 250);
  g_assert_cmpint (bright (sea_d), <, bright (land_d));
  g_assert_cmpint (sea_d.b, >, sea_d.r);
  /* And the two styles differ where it matters. */
  g_assert_cmpint (distance (sea_l, sea_d), >, 200);
  g_assert_cmpint (distance (land_l, land_d), >, 300);

  g_unlink (light);
  g_unlink (dark);
}

static char *
write_collection (void)
{
  g_autoptr(GError) error = NULL;
  char *path = sitrep_test_tmp_path ("snapshot.sitrep");
  g_autoptr(SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);
  g_autoptr(SitrepEvent) event = sitrep_event_new ();

  g_assert_no_error (error);
  event->uid = g_strdup ("snapshot-1");
  event->kind = SITREP_KIND_SHELLING;
  event->start = sitrep_day_to_unix (2024, 11, 20);
  event->end = event->start + 86400;
  /* In the steppe north of Kherson, far from any label. */
  event->lat = 47.3;
  event->lon = 32.2;
  event->geo_precision = SITREP_GEO_PRECISION_SETTLEMENT;
  event->summary = g_strdup ("Shelling of a village, as a test describes it");
  sitrep_db_insert_event (db, event, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_pins_and_dates (void)
{
  g_autofree char *collection = write_collection ();
  g_autofree char *bare = snapshot (NULL, "light", NULL, NULL);
  g_autofree char *pins = snapshot (collection, "light", NULL, NULL);
  g_autofree char *in = snapshot (collection, "light", "--from=2024-11-20", "--to=2024-11-20");
  g_autofree char *before = snapshot (collection, "light", "--to=2024-11-19", NULL);

  /* The pin (a disc of radius 7) hides the land under it when the event is in the dates
   * shown... */
  g_assert_cmpint (box_difference (pins, bare, 47.3, 32.2), >, 80);
  g_assert_cmpint (box_difference (in, bare, 47.3, 32.2), >, 80);
  /* ...and not when it is not. */
  g_assert_cmpint (box_difference (before, bare, 47.3, 32.2), ==, 0);
  /* The sea far from the pin is the same in all. */
  g_assert_cmpint (distance (sample (pins, 45.0, 31.5), sample (bare, 45.0, 31.5)), <, 6);
}

static void
test_bad_arguments (void)
{
  g_autofree char *err = NULL;
  g_autofree char *out = sitrep_test_tmp_path ("bad.png");
  g_autofree char *text = sitrep_test_tmp_path ("bad.mbtiles");

  g_assert_cmpint (run_cli (FALSE, &err, "snapshot", "--zoom", "6", "--out", out, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--center"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (FALSE, &err, "snapshot", "--center", "49,37", "--style", "sepia",
                            "--out", out, NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  /* A bad MBTiles basemap: a clear message with the file name, no image. */
  sitrep_test_write_file (text, "not a database, not at all, just a few words of text for SQLite "
                          "to read as a header and refuse", -1);
  g_assert_cmpint (run_cli (FALSE, &err, "snapshot", "--center", "49,37", "--basemap", text,
                            "--out", out, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad"));
  g_assert_nonnull (strstr (err, "not an SQLite database"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* With the network cut, asking for OpenStreetMap tiles still gives the offline map,
 * promptly and without an error. */
static void
test_offline_without_network (void)
{
  g_autofree char *err = NULL;
  g_autofree char *out = sitrep_test_tmp_path ("osm.png");
  g_autofree char *light = snapshot (NULL, "light", NULL, NULL);
  g_autofree char *center = g_strdup_printf ("%.4f,%.4f", CLAT, CLON);
  g_autofree char *size = g_strdup_printf ("%dx%d", W, H);
  int status = -1;
  gint64 t0;

  if (!g_spawn_command_line_sync ("unshare -n true", NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("unshare -n is not permitted here: cannot cut the network for this test");
      return;
    }
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (TRUE, &err, "snapshot", "--center", center, "--zoom", "6", "--size", size,
                            "--basemap", "osm", "--out", out, NULL), ==, 0);
  g_assert_cmpint ((g_get_monotonic_time () - t0) / G_USEC_PER_SEC, <, 30);
  /* Offline colours at sea and on land; the attribution box differs, the map does not. */
  g_assert_cmpint (distance (sample (out, 45.0, 31.5), sample (light, 45.0, 31.5)), <, 6);
  g_assert_cmpint (distance (sample (out, 47.3, 32.2), sample (light, 47.3, 32.2)), <, 6);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!sitrep_map_image_write_png_finish (result, error) && *error == NULL)
    g_error ("failed without an error");
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* File → Export Map Image renders on a worker thread: the same image as the CLI's. */
static void
test_export_async (void)
{
  g_autofree char *cli = snapshot (NULL, "dark", NULL, NULL);
  g_autofree char *out = sitrep_test_tmp_path ("export.png");
  SitrepMapImage image = { CLAT, CLON, ZOOM, W, H, SITREP_BASEMAP_STYLE_DARK, NULL, NULL, 0, 0 };
  GError *error = NULL;

  sitrep_map_image_write_png_async (&image, out, NULL, on_exported, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* "done", no real error */
  g_clear_error (&error);
  g_assert_cmpint (box_difference (out, cli, 45.0, 31.5), ==, 0);
  g_assert_cmpint (box_difference (out, cli, 47.3, 32.2), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);
  g_test_add_func ("/snapshot/light-and-dark", test_light_and_dark);
  g_test_add_func ("/snapshot/pins-and-dates", test_pins_and_dates);
  g_test_add_func ("/snapshot/bad-arguments", test_bad_arguments);
  g_test_add_func ("/snapshot/offline-without-network", test_offline_without_network);
  g_test_add_func ("/snapshot/export-async", test_export_async);
  return g_test_run ();
}
