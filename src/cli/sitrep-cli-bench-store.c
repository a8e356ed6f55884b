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
#include "sitrep-event-store.h"

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
  double times[N_WINDOWS];
  double t0, load_s, open_s, median_us = 0;
  gint64 rss_before, rss_after, first = 0, last = 0;
  guint n;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the random windows"), N_("S") },
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

  store = sitrep_event_store_new ();
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

  /* How much of load_s is the integrity check sitrep_db_open() makes (quick_check). */
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

    g_ascii_formatd (load, sizeof load, "%.4f", load_s);
    g_ascii_formatd (bpe, sizeof bpe, "%.1f",
                     n > 0 && rss_before >= 0 && rss_after >= 0
                       ? (double) (rss_after - rss_before) / n : 0.0);
    g_ascii_formatd (query, sizeof query, "%.2f", median_us);
    g_ascii_formatd (open, sizeof open, "%.4f", open_s);
    printf ("{\"events\":%u,\"load_s\":%s,\"bytes_per_event\":%s,\"window_query_us\":%s,"
            "\"open_check_s\":%s}\n",
            n, load, bpe, query, open);
  }
  return 0;
}
