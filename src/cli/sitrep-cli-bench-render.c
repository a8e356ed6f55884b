/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench-render.c: `sitrep-cli bench render`: frame times of the map layer and
 * the timeline while the window sweeps across a collection. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "sitrep-cli-private.h"
#include "sitrep-event-store.h"
#include "sitrep-map-view.h"
#include "sitrep-timeline.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Renders a widget as GTK would in a frame: its snapshot() into a render node (children
 * through gtk_widget_snapshot_child() as usual), the node drawn by cairo on an image. */
static void
render_widget (GtkWidget       *widget,
               cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
sitrep_cli_bench_render (int    argc,
                         char **argv)
{
  int frames = 300;
  int width = 1280, map_height = 640, timeline_height = 140;
  int window_days = 30;
  char *png = NULL;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, N_("Frames to render (default 300)"), N_("N") },
    { "window-days", 0, 0, G_OPTION_ARG_INT, &window_days, N_("Length of the swept window in days (default 30)"), N_("DAYS") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1280)"), N_("PX") },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Write the middle frame of the timeline to this PNG"), N_("FILE") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — frame times of the map layer and timeline"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepEventStore) store = NULL;
  g_autofree double *times = NULL;
  g_autofree double *map_times = NULL;
  g_autofree double *timeline_times = NULL;
  g_autofree char *png_path = NULL;
  GtkWidget *window, *box, *timeline, *map_widget = NULL;
  SitrepMapView *map_view;
  cairo_surface_t *map_surface = NULL, *timeline_surface;
  gint64 first = 0, last = 0, len;
  double sum = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || frames < 1)
    {
      sitrep_cli_error ("%s", error != NULL ? error->message : _("bench render needs one collection FILE"));
      return 2;
    }
  png_path = png;
  if (!gtk_init_check ())
    {
      sitrep_cli_error (_("bench render needs a display; run it under “xvfb-run -a”"));
      return 1;
    }

  store = sitrep_event_store_new ();
  if (!sitrep_event_store_load (store, argv[1], NULL, NULL, NULL, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  if (!sitrep_event_store_get_range (store, &first, &last))
    {
      sitrep_cli_error (_("“%s” holds no events to render"), argv[1]);
      return 1;
    }

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  timeline = sitrep_timeline_new ();
  gtk_widget_set_size_request (timeline, width, timeline_height);
  /* The real map with its pin layer, on Kharkiv oblast at zoom 8 (offline background). */
  map_view = sitrep_map_view_new ();
  gtk_widget_set_size_request (GTK_WIDGET (map_view), width, map_height);
  sitrep_map_view_set_store (map_view, store);
  map_widget = GTK_WIDGET (sitrep_map_view_get_pin_layer (map_view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map_view));
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, timeline_height + (map_widget != NULL ? map_height : 0));
  sitrep_timeline_set_store (SITREP_TIMELINE (timeline), store);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (timeline); i++)
    {
      iterate ();
      g_usleep (5000);
    }
  sitrep_map_view_go_to (map_view, 49.6, 36.7, 8);
  iterate ();
  if (!gtk_widget_get_mapped (timeline))
    {
      sitrep_cli_error (_("The benchmark window was never shown"));
      return 1;
    }

  timeline_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (timeline),
                                                 gtk_widget_get_height (timeline));
  if (map_widget != NULL)
    map_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (map_widget),
                                              gtk_widget_get_height (map_widget));

  /* Sweep a window of window_days across the whole collection, one step per frame. */
  len = (gint64) window_days * 86400;
  times = g_new (double, frames);
  map_times = g_new0 (double, frames);
  timeline_times = g_new (double, frames);
  for (int f = 0; f < frames; f++)
    {
      gint64 start = first + (gint64) ((double) (last - len - first) * f / MAX (frames - 1, 1));
      gint64 t0 = g_get_monotonic_time (), t1, t2;

      /* What the window's link does when the brush moves. */
      sitrep_timeline_set_window (SITREP_TIMELINE (timeline), start, start + len);
      sitrep_pin_layer_set_time_window (SITREP_PIN_LAYER (map_widget), start, start + len);
      if (map_widget != NULL)
        render_widget (map_widget, map_surface);
      t1 = g_get_monotonic_time ();
      render_widget (timeline, timeline_surface);
      t2 = g_get_monotonic_time ();
      times[f] = (t2 - t0) / 1000.0;
      map_times[f] = (t1 - t0) / 1000.0;
      timeline_times[f] = (t2 - t1) / 1000.0;
      sum += times[f];
      if (png_path != NULL && f == frames / 2)
        {
          g_autofree char *map_png = g_strconcat (png_path, ".map.png", NULL);

          cairo_surface_write_to_png (timeline_surface, png_path);
          cairo_surface_write_to_png (map_surface, map_png);
        }
      iterate ();
    }
  qsort (times, frames, sizeof (double), compare_double);
  qsort (map_times, frames, sizeof (double), compare_double);
  qsort (timeline_times, frames, sizeof (double), compare_double);
  /* map_ms and timeline_ms: the two parts of a frame (time window set + pin layer, and
   * timeline), medians; they do not add up to the frame's median exactly. */
  g_print ("{\"frames\":%d,\"events\":%u,\"frame_ms_median\":%.3f,\"frame_ms_p95\":%.3f,"
           "\"frame_ms_mean\":%.3f,\"map_ms_median\":%.3f,\"timeline_ms_median\":%.3f,"
           "\"width\":%d,\"map_height\":%d,\"pins_last_frame\":%u,"
           "\"clusters_last_frame\":%u}\n",
           frames, sitrep_event_store_get_n_events (store), times[frames / 2],
           times[MIN (frames - 1, (int) (frames * 0.95))], sum / frames,
           map_times[frames / 2], timeline_times[frames / 2], width, map_height,
           sitrep_pin_layer_get_n_visible (SITREP_PIN_LAYER (map_widget)),
           sitrep_pin_layer_get_n_clusters (SITREP_PIN_LAYER (map_widget)));

  cairo_surface_destroy (timeline_surface);
  if (map_surface != NULL)
    cairo_surface_destroy (map_surface);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
