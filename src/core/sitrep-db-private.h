/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-db-private.h: what core's siblings, the generator and the tests may see of SitrepDb. */
#pragma once

#include <sqlite3.h>

#include "sitrep-db.h"

G_BEGIN_DECLS

/* For the event store's bulk read only: with SITREP_DB_OPEN_READ_ONLY, skips the full
 * PRAGMA quick_check (it reads every page: seconds on a million events). The header,
 * schema version and tables are still checked, nothing is written, and damage in the
 * pages read still comes back as SITREP_DB_ERROR_CORRUPT. */
#define SITREP_DB_OPEN_SKIP_FULL_CHECK ((SitrepDbOpenFlags) (1 << 8))

/* Runs one migration step on an open read-write handle: BEGIN IMMEDIATE, script,
 * PRAGMA user_version = from_version + 1, COMMIT; on any error rolls back, so the file
 * keeps its old version and nothing of the script. display_name is for the message. */
gboolean sitrep_db_migrate_step (sqlite3     *handle,
                                 int          from_version,
                                 const char  *script,
                                 const char  *display_name,
                                 GError     **error);

/* For bulk writers (the synthetic generator): when FALSE, insert_event and add_claim do
 * not write rows of the full-text index event_search. TRUE by default. */
void     sitrep_db_set_index_search (SitrepDb *self,
                                     gboolean  index_search);

/* The stable uid of an event without one: the first 16 hex digits of the sha256 of its
 * kind, start, lat, lon and summary. */
char    *sitrep_db_compute_uid     (SitrepEvent *event);

/* The one INSERT of an event row, whose parameters sitrep_db_bind_event_row () binds. */
#define SITREP_DB_EVENT_INSERT_SQL \
  "INSERT INTO events (uid, external_id, kind, sub_kind, start_time, end_time, " \
  "time_precision, time_of_day, place_id, place_as_written, target, geo_precision, lat, " \
  "lon, admin1, summary, disputed, hedging, extra, updated) VALUES (?1, ?2, ?3, ?4, ?5, " \
  "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"

/* The one INSERT of a claim row, whose parameters sitrep_db_bind_claim_row () binds. */
#define SITREP_DB_CLAIM_INSERT_SQL \
  "INSERT INTO claims (event_id, document_id, span_start, span_end, quote, attributed_to, " \
  "role, affiliation, source_kind, hedging, cues, outlet, url) VALUES (?1, ?2, ?3, ?4, ?5, " \
  "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"

/* Bind an event's or a claim's row to the parameters of the INSERTs above, for both
 * writers: the single-event writer and the bulk importer. Nothing is copied: the event,
 * the claim and cues_json must outlive the step (both writers step at once). */
void     sitrep_db_bind_event_row  (sqlite3_stmt *stmt,
                                    SitrepEvent  *event,
                                    gint64        now);
void     sitrep_db_bind_claim_row  (sqlite3_stmt *stmt,
                                    gint64        event_id,
                                    SitrepClaim  *claim,
                                    const char   *cues_json);

/* Sets error from the handle's last SQLite error. */
void     sitrep_db_set_sqlite_error (SitrepDb    *self,
                                     int          rc,
                                     GError     **error);

G_END_DECLS
