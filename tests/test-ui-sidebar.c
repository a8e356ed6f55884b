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
                   "1 source · hedged · disputed");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "strength"), ==, "Weak support");
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

/* Figures of one kind that differ stand side by side with who gave them. */
static void
test_conflicts_and_actors (void)
{
  GtkWidget *sidebar = g_object_ref_sink (sitrep_event_sidebar_new ());
  SitrepEventSidebar *sb = SITREP_EVENT_SIDEBAR (sidebar);
  g_autoptr (SitrepEvent) event = make_event ();
  SitrepFigure fewer = { SITREP_FIGURE_CASUALTIES, 900, -1, -1, g_strdup ("fewer than"), 1 };
  SitrepActor actor = { g_strdup ("Ukrainian Armed Forces"), g_strdup ("Ukraine"), g_strdup ("actor1") };
  SitrepClaim *officials = g_ptr_array_index (event->claims, 1);
  const char *conflicts;

  officials->role = g_strdup ("officials");
  g_array_append_val (event->figures, fewer);
  g_array_append_val (event->actors, actor);
  sitrep_event_sidebar_set_event (sb, event);

  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "actors"), ==,
                   "Ukrainian Armed Forces (Ukraine)");
  conflicts = sitrep_event_sidebar_get_field_text (sb, "conflicts");
  g_assert_nonnull (strstr (conflicts, "Casualties: figures differ"));
  g_assert_nonnull (strstr (conflicts, " — Ivan Petrenko (military analyst)"));
  g_assert_nonnull (strstr (conflicts, "fewer than 900 — officials"));
  {
    g_autofree char *text = visible_text (sidebar);

    g_assert_nonnull (strstr (text, "Casualties: figures differ\n"));
    g_assert_nonnull (strstr (text, "Ivan Petrenko (military analyst)\n"));
    g_assert_nonnull (strstr (text, "officials\n"));
  }

  /* One figure a kind: nothing to set side by side. */
  g_array_remove_index (event->figures, 1);
  sitrep_event_sidebar_set_event (sb, NULL);
  sitrep_event_sidebar_set_event (sb, event);
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "conflicts"), ==, "");
  g_object_unref (sidebar);
}

static void
test_cue_ranges (void)
{
  const char *cues[] = { "if accurate", "Reportedly", "reportedly struck", NULL };
  const char *quote = "Reportedly struck twice, the depot, if accurate, burned; IF ACCURATE.";
  g_autoptr (GArray) ranges = sitrep_claim_find_cues (quote, cues);
  guint *r = (guint *) ranges->data;

  /* Case-insensitive, overlapping cues merged, byte offsets into the quote. */
  g_assert_cmpuint (ranges->len, ==, 3);
  g_assert_cmpuint (r[0], ==, 0);
  g_assert_cmpuint (r[1], ==, strlen ("Reportedly struck"));
  g_assert_cmpuint (r[2], ==, strstr (quote, "if accurate") - quote);
  g_assert_cmpuint (r[3], ==, r[2] + strlen ("if accurate"));
  g_assert_cmpuint (r[4], ==, strstr (quote, "IF ACCURATE") - quote);
}

/* Without a collection the cards cannot store a rating, and say why. */
static void
test_rate_without_collection (void)
{
  GtkWidget *sidebar = g_object_ref_sink (sitrep_event_sidebar_new ());
  g_autoptr (SitrepEvent) event = make_event ();
  GList *cards;
  GtkWidget *rate;

  sitrep_event_sidebar_set_event (SITREP_EVENT_SIDEBAR (sidebar), event);
  cards = sitrep_event_sidebar_get_claim_cards (SITREP_EVENT_SIDEBAR (sidebar));
  rate = GTK_WIDGET (sitrep_claim_card_get_rate_button (cards->data));
  g_assert_false (gtk_widget_get_sensitive (rate));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rate), "collection"));
  g_list_free (cards);
  g_object_unref (sidebar);
}

static void
on_event_activated (SitrepEventSidebar *sidebar,
                    gint64              id,
                    gint64             *out)
{
  *out = id;
}

static void
test_cluster (void)
{
  GtkWidget *sidebar = g_object_ref_sink (sitrep_event_sidebar_new ());
  SitrepEventSidebar *sb = SITREP_EVENT_SIDEBAR (sidebar);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  gint64 activated = 0;
  GList *rows;

  g_ptr_array_add (events, make_event ());
  g_ptr_array_add (events, make_event ());
  ((SitrepEvent *) g_ptr_array_index (events, 1))->id = 8;
  ((SitrepEvent *) g_ptr_array_index (events, 1))->kind = SITREP_KIND_SHELLING;
  g_signal_connect (sb, "event-activated", G_CALLBACK (on_event_activated), &activated);

  sitrep_event_sidebar_set_cluster (sb, events);
  g_assert_true (sitrep_event_sidebar_is_cluster (sb));
  text = visible_text (sidebar);
  g_assert_nonnull (strstr (text, "2 Events Here\n"));
  /* Both events rest on the same analyst: one source, not two. */
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sb, "cluster-verdict"), ==,
                   "1 source · hedged · disputed");
  g_assert_nonnull (strstr (text, "Casualty claim\n"));
  g_assert_nonnull (strstr (text, "Shelling\n"));
  rows = sitrep_event_sidebar_get_cluster_rows (sb);
  g_assert_cmpuint (g_list_length (rows), ==, 2);
  g_signal_emit_by_name (gtk_widget_get_parent (rows->next->data), "row-activated", rows->next->data);
  g_assert_cmpint (activated, ==, 8);
  g_list_free (rows);

  sitrep_event_sidebar_set_event (sb, g_ptr_array_index (events, 0));
  g_assert_false (sitrep_event_sidebar_is_cluster (sb));
  g_object_unref (sidebar);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/sidebar/empty", test_empty_state);
  g_test_add_func ("/ui/sidebar/event", test_event);
  g_test_add_func ("/ui/sidebar/conflicts-and-actors", test_conflicts_and_actors);
  g_test_add_func ("/ui/sidebar/cue-ranges", test_cue_ranges);
  g_test_add_func ("/ui/sidebar/rate-without-collection", test_rate_without_collection);
  g_test_add_func ("/ui/sidebar/cluster", test_cluster);
  g_test_add_func ("/ui/format/dates", test_dates);
  g_test_add_func ("/ui/format/places", test_places);
  g_test_add_func ("/ui/format/figures", test_figures);

  return g_test_run ();
}
