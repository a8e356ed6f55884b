/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-event-store.c: SitrepEventStore's columns, window queries, bbox, async load, on real files. */

#include <inttypes.h>
#include <sqlite3.h>

#include "sitrep-db-private.h"
#include "sitrep-event-store.h"
#include "sitrep-histogram.h"
#include "sitrep-test-util.h"

#define DAY 86400
#define T0 1727740800 /* 2024-10-01 00:00 UTC */

typedef struct
{
  gint64 start;
  gint64 end;
  double lat;
  double lon;
  SitrepEventKind kind;
  gint64 id;          /* filled in when written */
} Spec;

static char *
write_collection (Spec  *specs,
                  guint  n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("store.sitrep");
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  sitrep_db_set_index_search (db, FALSE);
  g_assert_true (sitrep_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SitrepEvent) event = sitrep_event_new ();

      event->uid = g_strdup_printf ("e%u", i);
      event->kind = specs[i].kind;
      event->start = specs[i].start;
      event->end = specs[i].end;
      event->lat = specs[i].lat;
      event->lon = specs[i].lon;
      event->summary = g_strdup_printf ("Event number %u", i);
      specs[i].id = sitrep_db_insert_event (db, event, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sitrep_db_commit (db, &error));
  return g_steal_pointer (&path);
}

static SitrepEventStore *
load_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  SitrepEventStore *store = sitrep_event_store_new ();

  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* The ids of the events query() finds, in index order. */
static GArray *
query_ids (SitrepEventStore *store,
           gint64            from,
           gint64            to,
           const SitrepBBox *bbox)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = sitrep_event_store_query (store, from, to, bbox, indices);

  g_assert_cmpuint (n, ==, indices->len);
  for (guint i = 0; i < indices->len; i++)
    g_array_append_val (ids, c->id[g_array_index (indices, guint, i)]);
  return ids;
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_empty (void)
{
  g_autoptr (SitrepEventStore) store = sitrep_event_store_new ();
  g_autoptr (SitrepEventStore) loaded = NULL;
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *path = write_collection (NULL, 0);
  g_autoptr (GError) error = NULL;
  guint begin = 1, end = 1;

  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 0);
  g_assert_null (sitrep_event_store_get_path (store));
  g_assert_cmpuint (sitrep_event_store_query (store, 0, G_MAXINT64, NULL, out), ==, 0);
  sitrep_event_store_window (store, 0, G_MAXINT64, &begin, &end);
  g_assert_cmpuint (begin, ==, 0);
  g_assert_cmpuint (end, ==, 0);
  g_assert_cmpuint (sitrep_event_store_find_id (store, 1), ==, G_MAXUINT);
  g_assert_false (sitrep_event_store_get_range (store, NULL, NULL));
  g_assert_null (sitrep_event_store_get_event (store, 0, &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND);

  loaded = load_store (path);
  g_assert_cmpstr (sitrep_event_store_get_path (loaded), ==, path);
  g_assert_cmpuint (sitrep_event_store_get_n_events (loaded), ==, 0);
  g_assert_cmpuint (sitrep_event_store_query (loaded, T0 - 100 * DAY, T0 + 100 * DAY, NULL,
                                              out), ==, 0);
  g_assert_false (sitrep_event_store_get_range (loaded, NULL, NULL));
}

static void
test_one_event (void)
{
  Spec spec = { T0 + 10 * DAY, T0 + 11 * DAY, 49.9935, 36.2304, SITREP_KIND_SHELLING, 0 };
  g_autofree char *path = write_collection (&spec, 1);
  g_autoptr (SitrepEventStore) store = load_store (path);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  gint64 first = 0, last = 0;

  g_assert_cmpuint (c->n_events, ==, 1);
  g_assert_cmpint (c->epoch + c->start[0], ==, spec.start);
  g_assert_cmpint (c->epoch + c->end[0], ==, spec.end);
  g_assert_cmpfloat_with_epsilon (c->lat[0], 49.9935, 1e-4);
  g_assert_cmpfloat_with_epsilon (c->lon[0], 36.2304, 1e-4);
  g_assert_cmpint (c->kind[0], ==, SITREP_KIND_SHELLING);
  g_assert_cmpint (c->flags[0] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK, ==, 1);
  g_assert_false (c->flags[0] & SITREP_EVENT_FLAG_SPAN);
  g_assert_true (sitrep_event_store_get_range (store, &first, &last));
  g_assert_cmpint (first, ==, spec.start);
  g_assert_cmpint (last, ==, spec.end);

  /* Inside, around, before, after, and touching either end of the half-open span. */
  {
    g_autoptr (GArray) a = query_ids (store, T0, T0 + 30 * DAY, NULL);
    g_autoptr (GArray) b = query_ids (store, spec.start, spec.start + 1, NULL);
    g_autoptr (GArray) d = query_ids (store, spec.end - 1, spec.end, NULL);
    g_autoptr (GArray) e = query_ids (store, spec.end, spec.end + DAY, NULL);
    g_autoptr (GArray) f = query_ids (store, T0, spec.start, NULL);
    g_autoptr (GArray) g = query_ids (store, spec.start + 3600, spec.start + 7200, NULL);

    assert_ids (a, &spec.id, 1);
    assert_ids (b, &spec.id, 1);
    assert_ids (d, &spec.id, 1);
    assert_ids (e, NULL, 0);
    assert_ids (f, NULL, 0);
    assert_ids (g, &spec.id, 1);
  }

  g_assert_cmpuint (sitrep_event_store_find_id (store, spec.id), ==, 0);
  g_assert_cmpuint (sitrep_event_store_find_id (store, spec.id + 1), ==, G_MAXUINT);
  event = sitrep_event_store_get_event (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (event->id, ==, spec.id);
  g_assert_cmpstr (event->summary, ==, "Event number 0");
  g_assert_cmpint (event->start, ==, spec.start);
}

static void
test_equal_starts (void)
{
  Spec specs[40];
  g_autofree char *path = NULL;
  g_autoptr (SitrepEventStore) store = NULL;
  const SitrepEventColumns *c;

  /* The covering index orders equal starts by end, lat, ...: give later ids smaller
   * ends and latitudes, so that the index order is the reverse of the id order. */
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    specs[i] = (Spec) { T0 + 5 * DAY, T0 + 5 * DAY + (40 - i) * 60, 50.0 - i * 0.01, 36.0,
                        SITREP_KIND_DRONE_STRIKE, 0 };
  specs[0].start = specs[0].end = T0;                       /* one before */
  specs[39].start = T0 + 9 * DAY;                           /* one after */
  specs[39].end = specs[39].start + DAY;
  path = write_collection (specs, G_N_ELEMENTS (specs));
  store = load_store (path);
  c = sitrep_event_store_get_columns (store);

  g_assert_cmpuint (c->n_events, ==, 40);
  for (guint i = 1; i < c->n_events; i++)
    g_assert_true (c->start[i - 1] < c->start[i] ||
                   (c->start[i - 1] == c->start[i] && c->id[i - 1] < c->id[i]));
  /* A point in time (end == start) is still found by a window holding it. */
  {
    g_autoptr (GArray) point = query_ids (store, T0, T0 + 1, NULL);
    g_autoptr (GArray) all = query_ids (store, T0 + 5 * DAY, T0 + 5 * DAY + 1, NULL);
    g_autoptr (GArray) late = query_ids (store, T0 + 5 * DAY + 38 * 60, T0 + 6 * DAY, NULL);
    gint64 expected[38];

    assert_ids (point, &specs[0].id, 1);
    for (guint i = 0; i < 38; i++)
      expected[i] = specs[i + 1].id;
    assert_ids (all, expected, 38);
    /* Only ends after +38 min: i = 1 (39 min) and i = 0 is elsewhere. */
    assert_ids (late, &specs[1].id, 1);
  }
}

static void
test_spans (void)
{
  Spec specs[] = {
    /* 0: a long span across the window's start */
    { T0, T0 + 20 * DAY, 49.7, 37.6, SITREP_KIND_OFFENSIVE, 0 },
    /* 1: a day inside */
    { T0 + 12 * DAY, T0 + 13 * DAY, 49.5, 37.0, SITREP_KIND_CLASH, 0 },
    /* 2: a span across the window's end */
    { T0 + 14 * DAY, T0 + 40 * DAY, 49.2, 37.2, SITREP_KIND_ADVANCE, 0 },
    /* 3: a span that ends exactly where the window starts */
    { T0 + 2 * DAY, T0 + 10 * DAY, 49.9, 36.3, SITREP_KIND_CLASH, 0 },
    /* 4: starts exactly where the window ends */
    { T0 + 15 * DAY, T0 + 16 * DAY, 49.9, 36.3, SITREP_KIND_SHELLING, 0 },
    /* 5: wholly around the window */
    { T0 - 5 * DAY, T0 + 100 * DAY, 48.5, 35.0, SITREP_KIND_OTHER, 0 },
  };
  g_autofree char *path = write_collection (specs, G_N_ELEMENTS (specs));
  g_autoptr (SitrepEventStore) store = load_store (path);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr (GArray) window = query_ids (store, T0 + 10 * DAY, T0 + 15 * DAY, NULL);
  gint64 expected[4];

  g_assert_cmpint (c->max_duration, ==, 105 * DAY);
  g_assert_true (c->flags[sitrep_event_store_find_id (store, specs[0].id)] &
                 SITREP_EVENT_FLAG_SPAN);
  g_assert_false (c->flags[sitrep_event_store_find_id (store, specs[1].id)] &
                  SITREP_EVENT_FLAG_SPAN);
  /* Index order is start order: 5, 0, 1, 2. */
  expected[0] = specs[5].id;
  expected[1] = specs[0].id;
  expected[2] = specs[1].id;
  expected[3] = specs[2].id;
  assert_ids (window, expected, 4);

  /* A bbox round the Izium area keeps 1 and 2 only... and 0 lies at 49.7/37.6. */
  {
    SitrepBBox bbox = { 49.0, 36.9, 49.6, 37.5 };
    g_autoptr (GArray) boxed = query_ids (store, T0 + 10 * DAY, T0 + 15 * DAY, &bbox);
    expected[0] = specs[1].id;
    expected[1] = specs[2].id;
    assert_ids (boxed, expected, 2);
  }
  /* Bounds are inclusive. */
  {
    SitrepBBox edge = { 49.5, 37.0, 49.5, 37.0 };
    g_autoptr (GArray) boxed = query_ids (store, T0, T0 + 200 * DAY, &edge);
    assert_ids (boxed, &specs[1].id, 1);
  }
  /* An empty or reversed window finds nothing. */
  {
    g_autoptr (GArray) none = query_ids (store, T0 + 12 * DAY, T0 + 12 * DAY, NULL);
    g_autoptr (GArray) reversed = query_ids (store, T0 + 13 * DAY, T0 + 12 * DAY, NULL);
    assert_ids (none, NULL, 0);
    assert_ids (reversed, NULL, 0);
  }
}

/* The flags column says what the map draws: precision, disputed, hedged, span. */
static void
test_flags (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("flags.sitrep");
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);
  g_autoptr (SitrepEventStore) store = NULL;
  const SitrepHedging hedgings[] = { SITREP_HEDGING_ATTRIBUTED, SITREP_HEDGING_HEDGED,
                                     SITREP_HEDGING_DISPUTED };
  gint64 ids[3];
  const SitrepEventColumns *c;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (SitrepEvent) event = sitrep_event_new ();
      SitrepClaim *claim = sitrep_claim_new ();

      event->kind = SITREP_KIND_AIR_STRIKE;
      event->start = T0 + i * DAY;
      event->end = event->start + (i == 2 ? 3 * DAY : DAY);
      event->lat = 49.9;
      event->lon = 36.2;
      event->geo_precision = i + 1;
      claim->quote = g_strdup ("Quote.");
      claim->hedging = hedgings[i];
      g_ptr_array_add (event->claims, claim);
      ids[i] = sitrep_db_insert_event (db, event, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&db);
  store = load_store (path);
  c = sitrep_event_store_get_columns (store);
  g_assert_cmpuint (c->n_events, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      guint index = sitrep_event_store_find_id (store, ids[i]);
      guint8 flags = c->flags[index];

      g_assert_cmpuint (index, ==, i);
      g_assert_cmpint (c->kind[index], ==, SITREP_KIND_AIR_STRIKE);
      g_assert_cmpint (flags & SITREP_EVENT_FLAG_GEO_PRECISION_MASK, ==, i + 1);
      g_assert_cmpint (!!(flags & SITREP_EVENT_FLAG_HEDGED), ==, i >= 1);
      g_assert_cmpint (!!(flags & SITREP_EVENT_FLAG_DISPUTED), ==, i == 2);
      g_assert_cmpint (!!(flags & SITREP_EVENT_FLAG_SPAN), ==, i == 2);
    }
}

/* ---- Property test against a brute-force scan ---- */

static gboolean
brute_overlaps (const Spec       *s,
                gint64            from,
                gint64            to,
                const SitrepBBox *bbox)
{
  gint64 end = MAX (s->end, s->start + 1);
  float lat = (float) s->lat, lon = (float) s->lon;

  if (!(from < to && s->start < to && end > from))
    return FALSE;
  return bbox == NULL || (lat >= bbox->min_lat && lat <= bbox->max_lat &&
                          lon >= bbox->min_lon && lon <= bbox->max_lon);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static void
test_property (void)
{
  const guint n_events = 5000;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20241124);
  g_autofree Spec *specs = g_new0 (Spec, n_events);
  g_autofree char *path = NULL;
  g_autoptr (SitrepEventStore) store = NULL;
  const SitrepEventColumns *c;
  const gint64 span = 365 * (gint64) DAY;
  guint64 total_found = 0;

  for (guint i = 0; i < n_events; i++)
    {
      Spec *s = &specs[i];
      double r = g_rand_double (rand);

      /* Many starts on day boundaries (so ties are common), some at any second. */
      s->start = T0 + (g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 365) * (gint64) DAY
                                             : (gint64) g_rand_double_range (rand, 0, span));
      if (r < 0.1)
        s->end = s->start;                                       /* a point */
      else if (r < 0.8)
        s->end = s->start + DAY;                                 /* a day */
      else
        s->end = s->start + g_rand_int_range (rand, 1, 60 * DAY); /* a span */
      s->lat = g_rand_double_range (rand, 44.3, 52.4);
      s->lon = g_rand_double_range (rand, 22.1, 40.3);
      s->kind = g_rand_int_range (rand, 0, SITREP_N_KINDS);
    }
  path = write_collection (specs, n_events);
  store = load_store (path);
  c = sitrep_event_store_get_columns (store);
  g_assert_cmpuint (c->n_events, ==, n_events);
  for (guint i = 1; i < c->n_events; i++)
    g_assert_true (c->start[i - 1] < c->start[i] ||
                   (c->start[i - 1] == c->start[i] && c->id[i - 1] < c->id[i]));
  for (guint i = 0; i < n_events; i++)
    g_assert_cmpint (c->id[sitrep_event_store_find_id (store, specs[i].id)], ==, specs[i].id);

  for (guint q = 0; q < 1000; q++)
    {
      gint64 from = T0 - 30 * DAY + (gint64) g_rand_double_range (rand, 0, span + 60.0 * DAY);
      gint64 to = from + (q % 10 == 0 ? g_rand_int_range (rand, 0, 3) /* tiny, empty */
                                      : (gint64) g_rand_double_range (rand, 1, 90.0 * DAY));
      SitrepBBox box;
      const SitrepBBox *bbox = NULL;
      g_autoptr (GArray) got = NULL;
      g_autoptr (GArray) want = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (q % 2 == 1)
        {
          double lat = g_rand_double_range (rand, 44.0, 52.0);
          double lon = g_rand_double_range (rand, 22.0, 40.0);
          box = (SitrepBBox) { lat, lon, lat + g_rand_double_range (rand, 0.1, 4.0),
                               lon + g_rand_double_range (rand, 0.1, 6.0) };
          bbox = &box;
        }
      got = query_ids (store, from, to, bbox);
      for (guint i = 0; i < n_events; i++)
        if (brute_overlaps (&specs[i], from, to, bbox))
          g_array_append_val (want, specs[i].id);
      g_array_sort (got, compare_gint64);
      g_array_sort (want, compare_gint64);
      g_assert_cmpuint (got->len, ==, want->len);
      total_found += want->len;
      for (guint i = 0; i < want->len; i++)
        g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (want, gint64, i));
    }
  /* The windows are not all empty: the comparison is worth something. */
  g_assert_cmpuint (total_found, >, 20000);
}

/* The store's query reads the covering index only, never the table. */
static void
test_query_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_collection (NULL, 0);
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_autoptr (GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "EXPLAIN QUERY PLAN SELECT start_time, end_time, lat, "
                                       "lon, kind, hedging, disputed, geo_precision, id FROM "
                                       "events ORDER BY start_time",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX events_by_time"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

/* ---- The column cache ---- */

static void
assert_same_columns (SitrepEventStore *a,
                     SitrepEventStore *b)
{
  const SitrepEventColumns *x = sitrep_event_store_get_columns (a);
  const SitrepEventColumns *y = sitrep_event_store_get_columns (b);
  guint n = x->n_events;

  g_assert_cmpuint (x->n_events, ==, y->n_events);
  g_assert_cmpint (x->epoch, ==, y->epoch);
  g_assert_cmpint (x->max_duration, ==, y->max_duration);
  g_assert_cmpmem (x->start, n * sizeof (gint32), y->start, n * sizeof (gint32));
  g_assert_cmpmem (x->end, n * sizeof (gint32), y->end, n * sizeof (gint32));
  g_assert_cmpmem (x->lat, n * sizeof (float), y->lat, n * sizeof (float));
  g_assert_cmpmem (x->lon, n * sizeof (float), y->lon, n * sizeof (float));
  g_assert_cmpmem (x->kind, n, y->kind, n);
  g_assert_cmpmem (x->flags, n, y->flags, n);
  g_assert_cmpmem (x->id, n * sizeof (gint64), y->id, n * sizeof (gint64));
}

/* Loads path with the cache, checks how the cache was used, and that the columns are
 * those of a load that reads the events table and leaves the cache alone. */
static void
assert_cache_load (const char              *path,
                   SitrepColumnCacheStatus  expected,
                   guint                    n_events)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEventStore) cached = sitrep_event_store_new ();
  g_autoptr (SitrepEventStore) direct = sitrep_event_store_new ();
  guint32 counts[SITREP_N_KINDS] = { 0, };
  guint32 total = 0;

  sitrep_event_store_set_use_cache (direct, FALSE);
  g_assert_true (sitrep_event_store_load (direct, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_event_store_get_cache_status (direct), ==, SITREP_COLUMN_CACHE_NONE);
  g_assert_true (sitrep_event_store_load (cached, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_event_store_get_cache_status (cached), ==, expected);
  g_assert_cmpuint (sitrep_event_store_get_n_events (cached), ==, n_events);
  assert_same_columns (cached, direct);

  /* The histogram's prefix sums come with the columns and count every event. */
  g_assert_nonnull (sitrep_event_store_get_histogram_index (cached));
  sitrep_histogram_index_count_before (sitrep_event_store_get_histogram_index (cached),
                                       G_MAXINT64 / 4, counts);
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    total += counts[k];
  g_assert_cmpuint (total, ==, n_events);

  /* And in the middle, where the index reads the columns: as a count by hand. */
  if (n_events > 0)
    {
      const SitrepEventColumns *c = sitrep_event_store_get_columns (cached);
      gint64 t = c->epoch + c->start[n_events / 2] + 1;
      guint32 want[SITREP_N_KINDS] = { 0, };

      memset (counts, 0, sizeof counts);
      sitrep_histogram_index_count_before (sitrep_event_store_get_histogram_index (cached), t,
                                           counts);
      for (guint i = 0; i < n_events; i++)
        if (c->epoch + c->start[i] < t)
          want[c->kind[i]]++;
      g_assert_cmpmem (counts, sizeof counts, want, sizeof want);
    }
}

static void
exec_on (const char *path,
         const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (sitrep_db_get_handle (db), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
test_column_cache (void)
{
  const guint n_events = 3000;
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);
  g_autofree Spec *specs = g_new0 (Spec, n_events);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEventStore) store = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepEvent) extra = sitrep_event_new ();
  guint kept = 0;

  for (guint i = 0; i < n_events; i++)
    {
      specs[i].start = T0 + g_rand_int_range (rand, 0, 200) * (gint64) DAY / 2;
      specs[i].end = specs[i].start + g_rand_int_range (rand, 0, 5) * (gint64) DAY;
      specs[i].lat = g_rand_double_range (rand, 44.3, 52.4);
      specs[i].lon = g_rand_double_range (rand, 22.1, 40.3);
      specs[i].kind = g_rand_int_range (rand, 0, SITREP_N_KINDS);
    }
  path = write_collection (specs, n_events);

  /* The first load reads the events and stores the cache; the next one reads the cache. */
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, n_events);
  assert_cache_load (path, SITREP_COLUMN_CACHE_HIT, n_events);

  /* An insert makes it stale: the new event is in the next load. */
  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  extra->uid = g_strdup ("late");
  extra->kind = SITREP_KIND_CAPTURE;
  extra->start = T0 - 10 * DAY;  /* before every other: a new epoch */
  extra->end = extra->start + 40 * DAY;
  extra->lat = 49.7;
  extra->lon = 37.6;
  g_assert_cmpint (sitrep_db_insert_event (db, extra, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&db);
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, n_events + 1);
  store = load_store (path);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==, SITREP_COLUMN_CACHE_HIT);
  g_assert_cmpint (sitrep_event_store_get_columns (store)->id[0], ==, extra->id);
  g_clear_object (&store);

  /* Updates of loaded columns make it stale; an update of the summary does not. */
  sql = g_strdup_printf ("UPDATE events SET start_time = start_time + 7200, "
                         "end_time = end_time + 7200 WHERE id = %" PRId64, specs[5].id);
  exec_on (path, sql);
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, n_events + 1);
  exec_on (path, "UPDATE events SET kind = 9 WHERE id % 7 = 0");
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, n_events + 1);
  exec_on (path, "UPDATE events SET lat = lat + 0.5, hedging = 2 WHERE id % 5 = 0");
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, n_events + 1);
  exec_on (path, "UPDATE events SET summary = 'changed' WHERE id % 3 = 0");
  assert_cache_load (path, SITREP_COLUMN_CACHE_HIT, n_events + 1);

  /* A delete makes it stale, and the deleted events are gone from the next load. */
  exec_on (path, "DELETE FROM events WHERE id % 10 = 1");
  kept = extra->id % 10 != 1;
  for (guint i = 0; i < n_events; i++)
    kept += specs[i].id % 10 != 1;
  g_assert_cmpuint (kept, <, n_events);
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, kept);
  store = load_store (path);
  for (guint i = 0; i < n_events; i++)
    g_assert_true ((sitrep_event_store_find_id (store, specs[i].id) == G_MAXUINT) ==
                   (specs[i].id % 10 == 1));
  g_clear_object (&store);

  /* A damaged cache (bytes changed behind the version's back) is not trusted. */
  exec_on (path, "UPDATE event_columns SET data = randomblob(length(data)) WHERE name = 'kind'");
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, kept);
  exec_on (path, "UPDATE event_columns SET data = substr(data, 1, 10) WHERE name = 'lat'");
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, kept);
  exec_on (path, "DELETE FROM event_columns WHERE name = 'header'");
  assert_cache_load (path, SITREP_COLUMN_CACHE_WRITTEN, kept);
  assert_cache_load (path, SITREP_COLUMN_CACHE_HIT, kept);
}

/* An empty collection caches as well. */
static void
test_column_cache_empty (void)
{
  g_autofree char *path = write_collection (NULL, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepEventStore) store = sitrep_event_store_new ();

  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==,
                   SITREP_COLUMN_CACHE_WRITTEN);
  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==, SITREP_COLUMN_CACHE_HIT);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 0);
  g_assert_null (sitrep_event_store_get_histogram_index (store));
}

/* ---- Async ---- */

typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  guint progress_calls;
  double last_fraction;
  gboolean progress_off_thread;
  gboolean notified;
  guint changed;
  gboolean ok;
  GError *error;
} AsyncState;

static void
on_progress (double   fraction,
             gpointer data)
{
  AsyncState *state = data;

  state->progress_calls++;
  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;
  if (g_thread_self () != state->main_thread)
    state->progress_off_thread = TRUE;
}

static void
on_progress_notify (gpointer data)
{
  ((AsyncState *) data)->notified = TRUE;
}

static void
on_changed (SitrepEventStore *store,
            gpointer          data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->changed++;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncState *state = data;

  state->ok = sitrep_event_store_load_finish (SITREP_EVENT_STORE (source), result,
                                              &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  Spec specs[300];
  g_autofree char *path = NULL;
  g_autoptr (SitrepEventStore) store = sitrep_event_store_new ();
  AsyncState state = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    specs[i] = (Spec) { T0 + i * 3600, T0 + i * 3600 + DAY, 49.0 + i * 0.001, 36.0,
                        SITREP_KIND_SHELLING, 0 };
  path = write_collection (specs, G_N_ELEMENTS (specs));

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &state);
  sitrep_event_store_load_async (store, path, NULL, on_progress, &state, on_progress_notify,
                                 on_loaded, &state);
  /* Nothing is swapped in before the loop runs the completion. */
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 0);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.changed, ==, 1);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, G_N_ELEMENTS (specs));
  /* Let pending progress reports arrive, then the notify. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.progress_calls, >=, 1);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_false (state.progress_off_thread);
  g_assert_true (state.notified);
  g_main_loop_unref (state.loop);
}

static void
test_async_cancel_and_errors (void)
{
  Spec spec = { T0, T0 + DAY, 49.0, 36.0, SITREP_KIND_CLASH, 0 };
  g_autofree char *path = write_collection (&spec, 1);
  g_autofree char *bad = sitrep_test_tmp_path ("bad.sitrep");
  g_autoptr (SitrepEventStore) store = load_store (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  const SitrepEventColumns *before = sitrep_event_store_get_columns (store);
  const gint64 *ids_before = before->id;
  AsyncState state = { 0, };
  g_autoptr (GError) error = NULL;

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &state);

  g_cancellable_cancel (cancellable);
  sitrep_event_store_load_async (store, path, cancellable, NULL, NULL, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.changed, ==, 0);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 1);
  g_assert_true (sitrep_event_store_get_columns (store)->id == ids_before);

  /* A bad file: the error names it, and the store keeps what it had. */
  sitrep_test_write_file (bad, "not a database at all", -1);
  sitrep_event_store_load_async (store, bad, NULL, NULL, NULL, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (state.error->message, "bad"));
  g_clear_error (&state.error);
  g_assert_cmpuint (state.changed, ==, 0);
  g_assert_cmpstr (sitrep_event_store_get_path (store), ==, path);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 1);

  g_assert_false (sitrep_event_store_load (store, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_SQLITE);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 1);

  g_main_loop_unref (state.loop);
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);

  g_test_add_func ("/event-store/empty", test_empty);
  g_test_add_func ("/event-store/one-event", test_one_event);
  g_test_add_func ("/event-store/equal-starts", test_equal_starts);
  g_test_add_func ("/event-store/spans", test_spans);
  g_test_add_func ("/event-store/flags", test_flags);
  g_test_add_func ("/event-store/property", test_property);
  g_test_add_func ("/event-store/query-plan", test_query_plan);
  g_test_add_func ("/event-store/column-cache", test_column_cache);
  g_test_add_func ("/event-store/column-cache-empty", test_column_cache_empty);
  g_test_add_func ("/event-store/async", test_async);
  g_test_add_func ("/event-store/async-cancel-and-errors", test_async_cancel_and_errors);

  return g_test_run ();
}
