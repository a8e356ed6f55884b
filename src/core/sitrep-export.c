/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-export.c: a collection's events, filtered, out as ACLED CSV, GeoJSON or JSON Lines. */
#define G_LOG_DOMAIN "sitrep-export"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-acled.h"
#include "sitrep-db-private.h"
#include "sitrep-event-json.h"
#include "sitrep-export.h"
#include "sitrep-geojson.h"

#define FLUSH_BYTES (256 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

gboolean
sitrep_export_format_from_string (const char         *word,
                                  SitrepExportFormat *out)
{
  if (g_strcmp0 (word, "acled") == 0 || g_strcmp0 (word, "csv") == 0)
    *out = SITREP_EXPORT_ACLED;
  else if (g_strcmp0 (word, "geojson") == 0)
    *out = SITREP_EXPORT_GEOJSON;
  else if (g_strcmp0 (word, "jsonl") == 0)
    *out = SITREP_EXPORT_JSONL;
  else
    return FALSE;
  return TRUE;
}

void
sitrep_export_filter_init (SitrepExportFilter *filter)
{
  filter->from = G_MININT64;
  filter->to = G_MAXINT64;
  filter->kinds = 0;
  filter->ids = NULL;
  filter->n_ids = 0;
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static gboolean
flush (GOutputStream *out,
       GString       *buf,
       GCancellable  *cancellable,
       GError       **error)
{
  if (buf->len > 0 &&
      !g_output_stream_write_all (out, buf->str, buf->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buf, 0);
  return TRUE;
}

/* The extra columns of the ACLED export: every key of events.extra that is not one of
 * ACLED's columns nor ours, sorted. */
static GStrv
acled_extra_columns (SitrepDb  *db,
                     GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  rc = sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                           "SELECT DISTINCT j.key FROM events e, json_each(e.extra) j "
                           "WHERE e.extra IS NOT NULL AND json_valid(e.extra) "
                           "AND j.type = 'text' ORDER BY j.key",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sitrep_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gboolean known = FALSE;

      if (key == NULL || *key == '\0' || g_str_has_prefix (key, "sitrep_"))
        continue;
      for (int c = 0; c < SITREP_ACLED_N_COLUMNS && !known; c++)
        known = strcmp (key, sitrep_acled_column_name (c)) == 0;
      if (!known)
        g_ptr_array_add (names, g_strdup (key));
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

gboolean
sitrep_export (SitrepDb                 *db,
               SitrepExportFormat        format,
               const SitrepExportFilter *filter,
               GOutputStream            *out,
               guint64                  *n_events,
               GCancellable             *cancellable,
               GError                  **error)
{
  return sitrep_export_with_progress (db, format, filter, out, n_events, NULL, NULL,
                                      cancellable, error);
}

gboolean
sitrep_export_with_progress (SitrepDb                 *db,
                             SitrepExportFormat        format,
                             const SitrepExportFilter *filter,
                             GOutputStream            *out,
                             guint64                  *n_events,
                             SitrepExportProgressFunc  progress,
                             gpointer                  progress_data,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) buf = g_string_sized_new (FLUSH_BYTES + 65536);
  g_auto (GStrv) extra_columns = NULL;
  SitrepExportFilter all;
  guint64 n = 0;
  int rc;

  if (filter == NULL)
    {
      sitrep_export_filter_init (&all);
      filter = &all;
    }
  if (n_events != NULL)
    *n_events = 0;

  rc = sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                           "SELECT id, kind FROM events WHERE end_time > ?1 AND start_time < ?2 "
                           "ORDER BY start_time, id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sitrep_db_set_sqlite_error (db, rc, error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, filter->from);
  sqlite3_bind_int64 (stmt, 2, filter->to);

  switch (format)
    {
    case SITREP_EXPORT_ACLED:
      if ((extra_columns = acled_extra_columns (db, error)) == NULL)
        return FALSE;
      sitrep_acled_write_header (buf, (const char * const *) extra_columns);
      break;
    case SITREP_EXPORT_GEOJSON:
      sitrep_geojson_write_start (buf);
      break;
    case SITREP_EXPORT_JSONL:
    default:
      break;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (SitrepEvent) event = NULL;
      int kind = sqlite3_column_int (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (filter->kinds != 0 && (kind < 0 || kind >= 32 || !(filter->kinds & (1u << kind))))
        continue;
      if (filter->ids != NULL &&
          bsearch (&id, filter->ids, filter->n_ids, sizeof (gint64), compare_ids) == NULL)
        continue;
      event = sitrep_db_load_event (db, sqlite3_column_int64 (stmt, 0), error);
      if (event == NULL)
        return FALSE;
      switch (format)
        {
        case SITREP_EXPORT_ACLED:
          sitrep_acled_write_row (buf, event, (const char * const *) extra_columns);
          break;
        case SITREP_EXPORT_GEOJSON:
          sitrep_geojson_write_feature (buf, event, n == 0);
          break;
        case SITREP_EXPORT_JSONL:
        default:
          {
            g_autofree char *line = sitrep_event_to_json_line (event);
            g_string_append (buf, line);
            g_string_append_c (buf, '\n');
          }
        }
      n++;
      if (buf->len >= FLUSH_BYTES && !flush (out, buf, cancellable, error))
        return FALSE;
      if (n % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (n, progress_data);
        }
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (db, rc, error);
      return FALSE;
    }
  if (format == SITREP_EXPORT_GEOJSON)
    sitrep_geojson_write_end (buf);
  if (!flush (out, buf, cancellable, error))
    return FALSE;
  if (n_events != NULL)
    *n_events = n;
  return TRUE;
}
