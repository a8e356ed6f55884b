/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench-basemap.c: `sitrep-cli bench basemap`: offline tile rendering and label layout times. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <time.h>

#include "sitrep-basemap.h"
#include "sitrep-basemap-labels.h"
#include "sitrep-cli-private.h"

/* This thread's CPU time in µs: steadier than the wall clock on a busy machine. */
static gint64
thread_cpu_us (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * G_GINT64_CONSTANT (1000000) + t.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *ms,
            double  p)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) floor (p * (ms->len - 1) + 0.5)));
}

int
sitrep_cli_bench_basemap (int    argc,
                          char **argv)
{
  int scale = 1;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_("Tile scale: 1 (256 px) or 2 (512 px)"), N_("N") },
    { NULL }
  };
  SitrepBasemap *basemap;
  g_autoptr(GArray) tile_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) png_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 c0;
  g_autoptr(GArray) labels_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) labels = NULL;
  PangoContext *pango = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 t0;
  double load_ms;
  guint placed_total = 0;

  ctx = g_option_context_new (_("— time the offline basemap's tiles and labels"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  scale = CLAMP (scale, 1, 2);

  t0 = g_get_monotonic_time ();
  basemap = sitrep_basemap_get_default (&error);
  if (basemap == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  load_ms = (g_get_monotonic_time () - t0) / 1000.0;

  /* Zooms 5-12 over eastern Ukraine (Kharkiv to Donetsk, Sumy to Zaporizhzhia): a 4 × 4
   * grid of tiles per zoom, spread over the region. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256 * scale, 256 * scale);
  cr = cairo_create (surface);
  for (int z = 5; z <= 12; z++)
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 4; j++)
        {
          double lat = 47.6 + i * (50.8 - 47.6) / 3.0;
          double lon = 35.0 + j * (39.6 - 35.0) / 3.0;
          double x, y;
          g_autoptr(GBytes) png = NULL;
          g_autoptr(GBytes) bmp = NULL;

          sitrep_basemap_latlon_to_world (lat, lon, z, &x, &y);
          /* What the tile source does: render and encode as BMP. */
          t0 = g_get_monotonic_time ();
          c0 = thread_cpu_us ();
          bmp = sitrep_basemap_render_tile_bmp (basemap, (int) (x / 256), (int) (y / 256), z,
                                                256 * scale, SITREP_BASEMAP_STYLE_LIGHT);
          g_array_append_vals (cpu_ms, &(double) { (thread_cpu_us () - c0) / 1000.0 }, 1);
          g_array_append_vals (tile_ms, &(double) { (g_get_monotonic_time () - t0) / 1000.0 }, 1);
          t0 = g_get_monotonic_time ();
          png = sitrep_basemap_render_tile_png (basemap, (int) (x / 256), (int) (y / 256), z,
                                                256 * scale, SITREP_BASEMAP_STYLE_LIGHT, &error);
          g_array_append_vals (png_ms, &(double) { (g_get_monotonic_time () - t0) / 1000.0 }, 1);
          if (png == NULL)
            {
              sitrep_cli_error ("%s", error->message);
              return 1;
            }
          t0 = g_get_monotonic_time ();
          sitrep_basemap_render_tile (basemap, cr, (int) (x / 256), (int) (y / 256), z, 256 * scale,
                                      SITREP_BASEMAP_STYLE_LIGHT);
          cairo_surface_flush (surface);
          g_array_append_vals (draw_ms, &(double) { (g_get_monotonic_time () - t0) / 1000.0 }, 1);
        }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Labels for a 1280 × 800 view, panned over the east at zooms 6 to 11; text sizes are
   * measured once (as in the app, where they are cached), so time a warm-up pass apart. */
  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  t0 = g_get_monotonic_time ();
  labels = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_LATIN);
  {
    double make_ms = (g_get_monotonic_time () - t0) / 1000.0;
    double warm_ms;

    t0 = g_get_monotonic_time ();
    for (int z = 6; z <= 11; z++)
      {
        double cx, cy;
        g_autoptr(GArray) placed = NULL;

        sitrep_basemap_latlon_to_world (48.9, 37.2, z, &cx, &cy);
        placed = sitrep_map_labels_layout (labels, pango, z, cx - 640, cy - 400, 1280, 800);
      }
    warm_ms = (g_get_monotonic_time () - t0) / 1000.0;

    for (int round = 0; round < 5; round++)
      for (int z = 6; z <= 11; z++)
        {
          double cx, cy;
          g_autoptr(GArray) placed = NULL;

          sitrep_basemap_latlon_to_world (48.9 + round * 0.05, 37.2 + round * 0.08, z + 0.3, &cx, &cy);
          t0 = g_get_monotonic_time ();
          placed = sitrep_map_labels_layout (labels, pango, z + 0.3, cx - 640, cy - 400, 1280, 800);
          g_array_append_vals (labels_ms, &(double) { (g_get_monotonic_time () - t0) / 1000.0 }, 1);
          placed_total += placed->len;
        }

    printf ("{\"bench\": \"basemap\", \"scale\": %d, \"load_ms\": %.1f, \"tiles\": %u, "
            "\"tile_ms_median\": %.2f, \"tile_ms_p95\": %.2f, "
            "\"tile_cpu_ms_median\": %.2f, \"tile_cpu_ms_p95\": %.2f, "
            "\"draw_only_ms_median\": %.2f, \"draw_only_ms_p95\": %.2f, "
            "\"png_tile_ms_median\": %.2f, "
            "\"labels\": %u, \"labels_make_ms\": %.1f, \"labels_first_layouts_ms\": %.1f, "
            "\"labels_placed_mean\": %.1f, \"labels_ms_median\": %.2f, \"labels_ms_p95\": %.2f}\n",
            scale, load_ms, tile_ms->len,
            percentile (tile_ms, 0.5), percentile (tile_ms, 0.95),
            percentile (cpu_ms, 0.5), percentile (cpu_ms, 0.95),
            percentile (draw_ms, 0.5), percentile (draw_ms, 0.95),
            percentile (png_ms, 0.5),
            labels->len, make_ms, warm_ms,
            (double) placed_total / labels_ms->len,
            percentile (labels_ms, 0.5), percentile (labels_ms, 0.95));
  }
  g_object_unref (pango);
  return 0;
}
