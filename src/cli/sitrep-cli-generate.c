/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-generate.c: `sitrep-cli generate`: a synthetic collection, or one from a fixture. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "sitrep-cli-private.h"
#include "sitrep-db.h"
#include "sitrep-generate.h"

static void
remove_with_companions (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

int
sitrep_cli_generate (int    argc,
                     char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_auto (GStrv) files = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *part = NULL;
  gint64 n_events = -1;
  gint64 seed = 1;
  gboolean no_search = FALSE;
  gboolean force = FALSE;
  guint written = 0;
  gint64 t0;
  const GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT64, &n_events, N_("Make N synthetic events"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the synthetic events (default 1)"),
      N_("S") },
    { "no-search-index", 0, 0, G_OPTION_ARG_NONE, &no_search,
      N_("Do not fill the full-text index (synthetic events only; faster)"), NULL },
    { "fixture", 'f', 0, G_OPTION_ARG_FILENAME, &fixture,
      N_("Build the collection from a text fixture"), N_("FIXTURE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — write a new collection"));
  g_option_context_set_description (context,
                                    _("Either --events N for synthetic events spread over "
                                      "Ukraine from 2022-02-24 to 2025-02-23, or --fixture "
                                      "FIXTURE for a collection built from a text fixture."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1 || (fixture == NULL) == (n_events < 0))
    {
      sitrep_cli_error ("%s", _("generate takes either --events N or --fixture FIXTURE, and "
                                "exactly one FILE"));
      return 2;
    }
  if (n_events > G_MAXINT32 || seed < 0 || seed > G_MAXUINT32)
    {
      sitrep_cli_error ("%s", _("--events and --seed must be between 0 and 2147483647"));
      return 2;
    }
  if (g_file_test (files[0], G_FILE_TEST_EXISTS) && !force)
    {
      g_autofree char *name = g_filename_display_name (files[0]);
      sitrep_cli_error (_("“%s” exists; add --force to replace it"), name);
      return 1;
    }

  /* Written beside the target and renamed at the end: FILE is whole or untouched. */
  part = g_strconcat (files[0], ".part", NULL);
  remove_with_companions (part);
  t0 = g_get_monotonic_time ();
  db = sitrep_db_open (part, SITREP_DB_OPEN_CREATE, &error);
  if (db == NULL)
    goto fail;

  /* A new file that is thrown away on failure needs no journal: writing a million events
   * through the WAL would write every page twice. */
  sqlite3_exec (sitrep_db_get_handle (db), "PRAGMA journal_mode = OFF", NULL, NULL, NULL);

  if (fixture != NULL)
    {
      if (!sitrep_generate_from_fixture (db, fixture, &written, &error))
        goto fail;
    }
  else
    {
      if (!sitrep_generate_synthetic (db, (guint) n_events, (guint32) seed, !no_search, NULL,
                                      NULL, &error))
        goto fail;
      written = (guint) n_events;
    }

  /* A self-contained file: no -wal beside it, readable from a read-only folder. */
  if (sqlite3_exec (sitrep_db_get_handle (db), "PRAGMA journal_mode = DELETE", NULL, NULL,
                    NULL) != SQLITE_OK)
    {
      g_set_error (&error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED, "%s",
                   sqlite3_errmsg (sitrep_db_get_handle (db)));
      goto fail;
    }
  g_clear_object (&db);

  remove_with_companions (files[0]);
  if (g_rename (part, files[0]) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (files[0]);
      sitrep_cli_error (_("Could not write “%s”: %s"), name, g_strerror (saved));
      remove_with_companions (part);
      return 1;
    }
  {
    g_autofree char *name = g_filename_display_name (files[0]);
    printf (_("Wrote %u events to %s in %.1f s\n"), written, name,
            (g_get_monotonic_time () - t0) / 1e6);
  }
  return 0;

fail:
  sitrep_cli_error ("%s", error->message);
  g_clear_object (&db);
  remove_with_companions (part);
  return 1;
}
