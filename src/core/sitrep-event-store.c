/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-store.c: every event of a collection in plain columns, sorted by start time. */
#define G_LOG_DOMAIN "sitrep-event-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sitrep-db-private.h"
#include "sitrep-event-store.h"
#include "sitrep-histogram.h"

#define PROGRESS_EVERY 65536
#define CANCEL_CHECK_EVERY 4096

/* The query the columns come from: covered by the index events_by_time (id is the rowid). */
#define LOAD_SQL \
  "SELECT start_time, end_time, lat, lon, kind, hedging, disputed, geo_precision, id " \
  "FROM events ORDER BY start_time"

/* One loaded generation of columns; replaced whole, never patched. */
typedef struct
{
  guint n;
  guint capacity;
  gint64 epoch;
  gint64 max_end;     /* relative to epoch */
  gint32 max_duration;
  gint32 *start;
  gint32 *end;
  float *lat;
  float *lon;
  guint8 *kind;
  guint8 *flags;
  gint64 *id;
  void *arena;                            /* when set, holds every array above */
  SitrepEventColumns view;                /* of these arrays, for histogram_index */
  SitrepHistogramIndex *histogram_index;  /* built by the loader, beside the columns */
  SitrepColumnCacheStatus cache_status;
} Columns;

typedef struct
{
  gint64 id;
  guint index;
} IdEntry;

struct _SitrepEventStore
{
  GObject parent_instance;

  char *path;
  Columns *columns;
  SitrepEventColumns view;
  IdEntry *by_id;     /* built on the first find_id() after a load */
  SitrepDb *db;       /* opened read-only on the first get_event() */
  guint generation;   /* of the latest load_async(); older ones give way */
  gboolean use_cache;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SitrepEventStore, sitrep_event_store, G_TYPE_OBJECT)

/* ---- Columns ---- */

static void
columns_free (Columns *c)
{
  if (c == NULL)
    return;
  if (c->arena != NULL)
    free (c->arena);
  else
    {
      g_free (c->start);
      g_free (c->end);
      g_free (c->lat);
      g_free (c->lon);
      g_free (c->kind);
      g_free (c->flags);
      g_free (c->id);
    }
  g_clear_pointer (&c->histogram_index, sitrep_histogram_index_free);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Columns, columns_free)

#define ARENA_ALIGN ((gsize) 2 << 20)
#define ARRAY_ALIGN 64

/* The first reservation puts every array in one block, aligned for huge pages where the
 * system has them: a load writes hundreds of megabytes into fresh memory at 10M events,
 * and a page fault per 4 KiB costs more than the copying (about 8 us each in a VM). */
static gboolean
columns_alloc_arena (Columns *c,
                     guint    capacity)
{
  const gsize sizes[] = { sizeof (gint32), sizeof (gint32), sizeof (float), sizeof (float),
                          sizeof (guint8), sizeof (guint8), sizeof (gint64) };
  gsize offsets[G_N_ELEMENTS (sizes)];
  gsize total = 0;
  void *arena = NULL;
  char *base;

  for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      offsets[k] = total;
      total += (sizes[k] * capacity + ARRAY_ALIGN - 1) / ARRAY_ALIGN * ARRAY_ALIGN;
    }
  if (posix_memalign (&arena, total >= ARENA_ALIGN ? ARENA_ALIGN : ARRAY_ALIGN, total) != 0)
    return FALSE;
#ifdef MADV_HUGEPAGE
  if (total >= ARENA_ALIGN)
    madvise (arena, total / ARENA_ALIGN * ARENA_ALIGN, MADV_HUGEPAGE);
#endif
  base = arena;
  c->arena = arena;
  c->start = (gint32 *) (void *) (base + offsets[0]);
  c->end = (gint32 *) (void *) (base + offsets[1]);
  c->lat = (float *) (void *) (base + offsets[2]);
  c->lon = (float *) (void *) (base + offsets[3]);
  c->kind = (guint8 *) (base + offsets[4]);
  c->flags = (guint8 *) (base + offsets[5]);
  c->id = (gint64 *) (void *) (base + offsets[6]);
  c->capacity = capacity;
  return TRUE;
}

static void
columns_reserve (Columns *c,
                 guint    capacity)
{
  if (capacity <= c->capacity)
    return;
  if (c->capacity == 0 && columns_alloc_arena (c, capacity))
    return;
  if (c->arena != NULL)
    {
      /* Outgrown (rows added between the count and the read): separate arrays again. */
      Columns grown = { 0, };

      grown.start = g_memdup2 (c->start, sizeof (gint32) * c->n);
      grown.end = g_memdup2 (c->end, sizeof (gint32) * c->n);
      grown.lat = g_memdup2 (c->lat, sizeof (float) * c->n);
      grown.lon = g_memdup2 (c->lon, sizeof (float) * c->n);
      grown.kind = g_memdup2 (c->kind, c->n);
      grown.flags = g_memdup2 (c->flags, c->n);
      grown.id = g_memdup2 (c->id, sizeof (gint64) * c->n);
      free (c->arena);
      c->arena = NULL;
      c->start = grown.start;
      c->end = grown.end;
      c->lat = grown.lat;
      c->lon = grown.lon;
      c->kind = grown.kind;
      c->flags = grown.flags;
      c->id = grown.id;
    }
  c->start = g_renew (gint32, c->start, capacity);
  c->end = g_renew (gint32, c->end, capacity);
  c->lat = g_renew (float, c->lat, capacity);
  c->lon = g_renew (float, c->lon, capacity);
  c->kind = g_renew (guint8, c->kind, capacity);
  c->flags = g_renew (guint8, c->flags, capacity);
  c->id = g_renew (gint64, c->id, capacity);
  c->capacity = capacity;
}

typedef struct
{
  gint64 id;
  gint32 end;
  float lat;
  float lon;
  guint8 kind;
  guint8 flags;
} RowTail;

static int
compare_row_tail (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const RowTail *) a)->id;
  gint64 y = ((const RowTail *) b)->id;
  return (x > y) - (x < y);
}

/* SQLite gives rows in start order; events with the same start come in index order.
 * Put each run of equal starts in id order, so that the order is fully defined. */
static void
columns_sort_ties (Columns *c)
{
  g_autofree RowTail *tmp = NULL;
  guint tmp_size = 0;
  guint i = 0;

  while (i < c->n)
    {
      guint j = i + 1;
      gboolean sorted = TRUE;

      while (j < c->n && c->start[j] == c->start[i])
        {
          if (c->id[j] < c->id[j - 1])
            sorted = FALSE;
          j++;
        }
      if (!sorted)
        {
          guint len = j - i;
          if (len > tmp_size)
            {
              tmp = g_renew (RowTail, tmp, len);
              tmp_size = len;
            }
          for (guint k = 0; k < len; k++)
            tmp[k] = (RowTail) { c->id[i + k], c->end[i + k], c->lat[i + k], c->lon[i + k],
                                 c->kind[i + k], c->flags[i + k] };
          qsort (tmp, len, sizeof (RowTail), compare_row_tail);
          for (guint k = 0; k < len; k++)
            {
              c->id[i + k] = tmp[k].id;
              c->end[i + k] = tmp[k].end;
              c->lat[i + k] = tmp[k].lat;
              c->lon[i + k] = tmp[k].lon;
              c->kind[i + k] = tmp[k].kind;
              c->flags[i + k] = tmp[k].flags;
            }
        }
      i = j;
    }
}

static gint32
clamp_rel (gint64 value)
{
  return (gint32) CLAMP (value, (gint64) G_MININT32, (gint64) G_MAXINT32);
}

typedef void (*LoadProgress) (double fraction, gpointer data);

/* ---- The column cache (schema 2: event_columns) ----
 *
 * One row per column, each stamped with the events_version it was built from. The
 * "header" row holds a CacheHeader; the others hold the arrays of Columns in store order,
 * in this machine's byte order (the header's byte_order tells; another order is stale).
 */

#define CACHE_MAGIC 0x31435253u           /* "SRC1" */
#define CACHE_BYTE_ORDER 0x01020304u
#define CACHE_CHUNK (8u << 20)            /* bytes per blob read or write */

typedef struct
{
  guint32 magic;
  guint32 byte_order;
  guint32 n;
  guint32 n_kinds;
  gint64 epoch;
  gint64 max_end;
  gint32 max_duration;
  guint32 reserved;
} CacheHeader;

typedef struct
{
  const char *name;
  gsize element_size;
  gsize offset;   /* of the array pointer in Columns */
} CacheColumn;

static const CacheColumn cache_columns[] = {
  { "start", sizeof (gint32), G_STRUCT_OFFSET (Columns, start) },
  { "end", sizeof (gint32), G_STRUCT_OFFSET (Columns, end) },
  { "lat", sizeof (float), G_STRUCT_OFFSET (Columns, lat) },
  { "lon", sizeof (float), G_STRUCT_OFFSET (Columns, lon) },
  { "kind", sizeof (guint8), G_STRUCT_OFFSET (Columns, kind) },
  { "flags", sizeof (guint8), G_STRUCT_OFFSET (Columns, flags) },
  { "id", sizeof (gint64), G_STRUCT_OFFSET (Columns, id) },
};

static inline void *
column_array (Columns           *c,
              const CacheColumn *column)
{
  return G_STRUCT_MEMBER (void *, c, column->offset);
}

/* The collection's events_version, or -1 when it has none (schema 1). */
static gint64
read_events_version (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (handle, "SELECT version FROM events_version WHERE id = 1", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Reads one row of event_columns into dest (exactly size bytes), in chunks. */
static gboolean
read_cache_blob (sqlite3      *handle,
                 sqlite3_stmt *find,
                 const char   *name,
                 gint64        version,
                 void         *dest,
                 gsize         size,
                 GCancellable *cancellable,
                 LoadProgress  progress,
                 gpointer      progress_data,
                 gsize        *done,
                 gsize         total)
{
  sqlite3_blob *blob = NULL;
  gint64 rowid;
  gboolean ok = FALSE;

  sqlite3_reset (find);
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (find) != SQLITE_ROW ||
      sqlite3_column_int64 (find, 1) != version ||
      (gsize) sqlite3_column_int64 (find, 2) != size)
    return FALSE;
  rowid = sqlite3_column_int64 (find, 0);
  sqlite3_reset (find);
  if (size == 0)
    return TRUE;
  if (sqlite3_blob_open (handle, "main", "event_columns", "data", rowid, 0, &blob) != SQLITE_OK)
    goto out;
  for (gsize offset = 0; offset < size; offset += CACHE_CHUNK)
    {
      int len = (int) MIN (CACHE_CHUNK, size - offset);
      if (sqlite3_blob_read (blob, (char *) dest + offset, len, (int) offset) != SQLITE_OK)
        goto out;
      *done += len;
      if (g_cancellable_is_cancelled (cancellable))
        goto out;
      if (progress != NULL)
        progress ((double) *done / MAX (total, 1), progress_data);
    }
  ok = TRUE;
out:
  sqlite3_blob_close (blob);
  return ok;
}

/* The cache is trusted only as far as cheap checks go: sorted starts, sane spans and
 * kinds, consistent maxima. Anything else and the rows are read again. */
static gboolean
columns_look_valid (const Columns *c)
{
  gint64 max_end = 0;
  gint32 max_duration = 0;

  for (guint i = 0; i < c->n; i++)
    {
      if (c->end[i] <= c->start[i] || c->kind[i] >= SITREP_N_KINDS ||
          (i > 0 && (c->start[i] < c->start[i - 1] ||
                     (c->start[i] == c->start[i - 1] && c->id[i] <= c->id[i - 1]))))
        return FALSE;
      max_duration = MAX (max_duration, c->end[i] - c->start[i]);
      max_end = MAX (max_end, (gint64) c->end[i]);
    }
  return max_duration == c->max_duration && max_end == c->max_end &&
         (c->n == 0 || c->start[0] == 0);
}

/* Loads the columns from event_columns when they were built from the current version
 * of events. Returns NULL when the cache is missing or stale (not an error); sets error
 * only when cancelled. Runs inside the caller's read transaction. */
static Columns *
load_cached_columns (sqlite3       *handle,
                     gint64         version,
                     GCancellable  *cancellable,
                     LoadProgress   progress,
                     gpointer       progress_data,
                     GError       **error)
{
  g_autoptr (Columns) c = NULL;
  sqlite3_stmt *find = NULL;
  CacheHeader header;
  gsize total = 0, done = 0;
  gboolean ok = FALSE;

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN && G_BYTE_ORDER != G_BIG_ENDIAN)
    return NULL;
  if (sqlite3_prepare_v2 (handle,
                          "SELECT rowid, events_version, length(data) FROM event_columns "
                          "WHERE name = ?", -1, &find, NULL) != SQLITE_OK)
    goto out;
  if (!read_cache_blob (handle, find, "header", version, &header, sizeof header, NULL, NULL,
                        NULL, &done, 1))
    goto out;
  if (header.magic != CACHE_MAGIC || header.byte_order != CACHE_BYTE_ORDER ||
      header.n_kinds != SITREP_N_KINDS || header.n >= G_MAXUINT - 1)
    goto out;

  c = g_new0 (Columns, 1);
  columns_reserve (c, MAX (header.n, 16));
  c->n = header.n;
  c->epoch = header.epoch;
  c->max_end = header.max_end;
  c->max_duration = header.max_duration;
  for (gsize k = 0; k < G_N_ELEMENTS (cache_columns); k++)
    total += cache_columns[k].element_size * header.n;
  done = 0;
  for (gsize k = 0; k < G_N_ELEMENTS (cache_columns); k++)
    if (!read_cache_blob (handle, find, cache_columns[k].name, version,
                          column_array (c, &cache_columns[k]),
                          cache_columns[k].element_size * header.n, cancellable, progress,
                          progress_data, &done, total))
      goto out;
  ok = columns_look_valid (c);
  if (!ok)
    g_debug ("The column cache fails its checks; reading the events again");

out:
  sqlite3_finalize (find);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return ok ? g_steal_pointer (&c) : NULL;
}

static gboolean
write_cache_blob (sqlite3      *handle,
                  sqlite3_stmt *insert,
                  const char   *name,
                  gint64        version,
                  const void   *data,
                  gsize         size)
{
  sqlite3_blob *blob = NULL;
  gboolean ok = FALSE;

  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, version);
  sqlite3_bind_zeroblob64 (insert, 3, size);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (insert);
  if (size == 0)
    return TRUE;
  if (sqlite3_blob_open (handle, "main", "event_columns", "data",
                         sqlite3_last_insert_rowid (handle), 1, &blob) != SQLITE_OK)
    goto out;
  for (gsize offset = 0; offset < size; offset += CACHE_CHUNK)
    if (sqlite3_blob_write (blob, (const char *) data + offset,
                            (int) MIN (CACHE_CHUNK, size - offset), (int) offset) != SQLITE_OK)
      goto out;
  ok = TRUE;
out:
  sqlite3_blob_close (blob);
  return ok;
}

/* Stores the columns loaded from events at version in event_columns, if the file can be
 * written and nobody changed the events since. Best effort: the load does not depend on
 * it, so a failure is only logged. */
static gboolean
write_cached_columns (const char    *path,
                      const Columns *c,
                      gint64         version)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *insert = NULL;
  CacheHeader header = { 0, };
  gboolean ok = FALSE;

  if (access (path, W_OK) != 0)
    return FALSE;
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto out;
  sqlite3_busy_timeout (handle, 200);
  if (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto out;
  if (read_events_version (handle) != version ||
      sqlite3_exec (handle, "DELETE FROM event_columns", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (handle, "INSERT INTO event_columns (name, events_version, data) "
                          "VALUES (?, ?, ?)", -1, &insert, NULL) != SQLITE_OK)
    goto rollback;

  header.magic = CACHE_MAGIC;
  header.byte_order = CACHE_BYTE_ORDER;
  header.n = c->n;
  header.n_kinds = SITREP_N_KINDS;
  header.epoch = c->epoch;
  header.max_end = c->max_end;
  header.max_duration = c->max_duration;
  if (!write_cache_blob (handle, insert, "header", version, &header, sizeof header))
    goto rollback;
  for (gsize k = 0; k < G_N_ELEMENTS (cache_columns); k++)
    if (!write_cache_blob (handle, insert, cache_columns[k].name, version,
                           column_array ((Columns *) c, &cache_columns[k]),
                           cache_columns[k].element_size * c->n))
      goto rollback;
  sqlite3_finalize (g_steal_pointer (&insert));
  ok = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    {
      /* Into the main file now, where the next load reads it straight, not via the WAL. */
      sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      goto out;
    }

rollback:
  g_debug ("Could not store the column cache of %s: %s", path, sqlite3_errmsg (handle));
  sqlite3_finalize (insert);
  sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_close_v2 (handle);
  return ok;
}


/* Reads every event's hot columns with one prepared statement. Runs in any thread. */
static Columns *
load_rows (const char     *path,
           gboolean        use_cache,
           GCancellable   *cancellable,
           LoadProgress    progress,
           gpointer        progress_data,
           GError        **error)
{
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (Columns) c = g_new0 (Columns, 1);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  gint64 expected = 0;
  gint64 max_duration = 0;
  gint64 version = -1;
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* The whole-file check would read every page; the rows read here are checked anyway. */
  db = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY | SITREP_DB_OPEN_SKIP_FULL_CHECK, error);
  if (db == NULL)
    return NULL;
  handle = sitrep_db_get_handle (db);

  /* Read the index through a memory map rather than one pread() per page. */
  sqlite3_exec (handle, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
  /* One read transaction, so that the version, the count and the rows agree. */
  sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL);

  if (sitrep_db_get_schema_version (db) >= 2)
    version = read_events_version (handle);
  if (use_cache && version >= 0)
    {
      Columns *cached = load_cached_columns (handle, version, cancellable, progress,
                                             progress_data, error);
      if (cached != NULL)
        {
          sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
          cached->cache_status = SITREP_COLUMN_CACHE_HIT;
          g_debug ("Loaded %u events from the column cache of %s", cached->n, path);
          return cached;
        }
      if (g_cancellable_is_cancelled (cancellable))
        goto fail_no_sqlite;
    }

  rc = sqlite3_prepare_v2 (handle, "SELECT count(*) FROM events", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    expected = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_ROW)
    goto fail;
  if (expected >= G_MAXUINT - 1)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED,
                   _("The collection “%s” holds too many events."), path);
      goto fail_no_sqlite;
    }
  columns_reserve (c, MAX (expected, 16));

  rc = sqlite3_prepare_v2 (handle, LOAD_SQL, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 start = sqlite3_column_int64 (stmt, 0);
      gint64 end = sqlite3_column_int64 (stmt, 1);
      int kind = sqlite3_column_int (stmt, 4);
      int hedging = sqlite3_column_int (stmt, 5);
      int disputed = sqlite3_column_int (stmt, 6);
      int geo_precision = sqlite3_column_int (stmt, 7);
      guint i = c->n;
      guint8 flags;

      if (i == 0)
        c->epoch = start;
      if (i == c->capacity)
        columns_reserve (c, c->capacity * 2);
      /* A point in time is one second long, so that half-open windows can hold it. */
      if (end <= start)
        end = start + 1;

      flags = (guint8) (CLAMP (geo_precision, 1, 3) & SITREP_EVENT_FLAG_GEO_PRECISION_MASK);
      if (disputed)
        flags |= SITREP_EVENT_FLAG_DISPUTED;
      if (hedging >= SITREP_HEDGING_HEDGED)
        flags |= SITREP_EVENT_FLAG_HEDGED;
      if (end - start > 86400)
        flags |= SITREP_EVENT_FLAG_SPAN;

      c->start[i] = clamp_rel (start - c->epoch);
      c->end[i] = clamp_rel (end - c->epoch);
      c->lat[i] = (float) sqlite3_column_double (stmt, 2);
      c->lon[i] = (float) sqlite3_column_double (stmt, 3);
      c->kind[i] = (guint8) (kind >= 0 && kind < SITREP_N_KINDS ? kind : SITREP_KIND_OTHER);
      c->flags[i] = flags;
      c->id[i] = sqlite3_column_int64 (stmt, 8);
      max_duration = MAX (max_duration, (gint64) c->end[i] - c->start[i]);
      c->max_end = MAX (c->max_end, (gint64) c->end[i]);
      c->n++;

      if (c->n % CANCEL_CHECK_EVERY == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail_no_sqlite;
      if (progress != NULL && c->n % PROGRESS_EVERY == 0)
        progress (expected > 0 ? MIN (1.0, (double) c->n / expected) : 1.0, progress_data);
    }
  if (rc != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (stmt);
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);

  c->max_duration = clamp_rel (max_duration);
  columns_sort_ties (c);
  g_debug ("Loaded %u events from %s", c->n, path);

  c->cache_status = version < 0 || !use_cache ? SITREP_COLUMN_CACHE_NONE
                                               : SITREP_COLUMN_CACHE_STALE;
  /* Closed before writing, so that the writer can checkpoint its WAL on the way out. */
  g_clear_object (&db);
  /* Keep a copy for next time; the file may be one we cannot write. */
  if (use_cache && version >= 0 && write_cached_columns (path, c, version))
    c->cache_status = SITREP_COLUMN_CACHE_WRITTEN;
  return g_steal_pointer (&c);

fail:
  sitrep_db_set_sqlite_error (db, rc, error);
fail_no_sqlite:
  sqlite3_finalize (stmt);
  sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

/* Reads the columns (from the cache when it is current) and builds what is derived from
 * them, so that the caller's thread only swaps pointers. Runs in any thread. */
static Columns *
load_columns (const char     *path,
              gboolean        use_cache,
              GCancellable   *cancellable,
              LoadProgress    progress,
              gpointer        progress_data,
              GError        **error)
{
  Columns *c = load_rows (path, use_cache, cancellable, progress, progress_data, error);

  if (c == NULL)
    return NULL;
  if (c->n > 0)
    {
      /* The index keeps a pointer to the view: it lives in c, as long as the arrays. */
      c->view = (SitrepEventColumns) {
        .n_events = c->n, .epoch = c->epoch, .start = c->start, .end = c->end,
        .lat = c->lat, .lon = c->lon, .kind = c->kind, .flags = c->flags, .id = c->id,
        .max_duration = c->max_duration,
      };
      c->histogram_index = sitrep_histogram_index_new (&c->view);
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return c;
}

/* ---- The object ---- */

static void
sitrep_event_store_finalize (GObject *object)
{
  SitrepEventStore *self = SITREP_EVENT_STORE (object);

  g_free (self->path);
  columns_free (self->columns);
  g_free (self->by_id);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sitrep_event_store_parent_class)->finalize (object);
}

static void
sitrep_event_store_class_init (SitrepEventStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_event_store_finalize;

  /**
   * SitrepEventStore::changed:
   *
   * New columns are in place (after a successful load). Indices from before are void.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
update_view (SitrepEventStore *self)
{
  Columns *c = self->columns;

  memset (&self->view, 0, sizeof self->view);
  if (c == NULL)
    return;
  self->view.n_events = c->n;
  self->view.epoch = c->epoch;
  self->view.start = c->start;
  self->view.end = c->end;
  self->view.lat = c->lat;
  self->view.lon = c->lon;
  self->view.kind = c->kind;
  self->view.flags = c->flags;
  self->view.id = c->id;
  self->view.max_duration = c->max_duration;
}

static void
sitrep_event_store_init (SitrepEventStore *self)
{
  self->use_cache = TRUE;
  update_view (self);
}

SitrepEventStore *
sitrep_event_store_new (void)
{
  return g_object_new (SITREP_TYPE_EVENT_STORE, NULL);
}

static void
swap_in (SitrepEventStore *self,
         const char       *path,
         Columns          *columns)
{
  /* The old columns outlive ::changed, so that whoever still holds their histogram
   * index until its handler runs reads valid memory. */
  g_autoptr (Columns) old = g_steal_pointer (&self->columns);

  self->columns = columns;
  g_clear_pointer (&self->by_id, g_free);
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  /* Reopen on demand: the file may have been replaced. */
  g_clear_object (&self->db);
  update_view (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
sitrep_event_store_load (SitrepEventStore    *self,
                         const char          *path,
                         GCancellable        *cancellable,
                         SitrepProgressFunc   progress,
                         gpointer             progress_data,
                         GError             **error)
{
  Columns *columns;

  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  columns = load_columns (path, self->use_cache, cancellable, progress, progress_data, error);
  if (columns == NULL)
    return FALSE;
  self->generation++;
  swap_in (self, path, columns);
  return TRUE;
}

/* ---- Async loading ---- */

/* The caller's progress function, shared by the worker's pending progress reports. */
typedef struct
{
  SitrepProgressFunc func;
  gpointer data;
  GDestroyNotify notify;
  GMainContext *context;
  gboolean finished;  /* set on the caller's context once the load has answered */
} ProgressTarget;

static void
progress_target_clear (ProgressTarget *target)
{
  if (target->notify != NULL)
    target->notify (target->data);
  g_main_context_unref (target->context);
}

static void
progress_target_unref (ProgressTarget *target)
{
  g_atomic_rc_box_release_full (target, (GDestroyNotify) progress_target_clear);
}

typedef struct
{
  ProgressTarget *target;
  double fraction;
} ProgressReport;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  if (report->target->func != NULL && !report->target->finished)
    report->target->func (report->fraction, report->target->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer user_data)
{
  ProgressReport *report = user_data;

  progress_target_unref (report->target);
  g_free (report);
}

static void
progress_from_worker (double   fraction,
                      gpointer data)
{
  ProgressTarget *target = data;
  ProgressReport *report = g_new (ProgressReport, 1);

  report->target = g_atomic_rc_box_acquire (target);
  report->fraction = fraction;
  g_main_context_invoke_full (target->context, G_PRIORITY_DEFAULT, deliver_progress, report,
                              progress_report_free);
}

typedef struct
{
  char *path;
  ProgressTarget *target;
  guint generation;
  gboolean use_cache;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  if (data->target != NULL)
    progress_target_unref (data->target);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  Columns *columns;

  columns = load_columns (data->path, data->use_cache, cancellable,
                          data->target != NULL ? progress_from_worker : NULL, data->target,
                          &error);
  if (columns == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, columns, (GDestroyNotify) columns_free);
}

/* Back on the caller's context: swap the columns in, then answer the caller. */
static void
load_thread_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SitrepEventStore *self = SITREP_EVENT_STORE (source_object);
  g_autoptr (GTask) outer = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  Columns *columns;

  /* No progress after the answer; the caller's data is let go here, on its context. */
  if (data->target != NULL)
    {
      data->target->finished = TRUE;
      g_clear_pointer (&data->target, progress_target_unref);
    }

  columns = g_task_propagate_pointer (G_TASK (result), &error);
  if (columns == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (data->generation != self->generation)
    {
      columns_free (columns);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Loading “%s” gave way to a newer load."), data->path);
      return;
    }
  swap_in (self, data->path, columns);
  g_task_return_boolean (outer, TRUE);
}

void
sitrep_event_store_load_async (SitrepEventStore    *self,
                               const char          *path,
                               GCancellable        *cancellable,
                               SitrepProgressFunc   progress,
                               gpointer             progress_data,
                               GDestroyNotify       progress_notify,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autoptr (GTask) inner = NULL;
  LoadData *data;

  g_return_if_fail (SITREP_IS_EVENT_STORE (self));
  g_return_if_fail (path != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sitrep_event_store_load_async);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->generation = ++self->generation;
  data->use_cache = self->use_cache;
  if (progress != NULL || progress_notify != NULL)
    {
      data->target = g_atomic_rc_box_new0 (ProgressTarget);
      data->target->func = progress;
      data->target->data = progress_data;
      data->target->notify = progress_notify;
      data->target->context = g_main_context_ref_thread_default ();
    }

  inner = g_task_new (self, cancellable, load_thread_done, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, load_thread);
  g_task_set_task_data (inner, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
sitrep_event_store_load_finish (SitrepEventStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sitrep_event_store_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Accessors and queries ---- */

const char *
sitrep_event_store_get_path (SitrepEventStore *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), NULL);
  return self->path;
}

guint
sitrep_event_store_get_n_events (SitrepEventStore *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), 0);
  return self->view.n_events;
}

const SitrepEventColumns *
sitrep_event_store_get_columns (SitrepEventStore *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), NULL);
  return &self->view;
}

gboolean
sitrep_event_store_get_range (SitrepEventStore *self,
                              gint64           *first,
                              gint64           *last)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), FALSE);

  if (self->columns == NULL || self->columns->n == 0)
    return FALSE;
  if (first != NULL)
    *first = self->columns->epoch + self->columns->start[0];
  if (last != NULL)
    *last = self->columns->epoch + self->columns->max_end;
  return TRUE;
}

/* The first index whose start is >= key (relative seconds). */
static guint
lower_bound (const gint32 *start,
             guint         n,
             gint64        key)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if ((gint64) start[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
sitrep_event_store_window (SitrepEventStore *self,
                           gint64            from,
                           gint64            to,
                           guint            *begin,
                           guint            *end)
{
  Columns *c;
  gint64 rel_from, rel_to;

  g_return_if_fail (SITREP_IS_EVENT_STORE (self));
  g_return_if_fail (begin != NULL && end != NULL);

  c = self->columns;
  *begin = *end = 0;
  if (c == NULL || c->n == 0 || to <= from)
    return;
  rel_from = from - c->epoch;
  rel_to = to - c->epoch;
  /* start < to; and end > from, which needs start > from - max_duration. */
  *end = lower_bound (c->start, c->n, rel_to);
  *begin = lower_bound (c->start, *end, rel_from - c->max_duration + 1);
}

guint
sitrep_event_store_query (SitrepEventStore *self,
                          gint64            from,
                          gint64            to,
                          const SitrepBBox *bbox,
                          GArray           *out)
{
  Columns *c;
  guint begin, end, added = 0;
  gint64 rel_from;

  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), 0);
  g_return_val_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (guint), 0);

  sitrep_event_store_window (self, from, to, &begin, &end);
  if (begin >= end)
    return 0;
  c = self->columns;
  rel_from = from - c->epoch;

  for (guint i = begin; i < end; i++)
    {
      if ((gint64) c->end[i] <= rel_from)
        continue;
      if (bbox != NULL &&
          !(c->lat[i] >= bbox->min_lat && c->lat[i] <= bbox->max_lat &&
            c->lon[i] >= bbox->min_lon && c->lon[i] <= bbox->max_lon))
        continue;
      g_array_append_val (out, i);
      added++;
    }
  return added;
}

static int
compare_id_entry (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const IdEntry *) a)->id;
  gint64 y = ((const IdEntry *) b)->id;
  return (x > y) - (x < y);
}

guint
sitrep_event_store_find_id (SitrepEventStore *self,
                            gint64            id)
{
  Columns *c;
  guint lo, hi;

  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), G_MAXUINT);

  c = self->columns;
  if (c == NULL || c->n == 0)
    return G_MAXUINT;
  if (self->by_id == NULL)
    {
      self->by_id = g_new (IdEntry, c->n);
      for (guint i = 0; i < c->n; i++)
        self->by_id[i] = (IdEntry) { c->id[i], i };
      qsort (self->by_id, c->n, sizeof (IdEntry), compare_id_entry);
    }
  lo = 0;
  hi = c->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->by_id[mid].id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < c->n && self->by_id[lo].id == id ? self->by_id[lo].index : G_MAXUINT;
}

SitrepEvent *
sitrep_event_store_get_event (SitrepEventStore  *self,
                              guint              index,
                              GError           **error)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), NULL);

  if (self->columns == NULL || index >= self->columns->n)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                   _("There is no event number %u in this collection."), index);
      return NULL;
    }
  if (self->db == NULL)
    {
      self->db = sitrep_db_open (self->path,
                                 SITREP_DB_OPEN_READ_ONLY | SITREP_DB_OPEN_SKIP_FULL_CHECK,
                                 error);
      if (self->db == NULL)
        return NULL;
    }
  return sitrep_db_load_event (self->db, self->columns->id[index], error);
}

const SitrepHistogramIndex *
sitrep_event_store_get_histogram_index (SitrepEventStore *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), NULL);
  return self->columns != NULL ? self->columns->histogram_index : NULL;
}

void
sitrep_event_store_set_use_cache (SitrepEventStore *self,
                                  gboolean          use_cache)
{
  g_return_if_fail (SITREP_IS_EVENT_STORE (self));
  self->use_cache = !!use_cache;
}

SitrepColumnCacheStatus
sitrep_event_store_get_cache_status (SitrepEventStore *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (self), SITREP_COLUMN_CACHE_NONE);
  return self->columns != NULL ? self->columns->cache_status : SITREP_COLUMN_CACHE_NONE;
}
