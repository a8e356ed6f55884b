/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar.h: the selected event: what, when, where, and one card per claim. */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-event-store.h"
#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_EVENT_SIDEBAR (sitrep_event_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SitrepEventSidebar, sitrep_event_sidebar, SITREP, EVENT_SIDEBAR, GtkWidget)

/* Signals:
 *   ::message (const char *text)            something a toast should say (plain text).
 *   ::rated (const char *text, GVariant *ids)  ratings were stored ("ax" of their ids);
 *                                           text is "Rated ‘Outlet’ B" (plain text).
 *   ::ratings-changed ()                    ratings were added or removed.
 *   ::event-activated (gint64 event_id)     a row of the cluster list was chosen. */
GtkWidget   *sitrep_event_sidebar_new       (void);

/* The event shown, or NULL for the empty state ("Select an event on the map"). */
SitrepEvent *sitrep_event_sidebar_get_event (SitrepEventSidebar *self);
void         sitrep_event_sidebar_set_event (SitrepEventSidebar *self,
                                             SitrepEvent        *event);
/* Several events at once (a cluster): a list of them, each a button. */
void         sitrep_event_sidebar_set_cluster (SitrepEventSidebar *self,
                                               GPtrArray          *events);
/* The same for a cluster too large to read whole: EVENTS are its first ones, of N_TOTAL. */
void         sitrep_event_sidebar_set_cluster_sample (SitrepEventSidebar *self,
                                                      GPtrArray          *events,
                                                      guint               n_total);

/* The collection the events come from: documents are read and ratings written through
 * a SitrepDb opened on the store's file (read-only when it cannot be written). */
void         sitrep_event_sidebar_set_store (SitrepEventSidebar *self,
                                             SitrepEventStore   *store);

/* Removes ratings by id (Undo) and shows the event again with what remains. */
gboolean     sitrep_event_sidebar_remove_ratings (SitrepEventSidebar *self,
                                                  GVariant           *ids,
                                                  GError            **error);

G_END_DECLS
