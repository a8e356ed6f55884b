/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-import.c: `sitrep-cli import FILE --db FILE.sitrep`: ACLED CSV or GeoJSON in. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sitrep-acled.h"
#include "sitrep-cli-private.h"
#include "sitrep-db.h"
#include "sitrep-geojson.h"

static void
print_skipped (const char *message,
               gpointer    user_data)
{
  g_printerr ("%s\n", message);
}

/* GeoJSON by extension or by a first '{'; ACLED CSV otherwise. */
static gboolean
looks_like_geojson (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json");
}

int
sitrep_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *format = NULL;
  int batch = 0;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The collection to import into (created when missing)"), N_("FILE.sitrep") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("acled or geojson (default: from the file name)"), N_("FORMAT") },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, N_("Rows per transaction (default 10000)"),
      N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not list skipped rows"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE… — import ACLED CSV or GeoJSON"));
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (argc < 2 || db_path == NULL || batch < 0)
    {
      sitrep_cli_error ("%s", _("usage: sitrep-cli import FILE… --db FILE.sitrep"));
      return 2;
    }
  if (format != NULL && g_strcmp0 (format, "acled") != 0 && g_strcmp0 (format, "geojson") != 0)
    {
      sitrep_cli_error (_("unknown format “%s” (acled or geojson)"), format);
      return 2;
    }

  db = sitrep_db_open (db_path, SITREP_DB_OPEN_CREATE, &error);
  if (db == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr (GFileInputStream) stream = NULL;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *summary = NULL;
      SitrepImportOptions options = { batch, quiet ? NULL : print_skipped, NULL, NULL };
      SitrepImportStats stats = { 0, };
      gboolean geojson = format != NULL ? g_strcmp0 (format, "geojson") == 0
                                        : looks_like_geojson (argv[i]);
      gboolean ok;

      g_clear_error (&error);
      stream = g_file_read (file, NULL, &error);
      if (stream == NULL)
        {
          sitrep_cli_error ("%s: %s", argv[i], error->message);
          status = 1;
          continue;
        }
      if (geojson)
        ok = sitrep_geojson_import (db, G_INPUT_STREAM (stream), name, &options, &stats, NULL,
                                    &error);
      else
        ok = sitrep_acled_import (db, G_INPUT_STREAM (stream), name, &options, &stats, NULL,
                                  &error);
      if (!ok)
        {
          sitrep_cli_error ("%s", error->message);
          status = 1;
        }
      summary = sitrep_import_stats_summary (&stats, geojson);
      printf ("%s: %s\n", name, summary);
    }
  return status;
}
