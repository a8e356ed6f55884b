/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap.c: the offline basemap of Ukraine: geometry in memory, tile maths, cairo drawing. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sitrep-basemap.h"
#include "sitrep-basemap-resources.h"

G_DEFINE_QUARK (sitrep-basemap-error-quark, sitrep_basemap_error)

#define RESOURCE_DIR "/io/github/sitrep/Sitrep/basemap/"
#define EARTH_CIRCUMFERENCE_KM 40075.016686

typedef struct
{
  double x0, y0, x1, y1;
} Box;

typedef struct
{
  guint8 layer;
  guint8 kind;               /* 0 polygon, 1 line */
  guint16 attr;
  char *name;
  guint first_part;
  guint n_parts;
  Box box;
} Feature;

typedef struct
{
  guint first_point;
  guint n_points;
  Box box;
} Part;

typedef struct
{
  guint min_zoom;
  guint max_zoom;
  GArray *features;          /* Feature */
  GArray *parts;             /* Part */
  GArray *points;            /* gint32 pairs */
} Level;

struct _SitrepBasemap
{
  Level levels[SITREP_BASEMAP_N_LEVELS];
};

static const SitrepBasemapPalette palettes[] = {
  [SITREP_BASEMAP_STYLE_LIGHT] = {
    .water = { 0.667, 0.800, 0.882 },
    .land = { 0.914, 0.906, 0.886 },
    .oblast = {
      { 0.980, 0.969, 0.937 },
      { 0.965, 0.953, 0.910 },
      { 0.973, 0.957, 0.925 },
      { 0.957, 0.945, 0.906 },
    },
    .oblast_border = { 0.690, 0.635, 0.690 },
    .state_border = { 0.424, 0.310, 0.478 },
    .state_border_halo = { 0.800, 0.741, 0.831 },
    .river = { 0.494, 0.675, 0.820 },
    .drained = { 0.855, 0.859, 0.780 },
    .label = { 0.165, 0.165, 0.188 },
    .label_halo = { 1.0, 1.0, 1.0 },
    .water_label = { 0.184, 0.392, 0.573 },
    .dot = { 0.275, 0.275, 0.310 },
  },
  [SITREP_BASEMAP_STYLE_DARK] = {
    .water = { 0.071, 0.110, 0.169 },
    .land = { 0.150, 0.150, 0.160 },
    .oblast = {
      { 0.235, 0.235, 0.251 },
      { 0.220, 0.220, 0.235 },
      { 0.227, 0.227, 0.243 },
      { 0.212, 0.212, 0.227 },
    },
    .oblast_border = { 0.365, 0.345, 0.400 },
    .state_border = { 0.690, 0.600, 0.760 },
    .state_border_halo = { 0.290, 0.255, 0.333 },
    .river = { 0.255, 0.420, 0.580 },
    .drained = { 0.227, 0.235, 0.200 },
    .label = { 0.890, 0.890, 0.910 },
    .label_halo = { 0.090, 0.090, 0.100 },
    .water_label = { 0.500, 0.680, 0.840 },
    .dot = { 0.820, 0.820, 0.850 },
  },
};

const SitrepBasemapPalette *
sitrep_basemap_palette_get (SitrepBasemapStyle style)
{
  g_return_val_if_fail (style <= SITREP_BASEMAP_STYLE_DARK, &palettes[0]);
  return &palettes[style];
}

/* Tile maths */

void
sitrep_basemap_latlon_to_world (double  lat,
                                double  lon,
                                double  zoom,
                                double *x,
                                double *y)
{
  double size = 256.0 * exp2 (zoom);
  double s;

  lat = CLAMP (lat, -85.05112878, 85.05112878);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0 * size;
  *y = (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI)) * size;
}

void
sitrep_basemap_world_to_latlon (double  x,
                                double  y,
                                double  zoom,
                                double *lat,
                                double *lon)
{
  double size = 256.0 * exp2 (zoom);
  double n = G_PI - 2.0 * G_PI * y / size;

  *lon = x / size * 360.0 - 180.0;
  *lat = 180.0 / G_PI * atan (0.5 * (exp (n) - exp (-n)));
}

int
sitrep_basemap_tms_flip (int y,
                         int zoom)
{
  return (1 << zoom) - 1 - y;
}

/* Loading */

static void
level_clear (Level *level)
{
  if (level->features != NULL)
    for (guint i = 0; i < level->features->len; i++)
      g_free (g_array_index (level->features, Feature, i).name);
  g_clear_pointer (&level->features, g_array_unref);
  g_clear_pointer (&level->parts, g_array_unref);
  g_clear_pointer (&level->points, g_array_unref);
}

void
sitrep_basemap_free (SitrepBasemap *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    level_clear (&self->levels[i]);
  g_free (self);
}

static GBytes *
maybe_gunzip (GBytes      *bytes,
              const char  *name,
              GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GZlibDecompressor) dec = NULL;
  g_autoptr(GInputStream) mem = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (len < 2 || data[0] != 0x1f || data[1] != 0x8b)
    return g_bytes_ref (bytes);

  dec = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  mem = g_memory_input_stream_new_from_bytes (bytes);
  in = g_converter_input_stream_new (mem, G_CONVERTER (dec));
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, in,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    {
      g_prefix_error (error, _("Could not decompress the basemap file “%s”: "), name);
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Reader;

static gboolean
read_bytes (Reader  *r,
            void    *dest,
            gsize    n)
{
  if ((gsize) (r->end - r->p) < n)
    return FALSE;
  memcpy (dest, r->p, n);
  r->p += n;
  return TRUE;
}

static gboolean
read_u32 (Reader  *r,
          guint32 *v)
{
  guint32 le;

  if (!read_bytes (r, &le, 4))
    return FALSE;
  *v = GUINT32_FROM_LE (le);
  return TRUE;
}

static gboolean
parse_level (Level       *level,
             GBytes      *bytes,
             guint        expected,
             const char  *name,
             GError     **error)
{
  gsize len;
  Reader r;
  char magic[4];
  guint32 version, index, min_zoom, max_zoom, n_features;

  r.p = g_bytes_get_data (bytes, &len);
  r.end = r.p + len;
  if (!read_bytes (&r, magic, 4) || memcmp (magic, "SRBM", 4) != 0
      || !read_u32 (&r, &version) || !read_u32 (&r, &index)
      || !read_u32 (&r, &min_zoom) || !read_u32 (&r, &max_zoom) || !read_u32 (&r, &n_features))
    goto bad;
  if (version != 1 || index != expected)
    {
      g_set_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_INVALID,
                   _("The basemap file “%s” has version %u level %u; expected version 1 level %u."),
                   name, version, index, expected);
      return FALSE;
    }

  level->min_zoom = min_zoom;
  level->max_zoom = max_zoom;
  level->features = g_array_sized_new (FALSE, FALSE, sizeof (Feature), n_features);
  level->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  level->points = g_array_sized_new (FALSE, FALSE, sizeof (gint32), len / 4);

  for (guint32 i = 0; i < n_features; i++)
    {
      Feature f = { 0 };
      guint8 head[6];
      guint16 name_len;
      guint32 n_parts;

      if (!read_bytes (&r, head, 6))
        goto bad;
      f.layer = head[0];
      f.kind = head[1];
      f.attr = head[2] | (head[3] << 8);
      name_len = head[4] | (head[5] << 8);
      if (f.layer >= SITREP_BASEMAP_N_LAYERS || f.kind > 1 || (gsize) (r.end - r.p) < name_len)
        goto bad;
      f.name = g_strndup ((const char *) r.p, name_len);
      r.p += name_len;
      if (!read_u32 (&r, &n_parts))
        {
          g_free (f.name);
          goto bad;
        }
      f.first_part = level->parts->len;
      f.n_parts = n_parts;
      f.box = (Box) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      g_array_append_val (level->features, f);

      for (guint32 k = 0; k < n_parts; k++)
        {
          Part part = { 0 };
          guint32 n_points;
          gint32 x = 0, y = 0;

          if (!read_u32 (&r, &n_points) || (gsize) (r.end - r.p) / 8 < n_points)
            goto bad;
          part.first_point = level->points->len / 2;
          part.n_points = n_points;
          part.box = (Box) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
          for (guint32 j = 0; j < n_points; j++)
            {
              gint32 d[2];

              memcpy (d, r.p, 8);
              r.p += 8;
              x += GINT32_FROM_LE (d[0]);
              y += GINT32_FROM_LE (d[1]);
              g_array_append_val (level->points, x);
              g_array_append_val (level->points, y);
              part.box.x0 = MIN (part.box.x0, x);
              part.box.y0 = MIN (part.box.y0, y);
              part.box.x1 = MAX (part.box.x1, x);
              part.box.y1 = MAX (part.box.y1, y);
            }
          g_array_append_val (level->parts, part);
          {
            Feature *fp = &g_array_index (level->features, Feature, level->features->len - 1);

            fp->box.x0 = MIN (fp->box.x0, part.box.x0);
            fp->box.y0 = MIN (fp->box.y0, part.box.y0);
            fp->box.x1 = MAX (fp->box.x1, part.box.x1);
            fp->box.y1 = MAX (fp->box.y1, part.box.y1);
          }
        }
    }
  if (r.p != r.end)
    goto bad;
  return TRUE;

bad:
  g_set_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_INVALID,
               _("The basemap file “%s” is truncated or damaged (at byte %zu)."),
               name, (gsize) (len - (gsize) (r.end - r.p)));
  return FALSE;
}

static SitrepBasemap *
new_from_bytes (GBytes      **files,
                const char  **names,
                GError      **error)
{
  SitrepBasemap *self = g_new0 (SitrepBasemap, 1);

  for (guint i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    {
      g_autoptr(GBytes) raw = maybe_gunzip (files[i], names[i], error);

      if (raw == NULL || !parse_level (&self->levels[i], raw, i, names[i], error))
        {
          sitrep_basemap_free (self);
          return NULL;
        }
    }
  return self;
}

SitrepBasemap *
sitrep_basemap_new_from_files (const char * const  *paths,
                               GError             **error)
{
  GBytes *files[SITREP_BASEMAP_N_LEVELS] = { NULL };
  SitrepBasemap *self = NULL;
  guint i;

  for (i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    {
      char *contents;
      gsize len;

      if (paths[i] == NULL)
        {
          g_set_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_NOT_FOUND,
                       _("The basemap needs %d files; only %u were given."),
                       SITREP_BASEMAP_N_LEVELS, i);
          goto out;
        }
      if (!g_file_get_contents (paths[i], &contents, &len, error))
        goto out;
      files[i] = g_bytes_new_take (contents, len);
    }
  self = new_from_bytes (files, (const char **) paths, error);

out:
  for (i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    g_clear_pointer (&files[i], g_bytes_unref);
  return self;
}

static SitrepBasemap *default_basemap;
static GError *default_error;

static gpointer
load_default (gpointer data)
{
  GBytes *files[SITREP_BASEMAP_N_LEVELS] = { NULL };
  char *names[SITREP_BASEMAP_N_LEVELS] = { NULL };
  GResource *resource = sitrep_basemap_get_resource ();

  for (guint i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    {
      names[i] = g_strdup_printf (RESOURCE_DIR "basemap-%u.srbm.gz", i);
      files[i] = g_resource_lookup_data (resource, names[i], G_RESOURCE_LOOKUP_FLAGS_NONE,
                                         &default_error);
      if (files[i] == NULL)
        break;
    }
  if (default_error == NULL)
    default_basemap = new_from_bytes (files, (const char **) names, &default_error);
  for (guint i = 0; i < SITREP_BASEMAP_N_LEVELS; i++)
    {
      g_clear_pointer (&files[i], g_bytes_unref);
      g_free (names[i]);
    }
  return NULL;
}

SitrepBasemap *
sitrep_basemap_get_default (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default, NULL);
  if (default_basemap == NULL && error != NULL)
    *error = g_error_copy (default_error);
  return default_basemap;
}

static void
get_default_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  SitrepBasemap *basemap = sitrep_basemap_get_default (&error);

  if (basemap == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, basemap, NULL);
}

void
sitrep_basemap_get_default_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sitrep_basemap_get_default_async);
  g_task_run_in_thread (task, get_default_thread);
}

SitrepBasemap *
sitrep_basemap_get_default_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
sitrep_basemap_get_n_features (SitrepBasemap *self,
                               guint          level)
{
  g_return_val_if_fail (level < SITREP_BASEMAP_N_LEVELS, 0);
  return self->levels[level].features->len;
}

guint
sitrep_basemap_level_for_zoom (double zoom)
{
  if (zoom < 7.0)
    return 0;
  if (zoom < 10.0)
    return 1;
  return 2;
}

/* Drawing */

typedef struct
{
  cairo_t *cr;
  const Level *level;
  double scale;              /* device pixels per stored unit */
  double ux0, uy0;           /* view origin, stored units */
  Box view;                  /* view with a margin, stored units */
  double zoom;
  double width, height;      /* the view, device pixels */
  GArray *scratch[2];        /* doubles, for clipping rings */
} DrawCtx;

/* Rings and lines are cut to the view plus this margin (pixels) before cairo sees them:
 * a tile at zoom 5 meets a land polygon of thousands of points, most far outside. */
#define CLIP_MARGIN 16.0

static inline gboolean
box_meets (const Box *a,
           const Box *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

static inline int
outcode (const DrawCtx *ctx,
         double         x,
         double         y)
{
  int c = 0;

  if (x < -CLIP_MARGIN)
    c |= 1;
  else if (x > ctx->width + CLIP_MARGIN)
    c |= 2;
  if (y < -CLIP_MARGIN)
    c |= 4;
  else if (y > ctx->height + CLIP_MARGIN)
    c |= 8;
  return c;
}

/* Sutherland-Hodgman against one edge of the clip rectangle: `axis` 0 for x, 1 for y,
 * keeping points with coordinate >= limit (sign 1) or <= limit (sign -1). */
static void
clip_edge (const GArray *in,
           GArray       *out,
           int           axis,
           double        limit,
           double        sign)
{
  guint n = in->len / 2;
  const double *p = (const double *) (void *) in->data;

  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    {
      const double *cur = p + 2 * i;
      const double *prev = p + 2 * ((i + n - 1) % n);
      gboolean cur_in = (cur[axis] - limit) * sign >= 0;
      gboolean prev_in = (prev[axis] - limit) * sign >= 0;

      if (cur_in != prev_in)
        {
          double t = (limit - prev[axis]) / (cur[axis] - prev[axis]);
          double q[2];

          q[axis] = limit;
          q[1 - axis] = prev[1 - axis] + t * (cur[1 - axis] - prev[1 - axis]);
          g_array_append_vals (out, q, 2);
        }
      if (cur_in)
        g_array_append_vals (out, cur, 2);
    }
}

static void
path_ring (DrawCtx    *ctx,
           const Part *part)
{
  const gint32 *pts = &g_array_index (ctx->level->points, gint32, 2 * part->first_point);
  GArray *a = ctx->scratch[0], *b = ctx->scratch[1];
  const double *q;
  double last_x = G_MAXDOUBLE, last_y = G_MAXDOUBLE;
  guint n;

  g_array_set_size (a, 0);
  for (guint j = 0; j < part->n_points; j++)
    {
      double xy[2] = { (pts[2 * j] - ctx->ux0) * ctx->scale, (pts[2 * j + 1] - ctx->uy0) * ctx->scale };

      g_array_append_vals (a, xy, 2);
    }
  clip_edge (a, b, 0, -CLIP_MARGIN, 1);
  clip_edge (b, a, 0, ctx->width + CLIP_MARGIN, -1);
  clip_edge (a, b, 1, -CLIP_MARGIN, 1);
  clip_edge (b, a, 1, ctx->height + CLIP_MARGIN, -1);

  n = a->len / 2;
  if (n < 3)
    return;
  q = (const double *) (void *) a->data;
  cairo_move_to (ctx->cr, q[0], q[1]);
  for (guint j = 1; j < n; j++)
    {
      /* Points closer than a third of a pixel add nothing but time. */
      if (fabs (q[2 * j] - last_x) < 0.33 && fabs (q[2 * j + 1] - last_y) < 0.33)
        continue;
      cairo_line_to (ctx->cr, q[2 * j], q[2 * j + 1]);
      last_x = q[2 * j];
      last_y = q[2 * j + 1];
    }
  cairo_close_path (ctx->cr);
}

static void
path_line (DrawCtx    *ctx,
           const Part *part)
{
  const gint32 *pts = &g_array_index (ctx->level->points, gint32, 2 * part->first_point);
  double px = 0, py = 0, last_x = G_MAXDOUBLE, last_y = G_MAXDOUBLE;
  int pcode = 0;
  gboolean pen_down = FALSE;

  for (guint j = 0; j < part->n_points; j++)
    {
      double x = (pts[2 * j] - ctx->ux0) * ctx->scale;
      double y = (pts[2 * j + 1] - ctx->uy0) * ctx->scale;
      int code = outcode (ctx, x, y);

      /* A segment with both ends beyond the same side of the view is left out. */
      if (j > 0 && (code & pcode) == 0)
        {
          if (!pen_down)
            {
              cairo_move_to (ctx->cr, px, py);
              pen_down = TRUE;
            }
          if (j + 1 == part->n_points || fabs (x - last_x) >= 0.33 || fabs (y - last_y) >= 0.33)
            {
              cairo_line_to (ctx->cr, x, y);
              last_x = x;
              last_y = y;
            }
        }
      else
        pen_down = FALSE;
      px = x;
      py = y;
      pcode = code;
    }
}

static void
path_part (DrawCtx    *ctx,
           const Part *part,
           gboolean    close)
{
  if (close)
    path_ring (ctx, part);
  else
    path_line (ctx, part);
}

/* Appends the parts of f that meet the view to the current path; returns whether any did. */
static gboolean
path_feature (DrawCtx       *ctx,
              const Feature *f)
{
  gboolean any = FALSE;

  if (!box_meets (&f->box, &ctx->view))
    return FALSE;
  for (guint k = 0; k < f->n_parts; k++)
    {
      const Part *part = &g_array_index (ctx->level->parts, Part, f->first_part + k);

      if (!box_meets (&part->box, &ctx->view))
        continue;
      path_part (ctx, part, f->kind == 0);
      any = TRUE;
    }
  return any;
}

static void
set_rgb (cairo_t      *cr,
         const double *rgb)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static double
river_width (guint  rank,
             double zoom)
{
  double base = rank <= 4 ? 1.8 : rank <= 6 ? 1.4 : rank <= 7 ? 1.1 : 0.9;
  double f = CLAMP (0.55 + (zoom - 5.0) * 0.2, 0.55, 2.4);

  return base * f;
}

static gboolean
river_visible (guint  rank,
               double zoom)
{
  /* From zoom 8 GSHHG's finer rivers take over: both together would draw every river twice. */
  if (zoom >= 8.0)
    return FALSE;
  if (rank <= 5)
    return TRUE;
  if (rank <= 7)
    return zoom >= 5.0;
  return zoom >= 6.0;
}

static double
stream_width (guint  level,
              double zoom)
{
  double base = level <= 2 ? 1.6 : level == 3 ? 1.2 : 0.9;

  if (zoom < 8.0)
    return base * 0.6;
  return base * CLAMP (1.0 + (zoom - 8.0) * 0.2, 1.0, 2.0);
}

static gboolean
stream_visible (guint  level,
                double zoom)
{
  if (level <= 3)
    return zoom >= 7.0;
  return zoom >= 8.0;
}

guint
sitrep_basemap_draw (SitrepBasemap      *self,
                     cairo_t            *cr,
                     double              zoom,
                     double              x0,
                     double              y0,
                     double              width,
                     double              height,
                     SitrepBasemapStyle  style)
{
  const SitrepBasemapPalette *pal = sitrep_basemap_palette_get (style);
  DrawCtx ctx;
  double to_units = exp2 (22.0 - zoom);
  double margin;
  double z = zoom;
  guint drawn = 0;
  const Level *level;

  g_return_val_if_fail (self != NULL, 0);

  level = &self->levels[sitrep_basemap_level_for_zoom (zoom)];
  ctx.cr = cr;
  ctx.level = level;
  ctx.zoom = zoom;
  ctx.scale = 1.0 / to_units;
  ctx.ux0 = x0 * to_units;
  ctx.uy0 = y0 * to_units;
  margin = 8.0 * to_units;   /* the widest stroke's half-width, and then some */
  ctx.view = (Box) { ctx.ux0 - margin, ctx.uy0 - margin,
                     ctx.ux0 + width * to_units + margin, ctx.uy0 + height * to_units + margin };
  ctx.width = width;
  ctx.height = height;
  ctx.scratch[0] = g_array_new (FALSE, FALSE, sizeof (double));
  ctx.scratch[1] = g_array_new (FALSE, FALSE, sizeof (double));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_rgb (cr, pal->water);
  cairo_paint (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Land, then Ukraine's oblasts over it, then lakes: fills. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_new_path (cr);
  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);

      if (f->layer == SITREP_BASEMAP_LAYER_LAND && path_feature (&ctx, f))
        drawn++;
    }
  set_rgb (cr, pal->land);
  cairo_fill (cr);

  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);

      if (f->layer != SITREP_BASEMAP_LAYER_OBLAST)
        continue;
      cairo_new_path (cr);
      if (!path_feature (&ctx, f))
        continue;
      drawn++;
      set_rgb (cr, pal->oblast[f->attr % 4]);
      cairo_fill (cr);
    }

  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);

      if (f->layer != SITREP_BASEMAP_LAYER_LAKE)
        continue;
      cairo_new_path (cr);
      if (!path_feature (&ctx, f))
        continue;
      drawn++;
      if (f->attr == 1)
        {
          /* The drained Kakhovka reservoir: its old bed, outlined in dashes. */
          static const double dash[] = { 3.0, 3.0 };

          set_rgb (cr, pal->drained);
          cairo_fill_preserve (cr);
          set_rgb (cr, pal->river);
          cairo_set_line_width (cr, z >= 8 ? 1.2 : 0.8);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          set_rgb (cr, pal->water);
          cairo_fill (cr);
        }
    }

  /* Oblast borders under the rivers. */
  cairo_new_path (cr);
  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);

      if (f->layer == SITREP_BASEMAP_LAYER_ADMIN1 && path_feature (&ctx, f))
        drawn++;
    }
  set_rgb (cr, pal->oblast_border);
  cairo_set_line_width (cr, CLAMP (0.5 + (z - 5.0) * 0.15, 0.5, 1.6));
  cairo_stroke (cr);

  /* Rivers: small ones first. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < level->features->len; i++)
      {
        const Feature *f = &g_array_index (level->features, Feature, i);

        if (pass == 0 && f->layer == SITREP_BASEMAP_LAYER_STREAM && stream_visible (f->attr, z))
          {
            cairo_new_path (cr);
            if (!path_feature (&ctx, f))
              continue;
            drawn++;
            set_rgb (cr, pal->river);
            cairo_set_line_width (cr, stream_width (f->attr, z));
            cairo_stroke (cr);
          }
        else if (pass == 1 && f->layer == SITREP_BASEMAP_LAYER_RIVER && river_visible (f->attr, z))
          {
            cairo_new_path (cr);
            if (!path_feature (&ctx, f))
              continue;
            drawn++;
            set_rgb (cr, pal->river);
            cairo_set_line_width (cr, river_width (f->attr, z));
            cairo_stroke (cr);
          }
      }

  /* State borders: a soft halo, then the line; dashed at sea. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < level->features->len; i++)
      {
        const Feature *f = &g_array_index (level->features, Feature, i);
        double w = CLAMP (1.1 + (z - 5.0) * 0.25, 1.1, 2.8);
        static const double dash[] = { 6.0, 4.0 };

        if (f->layer != SITREP_BASEMAP_LAYER_ADMIN0)
          continue;
        cairo_new_path (cr);
        if (!path_feature (&ctx, f))
          continue;
        if (pass == 0)
          {
            if (f->attr == 1)
              continue;
            drawn++;
            set_rgb (cr, pal->state_border_halo);
            cairo_set_line_width (cr, w * 3.0);
            cairo_stroke (cr);
          }
        else
          {
            set_rgb (cr, pal->state_border);
            cairo_set_line_width (cr, f->attr == 1 ? w * 0.7 : w);
            if (f->attr == 1)
              cairo_set_dash (cr, dash, 2, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
      }

  cairo_restore (cr);
  g_array_unref (ctx.scratch[0]);
  g_array_unref (ctx.scratch[1]);
  return drawn;
}

guint
sitrep_basemap_render_tile (SitrepBasemap      *self,
                            cairo_t            *cr,
                            int                 x,
                            int                 y,
                            int                 zoom,
                            int                 size,
                            SitrepBasemapStyle  style)
{
  guint drawn;

  cairo_save (cr);
  cairo_scale (cr, size / 256.0, size / 256.0);
  drawn = sitrep_basemap_draw (self, cr, zoom, x * 256.0, y * 256.0, 256.0, 256.0, style);
  cairo_restore (cr);
  return drawn;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
sitrep_basemap_render_tile_png (SitrepBasemap       *self,
                                int                  x,
                                int                  y,
                                int                  zoom,
                                int                  size,
                                SitrepBasemapStyle   style,
                                GError             **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_sized_new (32 * 1024);
  cairo_status_t status;

  sitrep_basemap_render_tile (self, cr, x, y, zoom, size, style);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, SITREP_BASEMAP_ERROR, SITREP_BASEMAP_ERROR_INVALID,
                   _("Could not encode basemap tile %d/%d/%d: %s"),
                   zoom, x, y, cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

static void
put_le32 (guint8  *p,
          guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

GBytes *
sitrep_basemap_render_tile_bmp (SitrepBasemap      *self,
                                int                 x,
                                int                 y,
                                int                 zoom,
                                int                 size,
                                SitrepBasemapStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  gsize row = (gsize) size * 3;                /* a multiple of 4 for sizes multiple of 4 */
  gsize len = 54 + row * size;
  guint8 *bmp = g_malloc0 (len);
  const guint8 *src;
  int stride;

  g_return_val_if_fail (size % 4 == 0, NULL);
  sitrep_basemap_render_tile (self, cr, x, y, zoom, size, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* BITMAPFILEHEADER + BITMAPINFOHEADER, 24 bits, bottom-up rows. */
  bmp[0] = 'B';
  bmp[1] = 'M';
  put_le32 (bmp + 2, len);
  put_le32 (bmp + 10, 54);
  put_le32 (bmp + 14, 40);
  put_le32 (bmp + 18, size);
  put_le32 (bmp + 22, size);
  bmp[26] = 1;
  bmp[28] = 24;
  put_le32 (bmp + 34, row * size);
  put_le32 (bmp + 38, 2835);
  put_le32 (bmp + 42, 2835);
  for (int j = 0; j < size; j++)
    {
      const guint8 *s = src + (gsize) (size - 1 - j) * stride;
      guint8 *d = bmp + 54 + (gsize) j * row;

      /* RGB24 is B, G, R, x in memory on little-endian, B, G, R in BMP. */
      for (int i = 0; i < size; i++)
        {
          guint32 px = ((const guint32 *) s)[i];

          d[3 * i] = px & 0xff;
          d[3 * i + 1] = (px >> 8) & 0xff;
          d[3 * i + 2] = (px >> 16) & 0xff;
        }
    }
  cairo_surface_destroy (surface);
  return g_bytes_new_take (bmp, len);
}

/* Geometry queries */

static gboolean
part_contains (const Level *level,
               const Part  *part,
               double       px,
               double       py)
{
  const gint32 *pts = &g_array_index (level->points, gint32, 2 * part->first_point);
  gboolean inside = FALSE;

  for (guint i = 0, j = part->n_points - 1; i < part->n_points; j = i++)
    {
      double xi = pts[2 * i], yi = pts[2 * i + 1];
      double xj = pts[2 * j], yj = pts[2 * j + 1];

      if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

gboolean
sitrep_basemap_in_ukraine (SitrepBasemap *self,
                           double         lat,
                           double         lon)
{
  const Level *level = &self->levels[SITREP_BASEMAP_N_LEVELS - 1];
  double px, py;

  sitrep_basemap_latlon_to_world (lat, lon, 22.0, &px, &py);
  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);
      gboolean inside = FALSE;

      if (f->layer != SITREP_BASEMAP_LAYER_OBLAST
          || px < f->box.x0 || px > f->box.x1 || py < f->box.y0 || py > f->box.y1)
        continue;
      /* Even-odd over the parts: holes count. */
      for (guint k = 0; k < f->n_parts; k++)
        if (part_contains (level, &g_array_index (level->parts, Part, f->first_part + k), px, py))
          inside = !inside;
      if (inside)
        return TRUE;
    }
  return FALSE;
}

double
sitrep_basemap_state_border_distance_km (SitrepBasemap *self,
                                         double         lat,
                                         double         lon)
{
  const Level *level = &self->levels[SITREP_BASEMAP_N_LEVELS - 1];
  double px, py;
  double best = G_MAXDOUBLE;
  double km_per_unit = EARTH_CIRCUMFERENCE_KM * cos (lat * G_PI / 180.0) / SITREP_BASEMAP_WORLD_UNITS;

  sitrep_basemap_latlon_to_world (lat, lon, 22.0, &px, &py);
  for (guint i = 0; i < level->features->len; i++)
    {
      const Feature *f = &g_array_index (level->features, Feature, i);

      if (f->layer != SITREP_BASEMAP_LAYER_ADMIN0)
        continue;
      for (guint k = 0; k < f->n_parts; k++)
        {
          const Part *part = &g_array_index (level->parts, Part, f->first_part + k);
          const gint32 *pts = &g_array_index (level->points, gint32, 2 * part->first_point);

          for (guint j = 0; j + 1 < part->n_points; j++)
            {
              double ax = pts[2 * j], ay = pts[2 * j + 1];
              double dx = pts[2 * j + 2] - ax, dy = pts[2 * j + 3] - ay;
              double d2 = dx * dx + dy * dy;
              double t = d2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / d2, 0.0, 1.0) : 0.0;
              double ex = ax + t * dx - px, ey = ay + t * dy - py;

              best = MIN (best, ex * ex + ey * ey);
            }
        }
    }
  return sqrt (best) * km_per_unit;
}
