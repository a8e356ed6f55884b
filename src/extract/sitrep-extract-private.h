/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-extract-private.h: what the extractor's units share (sentence views, attribution,
 * figures); not for use outside src/extract. */
#pragma once

#include <glib.h>

#include "sitrep-types.h"
#include "sitrep-lexicon.h"

G_BEGIN_DECLS

/* One sentence of a document, with the lexicon's matches in it (absolute offsets). */
typedef struct
{
  const char *text;        /* the whole document, as given */
  const char *folded;      /* the whole document, folded (same offsets) */
  gsize start;             /* the sentence's bytes */
  gsize end;
  const SitrepLexMatch *lex;
  guint n_lex;
} SitrepSentenceView;

typedef struct
{
  char *attributed_to;     /* a person or a named body, as written; NULL */
  char *role;              /* "military expert", "spokesperson"; NULL */
  char *affiliation;       /* "Ukrainian", "Ukrainian Air Force"; NULL */
  SitrepSourceKind source_kind;
  gboolean attributed;     /* the sentence says who says it */
  gboolean refers_back;    /* "he said", "за його словами", "the spokesperson said": the
                            * source of the claim before */
  gsize source_start;      /* the source phrase, when attributed */
  gsize source_end;
} SitrepAttribution;

void     sitrep_attribution_parse (const SitrepSentenceView *view,
                                   SitrepAttribution        *out);
void     sitrep_attribution_clear (SitrepAttribution        *attribution);

/* Figures of a sentence: numbers in digits or words with the noun or verb that says what
 * they count, their qualifier and ranges. skip holds byte ranges (pairs of gsize, absolute)
 * that are not figures (dates and times). Appends SitrepFigure with claim_index -1. */
void     sitrep_figures_parse     (const SitrepSentenceView *view,
                                   const gsize              *skip,
                                   guint                     n_skip,
                                   GArray                   *out);

/* TRUE when the word at p (in the original text) starts with a capital letter. */
gboolean sitrep_extract_is_capitalized (const char *p,
                                        const char *end);

G_END_DECLS
