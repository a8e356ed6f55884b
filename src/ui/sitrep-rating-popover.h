/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-rating-popover.h: grade a claim's source (Admiralty A–F) and credibility (1–6). */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_RATING_POPOVER (sitrep_rating_popover_get_type ())
G_DECLARE_FINAL_TYPE (SitrepRatingPopover, sitrep_rating_popover, SITREP, RATING_POPOVER, GtkPopover)

/* A popover for claim; Save activates the action "card.rate" with a "(ssis)" parameter:
 * subject kind ("outlet" or "speaker"), reliability ("A".."F" or ""), credibility (1..6,
 * or 0), note (maybe ""). */
GtkWidget  *sitrep_rating_popover_new (SitrepClaim *claim);

/* What the analyst would choose (for tests): the outlet or the speaker, a letter or 0, a
 * credibility or 0, a note; and the Save button, insensitive until a grade is chosen. */
void        sitrep_rating_popover_set_grades      (SitrepRatingPopover *self,
                                                   gboolean             speaker,
                                                   char                 reliability,
                                                   int                  credibility,
                                                   const char          *note);
GtkButton  *sitrep_rating_popover_get_save_button (SitrepRatingPopover *self);

/* "Completely reliable" for 'A' ... "Reliability cannot be judged" for 'F'; NULL else. */
const char *sitrep_rating_reliability_label (char reliability);
/* "Confirmed" for 1 ... "Truth cannot be judged" for 6; NULL else. */
const char *sitrep_rating_credibility_label (int credibility);

G_END_DECLS
