/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-graticule-layer.c: the offline background: land colour and a 1° graticule.
 *
 * It lies under every other layer, so that the map is never blank: when the tiles cannot
 * be downloaded (offline, or tiles turned off) the pins still sit on a plain land colour
 * with labelled lines every degree of latitude and longitude. */
#define G_LOG_DOMAIN "sitrep-graticule-layer"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitrep-graticule-layer.h"

#define MAX_LATITUDE 85.0511287798
#define MIN_LINE_SPACING 40.0 /* px: coarser steps below this */

struct _SitrepGraticuleLayer
{
  ShumateLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (SitrepGraticuleLayer, sitrep_graticule_layer, SHUMATE_TYPE_LAYER)

static double
lon_to_x (double lon, double world)
{
  return (lon + 180.0) / 360.0 * world;
}

static double
lat_to_y (double lat, double world)
{
  double s;

  lat = CLAMP (lat, -MAX_LATITUDE, MAX_LATITUDE);
  s = sin (lat * G_PI / 180.0);
  return (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI)) * world;
}

static double
y_to_lat (double y, double world)
{
  double n = G_PI - 2.0 * G_PI * y / world;

  return 180.0 / G_PI * atan (0.5 * (exp (n) - exp (-n)));
}

static void
append_label (GtkWidget   *widget,
              GtkSnapshot *snapshot,
              const char  *text,
              double       x,
              double       y,
              const GdkRGBA *color)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static double
pick_step (double pixels_per_degree)
{
  static const double steps[] = { 1, 2, 5, 10, 15, 30, 45, 90 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * pixels_per_degree >= MIN_LINE_SPACING)
      return steps[i];
  return 90;
}

static void
sitrep_graticule_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (widget));
  ShumateMapSource *source = viewport ? shumate_viewport_get_reference_map_source (viewport) : NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double diag = sqrt (width * width + height * height);
  double zoom, world, cx, cy, left, top, step_lon, step_lat;
  double lon_min, lon_max, lat_min, lat_max;
  GdkRGBA land, line, text;

  /* OpenStreetMap's land colour in light mode; a neutral dark grey in dark mode. */
  if (dark)
    {
      land = (GdkRGBA) { 0.19f, 0.19f, 0.21f, 1.0f };
      line = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.12f };
      text = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.45f };
    }
  else
    {
      land = (GdkRGBA) { 0xf2 / 255.0f, 0xef / 255.0f, 0xe9 / 255.0f, 1.0f };
      line = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.12f };
      text = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.45f };
    }

  gtk_snapshot_append_color (snapshot, &land, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (source == NULL || width <= 0 || height <= 0)
    return;

  zoom = shumate_viewport_get_zoom_level (viewport);
  world = shumate_map_source_get_tile_size_at_zoom (source, zoom)
          * shumate_map_source_get_column_count (source, (guint) zoom);
  cx = lon_to_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), world);
  cy = lat_to_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), world);

  /* Draw unrotated over a square of the diagonal's side, then rotate it like the map. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
  gtk_snapshot_rotate (snapshot, shumate_viewport_get_rotation (viewport) * 180 / G_PI);

  left = cx - diag / 2;
  top = cy - diag / 2;
  lon_min = MAX (-180.0, left / world * 360.0 - 180.0);
  lon_max = MIN (180.0, (left + diag) / world * 360.0 - 180.0);
  lat_max = y_to_lat (MAX (top, 0), world);
  lat_min = y_to_lat (MIN (top + diag, world), world);

  step_lon = pick_step (world / 360.0);
  /* Degrees of latitude get longer towards the poles: judge by the middle of the view. */
  step_lat = pick_step (fabs (lat_to_y ((lat_min + lat_max) / 2 - 0.5, world)
                              - lat_to_y ((lat_min + lat_max) / 2 + 0.5, world)));

  for (double lon = ceil (lon_min / step_lon) * step_lon; lon <= lon_max; lon += step_lon)
    {
      double x = lon_to_x (lon, world) - cx;
      g_autofree char *label = NULL;

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x - 0.5, -diag / 2, 1, diag));
      /* TRANSLATORS: a meridian's label on the map, e.g. "36°E" */
      label = g_strdup_printf (lon >= 0 ? _("%g°E") : _("%g°W"), fabs (lon));
      append_label (widget, snapshot, label, x + 4, -height / 2 + 4, &text);
    }
  for (double lat = ceil (lat_min / step_lat) * step_lat; lat <= lat_max; lat += step_lat)
    {
      double y = lat_to_y (lat, world) - cy;
      g_autofree char *label = NULL;

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (-diag / 2, y - 0.5, diag, 1));
      /* TRANSLATORS: a parallel's label on the map, e.g. "50°N" */
      label = g_strdup_printf (lat >= 0 ? _("%g°N") : _("%g°S"), fabs (lat));
      append_label (widget, snapshot, label, -width / 2 + 4, y + 2, &text);
    }

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
on_redraw (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
sitrep_graticule_layer_constructed (GObject *object)
{
  ShumateViewport *viewport;

  G_OBJECT_CLASS (sitrep_graticule_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  if (viewport)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (on_redraw), object,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_redraw), object, G_CONNECT_SWAPPED);
}

static void
sitrep_graticule_layer_class_init (SitrepGraticuleLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitrep_graticule_layer_constructed;
  widget_class->snapshot = sitrep_graticule_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sitrep-graticule-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sitrep_graticule_layer_init (SitrepGraticuleLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

SitrepGraticuleLayer *
sitrep_graticule_layer_new (ShumateViewport *viewport)
{
  return g_object_new (SITREP_TYPE_GRATICULE_LAYER, "viewport", viewport, NULL);
}
