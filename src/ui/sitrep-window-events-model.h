/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window-events-model.h: a list model of the events in the time window, made lazily. */
#pragma once

#include <gio/gio.h>

#include "sitrep-event-store.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_EVENTS_SORT_DATE = 0,
  SITREP_EVENTS_SORT_KIND,
  SITREP_EVENTS_SORT_HEDGING,   /* firm, hedged, disputed (from the columns' flags) */
} SitrepEventsSort;

#define SITREP_TYPE_WINDOW_EVENTS_MODEL (sitrep_window_events_model_get_type ())
G_DECLARE_FINAL_TYPE (SitrepWindowEventsModel, sitrep_window_events_model, SITREP,
                      WINDOW_EVENTS_MODEL, GObject)

/* A GListModel of SitrepEvent: the store's events overlapping [window-start, window-end)
 * and kept by filter-mask, in the sort order. It holds only their store indices; the
 * SitrepEvent of a row is read from the collection when a view asks for it, and only the
 * last few hundred are kept. */
SitrepWindowEventsModel *sitrep_window_events_model_new        (SitrepEventStore        *store);
void                     sitrep_window_events_model_set_store  (SitrepWindowEventsModel *self,
                                                                SitrepEventStore        *store);
void                     sitrep_window_events_model_set_window (SitrepWindowEventsModel *self,
                                                                gint64                   start,
                                                                gint64                   end);
void                     sitrep_window_events_model_set_filter_mask (SitrepWindowEventsModel *self,
                                                                     GBytes                  *mask);
void                     sitrep_window_events_model_set_sort   (SitrepWindowEventsModel *self,
                                                                SitrepEventsSort         sort,
                                                                gboolean                 descending);
/* The store index of the event at position, or G_MAXUINT. */
guint                    sitrep_window_events_model_get_index  (SitrepWindowEventsModel *self,
                                                                guint                    position);
/* The position of a store index, or G_MAXUINT when it is not in the list. */
guint                    sitrep_window_events_model_find_index (SitrepWindowEventsModel *self,
                                                                guint                    index);

G_END_DECLS
