/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-fixtures.c: the extractor against articles read by a human analyst.
 *
 * tests/extract/ holds wire-style articles in English, Ukrainian and Russian, each with
 * the events an analyst reads in it (NAME.expected.jsonl, written from the text, not from
 * the extractor's output). Events are paired by their claims' quotes; then every field is
 * scored and a table printed. The test fails on what must hold (see MUST below); the other
 * fields are measured and reported, so that a change of the rules shows in the numbers. */

#include <stdio.h>

#include "extract-test-util.h"

enum
{
  S_EVENTS_FOUND,   /* expected events paired with an output event */
  S_EVENTS_EXTRA,   /* output events an analyst would not list */
  S_KIND,
  S_DATES,
  S_TIME_OF_DAY,
  S_PLACE,
  S_TARGET,
  S_WEAPONS,
  S_FIGURES,
  S_CLAIMS_FOUND,
  S_ATTRIBUTION,
  S_HEDGING,
  S_DISPUTED,
  N_SCORES
};

static const char *const score_names[N_SCORES] = {
  "events", "extra", "kind", "dates", "time_of_day", "place", "target", "weapons", "figures",
  "claims", "attribution", "hedging", "disputed",
};

/* MUST: the share of the fields that has to match over all fixtures (0 = reported only).
 * Measured when the fixtures were written: set a little under, so that a regression fails. */
static const double must[N_SCORES] = {
  [S_EVENTS_FOUND] = 0.90,
  [S_KIND] = 0.90,
  [S_DATES] = 0.88,
  [S_PLACE] = 0.80,
  [S_CLAIMS_FOUND] = 0.88,
  [S_ATTRIBUTION] = 0.80,
  [S_HEDGING] = 0.85,
};

typedef struct
{
  guint ok[N_SCORES];
  guint total[N_SCORES];
} Scores;

static const char *
str (JsonObject *o,
     const char *member)
{
  JsonNode *n = o ? json_object_get_member (o, member) : NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  return json_node_get_string (n);
}

static gboolean
quotes_match (const char *a,
              const char *b)
{
  return a != NULL && b != NULL && (strstr (a, b) != NULL || strstr (b, a) != NULL);
}

static JsonObject *
find_claim (JsonObject *event,
            const char *quote)
{
  JsonArray *claims = json_object_get_array_member (event, "claims");
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      if (quotes_match (str (c, "quote"), quote))
        return c;
    }
  return NULL;
}

static guint
shared_claims (JsonObject *expected,
               JsonObject *actual)
{
  JsonArray *claims = json_object_get_array_member (expected, "claims");
  guint n = 0;
  for (guint i = 0; i < json_array_get_length (claims); i++)
    if (find_claim (actual, str (json_array_get_object_element (claims, i), "quote")))
      n++;
  return n;
}

static void
score (Scores    *s,
       int        which,
       gboolean   ok)
{
  s->total[which]++;
  if (ok)
    s->ok[which]++;
}

static gboolean
strings_match (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return strstr (a, b) != NULL || strstr (b, a) != NULL;
}

static void
compare_events (JsonObject *exp,
                JsonObject *act,
                Scores     *s)
{
  JsonObject *ep = json_object_get_object_member (exp, "place");
  JsonObject *ap = json_object_get_object_member (act, "place");
  JsonArray *ew = json_object_get_array_member (exp, "weapons");
  JsonArray *aw = json_object_get_array_member (act, "weapons");
  JsonArray *ef = json_object_get_array_member (exp, "figures");
  JsonArray *af = json_object_get_array_member (act, "figures");
  JsonArray *ec = json_object_get_array_member (exp, "claims");
  gboolean weapons_ok = json_array_get_length (ew) == json_array_get_length (aw);

  score (s, S_KIND, g_strcmp0 (str (exp, "kind"), str (act, "kind")) == 0);
  score (s, S_DATES, g_strcmp0 (str (exp, "start"), str (act, "start")) == 0 &&
                     g_strcmp0 (str (exp, "end"), str (act, "end")) == 0);
  score (s, S_TIME_OF_DAY, g_strcmp0 (str (exp, "time_of_day"), str (act, "time_of_day")) == 0);
  score (s, S_PLACE, g_strcmp0 (str (ep, "name"), str (ap, "name")) == 0 &&
                     json_object_get_int_member (ep, "geo_precision") ==
                     json_object_get_int_member (ap, "geo_precision"));
  score (s, S_TARGET, strings_match (str (exp, "target"), str (act, "target")));
  for (guint i = 0; weapons_ok && i < json_array_get_length (ew); i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < json_array_get_length (aw); k++)
        if (g_strcmp0 (json_array_get_string_element (ew, i), json_array_get_string_element (aw, k)) == 0)
          found = TRUE;
      weapons_ok = found;
    }
  score (s, S_WEAPONS, weapons_ok);
  for (guint i = 0; i < json_array_get_length (ef); i++)
    {
      JsonObject *f = json_array_get_object_element (ef, i);
      gboolean found = FALSE;
      for (guint k = 0; k < json_array_get_length (af); k++)
        {
          JsonObject *g = json_array_get_object_element (af, k);
          if (g_strcmp0 (str (f, "kind"), str (g, "kind")) == 0 &&
              json_object_get_int_member (f, "value") == json_object_get_int_member (g, "value"))
            found = TRUE;
        }
      score (s, S_FIGURES, found);
    }
  score (s, S_DISPUTED, json_object_get_boolean_member (exp, "disputed") ==
                        json_object_get_boolean_member (act, "disputed"));
  for (guint i = 0; i < json_array_get_length (ec); i++)
    {
      JsonObject *c = json_array_get_object_element (ec, i);
      JsonObject *a = find_claim (act, str (c, "quote"));
      score (s, S_CLAIMS_FOUND, a != NULL);
      score (s, S_ATTRIBUTION, a != NULL &&
             g_strcmp0 (str (c, "source_kind"), str (a, "source_kind")) == 0 &&
             (str (c, "attributed_to") == NULL || strings_match (str (c, "attributed_to"),
                                                                str (a, "attributed_to"))));
      score (s, S_HEDGING, a != NULL && g_strcmp0 (str (c, "hedging"), str (a, "hedging")) == 0);
    }
}

static JsonArray *
read_expected (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *out = json_array_new ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      g_assert_no_error (error);
      json_array_add_element (out, json_node_copy (json_parser_get_root (parser)));
    }
  return out;
}

static void
test_fixtures (void)
{
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "extract", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.tsv", NULL);
  g_autofree char *index = NULL;
  g_auto (GStrv) rows = NULL;
  g_autoptr (GError) error = NULL;
  Scores total = { 0 };
  guint n_fixtures = 0, n_uk = 0, n_ru = 0;
  GString *table = g_string_new (NULL);

  g_assert_true (g_file_get_contents (index_path, &index, NULL, &error));
  g_assert_no_error (error);
  rows = g_strsplit (index, "\n", -1);

  g_string_append_printf (table, "%-40s", "fixture");
  for (int k = 0; k < N_SCORES; k++)
    g_string_append_printf (table, " %7.7s", score_names[k]);
  g_string_append_c (table, '\n');

  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto (GStrv) cols = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *text = NULL;
      g_autoptr (JsonArray) actual = NULL;
      g_autoptr (JsonArray) expected = NULL;
      g_autofree gboolean *used = NULL;
      Scores s = { 0 };

      if (rows[r][0] == '\0' || rows[r][0] == '#')
        continue;
      cols = g_strsplit (rows[r], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), >=, 2);
      path = g_build_filename (dir, cols[0], NULL);
      expected_path = g_strdup (path);
      expected_path[strlen (expected_path) - 4] = '\0';
      {
        char *tmp = g_strconcat (expected_path, ".expected.jsonl", NULL);
        g_free (expected_path);
        expected_path = tmp;
      }
      n_fixtures++;
      if (strstr (cols[0], "_uk_"))
        n_uk++;
      if (strstr (cols[0], "_ru_"))
        n_ru++;

      actual = extract_test_run (path, cols[1], &text);
      expected = read_expected (expected_path);
      used = g_new0 (gboolean, json_array_get_length (actual) + 1);

      /* MUST: every quote is exactly the bytes it points at. */
      for (guint a = 0; a < json_array_get_length (actual); a++)
        {
          JsonArray *claims = json_object_get_array_member (json_array_get_object_element (actual, a),
                                                            "claims");
          for (guint k = 0; k < json_array_get_length (claims); k++)
            {
              JsonObject *c = json_array_get_object_element (claims, k);
              gint64 st = json_object_get_int_member (c, "start");
              gint64 en = json_object_get_int_member (c, "end");
              g_assert_cmpint (en, <=, (gint64) strlen (text));
              g_assert_cmpint ((gint64) strlen (str (c, "quote")), ==, en - st);
              g_assert_cmpint (memcmp (text + st, str (c, "quote"), en - st), ==, 0);
            }
        }

      for (guint e = 0; e < json_array_get_length (expected); e++)
        {
          JsonObject *exp = json_array_get_object_element (expected, e);
          guint best = G_MAXUINT, best_n = 0;
          for (guint a = 0; a < json_array_get_length (actual); a++)
            {
              guint n;
              if (used[a])
                continue;
              n = shared_claims (exp, json_array_get_object_element (actual, a));
              if (n > best_n)
                {
                  best_n = n;
                  best = a;
                }
            }
          score (&s, S_EVENTS_FOUND, best != G_MAXUINT);
          if (best == G_MAXUINT)
            {
              JsonArray *ec = json_object_get_array_member (exp, "claims");
              /* every field of a missed event counts as wrong */
              for (int k = S_KIND; k <= S_TARGET; k++)
                score (&s, k, FALSE);
              score (&s, S_WEAPONS, FALSE);
              score (&s, S_DISPUTED, FALSE);
              for (guint i = 0; i < json_array_get_length (json_object_get_array_member (exp, "figures")); i++)
                score (&s, S_FIGURES, FALSE);
              for (guint i = 0; i < json_array_get_length (ec); i++)
                {
                  score (&s, S_CLAIMS_FOUND, FALSE);
                  score (&s, S_ATTRIBUTION, FALSE);
                  score (&s, S_HEDGING, FALSE);
                }
              continue;
            }
          used[best] = TRUE;
          compare_events (exp, json_array_get_object_element (actual, best), &s);
        }
      for (guint a = 0; a < json_array_get_length (actual); a++)
        {
          s.total[S_EVENTS_EXTRA]++;
          if (!used[a])
            s.ok[S_EVENTS_EXTRA]++;
        }

      /* MUST: an article of analysis and speculation gives no event. */
      if (json_array_get_length (expected) == 0)
        g_assert_cmpuint (json_array_get_length (actual), ==, 0);

      g_string_append_printf (table, "%-40.40s", cols[0]);
      for (int k = 0; k < N_SCORES; k++)
        {
          g_autofree char *cell = s.total[k] ? g_strdup_printf ("%u/%u", s.ok[k], s.total[k])
                                             : g_strdup ("-");
          g_string_append_printf (table, " %7s", cell);
          total.ok[k] += s.ok[k];
          total.total[k] += s.total[k];
        }
      g_string_append_c (table, '\n');
    }

  g_string_append_printf (table, "%-40s", "TOTAL");
  for (int k = 0; k < N_SCORES; k++)
    {
      g_autofree char *cell = g_strdup_printf ("%u/%u", total.ok[k], total.total[k]);
      g_string_append_printf (table, " %7s", cell);
    }
  g_string_append_printf (table, "\n%-40s", "share");
  for (int k = 0; k < N_SCORES; k++)
    g_string_append_printf (table, " %7.2f", total.total[k] ? (double) total.ok[k] / total.total[k] : 1.0);
  g_string_append_c (table, '\n');

  {
    g_auto (GStrv) lines = g_strsplit (table->str, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        g_test_message ("%s", lines[i]);
  }
  g_string_free (table, TRUE);

  g_assert_cmpuint (n_fixtures, >=, 25);
  g_assert_cmpuint (n_uk, >=, 4);
  g_assert_cmpuint (n_ru, >=, 4);
  for (int k = 0; k < N_SCORES; k++)
    if (must[k] > 0)
      {
        double share = total.total[k] ? (double) total.ok[k] / total.total[k] : 1.0;
        g_test_message ("MUST %s: %.2f (at least %.2f)", score_names[k], share, must[k]);
        g_assert_cmpfloat (share, >=, must[k]);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/fixtures", test_fixtures);
  return g_test_run ();
}
