/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-text.h: article text checks, length-preserving case folding, sentence splitting. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITREP_EXTRACT_ERROR (sitrep_extract_error_quark ())

typedef enum
{
  SITREP_EXTRACT_ERROR_EMPTY,        /* nothing but white space */
  SITREP_EXTRACT_ERROR_BINARY,       /* NUL bytes: not a text file */
  SITREP_EXTRACT_ERROR_ENCODING,     /* not valid UTF-8 */
  SITREP_EXTRACT_ERROR_HTML,         /* markup: convert it to plain text first */
  SITREP_EXTRACT_ERROR_TOO_LARGE,    /* larger than any article */
  SITREP_EXTRACT_ERROR_FAILED,
} SitrepExtractError;

GQuark sitrep_extract_error_quark (void);

/* Articles longer than this are refused: no news article is 16 MiB of text. */
#define SITREP_TEXT_MAX_BYTES (16 * 1024 * 1024)

/* Checks that data is an article Sitrep can read: not empty, no NUL byte, valid UTF-8
 * (the error gives the line and byte), not HTML (Sitrep keeps byte offsets into the file
 * as given, so it does not strip markup itself), not larger than SITREP_TEXT_MAX_BYTES.
 * name is the file name used in messages. */
gboolean sitrep_text_check        (const char  *data,
                                   gsize        len,
                                   const char  *name,
                                   GError     **error);

/* Lowercases ASCII and Cyrillic letters of src into dst (len bytes each), keeping every
 * byte offset: upper and lower case of these letters have the same UTF-8 length. Other
 * characters are copied unchanged. */
void     sitrep_text_fold         (const char  *src,
                                   gsize        len,
                                   char        *dst);

typedef struct
{
  gsize start;       /* byte offsets into the text, white space trimmed */
  gsize end;
  guint paragraph;   /* index of the paragraph (blank-line or line separated) */
} SitrepSentence;

/* Splits text into sentences at . ! ? … followed by space and a capital, digit or quote
 * (not after abbreviations such as "Nov." or "a.m."), and at line breaks. A sentence never
 * exceeds max_len bytes (cut at a space), so a text with no punctuation stays cheap.
 * Returns a GArray of SitrepSentence. */
GArray  *sitrep_text_split        (const char  *text,
                                   gsize        len);

/* TRUE for the start byte of a letter or digit (ASCII, Latin, Cyrillic, Greek ...). */
gboolean sitrep_text_is_word_char_slow (const char  *p,
                                        const char  *end);
static inline gboolean
sitrep_text_is_word_char (const char *p,
                          const char *end)
{
  guchar c = (guchar) *p;
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if ((c == 0xd0 || c == 0xd1) && p + 1 < end)
    return TRUE;
  return sitrep_text_is_word_char_slow (p, end);
}
/* The byte length of the UTF-8 character at p (1 for a stray byte). */
static inline gsize
sitrep_text_char_len (const char *p)
{
  guchar c = (guchar) *p;
  if (c < 0x80) return 1;
  if (c >= 0xf0) return 4;
  if (c >= 0xe0) return 3;
  if (c >= 0xc0) return 2;
  return 1;
}

G_END_DECLS
