/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-geojson.c: events as an RFC 7946 FeatureCollection, and back. */
#define G_LOG_DOMAIN "sitrep-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sitrep-event-json.h"
#include "sitrep-geojson.h"

G_DEFINE_QUARK (sitrep-geojson-error-quark, sitrep_geojson_error)

void
sitrep_geojson_write_start (GString *out)
{
  g_string_append (out, "{\"type\":\"FeatureCollection\",\"features\":[\n");
}

void
sitrep_geojson_write_feature (GString     *out,
                              SitrepEvent *event,
                              gboolean     first)
{
  g_autoptr (JsonObject) properties = sitrep_event_to_json_object (event, FALSE);
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), properties);
  g_autofree char *json = json_to_string (node, FALSE);
  char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

  /* RFC 7946 §11.2: six decimals are about 10 cm, more than any report's precision. */
  g_ascii_formatd (lon, sizeof lon, "%.6f", event->lon);
  g_ascii_formatd (lat, sizeof lat, "%.6f", event->lat);
  if (!first)
    g_string_append (out, ",\n");
  g_string_append_printf (out, "{\"type\":\"Feature\",\"id\":");
  {
    g_autoptr (JsonNode) id = json_node_new (JSON_NODE_VALUE);
    g_autofree char *id_text = NULL;
    json_node_set_string (id, event->uid != NULL ? event->uid : "");
    id_text = json_to_string (id, FALSE);
    g_string_append (out, id_text);
  }
  g_string_append_printf (out, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                          "\"properties\":%s}", lon, lat, json);
}

void
sitrep_geojson_write_end (GString *out)
{
  g_string_append (out, "\n]}\n");
}

static gboolean
feature_point (JsonObject *feature,
               double     *lon,
               double     *lat,
               const char **reason)
{
  JsonNode *node = json_object_get_member (feature, "geometry");
  JsonObject *geometry;
  JsonArray *coordinates;
  JsonNode *c[2];

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      *reason = _("no geometry");
      return FALSE;
    }
  geometry = json_node_get_object (node);
  node = json_object_get_member (geometry, "type");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), "Point") != 0)
    {
      *reason = _("the geometry is not a Point");
      return FALSE;
    }
  node = json_object_get_member (geometry, "coordinates");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (coordinates = json_node_get_array (node)) < 2)
    {
      *reason = _("the Point has no [longitude, latitude]");
      return FALSE;
    }
  for (int i = 0; i < 2; i++)
    {
      GType type;
      c[i] = json_array_get_element (coordinates, i);
      if (!JSON_NODE_HOLDS_VALUE (c[i]) ||
          ((type = json_node_get_value_type (c[i])) != G_TYPE_DOUBLE && type != G_TYPE_INT64))
        {
          *reason = _("a coordinate is not a number");
          return FALSE;
        }
    }
  *lon = json_node_get_value_type (c[0]) == G_TYPE_DOUBLE ? json_node_get_double (c[0])
                                                          : (double) json_node_get_int (c[0]);
  *lat = json_node_get_value_type (c[1]) == G_TYPE_DOUBLE ? json_node_get_double (c[1])
                                                          : (double) json_node_get_int (c[1]);
  if (!isfinite (*lon) || !isfinite (*lat) || *lon < -180 || *lon > 180 || *lat < -90 ||
      *lat > 90)
    {
      *reason = _("the coordinates are outside WGS84 longitude and latitude");
      return FALSE;
    }
  return TRUE;
}

static void
report_feature (const char *name,
                guint       index,
                const char *reason,
                void      (*skipped) (const char *, gpointer),
                gpointer    user_data)
{
  g_autofree char *message = g_strdup_printf (_("%s: feature %u: %s"), name, index + 1, reason);
  if (skipped != NULL)
    skipped (message, user_data);
}

gboolean
sitrep_geojson_parse (const char            *data,
                      gsize                  len,
                      const char            *name,
                      SitrepGeojsonEventFunc callback,
                      void                 (*skipped) (const char *, gpointer),
                      gpointer               user_data,
                      GError               **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonArray) single = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *features;
  const char *type;

  if (len > G_MAXSSIZE || !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, SITREP_GEOJSON_ERROR, SITREP_GEOJSON_ERROR_PARSE,
                   _("%s: not JSON: %s"), name,
                   local_error ? local_error->message : _("too large"));
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_geojson;
  object = json_node_get_object (root);
  type = json_object_has_member (object, "type") &&
         JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "type")) &&
         json_node_get_value_type (json_object_get_member (object, "type")) == G_TYPE_STRING
           ? json_object_get_string_member (object, "type") : "";
  if (strcmp (type, "FeatureCollection") == 0)
    {
      JsonNode *node = json_object_get_member (object, "features");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        goto not_geojson;
      features = json_node_get_array (node);
    }
  else if (strcmp (type, "Feature") == 0)
    {
      single = json_array_new ();
      json_array_add_element (single, json_node_copy (root));
      features = single;
    }
  else
    goto not_geojson;

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonNode *node = json_array_get_element (features, i);
      JsonObject *feature;
      JsonNode *properties;
      const char *reason = NULL;
      double lon, lat;
      SitrepEvent *event;
      g_autofree char *text = NULL;
      g_autofree char *hash = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report_feature (name, i, _("not an object"), skipped, user_data);
          continue;
        }
      feature = json_node_get_object (node);
      if (!feature_point (feature, &lon, &lat, &reason))
        {
          report_feature (name, i, reason, skipped, user_data);
          continue;
        }
      properties = json_object_get_member (feature, "properties");
      if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
        event = sitrep_event_from_json_object (json_node_get_object (properties));
      else
        {
          g_autoptr (JsonObject) empty = json_object_new ();
          event = sitrep_event_from_json_object (empty);
        }
      event->lon = lon;
      event->lat = lat;

      /* The digest of the whole feature keys re-imports; it also names features that
       * come without a uid, so that importing them twice adds nothing. */
      text = json_to_string (node, FALSE);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      if (event->uid == NULL || *event->uid == '\0')
        {
          g_free (event->uid);
          event->uid = g_strdup_printf ("geojson-%.16s", hash);
        }
      {
        GString *extra = g_string_new (event->extra);
        if (extra->len >= 2 && extra->str[extra->len - 1] == '}')
          {
            g_string_truncate (extra, extra->len - 1);
            g_string_append_c (extra, ',');
          }
        else
          g_string_assign (extra, "{");
        g_string_append_printf (extra, "\"%s\":\"%s\"}", SITREP_IMPORT_HASH_KEY, hash);
        g_free (event->extra);
        event->extra = g_string_free (extra, FALSE);
      }
      if (!callback (event, user_data, error))
        return FALSE;
    }
  return TRUE;

not_geojson:
  g_set_error (error, SITREP_GEOJSON_ERROR, SITREP_GEOJSON_ERROR_NOT_GEOJSON,
               _("%s: not GeoJSON: expected a FeatureCollection or a Feature"), name);
  return FALSE;
}

typedef struct
{
  SitrepImporter *importer;
  GCancellable *cancellable;
  guint64 bytes;
} ImportData;

static gboolean
import_event (SitrepEvent *event,
              gpointer     user_data,
              GError     **error)
{
  ImportData *data = user_data;
  g_autoptr (SitrepEvent) owned = event;

  if (!sitrep_importer_add (data->importer, owned, error))
    return FALSE;
  if (sitrep_importer_batch_full (data->importer))
    {
      if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
        return FALSE;
      return sitrep_importer_commit (data->importer, data->bytes, error);
    }
  return TRUE;
}

static void
import_skipped (const char *message,
                gpointer    user_data)
{
  ImportData *data = user_data;
  sitrep_importer_skip (data->importer, message);
}

gboolean
sitrep_geojson_import (SitrepDb                  *db,
                       GInputStream              *stream,
                       const char                *name,
                       const SitrepImportOptions *options,
                       SitrepImportStats         *stats,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr (SitrepImporter) importer = sitrep_importer_new (db, options);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  ImportData data = { importer, cancellable, 0 };
  guint8 block[65536];
  gboolean ok;

  memset (stats, 0, sizeof *stats);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, block, sizeof block, cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (bytes->len + (guint64) n > SITREP_GEOJSON_MAX_BYTES)
        {
          g_set_error (error, SITREP_GEOJSON_ERROR, SITREP_GEOJSON_ERROR_TOO_LARGE,
                       _("%s: GeoJSON files above %u MB cannot be imported; split the file "
                         "or use ACLED CSV"), name,
                       (guint) (SITREP_GEOJSON_MAX_BYTES / (1024 * 1024)));
          return FALSE;
        }
      g_byte_array_append (bytes, block, n);
    }
  data.bytes = bytes->len;

  ok = sitrep_geojson_parse ((const char *) bytes->data, bytes->len, name, import_event,
                             import_skipped, &data, error);
  if (!ok)
    sitrep_importer_abort (importer);
  else
    ok = sitrep_importer_commit (importer, bytes->len, error);
  *stats = *sitrep_importer_get_stats (importer);
  return ok;
}
