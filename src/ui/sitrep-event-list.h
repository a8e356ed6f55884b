/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-list.h: the table of the time window's events (date, kind, place, outlets, hedging). */
#pragma once

#include <gtk/gtk.h>

#include "sitrep-event-store.h"
#include "sitrep-window-events-model.h"

G_BEGIN_DECLS

#define SITREP_TYPE_EVENT_LIST (sitrep_event_list_get_type ())
G_DECLARE_FINAL_TYPE (SitrepEventList, sitrep_event_list, SITREP, EVENT_LIST, GtkWidget)

GtkWidget               *sitrep_event_list_new           (void);
void                     sitrep_event_list_set_store     (SitrepEventList  *self,
                                                          SitrepEventStore *store);
void                     sitrep_event_list_set_window    (SitrepEventList  *self,
                                                          gint64            start,
                                                          gint64            end);
void                     sitrep_event_list_set_filter_mask (SitrepEventList *self,
                                                            GBytes          *mask);
SitrepWindowEventsModel *sitrep_event_list_get_model     (SitrepEventList  *self);
guint                    sitrep_event_list_get_n_rows    (SitrepEventList  *self);
/* Selects the row of a store index and scrolls to it; G_MAXUINT clears the selection.
 * Does not emit ::event-selected. */
void                     sitrep_event_list_select_index  (SitrepEventList  *self,
                                                          guint             index);
/* The store index of the selected row, or G_MAXUINT. */
guint                    sitrep_event_list_get_selected_index (SitrepEventList *self);

G_END_DECLS
