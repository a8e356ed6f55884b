/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-sidebar.c: the event sidebar and its claim cards on hand-made events. */
#define G_LOG_DOMAIN "test-ui-sidebar"

#include "config.h"

#include <adwaita.h>

#include "ui/sitrep-claim-card.h"
#include "ui/sitrep-event-sidebar-private.h"
#include "ui/sitrep-format.h"

static SitrepClaim *
make_claim (const char    *outlet,
            const char    *speaker,
            const char    *role,
            SitrepHedging  hedging,
            const char    *quote,
            const char    *cue)
{
  SitrepClaim *claim = sitrep_claim_new ();

  claim->outlet = g_strdup (outlet);
  claim->attributed_to = g_strdup (speaker);
  claim->role = g_strdup (role);
  claim->hedging = hedging;
  claim->source_kind = SITREP_SOURCE_EXPERT;
  claim->quote = g_strdup (quote);
  g_strfreev (claim->cues);
  claim->cues = cue ? g_strsplit (cue, "|", -1) : g_new0 (char *, 1);
  claim->published = sitrep_day_to_unix (2024, 11, 25);
  return claim;
}

/* A casualty claim in the style of the reference article, with hostile bits of text. */
static SitrepEvent *
make_event (void)
{
  SitrepEvent *event = sitrep_event_new ();
  SitrepFigure figure = { SITREP_FIGURE_CASUALTIES, 3920, -1, -1, g_strdup ("approximately"), 0 };

  event->id = 7;
  event->kind = SITREP_KIND_CASUALTY_CLAIM;
  event->start = sitrep_day_to_unix (2024, 11, 17);
  event->end = sitrep_day_to_unix (2024, 11, 24);
  event->time_precision = SITREP_TIME_PRECISION_RANGE;
  event->place = sitrep_place_new ();
  event->place->name = g_strdup ("Kupiansk");
  event->place->admin1 = g_strdup ("Kharkiv Oblast");
  event->geo_precision = SITREP_GEO_PRECISION_REGION;
  event->admin1 = g_strdup ("Kharkiv Oblast");
  event->summary = g_strdup ("Losses <b>claimed</b> by one analyst & doubted by officials");
  event->hedging = SITREP_HEDGING_HEDGED;
  event->disputed = TRUE;
  g_array_append_val (event->figures, figure);
  g_ptr_array_add (event->weapons, g_strdup ("<i>artillery</i>"));
  g_ptr_array_add (event->claims,
                   make_claim ("Front Line Digest", "Ivan Petrenko", "military analyst",
                               SITREP_HEDGING_HEDGED,
                               "If accurate, the losses reach <span>3,920</span> in a week.",
                               "if accurate"));
  g_ptr_array_add (event->claims,
                   make_claim ("Kharkiv Herald", NULL, NULL, SITREP_HEDGING_DISPUTED,
                               "Officials met the figure with skepticism.", NULL));
  return event;
}

static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
        continue;
      if (GTK_IS_LABEL (w))
        {
          /* Article text must never be parsed as markup (the empty state's own
           * translated strings may be). */
          if (gtk_widget_get_ancestor (w, ADW_TYPE_STATUS_PAGE) == NULL)
            g_assert_false (gtk_label_get_use_markup (GTK_LABEL (w)));
          g_string_append (out, gtk_label_get_text (GTK_LABEL (w)));
          g_string_append_c (out, '\n');
        }
      for (GtkWidget *c = gtk_widget_get_last_child (w); c; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  return g_string_free (out, FALSE);
}

static void
test_empty_state (void)
{
  GtkWidget *sidebar = g_object_ref_sink (sitrep_event_sidebar_new ());
  g_autofree char *text = NULL;

  g_assert_true (sitrep_event_sidebar_is_empty (SITREP_EVENT_SIDEBAR (sidebar)));
  text = visible_text (sidebar);
  g_assert_nonnull (strstr (text, "Select an event on the map"));
  g_object_unref (sidebar);
}

static void
test_event (void)
{
  GtkWidget *sidebar = g_object_ref_sink (sitrep_event_sidebar_new ());
  SitrepEventSidebar *sb = SITREP_EVENT_SIDEBAR (sidebar);
  g_autoptr (SitrepEvent) event = make_event ();
  g_autofree char *text = NULL;
  GList *cards;

  sitrep_event_sidebar_set_event (sb, event);
  g_assert_false (sitrep_event_sidebar_is_empty (sb));
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "kind"), ==, "Casualty claim");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "dates"), ==, "17–23 Nov 2024");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "place"), ==,
                   "somewhere in Kharkiv Oblast");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "target"), ==, "");
  /* Markup in article text stays inert: shown as written. */
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "summary"), ==,
                   "Losses <b>claimed</b> by one analyst & doubted by officials");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "weapons"), ==, "<i>artillery</i>");
  g_assert_nonnull (strstr (sitrep_event_sidebar_get_field_text (sb, "figures"),
                            "Casualties: approximately 3"));
  g_assert_nonnull (strstr (sitrep_event_sidebar_get_field_text (sb, "figures"),
                            "according to Ivan Petrenko"));
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "status"), ==,
                   "Hedged · claims conflict · 2 claims");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "claims-heading"), ==, "2 Claims");

  cards = sitrep_event_sidebar_get_claim_cards (sb);
  g_assert_cmpuint (g_list_length (cards), ==, 2);
  {
    g_autofree char *first = visible_text (cards->data);
    g_autofree char *second = visible_text (cards->next->data);

    g_assert_true (sitrep_claim_card_get_claim (cards->data) == g_ptr_array_index (event->claims, 0));
    g_assert_nonnull (strstr (first, "Front Line Digest\n"));
    g_assert_nonnull (strstr (first, "Ivan Petrenko · military analyst\n"));
    g_assert_nonnull (strstr (first, "Source: Expert\n"));
    g_assert_nonnull (strstr (first, "Hedged\n"));
    g_assert_nonnull (strstr (first, "Cue words: “if accurate”\n"));
    g_assert_nonnull (strstr (first, "“If accurate, the losses reach <span>3,920</span> in a week.”"));
    g_assert_nonnull (strstr (first, "25 Nov 2024\n"));
    /* The badge carries a word and a class for its colour. */
    g_assert_nonnull (strstr (second, "Disputed\n"));
    g_assert_nonnull (strstr (second, "No named speaker\n"));
    g_assert_null (strstr (second, "Cue words"));
  }
  g_list_free (cards);

  text = visible_text (sidebar);
  g_assert_null (strstr (text, "Select an event on the map"));

  /* Back to nothing selected. */
  sitrep_event_sidebar_set_event (sb, NULL);
  g_assert_true (sitrep_event_sidebar_is_empty (sb));
  cards = sitrep_event_sidebar_get_claim_cards (sb);
  g_assert_null (cards);
  g_object_unref (sidebar);
}

static void
test_dates (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  char *s;

  /* "On the night of November 24": the span [23, 25) with night. */
  event->start = sitrep_day_to_unix (2024, 11, 23);
  event->end = sitrep_day_to_unix (2024, 11, 25);
  event->time_precision = SITREP_TIME_PRECISION_DAY;
  event->time_of_day = SITREP_TIME_OF_DAY_NIGHT;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "night of 23–24 Nov 2024");
  g_free (s);

  /* One day. */
  event->start = sitrep_day_to_unix (2024, 11, 24);
  event->end = sitrep_day_to_unix (2024, 11, 25);
  event->time_of_day = SITREP_TIME_OF_DAY_NONE;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "24 Nov 2024");
  g_free (s);

  /* Across months, and across years. */
  event->start = sitrep_day_to_unix (2024, 11, 28);
  event->end = sitrep_day_to_unix (2024, 12, 3);
  event->time_precision = SITREP_TIME_PRECISION_RANGE;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "28 Nov – 2 Dec 2024");
  g_free (s);
  event->start = sitrep_day_to_unix (2024, 12, 30);
  event->end = sitrep_day_to_unix (2025, 1, 3);
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "30 Dec 2024 – 2 Jan 2025");
  g_free (s);

  event->start = sitrep_day_to_unix (2024, 11, 1);
  event->end = sitrep_day_to_unix (2024, 12, 1);
  event->time_precision = SITREP_TIME_PRECISION_MONTH;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "November 2024");
  g_free (s);

  event->start = sitrep_day_to_unix (2024, 11, 24) + 10 * 3600 + 30 * 60;
  event->end = event->start + 3600;
  event->time_precision = SITREP_TIME_PRECISION_TIME;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "24 Nov 2024, 10:30 UTC");
  g_free (s);

  event->start = sitrep_day_to_unix (2024, 11, 25);
  event->end = sitrep_day_to_unix (2024, 11, 26);
  event->time_precision = SITREP_TIME_PRECISION_REPORTED;
  s = sitrep_format_event_dates (event);
  g_assert_cmpstr (s, ==, "reported 25 Nov 2024");
  g_free (s);
}

static void
test_places (void)
{
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  char *s;

  event->place = sitrep_place_new ();
  event->place->name = g_strdup ("Kupiansk-Vuzlovyi");
  event->place->admin1 = g_strdup ("Kharkiv Oblast");

  event->geo_precision = SITREP_GEO_PRECISION_SETTLEMENT;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "Kupiansk-Vuzlovyi, Kharkiv Oblast");
  g_free (s);

  event->geo_precision = SITREP_GEO_PRECISION_NEAR;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "near Kupiansk-Vuzlovyi, Kharkiv Oblast");
  g_free (s);

  event->geo_precision = SITREP_GEO_PRECISION_REGION;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "somewhere in Kharkiv Oblast");
  g_free (s);

  /* A free-text place with no gazetteer entry. */
  g_clear_object (&event->place);
  event->place_as_written = g_strdup ("Kupyansk-Uzlovoy");
  event->geo_precision = SITREP_GEO_PRECISION_SETTLEMENT;
  s = sitrep_format_event_place (event);
  g_assert_cmpstr (s, ==, "Kupyansk-Uzlovoy");
  g_free (s);
}

static void
test_figures (void)
{
  SitrepFigure range = { SITREP_FIGURE_KILLED, 45, 40, 50, NULL, -1 };
  SitrepFigure plain = { SITREP_FIGURE_TROOPS, 12, -1, -1, (char *) "at least", -1 };
  char *s;

  s = sitrep_format_figure (&range);
  g_assert_cmpstr (s, ==, "Killed: 40–50");
  g_free (s);
  s = sitrep_format_figure (&plain);
  g_assert_cmpstr (s, ==, "Troops: at least 12");
  g_free (s);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/sidebar/empty", test_empty_state);
  g_test_add_func ("/ui/sidebar/event", test_event);
  g_test_add_func ("/ui/format/dates", test_dates);
  g_test_add_func ("/ui/format/places", test_places);
  g_test_add_func ("/ui/format/figures", test_figures);

  return g_test_run ();
}
