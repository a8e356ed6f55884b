/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cluster.c: grid clustering of a time window's events inside a map viewport. */
#define G_LOG_DOMAIN "sitrep-cluster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitrep-cluster.h"
#include "sitrep-geo.h"

#define MASK_GET(mask, i) (((mask)[(i) >> 6] >> ((i) & 63)) & 1)
#define MAX_CELLS (1u << 20)

typedef struct
{
  guint count;
  guint fill;
  guint cluster;
  double sum_x;
  double sum_y;
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

  /* Cheap rejection in degrees before projecting. */
  min_lon = sitrep_geo_x_to_lon (vp->x0);
  max_lon = sitrep_geo_x_to_lon (vp->x1);
  max_lat = sitrep_geo_y_to_lat (vp->y0);
  min_lat = sitrep_geo_y_to_lat (vp->y1);
  rel_from = from - c->epoch;
  rel_to = to - c->epoch;

  for (guint i = begin; i < end; i++)
    {
      double lon = c->lon[i], lat = c->lat[i], x, y;
      gint64 cx, cy;
      guint cell;
      gint64 s = c->start[i], e = c->end[i];

      if (!(s < rel_to && (e > rel_from || (e == s && s >= rel_from))))
        continue;
      if (lon < min_lon || lon > max_lon || lat < min_lat || lat > max_lat)
        continue;
      if (mask != NULL && !MASK_GET (mask, i))
        continue;
      x = sitrep_geo_lon_to_x (lon);
      y = sitrep_geo_lat_to_y (lat);
      cx = (gint64) floor (x / cell_world) - gx0;
      cy = (gint64) floor (y / cell_world) - gy0;
      if (cx < 0 || cy < 0 || cx >= ncx || cy >= ncy)
        continue;
      cell = (guint) (cy * ncx + cx);
      cells[cell].count++;
      cells[cell].sum_x += x;
      cells[cell].sum_y += y;
      cells[cell].flags |= c->flags[i];
      if (c->kind[i] < SITREP_N_KINDS && cells[cell].kinds[c->kind[i]] < G_MAXUINT16)
        cells[cell].kinds[c->kind[i]]++;
      g_array_append_val (self->kept_index, i);
      g_array_append_val (self->kept_cell, cell);
    }

  /* Clusters in row-major cell order, each with a contiguous run of members. */
  n_kept = self->kept_index->len;
  for (guint cell = 0, offset = 0; cell < n_cells; cell++)
    {
      SitrepCluster cl = { 0 };
      guint best = 0;

      if (cells[cell].count == 0)
        continue;
      cl.x = cells[cell].sum_x / cells[cell].count;
      cl.y = cells[cell].sum_y / cells[cell].count;
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
