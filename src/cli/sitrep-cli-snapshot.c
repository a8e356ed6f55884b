/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-snapshot.c: `sitrep-cli snapshot`: the map (basemap, pins, labels, attribution)
 * rendered to a PNG without a window. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sitrep-basemap-export.h"
#include "sitrep-cli-private.h"
#include "sitrep-event-store.h"

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
  SitrepMapImage image = { 0 };
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

  image.latitude = lat;
  image.longitude = lon;
  image.zoom = zoom;
  image.width = (int) w;
  image.height = (int) h;
  image.style = style;
  image.basemap = basemap_name;
  image.store = store;
  image.from = t_from;
  image.to = t_to;
  if (!sitrep_map_image_write_png (&image, out, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}
