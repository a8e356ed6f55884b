/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-acled.c: ACLED CSV rows <-> events: the mapping, the reader, the writer. */
#define G_LOG_DOMAIN "sitrep-acled"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-acled.h"

G_DEFINE_QUARK (sitrep-acled-error-quark, sitrep_acled_error)

#define DAY (G_GINT64_CONSTANT (86400))

static const char * const column_names[SITREP_ACLED_N_COLUMNS] = {
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
  "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
  "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
  "source_scale", "notes", "fatalities", "tags", "timestamp",
};

/* Columns held by the event's own fields; every other column goes to extra. */
static const gboolean modelled[SITREP_ACLED_N_COLUMNS] = {
  [SITREP_ACLED_EVENT_ID_CNTY] = TRUE,
  [SITREP_ACLED_EVENT_DATE] = TRUE,     /* kept in extra too when the span loses it */
  [SITREP_ACLED_YEAR] = TRUE,           /* kept in extra when it is not the date's year */
  [SITREP_ACLED_TIME_PRECISION] = TRUE,
  [SITREP_ACLED_EVENT_TYPE] = TRUE,     /* kept in extra when the kind does not give it */
  [SITREP_ACLED_SUB_EVENT_TYPE] = TRUE,
  [SITREP_ACLED_ACTOR1] = TRUE,
  [SITREP_ACLED_ASSOC_ACTOR_1] = TRUE,
  [SITREP_ACLED_ACTOR2] = TRUE,
  [SITREP_ACLED_ASSOC_ACTOR_2] = TRUE,
  [SITREP_ACLED_ADMIN1] = TRUE,
  [SITREP_ACLED_LOCATION] = TRUE,
  [SITREP_ACLED_LATITUDE] = TRUE,
  [SITREP_ACLED_LONGITUDE] = TRUE,
  [SITREP_ACLED_GEO_PRECISION] = TRUE,
  [SITREP_ACLED_SOURCE] = TRUE,
  [SITREP_ACLED_NOTES] = TRUE,
  [SITREP_ACLED_FATALITIES] = TRUE,
};

static const char * const acled_event_types[] = {
  "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
  "Riots", "Strategic developments", NULL,
};

static const char * const actor_roles[] = { "actor1", "assoc1", "actor2", "assoc2" };
static const SitrepAcledColumn actor_columns[] = {
  SITREP_ACLED_ACTOR1, SITREP_ACLED_ASSOC_ACTOR_1, SITREP_ACLED_ACTOR2,
  SITREP_ACLED_ASSOC_ACTOR_2,
};

const char *
sitrep_acled_column_name (SitrepAcledColumn column)
{
  g_return_val_if_fail (column < SITREP_ACLED_N_COLUMNS, NULL);
  return column_names[column];
}

/* ---- Small parsers ---- */

static const char * const month_names[12] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static gboolean
parse_uint (const char *s,
            gsize       max_digits,
            int        *out)
{
  int v = 0;
  gsize n = 0;

  for (; *s; s++, n++)
    {
      if (!g_ascii_isdigit (*s) || n >= max_digits)
        return FALSE;
      v = v * 10 + (*s - '0');
    }
  if (n == 0)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
make_day (int     y,
          int     m,
          int     d,
          gint64 *out)
{
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return FALSE;
  *out = sitrep_day_to_unix (y, m, d);
  return TRUE;
}

gboolean
sitrep_acled_parse_date (const char *text,
                         gint64     *out)
{
  char buf[40];
  char *parts[4] = { NULL, };
  int n = 0;
  int y, m = 0, d;
  gsize len;

  if (text == NULL)
    return FALSE;
  while (*text == ' ')
    text++;
  len = strlen (text);
  while (len > 0 && text[len - 1] == ' ')
    len--;
  if (len == 0 || len >= sizeof buf)
    return FALSE;
  memcpy (buf, text, len);
  buf[len] = '\0';

  /* 2024-11-24 */
  if (len == 10 && buf[4] == '-' && buf[7] == '-')
    {
      buf[4] = buf[7] = '\0';
      if (!parse_uint (buf, 4, &y) || !parse_uint (buf + 5, 2, &m) ||
          !parse_uint (buf + 8, 2, &d))
        return FALSE;
      return make_day (y, m, d, out);
    }

  /* 24 November 2024, 24-November-2024, 24 Nov 2024 */
  for (char *p = buf, *tok; (tok = strsep (&p, " -")) != NULL;)
    {
      if (*tok == '\0')
        continue;
      if (n == 3)
        return FALSE;
      parts[n++] = tok;
    }
  if (n != 3 || !parse_uint (parts[0], 2, &d) || !parse_uint (parts[2], 4, &y))
    return FALSE;
  len = strlen (parts[1]);
  for (int i = 0; i < 12 && m == 0; i++)
    if ((len == 3 || len == strlen (month_names[i])) &&
        g_ascii_strncasecmp (parts[1], month_names[i], len) == 0)
      m = i + 1;
  if (m == 0)
    return FALSE;
  return make_day (y, m, d, out);
}

static gboolean
parse_double (const char *s,
              double     *out)
{
  char *end = NULL;
  double v;

  if (*s == '\0')
    return FALSE;
  errno = 0;
  v = g_ascii_strtod (s, &end);
  if (errno != 0 || end == s || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_count (const char *s,
             gint64     *out)
{
  gint64 v = 0;

  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    {
      if (!g_ascii_isdigit (*s) || v > G_GINT64_CONSTANT (100000000000))
        return FALSE;
      v = v * 10 + (*s - '0');
    }
  *out = v;
  return TRUE;
}

SitrepSourceKind
sitrep_acled_source_kind_for (const char *outlet)
{
  static const struct
  {
    const char *cue;
    SitrepSourceKind kind;
  } cues[] = {
    { "military administration", SITREP_SOURCE_OFFICIAL },
    { "general staff", SITREP_SOURCE_MILITARY },
    { "armed forces", SITREP_SOURCE_MILITARY },
    { "defence forces", SITREP_SOURCE_MILITARY },
    { "defense forces", SITREP_SOURCE_MILITARY },
    { "operational command", SITREP_SOURCE_MILITARY },
    { "brigade", SITREP_SOURCE_MILITARY },
    { "military", SITREP_SOURCE_MILITARY },
    { "army", SITREP_SOURCE_MILITARY },
    { "navy", SITREP_SOURCE_MILITARY },
    { "air force", SITREP_SOURCE_MILITARY },
    { "ministry", SITREP_SOURCE_OFFICIAL },
    { "government", SITREP_SOURCE_OFFICIAL },
    { "administration", SITREP_SOURCE_OFFICIAL },
    { "governor", SITREP_SOURCE_OFFICIAL },
    { "president", SITREP_SOURCE_OFFICIAL },
    { "prosecutor", SITREP_SOURCE_OFFICIAL },
    { "police", SITREP_SOURCE_OFFICIAL },
    { "mayor", SITREP_SOURCE_OFFICIAL },
    { "state emergency", SITREP_SOURCE_OFFICIAL },
    { "institute", SITREP_SOURCE_EXPERT },
    { "isw", SITREP_SOURCE_EXPERT },
    { "think tank", SITREP_SOURCE_EXPERT },
    { "analyst", SITREP_SOURCE_EXPERT },
    { "satellite", SITREP_SOURCE_SATELLITE },
    { "maxar", SITREP_SOURCE_SATELLITE },
    { "planet labs", SITREP_SOURCE_SATELLITE },
    { "witness", SITREP_SOURCE_WITNESS },
    { "residents", SITREP_SOURCE_WITNESS },
    { "anonymous", SITREP_SOURCE_ANONYMOUS },
    { "unconfirmed", SITREP_SOURCE_UNCONFIRMED },
  };
  char lower[256];
  gsize len;

  if (outlet == NULL)
    return SITREP_SOURCE_MEDIA;
  len = MIN (strlen (outlet), sizeof lower - 1);
  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (outlet[i]);
  lower[len] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (cues); i++)
    if (strstr (lower, cues[i].cue) != NULL)
      return cues[i].kind;
  return SITREP_SOURCE_MEDIA;
}

char *
sitrep_acled_uid_for (const char *event_id_cnty)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *uid;

  g_checksum_update (sum, (const guchar *) "acled:", 6);
  g_checksum_update (sum, (const guchar *) event_id_cnty, strlen (event_id_cnty));
  uid = g_strdup_printf ("acled-%.16s", g_checksum_get_string (sum));
  return uid;
}

/* JSON string escaping for the hand-written extra object (the hot path of imports). */
static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
extra_add (GString    *extra,
           const char *key,
           const char *value)
{
  g_string_append_c (extra, extra->len == 0 ? '{' : ',');
  append_json_string (extra, key);
  g_string_append_c (extra, ':');
  append_json_string (extra, value);
}

/* ---- Reading ---- */

struct _SitrepAcledReader
{
  SitrepCsvReader *csv;
  guint n_columns;
  int index[SITREP_ACLED_N_COLUMNS];  /* header position of each known column, or -1 */
  char **names;                       /* header names, trimmed */
  int *known;                         /* per header position: SitrepAcledColumn or -1 */
  guint *hash_order;                  /* header positions sorted by name */
  GString *extra;
  GChecksum *hash;
  GHashTable *source_kinds;           /* outlet → SitrepSourceKind + 1: outlets repeat */
};

void
sitrep_acled_reader_free (SitrepAcledReader *reader)
{
  if (reader == NULL)
    return;
  sitrep_csv_reader_free (reader->csv);
  g_strfreev (reader->names);
  g_free (reader->known);
  g_free (reader->hash_order);
  g_string_free (reader->extra, TRUE);
  g_checksum_free (reader->hash);
  g_clear_pointer (&reader->source_kinds, g_hash_table_unref);
  g_free (reader);
}

SitrepCsvReader *
sitrep_acled_reader_get_csv (SitrepAcledReader *reader)
{
  return reader->csv;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  char **names = user_data;
  return strcmp (names[*(const guint *) a], names[*(const guint *) b]);
}

SitrepAcledReader *
sitrep_acled_reader_new (SitrepCsvReader *csv,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr (SitrepAcledReader) reader = g_new0 (SitrepAcledReader, 1);
  g_autoptr (GError) local_error = NULL;
  static const SitrepAcledColumn required[] = {
    SITREP_ACLED_EVENT_ID_CNTY, SITREP_ACLED_EVENT_DATE, SITREP_ACLED_EVENT_TYPE,
    SITREP_ACLED_SUB_EVENT_TYPE, SITREP_ACLED_LATITUDE, SITREP_ACLED_LONGITUDE,
  };

  reader->csv = csv;
  reader->extra = g_string_sized_new (512);
  reader->hash = g_checksum_new (G_CHECKSUM_SHA1);
  reader->source_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; i < SITREP_ACLED_N_COLUMNS; i++)
    reader->index[i] = -1;

  if (!sitrep_csv_reader_next (csv, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_HEADER,
                     _("%s: the file is empty"), sitrep_csv_reader_get_name (csv));
      return NULL;
    }
  if (!sitrep_csv_reader_is_valid_utf8 (csv))
    {
      g_set_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_HEADER,
                   _("%s:%" PRIu64 ": the header is not UTF-8 text"),
                   sitrep_csv_reader_get_name (csv), sitrep_csv_reader_get_line (csv));
      return NULL;
    }

  reader->n_columns = sitrep_csv_reader_get_n_fields (csv);
  reader->names = g_new0 (char *, reader->n_columns + 1);
  reader->known = g_new (int, reader->n_columns);
  reader->hash_order = g_new (guint, reader->n_columns);
  for (guint i = 0; i < reader->n_columns; i++)
    {
      char *name = g_strstrip (g_strdup (sitrep_csv_reader_get_field (csv, i, NULL)));

      reader->names[i] = name;
      reader->known[i] = -1;
      reader->hash_order[i] = i;
      for (int c = 0; c < SITREP_ACLED_N_COLUMNS; c++)
        if (g_ascii_strcasecmp (name, column_names[c]) == 0)
          {
            if (reader->index[c] != -1)
              {
                g_set_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_HEADER,
                             _("%s:%" PRIu64 ": the column “%s” appears twice"),
                             sitrep_csv_reader_get_name (csv),
                             sitrep_csv_reader_get_line (csv), column_names[c]);
                return NULL;
              }
            reader->index[c] = i;
            reader->known[i] = c;
            g_free (reader->names[i]);
            reader->names[i] = g_strdup (column_names[c]);
          }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    if (reader->index[required[i]] == -1)
      {
        g_set_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_HEADER,
                     _("%s:%" PRIu64 ": not an ACLED file: the header has no "
                       "column “%s”"),
                     sitrep_csv_reader_get_name (csv), sitrep_csv_reader_get_line (csv),
                     column_names[required[i]]);
        return NULL;
      }
  g_qsort_with_data (reader->hash_order, reader->n_columns, sizeof (guint),
                     compare_by_name, reader->names);
  return g_steal_pointer (&reader);
}

static const char *
field (SitrepAcledReader *reader,
       SitrepAcledColumn  column)
{
  int i = reader->index[column];
  return i < 0 ? "" : sitrep_csv_reader_get_field (reader->csv, i, NULL);
}

/* Splits "A; B;C" into trimmed, non-empty names. */
static char **
split_names (const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ";", -1);
  GPtrArray *names = g_ptr_array_new ();

  for (int i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (names, g_strdup (parts[i]));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static char *
side_for (const char *actor)
{
  if (strstr (actor, "Russia") != NULL)
    return g_strdup ("Russia");
  if (strstr (actor, "Ukraine") != NULL)
    return g_strdup ("Ukraine");
  return NULL;
}

/* sitrep_acled_source_kind_for (), remembered per outlet (it tries every cue). */
static SitrepSourceKind
source_kind (SitrepAcledReader *reader,
             const char        *outlet)
{
  gpointer value;

  if (outlet == NULL)
    return sitrep_acled_source_kind_for (NULL);
  value = g_hash_table_lookup (reader->source_kinds, outlet);
  if (value == NULL && g_hash_table_size (reader->source_kinds) < 65536)
    {
      value = GINT_TO_POINTER (sitrep_acled_source_kind_for (outlet) + 1);
      g_hash_table_insert (reader->source_kinds, g_strdup (outlet), value);
    }
  return value != NULL ? (SitrepSourceKind) (GPOINTER_TO_INT (value) - 1)
                       : sitrep_acled_source_kind_for (outlet);
}

static SitrepAcledRowStatus
row_error (SitrepAcledReader *reader,
           GError           **error,
           const char        *format,
           ...) G_GNUC_PRINTF (3, 4);

static SitrepAcledRowStatus
row_error (SitrepAcledReader *reader,
           GError           **error,
           const char        *format,
           ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SITREP_ACLED_ERROR, SITREP_ACLED_ERROR_ROW,
               "%s:%" G_GUINT64_FORMAT ": %s", sitrep_csv_reader_get_name (reader->csv),
               sitrep_csv_reader_get_line (reader->csv), reason);
  return SITREP_ACLED_ROW_SKIPPED;
}

SitrepAcledRowStatus
sitrep_acled_reader_next (SitrepAcledReader *reader,
                          SitrepEvent      **out_event,
                          char             **content_hash,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (SitrepEvent) event = NULL;
  g_auto (GStrv) sources = NULL;
  const char *id, *date_text, *event_type, *sub_event_type, *value, *notes;
  gint64 day;
  int precision = 1;
  int geo = 1;
  double lat, lon;
  gint64 fatalities = 0;
  gboolean known_type = FALSE;
  guint n_fields;

  if (!sitrep_csv_reader_next (reader->csv, cancellable, &local_error))
    {
      if (local_error == NULL)
        return SITREP_ACLED_ROW_END;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return SITREP_ACLED_ROW_FAILED;
    }

  if (!sitrep_csv_reader_is_valid_utf8 (reader->csv))
    return row_error (reader, error, _("the row is not valid UTF-8 text"));
  n_fields = sitrep_csv_reader_get_n_fields (reader->csv);
  if (n_fields != reader->n_columns)
    return row_error (reader, error, _("the row has %u fields, the header has %u"),
                      n_fields, reader->n_columns);

  id = field (reader, SITREP_ACLED_EVENT_ID_CNTY);
  if (*id == '\0')
    return row_error (reader, error, _("no event_id_cnty"));
  date_text = field (reader, SITREP_ACLED_EVENT_DATE);
  if (!sitrep_acled_parse_date (date_text, &day))
    return row_error (reader, error, _("“%s” is not a date (2024-11-24 or 24 November 2024)"),
                      date_text);
  value = field (reader, SITREP_ACLED_TIME_PRECISION);
  if (*value != '\0' && (!parse_uint (value, 1, &precision) || precision < 1 || precision > 3))
    return row_error (reader, error, _("time_precision “%s” is not 1, 2 or 3"), value);
  event_type = field (reader, SITREP_ACLED_EVENT_TYPE);
  for (int i = 0; acled_event_types[i] != NULL && !known_type; i++)
    known_type = g_ascii_strcasecmp (event_type, acled_event_types[i]) == 0;
  if (!known_type)
    return row_error (reader, error, _("unknown event type “%s”"), event_type);
  sub_event_type = field (reader, SITREP_ACLED_SUB_EVENT_TYPE);
  value = field (reader, SITREP_ACLED_LATITUDE);
  if (!parse_double (value, &lat) || lat < -90 || lat > 90)
    return row_error (reader, error, *value ? _("latitude “%s” is not a number in [-90, 90]")
                                            : _("no latitude%s"), value);
  value = field (reader, SITREP_ACLED_LONGITUDE);
  if (!parse_double (value, &lon) || lon < -180 || lon > 180)
    return row_error (reader, error, *value ? _("longitude “%s” is not a number in [-180, 180]")
                                            : _("no longitude%s"), value);
  value = field (reader, SITREP_ACLED_GEO_PRECISION);
  if (*value != '\0' && (!parse_uint (value, 1, &geo) || geo < 1 || geo > 3))
    return row_error (reader, error, _("geo_precision “%s” is not 1, 2 or 3"), value);
  value = field (reader, SITREP_ACLED_FATALITIES);
  if (*value != '\0' && !parse_count (value, &fatalities))
    return row_error (reader, error, _("fatalities “%s” is not a count"), value);

  event = sitrep_event_new ();
  event->external_id = g_strdup (id);
  event->uid = sitrep_acled_uid_for (id);
  event->kind = sitrep_event_kind_from_acled (event_type, sub_event_type);
  event->sub_kind = *sub_event_type ? g_strdup (sub_event_type) : NULL;
  switch (precision)
    {
    case 1:
      event->time_precision = SITREP_TIME_PRECISION_DAY;
      event->start = day;
      event->end = day + DAY;
      break;
    case 2:
      event->time_precision = SITREP_TIME_PRECISION_WEEK;
      event->start = day - 3 * DAY;
      event->end = day + 4 * DAY;
      break;
    default:
      {
        g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (day);
        int y = g_date_time_get_year (dt), m = g_date_time_get_month (dt);

        event->time_precision = SITREP_TIME_PRECISION_MONTH;
        event->start = sitrep_day_to_unix (y, m, 1);
        event->end = event->start + g_date_get_days_in_month (m, y) * DAY;
      }
    }
  event->geo_precision = geo;
  event->lat = lat;
  event->lon = lon;
  value = field (reader, SITREP_ACLED_ADMIN1);
  event->admin1 = *value ? g_strdup (value) : NULL;
  value = field (reader, SITREP_ACLED_LOCATION);
  event->place_as_written = *value ? g_strdup (value) : NULL;
  notes = field (reader, SITREP_ACLED_NOTES);
  event->summary = *notes ? g_strdup (notes) : NULL;

  for (gsize a = 0; a < G_N_ELEMENTS (actor_columns); a++)
    {
      g_auto (GStrv) names = split_names (field (reader, actor_columns[a]));
      for (int i = 0; names[i] != NULL; i++)
        {
          SitrepActor actor = { g_strdup (names[i]), side_for (names[i]),
                                g_strdup (actor_roles[a]) };
          g_array_append_val (event->actors, actor);
        }
    }

  if (fatalities > 0)
    {
      SitrepFigure figure = { SITREP_FIGURE_KILLED, fatalities, -1, -1, NULL, -1 };
      g_array_append_val (event->figures, figure);
    }

  sources = split_names (field (reader, SITREP_ACLED_SOURCE));
  for (int i = 0; sources[i] != NULL || (i == 0 && *notes != '\0'); i++)
    {
      SitrepClaim *claim = sitrep_claim_new ();

      claim->quote = g_strdup (notes);
      claim->outlet = g_strdup (sources[i]);
      claim->source_kind = source_kind (reader, sources[i]);
      claim->hedging = SITREP_HEDGING_ATTRIBUTED;
      g_ptr_array_add (event->claims, claim);
      if (sources[i] == NULL)
        break;
    }
  event->hedging = sitrep_event_compute_hedging (event);

  /* extra: every column not modelled, and what the model would lose. */
  g_string_truncate (reader->extra, 0);
  for (guint i = 0; i < reader->n_columns; i++)
    {
      const char *v = sitrep_csv_reader_get_field (reader->csv, i, NULL);
      int known = reader->known[i];

      if (*v == '\0' || (known >= 0 && modelled[known]))
        continue;
      if (reader->names[i][0] == '\0' || g_str_has_prefix (reader->names[i], "sitrep_"))
        continue;
      extra_add (reader->extra, reader->names[i], v);
    }
  if (precision == 3)
    {
      g_autofree char *iso = sitrep_unix_to_iso_day (day);
      extra_add (reader->extra, column_names[SITREP_ACLED_EVENT_DATE], iso);
    }
  value = field (reader, SITREP_ACLED_YEAR);
  if (*value != '\0')
    {
      g_autofree char *iso = sitrep_unix_to_iso_day (day);
      if (strlen (value) != 4 || strncmp (iso, value, 4) != 0)
        extra_add (reader->extra, column_names[SITREP_ACLED_YEAR], value);
    }
  if (strcmp (event_type, sitrep_event_kind_acled_type (event->kind)) != 0)
    extra_add (reader->extra, column_names[SITREP_ACLED_EVENT_TYPE], event_type);

  /* The content hash, by column name so that the order of columns does not matter. */
  g_checksum_reset (reader->hash);
  for (guint k = 0; k < reader->n_columns; k++)
    {
      guint i = reader->hash_order[k];
      gsize len;
      const char *v = sitrep_csv_reader_get_field (reader->csv, i, &len);

      if (len == 0)
        continue;
      g_checksum_update (reader->hash, (const guchar *) reader->names[i],
                         strlen (reader->names[i]) + 1);
      g_checksum_update (reader->hash, (const guchar *) v, len + 1);
    }
  if (reader->extra->len > 0)
    g_string_append_c (reader->extra, ',');
  else
    g_string_append_c (reader->extra, '{');
  append_json_string (reader->extra, SITREP_IMPORT_HASH_KEY);
  g_string_append_c (reader->extra, ':');
  append_json_string (reader->extra, g_checksum_get_string (reader->hash));
  g_string_append_c (reader->extra, '}');
  event->extra = g_strndup (reader->extra->str, reader->extra->len);

  if (content_hash != NULL)
    *content_hash = g_strdup (g_checksum_get_string (reader->hash));
  *out_event = g_steal_pointer (&event);
  return SITREP_ACLED_ROW_EVENT;
}

/* ---- Writing ---- */

void
sitrep_acled_write_header (GString            *out,
                           const char * const *extra_columns)
{
  for (int c = 0; c < SITREP_ACLED_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, column_names[c]);
    }
  for (int i = 0; extra_columns != NULL && extra_columns[i] != NULL; i++)
    {
      g_string_append_c (out, ',');
      sitrep_csv_append_field (out, extra_columns[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
join_actors (SitrepEvent *event,
             const char  *role)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < event->actors->len; i++)
    {
      SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);
      if (g_strcmp0 (actor->role, role) != 0 || actor->name == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append (s, actor->name);
    }
  return g_string_free (s, FALSE);
}

static char *
format_coordinate (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

void
sitrep_acled_write_row (GString            *out,
                        SitrepEvent        *event,
                        const char * const *extra_columns)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *extra = NULL;
  char *values[SITREP_ACLED_N_COLUMNS] = { NULL, };
  gint64 day = event->start;
  int precision;
  GString *sources = g_string_new (NULL);
  const char *notes = event->summary;
  gint64 fatalities = 0;
  const SitrepFigure *killed = NULL;

  if (event->extra != NULL && *event->extra != '\0')
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, event->extra, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        extra = json_node_get_object (json_parser_get_root (parser));
    }

  switch (event->time_precision)
    {
    case SITREP_TIME_PRECISION_RANGE:
    case SITREP_TIME_PRECISION_WEEK:
      precision = 2;
      day = event->start + ((event->end - event->start) / DAY / 2) * DAY;
      break;
    case SITREP_TIME_PRECISION_MONTH:
      precision = 3;
      break;
    default:
      precision = 1;
    }
  if (extra != NULL && precision == 3 && json_object_has_member (extra, "event_date"))
    {
      gint64 d;
      const char *written = json_object_get_string_member_with_default (extra, "event_date",
                                                                        "");
      if (sitrep_acled_parse_date (written, &d) && d >= event->start && d < event->end)
        day = d;
    }

  values[SITREP_ACLED_EVENT_ID_CNTY] = g_strdup (event->external_id ? event->external_id
                                                                    : event->uid);
  values[SITREP_ACLED_EVENT_DATE] = sitrep_unix_to_iso_day (day);
  values[SITREP_ACLED_YEAR] = g_strndup (values[SITREP_ACLED_EVENT_DATE], 4);
  values[SITREP_ACLED_TIME_PRECISION] = g_strdup_printf ("%d", precision);
  values[SITREP_ACLED_EVENT_TYPE] = g_strdup (sitrep_event_kind_acled_type (event->kind));
  values[SITREP_ACLED_SUB_EVENT_TYPE] =
    g_strdup (event->sub_kind ? event->sub_kind : sitrep_event_kind_acled_sub_type (event->kind));
  for (gsize a = 0; a < G_N_ELEMENTS (actor_columns); a++)
    values[actor_columns[a]] = join_actors (event, actor_roles[a]);
  values[SITREP_ACLED_ADMIN1] = g_strdup (event->admin1);
  values[SITREP_ACLED_LOCATION] = g_strdup (event->place_as_written ? event->place_as_written
                                            : event->place ? event->place->name : NULL);
  values[SITREP_ACLED_LATITUDE] = format_coordinate (event->lat);
  values[SITREP_ACLED_LONGITUDE] = format_coordinate (event->lon);
  values[SITREP_ACLED_GEO_PRECISION] = g_strdup_printf ("%d", (int) event->geo_precision);

  for (guint i = 0; i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);
      if (i == 0)
        notes = claim->quote;
      if (claim->outlet == NULL || *claim->outlet == '\0')
        continue;
      if (sources->len > 0)
        g_string_append (sources, "; ");
      g_string_append (sources, claim->outlet);
    }
  values[SITREP_ACLED_SOURCE] = g_string_free (sources, FALSE);
  values[SITREP_ACLED_NOTES] = g_strdup (notes);

  for (guint i = 0; i < event->figures->len; i++)
    {
      SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      /* The event's own figure (no claim) first, else the first claimed one. */
      if (figure->kind == SITREP_FIGURE_KILLED &&
          (killed == NULL || (killed->claim_index >= 0 && figure->claim_index < 0)))
        killed = figure;
    }
  if (killed != NULL)
    fatalities = killed->value;
  values[SITREP_ACLED_FATALITIES] = g_strdup_printf ("%" G_GINT64_FORMAT, fatalities);

  /* Columns kept in extra; they override what the model gives where it loses detail. */
  if (extra != NULL)
    for (int c = 0; c < SITREP_ACLED_N_COLUMNS; c++)
      {
        if (c == SITREP_ACLED_EVENT_DATE)
          continue;
        if (json_object_has_member (extra, column_names[c]))
          {
            JsonNode *node = json_object_get_member (extra, column_names[c]);
            if (JSON_NODE_HOLDS_VALUE (node) &&
                json_node_get_value_type (node) == G_TYPE_STRING)
              {
                g_free (values[c]);
                values[c] = g_strdup (json_node_get_string (node));
              }
          }
      }

  for (int c = 0; c < SITREP_ACLED_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      sitrep_csv_append_field (out, values[c]);
      g_free (values[c]);
    }
  for (int i = 0; extra_columns != NULL && extra_columns[i] != NULL; i++)
    {
      const char *v = NULL;
      g_string_append_c (out, ',');
      if (extra != NULL && json_object_has_member (extra, extra_columns[i]))
        {
          JsonNode *node = json_object_get_member (extra, extra_columns[i]);
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            v = json_node_get_string (node);
        }
      sitrep_csv_append_field (out, v);
    }
  g_string_append (out, "\r\n");
}

/* ---- Importing ---- */

/* The import runs in two threads: this one parses rows into events, the caller's writes
 * them (SQLite is the larger half). They pass chunks of rows through two queues, a fixed
 * number of chunks in all, so that memory stays bounded however large the file. */

#define CHUNK_ROWS 256
#define N_CHUNKS 8

typedef struct
{
  SitrepEvent *event;   /* or NULL for a skipped row */
  char *skipped;        /* the message of a skipped row */
} ChunkRow;

typedef struct
{
  ChunkRow rows[CHUNK_ROWS];
  guint n_rows;
  guint64 offset;       /* bytes read when the chunk was full */
  gboolean last;        /* the parser's final chunk */
  GError *error;        /* with last: why the parser stopped early */
} Chunk;

typedef struct
{
  SitrepAcledReader *reader;
  GCancellable *cancellable;
  GAsyncQueue *free_chunks;
  GAsyncQueue *full_chunks;
  gint stop;            /* set by the writer when it gives up */
} Pipeline;

static void
chunk_clear (Chunk *chunk)
{
  for (guint i = 0; i < chunk->n_rows; i++)
    {
      g_clear_object (&chunk->rows[i].event);
      g_clear_pointer (&chunk->rows[i].skipped, g_free);
    }
  chunk->n_rows = 0;
  chunk->last = FALSE;
  g_clear_error (&chunk->error);
}

static gpointer
parse_rows (gpointer data)
{
  Pipeline *pipeline = data;
  Chunk *chunk = g_async_queue_pop (pipeline->free_chunks);

  for (;;)
    {
      GError *row_error = NULL;
      SitrepEvent *event = NULL;
      SitrepAcledRowStatus status;

      if (g_atomic_int_get (&pipeline->stop))
        break;
      status = sitrep_acled_reader_next (pipeline->reader, &event, NULL, pipeline->cancellable,
                                         &row_error);
      if (status == SITREP_ACLED_ROW_END)
        break;
      if (status == SITREP_ACLED_ROW_FAILED)
        {
          chunk->error = row_error;
          break;
        }
      chunk->rows[chunk->n_rows].event = event;
      chunk->rows[chunk->n_rows].skipped = NULL;
      if (status == SITREP_ACLED_ROW_SKIPPED)
        {
          chunk->rows[chunk->n_rows].skipped = g_strdup (row_error->message);
          g_error_free (row_error);
        }
      if (++chunk->n_rows == CHUNK_ROWS)
        {
          chunk->offset = sitrep_csv_reader_get_offset (sitrep_acled_reader_get_csv (
                                                          pipeline->reader));
          g_async_queue_push (pipeline->full_chunks, chunk);
          chunk = g_async_queue_pop (pipeline->free_chunks);
        }
    }
  chunk->offset = sitrep_csv_reader_get_offset (sitrep_acled_reader_get_csv (pipeline->reader));
  chunk->last = TRUE;
  g_async_queue_push (pipeline->full_chunks, chunk);
  return NULL;
}

gboolean
sitrep_acled_import (SitrepDb                  *db,
                     GInputStream              *stream,
                     const char                *name,
                     const SitrepImportOptions *options,
                     SitrepImportStats         *stats,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  g_autoptr (SitrepImporter) importer = sitrep_importer_new (db, options);
  g_autoptr (SitrepAcledReader) reader = NULL;
  g_autoptr (GError) local_error = NULL;
  Chunk *chunks;
  Pipeline pipeline = { 0, };
  GThread *thread;
  gboolean parse_failed = FALSE, write_failed = FALSE, done = FALSE;
  guint64 offset = 0;

  memset (stats, 0, sizeof *stats);
  reader = sitrep_acled_reader_new (sitrep_csv_reader_new (stream, name), cancellable, error);
  if (reader == NULL)
    return FALSE;

  chunks = g_new0 (Chunk, N_CHUNKS);
  pipeline.reader = reader;
  pipeline.cancellable = cancellable;
  pipeline.free_chunks = g_async_queue_new ();
  pipeline.full_chunks = g_async_queue_new ();
  for (guint i = 0; i < N_CHUNKS; i++)
    g_async_queue_push (pipeline.free_chunks, &chunks[i]);
  thread = g_thread_new ("sitrep-acled-parse", parse_rows, &pipeline);

  while (!done)
    {
      Chunk *chunk = g_async_queue_pop (pipeline.full_chunks);

      done = chunk->last;
      offset = chunk->offset;
      for (guint i = 0; i < chunk->n_rows && !write_failed; i++)
        {
          ChunkRow *row = &chunk->rows[i];

          if (row->event == NULL)
            {
              sitrep_importer_skip (importer, row->skipped);
              continue;
            }
          if (!sitrep_importer_add (importer, row->event, &local_error) ||
              (sitrep_importer_batch_full (importer) &&
               (g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
                !sitrep_importer_commit (importer, offset, &local_error))))
            {
              write_failed = TRUE;
              /* Tell the parser to stop, and keep taking its chunks until its last. */
              g_atomic_int_set (&pipeline.stop, 1);
            }
        }
      if (chunk->error != NULL && !write_failed)
        {
          local_error = g_steal_pointer (&chunk->error);
          parse_failed = TRUE;
        }
      chunk_clear (chunk);
      g_async_queue_push (pipeline.free_chunks, chunk);
    }
  g_thread_join (thread);
  for (guint i = 0; i < N_CHUNKS; i++)
    chunk_clear (&chunks[i]);
  g_free (chunks);
  g_async_queue_unref (pipeline.free_chunks);
  g_async_queue_unref (pipeline.full_chunks);

  if (write_failed ||
      (parse_failed && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      sitrep_importer_abort (importer);
      *stats = *sitrep_importer_get_stats (importer);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A row that could not be read (truncated, not text): keep the complete rows read so
   * far, then report. */
  if (!sitrep_importer_commit (importer, offset, parse_failed ? NULL : &local_error))
    parse_failed = TRUE;
  *stats = *sitrep_importer_get_stats (importer);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return !parse_failed;
}
