/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-extract.c: `sitrep-cli extract`: articles in, events out as JSON Lines, text,
 * or into a collection. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"
#include "sitrep-dates.h"
#include "sitrep-extract-json.h"
#include "sitrep-extractor.h"
#include "sitrep-db.h"
#include "sitrep-merge.h"

typedef struct
{
  char *published;
  char *outlet;
  char *url;
  char *language;
  char *format;
  char *db;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->published);
  g_free (o->outlet);
  g_free (o->url);
  g_free (o->language);
  g_free (o->format);
  g_free (o->db);
}

/* "uk" when the text has letters only Ukrainian uses, "ru" for other Cyrillic, else "en". */
static const char *
guess_language (const char *text,
                gsize       len)
{
  gsize cyr = 0, lat = 0, uk = 0, ru = 0;
  for (const char *p = text; p < text + len && p < text + 65536; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      if (u >= 0x400 && u <= 0x4ff)
        {
          cyr++;
          if (u == 0x456 || u == 0x457 || u == 0x454 || u == 0x491 || u == 0x406 || u == 0x407 ||
              u == 0x404)
            uk++;
          if (u == 0x44b || u == 0x44d || u == 0x451 || u == 0x42b || u == 0x42d)
            ru++;
        }
      else if (g_ascii_isalpha (u))
        lat++;
    }
  if (cyr > lat)
    return uk > ru ? "uk" : "ru";
  return "en";
}

/* A full date (with a year) in the first lines: a dateline or a "Published:" header. */
static gboolean
header_date (const char *text,
             gsize       len,
             gint32     *out)
{
  gsize n = 0;
  guint lines = 0;
  SitrepDateSpan span;
  gint32 today = (gint32) (g_get_real_time () / G_USEC_PER_SEC / 86400);

  while (n < len && n < 400 && lines < 3)
    {
      if (text[n] == '\n')
        lines++;
      n++;
    }
  {
    g_autoptr (GArray) spans = sitrep_dates_scan (text, n, today);
    for (guint i = 0; i < spans->len; i++)
      {
        SitrepDateSpan *sp = &g_array_index (spans, SitrepDateSpan, i);
        g_autofree char *written = g_strndup (text + sp->match_start, sp->match_end - sp->match_start);
        gboolean has_year = FALSE;
        for (const char *p = written; *p; p++)
          if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
              g_ascii_isdigit (p[3]))
            has_year = TRUE;
        if (sp->dated && sp->precision == SITREP_TIME_PRECISION_DAY && has_year)
          {
            span = *sp;
            *out = span.end_day;
            return TRUE;
          }
      }
  }
  return FALSE;
}

static void
print_text (SitrepEvent *ev,
            FILE        *out)
{
  g_autofree char *start = sitrep_unix_to_iso_day (ev->start);
  g_autofree char *end = sitrep_unix_to_iso_day (ev->end - 1);

  fprintf (out, "%s  %s..%s  %s\n", sitrep_event_kind_to_string (ev->kind), start, end,
           ev->summary ? ev->summary : "");
  for (guint i = 0; i < ev->claims->len; i++)
    {
      SitrepClaim *c = g_ptr_array_index (ev->claims, i);
      g_autofree char *cues = g_strjoinv (", ", c->cues);
      fprintf (out, "  [%s/%s%s%s] %s%s%s\n", sitrep_source_kind_to_string (c->source_kind),
               sitrep_hedging_to_string (c->hedging), c->attributed_to ? " " : "",
               c->attributed_to ? c->attributed_to : "", c->quote,
               cues[0] ? "  cues: " : "", cues);
    }
}

int
sitrep_cli_extract (int    argc,
                    char **argv)
{
  Options o = { 0 };
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepExtractor) extractor = NULL;
  int status = 0;
  gint64 published_arg = 0;
  g_autoptr (SitrepDb) db = NULL;
  GOptionEntry entries[] = {
    { "published", 0, 0, G_OPTION_ARG_STRING, &o.published,
      N_("Publication date of the articles"), N_("YYYY-MM-DD") },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &o.outlet, N_("The outlet that published them"),
      N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &o.url, N_("The article's address"), N_("URL") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o.language,
      N_("Language of the text (en, uk, ru; guessed when not given)"), N_("xx") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("Output: jsonl (default) or text"),
      N_("FORMAT") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db,
      N_("Store the documents and events in this collection (created when missing)"),
      N_("FILE.sitrep") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (_("— find events, places, dates and claims in articles"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Reads articles in plain text (UTF-8; “-” reads standard input) "
                                  "and prints one event per line as JSON."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      options_clear (&o);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      sitrep_cli_error ("%s", _("extract: no file given (use “-” for standard input)"));
      options_clear (&o);
      return 2;
    }
  if (o.format != NULL && strcmp (o.format, "jsonl") != 0 && strcmp (o.format, "text") != 0)
    {
      sitrep_cli_error (_("extract: unknown format “%s” (use jsonl or text)"), o.format);
      options_clear (&o);
      return 2;
    }
  if (o.published != NULL && !sitrep_iso_day_to_unix (o.published, &published_arg))
    {
      sitrep_cli_error (_("extract: “%s” is not a date as YYYY-MM-DD"), o.published);
      options_clear (&o);
      return 2;
    }

  extractor = sitrep_extractor_new (NULL, &error);
  if (extractor == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      options_clear (&o);
      return 1;
    }

  if (o.db != NULL)
    {
      db = sitrep_db_open (o.db, SITREP_DB_OPEN_CREATE, &error);
      if (db == NULL)
        {
          sitrep_cli_error ("%s", error->message);
          options_clear (&o);
          return 1;
        }
    }

  for (guint f = 0; files[f] != NULL; f++)
    {
      const char *name = files[f];
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr (SitrepDocument) doc = sitrep_document_new ();
      g_autoptr (GPtrArray) events = NULL;
      g_autoptr (GError) ferror = NULL;
      const char *published_from = "argument";

      if (strcmp (name, "-") == 0)
        {
          GString *buf = g_string_new (NULL);
          char chunk[65536];
          size_t n;
          while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
            g_string_append_len (buf, chunk, n);
          length = buf->len;
          contents = g_string_free (buf, FALSE);
          name = _("standard input");
        }
      else
        {
          GStatBuf st;
          if (g_stat (name, &st) == 0 && st.st_size > SITREP_TEXT_MAX_BYTES)
            {
              sitrep_cli_error (_("%s: the file is %.1f MB, larger than any article (the limit is "
                                  "%d MB); split it into one file per article"),
                                name, st.st_size / 1e6, SITREP_TEXT_MAX_BYTES / (1024 * 1024));
              status = 1;
              continue;
            }
          if (!g_file_get_contents (name, &contents, &length, &ferror))
            {
              sitrep_cli_error ("%s", ferror->message);
              status = 1;
              continue;
            }
        }
      if (!sitrep_text_check (contents, length, name, &ferror))
        {
          sitrep_cli_error ("%s", ferror->message);
          status = 1;
          continue;
        }

      doc->text = g_steal_pointer (&contents);
      doc->outlet = g_strdup (o.outlet);
      doc->url = g_strdup (o.url);
      doc->language = g_strdup (o.language ? o.language : guess_language (doc->text, length));
      if (o.published != NULL)
        doc->published = published_arg;
      else
        {
          gint32 day;
          GStatBuf st;
          if (header_date (doc->text, length, &day))
            {
              doc->published = (gint64) day * 86400;
              published_from = "header";
            }
          else if (strcmp (files[f], "-") != 0 && g_stat (files[f], &st) == 0)
            {
              doc->published = ((gint64) st.st_mtime / 86400) * 86400;
              published_from = "mtime";
            }
          else
            {
              doc->published = (g_get_real_time () / G_USEC_PER_SEC / 86400) * 86400;
              published_from = "today";
            }
          {
            g_autofree char *day_s = sitrep_unix_to_iso_day (doc->published);
            g_printerr (_("sitrep-cli: note: %s: publication date %s taken from the %s\n"), name,
                        day_s,
                        strcmp (published_from, "header") == 0 ? _("text’s header") :
                        strcmp (published_from, "mtime") == 0 ? _("file’s modification time") :
                        _("current date"));
          }
        }

      events = sitrep_extractor_extract (extractor, doc, name, &ferror);
      if (events == NULL)
        {
          sitrep_cli_error ("%s", ferror->message);
          status = 1;
          continue;
        }

      if (db != NULL)
        {
          SitrepMergeStats stats = { 0 };
          if (!sitrep_merge_document (db, doc, published_from, events, &stats, &ferror))
            {
              sitrep_cli_error (_("%s: not stored: %s"), name, ferror->message);
              status = 1;
              continue;
            }
          if (stats.existed)
            g_printerr (_("sitrep-cli: note: %s: already in the collection, nothing added\n"), name);
        }

      for (guint i = 0; i < events->len; i++)
        {
          SitrepEvent *ev = g_ptr_array_index (events, i);
          if (o.format != NULL && strcmp (o.format, "text") == 0)
            print_text (ev, stdout);
          else
            {
              g_autofree char *line = sitrep_extract_event_to_jsonl (ev);
              fputs (line, stdout);
              fputc ('\n', stdout);
            }
        }
      fflush (stdout);
    }

  options_clear (&o);
  return status;
}
