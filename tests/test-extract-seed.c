/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-seed.c: the reference article gives exactly its three events, with place,
 * time, figures and who claimed them how hedged. */

#include "extract-test-util.h"

static const char *
str (JsonObject *o,
     const char *member)
{
  JsonNode *n = json_object_get_member (o, member);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  return json_node_get_string (n);
}

static gboolean
array_has_string_containing (JsonArray  *a,
                             const char *needle)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (strstr (json_array_get_string_element (a, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static JsonObject *
claim_with (JsonObject *event,
            const char *member,
            const char *value)
{
  JsonArray *claims = json_object_get_array_member (event, "claims");
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      const char *v = str (c, member);
      if (v != NULL && strstr (v, value) != NULL)
        return c;
    }
  return NULL;
}

static void
test_seed (void)
{
  g_autofree char *path = extract_test_shared_path ("seed/000_3b3faa4ea9cf54ea.txt");
  g_autofree char *text = NULL;
  g_autoptr (JsonArray) events = NULL;
  JsonObject *e1, *e2, *e3, *place, *c;
  JsonArray *figures;
  gboolean hedged_unconfirmed = FALSE;

  if (path == NULL)
    {
      /* Never a skip: the seed is the reference this unit is judged on. */
      g_test_message ("the seed article was not found: set SITREP_SHARED_DIR or put shared/ "
                      "beside the clone");
      g_test_fail ();
      return;
    }
  events = extract_test_run (path, "2024-11-25", &text);
  g_assert_cmpuint (json_array_get_length (events), ==, 3);

  /* Every claim quotes exactly the bytes it points at; nothing from the analysis. */
  for (guint i = 0; i < 3; i++)
    {
      JsonArray *claims = json_object_get_array_member (json_array_get_object_element (events, i),
                                                        "claims");
      for (guint k = 0; k < json_array_get_length (claims); k++)
        {
          JsonObject *cl = json_array_get_object_element (claims, k);
          gint64 s = json_object_get_int_member (cl, "start");
          gint64 e = json_object_get_int_member (cl, "end");
          g_assert_cmpint (s, <, e);
          g_assert_cmpint (e, <=, (gint64) strlen (text));
          g_assert_cmpint (memcmp (text + s, str (cl, "quote"), e - s), ==, 0);
          g_assert_cmpint ((gint64) strlen (str (cl, "quote")), ==, e - s);
          g_assert_null (strstr (str (cl, "quote"), "coming weeks"));
          g_assert_null (strstr (str (cl, "quote"), "analysts argue"));
          g_assert_null (strstr (str (cl, "quote"), "recurring tactic"));
        }
    }

  /* 1. Grad shelling of Kupiansk-Vuzlovyi, 6,500 troops "approximately", unconfirmed. */
  e1 = json_array_get_object_element (events, 0);
  g_assert_cmpstr (str (e1, "kind"), ==, "shelling");
  place = json_object_get_object_member (e1, "place");
  g_assert_cmpstr (str (place, "name"), ==, "Kupiansk-Vuzlovyi");
  g_assert_cmpstr (str (place, "as_written"), ==, "Kupyansk-Uzlovoy");
  g_assert_cmpstr (str (place, "gazetteer_id"), ==, "geonames:703652");
  g_assert_cmpint (json_object_get_int_member (place, "geo_precision"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lat"), 49.67, 0.05);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lon"), 37.65, 0.05);
  g_assert_cmpstr (str (place, "admin1"), ==, "Kharkiv Oblast");
  g_assert_true (array_has_string_containing (json_object_get_array_member (e1, "weapons"), "Grad"));
  figures = json_object_get_array_member (e1, "figures");
  g_assert_cmpuint (json_array_get_length (figures), >=, 1);
  {
    JsonObject *f = json_array_get_object_element (figures, 0);
    JsonArray *claims = json_object_get_array_member (e1, "claims");
    gint64 ci = json_object_get_int_member (f, "claim");
    g_assert_cmpstr (str (f, "kind"), ==, "troops");
    g_assert_cmpint (json_object_get_int_member (f, "value"), ==, 6500);
    g_assert_cmpstr (str (f, "qualifier"), ==, "approximately");
    g_assert_cmpint (ci, >=, 0);
    g_assert_cmpint (ci, <, json_array_get_length (claims));
    g_assert_nonnull (strstr (str (json_array_get_object_element (claims, ci), "quote"), "6,500"));
    for (guint k = 0; k < json_array_get_length (claims); k++)
      {
        JsonObject *cl = json_array_get_object_element (claims, k);
        if (g_strcmp0 (str (cl, "hedging"), "hedged") == 0 &&
            array_has_string_containing (json_object_get_array_member (cl, "cues"), "unconfirmed"))
          hedged_unconfirmed = TRUE;
      }
    g_assert_true (hedged_unconfirmed);
  }
  c = claim_with (e1, "source_kind", "witness");
  g_assert_nonnull (c);
  g_assert_nonnull (strstr (str (c, "quote"), "Witnesses"));
  g_assert_cmpstr (str (e1, "start"), ==, "2024-11-25");
  g_assert_cmpstr (str (e1, "time_precision"), ==, "reported");

  /* 2. The factory, on the night into 24 November, near Kupiansk-Vuzlovyi. */
  e2 = json_array_get_object_element (events, 1);
  g_assert_nonnull (str (e2, "target"));
  g_assert_nonnull (strstr (str (e2, "target"), "Artyan-Kalor"));
  g_assert_cmpstr (str (e2, "start"), ==, "2024-11-23");
  g_assert_cmpstr (str (e2, "end"), ==, "2024-11-24");
  g_assert_cmpstr (str (e2, "time_of_day"), ==, "night");
  place = json_object_get_object_member (e2, "place");
  g_assert_cmpstr (str (place, "name"), ==, "Kupiansk-Vuzlovyi");
  g_assert_cmpint (json_object_get_int_member (place, "geo_precision"), ==, 2);
  c = claim_with (e2, "source_kind", "satellite");
  g_assert_nonnull (c);
  g_assert_cmpstr (str (c, "hedging"), ==, "hedged");
  g_assert_nonnull (strstr (str (c, "quote"), "Satellite imagery"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e2, "acled"),
                                                 "event_type"), ==, "Explosions/Remote violence");

  /* 3. 3,920 casualties for 17-23 November, Marocho, expert, hedged, "if accurate". */
  e3 = json_array_get_object_element (events, 2);
  g_assert_cmpstr (str (e3, "kind"), ==, "casualty_claim");
  g_assert_cmpstr (str (e3, "start"), ==, "2024-11-17");
  g_assert_cmpstr (str (e3, "end"), ==, "2024-11-23");
  figures = json_object_get_array_member (e3, "figures");
  g_assert_cmpuint (json_array_get_length (figures), >=, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (figures, 0), "value"), ==,
                   3920);
  c = claim_with (e3, "attributed_to", "Andrei Marocho");
  g_assert_nonnull (c);
  g_assert_cmpstr (str (c, "source_kind"), ==, "expert");
  g_assert_nonnull (strstr (str (c, "role"), "expert"));
  g_assert_true (g_strcmp0 (str (c, "hedging"), "hedged") == 0 ||
                 g_strcmp0 (str (c, "hedging"), "disputed") == 0);
  g_assert_true (array_has_string_containing (json_object_get_array_member (c, "cues"), "if accurate"));
  c = claim_with (e3, "quote", "skepticism");
  g_assert_nonnull (c);
  g_assert_null (strstr (str (c, "quote"), "Marocho provided"));
  g_assert_true (g_strcmp0 (str (c, "hedging"), "hedged") == 0 ||
                 g_strcmp0 (str (c, "hedging"), "disputed") == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/seed", test_seed);
  return g_test_run ();
}
