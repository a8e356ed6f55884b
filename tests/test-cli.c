/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the built sitrep-cli, run as a user would: info, generate, and the sample. */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "sitrep-db.h"
#include "sitrep-db-schema.h"
#include "sitrep-event-store.h"
#include "sitrep-test-util.h"

#define run_cli sitrep_test_run_cli

static const char *
sample_path (void)
{
  const char *path = g_getenv ("SITREP_SAMPLE");
  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_info_json_sample (void)
{
  g_auto (SitrepTestRun) run = { 0, };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) members = NULL;
  const char *expected[] = { "schema_version", "events", "claims", "documents", "first", "last" };
  JsonObject *object;
  guint i = 0;

  run_cli (&run, "info", "--json", sample_path (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  /* Exactly these members, in this order. */
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (expected));
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_cmpstr (l->data, ==, expected[i++]);

  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==,
                   SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (json_object_get_int_member (object, "events"), >=, 60);
  g_assert_cmpint (json_object_get_int_member (object, "claims"), >,
                   json_object_get_int_member (object, "events"));
  g_assert_cmpint (json_object_get_int_member (object, "documents"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "first"), ==, "2024-08-02");
  g_assert_cmpstr (json_object_get_string_member (object, "last"), ==, "2024-12-31");
}

static void
test_info_text (void)
{
  g_auto (SitrepTestRun) run = { 0, };

  run_cli (&run, "info", sample_path (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Schema version: 2"));
  g_assert_nonnull (strstr (run.out, "2024-08-02 to 2024-12-31"));
}

static void
test_info_bad_files (void)
{
  g_autofree char *text = sitrep_test_tmp_path ("report.sitrep");
  g_autofree char *missing = sitrep_test_tmp_path ("absent.sitrep");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sitrep_test_write_file (text, "Izium, 3 December: two shells hit the market.\n", -1);
  before = sitrep_test_file_sha256 (text);
  {
    g_auto (SitrepTestRun) run = { 0, };
    run_cli (&run, "info", "--json", text, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "report-"));
    g_assert_nonnull (strstr (run.err, "is not an SQLite database"));
  }
  after = sitrep_test_file_sha256 (text);
  g_assert_cmpstr (before, ==, after);

  {
    g_auto (SitrepTestRun) run = { 0, };
    run_cli (&run, "info", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "does not exist"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };
    run_cli (&run, "info", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_generate_synthetic (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("synthetic.sitrep");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  {
    g_auto (SitrepTestRun) run = { 0, };
    run_cli (&run, "generate", "--events", "2000", "--seed", "7", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };
    run_cli (&run, "info", "--json", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
    object = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (object, "events"), ==, 2000);
    g_assert_cmpint (json_object_get_int_member (object, "claims"), >=, 2000);
    g_assert_cmpstr (json_object_get_string_member (object, "first"), >=, "2022-02-24");
    g_assert_cmpstr (json_object_get_string_member (object, "last"), <=, "2025-02-23");
  }
  {
    /* It is not overwritten without --force. */
    g_auto (SitrepTestRun) run = { 0, };
    g_autofree char *before = sitrep_test_file_sha256 (path);
    g_autofree char *after = NULL;
    run_cli (&run, "generate", "--events", "10", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--force"));
    after = sitrep_test_file_sha256 (path);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* The same seed gives the same events. */
    g_autofree char *again = sitrep_test_tmp_path ("synthetic.sitrep");
    g_auto (SitrepTestRun) run = { 0, };
    g_autoptr (SitrepEventStore) a = sitrep_event_store_new ();
    g_autoptr (SitrepEventStore) b = sitrep_event_store_new ();
    const SitrepEventColumns *ca, *cb;

    run_cli (&run, "generate", "--events", "2000", "--seed", "7", "--no-search-index", again,
             NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (sitrep_event_store_load (a, path, NULL, NULL, NULL, NULL));
    g_assert_true (sitrep_event_store_load (b, again, NULL, NULL, NULL, NULL));
    ca = sitrep_event_store_get_columns (a);
    cb = sitrep_event_store_get_columns (b);
    g_assert_cmpuint (ca->n_events, ==, cb->n_events);
    g_assert_cmpint (ca->epoch, ==, cb->epoch);
    g_assert_cmpmem (ca->start, ca->n_events * 4, cb->start, cb->n_events * 4);
    g_assert_cmpmem (ca->lat, ca->n_events * 4, cb->lat, cb->n_events * 4);
    g_assert_cmpmem (ca->kind, ca->n_events, cb->kind, cb->n_events);
    /* Spread over Ukraine: inside its box, and more than one region. */
    for (guint i = 0; i < ca->n_events; i++)
      {
        g_assert_cmpfloat (ca->lat[i], >, 44.0);
        g_assert_cmpfloat (ca->lat[i], <, 52.6);
        g_assert_cmpfloat (ca->lon[i], >, 22.0);
        g_assert_cmpfloat (ca->lon[i], <, 40.3);
      }
  }
}

static void
test_generate_bad_fixture (void)
{
  g_autofree char *fixture = sitrep_test_tmp_path ("broken-fixture.txt");
  g_autofree char *path = sitrep_test_tmp_path ("broken.sitrep");
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_auto (SitrepTestRun) run = { 0, };

  sitrep_test_write_file (fixture,
                          "# a fixture with a mistake on line 9\n"
                          "place: Izium\n"
                          "geonames: 707292\n"
                          "coords: 49.20697, 37.27679\n"
                          "\n"
                          "event: shelling\n"
                          "when: 2024-11-02\n"
                          "where: Izium\n"
                          "summary: Shells.\n"
                          "claim: Ukrinform | 2024-11-02 | - | rumour | hedged | - | Shells fell.\n",
                          -1);
  run_cli (&run, "generate", "--fixture", fixture, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "broken-fixture"));
  g_assert_nonnull (strstr (run.err, ".txt:10:"));
  g_assert_nonnull (strstr (run.err, "rumour"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

/* What the issue asks of the sample, checked on the built file. */
static void
test_sample_content (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (sample_path (), SITREP_DB_OPEN_READ_ONLY, &error);
  g_autoptr (SitrepEventStore) store = sitrep_event_store_new ();
  g_autoptr (GHashTable) outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kinds[SITREP_N_KINDS] = { 0, };
  guint n_kinds = 0, spans = 0, nights = 0, near = 0, region = 0, disputed = 0, multi = 0;
  gint64 first = 0, last = 0;
  const SitrepEventColumns *c;

  g_assert_no_error (error);
  g_assert_true (sitrep_event_store_load (store, sample_path (), NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  c = sitrep_event_store_get_columns (store);
  g_assert_cmpuint (c->n_events, >=, 60);
  g_assert_true (sitrep_event_store_get_range (store, &first, &last));
  /* Several months. */
  g_assert_cmpint (last - first, >, 120 * 86400);

  for (guint i = 0; i < c->n_events; i++)
    {
      g_autoptr (SitrepEvent) event = sitrep_event_store_get_event (store, i, &error);
      gboolean has_speaker = FALSE;

      g_assert_no_error (error);
      g_assert_nonnull (event->summary);
      g_assert_nonnull (event->place);
      g_assert_cmpstr (event->admin1, ==, "Kharkiv Oblast");
      /* Real coordinates, in Kharkiv oblast. */
      g_assert_cmpfloat (event->lat, >, 48.5);
      g_assert_cmpfloat (event->lat, <, 50.5);
      g_assert_cmpfloat (event->lon, >, 35.0);
      g_assert_cmpfloat (event->lon, <, 38.2);
      g_assert_true (g_str_has_prefix (event->place->gazetteer_id, "geonames:"));
      g_hash_table_add (places, g_strdup (event->place->name));
      kinds[event->kind]++;
      spans += event->time_precision == SITREP_TIME_PRECISION_RANGE;
      nights += event->time_of_day == SITREP_TIME_OF_DAY_NIGHT;
      near += event->geo_precision == SITREP_GEO_PRECISION_NEAR;
      region += event->geo_precision == SITREP_GEO_PRECISION_REGION;
      disputed += event->disputed;
      multi += event->claims->len >= 2;
      g_assert_cmpuint (event->claims->len, >=, 1);
      for (guint k = 0; k < event->claims->len; k++)
        {
          SitrepClaim *claim = g_ptr_array_index (event->claims, k);
          g_assert_nonnull (claim->outlet);
          g_assert_nonnull (claim->quote);
          g_assert_cmpint (claim->document_id, >, 0);
          g_assert_cmpint (claim->published, >, 0);
          g_hash_table_add (outlets, g_strdup (claim->outlet));
          if (claim->attributed_to != NULL || claim->source_kind == SITREP_SOURCE_UNCONFIRMED ||
              claim->source_kind == SITREP_SOURCE_WITNESS)
            has_speaker = TRUE;
          /* The claim's span is its quote in its document. */
          {
            g_autoptr (SitrepDocument) doc = sitrep_db_load_document (db, claim->document_id,
                                                                      &error);
            g_assert_no_error (error);
            g_assert_cmpint (claim->span_end, <=, (gint64) strlen (doc->text));
            g_assert_cmpint (strncmp (doc->text + claim->span_start, claim->quote,
                                      claim->span_end - claim->span_start), ==, 0);
          }
        }
      g_assert_true (has_speaker);
    }

  for (guint k = 0; k < SITREP_N_KINDS; k++)
    n_kinds += kinds[k] > 0;
  g_assert_cmpuint (n_kinds, >=, 7);
  g_assert_cmpuint (kinds[SITREP_KIND_SHELLING], >, 0);
  g_assert_cmpuint (kinds[SITREP_KIND_DRONE_STRIKE], >, 0);
  g_assert_cmpuint (kinds[SITREP_KIND_CLASH], >, 0);
  g_assert_cmpuint (kinds[SITREP_KIND_CAPTURE], >, 0);
  g_assert_cmpuint (spans, >=, 3);
  g_assert_cmpuint (nights, >=, 3);
  g_assert_cmpuint (near, >=, 3);
  g_assert_cmpuint (region, >=, 2);
  g_assert_cmpuint (disputed, >=, 3);
  g_assert_cmpuint (multi, >=, 10);
  g_assert_cmpuint (g_hash_table_size (outlets), >=, 6);
  g_assert_true (g_hash_table_contains (outlets, "TASS"));
  g_assert_true (g_hash_table_contains (outlets, "Ukrinform"));
  for (guint p = 0; p < 7; p++)
    {
      const char *named[] = { "Kharkiv", "Kupiansk", "Kupiansk-Vuzlovyi", "Izium", "Vovchansk",
                              "Balakliia", "Borova" };
      g_assert_true (g_hash_table_contains (places, named[p]));
    }
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);

  g_test_add_func ("/cli/info/json-sample", test_info_json_sample);
  g_test_add_func ("/cli/info/text", test_info_text);
  g_test_add_func ("/cli/info/bad-files", test_info_bad_files);
  g_test_add_func ("/cli/generate/synthetic", test_generate_synthetic);
  g_test_add_func ("/cli/generate/bad-fixture", test_generate_bad_fixture);
  g_test_add_func ("/cli/sample/content", test_sample_content);

  return g_test_run ();
}
