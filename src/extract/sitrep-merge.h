/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-merge.h: one document's events into a collection, merged with the events already
 * there (the same strike reported by three outlets is one event with three claims). */
#pragma once

#include "sitrep-db.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean existed;   /* the document was already stored (same sha256): nothing written */
  guint inserted;     /* new events */
  guint merged;       /* events that joined a stored one */
  guint disputed;     /* merges whose figures differ from the stored ones */
} SitrepMergeStats;

/* Places no closer than this are different places. */
#define SITREP_MERGE_MAX_KM 5.0

/* Stores document and its events (from SitrepExtractor) in one transaction: all of it or,
 * on any error, nothing. An event joins a stored one of the same kind (or a generic strike
 * and a specific one) whose days overlap and whose place is the same gazetteer entry or
 * within SITREP_MERGE_MAX_KM; its claims are appended, and a figure that differs from a
 * stored one of the same kind marks the event disputed. Idempotent: a document already
 * stored (by sha256) adds nothing. published_source says how the publication date was
 * learned ("argument", "header", "mtime", "today"), or NULL. */
gboolean sitrep_merge_document (SitrepDb         *db,
                                SitrepDocument   *document,
                                const char       *published_source,
                                GPtrArray        *events,
                                SitrepMergeStats *stats,
                                GError          **error);

G_END_DECLS
