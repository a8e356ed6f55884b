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
#define N_COLUMNS 13
#define MIN_LETTERS 4          /* names of 3 letters or fewer are skipped in text */
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
} Pair;

typedef struct
{
  guint32 exact_off;   /* candidates when the word ends with the key */
  guint32 n_exact;
  guint32 suffix_off;  /* candidates when a Cyrillic case ending follows */
  guint32 n_suffix;
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
  gint64        load_usec;
};

/* Common words that are also place names: never matched in running text. */
static const char *const stop_words[] = {
  /* English */
  "about", "after", "again", "against", "also", "among", "army", "attack", "before",
  "being", "border", "both", "city", "could", "defence", "defense", "during", "each",
  "east", "even", "first", "force", "forces", "from", "front", "have", "here", "into",
  "just", "last", "like", "local", "long", "main", "many", "march", "more", "most",
  "much", "must", "near", "news", "night", "north", "only", "other", "over", "peace",
  "said", "says", "since", "some", "south", "such", "than", "that", "their", "them",
  "then", "there", "these", "they", "this", "those", "three", "through", "under", "until",
  "very", "victory", "village", "were", "west", "what", "when", "where", "which", "while",
  "will", "with", "would", "year", "years", "mayor", "media", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "april",
  "june", "july", "august", "september", "october", "november", "december", "general",
  "president", "minister", "ministry", "state", "staff", "union", "central", "district",
  "region", "oblast", "russia", "russian", "ukraine", "ukrainian", "europe",
  "kremlin", "nato", "reuters", "according", "report", "reports", "reported", "officials",
  "military", "troops", "soldiers", "people", "civilians", "police", "government",
  "sources", "source", "damage", "damaged", "strike", "strikes", "drone", "drones",
  "missile", "missiles", "shelling", "artillery", "governor", "spokesman",
  "river", "lake", "hill", "forest", "station", "airport", "port", "bridge",
  "mira", "pobeda", "lenina", "sovetskaya", "komsomolskaya", "zarya", "rassvet",
  "oktyabrskaya", "pervomaiska", "iskra", "zoria", "zaria", "nadiia", "nadezhda", "vira",
  "liubov", "lubov", "maria", "mariia", "olga", "olha", "anna", "ivan", "petro", "pavlo",
  "mykola", "andrii", "oleksandr", "volodymyr", "vladimir", "sergei", "serhii", "yurii",
  "zelensky", "zelenskyy", "putin", "shoigu", "gerasimov", "syrskyi", "budanov",
  /* Ukrainian and Russian */
  "мир", "миру", "победа", "перемога", "ленина", "леніна", "дружба", "заря", "зоря",
  "надія", "надежда", "віра", "вера", "любов", "любовь", "схід", "захід", "південь",
  "північ", "восток", "запад", "юг", "север", "область", "район", "місто", "город",
  "село", "україна", "украина", "росія", "россия", "москва", "київщина", "степ", "степь",
  "сили", "силы", "армія", "армия", "удар", "удари", "удары", "фронт",
};

/* Ukrainian and Russian case endings after a stem (в Харкові, под Купянском, Харькова). */
static const char *const case_endings[] = {
  "а", "я", "у", "ю", "і", "и", "е", "є", "о", "ом", "ем", "єм", "ою", "ею", "ей", "ой",
  "ій", "ові", "еві", "ах", "ях", "ам", "ям", "ами", "ями", "ого", "его", "ому", "ему",
  "им", "ім", "ий", "ої", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "ым",
  "ими", "ыми", "ім", "ці", "ки", "ку", "ці", "ам", "ові",
};

static GHashTable *stop_set;

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
          KeyKind          kind)
{
  Pair p;

  if (sitrep_skeleton_n_letters (key) < MIN_LETTERS)
    return;
  if (g_hash_table_contains (stop_set, key))
    return;
  p.key = g_string_chunk_insert_const (self->keys_chunk, key);
  p.entry = entry;
  p.kind = kind;
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

  if (name == NULL || *name == '\0')
    return;
  sk = sitrep_gazetteer_normalize (name);
  len = strlen (sk);
  add_pair (self, pairs, sk, entry, KEY_EXACT);
  if (!contains_cyrillic (name) || len < 2)
    return;

  /* Feminine names in -ка take -ці in the locative: Іванівка, в Іванівці. */
  if (len > 2 && strcmp (sk + len - 2, "ka") == 0)
    {
      g_autofree char *loc = g_strdup_printf ("%.*stsi", (int) (len - 2), sk);
      add_pair (self, pairs, loc, entry, KEY_EXACT);
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
          add_pair (self, pairs, stem, entry, KEY_STEM);
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
init_static_sets (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      stop_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (stop_set, sitrep_gazetteer_normalize (stop_words[i]));
      g_once_init_leave (&once, 1);
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

  keys = (const char **) self->keys->pdata;
  self->trie = sitrep_trie_new (keys, self->keys->len);

  self->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (case_endings); i++)
    {
      char *sk = sitrep_gazetteer_normalize (case_endings[i]);

      /* After a stem ending in the same vowel, a doubled symbol collapses. */
      if (sk[0] != '\0' && sk[1] != '\0')
        g_hash_table_add (self->suffixes, g_strdup (sk + 1));
      g_hash_table_add (self->suffixes, sk);
    }
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

      /* Static libraries drop GResource constructors: register by hand (this makes
       * sitrep_extract_get_resource() valid and adds it to g_resources_*()). */
      sitrep_extract_register_resource ();
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

static inline gboolean
is_break (char c)
{
  return c == ' ' || c == '|';
}

/* Scans one piece of text: its skeleton is in s. */
static void
scan_skeleton (SitrepGazetteer      *self,
               const SitrepSkeleton *s,
               GArray               *matches)
{
  const char *sk = s->sk->str;
  gsize n = s->sk->len;
  const guint8 *flags = (const guint8 *) s->flags->data;
  const guint32 *starts = (const guint32 *) s->start->data;
  const guint32 *ends = (const guint32 *) s->end->data;
  const guint32 *pool = (const guint32 *) self->candidates->data;
  gsize i = 0;

  while (i < n)
    {
      guint32 node = sitrep_trie_root (self->trie);
      gsize best_end = 0;
      const guint32 *best_cands = NULL;
      guint best_n = 0;

      if (!(flags[i] & SITREP_SKEL_WORD_START) || !(flags[i] & SITREP_SKEL_UPPER))
        {
          i++;
          continue;
        }
      for (gsize j = i; j < n; j++)
        {
          guint32 key;

          node = sitrep_trie_step (self->trie, node, (guchar) sk[j]);
          if (node == SITREP_TRIE_NONE)
            break;
          key = sitrep_trie_value (self->trie, node);
          if (key == SITREP_TRIE_NONE)
            continue;
          {
            const KeyInfo *info = &g_array_index (self->key_info, KeyInfo, key);
            gsize w = j + 1;

            if (w == n || is_break (sk[w]))
              {
                if (info->n_exact > 0)
                  {
                    best_end = w;
                    best_cands = pool + info->exact_off;
                    best_n = info->n_exact;
                  }
                continue;
              }
            /* A Cyrillic case ending up to the end of the word. */
            if (flags[w] & SITREP_SKEL_CYRILLIC)
              {
                gsize t = w;
                char tail[MAX_SUFFIX + 1];

                while (t < n && !is_break (sk[t]) && t - w < MAX_SUFFIX)
                  t++;
                if (t == n || is_break (sk[t]))
                  {
                    memcpy (tail, sk + w, t - w);
                    tail[t - w] = '\0';
                    if (g_hash_table_contains (self->suffixes, tail))
                      {
                        best_end = t;
                        best_cands = pool + info->suffix_off;
                        best_n = info->n_suffix;
                      }
                  }
              }
          }
        }
      if (best_cands != NULL)
        {
          SitrepGazetteerMatch m;

          m.start = starts[i];
          m.end = ends[best_end - 1];
          m.n_candidates = best_n;
          m.candidates = best_cands;
          g_array_append_val (matches, m);
          i = best_end;
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
      g_string_truncate (s.sk, 0);
      g_array_set_size (s.start, 0);
      g_array_set_size (s.end, 0);
      g_array_set_size (s.flags, 0);
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
