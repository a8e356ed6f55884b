/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-generate.c: synthetic collections for benchmarks, and the sample from its text fixture. */
#define G_LOG_DOMAIN "sitrep-generate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-db-private.h"
#include "sitrep-generate.h"

G_DEFINE_QUARK (sitrep-generate-error-quark, sitrep_generate_error)

/* ---- Synthetic collections ---- */

/* Front-line and frequently struck places, coordinates from GeoNames (CC BY 4.0). The
 * weight says how often events cluster there; spread is the jitter in degrees. */
typedef struct
{
  const char *geonames_id;
  const char *name;
  const char *name_uk;
  const char *name_ru;
  double lat;
  double lon;
  const char *admin1;
  guint weight;
  double spread;
} SynthPlace;

static const SynthPlace synth_places[] = {
  { "706483", "Kharkiv", "Харків", "Харьков", 49.98177, 36.25475, "Kharkiv Oblast", 40, 0.06 },
  { "703656", "Kupiansk", "Куп’янськ", "Купянск", 49.71003, 37.61581, "Kharkiv Oblast", 40, 0.08 },
  { "703652", "Kupiansk-Vuzlovyi", "Куп’янськ-Вузловий", "Купянск-Узловой", 49.67061, 37.64319,
    "Kharkiv Oblast", 20, 0.05 },
  { "707292", "Izium", "Ізюм", "Изюм", 49.20697, 37.27679, "Kharkiv Oblast", 20, 0.08 },
  { "689304", "Vovchansk", "Вовчанськ", "Волчанск", 50.29078, 36.94108, "Kharkiv Oblast", 30, 0.06 },
  { "712926", "Balakliia", "Балаклія", "Балаклея", 49.45595, 36.84433, "Kharkiv Oblast", 10, 0.06 },
  { "711623", "Borova", "Борова", "Боровая", 49.38047, 37.61931, "Kharkiv Oblast", 15, 0.08 },
  { "710374", "Chuhuiv", "Чугуїв", "Чугуев", 49.83538, 36.6865, "Kharkiv Oblast", 10, 0.06 },
  { "704204", "Lyman", "Лиман", "Лиман", 48.99012, 37.80843, "Donetsk Oblast", 30, 0.08 },
  { "713174", "Bakhmut", "Бахмут", "Бахмут", 48.59419, 37.99886, "Donetsk Oblast", 50, 0.07 },
  { "713122", "Avdiivka", "Авдіївка", "Авдеевка", 48.14019, 37.75008, "Donetsk Oblast", 45, 0.06 },
  { "704422", "Pokrovsk", "Покровськ", "Покровск", 48.28014, 37.17706, "Donetsk Oblast", 45, 0.08 },
  { "704508", "Kramatorsk", "Краматорськ", "Краматорск", 48.73106, 37.56779, "Donetsk Oblast", 15,
    0.05 },
  { "693468", "Sloviansk", "Слов’янськ", "Славянск", 48.84974, 37.59739, "Donetsk Oblast", 15, 0.05 },
  { "694403", "Siversk", "Сіверськ", "Северск", 48.86476, 38.09683, "Donetsk Oblast", 20, 0.06 },
  { "709354", "Toretsk", "Торецьк", "Торецк", 48.39477, 37.8478, "Donetsk Oblast", 30, 0.06 },
  { "710915", "Chasiv Yar", "Часів Яр", "Часов Яр", 48.58768, 37.83409, "Donetsk Oblast", 30, 0.05 },
  { "690823", "Vuhledar", "Вугледар", "Угледар", 47.77973, 37.24999, "Donetsk Oblast", 25, 0.06 },
  { "705104", "Kostiantynivka", "Костянтинівка", "Константиновка", 48.52728, 37.70594,
    "Donetsk Oblast", 20, 0.05 },
  { "701845", "Marinka", "Мар’їнка", "Марьинка", 47.94527, 37.50544, "Donetsk Oblast", 25, 0.05 },
  { "694677", "Selydove", "Селидове", "Селидово", 48.1465, 37.3022, "Donetsk Oblast", 15, 0.05 },
  { "695357", "Kurakhove", "Курахове", "Курахово", 47.9847, 37.28069, "Donetsk Oblast", 25, 0.06 },
  { "690237", "Velyka Novosilka", "Велика Новосілка", "Великая Новоселка", 47.84281, 36.83627,
    "Donetsk Oblast", 15, 0.07 },
  { "702972", "Lysychansk", "Лисичанськ", "Лисичанск", 48.91211, 38.42088, "Luhansk Oblast", 10,
    0.05 },
  { "691999", "Sievierodonetsk", "Сєвєродонецьк", "Северодонецк", 48.94414, 38.48754,
    "Luhansk Oblast", 10, 0.05 },
  { "704138", "Kreminna", "Кремінна", "Кременная", 49.04811, 38.21552, "Luhansk Oblast", 20, 0.07 },
  { "692118", "Svatove", "Сватове", "Сватово", 49.40926, 38.15534, "Luhansk Oblast", 10, 0.07 },
  { "706448", "Kherson", "Херсон", "Херсон", 46.63695, 32.61458, "Kherson Oblast", 35, 0.06 },
  { "687700", "Zaporizhzhia", "Запоріжжя", "Запорожье", 47.85167, 35.11714, "Zaporizhzhia Oblast",
    20, 0.06 },
  { "698428", "Orikhiv", "Оріхів", "Орехов", 47.57613, 35.78333, "Zaporizhzhia Oblast", 25, 0.06 },
  { "695586", "Robotyne", "Роботине", "Работино", 47.44781, 35.837, "Zaporizhzhia Oblast", 15, 0.04 },
  { "707898", "Huliaipole", "Гуляйполе", "Гуляйполе", 47.66685, 36.25576, "Zaporizhzhia Oblast", 15,
    0.06 },
  { "709276", "Enerhodar", "Енергодар", "Энергодар", 47.49048, 34.66199, "Zaporizhzhia Oblast", 5,
    0.03 },
  { "691469", "Tokmak", "Токмак", "Токмак", 47.25554, 35.70836, "Zaporizhzhia Oblast", 5, 0.05 },
  { "701404", "Melitopol", "Мелітополь", "Мелитополь", 46.84735, 35.38196, "Zaporizhzhia Oblast", 5,
    0.05 },
  { "700051", "Nikopol", "Нікополь", "Никополь", 47.56826, 34.39126, "Dnipropetrovsk Oblast", 20,
    0.04 },
  { "709930", "Dnipro", "Дніпро", "Днепр", 48.46664, 35.04066, "Dnipropetrovsk Oblast", 8, 0.06 },
  { "700569", "Mykolaiv", "Миколаїв", "Николаев", 46.97625, 31.99296, "Mykolaiv Oblast", 10, 0.05 },
  { "698740", "Odesa", "Одеса", "Одесса", 46.48572, 30.74383, "Odesa Oblast", 8, 0.05 },
  { "692194", "Sumy", "Суми", "Сумы", 50.91741, 34.79906, "Sumy Oblast", 12, 0.1 },
  { "710735", "Chernihiv", "Чернігів", "Чернигов", 51.50541, 31.28656, "Chernihiv Oblast", 5, 0.08 },
  { "703448", "Kyiv", "Київ", "Киев", 50.45466, 30.5238, "Kyiv City", 8, 0.07 },
};

/* A realistic mix: shelling and drones dominate, captures are rare. */
static const guint synth_kind_weights[SITREP_N_KINDS] = {
  [SITREP_KIND_OTHER] = 2,
  [SITREP_KIND_SHELLING] = 30,
  [SITREP_KIND_AIR_STRIKE] = 8,
  [SITREP_KIND_DRONE_STRIKE] = 20,
  [SITREP_KIND_MISSILE_STRIKE] = 6,
  [SITREP_KIND_STRIKE] = 6,
  [SITREP_KIND_CLASH] = 15,
  [SITREP_KIND_OFFENSIVE] = 1,
  [SITREP_KIND_ADVANCE] = 6,
  [SITREP_KIND_CAPTURE] = 3,
  [SITREP_KIND_CASUALTY_CLAIM] = 3,
};

typedef struct
{
  const char *name;
  int side;  /* 0 Ukrainian, 1 Russian, 2 international */
} SynthOutlet;

static const SynthOutlet synth_outlets[] = {
  { "Ukrinform", 0 }, { "The Kyiv Independent", 0 }, { "Suspilne", 0 },
  { "Ukrainska Pravda", 0 }, { "Interfax-Ukraine", 0 }, { "RBC-Ukraine", 0 },
  { "TASS", 1 }, { "RIA Novosti", 1 }, { "Izvestia", 1 }, { "Rybar (Telegram)", 1 },
  { "Reuters", 2 }, { "Associated Press", 2 }, { "BBC News", 2 }, { "Al Jazeera", 2 },
  { "Institute for the Study of War", 2 },
};

typedef struct
{
  const char *speaker;    /* NULL: no named source */
  const char *role;
  SitrepSourceKind kind;
  int side;
} SynthSpeaker;

static const SynthSpeaker synth_speakers[] = {
  { "the regional military administration", "head of the administration", SITREP_SOURCE_OFFICIAL, 0 },
  { "the General Staff of the Armed Forces of Ukraine", NULL, SITREP_SOURCE_MILITARY, 0 },
  { "a spokesperson for the operational command", "spokesperson", SITREP_SOURCE_MILITARY, 0 },
  { "the State Emergency Service", NULL, SITREP_SOURCE_OFFICIAL, 0 },
  { "the Russian Defence Ministry", NULL, SITREP_SOURCE_MILITARY, 1 },
  { "a Russian-installed official", "occupation official", SITREP_SOURCE_OFFICIAL, 1 },
  { "a military analyst", "analyst", SITREP_SOURCE_EXPERT, 2 },
  { "local residents", NULL, SITREP_SOURCE_WITNESS, 2 },
  { "a soldier at the front", "soldier", SITREP_SOURCE_WITNESS, 0 },
  { NULL, NULL, SITREP_SOURCE_UNCONFIRMED, 2 },
  { NULL, NULL, SITREP_SOURCE_SATELLITE, 2 },
  { NULL, NULL, SITREP_SOURCE_MEDIA, 2 },
};

static const char * const synth_kind_phrases[SITREP_N_KINDS] = {
  [SITREP_KIND_OTHER] = "an incident was recorded in",
  [SITREP_KIND_SHELLING] = "artillery shelled",
  [SITREP_KIND_AIR_STRIKE] = "aircraft dropped guided bombs on",
  [SITREP_KIND_DRONE_STRIKE] = "attack drones hit",
  [SITREP_KIND_MISSILE_STRIKE] = "a missile struck",
  [SITREP_KIND_STRIKE] = "a strike hit",
  [SITREP_KIND_CLASH] = "fighting went on near",
  [SITREP_KIND_OFFENSIVE] = "a new offensive began towards",
  [SITREP_KIND_ADVANCE] = "troops advanced on the approaches to",
  [SITREP_KIND_CAPTURE] = "control was claimed over a village near",
  [SITREP_KIND_CASUALTY_CLAIM] = "heavy losses were claimed around",
};

static const char * const synth_times[] = {
  "overnight", "in the morning", "during the day", "in the evening", "at dawn",
};

static const char * const synth_hedged_cues[] = {
  "reportedly", "according to unconfirmed reports", "if accurate", "claimed", "is said to",
};

static guint
pick_weighted (GRand        *rand,
               const guint  *weights,
               guint         n,
               guint         total)
{
  guint r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static double
gaussian (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);
  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static SitrepClaim *
synth_claim (GRand             *rand,
             SitrepEventKind    kind,
             const SynthPlace  *place,
             const char        *when)
{
  SitrepClaim *claim = sitrep_claim_new ();
  const SynthSpeaker *speaker = &synth_speakers[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (synth_speakers))];
  const SynthOutlet *outlet;
  const char *cue = NULL;
  double r = g_rand_double (rand);

  /* Outlets mostly carry their own side's sources. */
  do
    outlet = &synth_outlets[g_rand_int_range (rand, 0, G_N_ELEMENTS (synth_outlets))];
  while (speaker->side < 2 && outlet->side < 2 && outlet->side != speaker->side &&
         g_rand_double (rand) < 0.8);

  claim->source_kind = speaker->kind;
  claim->outlet = g_strdup (outlet->name);
  if (speaker->speaker != NULL)
    {
      claim->attributed_to = g_strdup (speaker->speaker);
      claim->role = g_strdup (speaker->role);
    }

  if (speaker->kind == SITREP_SOURCE_UNCONFIRMED || speaker->kind == SITREP_SOURCE_ANONYMOUS)
    {
      claim->hedging = SITREP_HEDGING_HEDGED;
      cue = "according to unconfirmed reports";
    }
  else if (r < 0.12)
    {
      claim->hedging = SITREP_HEDGING_DISPUTED;
      cue = "denied";
    }
  else if (r < 0.40)
    {
      claim->hedging = SITREP_HEDGING_HEDGED;
      cue = synth_hedged_cues[g_rand_int_range (rand, 0, G_N_ELEMENTS (synth_hedged_cues))];
    }
  else if (speaker->speaker != NULL)
    {
      claim->hedging = SITREP_HEDGING_ATTRIBUTED;
      cue = "said";
    }
  else
    claim->hedging = SITREP_HEDGING_ASSERTED;

  g_strfreev (claim->cues);
  claim->cues = g_new0 (char *, 2);
  if (cue != NULL)
    claim->cues[0] = g_strdup (cue);

  if (claim->hedging == SITREP_HEDGING_DISPUTED)
    claim->quote = g_strdup_printf ("%s denied that %s %s %s.",
                                    speaker->speaker != NULL ? speaker->speaker : "Officials",
                                    synth_kind_phrases[kind], place->name, when);
  else if (speaker->speaker != NULL)
    claim->quote = g_strdup_printf ("%s %s, %s %s.", synth_kind_phrases[kind], place->name, when,
                                    cue != NULL && claim->hedging == SITREP_HEDGING_HEDGED
                                      ? "it was claimed" : "the source said");
  else
    claim->quote = g_strdup_printf ("%s%s %s %s.", cue != NULL ? cue : "", cue != NULL ? "," : "",
                                    synth_kind_phrases[kind], place->name);
  if (claim->quote[0] >= 'a' && claim->quote[0] <= 'z')
    claim->quote[0] -= 'a' - 'A';
  return claim;
}

/* Drops the secondary indexes of the big tables and gives back the SQL to remake them:
 * one sorted build after the bulk insert is faster than a million scattered updates. */
static char *
drop_indexes (sqlite3  *handle,
              GError  **error)
{
  g_autoptr (GString) remake = g_string_new (NULL);
  g_autoptr (GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                          "sql IS NOT NULL AND tbl_name IN ('events', 'claims', 'figures')",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SITREP_GENERATE_ERROR, SITREP_GENERATE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (handle));
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_string_append_printf (remake, "%s;\n", sqlite3_column_text (stmt, 1));
      /* Index names come from our own schema, never from data. */
      g_string_append_printf (drop, "DROP INDEX \"%s\";\n", name);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_exec (handle, drop->str, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, SITREP_GENERATE_ERROR, SITREP_GENERATE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (handle));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&remake), FALSE);
}

gboolean
sitrep_generate_synthetic (SitrepDb            *db,
                           guint                n_events,
                           guint32              seed,
                           gboolean             index_search,
                           SitrepProgressFunc   progress,
                           gpointer             progress_data,
                           GError             **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *starts = NULL;
  g_autofree char *remake = NULL;
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *handle = sitrep_db_get_handle (db);
  const gint64 first = sitrep_day_to_unix (2022, 2, 24);
  const gint64 last = sitrep_day_to_unix (2025, 2, 24);  /* exclusive: through 2025-02-23 */
  guint place_weights[G_N_ELEMENTS (synth_places)];
  guint place_total = 0, kind_total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (synth_places); i++)
    {
      SitrepPlace *place = sitrep_place_new ();

      place_weights[i] = synth_places[i].weight;
      place_total += place_weights[i];
      place->gazetteer_id = g_strconcat ("geonames:", synth_places[i].geonames_id, NULL);
      place->name = g_strdup (synth_places[i].name);
      place->name_uk = g_strdup (synth_places[i].name_uk);
      place->name_ru = g_strdup (synth_places[i].name_ru);
      place->lat = synth_places[i].lat;
      place->lon = synth_places[i].lon;
      place->admin1 = g_strdup (synth_places[i].admin1);
      place->country = g_strdup ("UA");
      g_ptr_array_add (places, place);
    }
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    kind_total += synth_kind_weights[k];

  /* Times first, sorted, so that events go in in time order like a real history. */
  starts = g_new (double, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    starts[i] = g_rand_double_range (rand, (double) first, (double) last);
  qsort (starts, n_events, sizeof (double), compare_double);

  sqlite3_exec (handle, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  sqlite3_exec (handle, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
  sqlite3_exec (handle, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  sitrep_db_set_index_search (db, index_search);

  if (!sitrep_db_begin (db, error))
    return FALSE;
  if ((remake = drop_indexes (handle, error)) == NULL)
    goto fail;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (SitrepEvent) event = sitrep_event_new ();
      guint p = pick_weighted (rand, place_weights, G_N_ELEMENTS (synth_places), place_total);
      const SynthPlace *sp = &synth_places[p];
      gint64 t = (gint64) starts[i];
      gint64 day = t - (t % 86400);
      double r = g_rand_double (rand);
      const char *when = synth_times[g_rand_int_range (rand, 0, G_N_ELEMENTS (synth_times))];
      guint n_claims;

      event->kind = pick_weighted (rand, synth_kind_weights, SITREP_N_KINDS, kind_total);
      /* Precision of time: mostly a day, some a time, a few ranges or a night. */
      if (r < 0.65)
        {
          event->start = day;
          event->end = day + 86400;
          event->time_precision = SITREP_TIME_PRECISION_DAY;
        }
      else if (r < 0.85)
        {
          event->start = t;
          event->end = t + 3600;
          event->time_precision = SITREP_TIME_PRECISION_TIME;
        }
      else if (r < 0.95)
        {
          event->start = day;
          event->end = day + 86400;
          event->time_precision = SITREP_TIME_PRECISION_DAY;
          event->time_of_day = SITREP_TIME_OF_DAY_NIGHT;
          when = "overnight";
        }
      else
        {
          event->start = day;
          event->end = MIN (day + 86400 * g_rand_int_range (rand, 2, 8), last);
          event->time_precision = SITREP_TIME_PRECISION_RANGE;
          when = "over several days";
        }

      event->place = g_object_ref (g_ptr_array_index (places, p));
      event->admin1 = g_strdup (sp->admin1);
      r = g_rand_double (rand);
      event->geo_precision = r < 0.7 ? SITREP_GEO_PRECISION_SETTLEMENT
                             : r < 0.93 ? SITREP_GEO_PRECISION_NEAR
                                        : SITREP_GEO_PRECISION_REGION;
      event->lat = sp->lat + gaussian (rand) * sp->spread;
      event->lon = sp->lon + gaussian (rand) * sp->spread * 1.5;
      event->summary = g_strdup_printf ("%c%s %s %s.", g_ascii_toupper (synth_kind_phrases[event->kind][0]),
                                        synth_kind_phrases[event->kind] + 1, sp->name, when);
      event->uid = g_strdup_printf ("synth-%u-%u", seed, i);

      r = g_rand_double (rand);
      n_claims = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4;
      for (guint c = 0; c < n_claims; c++)
        g_ptr_array_add (event->claims, synth_claim (rand, event->kind, sp, when));

      if (event->kind == SITREP_KIND_CASUALTY_CLAIM ||
          (event->kind <= SITREP_KIND_STRIKE && g_rand_double (rand) < 0.3))
        {
          SitrepFigure figure = { 0, };

          figure.kind = event->kind == SITREP_KIND_CASUALTY_CLAIM ? SITREP_FIGURE_CASUALTIES
                        : g_rand_boolean (rand) ? SITREP_FIGURE_KILLED : SITREP_FIGURE_WOUNDED;
          figure.value = event->kind == SITREP_KIND_CASUALTY_CLAIM
                           ? g_rand_int_range (rand, 50, 4000) : g_rand_int_range (rand, 1, 12);
          figure.low = figure.high = -1;
          figure.qualifier = g_rand_boolean (rand) ? g_strdup ("at least")
                                                    : g_strdup ("approximately");
          figure.claim_index = 0;
          g_array_append_val (event->figures, figure);
        }

      if (sitrep_db_insert_event (db, event, error) == 0)
        goto fail;
      if (progress != NULL && (i + 1) % 65536 == 0)
        progress ((double) (i + 1) / n_events, progress_data);
    }

  if (sqlite3_exec (handle, remake, NULL, NULL, NULL) != SQLITE_OK)
    {
      sitrep_db_set_sqlite_error (db, sqlite3_errcode (handle), error);
      goto fail;
    }
  if (!sitrep_db_commit (db, error))
    goto fail;
  sitrep_db_set_index_search (db, TRUE);
  sqlite3_exec (handle, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  sitrep_db_rollback (db);
  sitrep_db_set_index_search (db, TRUE);
  return FALSE;
}

/* ---- The text fixture ---- */

typedef struct
{
  char *outlet;
  gint64 published;
  GString *text;
  SitrepDocument *document;
} FixtureDoc;

static void
fixture_doc_free (FixtureDoc *doc)
{
  g_free (doc->outlet);
  g_string_free (doc->text, TRUE);
  g_clear_object (&doc->document);
  g_free (doc);
}

typedef struct
{
  const char *path;
  char *display;
  GHashTable *places;        /* name -> SitrepPlace */
  GHashTable *place_prec;    /* name -> GINT_TO_POINTER (precision of the place) */
  GHashTable *docs_by_key;   /* "outlet\x1fday" -> FixtureDoc */
  GPtrArray *docs;           /* of FixtureDoc, in order of appearance */
  GPtrArray *events;         /* of SitrepEvent */
  GPtrArray *claim_docs;     /* parallel to all claims: FixtureDoc*, in order */
} Fixture;

static gboolean G_GNUC_PRINTF (4, 5)
parse_error (Fixture     *fx,
             guint        line,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SITREP_GENERATE_ERROR, SITREP_GENERATE_ERROR_PARSE, "%s:%u: %s",
               fx->display, line, message);
  return FALSE;
}

typedef struct
{
  char *key;
  char *value;
  guint line;
} Field;

static void
field_clear (Field *f)
{
  g_free (f->key);
  g_free (f->value);
}

static gboolean
parse_coords (const char *value,
              double     *lat,
              double     *lon)
{
  g_auto (GStrv) parts = g_strsplit (value, ",", 2);
  char *end = NULL;

  if (g_strv_length (parts) != 2)
    return FALSE;
  *lat = g_ascii_strtod (g_strstrip (parts[0]), &end);
  if (end == parts[0] || *end != '\0' || *lat < -90 || *lat > 90)
    return FALSE;
  *lon = g_ascii_strtod (g_strstrip (parts[1]), &end);
  if (end == parts[1] || *end != '\0' || *lon < -180 || *lon > 180)
    return FALSE;
  return TRUE;
}

/* "2024-11-24", "2024-11-24 night", "2024-11-24 10:30", "2024-11-17..2024-11-23",
 * "2024-11" (a month). */
static gboolean
parse_when (const char   *value,
            SitrepEvent  *event)
{
  g_auto (GStrv) range = NULL;
  g_auto (GStrv) words = NULL;
  gint64 day = 0, day2 = 0;
  int year, month, hour, minute;
  char tail;

  if (strstr (value, "..") != NULL)
    {
      range = g_strsplit (value, "..", 2);
      if (!sitrep_iso_day_to_unix (g_strstrip (range[0]), &day) ||
          !sitrep_iso_day_to_unix (g_strstrip (range[1]), &day2) || day2 < day)
        return FALSE;
      event->start = day;
      event->end = day2 + 86400;
      event->time_precision = SITREP_TIME_PRECISION_RANGE;
      return TRUE;
    }
  words = g_strsplit (value, " ", 2);
  if (sitrep_iso_day_to_unix (words[0], &day))
    {
      event->start = day;
      event->end = day + 86400;
      event->time_precision = SITREP_TIME_PRECISION_DAY;
      if (words[1] == NULL)
        return TRUE;
      g_strstrip (words[1]);
      if (sscanf (words[1], "%2d:%2d%c", &hour, &minute, &tail) == 2 && hour >= 0 &&
          hour < 24 && minute >= 0 && minute < 60)
        {
          event->start = day + hour * 3600 + minute * 60;
          event->end = event->start + 3600;
          event->time_precision = SITREP_TIME_PRECISION_TIME;
          return TRUE;
        }
      return sitrep_time_of_day_from_string (words[1], &event->time_of_day) &&
             event->time_of_day != SITREP_TIME_OF_DAY_NONE;
    }
  if (sscanf (value, "%4d-%2d%c", &year, &month, &tail) == 2 && month >= 1 && month <= 12)
    {
      event->start = sitrep_day_to_unix (year, month, 1);
      event->end = month == 12 ? sitrep_day_to_unix (year + 1, 1, 1)
                               : sitrep_day_to_unix (year, month + 1, 1);
      event->time_precision = SITREP_TIME_PRECISION_MONTH;
      return TRUE;
    }
  return FALSE;
}

static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' && strcmp (value, "-") != 0 ? value : NULL;
}

static gboolean
parse_place (Fixture  *fx,
             GArray   *fields,
             GError  **error)
{
  g_autoptr (SitrepPlace) place = sitrep_place_new ();
  gboolean have_coords = FALSE;
  int precision = SITREP_GEO_PRECISION_SETTLEMENT;
  guint first_line = g_array_index (fields, Field, 0).line;

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = &g_array_index (fields, Field, i);

      if (strcmp (f->key, "place") == 0)
        place->name = g_strdup (f->value);
      else if (strcmp (f->key, "geonames") == 0)
        {
          if (!g_ascii_string_to_unsigned (f->value, 10, 1, G_MAXUINT32, NULL, NULL))
            return parse_error (fx, f->line, error, _("“%s” is not a GeoNames id (a number)."),
                                f->value);
          place->gazetteer_id = g_strconcat ("geonames:", f->value, NULL);
        }
      else if (strcmp (f->key, "coords") == 0)
        {
          if (!parse_coords (f->value, &place->lat, &place->lon))
            return parse_error (fx, f->line, error,
                                _("“%s” is not “latitude, longitude” in degrees."), f->value);
          have_coords = TRUE;
        }
      else if (strcmp (f->key, "uk") == 0)
        place->name_uk = g_strdup (f->value);
      else if (strcmp (f->key, "ru") == 0)
        place->name_ru = g_strdup (f->value);
      else if (strcmp (f->key, "oblast") == 0)
        place->admin1 = g_strdup (f->value);
      else if (strcmp (f->key, "raion") == 0)
        place->admin2 = g_strdup (f->value);
      else if (strcmp (f->key, "kind") == 0)
        {
          if (strcmp (f->value, "region") == 0)
            precision = SITREP_GEO_PRECISION_REGION;
          else if (strcmp (f->value, "settlement") != 0)
            return parse_error (fx, f->line, error,
                                _("A place’s kind is “settlement” or “region”, not “%s”."),
                                f->value);
        }
      else
        return parse_error (fx, f->line, error, _("A place has no field “%s”."), f->key);
    }
  if (place->name == NULL || *place->name == '\0')
    return parse_error (fx, first_line, error, _("The place has no name."));
  if (!have_coords)
    return parse_error (fx, first_line, error, _("The place “%s” has no coords."),
                        place->name);
  if (g_hash_table_contains (fx->places, place->name))
    return parse_error (fx, first_line, error, _("The place “%s” is defined twice."),
                        place->name);
  place->country = g_strdup ("UA");
  g_hash_table_insert (fx->place_prec, g_strdup (place->name), GINT_TO_POINTER (precision));
  {
    char *key = g_strdup (place->name);
    g_hash_table_insert (fx->places, key, g_steal_pointer (&place));
  }
  return TRUE;
}

static FixtureDoc *
fixture_doc_for (Fixture    *fx,
                 const char *outlet,
                 gint64      published)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, outlet, published);
  FixtureDoc *doc = g_hash_table_lookup (fx->docs_by_key, key);

  if (doc == NULL)
    {
      doc = g_new0 (FixtureDoc, 1);
      doc->outlet = g_strdup (outlet);
      doc->published = published;
      doc->text = g_string_new (NULL);
      g_hash_table_insert (fx->docs_by_key, g_steal_pointer (&key), doc);
      g_ptr_array_add (fx->docs, doc);
    }
  return doc;
}

/* claim: OUTLET | PUBLISHED | SPEAKER[, ROLE[, AFFILIATION]] | SOURCE KIND | HEDGING | CUES | QUOTE */
static gboolean
parse_claim (Fixture      *fx,
             Field        *f,
             SitrepEvent  *event,
             GError      **error)
{
  g_auto (GStrv) parts = g_strsplit (f->value, "|", 7);
  g_autoptr (SitrepClaim) claim = sitrep_claim_new ();
  FixtureDoc *doc;
  gint64 published;

  if (g_strv_length (parts) != 7)
    return parse_error (fx, f->line, error,
                        _("A claim has seven fields separated by “|”: outlet, date, speaker, "
                          "source kind, hedging, cues, quote."));
  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);

  if (nonempty (parts[0]) == NULL)
    return parse_error (fx, f->line, error, _("The claim has no outlet."));
  if (!sitrep_iso_day_to_unix (parts[1], &published))
    return parse_error (fx, f->line, error, _("“%s” is not a date (YYYY-MM-DD)."), parts[1]);
  if (nonempty (parts[2]) != NULL)
    {
      g_auto (GStrv) who = g_strsplit (parts[2], ",", 3);
      claim->attributed_to = g_strdup (g_strstrip (who[0]));
      if (who[1] != NULL)
        claim->role = g_strdup (g_strstrip (who[1]));
      if (who[1] != NULL && who[2] != NULL)
        claim->affiliation = g_strdup (g_strstrip (who[2]));
    }
  if (!sitrep_source_kind_from_string (parts[3], &claim->source_kind))
    return parse_error (fx, f->line, error, _("“%s” is not a source kind (official, military, "
                                              "expert, witness, media, satellite, unconfirmed, "
                                              "anonymous)."),
                        parts[3]);
  if (!sitrep_hedging_from_string (parts[4], &claim->hedging))
    return parse_error (fx, f->line, error, _("“%s” is not a hedging level (asserted, "
                                              "attributed, hedged, disputed)."),
                        parts[4]);
  g_strfreev (claim->cues);
  if (nonempty (parts[5]) != NULL)
    {
      claim->cues = g_strsplit (parts[5], ";", -1);
      for (guint i = 0; claim->cues[i] != NULL; i++)
        g_strstrip (claim->cues[i]);
    }
  else
    claim->cues = g_new0 (char *, 1);
  if (nonempty (parts[6]) == NULL)
    return parse_error (fx, f->line, error, _("The claim has no quote."));
  claim->quote = g_strdup (parts[6]);
  for (guint i = 0; claim->cues[i] != NULL; i++)
    {
      g_autofree char *quote = g_utf8_casefold (claim->quote, -1);
      g_autofree char *cue = g_utf8_casefold (claim->cues[i], -1);
      if (strstr (quote, cue) == NULL)
        return parse_error (fx, f->line, error, _("The cue “%s” is not in the quote."),
                            claim->cues[i]);
    }

  /* The document of an outlet on a day is the run of its quotes; spans point into it. */
  doc = fixture_doc_for (fx, parts[0], published);
  if (doc->text->len > 0)
    g_string_append_c (doc->text, ' ');
  claim->span_start = doc->text->len;
  g_string_append (doc->text, claim->quote);
  claim->span_end = doc->text->len;
  claim->published = published;

  g_ptr_array_add (fx->claim_docs, doc);
  g_ptr_array_add (event->claims, g_steal_pointer (&claim));
  return TRUE;
}

/* figure: KIND | VALUE or LOW-HIGH | QUALIFIER | CLAIM NUMBER (1-based) */
static gboolean
parse_figure (Fixture      *fx,
              Field        *f,
              SitrepEvent  *event,
              GError      **error)
{
  g_auto (GStrv) parts = g_strsplit (f->value, "|", 4);
  SitrepFigure figure = { 0, };
  guint64 claim_no = 0;
  const char *dash;

  if (g_strv_length (parts) != 4)
    return parse_error (fx, f->line, error,
                        _("A figure has four fields separated by “|”: kind, value or "
                          "low-high, qualifier, claim number."));
  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  if (!sitrep_figure_kind_from_string (parts[0], &figure.kind))
    return parse_error (fx, f->line, error, _("“%s” is not a kind of figure."), parts[0]);
  figure.low = figure.high = -1;
  if ((dash = strchr (parts[1], '-')) != NULL)
    {
      g_autofree char *low = g_strndup (parts[1], dash - parts[1]);
      guint64 lo, hi;
      if (!g_ascii_string_to_unsigned (low, 10, 0, G_MAXINT64, &lo, NULL) ||
          !g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXINT64, &hi, NULL) || hi < lo)
        return parse_error (fx, f->line, error, _("“%s” is not a range LOW-HIGH."), parts[1]);
      figure.low = lo;
      figure.high = hi;
      figure.value = lo;
    }
  else
    {
      guint64 value;
      if (!g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &value, NULL))
        return parse_error (fx, f->line, error, _("“%s” is not a number."), parts[1]);
      figure.value = value;
    }
  if (!g_ascii_string_to_unsigned (parts[3], 10, 1, event->claims->len, &claim_no, NULL))
    return parse_error (fx, f->line, error,
                        _("“%s” is not the number of a claim above it (1 to %u)."), parts[3],
                        event->claims->len);
  figure.claim_index = (int) claim_no - 1;
  figure.qualifier = g_strdup (nonempty (parts[2]));
  g_array_append_val (event->figures, figure);
  return TRUE;
}

static gboolean
parse_event (Fixture  *fx,
             GArray   *fields,
             GError  **error)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  guint first_line = g_array_index (fields, Field, 0).line;
  gboolean have_when = FALSE, have_coords = FALSE, have_precision = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = &g_array_index (fields, Field, i);

      if (strcmp (f->key, "event") == 0)
        {
          if (!sitrep_event_kind_from_string (f->value, &event->kind))
            return parse_error (fx, f->line, error, _("“%s” is not a kind of event."),
                                f->value);
        }
      else if (strcmp (f->key, "sub-kind") == 0)
        event->sub_kind = g_strdup (f->value);
      else if (strcmp (f->key, "when") == 0)
        {
          if (!parse_when (f->value, event))
            return parse_error (fx, f->line, error,
                                _("“%s” is not a date, a date with a time or part of day, a "
                                  "range FROM..TO, or a month."),
                                f->value);
          have_when = TRUE;
        }
      else if (strcmp (f->key, "where") == 0)
        {
          SitrepPlace *place = g_hash_table_lookup (fx->places, f->value);
          if (place == NULL)
            return parse_error (fx, f->line, error,
                                _("The place “%s” is not defined above."), f->value);
          g_set_object (&event->place, place);
          if (!have_precision)
            event->geo_precision = GPOINTER_TO_INT (g_hash_table_lookup (fx->place_prec,
                                                                         f->value));
        }
      else if (strcmp (f->key, "precision") == 0)
        {
          if (strcmp (f->value, "settlement") == 0)
            event->geo_precision = SITREP_GEO_PRECISION_SETTLEMENT;
          else if (strcmp (f->value, "near") == 0)
            event->geo_precision = SITREP_GEO_PRECISION_NEAR;
          else if (strcmp (f->value, "region") == 0)
            event->geo_precision = SITREP_GEO_PRECISION_REGION;
          else
            return parse_error (fx, f->line, error,
                                _("Precision is “settlement”, “near” or “region”, not “%s”."),
                                f->value);
          have_precision = TRUE;
        }
      else if (strcmp (f->key, "coords") == 0)
        {
          if (!parse_coords (f->value, &event->lat, &event->lon))
            return parse_error (fx, f->line, error,
                                _("“%s” is not “latitude, longitude” in degrees."), f->value);
          have_coords = TRUE;
        }
      else if (strcmp (f->key, "as-written") == 0)
        event->place_as_written = g_strdup (f->value);
      else if (strcmp (f->key, "target") == 0)
        event->target = g_strdup (f->value);
      else if (strcmp (f->key, "summary") == 0)
        event->summary = g_strdup (f->value);
      else if (strcmp (f->key, "disputed") == 0)
        {
          if (strcmp (f->value, "yes") != 0 && strcmp (f->value, "no") != 0)
            return parse_error (fx, f->line, error, _("“disputed” is “yes” or “no”."));
          event->disputed = strcmp (f->value, "yes") == 0;
        }
      else if (strcmp (f->key, "weapons") == 0)
        {
          g_auto (GStrv) names = g_strsplit (f->value, ",", -1);
          for (guint w = 0; names[w] != NULL; w++)
            if (*g_strstrip (names[w]) != '\0')
              g_ptr_array_add (event->weapons, g_strdup (names[w]));
        }
      else if (strcmp (f->key, "actor") == 0)
        {
          g_auto (GStrv) parts = g_strsplit (f->value, "|", 3);
          SitrepActor actor = { 0, };
          for (guint p = 0; parts[p] != NULL; p++)
            g_strstrip (parts[p]);
          if (nonempty (parts[0]) == NULL)
            return parse_error (fx, f->line, error, _("An actor is “NAME | SIDE | ROLE”."));
          actor.name = g_strdup (parts[0]);
          actor.side = parts[1] != NULL ? g_strdup (nonempty (parts[1])) : NULL;
          actor.role = parts[1] != NULL && parts[2] != NULL ? g_strdup (nonempty (parts[2]))
                                                            : NULL;
          g_array_append_val (event->actors, actor);
        }
      else if (strcmp (f->key, "claim") == 0)
        {
          if (!parse_claim (fx, f, event, error))
            return FALSE;
        }
      else if (strcmp (f->key, "figure") == 0)
        {
          if (!parse_figure (fx, f, event, error))
            return FALSE;
        }
      else
        return parse_error (fx, f->line, error, _("An event has no field “%s”."), f->key);
    }

  if (!have_when)
    return parse_error (fx, first_line, error, _("The event has no “when”."));
  if (event->place == NULL)
    return parse_error (fx, first_line, error, _("The event has no “where”."));
  if (event->summary == NULL)
    return parse_error (fx, first_line, error, _("The event has no summary."));
  if (event->claims->len == 0)
    return parse_error (fx, first_line, error, _("The event has no claim."));
  if (!have_coords)
    {
      event->lat = event->place->lat;
      event->lon = event->place->lon;
    }
  event->admin1 = g_strdup (event->place->admin1);
  /* A region is not a gazetteer settlement the event happened in: keep it as written. */
  if (event->place_as_written == NULL)
    event->place_as_written = g_strdup (event->place->name);
  g_ptr_array_add (fx->events, g_steal_pointer (&event));
  return TRUE;
}

static gboolean
parse_record (Fixture  *fx,
              GArray   *fields,
              GError  **error)
{
  Field *first;

  if (fields->len == 0)
    return TRUE;
  first = &g_array_index (fields, Field, 0);
  if (strcmp (first->key, "place") == 0)
    return parse_place (fx, fields, error);
  if (strcmp (first->key, "event") == 0)
    return parse_event (fx, fields, error);
  return parse_error (fx, first->line, error,
                      _("A record starts with “place:” or “event:”, not “%s:”."), first->key);
}

static gboolean
parse_fixture (Fixture     *fx,
               const char  *contents,
               GError     **error)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) fields = g_array_new (FALSE, TRUE, sizeof (Field));
  guint n;

  g_array_set_clear_func (fields, (GDestroyNotify) field_clear);
  if (!g_utf8_validate (contents, -1, NULL))
    return parse_error (fx, 1, error, _("The file is not UTF-8 text."));

  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i <= n; i++)
    {
      char *line = i < n ? lines[i] : NULL;
      const char *colon;
      Field f;

      if (line != NULL)
        g_strchomp (line);
      if (line == NULL || *line == '\0')
        {
          if (!parse_record (fx, fields, error))
            return FALSE;
          g_array_set_size (fields, 0);
          continue;
        }
      if (line[0] == '#')
        continue;
      colon = strchr (line, ':');
      if (colon == NULL || colon == line)
        return parse_error (fx, i + 1, error, _("Expected “key: value”."));
      f.key = g_strstrip (g_strndup (line, colon - line));
      f.value = g_strstrip (g_strdup (colon + 1));
      f.line = i + 1;
      g_array_append_val (fields, f);
    }
  return TRUE;
}

gboolean
sitrep_generate_from_fixture (SitrepDb     *db,
                              const char   *path,
                              guint        *n_events,
                              GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  Fixture fx = { 0, };
  gboolean ok = FALSE;
  guint claim_no = 0;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, SITREP_GENERATE_ERROR, SITREP_GENERATE_ERROR_FAILED, "%s",
                   local_error->message);
      return FALSE;
    }

  fx.path = path;
  fx.display = g_filename_display_name (path);
  fx.places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  fx.place_prec = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fx.docs_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fx.docs = g_ptr_array_new_with_free_func ((GDestroyNotify) fixture_doc_free);
  fx.events = g_ptr_array_new_with_free_func (g_object_unref);
  fx.claim_docs = g_ptr_array_new ();

  if (!parse_fixture (&fx, contents, error))
    goto out;

  if (!sitrep_db_begin (db, error))
    goto out;
  for (guint i = 0; i < fx.docs->len; i++)
    {
      FixtureDoc *doc = g_ptr_array_index (fx.docs, i);

      doc->document = sitrep_document_new ();
      doc->document->outlet = g_strdup (doc->outlet);
      doc->document->published = doc->published;
      doc->document->language = g_strdup ("en");
      doc->document->text = g_strdup (doc->text->str);
      if (sitrep_db_insert_document (db, doc->document, NULL, error) == 0)
        goto rollback;
    }
  for (guint i = 0; i < fx.events->len; i++)
    {
      SitrepEvent *event = g_ptr_array_index (fx.events, i);

      for (guint c = 0; c < event->claims->len; c++)
        {
          SitrepClaim *claim = g_ptr_array_index (event->claims, c);
          FixtureDoc *doc = g_ptr_array_index (fx.claim_docs, claim_no++);
          claim->document_id = doc->document->id;
        }
      if (sitrep_db_insert_event (db, event, error) == 0)
        {
          g_prefix_error (error, _("While writing event %u of %s: "), i + 1, fx.display);
          goto rollback;
        }
    }
  if (!sitrep_db_commit (db, error))
    goto rollback;
  if (n_events != NULL)
    *n_events = fx.events->len;
  ok = TRUE;
  goto out;

rollback:
  sitrep_db_rollback (db);
out:
  g_free (fx.display);
  g_hash_table_unref (fx.places);
  g_hash_table_unref (fx.place_prec);
  g_hash_table_unref (fx.docs_by_key);
  g_ptr_array_unref (fx.docs);
  g_ptr_array_unref (fx.events);
  g_ptr_array_unref (fx.claim_docs);
  return ok;
}
