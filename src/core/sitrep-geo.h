/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-geo.h: Web Mercator projection helpers (world coordinates in [0, 1]). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITREP_GEO_MAX_LAT 85.05112877980659
#define SITREP_GEO_TILE_SIZE 256.0

/* World coordinates: x grows east from lon -180 (0) to 180 (1), y grows south from
 * lat 85.05 (0) to -85.05 (1); multiply by sitrep_geo_world_size (zoom) for pixels. */
double sitrep_geo_lon_to_x      (double lon);
double sitrep_geo_lat_to_y      (double lat);
double sitrep_geo_x_to_lon      (double x);
double sitrep_geo_y_to_lat      (double y);
/* Width of the world in pixels at a zoom level (256 px tiles). */
double sitrep_geo_world_size    (double zoom);

G_END_DECLS
