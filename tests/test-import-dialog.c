/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-dialog.c: File → Import in a real window: progress, then a summary that
 * names what was imported and skipped, with the skipped rows in its details. */

#include <adwaita.h>
#include <string.h>

#include "sitrep-db.h"
#include "sitrep-csv.h"
#include "sitrep-import-dialog.h"
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

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/import-dialog/summary", test_import_with_summary);
  g_test_add_func ("/import-dialog/failure", test_import_failure);
  return g_test_run ();
}
