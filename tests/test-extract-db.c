/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-db.c: `extract --db`: one transaction per document, idempotent, the same
 * event from two documents merged with both claims, and a kill -9 in the middle of an
 * ingest leaves only whole documents. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "extract-test-util.h"
#include "sitrep-db.h"
#include "sitrep-merge.h"

static const char *cli_path;

static GPtrArray *
extract_text (const char     *text,
              const char     *day,
              SitrepDocument **doc_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);
  SitrepDocument *doc = sitrep_document_new ();
  GPtrArray *events;

  g_assert_no_error (error);
  doc->text = g_strdup (text);
  g_assert_true (sitrep_iso_day_to_unix (day, &doc->published));
  events = sitrep_extractor_extract (extractor, doc, "test", &error);
  g_assert_no_error (error);
  *doc_out = doc;
  return events;
}

static gint64
count (sqlite3    *h,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;
  g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_merge_and_idempotence (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitrep-extract-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merge.sitrep", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);
  const char *a = "Russian forces shelled Kupiansk on November 20, killing two people, regional "
                  "governor Oleh Syniehubov said.\n";
  const char *b = "KYIV (Reuters) - Russian artillery shelled the town of Kupiansk on Nov. 20, "
                  "killing three civilians, the regional prosecutor's office said.\n";
  const char *c = "A Russian drone struck a car in Vovchansk on November 21, wounding one man, "
                  "police said.\n";
  SitrepMergeStats stats;
  sqlite3 *h;

  g_assert_no_error (error);
  for (int round = 0; round < 2; round++)
    {
      const char *texts[] = { a, b, c };
      for (int i = 0; i < 3; i++)
        {
          g_autoptr (SitrepDocument) doc = NULL;
          g_autoptr (GPtrArray) events = extract_text (texts[i], "2024-11-21", &doc);
          g_assert_cmpuint (events->len, ==, 1);
          g_assert_true (sitrep_merge_document (db, doc, "argument", events, &stats, &error));
          g_assert_no_error (error);
          /* the second round adds nothing */
          g_assert_cmpint (stats.existed, ==, round == 1);
          if (round == 0 && i == 1)
            {
              g_assert_cmpuint (stats.merged, ==, 1);
              g_assert_cmpuint (stats.disputed, ==, 1);
            }
        }
    }
  h = sitrep_db_get_handle (db);
  g_assert_cmpint (count (h, "SELECT count(*) FROM documents"), ==, 3);
  g_assert_cmpint (count (h, "SELECT count(*) FROM events"), ==, 2);
  /* Kupiansk: one event, a claim from each document, 2 and 3 killed side by side. */
  g_assert_cmpint (count (h, "SELECT count(*) FROM claims c JOIN events e ON e.id = c.event_id "
                             "WHERE e.kind = 1"), ==, 2);
  g_assert_cmpint (count (h, "SELECT count(DISTINCT document_id) FROM claims c JOIN events e "
                             "ON e.id = c.event_id WHERE e.kind = 1"), ==, 2);
  g_assert_cmpint (count (h, "SELECT disputed FROM events WHERE kind = 1"), ==, 1);
  g_assert_cmpint (count (h, "SELECT count(*) FROM figures WHERE kind = 'killed'"), ==, 2);
  g_assert_cmpint (count (h, "SELECT published_source = 'argument' FROM documents LIMIT 1"), ==, 1);

  g_clear_object (&db);
  g_remove (path);
  g_rmdir (dir);
}

/* Writes n documents into dir: fixture articles with a distinct reference line each. */
static GPtrArray *
write_corpus (const char *dir,
              guint       n)
{
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  g_autofree char *fixtures = g_build_filename (srcdir, "extract", NULL);
  const char *names[] = { "01_reuters_kharkiv_glide_bombs.txt", "08_ukrinform_nikopol_artillery.txt",
                          "09_ap_conflicting_toll.txt", "16_ukrinform_izium_missile.txt",
                          "22_uk_ukrinform_sumy_night.txt", "29_ru_tass_donetsk_shelling.txt" };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *src = g_build_filename (fixtures, names[i % G_N_ELEMENTS (names)], NULL);
      g_autofree char *text = NULL;
      g_autoptr (GString) doc = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      char *path = g_strdup_printf ("%s/doc-%03u.txt", dir, i);

      g_assert_true (g_file_get_contents (src, &text, NULL, &error));
      /* big enough that the ingest takes a while */
      for (int r = 0; r < 12; r++)
        g_string_append (doc, text);
      g_string_append_printf (doc, "(Reference %u.)\n", i);
      g_assert_true (g_file_set_contents (path, doc->str, doc->len, &error));
      g_ptr_array_add (files, path);
    }
  return files;
}

static void
test_kill_mid_ingest (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitrep-extract-kill-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "kill.sitrep", NULL);
  g_autoptr (GPtrArray) files = write_corpus (dir, 200);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  sqlite3 *h;
  gint64 stored = 0;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);

  if (cli_path == NULL)
    {
      g_test_message ("no sitrep-cli given (--cli PATH)");
      g_test_fail ();
      return;
    }
  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, "extract");
  g_ptr_array_add (argv, "--published");
  g_ptr_array_add (argv, "2024-11-25");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db_path);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);

  /* Wait until some documents are in, then SIGKILL. */
  while (g_get_monotonic_time () < deadline)
    {
      sqlite3 *ro = NULL;
      gint64 n = 0;
      if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
          sqlite3_open_v2 (db_path, &ro, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        {
          sqlite3_busy_timeout (ro, 100);
          if (sqlite3_prepare_v2 (ro, "SELECT count(*) FROM documents", -1, &stmt, NULL) == SQLITE_OK &&
              sqlite3_step (stmt) == SQLITE_ROW)
            n = sqlite3_column_int64 (stmt, 0);
          sqlite3_finalize (stmt);
          stmt = NULL;
        }
      sqlite3_close (ro);
      if (n >= 20)
        break;
      g_usleep (2000);
    }
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (proc));
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, 9);

  db = sitrep_db_open (db_path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  h = sitrep_db_get_handle (db);
  g_assert_cmpint (sqlite3_prepare_v2 (h, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  stored = count (h, "SELECT count(*) FROM documents");
  g_test_message ("killed after %" G_GINT64_FORMAT " of 200 documents", stored);
  g_assert_cmpint (stored, >=, 20);
  g_assert_cmpint (stored, <, 200);

  /* Every stored document has all its claims: as many as the extractor gives for it. */
  g_assert_cmpint (sqlite3_prepare_v2 (h, "SELECT d.id, d.text, (SELECT count(*) FROM claims c "
                                          "WHERE c.document_id = d.id) FROM documents d",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (SitrepDocument) doc = sitrep_document_new ();
      g_autoptr (GPtrArray) events = NULL;
      guint claims = 0;
      doc->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_assert_true (sitrep_iso_day_to_unix ("2024-11-25", &doc->published));
      events = sitrep_extractor_extract (extractor, doc, "stored", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < events->len; i++)
        claims += ((SitrepEvent *) g_ptr_array_index (events, i))->claims->len;
      g_assert_cmpuint (claims, >, 0);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, claims);
    }
  sqlite3_finalize (stmt);
  /* and no claim without its document */
  g_assert_cmpint (count (h, "SELECT count(*) FROM claims WHERE document_id IS NULL OR document_id "
                             "NOT IN (SELECT id FROM documents)"), ==, 0);

  g_clear_object (&db);
  for (guint i = 0; i < files->len; i++)
    g_remove (g_ptr_array_index (files, i));
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_remove (db_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "--cli") == 0)
      cli_path = argv[i + 1];
  if (cli_path == NULL)
    cli_path = g_getenv ("SITREP_CLI");
  g_test_add_func ("/extract/db/merge-and-idempotence", test_merge_and_idempotence);
  g_test_add_func ("/extract/db/kill-mid-ingest", test_kill_mid_ingest);
  return g_test_run ();
}
