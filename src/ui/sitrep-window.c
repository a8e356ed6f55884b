/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window.c: the main window: one collection on a map, with its event sidebar. */
#define G_LOG_DOMAIN "sitrep-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/sitrep-db.h"
#include "sitrep-event-list.h"
#include "sitrep-event-sidebar.h"
#include "sitrep-filter-popover.h"
#include "sitrep-timeline.h"
#include "sitrep-timeline-link.h"
#include "sitrep-map-view.h"
#include "sitrep-pin-layer.h"
#include "sitrep-window-private.h"

struct _SitrepWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  SitrepEventStore *store;
  gboolean has_collection;

  /* The load under way: its cancellable identifies it, so that a late answer from a
   * cancelled load is ignored. */
  GCancellable *load_cancellable;
  char *loading_path;

  AdwToast *last_toast;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkPaned *paned;
  GtkBox *content_box;
  GtkOverlay *map_overlay;
  SitrepMapView *map_view;
  GtkRevealer *loading_revealer;
  GtkLabel *loading_label;
  GtkProgressBar *progress_bar;
  SitrepEventSidebar *sidebar;
  SitrepTimeline *timeline;
  SitrepEventList *event_list;
  GtkMenuButton *filter_button;
  GtkToggleButton *list_button;

  /* timeline: the filter and what keeps map, timeline and list in step */
  SitrepFilter *filter;
  SitrepTimelineLink *timeline_link;
};

G_DEFINE_FINAL_TYPE (SitrepWindow, sitrep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SitrepWindow *self;
  GCancellable *cancellable;
  char *path;
} LoadData;

static void
load_data_clear (LoadData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data->path);
}

/* Shared by the progress callback and the completion, whichever runs last frees it. */
static void
load_data_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) load_data_clear);
}

static void
update_subtitle (SitrepWindow *self)
{
  const char *path = sitrep_event_store_get_path (self->store);
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (!self->has_collection || path == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, _("No collection"));
      return;
    }

  basename = g_path_get_basename (path);
  if (g_str_has_suffix (basename, ".sitrep"))
    basename[strlen (basename) - strlen (".sitrep")] = '\0';
  n = sitrep_event_store_get_n_events (self->store);
  /* TRANSLATORS: the window's subtitle: collection name and its number of events */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u event", "%s · %u events", n),
                              basename, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
set_loading (SitrepWindow *self,
             const char   *path)
{
  gboolean was_loading = self->loading_path != NULL;

  g_free (self->loading_path);
  self->loading_path = g_strdup (path);

  if (path)
    {
      g_autofree char *basename = g_path_get_basename (path);
      /* TRANSLATORS: shown while a collection loads: "Loading sample.sitrep…" */
      g_autofree char *text = g_strdup_printf (_("Loading %s…"), basename);

      gtk_label_set_text (self->loading_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }
  gtk_revealer_set_reveal_child (self->loading_revealer, path != NULL);
  sitrep_window_actions_update (self);

  if (was_loading != (path != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  LoadData *data = user_data;

  if (data->self->load_cancellable == data->cancellable)
    gtk_progress_bar_set_fraction (data->self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_load_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LoadData *data = user_data;
  SitrepWindow *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = sitrep_event_store_load_finish (SITREP_EVENT_STORE (source), result, &error);

  if (self->load_cancellable != data->cancellable)
    {
      /* A newer load replaced this one; its own callback will report. */
      load_data_release (data);
      return;
    }
  g_clear_object (&self->load_cancellable);
  set_loading (self, NULL);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          g_message ("Could not load %s: %s", data->path, error->message);
          /* TRANSLATORS: a collection could not be opened; the reason follows */
          message = g_strdup_printf (_("Could not open the collection: %s"), error->message);
          sitrep_window_show_toast (self, message);
        }
      load_data_release (data);
      return;
    }

  self->has_collection = TRUE;
  g_settings_set_string (self->settings, "last-file", data->path);
  update_subtitle (self);
  load_data_release (data);
}

void
sitrep_window_open (SitrepWindow *self,
                    GFile        *file)
{
  g_autofree char *path = NULL;
  LoadData *data;

  g_return_if_fail (SITREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = NULL;

      /* TRANSLATORS: a collection must be a local file */
      message = g_strdup_printf (_("Could not open “%s”: only local files can be opened"), uri);
      sitrep_window_show_toast (self, message);
      return;
    }

  sitrep_window_cancel_load (self);
  self->load_cancellable = g_cancellable_new ();
  set_loading (self, path);

  data = g_atomic_rc_box_new0 (LoadData);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->load_cancellable);
  data->path = g_steal_pointer (&path);

  sitrep_event_store_load_async (self->store, data->path, self->load_cancellable,
                                 on_load_progress, g_atomic_rc_box_acquire (data),
                                 load_data_release,
                                 on_load_finished, data);
}

void
sitrep_window_cancel_load (SitrepWindow *self)
{
  g_return_if_fail (SITREP_IS_WINDOW (self));

  if (self->load_cancellable == NULL)
    return;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_loading (self, NULL);
}

static void
on_selected_index_changed (SitrepWindow   *self,
                           GParamSpec     *pspec,
                           SitrepPinLayer *layer)
{
  guint index = sitrep_pin_layer_get_selected_index (layer);
  g_autoptr (SitrepEvent) event = NULL;
  g_autoptr (GError) error = NULL;

  if (index == G_MAXUINT)
    {
      sitrep_event_sidebar_set_event (self->sidebar, NULL);
      return;
    }

  /* One row and its claims: small enough to read here. */
  event = sitrep_event_store_get_event (self->store, index, &error);
  if (event == NULL)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: reading one event from the collection failed; the reason follows */
      message = g_strdup_printf (_("Could not read the event: %s"), error->message);
      sitrep_window_show_toast (self, message);
      sitrep_event_sidebar_set_event (self->sidebar, NULL);
      return;
    }
  sitrep_event_sidebar_set_event (self->sidebar, event);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), TRUE);
}

static void
on_toast_dismissed (SitrepWindow *self,
                    AdwToast     *toast)
{
  if (self->last_toast == toast)
    g_clear_object (&self->last_toast);
}

void
sitrep_window_show_toast (SitrepWindow *self,
                          const char   *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (SITREP_IS_WINDOW (self));

  /* An AdwToast's title is Pango markup; file names and error messages are not. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sitrep_window_clear_selection (SitrepWindow *self)
{
  g_return_if_fail (SITREP_IS_WINDOW (self));
  sitrep_pin_layer_set_selected_index (sitrep_map_view_get_pin_layer (self->map_view), G_MAXUINT);
}

/* sidebar: a rating was stored; the toast's Undo removes it again. */
static void
on_sidebar_rated (SitrepWindow       *self,
                  const char         *message,
                  GVariant           *ids,
                  SitrepEventSidebar *sidebar)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo-rating");
  adw_toast_set_action_target_value (toast, ids);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_rating_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SitrepWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!sitrep_event_sidebar_remove_ratings (self->sidebar, parameter, &error))
    {
      /* TRANSLATORS: Undo of a rating failed; the reason follows */
      g_autofree char *message = g_strdup_printf (_("Could not undo the rating: %s"), error->message);

      sitrep_window_show_toast (self, message);
    }
}

static void
on_sidebar_ratings_changed (SitrepWindow *self)
{
  sitrep_filter_reload_ratings (self->filter);
}

/* A cluster was clicked: the sidebar lists its events (the first ones of a large
 * cluster, in time order: each is read with its claims), while the map zooms in. */
#define CLUSTER_LIST_MAX 200

static void
on_cluster_activated (SitrepWindow   *self,
                      GArray         *members,
                      SitrepPinLayer *layer)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = MIN (members->len, CLUSTER_LIST_MAX);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      SitrepEvent *event = sitrep_event_store_get_event (self->store,
                                                         g_array_index (members, guint, i),
                                                         &error);

      if (event == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Could not read the event: %s"), error->message);
          sitrep_window_show_toast (self, message);
          return;
        }
      g_ptr_array_add (events, event);
    }
  sitrep_pin_layer_set_selected_index (layer, G_MAXUINT);
  sitrep_event_sidebar_set_cluster_sample (self->sidebar, events, members->len);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), TRUE);
}

/* sidebar: a row of the cluster list selects its event on the map. */
static void
on_sidebar_event_activated (SitrepWindow       *self,
                            gint64              event_id,
                            SitrepEventSidebar *sidebar)
{
  guint index = sitrep_event_store_find_id (self->store, event_id);

  if (index != G_MAXUINT)
    sitrep_pin_layer_set_selected_index (sitrep_map_view_get_pin_layer (self->map_view), index);
}

void
sitrep_window_select_event_uid (SitrepWindow *self,
                                const char   *uid)
{
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  const char *path;
  guint index;

  g_return_if_fail (SITREP_IS_WINDOW (self));
  g_return_if_fail (uid != NULL);

  path = sitrep_event_store_get_path (self->store);
  if (path)
    db = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  if (db)
    event = sitrep_db_load_event_by_uid (db, uid, &error);
  if (event == NULL)
    {
      /* TRANSLATORS: --select-event named an event the collection does not have */
      g_autofree char *message = g_strdup_printf (_("No event “%s” in this collection"), uid);

      sitrep_window_show_toast (self, message);
      return;
    }
  index = sitrep_event_store_find_id (self->store, event->id);
  if (index != G_MAXUINT)
    sitrep_pin_layer_set_selected_index (sitrep_map_view_get_pin_layer (self->map_view), index);
}

/* A .sitrep file dropped on the window opens like one chosen with Open. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SitrepWindow  *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  sitrep_window_open (self, file);
  return TRUE;
}

static gboolean
sitrep_window_close_request (GtkWindow *window)
{
  SitrepWindow *self = SITREP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  sitrep_window_cancel_load (self);

  return GTK_WINDOW_CLASS (sitrep_window_parent_class)->close_request (window);
}

static void
sitrep_window_dispose (GObject *object)
{
  SitrepWindow *self = SITREP_WINDOW (object);

  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->timeline_link);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_WINDOW);

  G_OBJECT_CLASS (sitrep_window_parent_class)->dispose (object);
}

static void
sitrep_window_finalize (GObject *object)
{
  SitrepWindow *self = SITREP_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->loading_path);

  G_OBJECT_CLASS (sitrep_window_parent_class)->finalize (object);
}

static void
sitrep_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SitrepWindow *self = SITREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading_path != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_window_class_init (SitrepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sitrep_window_dispose;
  object_class->finalize = sitrep_window_finalize;
  object_class->get_property = sitrep_window_get_property;
  window_class->close_request = sitrep_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SITREP_TYPE_EVENT_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SITREP_TYPE_MAP_VIEW);
  g_type_ensure (SITREP_TYPE_EVENT_SIDEBAR);
  g_type_ensure (SITREP_TYPE_TIMELINE);
  g_type_ensure (SITREP_TYPE_EVENT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepWindow, list_button);
}

static void
sitrep_window_init (SitrepWindow *self)
{
  SitrepPinLayer *pin_layer;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->store = sitrep_event_store_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  sitrep_map_view_set_store (self->map_view, self->store);
  pin_layer = sitrep_map_view_get_pin_layer (self->map_view);
  g_signal_connect_object (pin_layer, "notify::selected-index",
                           G_CALLBACK (on_selected_index_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pin_layer, "cluster-activated",
                           G_CALLBACK (on_cluster_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* The timeline, the event list and the filter follow the same store as the map. */
  self->filter = sitrep_filter_new ();
  gtk_menu_button_set_popover (self->filter_button, sitrep_filter_popover_new (self->filter));
  self->timeline_link = sitrep_timeline_link_new (self->store, self->map_view, self->timeline,
                                                  self->event_list, self->filter);
  g_signal_connect_object (self->timeline_link, "filter-failed",
                           G_CALLBACK (sitrep_window_show_toast), self, G_CONNECT_SWAPPED);

  /* sidebar: documents and ratings through the same collection; toasts; Undo. */
  {
    static const GActionEntry sidebar_actions[] = {
      { "undo-rating", undo_rating_activated, "ax", NULL, NULL, { 0 } },
    };

    g_action_map_add_action_entries (G_ACTION_MAP (self), sidebar_actions,
                                     G_N_ELEMENTS (sidebar_actions), self);
    sitrep_event_sidebar_set_store (self->sidebar, self->store);
    g_signal_connect_object (self->sidebar, "message", G_CALLBACK (sitrep_window_show_toast),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->sidebar, "rated", G_CALLBACK (on_sidebar_rated), self,
                             G_CONNECT_SWAPPED);
    /* A grade changes what the reliability filter keeps. */
    g_signal_connect_object (self->sidebar, "ratings-changed",
                             G_CALLBACK (on_sidebar_ratings_changed), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->sidebar, "event-activated",
                             G_CALLBACK (on_sidebar_event_activated), self, G_CONNECT_SWAPPED);
  }

  sitrep_window_actions_init (self);
  update_subtitle (self);
}

SitrepTimeline *
sitrep_window_get_timeline (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->timeline;
}

SitrepEventList *
sitrep_window_get_event_list (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->event_list;
}

SitrepFilter *
sitrep_window_get_filter (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->filter;
}

GtkMenuButton *
sitrep_window_get_filter_button (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->filter_button;
}

GtkToggleButton *
sitrep_window_get_list_button (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->list_button;
}

SitrepWindow *
sitrep_window_new (GtkApplication *application)
{
  return g_object_new (SITREP_TYPE_WINDOW, "application", application, NULL);
}

SitrepEventStore *
sitrep_window_get_store (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
sitrep_window_get_loading (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), FALSE);
  return self->loading_path != NULL;
}

gboolean
sitrep_window_has_collection (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), FALSE);
  return self->has_collection;
}

SitrepMapView *
sitrep_window_get_map_view (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->map_view;
}

SitrepEventSidebar *
sitrep_window_get_sidebar (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->sidebar;
}

AdwToast *
sitrep_window_get_last_toast (SitrepWindow *self)
{
  g_return_val_if_fail (SITREP_IS_WINDOW (self), NULL);
  return self->last_toast;
}
