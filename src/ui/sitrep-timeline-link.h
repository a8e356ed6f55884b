/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-timeline-link.h: keeps the map, the timeline, the event list and the filter in step. */
#pragma once

#include <gtk/gtk.h>

#include "sitrep-event-list.h"
#include "sitrep-filter.h"
#include "sitrep-map-view.h"
#include "sitrep-timeline.h"

G_BEGIN_DECLS

#define SITREP_TYPE_TIMELINE_LINK (sitrep_timeline_link_get_type ())
G_DECLARE_FINAL_TYPE (SitrepTimelineLink, sitrep_timeline_link, SITREP, TIMELINE_LINK, GObject)

/* The window's brush decides what the pin layer and the list show; the filter (computed
 * in a worker) applies to the map, the histogram and the list alike; selecting a pin
 * selects its row and moves the window to it, and the reverse; hovering pins highlights
 * them in the histogram. The window, zoom, filters and map view are kept in the
 * io.github.sitrep.Sitrep.Timeline settings. Holds no reference on the widgets: the
 * window that owns them owns the link. */
SitrepTimelineLink *sitrep_timeline_link_new      (SitrepEventStore   *store,
                                                   SitrepMapView      *map_view,
                                                   SitrepTimeline     *timeline,
                                                   SitrepEventList    *list,
                                                   SitrepFilter       *filter);
/* The filter's current bit set over store indices, or NULL when all events are kept. */
GBytes             *sitrep_timeline_link_get_mask (SitrepTimelineLink *self);

G_END_DECLS
