/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-claim-card.h: one claim of an event: who said it, where, how hedged, in which words. */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_CLAIM_CARD (sitrep_claim_card_get_type ())
G_DECLARE_FINAL_TYPE (SitrepClaimCard, sitrep_claim_card, SITREP, CLAIM_CARD, GtkWidget)

/* Signals:
 *   ::activate ()   Enter, Space or a click: open the claim's document.
 *   ::rate (SitrepRating *source_rating, SitrepRating *claim_rating)
 *                   the analyst graded it (either may be NULL); the handler stores them.
 * Actions: "card.open-link" (the document's http(s) URL), "card.rate" "(ssis)": subject
 * kind ("outlet"/"speaker"), reliability ("A".."F" or ""), credibility (0..6), note. */
GtkWidget   *sitrep_claim_card_new           (SitrepClaim     *claim);
SitrepClaim *sitrep_claim_card_get_claim     (SitrepClaimCard *self);

/* When reason is not NULL the collection cannot be changed: Rate… is insensitive and its
 * tooltip says why. */
void         sitrep_claim_card_set_read_only (SitrepClaimCard *self,
                                              const char      *reason);

/* For tests and siblings: the label showing the quote (its attributes emphasise the cue
 * words), the speaker label, the text of the rating badges ("Outlet B · Claim 3"), and the
 * Rate… menu button. */
GtkLabel     *sitrep_claim_card_get_quote_label   (SitrepClaimCard *self);
GtkLabel     *sitrep_claim_card_get_speaker_label (SitrepClaimCard *self);
char         *sitrep_claim_card_dup_ratings_text  (SitrepClaimCard *self);
GtkMenuButton *sitrep_claim_card_get_rate_button  (SitrepClaimCard *self);

/* The byte ranges of quote where one of cues occurs (ASCII case-insensitive), as pairs
 * [start, end) in an array of guint, sorted and without overlaps. */
GArray      *sitrep_claim_find_cues          (const char         *quote,
                                              const char * const *cues);

G_END_DECLS
