/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-extractor.h: article text in, events with their place, time, figures and claims
 * out. */
#pragma once

#include <glib-object.h>

#include "sitrep-types.h"
#include "sitrep-gazetteer.h"
#include "sitrep-text.h"

G_BEGIN_DECLS

#define SITREP_TYPE_EXTRACTOR (sitrep_extractor_get_type ())
G_DECLARE_FINAL_TYPE (SitrepExtractor, sitrep_extractor, SITREP, EXTRACTOR, GObject)

/* gazetteer: NULL for the table that ships with Sitrep. The extractor is not thread-safe;
 * use one per thread (they share the gazetteer and the lexicon). */
SitrepExtractor *sitrep_extractor_new     (SitrepGazetteer  *gazetteer,
                                           GError          **error);

/* The events of one document (document->text, ->published as unix seconds; 0 for
 * unknown: then the dates resolve against today). name is used in error messages (a file
 * name). Returns a GPtrArray of SitrepEvent, or NULL with an error for text that is not an
 * article (see sitrep_text_check()). Each claim's span_start/span_end are byte offsets into
 * document->text and quote holds exactly those bytes. */
GPtrArray       *sitrep_extractor_extract (SitrepExtractor  *self,
                                           SitrepDocument   *document,
                                           const char       *name,
                                           GError          **error);

/* A one-line plain summary of an event ("Shelling in Kupiansk-Vuzlovyi, Kharkiv Oblast,
 * with BM-21 Grad; 23–24 Nov 2024 (night)."). */
char            *sitrep_extractor_summarize (SitrepEvent    *event);

G_END_DECLS
