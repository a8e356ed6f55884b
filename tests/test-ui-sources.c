/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-sources.c: the sources sidebar, claim cards, document view and ratings, in a real
 * window on collections made by `sitrep-cli extract --db` (the seed, fixtures, hostile text). */
#define G_LOG_DOMAIN "test-ui-sources"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <sqlite3.h>

#include "core/sitrep-db.h"
#include "ui/sitrep-application-private.h"
#include "ui/sitrep-basemap-layers.h"
#include "ui/sitrep-claim-card.h"
#include "ui/sitrep-document-view.h"
#include "ui/sitrep-event-sidebar-private.h"
#include "ui/sitrep-map-view.h"
#include "ui/sitrep-pin-layer.h"
#include "ui/sitrep-timeline.h"
#include "ui/sitrep-rating-popover.h"
#include "ui/sitrep-window-private.h"

#define OUTLET "Frontline Wire"
#define SEED_URL "https://example.org/wire/kupiansk-casualties"

static SitrepApplication *app;
static SitrepWindow *window;
static char *tmpdir;
static char *collection;        /* seed + fixtures */
static char *hostile_collection;

/* ---- helpers ---- */

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

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
loaded (gpointer data)
{
  return !sitrep_window_get_loading (window) && sitrep_window_has_collection (window)
         && g_strcmp0 (sitrep_event_store_get_path (sitrep_window_get_store (window)), data) == 0;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Runs sitrep-cli extract on files into db; returns its exit status, stderr in *err. */
static int
run_extract (const char  *db,
             const char  *outlet,
             const char  *url,
             const char **files,
             char       **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, g_strdup (g_getenv ("SITREP_CLI")));
  g_ptr_array_add (argv, g_strdup ("extract"));
  g_ptr_array_add (argv, g_strdup ("--published=2024-11-25"));
  if (outlet)
    g_ptr_array_add (argv, g_strdup_printf ("--outlet=%s", outlet));
  if (url)
    g_ptr_array_add (argv, g_strdup_printf ("--url=%s", url));
  g_ptr_array_add (argv, g_strdup_printf ("--db=%s", db));
  for (guint i = 0; files[i]; i++)
    g_ptr_array_add (argv, g_strdup (files[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
open_collection (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  sitrep_window_open (window, file);
  g_assert_true (iterate_until (loaded, (gpointer) path, 30000));
  iterate_for (50);
}

static guint
find_kind (SitrepEventKind kind)
{
  const SitrepEventColumns *c = sitrep_event_store_get_columns (sitrep_window_get_store (window));

  for (guint i = 0; i < c->n_events; i++)
    if (c->kind[i] == kind)
      return i;
  return G_MAXUINT;
}

/* Selects the event at index as a click on its pin does; returns the sidebar. */
static SitrepEventSidebar *
select_index (guint index)
{
  SitrepPinLayer *layer = sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window));
  SitrepEventSidebar *sidebar = sitrep_window_get_sidebar (window);

  sitrep_pin_layer_set_selected_index (layer, G_MAXUINT);
  sitrep_pin_layer_set_selected_index (layer, index);
  iterate_for (30);
  g_assert_false (sitrep_event_sidebar_is_empty (sidebar));
  return sidebar;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      if (gtk_widget_get_ancestor (widget, ADW_TYPE_STATUS_PAGE) == NULL)
        g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static SitrepClaimCard *
find_card_by_speaker (SitrepEventSidebar *sidebar,
                      const char         *speaker)
{
  GList *cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  SitrepClaimCard *found = NULL;

  for (GList *l = cards; l && !found; l = l->next)
    if (g_str_has_prefix (gtk_label_get_text (sitrep_claim_card_get_speaker_label (l->data)), speaker))
      found = l->data;
  g_list_free (cards);
  return found;
}

/* Whether the label's attributes make [start, end) of its text bold and underlined. */
static gboolean
range_emphasised (GtkLabel *label,
                  guint     start,
                  guint     end)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr (GSList) list = NULL;
  gboolean bold = FALSE, underline = FALSE;

  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->start_index <= start && attr->end_index >= end)
        {
          if (attr->klass->type == PANGO_ATTR_WEIGHT
              && ((PangoAttrInt *) attr)->value >= PANGO_WEIGHT_BOLD)
            bold = TRUE;
          if (attr->klass->type == PANGO_ATTR_UNDERLINE
              && ((PangoAttrInt *) attr)->value != PANGO_UNDERLINE_NONE)
            underline = TRUE;
        }
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return bold && underline;
}

static gboolean
any_range_emphasised (GtkLabel *label,
                      guint     start,
                      guint     end)
{
  return range_emphasised (label, start, end);
}

/* Opens the card's document view the way Enter does; returns it, mapped. */
static SitrepDocumentView *
open_document (SitrepEventSidebar *sidebar,
               SitrepClaimCard    *card)
{
  SitrepDocumentView *view;

  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (card)));
  view = sitrep_event_sidebar_get_document_view (sidebar);
  g_assert_nonnull (view);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (view)) == GTK_WINDOW (window));
  g_assert_true (iterate_until (widget_mapped, view, 5000));
  iterate_for (50);
  return view;
}

static void
close_document (SitrepEventSidebar *sidebar,
                SitrepDocumentView *view)
{
  /* Escape closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "window.close", NULL));
  iterate_for (30);
  g_assert_null (sitrep_event_sidebar_get_document_view (sidebar));
}

static char *
highlighted_text (SitrepDocumentView *view)
{
  GtkTextIter start, end;

  if (!sitrep_document_view_get_highlight (view, &start, &end))
    return NULL;
  return gtk_text_iter_get_text (&start, &end);
}

typedef struct
{
  char *subject_kind;
  char *subject;
  char *reliability;
  int credibility;
} RatingRow;

/* Every row of the ratings table, read with SQLite as any other program would. */
static GPtrArray *
ratings_rows (const char *path)
{
  GPtrArray *rows = g_ptr_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT subject_kind, subject, reliability, "
                                       "credibility FROM ratings ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RatingRow *row = g_new0 (RatingRow, 1);

      row->subject_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->reliability = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->credibility = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static void
rating_rows_free (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RatingRow *row = g_ptr_array_index (rows, i);

      g_free (row->subject_kind);
      g_free (row->subject);
      g_free (row->reliability);
      g_free (row);
    }
  g_ptr_array_unref (rows);
}

/* ---- the seed's casualty event ---- */

static void
test_casualty_event (void)
{
  SitrepEventSidebar *sidebar;
  SitrepEvent *event;
  SitrepClaimCard *card, *cue_card = NULL;
  SitrepClaim *claim;
  SitrepDocumentView *view;
  g_autofree char *text = NULL;
  g_autofree char *highlight = NULL;
  guint index;
  GList *cards;

  open_collection (collection);
  index = find_kind (SITREP_KIND_CASUALTY_CLAIM);
  g_assert_cmpuint (index, !=, G_MAXUINT);
  sidebar = select_index (index);
  event = sitrep_event_sidebar_get_event (sidebar);
  g_assert_nonnull (event);
  g_assert_cmpint (event->kind, ==, SITREP_KIND_CASUALTY_CLAIM);

  /* What a reader sees at a glance: one voice, hedged, disputed. */
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sidebar, "kind"), ==, "Casualty claim");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sidebar, "dates"), ==, "17–23 Nov 2024");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sidebar, "status"), ==,
                   "1 source · hedged · disputed");
  g_assert_cmpstr (sitrep_event_sidebar_get_field_text (sidebar, "strength"), ==, "Weak support");
  g_assert_nonnull (strstr (sitrep_event_sidebar_get_field_text (sidebar, "figures"),
                            "according to Andrei Marocho"));

  /* The expert's card. */
  card = find_card_by_speaker (sidebar, "Andrei Marocho");
  g_assert_nonnull (card);
  claim = sitrep_claim_card_get_claim (card);
  text = visible_text (GTK_WIDGET (card));
  g_assert_nonnull (strstr (text, OUTLET "\n"));
  g_assert_nonnull (strstr (text, "Source: Expert\n"));
  g_assert_nonnull (strstr (text, "Hedged\n"));
  g_assert_nonnull (strstr (text, "25 Nov 2024\n"));
  g_assert_nonnull (strstr (text, "Open Article Online\n"));
  g_assert_nonnull (strstr (gtk_label_get_text (sitrep_claim_card_get_quote_label (card)),
                            "approximately 3,920 casualties"));

  /* The cue "if accurate" is emphasised where the quote says it. */
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  for (GList *l = cards; l; l = l->next)
    {
      GtkLabel *quote = sitrep_claim_card_get_quote_label (l->data);
      const char *at = strstr (gtk_label_get_text (quote), "if accurate");

      if (at)
        {
          guint start = at - gtk_label_get_text (quote);

          g_assert_true (any_range_emphasised (quote, start, start + strlen ("if accurate")));
          /* ... and nothing else is: the words around it are plain. */
          g_assert_false (range_emphasised (quote, 0, start));
          cue_card = l->data;
        }
    }
  g_list_free (cards);
  g_assert_nonnull (cue_card);

  /* The document view: the claim's words highlighted, the article's other claim marked. */
  view = open_document (sidebar, card);
  highlight = highlighted_text (view);
  g_assert_cmpstr (highlight, ==, claim->quote);
  g_assert_cmpuint (sitrep_document_view_get_n_other_spans (view), >=, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (view)), ==, OUTLET " — 25 Nov 2024");
  /* Scrolled to the claim: it starts in the upper half of what is shown. */
  {
    GtkTextView *text_view = sitrep_document_view_get_text_view (view);
    GdkRectangle visible, at;
    GtkTextIter start, end;

    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));

    iterate_for (2500);
    g_assert_true (sitrep_document_view_get_highlight (view, &start, &end));
    gtk_text_view_get_visible_rect (text_view, &visible);
    gtk_text_view_get_iter_location (text_view, &start, &at);
    g_test_message ("visible %d+%d, claim at %d, scrolled %g of %g", visible.y, visible.height,
                    at.y, gtk_adjustment_get_value (adjustment),
                    gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpint (at.y, >=, visible.y);
    /* In the upper half, or as far down as the view goes. */
    if (at.y >= visible.y + visible.height / 2)
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=,
                         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  }
  {
    GtkTextBuffer *buffer = sitrep_document_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *all = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (all, "Kupyansk-Uzlovoy with multiple rocket strikes"));
  }
  close_document (sidebar, view);
}

/* The AP fixture's toll: the governor's "at least five" and the council's "seven" side by
 * side, each with who gave it. */
static void
test_conflicting_figures (void)
{
  SitrepEventSidebar *sidebar;
  const char *conflicts;

  open_collection (collection);
  sidebar = select_index (find_kind (SITREP_KIND_MISSILE_STRIKE));
  conflicts = sitrep_event_sidebar_get_field_text (sidebar, "conflicts");
  g_assert_nonnull (strstr (conflicts, "Killed: figures differ"));
  g_assert_nonnull (strstr (conflicts, "at least 5 — Ivan Fedorov (governor)"));
  g_assert_nonnull (strstr (conflicts, "7 — city council"));
  g_assert_nonnull (strstr (sitrep_event_sidebar_get_field_text (sidebar, "status"), "disputed"));
}

/* The seed's shelling and strike share Kupiansk-Vuzlovyi's point: one pin hides the other,
 * so the sidebar lists it, and choosing it selects it. */
static void
test_same_spot (void)
{
  SitrepEventSidebar *sidebar;
  GList *rows;
  SitrepEvent *event;

  open_collection (collection);
  sidebar = select_index (find_kind (SITREP_KIND_SHELLING));
  rows = sitrep_event_sidebar_get_nearby_rows (sidebar);
  g_assert_cmpuint (g_list_length (rows), ==, 1);
  {
    g_autofree char *text = visible_text (GTK_WIDGET (sidebar));

    g_assert_nonnull (strstr (text, "1 Other Event at This Spot\nStrike\n"));
  }
  g_signal_emit_by_name (gtk_widget_get_parent (rows->data), "row-activated", rows->data);
  g_list_free (rows);
  iterate_for (30);
  event = sitrep_event_sidebar_get_event (sidebar);
  g_assert_cmpint (event->kind, ==, SITREP_KIND_STRIKE);
  g_assert_cmpstr (event->target, ==, "Artyan-Kalor factory");
  g_assert_cmpuint (sitrep_pin_layer_get_selected_index (sitrep_map_view_get_pin_layer (sitrep_window_get_map_view (window))),
                    ==, sitrep_event_store_find_id (sitrep_window_get_store (window), event->id));
}

/* A click on a cluster lists its events in the sidebar, with one verdict for them all,
 * while the map zooms in. A synthetic collection, dense enough to cluster. */
static void
test_cluster_list (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "clusters.sitrep", NULL);
  const char *argv[] = { g_getenv ("SITREP_CLI"), "generate", "--events=3000", "--no-search-index",
                         "--force", path, NULL };
  g_autoptr (GError) error = NULL;
  SitrepMapView *map_view;
  SitrepPinLayer *layer;
  SitrepEventSidebar *sidebar;
  const SitrepEventColumns *c;
  gint64 first = 0, last = 0;
  guint best = 0, n_rows;
  double x = -1, y = -1, zoom;
  int status = -1;
  GList *rows;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  open_collection (path);

  map_view = sitrep_window_get_map_view (window);
  layer = sitrep_map_view_get_pin_layer (map_view);
  sidebar = sitrep_window_get_sidebar (window);
  sitrep_event_store_get_range (sitrep_window_get_store (window), &first, &last);
  sitrep_timeline_set_window (sitrep_window_get_timeline (window), first, last);
  sitrep_map_view_go_to (map_view, 48.5, 35.0, 6);
  iterate_for (100);
  g_assert_cmpuint (sitrep_pin_layer_get_n_clusters (layer), >, 0);

  /* The biggest cluster, found as a pointer would: hovering its members' spots. */
  c = sitrep_event_store_get_columns (sitrep_window_get_store (window));
  for (guint i = 0; i < c->n_events; i += 7)
    {
      double px, py;
      GArray *hovered;

      sitrep_pin_layer_get_position (layer, i, &px, &py);
      if (!sitrep_pin_layer_hover_at (layer, px, py))
        continue;
      hovered = sitrep_pin_layer_get_hovered (layer);
      if (hovered != NULL && hovered->len > best)
        {
          best = hovered->len;
          x = px;
          y = py;
        }
    }
  g_assert_cmpuint (best, >, 1);

  zoom = shumate_viewport_get_zoom_level (sitrep_map_view_get_viewport (map_view));
  g_assert_true (sitrep_pin_layer_activate_at (layer, x, y));
  iterate_for (50);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (sitrep_map_view_get_viewport (map_view)), >, zoom);
  g_assert_true (sitrep_event_sidebar_is_cluster (sidebar));
  rows = sitrep_event_sidebar_get_cluster_rows (sidebar);
  n_rows = g_list_length (rows);
  g_list_free (rows);
  g_assert_cmpuint (n_rows, ==, MIN (best, 200));
  {
    g_autofree char *text = visible_text (GTK_WIDGET (sidebar));
    g_autofree char *heading = best > 200
      ? g_strdup_printf ("%u Events Here, First 200 Listed", best)
      : g_strdup_printf ("%u Events Here", best);

    g_test_message ("cluster sidebar:\n%.400s", text);
    g_assert_nonnull (strstr (text, heading));
  }
}

static void
test_rate_and_undo (void)
{
  SitrepEventSidebar *sidebar;
  SitrepClaimCard *card;
  GPtrArray *before, *after, *undone;
  AdwToast *toast;
  GVariant *target;
  GList *cards;

  open_collection (collection);
  sidebar = select_index (find_kind (SITREP_KIND_CASUALTY_CLAIM));
  g_assert_null (sitrep_event_sidebar_get_read_only_reason (sidebar));
  card = find_card_by_speaker (sidebar, "Andrei Marocho");
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sitrep_claim_card_get_rate_button (card))));
  {
    g_autofree char *badges = sitrep_claim_card_dup_ratings_text (card);

    g_assert_cmpstr (badges, ==, "");
  }

  before = ratings_rows (collection);
  /* Grade the outlet B, as the popover's Save does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.rate", "(ssis)",
                                             "outlet", "B", 0, ""));
  iterate_for (30);
  after = ratings_rows (collection);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  {
    RatingRow *row = g_ptr_array_index (after, after->len - 1);

    g_assert_cmpstr (row->subject_kind, ==, "outlet");
    g_assert_cmpstr (row->subject, ==, OUTLET);
    g_assert_cmpstr (row->reliability, ==, "B");
    g_assert_cmpint (row->credibility, ==, 0);
  }

  /* Every card from that outlet shows the grade (the event was read again). */
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  g_assert_cmpuint (g_list_length (cards), >=, 2);
  for (GList *l = cards; l; l = l->next)
    {
      g_autofree char *badges = sitrep_claim_card_dup_ratings_text (l->data);

      g_assert_cmpstr (badges, ==, "Outlet B");
    }
  g_list_free (cards);

  /* The toast says so and offers Undo. */
  toast = sitrep_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Rated ‘" OUTLET "’ B");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-rating");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo-rating", target));
  iterate_for (30);

  undone = ratings_rows (collection);
  g_assert_cmpuint (undone->len, ==, before->len);
  card = find_card_by_speaker (sidebar, "Andrei Marocho");
  {
    g_autofree char *badges = sitrep_claim_card_dup_ratings_text (card);

    g_assert_cmpstr (badges, ==, "");
  }

  /* A claim's credibility and a speaker's reliability at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.rate", "(ssis)",
                                             "speaker", "E", 3, "one voice, no sources"));
  iterate_for (30);
  card = find_card_by_speaker (sidebar, "Andrei Marocho");
  {
    g_autofree char *badges = sitrep_claim_card_dup_ratings_text (card);

    g_assert_cmpstr (badges, ==, "Speaker E · Claim 3");
  }
  toast = sitrep_window_get_last_toast (window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Rated ‘Andrei Marocho’ E and the claim 3");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo-rating",
                                                     adw_toast_get_action_target_value (toast)));
  iterate_for (30);
  {
    GPtrArray *rows = ratings_rows (collection);

    g_assert_cmpuint (rows->len, ==, before->len);
    rating_rows_free (rows);
  }

  /* Through the popover, as a user does: Save stays insensitive until a grade is chosen. */
  {
    SitrepRatingPopover *popover;
    GtkButton *save;
    GPtrArray *rows;

    card = find_card_by_speaker (sidebar, "Andrei Marocho");
    gtk_menu_button_popup (sitrep_claim_card_get_rate_button (card));
    iterate_for (30);
    popover = SITREP_RATING_POPOVER (gtk_menu_button_get_popover (sitrep_claim_card_get_rate_button (card)));
    save = sitrep_rating_popover_get_save_button (popover);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
    sitrep_rating_popover_set_grades (popover, FALSE, 'C', 0, "  state-aligned  ");
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (save)));
    g_signal_emit_by_name (save, "clicked");
    iterate_for (30);
    rows = ratings_rows (collection);
    g_assert_cmpuint (rows->len, ==, before->len + 1);
    g_assert_cmpstr (((RatingRow *) g_ptr_array_index (rows, rows->len - 1))->reliability, ==, "C");
    rating_rows_free (rows);
    card = find_card_by_speaker (sidebar, "Andrei Marocho");
    {
      g_autofree char *badges = sitrep_claim_card_dup_ratings_text (card);

      g_assert_cmpstr (badges, ==, "Outlet C");
    }
    toast = sitrep_window_get_last_toast (window);
    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo-rating",
                                                       adw_toast_get_action_target_value (toast)));
    iterate_for (30);
    rows = ratings_rows (collection);
    g_assert_cmpuint (rows->len, ==, before->len);
    rating_rows_free (rows);
  }

  rating_rows_free (before);
  rating_rows_free (after);
  rating_rows_free (undone);
}

static void
test_keyboard_and_access (void)
{
  SitrepEventSidebar *sidebar;
  GList *cards;
  GtkWidget *focus;
  guint reached = 0;

  open_collection (collection);
  sidebar = select_index (find_kind (SITREP_KIND_CASUALTY_CLAIM));
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  g_assert_nonnull (cards);

  /* Tab from the top of the sidebar reaches every card in turn. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_widget_child_focus (GTK_WIDGET (sidebar), GTK_DIR_TAB_FORWARD);
  for (guint step = 0; step < 60; step++)
    {
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus && SITREP_IS_CLAIM_CARD (focus) && g_list_find (cards, focus))
        reached |= 1u << g_list_index (cards, focus);
      if (!gtk_widget_child_focus (GTK_WIDGET (sidebar), GTK_DIR_TAB_FORWARD))
        break;
    }
  g_assert_cmpuint (reached, ==, (1u << g_list_length (cards)) - 1);

  /* A screen reader hears speaker, outlet, kind of source and hedging. */
  for (GList *l = cards; l; l = l->next)
    {
      SitrepClaim *claim = sitrep_claim_card_get_claim (l->data);
      const char *speaker = gtk_label_get_text (sitrep_claim_card_get_speaker_label (l->data));
      g_autofree char *expected = g_strdup_printf ("Claim by %s, in %s, source: %s, %s", speaker,
                                                   OUTLET, sitrep_source_kind_label (claim->source_kind),
                                                   sitrep_hedging_label (claim->hedging));

      g_assert_true (gtk_widget_get_focusable (l->data));
      gtk_test_accessible_assert_property (l->data, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      if (claim->attributed_to)
        g_assert_nonnull (strstr (expected, "Andrei Marocho"));
    }
  g_list_free (cards);
}

/* A collection the user cannot write: ratings cannot be stored, and Rate… says why. */
static void
test_read_only (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "ro", NULL);
  g_autofree char *path = g_build_filename (dir, "read-only.sitrep", NULL);
  g_autofree char *contents = NULL;
  SitrepEventSidebar *sidebar;
  GtkWidget *rate;
  gsize length;
  GList *cards;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write any file");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (collection, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  open_collection (path);
  sidebar = select_index (find_kind (SITREP_KIND_CASUALTY_CLAIM));
  g_assert_nonnull (sitrep_event_sidebar_get_read_only_reason (sidebar));
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  rate = GTK_WIDGET (sitrep_claim_card_get_rate_button (cards->data));
  g_assert_false (gtk_widget_get_sensitive (rate));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rate), "read-only"));
  /* The article still opens. */
  close_document (sidebar, open_document (sidebar, cards->data));
  g_list_free (cards);

  g_chmod (dir, 0755);
  g_chmod (path, 0644);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- hostile text ---- */

static const struct
{
  const char *file;
  const char *raw;     /* what a label must show as written */
} hostile[] = {
  { "01_html_tags.txt", "<b>ALERT</b> & <i>stay in shelters</i>" },
  { "02_pango_markup.txt", "<span foreground=\"red\" size=\"xx-large\">EVACUATE</span>" },
  { "03_rtl_override.txt", "\xe2\x80\xae" "evil\xe2\x80\xac" },
  { "04_long_line.txt", "on and on on and on" },
  { "05_zero_width.txt", "The\xe2\x80\x8b strike,\xe2\x80\x8c if accurate" },
};

static void
test_hostile_extract (void)
{
  g_autofree char *srcdir = g_build_filename (g_getenv ("SITREP_TEST_SRCDIR"), "hostile", NULL);
  g_autofree char *invalid = g_build_filename (srcdir, "06_invalid_utf8.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *reject_db = g_build_filename (tmpdir, "reject.sitrep", NULL);
  const char *files[] = { invalid, NULL };

  /* Invalid UTF-8 is refused with the file name and line, and nothing is stored. */
  g_assert_cmpint (run_extract (reject_db, "Hostile Wire", NULL, files, &err), !=, 0);
  g_assert_nonnull (strstr (err, "06_invalid_utf8.txt:1:"));
  g_assert_nonnull (strstr (err, "UTF-8"));
}

static void
test_hostile_sidebar (void)
{
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (GError) error = NULL;
  const SitrepEventColumns *c;
  GString *seen = g_string_new (NULL);
  guint n_views = 0;

  open_collection (hostile_collection);
  c = sitrep_event_store_get_columns (sitrep_window_get_store (window));
  g_assert_cmpuint (c->n_events, >=, G_N_ELEMENTS (hostile) + 1);
  db = sitrep_db_open (hostile_collection, SITREP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < c->n_events; i++)
    {
      SitrepEventSidebar *sidebar = select_index (i);
      g_autofree char *text = visible_text (GTK_WIDGET (sidebar));
      GList *cards = sitrep_event_sidebar_get_claim_cards (sidebar);

      g_string_append (seen, text);
      for (GList *l = cards; l; l = l->next)
        {
          SitrepClaim *claim = sitrep_claim_card_get_claim (l->data);
          SitrepDocumentView *view;
          g_autoptr (SitrepDocument) doc = NULL;
          g_autofree char *highlight = NULL;
          g_autofree char *all = NULL;
          g_autofree char *expected = NULL;
          GtkTextIter start, end;

          /* The stored quote in full (a long line wraps, it is not cut). */
          g_assert_true (g_utf8_validate (gtk_label_get_text (sitrep_claim_card_get_quote_label (l->data)), -1, NULL));
          if (g_utf8_validate (claim->quote, -1, NULL))
            g_assert_nonnull (strstr (gtk_label_get_text (sitrep_claim_card_get_quote_label (l->data)),
                                      claim->quote));
          view = open_document (sidebar, l->data);
          doc = sitrep_db_load_document (db, claim->document_id, &error);
          g_assert_no_error (error);
          gtk_text_buffer_get_bounds (sitrep_document_view_get_buffer (view), &start, &end);
          all = gtk_text_buffer_get_text (sitrep_document_view_get_buffer (view), &start, &end, FALSE);
          /* The whole article, as plain text, repaired where it was not UTF-8. */
          expected = g_utf8_make_valid (doc->text, -1);
          g_assert_cmpstr (all, ==, expected);
          highlight = highlighted_text (view);
          if (g_utf8_validate (claim->quote, -1, NULL))
            g_assert_cmpstr (highlight, ==, claim->quote);
          else
            g_assert_nonnull (strstr (highlight, "\xef\xbf\xbd"));
          close_document (sidebar, view);
          n_views++;
        }
      g_list_free (cards);
    }

  /* Each fixture's text shows as written: markup, RTL overrides and zero-width
   * characters are inert characters, never formatting. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    if (strstr (seen->str, hostile[i].raw) == NULL)
      g_error ("%s: the sidebar does not show “%s” as written", hostile[i].file, hostile[i].raw);
  g_assert_nonnull (strstr (seen->str, "<script>alert(1)</script>"));
  /* The stored document with invalid bytes shows U+FFFD where they were. */
  g_assert_nonnull (strstr (seen->str, "garbled"));
  g_assert_cmpuint (n_views, >=, G_N_ELEMENTS (hostile) + 1);
  g_string_free (seen, TRUE);
}

/* Invalid UTF-8 never gets past extract; a collection written by another program might
 * still hold it. Store one through SitrepDb (as an importer would) to see the view cope. */
static void
add_invalid_document (const char *path)
{
  g_autoptr (SitrepDb) db = NULL;
  g_autoptr (SitrepDocument) doc = sitrep_document_new ();
  g_autoptr (SitrepEvent) event = sitrep_event_new ();
  g_autoptr (GError) error = NULL;
  SitrepClaim *claim = sitrep_claim_new ();
  g_autofree char *text = NULL;
  const char *first = "Russian forces shelled Kupiansk on November 17, a statement "
                      "garbled in transit said: \xff\xfe and \xc3\x28 and \xe2\x82 lost.\n";
  const char *second = "According to unconfirmed reports, at least 5 people were wounded.\n";
  gint64 doc_id;

  db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  text = g_strconcat (first, second, NULL);
  doc->outlet = g_strdup ("Garbled Wire");
  doc->url = g_strdup ("javascript:alert(1)");
  doc->published = sitrep_day_to_unix (2024, 11, 25);
  doc->language = g_strdup ("en");
  doc->text = g_strdup (text);

  g_assert_true (sitrep_db_begin (db, &error));
  doc_id = sitrep_db_insert_document (db, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc_id, >, 0);

  event->uid = g_strdup ("hostile-invalid-utf8");
  event->kind = SITREP_KIND_SHELLING;
  event->start = sitrep_day_to_unix (2024, 11, 17);
  event->end = sitrep_day_to_unix (2024, 11, 18);
  event->time_precision = SITREP_TIME_PRECISION_DAY;
  event->geo_precision = SITREP_GEO_PRECISION_REGION;
  event->lat = 49.7;
  event->lon = 37.6;
  event->admin1 = g_strdup ("Kharkiv Oblast");
  event->summary = g_strdup ("Shelling garbled in transit");

  /* The claim after the invalid bytes: its byte offsets must land on its words. */
  claim->document_id = doc_id;
  claim->span_start = strlen (first);
  claim->span_end = strlen (first) + strlen (second) - 1;
  claim->quote = g_strndup (second, strlen (second) - 1);
  claim->source_kind = SITREP_SOURCE_UNCONFIRMED;
  claim->hedging = SITREP_HEDGING_HEDGED;
  g_strfreev (claim->cues);
  claim->cues = g_strsplit ("According to unconfirmed reports", "|", -1);
  g_ptr_array_add (event->claims, claim);
  g_assert_cmpint (sitrep_db_insert_event (db, event, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sitrep_db_commit (db, &error));
}

static void
test_invalid_utf8_document (void)
{
  SitrepEventSidebar *sidebar;
  SitrepDocumentView *view;
  SitrepClaimCard *card;
  g_autofree char *highlight = NULL;
  g_autofree char *all = NULL;
  GtkTextIter start, end;
  const SitrepEventColumns *c;
  guint index = G_MAXUINT;
  GList *cards;

  open_collection (hostile_collection);
  c = sitrep_event_store_get_columns (sitrep_window_get_store (window));
  for (guint i = 0; i < c->n_events; i++)
    {
      SitrepEvent *event = sitrep_event_sidebar_get_event (select_index (i));

      if (g_strcmp0 (event->uid, "hostile-invalid-utf8") == 0)
        index = i;
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);
  sidebar = select_index (index);
  cards = sitrep_event_sidebar_get_claim_cards (sidebar);
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  card = cards->data;
  g_list_free (cards);
  {
    g_autofree char *text = visible_text (GTK_WIDGET (card));

    /* Only http(s) links are offered. */
    g_assert_null (strstr (text, "Open Article Online"));
  }

  view = open_document (sidebar, card);
  gtk_text_buffer_get_bounds (sitrep_document_view_get_buffer (view), &start, &end);
  all = gtk_text_buffer_get_text (sitrep_document_view_get_buffer (view), &start, &end, FALSE);
  g_assert_true (g_utf8_validate (all, -1, NULL));
  g_assert_nonnull (strstr (all, "\xef\xbf\xbd\xef\xbf\xbd and \xef\xbf\xbd( and \xef\xbf\xbd\xef\xbf\xbd lost"));
  highlight = highlighted_text (view);
  g_assert_cmpstr (highlight, ==, "According to unconfirmed reports, at least 5 people were wounded.");
  close_document (sidebar, view);
}

static void
test_byte_offsets (void)
{
  const char *text = "a\xff" "b\xc3\xa9" "c";   /* a, invalid, b, é, c */

  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 0), ==, 0);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 1), ==, 1);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 2), ==, 2);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 3), ==, 3);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 5), ==, 4);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 6), ==, 5);
  g_assert_cmpint (sitrep_document_byte_to_char_offset (text, strlen (text), 99), ==, 5);

  g_assert_true (sitrep_uri_is_web ("https://example.org/a?b=c"));
  g_assert_true (sitrep_uri_is_web ("http://example.org"));
  g_assert_false (sitrep_uri_is_web ("javascript:alert(1)"));
  g_assert_false (sitrep_uri_is_web ("file:///etc/passwd"));
  g_assert_false (sitrep_uri_is_web ("example.org"));
  g_assert_false (sitrep_uri_is_web (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char *seed = g_getenv ("SITREP_SEED");
  const char *srcdir = g_getenv ("SITREP_TEST_SRCDIR");
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("SITREP_CLI"));
  g_assert_nonnull (srcdir);
  if (seed == NULL || !g_file_test (seed, G_FILE_TEST_IS_REGULAR))
    g_error ("the seed article was not found (SITREP_SEED=%s): put shared/ beside the clone",
             seed ? seed : "");

  tmpdir = g_dir_make_tmp ("sitrep-test-sources-XXXXXX", &error);
  g_assert_no_error (error);

  /* The collections, made as a user would: sitrep-cli extract --db. */
  collection = g_build_filename (tmpdir, "sources.sitrep", NULL);
  {
    const char *seed_files[] = { seed, NULL };
    g_autofree char *f09 = g_build_filename (srcdir, "extract", "09_ap_conflicting_toll.txt", NULL);
    g_autofree char *f15 = g_build_filename (srcdir, "extract", "15_reuters_toretsk_capture_dispute.txt", NULL);
    g_autofree char *f31 = g_build_filename (srcdir, "extract", "31_ap_sloviansk_denial.txt", NULL);
    const char *ap_files[] = { f09, f31, NULL };
    const char *reuters_files[] = { f15, NULL };

    g_assert_cmpint (run_extract (collection, OUTLET, SEED_URL, seed_files, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_extract (collection, "AP", "https://example.org/ap", ap_files, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_extract (collection, "Reuters", NULL, reuters_files, &err), ==, 0);
    g_clear_pointer (&err, g_free);
  }
  hostile_collection = g_build_filename (tmpdir, "hostile.sitrep", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_build_filename (srcdir, "hostile", hostile[i].file, NULL);
      g_autofree char *probe = g_build_filename (tmpdir, "probe.sitrep", NULL);
      g_autoptr (SitrepDb) db = NULL;
      SitrepDbInfo info;
      const char *files[] = { path, NULL };

      /* Each fixture alone gives at least one event... */
      g_assert_cmpint (run_extract (probe, "Hostile Wire", "https://example.org/h", files, &err), ==, 0);
      g_clear_pointer (&err, g_free);
      db = sitrep_db_open (probe, SITREP_DB_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (sitrep_db_get_info (db, &info, &error));
      if (info.events < 1)
        g_error ("%s: the extractor found no event", hostile[i].file);
      g_clear_object (&db);
      g_unlink (probe);
      /* ... and all go into one collection. */
      g_assert_cmpint (run_extract (hostile_collection, "Hostile <b>Wire</b> &amp;",
                                    "https://example.org/h", files, &err), ==, 0);
      g_clear_pointer (&err, g_free);
    }
  add_invalid_document (hostile_collection);

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
  window = sitrep_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/ui/sources/byte-offsets", test_byte_offsets);
  g_test_add_func ("/ui/sources/casualty-event", test_casualty_event);
  g_test_add_func ("/ui/sources/conflicting-figures", test_conflicting_figures);
  g_test_add_func ("/ui/sources/same-spot", test_same_spot);
  g_test_add_func ("/ui/sources/cluster-list", test_cluster_list);
  g_test_add_func ("/ui/sources/rate-and-undo", test_rate_and_undo);
  g_test_add_func ("/ui/sources/keyboard-and-access", test_keyboard_and_access);
  g_test_add_func ("/ui/sources/read-only", test_read_only);
  g_test_add_func ("/ui/sources/hostile-extract", test_hostile_extract);
  g_test_add_func ("/ui/sources/hostile-sidebar", test_hostile_sidebar);
  g_test_add_func ("/ui/sources/invalid-utf8-document", test_invalid_utf8_document);

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
  g_free (collection);
  g_free (hostile_collection);
  g_free (tmpdir);
  return status;
}
