/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gazetteer.c: place names match across scripts and spellings, at the right offsets. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "sitrep-gazetteer.h"

static SitrepGazetteer *
gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  SitrepGazetteer *g = sitrep_gazetteer_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (g);
  return g;
}

/* Scans text, which must be one place name as written (maybe with a case ending), and
 * resolves it without hint or context. */
static const SitrepGazetteerEntry *
resolve_name (const char *text)
{
  SitrepGazetteer *g = gazetteer ();
  g_autoptr(GArray) matches = sitrep_gazetteer_scan (g, text, -1);
  const SitrepGazetteerMatch *m;
  guint32 id;

  if (matches->len != 1)
    g_error ("“%s”: %u matches, expected 1", text, matches->len);
  m = &g_array_index (matches, SitrepGazetteerMatch, 0);
  g_assert_cmpuint (m->start, ==, 0);
  /* The English possessive is not part of the name as written. */
  if (g_str_has_suffix (text, "'s"))
    g_assert_cmpuint (m->end, ==, strlen (text) - 2);
  else
    g_assert_cmpuint (m->end, ==, strlen (text));
  id = sitrep_gazetteer_resolve (g, m, NULL, NULL, 0);
  if (id == G_MAXUINT32)
    g_error ("“%s”: ambiguous among %u candidates", text, m->n_candidates);
  return sitrep_gazetteer_get_entry (g, id);
}

static void
assert_all_resolve_to (const char *const *names,
                       guint32            geonameid)
{
  for (; *names != NULL; names++)
    {
      const SitrepGazetteerEntry *e = resolve_name (*names);

      if (e->geonameid != geonameid)
        g_error ("“%s” resolved to %s (geonameid %u), expected geonameid %u",
                 *names, e->name, e->geonameid, geonameid);
    }
}

static void
test_kupiansk_vuzlovyi (void)
{
  const char *names[] = {
    "Kupiansk-Vuzlovyi", "Kupyansk-Uzlovoy", "Kupyansk Uzlovoy", "Куп'янськ-Вузловий",
    "Куп’янськ-Вузловий", "Купʼянськ-Вузловий", "Купянск-Узловой", "KUPIANSK-VUZLOVYI",
    "Kupiansk–Vuzlovyi", NULL,
  };
  const SitrepGazetteerEntry *e;

  assert_all_resolve_to (names, 703652);
  e = resolve_name ("Kupyansk-Uzlovoy");
  g_assert_cmpfloat_with_epsilon (e->lat, 49.67061, 0.01);
  g_assert_cmpfloat_with_epsilon (e->lon, 37.64319, 0.01);
  g_assert_cmpstr (e->name, ==, "Kupiansk-Vuzlovyi");
  g_assert_cmpstr (e->admin1, ==, "Kharkiv Oblast");
  g_assert_cmpstr (e->country, ==, "UA");
  g_assert_cmpint (e->feature, ==, SITREP_GAZETTEER_SETTLEMENT);
  g_assert_true (g_str_has_prefix (e->katottg, "UA6308"));
}

static void
test_spelling_pairs (void)
{
  const char *kharkiv[] = { "Kharkiv", "Kharkov", "Харків", "Харьков", "Харкові", "Харькова",
                            "Харькове", "Kharkiv's", NULL };
  const char *vovchansk[] = { "Vovchansk", "Volchansk", "Вовчанськ", "Волчанск", "Вовчанську",
                              NULL };
  const char *izium[] = { "Izium", "Izyum", "Ізюм", "Изюм", "Ізюмі", "Изюма", NULL };
  const char *kupiansk[] = { "Kupiansk", "Kupyansk", "Куп'янськ", "Купянск", "Купянском",
                             "Куп’янську", NULL };
  const char *bakhmut[] = { "Bakhmut", "Artemivsk", "Artyomovsk", "Артемівськ", "Артёмовск",
                            NULL };

  assert_all_resolve_to (kharkiv, 706483);
  assert_all_resolve_to (vovchansk, 689304);
  assert_all_resolve_to (izium, 707292);
  assert_all_resolve_to (kupiansk, 703656);
  assert_all_resolve_to (bakhmut, 713174);
}

static void
test_normalize (void)
{
  const char *groups[][6] = {
    { "Kharkiv", "Kharkov", "Харків", "Харьков", "KHARKIV", NULL },
    { "Vovchansk", "Volchansk", "Вовчанськ", "Волчанск", NULL },
    { "Izium", "Izyum", "Ізюм", "Изюм", NULL },
    { "Artemivsk", "Artyomovsk", "Артемівськ", "Артёмовск", "Артемовск", NULL },
    { "Kupiansk", "Kupyansk", "Kupjansk", "Куп'янськ", "Купянск", NULL },
    { "Куп'янськ", "Куп’янськ", "Купʼянськ", "Куп`янськ", "Куп´янськ", "Куп‘янськ" },
    { "Kupiansk-Vuzlovyi", "Kupiansk Vuzlovyi", "Kupiansk – Vuzlovyi", "Kupiansk—Vuzlovyi",
      "kupiansk-vuzlovyi", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *first = sitrep_gazetteer_normalize (groups[i][0]);

      g_assert_cmpstr (first, !=, "");
      for (guint k = 1; k < 6 && groups[i][k] != NULL; k++)
        {
          g_autofree char *other = sitrep_gazetteer_normalize (groups[i][k]);
          if (g_strcmp0 (first, other) != 0)
            g_error ("“%s” → “%s” but “%s” → “%s”", groups[i][0], first, groups[i][k], other);
        }
    }
  {
    g_autofree char *a = sitrep_gazetteer_normalize ("Kharkiv");
    g_autofree char *b = sitrep_gazetteer_normalize ("Kherson");
    g_autofree char *c = sitrep_gazetteer_normalize ("Kupiansk");
    g_autofree char *d = sitrep_gazetteer_normalize ("Kupiansk-Vuzlovyi");

    g_assert_cmpstr (a, !=, b);
    g_assert_cmpstr (c, !=, d);
  }
}

typedef struct
{
  const char *as_written;
  guint32     geonameid;  /* 0: a REGION, checked by admin1 below */
  const char *admin1;
} Expected;

static void
test_scan_offsets (void)
{
  /* Mixed English, Ukrainian and Russian, with multibyte punctuation before the names so
   * that byte and character offsets differ. */
  const char *text =
    "KHARKIV, Ukraine — Russian forces shelled Kupyansk-Uzlovoy overnight, the “Kharkiv "
    "region” governor said; drones also hit Izyum’s outskirts and Kupiansk's rail yard.\n"
    "Ukrainian officials said Volchansk was quiet. Біля Ізюма та у Куп’янську-Вузловому "
    "лунали вибухи, повідомила Харківська обласна адміністрація. "
    "По данным Минобороны, под Купянском и в Харьковской области продолжаются бои.";
  const Expected expected[] = {
    { "KHARKIV", 706483, NULL },
    { "Kupyansk-Uzlovoy", 703652, NULL },
    { "Kharkiv region", 0, "Kharkiv Oblast" },
    { "Izyum", 707292, NULL },
    { "Kupiansk", 703656, NULL },
    { "Volchansk", 689304, NULL },
    { "Ізюма", 707292, NULL },
    { "Куп’янську-Вузловому", 703652, NULL },
    { "Купянском", 703656, NULL },
    { "Харьковской области", 0, "Kharkiv Oblast" },
  };
  SitrepGazetteer *g = gazetteer ();
  g_autoptr(GArray) matches = sitrep_gazetteer_scan (g, text, -1);
  guint k = 0;

  for (guint i = 0; i < matches->len; i++)
    {
      const SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, i);
      g_autofree char *written = g_strndup (text + m->start, m->end - m->start);
      guint32 id;
      const SitrepGazetteerEntry *e;

      /* "Харківська обласна адміністрація" names the oblast's administration, not a place
       * this list expects: skip anything not expected, but in order. */
      if (k >= G_N_ELEMENTS (expected) || strcmp (written, expected[k].as_written) != 0)
        {
          g_test_message ("extra match “%s”", written);
          g_assert_false (g_str_equal (written, "Ukraine"));
          continue;
        }
      g_assert_true (g_utf8_validate (written, -1, NULL));
      id = sitrep_gazetteer_resolve (g, m, NULL, NULL, 0);
      g_assert_cmpuint (id, !=, G_MAXUINT32);
      e = sitrep_gazetteer_get_entry (g, id);
      if (expected[k].geonameid != 0)
        g_assert_cmpuint (e->geonameid, ==, expected[k].geonameid);
      else
        {
          g_assert_cmpint (e->feature, ==, SITREP_GAZETTEER_REGION);
          g_assert_cmpstr (e->admin1, ==, expected[k].admin1);
        }
      k++;
    }
  if (k != G_N_ELEMENTS (expected))
    g_error ("found %u of %zu expected names; next missing: “%s”", k,
             G_N_ELEMENTS (expected), expected[k].as_written);
}

static void
test_word_boundaries (void)
{
  SitrepGazetteer *g = gazetteer ();
  const char *no_match[] = {
    "Iziumx", "xIzium", "Kharkivx", "kharkiv", "Mir", "Lenina", "Pobeda", "Мир", "Izium1x",
    /* common words, people and adjectives that are also place names */
    "Some said.", "Never again.", "Volodymyr Zelensky said.", "Andrei Petrov said.",
    "Mayor Terekhov said.", "JSON", "Харківська обласна військова адміністрація",
    "Біля школи.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (no_match); i++)
    {
      g_autoptr(GArray) m = sitrep_gazetteer_scan (g, no_match[i], -1);
      if (m->len != 0)
        g_error ("“%s” matched a place", no_match[i]);
    }
  {
    /* Punctuation around a name is not part of it. */
    const char *text = "(Izium), \"Kharkiv\".";
    g_autoptr(GArray) m = sitrep_gazetteer_scan (g, text, -1);

    g_assert_cmpuint (m->len, ==, 2);
    g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 0).start, ==, 1);
    g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 0).end, ==, 6);
    g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 1).start, ==, 10);
    g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 1).end, ==, 17);
  }
  {
    /* The longest name wins over its first word. */
    g_autoptr(GArray) m = sitrep_gazetteer_scan (g, "Kupiansk-Vuzlovyi", -1);

    g_assert_cmpuint (m->len, ==, 1);
    g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 0).end, ==, 17);
  }
}

static gboolean
in_admin1 (SitrepGazetteer *g,
           guint32          id,
           const char      *admin1)
{
  return g_str_equal (sitrep_gazetteer_get_entry (g, id)->admin1, admin1);
}

static void
test_ambiguous (void)
{
  SitrepGazetteer *g = gazetteer ();
  g_autoptr(GArray) matches = sitrep_gazetteer_scan (g, "Ivanivka", -1);
  const SitrepGazetteerMatch *m;
  guint32 id, near = G_MAXUINT32, target = G_MAXUINT32;
  double best = G_MAXDOUBLE;
  const SitrepGazetteerEntry *t;
  g_autoptr(GHashTable) per_oblast = g_hash_table_new (g_str_hash, g_str_equal);
  const char *single_oblast = NULL;

  g_assert_cmpuint (matches->len, ==, 1);
  m = &g_array_index (matches, SitrepGazetteerMatch, 0);
  g_assert_cmpuint (m->n_candidates, >, 10);

  /* Without hint and context it stays ambiguous: never silently the first row. */
  g_assert_cmpuint (sitrep_gazetteer_resolve (g, m, NULL, NULL, 0), ==, G_MAXUINT32);

  /* An oblast with a single Ivanivka: the hint alone decides. */
  for (guint i = 0; i < m->n_candidates; i++)
    {
      const char *a1 = sitrep_gazetteer_get_entry (g, m->candidates[i])->admin1;
      g_hash_table_insert (per_oblast, (gpointer) a1,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_oblast, a1)) + 1));
    }
  for (guint i = 0; i < m->n_candidates && single_oblast == NULL; i++)
    {
      const char *a1 = sitrep_gazetteer_get_entry (g, m->candidates[i])->admin1;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (per_oblast, a1)) == 1)
        single_oblast = a1;
    }
  g_assert_nonnull (single_oblast);
  id = sitrep_gazetteer_resolve (g, m, single_oblast, NULL, 0);
  g_assert_cmpuint (id, !=, G_MAXUINT32);
  g_assert_true (in_admin1 (g, id, single_oblast));

  /* Kharkiv Oblast has several: the hint and a place named nearby decide.  Take one of
   * them, and as context the nearest settlement that is not an Ivanivka. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_oblast, "Kharkiv Oblast")), >, 1);
  for (guint i = 0; i < m->n_candidates && target == G_MAXUINT32; i++)
    if (in_admin1 (g, m->candidates[i], "Kharkiv Oblast")
        && g_str_equal (sitrep_gazetteer_get_entry (g, m->candidates[i])->name, "Ivanivka"))
      target = m->candidates[i];
  t = sitrep_gazetteer_get_entry (g, target);
  for (guint32 k = 0; k < sitrep_gazetteer_get_n_entries (g); k++)
    {
      const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (g, k);
      double d = (e->lat - t->lat) * (e->lat - t->lat) + (e->lon - t->lon) * (e->lon - t->lon);

      if (k != target && e->feature == SITREP_GAZETTEER_SETTLEMENT && d < best
          && strstr (e->name, "Ivan") == NULL)
        {
          best = d;
          near = k;
        }
    }
  id = sitrep_gazetteer_resolve (g, m, "Kharkiv Oblast", &near, 1);
  g_assert_cmpuint (id, ==, target);
  /* The same context decides without the hint too. */
  id = sitrep_gazetteer_resolve (g, m, NULL, &near, 1);
  g_assert_cmpuint (id, ==, target);
  /* With the hint only, several Ivanivkas of Kharkiv Oblast remain: ambiguous. */
  g_assert_cmpuint (sitrep_gazetteer_resolve (g, m, "Kharkiv Oblast", NULL, 0), ==, G_MAXUINT32);

  /* lookup() puts the hinted oblast first. */
  {
    g_autoptr(GArray) ids = sitrep_gazetteer_lookup (g, "Іванівка", "Kharkiv Oblast");

    g_assert_nonnull (ids);
    g_assert_cmpuint (ids->len, >, 10);
    g_assert_true (in_admin1 (g, g_array_index (ids, guint32, 0), "Kharkiv Oblast"));
  }
}

static void
test_regions (void)
{
  const char *names[] = {
    "Kharkiv region", "Kharkiv Oblast", "Kharkiv oblast", "Kharkov region",
    "Харківська область", "Харьковской области", "Харківській області", "Харківщина",
    "Kharkivshchyna",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const SitrepGazetteerEntry *e = resolve_name (names[i]);

      if (e->feature != SITREP_GAZETTEER_REGION || !g_str_equal (e->admin1, "Kharkiv Oblast"))
        g_error ("“%s” resolved to %s, not the Kharkiv Oblast region", names[i], e->name);
    }
  /* Crimea and Sevastopol are Ukraine. */
  g_assert_cmpstr (resolve_name ("Sevastopol")->country, ==, "UA");
  g_assert_cmpstr (resolve_name ("Crimea")->country, ==, "UA");
  g_assert_cmpstr (resolve_name ("Simferopol")->admin1, ==, "Autonomous Republic of Crimea");
  /* Across the border. */
  g_assert_cmpstr (resolve_name ("Belgorod")->country, ==, "RU");
  g_assert_cmpstr (resolve_name ("Белгород")->country, ==, "RU");
  g_assert_cmpstr (resolve_name ("Belgorod region")->name, ==, "Belgorod Oblast");
}

static void
test_lookup (void)
{
  SitrepGazetteer *g = gazetteer ();
  g_autoptr(GArray) ids = sitrep_gazetteer_lookup (g, "kharkov", NULL);
  g_autoptr(GArray) none = sitrep_gazetteer_lookup (g, "Qwxzzy", NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (sitrep_gazetteer_get_entry (g, g_array_index (ids, guint32, 0))->geonameid, ==,
                    706483);
  g_assert_null (none);
  g_assert_null (sitrep_gazetteer_get_entry (g, sitrep_gazetteer_get_n_entries (g)));
}

static void
test_bad_input (void)
{
  SitrepGazetteer *g = gazetteer ();
  /* Invalid UTF-8 and NULs around a name: no crash, the name is still found. */
  const char text[] = "\xff\xfe Kharkiv \xc3\x28 \0 Izium \xe2\x82";
  g_autoptr(GArray) m = sitrep_gazetteer_scan (g, text, sizeof text - 1);
  g_autoptr(GArray) empty = sitrep_gazetteer_scan (g, "", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *norm = sitrep_gazetteer_normalize ("\xff\xfe");
  int fd;

  g_assert_cmpuint (m->len, ==, 2);
  g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 0).start, ==, 3);
  g_assert_cmpuint (g_array_index (m, SitrepGazetteerMatch, 1).start, ==, 16);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpstr (norm, ==, "");

  /* A file that is not a gazetteer: an error naming it. */
  fd = g_file_open_tmp ("sitrep-gazetteer-XXXXXX.gz", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "not gzip", -1, NULL));
  close (fd);
  g_assert_null (sitrep_gazetteer_new_from_file (path, &error));
  g_assert_error (error, SITREP_GAZETTEER_ERROR, SITREP_GAZETTEER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
}

/* Every town of 20,000 people or more, and every oblast, is found by each of its names in
 * a sentence: no stop word, adjective or rule hides one. */
static void
test_all_towns (void)
{
  SitrepGazetteer *g = gazetteer ();
  guint n_checked = 0, n_failed = 0;

  for (guint32 id = 0; id < sitrep_gazetteer_get_n_entries (g); id++)
    {
      const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (g, id);
      const char *names[] = { e->name, e->name_uk, e->name_ru };

      if (!(e->feature == SITREP_GAZETTEER_REGION
            || (e->feature == SITREP_GAZETTEER_SETTLEMENT && e->population >= 20000)))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *text = NULL;
          g_autoptr(GArray) m = NULL;
          gsize at, len;
          gboolean found = FALSE;

          if (names[k] == NULL || g_utf8_strlen (names[k], -1) <= 3)
            continue;
          text = g_strdup_printf ("Officials in %s said.", names[k]);
          at = strlen ("Officials in ");
          m = sitrep_gazetteer_scan (g, text, -1);
          /* A final apostrophe (Rossosh’, a transliterated soft sign) is not part of the
           * name as written. */
          len = strlen (names[k]);
          if (g_str_has_suffix (names[k], "’"))
            len -= strlen ("’");
          else if (g_str_has_suffix (names[k], "'"))
            len--;
          for (guint i = 0; i < m->len; i++)
            {
              const SitrepGazetteerMatch *x = &g_array_index (m, SitrepGazetteerMatch, i);

              if (x->start != at || x->end != at + len)
                continue;
              for (guint c = 0; c < x->n_candidates; c++)
                found |= x->candidates[c] == id;
            }
          n_checked++;
          if (!found)
            {
              n_failed++;
              g_test_message ("not found: “%s” (%s, %s)", names[k], e->name, e->admin1);
            }
        }
    }
  g_test_message ("%u names checked", n_checked);
  g_assert_cmpuint (n_checked, >, 500);
  g_assert_cmpuint (n_failed, ==, 0);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* The committed table, the compiled-in one and SOURCES.md agree, so that the script's
 * output and the table cannot drift silently. */
static void
test_sources_manifest (void)
{
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  g_autofree char *table = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *data = NULL;
  g_autofree char *md = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GBytes) res_bytes = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *res_sha = NULL;
  SitrepGazetteer *g = gazetteer ();

  g_assert_nonnull (srcdir);
  table = g_build_filename (srcdir, "..", "data", "gazetteer", "gazetteer.tsv.gz", NULL);
  manifest = g_build_filename (srcdir, "..", "data", "gazetteer", "SOURCES.md", NULL);
  g_file_get_contents (table, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, <, 4 * 1024 * 1024);
  file_bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  sha = sha256_of (file_bytes);
  g_file_get_contents (manifest, &md, NULL, &error);
  g_assert_no_error (error);
  if (strstr (md, sha) == NULL)
    g_error ("%s has sha256 %s, which %s does not record: run "
             "tools/gazetteer/build-gazetteer.py again", table, sha, manifest);

  g_assert_nonnull (g);
  res_bytes = g_resources_lookup_data ("/io/github/sitrep/Sitrep/gazetteer/gazetteer.tsv.gz",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  res_sha = sha256_of (res_bytes);
  g_assert_cmpstr (res_sha, ==, sha);

  /* The same file loads like the built-in table. */
  {
    SitrepGazetteer *f = sitrep_gazetteer_new_from_file (table, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sitrep_gazetteer_get_n_entries (f), ==, sitrep_gazetteer_get_n_entries (g));
    g_assert_cmpuint (sitrep_gazetteer_get_n_entries (f), >, 30000);
    sitrep_gazetteer_free (f);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/kupiansk-vuzlovyi", test_kupiansk_vuzlovyi);
  g_test_add_func ("/gazetteer/spelling-pairs", test_spelling_pairs);
  g_test_add_func ("/gazetteer/normalize", test_normalize);
  g_test_add_func ("/gazetteer/scan-offsets", test_scan_offsets);
  g_test_add_func ("/gazetteer/word-boundaries", test_word_boundaries);
  g_test_add_func ("/gazetteer/ambiguous", test_ambiguous);
  g_test_add_func ("/gazetteer/regions", test_regions);
  g_test_add_func ("/gazetteer/lookup", test_lookup);
  g_test_add_func ("/gazetteer/bad-input", test_bad_input);
  g_test_add_func ("/gazetteer/all-towns", test_all_towns);
  g_test_add_func ("/gazetteer/sources-manifest", test_sources_manifest);

  return g_test_run ();
}
