/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-format.h: an event's dates, place, figures and speakers as a reader sees them. */
#pragma once

#include <glib.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

/* One UTC day, localised: "24 Nov 2024". */
char *sitrep_format_day           (gint64               t);

/* The span with its precision: "24 Nov 2024", "night of 23–24 Nov 2024",
 * "morning of 24 Nov 2024", "evening of 24 Nov 2024", "daytime, 24 Nov 2024",
 * "17–23 Nov 2024", "28 Nov – 2 Dec 2024", "November 2024", "24 Nov 2024, 10:30 UTC",
 * "reported 25 Nov 2024". */
char *sitrep_format_event_dates   (SitrepEvent         *event);

/* The place with its precision: "Kupiansk-Vuzlovyi, Kharkiv Oblast",
 * "near Kupiansk-Vuzlovyi, Kharkiv Oblast", "somewhere in Kharkiv Oblast". */
char *sitrep_format_event_place   (SitrepEvent         *event);

/* "Casualties: approximately 3,920", "Killed: 40–50". */
char *sitrep_format_figure        (const SitrepFigure  *figure);

/* "Andrei Marocho · expert · Ukrainian Navy", skipping what is unknown; NULL when the
 * claim names no speaker. */
char *sitrep_format_speaker       (SitrepClaim         *claim);

/* "“unconfirmed reports”, “if accurate”"; NULL when there are none. */
char *sitrep_format_cues          (const char * const  *cues);

/* Who a claim comes from, for a reader: "Andrei Marocho, military expert, Ukrainian";
 * when no speaker is named, the kind of source: "Unconfirmed reports" (the label of
 * sitrep_source_kind_label ()). Never NULL. */
char *sitrep_format_claim_source  (SitrepClaim         *claim);

/* Where and when a claim was published: "Kyiv Wire, 25 Nov 2024", "Kyiv Wire",
 * "25 Nov 2024"; NULL when neither is known. */
char *sitrep_format_claim_origin  (SitrepClaim         *claim);

/* A figure of the event with its claimant: "Casualties: approximately 3,920 (Andrei
 * Marocho)"; without the parenthesis when the figure cites no claim. */
char *sitrep_format_figure_claimed (SitrepEvent        *event,
                                    guint               figure_index);

/* The event's conflicting figures side by side, one line per figure kind that conflicts
 * (see sitrep_figures_conflict () in core/sitrep-verdict.h):
 * "Killed: 12 (Regional governor) vs 40 (Steppe Post)". Returns a NULL-terminated array
 * (free with g_strfreev ()), empty when no figures conflict. */
char **sitrep_format_figure_conflicts (SitrepEvent     *event);

/* The label of a figure kind: "Casualties". */
const char *sitrep_format_figure_kind_label (SitrepFigureKind kind);

G_END_DECLS
