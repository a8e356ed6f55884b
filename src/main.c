/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the application entry point, nothing else. */

#include "config.h"

#include "ui/sitrep-application.h"
#include "ui/sitrep-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (SitrepApplication) app = NULL;

  sitrep_i18n_init ();

  app = sitrep_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
