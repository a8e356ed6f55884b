/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-geojson.h: events as an RFC 7946 FeatureCollection, and back. */
#pragma once

#include <gio/gio.h>

#include "sitrep-import.h"
#include "sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_GEOJSON_ERROR (sitrep_geojson_error_quark ())

typedef enum
{
  SITREP_GEOJSON_ERROR_PARSE,     /* not JSON */
  SITREP_GEOJSON_ERROR_NOT_GEOJSON, /* JSON, but no FeatureCollection or Feature */
  SITREP_GEOJSON_ERROR_TOO_LARGE,
  SITREP_GEOJSON_ERROR_FEATURE,   /* one feature is skipped */
} SitrepGeojsonError;

GQuark sitrep_geojson_error_quark (void);

/* GeoJSON import holds the document in memory: larger files are refused. */
#define SITREP_GEOJSON_MAX_BYTES (G_GUINT64_CONSTANT (512) * 1024 * 1024)

/* Streaming export: the opening of the collection, one feature per event (a comma
 * before all but the first), the closing. Coordinates are [lon, lat], WGS84. */
void sitrep_geojson_write_start   (GString     *out);
void sitrep_geojson_write_feature (GString     *out,
                                   SitrepEvent *event,
                                   gboolean     first);
void sitrep_geojson_write_end     (GString     *out);

/* Reads a FeatureCollection (or one Feature) from data. Each Point feature gives an
 * event through callback (the event belongs to the callee); each other feature a
 * SITREP_GEOJSON_ERROR_FEATURE error through skipped. FALSE when the document itself
 * cannot be read. */
typedef gboolean (*SitrepGeojsonEventFunc) (SitrepEvent *event,
                                             gpointer     user_data,
                                             GError     **error);
gboolean sitrep_geojson_parse (const char            *data,
                               gsize                  len,
                               const char            *name,
                               SitrepGeojsonEventFunc callback,
                               void                 (*skipped) (const char *message,
                                                                gpointer    user_data),
                               gpointer               user_data,
                               GError               **error);

/* Imports a GeoJSON stream into db, as sitrep_acled_import() does a CSV. */
gboolean sitrep_geojson_import (SitrepDb                  *db,
                                GInputStream              *stream,
                                const char                *name,
                                const SitrepImportOptions *options,
                                SitrepImportStats         *stats,
                                GCancellable              *cancellable,
                                GError                   **error);

G_END_DECLS
