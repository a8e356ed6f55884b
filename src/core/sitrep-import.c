/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-import.c: stores imported events in batches, keyed by external id, updating
 * changed ones: what the ACLED and GeoJSON importers share. */
#define G_LOG_DOMAIN "sitrep-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-db-private.h"
#include "sitrep-import.h"

typedef enum
{
  STMT_FIND_BY_EXTERNAL,
  STMT_FIND_BY_UID,
  STMT_DELETE_EVENT,
  STMT_DELETE_SEARCH,
  STMT_INSERT_SEARCH,
  N_STMTS
} StmtId;

#define FIND_COLUMNS \
  "id, json_extract(extra, '$." SITREP_IMPORT_HASH_KEY "'), json_extract(extra, '$.timestamp')"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_FIND_BY_EXTERNAL] = "SELECT " FIND_COLUMNS " FROM events WHERE external_id = ?1",
  [STMT_FIND_BY_UID] = "SELECT " FIND_COLUMNS " FROM events WHERE uid = ?1",
  [STMT_DELETE_EVENT] = "DELETE FROM events WHERE id = ?1",
  [STMT_DELETE_SEARCH] = "DELETE FROM event_search WHERE rowid = ?1",
  [STMT_INSERT_SEARCH] = "INSERT INTO event_search (rowid, text) VALUES (?1, ?2)",
};

struct _SitrepImporter
{
  SitrepDb *db;
  sqlite3 *handle;
  SitrepImportOptions options;
  SitrepImportStats stats;
  sqlite3_stmt *stmts[N_STMTS];
  gboolean in_batch;
  guint batch_count;
  GString *search_text;
};

SitrepImporter *
sitrep_importer_new (SitrepDb                  *db,
                     const SitrepImportOptions *options)
{
  SitrepImporter *importer = g_new0 (SitrepImporter, 1);

  importer->db = g_object_ref (db);
  importer->handle = sitrep_db_get_handle (db);
  if (options != NULL)
    importer->options = *options;
  if (importer->options.batch_size == 0)
    importer->options.batch_size = SITREP_IMPORT_DEFAULT_BATCH;
  importer->search_text = g_string_sized_new (1024);
  /* The search rows are written here from what the event holds, with a statement
   * prepared once: the generic writer re-reads each event, too slow for bulk imports. */
  sitrep_db_set_index_search (db, FALSE);
  /* A page cache that holds the indexes being filled, and in WAL mode a sync at
   * checkpoints only: a kill still leaves every committed batch (WAL is atomic). */
  sqlite3_exec (importer->handle, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  sqlite3_exec (importer->handle, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  sqlite3_exec (importer->handle, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  return importer;
}

void
sitrep_importer_free (SitrepImporter *importer)
{
  if (importer == NULL)
    return;
  if (importer->in_batch)
    sitrep_importer_abort (importer);
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&importer->stmts[i], sqlite3_finalize);
  sitrep_db_set_index_search (importer->db, TRUE);
  g_object_unref (importer->db);
  g_string_free (importer->search_text, TRUE);
  g_free (importer);
}

const SitrepImportStats *
sitrep_importer_get_stats (SitrepImporter *importer)
{
  return &importer->stats;
}

static sqlite3_stmt *
get_stmt (SitrepImporter *importer,
          StmtId          id,
          GError        **error)
{
  if (importer->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (importer->handle, stmt_sql[id], -1,
                                   SQLITE_PREPARE_PERSISTENT, &importer->stmts[id], NULL);
      if (rc != SQLITE_OK)
        {
          sitrep_db_set_sqlite_error (importer->db, rc, error);
          return NULL;
        }
    }
  else
    {
      sqlite3_reset (importer->stmts[id]);
      sqlite3_clear_bindings (importer->stmts[id]);
    }
  return importer->stmts[id];
}

static gboolean
run (SitrepImporter *importer,
     sqlite3_stmt   *stmt,
     GError        **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sitrep_db_set_sqlite_error (importer->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The value of "key":"…" in a flat JSON object written by our importers; NULL if absent.
 * Only used on extra objects we wrote ourselves, hence no general JSON parse per row. */
static char *
extra_lookup (const char *extra,
              const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":\"", key);
  const char *p, *end;

  if (extra == NULL || (p = strstr (extra, needle)) == NULL)
    return NULL;
  p += strlen (needle);
  end = strchr (p, '"');
  return end != NULL ? g_strndup (p, end - p) : NULL;
}

static void
append_search_part (GString    *text,
                    const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, part);
}

gboolean
sitrep_importer_add (SitrepImporter *importer,
                     SitrepEvent    *event,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *hash = extra_lookup (event->extra, SITREP_IMPORT_HASH_KEY);
  g_autofree char *timestamp = extra_lookup (event->extra, "timestamp");
  gint64 old_id = 0;
  int rc;

  if (!importer->in_batch)
    {
      if (!sitrep_db_begin (importer->db, error))
        return FALSE;
      importer->in_batch = TRUE;
      importer->batch_count = 0;
    }

  if (event->external_id != NULL)
    {
      if ((stmt = get_stmt (importer, STMT_FIND_BY_EXTERNAL, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, event->external_id, -1, SQLITE_STATIC);
    }
  else
    {
      if (event->uid == NULL)
        event->uid = sitrep_db_compute_uid (event);
      if ((stmt = get_stmt (importer, STMT_FIND_BY_UID, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, event->uid, -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *old_hash = (const char *) sqlite3_column_text (stmt, 1);
      const char *old_timestamp = (const char *) sqlite3_column_text (stmt, 2);

      old_id = sqlite3_column_int64 (stmt, 0);
      if ((hash != NULL && g_strcmp0 (hash, old_hash) == 0) ||
          (timestamp != NULL && old_timestamp != NULL &&
           g_ascii_strtoll (old_timestamp, NULL, 10) > g_ascii_strtoll (timestamp, NULL, 10)))
        {
          sqlite3_reset (stmt);
          importer->stats.unchanged++;
          goto counted;
        }
    }
  else if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (importer->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (old_id != 0)
    {
      /* Claims, figures, actors' links and weapons go with it (ON DELETE CASCADE). */
      if ((stmt = get_stmt (importer, STMT_DELETE_SEARCH, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old_id);
      if (!run (importer, stmt, error))
        return FALSE;
      if ((stmt = get_stmt (importer, STMT_DELETE_EVENT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old_id);
      if (!run (importer, stmt, error))
        return FALSE;
    }

  if (sitrep_db_insert_event (importer->db, event, error) == 0)
    return FALSE;

  g_string_truncate (importer->search_text, 0);
  append_search_part (importer->search_text, event->summary);
  if (event->place != NULL)
    {
      append_search_part (importer->search_text, event->place->name);
      append_search_part (importer->search_text, event->place->name_uk);
      append_search_part (importer->search_text, event->place->name_ru);
    }
  append_search_part (importer->search_text, event->place_as_written);
  append_search_part (importer->search_text, event->target);
  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);
      if (g_strcmp0 (claim->quote, event->summary) != 0)
        append_search_part (importer->search_text, claim->quote);
    }
  if ((stmt = get_stmt (importer, STMT_INSERT_SEARCH, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  sqlite3_bind_text (stmt, 2, importer->search_text->str, importer->search_text->len,
                     SQLITE_STATIC);
  if (!run (importer, stmt, error))
    return FALSE;

  if (old_id != 0)
    importer->stats.updated++;
  else
    importer->stats.added++;

counted:
  importer->batch_count++;
  return TRUE;
}

void
sitrep_importer_skip (SitrepImporter *importer,
                      const char     *message)
{
  importer->stats.skipped++;
  if (importer->options.skipped != NULL)
    importer->options.skipped (message, importer->options.user_data);
}

gboolean
sitrep_importer_commit (SitrepImporter *importer,
                        guint64         bytes_read,
                        GError        **error)
{
  if (importer->in_batch)
    {
      importer->in_batch = FALSE;
      if (!sitrep_db_commit (importer->db, error))
        {
          sitrep_db_rollback (importer->db);
          return FALSE;
        }
    }
  if (importer->options.progress != NULL)
    importer->options.progress (bytes_read, &importer->stats, importer->options.user_data);
  return TRUE;
}

gboolean
sitrep_importer_batch_full (SitrepImporter *importer)
{
  return importer->in_batch && importer->batch_count >= importer->options.batch_size;
}

void
sitrep_importer_abort (SitrepImporter *importer)
{
  if (importer->in_batch)
    {
      importer->in_batch = FALSE;
      sitrep_db_rollback (importer->db);
    }
}

char *
sitrep_import_stats_summary (const SitrepImportStats *stats,
                             gboolean                 features)
{
  GString *s = g_string_new (NULL);
  guint64 imported = stats->added + stats->updated;
  g_autofree char *n_imported = g_strdup_printf ("%'" G_GUINT64_FORMAT, imported);

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s event imported",
                                          "%s events imported", imported), n_imported);
  if (stats->updated > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, stats->updated);
      g_string_append_printf (s, _(" (%s updated)"), n);
    }
  if (stats->unchanged > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, stats->unchanged);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ", %s already up to date",
                                              ", %s already up to date", stats->unchanged),
                              n);
    }
  if (stats->skipped > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, stats->skipped);
      if (features)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                ", %s feature skipped (see details)",
                                                ", %s features skipped (see details)",
                                                stats->skipped), n);
      else
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                ", %s row skipped (see details)",
                                                ", %s rows skipped (see details)",
                                                stats->skipped), n);
    }
  return g_string_free (s, FALSE);
}
