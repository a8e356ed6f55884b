/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-dialog.c: File → Import in a real window: progress, then a summary that
 * names what was imported and skipped, with the skipped rows in its details; and
 * File → Export Events from the real application window, with its time window and
 * filters. */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sitrep-acled.h"
#include "sitrep-basemap-layers.h"
#include "sitrep-db-private.h"
#include "sitrep-csv.h"
#include "sitrep-import-dialog.h"
#include "sitrep-application-private.h"
#include "sitrep-window-private.h"
#include "sitrep-test-util.h"

typedef struct
{
  gboolean done;
  gboolean ok;
  SitrepImportStats stats;
  GError *error;
} Result;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *r = user_data;
  r->ok = sitrep_import_file_finish (result, &r->stats, &r->error);
  r->done = TRUE;
}

static AdwMessageDialog *
wait_for_summary (GtkWindow *parent)
{
  for (int i = 0; i < 10000; i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
        {
          g_autoptr (GObject) w = g_list_model_get_item (toplevels, k);
          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
            return ADW_MESSAGE_DIALOG (w);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_not_reached ();
}

static void
test_import_with_summary (void)
{
  g_autofree char *csv = g_build_filename (sitrep_test_srcdir (), "acled", "bad-rows.csv", NULL);
  g_autofree char *db_path = sitrep_test_tmp_path ("ui.sitrep");
  g_autoptr (GFile) file = g_file_new_for_path (csv);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwMessageDialog *dialog;
  GtkWidget *details;
  Result r = { 0, };

  gtk_window_present (window);
  sitrep_import_file_async (window, file, db_path, NULL, on_done, &r);
  dialog = wait_for_summary (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Finished");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 events imported, 4 rows skipped (see details)");
  details = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EXPANDER (details));
  {
    GtkWidget *scrolled = gtk_expander_get_child (GTK_EXPANDER (details));
    GtkTextView *view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter a, b;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &a, &b);
    text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_nonnull (strstr (text, "bad-rows.csv:6: unknown event type “Bombardment”"));
  }
  g_assert_false (r.done); /* the caller hears back once the summary is closed */
  adw_message_dialog_response (dialog, "close");
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r.ok);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.stats.added, ==, 2);
  g_assert_cmpuint (r.stats.skipped, ==, 4);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SitrepDb) db = sitrep_db_open (db_path, SITREP_DB_OPEN_READ_ONLY, &error);
    SitrepDbInfo info;
    g_assert_no_error (error);
    g_assert_true (sitrep_db_get_info (db, &info, &error));
    g_assert_cmpint (info.events, ==, 2);
  }
  gtk_window_destroy (window);
}

static void
test_import_failure (void)
{
  g_autofree char *csv = g_build_filename (sitrep_test_srcdir (), "acled", "truncated.csv", NULL);
  g_autofree char *db_path = sitrep_test_tmp_path ("ui-bad.sitrep");
  g_autoptr (GFile) file = g_file_new_for_path (csv);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwMessageDialog *dialog;
  Result r = { 0, };

  gtk_window_present (window);
  sitrep_import_file_async (window, file, db_path, NULL, on_done, &r);
  dialog = wait_for_summary (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "truncated.csv:2:"));
  adw_message_dialog_response (dialog, "close");
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (r.ok);
  g_assert_error (r.error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TRUNCATED);
  g_clear_error (&r.error);
  gtk_window_destroy (window);
}

/* ---- File → Export Events ---- */

static SitrepApplication *app;
static SitrepWindow *window;

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
loaded (gpointer path)
{
  return !sitrep_window_get_loading (window) &&
         g_strcmp0 (sitrep_event_store_get_path (sitrep_window_get_store (window)), path) == 0;
}

static gboolean
toast_changed (gpointer old)
{
  AdwToast *toast = sitrep_window_get_last_toast (window);
  return toast != NULL && toast != old;
}

/* Sixty events over November 2024, two a day, clashes, shelling and air strikes in turn. */
static char *
make_collection (void)
{
  g_autofree char *csv = sitrep_test_tmp_path ("november.csv");
  char *db_path = sitrep_test_tmp_path ("november.sitrep");
  g_autoptr (GString) text = g_string_new ("event_id_cnty,event_date,event_type,sub_event_type,"
                                           "latitude,longitude,source,notes,fatalities\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  SitrepImportStats stats;
  static const char * const types[3][2] = {
    { "Battles", "Armed clash" },
    { "Explosions/Remote violence", "Shelling/artillery/missile attack" },
    { "Explosions/Remote violence", "Air/drone strike" },
  };

  for (int i = 0; i < 60; i++)
    g_string_append_printf (text, "UKR7%04d,2024-11-%02d,%s,%s,49.%02d,37.%02d,Suspilne,"
                            "Fighting reported near the village on day %d.,%d\n",
                            i, 1 + i / 2, types[i % 3][0], types[i % 3][1], i, i, 1 + i / 2,
                            i % 4);
  sitrep_test_write_file (csv, text->str, text->len);
  db = sitrep_db_open (db_path, SITREP_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (csv);
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sitrep_acled_import (db, G_INPUT_STREAM (stream), "november.csv", NULL, &stats,
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 60);
  return db_path;
}

/* The external ids the collection holds for events overlapping [from, to) of kind. */
static GPtrArray *
expected_ids (const char *db_path,
              gint64      from,
              gint64      to,
              int         kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (db_path, SITREP_DB_OPEN_READ_ONLY, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "SELECT external_id FROM events WHERE end_time > ?1 "
                                       "AND start_time < ?2 AND kind = ?3 ORDER BY external_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, kind);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return ids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The event_id_cnty of every row of an exported ACLED CSV, sorted. */
static GPtrArray *
csv_ids (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr (SitrepAcledReader) reader = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  reader = sitrep_acled_reader_new (sitrep_csv_reader_new (G_INPUT_STREAM (stream), path), NULL,
                                    &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (SitrepEvent) event = NULL;
      g_autoptr (GError) row_error = NULL;
      SitrepAcledRowStatus status = sitrep_acled_reader_next (reader, &event, NULL, NULL,
                                                              &row_error);
      if (status == SITREP_ACLED_ROW_END)
        break;
      g_assert_no_error (row_error);
      g_assert_cmpint (status, ==, SITREP_ACLED_ROW_EVENT);
      g_ptr_array_add (ids, g_strdup (event->external_id));
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

static void
assert_same_ids (GPtrArray *got,
                 GPtrArray *want)
{
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));
}

typedef struct
{
  gboolean done;
  guint64 n;
  GError *error;
} ExportResult;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *r = user_data;
  sitrep_export_file_finish (result, &r->n, &r->error);
  r->done = TRUE;
}

static void
test_export_filtered (void)
{
  g_autofree char *db_path = make_collection ();
  g_autoptr (GFile) db_file = g_file_new_for_path (db_path);
  g_autofree char *csv = sitrep_test_tmp_path ("shown.csv");
  g_autofree char *geojson = sitrep_test_tmp_path ("shown.geojson");
  g_autofree char *missing = g_build_filename (sitrep_test_get_tmpdir (), "no-such-dir",
                                               "x.csv", NULL);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr (GFile) geojson_file = g_file_new_for_path (geojson);
  g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr (GPtrArray) want = NULL;
  g_autoptr (GPtrArray) got = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) accels = NULL;
  g_autofree char *expected_toast = NULL;
  SitrepTimeline *timeline;
  AdwToast *toast;
  /* 10 to 20 November 2024, UTC. */
  gint64 from = 1731196800, to = 1731196800 + 10 * 86400;

  sitrep_window_open (window, db_file);
  g_assert_true (iterate_until (loaded, db_path, 30000));
  g_assert_cmpuint (sitrep_event_store_get_n_events (sitrep_window_get_store (window)), ==, 60);

  /* The action is there, in the menu's keyboard shortcut. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
  g_assert_cmpstr (accels[0], ==, "<Control>e");

  /* What the user set: a time window and only clashes. */
  timeline = sitrep_window_get_timeline (window);
  sitrep_timeline_set_window (timeline, from, to);
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, from);
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline), ==, to);
  sitrep_filter_set_kinds (sitrep_window_get_filter (window), 1u << SITREP_KIND_CLASH);

  want = expected_ids (db_path, from, to, SITREP_KIND_CLASH);
  g_assert_cmpuint (want->len, >, 3);   /* a test that can fail: not every event, not none */
  g_assert_cmpuint (want->len, <, 20);

  toast = sitrep_window_get_last_toast (window);
  sitrep_window_export_events (window, csv_file, SITREP_EXPORT_ACLED);
  g_assert_true (iterate_until (toast_changed, toast, 30000));
  toast = sitrep_window_get_last_toast (window);
  expected_toast = g_strdup_printf ("%u events exported to shown-", want->len);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), expected_toast));
  g_assert_true (g_str_has_suffix (adw_toast_get_title (toast), ".csv"));
  got = csv_ids (csv);
  assert_same_ids (got, want);

  /* The same events as GeoJSON, a FeatureCollection QGIS reads. */
  sitrep_window_export_events (window, geojson_file, SITREP_EXPORT_GEOJSON);
  g_assert_true (iterate_until (toast_changed, toast, 30000));
  toast = sitrep_window_get_last_toast (window);
  g_assert_true (g_str_has_suffix (adw_toast_get_title (toast), ".geojson"));
  {
    g_autoptr (GError) error = NULL;
    JsonObject *root;

    g_assert_true (json_parser_load_from_file (parser, geojson, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "features")),
                      ==, want->len);
  }

  /* A file that cannot be written: an error toast naming it, nothing else. */
  sitrep_window_export_events (window, missing_file, SITREP_EXPORT_ACLED);
  g_assert_true (iterate_until (toast_changed, toast, 30000));
  toast = sitrep_window_get_last_toast (window);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), "Could not export the events: "));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "x.csv"));

  /* Cancelled (the progress window's Cancel): the file that was there stays as it was. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *contents = NULL;
    ExportResult r = { 0, };

    sitrep_test_write_file (csv, "old\n", -1);
    g_cancellable_cancel (cancellable);
    sitrep_export_file_async (GTK_WINDOW (window), csv_file, db_path, SITREP_EXPORT_ACLED, NULL,
                              cancellable, on_exported, &r);
    while (!r.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&r.error);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old\n");
  }

  sitrep_filter_set_kinds (sitrep_window_get_filter (window), SITREP_FILTER_ALL_KINDS);
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/import-dialog/summary", test_import_with_summary);
  g_test_add_func ("/import-dialog/failure", test_import_failure);
  g_test_add_func ("/import-dialog/export-filtered", test_export_filtered);

  /* The real application and window, never on the network (offline basemap). */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_autoptr (GSettings) basemap = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
    int status;

    g_settings_set_string (basemap, "kind", "offline");
    g_settings_set_string (settings, "last-file", "");
    app = sitrep_application_new ();
    g_application_set_flags (G_APPLICATION (app),
                             G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
    g_application_hold (G_APPLICATION (app));
    g_application_activate (G_APPLICATION (app));
    window = SITREP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
    g_assert_nonnull (window);

    status = g_test_run ();

    gtk_window_destroy (GTK_WINDOW (window));
    g_application_release (G_APPLICATION (app));
    g_object_unref (app);
    return status;
  }
}
