/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-label-layer.c: the map layer that names settlements, rivers and reservoirs. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-basemap-labels.h"
#include "sitrep-label-layer.h"

struct _SitrepLabelLayer
{
  ShumateLayer parent_instance;

  SitrepBasemapStyle style;
  GArray *labels;            /* SitrepMapLabel, NULL until loaded */
  GCancellable *cancellable;
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
  placed = sitrep_map_labels_layout_full (self->labels, gtk_widget_get_pango_context (widget), zoom,
                                          cx - width / 2, cy - height / 2, width, height,
                                          shumate_viewport_get_rotation (viewport));
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

guint
sitrep_label_layer_get_n_placed (SitrepLabelLayer *self)
{
  g_return_val_if_fail (SITREP_IS_LABEL_LAYER (self), 0);
  return self->n_placed;
}
