/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-types.c: the event model's vocabularies and its record types. */
#define G_LOG_DOMAIN "sitrep-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-types.h"

/* One table per vocabulary: the word of the JSON formats and the label a user sees.
 * The kind table also holds the ACLED codebook's event type and sub-event type. */

typedef struct
{
  const char *word;
  const char *label;
  const char *acled_type;
  const char *acled_sub_type;
} KindInfo;

static const KindInfo kinds[SITREP_N_KINDS] = {
  [SITREP_KIND_OTHER] = { "other", N_("Other"), "Strategic developments", "Other" },
  [SITREP_KIND_SHELLING] = { "shelling", N_("Shelling"), "Explosions/Remote violence",
                             "Shelling/artillery/missile attack" },
  [SITREP_KIND_AIR_STRIKE] = { "air_strike", N_("Air strike"), "Explosions/Remote violence",
                               "Air/drone strike" },
  [SITREP_KIND_DRONE_STRIKE] = { "drone_strike", N_("Drone strike"),
                                 "Explosions/Remote violence", "Air/drone strike" },
  [SITREP_KIND_MISSILE_STRIKE] = { "missile_strike", N_("Missile strike"),
                                   "Explosions/Remote violence",
                                   "Shelling/artillery/missile attack" },
  [SITREP_KIND_STRIKE] = { "strike", N_("Strike"), "Explosions/Remote violence",
                           "Shelling/artillery/missile attack" },
  [SITREP_KIND_CLASH] = { "clash", N_("Ground fighting"), "Battles", "Armed clash" },
  [SITREP_KIND_OFFENSIVE] = { "offensive", N_("Offensive"), "Battles", "Armed clash" },
  [SITREP_KIND_ADVANCE] = { "advance", N_("Advance"), "Battles", "Armed clash" },
  [SITREP_KIND_CAPTURE] = { "capture", N_("Captured ground"), "Battles",
                            "Non-state actor overtakes territory" },
  [SITREP_KIND_CASUALTY_CLAIM] = { "casualty_claim", N_("Casualty claim"),
                                   "Strategic developments", "Other" },
};

typedef struct
{
  const char *word;
  const char *label;
} WordInfo;

static const WordInfo time_precisions[SITREP_N_TIME_PRECISIONS] = {
  { "time", N_("Time of day") },
  { "day", N_("Day") },
  { "range", N_("Range of days") },
  { "week", N_("Week") },
  { "month", N_("Month") },
  { "reported", N_("Date of report") },
};

static const WordInfo times_of_day[SITREP_N_TIMES_OF_DAY] = {
  { NULL, NULL },
  { "night", N_("Night") },
  { "morning", N_("Morning") },
  { "day", N_("Day") },
  { "evening", N_("Evening") },
};

static const WordInfo hedgings[SITREP_N_HEDGINGS] = {
  { "asserted", N_("Asserted") },
  { "attributed", N_("Attributed") },
  { "hedged", N_("Hedged") },
  { "disputed", N_("Disputed") },
};

static const WordInfo source_kinds[SITREP_N_SOURCE_KINDS] = {
  { "official", N_("Official") },
  { "military", N_("Military") },
  { "expert", N_("Expert") },
  { "witness", N_("Witness") },
  { "media", N_("Media") },
  { "satellite", N_("Satellite imagery") },
  { "unconfirmed", N_("Unconfirmed reports") },
  { "anonymous", N_("Anonymous source") },
};

static const WordInfo figure_kinds[SITREP_N_FIGURE_KINDS] = {
  { "troops", N_("Troops") },
  { "killed", N_("Killed") },
  { "wounded", N_("Wounded") },
  { "casualties", N_("Casualties") },
  { "captured", N_("Captured") },
  { "missiles", N_("Missiles") },
  { "drones", N_("Drones") },
  { "other", N_("Other") },
};

static gboolean
word_lookup (const WordInfo *table,
             int           n,
             const char   *word,
             int          *out)
{
  if (word == NULL)
    return FALSE;
  for (int i = 0; i < n; i++)
    if (table[i].word != NULL && strcmp (table[i].word, word) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define WORD_AT(table, n, i) (((int) (i) >= 0 && (int) (i) < (n)) ? (table)[i].word : NULL)
#define LABEL_AT(table, n, i) \
  (((int) (i) >= 0 && (int) (i) < (n) && (table)[i].label) ? _((table)[i].label) : NULL)

const char *
sitrep_event_kind_to_string (SitrepEventKind kind)
{
  return (kind < SITREP_N_KINDS) ? kinds[kind].word : "other";
}

gboolean
sitrep_event_kind_from_string (const char      *word,
                               SitrepEventKind *out)
{
  if (word == NULL)
    return FALSE;
  for (int i = 0; i < SITREP_N_KINDS; i++)
    if (strcmp (kinds[i].word, word) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sitrep_event_kind_label (SitrepEventKind kind)
{
  return _(kinds[kind < SITREP_N_KINDS ? kind : SITREP_KIND_OTHER].label);
}

const char *
sitrep_event_kind_acled_type (SitrepEventKind kind)
{
  return kinds[kind < SITREP_N_KINDS ? kind : SITREP_KIND_OTHER].acled_type;
}

const char *
sitrep_event_kind_acled_sub_type (SitrepEventKind kind)
{
  return kinds[kind < SITREP_N_KINDS ? kind : SITREP_KIND_OTHER].acled_sub_type;
}

SitrepEventKind
sitrep_event_kind_from_acled (const char *event_type,
                              const char *sub_event_type)
{
  if (sub_event_type == NULL)
    return SITREP_KIND_OTHER;
  if (g_ascii_strcasecmp (sub_event_type, "Shelling/artillery/missile attack") == 0)
    return SITREP_KIND_SHELLING;
  if (g_ascii_strcasecmp (sub_event_type, "Air/drone strike") == 0)
    return SITREP_KIND_AIR_STRIKE;
  if (g_ascii_strcasecmp (sub_event_type, "Armed clash") == 0)
    return SITREP_KIND_CLASH;
  if (g_ascii_strcasecmp (sub_event_type, "Non-state actor overtakes territory") == 0 ||
      g_ascii_strcasecmp (sub_event_type, "Government regains territory") == 0 ||
      g_ascii_strcasecmp (sub_event_type, "Non-violent transfer of territory") == 0)
    return SITREP_KIND_CAPTURE;
  return SITREP_KIND_OTHER;
}

const char *
sitrep_time_precision_to_string (SitrepTimePrecision p)
{
  return WORD_AT (time_precisions, SITREP_N_TIME_PRECISIONS, p);
}

gboolean
sitrep_time_precision_from_string (const char          *word,
                                   SitrepTimePrecision *out)
{
  int i;
  if (!word_lookup (time_precisions, SITREP_N_TIME_PRECISIONS, word, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
sitrep_time_of_day_to_string (SitrepTimeOfDay t)
{
  return WORD_AT (times_of_day, SITREP_N_TIMES_OF_DAY, t);
}

gboolean
sitrep_time_of_day_from_string (const char      *word,
                                SitrepTimeOfDay *out)
{
  int i;
  if (!word_lookup (times_of_day, SITREP_N_TIMES_OF_DAY, word, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
sitrep_hedging_to_string (SitrepHedging h)
{
  return WORD_AT (hedgings, SITREP_N_HEDGINGS, h);
}

gboolean
sitrep_hedging_from_string (const char    *word,
                            SitrepHedging *out)
{
  int i;
  if (!word_lookup (hedgings, SITREP_N_HEDGINGS, word, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
sitrep_hedging_label (SitrepHedging h)
{
  return LABEL_AT (hedgings, SITREP_N_HEDGINGS, h);
}

const char *
sitrep_source_kind_to_string (SitrepSourceKind k)
{
  return WORD_AT (source_kinds, SITREP_N_SOURCE_KINDS, k);
}

gboolean
sitrep_source_kind_from_string (const char       *word,
                                SitrepSourceKind *out)
{
  int i;
  if (!word_lookup (source_kinds, SITREP_N_SOURCE_KINDS, word, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
sitrep_source_kind_label (SitrepSourceKind k)
{
  return LABEL_AT (source_kinds, SITREP_N_SOURCE_KINDS, k);
}

const char *
sitrep_figure_kind_to_string (SitrepFigureKind k)
{
  return WORD_AT (figure_kinds, SITREP_N_FIGURE_KINDS, k);
}

gboolean
sitrep_figure_kind_from_string (const char       *word,
                                SitrepFigureKind *out)
{
  int i;
  if (!word_lookup (figure_kinds, SITREP_N_FIGURE_KINDS, word, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

void
sitrep_figure_clear (SitrepFigure *figure)
{
  g_clear_pointer (&figure->qualifier, g_free);
}

void
sitrep_actor_clear (SitrepActor *actor)
{
  g_clear_pointer (&actor->name, g_free);
  g_clear_pointer (&actor->side, g_free);
  g_clear_pointer (&actor->role, g_free);
}

void
sitrep_rating_free (SitrepRating *rating)
{
  if (rating == NULL)
    return;
  g_free (rating->subject_kind);
  g_free (rating->subject);
  g_free (rating->note);
  g_free (rating);
}

/* ---- SitrepDocument ---- */

G_DEFINE_FINAL_TYPE (SitrepDocument, sitrep_document, G_TYPE_OBJECT)

static void
sitrep_document_finalize (GObject *object)
{
  SitrepDocument *self = SITREP_DOCUMENT (object);

  g_free (self->outlet);
  g_free (self->url);
  g_free (self->title);
  g_free (self->language);
  g_free (self->text);
  g_free (self->sha256);

  G_OBJECT_CLASS (sitrep_document_parent_class)->finalize (object);
}

static void
sitrep_document_class_init (SitrepDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_document_finalize;
}

static void
sitrep_document_init (SitrepDocument *self)
{
}

SitrepDocument *
sitrep_document_new (void)
{
  return g_object_new (SITREP_TYPE_DOCUMENT, NULL);
}

/* ---- SitrepPlace ---- */

G_DEFINE_FINAL_TYPE (SitrepPlace, sitrep_place, G_TYPE_OBJECT)

static void
sitrep_place_finalize (GObject *object)
{
  SitrepPlace *self = SITREP_PLACE (object);

  g_free (self->gazetteer_id);
  g_free (self->name);
  g_free (self->name_uk);
  g_free (self->name_ru);
  g_free (self->admin1);
  g_free (self->admin2);
  g_free (self->country);

  G_OBJECT_CLASS (sitrep_place_parent_class)->finalize (object);
}

static void
sitrep_place_class_init (SitrepPlaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_place_finalize;
}

static void
sitrep_place_init (SitrepPlace *self)
{
}

SitrepPlace *
sitrep_place_new (void)
{
  return g_object_new (SITREP_TYPE_PLACE, NULL);
}

/* ---- SitrepClaim ---- */

G_DEFINE_FINAL_TYPE (SitrepClaim, sitrep_claim, G_TYPE_OBJECT)

static void
sitrep_claim_finalize (GObject *object)
{
  SitrepClaim *self = SITREP_CLAIM (object);

  g_free (self->quote);
  g_free (self->attributed_to);
  g_free (self->role);
  g_free (self->affiliation);
  g_strfreev (self->cues);
  g_free (self->outlet);
  g_free (self->url);
  g_clear_pointer (&self->ratings, g_ptr_array_unref);

  G_OBJECT_CLASS (sitrep_claim_parent_class)->finalize (object);
}

static void
sitrep_claim_class_init (SitrepClaimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_claim_finalize;
}

static void
sitrep_claim_init (SitrepClaim *self)
{
  self->span_start = -1;
  self->span_end = -1;
  self->source_kind = SITREP_SOURCE_MEDIA;
  self->hedging = SITREP_HEDGING_ASSERTED;
  self->cues = g_new0 (char *, 1);
  self->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) sitrep_rating_free);
}

SitrepClaim *
sitrep_claim_new (void)
{
  return g_object_new (SITREP_TYPE_CLAIM, NULL);
}

/* ---- SitrepEvent ---- */

G_DEFINE_FINAL_TYPE (SitrepEvent, sitrep_event, G_TYPE_OBJECT)

static void
sitrep_event_finalize (GObject *object)
{
  SitrepEvent *self = SITREP_EVENT (object);

  g_free (self->uid);
  g_free (self->external_id);
  g_free (self->sub_kind);
  g_clear_object (&self->place);
  g_free (self->place_as_written);
  g_free (self->target);
  g_free (self->admin1);
  g_free (self->summary);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->weapons, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_free (self->extra);

  G_OBJECT_CLASS (sitrep_event_parent_class)->finalize (object);
}

static void
sitrep_event_class_init (SitrepEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitrep_event_finalize;
}

static void
sitrep_event_init (SitrepEvent *self)
{
  self->geo_precision = SITREP_GEO_PRECISION_SETTLEMENT;
  self->time_precision = SITREP_TIME_PRECISION_DAY;
  self->figures = g_array_new (FALSE, TRUE, sizeof (SitrepFigure));
  g_array_set_clear_func (self->figures, (GDestroyNotify) sitrep_figure_clear);
  self->actors = g_array_new (FALSE, TRUE, sizeof (SitrepActor));
  g_array_set_clear_func (self->actors, (GDestroyNotify) sitrep_actor_clear);
  self->weapons = g_ptr_array_new_with_free_func (g_free);
  self->claims = g_ptr_array_new_with_free_func (g_object_unref);
}

SitrepEvent *
sitrep_event_new (void)
{
  return g_object_new (SITREP_TYPE_EVENT, NULL);
}

SitrepHedging
sitrep_event_compute_hedging (SitrepEvent *event)
{
  SitrepHedging best = SITREP_N_HEDGINGS;

  g_return_val_if_fail (SITREP_IS_EVENT (event), SITREP_HEDGING_ASSERTED);

  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);
      if (claim->hedging < best)
        best = claim->hedging;
    }
  return best == SITREP_N_HEDGINGS ? SITREP_HEDGING_ASSERTED : best;
}

gint64
sitrep_day_to_unix (int year,
                    int month,
                    int day)
{
  /* Days from civil (proleptic Gregorian), after Howard Hinnant's algorithm. */
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  gint64 days = (gint64) era * 146097 + doe - 719468;
  return days * 86400;
}

char *
sitrep_unix_to_iso_day (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%d");
}

gboolean
sitrep_iso_day_to_unix (const char *iso,
                        gint64     *out)
{
  int y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return FALSE;
  *out = sitrep_day_to_unix (y, m, d);
  return TRUE;
}
