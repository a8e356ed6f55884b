/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-uncertainty.c: how sure an event is shows on the map (halo, region, hollow, "!")
 * and in the legend, on the sample collection in a real map view under Xvfb. */
#define G_LOG_DOMAIN "sitrep-test-ui-uncertainty"

#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>

#include "sitrep-kind-style.h"
#include "sitrep-map-legend.h"
#include "sitrep-map-view.h"
#include "sitrep-test-util.h"

static SitrepEventStore *store;
static GtkWidget *window;
static SitrepMapView *map_view;
static SitrepPinLayer *layer;

typedef struct
{
  guchar *pixels;   /* B G R A, premultiplied */
  int width;
  int height;
} Frame;

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
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frame, frame_clear)

/* What the pin layer alone draws in a frame (its snapshot (), as GTK calls it), rendered
 * by the window's renderer: transparent wherever it draws nothing. */
static void
render_layer (Frame *frame)
{
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (layer));
  int h = gtk_widget_get_height (GTK_WIDGET (layer));

  frame_clear (frame);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (layer)->snapshot (GTK_WIDGET (layer), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  frame->width = w;
  frame->height = h;
  frame->pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, frame->pixels, (gsize) w * 4);
}

/* The pixel at (x, y), unpremultiplied; alpha 0 outside the frame. */
static GdkRGBA
pixel (const Frame *frame,
       double       x,
       double       y)
{
  int px = (int) floor (x), py = (int) floor (y);
  const guchar *p;
  GdkRGBA c = { 0, 0, 0, 0 };

  if (px < 0 || py < 0 || px >= frame->width || py >= frame->height)
    return c;
  p = frame->pixels + ((gsize) py * frame->width + px) * 4;
  c.alpha = p[3] / 255.0f;
  if (p[3] > 0)
    {
      c.red = p[2] / (float) p[3];
      c.green = p[1] / (float) p[3];
      c.blue = p[0] / (float) p[3];
    }
  return c;
}

static gboolean
same_colour (const GdkRGBA *a,
             const GdkRGBA *b,
             double         tolerance)
{
  return fabs (a->red - b->red) < tolerance && fabs (a->green - b->green) < tolerance
         && fabs (a->blue - b->blue) < tolerance;
}

/* To look at it: with SITREP_TEST_SCREENSHOT_DIR set, saves the screen as NAME.png there
 * (popovers are surfaces of their own: ImageMagick's import takes the whole screen). */
static void
save_screen (const char *name)
{
  const char *dir = g_getenv ("SITREP_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL, *path = NULL, *command = NULL;

  if (dir == NULL)
    return;
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  iterate_for (500);
  if (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_test_message ("Saved %s", path);
}

/* Only these events drawn (the filter mask), so that the pixels are theirs alone. */
static void
show_only (const guint *indices,
           guint        n)
{
  guint n_events = sitrep_event_store_get_n_events (store);
  gsize n_words = (n_events + 63) / 64;
  guint64 *bits = g_new0 (guint64, n_words);
  g_autoptr (GBytes) mask = NULL;

  for (guint i = 0; i < n; i++)
    bits[indices[i] >> 6] |= G_GUINT64_CONSTANT (1) << (indices[i] & 63);
  mask = g_bytes_new_take (bits, n_words * sizeof (guint64));
  sitrep_pin_layer_set_filter_mask (layer, mask);
}

static void
go_to (guint  index,
       double zoom)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);

  sitrep_map_view_go_to (map_view, c->lat[index], c->lon[index], zoom);
  iterate_for (50);
}

static guint
precision_of (guint index)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);

  return c->flags[index] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK;
}

/* The first event with this precision and kind (or any kind with SITREP_N_KINDS), whose
 * hedged and disputed flags are as asked (-1: either). */
static guint
find_event (guint           precision,
            SitrepEventKind kind,
            int             hedged,
            int             disputed)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);

  for (guint i = 0; i < c->n_events; i++)
    {
      if (precision_of (i) != precision)
        continue;
      if (kind != SITREP_N_KINDS && c->kind[i] != kind)
        continue;
      if (hedged >= 0 && !!(c->flags[i] & SITREP_EVENT_FLAG_HEDGED) != hedged)
        continue;
      if (disputed >= 0 && !!(c->flags[i] & SITREP_EVENT_FLAG_DISPUTED) != disputed)
        continue;
      return i;
    }
  return G_MAXUINT;
}

static void
position (guint   index,
          double *x,
          double *y)
{
  g_assert_true (sitrep_pin_layer_get_position (layer, index, x, y));
  /* The pin's texture is placed on whole pixels: its centre, as drawn. */
  *x = round (*x);
  *y = round (*y);
}

/* The share of samples on a ring of radius r around (x, y) that are translucent (alpha
 * between lo and hi) and of the colour given (or any colour when NULL). */
static double
ring_share (const Frame   *frame,
            double         x,
            double         y,
            double         r,
            double         lo,
            double         hi,
            const GdkRGBA *colour)
{
  guint n = 0, hits = 0;

  for (guint k = 0; k < 48; k++)
    {
      double a = 2 * G_PI * (k + 0.5) / 48;
      GdkRGBA p = pixel (frame, x + r * cos (a), y + r * sin (a));

      n++;
      if (p.alpha >= lo && p.alpha <= hi && (colour == NULL || same_colour (&p, colour, 0.1)))
        hits++;
    }
  return (double) hits / n;
}

/* Region: no opaque pin at the point, a translucent disc of the kind's colour about 60 km
 * wide on the ground, which grows with the zoom; clicking its centre selects it. */
static void
test_region (void)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  guint region = find_event (SITREP_GEO_PRECISION_REGION, SITREP_N_KINDS, -1, 0);
  guint settlement;
  g_auto (Frame) frame = { 0 };
  GdkRGBA colour, at;
  double x, y, r8, inside, outside, grown;
  graphene_point_t in_map;

  g_assert_cmpuint (region, !=, G_MAXUINT);
  sitrep_kind_style_get_color (c->kind[region], &colour);
  settlement = find_event (SITREP_GEO_PRECISION_SETTLEMENT, SITREP_N_KINDS, 0, 0);
  g_assert_cmpuint (settlement, !=, G_MAXUINT);

  show_only (&region, 1);
  go_to (region, 8);
  render_layer (&frame);
  position (region, &x, &y);
  /* 60 km at this latitude and zoom, in pixels (Web Mercator, 256 px tiles). */
  r8 = 60000.0 / (40075016.686 * cos (c->lat[region] * G_PI / 180.0) / (256.0 * 256.0));
  g_test_message ("region %u at %.0f,%.0f, radius %.1f px", region, x, y, r8);
  g_assert_cmpfloat (r8, >, 100);

  /* Where a pin would be opaque (7 px off its centre), the region is see-through. */
  at = pixel (&frame, x + 7, y);
  g_assert_cmpfloat (at.alpha, <, 0.5);
  at = pixel (&frame, x, y - 8);
  g_assert_cmpfloat (at.alpha, <, 0.5);

  /* Wide: half-way to the edge and near the edge, the kind's colour, translucent. */
  inside = ring_share (&frame, x, y, r8 * 0.5, 0.05, 0.5, &colour);
  g_test_message ("translucent kind colour at r/2: %.2f", inside);
  g_assert_cmpfloat (inside, >=, 0.9);
  inside = ring_share (&frame, x, y, r8 * 0.85, 0.05, 0.5, &colour);
  g_assert_cmpfloat (inside, >=, 0.9);
  /* And it ends where 60 km end. */
  outside = ring_share (&frame, x, y, r8 * 1.25, 0.02, 1.0, NULL);
  g_test_message ("anything drawn at 1.25 r: %.2f", outside);
  g_assert_cmpfloat (outside, <=, 0.05);

  /* One zoom level in, it covers twice as many pixels: the same ground. */
  go_to (region, 9);
  render_layer (&frame);
  position (region, &x, &y);
  grown = ring_share (&frame, x, y, r8 * 1.25, 0.05, 0.5, &colour);
  g_test_message ("kind colour at 1.25 r8 at zoom 9: %.2f", grown);
  g_assert_cmpfloat (grown, >=, 0.9);

  /* A settlement's pin is opaque where the region's centre is not. */
  show_only (&settlement, 1);
  go_to (settlement, 8);
  position (settlement, &x, &y);
  render_layer (&frame);
  at = pixel (&frame, x + 6, y);
  g_assert_cmpfloat (at.alpha, >, 0.95);
  at = pixel (&frame, x, y - 7);
  g_assert_cmpfloat (at.alpha, >, 0.95);
  g_assert_cmpfloat (ring_share (&frame, x, y, 40, 0.02, 1.0, NULL), <=, 0.05);

  /* Clicking the region's centre: the pointer lands on the pin layer, which selects it. */
  show_only (&region, 1);
  go_to (region, 8);
  position (region, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (map_view),
                                           &GRAPHENE_POINT_INIT (x, y), &in_map));
  g_assert_true (gtk_widget_pick (GTK_WIDGET (map_view), in_map.x, in_map.y, GTK_PICK_DEFAULT)
                 == GTK_WIDGET (layer));
  sitrep_pin_layer_set_selected_index (layer, G_MAXUINT);
  g_assert_true (sitrep_pin_layer_activate_at (layer, x + 2, y + 1));
  g_assert_cmpuint (sitrep_pin_layer_get_selected_index (layer), ==, region);
  /* Far from the centre, inside the region, the map stays draggable: nothing is taken. */
  g_assert_false (gtk_widget_contains (GTK_WIDGET (layer), x + r8 * 0.5, y));

  /* Selected, the region is drawn stronger, under a selected mark. */
  render_layer (&frame);
  at = pixel (&frame, x + r8 * 0.5, y + 0.5);
  g_assert_cmpfloat (at.alpha, >, 0.2);
  sitrep_pin_layer_set_filter_mask (layer, NULL);
  save_screen ("uncertainty-region-selected");
  sitrep_pin_layer_set_selected_index (layer, G_MAXUINT);

  /* With every event shown, the region's centre still selects a region event. */
  sitrep_pin_layer_set_filter_mask (layer, NULL);
  iterate_for (20);
  g_assert_true (sitrep_pin_layer_activate_at (layer, x, y));
  g_assert_cmpuint (precision_of (sitrep_pin_layer_get_selected_index (layer)), ==,
                    SITREP_GEO_PRECISION_REGION);
  sitrep_pin_layer_set_selected_index (layer, G_MAXUINT);
}

/* Near: tinted pixels around the pin, where a settlement's pin leaves the map alone. */
static void
test_halo (void)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  guint near = find_event (SITREP_GEO_PRECISION_NEAR, SITREP_N_KINDS, -1, 0);
  guint settlement = find_event (SITREP_GEO_PRECISION_SETTLEMENT, SITREP_N_KINDS, -1, 0);
  g_auto (Frame) frame = { 0 };
  GdkRGBA colour;
  double x, y, tinted;

  g_assert_cmpuint (near, !=, G_MAXUINT);
  g_assert_cmpuint (settlement, !=, G_MAXUINT);

  sitrep_kind_style_get_color (c->kind[near], &colour);
  show_only (&near, 1);
  go_to (near, 8);
  render_layer (&frame);
  position (near, &x, &y);
  /* The pin ends at 8.5 px; 11–14 px out is halo only. */
  tinted = ring_share (&frame, x, y, 11, 0.1, 0.6, &colour);
  g_test_message ("halo tint at 11 px: %.2f", tinted);
  g_assert_cmpfloat (tinted, >=, 0.9);
  g_assert_cmpfloat (ring_share (&frame, x, y, 14, 0.05, 0.6, &colour), >=, 0.9);
  /* Soft: fainter further out, nothing at 25 px. */
  g_assert_cmpfloat (pixel (&frame, x + 15, y).alpha, <, pixel (&frame, x + 10, y).alpha);
  g_assert_cmpfloat (ring_share (&frame, x, y, 25, 0.02, 1.0, NULL), <=, 0.05);

  show_only (&settlement, 1);
  go_to (settlement, 8);
  render_layer (&frame);
  position (settlement, &x, &y);
  g_assert_cmpfloat (ring_share (&frame, x, y, 11, 0.02, 1.0, NULL), <=, 0.05);
  g_assert_cmpfloat (ring_share (&frame, x, y, 14, 0.02, 1.0, NULL), <=, 0.05);

  /* Zoomed in, the halo covers a few km of ground: wider than at zoom 8. */
  show_only (&near, 1);
  go_to (near, 12);
  render_layer (&frame);
  position (near, &x, &y);
  tinted = ring_share (&frame, x, y, 40, 0.05, 0.6, &colour);
  g_test_message ("halo tint at 40 px, zoom 12: %.2f", tinted);
  g_assert_cmpfloat (tinted, >=, 0.9);

  sitrep_pin_layer_set_filter_mask (layer, NULL);
  go_to (near, 11);
  save_screen ("uncertainty-z11");
  go_to (near, 8);
  save_screen ("uncertainty-z8");
}

/* The share of pixels within r of (x, y) that have the colour, opaque. */
static double
disc_share (const Frame   *frame,
            double         x,
            double         y,
            double         r,
            const GdkRGBA *colour)
{
  guint n = 0, hits = 0;

  for (double dy = -r; dy <= r; dy += 0.5)
    for (double dx = -r; dx <= r; dx += 0.5)
      {
        GdkRGBA p;

        if (dx * dx + dy * dy > r * r)
          continue;
        p = pixel (frame, x + dx, y + dy);
        n++;
        if (p.alpha > 0.9 && same_colour (&p, colour, 0.12))
          hits++;
      }
  return n > 0 ? (double) hits / n : 0;
}

/* Hedged only: the centre of the pin is not filled with the kind's colour; confirmed is. */
static void
test_hollow (void)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (store);
  guint hedged = G_MAXUINT, confirmed = G_MAXUINT;
  g_auto (Frame) frame = { 0 };
  GdkRGBA colour;
  double x, y, filled_share, hollow_share;

  /* A hedged and a confirmed settlement pin of the same kind. */
  for (guint k = 1; k < SITREP_N_KINDS && (hedged == G_MAXUINT || confirmed == G_MAXUINT); k++)
    {
      hedged = find_event (SITREP_GEO_PRECISION_SETTLEMENT, k, 1, 0);
      confirmed = find_event (SITREP_GEO_PRECISION_SETTLEMENT, k, 0, 0);
    }
  g_assert_cmpuint (hedged, !=, G_MAXUINT);
  g_assert_cmpuint (confirmed, !=, G_MAXUINT);
  g_assert_cmpuint (c->kind[hedged], ==, c->kind[confirmed]);
  sitrep_kind_style_get_color (c->kind[hedged], &colour);

  show_only (&confirmed, 1);
  go_to (confirmed, 8);
  render_layer (&frame);
  position (confirmed, &x, &y);
  filled_share = disc_share (&frame, x, y, 4.0, &colour);

  show_only (&hedged, 1);
  go_to (hedged, 8);
  render_layer (&frame);
  position (hedged, &x, &y);
  hollow_share = disc_share (&frame, x, y, 4.0, &colour);
  g_test_message ("%s: kind colour in the centre: confirmed %.2f, hedged %.2f",
                  sitrep_event_kind_label (c->kind[hedged]), filled_share, hollow_share);
  g_assert_cmpfloat (filled_share, >, 0.4);
  g_assert_cmpfloat (hollow_share, <, 0.3);
  /* Still the kind's colour on its ring: hollow, not missing. */
  g_assert_cmpfloat (ring_share (&frame, x, y, 5.5, 0.95, 1.0, &colour), >=, 0.9);
}

/* Disputed: a red "!" badge at the upper right of its mark, which others do not have. */
static void
test_disputed (void)
{
  guint disputed = find_event (SITREP_GEO_PRECISION_REGION, SITREP_N_KINDS, -1, 1);
  guint plain = find_event (SITREP_GEO_PRECISION_REGION, SITREP_N_KINDS, -1, 0);
  const GdkRGBA red = { 0xc0 / 255.0f, 0x1c / 255.0f, 0x28 / 255.0f, 1 };
  g_auto (Frame) frame = { 0 };
  double x, y;
  float dx, dy;

  g_assert_cmpuint (disputed, !=, G_MAXUINT);
  g_assert_cmpuint (plain, !=, G_MAXUINT);
  sitrep_kind_style_disputed_mark_offset (TRUE, FALSE, &dx, &dy);

  show_only (&disputed, 1);
  go_to (disputed, 8);
  render_layer (&frame);
  position (disputed, &x, &y);
  g_assert_cmpfloat (disc_share (&frame, x + dx, y + dy, 2.5, &red), >, 0.3);

  show_only (&plain, 1);
  go_to (plain, 8);
  render_layer (&frame);
  position (plain, &x, &y);
  g_assert_cmpfloat (disc_share (&frame, x + dx, y + dy, 2.5, &red), <, 0.05);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The legend: a button over the map opens it; it names each case and each kind. */
static void
test_legend (void)
{
  GtkMenuButton *button = sitrep_map_view_get_legend_button (map_view);
  SitrepMapLegend *legend = sitrep_map_view_get_legend (map_view);
  g_autofree char *text = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  const char *cases[] = { "Pin", "Halo", "Dashed area", "region", "Filled", "Hollow", "hedged",
                          "disputed" };

  g_assert_nonnull (button);
  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Map Legend");
  /* Keyboard: the button takes focus (Tab reaches it) and opens the popover. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legend)));

  text = sitrep_map_legend_dup_text (legend);
  g_test_message ("%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_nonnull (strstr (text, cases[i]));
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    g_assert_nonnull (strstr (text, sitrep_event_kind_label (k)));
  /* What the legend says is what the user sees in it. */
  collect_labels (GTK_WIDGET (legend), shown);
  g_assert_cmpstr (shown->str, ==, text);

  /* Each entry has a drawn symbol beside its words. */
  {
    guint pictures = 0;
    GtkWidget *w = GTK_WIDGET (legend);
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, w);
    while ((w = g_queue_pop_head (&queue)) != NULL)
      {
        if (GTK_IS_IMAGE (w))
          {
            GdkPaintable *p = gtk_image_get_paintable (GTK_IMAGE (w));

            g_assert_nonnull (p);
            g_assert_cmpint (gdk_paintable_get_intrinsic_width (p), >, 20);
            pictures++;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_assert_cmpuint (pictures, ==, 6 + SITREP_N_KINDS);
  }
  save_screen ("map-legend");
  gtk_menu_button_popdown (button);
  iterate_for (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = NULL;
  const char *data_dir;
  int status;

  sitrep_test_init (&argc, &argv);
  gtk_init ();
  /* The app's style (Adwaita), as the window has it. */
  adw_init ();

  data_dir = g_getenv ("SITREP_DATA_DIR");
  g_assert_nonnull (data_dir);
  /* sitrep-cli generate --fixture data/sample/sample-events.txt: events of every precision. */
  sample = g_build_filename (data_dir, "sample.sitrep", NULL);
  store = sitrep_event_store_new ();
  g_assert_true (sitrep_event_store_load (store, sample, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr (GSettings) basemap = g_settings_new (SITREP_BASEMAP_SCHEMA_ID);

    g_settings_set_string (basemap, "kind", "offline");
  }

  window = gtk_window_new ();
  map_view = sitrep_map_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map_view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  sitrep_map_view_set_store (map_view, store);
  layer = sitrep_map_view_get_pin_layer (map_view);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 500 && gtk_widget_get_width (GTK_WIDGET (layer)) < 500; i++)
    iterate_for (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (layer)), >=, 500);
  iterate_for (100);

  g_test_add_func ("/ui-uncertainty/region", test_region);
  g_test_add_func ("/ui-uncertainty/halo", test_halo);
  g_test_add_func ("/ui-uncertainty/hollow", test_hollow);
  g_test_add_func ("/ui-uncertainty/disputed", test_disputed);
  g_test_add_func ("/ui-uncertainty/legend", test_legend);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  return status;
}
