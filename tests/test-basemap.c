/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap.c: the offline basemap: tile maths, loading, culling, Crimea and the border. */
#define G_LOG_DOMAIN "sitrep-test"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <gdk/gdk.h>

#include "sitrep-basemap.h"

static SitrepBasemap *
basemap (void)
{
  g_autoptr(GError) error = NULL;
  SitrepBasemap *b = sitrep_basemap_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

static void
test_mercator (void)
{
  double x, y, lat, lon;

  /* (0, 0) is the centre of the world; zoom 0 is one 256-px tile. */
  sitrep_basemap_latlon_to_world (0, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 128.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 128.0, 1e-9);

  /* Kupiansk at zoom 9 is in tile x 309, y 174 (as any slippy map tool says). */
  sitrep_basemap_latlon_to_world (49.71, 37.61, 9, &x, &y);
  g_assert_cmpint ((int) (x / 256), ==, 309);
  g_assert_cmpint ((int) (y / 256), ==, 174);

  /* Round trip at a fractional zoom. */
  sitrep_basemap_latlon_to_world (46.15, 33.69, 7.37, &x, &y);
  sitrep_basemap_world_to_latlon (x, y, 7.37, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 46.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 33.69, 1e-9);

  /* Poles are clamped, not infinite. */
  sitrep_basemap_latlon_to_world (90, 0, 1, &x, &y);
  g_assert_true (isfinite (y));
  g_assert_cmpfloat (y, >=, -1e-6);
}

static void
test_tms_flip (void)
{
  g_assert_cmpint (sitrep_basemap_tms_flip (0, 0), ==, 0);
  g_assert_cmpint (sitrep_basemap_tms_flip (174, 9), ==, 511 - 174);
  g_assert_cmpint (sitrep_basemap_tms_flip (sitrep_basemap_tms_flip (1234, 12), 12), ==, 1234);
}

static void
test_load_default (void)
{
  SitrepBasemap *b = basemap ();

  for (guint i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    g_assert_cmpuint (sitrep_basemap_get_n_features (b, i), >, 100);
  /* More detail at each level. */
  g_assert_cmpuint (sitrep_basemap_get_n_features (b, 0), <, sitrep_basemap_get_n_features (b, 2));
  g_assert_cmpuint (sitrep_basemap_level_for_zoom (5.5), ==, 0);
  g_assert_cmpuint (sitrep_basemap_level_for_zoom (9.9), ==, 1);
  g_assert_cmpuint (sitrep_basemap_level_for_zoom (12), ==, 2);
}

static void
test_load_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitrep-basemap-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (g_getenv ("SITREP_TEST_SRCDIR"), "..", "data", "basemap",
                                            "basemap-0.srbm.gz", NULL);
  g_autofree char *bad = g_build_filename (dir, "basemap-1.srbm", NULL);
  const char *paths[] = { good, bad, good, NULL };
  g_autoptr(GError) error = NULL;
  SitrepBasemap *b;

  /* A truncated level file. */
  g_assert_true (g_file_set_contents (bad, "SRBM\1\0\0\0\1\0\0\0", 12, NULL));
  b = sitrep_basemap_new_from_files (paths, &error);
  g_assert_null (b);
  g_assert_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "basemap-1.srbm"));
  g_clear_error (&error);

  /* Level 0's file given as level 1. */
  paths[1] = good;
  b = sitrep_basemap_new_from_files (paths, &error);
  g_assert_null (b);
  g_assert_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_INVALID);
  g_clear_error (&error);

  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_crimea_is_ukraine (void)
{
  SitrepBasemap *b = basemap ();

  /* Simferopol and Sevastopol are in Ukraine's polygon. */
  g_assert_true (sitrep_basemap_in_ukraine (b, 44.95, 34.10));
  g_assert_true (sitrep_basemap_in_ukraine (b, 44.60, 33.52));
  /* So are Kyiv and Kupiansk; Belgorod, Chisinau, Rostov and the Black Sea are not. */
  g_assert_true (sitrep_basemap_in_ukraine (b, 50.45, 30.52));
  g_assert_true (sitrep_basemap_in_ukraine (b, 49.71, 37.61));
  g_assert_false (sitrep_basemap_in_ukraine (b, 50.60, 36.59));
  g_assert_false (sitrep_basemap_in_ukraine (b, 47.01, 28.86));
  g_assert_false (sitrep_basemap_in_ukraine (b, 47.23, 39.72));
  g_assert_false (sitrep_basemap_in_ukraine (b, 43.50, 33.00));
}

static void
test_no_border_at_perekop (void)
{
  SitrepBasemap *b = basemap ();

  /* No state border across the Perekop isthmus or at Chonhar... */
  g_assert_cmpfloat (sitrep_basemap_state_border_distance_km (b, 46.15, 33.69), >, 5.0);
  g_assert_cmpfloat (sitrep_basemap_state_border_distance_km (b, 46.06, 34.80), >, 5.0);
  /* ...but there is one between Kharkiv and Belgorod oblasts, and in the Kerch Strait. */
  g_assert_cmpfloat (sitrep_basemap_state_border_distance_km (b, 50.33, 36.95), <, 5.0);
  g_assert_cmpfloat (sitrep_basemap_state_border_distance_km (b, 45.35, 36.65), <, 3.0);
}

static void
test_culling (void)
{
  SitrepBasemap *b = basemap ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  double x, y;
  guint near_kupiansk, open_sea, whole;

  /* A zoom-12 tile at Kupiansk draws only the few features that cross it. */
  sitrep_basemap_latlon_to_world (49.71, 37.61, 12, &x, &y);
  near_kupiansk = sitrep_basemap_render_tile (b, cr, (int) (x / 256), (int) (y / 256), 12, 256,
                                              SITREP_BASEMAP_STYLE_LIGHT);
  g_assert_cmpuint (near_kupiansk, >, 0);
  g_assert_cmpuint (near_kupiansk, <, 30);
  g_assert_cmpuint (near_kupiansk, <, sitrep_basemap_get_n_features (b, 2) / 10);

  /* A tile in the middle of the Black Sea meets only the bounding box of the big land
   * polygon (Eurasia, clipped), and is all water. */
  sitrep_basemap_latlon_to_world (43.3, 34.0, 10, &x, &y);
  open_sea = sitrep_basemap_render_tile (b, cr, (int) (x / 256), (int) (y / 256), 10, 256,
                                         SITREP_BASEMAP_STYLE_LIGHT);
  g_assert_cmpuint (open_sea, <=, 1);
  cairo_surface_flush (surface);
  {
    const guint8 *px = cairo_image_surface_get_data (surface);
    const SitrepBasemapPalette *pal = sitrep_basemap_palette_get (SITREP_BASEMAP_STYLE_LIGHT);

    /* CAIRO_FORMAT_RGB24 is BGRx in memory on little endian. */
    g_assert_cmpint (abs (px[2] - (int) (pal->water[0] * 255)), <=, 1);
    g_assert_cmpint (abs (px[0] - (int) (pal->water[2] * 255)), <=, 1);
  }

  /* The whole of Ukraine at zoom 5 draws many. */
  whole = sitrep_basemap_draw (b, cr, 5, 4700, 2750, 1280, 800, SITREP_BASEMAP_STYLE_LIGHT);
  g_assert_cmpuint (whole, >, near_kupiansk);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_tile_png (void)
{
  SitrepBasemap *b = basemap ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = sitrep_basemap_render_tile_png (b, 309, 174, 9, 512,
                                                          SITREP_BASEMAP_STYLE_DARK, &error);
  const guint8 *data;
  gsize len;

  g_assert_no_error (error);
  data = g_bytes_get_data (png, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* Width and height 512 in the IHDR chunk. */
  g_assert_cmpint (data[18], ==, 2);
  g_assert_cmpint (data[22], ==, 2);
}

static guint8 *
decode (GBytes *bytes,
        int     size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, &error);
  guint8 *data;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, size);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, size);
  data = g_malloc (size * size * 4);
  gdk_texture_download (texture, data, size * 4);
  return data;
}

/* The BMP tiles the source hands to libshumate show exactly what the PNG ones show:
 * rows in the right order, colours in the right channels. */
static void
test_tile_bmp (void)
{
  SitrepBasemap *b = basemap ();
  g_autoptr(GBytes) png = sitrep_basemap_render_tile_png (b, 309, 174, 9, 256, SITREP_BASEMAP_STYLE_LIGHT, NULL);
  g_autoptr(GBytes) bmp = sitrep_basemap_render_tile_bmp (b, 309, 174, 9, 256, SITREP_BASEMAP_STYLE_LIGHT);
  g_autofree guint8 *a = decode (png, 256);
  g_autofree guint8 *c = decode (bmp, 256);

  g_assert_cmpmem (g_bytes_get_data (bmp, NULL), 2, "BM", 2);
  g_assert_cmpmem (a, 256 * 256 * 4, c, 256 * 256 * 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/basemap/mercator", test_mercator);
  g_test_add_func ("/basemap/tms-flip", test_tms_flip);
  g_test_add_func ("/basemap/load-default", test_load_default);
  g_test_add_func ("/basemap/load-damaged", test_load_damaged);
  g_test_add_func ("/basemap/crimea-is-ukraine", test_crimea_is_ukraine);
  g_test_add_func ("/basemap/no-border-at-perekop", test_no_border_at_perekop);
  g_test_add_func ("/basemap/culling", test_culling);
  g_test_add_func ("/basemap/tile-png", test_tile_png);
  g_test_add_func ("/basemap/tile-bmp", test_tile_bmp);
  return g_test_run ();
}
