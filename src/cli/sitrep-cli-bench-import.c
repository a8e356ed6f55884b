/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench-import.c: `sitrep-cli bench import FILE.csv`: ACLED import speed. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "sitrep-acled.h"
#include "sitrep-cli-private.h"
#include "sitrep-db.h"

int
sitrep_cli_bench_import (int    argc,
                         char **argv)
{
  g_autofree char *db_path = NULL;
  int batch = 0;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Import into this new collection (default: a temporary file, removed after)"),
      N_("FILE.sitrep") },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, N_("Rows per transaction"), N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE.csv — time an ACLED CSV import into a new collection"));
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree char *tmpdir = NULL;
  SitrepImportOptions options = { 0, };
  SitrepImportStats stats;
  struct rusage usage;
  gint64 t0, t1;
  double seconds;
  guint64 rows;
  char rate[G_ASCII_DTOSTR_BUF_SIZE], secs[G_ASCII_DTOSTR_BUF_SIZE];
  char cpu[G_ASCII_DTOSTR_BUF_SIZE];
  double cpu_seconds;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (argc != 2 || batch < 0)
    {
      sitrep_cli_error ("%s", _("usage: sitrep-cli bench import FILE.csv [--db FILE.sitrep]"));
      return 2;
    }
  if (db_path == NULL)
    {
      tmpdir = g_dir_make_tmp ("sitrep-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          sitrep_cli_error ("%s", error->message);
          return 1;
        }
      db_path = g_build_filename (tmpdir, "bench.sitrep", NULL);
    }
  else if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      sitrep_cli_error (_("%s exists: the benchmark imports into a new collection"), db_path);
      return 2;
    }

  db = sitrep_db_open (db_path, SITREP_DB_OPEN_CREATE, &error);
  if (db == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      sitrep_cli_error ("%s: %s", argv[1], error->message);
      return 1;
    }
  options.batch_size = batch;

  t0 = g_get_monotonic_time ();
  if (!sitrep_acled_import (db, G_INPUT_STREAM (stream), argv[1], &options, &stats, NULL,
                            &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  t1 = g_get_monotonic_time ();
  g_clear_object (&db);

  /* CPU time of both threads as well as the wall time: on a shared machine the wall
   * time says as much about the neighbours as about the import. */
  getrusage (RUSAGE_SELF, &usage);
  cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  rows = stats.added + stats.updated + stats.unchanged + stats.skipped;
  seconds = (t1 - t0) / 1e6;
  printf ("{\"rows\":%" G_GUINT64_FORMAT ",\"events\":%" G_GUINT64_FORMAT
          ",\"skipped\":%" G_GUINT64_FORMAT ",\"seconds\":%s,\"rows_per_s\":%s,"
          "\"cpu_seconds\":%s,\"peak_rss_mb\":%ld}\n",
          rows, stats.added + stats.updated, stats.skipped,
          g_ascii_formatd (secs, sizeof secs, "%.3f", seconds),
          g_ascii_formatd (rate, sizeof rate, "%.0f", seconds > 0 ? rows / seconds : 0.0),
          g_ascii_formatd (cpu, sizeof cpu, "%.3f", cpu_seconds),
          usage.ru_maxrss / 1024);

  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (db_path);
      g_rmdir (tmpdir);
    }
  return 0;
}
