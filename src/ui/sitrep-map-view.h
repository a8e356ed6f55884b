/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-map-view.h: the map widget: base layers, the pin layer and the map's controls. */
#pragma once

#include <shumate/shumate.h>

#include "core/sitrep-event-store.h"
#include "sitrep-basemap-layers.h"
#include "sitrep-map-legend.h"
#include "sitrep-pin-layer.h"

G_BEGIN_DECLS

/* Kharkiv Oblast, the default view. */
#define SITREP_MAP_DEFAULT_LATITUDE 49.9
#define SITREP_MAP_DEFAULT_LONGITUDE 36.9
#define SITREP_MAP_DEFAULT_ZOOM 8.0

#define SITREP_TYPE_MAP_VIEW (sitrep_map_view_get_type ())
G_DECLARE_FINAL_TYPE (SitrepMapView, sitrep_map_view, SITREP, MAP_VIEW, GtkWidget)

SitrepMapView    *sitrep_map_view_new            (void);

ShumateMap       *sitrep_map_view_get_map        (SitrepMapView    *self);
ShumateViewport  *sitrep_map_view_get_viewport   (SitrepMapView    *self);
SitrepPinLayer   *sitrep_map_view_get_pin_layer  (SitrepMapView    *self);

SitrepEventStore *sitrep_map_view_get_store      (SitrepMapView    *self);
void              sitrep_map_view_set_store      (SitrepMapView    *self,
                                                  SitrepEventStore *store);

/* The background layers (offline basemap, online or MBTiles tiles, names). Which tiles
 * show is the basemap settings' choice (Preferences); downloads never block, and missing
 * tiles leave the offline map showing. */
SitrepBasemapLayers *sitrep_map_view_get_basemap_layers (SitrepMapView *self);

/* The "Map Legend" button over the map's corner, and the legend its popover shows. */
GtkMenuButton    *sitrep_map_view_get_legend_button (SitrepMapView *self);
SitrepMapLegend  *sitrep_map_view_get_legend     (SitrepMapView    *self);

/* Moves the view at once, without animation. */
void              sitrep_map_view_go_to          (SitrepMapView    *self,
                                                  double            latitude,
                                                  double            longitude,
                                                  double            zoom);

G_END_DECLS
