/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cluster.h: grid clustering of a time window's events inside a map viewport. */
#pragma once

#include <glib.h>

#include "sitrep-event-store.h"

G_BEGIN_DECLS

/* The visible part of the map: world coordinates (sitrep-geo.h) of its corners and the
 * world's size in pixels at the current zoom. */
typedef struct
{
  double x0, y0;     /* north-west corner */
  double x1, y1;     /* south-east corner */
  double world_px;
} SitrepViewport;

typedef struct
{
  double x, y;          /* mean position of the members, world coordinates */
  guint n_members;
  guint first_member;   /* offset into the members array */
  guint representative; /* the smallest store index among the members */
  guint8 kind;          /* the most frequent SitrepEventKind among the members */
  guint8 flags;         /* OR of the members' SitrepEventFlags */
} SitrepCluster;

typedef struct _SitrepClusterer SitrepClusterer;

SitrepClusterer     *sitrep_clusterer_new          (void);
void                 sitrep_clusterer_free         (SitrepClusterer          *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepClusterer, sitrep_clusterer_free)

/* Groups the events among the candidate indices [begin, end) whose span overlaps
 * [from, to) (unix seconds), which lie inside the viewport and whose bit is set in mask
 * (NULL keeps all), into square cells of cell_px pixels aligned on the world's origin (so
 * clusters do not move when the map pans). Every kept event is in exactly one cluster;
 * clusters come in row-major cell order, members in index order: the result depends only
 * on the input. Returns the number of clusters. The buffers are reused between runs. */
guint                sitrep_clusterer_run          (SitrepClusterer          *self,
                                                    const SitrepEventColumns *columns,
                                                    guint                     begin,
                                                    guint                     end,
                                                    gint64                    from,
                                                    gint64                    to,
                                                    const guint64            *mask,
                                                    const SitrepViewport     *viewport,
                                                    double                    cell_px);
/* The same clusters as run() (positions equal up to rounding), without listing the
 * members: the sums of whole days of the window are kept between calls, so that a
 * window sliding over the same viewport only sums the days it has not seen (and the
 * events cut by its edges, and those starting before it that last into it). The kept
 * sums are for one set of columns, mask, viewport and cell size; they are dropped when
 * any of those differ from the previous call (compared by pointer for the columns and
 * mask: call sitrep_clusterer_invalidate() when their contents change in place).
 * get_members() then lists the members with an exact run. */
guint                sitrep_clusterer_run_summary  (SitrepClusterer          *self,
                                                    const SitrepEventColumns *columns,
                                                    guint                     begin,
                                                    guint                     end,
                                                    gint64                    from,
                                                    gint64                    to,
                                                    const guint64            *mask,
                                                    const SitrepViewport     *viewport,
                                                    double                    cell_px);
/* Drops the per-day sums kept by run_summary(). */
void                 sitrep_clusterer_invalidate   (SitrepClusterer          *self);
const SitrepCluster *sitrep_clusterer_get_clusters (SitrepClusterer          *self,
                                                    guint                    *n_clusters);
/* Store indices of all members, grouped by cluster. */
const guint         *sitrep_clusterer_get_members  (SitrepClusterer          *self,
                                                    guint                    *n_members);

/* Whether the event at index i overlaps [from, to): the span [start, end) meets it, a
 * zero-length event counts at its start. */
static inline gboolean
sitrep_event_columns_overlaps (const SitrepEventColumns *c,
                               guint                     i,
                               gint64                    from,
                               gint64                    to)
{
  gint64 s = c->epoch + c->start[i];
  gint64 e = c->epoch + c->end[i];

  return s < to && (e > from || (e == s && s >= from));
}

G_END_DECLS
