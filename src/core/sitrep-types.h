/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-types.h: the event model (events, claims, documents, places) and its vocabularies. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum below is stored in the database by its integer code (hot event columns)
 * or by its word (claims); codes and words are stable: never renumber, only append. */

typedef enum
{
  SITREP_KIND_OTHER = 0,
  SITREP_KIND_SHELLING,
  SITREP_KIND_AIR_STRIKE,
  SITREP_KIND_DRONE_STRIKE,
  SITREP_KIND_MISSILE_STRIKE,
  SITREP_KIND_STRIKE,
  SITREP_KIND_CLASH,
  SITREP_KIND_OFFENSIVE,
  SITREP_KIND_ADVANCE,
  SITREP_KIND_CAPTURE,
  SITREP_KIND_CASUALTY_CLAIM,
  SITREP_N_KINDS
} SitrepEventKind;

typedef enum
{
  SITREP_TIME_PRECISION_TIME = 0, /* a time of day is known ("at around 10:30 a.m.") */
  SITREP_TIME_PRECISION_DAY,      /* one day, maybe with a part of day */
  SITREP_TIME_PRECISION_RANGE,    /* a range of days ("between Nov 17 and 23") */
  SITREP_TIME_PRECISION_WEEK,
  SITREP_TIME_PRECISION_MONTH,
  SITREP_TIME_PRECISION_REPORTED, /* no date in the text: the publication date */
  SITREP_N_TIME_PRECISIONS
} SitrepTimePrecision;

typedef enum
{
  SITREP_TIME_OF_DAY_NONE = 0,
  SITREP_TIME_OF_DAY_NIGHT,
  SITREP_TIME_OF_DAY_MORNING,
  SITREP_TIME_OF_DAY_DAY,
  SITREP_TIME_OF_DAY_EVENING,
  SITREP_N_TIMES_OF_DAY
} SitrepTimeOfDay;

typedef enum
{
  SITREP_GEO_PRECISION_SETTLEMENT = 1, /* the settlement itself */
  SITREP_GEO_PRECISION_NEAR = 2,       /* near or inside a settlement: a factory, outskirts */
  SITREP_GEO_PRECISION_REGION = 3,     /* only a region or front sector is known */
} SitrepGeoPrecision;

/* Ordered from strongest to weakest support. */
typedef enum
{
  SITREP_HEDGING_ASSERTED = 0,   /* stated flatly by the outlet */
  SITREP_HEDGING_ATTRIBUTED,     /* a named source states it flatly */
  SITREP_HEDGING_HEDGED,         /* cue words: "reportedly", "unconfirmed", "if accurate" */
  SITREP_HEDGING_DISPUTED,       /* the text reports a denial or a conflicting figure */
  SITREP_N_HEDGINGS
} SitrepHedging;

typedef enum
{
  SITREP_SOURCE_OFFICIAL = 0,
  SITREP_SOURCE_MILITARY,
  SITREP_SOURCE_EXPERT,
  SITREP_SOURCE_WITNESS,
  SITREP_SOURCE_MEDIA,
  SITREP_SOURCE_SATELLITE,
  SITREP_SOURCE_UNCONFIRMED,
  SITREP_SOURCE_ANONYMOUS,
  SITREP_N_SOURCE_KINDS
} SitrepSourceKind;

typedef enum
{
  SITREP_FIGURE_TROOPS = 0,
  SITREP_FIGURE_KILLED,
  SITREP_FIGURE_WOUNDED,
  SITREP_FIGURE_CASUALTIES,
  SITREP_FIGURE_CAPTURED,
  SITREP_FIGURE_MISSILES,
  SITREP_FIGURE_DRONES,
  SITREP_FIGURE_OTHER,
  SITREP_N_FIGURE_KINDS
} SitrepFigureKind;

/* Word <-> code.  The words are those of the JSON formats ("air_strike", "hedged").
 * _from_string() returns FALSE for an unknown word and leaves *out alone. */
const char *sitrep_event_kind_to_string      (SitrepEventKind kind);
gboolean    sitrep_event_kind_from_string    (const char *word, SitrepEventKind *out);
const char *sitrep_event_kind_label          (SitrepEventKind kind); /* translated, "Air strike" */
const char *sitrep_event_kind_acled_type     (SitrepEventKind kind); /* "Explosions/Remote violence" */
const char *sitrep_event_kind_acled_sub_type (SitrepEventKind kind); /* "Air/drone strike" */
/* ACLED event type + sub-event type back to a kind; unknown pairs give SITREP_KIND_OTHER. */
SitrepEventKind sitrep_event_kind_from_acled (const char *event_type, const char *sub_event_type);

const char *sitrep_time_precision_to_string   (SitrepTimePrecision p);
gboolean    sitrep_time_precision_from_string (const char *word, SitrepTimePrecision *out);
const char *sitrep_time_of_day_to_string      (SitrepTimeOfDay t); /* NULL for NONE */
gboolean    sitrep_time_of_day_from_string    (const char *word, SitrepTimeOfDay *out);
const char *sitrep_hedging_to_string          (SitrepHedging h);
gboolean    sitrep_hedging_from_string        (const char *word, SitrepHedging *out);
const char *sitrep_hedging_label              (SitrepHedging h);  /* translated */
const char *sitrep_source_kind_to_string      (SitrepSourceKind k);
gboolean    sitrep_source_kind_from_string    (const char *word, SitrepSourceKind *out);
const char *sitrep_source_kind_label          (SitrepSourceKind k); /* translated */
const char *sitrep_figure_kind_to_string      (SitrepFigureKind k);
gboolean    sitrep_figure_kind_from_string    (const char *word, SitrepFigureKind *out);

/* ---- Plain records held inside events ---- */

typedef struct
{
  SitrepFigureKind kind;
  gint64 value;
  gint64 low;        /* -1 when not given */
  gint64 high;       /* -1 when not given */
  char *qualifier;   /* "approximately", "at least", "up to", or NULL */
  int claim_index;   /* index into SitrepEvent.claims, -1 when unknown */
} SitrepFigure;

typedef struct
{
  char *name;
  char *side;        /* "Russia", "Ukraine", or NULL */
  char *role;        /* "actor1", "actor2", "assoc1", "assoc2", or NULL */
} SitrepActor;

void sitrep_figure_clear (SitrepFigure *figure);
void sitrep_actor_clear  (SitrepActor *actor);

/* ---- Documents ---- */

#define SITREP_TYPE_DOCUMENT (sitrep_document_get_type ())
G_DECLARE_FINAL_TYPE (SitrepDocument, sitrep_document, SITREP, DOCUMENT, GObject)

struct _SitrepDocument
{
  GObject parent_instance;

  gint64 id;          /* 0 until stored */
  char *outlet;
  char *url;
  char *title;
  gint64 published;   /* unix seconds, UTC; 0 when unknown */
  char *language;     /* "en", "uk", "ru" */
  char *text;         /* the full text, UTF-8 */
  char *sha256;       /* of text, lowercase hex */
};

SitrepDocument *sitrep_document_new (void);

/* ---- Places ---- */

#define SITREP_TYPE_PLACE (sitrep_place_get_type ())
G_DECLARE_FINAL_TYPE (SitrepPlace, sitrep_place, SITREP, PLACE, GObject)

struct _SitrepPlace
{
  GObject parent_instance;

  gint64 id;             /* 0 until stored */
  char *gazetteer_id;    /* "geonames:703652", or NULL for a free-text place */
  char *name;            /* official Latin name, "Kupiansk-Vuzlovyi" */
  char *name_uk;
  char *name_ru;
  double lat;
  double lon;
  char *admin1;          /* "Kharkiv Oblast" */
  char *admin2;
  char *country;         /* ISO 3166 alpha-2, "UA" */
};

SitrepPlace *sitrep_place_new (void);

/* ---- Claims ---- */

#define SITREP_TYPE_CLAIM (sitrep_claim_get_type ())
G_DECLARE_FINAL_TYPE (SitrepClaim, sitrep_claim, SITREP, CLAIM, GObject)

struct _SitrepClaim
{
  GObject parent_instance;

  gint64 id;                  /* 0 until stored */
  gint64 event_id;
  gint64 document_id;         /* 0 when the claim has no stored document (imports) */
  gint64 span_start;          /* UTF-8 byte offsets into the document text; -1 unknown */
  gint64 span_end;
  char *quote;                /* exactly the bytes of the span */
  char *attributed_to;        /* as written, or NULL */
  char *role;
  char *affiliation;
  SitrepSourceKind source_kind;
  SitrepHedging hedging;
  GStrv cues;                 /* cue phrases as written; never NULL once loaded */
  char *outlet;               /* the outlet that carried it (from the document, or the import) */
  char *url;
  gint64 published;           /* of its document; 0 unknown */
  GPtrArray *ratings;         /* of SitrepRating*, loaded with the event */
};

SitrepClaim *sitrep_claim_new (void);

/* ---- Ratings (NATO Admiralty code) ---- */

typedef struct
{
  gint64 id;
  char *subject_kind;  /* "outlet", "speaker" or "claim" */
  char *subject;       /* outlet or speaker name; NULL for a claim */
  gint64 claim_id;     /* for subject_kind "claim" */
  char reliability;    /* 'A'..'F', or 0 */
  int credibility;     /* 1..6, or 0 */
  char *note;
  gint64 created;      /* unix seconds */
} SitrepRating;

void sitrep_rating_free (SitrepRating *rating);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepRating, sitrep_rating_free)

/* ---- Events ---- */

#define SITREP_TYPE_EVENT (sitrep_event_get_type ())
G_DECLARE_FINAL_TYPE (SitrepEvent, sitrep_event, SITREP, EVENT, GObject)

struct _SitrepEvent
{
  GObject parent_instance;

  gint64 id;                     /* 0 until stored */
  char *uid;                     /* stable hash id */
  char *external_id;             /* e.g. ACLED event_id_cnty, or NULL */
  SitrepEventKind kind;
  char *sub_kind;                /* free word, e.g. the ACLED sub-event type, or NULL */
  gint64 start;                  /* unix seconds UTC; the span is [start, end) */
  gint64 end;
  SitrepTimePrecision time_precision;
  SitrepTimeOfDay time_of_day;
  SitrepPlace *place;            /* nullable (precision 3, or a free-text place) */
  char *place_as_written;
  char *target;                  /* a named facility, or NULL */
  SitrepGeoPrecision geo_precision;
  double lat;
  double lon;
  char *admin1;
  char *summary;
  gboolean disputed;
  SitrepHedging hedging;         /* strongest support among its claims */
  GArray *figures;               /* of SitrepFigure */
  GArray *actors;                /* of SitrepActor */
  GPtrArray *weapons;            /* of char* */
  GPtrArray *claims;             /* of SitrepClaim* */
  char *extra;                   /* JSON object of importer fields not modelled above */
};

SitrepEvent *sitrep_event_new (void);

/* The least-hedged level among the claims (ASSERTED if there are none), as stored in
 * events.hedging; and whether every claim is hedged or disputed. */
SitrepHedging sitrep_event_compute_hedging (SitrepEvent *event);

/* Unix seconds for a calendar day at 00:00 UTC. */
gint64 sitrep_day_to_unix (int year, int month, int day);
/* "2024-11-24" for the UTC day containing unix seconds t. */
char  *sitrep_unix_to_iso_day (gint64 t);
/* Parses "YYYY-MM-DD" to unix seconds at 00:00 UTC. */
gboolean sitrep_iso_day_to_unix (const char *iso, gint64 *out);

G_END_DECLS
