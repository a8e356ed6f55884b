/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-about.c: the About window (a minimal one until the desktop integration lands). */
#define G_LOG_DOMAIN "sitrep-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitrep-about.h"

void
sitrep_show_about (GtkWindow *parent)
{
  static const char *data_credits[] = {
    "GeoNames (geonames.org), CC BY 4.0",
    "© OpenStreetMap contributors",
    NULL
  };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Sitrep"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/sitrep/sitrep");
  adw_about_window_add_credit_section (about, _("Data"), data_credits);
  if (parent)
    {
      /* One of the application's windows, so it closes with it and Escape works. */
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_application (GTK_WINDOW (about), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (about));
}
