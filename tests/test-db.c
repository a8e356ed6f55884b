/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db.c: SitrepDb on real SQLite files: create, migrate, write, read, and bad files. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sitrep-db-private.h"
#include "sitrep-event-store.h"
#include "sitrep-test-util.h"

static SitrepPlace *
make_place (void)
{
  SitrepPlace *place = sitrep_place_new ();

  place->gazetteer_id = g_strdup ("geonames:707292");
  place->name = g_strdup ("Izium");
  place->name_uk = g_strdup ("Ізюм");
  place->name_ru = g_strdup ("Изюм");
  place->lat = 49.21246;
  place->lon = 37.25678;
  place->admin1 = g_strdup ("Kharkiv Oblast");
  place->admin2 = g_strdup ("Izium Raion");
  place->country = g_strdup ("UA");
  return place;
}

static SitrepClaim *
make_claim (const char    *quote,
            const char    *speaker,
            SitrepHedging  hedging,
            const char    *cue)
{
  SitrepClaim *claim = sitrep_claim_new ();
  const char *cues[] = { cue, NULL };

  claim->quote = g_strdup (quote);
  claim->attributed_to = g_strdup (speaker);
  claim->role = g_strdup ("governor");
  claim->affiliation = g_strdup ("Kharkiv Regional Military Administration");
  claim->source_kind = SITREP_SOURCE_OFFICIAL;
  claim->hedging = hedging;
  g_strfreev (claim->cues);
  claim->cues = g_strdupv ((GStrv) (cue != NULL ? cues : cues + 1));
  claim->span_start = 10;
  claim->span_end = 10 + (gint64) strlen (quote);
  return claim;
}

/* An event with every field set: two claims, figures citing each, actors, weapons. */
static SitrepEvent *
make_event (gint64 document_id)
{
  SitrepEvent *event = sitrep_event_new ();
  SitrepClaim *claim;
  SitrepFigure figure = { 0, };
  SitrepActor actor = { 0, };

  event->uid = g_strdup ("test-event-0001");
  event->external_id = g_strdup ("UKR12345");
  event->kind = SITREP_KIND_SHELLING;
  event->sub_kind = g_strdup ("Shelling/artillery/missile attack");
  event->start = sitrep_day_to_unix (2024, 11, 24);
  event->end = event->start + 86400;
  event->time_precision = SITREP_TIME_PRECISION_DAY;
  event->time_of_day = SITREP_TIME_OF_DAY_NIGHT;
  event->place = make_place ();
  event->place_as_written = g_strdup ("Izyum");
  event->target = g_strdup ("a grain elevator");
  event->geo_precision = SITREP_GEO_PRECISION_NEAR;
  event->lat = 49.2101;
  event->lon = 37.2612;
  event->admin1 = g_strdup ("Kharkiv Oblast");
  event->summary = g_strdup ("Artillery hit a grain elevator on the edge of Izium overnight.");
  event->extra = g_strdup ("{\"notes\":\"test\"}");

  claim = make_claim ("Shells struck the elevator shortly after midnight, the governor said.",
                      "Oleh Syniehubov", SITREP_HEDGING_ATTRIBUTED, NULL);
  claim->document_id = document_id;
  g_ptr_array_add (event->claims, claim);
  claim = make_claim ("Unconfirmed reports speak of a second strike near the station.",
                      NULL, SITREP_HEDGING_HEDGED, "unconfirmed reports");
  claim->source_kind = SITREP_SOURCE_UNCONFIRMED;
  claim->outlet = g_strdup ("Kharkiv Today (Telegram)");
  claim->url = g_strdup ("https://t.me/example/123");
  g_ptr_array_add (event->claims, claim);

  figure.kind = SITREP_FIGURE_WOUNDED;
  figure.value = 3;
  figure.low = -1;
  figure.high = -1;
  figure.qualifier = g_strdup ("at least");
  figure.claim_index = 0;
  g_array_append_val (event->figures, figure);
  figure.kind = SITREP_FIGURE_KILLED;
  figure.value = 1;
  figure.low = 1;
  figure.high = 2;
  figure.qualifier = NULL;
  figure.claim_index = 1;
  g_array_append_val (event->figures, figure);

  actor.name = g_strdup ("Military Forces of Russia");
  actor.side = g_strdup ("Russia");
  actor.role = g_strdup ("actor1");
  g_array_append_val (event->actors, actor);
  actor.name = g_strdup ("Civilians (Ukraine)");
  actor.side = g_strdup ("Ukraine");
  actor.role = NULL;
  g_array_append_val (event->actors, actor);

  g_ptr_array_add (event->weapons, g_strdup ("artillery"));
  g_ptr_array_add (event->weapons, g_strdup ("Grad"));
  return event;
}

static SitrepDocument *
make_document (void)
{
  SitrepDocument *document = sitrep_document_new ();

  document->outlet = g_strdup ("Suspilne");
  document->url = g_strdup ("https://suspilne.media/example");
  document->title = g_strdup ("Night shelling in Izium");
  document->published = sitrep_day_to_unix (2024, 11, 25) + 9 * 3600;
  document->language = g_strdup ("en");
  document->text = g_strdup ("Izium (UA) Shells struck the elevator shortly after midnight, "
                             "the governor said.");
  return document;
}

static SitrepDb *
create_db (char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("collection.sitrep");
  SitrepDb *db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return db;
}

static int
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_create_reopen (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (SitrepDb) db = create_db (&path);
  g_autoptr (SitrepDb) again = NULL;
  g_autoptr (SitrepDb) missing = NULL;
  g_autofree char *missing_path = sitrep_test_tmp_path ("nowhere.sitrep");
  SitrepDbInfo info = { 0, };

  g_assert_cmpint (sitrep_db_get_schema_version (db), ==, SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "PRAGMA user_version"), ==,
                   SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (sitrep_db_get_path (db), ==, path);
  g_clear_object (&db);

  again = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_db_get_schema_version (again), ==, SITREP_DB_SCHEMA_VERSION);
  g_assert_true (sitrep_db_get_info (again, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.events, ==, 0);
  g_assert_cmpint (info.first, ==, 0);

  missing = sitrep_db_open (missing_path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_null (missing);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
}

static void
assert_place_equal (SitrepPlace *a,
                    SitrepPlace *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->gazetteer_id, ==, b->gazetteer_id);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->name_uk, ==, b->name_uk);
  g_assert_cmpstr (a->name_ru, ==, b->name_ru);
  g_assert_cmpfloat (a->lat, ==, b->lat);
  g_assert_cmpfloat (a->lon, ==, b->lon);
  g_assert_cmpstr (a->admin1, ==, b->admin1);
  g_assert_cmpstr (a->admin2, ==, b->admin2);
  g_assert_cmpstr (a->country, ==, b->country);
}

static void
test_insert_load (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = create_db (NULL);
  g_autoptr (SitrepDocument) document = make_document ();
  g_autoptr (SitrepDocument) same = make_document ();
  g_autoptr (SitrepDocument) loaded_doc = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  g_autoptr (SitrepEvent) loaded = NULL;
  g_autoptr (SitrepEvent) by_uid = NULL;
  gboolean existed = TRUE;
  SitrepDbInfo info = { 0, };
  gint64 doc_id, event_id;

  g_assert_true (sitrep_db_begin (db, &error));
  doc_id = sitrep_db_insert_document (db, document, &existed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc_id, >, 0);
  g_assert_false (existed);
  g_assert_nonnull (document->sha256);
  g_assert_cmpint (strlen (document->sha256), ==, 64);

  event = make_event (doc_id);
  event_id = sitrep_db_insert_event (db, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (event_id, >, 0);
  g_assert_true (sitrep_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (event->id, ==, event_id);
  g_assert_cmpint (event->hedging, ==, SITREP_HEDGING_ATTRIBUTED);

  /* The same text again is the same document: nothing written. */
  g_assert_cmpint (sitrep_db_insert_document (db, same, &existed, &error), ==, doc_id);
  g_assert_no_error (error);
  g_assert_true (existed);

  loaded_doc = sitrep_db_load_document (db, doc_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded_doc->outlet, ==, "Suspilne");
  g_assert_cmpstr (loaded_doc->url, ==, document->url);
  g_assert_cmpstr (loaded_doc->title, ==, document->title);
  g_assert_cmpint (loaded_doc->published, ==, document->published);
  g_assert_cmpstr (loaded_doc->language, ==, "en");
  g_assert_cmpstr (loaded_doc->text, ==, document->text);
  g_assert_cmpstr (loaded_doc->sha256, ==, document->sha256);

  loaded = sitrep_db_load_event (db, event_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->id, ==, event_id);
  g_assert_cmpstr (loaded->uid, ==, "test-event-0001");
  g_assert_cmpstr (loaded->external_id, ==, "UKR12345");
  g_assert_cmpint (loaded->kind, ==, SITREP_KIND_SHELLING);
  g_assert_cmpstr (loaded->sub_kind, ==, event->sub_kind);
  g_assert_cmpint (loaded->start, ==, event->start);
  g_assert_cmpint (loaded->end, ==, event->end);
  g_assert_cmpint (loaded->time_precision, ==, SITREP_TIME_PRECISION_DAY);
  g_assert_cmpint (loaded->time_of_day, ==, SITREP_TIME_OF_DAY_NIGHT);
  assert_place_equal (loaded->place, event->place);
  g_assert_cmpstr (loaded->place_as_written, ==, "Izyum");
  g_assert_cmpstr (loaded->target, ==, "a grain elevator");
  g_assert_cmpint (loaded->geo_precision, ==, SITREP_GEO_PRECISION_NEAR);
  g_assert_cmpfloat (loaded->lat, ==, event->lat);
  g_assert_cmpfloat (loaded->lon, ==, event->lon);
  g_assert_cmpstr (loaded->admin1, ==, "Kharkiv Oblast");
  g_assert_cmpstr (loaded->summary, ==, event->summary);
  g_assert_false (loaded->disputed);
  g_assert_cmpint (loaded->hedging, ==, SITREP_HEDGING_ATTRIBUTED);
  g_assert_cmpstr (loaded->extra, ==, event->extra);

  g_assert_cmpuint (loaded->claims->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      SitrepClaim *a = g_ptr_array_index (event->claims, i);
      SitrepClaim *b = g_ptr_array_index (loaded->claims, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->event_id, ==, event_id);
      g_assert_cmpint (b->document_id, ==, a->document_id);
      g_assert_cmpint (b->span_start, ==, a->span_start);
      g_assert_cmpint (b->span_end, ==, a->span_end);
      g_assert_cmpstr (b->quote, ==, a->quote);
      g_assert_cmpstr (b->attributed_to, ==, a->attributed_to);
      g_assert_cmpstr (b->role, ==, a->role);
      g_assert_cmpstr (b->affiliation, ==, a->affiliation);
      g_assert_cmpint (b->source_kind, ==, a->source_kind);
      g_assert_cmpint (b->hedging, ==, a->hedging);
      g_assert_cmpuint (g_strv_length (b->cues), ==, g_strv_length (a->cues));
      for (guint c = 0; a->cues[c] != NULL; c++)
        g_assert_cmpstr (b->cues[c], ==, a->cues[c]);
      g_assert_cmpuint (b->ratings->len, ==, 0);
    }
  /* The first claim takes its outlet, address and date from its document. */
  g_assert_cmpstr (((SitrepClaim *) loaded->claims->pdata[0])->outlet, ==, "Suspilne");
  g_assert_cmpstr (((SitrepClaim *) loaded->claims->pdata[0])->url, ==, document->url);
  g_assert_cmpint (((SitrepClaim *) loaded->claims->pdata[0])->published, ==,
                   document->published);
  g_assert_cmpstr (((SitrepClaim *) loaded->claims->pdata[1])->outlet, ==,
                   "Kharkiv Today (Telegram)");
  g_assert_cmpstr (((SitrepClaim *) loaded->claims->pdata[1])->url, ==,
                   "https://t.me/example/123");
  g_assert_cmpint (((SitrepClaim *) loaded->claims->pdata[1])->published, ==, 0);

  g_assert_cmpuint (loaded->figures->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      SitrepFigure *a = &g_array_index (event->figures, SitrepFigure, i);
      SitrepFigure *b = &g_array_index (loaded->figures, SitrepFigure, i);

      g_assert_cmpint (b->kind, ==, a->kind);
      g_assert_cmpint (b->value, ==, a->value);
      g_assert_cmpint (b->low, ==, a->low);
      g_assert_cmpint (b->high, ==, a->high);
      g_assert_cmpstr (b->qualifier, ==, a->qualifier);
      g_assert_cmpint (b->claim_index, ==, a->claim_index);
    }

  g_assert_cmpuint (loaded->actors->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      SitrepActor *a = &g_array_index (event->actors, SitrepActor, i);
      SitrepActor *b = &g_array_index (loaded->actors, SitrepActor, i);

      g_assert_cmpstr (b->name, ==, a->name);
      g_assert_cmpstr (b->side, ==, a->side);
      g_assert_cmpstr (b->role, ==, a->role);
    }

  g_assert_cmpuint (loaded->weapons->len, ==, 2);
  g_assert_cmpstr (loaded->weapons->pdata[0], ==, "artillery");
  g_assert_cmpstr (loaded->weapons->pdata[1], ==, "Grad");

  by_uid = sitrep_db_load_event_by_uid (db, "test-event-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_uid->id, ==, event_id);

  g_assert_true (sitrep_db_get_info (db, &info, &error));
  g_assert_cmpint (info.schema_version, ==, SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (info.events, ==, 1);
  g_assert_cmpint (info.claims, ==, 2);
  g_assert_cmpint (info.documents, ==, 1);
  g_assert_cmpint (info.first, ==, event->start);
  g_assert_cmpint (info.last, ==, event->end);

  g_assert_null (sitrep_db_load_event (db, 9999, &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND);
}

static void
test_uid_and_places (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = create_db (NULL);
  g_autoptr (SitrepEvent) a = sitrep_event_new ();
  g_autoptr (SitrepEvent) b = sitrep_event_new ();
  g_autofree char *uid = NULL;

  a->kind = b->kind = SITREP_KIND_DRONE_STRIKE;
  a->start = b->start = sitrep_day_to_unix (2024, 9, 1);
  a->end = b->end = a->start + 86400;
  a->lat = b->lat = 49.99;
  a->lon = b->lon = 36.23;
  a->summary = g_strdup ("A drone hit a warehouse.");
  b->summary = g_strdup ("A drone hit a warehouse.");
  a->place = make_place ();
  b->place = make_place ();

  uid = sitrep_db_compute_uid (a);
  g_assert_cmpint (strlen (uid), ==, 16);
  g_assert_true (sitrep_db_insert_event (db, a, &error) > 0);
  g_assert_no_error (error);
  g_assert_cmpstr (a->uid, ==, uid);
  /* A place stored once is found again by its gazetteer id. */
  g_assert_cmpint (b->place->id, ==, 0);
  g_assert_cmpint (sitrep_db_ensure_place (db, b->place, &error), ==, a->place->id);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM places"), ==, 1);
  /* The same event again has the same uid, and the uid is unique. */
  g_assert_cmpint (sitrep_db_insert_event (db, b, &error), ==, 0);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED);
  g_assert_cmpstr (b->uid, ==, uid);
  g_clear_error (&error);

  /* A failure after the event's row (a claim citing a missing document) leaves nothing
   * of the event behind, in a transaction or not. */
  for (guint in_transaction = 0; in_transaction < 2; in_transaction++)
    {
      g_autoptr (SitrepEvent) c = make_event (4242);

      if (in_transaction)
        g_assert_true (sitrep_db_begin (db, NULL));
      g_assert_cmpint (sitrep_db_insert_event (db, c, &error), ==, 0);
      g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
      g_clear_error (&error);
      if (in_transaction)
        g_assert_true (sitrep_db_commit (db, NULL));
      g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM events"), ==,
                       1);
      g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM claims"), ==,
                       0);
      g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM places"), ==,
                       1);
    }
}

static void
test_search_cyrillic (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = create_db (NULL);
  g_autoptr (SitrepEvent) event = make_event (0);
  sqlite3_stmt *stmt = NULL;
  const char *queries[] = { "Изюм", "Ізюм", "elevator", "Izyum", "midnight" };

  g_assert_true (sitrep_db_insert_event (db, event, &error) > 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                           "SELECT rowid FROM event_search WHERE "
                                           "event_search MATCH ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, queries[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, event->id);
      sqlite3_finalize (stmt);
    }
  /* And not by a name that is not there. */
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "SELECT rowid FROM event_search WHERE "
                                       "event_search MATCH 'Харків'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_add_claim_and_ratings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = create_db (NULL);
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  g_autoptr (SitrepEvent) loaded = NULL;
  g_autoptr (SitrepEvent) reloaded = NULL;
  g_autoptr (SitrepClaim) denial = make_claim ("The ministry denied that any strike took place.",
                                               "Ministry of Defence", SITREP_HEDGING_DISPUTED,
                                               "denied");
  g_autoptr (GArray) figures = g_array_new (FALSE, TRUE, sizeof (SitrepFigure));
  SitrepFigure figure = { SITREP_FIGURE_KILLED, 0, -1, -1, NULL, 0 };
  SitrepRating outlet_rating = { 0, "outlet", "TASS", 0, 'E', 0, "state media", 0 };
  SitrepRating claim_rating = { 0, "claim", NULL, 0, 0, 5, NULL, 0 };
  gint64 claim_id, r1, r2;
  sqlite3_stmt *stmt = NULL;

  event->kind = SITREP_KIND_CAPTURE;
  event->start = sitrep_day_to_unix (2024, 10, 3);
  event->end = event->start + 86400;
  event->lat = 49.7;
  event->lon = 37.6;
  event->summary = g_strdup ("Claimed capture of a village east of the river.");
  g_ptr_array_add (event->claims, make_claim ("Our units took the village.", "Igor Konashenkov",
                                              SITREP_HEDGING_HEDGED, "claimed"));
  ((SitrepClaim *) event->claims->pdata[0])->outlet = g_strdup ("TASS");
  g_assert_true (sitrep_db_insert_event (db, event, &error) > 0);
  g_assert_no_error (error);

  g_array_append_val (figures, figure);
  claim_id = sitrep_db_add_claim (db, event->id, denial, figures, &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim_id, >, 0);

  claim_rating.claim_id = claim_id;
  r1 = sitrep_db_add_rating (db, &outlet_rating, &error);
  g_assert_no_error (error);
  r2 = sitrep_db_add_rating (db, &claim_rating, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r1, >, 0);
  g_assert_cmpint (r2, >, r1);

  loaded = sitrep_db_load_event (db, event->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->claims->len, ==, 2);
  g_assert_true (loaded->disputed);
  g_assert_cmpint (loaded->hedging, ==, SITREP_HEDGING_HEDGED);
  g_assert_cmpuint (loaded->figures->len, ==, 1);
  g_assert_cmpint (g_array_index (loaded->figures, SitrepFigure, 0).claim_index, ==, 1);
  {
    SitrepClaim *tass = loaded->claims->pdata[0];
    SitrepClaim *mod = loaded->claims->pdata[1];
    SitrepRating *r;

    g_assert_cmpuint (tass->ratings->len, ==, 1);
    r = tass->ratings->pdata[0];
    g_assert_cmpstr (r->subject_kind, ==, "outlet");
    g_assert_cmpstr (r->subject, ==, "TASS");
    g_assert_cmpint (r->reliability, ==, 'E');
    g_assert_cmpint (r->credibility, ==, 0);
    g_assert_cmpstr (r->note, ==, "state media");
    g_assert_cmpint (r->created, >, 0);
    g_assert_cmpuint (mod->ratings->len, ==, 1);
    r = mod->ratings->pdata[0];
    g_assert_cmpstr (r->subject_kind, ==, "claim");
    g_assert_cmpint (r->claim_id, ==, claim_id);
    g_assert_cmpint (r->credibility, ==, 5);
    g_assert_cmpint (r->reliability, ==, 0);
  }

  /* The search row now holds the new quote. */
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "SELECT rowid FROM event_search WHERE "
                                       "event_search MATCH 'denied'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, event->id);
  sqlite3_finalize (stmt);

  g_assert_true (sitrep_db_remove_rating (db, r1, &error));
  g_assert_no_error (error);
  g_assert_false (sitrep_db_remove_rating (db, r1, &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  reloaded = sitrep_db_load_event (db, event->id, &error);
  g_assert_cmpuint (((SitrepClaim *) reloaded->claims->pdata[0])->ratings->len, ==, 0);

  g_assert_cmpint (sitrep_db_add_claim (db, 424242, denial, NULL, &error), ==, 0);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND);
}

static void
test_cues_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = create_db (NULL);
  g_autoptr (SitrepEvent) event = make_event (0);
  g_autoptr (SitrepEvent) loaded = NULL;
  SitrepClaim *claim = event->claims->pdata[1];
  const char *cues[] = { "so-called \"liberation\"", "back\\slash\tand\nnewline", "нібито",
                         "", NULL };
  SitrepClaim *back;

  g_strfreev (claim->cues);
  claim->cues = g_strdupv ((GStrv) cues);
  g_assert_true (sitrep_db_insert_event (db, event, &error) > 0);
  g_assert_no_error (error);
  loaded = sitrep_db_load_event (db, event->id, &error);
  g_assert_no_error (error);
  back = loaded->claims->pdata[1];
  g_assert_cmpuint (g_strv_length (back->cues), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (back->cues[i], ==, cues[i]);
  g_assert_cmpuint (g_strv_length (((SitrepClaim *) loaded->claims->pdata[0])->cues), ==, 0);
}

static void
test_read_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (SitrepDb) db = create_db (&path);
  g_autoptr (SitrepEvent) event = make_event (0);
  g_autoptr (SitrepEvent) other = make_event (0);
  g_autoptr (SitrepDb) ro = NULL;
  g_autoptr (SitrepEvent) loaded = NULL;

  g_assert_true (sitrep_db_insert_event (db, event, &error) > 0);
  g_clear_object (&db);

  ro = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = sitrep_db_load_event (ro, event->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->summary, ==, event->summary);

  g_free (other->uid);
  other->uid = g_strdup ("another");
  g_assert_false (sitrep_db_begin (ro, &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (sitrep_db_insert_event (ro, other, &error), ==, 0);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY);
}

/* ---- Bad files: the right error, the file name in it, and not a byte changed. ---- */

static void
assert_untouched_after_open (const char    *path,
                             int            expected,
                             const char    *expected_words)
{
  g_autofree char *before = sitrep_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  const SitrepDbOpenFlags flags[] = {
    SITREP_DB_OPEN_DEFAULT, SITREP_DB_OPEN_CREATE, SITREP_DB_OPEN_READ_ONLY,
  };

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SitrepDb) db = sitrep_db_open (path, flags[i], &error);

      g_assert_null (db);
      g_assert_error (error, SITREP_DB_ERROR, expected);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, base));
      g_assert_nonnull (strstr (error->message, expected_words));
    }
  after = sitrep_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_bad_not_sqlite (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("notes.sitrep");

  sitrep_test_write_file (path, "Kharkiv, 24 November: shelling reported overnight.\n", -1);
  assert_untouched_after_open (path, SITREP_DB_ERROR_NOT_SQLITE, "not an SQLite database");
}

/* A real collection with a few hundred events, closed cleanly (no -wal left). */
static char *
make_filled_collection (guint n_events)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (SitrepDb) db = create_db (&path);

  g_assert_true (sitrep_db_begin (db, &error));
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (SitrepEvent) event = make_event (0);

      g_free (event->uid);
      event->uid = g_strdup_printf ("event-%u", i);
      g_clear_pointer (&event->external_id, g_free);
      event->start += i * 3600;
      event->end += i * 3600;
      sitrep_db_insert_event (db, event, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sitrep_db_commit (db, &error));
  return g_steal_pointer (&path);
}

static void
test_bad_corrupt (void)
{
  g_autofree char *path = make_filled_collection (300);
  g_autofree char *contents = NULL;
  sqlite3 *handle = NULL;
  gsize length = 0;
  int page_size;
  gsize offset;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  page_size = (((guint8) contents[16]) << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length / page_size, >, 10);
  /* Scribble over three whole pages in the middle of the file. */
  offset = (length / page_size / 2) * page_size;
  for (gsize i = offset; i < offset + 3 * (gsize) page_size && i < length; i++)
    contents[i] = (char) (0x5a ^ (i * 7));
  sitrep_test_write_file (path, contents, length);

  /* SQLite itself must see the damage, else this test proves nothing. */
  {
    g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", path);
    sqlite3_stmt *stmt = NULL;
    gboolean damaged = FALSE;
    int rc;

    g_assert_cmpint (sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                      NULL), ==, SQLITE_OK);
    rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL);
    if (rc != SQLITE_OK)
      damaged = TRUE;
    else
      {
        rc = sqlite3_step (stmt);
        damaged = rc != SQLITE_ROW ||
                  g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0;
      }
    sqlite3_finalize (stmt);
    sqlite3_close (handle);
    g_assert_true (damaged);
  }

  assert_untouched_after_open (path, SITREP_DB_ERROR_CORRUPT, "is damaged");
}

static void
test_bad_too_new (void)
{
  g_autofree char *path = make_filled_collection (3);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  assert_untouched_after_open (path, SITREP_DB_ERROR_TOO_NEW, "schema 99");
}

static void
test_bad_not_sitrep (void)
{
  g_autofree char *path = sitrep_test_tmp_path ("places.sqlite");
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE moz_places (id INTEGER, url TEXT);"
                                 "INSERT INTO moz_places VALUES (1, 'https://example.org')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  assert_untouched_after_open (path, SITREP_DB_ERROR_NOT_SITREP, "not a Sitrep collection");
}

/* A writer that died mid-transaction leaves a hot rollback journal: a read-only open
 * must not touch it, a read-write open lets SQLite restore the file and goes on. */
static void
test_crashed_writer (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = make_filled_collection (200);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (SitrepDb) ro = NULL;
  g_autoptr (SitrepDb) db = NULL;
  sqlite3 *handle = NULL;
  pid_t pid;
  int status = 0;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* A tiny cache spills the changes into the file before the commit that never comes. */
      sqlite3_open (path, &handle);
      sqlite3_exec (handle, "PRAGMA cache_size = 1; BEGIN; "
                    "UPDATE events SET summary = 'half-written' || id; "
                    "UPDATE claims SET quote = 'lost' || id;", NULL, NULL, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  before = sitrep_test_file_sha256 (path);
  ro = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_null (ro);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not closed cleanly"));
  g_clear_error (&error);
  after = sitrep_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_db_get_schema_version (db), ==, SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db),
                              "SELECT count(*) FROM events WHERE summary LIKE 'half-written%'"),
                   ==, 0);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM events"), ==, 200);
}

/* ---- Migrations ---- */

static void
test_migrate_empty_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("empty.sitrep");
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepDb) ro = NULL;

  sitrep_test_write_file (path, "", 0);

  /* Read-only never migrates. */
  ro = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_null (ro);
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY);
  g_clear_error (&error);

  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_db_get_schema_version (db), ==, SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "PRAGMA user_version"), ==,
                   SITREP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db),
                              "SELECT count(*) FROM event_kinds"), ==, SITREP_N_KINDS);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_time'"),
                   ==, 1);
}

static void
test_migrate_failure_rolls_back (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("broken.sitrep");
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_false (sitrep_db_migrate_step (handle, 0,
                                          "CREATE TABLE half_done (x INTEGER);\n"
                                          "INSERT INTO half_done VALUES (1);\n"
                                          "CREATE TABLE oops (;\n",
                                          "broken.sitrep", &error));
  g_assert_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "broken.sitrep"));
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  g_clear_error (&error);

  /* The real step works on the same handle afterwards. */
  g_assert_true (sitrep_db_migrate_step (handle, 0, sitrep_db_migrations[0], "broken.sitrep",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, 1);
  sqlite3_close (handle);
}

/* A file of schema 1 with events: made as today's, then taken back to what version 1
 * had (no events_version, no event_columns, no triggers). */
static char *
make_v1_collection (guint n_events)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sitrep_test_tmp_path ("v1.sitrep");
  g_autoptr (SitrepDb) db = sitrep_db_open (path, SITREP_DB_OPEN_CREATE, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (SitrepEvent) event = make_event (0);
      g_free (event->uid);
      event->uid = g_strdup_printf ("v1-%u", i);
      g_clear_pointer (&event->external_id, g_free);
      event->start += i * 3600;
      event->end = event->start + 60;
      g_assert_cmpint (sitrep_db_insert_event (db, event, &error), >, 0);
      g_assert_no_error (error);
    }
  handle = sitrep_db_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "DROP TRIGGER events_version_insert;"
                                 "DROP TRIGGER events_version_delete;"
                                 "DROP TRIGGER events_version_update;"
                                 "DROP TABLE events_version;"
                                 "DROP TABLE event_columns;"
                                 "PRAGMA user_version = 1;"
                                 "PRAGMA journal_mode = DELETE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return g_steal_pointer (&path);
}

static void
test_migrate_v1_to_v2 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = make_v1_collection (40);
  g_autofree char *before = sitrep_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr (SitrepDb) ro = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepEventStore) store = sitrep_event_store_new ();
  g_autoptr (SitrepEvent) first = NULL;

  /* Read-only: schema 1 still loads, through the events table, and nothing is written. */
  ro = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_db_get_schema_version (ro), ==, 1);
  g_clear_object (&ro);
  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 40);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==, SITREP_COLUMN_CACHE_NONE);
  first = sitrep_event_store_get_event (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->uid, ==, "v1-0");
  g_clear_object (&store);
  after = sitrep_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated in place, every event kept, and the cache works from then on. */
  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitrep_db_get_schema_version (db), ==, 2);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db), "SELECT count(*) FROM events"), ==, 40);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db),
                              "SELECT count(*) FROM event_columns"), ==, 0);
  g_assert_cmpint (query_int (sitrep_db_get_handle (db),
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 3);
  g_clear_object (&db);

  store = sitrep_event_store_new ();
  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 40);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==,
                   SITREP_COLUMN_CACHE_WRITTEN);
  g_assert_true (sitrep_event_store_load (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, 40);
  g_assert_cmpint (sitrep_event_store_get_cache_status (store), ==, SITREP_COLUMN_CACHE_HIT);
  g_clear_object (&first);
  first = sitrep_event_store_get_event (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->uid, ==, "v1-0");
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);

  g_test_add_func ("/db/create-reopen", test_create_reopen);
  g_test_add_func ("/db/migrate-v1-to-v2", test_migrate_v1_to_v2);
  g_test_add_func ("/db/insert-load", test_insert_load);
  g_test_add_func ("/db/uid-and-places", test_uid_and_places);
  g_test_add_func ("/db/search-cyrillic", test_search_cyrillic);
  g_test_add_func ("/db/add-claim-and-ratings", test_add_claim_and_ratings);
  g_test_add_func ("/db/cues-round-trip", test_cues_round_trip);
  g_test_add_func ("/db/read-only", test_read_only);
  g_test_add_func ("/db/bad/not-sqlite", test_bad_not_sqlite);
  g_test_add_func ("/db/bad/corrupt", test_bad_corrupt);
  g_test_add_func ("/db/bad/too-new", test_bad_too_new);
  g_test_add_func ("/db/bad/not-sitrep", test_bad_not_sitrep);
  g_test_add_func ("/db/crashed-writer", test_crashed_writer);
  g_test_add_func ("/db/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/db/migrate/failure-rolls-back", test_migrate_failure_rolls_back);

  return g_test_run ();
}
