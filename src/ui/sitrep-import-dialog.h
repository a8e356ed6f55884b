/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-import-dialog.h: File → Import and File → Export with progress, Cancel and a
 * summary, the work in a worker thread. */
#pragma once

#include <gtk/gtk.h>

#include "sitrep-export.h"
#include "sitrep-import.h"

G_BEGIN_DECLS

/* Imports file (ACLED CSV, or GeoJSON for .geojson/.json) into the collection at db_path
 * in a worker thread, with a modal progress window over parent (a bar, the count so far,
 * Cancel), then a summary dialog ("12,340 events imported, 3 rows skipped") whose
 * details list the skipped rows. callback runs on the caller's main context once the
 * summary is shown; finish gives the counts. Cancel (or cancellable) rolls back only the
 * open batch: the collection stays whole. */
void     sitrep_import_file_async  (GtkWindow          *parent,
                                    GFile              *file,
                                    const char         *db_path,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
gboolean sitrep_import_file_finish (GAsyncResult       *result,
                                    SitrepImportStats  *stats,
                                    GError            **error);

/* Exports the events of db_path matching filter (its ids are copied) to file, replaced
 * atomically, in a worker thread; an export that lasts shows a progress window over
 * parent with Cancel (the old file is then kept). finish gives the count written, and
 * the error (file name first) for the caller to show. */
void     sitrep_export_file_async  (GtkWindow                *parent,
                                    GFile                    *file,
                                    const char               *db_path,
                                    SitrepExportFormat        format,
                                    const SitrepExportFilter *filter,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
gboolean sitrep_export_file_finish (GAsyncResult             *result,
                                    guint64                  *n_events,
                                    GError                  **error);

G_END_DECLS
