/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-attribution.c: who says what a sentence says: the source phrase around an
 * attribution verb or preposition, the person's name, role and affiliation, and the kind of
 * source. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <string.h>

#include "sitrep-extract-private.h"
#include "sitrep-text.h"

/* Which source wins when a phrase names several ("satellite imagery and local reports"). */
static const SitrepSourceKind precedence[] = {
  SITREP_SOURCE_SATELLITE, SITREP_SOURCE_WITNESS, SITREP_SOURCE_ANONYMOUS,
  SITREP_SOURCE_UNCONFIRMED, SITREP_SOURCE_EXPERT, SITREP_SOURCE_MILITARY,
  SITREP_SOURCE_OFFICIAL, SITREP_SOURCE_MEDIA,
};

/* Capitalised words that are not a person's name. */
static const char *const not_names[] = {
  "the", "a", "an", "according", "ukrainian", "russian", "ukraine", "russia", "general", "staff",
  "ministry", "defence", "defense", "armed", "forces", "air", "force", "navy", "army",
  "satellite", "witnesses", "military", "regional", "administration", "governor", "mayor",
  "president", "spokesperson", "spokesman", "spokeswoman", "head", "commander", "kremlin",
  "kyiv", "moscow", "national", "guard", "state", "emergency", "service", "security", "sbu",
  "fsb", "isw", "institute", "study", "war", "for", "of", "reuters", "tass", "ria", "novosti",
  "interfax", "ukrinform", "afp", "ap", "bbc", "cnn", "lt", "col", "gen", "maj", "capt", "sgt",
  "colonel", "lieutenant", "major", "captain", "sergeant", "minister", "deputy", "chief",
  "command", "operational", "southern", "northern", "eastern", "western", "group", "brigade",
  "battalion", "regiment", "on", "in", "at", "and", "but", "however", "meanwhile", "earlier",
  "later", "officials", "official", "expert", "analyst", "local", "residents", "on", "telegram",
  "збройні", "сили", "сил", "україни", "генштаб", "зсу", "повітряні", "міноборони", "минобороны",
  "россии", "министерство", "обороны", "рф", "вс", "глава", "голова", "очільник", "начальник",
  "ова", "вва", "мвс", "дснс", "генштаба", "українські", "российские", "росії", "за", "по",
  "как", "як", "об", "про", "этом", "цьому", "словам", "словами", "данным", "даними", "в", "у",
  "на", "з", "с", "із", "від", "от", "для", "під", "под", "при", "після", "после", "во", "ці",
  "эти", "це", "это", "та", "и", "і", "но", "але", "gov", "mayor", "regional", "oblast",
  "russia", "ukraine", "moscow", "kyiv", "kiev", "geolocated", "reuters", "it", "he", "she",
  "they", "satellite", "images", "imagery", "energy", "company", "city", "council",
};

static GHashTable *
not_names_set (void)
{
  static gsize once = 0;
  static GHashTable *set = NULL;
  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (not_names); i++)
        g_hash_table_add (t, (gpointer) not_names[i]);
      set = t;
      g_once_init_leave (&once, 1);
    }
  return set;
}

gboolean
sitrep_extract_is_capitalized (const char *p,
                               const char *end)
{
  gunichar u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return FALSE;
  return g_unichar_isupper (u) || g_unichar_istitle (u);
}

typedef struct
{
  gsize start;
  gsize end;
  gboolean cap;
  gboolean stop;
  gboolean in_lex;   /* inside a source or actor match */
} Word;

static gboolean
is_apostrophe_at (const char *p,
                  const char *end,
                  gsize      *len)
{
  if (p < end && *p == '\'')
    {
      *len = 1;
      return TRUE;
    }
  if (p + 2 < end && (guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
    {
      *len = 3;
      return TRUE;
    }
  return FALSE;
}

/* Words of text[a, b), hyphens and apostrophes inside a word kept ("Artyan-Kalor",
 * "Ukraine's"). */
static GArray *
words_of (const SitrepSentenceView *v,
          gsize                     a,
          gsize                     b)
{
  /* sized for a sentence's words: growing from nothing reallocated at every power of 2 */
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (Word), b > a ? MAX ((b - a) / 6, 8) : 8);
  const char *t = v->text;
  const char *end = t + b;
  gsize i = a;

  while (i < b)
    {
      Word w = { 0 };
      gsize al = 0;
      if (!sitrep_text_is_word_char (t + i, end))
        {
          i += sitrep_text_char_len (t + i);
          continue;
        }
      w.start = i;
      while (i < b)
        {
          if (sitrep_text_is_word_char (t + i, end))
            i += sitrep_text_char_len (t + i);
          else if ((t[i] == '-' || is_apostrophe_at (t + i, end, &al)) && i + 1 < b &&
                   sitrep_text_is_word_char (t + i + (t[i] == '-' ? 1 : al), end))
            i += (t[i] == '-' ? 1 : al);
          else
            break;
        }
      w.end = MIN (i, b);
      w.cap = sitrep_extract_is_capitalized (t + w.start, end);
      {
        char buf[48];
        gsize l = MIN (w.end - w.start, sizeof buf - 1);
        gsize al2;
        memcpy (buf, v->folded + w.start, l);
        buf[l] = '\0';
        /* possessive: "ukraine's" -> "ukraine" */
        for (gsize k = 0; k < l; k++)
          if (is_apostrophe_at (buf + k, buf + l, &al2))
            {
              buf[k] = '\0';
              break;
            }
        w.stop = g_hash_table_contains (not_names_set (), buf);
      }
      for (guint m = 0; m < v->n_lex; m++)
        if ((v->lex[m].entry->category == SITREP_LEX_SOURCE ||
             v->lex[m].entry->category == SITREP_LEX_ACTOR ||
             v->lex[m].entry->category == SITREP_LEX_ATTR_PREP ||
             v->lex[m].entry->category == SITREP_LEX_ATTR_VERB) &&
            v->lex[m].start <= w.start && w.end <= v->lex[m].end)
          w.in_lex = TRUE;
      g_array_append_val (words, w);
    }
  return words;
}

static char *
copy_trimmed (const SitrepSentenceView *v,
              gsize                     a,
              gsize                     b)
{
  const char *t = v->text;
  gsize al;
  while (a < b && (g_ascii_isspace (t[a]) || t[a] == ',' || t[a] == '"'))
    a++;
  while (b > a && (g_ascii_isspace (t[b - 1]) || t[b - 1] == ',' || t[b - 1] == '"' ||
                   t[b - 1] == '.'))
    b--;
  /* A possessive at the end: "Marocho's" -> "Marocho". */
  if (b > a + 2 && t[b - 1] == 's' && is_apostrophe_at (t + b - 2, t + b, &al))
    b -= 2;
  else if (b > a + 4 && t[b - 1] == 's' && is_apostrophe_at (t + b - 4, t + b, &al) && al == 3)
    b -= 4;
  if (b <= a)
    return NULL;
  return g_strndup (t + a, b - a);
}

static gboolean
is_clause_break (const char *t,
                 gsize       i)
{
  guchar c = (guchar) t[i];
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"')
    return TRUE;
  /* — – “ ” « » */
  if (c == 0xe2 && (guchar) t[i + 1] == 0x80 &&
      ((guchar) t[i + 2] == 0x94 || (guchar) t[i + 2] == 0x93 || (guchar) t[i + 2] == 0x9c ||
       (guchar) t[i + 2] == 0x9d))
    return TRUE;
  if (c == 0xc2 && ((guchar) t[i + 1] == 0xab || (guchar) t[i + 1] == 0xbb))
    return TRUE;
  return FALSE;
}

/* "Харківської", "Харьковской": the oblast's adjective, never a name. */
static gboolean
oblast_adjective (const SitrepSentenceView *v,
                  const Word               *w)
{
  static const char *const endings[] = { "ської", "ской", "ськ", "ская", "ська", NULL };
  for (const char *const *e = endings; *e != NULL; e++)
    {
      gsize l = strlen (*e);
      if (w->end - w->start > l && memcmp (v->folded + w->end - l, *e, l) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_source_or_name (const SitrepSentenceView *v,
                    gsize                     a,
                    gsize                     b)
{
  g_autoptr (GArray) words = NULL;
  guint run = 0;

  if (b <= a)
    return FALSE;
  for (guint m = 0; m < v->n_lex; m++)
    if (v->lex[m].entry->category == SITREP_LEX_SOURCE && v->lex[m].start >= a && v->lex[m].end <= b)
      return TRUE;
  words = words_of (v, a, b);
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      run = (w->cap && !w->stop && !w->in_lex) ? run + 1 : 0;
      if (run >= 2)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_country (const char *phrase)
{
  static const char *const countries[] = { "russia", "ukraine", "moscow", "kyiv", "kiev", "киев",
                                           "київ", NULL };
  for (const char *const *c = countries; *c != NULL; c++)
    if (strcmp (phrase, *c) == 0)
      return TRUE;
  return FALSE;
}

static void
analyse_source (const SitrepSentenceView *v,
                gsize                     a,
                gsize                     b,
                SitrepAttribution        *out)
{
  g_autoptr (GArray) words = words_of (v, a, b);
  const SitrepLexMatch *best = NULL;
  int best_rank = G_N_ELEMENTS (precedence);
  gsize name_start = 0, name_end = 0;

  for (guint m = 0; m < v->n_lex; m++)
    {
      const SitrepLexMatch *lm = &v->lex[m];
      if (lm->entry->category != SITREP_LEX_SOURCE || lm->start < a || lm->end > b)
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (precedence); r++)
        if ((int) precedence[r] == lm->entry->value)
          {
            /* A country or capital ("Ukraine's Prosecutor General's Office") yields to the
             * body or person it qualifies. */
            gboolean country = is_country (lm->entry->phrase);
            if ((int) r < best_rank || (best != NULL && (int) r == best_rank &&
                                        is_country (best->entry->phrase) && !country))
              {
                best_rank = r;
                best = lm;
              }
            break;
          }
    }

  /* A person: two or more capitalised words that are not titles or bodies, or one right
   * after a role ("spokesman Peskov"). */
  for (int pass = 0; pass < 2 && name_end == 0; pass++)
    for (guint i = 0; i < words->len && name_end == 0; i++)
      {
        Word *w = &g_array_index (words, Word, i);
        guint j = i;
        if (!w->cap || w->stop || w->in_lex || oblast_adjective (v, w))
          continue;
        while (j + 1 < words->len)
          {
            Word *n = &g_array_index (words, Word, j + 1);
            if (!n->cap || n->stop || n->in_lex || n->start > g_array_index (words, Word, j).end + 1)
              break;
            j++;
          }
        /* pass 0: a first and last name; pass 1: one word right after a role */
        if ((pass == 0 && j > i) ||
            (pass == 1 && best != NULL && w->start >= best->end && w->start <= best->end + 1 &&
             best->entry->value != SITREP_SOURCE_MEDIA))
          {
            name_start = w->start;
            name_end = g_array_index (words, Word, j).end;
          }
      }

  /* One capitalised word that is no title, body or place and stands alone as the subject:
   * "Syniehubov wrote", "according to Gladkov", "по словам Гладкова". */
  if (name_end == 0 && words->len >= 1 && words->len <= 2)
    {
      Word *w = &g_array_index (words, Word, words->len - 1);
      if (w->cap && !w->stop && !w->in_lex && !oblast_adjective (v, w) &&
          g_utf8_strlen (v->text + w->start, w->end - w->start) > 3)
        {
          name_start = w->start;
          name_end = w->end;
        }
    }

  /* "he said", "за його словами", "по его словам", "the spokesperson said" */
  {
    static const char *const pronouns[] = {
      "he", "she", "it", "they", "him", "her", "them", "його", "її", "їх", "він", "вона", "вони",
      "его", "её", "ее", "их", "он", "она", "они", NULL
    };
    if (name_end == 0 && words->len >= 1 && words->len <= 3)
      {
        Word *first = &g_array_index (words, Word, 0);
        char buf[16];
        gsize l = MIN (first->end - first->start, sizeof buf - 1);
        memcpy (buf, v->folded + first->start, l);
        buf[l] = '\0';
        for (const char *const *p = pronouns; *p != NULL; p++)
          if (strcmp (buf, *p) == 0 && (words->len == 1 || strcmp (buf, "its") != 0))
            out->refers_back = TRUE;
        if ((strcmp (buf, "the") == 0 || strcmp (buf, "this") == 0) && best != NULL)
          out->refers_back = TRUE;
        if (out->refers_back && best == NULL)
          {
            out->attributed = TRUE;
            out->source_start = a;
            out->source_end = b;
            return;
          }
      }
  }

  out->attributed = (best != NULL || name_end > 0);
  if (!out->attributed)
    return;
  out->source_start = a;
  out->source_end = b;
  out->source_kind = best != NULL ? (SitrepSourceKind) best->entry->value : SITREP_SOURCE_MEDIA;

  if (name_end > 0)
    out->attributed_to = copy_trimmed (v, name_start, name_end);
  else if (best != NULL && (best->entry->value == SITREP_SOURCE_OFFICIAL ||
                            best->entry->value == SITREP_SOURCE_MILITARY ||
                            best->entry->value == SITREP_SOURCE_MEDIA ||
                            best->entry->value == SITREP_SOURCE_EXPERT))
    {
      /* A named body: the source words with the capitalised words around them ("Ukraine's
       * General Staff", "Russian Defence Ministry", "Генштаб ЗСУ", "Минобороны России"). */
      gsize rs = best->start, re = best->end;
      gboolean named = sitrep_extract_is_capitalized (v->text + best->start, v->text + best->end);
      for (guint i = words->len; i > 0; i--)
        {
          Word *w = &g_array_index (words, Word, i - 1);
          if (w->end > rs)
            continue;
          if (w->end + 1 >= rs && w->cap && !(w->start == a && w->stop && !w->in_lex &&
                                               g_ascii_strncasecmp (v->text + w->start, "the", 3) == 0))
            {
              rs = w->start;
              named = TRUE;
            }
          else
            break;
        }
      for (guint i = 0; i < words->len; i++)
        {
          Word *w = &g_array_index (words, Word, i);
          if (w->start < re)
            continue;
          if (w->start <= re + 1 && w->cap)
            {
              re = w->end;
              named = TRUE;
            }
          else
            break;
        }
      if (named && g_ascii_strncasecmp (v->text + rs, "the ", 4) == 0)
        rs += 4;
      if (named)
        out->attributed_to = copy_trimmed (v, rs, re);
    }

  if (best != NULL && (best->entry->value == SITREP_SOURCE_OFFICIAL ||
                       best->entry->value == SITREP_SOURCE_MILITARY ||
                       best->entry->value == SITREP_SOURCE_EXPERT))
    {
      g_autofree char *role = copy_trimmed (v, best->start, best->end);
      gboolean role_is_body = out->attributed_to != NULL && name_end == 0;
      if (!role_is_body)
        out->role = g_steal_pointer (&role);

      /* Affiliation: capitalised words right before the role ("Ukrainian military expert"),
       * or "for/of the X" right after it ("spokesman for the Ukrainian Air Force"). */
      if (!role_is_body)
        {
          gsize as = 0, ae = 0;
          for (guint i = 0; i < words->len; i++)
            {
              Word *w = &g_array_index (words, Word, i);
              if (w->end > best->start)
                break;
              if (w->cap && (w->start != name_start) &&
                  g_ascii_strncasecmp (v->text + w->start, "the", MAX (3, w->end - w->start)) != 0 &&
                  !(w->end - w->start == 1))
                {
                  if (ae == 0 || w->start > ae + 1)
                    as = w->start;
                  ae = w->end;
                }
              else
                ae = 0;
            }
          if (ae > 0 && ae + 2 >= best->start && !(name_end > 0 && as >= name_start && ae <= name_end))
            out->affiliation = copy_trimmed (v, as, ae);
          else
            {
              gsize p = best->end;
              const char *t = v->text;
              while (p < b && t[p] == ' ')
                p++;
              if (p + 4 <= b && (strncmp (t + p, "for ", 4) == 0 || strncmp (t + p, "of ", 3) == 0 ||
                                 strncmp (t + p, "at ", 3) == 0))
                {
                  gsize q = p + (t[p] == 'f' ? 4 : 3), r;
                  if (q + 4 <= b && strncmp (t + q, "the ", 4) == 0)
                    q += 4;
                  r = q;
                  while (r < b && sitrep_extract_is_capitalized (t + r, t + b))
                    {
                      while (r < b && t[r] != ' ' && t[r] != ',')
                        r++;
                      if (r < b && t[r] == ' ' && r + 1 < b &&
                          sitrep_extract_is_capitalized (t + r + 1, t + b))
                        r++;
                      else
                        break;
                    }
                  if (r > q)
                    out->affiliation = copy_trimmed (v, q, r);
                }
            }
        }
    }
}

void
sitrep_attribution_parse (const SitrepSentenceView *v,
                          SitrepAttribution        *out)
{
  const SitrepLexMatch *prep = NULL, *verb = NULL;
  const char *t = v->text;

  memset (out, 0, sizeof *out);
  out->source_kind = SITREP_SOURCE_MEDIA;

  for (guint m = 0; m < v->n_lex; m++)
    {
      if (v->lex[m].entry->category == SITREP_LEX_ATTR_PREP && prep == NULL)
        prep = &v->lex[m];
      if (v->lex[m].entry->category == SITREP_LEX_ATTR_VERB && verb == NULL)
        verb = &v->lex[m];
    }

  if (prep != NULL && prep->entry->value == 1)
    {
      /* "according to him", "за його словами" */
      out->attributed = TRUE;
      out->refers_back = TRUE;
      out->source_start = prep->start;
      out->source_end = prep->end;
      return;
    }
  if (prep != NULL)
    {
      gsize b = prep->end;
      while (b < v->end && !is_clause_break (t, b) && t[b] != '.' && b - prep->end < 120)
        b++;
      /* "according to X, who said that ..." stays X. */
      analyse_source (v, prep->end, b, out);
      if (out->attributed)
        return;
    }

  if (verb != NULL)
    {
      gsize a = verb->start;
      gsize b;
      /* Back to the start of the clause. */
      while (a > v->start && !is_clause_break (t, a - 1))
        a--;
      if (verb->entry->value == 1 || !has_source_or_name (v, a, verb->start))
        {
          /* "..., said John Smith, a spokesman for ...", "..., сообщили в Минобороны",
           * "заявив голова ОВА Олег С.": the subject after the verb. */
          gsize s0 = v->start;
          gboolean inverted = verb->entry->value != 1;
          b = verb->end;
          while (b < v->end && t[b] != '.' && t[b] != ';' && b - verb->end < 160)
            {
              if (t[b] == ',' && b > verb->end + 1)
                {
                  /* keep an apposition after a name: ", a spokesman for the X" */
                  gsize k = b + 1;
                  while (k < v->end && t[k] == ' ')
                    k++;
                  if (!(k + 2 < v->end && (strncmp (t + k, "a ", 2) == 0 || strncmp (t + k, "an ", 3) == 0 ||
                                           strncmp (t + k, "the ", 4) == 0)))
                    break;
                }
              b++;
            }
          if (inverted && has_source_or_name (v, verb->end, b) &&
              !(b > verb->end + 5 && strncmp (t + verb->end, " that", 5) == 0))
            {
              analyse_source (v, verb->end, b, out);
              if (out->attributed)
                return;
            }
          /* "X, a military expert, said", "X provided ..., stating that": the subject
           * opens the sentence. */
          if (has_source_or_name (v, s0, verb->start) && verb->start - s0 <= 160)
            {
              gsize cut = verb->start;
              if (verb->entry->value == 1)
                {
                  /* up to the first comma */
                  gsize c = s0;
                  while (c < verb->start && t[c] != ',')
                    c++;
                  cut = c;
                }
              analyse_source (v, s0, cut, out);
              if (out->attributed)
                return;
            }
        }
      analyse_source (v, a, verb->start, out);
    }
}

void
sitrep_attribution_clear (SitrepAttribution *a)
{
  g_clear_pointer (&a->attributed_to, g_free);
  g_clear_pointer (&a->role, g_free);
  g_clear_pointer (&a->affiliation, g_free);
}
