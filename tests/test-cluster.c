/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cluster.c: grid clustering keeps every event once, and only the visible ones. */
#define G_LOG_DOMAIN "sitrep-test-cluster"

#include "config.h"

#include <math.h>

#include "sitrep-cluster.h"
#include "sitrep-geo.h"

typedef struct
{
  guint n;
  gint32 *start, *end;
  float *lat, *lon;
  guint8 *kind, *flags;
  SitrepEventColumns c;
} Fixture;

static void
fixture_fill (Fixture *f, guint n, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* Around Kharkiv and Kupiansk, a day apart, each lasting a day. */
  static const double centres[][2] = { { 49.99, 36.23 }, { 49.71, 37.61 }, { 48.59, 38.0 } };

  f->n = n;
  f->start = g_new (gint32, n);
  f->end = g_new (gint32, n);
  f->lat = g_new (float, n);
  f->lon = g_new (float, n);
  f->kind = g_new (guint8, n);
  f->flags = g_new0 (guint8, n);
  for (guint i = 0; i < n; i++)
    {
      guint c = (guint) g_rand_int_range (rand, 0, 3);

      f->start[i] = (gint32) (i * 600);
      f->end[i] = f->start[i] + 86400;
      f->lat[i] = (float) (centres[c][0] + g_rand_double_range (rand, -0.3, 0.3));
      f->lon[i] = (float) (centres[c][1] + g_rand_double_range (rand, -0.3, 0.3));
      f->kind[i] = (guint8) g_rand_int_range (rand, 0, SITREP_N_KINDS);
    }
  f->c.n_events = n;
  f->c.epoch = 1700000000;
  f->c.start = f->start;
  f->c.end = f->end;
  f->c.lat = f->lat;
  f->c.lon = f->lon;
  f->c.kind = f->kind;
  f->c.flags = f->flags;
  f->c.max_duration = 86400;
}

static void
fixture_clear (Fixture *f)
{
  g_free (f->start);
  g_free (f->end);
  g_free (f->lat);
  g_free (f->lon);
  g_free (f->kind);
  g_free (f->flags);
}

static SitrepViewport
viewport (double min_lat, double min_lon, double max_lat, double max_lon, double zoom)
{
  SitrepViewport vp = {
    .x0 = sitrep_geo_lon_to_x (min_lon), .y0 = sitrep_geo_lat_to_y (max_lat),
    .x1 = sitrep_geo_lon_to_x (max_lon), .y1 = sitrep_geo_lat_to_y (min_lat),
    .world_px = sitrep_geo_world_size (zoom),
  };
  return vp;
}

static void
test_geo (void)
{
  g_assert_cmpfloat_with_epsilon (sitrep_geo_lon_to_x (0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (sitrep_geo_lat_to_y (0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (sitrep_geo_y_to_lat (sitrep_geo_lat_to_y (49.71)), 49.71, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitrep_geo_x_to_lon (sitrep_geo_lon_to_x (37.61)), 37.61, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitrep_geo_lat_to_y (SITREP_GEO_MAX_LAT), 0.0, 1e-9);
  g_assert_cmpfloat (sitrep_geo_world_size (8), ==, 65536.0);
}

static void
test_conserved (void)
{
  Fixture f = { 0 };
  g_autoptr(SitrepClusterer) cl = sitrep_clusterer_new ();
  SitrepViewport vp = viewport (47.0, 34.0, 51.5, 40.5, 8);
  gint64 from = f.c.epoch, to;
  g_autofree guint8 *seen = NULL;
  guint n_clusters, n_members, total = 0, expected = 0;
  const SitrepCluster *clusters;
  const guint *members;

  fixture_fill (&f, 5000, 7);
  from = f.c.epoch + 100000;
  to = f.c.epoch + 100000 + 30 * 86400 / 20;
  seen = g_new0 (guint8, f.n);
  n_clusters = sitrep_clusterer_run (cl, &f.c, 0, f.n, from, to, NULL, &vp, 64);
  clusters = sitrep_clusterer_get_clusters (cl, NULL);
  members = sitrep_clusterer_get_members (cl, &n_members);
  g_assert_cmpuint (n_clusters, >, 3);
  for (guint i = 0; i < f.n; i++)
    expected += sitrep_event_columns_overlaps (&f.c, i, from, to);
  g_assert_cmpuint (expected, >, 100);
  for (guint k = 0; k < n_clusters; k++)
    {
      double px = clusters[k].x * vp.world_px, py = clusters[k].y * vp.world_px;

      total += clusters[k].n_members;
      for (guint m = clusters[k].first_member; m < clusters[k].first_member + clusters[k].n_members; m++)
        {
          guint i = members[m];
          double ex = sitrep_geo_lon_to_x (f.lon[i]) * vp.world_px;
          double ey = sitrep_geo_lat_to_y (f.lat[i]) * vp.world_px;

          /* Never in two clusters, always in the window, in the same 64 px cell. */
          g_assert_cmpuint (seen[i], ==, 0);
          seen[i] = 1;
          g_assert_true (sitrep_event_columns_overlaps (&f.c, i, from, to));
          g_assert_cmpfloat (floor (ex / 64), ==, floor (px / 64));
          g_assert_cmpfloat (floor (ey / 64), ==, floor (py / 64));
        }
    }
  g_assert_cmpuint (total, ==, n_members);
  /* Counts are conserved: every event of the window inside the viewport is counted. */
  g_assert_cmpuint (total, ==, expected);
  fixture_clear (&f);
}

static void
test_viewport_and_mask (void)
{
  Fixture f = { 0 };
  g_autoptr(SitrepClusterer) cl = sitrep_clusterer_new ();
  /* Only around Kupiansk: the Kharkiv and southern events are off screen. */
  SitrepViewport vp = viewport (49.3, 37.2, 50.1, 38.0, 10);
  g_autofree guint64 *mask = NULL;
  guint n_members, expected = 0, expected_masked = 0, n_clusters;
  const SitrepCluster *clusters;

  fixture_fill (&f, 3000, 11);
  mask = g_new0 (guint64, (f.n + 63) / 64);
  for (guint i = 0; i < f.n; i += 3)
    mask[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
  for (guint i = 0; i < f.n; i++)
    {
      gboolean in = f.lat[i] >= 49.3 && f.lat[i] <= 50.1 && f.lon[i] >= 37.2 && f.lon[i] <= 38.0;

      expected += in;
      expected_masked += in && i % 3 == 0;
    }
  sitrep_clusterer_run (cl, &f.c, 0, f.n, f.c.epoch, f.c.epoch + 10000000, NULL, &vp, 80);
  sitrep_clusterer_get_members (cl, &n_members);
  g_assert_cmpuint (n_members, ==, expected);
  g_assert_cmpuint (n_members, <, f.n / 2);
  n_clusters = sitrep_clusterer_run (cl, &f.c, 0, f.n, f.c.epoch, f.c.epoch + 10000000, mask, &vp, 80);
  clusters = sitrep_clusterer_get_clusters (cl, NULL);
  sitrep_clusterer_get_members (cl, &n_members);
  g_assert_cmpuint (n_members, ==, expected_masked);
  for (guint k = 0; k < n_clusters; k++)
    {
      g_assert_cmpfloat (sitrep_geo_x_to_lon (clusters[k].x), >=, 37.2 - 1e-4);
      g_assert_cmpfloat (sitrep_geo_x_to_lon (clusters[k].x), <=, 38.0 + 1e-4);
    }
  fixture_clear (&f);
}

static void
test_deterministic (void)
{
  Fixture f = { 0 };
  g_autoptr(SitrepClusterer) a = sitrep_clusterer_new ();
  g_autoptr(SitrepClusterer) b = sitrep_clusterer_new ();
  SitrepViewport vp = viewport (47.0, 34.0, 51.5, 40.5, 7);
  SitrepViewport panned = vp;
  guint na, nb, ma, mb;
  const SitrepCluster *ca, *cb;

  fixture_fill (&f, 4000, 3);
  na = sitrep_clusterer_run (a, &f.c, 0, f.n, f.c.epoch, f.c.epoch + 900000, NULL, &vp, 60);
  /* A second clusterer with a used buffer, on a viewport panned by whole cells' worth
   * of nothing: same grid origin, so the same clusters. */
  sitrep_clusterer_run (b, &f.c, 0, f.n / 2, f.c.epoch, f.c.epoch + 50, NULL, &vp, 30);
  panned.x0 -= 0.5 / vp.world_px;
  nb = sitrep_clusterer_run (b, &f.c, 0, f.n, f.c.epoch, f.c.epoch + 900000, NULL, &panned, 60);
  g_assert_cmpuint (na, ==, nb);
  ca = sitrep_clusterer_get_clusters (a, NULL);
  cb = sitrep_clusterer_get_clusters (b, NULL);
  g_assert_cmpmem (sitrep_clusterer_get_members (a, &ma), ma * sizeof (guint),
                   sitrep_clusterer_get_members (b, &mb), mb * sizeof (guint));
  for (guint k = 0; k < na; k++)
    {
      g_assert_cmpuint (ca[k].n_members, ==, cb[k].n_members);
      g_assert_cmpfloat (ca[k].x, ==, cb[k].x);
      g_assert_cmpfloat (ca[k].y, ==, cb[k].y);
    }
  fixture_clear (&f);
}

static guint
first_start_at_least (const Fixture *f,
                      gint64         rel)
{
  guint lo = 0, hi = f->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if ((gint64) f->start[mid] < rel)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* run_summary () gives run ()'s clusters while the window slides, jumps, shrinks below a
 * day and the mask changes; and the members it lists on demand are run ()'s. */
static void
test_summary_matches_exact (void)
{
  Fixture f = { 0 };
  g_autoptr(SitrepClusterer) exact = sitrep_clusterer_new ();
  g_autoptr(SitrepClusterer) summary = sitrep_clusterer_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (66);
  SitrepViewport vp = viewport (48.0, 35.0, 50.6, 38.6, 8);
  guint64 *masks[2];
  guint checked = 0;

  fixture_fill (&f, 30000, 11);
  /* Spans from a second to three and a half days, so that events start before the
   * window and last into it. */
  for (guint i = 0; i < f.n; i++)
    f.end[i] = f.start[i] + 1 + (gint32) ((i * 7919u) % 7) * 43200;
  f.c.max_duration = 6 * 43200 + 1;
  for (guint m = 0; m < 2; m++)
    {
      masks[m] = g_new0 (guint64, (f.n + 63) / 64);
      for (guint i = 0; i < f.n; i++)
        if (g_rand_int_range (rand, 0, 4) != 0)
          masks[m][i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }

  for (guint step = 0; step < 120; step++)
    {
      const guint64 *mask = step < 40 ? NULL : masks[step < 80 ? 0 : 1];
      gint64 rel_from, len, from, to;
      guint begin, end, ne, ns, nm_e, nm_s;
      const SitrepCluster *ce, *cs;
      const guint *me, *ms;

      if (step == 40 || step == 80)
        sitrep_clusterer_invalidate (summary);
      if (step % 3 == 0)
        rel_from = g_rand_int_range (rand, -86400, 200 * 86400);   /* a jump */
      else
        rel_from = (gint64) (step % 40) * 130000 - 3600;            /* a slide */
      len = step % 5 == 0 ? g_rand_int_range (rand, 1, 86400)        /* under a day */
                          : g_rand_int_range (rand, 86400, 40 * 86400);
      from = f.c.epoch + rel_from;
      to = from + len;
      end = first_start_at_least (&f, rel_from + len);
      begin = first_start_at_least (&f, rel_from - f.c.max_duration + 1);
      begin = MIN (begin, end);

      ne = sitrep_clusterer_run (exact, &f.c, begin, end, from, to, mask, &vp, 56);
      ns = sitrep_clusterer_run_summary (summary, &f.c, begin, end, from, to, mask, &vp, 56);
      g_assert_cmpuint (ns, ==, ne);
      ce = sitrep_clusterer_get_clusters (exact, NULL);
      cs = sitrep_clusterer_get_clusters (summary, NULL);
      me = sitrep_clusterer_get_members (exact, &nm_e);
      for (guint k = 0; k < ne; k++)
        {
          g_assert_cmpuint (cs[k].n_members, ==, ce[k].n_members);
          g_assert_cmpuint (cs[k].first_member, ==, ce[k].first_member);
          g_assert_cmpuint (cs[k].representative, ==, me[ce[k].first_member]);
          g_assert_cmpuint (cs[k].representative, ==, ce[k].representative);
          g_assert_cmpuint (cs[k].kind, ==, ce[k].kind);
          g_assert_cmpuint (cs[k].flags, ==, ce[k].flags);
          g_assert_cmpfloat_with_epsilon (cs[k].x, ce[k].x, 1e-9);
          g_assert_cmpfloat_with_epsilon (cs[k].y, ce[k].y, 1e-9);
          checked += cs[k].n_members;
        }
      if (step % 10 == 0)
        {
          ms = sitrep_clusterer_get_members (summary, &nm_s);
          g_assert_cmpmem (ms, nm_s * sizeof (guint), me, nm_e * sizeof (guint));
        }
    }
  g_assert_cmpuint (checked, >, 50000);
  g_free (masks[0]);
  g_free (masks[1]);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cluster/geo", test_geo);
  g_test_add_func ("/cluster/conserved", test_conserved);
  g_test_add_func ("/cluster/viewport-and-mask", test_viewport_and_mask);
  g_test_add_func ("/cluster/deterministic", test_deterministic);
  g_test_add_func ("/cluster/summary-matches-exact", test_summary_matches_exact);
  return g_test_run ();
}
