/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-translit.h: folds place names in Latin and Cyrillic script to one Latin skeleton. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Flags of a skeleton byte (SitrepSkeleton.flags). */
enum
{
  SITREP_SKEL_WORD_START = 1 << 0, /* first symbol of a word */
  SITREP_SKEL_UPPER      = 1 << 1, /* the word as written starts with a capital */
  SITREP_SKEL_CYRILLIC   = 1 << 2, /* written in Cyrillic */
  SITREP_SKEL_LOWER      = 1 << 3, /* written in lowercase (a word without it is in capitals) */
};

/* The skeleton of a text: symbols a-z, ' ' between the words of a name (space, hyphen,
 * dash), '|' for any other break (punctuation), '#' for a digit or a letter of another script.
 * Lowercase, apostrophes and soft signs dropped, "kh"/"х" one symbol, vowels e/i/o/y merged,
 * doubled symbols collapsed.  With a map, start[i]/end[i] are the byte offsets in the
 * original text of what symbol i was made from. */
typedef struct
{
  char    *sk;     /* NUL-terminated */
  guint32 *start;  /* with a map only */
  guint32 *end;
  guint8  *flags;
  gsize    len;
  gsize    cap;
  gboolean with_map;
} SitrepSkeleton;

void     sitrep_skeleton_init   (SitrepSkeleton *self,
                                 gboolean        with_map);
/* Empties self for reuse, keeping its memory. */
void     sitrep_skeleton_reset  (SitrepSkeleton *self);
void     sitrep_skeleton_clear  (SitrepSkeleton *self);

/* Appends the skeleton of text (UTF-8, len bytes; invalid bytes are breaks) to self;
 * offsets are counted from text + base. */
void     sitrep_skeleton_append (SitrepSkeleton *self,
                                 const char     *text,
                                 gsize           len,
                                 gsize           base);

/* Number of letter symbols (not breaks) in a skeleton string. */
guint    sitrep_skeleton_n_letters (const char *sk);

/* TRUE for a vowel symbol of the skeleton (a, i, u). */
static inline gboolean
sitrep_skeleton_is_vowel (char c)
{
  return c == 'a' || c == 'i' || c == 'u';
}

G_END_DECLS
