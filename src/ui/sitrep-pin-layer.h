/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-pin-layer.h: the map layer that draws every visible event as a pin or cluster. */
#pragma once

#include <shumate/shumate.h>

#include "core/sitrep-event-store.h"

G_BEGIN_DECLS

#define SITREP_TYPE_PIN_LAYER (sitrep_pin_layer_get_type ())
G_DECLARE_FINAL_TYPE (SitrepPinLayer, sitrep_pin_layer, SITREP, PIN_LAYER, ShumateLayer)

SitrepPinLayer   *sitrep_pin_layer_new                (ShumateViewport  *viewport,
                                                       SitrepEventStore *store);

SitrepEventStore *sitrep_pin_layer_get_store          (SitrepPinLayer   *self);
void              sitrep_pin_layer_set_store          (SitrepPinLayer   *self,
                                                       SitrepEventStore *store);

/* Index into the store's columns, or G_MAXUINT for none. */
guint             sitrep_pin_layer_get_selected_index (SitrepPinLayer   *self);
void              sitrep_pin_layer_set_selected_index (SitrepPinLayer   *self,
                                                       guint             index);

/* Only events whose span overlaps [from, to) (unix seconds) are drawn.
 * G_MININT64, G_MAXINT64 (the default) means all of them. */
void              sitrep_pin_layer_set_time_window    (SitrepPinLayer   *self,
                                                       gint64            from,
                                                       gint64            to);
void              sitrep_pin_layer_get_time_window    (SitrepPinLayer   *self,
                                                       gint64           *from,
                                                       gint64           *to);

/* How many pins have their centre inside the layer for the current viewport, size and
 * time window (what the last snapshot drew, or would draw now). */
guint             sitrep_pin_layer_get_n_visible      (SitrepPinLayer   *self);

/* The index of the visible pin nearest to (x, y) in layer coordinates, within the
 * pick radius (about 10 px), or G_MAXUINT. */
guint             sitrep_pin_layer_pick               (SitrepPinLayer   *self,
                                                       double            x,
                                                       double            y);

/* Where the event at index is drawn, in layer coordinates; FALSE when the map has no
 * projection yet. */
gboolean          sitrep_pin_layer_get_position       (SitrepPinLayer   *self,
                                                       guint             index,
                                                       double           *x,
                                                       double           *y);

/* The filter: a bit per store index (guint64 words), NULL draws every event. */
void              sitrep_pin_layer_set_filter_mask    (SitrepPinLayer   *self,
                                                       GBytes           *mask);
/* Whether events of a window's length before and after it are drawn faded (else hidden). */
gboolean          sitrep_pin_layer_get_fade_outside_window (SitrepPinLayer *self);
void              sitrep_pin_layer_set_fade_outside_window (SitrepPinLayer *self,
                                                            gboolean        fade);
/* Store indices of the pin or cluster under the pointer (GArray of guint), or NULL. */
GArray           *sitrep_pin_layer_get_hovered        (SitrepPinLayer   *self);
/* Clusters drawn for the current view (0 at high zoom or with few events), and events
 * drawn in pins or clusters, not faded. */
guint             sitrep_pin_layer_get_n_clusters     (SitrepPinLayer   *self);
guint             sitrep_pin_layer_get_n_drawn        (SitrepPinLayer   *self);
/* Events drawn faded (in pins or clusters): those near the window, with the fade on. */
guint             sitrep_pin_layer_get_n_faded        (SitrepPinLayer   *self);
/* What the pointer does at (x, y) in layer coordinates, for tests and keyboard: hover
 * (TRUE when over a pin or cluster) and click (select a pin, or zoom into a cluster). */
gboolean          sitrep_pin_layer_hover_at           (SitrepPinLayer   *self,
                                                       double            x,
                                                       double            y);
gboolean          sitrep_pin_layer_activate_at        (SitrepPinLayer   *self,
                                                       double            x,
                                                       double            y);

G_END_DECLS
