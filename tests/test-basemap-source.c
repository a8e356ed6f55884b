/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap-source.c: the offline tile source: worker-thread tiles, received-data, the LRU cache, styles. */
#define G_LOG_DOMAIN "sitrep-test"

#include <gdk/gdk.h>

#include "sitrep-basemap-source.h"

typedef struct
{
  int signals;
  gboolean signal_before_done;
  gboolean done;
  GBytes *bytes;
  GError *error;
} State;

static void
on_received (ShumateDataSource *source,
             int                x,
             int                y,
             int                zoom,
             GBytes            *bytes,
             State             *st)
{
  st->signals++;
  st->signal_before_done = !st->done;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  State *st = user_data;

  st->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source), result, &st->error);
  st->done = TRUE;
}

static GBytes *
fetch (SitrepBasemapSource *source,
       int                  x,
       int                  y,
       int                  z,
       State               *st)
{
  gulong id = g_signal_connect (source, "received-data", G_CALLBACK (on_received), st);

  *st = (State) { 0 };
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, z, NULL, on_done, st);
  while (!st->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (source, id);
  g_assert_no_error (st->error);
  g_assert_cmpint (st->signals, ==, 1);
  g_assert_true (st->signal_before_done);
  return st->bytes;
}

/* The colour of pixel (px, py) of a PNG tile, as 0xRRGGBB. */
static guint32
pixel (GBytes *png,
       int     px,
       int     py)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, &error);
  int w;
  g_autofree guint8 *data = NULL;
  guint8 *p;

  g_assert_no_error (error);
  w = gdk_texture_get_width (texture);
  data = g_malloc (w * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, data, w * 4);
  p = data + (py * w + px) * 4;       /* BGRA premultiplied, opaque here */
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

static int
brightness (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
}

static void
test_tiles (void)
{
  g_autoptr(SitrepBasemapSource) source = sitrep_basemap_source_new ();
  State st;
  g_autoptr(GBytes) light = NULL, again = NULL, dark = NULL, hidpi = NULL;
  double x, y;
  int tx, ty, px, py;

  /* The Black Sea south of Odesa (45.0, 31.5) at zoom 7. */
  sitrep_basemap_latlon_to_world (45.0, 31.5, 7, &x, &y);
  tx = (int) (x / 256);
  ty = (int) (y / 256);
  px = (int) x % 256;
  py = (int) y % 256;

  light = fetch (source, tx, ty, 7, &st);
  g_assert_cmpuint (sitrep_basemap_source_get_n_rendered (source), ==, 1);
  /* Sea in light: blue-ish (blue above red) and bright. */
  g_assert_cmpint (pixel (light, px, py) & 0xff, >, (pixel (light, px, py) >> 16) & 0xff);
  g_assert_cmpint (brightness (pixel (light, px, py)), >, 450);

  /* The same tile again comes from the cache, the same bytes, still signalled. */
  again = fetch (source, tx, ty, 7, &st);
  g_assert_true (again == light || g_bytes_equal (again, light));
  g_assert_cmpuint (sitrep_basemap_source_get_n_cached (source), ==, 1);
  g_assert_cmpuint (sitrep_basemap_source_get_n_rendered (source), ==, 1);

  /* Dark: rendered anew, and the sea is dark. */
  sitrep_basemap_source_set_style (source, SITREP_BASEMAP_STYLE_DARK);
  dark = fetch (source, tx, ty, 7, &st);
  g_assert_cmpuint (sitrep_basemap_source_get_n_rendered (source), ==, 2);
  g_assert_cmpint (brightness (pixel (dark, px, py)), <, 200);

  /* Scale 2: a 512-px tile. */
  sitrep_basemap_source_set_scale (source, 2);
  hidpi = fetch (source, tx, ty, 7, &st);
  {
    g_autoptr(GdkTexture) t = gdk_texture_new_from_bytes (hidpi, NULL);

    g_assert_cmpint (gdk_texture_get_width (t), ==, 512);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/basemap-source/tiles", test_tiles);
  return g_test_run ();
}
