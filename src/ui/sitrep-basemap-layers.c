/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-layers.c: the map's background layers (offline basemap, OpenStreetMap or
 * MBTiles over it, labels) kept in step with the basemap settings and the style. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitrep-basemap-layers.h"
#include "sitrep-mbtiles-source.h"

#define OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

void
sitrep_basemap_set_user_agent (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autofree char *ua = g_strdup_printf ("Sitrep/%s (+https://github.com/sitrep/sitrep; %s)",
                                             PACKAGE_VERSION, shumate_get_user_agent ());

      shumate_set_user_agent (ua);
      g_once_init_leave (&done, 1);
    }
}

ShumateMapSource *
sitrep_basemap_new_offline_map_source (SitrepBasemapSource **source)
{
  g_autoptr(SitrepBasemapSource) data = sitrep_basemap_source_new ();
  ShumateRasterRenderer *renderer;

  renderer = shumate_raster_renderer_new_full ("sitrep-offline", _("Offline map"),
                                               "Natural Earth, GSHHG",
                                               "https://www.naturalearthdata.com/",
                                               3, 14, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                               SHUMATE_DATA_SOURCE (data));
  if (source != NULL)
    *source = data;
  return SHUMATE_MAP_SOURCE (renderer);
}

ShumateDataSource *
sitrep_basemap_new_osm_data_source (void)
{
  sitrep_basemap_set_user_agent ();
  /* The downloader keeps tiles in a ShumateFileCache of its own (keyed by the URL),
   * under the user's cache directory. */
  return SHUMATE_DATA_SOURCE (shumate_tile_downloader_new (OSM_URL));
}

ShumateMapSource *
sitrep_basemap_new_osm_map_source (void)
{
  g_autoptr(ShumateDataSource) data = sitrep_basemap_new_osm_data_source ();

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("osm-mapnik", "OpenStreetMap",
                                                               SITREP_OSM_ATTRIBUTION,
                                                               "https://www.openstreetmap.org/copyright",
                                                               0, 19, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR, data));
}

struct _SitrepBasemapLayers
{
  GObject parent_instance;

  ShumateMap *map;                   /* weak: the map owns us through the window */
  GSettings *settings;
  SitrepBasemapSource *offline_source;
  ShumateMapSource *offline_renderer;
  ShumateMapLayer *offline_layer;
  ShumateMapLayer *online_layer;     /* NULL when offline */
  SitrepLabelLayer *label_layer;
  GtkWidget *attribution;
  SitrepBasemapStyle style;
  int scale;
  const char *kind;
};

G_DEFINE_FINAL_TYPE (SitrepBasemapLayers, sitrep_basemap_layers, G_TYPE_OBJECT)

static ShumateViewport *
viewport (SitrepBasemapLayers *self)
{
  return shumate_map_get_viewport (self->map);
}

/* (Re)creates the offline layer: a new ShumateMapLayer asks for every tile again, in the
 * current style and scale (the source's cache is keyed by both). */
static void
rebuild_offline_layer (SitrepBasemapLayers *self)
{
  ShumateMapLayer *old = self->offline_layer;

  self->offline_layer = shumate_map_layer_new (self->offline_renderer, viewport (self));
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->offline_layer),
                                   self->online_layer ? SHUMATE_LAYER (self->online_layer)
                                                      : SHUMATE_LAYER (self->label_layer));
  if (old != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (old));
}

static void
update_style (SitrepBasemapLayers *self)
{
  SitrepBasemapStyle style;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->map));

  switch (g_settings_get_enum (self->settings, "dark-map"))
    {
    case 1:
      style = SITREP_BASEMAP_STYLE_DARK;
      break;
    case 2:
      style = SITREP_BASEMAP_STYLE_LIGHT;
      break;
    default:
      style = adw_style_manager_get_dark (adw_style_manager_get_default ())
              ? SITREP_BASEMAP_STYLE_DARK : SITREP_BASEMAP_STYLE_LIGHT;
    }
  scale = CLAMP (scale, 1, 2);
  sitrep_label_layer_set_style (self->label_layer, style);
  if (style == self->style && scale == self->scale && self->offline_layer != NULL)
    return;
  self->style = style;
  self->scale = scale;
  sitrep_basemap_source_set_style (self->offline_source, style);
  sitrep_basemap_source_set_scale (self->offline_source, scale);
  rebuild_offline_layer (self);
}

static void
update_online (SitrepBasemapLayers *self)
{
  int kind = g_settings_get_enum (self->settings, "kind");
  g_autoptr(ShumateMapSource) source = NULL;
  const char *attribution = _("Map data: Natural Earth, GSHHG");
  g_autofree char *owned_attribution = NULL;

  self->kind = "offline";
  if (kind == 1)
    {
      source = sitrep_basemap_new_osm_map_source ();
      attribution = SITREP_OSM_ATTRIBUTION;
      self->kind = "osm";
    }
  else if (kind == 2)
    {
      g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");
      g_autoptr(GError) error = NULL;
      g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (path, &error);

      if (mb == NULL)
        /* A file that went away or broke since it was chosen: the offline map stays,
         * and the preferences say why when opened. */
        g_warning ("%s", error->message);
      else
        {
          source = sitrep_mbtiles_source_new_map_source (mb);
          attribution = owned_attribution = sitrep_mbtiles_source_get_attribution (mb)
            ? g_strdup (sitrep_mbtiles_source_get_attribution (mb))
            : g_path_get_basename (path);
          self->kind = "mbtiles";
        }
    }

  if (self->online_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->online_layer));
      self->online_layer = NULL;
    }
  if (source != NULL)
    {
      self->online_layer = shumate_map_layer_new (source, viewport (self));
      gtk_widget_set_opacity (GTK_WIDGET (self->online_layer),
                              g_settings_get_double (self->settings, "online-opacity"));
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->online_layer),
                                       SHUMATE_LAYER (self->label_layer));
    }
  /* Plain text: an MBTiles file's attribution is not trusted markup. */
  gtk_label_set_text (GTK_LABEL (self->attribution), attribution);
}

static void
on_opacity_changed (SitrepBasemapLayers *self)
{
  if (self->online_layer != NULL)
    gtk_widget_set_opacity (GTK_WIDGET (self->online_layer),
                            g_settings_get_double (self->settings, "online-opacity"));
}

static void
sitrep_basemap_layers_dispose (GObject *object)
{
  SitrepBasemapLayers *self = SITREP_BASEMAP_LAYERS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->settings);
  g_clear_object (&self->offline_renderer);
  g_clear_object (&self->attribution);
  g_clear_weak_pointer (&self->map);
  G_OBJECT_CLASS (sitrep_basemap_layers_parent_class)->dispose (object);
}

static void
sitrep_basemap_layers_class_init (SitrepBasemapLayersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sitrep_basemap_layers_dispose;
}

static void
sitrep_basemap_layers_init (SitrepBasemapLayers *self)
{
  self->style = SITREP_BASEMAP_STYLE_LIGHT;
  self->kind = "offline";
}

SitrepBasemapLayers *
sitrep_basemap_layers_new (ShumateMap   *map,
                           ShumateLayer *below,
                           GSettings    *settings)
{
  SitrepBasemapLayers *self = g_object_new (SITREP_TYPE_BASEMAP_LAYERS, NULL);

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);
  g_set_weak_pointer (&self->map, map);
  self->settings = settings ? g_object_ref (settings) : g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
  self->offline_renderer = sitrep_basemap_new_offline_map_source (&self->offline_source);
  self->attribution = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (self->attribution, "sitrep-map-attribution");
  gtk_widget_add_css_class (self->attribution, "caption");
  gtk_widget_set_halign (self->attribution, GTK_ALIGN_END);
  gtk_widget_set_valign (self->attribution, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->attribution, FALSE);

  self->label_layer = sitrep_label_layer_new (shumate_map_get_viewport (map));
  if (SITREP_IS_PIN_LAYER (below))
    sitrep_label_layer_set_pin_layer (self->label_layer, SITREP_PIN_LAYER (below));
  if (below != NULL)
    shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->label_layer), below);
  else
    shumate_map_add_layer (map, SHUMATE_LAYER (self->label_layer));

  update_online (self);
  update_style (self);

  g_signal_connect_object (self->settings, "changed::kind", G_CALLBACK (update_online), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::mbtiles-path", G_CALLBACK (update_online), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::online-opacity", G_CALLBACK (on_opacity_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::dark-map", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_style),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (map, "notify::scale-factor", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  return self;
}

GtkWidget *
sitrep_basemap_layers_get_attribution (SitrepBasemapLayers *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_LAYERS (self), NULL);
  return self->attribution;
}

SitrepLabelLayer *
sitrep_basemap_layers_get_label_layer (SitrepBasemapLayers *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_LAYERS (self), NULL);
  return self->label_layer;
}

SitrepBasemapSource *
sitrep_basemap_layers_get_offline_source (SitrepBasemapLayers *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_LAYERS (self), NULL);
  return self->offline_source;
}

SitrepBasemapStyle
sitrep_basemap_layers_get_style (SitrepBasemapLayers *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_LAYERS (self), SITREP_BASEMAP_STYLE_LIGHT);
  return self->style;
}

const char *
sitrep_basemap_layers_get_kind (SitrepBasemapLayers *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_LAYERS (self), NULL);
  return self->kind;
}

gboolean
sitrep_basemap_layers_use_mbtiles (GSettings   *settings,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (path, error);

  if (mb == NULL)
    return FALSE;
  g_settings_delay (settings);
  g_settings_set_string (settings, "mbtiles-path", path);
  g_settings_set_enum (settings, "kind", 2);
  g_settings_apply (settings);
  return TRUE;
}
