/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract-test-util.h: what the extract tests share: finding files, running the extractor. */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "sitrep-extract-json.h"
#include "sitrep-extractor.h"

/* The shared data (seed article, gazetteer sources) lives beside the clone:
 * $SITREP_SHARED_DIR, else tests/../../shared, else tests/../../../shared (a worktree one
 * level deeper). NULL when none exists. */
static inline char *
extract_test_shared_path (const char *relative)
{
  const char *env = g_getenv ("SITREP_SHARED_DIR");
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  char *candidates[3] = { NULL, NULL, NULL };
  char *found = NULL;

  if (env != NULL)
    candidates[0] = g_build_filename (env, relative, NULL);
  if (srcdir != NULL)
    {
      candidates[1] = g_build_filename (srcdir, "..", "..", "shared", relative, NULL);
      candidates[2] = g_build_filename (srcdir, "..", "..", "..", "shared", relative, NULL);
    }
  for (int i = 0; i < 3; i++)
    if (found == NULL && candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      found = g_strdup (candidates[i]);
  for (int i = 0; i < 3; i++)
    g_free (candidates[i]);
  return found;
}

/* Extracts path as published on iso_day; the events as JSON objects (a JsonArray). */
static inline JsonArray *
extract_test_run (const char *path,
                  const char *iso_day,
                  char      **text_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = sitrep_extractor_new (NULL, &error);
  g_autoptr (SitrepDocument) doc = sitrep_document_new ();
  g_autoptr (GPtrArray) events = NULL;
  JsonArray *out = json_array_new ();
  gint64 published = 0;
  char *text = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);
  g_assert_true (sitrep_iso_day_to_unix (iso_day, &published));
  doc->text = g_strdup (text);
  doc->published = published;
  events = sitrep_extractor_extract (extractor, doc, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    json_array_add_element (out, sitrep_extract_event_to_json_node (g_ptr_array_index (events, i)));
  if (text_out != NULL)
    *text_out = text;
  else
    g_free (text);
  return out;
}
