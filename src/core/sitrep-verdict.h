/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-verdict.h: how well an event is supported, counted from its claims, in plain words. */
#pragma once

#include "sitrep-types.h"

G_BEGIN_DECLS

/* The independence rule.
 *
 * Only claims that support the event count as sources: a claim whose hedging is
 * "disputed" (a denial, a doubt, a conflicting figure) makes the event disputed but is
 * not a source for it. When every claim is disputed, all claims are counted instead, so
 * that the line still says who spoke.
 *
 * A voice is the original source of a claim:
 *  - a named speaker (attributed_to), normalised: case-folded, NFKC, runs of white space
 *    made one space, trimmed. "Andrei  Marocho" and "andrei marocho" are one voice, in
 *    whichever outlets they are quoted;
 *  - when unnamed: the outlet (normalised the same way; a missing outlet is one unknown
 *    outlet) together with the source kind, so "witnesses" in outlet A and "unconfirmed
 *    reports" in outlet A are two voices, and "witnesses" in A and in B are two voices;
 *  - except that an unnamed claim carrying a figure of the same kind and value as a claim
 *    already counted (named or not) is that voice repeated: an identical figure is the
 *    fingerprint of one original source, and a trust tool must not overstate independence.
 *
 * Outlets are independent when each can be credited with a voice of its own: n_outlets
 * is the largest number of outlets that can each be matched to a different voice they
 * carry (a maximum bipartite matching). Three outlets repeating one expert give
 * n_outlets 1 and n_outlets_total 3; three outlets quoting three different speakers
 * give 3 and 3.
 *
 * n_official counts distinct voices whose source kind is official or military and that
 * assert or attribute (a ministry quoted by three outlets is one confirmation).
 *
 * Two figures conflict (sitrep_figures_conflict ()) when they are of the same kind and
 * neither lies within the other's range (value, or [low, high] when given).
 */
typedef struct {
  guint n_claims;
  guint n_voices;        /* distinct voices: same speaker + same figure value = one voice repeated */
  guint n_outlets;       /* independent outlets: different outlets not merely repeating one voice */
  guint n_official;      /* official/military claims that assert or attribute (not hedged/disputed) */
  guint n_hedged;        /* claims whose hedging is "hedged" */
  gboolean all_hedged;   /* no claim stronger than hedged */
  gboolean disputed;     /* the event is disputed, or a claim is, or figures conflict */
  gboolean single_voice; /* n_voices == 1 */
  guint n_outlets_total; /* all distinct outlets of the counted claims, independent or not */
} SitrepVerdict;

void  sitrep_verdict_compute (SitrepEvent *event, SitrepVerdict *out);
/* The verdict of a cluster: all the claims and figures of the events (a GPtrArray of
 * SitrepEvent*) counted together, so that one voice behind several events counts once;
 * disputed when any event is. */
void  sitrep_verdict_compute_many (GPtrArray *events, SitrepVerdict *out);
/* Plain words, translated, with ngettext plurals and " · " between parts, e.g.
 * "1 source · hedged · disputed", "3 independent outlets · 1 official confirmation",
 * "2 outlets, 1 voice · hedged". Never empty: an event with no claims gives "No sources".
 *
 * The parts, in this order:
 *  - sources: "No sources" (no claims); "N source(s)" (N voices, at most one outlet);
 *    "N independent outlets" (every outlet independent); "N outlets, M voice(s)" (fewer
 *    voices than outlets); "N outlets, M independent" (otherwise);
 *  - "N official confirmation(s)" when n_official > 0;
 *  - "hedged" when all claims are hedged or weaker, else "N hedged" when some are;
 *  - "disputed".
 * Free with g_free (). */
char *sitrep_verdict_format  (const SitrepVerdict *verdict);
/* A short severity word for styling: "weak" (no claims, single voice, all hedged or
 * disputed), "strong" (>= 2 independent voices, not disputed, and no claim hedged, so
 * every supporting claim is unhedged), "mixed" (>= 2 voices and an unhedged one, but
 * some claims hedged). Not translated; a CSS class name. */
const char *sitrep_verdict_strength (const SitrepVerdict *verdict);

/* Whether two figures contradict each other (same kind, neither value inside the other's
 * range); the sidebar shows such figures side by side with their claimants. */
gboolean sitrep_figures_conflict (const SitrepFigure *a,
                                  const SitrepFigure *b);
/* Whether any two figures of the event conflict. */
gboolean sitrep_event_figures_conflict (SitrepEvent *event);

G_END_DECLS
