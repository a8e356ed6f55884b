/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-geojson.c: GeoJSON export is valid RFC 7946 and round-trips; plain points import;
 * bad features are skipped with a reason; JSON Lines export. */

#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sitrep-acled.h"
#include "sitrep-db.h"
#include "sitrep-event-json.h"
#include "sitrep-export.h"
#include "sitrep-geojson.h"
#include "sitrep-test-util.h"

static SitrepDb *
new_db (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("geo.sitrep");
  g_autoptr (GError) error = NULL;
  SitrepDb *db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static void
collect_skipped (const char *message,
                 gpointer    user_data)
{
  if (user_data != NULL)
    g_ptr_array_add (user_data, g_strdup (message));
}

static gboolean
import (SitrepDb          *db,
        const char        *path,
        gboolean           geojson,
        GPtrArray         *messages,
        SitrepImportStats *stats,
        GError           **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree char *name = g_path_get_basename (path);
  SitrepImportOptions options = { 0, collect_skipped, NULL, messages };

  if (stream == NULL)
    return FALSE;
  if (geojson)
    return sitrep_geojson_import (db, G_INPUT_STREAM (stream), name, &options, stats, NULL,
                                  error);
  return sitrep_acled_import (db, G_INPUT_STREAM (stream), name, &options, stats, NULL, error);
}

static char *
export (SitrepDb          *db,
        SitrepExportFormat format)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (sitrep_export (db, format, NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static SitrepDb *
db_from_acled (void)
{
  g_autofree char *csv = g_build_filename (sitrep_test_srcdir (), "acled", "basic.csv", NULL);
  g_autoptr (GError) error = NULL;
  SitrepDb *db = new_db ();
  SitrepImportStats stats;

  g_assert_true (import (db, csv, FALSE, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);
  return db;
}

/* RFC 7946: a FeatureCollection of Features with Point geometries in [lon, lat] WGS84,
 * no "crs" member, properties an object or null. */
static void
test_export_is_rfc7946 (void)
{
  g_autoptr (SitrepDb) db = db_from_acled ();
  g_autofree char *text = export (db, SITREP_EXPORT_GEOJSON);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *features;
  gboolean saw_kharkiv = FALSE;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  g_assert_false (json_object_has_member (root, "crs"));
  features = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 6);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      JsonObject *geometry = json_object_get_object_member (f, "geometry");
      JsonArray *c = json_object_get_array_member (geometry, "coordinates");
      JsonObject *p = json_object_get_object_member (f, "properties");
      double lon = json_array_get_double_element (c, 0);
      double lat = json_array_get_double_element (c, 1);
      JsonArray *claims;

      g_assert_cmpstr (json_object_get_string_member (f, "type"), ==, "Feature");
      g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "Point");
      g_assert_cmpuint (json_array_get_length (c), ==, 2);
      g_assert_cmpfloat (lon, >=, -180);
      g_assert_cmpfloat (lon, <=, 180);
      g_assert_cmpfloat (lat, >=, -90);
      g_assert_cmpfloat (lat, <=, 90);
      g_assert_nonnull (p);
      g_assert_nonnull (json_object_get_string_member (p, "uid"));
      g_assert_nonnull (json_object_get_string_member (p, "kind"));
      g_assert_nonnull (json_object_get_string_member (p, "start"));
      g_assert_nonnull (json_object_get_string_member (p, "hedging"));
      claims = json_object_get_array_member (p, "claims");
      g_assert_cmpuint (json_array_get_length (claims), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 0),
                                                      "hedging"), ==, "attributed");
      if (g_strcmp0 (json_object_get_string_member (p, "external_id"), "UKR190002") == 0)
        {
          /* Kharkiv: longitude first. */
          saw_kharkiv = TRUE;
          g_assert_cmpfloat_with_epsilon (lon, 36.2304, 1e-6);
          g_assert_cmpfloat_with_epsilon (lat, 49.9935, 1e-6);
          g_assert_cmpstr (json_object_get_string_member (p, "kind"), ==, "air_strike");
          g_assert_cmpstr (json_object_get_string_member (p, "acled_sub_event_type"), ==,
                           "Air/drone strike");
          g_assert_cmpint (json_object_get_int_member (
                             json_array_get_object_element (
                               json_object_get_array_member (p, "figures"), 0), "value"), ==, 2);
          g_assert_cmpstr (json_object_get_string_member (
                             json_array_get_object_element (claims, 0), "outlet"), ==,
                           "Ukrainska Pravda");
        }
      if (g_strcmp0 (json_object_get_string_member (p, "external_id"), "UKR190005") == 0)
        g_assert_cmpstr (json_object_get_string_member (p, "acled_event_type"), ==,
                         "Violence against civilians");
    }
  g_assert_true (saw_kharkiv);
}

static void
test_round_trip (void)
{
  g_autoptr (SitrepDb) first = db_from_acled ();
  g_autoptr (SitrepDb) second = new_db ();
  g_autofree char *geojson = export (first, SITREP_EXPORT_GEOJSON);
  g_autofree char *path = sitrep_test_tmp_path ("out.geojson");
  g_autofree char *jsonl1 = NULL;
  g_autofree char *jsonl2 = NULL;
  g_autofree char *acled1 = NULL;
  g_autofree char *acled2 = NULL;
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;

  sitrep_test_write_file (path, geojson, -1);
  g_assert_true (import (second, path, TRUE, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);
  g_assert_cmpuint (stats.skipped, ==, 0);

  /* Every property of every event, compared as JSON Lines (ids aside, which jsonl omits). */
  jsonl1 = export (first, SITREP_EXPORT_JSONL);
  jsonl2 = export (second, SITREP_EXPORT_JSONL);
  g_assert_nonnull (strstr (jsonl1, "\"external_id\":\"UKR190002\""));
  g_assert_cmpstr (jsonl2, ==, jsonl1);
  /* And through GeoJSON the ACLED columns survive too. */
  acled1 = export (first, SITREP_EXPORT_ACLED);
  acled2 = export (second, SITREP_EXPORT_ACLED);
  g_assert_cmpstr (acled2, ==, acled1);

  /* Importing the same GeoJSON again adds nothing. */
  g_assert_true (import (second, path, TRUE, NULL, &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 6);
}

static void
test_plain_points (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *path = g_build_filename (sitrep_test_srcdir (), "geojson",
                                            "plain-points.geojson", NULL);
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *jsonl = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;
  SitrepImportStats stats;

  g_assert_true (import (db, path, TRUE, messages, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 2);
  g_assert_cmpuint (stats.skipped, ==, 3);
  g_assert_cmpuint (messages->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "plain-points.geojson: feature 3:"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "not a Point"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 1), "feature 4:"));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 2), "feature 5:"));

  jsonl = export (db, SITREP_EXPORT_JSONL);
  lines = g_strsplit (jsonl, "\n", -1);
  g_assert_true (json_parser_load_from_data (parser, lines[0], -1, &error));
  /* Both start at 0 (no date); order by id: the warehouse first. */
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "other");
  g_assert_cmpstr (json_object_get_string_member (o, "summary"), ==,
                   "Burnt warehouse near the rail yard");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "lat"), 49.7106, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "lon"), 37.6152, 1e-9);
  /* Unknown properties are kept. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "extra"),
                                                  "source"), ==, "field team");

  /* Twice: nothing new, the features name themselves by their content. */
  g_assert_true (import (db, path, TRUE, NULL, &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 2);
}

static void
test_not_geojson (void)
{
  g_autoptr (GError) error = NULL;
  static const char *inputs[] = {
    "", "{", "[1,2]", "{\"type\":\"Topology\"}", "{\"type\":\"FeatureCollection\"}",
    "\x7f" "ELF\2\1\1",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_clear_error (&error);
      g_assert_false (sitrep_geojson_parse (inputs[i], strlen (inputs[i]), "bad.geojson", NULL,
                                            NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "bad.geojson: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);

  g_test_add_func ("/geojson/export-is-rfc7946", test_export_is_rfc7946);
  g_test_add_func ("/geojson/round-trip", test_round_trip);
  g_test_add_func ("/geojson/plain-points", test_plain_points);
  g_test_add_func ("/geojson/not-geojson", test_not_geojson);
  return g_test_run ();
}
