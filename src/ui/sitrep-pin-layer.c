/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-pin-layer.c: the map layer that draws every visible event as a pin or cluster. */
#define G_LOG_DOMAIN "sitrep-pin-layer"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "sitrep-cluster.h"
#include "sitrep-cluster-bubble.h"
#include "sitrep-geo.h"
#include "sitrep-kind-style.h"
#include "sitrep-pin-layer.h"
#include "sitrep-filter.h"

/* Web Mercator's limits, as libshumate clamps them. */
#define MAX_LATITUDE 85.0511287798
#define PICK_RADIUS 10.0
/* Below this zoom, pins sharing a cell of CLUSTER_CELL_PX merge into a cluster, as long as
 * more than CLUSTER_MIN_EVENTS events are in view (a few pins never need it). */
#define CLUSTER_MAX_ZOOM 12.0
#define CLUSTER_CELL_PX 56.0
#define CLUSTER_MIN_EVENTS 300
#define FADED_OPACITY 0.3f

typedef struct
{
  float x;
  float y;
  guint index;
  gboolean faded;   /* outside the time window, shown faded (a preference) */
} VisiblePin;

typedef struct
{
  float x;
  float y;
  guint n_members;
  guint first_member;   /* into cluster_members */
  guint8 kind;
  gboolean faded;
} VisibleCluster;

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

  guint n_projected;   /* events in the store's columns */

  GArray *visible;     /* of VisiblePin, from the last collect () */
  guint n_visible;     /* events (in pins or clusters) whose centre is inside the layer */
  GArray *clusters;    /* of VisibleCluster */
  GArray *cluster_members;  /* guint: the smallest store index of each cluster */
  SitrepClusterer *clusterer;
  SitrepClusterer *member_clusterer;  /* lists a hovered cluster's members */
  guint window_begin;  /* the last collect ()'s clustered window, for cluster_members () */
  guint window_end;
  gint64 window_from;
  gint64 window_to;
  SitrepClusterBubbles *bubbles;

  GBytes *mask;        /* the filter: a bit per store index, NULL keeps all */
  gboolean fade;       /* draw events near the window, outside it, faded */
  GArray *hovered;     /* guint store indices under the pointer, or NULL */
  guint hovered_first; /* the store index of its first member, and how many */
  guint hovered_n;

  GdkTexture *textures[SITREP_N_KINDS][2][2]; /* [kind][hollow][selected] */
  int texture_size[2];                        /* logical size, [selected] */
  int texture_scale;
  /* Uncertainty: precision 3's mark, precision 2's halo, the disputed badge. */
  GdkTexture *region_marks[SITREP_N_KINDS][2][2];
  int region_mark_size[2];
  GdkTexture *halos[SITREP_N_KINDS];
  GdkTexture *disputed_mark;
  int disputed_mark_size;
};

G_DEFINE_FINAL_TYPE (SitrepPinLayer, sitrep_pin_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_INDEX,
  PROP_HOVERED,
  PROP_FADE_OUTSIDE_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CLUSTER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* Nothing is kept per event: a frame projects only what it may draw. */
  self->n_projected = 0;
  g_clear_pointer (&self->mask, g_bytes_unref);
  if (self->store == NULL)
    return;
  columns = sitrep_event_store_get_columns (self->store);
  if (columns == NULL)
    return;
  self->n_projected = columns->n_events;
}

static const guint64 *
mask_bits (SitrepPinLayer *self)
{
  gsize size = 0;
  const guint64 *bits;

  if (self->mask == NULL)
    return NULL;
  bits = g_bytes_get_data (self->mask, &size);
  if (size < ((gsize) self->n_projected + 63) / 64 * 8)
    return NULL;
  return bits;
}

/* The world rectangle (sitrep-geo.h units) that holds the layer, grown by margin pixels;
 * with a rotated map, the square around the circle that holds it. */
static SitrepViewport
viewport_bounds (const Projection *p,
                 double            margin)
{
  double rx = p->w2 + margin, ry = p->h2 + margin;
  SitrepViewport vp;

  if (p->rotated)
    rx = ry = sqrt (p->w2 * p->w2 + p->h2 * p->h2) + margin;
  vp.x0 = CLAMP ((p->ox - rx) / p->world, 0.0, 1.0);
  vp.x1 = CLAMP ((p->ox + rx) / p->world, 0.0, 1.0);
  vp.y0 = CLAMP ((p->oy - ry) / p->world, 0.0, 1.0);
  vp.y1 = CLAMP ((p->oy + ry) / p->world, 0.0, 1.0);
  vp.world_px = p->world;
  return vp;
}

static gboolean
inside (const Projection *p,
        double            x,
        double            y)
{
  return x >= 0 && y >= 0 && x < p->width && y < p->height;
}

/* Pins of the events among [begin, end) overlapping [from, to), one by one. */
static void
collect_pins (SitrepPinLayer           *self,
              const Projection         *p,
              const SitrepEventColumns *c,
              guint                     begin,
              guint                     end,
              gint64                    from,
              gint64                    to,
              gboolean                  faded)
{
  const guint64 *bits = mask_bits (self);
  double margin = SITREP_PIN_SELECTED_RADIUS + 6;
  SitrepViewport vp = viewport_bounds (p, margin);
  double min_lon = sitrep_geo_x_to_lon (vp.x0), max_lon = sitrep_geo_x_to_lon (vp.x1);
  double max_lat = sitrep_geo_y_to_lat (vp.y0), min_lat = sitrep_geo_y_to_lat (vp.y1);

  for (guint i = begin; i < end; i++)
    {
      double x, y;
      VisiblePin pin;

      if (!sitrep_event_columns_overlaps (c, i, from, to))
        continue;
      if (c->lon[i] < min_lon || c->lon[i] > max_lon || c->lat[i] < min_lat || c->lat[i] > max_lat)
        continue;
      if (!sitrep_filter_mask_get (bits, i))
        continue;
      project (p, mercator_x (c->lon[i]), mercator_y (c->lat[i]), &x, &y);
      if (x < -margin || y < -margin || x > p->width + margin || y > p->height + margin)
        continue;

      pin.x = (float) x;
      pin.y = (float) y;
      pin.index = i;
      pin.faded = faded;
      g_array_append_val (self->visible, pin);
      if (!faded && inside (p, x, y))
        self->n_visible++;
    }
}

/* Clusters of the same events: a grid over the layer; a cluster of one is a pin. Returns
 * FALSE (and adds nothing) when there are too few events to need clusters. */
static gboolean
collect_clusters (SitrepPinLayer           *self,
                  const Projection         *p,
                  const SitrepEventColumns *c,
                  guint                     begin,
                  guint                     end,
                  gint64                    from,
                  gint64                    to,
                  gboolean                  faded,
                  gboolean                  force)
{
  SitrepViewport vp = viewport_bounds (p, 0);
  const SitrepCluster *clusters;
  const guint *members;
  guint n, n_members = 0;

  /* Summed per day and kept while the view and filter stay: a sliding window only adds
   * the days it has not seen. The members are listed only when asked for (hover). */
  n = sitrep_clusterer_run_summary (self->clusterer, c, begin, end, from, to, mask_bits (self),
                                    &vp, CLUSTER_CELL_PX);
  /* A rotated map counts the members one by one (an exact run, same clusters). */
  members = p->rotated && !faded ? sitrep_clusterer_get_members (self->clusterer, NULL) : NULL;
  clusters = sitrep_clusterer_get_clusters (self->clusterer, NULL);
  for (guint k = 0; k < n; k++)
    n_members += clusters[k].n_members;
  if (!force && n_members <= CLUSTER_MIN_EVENTS)
    return FALSE;
  if (!faded)
    {
      self->window_begin = begin;
      self->window_end = end;
      self->window_from = from;
      self->window_to = to;
    }

  for (guint k = 0; k < n; k++)
    {
      const SitrepCluster *cl = &clusters[k];
      double x, y;

      project (p, cl->x, cl->y, &x, &y);
      if (cl->n_members == 1)
        {
          VisiblePin pin = { (float) x, (float) y, cl->representative, faded };

          g_array_append_val (self->visible, pin);
        }
      else
        {
          /* Only the first (smallest) member is kept: it names the cluster. */
          VisibleCluster vc = { (float) x, (float) y, cl->n_members, self->cluster_members->len,
                                cl->kind, faded };

          g_array_append_val (self->cluster_members, cl->representative);
          g_array_append_val (self->clusters, vc);
        }
      if (faded)
        continue;
      if (!p->rotated)
        self->n_visible += cl->n_members;
      else
        for (guint m = cl->first_member, end_m = cl->first_member + cl->n_members; m < end_m; m++)
          {
            guint i = members[m];
            double ex, ey;

            project (p, mercator_x (c->lon[i]), mercator_y (c->lat[i]), &ex, &ey);
            self->n_visible += inside (p, ex, ey);
          }
    }
  return TRUE;
}

/* Fills self->visible (and self->clusters at low zoom) with what the layer draws, and
 * counts the events whose centre is inside it. */
static void
collect (SitrepPinLayer *self)
{
  const SitrepEventColumns *columns;
  Projection p;
  guint begin = 0, end = 0;
  gint64 first, last, from, to;
  gboolean clustered = FALSE;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  g_array_set_size (self->visible, 0);
  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->cluster_members, 0);
  self->n_visible = 0;

  if (self->store == NULL || self->n_projected == 0 || !projection_init (self, &p))
    return;
  if (p.width <= 0 || p.height <= 0)
    return;
  columns = sitrep_event_store_get_columns (self->store);
  if (!sitrep_event_store_get_range (self->store, &first, &last))
    return;

  /* Clamp to what the store holds, so that the store never sees an overflowing time. */
  from = MAX (self->from, first);
  to = MIN (self->to, last + 1);
  if (from < to)
    sitrep_event_store_window (self->store, from, to, &begin, &end);
  end = MIN (end, self->n_projected);

  if (shumate_viewport_get_zoom_level (viewport) < CLUSTER_MAX_ZOOM && begin < end)
    clustered = collect_clusters (self, &p, columns, begin, end, from, to, FALSE, FALSE);
  if (!clustered && begin < end)
    collect_pins (self, &p, columns, begin, end, from, to, FALSE);

  /* Fading: the events of a window's length on either side, drawn faded. */
  if (self->fade && self->from != G_MININT64 && self->to != G_MAXINT64)
    {
      gint64 len = self->to - self->from;
      gint64 ranges[2][2] = { { MAX (self->from - len, first), from }, { to, MIN (self->to + len, last + 1) } };

      for (guint r = 0; r < 2; r++)
        {
          guint b = 0, e = 0;

          if (ranges[r][0] >= ranges[r][1])
            continue;
          sitrep_event_store_window (self->store, ranges[r][0], ranges[r][1], &b, &e);
          e = MIN (e, self->n_projected);
          if (b >= e)
            continue;
          /* Events overlapping the window itself are drawn in full already. */
          if (clustered)
            collect_clusters (self, &p, columns, b, e, ranges[r][0], ranges[r][1], TRUE, TRUE);
          else
            collect_pins (self, &p, columns, b, e, ranges[r][0], ranges[r][1], TRUE);
        }
    }
}

static void
clear_textures (SitrepPinLayer *self)
{
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    {
      for (guint h = 0; h < 2; h++)
        for (guint s = 0; s < 2; s++)
          {
            g_clear_object (&self->textures[k][h][s]);
            g_clear_object (&self->region_marks[k][h][s]);
          }
      g_clear_object (&self->halos[k]);
    }
  g_clear_object (&self->disputed_mark);
}

/* Drops every texture when the scale factor changed; returns it. */
static int
check_scale (SitrepPinLayer *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (scale != self->texture_scale)
    {
      clear_textures (self);
      self->texture_scale = scale;
    }
  return scale;
}

static GdkTexture *
get_texture (SitrepPinLayer *self,
             guint           kind,
             gboolean        hollow,
             gboolean        selected)
{
  int scale = check_scale (self);

  if (kind >= SITREP_N_KINDS)
    kind = SITREP_KIND_OTHER;
  if (self->textures[kind][hollow][selected] == NULL)
    self->textures[kind][hollow][selected] =
      sitrep_kind_style_render_pin (kind, hollow, selected, scale,
                                    &self->texture_size[selected]);
  return self->textures[kind][hollow][selected];
}

static GdkTexture *
get_region_mark (SitrepPinLayer *self,
                 guint           kind,
                 gboolean        hollow,
                 gboolean        selected)
{
  int scale = check_scale (self);

  if (kind >= SITREP_N_KINDS)
    kind = SITREP_KIND_OTHER;
  if (self->region_marks[kind][hollow][selected] == NULL)
    self->region_marks[kind][hollow][selected] =
      sitrep_kind_style_render_region_mark (kind, hollow, selected, scale,
                                            &self->region_mark_size[selected]);
  return self->region_marks[kind][hollow][selected];
}

static GdkTexture *
get_halo (SitrepPinLayer *self,
          guint           kind)
{
  int scale = check_scale (self);

  if (kind >= SITREP_N_KINDS)
    kind = SITREP_KIND_OTHER;
  if (self->halos[kind] == NULL)
    self->halos[kind] = sitrep_kind_style_render_halo (kind, scale);
  return self->halos[kind];
}

static GdkTexture *
get_disputed_mark (SitrepPinLayer *self)
{
  int scale = check_scale (self);

  if (self->disputed_mark == NULL)
    self->disputed_mark = sitrep_kind_style_render_disputed_mark (scale, &self->disputed_mark_size);
  return self->disputed_mark;
}

static inline guint
pin_precision (const SitrepEventColumns *columns,
               guint                     index)
{
  guint precision = columns->flags[index] & SITREP_EVENT_FLAG_GEO_PRECISION_MASK;

  return precision == 0 ? SITREP_GEO_PRECISION_SETTLEMENT : precision;
}

/* metres on the ground at latitude lat, in pixels of the current zoom (Web Mercator). */
static inline double
ground_to_px (const Projection *p,
              double            lat,
              double            metres)
{
  return sitrep_kind_style_ground_to_px (lat, metres, p->world);
}

/* A region's radius in pixels: SITREP_REGION_RADIUS_M on the ground, so that it grows
 * with the zoom like the map does, but never smaller than a mark and its ring. */
static inline float
region_radius (const Projection *p,
               double            lat)
{
  return (float) MAX (ground_to_px (p, lat, SITREP_REGION_RADIUS_M), SITREP_REGION_MIN_RADIUS);
}

/* A halo's radius: "near" means within a few km, so SITREP_HALO_RADIUS_M on the ground,
 * but at least SITREP_HALO_MIN_RADIUS so it shows at low zoom. */
static inline float
halo_radius (const Projection *p,
             double            lat)
{
  return (float) MAX (ground_to_px (p, lat, SITREP_HALO_RADIUS_M), SITREP_HALO_MIN_RADIUS);
}

/* The pin, or for precision 3 the region's small mark, and the disputed badge. */
static void
append_pin (SitrepPinLayer           *self,
            GtkSnapshot              *snapshot,
            const SitrepEventColumns *columns,
            const VisiblePin         *pin,
            gboolean                  selected)
{
  guint kind = columns->kind[pin->index];
  guint8 flags = columns->flags[pin->index];
  gboolean hollow = (flags & SITREP_EVENT_FLAG_HEDGED) != 0;
  gboolean region = pin_precision (columns, pin->index) == SITREP_GEO_PRECISION_REGION;
  GdkTexture *texture;
  float size, x, y;

  if (region)
    {
      texture = get_region_mark (self, kind, hollow, selected);
      size = self->region_mark_size[selected];
    }
  else
    {
      texture = get_texture (self, kind, hollow, selected);
      size = self->texture_size[selected];
    }
  /* Whole device pixels keep the texture sharp. */
  x = roundf (pin->x - size / 2.0f);
  y = roundf (pin->y - size / 2.0f);
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, size, size));

  if (flags & SITREP_EVENT_FLAG_DISPUTED)
    {
      GdkTexture *mark = get_disputed_mark (self);
      float msize = self->disputed_mark_size;
      float dx, dy, mx, my;

      sitrep_kind_style_disputed_mark_offset (region, selected, &dx, &dy);
      mx = roundf (pin->x + dx - msize / 2.0f);
      my = roundf (pin->y + dy - msize / 2.0f);
      gtk_snapshot_append_texture (snapshot, mark, &GRAPHENE_RECT_INIT (mx, my, msize, msize));
    }
}

/* Regions of the precision-3 events of one pass, under everything else.
 *
 * So that regions never flood the map:
 * - events of one kind at one spot (all "somewhere in Kharkiv Oblast") share one region;
 * - all fills are drawn opaque inside one opacity group, so overlapping regions make one
 *   translucent area rather than stacking into an opaque one;
 * - when the view is dense enough to form clusters, and beyond MAX_REGIONS, regions show
 *   as their marks only (still not a pin); a selected region always shows its area. */
#define MAX_REGIONS 48

typedef struct
{
  float x, y, r;
  guint8 kind;
} Region;

static void
append_regions (SitrepPinLayer           *self,
                GtkSnapshot              *snapshot,
                const SitrepEventColumns *columns,
                const Projection         *p,
                gboolean                  faded,
                guint                     skip)
{
  g_autoptr (GHashTable) seen = NULL;
  Region regions[MAX_REGIONS];
  guint n = 0;
  graphene_rect_t visible = GRAPHENE_RECT_INIT (0, 0, (float) p->width, (float) p->height);

  if (self->clusters->len > 0)
    return;
  for (guint i = 0; i < self->visible->len && n < MAX_REGIONS; i++)
    {
      const VisiblePin *pin = &g_array_index (self->visible, VisiblePin, i);
      guint kind;
      guint64 key;

      if (pin->faded != faded || pin->index == skip
          || pin_precision (columns, pin->index) != SITREP_GEO_PRECISION_REGION)
        continue;
      kind = columns->kind[pin->index];
      key = ((guint64) (guint32) lroundf (pin->x) << 32) | (guint32) (lroundf (pin->y) * 16 + (long) kind);
      if (seen == NULL)
        seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (g_hash_table_contains (seen, &key))
        continue;
      g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
      regions[n].x = pin->x;
      regions[n].y = pin->y;
      regions[n].r = region_radius (p, columns->lat[pin->index]);
      regions[n].kind = (guint8) kind;
      n++;
    }
  if (n == 0)
    return;

  gtk_snapshot_push_opacity (snapshot, SITREP_REGION_FILL_ALPHA);
  for (guint k = 0; k < n; k++)
    sitrep_kind_style_append_region_fill (snapshot, regions[k].kind, regions[k].x, regions[k].y,
                                          regions[k].r, &visible);
  gtk_snapshot_pop (snapshot);
  for (guint k = 0; k < n; k++)
    sitrep_kind_style_append_region_outline (snapshot, regions[k].kind, regions[k].x, regions[k].y,
                                             regions[k].r, FALSE, &visible);
}

static void
append_halo (SitrepPinLayer           *self,
             GtkSnapshot              *snapshot,
             const SitrepEventColumns *columns,
             const Projection         *p,
             const VisiblePin         *pin)
{
  float r = halo_radius (p, columns->lat[pin->index]);
  float x = pin->x - r, y = pin->y - r;

  /* At its smallest, on whole pixels and unscaled, as the pins: the cheap case. */
  if (r <= SITREP_HALO_MIN_RADIUS)
    {
      x = roundf (x);
      y = roundf (y);
    }
  gtk_snapshot_append_texture (snapshot, get_halo (self, columns->kind[pin->index]),
                               &GRAPHENE_RECT_INIT (x, y, 2 * r, 2 * r));
}

static void
sitrep_pin_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (widget);
  const SitrepEventColumns *columns;
  const VisiblePin *selected = NULL;
  const VisibleCluster *hovered_cluster = NULL;
  Projection p;

  collect (self);
  if (self->visible->len == 0 && self->clusters->len == 0)
    return;
  if (!projection_init (self, &p))
    return;

  columns = sitrep_event_store_get_columns (self->store);
  /* Faded first, under everything else. In each pass: regions, clusters, halos, pins. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean faded = pass == 0;

      if (faded)
        gtk_snapshot_push_opacity (snapshot, FADED_OPACITY);
      append_regions (self, snapshot, columns, &p, faded, faded ? G_MAXUINT : self->selected);
      for (guint i = 0; i < self->clusters->len; i++)
        {
          const VisibleCluster *cl = &g_array_index (self->clusters, VisibleCluster, i);
          GdkRGBA color;
          gboolean hovered;

          if (cl->faded != faded)
            continue;
          hovered = !faded && self->hovered != NULL && self->hovered_n == cl->n_members
                    && self->hovered_first == g_array_index (self->cluster_members, guint, cl->first_member);
          if (hovered)
            hovered_cluster = cl;
          sitrep_kind_style_get_color (cl->kind, &color);
          sitrep_cluster_bubbles_append (self->bubbles, snapshot, cl->x, cl->y, cl->n_members,
                                         &color, hovered, 1.0f);
        }
      /* Halos under all pins, so that no halo dims a neighbouring pin. */
      for (guint i = 0; i < self->visible->len; i++)
        {
          const VisiblePin *pin = &g_array_index (self->visible, VisiblePin, i);

          if (pin->faded == faded && (faded || pin->index != self->selected)
              && pin_precision (columns, pin->index) == SITREP_GEO_PRECISION_NEAR)
            append_halo (self, snapshot, columns, &p, pin);
        }
      /* One texture node per pin; the selected pin last, on top of its neighbours. */
      for (guint i = 0; i < self->visible->len; i++)
        {
          const VisiblePin *pin = &g_array_index (self->visible, VisiblePin, i);

          if (pin->faded != faded)
            continue;
          if (pin->index == self->selected && !faded)
            selected = pin;
          else
            append_pin (self, snapshot, columns, pin, FALSE);
        }
      if (faded)
        gtk_snapshot_pop (snapshot);
    }
  (void) hovered_cluster;
  if (selected)
    {
      switch (pin_precision (columns, selected->index))
        {
        case SITREP_GEO_PRECISION_REGION:
          {
            graphene_rect_t visible = GRAPHENE_RECT_INIT (0, 0, (float) p.width, (float) p.height);

            sitrep_kind_style_append_region (snapshot, columns->kind[selected->index],
                                             selected->x, selected->y,
                                             region_radius (&p, columns->lat[selected->index]),
                                             TRUE, &visible);
          }
          break;
        case SITREP_GEO_PRECISION_NEAR:
          append_halo (self, snapshot, columns, &p, selected);
          break;
        default:
          break;
        }
      append_pin (self, snapshot, columns, selected, TRUE);
    }
}

/* The cluster (not faded) under (x, y), or NULL. Call after collect (). */
static const VisibleCluster *
pick_cluster (SitrepPinLayer *self,
              double          x,
              double          y)
{
  const VisibleCluster *best = NULL;
  double best_d2 = G_MAXDOUBLE;

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const VisibleCluster *cl = &g_array_index (self->clusters, VisibleCluster, i);
      double r = sitrep_cluster_bubbles_radius (cl->n_members);
      double d2 = (cl->x - x) * (cl->x - x) + (cl->y - y) * (cl->y - y);

      if (!cl->faded && d2 <= r * r && d2 < best_d2)
        {
          best = cl;
          best_d2 = d2;
        }
    }
  return best;
}

/* The store indices of a cluster of the window (not faded) from the last collect (): the
 * clusters are summed without their members, so they are listed here by an exact run. */
static GArray *
cluster_members (SitrepPinLayer       *self,
                 const VisibleCluster *vc)
{
  guint representative = g_array_index (self->cluster_members, guint, vc->first_member);
  const SitrepCluster *clusters;
  const guint *members;
  SitrepViewport vp;
  Projection p;
  GArray *out;
  guint n;

  if (self->store == NULL || vc->faded || !projection_init (self, &p))
    return NULL;
  if (self->member_clusterer == NULL)
    self->member_clusterer = sitrep_clusterer_new ();
  vp = viewport_bounds (&p, 0);
  n = sitrep_clusterer_run (self->member_clusterer, sitrep_event_store_get_columns (self->store),
                            self->window_begin, self->window_end, self->window_from,
                            self->window_to, mask_bits (self), &vp, CLUSTER_CELL_PX);
  clusters = sitrep_clusterer_get_clusters (self->member_clusterer, NULL);
  members = sitrep_clusterer_get_members (self->member_clusterer, NULL);
  for (guint k = 0; k < n; k++)
    if (clusters[k].representative == representative)
      {
        out = g_array_sized_new (FALSE, FALSE, sizeof (guint), clusters[k].n_members);
        g_array_append_vals (out, members + clusters[k].first_member, clusters[k].n_members);
        return out;
      }
  return NULL;
}

static void
set_hovered (SitrepPinLayer *self,
             const guint    *indices,
             guint           n)
{
  if (n == 0 && self->hovered == NULL)
    return;
  if (n > 0 && self->hovered != NULL && self->hovered_n == n && self->hovered_first == indices[0])
    return;
  g_clear_pointer (&self->hovered, g_array_unref);
  self->hovered_n = n;
  self->hovered_first = n > 0 ? indices[0] : G_MAXUINT;
  if (n > 0)
    {
      self->hovered = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      g_array_append_vals (self->hovered, indices, n);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SitrepPinLayer           *self)
{
  const VisibleCluster *cl;
  guint index;

  index = sitrep_pin_layer_pick (self, x, y);   /* collects */
  if (index != G_MAXUINT)
    {
      set_hovered (self, &index, 1);
      return;
    }
  cl = pick_cluster (self, x, y);
  if (cl == NULL)
    set_hovered (self, NULL, 0);
  else if (self->hovered == NULL || self->hovered_n != cl->n_members ||
           self->hovered_first != g_array_index (self->cluster_members, guint, cl->first_member))
    {
      g_autoptr(GArray) members = cluster_members (self, cl);

      if (members != NULL)
        set_hovered (self, (const guint *) (void *) members->data, members->len);
    }
}

static void
on_leave (GtkEventControllerMotion *motion,
          SitrepPinLayer           *self)
{
  set_hovered (self, NULL, 0);
}

/* A click on a cluster lists its events (::cluster-activated) and zooms in on it, two
 * levels, centred on it. */
static gboolean
zoom_into_cluster (SitrepPinLayer *self,
                   double          x,
                   double          y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const VisibleCluster *cl;
  double lat, lon;

  collect (self);
  cl = pick_cluster (self, x, y);
  if (cl == NULL || viewport == NULL)
    return FALSE;
  /* Say which events it holds first (the sidebar lists them), then zoom. */
  {
    g_autoptr (GArray) members = cluster_members (self, cl);

    if (members != NULL && members->len > 0)
      g_signal_emit (self, signals[SIGNAL_CLUSTER_ACTIVATED], 0, members);
  }
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), cl->x, cl->y, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  shumate_viewport_set_zoom_level (viewport, MIN (shumate_viewport_get_zoom_level (viewport) + 2,
                                                  shumate_viewport_get_max_zoom_level (viewport)));
  return TRUE;
}

/* ShumateLayer lets every pointer event fall through to the layers below; this layer
 * takes the events that land on a pin or a cluster (to select it, or zoom into it) and
 * lets the rest through, so that dragging the map from between pins still works. */
static gboolean
sitrep_pin_layer_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  SitrepPinLayer *self = SITREP_PIN_LAYER (widget);

  /* pick () collects, so the clusters are current too. */
  return sitrep_pin_layer_pick (self, x, y) != G_MAXUINT || pick_cluster (self, x, y) != NULL;
}

static void
on_store_changed (SitrepPinLayer *self)
{
  sitrep_clusterer_invalidate (self->clusterer);
  reproject (self);
  set_hovered (self, NULL, 0);
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
  else if (zoom_into_cluster (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
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

  g_array_unref (self->visible);
  g_array_unref (self->clusters);
  g_array_unref (self->cluster_members);
  g_clear_pointer (&self->clusterer, sitrep_clusterer_free);
  g_clear_pointer (&self->member_clusterer, sitrep_clusterer_free);
  g_clear_pointer (&self->bubbles, sitrep_cluster_bubbles_free);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->hovered, g_array_unref);

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
    case PROP_HOVERED:
      g_value_set_boxed (value, self->hovered);
      break;
    case PROP_FADE_OUTSIDE_WINDOW:
      g_value_set_boolean (value, self->fade);
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
    case PROP_FADE_OUTSIDE_WINDOW:
      sitrep_pin_layer_set_fade_outside_window (self, g_value_get_boolean (value));
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
  /* The store indices of the pin or cluster under the pointer (GArray of guint), or NULL. */
  properties[PROP_HOVERED] =
    g_param_spec_boxed ("hovered", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FADE_OUTSIDE_WINDOW] =
    g_param_spec_boolean ("fade-outside-window", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A cluster was clicked (or activated from the keyboard): its members' store indices,
   * a GArray of guint in time order, before the map zooms into it. */
  signals[SIGNAL_CLUSTER_ACTIVATED] =
    g_signal_new ("cluster-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_set_css_name (widget_class, "sitrep-pin-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitrep_pin_layer_init (SitrepPinLayer *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkEventController *motion;

  self->selected = G_MAXUINT;
  self->from = G_MININT64;
  self->to = G_MAXINT64;
  self->visible = g_array_new (FALSE, FALSE, sizeof (VisiblePin));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (VisibleCluster));
  self->cluster_members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->clusterer = sitrep_clusterer_new ();
  self->bubbles = sitrep_cluster_bubbles_new (GTK_WIDGET (self));
  self->hovered_first = G_MAXUINT;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

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
  {
    const SitrepEventColumns *columns = sitrep_event_store_get_columns (self->store);

    project (&p, mercator_x (columns->lon[index]), mercator_y (columns->lat[index]), x, y);
  }
  return TRUE;
}

void
sitrep_pin_layer_set_filter_mask (SitrepPinLayer *self,
                                  GBytes         *mask)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));

  if (self->mask == mask)
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  if (mask != NULL)
    self->mask = g_bytes_ref (mask);
  /* A new mask may come at the old one's address: the kept sums are not for it. */
  sitrep_clusterer_invalidate (self->clusterer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sitrep_pin_layer_get_fade_outside_window (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), FALSE);
  return self->fade;
}

void
sitrep_pin_layer_set_fade_outside_window (SitrepPinLayer *self,
                                          gboolean        fade)
{
  g_return_if_fail (SITREP_IS_PIN_LAYER (self));

  fade = !!fade;
  if (self->fade == fade)
    return;
  self->fade = fade;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FADE_OUTSIDE_WINDOW]);
}

GArray *
sitrep_pin_layer_get_hovered (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), NULL);
  return self->hovered;
}

guint
sitrep_pin_layer_get_n_clusters (SitrepPinLayer *self)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), 0);
  collect (self);
  return self->clusters->len;
}

guint
sitrep_pin_layer_get_n_faded (SitrepPinLayer *self)
{
  guint n = 0;

  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), 0);
  collect (self);
  for (guint i = 0; i < self->visible->len; i++)
    n += g_array_index (self->visible, VisiblePin, i).faded;
  for (guint i = 0; i < self->clusters->len; i++)
    if (g_array_index (self->clusters, VisibleCluster, i).faded)
      n += g_array_index (self->clusters, VisibleCluster, i).n_members;
  return n;
}

guint
sitrep_pin_layer_get_n_drawn (SitrepPinLayer *self)
{
  guint n = 0;

  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), 0);
  collect (self);
  for (guint i = 0; i < self->visible->len; i++)
    n += !g_array_index (self->visible, VisiblePin, i).faded;
  for (guint i = 0; i < self->clusters->len; i++)
    if (!g_array_index (self->clusters, VisibleCluster, i).faded)
      n += g_array_index (self->clusters, VisibleCluster, i).n_members;
  return n;
}

gboolean
sitrep_pin_layer_hover_at (SitrepPinLayer *self,
                           double          x,
                           double          y)
{
  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), FALSE);
  on_motion (NULL, x, y, self);
  return self->hovered != NULL;
}

gboolean
sitrep_pin_layer_activate_at (SitrepPinLayer *self,
                              double          x,
                              double          y)
{
  guint index;

  g_return_val_if_fail (SITREP_IS_PIN_LAYER (self), FALSE);
  index = sitrep_pin_layer_pick (self, x, y);
  if (index != G_MAXUINT)
    {
      sitrep_pin_layer_set_selected_index (self, index);
      return TRUE;
    }
  return zoom_into_cluster (self, x, y);
}
