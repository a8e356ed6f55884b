/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-timeline.c: the timeline: a histogram of events per time bucket and a brush. */
#define G_LOG_DOMAIN "sitrep-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sitrep-histogram.h"
#include "sitrep-kind-style.h"
#include "sitrep-timeline.h"
#include "sitrep-filter.h"

#define SPAN_STRIP_H 12.0
#define AXIS_H 22.0
#define PAD 6.0
#define EDGE_GRAB 6.0
#define MIN_BUCKET_PX 4.0
#define MIN_ZOOM 20.0           /* seconds per pixel */
#define MIN_WINDOW 3600
#define MAX_SPAN_LINES 400

typedef enum
{
  DRAG_NONE,
  DRAG_CREATE,
  DRAG_MOVE,
  DRAG_RESIZE_START,
  DRAG_RESIZE_END,
  DRAG_PAN,
} DragMode;

struct _SitrepTimeline
{
  GtkWidget parent_instance;

  GtkWidget *controls;
  GtkWidget *play_button;

  SitrepEventStore *store;
  gulong changed_id;
  const SitrepEventColumns *columns;
  const SitrepHistogramIndex *index;  /* the store's, built by its loader */
  GTimeZone *tz;
  gint64 data_first;
  gint64 data_last;

  gint64 window_start;
  gint64 window_end;
  double view_start;
  double zoom;               /* seconds per pixel */
  gboolean view_set;
  gboolean fit_pending;

  GBytes *mask;
  GArray *highlight;

  /* Cached for the current view, width, mask. */
  SitrepHistogram *histogram;
  guint32 *highlight_counts;
  GArray *span_rects;        /* pairs of doubles (start, end) in unix seconds */
  guint *span_cover;         /* per pixel column, when there are too many spans */
  guint span_cover_len;
  gboolean dirty;
  gboolean highlight_dirty;
  /* The bars and spans, rendered once per histogram: a frame that only moves the brush
   * draws one texture instead of thousands of rectangles. */
  GdkTexture *bars_texture;
  GskRenderer *bars_renderer;
  int bars_width;
  int bars_height;
  int bars_scale;
  GdkRGBA bars_fg;

  DragMode drag_mode;
  double drag_x;
  gint64 drag_start0;
  gint64 drag_end0;
  double drag_view0;
  double pointer_x;
  double zoom_scale0;
  double zoom_view0;
  double zoom_spp0;

  gboolean playing;
  gboolean loop;
  SitrepPlaybackSpeed speed;
  guint tick_id;
  gint64 last_frame_time;
  double play_carry;
};

G_DEFINE_FINAL_TYPE (SitrepTimeline, sitrep_timeline, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_WINDOW_START,
  PROP_WINDOW_END,
  PROP_VIEW_START,
  PROP_ZOOM,
  PROP_HIGHLIGHT,
  PROP_FILTER_MASK,
  PROP_PLAYING,
  PROP_LOOP,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_accessible (SitrepTimeline *self);
static void update_tick (SitrepTimeline *self);

void
sitrep_kind_color (guint    kind,
                   GdkRGBA *color)
{
  /* The pins' colours, so that a bar and a pin of one kind match. */
  sitrep_kind_style_get_color (kind < SITREP_N_KINDS ? (SitrepEventKind) kind : SITREP_KIND_OTHER, color);
}

/* ---- Geometry ---- */

static double
plot_x0 (SitrepTimeline *self)
{
  int w = 0;

  if (self->controls != NULL && gtk_widget_get_visible (self->controls))
    gtk_widget_measure (self->controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  return w + PAD;
}

static double
plot_x1 (SitrepTimeline *self)
{
  return MAX (plot_x0 (self) + 10, gtk_widget_get_width (GTK_WIDGET (self)) - PAD);
}

double
sitrep_timeline_time_to_x (SitrepTimeline *self,
                           double          t)
{
  return plot_x0 (self) + (t - self->view_start) / self->zoom;
}

double
sitrep_timeline_x_to_time (SitrepTimeline *self,
                           double          x)
{
  return self->view_start + (x - plot_x0 (self)) * self->zoom;
}

static SitrepBucketSize
bucket_size (SitrepTimeline *self)
{
  return sitrep_bucket_size_for_scale (self->zoom, MIN_BUCKET_PX);
}

static void
invalidate (SitrepTimeline *self)
{
  self->dirty = TRUE;
  self->highlight_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Window and view ---- */

static void
set_window_internal (SitrepTimeline *self,
                     gint64          start,
                     gint64          end)
{
  gboolean start_changed, end_changed;

  if (end - start < MIN_WINDOW)
    end = start + MIN_WINDOW;
  start_changed = start != self->window_start;
  end_changed = end != self->window_end;
  if (!start_changed && !end_changed)
    return;
  self->window_start = start;
  self->window_end = end;
  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_END]);
  g_object_thaw_notify (G_OBJECT (self));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sitrep_timeline_set_window (SitrepTimeline *self,
                            gint64          start,
                            gint64          end)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));

  if (end < start)
    {
      gint64 tmp = start;
      start = end;
      end = tmp;
    }
  set_window_internal (self, start, end);
}

gint64
sitrep_timeline_get_window_start (SitrepTimeline *self)
{
  g_return_val_if_fail (SITREP_IS_TIMELINE (self), 0);
  return self->window_start;
}

gint64
sitrep_timeline_get_window_end (SitrepTimeline *self)
{
  g_return_val_if_fail (SITREP_IS_TIMELINE (self), 0);
  return self->window_end;
}

void
sitrep_timeline_set_view (SitrepTimeline *self,
                          double          view_start,
                          double          seconds_per_pixel)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));

  seconds_per_pixel = CLAMP (seconds_per_pixel, MIN_ZOOM, 1e8);
  self->view_set = TRUE;
  if (view_start == self->view_start && seconds_per_pixel == self->zoom)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (view_start != self->view_start)
    {
      self->view_start = view_start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_START]);
    }
  if (seconds_per_pixel != self->zoom)
    {
      self->zoom = seconds_per_pixel;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  invalidate (self);
}

double
sitrep_timeline_get_view_start (SitrepTimeline *self)
{
  return self->view_start;
}

double
sitrep_timeline_get_zoom (SitrepTimeline *self)
{
  return self->zoom;
}

/* Zooms by factor keeping the time under x where it is. */
static void
zoom_at (SitrepTimeline *self,
         double          x,
         double          factor)
{
  double t = sitrep_timeline_x_to_time (self, x);
  double spp = CLAMP (self->zoom * factor, MIN_ZOOM, 1e8);

  sitrep_timeline_set_view (self, t - (x - plot_x0 (self)) * spp, spp);
}

/* Pans the view so that the window is inside it. */
static void
keep_window_visible (SitrepTimeline *self)
{
  double width = plot_x1 (self) - plot_x0 (self);
  double view_end = self->view_start + width * self->zoom;

  if (width <= 10)
    return;
  if (self->window_start < self->view_start)
    sitrep_timeline_set_view (self, self->window_start - 20 * self->zoom, self->zoom);
  else if (self->window_end > view_end)
    sitrep_timeline_set_view (self, self->window_end + 20 * self->zoom - width * self->zoom, self->zoom);
}

void
sitrep_timeline_show_span (SitrepTimeline *self,
                           gint64          start,
                           gint64          end)
{
  gint64 len = self->window_end - self->window_start;
  gint64 mid;

  g_return_if_fail (SITREP_IS_TIMELINE (self));
  if (start < self->window_end && (end > self->window_start || (end == start && start >= self->window_start)))
    return;
  mid = start + (end - start) / 2;
  set_window_internal (self, mid - len / 2, mid - len / 2 + len);
  keep_window_visible (self);
}

/* Fits the whole collection in the view. */
static void
fit_view (SitrepTimeline *self)
{
  double width = plot_x1 (self) - plot_x0 (self);
  double range = (double) MAX (self->data_last - self->data_first, 86400);

  if (width <= 10 || !gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      /* Not laid out yet: fit again once the width is known. */
      self->fit_pending = TRUE;
      width = 800;
    }
  else
    self->fit_pending = FALSE;
  sitrep_timeline_set_view (self, self->data_first - range * 0.02, range * 1.04 / width);
}

/* ---- Store ---- */

static void
reload_columns (SitrepTimeline *self)
{
  self->index = NULL;
  self->columns = NULL;
  self->data_first = self->data_last = 0;
  if (self->store != NULL)
    {
      self->columns = sitrep_event_store_get_columns (self->store);
      if (self->columns != NULL && self->columns->n_events > 0)
        {
          self->index = sitrep_event_store_get_histogram_index (self->store);
          sitrep_event_store_get_range (self->store, &self->data_first, &self->data_last);
        }
    }
  if (self->index != NULL)
    {
      if (!self->view_set)
        fit_view (self);
      if (self->window_end <= self->window_start || self->window_end <= self->data_first
          || self->window_start >= self->data_last)
        {
          /* The last thirty days of the collection. */
          gint64 end = sitrep_bucket_next (SITREP_BUCKET_DAY, self->tz, self->data_last - 1);
          set_window_internal (self, end - 30 * 86400, end);
        }
    }
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->highlight, g_array_unref);
  update_accessible (self);
  invalidate (self);
}

static void
on_store_changed (SitrepTimeline *self)
{
  reload_columns (self);
}

SitrepEventStore *
sitrep_timeline_get_store (SitrepTimeline *self)
{
  g_return_val_if_fail (SITREP_IS_TIMELINE (self), NULL);
  return self->store;
}

void
sitrep_timeline_set_store (SitrepTimeline   *self,
                           SitrepEventStore *store)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));
  g_return_if_fail (store == NULL || SITREP_IS_EVENT_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  reload_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
sitrep_timeline_set_highlight (SitrepTimeline *self,
                               GArray         *indices)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));

  if (self->highlight == indices)
    return;
  if (self->highlight == NULL && indices != NULL && indices->len == 0)
    return;
  g_clear_pointer (&self->highlight, g_array_unref);
  if (indices != NULL && indices->len > 0)
    self->highlight = g_array_ref (indices);
  self->highlight_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

void
sitrep_timeline_set_filter_mask (SitrepTimeline *self,
                                 GBytes         *mask)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));

  if (self->mask == mask)
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  if (mask != NULL)
    self->mask = g_bytes_ref (mask);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_MASK]);
}

static const guint64 *
mask_bits (SitrepTimeline *self)
{
  gsize size = 0;
  const guint64 *bits;

  if (self->mask == NULL || self->columns == NULL)
    return NULL;
  bits = g_bytes_get_data (self->mask, &size);
  if (size < ((gsize) self->columns->n_events + 63) / 64 * 8)
    return NULL;  /* for another store's size: ignore rather than read past it */
  return bits;
}

/* ---- Accessibility ---- */

static char *
format_day (SitrepTimeline *self,
            gint64          t,
            const char     *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, self->tz);
  return g_date_time_format (local, format);
}

static char *
window_text (SitrepTimeline *self)
{
  /* The window is half-open: its last day is the one before its end. */
  g_autofree char *from = format_day (self, self->window_start, "%x");
  g_autofree char *to = format_day (self, MAX (self->window_start, self->window_end - 1), "%x");

  /* Translators: the timeline's selected window of dates, "11/17/24 – 11/23/24" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
update_accessible (SitrepTimeline *self)
{
  g_autofree char *text = window_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->data_first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->data_last,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->window_start,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

/* ---- Caches ---- */

static void
compute_histogram (SitrepTimeline *self)
{
  double x0 = plot_x0 (self), x1 = plot_x1 (self);
  gint64 from = (gint64) floor (sitrep_timeline_x_to_time (self, x0));
  gint64 to = (gint64) ceil (sitrep_timeline_x_to_time (self, x1));
  const guint64 *bits = mask_bits (self);
  const SitrepEventColumns *c = self->columns;
  guint n_spans = 0;
  guint width;

  g_clear_pointer (&self->histogram, sitrep_histogram_free);
  g_clear_object (&self->bars_texture);
  g_array_set_size (self->span_rects, 0);
  self->dirty = FALSE;
  self->highlight_dirty = TRUE;
  if (self->index == NULL)
    return;

  self->histogram = sitrep_histogram_new (bucket_size (self), self->tz, from, to,
                                          (guint) ((x1 - x0) / MIN_BUCKET_PX) + 4);
  if (bits == NULL)
    sitrep_histogram_fill_from_index (self->histogram, self->index, G_MAXUINT32);
  else
    sitrep_histogram_fill_from_columns (self->histogram, c, bits);

  /* Events lasting several days are drawn as spans above the bars: as lines while they
   * are few, as a coverage band (spans per pixel column) when they are many. */
  width = (guint) MAX (1, ceil (x1 - x0));
  if (self->span_cover_len != width)
    {
      g_free (self->span_cover);
      self->span_cover = g_new (guint, width + 1);
      self->span_cover_len = width;
    }
  memset (self->span_cover, 0, sizeof (guint) * (width + 1));
  if (self->store != NULL)
    {
      guint begin = 0, end = 0;

      sitrep_event_store_window (self->store, from, to, &begin, &end);
      for (guint i = begin; i < end; i++)
        {
          double s, e;
          int a, b;

          if (!(c->flags[i] & SITREP_EVENT_FLAG_SPAN))
            continue;
          if (!sitrep_filter_mask_get (bits, i))
            continue;
          s = (double) c->epoch + c->start[i];
          e = (double) c->epoch + c->end[i];
          if (e <= from || s >= to)
            continue;
          if (n_spans < MAX_SPAN_LINES)
            {
              g_array_append_val (self->span_rects, s);
              g_array_append_val (self->span_rects, e);
            }
          n_spans++;
          a = (int) CLAMP (floor ((s - self->view_start) / self->zoom), 0, width);
          b = (int) CLAMP (ceil ((e - self->view_start) / self->zoom), 0, width);
          self->span_cover[a]++;
          self->span_cover[b]--;
        }
      if (n_spans >= MAX_SPAN_LINES)
        {
          g_array_set_size (self->span_rects, 0);
          for (guint px = 1; px <= width; px++)
            self->span_cover[px] += self->span_cover[px - 1];
        }
      else
        memset (self->span_cover, 0, sizeof (guint) * (width + 1));
    }
}

static void
compute_highlight (SitrepTimeline *self)
{
  const SitrepEventColumns *c = self->columns;

  self->highlight_dirty = FALSE;
  g_clear_pointer (&self->highlight_counts, g_free);
  if (self->highlight == NULL || self->histogram == NULL || c == NULL)
    return;
  self->highlight_counts = g_new0 (guint32, MAX (self->histogram->n_buckets, 1));
  for (guint j = 0; j < self->highlight->len; j++)
    {
      guint i = g_array_index (self->highlight, guint, j);
      int b;

      if (i >= c->n_events)
        continue;
      b = sitrep_histogram_find_bucket (self->histogram, c->epoch + c->start[i]);
      if (b >= 0)
        self->highlight_counts[b]++;
    }
}

guint
sitrep_timeline_get_n_buckets (SitrepTimeline *self)
{
  if (self->dirty)
    compute_histogram (self);
  return self->histogram != NULL ? self->histogram->n_buckets : 0;
}

/* ---- Drawing ---- */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static const char *
label_format (SitrepBucketSize size,
              gboolean         major)
{
  switch (size)
    {
    case SITREP_BUCKET_HOUR:
      /* Translators: timeline axis label for an hour, see g_date_time_format() */
      return major ? C_("timeline", "%e %b") : C_("timeline", "%H:%M");
    case SITREP_BUCKET_DAY:
    case SITREP_BUCKET_WEEK:
      /* Translators: timeline axis label for a day, see g_date_time_format() */
      return C_("timeline", "%e %b");
    case SITREP_BUCKET_MONTH:
    case SITREP_N_BUCKET_SIZES:
    default:
      /* Translators: timeline axis label for a month, see g_date_time_format() */
      return C_("timeline", "%b %Y");
    }
}

static void
draw_axis (SitrepTimeline *self,
           GtkSnapshot    *snapshot,
           const GdkRGBA  *fg,
           double          y0,
           double          height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x0 = plot_x0 (self), x1 = plot_x1 (self);
  GdkRGBA tick = *fg;
  SitrepBucketSize size = bucket_size (self);
  SitrepBucketSize label_size = size;
  gint64 t, t_end;
  double last_label_x = -1e9;
  guint guard = 0;
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  /* Labels every bucket of a size that leaves room for the text. */
  while (label_size < SITREP_BUCKET_MONTH
         && sitrep_bucket_nominal_seconds (label_size) / self->zoom < 70)
    label_size++;
  tick.alpha *= 0.4;
  append_rect (snapshot, &tick, x0, y0, x1 - x0, 1);
  t = sitrep_bucket_floor (label_size, self->tz, (gint64) sitrep_timeline_x_to_time (self, x0));
  t_end = (gint64) sitrep_timeline_x_to_time (self, x1);
  for (; t < t_end && guard < 500; t = sitrep_bucket_next (label_size, self->tz, t), guard++)
    {
      double x = sitrep_timeline_time_to_x (self, (double) t);
      g_autofree char *text = NULL;
      int lw, lh;

      if (x < x0)
        continue;
      append_rect (snapshot, &tick, x, y0, 1, 4);
      if (x - last_label_x < 60)
        continue;
      text = format_day (self, t, label_format (label_size, FALSE));
      pango_layout_set_text (layout, g_strstrip (text), -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      if (x + 3 + lw > x1)
        break;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x + 3, (float) (y0 + (height - lh) / 2)));
      gtk_snapshot_append_layout (snapshot, layout, fg);
      gtk_snapshot_restore (snapshot);
      last_label_x = x + lw;
    }
  g_object_unref (layout);
}

/* The bars, stacked by kind, and the spans above them, as render nodes. */
static void
append_bars (SitrepTimeline *self,
             GtkSnapshot    *snapshot,
             const GdkRGBA  *fg,
             const GdkRGBA  *kind_colors,
             double          x0,
             double          x1,
             double          bars_h,
             double          bars_bottom)
{
  SitrepHistogram *h = self->histogram;
  GdkRGBA span;

  /* Bars, stacked by kind. */
  if (h != NULL && h->max_total > 0)
    {
      double scale = bars_h / h->max_total;

      for (guint b = 0; b < h->n_buckets; b++)
        {
          double bx0 = sitrep_timeline_time_to_x (self, (double) h->bounds[b]);
          double bx1 = sitrep_timeline_time_to_x (self, (double) h->bounds[b + 1]);
          double bw = bx1 - bx0 > 3 ? bx1 - bx0 - 1 : bx1 - bx0;
          double y = bars_bottom;

          if (h->totals[b] == 0 || bx1 < x0 || bx0 > x1)
            continue;
          for (guint k = 0; k < SITREP_N_KINDS; k++)
            {
              guint32 n = h->counts[(gsize) b * SITREP_N_KINDS + k];
              double bh;

              if (n == 0)
                continue;
              bh = n * scale;
              y -= bh;
              append_rect (snapshot, &kind_colors[k], bx0, y, bw, bh);
            }
        }
    }

  /* Spans. */
  span = *fg;
  span.alpha = 0.55;
  if (self->span_rects->len > 0)
    {
      for (guint j = 0; j + 1 < self->span_rects->len; j += 2)
        {
          double s = g_array_index (self->span_rects, double, j);
          double e = g_array_index (self->span_rects, double, j + 1);
          double sx = sitrep_timeline_time_to_x (self, s);
          double ex = sitrep_timeline_time_to_x (self, e);
          double lane = (j / 2) % 4;

          append_rect (snapshot, &span, sx, 1 + lane * 3, MAX (1, ex - sx), 2);
        }
    }
  else if (self->span_cover != NULL)
    {
      guint max = 1;

      for (guint px = 0; px < self->span_cover_len; px++)
        max = MAX (max, self->span_cover[px]);
      for (guint px = 0; px < self->span_cover_len; px++)
        if (self->span_cover[px] > 0)
          {
            GdkRGBA c = span;

            c.alpha = 0.15 + 0.6 * self->span_cover[px] / max;
            append_rect (snapshot, &c, x0 + px, 1, 1, SPAN_STRIP_H - 2);
          }
    }
}

/* append_bars () rendered to a texture by the widget's renderer, kept until the histogram,
 * the size, the scale or the colour changes. Without a renderer (not realized), the
 * nodes themselves. */
static void
append_bars_cached (SitrepTimeline *self,
                    GtkSnapshot    *snapshot,
                    const GdkRGBA  *fg,
                    const GdkRGBA  *kind_colors,
                    double          width,
                    double          height,
                    double          x0,
                    double          x1,
                    double          bars_h,
                    double          bars_bottom)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int w = (int) ceil (width), h = (int) ceil (height);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *bars;

  if (self->bars_texture != NULL &&
      (self->bars_width != w || self->bars_height != h || self->bars_scale != scale ||
       !gdk_rgba_equal (&self->bars_fg, fg)))
    g_clear_object (&self->bars_texture);
  if (self->bars_texture == NULL)
    {
      bars = gtk_snapshot_new ();
      append_bars (self, bars, fg, kind_colors, x0, x1, bars_h, bars_bottom);
      node = gtk_snapshot_free_to_node (bars);
      if (node == NULL)
        return;
      /* A cairo renderer of our own, so that the texture is in memory: drawn as it is by
       * a cairo renderer, uploaded once by a GL one (a GL texture would have to be read
       * back by every cairo draw). */
      if (self->bars_renderer == NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
        {
          g_autoptr(GError) error = NULL;

          self->bars_renderer = gsk_cairo_renderer_new ();
          if (!gsk_renderer_realize (self->bars_renderer, NULL, &error))
            {
              g_debug ("No renderer for the timeline's bars: %s", error->message);
              g_clear_object (&self->bars_renderer);
            }
        }
      if (self->bars_renderer == NULL || w <= 0 || h <= 0)
        {
          gtk_snapshot_append_node (snapshot, node);
          return;
        }
      if (scale != 1)
        {
          GskTransform *transform = gsk_transform_scale (NULL, (float) scale, (float) scale);
          GskRenderNode *scaled = gsk_transform_node_new (node, transform);

          gsk_transform_unref (transform);
          gsk_render_node_unref (node);
          node = scaled;
        }
      self->bars_texture = gsk_renderer_render_texture (self->bars_renderer, node,
                                                        &GRAPHENE_RECT_INIT (0, 0,
                                                                             (float) (w * scale),
                                                                             (float) (h * scale)));
      self->bars_width = w;
      self->bars_height = h;
      self->bars_scale = scale;
      self->bars_fg = *fg;
    }
  gtk_snapshot_append_texture (snapshot, self->bars_texture,
                               &GRAPHENE_RECT_INIT (0, 0, (float) w, (float) h));
}

static void
sitrep_timeline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double x0 = plot_x0 (self), x1 = plot_x1 (self);
  double bars_top = SPAN_STRIP_H + 2, bars_bottom = height - AXIS_H;
  double bars_h = MAX (1, bars_bottom - bars_top);
  GdkRGBA fg, kind_colors[SITREP_N_KINDS], dim, accent;
  SitrepHistogram *h;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &fg);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
#endif
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    sitrep_kind_color (k, &kind_colors[k]);
  gdk_rgba_parse (&accent, "#3584e4");

  if (self->dirty)
    compute_histogram (self);
  if (self->highlight_dirty)
    compute_highlight (self);
  h = self->histogram;

  if (self->index == NULL)
    {
      /* No collection, or an empty one: say so instead of an axis around 1970. */
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, _("No events"));
      int lw, lh;
      GdkRGBA dim_fg = fg;

      dim_fg.alpha *= 0.55f;
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) ((x0 + x1 - lw) / 2), (float) ((height - lh) / 2)));
      gtk_snapshot_append_layout (snapshot, layout, &dim_fg);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
      if (self->controls != NULL)
        gtk_widget_snapshot_child (widget, self->controls, snapshot);
      return;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) x0, 0, (float) (x1 - x0), (float) height));

  /* Bars and spans: from the texture while the histogram stays; hovered events over them. */
  append_bars_cached (self, snapshot, &fg, kind_colors, width, height, x0, x1, bars_h,
                      bars_bottom);
  if (h != NULL && h->max_total > 0 && self->highlight_counts != NULL)
    {
      double scale = bars_h / h->max_total;

      for (guint b = 0; b < h->n_buckets; b++)
        {
          double bx0 = sitrep_timeline_time_to_x (self, (double) h->bounds[b]);
          double bx1 = sitrep_timeline_time_to_x (self, (double) h->bounds[b + 1]);
          double bw = bx1 - bx0 > 3 ? bx1 - bx0 - 1 : bx1 - bx0;

          if (h->totals[b] == 0 || bx1 < x0 || bx0 > x1)
            continue;
          if (self->highlight_counts[b] > 0)
            {
              /* The hovered events: a dark band over the bottom of the bar, capped. */
              double hh = MAX (2.0, self->highlight_counts[b] * scale);
              GdkRGBA hl = fg;

              hl.alpha = 0.6;
              append_rect (snapshot, &hl, bx0, bars_bottom - hh, bw, hh);
              append_rect (snapshot, &fg, bx0, bars_bottom - hh - 2, bw, 2);
            }
        }
    }

  /* The brush: the rest is dimmed, the window outlined, with handles at both edges. */
  {
    double bx0 = sitrep_timeline_time_to_x (self, (double) self->window_start);
    double bx1 = sitrep_timeline_time_to_x (self, (double) self->window_end);
    GdkRGBA fill = accent, edge = accent;

    dim = fg;
    dim.alpha = 0.12;
    if (bx0 > x0)
      append_rect (snapshot, &dim, x0, 0, bx0 - x0, bars_bottom);
    if (bx1 < x1)
      append_rect (snapshot, &dim, bx1, 0, x1 - bx1, bars_bottom);
    fill.alpha = 0.12;
    append_rect (snapshot, &fill, bx0, 0, MAX (1, bx1 - bx0), bars_bottom);
    append_rect (snapshot, &edge, bx0 - 1, 0, 2, bars_bottom);
    append_rect (snapshot, &edge, bx1 - 1, 0, 2, bars_bottom);
    append_rect (snapshot, &edge, bx0 - 3, bars_bottom / 2 - 8, 6, 16);
    append_rect (snapshot, &edge, bx1 - 3, bars_bottom / 2 - 8, 6, 16);
  }

  draw_axis (self, snapshot, &fg, bars_bottom, AXIS_H);
  gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = accent;

      ring.alpha = 0.6;
      append_rect (snapshot, &ring, x0, height - 2, x1 - x0, 2);
    }
  (void) width;

  if (self->controls != NULL)
    gtk_widget_snapshot_child (widget, self->controls, snapshot);
}

/* ---- Layout ---- */

static void
sitrep_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  int cmin = 0, cnat = 0;

  if (self->controls != NULL)
    gtk_widget_measure (self->controls, orientation, -1, &cmin, &cnat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = cmin + 120;
      *natural = cnat + 600;
    }
  else
    {
      *minimum = MAX (cmin, 72);
      *natural = MAX (cnat, 110);
    }
}

static void
sitrep_timeline_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  int cw = 0, ch = 0;

  if (self->controls != NULL)
    {
      gtk_widget_measure (self->controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &cw, NULL, NULL);
      gtk_widget_measure (self->controls, GTK_ORIENTATION_VERTICAL, cw, NULL, &ch, NULL, NULL);
      gtk_widget_size_allocate (self->controls,
                                &(GtkAllocation) { 0, MAX (0, (height - ch) / 2), cw, MIN (ch, height) },
                                -1);
    }
  if (self->fit_pending && self->index != NULL)
    fit_view (self);
  invalidate (self);
}

/* ---- Pointer ---- */

void
sitrep_timeline_drag_begin (SitrepTimeline *self,
                            double          x,
                            double          y)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double bx0 = sitrep_timeline_time_to_x (self, (double) self->window_start);
  double bx1 = sitrep_timeline_time_to_x (self, (double) self->window_end);

  self->drag_x = x;
  self->drag_start0 = self->window_start;
  self->drag_end0 = self->window_end;
  self->drag_view0 = self->view_start;
  if (x < plot_x0 (self))
    self->drag_mode = DRAG_NONE;
  else if (y >= height - AXIS_H)
    self->drag_mode = DRAG_PAN;
  else if (fabs (x - bx0) <= EDGE_GRAB)
    self->drag_mode = DRAG_RESIZE_START;
  else if (fabs (x - bx1) <= EDGE_GRAB)
    self->drag_mode = DRAG_RESIZE_END;
  else if (x > bx0 && x < bx1)
    self->drag_mode = DRAG_MOVE;
  else
    self->drag_mode = DRAG_CREATE;
  if (self->drag_mode != DRAG_NONE)
    sitrep_timeline_set_playing (self, FALSE);
}

void
sitrep_timeline_drag_update (SitrepTimeline *self,
                             double          dx,
                             double          dy)
{
  gint64 dt = (gint64) (dx * self->zoom);

  switch (self->drag_mode)
    {
    case DRAG_CREATE:
      {
        gint64 a = (gint64) sitrep_timeline_x_to_time (self, self->drag_x);
        gint64 b = (gint64) sitrep_timeline_x_to_time (self, self->drag_x + dx);

        if (fabs (dx) >= 3)
          set_window_internal (self, MIN (a, b), MAX (a, b));
        break;
      }
    case DRAG_MOVE:
      set_window_internal (self, self->drag_start0 + dt, self->drag_end0 + dt);
      break;
    case DRAG_RESIZE_START:
      {
        gint64 s = self->drag_start0 + dt;

        if (s > self->drag_end0 - MIN_WINDOW)
          s = self->drag_end0 - MIN_WINDOW;
        set_window_internal (self, s, self->drag_end0);
        break;
      }
    case DRAG_RESIZE_END:
      {
        gint64 e = self->drag_end0 + dt;

        if (e < self->drag_start0 + MIN_WINDOW)
          e = self->drag_start0 + MIN_WINDOW;
        set_window_internal (self, self->drag_start0, e);
        break;
      }
    case DRAG_PAN:
      sitrep_timeline_set_view (self, self->drag_view0 - dx * self->zoom, self->zoom);
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

void
sitrep_timeline_drag_end (SitrepTimeline *self)
{
  self->drag_mode = DRAG_NONE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SitrepTimeline *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  sitrep_timeline_drag_begin (self, x, y);
  if (self->drag_mode == DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SitrepTimeline *self)
{
  sitrep_timeline_drag_update (self, dx, dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SitrepTimeline *self)
{
  /* A click on empty space centres the window there. */
  if (self->drag_mode == DRAG_CREATE && fabs (dx) < 3)
    {
      gint64 t = (gint64) sitrep_timeline_x_to_time (self, self->drag_x);
      gint64 len = self->window_end - self->window_start;

      set_window_internal (self, t - len / 2, t - len / 2 + len);
    }
  sitrep_timeline_drag_end (self);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SitrepTimeline           *self)
{
  const char *cursor = NULL;
  double bx0 = sitrep_timeline_time_to_x (self, (double) self->window_start);
  double bx1 = sitrep_timeline_time_to_x (self, (double) self->window_end);

  self->pointer_x = x;
  if (x >= plot_x0 (self))
    {
      if (y >= gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_H)
        cursor = "grab";
      else if (fabs (x - bx0) <= EDGE_GRAB || fabs (x - bx1) <= EDGE_GRAB)
        cursor = "ew-resize";
      else if (x > bx0 && x < bx1)
        cursor = "move";
      else
        cursor = "crosshair";
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           SitrepTimeline           *self)
{
  if (dy == 0)
    return FALSE;
  zoom_at (self, self->pointer_x > 0 ? self->pointer_x : (plot_x0 (self) + plot_x1 (self)) / 2,
           pow (1.2, dy));
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SitrepTimeline   *self)
{
  self->zoom_view0 = self->view_start;
  self->zoom_spp0 = self->zoom;
}

static void
on_scale_changed (GtkGestureZoom *gesture,
                  double          scale,
                  SitrepTimeline *self)
{
  double cx = 0, cy = 0, t, spp;

  if (scale <= 0)
    return;
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  t = self->zoom_view0 + (cx - plot_x0 (self)) * self->zoom_spp0;
  spp = CLAMP (self->zoom_spp0 / scale, MIN_ZOOM, 1e8);
  sitrep_timeline_set_view (self, t - (cx - plot_x0 (self)) * spp, spp);
}

static gboolean
on_query_tooltip (SitrepTimeline *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  SitrepHistogram *h = self->histogram;
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  int b;

  if (keyboard || h == NULL || x < plot_x0 (self) || y >= gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_H)
    return FALSE;
  b = sitrep_histogram_find_bucket (h, (gint64) sitrep_timeline_x_to_time (self, x));
  if (b < 0)
    return FALSE;
  from = format_day (self, h->bounds[b], h->size == SITREP_BUCKET_HOUR ? "%x %H:%M"
                                         : h->size == SITREP_BUCKET_MONTH ? "%B %Y" : "%x");
  if (h->size == SITREP_BUCKET_WEEK)
    {
      /* Translators: tooltip of a week's bar: "week of 11/17/24: 1,234 events" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Week of %s: %'u event", "Week of %s: %'u events",
                                           h->totals[b]), from, h->totals[b]);
    }
  else
    {
      /* Translators: tooltip of a bar: "11/17/24: 1,234 events" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %'u event", "%s: %'u events", h->totals[b]),
                              from, h->totals[b]);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- Playback ---- */

static gint64
speed_seconds (SitrepPlaybackSpeed speed)
{
  switch (speed)
    {
    case SITREP_PLAYBACK_WEEK:
      return 7 * 86400;
    case SITREP_PLAYBACK_MONTH:
      return 30 * 86400;
    case SITREP_PLAYBACK_DAY:
    default:
      return 86400;
    }
}

void
sitrep_timeline_step_playback (SitrepTimeline *self,
                               double          elapsed)
{
  gint64 len = self->window_end - self->window_start;
  double move = elapsed * speed_seconds (self->speed) + self->play_carry;
  gint64 dt = (gint64) move;

  self->play_carry = move - dt;
  if (dt == 0)
    return;
  if (self->window_end + dt > self->data_last)
    {
      if (self->loop)
        {
          set_window_internal (self, self->data_first, self->data_first + len);
        }
      else
        {
          set_window_internal (self, self->data_last - len, self->data_last);
          sitrep_timeline_set_playing (self, FALSE);
        }
    }
  else
    set_window_internal (self, self->window_start + dt, self->window_end + dt);
  keep_window_visible (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->last_frame_time != 0)
    sitrep_timeline_step_playback (self, (now - self->last_frame_time) / (double) G_USEC_PER_SEC);
  self->last_frame_time = now;
  return self->playing ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
update_tick (SitrepTimeline *self)
{
  if (self->playing && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->play_carry = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
    }
  else if (!self->playing && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

gboolean
sitrep_timeline_get_playing (SitrepTimeline *self)
{
  return self->playing;
}

void
sitrep_timeline_set_playing (SitrepTimeline *self,
                             gboolean        playing)
{
  g_return_if_fail (SITREP_IS_TIMELINE (self));

  playing = !!playing;
  if (playing && self->index == NULL)
    playing = FALSE;
  if (self->playing == playing)
    return;
  /* Starting at the end starts again from the beginning. */
  if (playing && self->window_end >= self->data_last)
    {
      gint64 len = self->window_end - self->window_start;

      set_window_internal (self, self->data_first, self->data_first + len);
    }
  self->playing = playing;
  update_tick (self);
  if (self->play_button != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                              playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.play", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/* ---- Actions (keyboard) ---- */

static void
move_window (SitrepTimeline *self,
             int             steps,
             gboolean        resize)
{
  SitrepBucketSize size = bucket_size (self);
  gint64 start = self->window_start, end = self->window_end;

  for (int i = 0; i < ABS (steps); i++)
    {
      if (resize)
        {
          gint64 e = steps > 0 ? sitrep_bucket_next (size, self->tz, end - 1)
                               : sitrep_bucket_prev (size, self->tz, end);

          /* The end snaps to bucket boundaries; never shorter than one bucket. */
          if (e <= start)
            e = sitrep_bucket_next (size, self->tz, start);
          end = e;
        }
      else
        {
          gint64 len = end - start;

          gint64 floor_start = sitrep_bucket_floor (size, self->tz, start);

          /* The start snaps to bucket boundaries. */
          if (steps > 0)
            start = sitrep_bucket_next (size, self->tz, start);
          else
            start = floor_start == start ? sitrep_bucket_prev (size, self->tz, start) : floor_start;
          end = start + len;
        }
    }
  set_window_internal (self, start, end);
  keep_window_visible (self);
}

static void
action_move (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  move_window (SITREP_TIMELINE (widget), g_variant_get_int32 (param), FALSE);
}

static void
action_resize (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  move_window (SITREP_TIMELINE (widget), g_variant_get_int32 (param), TRUE);
}

static void
action_home (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  gint64 len = self->window_end - self->window_start;

  set_window_internal (self, self->data_first, self->data_first + len);
  keep_window_visible (self);
}

static void
action_end (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  gint64 len = self->window_end - self->window_start;

  set_window_internal (self, self->data_last - len, self->data_last);
  keep_window_visible (self);
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);
  double bx = (sitrep_timeline_time_to_x (self, (double) self->window_start)
               + sitrep_timeline_time_to_x (self, (double) self->window_end)) / 2;

  zoom_at (self, bx, g_variant_get_int32 (param) > 0 ? 0.5 : 2.0);
}

static void
action_play (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SitrepTimeline *self = SITREP_TIMELINE (widget);

  sitrep_timeline_set_playing (self, !self->playing);
}

static void
action_fit (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  fit_view (SITREP_TIMELINE (widget));
}

/* ---- GObject ---- */

static void
sitrep_timeline_dispose (GObject *object)
{
  SitrepTimeline *self = SITREP_TIMELINE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->controls, gtk_widget_unparent);
  self->play_button = NULL;
  G_OBJECT_CLASS (sitrep_timeline_parent_class)->dispose (object);
}

static void
sitrep_timeline_finalize (GObject *object)
{
  SitrepTimeline *self = SITREP_TIMELINE (object);

  self->index = NULL;
  g_clear_pointer (&self->histogram, sitrep_histogram_free);
  g_clear_object (&self->bars_texture);
  if (self->bars_renderer != NULL)
    gsk_renderer_unrealize (self->bars_renderer);
  g_clear_object (&self->bars_renderer);
  g_clear_pointer (&self->highlight_counts, g_free);
  g_clear_pointer (&self->span_rects, g_array_unref);
  g_clear_pointer (&self->span_cover, g_free);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->highlight, g_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  G_OBJECT_CLASS (sitrep_timeline_parent_class)->finalize (object);
}

static void
sitrep_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SitrepTimeline *self = SITREP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WINDOW_START:
      g_value_set_int64 (value, self->window_start);
      break;
    case PROP_WINDOW_END:
      g_value_set_int64 (value, self->window_end);
      break;
    case PROP_VIEW_START:
      g_value_set_double (value, self->view_start);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_boxed (value, self->highlight);
      break;
    case PROP_FILTER_MASK:
      g_value_set_boxed (value, self->mask);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    case PROP_SPEED:
      g_value_set_int (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SitrepTimeline *self = SITREP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sitrep_timeline_set_store (self, g_value_get_object (value));
      break;
    case PROP_WINDOW_START:
      sitrep_timeline_set_window (self, g_value_get_int64 (value),
                                  MAX (self->window_end, g_value_get_int64 (value) + MIN_WINDOW));
      break;
    case PROP_WINDOW_END:
      sitrep_timeline_set_window (self, MIN (self->window_start, g_value_get_int64 (value) - MIN_WINDOW),
                                  g_value_get_int64 (value));
      break;
    case PROP_VIEW_START:
      sitrep_timeline_set_view (self, g_value_get_double (value), self->zoom);
      break;
    case PROP_ZOOM:
      sitrep_timeline_set_view (self, self->view_start, g_value_get_double (value));
      break;
    case PROP_HIGHLIGHT:
      sitrep_timeline_set_highlight (self, g_value_get_boxed (value));
      break;
    case PROP_FILTER_MASK:
      sitrep_timeline_set_filter_mask (self, g_value_get_boxed (value));
      break;
    case PROP_PLAYING:
      sitrep_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_LOOP:
      if (self->loop != g_value_get_boolean (value))
        {
          self->loop = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SPEED:
      if (self->speed != (SitrepPlaybackSpeed) g_value_get_int (value))
        {
          self->speed = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_timeline_class_init (SitrepTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sitrep_timeline_dispose;
  object_class->finalize = sitrep_timeline_finalize;
  object_class->get_property = sitrep_timeline_get_property;
  object_class->set_property = sitrep_timeline_set_property;
  widget_class->snapshot = sitrep_timeline_snapshot;
  widget_class->measure = sitrep_timeline_measure;
  widget_class->size_allocate = sitrep_timeline_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SITREP_TYPE_EVENT_STORE, flags);
  properties[PROP_WINDOW_START] =
    g_param_spec_int64 ("window-start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_WINDOW_END] =
    g_param_spec_int64 ("window-end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_VIEW_START] =
    g_param_spec_double ("view-start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, 1e8, 86400, flags);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_boxed ("highlight", NULL, NULL, G_TYPE_ARRAY, flags);
  properties[PROP_FILTER_MASK] =
    g_param_spec_boxed ("filter-mask", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE, flags);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE, flags);
  properties[PROP_SPEED] =
    g_param_spec_int ("speed", NULL, NULL, SITREP_PLAYBACK_DAY, SITREP_PLAYBACK_MONTH,
                      SITREP_PLAYBACK_DAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.move", "i", action_move);
  gtk_widget_class_install_action (widget_class, "timeline.resize", "i", action_resize);
  gtk_widget_class_install_action (widget_class, "timeline.home", NULL, action_home);
  gtk_widget_class_install_action (widget_class, "timeline.end", NULL, action_end);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "i", action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, action_fit);
  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, action_play);
  gtk_widget_class_install_property_action (widget_class, "timeline.loop", "loop");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.resize", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.resize", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.play", NULL);

  gtk_widget_class_set_css_name (widget_class, "sitrep-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) speeds = g_menu_new ();
  g_autoptr(GMenu) options = g_menu_new ();

  g_menu_append (speeds, _("1 Day per Second"), "playback.speed::day");
  g_menu_append (speeds, _("1 Week per Second"), "playback.speed::week");
  g_menu_append (speeds, _("1 Month per Second"), "playback.speed::month");
  g_menu_append_section (menu, _("Playback Speed"), G_MENU_MODEL (speeds));
  g_menu_append (options, _("Loop"), "timeline.loop");
  g_menu_append (options, _("Show Everything"), "timeline.fit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (options));
  return G_MENU_MODEL (menu);
}

static const char *speed_words[] = { "day", "week", "month" };

static void
on_speed_change_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  SitrepTimeline *self = SITREP_TIMELINE (user_data);
  const char *word = g_variant_get_string (state, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (speed_words); i++)
    if (g_str_equal (word, speed_words[i]))
      {
        g_simple_action_set_state (action, state);
        g_object_set (self, "speed", (int) i, NULL);
      }
}

static void
on_speed_notify (SitrepTimeline *self,
                 GParamSpec     *pspec,
                 GSimpleAction  *action)
{
  g_simple_action_set_state (action, g_variant_new_string (speed_words[self->speed]));
}

static void
sitrep_timeline_init (SitrepTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkWidget *menu_button;
  g_autoptr(GMenuModel) menu = build_menu ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) speed = NULL;

  self->tz = g_time_zone_new_local ();
  self->zoom = 86400;
  self->span_rects = g_array_new (FALSE, FALSE, sizeof (double));
  self->dirty = TRUE;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  /* Play and the playback menu, at the left. */
  self->controls = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->controls, 6);
  self->play_button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->play_button), "timeline.play");
  gtk_widget_set_tooltip_text (self->play_button, _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Play"), -1);
  gtk_widget_add_css_class (self->play_button, "circular");
  gtk_widget_set_focusable (self->play_button, FALSE);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("Playback Options"));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (self->controls), self->play_button);
  gtk_box_append (GTK_BOX (self->controls), menu_button);
  gtk_widget_set_parent (self->controls, widget);
  speed = g_simple_action_new_stateful ("speed", G_VARIANT_TYPE_STRING, g_variant_new_string ("day"));
  g_signal_connect (speed, "change-state", G_CALLBACK (on_speed_change_state), self);
  g_signal_connect_object (self, "notify::speed", G_CALLBACK (on_speed_notify), speed, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (speed));
  gtk_widget_insert_action_group (widget, "playback", G_ACTION_GROUP (group));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the selected dates, Shift+arrows resize them"),
                                  -1);
}

GtkWidget *
sitrep_timeline_new (void)
{
  return g_object_new (SITREP_TYPE_TIMELINE, NULL);
}
