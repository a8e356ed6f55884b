/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-window.c: the real application and window on the sample collection, under Xvfb. */
#define G_LOG_DOMAIN "test-ui-window"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "core/sitrep-db.h"
#include "ui/sitrep-application-private.h"
#include "ui/sitrep-claim-card.h"
#include "ui/sitrep-event-sidebar-private.h"
#include "ui/sitrep-kind-style.h"
#include "ui/sitrep-window-private.h"

static SitrepApplication *app;
static SitrepWindow *window;
static char *tmpdir;
static char *sample_path;

/* Runs the main loop until done (a predicate on the window) or the timeout. */
static gboolean
iterate_until (gboolean (*done) (void),
               guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done ())
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
not_loading (void)
{
  return !sitrep_window_get_loading (window);
}

static gboolean
map_allocated (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window));

  return gtk_widget_get_mapped (GTK_WIDGET (layer)) && gtk_widget_get_width (GTK_WIDGET (layer)) > 100;
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

static char *
settings_last_file (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "last-file");
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Every label a user can see in the widget, one per line. */
static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (from, &contents, &length, NULL)
         && g_file_set_contents (to, contents, length, NULL);
}

static void
test_default_collection (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *old = g_settings_get_string (settings, "last-file");
  g_autofree char *missing = g_build_filename (tmpdir, "gone.sitrep", NULL);
  g_autofree char *other = g_build_filename (tmpdir, "kept.sitrep", NULL);
  g_autofree char *path = NULL;

  g_settings_set_string (settings, "last-file", "");
  path = sitrep_application_dup_default_collection (app);
  g_assert_cmpstr (path, ==, sample_path);
  g_clear_pointer (&path, g_free);

  /* A last file that no longer exists falls back to the sample. */
  g_settings_set_string (settings, "last-file", missing);
  path = sitrep_application_dup_default_collection (app);
  g_assert_cmpstr (path, ==, sample_path);
  g_clear_pointer (&path, g_free);

  g_assert_true (copy_file (sample_path, other));
  g_settings_set_string (settings, "last-file", other);
  path = sitrep_application_dup_default_collection (app);
  g_assert_cmpstr (path, ==, other);

  g_settings_set_string (settings, "last-file", old);
  g_unlink (other);
}

static void
test_loads_sample (void)
{
  SitrepEventStore *store = sitrep_window_get_store (window);
  g_autofree char *last = settings_last_file ();
  g_autofree char *subtitle_expected = NULL;
  g_autofree char *text = NULL;

  g_assert_true (sitrep_window_has_collection (window));
  g_assert_cmpstr (sitrep_event_store_get_path (store), ==, sample_path);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), >=, 60);
  g_assert_cmpstr (last, ==, sample_path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sitrep");

  /* The subtitle names the collection and counts its events. */
  subtitle_expected = g_strdup_printf ("sample · %u events", sitrep_event_store_get_n_events (store));
  text = visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, subtitle_expected));
}

typedef struct
{
  double min_lat, max_lat, min_lon, max_lon;
} Box;

/* The viewport's box from libshumate's own inverse projection of the layer's corners. */
static Box
viewport_box (SitrepPinLayer *layer)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));
  double w = gtk_widget_get_width (GTK_WIDGET (layer));
  double h = gtk_widget_get_height (GTK_WIDGET (layer));
  double lat0, lon0, lat1, lon1;
  Box box;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (layer), 0, 0, &lat0, &lon0);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (layer), w, h, &lat1, &lon1);
  box.max_lat = lat0;
  box.min_lon = lon0;
  box.min_lat = lat1;
  box.max_lon = lon1;
  return box;
}

/* A brute-force count over the columns: in the box, and overlapping [from, to). */
static guint
count_in (const SitrepEventColumns *c,
          const Box                *box,
          gint64                    from,
          gint64                    to)
{
  guint n = 0;

  for (guint i = 0; i < c->n_events; i++)
    {
      gint64 start = c->epoch + c->start[i];
      gint64 end = c->epoch + c->end[i];

      if (c->lat[i] <= box->min_lat || c->lat[i] >= box->max_lat
          || c->lon[i] < box->min_lon || c->lon[i] >= box->max_lon)
        continue;
      if (end <= from || start >= to)
        continue;
      n++;
    }
  return n;
}

static void
show_known_view (void)
{
  SitrepMapView *map_view = sitrep_window_get_map_view (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (map_allocated, 10000));
  iterate_for (200);
  sitrep_map_view_go_to (map_view, 49.7, 37.6, 9);
  /* The timeline's window decides which pins are drawn: select the whole collection. */
  {
    gint64 first = 0, last = 0;

    if (sitrep_event_store_get_range (sitrep_window_get_store (window), &first, &last))
      sitrep_timeline_set_window (sitrep_window_get_timeline (window), first, last + 1);
  }
  iterate_for (100);
}

static void
test_visible_count (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window));
  SitrepEventStore *store = sitrep_window_get_store (window);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));
  gint64 first, last, middle;
  guint expected, n_all;
  Box box;

  show_known_view ();
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 49.7, 1e-6);

  box = viewport_box (layer);
  g_test_message ("layer %d×%d, box lat %.3f..%.3f lon %.3f..%.3f",
                  gtk_widget_get_width (GTK_WIDGET (layer)),
                  gtk_widget_get_height (GTK_WIDGET (layer)),
                  box.min_lat, box.max_lat, box.min_lon, box.max_lon);
  n_all = count_in (c, &box, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), ==, n_all);
  /* The view is a part of the oblast: some events in it, some (Kharkiv city) outside. */
  g_assert_cmpuint (n_all, >, 0);
  g_assert_cmpuint (n_all, <, c->n_events);

  /* A time window: the first half of the collection's span. */
  g_assert_true (sitrep_event_store_get_range (store, &first, &last));
  middle = first + (last - first) / 2;
  sitrep_pin_layer_set_time_window (layer, first, middle);
  expected = count_in (c, &box, first, middle);
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), ==, expected);
  g_assert_cmpuint (expected, <, n_all);
  sitrep_pin_layer_set_time_window (layer, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), ==, n_all);

  /* Zooming out to the whole oblast shows more of them. */
  sitrep_map_view_go_to (sitrep_window_get_map_view (window), 49.6, 36.8, 7);
  box = viewport_box (layer);
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), ==,
                    count_in (c, &box, G_MININT64, G_MAXINT64));
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (layer), >, n_all);
}

/* The index of an event inside the known view that has at least one claim with a
 * speaker and a quote, loaded independently through SitrepDb. */
static guint
find_event_to_select (SitrepPinLayer  *layer,
                      SitrepEvent    **out_event)
{
  SitrepEventStore *store = sitrep_window_get_store (window);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (SitrepDb) db = sitrep_db_open (sample_path, SITREP_DB_OPEN_READ_ONLY, &error);
  double w = gtk_widget_get_width (GTK_WIDGET (layer));
  double h = gtk_widget_get_height (GTK_WIDGET (layer));

  g_assert_no_error (error);
  for (guint i = 0; i < c->n_events; i++)
    {
      double x, y;
      g_autoptr (SitrepEvent) event = NULL;
      SitrepClaim *claim;

      g_assert_true (sitrep_pin_layer_get_position (layer, i, &x, &y));
      if (x < 20 || y < 20 || x > w - 20 || y > h - 20)
        continue;
      event = sitrep_db_load_event (db, c->id[i], &error);
      g_assert_no_error (error);
      if (event->claims->len == 0 || event->place == NULL)
        continue;
      claim = g_ptr_array_index (event->claims, 0);
      if (claim->attributed_to == NULL || claim->quote == NULL)
        continue;
      *out_event = g_steal_pointer (&event);
      return i;
    }
  g_assert_not_reached ();
  return G_MAXUINT;
}

static void
test_select_pin (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window));
  SitrepEventSidebar *sidebar = sitrep_window_get_sidebar (window);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (sitrep_window_get_store (window));
  g_autoptr (SitrepEvent) event = NULL;
  g_autofree char *text = NULL;
  GList *cards = NULL;
  SitrepClaim *claim;
  double x, y, px, py;
  guint index, picked;

  show_known_view ();
  sitrep_window_clear_selection (window);
  g_assert_true (sitrep_event_sidebar_is_empty (sidebar));
  text = visible_text (GTK_WIDGET (sidebar));
  g_assert_nonnull (strstr (text, "Select an event on the map"));
  g_clear_pointer (&text, g_free);

  index = find_event_to_select (layer, &event);
  g_assert_true (sitrep_pin_layer_get_position (layer, index, &x, &y));

  /* Picking at the pin (and a few pixels off) finds a pin drawn at that spot; several
   * events can share a town's coordinates, so compare places, not indices. */
  picked = sitrep_pin_layer_pick (layer, x + 3, y - 2);
  g_assert_cmpuint (picked, !=, G_MAXUINT);
  g_assert_true (sitrep_pin_layer_get_position (layer, picked, &px, &py));
  g_assert_cmpfloat (hypot (px - x, py - y), <=, 4.0);
  /* Far from any pin there is nothing to pick. */
  g_assert_cmpuint (sitrep_pin_layer_pick (layer, -100, -100), ==, G_MAXUINT);

  /* A click at the pin goes to the pin layer (GTK picks it), a click between pins goes
   * through to the map below, so that dragging still pans. */
  {
    GtkWidget *map = GTK_WIDGET (sitrep_map_view_get_map (sitrep_window_get_map_view (window)));
    graphene_point_t at_pin;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), map,
                                             &GRAPHENE_POINT_INIT (x, y), &at_pin));
    g_assert_true (gtk_widget_pick (map, at_pin.x, at_pin.y, GTK_PICK_DEFAULT) == GTK_WIDGET (layer));
    g_assert_cmpuint (sitrep_pin_layer_pick (layer, 2, 2), ==, G_MAXUINT);
    g_assert_true (gtk_widget_pick (map, 2, 2, GTK_PICK_DEFAULT) != GTK_WIDGET (layer));
  }

  sitrep_pin_layer_set_selected_index (layer, index);
  iterate_for (50);
  g_assert_false (sitrep_event_sidebar_is_empty (sidebar));
  g_assert_true (sitrep_event_sidebar_get_event (sidebar) != NULL);
  g_assert_cmpint (sitrep_event_sidebar_get_event (sidebar)->id, ==, c->id[index]);

  text = visible_text (GTK_WIDGET (sidebar));
  g_test_message ("sidebar shows:\n%s", text);
  g_assert_nonnull (strstr (text, sitrep_event_kind_label (event->kind)));
  g_assert_nonnull (strstr (sitrep_event_sidebar_get_field_text (sidebar, "place"),
                            event->place->name));
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sidebar, "kind"), ==,
                   sitrep_event_kind_label (event->kind));

  /* One card per claim, each with its speaker and its quote. */
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  g_assert_cmpuint (g_list_length (cards), ==, event->claims->len);
  claim = g_ptr_array_index (event->claims, 0);
  {
    g_autofree char *card_text = visible_text (GTK_WIDGET (cards->data));

    g_assert_nonnull (strstr (card_text, claim->attributed_to));
    g_assert_nonnull (strstr (card_text, claim->quote));
    g_assert_nonnull (strstr (card_text, sitrep_hedging_label (claim->hedging)));
    if (claim->outlet)
      g_assert_nonnull (strstr (card_text, claim->outlet));
  }
  g_list_free (cards);

  /* Escape is bound to clearing the selection, and clearing empties the sidebar. */
  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   "win.clear-selection");

    g_assert_true (g_strv_contains ((const char * const *) accels, "Escape"));
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "clear-selection", NULL);
  g_assert_cmpuint (sitrep_pin_layer_get_selected_index (layer), ==, G_MAXUINT);
  g_assert_true (sitrep_event_sidebar_is_empty (sidebar));
}

static gboolean
has_window_of_type (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return TRUE;
  return FALSE;
}

static GType about_type;

static gboolean
about_shown (void)
{
  return has_window_of_type (about_type);
}

static void
test_actions (void)
{
  static const struct
  {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "win.open", "<Control>o" },
    { "win.clear-selection", "Escape" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto (GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  accels[i].action);

      g_assert_true (g_strv_contains ((const char * const *) set, accels[i].accel));
    }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "open"));
  /* GtkApplication found resources/gtk/help-overlay.ui and made Ctrl+? show it. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* Cancel is only possible while a collection loads. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel-load"));

  about_type = ADW_TYPE_ABOUT_WINDOW;
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (iterate_until (about_shown, 5000));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      {
        gtk_window_destroy (l->data);
        break;
      }
  gtk_window_present (GTK_WINDOW (window));
}

static void
test_bad_file (void)
{
  SitrepEventStore *store = sitrep_window_get_store (window);
  g_autofree char *bad = g_build_filename (tmpdir, "x.sitrep", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (bad);
  guint n_events = sitrep_event_store_get_n_events (store);
  g_autofree char *last = NULL;
  AdwToast *toast;

  g_assert_true (g_file_set_contents (bad, "these are notes, not a collection\n", -1, NULL));
  g_assert_null (sitrep_window_get_last_toast (window));

  sitrep_window_open (window, file);
  g_assert_true (sitrep_window_get_loading (window));
  g_assert_true (iterate_until (not_loading, 20000));

  /* A toast says what is wrong, naming the file; the sample is still shown. */
  toast = sitrep_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_test_message ("toast: %s", adw_toast_get_title (toast));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "x.sitrep"));
  g_assert_cmpstr (sitrep_event_store_get_path (store), ==, sample_path);
  g_assert_cmpuint (sitrep_event_store_get_n_events (store), ==, n_events);
  last = settings_last_file ();
  g_assert_cmpstr (last, ==, sample_path);
  {
    g_autofree char *text = visible_text (GTK_WIDGET (window));
    g_autofree char *subtitle = g_strdup_printf ("sample · %u events", n_events);

    g_assert_nonnull (strstr (text, subtitle));
  }
  g_assert_cmpuint (sitrep_pin_layer_get_n_visible (sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window))), >, 0);
}

static void
test_open_other (void)
{
  SitrepEventStore *store = sitrep_window_get_store (window);
  g_autofree char *other = g_build_filename (tmpdir, "kharkiv-copy.sitrep", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (other);
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;

  g_assert_true (copy_file (sample_path, other));
  sitrep_window_open (window, file);
  g_assert_true (iterate_until (not_loading, 20000));

  g_assert_cmpstr (sitrep_event_store_get_path (store), ==, other);
  last = settings_last_file ();
  g_assert_cmpstr (last, ==, other);
  text = visible_text (GTK_WIDGET (window));
  subtitle = g_strdup_printf ("kharkiv-copy · %u events", sitrep_event_store_get_n_events (store));
  g_assert_nonnull (strstr (text, subtitle));

  /* And back to the sample, for the tests that follow. */
  {
    g_autoptr (GFile) sample = g_file_new_for_path (sample_path);

    sitrep_window_open (window, sample);
    g_assert_true (iterate_until (not_loading, 20000));
    g_assert_cmpstr (sitrep_event_store_get_path (store), ==, sample_path);
  }
}

/* The pixels a user sees: the centre of a filled pin has its kind's colour, and the
 * map there is not the background's. */
static void
test_pin_pixels (void)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window));
  const SitrepEventColumns *c = sitrep_event_store_get_columns (sitrep_window_get_store (window));
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer;
  int w, h;
  guint checked = 0;

  show_known_view ();
  sitrep_window_clear_selection (window);
  w = gtk_widget_get_width (GTK_WIDGET (layer));
  h = gtk_widget_get_height (GTK_WIDGET (layer));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (layer));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, pixels, (gsize) w * 4);

  for (guint i = 0; i < c->n_events; i++)
    {
      double x, y;
      guint px, py;
      const guchar *p;
      GdkRGBA color;

      if (c->flags[i] & SITREP_EVENT_FLAG_HEDGED)
        continue;
      g_assert_true (sitrep_pin_layer_get_position (layer, i, &x, &y));
      if (x < 20 || y < 20 || x > w - 20 || y > h - 20)
        continue;
      /* Sample just off the glyph, inside the disc. */
      px = (guint) round (x) - 4;
      py = (guint) round (y);
      p = pixels + ((gsize) py * w + px) * 4; /* B G R A, premultiplied */
      sitrep_kind_style_get_color (c->kind[i], &color);
      /* Pins at the same spot may overlap: accept any filled pin's colour there. */
      if (fabs (p[2] / 255.0 - color.red) < 0.08
          && fabs (p[1] / 255.0 - color.green) < 0.08
          && fabs (p[0] / 255.0 - color.blue) < 0.08)
        checked++;
    }
  g_test_message ("%u filled pins have their kind's colour", checked);
  g_assert_cmpuint (checked, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *data_dir;
  int status;

  g_test_init (&argc, &argv, NULL);

  data_dir = g_getenv ("SITREP_DATA_DIR");
  g_assert_nonnull (data_dir);
  sample_path = g_build_filename (data_dir, "sample.sitrep", NULL);
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_IS_REGULAR));
  tmpdir = g_dir_make_tmp ("sitrep-test-ui-XXXXXX", &error);
  g_assert_no_error (error);

  /* Never touch the network in tests: the offline background only. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_autoptr (GSettings) basemap = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);

    g_settings_set_string (basemap, "kind", "offline");
    g_settings_set_string (settings, "last-file", "");
  }

  app = sitrep_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  /* Activation with no file opens the sample, as `sitrep` with no argument does. */
  g_application_activate (G_APPLICATION (app));
  window = SITREP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (iterate_until (not_loading, 30000));

  g_test_add_func ("/ui/window/default-collection", test_default_collection);
  g_test_add_func ("/ui/window/loads-sample", test_loads_sample);
  g_test_add_func ("/ui/window/visible-count", test_visible_count);
  g_test_add_func ("/ui/window/select-pin", test_select_pin);
  g_test_add_func ("/ui/window/pin-pixels", test_pin_pixels);
  g_test_add_func ("/ui/window/actions", test_actions);
  g_test_add_func ("/ui/window/bad-file", test_bad_file);
  g_test_add_func ("/ui/window/open-other", test_open_other);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  return status;
}
