/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-json.h: an event as a JSON object and back (JSON Lines, GeoJSON properties). */
#pragma once

#include <json-glib/json-glib.h>

#include "sitrep-types.h"

G_BEGIN_DECLS

/* Members: uid, external_id, kind, sub_kind, acled_event_type, acled_sub_event_type,
 * start, end (ISO 8601 UTC), time_precision, time_of_day, geo_precision, place,
 * gazetteer_id, admin1, target, summary, disputed, hedging, figures, weapons, actors,
 * claims (quote, speaker, role, affiliation, source_kind, hedging, cues, outlet, url,
 * published), extra; with_coordinates adds lat and lon (GeoJSON has them in geometry). */
JsonObject  *sitrep_event_to_json_object   (SitrepEvent *event,
                                            gboolean     with_coordinates);
/* One line of JSON Lines, without the newline. */
char        *sitrep_event_to_json_line     (SitrepEvent *event);
/* The inverse, tolerant: unknown members go to extra; a member of the wrong type is
 * ignored. "name" (or "title") stands in for a missing summary. lat/lon are read when
 * present. Never fails: the least is an event of kind other. */
SitrepEvent *sitrep_event_from_json_object (JsonObject  *object);

/* "2024-11-24T00:00:00Z" and back; also accepts a plain day "2024-11-24". */
char        *sitrep_unix_to_iso8601        (gint64      t);
gboolean     sitrep_iso8601_to_unix        (const char *text,
                                            gint64     *out);

G_END_DECLS
