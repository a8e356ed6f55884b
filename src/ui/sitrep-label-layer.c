/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-label-layer.c: the map layer that names settlements, rivers and reservoirs. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-basemap-labels.h"
#include "sitrep-kind-style.h"
#include "sitrep-label-layer.h"

#include <math.h>

/* Half the side of the box a pin keeps clear of names. */
#define SITREP_PIN_RADIUS_FOR_LABELS (SITREP_PIN_RADIUS + 2)

struct _SitrepLabelLayer
{
  ShumateLayer parent_instance;

  SitrepBasemapStyle style;
  GArray *labels;            /* SitrepMapLabel, NULL until loaded */
  GCancellable *cancellable;
  SitrepPinLayer *pins;      /* weak */
  guint n_placed;
};

G_DEFINE_FINAL_TYPE (SitrepLabelLayer, sitrep_label_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_viewport_changed (SitrepLabelLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  /* The gazetteer's first load takes ~200 ms: never on the main thread. */
  g_task_return_pointer (task, sitrep_map_labels_new (GPOINTER_TO_INT (task_data)),
                         (GDestroyNotify) g_array_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GArray *labels = g_task_propagate_pointer (G_TASK (result), NULL);
  SitrepLabelLayer *self;

  if (labels == NULL)
    return;      /* cancelled: the layer is gone */
  self = SITREP_LABEL_LAYER (source);
  g_clear_pointer (&self->labels, g_array_unref);
  self->labels = labels;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sitrep_label_layer_constructed (GObject *object)
{
  SitrepLabelLayer *self = SITREP_LABEL_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (sitrep_label_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::rotation", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, sitrep_label_layer_constructed);
  g_task_set_task_data (task, GINT_TO_POINTER (sitrep_map_language_from_locale ()), NULL);
  g_task_run_in_thread (task, load_thread);
}

static void
sitrep_label_layer_dispose (GObject *object)
{
  SitrepLabelLayer *self = SITREP_LABEL_LAYER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->pins);
  G_OBJECT_CLASS (sitrep_label_layer_parent_class)->dispose (object);
}

static void
sitrep_label_layer_finalize (GObject *object)
{
  SitrepLabelLayer *self = SITREP_LABEL_LAYER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->labels, g_array_unref);
  G_OBJECT_CLASS (sitrep_label_layer_parent_class)->finalize (object);
}

static GdkRGBA
rgba (const double *rgb,
      float         alpha)
{
  return (GdkRGBA) { rgb[0], rgb[1], rgb[2], alpha };
}

/* At most this many pins are kept clear of names; past it the map is a carpet of pins. */
#define MAX_PIN_OBSTACLES 4000

/* The boxes of the pins drawn now, in layer coordinates (x0, y0, x1, y1 each). */
static GArray *
pin_boxes (SitrepLabelLayer *self,
           double            width,
           double            height)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (double));
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  SitrepEventStore *store;
  g_autoptr(GArray) found = NULL;
  SitrepBBox bbox;
  gint64 from, to;
  double lat0, lon0, lat1, lon1, r = hypot (width, height) / 2;

  if (self->pins == NULL || (store = sitrep_pin_layer_get_store (self->pins)) == NULL)
    return boxes;
  sitrep_pin_layer_get_time_window (self->pins, &from, &to);
  {
    gint64 first, last;

    /* The window's default is all time; the store counts in 32-bit seconds from its epoch. */
    if (!sitrep_event_store_get_range (store, &first, &last))
      return boxes;
    from = MAX (from, first);
    to = MIN (to, last + 1);
  }
  /* The view's circumscribed square, whatever the rotation. */
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), width / 2 - r, height / 2 - r,
                                              &lat0, &lon0);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), width / 2 + r, height / 2 + r,
                                              &lat1, &lon1);
  bbox.min_lat = MIN (lat0, lat1);
  bbox.max_lat = MAX (lat0, lat1);
  bbox.min_lon = MIN (lon0, lon1);
  bbox.max_lon = MAX (lon0, lon1);
  if (shumate_viewport_get_rotation (viewport) != 0.0)
    {
      /* Turned, the square's corners are not its extremes: take the whole circle. */
      double dlat = (bbox.max_lat - bbox.min_lat) * 0.5, dlon = (bbox.max_lon - bbox.min_lon) * 0.5;

      bbox.min_lat -= dlat;
      bbox.max_lat += dlat;
      bbox.min_lon -= dlon;
      bbox.max_lon += dlon;
    }
  found = g_array_new (FALSE, FALSE, sizeof (guint));
  sitrep_event_store_query (store, from, to, &bbox, found);
  if (found->len > MAX_PIN_OBSTACLES)
    return boxes;
  for (guint k = 0; k < found->len; k++)
    {
      double x, y, pr = SITREP_PIN_RADIUS_FOR_LABELS;

      if (!sitrep_pin_layer_get_position (self->pins, g_array_index (found, guint, k), &x, &y))
        continue;
      g_array_append_vals (boxes, (double[4]) { x - pr, y - pr, x + pr, y + pr }, 4);
    }
  return boxes;
}

static void
sitrep_label_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SitrepLabelLayer *self = SITREP_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const SitrepBasemapPalette *pal = sitrep_basemap_palette_get (self->style);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double zoom, cx, cy;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA halo = rgba (pal->label_halo, 0.8f);
  GdkRGBA dot = rgba (pal->dot, 1.0f);
  GdkRGBA dot_halo = rgba (pal->label_halo, 1.0f);

  if (self->labels == NULL || width <= 0 || height <= 0)
    return;

  zoom = shumate_viewport_get_zoom_level (viewport);
  sitrep_basemap_latlon_to_world (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  zoom, &cx, &cy);
  boxes = pin_boxes (self, width, height);
  placed = sitrep_map_labels_layout_avoiding (self->labels, gtk_widget_get_pango_context (widget), zoom,
                                              cx - width / 2, cy - height / 2, width, height,
                                              shumate_viewport_get_rotation (viewport),
                                              (const double *) (void *) boxes->data, boxes->len / 4);
  self->n_placed = placed->len;
  layout = gtk_widget_create_pango_layout (widget, NULL);

  for (guint i = 0; i < placed->len; i++)
    {
      const SitrepPlacedLabel *p = &g_array_index (placed, SitrepPlacedLabel, i);
      const SitrepMapLabel *l = &g_array_index (self->labels, SitrepMapLabel, p->label);
      PangoFontDescription *font = sitrep_map_label_font (l);
      GdkRGBA ink = rgba (l->kind == SITREP_MAP_LABEL_SETTLEMENT ? pal->label : pal->water_label, 1.0f);
      static const float offsets[8][2] = {
        { -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 }, { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 },
      };

      if (l->kind == SITREP_MAP_LABEL_SETTLEMENT)
        {
          float r = l->population >= 150000 ? 3.0f : 2.5f;
          GskRoundedRect outer, inner;

          gsk_rounded_rect_init_from_rect (&outer,
                                           &GRAPHENE_RECT_INIT (p->dot_x - r - 1, p->dot_y - r - 1,
                                                                2 * r + 2, 2 * r + 2), r + 1);
          gtk_snapshot_push_rounded_clip (snapshot, &outer);
          gtk_snapshot_append_color (snapshot, &dot_halo, &outer.bounds);
          gtk_snapshot_pop (snapshot);
          gsk_rounded_rect_init_from_rect (&inner,
                                           &GRAPHENE_RECT_INIT (p->dot_x - r, p->dot_y - r, 2 * r, 2 * r), r);
          gtk_snapshot_push_rounded_clip (snapshot, &inner);
          gtk_snapshot_append_color (snapshot, &dot, &inner.bounds);
          gtk_snapshot_pop (snapshot);
        }

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, l->name, -1);

      /* A halo from eight offset copies keeps the text on the GPU (no cairo node). */
      for (int k = 0; k < 8; k++)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->x + offsets[k][0], p->y + offsets[k][1]));
          gtk_snapshot_append_layout (snapshot, layout, &halo);
          gtk_snapshot_restore (snapshot);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->x, p->y));
      gtk_snapshot_append_layout (snapshot, layout, &ink);
      gtk_snapshot_restore (snapshot);
    }
}

static void
sitrep_label_layer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SitrepLabelLayer *self = SITREP_LABEL_LAYER (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_int (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_label_layer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STYLE:
      sitrep_label_layer_set_style (SITREP_LABEL_LAYER (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_label_layer_class_init (SitrepLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitrep_label_layer_constructed;
  object_class->dispose = sitrep_label_layer_dispose;
  object_class->finalize = sitrep_label_layer_finalize;
  object_class->get_property = sitrep_label_layer_get_property;
  object_class->set_property = sitrep_label_layer_set_property;
  widget_class->snapshot = sitrep_label_layer_snapshot;

  properties[PROP_STYLE] =
    g_param_spec_int ("style", NULL, NULL, SITREP_BASEMAP_STYLE_LIGHT, SITREP_BASEMAP_STYLE_DARK,
                      SITREP_BASEMAP_STYLE_LIGHT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sitrep-label-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sitrep_label_layer_init (SitrepLabelLayer *self)
{
  self->cancellable = g_cancellable_new ();
  /* Labels never take clicks from the pins and the map under them. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

SitrepLabelLayer *
sitrep_label_layer_new (ShumateViewport *viewport)
{
  return g_object_new (SITREP_TYPE_LABEL_LAYER, "viewport", viewport, NULL);
}

SitrepBasemapStyle
sitrep_label_layer_get_style (SitrepLabelLayer *self)
{
  g_return_val_if_fail (SITREP_IS_LABEL_LAYER (self), SITREP_BASEMAP_STYLE_LIGHT);
  return self->style;
}

void
sitrep_label_layer_set_style (SitrepLabelLayer   *self,
                              SitrepBasemapStyle  style)
{
  g_return_if_fail (SITREP_IS_LABEL_LAYER (self));
  if (self->style == style)
    return;
  self->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

void
sitrep_label_layer_set_pin_layer (SitrepLabelLayer *self,
                                  SitrepPinLayer   *pins)
{
  g_return_if_fail (SITREP_IS_LABEL_LAYER (self));
  if (self->pins != NULL)
    g_signal_handlers_disconnect_by_func (self->pins, gtk_widget_queue_draw, self);
  g_set_weak_pointer (&self->pins, pins);
  /* A new collection moves the pins: lay the names out again. */
  if (pins != NULL)
    g_signal_connect_object (pins, "notify::store", G_CALLBACK (gtk_widget_queue_draw), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sitrep_label_layer_get_n_placed (SitrepLabelLayer *self)
{
  g_return_val_if_fail (SITREP_IS_LABEL_LAYER (self), 0);
  return self->n_placed;
}
