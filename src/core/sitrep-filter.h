/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-filter.h: which events to show: kinds, sides, sources, hedging, full text. */
#pragma once

#include <gio/gio.h>

#include "sitrep-event-store.h"

G_BEGIN_DECLS

#define SITREP_FILTER_ERROR (sitrep_filter_error_quark ())

typedef enum
{
  SITREP_FILTER_ERROR_NO_COLLECTION,  /* the store holds no collection */
  SITREP_FILTER_ERROR_FAILED,         /* the collection could not be searched */
} SitrepFilterError;

GQuark sitrep_filter_error_quark (void);

#define SITREP_FILTER_ALL_KINDS ((1u << SITREP_N_KINDS) - 1)
#define SITREP_FILTER_ALL_HEDGINGS ((1u << SITREP_N_HEDGINGS) - 1)
#define SITREP_FILTER_ALL_SOURCE_KINDS ((1u << SITREP_N_SOURCE_KINDS) - 1)

/* Other spellings of a word of the search text (e.g. a place's names in every script),
 * or NULL; called from the worker thread, so it must be thread-safe. */
typedef GStrv (*SitrepFilterExpandFunc) (const char *word,
                                         gpointer    user_data);

#define SITREP_TYPE_FILTER (sitrep_filter_get_type ())
G_DECLARE_FINAL_TYPE (SitrepFilter, sitrep_filter, SITREP, FILTER, GObject)

/* Properties: "kinds", "hedgings", "source-kinds" (bit masks of the enums' codes; all bits
 * set keep every event), "side" (an actor's side or name, "" for any), "text" (words that
 * must all appear, as prefixes, in the summary, quotes or place names), "min-reliability"
 * and "include-ungraded" (see below). ::changed is
 * emitted once per change of any of them. */
SitrepFilter *sitrep_filter_new              (void);
guint         sitrep_filter_get_kinds        (SitrepFilter *self);
void          sitrep_filter_set_kinds        (SitrepFilter *self,
                                              guint         kinds);
guint         sitrep_filter_get_hedgings     (SitrepFilter *self);
void          sitrep_filter_set_hedgings     (SitrepFilter *self,
                                              guint         hedgings);
guint         sitrep_filter_get_source_kinds (SitrepFilter *self);
void          sitrep_filter_set_source_kinds (SitrepFilter *self,
                                              guint         source_kinds);
const char   *sitrep_filter_get_side         (SitrepFilter *self);
void          sitrep_filter_set_side         (SitrepFilter *self,
                                              const char   *side);
const char   *sitrep_filter_get_text         (SitrepFilter *self);
void          sitrep_filter_set_text         (SitrepFilter *self,
                                              const char   *text);
void          sitrep_filter_set_expand_func  (SitrepFilter          *self,
                                              SitrepFilterExpandFunc func,
                                              gpointer               user_data,
                                              GDestroyNotify         destroy);
/* Source reliability, from the analyst's ratings (NATO Admiralty A–F, A best).
 * "min-reliability" ('A'..'F' as a uint, 0 for any grade): keep the events with at least
 * one claim whose outlet or speaker is graded at least that well. A subject's grade is
 * its latest outlet/speaker rating with a reliability; a claim matches by its outlet and
 * attributed_to exactly, as on the claim cards. "include-ungraded" (default TRUE): also
 * keep the events none of whose outlets or speakers is graded. min 0 with
 * include-ungraded FALSE keeps only events with some grade. */
char          sitrep_filter_get_min_reliability  (SitrepFilter *self);
void          sitrep_filter_set_min_reliability  (SitrepFilter *self,
                                                  char          grade);
gboolean      sitrep_filter_get_include_ungraded (SitrepFilter *self);
void          sitrep_filter_set_include_ungraded (SitrepFilter *self,
                                                  gboolean      include);
/* Call after a rating is added or removed (and after its Undo). The grades are read from
 * the collection at each compute, so this only emits ::changed, and only when the
 * reliability criterion is in use (returns whether it did): whoever listens to ::changed
 * (the timeline link) then recomputes the mask. */
gboolean      sitrep_filter_reload_ratings       (SitrepFilter *self);

/* TRUE when the filter keeps every event. */
gboolean      sitrep_filter_is_empty         (SitrepFilter *self);

/* The FTS5 query for a search text: every word quoted (so no input is FTS syntax) and
 * matched as a prefix, words ANDed, a word's other spellings ORed. NULL for no words. */
char         *sitrep_filter_build_fts_query  (const char            *text,
                                              SitrepFilterExpandFunc expand,
                                              gpointer               user_data);

/* The events of the store the filter keeps, as a bit set over store indices (guint64
 * words, bit i of word i / 64), or NULL with no error when the filter keeps everything.
 * Reads the store's collection (its own read-only connection) for the criteria that are
 * not in the columns. The async form runs in a worker thread. */
GBytes       *sitrep_filter_compute          (SitrepFilter      *self,
                                              SitrepEventStore  *store,
                                              GCancellable      *cancellable,
                                              GError           **error);
void          sitrep_filter_compute_async    (SitrepFilter       *self,
                                              SitrepEventStore   *store,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GBytes       *sitrep_filter_compute_finish   (SitrepFilter      *self,
                                              GAsyncResult      *result,
                                              GError           **error);

/* Number of bits set among the first n. */
guint         sitrep_filter_mask_count       (GBytes            *mask,
                                              guint              n);
static inline gboolean
sitrep_filter_mask_get (const guint64 *bits,
                        guint          i)
{
  return bits == NULL || ((bits[i >> 6] >> (i & 63)) & 1);
}

G_END_DECLS
