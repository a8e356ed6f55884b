/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-extract.c: libFuzzer target for article extraction (text in, events out). Built
 * only once src/extract/sitrep-extractor.c is in the tree (branch extract). */
#define G_LOG_DOMAIN "sitrep-fuzz"

#include <glib.h>
#include <string.h>

#include "sitrep-extractor.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static SitrepExtractor *extractor;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (SitrepDocument) document = sitrep_document_new ();
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;

  if (extractor == NULL)
    {
      extractor = sitrep_extractor_new (NULL, &error);
      g_assert (extractor != NULL);
    }
  document->text = g_strndup ((const char *) data, size);
  document->published = 1732406400; /* 2024-11-24 */
  events = sitrep_extractor_extract (extractor, document, "fuzz.txt", &error);
  if (events == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  for (guint i = 0; i < events->len; i++)
    {
      SitrepEvent *event = g_ptr_array_index (events, i);
      g_autofree char *summary = sitrep_extractor_summarize (event);
      gsize text_len = strlen (document->text);

      g_assert (summary != NULL);
      g_assert (event->end >= event->start);
      for (guint c = 0; c < event->claims->len; c++)
        {
          SitrepClaim *claim = g_ptr_array_index (event->claims, c);
          /* The quote is exactly the bytes of its span. */
          if (claim->span_start >= 0 && claim->span_end >= claim->span_start)
            {
              g_assert ((gsize) claim->span_end <= text_len);
              g_assert (claim->quote != NULL);
              g_assert (strlen (claim->quote) == (gsize) (claim->span_end - claim->span_start));
              g_assert (memcmp (claim->quote, document->text + claim->span_start,
                                claim->span_end - claim->span_start) == 0);
            }
        }
    }
  return 0;
}
