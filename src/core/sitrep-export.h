/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-export.h: a collection's events, filtered, out as ACLED CSV, GeoJSON or JSON Lines. */
#pragma once

#include <gio/gio.h>

#include "sitrep-db.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_EXPORT_ACLED,
  SITREP_EXPORT_GEOJSON,
  SITREP_EXPORT_JSONL,
} SitrepExportFormat;

gboolean sitrep_export_format_from_string (const char         *word,
                                           SitrepExportFormat *out);

typedef struct
{
  gint64 from;       /* events ending after this (unix seconds); G_MININT64 for no bound */
  gint64 to;         /* events starting before this; G_MAXINT64 for no bound */
  guint32 kinds;     /* bit (1 << SitrepEventKind) per kind kept; 0 keeps every kind */
  /* When not NULL: only these events.id, sorted ascending (what the app's filters keep);
   * not owned. The other criteria still apply. */
  const gint64 *ids;
  gsize n_ids;
} SitrepExportFilter;

/* Called from the exporting thread every few hundred events with the count so far. */
typedef void (*SitrepExportProgressFunc) (guint64 n_events, gpointer user_data);

void     sitrep_export_filter_init (SitrepExportFilter *filter);

/* Writes every matching event, in time order, to out as it goes (nothing but one event
 * in memory). *n_events gets the count. */
gboolean sitrep_export (SitrepDb                 *db,
                        SitrepExportFormat        format,
                        const SitrepExportFilter *filter,
                        GOutputStream            *out,
                        guint64                  *n_events,
                        GCancellable             *cancellable,
                        GError                  **error);
/* The same, reporting progress (may be NULL). */
gboolean sitrep_export_with_progress (SitrepDb                 *db,
                                      SitrepExportFormat        format,
                                      const SitrepExportFilter *filter,
                                      GOutputStream            *out,
                                      guint64                  *n_events,
                                      SitrepExportProgressFunc  progress,
                                      gpointer                  progress_data,
                                      GCancellable             *cancellable,
                                      GError                  **error);

G_END_DECLS
