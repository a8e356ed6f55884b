/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cluster-bubble.h: how a map cluster looks: a disc sized by its count, the count on it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _SitrepClusterBubbles SitrepClusterBubbles;

/* Keeps the text layouts of the counts between frames. */
SitrepClusterBubbles *sitrep_cluster_bubbles_new    (GtkWidget            *widget);
void                  sitrep_cluster_bubbles_free   (SitrepClusterBubbles *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepClusterBubbles, sitrep_cluster_bubbles_free)

/* Radius in logical pixels of the bubble of a cluster of count events. */
double                sitrep_cluster_bubbles_radius (guint                 count);
/* Appends the bubble centred on (x, y) in the colour of its most frequent kind; a
 * highlighted bubble gets a ring; opacity < 1 for events outside the time window. */
void                  sitrep_cluster_bubbles_append (SitrepClusterBubbles *self,
                                                     GtkSnapshot          *snapshot,
                                                     double                x,
                                                     double                y,
                                                     guint                 count,
                                                     const GdkRGBA        *color,
                                                     gboolean              highlighted,
                                                     float                 opacity);

G_END_DECLS
