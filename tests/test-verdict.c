/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-verdict.c: voices, independent outlets and the verdict line, on hand-built events. */

#include "sitrep-verdict.h"

static SitrepClaim *
add_claim (SitrepEvent     *event,
           const char      *outlet,
           const char      *speaker,
           SitrepSourceKind kind,
           SitrepHedging    hedging)
{
  SitrepClaim *claim = sitrep_claim_new ();

  claim->outlet = g_strdup (outlet);
  claim->attributed_to = g_strdup (speaker);
  claim->source_kind = kind;
  claim->hedging = hedging;
  g_ptr_array_add (event->claims, claim);
  return claim;
}

static void
add_figure (SitrepEvent     *event,
            SitrepFigureKind kind,
            gint64           value,
            gint64           low,
            gint64           high,
            int              claim_index)
{
  SitrepFigure figure = { 0, };

  figure.kind = kind;
  figure.value = value;
  figure.low = low;
  figure.high = high;
  figure.claim_index = claim_index;
  g_array_append_val (event->figures, figure);
}

static char *
verdict_text (SitrepEvent   *event,
              SitrepVerdict *verdict)
{
  sitrep_verdict_compute (event, verdict);
  return sitrep_verdict_format (verdict);
}

/* The seed's casualty claim: one named expert, "if accurate", doubted by officials. */
static void
test_single_hedged_expert (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;
  SitrepClaim *claim;

  event->kind = SITREP_KIND_CASUALTY_CLAIM;
  claim = add_claim (event, "Frontline Courier", "Olena Vasko", SITREP_SOURCE_EXPERT,
                     SITREP_HEDGING_HEDGED);
  g_strfreev (claim->cues);
  claim->cues = g_strsplit ("if accurate", "|", -1);
  add_claim (event, "Frontline Courier", "Ukrainian officials", SITREP_SOURCE_OFFICIAL,
             SITREP_HEDGING_DISPUTED);
  add_figure (event, SITREP_FIGURE_CASUALTIES, 2750, -1, -1, 0);

  text = verdict_text (event, &v);
  g_assert_cmpuint (v.n_claims, ==, 2);
  g_assert_cmpuint (v.n_voices, ==, 1);
  g_assert_cmpuint (v.n_outlets, ==, 1);
  g_assert_cmpuint (v.n_outlets_total, ==, 1);
  g_assert_cmpuint (v.n_official, ==, 0); /* the officials doubt it: no confirmation */
  g_assert_cmpuint (v.n_hedged, ==, 1);
  g_assert_true (v.all_hedged);
  g_assert_true (v.disputed);
  g_assert_true (v.single_voice);
  g_assert_cmpstr (text, ==, "1 source · hedged · disputed");
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "weak");
}

/* One expert, quoted by two outlets (spelled differently) and echoed without a name by a
 * third that repeats the figure: one voice, not three outlets' worth of support. */
static void
test_one_voice_three_outlets (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  /* The unnamed echo comes first: the order of the claims must not matter. */
  add_claim (event, "Eastern Dispatch", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
  add_claim (event, "Frontline Courier", "Olena Vasko", SITREP_SOURCE_EXPERT,
             SITREP_HEDGING_ATTRIBUTED);
  add_claim (event, "  frontline  courier ", " olena   VASKO", SITREP_SOURCE_EXPERT,
             SITREP_HEDGING_ATTRIBUTED);
  add_claim (event, "Steppe Post", "Olena Vasko", SITREP_SOURCE_EXPERT,
             SITREP_HEDGING_ATTRIBUTED);
  add_figure (event, SITREP_FIGURE_CASUALTIES, 2750, -1, -1, 0);
  add_figure (event, SITREP_FIGURE_CASUALTIES, 2750, -1, -1, 1);
  add_figure (event, SITREP_FIGURE_CASUALTIES, 2750, -1, -1, 3);

  text = verdict_text (event, &v);
  g_assert_cmpuint (v.n_claims, ==, 4);
  g_assert_cmpuint (v.n_voices, ==, 1);
  g_assert_cmpuint (v.n_outlets_total, ==, 3);
  g_assert_cmpuint (v.n_outlets, ==, 1);
  g_assert_true (v.single_voice);
  g_assert_false (v.all_hedged);
  g_assert_false (v.disputed);
  g_assert_cmpstr (text, ==, "3 outlets, 1 voice");
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "weak");
}

/* Two outlets repeating one hedged voice: the "2 outlets, 1 voice · hedged". */
static void
test_two_outlets_one_hedged_voice (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  add_claim (event, "Eastern Dispatch", "Olena Vasko", SITREP_SOURCE_EXPERT,
             SITREP_HEDGING_HEDGED);
  add_claim (event, "Steppe Post", "Olena Vasko", SITREP_SOURCE_EXPERT,
             SITREP_HEDGING_HEDGED);

  text = verdict_text (event, &v);
  g_assert_cmpstr (text, ==, "2 outlets, 1 voice · hedged");
  g_assert_cmpuint (v.n_hedged, ==, 2);
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "weak");
}

/* Three outlets quoting three different sources, one of them the ministry. */
static void
test_three_independent_outlets (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  add_claim (event, "Eastern Dispatch", "Ministry of Defence", SITREP_SOURCE_OFFICIAL,
             SITREP_HEDGING_ATTRIBUTED);
  add_claim (event, "Steppe Post", NULL, SITREP_SOURCE_WITNESS, SITREP_HEDGING_ATTRIBUTED);
  /* The ministry again, in another outlet: still one confirmation. */
  add_claim (event, "Steppe Post", "ministry of defence", SITREP_SOURCE_OFFICIAL,
             SITREP_HEDGING_ATTRIBUTED);
  add_claim (event, "Frontline Courier", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);

  text = verdict_text (event, &v);
  g_assert_cmpuint (v.n_voices, ==, 3);
  g_assert_cmpuint (v.n_outlets, ==, 3);
  g_assert_cmpuint (v.n_outlets_total, ==, 3);
  g_assert_cmpuint (v.n_official, ==, 1);
  g_assert_false (v.single_voice);
  g_assert_false (v.all_hedged);
  g_assert_false (v.disputed);
  g_assert_cmpstr (text, ==, "3 independent outlets · 1 official confirmation");
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "strong");

  /* A hedged official claim is no confirmation, and a hedged claim makes it mixed. */
  add_claim (event, "Frontline Courier", "General Staff", SITREP_SOURCE_MILITARY,
             SITREP_HEDGING_HEDGED);
  g_clear_pointer (&text, g_free);
  text = verdict_text (event, &v);
  g_assert_cmpstr (text, ==, "3 independent outlets · 1 official confirmation · 1 hedged");
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "mixed");
}

static void
test_no_claims (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  text = verdict_text (event, &v);
  g_assert_cmpuint (v.n_claims, ==, 0);
  g_assert_cmpuint (v.n_voices, ==, 0);
  g_assert_false (v.single_voice);
  g_assert_false (v.all_hedged);
  g_assert_cmpstr (text, ==, "No sources");
  g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "weak");
}

static void
test_plurals (void)
{
  SitrepVerdict v;

  /* One outlet, two unnamed kinds of source and one named official. */
  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "Steppe Post", NULL, SITREP_SOURCE_WITNESS, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "Steppe Post", NULL, SITREP_SOURCE_WITNESS, SITREP_HEDGING_HEDGED);
    add_claim (event, "Steppe Post", NULL, SITREP_SOURCE_UNCONFIRMED, SITREP_HEDGING_HEDGED);
    add_claim (event, "Steppe Post", "Regional governor", SITREP_SOURCE_OFFICIAL,
               SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "Steppe Post", "Border Guard", SITREP_SOURCE_MILITARY,
               SITREP_HEDGING_ASSERTED);
    text = verdict_text (event, &v);
    g_assert_cmpuint (v.n_voices, ==, 4);
    g_assert_cmpstr (text, ==, "4 sources · 2 official confirmations · 2 hedged");
  }

  /* Outlets A and B repeat one speaker, C has two of its own: 3 outlets, 2 independent. */
  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "A", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "B", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "C", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "C", NULL, SITREP_SOURCE_WITNESS, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "C", NULL, SITREP_SOURCE_SATELLITE, SITREP_HEDGING_ASSERTED);
    text = verdict_text (event, &v);
    g_assert_cmpuint (v.n_voices, ==, 3);
    g_assert_cmpuint (v.n_outlets, ==, 2);
    g_assert_cmpstr (text, ==, "3 outlets, 2 independent");
  }

  /* Three outlets, two voices. */
  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "A", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "B", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_ATTRIBUTED);
    add_claim (event, "C", "Taras Hnatiuk", SITREP_SOURCE_EXPERT, SITREP_HEDGING_HEDGED);
    text = verdict_text (event, &v);
    g_assert_cmpstr (text, ==, "3 outlets, 2 voices · 1 hedged");
    g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "mixed");
  }

  /* Two independent outlets, one claim each. */
  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "A", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
    add_claim (event, "B", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
    text = verdict_text (event, &v);
    g_assert_cmpstr (text, ==, "2 independent outlets");
  }
}

/* Unnamed claims in different outlets repeating one figure are one voice; different
 * figures are different voices, and conflicting figures dispute the event. */
static void
test_figures (void)
{
  SitrepVerdict v;

  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "A", NULL, SITREP_SOURCE_UNCONFIRMED, SITREP_HEDGING_HEDGED);
    add_claim (event, "B", NULL, SITREP_SOURCE_UNCONFIRMED, SITREP_HEDGING_HEDGED);
    add_figure (event, SITREP_FIGURE_TROOPS, 4200, -1, -1, 0);
    add_figure (event, SITREP_FIGURE_TROOPS, 4200, -1, -1, 1);
    text = verdict_text (event, &v);
    g_assert_cmpuint (v.n_voices, ==, 1);
    g_assert_false (v.disputed);
    g_assert_cmpstr (text, ==, "2 outlets, 1 voice · hedged");
  }

  {
    g_autoptr(SitrepEvent) event = sitrep_event_new ();
    g_autofree char *text = NULL;

    add_claim (event, "A", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
    add_claim (event, "B", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
    add_figure (event, SITREP_FIGURE_KILLED, 12, -1, -1, 0);
    add_figure (event, SITREP_FIGURE_KILLED, 40, -1, -1, 1);
    text = verdict_text (event, &v);
    g_assert_cmpuint (v.n_voices, ==, 2);
    g_assert_true (v.disputed);
    g_assert_true (sitrep_event_figures_conflict (event));
    g_assert_cmpstr (text, ==, "2 independent outlets · disputed");
    g_assert_cmpstr (sitrep_verdict_strength (&v), ==, "weak");
  }

  {
    SitrepFigure range = { SITREP_FIGURE_KILLED, 15, 10, 20, NULL, 0 };
    SitrepFigure inside = { SITREP_FIGURE_KILLED, 12, -1, -1, NULL, 1 };
    SitrepFigure outside = { SITREP_FIGURE_KILLED, 25, -1, -1, NULL, 1 };
    SitrepFigure wounded = { SITREP_FIGURE_WOUNDED, 25, -1, -1, NULL, 1 };

    g_assert_false (sitrep_figures_conflict (&range, &inside));
    g_assert_false (sitrep_figures_conflict (&inside, &range));
    g_assert_true (sitrep_figures_conflict (&range, &outside));
    g_assert_false (sitrep_figures_conflict (&outside, &wounded));
  }
}

/* When every claim disputes the event, the disputing voices are still counted. */
static void
test_all_disputed (void)
{
  g_autoptr(SitrepEvent) event = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  add_claim (event, "A", "Ministry of Defence", SITREP_SOURCE_OFFICIAL,
             SITREP_HEDGING_DISPUTED);
  add_claim (event, "A", "General Staff", SITREP_SOURCE_MILITARY, SITREP_HEDGING_DISPUTED);
  text = verdict_text (event, &v);
  g_assert_cmpuint (v.n_voices, ==, 2);
  g_assert_cmpuint (v.n_official, ==, 0);
  g_assert_true (v.all_hedged);
  g_assert_cmpstr (text, ==, "2 sources · hedged · disputed");
}

/* A cluster: one speaker behind two events is one voice; figures of different events
 * neither repeat a voice nor conflict. */
static void
test_many (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  SitrepEvent *a = sitrep_event_new ();
  SitrepEvent *b = sitrep_event_new ();
  SitrepVerdict v;
  g_autofree char *text = NULL;

  g_ptr_array_add (events, a);
  g_ptr_array_add (events, b);
  add_claim (a, "Steppe Post", "Olena Vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_HEDGED);
  add_figure (a, SITREP_FIGURE_KILLED, 2, -1, -1, 0);
  add_claim (b, "Frontline Courier", "olena vasko", SITREP_SOURCE_EXPERT, SITREP_HEDGING_HEDGED);
  add_claim (b, "Eastern Dispatch", NULL, SITREP_SOURCE_MEDIA, SITREP_HEDGING_ASSERTED);
  add_figure (b, SITREP_FIGURE_KILLED, 2, -1, -1, 1);
  add_figure (b, SITREP_FIGURE_KILLED, 10, -1, -1, 0);

  /* b alone: its own figures conflict. */
  sitrep_verdict_compute (b, &v);
  g_assert_true (v.disputed);

  g_array_remove_index (b->figures, 1);
  sitrep_verdict_compute_many (events, &v);
  text = sitrep_verdict_format (&v);
  g_assert_cmpuint (v.n_claims, ==, 3);
  /* The media claim's "2 killed" is about event b, not Vasko's event a. */
  g_assert_cmpuint (v.n_voices, ==, 2);
  g_assert_cmpuint (v.n_outlets_total, ==, 3);
  g_assert_cmpuint (v.n_outlets, ==, 2);
  g_assert_false (v.disputed);
  g_assert_cmpstr (text, ==, "3 outlets, 2 voices · 2 hedged");

  b->disputed = TRUE;
  sitrep_verdict_compute_many (events, &v);
  g_assert_true (v.disputed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdict/single-hedged-expert", test_single_hedged_expert);
  g_test_add_func ("/verdict/one-voice-three-outlets", test_one_voice_three_outlets);
  g_test_add_func ("/verdict/two-outlets-one-hedged-voice", test_two_outlets_one_hedged_voice);
  g_test_add_func ("/verdict/three-independent-outlets", test_three_independent_outlets);
  g_test_add_func ("/verdict/no-claims", test_no_claims);
  g_test_add_func ("/verdict/plurals", test_plurals);
  g_test_add_func ("/verdict/figures", test_figures);
  g_test_add_func ("/verdict/all-disputed", test_all_disputed);
  g_test_add_func ("/verdict/many", test_many);
  return g_test_run ();
}
