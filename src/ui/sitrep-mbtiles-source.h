/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-mbtiles-source.h: a ShumateDataSource reading raster tiles from a user's MBTiles file. */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SITREP_MBTILES_ERROR (sitrep_mbtiles_error_quark ())
typedef enum
{
  SITREP_MBTILES_ERROR_NOT_FOUND,
  SITREP_MBTILES_ERROR_INVALID,   /* not SQLite, no tiles table, unknown format */
  SITREP_MBTILES_ERROR_VECTOR,    /* vector tiles (pbf) */
  SITREP_MBTILES_ERROR_NO_TILE,   /* outside the file's zooms or bounds, or missing */
} SitrepMbtilesError;
GQuark sitrep_mbtiles_error_quark (void);

#define SITREP_TYPE_MBTILES_SOURCE (sitrep_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (SitrepMbtilesSource, sitrep_mbtiles_source, SITREP, MBTILES_SOURCE, ShumateDataSource)

/* Opens path read-only and checks it: an SQLite file with a `tiles` table or view of
 * raster tiles. Zooms and bounds come from `metadata` (or the tiles themselves). */
SitrepMbtilesSource *sitrep_mbtiles_source_new           (const char           *path,
                                                          GError              **error);
/* One tile, XYZ numbering (the TMS row flip is done here); for tests and the snapshot. */
GBytes              *sitrep_mbtiles_source_get_tile      (SitrepMbtilesSource  *self,
                                                          int                   x,
                                                          int                   y,
                                                          int                   zoom,
                                                          GError              **error);
int                  sitrep_mbtiles_source_get_min_zoom  (SitrepMbtilesSource  *self);
int                  sitrep_mbtiles_source_get_max_zoom  (SitrepMbtilesSource  *self);
const char          *sitrep_mbtiles_source_get_format    (SitrepMbtilesSource  *self);
const char          *sitrep_mbtiles_source_get_name      (SitrepMbtilesSource  *self);
const char          *sitrep_mbtiles_source_get_attribution (SitrepMbtilesSource *self);
void                 sitrep_mbtiles_source_get_bounds    (SitrepMbtilesSource  *self,
                                                          double               *west,
                                                          double               *south,
                                                          double               *east,
                                                          double               *north);
/* A map source over this file, to stack over the offline basemap. */
ShumateMapSource    *sitrep_mbtiles_source_new_map_source (SitrepMbtilesSource *self);

G_END_DECLS
