/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-timeline.h: the timeline: a histogram of events per time bucket and a brush. */
#pragma once

#include <gtk/gtk.h>

#include "sitrep-event-store.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_PLAYBACK_DAY = 0,    /* the window moves by a day each second */
  SITREP_PLAYBACK_WEEK,
  SITREP_PLAYBACK_MONTH,
} SitrepPlaybackSpeed;

#define SITREP_TYPE_TIMELINE (sitrep_timeline_get_type ())
G_DECLARE_FINAL_TYPE (SitrepTimeline, sitrep_timeline, SITREP, TIMELINE, GtkWidget)

GtkWidget        *sitrep_timeline_new              (void);

SitrepEventStore *sitrep_timeline_get_store        (SitrepTimeline   *self);
void              sitrep_timeline_set_store        (SitrepTimeline   *self,
                                                    SitrepEventStore *store);
/* The selected window [start, end), unix seconds. */
gint64            sitrep_timeline_get_window_start (SitrepTimeline   *self);
gint64            sitrep_timeline_get_window_end   (SitrepTimeline   *self);
void              sitrep_timeline_set_window       (SitrepTimeline   *self,
                                                    gint64            start,
                                                    gint64            end);
/* Moves the window (keeping its length) so that it overlaps [start, end), if it does not. */
void              sitrep_timeline_show_span        (SitrepTimeline   *self,
                                                    gint64            start,
                                                    gint64            end);
/* The visible range: its start (unix seconds) and seconds per pixel (the zoom). */
double            sitrep_timeline_get_view_start   (SitrepTimeline   *self);
double            sitrep_timeline_get_zoom         (SitrepTimeline   *self);
void              sitrep_timeline_set_view         (SitrepTimeline   *self,
                                                    double            view_start,
                                                    double            seconds_per_pixel);
/* Store indices to emphasise (events under the pointer on the map); NULL for none. */
void              sitrep_timeline_set_highlight    (SitrepTimeline   *self,
                                                    GArray           *indices);
/* The filter: a bit set over store indices (guint64 words, bit i of word i / 64), or
 * NULL when nothing is filtered out. */
void              sitrep_timeline_set_filter_mask  (SitrepTimeline   *self,
                                                    GBytes           *mask);
gboolean          sitrep_timeline_get_playing      (SitrepTimeline   *self);
void              sitrep_timeline_set_playing      (SitrepTimeline   *self,
                                                    gboolean          playing);
/* Advances playback by elapsed seconds of wall time, as a frame tick does. */
void              sitrep_timeline_step_playback    (SitrepTimeline   *self,
                                                    double            elapsed);

/* Geometry, for tests and the benchmark: x in widget coordinates of a time, and back. */
double            sitrep_timeline_time_to_x        (SitrepTimeline   *self,
                                                    double            t);
double            sitrep_timeline_x_to_time        (SitrepTimeline   *self,
                                                    double            x);
/* The pointer gestures, callable as a user's drag would drive them (tests). */
void              sitrep_timeline_drag_begin       (SitrepTimeline   *self,
                                                    double            x,
                                                    double            y);
void              sitrep_timeline_drag_update      (SitrepTimeline   *self,
                                                    double            dx,
                                                    double            dy);
void              sitrep_timeline_drag_end         (SitrepTimeline   *self);
/* Number of histogram buckets and the bucket size drawn in the last frame. */
guint             sitrep_timeline_get_n_buckets    (SitrepTimeline   *self);

void              sitrep_kind_color                (guint             kind,
                                                    GdkRGBA          *color);

G_END_DECLS
