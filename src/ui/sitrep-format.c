/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-format.c: an event's dates, place, figures and speakers as a reader sees them.
 *
 * Event times are UTC days (the model's spans are [start, end) in unix seconds), so they
 * are shown in UTC: a local time zone would move a night-of strike to the wrong day. */
#define G_LOG_DOMAIN "sitrep-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sitrep-verdict.h"
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

/* The dates with the part of day when it is known: "night of 23–24 Nov 2024". */
static char *
with_time_of_day (SitrepTimeOfDay t,
                  char           *dates)
{
  g_autofree char *owned = dates;

  switch (t)
    {
    case SITREP_TIME_OF_DAY_NIGHT:
      /* TRANSLATORS: the night of a span of days: "night of 23–24 Nov 2024" */
      return g_strdup_printf (_("night of %s"), owned);
    case SITREP_TIME_OF_DAY_MORNING:
      /* TRANSLATORS: "morning of 24 Nov 2024" */
      return g_strdup_printf (_("morning of %s"), owned);
    case SITREP_TIME_OF_DAY_DAY:
      /* TRANSLATORS: during the day (not the night): "daytime, 24 Nov 2024" */
      return g_strdup_printf (_("daytime, %s"), owned);
    case SITREP_TIME_OF_DAY_EVENING:
      /* TRANSLATORS: "evening of 24 Nov 2024" */
      return g_strdup_printf (_("evening of %s"), owned);
    case SITREP_TIME_OF_DAY_NONE:
    case SITREP_N_TIMES_OF_DAY:
    default:
      return g_steal_pointer (&owned);
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
  char *dates;

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

  return with_time_of_day (event->time_of_day, dates);
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
      /* TRANSLATORS: the article names no place or region for the event */
      return g_strdup (_("No place named"));
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
  /* Thousands grouped with the locale's separator; the C locale has none, and there
   * the English comma reads as the articles do ("3,920"). */
  const char *sep = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  const char *p = digits;
  GString *out = g_string_new (NULL);
  size_t len;

  if (sep == NULL || *sep == '\0')
    sep = ",";
  if (*p == '-')
    g_string_append_c (out, *p++);
  len = strlen (p);
  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, p[i]);
    }
  return g_string_free (out, FALSE);
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

char *
sitrep_format_claim_source (SitrepClaim *claim)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  if (claim->attributed_to == NULL || *claim->attributed_to == '\0')
    return g_strdup (sitrep_source_kind_label (claim->source_kind));
  g_ptr_array_add (parts, claim->attributed_to);
  if (claim->role && *claim->role)
    g_ptr_array_add (parts, claim->role);
  if (claim->affiliation && *claim->affiliation)
    g_ptr_array_add (parts, claim->affiliation);
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between speaker, role and affiliation: "Andrei Marocho, military expert" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

char *
sitrep_format_claim_origin (SitrepClaim *claim)
{
  gboolean has_outlet;

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  has_outlet = claim->outlet != NULL && *claim->outlet != '\0';
  if (claim->published > 0)
    {
      g_autofree char *day = sitrep_format_day (claim->published);

      if (has_outlet)
        /* TRANSLATORS: an outlet and the day it published: "Kyiv Wire, 25 Nov 2024" */
        return g_strdup_printf (_("%s, %s"), claim->outlet, day);
      return g_steal_pointer (&day);
    }
  return has_outlet ? g_strdup (claim->outlet) : NULL;
}

static char *
figure_claimant (SitrepEvent        *event,
                 const SitrepFigure *figure)
{
  SitrepClaim *claim;

  if (figure->claim_index < 0 || event->claims == NULL
      || (guint) figure->claim_index >= event->claims->len)
    return NULL;
  claim = g_ptr_array_index (event->claims, figure->claim_index);
  if (claim->attributed_to && *claim->attributed_to)
    return g_strdup (claim->attributed_to);
  if (claim->outlet && *claim->outlet)
    return g_strdup (claim->outlet);
  return g_strdup (sitrep_source_kind_label (claim->source_kind));
}

char *
sitrep_format_figure_claimed (SitrepEvent *event,
                              guint        figure_index)
{
  const SitrepFigure *figure;
  g_autofree char *text = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (SITREP_IS_EVENT (event), NULL);
  g_return_val_if_fail (event->figures != NULL && figure_index < event->figures->len, NULL);

  figure = &g_array_index (event->figures, SitrepFigure, figure_index);
  text = sitrep_format_figure (figure);
  who = figure_claimant (event, figure);
  if (who == NULL)
    return g_steal_pointer (&text);
  /* TRANSLATORS: a figure and who claimed it: "Casualties: approximately 3,920 (Andrei Marocho)" */
  return g_strdup_printf (_("%s (%s)"), text, who);
}

/* The number of a figure without its kind: "approximately 3,920", "40–50". */
static char *
format_figure_value (const SitrepFigure *figure)
{
  g_autofree char *number = NULL;

  if (figure->low >= 0 && figure->high >= 0 && figure->low != figure->high)
    {
      g_autofree char *low = format_number (figure->low);
      g_autofree char *high = format_number (figure->high);

      number = g_strdup_printf (_("%s–%s"), low, high);
    }
  else
    number = format_number (figure->value);
  if (figure->qualifier && *figure->qualifier)
    /* TRANSLATORS: a qualifier as written and a number: "approximately 3,920" */
    return g_strdup_printf (C_("figure", "%s %s"), figure->qualifier, number);
  return g_steal_pointer (&number);
}

char **
sitrep_format_figure_conflicts (SitrepEvent *event)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SITREP_IS_EVENT (event), NULL);

  for (int kind = 0; event->figures != NULL && kind < SITREP_N_FIGURE_KINDS; kind++)
    {
      gboolean conflict = FALSE;
      GString *line;

      for (guint i = 0; !conflict && i < event->figures->len; i++)
        for (guint j = i + 1; !conflict && j < event->figures->len; j++)
          {
            const SitrepFigure *a = &g_array_index (event->figures, SitrepFigure, i);
            const SitrepFigure *b = &g_array_index (event->figures, SitrepFigure, j);

            conflict = (int) a->kind == kind && sitrep_figures_conflict (a, b);
          }
      if (!conflict)
        continue;

      line = g_string_new (NULL);
      /* TRANSLATORS: a figure kind before the conflicting figures: "Killed: " */
      g_string_append_printf (line, _("%s: "), sitrep_format_figure_kind_label (kind));
      for (guint i = 0, n = 0; i < event->figures->len; i++)
        {
          const SitrepFigure *f = &g_array_index (event->figures, SitrepFigure, i);
          g_autofree char *value = NULL;
          g_autofree char *who = NULL;

          if ((int) f->kind != kind)
            continue;
          if (n++ > 0)
            /* TRANSLATORS: between conflicting figures: "12 (governor) vs 40 (Steppe Post)" */
            g_string_append (line, _(" vs "));
          value = format_figure_value (f);
          who = figure_claimant (event, f);
          if (who)
            g_string_append_printf (line, _("%s (%s)"), value, who);
          else
            g_string_append (line, value);
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}
