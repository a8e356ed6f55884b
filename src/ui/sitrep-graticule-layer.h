/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-graticule-layer.h: the offline background: land colour and a 1° graticule. */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SITREP_TYPE_GRATICULE_LAYER (sitrep_graticule_layer_get_type ())
G_DECLARE_FINAL_TYPE (SitrepGraticuleLayer, sitrep_graticule_layer, SITREP, GRATICULE_LAYER,
                      ShumateLayer)

SitrepGraticuleLayer *sitrep_graticule_layer_new (ShumateViewport *viewport);

G_END_DECLS
