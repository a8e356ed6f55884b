/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: dates with their part of day, places, sources and conflicting figures as a reader sees them. */

#include "sitrep-format.h"

static void
test_parts_of_day (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  char *s;

  /* "On the night of November 24": the span [23, 25) with night. */
  event->start = sitrep_day_to_unix (2024, 11, 23);
  event->end = sitrep_day_to_unix (2024, 11, 25);
  event->time_precision = SITREP_TIME_PRECISION_DAY;
  event->time_of_day = SITREP_TIME_OF_DAY_NIGHT;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "night of 23–24 Nov 2024");
  g_free (s);

  event->start = sitrep_day_to_unix (2024, 11, 24);
  event->end = sitrep_day_to_unix (2024, 11, 25);
  event->time_of_day = SITREP_TIME_OF_DAY_MORNING;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "morning of 24 Nov 2024");
  g_free (s);

  event->time_of_day = SITREP_TIME_OF_DAY_EVENING;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "evening of 24 Nov 2024");
  g_free (s);

  event->time_of_day = SITREP_TIME_OF_DAY_DAY;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "daytime, 24 Nov 2024");
  g_free (s);

  /* The range of the seed's casualty claim, "between November 17 and 23". */
  event->start = sitrep_day_to_unix (2024, 11, 17);
  event->end = sitrep_day_to_unix (2024, 11, 24);
  event->time_precision = SITREP_TIME_PRECISION_RANGE;
  event->time_of_day = SITREP_TIME_OF_DAY_NONE;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "17–23 Nov 2024");
  g_free (s);

  /* The publication date stands in: no part of day is invented. */
  event->start = sitrep_day_to_unix (2024, 11, 25);
  event->end = sitrep_day_to_unix (2024, 11, 26);
  event->time_precision = SITREP_TIME_PRECISION_REPORTED;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "reported 25 Nov 2024");
  g_free (s);
}

static void
test_places (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  char *s;

  event->admin1 = g_strdup ("Kharkiv Oblast");
  event->place_as_written = g_strdup ("Kupyansk-Uzlovoy");
  event->place = sitrep_place_new ();
  event->place->name = g_strdup ("Kupiansk-Vuzlovyi");
  event->geo_precision = SITREP_GEO_PRECISION_NEAR;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "near Kupiansk-Vuzlovyi, Kharkiv Oblast");
  g_free (s);

  /* No place, no region: still words, never empty. */
  g_clear_object (&event->place);
  g_clear_pointer (&event->place_as_written, g_free);
  g_clear_pointer (&event->admin1, g_free);
  event->geo_precision = SITREP_GEO_PRECISION_REGION;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "No place named");
  g_free (s);
}

static SitrepClaim *
add_claim (SitrepEvent     *event,
           const char      *outlet,
           const char      *speaker,
           SitrepSourceKind kind)
{
  SitrepClaim *claim = sitrep_claim_new ();

  claim->outlet = g_strdup (outlet);
  claim->attributed_to = g_strdup (speaker);
  claim->source_kind = kind;
  g_ptr_array_add (event->claims, claim);
  return claim;
}

static void
test_claim_source (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  SitrepClaim *expert, *unnamed;
  char *s;

  expert = add_claim (event, "Frontline Courier", "Olena Vasko", SITREP_SOURCE_EXPERT);
  expert->role = g_strdup ("military expert");
  expert->affiliation = g_strdup ("Ukrainian");
  expert->published = sitrep_day_to_unix (2024, 11, 25) + 3600;
  s = sitrep_format_claim_source (expert);
  g_assert_cmpstr (s, ==, "Olena Vasko, military expert, Ukrainian");
  g_free (s);
  s = sitrep_format_claim_origin (expert);
  g_assert_cmpstr (s, ==, "Frontline Courier, 25 Nov 2024");
  g_free (s);

  unnamed = add_claim (event, NULL, NULL, SITREP_SOURCE_UNCONFIRMED);
  s = sitrep_format_claim_source (unnamed);
  g_assert_cmpstr (s, ==, sitrep_source_kind_label (SITREP_SOURCE_UNCONFIRMED));
  g_assert_cmpstr (s, !=, "");
  g_free (s);
  g_assert_null (sitrep_format_claim_origin (unnamed));
}

static void
test_figure_conflicts (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  SitrepFigure f = { 0, };
  g_auto (GStrv) lines = NULL;
  char *s;

  add_claim (event, "Steppe Post", "Regional governor", SITREP_SOURCE_OFFICIAL);
  add_claim (event, "Frontline Courier", NULL, SITREP_SOURCE_MEDIA);

  f.kind = SITREP_FIGURE_KILLED;
  f.value = 12;
  f.low = f.high = -1;
  f.qualifier = g_strdup ("at least");
  f.claim_index = 0;
  g_array_append_val (event->figures, f);
  f.value = 40;
  f.qualifier = NULL;
  f.claim_index = 1;
  g_array_append_val (event->figures, f);
  f.kind = SITREP_FIGURE_WOUNDED;
  f.value = 5;
  f.claim_index = -1;
  g_array_append_val (event->figures, f);

  s = sitrep_format_figure_claimed (event, 0);
  g_assert_cmpstr (s, ==, "Killed: at least 12 (Regional governor)");
  g_free (s);
  s = sitrep_format_figure_claimed (event, 2);
  g_assert_cmpstr (s, ==, "Wounded: 5");
  g_free (s);

  lines = sitrep_format_figure_conflicts (event);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "Killed: at least 12 (Regional governor) vs 40 (Frontline Courier)");

  /* Agreeing figures are not a conflict. */
  g_array_index (event->figures, SitrepFigure, 1).value = 12;
  g_clear_pointer (&lines, g_strfreev);
  lines = sitrep_format_figure_conflicts (event);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/parts-of-day", test_parts_of_day);
  g_test_add_func ("/format/places", test_places);
  g_test_add_func ("/format/claim-source", test_claim_source);
  g_test_add_func ("/format/figure-conflicts", test_figure_conflicts);
  return g_test_run ();
}
