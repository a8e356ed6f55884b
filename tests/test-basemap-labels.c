/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap-labels.c: map labels: choice by zoom and population, no overlaps, languages. */
#define G_LOG_DOMAIN "sitrep-test"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sitrep-basemap-labels.h"

static PangoContext *
pango_context (void)
{
  return pango_font_map_create_context (pango_cairo_font_map_get_default ());
}

static gboolean
boxes_meet (const SitrepPlacedLabel *a,
            const SitrepPlacedLabel *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void
assert_no_overlap (GArray *placed)
{
  for (guint i = 0; i < placed->len; i++)
    for (guint j = i + 1; j < placed->len; j++)
      {
        const SitrepPlacedLabel *a = &g_array_index (placed, SitrepPlacedLabel, i);
        const SitrepPlacedLabel *b = &g_array_index (placed, SitrepPlacedLabel, j);

        if (boxes_meet (a, b))
          g_error ("labels %u and %u overlap: (%g,%g %gx%g) and (%g,%g %gx%g)", a->label, b->label,
                   a->x, a->y, a->w, a->h, b->x, b->y, b->w, b->h);
      }
}

static gboolean
placed_name (GArray     *labels,
             GArray     *placed,
             const char *name)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);

      if (g_strcmp0 (g_array_index (labels, SitrepMapLabel, p->label).name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static GArray *
layout_at (GArray       *labels,
           PangoContext *ctx,
           double        lat,
           double        lon,
           double        zoom,
           double        w,
           double        h)
{
  double cx, cy;

  sitrep_basemap_latlon_to_world (lat, lon, zoom, &cx, &cy);
  return sitrep_map_labels_layout (labels, ctx, zoom, cx - w / 2, cy - h / 2, w, h);
}

/* A crowd of places on top of each other: most must be dropped, none may overlap, and the
 * most populous wins. */
static void
test_collisions_synthetic (void)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (SitrepMapLabel));
  g_autoptr(GArray) placed = NULL;
  PangoContext *ctx = pango_context ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < 300; i++)
    {
      char *name = g_strdup_printf ("Place number %d", i);

      g_ptr_array_add (names, name);
      sitrep_map_labels_add_settlement (labels, 49.7 + (i % 20) * 0.004, 37.6 + (i / 20) * 0.006,
                                        name, 1000000 + i);
    }
  placed = layout_at (labels, ctx, 49.74, 37.64, 9, 1280, 800);
  g_assert_cmpuint (placed->len, >, 3);
  g_assert_cmpuint (placed->len, <, 300);
  assert_no_overlap (placed);
  /* Sorted by population: the largest (i = 299) is placed first. */
  g_assert_cmpuint (g_array_index (placed, SitrepPlacedLabel, 0).label, ==, 0);
  g_assert_cmpstr (g_array_index (labels, SitrepMapLabel, 0).name, ==, "Place number 299");
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);

      /* Inside the view. */
      g_assert_cmpfloat (p->x, >=, 0);
      g_assert_cmpfloat (p->y, >=, 0);
      g_assert_cmpfloat (p->x + p->w, <=, 1280);
      g_assert_cmpfloat (p->y + p->h, <=, 800);
    }
  g_object_unref (ctx);
}

static void
test_real_names (void)
{
  g_autoptr(GArray) labels = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_LATIN);
  PangoContext *ctx = pango_context ();
  g_autoptr(GArray) z6 = layout_at (labels, ctx, 49.71, 37.61, 6, 1280, 800);
  g_autoptr(GArray) z9 = layout_at (labels, ctx, 49.71, 37.61, 9, 1280, 800);
  g_autoptr(GArray) z12 = layout_at (labels, ctx, 49.71, 37.61, 12, 1280, 800);

  assert_no_overlap (z6);
  assert_no_overlap (z9);
  assert_no_overlap (z12);
  /* Official transliteration from the gazetteer, and cities before villages. */
  g_assert_true (placed_name (labels, z6, "Kharkiv"));
  g_assert_true (placed_name (labels, z6, "Kyiv"));
  g_assert_true (placed_name (labels, z6, "Dnipro"));
  g_assert_false (placed_name (labels, z6, "Kupiansk"));
  g_assert_true (placed_name (labels, z9, "Kupiansk"));
  g_assert_true (placed_name (labels, z9, "Oskil"));
  g_assert_true (placed_name (labels, z12, "Kupiansk"));
  /* More, smaller places as one zooms in on the same spot. */
  g_assert_cmpuint (z12->len, >, 5);
  g_object_unref (ctx);
}

static void
test_cyrillic (void)
{
  g_autoptr(GArray) uk = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_UK);
  g_autoptr(GArray) ru = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_RU);
  PangoContext *ctx = pango_context ();
  g_autoptr(GArray) puk = layout_at (uk, ctx, 49.71, 37.61, 9, 1280, 800);
  g_autoptr(GArray) pru = layout_at (ru, ctx, 49.71, 37.61, 9, 1280, 800);

  g_assert_true (placed_name (uk, puk, "Куп'янськ") || placed_name (uk, puk, "Купʼянськ")
                 || placed_name (uk, puk, "Куп’янськ"));
  g_assert_true (placed_name (uk, puk, "Харків"));
  g_assert_true (placed_name (uk, puk, "Оскіл"));
  g_assert_true (placed_name (ru, pru, "Харьков"));
  g_assert_true (placed_name (ru, pru, "Оскол"));
  g_object_unref (ctx);
}

/* A map turned a quarter: the dots turn about the centre, the labels still do not overlap. */
static void
test_rotation (void)
{
  g_autoptr(GArray) labels = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_LATIN);
  PangoContext *ctx = pango_context ();
  double cx, cy, kx, ky;
  g_autoptr(GArray) placed = NULL;
  gboolean found = FALSE;

  sitrep_basemap_latlon_to_world (49.9, 36.9, 8, &cx, &cy);
  placed = sitrep_map_labels_layout_full (labels, ctx, 8, cx - 400, cy - 300, 800, 600, G_PI / 2);
  assert_no_overlap (placed);
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);
      const SitrepMapLabel *l = &g_array_index (labels, SitrepMapLabel, p->label);

      if (g_strcmp0 (l->name, "Kharkiv") != 0)
        continue;
      sitrep_basemap_latlon_to_world (l->lat, l->lon, 8, &kx, &ky);
      /* Turned 90° clockwise on screen: west of the centre becomes north of it. */
      g_assert_cmpfloat (fabs (p->dot_x - (400 - (ky - cy))), <, 0.01);
      g_assert_cmpfloat (fabs (p->dot_y - (300 + (kx - cx))), <, 0.01);
      found = TRUE;
    }
  g_assert_true (found);
  g_object_unref (ctx);
}

/* Names keep off the pins; a pin on a town puts the name beside it, not under it. */
static void
test_avoid_pins (void)
{
  g_autoptr(GArray) labels = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_LATIN);
  g_autoptr(GArray) pins = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) placed = NULL;
  PangoContext *ctx = pango_context ();
  double cx, cy;
  guint n_placed_small = 0;

  sitrep_basemap_latlon_to_world (49.71, 37.61, 9, &cx, &cy);
  /* A grid of pins every 60 px, and one on Balakliia (pop. ~26,000). */
  for (int y = 30; y < 800; y += 60)
    for (int x = 30; x < 1280; x += 60)
      {
        double box[4] = { x - 9, y - 9, x + 9, y + 9 };

        g_array_append_vals (pins, box, 4);
      }
  {
    double bx, by;

    sitrep_basemap_latlon_to_world (49.46, 36.84, 9, &bx, &by);
    bx -= cx - 640;
    by -= cy - 400;
    g_array_append_vals (pins, (double[4]) { bx - 9, by - 9, bx + 9, by + 9 }, 4);
  }
  placed = sitrep_map_labels_layout_avoiding (labels, ctx, 9, cx - 640, cy - 400, 1280, 800, 0.0,
                                              (const double *) (void *) pins->data, pins->len / 4);
  assert_no_overlap (placed);
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);
      const SitrepMapLabel *l = &g_array_index (labels, SitrepMapLabel, p->label);

      if (l->population >= 100000)
        continue;   /* big towns may go over pins when crowded out */
      n_placed_small++;
      for (guint k = 0; k < pins->len / 4; k++)
        {
          const double *b = &g_array_index (pins, double, 4 * k);

          g_assert_false (p->x < b[2] && b[0] < p->x + p->w && p->y < b[3] && b[1] < p->y + p->h);
        }
    }
  g_assert_cmpuint (n_placed_small, >, 5);
  g_assert_true (placed_name (labels, placed, "Balakliia"));
  g_object_unref (ctx);
}

static void
test_min_zoom (void)
{
  g_assert_cmpfloat (sitrep_map_label_min_zoom (2900000), <, sitrep_map_label_min_zoom (26000));
  g_assert_cmpfloat (sitrep_map_label_min_zoom (26000), <, sitrep_map_label_min_zoom (800));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labels/collisions-synthetic", test_collisions_synthetic);
  g_test_add_func ("/labels/real-names", test_real_names);
  g_test_add_func ("/labels/cyrillic", test_cyrillic);
  g_test_add_func ("/labels/rotation", test_rotation);
  g_test_add_func ("/labels/avoid-pins", test_avoid_pins);
  g_test_add_func ("/labels/min-zoom", test_min_zoom);
  return g_test_run ();
}
