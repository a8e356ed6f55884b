/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-geo.c: Web Mercator projection helpers (world coordinates in [0, 1]). */
#define G_LOG_DOMAIN "sitrep-geo"

#include "config.h"

#include <math.h>

#include "sitrep-geo.h"

double
sitrep_geo_lon_to_x (double lon)
{
  return (lon + 180.0) / 360.0;
}

double
sitrep_geo_lat_to_y (double lat)
{
  double phi = CLAMP (lat, -SITREP_GEO_MAX_LAT, SITREP_GEO_MAX_LAT) * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

double
sitrep_geo_x_to_lon (double x)
{
  return x * 360.0 - 180.0;
}

double
sitrep_geo_y_to_lat (double y)
{
  double n = G_PI - 2.0 * G_PI * y;

  return 180.0 / G_PI * atan (0.5 * (exp (n) - exp (-n)));
}

double
sitrep_geo_world_size (double zoom)
{
  return SITREP_GEO_TILE_SIZE * exp2 (zoom);
}
