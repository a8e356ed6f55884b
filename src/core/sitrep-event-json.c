/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-json.c: an event as a JSON object and back (JSON Lines, GeoJSON properties). */
#define G_LOG_DOMAIN "sitrep-event-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitrep-acled.h"
#include "sitrep-event-json.h"
#include "sitrep-import.h"

#define DAY (G_GINT64_CONSTANT (86400))
/* Years 1 to 9999, in unix seconds. */
#define MIN_TIME (G_GINT64_CONSTANT (-62135596800))
#define MAX_TIME (G_GINT64_CONSTANT (253402300799))

char *
sitrep_unix_to_iso8601 (gint64 t)
{
  g_autoptr (GDateTime) dt = NULL;

  if (t < MIN_TIME || t > MAX_TIME)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_utc (t);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

gboolean
sitrep_iso8601_to_unix (const char *text,
                        gint64     *out)
{
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GDateTime) dt = NULL;

  if (text == NULL)
    return FALSE;
  if (strlen (text) <= 10)
    return sitrep_acled_parse_date (text, out);
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static const char *get_string (JsonObject *o, const char *key);

static void
set_string (JsonObject *object,
            const char *key,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
}

JsonObject *
sitrep_event_to_json_object (SitrepEvent *event,
                             gboolean     with_coordinates)
{
  JsonObject *o = json_object_new ();
  JsonArray *figures = json_array_new ();
  JsonArray *weapons = json_array_new ();
  JsonArray *actors = json_array_new ();
  JsonArray *claims = json_array_new ();
  g_autofree char *start = sitrep_unix_to_iso8601 (event->start);
  g_autofree char *end = sitrep_unix_to_iso8601 (event->end);
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *extra = NULL;
  const char *acled_type;

  if (event->extra != NULL && *event->extra != '\0')
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, event->extra, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        extra = json_node_get_object (json_parser_get_root (parser));
    }
  /* An ACLED type the kind does not give (e.g. "Violence against civilians") is in extra. */
  acled_type = extra != NULL ? get_string (extra, "event_type") : NULL;

  set_string (o, "uid", event->uid);
  set_string (o, "external_id", event->external_id);
  set_string (o, "kind", sitrep_event_kind_to_string (event->kind));
  set_string (o, "sub_kind", event->sub_kind);
  set_string (o, "acled_event_type",
              acled_type ? acled_type : sitrep_event_kind_acled_type (event->kind));
  set_string (o, "acled_sub_event_type",
              event->sub_kind ? event->sub_kind : sitrep_event_kind_acled_sub_type (event->kind));
  set_string (o, "start", start);
  set_string (o, "end", end);
  set_string (o, "time_precision", sitrep_time_precision_to_string (event->time_precision));
  set_string (o, "time_of_day", sitrep_time_of_day_to_string (event->time_of_day));
  json_object_set_int_member (o, "geo_precision", event->geo_precision);
  if (with_coordinates)
    {
      json_object_set_double_member (o, "lat", event->lat);
      json_object_set_double_member (o, "lon", event->lon);
    }
  set_string (o, "place", event->place_as_written ? event->place_as_written
                          : event->place ? event->place->name : NULL);
  if (event->place != NULL)
    set_string (o, "gazetteer_id", event->place->gazetteer_id);
  set_string (o, "admin1", event->admin1);
  set_string (o, "target", event->target);
  set_string (o, "summary", event->summary);
  json_object_set_boolean_member (o, "disputed", event->disputed);
  set_string (o, "hedging", sitrep_hedging_to_string (event->hedging));

  for (guint i = 0; i < event->figures->len; i++)
    {
      SitrepFigure *f = &g_array_index (event->figures, SitrepFigure, i);
      JsonObject *fo = json_object_new ();

      set_string (fo, "kind", sitrep_figure_kind_to_string (f->kind));
      json_object_set_int_member (fo, "value", f->value);
      if (f->low >= 0)
        json_object_set_int_member (fo, "low", f->low);
      if (f->high >= 0)
        json_object_set_int_member (fo, "high", f->high);
      set_string (fo, "qualifier", f->qualifier);
      if (f->claim_index >= 0)
        json_object_set_int_member (fo, "claim", f->claim_index);
      json_array_add_object_element (figures, fo);
    }
  json_object_set_array_member (o, "figures", figures);

  for (guint i = 0; i < event->weapons->len; i++)
    json_array_add_string_element (weapons, g_ptr_array_index (event->weapons, i));
  json_object_set_array_member (o, "weapons", weapons);

  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *a = &g_array_index (event->actors, SitrepActor, i);
      JsonObject *ao = json_object_new ();

      set_string (ao, "name", a->name);
      set_string (ao, "side", a->side);
      set_string (ao, "role", a->role);
      json_array_add_object_element (actors, ao);
    }
  json_object_set_array_member (o, "actors", actors);

  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *c = g_ptr_array_index (event->claims, i);
      JsonObject *co = json_object_new ();
      JsonArray *cues = json_array_new ();

      set_string (co, "quote", c->quote);
      set_string (co, "speaker", c->attributed_to);
      set_string (co, "role", c->role);
      set_string (co, "affiliation", c->affiliation);
      set_string (co, "source_kind", sitrep_source_kind_to_string (c->source_kind));
      set_string (co, "hedging", sitrep_hedging_to_string (c->hedging));
      for (int k = 0; c->cues != NULL && c->cues[k] != NULL; k++)
        json_array_add_string_element (cues, c->cues[k]);
      json_object_set_array_member (co, "cues", cues);
      set_string (co, "outlet", c->outlet);
      set_string (co, "url", c->url);
      if (c->published > 0)
        {
          g_autofree char *published = sitrep_unix_to_iso8601 (c->published);
          set_string (co, "published", published);
        }
      json_array_add_object_element (claims, co);
    }
  json_object_set_array_member (o, "claims", claims);

  if (extra != NULL)
    {
      if (json_object_has_member (extra, SITREP_IMPORT_HASH_KEY))
        json_object_remove_member (extra, SITREP_IMPORT_HASH_KEY);
      if (json_object_get_size (extra) > 0)
        json_object_set_object_member (o, "extra", json_object_ref (extra));
    }
  return o;
}

char *
sitrep_event_to_json_line (SitrepEvent *event)
{
  g_autoptr (JsonObject) object = sitrep_event_to_json_object (event, TRUE);
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

/* ---- Reading, tolerant of anything ---- */

static const char *
get_string (JsonObject *o,
            const char *key)
{
  JsonNode *node = json_object_get_member (o, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
dup_string (JsonObject *o,
            const char *key)
{
  const char *s = get_string (o, key);
  return s != NULL ? g_strdup (s) : NULL;
}

static gboolean
get_number (JsonObject *o,
            const char *key,
            double     *out)
{
  JsonNode *node = json_object_get_member (o, key);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*out);
}

static gboolean
get_int (JsonObject *o,
         const char *key,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  JsonNode *node = json_object_get_member (o, key);
  double d;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);
      if (v < min || v > max)
        return FALSE;
      *out = v;
      return TRUE;
    }
  if (!get_number (o, key, &d) || d < (double) min || d > (double) max)
    return FALSE;
  *out = (gint64) d;
  return TRUE;
}

static JsonArray *
get_array (JsonObject *o,
           const char *key)
{
  JsonNode *node = json_object_get_member (o, key);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
array_object (JsonArray *a,
              guint      i)
{
  JsonNode *node = json_array_get_element (a, i);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
array_string (JsonArray *a,
              guint      i)
{
  JsonNode *node = json_array_get_element (a, i);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char * const known_members[] = {
  "uid", "external_id", "kind", "sub_kind", "acled_event_type", "acled_sub_event_type",
  "start", "end", "time_precision", "time_of_day", "geo_precision", "lat", "lon", "place",
  "gazetteer_id", "admin1", "target", "summary", "disputed", "hedging", "figures", "weapons",
  "actors", "claims", "extra", NULL,
};

SitrepEvent *
sitrep_event_from_json_object (JsonObject *o)
{
  SitrepEvent *event = sitrep_event_new ();
  JsonArray *array;
  JsonNode *node;
  JsonObject *extra = json_object_new ();
  const char *s;
  gint64 v;
  double d;
  g_autoptr (GList) members = NULL;

  event->uid = dup_string (o, "uid");
  event->external_id = dup_string (o, "external_id");
  if ((s = get_string (o, "external_id")) != NULL && *s == '\0')
    g_clear_pointer (&event->external_id, g_free);
  if (!sitrep_event_kind_from_string (get_string (o, "kind"), &event->kind))
    event->kind = sitrep_event_kind_from_acled (get_string (o, "acled_event_type"),
                                                get_string (o, "acled_sub_event_type"));
  event->sub_kind = dup_string (o, "sub_kind");

  if (!sitrep_iso8601_to_unix (get_string (o, "start"), &event->start))
    event->start = 0;
  if (!sitrep_iso8601_to_unix (get_string (o, "end"), &event->end) || event->end < event->start)
    event->end = event->start + DAY;
  if (!sitrep_time_precision_from_string (get_string (o, "time_precision"),
                                          &event->time_precision))
    event->time_precision = SITREP_TIME_PRECISION_DAY;
  if (!sitrep_time_of_day_from_string (get_string (o, "time_of_day"), &event->time_of_day))
    event->time_of_day = SITREP_TIME_OF_DAY_NONE;
  event->geo_precision = get_int (o, "geo_precision", 1, 3, &v) ? v : 1;
  if (get_number (o, "lat", &d) && d >= -90 && d <= 90)
    event->lat = d;
  if (get_number (o, "lon", &d) && d >= -180 && d <= 180)
    event->lon = d;
  event->place_as_written = dup_string (o, "place");
  if ((s = get_string (o, "gazetteer_id")) != NULL && *s != '\0')
    {
      event->place = sitrep_place_new ();
      event->place->gazetteer_id = g_strdup (s);
      event->place->name = g_strdup (event->place_as_written ? event->place_as_written : s);
      event->place->admin1 = dup_string (o, "admin1");
    }
  event->admin1 = dup_string (o, "admin1");
  event->target = dup_string (o, "target");
  event->summary = dup_string (o, "summary");
  if (event->summary == NULL)
    event->summary = dup_string (o, "name");
  if (event->summary == NULL)
    event->summary = dup_string (o, "title");
  node = json_object_get_member (o, "disputed");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    event->disputed = json_node_get_boolean (node);

  if ((array = get_array (o, "claims")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *co = array_object (array, i);
        SitrepClaim *claim;
        JsonArray *cues;
        GPtrArray *cue_list = g_ptr_array_new ();

        if (co == NULL)
          continue;
        claim = sitrep_claim_new ();
        claim->quote = g_strdup ((s = get_string (co, "quote")) ? s : "");
        claim->attributed_to = dup_string (co, "speaker");
        claim->role = dup_string (co, "role");
        claim->affiliation = dup_string (co, "affiliation");
        if (!sitrep_source_kind_from_string (get_string (co, "source_kind"), &claim->source_kind))
          claim->source_kind = SITREP_SOURCE_MEDIA;
        if (!sitrep_hedging_from_string (get_string (co, "hedging"), &claim->hedging))
          claim->hedging = SITREP_HEDGING_ASSERTED;
        if ((cues = get_array (co, "cues")) != NULL)
          for (guint k = 0; k < json_array_get_length (cues); k++)
            if ((s = array_string (cues, k)) != NULL)
              g_ptr_array_add (cue_list, g_strdup (s));
        g_ptr_array_add (cue_list, NULL);
        g_strfreev (claim->cues);
        claim->cues = (GStrv) g_ptr_array_free (cue_list, FALSE);
        claim->outlet = dup_string (co, "outlet");
        claim->url = dup_string (co, "url");
        if (!sitrep_iso8601_to_unix (get_string (co, "published"), &claim->published))
          claim->published = 0;
        g_ptr_array_add (event->claims, claim);
      }

  if ((array = get_array (o, "figures")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *fo = array_object (array, i);
        SitrepFigure figure = { SITREP_FIGURE_OTHER, 0, -1, -1, NULL, -1 };

        if (fo == NULL || !get_int (fo, "value", 0, G_MAXINT64 / 2, &figure.value))
          continue;
        if (!sitrep_figure_kind_from_string (get_string (fo, "kind"), &figure.kind))
          figure.kind = SITREP_FIGURE_OTHER;
        if (!get_int (fo, "low", 0, G_MAXINT64 / 2, &figure.low))
          figure.low = -1;
        if (!get_int (fo, "high", 0, G_MAXINT64 / 2, &figure.high))
          figure.high = -1;
        figure.qualifier = dup_string (fo, "qualifier");
        if (get_int (fo, "claim", 0, (gint64) event->claims->len - 1, &v))
          figure.claim_index = v;
        g_array_append_val (event->figures, figure);
      }

  if ((array = get_array (o, "weapons")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      if ((s = array_string (array, i)) != NULL)
        g_ptr_array_add (event->weapons, g_strdup (s));

  if ((array = get_array (o, "actors")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *ao = array_object (array, i);
        SitrepActor actor;

        if (ao == NULL || get_string (ao, "name") == NULL)
          continue;
        actor.name = dup_string (ao, "name");
        actor.side = dup_string (ao, "side");
        actor.role = dup_string (ao, "role");
        g_array_append_val (event->actors, actor);
      }

  /* extra: the exported extra object, then every member we do not know. */
  node = json_object_get_member (o, "extra");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (GList) keys = json_object_get_members (json_node_get_object (node));
      for (GList *l = keys; l != NULL; l = l->next)
        json_object_set_member (extra, l->data,
                                json_node_copy (json_object_get_member (
                                  json_node_get_object (node), l->data)));
    }
  members = json_object_get_members (o);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known_members, l->data) && strcmp (l->data, "name") != 0)
      json_object_set_member (extra, l->data,
                              json_node_copy (json_object_get_member (o, l->data)));
  if (json_object_get_size (extra) > 0)
    {
      g_autoptr (JsonNode) extra_node = json_node_init_object (json_node_alloc (), extra);
      event->extra = json_to_string (extra_node, FALSE);
    }
  json_object_unref (extra);

  event->hedging = sitrep_event_compute_hedging (event);
  return event;
}
