/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-filter.c: which events to show: kinds, sides, sources, hedging, full text. */
#define G_LOG_DOMAIN "sitrep-filter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-db.h"
#include "sitrep-filter.h"

G_DEFINE_QUARK (sitrep-filter-error-quark, sitrep_filter_error)

struct _SitrepFilter
{
  GObject parent_instance;

  guint kinds;
  guint hedgings;
  guint source_kinds;
  char *side;
  char *text;
  char min_reliability;       /* 'A'..'F', or 0 for any grade */
  gboolean include_ungraded;

  SitrepFilterExpandFunc expand;
  gpointer expand_data;
  GDestroyNotify expand_destroy;
};

G_DEFINE_FINAL_TYPE (SitrepFilter, sitrep_filter, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KINDS,
  PROP_HEDGINGS,
  PROP_SOURCE_KINDS,
  PROP_SIDE,
  PROP_TEXT,
  PROP_MIN_RELIABILITY,
  PROP_INCLUDE_UNGRADED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

SitrepFilter *
sitrep_filter_new (void)
{
  return g_object_new (SITREP_TYPE_FILTER, NULL);
}

static void
changed (SitrepFilter *self,
         guint         prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
sitrep_filter_get_kinds (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), 0);
  return self->kinds;
}

void
sitrep_filter_set_kinds (SitrepFilter *self,
                         guint         kinds)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  kinds &= SITREP_FILTER_ALL_KINDS;
  if (self->kinds == kinds)
    return;
  self->kinds = kinds;
  changed (self, PROP_KINDS);
}

guint
sitrep_filter_get_hedgings (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), 0);
  return self->hedgings;
}

void
sitrep_filter_set_hedgings (SitrepFilter *self,
                            guint         hedgings)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  hedgings &= SITREP_FILTER_ALL_HEDGINGS;
  if (self->hedgings == hedgings)
    return;
  self->hedgings = hedgings;
  changed (self, PROP_HEDGINGS);
}

guint
sitrep_filter_get_source_kinds (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), 0);
  return self->source_kinds;
}

void
sitrep_filter_set_source_kinds (SitrepFilter *self,
                                guint         source_kinds)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  source_kinds &= SITREP_FILTER_ALL_SOURCE_KINDS;
  if (self->source_kinds == source_kinds)
    return;
  self->source_kinds = source_kinds;
  changed (self, PROP_SOURCE_KINDS);
}

const char *
sitrep_filter_get_side (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), NULL);
  return self->side != NULL ? self->side : "";
}

void
sitrep_filter_set_side (SitrepFilter *self,
                        const char   *side)
{
  g_autofree char *stripped = g_strstrip (g_strdup (side != NULL ? side : ""));

  g_return_if_fail (SITREP_IS_FILTER (self));
  if (g_strcmp0 (self->side, stripped) == 0)
    return;
  g_free (self->side);
  self->side = g_steal_pointer (&stripped);
  changed (self, PROP_SIDE);
}

const char *
sitrep_filter_get_text (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), NULL);
  return self->text != NULL ? self->text : "";
}

void
sitrep_filter_set_text (SitrepFilter *self,
                        const char   *text)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  changed (self, PROP_TEXT);
}

char
sitrep_filter_get_min_reliability (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), 0);
  return self->min_reliability;
}

void
sitrep_filter_set_min_reliability (SitrepFilter *self,
                                   char          grade)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  grade = g_ascii_toupper (grade);
  if (grade < 'A' || grade > 'F')
    grade = 0;
  if (self->min_reliability == grade)
    return;
  self->min_reliability = grade;
  changed (self, PROP_MIN_RELIABILITY);
}

gboolean
sitrep_filter_get_include_ungraded (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), TRUE);
  return self->include_ungraded;
}

void
sitrep_filter_set_include_ungraded (SitrepFilter *self,
                                    gboolean      include)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  include = !!include;
  if (self->include_ungraded == include)
    return;
  self->include_ungraded = include;
  changed (self, PROP_INCLUDE_UNGRADED);
}

static gboolean
ratings_active (SitrepFilter *self)
{
  return self->min_reliability != 0 || !self->include_ungraded;
}

gboolean
sitrep_filter_reload_ratings (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), FALSE);

  /* The grades are read from the collection at each compute: a new compute is all it
   * takes, and only when they matter. */
  if (!ratings_active (self))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
sitrep_filter_set_expand_func (SitrepFilter          *self,
                               SitrepFilterExpandFunc func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  g_return_if_fail (SITREP_IS_FILTER (self));
  if (self->expand_destroy != NULL)
    self->expand_destroy (self->expand_data);
  self->expand = func;
  self->expand_data = user_data;
  self->expand_destroy = destroy;
}

static gboolean
text_has_words (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
sitrep_filter_is_empty (SitrepFilter *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER (self), TRUE);
  return self->kinds == SITREP_FILTER_ALL_KINDS
         && self->hedgings == SITREP_FILTER_ALL_HEDGINGS
         && self->source_kinds == SITREP_FILTER_ALL_SOURCE_KINDS
         && (self->side == NULL || self->side[0] == '\0')
         && !text_has_words (self->text)
         && !ratings_active (self);
}

/* ---- FTS5 query ---- */

static void
append_quoted (GString    *query,
               const char *word)
{
  g_string_append_c (query, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append (query, "\"*");
}

char *
sitrep_filter_build_fts_query (const char            *text,
                               SitrepFilterExpandFunc expand,
                               gpointer               user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (!text_has_words (text))
    return NULL;
  words = g_strsplit_set (text, " \t\n\r,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) alternatives = NULL;
      char *word = g_strstrip (words[i]);

      if (!text_has_words (word))
        continue;
      if (query->len > 0)
        g_string_append (query, " AND ");
      if (expand != NULL)
        alternatives = expand (word, user_data);
      g_string_append_c (query, '(');
      append_quoted (query, word);
      for (guint j = 0; alternatives != NULL && alternatives[j] != NULL; j++)
        if (text_has_words (alternatives[j]))
          {
            g_string_append (query, " OR ");
            append_quoted (query, alternatives[j]);
          }
      g_string_append_c (query, ')');
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* ---- Computing the mask ---- */

typedef struct
{
  char *path;
  guint n_events;
  gint64 *ids;           /* a copy of the id column, so that a reload cannot pull it away */
  guint8 *kinds_col;
  guint kinds;
  guint hedgings;
  guint source_kinds;
  char *side;
  char *fts_query;
  char min_reliability;    /* 'A'..'F'; 'F' keeps any grade */
  gboolean ratings;        /* the ratings criterion is active */
  gboolean include_ungraded;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->ids);
  g_free (job->kinds_col);
  g_free (job->side);
  g_free (job->fts_query);
  g_free (job);
}

static int
compare_id (const void *a,
            const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Keeps in bits only the events whose id the statement returns (its first column). */
static gboolean
intersect_with_query (Job           *job,
                      sqlite3_stmt  *stmt,
                      guint64       *bits,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (found, id);
      if ((found->len & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SITREP_FILTER_ERROR, SITREP_FILTER_ERROR_FAILED,
                   _("Could not search “%s”: %s"), job->path,
                   sqlite3_errmsg (sqlite3_db_handle (stmt)));
      return FALSE;
    }
  /* No match leaves found->data NULL, which qsort () and bsearch () must not get. */
  if (found->len > 0)
    qsort (found->data, found->len, sizeof (gint64), compare_id);
  for (guint i = 0; i < job->n_events; i++)
    if (sitrep_filter_mask_get (bits, i))
      {
        if (found->len == 0 ||
            bsearch (&job->ids[i], found->data, found->len, sizeof (gint64), compare_id) == NULL)
          bits[i >> 6] &= ~(G_GUINT64_CONSTANT (1) << (i & 63));
      }
  return TRUE;
}

/* Keeps in bits only the events in ids (keep), or removes those in ids (!keep). */
static void
apply_ids (Job      *job,
           GArray   *ids,
           gboolean  keep,
           guint64  *bits)
{
  if (!keep && ids->len == 0)
    return;
  g_array_sort (ids, compare_id);
  for (guint i = 0; i < job->n_events; i++)
    if (sitrep_filter_mask_get (bits, i))
      {
        gboolean found = bsearch (&job->ids[i], ids->data, ids->len, sizeof (gint64),
                                  compare_id) != NULL;

        if (found != keep)
          bits[i >> 6] &= ~(G_GUINT64_CONSTANT (1) << (i & 63));
      }
}

static gboolean
filter_failed (Job      *job,
               sqlite3  *db,
               GError  **error)
{
  g_set_error (error, SITREP_FILTER_ERROR, SITREP_FILTER_ERROR_FAILED,
               _("Could not search “%s”: %s"), job->path, sqlite3_errmsg (db));
  return FALSE;
}

/* Source reliability. A subject's grade is its latest outlet/speaker rating with a
 * reliability (a later grade replaces an earlier one, as regrading and Undo expect).
 * The grades are few, so they go into hash tables, and the claims are read once: their
 * outlet (or their document's) and attributed_to match a subject exactly, as in
 * sitrep_db_load_event (). Each event gets the best grade among its claims. */
static gboolean
filter_by_ratings (Job           *job,
                   sqlite3       *db,
                   guint64       *bits,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint rows = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT subject_kind, subject, reliability FROM ratings"
                          " WHERE subject_kind IN ('outlet', 'speaker') AND subject IS NOT NULL"
                          " AND reliability IS NOT NULL ORDER BY created, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return filter_failed (job, db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *subject = (const char *) sqlite3_column_text (stmt, 1);
      const char *grade = (const char *) sqlite3_column_text (stmt, 2);

      /* Oldest first: the latest grade of a subject is the one left in the table. */
      g_hash_table_insert (g_str_equal (kind, "outlet") ? outlets : speakers,
                           g_strdup (subject), GINT_TO_POINTER ((int) grade[0]));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return filter_failed (job, db, error);

  if (g_hash_table_size (outlets) + g_hash_table_size (speakers) > 0)
    {
      if (sqlite3_prepare_v2 (db,
                              "SELECT c.event_id, coalesce(c.outlet, d.outlet), c.attributed_to"
                              " FROM claims AS c LEFT JOIN documents AS d ON d.id = c.document_id",
                              -1, &stmt, NULL) != SQLITE_OK)
        return filter_failed (job, db, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *outlet = (const char *) sqlite3_column_text (stmt, 1);
          const char *speaker = (const char *) sqlite3_column_text (stmt, 2);
          int grade = 0, g;
          gint64 event_id;
          gpointer known;

          if (outlet != NULL && (g = GPOINTER_TO_INT (g_hash_table_lookup (outlets, outlet))) != 0)
            grade = g;
          if (speaker != NULL
              && (g = GPOINTER_TO_INT (g_hash_table_lookup (speakers, speaker))) != 0
              && (grade == 0 || g < grade))
            grade = g;
          if ((++rows & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
            break;
          if (grade == 0)
            continue;
          event_id = sqlite3_column_int64 (stmt, 0);
          known = g_hash_table_lookup (best, &event_id);
          if (known == NULL || grade < GPOINTER_TO_INT (known))
            g_hash_table_insert (best, g_memdup2 (&event_id, sizeof event_id),
                                 GINT_TO_POINTER (grade));
        }
      sqlite3_finalize (stmt);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (rc != SQLITE_DONE)
        return filter_failed (job, db, error);
    }

  /* With the ungraded: drop the events graded, but never well enough. Without: keep only
   * the events graded well enough. */
  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if ((GPOINTER_TO_INT (value) > job->min_reliability) == job->include_ungraded)
      g_array_append_val (ids, *(gint64 *) key);
  apply_ids (job, ids, !job->include_ungraded, bits);
  return TRUE;
}

static gboolean
run_query (Job           *job,
           sqlite3       *db,
           const char    *sql,
           const char    *text_param,
           gint64         int_param,
           guint64       *bits,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SITREP_FILTER_ERROR, SITREP_FILTER_ERROR_FAILED,
                   _("Could not search “%s”: %s"), job->path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (text_param != NULL)
    sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, int_param);
  ok = intersect_with_query (job, stmt, bits, cancellable, error);
  sqlite3_finalize (stmt);
  return ok;
}

static GBytes *
job_run (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  gsize n_words = ((gsize) job->n_events + 63) / 64;
  g_autofree guint64 *bits = g_new0 (guint64, MAX (n_words, 1));
  g_autoptr(SitrepDb) db = NULL;
  sqlite3 *handle;

  for (guint i = 0; i < job->n_events; i++)
    if (job->kinds_col[i] < SITREP_N_KINDS && (job->kinds & (1u << job->kinds_col[i])))
      bits[i >> 6] |= G_GUINT64_CONSTANT (1) << (i & 63);

  if (job->hedgings != SITREP_FILTER_ALL_HEDGINGS || job->source_kinds != SITREP_FILTER_ALL_SOURCE_KINDS
      || job->side != NULL || job->fts_query != NULL || job->ratings)
    {
      if (job->path == NULL)
        {
          g_set_error (error, SITREP_FILTER_ERROR, SITREP_FILTER_ERROR_NO_COLLECTION,
                       _("No collection is open to search"));
          return NULL;
        }
      db = sitrep_db_open (job->path, SITREP_DB_OPEN_READ_ONLY, error);
      if (db == NULL)
        return NULL;
      handle = sitrep_db_get_handle (db);

      if (job->fts_query != NULL
          && !run_query (job, handle, "SELECT rowid FROM event_search WHERE event_search MATCH ?1",
                         job->fts_query, 0, bits, cancellable, error))
        return NULL;
      if (job->hedgings != SITREP_FILTER_ALL_HEDGINGS
          && !run_query (job, handle, "SELECT id FROM events WHERE ((1 << hedging) & ?1) != 0",
                         NULL, job->hedgings, bits, cancellable, error))
        return NULL;
      if (job->source_kinds != SITREP_FILTER_ALL_SOURCE_KINDS)
        {
          g_autoptr(GString) words = g_string_new (",");

          for (SitrepSourceKind k = 0; k < SITREP_N_SOURCE_KINDS; k++)
            if (job->source_kinds & (1u << k))
              g_string_append_printf (words, "%s,", sitrep_source_kind_to_string (k));
          if (!run_query (job, handle,
                          "SELECT DISTINCT event_id FROM claims"
                          " WHERE instr(?1, ',' || source_kind || ',') > 0",
                          words->str, 0, bits, cancellable, error))
            return NULL;
        }
      if (job->side != NULL
          && !run_query (job, handle,
                         "SELECT DISTINCT ea.event_id FROM event_actors AS ea"
                         " JOIN actors AS a ON a.id = ea.actor_id"
                         " WHERE a.side = ?1 COLLATE NOCASE OR a.name = ?1 COLLATE NOCASE",
                         job->side, 0, bits, cancellable, error))
        return NULL;
      if (job->ratings && !filter_by_ratings (job, handle, bits, cancellable, error))
        return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&bits), MAX (n_words, 1) * sizeof (guint64));
}

static Job *
job_new (SitrepFilter     *self,
         SitrepEventStore *store)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (sitrep_event_store_get_path (store));
  job->n_events = c != NULL ? c->n_events : 0;
  if (job->n_events > 0)
    {
      job->ids = g_memdup2 (c->id, sizeof (gint64) * job->n_events);
      job->kinds_col = g_memdup2 (c->kind, job->n_events);
    }
  job->kinds = self->kinds;
  job->hedgings = self->hedgings;
  job->source_kinds = self->source_kinds;
  job->side = self->side != NULL && self->side[0] != '\0' ? g_strdup (self->side) : NULL;
  job->fts_query = sitrep_filter_build_fts_query (self->text, self->expand, self->expand_data);
  job->ratings = ratings_active (self);
  job->min_reliability = self->min_reliability != 0 ? self->min_reliability : 'F';
  job->include_ungraded = self->include_ungraded;
  return job;
}

GBytes *
sitrep_filter_compute (SitrepFilter      *self,
                       SitrepEventStore  *store,
                       GCancellable      *cancellable,
                       GError           **error)
{
  Job *job;
  GBytes *result;

  g_return_val_if_fail (SITREP_IS_FILTER (self), NULL);
  g_return_val_if_fail (SITREP_IS_EVENT_STORE (store), NULL);

  if (sitrep_filter_is_empty (self))
    return NULL;
  job = job_new (self, store);
  result = job_run (job, cancellable, error);
  job_free (job);
  return result;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *result = job_run (task_data, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_bytes_unref);
}

void
sitrep_filter_compute_async (SitrepFilter       *self,
                             SitrepEventStore   *store,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SITREP_IS_FILTER (self));
  g_return_if_fail (SITREP_IS_EVENT_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitrep_filter_compute_async);
  if (sitrep_filter_is_empty (self))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_set_task_data (task, job_new (self, store), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

GBytes *
sitrep_filter_compute_finish (SitrepFilter  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
sitrep_filter_mask_count (GBytes *mask,
                          guint   n)
{
  gsize size = 0;
  const guint64 *bits;
  guint count = 0;

  if (mask == NULL)
    return n;
  bits = g_bytes_get_data (mask, &size);
  n = MIN (n, size * 8);
  for (guint w = 0; w < n / 64; w++)
    count += (guint) __builtin_popcountll (bits[w]);
  for (guint i = n / 64 * 64; i < n; i++)
    count += sitrep_filter_mask_get (bits, i);
  return count;
}

/* ---- GObject ---- */

static void
sitrep_filter_finalize (GObject *object)
{
  SitrepFilter *self = SITREP_FILTER (object);

  if (self->expand_destroy != NULL)
    self->expand_destroy (self->expand_data);
  g_free (self->side);
  g_free (self->text);
  G_OBJECT_CLASS (sitrep_filter_parent_class)->finalize (object);
}

static void
sitrep_filter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SitrepFilter *self = SITREP_FILTER (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;
    case PROP_HEDGINGS:
      g_value_set_uint (value, self->hedgings);
      break;
    case PROP_SOURCE_KINDS:
      g_value_set_uint (value, self->source_kinds);
      break;
    case PROP_SIDE:
      g_value_set_string (value, sitrep_filter_get_side (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, sitrep_filter_get_text (self));
      break;
    case PROP_MIN_RELIABILITY:
      g_value_set_uint (value, (guchar) self->min_reliability);
      break;
    case PROP_INCLUDE_UNGRADED:
      g_value_set_boolean (value, self->include_ungraded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_filter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SitrepFilter *self = SITREP_FILTER (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      sitrep_filter_set_kinds (self, g_value_get_uint (value));
      break;
    case PROP_HEDGINGS:
      sitrep_filter_set_hedgings (self, g_value_get_uint (value));
      break;
    case PROP_SOURCE_KINDS:
      sitrep_filter_set_source_kinds (self, g_value_get_uint (value));
      break;
    case PROP_SIDE:
      sitrep_filter_set_side (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      sitrep_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_MIN_RELIABILITY:
      sitrep_filter_set_min_reliability (self, (char) g_value_get_uint (value));
      break;
    case PROP_INCLUDE_UNGRADED:
      sitrep_filter_set_include_ungraded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_filter_class_init (SitrepFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sitrep_filter_finalize;
  object_class->get_property = sitrep_filter_get_property;
  object_class->set_property = sitrep_filter_set_property;

  properties[PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL, 0, SITREP_FILTER_ALL_KINDS, SITREP_FILTER_ALL_KINDS, flags);
  properties[PROP_HEDGINGS] =
    g_param_spec_uint ("hedgings", NULL, NULL, 0, SITREP_FILTER_ALL_HEDGINGS,
                       SITREP_FILTER_ALL_HEDGINGS, flags);
  properties[PROP_SOURCE_KINDS] =
    g_param_spec_uint ("source-kinds", NULL, NULL, 0, SITREP_FILTER_ALL_SOURCE_KINDS,
                       SITREP_FILTER_ALL_SOURCE_KINDS, flags);
  properties[PROP_SIDE] = g_param_spec_string ("side", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_MIN_RELIABILITY] =
    g_param_spec_uint ("min-reliability", NULL, NULL, 0, 'F', 0, flags);
  properties[PROP_INCLUDE_UNGRADED] =
    g_param_spec_boolean ("include-ungraded", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sitrep_filter_init (SitrepFilter *self)
{
  self->kinds = SITREP_FILTER_ALL_KINDS;
  self->hedgings = SITREP_FILTER_ALL_HEDGINGS;
  self->source_kinds = SITREP_FILTER_ALL_SOURCE_KINDS;
  self->include_ungraded = TRUE;
}
