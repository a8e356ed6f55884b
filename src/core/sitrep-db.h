/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-db.h: a collection, one SQLite file (.sitrep): open, migrate, read and write. */
#pragma once

#include <gio/gio.h>

#include "sitrep-types.h"
#include "sitrep-db-schema.h"

G_BEGIN_DECLS

#define SITREP_DB_ERROR (sitrep_db_error_quark ())

typedef enum
{
  SITREP_DB_ERROR_NOT_FOUND,    /* no such file (and not asked to create it), or no such row */
  SITREP_DB_ERROR_NOT_SQLITE,   /* the file is not an SQLite database */
  SITREP_DB_ERROR_CORRUPT,      /* SQLite says the file is damaged */
  SITREP_DB_ERROR_TOO_NEW,      /* written by a newer Sitrep (schema version above ours) */
  SITREP_DB_ERROR_NOT_SITREP,   /* an SQLite database, but not a Sitrep collection */
  SITREP_DB_ERROR_READ_ONLY,
  SITREP_DB_ERROR_FAILED,
} SitrepDbError;

typedef enum
{
  SITREP_DB_OPEN_DEFAULT = 0,         /* read-write; the file must exist */
  SITREP_DB_OPEN_CREATE = 1 << 0,     /* create an empty collection when missing */
  SITREP_DB_OPEN_READ_ONLY = 1 << 1,  /* never writes, never migrates */
} SitrepDbOpenFlags;

GQuark sitrep_db_error_quark (void);

#define SITREP_TYPE_DB (sitrep_db_get_type ())
G_DECLARE_FINAL_TYPE (SitrepDb, sitrep_db, SITREP, DB, GObject)

/* Opens a collection. A file that is not SQLite, is corrupt, or has a newer schema gives a
 * GError whose message names the file and says what is wrong, and the file is left byte
 * for byte untouched (checked before any write, WAL included). An older schema is migrated
 * in one transaction. */
SitrepDb   *sitrep_db_open                (const char         *path,
                                           SitrepDbOpenFlags   flags,
                                           GError            **error);
const char *sitrep_db_get_path            (SitrepDb           *self);
int         sitrep_db_get_schema_version  (SitrepDb           *self);

/* The raw handle, for core, extract and importers only (the UI never touches SQLite). */
struct sqlite3;
struct sqlite3 *sitrep_db_get_handle      (SitrepDb           *self);

gboolean    sitrep_db_begin               (SitrepDb           *self,
                                           GError            **error);
gboolean    sitrep_db_commit              (SitrepDb           *self,
                                           GError            **error);
void        sitrep_db_rollback            (SitrepDb           *self);

typedef struct
{
  int schema_version;
  gint64 events;
  gint64 claims;
  gint64 documents;
  gint64 first;   /* earliest event start, unix seconds; 0 when empty */
  gint64 last;    /* latest event end, unix seconds; 0 when empty */
} SitrepDbInfo;

gboolean    sitrep_db_get_info            (SitrepDb           *self,
                                           SitrepDbInfo       *info,
                                           GError            **error);

/* Writers. Call them inside sitrep_db_begin()/commit() (one transaction per document).
 * insert_document: returns the row id; when a document with the same sha256 exists,
 * returns its id and sets *existed (then nothing is written). Computes sha256 if unset. */
gint64      sitrep_db_insert_document     (SitrepDb           *self,
                                           SitrepDocument     *document,
                                           gboolean           *existed,
                                           GError            **error);
/* Stores or finds the place by gazetteer_id; returns its row id and sets place->id. */
gint64      sitrep_db_ensure_place        (SitrepDb           *self,
                                           SitrepPlace        *place,
                                           GError            **error);
/* Inserts an event with its claims, figures (claim_index resolved to claim ids), actors
 * and weapons; sets ids on the objects; computes hedging; updates the search index. */
gint64      sitrep_db_insert_event        (SitrepDb           *self,
                                           SitrepEvent        *event,
                                           GError            **error);
/* Adds one claim (and figures that cite it, may be NULL) to a stored event; recomputes
 * the event's hedging and disputed flag and its search row. */
gint64      sitrep_db_add_claim           (SitrepDb           *self,
                                           gint64              event_id,
                                           SitrepClaim        *claim,
                                           GArray             *figures,
                                           GError            **error);

/* Readers. */
SitrepEvent    *sitrep_db_load_event      (SitrepDb           *self,
                                           gint64              event_id,
                                           GError            **error);
SitrepEvent    *sitrep_db_load_event_by_uid (SitrepDb         *self,
                                           const char         *uid,
                                           GError            **error);
SitrepDocument *sitrep_db_load_document   (SitrepDb           *self,
                                           gint64              document_id,
                                           GError            **error);

/* Ratings (analyst's grades): add returns the new row id; remove is for Undo. */
gint64      sitrep_db_add_rating          (SitrepDb           *self,
                                           const SitrepRating *rating,
                                           GError            **error);
gboolean    sitrep_db_remove_rating       (SitrepDb           *self,
                                           gint64              rating_id,
                                           GError            **error);

/* The ratings whose subject_kind ("outlet", "speaker", "claim"), subject and claim_id
 * match, oldest first; NULL / 0 match anything. The last one with a reliability is the
 * subject's current grade (the one the filter uses). A GPtrArray of SitrepRating*. */
GPtrArray  *sitrep_db_list_ratings        (SitrepDb           *self,
                                           const char         *subject_kind,
                                           const char         *subject,
                                           gint64              claim_id,
                                           GError            **error);

G_END_DECLS
