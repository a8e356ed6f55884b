/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-show.c: `sitrep-cli show` on a collection extracted from the seed, and on the sample. */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "sitrep-db.h"
#include "sitrep-test-util.h"
#include "sitrep-verdict.h"

#define SEED_NAME "000_3b3faa4ea9cf54ea.txt"

#define run_cli sitrep_test_run_cli

/* The seed: SITREP_SEED (set by meson), SITREP_SHARED_DIR, or shared/ beside the clone
 * (or beside the worktrees). Never a skip: it is the reference of the issue. */
static char *
seed_path (void)
{
  const char *srcdir = sitrep_test_srcdir ();
  char *candidates[] = {
    g_strdup (g_getenv ("SITREP_SEED")),
    g_getenv ("SITREP_SHARED_DIR")
      ? g_build_filename (g_getenv ("SITREP_SHARED_DIR"), "seed", SEED_NAME, NULL) : NULL,
    g_build_filename (srcdir, "..", "..", "shared", "seed", SEED_NAME, NULL),
    g_build_filename (srcdir, "..", "..", "..", "shared", "seed", SEED_NAME, NULL),
  };
  char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (found == NULL && candidates[i] != NULL
          && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
        found = g_strdup (candidates[i]);
      g_free (candidates[i]);
    }
  if (found == NULL)
    g_error ("the seed article %s was not found: set SITREP_SHARED_DIR", SEED_NAME);
  return found;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The collection extracted from the seed, made once per test run, and its casualty event. */
static const char *
seed_collection (char **casualty_uid,
                 gint64 *casualty_id)
{
  static char *path = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  if (path == NULL)
    {
      g_auto (SitrepTestRun) run = { 0, };
      g_autofree char *seed = seed_path ();

      path = sitrep_test_tmp_path ("seed.sitrep");
      run_cli (&run, "extract", "--published", "2024-11-25", "--db", path, seed, NULL);
      g_assert_cmpint (run.status, ==, 0);
    }

  db = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "SELECT id, uid FROM events WHERE kind = ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, SITREP_KIND_CASUALTY_CLAIM);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n++;
      *casualty_id = sqlite3_column_int64 (stmt, 0);
      g_free (*casualty_uid);
      *casualty_uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  /* The seed has exactly one casualty claim: the 3,920 figure. */
  g_assert_cmpint (n, ==, 1);
  return path;
}

static JsonObject *
find_claim_by_speaker (JsonObject *event,
                       const char *speaker)
{
  JsonArray *claims = json_object_get_array_member (event, "claims");

  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *claim = json_array_get_object_element (claims, i);

      if (!json_object_get_null_member (claim, "attributed_to")
          && g_strcmp0 (json_object_get_string_member (claim, "attributed_to"), speaker) == 0)
        return claim;
    }
  return NULL;
}

static gboolean
strv_contains_json (JsonArray  *array,
                    const char *word)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), word) == 0)
      return TRUE;
  return FALSE;
}

static void
test_show_seed_casualty (void)
{
  g_autofree char *uid = NULL;
  g_autofree char *seed = seed_path ();
  g_autofree char *seed_text = NULL;
  g_autoptr (JsonObject) event = NULL;
  g_autoptr (GError) error = NULL;
  gsize seed_len = 0;
  gint64 id = 0;
  const char *path = seed_collection (&uid, &id);
  JsonObject *verdict, *claim;
  JsonArray *claims;
  gint64 start, end;

  g_assert_true (g_file_get_contents (seed, &seed_text, &seed_len, &error));
  g_assert_no_error (error);

  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", "--json", path, uid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    event = parse_object (run.out);
  }

  g_assert_cmpstr (json_object_get_string_member (event, "uid"), ==, uid);
  g_assert_cmpint (json_object_get_int_member (event, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "casualty_claim");
  g_assert_cmpstr (json_object_get_string_member (event, "dates"), ==, "17–23 Nov 2024");

  verdict = json_object_get_object_member (event, "verdict");
  g_assert_cmpstr (json_object_get_string_member (verdict, "text"), ==,
                   "1 source · hedged · disputed");
  g_assert_cmpstr (json_object_get_string_member (verdict, "strength"), ==, "weak");
  g_assert_true (json_object_get_boolean_member (verdict, "single_voice"));

  /* The figure rests on the expert. */
  {
    JsonArray *figures = json_object_get_array_member (event, "figures");
    JsonObject *figure;

    g_assert_cmpuint (json_array_get_length (figures), ==, 1);
    figure = json_array_get_object_element (figures, 0);
    g_assert_cmpstr (json_object_get_string_member (figure, "kind"), ==, "casualties");
    g_assert_cmpint (json_object_get_int_member (figure, "value"), ==, 3920);
    g_assert_cmpstr (json_object_get_string_member (figure, "qualifier"), ==, "approximately");
    g_assert_nonnull (strstr (json_object_get_string_member (figure, "claimant"),
                              "Andrei Marocho"));
  }

  claim = find_claim_by_speaker (event, "Andrei Marocho");
  g_assert_nonnull (claim);
  g_assert_nonnull (strstr (json_object_get_string_member (claim, "role"), "expert"));
  g_assert_cmpstr (json_object_get_string_member (claim, "source_kind"), ==, "expert");
  g_assert_cmpstr (json_object_get_string_member (claim, "hedging"), ==, "hedged");
  g_assert_true (strv_contains_json (json_object_get_array_member (claim, "cues"),
                                     "if accurate"));
  g_assert_cmpstr (json_object_get_string_member (claim, "published"), ==, "2024-11-25");
  g_assert_cmpint (json_object_get_int_member (claim, "document_id"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (claim, "ratings")),
                    ==, 0);

  /* Every quote is exactly the bytes [start, end) of the article. */
  claims = json_object_get_array_member (event, "claims");
  g_assert_cmpuint (json_array_get_length (claims), >=, 2);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      g_autofree char *bytes = NULL;

      start = json_object_get_int_member (c, "start");
      end = json_object_get_int_member (c, "end");
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (end, >, start);
      g_assert_cmpint (end, <=, (gint64) seed_len);
      bytes = g_strndup (seed_text + start, end - start);
      g_assert_cmpstr (json_object_get_string_member (c, "quote"), ==, bytes);
    }
  /* ... and one of the claims doubts it. */
  {
    gboolean doubted = FALSE;

    for (guint i = 0; i < json_array_get_length (claims); i++)
      doubted |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (claims, i),
                                                          "hedging"), "disputed") == 0;
    g_assert_true (doubted);
  }
}

/* Grades on the speaker and on the claim show up on the claim, with note and timestamp. */
static void
test_show_ratings (void)
{
  g_autofree char *uid = NULL;
  g_autoptr (JsonObject) event = NULL;
  gint64 id = 0, claim_id = 0;
  const char *path = seed_collection (&uid, &id);
  JsonObject *claim;
  JsonArray *ratings;
  g_autofree char *id_text = NULL;

  {
    g_autoptr (SitrepDb) db = NULL;
    g_autoptr (SitrepEvent) loaded = NULL;
    g_autoptr (GError) error = NULL;
    SitrepRating speaker = { 0, };
    SitrepRating on_claim = { 0, };

    db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    loaded = sitrep_db_load_event (db, id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < loaded->claims->len; i++)
      {
        SitrepClaim *c = g_ptr_array_index (loaded->claims, i);
        if (g_strcmp0 (c->attributed_to, "Andrei Marocho") == 0)
          claim_id = c->id;
      }
    g_assert_cmpint (claim_id, >, 0);

    speaker.subject_kind = (char *) "speaker";
    speaker.subject = (char *) "Andrei Marocho";
    speaker.reliability = 'E';
    speaker.note = (char *) "Figures never matched later counts";
    speaker.created = 1732532400; /* 2024-11-25T11:00:00Z */
    g_assert_cmpint (sitrep_db_add_rating (db, &speaker, &error), >, 0);
    g_assert_no_error (error);

    on_claim.subject_kind = (char *) "claim";
    on_claim.claim_id = claim_id;
    on_claim.credibility = 5;
    on_claim.created = 1732536000;
    g_assert_cmpint (sitrep_db_add_rating (db, &on_claim, &error), >, 0);
    g_assert_no_error (error);
  }

  /* By the row id this time. */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", path, id_text, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    event = parse_object (run.out);
  }
  g_assert_cmpstr (json_object_get_string_member (event, "uid"), ==, uid);
  claim = find_claim_by_speaker (event, "Andrei Marocho");
  g_assert_nonnull (claim);
  ratings = json_object_get_array_member (claim, "ratings");
  g_assert_cmpuint (json_array_get_length (ratings), ==, 2);
  {
    JsonObject *r = json_array_get_object_element (ratings, 0);

    g_assert_cmpstr (json_object_get_string_member (r, "subject_kind"), ==, "speaker");
    g_assert_cmpstr (json_object_get_string_member (r, "subject"), ==, "Andrei Marocho");
    g_assert_cmpstr (json_object_get_string_member (r, "reliability"), ==, "E");
    g_assert_true (json_object_get_null_member (r, "credibility"));
    g_assert_cmpstr (json_object_get_string_member (r, "note"), ==,
                     "Figures never matched later counts");
    g_assert_cmpstr (json_object_get_string_member (r, "created"), ==, "2024-11-25T11:00:00Z");
    r = json_array_get_object_element (ratings, 1);
    g_assert_cmpstr (json_object_get_string_member (r, "subject_kind"), ==, "claim");
    g_assert_cmpint (json_object_get_int_member (r, "claim_id"), ==, claim_id);
    g_assert_cmpint (json_object_get_int_member (r, "credibility"), ==, 5);
  }

  /* The readable form says the same. */
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", path, uid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Verdict:     1 source · hedged · disputed\n"));
    g_assert_nonnull (strstr (run.out, "Dates:       17–23 Nov 2024\n"));
    g_assert_nonnull (strstr (run.out, "Source:      Andrei Marocho, military expert"));
    g_assert_nonnull (strstr (run.out, "“if accurate”"));
    g_assert_nonnull (strstr (run.out, "speaker “Andrei Marocho”: reliability E, "
                                       "“Figures never matched later counts” "
                                       "(2024-11-25T11:00:00Z)"));
    g_assert_nonnull (strstr (run.out, "this claim: credibility 5"));
  }
}

static void
test_show_unknown_and_bad (void)
{
  g_autofree char *uid = NULL;
  gint64 id = 0;
  const char *path = seed_collection (&uid, &id);
  g_autofree char *text = sitrep_test_tmp_path ("notes.sitrep");

  {
    g_auto (SitrepTestRun) run = { 0, };
    g_autofree char *expected = g_strdup_printf ("%s: no event with id ‘ffff0000’\n", path);

    run_cli (&run, "show", path, "ffff0000", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", "--json", path, "987654", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "no event with id ‘987654’"));
  }

  sitrep_test_write_file (text, "Kupiansk, 3 December: shelling reported.\n", -1);
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", text, "1", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "notes-"));
    g_assert_nonnull (strstr (run.err, "is not an SQLite database"));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
  }
}

/* An event of the sample collection: show agrees with the verdict of the loaded event. */
static void
test_show_sample (void)
{
  const char *sample = g_getenv ("SITREP_SAMPLE");
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepEvent) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) event = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  SitrepVerdict verdict;

  g_assert_nonnull (sample);
  db = sitrep_db_open (sample, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  /* The event with the most claims. */
  g_assert_cmpint (sqlite3_prepare_v2 (sitrep_db_get_handle (db),
                                       "SELECT event_id FROM claims GROUP BY event_id "
                                       "ORDER BY count(*) DESC, event_id LIMIT 1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  loaded = sitrep_db_load_event (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->claims->len, >=, 2);
  sitrep_verdict_compute (loaded, &verdict);
  expected = sitrep_verdict_format (&verdict);
  uid = g_strdup (loaded->uid);

  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", "--json", sample, uid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    event = parse_object (run.out);
  }
  g_assert_cmpint (json_object_get_int_member (event, "id"), ==, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (event, "claims")), ==,
                    loaded->claims->len);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "verdict"),
                                                  "text"), ==, expected);
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==,
                   sitrep_event_kind_to_string (loaded->kind));
  {
    g_auto (SitrepTestRun) run = { 0, };
    g_autofree char *line = g_strdup_printf ("Verdict:     %s\n", expected);

    run_cli (&run, "show", sample, uid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, line));
    g_assert_nonnull (strstr (run.out, "Claim 2 of "));
  }
}

/* Hostile article text: escape sequences and direction overrides never reach the
 * terminal in text mode, and JSON keeps the exact bytes. */
static void
test_show_hostile (void)
{
  const char *article =
    "Russian forces shelled Kupiansk on November 20, according to unconfirmed reports "
    "\033[2J\033[31m<b>&amp;\xe2\x80\xae reversed\xe2\x80\xac.\n"
    "Local officials said a school was hit in Kupiansk.\n";
  g_autofree char *text_path = sitrep_test_tmp_path ("hostile.txt");
  g_autofree char *path = sitrep_test_tmp_path ("hostile.sitrep");
  g_autoptr (JsonObject) event = NULL;
  JsonObject *claim;

  sitrep_test_write_file (text_path, article, -1);
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "extract", "--published", "2024-11-25", "--outlet", "Front\033[31m Daily",
             "--db", path, text_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", path, "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Kupiansk"));
    g_assert_nonnull (strstr (run.out, "<b>&amp;"));
    g_assert_null (strchr (run.out, '\033'));
    g_assert_null (strstr (run.out, "\xe2\x80\xae"));
    g_assert_true (g_utf8_validate (run.out, -1, NULL));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", "--json", path, "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    event = parse_object (run.out);
  }
  claim = json_array_get_object_element (json_object_get_array_member (event, "claims"), 0);
  g_assert_cmpstr (json_object_get_string_member (claim, "outlet"), ==, "Front\033[31m Daily");
  {
    gint64 start = json_object_get_int_member (claim, "start");
    gint64 end = json_object_get_int_member (claim, "end");
    g_autofree char *bytes = g_strndup (article + start, end - start);

    g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, bytes);
    g_assert_nonnull (strstr (bytes, "\033[2J"));
  }
}

/* `rate`: grade a speaker and a claim, list, show them on the claim, undo. */
static void
test_rate (void)
{
  g_autofree char *uid = NULL;
  gint64 id = 0;
  const char *seed = seed_collection (&uid, &id);
  g_autofree char *path = sitrep_test_tmp_path ("rated.sitrep");
  g_autoptr (GFile) from = g_file_new_for_path (seed);
  g_autoptr (GFile) to = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *speaker_rating = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--speaker", "Andrei Marocho", "--reliability", "d",
             "--note", "one voice", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    speaker_rating = g_strstrip (g_strdup (run.out));
    g_assert_cmpint (g_ascii_strtoll (speaker_rating, NULL, 10), >, 0);
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--list", "--speaker", "Andrei Marocho", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, speaker_rating));
    g_assert_nonnull (strstr (run.out, "\tspeaker\tAndrei Marocho\tD\t0\t"));
    g_assert_nonnull (strstr (run.out, "\tone voice\n"));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "show", path, id_text, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "speaker “Andrei Marocho”: reliability D, “one voice”"));
  }

  /* Bad grades, a claim that is not there, a rating that is not there. */
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--outlet", "Steppe Post", "--reliability", "G", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "from A to F"));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--claim", "99999", "--credibility", "3", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "claim 99999"));
  }

  /* Undo. */
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--remove", speaker_rating, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--remove", speaker_rating, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "has no rating"));
  }
  {
    g_auto (SitrepTestRun) run = { 0, };

    run_cli (&run, "rate", path, "--list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);
  g_test_add_func ("/cli/show/seed-casualty", test_show_seed_casualty);
  g_test_add_func ("/cli/show/ratings", test_show_ratings);
  g_test_add_func ("/cli/show/unknown-and-bad", test_show_unknown_and_bad);
  g_test_add_func ("/cli/show/sample", test_show_sample);
  g_test_add_func ("/cli/show/hostile", test_show_hostile);
  g_test_add_func ("/cli/rate", test_rate);
  return g_test_run ();
}
