/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-layers.h: the map sources the window stacks: the offline basemap, OpenStreetMap. */
#pragma once

#include <shumate/shumate.h>

#include "sitrep-basemap-source.h"

G_BEGIN_DECLS

#define SITREP_OSM_ATTRIBUTION "© OpenStreetMap contributors"

/* Sets libshumate's User-Agent to "Sitrep/VERSION (…)": call once before any download. */
void              sitrep_basemap_set_user_agent       (void);

/* The offline basemap as a map source (zoom 3-14, 256-px tiles); `source` gets its data
 * source (for the style and scale), owned by the renderer. */
ShumateMapSource *sitrep_basemap_new_offline_map_source (SitrepBasemapSource **source);

/* OpenStreetMap's standard tiles, downloaded with Sitrep's User-Agent and kept in
 * libshumate's file cache; tiles are fetched only as the view needs them. */
ShumateMapSource  *sitrep_basemap_new_osm_map_source  (void);
ShumateDataSource *sitrep_basemap_new_osm_data_source (void);

G_END_DECLS
