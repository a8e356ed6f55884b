/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-rate.c: `sitrep-cli rate FILE …`: grade an outlet, a speaker or a claim; list; undo. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sitrep-cli-private.h"
#include "sitrep-db.h"

static void
print_rating (const SitrepRating *r)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (r->created);
  g_autofree char *when = dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *subject = NULL;

  if (g_strcmp0 (r->subject_kind, "claim") == 0)
    subject = g_strdup_printf ("%" PRId64, r->claim_id);
  else
    subject = g_strdup (r->subject ? r->subject : "");
  /* Tab-separated for scripts: id, subject kind, subject (or claim id), reliability (- for
   * none), credibility (0 for none), created (UTC), note. */
  printf ("%" PRId64 "\t%s\t%s\t%c\t%d\t%s\t%s\n", r->id, r->subject_kind, subject,
          r->reliability != 0 ? r->reliability : '-', r->credibility, when ? when : "",
          r->note ? r->note : "");
}

int
sitrep_cli_rate (int    argc,
                 char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_auto (GStrv) files = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *reliability = NULL;
  g_autofree char *note = NULL;
  gint64 claim_id = 0;
  gint64 remove_id = 0;
  int credibility = 0;
  gboolean list = FALSE;
  int n_subjects;
  const GOptionEntry entries[] = {
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Grade an outlet, as named on its claims"),
      N_("NAME") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker, N_("Grade a speaker, as attributed"),
      N_("NAME") },
    { "claim", 0, 0, G_OPTION_ARG_INT64, &claim_id, N_("Grade one claim"), N_("ID") },
    { "reliability", 'r', 0, G_OPTION_ARG_STRING, &reliability,
      N_("Source reliability, A (completely reliable) to F (cannot be judged)"), N_("A–F") },
    { "credibility", 'c', 0, G_OPTION_ARG_INT, &credibility,
      N_("Credibility of the information, 1 (confirmed) to 6 (cannot be judged)"), N_("1–6") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, in a few words"), N_("TEXT") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the ratings (of the subject, if given)"),
      NULL },
    { "remove", 0, 0, G_OPTION_ARG_INT64, &remove_id, N_("Remove (undo) one rating"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — grade the reliability of an outlet or a speaker, "
                                    "or the credibility of a claim"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      sitrep_cli_error ("%s", _("rate takes exactly one FILE"));
      return 2;
    }
  n_subjects = (outlet != NULL) + (speaker != NULL) + (claim_id != 0);
  if (n_subjects > 1 || (!list && remove_id == 0 && n_subjects != 1))
    {
      sitrep_cli_error ("%s", _("give one of --outlet, --speaker or --claim (or --list, or "
                                "--remove)"));
      return 2;
    }
  if (reliability != NULL
      && (strlen (reliability) != 1 || g_ascii_toupper (reliability[0]) < 'A'
          || g_ascii_toupper (reliability[0]) > 'F'))
    {
      sitrep_cli_error (_("reliability must be a letter from A to F, not “%s”"), reliability);
      return 2;
    }
  if (credibility != 0 && (credibility < 1 || credibility > 6))
    {
      sitrep_cli_error (_("credibility must be a number from 1 to 6, not %d"), credibility);
      return 2;
    }
  if (!list && remove_id == 0 && reliability == NULL && credibility == 0)
    {
      sitrep_cli_error ("%s", _("give --reliability or --credibility (or both)"));
      return 2;
    }

  db = sitrep_db_open (files[0], list ? SITREP_DB_OPEN_READ_ONLY : SITREP_DB_OPEN_DEFAULT,
                       &error);
  if (db == NULL)
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  if (remove_id != 0)
    {
      if (!sitrep_db_remove_rating (db, remove_id, &error))
        {
          sitrep_cli_error ("%s", error->message);
          return 1;
        }
      return 0;
    }

  if (list)
    {
      const char *kind = outlet ? "outlet" : speaker ? "speaker" : claim_id ? "claim" : NULL;
      g_autoptr (GPtrArray) ratings =
        sitrep_db_list_ratings (db, kind, outlet ? outlet : speaker, claim_id, &error);

      if (ratings == NULL)
        {
          sitrep_cli_error ("%s", error->message);
          return 1;
        }
      for (guint i = 0; i < ratings->len; i++)
        print_rating (g_ptr_array_index (ratings, i));
      return 0;
    }

  {
    SitrepRating rating = { 0, };
    gint64 id;

    rating.subject_kind = (char *) (outlet ? "outlet" : speaker ? "speaker" : "claim");
    rating.subject = outlet ? outlet : speaker;
    rating.claim_id = claim_id;
    rating.reliability = reliability ? g_ascii_toupper (reliability[0]) : 0;
    rating.credibility = credibility;
    rating.note = note;
    id = sitrep_db_add_rating (db, &rating, &error);
    if (id <= 0)
      {
        g_autofree char *name = g_filename_display_name (files[0]);

        if (claim_id != 0)
          /* The usual cause: a claim id that is not in the collection (foreign key). */
          sitrep_cli_error (_("%s: could not grade claim %" PRId64 " (is it in the "
                              "collection?): %s"), name, claim_id, error->message);
        else
          sitrep_cli_error ("%s", error->message);
        return 1;
      }
    /* The new rating's id, for --remove (Undo). */
    printf ("%" PRId64 "\n", id);
  }
  return 0;
}
