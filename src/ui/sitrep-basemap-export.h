/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-export.h: the map (basemap, pins, labels, attribution) as an image, without
 * a window: for `sitrep-cli snapshot` and File → Export Map Image. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <shumate/shumate.h>

#include "sitrep-basemap.h"
#include "sitrep-event-store.h"

G_BEGIN_DECLS

typedef struct
{
  double latitude;             /* the centre */
  double longitude;
  double zoom;                 /* fractional allowed */
  int width;                   /* pixels */
  int height;
  SitrepBasemapStyle style;
  const char *basemap;         /* NULL or "offline", "osm", or an MBTiles file */
  SitrepEventStore *store;     /* its events as pins; NULL for none */
  gint64 from;                 /* pins of events overlapping [from, to), unix seconds */
  gint64 to;
} SitrepMapImage;

/* Fills centre and zoom from a map's viewport, and the size (the map widget's, for the
 * image the user sees); the rest of *image is left as it was. */
void             sitrep_map_image_init_from_viewport (SitrepMapImage       *image,
                                                      ShumateViewport      *viewport,
                                                      int                   width,
                                                      int                   height);

/* Renders the image: the offline basemap, OSM or MBTiles tiles over it (missing tiles
 * leave the offline map), pins as the window draws them, labels and the attribution.
 * Fails only for a bad MBTiles file (or a damaged basemap). Blocks while tiles download
 * (8 s at most each): call it from a worker thread in the app, or use the async form. */
cairo_surface_t *sitrep_map_image_render             (const SitrepMapImage  *image,
                                                      GError               **error);
gboolean         sitrep_map_image_write_png          (const SitrepMapImage  *image,
                                                      const char            *path,
                                                      GError               **error);
void             sitrep_map_image_write_png_async    (const SitrepMapImage  *image,
                                                      const char            *path,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean         sitrep_map_image_write_png_finish   (GAsyncResult          *result,
                                                      GError               **error);

G_END_DECLS
