/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-format.c: an event's dates, place, figures and speakers as a reader sees them.
 *
 * Event times are UTC days (the model's spans are [start, end) in unix seconds), so they
 * are shown in UTC: a local time zone would move a night-of strike to the wrong day. */
#define G_LOG_DOMAIN "sitrep-format"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-format.h"

#define DAY_SECONDS (24 * 60 * 60)

static char *
format_utc (gint64      t,
            const char *format)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);

  if (dt == NULL)
    return g_strdup ("?");
  return g_date_time_format (dt, format);
}

char *
sitrep_format_day (gint64 t)
{
  /* TRANSLATORS: a day, see g_date_time_format(): "24 Nov 2024" */
  return format_utc (t, C_("date", "%-d %b %Y"));
}

static const char *
time_of_day_label (SitrepTimeOfDay t)
{
  switch (t)
    {
    case SITREP_TIME_OF_DAY_NIGHT:
      return _("night");
    case SITREP_TIME_OF_DAY_MORNING:
      return _("morning");
    case SITREP_TIME_OF_DAY_DAY:
      return _("daytime");
    case SITREP_TIME_OF_DAY_EVENING:
      return _("evening");
    case SITREP_TIME_OF_DAY_NONE:
    case SITREP_N_TIMES_OF_DAY:
    default:
      return NULL;
    }
}

static char *
format_range (gint64 first,
              gint64 last)
{
  g_autoptr (GDateTime) a = g_date_time_new_from_unix_utc (first);
  g_autoptr (GDateTime) b = g_date_time_new_from_unix_utc (last);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (a == NULL || b == NULL)
    return g_strdup ("?");

  if (g_date_time_get_year (a) == g_date_time_get_year (b)
      && g_date_time_get_month (a) == g_date_time_get_month (b))
    {
      /* TRANSLATORS: the first day of a range within one month: "17" of "17–23 Nov 2024" */
      from = g_date_time_format (a, C_("date range", "%-d"));
      to = sitrep_format_day (last);
      /* TRANSLATORS: a range of days in one month: "17–23 Nov 2024" */
      return g_strdup_printf (C_("date range", "%s–%s"), from, to);
    }
  if (g_date_time_get_year (a) == g_date_time_get_year (b))
    /* TRANSLATORS: the first day of a range within one year: "28 Nov" of "28 Nov – 2 Dec 2024" */
    from = g_date_time_format (a, C_("date range", "%-d %b"));
  else
    from = sitrep_format_day (first);
  to = sitrep_format_day (last);
  /* TRANSLATORS: a range of days across months: "28 Nov – 2 Dec 2024" */
  return g_strdup_printf (C_("date range", "%s – %s"), from, to);
}

char *
sitrep_format_event_dates (SitrepEvent *event)
{
  gint64 last;
  g_autofree char *dates = NULL;
  const char *part;

  g_return_val_if_fail (SITREP_IS_EVENT (event), NULL);

  /* The span is half-open: its last day is the one holding end - 1. */
  last = MAX (event->start, event->end - 1);

  switch (event->time_precision)
    {
    case SITREP_TIME_PRECISION_MONTH:
      /* TRANSLATORS: a month, see g_date_time_format(): "November 2024" */
      return format_utc (event->start, C_("date", "%B %Y"));

    case SITREP_TIME_PRECISION_TIME:
      {
        g_autofree char *day = sitrep_format_day (event->start);
        /* TRANSLATORS: a time of day in UTC, see g_date_time_format(): "10:30" */
        g_autofree char *time = format_utc (event->start, C_("time", "%H:%M"));

        /* TRANSLATORS: "24 Nov 2024, 10:30 UTC" */
        return g_strdup_printf (_("%s, %s UTC"), day, time);
      }

    case SITREP_TIME_PRECISION_REPORTED:
      {
        g_autofree char *day = sitrep_format_day (event->start);

        /* TRANSLATORS: no date in the text, only the article's: "reported 25 Nov 2024" */
        return g_strdup_printf (_("reported %s"), day);
      }

    case SITREP_TIME_PRECISION_DAY:
    case SITREP_TIME_PRECISION_RANGE:
    case SITREP_TIME_PRECISION_WEEK:
    case SITREP_N_TIME_PRECISIONS:
    default:
      break;
    }

  if (last / DAY_SECONDS == event->start / DAY_SECONDS
      || (last - event->start) < DAY_SECONDS)
    dates = sitrep_format_day (event->start);
  else
    dates = format_range (event->start, last);

  part = time_of_day_label (event->time_of_day);
  if (part)
    /* TRANSLATORS: days and a part of day: "23–24 Nov 2024, night" */
    return g_strdup_printf (_("%s, %s"), dates, part);
  return g_steal_pointer (&dates);
}

char *
sitrep_format_event_place (SitrepEvent *event)
{
  const char *name = NULL;
  const char *region;

  g_return_val_if_fail (SITREP_IS_EVENT (event), NULL);

  if (event->place && event->place->name && *event->place->name)
    name = event->place->name;
  else if (event->place_as_written && *event->place_as_written)
    name = event->place_as_written;

  region = event->admin1;
  if ((region == NULL || *region == '\0') && event->place)
    region = event->place->admin1;
  if (region && *region == '\0')
    region = NULL;

  if (event->geo_precision == SITREP_GEO_PRECISION_REGION || name == NULL)
    {
      if (region)
        /* TRANSLATORS: only the region of an event is known */
        return g_strdup_printf (_("somewhere in %s"), region);
      if (name)
        return g_strdup_printf (_("somewhere in %s"), name);
      return g_strdup (_("Unknown place"));
    }

  if (event->geo_precision == SITREP_GEO_PRECISION_NEAR)
    {
      if (region)
        /* TRANSLATORS: near or part of a settlement, then its region */
        return g_strdup_printf (_("near %s, %s"), name, region);
      return g_strdup_printf (_("near %s"), name);
    }

  if (region)
    /* TRANSLATORS: a settlement, then its region */
    return g_strdup_printf (_("%s, %s"), name, region);
  return g_strdup (name);
}

const char *
sitrep_format_figure_kind_label (SitrepFigureKind kind)
{
  switch (kind)
    {
    case SITREP_FIGURE_TROOPS:
      return _("Troops");
    case SITREP_FIGURE_KILLED:
      return _("Killed");
    case SITREP_FIGURE_WOUNDED:
      return _("Wounded");
    case SITREP_FIGURE_CASUALTIES:
      return _("Casualties");
    case SITREP_FIGURE_CAPTURED:
      return _("Captured");
    case SITREP_FIGURE_MISSILES:
      return _("Missiles");
    case SITREP_FIGURE_DRONES:
      return _("Drones");
    case SITREP_FIGURE_OTHER:
    case SITREP_N_FIGURE_KINDS:
    default:
      return _("Other figure");
    }
}

static char *
format_number (gint64 n)
{
  /* The ' flag groups thousands as the locale does. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
sitrep_format_figure (const SitrepFigure *figure)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  if (figure->low >= 0 && figure->high >= 0 && figure->low != figure->high)
    {
      g_autofree char *low = format_number (figure->low);
      g_autofree char *high = format_number (figure->high);

      /* TRANSLATORS: a range of numbers: "40–50" */
      number = g_strdup_printf (_("%s–%s"), low, high);
    }
  else
    number = format_number (figure->value);

  if (figure->qualifier && *figure->qualifier)
    /* TRANSLATORS: figure kind, qualifier as written, number: "Troops: approximately 6,500" */
    return g_strdup_printf (_("%s: %s %s"), sitrep_format_figure_kind_label (figure->kind),
                            figure->qualifier, number);
  /* TRANSLATORS: figure kind and number: "Casualties: 3,920" */
  return g_strdup_printf (_("%s: %s"), sitrep_format_figure_kind_label (figure->kind), number);
}

char *
sitrep_format_speaker (SitrepClaim *claim)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  if (claim->attributed_to && *claim->attributed_to)
    g_ptr_array_add (parts, claim->attributed_to);
  if (claim->role && *claim->role)
    g_ptr_array_add (parts, claim->role);
  if (claim->affiliation && *claim->affiliation)
    g_ptr_array_add (parts, claim->affiliation);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

char *
sitrep_format_cues (const char * const *cues)
{
  GString *s;

  if (cues == NULL || cues[0] == NULL)
    return NULL;

  s = g_string_new (NULL);
  for (guint i = 0; cues[i]; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      /* TRANSLATORS: a cue phrase quoted as written */
      g_string_append_printf (s, _("“%s”"), cues[i]);
    }
  return g_string_free (s, FALSE);
}
