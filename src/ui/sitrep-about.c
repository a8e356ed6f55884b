/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-about.c: the About window, with credits and data attributions. */
#define G_LOG_DOMAIN "sitrep-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitrep-about.h"

#define SITREP_WEBSITE    "https://github.com/sitrep/sitrep"
#define SITREP_ISSUE_URL  "https://github.com/sitrep/sitrep/issues"

/* The sources of the data that ships with Sitrep or is shown by it, each with
 * the attribution its licence asks for. */
static void
add_data_attributions (AdwAboutWindow *about)
{
  adw_about_window_add_legal_section (about,
                                      _("Gazetteer"),
                                      _("GeoNames (geonames.org), CC BY 4.0"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Place names and coordinates from GeoNames, "
                                        "licensed under the <a href=\"https://creativecommons.org/licenses/by/4.0/\">"
                                        "Creative Commons Attribution 4.0</a> licence."));
  adw_about_window_add_legal_section (about,
                                      _("Administrative units of Ukraine"),
                                      _("KATOTTG codifier: Ministry for Communities, Territories "
                                        "and Infrastructure Development of Ukraine"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The official codifier of administrative and territorial "
                                        "units, published as open data."));
  adw_about_window_add_legal_section (about,
                                      _("Basemap"),
                                      _("Natural Earth (public domain)"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Made with Natural Earth: free vector and raster map data "
                                        "at <a href=\"https://www.naturalearthdata.com\">naturalearthdata.com</a>."));
  adw_about_window_add_legal_section (about,
                                      _("Online map tiles"),
                                      _("© OpenStreetMap contributors (online tiles)"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Map data from OpenStreetMap, available under the "
                                        "<a href=\"https://www.openstreetmap.org/copyright\">Open Database License</a>. "
                                        "Shown only when online tiles are turned on."));
}

/**
 * sitrep_show_about:
 * @parent: (nullable): the window the About window belongs to
 *
 * Shows Sitrep's About window: version, licence, credits, and the
 * attributions of the gazetteer, basemap and map tile data.
 */
void
sitrep_show_about (GtkWindow *parent)
{
  static const char *libraries[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "libshumate https://gitlab.gnome.org/GNOME/libshumate",
    "SQLite https://sqlite.org",
    "json-glib https://gitlab.gnome.org/GNOME/json-glib",
    NULL
  };
  static const char *models[] = {
    "ACLED https://acleddata.com",
    "NATO Admiralty code (AJP-2.1)",
    NULL
  };
  const char *developers[] = { _("Sitrep developers"), NULL };
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Sitrep"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Sitrep developers"));
  adw_about_window_set_website (about, SITREP_WEBSITE);
  adw_about_window_set_issue_url (about, SITREP_ISSUE_URL);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 Sitrep developers"));
  adw_about_window_set_comments (about,
                                 _("Turns news reports about the war in Ukraine into events "
                                   "on a map and a timeline, and shows for each one who "
                                   "claimed it, in which words, and how hedged."));
  adw_about_window_set_developers (about, developers);
  /* Translators: Replace "translator-credits" with your names, one name per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Built with"), libraries);
  adw_about_window_add_acknowledgement_section (about, _("Event model and source grading"), models);
  add_data_attributions (about);

  if (parent != NULL)
    {
      /* One of the application's windows, so it closes with the app. */
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_application (GTK_WINDOW (about), gtk_window_get_application (parent));
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }
  gtk_window_present (GTK_WINDOW (about));
}
