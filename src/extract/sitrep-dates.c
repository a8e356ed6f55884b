/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-dates.c: date and time expressions in English, Ukrainian and Russian, resolved
 * against the publication date.
 *
 * The text is folded to lower case (keeping byte offsets) and cut into tokens: words,
 * numbers (with their separators: "24.11.2024", "10:30", "17-23") and punctuation. The
 * patterns below are tried at each token; the longest one that fits wins. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <string.h>

#include "sitrep-dates.h"
#include "sitrep-text.h"

gint32
sitrep_days_from_ymd (int year,
                      int month,
                      int day)
{
  return (gint32) (sitrep_day_to_unix (year, month, day) / 86400);
}

void
sitrep_days_to_ymd (gint32  days,
                    int    *year,
                    int    *month,
                    int    *day)
{
  /* Civil from days, after Howard Hinnant's algorithm. */
  gint64 z = (gint64) days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = yoe + era * 400;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (y + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

int
sitrep_days_weekday (gint32 days)
{
  /* 1970-01-01 was a Thursday (3 when Monday is 0). */
  int w = (int) (((gint64) days + 3) % 7);
  return w < 0 ? w + 7 : w;
}

/* ---- Tokens ---- */

typedef enum
{
  T_WORD,
  T_NUM,
  T_PUNCT,
} TokType;

typedef struct
{
  TokType type;
  gsize start;
  gsize end;
  char w[32];        /* folded word, apostrophes as ', or the punctuation */
  int nparts;        /* numbers: 1 for "24", 3 for "24.11.2024"; 0 for "6,500" */
  int part[3];
  int ndigits[3];
  char sep;          /* separator of a multi-part number */
} Tok;

static gboolean
is_apostrophe (const char *p,
               const char *end,
               gsize      *len)
{
  guchar c = (guchar) p[0];
  if (c == '\'')
    {
      *len = 1;
      return TRUE;
    }
  if (p + 2 < end + 0 && c == 0xe2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
    {
      *len = 3;
      return TRUE;
    }
  if (p + 1 < end && c == 0xca && (guchar) p[1] == 0xbc)
    {
      *len = 2;
      return TRUE;
    }
  return FALSE;
}

static GArray *
tokenize (const char *folded,
          gsize       len)
{
  GArray *toks = g_array_sized_new (FALSE, TRUE, sizeof (Tok), len / 5 + 4);
  const char *end = folded + len;
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) folded[i];
      Tok t = { 0 };

      if (g_ascii_isspace (c))
        {
          i++;
          continue;
        }
      t.start = i;
      if (g_ascii_isdigit (c))
        {
          int n = 0;
          gsize j = i;
          t.type = T_NUM;
          t.nparts = 0;
          for (;;)
            {
              int v = 0, nd = 0;
              while (j < len && g_ascii_isdigit (folded[j]))
                {
                  if (nd < 9)
                    v = v * 10 + (folded[j] - '0');
                  nd++;
                  j++;
                }
              if (n < 3)
                {
                  t.part[n] = v;
                  t.ndigits[n] = nd;
                }
              n++;
              if (j + 1 < len && strchr (".:/-", folded[j]) != NULL && folded[j] != '\0' &&
                  g_ascii_isdigit (folded[j + 1]) && (t.sep == 0 || t.sep == folded[j]))
                {
                  t.sep = folded[j];
                  j++;
                  continue;
                }
              break;
            }
          t.nparts = n <= 3 ? n : -1;
          /* "6,500": a count, never a date. */
          if (n == 1 && j + 3 < len + 1 && j < len && folded[j] == ',' &&
              j + 3 < len + 1 && g_ascii_isdigit (folded[j + 1]) &&
              j + 3 < len && g_ascii_isdigit (folded[j + 2]) && g_ascii_isdigit (folded[j + 3]) &&
              (j + 4 >= len || !g_ascii_isdigit (folded[j + 4])))
            {
              t.nparts = 0;
              j += 4;
              while (j + 3 < len && folded[j] == ',' && g_ascii_isdigit (folded[j + 1]))
                j += 4;
            }
          /* Ordinal suffixes: 24th, 1st, 24-го, 24-е. */
          if (j + 1 < len && (strncmp (folded + j, "th", 2) == 0 || strncmp (folded + j, "st", 2) == 0 ||
                              strncmp (folded + j, "nd", 2) == 0 || strncmp (folded + j, "rd", 2) == 0) &&
              (j + 2 >= len || !sitrep_text_is_word_char (folded + j + 2, end)))
            j += 2;
          else if (j + 2 < len && folded[j] == '-' && (strncmp (folded + j + 1, "го", 4) == 0 ||
                                                      strncmp (folded + j + 1, "е", 2) == 0))
            j += (strncmp (folded + j + 1, "го", 4) == 0) ? 5 : 3;
          t.end = j;
          g_array_append_val (toks, t);
          i = j;
          continue;
        }
      if (sitrep_text_is_word_char (folded + i, end))
        {
          gsize j = i;
          gsize wl = 0;
          t.type = T_WORD;
          for (;;)
            {
              gsize al = 0;
              if (j < len && sitrep_text_is_word_char (folded + j, end))
                {
                  gsize cl = sitrep_text_char_len (folded + j);
                  if (j + cl > len)
                    cl = len - j;
                  if (wl + cl < sizeof t.w)
                    {
                      memcpy (t.w + wl, folded + j, cl);
                      wl += cl;
                    }
                  j += cl;
                }
              else if (j < len && is_apostrophe (folded + j, end, &al) && j + al < len &&
                       sitrep_text_is_word_char (folded + j + al, end))
                {
                  if (wl + 1 < sizeof t.w)
                    t.w[wl++] = '\'';
                  j += al;
                }
              else
                break;
            }
          t.w[wl] = '\0';
          if (wl > 2 && t.w[wl - 2] == '\'' && t.w[wl - 1] == 's')
            t.w[wl - 2] = '\0';
          t.end = j;
          g_array_append_val (toks, t);
          i = j;
          continue;
        }
      t.type = T_PUNCT;
      {
        gsize cl = sitrep_text_char_len (folded + i);
        if (i + cl > len)
          cl = len - i;
        memcpy (t.w, folded + i, MIN (cl, sizeof t.w - 1));
        t.end = i + cl;
      }
      g_array_append_val (toks, t);
      i = t.end;
    }
  return toks;
}

/* ---- Vocabulary ---- */

typedef struct
{
  const char *word;
  int value;
} WordValue;

static const WordValue months[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
  { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
  { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
  { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
  /* Russian: genitive, nominative, prepositional */
  { "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 }, { "мая", 5 },
  { "июня", 6 }, { "июля", 7 }, { "августа", 8 }, { "сентября", 9 }, { "октября", 10 },
  { "ноября", 11 }, { "декабря", 12 },
  { "январь", 1 }, { "февраль", 2 }, { "март", 3 }, { "апрель", 4 }, { "май", 5 },
  { "июнь", 6 }, { "июль", 7 }, { "август", 8 }, { "сентябрь", 9 }, { "октябрь", 10 },
  { "ноябрь", 11 }, { "декабрь", 12 },
  { "январе", 1 }, { "феврале", 2 }, { "марте", 3 }, { "апреле", 4 }, { "мае", 5 },
  { "июне", 6 }, { "июле", 7 }, { "августе", 8 }, { "сентябре", 9 }, { "октябре", 10 },
  { "ноябре", 11 }, { "декабре", 12 },
  /* Ukrainian: genitive, nominative, locative */
  { "січня", 1 }, { "лютого", 2 }, { "березня", 3 }, { "квітня", 4 }, { "травня", 5 },
  { "червня", 6 }, { "липня", 7 }, { "серпня", 8 }, { "вересня", 9 }, { "жовтня", 10 },
  { "листопада", 11 }, { "грудня", 12 },
  { "січень", 1 }, { "лютий", 2 }, { "березень", 3 }, { "квітень", 4 }, { "травень", 5 },
  { "червень", 6 }, { "липень", 7 }, { "серпень", 8 }, { "вересень", 9 }, { "жовтень", 10 },
  { "листопад", 11 }, { "грудень", 12 },
  { "січні", 1 }, { "лютому", 2 }, { "березні", 3 }, { "квітні", 4 }, { "травні", 5 },
  { "червні", 6 }, { "липні", 7 }, { "серпні", 8 }, { "вересні", 9 }, { "жовтні", 10 },
  { "листопаді", 11 }, { "грудні", 12 },
};

static const WordValue weekdays[] = {
  { "monday", 0 }, { "tuesday", 1 }, { "wednesday", 2 }, { "thursday", 3 }, { "friday", 4 },
  { "saturday", 5 }, { "sunday", 6 },
  { "понедельник", 0 }, { "вторник", 1 }, { "среда", 2 }, { "среду", 2 }, { "четверг", 3 },
  { "пятница", 4 }, { "пятницу", 4 }, { "суббота", 5 }, { "субботу", 5 },
  { "воскресенье", 6 },
  { "понеділок", 0 }, { "понеділка", 0 }, { "вівторок", 1 }, { "вівторка", 1 },
  { "середа", 2 }, { "середу", 2 }, { "четвер", 3 }, { "четверга", 3 },
  { "п'ятниця", 4 }, { "п'ятницю", 4 }, { "субота", 5 }, { "суботу", 5 }, { "неділя", 6 },
  { "неділю", 6 },
};

/* Parts of day, as the word before or after a date. */
static const WordValue parts_of_day[] = {
  { "night", SITREP_TIME_OF_DAY_NIGHT }, { "overnight", SITREP_TIME_OF_DAY_NIGHT },
  { "morning", SITREP_TIME_OF_DAY_MORNING }, { "afternoon", SITREP_TIME_OF_DAY_DAY },
  { "evening", SITREP_TIME_OF_DAY_EVENING },
  { "ночь", SITREP_TIME_OF_DAY_NIGHT }, { "ночью", SITREP_TIME_OF_DAY_NIGHT },
  { "утром", SITREP_TIME_OF_DAY_MORNING }, { "утро", SITREP_TIME_OF_DAY_MORNING },
  { "днем", SITREP_TIME_OF_DAY_DAY }, { "днём", SITREP_TIME_OF_DAY_DAY },
  { "вечером", SITREP_TIME_OF_DAY_EVENING }, { "вечер", SITREP_TIME_OF_DAY_EVENING },
  { "ніч", SITREP_TIME_OF_DAY_NIGHT }, { "вночі", SITREP_TIME_OF_DAY_NIGHT },
  { "уночі", SITREP_TIME_OF_DAY_NIGHT }, { "ночі", SITREP_TIME_OF_DAY_NIGHT },
  { "вранці", SITREP_TIME_OF_DAY_MORNING }, { "зранку", SITREP_TIME_OF_DAY_MORNING },
  { "ранку", SITREP_TIME_OF_DAY_MORNING }, { "вдень", SITREP_TIME_OF_DAY_DAY },
  { "удень", SITREP_TIME_OF_DAY_DAY }, { "ввечері", SITREP_TIME_OF_DAY_EVENING },
  { "увечері", SITREP_TIME_OF_DAY_EVENING }, { "вечора", SITREP_TIME_OF_DAY_EVENING },
};

static const char *const range_from[] = {
  "between", "from", "с", "со", "з", "із", "від", "от", "між", "между", NULL
};
static const char *const range_to[] = {
  "and", "to", "into", "through", "till", "until", "по", "до", "на", "проти", "і", "й", "и", "та", "-", "–", "—", NULL
};

static gboolean
in_set (const char        *w,
        const char *const *set)
{
  for (; *set != NULL; set++)
    if ((*set)[0] == w[0] && strcmp (w, *set) == 0)
      return TRUE;
  return FALSE;
}

/* Every word that can start or be part of a date expression, with its value in each
 * table: one hash lookup per token instead of a scan of the tables. */
typedef struct
{
  gint8 month;      /* 1..12, 0 none */
  gint8 weekday;    /* 0..6, -1 none */
  gint8 tod;        /* SitrepTimeOfDay, 0 none */
} WordInfo;

static const char *const starters[] = {
  "yesterday", "today", "last", "this", "past", "previous", "earlier", "overnight", "за",
  "минулої", "этой", "прошлой", "цієї", "минулого", "минулому", "этом", "цього", "цьому",
  "прошлом", "in", "в", "у", "since", "during", "вчера", "вчора", "позавчера", "позавчора",
  "сегодня", "сьогодні", "последние", "прошедшие", "минулу", "минулі", "at", "around", "about",
  "о", "об", "около", "близько", "the", "on", "of", "into", "на", "проти", NULL
};

static GHashTable *
word_table (void)
{
  static gsize once = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
#define INFO(w) ({ WordInfo *_i = g_hash_table_lookup (t, (w)); \
                   if (_i == NULL) { _i = g_new0 (WordInfo, 1); _i->weekday = -1; \
                                     g_hash_table_insert (t, (gpointer) (w), _i); } _i; })
      for (gsize i = 0; i < G_N_ELEMENTS (months); i++)
        INFO (months[i].word)->month = months[i].value;
      for (gsize i = 0; i < G_N_ELEMENTS (weekdays); i++)
        INFO (weekdays[i].word)->weekday = weekdays[i].value;
      for (gsize i = 0; i < G_N_ELEMENTS (parts_of_day); i++)
        INFO (parts_of_day[i].word)->tod = parts_of_day[i].value;
      for (const char *const *w = range_from; *w != NULL; w++)
        INFO (*w);
      for (const char *const *w = starters; *w != NULL; w++)
        INFO (*w);
#undef INFO
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

static int
lookup (const WordValue *table,
        gsize            n,
        const char      *w)
{
  WordInfo *info = g_hash_table_lookup (word_table (), w);
  if (info == NULL)
    return -1;
  if (table == months)
    return info->month > 0 ? info->month : -1;
  if (table == weekdays)
    return info->weekday;
  if (table == parts_of_day)
    return info->tod > 0 ? info->tod : -1;
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].word, w) == 0)
      return table[i].value;
  return -1;
}

/* ---- Scanner state ---- */

typedef struct
{
  const char *folded;
  gsize len;
  Tok *t;
  guint n;
  gint32 published;
  GArray *out;
} Scan;

static gboolean
tok_is (Scan       *s,
        guint       i,
        const char *w)
{
  return i < s->n && s->t[i].type != T_NUM && s->t[i].w[0] == w[0] && strcmp (s->t[i].w, w) == 0;
}

static int
tok_month (Scan  *s,
           guint  i,
           guint *next)
{
  int m;
  if (i >= s->n || s->t[i].type != T_WORD)
    return 0;
  m = lookup (months, G_N_ELEMENTS (months), s->t[i].w);
  if (m <= 0)
    return 0;
  *next = i + 1;
  if (strlen (s->t[i].w) <= 4 && (guchar) s->t[i].w[0] < 0x80 && tok_is (s, i + 1, ".") &&
      s->t[i + 1].start == s->t[i].end)
    *next = i + 2;
  return m;
}

static int
tok_day (Scan  *s,
         guint  i)
{
  if (i >= s->n || s->t[i].type != T_NUM || s->t[i].nparts != 1 || s->t[i].ndigits[0] > 2)
    return 0;
  if (s->t[i].part[0] < 1 || s->t[i].part[0] > 31)
    return 0;
  /* "10:30" and "24 km" are not days; "24 troops" is checked by the caller's pattern. */
  return s->t[i].part[0];
}

static int
tok_year (Scan  *s,
          guint  i)
{
  if (i >= s->n || s->t[i].type != T_NUM || s->t[i].nparts != 1 || s->t[i].ndigits[0] != 4)
    return 0;
  if (s->t[i].part[0] < 1900 || s->t[i].part[0] > 2100)
    return 0;
  return s->t[i].part[0];
}

static gboolean
valid_ymd (int y,
           int m,
           int d)
{
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
         d <= g_date_get_days_in_month (m, y);
}

/* The year of a day and month given without one: the publication's year, or the year
 * before when the date would otherwise fall after publication (a December date in a
 * January article). Two days' grace for time zones. */
static int
infer_year (Scan *s,
            int   m,
            int   d)
{
  int py, pm, pd;
  sitrep_days_to_ymd (s->published, &py, &pm, &pd);
  if (m == 2 && d == 29 && !g_date_is_leap_year (py))
    return py - 1;
  if (valid_ymd (py, m, d) && sitrep_days_from_ymd (py, m, d) > s->published + 2)
    return py - 1;
  return py;
}

typedef struct
{
  int y, m, d;       /* y 0 when not given, m 0 for a bare day */
  guint next;
} DatePart;

/* One date at token i: "24 November [2024]", "November 24[, 2024]", "Nov. 24",
 * "24.11.2024", "2024-11-24", "24 листопада [2024 року]"; or a bare day number when
 * allow_bare. */
static gboolean
parse_date (Scan     *s,
            guint     i,
            gboolean  allow_bare,
            DatePart *out)
{
  int d, m, y;
  guint j;

  memset (out, 0, sizeof *out);
  if (i >= s->n)
    return FALSE;

  if (s->t[i].type == T_NUM && s->t[i].nparts == 3 && (s->t[i].sep == '.' || s->t[i].sep == '/' ||
                                                       s->t[i].sep == '-'))
    {
      Tok *t = &s->t[i];
      if (t->ndigits[0] == 4)
        {
          y = t->part[0]; m = t->part[1]; d = t->part[2];
        }
      else if (t->ndigits[2] == 4 || t->ndigits[2] == 2)
        {
          d = t->part[0]; m = t->part[1]; y = t->part[2];
          if (t->ndigits[2] == 2)
            y += 2000;
        }
      else
        return FALSE;
      if (!valid_ymd (y, m, d))
        return FALSE;
      out->y = y; out->m = m; out->d = d; out->next = i + 1;
      return TRUE;
    }
  if (s->t[i].type == T_NUM && s->t[i].nparts == 2 && s->t[i].sep == '.' &&
      s->t[i].ndigits[1] == 2 && s->t[i].part[0] >= 1 && s->t[i].part[0] <= 31 &&
      s->t[i].part[1] >= 1 && s->t[i].part[1] <= 12 && s->t[i].ndigits[0] <= 2)
    {
      out->m = s->t[i].part[1]; out->d = s->t[i].part[0]; out->next = i + 1;
      return TRUE;
    }

  /* Day Month [Year] */
  d = tok_day (s, i);
  if (d > 0)
    {
      j = i + 1;
      if (tok_is (s, j, "of"))
        j++;
      m = tok_month (s, j, &j);
      if (m > 0)
        {
          out->d = d; out->m = m; out->next = j;
          if (tok_is (s, j, ","))
            j++;
          y = tok_year (s, j);
          if (y > 0)
            {
              out->y = y;
              out->next = j + 1;
              if (tok_is (s, j + 1, "года") || tok_is (s, j + 1, "року") ||
                  tok_is (s, j + 1, "г") || tok_is (s, j + 1, "р") || tok_is (s, j + 1, "год"))
                out->next = j + 2;
              if (out->next < s->n && tok_is (s, out->next, ".") && (tok_is (s, j + 1, "г") || tok_is (s, j + 1, "р")))
                out->next++;
            }
          return TRUE;
        }
      if (allow_bare)
        {
          out->d = d; out->next = i + 1;
          return TRUE;
        }
      return FALSE;
    }

  /* Month Day[, Year] */
  m = tok_month (s, i, &j);
  if (m > 0)
    {
      d = tok_day (s, j);
      if (d > 0 && !(j + 1 < s->n && s->t[j + 1].type == T_PUNCT && strcmp (s->t[j + 1].w, ":") == 0))
        {
          out->m = m; out->d = d; out->next = j + 1;
          j++;
          if (tok_is (s, j, ","))
            {
              y = tok_year (s, j + 1);
              if (y > 0)
                {
                  out->y = y;
                  out->next = j + 2;
                }
            }
          else if ((y = tok_year (s, j)) > 0)
            {
              out->y = y;
              out->next = j + 1;
            }
          return TRUE;
        }
    }
  return FALSE;
}

static void
emit (Scan                *s,
      gint32               start,
      gint32               end,
      SitrepTimePrecision  precision,
      SitrepTimeOfDay      tod,
      gboolean             dated,
      guint                first,
      guint                last_excl)
{
  SitrepDateSpan span = { 0 };

  span.start_day = start;
  span.end_day = end < start ? start : end;
  span.precision = precision;
  span.time_of_day = tod;
  span.hour = -1;
  span.minute = -1;
  span.dated = dated;
  span.match_start = s->t[first].start;
  span.match_end = s->t[last_excl - 1].end;
  g_array_append_val (s->out, span);
}

static gboolean
resolve (Scan     *s,
         DatePart *p,
         int       default_y,
         int       default_m,
         gint32   *out)
{
  int m = p->m ? p->m : default_m;
  int y = p->y ? p->y : (default_y ? default_y : infer_year (s, m, p->d));
  if (!valid_ymd (y, m, p->d))
    return FALSE;
  *out = sitrep_days_from_ymd (y, m, p->d);
  return TRUE;
}

/* The part of day named by the word(s) just before token i: "on the night of", "в ночь
 * на", "у ніч проти", "on the morning of", "утром". Sets *into for a night that runs into
 * the date that follows, and *first to the first token of the phrase. */
static SitrepTimeOfDay
part_of_day_before (Scan     *s,
                    guint     i,
                    gboolean *into,
                    guint    *first)
{
  *into = FALSE;
  *first = i;
  for (guint back = 1; back <= 4 && back <= i; back++)
    {
      Tok *t = &s->t[i - back];
      int tod;
      if (t->type != T_WORD)
        {
          if (strcmp (t->w, ",") == 0)
            break;
          continue;
        }
      tod = lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), t->w);
      if (tod > 0)
        {
          *first = i - back;
          if (i - back >= 2 && (tok_is (s, i - back - 1, "the") && (tok_is (s, i - back - 2, "on") ||
                                                                    tok_is (s, i - back - 2, "in"))))
            *first = i - back - 2;
          else if (i - back >= 1 && (tok_is (s, i - back - 1, "в") || tok_is (s, i - back - 1, "у")))
            *first = i - back - 1;
          if (tod == SITREP_TIME_OF_DAY_NIGHT)
            {
              /* "night of 24", "overnight into 24", "ночь на 24", "ніч проти 24";
               * "the night of Monday" too. */
              *into = TRUE;
            }
          return tod;
        }
      /* Only little words between the part of day and the date. */
      if (!in_set (t->w, (const char *const[]) { "of", "into", "on", "to", "на", "проти", "with",
                                                 "the", "early", "late", NULL }))
        break;
    }
  return SITREP_TIME_OF_DAY_NONE;
}

static gboolean
try_range_or_date (Scan *s,
                   guint i,
                   guint *next)
{
  DatePart a, b;
  gint32 d1, d2;
  gboolean into;
  guint first;
  SitrepTimeOfDay tod;

  /* between/from/с D1 and/to/по D2 */
  if (s->t[i].type != T_NUM && in_set (s->t[i].w, range_from) && parse_date (s, i + 1, TRUE, &a) &&
      a.next < s->n && in_set (s->t[a.next].w, range_to) && s->t[a.next].type != T_NUM)
    {
      guint k = a.next + 1;
      /* "в ночь с 23 на 24 ноября" */
      gboolean night_pair = FALSE;
      if (!parse_date (s, k, TRUE, &b))
        {
          if (tok_is (s, a.next, "на") || tok_is (s, a.next, "into"))
            return FALSE;
          return FALSE;
        }
      if (a.m == 0 && b.m == 0)
        return FALSE;
      tod = part_of_day_before (s, i, &into, &first);
      if (tod == SITREP_TIME_OF_DAY_NIGHT)
        night_pair = TRUE;
      if (a.m == 0)
        {
          a.m = b.m;
          a.y = b.y;
        }
      if (b.m == 0)
        {
          b.m = a.m;
          b.y = a.y;
          if (b.d < a.d)
            b.m = a.m % 12 + 1;
        }
      if (!resolve (s, &b, 0, 0, &d2))
        return FALSE;
      {
        int by, bm, bd;
        sitrep_days_to_ymd (d2, &by, &bm, &bd);
        if (!resolve (s, &a, a.y ? a.y : (a.m > b.m ? by - 1 : by), 0, &d1))
          return FALSE;
      }
      if (d2 < d1 || d2 - d1 > 366)
        return FALSE;
      emit (s, d1, d2, night_pair ? SITREP_TIME_PRECISION_DAY : SITREP_TIME_PRECISION_RANGE,
            tod, TRUE, MIN (first, i), b.next);
      *next = b.next;
      return TRUE;
    }

  /* "17-23 November", "November 17-23" */
  if (s->t[i].type == T_NUM && s->t[i].nparts == 2 && s->t[i].sep == '-' &&
      s->t[i].ndigits[0] <= 2 && s->t[i].ndigits[1] <= 2)
    {
      guint j;
      int m = tok_month (s, i + 1, &j);
      if (m > 0)
        {
          a = (DatePart) { 0, m, s->t[i].part[0], 0 };
          b = (DatePart) { 0, m, s->t[i].part[1], 0 };
          if (tok_year (s, j) > 0)
            {
              a.y = b.y = tok_year (s, j);
              j++;
            }
          if (resolve (s, &b, b.y, m, &d2) && resolve (s, &a, 0, m, &d1) && d1 <= d2)
            {
              int by, bm, bd;
              sitrep_days_to_ymd (d2, &by, &bm, &bd);
              resolve (s, &a, by, m, &d1);
              tod = part_of_day_before (s, i, &into, &first);
              emit (s, d1, d2, tod == SITREP_TIME_OF_DAY_NIGHT ? SITREP_TIME_PRECISION_DAY
                                                                : SITREP_TIME_PRECISION_RANGE,
                    tod, TRUE, first, j);
              *next = j;
              return TRUE;
            }
        }
    }
  {
    guint j;
    int m = tok_month (s, i, &j);
    if (m > 0 && j < s->n && s->t[j].type == T_NUM && s->t[j].nparts == 2 && s->t[j].sep == '-' &&
        s->t[j].ndigits[0] <= 2 && s->t[j].ndigits[1] <= 2)
      {
        a = (DatePart) { 0, m, s->t[j].part[0], 0 };
        b = (DatePart) { 0, m, s->t[j].part[1], 0 };
        if (resolve (s, &b, 0, m, &d2))
          {
            int by, bm, bd;
            sitrep_days_to_ymd (d2, &by, &bm, &bd);
            if (resolve (s, &a, by, m, &d1) && d1 <= d2)
              {
                emit (s, d1, d2, SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, TRUE, i, j + 1);
                *next = j + 1;
                return TRUE;
              }
          }
      }
  }

  /* D1 – D2 Month, Month D1 – D2 (dash as its own token) */
  if (parse_date (s, i, TRUE, &a) && a.next + 1 < s->n && s->t[a.next].type == T_PUNCT &&
      (strcmp (s->t[a.next].w, "-") == 0 || strcmp (s->t[a.next].w, "–") == 0 ||
       strcmp (s->t[a.next].w, "—") == 0) &&
      parse_date (s, a.next + 1, a.m != 0, &b) && (a.m != 0 || b.m != 0))
    {
      if (a.m == 0)
        {
          a.m = b.m;
          a.y = b.y;
        }
      if (b.m == 0)
        {
          b.m = a.m;
          b.y = a.y;
        }
      if (resolve (s, &b, 0, 0, &d2))
        {
          int by, bm, bd;
          sitrep_days_to_ymd (d2, &by, &bm, &bd);
          if (resolve (s, &a, a.y ? a.y : (a.m > b.m ? by - 1 : by), 0, &d1) && d1 <= d2 &&
              d2 - d1 <= 366)
            {
              tod = part_of_day_before (s, i, &into, &first);
              emit (s, d1, d2, tod == SITREP_TIME_OF_DAY_NIGHT ? SITREP_TIME_PRECISION_DAY
                                                                : SITREP_TIME_PRECISION_RANGE,
                    tod, TRUE, first, b.next);
              *next = b.next;
              return TRUE;
            }
        }
    }

  /* A single date */
  if (parse_date (s, i, FALSE, &a) && resolve (s, &a, 0, 0, &d1))
    {
      guint j = a.next;
      tod = part_of_day_before (s, i, &into, &first);
      if (tod == SITREP_TIME_OF_DAY_NONE && j < s->n && s->t[j].type == T_WORD)
        {
          int after = lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), s->t[j].w);
          if (after > 0 && strcmp (s->t[j].w, "overnight") != 0)
            {
              tod = after;
              j++;
            }
        }
      if (tod == SITREP_TIME_OF_DAY_NIGHT && into)
        emit (s, d1 - 1, d1, SITREP_TIME_PRECISION_DAY, tod, TRUE, first, j);
      else
        emit (s, d1, d1, SITREP_TIME_PRECISION_DAY, tod, TRUE, first, j);
      *next = j;
      return TRUE;
    }
  return FALSE;
}

static gboolean
try_relative (Scan  *s,
              guint  i,
              guint *next)
{
  Tok *t = &s->t[i];
  gint32 p = s->published;
  int py, pm, pd;
  int wd;

  if (t->type != T_WORD)
    return FALSE;
  sitrep_days_to_ymd (p, &py, &pm, &pd);

#define W(k, word) tok_is (s, (k), (word))

  /* Weekdays: the last such day on or before publication. */
  wd = lookup (weekdays, G_N_ELEMENTS (weekdays), t->w);
  if (wd >= 0)
    {
      gint32 day = p - ((sitrep_days_weekday (p) - wd + 7) % 7);
      gboolean into;
      guint first = i, j = i + 1;
      SitrepTimeOfDay tod = part_of_day_before (s, i, &into, &first);
      if (first == i && i > 0 && (W (i - 1, "on") || W (i - 1, "в") || W (i - 1, "у") ||
                                  W (i - 1, "во") || W (i - 1, "last")))
        first = i - 1;
      if (tod == SITREP_TIME_OF_DAY_NONE && j < s->n && s->t[j].type == T_WORD)
        {
          int after = lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), s->t[j].w);
          if (after > 0)
            {
              tod = after;
              j++;
            }
        }
      if (tod == SITREP_TIME_OF_DAY_NIGHT && into)
        emit (s, day - 1, day, SITREP_TIME_PRECISION_DAY, tod, TRUE, first, j);
      else
        emit (s, day, day, SITREP_TIME_PRECISION_DAY, tod, TRUE, first, j);
      *next = j;
      return TRUE;
    }

  if (W (i, "yesterday") || W (i, "вчера") || W (i, "вчора") || W (i, "позавчера") ||
      W (i, "позавчора") || W (i, "today") || W (i, "сегодня") || W (i, "сьогодні"))
    {
      gint32 day = p;
      guint j = i + 1;
      SitrepTimeOfDay tod = SITREP_TIME_OF_DAY_NONE;
      if (W (i, "yesterday") || W (i, "вчера") || W (i, "вчора"))
        day = p - 1;
      else if (W (i, "позавчера") || W (i, "позавчора"))
        day = p - 2;
      if (j < s->n && s->t[j].type == T_WORD &&
          lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), s->t[j].w) > 0)
        {
          tod = lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), s->t[j].w);
          j++;
        }
      if (tod == SITREP_TIME_OF_DAY_NIGHT && day == p)
        emit (s, p - 1, p, SITREP_TIME_PRECISION_DAY, tod, TRUE, i, j);
      else
        emit (s, day, day, SITREP_TIME_PRECISION_DAY, tod, TRUE, i, j);
      *next = j;
      return TRUE;
    }

  /* "last night", "overnight", "this morning", "прошлой ночью", "минулої ночі" */
  if ((W (i, "last") && W (i + 1, "night")) || (W (i, "прошлой") && W (i + 1, "ночью")) ||
      (W (i, "этой") && W (i + 1, "ночью")) || (W (i, "минулої") && W (i + 1, "ночі")) ||
      (W (i, "цієї") && W (i + 1, "ночі")) || (W (i, "минулої") && W (i + 1, "доби")))
    {
      emit (s, p - 1, p, SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }
  if (W (i, "overnight") && !(i + 2 < s->n && (W (i + 1, "into") || W (i + 1, "on") || W (i + 1, "to"))))
    {
      emit (s, p - 1, p, SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, TRUE, i, i + 1);
      *next = i + 1;
      return TRUE;
    }
  if (W (i, "this") && (W (i + 1, "morning") || W (i + 1, "evening") || W (i + 1, "afternoon")))
    {
      emit (s, p, p, SITREP_TIME_PRECISION_DAY,
            W (i + 1, "morning") ? SITREP_TIME_OF_DAY_MORNING :
            W (i + 1, "evening") ? SITREP_TIME_OF_DAY_EVENING : SITREP_TIME_OF_DAY_DAY,
            TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }

  /* Weeks */
  if ((W (i, "last") && W (i + 1, "week")) || (W (i, "прошлой") && W (i + 1, "неделе")) ||
      (W (i, "минулого") && W (i + 1, "тижня")) || (W (i, "минулому") && W (i + 1, "тижні")))
    {
      gint32 monday = p - sitrep_days_weekday (p) - 7;
      emit (s, monday, monday + 6, SITREP_TIME_PRECISION_WEEK, SITREP_TIME_OF_DAY_NONE, TRUE,
            (i > 0 && (W (i - 1, "на"))) ? i - 1 : i, i + 2);
      *next = i + 2;
      return TRUE;
    }
  if ((W (i, "this") && W (i + 1, "week")) || (W (i, "этой") && W (i + 1, "неделе")) ||
      (W (i, "цього") && W (i + 1, "тижня")) || (W (i, "цьому") && W (i + 1, "тижні")) ||
      (W (i, "earlier") && W (i + 1, "this") && W (i + 2, "week")))
    {
      guint len = W (i, "earlier") ? 3 : 2;
      gint32 monday = p - sitrep_days_weekday (p);
      emit (s, monday, p, SITREP_TIME_PRECISION_WEEK, SITREP_TIME_OF_DAY_NONE, TRUE, i, i + len);
      *next = i + len;
      return TRUE;
    }
  if ((W (i, "past") || W (i, "last") || W (i, "previous")) && W (i + 1, "24") )
    return FALSE;
  if (((W (i, "past") || W (i, "last") || W (i, "previous")) && (W (i + 1, "day"))) ||
      ((W (i, "последние") || W (i, "прошедшие") || W (i, "минулу") || W (i, "минулі")) &&
       (W (i + 1, "сутки") || W (i + 1, "добу"))))
    {
      emit (s, p - 1, p, SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }
  if (W (i, "за") && (W (i + 1, "сутки") || W (i + 1, "добу")))
    {
      emit (s, p - 1, p, SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }
  if ((W (i, "past") || W (i, "previous")) && W (i + 1, "week"))
    {
      emit (s, p - 7, p, SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }

  /* Months */
  if ((W (i, "earlier") && W (i + 1, "this") && W (i + 2, "month")) ||
      (W (i, "this") && W (i + 1, "month")) || (W (i, "этом") && W (i + 1, "месяце")) ||
      (W (i, "цього") && W (i + 1, "місяця")) || (W (i, "цьому") && W (i + 1, "місяці")))
    {
      guint len = W (i, "earlier") ? 3 : 2;
      emit (s, sitrep_days_from_ymd (py, pm, 1), p, SITREP_TIME_PRECISION_MONTH,
            SITREP_TIME_OF_DAY_NONE, TRUE, i, i + len);
      *next = i + len;
      return TRUE;
    }
  if ((W (i, "last") && W (i + 1, "month")) || (W (i, "прошлом") && W (i + 1, "месяце")) ||
      (W (i, "минулого") && W (i + 1, "місяця")) || (W (i, "минулому") && W (i + 1, "місяці")))
    {
      int ly = pm == 1 ? py - 1 : py, lm = pm == 1 ? 12 : pm - 1;
      emit (s, sitrep_days_from_ymd (ly, lm, 1),
            sitrep_days_from_ymd (ly, lm, g_date_get_days_in_month (lm, ly)),
            SITREP_TIME_PRECISION_MONTH, SITREP_TIME_OF_DAY_NONE, TRUE, i, i + 2);
      *next = i + 2;
      return TRUE;
    }
  /* "in November [2024]", "в ноябре", "у листопаді" (a month with no day) */
  if ((W (i, "in") || W (i, "в") || W (i, "у") || W (i, "since") || W (i, "during")) && i + 1 < s->n)
    {
      guint j;
      int m = tok_month (s, i + 1, &j);
      if (m > 0 && !(j < s->n && s->t[j].type == T_NUM && s->t[j].ndigits[0] <= 2) && strcmp (s->t[i + 1].w, "may") != 0 &&
          strcmp (s->t[i + 1].w, "mar") != 0)
        {
          int y = tok_year (s, j);
          if (y > 0)
            j++;
          else
            y = infer_year (s, m, 1);
          emit (s, sitrep_days_from_ymd (y, m, 1),
                sitrep_days_from_ymd (y, m, g_date_get_days_in_month (m, y)),
                SITREP_TIME_PRECISION_MONTH, SITREP_TIME_OF_DAY_NONE, TRUE, i, j);
          *next = j;
          return TRUE;
        }
    }
#undef W
  return FALSE;
}

static SitrepTimeOfDay
tod_of_hour (int hour)
{
  if (hour >= 5 && hour < 12)
    return SITREP_TIME_OF_DAY_MORNING;
  if (hour >= 12 && hour < 18)
    return SITREP_TIME_OF_DAY_DAY;
  if (hour >= 18 && hour < 23)
    return SITREP_TIME_OF_DAY_EVENING;
  return SITREP_TIME_OF_DAY_NIGHT;
}

/* "10:30", "10:30 a.m.", "10 p.m.", "at around 10:30", "о 10:30", "около 22:00" */
static gboolean
try_clock (Scan  *s,
           guint  i,
           guint *next)
{
  Tok *t = &s->t[i];
  int hour, minute = 0;
  guint j = i + 1;
  gsize after;
  int ampm = 0;
  SitrepDateSpan span = { 0 };
  guint first = i;

  if (t->type != T_NUM)
    return FALSE;
  if (t->nparts == 2 && (t->sep == ':' || t->sep == '.') && t->ndigits[1] == 2 && t->part[0] <= 24 &&
      t->part[1] <= 59)
    {
      hour = t->part[0];
      minute = t->part[1];
    }
  else if (t->nparts == 1 && t->ndigits[0] <= 2 && t->part[0] >= 1 && t->part[0] <= 12)
    hour = t->part[0];
  else
    return FALSE;

  /* a.m. / p.m. / am / pm right after the number */
  after = t->end;
  while (after < s->len && s->folded[after] == ' ')
    after++;
  if (after + 1 < s->len + 1 && (strncmp (s->folded + after, "a.m", 3) == 0 ||
                                 strncmp (s->folded + after, "p.m", 3) == 0 ||
                                 ((strncmp (s->folded + after, "am", 2) == 0 ||
                                   strncmp (s->folded + after, "pm", 2) == 0) &&
                                  (after + 2 >= s->len || !g_ascii_isalnum (s->folded[after + 2])))))
    {
      ampm = s->folded[after] == 'a' ? 1 : 2;
      while (j < s->n && s->t[j].start < after + 4 &&
             (tok_is (s, j, "a") || tok_is (s, j, "p") || tok_is (s, j, "m") || tok_is (s, j, ".") ||
              tok_is (s, j, "am") || tok_is (s, j, "pm")))
        j++;
    }
  if (ampm == 0 && t->nparts == 1)
    return FALSE;
  if (ampm == 0 && t->sep == '.')
    return FALSE;
  if (ampm != 0 && hour > 12)
    return FALSE;
  if (ampm == 2 && hour < 12)
    hour += 12;
  if (ampm == 1 && hour == 12)
    hour = 0;
  if (hour == 24)
    hour = 0;

  for (guint back = 1; back <= 3 && back <= i; back++)
    {
      Tok *b = &s->t[i - back];
      if (b->type == T_WORD && in_set (b->w, (const char *const[]) { "at", "around", "about",
                                                                     "approximately", "roughly",
                                                                     "о", "об", "в", "около",
                                                                     "близько", "приблизно",
                                                                     "примерно", "after", "before",
                                                                     "till", "until", NULL }))
        first = i - back;
      else
        break;
    }

  span.start_day = span.end_day = s->published;
  span.precision = SITREP_TIME_PRECISION_TIME;
  span.time_of_day = tod_of_hour (hour);
  span.hour = hour;
  span.minute = minute;
  span.dated = FALSE;
  span.match_start = s->t[first].start;
  span.match_end = s->t[j - 1].end;
  if (ampm != 0 && span.match_end < after + 3)
    span.match_end = MIN (s->len, after + (s->folded[after + 1] == '.' ? 4 : 2));
  g_array_append_val (s->out, span);
  *next = j;
  return TRUE;
}

/* "at night", "in the morning", "ночью", "вранці" with no date next to them. */
static gboolean
try_part_of_day (Scan  *s,
                 guint  i,
                 guint *next)
{
  int tod;
  guint first = i;
  SitrepDateSpan span = { 0 };

  if (s->t[i].type != T_WORD)
    return FALSE;
  tod = lookup (parts_of_day, G_N_ELEMENTS (parts_of_day), s->t[i].w);
  if (tod <= 0)
    return FALSE;
  if (strcmp (s->t[i].w, "night") == 0 || strcmp (s->t[i].w, "morning") == 0 ||
      strcmp (s->t[i].w, "evening") == 0 || strcmp (s->t[i].w, "afternoon") == 0)
    {
      /* English needs "at night", "in the morning", "early morning", "late evening". */
      if (i >= 1 && (tok_is (s, i - 1, "at") || tok_is (s, i - 1, "early") || tok_is (s, i - 1, "late")))
        first = i - 1;
      else if (i >= 2 && tok_is (s, i - 1, "the") && tok_is (s, i - 2, "in"))
        first = i - 2;
      else
        return FALSE;
    }
  else if (strcmp (s->t[i].w, "ніч") == 0 || strcmp (s->t[i].w, "ночь") == 0 ||
           strcmp (s->t[i].w, "ночі") == 0 || strcmp (s->t[i].w, "утро") == 0 ||
           strcmp (s->t[i].w, "вечер") == 0 || strcmp (s->t[i].w, "ранку") == 0 ||
           strcmp (s->t[i].w, "вечора") == 0)
    return FALSE;
  span.start_day = span.end_day = s->published;
  span.precision = SITREP_TIME_PRECISION_REPORTED;
  span.time_of_day = tod;
  span.hour = span.minute = -1;
  span.dated = FALSE;
  span.match_start = s->t[first].start;
  span.match_end = s->t[i].end;
  g_array_append_val (s->out, span);
  *next = i + 1;
  return TRUE;
}

GArray *
sitrep_dates_scan (const char *text,
                   gsize       len,
                   gint32      published)
{
  g_autofree char *folded = g_malloc (len + 1);

  sitrep_text_fold (text, len, folded);
  folded[len] = '\0';
  return sitrep_dates_scan_folded (folded, len, published);
}

GArray *
sitrep_dates_scan_folded (const char *folded,
                          gsize       len,
                          gint32      published)
{
  g_autoptr (GArray) toks = NULL;
  Scan s;
  guint i = 0;

  toks = tokenize (folded, len);

  s.folded = folded;
  s.len = len;
  s.t = (Tok *) toks->data;
  s.n = toks->len;
  s.published = published;
  s.out = g_array_new (FALSE, TRUE, sizeof (SitrepDateSpan));

  while (i < s.n)
    {
      guint next = i + 1;
      guint before = s.out->len;
      guint start_tok = i;
      /* Most words cannot start a date. */
      if (s.t[i].type == T_PUNCT ||
          (s.t[i].type == T_WORD && !g_hash_table_contains (word_table (), s.t[i].w)))
        {
          i++;
          continue;
        }
      if (try_range_or_date (&s, i, &next))
        {
          /* "said on Sept. 3", "published on Nov. 28": the date of the report, which
           * yields to a date of the event ("over the past day"). */
          if (start_tok >= 2 && (tok_is (&s, start_tok - 1, "on") || tok_is (&s, start_tok - 1, "in")) &&
              (tok_is (&s, start_tok - 2, "said") || tok_is (&s, start_tok - 2, "reported") ||
               tok_is (&s, start_tok - 2, "published") || tok_is (&s, start_tok - 2, "announced") ||
               tok_is (&s, start_tok - 2, "report") || tok_is (&s, start_tok - 2, "statement") ||
               tok_is (&s, start_tok - 2, "update") || tok_is (&s, start_tok - 2, "wrote")))
            for (guint k = before; k < s.out->len; k++)
              g_array_index (s.out, SitrepDateSpan, k).relative = TRUE;
          i = MAX (next, i + 1);
        }
      else if (try_relative (&s, i, &next))
        {
          for (guint k = before; k < s.out->len; k++)
            g_array_index (s.out, SitrepDateSpan, k).relative = TRUE;
          i = MAX (next, i + 1);
        }
      else if (try_clock (&s, i, &next) || try_part_of_day (&s, i, &next))
        i = MAX (next, i + 1);
      else
        i++;
    }
  return s.out;
}

gboolean
sitrep_dates_find (const char     *text,
                   gsize           len,
                   gint32          published,
                   SitrepDateSpan *out)
{
  g_autoptr (GArray) spans = sitrep_dates_scan (text, len, published);
  return sitrep_dates_pick (spans, out);
}

gboolean
sitrep_dates_pick (GArray         *spans,
                   SitrepDateSpan *out)
{
  const SitrepDateSpan *dated = NULL, *undated = NULL;
  /* An explicit date wins over a relative one ("over the past day, 24 November"). */
  for (guint i = 0; i < spans->len; i++)
    {
      const SitrepDateSpan *sp = &g_array_index (spans, SitrepDateSpan, i);
      if (sp->dated && (dated == NULL || (dated->relative && !sp->relative)))
        dated = sp;
      else if (!sp->dated && undated == NULL)
        undated = sp;
    }
  /* "Nov 20 ... on Wednesday morning": the part of day of the same day. */
  if (dated != NULL && dated->time_of_day == SITREP_TIME_OF_DAY_NONE)
    for (guint i = 0; i < spans->len; i++)
      {
        const SitrepDateSpan *sp = &g_array_index (spans, SitrepDateSpan, i);
        if (sp != dated && sp->dated && sp->time_of_day != SITREP_TIME_OF_DAY_NONE &&
            sp->end_day == dated->end_day && sp->start_day >= dated->start_day)
          {
            *out = *sp;
            return TRUE;
          }
      }
  if (dated == NULL && undated == NULL)
    return FALSE;
  if (dated == NULL)
    {
      *out = *undated;
      return TRUE;
    }
  *out = *dated;
  if (undated != NULL)
    {
      if (out->time_of_day == SITREP_TIME_OF_DAY_NONE)
        out->time_of_day = undated->time_of_day;
      if (undated->hour >= 0 && out->precision == SITREP_TIME_PRECISION_DAY &&
          out->start_day == out->end_day)
        {
          out->hour = undated->hour;
          out->minute = undated->minute;
          out->precision = SITREP_TIME_PRECISION_TIME;
          out->time_of_day = undated->time_of_day;
        }
    }
  return TRUE;
}
