/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-claim-card.h: one claim of an event: who said it, where, how hedged, in which words. */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_CLAIM_CARD (sitrep_claim_card_get_type ())
G_DECLARE_FINAL_TYPE (SitrepClaimCard, sitrep_claim_card, SITREP, CLAIM_CARD, GtkWidget)

GtkWidget   *sitrep_claim_card_new       (SitrepClaim *claim);
SitrepClaim *sitrep_claim_card_get_claim (SitrepClaimCard *self);

G_END_DECLS
