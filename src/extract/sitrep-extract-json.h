/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-extract-json.h: events as JSON Lines, the output of `sitrep-cli extract`. */
#pragma once

#include <json-glib/json-glib.h>

#include "sitrep-types.h"

G_BEGIN_DECLS

/* The event as a JSON object in the format of `sitrep-cli extract --format jsonl`. */
JsonNode *sitrep_extract_event_to_json_node (SitrepEvent *event);

/* The same object as one line of text, without the newline. */
char     *sitrep_extract_event_to_jsonl     (SitrepEvent *event);

G_END_DECLS
