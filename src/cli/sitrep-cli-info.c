/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cli-info.c: `sitrep-cli info FILE [--json]`: a collection's schema, counts and dates. */
#define G_LOG_DOMAIN "sitrep-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sitrep-cli-private.h"
#include "sitrep-db.h"

/* The last day an event runs on: its span is half-open, so the day before `end`. */
static char *
last_day (const SitrepDbInfo *info)
{
  return sitrep_unix_to_iso_day (MAX (info->first, info->last - 1));
}

int
sitrep_cli_info (int    argc,
                 char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = NULL;
  g_auto (GStrv) files = NULL;
  gboolean json = FALSE;
  SitrepDbInfo info = { 0, };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — print a collection’s schema version, counts and "
                                    "date range"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      sitrep_cli_error ("%s", _("info takes exactly one FILE"));
      return 2;
    }

  db = sitrep_db_open (files[0], SITREP_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !sitrep_db_get_info (db, &info, &error))
    {
      sitrep_cli_error ("%s", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, info.schema_version);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, info.events);
      json_builder_set_member_name (builder, "claims");
      json_builder_add_int_value (builder, info.claims);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, info.documents);
      json_builder_set_member_name (builder, "first");
      if (info.events > 0)
        {
          g_autofree char *first = sitrep_unix_to_iso_day (info.first);
          json_builder_add_string_value (builder, first);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last");
      if (info.events > 0)
        {
          g_autofree char *last = last_day (&info);
          json_builder_add_string_value (builder, last);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    {
      g_autofree char *name = g_filename_display_basename (files[0]);

      printf (_("Collection:     %s\n"), name);
      printf (_("Schema version: %d\n"), info.schema_version);
      printf (_("Events:         %" PRId64 "\n"), info.events);
      printf (_("Claims:         %" PRId64 "\n"), info.claims);
      printf (_("Documents:      %" PRId64 "\n"), info.documents);
      if (info.events > 0)
        {
          g_autofree char *first = sitrep_unix_to_iso_day (info.first);
          g_autofree char *last = last_day (&info);
          printf (_("Dates:          %s to %s\n"), first, last);
        }
      else
        printf ("%s\n", _("Dates:          none (no events)"));
    }
  return 0;
}
