/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window-actions.c: the window's actions (win.*): open, selection, zoom, loading. */
#define G_LOG_DOMAIN "sitrep-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "sitrep-basemap-export.h"
#include "sitrep-import-dialog.h"
#include "sitrep-window-private.h"

typedef void (*FileChosenFunc) (SitrepWindow *self,
                                GFile        *file);

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          SitrepWindow    *self)
{
  FileChosenFunc func = g_object_get_data (G_OBJECT (dialog), "sitrep-file-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        func (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* A modal file chooser over the window (GtkFileChooserNative: the portal inside
 * Flatpak), starting in the shown collection's folder, calling func with the file the
 * user accepted. current_name: the suggested name when saving, or NULL. filters:
 * NULL-terminated; the first is selected. */
static void
choose_file (SitrepWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *current_name,
             GtkFileFilter       **filters,
             FileChosenFunc        func)
{
  GtkFileChooserNative *dialog;
  const char *path = sitrep_event_store_get_path (sitrep_window_get_store (self));

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; filters[i] != NULL; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filters[i]);
  if (filters[0] != NULL)
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filters[0]);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);

  if (path)
    {
      g_autoptr (GFile) current = g_file_new_for_path (path);
      g_autoptr (GFile) folder = g_file_get_parent (current);

      if (folder)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_object_set_data (G_OBJECT (dialog), "sitrep-file-chosen", func);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkFileFilter *
file_filter_new (const char *name,
                 const char *suffix,
                 ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, suffix);
  for (const char *s = suffix; s != NULL; s = va_arg (args, const char *))
    gtk_file_filter_add_suffix (filter, s);
  va_end (args);
  return filter;
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr (GtkFileFilter) collections = file_filter_new (_("Sitrep collections"), "sitrep",
                                                           NULL);
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileFilter *filters[] = { collections, all, NULL };

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  choose_file (user_data, _("Open a Collection"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               NULL, filters, sitrep_window_open);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (SitrepWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  SitrepImportStats stats;
  const char *path = sitrep_event_store_get_path (sitrep_window_get_store (self));

  /* The summary (or the reason it failed) was shown by the import dialog; what was
   * imported is in the collection, so show it. */
  sitrep_import_file_finish (result, &stats, &error);
  if (path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);
      sitrep_window_open (self, file);
    }
}

static void
import_chosen (SitrepWindow *self,
               GFile        *file)
{
  const char *path = sitrep_event_store_get_path (sitrep_window_get_store (self));

  if (path != NULL)
    sitrep_import_file_async (GTK_WINDOW (self), file, path, NULL, on_imported,
                              g_object_ref (self));
}

/* File → Import: ACLED CSV or GeoJSON into the collection shown. */
static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_autoptr (GtkFileFilter) data = file_filter_new (_("ACLED CSV or GeoJSON"), "csv",
                                                    "geojson", "json", NULL);
  GtkFileFilter *filters[] = { data, NULL };

  if (sitrep_event_store_get_path (sitrep_window_get_store (user_data)) == NULL)
    return;
  choose_file (user_data, _("Import Events"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
               NULL, filters, import_chosen);
}

static void
on_map_image_written (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (SitrepWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (sitrep_map_image_write_png_finish (result, &error))
    sitrep_window_show_toast (self, _("Map image exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: the map could not be saved as an image; the reason follows */
      g_autofree char *message = g_strdup_printf (_("Could not export the map: %s"),
                                                  error->message);
      sitrep_window_show_toast (self, message);
    }
}

static void
export_map_image_chosen (SitrepWindow *self,
                         GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);
  SitrepMapView *map_view = sitrep_window_get_map_view (self);
  SitrepBasemapLayers *layers = sitrep_map_view_get_basemap_layers (map_view);
  SitrepTimeline *timeline = sitrep_window_get_timeline (self);
  g_autoptr (GSettings) settings = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
  g_autofree char *mbtiles = g_settings_get_string (settings, "mbtiles-path");
  const char *kind = sitrep_basemap_layers_get_kind (layers);
  SitrepMapImage image = { 0 };

  if (path == NULL)
    return;
  /* What the user sees: this view, at this size, in this style, with the pins of the
   * timeline's window. */
  sitrep_map_image_init_from_viewport (&image, sitrep_map_view_get_viewport (map_view),
                                       gtk_widget_get_width (GTK_WIDGET (map_view)),
                                       gtk_widget_get_height (GTK_WIDGET (map_view)));
  image.style = sitrep_basemap_layers_get_style (layers);
  image.basemap = g_strcmp0 (kind, "mbtiles") == 0 ? mbtiles : kind;
  image.store = sitrep_window_get_store (self);
  image.from = sitrep_timeline_get_window_start (timeline);
  image.to = sitrep_timeline_get_window_end (timeline);
  sitrep_map_image_write_png_async (&image, path, NULL, on_map_image_written,
                                    g_object_ref (self));
}

/* File → Export Map Image: the map as shown, as a PNG, rendered in a worker thread by
 * the same code as `sitrep-cli snapshot`. */
static void
export_map_image_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_autoptr (GtkFileFilter) png = file_filter_new (_("PNG images"), "png", NULL);
  GtkFileFilter *filters[] = { png, NULL };

  choose_file (user_data, _("Export Map Image"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               _("map.png"), filters, export_map_image_chosen);
}

/* ---- File → Export Events: what the window shows (its time window and filters), as
 * ACLED CSV, GeoJSON or JSON Lines. ---- */

typedef struct
{
  SitrepWindow *self;
  GFile *file;
  SitrepExportFormat format;
  gint64 from;
  gint64 to;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->file);
  g_free (request);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
on_events_exported (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ExportRequest *request = user_data;
  SitrepWindow *self = request->self;
  g_autoptr (GError) error = NULL;
  guint64 n = 0;

  if (sitrep_export_file_finish (result, &n, &error))
    {
      g_autofree char *count = g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
      g_autofree char *name = g_file_get_basename (request->file);
      /* TRANSLATORS: "1,234 events exported to events.csv" */
      g_autofree char *message = g_strdup_printf (ngettext ("%s event exported to %s",
                                                            "%s events exported to %s", n),
                                                  count, name);
      sitrep_window_show_toast (self, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sitrep_window_show_toast (self, _("Export cancelled; no file was written"));
  else
    {
      /* TRANSLATORS: the events could not be exported; the reason (with the file name) follows */
      g_autofree char *message = g_strdup_printf (_("Could not export the events: %s"),
                                                  error->message);
      sitrep_window_show_toast (self, message);
    }
  export_request_free (request);
}

/* Takes request. */
static void
export_with_mask (ExportRequest *request,
                  GBytes        *mask)
{
  SitrepEventStore *store = sitrep_window_get_store (request->self);
  const SitrepEventColumns *columns = sitrep_event_store_get_columns (store);
  const guint64 *bits = mask != NULL ? g_bytes_get_data (mask, NULL) : NULL;
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SitrepExportFilter filter;

  /* Exactly the events the window shows: in the time window, kept by the filters. */
  sitrep_event_store_query (store, request->from, request->to, NULL, indices);
  for (guint k = 0; k < indices->len; k++)
    {
      guint i = g_array_index (indices, guint, k);
      if (sitrep_filter_mask_get (bits, i))
        g_array_append_val (ids, columns->id[i]);
    }
  g_array_sort (ids, compare_ids);

  sitrep_export_filter_init (&filter);
  filter.from = request->from;
  filter.to = request->to;
  filter.ids = (const gint64 *) ids->data;
  filter.n_ids = ids->len;
  sitrep_export_file_async (GTK_WINDOW (request->self), request->file,
                            sitrep_event_store_get_path (store), request->format, &filter,
                            NULL, on_events_exported, request);
}

static void
on_export_mask (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) mask = sitrep_filter_compute_finish (SITREP_FILTER (source), result,
                                                          &error);

  if (mask == NULL && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the events: %s"),
                                                  error->message);
      sitrep_window_show_toast (request->self, message);
      export_request_free (request);
    }
  else
    export_with_mask (request, mask);
}

void
sitrep_window_export_events (SitrepWindow       *self,
                             GFile              *file,
                             SitrepExportFormat  format)
{
  SitrepTimeline *timeline = sitrep_window_get_timeline (self);
  SitrepEventStore *store = sitrep_window_get_store (self);
  SitrepFilter *filter = sitrep_window_get_filter (self);
  ExportRequest *request;

  if (sitrep_event_store_get_path (store) == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->format = format;
  request->from = sitrep_timeline_get_window_start (timeline);
  request->to = sitrep_timeline_get_window_end (timeline);
  if (request->to <= request->from)
    {
      request->from = G_MININT64;
      request->to = G_MAXINT64;
    }
  if (sitrep_filter_is_empty (filter))
    export_with_mask (request, NULL);
  else
    sitrep_filter_compute_async (filter, store, NULL, on_export_mask, request);
}

static const struct
{
  const char *suffix;
  SitrepExportFormat format;
} export_suffixes[] = {
  { "csv", SITREP_EXPORT_ACLED },
  { "geojson", SITREP_EXPORT_GEOJSON },
  { "json", SITREP_EXPORT_GEOJSON },
  { "jsonl", SITREP_EXPORT_JSONL },
  { "ndjson", SITREP_EXPORT_JSONL },
};

static void
on_export_chooser_response (GtkNativeDialog *dialog,
                            int              response,
                            SitrepWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GtkFileFilter) chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      SitrepExportFormat format = GPOINTER_TO_INT (
        chosen != NULL ? g_object_get_data (G_OBJECT (chosen), "sitrep-format") : NULL);
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      const char *dot = name != NULL ? strrchr (name, '.') : NULL;
      gboolean known = FALSE;

      /* The file's suffix decides; a name without a known one gets the chosen
       * format's. */
      for (gsize i = 0; dot != NULL && i < G_N_ELEMENTS (export_suffixes); i++)
        if (g_ascii_strcasecmp (dot + 1, export_suffixes[i].suffix) == 0)
          {
            format = export_suffixes[i].format;
            known = TRUE;
          }
      if (file != NULL && !known)
        {
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autofree char *full = g_strdup_printf ("%s.%s", name,
                                                   format == SITREP_EXPORT_ACLED ? "csv"
                                                   : format == SITREP_EXPORT_GEOJSON ? "geojson"
                                                   : "jsonl");
          GFile *child = g_file_get_child (parent, full);

          g_clear_object (&file);
          file = child;
        }
      if (file != NULL)
        sitrep_window_export_events (self, file, format);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* File → Export Events (Ctrl+E): a file chooser whose filters are the formats. */
static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SitrepWindow *self = user_data;
  const char *path = sitrep_event_store_get_path (sitrep_window_get_store (self));
  GtkFileChooserNative *dialog;
  static const struct
  {
    const char *name;
    const char *suffix;
    SitrepExportFormat format;
  } formats[] = {
    { N_("ACLED CSV"), "csv", SITREP_EXPORT_ACLED },
    { N_("GeoJSON (QGIS)"), "geojson", SITREP_EXPORT_GEOJSON },
    { N_("JSON Lines"), "jsonl", SITREP_EXPORT_JSONL },
  };

  if (path == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Events"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GtkFileFilter) filter = file_filter_new (_(formats[i].name), formats[i].suffix,
                                                          NULL);
      g_object_set_data (G_OBJECT (filter), "sitrep-format",
                         GINT_TO_POINTER (formats[i].format));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  /* TRANSLATORS: the suggested file name of an export of events */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("events.csv"));
  {
    g_autoptr (GFile) current = g_file_new_for_path (path);
    g_autoptr (GFile) folder = g_file_get_parent (current);

    if (folder)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  }
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chooser_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_load_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sitrep_window_cancel_load (SITREP_WINDOW (user_data));
}

static void
clear_selection_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  sitrep_window_clear_selection (SITREP_WINDOW (user_data));
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  shumate_map_zoom_in (sitrep_map_view_get_map (sitrep_window_get_map_view (user_data)));
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  shumate_map_zoom_out (sitrep_map_view_get_map (sitrep_window_get_map_view (user_data)));
}

static void
reset_view_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ShumateMap *map = sitrep_map_view_get_map (sitrep_window_get_map_view (user_data));

  shumate_map_go_to_full (map, SITREP_MAP_DEFAULT_LATITUDE, SITREP_MAP_DEFAULT_LONGITUDE,
                          SITREP_MAP_DEFAULT_ZOOM);
}

/* timeline: Ctrl+F opens the filter, F9 shows or hides the event list, Ctrl+Space plays. */
static void
filter_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_menu_button_popup (sitrep_window_get_filter_button (user_data));
}

static void
toggle_event_list_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkToggleButton *button = sitrep_window_get_list_button (user_data);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
play_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (sitrep_window_get_timeline (user_data)), "timeline.play", NULL);
}

static const GActionEntry win_entries[] = {
  { "filter", filter_activated },
  { "toggle-event-list", toggle_event_list_activated },
  { "play", play_activated },
  { "open", open_activated },
  { "import", import_activated },
  { "export-map-image", export_map_image_activated },
  { "export", export_activated },
  { "cancel-load", cancel_load_activated },
  { "clear-selection", clear_selection_activated },
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "reset-view", reset_view_activated },
};

void
sitrep_window_actions_init (SitrepWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  sitrep_window_actions_update (self);
}

void
sitrep_window_actions_update (SitrepWindow *self)
{
  GAction *cancel = g_action_map_lookup_action (G_ACTION_MAP (self), "cancel-load");

  if (cancel)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (cancel), sitrep_window_get_loading (self));
}
