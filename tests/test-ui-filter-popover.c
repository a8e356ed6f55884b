/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-filter-popover.c: the source-reliability dropdown and the ungraded switch edit the filter. */
#define G_LOG_DOMAIN "test-ui-filter-popover"

#include "config.h"

#include <adwaita.h>

#include "ui/sitrep-filter-popover.h"

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
test_reliability (void)
{
  g_autoptr (SitrepFilter) filter = sitrep_filter_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = sitrep_filter_popover_new (filter);
  GtkDropDown *dropdown;
  GtkSwitch *ungraded;
  g_autofree char *text = NULL;

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  dropdown = GTK_DROP_DOWN (find_child (popover, GTK_TYPE_DROP_DOWN));
  ungraded = GTK_SWITCH (find_child (popover, GTK_TYPE_SWITCH));
  g_assert_nonnull (dropdown);
  g_assert_nonnull (ungraded);

  /* Any grade, ungraded kept: what a new filter does. */
  text = selected_string (dropdown);
  g_assert_cmpstr (text, ==, "Any");
  g_assert_true (gtk_switch_get_active (ungraded));

  /* Picking "A–B" asks for grade B or better. */
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpint (sitrep_filter_get_min_reliability (filter), ==, 'B');
  g_clear_pointer (&text, g_free);
  text = selected_string (dropdown);
  g_assert_cmpstr (text, ==, "A–B: usually reliable or better");
  gtk_switch_set_active (ungraded, FALSE);
  g_assert_false (sitrep_filter_get_include_ungraded (filter));
  g_assert_false (sitrep_filter_is_empty (filter));

  /* The filter changed elsewhere: the popover follows. */
  sitrep_filter_set_min_reliability (filter, 'D');
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  sitrep_filter_set_include_ungraded (filter, TRUE);
  g_assert_true (gtk_switch_get_active (ungraded));

  /* "Show All Events" resets the grade too. */
  sitrep_filter_set_include_ungraded (filter, FALSE);
  {
    GtkWidget *reset = find_button (popover, "_Show All Events");

    g_assert_nonnull (reset);
    g_assert_true (gtk_widget_get_sensitive (reset));
    g_signal_emit_by_name (reset, "clicked");
  }
  g_assert_true (sitrep_filter_is_empty (filter));
  g_assert_cmpint (sitrep_filter_get_min_reliability (filter), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_true (gtk_switch_get_active (ungraded));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/filter-popover/reliability", test_reliability);
  return g_test_run ();
}
