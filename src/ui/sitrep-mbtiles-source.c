/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-mbtiles-source.c: a ShumateDataSource reading raster tiles from a user's MBTiles file. */
#define G_LOG_DOMAIN "sitrep-mbtiles"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-basemap.h"
#include "sitrep-mbtiles-source.h"

G_DEFINE_QUARK (sitrep-mbtiles-error-quark, sitrep_mbtiles_error)

struct _SitrepMbtilesSource
{
  ShumateDataSource parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *select;
  GMutex lock;               /* guards db and select: tiles are read on worker threads */

  char *format;
  char *name;
  char *attribution;
  int min_zoom;
  int max_zoom;
  double bounds[4];          /* west, south, east, north */
};

G_DEFINE_FINAL_TYPE (SitrepMbtilesSource, sitrep_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

static void
sitrep_mbtiles_source_finalize (GObject *object)
{
  SitrepMbtilesSource *self = SITREP_MBTILES_SOURCE (object);

  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->format);
  g_free (self->name);
  g_free (self->attribution);
  G_OBJECT_CLASS (sitrep_mbtiles_source_parent_class)->finalize (object);
}

static GBytes *
read_tile (SitrepMbtilesSource  *self,
           int                   x,
           int                   y,
           int                   zoom,
           GError              **error)
{
  GBytes *bytes = NULL;
  double west, north, east, south;
  int rc;

  if (zoom < self->min_zoom || zoom > self->max_zoom)
    {
      g_set_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE,
                   _("“%s” has no tiles at zoom %d (only %d to %d)."),
                   self->path, zoom, self->min_zoom, self->max_zoom);
      return NULL;
    }
  /* Only tiles a map can ask for: the file's zooms come from its metadata, anything. */
  if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= (1 << zoom) || y >= (1 << zoom))
    {
      g_set_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE,
                   _("“%s” has no tile %d/%d/%d."), self->path, zoom, x, y);
      return NULL;
    }
  /* The tile's corners against the file's bounds. */
  sitrep_basemap_world_to_latlon (x * 256.0, y * 256.0, zoom, &north, &west);
  sitrep_basemap_world_to_latlon ((x + 1) * 256.0, (y + 1) * 256.0, zoom, &south, &east);
  if (east < self->bounds[0] || west > self->bounds[2] || north < self->bounds[1] || south > self->bounds[3])
    {
      g_set_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE,
                   _("Tile %d/%d/%d is outside the bounds of “%s”."), zoom, x, y, self->path);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  sqlite3_reset (self->select);
  sqlite3_bind_int (self->select, 1, zoom);
  sqlite3_bind_int (self->select, 2, x);
  sqlite3_bind_int (self->select, 3, sitrep_basemap_tms_flip (y, zoom));
  rc = sqlite3_step (self->select);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->select, 0), sqlite3_column_bytes (self->select, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_NO_TILE,
                 _("“%s” has no tile %d/%d/%d."), self->path, zoom, x, y);
  else
    g_set_error (error, SITREP_MBTILES_ERROR, SITREP_MBTILES_ERROR_INVALID,
                 _("Could not read tile %d/%d/%d from “%s”: %s"), zoom, x, y, self->path,
                 sqlite3_errmsg (self->db));
  sqlite3_reset (self->select);
  g_mutex_unlock (&self->lock);
  return bytes;
}

GBytes *
sitrep_mbtiles_source_get_tile (SitrepMbtilesSource  *self,
                                int                   x,
                                int                   y,
                                int                   zoom,
                                GError              **error)
{
  g_return_val_if_fail (SITREP_IS_MBTILES_SOURCE (self), NULL);
  return read_tile (self, x, y, zoom, error);
}

typedef struct
{
  int x, y, zoom;
} TileRequest;

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TileRequest *req = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = read_tile (source, req->x, req->y, req->zoom, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  TileRequest *req = g_task_get_task_data (outer);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* libshumate 1.0.3 draws the tile from this signal: emit it before completing. */
  g_signal_emit_by_name (source, "received-data", req->x, req->y, req->zoom, bytes);
  g_task_return_pointer (outer, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sitrep_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                           int                  x,
                                           int                  y,
                                           int                  zoom,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  TileRequest *req = g_new (TileRequest, 1);

  g_task_set_source_tag (outer, sitrep_mbtiles_source_get_tile_data_async);
  req->x = x;
  req->y = y;
  req->zoom = zoom;
  g_task_set_task_data (outer, req, g_free);
  inner = g_task_new (source, cancellable, read_done, g_object_ref (outer));
  g_task_set_source_tag (inner, sitrep_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (inner, req, NULL);
  g_task_run_in_thread (inner, read_thread);
}

static GBytes *
sitrep_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sitrep_mbtiles_source_class_init (SitrepMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sitrep_mbtiles_source_finalize;
  source_class->get_tile_data_async = sitrep_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = sitrep_mbtiles_source_get_tile_data_finish;
}

static void
sitrep_mbtiles_source_init (SitrepMbtilesSource *self)
{
  g_mutex_init (&self->lock);
  self->min_zoom = 0;
  self->max_zoom = 22;
  self->bounds[0] = -180;
  self->bounds[1] = -85.0511;
  self->bounds[2] = 180;
  self->bounds[3] = 85.0511;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
fail (SitrepMbtilesSource  *self,
      GError              **error,
      int                   code,
      const char           *why)
{
  g_set_error (error, SITREP_MBTILES_ERROR, code,
               _("“%s” cannot be used as a basemap: %s"), self->path, why);
  return FALSE;
}

static gboolean
load (SitrepMbtilesSource  *self,
      GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean has_tiles = FALSE, has_zooms = FALSE;
  int rc;

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return fail (self, error, SITREP_MBTILES_ERROR_NOT_FOUND, _("the file does not exist."));

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return fail (self, error, SITREP_MBTILES_ERROR_INVALID, sqlite3_errstr (rc));

  /* Opening is lazy: the first statement tells whether this is SQLite at all. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT 1 FROM sqlite_master WHERE name = 'tiles' AND type IN ('table', 'view')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      has_tiles = rc == SQLITE_ROW;
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    return fail (self, error, SITREP_MBTILES_ERROR_INVALID, _("it is not an SQLite database."));
  if (rc != SQLITE_OK)
    return fail (self, error, SITREP_MBTILES_ERROR_INVALID, sqlite3_errmsg (self->db));
  if (!has_tiles)
    return fail (self, error, SITREP_MBTILES_ERROR_INVALID, _("it has no “tiles” table."));

  /* The metadata table is optional in practice; its values are text. */
  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          const char *value = (const char *) sqlite3_column_text (stmt, 1);

          if (key == NULL || value == NULL)
            continue;
          if (strcmp (key, "format") == 0)
            replace_str (&self->format, value);
          else if (strcmp (key, "name") == 0)
            replace_str (&self->name, value);
          else if (strcmp (key, "attribution") == 0)
            replace_str (&self->attribution, value);
          else if (strcmp (key, "minzoom") == 0)
            self->min_zoom = atoi (value), has_zooms = TRUE;
          else if (strcmp (key, "maxzoom") == 0)
            self->max_zoom = atoi (value), has_zooms = TRUE;
          else if (strcmp (key, "bounds") == 0)
            {
              g_auto(GStrv) parts = g_strsplit (value, ",", 4);

              if (g_strv_length (parts) == 4)
                for (int i = 0; i < 4; i++)
                  self->bounds[i] = g_ascii_strtod (parts[i], NULL);
            }
        }
    }
  sqlite3_finalize (stmt);

  if (self->format != NULL && (strcmp (self->format, "pbf") == 0 || strcmp (self->format, "mvt") == 0))
    return fail (self, error, SITREP_MBTILES_ERROR_VECTOR,
                 _("it holds vector tiles (pbf), and Sitrep can only show raster tiles (PNG, JPEG, WebP)."));
  if (self->format != NULL && strcmp (self->format, "png") != 0 && strcmp (self->format, "jpg") != 0
      && strcmp (self->format, "jpeg") != 0 && strcmp (self->format, "webp") != 0)
    {
      g_autofree char *why = g_strdup_printf (_("its tiles are in the unknown format “%s”."), self->format);

      return fail (self, error, SITREP_MBTILES_ERROR_INVALID, why);
    }

  if (!has_zooms
      && sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          self->min_zoom = sqlite3_column_int (stmt, 0);
          self->max_zoom = sqlite3_column_int (stmt, 1);
        }
      sqlite3_finalize (stmt);
    }

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                          -1, &self->select, NULL) != SQLITE_OK)
    {
      g_autofree char *why = g_strdup_printf (_("its “tiles” table lacks the MBTiles columns (%s)."),
                                              sqlite3_errmsg (self->db));

      return fail (self, error, SITREP_MBTILES_ERROR_INVALID, why);
    }
  return TRUE;
}

SitrepMbtilesSource *
sitrep_mbtiles_source_new (const char  *path,
                           GError     **error)
{
  g_autoptr(SitrepMbtilesSource) self = g_object_new (SITREP_TYPE_MBTILES_SOURCE, NULL);

  self->path = g_strdup (path);
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

int
sitrep_mbtiles_source_get_min_zoom (SitrepMbtilesSource *self)
{
  return self->min_zoom;
}

int
sitrep_mbtiles_source_get_max_zoom (SitrepMbtilesSource *self)
{
  return self->max_zoom;
}

const char *
sitrep_mbtiles_source_get_format (SitrepMbtilesSource *self)
{
  return self->format;
}

const char *
sitrep_mbtiles_source_get_name (SitrepMbtilesSource *self)
{
  return self->name;
}

const char *
sitrep_mbtiles_source_get_attribution (SitrepMbtilesSource *self)
{
  return self->attribution;
}

void
sitrep_mbtiles_source_get_bounds (SitrepMbtilesSource *self,
                                  double              *west,
                                  double              *south,
                                  double              *east,
                                  double              *north)
{
  *west = self->bounds[0];
  *south = self->bounds[1];
  *east = self->bounds[2];
  *north = self->bounds[3];
}

ShumateMapSource *
sitrep_mbtiles_source_new_map_source (SitrepMbtilesSource *self)
{
  g_autofree char *id = g_strdup_printf ("sitrep-mbtiles:%s", self->path);

  /* Zooms outside the file's range are left to the offline basemap underneath. */
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id,
                                                               self->name ? self->name : self->path,
                                                               self->attribution ? self->attribution : "",
                                                               NULL, 0, 18, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (self)));
}
