/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-acled.c: the CSV reader, ACLED import (re-import, updates, bad rows, a kill
 * mid-import) and the lossless ACLED CSV round trip. */

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sitrep-acled.h"
#include "sitrep-csv.h"
#include "sitrep-db.h"
#include "sitrep-export.h"
#include "sitrep-test-util.h"

static char *
fixture (const char *name)
{
  return g_build_filename (sitrep_test_srcdir (), "acled", name, NULL);
}

/* ---- The CSV reader ---- */

static GPtrArray *
read_all (const char *data,
          GError    **error)
{
  g_autoptr (SitrepCsvReader) reader = sitrep_csv_reader_new_for_data (data, strlen (data),
                                                                       "t.csv");
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while (sitrep_csv_reader_next (reader, NULL, error))
    {
      GStrvBuilder *b = g_strv_builder_new ();
      for (guint i = 0; i < sitrep_csv_reader_get_n_fields (reader); i++)
        g_strv_builder_add (b, sitrep_csv_reader_get_field (reader, i, NULL));
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return rows;
}

static void
test_csv_reader (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows =
    read_all ("\xEF\xBB\xBF" "a,b,c\r\n"
              "1,\"two, with comma\",\"three\r\nlines\nhere\"\r\n"
              "\r\n"
              "\"say \"\"hi\"\"\",,x\n"
              "last,row,no newline", &error);
  GStrv r;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  r = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (r[0], ==, "a"); /* the BOM is not part of the first name */
  r = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (r), ==, 3);
  g_assert_cmpstr (r[1], ==, "two, with comma");
  g_assert_cmpstr (r[2], ==, "three\r\nlines\nhere");
  r = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (r[0], ==, "say \"hi\"");
  g_assert_cmpstr (r[1], ==, "");
  r = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (r[2], ==, "no newline");
}

static void
test_csv_line_numbers (void)
{
  const char *data = "h1,h2\n\"multi\nline\",1\n\nnext,2\n";
  g_autoptr (SitrepCsvReader) reader = sitrep_csv_reader_new_for_data (data, strlen (data), "t");

  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  g_assert_cmpuint (sitrep_csv_reader_get_line (reader), ==, 1);
  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  g_assert_cmpuint (sitrep_csv_reader_get_line (reader), ==, 2);
  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  g_assert_cmpuint (sitrep_csv_reader_get_line (reader), ==, 5);
  g_assert_cmpstr (sitrep_csv_reader_get_field (reader, 0, NULL), ==, "next");
  g_assert_false (sitrep_csv_reader_next (reader, NULL, NULL));
}

static void
test_csv_bad_input (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = read_all ("a,b\n1,\"open quote\n2,3\n", &error);
  const char binary[] = "a,b\n1,2\n\x7f" "ELF\0\0\1";
  g_autoptr (SitrepCsvReader) reader =
    sitrep_csv_reader_new_for_data (binary, sizeof binary - 1, "prog.csv");

  g_assert_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (error->message, "t.csv:2:"));
  g_clear_error (&error);

  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  g_assert_false (sitrep_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "prog.csv:3:"));
}

static void
test_dates (void)
{
  gint64 t = 0;
  gint64 expected = sitrep_day_to_unix (2024, 11, 24);

  g_assert_true (sitrep_acled_parse_date ("2024-11-24", &t));
  g_assert_cmpint (t, ==, expected);
  t = 0;
  g_assert_true (sitrep_acled_parse_date ("24 November 2024", &t));
  g_assert_cmpint (t, ==, expected);
  t = 0;
  g_assert_true (sitrep_acled_parse_date ("24-November-2024", &t));
  g_assert_cmpint (t, ==, expected);
  t = 0;
  g_assert_true (sitrep_acled_parse_date ("24 Nov 2024", &t));
  g_assert_cmpint (t, ==, expected);
  g_assert_false (sitrep_acled_parse_date ("31 November 2024", &t));
  g_assert_false (sitrep_acled_parse_date ("0000-01-01", &t));
  g_assert_false (sitrep_acled_parse_date ("24 Novembre 2024", &t));
  g_assert_false (sitrep_acled_parse_date ("2024/11/24", &t));
  g_assert_false (sitrep_acled_parse_date ("", &t));
}

/* ---- Import ---- */

typedef struct
{
  GPtrArray *messages;
} Skipped;

static void
collect_skipped (const char *message,
                 gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (message));
}

static gboolean
import_file (SitrepDb          *db,
             const char        *path,
             GPtrArray         *messages,
             SitrepImportStats *stats,
             GError           **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree char *name = g_path_get_basename (path);
  SitrepImportOptions options = { 0, messages ? collect_skipped : NULL, NULL, messages };

  if (stream == NULL)
    return FALSE;
  return sitrep_acled_import (db, G_INPUT_STREAM (stream), name, &options, stats, NULL, error);
}

static gint64
count (SitrepDb   *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static SitrepDb *
new_db (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("acled.sitrep");
  g_autoptr (GError) error = NULL;
  SitrepDb *db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static SitrepEvent *
load_acled (SitrepDb   *db,
            const char *event_id_cnty)
{
  g_autofree char *uid = sitrep_acled_uid_for (event_id_cnty);
  g_autoptr (GError) error = NULL;
  SitrepEvent *event = sitrep_db_load_event_by_uid (db, uid, &error);

  g_assert_no_error (error);
  return event;
}

static void
test_import_events (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *path = fixture ("basic.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEvent) strike = NULL;
  g_autoptr (SitrepEvent) shelling = NULL;
  g_autoptr (SitrepEvent) week = NULL;
  g_autoptr (SitrepEvent) month = NULL;
  SitrepImportStats stats;
  SitrepClaim *claim;

  g_assert_true (import_file (db, path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);
  g_assert_cmpuint (stats.skipped, ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM events"), ==, 6);

  /* A drone strike on a plant near Kharkiv, two killed, one outlet. */
  strike = load_acled (db, "UKR190002");
  g_assert_cmpstr (strike->external_id, ==, "UKR190002");
  g_assert_cmpint (strike->kind, ==, SITREP_KIND_AIR_STRIKE);
  g_assert_cmpstr (strike->sub_kind, ==, "Air/drone strike");
  g_assert_cmpint (strike->start, ==, sitrep_day_to_unix (2024, 11, 24));
  g_assert_cmpint (strike->end, ==, sitrep_day_to_unix (2024, 11, 25));
  g_assert_cmpint (strike->time_precision, ==, SITREP_TIME_PRECISION_DAY);
  g_assert_cmpint (strike->geo_precision, ==, SITREP_GEO_PRECISION_NEAR);
  g_assert_cmpfloat_with_epsilon (strike->lat, 49.9935, 1e-9);
  g_assert_cmpfloat_with_epsilon (strike->lon, 36.2304, 1e-9);
  g_assert_cmpstr (strike->place_as_written, ==, "Kharkiv");
  g_assert_cmpstr (strike->admin1, ==, "Kharkiv");
  g_assert_cmpuint (strike->figures->len, ==, 1);
  g_assert_cmpint (g_array_index (strike->figures, SitrepFigure, 0).kind, ==,
                   SITREP_FIGURE_KILLED);
  g_assert_cmpint (g_array_index (strike->figures, SitrepFigure, 0).value, ==, 2);
  g_assert_cmpuint (strike->claims->len, ==, 1);
  claim = g_ptr_array_index (strike->claims, 0);
  g_assert_cmpstr (claim->outlet, ==, "Ukrainska Pravda");
  g_assert_cmpint (claim->source_kind, ==, SITREP_SOURCE_MEDIA);
  g_assert_cmpint (claim->hedging, ==, SITREP_HEDGING_ATTRIBUTED);
  g_assert_true (g_str_has_prefix (claim->quote, "On the night of 24 November 2024"));
  g_assert_nonnull (strchr (claim->quote, '\n'));
  /* actor1, actor2 and two associated actors split on ';' */
  g_assert_cmpuint (strike->actors->len, ==, 4);
  g_assert_cmpstr (g_array_index (strike->actors, SitrepActor, 0).side, ==, "Russia");
  g_assert_cmpstr (g_array_index (strike->actors, SitrepActor, 3).name, ==,
                   "Private Security Forces (Ukraine)");
  g_assert_cmpstr (g_array_index (strike->actors, SitrepActor, 3).role, ==, "assoc2");
  g_assert_nonnull (strstr (strike->extra, "\"civilian_targeting\":\"Civilian targeting\""));

  /* One claim per source, the kind of source from the outlet's name. */
  shelling = load_acled (db, "UKR190001");
  g_assert_cmpint (shelling->kind, ==, SITREP_KIND_SHELLING);
  g_assert_cmpuint (shelling->claims->len, ==, 2);
  g_assert_cmpstr (((SitrepClaim *) g_ptr_array_index (shelling->claims, 0))->outlet, ==,
                   "Kharkiv Regional Military Administration");
  g_assert_cmpint (((SitrepClaim *) g_ptr_array_index (shelling->claims, 0))->source_kind, ==,
                   SITREP_SOURCE_OFFICIAL);
  g_assert_cmpstr (((SitrepClaim *) g_ptr_array_index (shelling->claims, 1))->outlet, ==,
                   "Suspilne Media");
  g_assert_cmpuint (shelling->figures->len, ==, 0); /* fatalities 0 */

  /* time_precision 2: a week around the date; 3: the month. */
  week = load_acled (db, "UKR190003");
  g_assert_cmpint (week->time_precision, ==, SITREP_TIME_PRECISION_WEEK);
  g_assert_cmpint (week->start, ==, sitrep_day_to_unix (2024, 11, 17));
  g_assert_cmpint (week->end, ==, sitrep_day_to_unix (2024, 11, 24));
  g_assert_cmpint (((SitrepClaim *) g_ptr_array_index (week->claims, 0))->source_kind, ==,
                   SITREP_SOURCE_MILITARY);
  g_assert_cmpint (((SitrepClaim *) g_ptr_array_index (week->claims, 1))->source_kind, ==,
                   SITREP_SOURCE_EXPERT);
  month = load_acled (db, "UKR190004");
  g_assert_cmpint (month->time_precision, ==, SITREP_TIME_PRECISION_MONTH);
  g_assert_cmpint (month->start, ==, sitrep_day_to_unix (2024, 11, 1));
  g_assert_cmpint (month->end, ==, sitrep_day_to_unix (2024, 12, 1));
  g_assert_cmpint (month->geo_precision, ==, SITREP_GEO_PRECISION_REGION);
  /* No source: the notes still make one claim, without an outlet. */
  g_assert_cmpuint (month->claims->len, ==, 1);
  g_assert_null (((SitrepClaim *) g_ptr_array_index (month->claims, 0))->outlet);

  /* Every stored event has its claims. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM events e WHERE NOT EXISTS "
                              "(SELECT 1 FROM claims c WHERE c.event_id = e.id)"), ==, 0);
}

static void
test_reimport_and_update (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *path = fixture ("basic.csv");
  g_autofree char *contents = NULL;
  g_autofree char *changed_path = sitrep_test_tmp_path ("changed.csv");
  g_autoptr (GString) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  SitrepImportStats stats;
  gint64 claims_before;

  g_assert_true (import_file (db, path, NULL, &stats, &error));
  claims_before = count (db, "SELECT count(*) FROM claims");
  /* The analyst grades a claim of the event ACLED will revise, and the outlet of another. */
  {
    g_autoptr (SitrepEvent) graded = load_acled (db, "UKR190002");
    SitrepRating rating = { 0, "claim", NULL,
                            ((SitrepClaim *) g_ptr_array_index (graded->claims, 0))->id,
                            'B', 2, NULL, 0 };
    SitrepRating outlet = { 0, "outlet", "Ukrainska Pravda", 0, 'A', 0, NULL, 0 };

    g_assert_cmpint (sitrep_db_add_rating (db, &rating, &error), >, 0);
    g_assert_cmpint (sitrep_db_add_rating (db, &outlet, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (import_file (db, path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM events"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM claims"), ==, claims_before);

  /* ACLED revises a row: one more killed, a second source, a newer timestamp. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  changed = g_string_new (contents);
  g_assert_cmpint (g_string_replace (changed, "\"Ukrainska Pravda\"", "x", 0), ==, 0);
  g_assert_cmpint (g_string_replace (changed, ",Ukrainska Pravda,",
                                     ",Ukrainska Pravda; Kyiv Independent,", 0), ==, 1);
  g_assert_cmpint (g_string_replace (changed, "2 workers were killed.\",2,,1732893111",
                                     "3 workers were killed.\",3,,1732999999", 0), ==, 1);
  sitrep_test_write_file (changed_path, changed->str, changed->len);
  g_assert_true (import_file (db, changed_path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (stats.unchanged, ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM events"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM claims"), ==, claims_before + 1);

  /* The replaced event left nothing behind: no child row without its parent, the claim's
   * rating gone with its claim, the outlet's kept; and foreign keys are on again. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM ratings WHERE subject_kind = 'claim'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM ratings WHERE subject_kind = 'outlet'"), ==,
                   1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM figures WHERE event_id NOT IN "
                              "(SELECT id FROM events)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM event_actors WHERE event_id NOT IN "
                              "(SELECT id FROM events)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM event_search"), ==, 6);
  g_assert_cmpint (count (db, "PRAGMA foreign_keys"), ==, 1);

  event = load_acled (db, "UKR190002");
  g_assert_cmpuint (event->claims->len, ==, 2);
  g_assert_cmpuint (event->figures->len, ==, 1);
  g_assert_cmpint (g_array_index (event->figures, SitrepFigure, 0).value, ==, 3);
  g_assert_nonnull (strstr (((SitrepClaim *) g_ptr_array_index (event->claims, 0))->quote,
                            "3 workers"));

  /* The older file again: its rows are older than what is stored, so nothing moves. */
  g_assert_true (import_file (db, path, NULL, &stats, &error));
  g_assert_cmpuint (stats.updated, ==, 0);
  g_clear_object (&event);
  event = load_acled (db, "UKR190002");
  g_assert_cmpint (g_array_index (event->figures, SitrepFigure, 0).value, ==, 3);
}

static void
test_bad_rows (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *path = fixture ("bad-rows.csv");
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  SitrepImportStats stats;

  g_assert_true (import_file (db, path, messages, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 2);
  g_assert_cmpuint (stats.skipped, ==, 4);
  g_assert_cmpuint (messages->len, ==, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (messages, 0), "bad-rows.csv:3: "));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "31 November 2024"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (messages, 1), "bad-rows.csv:5: "));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 1), "latitude"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (messages, 2), "bad-rows.csv:6: "));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 2), "Bombardment"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (messages, 3), "bad-rows.csv:7: "));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 3), "6 fields"));
  summary = sitrep_import_stats_summary (&stats, FALSE);
  g_assert_cmpstr (summary, ==, "2 events imported, 4 rows skipped (see details)");
  stats = (SitrepImportStats) { 12340, 0, 0, 1 };
  g_clear_pointer (&summary, g_free);
  summary = sitrep_import_stats_summary (&stats, FALSE);
  g_assert_cmpstr (summary, ==, "12340 events imported, 1 row skipped (see details)");
}

static void
test_unreadable_files (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *truncated = fixture ("truncated.csv");
  g_autofree char *binary = sitrep_test_tmp_path ("binary.csv");
  g_autofree char *not_acled = sitrep_test_tmp_path ("other.csv");
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;
  static const char elf[] = "\x7f" "ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0";

  g_assert_false (import_file (db, truncated, NULL, &stats, &error));
  g_assert_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (error->message, "truncated.csv:2:"));
  g_clear_error (&error);

  sitrep_test_write_file (binary, elf, sizeof elf - 1);
  g_assert_false (import_file (db, binary, NULL, &stats, &error));
  g_assert_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_BINARY);
  g_clear_error (&error);

  sitrep_test_write_file (not_acled, "name,lat,lon\nKupiansk,49.7,37.6\n", -1);
  g_assert_false (import_file (db, not_acled, NULL, &stats, &error));
  g_assert_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "event_id_cnty"));
  g_assert_cmpint (count (db, "SELECT count(*) FROM events"), ==, 0);
}

/* ---- The round trip ---- */

static char *
export_acled (SitrepDb *db)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  guint64 n = 0;

  g_assert_true (sitrep_export (db, SITREP_EXPORT_ACLED, NULL, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Rows by event_id_cnty, each a hash of column name to value. */
static GHashTable *
parse_rows (const char *csv)
{
  g_autoptr (SitrepCsvReader) reader = sitrep_csv_reader_new_for_data (csv, strlen (csv), "x");
  g_auto (GStrv) header = NULL;
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
  GStrvBuilder *b = g_strv_builder_new ();

  g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL));
  for (guint i = 0; i < sitrep_csv_reader_get_n_fields (reader); i++)
    g_strv_builder_add (b, sitrep_csv_reader_get_field (reader, i, NULL));
  header = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  while (sitrep_csv_reader_next (reader, NULL, NULL))
    {
      GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_assert_cmpuint (sitrep_csv_reader_get_n_fields (reader), ==, g_strv_length (header));
      for (guint i = 0; header[i] != NULL; i++)
        g_hash_table_insert (row, g_strdup (header[i]),
                             g_strdup (sitrep_csv_reader_get_field (reader, i, NULL)));
      g_hash_table_insert (rows, g_strdup (g_hash_table_lookup (row, "event_id_cnty")), row);
    }
  return rows;
}

static void
test_round_trip (void)
{
  g_autoptr (SitrepDb) first = new_db ();
  g_autoptr (SitrepDb) second = new_db ();
  g_autofree char *path = fixture ("basic.csv");
  g_autofree char *original = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out1_path = sitrep_test_tmp_path ("out1.csv");
  g_autoptr (GHashTable) rows_in = NULL;
  g_autoptr (GHashTable) rows_out = NULL;
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_true (import_file (first, path, NULL, &stats, &error));
  out1 = export_acled (first);
  sitrep_test_write_file (out1_path, out1, -1);
  g_assert_true (import_file (second, out1_path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);
  out2 = export_acled (second);
  /* out -> in -> out: the same bytes. */
  g_assert_cmpstr (out2, ==, out1);

  /* And every field of every row as in the original file, the date written in ISO. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  rows_in = parse_rows (original);
  rows_out = parse_rows (out1);
  g_assert_cmpuint (g_hash_table_size (rows_out), ==, g_hash_table_size (rows_in));
  g_hash_table_iter_init (&iter, rows_in);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *in = value;
      GHashTable *out = g_hash_table_lookup (rows_out, key);
      gint64 d_in, d_out;

      g_assert_nonnull (out);
      for (int c = 0; c < SITREP_ACLED_N_COLUMNS; c++)
        {
          const char *name = sitrep_acled_column_name (c);
          const char *v_in = g_hash_table_lookup (in, name);
          const char *v_out = g_hash_table_lookup (out, name);

          if (c == SITREP_ACLED_EVENT_DATE)
            {
              g_assert_true (sitrep_acled_parse_date (v_in, &d_in));
              g_assert_true (sitrep_acled_parse_date (v_out, &d_out));
              g_assert_cmpint (d_in, ==, d_out);
            }
          else if (c == SITREP_ACLED_FATALITIES && *v_in == '\0')
            g_assert_cmpstr (v_out, ==, "0");
          else
            {
              if (g_strcmp0 (v_in, v_out) != 0)
                g_printerr ("%s %s: “%s” became “%s”\n", (char *) key, name, v_in, v_out);
              g_assert_cmpstr (v_out, ==, v_in);
            }
        }
    }
}

static void
test_any_column_order (void)
{
  g_autoptr (SitrepDb) a = new_db ();
  g_autoptr (SitrepDb) b = new_db ();
  g_autofree char *basic = fixture ("basic.csv");
  g_autofree char *reordered = fixture ("reordered.csv");
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;
  const char *ids[] = { "UKR190001", "UKR190002", "UKR190003" };

  g_assert_true (import_file (a, basic, NULL, &stats, &error));
  g_assert_true (import_file (b, reordered, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 3);
  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (SitrepEvent) ea = load_acled (a, ids[i]);
      g_autoptr (SitrepEvent) eb = load_acled (b, ids[i]);
      g_autoptr (GString) ra = g_string_new (NULL);
      g_autoptr (GString) rb = g_string_new (NULL);

      sitrep_acled_write_row (ra, ea, NULL);
      sitrep_acled_write_row (rb, eb, NULL);
      g_assert_cmpstr (ra->str, ==, rb->str);
    }
  {
    /* The unknown column is kept and exported. */
    g_autofree char *out = export_acled (b);
    g_assert_nonnull (strstr (out, ",analyst_note\r\n"));
    g_assert_nonnull (strstr (out, "check against ISW map"));
  }
}

static void
test_export_filters (void)
{
  g_autoptr (SitrepDb) db = new_db ();
  g_autofree char *path = fixture ("basic.csv");
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;
  SitrepExportFilter filter;
  struct { gint64 from, to; guint32 kinds; const char *ids; } cases[] = {
    /* Everything, by start then by id (the month-long event starts first). */
    { G_MININT64, G_MAXINT64, 0,
      "UKR190004 UKR190003 UKR190006 UKR190005 UKR190001 UKR190002 " },
    /* One kind. */
    { G_MININT64, G_MAXINT64, 1u << SITREP_KIND_AIR_STRIKE, "UKR190002 " },
    /* The day 24 November: what overlaps it, the month-long event included. */
    { sitrep_day_to_unix (2024, 11, 24), sitrep_day_to_unix (2024, 11, 25), 0,
      "UKR190004 UKR190001 UKR190002 " },
    /* 18 to 22 November, battles only. */
    { sitrep_day_to_unix (2024, 11, 18), sitrep_day_to_unix (2024, 11, 23),
      (1u << SITREP_KIND_CLASH) | (1u << SITREP_KIND_CAPTURE), "UKR190003 UKR190006 " },
  };

  g_assert_true (import_file (db, path, NULL, &stats, &error));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr (GString) ids = g_string_new (NULL);
      g_autofree char *csv = NULL;
      g_autoptr (SitrepCsvReader) reader = NULL;
      guint64 n = 0;

      sitrep_export_filter_init (&filter);
      filter.from = cases[i].from;
      filter.to = cases[i].to;
      filter.kinds = cases[i].kinds;
      g_assert_true (sitrep_export (db, SITREP_EXPORT_ACLED, &filter, out, &n, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
      g_output_stream_close (out, NULL, NULL);
      csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
      reader = sitrep_csv_reader_new_for_data (csv, strlen (csv), "out.csv");
      g_assert_true (sitrep_csv_reader_next (reader, NULL, NULL)); /* header */
      while (sitrep_csv_reader_next (reader, NULL, NULL))
        g_string_append_printf (ids, "%s ", sitrep_csv_reader_get_field (reader, 0, NULL));
      g_assert_cmpstr (ids->str, ==, cases[i].ids);
    }
}

/* ---- A kill in the middle of an import ---- */

static void
write_big_csv (const char *path,
               guint       rows)
{
  g_autoptr (GString) s = g_string_new (NULL);

  sitrep_acled_write_header (s, NULL);
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (s,
      "UKR%u,2024-%02u-%02u,2024,1,Political violence,Explosions/Remote violence,"
      "Shelling/artillery/missile attack,Military Forces of Russia (2000-),,8,,,0,80,,804,"
      "Europe,Ukraine,Kharkiv,Kupianskyi,,Kupiansk,49.%04u,37.%04u,1,"
      "Suspilne Media; Ukrinform,National,\"Shelling of Kupiansk, report %u.\",%u,,1732893110\r\n",
      i, 1 + i % 12, 1 + i % 28, i % 10000, (i * 7) % 10000, i, i % 3);
  sitrep_test_write_file (path, s->str, s->len);
}

/* The child's pace: a pause after each committed batch, so that the kill lands mid-file
 * however fast the machine. */
static void
slow_progress (guint64                  bytes,
               const SitrepImportStats *stats,
               gpointer                 user_data)
{
  g_usleep (50000);
}

static void
test_kill_mid_import (void)
{
  g_autofree char *csv = sitrep_test_tmp_path ("big.csv");
  g_autofree char *db_path = sitrep_test_tmp_path ("killed.sitrep");
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  pid_t pid;
  int status = 0;
  gint64 n;

  write_big_csv (csv, 6000);
  {
    /* Create the collection before the child writes to it. */
    g_autoptr (SitrepDb) created = sitrep_db_open (db_path, SITREP_DB_OPEN_CREATE, &error);
    g_assert_no_error (error);
  }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      SitrepDb *child_db = sitrep_db_open (db_path, SITREP_DB_OPEN_DEFAULT, NULL);
      SitrepImportStats stats;
      SitrepImportOptions options = { 250, NULL, slow_progress, NULL };
      GFile *file = g_file_new_for_path (csv);
      GFileInputStream *stream = g_file_read (file, NULL, NULL);

      if (child_db != NULL && stream != NULL)
        sitrep_acled_import (child_db, G_INPUT_STREAM (stream), "big.csv", &options, &stats,
                             NULL, NULL);
      _exit (0);
    }
  /* Wait until some batches are in, then kill it without warning. */
  for (int i = 0; i < 3000; i++)
    {
      g_autoptr (SitrepDb) peek = sitrep_db_open (db_path, SITREP_DB_OPEN_READ_ONLY, NULL);
      if (peek != NULL && count (peek, "SELECT count(*) FROM events") >= 500)
        break;
      g_usleep (10000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  db = sitrep_db_open (db_path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (sitrep_db_get_handle (db), "PRAGMA integrity_check", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
  }
  n = count (db, "SELECT count(*) FROM events");
  g_test_message ("%" G_GINT64_FORMAT " events stored before the kill", n);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n % 250, ==, 0); /* whole batches only */
  /* Every stored event whole: two claims each, a search row each. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM claims"), ==, 2 * n);
  g_assert_cmpint (count (db, "SELECT count(*) FROM events e WHERE (SELECT count(*) FROM "
                              "claims c WHERE c.event_id = e.id) != 2"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM event_search"), ==, n);

  /* Importing again completes the collection, adding only what was missing. */
  {
    SitrepImportStats stats;
    g_assert_true (import_file (db, csv, NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.unchanged, ==, n);
    g_assert_cmpuint (stats.added, ==, 6000 - n);
  }
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);

  g_test_add_func ("/csv/reader", test_csv_reader);
  g_test_add_func ("/csv/line-numbers", test_csv_line_numbers);
  g_test_add_func ("/csv/bad-input", test_csv_bad_input);
  g_test_add_func ("/acled/dates", test_dates);
  g_test_add_func ("/acled/import", test_import_events);
  g_test_add_func ("/acled/reimport-and-update", test_reimport_and_update);
  g_test_add_func ("/acled/bad-rows", test_bad_rows);
  g_test_add_func ("/acled/unreadable-files", test_unreadable_files);
  g_test_add_func ("/acled/round-trip", test_round_trip);
  g_test_add_func ("/acled/any-column-order", test_any_column_order);
  g_test_add_func ("/acled/export-filters", test_export_filters);
  g_test_add_func ("/acled/kill-mid-import", test_kill_mid_import);
  return g_test_run ();
}
