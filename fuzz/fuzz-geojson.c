/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-geojson.c: libFuzzer target for GeoJSON parsing and event <-> JSON. */
#define G_LOG_DOMAIN "sitrep-fuzz"

#include <glib.h>

#include "sitrep-event-json.h"
#include "sitrep-geojson.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
on_event (SitrepEvent *event,
          gpointer     user_data,
          GError     **error)
{
  GString *out = user_data;
  g_autoptr (SitrepEvent) owned = event;
  g_autofree char *line = NULL;

  (void) owned;

  g_assert (event->lat >= -90 && event->lat <= 90);
  g_assert (event->lon >= -180 && event->lon <= 180);
  g_assert (event->end >= event->start);
  sitrep_geojson_write_feature (out, event, out->len == 0);
  line = sitrep_event_to_json_line (event);
  g_assert (line != NULL);
  return TRUE;
}

static void
on_skipped (const char *message,
            gpointer    user_data)
{
  g_assert (message != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GString) features = g_string_new (NULL);
  g_autoptr (GString) doc = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  if (!sitrep_geojson_parse ((const char *) data, size, "fuzz.geojson", on_event, on_skipped,
                             features, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  /* What we write must parse again. */
  sitrep_geojson_write_start (doc);
  g_string_append (doc, features->str);
  sitrep_geojson_write_end (doc);
  {
    g_autoptr (GString) again = g_string_new (NULL);
    g_autoptr (GError) again_error = NULL;
    if (!sitrep_geojson_parse (doc->str, doc->len, "again.geojson", on_event, on_skipped, again,
                               &again_error))
      g_error ("written GeoJSON does not parse: %s\n%s", again_error->message, doc->str);
  }
  return 0;
}
