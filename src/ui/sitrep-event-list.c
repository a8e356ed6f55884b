/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-list.c: the table of the time window's events (date, kind, place, outlets, hedging). */
#define G_LOG_DOMAIN "sitrep-event-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-event-list.h"

typedef enum
{
  COLUMN_DATE,
  COLUMN_KIND,
  COLUMN_PLACE,
  COLUMN_OUTLETS,
  COLUMN_HEDGING,
} Column;

struct _SitrepEventList
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkColumnView *view;
  SitrepWindowEventsModel *model;
  GtkSingleSelection *selection;
  gboolean selecting;
  int probed_column;
  guint scroll_to;
  guint scroll_id;
};

G_DEFINE_FINAL_TYPE (SitrepEventList, sitrep_event_list, GTK_TYPE_WIDGET)

enum
{
  EVENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_date (gint64 start,
             gint64 end)
{
  /* Whole days are UTC calendar days (sitrep_day_to_unix): show them as such. */
  gboolean days = start % 86400 == 0 && end % 86400 == 0;
  g_autoptr(GDateTime) s = days ? g_date_time_new_from_unix_utc (start) : g_date_time_new_from_unix_local (start);
  g_autoptr(GDateTime) e = days ? g_date_time_new_from_unix_utc (MAX (start, end - 1))
                                : g_date_time_new_from_unix_local (MAX (start, end - 1));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (s == NULL || e == NULL)
    return g_strdup ("");
  a = g_date_time_format (s, "%x");
  b = g_date_time_format (e, "%x");
  if (g_strcmp0 (a, b) == 0)
    return g_steal_pointer (&a);
  /* Translators: a span of dates in the event list, "11/17/24 – 11/23/24" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* Distinct outlets; an article whose outlet is not named still came from one, so each
 * such document counts once (an event with claims never shows 0 outlets). */
static guint
count_outlets (SitrepEvent *event)
{
  g_autoptr(GHashTable) outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; event->claims != NULL && i < event->claims->len; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);

      if (claim->outlet != NULL && *claim->outlet != '\0')
        g_hash_table_add (outlets, g_strconcat ("o:", claim->outlet, NULL));
      else
        g_hash_table_add (outlets, g_strdup_printf ("d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                    claim->document_id,
                                                    claim->document_id != 0 ? 0 : claim->id));
    }
  return g_hash_table_size (outlets);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == COLUMN_OUTLETS ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  SitrepEvent *event = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_DATE:
      text = format_date (event->start, event->end);
      break;
    case COLUMN_KIND:
      text = g_strdup (sitrep_event_kind_label (event->kind));
      break;
    case COLUMN_PLACE:
      if (event->place != NULL && event->place->name != NULL)
        text = g_strdup (event->place->name);
      else if (event->place_as_written != NULL)
        text = g_strdup (event->place_as_written);
      else
        text = g_strdup (event->admin1 != NULL ? event->admin1 : "");
      break;
    case COLUMN_OUTLETS:
      text = g_strdup_printf ("%u", count_outlets (event));
      break;
    case COLUMN_HEDGING:
      text = g_strdup (sitrep_hedging_label (event->hedging));
      break;
    default:
      g_assert_not_reached ();
    }
  /* Plain text, never markup: places come from articles. */
  gtk_label_set_text (label, text);
}

/* GTK 4.8 cannot tell which column a GtkColumnView sorts by: the model sorts itself, so
 * the column sorters are probes. Comparing two items with the view's sorter calls the
 * primary column's sorter first; it records its column and answers "smaller", which
 * the view turns into "larger" when the order is descending. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SitrepEventList *self = g_object_get_data (G_OBJECT (user_data), "sitrep-event-list");

  self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   SitrepEventList *self)
{
  GtkOrdering order;
  SitrepEventsSort sort = SITREP_EVENTS_SORT_DATE;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self, self);
  switch (self->probed_column)
    {
    case COLUMN_KIND:
      sort = SITREP_EVENTS_SORT_KIND;
      break;
    case COLUMN_HEDGING:
      sort = SITREP_EVENTS_SORT_HEDGING;
      break;
    default:
      break;
    }
  sitrep_window_events_model_set_sort (self->model, sort,
                                       self->probed_column >= 0 && order == GTK_ORDERING_LARGER);
}

static void
add_column (SitrepEventList *self,
            const char      *title,
            Column           column,
            gboolean         sortable,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (sortable)
    {
      GtkCustomSorter *probe = gtk_custom_sorter_new (probe_compare, NULL, NULL);

      /* The probe finds its column and list through its own data. */
      g_object_set_data (G_OBJECT (probe), "sitrep-event-list", self);
      g_object_set_data (G_OBJECT (probe), "column", GINT_TO_POINTER (column));
      gtk_custom_sorter_set_sort_func (probe, probe_compare, probe, NULL);
      gtk_column_view_column_set_sorter (col, GTK_SORTER (probe));
      g_object_unref (probe);
    }
  gtk_column_view_append_column (self->view, col);
}

static void
on_selection_changed (GtkSelectionModel *selection,
                      guint              position,
                      guint              n_items,
                      SitrepEventList   *self)
{
  guint index;

  if (self->selecting)
    return;
  index = sitrep_event_list_get_selected_index (self);
  if (index != G_MAXUINT)
    g_signal_emit (self, signals[EVENT_SELECTED], 0, index);
}

void
sitrep_event_list_set_store (SitrepEventList  *self,
                             SitrepEventStore *store)
{
  g_return_if_fail (SITREP_IS_EVENT_LIST (self));
  sitrep_window_events_model_set_store (self->model, store);
}

void
sitrep_event_list_set_window (SitrepEventList *self,
                              gint64           start,
                              gint64           end)
{
  guint selected;

  g_return_if_fail (SITREP_IS_EVENT_LIST (self));
  selected = sitrep_event_list_get_selected_index (self);
  self->selecting = TRUE;
  sitrep_window_events_model_set_window (self->model, start, end);
  self->selecting = FALSE;
  /* Keep the selected event selected while it stays in the window. */
  if (selected != G_MAXUINT)
    sitrep_event_list_select_index (self, selected);
}

void
sitrep_event_list_set_filter_mask (SitrepEventList *self,
                                   GBytes          *mask)
{
  g_return_if_fail (SITREP_IS_EVENT_LIST (self));
  self->selecting = TRUE;
  sitrep_window_events_model_set_filter_mask (self->model, mask);
  self->selecting = FALSE;
}

SitrepWindowEventsModel *
sitrep_event_list_get_model (SitrepEventList *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_LIST (self), NULL);
  return self->model;
}

guint
sitrep_event_list_get_n_rows (SitrepEventList *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

#if !GTK_CHECK_VERSION (4, 12, 0)
static gboolean
scroll_idle (gpointer user_data)
{
  SitrepEventList *self = user_data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  guint n = sitrep_event_list_get_n_rows (self);
  double upper = gtk_adjustment_get_upper (adj), page = gtk_adjustment_get_page_size (adj);

  self->scroll_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->scroll_to < n && upper > page)
    gtk_adjustment_set_value (adj, CLAMP (upper * self->scroll_to / n - page / 2, 0, upper - page));
  return G_SOURCE_REMOVE;
}
#endif

void
sitrep_event_list_select_index (SitrepEventList *self,
                                guint            index)
{
  guint position;

  g_return_if_fail (SITREP_IS_EVENT_LIST (self));
  position = index == G_MAXUINT ? G_MAXUINT : sitrep_window_events_model_find_index (self->model, index);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->selecting = FALSE;
  if (position != G_MAXUINT)
    {
#if GTK_CHECK_VERSION (4, 12, 0)
      gtk_column_view_scroll_to (self->view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
#else
      /* No scroll_to before GTK 4.12: once the list is laid out for its new rows, move
       * the adjustment to the row's share of the list. */
      self->scroll_to = position;
      if (self->scroll_id == 0)
        self->scroll_id = g_idle_add (scroll_idle, self);
#endif
    }
}

guint
sitrep_event_list_get_selected_index (SitrepEventList *self)
{
  guint position;

  g_return_val_if_fail (SITREP_IS_EVENT_LIST (self), G_MAXUINT);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return G_MAXUINT;
  return sitrep_window_events_model_get_index (self->model, position);
}

static void
sitrep_event_list_dispose (GObject *object)
{
  SitrepEventList *self = SITREP_EVENT_LIST (object);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (sitrep_event_list_parent_class)->dispose (object);
}

static void
sitrep_event_list_class_init (SitrepEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_event_list_dispose;

  /* The store index of the event the user selected in the list. */
  signals[EVENT_SELECTED] = g_signal_new ("event-selected", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-event-list");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_event_list_init (SitrepEventList *self)
{
  self->model = sitrep_window_events_model_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  add_column (self, _("Date"), COLUMN_DATE, TRUE, FALSE);
  add_column (self, _("Kind"), COLUMN_KIND, TRUE, FALSE);
  add_column (self, _("Place"), COLUMN_PLACE, FALSE, TRUE);
  add_column (self, _("Outlets"), COLUMN_OUTLETS, FALSE, FALSE);
  add_column (self, _("Hedging"), COLUMN_HEDGING, TRUE, FALSE);
  g_signal_connect (gtk_column_view_get_sorter (self->view), "changed",
                    G_CALLBACK (on_sorter_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events in the selected dates"), -1);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
sitrep_event_list_new (void)
{
  return g_object_new (SITREP_TYPE_EVENT_LIST, NULL);
}
