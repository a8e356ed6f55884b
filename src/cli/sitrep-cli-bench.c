/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench.c: `sitrep-cli bench NAME …`: find the benchmark and run it. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"

/* Each benchmark is sitrep-cli-bench-NAME.c; add yours here. */
static const SitrepCliEntry benches[] = {
  { "store", N_("Load a collection into the event store and query 30-day windows"),
    sitrep_cli_bench_store },
  { "render", N_("Render the map layer and the timeline while sweeping the window (needs a display)"),
    sitrep_cli_bench_render },
  { "gazetteer", N_("Load the gazetteer and scan text files for place names"),
    sitrep_cli_bench_gazetteer },
  { NULL, NULL, NULL },
};

static void
print_benches (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: sitrep-cli bench NAME [OPTION…] [ARG…]"),
           _("Benchmarks (each prints one JSON object):"));
  for (const SitrepCliEntry *e = benches; e->name != NULL; e++)
    fprintf (out, "  %-10s %s\n", e->name, _(e->summary));
}

int
sitrep_cli_bench (int    argc,
                  char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_benches (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  for (const SitrepCliEntry *e = benches; e->name != NULL; e++)
    if (strcmp (argv[1], e->name) == 0)
      return e->run (argc - 1, argv + 1);

  sitrep_cli_error (_("unknown benchmark “%s”"), argv[1]);
  print_benches (stderr);
  return 2;
}
