/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-application.h: the AdwApplication: startup, command line, app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SITREP_TYPE_APPLICATION (sitrep_application_get_type ())
G_DECLARE_FINAL_TYPE (SitrepApplication, sitrep_application, SITREP, APPLICATION,
                      AdwApplication)

SitrepApplication *sitrep_application_new (void);

G_END_DECLS
