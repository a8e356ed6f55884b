/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-histogram.c: calendar buckets in local time and event counts per bucket and kind. */
#define G_LOG_DOMAIN "sitrep-histogram"

#include "config.h"

#include <string.h>

#include "sitrep-histogram.h"
#include "sitrep-filter.h"


/* ---- Bucket arithmetic ---- */

static GTimeZone *
ref_tz (GTimeZone *tz)
{
  return tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
}

/* Local midnight starting the day y-m-d; when midnight does not exist (a clock change at
 * midnight) GDateTime moves it into the later interval, which is the day's first instant. */
static gint64
local_midnight (GTimeZone *tz,
                int        y,
                int        m,
                int        d)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, 0, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

gint64
sitrep_bucket_floor (SitrepBucketSize size,
                     GTimeZone       *tz,
                     gint64           t)
{
  g_autoptr(GTimeZone) zone = ref_tz (tz);
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;
  int y, m, d;

  g_return_val_if_fail (dt != NULL, t);
  local = g_date_time_to_timezone (dt, zone);
  g_date_time_get_ymd (local, &y, &m, &d);

  switch (size)
    {
    case SITREP_BUCKET_HOUR:
      {
        /* Real hours: at a fall-back change the repeated hour is two buckets. */
        gint64 offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
        gint64 wall = t + offset;
        return t - (((wall % 3600) + 3600) % 3600);
      }
    case SITREP_BUCKET_DAY:
      return local_midnight (zone, y, m, d);
    case SITREP_BUCKET_WEEK:
      {
        g_autoptr(GDateTime) day = g_date_time_new (zone, y, m, d, 0, 0, 0);
        g_autoptr(GDateTime) monday = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
        g_date_time_get_ymd (monday, &y, &m, &d);
        return local_midnight (zone, y, m, d);
      }
    case SITREP_BUCKET_MONTH:
      return local_midnight (zone, y, m, 1);
    case SITREP_N_BUCKET_SIZES:
    default:
      g_return_val_if_reached (t);
    }
}

gint64
sitrep_bucket_next (SitrepBucketSize size,
                    GTimeZone       *tz,
                    gint64           t)
{
  g_autoptr(GTimeZone) zone = ref_tz (tz);
  gint64 start = sitrep_bucket_floor (size, zone, t);
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  int y, m, d;

  if (size == SITREP_BUCKET_HOUR)
    return start + 3600;

  dt = g_date_time_new_from_unix_utc (start);
  local = g_date_time_to_timezone (dt, zone);
  /* Noon of the first day avoids any clock change when stepping days. */
  g_date_time_get_ymd (local, &y, &m, &d);
  g_clear_pointer (&local, g_date_time_unref);
  local = g_date_time_new (zone, y, m, d, 12, 0, 0);
  switch (size)
    {
    case SITREP_BUCKET_DAY:
      later = g_date_time_add_days (local, 1);
      break;
    case SITREP_BUCKET_WEEK:
      later = g_date_time_add_days (local, 7);
      break;
    case SITREP_BUCKET_MONTH:
      later = g_date_time_add_months (local, 1);
      break;
    case SITREP_BUCKET_HOUR:
    case SITREP_N_BUCKET_SIZES:
    default:
      g_return_val_if_reached (start + 86400);
    }
  g_date_time_get_ymd (later, &y, &m, &d);
  return local_midnight (zone, y, m, d);
}

gint64
sitrep_bucket_prev (SitrepBucketSize size,
                    GTimeZone       *tz,
                    gint64           t)
{
  gint64 start = sitrep_bucket_floor (size, tz, t);

  /* Any instant of the previous bucket floors to its start; one second back is in it. */
  return sitrep_bucket_floor (size, tz, start - 1);
}

gint64
sitrep_bucket_nominal_seconds (SitrepBucketSize size)
{
  static const gint64 seconds[] = { 3600, 86400, 7 * 86400, 30 * 86400 };

  g_return_val_if_fail (size < SITREP_N_BUCKET_SIZES, 86400);
  return seconds[size];
}

SitrepBucketSize
sitrep_bucket_size_for_scale (double seconds_per_pixel,
                              double min_px)
{
  for (SitrepBucketSize s = SITREP_BUCKET_HOUR; s < SITREP_BUCKET_MONTH; s++)
    if (sitrep_bucket_nominal_seconds (s) / seconds_per_pixel >= min_px)
      return s;
  return SITREP_BUCKET_MONTH;
}

/* ---- Prefix sums ---- */

#define MAX_SLOTS (1u << 17)

struct _SitrepHistogramIndex
{
  const SitrepEventColumns *columns;  /* not owned; the index lives as long as they do */
  gint64 origin;                      /* unix seconds of slot 0, a multiple of 3600 */
  gint64 slot_seconds;                /* a multiple of 3600 */
  guint n_slots;
  guint32 *cum;                       /* (n_slots + 1) * SITREP_N_KINDS: events before slot */
  guint32 *first;                     /* n_slots + 1: first index starting in slot */
};

SitrepHistogramIndex *
sitrep_histogram_index_new (const SitrepEventColumns *columns)
{
  SitrepHistogramIndex *index = g_new0 (SitrepHistogramIndex, 1);
  guint32 running[SITREP_N_KINDS] = { 0 };
  gint64 first_t, last_t, hours;
  guint slot = 0;

  index->columns = columns;
  index->slot_seconds = 3600;
  if (columns == NULL || columns->n_events == 0)
    {
      index->n_slots = 0;
      index->cum = g_new0 (guint32, SITREP_N_KINDS);
      index->first = g_new0 (guint32, 1);
      return index;
    }

  first_t = columns->epoch + columns->start[0];
  last_t = columns->epoch + columns->start[columns->n_events - 1];
  index->origin = first_t - (((first_t % 3600) + 3600) % 3600);
  hours = (last_t - index->origin) / 3600 + 1;
  index->slot_seconds = 3600 * ((hours + MAX_SLOTS - 1) / MAX_SLOTS);
  index->n_slots = (guint) ((last_t - index->origin) / index->slot_seconds + 1);
  index->cum = g_new (guint32, (gsize) (index->n_slots + 1) * SITREP_N_KINDS);
  index->first = g_new (guint32, index->n_slots + 1);

  /* One pass: events are sorted by start, so slots are filled in order. */
  for (guint i = 0; i < columns->n_events; i++)
    {
      gint64 t = columns->epoch + columns->start[i];
      guint s = (guint) ((t - index->origin) / index->slot_seconds);
      guint k = columns->kind[i];

      while (slot <= s)
        {
          memcpy (index->cum + (gsize) slot * SITREP_N_KINDS, running, sizeof running);
          index->first[slot] = i;
          slot++;
        }
      running[k < SITREP_N_KINDS ? k : SITREP_KIND_OTHER]++;
    }
  while (slot <= index->n_slots)
    {
      memcpy (index->cum + (gsize) slot * SITREP_N_KINDS, running, sizeof running);
      index->first[slot] = columns->n_events;
      slot++;
    }
  return index;
}

void
sitrep_histogram_index_free (SitrepHistogramIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->cum);
  g_free (index->first);
  g_free (index);
}

void
sitrep_histogram_index_count_before (const SitrepHistogramIndex *index,
                                     gint64                      t,
                                     guint32                    *counts)
{
  const SitrepEventColumns *c = index->columns;
  gint64 rel;
  guint s;

  if (index->n_slots == 0 || t <= index->origin)
    return;
  rel = t - index->origin;
  if (rel >= (gint64) index->n_slots * index->slot_seconds)
    s = index->n_slots;
  else
    s = (guint) (rel / index->slot_seconds);
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    counts[k] += index->cum[(gsize) s * SITREP_N_KINDS + k];
  if (s == index->n_slots)
    return;
  /* The part of slot s before t: a short scan in time order. */
  for (guint i = index->first[s]; i < index->first[s + 1]; i++)
    {
      guint k;

      if (c->epoch + c->start[i] >= t)
        break;
      k = c->kind[i];
      counts[k < SITREP_N_KINDS ? k : SITREP_KIND_OTHER]++;
    }
}

/* ---- Histograms ---- */

SitrepHistogram *
sitrep_histogram_new (SitrepBucketSize size,
                      GTimeZone       *tz,
                      gint64           from,
                      gint64           to,
                      guint            max_buckets)
{
  g_autoptr(GTimeZone) zone = ref_tz (tz);
  SitrepHistogram *h = g_new0 (SitrepHistogram, 1);
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 b = sitrep_bucket_floor (size, zone, from);

  h->size = size;
  g_array_append_val (bounds, b);
  while (b < to && bounds->len <= max_buckets)
    {
      b = sitrep_bucket_next (size, zone, b);
      g_array_append_val (bounds, b);
    }
  h->n_buckets = bounds->len - 1;
  h->bounds = (gint64 *) (void *) g_array_free (bounds, FALSE);
  h->counts = g_new0 (guint32, (gsize) MAX (h->n_buckets, 1) * SITREP_N_KINDS);
  h->totals = g_new0 (guint32, MAX (h->n_buckets, 1));
  return h;
}

void
sitrep_histogram_free (SitrepHistogram *histogram)
{
  if (histogram == NULL)
    return;
  g_free (histogram->bounds);
  g_free (histogram->counts);
  g_free (histogram->totals);
  g_free (histogram);
}

static void
update_totals (SitrepHistogram *h)
{
  h->max_total = 0;
  h->total = 0;
  for (guint b = 0; b < h->n_buckets; b++)
    {
      guint32 sum = 0;

      for (guint k = 0; k < SITREP_N_KINDS; k++)
        sum += h->counts[(gsize) b * SITREP_N_KINDS + k];
      h->totals[b] = sum;
      h->total += sum;
      h->max_total = MAX (h->max_total, sum);
    }
}

void
sitrep_histogram_fill_from_index (SitrepHistogram            *h,
                                  const SitrepHistogramIndex *index,
                                  guint32                     kind_mask)
{
  guint32 prev[SITREP_N_KINDS] = { 0 };

  sitrep_histogram_index_count_before (index, h->bounds[0], prev);
  for (guint b = 0; b < h->n_buckets; b++)
    {
      guint32 next[SITREP_N_KINDS] = { 0 };
      guint32 *row = h->counts + (gsize) b * SITREP_N_KINDS;

      sitrep_histogram_index_count_before (index, h->bounds[b + 1], next);
      for (guint k = 0; k < SITREP_N_KINDS; k++)
        row[k] = (kind_mask & (1u << k)) ? next[k] - prev[k] : 0;
      memcpy (prev, next, sizeof prev);
    }
  update_totals (h);
}

/* First index whose start (unix seconds) is >= t. */
static guint
lower_bound (const SitrepEventColumns *c,
             gint64                    t)
{
  guint lo = 0, hi = c->n_events;
  gint64 rel = t - c->epoch;

  if (rel <= G_MININT32)
    return 0;
  if (rel > G_MAXINT32)
    return c->n_events;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c->start[mid] < rel)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
sitrep_histogram_fill_from_columns (SitrepHistogram          *h,
                                    const SitrepEventColumns *c,
                                    const guint64            *mask)
{
  guint begin, end, b = 0;
  gint64 next_rel;

  memset (h->counts, 0, sizeof (guint32) * (gsize) MAX (h->n_buckets, 1) * SITREP_N_KINDS);
  if (c == NULL || c->n_events == 0 || h->n_buckets == 0)
    {
      update_totals (h);
      return;
    }
  begin = lower_bound (c, h->bounds[0]);
  end = lower_bound (c, h->bounds[h->n_buckets]);
  next_rel = h->bounds[1] - c->epoch;
  /* Starts are sorted: walk events and buckets together. */
  for (guint i = begin; i < end; i++)
    {
      guint k;

      if (!sitrep_filter_mask_get (mask, i))
        continue;
      while (c->start[i] >= next_rel)
        {
          b++;
          next_rel = h->bounds[b + 1] - c->epoch;
        }
      k = c->kind[i];
      h->counts[(gsize) b * SITREP_N_KINDS + (k < SITREP_N_KINDS ? k : 0)]++;
    }
  update_totals (h);
}

int
sitrep_histogram_find_bucket (const SitrepHistogram *h,
                              gint64                 t)
{
  guint lo = 0, hi = h->n_buckets;

  if (h->n_buckets == 0 || t < h->bounds[0] || t >= h->bounds[h->n_buckets])
    return -1;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (h->bounds[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo;
}
