/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-sitrep-open.c: libFuzzer target for the .sitrep opener: a mutated SQLite file
 * written to a temporary path, opened, read and written. */
#define G_LOG_DOMAIN "sitrep-fuzz"

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sitrep-db.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *path;

static void
remove_files (void)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  for (int mode = 0; mode < 2; mode++)
    {
      g_autoptr (SitrepDb) db = NULL;
      g_autoptr (GError) error = NULL;
      SitrepDbInfo info;

      if (path == NULL)
        path = g_strdup_printf ("%s/sitrep-fuzz-%d.sitrep", g_get_tmp_dir (), (int) getpid ());
      remove_files ();
      if (!g_file_set_contents (path, (const char *) data, size, NULL))
        abort ();

      db = sitrep_db_open (path, mode == 0 ? SITREP_DB_OPEN_READ_ONLY : SITREP_DB_OPEN_DEFAULT,
                           &error);
      if (db == NULL)
        {
          g_assert (error != NULL && error->message != NULL);
          continue;
        }
      if (sitrep_db_get_info (db, &info, NULL))
        for (gint64 id = 1; id <= 4; id++)
          {
            g_autoptr (GError) load_error = NULL;
            g_autoptr (SitrepEvent) event = sitrep_db_load_event (db, id, &load_error);
            g_assert (event != NULL || load_error != NULL);
          }
      if (mode == 1)
        {
          g_autoptr (SitrepEvent) event = sitrep_event_new ();
          g_autoptr (SitrepClaim) claim = sitrep_claim_new ();

          event->summary = g_strdup ("fuzz");
          claim->quote = g_strdup ("fuzz");
          g_ptr_array_add (event->claims, g_object_ref (claim));
          if (sitrep_db_begin (db, NULL))
            {
              if (sitrep_db_insert_event (db, event, NULL) != 0)
                sitrep_db_commit (db, NULL);
              else
                sitrep_db_rollback (db);
            }
        }
    }
  remove_files ();
  return 0;
}
