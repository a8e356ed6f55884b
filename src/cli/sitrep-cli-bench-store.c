/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench-store.c: `sitrep-cli bench store FILE`: load time, memory and window queries. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
#include <unistd.h>

#include "sitrep-cli-private.h"
#include "sitrep-db.h"
#include "sitrep-cluster.h"
#include "sitrep-event-store.h"
#include "sitrep-geo.h"
#include "sitrep-histogram.h"

#define N_WINDOWS 1000
#define WINDOW_DAYS 30

static double
now_s (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Resident set size in bytes, from /proc/self/statm (second field, in pages). */
static gint64
rss_bytes (void)
{
  g_autofree char *statm = NULL;
  long long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lld %lld", &size, &resident) != 2)
    return -1;
  return (gint64) resident * sysconf (_SC_PAGESIZE);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* timeline: cluster_ms and histogram_ms (see sitrep-cluster.h, sitrep-histogram.h). */
static int
compare_ms (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* cluster_ms: median over runs of a random 30-day window clustered in the viewport of
 * Kharkiv oblast at zoom 8 (64 px cells), the window lookup included. histogram_ms: median
 * over runs of the full range in buckets for a 1200 px timeline, from the prefix sums;
 * histogram_index_ms: building those prefix sums once after a load. */
static void
bench_cluster_histogram (SitrepEventStore *store,
                         guint             runs,
                         double           *cluster_ms,
                         double           *histogram_ms,
                         double           *histogram_index_ms,
                         guint            *clusters_out)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr(SitrepClusterer) clusterer = sitrep_clusterer_new ();
  g_autoptr(SitrepHistogramIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autofree double *times = g_new (double, runs);
  SitrepViewport vp = {
    .x0 = sitrep_geo_lon_to_x (34.9), .y0 = sitrep_geo_lat_to_y (50.5),
    .x1 = sitrep_geo_lon_to_x (38.9), .y1 = sitrep_geo_lat_to_y (48.5),
    .world_px = sitrep_geo_world_size (8),
  };
  gint64 first = 0, last = 0, t0;
  SitrepBucketSize size;

  *cluster_ms = *histogram_ms = *histogram_index_ms = 0;
  *clusters_out = 0;
  if (!sitrep_event_store_get_range (store, &first, &last))
    return;

  for (guint r = 0; r < runs; r++)
    {
      gint64 from = first + (gint64) (g_rand_double (rand) * MAX (0, last - first - 30 * 86400));
      guint begin, end;

      t0 = g_get_monotonic_time ();
      sitrep_event_store_window (store, from, from + 30 * 86400, &begin, &end);
      *clusters_out = sitrep_clusterer_run (clusterer, c, begin, end, from, from + 30 * 86400,
                                            NULL, &vp, 64);
      times[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_ms);
  *cluster_ms = times[runs / 2];

  t0 = g_get_monotonic_time ();
  index = sitrep_histogram_index_new (c);
  *histogram_index_ms = (g_get_monotonic_time () - t0) / 1000.0;
  size = sitrep_bucket_size_for_scale ((last - first) / 1200.0, 4.0);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SitrepHistogram) h = NULL;

      t0 = g_get_monotonic_time ();
      h = sitrep_histogram_new (size, NULL, first, last, 2000);
      sitrep_histogram_fill_from_index (h, index, G_MAXUINT32);
      times[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_ms);
  *histogram_ms = times[runs / 2];
}

int
sitrep_cli_bench_store (int    argc,
                        char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEventStore) store = NULL;
  g_autoptr (GArray) out = NULL;
  g_autoptr (GRand) rand = NULL;
  g_auto (GStrv) files = NULL;
  gint64 seed = 1;
  gboolean no_cache = FALSE, open_check = FALSE, upgrade = FALSE;
  const char *cache_words[] = { "none", "hit", "written", "stale" };
  double times[N_WINDOWS];
  double t0, load_s, open_s, median_us = 0;
  gint64 rss_before, rss_after, first = 0, last = 0;
  guint n, n_clusters = 0;
  double cluster_ms = 0, histogram_ms = 0, histogram_index_ms = 0;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the random windows"), N_("S") },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache,
      N_("Read the events table, neither reading nor writing the column cache"), NULL },
    { "upgrade", 0, 0, G_OPTION_ARG_NONE, &upgrade,
      N_("First open FILE for writing, which upgrades an older schema (not timed)"), NULL },
    { "open-check", 0, 0, G_OPTION_ARG_NONE, &open_check,
      N_("Also time opening with the full integrity check (reads the whole file)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — time loading the event store and window queries"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      sitrep_cli_error ("%s", _("bench store takes exactly one FILE"));
      return 2;
    }

  if (upgrade)
    {
      g_autoptr (SitrepDb) db = sitrep_db_open (files[0], SITREP_DB_OPEN_DEFAULT, &error);

      if (db == NULL)
        {
          sitrep_cli_error ("%s", error->message);
          return 1;
        }
    }

  store = sitrep_event_store_new ();
  sitrep_event_store_set_use_cache (store, !no_cache);
  rss_before = rss_bytes ();
  t0 = now_s ();
  if (!sitrep_event_store_load (store, files[0], NULL, NULL, NULL, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  load_s = now_s () - t0;
  rss_after = rss_bytes ();
  n = sitrep_event_store_get_n_events (store);

  out = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1024);
  rand = g_rand_new_with_seed ((guint32) seed);
  if (sitrep_event_store_get_range (store, &first, &last))
    {
      gint64 span = MAX (1, last - first - WINDOW_DAYS * 86400);

      for (guint i = 0; i < N_WINDOWS; i++)
        {
          gint64 from = first + (gint64) g_rand_double_range (rand, 0, (double) span);
          double q0;

          g_array_set_size (out, 0);
          q0 = now_s ();
          sitrep_event_store_query (store, from, from + WINDOW_DAYS * 86400, NULL, out);
          times[i] = (now_s () - q0) * 1e6;
        }
      qsort (times, N_WINDOWS, sizeof (double), compare_double);
      median_us = (times[N_WINDOWS / 2 - 1] + times[N_WINDOWS / 2]) / 2;
    }

  bench_cluster_histogram (store, 200, &cluster_ms, &histogram_ms, &histogram_index_ms, &n_clusters);

  /* How long the integrity check sitrep_db_open() makes (quick_check) takes; the load
   * skips it. It reads every page, minutes on a cold 10M file, so only on request. */
  open_s = 0;
  if (open_check)
    {
      g_autoptr (SitrepDb) db = NULL;
      t0 = now_s ();
      db = sitrep_db_open (files[0], SITREP_DB_OPEN_READ_ONLY, NULL);
      open_s = now_s () - t0;
    }

  /* Numbers only, so printf is safe and gives readable decimals. */
  {
    char load[G_ASCII_DTOSTR_BUF_SIZE], bpe[G_ASCII_DTOSTR_BUF_SIZE];
    char query[G_ASCII_DTOSTR_BUF_SIZE], open[G_ASCII_DTOSTR_BUF_SIZE];
    char cluster[G_ASCII_DTOSTR_BUF_SIZE], histogram[G_ASCII_DTOSTR_BUF_SIZE];
    char histogram_index[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (load, sizeof load, "%.4f", load_s);
    g_ascii_formatd (bpe, sizeof bpe, "%.1f",
                     n > 0 && rss_before >= 0 && rss_after >= 0
                       ? (double) (rss_after - rss_before) / n : 0.0);
    g_ascii_formatd (query, sizeof query, "%.2f", median_us);
    g_ascii_formatd (open, sizeof open, "%.4f", open_s);
    g_ascii_formatd (cluster, sizeof cluster, "%.3f", cluster_ms);
    g_ascii_formatd (histogram, sizeof histogram, "%.3f", histogram_ms);
    g_ascii_formatd (histogram_index, sizeof histogram_index, "%.3f", histogram_index_ms);
    printf ("{\"events\":%u,\"load_s\":%s,\"bytes_per_event\":%s,\"window_query_us\":%s,"
            "\"cluster_ms\":%s,\"clusters\":%u,\"histogram_ms\":%s,"
            "\"histogram_index_ms\":%s,\"open_check_s\":%s,\"column_cache\":\"%s\"}\n",
            n, load, bpe, query, cluster, n_clusters, histogram, histogram_index, open,
            cache_words[sitrep_event_store_get_cache_status (store)]);
  }
  return 0;
}
