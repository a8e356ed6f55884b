/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-types.c: the vocabularies' words round-trip and the ACLED table is consistent. */

#include "sitrep-types.h"

static void
test_kind_words_round_trip (void)
{
  for (int k = 0; k < SITREP_N_KINDS; k++)
    {
      SitrepEventKind back = SITREP_N_KINDS;
      g_assert_true (sitrep_event_kind_from_string (sitrep_event_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (sitrep_event_kind_to_string (SITREP_KIND_AIR_STRIKE), ==, "air_strike");
  {
    SitrepEventKind k = SITREP_KIND_OTHER;
    g_assert_false (sitrep_event_kind_from_string ("bombardment", &k));
  }
}

static void
test_acled_mapping (void)
{
  g_assert_cmpstr (sitrep_event_kind_acled_type (SITREP_KIND_SHELLING), ==,
                   "Explosions/Remote violence");
  g_assert_cmpstr (sitrep_event_kind_acled_sub_type (SITREP_KIND_CLASH), ==, "Armed clash");
  g_assert_cmpint (sitrep_event_kind_from_acled ("Battles", "Armed clash"), ==,
                   SITREP_KIND_CLASH);
  g_assert_cmpint (sitrep_event_kind_from_acled ("Explosions/Remote violence",
                                                 "Air/drone strike"), ==,
                   SITREP_KIND_AIR_STRIKE);
  g_assert_cmpint (sitrep_event_kind_from_acled ("Protests", "Peaceful protest"), ==,
                   SITREP_KIND_OTHER);
}

static void
test_days (void)
{
  gint64 t = 0;

  g_assert_cmpint (sitrep_day_to_unix (1970, 1, 1), ==, 0);
  g_assert_cmpint (sitrep_day_to_unix (2024, 11, 24), ==, 1732406400);
  g_assert_true (sitrep_iso_day_to_unix ("2024-02-29", &t));
  g_assert_cmpint (t, ==, sitrep_day_to_unix (2024, 2, 29));
  g_assert_false (sitrep_iso_day_to_unix ("2023-02-29", &t));
  g_assert_false (sitrep_iso_day_to_unix ("24 Nov 2024", &t));
  {
    g_autofree char *iso = sitrep_unix_to_iso_day (1732406400 + 3600);
    g_assert_cmpstr (iso, ==, "2024-11-24");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/types/kind-words", test_kind_words_round_trip);
  g_test_add_func ("/types/acled", test_acled_mapping);
  g_test_add_func ("/types/days", test_days);
  return g_test_run ();
}
