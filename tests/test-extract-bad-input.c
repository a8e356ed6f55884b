/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-bad-input.c: files that are no articles get a clear message with their name
 * and exit status 1, the other files are still processed, and nothing crashes. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "extract-test-util.h"

static const char *cli_path;

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_checks (void)
{
  static const struct { const char *data; gssize len; int code; } cases[] = {
    { "", 0, SITREP_EXTRACT_ERROR_EMPTY },
    { " \n\t\n", -1, SITREP_EXTRACT_ERROR_EMPTY },
    { "PK\003\004\0\0binary", 12, SITREP_EXTRACT_ERROR_BINARY },
    { "Russian forces shelled Kupiansk \xff\xfe today.", -1, SITREP_EXTRACT_ERROR_ENCODING },
    { "<!DOCTYPE html><html><body><p>Shelling</p></body></html>", -1, SITREP_EXTRACT_ERROR_HTML },
    { "<div class=\"story\"><p>Russian forces shelled Kupiansk.</p></div>", -1,
      SITREP_EXTRACT_ERROR_HTML },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gsize len = cases[i].len < 0 ? strlen (cases[i].data) : (gsize) cases[i].len;
      g_assert_false (sitrep_text_check (cases[i].data, len, "bad.txt", &error));
      g_assert_error (error, SITREP_EXTRACT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "bad.txt"));
    }
  {
    g_autoptr (GError) error = NULL;
    const char *t = "line one\nRussian forces shelled \xc3\x28 Kupiansk.";
    g_assert_false (sitrep_text_check (t, strlen (t), "bad.txt", &error));
    /* the line is named */
    g_assert_nonnull (strstr (error->message, "bad.txt:2"));
  }
  {
    /* "a < b" in prose is not markup */
    g_autoptr (GError) error = NULL;
    const char *t = "Losses were < 100, officials said, and the front held.";
    g_assert_true (sitrep_text_check (t, strlen (t), "ok.txt", &error));
  }
}

static void
test_long_line (void)
{
  /* 4 MB with no newline and no full stop: split into bounded sentences, no crash. */
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);
  g_autoptr (SitrepDocument) doc = sitrep_document_new ();
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GArray) sentences = NULL;

  while (s->len < 4 * 1024 * 1024)
    g_string_append (s, "russian forces shelled kupiansk and the strike hit a depot near izium ");
  sentences = sitrep_text_split (s->str, s->len);
  for (guint i = 0; i < sentences->len; i++)
    {
      SitrepSentence *st = &g_array_index (sentences, SitrepSentence, i);
      g_assert_cmpuint (st->end - st->start, <=, 4000);
    }
  doc->text = g_string_free (g_steal_pointer (&s), FALSE);
  doc->published = 1732492800;
  events = sitrep_extractor_extract (extractor, doc, "long.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (events);
}

/* Inputs the fuzzer found crashing, replayed here (under ASan/UBSan in the -asan copy):
 * every file in fuzz/regressions/fuzz-extract/ extracts without a crash. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("SITREP_TEST_SRCDIR"), "..", "fuzz",
                                                "regressions", "fuzz-extract", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr (SitrepExtractor) extractor = NULL;
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  extractor = sitrep_extractor_new (NULL, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr (SitrepDocument) doc = sitrep_document_new ();
      g_autoptr (GPtrArray) events = NULL;
      g_autoptr (GError) local_error = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &doc->text, &len, NULL));
      doc->published = 1732492800;
      events = sitrep_extractor_extract (extractor, doc, name, &local_error);
      g_assert_true (events != NULL || local_error != NULL);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Fixture articles cut, spliced and sprinkled with punctuation, digits and Cyrillic at
 * random (fixed seed): the extractor returns events whose quotes are their bytes, or an
 * error, and never reads out of bounds (this file also runs under ASan and UBSan). */
static void
test_mutations (void)
{
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "extract", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);
  /* SITREP_FUZZ_SEED / SITREP_FUZZ_ROUNDS run it longer, with another seed */
  const char *seed_env = g_getenv ("SITREP_FUZZ_SEED");
  const char *rounds_env = g_getenv ("SITREP_FUZZ_ROUNDS");
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed_env ? atoi (seed_env) : 20241125);
  guint rounds = rounds_env ? (guint) atoi (rounds_env) : 400;
  static const char *const bits[] = {
    ".", ". ", "\n", ",", "\"", "«", "»", "—", "’", "24", "1,500", "10:30 a.m.", "between ",
    " and ", "Nov. ", "листопада", "ноября", "the strike", "said", "according to ", "near ",
    "Kupiansk", "Куп’янськ", "Харьковской области", "(", ")", "  ", "on the night of ", "-",
    "killed ", "up to ", "if accurate", "Ё", "ґ", "a.m.", "0", "99999999999999999999",
  };
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *text = NULL;
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        g_ptr_array_add (texts, text);
      }
  g_assert_cmpuint (texts->len, >, 0);

  for (guint round = 0; round < rounds; round++)
    {
      const char *a = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));
      const char *b = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));
      g_autoptr (GString) s = g_string_new (NULL);
      g_autoptr (SitrepDocument) doc = sitrep_document_new ();
      g_autoptr (GPtrArray) events = NULL;
      g_autoptr (GError) ferror = NULL;
      const char *end;
      gsize cut;

      /* a prefix of one article, a suffix of another, cut on character boundaries */
      cut = g_rand_int_range (rand, 0, strlen (a) + 1);
      end = g_utf8_find_prev_char (a, a + cut);
      g_string_append_len (s, a, end ? end - a : 0);
      cut = g_rand_int_range (rand, 0, strlen (b) + 1);
      end = g_utf8_find_next_char (b + cut, NULL);
      if (end != NULL && end <= b + strlen (b))
        g_string_append (s, end);
      for (int k = g_rand_int_range (rand, 0, 12); k > 0; k--)
        {
          gsize at = s->len ? g_rand_int_range (rand, 0, s->len) : 0;
          const char *p = g_utf8_find_prev_char (s->str, s->str + at);
          g_string_insert (s, p ? p - s->str : 0, bits[g_rand_int_range (rand, 0, G_N_ELEMENTS (bits))]);
        }
      doc->text = g_strdup (s->str);
      doc->published = 1732492800;
      events = sitrep_extractor_extract (extractor, doc, "mutated", &ferror);
      if (events == NULL)
        {
          g_assert_nonnull (ferror);
          continue;
        }
      for (guint e = 0; e < events->len; e++)
        {
          SitrepEvent *ev = g_ptr_array_index (events, e);
          g_assert_cmpint (ev->end, >, ev->start);
          for (guint c = 0; c < ev->claims->len; c++)
            {
              SitrepClaim *cl = g_ptr_array_index (ev->claims, c);
              g_assert_cmpint (cl->span_end, <=, (gint64) s->len);
              g_assert_cmpint (memcmp (s->str + cl->span_start, cl->quote, cl->span_end - cl->span_start), ==, 0);
              g_assert_true (g_utf8_validate (cl->quote, -1, NULL));
            }
          for (guint f = 0; f < ev->figures->len; f++)
            g_assert_cmpint (g_array_index (ev->figures, SitrepFigure, f).claim_index, <,
                             (int) ev->claims->len);
        }
    }
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitrep-bad-input-XXXXXX", NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *big = NULL;
  const gsize big_len = 50 * 1000 * 1000;
  g_auto (GStrv) lines = NULL;
  guint n_events = 0;

  if (cli_path == NULL)
    {
      g_test_message ("no sitrep-cli given (--cli PATH)");
      g_test_fail ();
      return;
    }
  g_ptr_array_add (paths, write_file (dir, "empty.txt", "", 0));
  g_ptr_array_add (paths, write_file (dir, "binary.bin", "\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
  g_ptr_array_add (paths, write_file (dir, "latin1.txt", "Russian forces shelled Kharkiv \xe9t\xe9.\n", -1));
  g_ptr_array_add (paths, write_file (dir, "page.html",
                                      "<!doctype html>\n<html><head><title>x</title></head><body>"
                                      "<p>Russian forces shelled Kupiansk on Monday.</p></body></html>\n", -1));
  big = g_malloc (big_len);
  memset (big, 'a', big_len);
  for (gsize i = 7; i < big_len; i += 8)
    big[i] = ' ';
  g_ptr_array_add (paths, write_file (dir, "huge-no-newline.txt", big, big_len));
  g_clear_pointer (&big, g_free);
  g_ptr_array_add (paths, write_file (dir, "good.txt",
                                      "Russian forces shelled Kupiansk on November 20, killing two "
                                      "people, regional governor Oleh Syniehubov said.\n", -1));
  g_ptr_array_add (paths, g_build_filename (dir, "missing.txt", NULL));

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, "extract");
  g_ptr_array_add (argv, "--published");
  g_ptr_array_add (argv, "2024-11-21");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("stderr:\n%s", err);

  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  /* every bad file is named on stderr, with what is wrong */
  for (guint i = 0; i + 2 < paths->len; i++)
    g_assert_nonnull (strstr (err, g_ptr_array_index (paths, i)));
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_assert_nonnull (strstr (err, "empty"));
  g_assert_nonnull (strstr (err, "binary"));
  g_assert_nonnull (strstr (err, "UTF-8"));
  g_assert_nonnull (strstr (err, "HTML"));
  g_assert_nonnull (strstr (err, "larger than any article"));
  /* the good file still gave its event, and stdout has nothing but JSON lines */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      g_assert_no_error (error);
      n_events++;
    }
  g_assert_cmpuint (n_events, ==, 1);
  g_assert_nonnull (strstr (out, "\"Kupiansk\""));

  for (guint i = 0; i < paths->len; i++)
    g_remove (g_ptr_array_index (paths, i));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "--cli") == 0)
      cli_path = argv[i + 1];
  if (cli_path == NULL)
    cli_path = g_getenv ("SITREP_CLI");
  g_test_add_func ("/extract/bad-input/checks", test_checks);
  g_test_add_func ("/extract/bad-input/long-line", test_long_line);
  g_test_add_func ("/extract/bad-input/mutations", test_mutations);
  g_test_add_func ("/extract/bad-input/cli", test_cli);
  g_test_add_func ("/extract/bad-input/fuzz-regressions", test_fuzz_regressions);
  return g_test_run ();
}
