/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-pin-layer.c: the map layer that draws every visible event as a pin. */
#define G_LOG_DOMAIN "sitrep-pin-layer"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "sitrep-kind-style.h"
#include "sitrep-pin-layer.h"

/* Web Mercator's limits, as libshumate clamps them. */
#define MAX_LATITUDE 85.0511287798
#define PICK_RADIUS 10.0

typedef struct
{
  float x;
  float y;
  guint index;
} VisiblePin;

/* The viewport's projection, flattened to a few numbers for the hot loop. */
typedef struct
{
  double world;   /* size of the whole world in pixels at this zoom */
  double ox, oy;  /* the viewport centre in world pixels */
  double w2, h2;  /* half the layer's size */
  double cosr, sinr;
  gboolean rotated;
  double width, height;
} Projection;

struct _SitrepPinLayer
{
  ShumateLayer parent_instance;

  SitrepEventStore *store;
  gulong store_changed_id;

  guint selected;
  gint64 from;
  gint64 to;

  /* Web Mercator coordinates of every event in [0, 1], computed once per load so that
   * a frame only scales and shifts them. */
  double *mx;
  double *my;
  guint n_projected;

  GArray *visible;     /* of VisiblePin, from the last collect () */
  guint n_visible;     /* of those, how many have their centre inside the layer */

  GdkTexture *textures[SITREP_N_KINDS][2][2]; /* [kind][hollow][selected] */
  int texture_size[2];                        /* logical size, [selected] */
  int texture_scale;
};

G_DEFINE_FINAL_TYPE (SitrepPinLayer, sitrep_pin_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
mercator_x (double lon)
{
  lon = CLAMP (lon, -180.0, 180.0);
  return (lon + 180.0) / 360.0;
}

static double
mercator_y (double lat)
{
  double s;

  lat = CLAMP (lat, -MAX_LATITUDE, MAX_LATITUDE);
  s = sin (lat * G_PI / 180.0);
  return 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

static gboolean
projection_init (SitrepPinLayer *self,
                 Projection     *p)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source;
  double zoom, rotation;

  if (viewport == NULL)
    return FALSE;
  source = shumate_viewport_get_reference_map_source (viewport);
  if (source == NULL)
    return FALSE;

  zoom = shumate_viewport_get_zoom_level (viewport);
  /* The same map size as shumate_map_source_get_x () uses. */
  p->world = shumate_map_source_get_tile_size_at_zoom (source, zoom)
             * shumate_map_source_get_column_count (source, (guint) zoom);
  p->ox = mercator_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))) * p->world;
  p->oy = mercator_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport))) * p->world;
  p->width = gtk_widget_get_width (GTK_WIDGET (self));
  p->height = gtk_widget_get_height (GTK_WIDGET (self));
  p->w2 = p->width / 2.0;
  p->h2 = p->height / 2.0;
  rotation = shumate_viewport_get_rotation (viewport);
  p->rotated = rotation != 0.0;
  p->cosr = cos (rotation);
  p->sinr = sin (rotation);
  return TRUE;
}

static inline void
project (const Projection *p,
         double            mx,
         double            my,
         double           *x,
         double           *y)
{
  double dx = mx * p->world - p->ox;
  double dy = my * p->world - p->oy;

  if (p->rotated)
    {
      double rx = p->cosr * dx - p->sinr * dy;
      double ry = p->sinr * dx + p->cosr * dy;

      dx = rx;
      dy = ry;
    }
  *x = dx + p->w2;
  *y = dy + p->h2;
}

static void
update_accessible_label (SitrepPinLayer *self)
{
  guint n = self->store ? sitrep_event_store_get_n_events (self->store) : 0;
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Map with %u event",
                                        "Map with %u events", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
reproject (SitrepPinLayer *self)
{
  const SitrepEventColumns *columns;

  g_clear_pointer (&self->mx, g_free);
  g_clear_pointer (&self->my, g_free);
  self->n_projected = 0;

  if (self->store == NULL)
    return;
  columns = sitrep_event_store_get_columns (self->store);
  if (columns == NULL || columns->n_events == 0)
    return;

  self->mx = g_new (double, columns->n_events);
  self->my = g_new (double, columns->n_events);
  for (guint i = 0; i < columns->n_events; i++)
    {
      self->mx[i] = mercator_x (columns->lon[i]);
      self->my[i] = mercator_y (columns->lat[i]);
    }
  self->n_projected = columns->n_events;
}

/* The candidate range [*begin, *end) of the time window and the window relative to the
 * columns' epoch; FALSE when nothing can match. */
static gboolean
window_range (SitrepPinLayer *self,
              guint          *begin,
              guint          *end,
              gint64         *rel_from,
              gboolean       *check_end)
{
  const SitrepEventColumns *columns = sitrep_event_store_get_columns (self->store);
  gint64 first, last, from, to;

  *check_end = FALSE;
  *rel_from = 0;
  if (self->from == G_MININT64 && self->to == G_MAXINT64)
    {
      *begin = 0;
      *end = self->n_projected;
      return TRUE;
    }
  if (!sitrep_event_store_get_range (self->store, &first, &last))
    return FALSE;

  /* Clamp to what the store holds, so that the store never sees an overflowing time. */
  from = MAX (self->from, first);
  to = MIN (self->to, last + 1);
  if (from >= to)
    return FALSE;

  sitrep_event_store_window (self->store, from, to, begin, end);
  *end = MIN (*end, self->n_projected);
  *rel_from = from - columns->epoch;
  *check_end = TRUE;
  return *begin < *end;
}

/* Fills self->visible with the pins that touch the layer, and counts those whose centre
 * is inside it. */
static void
collect (SitrepPinLayer *self)
{
  const SitrepEventColumns *columns;
  Projection p;
  guint begin, end;
  gint64 rel_from;
  gboolean check_end;
  double margin = SITREP_PIN_SELECTED_RADIUS + 6;

  g_array_set_size (self->visible, 0);
  self->n_visible = 0;

  if (self->store == NULL || self->n_projected == 0 || !projection_init (self, &p))
    return;
  if (p.width <= 0 || p.height <= 0)
    return;
  columns = sitrep_event_store_get_columns (self->store);
  if (!window_range (self, &begin, &end, &rel_from, &check_end))
    return;

  for (guint i = begin; i < end; i++)
    {
      double x, y;
      VisiblePin pin;

      if (check_end && columns->end[i] <= rel_from)
        continue;

      project (&p, self->mx[i], self->my[i], &x, &y);
      if (x < -margin || y < -margin || x > p.width + margin || y > p.height + margin)
        continue;

      pin.x = (float) x;
      pin.y = (float) y;
      pin.index = i;
      g_array_append_val (self->visible, pin);
      if (x >= 0 && y >= 0 && x < p.width && y < p.height)
        self->n_visible++;
    }
}

static void
clear_textures (SitrepPinLayer *self)
{
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    for (guint h = 0; h < 2; h++)
      for (guint s = 0; s < 2; s++)
        g_clear_object (&self->textures[k][h][s]);
}

static GdkTexture *
get_texture (SitrepPinLayer *self,
             guint           kind,
             gboolean        hollow,
             gboolean        selected)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (scale != self->texture_scale)
    {
      clear_textures (self);
      self->texture_scale = scale;
    }
  if (kind >= SITREP_N_KINDS)
    kind = SITREP_KIND_OTHER;
  if (self->textures[kind][hollow][selected] == NULL)
    self->textures[kind][hollow][selected] =
      sitrep_kind_style_render_pin (kind, hollow, selected, scale,
                                    &self->texture_size[selected]);
  return self->textures[kind][hollow][selected];
}

static void
append_pin (SitrepPinLayer           *self,
            GtkSnapshot              *snapshot,
            const SitrepEventColumns *columns,
            const VisiblePin         *pin,
            gboolean                  selected)
{
  guint kind = columns->kind[pin->index];
  gboolean hollow = (columns->flags[pin->index] & SITREP_EVENT_FLAG_HEDGED) != 0;
  GdkTexture *texture = get_texture (self, kind, hollow, selected);
  float size = self->texture_size[selected];
  /* Whole device pixels keep the texture sharp. */
  float x = roundf (pin->x - size / 2.0f);
  float y = roundf (pin->y - size / 2.0f);

  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, size, size));
}

static void
sitrep_pin_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (widget);
  const SitrepEventColumns *columns;
  const VisiblePin *selected = NULL;

  collect (self);
  if (self->visible->len == 0)
    return;

  columns = sitrep_event_store_get_columns (self->store);
  /* One texture node per pin; the selected pin last, on top of its neighbours. */
  for (guint i = 0; i < self->visible->len; i++)
    {
      const VisiblePin *pin = &g_array_index (self->visible, VisiblePin, i);

      if (pin->index == self->selected)
        selected = pin;
      else
        append_pin (self, snapshot, columns, pin, FALSE);
    }
  if (selected)
    append_pin (self, snapshot, columns, selected, TRUE);
}

/* ShumateLayer lets every pointer event fall through to the layers below; this layer
 * takes the events that land on a pin (to select it) and lets the rest through, so
 * that dragging the map from between pins still works. */
static gboolean
sitrep_pin_layer_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  return sitrep_pin_layer_pick (SITREP_PIN_LAYER (widget), x, y) != G_MAXUINT;
}

static void
on_store_changed (SitrepPinLayer *self)
{
  reproject (self);
  sitrep_pin_layer_set_selected_index (self, G_MAXUINT);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SitrepPinLayer  *self)
{
  guint index;

  if (n_press != 1)
    return;
  index = sitrep_pin_layer_pick (self, x, y);
  if (index != G_MAXUINT)
    {
      sitrep_pin_layer_set_selected_index (self, index);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

/* From the keyboard: Left/Right (or Page Up/Down) walk through the visible pins in time
 * order. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SitrepPinLayer        *self)
{
  int step;
  guint current = G_MAXUINT;
  const VisiblePin *pins;
  guint n;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      step = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
      step = 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  collect (self);
  pins = (const VisiblePin *) (gpointer) self->visible->data;
  n = self->visible->len;
  if (n == 0)
    return GDK_EVENT_PROPAGATE;
  for (guint i = 0; i < n; i++)
    if (pins[i].index == self->selected)
      current = i;

  if (current == G_MAXUINT)
    current = step > 0 ? 0 : n - 1;
  else
    current = (current + n + step) % n;
  sitrep_pin_layer_set_selected_index (self, pins[current].index);
  return GDK_EVENT_STOP;
}

static void
on_viewport_notify (SitrepPinLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sitrep_pin_layer_constructed (GObject *object)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (sitrep_pin_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_notify), self,
                             G_CONNECT_SWAPPED);
  update_accessible_label (self);
}

static void
sitrep_pin_layer_dispose (GObject *object)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (object);

  if (self->store)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  clear_textures (self);

  G_OBJECT_CLASS (sitrep_pin_layer_parent_class)->dispose (object);
}

static void
sitrep_pin_layer_finalize (GObject *object)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (object);

  g_free (self->mx);
  g_free (self->my);
  g_array_unref (self->visible);

  G_OBJECT_CLASS (sitrep_pin_layer_parent_class)->finalize (object);
}

static void
sitrep_pin_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_INDEX:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_pin_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sitrep_pin_layer_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_INDEX:
      sitrep_pin_layer_set_selected_index (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_pin_layer_class_init (SitrepPinLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitrep_pin_layer_constructed;
  object_class->dispose = sitrep_pin_layer_dispose;
  object_class->finalize = sitrep_pin_layer_finalize;
  object_class->get_property = sitrep_pin_layer_get_property;
  object_class->set_property = sitrep_pin_layer_set_property;

  widget_class->snapshot = sitrep_pin_layer_snapshot;
  widget_class->contains = sitrep_pin_layer_contains;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SITREP_TYPE_EVENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_INDEX] =
    g_param_spec_uint ("selected-index", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sitrep-pin-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitrep_pin_layer_init (SitrepPinLayer *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  self->selected = G_MAXUINT;
  self->from = G_MININT64;
  self->to = G_MAXINT64;
  self->visible = g_array_new (FALSE, FALSE, sizeof (VisiblePin));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

SitrepPinLayer *
sitrep_pin_layer_new (ShumateViewport  *viewport,
                      SitrepEventStore *store)
{
  return g_object_new (SITREP_TYPE_PIN_LAYER,
                       "viewport", viewport,
                       "store", store,
                       NULL);
}

SitrepEventStore *
sitrep_pin_layer_get_store (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), NULL);
  return self->store;
}

void
sitrep_pin_layer_set_store (SitrepPinLayer   *self,
                            SitrepEventStore *store)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));
  g_return_if_fail (store == NULL || SITREP_IS_EVENT_STORE (store));

  if (self->store == store)
    return;

  if (self->store)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store)
    self->store_changed_id = g_signal_connect_swapped (store, "changed",
                                                       G_CALLBACK (on_store_changed), self);
  on_store_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

guint
sitrep_pin_layer_get_selected_index (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), G_MAXUINT);
  return self->selected;
}

void
sitrep_pin_layer_set_selected_index (SitrepPinLayer *self,
                                     guint           index)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));

  if (index >= self->n_projected)
    index = G_MAXUINT;
  if (self->selected == index)
    return;
  self->selected = index;

  /* A screen reader hears what is selected; the sidebar has the details. */
  if (index == G_MAXUINT)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    {
      const SitrepEventColumns *columns = sitrep_event_store_get_columns (self->store);
      g_autofree char *description = NULL;

      /* TRANSLATORS: the accessible description of the map: "Selected: Shelling" */
      description = g_strdup_printf (_("Selected: %s"),
                                     sitrep_event_kind_label (columns->kind[index]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_INDEX]);
}

void
sitrep_pin_layer_set_time_window (SitrepPinLayer *self,
                                  gint64          from,
                                  gint64          to)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));

  if (self->from == from && self->to == to)
    return;
  self->from = from;
  self->to = to;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sitrep_pin_layer_get_time_window (SitrepPinLayer *self,
                                  gint64         *from,
                                  gint64         *to)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));
  if (from)
    *from = self->from;
  if (to)
    *to = self->to;
}

guint
sitrep_pin_layer_get_n_visible (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), 0);
  collect (self);
  return self->n_visible;
}

guint
sitrep_pin_layer_pick (SitrepPinLayer *self,
                       double          x,
                       double          y)
{
  guint best = G_MAXUINT;
  double best_d2 = PICK_RADIUS * PICK_RADIUS;

  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), G_MAXUINT);

  collect (self);
  /* Later pins are drawn above earlier ones: on a tie the topmost wins. */
  for (guint i = 0; i < self->visible->len; i++)
    {
      const VisiblePin *pin = &g_array_index (self->visible, VisiblePin, i);
      double dx = pin->x - x;
      double dy = pin->y - y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= best_d2)
        {
          best_d2 = d2;
          best = pin->index;
        }
    }
  return best;
}

gboolean
sitrep_pin_layer_get_position (SitrepPinLayer *self,
                               guint           index,
                               double         *x,
                               double         *y)
{
  Projection p;

  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), FALSE);

  if (index >= self->n_projected || !projection_init (self, &p))
    return FALSE;
  project (&p, self->mx[index], self->my[index], x, y);
  return TRUE;
}
