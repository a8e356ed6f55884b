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

typedef struct
{
  guint count;
  guint fill;
  guint cluster;
  double sum_x;         /* of longitudes */
  double sum_y;         /* of latitudes */
  guint8 flags;
  guint16 kinds[SITREP_N_KINDS];
} Cell;

struct _SitrepClusterer
{
  GArray *cells;       /* Cell, the grid */
  GArray *kept_index;  /* guint: store index of each kept event */
  GArray *kept_cell;   /* guint: its cell */
  GArray *members;     /* guint */
  GArray *clusters;    /* SitrepCluster */
  GArray *row_lats;    /* double: latitude of each grid row's northern edge */
};

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
  g_free (self);
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
  double cell_world, min_lon, max_lon, min_lat, max_lat;
  gint64 gx0, gy0, gx1, gy1;
  guint ncx, ncy, n_cells, n_kept;
  double *row_lats, lon_scale;
  guint *kept_index, *kept_cell;
  Cell *cells;
  gint64 rel_from, rel_to;

  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->members, 0);
  g_array_set_size (self->kept_index, 0);
  g_array_set_size (self->kept_cell, 0);
  g_return_val_if_fail (vp != NULL && vp->world_px > 0, 0);
  if (c == NULL || c->n_events == 0 || begin >= end)
    return 0;
  end = MIN (end, c->n_events);

  cell_world = MAX (cell_px, 1.0) / vp->world_px;
  gx0 = (gint64) floor (vp->x0 / cell_world);
  gy0 = (gint64) floor (vp->y0 / cell_world);
  gx1 = (gint64) floor (vp->x1 / cell_world);
  gy1 = (gint64) floor (vp->y1 / cell_world);
  ncx = (guint) (gx1 - gx0 + 1);
  ncy = (guint) (gy1 - gy0 + 1);
  while ((guint64) ncx * ncy > MAX_CELLS)
    {
      /* A viewport far larger than a screen: coarser cells rather than a huge grid. */
      cell_world *= 2;
      gx0 = (gint64) floor (vp->x0 / cell_world);
      gy0 = (gint64) floor (vp->y0 / cell_world);
      gx1 = (gint64) floor (vp->x1 / cell_world);
      gy1 = (gint64) floor (vp->y1 / cell_world);
      ncx = (guint) (gx1 - gx0 + 1);
      ncy = (guint) (gy1 - gy0 + 1);
    }
  n_cells = ncx * ncy;
  g_array_set_size (self->cells, n_cells);
  cells = (Cell *) (void *) self->cells->data;
  memset (cells, 0, sizeof (Cell) * n_cells);

  /* No projection per event: a cell's column is linear in longitude, its row is found
   * among the latitudes of the grid's row boundaries (a handful, computed once). */
  min_lon = sitrep_geo_x_to_lon (vp->x0);
  max_lon = sitrep_geo_x_to_lon (vp->x1);
  max_lat = sitrep_geo_y_to_lat (vp->y0);
  min_lat = sitrep_geo_y_to_lat (vp->y1);
  g_array_set_size (self->row_lats, ncy + 1);
  row_lats = (double *) (void *) self->row_lats->data;
  for (guint r = 0; r <= ncy; r++)
    row_lats[r] = sitrep_geo_y_to_lat ((gy0 + r) * cell_world);  /* decreasing */
  lon_scale = 1.0 / (360.0 * cell_world);
  rel_from = from - c->epoch;
  rel_to = to - c->epoch;
  g_array_set_size (self->kept_index, end - begin);
  g_array_set_size (self->kept_cell, end - begin);
  kept_index = (guint *) (void *) self->kept_index->data;
  kept_cell = (guint *) (void *) self->kept_cell->data;
  n_kept = 0;

  for (guint i = begin; i < end; i++)
    {
      double lon = c->lon[i], lat = c->lat[i];
      gint64 cx;
      guint cy, lo, hi, cell;
      gint64 s = c->start[i], e = c->end[i];

      if (!(s < rel_to && (e > rel_from || (e == s && s >= rel_from))))
        continue;
      if (lon < min_lon || lon > max_lon || lat < min_lat || lat > max_lat)
        continue;
      if (!sitrep_filter_mask_get (mask, i))
        continue;
      /* Positive, so truncation is floor () without a libm call. */
      cx = (gint64) ((lon + 180.0) * lon_scale) - gx0;
      /* The row r with row_lats[r] >= lat > row_lats[r + 1]. */
      lo = 0;
      hi = ncy;
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (row_lats[mid] >= lat)
            lo = mid;
          else
            hi = mid;
        }
      cy = lo;
      if (cx < 0 || cx >= ncx)
        continue;
      cell = (guint) (cy * ncx + cx);
      cells[cell].count++;
      cells[cell].sum_x += lon;
      cells[cell].sum_y += lat;
      cells[cell].flags |= c->flags[i];
      if (c->kind[i] < SITREP_N_KINDS && cells[cell].kinds[c->kind[i]] < G_MAXUINT16)
        cells[cell].kinds[c->kind[i]]++;
      kept_index[n_kept] = i;
      kept_cell[n_kept] = cell;
      n_kept++;
    }
  g_array_set_size (self->kept_index, n_kept);
  g_array_set_size (self->kept_cell, n_kept);

  /* Clusters in row-major cell order, each with a contiguous run of members. */
  for (guint cell = 0, offset = 0; cell < n_cells; cell++)
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
  g_array_set_size (self->members, n_kept);
  for (guint j = 0; j < n_kept; j++)
    {
      guint cell = g_array_index (self->kept_cell, guint, j);

      g_array_index (self->members, guint, cells[cell].fill++) = g_array_index (self->kept_index, guint, j);
    }
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
  if (n_members != NULL)
    *n_members = self->members->len;
  return (const guint *) (void *) self->members->data;
}
