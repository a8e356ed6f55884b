/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-rules.c: the extractor's rules one by one, on short texts written for each. */

#include "extract-test-util.h"

static GPtrArray *
run (const char *text,
     const char *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);
  g_autoptr (SitrepDocument) doc = sitrep_document_new ();
  GPtrArray *events;

  g_assert_no_error (error);
  doc->text = g_strdup (text);
  g_assert_true (sitrep_iso_day_to_unix (day, &doc->published));
  events = sitrep_extractor_extract (extractor, doc, "rule", &error);
  g_assert_no_error (error);
  return events;
}

static SitrepEvent *
event (GPtrArray *events,
       guint      i)
{
  g_assert_cmpuint (i, <, events->len);
  return g_ptr_array_index (events, i);
}

static SitrepClaim *
claim (SitrepEvent *ev,
       guint        i)
{
  g_assert_cmpuint (i, <, ev->claims->len);
  return g_ptr_array_index (ev->claims, i);
}

static char *
day_of (gint64 t)
{
  return sitrep_unix_to_iso_day (t);
}

static void
test_background_is_no_event (void)
{
  g_autoptr (GPtrArray) e = run (
    "Russia could launch a new offensive near Kharkiv in the coming weeks, analysts say.\n"
    "Shelling of Nikopol has been a recurring tactic since the start of the war.\n"
    "Drones may strike the capital again, officials warned.\n", "2024-11-25");
  g_assert_cmpuint (e->len, ==, 0);
}

static void
test_continuation_and_denial (void)
{
  g_autoptr (GPtrArray) e = run (
    "Russian forces shelled Vovchansk on Monday, killing two people, the regional governor said.\n"
    "The attack also damaged a school, according to local residents.\n"
    "Moscow denied targeting civilians.\n"
    "The figures could not be independently verified.\n", "2024-11-26");
  SitrepEvent *ev;

  g_assert_cmpuint (e->len, ==, 1);
  ev = event (e, 0);
  g_assert_cmpint (ev->kind, ==, SITREP_KIND_SHELLING);
  g_assert_cmpstr (ev->place->name, ==, "Vovchansk");
  g_assert_cmpuint (ev->claims->len, ==, 4);
  g_assert_cmpint (claim (ev, 0)->source_kind, ==, SITREP_SOURCE_OFFICIAL);
  g_assert_cmpint (claim (ev, 0)->hedging, ==, SITREP_HEDGING_ATTRIBUTED);
  g_assert_cmpint (claim (ev, 1)->source_kind, ==, SITREP_SOURCE_WITNESS);
  g_assert_cmpint (claim (ev, 2)->hedging, ==, SITREP_HEDGING_DISPUTED);
  g_assert_cmpint (claim (ev, 3)->hedging, ==, SITREP_HEDGING_HEDGED);
  g_assert_true (ev->disputed);
  {
    g_autofree char *s = day_of (ev->start);
    g_assert_cmpstr (s, ==, "2024-11-25");
  }
}

static void
test_listed_places (void)
{
  g_autoptr (GPtrArray) e = run (
    "Russian troops shelled Kupiansk, Vovchansk and Izium on Monday, wounding five people, "
    "the regional governor said.\n", "2024-11-25");
  const char *names[] = { "Kupiansk", "Vovchansk", "Izium" };

  g_assert_cmpuint (e->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (event (e, i)->place->name, ==, names[i]);
      g_assert_cmpstr (claim (event (e, i), 0)->quote, ==, claim (event (e, 0), 0)->quote);
      /* the total stays with one event */
      g_assert_cmpuint (event (e, i)->figures->len, ==, i == 0 ? 1 : 0);
    }
  g_assert_cmpstr (event (e, 0)->uid, !=, event (e, 1)->uid);
}

static void
test_near_and_target (void)
{
  g_autoptr (GPtrArray) e = run (
    "A Russian drone hit the Azovmash plant on the outskirts of Mariupol overnight.\n"
    "Ukrainian forces repelled an attack near the village of Robotyne on Nov. 20.\n", "2024-11-21");
  SitrepEvent *a, *b;

  g_assert_cmpuint (e->len, ==, 2);
  a = event (e, 0);
  b = event (e, 1);
  g_assert_cmpint (a->kind, ==, SITREP_KIND_DRONE_STRIKE);
  g_assert_cmpstr (a->target, ==, "Azovmash plant");
  g_assert_cmpint (a->geo_precision, ==, SITREP_GEO_PRECISION_NEAR);
  g_assert_cmpint (a->time_of_day, ==, SITREP_TIME_OF_DAY_NIGHT);
  g_assert_cmpint (b->kind, ==, SITREP_KIND_CLASH);
  g_assert_cmpstr (b->place->name, ==, "Robotyne");
  g_assert_cmpint (b->geo_precision, ==, SITREP_GEO_PRECISION_NEAR);
}

static void
test_conflicting_figures (void)
{
  g_autoptr (GPtrArray) e = run (
    "A Russian missile struck Sumy on Sunday, killing at least 11 people, officials said.\n"
    "The city's mayor later put the death toll at 14.\n", "2024-11-18");
  SitrepEvent *ev;

  g_assert_cmpuint (e->len, ==, 1);
  ev = event (e, 0);
  g_assert_cmpuint (ev->figures->len, ==, 2);
  g_assert_true (ev->disputed);
  g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, 0).value, ==, 11);
  g_assert_cmpstr (g_array_index (ev->figures, SitrepFigure, 0).qualifier, ==, "at least");
  g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, 1).value, ==, 14);
  g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, 1).claim_index, ==, 1);
}

static void
test_russian_and_ukrainian (void)
{
  g_autoptr (GPtrArray) ru = run (
    "Подразделения группировки войск «Центр» освободили населенный пункт Новопустинка, "
    "сообщили в Минобороны России.\n", "2024-12-10");
  g_autoptr (GPtrArray) uk = run (
    "У ніч на 24 листопада ворог атакував Харків ударними дронами, поранено трьох людей.\n"
    "Про це повідомив міський голова Ігор Терехов.\n", "2024-11-24");
  SitrepEvent *ev;

  g_assert_cmpuint (ru->len, ==, 1);
  ev = event (ru, 0);
  g_assert_cmpint (ev->kind, ==, SITREP_KIND_CAPTURE);
  g_assert_cmpstr (ev->place->name, ==, "Novopustynka");
  g_assert_cmpint (claim (ev, 0)->source_kind, ==, SITREP_SOURCE_OFFICIAL);

  g_assert_cmpuint (uk->len, ==, 1);
  ev = event (uk, 0);
  g_assert_cmpint (ev->kind, ==, SITREP_KIND_DRONE_STRIKE);
  g_assert_cmpstr (ev->place->name, ==, "Kharkiv");
  g_assert_cmpint (ev->time_of_day, ==, SITREP_TIME_OF_DAY_NIGHT);
  {
    g_autofree char *s = day_of (ev->start);
    g_autofree char *en = day_of (ev->end - 1);
    g_assert_cmpstr (s, ==, "2024-11-23");
    g_assert_cmpstr (en, ==, "2024-11-24");
  }
  /* "Про це повідомив ..." names the source of the sentence before */
  g_assert_cmpuint (ev->claims->len, ==, 1);
  g_assert_cmpstr (claim (ev, 0)->attributed_to, ==, "Ігор Терехов");
  g_assert_cmpint (claim (ev, 0)->hedging, ==, SITREP_HEDGING_ATTRIBUTED);
  g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, 0).value, ==, 3);
}

static void
test_headline_and_body (void)
{
  g_autoptr (GPtrArray) e = run (
    "Russia strikes Kyiv overnight with drones and missiles\n"
    "Since the start of the full-scale invasion in February 2022, Russia has launched "
    "thousands of missiles at Ukrainian cities.\n"
    "Russia launched a combined drone and missile attack on Kyiv overnight on Nov. 21, killing "
    "one person, Mayor Vitali Klitschko said.\n", "2024-11-21");
  SitrepEvent *ev;

  /* the headline and the body are one event; the background is none */
  g_assert_cmpuint (e->len, ==, 1);
  ev = event (e, 0);
  g_assert_cmpstr (ev->place->name, ==, "Kyiv");
  g_assert_cmpuint (ev->claims->len, ==, 2);
  g_assert_cmpint (ev->time_of_day, ==, SITREP_TIME_OF_DAY_NIGHT);
  g_assert_cmpstr (claim (ev, 1)->attributed_to, ==, "Vitali Klitschko");
  g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, 0).claim_index, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/rules/background", test_background_is_no_event);
  g_test_add_func ("/extract/rules/continuation-and-denial", test_continuation_and_denial);
  g_test_add_func ("/extract/rules/listed-places", test_listed_places);
  g_test_add_func ("/extract/rules/near-and-target", test_near_and_target);
  g_test_add_func ("/extract/rules/conflicting-figures", test_conflicting_figures);
  g_test_add_func ("/extract/rules/russian-and-ukrainian", test_russian_and_ukrainian);
  g_test_add_func ("/extract/rules/headline-and-body", test_headline_and_body);
  return g_test_run ();
}
