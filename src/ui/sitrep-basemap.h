/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap.h: the offline basemap of Ukraine: geometry in memory, tile maths, cairo drawing. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define SITREP_BASEMAP_ERROR (sitrep_basemap_error_quark ())
typedef enum
{
  SITREP_BASEMAP_ERROR_NOT_FOUND,
  SITREP_BASEMAP_ERROR_INVALID,
} SitrepBasemapError;
GQuark sitrep_basemap_error_quark (void);

typedef enum
{
  SITREP_BASEMAP_STYLE_LIGHT = 0,
  SITREP_BASEMAP_STYLE_DARK,
} SitrepBasemapStyle;

/* Layers of the data files, in drawing order. */
typedef enum
{
  SITREP_BASEMAP_LAYER_LAND = 0,
  SITREP_BASEMAP_LAYER_OBLAST,   /* Ukraine's oblasts, Crimea and Sevastopol included */
  SITREP_BASEMAP_LAYER_LAKE,     /* attr 1: drained reservoir (Kakhovka) */
  SITREP_BASEMAP_LAYER_RIVER,    /* Natural Earth, attr = scalerank (lower is bigger) */
  SITREP_BASEMAP_LAYER_STREAM,   /* GSHHG WDBII, attr = level 1..4 */
  SITREP_BASEMAP_LAYER_ADMIN1,   /* oblast borders */
  SITREP_BASEMAP_LAYER_ADMIN0,   /* state borders, attr 1: at sea */
  SITREP_BASEMAP_N_LAYERS
} SitrepBasemapLayer;

#define SITREP_BASEMAP_N_LEVELS 3
/* Web Mercator world width, in the stored units (world pixels at zoom 22). */
#define SITREP_BASEMAP_WORLD_UNITS 1073741824.0

/* Colours of one style, RGB in [0, 1]. */
typedef struct
{
  double water[3];
  double land[3];            /* outside Ukraine */
  double oblast[4][3];       /* Ukraine's oblasts, four tints */
  double oblast_border[3];
  double state_border[3];
  double state_border_halo[3];
  double river[3];
  double drained[3];
  double label[3];
  double label_halo[3];
  double water_label[3];
  double dot[3];
} SitrepBasemapPalette;

const SitrepBasemapPalette *sitrep_basemap_palette_get (SitrepBasemapStyle style);

typedef struct _SitrepBasemap SitrepBasemap;

/* The basemap that ships with Sitrep (compiled-in resources). Loaded on first use,
 * shared and thread-safe for reading; never free it. Takes ~100 ms: call it from a
 * worker thread first (sitrep_basemap_get_default_async) to keep the UI responsive. */
SitrepBasemap *sitrep_basemap_get_default        (GError            **error);
void           sitrep_basemap_get_default_async  (GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
SitrepBasemap *sitrep_basemap_get_default_finish (GAsyncResult       *result,
                                                  GError            **error);

/* One file per level of detail (basemap-0.srbm.gz ... in order), gzip or raw. */
SitrepBasemap *sitrep_basemap_new_from_files     (const char * const *paths,
                                                  GError            **error);
void           sitrep_basemap_free               (SitrepBasemap      *self);

guint          sitrep_basemap_get_n_features     (SitrepBasemap      *self,
                                                  guint               level);
guint          sitrep_basemap_level_for_zoom     (double              zoom);

/* Draws the map at `zoom` (fractional allowed) into cr's [0, width] × [0, height],
 * the top-left corner being world pixel (x0, y0) at that zoom. Returns how many
 * features were drawn (those whose bounding box meets the view). */
guint          sitrep_basemap_draw               (SitrepBasemap      *self,
                                                  cairo_t            *cr,
                                                  double              zoom,
                                                  double              x0,
                                                  double              y0,
                                                  double              width,
                                                  double              height,
                                                  SitrepBasemapStyle  style);

/* Draws tile (x, y, zoom) at size × size pixels (256, or 512 for scale 2). */
guint          sitrep_basemap_render_tile        (SitrepBasemap      *self,
                                                  cairo_t            *cr,
                                                  int                 x,
                                                  int                 y,
                                                  int                 zoom,
                                                  int                 size,
                                                  SitrepBasemapStyle  style);

/* Renders a tile to PNG bytes, for ShumateRasterRenderer. */
GBytes        *sitrep_basemap_render_tile_png    (SitrepBasemap      *self,
                                                  int                 x,
                                                  int                 y,
                                                  int                 zoom,
                                                  int                 size,
                                                  SitrepBasemapStyle  style,
                                                  GError            **error);

/* Renders a tile to an uncompressed 24-bit BMP: ~0.1 ms to encode and to decode (with
 * gdk-pixbuf, as libshumate 1.0 does on the main thread) against several for PNG. */
GBytes        *sitrep_basemap_render_tile_bmp    (SitrepBasemap      *self,
                                                  int                 x,
                                                  int                 y,
                                                  int                 zoom,
                                                  int                 size,
                                                  SitrepBasemapStyle  style);

/* Whether (lat, lon) lies in Ukraine's polygon (its oblasts, Crimea included). */
gboolean       sitrep_basemap_in_ukraine         (SitrepBasemap      *self,
                                                  double              lat,
                                                  double              lon);
/* Distance in km from (lat, lon) to the nearest state border line (land or sea). */
double         sitrep_basemap_state_border_distance_km (SitrepBasemap *self,
                                                        double         lat,
                                                        double         lon);

/* Web Mercator, 256-px tiles: world pixel coordinates at a (fractional) zoom. */
void           sitrep_basemap_latlon_to_world    (double  lat,
                                                  double  lon,
                                                  double  zoom,
                                                  double *x,
                                                  double *y);
void           sitrep_basemap_world_to_latlon    (double  x,
                                                  double  y,
                                                  double  zoom,
                                                  double *lat,
                                                  double *lon);
/* XYZ row ↔ TMS row (MBTiles): the same function both ways. */
int            sitrep_basemap_tms_flip           (int     y,
                                                  int     zoom);

G_END_DECLS
