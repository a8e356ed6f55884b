/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-window-events-model.c: a list model of the events in the time window, made lazily. */
#define G_LOG_DOMAIN "sitrep-window-events-model"

#include "config.h"

#include <stdlib.h>

#include "sitrep-cluster.h"
#include "sitrep-window-events-model.h"
#include "sitrep-filter.h"

#define CACHE_SIZE 256

struct _SitrepWindowEventsModel
{
  GObject parent_instance;

  SitrepEventStore *store;
  gulong changed_id;
  gint64 window_start;
  gint64 window_end;
  GBytes *mask;
  SitrepEventsSort sort;
  gboolean descending;

  GArray *indices;          /* guint store indices, in list order */
  GHashTable *cache;        /* store index -> SitrepEvent, at most CACHE_SIZE */
  GQueue cache_order;       /* store indices, oldest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SitrepWindowEventsModel, sitrep_window_events_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SITREP_TYPE_EVENT;
}

static guint
get_n_items (GListModel *model)
{
  return SITREP_WINDOW_EVENTS_MODEL (model)->indices->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SitrepWindowEventsModel *self = SITREP_WINDOW_EVENTS_MODEL (model);
  g_autoptr(GError) error = NULL;
  SitrepEvent *event;
  guint index;

  if (position >= self->indices->len)
    return NULL;
  index = g_array_index (self->indices, guint, position);
  event = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (index));
  if (event != NULL)
    return g_object_ref (event);

  event = sitrep_event_store_get_event (self->store, index, &error);
  if (event == NULL)
    {
      /* Still a row: what the columns know, so the list never has a hole. */
      const SitrepEventColumns *c = sitrep_event_store_get_columns (self->store);

      g_warning ("Event %u of %s: %s", index, sitrep_event_store_get_path (self->store),
                 error->message);
      event = sitrep_event_new ();
      event->id = c->id[index];
      event->kind = c->kind[index];
      event->start = c->epoch + c->start[index];
      event->end = c->epoch + c->end[index];
      event->lat = c->lat[index];
      event->lon = c->lon[index];
    }
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (index), g_object_ref (event));
  g_queue_push_tail (&self->cache_order, GUINT_TO_POINTER (index));
  while (self->cache_order.length > CACHE_SIZE)
    g_hash_table_remove (self->cache, g_queue_pop_head (&self->cache_order));
  return event;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static const SitrepEventColumns *sort_columns;

static int
hedging_rank (guint8 flags)
{
  return (flags & SITREP_EVENT_FLAG_DISPUTED) ? 2 : (flags & SITREP_EVENT_FLAG_HEDGED) ? 1 : 0;
}

static int
compare_kind (const void *a,
              const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  int d = (int) sort_columns->kind[x] - (int) sort_columns->kind[y];

  return d != 0 ? d : (x > y) - (x < y);
}

static int
compare_hedging (const void *a,
                 const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  int d = hedging_rank (sort_columns->flags[x]) - hedging_rank (sort_columns->flags[y]);

  return d != 0 ? d : (x > y) - (x < y);
}

static void
rebuild (SitrepWindowEventsModel *self)
{
  const SitrepEventColumns *c = self->store != NULL ? sitrep_event_store_get_columns (self->store) : NULL;
  guint old_n = self->indices->len;
  const guint64 *bits = NULL;
  guint begin = 0, end = 0;

  g_array_set_size (self->indices, 0);
  if (c != NULL && c->n_events > 0 && self->window_end > self->window_start)
    {
      if (self->mask != NULL)
        {
          gsize size = 0;

          bits = g_bytes_get_data (self->mask, &size);
          if (size < ((gsize) c->n_events + 63) / 64 * 8)
            bits = NULL;
        }
      sitrep_event_store_window (self->store, self->window_start, self->window_end, &begin, &end);
      for (guint i = begin; i < end; i++)
        if (sitrep_event_columns_overlaps (c, i, self->window_start, self->window_end)
            && sitrep_filter_mask_get (bits, i))
          g_array_append_val (self->indices, i);

      /* Store order is by start then id: sorting by date needs no work. The others are
       * stable on the index, so ties stay in date order. */
      if (self->sort != SITREP_EVENTS_SORT_DATE && self->indices->len > 1)
        {
          sort_columns = c;
          qsort (self->indices->data, self->indices->len, sizeof (guint),
                 self->sort == SITREP_EVENTS_SORT_KIND ? compare_kind : compare_hedging);
          sort_columns = NULL;
        }
      if (self->descending)
        for (guint a = 0, b = self->indices->len; a + 1 < b; a++, b--)
          {
            guint tmp = g_array_index (self->indices, guint, a);

            g_array_index (self->indices, guint, a) = g_array_index (self->indices, guint, b - 1);
            g_array_index (self->indices, guint, b - 1) = tmp;
          }
    }
  if (old_n != 0 || self->indices->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->indices->len);
}

static void
clear_cache (SitrepWindowEventsModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->cache_order);
}

static void
on_store_changed (SitrepWindowEventsModel *self)
{
  clear_cache (self);
  g_clear_pointer (&self->mask, g_bytes_unref);
  rebuild (self);
}

void
sitrep_window_events_model_set_store (SitrepWindowEventsModel *self,
                                      SitrepEventStore        *store)
{
  g_return_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  on_store_changed (self);
}

void
sitrep_window_events_model_set_window (SitrepWindowEventsModel *self,
                                       gint64                   start,
                                       gint64                   end)
{
  g_return_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self));

  if (self->window_start == start && self->window_end == end)
    return;
  self->window_start = start;
  self->window_end = end;
  rebuild (self);
}

void
sitrep_window_events_model_set_filter_mask (SitrepWindowEventsModel *self,
                                            GBytes                  *mask)
{
  g_return_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self));

  if (self->mask == mask)
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  if (mask != NULL)
    self->mask = g_bytes_ref (mask);
  rebuild (self);
}

void
sitrep_window_events_model_set_sort (SitrepWindowEventsModel *self,
                                     SitrepEventsSort         sort,
                                     gboolean                 descending)
{
  g_return_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  rebuild (self);
}

guint
sitrep_window_events_model_get_index (SitrepWindowEventsModel *self,
                                      guint                    position)
{
  g_return_val_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self), G_MAXUINT);

  if (position >= self->indices->len)
    return G_MAXUINT;
  return g_array_index (self->indices, guint, position);
}

guint
sitrep_window_events_model_find_index (SitrepWindowEventsModel *self,
                                       guint                    index)
{
  g_return_val_if_fail (SITREP_IS_WINDOW_EVENTS_MODEL (self), G_MAXUINT);

  if (self->sort == SITREP_EVENTS_SORT_DATE)
    {
      /* Indices ascend (or descend) with position: binary search. */
      guint lo = 0, hi = self->indices->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          guint v = g_array_index (self->indices, guint, mid);

          if (v == index)
            return mid;
          if ((v < index) != self->descending)
            lo = mid + 1;
          else
            hi = mid;
        }
      return G_MAXUINT;
    }
  for (guint p = 0; p < self->indices->len; p++)
    if (g_array_index (self->indices, guint, p) == index)
      return p;
  return G_MAXUINT;
}

static void
sitrep_window_events_model_dispose (GObject *object)
{
  SitrepWindowEventsModel *self = SITREP_WINDOW_EVENTS_MODEL (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  clear_cache (self);
  G_OBJECT_CLASS (sitrep_window_events_model_parent_class)->dispose (object);
}

static void
sitrep_window_events_model_finalize (GObject *object)
{
  SitrepWindowEventsModel *self = SITREP_WINDOW_EVENTS_MODEL (object);

  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  G_OBJECT_CLASS (sitrep_window_events_model_parent_class)->finalize (object);
}

static void
sitrep_window_events_model_class_init (SitrepWindowEventsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sitrep_window_events_model_dispose;
  object_class->finalize = sitrep_window_events_model_finalize;
}

static void
sitrep_window_events_model_init (SitrepWindowEventsModel *self)
{
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

SitrepWindowEventsModel *
sitrep_window_events_model_new (SitrepEventStore *store)
{
  SitrepWindowEventsModel *self = g_object_new (SITREP_TYPE_WINDOW_EVENTS_MODEL, NULL);

  sitrep_window_events_model_set_store (self, store);
  return self;
}
