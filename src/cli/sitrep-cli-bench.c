/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-bench.c: `sitrep-cli bench NAME …`: find the benchmark and run it. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitrep-cli-private.h"

static const SitrepCliEntry benches[] = {
  { "basemap", N_("Offline tile rendering and label layout"), sitrep_cli_bench_basemap },
  { "gazetteer", N_("Gazetteer load and scan"), sitrep_cli_bench_gazetteer },
  { NULL, NULL, NULL },
};

int
sitrep_cli_bench (int    argc,
                  char **argv)
{
  if (argc >= 2)
    for (const SitrepCliEntry *e = benches; e->name != NULL; e++)
      if (strcmp (argv[1], e->name) == 0)
        return e->run (argc - 1, argv + 1);

  sitrep_cli_error (_("usage: sitrep-cli bench NAME [OPTION…]; NAME is one of:"));
  for (const SitrepCliEntry *e = benches; e->name != NULL; e++)
    g_printerr ("  %-10s %s\n", e->name, _(e->summary));
  return 2;
}
