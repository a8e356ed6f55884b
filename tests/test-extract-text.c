/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-text.c: sentences and their byte offsets, case folding, the lexicon pass,
 * and who a sentence is attributed to. */

#include <string.h>

#include "sitrep-extract-private.h"
#include "sitrep-lexicon.h"
#include "sitrep-text.h"

static char *
sentence (const char *text,
          GArray     *sentences,
          guint       i)
{
  SitrepSentence *s = &g_array_index (sentences, SitrepSentence, i);
  return g_strndup (text + s->start, s->end - s->start);
}

static void
test_split (void)
{
  const char *text =
    "KYIV, Nov. 24 (Reuters) - Russian forces struck Kharkiv at 10:30 a.m. on Monday, "
    "officials said. Gen. Oleksandr Syrskyi said the U.S. aid helped!  \"It was a hard day.\" "
    "Ракетний удар по м. Харків стався 24.11.2024 р. вранці. Он сказал: всё.\n"
    "A wrapped line that goes on\nin lower case. Next paragraph.\n\n\nLast one";
  g_autoptr (GArray) s = sitrep_text_split (text, strlen (text));
  const char *expected[] = {
    "KYIV, Nov. 24 (Reuters) - Russian forces struck Kharkiv at 10:30 a.m. on Monday, officials said.",
    "Gen. Oleksandr Syrskyi said the U.S. aid helped!",
    "\"It was a hard day.\"",
    "Ракетний удар по м. Харків стався 24.11.2024 р. вранці.",
    "Он сказал: всё.",
    "A wrapped line that goes on\nin lower case.",
    "Next paragraph.",
    "Last one",
  };

  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < s->len; i++)
    {
      g_autofree char *got = sentence (text, s, i);
      g_assert_cmpstr (got, ==, expected[i]);
    }
  /* paragraphs: the first five sentences share one line */
  g_assert_cmpuint (g_array_index (s, SitrepSentence, 0).paragraph, ==,
                    g_array_index (s, SitrepSentence, 4).paragraph);
  g_assert_cmpuint (g_array_index (s, SitrepSentence, 7).paragraph, >,
                    g_array_index (s, SitrepSentence, 6).paragraph);
}

static void
test_fold (void)
{
  const char *in = "ЄВРОПА Київ ҐАНОК Їжак ЁЛКА KHARKIV Straße";
  char out[128];
  gsize len = strlen (in);

  sitrep_text_fold (in, len, out);
  out[len] = '\0';
  g_assert_cmpuint (strlen (out), ==, len);
  g_assert_cmpstr (out, ==, "європа київ ґанок їжак ёлка kharkiv straße");
}

static GArray *
scan (const char *text,
      char      **folded_out)
{
  gsize len = strlen (text);
  char *folded = g_malloc (len + 1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SitrepLexMatch));
  sitrep_text_fold (text, len, folded);
  folded[len] = '\0';
  sitrep_lexicon_scan (sitrep_lexicon_get_default (), folded, len, out);
  *folded_out = folded;
  return out;
}

static gboolean
has_match (GArray            *m,
           const char        *text,
           SitrepLexCategory  category,
           const char        *as_written)
{
  for (guint i = 0; i < m->len; i++)
    {
      SitrepLexMatch *x = &g_array_index (m, SitrepLexMatch, i);
      if (x->entry->category == category && x->end - x->start == strlen (as_written) &&
          memcmp (text + x->start, as_written, x->end - x->start) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_lexicon (void)
{
  const char *text = "According to unconfirmed reports, Russian troops shelled the village; "
                     "обстрілювали Куп'янськ, ракетний удар, нанесли удар по Харькову.";
  g_autofree char *folded = NULL;
  g_autoptr (GArray) m = scan (text, &folded);

  /* the longest cue, not its parts */
  g_assert_true (has_match (m, text, SITREP_LEX_HEDGE, "According to unconfirmed reports"));
  g_assert_false (has_match (m, text, SITREP_LEX_HEDGE, "unconfirmed"));
  g_assert_true (has_match (m, text, SITREP_LEX_TRIGGER, "shelled"));
  g_assert_true (has_match (m, text, SITREP_LEX_ACTOR, "Russian troops"));
  /* inflected Ukrainian and Russian by word stems */
  g_assert_true (has_match (m, text, SITREP_LEX_TRIGGER, "обстрілювали"));
  g_assert_true (has_match (m, text, SITREP_LEX_TRIGGER, "ракетний удар"));
  g_assert_true (has_match (m, text, SITREP_LEX_TRIGGER, "нанесли удар"));
  /* whole words only: "shelled" is not in "nutshelled" */
  {
    g_autofree char *f2 = NULL;
    g_autoptr (GArray) m2 = scan ("a nutshelled strikeout", &f2);
    g_assert_false (has_match (m2, "a nutshelled strikeout", SITREP_LEX_TRIGGER, "shelled"));
    g_assert_cmpuint (m2->len, ==, 0);
  }
}

typedef struct
{
  const char *text;
  gboolean attributed;
  const char *who;
  const char *role;
  const char *affiliation;
  SitrepSourceKind kind;
} AttrCase;

static void
test_attribution (void)
{
  static const AttrCase cases[] = {
    { "Ukrainian military expert Andrei Marocho provided an assessment, stating that losses were high.",
      TRUE, "Andrei Marocho", "military expert", "Ukrainian", SITREP_SOURCE_EXPERT },
    { "The town was hit overnight, regional governor Oleh Syniehubov said.", TRUE,
      "Oleh Syniehubov", "governor", NULL, SITREP_SOURCE_OFFICIAL },
    { "According to Ukraine's General Staff, 38 attacks were repelled.", TRUE,
      "Ukraine's General Staff", NULL, NULL, SITREP_SOURCE_MILITARY },
    { "Witnesses on the ground described the explosions as devastating.", TRUE, NULL, NULL, NULL,
      SITREP_SOURCE_WITNESS },
    { "Satellite imagery and local reports suggest that the factory was damaged.", TRUE, NULL,
      NULL, NULL, SITREP_SOURCE_SATELLITE },
    { "The strike killed two, a source in the security service said.", TRUE, NULL, NULL, NULL,
      SITREP_SOURCE_ANONYMOUS },
    { "\"The claims are false,\" said Viktor Tregubov, a spokesman for the Khortytsia group.",
      TRUE, "Viktor Tregubov", NULL, NULL, SITREP_SOURCE_OFFICIAL },
    { "Russian forces shelled Kupiansk on Monday.", FALSE, NULL, NULL, NULL, SITREP_SOURCE_MEDIA },
    { "Об этом сообщил губернатор Вячеслав Гладков.", TRUE, "Вячеслав Гладков", "губернатор", NULL,
      SITREP_SOURCE_OFFICIAL },
    { "За словами експерта, ворог втратив 20 танків.", TRUE, NULL, NULL, NULL, SITREP_SOURCE_EXPERT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AttrCase *c = &cases[i];
      g_autofree char *folded = NULL;
      g_autoptr (GArray) m = scan (c->text, &folded);
      SitrepSentenceView view = { c->text, folded, 0, strlen (c->text),
                                  m->len ? &g_array_index (m, SitrepLexMatch, 0) : NULL, m->len };
      SitrepAttribution a;

      g_test_message ("%s", c->text);
      sitrep_attribution_parse (&view, &a);
      g_assert_cmpint (a.attributed, ==, c->attributed);
      g_assert_cmpstr (a.attributed_to, ==, c->who);
      if (c->role != NULL)
        g_assert_cmpstr (a.role, ==, c->role);
      if (c->affiliation != NULL)
        g_assert_cmpstr (a.affiliation, ==, c->affiliation);
      g_assert_cmpint (a.source_kind, ==, c->kind);
      sitrep_attribution_clear (&a);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/text/split", test_split);
  g_test_add_func ("/extract/text/fold", test_fold);
  g_test_add_func ("/extract/text/lexicon", test_lexicon);
  g_test_add_func ("/extract/text/attribution", test_attribution);
  return g_test_run ();
}
