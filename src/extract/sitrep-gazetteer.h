/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-gazetteer.h: place names of Ukraine and its neighbours, matched in one pass over
 * a text across Ukrainian, Russian and Latin spellings. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITREP_GAZETTEER_ERROR (sitrep_gazetteer_error_quark ())
typedef enum
{
  SITREP_GAZETTEER_ERROR_NOT_FOUND,
  SITREP_GAZETTEER_ERROR_INVALID,
} SitrepGazetteerError;
GQuark sitrep_gazetteer_error_quark (void);

typedef enum
{
  SITREP_GAZETTEER_SETTLEMENT = 0, /* city, town, village */
  SITREP_GAZETTEER_REGION,         /* oblast (admin1) */
  SITREP_GAZETTEER_DISTRICT,       /* raion (admin2) */
  SITREP_GAZETTEER_OTHER,          /* a named feature: river, reservoir, station */
} SitrepGazetteerFeature;

typedef struct
{
  guint32 id;             /* index of the entry, stable for one table */
  guint32 geonameid;      /* 0 when none */
  const char *name;       /* official Latin name: "Kupiansk-Vuzlovyi" */
  const char *name_uk;    /* "Куп'янськ-Вузловий", or NULL */
  const char *name_ru;    /* "Купянск-Узловой", or NULL */
  const char *admin1;     /* English oblast name: "Kharkiv Oblast" */
  const char *admin2;     /* raion, or NULL */
  const char *katottg;    /* "UA63080070010094733", or NULL */
  const char *country;    /* ISO 3166 alpha-2 */
  double lat;
  double lon;
  guint32 population;
  SitrepGazetteerFeature feature;
} SitrepGazetteerEntry;

typedef struct
{
  gsize start;            /* byte offsets of the name as written in the scanned text */
  gsize end;
  guint n_candidates;     /* entries that carry this name (several Ivanivkas) */
  const guint32 *candidates;
} SitrepGazetteerMatch;

typedef struct _SitrepGazetteer SitrepGazetteer;

/* The table that ships with Sitrep (compiled into the library). Loaded once, shared,
 * thread-safe for reading; never free it. */
SitrepGazetteer            *sitrep_gazetteer_get_default  (GError          **error);
SitrepGazetteer            *sitrep_gazetteer_new_from_file (const char      *path,
                                                            GError         **error);
void                        sitrep_gazetteer_free          (SitrepGazetteer *self);

guint                       sitrep_gazetteer_get_n_entries (SitrepGazetteer *self);
const SitrepGazetteerEntry *sitrep_gazetteer_get_entry     (SitrepGazetteer *self,
                                                            guint32          id);

/* Every place name in text (UTF-8, len bytes or -1), leftmost-longest and not overlapping,
 * in one automaton pass over the normalised text. Returns a GArray of SitrepGazetteerMatch
 * whose candidate arrays belong to the gazetteer. */
GArray                     *sitrep_gazetteer_scan          (SitrepGazetteer *self,
                                                            const char      *text,
                                                            gssize           len);

/* Candidates for one name as written in any script or transliteration, best first
 * (admin1_hint, e.g. "Kharkiv Oblast", preferred when given). NULL when unknown. */
GArray                     *sitrep_gazetteer_lookup        (SitrepGazetteer *self,
                                                            const char      *name,
                                                            const char      *admin1_hint);

/* Picks one of a match's candidates: the one in admin1_hint if given, else the one
 * nearest to the context entries (other places named in the same text), else the most
 * populous. Returns G_MAXUINT32 when it stays ambiguous. */
guint32                     sitrep_gazetteer_resolve       (SitrepGazetteer            *self,
                                                            const SitrepGazetteerMatch *match,
                                                            const char                 *admin1_hint,
                                                            const guint32              *context,
                                                            guint                       n_context);

/* The normalised key used for matching: lowercase, Cyrillic transliterated to a common
 * Latin skeleton so that Kupyansk = Kupiansk = Купянск = Куп'янськ, apostrophes and dashes
 * folded. Exposed for tests. */
char                       *sitrep_gazetteer_normalize     (const char      *name);

/* Microseconds the table took to load and index (decompress, parse, build the trie). */
gint64                      sitrep_gazetteer_get_load_usec (SitrepGazetteer *self);

G_END_DECLS
