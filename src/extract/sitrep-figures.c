/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-figures.c: the numbers of a sentence that count something (troops, killed,
 * wounded, casualties, prisoners, missiles, drones), with qualifiers and ranges. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <string.h>

#include "sitrep-extract-private.h"
#include "sitrep-text.h"

typedef struct
{
  gsize start;
  gsize end;
  gint64 value;
  const char *word_qualifier;   /* "dozens" */
} Number;

static gboolean
in_skip (gsize        a,
         gsize        b,
         const gsize *skip,
         guint        n_skip)
{
  for (guint i = 0; i < n_skip; i++)
    if (a < skip[2 * i + 1] && b > skip[2 * i])
      return TRUE;
  return FALSE;
}

static gboolean
word_follows (const char *t,
              gsize       p,
              gsize       end,
              const char *const *words)
{
  while (p < end && (t[p] == ' ' || (guchar) t[p] == 0xc2))
    {
      if ((guchar) t[p] == 0xc2)
        p++;
      p++;
    }
  for (; *words != NULL; words++)
    {
      gsize l = strlen (*words);
      if (p + l <= end && g_ascii_strncasecmp (t + p, *words, l) == 0 &&
          (p + l == end || !sitrep_text_is_word_char (t + p + l, t + end)))
        return TRUE;
    }
  return FALSE;
}

/* Numbers in digits: "6,500", "3 920", "1.5 thousand", "12". */
static void
find_numbers (const SitrepSentenceView *v,
              const gsize              *skip,
              guint                     n_skip,
              GArray                   *out)
{
  static const char *const not_counts[] = {
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "metres", "meters",
    "m", "%", "percent", "per", "years", "year", "hours", "hour", "days", "day", "weeks",
    "months", "times", "mm", "km/h", "км", "кілометр", "километр", "років", "лет", "года",
    "років", "годин", "часов", "днів", "дней", "раз", "разів", "%", "a.m", "p.m", "am", "pm",
    "th", "st", "nd", "rd", NULL
  };
  static const char *const thousands[] = { "thousand", "тыс", "тис", "тисяч", "тысяч", NULL };
  const char *t = v->text;
  gsize i = v->start;

  while (i < v->end)
    {
      gsize s, e;
      gint64 val = 0;
      gint64 frac = 0, frac_div = 1;
      gboolean decimal = FALSE;

      if (!g_ascii_isdigit (t[i]))
        {
          i++;
          continue;
        }
      s = i;
      /* Attached to a word or a model name: BM-21, Su-34, Kh-101 */
      if (s > v->start && (g_ascii_isalpha (t[s - 1]) || t[s - 1] == '-' ||
                           ((guchar) t[s - 1] >= 0x80 &&
                            g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (t + v->start, t + s))))))
        {
          while (i < v->end && (g_ascii_isalnum (t[i]) || t[i] == '-'))
            i++;
          continue;
        }
      e = s;
      for (;;)
        {
          while (e < v->end && g_ascii_isdigit (t[e]))
            {
              if (!decimal)
                val = val * 10 + (t[e] - '0');
              else if (frac_div < G_GINT64_CONSTANT (1000000000))
                {
                  /* Digits past the ninth decimal change nothing we report, and an
                   * unbounded run of them would overflow. */
                  frac = frac * 10 + (t[e] - '0');
                  frac_div *= 10;
                }
              e++;
              if (val > G_GINT64_CONSTANT (1000000000000))
                break;
            }
          /* thousands separators: "6,500", "3 920" (also a no-break space) */
          if (!decimal && e + 3 < v->end + 1 && (t[e] == ',' || t[e] == ' ') && e + 3 <= v->end &&
              g_ascii_isdigit (t[e + 1]) && g_ascii_isdigit (t[e + 2]) && g_ascii_isdigit (t[e + 3]) &&
              (e + 4 >= v->end || !g_ascii_isdigit (t[e + 4])) && (e - s) <= 3 + (e - s) / 4 * 4)
            {
              e++;
              continue;
            }
          if (!decimal && e + 1 < v->end && t[e] == '.' && g_ascii_isdigit (t[e + 1]))
            {
              decimal = TRUE;
              e++;
              continue;
            }
          break;
        }
      i = e;
      if (in_skip (s, e, skip, n_skip))
        continue;
      if (e < v->end && (g_ascii_isalpha (t[e]) || t[e] == ':' || (t[e] == '-' && e + 1 < v->end &&
                                                                    !g_ascii_isdigit (t[e + 1]))))
        continue;
      if (word_follows (t, e, v->end, not_counts))
        continue;
      if (!decimal && e - s == 4 && val >= 1900 && val <= 2100)
        continue;
      if (word_follows (t, e, v->end, thousands))
        {
          val = val * 1000 + (frac * 1000) / frac_div;
          decimal = FALSE;
        }
      if (decimal)
        continue;
      {
        Number n = { s, e, val, NULL };
        g_array_append_val (out, n);
      }
    }

  /* Number words from the lexicon: "two", "dozens", "троє". */
  for (guint m = 0; m < v->n_lex; m++)
    {
      const SitrepLexMatch *lm = &v->lex[m];
      Number n = { lm->start, lm->end, lm->entry->value, NULL };
      if (lm->entry->category != SITREP_LEX_NUMBER || in_skip (lm->start, lm->end, skip, n_skip))
        continue;
      /* "one of its largest", "один из" */
      if (lm->end + 3 < v->end && (strncmp (v->folded + lm->end, " of ", 4) == 0 ||
                                   strncmp (v->folded + lm->end, " из ", 5) == 0 ||
                                   strncmp (v->folded + lm->end, " з ", 4) == 0))
        continue;
      if (lm->entry->value < 0)
        {
          static const gint64 lows[] = { 0, 0, 24, 200, 2000 };
          static const char *const names[] = { NULL, NULL, "dozens", "hundreds", "thousands" };
          n.value = lows[-lm->entry->value];
          n.word_qualifier = names[-lm->entry->value];
        }
      g_array_append_val (out, n);
    }
}

static gboolean
only_space_between (const char *t,
                    gsize       a,
                    gsize       b)
{
  if (b < a)
    return FALSE;
  for (gsize i = a; i < b; i++)
    if (t[i] != ' ' && t[i] != '\t' && !((guchar) t[i] == 0xc2 || (guchar) t[i] == 0xa0))
      return FALSE;
  return TRUE;
}

static gboolean
clause_free (const char *t,
             gsize       a,
             gsize       b)
{
  for (gsize i = a; i < b; i++)
    if (t[i] == ',' || t[i] == ';' || t[i] == '.' || t[i] == ':' || g_ascii_isdigit (t[i]))
      return FALSE;
  return TRUE;
}

static int
number_cmp (gconstpointer a,
            gconstpointer b)
{
  const Number *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

void
sitrep_figures_parse (const SitrepSentenceView *v,
                      const gsize              *skip,
                      guint                     n_skip,
                      GArray                   *out)
{
  g_autoptr (GArray) nums = g_array_new (FALSE, TRUE, sizeof (Number));
  const char *t = v->text;

  find_numbers (v, skip, n_skip, nums);
  g_array_sort (nums, number_cmp);

  for (guint k = 0; k < nums->len; k++)
    {
      Number *n = &g_array_index (nums, Number, k);
      SitrepFigure f = { 0 };
      const SitrepLexMatch *qual = NULL, *kind = NULL, *before = NULL;
      gsize lo_start = n->start, after = n->end;
      gint64 high = -1;

      /* Ranges: "between 40 and 50", "40-50", "40 to 50", "from 40 to 50" */
      if (k + 1 < nums->len)
        {
          Number *m = &g_array_index (nums, Number, k + 1);
          gsize gap = m->start - n->end;
          if (gap <= 5)
            {
              g_autofree char *between = g_strndup (t + n->end, gap);
              g_strstrip (between);
              if (strcmp (between, "-") == 0 || strcmp (between, "–") == 0 ||
                  strcmp (between, "and") == 0 || strcmp (between, "to") == 0 ||
                  strcmp (between, "до") == 0 || strcmp (between, "і") == 0 ||
                  strcmp (between, "и") == 0 || strcmp (between, "or") == 0)
                {
                  if (m->value > n->value)
                    {
                      high = m->value;
                      after = m->end;
                      k++;
                    }
                }
            }
        }

      for (guint i = 0; i < v->n_lex; i++)
        {
          const SitrepLexMatch *lm = &v->lex[i];
          if (lm->entry->category == SITREP_LEX_QUALIFIER && lm->end <= lo_start &&
              only_space_between (t, lm->end, lo_start))
            qual = lm;
        }
      if (qual != NULL)
        lo_start = qual->start;

      /* The noun or verb that says what is counted: right before ("killed at least 5"),
       * or after, within the clause ("6,500 Ukrainian soldiers", "12 people were hurt"). */
      for (guint i = 0; i < v->n_lex; i++)
        {
          const SitrepLexMatch *lm = &v->lex[i];
          if (lm->entry->category == SITREP_LEX_FIGURE && lm->entry->value >= 0 &&
              lm->end <= lo_start && only_space_between (t, lm->end, lo_start))
            before = lm;
        }
      if (before != NULL && (before->entry->value == SITREP_FIGURE_KILLED ||
                             before->entry->value == SITREP_FIGURE_WOUNDED ||
                             before->entry->value == SITREP_FIGURE_CAPTURED))
        kind = before;
      if (kind == NULL)
        for (guint i = 0; i < v->n_lex; i++)
          {
            const SitrepLexMatch *lm = &v->lex[i];
            if (lm->entry->category != SITREP_LEX_FIGURE || lm->start < after ||
                lm->start > after + 48 || !clause_free (t, after, lm->start))
              continue;
            if (lm->entry->value >= 0)
              {
                kind = lm;
                break;
              }
            /* "people", "civilians": the verb after says killed or wounded */
            for (guint j = i + 1; j < v->n_lex; j++)
              {
                const SitrepLexMatch *vm = &v->lex[j];
                if (vm->entry->category == SITREP_LEX_FIGURE && vm->entry->value >= 0 &&
                    vm->start >= lm->end && vm->start <= lm->end + 24 &&
                    clause_free (t, lm->end, vm->start))
                  {
                    kind = vm;
                    break;
                  }
              }
            if (kind == NULL && before != NULL)
              kind = before;
            break;
          }
      if (kind == NULL)
        continue;

      f.kind = kind->entry->value;
      f.value = n->value;
      f.low = high >= 0 ? n->value : -1;
      f.high = high;
      f.qualifier = qual != NULL ? g_strdup (qual->entry->canon)
                                 : (n->word_qualifier ? g_strdup (n->word_qualifier) : NULL);
      if (high >= 0 && f.qualifier == NULL)
        f.qualifier = g_strdup ("between");
      f.claim_index = -1;

      /* The same figure twice in one sentence counts once. */
      {
        gboolean dup = FALSE;
        for (guint i = 0; i < out->len; i++)
          {
            SitrepFigure *o = &g_array_index (out, SitrepFigure, i);
            if (o->kind == f.kind && o->value == f.value && o->claim_index == -1)
              dup = TRUE;
          }
        if (dup)
          {
            sitrep_figure_clear (&f);
            continue;
          }
      }
      g_array_append_val (out, f);
    }
}
