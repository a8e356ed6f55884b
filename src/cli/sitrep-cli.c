/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli.c: sitrep-cli's entry point: find the subcommand and run it. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"

static const SitrepCliEntry commands[] = {
  { "info", N_("Print a collection's schema version, counts and date range"),
    sitrep_cli_info },
  { "generate", N_("Write a synthetic collection, or one from a text fixture"),
    sitrep_cli_generate },
  { "bench", N_("Run a benchmark and print its figures as JSON"), sitrep_cli_bench },
  { "gazetteer", N_("Look up place names, or list the places a text names"),
    sitrep_cli_gazetteer },
  { "extract", N_("Find events, places, dates and claims in articles"), sitrep_cli_extract },
  { "import", N_("Import ACLED CSV or GeoJSON into a collection"), sitrep_cli_import },
  { "export", N_("Export events as ACLED CSV, GeoJSON or JSON Lines"), sitrep_cli_export },
  { "snapshot", N_("Render the map of a collection to a PNG image"), sitrep_cli_snapshot },
  { "show", N_("Print one event, its verdict and its claims"), sitrep_cli_show },
  { "rate", N_("Grade an outlet, a speaker or a claim; list or undo grades"), sitrep_cli_rate },
  { NULL, NULL, NULL },
};

void
sitrep_cli_error (const char *format,
                  ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("sitrep-cli: %s\n", message);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: sitrep-cli COMMAND [OPTION…] [ARG…]"), _("Commands:"));
  for (const SitrepCliEntry *e = commands; e->name != NULL; e++)
    fprintf (out, "  %-10s %s\n", e->name, _(e->summary));
  fprintf (out, "\n%s\n", _("Run “sitrep-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("sitrep-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (const SitrepCliEntry *e = commands; e->name != NULL; e++)
    if (strcmp (argv[1], e->name) == 0)
      return e->run (argc - 1, argv + 1);

  sitrep_cli_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return 2;
}
