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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef enum
{
  STMT_FIND_BY_UID,
  STMT_DELETE_EVENT,
  STMT_DELETE_SEARCH,
  STMT_INSERT_SEARCH,
  STMT_INSERT_EVENT,
  STMT_INSERT_CLAIM,
  STMT_INSERT_FIGURE,
  STMT_INSERT_ACTOR,
  STMT_UPDATE_ACTOR_SIDE,
  STMT_INSERT_EVENT_ACTOR,
  STMT_INSERT_WEAPON,
  STMT_DELETE_RATINGS,
  STMT_DELETE_FIGURES,
  STMT_DELETE_CLAIMS,
  STMT_DELETE_EVENT_ACTORS,
  STMT_DELETE_WEAPONS,
  N_STMTS
} StmtId;

#define FIND_COLUMNS \
  "id, json_extract(extra, '$." SITREP_IMPORT_HASH_KEY "'), json_extract(extra, '$.timestamp')"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_FIND_BY_UID] = "SELECT " FIND_COLUMNS " FROM events WHERE uid = ?1",
  [STMT_DELETE_EVENT] = "DELETE FROM events WHERE id = ?1",
  [STMT_DELETE_SEARCH] = "DELETE FROM event_search WHERE rowid = ?1",
  [STMT_INSERT_SEARCH] = "INSERT INTO event_search (rowid, text) VALUES (?1, ?2)",
  [STMT_INSERT_EVENT] =
    SITREP_DB_EVENT_INSERT_SQL,
  [STMT_INSERT_CLAIM] =
    SITREP_DB_CLAIM_INSERT_SQL,
  [STMT_INSERT_FIGURE] =
    "INSERT INTO figures (event_id, claim_id, kind, value, low, high, qualifier) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_INSERT_ACTOR] = "INSERT INTO actors (name, side) VALUES (?1, ?2)",
  [STMT_UPDATE_ACTOR_SIDE] = "UPDATE actors SET side = ?2 WHERE id = ?1",
  [STMT_INSERT_EVENT_ACTOR] =
    "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_WEAPON] = "INSERT OR IGNORE INTO weapons (event_id, name) VALUES (?1, ?2)",
  /* What ON DELETE CASCADE does when foreign keys are on (see known_references ()). */
  [STMT_DELETE_RATINGS] =
    "DELETE FROM ratings WHERE claim_id IN (SELECT id FROM claims WHERE event_id = ?1)",
  [STMT_DELETE_FIGURES] = "DELETE FROM figures WHERE event_id = ?1",
  [STMT_DELETE_CLAIMS] = "DELETE FROM claims WHERE event_id = ?1",
  [STMT_DELETE_EVENT_ACTORS] = "DELETE FROM event_actors WHERE event_id = ?1",
  [STMT_DELETE_WEAPONS] = "DELETE FROM weapons WHERE event_id = ?1",
};

/* Every foreign key that points at events or claims, as "table>parent". */
static const char * const known_references[] = {
  "claims>events", "figures>events", "figures>claims", "event_actors>events",
  "weapons>events", "ratings>claims", NULL,
};

/* What the collection holds of an event with an external id: enough to decide, without a
 * query, whether a record seen again adds, updates or changes nothing. */
typedef struct
{
  gint64 id;
  gint64 timestamp;     /* ACLED "timestamp"; G_MININT64 when unknown */
  char *hash;           /* SITREP_IMPORT_HASH_KEY, or NULL */
} Known;

typedef struct
{
  gint64 id;
  gboolean has_side;
} ActorEntry;

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
  GString *cues;
  /* Loaded once, on the first record with an external id, then kept up to date: the
   * bulk form of "SELECT … WHERE external_id = ?" per record. */
  GHashTable *known;    /* external_id → Known* */
  /* actors.name → ActorEntry*: the bulk form of an upsert per actor per record. Rolled
   * back with the batch (see sitrep_importer_abort ()). */
  GHashTable *actors;
  GStringChunk *strings;
  gboolean caches_dirty;  /* the open batch added to the caches */
  gboolean foreign_keys_off;  /* the importer turned them off, and deletes children itself */
};

/* TRUE when the only foreign keys pointing at events or claims are those of schema v1
 * that the importer knows how to follow by hand (a later schema may add others). */
static gboolean
only_known_references (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT m.name, f.\"table\" FROM sqlite_master m, "
                           "pragma_foreign_key_list (m.name) f WHERE m.type = 'table' AND "
                           "f.\"table\" IN ('events', 'claims')", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *pair = g_strdup_printf ("%s>%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1));
      ok = g_strv_contains (known_references, pair);
    }
  sqlite3_finalize (stmt);
  return ok && rc == SQLITE_DONE;
}

static void
known_free (gpointer data)
{
  Known *known = data;
  g_free (known->hash);
  g_free (known);
}

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
  importer->cues = g_string_sized_new (64);
  /* The search rows are written here from what the event holds, with a statement
   * prepared once: the generic writer re-reads each event, too slow for bulk imports. */
  sitrep_db_set_index_search (db, FALSE);
  /* A page cache that holds the indexes being filled, and in WAL mode a sync at
   * checkpoints only: a kill still leaves every committed batch (WAL is atomic). */
  sqlite3_exec (importer->handle, "PRAGMA cache_size = -131072", NULL, NULL, NULL);
  sqlite3_exec (importer->handle, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  sqlite3_exec (importer->handle, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  /* Without foreign key checks, each claim, figure and actor link is one B-tree insert
   * instead of an insert and a lookup of its parent: our rows are consistent by
   * construction, and an update deletes the old event's children itself. Only when no
   * transaction is open (the pragma is a no-op inside one) and the schema has no
   * reference the importer does not know. */
  if (sqlite3_get_autocommit (importer->handle) && only_known_references (importer->handle) &&
      sqlite3_exec (importer->handle, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) ==
        SQLITE_OK)
    importer->foreign_keys_off = TRUE;
  return importer;
}

static void
clear_caches (SitrepImporter *importer)
{
  g_clear_pointer (&importer->known, g_hash_table_unref);
  g_clear_pointer (&importer->actors, g_hash_table_unref);
  g_clear_pointer (&importer->strings, g_string_chunk_free);
  importer->caches_dirty = FALSE;
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
  clear_caches (importer);
  if (importer->foreign_keys_off)
    sqlite3_exec (importer->handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  sitrep_db_set_index_search (importer->db, TRUE);
  g_object_unref (importer->db);
  g_string_free (importer->search_text, TRUE);
  g_string_free (importer->cues, TRUE);
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

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The value of "key":"…" in a flat JSON object written by our importers; NULL if absent.
 * Only used on extra objects we wrote ourselves, hence no general JSON parse per row. */
static const char *
extra_lookup (const char *extra,
              const char *key,
              gsize      *length)
{
  char needle[64];
  const char *p, *end;
  int n;

  if (extra == NULL)
    return NULL;
  n = g_snprintf (needle, sizeof needle, "\"%s\":\"", key);
  if ((p = strstr (extra, needle)) == NULL)
    return NULL;
  p += n;
  end = strchr (p, '"');
  if (end == NULL)
    return NULL;
  *length = end - p;
  return p;
}

static gint64
parse_timestamp (const char *text,
                 gsize       length)
{
  char buf[32];

  if (text == NULL || length == 0 || length >= sizeof buf)
    return G_MININT64;
  memcpy (buf, text, length);
  buf[length] = '\0';
  return g_ascii_strtoll (buf, NULL, 10);
}

/* Both caches, from one pass over events and actors. */
static gboolean
load_caches (SitrepImporter *importer,
             GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  importer->known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, known_free);
  importer->actors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  importer->strings = g_string_chunk_new (65536);

  rc = sqlite3_prepare_v2 (importer->handle,
                           "SELECT external_id, " FIND_COLUMNS " FROM events "
                           "WHERE external_id IS NOT NULL", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Known *known = g_new (Known, 1);
      const char *ts = (const char *) sqlite3_column_text (stmt, 3);

      known->id = sqlite3_column_int64 (stmt, 1);
      known->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      known->timestamp = parse_timestamp (ts, ts != NULL ? strlen (ts) : 0);
      g_hash_table_insert (importer->known,
                           g_string_chunk_insert (importer->strings,
                                                  (const char *) sqlite3_column_text (stmt, 0)),
                           known);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (importer->handle, "SELECT name, id, side IS NOT NULL FROM actors",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ActorEntry *entry = g_new (ActorEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 1);
      entry->has_side = sqlite3_column_int (stmt, 2);
      g_hash_table_insert (importer->actors,
                           g_string_chunk_insert (importer->strings,
                                                  (const char *) sqlite3_column_text (stmt, 0)),
                           entry);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  return TRUE;

failed:
  sitrep_db_set_sqlite_error (importer->db, rc, error);
  clear_caches (importer);
  return FALSE;
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

static const char *
cues_json (SitrepImporter *importer,
           GStrv           cues)
{
  GString *json = importer->cues;

  if (cues == NULL || cues[0] == NULL)
    return "[]";
  g_string_assign (json, "[");
  for (guint i = 0; cues[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const unsigned char *p = (const unsigned char *) cues[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (json, "\\%c", *p);
          else if (*p < 0x20)
            g_string_append_printf (json, "\\u%04x", *p);
          else
            g_string_append_c (json, (char) *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return json->str;
}

static gint64
actor_id (SitrepImporter *importer,
          SitrepActor    *actor,
          GError        **error)
{
  ActorEntry *entry = g_hash_table_lookup (importer->actors, actor->name);
  sqlite3_stmt *stmt;

  if (entry != NULL)
    {
      if (!entry->has_side && actor->side != NULL)
        {
          if ((stmt = get_stmt (importer, STMT_UPDATE_ACTOR_SIDE, error)) == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, entry->id);
          sqlite3_bind_text (stmt, 2, actor->side, -1, SQLITE_STATIC);
          if (!run (importer, stmt, error))
            return 0;
          entry->has_side = TRUE;
          importer->caches_dirty = TRUE;
        }
      return entry->id;
    }

  if ((stmt = get_stmt (importer, STMT_INSERT_ACTOR, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, actor->name, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 2, actor->side);
  if (!run (importer, stmt, error))
    return 0;
  entry = g_new (ActorEntry, 1);
  entry->id = sqlite3_last_insert_rowid (importer->handle);
  entry->has_side = actor->side != NULL;
  g_hash_table_insert (importer->actors, g_string_chunk_insert (importer->strings, actor->name),
                       entry);
  importer->caches_dirty = TRUE;
  return entry->id;
}

/* The rows of one event, with statements prepared once and no savepoint: the batch's
 * transaction is the unit that is kept or rolled back whole. */
static gboolean
write_event (SitrepImporter *importer,
             SitrepEvent    *event,
             gint64          now,
             GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 event_id;

  event->hedging = sitrep_event_compute_hedging (event);
  for (guint i = 0; i < event->claims->len; i++)
    if (((SitrepClaim *) g_ptr_array_index (event->claims, i))->hedging ==
        SITREP_HEDGING_DISPUTED)
      event->disputed = TRUE;
  if (event->end < event->start)
    event->end = event->start;
  if (event->place != NULL && sitrep_db_ensure_place (importer->db, event->place, error) == 0)
    return FALSE;

  if ((stmt = get_stmt (importer, STMT_INSERT_EVENT, error)) == NULL)
    return FALSE;
  sitrep_db_bind_event_row (stmt, event, now);
  if (!run (importer, stmt, error))
    return FALSE;
  event_id = sqlite3_last_insert_rowid (importer->handle);

  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);

      if ((stmt = get_stmt (importer, STMT_INSERT_CLAIM, error)) == NULL)
        return FALSE;
      sitrep_db_bind_claim_row (stmt, event_id, claim, cues_json (importer, claim->cues));
      if (!run (importer, stmt, error))
        return FALSE;
      claim->id = sqlite3_last_insert_rowid (importer->handle);
      claim->event_id = event_id;
    }

  for (guint i = 0; i < event->figures->len; i++)
    {
      SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);

      if ((stmt = get_stmt (importer, STMT_INSERT_FIGURE, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (figure->claim_index >= 0 && (guint) figure->claim_index < event->claims->len)
        sqlite3_bind_int64 (stmt, 2, ((SitrepClaim *) g_ptr_array_index (
                                        event->claims, figure->claim_index))->id);
      bind_text_or_null (stmt, 3, sitrep_figure_kind_to_string (figure->kind));
      sqlite3_bind_int64 (stmt, 4, figure->value);
      if (figure->low >= 0)
        sqlite3_bind_int64 (stmt, 5, figure->low);
      if (figure->high >= 0)
        sqlite3_bind_int64 (stmt, 6, figure->high);
      bind_text_or_null (stmt, 7, figure->qualifier);
      if (!run (importer, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);
      gint64 id;

      if (actor->name == NULL)
        continue;
      if ((id = actor_id (importer, actor, error)) == 0)
        return FALSE;
      if ((stmt = get_stmt (importer, STMT_INSERT_EVENT_ACTOR, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, actor->role != NULL ? actor->role : "", -1, SQLITE_STATIC);
      if (!run (importer, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < event->weapons->len; i++)
    {
      if ((stmt = get_stmt (importer, STMT_INSERT_WEAPON, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (event->weapons, i), -1, SQLITE_STATIC);
      if (!run (importer, stmt, error))
        return FALSE;
    }

  /* Its row of the full-text index, in the same batch: a kill never leaves an event
   * that search cannot find. */
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
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, importer->search_text->str, importer->search_text->len,
                     SQLITE_STATIC);
  if (!run (importer, stmt, error))
    return FALSE;

  event->id = event_id;
  return TRUE;
}

gboolean
sitrep_importer_add (SitrepImporter *importer,
                     SitrepEvent    *event,
                     GError        **error)
{
  gsize hash_len = 0, timestamp_len = 0;
  const char *hash = extra_lookup (event->extra, SITREP_IMPORT_HASH_KEY, &hash_len);
  const char *timestamp_text = extra_lookup (event->extra, "timestamp", &timestamp_len);
  gint64 timestamp = parse_timestamp (timestamp_text, timestamp_len);
  Known *known = NULL;
  gint64 old_id = 0;

  if (!importer->in_batch)
    {
      if (!sitrep_db_begin (importer->db, error))
        return FALSE;
      importer->in_batch = TRUE;
      importer->batch_count = 0;
    }
  if (importer->known == NULL && !load_caches (importer, error))
    return FALSE;
  if (event->uid == NULL)
    event->uid = sitrep_db_compute_uid (event);

  if (event->external_id != NULL)
    {
      known = g_hash_table_lookup (importer->known, event->external_id);
      if (known != NULL)
        {
          old_id = known->id;
          if ((hash != NULL && known->hash != NULL && strlen (known->hash) == hash_len &&
               memcmp (known->hash, hash, hash_len) == 0) ||
              (timestamp != G_MININT64 && known->timestamp != G_MININT64 &&
               known->timestamp > timestamp))
            {
              importer->stats.unchanged++;
              goto counted;
            }
        }
    }
  else
    {
      sqlite3_stmt *stmt;
      int rc;

      if ((stmt = get_stmt (importer, STMT_FIND_BY_UID, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, event->uid, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *old_hash = (const char *) sqlite3_column_text (stmt, 1);
          const char *old_ts = (const char *) sqlite3_column_text (stmt, 2);
          gint64 old_timestamp = parse_timestamp (old_ts, old_ts != NULL ? strlen (old_ts) : 0);

          old_id = sqlite3_column_int64 (stmt, 0);
          if ((hash != NULL && old_hash != NULL && strlen (old_hash) == hash_len &&
               memcmp (old_hash, hash, hash_len) == 0) ||
              (timestamp != G_MININT64 && old_timestamp != G_MININT64 &&
               old_timestamp > timestamp))
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
    }

  if (old_id != 0)
    {
      sqlite3_stmt *stmt;

      /* Claims, figures, actors' links and weapons go with it: by ON DELETE CASCADE, or
       * here when foreign keys are off. */
      for (StmtId id = STMT_DELETE_RATINGS;
           importer->foreign_keys_off && id <= STMT_DELETE_WEAPONS; id++)
        {
          if ((stmt = get_stmt (importer, id, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, old_id);
          if (!run (importer, stmt, error))
            return FALSE;
        }
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

  if (!write_event (importer, event, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;

  if (event->external_id != NULL)
    {
      if (known == NULL)
        {
          known = g_new0 (Known, 1);
          g_hash_table_insert (importer->known,
                               g_string_chunk_insert (importer->strings, event->external_id),
                               known);
        }
      known->id = event->id;
      g_free (known->hash);
      known->hash = hash != NULL ? g_strndup (hash, hash_len) : NULL;
      known->timestamp = timestamp;
      importer->caches_dirty = TRUE;
    }

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
          clear_caches (importer);
          return FALSE;
        }
      importer->caches_dirty = FALSE;
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
      /* The caches may name rows the rollback took away: read them again if needed. */
      if (importer->caches_dirty)
        clear_caches (importer);
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
