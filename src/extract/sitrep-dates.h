/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-dates.h: date and time expressions in English, Ukrainian and Russian, resolved
 * against the publication date. */
#pragma once

#include <glib.h>

#include "sitrep-types.h"

G_BEGIN_DECLS

/* Days are counted from 1970-01-01 (day 0), in UTC. */
gint32   sitrep_days_from_ymd (int     year,
                               int     month,
                               int     day);
void     sitrep_days_to_ymd   (gint32  days,
                               int    *year,
                               int    *month,
                               int    *day);
/* 0 = Monday ... 6 = Sunday. */
int      sitrep_days_weekday  (gint32  days);

typedef struct
{
  gint32 start_day;              /* first day, inclusive */
  gint32 end_day;                /* last day, inclusive */
  SitrepTimePrecision precision; /* TIME, DAY, RANGE, WEEK or MONTH */
  SitrepTimeOfDay time_of_day;
  int hour;                      /* -1 when no clock time */
  int minute;
  gboolean dated;                /* FALSE for a clock time or part of day on its own */
  gboolean relative;             /* "yesterday", "on Monday", "over the past day" */
  gsize match_start;             /* byte offsets of the expression in the scanned text */
  gsize match_end;
} SitrepDateSpan;

/* Every date expression in text (UTF-8, len bytes), in order of appearance: explicit dates
 * ("November 24", "24 November 2024", "Nov. 24", "24.11.2024", "2024-11-24",
 * "24 листопада", "24 ноября"), nights ("on the night of November 24", "в ночь на 24
 * ноября": start the 23rd, end the 24th), ranges ("between November 17 and 23", "from 17
 * to 23 November", "с 17 по 23 ноября"), weekdays ("on Monday": the last Monday on or
 * before publication), "yesterday", "last night", "last week", "earlier this month", and
 * clock times ("at around 10:30 a.m."). A year left out is the publication's, or the year
 * before when that would put the date after publication. A clock time or a part of day
 * with no date of its own applies to the date expression next to it, or stands alone
 * (then start_day = end_day = published). */
GArray  *sitrep_dates_scan    (const char *text,
                               gsize       len,
                               gint32      published);

/* The same over text already folded with sitrep_text_fold() (the extractor folds a
 * document once); offsets are the same. */
GArray  *sitrep_dates_scan_folded (const char *folded,
                                   gsize       len,
                                   gint32      published);

/* The expression of spans (from sitrep_dates_scan()) that dates the text, merged with the
 * clock time or part of day that goes with it: the first explicit date, else the first
 * relative one; FALSE when there is none. */
gboolean sitrep_dates_pick    (GArray         *spans,
                               SitrepDateSpan *out);

/* The first expression of sitrep_dates_scan() merged with the clock time or part of day
 * that goes with it; FALSE when text has none. */
gboolean sitrep_dates_find    (const char     *text,
                               gsize           len,
                               gint32          published,
                               SitrepDateSpan *out);

G_END_DECLS
