/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-application.c: the AdwApplication: startup, command line, app-wide actions. */
#define G_LOG_DOMAIN "sitrep-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-application.h"

struct _SitrepApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SitrepApplication, sitrep_application, ADW_TYPE_APPLICATION)

static void
sitrep_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Sitrep"));
      gtk_window_set_default_size (window, 1200, 800);
    }
  gtk_window_present (window);
}

static void
sitrep_application_class_init (SitrepApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = sitrep_application_activate;
}

static void
sitrep_application_init (SitrepApplication *self)
{
}

SitrepApplication *
sitrep_application_new (void)
{
  return g_object_new (SITREP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
