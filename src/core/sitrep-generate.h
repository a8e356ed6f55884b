/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-generate.h: collections made by a program: synthetic ones for benchmarks, and the
 * sample built from its readable text fixture. */
#pragma once

#include <gio/gio.h>

#include "sitrep-db.h"
#include "sitrep-event-store.h"

G_BEGIN_DECLS

#define SITREP_GENERATE_ERROR (sitrep_generate_error_quark ())

typedef enum
{
  SITREP_GENERATE_ERROR_PARSE,   /* the fixture has a mistake: the message names file and line */
  SITREP_GENERATE_ERROR_FAILED,
} SitrepGenerateError;

GQuark sitrep_generate_error_quark (void);

/* Writes n_events synthetic events into db (one transaction): spread over Ukraine and
 * 2022-02-24 .. 2025-02-23, clustered around real front-line places, 1 to 4 claims each.
 * The same seed gives the same collection. When index_search is FALSE, no rows of the
 * full-text index are written (faster; searching them finds nothing). */
gboolean sitrep_generate_synthetic    (SitrepDb            *db,
                                       guint                n_events,
                                       guint32              seed,
                                       gboolean             index_search,
                                       SitrepProgressFunc   progress,
                                       gpointer             progress_data,
                                       GError             **error);

/* Reads the text fixture at path (format in data/sample/sample-events.txt) and writes its
 * places, documents, events and claims into db through SitrepDb. A mistake in the fixture
 * gives SITREP_GENERATE_ERROR_PARSE with "FILE:LINE: what is wrong", and nothing is written. */
gboolean sitrep_generate_from_fixture (SitrepDb            *db,
                                       const char          *path,
                                       guint               *n_events,
                                       GError             **error);

G_END_DECLS
