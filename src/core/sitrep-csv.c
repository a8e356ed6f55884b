/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-csv.c: a streaming RFC 4180 reader (BOM, CRLF, quoted newlines, line numbers). */
#define G_LOG_DOMAIN "sitrep-csv"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitrep-csv.h"

#define BLOCK_SIZE (256 * 1024)
#define DEFAULT_MAX_RECORD (4 * 1024 * 1024)

G_DEFINE_QUARK (sitrep-csv-error-quark, sitrep_csv_error)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,   /* a quote inside a quoted field: "" or the field's end */
} State;

struct _SitrepCsvReader
{
  GInputStream *stream;   /* NULL when reading a view of memory */
  char *name;

  char *block;            /* owned block buffer, or the caller's data */
  gsize block_len;
  gsize pos;
  gboolean eof;
  gboolean at_start;      /* nothing read yet: a BOM may follow */
  gboolean skip_lf;       /* the last record ended on CR: a following LF belongs to it */
  guint64 consumed;       /* bytes of earlier blocks */

  /* The current record: fields back to back, each NUL-terminated. */
  char *rec;
  gsize rec_len;
  gsize rec_alloc;
  GArray *starts;         /* of gsize: where each field starts in rec */
  gsize max_record;

  guint64 line;           /* the physical line being read, 1-based */
  guint64 record_line;
  gboolean valid_utf8;
};

static SitrepCsvReader *
reader_new (const char *name)
{
  SitrepCsvReader *reader = g_new0 (SitrepCsvReader, 1);

  reader->name = g_strdup (name != NULL ? name : "-");
  reader->rec_alloc = 1024;
  reader->rec = g_malloc (reader->rec_alloc);
  reader->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64);
  reader->max_record = DEFAULT_MAX_RECORD;
  reader->line = 1;
  reader->at_start = TRUE;
  return reader;
}

SitrepCsvReader *
sitrep_csv_reader_new (GInputStream *stream,
                       const char   *name)
{
  SitrepCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = reader_new (name);
  reader->stream = g_object_ref (stream);
  reader->block = g_malloc (BLOCK_SIZE);
  return reader;
}

SitrepCsvReader *
sitrep_csv_reader_new_for_data (const char *data,
                                gsize       len,
                                const char *name)
{
  SitrepCsvReader *reader = reader_new (name);

  reader->block = (char *) data;
  reader->block_len = len;
  reader->eof = TRUE;
  return reader;
}

void
sitrep_csv_reader_free (SitrepCsvReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->stream != NULL)
    {
      g_free (reader->block);
      g_object_unref (reader->stream);
    }
  g_free (reader->name);
  g_free (reader->rec);
  g_array_unref (reader->starts);
  g_free (reader);
}

void
sitrep_csv_reader_set_max_record (SitrepCsvReader *reader,
                                  gsize            max_bytes)
{
  reader->max_record = MAX (max_bytes, 16);
}

/* Fills the block; FALSE at the end of the input or on error. */
static gboolean
fill (SitrepCsvReader *reader,
      GCancellable    *cancellable,
      GError         **error)
{
  gssize n;
  g_autoptr (GError) local_error = NULL;

  if (reader->eof)
    return FALSE;
  reader->consumed += reader->block_len;
  reader->block_len = 0;
  reader->pos = 0;
  n = g_input_stream_read (reader->stream, reader->block, BLOCK_SIZE, cancellable,
                           &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_IO,
                     _("%s:%" PRIu64 ": cannot read: %s"), reader->name,
                     reader->line, local_error->message);
      reader->eof = TRUE;
      return FALSE;
    }
  if (n == 0)
    {
      reader->eof = TRUE;
      return FALSE;
    }
  reader->block_len = n;
  return TRUE;
}

static inline gboolean
rec_reserve (SitrepCsvReader *reader,
             gsize            extra,
             GError         **error)
{
  if (G_LIKELY (reader->rec_len + extra <= reader->rec_alloc))
    return TRUE;
  if (reader->rec_len + extra > reader->max_record)
    {
      g_set_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TOO_LONG,
                   _("%s:%" PRIu64 ": a record longer than %" "zu"
                     " bytes (is a quote left open?)"),
                   reader->name, reader->record_line, reader->max_record);
      return FALSE;
    }
  while (reader->rec_len + extra > reader->rec_alloc)
    reader->rec_alloc *= 2;
  reader->rec = g_realloc (reader->rec, reader->rec_alloc);
  return TRUE;
}

static inline gboolean
end_field (SitrepCsvReader *reader,
           gsize           *field_start,
           GError         **error)
{
  if (!rec_reserve (reader, 1, error))
    return FALSE;
  reader->rec[reader->rec_len++] = '\0';
  g_array_append_val (reader->starts, *field_start);
  *field_start = reader->rec_len;
  return TRUE;
}

gboolean
sitrep_csv_reader_next (SitrepCsvReader *reader,
                        GCancellable    *cancellable,
                        GError         **error)
{
  State state = STATE_FIELD_START;
  gboolean content = FALSE;
  gsize field_start = 0;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader->rec_len = 0;
  g_array_set_size (reader->starts, 0);

  for (;;)
    {
      const char *p;
      const char *end;

      if (reader->pos >= reader->block_len)
        {
          GError *fill_error = NULL;

          if (!fill (reader, cancellable, &fill_error))
            {
              if (fill_error != NULL)
                {
                  g_propagate_error (error, fill_error);
                  return FALSE;
                }
              break; /* end of input */
            }
        }

      if (reader->at_start)
        {
          reader->at_start = FALSE;
          if (reader->block_len - reader->pos >= 3 &&
              memcmp (reader->block + reader->pos, "\xEF\xBB\xBF", 3) == 0)
            reader->pos += 3;
        }

      p = reader->block + reader->pos;
      end = reader->block + reader->block_len;

      while (p < end)
        {
          char c = *p;

          if (G_UNLIKELY (c == '\0'))
            {
              g_set_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_BINARY,
                           _("%s:%" PRIu64 ": a NUL byte: this is a binary file, "
                             "not CSV text"), reader->name, reader->line);
              reader->pos = p - reader->block;
              return FALSE;
            }
          if (reader->skip_lf)
            {
              reader->skip_lf = FALSE;
              if (c == '\n')
                {
                  p++;
                  continue;
                }
            }
          if (!content)
            {
              if (c == '\n' || c == '\r')
                {
                  /* A blank line. */
                  reader->line++;
                  reader->skip_lf = (c == '\r');
                  p++;
                  continue;
                }
              content = TRUE;
              reader->record_line = reader->line;
            }

          switch (state)
            {
            case STATE_FIELD_START:
              if (c == '"')
                {
                  state = STATE_QUOTED;
                  p++;
                  continue;
                }
              state = STATE_UNQUOTED;
              G_GNUC_FALLTHROUGH;
            case STATE_UNQUOTED:
              {
                /* Fast path: copy up to the next delimiter. */
                const char *q = p;
                while (q < end && *q != ',' && *q != '\n' && *q != '\r' && *q != '\0')
                  q++;
                if (q > p)
                  {
                    if (!rec_reserve (reader, q - p, error))
                      return FALSE;
                    memcpy (reader->rec + reader->rec_len, p, q - p);
                    reader->rec_len += q - p;
                    p = q;
                    continue;
                  }
              }
              break;
            case STATE_QUOTED:
              {
                const char *q = p;
                while (q < end && *q != '"' && *q != '\n' && *q != '\0')
                  q++;
                if (q > p)
                  {
                    if (!rec_reserve (reader, q - p, error))
                      return FALSE;
                    memcpy (reader->rec + reader->rec_len, p, q - p);
                    reader->rec_len += q - p;
                    p = q;
                    continue;
                  }
                if (c == '"')
                  state = STATE_QUOTE_SEEN;
                else /* '\n' */
                  {
                    if (!rec_reserve (reader, 1, error))
                      return FALSE;
                    reader->rec[reader->rec_len++] = c;
                    reader->line++;
                  }
                p++;
                continue;
              }
            case STATE_QUOTE_SEEN:
              if (c == '"')
                {
                  if (!rec_reserve (reader, 1, error))
                    return FALSE;
                  reader->rec[reader->rec_len++] = '"';
                  state = STATE_QUOTED;
                  p++;
                  continue;
                }
              if (c != ',' && c != '\n' && c != '\r')
                {
                  /* Text after a closing quote: keep it, as most readers do. */
                  state = STATE_UNQUOTED;
                  continue;
                }
              break;
            default:
              g_assert_not_reached ();
            }

          /* c is a delimiter: ',', '\n' or '\r'. */
          if (!end_field (reader, &field_start, error))
            return FALSE;
          p++;
          if (c == ',')
            {
              state = STATE_FIELD_START;
              continue;
            }
          reader->line++;
          reader->skip_lf = (c == '\r');
          reader->pos = p - reader->block;
          goto record_done;
        }
      reader->pos = p - reader->block;

      if (reader->rec_len > reader->max_record)
        {
          g_set_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TOO_LONG,
                       _("%s:%" PRIu64 ": a record longer than %" "zu"
                         " bytes (is a quote left open?)"),
                       reader->name, reader->record_line, reader->max_record);
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  /* End of input. */
  if (!content)
    return FALSE;
  if (state == STATE_QUOTED)
    {
      g_set_error (error, SITREP_CSV_ERROR, SITREP_CSV_ERROR_TRUNCATED,
                   _("%s:%" PRIu64 ": the file ends inside a quoted field "
                     "(is it truncated?)"), reader->name, reader->record_line);
      return FALSE;
    }
  if (!end_field (reader, &field_start, error))
    return FALSE;

record_done:
  /* Field by field: the NUL terminators between them are not text. */
  reader->valid_utf8 = TRUE;
  for (guint i = 0; i < reader->starts->len && reader->valid_utf8; i++)
    {
      gsize len;
      const char *f = sitrep_csv_reader_get_field (reader, i, &len);
      reader->valid_utf8 = g_utf8_validate_len (f, len, NULL);
    }
  return TRUE;
}

guint
sitrep_csv_reader_get_n_fields (SitrepCsvReader *reader)
{
  return reader->starts->len;
}

const char *
sitrep_csv_reader_get_field (SitrepCsvReader *reader,
                             guint            index,
                             gsize           *len)
{
  gsize start, stop;

  if (index >= reader->starts->len)
    {
      if (len != NULL)
        *len = 0;
      return "";
    }
  start = g_array_index (reader->starts, gsize, index);
  stop = (index + 1 < reader->starts->len)
    ? g_array_index (reader->starts, gsize, index + 1) - 1
    : reader->rec_len - 1;
  if (len != NULL)
    *len = stop - start;
  return reader->rec + start;
}

gboolean
sitrep_csv_reader_is_valid_utf8 (SitrepCsvReader *reader)
{
  return reader->valid_utf8;
}

guint64
sitrep_csv_reader_get_line (SitrepCsvReader *reader)
{
  return reader->record_line;
}

guint64
sitrep_csv_reader_get_offset (SitrepCsvReader *reader)
{
  return reader->consumed + reader->pos;
}

const char *
sitrep_csv_reader_get_name (SitrepCsvReader *reader)
{
  return reader->name;
}

void
sitrep_csv_append_field (GString    *out,
                         const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
