/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-import.h: stores imported events in batches, keyed by external id, updating
 * changed ones: what the ACLED and GeoJSON importers share. */
#pragma once

#include <gio/gio.h>

#include "sitrep-db.h"

G_BEGIN_DECLS

/* The key, inside events.extra, of the digest of the imported record: a record seen
 * again with the same digest changes nothing. Never exported. */
#define SITREP_IMPORT_HASH_KEY "sitrep_hash"
#define SITREP_IMPORT_DEFAULT_BATCH 10000

typedef struct
{
  guint64 added;      /* new events */
  guint64 updated;    /* events replaced by a changed record */
  guint64 unchanged;  /* records already stored as they are */
  guint64 skipped;    /* malformed records */
} SitrepImportStats;

typedef struct
{
  guint batch_size;   /* records per transaction; 0 for SITREP_IMPORT_DEFAULT_BATCH */
  /* Called for every skipped record with "FILE:LINE: reason". May be NULL. */
  void (*skipped) (const char *message, gpointer user_data);
  /* Called after each committed batch. May be NULL. */
  void (*progress) (guint64 bytes_read, const SitrepImportStats *stats, gpointer user_data);
  gpointer user_data;
} SitrepImportOptions;

typedef struct _SitrepImporter SitrepImporter;

SitrepImporter *sitrep_importer_new      (SitrepDb                  *db,
                                          const SitrepImportOptions *options);
/* Stores event: a new event when no stored event has its external_id (or its uid when it
 * has none); nothing when the stored one has the same SITREP_IMPORT_HASH_KEY in extra, or
 * a newer ACLED "timestamp"; else the stored event, with its claims, figures and actors,
 * is replaced. Opens and commits a transaction every batch_size records. */
gboolean        sitrep_importer_add      (SitrepImporter            *importer,
                                          SitrepEvent               *event,
                                          GError                   **error);
/* Counts a malformed record and passes its message to options->skipped. */
void            sitrep_importer_skip     (SitrepImporter            *importer,
                                          const char                *message);
/* Commits the open batch, then reports progress. */
gboolean        sitrep_importer_commit   (SitrepImporter            *importer,
                                          guint64                    bytes_read,
                                          GError                   **error);
/* TRUE when the open batch holds batch_size records: time to commit. */
gboolean        sitrep_importer_batch_full (SitrepImporter          *importer);
/* Rolls the open batch back (earlier batches stay). */
void            sitrep_importer_abort    (SitrepImporter            *importer);
const SitrepImportStats *sitrep_importer_get_stats (SitrepImporter  *importer);
void            sitrep_importer_free     (SitrepImporter            *importer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepImporter, sitrep_importer_free)

/* "12,340 events imported, 3 rows skipped (see details)", with plurals and the
 * locale's digit grouping. record_word_plural: "rows" for CSV, "features" for GeoJSON. */
char *sitrep_import_stats_summary (const SitrepImportStats *stats,
                                   gboolean                 features);

G_END_DECLS
