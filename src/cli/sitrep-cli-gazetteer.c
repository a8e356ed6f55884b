/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-gazetteer.c: `sitrep-cli gazetteer lookup|scan|normalize`, and the gazetteer's benchmark. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"
#include "sitrep-gazetteer.h"

static const char *const feature_words[] = { "settlement", "region", "district", "other" };

static void
print_entry (const SitrepGazetteerEntry *e)
{
  printf ("%u\t%s\t%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\tpop %u\tgeonameid %u\t%s\n",
          e->id, feature_words[e->feature], e->name,
          e->name_uk != NULL ? e->name_uk : "-", e->name_ru != NULL ? e->name_ru : "-",
          e->admin1, e->admin2 != NULL ? e->admin2 : "-", e->lat, e->lon, e->population,
          e->geonameid, e->katottg != NULL ? e->katottg : "-");
}

static SitrepGazetteer *
open_gazetteer (const char *path)
{
  g_autoptr(GError) error = NULL;
  SitrepGazetteer *g;

  g = path != NULL ? sitrep_gazetteer_new_from_file (path, &error)
                   : sitrep_gazetteer_get_default (&error);
  if (g == NULL)
    sitrep_cli_error ("%s", error->message);
  return g;
}

static gboolean
read_input (const char  *path,
            char       **text,
            gsize       *len)
{
  g_autoptr(GError) error = NULL;

  if (strcmp (path, "-") == 0)
    {
      GString *s = g_string_new (NULL);
      char buf[65536];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (s, buf, n);
      *len = s->len;
      *text = g_string_free (s, FALSE);
      return TRUE;
    }
  if (!g_file_get_contents (path, text, len, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
sitrep_cli_gazetteer (int    argc,
                      char **argv)
{
  g_autofree char *table = NULL;
  g_autofree char *admin1 = NULL;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry options[] = {
    { "table", 't', 0, G_OPTION_ARG_FILENAME, &table,
      N_("Use this gazetteer.tsv.gz instead of the built-in one"), N_("FILE") },
    { "admin1", 'a', 0, G_OPTION_ARG_STRING, &admin1,
      N_("Prefer places in this oblast, e.g. “Kharkiv Oblast”"), N_("NAME") },
    { NULL },
  };
  SitrepGazetteer *g;
  int status = 0;

  ctx = g_option_context_new (_("lookup NAME… | scan FILE… | normalize NAME… | bench FILE…"));
  g_option_context_set_summary (ctx, _("Look up place names in Sitrep’s gazetteer."));
  g_option_context_add_main_entries (ctx, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (argc < 3 && !(argc == 2 && strcmp (argv[1], "bench") == 0))
    {
      sitrep_cli_error (_("gazetteer: give “lookup NAME”, “scan FILE” or “normalize NAME”"));
      return 2;
    }
  if (strcmp (argv[1], "bench") == 0)
    return sitrep_cli_bench_gazetteer (argc - 1, argv + 1);
  if (strcmp (argv[1], "normalize") == 0)
    {
      for (int i = 2; i < argc; i++)
        {
          g_autofree char *sk = sitrep_gazetteer_normalize (argv[i]);
          printf ("%s\t%s\n", argv[i], sk);
        }
      return 0;
    }
  g = open_gazetteer (table);
  if (g == NULL)
    return 1;

  if (strcmp (argv[1], "lookup") == 0)
    {
      for (int i = 2; i < argc; i++)
        {
          g_autoptr(GArray) ids = sitrep_gazetteer_lookup (g, argv[i], admin1);

          if (ids == NULL)
            {
              sitrep_cli_error (_("%s: not in the gazetteer"), argv[i]);
              status = 1;
              continue;
            }
          printf ("# %s: %u\n", argv[i], ids->len);
          for (guint k = 0; k < ids->len; k++)
            print_entry (sitrep_gazetteer_get_entry (g, g_array_index (ids, guint32, k)));
        }
    }
  else if (strcmp (argv[1], "scan") == 0)
    {
      for (int i = 2; i < argc; i++)
        {
          g_autofree char *text = NULL;
          gsize len = 0;
          g_autoptr(GArray) matches = NULL;
          g_autoptr(GArray) context = g_array_new (FALSE, FALSE, sizeof (guint32));

          if (!read_input (argv[i], &text, &len))
            {
              status = 1;
              continue;
            }
          matches = sitrep_gazetteer_scan (g, text, len);
          for (guint k = 0; k < matches->len; k++)
            {
              const SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, k);
              if (m->n_candidates == 1)
                g_array_append_val (context, m->candidates[0]);
            }
          for (guint k = 0; k < matches->len; k++)
            {
              const SitrepGazetteerMatch *m = &g_array_index (matches, SitrepGazetteerMatch, k);
              guint32 id = sitrep_gazetteer_resolve (g, m, admin1, (const guint32 *) context->data,
                                                     context->len);
              const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (g, id);

              printf ("%s:%zu-%zu\t%.*s\t%u candidates\t", argv[i], m->start, m->end,
                      (int) (m->end - m->start), text + m->start, m->n_candidates);
              if (e != NULL)
                print_entry (e);
              else
                printf ("ambiguous\n");
            }
        }
    }
  else
    {
      sitrep_cli_error (_("gazetteer: unknown action “%s”"), argv[1]);
      status = 2;
    }
  if (table != NULL)
    sitrep_gazetteer_free (g);
  return status;
}

/* `sitrep-cli bench gazetteer [FILE…]`: load time, and scan speed over the files (each
 * scanned whole, repeated until at least 50 MB went through). */
int
sitrep_cli_bench_gazetteer (int    argc,
                            char **argv)
{
  g_autoptr(GError) error = NULL;
  SitrepGazetteer *g;
  gint64 t0, t1, scan_usec = 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize bytes = 0, total = 0;
  guint64 n_matches = 0;
  guint rounds = 0;

  t0 = g_get_monotonic_time ();
  g = sitrep_gazetteer_get_default (&error);
  t1 = g_get_monotonic_time ();
  if (g == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }
  for (int i = 1; i < argc; i++)
    {
      char *text = NULL;
      gsize len = 0;

      if (!read_input (argv[i], &text, &len))
        return 1;
      g_ptr_array_add (texts, text);
      g_array_append_val (lens, len);
      bytes += len;
    }
  if (bytes > 0)
    {
      gint64 s0 = g_get_monotonic_time ();
      while (total < 50 * 1024 * 1024)
        {
          for (guint i = 0; i < texts->len; i++)
            {
              g_autoptr(GArray) m = sitrep_gazetteer_scan (g, texts->pdata[i],
                                                           g_array_index (lens, gsize, i));
              n_matches += m->len;
            }
          total += bytes;
          rounds++;
        }
      scan_usec = g_get_monotonic_time () - s0;
    }
  printf ("{\"bench\": \"gazetteer\", \"entries\": %u, \"load_s\": %.3f, \"first_call_s\": %.3f",
          sitrep_gazetteer_get_n_entries (g), sitrep_gazetteer_get_load_usec (g) / 1e6,
          (t1 - t0) / 1e6);
  if (bytes > 0)
    printf (", \"bytes\": %zu, \"rounds\": %u, \"matches\": %" G_GUINT64_FORMAT
            ", \"mb_per_s\": %.1f", total, rounds, n_matches,
            (total / 1048576.0) / (scan_usec / 1e6));
  printf ("}\n");
  return 0;
}
