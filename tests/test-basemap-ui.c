/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap-ui.c: the basemap layers in a real window: tiles, labels, dark map, online and MBTiles choices, preferences. */
#define G_LOG_DOMAIN "sitrep-test"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sitrep-basemap-export.h"
#include "sitrep-basemap-layers.h"
#include "sitrep-map-view.h"
#include "sitrep-basemap-labels.h"
#include <math.h>
#include "sitrep-preferences.h"

typedef struct
{
  GtkWindow *window;
  ShumateMap *map;
  GSettings *settings;
  SitrepBasemapLayers *layers;
} Fixture;

static gboolean
wait_for (gboolean (*done) (Fixture *f),
          Fixture   *f,
          guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return done (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ShumateViewport *viewport;
  GtkWidget *overlay = gtk_overlay_new ();
  g_autoptr(ShumateMapSource) reference = sitrep_basemap_new_offline_map_source (NULL);

  f->settings = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
  g_settings_reset (f->settings, "kind");
  g_settings_reset (f->settings, "dark-map");
  g_settings_reset (f->settings, "mbtiles-path");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (f->map);
  shumate_viewport_set_reference_map_source (viewport, reference);
  shumate_viewport_set_zoom_level (viewport, g_getenv ("SITREP_TEST_ZOOM") ? g_ascii_strtod (g_getenv ("SITREP_TEST_ZOOM"), NULL) : 8);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 49.9, 36.9);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (f->map));
  f->layers = sitrep_basemap_layers_new (f->map, NULL, f->settings);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), sitrep_basemap_layers_get_attribution (f->layers));
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->layers);
  g_clear_object (&f->settings);
}

static gboolean
tiles_and_labels (Fixture *f)
{
  return sitrep_basemap_source_get_n_rendered (sitrep_basemap_layers_get_offline_source (f->layers)) >= 4
         && sitrep_label_layer_get_n_placed (sitrep_basemap_layers_get_label_layer (f->layers)) > 0;
}

static guint dark_baseline;

static gboolean
dark_tiles (Fixture *f)
{
  return sitrep_basemap_source_get_n_rendered (sitrep_basemap_layers_get_offline_source (f->layers))
         >= dark_baseline + 4;
}

/* Saves what the window shows to $SITREP_TEST_SCREENSHOT_DIR/NAME.png, when set. */
static void
screenshot (Fixture    *f,
            const char *name)
{
  const char *dir = g_getenv ("SITREP_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  /* Let the last tiles be decoded and drawn. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  w = gtk_widget_get_width (GTK_WIDGET (f->window));
  h = gtk_widget_get_height (GTK_WIDGET (f->window));
  paintable = gtk_widget_paintable_new (gtk_window_get_child (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn yet: no screenshot %s", name);
      return;
    }
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_tiles_labels_dark (Fixture       *f,
                        gconstpointer  data)
{
  SitrepLabelLayer *labels = sitrep_basemap_layers_get_label_layer (f->layers);

  /* Tiles rendered on worker threads reach the map, and labels are placed. */
  g_assert_true (wait_for (tiles_and_labels, f, 30));
  g_assert_cmpint (sitrep_basemap_layers_get_style (f->layers), ==, SITREP_BASEMAP_STYLE_LIGHT);
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "offline");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sitrep_basemap_layers_get_attribution (f->layers))),
                   ==, "Map data: Natural Earth, GSHHG");
  screenshot (f, "basemap-light");

  /* The desktop turns dark: the map follows at once, with new tiles. */
  dark_baseline = sitrep_basemap_source_get_n_rendered (sitrep_basemap_layers_get_offline_source (f->layers));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (sitrep_basemap_layers_get_style (f->layers), ==, SITREP_BASEMAP_STYLE_DARK);
  g_assert_cmpint (sitrep_label_layer_get_style (labels), ==, SITREP_BASEMAP_STYLE_DARK);
  g_assert_true (wait_for (dark_tiles, f, 30));
  screenshot (f, "basemap-dark");

  /* "Dark map: never" wins over the desktop. */
  g_settings_set_string (f->settings, "dark-map", "off");
  g_assert_cmpint (sitrep_basemap_layers_get_style (f->layers), ==, SITREP_BASEMAP_STYLE_LIGHT);
  g_settings_set_string (f->settings, "dark-map", "auto");
  g_assert_cmpint (sitrep_basemap_layers_get_style (f->layers), ==, SITREP_BASEMAP_STYLE_DARK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_online_attribution (Fixture       *f,
                         gconstpointer  data)
{
  GtkLabel *attribution = GTK_LABEL (sitrep_basemap_layers_get_attribution (f->layers));

  g_settings_set_string (f->settings, "kind", "osm");
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "osm");
  g_assert_cmpstr (gtk_label_get_text (attribution), ==, "© OpenStreetMap contributors");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (attribution)));
  /* Whatever the network does, the offline tiles keep coming underneath. */
  g_assert_true (wait_for (tiles_and_labels, f, 30));

  g_settings_set_string (f->settings, "kind", "offline");
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "offline");
  g_assert_cmpstr (gtk_label_get_text (attribution), ==, "Map data: Natural Earth, GSHHG");
}

/* Export Map Image takes what the map shows: the viewport's centre and zoom. */
static void
test_export_from_viewport (Fixture       *f,
                           gconstpointer  data)
{
  SitrepMapImage image = { 0 };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  sitrep_map_image_init_from_viewport (&image, shumate_map_get_viewport (f->map), 400, 300);
  g_assert_cmpfloat_with_epsilon (image.latitude, 49.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (image.longitude, 36.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (image.zoom, shumate_viewport_get_zoom_level (shumate_map_get_viewport (f->map)), 1e-9);
  surface = sitrep_map_image_render (&image, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 400);
  cairo_surface_destroy (surface);
}

/* In the ui branch's map view: the basemap goes under the pins, the labels between. */
static void
test_in_map_view (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SitrepMapView *view = sitrep_map_view_new ();
  ShumateMap *map = sitrep_map_view_get_map (view);
  g_autoptr(GSettings) settings = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);
  SitrepBasemapLayers *layers = NULL;
  GtkWidget *pins = GTK_WIDGET (sitrep_map_view_get_pin_layer (view));
  int labels_at = -1, pins_at = -1, offline_at = -1, i = 0;
  Fixture f = { window, map, settings, NULL };

  g_settings_reset (settings, "kind");
  g_settings_reset (settings, "dark-map");
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  /* The map view made its layers behind its pins, following the default settings. */
  layers = sitrep_map_view_get_basemap_layers (view);
  f.layers = layers;
  gtk_window_present (window);
  sitrep_map_view_go_to (view, 49.71, 37.61, 9);
  {
    /* The sample collection's pins, when the build made it. */
    g_autofree char *sample = g_build_filename (g_getenv ("SITREP_DATA_DIR"), "sample.sitrep", NULL);
    g_autoptr(SitrepEventStore) store = sitrep_event_store_new ();

    if (g_file_test (sample, G_FILE_TEST_IS_REGULAR)
        && sitrep_event_store_load (store, sample, NULL, NULL, NULL, NULL))
      sitrep_map_view_set_store (view, store);
  }
  g_assert_true (wait_for (tiles_and_labels, &f, 30));

  /* Children of the map, bottom to top. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (map)); c; c = gtk_widget_get_next_sibling (c), i++)
    {
      if (c == pins)
        pins_at = i;
      else if (c == GTK_WIDGET (sitrep_basemap_layers_get_label_layer (layers)))
        labels_at = i;
      else if (SHUMATE_IS_MAP_LAYER (c) && offline_at < 0)
        offline_at = i;
    }
  g_assert_cmpint (offline_at, >=, 0);
  g_assert_cmpint (offline_at, <, labels_at);
  g_assert_cmpint (labels_at, <, pins_at);
  screenshot (&f, "basemap-map-view");
  gtk_window_destroy (window);
}

static gboolean
has_size (Fixture *f)
{
  return gtk_widget_get_width (GTK_WIDGET (f->map)) > 0;
}

/* On a turned map, labels' dots sit where libshumate puts the places. */
static void
test_rotation_matches_shumate (Fixture       *f,
                               gconstpointer  data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (f->map);
  double w, h, zoom, cx, cy, x, y;
  g_autoptr(GArray) labels = sitrep_map_labels_new (SITREP_MAP_LANGUAGE_LATIN);
  g_autoptr(GArray) placed = NULL;
  guint checked = 0;

  g_assert_true (wait_for (has_size, f, 10));
  shumate_viewport_set_rotation (viewport, 0.5);
  w = gtk_widget_get_width (GTK_WIDGET (f->map));
  h = gtk_widget_get_height (GTK_WIDGET (f->map));
  zoom = shumate_viewport_get_zoom_level (viewport);
  sitrep_basemap_latlon_to_world (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  zoom, &cx, &cy);
  placed = sitrep_map_labels_layout_full (labels, gtk_widget_get_pango_context (GTK_WIDGET (f->map)),
                                          zoom, cx - w / 2, cy - h / 2, w, h, 0.5);
  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);
      const SitrepMapLabel *l = &g_array_index (labels, SitrepMapLabel, p->label);

      if (l->kind != SITREP_MAP_LABEL_SETTLEMENT)
        continue;
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (f->map), l->lat, l->lon, &x, &y);
      g_assert_cmpfloat (fabs (x - p->dot_x), <, 1.0);
      g_assert_cmpfloat (fabs (y - p->dot_y), <, 1.0);
      checked++;
    }
  g_assert_cmpuint (checked, >, 3);
  shumate_viewport_set_rotation (viewport, 0);
}

static char *
make_mbtiles (const char *dir)
{
  char *path = g_build_filename (dir, "user.mbtiles", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "INSERT INTO metadata VALUES ('format', 'png'), ('name', 'Mine'),"
                                 " ('attribution', 'My <i>own</i> tiles');"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB);"
                                 "INSERT INTO tiles VALUES (8, 154, 168, x'00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
test_preferences_mbtiles (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("sitrep-prefs-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "notes.mbtiles", NULL);
  g_autofree char *good = make_mbtiles (dir);
  SitrepPreferences *prefs = sitrep_preferences_new (f->window, f->settings);
  g_autofree char *kind = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (g_file_set_contents (bad, "Just some notes, not a tile database; long enough for a "
                                      "header to be read and refused by SQLite.", -1, NULL));

  /* A bad file: refused, the basemap stays offline. */
  g_assert_false (sitrep_preferences_open_mbtiles (prefs, bad));
  kind = g_settings_get_string (f->settings, "kind");
  g_assert_cmpstr (kind, ==, "offline");
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "offline");

  /* A good one: used at once, its attribution shown as plain text. */
  g_assert_true (sitrep_preferences_open_mbtiles (prefs, good));
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "mbtiles");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sitrep_basemap_layers_get_attribution (f->layers))),
                   ==, "My <i>own</i> tiles");

  /* Then a bad one again: refused, the good one stays. */
  g_assert_false (sitrep_preferences_open_mbtiles (prefs, bad));
  g_assert_cmpstr (sitrep_basemap_layers_get_kind (f->layers), ==, "mbtiles");

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_unlink (bad);
  g_unlink (good);
  g_rmdir (dir);
}

/* With the network cut, choosing OpenStreetMap still shows the offline map under it,
 * with no error: the online test again, in a network namespace of its own. */
static void
test_no_network (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { "unshare", "-n", self, "-p", "/basemap-ui/online-attribution", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_command_line_sync ("unshare -n true", NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("unshare -n is not permitted here: cannot cut the network for this test");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("The online test failed without network:\n%s\n%s", out, err);
  g_assert_nonnull (strstr (out, "ok 1 /basemap-ui/online-attribution"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/basemap-ui/tiles-labels-dark", Fixture, NULL, fixture_setup, test_tiles_labels_dark,
              fixture_teardown);
  g_test_add ("/basemap-ui/online-attribution", Fixture, NULL, fixture_setup, test_online_attribution,
              fixture_teardown);
  g_test_add ("/basemap-ui/preferences-mbtiles", Fixture, NULL, fixture_setup, test_preferences_mbtiles,
              fixture_teardown);
  g_test_add ("/basemap-ui/export-from-viewport", Fixture, NULL, fixture_setup, test_export_from_viewport,
              fixture_teardown);
  g_test_add_func ("/basemap-ui/in-map-view", test_in_map_view);
  g_test_add ("/basemap-ui/rotation-matches-shumate", Fixture, NULL, fixture_setup,
              test_rotation_matches_shumate, fixture_teardown);
  g_test_add_func ("/basemap-ui/no-network", test_no_network);
  return g_test_run ();
}
