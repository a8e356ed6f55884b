/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-kind-style.c: how an event kind looks: its colour, its glyph, its pin. */
#define G_LOG_DOMAIN "sitrep-kind-style"

#include "config.h"

#include <math.h>

#include "sitrep-kind-style.h"

/* GNOME palette shades, picked so that neighbouring families differ in hue and in
 * lightness (colour is never the only signal: the glyph differs too). */
static const struct
{
  guint32 rgb;
} kind_colors[SITREP_N_KINDS] = {
  [SITREP_KIND_OTHER] = { 0x865e3c },          /* brown */
  [SITREP_KIND_SHELLING] = { 0xe66100 },       /* orange */
  [SITREP_KIND_AIR_STRIKE] = { 0x9141ac },     /* purple */
  [SITREP_KIND_DRONE_STRIKE] = { 0x613583 },   /* dark purple */
  [SITREP_KIND_MISSILE_STRIKE] = { 0xc01c28 }, /* red */
  [SITREP_KIND_STRIKE] = { 0xe01b24 },         /* red-orange */
  [SITREP_KIND_CLASH] = { 0x1c71d8 },          /* blue */
  [SITREP_KIND_OFFENSIVE] = { 0x1a5fb4 },      /* dark blue */
  [SITREP_KIND_ADVANCE] = { 0x3584e4 },        /* light blue */
  [SITREP_KIND_CAPTURE] = { 0x0b4a8a },        /* navy */
  [SITREP_KIND_CASUALTY_CLAIM] = { 0x77767b }, /* grey */
};

void
sitrep_kind_style_get_color (SitrepEventKind  kind,
                             GdkRGBA         *color)
{
  guint32 rgb;

  if ((guint) kind >= SITREP_N_KINDS)
    kind = SITREP_KIND_OTHER;
  rgb = kind_colors[kind].rgb;
  color->red = ((rgb >> 16) & 0xff) / 255.0f;
  color->green = ((rgb >> 8) & 0xff) / 255.0f;
  color->blue = (rgb & 0xff) / 255.0f;
  color->alpha = 1.0f;
}

static void
polygon (cairo_t      *cr,
         double        cx,
         double        cy,
         double        r,
         const double *points,
         guint         n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      double x = cx + points[2 * i] * r;
      double y = cy + points[2 * i + 1] * r;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* The glyph inside the pin, in the current source colour, within radius r. */
static void
draw_glyph (cairo_t         *cr,
            SitrepEventKind  kind,
            double           cx,
            double           cy,
            double           r)
{
  static const double tri_up[] = { 0, -1, 0.9, 0.75, -0.9, 0.75 };
  static const double tri_down[] = { 0, 1, 0.9, -0.75, -0.9, -0.75 };
  static const double narrow_up[] = { 0, -1.05, 0.5, 0.85, -0.5, 0.85 };
  static const double diamond[] = { 0, -1, 0.85, 0, 0, 1, -0.85, 0 };
  static const double arrow_right[] = { 1, 0, -0.7, 0.85, -0.35, 0, -0.7, -0.85 };
  static const double flag[] = { -0.7, -0.95, 0.85, -0.5, -0.4, -0.05, -0.4, 0.95, -0.7, 0.95 };

  switch (kind)
    {
    case SITREP_KIND_SHELLING:
      cairo_arc (cr, cx, cy, r * 0.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SITREP_KIND_MISSILE_STRIKE:
      polygon (cr, cx, cy, r, narrow_up, 3);
      break;
    case SITREP_KIND_STRIKE:
      cairo_rectangle (cr, cx - 0.65 * r, cy - 0.65 * r, 1.3 * r, 1.3 * r);
      cairo_fill (cr);
      break;
    case SITREP_KIND_AIR_STRIKE:
      polygon (cr, cx, cy, r, tri_down, 3);
      break;
    case SITREP_KIND_DRONE_STRIKE:
      polygon (cr, cx, cy, r, diamond, 4);
      break;
    case SITREP_KIND_CLASH:
      cairo_set_line_width (cr, r * 0.45);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, cx - 0.7 * r, cy - 0.7 * r);
      cairo_line_to (cr, cx + 0.7 * r, cy + 0.7 * r);
      cairo_move_to (cr, cx + 0.7 * r, cy - 0.7 * r);
      cairo_line_to (cr, cx - 0.7 * r, cy + 0.7 * r);
      cairo_stroke (cr);
      break;
    case SITREP_KIND_OFFENSIVE:
      polygon (cr, cx, cy, r, arrow_right, 4);
      break;
    case SITREP_KIND_ADVANCE:
      polygon (cr, cx, cy, r, tri_up, 3);
      break;
    case SITREP_KIND_CAPTURE:
      polygon (cr, cx, cy, r, flag, 5);
      break;
    case SITREP_KIND_CASUALTY_CLAIM:
      cairo_rectangle (cr, cx - 0.8 * r, cy - 0.22 * r, 1.6 * r, 0.44 * r);
      cairo_fill (cr);
      break;
    case SITREP_KIND_OTHER:
    case SITREP_N_KINDS:
    default:
      cairo_arc (cr, cx, cy, r * 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

/* The selection: a yellow ring with a dark edge around a mark of this radius, visible
 * on any tile; pins and region marks share it. */
static void
draw_selection_ring (cairo_t *cr,
                     double   cx,
                     double   cy,
                     double   radius)
{
  cairo_arc (cr, cx, cy, radius + 4.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, radius + 3.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0);
  cairo_fill (cr);
}

void
sitrep_kind_style_draw_pin (cairo_t         *cr,
                            SitrepEventKind  kind,
                            double           cx,
                            double           cy,
                            double           radius,
                            gboolean         hollow,
                            gboolean         selected)
{
  GdkRGBA color;

  sitrep_kind_style_get_color (kind, &color);
  cairo_save (cr);

  if (selected)
    draw_selection_ring (cr, cx, cy, radius);

  /* Dark halo, then white outline: contrast on light tiles and on the dark background. */
  cairo_arc (cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, radius + 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  if (hollow)
    {
      /* A thick ring of the kind's colour around a white centre with the glyph in the
       * kind's colour: "only hedged claims" reads as an open, lighter mark. */
      cairo_arc (cr, cx, cy, radius - 0.5, 0, 2 * G_PI);
      cairo_arc_negative (cr, cx, cy, radius * 0.55, 2 * G_PI, 0);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill (cr);
      draw_glyph (cr, kind, cx, cy, radius * 0.32);
    }
  else
    {
      cairo_arc (cr, cx, cy, radius - 0.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      draw_glyph (cr, kind, cx, cy, radius * 0.5);
    }

  cairo_restore (cr);
}

/* A region's mark at its centre: a small disc with a dashed ring of the kind's colour, so
 * that it reads as "about here, somewhere around" and never as a located pin; filled
 * with the kind's colour and a white glyph, or white with the glyph in colour (hedged). */
void
sitrep_kind_style_draw_region_mark (cairo_t         *cr,
                                    SitrepEventKind  kind,
                                    double           cx,
                                    double           cy,
                                    double           radius,
                                    gboolean         hollow,
                                    gboolean         selected)
{
  static const double dashes[] = { 3.0, 2.0 };
  GdkRGBA color;

  sitrep_kind_style_get_color (kind, &color);
  cairo_save (cr);

  if (selected)
    draw_selection_ring (cr, cx, cy, radius);

  cairo_arc (cr, cx, cy, radius + 1.0, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  /* The dashed ring, as the region's outline. */
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_arc (cr, cx, cy, radius - 1.0, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (hollow)
    draw_glyph (cr, kind, cx, cy, radius * 0.45);
  else
    {
      cairo_arc (cr, cx, cy, radius * 0.62, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      draw_glyph (cr, kind, cx, cy, radius * 0.4);
    }

  cairo_restore (cr);
}

void
sitrep_kind_style_draw_halo (cairo_t         *cr,
                             SitrepEventKind  kind,
                             double           cx,
                             double           cy,
                             double           radius)
{
  cairo_pattern_t *gradient;
  GdkRGBA color;

  sitrep_kind_style_get_color (kind, &color);
  gradient = cairo_pattern_create_radial (cx, cy, 0, cx, cy, radius);
  /* Strongest under the pin, fading out well before the edge: a soft "about here". */
  cairo_pattern_add_color_stop_rgba (gradient, 0.0, color.red, color.green, color.blue, 0.55);
  cairo_pattern_add_color_stop_rgba (gradient, 0.45, color.red, color.green, color.blue, 0.38);
  cairo_pattern_add_color_stop_rgba (gradient, 1.0, color.red, color.green, color.blue, 0.0);
  cairo_save (cr);
  cairo_set_source (cr, gradient);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (gradient);
}

void
sitrep_kind_style_draw_disputed_mark (cairo_t *cr,
                                      double   cx,
                                      double   cy)
{
  double r = SITREP_DISPUTED_MARK_RADIUS;

  cairo_save (cr);
  cairo_arc (cr, cx, cy, r + 1.0, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  /* GNOME red 4 on white, an exclamation mark of two shapes (no font needed). */
  cairo_arc (cr, cx, cy, r - 1.0, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, cx - 0.75, cy - r * 0.62, 1.5, r * 0.78);
  cairo_fill (cr);
  cairo_rectangle (cr, cx - 0.75, cy + r * 0.32, 1.5, 1.5);
  cairo_fill (cr);
  cairo_restore (cr);
}

double
sitrep_kind_style_ground_to_px (double lat,
                                double metres,
                                double world_px)
{
  /* The equator's length over the map's width, shrunk by cos (lat) as Mercator does. */
  double metres_per_px = 40075016.686 * cos (CLAMP (lat, -85.0511287798, 85.0511287798) * G_PI / 180.0)
                         / world_px;

  return metres / metres_per_px;
}

void
sitrep_kind_style_draw_region_fill (cairo_t         *cr,
                                    SitrepEventKind  kind,
                                    double           cx,
                                    double           cy,
                                    double           radius)
{
  GdkRGBA color;

  sitrep_kind_style_get_color (kind, &color);
  cairo_save (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
sitrep_kind_style_draw_region_outline (cairo_t         *cr,
                                       SitrepEventKind  kind,
                                       double           cx,
                                       double           cy,
                                       double           radius)
{
  double circumference = 2 * G_PI * radius;
  guint n_dashes = CLAMP ((guint) round (circumference / 12.0), 12, 160);
  double period = circumference / n_dashes;
  double dashes[2] = { period * 0.6, period * 0.4 };
  GdkRGBA color;

  /* As sitrep_kind_style_append_region_outline () draws it. */
  sitrep_kind_style_get_color (kind, &color);
  cairo_save (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.85);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dashes, 2, period * 0.3);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sitrep_kind_style_disputed_mark_offset (gboolean  region,
                                        gboolean  selected,
                                        float    *dx,
                                        float    *dy)
{
  double r = region ? (selected ? SITREP_REGION_MARK_SELECTED_RADIUS : SITREP_REGION_MARK_RADIUS)
                    : (selected ? SITREP_PIN_SELECTED_RADIUS : SITREP_PIN_RADIUS);

  /* On the rim, at the upper right (45°). */
  *dx = (float) (r * 0.72);
  *dy = (float) (-r * 0.72);
}

typedef enum
{
  SYMBOL_PIN,
  SYMBOL_REGION_MARK,
  SYMBOL_HALO,
  SYMBOL_DISPUTED,
} Symbol;

/* Draws one symbol centred in a new texture of logical size `logical` (device pixels:
 * logical × scale). */
static GdkTexture *
render_symbol (Symbol           symbol,
               SitrepEventKind  kind,
               gboolean         hollow,
               gboolean         selected,
               int              logical,
               int              scale)
{
  int px = logical * MAX (scale, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;
  GdkTexture *texture;
  double c = logical / 2.0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  cr = cairo_create (surface);
  cairo_scale (cr, MAX (scale, 1), MAX (scale, 1));
  switch (symbol)
    {
    case SYMBOL_PIN:
      sitrep_kind_style_draw_pin (cr, kind, c, c,
                                  selected ? SITREP_PIN_SELECTED_RADIUS : SITREP_PIN_RADIUS,
                                  hollow, selected);
      break;
    case SYMBOL_REGION_MARK:
      sitrep_kind_style_draw_region_mark (cr, kind, c, c,
                                          selected ? SITREP_REGION_MARK_SELECTED_RADIUS
                                                   : SITREP_REGION_MARK_RADIUS,
                                          hollow, selected);
      break;
    case SYMBOL_HALO:
      sitrep_kind_style_draw_halo (cr, kind, c, c, c);
      break;
    case SYMBOL_DISPUTED:
    default:
      sitrep_kind_style_draw_disputed_mark (cr, c, c);
      break;
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * px);
  texture = gdk_memory_texture_new (px, px, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

GdkTexture *
sitrep_kind_style_render_pin (SitrepEventKind  kind,
                              gboolean         hollow,
                              gboolean         selected,
                              int              scale,
                              int             *size)
{
  double radius = selected ? SITREP_PIN_SELECTED_RADIUS : SITREP_PIN_RADIUS;
  int logical = 2 * (int) ceil (radius + (selected ? 5.5 : 2.5));

  if (size)
    *size = logical;
  return render_symbol (SYMBOL_PIN, kind, hollow, selected, logical, scale);
}

GdkTexture *
sitrep_kind_style_render_region_mark (SitrepEventKind  kind,
                                      gboolean         hollow,
                                      gboolean         selected,
                                      int              scale,
                                      int             *size)
{
  double radius = selected ? SITREP_REGION_MARK_SELECTED_RADIUS : SITREP_REGION_MARK_RADIUS;
  int logical = 2 * (int) ceil (radius + (selected ? 5.5 : 2.0));

  if (size)
    *size = logical;
  return render_symbol (SYMBOL_REGION_MARK, kind, hollow, selected, logical, scale);
}

GdkTexture *
sitrep_kind_style_render_halo (SitrepEventKind kind,
                               int             scale)
{
  /* At its smallest size it is drawn unscaled (the cheap case, at every zoom up to 10);
   * larger, it is scaled up: the gradient has no edge to blur. */
  return render_symbol (SYMBOL_HALO, kind, FALSE, FALSE, 2 * SITREP_HALO_MIN_RADIUS, scale);
}

GdkTexture *
sitrep_kind_style_render_disputed_mark (int  scale,
                                        int *size)
{
  int logical = 2 * (int) ceil (SITREP_DISPUTED_MARK_RADIUS + 1.5);

  if (size)
    *size = logical;
  return render_symbol (SYMBOL_DISPUTED, SITREP_KIND_OTHER, FALSE, FALSE, logical, scale);
}

void
sitrep_kind_style_append_region_fill (GtkSnapshot           *snapshot,
                                      SitrepEventKind        kind,
                                      float                  x,
                                      float                  y,
                                      float                  radius,
                                      const graphene_rect_t *visible)
{
  GskRoundedRect disc;
  graphene_rect_t area;
  GdkRGBA color;

  sitrep_kind_style_get_color (kind, &color);
  gsk_rounded_rect_init_from_rect (&disc, &GRAPHENE_RECT_INIT (x - radius, y - radius,
                                                               2 * radius, 2 * radius), radius);
  area = disc.bounds;
  if (visible != NULL && !graphene_rect_intersection (&disc.bounds, visible, &area))
    return;
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, &color, &area);
  gtk_snapshot_pop (snapshot);
}

void
sitrep_kind_style_append_region_outline (GtkSnapshot           *snapshot,
                                         SitrepEventKind        kind,
                                         float                  x,
                                         float                  y,
                                         float                  radius,
                                         gboolean               selected,
                                         const graphene_rect_t *visible)
{
  GdkRGBA dash;
  double circumference = 2 * G_PI * radius;
  guint n_dashes;
  float dash_len, width = selected ? 3.0f : 2.0f;

  sitrep_kind_style_get_color (kind, &dash);
  dash.alpha = 0.85f;
  if (visible != NULL
      && (x + radius < visible->origin.x || y + radius < visible->origin.y
          || x - radius > visible->origin.x + visible->size.width
          || y - radius > visible->origin.y + visible->size.height))
    return;

  /* Short rotated bars around the circle, about 7 px on and 5 off on a region of a few
   * hundred pixels; their number is bounded, so a region far larger than the map (at
   * high zoom) costs no more than one that fits. A texture scaled with the zoom would
   * thicken and blur the dashes instead. */
  n_dashes = CLAMP ((guint) round (circumference / 12.0), 12, 160);
  dash_len = (float) (circumference / n_dashes * 0.6);
  for (guint k = 0; k < n_dashes; k++)
    {
      double a = 2 * G_PI * k / n_dashes;
      float dx = x + radius * (float) cos (a);
      float dy = y + radius * (float) sin (a);

      if (visible != NULL
          && (dx < visible->origin.x - dash_len || dy < visible->origin.y - dash_len
              || dx > visible->origin.x + visible->size.width + dash_len
              || dy > visible->origin.y + visible->size.height + dash_len))
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
      gtk_snapshot_rotate (snapshot, (float) (a * 180.0 / G_PI) + 90.0f);
      gtk_snapshot_append_color (snapshot, &dash,
                                 &GRAPHENE_RECT_INIT (-dash_len / 2, -width / 2, dash_len, width));
      gtk_snapshot_restore (snapshot);
    }
}

void
sitrep_kind_style_append_region (GtkSnapshot           *snapshot,
                                 SitrepEventKind        kind,
                                 float                  x,
                                 float                  y,
                                 float                  radius,
                                 gboolean               selected,
                                 const graphene_rect_t *visible)
{
  gtk_snapshot_push_opacity (snapshot, selected ? SITREP_REGION_SELECTED_FILL_ALPHA
                                                : SITREP_REGION_FILL_ALPHA);
  sitrep_kind_style_append_region_fill (snapshot, kind, x, y, radius, visible);
  gtk_snapshot_pop (snapshot);
  sitrep_kind_style_append_region_outline (snapshot, kind, x, y, radius, selected, visible);
}
