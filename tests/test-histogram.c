/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-histogram.c: calendar buckets across clock changes and month lengths, and counts. */
#define G_LOG_DOMAIN "sitrep-test-histogram"

#include "config.h"

#include "sitrep-histogram.h"

static GTimeZone *
kyiv (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Kyiv");

  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Europe/Kiev");
  g_assert_nonnull (tz);
  return tz;
}

static gint64
local (GTimeZone *tz, int y, int m, int d, int h, int min)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, h, min, 0);

  return g_date_time_to_unix (dt);
}

static void
test_day_dst (void)
{
  g_autoptr(GTimeZone) tz = kyiv ();
  gint64 t, day, next;

  /* Spring forward: 2024-03-31 is 23 hours long in Kyiv (03:00 -> 04:00). */
  t = local (tz, 2024, 3, 31, 15, 30);
  day = sitrep_bucket_floor (SITREP_BUCKET_DAY, tz, t);
  next = sitrep_bucket_next (SITREP_BUCKET_DAY, tz, t);
  g_assert_cmpint (day, ==, local (tz, 2024, 3, 31, 0, 0));
  g_assert_cmpint (day, ==, sitrep_day_to_unix (2024, 3, 30) + 22 * 3600);  /* UTC+2 */
  g_assert_cmpint (next - day, ==, 23 * 3600);
  g_assert_cmpint (next, ==, sitrep_day_to_unix (2024, 3, 31) + 21 * 3600); /* UTC+3 */

  /* Fall back: 2024-10-27 is 25 hours long (04:00 -> 03:00). */
  t = local (tz, 2024, 10, 27, 1, 0);
  day = sitrep_bucket_floor (SITREP_BUCKET_DAY, tz, t);
  next = sitrep_bucket_next (SITREP_BUCKET_DAY, tz, t);
  g_assert_cmpint (next - day, ==, 25 * 3600);
  g_assert_cmpint (sitrep_bucket_prev (SITREP_BUCKET_DAY, tz, next + 10), ==, day);
  /* The instant before midnight is still the 27th; midnight is the 28th. */
  g_assert_cmpint (sitrep_bucket_floor (SITREP_BUCKET_DAY, tz, next - 1), ==, day);
  g_assert_cmpint (sitrep_bucket_floor (SITREP_BUCKET_DAY, tz, next), ==, next);
}

static void
test_hour_dst (void)
{
  g_autoptr(GTimeZone) tz = kyiv ();
  /* 2024-10-27 00:30 UTC is 03:30 EEST; 01:30 UTC is 03:30 EET: two distinct hours. */
  gint64 a = sitrep_day_to_unix (2024, 10, 27) + 1800;
  gint64 b = a + 3600;
  gint64 ha = sitrep_bucket_floor (SITREP_BUCKET_HOUR, tz, a);
  gint64 hb = sitrep_bucket_floor (SITREP_BUCKET_HOUR, tz, b);
  g_autoptr(SitrepHistogram) h = NULL;

  g_assert_cmpint (ha, ==, a - 1800);
  g_assert_cmpint (hb, ==, b - 1800);
  g_assert_cmpint (sitrep_bucket_next (SITREP_BUCKET_HOUR, tz, ha), ==, hb);

  /* The whole day in hours: 25 buckets on the long day, 23 on the short one. */
  h = sitrep_histogram_new (SITREP_BUCKET_HOUR, tz, local (tz, 2024, 10, 27, 0, 0),
                            local (tz, 2024, 10, 28, 0, 0), 1000);
  g_assert_cmpuint (h->n_buckets, ==, 25);
  g_clear_pointer (&h, sitrep_histogram_free);
  h = sitrep_histogram_new (SITREP_BUCKET_HOUR, tz, local (tz, 2024, 3, 31, 0, 0),
                            local (tz, 2024, 4, 1, 0, 0), 1000);
  g_assert_cmpuint (h->n_buckets, ==, 23);
}

static void
test_week_month (void)
{
  g_autoptr(GTimeZone) tz = kyiv ();
  g_autoptr(SitrepHistogram) h = NULL;
  /* Thursday 2024-02-29 (a leap day) belongs to the week of Monday 26 February. */
  gint64 t = local (tz, 2024, 2, 29, 18, 0);
  static const int month_days_2024[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert_cmpint (sitrep_bucket_floor (SITREP_BUCKET_WEEK, tz, t), ==, local (tz, 2024, 2, 26, 0, 0));
  g_assert_cmpint (sitrep_bucket_next (SITREP_BUCKET_WEEK, tz, t), ==, local (tz, 2024, 3, 4, 0, 0));
  /* The week containing the spring change is 7 days minus an hour. */
  g_assert_cmpint (sitrep_bucket_next (SITREP_BUCKET_WEEK, tz, local (tz, 2024, 3, 27, 0, 0))
                   - sitrep_bucket_floor (SITREP_BUCKET_WEEK, tz, local (tz, 2024, 3, 27, 0, 0)),
                   ==, 7 * 86400 - 3600);
  g_assert_cmpint (sitrep_bucket_floor (SITREP_BUCKET_MONTH, tz, t), ==, local (tz, 2024, 2, 1, 0, 0));
  g_assert_cmpint (sitrep_bucket_next (SITREP_BUCKET_MONTH, tz, t), ==, local (tz, 2024, 3, 1, 0, 0));

  /* A year of months: each bucket is the month's length, give or take the clock change. */
  h = sitrep_histogram_new (SITREP_BUCKET_MONTH, tz, local (tz, 2024, 1, 15, 0, 0),
                            local (tz, 2024, 12, 15, 0, 0), 100);
  g_assert_cmpuint (h->n_buckets, ==, 12);
  for (guint m = 0; m < 12; m++)
    {
      gint64 len = h->bounds[m + 1] - h->bounds[m];
      gint64 expected = (gint64) month_days_2024[m] * 86400;

      if (m == 2)
        expected -= 3600;
      else if (m == 9)
        expected += 3600;
      g_assert_cmpint (len, ==, expected);
    }
  /* January 31 -> the next month is February, not March 2. */
  g_assert_cmpint (sitrep_bucket_next (SITREP_BUCKET_MONTH, tz, local (tz, 2023, 1, 31, 23, 0)),
                   ==, local (tz, 2023, 2, 1, 0, 0));
  g_assert_cmpint (sitrep_bucket_prev (SITREP_BUCKET_MONTH, tz, local (tz, 2024, 3, 10, 0, 0)),
                   ==, local (tz, 2024, 2, 1, 0, 0));
}

static void
test_scale (void)
{
  g_assert_cmpint (sitrep_bucket_size_for_scale (60, 8), ==, SITREP_BUCKET_HOUR);
  g_assert_cmpint (sitrep_bucket_size_for_scale (3600, 8), ==, SITREP_BUCKET_DAY);
  g_assert_cmpint (sitrep_bucket_size_for_scale (40000, 8), ==, SITREP_BUCKET_WEEK);
  g_assert_cmpint (sitrep_bucket_size_for_scale (200000, 8), ==, SITREP_BUCKET_MONTH);
}

/* Random events over two years, counted by the prefix sums, by one pass, and by brute force. */
static void
test_counts (void)
{
  g_autoptr(GTimeZone) tz = kyiv ();
  const guint n = 20000;
  g_autofree gint32 *start = g_new (gint32, n);
  g_autofree gint32 *end = g_new (gint32, n);
  g_autofree guint8 *kind = g_new (guint8, n);
  g_autofree guint64 *mask = g_new0 (guint64, (n + 63) / 64);
  SitrepEventColumns c = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(SitrepHistogramIndex) index = NULL;
  gint64 epoch = sitrep_day_to_unix (2023, 1, 1);
  gint32 t = 0;

  for (guint i = 0; i < n; i++)
    {
      t += g_rand_int_range (rand, 0, 2 * 63 * 86400 / (gint32) n * 10);
      start[i] = t;
      end[i] = t + 86400;
      kind[i] = (guint8) g_rand_int_range (rand, 0, SITREP_N_KINDS);
      if (g_rand_boolean (rand))
        mask[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
  c.n_events = n;
  c.epoch = epoch;
  c.start = start;
  c.end = end;
  c.kind = kind;
  index = sitrep_histogram_index_new (&c);

  for (SitrepBucketSize size = SITREP_BUCKET_HOUR; size < SITREP_N_BUCKET_SIZES; size++)
    {
      gint64 from = epoch + 40 * 86400 + 1234, to = epoch + 400 * 86400;
      g_autoptr(SitrepHistogram) a = sitrep_histogram_new (size, tz, from, to, 20000);
      g_autoptr(SitrepHistogram) b = sitrep_histogram_new (size, tz, from, to, 20000);
      g_autoptr(SitrepHistogram) m = sitrep_histogram_new (size, tz, from, to, 20000);
      guint32 expected_total = 0, expected_masked = 0, air = 0;

      sitrep_histogram_fill_from_index (a, index, G_MAXUINT32);
      sitrep_histogram_fill_from_columns (b, &c, NULL);
      sitrep_histogram_fill_from_columns (m, &c, mask);
      g_assert_cmpuint (a->n_buckets, ==, b->n_buckets);
      g_assert_cmpmem (a->counts, sizeof (guint32) * a->n_buckets * SITREP_N_KINDS,
                       b->counts, sizeof (guint32) * b->n_buckets * SITREP_N_KINDS);
      for (guint i = 0; i < n; i++)
        {
          gint64 s = epoch + start[i];

          if (s >= a->bounds[0] && s < a->bounds[a->n_buckets])
            {
              int bucket = sitrep_histogram_find_bucket (a, s);

              g_assert_cmpint (bucket, >=, 0);
              g_assert_cmpint (s, >=, a->bounds[bucket]);
              g_assert_cmpint (s, <, a->bounds[bucket + 1]);
              expected_total++;
              expected_masked += (mask[i / 64] >> (i % 64)) & 1;
              air += kind[i] == SITREP_KIND_AIR_STRIKE;
            }
        }
      g_assert_cmpuint (expected_total, >, 1000);
      g_assert_cmpuint (a->total, ==, expected_total);
      g_assert_cmpuint (m->total, ==, expected_masked);
      g_clear_pointer (&a, sitrep_histogram_free);
      a = sitrep_histogram_new (size, tz, from, to, 20000);
      sitrep_histogram_fill_from_index (a, index, 1u << SITREP_KIND_AIR_STRIKE);
      g_assert_cmpuint (a->total, ==, air);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/histogram/day-dst", test_day_dst);
  g_test_add_func ("/histogram/hour-dst", test_hour_dst);
  g_test_add_func ("/histogram/week-month", test_week_month);
  g_test_add_func ("/histogram/scale", test_scale);
  g_test_add_func ("/histogram/counts", test_counts);
  return g_test_run ();
}
