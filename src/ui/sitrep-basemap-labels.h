/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-labels.h: map labels (settlements, rivers, reservoirs): choice, placement
 * without collisions, and drawing; shared by the label layer and `sitrep-cli snapshot`. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "sitrep-basemap.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_MAP_LABEL_SETTLEMENT = 0,
  SITREP_MAP_LABEL_WATER,
  SITREP_MAP_LABEL_SEA,
} SitrepMapLabelKind;

typedef enum
{
  SITREP_MAP_LANGUAGE_LATIN = 0,  /* official Ukrainian transliteration */
  SITREP_MAP_LANGUAGE_UK,
  SITREP_MAP_LANGUAGE_RU,
} SitrepMapLanguage;

typedef struct
{
  double lat;
  double lon;
  const char *name;          /* in the chosen language; static or owned by the gazetteer */
  guint32 population;        /* priority: larger first */
  float min_zoom;
  guint8 kind;               /* SitrepMapLabelKind */
  /* Filled by the layout on first use: the text's size in pixels. */
  float text_w;
  float text_h;
} SitrepMapLabel;

typedef struct
{
  guint label;               /* index into the labels array */
  double x, y, w, h;         /* the text's box, view pixels */
  double dot_x, dot_y;       /* the settlement's dot (kind SETTLEMENT) */
} SitrepPlacedLabel;

/* The UI language's script for map names: uk → Ukrainian, ru → Russian, else Latin. */
SitrepMapLanguage sitrep_map_language_from_locale (void);

/* The minimum zoom at which a settlement of this population is labelled. */
float             sitrep_map_label_min_zoom       (guint32 population);

/* Every label: water bodies from Sitrep's own table and settlements from the gazetteer
 * (when it is available), sorted by priority. */
GArray           *sitrep_map_labels_new           (SitrepMapLanguage language);

/* Appends the labels of `n` places given as parallel arrays (for tests and callers with
 * their own places); names are not copied. Keeps the array sorted by priority. */
void              sitrep_map_labels_add_settlement (GArray     *labels,
                                                    double      lat,
                                                    double      lon,
                                                    const char *name,
                                                    guint32     population);

/* Places labels for the view (world pixel origin x0, y0 at zoom, width × height):
 * by priority, each at the first of four spots around its dot that collides with no
 * label already placed. Returns SitrepPlacedLabel. */
GArray           *sitrep_map_labels_layout        (GArray       *labels,
                                                   PangoContext *context,
                                                   double        zoom,
                                                   double        x0,
                                                   double        y0,
                                                   double        width,
                                                   double        height);

/* The same for a map turned by `rotation` radians (ShumateViewport:rotation) about the
 * view's centre: dots turn with the map, text stays upright. */
GArray           *sitrep_map_labels_layout_full   (GArray       *labels,
                                                   PangoContext *context,
                                                   double        zoom,
                                                   double        x0,
                                                   double        y0,
                                                   double        width,
                                                   double        height,
                                                   double        rotation);

/* The same, keeping the text (not the dots) off `n_obstacles` rectangles given as
 * x0, y0, x1, y1 in view pixels: the pins, so that names stay readable beside them. */
GArray           *sitrep_map_labels_layout_avoiding (GArray       *labels,
                                                     PangoContext *context,
                                                     double        zoom,
                                                     double        x0,
                                                     double        y0,
                                                     double        width,
                                                     double        height,
                                                     double        rotation,
                                                     const double *obstacles,
                                                     guint         n_obstacles);

/* The font for a label (Cantarell/sans, size and weight by kind and population). */
PangoFontDescription *sitrep_map_label_font       (const SitrepMapLabel *label);

/* Draws placed labels with cairo (dots, haloed text). */
void              sitrep_map_labels_draw_cairo    (GArray             *labels,
                                                   GArray             *placed,
                                                   cairo_t            *cr,
                                                   SitrepBasemapStyle  style);

G_END_DECLS
