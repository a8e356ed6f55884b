/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-csv.h: a streaming RFC 4180 reader (BOM, CRLF, quoted newlines, line numbers). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SITREP_CSV_ERROR (sitrep_csv_error_quark ())

typedef enum
{
  SITREP_CSV_ERROR_BINARY,       /* a NUL byte: not a text file */
  SITREP_CSV_ERROR_TRUNCATED,    /* the file ends inside a quoted field */
  SITREP_CSV_ERROR_TOO_LONG,     /* one record above the size limit (an unclosed quote) */
  SITREP_CSV_ERROR_IO,           /* reading the stream failed */
} SitrepCsvError;

GQuark sitrep_csv_error_quark (void);

typedef struct _SitrepCsvReader SitrepCsvReader;

/* name is used in error messages ("events.csv:12: …"). The reader keeps a reference on
 * the stream and reads it in blocks; nothing but the current record is held in memory. */
SitrepCsvReader *sitrep_csv_reader_new        (GInputStream     *stream,
                                               const char       *name);
/* Reads from a copy-free view of data, which must outlive the reader. */
SitrepCsvReader *sitrep_csv_reader_new_for_data (const char     *data,
                                                 gsize           len,
                                                 const char     *name);
void             sitrep_csv_reader_free       (SitrepCsvReader  *reader);

/* The largest record accepted, in bytes (default 4 MiB). */
void             sitrep_csv_reader_set_max_record (SitrepCsvReader *reader,
                                                   gsize            max_bytes);

/* Reads the next record. TRUE: a record is ready. FALSE with *error unset: end of input.
 * FALSE with *error set: the input cannot be read any further (the message names the
 * file and line). A record whose bytes are not valid UTF-8 is still returned; ask
 * sitrep_csv_reader_is_valid_utf8(). Blank lines are skipped. */
gboolean         sitrep_csv_reader_next       (SitrepCsvReader  *reader,
                                               GCancellable     *cancellable,
                                               GError          **error);
guint            sitrep_csv_reader_get_n_fields (SitrepCsvReader *reader);
/* A NUL-terminated field of the current record (len without the NUL); "" beyond the end. */
const char      *sitrep_csv_reader_get_field  (SitrepCsvReader  *reader,
                                               guint             index,
                                               gsize            *len);
gboolean         sitrep_csv_reader_is_valid_utf8 (SitrepCsvReader *reader);
/* The physical line (1-based) on which the current record starts. */
guint64          sitrep_csv_reader_get_line   (SitrepCsvReader  *reader);
/* Bytes consumed from the input so far, for progress. */
guint64          sitrep_csv_reader_get_offset (SitrepCsvReader  *reader);
const char      *sitrep_csv_reader_get_name   (SitrepCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitrepCsvReader, sitrep_csv_reader_free)

/* Appends one field to out, quoted when it holds a comma, a quote, CR or LF. */
void             sitrep_csv_append_field      (GString          *out,
                                               const char       *value);

G_END_DECLS
