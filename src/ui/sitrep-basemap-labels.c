/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-labels.c: map labels (settlements, rivers, reservoirs): choice, placement
 * without collisions, and drawing; shared by the label layer and `sitrep-cli snapshot`. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sitrep-basemap-labels.h"
#include "sitrep-gazetteer.h"

/* Rivers, reservoirs and seas: Sitrep's own small table, in the three scripts. The points
 * lie on the water body; `rank` orders them among settlements (as a population would). */
typedef struct
{
  const char *name[3];       /* Latin, Ukrainian, Russian */
  double lat;
  double lon;
  float min_zoom;
  guint32 rank;
  guint8 kind;
} WaterName;

static const WaterName water_names[] = {
  { { "Black Sea", "Чорне море", "Черное море" }, 44.00, 32.50, 4, 5000000, SITREP_MAP_LABEL_SEA },
  { { "Sea of Azov", "Азовське море", "Азовское море" }, 46.10, 36.70, 5, 4000000, SITREP_MAP_LABEL_SEA },
  { { "Dnipro", "Дніпро", "Днепр" }, 47.37, 33.95, 6, 600000, SITREP_MAP_LABEL_WATER },
  { { "Dnipro", "Дніпро", "Днепр" }, 50.20, 30.66, 8, 150000, SITREP_MAP_LABEL_WATER },
  { { "Dnipro", "Дніпро", "Днепр" }, 51.20, 30.47, 8, 150000, SITREP_MAP_LABEL_WATER },
  { { "Siverskyi Donets", "Сіверський Донець", "Северский Донец" }, 49.02, 37.60, 7, 300000, SITREP_MAP_LABEL_WATER },
  { { "Siverskyi Donets", "Сіверський Донець", "Северский Донец" }, 49.96, 36.76, 8, 150000, SITREP_MAP_LABEL_WATER },
  { { "Oskil", "Оскіл", "Оскол" }, 49.97, 37.73, 8, 150000, SITREP_MAP_LABEL_WATER },
  { { "Desna", "Десна", "Десна" }, 51.72, 32.50, 7, 200000, SITREP_MAP_LABEL_WATER },
  { { "Southern Buh", "Південний Буг", "Южный Буг" }, 48.35, 30.35, 7, 200000, SITREP_MAP_LABEL_WATER },
  { { "Dniester", "Дністер", "Днестр" }, 48.55, 26.90, 7, 200000, SITREP_MAP_LABEL_WATER },
  { { "Kakhovka reservoir (drained)", "Каховське водосховище (осушене)", "Каховское водохранилище (осушено)" }, 47.20, 34.50, 8, 160000, SITREP_MAP_LABEL_WATER },
  { { "Kremenchuk reservoir", "Кременчуцьке водосховище", "Кременчугское водохранилище" }, 49.32, 32.55, 7, 250000, SITREP_MAP_LABEL_WATER },
  { { "Kaniv reservoir", "Канівське водосховище", "Каневское водохранилище" }, 50.00, 31.05, 8, 120000, SITREP_MAP_LABEL_WATER },
  { { "Kyiv reservoir", "Київське водосховище", "Киевское водохранилище" }, 50.90, 30.45, 8, 120000, SITREP_MAP_LABEL_WATER },
  { { "Kamianske reservoir", "Кам'янське водосховище", "Каменское водохранилище" }, 48.78, 34.20, 8, 100000, SITREP_MAP_LABEL_WATER },
  { { "Dnipro reservoir", "Дніпровське водосховище", "Днепровское водохранилище" }, 48.10, 35.12, 9, 80000, SITREP_MAP_LABEL_WATER },
  { { "Pechenihy reservoir", "Печенізьке водосховище", "Печенежское водохранилище" }, 49.85, 36.98, 9, 60000, SITREP_MAP_LABEL_WATER },
  { { "Oskil reservoir", "Оскільське водосховище", "Оскольское водохранилище" }, 49.35, 37.74, 9, 60000, SITREP_MAP_LABEL_WATER },
};

SitrepMapLanguage
sitrep_map_language_from_locale (void)
{
  const char * const *langs = g_get_language_names ();

  /* The first entry is the most specific: "uk_UA.UTF-8", "ru", "C"... */
  if (langs[0] != NULL && g_str_has_prefix (langs[0], "uk"))
    return SITREP_MAP_LANGUAGE_UK;
  if (langs[0] != NULL && g_str_has_prefix (langs[0], "ru"))
    return SITREP_MAP_LANGUAGE_RU;
  return SITREP_MAP_LANGUAGE_LATIN;
}

float
sitrep_map_label_min_zoom (guint32 population)
{
  if (population >= 1000000)
    return 4;
  if (population >= 400000)
    return 5;
  if (population >= 150000)
    return 6;
  if (population >= 50000)
    return 7;
  if (population >= 15000)
    return 8;
  if (population >= 5000)
    return 9;
  if (population >= 2000)
    return 10;
  if (population >= 500)
    return 11;
  return 12;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const SitrepMapLabel *la = a, *lb = b;

  if (la->population != lb->population)
    return la->population > lb->population ? -1 : 1;
  return g_strcmp0 (la->name, lb->name);
}

void
sitrep_map_labels_add_settlement (GArray     *labels,
                                  double      lat,
                                  double      lon,
                                  const char *name,
                                  guint32     population)
{
  SitrepMapLabel l = { 0 };

  l.lat = lat;
  l.lon = lon;
  l.name = name;
  l.population = population;
  l.min_zoom = sitrep_map_label_min_zoom (population);
  l.kind = SITREP_MAP_LABEL_SETTLEMENT;
  g_array_append_val (labels, l);
  g_array_sort (labels, compare_labels);
}

GArray *
sitrep_map_labels_new (SitrepMapLanguage language)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (SitrepMapLabel));
  g_autoptr(GError) error = NULL;
  SitrepGazetteer *gaz;

  for (guint i = 0; i < G_N_ELEMENTS (water_names); i++)
    {
      const WaterName *w = &water_names[i];
      SitrepMapLabel l = { 0 };

      l.lat = w->lat;
      l.lon = w->lon;
      l.name = w->name[language];
      l.population = w->rank;
      l.min_zoom = w->min_zoom;
      l.kind = w->kind;
      g_array_append_val (labels, l);
    }

  gaz = sitrep_gazetteer_get_default (&error);
  if (gaz == NULL)
    g_warning ("No settlement names on the map: %s", error->message);
  else
    {
      guint n = sitrep_gazetteer_get_n_entries (gaz);

      for (guint32 id = 0; id < n; id++)
        {
          const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (gaz, id);
          SitrepMapLabel l = { 0 };

          if (e->feature != SITREP_GAZETTEER_SETTLEMENT || e->population == 0)
            continue;
          l.lat = e->lat;
          l.lon = e->lon;
          l.name = e->name;
          /* Cyrillic names are those of places in Ukraine and Russia; a Polish or
           * Moldovan town keeps its Latin name. */
          if (language == SITREP_MAP_LANGUAGE_UK && e->name_uk != NULL)
            l.name = e->name_uk;
          else if (language == SITREP_MAP_LANGUAGE_RU && e->name_ru != NULL)
            l.name = e->name_ru;
          l.population = e->population;
          l.min_zoom = sitrep_map_label_min_zoom (e->population);
          l.kind = SITREP_MAP_LABEL_SETTLEMENT;
          g_array_append_val (labels, l);
        }
    }
  g_array_sort (labels, compare_labels);
  return labels;
}

PangoFontDescription *
sitrep_map_label_font (const SitrepMapLabel *label)
{
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");
  double size = 11.0;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;

  if (label->kind == SITREP_MAP_LABEL_SETTLEMENT)
    {
      if (label->population >= 1000000)
        size = 14.0, weight = PANGO_WEIGHT_BOLD;
      else if (label->population >= 150000)
        size = 12.5, weight = PANGO_WEIGHT_SEMIBOLD;
      else if (label->population >= 20000)
        size = 11.5, weight = PANGO_WEIGHT_MEDIUM;
    }
  else
    {
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      size = label->kind == SITREP_MAP_LABEL_SEA ? 13.0 : 11.0;
    }
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

static void
measure (SitrepMapLabel *label,
         PangoContext   *context)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = sitrep_map_label_font (label);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label->name, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  pango_font_description_free (font);
  label->text_w = w;
  label->text_h = h;
}

typedef struct
{
  double x0, y0, x1, y1;
} Rect;

static gboolean
rect_free (const Rect   *r,
           const GArray *taken)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const Rect *t = &g_array_index (taken, Rect, i);

      if (r->x0 < t->x1 && t->x0 < r->x1 && r->y0 < t->y1 && t->y0 < r->y1)
        return FALSE;
    }
  return TRUE;
}

/* Obstacles (pins, thousands of them) bucketed in 64-px cells of the view. */
#define CELL 64.0

typedef struct
{
  const GArray *rects;       /* Rect */
  int cols, rows;
  GArray **cells;            /* guint indices into rects, per cell */
} Grid;

static void
grid_init (Grid         *g,
           const GArray *rects,
           double        width,
           double        height)
{
  g->rects = rects;
  g->cols = (int) ceil (width / CELL) + 1;
  g->rows = (int) ceil (height / CELL) + 1;
  g->cells = g_new0 (GArray *, g->cols * g->rows);
  for (guint i = 0; i < rects->len; i++)
    {
      const Rect *r = &g_array_index (rects, Rect, i);
      int c0 = CLAMP ((int) floor (r->x0 / CELL), 0, g->cols - 1);
      int c1 = CLAMP ((int) floor (r->x1 / CELL), 0, g->cols - 1);
      int r0 = CLAMP ((int) floor (r->y0 / CELL), 0, g->rows - 1);
      int r1 = CLAMP ((int) floor (r->y1 / CELL), 0, g->rows - 1);

      if (r->x1 < 0 || r->y1 < 0 || r->x0 > width || r->y0 > height)
        continue;
      for (int cy = r0; cy <= r1; cy++)
        for (int cx = c0; cx <= c1; cx++)
          {
            GArray **cell = &g->cells[cy * g->cols + cx];

            if (*cell == NULL)
              *cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*cell, i);
          }
    }
}

static void
grid_clear (Grid *g)
{
  for (int i = 0; i < g->cols * g->rows; i++)
    if (g->cells[i] != NULL)
      g_array_unref (g->cells[i]);
  g_free (g->cells);
}

/* Whether r meets none of the rects in the cells it covers. */
static gboolean
grid_free (const Grid *g,
           const Rect *r)
{
  int c0 = CLAMP ((int) floor (r->x0 / CELL), 0, g->cols - 1);
  int c1 = CLAMP ((int) floor (r->x1 / CELL), 0, g->cols - 1);
  int r0 = CLAMP ((int) floor (r->y0 / CELL), 0, g->rows - 1);
  int r1 = CLAMP ((int) floor (r->y1 / CELL), 0, g->rows - 1);

  for (int cy = r0; cy <= r1; cy++)
    for (int cx = c0; cx <= c1; cx++)
      {
        const GArray *cell = g->cells[cy * g->cols + cx];

        if (cell == NULL)
          continue;
        for (guint k = 0; k < cell->len; k++)
          {
            const Rect *t = &g_array_index (g->rects, Rect, g_array_index (cell, guint, k));

            if (r->x0 < t->x1 && t->x0 < r->x1 && r->y0 < t->y1 && t->y0 < r->y1)
              return FALSE;
          }
      }
  return TRUE;
}

#define DOT_RADIUS 2.5
#define GAP 4.0
#define MAX_PLACED 400

GArray *
sitrep_map_labels_layout (GArray       *labels,
                          PangoContext *context,
                          double        zoom,
                          double        x0,
                          double        y0,
                          double        width,
                          double        height)
{
  return sitrep_map_labels_layout_full (labels, context, zoom, x0, y0, width, height, 0.0);
}

GArray *
sitrep_map_labels_layout_full (GArray       *labels,
                               PangoContext *context,
                               double        zoom,
                               double        x0,
                               double        y0,
                               double        width,
                               double        height,
                               double        rotation)
{
  return sitrep_map_labels_layout_avoiding (labels, context, zoom, x0, y0, width, height, rotation,
                                            NULL, 0);
}

GArray *
sitrep_map_labels_layout_avoiding (GArray       *labels,
                                   PangoContext *context,
                                   double        zoom,
                                   double        x0,
                                   double        y0,
                                   double        width,
                                   double        height,
                                   double        rotation,
                                   const double *obstacles,
                                   guint         n_obstacles)
{
  GArray *placed = g_array_new (FALSE, TRUE, sizeof (SitrepPlacedLabel));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (Rect));
  Grid grid;
  double lat_n, lat_s, lon_w, lon_e;
  double cx = width / 2, cy = height / 2;
  double cos_r = cos (rotation), sin_r = sin (rotation);
  /* Turned, the view reaches as far as its half-diagonal in any direction. */
  double reach_x = rotation != 0.0 ? hypot (width, height) / 2 - width / 2 : 0.0;
  double reach_y = rotation != 0.0 ? hypot (width, height) / 2 - height / 2 : 0.0;

  if (n_obstacles > 0)
    g_array_append_vals (blocked, obstacles, n_obstacles);
  grid_init (&grid, blocked, width, height);

  /* A generous lat/lon box of the view for a cheap first test. */
  sitrep_basemap_world_to_latlon (x0 - 200 - reach_x, y0 - 50 - reach_y, zoom, &lat_n, &lon_w);
  sitrep_basemap_world_to_latlon (x0 + width + 200 + reach_x, y0 + height + 50 + reach_y, zoom,
                                  &lat_s, &lon_e);

  for (guint i = 0; i < labels->len && placed->len < MAX_PLACED; i++)
    {
      SitrepMapLabel *l = &g_array_index (labels, SitrepMapLabel, i);
      SitrepPlacedLabel p = { 0 };
      double px, py;
      Rect dot;
      gboolean ok = FALSE;
      double gap;

      if (l->min_zoom > zoom + 1e-6
          || l->lat > lat_n || l->lat < lat_s || l->lon < lon_w || l->lon > lon_e)
        continue;
      sitrep_basemap_latlon_to_world (l->lat, l->lon, zoom, &px, &py);
      px -= x0;
      py -= y0;
      if (rotation != 0.0)
        {
          double dx = px - cx, dy = py - cy;

          px = cx + dx * cos_r - dy * sin_r;
          py = cy + dx * sin_r + dy * cos_r;
        }
      if (l->text_w == 0)
        measure (l, context);
      p.label = i;
      p.w = l->text_w;
      p.h = l->text_h;
      p.dot_x = px;
      p.dot_y = py;

      if (l->kind != SITREP_MAP_LABEL_SETTLEMENT)
        {
          Rect r = { px - p.w / 2, py - p.h / 2, px + p.w / 2, py + p.h / 2 };

          if (r.x0 >= 0 && r.y0 >= 0 && r.x1 <= width && r.y1 <= height && rect_free (&r, taken)
              && grid_free (&grid, &r))
            {
              p.x = r.x0;
              p.y = r.y0;
              g_array_append_val (taken, r);
              g_array_append_val (placed, p);
            }
          continue;
        }

      dot = (Rect) { px - DOT_RADIUS, py - DOT_RADIUS, px + DOT_RADIUS, py + DOT_RADIUS };
      if (px < 0 || py < 0 || px > width || py > height || !rect_free (&dot, taken))
        continue;
      /* A pin on the place itself: the name goes beside the pin, not under it. */
      gap = GAP;
      if (blocked->len > 0 && px >= 0 && py >= 0 && px <= width && py <= height)
        {
          const GArray *cell = grid.cells[(int) (py / CELL) * grid.cols + (int) (px / CELL)];

          for (guint k = 0; cell != NULL && k < cell->len; k++)
            {
              const Rect *b = &g_array_index (blocked, Rect, g_array_index (cell, guint, k));

              if (px >= b->x0 && px <= b->x1 && py >= b->y0 && py <= b->y1)
                gap = MAX (gap, MAX (MAX (b->x1 - px, px - b->x0), MAX (b->y1 - py, py - b->y0)) + 1);
            }
        }

      /* Right, left, above, below the dot, then the four corners; then, for a town of
       * 100,000 or more that pins crowd out, the same again over the pins (they are drawn
       * above the names). */
      for (int spot = 0; spot < 16 && !ok; spot++)
        {
          Rect r;
          double vgap = gap == GAP ? GAP / 2 : gap;
          gboolean over_pins = spot >= 8;

          if (over_pins && (l->population < 100000 || blocked->len == 0))
            break;
          switch (spot % 8)
            {
            case 0:
              r.x0 = px + gap;
              r.y0 = py - p.h / 2;
              break;
            case 1:
              r.x0 = px - gap - p.w;
              r.y0 = py - p.h / 2;
              break;
            case 2:
              r.x0 = px - p.w / 2;
              r.y0 = py - vgap - p.h;
              break;
            case 3:
              r.x0 = px - p.w / 2;
              r.y0 = py + vgap;
              break;
            case 4:
              r.x0 = px + gap * 0.7;
              r.y0 = py - vgap - p.h;
              break;
            case 5:
              r.x0 = px + gap * 0.7;
              r.y0 = py + vgap;
              break;
            case 6:
              r.x0 = px - gap * 0.7 - p.w;
              r.y0 = py - vgap - p.h;
              break;
            default:
              r.x0 = px - gap * 0.7 - p.w;
              r.y0 = py + vgap;
              break;
            }
          r.x1 = r.x0 + p.w;
          r.y1 = r.y0 + p.h;
          if (r.x0 < 0 || r.y0 < 0 || r.x1 > width || r.y1 > height || !rect_free (&r, taken)
              || (!over_pins && !grid_free (&grid, &r)))
            continue;
          ok = TRUE;
          p.x = r.x0;
          p.y = r.y0;
          g_array_append_val (taken, r);
          g_array_append_val (taken, dot);
          g_array_append_val (placed, p);
        }
    }
  grid_clear (&grid);
  return placed;
}

void
sitrep_map_labels_draw_cairo (GArray             *labels,
                              GArray             *placed,
                              cairo_t            *cr,
                              SitrepBasemapStyle  style)
{
  const SitrepBasemapPalette *pal = sitrep_basemap_palette_get (style);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  cairo_save (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);
      const SitrepMapLabel *l = &g_array_index (labels, SitrepMapLabel, p->label);
      PangoFontDescription *font = sitrep_map_label_font (l);
      const double *ink = l->kind == SITREP_MAP_LABEL_SETTLEMENT ? pal->label : pal->water_label;

      if (l->kind == SITREP_MAP_LABEL_SETTLEMENT)
        {
          cairo_new_path (cr);
          cairo_arc (cr, p->dot_x, p->dot_y, l->population >= 150000 ? DOT_RADIUS + 0.5 : DOT_RADIUS,
                     0, 2 * G_PI);
          cairo_set_source_rgb (cr, pal->label_halo[0], pal->label_halo[1], pal->label_halo[2]);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, pal->dot[0], pal->dot[1], pal->dot[2]);
          cairo_fill (cr);
        }

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, l->name, -1);
      cairo_new_path (cr);
      cairo_move_to (cr, p->x, p->y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, pal->label_halo[0], pal->label_halo[1], pal->label_halo[2], 0.85);
      cairo_set_line_width (cr, 3.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, p->x, p->y);
      cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}
