/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-gazetteer.c: place names of Ukraine and its neighbours, matched in one pass over
 * a text across Ukrainian, Russian and Latin spellings. */
#define G_LOG_DOMAIN "sitrep-gazetteer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep-extract-resources.h"
#include "sitrep-gazetteer.h"
#include "sitrep-translit.h"
#include "sitrep-trie.h"

#define GAZETTEER_RESOURCE "/io/github/sitrep/Sitrep/gazetteer/gazetteer.tsv.gz"
#define STOPWORDS_RESOURCE "/io/github/sitrep/Sitrep/gazetteer/stopwords.txt"
#define CAPITALS_MIN_POPULATION 10000  /* a name in CAPITALS must be a town at least this big */
#define N_COLUMNS 13
#define MIN_LETTERS 4          /* names of 3 letters or fewer are skipped in text */
#define BIG_TOWN 20000         /* a town this big is found even when its name is a common word */
#define MAX_SUFFIX 4           /* skeleton symbols of a Cyrillic case ending */
#define CHUNK (1 << 20)        /* texts are scanned in pieces of about this many bytes */

G_DEFINE_QUARK (sitrep-gazetteer-error-quark, sitrep_gazetteer_error)

typedef enum
{
  KEY_EXACT,   /* the whole name */
  KEY_STEM,    /* a Cyrillic name without its final vowel: needs a case ending */
} KeyKind;

typedef struct
{
  const char *key;   /* in keys_chunk */
  guint32     entry;
  guint8      kind;
  guint8      latin;   /* from a name written in Latin script */
} Pair;

typedef struct
{
  guint32 latin_off;   /* candidates when a Latin word ends with the key: only names */
  guint32 n_latin;     /* written in Latin count (Фролы is not "Freely") */
  guint32 exact_off;   /* candidates when the word ends with the key */
  guint32 n_exact;
  guint32 suffix_off;  /* candidates when a Cyrillic case ending follows */
  guint32 n_suffix;
  guint32 cyr_off;     /* candidates when a Cyrillic word ends with the key: the key's */
  guint32 n_cyr;       /* own entries and those of a shorter key + case ending */
} KeyInfo;

struct _SitrepGazetteer
{
  GBytes       *table;       /* the decompressed TSV; entries point into it */
  char         *text;
  GArray       *entries;     /* SitrepGazetteerEntry */
  GStringChunk *keys_chunk;
  GPtrArray    *keys;        /* skeleton keys, sorted, unique */
  GArray       *key_info;    /* KeyInfo per key */
  GArray       *candidates;  /* guint32 pool */
  GPtrArray    *alternates;  /* per entry: the alternates field (for lookup debugging) */
  SitrepTrie   *trie;
  GHashTable   *suffixes;    /* skeleton case endings */
  GHashTable   *adjectives;  /* oblast adjectives in all cases: Харківська (обласна …) */
  GHashTable   *big_names;   /* skeletons of the names of big towns and of regions */
  gint64        load_usec;
};

/* Ukrainian and Russian case endings after a stem (в Харкові, под Купянском, Харькова). */
static const char *const case_endings[] = {
  "а", "я", "у", "ю", "і", "и", "е", "є", "о", "ом", "ем", "єм", "ою", "ею", "ей", "ой",
  "ій", "ові", "еві", "ах", "ях", "ам", "ям", "ами", "ями", "ого", "его", "ому", "ему",
  "им", "ім", "ий", "ої", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "ым",
  "ими", "ыми", "ім", "ці", "ки", "ку", "ці", "ам", "ові",
};

/* Skeletons of the words of data/gazetteer/stopwords.txt: never a place in running text
 * (stop_set), or the title or given name before a surname (surname_set). */
static GHashTable *stop_set;
static GHashTable *surname_set;

static inline gboolean
is_break (char c)
{
  return c == ' ' || c == '|';
}

static gboolean
parse_double (const char *s,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (s, &end);
  return end != s && *end == '\0';
}

static const char *
or_null (const char *s)
{
  return (s != NULL && *s != '\0') ? s : NULL;
}

static gboolean
contains_cyrillic (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s == 0xD0 || (guchar) *s == 0xD1 || (guchar) *s == 0xD2)
      return TRUE;
  return FALSE;
}

static void
add_pair (SitrepGazetteer *self,
          GArray          *pairs,
          const char      *key,
          guint32          entry,
          KeyKind          kind,
          gboolean         latin)
{
  Pair p;

  if (sitrep_skeleton_n_letters (key) < 2)
    return;
  p.key = g_string_chunk_insert_const (self->keys_chunk, key);
  p.entry = entry;
  p.kind = kind;
  p.latin = latin;
  g_array_append_val (pairs, p);
}

static void
add_name (SitrepGazetteer *self,
          GArray          *pairs,
          const char      *name,
          guint32          entry)
{
  g_autofree char *sk = NULL;
  gsize len;

  guint n_letters = 0;

  if (name == NULL || *name == '\0')
    return;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    n_letters += g_unichar_isalpha (g_utf8_get_char (p));
  if (n_letters < MIN_LETTERS)
    return;
  sk = sitrep_gazetteer_normalize (name);
  len = strlen (sk);
  add_pair (self, pairs, sk, entry, KEY_EXACT, !contains_cyrillic (name));
  if (!contains_cyrillic (name) || len < 2)
    return;

  /* Feminine names in -ка take -ці in the locative: Іванівка, в Іванівці. */
  if (len > 2 && strcmp (sk + len - 2, "ka") == 0)
    {
      g_autofree char *loc = g_strdup_printf ("%.*stsi", (int) (len - 2), sk);
      add_pair (self, pairs, loc, entry, KEY_EXACT, FALSE);
    }
  /* A name ending in a vowel loses it before a case ending: Одеса, в Одесі. */
  if (sitrep_skeleton_is_vowel (sk[len - 1]))
    {
      gsize n = len;

      while (n > 0 && sitrep_skeleton_is_vowel (sk[n - 1]))
        n--;
      if (n > 0 && sk[n - 1] != ' ' && sk[n - 1] != '|')
        {
          g_autofree char *stem = g_strndup (sk, n);
          add_pair (self, pairs, stem, entry, KEY_STEM, FALSE);
        }
    }
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a;
  const Pair *pb = b;
  int c = strcmp (pa->key, pb->key);

  if (c != 0)
    return c;
  if (pa->entry != pb->entry)
    return pa->entry < pb->entry ? -1 : 1;
  return (int) pa->kind - (int) pb->kind;
}

static void
register_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* Static libraries drop GResource constructors: register by hand (this makes
       * sitrep_extract_get_resource() valid and adds it to g_resources_*()). */
      sitrep_extract_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

static void
init_static_sets (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      GHashTable *section = NULL;

      register_resources ();
      stop_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      surname_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      bytes = g_resources_lookup_data (STOPWORDS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_critical ("%s: %s", STOPWORDS_RESOURCE, error->message);
      else
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              char *line = g_strstrip (lines[i]);

              if (*line == '\0' || *line == '#')
                continue;
              if (strcmp (line, "[words]") == 0)
                section = stop_set;
              else if (strcmp (line, "[before-surname]") == 0)
                section = surname_set;
              else if (section != NULL)
                {
                  char *sk = sitrep_gazetteer_normalize (line);

                  /* A given name alone is not a place either. */
                  if (section == surname_set)
                    g_hash_table_add (stop_set, g_strdup (sk));
                  g_hash_table_add (section, sk);
                }
            }
        }
      g_once_init_leave (&once, 1);
    }
}

static guint32
find_key (SitrepGazetteer *self,
          const char      *key,
          gsize            len)
{
  guint32 node = sitrep_trie_root (self->trie);

  for (gsize i = 0; i < len && node != SITREP_TRIE_NONE; i++)
    node = sitrep_trie_step (self->trie, node, (guchar) key[i]);
  if (len == 0 || node == SITREP_TRIE_NONE)
    return SITREP_TRIE_NONE;
  return sitrep_trie_value (self->trie, node);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : (x > y);
}

/* In Cyrillic text a word may be one name as written and another name with a case ending
 * (Харкове the village, в Харькове = in Kharkiv): both are candidates. */
static void
add_cyrillic_unions (SitrepGazetteer *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint k = 0; k < self->keys->len; k++)
    {
      const char *key = g_ptr_array_index (self->keys, k);
      gsize len = strlen (key);
      KeyInfo *info = &g_array_index (self->key_info, KeyInfo, k);
      gboolean found = FALSE;

      info->cyr_off = info->exact_off;
      info->n_cyr = info->n_exact;
      g_array_set_size (ids, 0);
      for (gsize p = len > MAX_SUFFIX ? len - MAX_SUFFIX : 1; p < len; p++)
        {
          guint32 stem;
          const KeyInfo *si;

          if (is_break (key[p - 1]) || strpbrk (key + p, " |") != NULL
              || !g_hash_table_contains (self->suffixes, key + p))
            continue;
          stem = find_key (self, key, p);
          if (stem == SITREP_TRIE_NONE)
            continue;
          si = &g_array_index (self->key_info, KeyInfo, stem);
          g_array_append_vals (ids, &g_array_index (self->candidates, guint32, si->suffix_off),
                               si->n_suffix);
          found = TRUE;
        }
      if (!found)
        continue;
      g_array_append_vals (ids, &g_array_index (self->candidates, guint32, info->exact_off),
                           info->n_exact);
      g_array_sort (ids, compare_ids);
      info->cyr_off = self->candidates->len;
      for (guint i = 0; i < ids->len; i++)
        if (i == 0 || g_array_index (ids, guint32, i) != g_array_index (ids, guint32, i - 1))
          g_array_append_val (self->candidates, g_array_index (ids, guint32, i));
      info->n_cyr = self->candidates->len - info->cyr_off;
    }
}

/* "Харківська обласна адміністрація", "Харьковский губернатор": the adjective of an
 * oblast is not the village Kharkivske. */
static void
add_oblast_adjectives (SitrepGazetteer *self)
{
  static const char *const endings[] = {
    "а", "ої", "ій", "у", "ою", "ий", "ого", "ому", "им", "ім", "е", "і", "их", "ими", "ая",
    "ой", "ую", "ое", "ые", "ых", "ым", "ыми", "ом", "ие",
  };

  self->adjectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->big_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const SitrepGazetteerEntry *e = &g_array_index (self->entries, SitrepGazetteerEntry, i);
      const char *names[] = { e->name, e->name_uk, e->name_ru };

      if (e->feature == SITREP_GAZETTEER_REGION
          || (e->feature == SITREP_GAZETTEER_SETTLEMENT && e->population >= BIG_TOWN))
        for (guint k = 0; k < G_N_ELEMENTS (names); k++)
          if (names[k] != NULL)
            g_hash_table_add (self->big_names, sitrep_gazetteer_normalize (names[k]));
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      const SitrepGazetteerEntry *e = &g_array_index (self->entries, SitrepGazetteerEntry, i);
      const char *names[] = { e->name_uk, e->name_ru };

      if (e->feature != SITREP_GAZETTEER_REGION)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *stem = NULL;
          const char *space;
          gsize len;

          if (names[k] == NULL || (space = strchr (names[k], ' ')) == NULL)
            continue;
          /* "Харківська" → "Харківськ", "Харьковская" → "Харьковск" */
          stem = g_strndup (names[k], space - names[k]);
          len = strlen (stem);
          if (g_str_has_suffix (stem, "ая"))
            stem[len - strlen ("ая")] = '\0';
          else if (g_str_has_suffix (stem, "а"))
            stem[len - strlen ("а")] = '\0';
          else
            continue;
          for (guint m = 0; m < G_N_ELEMENTS (endings); m++)
            {
              g_autofree char *form = g_strconcat (stem, endings[m], NULL);
              char *sk = sitrep_gazetteer_normalize (form);

              /* Хмельницький is a city as well as "of Khmelnytskyi Oblast". */
              if (g_hash_table_contains (self->big_names, sk))
                g_free (sk);
              else
                g_hash_table_add (self->adjectives, sk);
            }
        }
    }
}

static gboolean
build_index (SitrepGazetteer *self)
{
  g_autoptr(GArray) pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair),
                                               self->entries->len * 8);
  const char **keys;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SitrepGazetteerEntry *e = &g_array_index (self->entries, SitrepGazetteerEntry, i);
      const char *alts = g_ptr_array_index (self->alternates, i);

      add_name (self, pairs, e->name, i);
      add_name (self, pairs, e->name_uk, i);
      add_name (self, pairs, e->name_ru, i);
      while (alts != NULL && *alts != '\0')
        {
          const char *bar = strchr (alts, '|');
          g_autofree char *alt = g_strndup (alts, bar != NULL ? (gsize) (bar - alts) : strlen (alts));

          add_name (self, pairs, alt, i);
          alts = bar != NULL ? bar + 1 : NULL;
        }
    }
  g_array_sort (pairs, compare_pairs);

  self->keys = g_ptr_array_new ();
  self->key_info = g_array_new (FALSE, FALSE, sizeof (KeyInfo));
  self->candidates = g_array_sized_new (FALSE, FALSE, sizeof (guint32), pairs->len * 2);
  for (guint i = 0; i < pairs->len;)
    {
      const Pair *first = &g_array_index (pairs, Pair, i);
      KeyInfo info = { 0, };
      guint j = i;
      guint32 last = G_MAXUINT32;

      while (j < pairs->len && strcmp (g_array_index (pairs, Pair, j).key, first->key) == 0)
        j++;
      info.latin_off = self->candidates->len;
      for (guint k = i; k < j; k++)
        {
          const Pair *p = &g_array_index (pairs, Pair, k);
          if (p->kind == KEY_EXACT && p->latin && p->entry != last)
            {
              g_array_append_val (self->candidates, p->entry);
              last = p->entry;
            }
        }
      info.n_latin = self->candidates->len - info.latin_off;
      last = G_MAXUINT32;
      info.exact_off = self->candidates->len;
      for (guint k = i; k < j; k++)
        {
          const Pair *p = &g_array_index (pairs, Pair, k);
          if (p->kind == KEY_EXACT && p->entry != last)
            {
              g_array_append_val (self->candidates, p->entry);
              last = p->entry;
            }
        }
      info.n_exact = self->candidates->len - info.exact_off;
      info.suffix_off = self->candidates->len;
      last = G_MAXUINT32;
      for (guint k = i; k < j; k++)
        {
          const Pair *p = &g_array_index (pairs, Pair, k);
          if (p->entry != last)
            {
              g_array_append_val (self->candidates, p->entry);
              last = p->entry;
            }
        }
      info.n_suffix = self->candidates->len - info.suffix_off;
      g_ptr_array_add (self->keys, (gpointer) first->key);
      g_array_append_val (self->key_info, info);
      i = j;
    }

  self->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (case_endings); i++)
    {
      char *sk = sitrep_gazetteer_normalize (case_endings[i]);

      /* After a stem ending in the same vowel, a doubled symbol collapses. */
      if (sk[0] != '\0' && sk[1] != '\0')
        g_hash_table_add (self->suffixes, g_strdup (sk + 1));
      g_hash_table_add (self->suffixes, sk);
    }

  keys = (const char **) self->keys->pdata;
  self->trie = sitrep_trie_new (keys, self->keys->len);

  add_cyrillic_unions (self);
  add_oblast_adjectives (self);
  return TRUE;
}

static gboolean
parse_table (SitrepGazetteer *self,
             const char      *origin,
             GError         **error)
{
  char *line = self->text;
  guint lineno = 0;

  self->entries = g_array_new (FALSE, TRUE, sizeof (SitrepGazetteerEntry));
  self->alternates = g_ptr_array_new ();

  while (line != NULL && *line != '\0')
    {
      char *nl = strchr (line, '\n');
      char *cols[N_COLUMNS];
      char *p = line;
      guint n = 0;
      SitrepGazetteerEntry e = { 0, };
      double v;

      lineno++;
      if (nl != NULL)
        *nl = '\0';
      if (*line == '#')
        {
          if (lineno == 1 && strcmp (line, "# sitrep-gazetteer 1") != 0)
            {
              g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                           _("%s:1: not a Sitrep gazetteer of format 1"), origin);
              return FALSE;
            }
          line = nl != NULL ? nl + 1 : NULL;
          continue;
        }
      while (n < N_COLUMNS)
        {
          char *tab = strchr (p, '\t');
          cols[n++] = p;
          if (tab == NULL)
            break;
          *tab = '\0';
          p = tab + 1;
        }
      if (n != N_COLUMNS)
        {
          g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                       _("%s:%u: expected %d tab-separated columns, found %u"),
                       origin, lineno, N_COLUMNS, n);
          return FALSE;
        }
      e.id = self->entries->len;
      e.geonameid = (guint32) strtoul (cols[0], NULL, 10);
      switch (cols[1][0])
        {
        case 'S': e.feature = SITREP_GAZETTEER_SETTLEMENT; break;
        case 'R': e.feature = SITREP_GAZETTEER_REGION; break;
        case 'D': e.feature = SITREP_GAZETTEER_DISTRICT; break;
        case 'O': e.feature = SITREP_GAZETTEER_OTHER; break;
        default:
          g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                       _("%s:%u: unknown feature kind “%s”"), origin, lineno, cols[1]);
          return FALSE;
        }
      e.country = cols[2];
      e.name = cols[3];
      e.name_uk = or_null (cols[4]);
      e.name_ru = or_null (cols[5]);
      e.admin1 = cols[6];
      e.admin2 = or_null (cols[7]);
      e.katottg = or_null (cols[8]);
      if (!parse_double (cols[9], &e.lat) || !parse_double (cols[10], &v) || *e.name == '\0')
        {
          g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                       _("%s:%u: bad name or coordinates"), origin, lineno);
          return FALSE;
        }
      e.lon = v;
      e.population = (guint32) strtoul (cols[11], NULL, 10);
      g_array_append_val (self->entries, e);
      g_ptr_array_add (self->alternates, cols[12]);
      line = nl != NULL ? nl + 1 : NULL;
    }
  if (self->entries->len == 0)
    {
      g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                   _("%s: the gazetteer has no entries"), origin);
      return FALSE;
    }
  return TRUE;
}

static SitrepGazetteer *
gazetteer_new_from_gz (GBytes      *gz,
                       const char  *origin,
                       GError     **error)
{
  g_autoptr(GZlibDecompressor) dec = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_bytes (gz);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (base, G_CONVERTER (dec));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  SitrepGazetteer *self;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GError) local = NULL;

  init_static_sets ();
  /* The table is NUL-terminated and parsed in place. */
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &local) < 0
      || !g_output_stream_write_all (out, "", 1, NULL, NULL, &local)
      || !g_output_stream_close (out, NULL, &local))
    {
      g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                   _("%s: cannot decompress the gazetteer: %s"), origin, local->message);
      return NULL;
    }
  self = g_new0 (SitrepGazetteer, 1);
  self->table = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  self->text = (char *) g_bytes_get_data (self->table, NULL);
  self->keys_chunk = g_string_chunk_new (1 << 20);
  if (!g_utf8_validate (self->text, g_bytes_get_size (self->table) - 1, NULL))
    {
      g_set_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID,
                   _("%s: the gazetteer is not valid UTF-8"), origin);
      sitrep_gazetteer_free (self);
      return NULL;
    }
  if (!parse_table (self, origin, error) || !build_index (self))
    {
      sitrep_gazetteer_free (self);
      return NULL;
    }
  self->load_usec = g_get_monotonic_time () - t0;
  g_debug ("%s: %u entries, %u keys, %u trie nodes, loaded in %.3f s", origin,
           self->entries->len, self->keys->len, sitrep_trie_n_nodes (self->trie),
           self->load_usec / 1e6);
  return self;
}

SitrepGazetteer *
sitrep_gazetteer_new_from_file (const char  *path,
                                GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return gazetteer_new_from_gz (bytes, path, error);
}

SitrepGazetteer *
sitrep_gazetteer_get_default (GError **error)
{
  static gsize once = 0;
  static SitrepGazetteer *table;
  static GError *load_error;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) gz = NULL;

      register_resources ();
      gz = g_resources_lookup_data (GAZETTEER_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &load_error);
      if (gz != NULL)
        table = gazetteer_new_from_gz (gz, GAZETTEER_RESOURCE, &load_error);
      g_once_init_leave (&once, 1);
    }
  if (table == NULL && error != NULL)
    *error = g_error_copy (load_error);
  return table;
}

void
sitrep_gazetteer_free (SitrepGazetteer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->alternates, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->key_info, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->trie, sitrep_trie_free);
  g_clear_pointer (&self->suffixes, g_hash_table_unref);
  g_clear_pointer (&self->adjectives, g_hash_table_unref);
  g_clear_pointer (&self->big_names, g_hash_table_unref);
  if (self->keys_chunk != NULL)
    g_string_chunk_free (self->keys_chunk);
  g_clear_pointer (&self->table, g_bytes_unref);
  g_free (self);
}

guint
sitrep_gazetteer_get_n_entries (SitrepGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const SitrepGazetteerEntry *
sitrep_gazetteer_get_entry (SitrepGazetteer *self,
                            guint32          id)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (id >= self->entries->len)
    return NULL;
  return &g_array_index (self->entries, SitrepGazetteerEntry, id);
}

/* Time taken by the last load of this table, for `sitrep-cli bench gazetteer`. */
gint64
sitrep_gazetteer_get_load_usec (SitrepGazetteer *self)
{
  return self->load_usec;
}

typedef struct
{
  gsize          end;     /* skeleton index after the match, 0 for none */
  const guint32 *cands;
  guint          n;
} Best;

static inline gboolean
is_case_ending (SitrepGazetteer *self,
                const char      *sk,
                gsize            from,
                gsize            to)
{
  char tail[MAX_SUFFIX + 1];

  if (to - from > MAX_SUFFIX || to == from)
    return FALSE;
  memcpy (tail, sk + from, to - from);
  tail[to - from] = '\0';
  return g_hash_table_contains (self->suffixes, tail);
}

/* Walks the trie from node along the skeleton from j, keeping the longest match that
 * ends a word.  Inside a name of several words, a Cyrillic word may carry a case ending
 * before the next word (у Куп'янську-Вузловому): the walk then goes on past it. */
static void
walk (SitrepGazetteer      *self,
      const SitrepSkeleton *s,
      guint32               node,
      gsize                 j,
      guint                 depth,
      Best                 *best)
{
  const char *sk = s->sk;
  gsize n = s->len;
  const guint8 *flags = s->flags;
  const guint32 *pool = (const guint32 *) self->candidates->data;

  for (; j < n; j++)
    {
      guint32 key;
      const KeyInfo *info;
      gsize w = j + 1;

      if (depth < 3 && node != sitrep_trie_root (self->trie) && (flags[j] & SITREP_SKEL_CYRILLIC)
          && !is_break (sk[j]) && !is_break (sk[j - 1]))
        {
          guint32 space = sitrep_trie_step (self->trie, node, ' ');

          if (space != SITREP_TRIE_NONE)
            {
              gsize t = j;

              while (t < n && !is_break (sk[t]) && t - j <= MAX_SUFFIX)
                t++;
              if (t < n && sk[t] == ' ' && is_case_ending (self, sk, j, t))
                walk (self, s, space, t + 1, depth + 1, best);
            }
        }
      node = sitrep_trie_step (self->trie, node, (guchar) sk[j]);
      if (node == SITREP_TRIE_NONE)
        return;
      key = sitrep_trie_value (self->trie, node);
      if (key == SITREP_TRIE_NONE)
        continue;
      info = &g_array_index (self->key_info, KeyInfo, key);

      if (w == n || is_break (sk[w]))
        {
          if (flags[j] & SITREP_SKEL_CYRILLIC)
            {
              if (info->n_cyr > 0 && w >= best->end)
                *best = (Best) { w, pool + info->cyr_off, info->n_cyr };
            }
          else if (info->n_latin > 0 && w >= best->end)
            *best = (Best) { w, pool + info->latin_off, info->n_latin };
          continue;
        }
      /* A Cyrillic case ending up to the end of the word. */
      if ((flags[w] & SITREP_SKEL_CYRILLIC) && info->n_suffix > 0)
        {
          gsize t = w;

          while (t < n && !is_break (sk[t]) && t - w <= MAX_SUFFIX)
            t++;
          if ((t == n || is_break (sk[t])) && t > best->end && is_case_ending (self, sk, w, t))
            *best = (Best) { t, pool + info->suffix_off, info->n_suffix };
        }
    }
}

/* Is the word sk[from, to) one of set? */
static gboolean
word_in (GHashTable *set,
         const char *sk,
         gsize       from,
         gsize       to)
{
  char buf[64];

  if (to - from >= sizeof buf)
    return FALSE;
  memcpy (buf, sk + from, to - from);
  buf[to - from] = '\0';
  return g_hash_table_contains (set, buf);
}

/* Is a match of skeleton symbols [i, end) not a place after all: a common word, an oblast
 * adjective, a surname after a given name or title, a short word in capitals? */
static gboolean
reject_match (SitrepGazetteer      *self,
              const SitrepSkeleton *s,
              gsize                 i,
              gsize                 end,
              const Best           *best)
{
  const char *sk = s->sk;
  const guint8 *flags = s->flags;
  gboolean one_word = TRUE;
  gboolean capitals = TRUE;

  /* As in the table, a word of three letters or fewer (two bytes a Cyrillic letter) is no
   * name, even when it folds like one (Key = Kiye). */
  if (s->end[end - 1] - s->start[i] < ((flags[i] & SITREP_SKEL_CYRILLIC) ? 2 : 1) * MIN_LETTERS)
    return TRUE;
  for (gsize k = i; k < end; k++)
    {
      one_word &= !is_break (sk[k]);
      capitals &= !(flags[k] & SITREP_SKEL_LOWER);
    }
  if (one_word)
    {
      gboolean big = word_in (self->big_names, sk, i, end);

      /* A common word, unless it is the name of a big town (Volodymyr, Carei). */
      if (word_in (self->adjectives, sk, i, end) || (!big && word_in (stop_set, sk, i, end)))
        return TRUE;
      /* A given name before a capitalised word is a person: Volodymyr Zelensky. */
      if (big && end + 1 < s->len && sk[end] == ' ' && (flags[end + 1] & SITREP_SKEL_UPPER)
          && word_in (surname_set, sk, i, end))
        return TRUE;
    }
  if (capitals && one_word && end - i <= 6)
    {
      guint32 pop = 0;

      /* Short words in capitals (JSON, COPY, SIZE) are not villages; KHARKIV or SUMY in a
       * dateline is a city. */
      for (guint c = 0; c < best->n; c++)
        {
          const SitrepGazetteerEntry *e = &g_array_index (self->entries, SitrepGazetteerEntry,
                                                          best->cands[c]);
          pop = MAX (pop, e->feature == SITREP_GAZETTEER_SETTLEMENT ? e->population : G_MAXUINT32);
        }
      if (pop < CAPITALS_MIN_POPULATION)
        return TRUE;
    }
  if (i >= 2 && sk[i - 1] == ' ')
    {
      gsize q = i - 1;

      while (q > 0 && !is_break (sk[q - 1]))
        q--;
      if ((flags[q] & SITREP_SKEL_UPPER) && word_in (surname_set, sk, q, i - 1))
        return TRUE;
    }
  return FALSE;
}

/* Scans one piece of text: its skeleton is in s. */
static void
scan_skeleton (SitrepGazetteer      *self,
               const SitrepSkeleton *s,
               GArray               *matches)
{
  gsize n = s->len;
  const guint8 *flags = s->flags;
  const guint32 *starts = s->start;
  const guint32 *ends = s->end;
  gsize i = 0;

  while (i < n)
    {
      Best best = { 0, NULL, 0 };

      if ((flags[i] & (SITREP_SKEL_WORD_START | SITREP_SKEL_UPPER))
          != (SITREP_SKEL_WORD_START | SITREP_SKEL_UPPER))
        {
          i++;
          continue;
        }
      walk (self, s, sitrep_trie_root (self->trie), i, 0, &best);
      if (best.cands != NULL && !reject_match (self, s, i, best.end, &best))
        {
          SitrepGazetteerMatch m;

          m.start = starts[i];
          m.end = ends[best.end - 1];
          m.n_candidates = best.n;
          m.candidates = best.cands;
          g_array_append_val (matches, m);
          i = best.end;
        }
      else
        i++;
    }
}

GArray *
sitrep_gazetteer_scan (SitrepGazetteer *self,
                       const char      *text,
                       gssize           len)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (SitrepGazetteerMatch));
  gsize total;
  gsize pos = 0;
  SitrepSkeleton s;

  g_return_val_if_fail (self != NULL, matches);
  g_return_val_if_fail (text != NULL || len == 0, matches);

  total = len < 0 ? strlen (text) : (gsize) len;
  sitrep_skeleton_init (&s, TRUE);
  /* Long texts go in pieces cut at a line break (or failing that, a space), so that the
   * skeleton's offset map stays small; no name spans a line break. */
  while (pos < total)
    {
      gsize piece = total - pos;

      if (piece > CHUNK)
        {
          const char *cut = memchr (text + pos + CHUNK, '\n', MIN (piece - CHUNK, 65536));

          if (cut == NULL)
            cut = memchr (text + pos + CHUNK, ' ', MIN (piece - CHUNK, 65536));
          piece = cut != NULL ? (gsize) (cut - (text + pos)) + 1 : CHUNK;
          /* Never cut a UTF-8 sequence. */
          while (pos + piece < total && ((guchar) text[pos + piece] & 0xC0) == 0x80)
            piece++;
        }
      sitrep_skeleton_reset (&s);
      sitrep_skeleton_append (&s, text + pos, piece, pos);
      scan_skeleton (self, &s, matches);
      pos += piece;
    }
  sitrep_skeleton_clear (&s);
  return matches;
}

static gboolean
entry_in_admin1 (const SitrepGazetteerEntry *e,
                 const char                 *admin1)
{
  return admin1 != NULL && g_ascii_strcasecmp (e->admin1, admin1) == 0;
}

typedef struct
{
  SitrepGazetteer *self;
  const char      *hint;
} LookupSort;

static int
compare_lookup (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const LookupSort *ls = data;
  const SitrepGazetteerEntry *ea = sitrep_gazetteer_get_entry (ls->self, *(const guint32 *) a);
  const SitrepGazetteerEntry *eb = sitrep_gazetteer_get_entry (ls->self, *(const guint32 *) b);
  gboolean ha = entry_in_admin1 (ea, ls->hint);
  gboolean hb = entry_in_admin1 (eb, ls->hint);

  if (ha != hb)
    return ha ? -1 : 1;
  if (ea->population != eb->population)
    return ea->population > eb->population ? -1 : 1;
  return ea->id < eb->id ? -1 : (ea->id > eb->id);
}

GArray *
sitrep_gazetteer_lookup (SitrepGazetteer *self,
                         const char      *name,
                         const char      *admin1_hint)
{
  g_autofree char *sk = NULL;
  guint32 node;
  gsize len;
  GArray *result;
  LookupSort ls = { self, admin1_hint };
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The whole name as one match of a scan, so case endings count as in text. */
  matches = sitrep_gazetteer_scan (self, name, -1);
  result = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (matches->len == 1 && g_array_index (matches, SitrepGazetteerMatch, 0).start == 0)
    {
      const SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, 0);
      g_autofree char *rest = g_strdup (name + m->end);

      if (*g_strstrip (rest) == '\0')
        g_array_append_vals (result, m->candidates, m->n_candidates);
    }
  if (result->len == 0)
    {
      /* Names the scan skips (short, lowercase, common words): exact key only. */
      sk = sitrep_gazetteer_normalize (name);
      len = strlen (sk);
      node = sitrep_trie_root (self->trie);
      for (gsize i = 0; i < len && node != SITREP_TRIE_NONE; i++)
        node = sitrep_trie_step (self->trie, node, (guchar) sk[i]);
      if (len > 0 && node != SITREP_TRIE_NONE && sitrep_trie_value (self->trie, node) != SITREP_TRIE_NONE)
        {
          const KeyInfo *info = &g_array_index (self->key_info, KeyInfo,
                                                sitrep_trie_value (self->trie, node));
          g_array_append_vals (result,
                               &g_array_index (self->candidates, guint32, info->exact_off),
                               info->n_exact);
        }
    }
  if (result->len == 0)
    {
      g_array_unref (result);
      return NULL;
    }
  g_array_sort_with_data (result, compare_lookup, &ls);
  return result;
}

/* Great-circle distance in km. */
static double
distance_km (const SitrepGazetteerEntry *a,
             const SitrepGazetteerEntry *b)
{
  double la1 = a->lat * G_PI / 180, la2 = b->lat * G_PI / 180;
  double dla = la2 - la1, dlo = (b->lon - a->lon) * G_PI / 180;
  double h = sin (dla / 2) * sin (dla / 2) + cos (la1) * cos (la2) * sin (dlo / 2) * sin (dlo / 2);

  return 2 * 6371.0 * asin (MIN (1.0, sqrt (h)));
}

guint32
sitrep_gazetteer_resolve (SitrepGazetteer            *self,
                          const SitrepGazetteerMatch *match,
                          const char                 *admin1_hint,
                          const guint32              *context,
                          guint                       n_context)
{
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 best = G_MAXUINT32, second = G_MAXUINT32;
  double best_d = G_MAXDOUBLE, second_d = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL && match != NULL, G_MAXUINT32);

  if (match->n_candidates == 0)
    return G_MAXUINT32;
  if (match->n_candidates == 1)
    return match->candidates[0];

  /* 1. The oblast named with it. */
  for (guint i = 0; i < match->n_candidates; i++)
    {
      const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (self, match->candidates[i]);
      if (entry_in_admin1 (e, admin1_hint))
        g_array_append_val (pool, match->candidates[i]);
    }
  if (pool->len == 1)
    return g_array_index (pool, guint32, 0);
  if (pool->len == 0)
    g_array_append_vals (pool, match->candidates, match->n_candidates);

  /* 2. The one nearest to the other places of the text, when clearly nearer. */
  for (guint i = 0; i < pool->len && n_context > 0; i++)
    {
      guint32 id = g_array_index (pool, guint32, i);
      const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (self, id);
      double d = G_MAXDOUBLE;

      for (guint k = 0; k < n_context; k++)
        {
          const SitrepGazetteerEntry *c = sitrep_gazetteer_get_entry (self, context[k]);
          gboolean is_candidate = FALSE;

          if (c == NULL || c->feature == SITREP_GAZETTEER_REGION)
            continue;
          for (guint m = 0; m < match->n_candidates; m++)
            is_candidate |= match->candidates[m] == context[k];
          if (!is_candidate)
            d = MIN (d, distance_km (e, c));
        }
      if (d < best_d)
        {
          second = best;
          second_d = best_d;
          best = id;
          best_d = d;
        }
      else if (d < second_d)
        {
          second = id;
          second_d = d;
        }
    }
  if (best != G_MAXUINT32 && best_d < 150.0 && (second == G_MAXUINT32 || best_d * 2 < second_d))
    return best;

  /* 3. The most populous, only when clearly larger. */
  best = second = G_MAXUINT32;
  for (guint i = 0; i < pool->len; i++)
    {
      guint32 id = g_array_index (pool, guint32, i);
      guint32 pop = sitrep_gazetteer_get_entry (self, id)->population;

      if (best == G_MAXUINT32 || pop > sitrep_gazetteer_get_entry (self, best)->population)
        {
          second = best;
          best = id;
        }
      else if (second == G_MAXUINT32 || pop > sitrep_gazetteer_get_entry (self, second)->population)
        second = id;
    }
  if (best != G_MAXUINT32 && second != G_MAXUINT32)
    {
      guint64 pb = sitrep_gazetteer_get_entry (self, best)->population;
      guint64 ps = sitrep_gazetteer_get_entry (self, second)->population;

      if (pb > 0 && pb >= 10 * ps)
        return best;
    }
  return G_MAXUINT32;
}
