/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-application.c: the AdwApplication: startup, command line, app-wide actions. */
#define G_LOG_DOMAIN "sitrep-application"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "sitrep-about.h"
#include "sitrep-preferences.h"
#include "sitrep-application-private.h"
#include "sitrep-window-private.h"

struct _SitrepApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *select_event;   /* --select-event=UID: selected once the collection is loaded */
};

G_DEFINE_FINAL_TYPE (SitrepApplication, sitrep_application, ADW_TYPE_APPLICATION)

char *
sitrep_application_dup_default_collection (SitrepApplication *self)
{
  g_autofree char *last = NULL;
  const char *data_dir;

  g_return_val_if_fail (SITREP_IS_APPLICATION (self), NULL);

  last = g_settings_get_string (self->settings, "last-file");
  if (last && *last && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  data_dir = g_getenv ("SITREP_DATA_DIR");
  if (data_dir == NULL || *data_dir == '\0')
    data_dir = PKGDATADIR;
  return g_build_filename (data_dir, "sample.sitrep", NULL);
}

static SitrepWindow *
get_window (SitrepApplication *self)
{
  /* The most recently focused main window (not the About window, say), else a new one. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SITREP_IS_WINDOW (l->data))
      return SITREP_WINDOW (l->data);
  return sitrep_window_new (GTK_APPLICATION (self));
}

/* sidebar: --select-event=UID selects that event when the first load is done: a moment
 * later, once the window has its collection and the timeline, list and filter have
 * settled on the new store (they clear the selection as they do). */
typedef struct
{
  SitrepWindow *window;
  char *uid;
} SelectData;

static gboolean
select_event_idle (gpointer user_data)
{
  SelectData *data = user_data;

  if (sitrep_window_has_collection (data->window))
    sitrep_window_select_event_uid (data->window, data->uid);
  g_object_unref (data->window);
  g_free (data->uid);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
on_window_loading (SitrepWindow      *window,
                   GParamSpec        *pspec,
                   SitrepApplication *self)
{
  SelectData *data;

  if (sitrep_window_get_loading (window) || self->select_event == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window, on_window_loading, self);
  data = g_new0 (SelectData, 1);
  data->window = g_object_ref (window);
  data->uid = g_steal_pointer (&self->select_event);
  g_timeout_add (500, select_event_idle, data);
}

static void
select_event_when_loaded (SitrepApplication *self,
                          SitrepWindow      *window)
{
  if (self->select_event == NULL)
    return;
  g_signal_connect_object (window, "notify::loading", G_CALLBACK (on_window_loading), self, 0);
  on_window_loading (window, NULL, self);
}

static int
sitrep_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  SitrepApplication *self = SITREP_APPLICATION (app);
  const char *uid = NULL;

  if (g_variant_dict_lookup (options, "select-event", "&s", &uid))
    {
      g_free (self->select_event);
      self->select_event = g_strdup (uid);
    }
  return -1;  /* go on as usual */
}

static void
sitrep_application_activate (GApplication *app)
{
  SitrepApplication *self = SITREP_APPLICATION (app);
  SitrepWindow *window = get_window (self);

  if (!sitrep_window_has_collection (window) && !sitrep_window_get_loading (window))
    {
      g_autofree char *path = sitrep_application_dup_default_collection (self);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      sitrep_window_open (window, file);
    }
  select_event_when_loaded (self, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
sitrep_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  SitrepWindow *window = get_window (SITREP_APPLICATION (app));

  /* One collection per window: the first file given is opened. */
  if (n_files > 0)
    sitrep_window_open (window, files[0]);
  if (n_files > 1)
    g_warning ("Only one collection can be opened at a time; ignoring %d more", n_files - 1);
  select_event_when_loaded (SITREP_APPLICATION (app), window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window saves its size; then the application ends with them. */
  for (GList *l = windows; l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  sitrep_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (sitrep_preferences_new (parent, NULL)));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
};

static void
sitrep_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.export-map-image", { "<Control><Shift>e", NULL } },
    { "win.clear-selection", { "Escape", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.reset-view", { "<Control>0", NULL } },
    { "win.filter", { "<Control>f", NULL } },
    { "win.toggle-event-list", { "F9", NULL } },
    { "win.play", { "<Control>space", NULL } },
  };

  G_APPLICATION_CLASS (sitrep_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
sitrep_application_dispose (GObject *object)
{
  SitrepApplication *self = SITREP_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->select_event, g_free);

  G_OBJECT_CLASS (sitrep_application_parent_class)->dispose (object);
}

static void
sitrep_application_class_init (SitrepApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sitrep_application_dispose;
  app_class->startup = sitrep_application_startup;
  app_class->activate = sitrep_application_activate;
  app_class->open = sitrep_application_open;
  app_class->handle_local_options = sitrep_application_handle_local_options;
}

static void
sitrep_application_init (SitrepApplication *self)
{
  static const GOptionEntry entries[] = {
    /* Hidden: select an event by uid once the collection is open (screenshots, tests). */
    { "select-event", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, "UID" },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SitrepApplication *
sitrep_application_new (void)
{
  return g_object_new (SITREP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/sitrep/Sitrep",
                       NULL);
}
