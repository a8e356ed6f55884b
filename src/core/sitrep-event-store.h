/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-store.h: every event of a collection in plain columns, sorted by start time. */
#pragma once

#include <gio/gio.h>

#include "sitrep-types.h"

G_BEGIN_DECLS

/* Bits of the flags column. */
typedef enum
{
  SITREP_EVENT_FLAG_GEO_PRECISION_MASK = 0x3, /* bits 0-1: SitrepGeoPrecision (1..3) */
  SITREP_EVENT_FLAG_DISPUTED = 1 << 2,
  SITREP_EVENT_FLAG_HEDGED = 1 << 3,          /* no claim stronger than "hedged" */
  SITREP_EVENT_FLAG_SPAN = 1 << 4,            /* lasts longer than one day: draw as a span */
} SitrepEventFlags;

typedef struct
{
  double min_lat;
  double min_lon;
  double max_lat;
  double max_lon;
} SitrepBBox;

/* The columns, index i in [0, n_events) sorted by start (ties by id). Times are seconds
 * relative to `epoch` (unix seconds), so that they fit 32 bits. Read-only for callers. */
typedef struct
{
  guint n_events;
  gint64 epoch;
  const gint32 *start;   /* span is [start, end) */
  const gint32 *end;
  const float *lat;
  const float *lon;
  const guint8 *kind;    /* SitrepEventKind */
  const guint8 *flags;   /* SitrepEventFlags */
  const gint64 *id;      /* events.id */
  gint32 max_duration;   /* longest end - start, for window queries */
} SitrepEventColumns;

/* How the last load used the column cache of the collection (schema 2's event_columns). */
typedef enum
{
  SITREP_COLUMN_CACHE_NONE = 0,  /* not used: schema 1, or turned off */
  SITREP_COLUMN_CACHE_HIT,       /* loaded from the cache */
  SITREP_COLUMN_CACHE_WRITTEN,   /* stale or missing: read the events, then stored it */
  SITREP_COLUMN_CACHE_STALE,     /* stale or missing, and the file could not be written */
} SitrepColumnCacheStatus;

typedef struct _SitrepHistogramIndex SitrepHistogramIndex;

/* progress is called from the loading thread with a fraction in [0, 1]; keep it cheap. */
typedef void (*SitrepProgressFunc) (double fraction, gpointer user_data);

#define SITREP_TYPE_EVENT_STORE (sitrep_event_store_get_type ())
G_DECLARE_FINAL_TYPE (SitrepEventStore, sitrep_event_store, SITREP, EVENT_STORE, GObject)

SitrepEventStore *sitrep_event_store_new          (void);

/* Loads the collection at path (read-only), replacing what the store held only on
 * success. The async form runs in a worker thread; progress is delivered on the
 * caller's main context. Emits ::changed when new columns are in place. */
gboolean          sitrep_event_store_load         (SitrepEventStore    *self,
                                                   const char          *path,
                                                   GCancellable        *cancellable,
                                                   SitrepProgressFunc   progress,
                                                   gpointer             progress_data,
                                                   GError             **error);
void              sitrep_event_store_load_async   (SitrepEventStore    *self,
                                                   const char          *path,
                                                   GCancellable        *cancellable,
                                                   SitrepProgressFunc   progress,
                                                   gpointer             progress_data,
                                                   GDestroyNotify       progress_notify,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          sitrep_event_store_load_finish  (SitrepEventStore    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

const char       *sitrep_event_store_get_path     (SitrepEventStore    *self);
guint             sitrep_event_store_get_n_events (SitrepEventStore    *self);
const SitrepEventColumns *sitrep_event_store_get_columns (SitrepEventStore *self);
/* Earliest start and latest end, unix seconds; FALSE when empty. */
gboolean          sitrep_event_store_get_range    (SitrepEventStore    *self,
                                                   gint64              *first,
                                                   gint64              *last);

/* Indices whose span overlaps [from, to) (unix seconds), as a range of candidate
 * indices [*begin, *end) found by binary search; callers still test each candidate's
 * end against from when max_duration > 0 (sitrep_event_store_query does). */
void              sitrep_event_store_window       (SitrepEventStore    *self,
                                                   gint64               from,
                                                   gint64               to,
                                                   guint               *begin,
                                                   guint               *end);
/* Appends to out (GArray of guint) the indices overlapping [from, to) and, when bbox is
 * not NULL, inside it. Returns how many were appended. */
guint             sitrep_event_store_query        (SitrepEventStore    *self,
                                                   gint64               from,
                                                   gint64               to,
                                                   const SitrepBBox    *bbox,
                                                   GArray              *out);
/* The histogram's prefix sums over the loaded columns, built by the loader (in its
 * worker thread for load_async) before ::changed; NULL when empty. */
const SitrepHistogramIndex *sitrep_event_store_get_histogram_index (SitrepEventStore *self);
/* Whether loads read and refresh the column cache (TRUE by default). When the cache is
 * stale and the file writable, a load stores the columns it read for the next load. */
void              sitrep_event_store_set_use_cache (SitrepEventStore  *self,
                                                    gboolean           use_cache);
SitrepColumnCacheStatus sitrep_event_store_get_cache_status (SitrepEventStore *self);

/* Index of the event with this id, or G_MAXUINT. */
guint             sitrep_event_store_find_id      (SitrepEventStore    *self,
                                                   gint64               id);
/* The full record of the event at index, read from the collection on demand. */
SitrepEvent      *sitrep_event_store_get_event    (SitrepEventStore    *self,
                                                   guint                index,
                                                   GError             **error);

G_END_DECLS
