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

/* Precision 3 (somewhere in a region): no pin but the region, a disc of about
 * SITREP_REGION_RADIUS_M on the ground (an oblast is 100–200 km across), filled with the
 * kind's colour at low alpha and outlined in dashes, with a small mark at its centre. */
#define SITREP_REGION_RADIUS_M 60000.0
#define SITREP_REGION_MIN_RADIUS 14.0
#define SITREP_REGION_FILL_ALPHA 0.14f
#define SITREP_REGION_SELECTED_FILL_ALPHA 0.26f
#define SITREP_REGION_MARK_RADIUS 6.0
#define SITREP_REGION_MARK_SELECTED_RADIUS 8.0
/* Precision 2 (near a settlement): a soft halo under the pin, SITREP_HALO_MIN_RADIUS px
 * (about 2.7 times the pin's radius), or SITREP_HALO_RADIUS_M on the ground where that is
 * larger (from zoom 10 on): "near" means within a few km. */
#define SITREP_HALO_MIN_RADIUS 19
#define SITREP_HALO_RADIUS_M 3000.0
/* Disputed events: a small "!" badge at the pin's upper right. */
#define SITREP_DISPUTED_MARK_RADIUS 4.5

void        sitrep_kind_style_draw_region_mark   (cairo_t         *cr,
                                                  SitrepEventKind  kind,
                                                  double           cx,
                                                  double           cy,
                                                  double           radius,
                                                  gboolean         hollow,
                                                  gboolean         selected);
/* A radial gradient of the kind's colour, translucent, fading to nothing at radius. */
void        sitrep_kind_style_draw_halo          (cairo_t         *cr,
                                                  SitrepEventKind  kind,
                                                  double           cx,
                                                  double           cy,
                                                  double           radius);
void        sitrep_kind_style_draw_disputed_mark (cairo_t         *cr,
                                                  double           cx,
                                                  double           cy);

/* Textures of the region's mark, the halo (a square of 2 × SITREP_HALO_MIN_RADIUS; draw
 * it scaled to 2 × the halo's radius when that is larger) and the disputed badge; new:
 * cache them. */
GdkTexture *sitrep_kind_style_render_region_mark   (SitrepEventKind  kind,
                                                    gboolean         hollow,
                                                    gboolean         selected,
                                                    int              scale,
                                                    int             *size);
GdkTexture *sitrep_kind_style_render_halo          (SitrepEventKind  kind,
                                                    int              scale);
GdkTexture *sitrep_kind_style_render_disputed_mark (int              scale,
                                                    int             *size);

/* metres on the ground at latitude lat, in pixels of a Web Mercator map whose whole world
 * is world_px wide (256 × 2^zoom). */
double      sitrep_kind_style_ground_to_px       (double           lat,
                                                  double           metres,
                                                  double           world_px);

/* The region with cairo, for images drawn without GTK's renderer: the translucent disc
 * and the dashed outline. Overlapping regions stack: fill them with
 * sitrep_kind_style_draw_region_fill () in one cairo group painted at
 * SITREP_REGION_FILL_ALPHA, then draw the outlines. */
void        sitrep_kind_style_draw_region_fill    (cairo_t         *cr,
                                                   SitrepEventKind  kind,
                                                   double           cx,
                                                   double           cy,
                                                   double           radius);
void        sitrep_kind_style_draw_region_outline (cairo_t         *cr,
                                                   SitrepEventKind  kind,
                                                   double           cx,
                                                   double           cy,
                                                   double           radius);

/* Where the disputed badge's centre goes, relative to the pin's (or region mark's) centre. */
void        sitrep_kind_style_disputed_mark_offset (gboolean  region,
                                                    gboolean  selected,
                                                    float    *dx,
                                                    float    *dy);

/* Appends a region centred on (x, y) of radius px: the translucent disc and its dashed
 * outline.  visible (or NULL) limits the work to what can be seen.  The fill alone is
 * opaque: draw many inside one gtk_snapshot_push_opacity (SITREP_REGION_FILL_ALPHA), so
 * that overlapping regions merge into one translucent area instead of turning opaque. */
void        sitrep_kind_style_append_region_fill (GtkSnapshot           *snapshot,
                                                  SitrepEventKind        kind,
                                                  float                  x,
                                                  float                  y,
                                                  float                  radius,
                                                  const graphene_rect_t *visible);
void        sitrep_kind_style_append_region_outline (GtkSnapshot           *snapshot,
                                                     SitrepEventKind        kind,
                                                     float                  x,
                                                     float                  y,
                                                     float                  radius,
                                                     gboolean               selected,
                                                     const graphene_rect_t *visible);
void        sitrep_kind_style_append_region      (GtkSnapshot           *snapshot,
                                                  SitrepEventKind        kind,
                                                  float                  x,
                                                  float                  y,
                                                  float                  radius,
                                                  gboolean               selected,
                                                  const graphene_rect_t *visible);

G_END_DECLS
