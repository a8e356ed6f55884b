/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window-private.h: the window's parts, for its actions file and the tests. */
#pragma once

#include "sitrep-event-list.h"
#include "sitrep-export.h"
#include "sitrep-event-sidebar.h"
#include "sitrep-filter.h"
#include "sitrep-timeline.h"
#include "sitrep-map-view.h"
#include "sitrep-window.h"

G_BEGIN_DECLS

SitrepMapView      *sitrep_window_get_map_view    (SitrepWindow *self);
SitrepEventSidebar *sitrep_window_get_sidebar     (SitrepWindow *self);
/* The last toast shown (an error, usually), or NULL. */
AdwToast           *sitrep_window_get_last_toast  (SitrepWindow *self);
/* Shows message (plain text, escaped here) in a toast. */
void                sitrep_window_show_toast      (SitrepWindow *self,
                                                   const char   *message);
void                sitrep_window_cancel_load     (SitrepWindow *self);
void                sitrep_window_clear_selection (SitrepWindow *self);

/* timeline: the timeline, the event list and the filter. */
SitrepTimeline     *sitrep_window_get_timeline      (SitrepWindow *self);
SitrepEventList    *sitrep_window_get_event_list    (SitrepWindow *self);
SitrepFilter       *sitrep_window_get_filter        (SitrepWindow *self);
GtkMenuButton      *sitrep_window_get_filter_button (SitrepWindow *self);
GtkToggleButton    *sitrep_window_get_list_button   (SitrepWindow *self);

/* sidebar: selects the event with this uid (for --select-event); a toast when unknown. */
void                sitrep_window_select_event_uid (SitrepWindow *self,
                                                    const char   *uid);

/* sitrep-window-actions.c */
void                sitrep_window_actions_init    (SitrepWindow *self);
/* Enables the actions that depend on the window's state (cancel-load while loading). */
void                sitrep_window_actions_update  (SitrepWindow *self);
/* File → Export Events without the file chooser: the events the window shows (time
 * window and filters) to file; a toast says how many, or why not. */
void                sitrep_window_export_events   (SitrepWindow       *self,
                                                   GFile              *file,
                                                   SitrepExportFormat  format);

G_END_DECLS
