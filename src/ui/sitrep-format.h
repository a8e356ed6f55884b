/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-format.h: an event's dates, place, figures and speakers as a reader sees them. */
#pragma once

#include <glib.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

/* One UTC day, localised: "24 Nov 2024". */
char *sitrep_format_day           (gint64               t);

/* The span with its precision: "24 Nov 2024", "23–24 Nov 2024, night",
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

/* The label of a figure kind: "Casualties". */
const char *sitrep_format_figure_kind_label (SitrepFigureKind kind);

G_END_DECLS
