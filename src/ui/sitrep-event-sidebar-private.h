/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar-private.h: what the sidebar shows, for its siblings and the tests. */
#pragma once

#include "sitrep-event-sidebar.h"

G_BEGIN_DECLS

/* The text of a field as shown: "kind", "status", "summary", "dates", "place", "target",
 * "weapons", "figures", "claims-heading"; NULL for an unknown field, "" when hidden. */
const char *sitrep_event_sidebar_get_field_text (SitrepEventSidebar *self,
                                                 const char         *field);
/* The claim cards, in order. */
GList      *sitrep_event_sidebar_get_claim_cards (SitrepEventSidebar *self);
/* Whether the empty state is showing. */
gboolean    sitrep_event_sidebar_is_empty        (SitrepEventSidebar *self);

G_END_DECLS
