/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-private.h: what the subcommands of sitrep-cli share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A subcommand gets argv with argv[0] = its own name ("info"), parses its options with
 * GOptionContext, prints results to stdout and errors (with file names) to stderr, and
 * returns the process exit status: 0 success, 1 a bad input, 2 wrong usage. */
typedef int (*SitrepCliCommand) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;     /* one line, for `sitrep-cli --help` */
  SitrepCliCommand run;
} SitrepCliEntry;

/* Prints "sitrep-cli: MESSAGE" to stderr. */
void sitrep_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Subcommands, each in its own file: sitrep-cli-NAME.c */
int sitrep_cli_info (int argc, char **argv);
int sitrep_cli_generate (int argc, char **argv);

/* Benchmarks: `sitrep-cli bench NAME …`, each in sitrep-cli-bench-NAME.c, printing JSON. */
int sitrep_cli_bench (int argc, char **argv);
int sitrep_cli_bench_store (int argc, char **argv);
int sitrep_cli_bench_render (int argc, char **argv);

/* sitrep-cli-gazetteer.c: `gazetteer lookup|scan|normalize`, and `bench gazetteer`. */
int sitrep_cli_gazetteer (int argc, char **argv);
int sitrep_cli_bench_gazetteer (int argc, char **argv);
int sitrep_cli_extract (int argc, char **argv);
int sitrep_cli_bench_extract (int argc, char **argv);

/* sitrep-cli-import.c, sitrep-cli-export.c, sitrep-cli-bench-import.c (ACLED, GeoJSON). */
int sitrep_cli_import (int argc, char **argv);
int sitrep_cli_export (int argc, char **argv);
int sitrep_cli_bench_import (int argc, char **argv);

/* sitrep-cli-snapshot.c: the map to a PNG; sitrep-cli-bench-basemap.c: `bench basemap`. */
int sitrep_cli_snapshot (int argc, char **argv);
int sitrep_cli_bench_basemap (int argc, char **argv);

/* sitrep-cli-show.c: one event with its verdict, figures, claims and ratings. */
int sitrep_cli_show (int argc, char **argv);
/* sitrep-cli-rate.c: add, list and remove analyst's ratings. */
int sitrep_cli_rate (int argc, char **argv);

G_END_DECLS
