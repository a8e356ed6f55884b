/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-extractor.c: article text in, events out.
 *
 * One pass of the lexicon and one of the gazetteer over the whole text, then a decision per
 * sentence: an event sentence has a trigger and an anchor (a place, a date, a named target,
 * or a casualty figure with its source); a sentence that refers back ("the strike", "this
 * figure") or only adds a source (witnesses, satellite imagery) becomes another claim of the
 * event before it; background, analysis and speculation ("has been a recurring tactic",
 * "could weaken", "in the coming weeks") are no events. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitrep-dates.h"
#include "sitrep-extract-private.h"
#include "sitrep-extractor.h"
#include "sitrep-lexicon.h"

struct _SitrepExtractor
{
  GObject parent_instance;

  SitrepGazetteer *gazetteer;
  SitrepLexicon *lexicon;
};

G_DEFINE_FINAL_TYPE (SitrepExtractor, sitrep_extractor, G_TYPE_OBJECT)

static void
sitrep_extractor_class_init (SitrepExtractorClass *klass)
{
}

static void
sitrep_extractor_init (SitrepExtractor *self)
{
}

SitrepExtractor *
sitrep_extractor_new (SitrepGazetteer  *gazetteer,
                      GError          **error)
{
  SitrepExtractor *self;

  if (gazetteer == NULL)
    {
      gazetteer = sitrep_gazetteer_get_default (error);
      if (gazetteer == NULL)
        return NULL;
    }
  self = g_object_new (SITREP_TYPE_EXTRACTOR, NULL);
  self->gazetteer = gazetteer;
  self->lexicon = sitrep_lexicon_get_default ();
  return self;
}

/* ---- Per-document state ---- */

typedef struct
{
  guint32 entry;        /* resolved gazetteer entry */
  gsize start;
  gsize end;
  gboolean region;      /* an oblast ("Kharkiv region", "Харківщина") */
  gboolean sector;      /* a front sector ("the Pokrovsk direction") */
  gboolean near;        /* "near X", "outskirts of X" */
  gboolean person;      /* the name of the sentence's source ("according to Gladkov") */
} Mention;

typedef struct
{
  gsize start;
  gsize end;
  guint paragraph;
  guint lex_first;
  guint n_lex;
  guint mention_first;
  guint n_mentions;

  gboolean has_trigger;
  SitrepEventKind kind;
  gboolean casualty;        /* a casualty figure with a loss word or a source */
  gboolean nonfactual;      /* background, analysis or speculation */
  gboolean anaphora;
  gboolean figure_ref;      /* "this figure", "these numbers" */
  gboolean verification;    /* "unconfirmed", "if accurate", "not yet confirmed" */
  gboolean dispute;
  gboolean dated;
  SitrepDateSpan date;
  gsize target_start;       /* a named facility; target_end 0 when none */
  gsize target_end;
  gboolean facility;
  GArray *figures;          /* SitrepFigure, claim_index -1 */
  gboolean reports_previous; /* "Про це повідомив X", "Об этом сообщил X" */
  gboolean military_losses;  /* "lost up to 500 servicemen": a casualty claim of its own */
  SitrepAttribution attribution;
} Sent;

typedef struct
{
  SitrepExtractor *self;
  SitrepDocument *doc;
  const char *text;
  gsize len;
  char *folded;
  gint32 published;
  GArray *lex;              /* SitrepLexMatch, whole document */
  GArray *mentions;         /* Mention, whole document */
  GArray *sents;            /* Sent */
  GPtrArray *events;
} Doc;

static void
sent_clear (Sent *s)
{
  g_clear_pointer (&s->figures, g_array_unref);
  sitrep_attribution_clear (&s->attribution);
}

static const SitrepLexMatch *
lex_at (Doc  *d,
        Sent *s,
        guint i)
{
  return &g_array_index (d->lex, SitrepLexMatch, s->lex_first + i);
}

static Mention *
mention_at (Doc  *d,
            Sent *s,
            guint i)
{
  return &g_array_index (d->mentions, Mention, s->mention_first + i);
}

static const SitrepGazetteerEntry *
entry_of (Doc     *d,
          guint32  id)
{
  return sitrep_gazetteer_get_entry (d->self->gazetteer, id);
}

/* ---- Places ---- */

static gboolean
word_is_title (const char *p,
               gsize       len)
{
  static const char *const titles[] = {
    "oblast", "region", "regional", "city", "mayor", "governor", "district", "raion", "people's",
    "people’s", "military", "administration", "council", "direction", "front", "axis", "sector",
    "province", "krai", "thermal", "nuclear", "power", "plant", "airport", "station",
    "reservoir", "river", "state", "national", "international", "hydroelectric", "oil",
    "refinery", "railway", "bridge", "sea", "port", "police", "prosecutor's", "operational",
    "group", "of", "and", "область", "области", "області", "району", "район", "районе", "районі",
    "ова", "ода", "вва", "оva", NULL
  };
  char buf[32];
  if (len >= sizeof buf)
    return FALSE;
  sitrep_text_fold (p, len, buf);
  buf[len] = '\0';
  for (const char *const *t = titles; *t != NULL; t++)
    if ((*t)[0] == buf[0] && strcmp (buf, *t) == 0)
      return TRUE;
  return FALSE;
}

/* Matches that are no places: a dateline ("KYIV, Nov 12 (Reuters)"), a nationality
 * ("Украинский беспилотник"), or part of a person's name ("Dmytro Pletenchuk"). */
static gboolean
not_a_place (Doc   *d,
             gsize  start,
             gsize  end)
{
  static const char *const adjectives[] = {
    "ukrain", "russia", "украин", "україн", "росси", "росій", "российск", "американ", "american",
    "europe", "western", "soviet", NULL
  };
  const char *t = d->text;
  gboolean all_caps = TRUE;
  gsize letters = 0;
  gsize p;

  for (const char *q = t + start; q < t + end; q = g_utf8_next_char (q))
    {
      gunichar u = g_utf8_get_char (q);
      if (g_unichar_isalpha (u))
        {
          letters++;
          if (!g_unichar_isupper (u))
            all_caps = FALSE;
        }
    }
  if (all_caps && letters >= 3)
    return TRUE;
  for (const char *const *a = adjectives; *a != NULL; a++)
    if (strncmp (d->folded + start, *a, strlen (*a)) == 0)
      return TRUE;
  /* function words the table knows as places ("Кроме" is no Crimea) */
  {
    static const char *const words[] = { "кроме", "крім", "также", "також", "после", "після", NULL };
    for (const char *const *w = words; *w != NULL; w++)
      if (end - start == strlen (*w) && memcmp (d->folded + start, *w, end - start) == 0)
        return TRUE;
  }
  /* "Курской, Белгородской и Брянской областей": adjectives of oblasts, not villages */
  {
    static const char *const endings[] = { "ской", "ської", "ских", "ських", "ского", "ського", NULL };
    for (const char *const *e = endings; *e != NULL; e++)
      {
        gsize l = strlen (*e);
        if (end - start > l && memcmp (d->folded + end - l, *e, l) == 0)
          return TRUE;
      }
  }

  /* The next word: "Dmytro Pletenchuk" */
  p = end;
  if (p < d->len && t[p] == ' ' && p + 1 < d->len &&
      sitrep_extract_is_capitalized (t + p + 1, t + d->len))
    {
      gsize q = p + 1, r, r2;
      while (q < d->len && sitrep_text_is_word_char (t + q, t + d->len))
        q += sitrep_text_char_len (t + q);
      /* "Петропавловка Харьковской области", "Izium Raion": the next word names the region */
      r = q;
      while (r < d->len && t[r] == ' ')
        r++;
      r2 = r;
      while (r2 < d->len && sitrep_text_is_word_char (t + r2, t + d->len))
        r2 += sitrep_text_char_len (t + r2);
      if (!word_is_title (t + p + 1, q - p - 1) && !(r2 > r && word_is_title (t + r, r2 - r)))
        return TRUE;
    }
  /* The word before, unless it opens the sentence: "Andrii Sadovyi" */
  if (start >= 2 && t[start - 1] == ' ')
    {
      gsize q = start - 1, ws;
      while (q > 0 && t[q - 1] == ' ')
        q--;
      ws = q;
      while (ws > 0 && sitrep_text_is_word_char (t + ws - 1, t + d->len))
        ws--;
      while (ws > 0 && (guchar) t[ws - 1] >= 0x80 && (guchar) t[ws - 1] < 0xc0)
        ws--;
      if (ws < q && sitrep_extract_is_capitalized (t + ws, t + q) && ws > 0 &&
          t[ws - 1] == ' ' && ws >= 2 && t[ws - 2] != '.' && t[ws - 2] != '\n' &&
          !word_is_title (t + ws, q - ws))
        {
          /* "Mayor Ihor Terekhov" has a title first; "in Lviv" has none of this. */
          return TRUE;
        }
    }
  return FALSE;
}

/* The most populous candidate (in admin1 when given) when it clearly dominates: a town of
 * 20,000 over villages of a few hundred. */
static guint32
most_populous (Doc                        *d,
               const SitrepGazetteerMatch *m,
               const char                 *admin1)
{
  guint32 best = G_MAXUINT32, second_pop = 0, best_pop = 0;
  for (guint i = 0; i < m->n_candidates; i++)
    {
      const SitrepGazetteerEntry *e = entry_of (d, m->candidates[i]);
      if (e == NULL || (admin1 != NULL && g_strcmp0 (e->admin1, admin1) != 0))
        continue;
      if (e->population > best_pop)
        {
          second_pop = best_pop;
          best_pop = e->population;
          best = m->candidates[i];
        }
      else if (e->population > second_pop)
        second_pop = e->population;
    }
  /* In the named oblast, a clear first by population; anywhere, a town of thousands over
   * villages. */
  if (best != G_MAXUINT32 && admin1 != NULL &&
      ((best_pop >= 500 && best_pop >= 2 * second_pop) || (second_pop == 0 && best_pop > 0)))
    return best;
  if (best != G_MAXUINT32 && admin1 == NULL && best_pop >= 5000 && best_pop >= 2 * second_pop)
    return best;
  if (admin1 != NULL)
    return most_populous (d, m, NULL);
  return G_MAXUINT32;
}

/* "в ДНР", "Donetsk People's Republic": Russian names of occupied oblasts, right after a
 * place name. */
static const char *
people_republic (Doc   *d,
                 gsize  after)
{
  static const struct { const char *folded; const char *oblast; } names[] = {
    { "днр", "Donetsk Oblast" }, { "донецкой народной республик", "Donetsk Oblast" },
    { "dpr", "Donetsk Oblast" }, { "donetsk people", "Donetsk Oblast" },
    { "лнр", "Luhansk Oblast" }, { "луганской народной республик", "Luhansk Oblast" },
    { "lpr", "Luhansk Oblast" }, { "luhansk people", "Luhansk Oblast" },
  };
  gsize limit = MIN (d->len, after + 12);
  for (gsize p = after; p < limit; p++)
    {
      /* every name starts with 'd', 'l' or a Cyrillic letter (0xd0 0xb4 д, 0xd0 0xbb л) */
      guchar c = (guchar) d->folded[p];
      if (c != 'd' && c != 'l' && c != 0xd0)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          gsize l = strlen (names[i].folded);
          if (d->len - p >= l && memcmp (d->folded + p, names[i].folded, l) == 0)
            return names[i].oblast;
        }
    }
  return NULL;
}

static void
find_places (Doc *d)
{
  g_autoptr (GArray) matches = sitrep_gazetteer_scan (d->self->gazetteer, d->text, d->len);
  g_autoptr (GArray) context = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *hint = NULL;
  const char *local_hint = NULL;
  guint li = 0;

  /* The oblast named first in the text, and every unambiguous place, help to pick among
   * several places of one name. */
  for (guint i = 0; i < matches->len; i++)
    {
      SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, i);
      if (m->n_candidates == 1)
        {
          const SitrepGazetteerEntry *e = entry_of (d, m->candidates[0]);
          g_array_append_val (context, m->candidates[0]);
          if (hint == NULL && e != NULL && e->feature == SITREP_GAZETTEER_REGION)
            hint = e->admin1;
        }
    }

  for (guint i = 0; i < matches->len; i++)
    {
      SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, i);
      Mention mention = { 0 };
      const SitrepGazetteerEntry *e;
      guint32 id;

      /* Place names are capitalised; a lower-case match is a common word. */
      if (!sitrep_extract_is_capitalized (d->text + m->start, d->text + d->len))
        continue;
      if (not_a_place (d, m->start, m->end))
        continue;
      /* "Октябрьский Белгородской области": the oblast right after the name decides. */
      local_hint = NULL;
      {
        const char *own_hint = NULL;
        if (i + 1 < matches->len)
          {
            SitrepGazetteerMatch *n = &g_array_index (matches, SitrepGazetteerMatch, i + 1);
            const SitrepGazetteerEntry *ne = n->n_candidates == 1 ? entry_of (d, n->candidates[0]) : NULL;
            if (n->start <= m->end + 2 && ne != NULL && ne->feature == SITREP_GAZETTEER_REGION)
              own_hint = ne->admin1;
          }
        if (own_hint == NULL)
          own_hint = people_republic (d, m->end);
        local_hint = own_hint;
        id = sitrep_gazetteer_resolve (d->self->gazetteer, m, own_hint ? own_hint : hint,
                                       (const guint32 *) context->data, context->len);
        if (own_hint != NULL && id != G_MAXUINT32 && g_strcmp0 (entry_of (d, id)->admin1, own_hint) != 0)
          continue;
      }
      if (id == G_MAXUINT32)
        id = most_populous (d, m, local_hint ? local_hint : hint);
      if (id == G_MAXUINT32 && local_hint != NULL)
        {
          /* Still several of that name in the oblast named right after it: the oblast is
           * known. */
          g_autoptr (GArray) regions = sitrep_gazetteer_lookup (d->self->gazetteer, local_hint, NULL);
          for (guint r = 0; regions != NULL && r < regions->len && id == G_MAXUINT32; r++)
            {
              guint32 rid = g_array_index (regions, guint32, r);
              const SitrepGazetteerEntry *re = entry_of (d, rid);
              if (re != NULL && re->feature == SITREP_GAZETTEER_REGION)
                id = rid;
            }
        }
      if (id == G_MAXUINT32)
        continue;
      e = entry_of (d, id);
      if (e == NULL || (e->feature != SITREP_GAZETTEER_SETTLEMENT &&
                        e->feature != SITREP_GAZETTEER_REGION &&
                        e->feature != SITREP_GAZETTEER_DISTRICT))
        continue;
      mention.entry = id;
      mention.start = m->start;
      mention.end = m->end;
      mention.region = e->feature == SITREP_GAZETTEER_REGION;

      /* Lexicon words next to it: "X region", "X direction", "near X". */
      while (li < d->lex->len && g_array_index (d->lex, SitrepLexMatch, li).end <= m->start - MIN (m->start, 40))
        li++;
      for (guint k = li; k < d->lex->len; k++)
        {
          const SitrepLexMatch *lm = &g_array_index (d->lex, SitrepLexMatch, k);
          if (lm->start > m->end + 12)
            break;
          if (lm->entry->category == SITREP_LEX_REGION && lm->start >= m->end && lm->start <= m->end + 2)
            {
              if (lm->entry->value == 1)
                mention.region = TRUE;
              else
                mention.sector = TRUE;
              mention.end = lm->end;
            }
          if (lm->entry->category == SITREP_LEX_NEAR && lm->end <= m->start && lm->end + 40 >= m->start)
            {
              /* only "the" or spaces between */
              g_autofree char *gap = g_strndup (d->folded + lm->end, m->start - lm->end);
              static const char *const gaps[] = {
                "", "the", "the town of", "the village of", "the city of", "town of", "village of",
                "the settlement of", "settlement of", "the frontline town of", "the front-line town of",
                "села", "селища", "міста", "поселка", "села", "города", "населенного пункта",
                "населеного пункту", NULL
              };
              g_strstrip (gap);
              for (const char *const *g = gaps; *g != NULL; g++)
                if (strcmp (gap, *g) == 0)
                  mention.near = TRUE;
            }
        }
      /* "the Kharkiv region": a region mention of a city name means its oblast. */
      if (mention.region && e->feature != SITREP_GAZETTEER_REGION && e->admin1 != NULL)
        {
          g_autoptr (GArray) regions = sitrep_gazetteer_lookup (d->self->gazetteer, e->admin1, NULL);
          if (regions != NULL)
            for (guint r = 0; r < regions->len; r++)
              {
                guint32 rid = g_array_index (regions, guint32, r);
                const SitrepGazetteerEntry *re = entry_of (d, rid);
                if (re != NULL && re->feature == SITREP_GAZETTEER_REGION)
                  {
                    mention.entry = rid;
                    break;
                  }
              }
        }
      if (e->feature == SITREP_GAZETTEER_DISTRICT)
        mention.region = TRUE;
      g_array_append_val (d->mentions, mention);
    }
}

/* ---- Sentence analysis ---- */

static gboolean
inside_category (Doc                  *d,
                 Sent                 *s,
                 const SitrepLexMatch *m,
                 SitrepLexCategory     category)
{
  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *o = lex_at (d, s, i);
      if (o->entry->category == category && o->start <= m->start && m->end <= o->end)
        return TRUE;
    }
  return FALSE;
}

static SitrepEventKind
pick_kind (Doc  *d,
           Sent *s)
{
  gboolean has[SITREP_N_KINDS] = { FALSE };
  SitrepEventKind weapon = SITREP_KIND_OTHER;
  static const SitrepEventKind order[] = {
    SITREP_KIND_MISSILE_STRIKE, SITREP_KIND_AIR_STRIKE, SITREP_KIND_DRONE_STRIKE,
    SITREP_KIND_SHELLING,
  };

  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      if (lm->entry->category == SITREP_LEX_TRIGGER &&
          !inside_category (d, s, lm, SITREP_LEX_ANAPHORA))
        has[lm->entry->value] = TRUE;
      else if (lm->entry->category == SITREP_LEX_WEAPON && weapon == SITREP_KIND_OTHER)
        weapon = lm->entry->value;
    }
  if (has[SITREP_KIND_CAPTURE])
    return SITREP_KIND_CAPTURE;
  if (weapon != SITREP_KIND_OTHER)
    return weapon;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (has[order[i]])
      return order[i];
  /* Ground fighting: the first that the sentence says ("have advanced ..., adding that
   * fighting was ongoing"), clashes over a generic "attack". */
  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      if (lm->entry->category == SITREP_LEX_TRIGGER &&
          (lm->entry->value == SITREP_KIND_CLASH || lm->entry->value == SITREP_KIND_ADVANCE))
        return lm->entry->value;
    }
  if (has[SITREP_KIND_STRIKE])
    return SITREP_KIND_STRIKE;
  if (has[SITREP_KIND_OFFENSIVE])
    return SITREP_KIND_OFFENSIVE;
  return SITREP_KIND_OTHER;
}


static gboolean
is_demonym (const char *p,
            gsize       len)
{
  static const char *const words[] = { "Ukrainian", "Russian", "Ukraine's", "Russia's",
                                       "Ukraine’s", "Russia’s", "The", "A", "An", "In", "On",
                                       "Українськ", "Російськ", "Украинск", "Российск", NULL };
  for (const char *const *w = words; *w != NULL; w++)
    if (len >= strlen (*w) && strncmp (p, *w, strlen (*w)) == 0 &&
        (strlen (*w) > 4 || len == strlen (*w)))
      return TRUE;
  return FALSE;
}

/* A named facility: capitalised words right before the facility word ("the Artyan-Kalor
 * factory", "Zaporizhzhia nuclear power plant"), or a quoted name after it ("завод
 * «Азот»"). */
static void
find_target (Doc  *d,
             Sent *s)
{
  const char *t = d->text;

  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      gsize a, run_start = 0;
      guint lower = 0;
      gboolean place_run = FALSE;

      if (lm->entry->category != SITREP_LEX_FACILITY)
        continue;
      s->facility = TRUE;
      a = lm->start;
      /* walk back over words */
      while (a > s->start)
        {
          gsize we = a, ws;
          while (we > s->start && t[we - 1] == ' ')
            we--;
          if (we == a || we == s->start)
            break;
          ws = we;
          while (ws > s->start && t[ws - 1] != ' ' && t[ws - 1] != ',' && t[ws - 1] != '(' &&
                 t[ws - 1] != '"')
            ws--;
          if (ws == we)
            break;
          if (sitrep_extract_is_capitalized (t + ws, t + we) && !is_demonym (t + ws, we - ws) &&
              !(ws == s->start && we - ws <= 3))
            {
              run_start = ws;
              for (guint k = 0; k < s->n_mentions; k++)
                if (mention_at (d, s, k)->start == ws)
                  place_run = TRUE;
              a = ws;
              continue;
            }
          if (run_start == 0 && lower < 2 && !sitrep_extract_is_capitalized (t + ws, t + we) &&
              g_unichar_isalpha (g_utf8_get_char (t + ws)) && we - ws > 3)
            {
              /* a modifier ("nuclear power plant") is kept only after a place name */
              lower++;
              a = ws;
              continue;
            }
          break;
        }
      if (run_start != 0 && (lower == 0 || place_run))
        {
          gsize start = run_start;
          /* drop lower-case modifiers collected before the run */
          s->target_start = start;
          s->target_end = lm->end;
          return;
        }
      /* «Name» or "Name" after the facility word */
      {
        gsize p = lm->end;
        while (p < s->end && t[p] == ' ')
          p++;
        if (p + 2 < s->end && ((guchar) t[p] == 0xc2 && (guchar) t[p + 1] == 0xab))
          {
            const char *close = g_strstr_len (t + p, s->end - p, "»");
            if (close != NULL && close - (t + p) < 80)
              {
                s->target_start = lm->start;
                s->target_end = (close - t) + 2;
                return;
              }
          }
        if (p < s->end && (t[p] == '"' || (p + 2 < s->end && (guchar) t[p] == 0xe2 &&
                                           (guchar) t[p + 1] == 0x80 && (guchar) t[p + 2] == 0x9c)))
          {
            gsize q = p + (t[p] == '"' ? 1 : 3);
            while (q < s->end && t[q] != '"' && !((guchar) t[q] == 0xe2 && q + 2 < s->end &&
                                                 (guchar) t[q + 2] == 0x9d))
              q++;
            if (q < s->end && q - p < 80 && sitrep_extract_is_capitalized (t + p + (t[p] == '"' ? 1 : 3), t + q))
              {
                s->target_start = lm->start;
                s->target_end = q + (t[q] == '"' ? 1 : 3);
                return;
              }
          }
      }
    }
}

static void
analyse_sentence (Doc  *d,
                  Sent *s)
{
  g_autoptr (GArray) dates = NULL;
  g_autoptr (GArray) skip = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean spec = FALSE, background = FALSE, loss = FALSE, attributed_words = FALSE;
  gboolean hedge = FALSE;
  SitrepSentenceView view = { d->text, d->folded, s->start, s->end,
                              s->n_lex ? lex_at (d, s, 0) : NULL, s->n_lex };

  /* Dates: only where a digit or a date word is (most sentences have neither). */
  {
    gboolean wanted = FALSE;
    for (gsize i = s->start; i < s->end && !wanted; i++)
      wanted = g_ascii_isdigit (d->text[i]);
    for (guint i = 0; i < s->n_lex && !wanted; i++)
      wanted = lex_at (d, s, i)->entry->category == SITREP_LEX_DATE;
    if (wanted)
      dates = sitrep_dates_scan_folded (d->folded + s->start, s->end - s->start, d->published);
    else
      dates = g_array_new (FALSE, TRUE, sizeof (SitrepDateSpan));
  }
  for (guint i = 0; i < dates->len; i++)
    {
      SitrepDateSpan *sp = &g_array_index (dates, SitrepDateSpan, i);
      gsize a = s->start + sp->match_start, b = s->start + sp->match_end;
      g_array_append_val (skip, a);
      g_array_append_val (skip, b);
    }
  memset (&s->date, 0, sizeof s->date);
  if (sitrep_dates_pick (dates, &s->date))
    s->dated = s->date.dated;

  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      gboolean in_date = FALSE;
      for (guint k = 0; k + 1 < skip->len; k += 2)
        if (lm->start < g_array_index (skip, gsize, k + 1) && lm->end > g_array_index (skip, gsize, k))
          in_date = TRUE;
      switch (lm->entry->category)
        {
        case SITREP_LEX_TRIGGER:
        case SITREP_LEX_WEAPON:
          /* "the strike" refers to an event, it does not report one */
          if (!in_date && !inside_category (d, s, lm, SITREP_LEX_ANAPHORA))
            s->has_trigger = TRUE;
          break;
        case SITREP_LEX_SPECULATION:
          if (!in_date && !inside_category (d, s, lm, SITREP_LEX_HEDGE))
            spec = TRUE;
          break;
        case SITREP_LEX_BACKGROUND:
          background = TRUE;
          break;
        case SITREP_LEX_ANAPHORA:
          s->anaphora = TRUE;
          if (strstr (lm->entry->phrase, "figure") || strstr (lm->entry->phrase, "number") ||
              strstr (lm->entry->phrase, "claim") || strstr (lm->entry->phrase, "дані") ||
              strstr (lm->entry->phrase, "данные") || strstr (lm->entry->phrase, "losses") ||
              strstr (lm->entry->phrase, "toll"))
            s->figure_ref = TRUE;
          break;
        case SITREP_LEX_HEDGE:
          hedge = TRUE;
          if (strstr (lm->entry->phrase, "confirm") || strstr (lm->entry->phrase, "verif") ||
              strstr (lm->entry->phrase, "accurate") || strstr (lm->entry->phrase, "if ") ||
              strstr (lm->entry->phrase, "acknowledged") || strstr (lm->entry->phrase, "підтвердж") ||
              strstr (lm->entry->phrase, "подтвержд") || strstr (lm->entry->phrase, "перевір") ||
              strstr (lm->entry->phrase, "провер") || strstr (lm->entry->phrase, "unclear"))
            s->verification = TRUE;
          break;
        case SITREP_LEX_DISPUTE:
          s->dispute = TRUE;
          break;
        case SITREP_LEX_LOSS:
          loss = TRUE;
          break;
        case SITREP_LEX_ATTR_VERB:
        case SITREP_LEX_ATTR_PREP:
          attributed_words = TRUE;
          break;
        default:
          break;
        }
    }
  (void) hedge;
  /* A precise, recent date makes an event of a sentence that also says something general
   * ("Russian forces, which often shell the town, struck it on Monday"); "since February
   * 2022" does not. */
  {
    gboolean precise = s->dated && (s->date.precision == SITREP_TIME_PRECISION_DAY ||
                                    s->date.precision == SITREP_TIME_PRECISION_TIME ||
                                    (s->date.precision == SITREP_TIME_PRECISION_RANGE &&
                                     s->date.end_day - s->date.start_day <= 7)) &&
                       s->date.end_day >= d->published - 60;
    s->nonfactual = (spec || background) && !precise;
  }
  if (s->has_trigger)
    s->kind = pick_kind (d, s);

  s->figures = g_array_new (FALSE, TRUE, sizeof (SitrepFigure));
  g_array_set_clear_func (s->figures, (GDestroyNotify) sitrep_figure_clear);
  sitrep_figures_parse (&view, (const gsize *) skip->data, skip->len / 2, s->figures);
  for (guint i = 0; i < s->figures->len; i++)
    {
      SitrepFigure *f = &g_array_index (s->figures, SitrepFigure, i);
      /* "lost up to 500 servicemen", "втратили 1 530 військовослужбовців" */
      if (f->kind == SITREP_FIGURE_TROOPS && loss)
        {
          f->kind = SITREP_FIGURE_CASUALTIES;
          s->military_losses = TRUE;
        }
      if ((f->kind == SITREP_FIGURE_KILLED || f->kind == SITREP_FIGURE_WOUNDED ||
           f->kind == SITREP_FIGURE_CASUALTIES || f->kind == SITREP_FIGURE_CAPTURED) &&
          (loss || attributed_words))
        s->casualty = TRUE;
    }
  sitrep_attribution_parse (&view, &s->attribution);
  if (s->attribution.attributed_to != NULL)
    for (guint i = 0; i < s->n_mentions; i++)
      {
        Mention *m = mention_at (d, s, i);
        g_autofree char *written = NULL;
        if (m->start < s->attribution.source_start || m->end > s->attribution.source_end)
          continue;
        written = g_strndup (d->text + m->start, m->end - m->start);
        /* the whole name, not the oblast of "Sumy Oblast Military Administration" */
        if (strcmp (s->attribution.attributed_to, written) == 0 ||
            (strstr (s->attribution.attributed_to, written) != NULL &&
             !strstr (s->attribution.attributed_to, "Oblast") &&
             !strstr (s->attribution.attributed_to, "обл") && !m->region))
          m->person = TRUE;
      }
  find_target (d, s);

  /* "Про це повідомила ОВА." / "Об этом сообщил губернатор." / "This was reported by X." */
  {
    static const char *const openers[] = {
      "про це ", "об этом ", "this was reported by", "this was announced by", "це повідомив",
      "це повідомила", "це повідомили", "это сообщил", NULL
    };
    for (const char *const *o = openers; *o != NULL; o++)
      if (s->end - s->start > strlen (*o) && strncmp (d->folded + s->start, *o, strlen (*o)) == 0)
        s->reports_previous = TRUE;
  }
}

/* ---- Claims ---- */

static SitrepClaim *
make_claim (Doc  *d,
            Sent *s)
{
  SitrepClaim *claim = sitrep_claim_new ();
  const SitrepAttribution *attribution = &s->attribution;
  g_autoptr (GPtrArray) cues = g_ptr_array_new ();
  gboolean hedged = FALSE, disputed = FALSE;

  claim->span_start = s->start;
  claim->span_end = s->end;
  claim->quote = g_strndup (d->text + s->start, s->end - s->start);

  claim->attributed_to = g_strdup (attribution->attributed_to);
  claim->role = g_strdup (attribution->role);
  claim->affiliation = g_strdup (attribution->affiliation);
  claim->source_kind = attribution->source_kind;

  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      if (lm->entry->category != SITREP_LEX_HEDGE && lm->entry->category != SITREP_LEX_DISPUTE)
        continue;
      /* "claimed" as a verb of a named official is attribution, not a hedge, when the
       * sentence has no other cue; keep it as a cue all the same: it is distancing. */
      if (lm->entry->category == SITREP_LEX_DISPUTE)
        disputed = TRUE;
      else
        hedged = TRUE;
      {
        char *cue = g_strndup (d->text + lm->start, lm->end - lm->start);
        gboolean dup = FALSE;
        for (guint k = 0; k < cues->len; k++)
          if (strcmp (g_ptr_array_index (cues, k), cue) == 0)
            dup = TRUE;
        if (dup)
          g_free (cue);
        else
          g_ptr_array_add (cues, cue);
      }
    }
  g_ptr_array_add (cues, NULL);
  g_strfreev (claim->cues);
  claim->cues = (GStrv) g_ptr_array_free (g_steal_pointer (&cues), FALSE);

  if (disputed)
    claim->hedging = SITREP_HEDGING_DISPUTED;
  else if (hedged)
    claim->hedging = SITREP_HEDGING_HEDGED;
  else if (attribution->attributed)
    claim->hedging = SITREP_HEDGING_ATTRIBUTED;
  else
    claim->hedging = SITREP_HEDGING_ASSERTED;

  claim->outlet = g_strdup (d->doc->outlet);
  claim->url = g_strdup (d->doc->url);
  claim->published = d->doc->published;
  return claim;
}

/* ---- Events ---- */

typedef struct
{
  SitrepEvent *event;
  guint last_sentence;
  guint32 place_entry;      /* G_MAXUINT32 none */
  gboolean dated;
  SitrepDateSpan date;
} Open;

static void
set_date (Doc                  *d,
          SitrepEvent          *ev,
          const SitrepDateSpan *date,
          gboolean              dated)
{
  if (!dated || date == NULL)
    {
      ev->start = (gint64) d->published * 86400;
      ev->end = ev->start + 86400;
      ev->time_precision = SITREP_TIME_PRECISION_REPORTED;
      ev->time_of_day = date != NULL ? date->time_of_day : SITREP_TIME_OF_DAY_NONE;
      return;
    }
  ev->start = (gint64) date->start_day * 86400;
  ev->end = ((gint64) date->end_day + 1) * 86400;
  ev->time_precision = date->precision;
  ev->time_of_day = date->time_of_day;
  if (date->precision == SITREP_TIME_PRECISION_TIME && date->hour >= 0)
    ev->start += date->hour * 3600 + MAX (date->minute, 0) * 60;
}

static SitrepPlace *
place_from_entry (Doc     *d,
                  guint32  id)
{
  const SitrepGazetteerEntry *e = entry_of (d, id);
  SitrepPlace *place = sitrep_place_new ();

  if (e->geonameid != 0)
    place->gazetteer_id = g_strdup_printf ("geonames:%u", e->geonameid);
  else if (e->katottg != NULL)
    place->gazetteer_id = g_strdup_printf ("katottg:%s", e->katottg);
  place->name = g_strdup (e->name);
  place->name_uk = g_strdup (e->name_uk);
  place->name_ru = g_strdup (e->name_ru);
  place->lat = e->lat;
  place->lon = e->lon;
  place->admin1 = g_strdup (e->admin1);
  place->admin2 = g_strdup (e->admin2);
  place->country = g_strdup (e->country);
  return place;
}

/* The last settlement (or region) named before sentence index si. */
static const Mention *
last_mention_before (Doc      *d,
                     guint     si,
                     gboolean  want_region)
{
  Sent *s = &g_array_index (d->sents, Sent, si);
  for (guint i = s->mention_first; i > 0; i--)
    {
      const Mention *m = &g_array_index (d->mentions, Mention, i - 1);
      if (m->person)
        continue;
      if (want_region ? TRUE : (!m->region && !m->sector))
        return m;
    }
  return NULL;
}

static guint32
sentence_settlement (Doc  *d,
                     Sent *s)
{
  for (guint i = 0; i < s->n_mentions; i++)
    {
      Mention *m = mention_at (d, s, i);
      if (!m->region && !m->sector && !m->person)
        return m->entry;
    }
  return G_MAXUINT32;
}

static void
set_place (Doc           *d,
           guint          si,
           SitrepEvent   *ev,
           Open          *open,
           const Mention *forced)
{
  Sent *s = &g_array_index (d->sents, Sent, si);
  const Mention *chosen = forced;
  gboolean inherited = FALSE;
  int precision = 1;

  for (guint i = 0; i < s->n_mentions && chosen == NULL; i++)
    if (!mention_at (d, s, i)->region && !mention_at (d, s, i)->sector && !mention_at (d, s, i)->person)
      chosen = mention_at (d, s, i);
  for (guint i = 0; i < s->n_mentions && chosen == NULL; i++)
    if (mention_at (d, s, i)->sector && !mention_at (d, s, i)->person)
      chosen = mention_at (d, s, i);
  for (guint i = 0; i < s->n_mentions && chosen == NULL; i++)
    if (!mention_at (d, s, i)->person)
      chosen = mention_at (d, s, i);

  if (chosen == NULL && s->has_trigger && !s->military_losses && (s->target_end > 0 || s->anaphora))
    {
      chosen = last_mention_before (d, si, FALSE);
      inherited = chosen != NULL;
    }
  if (chosen == NULL && s->has_trigger && !s->military_losses)
    {
      /* A strike with no place of its own happened in the area the article is about; a
       * casualty claim over a whole front does not. */
      chosen = last_mention_before (d, si, TRUE);
      if (chosen != NULL && !chosen->region && !chosen->sector)
        {
          /* only the oblast of the last settlement is known */
          const SitrepGazetteerEntry *e = entry_of (d, chosen->entry);
          ev->geo_precision = SITREP_GEO_PRECISION_REGION;
          ev->admin1 = g_strdup (e->admin1);
          ev->lat = e->lat;
          ev->lon = e->lon;
          open->place_entry = G_MAXUINT32;
          return;
        }
      inherited = TRUE;
    }
  if (chosen == NULL)
    {
      ev->geo_precision = SITREP_GEO_PRECISION_REGION;
      ev->lat = 0;
      ev->lon = 0;
      open->place_entry = G_MAXUINT32;
      return;
    }

  {
    const SitrepGazetteerEntry *e = entry_of (d, chosen->entry);
    if (chosen->region || chosen->sector)
      precision = 3;
    else if (chosen->near || s->target_end > 0 || (inherited && s->facility))
      precision = 2;
    ev->geo_precision = precision;
    ev->lat = e->lat;
    ev->lon = e->lon;
    ev->admin1 = g_strdup (e->admin1);
    if (!inherited)
      ev->place_as_written = g_strndup (d->text + chosen->start, chosen->end - chosen->start);
    if (precision < 3)
      {
        ev->place = place_from_entry (d, chosen->entry);
        if (inherited)
          ev->place_as_written = g_strndup (d->text + chosen->start, chosen->end - chosen->start);
        open->place_entry = chosen->entry;
      }
    else
      open->place_entry = G_MAXUINT32;
  }
}

static void
add_weapons_actors (Doc         *d,
                    Sent        *s,
                    SitrepEvent *ev,
                    gboolean     actors)
{
  for (guint i = 0; i < s->n_lex; i++)
    {
      const SitrepLexMatch *lm = lex_at (d, s, i);
      if (lm->entry->category == SITREP_LEX_WEAPON)
        {
          gboolean dup = FALSE;
          for (guint k = 0; k < ev->weapons->len; k++)
            if (strcmp (g_ptr_array_index (ev->weapons, k), lm->entry->canon) == 0)
              dup = TRUE;
          if (!dup)
            g_ptr_array_add (ev->weapons, g_strdup (lm->entry->canon));
        }
      else if (actors && lm->entry->category == SITREP_LEX_ACTOR)
        {
          SitrepActor a = { 0 };
          gboolean dup = FALSE;
          for (guint k = 0; k < ev->actors->len; k++)
            if (strcmp (g_array_index (ev->actors, SitrepActor, k).name, lm->entry->canon) == 0)
              dup = TRUE;
          if (dup)
            continue;
          a.name = g_strdup (lm->entry->canon);
          a.side = g_strdup (lm->entry->value == 1 ? "Russia" : "Ukraine");
          a.role = g_strdup (ev->actors->len == 0 ? "actor1" : "actor2");
          g_array_append_val (ev->actors, a);
        }
    }
}

/* "Гладкова" (genitive) is "Вячеслав Гладков"; "Syniehubov" is "Oleh Syniehubov". */
static gboolean
same_person (const char *full,
             const char *name)
{
  g_autofree char *stem = NULL;
  glong n = g_utf8_strlen (name, -1);
  if (strstr (full, name) != NULL)
    return TRUE;
  if (n < 5)
    return FALSE;
  stem = g_utf8_substring (name, 0, n - 1);
  return strstr (full, stem) != NULL;
}

static gboolean
refers_back (Doc  *d,
             Sent *s)
{
  return s->attribution.refers_back;
}

/* "Про це повідомила обласна адміністрація": the source of the sentence before. */
static void
attribute_previous (Doc  *d,
                    Sent *s,
                    Open *open,
                    guint si)
{
  const SitrepAttribution *a = &s->attribution;
  SitrepClaim *prev;

  if (open == NULL || open->last_sentence + 1 != si || open->event->claims->len == 0)
    return;
  prev = g_ptr_array_index (open->event->claims, open->event->claims->len - 1);
  if (a->attributed && prev->attributed_to == NULL && prev->source_kind == SITREP_SOURCE_MEDIA)
    {
      prev->source_kind = a->source_kind;
      prev->attributed_to = g_strdup (a->attributed_to);
      g_free (prev->role);
      prev->role = g_strdup (a->role);
      g_free (prev->affiliation);
      prev->affiliation = g_strdup (a->affiliation);
      if (prev->hedging == SITREP_HEDGING_ASSERTED)
        prev->hedging = SITREP_HEDGING_ATTRIBUTED;
      open->last_sentence = si;
    }
}

static void
attach (Doc  *d,
        guint si,
        Open *open)
{
  Sent *s = &g_array_index (d->sents, Sent, si);
  SitrepEvent *ev = open->event;
  SitrepClaim *claim = make_claim (d, s);
  int index = ev->claims->len;

  /* "Syniehubov wrote" after "governor Oleh Syniehubov said": the same person, the same kind. */
  if (claim->attributed_to != NULL && index > 0)
    for (int c = index - 1; c >= 0; c--)
      {
        SitrepClaim *prev = g_ptr_array_index (ev->claims, c);
        if (prev->attributed_to != NULL && same_person (prev->attributed_to, claim->attributed_to))
          {
            if (claim->role == NULL)
              {
                claim->source_kind = prev->source_kind;
                claim->role = g_strdup (prev->role);
              }
            if (claim->affiliation == NULL)
              claim->affiliation = g_strdup (prev->affiliation);
            break;
          }
      }

  /* "he said", "за його словами", "the spokesperson said": the source of the claim before. */
  if (claim->attributed_to == NULL && index > 0 && refers_back (d, s))
    for (int c = index - 1; c >= 0; c--)
      {
        SitrepClaim *prev = g_ptr_array_index (ev->claims, c);
        if (prev->source_kind == SITREP_SOURCE_MEDIA && prev->attributed_to == NULL)
          continue;
        claim->source_kind = prev->source_kind;
        claim->attributed_to = g_strdup (prev->attributed_to);
        g_free (claim->role);
        claim->role = g_strdup (prev->role);
        g_free (claim->affiliation);
        claim->affiliation = g_strdup (prev->affiliation);
        if (claim->hedging == SITREP_HEDGING_ASSERTED)
          claim->hedging = SITREP_HEDGING_ATTRIBUTED;
        break;
      }

  g_ptr_array_add (ev->claims, claim);
  for (guint i = 0; i < s->figures->len; i++)
    {
      SitrepFigure f = g_array_index (s->figures, SitrepFigure, i);
      f.qualifier = g_strdup (f.qualifier);
      f.claim_index = index;
      g_array_append_val (ev->figures, f);
    }
  add_weapons_actors (d, s, ev, FALSE);
  if (open->last_sentence < si)
    open->last_sentence = si;

  /* A continuation can make a generic strike specific, or date an undated one. */
  if (s->has_trigger && (ev->kind == SITREP_KIND_STRIKE || ev->kind == SITREP_KIND_OTHER) &&
      (s->kind == SITREP_KIND_SHELLING || s->kind == SITREP_KIND_AIR_STRIKE ||
       s->kind == SITREP_KIND_DRONE_STRIKE || s->kind == SITREP_KIND_MISSILE_STRIKE))
    ev->kind = s->kind;
  if (!open->dated && s->dated && !s->nonfactual)
    {
      open->dated = TRUE;
      open->date = s->date;
      set_date (d, ev, &s->date, TRUE);
    }
  if (ev->target == NULL && s->target_end > 0)
    ev->target = g_strndup (d->text + s->target_start, s->target_end - s->target_start);

  /* "This figure, if accurate, ...": the outlet hedges the claim that gave the figure. */
  if (s->figure_ref && s->verification && index > 0)
    for (int c = 0; c < index; c++)
      {
        SitrepClaim *prev = g_ptr_array_index (ev->claims, c);
        gboolean has_figure = FALSE;
        for (guint f = 0; f < ev->figures->len; f++)
          if (g_array_index (ev->figures, SitrepFigure, f).claim_index == c)
            has_figure = TRUE;
        if (!has_figure || prev->hedging >= SITREP_HEDGING_HEDGED)
          continue;
        prev->hedging = SITREP_HEDGING_HEDGED;
        {
          GPtrArray *cues = g_ptr_array_new ();
          for (char **p = prev->cues; p && *p; p++)
            g_ptr_array_add (cues, g_strdup (*p));
          for (guint i = 0; i < s->n_lex; i++)
            {
              const SitrepLexMatch *lm = lex_at (d, s, i);
              if (lm->entry->category == SITREP_LEX_HEDGE)
                g_ptr_array_add (cues, g_strndup (d->text + lm->start, lm->end - lm->start));
            }
          g_ptr_array_add (cues, NULL);
          g_strfreev (prev->cues);
          prev->cues = (GStrv) g_ptr_array_free (cues, FALSE);
        }
      }
}

static void
open_event (Doc           *d,
            guint          si,
            Open          *open,
            const Mention *forced)
{
  Sent *s = &g_array_index (d->sents, Sent, si);
  SitrepEvent *ev = sitrep_event_new ();

  open->event = ev;
  open->last_sentence = si;
  open->dated = s->dated;
  open->date = s->date;
  open->place_entry = G_MAXUINT32;

  ev->kind = s->has_trigger && !s->military_losses ? s->kind : SITREP_KIND_CASUALTY_CLAIM;
  if (ev->kind == SITREP_KIND_OTHER && s->casualty)
    ev->kind = SITREP_KIND_CASUALTY_CLAIM;
  ev->sub_kind = g_strdup (sitrep_event_kind_acled_sub_type (ev->kind));
  set_date (d, ev, &s->date, s->dated);
  if (!s->dated && s->date.time_of_day != SITREP_TIME_OF_DAY_NONE)
    ev->time_of_day = s->date.time_of_day;
  set_place (d, si, ev, open, forced);
  if (s->target_end > 0)
    ev->target = g_strndup (d->text + s->target_start, s->target_end - s->target_start);
  add_weapons_actors (d, s, ev, TRUE);
  g_ptr_array_add (d->events, ev);
  attach (d, si, open);
}

/* 1 remote violence, 2 ground fighting, 0 other */
static int
family (SitrepEventKind k)
{
  if (k >= SITREP_KIND_SHELLING && k <= SITREP_KIND_STRIKE)
    return 1;
  if (k >= SITREP_KIND_CLASH && k <= SITREP_KIND_CAPTURE)
    return 2;
  return 0;
}

/* Settlements named as a list ("Kupiansk, Vovchansk and Izium"): two or more, with only a
 * comma or "and" between them. */
static GPtrArray *
listed_places (Doc  *d,
               Sent *s)
{
  static const char *const joins[] = { ",", "and", ", and", "і", "и", "та", "й", ", і", ", и",
                                       ", та", "as well as", "or", "або", "или", NULL };
  GPtrArray *out = g_ptr_array_new ();
  const Mention *prev = NULL;

  for (guint i = 0; i < s->n_mentions; i++)
    {
      const Mention *m = mention_at (d, s, i);
      if (m->region || m->sector || m->person)
        continue;
      if (prev != NULL)
        {
          g_autofree char *gap = g_strndup (d->folded + prev->end, m->start - prev->end);
          gboolean joined = FALSE;
          g_strstrip (gap);
          for (const char *const *j = joins; *j != NULL; j++)
            if (strcmp (gap, *j) == 0)
              joined = TRUE;
          if (!joined)
            {
              if (out->len >= 2)
                break;
              g_ptr_array_set_size (out, 0);
            }
        }
      if (out->len == 0 && prev != NULL)
        {
          /* keep the start of a new run */
        }
      if (out->len < 12 && (out->len == 0 || ((const Mention *) g_ptr_array_index (out, out->len - 1))->entry != m->entry))
        g_ptr_array_add (out, (gpointer) m);
      prev = m;
    }
  if (out->len < 2)
    g_ptr_array_set_size (out, 0);
  return out;
}

static gboolean
kinds_compatible (SitrepEventKind a,
                  SitrepEventKind b)
{
  if (a == b || a == SITREP_KIND_STRIKE || b == SITREP_KIND_STRIKE || a == SITREP_KIND_OTHER ||
      b == SITREP_KIND_OTHER)
    return TRUE;
  /* remote violence goes together, ground fighting goes together */
  if (a >= SITREP_KIND_SHELLING && a <= SITREP_KIND_STRIKE && b >= SITREP_KIND_SHELLING &&
      b <= SITREP_KIND_STRIKE)
    return TRUE;
  if (a >= SITREP_KIND_CLASH && a <= SITREP_KIND_CAPTURE && b >= SITREP_KIND_CLASH &&
      b <= SITREP_KIND_CAPTURE)
    return TRUE;
  /* an offensive carried out with shelling */
  if (a == SITREP_KIND_OFFENSIVE || b == SITREP_KIND_OFFENSIVE)
    return TRUE;
  return FALSE;
}

static guint
places_in (Doc  *d,
           Sent *s)
{
  guint n = 0;
  for (guint i = 0; i < s->n_mentions; i++)
    if (!mention_at (d, s, i)->person)
      n++;
  return n;
}

static gboolean
date_conflicts (Sent *s,
                Open *open)
{
  return s->dated && open->dated &&
         (s->date.start_day != open->date.start_day || s->date.end_day != open->date.end_day);
}

static gboolean
place_conflicts (Doc  *d,
                 Sent *s,
                 Open *open)
{
  guint32 place = sentence_settlement (d, s);
  if (place == G_MAXUINT32)
    return FALSE;
  return open->place_entry != G_MAXUINT32 ? place != open->place_entry
                                          : open->event->geo_precision == 3;
}

static void
assemble (Doc *d)
{
  Open open = { NULL, 0, G_MAXUINT32, FALSE };
  Open *cur = NULL;

  for (guint si = 0; si < d->sents->len; si++)
    {
      Sent *s = &g_array_index (d->sents, Sent, si);
      gboolean near_cur = cur != NULL && si - cur->last_sentence <= 3;
      gboolean adjacent = cur != NULL && si - cur->last_sentence <= 1;
      gboolean link = near_cur && s->anaphora;
      gboolean anchor = places_in (d, s) > 0 || s->dated || s->target_end > 0;
      if (s->reports_previous)
        {
          attribute_previous (d, s, cur, si);
          continue;
        }

      if (s->nonfactual)
        {
          /* Background is no event; but "the attack has not been confirmed", "this figure,
           * if accurate", "Reuters could not verify" says how far to trust the one before. */
          if ((link || (cur != NULL && si - cur->last_sentence <= 2 && places_in (d, s) == 0)) &&
              (s->verification || s->dispute))
            attach (d, si, cur);
          continue;
        }

      if (s->has_trigger || s->casualty)
        {
          /* An army's losses are a claim of their own, unless the sentence refers back. */
          if (s->military_losses && !link)
            {
              memset (&open, 0, sizeof open);
              cur = &open;
              open_event (d, si, cur, NULL);
              continue;
            }
          /* A denial right after a report is about that report. */
          if (cur != NULL && near_cur && s->dispute && !s->dated)
            {
              attach (d, si, cur);
              continue;
            }
          if (cur != NULL && (link || (adjacent && !anchor)) && !place_conflicts (d, s, cur))
            {
              /* "The source said the strike took place overnight on Aug. 21": a later
               * sentence may date the event more precisely. */
              gboolean redate = s->has_trigger && date_conflicts (s, cur) &&
                                s->date.end_day <= cur->date.end_day;
              if (!date_conflicts (s, cur) || redate)
                {
                  attach (d, si, cur);
                  if (redate)
                    {
                      cur->date = s->date;
                      set_date (d, cur->event, &s->date, TRUE);
                    }
                  continue;
                }
            }
          if (!anchor && !s->casualty)
            continue;
          if (cur != NULL && near_cur && !place_conflicts (d, s, cur) && !date_conflicts (s, cur) &&
              sentence_settlement (d, s) != G_MAXUINT32 &&
              sentence_settlement (d, s) == cur->place_entry && s->target_end == 0 &&
              kinds_compatible (cur->event->kind, s->has_trigger ? s->kind : SITREP_KIND_CASUALTY_CLAIM))
            {
              attach (d, si, cur);
              continue;
            }
          if (!s->has_trigger && s->casualty && !s->dated && places_in (d, s) == 0 && cur != NULL &&
              near_cur)
            {
              attach (d, si, cur);
              continue;
            }
          /* "..., which came as its troops press an offensive around Pokrovsk": a sentence
           * about the event before that names other fighting elsewhere in passing. */
          if (link && !s->dated && s->has_trigger && family (s->kind) != family (cur->event->kind))
            {
              attach (d, si, cur);
              continue;
            }
          {
            /* "In Lviv, the attack hit a power plant": a new place of the same attack
             * shares its time. */
            gboolean inherit = link && !s->dated && cur->dated;
            Open prev = inherit ? *cur : (Open) { 0 };
            memset (&open, 0, sizeof open);
            cur = &open;
            {
              /* "shelled Kupiansk, Vovchansk and Izium": one event per place listed. */
              g_autoptr (GPtrArray) listed = listed_places (d, s);
              for (guint k = 0; k + 1 < listed->len; k++)
                {
                  Open other = { 0 };
                  open_event (d, si, &other, g_ptr_array_index (listed, k));
                  /* the sentence's figures are a total: they stay with the first place */
                  if (k > 0)
                    g_array_set_size (other.event->figures, 0);
                }
              open_event (d, si, cur, listed->len > 1 ? g_ptr_array_index (listed, listed->len - 1) : NULL);
              if (listed->len > 1)
                g_array_set_size (cur->event->figures, 0);
            }
            if (inherit)
              {
                cur->dated = TRUE;
                cur->date = prev.date;
                set_date (d, cur->event, &prev.date, TRUE);
              }
          }
          continue;
        }

      if (cur == NULL || !near_cur)
        continue;
      /* No trigger: a source that speaks of the event before ("Witnesses described",
       * "the governor said"), a figure, or a reference back to it. */
      /* "The source said the strike took place overnight on Aug. 21": a later sentence
       * may date the event more precisely. */
      if (link && !place_conflicts (d, s, cur) && date_conflicts (s, cur) &&
          s->date.end_day <= cur->date.end_day)
        {
          attach (d, si, cur);
          cur->date = s->date;
          set_date (d, cur->event, &s->date, TRUE);
          continue;
        }
      if ((link && !place_conflicts (d, s, cur) && !date_conflicts (s, cur)) ||
          (adjacent && s->attribution.attributed && !anchor &&
           (s->anaphora || s->attribution.refers_back)) ||
          (si - cur->last_sentence <= 2 && (s->verification || s->dispute) && !anchor) ||
          (adjacent && s->figures->len > 0 && !anchor))
        attach (d, si, cur);
    }
}

static gboolean
same_place (SitrepEvent *a,
            SitrepEvent *b)
{
  if (a->place != NULL && b->place != NULL)
    return g_strcmp0 (a->place->gazetteer_id, b->place->gazetteer_id) == 0 &&
           a->place->gazetteer_id != NULL;
  if (a->place == NULL && b->place == NULL)
    return g_strcmp0 (a->admin1, b->admin1) == 0;
  /* a region-level event and a place in that region */
  {
    SitrepEvent *region = a->place == NULL ? a : b;
    SitrepEvent *placed = a->place == NULL ? b : a;
    return region->admin1 != NULL && g_strcmp0 (region->admin1, placed->place->admin1) == 0;
  }
}

static gboolean
same_event (SitrepEvent *a,
            SitrepEvent *b)
{
  gboolean reported = a->time_precision == SITREP_TIME_PRECISION_REPORTED ||
                      b->time_precision == SITREP_TIME_PRECISION_REPORTED;
  if (!(a->kind == b->kind || (family (a->kind) == family (b->kind) && family (a->kind) == 1 &&
                               (a->kind == SITREP_KIND_STRIKE || b->kind == SITREP_KIND_STRIKE))))
    return FALSE;
  if (g_ascii_strcasecmp (a->target ? a->target : "", b->target ? b->target : "") != 0)
    return FALSE;
  if (!same_place (a, b))
    return FALSE;
  return reported || (a->start < b->end && b->start < a->end);
}

/* The headline, the summary bullets and the body of one article often report the same
 * event: one event with all their claims. The more precise place and date win. */
static void
merge_within_document (Doc *d)
{
  for (guint i = 0; i < d->events->len; i++)
    for (guint j = i + 1; j < d->events->len; j++)
      {
        SitrepEvent *a = g_ptr_array_index (d->events, i);
        SitrepEvent *b = g_ptr_array_index (d->events, j);
        int offset = a->claims->len;

        if (!same_event (a, b))
          continue;
        if (b->geo_precision < a->geo_precision || (a->place == NULL && b->place != NULL))
          {
            g_clear_object (&a->place);
            a->place = b->place ? g_object_ref (b->place) : NULL;
            g_free (a->place_as_written);
            a->place_as_written = g_strdup (b->place_as_written);
            g_free (a->admin1);
            a->admin1 = g_strdup (b->admin1);
            a->geo_precision = b->geo_precision;
            a->lat = b->lat;
            a->lon = b->lon;
          }
        if (a->time_precision == SITREP_TIME_PRECISION_REPORTED &&
            b->time_precision != SITREP_TIME_PRECISION_REPORTED)
          {
            a->start = b->start;
            a->end = b->end;
            a->time_precision = b->time_precision;
            a->time_of_day = b->time_of_day;
          }
        if (a->kind == SITREP_KIND_STRIKE)
          a->kind = b->kind;
        for (guint c = 0; c < b->claims->len; c++)
          g_ptr_array_add (a->claims, g_object_ref (g_ptr_array_index (b->claims, c)));
        for (guint f = 0; f < b->figures->len; f++)
          {
            SitrepFigure fig = g_array_index (b->figures, SitrepFigure, f);
            fig.qualifier = g_strdup (fig.qualifier);
            if (fig.claim_index >= 0)
              fig.claim_index += offset;
            g_array_append_val (a->figures, fig);
          }
        for (guint w = 0; w < b->weapons->len; w++)
          {
            gboolean dup = FALSE;
            for (guint k = 0; k < a->weapons->len; k++)
              if (strcmp (g_ptr_array_index (a->weapons, k), g_ptr_array_index (b->weapons, w)) == 0)
                dup = TRUE;
            if (!dup)
              g_ptr_array_add (a->weapons, g_strdup (g_ptr_array_index (b->weapons, w)));
          }
        for (guint k = 0; k < b->actors->len; k++)
          {
            SitrepActor *ba = &g_array_index (b->actors, SitrepActor, k);
            gboolean dup = FALSE;
            for (guint m = 0; m < a->actors->len; m++)
              if (strcmp (g_array_index (a->actors, SitrepActor, m).name, ba->name) == 0)
                dup = TRUE;
            if (!dup)
              {
                SitrepActor copy = { g_strdup (ba->name), g_strdup (ba->side), g_strdup ("actor2") };
                g_array_append_val (a->actors, copy);
              }
          }
        g_ptr_array_remove_index (d->events, j);
        j--;
      }
}

static void
finish_events (Doc *d)
{
  for (guint i = 0; i < d->events->len; i++)
    {
      SitrepEvent *ev = g_ptr_array_index (d->events, i);
      SitrepClaim *first = g_ptr_array_index (ev->claims, 0);
      g_autofree char *key = NULL;
      g_autofree char *hash = NULL;

      /* Conflicting figures of one kind: both kept, the event disputed. */
      for (guint a = 0; a < ev->figures->len; a++)
        for (guint b = a + 1; b < ev->figures->len; b++)
          {
            SitrepFigure *fa = &g_array_index (ev->figures, SitrepFigure, a);
            SitrepFigure *fb = &g_array_index (ev->figures, SitrepFigure, b);
            if (fa->kind == fb->kind && fa->value != fb->value && fa->claim_index != fb->claim_index &&
                fa->kind != SITREP_FIGURE_OTHER)
              ev->disputed = TRUE;
          }
      for (guint c = 0; c < ev->claims->len; c++)
        if (((SitrepClaim *) g_ptr_array_index (ev->claims, c))->hedging == SITREP_HEDGING_DISPUTED)
          ev->disputed = TRUE;
      ev->hedging = sitrep_event_compute_hedging (ev);

      /* A casualty claim counts losses; the equipment it lists was not used in it. */
      if (ev->kind == SITREP_KIND_CASUALTY_CLAIM)
        g_ptr_array_set_size (ev->weapons, 0);

      /* "MLRS" says less than "HIMARS" or "BM-21 Grad" next to it. */
      if (ev->weapons->len > 1)
        for (guint w = 0; w < ev->weapons->len; w++)
          if (strcmp (g_ptr_array_index (ev->weapons, w), "MLRS") == 0)
            {
              g_ptr_array_remove_index (ev->weapons, w);
              break;
            }

      key = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%u", d->doc->sha256,
                             sitrep_event_kind_to_string (ev->kind), first->span_start, ev->start,
                             ev->place ? ev->place->gazetteer_id : "", i);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
      ev->uid = g_strndup (hash, 20);
      ev->summary = sitrep_extractor_summarize (ev);
    }
}

GPtrArray *
sitrep_extractor_extract (SitrepExtractor  *self,
                          SitrepDocument   *document,
                          const char       *name,
                          GError          **error)
{
  Doc d = { 0 };
  g_autoptr (GArray) sentences = NULL;
  guint li = 0, mi = 0;

  g_return_val_if_fail (SITREP_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (SITREP_IS_DOCUMENT (document), NULL);

  if (name == NULL)
    name = document->url ? document->url : _("(text)");
  if (document->text == NULL)
    {
      g_set_error (error, SITREP_EXTRACT_ERROR, SITREP_EXTRACT_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return NULL;
    }
  d.len = strlen (document->text);
  if (!sitrep_text_check (document->text, d.len, name, error))
    return NULL;
  if (document->sha256 == NULL)
    document->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                    (const guchar *) document->text, d.len);

  d.self = self;
  d.doc = document;
  d.text = document->text;
  d.published = (gint32) ((document->published > 0 ? document->published
                                                   : g_get_real_time () / G_USEC_PER_SEC) / 86400);
  d.folded = g_malloc (d.len + 1);
  sitrep_text_fold (d.text, d.len, d.folded);
  d.folded[d.len] = '\0';
  d.lex = g_array_sized_new (FALSE, FALSE, sizeof (SitrepLexMatch), d.len / 20 + 8);
  sitrep_lexicon_scan (self->lexicon, d.folded, d.len, d.lex);
  d.mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  find_places (&d);
  d.events = g_ptr_array_new_with_free_func (g_object_unref);

  sentences = sitrep_text_split (d.text, d.len);
  d.sents = g_array_sized_new (FALSE, TRUE, sizeof (Sent), sentences->len);
  g_array_set_clear_func (d.sents, (GDestroyNotify) sent_clear);
  for (guint i = 0; i < sentences->len; i++)
    {
      SitrepSentence *ss = &g_array_index (sentences, SitrepSentence, i);
      Sent s = { 0 };
      s.start = ss->start;
      s.end = ss->end;
      s.paragraph = ss->paragraph;
      while (li < d.lex->len && g_array_index (d.lex, SitrepLexMatch, li).start < s.start)
        li++;
      s.lex_first = li;
      while (li + s.n_lex < d.lex->len &&
             g_array_index (d.lex, SitrepLexMatch, li + s.n_lex).start < s.end)
        s.n_lex++;
      /* a match that runs over the sentence's end belongs to neither */
      while (s.n_lex > 0 && g_array_index (d.lex, SitrepLexMatch, li + s.n_lex - 1).end > s.end)
        s.n_lex--;
      while (mi < d.mentions->len && g_array_index (d.mentions, Mention, mi).start < s.start)
        mi++;
      s.mention_first = mi;
      while (mi + s.n_mentions < d.mentions->len &&
             g_array_index (d.mentions, Mention, mi + s.n_mentions).end <= s.end)
        s.n_mentions++;
      g_array_append_val (d.sents, s);
    }
  for (guint i = 0; i < d.sents->len; i++)
    analyse_sentence (&d, &g_array_index (d.sents, Sent, i));

  assemble (&d);
  merge_within_document (&d);
  finish_events (&d);

  g_array_unref (d.sents);
  g_array_unref (d.mentions);
  g_array_unref (d.lex);
  g_free (d.folded);
  return d.events;
}

char *
sitrep_extractor_summarize (SitrepEvent *ev)
{
  GString *s = g_string_new (NULL);
  g_autofree char *start = sitrep_unix_to_iso_day (ev->start);
  g_autofree char *end = sitrep_unix_to_iso_day (ev->end - 1);
  const char *where = ev->place ? ev->place->name : ev->admin1;

  g_string_append (s, sitrep_event_kind_label (ev->kind));
  if (ev->target != NULL)
    g_string_append_printf (s, " on %s", ev->target);
  if (where != NULL)
    g_string_append_printf (s, "%s %s", ev->geo_precision == SITREP_GEO_PRECISION_NEAR ? " near" : " in",
                            where);
  if (ev->place != NULL && ev->place->admin1 != NULL)
    g_string_append_printf (s, ", %s", ev->place->admin1);
  if (ev->weapons->len > 0)
    {
      g_string_append (s, " with ");
      for (guint i = 0; i < ev->weapons->len; i++)
        g_string_append_printf (s, "%s%s", i ? " and " : "", (char *) g_ptr_array_index (ev->weapons, i));
    }
  if (ev->time_precision == SITREP_TIME_PRECISION_REPORTED)
    g_string_append_printf (s, ", reported %s", start);
  else if (strcmp (start, end) == 0)
    g_string_append_printf (s, " on %s", start);
  else
    g_string_append_printf (s, " from %s to %s", start, end);
  if (ev->time_of_day != SITREP_TIME_OF_DAY_NONE)
    g_string_append_printf (s, " (%s)", sitrep_time_of_day_to_string (ev->time_of_day));
  for (guint i = 0, shown = 0; i < ev->figures->len; i++)
    {
      SitrepFigure *f = &g_array_index (ev->figures, SitrepFigure, i);
      gboolean seen = FALSE;
      for (guint k = 0; k < i; k++)
        if (g_array_index (ev->figures, SitrepFigure, k).kind == f->kind &&
            g_array_index (ev->figures, SitrepFigure, k).value == f->value)
          seen = TRUE;
      if (seen)
        continue;
      g_string_append_printf (s, "%s%s%s%" G_GINT64_FORMAT " %s", shown++ == 0 ? "; " : ", ",
                              f->qualifier ? f->qualifier : "", f->qualifier ? " " : "", f->value,
                              sitrep_figure_kind_to_string (f->kind));
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}
