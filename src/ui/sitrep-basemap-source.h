/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-source.h: a ShumateDataSource that renders the offline basemap's tiles. */
#pragma once

#include <shumate/shumate.h>

#include "sitrep-basemap.h"

G_BEGIN_DECLS

#define SITREP_TYPE_BASEMAP_SOURCE (sitrep_basemap_source_get_type ())
G_DECLARE_FINAL_TYPE (SitrepBasemapSource, sitrep_basemap_source, SITREP, BASEMAP_SOURCE, ShumateDataSource)

/* Tiles are rendered with cairo on a worker thread at 256 × scale pixels, as BMP, and
 * kept in a memory LRU cache (64 MB). The basemap is loaded (in a thread) on first use. */
SitrepBasemapSource *sitrep_basemap_source_new       (void);

SitrepBasemapStyle   sitrep_basemap_source_get_style (SitrepBasemapSource *self);
/* Drops the cached tiles of the other style; the renderer must be asked to reload. */
void                 sitrep_basemap_source_set_style (SitrepBasemapSource *self,
                                                      SitrepBasemapStyle   style);
int                  sitrep_basemap_source_get_scale (SitrepBasemapSource *self);
void                 sitrep_basemap_source_set_scale (SitrepBasemapSource *self,
                                                      int                  scale);

/* For tests and the benchmark: tiles served from the cache, tiles rendered. */
guint                sitrep_basemap_source_get_n_cached   (SitrepBasemapSource *self);
guint                sitrep_basemap_source_get_n_rendered (SitrepBasemapSource *self);

G_END_DECLS
