/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-mbtiles.c: libFuzzer target for the MBTiles basemap reader: a mutated SQLite file
 * written to a temporary path, opened, its metadata read and a few tiles fetched. */
#define G_LOG_DOMAIN "sitrep-fuzz"

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sitrep-mbtiles-source.h"

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

static void
fetch (SitrepMbtilesSource *source,
       int                  x,
       int                  y,
       int                  zoom)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) tile = sitrep_mbtiles_source_get_tile (source, x, y, zoom, &error);

  g_assert ((tile != NULL) != (error != NULL));
  if (error != NULL)
    g_assert (error->message != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (SitrepMbtilesSource) source = NULL;
  g_autoptr (GError) error = NULL;
  double w, s, e, n;
  int min_zoom, max_zoom;

  if (path == NULL)
    path = g_strdup_printf ("%s/sitrep-fuzz-%d.mbtiles", g_get_tmp_dir (), (int) getpid ());
  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();

  source = sitrep_mbtiles_source_new (path, &error);
  if (source == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      remove_files ();
      return 0;
    }
  g_assert (error == NULL);

  /* Metadata: whatever the file says, reading it must be safe. */
  (void) sitrep_mbtiles_source_get_format (source);
  (void) sitrep_mbtiles_source_get_name (source);
  (void) sitrep_mbtiles_source_get_attribution (source);
  sitrep_mbtiles_source_get_bounds (source, &w, &s, &e, &n);
  min_zoom = sitrep_mbtiles_source_get_min_zoom (source);
  max_zoom = sitrep_mbtiles_source_get_max_zoom (source);

  /* The tiles the seeds hold (Kupiansk at zoom 9 and 11), the world tile, the file's
   * own zoom range and coordinates no map would ask for. */
  fetch (source, 309, 174, 9);
  fetch (source, 309, 175, 9);
  fetch (source, 1237, 697, 11);
  fetch (source, 0, 0, 0);
  fetch (source, 0, 0, min_zoom);
  fetch (source, 1, 1, max_zoom);
  fetch (source, -1, -1, 9);
  fetch (source, G_MAXINT, G_MAXINT, 30);

  remove_files ();
  return 0;
}
