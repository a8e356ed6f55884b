/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cluster.c: grid clustering of a time window's events inside a map viewport. */
#define G_LOG_DOMAIN "sitrep-cluster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitrep-cluster.h"
#include "sitrep-geo.h"
#include "sitrep-filter.h"

#define MAX_CELLS (1u << 20)
#define DAY_SECONDS 86400

typedef struct
{
  guint count;
  guint fill;
  guint cluster;
  guint min_index;      /* smallest member: the cluster's representative */
  double sum_x;         /* of longitudes */
  double sum_y;         /* of latitudes */
  guint8 flags;
  guint32 kinds[SITREP_N_KINDS];
} Cell;

/* What a day's events add to one cell: cached per (columns, mask, grid, viewport). */
typedef struct
{
  guint cell;
  Cell sum;
} DayCell;

/* The grid of one run: cells of cell_world (world units) over the viewport. */
typedef struct
{
  double cell_world;
  gint64 gx0, gy0;
  guint ncx, ncy;
  double min_lon, max_lon, min_lat, max_lat;
  double lon_scale;
} Grid;

struct _SitrepClusterer
{
  GArray *cells;       /* Cell, the grid */
  GArray *kept_index;  /* guint: store index of each kept event */
  GArray *kept_cell;   /* guint: its cell */
  GArray *members;     /* guint */
  GArray *clusters;    /* SitrepCluster */
  GArray *row_lats;    /* double: latitude of each grid row's northern edge */

  /* run_summary(): per-day sums for the key below, and whether members are listed. */
  gboolean members_valid;
  struct
  {
    const gint32 *start;
    guint n_events;
    const guint64 *mask;
    SitrepViewport vp;
    double cell_px;
    gboolean valid;
  } key;
  GPtrArray *days;     /* GArray of DayCell per day since the epoch, NULL until needed */
  GArray *scratch;     /* Cell per grid cell, for summing a day */
  GArray *touched;     /* guint: cells of scratch in use */
  struct
  {
    const SitrepEventColumns *columns;
    guint begin, end;
    gint64 from, to;
  } last;              /* of the last run_summary(), to list the members on demand */
};

static void
day_free (gpointer day)
{
  if (day != NULL)
    g_array_unref (day);
}

SitrepClusterer *
sitrep_clusterer_new (void)
{
  SitrepClusterer *self = g_new0 (SitrepClusterer, 1);

  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->kept_index = g_array_new (FALSE, FALSE, sizeof (guint));
  self->kept_cell = g_array_new (FALSE, FALSE, sizeof (guint));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (SitrepCluster));
  self->row_lats = g_array_new (FALSE, FALSE, sizeof (double));
  self->days = g_ptr_array_new_with_free_func (day_free);
  self->scratch = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  self->members_valid = TRUE;
  return self;
}

void
sitrep_clusterer_free (SitrepClusterer *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->cells);
  g_array_unref (self->kept_index);
  g_array_unref (self->kept_cell);
  g_array_unref (self->members);
  g_array_unref (self->clusters);
  g_array_unref (self->row_lats);
  g_ptr_array_unref (self->days);
  g_array_unref (self->scratch);
  g_array_unref (self->touched);
  g_free (self);
}

void
sitrep_clusterer_invalidate (SitrepClusterer *self)
{
  g_return_if_fail (self != NULL);
  self->key.valid = FALSE;
  g_ptr_array_set_size (self->days, 0);
}

/* Sets up the grid and self->cells (zeroed) and self->row_lats. */
static void
grid_init (SitrepClusterer      *self,
           const SitrepViewport *vp,
           double                cell_px,
           Grid                 *g)
{
  double *row_lats;
  guint n_cells;

  g->cell_world = MAX (cell_px, 1.0) / vp->world_px;
  for (;;)
    {
      g->gx0 = (gint64) floor (vp->x0 / g->cell_world);
      g->gy0 = (gint64) floor (vp->y0 / g->cell_world);
      g->ncx = (guint) ((gint64) floor (vp->x1 / g->cell_world) - g->gx0 + 1);
      g->ncy = (guint) ((gint64) floor (vp->y1 / g->cell_world) - g->gy0 + 1);
      if ((guint64) g->ncx * g->ncy <= MAX_CELLS)
        break;
      /* A viewport far larger than a screen: coarser cells rather than a huge grid. */
      g->cell_world *= 2;
    }
  n_cells = g->ncx * g->ncy;
  g_array_set_size (self->cells, n_cells);
  memset (self->cells->data, 0, sizeof (Cell) * n_cells);

  /* No projection per event: a cell's column is linear in longitude, its row is found
   * among the latitudes of the grid's row boundaries (a handful, computed once). */
  g->min_lon = sitrep_geo_x_to_lon (vp->x0);
  g->max_lon = sitrep_geo_x_to_lon (vp->x1);
  g->max_lat = sitrep_geo_y_to_lat (vp->y0);
  g->min_lat = sitrep_geo_y_to_lat (vp->y1);
  g_array_set_size (self->row_lats, g->ncy + 1);
  row_lats = (double *) (void *) self->row_lats->data;
  for (guint r = 0; r <= g->ncy; r++)
    row_lats[r] = sitrep_geo_y_to_lat ((g->gy0 + r) * g->cell_world);  /* decreasing */
  g->lon_scale = 1.0 / (360.0 * g->cell_world);
}

/* The cell of event i, or -1 when it is outside the viewport or masked out. */
static inline gint64
grid_cell (const Grid               *g,
           const double             *row_lats,
           const SitrepEventColumns *c,
           const guint64            *mask,
           guint                     i)
{
  double lon = c->lon[i], lat = c->lat[i];
  gint64 cx;
  guint lo, hi;

  if (lon < g->min_lon || lon > g->max_lon || lat < g->min_lat || lat > g->max_lat)
    return -1;
  if (!sitrep_filter_mask_get (mask, i))
    return -1;
  /* Positive, so truncation is floor () without a libm call. */
  cx = (gint64) ((lon + 180.0) * g->lon_scale) - g->gx0;
  if (cx < 0 || cx >= g->ncx)
    return -1;
  /* The row r with row_lats[r] >= lat > row_lats[r + 1]. */
  lo = 0;
  hi = g->ncy;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (row_lats[mid] >= lat)
        lo = mid;
      else
        hi = mid;
    }
  return (gint64) lo * g->ncx + cx;
}

static inline void
cell_add_event (Cell                     *cell,
                const SitrepEventColumns *c,
                guint                     i)
{
  if (cell->count == 0 || i < cell->min_index)
    cell->min_index = i;
  cell->count++;
  cell->sum_x += c->lon[i];
  cell->sum_y += c->lat[i];
  cell->flags |= c->flags[i];
  cell->kinds[c->kind[i] < SITREP_N_KINDS ? c->kind[i] : SITREP_KIND_OTHER]++;
}

static inline void
cell_add_cell (Cell       *cell,
               const Cell *other)
{
  if (cell->count == 0 || other->min_index < cell->min_index)
    cell->min_index = other->min_index;
  cell->count += other->count;
  cell->sum_x += other->sum_x;
  cell->sum_y += other->sum_y;
  cell->flags |= other->flags;
  for (guint k = 0; k < SITREP_N_KINDS; k++)
    cell->kinds[k] += other->kinds[k];
}

/* Clusters in row-major cell order; members (first_member) are laid out by count. */
static void
build_clusters (SitrepClusterer *self)
{
  Cell *cells = (Cell *) (void *) self->cells->data;

  for (guint cell = 0, offset = 0; cell < self->cells->len; cell++)
    {
      SitrepCluster cl = { 0 };
      guint best = 0;

      if (cells[cell].count == 0)
        continue;
      /* The mean place, projected: inside the cell, as projection is monotonic. */
      cl.x = sitrep_geo_lon_to_x (cells[cell].sum_x / cells[cell].count);
      cl.y = sitrep_geo_lat_to_y (cells[cell].sum_y / cells[cell].count);
      cl.n_members = cells[cell].count;
      cl.first_member = offset;
      cl.representative = cells[cell].min_index;
      cl.flags = cells[cell].flags;
      for (guint k = 1; k < SITREP_N_KINDS; k++)
        if (cells[cell].kinds[k] > cells[cell].kinds[best])
          best = k;
      cl.kind = (guint8) best;
      cells[cell].cluster = self->clusters->len;
      cells[cell].fill = offset;
      offset += cl.n_members;
      g_array_append_val (self->clusters, cl);
    }
}

guint
sitrep_clusterer_run (SitrepClusterer          *self,
                      const SitrepEventColumns *c,
                      guint                     begin,
                      guint                     end,
                      gint64                    from,
                      gint64                    to,
                      const guint64            *mask,
                      const SitrepViewport     *vp,
                      double                    cell_px)
{
  Grid g;
  guint n_kept;
  const double *row_lats;
  guint *kept_index, *kept_cell;
  Cell *cells;
  gint64 rel_from, rel_to;

  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->members, 0);
  g_array_set_size (self->kept_index, 0);
  g_array_set_size (self->kept_cell, 0);
  self->members_valid = TRUE;
  g_return_val_if_fail (vp != NULL && vp->world_px > 0, 0);
  if (c == NULL || c->n_events == 0 || begin >= end)
    return 0;
  end = MIN (end, c->n_events);

  grid_init (self, vp, cell_px, &g);
  cells = (Cell *) (void *) self->cells->data;
  row_lats = (const double *) (void *) self->row_lats->data;
  rel_from = from - c->epoch;
  rel_to = to - c->epoch;
  g_array_set_size (self->kept_index, end - begin);
  g_array_set_size (self->kept_cell, end - begin);
  kept_index = (guint *) (void *) self->kept_index->data;
  kept_cell = (guint *) (void *) self->kept_cell->data;
  n_kept = 0;

  for (guint i = begin; i < end; i++)
    {
      gint64 s = c->start[i], e = c->end[i];
      gint64 cell;

      if (!(s < rel_to && (e > rel_from || (e == s && s >= rel_from))))
        continue;
      cell = grid_cell (&g, row_lats, c, mask, i);
      if (cell < 0)
        continue;
      cell_add_event (&cells[cell], c, i);
      kept_index[n_kept] = i;
      kept_cell[n_kept] = (guint) cell;
      n_kept++;
    }
  g_array_set_size (self->kept_index, n_kept);
  g_array_set_size (self->kept_cell, n_kept);

  build_clusters (self);
  g_array_set_size (self->members, n_kept);
  for (guint j = 0; j < n_kept; j++)
    {
      guint cell = g_array_index (self->kept_cell, guint, j);

      g_array_index (self->members, guint, cells[cell].fill++) = g_array_index (self->kept_index, guint, j);
    }
  return self->clusters->len;
}

/* The first index in [lo, hi) whose start is >= key (relative seconds). */
static guint
lower_bound (const gint32 *start,
             guint         lo,
             guint         hi,
             gint64        key)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((gint64) start[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Adds events [a, b) (all overlapping the window) to the grid. */
static void
add_range (SitrepClusterer          *self,
           const Grid               *g,
           const SitrepEventColumns *c,
           const guint64            *mask,
           guint                     a,
           guint                     b)
{
  Cell *cells = (Cell *) (void *) self->cells->data;
  const double *row_lats = (const double *) (void *) self->row_lats->data;

  for (guint i = a; i < b; i++)
    {
      gint64 cell = grid_cell (g, row_lats, c, mask, i);

      if (cell >= 0)
        cell_add_event (&cells[cell], c, i);
    }
}

/* The sums of the events starting on day d (relative to the epoch), per cell. */
static GArray *
day_sums (SitrepClusterer          *self,
          const Grid               *g,
          const SitrepEventColumns *c,
          const guint64            *mask,
          guint                     d)
{
  const double *row_lats = (const double *) (void *) self->row_lats->data;
  guint a = lower_bound (c->start, 0, c->n_events, (gint64) d * DAY_SECONDS);
  guint b = lower_bound (c->start, a, c->n_events, (gint64) (d + 1) * DAY_SECONDS);
  Cell *scratch;
  GArray *day;

  if (self->scratch->len != self->cells->len)
    {
      g_array_set_size (self->scratch, self->cells->len);
      memset (self->scratch->data, 0, sizeof (Cell) * self->cells->len);
    }
  scratch = (Cell *) (void *) self->scratch->data;
  g_array_set_size (self->touched, 0);
  for (guint i = a; i < b; i++)
    {
      gint64 cell = grid_cell (g, row_lats, c, mask, i);

      if (cell < 0)
        continue;
      if (scratch[cell].count == 0)
        {
          guint u = (guint) cell;
          g_array_append_val (self->touched, u);
        }
      cell_add_event (&scratch[cell], c, i);
    }
  day = g_array_sized_new (FALSE, FALSE, sizeof (DayCell), self->touched->len);
  for (guint t = 0; t < self->touched->len; t++)
    {
      guint cell = g_array_index (self->touched, guint, t);
      DayCell dc = { cell, scratch[cell] };

      g_array_append_val (day, dc);
      memset (&scratch[cell], 0, sizeof (Cell));
    }
  return day;
}

guint
sitrep_clusterer_run_summary (SitrepClusterer          *self,
                              const SitrepEventColumns *c,
                              guint                     begin,
                              guint                     end,
                              gint64                    from,
                              gint64                    to,
                              const guint64            *mask,
                              const SitrepViewport     *vp,
                              double                    cell_px)
{
  Grid g;
  Cell *cells;
  gint64 rel_from, rel_to, first_day, last_day;
  guint from_index, to_index;

  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->members, 0);
  self->members_valid = FALSE;
  self->last.columns = c;
  self->last.begin = begin;
  self->last.end = end;
  self->last.from = from;
  self->last.to = to;
  g_return_val_if_fail (vp != NULL && vp->world_px > 0, 0);
  if (c == NULL || c->n_events == 0 || begin >= end)
    {
      self->members_valid = TRUE;
      return 0;
    }
  end = MIN (end, c->n_events);

  if (!self->key.valid || self->key.start != c->start || self->key.n_events != c->n_events ||
      self->key.mask != mask || memcmp (&self->key.vp, vp, sizeof *vp) != 0 ||
      self->key.cell_px != cell_px)
    {
      sitrep_clusterer_invalidate (self);
      self->key.start = c->start;
      self->key.n_events = c->n_events;
      self->key.mask = mask;
      self->key.vp = *vp;
      self->key.cell_px = cell_px;
      self->key.valid = TRUE;
      g_array_set_size (self->scratch, 0);
    }
  grid_init (self, vp, cell_px, &g);
  cells = (Cell *) (void *) self->cells->data;
  rel_from = MAX (from - c->epoch, (gint64) 0);
  /* Not beyond the last start, so that the days summed are days with events. */
  rel_to = MIN (to - c->epoch, (gint64) c->start[c->n_events - 1] + 1);
  if (rel_to <= rel_from)
    {
      self->members_valid = TRUE;
      return 0;
    }

  /* Events starting before the window that last into it: one by one. */
  from_index = lower_bound (c->start, begin, end, rel_from);
  to_index = lower_bound (c->start, from_index, end, rel_to);
  for (guint i = begin; i < from_index; i++)
    if ((gint64) c->end[i] > rel_from)
      add_range (self, &g, c, mask, i, i + 1);

  /* Events starting inside it: whole days from the cache, the days cut by its edges one
   * by one. */
  first_day = (rel_from + DAY_SECONDS - 1) / DAY_SECONDS;
  last_day = rel_to / DAY_SECONDS;   /* exclusive */
  if (first_day >= last_day)
    add_range (self, &g, c, mask, from_index, to_index);
  else
    {
      guint a = lower_bound (c->start, from_index, to_index, first_day * DAY_SECONDS);
      guint b = lower_bound (c->start, a, to_index, last_day * DAY_SECONDS);

      add_range (self, &g, c, mask, from_index, a);
      add_range (self, &g, c, mask, b, to_index);
      if (self->days->len < (guint) last_day)
        g_ptr_array_set_size (self->days, (guint) last_day);
      for (gint64 d = first_day; d < last_day; d++)
        {
          GArray *day = g_ptr_array_index (self->days, (guint) d);

          if (day == NULL)
            {
              day = day_sums (self, &g, c, mask, (guint) d);
              g_ptr_array_index (self->days, (guint) d) = day;
            }
          for (guint k = 0; k < day->len; k++)
            {
              const DayCell *dc = &g_array_index (day, DayCell, k);

              cell_add_cell (&cells[dc->cell], &dc->sum);
            }
        }
    }

  build_clusters (self);
  return self->clusters->len;
}

const SitrepCluster *
sitrep_clusterer_get_clusters (SitrepClusterer *self,
                               guint           *n_clusters)
{
  if (n_clusters != NULL)
    *n_clusters = self->clusters->len;
  return (const SitrepCluster *) (void *) self->clusters->data;
}

const guint *
sitrep_clusterer_get_members (SitrepClusterer *self,
                              guint           *n_members)
{
  if (!self->members_valid)
    {
      /* After run_summary(): list them with an exact run of the same arguments, which
       * gives the same clusters in the same order. */
      SitrepViewport vp = self->key.vp;

      sitrep_clusterer_run (self, self->last.columns, self->last.begin, self->last.end,
                            self->last.from, self->last.to, self->key.mask, &vp,
                            self->key.cell_px);
    }
  if (n_members != NULL)
    *n_members = self->members->len;
  return (const guint *) (void *) self->members->data;
}
