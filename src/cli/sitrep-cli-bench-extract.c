/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench-extract.c: `sitrep-cli bench extract DIR`: the extractor's speed over a
 * corpus, as JSON (make one with tools/make-extract-corpus.py). */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "sitrep-cli-private.h"
#include "sitrep-extractor.h"

int
sitrep_cli_bench_extract (int    argc,
                          char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (SitrepExtractor) extractor = NULL;
  const char *name;
  guint64 bytes = 0, events = 0, claims = 0, failed = 0;
  gint64 t0, t1, g0, g1;
  double seconds, cpu;
  struct rusage r0, r1;

  if (argc != 2)
    {
      sitrep_cli_error ("%s", _("usage: sitrep-cli bench extract DIR (a directory of .txt articles)"));
      return 2;
    }
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  /* Read everything first: the benchmark measures the extractor, not the disk. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      char *text = NULL;
      gsize len = 0;
      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &text, &len, NULL))
        continue;
      bytes += len;
      g_ptr_array_add (texts, text);
    }
  if (texts->len == 0)
    {
      sitrep_cli_error (_("%s: no .txt files"), argv[1]);
      return 1;
    }

  g0 = g_get_monotonic_time ();
  extractor = sitrep_extractor_new (NULL, &error);
  g1 = g_get_monotonic_time ();
  if (extractor == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  getrusage (RUSAGE_SELF, &r0);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr (SitrepDocument) doc = sitrep_document_new ();
      g_autoptr (GPtrArray) evs = NULL;
      g_autoptr (GError) ferror = NULL;
      doc->text = g_ptr_array_index (texts, i);
      texts->pdata[i] = NULL;
      doc->published = 1732492800; /* 2024-11-25 */
      evs = sitrep_extractor_extract (extractor, doc, "bench", &ferror);
      if (evs == NULL)
        {
          failed++;
          continue;
        }
      events += evs->len;
      for (guint e = 0; e < evs->len; e++)
        claims += ((SitrepEvent *) g_ptr_array_index (evs, e))->claims->len;
    }
  t1 = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &r1);
  seconds = (t1 - t0) / 1e6;
  /* The machine may be shared: CPU time says what one core does. */
  cpu = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6 +
        (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;

  printf ("{\"bench\": \"extract\", \"docs\": %u, \"bytes\": %" G_GUINT64_FORMAT
          ", \"seconds\": %.3f, \"mb_per_s\": %.2f, \"docs_per_s\": %.1f, \"events\": %"
          G_GUINT64_FORMAT ", \"claims\": %" G_GUINT64_FORMAT ", \"failed\": %" G_GUINT64_FORMAT
          ", \"setup_seconds\": %.3f, \"cpu_seconds\": %.3f, \"mb_per_cpu_s\": %.2f, "
          "\"units\": \"MB = 10^6 bytes; seconds, mb_per_s, docs_per_s: wall clock of the one "
          "extracting thread, files read beforehand, set-up excluded; cpu_seconds, mb_per_cpu_s: "
          "its user + system CPU time\"}\n",
          texts->len, bytes, seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0,
          seconds > 0 ? texts->len / seconds : 0.0, events, claims, failed, (g1 - g0) / 1e6, cpu,
          cpu > 0 ? bytes / 1e6 / cpu : 0.0);
  return 0;
}
