/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar.h: the selected event: what, when, where, and one card per claim. */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_EVENT_SIDEBAR (sitrep_event_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SitrepEventSidebar, sitrep_event_sidebar, SITREP, EVENT_SIDEBAR, GtkWidget)

GtkWidget   *sitrep_event_sidebar_new       (void);

/* The event shown, or NULL for the empty state ("Select an event on the map"). */
SitrepEvent *sitrep_event_sidebar_get_event (SitrepEventSidebar *self);
void         sitrep_event_sidebar_set_event (SitrepEventSidebar *self,
                                             SitrepEvent        *event);

G_END_DECLS
