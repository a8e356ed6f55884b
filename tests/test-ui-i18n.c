/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-i18n.c: the app started with LANGUAGE=uk (or ru) shows Ukrainian (Russian) labels and dates. */
#define G_LOG_DOMAIN "sitrep-test-ui-i18n"

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui/sitrep-about.h"
#include "ui/sitrep-application.h"
#include "ui/sitrep-i18n.h"

/* The window and the date helper come with the `ui` unit: once they are in
 * the tree, the test holds them to the language too (and requires them). */
#if __has_include ("ui/sitrep-format.h")
# include "ui/sitrep-format.h"
# define HAVE_SITREP_FORMAT 1
#endif
#if __has_include ("ui/sitrep-window.h")
# define HAVE_SITREP_WINDOW 1
#endif

/* What a reader sees in each language: --language=LL picks one (default
 * uk); meson runs the test once per language. */
typedef struct
{
  const char *language;
  const char *locale;
  const char *shelling, *drone_strike, *unconfirmed, *casualty_claim;
  const char *osm, *basemap;
  const char *day;              /* 2026-11-24 from the date helper */
  const char *events[3];        /* "%s · %u event" for 1, 3, 5 */
} Expected;

static const Expected expectations[] = {
  { "uk", "uk_UA.UTF-8",
    "Обстріл", "Удар безпілотника", "За непідтвердженими даними", "Заява про втрати",
    "© учасники OpenStreetMap (онлайн-тайли)", "Базова мапа",
    "24 листопада 2026",
    { "x · 1 подія", "x · 3 події", "x · 5 подій" } },
  { "ru", "ru_RU.UTF-8",
    "Обстрел", "Удар беспилотника", "По неподтверждённым данным", "Заявление о потерях",
    "© участники OpenStreetMap (онлайн-тайлы)", "Базовая карта",
    "24 ноября 2026",
    { "x · 1 событие", "x · 3 события", "x · 5 событий" } },
};

/* Set in main() before GTK starts, as a user's session would. */
static const Expected *expected;
static gboolean have_ui_locale;

static SitrepApplication *app;
static GtkWindow *main_window;

/* --- what the user sees ------------------------------------------------- */

static void
collect_menu (GMenuModel *model,
              GPtrArray  *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (texts, g_steal_pointer (&label));

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) sub = g_menu_link_iter_get_value (links);
          collect_menu (sub, texts);
        }
    }
}

/* Every text in @widget's tree: labels, tooltips, window titles and the
 * labels of the menus behind menu buttons (the primary menu). */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      /* The text as shown, and the label as set (with its mnemonic
       * underscore, as the msgid has it), when they differ. */
      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      if (!g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), gtk_label_get_label (GTK_LABEL (widget))))
        g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
    }
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (widget))));
  if (tooltip != NULL)
    g_ptr_array_add (texts, g_strdup (tooltip));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }
  return FALSE;
}

/* An English msgid shown as is, although the catalogue of one of the text
 * domains on screen translates it: a string that missed translation. */
static const char *
untranslated_domain (const char *text)
{
  static const char *domains[] = { GETTEXT_PACKAGE, "libadwaita", "gtk40" };

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (g_strcmp0 (g_dgettext (domains[i], text), text) != 0)
      return domains[i];
  return NULL;
}

static guint
assert_all_translated (GPtrArray  *texts,
                       const char *where)
{
  guint n_cyrillic = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *domain = untranslated_domain (text);

      g_test_message ("%s: “%s”", where, text);
      if (domain != NULL)
        g_error ("%s shows “%s” in English; the %s catalogue has “%s”",
                 where, text, domain, g_dgettext (domain, text));
      if (has_cyrillic (text))
        n_cyrillic++;
    }
  return n_cyrillic;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  /* Let idle work (first loads, label updates) settle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* --- tests -------------------------------------------------------------- */

static void
test_catalogue_found (void)
{
  /* The build tree's catalogue is found through SITREP_LOCALEDIR. */
  g_assert_cmpstr (sitrep_i18n_get_localedir (), ==, g_getenv ("SITREP_LOCALEDIR"));
  g_assert_cmpstr (_("Shelling"), ==, expected->shelling);
  g_assert_cmpstr (_("Drone strike"), ==, expected->drone_strike);
  g_assert_cmpstr (_("Unconfirmed reports"), ==, expected->unconfirmed);
  g_assert_cmpstr (_("Casualty claim"), ==, expected->casualty_claim);
}

static void
test_main_window (void)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_cyrillic;

  g_assert_nonnull (main_window);
  collect_texts (GTK_WIDGET (main_window), texts);
  g_assert_cmpuint (texts->len, >, 0);
  n_cyrillic = assert_all_translated (texts, "main window");
  g_test_message ("main window: %u texts, %u in Cyrillic", texts->len, n_cyrillic);
  /* The title is the app's name, translated or not. */
  g_assert_cmpstr (gtk_window_get_title (main_window), ==, _("Sitrep"));
#ifdef HAVE_SITREP_WINDOW
  g_assert_cmpuint (n_cyrillic, >=, 3);
#endif
}

#ifdef HAVE_SITREP_WINDOW
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *))
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_primary_menu_button (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_status_page (GtkWidget *widget)
{
  return ADW_IS_STATUS_PAGE (widget);
}
#endif

static void
test_primary_menu (void)
{
#ifdef HAVE_SITREP_WINDOW
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *button = find_widget (GTK_WIDGET (main_window), is_primary_menu_button);

  g_assert_nonnull (button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), items);
  /* Open, Import, Preferences, Shortcuts, About: at least four of them. */
  g_assert_cmpuint (items->len, >=, 4);
  for (guint i = 0; i < items->len; i++)
    {
      const char *label = g_ptr_array_index (items, i);
      g_test_message ("primary menu: “%s”", label);
      if (!has_cyrillic (label))
        g_error ("The primary menu item “%s” is not in %s", label, expected->language);
    }
  /* …and the tooltip of the button itself. */
  g_assert_true (has_cyrillic (gtk_widget_get_tooltip_text (button)));
#else
  g_test_skip ("The main window (ui unit) is not in this tree yet");
#endif
}

static void
test_empty_state (void)
{
#ifdef HAVE_SITREP_WINDOW
  /* With no event selected, the sidebar says so, in the language. */
  GtkWidget *page = find_widget (GTK_WIDGET (main_window), is_status_page);

  g_assert_nonnull (page);
  g_test_message ("empty state: “%s”", adw_status_page_get_title (ADW_STATUS_PAGE (page)));
  g_assert_true (has_cyrillic (adw_status_page_get_title (ADW_STATUS_PAGE (page))));
#else
  g_test_skip ("The main window (ui unit) is not in this tree yet");
#endif
}

static void
test_about_window (void)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWindow *about = NULL;
  guint n_cyrillic;
  gboolean found_osm = FALSE, found_basemap = FALSE, found_legal = FALSE;

  sitrep_show_about (main_window);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_ABOUT_WINDOW (w))
        about = w;
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == main_window);
  wait_until_mapped (GTK_WIDGET (about));

  collect_texts (GTK_WIDGET (about), texts);
  n_cyrillic = assert_all_translated (texts, "About window");
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      /* A legal section is one label: the copyright line, then the licence. */
      found_osm |= g_str_has_prefix (text, expected->osm) && text[strlen (expected->osm)] == '\n';
      found_basemap |= g_str_equal (text, expected->basemap);
      found_legal |= g_str_equal (text, g_dgettext ("libadwaita", "Legal"));
    }
  /* Our attribution, our section title and libadwaita's own row. */
  g_assert_true (found_osm);
  g_assert_true (found_basemap);
  g_assert_true (found_legal);
  g_assert_cmpuint (n_cyrillic, >=, 10);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Closing About leaves the main window open. */
  g_assert_nonnull (main_window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (main_window)));
}

static void
test_dates (void)
{
  g_autoptr (GDateTime) day = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autofree char *text = NULL;

  if (!have_ui_locale)
    g_error ("The %s locale is not available (build it with localedef from the "
             "Debian `locales` package; the build does so into tests/locale)", expected->locale);
#ifdef HAVE_SITREP_FORMAT
  /* The app's own date helper, as the event list and sidebar show a day:
   * the month in the genitive, as Ukrainian and Russian write a date. */
  text = sitrep_format_day (g_date_time_to_unix (day));
#else
  g_test_message ("sitrep-format.h is not in this tree yet: checking GLib's formatting in the locale");
  text = g_date_time_format (day, "%-d %B %Y");
#endif
  g_assert_cmpstr (text, ==, expected->day);
}

static void
test_plural_header (void)
{
  /* The East Slavic rule in the catalogue's own header, as gettext reads it:
   * 1, 21 → one; 2–4, 22 → few; 0, 5–20, 111 → many. */
  const char *header = g_dgettext (GETTEXT_PACKAGE, "");

  g_autofree char *language = g_strdup_printf ("Language: %s\n", expected->language);

  g_assert_nonnull (strstr (header, language));
  g_assert_nonnull (strstr (header, "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
                                    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"));
}

static void
test_plurals (void)
{
#ifdef HAVE_SITREP_WINDOW
  /* The window's subtitle counts events with the catalogue's plural rule:
   * one, few, many. */
  static const gulong counts[] = { 1, 3, 5 };
  static const gulong same_form[][2] = { { 21, 1 }, { 22, 3 }, { 11, 5 }, { 14, 5 }, { 0, 5 } };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%s · %u event", "%s · %u events", counts[i]),
                                               "x", (guint) counts[i]);
      g_assert_cmpstr (text, ==, expected->events[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (same_form); i++)
    g_assert_cmpstr (ngettext ("%s · %u event", "%s · %u events", same_form[i][0]), ==,
                     ngettext ("%s · %u event", "%s · %u events", same_form[i][1]));
#else
  g_test_skip ("The main window (ui unit) is not in this tree yet");
#endif
}

/* --- set-up ------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  const char *builddir = g_getenv ("SITREP_TEST_BUILDDIR");
  g_autofree char *locpath = NULL;
  g_autofree char *localedir = NULL;
  g_autoptr (GError) error = NULL;
  const char *language = "uk";
  int j = 1;
  int ret;

  g_assert_nonnull (builddir);

  /* Our one option, taken out before GTest sees the arguments. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        language = argv[i] + strlen ("--language=");
      else
        argv[j++] = argv[i];
    }
  argc = j;
  argv[argc] = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].language, language))
      expected = &expectations[i];
  if (expected == NULL)
    g_error ("--language=%s: no expectations for that language", language);

  /* A Ukrainian (Russian) session: messages and formats. LC_ALL overrides the
   * C.UTF-8 that the other tests run in. The locale is built into the build tree. */
  locpath = g_build_filename (builddir, "locale", NULL);
  localedir = g_build_filename (builddir, "..", "po", NULL);
  if (g_file_test (locpath, G_FILE_TEST_IS_DIR))
    g_setenv ("LOCPATH", locpath, TRUE);
  g_setenv ("LANGUAGE", expected->language, TRUE);
  g_setenv ("LC_ALL", expected->locale, TRUE);
  g_setenv ("SITREP_LOCALEDIR", localedir, TRUE);

  sitrep_i18n_init ();
  have_ui_locale = g_str_equal (setlocale (LC_TIME, NULL), expected->locale);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui-i18n/catalogue-found", test_catalogue_found);
  g_test_add_func ("/ui-i18n/plural-header", test_plural_header);
  g_test_add_func ("/ui-i18n/dates", test_dates);
  g_test_add_func ("/ui-i18n/plurals", test_plurals);
  g_test_add_func ("/ui-i18n/main-window", test_main_window);
  g_test_add_func ("/ui-i18n/primary-menu", test_primary_menu);
  g_test_add_func ("/ui-i18n/empty-state", test_empty_state);
  g_test_add_func ("/ui-i18n/about-window", test_about_window);

  /* Start the real application: registered (not unique, so a desktop
   * session's instance cannot take over), activated, its window mapped. */
  app = sitrep_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not start Sitrep: %s", error->message);
  g_application_activate (G_APPLICATION (app));
  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (main_window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (main_window), (gpointer *) &main_window);
      wait_until_mapped (GTK_WIDGET (main_window));
    }

  ret = g_test_run ();

  if (main_window != NULL)
    gtk_window_destroy (main_window);
  g_clear_object (&app);
  return ret;
}
