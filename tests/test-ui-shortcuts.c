/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-shortcuts.c: the shortcuts window lists every shortcut; the primary menu has what a GNOME app needs. */
#define G_LOG_DOMAIN "sitrep-test-ui-shortcuts"

#include "config.h"

#include <adwaita.h>

#include "ui/sitrep-application.h"

/* The main window comes with the `ui` unit: without it there is nothing to check. */
#if __has_include ("ui/sitrep-window.h")
# define HAVE_SITREP_WINDOW 1
#endif

static SitrepApplication *app;
static GtkWindow *main_window;

#ifdef HAVE_SITREP_WINDOW
static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (shortcuts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) sub = g_menu_link_iter_get_value (links);
          collect_menu_actions (sub, actions);
        }
    }
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
action_exists (const char *detailed)
{
  g_autofree char *name = NULL;
  g_autoptr (GVariant) target = NULL;
  GActionMap *map;

  g_assert_true (g_action_parse_detailed_name (detailed, &name, &target, NULL));
  if (g_str_has_prefix (name, "app."))
    map = G_ACTION_MAP (app);
  else if (g_str_has_prefix (name, "win."))
    map = G_ACTION_MAP (main_window);
  else
    return FALSE;
  return g_action_map_lookup_action (map, strchr (name, '.') + 1) != NULL;
}
#endif

static void
test_shortcuts_window (void)
{
#ifdef HAVE_SITREP_WINDOW
  g_autoptr (GPtrArray) shortcuts = g_ptr_array_new ();
  g_auto (GStrv) described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_auto (GStrv) help_accels = NULL;
  GtkShortcutsWindow *overlay;

  g_assert_true (GTK_IS_APPLICATION_WINDOW (main_window));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (main_window));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 0);

  /* Ctrl+? opens it, as in every GNOME app. */
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_nonnull (help_accels[0]);
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "<Primary>question")
                 || g_strv_contains ((const char * const *) help_accels, "<Control>question"));

  /* Every action that has a keyboard shortcut is listed in the window. */
  g_assert_cmpuint (g_strv_length (described), >, 0);
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);
      gboolean listed = FALSE;

      if (accels[0] == NULL)
        continue;
      for (guint j = 0; j < shortcuts->len && !listed; j++)
        {
          g_autofree char *action_name = NULL;
          g_autofree char *accelerator = NULL;

          g_object_get (g_ptr_array_index (shortcuts, j),
                        "action-name", &action_name,
                        "accelerator", &accelerator,
                        NULL);
          listed = g_strcmp0 (action_name, described[i]) == 0
                   || (accelerator != NULL && g_strv_contains ((const char * const *) accels, accelerator));
        }
      g_test_message ("%s (%s): %s", described[i], accels[0], listed ? "listed" : "MISSING");
      if (!listed)
        g_error ("The shortcut %s of %s is not in the keyboard shortcuts window "
                 "(resources/gtk/help-overlay.ui)", accels[0], described[i]);
    }
#else
  g_test_skip ("The main window (ui unit) is not in this tree yet");
#endif
}

static void
test_primary_menu (void)
{
#ifdef HAVE_SITREP_WINDOW
  /* What a GNOME app's primary menu offers, by the action's name. */
  static const struct { const char *what; const char *action_part; } wanted[] = {
    { "Open", "open" },
    { "Import", "import" },
    { "Preferences", "preferences" },
    { "Keyboard Shortcuts", "show-help-overlay" },
    { "About", "about" },
  };
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (main_window));
  GString *missing = g_string_new (NULL);

  g_assert_nonnull (button);
  collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);
  for (guint i = 0; i < actions->len; i++)
    {
      const char *action = g_ptr_array_index (actions, i);
      g_test_message ("primary menu: %s", action);
      /* An item whose action does not exist is greyed out forever. */
      if (!action_exists (action))
        g_string_append_printf (missing, " %s (the item is there, the action is not)", action);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < actions->len && !found; j++)
        found = strstr (g_ptr_array_index (actions, j), wanted[i].action_part) != NULL;
      if (!found)
        g_string_append_printf (missing, " %s", wanted[i].what);
    }
  if (missing->len > 0)
    {
      g_autofree char *text = g_string_free (missing, FALSE);
      /* Not yet there: reported as incomplete (a TODO, an expected
       * failure in meson's summary), never as passing. */
      g_test_incomplete_printf ("The primary menu lacks:%s", text);
    }
  else
    g_string_free (missing, TRUE);
#else
  g_test_skip ("The main window (ui unit) is not in this tree yet");
#endif
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui-shortcuts/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui-shortcuts/primary-menu", test_primary_menu);

  /* The real application, registered (not unique) and activated. */
  app = sitrep_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not start Sitrep: %s", error->message);
  g_application_activate (G_APPLICATION (app));
  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (main_window);
  g_object_add_weak_pointer (G_OBJECT (main_window), (gpointer *) &main_window);
  wait_until_mapped (GTK_WIDGET (main_window));

  ret = g_test_run ();

  if (main_window != NULL)
    gtk_window_destroy (main_window);
  g_clear_object (&app);
  return ret;
}
