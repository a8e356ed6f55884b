/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-kind-style.h: how an event kind looks: its colour, its glyph, its pin. */
#pragma once

#include <gtk/gtk.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

/* The fill colour of the kind's pin.  Families: shelling, missile and other strikes are
 * orange-red; air and drone strikes purple; ground fighting, offensives, advances and
 * captured ground blue; casualty claims grey. */
void        sitrep_kind_style_get_color (SitrepEventKind  kind,
                                         GdkRGBA         *color);

/* Draws one pin centred on (cx, cy): a disc of the kind's colour with a white glyph,
 * outlined in white and then in a dark halo so it reads on light and dark maps.
 * hollow draws a ring instead of a disc (events that rest only on hedged claims);
 * selected adds a highlight ring around it. */
void        sitrep_kind_style_draw_pin  (cairo_t         *cr,
                                         SitrepEventKind  kind,
                                         double           cx,
                                         double           cy,
                                         double           radius,
                                         gboolean         hollow,
                                         gboolean         selected);

/* The radius of a pin in logical pixels, and the size of the square that holds it. */
#define SITREP_PIN_RADIUS 7.0
#define SITREP_PIN_SELECTED_RADIUS 10.0

/* A texture of the pin for a widget of scale factor `scale`; its logical size (the square
 * to draw it into) is returned in *size.  The texture is new: cache it. */
GdkTexture *sitrep_kind_style_render_pin (SitrepEventKind  kind,
                                          gboolean         hollow,
                                          gboolean         selected,
                                          int              scale,
                                          int             *size);

G_END_DECLS
