/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-filter.c: the filter keeps the right events, by kind, hedging, source, side and text. */
#define G_LOG_DOMAIN "sitrep-test-filter"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sitrep-db.h"
#include "sitrep-event-store.h"
#include "sitrep-filter.h"
#include "sitrep-test-util.h"

static char *collection;

typedef struct
{
  const char *uid;
  SitrepEventKind kind;
  const char *day;
  const char *place;
  const char *place_uk;
  const char *place_ru;
  double lat, lon;
  const char *summary;
  const char *quote;
  const char *outlet;
  SitrepSourceKind source;
  SitrepHedging hedging;
  const char *actor;
  const char *side;
} Row;

/* Written in the style of the reference article, not copied from it. */
static const Row rows[] = {
  { "kup-1", SITREP_KIND_SHELLING, "2024-11-20", "Kupiansk", "Куп'янськ", "Купянск", 49.7106, 37.6156,
    "Multiple rocket launchers shelled the railway junction of Kupiansk.",
    "Grad rockets reportedly hit the junction, according to unconfirmed reports.",
    "Front Daily", SITREP_SOURCE_UNCONFIRMED, SITREP_HEDGING_HEDGED, "Russian Armed Forces", "Russia" },
  { "kha-1", SITREP_KIND_AIR_STRIKE, "2024-11-22", "Kharkiv", "Харків", "Харьков", 49.9935, 36.2304,
    "A guided bomb struck an industrial site in Kharkiv.",
    "The regional governor said a guided bomb struck an industrial site.",
    "Kyiv Wire", SITREP_SOURCE_OFFICIAL, SITREP_HEDGING_ATTRIBUTED, "Russian Air Force", "Russia" },
  { "cas-1", SITREP_KIND_CASUALTY_CLAIM, "2024-11-17", "Donetsk Oblast", NULL, NULL, 48.0, 37.8,
    "An analyst put losses in the sector at several thousand over the week.",
    "If accurate, the figure would be the highest this year, one analyst estimated.",
    "Policy Review", SITREP_SOURCE_EXPERT, SITREP_HEDGING_DISPUTED, "Armed Forces of Ukraine", "Ukraine" },
  { "kup-2", SITREP_KIND_DRONE_STRIKE, "2024-11-24", "Kupiansk-Vuzlovyi", "Куп'янськ-Вузловий",
    "Купянск-Узловой", 49.6589, 37.6817,
    "Drones hit a depot near the station of Kupiansk-Vuzlovyi overnight.",
    "Satellite imagery and local reports point to a fire at the depot.",
    "Open Maps", SITREP_SOURCE_SATELLITE, SITREP_HEDGING_ASSERTED, "Armed Forces of Ukraine", "Ukraine" },
};

static void
write_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepDb) db = NULL;

  collection = sitrep_test_tmp_path ("filter.sitrep");
  db = sitrep_db_open (collection, SITREP_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *r = &rows[i];
      g_autoptr(SitrepEvent) event = sitrep_event_new ();
      g_autoptr(SitrepPlace) place = sitrep_place_new ();
      SitrepClaim *claim = sitrep_claim_new ();
      SitrepActor actor = { g_strdup (r->actor), g_strdup (r->side), g_strdup ("actor1") };
      gint64 day = 0;

      g_assert_true (sitrep_iso_day_to_unix (r->day, &day));
      place->gazetteer_id = g_strdup_printf ("test:%u", i);
      place->name = g_strdup (r->place);
      place->name_uk = g_strdup (r->place_uk);
      place->name_ru = g_strdup (r->place_ru);
      place->lat = r->lat;
      place->lon = r->lon;
      place->admin1 = g_strdup (i == 2 ? "Donetsk Oblast" : "Kharkiv Oblast");
      place->country = g_strdup ("UA");
      event->uid = g_strdup (r->uid);
      event->kind = r->kind;
      event->start = day;
      event->end = day + 86400;
      event->place = g_object_ref (place);
      event->place_as_written = g_strdup (r->place);
      event->lat = r->lat;
      event->lon = r->lon;
      event->admin1 = g_strdup (place->admin1);
      event->summary = g_strdup (r->summary);
      event->hedging = r->hedging;
      event->disputed = r->hedging == SITREP_HEDGING_DISPUTED;
      claim->quote = g_strdup (r->quote);
      claim->outlet = g_strdup (r->outlet);
      claim->source_kind = r->source;
      claim->hedging = r->hedging;
      g_ptr_array_add (event->claims, claim);
      g_array_append_val (event->actors, actor);

      g_assert_true (sitrep_db_begin (db, &error));
      g_assert_no_error (error);
      sitrep_db_ensure_place (db, place, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sitrep_db_insert_event (db, event, &error), >, 0);
      g_assert_no_error (error);
      g_assert_true (sitrep_db_commit (db, &error));
    }
}

static SitrepEventStore *
load_store (void)
{
  g_autoptr(GError) error = NULL;
  SitrepEventStore *store = sitrep_event_store_new ();

  g_assert_true (sitrep_event_store_load (store, collection, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, G_N_ELEMENTS (rows));
  return store;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The uids of the events the filter keeps, sorted, comma-separated. */
static char *
kept (SitrepFilter     *filter,
      SitrepEventStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) mask = sitrep_filter_compute (filter, store, NULL, &error);
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  const guint64 *bits;

  g_assert_no_error (error);
  bits = mask != NULL ? g_bytes_get_data (mask, NULL) : NULL;
  for (guint i = 0; i < sitrep_event_store_get_n_events (store); i++)
    if (sitrep_filter_mask_get (bits, i))
      {
        g_autoptr(SitrepEvent) event = sitrep_event_store_get_event (store, i, &error);

        g_assert_no_error (error);
        g_ptr_array_add (uids, g_strdup (event->uid));
      }
  g_ptr_array_sort (uids, compare_strings);
  g_ptr_array_add (uids, NULL);
  g_assert_cmpuint (sitrep_filter_mask_count (mask, sitrep_event_store_get_n_events (store)), ==, uids->len - 1);
  return g_strjoinv (",", (char **) uids->pdata);
}

#define assert_kept(filter, store, expected) \
  G_STMT_START { g_autofree char *got_ = kept (filter, store); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_columns (void)
{
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) mask = NULL;

  g_assert_true (sitrep_filter_is_empty (filter));
  mask = sitrep_filter_compute (filter, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (mask);
  assert_kept (filter, store, "cas-1,kha-1,kup-1,kup-2");

  sitrep_filter_set_kinds (filter, (1u << SITREP_KIND_SHELLING) | (1u << SITREP_KIND_DRONE_STRIKE));
  g_assert_false (sitrep_filter_is_empty (filter));
  assert_kept (filter, store, "kup-1,kup-2");
  sitrep_filter_set_kinds (filter, 0);
  assert_kept (filter, store, "");
}

static void
test_claims (void)
{
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();

  sitrep_filter_set_hedgings (filter, 1u << SITREP_HEDGING_HEDGED | 1u << SITREP_HEDGING_DISPUTED);
  assert_kept (filter, store, "cas-1,kup-1");
  sitrep_filter_set_hedgings (filter, SITREP_FILTER_ALL_HEDGINGS);
  sitrep_filter_set_source_kinds (filter, 1u << SITREP_SOURCE_SATELLITE | 1u << SITREP_SOURCE_OFFICIAL);
  assert_kept (filter, store, "kha-1,kup-2");
  sitrep_filter_set_source_kinds (filter, SITREP_FILTER_ALL_SOURCE_KINDS);
  sitrep_filter_set_side (filter, "Ukraine");
  assert_kept (filter, store, "cas-1,kup-2");
  sitrep_filter_set_side (filter, "russian air force");
  assert_kept (filter, store, "kha-1");
  /* Criteria combine. */
  sitrep_filter_set_side (filter, "Russia");
  sitrep_filter_set_kinds (filter, 1u << SITREP_KIND_SHELLING);
  assert_kept (filter, store, "kup-1");
}

static void
test_text (void)
{
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();

  /* Every script: the Russian and Ukrainian names find the Latin-spelled events. */
  sitrep_filter_set_text (filter, "Купянск");
  assert_kept (filter, store, "kup-1,kup-2");
  sitrep_filter_set_text (filter, "Куп'янськ-Вузловий");
  assert_kept (filter, store, "kup-2");
  sitrep_filter_set_text (filter, "kupiansk");
  assert_kept (filter, store, "kup-1,kup-2");
  sitrep_filter_set_text (filter, "Харьков");
  assert_kept (filter, store, "kha-1");
  /* Words are prefixes and must all match: quotes and summaries count. */
  sitrep_filter_set_text (filter, "grad junct");
  assert_kept (filter, store, "kup-1");
  sitrep_filter_set_text (filter, "satellite depot");
  assert_kept (filter, store, "kup-2");
  sitrep_filter_set_text (filter, "guided Kupiansk");
  assert_kept (filter, store, "");
  /* FTS syntax in the input is only text. */
  sitrep_filter_set_text (filter, "\"bomb\" OR (NEAR* -");
  assert_kept (filter, store, "");
  sitrep_filter_set_text (filter, "   ");
  g_assert_true (sitrep_filter_is_empty (filter));
}

static GStrv
expand_kharkiv (const char *word,
                gpointer    user_data)
{
  if (g_ascii_strcasecmp (word, "Charkow") == 0)
    return g_strdupv ((char *[]) { "Kharkiv", "Харків", NULL });
  return NULL;
}

static void
test_query (void)
{
  g_autofree char *q1 = sitrep_filter_build_fts_query ("  Купянск  \"x\" ", NULL, NULL);
  g_autofree char *q2 = sitrep_filter_build_fts_query ("Charkow", expand_kharkiv, NULL);
  g_autofree char *q3 = sitrep_filter_build_fts_query (" , ; ", NULL, NULL);
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();

  g_assert_cmpstr (q1, ==, "(\"Купянск\"*) AND (\"\"\"x\"\"\"*)");
  g_assert_cmpstr (q2, ==, "(\"Charkow\"* OR \"Kharkiv\"* OR \"Харків\"*)");
  g_assert_null (q3);
  sitrep_filter_set_expand_func (filter, expand_kharkiv, NULL, NULL);
  sitrep_filter_set_text (filter, "charkow");
  assert_kept (filter, store, "kha-1");
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sitrep_filter_compute_finish (SITREP_FILTER (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_async (void)
{
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();
  g_autoptr(GBytes) mask = NULL;

  sitrep_filter_set_text (filter, "Купянск");
  sitrep_filter_compute_async (filter, store, NULL, on_computed, &mask);
  while (mask == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sitrep_filter_mask_count (mask, G_N_ELEMENTS (rows)), ==, 2);
}

static void
test_missing_collection (void)
{
  g_autoptr(SitrepEventStore) store = load_store ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();
  g_autofree char *moved = g_strconcat (collection, ".moved", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) mask = NULL;

  /* The file went away after loading: a clear error naming it, no crash. */
  g_assert_cmpint (g_rename (collection, moved), ==, 0);
  sitrep_filter_set_text (filter, "Kharkiv");
  mask = sitrep_filter_compute (filter, store, NULL, &error);
  g_assert_null (mask);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "filter"));
  g_assert_cmpint (g_rename (moved, collection), ==, 0);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
add_grade (SitrepDb   *db,
           const char *subject_kind,
           const char *subject,
           char        grade,
           gint64      created,
           gint64     *id_out)
{
  g_autoptr(GError) error = NULL;
  SitrepRating rating = { 0, };
  gint64 id;

  rating.subject_kind = (char *) subject_kind;
  rating.subject = (char *) subject;
  rating.reliability = grade;
  rating.created = created;
  id = sitrep_db_add_rating (db, &rating, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (id_out != NULL)
    *id_out = id;
}

/* Source reliability from the analyst's grades, on a copy of the collection. */
static void
test_ratings (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("ratings.sitrep");
  g_autoptr(GFile) from = g_file_new_for_path (collection);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepDb) db = NULL;
  g_autoptr(SitrepEventStore) store = sitrep_event_store_new ();
  g_autoptr(SitrepFilter) filter = sitrep_filter_new ();
  gint64 regrade = 0;
  guint changes = 0;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* kup-1 also quotes a named analyst. */
  {
    g_autoptr(SitrepEvent) kup1 = sitrep_db_load_event_by_uid (db, "kup-1", &error);
    g_autoptr(SitrepClaim) claim = sitrep_claim_new ();

    g_assert_no_error (error);
    claim->quote = g_strdup ("Olena Vasko said the junction had been hit twice.");
    claim->attributed_to = g_strdup ("Olena Vasko");
    claim->outlet = g_strdup ("Front Daily");
    claim->source_kind = SITREP_SOURCE_EXPERT;
    claim->hedging = SITREP_HEDGING_ATTRIBUTED;
    g_assert_true (sitrep_db_begin (db, &error));
    g_assert_cmpint (sitrep_db_add_claim (db, kup1->id, claim, NULL, &error), >, 0);
    g_assert_no_error (error);
    g_assert_true (sitrep_db_commit (db, &error));
  }
  add_grade (db, "outlet", "Kyiv Wire", 'B', 1000, NULL);
  add_grade (db, "outlet", "Front Daily", 'E', 1000, NULL);
  add_grade (db, "outlet", "Policy Review", 'D', 1000, NULL);
  /* Open Maps (kup-2) is not graded. */

  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (filter, "changed", G_CALLBACK (count_signal), &changes);

  /* Any grade and the ungraded: the default keeps everything, and reloading is a no-op. */
  g_assert_cmpint (sitrep_filter_get_min_reliability (filter), ==, 0);
  g_assert_true (sitrep_filter_get_include_ungraded (filter));
  g_assert_true (sitrep_filter_is_empty (filter));
  g_assert_false (sitrep_filter_reload_ratings (filter));
  g_assert_cmpuint (changes, ==, 0);

  sitrep_filter_set_min_reliability (filter, 'b');
  g_assert_cmpint (sitrep_filter_get_min_reliability (filter), ==, 'B');
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (sitrep_filter_is_empty (filter));
  assert_kept (filter, store, "kha-1,kup-2");
  sitrep_filter_set_include_ungraded (filter, FALSE);
  assert_kept (filter, store, "kha-1");
  sitrep_filter_set_min_reliability (filter, 'D');
  assert_kept (filter, store, "cas-1,kha-1");
  /* Any grade, without the ungraded: every graded event. */
  sitrep_filter_set_min_reliability (filter, 'Z');
  g_assert_cmpint (sitrep_filter_get_min_reliability (filter), ==, 0);
  assert_kept (filter, store, "cas-1,kha-1,kup-1");

  /* The analyst grades the speaker: kup-1 now has a claim graded A. */
  sitrep_filter_set_min_reliability (filter, 'B');
  assert_kept (filter, store, "kha-1");
  add_grade (db, "speaker", "Olena Vasko", 'A', 2000, NULL);
  changes = 0;
  g_assert_true (sitrep_filter_reload_ratings (filter));
  g_assert_cmpuint (changes, ==, 1);
  assert_kept (filter, store, "kha-1,kup-1");

  /* A later grade replaces the earlier one; its Undo brings the earlier one back. */
  add_grade (db, "speaker", "Olena Vasko", 'D', 3000, &regrade);
  g_assert_true (sitrep_filter_reload_ratings (filter));
  assert_kept (filter, store, "kha-1");
  {
    g_autoptr(GPtrArray) grades = sitrep_db_list_ratings (db, "speaker", "Olena Vasko", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (grades->len, ==, 2);
    g_assert_cmpint (((SitrepRating *) grades->pdata[0])->reliability, ==, 'A');
    g_assert_cmpint (((SitrepRating *) grades->pdata[1])->reliability, ==, 'D');
  }
  g_assert_true (sitrep_db_remove_rating (db, regrade, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) all = sitrep_db_list_ratings (db, NULL, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 4);
  }
  g_assert_true (sitrep_filter_reload_ratings (filter));
  assert_kept (filter, store, "kha-1,kup-1");

  /* With the ungraded kept, only events graded and never well enough go. */
  sitrep_filter_set_include_ungraded (filter, TRUE);
  assert_kept (filter, store, "kha-1,kup-1,kup-2");
  /* Criteria combine. */
  sitrep_filter_set_kinds (filter, 1u << SITREP_KIND_SHELLING | 1u << SITREP_KIND_CASUALTY_CLAIM);
  assert_kept (filter, store, "kup-1");

  /* Back to any grade: the filter keeps everything again and ignores reloads. */
  sitrep_filter_set_kinds (filter, SITREP_FILTER_ALL_KINDS);
  sitrep_filter_set_min_reliability (filter, 0);
  g_assert_true (sitrep_filter_is_empty (filter));
  changes = 0;
  g_assert_false (sitrep_filter_reload_ratings (filter));
  g_assert_cmpuint (changes, ==, 0);
  g_object_set (filter, "min-reliability", (guint) 'C', NULL);
  assert_kept (filter, store, "kha-1,kup-1,kup-2");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sitrep_test_init (&argc, &argv);
  write_collection ();
  g_test_add_func ("/filter/columns", test_columns);
  g_test_add_func ("/filter/claims", test_claims);
  g_test_add_func ("/filter/text", test_text);
  g_test_add_func ("/filter/query", test_query);
  g_test_add_func ("/filter/async", test_async);
  g_test_add_func ("/filter/missing-collection", test_missing_collection);
  g_test_add_func ("/filter/ratings", test_ratings);
  status = g_test_run ();
  g_free (collection);
  return status;
}
