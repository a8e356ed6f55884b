/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-filter-popover.h: the popover that edits a SitrepFilter. */
#pragma once

#include <gtk/gtk.h>

#include "sitrep-filter.h"

G_BEGIN_DECLS

#define SITREP_TYPE_FILTER_POPOVER (sitrep_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (SitrepFilterPopover, sitrep_filter_popover, SITREP, FILTER_POPOVER, GtkPopover)

GtkWidget    *sitrep_filter_popover_new        (SitrepFilter        *filter);
SitrepFilter *sitrep_filter_popover_get_filter (SitrepFilterPopover *self);

G_END_DECLS
