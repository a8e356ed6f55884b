/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-label-layer.h: the map layer that names settlements, rivers and reservoirs. */
#pragma once

#include <shumate/shumate.h>

#include "sitrep-basemap.h"
#include "sitrep-pin-layer.h"

G_BEGIN_DECLS

#define SITREP_TYPE_LABEL_LAYER (sitrep_label_layer_get_type ())
G_DECLARE_FINAL_TYPE (SitrepLabelLayer, sitrep_label_layer, SITREP, LABEL_LAYER, ShumateLayer)

/* Labels in the UI language (Cyrillic for uk and ru), placed by population and zoom
 * without overlaps, drawn in snapshot() so that they stay crisp at any zoom. */
SitrepLabelLayer   *sitrep_label_layer_new       (ShumateViewport    *viewport);

SitrepBasemapStyle  sitrep_label_layer_get_style (SitrepLabelLayer   *self);
void                sitrep_label_layer_set_style (SitrepLabelLayer   *self,
                                                  SitrepBasemapStyle  style);
/* Names keep off the pins this layer draws (its store and time window); the window calls
 * gtk_widget_queue_draw() on the label layer when it changes the pins' time window. */
void                sitrep_label_layer_set_pin_layer (SitrepLabelLayer *self,
                                                      SitrepPinLayer   *pins);

/* How many labels the last frame placed (for tests). */
guint               sitrep_label_layer_get_n_placed (SitrepLabelLayer *self);

G_END_DECLS
