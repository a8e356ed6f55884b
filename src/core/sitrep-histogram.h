/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-histogram.h: calendar buckets in local time and event counts per bucket and kind. */
#pragma once

#include <glib.h>

#include "sitrep-event-store.h"
#include "sitrep-types.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_BUCKET_HOUR = 0,
  SITREP_BUCKET_DAY,
  SITREP_BUCKET_WEEK,    /* ISO weeks, starting on Monday */
  SITREP_BUCKET_MONTH,
  SITREP_N_BUCKET_SIZES
} SitrepBucketSize;

/* Bucket arithmetic in the time zone tz (NULL: the local time zone). Buckets follow the
 * wall clock: a day is 23 or 25 hours long on the days clocks change, a month is 28 to
 * 31 days. Times are unix seconds. */
gint64           sitrep_bucket_floor      (SitrepBucketSize size,
                                           GTimeZone       *tz,
                                           gint64           t);
/* Start of the bucket after the one containing t. */
gint64           sitrep_bucket_next       (SitrepBucketSize size,
                                           GTimeZone       *tz,
                                           gint64           t);
/* Start of the bucket before the one containing t. */
gint64           sitrep_bucket_prev       (SitrepBucketSize size,
                                           GTimeZone       *tz,
                                           gint64           t);
/* The bucket size for a zoom, so that a bucket is at least min_px pixels wide. */
SitrepBucketSize sitrep_bucket_size_for_scale (double seconds_per_pixel,
                                               double min_px);
/* Nominal length, for layout only (a month is 30 days). */
gint64           sitrep_bucket_nominal_seconds (SitrepBucketSize size);

/* Prefix sums of events per kind over fixed slots of time, built in one pass over the
 * columns, so that the count of events starting before any time is a lookup plus a scan
 * of at most one slot. Never changes once built; rebuild when the store changes. */
typedef struct _SitrepHistogramIndex SitrepHistogramIndex;

SitrepHistogramIndex *sitrep_histogram_index_new  (const SitrepEventColumns *columns);
void                  sitrep_histogram_index_free (SitrepHistogramIndex     *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepHistogramIndex, sitrep_histogram_index_free)
/* Adds to counts[SITREP_N_KINDS] the events that start before t (unix seconds). */
void                  sitrep_histogram_index_count_before (const SitrepHistogramIndex *index,
                                                           gint64                      t,
                                                           guint32                    *counts);

/* Counts per bucket and kind over [from, to), rounded out to whole buckets. */
typedef struct
{
  SitrepBucketSize size;
  guint n_buckets;
  gint64 *bounds;      /* n_buckets + 1 bucket starts, unix seconds */
  guint32 *counts;     /* n_buckets * SITREP_N_KINDS, [bucket * SITREP_N_KINDS + kind] */
  guint32 *totals;     /* n_buckets */
  guint32 max_total;
  guint32 total;
} SitrepHistogram;

/* At most max_buckets buckets (the range is cut at the end beyond that). */
SitrepHistogram *sitrep_histogram_new     (SitrepBucketSize size,
                                           GTimeZone       *tz,
                                           gint64           from,
                                           gint64           to,
                                           guint            max_buckets);
void             sitrep_histogram_free    (SitrepHistogram *histogram);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepHistogram, sitrep_histogram_free)

/* Fills the counts from the prefix sums: O(buckets), independent of the events. Only the
 * kinds whose bit is set in kind_mask are counted. */
void             sitrep_histogram_fill_from_index (SitrepHistogram            *histogram,
                                                   const SitrepHistogramIndex *index,
                                                   guint32                     kind_mask);
/* Fills the counts in one pass over the events that start inside the histogram's range,
 * keeping those whose bit is set in mask (a bit set over store indices; NULL keeps all). */
void             sitrep_histogram_fill_from_columns (SitrepHistogram          *histogram,
                                                     const SitrepEventColumns *columns,
                                                     const guint64            *mask);
/* Bucket of unix time t, or -1 outside the range. */
int              sitrep_histogram_find_bucket (const SitrepHistogram *histogram,
                                               gint64                 t);

G_END_DECLS
