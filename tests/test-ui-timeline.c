/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-timeline.c: the timeline's brush and keys drive the event list, under Xvfb. */
#define G_LOG_DOMAIN "sitrep-test-ui-timeline"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>

#include "sitrep-cluster.h"
#include "sitrep-db.h"
#include "sitrep-event-list.h"
#include "sitrep-histogram.h"
#include "sitrep-preferences.h"
#include "sitrep-test-util.h"
#include "sitrep-timeline.h"
#include "sitrep-timeline-link.h"

#define N_EVENTS 900

static char *collection;
static gint64 first_day;
static SitrepEventStore *store;
static GtkWidget *window;
static SitrepTimeline *timeline;
static SitrepEventList *list;
static SitrepMapView *map_view;
static SitrepFilter *filter;
static SitrepTimelineLink *tl_link;

/* Dense at first, sparse later: a window that moves sees its count change. */
static void
write_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitrepDb) db = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  collection = sitrep_test_tmp_path ("timeline.sitrep");
  db = sitrep_db_open (collection, SITREP_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  first_day = sitrep_day_to_unix (2024, 9, 1);
  g_assert_true (sitrep_db_begin (db, &error));
  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autoptr(SitrepEvent) event = sitrep_event_new ();
      SitrepClaim *claim = sitrep_claim_new ();
      /* Day: quadratic, so early days hold most events; every 15th lasts a week. */
      double u = (double) i / N_EVENTS;
      gint64 day = first_day + (gint64) (u * u * 120) * 86400;

      event->uid = g_strdup_printf ("ev-%u", i);
      event->kind = (SitrepEventKind) (1 + i % 6);
      event->start = day;
      event->end = day + (i % 15 == 0 ? 7 : 1) * 86400;
      event->time_precision = i % 15 == 0 ? SITREP_TIME_PRECISION_RANGE : SITREP_TIME_PRECISION_DAY;
      event->lat = 49.7 + g_rand_double_range (rand, -0.5, 0.5);
      event->lon = 37.6 + g_rand_double_range (rand, -0.8, 0.8);
      event->place_as_written = g_strdup ("Kupiansk district");
      event->summary = g_strdup ("Shelling reported near the front line.");
      claim->quote = g_strdup ("Local officials reported shelling overnight.");
      claim->outlet = g_strdup (i % 2 ? "Front Daily" : "Kyiv Wire");
      claim->hedging = i % 3 == 0 ? SITREP_HEDGING_HEDGED : SITREP_HEDGING_ASSERTED;
      g_ptr_array_add (event->claims, claim);
      g_assert_cmpint (sitrep_db_insert_event (db, event, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (sitrep_db_commit (db, &error));
  g_assert_no_error (error);
}

/* Events of the window kept by the filter. */
static guint
brute_count (gint64 from,
             gint64 to)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  GBytes *mask = tl_link != NULL ? sitrep_timeline_link_get_mask (tl_link) : NULL;
  const guint64 *bits = mask != NULL ? g_bytes_get_data (mask, NULL) : NULL;
  guint n = 0;

  for (guint i = 0; i < c->n_events; i++)
    n += sitrep_event_columns_overlaps (c, i, from, to) && sitrep_filter_mask_get (bits, i);
  return n;
}

/* Events of the window, kept by the filter, whose pin centre is inside the map layer. */
static guint
brute_visible (gint64 from,
               gint64 to)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (map_view);
  GBytes *mask = sitrep_timeline_link_get_mask (tl_link);
  const guint64 *bits = mask != NULL ? g_bytes_get_data (mask, NULL) : NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (layer)), h = gtk_widget_get_height (GTK_WIDGET (layer));
  guint n = 0;

  for (guint i = 0; i < c->n_events; i++)
    {
      double x, y;

      if (!sitrep_event_columns_overlaps (c, i, from, to) || !sitrep_filter_mask_get (bits, i))
        continue;
      g_assert_true (sitrep_pin_layer_get_position (layer, i, &x, &y));
      n += x >= 0 && y >= 0 && x < w && y < h;
    }
  return n;
}

static void
iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
assert_list_matches_window (void)
{
  gint64 from = sitrep_timeline_get_window_start (timeline);
  gint64 to = sitrep_timeline_get_window_end (timeline);

  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), ==, brute_count (from, to));
  /* The pins drawn are the window's too. */
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (sitrep_map_view_get_pin_layer (map_view)), ==,
                    brute_visible (from, to));
}

static void
test_brush_drag (void)
{
  gint64 s0 = sitrep_timeline_get_window_start (timeline);
  gint64 e0 = sitrep_timeline_get_window_end (timeline);
  double zoom = sitrep_timeline_get_zoom (timeline);
  double bx0, bx1, h = gtk_widget_get_height (GTK_WIDGET (timeline));
  guint rows0, rows1;

  /* A week at the start of the data: many rows. */
  sitrep_timeline_set_window (timeline, first_day, first_day + 7 * 86400);
  iterate_for (50);
  rows0 = sitrep_event_list_get_n_rows (list);
  g_assert_cmpuint (rows0, >, 50);
  assert_list_matches_window ();
  (void) s0;
  (void) e0;

  /* Drag the brush by its middle 300 px to the right: later, sparser days. */
  bx0 = sitrep_timeline_time_to_x (timeline, (double) first_day);
  bx1 = sitrep_timeline_time_to_x (timeline, (double) first_day + 7 * 86400);
  g_assert_cmpfloat (bx1 - bx0, >, 20);
  sitrep_timeline_drag_begin (timeline, (bx0 + bx1) / 2, h / 2);
  sitrep_timeline_drag_update (timeline, 150, 0);
  sitrep_timeline_drag_update (timeline, 300, 2);
  sitrep_timeline_drag_end (timeline);
  iterate_for (50);
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, first_day + (gint64) (300 * zoom));
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline) - sitrep_timeline_get_window_start (timeline), ==, 7 * 86400);
  rows1 = sitrep_event_list_get_n_rows (list);
  g_assert_cmpuint (rows1, <, rows0);
  assert_list_matches_window ();

  /* Resize at the right edge: 100 px longer, more rows. */
  bx1 = sitrep_timeline_time_to_x (timeline, (double) sitrep_timeline_get_window_end (timeline));
  sitrep_timeline_drag_begin (timeline, bx1 + 2, h / 2);
  sitrep_timeline_drag_update (timeline, 100, 0);
  sitrep_timeline_drag_end (timeline);
  iterate_for (20);
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline) - sitrep_timeline_get_window_start (timeline),
                   ==, 7 * 86400 + (gint64) (100 * zoom));
  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), >=, rows1);
  assert_list_matches_window ();

  /* Draw a new brush on empty space, late in the data: exactly the dragged dates. */
  bx0 = sitrep_timeline_time_to_x (timeline, (double) first_day + 100 * 86400);
  g_assert_cmpfloat (bx0, >, sitrep_timeline_time_to_x (timeline, (double) sitrep_timeline_get_window_end (timeline)) + 10);
  sitrep_timeline_drag_begin (timeline, bx0, h / 2);
  sitrep_timeline_drag_update (timeline, 60, 0);
  sitrep_timeline_drag_end (timeline);
  iterate_for (20);
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, (gint64) sitrep_timeline_x_to_time (timeline, bx0));
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline), ==, (gint64) sitrep_timeline_x_to_time (timeline, bx0 + 60));
  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), <, rows0);
  assert_list_matches_window ();

  /* Dragging on the axis pans the view, not the window. */
  {
    double v0 = sitrep_timeline_get_view_start (timeline);
    gint64 ws = sitrep_timeline_get_window_start (timeline);

    sitrep_timeline_drag_begin (timeline, 400, h - 4);
    sitrep_timeline_drag_update (timeline, 100, 0);
    sitrep_timeline_drag_end (timeline);
    g_assert_cmpfloat_with_epsilon (sitrep_timeline_get_view_start (timeline), v0 - 100 * zoom, 1);
    g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, ws);
  }
}

static void
test_keyboard (void)
{
  GtkWidget *w = GTK_WIDGET (timeline);
  SitrepBucketSize size = sitrep_bucket_size_for_scale (sitrep_timeline_get_zoom (timeline), 4.0);
  gint64 start = first_day + 3 * 86400, end = first_day + 10 * 86400;
  gint64 first = 0, last = 0;
  double zoom;

  g_assert_true (gtk_widget_get_focusable (w));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)), ==, GTK_ACCESSIBLE_ROLE_SLIDER);
  sitrep_event_store_get_range (store, &first, &last);
  sitrep_timeline_set_window (timeline, start, end);
  iterate_for (20);

  /* Right: one bucket later, same length. */
  g_assert_true (gtk_widget_activate_action (w, "timeline.move", "i", 1));
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, sitrep_bucket_next (size, NULL, start));
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline) - sitrep_timeline_get_window_start (timeline), ==, end - start);
  assert_list_matches_window ();
  /* Left twice: one bucket before where it was. */
  g_assert_true (gtk_widget_activate_action (w, "timeline.move", "i", -1));
  g_assert_true (gtk_widget_activate_action (w, "timeline.move", "i", -1));
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, sitrep_bucket_prev (size, NULL, start));
  /* Shift+Left: the end one bucket earlier, the start stays. */
  start = sitrep_timeline_get_window_start (timeline);
  end = sitrep_timeline_get_window_end (timeline);
  g_assert_true (gtk_widget_activate_action (w, "timeline.resize", "i", -1));
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, start);
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline), ==, sitrep_bucket_prev (size, NULL, end));
  assert_list_matches_window ();
  /* Home and End. */
  g_assert_true (gtk_widget_activate_action (w, "timeline.home", NULL));
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, first);
  g_assert_true (gtk_widget_activate_action (w, "timeline.end", NULL));
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline), ==, last);
  assert_list_matches_window ();
  /* + zooms in around the window. */
  zoom = sitrep_timeline_get_zoom (timeline);
  g_assert_true (gtk_widget_activate_action (w, "timeline.zoom", "i", 1));
  g_assert_cmpfloat_with_epsilon (sitrep_timeline_get_zoom (timeline), zoom / 2, 1e-6);
  g_assert_true (gtk_widget_activate_action (w, "timeline.zoom", "i", -1));
  g_assert_cmpfloat_with_epsilon (sitrep_timeline_get_zoom (timeline), zoom, 1e-6);
}

static void
test_playback (void)
{
  GtkWidget *w = GTK_WIDGET (timeline);
  gint64 first = 0, last = 0, start;

  sitrep_event_store_get_range (store, &first, &last);
  sitrep_timeline_set_window (timeline, first, first + 7 * 86400);
  g_object_set (timeline, "speed", SITREP_PLAYBACK_DAY, "loop", FALSE, NULL);
  /* Space: play. Two seconds of playback move the window two days. */
  g_assert_true (gtk_widget_activate_action (w, "timeline.play", NULL));
  g_assert_true (sitrep_timeline_get_playing (timeline));
  start = sitrep_timeline_get_window_start (timeline);
  sitrep_timeline_step_playback (timeline, 2.0);
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, start + 2 * 86400);
  assert_list_matches_window ();
  /* A week per second, run by the frame clock for real. */
  g_object_set (timeline, "speed", SITREP_PLAYBACK_WEEK, NULL);
  start = sitrep_timeline_get_window_start (timeline);
  /* The frame clock ticks when the machine lets it: wait for a move of more than a day
   * (a seventh of a second of playback), for as long as 10 s on a loaded machine. */
  for (guint waited = 0; waited < 10000; waited += 50)
    {
      iterate_for (50);
      if (sitrep_timeline_get_window_start (timeline) > start + 86400)
        break;
    }
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), >, start + 86400);
  /* It stops at the end without loop. */
  sitrep_timeline_step_playback (timeline, 1000.0);
  g_assert_false (sitrep_timeline_get_playing (timeline));
  g_assert_cmpint (sitrep_timeline_get_window_end (timeline), ==, last);
  /* With loop it starts again from the beginning. */
  g_object_set (timeline, "loop", TRUE, NULL);
  sitrep_timeline_set_playing (timeline, TRUE);
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, first);
  sitrep_timeline_step_playback (timeline, 1000.0);
  g_assert_true (sitrep_timeline_get_playing (timeline));
  g_assert_cmpint (sitrep_timeline_get_window_start (timeline), ==, first);
  g_assert_true (gtk_widget_activate_action (w, "timeline.play", NULL));
  g_assert_false (sitrep_timeline_get_playing (timeline));
}

static void
test_histogram_drawn (void)
{
  /* The whole collection in view: buckets drawn, and the list is the window's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  iterate_for (50);
  g_assert_cmpuint (sitrep_timeline_get_n_buckets (timeline), >, 10);
}

static void
test_pins_follow_brush (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (map_view);
  double h = gtk_widget_get_height (GTK_WIDGET (timeline));
  double bx0, bx1;
  guint pins0, pins1;

  /* Close enough that every event is a pin of its own. */
  sitrep_map_view_go_to (map_view, 49.7, 37.6, 9);
  sitrep_timeline_set_window (timeline, first_day, first_day + 7 * 86400);
  iterate_for (50);
  g_assert_cmpuint (sitrep_pin_layer_get_n_clusters (layer), ==, 0);
  pins0 = sitrep_pin_layer_get_n_visible (layer);
  g_assert_cmpuint (pins0, >, 20);
  assert_list_matches_window ();

  bx0 = sitrep_timeline_time_to_x (timeline, (double) first_day);
  bx1 = sitrep_timeline_time_to_x (timeline, (double) first_day + 7 * 86400);
  sitrep_timeline_drag_begin (timeline, (bx0 + bx1) / 2, h / 2);
  sitrep_timeline_drag_update (timeline, 400, 0);
  sitrep_timeline_drag_end (timeline);
  iterate_for (50);
  pins1 = sitrep_pin_layer_get_n_visible (layer);
  g_assert_cmpuint (pins1, <, pins0);
  g_assert_cmpuint (sitrep_pin_layer_get_n_drawn (layer), >=, pins1);
  assert_list_matches_window ();
}

static void
test_clusters (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (map_view);
  ShumateViewport *viewport = sitrep_map_view_get_viewport (map_view);
  gint64 first = 0, last = 0;
  guint n_visible;
  double x = -1, y = -1, zoom;

  /* Everything, zoomed out: more than a few hundred events merge into clusters, and
   * every event is counted once. */
  sitrep_event_store_get_range (store, &first, &last);
  sitrep_timeline_set_window (timeline, first, last);
  sitrep_map_view_go_to (map_view, 49.7, 37.6, 7);
  iterate_for (50);
  n_visible = sitrep_pin_layer_get_n_visible (layer);
  g_assert_cmpuint (n_visible, ==, N_EVENTS);
  g_assert_cmpuint (sitrep_pin_layer_get_n_clusters (layer), >, 0);
  g_assert_cmpuint (sitrep_pin_layer_get_n_clusters (layer), <, 60);
  g_assert_cmpuint (sitrep_pin_layer_get_n_drawn (layer), ==, n_visible);

  /* Hovering the biggest cluster highlights its events in the histogram: find it by
   * hovering where its members are. */
  {
    const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
    guint best = 0;

    for (guint i = 0; i < c->n_events; i += 37)
      {
        double px, py;
        GArray *hovered;

        sitrep_pin_layer_get_position (layer, i, &px, &py);
        if (!sitrep_pin_layer_hover_at (layer, px, py))
          continue;
        hovered = sitrep_pin_layer_get_hovered (layer);
        if (hovered->len > best)
          {
            best = hovered->len;
            x = px;
            y = py;
          }
      }
    g_assert_cmpuint (best, >, 1);
    g_assert_true (sitrep_pin_layer_hover_at (layer, x, y));
    g_assert_cmpuint (sitrep_pin_layer_get_hovered (layer)->len, ==, best);
  }

  /* A click on it zooms in by two levels. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (sitrep_pin_layer_activate_at (layer, x, y));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom + 2, 1e-6);
}

static void
test_selection_and_filter (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (map_view);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  guint index = N_EVENTS - 5, rows_all, expected = 0;
  gint64 from, to;

  /* Selecting a pin outside the window moves the window to it and selects its row. */
  sitrep_map_view_go_to (map_view, 49.7, 37.6, 9);
  sitrep_timeline_set_window (timeline, first_day, first_day + 7 * 86400);
  iterate_for (20);
  g_assert_false (sitrep_event_columns_overlaps (c, index, first_day, first_day + 7 * 86400));
  sitrep_pin_layer_set_selected_index (layer, index);
  from = sitrep_timeline_get_window_start (timeline);
  to = sitrep_timeline_get_window_end (timeline);
  g_assert_true (sitrep_event_columns_overlaps (c, index, from, to));
  g_assert_cmpuint (sitrep_event_list_get_selected_index (list), ==, index);

  /* And a row selects its pin. */
  sitrep_window_events_model_get_index (sitrep_event_list_get_model (list), 0);
  g_signal_emit_by_name (list, "event-selected", sitrep_window_events_model_get_index (sitrep_event_list_get_model (list), 0));
  g_assert_cmpuint (sitrep_pin_layer_get_selected_index (layer),
                    ==, sitrep_window_events_model_get_index (sitrep_event_list_get_model (list), 0));

  /* The filter applies to the list, the pins and the histogram alike. */
  sitrep_timeline_set_window (timeline, first_day, first_day + 30 * 86400);
  iterate_for (20);
  rows_all = sitrep_event_list_get_n_rows (list);
  sitrep_filter_set_kinds (filter, 1u << SITREP_KIND_SHELLING);
  for (guint i = 0; i < 500 && sitrep_timeline_link_get_mask (tl_link) == NULL; i++)
    iterate_for (10);
  g_assert_nonnull (sitrep_timeline_link_get_mask (tl_link));
  for (guint i = 0; i < c->n_events; i++)
    expected += c->kind[i] == SITREP_KIND_SHELLING
                && sitrep_event_columns_overlaps (c, i, first_day, first_day + 30 * 86400);
  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), ==, expected);
  g_assert_cmpuint (expected, <, rows_all);
  assert_list_matches_window ();
  sitrep_filter_set_kinds (filter, SITREP_FILTER_ALL_KINDS);
  iterate_for (20);
  g_assert_null (sitrep_timeline_link_get_mask (tl_link));
  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), ==, rows_all);

  /* "Kupyansk", a Russian-based spelling, finds the events written "Kupiansk district"
   * through the gazetteer's names for the place. */
  sitrep_filter_set_text (filter, "Kupyansk");
  for (guint i = 0; i < 1000 && sitrep_timeline_link_get_mask (tl_link) == NULL; i++)
    iterate_for (10);
  g_assert_nonnull (sitrep_timeline_link_get_mask (tl_link));
  g_assert_cmpuint (sitrep_filter_mask_count (sitrep_timeline_link_get_mask (tl_link), N_EVENTS), ==, N_EVENTS);
  g_assert_cmpuint (sitrep_event_list_get_n_rows (list), ==, rows_all);
  sitrep_filter_set_text (filter, "");
  iterate_for (20);
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The switch in Preferences fades the pins near the window in and out, live. */
static void
test_fade_preference (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (map_view);
  SitrepPreferences *prefs;
  GtkSwitch *fade;
  guint visible, drawn;

  sitrep_map_view_go_to (map_view, 49.7, 37.6, 9);
  sitrep_timeline_set_window (timeline, first_day + 20 * 86400, first_day + 27 * 86400);
  iterate_for (50);
  visible = sitrep_pin_layer_get_n_visible (layer);
  drawn = sitrep_pin_layer_get_n_drawn (layer);
  g_assert_cmpuint (visible, >, 0);
  g_assert_cmpuint (sitrep_pin_layer_get_n_faded (layer), ==, 0);

  prefs = sitrep_preferences_new (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  iterate_for (50);
  fade = GTK_SWITCH (find_widget_of_type (GTK_WIDGET (prefs), GTK_TYPE_SWITCH));
  g_assert_nonnull (fade);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fade)));
  g_assert_false (gtk_switch_get_active (fade));

  /* On: the week before and after the window is drawn faded; the window's pins stay. */
  gtk_switch_set_active (fade, TRUE);
  iterate_for (50);
  g_assert_true (sitrep_pin_layer_get_fade_outside_window (layer));
  g_assert_cmpuint (sitrep_pin_layer_get_n_faded (layer), >, 0);
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), ==, visible);
  g_assert_cmpuint (sitrep_pin_layer_get_n_drawn (layer), ==, drawn);

  /* Off again: hidden. */
  gtk_switch_set_active (fade, FALSE);
  iterate_for (50);
  g_assert_false (sitrep_pin_layer_get_fade_outside_window (layer));
  g_assert_cmpuint (sitrep_pin_layer_get_n_faded (layer), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate_for (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box;
  int status;

  sitrep_test_init (&argc, &argv);
  adw_init ();
  write_collection ();
  store = sitrep_event_store_new ();
  g_assert_true (sitrep_event_store_load (store, collection, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, N_EVENTS);

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  timeline = SITREP_TIMELINE (sitrep_timeline_new ());
  list = SITREP_EVENT_LIST (sitrep_event_list_new ());
  map_view = sitrep_map_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (map_view), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (list), -1, 200);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map_view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  sitrep_map_view_set_store (map_view, store);
  filter = sitrep_filter_new ();
  /* The real wiring, as the window does it. */
  tl_link = sitrep_timeline_link_new (store, map_view, timeline, list, filter);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 500 && gtk_widget_get_width (GTK_WIDGET (timeline)) < 500; i++)
    iterate_for (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >=, 500);
  iterate_for (100);

  g_test_add_func ("/ui-timeline/histogram", test_histogram_drawn);
  g_test_add_func ("/ui-timeline/brush-drag", test_brush_drag);
  g_test_add_func ("/ui-timeline/keyboard", test_keyboard);
  g_test_add_func ("/ui-timeline/playback", test_playback);
  g_test_add_func ("/ui-timeline/pins-follow-brush", test_pins_follow_brush);
  g_test_add_func ("/ui-timeline/clusters", test_clusters);
  g_test_add_func ("/ui-timeline/selection-and-filter", test_selection_and_filter);
  g_test_add_func ("/ui-timeline/fade-preference", test_fade_preference);
  status = g_test_run ();

  g_clear_object (&tl_link);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&filter);
  g_clear_object (&store);
  g_free (collection);
  return status;
}
