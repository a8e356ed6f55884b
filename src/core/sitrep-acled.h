/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-acled.h: ACLED CSV rows <-> events: the mapping, the reader, the writer. */
#pragma once

#include <gio/gio.h>

#include "sitrep-csv.h"
#include "sitrep-import.h"
#include "sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_ACLED_ERROR (sitrep_acled_error_quark ())

typedef enum
{
  SITREP_ACLED_ERROR_HEADER,   /* no header, or a required column is missing */
  SITREP_ACLED_ERROR_ROW,      /* one row cannot be read: it is skipped */
} SitrepAcledError;

GQuark sitrep_acled_error_quark (void);

/* The columns of ACLED's export, in its order. */
typedef enum
{
  SITREP_ACLED_EVENT_ID_CNTY,
  SITREP_ACLED_EVENT_DATE,
  SITREP_ACLED_YEAR,
  SITREP_ACLED_TIME_PRECISION,
  SITREP_ACLED_DISORDER_TYPE,
  SITREP_ACLED_EVENT_TYPE,
  SITREP_ACLED_SUB_EVENT_TYPE,
  SITREP_ACLED_ACTOR1,
  SITREP_ACLED_ASSOC_ACTOR_1,
  SITREP_ACLED_INTER1,
  SITREP_ACLED_ACTOR2,
  SITREP_ACLED_ASSOC_ACTOR_2,
  SITREP_ACLED_INTER2,
  SITREP_ACLED_INTERACTION,
  SITREP_ACLED_CIVILIAN_TARGETING,
  SITREP_ACLED_ISO,
  SITREP_ACLED_REGION,
  SITREP_ACLED_COUNTRY,
  SITREP_ACLED_ADMIN1,
  SITREP_ACLED_ADMIN2,
  SITREP_ACLED_ADMIN3,
  SITREP_ACLED_LOCATION,
  SITREP_ACLED_LATITUDE,
  SITREP_ACLED_LONGITUDE,
  SITREP_ACLED_GEO_PRECISION,
  SITREP_ACLED_SOURCE,
  SITREP_ACLED_SOURCE_SCALE,
  SITREP_ACLED_NOTES,
  SITREP_ACLED_FATALITIES,
  SITREP_ACLED_TAGS,
  SITREP_ACLED_TIMESTAMP,
  SITREP_ACLED_N_COLUMNS
} SitrepAcledColumn;

const char *sitrep_acled_column_name (SitrepAcledColumn column);

/* "2024-11-24", "24 November 2024", "24-November-2024" (and "24 Nov 2024") to unix
 * seconds at 00:00 UTC. */
gboolean    sitrep_acled_parse_date  (const char *text,
                                      gint64     *out);

/* The kind of source an outlet name suggests ("Ministry of Defence of Ukraine" is
 * official, "General Staff of the Armed Forces" military); media by default. */
SitrepSourceKind sitrep_acled_source_kind_for (const char *outlet);

/* The uid of the event made from an ACLED row. */
char       *sitrep_acled_uid_for     (const char *event_id_cnty);

/* ---- Reading ---- */

typedef struct _SitrepAcledReader SitrepAcledReader;

typedef enum
{
  SITREP_ACLED_ROW_EVENT,     /* *event is set */
  SITREP_ACLED_ROW_SKIPPED,   /* the row is malformed; *error says FILE:LINE: why */
  SITREP_ACLED_ROW_END,       /* no more rows */
  SITREP_ACLED_ROW_FAILED,    /* the input cannot be read further; *error says why */
} SitrepAcledRowStatus;

/* Takes ownership of csv and reads the header. */
SitrepAcledReader   *sitrep_acled_reader_new  (SitrepCsvReader    *csv,
                                               GCancellable       *cancellable,
                                               GError            **error);
void                 sitrep_acled_reader_free (SitrepAcledReader  *reader);
/* On SITREP_ACLED_ROW_EVENT, *event is a new event (no ids) and *content_hash a hex
 * digest of the row's values by column name, independent of column order. */
SitrepAcledRowStatus sitrep_acled_reader_next (SitrepAcledReader  *reader,
                                               SitrepEvent       **event,
                                               char              **content_hash,
                                               GCancellable       *cancellable,
                                               GError            **error);
SitrepCsvReader     *sitrep_acled_reader_get_csv (SitrepAcledReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepAcledReader, sitrep_acled_reader_free)

/* Imports an ACLED CSV stream into db (see SitrepImporter): malformed rows are reported
 * through options->skipped and counted; one transaction per batch, so a kill leaves
 * every stored event whole. FALSE when the file cannot be read as ACLED CSV or cannot
 * be read to its end (the complete rows before the failure are kept), or when cancelled
 * (the open batch is rolled back). stats is filled in either case. */
gboolean sitrep_acled_import (SitrepDb                  *db,
                              GInputStream              *stream,
                              const char                *name,
                              const SitrepImportOptions *options,
                              SitrepImportStats         *stats,
                              GCancellable              *cancellable,
                              GError                   **error);

/* ---- Writing ---- */

/* The header: ACLED's columns, then extra_columns (NULL-terminated, may be NULL). */
void sitrep_acled_write_header (GString            *out,
                                const char * const *extra_columns);
/* One row, CRLF-terminated, for the same extra_columns. */
void sitrep_acled_write_row    (GString            *out,
                                SitrepEvent        *event,
                                const char * const *extra_columns);

G_END_DECLS
