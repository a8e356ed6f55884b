/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window.h: the main window: one collection on a map, with its event sidebar. */
#pragma once

#include <adwaita.h>

#include "core/sitrep-event-store.h"

G_BEGIN_DECLS

#define SITREP_TYPE_WINDOW (sitrep_window_get_type ())
G_DECLARE_FINAL_TYPE (SitrepWindow, sitrep_window, SITREP, WINDOW, AdwApplicationWindow)

SitrepWindow     *sitrep_window_new       (GtkApplication *application);

/* Loads the collection in a worker thread; on success it replaces the one shown and
 * becomes the last file; on failure a toast says why and the window keeps what it had. */
void              sitrep_window_open      (SitrepWindow   *self,
                                           GFile          *file);
/* The store shown by the window: always the same object, whose contents are replaced
 * by each successful load (it emits ::changed). */
SitrepEventStore *sitrep_window_get_store (SitrepWindow   *self);
/* Whether a load is under way. */
gboolean          sitrep_window_get_loading (SitrepWindow *self);
/* Whether a collection has been loaded into the store. */
gboolean          sitrep_window_has_collection (SitrepWindow *self);

G_END_DECLS
