/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-layers.h: the map's background layers (offline basemap, OpenStreetMap or
 * MBTiles over it, labels) kept in step with the basemap settings and the style. */
#pragma once

#include <gio/gio.h>
#include <shumate/shumate.h>

#include "sitrep-basemap-source.h"
#include "sitrep-label-layer.h"

G_BEGIN_DECLS

#define SITREP_OSM_ATTRIBUTION "© OpenStreetMap contributors"
#define SITREP_BASEMAP_SCHEMA_ID "io.github.sitrep.Sitrep.Basemap"

/* Sets libshumate's User-Agent to "Sitrep/VERSION (…)": done before any download. */
void               sitrep_basemap_set_user_agent          (void);

/* The offline basemap as a map source (zoom 3-14, 256-px tiles); `source` (optional)
 * receives its data source, owned by the renderer. */
ShumateMapSource  *sitrep_basemap_new_offline_map_source  (SitrepBasemapSource **source);

/* OpenStreetMap's standard tiles, downloaded with Sitrep's User-Agent and kept in
 * libshumate's file cache; only the tiles the view shows are fetched. */
ShumateMapSource  *sitrep_basemap_new_osm_map_source      (void);
ShumateDataSource *sitrep_basemap_new_osm_data_source     (void);

#define SITREP_TYPE_BASEMAP_LAYERS (sitrep_basemap_layers_get_type ())
G_DECLARE_FINAL_TYPE (SitrepBasemapLayers, sitrep_basemap_layers, SITREP, BASEMAP_LAYERS, GObject)

/* Inserts, behind `below` (the pin layer; NULL: on top), bottom to top: the offline
 * basemap, the online layer (OpenStreetMap or MBTiles, with its opacity) when chosen, and
 * the label layer, whose names keep off the pins when `below` is a SitrepPinLayer. Follows `settings` (schema SITREP_BASEMAP_SCHEMA_ID; NULL: the default)
 * and AdwStyleManager:dark live. Online tiles that fail leave the offline map showing. */
SitrepBasemapLayers *sitrep_basemap_layers_new            (ShumateMap          *map,
                                                           ShumateLayer        *below,
                                                           GSettings           *settings);

/* A label for a corner of the map saying where the tiles come from ("© OpenStreetMap
 * contributors" when OSM tiles show); the window puts it in its overlay. */
GtkWidget          *sitrep_basemap_layers_get_attribution (SitrepBasemapLayers *self);
SitrepLabelLayer   *sitrep_basemap_layers_get_label_layer (SitrepBasemapLayers *self);
SitrepBasemapSource *sitrep_basemap_layers_get_offline_source (SitrepBasemapLayers *self);
SitrepBasemapStyle  sitrep_basemap_layers_get_style       (SitrepBasemapLayers *self);
/* "offline", "osm" or "mbtiles": what is shown now (a bad MBTiles file falls back). */
const char         *sitrep_basemap_layers_get_kind        (SitrepBasemapLayers *self);

/* Checks path as an MBTiles basemap; on success stores it in the settings (the layers
 * follow), on failure returns FALSE with a message for the user and changes nothing. */
gboolean            sitrep_basemap_layers_use_mbtiles     (GSettings           *settings,
                                                           const char          *path,
                                                           GError             **error);

G_END_DECLS
