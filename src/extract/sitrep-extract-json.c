/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-extract-json.c: events as JSON Lines, the output of `sitrep-cli extract`. */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include "sitrep-extract-json.h"

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_day (JsonBuilder *b,
         const char  *member,
         gint64       t)
{
  g_autofree char *day = sitrep_unix_to_iso_day (t);
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, day);
}

JsonNode *
sitrep_extract_event_to_json_node (SitrepEvent *ev)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gboolean located = ev->lat != 0 || ev->lon != 0;

  json_builder_begin_object (b);
  add_string_or_null (b, "id", ev->uid);
  add_string_or_null (b, "kind", sitrep_event_kind_to_string (ev->kind));
  json_builder_set_member_name (b, "acled");
  json_builder_begin_object (b);
  add_string_or_null (b, "event_type", sitrep_event_kind_acled_type (ev->kind));
  add_string_or_null (b, "sub_event_type", sitrep_event_kind_acled_sub_type (ev->kind));
  json_builder_end_object (b);
  add_day (b, "start", ev->start);
  /* The model's span is half-open; the format's end is the last day, inclusive. */
  add_day (b, "end", ev->end > ev->start ? ev->end - 1 : ev->start);
  add_string_or_null (b, "time_of_day", sitrep_time_of_day_to_string (ev->time_of_day));
  add_string_or_null (b, "time_precision", sitrep_time_precision_to_string (ev->time_precision));

  json_builder_set_member_name (b, "place");
  json_builder_begin_object (b);
  add_string_or_null (b, "name", ev->place ? ev->place->name : NULL);
  add_string_or_null (b, "as_written", ev->place_as_written);
  add_string_or_null (b, "gazetteer_id", ev->place ? ev->place->gazetteer_id : NULL);
  json_builder_set_member_name (b, "lat");
  if (located)
    json_builder_add_double_value (b, ev->lat);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "lon");
  if (located)
    json_builder_add_double_value (b, ev->lon);
  else
    json_builder_add_null_value (b);
  add_string_or_null (b, "admin1", ev->place && ev->place->admin1 ? ev->place->admin1 : ev->admin1);
  json_builder_set_member_name (b, "geo_precision");
  json_builder_add_int_value (b, ev->geo_precision);
  json_builder_end_object (b);

  add_string_or_null (b, "target", ev->target);

  json_builder_set_member_name (b, "actors");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev->actors->len; i++)
    {
      SitrepActor *a = &g_array_index (ev->actors, SitrepActor, i);
      json_builder_begin_object (b);
      add_string_or_null (b, "name", a->name);
      add_string_or_null (b, "side", a->side);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "weapons");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev->weapons->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (ev->weapons, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev->figures->len; i++)
    {
      SitrepFigure *f = &g_array_index (ev->figures, SitrepFigure, i);
      json_builder_begin_object (b);
      add_string_or_null (b, "kind", sitrep_figure_kind_to_string (f->kind));
      json_builder_set_member_name (b, "value");
      json_builder_add_int_value (b, f->value);
      if (f->low >= 0)
        {
          json_builder_set_member_name (b, "low");
          json_builder_add_int_value (b, f->low);
        }
      if (f->high >= 0)
        {
          json_builder_set_member_name (b, "high");
          json_builder_add_int_value (b, f->high);
        }
      add_string_or_null (b, "qualifier", f->qualifier);
      json_builder_set_member_name (b, "claim");
      if (f->claim_index >= 0)
        json_builder_add_int_value (b, f->claim_index);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "disputed");
  json_builder_add_boolean_value (b, ev->disputed);
  add_string_or_null (b, "summary", ev->summary);

  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev->claims->len; i++)
    {
      SitrepClaim *c = g_ptr_array_index (ev->claims, i);
      json_builder_begin_object (b);
      add_string_or_null (b, "quote", c->quote);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, c->span_start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, c->span_end);
      add_string_or_null (b, "attributed_to", c->attributed_to);
      add_string_or_null (b, "role", c->role);
      add_string_or_null (b, "affiliation", c->affiliation);
      add_string_or_null (b, "source_kind", sitrep_source_kind_to_string (c->source_kind));
      add_string_or_null (b, "hedging", sitrep_hedging_to_string (c->hedging));
      json_builder_set_member_name (b, "cues");
      json_builder_begin_array (b);
      for (char **p = c->cues; p != NULL && *p != NULL; p++)
        json_builder_add_string_value (b, *p);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
sitrep_extract_event_to_jsonl (SitrepEvent *ev)
{
  g_autoptr (JsonNode) node = sitrep_extract_event_to_json_node (ev);
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, FALSE);
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}
