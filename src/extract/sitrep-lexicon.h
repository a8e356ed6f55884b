/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-lexicon.h: the extractor's words (triggers, weapons, cues, sources, figures) in
 * English, Ukrainian and Russian, as data tables matched in one pass over a sentence. */
#pragma once

#include <glib.h>

#include "sitrep-types.h"

G_BEGIN_DECLS

typedef enum
{
  SITREP_LEX_TRIGGER,      /* value: SitrepEventKind */
  SITREP_LEX_WEAPON,       /* canon: the weapon's name; value: the kind it implies */
  SITREP_LEX_HEDGE,        /* "reportedly", "unconfirmed", "if accurate" */
  SITREP_LEX_DISPUTE,      /* "denied", "met with skepticism" */
  SITREP_LEX_SPECULATION,  /* "could", "in the coming weeks": not a past event */
  SITREP_LEX_BACKGROUND,   /* "has been a recurring tactic", "analysts argue" */
  SITREP_LEX_ATTR_VERB,    /* "said", "stated", "заявил"; value 1: participle ("stating") */
  SITREP_LEX_ATTR_PREP,    /* "according to", "за словами", "по данным" */
  SITREP_LEX_SOURCE,       /* value: SitrepSourceKind; role words */
  SITREP_LEX_FIGURE,       /* value: SitrepFigureKind, -1 for "people" (kind from the verb) */
  SITREP_LEX_QUALIFIER,    /* canon: "approximately", "at least", "up to" */
  SITREP_LEX_NUMBER,       /* value: the number ("two", "dozens" = -2) */
  SITREP_LEX_ANAPHORA,     /* "the strike", "the factory", "this figure" */
  SITREP_LEX_ACTOR,        /* canon: actor name; value: 1 Russia, 2 Ukraine */
  SITREP_LEX_FACILITY,     /* "factory", "plant", "depot" */
  SITREP_LEX_NEAR,         /* "near", "outskirts of", "поблизу" */
  SITREP_LEX_REGION,       /* value 1: "region", "oblast"; 2: "direction", "sector" */
  SITREP_LEX_LOSS,         /* "suffered", "lost", "losses": a casualty claim */
  SITREP_LEX_DATE,         /* a word that can be part of a date: only then are dates read */
  SITREP_N_LEX
} SitrepLexCategory;

typedef struct
{
  const char *phrase;      /* folded; a final '*' matches any word ending */
  guint8 category;
  gint16 value;
  const char *canon;
} SitrepLexEntry;

typedef struct
{
  guint32 start;           /* byte offsets into the scanned text */
  guint32 end;
  const SitrepLexEntry *entry;
} SitrepLexMatch;

/* The compiled lexicon: built once, shared, read-only. */
typedef struct _SitrepLexicon SitrepLexicon;

SitrepLexicon *sitrep_lexicon_get_default (void);

/* Every entry in folded (the sentence folded with sitrep_text_fold, len bytes), starting
 * and ending at word boundaries; for each category, the longest at any start, and none
 * inside a longer one of the same category. Appends SitrepLexMatch to out, in order. */
void           sitrep_lexicon_scan        (SitrepLexicon *self,
                                           const char    *folded,
                                           gsize          len,
                                           GArray        *out);

G_END_DECLS
