/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar-private.h: what the sidebar shows, for its siblings and the tests. */
#pragma once

#include "sitrep-document-view.h"
#include "sitrep-event-sidebar.h"

G_BEGIN_DECLS

/* The text of a field as shown: "kind", "status" (the verdict line), "summary", "dates",
 * "place", "target", "weapons", "actors", "figures", "conflicts", "claims-heading",
 * "strength", "cluster-verdict"; NULL
 * for an unknown field, "" when hidden. */
const char *sitrep_event_sidebar_get_field_text (SitrepEventSidebar *self,
                                                 const char         *field);
/* The claim cards, in order. */
GList      *sitrep_event_sidebar_get_claim_cards (SitrepEventSidebar *self);
/* Whether the empty state is showing. */
gboolean    sitrep_event_sidebar_is_empty        (SitrepEventSidebar *self);
/* Whether the cluster list is showing, and its rows (GtkListBoxRow), in order. */
gboolean    sitrep_event_sidebar_is_cluster      (SitrepEventSidebar *self);
GList      *sitrep_event_sidebar_get_cluster_rows (SitrepEventSidebar *self);
/* The rows of the other events drawn at the selected event's spot (GtkListBoxRow). */
GList      *sitrep_event_sidebar_get_nearby_rows  (SitrepEventSidebar *self);
/* The last document view opened from a card (it closes itself), or NULL. */
SitrepDocumentView *sitrep_event_sidebar_get_document_view (SitrepEventSidebar *self);
/* Why ratings cannot be stored (read-only collection), or NULL when they can. */
const char *sitrep_event_sidebar_get_read_only_reason (SitrepEventSidebar *self);

G_END_DECLS
