/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-export.c: `sitrep-cli export --format acled|geojson|jsonl FILE.sitrep`. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "sitrep-acled.h"
#include "sitrep-cli-private.h"
#include "sitrep-db.h"
#include "sitrep-export.h"

int
sitrep_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *format_word = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *out_path = NULL;
  g_auto (GStrv) kinds = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_word,
      N_("acled, geojson or jsonl"), N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Only events on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Only events on or before this day"), N_("YYYY-MM-DD") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &kinds,
      N_("Only events of this kind (repeatable): shelling, air_strike, …"), N_("KIND") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE.sitrep — export events as ACLED CSV, GeoJSON or JSON Lines"));
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GFile) out_file = NULL;
  SitrepExportFormat format;
  SitrepExportFilter filter;
  guint64 n = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (argc != 2 || format_word == NULL)
    {
      sitrep_cli_error ("%s", _("usage: sitrep-cli export --format acled|geojson|jsonl "
                                "FILE.sitrep [--from D --to D] [--kind K …] [--out FILE]"));
      return 2;
    }
  if (!sitrep_export_format_from_string (format_word, &format))
    {
      sitrep_cli_error (_("unknown format “%s” (acled, geojson or jsonl)"), format_word);
      return 2;
    }
  sitrep_export_filter_init (&filter);
  if (from != NULL && !sitrep_acled_parse_date (from, &filter.from))
    {
      sitrep_cli_error (_("--from: “%s” is not a date (YYYY-MM-DD)"), from);
      return 2;
    }
  if (to != NULL)
    {
      if (!sitrep_acled_parse_date (to, &filter.to))
        {
          sitrep_cli_error (_("--to: “%s” is not a date (YYYY-MM-DD)"), to);
          return 2;
        }
      filter.to += 86400; /* the whole day */
    }
  for (int i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      SitrepEventKind kind;
      if (!sitrep_event_kind_from_string (kinds[i], &kind))
        {
          sitrep_cli_error (_("--kind: unknown kind “%s”"), kinds[i]);
          return 2;
        }
      filter.kinds |= 1u << kind;
    }

  db = sitrep_db_open (argv[1], SITREP_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  if (out_path != NULL)
    {
      out_file = g_file_new_for_commandline_arg (out_path);
      out = G_OUTPUT_STREAM (g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                             &error));
      if (out == NULL)
        {
          sitrep_cli_error ("%s: %s", out_path, error->message);
          return 1;
        }
    }
  else
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (!sitrep_export (db, format, &filter, out, &n, NULL, &error))
    {
      sitrep_cli_error ("%s", error->message);
      /* A file written in part is not left behind looking complete. */
      if (out_file != NULL)
        {
          g_output_stream_close (out, NULL, NULL);
          g_file_delete (out_file, NULL, NULL);
        }
      return 1;
    }
  if (!g_output_stream_close (out, NULL, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  if (out_path != NULL)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " event exported to %s\n",
                             "%" PRIu64 " events exported to %s\n", n),
                n, out_path);
  return 0;
}
