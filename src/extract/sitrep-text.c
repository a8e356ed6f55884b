/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-text.c: article text checks, length-preserving case folding, sentence splitting. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitrep-text.h"

G_DEFINE_QUARK (sitrep-extract-error-quark, sitrep_extract_error)

#define MAX_SENTENCE 4000

static gboolean
looks_like_html (const char *data,
                 gsize       len)
{
  static const char *const tags[] = {
    "<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<br", "<span",
    "<meta", "<script", "<a href", "</p>", "</div>",
  };
  gsize n = MIN (len, 4096);
  guint hits = 0;

  /* Markup shows itself in the first few kilobytes; a stray "<" in prose does not. */
  for (gsize i = 0; i < n; i++)
    {
      if (data[i] != '<')
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        {
          gsize tl = strlen (tags[t]);
          if (i + tl <= len && g_ascii_strncasecmp (data + i, tags[t], tl) == 0)
            {
              if (t < 3)
                return TRUE;
              hits++;
              break;
            }
        }
      if (hits >= 2)
        return TRUE;
    }
  return FALSE;
}

gboolean
sitrep_text_check (const char  *data,
                   gsize        len,
                   const char  *name,
                   GError     **error)
{
  const char *bad = NULL;
  const char *nul;
  gboolean blank = TRUE;

  if (len > SITREP_TEXT_MAX_BYTES)
    {
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_TOO_LARGE,
                   _("%s: the file is %.1f MB, larger than any article (the limit is %d MB); "
                     "split it into one file per article"),
                   name, len / 1e6, SITREP_TEXT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_BINARY,
                   _("%s: a NUL byte at offset %zu: this is a binary file, "
                     "not an article in plain text"),
                   name, (gsize) (nul - data));
      return FALSE;
    }

  if (!g_utf8_validate (data, len, &bad))
    {
      guint line = 1;
      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_ENCODING,
                   _("%s:%u: invalid UTF-8 at byte %zu; convert the file to "
                     "UTF-8 (for example with iconv)"),
                   name, line, (gsize) (bad - data));
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      {
        blank = FALSE;
        break;
      }
  if (blank)
    {
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return FALSE;
    }

  if (looks_like_html (data, len))
    {
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_HTML,
                   _("%s: this is HTML; Sitrep reads articles as plain text, so save the page "
                     "as text first (claims keep byte offsets into the file as given)"),
                   name);
      return FALSE;
    }

  return TRUE;
}

void
sitrep_text_fold (const char *src,
                  gsize       len,
                  char       *dst)
{
  const guchar *s = (const guchar *) src;
  guchar *d = (guchar *) dst;
  gsize i = 0;

  while (i < len)
    {
      guchar c;

      /* Eight ASCII bytes at a time: add 0x20 to the bytes in 'A'..'Z' (no byte carries
       * into the next: all are below 0x80). */
      if (i + 8 <= len)
        {
          guint64 w, upper;
          memcpy (&w, s + i, 8);
          if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              upper = (w + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f)) &       /* >= 'A' */
                      ~(w + G_GUINT64_CONSTANT (0x2525252525252525)) &      /* <= 'Z' */
                      G_GUINT64_CONSTANT (0x8080808080808080);
              w |= upper >> 2;
              memcpy (d + i, &w, 8);
              i += 8;
              continue;
            }
        }
      c = s[i];
      if (c < 0x80)
        {
          d[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
          i++;
          continue;
        }
      if (i + 1 < len)
        {
          guchar c2 = s[i + 1];
          if (c == 0xd0 && c2 >= 0x90 && c2 <= 0x9f)        /* А..П -> а..п */
            {
              d[i] = 0xd0; d[i + 1] = c2 + 0x20; i += 2; continue;
            }
          if (c == 0xd0 && c2 >= 0xa0 && c2 <= 0xaf)        /* Р..Я -> р..я */
            {
              d[i] = 0xd1; d[i + 1] = c2 - 0x20; i += 2; continue;
            }
          if (c == 0xd0 && c2 >= 0x80 && c2 <= 0x8f)        /* Ѐ..Џ (Ё Є І Ї) */
            {
              d[i] = 0xd1; d[i + 1] = c2 + 0x10; i += 2; continue;
            }
          if (c == 0xd2 && c2 == 0x90)                      /* Ґ */
            {
              d[i] = 0xd2; d[i + 1] = 0x91; i += 2; continue;
            }
        }
      d[i] = c;
      i++;
    }
}

gboolean
sitrep_text_is_word_char_slow (const char *p,
                               const char *end)
{
  guchar c = (guchar) *p;
  gunichar u;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  if ((c == 0xd0 || c == 0xd1) && p + 1 < end)
    return TRUE;                  /* Cyrillic letters U+0400..U+047F */
  if (c == 0xd2 && p + 1 < end && (guchar) p[1] >= 0x90)
    return TRUE;                  /* Ґ ґ and the rest of the block */
  u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return FALSE;
  return g_unichar_isalnum (u);
}

static const char *const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "etc",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "a.m", "p.m", "u.s", "u.k", "e.g", "i.e", "approx", "est", "inc", "corp", "jr", "sr",
  "gov", "sen", "rep", "adm", "cmdr", "pres", "prof", "fig", "km", "ca",
  "р", "г", "гг", "т", "им", "ул", "обл", "тыс", "тис", "млн", "млрд", "ст", "пос", "смт",
  "вул", "див", "см", "н", "е", "ген", "полк", "кв", "м", "с", "просп", "пров", "пгт", "д",
};

static gboolean
is_abbreviation (const char *text,
                 gsize       word_start,
                 gsize       dot)
{
  gsize wl = dot - word_start;
  char buf[16];

  if (wl == 0)
    return FALSE;
  if (wl >= sizeof buf)
    return FALSE;
  sitrep_text_fold (text + word_start, wl, buf);
  buf[wl] = '\0';
  /* A single capital letter is an initial: "A. Marocho". */
  if (g_utf8_strlen (buf, -1) == 1 && g_unichar_isalpha (g_utf8_get_char (buf)))
    {
      gunichar u = g_utf8_get_char (text + word_start);
      if (g_unichar_isupper (u))
        return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (abbreviations[i][0] == buf[0] && strcmp (buf, abbreviations[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
starts_sentence (const char *p,
                 const char *end)
{
  gunichar u;

  if (p >= end)
    return TRUE;
  u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return FALSE;
  return g_unichar_isupper (u) || g_unichar_isdigit (u) || u == '"' || u == '\'' ||
         u == 0x201c || u == 0x2018 || u == 0x00ab || u == 0x2014 || u == 0x2013 || u == '(' ||
         u == '-' || g_unichar_istitle (u);
}

static void
push (GArray     *out,
      const char *text,
      gsize       start,
      gsize       end,
      guint       paragraph)
{
  SitrepSentence s;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (end <= start)
    return;
  s.start = start;
  s.end = end;
  s.paragraph = paragraph;
  g_array_append_val (out, s);
}

GArray *
sitrep_text_split (const char *text,
                   gsize       len)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (SitrepSentence), len / 120 + 4);
  const char *end = text + len;
  gsize start = 0;
  gsize word_start = 0;
  gsize last_space = 0;
  guint paragraph = 0;
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) text[i];
      gsize cl = sitrep_text_char_len (text + i);

      if (i + cl > len)
        cl = len - i;

      if (c == '\n')
        {
          /* A line break ends a sentence, unless the text is hard-wrapped: the line does
           * not end in punctuation and the next one starts in lower case. */
          gsize j = i + 1;
          gboolean blank_line = FALSE;
          gsize k = i;
          while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' ||
                             text[j] == '\n'))
            {
              if (text[j] == '\n')
                blank_line = TRUE;
              j++;
            }
          while (k > start && (text[k - 1] == ' ' || text[k - 1] == '\r'))
            k--;
          if (!blank_line && j < len && k > start &&
              strchr (".!?:;\"", text[k - 1]) == NULL &&
              g_unichar_islower (g_utf8_get_char_validated (text + j, len - j)))
            {
              i++;
              last_space = i;
              word_start = i;
              continue;
            }
          push (out, text, start, i, paragraph);
          if (out->len > 0 && g_array_index (out, SitrepSentence, out->len - 1).paragraph == paragraph)
            paragraph++;
          start = j;
          i = j;
          word_start = j;
          last_space = j;
          continue;
        }

      if (c == ' ' || c == '\t')
        {
          last_space = i;
          word_start = i + 1;
        }
      else if (c == '.' || c == '!' || c == '?' ||
               (c == 0xe2 && i + 2 < len && (guchar) text[i + 1] == 0x80 &&
                (guchar) text[i + 2] == 0xa6))
        {
          gsize j = i + cl;
          /* Closing quotes and brackets stay with the sentence they close. */
          while (j < len)
            {
              if (text[j] == '"' || text[j] == '\'' || text[j] == ')')
                j++;
              else if (j + 2 < len && (guchar) text[j] == 0xe2 && (guchar) text[j + 1] == 0x80 &&
                       ((guchar) text[j + 2] == 0x9d || (guchar) text[j + 2] == 0x99))
                j += 3;
              else if (j + 1 < len && (guchar) text[j] == 0xc2 && (guchar) text[j + 1] == 0xbb)
                j += 2;
              else
                break;
            }
          if (j < len && (text[j] == ' ' || text[j] == '\t'))
            {
              gsize k = j;
              while (k < len && (text[k] == ' ' || text[k] == '\t'))
                k++;
              if (starts_sentence (text + k, end) &&
                  !(c == '.' && is_abbreviation (text, word_start, i)))
                {
                  push (out, text, start, j, paragraph);
                  start = k;
                  i = k;
                  word_start = k;
                  last_space = k;
                  continue;
                }
            }
        }

      i += cl;

      /* No punctuation for too long: cut at the last space (or here). */
      if (i - start >= MAX_SENTENCE)
        {
          gsize cut = (last_space > start) ? last_space : i;
          push (out, text, start, cut, paragraph);
          start = cut;
          word_start = cut;
          last_space = cut;
        }
    }
  push (out, text, start, len, paragraph);
  return out;
}
