/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-snapshot.c: `sitrep-cli snapshot`: the map (basemap, pins, labels, attribution)
 * rendered to a PNG without a window. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <shumate/shumate.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-basemap.h"
#include "sitrep-basemap-labels.h"
#include "sitrep-basemap-layers.h"
#include "sitrep-cli-private.h"
#include "sitrep-event-store.h"
#include "sitrep-kind-style.h"
#include "sitrep-mbtiles-source.h"

static gboolean
parse_pair (const char *text,
            char        sep,
            double     *a,
            double     *b)
{
  char *end;

  *a = g_ascii_strtod (text, &end);
  if (end == text || *end != sep)
    return FALSE;
  text = end + 1;
  *b = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

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
  guint timeout_id = g_timeout_add (timeout_ms, fetch_timeout, cancellable);

  shumate_data_source_get_tile_data_async (source, x, y, zoom, cancellable, fetch_done, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout_id);
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
 * (sitrep_kind_style_draw_pin: hollow when only hedged claims support the event). */
static guint
draw_pins (SitrepEventStore *store,
           cairo_t          *cr,
           gint64            from,
           gint64            to,
           double            zoom,
           double            x0,
           double            y0,
           double            width,
           double            height)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  double margin = SITREP_PIN_SELECTED_RADIUS + 2;
  SitrepBBox bbox;

  sitrep_basemap_world_to_latlon (x0 - margin, y0 - margin, zoom, &bbox.max_lat, &bbox.min_lon);
  sitrep_basemap_world_to_latlon (x0 + width + margin, y0 + height + margin, zoom,
                                  &bbox.min_lat, &bbox.max_lon);
  sitrep_event_store_query (store, from, to, &bbox, found);
  for (guint k = 0; k < found->len; k++)
    {
      guint i = g_array_index (found, guint, k);
      double px, py;

      sitrep_basemap_latlon_to_world (c->lat[i], c->lon[i], zoom, &px, &py);
      sitrep_kind_style_draw_pin (cr, c->kind[i], px - x0, py - y0, SITREP_PIN_RADIUS,
                                  (c->flags[i] & SITREP_EVENT_FLAG_HEDGED) != 0, FALSE);
    }
  return found->len;
}

static void
draw_attribution (cairo_t    *cr,
                  const char *text,
                  double      width,
                  double      height)
{
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
  cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
  cairo_fill (cr);
  cairo_move_to (cr, width - w - 6, height - h - 3);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

int
sitrep_cli_snapshot (int    argc,
                     char **argv)
{
  g_autofree char *center = NULL, *size = NULL, *style_name = NULL, *basemap_name = NULL;
  g_autofree char *from = NULL, *to = NULL, *out = NULL;
  double zoom = 9, lat, lon, w, h;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "center", 0, 0, G_OPTION_ARG_STRING, &center, N_("Centre of the map"), N_("LAT,LON") },
    { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, N_("Zoom level, fractions allowed (default 9)"), N_("Z") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Image size in pixels (default 1280x800)"), N_("WxH") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("Map style: light (default) or dark"), N_("STYLE") },
    { "basemap", 0, 0, G_OPTION_ARG_STRING, &basemap_name,
      N_("offline (default), osm, or an MBTiles file"), N_("BASEMAP") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of events shown"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of events shown"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PNG file to write"), N_("FILE.png") },
    { NULL }
  };
  SitrepBasemapStyle style = SITREP_BASEMAP_STYLE_LIGHT;
  SitrepBasemap *basemap;
  cairo_surface_t *surface;
  cairo_t *cr;
  double cx, cy, x0, y0;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) placed = NULL;
  PangoFontMap *font_map;
  PangoContext *pango = NULL;
  const char *attribution = _("Map data: Natural Earth, GSHHG");
  g_autofree char *mbtiles_attribution = NULL;
  cairo_status_t status;
  g_autoptr(SitrepEventStore) store = NULL;
  gint64 t_from = 0, t_to = 0;

  ctx = g_option_context_new (_("[FILE.sitrep] — render the map to a PNG image"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (center == NULL || !parse_pair (center, ',', &lat, &lon) || fabs (lat) > 85 || fabs (lon) > 180)
    {
      sitrep_cli_error (_("--center LAT,LON is required, e.g. --center 49.71,37.61"));
      return 2;
    }
  if (size == NULL)
    w = 1280, h = 800;
  else if (!parse_pair (size, 'x', &w, &h) || w < 16 || h < 16 || w > 16384 || h > 16384)
    {
      sitrep_cli_error (_("--size must be WIDTHxHEIGHT between 16 and 16384, e.g. 1280x800"));
      return 2;
    }
  w = floor (w);
  h = floor (h);
  if (out == NULL)
    {
      sitrep_cli_error (_("--out FILE.png is required"));
      return 2;
    }
  if (zoom < 2 || zoom > 18)
    {
      sitrep_cli_error (_("--zoom must be between 2 and 18"));
      return 2;
    }
  if (style_name != NULL && strcmp (style_name, "dark") == 0)
    style = SITREP_BASEMAP_STYLE_DARK;
  else if (style_name != NULL && strcmp (style_name, "light") != 0)
    {
      sitrep_cli_error (_("--style must be light or dark, not “%s”"), style_name);
      return 2;
    }
  if (argc > 2)
    {
      sitrep_cli_error (_("one collection at most"));
      return 2;
    }

  if (argc == 2)
    {
      store = sitrep_event_store_new ();
      if (!sitrep_event_store_load (store, argv[1], NULL, NULL, NULL, &error))
        {
          sitrep_cli_error ("%s", error->message);
          return 1;
        }
      if (sitrep_event_store_get_range (store, &t_from, &t_to))
        t_to += 1;
    }
  if (from != NULL && !sitrep_iso_day_to_unix (from, &t_from))
    {
      sitrep_cli_error (_("--from must be a day as YYYY-MM-DD, not “%s”"), from);
      return 2;
    }
  if (to != NULL)
    {
      if (!sitrep_iso_day_to_unix (to, &t_to))
        {
          sitrep_cli_error (_("--to must be a day as YYYY-MM-DD, not “%s”"), to);
          return 2;
        }
      t_to += 86400;   /* the whole last day */
    }

  basemap = sitrep_basemap_get_default (&error);
  if (basemap == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (surface);
  sitrep_basemap_latlon_to_world (lat, lon, zoom, &cx, &cy);
  x0 = cx - w / 2;
  y0 = cy - h / 2;
  sitrep_basemap_draw (basemap, cr, zoom, x0, y0, w, h, style);

  if (basemap_name != NULL && strcmp (basemap_name, "osm") == 0)
    {
      g_autoptr(ShumateDataSource) osm = sitrep_basemap_new_osm_data_source ();

      /* Offline tiles stay under tiles the network does not deliver. */
      draw_raster (cr, osm, 0, 19, zoom, x0, y0, w, h, 1.0, 8000);
      attribution = "© OpenStreetMap contributors";
    }
  else if (basemap_name != NULL && strcmp (basemap_name, "offline") != 0)
    {
      g_autoptr(SitrepMbtilesSource) mb = sitrep_mbtiles_source_new (basemap_name, &error);

      if (mb == NULL)
        {
          sitrep_cli_error ("%s", error->message);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
              return 1;
        }
      if (zoom >= sitrep_mbtiles_source_get_min_zoom (mb) - 0.5
          && zoom <= sitrep_mbtiles_source_get_max_zoom (mb) + 0.5)
        draw_raster (cr, SHUMATE_DATA_SOURCE (mb), sitrep_mbtiles_source_get_min_zoom (mb),
                     sitrep_mbtiles_source_get_max_zoom (mb), zoom, x0, y0, w, h, 1.0, 2000);
      if (sitrep_mbtiles_source_get_attribution (mb) != NULL)
        attribution = mbtiles_attribution = g_strdup (sitrep_mbtiles_source_get_attribution (mb));
      else
        attribution = mbtiles_attribution = g_path_get_basename (basemap_name);
    }

  if (store != NULL)
    draw_pins (store, cr, t_from, t_to, zoom, x0, y0, w, h);

  font_map = pango_cairo_font_map_get_default ();
  pango = pango_font_map_create_context (font_map);
  labels = sitrep_map_labels_new (sitrep_map_language_from_locale ());
  placed = sitrep_map_labels_layout (labels, pango, zoom, x0, y0, w, h);
  sitrep_map_labels_draw_cairo (labels, placed, cr, style);
  draw_attribution (cr, attribution, w, h);

  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, out);
  cairo_surface_destroy (surface);
  g_object_unref (pango);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      sitrep_cli_error (_("Could not write “%s”: %s"), out, cairo_status_to_string (status));
      return 1;
    }
  return 0;
}
