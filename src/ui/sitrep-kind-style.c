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
    {
      /* A yellow highlight ring with a dark edge: visible on any tile. */
      cairo_arc (cr, cx, cy, radius + 4.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_fill (cr);
      cairo_arc (cr, cx, cy, radius + 3.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0);
      cairo_fill (cr);
    }

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

GdkTexture *
sitrep_kind_style_render_pin (SitrepEventKind  kind,
                              gboolean         hollow,
                              gboolean         selected,
                              int              scale,
                              int             *size)
{
  double radius = selected ? SITREP_PIN_SELECTED_RADIUS : SITREP_PIN_RADIUS;
  int logical = 2 * (int) ceil (radius + (selected ? 5.5 : 2.5));
  int px = logical * MAX (scale, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  cr = cairo_create (surface);
  cairo_scale (cr, MAX (scale, 1), MAX (scale, 1));
  sitrep_kind_style_draw_pin (cr, kind, logical / 2.0, logical / 2.0, radius, hollow, selected);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * px);
  texture = gdk_memory_texture_new (px, px, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  if (size)
    *size = logical;
  return texture;
}
