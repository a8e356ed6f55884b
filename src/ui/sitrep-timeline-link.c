/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-timeline-link.c: keeps the map, the timeline, the event list and the filter in step. */
#define G_LOG_DOMAIN "sitrep-timeline-link"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-gazetteer.h"
#include "sitrep-timeline-link.h"

#define SAVE_DELAY_MS 800

struct _SitrepTimelineLink
{
  GObject parent_instance;

  SitrepEventStore *store;
  SitrepMapView *map_view;
  SitrepPinLayer *pin_layer;
  SitrepTimeline *timeline;
  SitrepEventList *list;
  SitrepFilter *filter;
  GSettings *settings;

  GCancellable *filter_cancellable;
  GBytes *mask;
  guint save_id;
  gboolean restored;
  gboolean syncing_selection;
};

G_DEFINE_FINAL_TYPE (SitrepTimelineLink, sitrep_timeline_link, G_TYPE_OBJECT)

enum
{
  FILTER_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Settings ---- */

static gboolean
save_now (gpointer user_data)
{
  SitrepTimelineLink *self = user_data;
  ShumateViewport *viewport = sitrep_map_view_get_viewport (self->map_view);

  self->save_id = 0;
  if (self->settings == NULL)
    return G_SOURCE_REMOVE;
  g_settings_delay (self->settings);
  if (self->restored)
    {
      g_settings_set_int64 (self->settings, "window-start", sitrep_timeline_get_window_start (self->timeline));
      g_settings_set_int64 (self->settings, "window-end", sitrep_timeline_get_window_end (self->timeline));
      g_settings_set_double (self->settings, "view-start", sitrep_timeline_get_view_start (self->timeline));
      g_settings_set_double (self->settings, "zoom", sitrep_timeline_get_zoom (self->timeline));
    }
  g_settings_set_double (self->settings, "map-latitude",
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude",
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom", shumate_viewport_get_zoom_level (viewport));
  g_settings_apply (self->settings);
  return G_SOURCE_REMOVE;
}

/* Writes are gathered: dragging the brush or playing back changes the window every frame. */
static void
schedule_save (SitrepTimelineLink *self)
{
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_now, self);
}

/* The window and view of the last run, once the collection is loaded (they are
 * meaningless before); the map view straight away. */
static void
restore_window (SitrepTimelineLink *self)
{
  gint64 start, end, first = 0, last = 0;
  double view_start, zoom;

  if (self->settings == NULL || self->restored
      || !sitrep_event_store_get_range (self->store, &first, &last))
    return;
  self->restored = TRUE;
  start = g_settings_get_int64 (self->settings, "window-start");
  end = g_settings_get_int64 (self->settings, "window-end");
  view_start = g_settings_get_double (self->settings, "view-start");
  zoom = g_settings_get_double (self->settings, "zoom");
  /* A window from another collection that misses this one's dates is not restored. */
  if (end > start && start < last && end > first)
    sitrep_timeline_set_window (self->timeline, start, end);
  if (zoom > 0 && view_start < last && view_start + zoom * 2000 > first)
    sitrep_timeline_set_view (self->timeline, view_start, zoom);
}

/* ---- Filter ---- */

static void
apply_mask (SitrepTimelineLink *self,
            GBytes             *mask)
{
  if (self->mask != mask)
    {
      g_clear_pointer (&self->mask, g_bytes_unref);
      self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
    }
  sitrep_timeline_set_filter_mask (self->timeline, mask);
  sitrep_event_list_set_filter_mask (self->list, mask);
  sitrep_pin_layer_set_filter_mask (self->pin_layer, mask);
}

static void
on_filter_computed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SitrepTimelineLink) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) mask = sitrep_filter_compute_finish (SITREP_FILTER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      /* Show everything rather than a stale or empty map, and say why. */
      apply_mask (self, NULL);
      g_signal_emit (self, signals[FILTER_FAILED], 0, error->message);
      return;
    }
  apply_mask (self, mask);
}

static void
refilter (SitrepTimelineLink *self)
{
  g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);
  if (sitrep_event_store_get_n_events (self->store) == 0 || sitrep_filter_is_empty (self->filter))
    {
      apply_mask (self, NULL);
      return;
    }
  self->filter_cancellable = g_cancellable_new ();
  sitrep_filter_compute_async (self->filter, self->store, self->filter_cancellable,
                               on_filter_computed, g_object_ref (self));
}

/* The search text's other spellings from the gazetteer: "Kupyansk" (a transliteration of
 * the Russian name) also finds what is indexed as Kupiansk, Куп'янськ or Купянск. Runs in
 * the filter's worker thread; the gazetteer is read-only and thread-safe. */
static GStrv
expand_with_gazetteer (const char *word,
                       gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  SitrepGazetteer *gazetteer = sitrep_gazetteer_get_default (&error);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (gazetteer == NULL)
    {
      g_debug ("No gazetteer to expand the search: %s", error->message);
      return NULL;
    }
  candidates = sitrep_gazetteer_lookup (gazetteer, word, NULL);
  if (candidates == NULL || candidates->len == 0)
    return NULL;
  builder = g_strv_builder_new ();
  /* The best few candidates only: a common name has dozens of villages. */
  for (guint i = 0; i < MIN (candidates->len, 3); i++)
    {
      const SitrepGazetteerEntry *e = sitrep_gazetteer_get_entry (gazetteer, g_array_index (candidates, guint32, i));

      if (e == NULL)
        continue;
      if (e->name != NULL)
        g_strv_builder_add (builder, e->name);
      if (e->name_uk != NULL)
        g_strv_builder_add (builder, e->name_uk);
      if (e->name_ru != NULL)
        g_strv_builder_add (builder, e->name_ru);
    }
  return g_strv_builder_end (builder);
}

/* ---- Links ---- */

static void
on_window_changed (SitrepTimelineLink *self)
{
  gint64 start = sitrep_timeline_get_window_start (self->timeline);
  gint64 end = sitrep_timeline_get_window_end (self->timeline);

  sitrep_pin_layer_set_time_window (self->pin_layer, start, end);
  sitrep_event_list_set_window (self->list, start, end);
  schedule_save (self);
}

static void
on_store_changed (SitrepTimelineLink *self)
{
  /* The widgets reload on their own; the filter's mask is for the old indices. */
  apply_mask (self, NULL);
  restore_window (self);
  on_window_changed (self);
  refilter (self);
}

static void
on_pin_selected (SitrepTimelineLink *self)
{
  guint index = sitrep_pin_layer_get_selected_index (self->pin_layer);
  const SitrepEventColumns *c = sitrep_event_store_get_columns (self->store);

  if (self->syncing_selection)
    return;
  self->syncing_selection = TRUE;
  if (index != G_MAXUINT && c != NULL && index < c->n_events)
    {
      /* Selecting an event outside the window moves the window to it. */
      sitrep_timeline_show_span (self->timeline, c->epoch + c->start[index], c->epoch + c->end[index]);
    }
  sitrep_event_list_select_index (self->list, index);
  self->syncing_selection = FALSE;
}

static void
on_row_selected (SitrepTimelineLink *self,
                 guint               index)
{
  double x, y;

  if (self->syncing_selection)
    return;
  self->syncing_selection = TRUE;
  sitrep_pin_layer_set_selected_index (self->pin_layer, index);
  /* Bring the pin into view if it is off the map. */
  if (sitrep_pin_layer_get_position (self->pin_layer, index, &x, &y)
      && (x < 0 || y < 0 || x > gtk_widget_get_width (GTK_WIDGET (self->pin_layer))
          || y > gtk_widget_get_height (GTK_WIDGET (self->pin_layer))))
    {
      const SitrepEventColumns *c = sitrep_event_store_get_columns (self->store);
      ShumateViewport *viewport = sitrep_map_view_get_viewport (self->map_view);

      sitrep_map_view_go_to (self->map_view, c->lat[index], c->lon[index],
                             shumate_viewport_get_zoom_level (viewport));
    }
  self->syncing_selection = FALSE;
}

static void
on_hovered (SitrepTimelineLink *self)
{
  sitrep_timeline_set_highlight (self->timeline, sitrep_pin_layer_get_hovered (self->pin_layer));
}

/* ---- GObject ---- */

static void
sitrep_timeline_link_dispose (GObject *object)
{
  SitrepTimelineLink *self = SITREP_TIMELINE_LINK (object);

  if (self->save_id != 0)
    {
      g_source_remove (self->save_id);
      save_now (self);
    }
  g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->map_view = NULL;
  self->pin_layer = NULL;
  self->timeline = NULL;
  self->list = NULL;
  G_OBJECT_CLASS (sitrep_timeline_link_parent_class)->dispose (object);
}

static void
sitrep_timeline_link_class_init (SitrepTimelineLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sitrep_timeline_link_dispose;

  /* The filter could not be applied; the message says why, for a toast. */
  signals[FILTER_FAILED] = g_signal_new ("filter-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sitrep_timeline_link_init (SitrepTimelineLink *self)
{
}

static GSettings *
timeline_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.sitrep.Sitrep.Timeline", TRUE);
  if (schema == NULL)
    {
      g_warning ("The schema io.github.sitrep.Sitrep.Timeline is not installed: "
                 "the timeline will not remember its state");
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

SitrepTimelineLink *
sitrep_timeline_link_new (SitrepEventStore *store,
                          SitrepMapView    *map_view,
                          SitrepTimeline   *timeline,
                          SitrepEventList  *list,
                          SitrepFilter     *filter)
{
  SitrepTimelineLink *self = g_object_new (SITREP_TYPE_TIMELINE_LINK, NULL);

  self->store = g_object_ref (store);
  self->map_view = map_view;
  self->pin_layer = sitrep_map_view_get_pin_layer (map_view);
  self->timeline = timeline;
  self->list = list;
  self->filter = g_object_ref (filter);
  self->settings = timeline_settings ();
  sitrep_filter_set_expand_func (filter, expand_with_gazetteer, NULL, NULL);

  sitrep_timeline_set_store (timeline, store);
  sitrep_event_list_set_store (list, store);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "filter-kinds", filter, "kinds", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "filter-hedgings", filter, "hedgings", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "filter-source-kinds", filter, "source-kinds", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "filter-side", filter, "side", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "filter-text", filter, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "playback-speed", timeline, "speed", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "playback-loop", timeline, "loop", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "fade-outside-window", self->pin_layer, "fade-outside-window",
                       G_SETTINGS_BIND_DEFAULT);
      sitrep_map_view_go_to (map_view,
                             g_settings_get_double (self->settings, "map-latitude"),
                             g_settings_get_double (self->settings, "map-longitude"),
                             g_settings_get_double (self->settings, "map-zoom"));
      g_signal_connect_object (sitrep_map_view_get_viewport (map_view), "notify",
                               G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (timeline, "notify::zoom", G_CALLBACK (schedule_save), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (timeline, "notify::view-start", G_CALLBACK (schedule_save), self,
                               G_CONNECT_SWAPPED);
    }

  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (refilter), self);
  g_signal_connect_object (timeline, "notify::window-start", G_CALLBACK (on_window_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (timeline, "notify::window-end", G_CALLBACK (on_window_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_layer, "notify::selected-index", G_CALLBACK (on_pin_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_layer, "notify::hovered", G_CALLBACK (on_hovered), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "event-selected", G_CALLBACK (on_row_selected), self, G_CONNECT_SWAPPED);

  if (sitrep_event_store_get_n_events (store) > 0)
    on_store_changed (self);
  return self;
}

GBytes *
sitrep_timeline_link_get_mask (SitrepTimelineLink *self)
{
  g_return_val_if_fail (SITREP_IS_TIMELINE_LINK (self), NULL);
  return self->mask;
}
