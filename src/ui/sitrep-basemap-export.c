/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-export.c: the map (basemap, pins, labels, attribution) as an image, without
 * a window: for `sitrep-cli snapshot` and File → Export Map Image. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sitrep-basemap-export.h"
#include "sitrep-basemap-labels.h"
#include "sitrep-basemap-layers.h"
#include "sitrep-kind-style.h"
#include "sitrep-mbtiles-source.h"

typedef struct
{
  GBytes *bytes;
  GError *error;
  gboolean done;
} FetchResult;

static void
fetch_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchResult *r = user_data;

  r->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
fetch_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Fetches one tile from a data source, iterating the default main context; NULL (and no
 * error shown) when it fails or takes longer than timeout_ms: the offline map shows. */
static GBytes *
fetch_tile_sync (ShumateDataSource *source,
                 int                x,
                 int                y,
                 int                zoom,
                 guint              timeout_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FetchResult r = { NULL, NULL, FALSE };
  GSource *timeout = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timeout, fetch_timeout, cancellable, NULL);
  g_source_attach (timeout, g_main_context_get_thread_default ());

  shumate_data_source_get_tile_data_async (source, x, y, zoom, cancellable, fetch_done, &r);
  while (!r.done)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  if (r.error != NULL)
    {
      g_debug ("Tile %d/%d/%d: %s", zoom, x, y, r.error->message);
      g_error_free (r.error);
    }
  return r.bytes;
}

static cairo_surface_t *
surface_from_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, &error);
  cairo_surface_t *surface;
  int w, h;

  if (texture == NULL)
    {
      g_debug ("Undecodable tile: %s", error->message);
      return NULL;
    }
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Draws raster tiles of `source` over the view; tiles it lacks leave what is under them. */
static guint
draw_raster (cairo_t           *cr,
             ShumateDataSource *source,
             int                min_zoom,
             int                max_zoom,
             double             zoom,
             double             x0,
             double             y0,
             double             width,
             double             height,
             double             opacity,
             guint              timeout_ms)
{
  int tz = CLAMP ((int) floor (zoom + 0.5), min_zoom, max_zoom);
  double f = exp2 (zoom - tz);         /* view pixels per tile pixel */
  double tx0 = x0 / f, ty0 = y0 / f;   /* view origin in tile-zoom pixels */
  int n = 1 << tz;
  guint drawn = 0;

  for (int ty = (int) floor (ty0 / 256); ty <= (int) floor ((ty0 + height / f) / 256); ty++)
    for (int tx = (int) floor (tx0 / 256); tx <= (int) floor ((tx0 + width / f) / 256); tx++)
      {
        g_autoptr(GBytes) bytes = NULL;
        cairo_surface_t *tile;
        double size;

        if (tx < 0 || ty < 0 || tx >= n || ty >= n)
          continue;
        bytes = fetch_tile_sync (source, tx, ty, tz, timeout_ms);
        if (bytes == NULL || (tile = surface_from_bytes (bytes)) == NULL)
          continue;
        size = cairo_image_surface_get_width (tile);
        cairo_save (cr);
        cairo_translate (cr, (tx * 256 - tx0) * f, (ty * 256 - ty0) * f);
        cairo_scale (cr, 256 * f / size, 256 * f / size);
        cairo_set_source_surface (cr, tile, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_paint_with_alpha (cr, opacity);
        cairo_restore (cr);
        cairo_surface_destroy (tile);
        drawn++;
      }
  return drawn;
}

/* The events of [from, to) inside the view, drawn as the window's pin layer draws them
 * (sitrep-kind-style.c: hollow when only hedged claims support the event, a red "!" when
 * disputed, a halo when only near a place, the region instead of a pin when only in a
 * region). */
static guint
draw_pins (SitrepEventStore *store,
           cairo_t          *cr,
           gint64            from,
           gint64            to,
           double            zoom,
           double            x0,
           double            y0,
           double            width,
           double            height,
           GArray           *boxes)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  double margin = SITREP_PIN_SELECTED_RADIUS + 2;
  double world = 256.0 * exp2 (zoom);
  SitrepBBox bbox;
  gboolean any_region = FALSE;

  sitrep_basemap_world_to_latlon (x0 - margin, y0 - margin, zoom, &bbox.max_lat, &bbox.min_lon);
  sitrep_basemap_world_to_latlon (x0 + width + margin, y0 + height + margin, zoom,
                                  &bbox.min_lat, &bbox.max_lon);
  sitrep_event_store_query (store, from, to, &bbox, found);
  for (guint k = 0; k < found->len && !any_region; k++)
    any_region = (c->flags[g_array_index (found, guint, k)] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK)
                 == SITREP_GEO_PRECISION_REGION;

  for (guint pass = any_region ? 0 : 2; cr != NULL && pass < 3; pass++)
    {
      /* Region fills merged into one translucent area, their outlines, then halos. */
      if (pass == 0)
        cairo_push_group (cr);
      for (guint k = 0; k < found->len; k++)
        {
          guint i = g_array_index (found, guint, k);
          guint precision = c->flags[i] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK;
          double px, py;

          if (precision != SITREP_GEO_PRECISION_REGION && precision != SITREP_GEO_PRECISION_NEAR)
            continue;
          sitrep_basemap_latlon_to_world (c->lat[i], c->lon[i], zoom, &px, &py);
          px -= x0;
          py -= y0;
          if (precision == SITREP_GEO_PRECISION_REGION && pass < 2)
            {
              double r = MAX (sitrep_kind_style_ground_to_px (c->lat[i], SITREP_REGION_RADIUS_M, world),
                              SITREP_REGION_MIN_RADIUS);

              if (pass == 0)
                sitrep_kind_style_draw_region_fill (cr, c->kind[i], px, py, r);
              else
                sitrep_kind_style_draw_region_outline (cr, c->kind[i], px, py, r);
            }
          else if (precision == SITREP_GEO_PRECISION_NEAR && pass == 2)
            sitrep_kind_style_draw_halo (cr, c->kind[i], px, py,
                                         MAX (sitrep_kind_style_ground_to_px (c->lat[i], SITREP_HALO_RADIUS_M, world),
                                              SITREP_HALO_MIN_RADIUS));
        }
      if (pass == 0)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, SITREP_REGION_FILL_ALPHA);
        }
    }

  for (guint k = 0; k < found->len; k++)
    {
      guint i = g_array_index (found, guint, k);
      gboolean region = (c->flags[i] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK) == SITREP_GEO_PRECISION_REGION;
      gboolean hollow = (c->flags[i] & SITREP_EVENT_FLAG_HEDGED) != 0;
      double px, py;

      sitrep_basemap_latlon_to_world (c->lat[i], c->lon[i], zoom, &px, &py);
      px -= x0;
      py -= y0;
      if (cr != NULL)
        {
          if (region)
            sitrep_kind_style_draw_region_mark (cr, c->kind[i], px, py, SITREP_REGION_MARK_RADIUS,
                                                hollow, FALSE);
          else
            sitrep_kind_style_draw_pin (cr, c->kind[i], px, py, SITREP_PIN_RADIUS, hollow, FALSE);
          if (c->flags[i] & SITREP_EVENT_FLAG_DISPUTED)
            {
              float dx, dy;

              sitrep_kind_style_disputed_mark_offset (region, FALSE, &dx, &dy);
              sitrep_kind_style_draw_disputed_mark (cr, px + dx, py + dy);
            }
        }
      if (boxes != NULL)
        {
          double r = SITREP_PIN_RADIUS + 2;
          double box[4] = { px - r, py - r, px + r, py + r };

          g_array_append_vals (boxes, box, 4);
        }
    }
  return found->len;
}

static void
draw_attribution (cairo_t            *cr,
                  const char         *text,
                  double              width,
                  double              height,
                  SitrepBasemapStyle  style)
{
  const SitrepBasemapPalette *pal = sitrep_basemap_palette_get (style);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, 11 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_rectangle (cr, width - w - 12, height - h - 6, w + 12, h + 6);
  cairo_set_source_rgba (cr, pal->label_halo[0], pal->label_halo[1], pal->label_halo[2], 0.75);
  cairo_fill (cr);
  cairo_move_to (cr, width - w - 6, height - h - 3);
  cairo_set_source_rgb (cr, pal->label[0], pal->label[1], pal->label[2]);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
sitrep_map_image_init_from_viewport (SitrepMapImage  *image,
                                     ShumateViewport *viewport,
                                     int              width,
                                     int              height)
{
  image->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  image->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  image->zoom = shumate_viewport_get_zoom_level (viewport);
  image->width = width;
  image->height = height;
}

cairo_surface_t *
sitrep_map_image_render (const SitrepMapImage  *image,
                         GError               **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  SitrepBasemap *basemap;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = image->width, h = image->height;
  double cx, cy, x0, y0;
  const char *attribution = _("Map data: Natural Earth, GSHHG");
  g_autofree char *mbtiles_attribution = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GArray) pin_boxes = g_array_new (FALSE, FALSE, sizeof (double));
  PangoContext *pango;

  g_return_val_if_fail (image->width > 0 && image->height > 0, NULL);

  basemap = sitrep_basemap_get_default (error);
  if (basemap == NULL)
    return NULL;

  /* Tiles from the network or a file arrive on this thread's own context, so that this
   * works the same on the main thread of the CLI and in a worker thread of the app. */
  g_main_context_push_thread_default (context);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, image->width, image->height);
  cr = cairo_create (surface);
  sitrep_basemap_latlon_to_world (image->latitude, image->longitude, image->zoom, &cx, &cy);
  x0 = cx - w / 2;
  y0 = cy - h / 2;
  sitrep_basemap_draw (basemap, cr, image->zoom, x0, y0, w, h, image->style);

  if (image->basemap != NULL && strcmp (image->basemap, "osm") == 0)
    {
      g_autoptr(ShumateDataSource) osm = sitrep_basemap_new_osm_data_source ();

      /* Offline tiles stay under tiles the network does not deliver. */
      draw_raster (cr, osm, 0, 19, image->zoom, x0, y0, w, h, 1.0, 8000);
      attribution = SITREP_OSM_ATTRIBUTION;
    }
  else if (image->basemap != NULL && strcmp (image->basemap, "offline") != 0)
    {
      g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (image->basemap, error);

      if (mb == NULL)
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          g_main_context_pop_thread_default (context);
          return NULL;
        }
      /* Outside the file's zooms the offline map alone shows. */
      if (image->zoom >= sitrep_mbtiles_source_get_min_zoom (mb) - 0.5
          && image->zoom <= sitrep_mbtiles_source_get_max_zoom (mb) + 0.5)
        draw_raster (cr, SHUMATE_DATA_SOURCE (mb), sitrep_mbtiles_source_get_min_zoom (mb),
                     sitrep_mbtiles_source_get_max_zoom (mb), image->zoom, x0, y0, w, h, 1.0, 2000);
      if (sitrep_mbtiles_source_get_attribution (mb) != NULL)
        attribution = mbtiles_attribution = g_strdup (sitrep_mbtiles_source_get_attribution (mb));
      else
        attribution = mbtiles_attribution = g_path_get_basename (image->basemap);
    }

  /* As in the window: labels under the pins; and here their text kept off the pins. */
  if (image->store != NULL && image->from < image->to)
    draw_pins (image->store, NULL, image->from, image->to, image->zoom, x0, y0, w, h, pin_boxes);
  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  labels = sitrep_map_labels_new (sitrep_map_language_from_locale ());
  placed = sitrep_map_labels_layout_avoiding (labels, pango, image->zoom, x0, y0, w, h, 0.0,
                                              (const double *) (void *) pin_boxes->data,
                                              pin_boxes->len / 4);
  sitrep_map_labels_draw_cairo (labels, placed, cr, image->style);
  if (image->store != NULL && image->from < image->to)
    draw_pins (image->store, cr, image->from, image->to, image->zoom, x0, y0, w, h, NULL);
  draw_attribution (cr, attribution, w, h, image->style);
  g_object_unref (pango);

  cairo_destroy (cr);
  g_main_context_pop_thread_default (context);
  return surface;
}

gboolean
sitrep_map_image_write_png (const SitrepMapImage  *image,
                            const char            *path,
                            GError               **error)
{
  cairo_surface_t *surface = sitrep_map_image_render (image, error);
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  SitrepMapImage image;
  char *basemap;
  char *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->image.store);
  g_free (data->basemap);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (sitrep_map_image_write_png (&data->image, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sitrep_map_image_write_png_async (const SitrepMapImage *image,
                                  const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  g_task_set_source_tag (task, sitrep_map_image_write_png_async);
  data->image = *image;
  data->basemap = g_strdup (image->basemap);
  data->image.basemap = data->basemap;
  if (image->store != NULL)
    g_object_ref (image->store);
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sitrep_map_image_write_png_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
