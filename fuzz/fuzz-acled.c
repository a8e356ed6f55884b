/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-acled.c: libFuzzer target for the CSV reader and the ACLED row mapping. */
#define G_LOG_DOMAIN "sitrep-fuzz"

#include <glib.h>

#include "sitrep-acled.h"
#include "sitrep-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  SitrepCsvReader *csv = sitrep_csv_reader_new_for_data ((const char *) data, size, "fuzz.csv");
  g_autoptr (SitrepAcledReader) reader = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint rows = 0;

  /* Small enough that the record limit is reached by mutated inputs. */
  sitrep_csv_reader_set_max_record (csv, 4096);
  reader = sitrep_acled_reader_new (csv, NULL, NULL);
  if (reader == NULL)
    return 0;

  sitrep_acled_write_header (out, NULL);
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SitrepEvent) event = NULL;
      g_autofree char *hash = NULL;
      SitrepAcledRowStatus status;

      status = sitrep_acled_reader_next (reader, &event, &hash, NULL, &error);
      if (status == SITREP_ACLED_ROW_END || status == SITREP_ACLED_ROW_FAILED)
        break;
      if (status == SITREP_ACLED_ROW_SKIPPED)
        {
          g_assert (error != NULL && error->message != NULL);
          continue;
        }
      g_assert (event != NULL && hash != NULL);
      g_assert (event->end > event->start);
      sitrep_acled_write_row (out, event, NULL);
      rows++;
    }

  /* What was written must read back with as many rows, none skipped. */
  {
    g_autoptr (SitrepAcledReader) back =
      sitrep_acled_reader_new (sitrep_csv_reader_new_for_data (out->str, out->len, "out.csv"),
                               NULL, NULL);
    guint n = 0;

    g_assert (back != NULL);
    for (;;)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (SitrepEvent) event = NULL;
        SitrepAcledRowStatus status = sitrep_acled_reader_next (back, &event, NULL, NULL, &error);

        if (status == SITREP_ACLED_ROW_END)
          break;
        if (status != SITREP_ACLED_ROW_EVENT)
          g_error ("written row does not read back: %s", error ? error->message : "?");
        n++;
      }
    g_assert (n == rows);
  }
  return 0;
}
