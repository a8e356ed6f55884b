/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-merge.c: one document's events into a collection, merged with the events already
 * there. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sitrep-merge.h"

/* Where an event with no place at all is stored: the geographic centre of Ukraine, at
 * precision 3 (the schema wants coordinates; the map shows it as "somewhere in Ukraine"). */
#define NOWHERE_LAT 48.38
#define NOWHERE_LON 31.17

static gboolean
set_sql_error (SitrepDb  *db,
               GError   **error)
{
  g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED, _("%s: %s"),
               sitrep_db_get_path (db), sqlite3_errmsg (sitrep_db_get_handle (db)));
  return FALSE;
}

static double
distance_km (double lat1,
             double lon1,
             double lat2,
             double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double h = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);
  return 2 * 6371.0 * asin (MIN (1.0, sqrt (h)));
}

static gboolean
kinds_merge (SitrepEventKind a,
             SitrepEventKind b)
{
  gboolean a_remote = a >= SITREP_KIND_SHELLING && a <= SITREP_KIND_STRIKE;
  gboolean b_remote = b >= SITREP_KIND_SHELLING && b <= SITREP_KIND_STRIKE;
  if (a == b)
    return TRUE;
  return (a == SITREP_KIND_STRIKE && b_remote) || (b == SITREP_KIND_STRIKE && a_remote);
}

/* The stored event this one is, or 0. */
static gint64
find_match (SitrepDb     *db,
            SitrepEvent  *ev,
            GError      **error)
{
  sqlite3 *h = sitrep_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gint64 found = 0;
  int rc;

  rc = sqlite3_prepare_v2 (h,
                           "SELECT e.id, e.kind, e.lat, e.lon, e.geo_precision, e.admin1, "
                           "       e.start_time, e.end_time, p.gazetteer_id "
                           "FROM events e LEFT JOIN places p ON p.id = e.place_id "
                           "WHERE e.start_time < ?2 AND e.end_time > ?1 AND e.external_id IS NULL "
                           "ORDER BY e.id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sql_error (db, error), -1;
  sqlite3_bind_int64 (stmt, 1, ev->start);
  sqlite3_bind_int64 (stmt, 2, ev->end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && found == 0)
    {
      SitrepEventKind kind = sqlite3_column_int (stmt, 1);
      double lat = sqlite3_column_double (stmt, 2), lon = sqlite3_column_double (stmt, 3);
      int precision = sqlite3_column_int (stmt, 4);
      const char *admin1 = (const char *) sqlite3_column_text (stmt, 5);
      const char *gid = (const char *) sqlite3_column_text (stmt, 8);

      if (!kinds_merge (kind, ev->kind))
        continue;
      if (ev->geo_precision == SITREP_GEO_PRECISION_REGION || precision == SITREP_GEO_PRECISION_REGION)
        {
          /* (precision is the stored event's) */
          /* Region-level events (a front-wide casualty claim) are the same only with the
           * same region and the very same days. */
          if ((int) ev->geo_precision == precision && g_strcmp0 (admin1, ev->admin1) == 0 &&
              sqlite3_column_int64 (stmt, 6) == ev->start && sqlite3_column_int64 (stmt, 7) == ev->end)
            found = sqlite3_column_int64 (stmt, 0);
          continue;
        }
      if ((gid != NULL && ev->place != NULL && g_strcmp0 (gid, ev->place->gazetteer_id) == 0) ||
          distance_km (lat, lon, ev->lat, ev->lon) <= SITREP_MERGE_MAX_KM)
        found = sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      found = -1;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* TRUE when a figure of this kind with another value is stored for the event. */
static gboolean
figure_differs (SitrepDb           *db,
                gint64              event_id,
                const SitrepFigure *f,
                gboolean           *differs,
                GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                               "SELECT 1 FROM figures WHERE event_id = ?1 AND kind = ?2 AND value <> ?3",
                               -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, sitrep_figure_kind_to_string (f->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, f->value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sql_error (db, error);
  *differs = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
exec_bound (SitrepDb    *db,
            const char  *sql,
            gint64       id,
            const char  *text,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (sitrep_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (db, error);
  return TRUE;
}

static gboolean
merge_into (SitrepDb          *db,
            gint64             event_id,
            SitrepEvent       *ev,
            SitrepMergeStats  *stats,
            GError           **error)
{
  gboolean disputed = ev->disputed;

  for (guint c = 0; c < ev->claims->len; c++)
    {
      SitrepClaim *claim = g_ptr_array_index (ev->claims, c);
      g_autoptr (GArray) figures = g_array_new (FALSE, TRUE, sizeof (SitrepFigure));

      for (guint i = 0; i < ev->figures->len; i++)
        {
          SitrepFigure f = g_array_index (ev->figures, SitrepFigure, i);
          gboolean differs = FALSE;
          if (f.claim_index != (int) c)
            continue;
          if (!figure_differs (db, event_id, &f, &differs, error))
            return FALSE;
          disputed |= differs;
          /* f.qualifier is borrowed: this array has no clear function */
          g_array_append_val (figures, f);
        }
      if (sitrep_db_add_claim (db, event_id, claim, figures, error) == 0)
        return FALSE;
    }
  for (guint w = 0; w < ev->weapons->len; w++)
    if (!exec_bound (db, "INSERT OR IGNORE INTO weapons (event_id, name) VALUES (?1, ?2)", event_id,
                     g_ptr_array_index (ev->weapons, w), error))
      return FALSE;
  if (disputed)
    {
      if (!exec_bound (db, "UPDATE events SET disputed = 1 WHERE id = ?1", event_id, NULL, error))
        return FALSE;
      stats->disputed++;
    }
  stats->merged++;
  return TRUE;
}

gboolean
sitrep_merge_document (SitrepDb          *db,
                       SitrepDocument    *document,
                       const char        *published_source,
                       GPtrArray         *events,
                       SitrepMergeStats  *stats,
                       GError           **error)
{
  SitrepMergeStats local = { 0 };
  gboolean existed = FALSE;

  g_return_val_if_fail (SITREP_IS_DB (db), FALSE);
  g_return_val_if_fail (SITREP_IS_DOCUMENT (document), FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);

  if (!sitrep_db_begin (db, error))
    return FALSE;
  if (sitrep_db_insert_document (db, document, &existed, error) == 0)
    goto fail;
  if (existed)
    {
      stats->existed = TRUE;
      sitrep_db_rollback (db);
      return TRUE;
    }
  if (published_source != NULL &&
      !exec_bound (db, "UPDATE documents SET published_source = ?2 WHERE id = ?1", document->id,
                   published_source, error))
    goto fail;

  for (guint i = 0; i < events->len; i++)
    {
      SitrepEvent *ev = g_ptr_array_index (events, i);
      gint64 match;

      for (guint c = 0; c < ev->claims->len; c++)
        {
          SitrepClaim *claim = g_ptr_array_index (ev->claims, c);
          claim->document_id = document->id;
        }
      if (ev->lat == 0 && ev->lon == 0)
        {
          ev->lat = NOWHERE_LAT;
          ev->lon = NOWHERE_LON;
          ev->geo_precision = SITREP_GEO_PRECISION_REGION;
        }
      match = find_match (db, ev, error);
      if (match < 0)
        goto fail;
      if (match > 0)
        {
          if (!merge_into (db, match, ev, stats, error))
            goto fail;
          continue;
        }
      if (sitrep_db_insert_event (db, ev, error) == 0)
        goto fail;
      stats->inserted++;
    }

  if (!sitrep_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  sitrep_db_rollback (db);
  return FALSE;
}
