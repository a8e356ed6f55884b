/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-layers.c: the map sources the window stacks: the offline basemap, OpenStreetMap. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-basemap-layers.h"

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
