/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-db.c: a collection, one SQLite file (.sitrep): open, validate, migrate, read, write. */
#define G_LOG_DOMAIN "sitrep-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "sitrep-db-private.h"

#define BUSY_TIMEOUT_MS 5000

/* Statements kept prepared for the life of the connection (writers run per event). */
typedef enum
{
  STMT_PLACE_BY_GAZETTEER,
  STMT_PLACE_BY_NAME,
  STMT_PLACE_INSERT,
  STMT_EVENT_INSERT,
  STMT_CLAIM_INSERT,
  STMT_FIGURE_INSERT,
  STMT_ACTOR_UPSERT,
  STMT_EVENT_ACTOR_INSERT,
  STMT_WEAPON_INSERT,
  STMT_SEARCH_DELETE,
  STMT_SEARCH_INSERT,
  STMT_DOCUMENT_BY_SHA,
  STMT_DOCUMENT_INSERT,
  STMT_SAVEPOINT,
  STMT_RELEASE,
  STMT_ROLLBACK_TO,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_PLACE_BY_GAZETTEER] = "SELECT id FROM places WHERE gazetteer_id = ?1",
  [STMT_PLACE_BY_NAME] =
    "SELECT id FROM places WHERE gazetteer_id IS NULL AND name = ?1 AND lat = ?2 AND lon = ?3",
  [STMT_PLACE_INSERT] =
    "INSERT INTO places (gazetteer_id, name, name_uk, name_ru, lat, lon, admin1, admin2, "
    "country) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_EVENT_INSERT] =
    SITREP_DB_EVENT_INSERT_SQL,
  [STMT_CLAIM_INSERT] =
    SITREP_DB_CLAIM_INSERT_SQL,
  [STMT_FIGURE_INSERT] =
    "INSERT INTO figures (event_id, claim_id, kind, value, low, high, qualifier) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_ACTOR_UPSERT] =
    "INSERT INTO actors (name, side) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET "
    "side = coalesce(excluded.side, actors.side) RETURNING id",
  [STMT_EVENT_ACTOR_INSERT] =
    "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?1, ?2, ?3)",
  [STMT_WEAPON_INSERT] = "INSERT OR IGNORE INTO weapons (event_id, name) VALUES (?1, ?2)",
  [STMT_SEARCH_DELETE] = "DELETE FROM event_search WHERE rowid = ?1",
  [STMT_SEARCH_INSERT] = "INSERT INTO event_search (rowid, text) VALUES (?1, ?2)",
  [STMT_DOCUMENT_BY_SHA] = "SELECT id FROM documents WHERE sha256 = ?1",
  [STMT_DOCUMENT_INSERT] =
    "INSERT INTO documents (outlet, url, title, published, language, text, sha256, added) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_SAVEPOINT] = "SAVEPOINT sitrep_write",
  [STMT_RELEASE] = "RELEASE sitrep_write",
  [STMT_ROLLBACK_TO] = "ROLLBACK TO sitrep_write",
};

struct _SitrepDb
{
  GObject parent_instance;

  char *path;
  char *display_name;   /* the file's base name, for messages */
  sqlite3 *handle;
  int schema_version;
  gboolean read_only;
  gboolean index_search;
  sqlite3_stmt *stmts[N_STMTS];
};

G_DEFINE_FINAL_TYPE (SitrepDb, sitrep_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (sitrep-db-error-quark, sitrep_db_error)

static void
sitrep_db_finalize (GObject *object)
{
  SitrepDb *self = SITREP_DB (object);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (sitrep_db_parent_class)->finalize (object);
}

static void
sitrep_db_class_init (SitrepDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_db_finalize;
}

static void
sitrep_db_init (SitrepDb *self)
{
  self->index_search = TRUE;
}

/* ---- Errors ---- */

static SitrepDbError
error_code_for_rc (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SITREP_DB_ERROR_CORRUPT;
    case SQLITE_READONLY:
      return SITREP_DB_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
      return SITREP_DB_ERROR_NOT_FOUND;
    default:
      return SITREP_DB_ERROR_FAILED;
    }
}

static void
set_handle_error (sqlite3     *handle,
                  const char  *display_name,
                  int          rc,
                  GError     **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  SitrepDbError code = error_code_for_rc (rc);

  if (code == SITREP_DB_ERROR_CORRUPT)
    g_set_error (error, SITREP_DB_ERROR, code, _("“%s” is damaged: %s."), display_name, detail);
  else if (code == SITREP_DB_ERROR_READ_ONLY)
    g_set_error (error, SITREP_DB_ERROR, code,
                 _("“%s” cannot be changed: it is open read-only (%s)."), display_name, detail);
  else
    g_set_error (error, SITREP_DB_ERROR, code, _("Could not use “%s”: %s."), display_name,
                 detail);
}

void
sitrep_db_set_sqlite_error (SitrepDb  *self,
                            int        rc,
                            GError   **error)
{
  set_handle_error (self->handle, self->display_name, rc, error);
}

static gboolean
exec_sql (sqlite3     *handle,
          const char  *display_name,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_handle_error (handle, display_name, rc, error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
get_stmt (SitrepDb  *self,
          StmtId     id,
          GError   **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->handle, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);
      if (rc != SQLITE_OK)
        {
          sitrep_db_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  else
    {
      sqlite3_reset (self->stmts[id]);
      sqlite3_clear_bindings (self->stmts[id]);
    }
  return self->stmts[id];
}

static sqlite3_stmt *
prepare (SitrepDb    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Runs a write statement to completion and resets it. */
static gboolean
step_done (SitrepDb      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* The row binders below bind without copying: the event or claim (and the cues text)
 * must outlive the statement's step, which both writers do at once; get_stmt () clears
 * the bindings before every reuse. */
static void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

void
sitrep_db_bind_event_row (sqlite3_stmt *stmt,
                          SitrepEvent  *event,
                          gint64        now)
{
  bind_static_or_null (stmt, 1, event->uid);
  bind_static_or_null (stmt, 2, event->external_id);
  sqlite3_bind_int (stmt, 3, event->kind < SITREP_N_KINDS ? event->kind : SITREP_KIND_OTHER);
  bind_static_or_null (stmt, 4, event->sub_kind);
  sqlite3_bind_int64 (stmt, 5, event->start);
  sqlite3_bind_int64 (stmt, 6, event->end);
  sqlite3_bind_int (stmt, 7, event->time_precision);
  sqlite3_bind_int (stmt, 8, event->time_of_day);
  if (event->place != NULL)
    sqlite3_bind_int64 (stmt, 9, event->place->id);
  bind_static_or_null (stmt, 10, event->place_as_written);
  bind_static_or_null (stmt, 11, event->target);
  sqlite3_bind_int (stmt, 12, CLAMP ((int) event->geo_precision, 1, 3));
  sqlite3_bind_double (stmt, 13, event->lat);
  sqlite3_bind_double (stmt, 14, event->lon);
  bind_static_or_null (stmt, 15, event->admin1);
  bind_static_or_null (stmt, 16, event->summary);
  sqlite3_bind_int (stmt, 17, event->disputed ? 1 : 0);
  sqlite3_bind_int (stmt, 18, event->hedging);
  bind_static_or_null (stmt, 19, event->extra);
  sqlite3_bind_int64 (stmt, 20, now);
}

void
sitrep_db_bind_claim_row (sqlite3_stmt *stmt,
                          gint64        event_id,
                          SitrepClaim  *claim,
                          const char   *cues_json)
{
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (claim->document_id > 0)
    sqlite3_bind_int64 (stmt, 2, claim->document_id);
  if (claim->span_start >= 0)
    sqlite3_bind_int64 (stmt, 3, claim->span_start);
  if (claim->span_end >= 0)
    sqlite3_bind_int64 (stmt, 4, claim->span_end);
  sqlite3_bind_text (stmt, 5, claim->quote != NULL ? claim->quote : "", -1, SQLITE_STATIC);
  bind_static_or_null (stmt, 6, claim->attributed_to);
  bind_static_or_null (stmt, 7, claim->role);
  bind_static_or_null (stmt, 8, claim->affiliation);
  bind_static_or_null (stmt, 9, sitrep_source_kind_to_string (claim->source_kind));
  bind_static_or_null (stmt, 10, sitrep_hedging_to_string (claim->hedging));
  sqlite3_bind_text (stmt, 11, cues_json, -1, SQLITE_STATIC);
  bind_static_or_null (stmt, 12, claim->outlet);
  bind_static_or_null (stmt, 13, claim->url);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* ---- Opening ---- */

static char *
make_uri (const char *path,
          const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);
  return g_strdup_printf ("file:%s?%s", escaped, query);
}

/* The first 100 bytes of an SQLite file are its header; bytes 18 and 19 are 2 in WAL mode. */
typedef enum
{
  HEADER_EMPTY,
  HEADER_SQLITE,
  HEADER_SQLITE_WAL,
  HEADER_OTHER,
} HeaderKind;

static gboolean
read_header (const char  *path,
             const char  *display_name,
             HeaderKind  *kind,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";  /* with its terminating NUL: 16 bytes */
  guint8 header[100];
  gssize got;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SITREP_DB_ERROR,
                   saved == ENOENT ? SITREP_DB_ERROR_NOT_FOUND : SITREP_DB_ERROR_FAILED,
                   saved == ENOENT ? _("“%s” does not exist.") : _("Could not read “%s”: %s."),
                   display_name, g_strerror (saved));
      return FALSE;
    }
  got = read (fd, header, sizeof header);
  close (fd);
  if (got == 0)
    *kind = HEADER_EMPTY;
  else if (got < 16 || memcmp (header, magic, 16) != 0)
    *kind = HEADER_OTHER;
  else if (got >= 20 && header[18] == 2 && header[19] == 2)
    *kind = HEADER_SQLITE_WAL;
  else
    *kind = HEADER_SQLITE;
  return TRUE;
}

static gboolean
has_our_tables (sqlite3 *handle)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                          "name IN ('events', 'claims', 'documents', 'places')",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) == 4;
  return found;
}

/* Says whether the database open on handle is a collection we can use: undamaged
 * (quick_check when full_check), of a schema we read, with our tables. Only reads.
 * Sets *rc_out to the SQLite code of a failure to read, 0 otherwise. */
static gboolean
check_handle (sqlite3     *handle,
              const char  *display_name,
              gboolean     full_check,
              int         *version_out,
              int         *rc_out,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int version = 0;
  int n_objects = 0;
  int rc;

  *rc_out = 0;
  rc = sqlite3_prepare_v2 (handle, full_check ? "PRAGMA quick_check" : "SELECT 'ok'", -1,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    goto fail;
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* The report starts with "*** in database main ***"; the first problem is enough. */
      g_auto (GStrv) lines = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
      const char *detail = lines[0] != NULL ? lines[0] : "";

      for (guint i = 0; lines[i] != NULL; i++)
        if (!g_str_has_prefix (lines[i], "***") && *g_strstrip (lines[i]) != '\0')
          {
            detail = lines[i];
            break;
          }
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_CORRUPT, _("“%s” is damaged: %s."),
                   display_name, detail);
      return FALSE;
    }
  sqlite3_finalize (g_steal_pointer (&stmt));

  rc = sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK || (rc = sqlite3_step (stmt)) != SQLITE_ROW)
    goto fail;
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (g_steal_pointer (&stmt));

  rc = sqlite3_prepare_v2 (handle, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK || (rc = sqlite3_step (stmt)) != SQLITE_ROW)
    goto fail;
  n_objects = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (g_steal_pointer (&stmt));

  if (version > SITREP_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Sitrep (schema %d); this version "
                     "reads up to %d."),
                   display_name, version, SITREP_DB_SCHEMA_VERSION);
      return FALSE;
    }
  if ((version == 0 && n_objects > 0) || (version > 0 && !has_our_tables (handle)))
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SITREP,
                   _("“%s” is an SQLite database, but not a Sitrep collection."),
                   display_name);
      return FALSE;
    }

  *version_out = version;
  return TRUE;

fail:
  *rc_out = rc;
  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SQLITE,
                 _("“%s” is not a Sitrep collection: it is not an SQLite database."),
                 display_name);
  else
    set_handle_error (handle, display_name, rc, error);
  return FALSE;
}

/* Reads the file without changing a byte of it (immutable when no writer has it open,
 * so not even a -shm is made) and says whether it is a collection we can use.
 * A hot rollback journal (a writer died mid-transaction) cannot be read past without
 * SQLite restoring the file: then *needs_recovery is set and the checks are left to
 * the read-write handle, after SQLite's own recovery. */
static gboolean
validate_file (const char  *path,
               const char  *display_name,
               gboolean     full_check,
               int         *version_out,
               gboolean    *needs_recovery,
               GError     **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  g_autofree char *uri = NULL;
  g_autoptr (GError) local_error = NULL;
  sqlite3 *handle = NULL;
  gboolean in_use;
  int rc;

  *needs_recovery = FALSE;
  /* A -wal or -journal beside the file means it is in use or was not closed cleanly:
   * then they are needed to read it right, and they are not ours to remove. */
  in_use = g_file_test (wal_path, G_FILE_TEST_EXISTS) ||
           g_file_test (journal_path, G_FILE_TEST_EXISTS);
  uri = make_uri (path, in_use ? "mode=ro" : "mode=ro&immutable=1");
  rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_handle_error (handle, display_name, rc, error);
      sqlite3_close_v2 (handle);
      return FALSE;
    }
  sqlite3_extended_result_codes (handle, TRUE);
  if (!check_handle (handle, display_name, full_check, version_out, &rc, &local_error))
    {
      sqlite3_close_v2 (handle);
      if (rc == SQLITE_READONLY_ROLLBACK)
        {
          *needs_recovery = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sqlite3_close_v2 (handle);
  return TRUE;
}


gboolean
sitrep_db_migrate_step (sqlite3     *handle,
                        int          from_version,
                        const char  *script,
                        const char  *display_name,
                        GError     **error)
{
  g_autofree char *set_version = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!exec_sql (handle, display_name, "BEGIN IMMEDIATE", error))
    return FALSE;
  set_version = g_strdup_printf ("PRAGMA user_version = %d", from_version + 1);
  if (!exec_sql (handle, display_name, script, &local_error) ||
      !exec_sql (handle, display_name, set_version, &local_error) ||
      !exec_sql (handle, display_name, "COMMIT", &local_error))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED,
                   _("Could not upgrade “%s” from schema %d to %d: %s"), display_name,
                   from_version, from_version + 1, local_error->message);
      return FALSE;
    }
  return TRUE;
}

SitrepDb *
sitrep_db_open (const char         *path,
                SitrepDbOpenFlags   flags,
                GError            **error)
{
  g_autoptr (SitrepDb) self = NULL;
  gboolean read_only = (flags & SITREP_DB_OPEN_READ_ONLY) != 0;
  gboolean fresh = FALSE;
  gboolean recover = FALSE;
  HeaderKind header = HEADER_EMPTY;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SITREP_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  self->read_only = read_only;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & SITREP_DB_OPEN_CREATE) || read_only)
        {
          g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                       _("“%s” does not exist."), self->display_name);
          return NULL;
        }
      fresh = TRUE;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SQLITE,
                   _("“%s” is not a Sitrep collection: it is a folder."), self->display_name);
      return NULL;
    }
  else
    {
      if (!read_header (path, self->display_name, &header, error))
        return NULL;
      if (header == HEADER_OTHER)
        {
          g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SQLITE,
                       _("“%s” is not a Sitrep collection: it is not an SQLite database."),
                       self->display_name);
          return NULL;
        }
      if (header == HEADER_EMPTY)
        fresh = TRUE;
      else if (!validate_file (path, self->display_name,
                               !(read_only && (flags & SITREP_DB_OPEN_SKIP_FULL_CHECK)),
                               &version, &recover, error))
        return NULL;
    }

  if (read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
      g_autofree char *uri = NULL;

      if (recover)
        {
          g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY,
                       _("“%s” was not closed cleanly: open it once for writing so that it "
                         "can be restored."),
                       self->display_name);
          return NULL;
        }
      if (fresh || version < SITREP_DB_SCHEMA_VERSION_READABLE)
        {
          g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY,
                       _("“%s” uses an older format (schema %d): open it once for writing so "
                         "that Sitrep can upgrade it."),
                       self->display_name, version);
          return NULL;
        }
      /* A WAL file in a folder we cannot write (an installed sample) can only be read
       * as immutable: SQLite could not make its -shm there. */
      if (header == HEADER_SQLITE_WAL && access (dir, W_OK) != 0 &&
          !g_file_test (shm_path, G_FILE_TEST_EXISTS))
        uri = make_uri (path, "mode=ro&immutable=1");
      else
        uri = make_uri (path, "mode=ro");
      rc = sqlite3_open_v2 (uri, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          sitrep_db_set_sqlite_error (self, rc, error);
          return NULL;
        }
      sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
      self->schema_version = version;
      return g_steal_pointer (&self);
    }

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | (fresh ? SQLITE_OPEN_CREATE : 0), NULL);
  if (rc != SQLITE_OK)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  /* After a crash, SQLite rolls the unfinished transaction back on the first read; only
   * then can the file be checked, before anything of ours writes. */
  if (recover)
    {
      int rc_check;
      if (!check_handle (self->handle, self->display_name, TRUE, &version, &rc_check, error))
        return NULL;
    }
  if (!exec_sql (self->handle, self->display_name, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self->handle, self->display_name, "PRAGMA foreign_keys = ON", error))
    return NULL;

  for (; version < SITREP_DB_SCHEMA_VERSION; version++)
    {
      g_debug ("Migrating %s from schema %d", self->display_name, version);
      if (!sitrep_db_migrate_step (self->handle, version, sitrep_db_migrations[version],
                                   self->display_name, error))
        return NULL;
    }
  self->schema_version = version;

  return g_steal_pointer (&self);
}

const char *
sitrep_db_get_path (SitrepDb *self)
{
  g_return_val_if_fail (SITREP_IS_DB (self), NULL);
  return self->path;
}

int
sitrep_db_get_schema_version (SitrepDb *self)
{
  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  return self->schema_version;
}

struct sqlite3 *
sitrep_db_get_handle (SitrepDb *self)
{
  g_return_val_if_fail (SITREP_IS_DB (self), NULL);
  return self->handle;
}

void
sitrep_db_set_index_search (SitrepDb *self,
                            gboolean  index_search)
{
  g_return_if_fail (SITREP_IS_DB (self));
  self->index_search = !!index_search;
}

static gboolean
check_writable (SitrepDb  *self,
                GError   **error)
{
  if (self->read_only)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY,
                   _("“%s” is open read-only and cannot be changed."), self->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
sitrep_db_begin (SitrepDb  *self,
                 GError   **error)
{
  g_return_val_if_fail (SITREP_IS_DB (self), FALSE);
  return check_writable (self, error) &&
         exec_sql (self->handle, self->display_name, "BEGIN IMMEDIATE", error);
}

gboolean
sitrep_db_commit (SitrepDb  *self,
                  GError   **error)
{
  g_return_val_if_fail (SITREP_IS_DB (self), FALSE);
  return exec_sql (self->handle, self->display_name, "COMMIT", error);
}

void
sitrep_db_rollback (SitrepDb *self)
{
  g_return_if_fail (SITREP_IS_DB (self));
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- Readers: info ---- */

gboolean
sitrep_db_get_info (SitrepDb      *self,
                    SitrepDbInfo  *info,
                    GError       **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  stmt = prepare (self,
                  "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM claims), "
                  "(SELECT count(*) FROM documents), (SELECT min(start_time) FROM events), "
                  "(SELECT max(end_time) FROM events)",
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  info->schema_version = self->schema_version;
  info->events = sqlite3_column_int64 (stmt, 0);
  info->claims = sqlite3_column_int64 (stmt, 1);
  info->documents = sqlite3_column_int64 (stmt, 2);
  info->first = sqlite3_column_int64 (stmt, 3);
  info->last = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

/* ---- Writers ---- */

static char *
sha256_hex (const char *text,
            gssize      length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                      length < 0 ? strlen (text) : (gsize) length);
}

gint64
sitrep_db_insert_document (SitrepDb        *self,
                           SitrepDocument  *document,
                           gboolean        *existed,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_DOCUMENT (document), 0);

  if (existed != NULL)
    *existed = FALSE;
  if (!check_writable (self, error))
    return 0;
  if (document->text == NULL)
    document->text = g_strdup ("");
  if (document->sha256 == NULL)
    document->sha256 = sha256_hex (document->text, -1);

  if ((stmt = get_stmt (self, STMT_DOCUMENT_BY_SHA, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, document->sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      document->id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (existed != NULL)
        *existed = TRUE;
      return document->id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return 0;
    }

  if ((stmt = get_stmt (self, STMT_DOCUMENT_INSERT, error)) == NULL)
    return 0;
  bind_text_or_null (stmt, 1, document->outlet);
  bind_text_or_null (stmt, 2, document->url);
  bind_text_or_null (stmt, 3, document->title);
  if (document->published != 0)
    sqlite3_bind_int64 (stmt, 4, document->published);
  bind_text_or_null (stmt, 5, document->language);
  sqlite3_bind_text (stmt, 6, document->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, document->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    return 0;
  document->id = sqlite3_last_insert_rowid (self->handle);
  return document->id;
}

gint64
sitrep_db_ensure_place (SitrepDb     *self,
                        SitrepPlace  *place,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_PLACE (place), 0);

  if (!check_writable (self, error))
    return 0;

  if (place->gazetteer_id != NULL)
    {
      if ((stmt = get_stmt (self, STMT_PLACE_BY_GAZETTEER, error)) == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, place->gazetteer_id, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if ((stmt = get_stmt (self, STMT_PLACE_BY_NAME, error)) == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, place->name != NULL ? place->name : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 2, place->lat);
      sqlite3_bind_double (stmt, 3, place->lon);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      place->id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return place->id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return 0;
    }

  if ((stmt = get_stmt (self, STMT_PLACE_INSERT, error)) == NULL)
    return 0;
  bind_text_or_null (stmt, 1, place->gazetteer_id);
  sqlite3_bind_text (stmt, 2, place->name != NULL ? place->name : "", -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, place->name_uk);
  bind_text_or_null (stmt, 4, place->name_ru);
  sqlite3_bind_double (stmt, 5, place->lat);
  sqlite3_bind_double (stmt, 6, place->lon);
  bind_text_or_null (stmt, 7, place->admin1);
  bind_text_or_null (stmt, 8, place->admin2);
  bind_text_or_null (stmt, 9, place->country);
  if (!step_done (self, stmt, error))
    return 0;
  place->id = sqlite3_last_insert_rowid (self->handle);
  return place->id;
}

char *
sitrep_db_compute_uid (SitrepEvent *event)
{
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  char lat[G_ASCII_DTOSTR_BUF_SIZE];
  char lon[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lat, sizeof lat, "%.6f", event->lat);
  g_ascii_formatd (lon, sizeof lon, "%.6f", event->lon);
  key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s",
                         sitrep_event_kind_to_string (event->kind), event->start, lat, lon,
                         event->summary != NULL ? event->summary : "");
  hash = sha256_hex (key, -1);
  return g_strndup (hash, 16);
}

/* A JSON array of strings. Written by hand: a JsonBuilder and JsonGenerator per claim cost
 * more than the rest of an insert. */
static char *
cues_to_json (GStrv cues)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; cues != NULL && cues[i] != NULL; i++)
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
  return g_string_free (json, FALSE);
}

static GStrv
cues_from_json (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }
  return g_strv_builder_end (builder);
}

static gint64
insert_claim (SitrepDb     *self,
              gint64        event_id,
              SitrepClaim  *claim,
              GError      **error)
{
  g_autofree char *cues = cues_to_json (claim->cues);
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_CLAIM_INSERT, error)) == NULL)
    return 0;
  sitrep_db_bind_claim_row (stmt, event_id, claim, cues);
  if (!step_done (self, stmt, error))
    return 0;
  claim->id = sqlite3_last_insert_rowid (self->handle);
  claim->event_id = event_id;
  return claim->id;
}

static gboolean
insert_figure (SitrepDb      *self,
               gint64         event_id,
               gint64         claim_id,
               SitrepFigure  *figure,
               GError       **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_FIGURE_INSERT, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (claim_id > 0)
    sqlite3_bind_int64 (stmt, 2, claim_id);
  bind_text_or_null (stmt, 3, sitrep_figure_kind_to_string (figure->kind));
  sqlite3_bind_int64 (stmt, 4, figure->value);
  if (figure->low >= 0)
    sqlite3_bind_int64 (stmt, 5, figure->low);
  if (figure->high >= 0)
    sqlite3_bind_int64 (stmt, 6, figure->high);
  bind_text_or_null (stmt, 7, figure->qualifier);
  return step_done (self, stmt, error);
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

static gboolean
write_search_row (SitrepDb    *self,
                  gint64       event_id,
                  const char  *text,
                  gsize        length,
                  gboolean     replace,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      if ((stmt = get_stmt (self, STMT_SEARCH_DELETE, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  if ((stmt = get_stmt (self, STMT_SEARCH_INSERT, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, text, length, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

/* The text of an event's row of the full-text index: its summary, its place's names in
 * every language, the place as written, the target and the quotes of its claims. */
static gboolean
insert_search_row (SitrepDb     *self,
                   SitrepEvent  *event,
                   gint64        event_id,
                   GError      **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (!self->index_search)
    return TRUE;
  append_search_part (text, event->summary);
  if (event->place != NULL)
    {
      append_search_part (text, event->place->name);
      append_search_part (text, event->place->name_uk);
      append_search_part (text, event->place->name_ru);
    }
  append_search_part (text, event->place_as_written);
  append_search_part (text, event->target);
  for (guint i = 0; i < event->claims->len; i++)
    append_search_part (text, ((SitrepClaim *) g_ptr_array_index (event->claims, i))->quote);
  return write_search_row (self, event_id, text->str, text->len, FALSE, error);
}

/* The same, rebuilt from what is stored (after a claim was added). */
static gboolean
update_search_row (SitrepDb  *self,
                   gint64     event_id,
                   GError   **error)
{
  g_autoptr (sqlite3_stmt) text_stmt = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  int rc;

  if (!self->index_search)
    return TRUE;

  text_stmt = prepare (self,
                       "SELECT e.summary, p.name, p.name_uk, p.name_ru, e.place_as_written, "
                       "e.target FROM events e LEFT JOIN places p ON p.id = e.place_id "
                       "WHERE e.id = ?1 "
                       "UNION ALL SELECT quote, NULL, NULL, NULL, NULL, NULL FROM claims "
                       "WHERE event_id = ?1",
                       error);
  if (text_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (text_stmt, 1, event_id);
  while ((rc = sqlite3_step (text_stmt)) == SQLITE_ROW)
    for (int c = 0; c < 6; c++)
      append_search_part (text, (const char *) sqlite3_column_text (text_stmt, c));
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return write_search_row (self, event_id, text->str, text->len, TRUE, error);
}

static gint64
insert_event_rows (SitrepDb     *self,
                   SitrepEvent  *event,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 event_id;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_EVENT (event), 0);

  if (!check_writable (self, error))
    return 0;

  if (event->uid == NULL)
    event->uid = sitrep_db_compute_uid (event);
  event->hedging = sitrep_event_compute_hedging (event);
  for (guint i = 0; i < event->claims->len; i++)
    if (((SitrepClaim *) g_ptr_array_index (event->claims, i))->hedging ==
        SITREP_HEDGING_DISPUTED)
      event->disputed = TRUE;
  if (event->end < event->start)
    event->end = event->start;

  if (event->place != NULL && sitrep_db_ensure_place (self, event->place, error) == 0)
    return 0;

  if ((stmt = get_stmt (self, STMT_EVENT_INSERT, error)) == NULL)
    return 0;
  sitrep_db_bind_event_row (stmt, event, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    return 0;
  event_id = sqlite3_last_insert_rowid (self->handle);

  for (guint i = 0; i < event->claims->len; i++)
    if (insert_claim (self, event_id, g_ptr_array_index (event->claims, i), error) == 0)
      return 0;

  for (guint i = 0; i < event->figures->len; i++)
    {
      SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      gint64 claim_id = 0;

      if (figure->claim_index >= 0 && (guint) figure->claim_index < event->claims->len)
        claim_id = ((SitrepClaim *) g_ptr_array_index (event->claims, figure->claim_index))->id;
      if (!insert_figure (self, event_id, claim_id, figure, error))
        return 0;
    }

  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);
      gint64 actor_id;
      int rc;

      if (actor->name == NULL)
        continue;
      if ((stmt = get_stmt (self, STMT_ACTOR_UPSERT, error)) == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, actor->name, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 2, actor->side);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sitrep_db_set_sqlite_error (self, rc, error);
          sqlite3_reset (stmt);
          return 0;
        }
      actor_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if ((stmt = get_stmt (self, STMT_EVENT_ACTOR_INSERT, error)) == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, actor_id);
      sqlite3_bind_text (stmt, 3, actor->role != NULL ? actor->role : "", -1,
                         SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return 0;
    }

  for (guint i = 0; i < event->weapons->len; i++)
    {
      if ((stmt = get_stmt (self, STMT_WEAPON_INSERT, error)) == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (event->weapons, i), -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return 0;
    }

  if (!insert_search_row (self, event, event_id, error))
    return 0;

  event->id = event_id;
  return event_id;
}

static gint64
add_claim_rows (SitrepDb     *self,
                gint64        event_id,
                SitrepClaim  *claim,
                GArray       *figures,
                GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  SitrepHedging best = SITREP_N_HEDGINGS;
  gboolean any_disputed = FALSE;
  gint64 claim_id;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_CLAIM (claim), 0);

  if (!check_writable (self, error))
    return 0;

  stmt = prepare (self, "SELECT 1 FROM events WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                     _("“%s” has no event %" PRId64 "."), self->display_name,
                     event_id);
      else
        sitrep_db_set_sqlite_error (self, rc, error);
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if ((claim_id = insert_claim (self, event_id, claim, error)) == 0)
    return 0;
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    if (!insert_figure (self, event_id, claim_id, &g_array_index (figures, SitrepFigure, i),
                        error))
      return 0;

  stmt = prepare (self, "SELECT hedging FROM claims WHERE event_id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepHedging h = SITREP_HEDGING_ASSERTED;
      sitrep_hedging_from_string ((const char *) sqlite3_column_text (stmt, 0), &h);
      best = MIN (best, h);
      any_disputed |= h == SITREP_HEDGING_DISPUTED;
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self,
                  "UPDATE events SET hedging = ?2, disputed = max(disputed, ?3), updated = ?4 "
                  "WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, best == SITREP_N_HEDGINGS ? SITREP_HEDGING_ASSERTED : best);
  sqlite3_bind_int (stmt, 3, any_disputed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    return 0;

  if (!update_search_row (self, event_id, error))
    return 0;
  return claim_id;
}

/* Each writer runs inside a savepoint, so that a failure half-way leaves no half-written
 * event behind, inside the caller's transaction or without one. */
static gboolean
savepoint_run (SitrepDb  *self,
               StmtId     id,
               GError   **error)
{
  sqlite3_stmt *stmt = get_stmt (self, id, error);
  return stmt != NULL && step_done (self, stmt, error);
}

static void
savepoint_undo (SitrepDb *self)
{
  savepoint_run (self, STMT_ROLLBACK_TO, NULL);
  savepoint_run (self, STMT_RELEASE, NULL);
}

gint64
sitrep_db_insert_event (SitrepDb     *self,
                        SitrepEvent  *event,
                        GError      **error)
{
  gint64 id;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_EVENT (event), 0);

  if (!check_writable (self, error) || !savepoint_run (self, STMT_SAVEPOINT, error))
    return 0;
  id = insert_event_rows (self, event, error);
  if (id == 0)
    {
      savepoint_undo (self);
      return 0;
    }
  if (!savepoint_run (self, STMT_RELEASE, error))
    {
      savepoint_undo (self);
      return 0;
    }
  return id;
}

gint64
sitrep_db_add_claim (SitrepDb     *self,
                     gint64        event_id,
                     SitrepClaim  *claim,
                     GArray       *figures,
                     GError      **error)
{
  gint64 id;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (SITREP_IS_CLAIM (claim), 0);

  if (!check_writable (self, error) || !savepoint_run (self, STMT_SAVEPOINT, error))
    return 0;
  id = add_claim_rows (self, event_id, claim, figures, error);
  if (id == 0)
    {
      savepoint_undo (self);
      return 0;
    }
  if (!savepoint_run (self, STMT_RELEASE, error))
    {
      savepoint_undo (self);
      return 0;
    }
  return id;
}

/* ---- Readers: events ---- */

static gboolean
load_ratings (SitrepDb     *self,
              SitrepClaim  *claim,
              GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT id, subject_kind, subject, claim_id, reliability, credibility, note, "
                  "created FROM ratings WHERE (subject_kind = 'claim' AND claim_id = ?1) OR "
                  "(subject_kind = 'outlet' AND subject = ?2) OR "
                  "(subject_kind = 'speaker' AND subject = ?3) ORDER BY created, id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  bind_text_or_null (stmt, 2, claim->outlet);
  bind_text_or_null (stmt, 3, claim->attributed_to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepRating *rating = g_new0 (SitrepRating, 1);
      const char *reliability = (const char *) sqlite3_column_text (stmt, 4);

      rating->id = sqlite3_column_int64 (stmt, 0);
      rating->subject_kind = column_strdup (stmt, 1);
      rating->subject = column_strdup (stmt, 2);
      rating->claim_id = sqlite3_column_int64 (stmt, 3);
      rating->reliability = reliability != NULL ? reliability[0] : 0;
      rating->credibility = sqlite3_column_int (stmt, 5);
      rating->note = column_strdup (stmt, 6);
      rating->created = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (claim->ratings, rating);
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_event_parts (SitrepDb     *self,
                  SitrepEvent  *event,
                  GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* Claims, with their document's outlet, address and date. */
  stmt = prepare (self,
                  "SELECT c.id, c.document_id, c.span_start, c.span_end, c.quote, "
                  "c.attributed_to, c.role, c.affiliation, c.source_kind, c.hedging, c.cues, "
                  "coalesce(c.outlet, d.outlet), coalesce(c.url, d.url), d.published "
                  "FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
                  "WHERE c.event_id = ?1 ORDER BY c.id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepClaim *claim = sitrep_claim_new ();

      g_ptr_array_add (event->claims, claim);
      claim->id = sqlite3_column_int64 (stmt, 0);
      claim->event_id = event->id;
      claim->document_id = sqlite3_column_int64 (stmt, 1);
      claim->span_start = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                            ? -1 : sqlite3_column_int64 (stmt, 2);
      claim->span_end = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                          ? -1 : sqlite3_column_int64 (stmt, 3);
      claim->quote = column_strdup (stmt, 4);
      claim->attributed_to = column_strdup (stmt, 5);
      claim->role = column_strdup (stmt, 6);
      claim->affiliation = column_strdup (stmt, 7);
      sitrep_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 8),
                                      &claim->source_kind);
      sitrep_hedging_from_string ((const char *) sqlite3_column_text (stmt, 9),
                                  &claim->hedging);
      g_strfreev (claim->cues);
      claim->cues = cues_from_json ((const char *) sqlite3_column_text (stmt, 10));
      claim->outlet = column_strdup (stmt, 11);
      claim->url = column_strdup (stmt, 12);
      claim->published = sqlite3_column_int64 (stmt, 13);
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < event->claims->len; i++)
    if (!load_ratings (self, g_ptr_array_index (event->claims, i), error))
      return FALSE;

  stmt = prepare (self,
                  "SELECT claim_id, kind, value, low, high, qualifier FROM figures "
                  "WHERE event_id = ?1 ORDER BY id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepFigure figure = { 0, };
      gint64 claim_id = sqlite3_column_int64 (stmt, 0);

      figure.claim_index = -1;
      for (guint i = 0; claim_id > 0 && i < event->claims->len; i++)
        if (((SitrepClaim *) g_ptr_array_index (event->claims, i))->id == claim_id)
          figure.claim_index = i;
      figure.kind = SITREP_FIGURE_OTHER;
      sitrep_figure_kind_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                      &figure.kind);
      figure.value = sqlite3_column_int64 (stmt, 2);
      figure.low = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                     ? -1 : sqlite3_column_int64 (stmt, 3);
      figure.high = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                      ? -1 : sqlite3_column_int64 (stmt, 4);
      figure.qualifier = column_strdup (stmt, 5);
      g_array_append_val (event->figures, figure);
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self,
                  "SELECT a.name, a.side, ea.role FROM event_actors ea "
                  "JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ?1 ORDER BY ea.rowid",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepActor actor = { 0, };
      const char *role = (const char *) sqlite3_column_text (stmt, 2);

      actor.name = column_strdup (stmt, 0);
      actor.side = column_strdup (stmt, 1);
      actor.role = role != NULL && *role != '\0' ? g_strdup (role) : NULL;
      g_array_append_val (event->actors, actor);
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self, "SELECT name FROM weapons WHERE event_id = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (event->weapons, column_strdup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

#define EVENT_COLUMNS \
  "e.id, e.uid, e.external_id, e.kind, e.sub_kind, e.start_time, e.end_time, " \
  "e.time_precision, e.time_of_day, e.place_as_written, e.target, e.geo_precision, e.lat, " \
  "e.lon, e.admin1, e.summary, e.disputed, e.hedging, e.extra, " \
  "p.id, p.gazetteer_id, p.name, p.name_uk, p.name_ru, p.lat, p.lon, p.admin1, p.admin2, " \
  "p.country FROM events e LEFT JOIN places p ON p.id = e.place_id "

static SitrepEvent *
load_event_where (SitrepDb     *self,
                  const char   *sql,
                  gint64        id,
                  const char   *uid,
                  GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  int rc;

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (uid != NULL)
        g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                     _("“%s” has no event “%s”."), self->display_name, uid);
      else
        g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                     _("“%s” has no event %" PRId64 "."), self->display_name, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return NULL;
    }

  event = sitrep_event_new ();
  event->id = sqlite3_column_int64 (stmt, 0);
  event->uid = column_strdup (stmt, 1);
  event->external_id = column_strdup (stmt, 2);
  event->kind = CLAMP (sqlite3_column_int (stmt, 3), 0, SITREP_N_KINDS - 1);
  event->sub_kind = column_strdup (stmt, 4);
  event->start = sqlite3_column_int64 (stmt, 5);
  event->end = sqlite3_column_int64 (stmt, 6);
  event->time_precision = CLAMP (sqlite3_column_int (stmt, 7), 0, SITREP_N_TIME_PRECISIONS - 1);
  event->time_of_day = CLAMP (sqlite3_column_int (stmt, 8), 0, SITREP_N_TIMES_OF_DAY - 1);
  event->place_as_written = column_strdup (stmt, 9);
  event->target = column_strdup (stmt, 10);
  event->geo_precision = CLAMP (sqlite3_column_int (stmt, 11), 1, 3);
  event->lat = sqlite3_column_double (stmt, 12);
  event->lon = sqlite3_column_double (stmt, 13);
  event->admin1 = column_strdup (stmt, 14);
  event->summary = column_strdup (stmt, 15);
  event->disputed = sqlite3_column_int (stmt, 16) != 0;
  event->hedging = CLAMP (sqlite3_column_int (stmt, 17), 0, SITREP_N_HEDGINGS - 1);
  event->extra = column_strdup (stmt, 18);
  if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
    {
      SitrepPlace *place = sitrep_place_new ();

      place->id = sqlite3_column_int64 (stmt, 19);
      place->gazetteer_id = column_strdup (stmt, 20);
      place->name = column_strdup (stmt, 21);
      place->name_uk = column_strdup (stmt, 22);
      place->name_ru = column_strdup (stmt, 23);
      place->lat = sqlite3_column_double (stmt, 24);
      place->lon = sqlite3_column_double (stmt, 25);
      place->admin1 = column_strdup (stmt, 26);
      place->admin2 = column_strdup (stmt, 27);
      place->country = column_strdup (stmt, 28);
      event->place = place;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_event_parts (self, event, error))
    return NULL;
  return g_steal_pointer (&event);
}

SitrepEvent *
sitrep_db_load_event (SitrepDb     *self,
                      gint64        event_id,
                      GError      **error)
{
  g_return_val_if_fail (SITREP_IS_DB (self), NULL);
  return load_event_where (self, "SELECT " EVENT_COLUMNS "WHERE e.id = ?1", event_id, NULL,
                           error);
}

SitrepEvent *
sitrep_db_load_event_by_uid (SitrepDb     *self,
                             const char   *uid,
                             GError      **error)
{
  g_return_val_if_fail (SITREP_IS_DB (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  return load_event_where (self, "SELECT " EVENT_COLUMNS "WHERE e.uid = ?1", 0, uid, error);
}

SitrepDocument *
sitrep_db_load_document (SitrepDb     *self,
                         gint64        document_id,
                         GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  SitrepDocument *document;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), NULL);

  stmt = prepare (self,
                  "SELECT id, outlet, url, title, published, language, text, sha256 "
                  "FROM documents WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                   _("“%s” has no document %" PRId64 "."), self->display_name,
                   document_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return NULL;
    }
  document = sitrep_document_new ();
  document->id = sqlite3_column_int64 (stmt, 0);
  document->outlet = column_strdup (stmt, 1);
  document->url = column_strdup (stmt, 2);
  document->title = column_strdup (stmt, 3);
  document->published = sqlite3_column_int64 (stmt, 4);
  document->language = column_strdup (stmt, 5);
  document->text = column_strdup (stmt, 6);
  document->sha256 = column_strdup (stmt, 7);
  return document;
}

/* ---- Ratings ---- */

gint64
sitrep_db_add_rating (SitrepDb            *self,
                      const SitrepRating  *rating,
                      GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SITREP_IS_DB (self), 0);
  g_return_val_if_fail (rating != NULL && rating->subject_kind != NULL, 0);

  if (!check_writable (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO ratings (subject_kind, subject, claim_id, reliability, "
                  "credibility, note, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, rating->subject_kind, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, rating->subject);
  if (rating->claim_id > 0)
    sqlite3_bind_int64 (stmt, 3, rating->claim_id);
  if (rating->reliability != 0)
    sqlite3_bind_text (stmt, 4, &rating->reliability, 1, SQLITE_TRANSIENT);
  if (rating->credibility != 0)
    sqlite3_bind_int (stmt, 5, rating->credibility);
  bind_text_or_null (stmt, 6, rating->note);
  sqlite3_bind_int64 (stmt, 7, rating->created != 0 ? rating->created
                                                    : g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
sitrep_db_remove_rating (SitrepDb  *self,
                         gint64     rating_id,
                         GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SITREP_IS_DB (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM ratings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rating_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->handle) == 0)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                   _("“%s” has no rating %" PRId64 "."), self->display_name,
                   rating_id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Ratings: listing (verdict) ---- */

GPtrArray *
sitrep_db_list_ratings (SitrepDb    *self,
                        const char  *subject_kind,
                        const char  *subject,
                        gint64       claim_id,
                        GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) ratings = NULL;
  int rc;

  g_return_val_if_fail (SITREP_IS_DB (self), NULL);

  stmt = prepare (self,
                  "SELECT id, subject_kind, subject, claim_id, reliability, credibility, note, "
                  "created FROM ratings WHERE (?1 IS NULL OR subject_kind = ?1) "
                  "AND (?2 IS NULL OR subject = ?2) AND (?3 = 0 OR claim_id = ?3) "
                  "ORDER BY created, id",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, subject_kind);
  bind_text_or_null (stmt, 2, subject);
  sqlite3_bind_int64 (stmt, 3, MAX (claim_id, 0));

  ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) sitrep_rating_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitrepRating *rating = g_new0 (SitrepRating, 1);
      const char *reliability = (const char *) sqlite3_column_text (stmt, 4);

      rating->id = sqlite3_column_int64 (stmt, 0);
      rating->subject_kind = column_strdup (stmt, 1);
      rating->subject = column_strdup (stmt, 2);
      rating->claim_id = sqlite3_column_int64 (stmt, 3);
      rating->reliability = reliability != NULL ? reliability[0] : 0;
      rating->credibility = sqlite3_column_int (stmt, 5);
      rating->note = column_strdup (stmt, 6);
      rating->created = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (ratings, rating);
    }
  if (rc != SQLITE_DONE)
    {
      sitrep_db_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ratings);
}
