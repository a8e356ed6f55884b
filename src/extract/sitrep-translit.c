/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-translit.c: folds place names in Latin and Cyrillic script to one Latin skeleton. */
#define G_LOG_DOMAIN "sitrep-translit"

#include "config.h"

#include <string.h>

#include "sitrep-gazetteer.h"
#include "sitrep-translit.h"

/* How a codepoint acts in a name. */
typedef enum
{
  CLASS_LETTER,
  CLASS_APOSTROPHE, /* inside a word: dropped (Куп'янськ, Kup"yans'k) */
  CLASS_SPACE,      /* between the words of one name: space, hyphen, dash */
  CLASS_BREAK,      /* punctuation, digits, symbols */
  CLASS_IGNORE,     /* combining marks, soft hyphen, zero-width characters */
} CharClass;

/* A word being folded: its letters spelled in lowercase Latin, each with the offsets of
 * the codepoint it came from. */
#define WORD_MAX 96
/* When scanning (with a map), a word in lowercase more than this many words after the last
 * capitalised one can be no part of a name, and is skipped. */
#define MAX_LIVE 3

typedef struct
{
  char     c[WORD_MAX];
  guint32  start[WORD_MAX];
  guint32  end[WORD_MAX];
  guint8   cyr[WORD_MAX];
  guint8   apos[WORD_MAX];    /* an apostrophe came right before this letter */
  guint8   lower[WORD_MAX];
  guint    n;
  gboolean upper;
  gboolean continued;         /* the rest of a word longer than WORD_MAX */
} Word;

static const char *const cyrillic_lower[] = {
  /* U+0430 а … U+044F я */
  "a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l", "m", "n", "o", "p",
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
};

static CharClass
classify (gunichar c)
{
  switch (c)
    {
    case '\'': case 0x2019: case 0x02BC: case '`': case 0x00B4: case 0x2018: case 0x02B9:
    case 0x2032: case 0x201D: case 0x02BA: case 0x2033: case 0x201B:
      return CLASS_APOSTROPHE;
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x00A0: case 0x202F: case 0x2009:
      return CLASS_SPACE;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
      return CLASS_IGNORE;
    default:
      break;
    }
  if (c < 0x80)
    {
      if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'))
        return CLASS_LETTER;  /* a digit joins a word ("Izium1x"), spelt "#" */
      return (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? CLASS_SPACE : CLASS_BREAK;
    }
  if (c >= 0x0400 && c <= 0x045F)
    return CLASS_LETTER;
  if (g_unichar_ismark (c))
    return CLASS_IGNORE;
  if (g_unichar_isalpha (c))
    return CLASS_LETTER;
  if (g_unichar_isspace (c))
    return CLASS_SPACE;
  return CLASS_BREAK;
}

/* Spells one letter in lowercase Latin; sets *cyr for Cyrillic.  Letters of other
 * scripts become "#", which no name contains. */
static const char *
spell (gunichar  c,
       gboolean *cyr,
       char      buf[8])
{
  *cyr = FALSE;
  if (c >= '0' && c <= '9')
    return "#";
  if (c < 0x80)
    {
      buf[0] = (char) (c | 0x20);
      buf[1] = '\0';
      return buf;
    }
  if (c >= 0x0400 && c <= 0x04FF)
    {
      gunichar l = g_unichar_tolower (c);

      *cyr = TRUE;
      if (l >= 0x0430 && l <= 0x044F)
        return cyrillic_lower[l - 0x0430];
      switch (l)
        {
        case 0x0451: return "io";  /* ё */
        case 0x0454: return "ie";  /* є */
        case 0x0456: return "i";   /* і */
        case 0x0457: return "i";   /* ї */
        case 0x0491: return "g";   /* ґ */
        case 0x045E: return "u";   /* ў */
        case 0x0458: return "j";   /* ј */
        default: return "#";
        }
    }
  switch (g_unichar_tolower (c))
    {
    case 0x010D: case 0x0107: return "ch";         /* č ć */
    case 0x0161: case 0x015F: case 0x0219: return "sh"; /* š ş ș */
    case 0x017E: case 0x017C: return "zh";         /* ž ż */
    case 0x0142: return "l";                       /* ł */
    case 0x0163: case 0x021B: return "ts";         /* ţ ț */
    case 0x0131: return "i";                       /* ı */
    case 0x0111: return "d";                       /* đ */
    case 0x00DF: return "ss";
    case 0x00E6: return "ae";
    case 0x00F8: return "o";
    case 0x0153: return "oe";
    case 0x0127: return "h";                       /* ħ */
    case 0x0125: return "h";                       /* ĥ */
    default: break;
    }
  {
    gunichar d[8];
    gsize n = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, d, G_N_ELEMENTS (d));

    if (n > 0 && d[0] < 0x80 && g_ascii_isalpha (d[0]))
      {
        buf[0] = g_ascii_tolower ((char) d[0]);
        buf[1] = '\0';
        return buf;
      }
  }
  return "#";
}

/* 1 for a capital, -1 for a small letter, 0 for neither. */
static inline int
case_of (gunichar c)
{
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? -1 : 0;
  if (c >= 0x0400 && c <= 0x042F)
    return 1;
  if (c >= 0x0430 && c <= 0x045F)
    return -1;
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return 1;
  return g_unichar_islower (c) ? -1 : 0;
}

static inline gboolean
is_latin_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

static void
grow (SitrepSkeleton *self,
      gsize           need)
{
  gsize cap = MAX (self->cap * 2, MAX (need, 256));

  self->sk = g_realloc (self->sk, cap + 1);
  if (self->with_map)
    {
      self->start = g_renew (guint32, self->start, cap);
      self->end = g_renew (guint32, self->end, cap);
      self->flags = g_renew (guint8, self->flags, cap);
    }
  self->cap = cap;
}

static inline void
emit_sym (SitrepSkeleton *self,
          char            sym,
          guint32         start,
          guint32         end,
          guint8          flags,
          gsize           word_first)
{
  gsize len = self->len;

  /* Doubled symbols within a word collapse: Zaporizhzhia = Zaporizhia, Kyiiv = Kyiv. */
  if (len > word_first && self->sk[len - 1] == sym)
    {
      if (self->with_map)
        self->end[len - 1] = end;
      return;
    }
  if (G_UNLIKELY (len + 1 > self->cap))
    grow (self, len + 1);
  self->sk[len] = sym;
  self->sk[len + 1] = '\0';  /* sk has cap + 1 bytes */
  if (self->with_map)
    {
      self->start[len] = start;
      self->end[len] = end;
      self->flags[len] = flags;
    }
  self->len = len + 1;
}

/* Do letters i .. i+n-1 of w spell one multi-letter rule?  Latin letters may come from
 * several codepoints ("k" "h"); Cyrillic ones only from one ("х" = "kh", but "зг" is not
 * "zh"). */
static inline gboolean
word_has (const Word *w,
          guint       i,
          const char *s,
          guint       n)
{
  if (i + n > w->n || memcmp (w->c + i, s, n) != 0)
    return FALSE;
  if (w->cyr[i] || w->cyr[i + n - 1])
    for (guint k = 1; k < n; k++)
      if (w->start[i + k] != w->start[i])
        return FALSE;
  return TRUE;
}
#define HAS(w, i, lit) word_has ((w), (i), (lit), sizeof (lit) - 1)

static void
flush_word (SitrepSkeleton *self,
            Word           *w,
            char            sep)
{
  gsize first;
  guint i = 0;

  /* English possessive: Kupiansk's. */
  if (w->n >= 2 && w->c[w->n - 1] == 's' && w->apos[w->n - 1] && !w->cyr[w->n - 1])
    w->n--;
  if (w->n == 0)
    return;

  if (self->len > 0 && sep != '\0')
    {
      guint32 at = w->start[0];

      /* Separators never collapse with letters: word_first is past them. */
      emit_sym (self, sep, at, at, 0, self->len);
    }
  first = self->len;

  while (i < w->n)
    {
      char c = w->c[i];
      char sym = c;
      char sym2 = '\0';
      guint used = 1;
      guint8 flags = 0;
      guint32 start = w->start[i];

      switch (c)
        {
        case 's':
          if (HAS (w, i, "shch")) { sym = 'q'; used = 4; }
          else if (HAS (w, i, "szcz")) { sym = 'q'; used = 4; }
          else if (HAS (w, i, "sch")) { sym = 'w'; used = 3; }
          else if (HAS (w, i, "sh") || HAS (w, i, "sz")) { sym = 'w'; used = 2; }
          break;
        case 't':
          if (HAS (w, i, "tsch")) { sym = 'c'; used = 4; }
          else if (HAS (w, i, "tch")) { sym = 'c'; used = 3; }
          else if (HAS (w, i, "tz")) { sym = 't'; sym2 = 's'; used = 2; }
          break;
        case 'c':
          if (HAS (w, i, "ch") || HAS (w, i, "cz")) { sym = 'c'; used = 2; }
          else if (HAS (w, i, "ck")) { sym = 'k'; used = 2; }
          else if (i + 1 < w->n && (w->c[i + 1] == 'e' || w->c[i + 1] == 'i' || w->c[i + 1] == 'y'))
            { sym = 't'; sym2 = 's'; }
          else
            sym = 'k';
          break;
        case 'k':
          if (HAS (w, i, "kh")) { sym = 'x'; used = 2; }
          break;
        case 'z':
          if (HAS (w, i, "zh")) { sym = 'j'; used = 2; }
          break;
        case 'g':
          sym = 'h';
          if (HAS (w, i, "gh"))
            used = 2;
          break;
        case 'x':
          sym = 'k'; sym2 = 's';
          break;
        case 'q':
          sym = 'k';
          break;
        case 'w':
          sym = 'v';
          break;
        case 'o':
          if (HAS (w, i, "ou")) { sym = 'u'; used = 2; }
          else sym = 'i';
          break;
        case 'e': case 'y': case 'j':
          sym = 'i';
          break;
        case 'l':
          /* Ukrainian vocalised л: Volchansk = Vovchansk, Volk = Vovk. */
          if (self->len > first && self->sk[self->len - 1] == 'i'
              && i + 1 < w->n && w->c[i + 1] != '#' && !is_latin_vowel (w->c[i + 1]))
            sym = 'v';
          break;
        default:
          break;
        }

      if (i == 0 && !w->continued)
        {
          flags |= SITREP_SKEL_WORD_START;
          if (w->upper)
            flags |= SITREP_SKEL_UPPER;
        }
      if (w->cyr[i])
        flags |= SITREP_SKEL_CYRILLIC;
      if (w->lower[i])
        flags |= SITREP_SKEL_LOWER;
      emit_sym (self, sym, start, w->end[i + used - 1], flags, first);
      if (sym2 != '\0')
        emit_sym (self, sym2, start, w->end[i + used - 1],
                  flags & (SITREP_SKEL_CYRILLIC | SITREP_SKEL_LOWER), first);
      i += used;
    }
  w->n = 0;
}

void
sitrep_skeleton_init (SitrepSkeleton *self,
                      gboolean        with_map)
{
  memset (self, 0, sizeof *self);
  self->with_map = with_map;
  grow (self, 64);
  self->sk[0] = '\0';
}

void
sitrep_skeleton_reset (SitrepSkeleton *self)
{
  self->len = 0;
  self->sk[0] = '\0';
}

void
sitrep_skeleton_clear (SitrepSkeleton *self)
{
  g_clear_pointer (&self->sk, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->flags, g_free);
  self->len = self->cap = 0;
}

void
sitrep_skeleton_append (SitrepSkeleton *self,
                        const char     *text,
                        gsize           len,
                        gsize           base)
{
  Word w;  /* not zeroed: it is large, and only w.n entries are read */
  const char *p = text;
  const char *end = text + len;
  char sep = '\0';
  gboolean pending_apos = FALSE;
  gboolean skipping = FALSE;
  guint live = MAX_LIVE;

  w.n = 0;
  w.upper = FALSE;
  w.continued = FALSE;

  while (p < end)
    {
      gunichar c;
      const char *next;
      CharClass cls;

      /* Fast paths, same result as the general one below: the rest of a skipped word
       * (ASCII letters, digits and apostrophes, Cyrillic letters U+0400..U+047F), and
       * ASCII letters and digits inside a word. */
      if (skipping)
        {
          while (p < end)
            {
              guchar b = (guchar) *p;
              if (b < 0x80 && (g_ascii_isalnum (b) || b == '\'' || b == '`'))
                p++;
              else if ((b == 0xD0 || b == 0xD1) && p + 1 < end && ((guchar) p[1] & 0xC0) == 0x80)
                p += 2;
              else
                break;
            }
          if (p >= end)
            break;
        }
      else if (w.n > 0 && !pending_apos)
        {
          while (p < end && w.n < WORD_MAX && g_ascii_isalnum (*p))
            {
              guchar b = (guchar) *p;
              guint32 s_off = (guint32) (base + (p - text));
              gboolean digit = b <= '9';
              w.c[w.n] = digit ? '#' : (char) (b | 0x20);
              w.start[w.n] = s_off;
              w.end[w.n] = s_off + 1;
              w.cyr[w.n] = FALSE;
              w.lower[w.n] = b >= 'a';
              w.apos[w.n] = FALSE;
              w.n++;
              p++;
            }
          if (p >= end)
            break;
        }

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          next = p + 1;
        }
      else if ((guchar) p[0] >= 0xC2 && (guchar) p[0] <= 0xDF && p + 1 < end
               && ((guchar) p[1] & 0xC0) == 0x80)
        {
          /* Two bytes: Cyrillic and Latin with diacritics, the common case. */
          c = (((gunichar) p[0] & 0x1F) << 6) | ((gunichar) p[1] & 0x3F);
          next = p + 2;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              c = 0xFFFD;    /* a break */
              next = p + 1;
            }
          else
            next = g_utf8_next_char (p);
        }
      cls = classify (c);

      if (skipping)
        {
          if (cls == CLASS_SPACE || cls == CLASS_BREAK)
            {
              skipping = FALSE;
              sep = '|';
            }
          p = next;
          continue;
        }
      if (cls == CLASS_LETTER && w.n == 0 && !w.continued && self->with_map)
        {
          if (case_of (c) > 0)
            live = 0;
          else if (++live > MAX_LIVE)
            {
              live = MAX_LIVE;
              skipping = TRUE;
              p = next;
              continue;
            }
        }

      if (cls == CLASS_LETTER)
        {
          char buf[8];
          gboolean cyr;
          const char *s = spell (c, &cyr, buf);
          guint32 s_off = (guint32) (base + (p - text));
          guint32 e_off = (guint32) (base + (next - text));
          gboolean first_letter = TRUE;
          gboolean lower = case_of (c) < 0;

          if (w.n == 0 && !w.continued)
            w.upper = case_of (c) > 0;
          if (*s == '\0')
            {
              /* A soft or hard sign: nothing to spell, but it belongs to the word. */
              if (w.n > 0)
                w.end[w.n - 1] = e_off;
            }
          for (; *s != '\0'; s++)
            {
              if (w.n == WORD_MAX)
                {
                  flush_word (self, &w, sep);
                  sep = '\0';
                  w.continued = TRUE;
                }
              w.c[w.n] = *s;
              w.start[w.n] = s_off;
              w.end[w.n] = e_off;
              w.cyr[w.n] = cyr;
              w.lower[w.n] = lower;
              w.apos[w.n] = first_letter && pending_apos;
              w.n++;
              first_letter = FALSE;
            }
          pending_apos = FALSE;
        }
      else if (cls == CLASS_APOSTROPHE && w.n > 0 && !pending_apos)
        pending_apos = TRUE;
      else if (cls == CLASS_IGNORE && w.n > 0 && !pending_apos)
        w.end[w.n - 1] = (guint32) (base + (next - text));  /* Ички́: the accent is the word's */
      else if (cls != CLASS_IGNORE)
        {
          if (w.n > 0)
            {
              flush_word (self, &w, sep);
              sep = '\0';
            }
          w.continued = FALSE;
          pending_apos = FALSE;
          if (cls == CLASS_BREAK || cls == CLASS_APOSTROPHE || sep == '|')
            sep = '|';
          else
            sep = ' ';
        }
      p = next;
    }
  if (w.n > 0)
    flush_word (self, &w, sep);
}

guint
sitrep_skeleton_n_letters (const char *sk)
{
  guint n = 0;

  for (; *sk != '\0'; sk++)
    if (*sk >= 'a' && *sk <= 'z')
      n++;
  return n;
}

char *
sitrep_gazetteer_normalize (const char *name)
{
  SitrepSkeleton s;
  gsize a, b;
  char *result;

  g_return_val_if_fail (name != NULL, NULL);

  sitrep_skeleton_init (&s, FALSE);
  sitrep_skeleton_append (&s, name, strlen (name), 0);
  a = 0;
  b = s.len;
  while (a < b && (s.sk[a] == ' ' || s.sk[a] == '|'))
    a++;
  while (b > a && (s.sk[b - 1] == ' ' || s.sk[b - 1] == '|'))
    b--;
  result = g_strndup (s.sk + a, b - a);
  sitrep_skeleton_clear (&s);
  return result;
}
