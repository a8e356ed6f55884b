/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-preferences.c: the preferences window: the map's background and its pins. */
#define G_LOG_DOMAIN "sitrep-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-basemap-layers.h"
#include "sitrep-preferences.h"

struct _SitrepPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  AdwComboRow *kind_row;
  AdwActionRow *mbtiles_row;
  GtkButton *mbtiles_button;
  AdwActionRow *opacity_row;
  GtkScale *opacity_scale;
  AdwComboRow *dark_row;
  AdwPreferencesGroup *pins_group;
  GtkSwitch *fade_switch;
  GSettings *timeline_settings;
  GtkNativeDialog *chooser;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SitrepPreferences, sitrep_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
sync_from_settings (SitrepPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");
  int kind = g_settings_get_enum (self->settings, "kind");

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->dark_row, g_settings_get_enum (self->settings, "dark-map"));
  self->syncing = FALSE;
  /* The path is a file name, shown as text, not markup. */
  if (path[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (path, -1);

      adw_action_row_set_subtitle (self->mbtiles_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->mbtiles_row, _("None chosen"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->opacity_row), kind != 0);
}

gboolean
sitrep_preferences_open_mbtiles (SitrepPreferences *self,
                                 const char        *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SITREP_IS_PREFERENCES (self), FALSE);
  if (!sitrep_basemap_layers_use_mbtiles (self->settings, path, &error))
    {
      /* Toast titles are markup; the message holds a file name. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 8);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      sync_from_settings (self);
      return FALSE;
    }
  sync_from_settings (self);
  return TRUE;
}

static void
on_chooser_response (SitrepPreferences *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sitrep_preferences_open_mbtiles (self, path);
    }
  else
    sync_from_settings (self);   /* back to what was chosen before */
  g_clear_object (&self->chooser);
}

static void
choose_mbtiles (SitrepPreferences *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  /* A native chooser goes through the file chooser portal inside the Flatpak. */
  chooser = gtk_file_chooser_native_new (_("Choose an MBTiles File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("MBTiles files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_kind_selected (SitrepPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *path = NULL;

  if (self->syncing)
    return;
  if (selected == 2)
    {
      path = g_settings_get_string (self->settings, "mbtiles-path");
      if (path[0] == '\0')
        choose_mbtiles (self);
      else
        sitrep_preferences_open_mbtiles (self, path);
      return;
    }
  g_settings_set_enum (self->settings, "kind", selected);
  sync_from_settings (self);
}

static void
on_dark_selected (SitrepPreferences *self)
{
  if (!self->syncing)
    g_settings_set_enum (self->settings, "dark-map", adw_combo_row_get_selected (self->dark_row));
}

static void
sitrep_preferences_dispose (GObject *object)
{
  SitrepPreferences *self = SITREP_PREFERENCES (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->timeline_settings);
  G_OBJECT_CLASS (sitrep_preferences_parent_class)->dispose (object);
}

static void
sitrep_preferences_class_init (SitrepPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_preferences_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, mbtiles_row);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, mbtiles_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, opacity_row);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, opacity_scale);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, dark_row);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, pins_group);
  gtk_widget_class_bind_template_child (widget_class, SitrepPreferences, fade_switch);
}

static void
sitrep_preferences_init (SitrepPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SitrepPreferences *
sitrep_preferences_new (GtkWindow *parent,
                        GSettings *settings)
{
  SitrepPreferences *self = g_object_new (SITREP_TYPE_PREFERENCES,
                                          "transient-for", parent,
                                          "modal", parent != NULL,
                                          NULL);

  self->settings = settings ? g_object_ref (settings) : g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
  sync_from_settings (self);
  g_settings_bind (self->settings, "online-opacity",
                   gtk_range_get_adjustment (GTK_RANGE (self->opacity_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (sync_from_settings), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->dark_row, "notify::selected", G_CALLBACK (on_dark_selected), self);
  g_signal_connect_swapped (self->mbtiles_button, "clicked", G_CALLBACK (choose_mbtiles), self);
  sitrep_preferences_set_timeline_settings (self, NULL);
  return self;
}

void
sitrep_preferences_set_timeline_settings (SitrepPreferences *self,
                                          GSettings         *settings)
{
  g_return_if_fail (SITREP_IS_PREFERENCES (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->timeline_settings != NULL)
    g_settings_unbind (self->fade_switch, "active");
  g_clear_object (&self->timeline_settings);
  if (settings != NULL)
    self->timeline_settings = g_object_ref (settings);
  else
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, SITREP_TIMELINE_SCHEMA_ID, TRUE);
      if (schema != NULL)
        self->timeline_settings = g_settings_new_full (schema, NULL, NULL);
    }
  /* Without the schema (an uninstalled build) there is nothing to remember it in. */
  gtk_widget_set_visible (GTK_WIDGET (self->pins_group), self->timeline_settings != NULL);
  if (self->timeline_settings != NULL)
    g_settings_bind (self->timeline_settings, "fade-outside-window", self->fade_switch, "active",
                     G_SETTINGS_BIND_DEFAULT);
}
