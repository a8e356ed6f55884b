/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-preferences.h: the preferences window: the map's background and its pins. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SITREP_TYPE_PREFERENCES (sitrep_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SitrepPreferences, sitrep_preferences, SITREP, PREFERENCES, AdwPreferencesWindow)

#define SITREP_TIMELINE_SCHEMA_ID "io.github.sitrep.Sitrep.Timeline"

/* settings: schema io.github.sitrep.Sitrep.Basemap, NULL for the default. */
SitrepPreferences *sitrep_preferences_new          (GtkWindow         *parent,
                                                    GSettings         *settings);

/* Checks and uses an MBTiles file as the chooser would; on failure shows the reason in
 * a toast, leaves the settings as they were and returns FALSE. */
gboolean           sitrep_preferences_open_mbtiles (SitrepPreferences *self,
                                                    const char        *path);

/* settings: schema io.github.sitrep.Sitrep.Timeline, whose fade-outside-window the
 * "Fade Events Outside the Dates" switch shows and sets; NULL for the default (the
 * switch is hidden when that schema is not installed). */
void               sitrep_preferences_set_timeline_settings (SitrepPreferences *self,
                                                             GSettings         *settings);

G_END_DECLS
