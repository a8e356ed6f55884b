/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-show.c: `sitrep-cli show FILE EVENT_ID [--json]`: one event as the sidebar shows it. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"
#include "sitrep-db.h"
#include "sitrep-format.h"
#include "sitrep-verdict.h"

/* Width of the labels in text mode, in characters. */
#define LABEL_WIDTH 12

/* Text from articles goes to a terminal: control characters (escape sequences, carriage
 * returns) become spaces so that a hostile quote cannot rewrite the screen. */
static char *
inert (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      if (g_unichar_iscntrl (c) || c == 0x202E || c == 0x202D || c == 0x2066 || c == 0x2067
          || c == 0x2068 || c == 0x2069 || c == 0x202A || c == 0x202B || c == 0x202C)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* "Label:      value", the label padded by characters (translations differ in length). */
static void
print_field (int         indent,
             const char *label,
             const char *value)
{
  g_autofree char *safe = inert (value);
  glong width = g_utf8_strlen (label, -1);

  printf ("%*s%s", indent, "", label);
  for (glong i = width; i < LABEL_WIDTH; i++)
    putchar (' ');
  printf (" %s\n", safe != NULL && *safe != '\0' ? safe : "—");
}

static char *
format_timestamp (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* "outlet “Kyiv Wire”: B, credibility 2, “note” (2024-11-25T10:00:00Z)" */
static char *
format_rating (const SitrepRating *rating)
{
  GString *s = g_string_new (NULL);
  g_autofree char *when = format_timestamp (rating->created);

  if (g_strcmp0 (rating->subject_kind, "outlet") == 0)
    g_string_append_printf (s, _("outlet “%s”"), rating->subject ? rating->subject : "");
  else if (g_strcmp0 (rating->subject_kind, "speaker") == 0)
    g_string_append_printf (s, _("speaker “%s”"), rating->subject ? rating->subject : "");
  else
    g_string_append (s, _("this claim"));
  g_string_append (s, ":");
  if (rating->reliability != 0)
    g_string_append_printf (s, _(" reliability %c"), rating->reliability);
  if (rating->reliability != 0 && rating->credibility != 0)
    g_string_append (s, ",");
  if (rating->credibility != 0)
    g_string_append_printf (s, _(" credibility %d"), rating->credibility);
  if (rating->note != NULL && *rating->note != '\0')
    g_string_append_printf (s, _(", “%s”"), rating->note);
  if (when != NULL)
    g_string_append_printf (s, " (%s)", when);
  return g_string_free (s, FALSE);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gint64       value,
                 gboolean     known)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_day_or_null (JsonBuilder *builder,
                 const char  *name,
                 gint64       t,
                 gboolean     known)
{
  g_autofree char *day = known ? sitrep_unix_to_iso_day (t) : NULL;

  add_string_or_null (builder, name, day);
}

static char *
claimant_of (SitrepEvent        *event,
             const SitrepFigure *figure)
{
  if (figure->claim_index < 0 || (guint) figure->claim_index >= event->claims->len)
    return NULL;
  return sitrep_format_claim_source (g_ptr_array_index (event->claims, figure->claim_index));
}

static void
add_rating_json (JsonBuilder        *builder,
                 const SitrepRating *rating)
{
  char grade[2] = { rating->reliability, '\0' };
  g_autofree char *created = format_timestamp (rating->created);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rating->id);
  add_string_or_null (builder, "subject_kind", rating->subject_kind);
  add_string_or_null (builder, "subject", rating->subject);
  add_int_or_null (builder, "claim_id", rating->claim_id, rating->claim_id > 0);
  add_string_or_null (builder, "reliability", rating->reliability != 0 ? grade : NULL);
  add_int_or_null (builder, "credibility", rating->credibility, rating->credibility != 0);
  add_string_or_null (builder, "note", rating->note);
  add_string_or_null (builder, "created", created);
  json_builder_end_object (builder);
}

static char *
event_to_json (SitrepEvent         *event,
               const SitrepVerdict *verdict)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *dates = sitrep_format_event_dates (event);
  g_autofree char *place = sitrep_format_event_place (event);
  g_autofree char *verdict_text = sitrep_verdict_format (verdict);
  g_auto (GStrv) conflicts = sitrep_format_figure_conflicts (event);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, event->id);
  add_string_or_null (builder, "uid", event->uid);
  add_string_or_null (builder, "kind", sitrep_event_kind_to_string (event->kind));
  add_string_or_null (builder, "kind_label", sitrep_event_kind_label (event->kind));
  add_string_or_null (builder, "sub_kind", event->sub_kind);
  add_string_or_null (builder, "dates", dates);
  add_day_or_null (builder, "start", event->start, TRUE);
  add_day_or_null (builder, "end", MAX (event->start, event->end - 1), TRUE);
  add_string_or_null (builder, "time_precision",
                      sitrep_time_precision_to_string (event->time_precision));
  add_string_or_null (builder, "time_of_day", sitrep_time_of_day_to_string (event->time_of_day));

  json_builder_set_member_name (builder, "place");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "text", place);
  add_string_or_null (builder, "name", event->place ? event->place->name : NULL);
  add_string_or_null (builder, "as_written", event->place_as_written);
  add_string_or_null (builder, "gazetteer_id", event->place ? event->place->gazetteer_id : NULL);
  add_string_or_null (builder, "admin1",
                      event->admin1 ? event->admin1
                                    : event->place ? event->place->admin1 : NULL);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, event->lat);
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, event->lon);
  json_builder_set_member_name (builder, "geo_precision");
  json_builder_add_int_value (builder, event->geo_precision);
  json_builder_end_object (builder);

  add_string_or_null (builder, "target", event->target);

  json_builder_set_member_name (builder, "weapons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->weapons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (event->weapons, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "name", actor->name);
      add_string_or_null (builder, "side", actor->side);
      add_string_or_null (builder, "role", actor->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->figures->len; i++)
    {
      SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      g_autofree char *text = sitrep_format_figure_claimed (event, i);
      g_autofree char *claimant = claimant_of (event, figure);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", sitrep_figure_kind_to_string (figure->kind));
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, figure->value);
      add_int_or_null (builder, "low", figure->low, figure->low >= 0);
      add_int_or_null (builder, "high", figure->high, figure->high >= 0);
      add_string_or_null (builder, "qualifier", figure->qualifier);
      add_int_or_null (builder, "claim", figure->claim_index, figure->claim_index >= 0);
      add_string_or_null (builder, "claimant", claimant);
      add_string_or_null (builder, "text", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "figure_conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; conflicts[i] != NULL; i++)
    json_builder_add_string_value (builder, conflicts[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "disputed");
  json_builder_add_boolean_value (builder, event->disputed);
  add_string_or_null (builder, "hedging", sitrep_hedging_to_string (event->hedging));
  add_string_or_null (builder, "summary", event->summary);

  json_builder_set_member_name (builder, "verdict");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "text", verdict_text);
  add_string_or_null (builder, "strength", sitrep_verdict_strength (verdict));
  json_builder_set_member_name (builder, "claims");
  json_builder_add_int_value (builder, verdict->n_claims);
  json_builder_set_member_name (builder, "voices");
  json_builder_add_int_value (builder, verdict->n_voices);
  json_builder_set_member_name (builder, "independent_outlets");
  json_builder_add_int_value (builder, verdict->n_outlets);
  json_builder_set_member_name (builder, "outlets");
  json_builder_add_int_value (builder, verdict->n_outlets_total);
  json_builder_set_member_name (builder, "official");
  json_builder_add_int_value (builder, verdict->n_official);
  json_builder_set_member_name (builder, "hedged");
  json_builder_add_int_value (builder, verdict->n_hedged);
  json_builder_set_member_name (builder, "all_hedged");
  json_builder_add_boolean_value (builder, verdict->all_hedged);
  json_builder_set_member_name (builder, "disputed");
  json_builder_add_boolean_value (builder, verdict->disputed);
  json_builder_set_member_name (builder, "single_voice");
  json_builder_add_boolean_value (builder, verdict->single_voice);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);
      g_autofree char *source = sitrep_format_claim_source (claim);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, claim->id);
      add_string_or_null (builder, "quote", claim->quote);
      add_int_or_null (builder, "start", claim->span_start, claim->span_start >= 0);
      add_int_or_null (builder, "end", claim->span_end, claim->span_end >= 0);
      add_string_or_null (builder, "attributed_to", claim->attributed_to);
      add_string_or_null (builder, "role", claim->role);
      add_string_or_null (builder, "affiliation", claim->affiliation);
      add_string_or_null (builder, "source", source);
      add_string_or_null (builder, "source_kind", sitrep_source_kind_to_string (claim->source_kind));
      add_string_or_null (builder, "hedging", sitrep_hedging_to_string (claim->hedging));
      json_builder_set_member_name (builder, "cues");
      json_builder_begin_array (builder);
      for (guint c = 0; claim->cues != NULL && claim->cues[c] != NULL; c++)
        json_builder_add_string_value (builder, claim->cues[c]);
      json_builder_end_array (builder);
      add_string_or_null (builder, "outlet", claim->outlet);
      add_day_or_null (builder, "published", claim->published, claim->published > 0);
      add_string_or_null (builder, "url", claim->url);
      add_int_or_null (builder, "document_id", claim->document_id, claim->document_id > 0);
      json_builder_set_member_name (builder, "ratings");
      json_builder_begin_array (builder);
      for (guint r = 0; claim->ratings != NULL && r < claim->ratings->len; r++)
        add_rating_json (builder, g_ptr_array_index (claim->ratings, r));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
print_event_text (SitrepEvent         *event,
                  const SitrepVerdict *verdict)
{
  g_autofree char *id = g_strdup_printf ("%s (#%" PRId64 ")", event->uid ? event->uid : "",
                                         event->id);
  g_autofree char *dates = sitrep_format_event_dates (event);
  g_autofree char *place = sitrep_format_event_place (event);
  g_autofree char *verdict_text = sitrep_verdict_format (verdict);
  g_auto (GStrv) conflicts = sitrep_format_figure_conflicts (event);
  g_autoptr (GString) weapons = g_string_new (NULL);
  g_autoptr (GString) actors = g_string_new (NULL);

  print_field (0, _("Event:"), id);
  print_field (0, _("Kind:"), sitrep_event_kind_label (event->kind));
  print_field (0, _("Dates:"), dates);
  print_field (0, _("Place:"), place);
  print_field (0, _("Target:"), event->target);

  for (guint i = 0; i < event->weapons->len; i++)
    g_string_append_printf (weapons, "%s%s", i > 0 ? _(", ") : "",
                            (char *) g_ptr_array_index (event->weapons, i));
  print_field (0, _("Weapons:"), weapons->str);

  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);

      if (i > 0)
        g_string_append (actors, _(", "));
      if (actor->side != NULL && g_strcmp0 (actor->side, actor->name) != 0)
        /* TRANSLATORS: an actor and its side: "Russian forces (Russia)" */
        g_string_append_printf (actors, _("%s (%s)"), actor->name, actor->side);
      else
        g_string_append (actors, actor->name);
    }
  print_field (0, _("Actors:"), actors->str);

  if (event->figures->len == 0)
    print_field (0, _("Figures:"), NULL);
  for (guint i = 0; i < event->figures->len; i++)
    {
      g_autofree char *figure = sitrep_format_figure_claimed (event, i);

      print_field (0, i == 0 ? _("Figures:") : "", figure);
    }
  for (guint i = 0; conflicts[i] != NULL; i++)
    print_field (0, i == 0 ? _("Conflicting:") : "", conflicts[i]);
  print_field (0, _("Verdict:"), verdict_text);

  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);
      g_autofree char *source = sitrep_format_claim_source (claim);
      g_autofree char *origin = sitrep_format_claim_origin (claim);
      g_autofree char *cues = sitrep_format_cues ((const char * const *) claim->cues);
      g_autofree char *quote = claim->quote ? g_strdup_printf (_("“%s”"), claim->quote) : NULL;
      g_autofree char *span = NULL;
      g_autofree char *document = NULL;

      if (claim->span_start >= 0 && claim->span_end >= 0)
        /* TRANSLATORS: byte offsets of a quote in its document's text */
        span = g_strdup_printf (_("bytes %" PRId64 "–%" PRId64), claim->span_start,
                                claim->span_end);
      if (claim->document_id > 0)
        document = g_strdup_printf ("%" PRId64, claim->document_id);

      printf ("\n");
      printf (_("Claim %u of %u\n"), i + 1, event->claims->len);
      print_field (2, _("Quote:"), quote);
      print_field (2, _("Span:"), span);
      print_field (2, _("Document:"), document);
      print_field (2, _("Source:"), source);
      print_field (2, _("Source kind:"), sitrep_source_kind_label (claim->source_kind));
      print_field (2, _("Hedging:"), sitrep_hedging_label (claim->hedging));
      print_field (2, _("Cues:"), cues);
      print_field (2, _("Published:"), origin);
      print_field (2, _("URL:"), claim->url);
      if (claim->ratings == NULL || claim->ratings->len == 0)
        print_field (2, _("Ratings:"), _("none"));
      for (guint r = 0; claim->ratings != NULL && r < claim->ratings->len; r++)
        {
          g_autofree char *rating = format_rating (g_ptr_array_index (claim->ratings, r));

          print_field (2, r == 0 ? _("Ratings:") : "", rating);
        }
    }
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

int
sitrep_cli_show (int    argc,
                 char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  g_auto (GStrv) args = NULL;
  g_autofree char *name = NULL;
  gboolean json = FALSE;
  SitrepVerdict verdict;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      N_("FILE EVENT_ID") },
    { NULL }
  };

  context = g_option_context_new (_("FILE EVENT_ID — print one event, its verdict and its "
                                    "claims; EVENT_ID is the event’s uid or number"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (args == NULL || g_strv_length (args) != 2)
    {
      sitrep_cli_error ("%s", _("show takes a FILE and an EVENT_ID"));
      return 2;
    }

  db = sitrep_db_open (args[0], SITREP_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  /* A uid first; a number that is no uid is the row id. */
  event = sitrep_db_load_event_by_uid (db, args[1], &error);
  if (event == NULL && g_error_matches (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND)
      && all_digits (args[1]))
    {
      gint64 id = g_ascii_strtoll (args[1], NULL, 10);

      g_clear_error (&error);
      if (id > 0)
        event = sitrep_db_load_event (db, id, &error);
      else
        g_set_error_literal (&error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND, "");
    }
  if (event == NULL)
    {
      name = g_filename_display_name (args[0]);
      if (g_error_matches (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND))
        {
          g_autofree char *shown = inert (args[1]);
          /* TRANSLATORS: a collection file and the event id asked for */
          g_printerr (_("%s: no event with id ‘%s’\n"), name, shown);
        }
      else
        sitrep_cli_error ("%s", error->message);
      return 1;
    }

  sitrep_verdict_compute (event, &verdict);
  if (json)
    {
      g_autofree char *text = event_to_json (event, &verdict);
      printf ("%s\n", text);
    }
  else
    print_event_text (event, &verdict);
  return 0;
}
