/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-dates.c: date expressions resolve to the days an analyst would read. */

#include <string.h>

#include "sitrep-dates.h"

static gint32
day (const char *iso)
{
  gint64 t = 0;
  g_assert_true (sitrep_iso_day_to_unix (iso, &t));
  return (gint32) (t / 86400);
}

static char *
iso (gint32 d)
{
  return sitrep_unix_to_iso_day ((gint64) d * 86400);
}

typedef struct
{
  const char *published;
  const char *text;
  const char *start;         /* NULL: no date expected */
  const char *end;
  SitrepTimePrecision precision;
  SitrepTimeOfDay tod;
  const char *as_written;    /* the matched bytes, or NULL not to check */
} Case;

static const Case cases[] = {
  { "2024-11-25", "Shelling was reported on November 24 in the town.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "November 24" },
  { "2024-11-25", "The attack took place on 24 November 2024.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "24 November 2024" },
  { "2024-11-25", "On Nov. 24, drones hit the plant.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "Nov. 24" },
  { "2024-11-25", "Nov 24, 2023 was different.", "2023-11-24", "2023-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "Nov 24, 2023" },
  { "2024-11-25", "Обстріл стався 24.11.2024 близько полудня.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "24.11.2024" },
  { "2024-11-25", "Dated 2024-11-24 in the log.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "2024-11-24" },
  { "2024-11-25", "Ворог обстріляв громаду 24 листопада.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "24 листопада" },
  { "2024-11-25", "Удар был нанесен 24 ноября 2024 года.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "24 ноября 2024 года" },
  { "2024-11-25", "On the night of November 24, forces struck a depot.", "2024-11-23",
    "2024-11-24", SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT,
    "On the night of November 24" },
  { "2024-11-25", "В ночь на 24 ноября ВСУ атаковали.", "2024-11-23", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, "В ночь на 24 ноября" },
  { "2024-11-25", "У ніч проти 24 листопада ворог атакував.", "2024-11-23", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, NULL },
  { "2024-11-25", "В ночь с 22 на 23 ноября был нанесен удар.", "2024-11-22", "2024-11-23",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, NULL },
  { "2024-11-25", "losses between November 17 and 23 were high", "2024-11-17", "2024-11-23",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, "between November 17 and 23" },
  { "2024-11-25", "from 17 to 23 November the unit held", "2024-11-17", "2024-11-23",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, "from 17 to 23 November" },
  { "2024-11-25", "с 17 по 23 ноября противник потерял", "2024-11-17", "2024-11-23",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, "с 17 по 23 ноября" },
  { "2024-11-25", "з 17 по 23 листопада", "2024-11-17", "2024-11-23",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2024-11-25", "during November 17-23 the unit", "2024-11-17", "2024-11-23",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2025-01-03", "between December 28 and January 2 there were", "2024-12-28", "2025-01-02",
    SITREP_TIME_PRECISION_RANGE, SITREP_TIME_OF_DAY_NONE, NULL },
  /* 2024-11-25 is a Monday. */
  { "2024-11-25", "Russian forces shelled the village on Monday.", "2024-11-25", "2024-11-25",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "on Monday" },
  { "2024-11-27", "Russian forces shelled the village on Monday.", "2024-11-25", "2024-11-25",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "on Monday" },
  { "2024-11-27", "В понедельник армия нанесла удар.", "2024-11-25", "2024-11-25",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2024-11-28", "У п’ятницю окупанти обстріляли місто.", "2024-11-22", "2024-11-22",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2024-11-25", "A drone struck the depot yesterday.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, "yesterday" },
  { "2024-11-25", "Вчера вечером дроны атаковали.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_EVENING, NULL },
  { "2024-11-25", "Missiles hit the city last night.", "2024-11-24", "2024-11-25",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NIGHT, "last night" },
  /* Last week of a Wednesday: Monday 18 to Sunday 24. */
  { "2024-11-27", "the brigade advanced last week", "2024-11-18", "2024-11-24",
    SITREP_TIME_PRECISION_WEEK, SITREP_TIME_OF_DAY_NONE, "last week" },
  { "2024-11-27", "Earlier this month, the front moved.", "2024-11-01", "2024-11-27",
    SITREP_TIME_PRECISION_MONTH, SITREP_TIME_OF_DAY_NONE, "Earlier this month" },
  /* Year inference across New Year. */
  { "2025-01-04", "The strike on December 30 killed two.", "2024-12-30", "2024-12-30",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2025-01-04", "The strike on January 2 killed two.", "2025-01-02", "2025-01-02",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, NULL },
  { "2025-01-04", "Удар 31 грудня зруйнував школу.", "2024-12-31", "2024-12-31",
    SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_NONE, NULL },
  /* Clock times. */
  { "2024-11-25", "On November 24 at around 10:30 a.m. a missile hit the port.", "2024-11-24",
    "2024-11-24", SITREP_TIME_PRECISION_TIME, SITREP_TIME_OF_DAY_MORNING, NULL },
  { "2024-11-25", "The blast came at 9 p.m. on Sunday.", "2024-11-24", "2024-11-24",
    SITREP_TIME_PRECISION_TIME, SITREP_TIME_OF_DAY_EVENING, NULL },
  { "2024-11-25", "The morning of November 24 was quiet until shelling began.", "2024-11-24",
    "2024-11-24", SITREP_TIME_PRECISION_DAY, SITREP_TIME_OF_DAY_MORNING, NULL },
  /* Not dates. */
  { "2024-11-25", "About 6,500 troops and 12 tanks were there.", NULL, NULL, 0, 0, NULL },
  { "2024-11-25", "The BM-21 fired 40 rockets; losses may rise.", NULL, NULL, 0, 0, NULL },
  { "2024-11-25", "Andrei Marocho said the figure was high.", NULL, NULL, 0, 0, NULL },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      SitrepDateSpan span;
      gboolean found = sitrep_dates_find (c->text, strlen (c->text), day (c->published), &span);

      g_test_message ("%s | %s", c->published, c->text);
      if (c->start == NULL)
        {
          g_assert_false (found);
          continue;
        }
      g_assert_true (found);
      {
        g_autofree char *s = iso (span.start_day);
        g_autofree char *e = iso (span.end_day);
        g_assert_cmpstr (s, ==, c->start);
        g_assert_cmpstr (e, ==, c->end);
      }
      g_assert_cmpint (span.precision, ==, c->precision);
      g_assert_cmpint (span.time_of_day, ==, c->tod);
      if (c->as_written != NULL)
        {
          g_autofree char *w = g_strndup (c->text + span.match_start,
                                          span.match_end - span.match_start);
          g_assert_cmpstr (w, ==, c->as_written);
        }
    }
}

static void
test_clock_alone (void)
{
  const char *t = "Explosions were heard at around 10:30 a.m. in the city.";
  SitrepDateSpan span;

  g_assert_true (sitrep_dates_find (t, strlen (t), day ("2024-11-25"), &span));
  g_assert_false (span.dated);
  g_assert_cmpint (span.hour, ==, 10);
  g_assert_cmpint (span.minute, ==, 30);
  g_assert_cmpint (span.precision, ==, SITREP_TIME_PRECISION_TIME);
  g_assert_cmpint (span.start_day, ==, day ("2024-11-25"));
}

static void
test_weekday_math (void)
{
  int y, m, d;
  g_assert_cmpint (sitrep_days_weekday (day ("2024-11-25")), ==, 0);
  g_assert_cmpint (sitrep_days_weekday (day ("2024-11-24")), ==, 6);
  sitrep_days_to_ymd (day ("2000-02-29"), &y, &m, &d);
  g_assert_cmpint (y, ==, 2000);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  g_assert_cmpint (sitrep_days_from_ymd (1970, 1, 1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/dates/cases", test_cases);
  g_test_add_func ("/extract/dates/clock-alone", test_clock_alone);
  g_test_add_func ("/extract/dates/weekday-math", test_weekday_math);
  return g_test_run ();
}
