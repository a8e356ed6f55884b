/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-test-util.c: small helpers the tests share: a temporary home, file paths, checksums. */
#define G_LOG_DOMAIN "sitrep-test"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "sitrep-test-util.h"

static char *tmpdir;
static guint counter;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
cleanup_tmpdir (void)
{
  if (tmpdir != NULL && g_getenv ("SITREP_TEST_KEEP_TMP") == NULL)
    remove_tree (tmpdir);
}

void
sitrep_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  g_test_init (argc, argv, NULL);

  tmpdir = g_dir_make_tmp ("sitrep-test-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (tmpdir, "data", NULL);
  config = g_build_filename (tmpdir, "config", NULL);
  cache = g_build_filename (tmpdir, "cache", NULL);
  g_mkdir (data, 0700);
  g_mkdir (config, 0700);
  g_mkdir (cache, 0700);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  atexit (cleanup_tmpdir);
}

const char *
sitrep_test_get_tmpdir (void)
{
  g_assert_nonnull (tmpdir);
  return tmpdir;
}

char *
sitrep_test_tmp_path (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);
  g_autofree char *file = g_strdup_printf ("%s-%u%s", stem, ++counter, dot != NULL ? dot : "");

  return g_build_filename (sitrep_test_get_tmpdir (), file, NULL);
}

char *
sitrep_test_file_sha256 (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
sitrep_test_write_file (const char *path,
                        const char *contents,
                        gssize      length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

const char *
sitrep_test_srcdir (void)
{
  const char *dir = g_getenv ("SITREP_TEST_SRCDIR");
  return dir != NULL ? dir : ".";
}

const char *
sitrep_test_builddir (void)
{
  const char *dir = g_getenv ("SITREP_TEST_BUILDDIR");
  return dir != NULL ? dir : ".";
}

void
sitrep_test_run_clear (SitrepTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
sitrep_test_run_cli (SitrepTestRun *run,
                     const char    *first,
                     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("SITREP_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("sitrep-cli %s → %d\n%s%s", first, run->status, run->out, run->err);
}
