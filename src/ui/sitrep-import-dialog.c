/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-import-dialog.c: File → Import and File → Export with progress, Cancel and a
 * summary, the work in a worker thread. */
#define G_LOG_DOMAIN "sitrep-import-dialog"

#include "config.h"

#include <adwaita.h>
#include <inttypes.h>
#include <glib/gi18n.h>

#include "sitrep-acled.h"
#include "sitrep-db.h"
#include "sitrep-geojson.h"
#include "sitrep-import-dialog.h"

#define MAX_DETAILS 1000

typedef struct
{
  /* Set before the thread starts, read-only after. */
  GFile *file;
  char *db_path;
  char *name;
  guint64 size;
  gboolean geojson;
  GMainContext *context;

  /* UI, main thread only. */
  GtkWindow *parent;
  GtkWindow *progress_window;
  GtkProgressBar *bar;
  GtkLabel *count_label;
  GCancellable *cancellable;
  gulong cancel_handler;

  /* Written by the thread, guarded by lock. */
  GMutex lock;
  GPtrArray *details;
  guint64 n_skipped_messages;
  SitrepImportStats stats;
  guint64 bytes;
  gboolean progress_pending;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->db_path);
  g_free (job->name);
  g_main_context_unref (job->context);
  if (job->progress_window != NULL)
    gtk_window_destroy (job->progress_window);
  g_clear_object (&job->parent);
  if (job->cancellable != NULL && job->cancel_handler != 0)
    g_cancellable_disconnect (job->cancellable, job->cancel_handler);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->lock);
  g_ptr_array_unref (job->details);
  g_free (job);
}

/* ---- Worker thread ---- */

static void
on_skipped (const char *message,
            gpointer    user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (user_data));

  g_mutex_lock (&job->lock);
  if (job->details->len < MAX_DETAILS)
    g_ptr_array_add (job->details, g_strdup (message));
  job->n_skipped_messages++;
  g_mutex_unlock (&job->lock);
}

static gboolean
show_progress (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  SitrepImportStats stats;
  guint64 bytes;
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&job->lock);
  stats = job->stats;
  bytes = job->bytes;
  job->progress_pending = FALSE;
  g_mutex_unlock (&job->lock);

  if (job->bar != NULL && job->size > 0)
    gtk_progress_bar_set_fraction (job->bar, MIN (1.0, (double) bytes / job->size));
  if (job->count_label != NULL)
    {
      guint64 done = stats.added + stats.updated + stats.unchanged;
      n = g_strdup_printf ("%'" G_GUINT64_FORMAT, done);
      text = g_strdup_printf (g_dngettext (NULL, "%s event read", "%s events read", done), n);
      gtk_label_set_text (job->count_label, text);
    }
  return G_SOURCE_REMOVE;
}

static void
on_progress (guint64                  bytes,
             const SitrepImportStats *stats,
             gpointer                 user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&job->lock);
  job->stats = *stats;
  job->bytes = bytes;
  schedule = !job->progress_pending;
  job->progress_pending = TRUE;
  g_mutex_unlock (&job->lock);
  if (schedule)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_progress,
                                g_object_ref (task), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  SitrepImportOptions options = { 0, on_skipped, on_progress, task };
  SitrepImportStats stats = { 0, };
  gboolean ok;

  db = sitrep_db_open (job->db_path, SITREP_DB_OPEN_CREATE, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stream = g_file_read (job->file, cancellable, &error);
  if (stream == NULL)
    {
      g_prefix_error (&error, "%s: ", job->name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->geojson)
    ok = sitrep_geojson_import (db, G_INPUT_STREAM (stream), job->name, &options, &stats,
                                cancellable, &error);
  else
    ok = sitrep_acled_import (db, G_INPUT_STREAM (stream), job->name, &options, &stats,
                              cancellable, &error);
  g_mutex_lock (&job->lock);
  job->stats = stats;
  g_mutex_unlock (&job->lock);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- Main thread ---- */

static void
on_cancel_clicked (GtkButton *button,
                   GTask     *task)
{
  ImportJob *job = g_task_get_task_data (task);

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_label_set_text (job->count_label, _("Cancelling…"));
  g_cancellable_cancel (job->cancellable);
}

/* A small modal window: a heading (plain text: the file name is the user's, never markup),
 * a progress bar, a count line and Cancel. Import and export both use it. */
static GtkWindow *
build_progress_window (GtkWindow       *parent,
                       const char      *window_title,
                       const char      *heading,
                       GCallback        on_cancel,
                       gpointer         data,
                       GtkProgressBar **bar_out,
                       GtkLabel       **count_out,
                       GtkButton      **cancel_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *count = gtk_label_new (_("Starting…"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (window), window_title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, -1);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (GTK_WINDOW (window), box);

  g_signal_connect (cancel, "clicked", on_cancel, data);
  *bar_out = GTK_PROGRESS_BAR (bar);
  *count_out = GTK_LABEL (count);
  if (cancel_out != NULL)
    *cancel_out = GTK_BUTTON (cancel);
  return GTK_WINDOW (window);
}

static GtkWindow *
make_progress_window (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autofree char *heading = g_strdup_printf (_("Importing “%s”"), job->name);

  return build_progress_window (job->parent, _("Import"), heading,
                                G_CALLBACK (on_cancel_clicked), task,
                                &job->bar, &job->count_label, NULL);
}

static void
on_summary_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *outer)
{
  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  AdwMessageDialog *dialog;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  SitrepImportStats *stats = g_new (SitrepImportStats, 1);

  *stats = job->stats;
  g_object_set_data_full (G_OBJECT (outer), "stats", stats, g_free);
  g_clear_pointer (&job->progress_window, gtk_window_destroy);
  job->bar = NULL;
  job->count_label = NULL;

  summary = sitrep_import_stats_summary (&job->stats, job->geojson);
  if (ok)
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Import Finished"),
                                                         summary));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *body = g_strdup_printf (_("Import cancelled: %s. Events of the "
                                                 "interrupted batch were not stored."),
                                               summary);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Import Cancelled"),
                                                           body));
    }
  else
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, summary);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Import Failed"),
                                                           body));
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  g_mutex_lock (&job->lock);
  if (job->details->len > 0)
    {
      GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();
      g_autoptr (GString) text = g_string_new (NULL);

      for (guint i = 0; i < job->details->len; i++)
        {
          g_string_append (text, g_ptr_array_index (job->details, i));
          g_string_append_c (text, '\n');
        }
      if (job->n_skipped_messages > job->details->len)
        g_string_append_printf (text, _("… and %" PRIu64 " more\n"),
                                job->n_skipped_messages - job->details->len);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str,
                                text->len);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
      gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_expander_set_child (GTK_EXPANDER (expander), scrolled);
      adw_message_dialog_set_extra_child (dialog, expander);
    }
  g_mutex_unlock (&job->lock);

  if (!ok)
    g_object_set_data_full (G_OBJECT (outer), "error", g_error_copy (error),
                            (GDestroyNotify) g_error_free);
  g_object_set_data (G_OBJECT (outer), "summary-dialog", dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_summary_response), outer);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sitrep_import_file_async (GtkWindow          *parent,
                          GFile              *file,
                          const char         *db_path,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  GTask *outer;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GFileInfo) info = NULL;
  ImportJob *job;
  g_autofree char *lower = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (db_path != NULL);

  outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sitrep_import_file_async);

  job = g_new0 (ImportJob, 1);
  g_mutex_init (&job->lock);
  job->file = g_object_ref (file);
  job->db_path = g_strdup (db_path);
  job->name = g_file_get_basename (file);
  job->context = g_main_context_ref_thread_default ();
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->details = g_ptr_array_new_with_free_func (g_free);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  lower = g_ascii_strdown (job->name, -1);
  job->geojson = g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json");
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  job->size = info != NULL ? g_file_info_get_size (info) : 0;

  task = g_task_new (NULL, job->cancellable, on_import_done, outer);
  g_task_set_source_tag (task, import_thread);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  /* The thread reports to the window through the task; keep errors for the dialog. */
  g_task_set_return_on_cancel (task, FALSE);

  job->progress_window = make_progress_window (task);
  gtk_window_present (job->progress_window);
  g_task_run_in_thread (task, import_thread);
}

gboolean
sitrep_import_file_finish (GAsyncResult      *result,
                           SitrepImportStats *stats,
                           GError           **error)
{
  GError *stored;
  SitrepImportStats *s;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_task_propagate_boolean (G_TASK (result), NULL);
  s = g_object_get_data (G_OBJECT (result), "stats");
  if (stats != NULL)
    {
      if (s != NULL)
        *stats = *s;
      else
        memset (stats, 0, sizeof *stats);
    }
  stored = g_object_get_data (G_OBJECT (result), "error");
  if (stored != NULL)
    {
      g_propagate_error (error, g_error_copy (stored));
      return FALSE;
    }
  return TRUE;
}

/* ---- Export ---- */

/* A progress window only for exports that last: a short one finishes before it shows. */
#define EXPORT_PROGRESS_DELAY_MS 300

typedef struct
{
  /* Set before the thread starts, read-only after. */
  GFile *file;
  char *db_path;
  char *name;
  SitrepExportFormat format;
  SitrepExportFilter filter;
  gint64 *ids;                  /* filter.ids, owned */
  GMainContext *context;

  /* UI, main thread only. */
  GtkWindow *parent;
  GtkWindow *progress_window;
  GtkProgressBar *bar;
  GtkLabel *count_label;
  GtkButton *cancel_button;
  GCancellable *cancellable;
  guint show_timeout;

  /* Written by the thread, guarded by lock. */
  GMutex lock;
  guint64 done;
  gboolean progress_pending;
  guint64 n_events;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->db_path);
  g_free (job->name);
  g_free (job->ids);
  g_main_context_unref (job->context);
  g_clear_handle_id (&job->show_timeout, g_source_remove);
  if (job->progress_window != NULL)
    gtk_window_destroy (job->progress_window);
  g_clear_object (&job->parent);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static gboolean
show_export_progress (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  guint64 done;

  g_mutex_lock (&job->lock);
  done = job->done;
  job->progress_pending = FALSE;
  g_mutex_unlock (&job->lock);

  if (job->bar != NULL)
    {
      if (job->filter.ids != NULL && job->filter.n_ids > 0)
        gtk_progress_bar_set_fraction (job->bar, MIN (1.0, (double) done / job->filter.n_ids));
      else
        gtk_progress_bar_pulse (job->bar);
    }
  if (job->count_label != NULL && gtk_widget_get_sensitive (GTK_WIDGET (job->cancel_button)))
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, done);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (NULL, "%s event written", "%s events written", done), n);
      gtk_label_set_text (job->count_label, text);
    }
  return G_SOURCE_REMOVE;
}

static void
on_export_progress (guint64  n_events,
                    gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&job->lock);
  job->done = n_events;
  schedule = !job->progress_pending;
  job->progress_pending = TRUE;
  g_mutex_unlock (&job->lock);
  if (schedule)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_export_progress,
                                g_object_ref (task), g_object_unref);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (job->db_path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_autoptr (GFileOutputStream) out = NULL;
  guint64 n = 0;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* g_file_replace writes a temporary file and renames it on close: a failed or
   * cancelled export leaves the old file, never half a new one. */
  out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, &error);
  if (out == NULL ||
      !sitrep_export_with_progress (db, job->format, &job->filter, G_OUTPUT_STREAM (out), &n,
                                    on_export_progress, task, cancellable, &error))
    {
      if (out != NULL)
        {
          g_autoptr (GCancellable) abort_close = g_cancellable_new ();
          g_cancellable_cancel (abort_close);
          g_output_stream_close (G_OUTPUT_STREAM (out), abort_close, NULL);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, "%s: ", job->name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_prefix_error (&error, "%s: ", job->name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_mutex_lock (&job->lock);
  job->n_events = n;
  g_mutex_unlock (&job->lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_export_cancel_clicked (GtkButton *button,
                          GTask     *task)
{
  ExportJob *job = g_task_get_task_data (task);

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_label_set_text (job->count_label, _("Cancelling…"));
  g_cancellable_cancel (job->cancellable);
}

static gboolean
show_export_window (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  g_autofree char *heading = g_strdup_printf (_("Exporting to “%s”"), job->name);

  job->show_timeout = 0;
  job->progress_window = build_progress_window (job->parent, _("Export"), heading,
                                                G_CALLBACK (on_export_cancel_clicked), task,
                                                &job->bar, &job->count_label,
                                                &job->cancel_button);
  gtk_window_present (job->progress_window);
  show_export_progress (task);
  return G_SOURCE_REMOVE;
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  guint64 *n = g_new (guint64, 1);

  g_clear_handle_id (&job->show_timeout, g_source_remove);
  g_clear_pointer (&job->progress_window, gtk_window_destroy);
  job->bar = NULL;
  job->count_label = NULL;
  job->cancel_button = NULL;

  g_mutex_lock (&job->lock);
  *n = job->n_events;
  g_mutex_unlock (&job->lock);
  g_object_set_data_full (G_OBJECT (outer), "n-events", n, g_free);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, g_steal_pointer (&error));
  g_object_unref (outer);
}

void
sitrep_export_file_async (GtkWindow                *parent,
                          GFile                    *file,
                          const char               *db_path,
                          SitrepExportFormat        format,
                          const SitrepExportFilter *filter,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  GTask *outer;
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (db_path != NULL);

  outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sitrep_export_file_async);

  job = g_new0 (ExportJob, 1);
  g_mutex_init (&job->lock);
  job->file = g_object_ref (file);
  job->db_path = g_strdup (db_path);
  job->name = g_file_get_basename (file);
  job->format = format;
  if (filter != NULL)
    job->filter = *filter;
  else
    sitrep_export_filter_init (&job->filter);
  if (job->filter.ids != NULL)
    {
      job->ids = g_memdup2 (job->filter.ids, MAX (job->filter.n_ids, 1) * sizeof (gint64));
      job->filter.ids = job->ids;
    }
  job->context = g_main_context_ref_thread_default ();
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  task = g_task_new (NULL, job->cancellable, on_export_done, outer);
  g_task_set_source_tag (task, export_thread);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  if (parent != NULL)
    job->show_timeout = g_timeout_add_full (G_PRIORITY_DEFAULT, EXPORT_PROGRESS_DELAY_MS,
                                            show_export_window, g_object_ref (task),
                                            g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sitrep_export_file_finish (GAsyncResult *result,
                           guint64      *n_events,
                           GError      **error)
{
  guint64 *n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  n = g_object_get_data (G_OBJECT (result), "n-events");
  if (n_events != NULL)
    *n_events = n != NULL ? *n : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}
