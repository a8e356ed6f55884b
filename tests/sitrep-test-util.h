/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-test-util.h: small helpers the tests share: a temporary home, file paths, checksums. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls g_test_init(), then makes a fresh temporary directory, sets XDG_DATA_HOME (and
 * XDG_CONFIG_HOME, XDG_CACHE_HOME) inside it and removes it at exit. */
void   sitrep_test_init          (int    *argc,
                                  char ***argv);
/* The temporary directory made by sitrep_test_init(). */
const char *sitrep_test_get_tmpdir (void);
/* A path inside the temporary directory that does not exist yet, "NAME-N.EXT". */
char  *sitrep_test_tmp_path      (const char *name);
/* The sha256 of a file's bytes, lowercase hex; aborts the test if it cannot be read. */
char  *sitrep_test_file_sha256   (const char *path);
/* Writes contents to path; aborts the test on failure. */
void   sitrep_test_write_file    (const char *path,
                                  const char *contents,
                                  gssize      length);
/* The source and build directories of tests/ (from SITREP_TEST_SRCDIR/BUILDDIR). */
const char *sitrep_test_srcdir   (void);
const char *sitrep_test_builddir (void);

/* sitrep-cli (from SITREP_CLI) run with arguments up to NULL: its exit status and output,
 * logged with g_test_message (); aborts the test if it cannot run or does not exit. */
typedef struct
{
  int status;
  char *out;
  char *err;
} SitrepTestRun;

void   sitrep_test_run_clear     (SitrepTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SitrepTestRun, sitrep_test_run_clear)

void   sitrep_test_run_cli       (SitrepTestRun *run,
                                  const char    *first,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
