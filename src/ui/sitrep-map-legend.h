/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-map-legend.h: what the map's symbols mean, drawn with the map's own symbols. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SITREP_TYPE_MAP_LEGEND (sitrep_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (SitrepMapLegend, sitrep_map_legend, SITREP, MAP_LEGEND, GtkWidget)

GtkWidget *sitrep_map_legend_new      (void);

/* Every entry's text, one per line, in the order shown (for tests and screen readers). */
char      *sitrep_map_legend_dup_text (SitrepMapLegend *self);

G_END_DECLS
