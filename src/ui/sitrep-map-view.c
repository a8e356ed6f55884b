/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-map-view.c: the map widget: base layers, the pin layer and the map's controls.
 *
 * The layers, bottom to top:
 *   SitrepGraticuleLayer  land colour and a 1° graticule, under everything, never blank
 *   SitrepBasemapLayers   the offline basemap of Ukraine, OpenStreetMap or MBTiles tiles
 *                         over it (as the basemap settings say), and the place names
 *   SitrepPinLayer        the events */
#define G_LOG_DOMAIN "sitrep-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-basemap-layers.h"
#include "sitrep-graticule-layer.h"
#include "sitrep-map-legend.h"
#include "sitrep-map-view.h"

#define MIN_ZOOM 3
#define MAX_ZOOM 18

struct _SitrepMapView
{
  GtkWidget parent_instance;

  GtkOverlay *overlay;
  ShumateMap *map;
  ShumateLicense *license;
  ShumateScale *scale;
  ShumateCompass *compass;
  GtkMenuButton *legend_button;
  SitrepMapLegend *legend;

  ShumateMapSource *reference_source;  /* projection and licence of the tiles */
  SitrepGraticuleLayer *graticule;
  SitrepBasemapLayers *basemap;
  SitrepPinLayer *pin_layer;
};

G_DEFINE_FINAL_TYPE (SitrepMapView, sitrep_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_zoom_in_clicked (SitrepMapView *self)
{
  shumate_map_zoom_in (self->map);
}

static void
on_zoom_out_clicked (SitrepMapView *self)
{
  shumate_map_zoom_out (self->map);
}

static void
sitrep_map_view_dispose (GObject *object)
{
  SitrepMapView *self = SITREP_MAP_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_MAP_VIEW);
  /* The template's top-level child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->basemap);
  g_clear_object (&self->reference_source);

  G_OBJECT_CLASS (sitrep_map_view_parent_class)->dispose (object);
}

static void
sitrep_map_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SitrepMapView *self = SITREP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, sitrep_map_view_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_map_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SitrepMapView *self = SITREP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sitrep_map_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_map_view_class_init (SitrepMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_map_view_dispose;
  object_class->get_property = sitrep_map_view_get_property;
  object_class->set_property = sitrep_map_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SITREP_TYPE_EVENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_COMPASS);
  g_type_ensure (SITREP_TYPE_MAP_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, map);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, license);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, compass);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, legend_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapView, legend);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-map-view");
}

static void
sitrep_map_view_init (SitrepMapView *self)
{
  g_autoptr (ShumateMapSourceRegistry) registry = NULL;
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  viewport = shumate_map_get_viewport (self->map);

  /* The OpenStreetMap source gives the projection (256 px Web Mercator tiles) even when
   * no tile is ever downloaded. */
  registry = shumate_map_source_registry_new_with_defaults ();
  self->reference_source = shumate_map_source_registry_get_by_id (registry,
                                                                  SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  if (self->reference_source)
    g_object_ref (self->reference_source);
  else
    self->reference_source = SHUMATE_MAP_SOURCE (
      shumate_raster_renderer_new_from_url ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
  shumate_viewport_set_reference_map_source (viewport, self->reference_source);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);

  self->graticule = sitrep_graticule_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->graticule));

  self->pin_layer = sitrep_pin_layer_new (viewport, NULL);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pin_layer));

  /* Behind the pins; follows the basemap settings and the light/dark style live. */
  sitrep_basemap_set_user_agent ();
  self->basemap = sitrep_basemap_layers_new (self->map, SHUMATE_LAYER (self->pin_layer), NULL);
  gtk_overlay_add_overlay (self->overlay, sitrep_basemap_layers_get_attribution (self->basemap));

  sitrep_map_view_go_to (self, SITREP_MAP_DEFAULT_LATITUDE, SITREP_MAP_DEFAULT_LONGITUDE,
                         SITREP_MAP_DEFAULT_ZOOM);
}

SitrepMapView *
sitrep_map_view_new (void)
{
  return g_object_new (SITREP_TYPE_MAP_VIEW, NULL);
}

ShumateMap *
sitrep_map_view_get_map (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return self->map;
}

ShumateViewport *
sitrep_map_view_get_viewport (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return shumate_map_get_viewport (self->map);
}

SitrepPinLayer *
sitrep_map_view_get_pin_layer (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return self->pin_layer;
}

SitrepEventStore *
sitrep_map_view_get_store (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return sitrep_pin_layer_get_store (self->pin_layer);
}

void
sitrep_map_view_set_store (SitrepMapView    *self,
                           SitrepEventStore *store)
{
  g_return_if_fail (SITREP_IS_MAP_VIEW (self));

  if (sitrep_pin_layer_get_store (self->pin_layer) == store)
    return;
  sitrep_pin_layer_set_store (self->pin_layer, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkMenuButton *
sitrep_map_view_get_legend_button (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return self->legend_button;
}

SitrepMapLegend *
sitrep_map_view_get_legend (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return self->legend;
}

SitrepBasemapLayers *
sitrep_map_view_get_basemap_layers (SitrepMapView *self)
{
  g_return_val_if_fail (SITREP_IS_MAP_VIEW (self), NULL);
  return self->basemap;
}

void
sitrep_map_view_go_to (SitrepMapView *self,
                       double         latitude,
                       double         longitude,
                       double         zoom)
{
  ShumateViewport *viewport;

  g_return_if_fail (SITREP_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  shumate_map_stop_go_to (self->map);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (self->map, latitude, longitude);
}
