/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-basemap-source.c: a ShumateDataSource that renders the offline basemap's tiles. */
#define G_LOG_DOMAIN "sitrep-basemap"

#include "config.h"

#include "sitrep-basemap-source.h"

/* Bytes of tiles kept: ~340 tiles of 256 px, ~85 of 512 px (a 1920 × 1200 window at
 * scale 2 shows ~60). */
#define CACHE_BYTES (64u << 20)

struct _SitrepBasemapSource
{
  ShumateDataSource parent_instance;

  SitrepBasemapStyle style;
  int scale;

  /* LRU: key "style/scale/z/x/y" → GBytes, and the keys, most recent first. */
  GHashTable *cache;
  GQueue lru;
  gsize cached_bytes;
  guint n_cached;
  guint n_rendered;
};

G_DEFINE_FINAL_TYPE (SitrepBasemapSource, sitrep_basemap_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_STYLE,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x, y, zoom, size;
  SitrepBasemapStyle style;
  char *key;
} TileRequest;

static void
tile_request_free (TileRequest *req)
{
  g_free (req->key);
  g_free (req);
}

static char *
cache_key (SitrepBasemapStyle style,
           int                scale,
           int                zoom,
           int                x,
           int                y)
{
  return g_strdup_printf ("%d/%d/%d/%d/%d", style, scale, zoom, x, y);
}

static GBytes *
cache_lookup (SitrepBasemapSource *self,
              const char          *key)
{
  GBytes *bytes = g_hash_table_lookup (self->cache, key);
  GList *link;

  if (bytes == NULL)
    return NULL;
  /* Move to the front. */
  link = g_queue_find_custom (&self->lru, key, (GCompareFunc) g_strcmp0);
  if (link != NULL)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
    }
  return g_bytes_ref (bytes);
}

static void
cache_insert (SitrepBasemapSource *self,
              const char          *key,
              GBytes              *bytes)
{
  char *k;

  if (g_hash_table_contains (self->cache, key))
    return;
  k = g_strdup (key);
  g_hash_table_insert (self->cache, k, g_bytes_ref (bytes));
  g_queue_push_head (&self->lru, k);
  self->cached_bytes += g_bytes_get_size (bytes);
  while (self->cached_bytes > CACHE_BYTES && self->lru.length > 1)
    {
      char *old = g_queue_pop_tail (&self->lru);

      self->cached_bytes -= g_bytes_get_size (g_hash_table_lookup (self->cache, old));
      g_hash_table_remove (self->cache, old);   /* frees old */
    }
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TileRequest *req = task_data;
  GError *error = NULL;
  SitrepBasemap *basemap;

  if (g_task_return_error_if_cancelled (task))
    return;
  basemap = sitrep_basemap_get_default (&error);
  if (basemap == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* BMP, not PNG: libshumate 1.0 decodes tiles on the main thread, and a BMP decodes in
   * a fifth of a PNG's time (and encodes in a twentieth). */
  g_task_return_pointer (task,
                         sitrep_basemap_render_tile_bmp (basemap, req->x, req->y, req->zoom,
                                                         req->size, req->style),
                         (GDestroyNotify) g_bytes_unref);
}

static void
deliver (GTask  *outer,
         GBytes *bytes)
{
  SitrepBasemapSource *self = g_task_get_source_object (outer);
  TileRequest *req = g_task_get_task_data (outer);

  /* libshumate 1.0.3's raster renderer takes the tile from this signal: emit it before
   * completing, or the tile is never drawn. */
  g_signal_emit_by_name (self, "received-data", req->x, req->y, req->zoom, bytes);
  g_task_return_pointer (outer, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  SitrepBasemapSource *self = SITREP_BASEMAP_SOURCE (source);
  TileRequest *req = g_task_get_task_data (outer);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  self->n_rendered++;
  /* A tile of a style no longer shown is not cached. */
  if (req->style == self->style)
    cache_insert (self, req->key, bytes);
  deliver (outer, bytes);
}

static void
sitrep_basemap_source_get_tile_data_async (ShumateDataSource   *source,
                                           int                  x,
                                           int                  y,
                                           int                  zoom,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  SitrepBasemapSource *self = SITREP_BASEMAP_SOURCE (source);
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GBytes) cached = NULL;
  TileRequest *req = g_new0 (TileRequest, 1);

  g_task_set_source_tag (outer, sitrep_basemap_source_get_tile_data_async);
  req->x = x;
  req->y = y;
  req->zoom = zoom;
  req->style = self->style;
  req->size = 256 * self->scale;
  req->key = cache_key (self->style, self->scale, zoom, x, y);
  g_task_set_task_data (outer, req, (GDestroyNotify) tile_request_free);

  cached = cache_lookup (self, req->key);
  if (cached != NULL)
    {
      self->n_cached++;
      deliver (outer, cached);
      return;
    }

  inner = g_task_new (self, cancellable, render_done, g_object_ref (outer));
  g_task_set_source_tag (inner, sitrep_basemap_source_get_tile_data_async);
  g_task_set_task_data (inner, req, NULL);   /* owned by outer, which outlives inner */
  g_task_run_in_thread (inner, render_thread);
}

static GBytes *
sitrep_basemap_source_get_tile_data_finish (ShumateDataSource  *source,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sitrep_basemap_source_finalize (GObject *object)
{
  SitrepBasemapSource *self = SITREP_BASEMAP_SOURCE (object);

  g_queue_clear (&self->lru);   /* the keys belong to the hash table */
  g_clear_pointer (&self->cache, g_hash_table_unref);
  G_OBJECT_CLASS (sitrep_basemap_source_parent_class)->finalize (object);
}

static void
sitrep_basemap_source_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SitrepBasemapSource *self = SITREP_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_int (value, self->style);
      break;
    case PROP_SCALE:
      g_value_set_int (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_basemap_source_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SitrepBasemapSource *self = SITREP_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      sitrep_basemap_source_set_style (self, g_value_get_int (value));
      break;
    case PROP_SCALE:
      sitrep_basemap_source_set_scale (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_basemap_source_class_init (SitrepBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sitrep_basemap_source_finalize;
  object_class->get_property = sitrep_basemap_source_get_property;
  object_class->set_property = sitrep_basemap_source_set_property;
  source_class->get_tile_data_async = sitrep_basemap_source_get_tile_data_async;
  source_class->get_tile_data_finish = sitrep_basemap_source_get_tile_data_finish;

  properties[PROP_STYLE] =
    g_param_spec_int ("style", NULL, NULL, SITREP_BASEMAP_STYLE_LIGHT, SITREP_BASEMAP_STYLE_DARK,
                      SITREP_BASEMAP_STYLE_LIGHT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCALE] =
    g_param_spec_int ("scale", NULL, NULL, 1, 4, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitrep_basemap_source_init (SitrepBasemapSource *self)
{
  self->scale = 1;
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_queue_init (&self->lru);
}

SitrepBasemapSource *
sitrep_basemap_source_new (void)
{
  return g_object_new (SITREP_TYPE_BASEMAP_SOURCE, NULL);
}

SitrepBasemapStyle
sitrep_basemap_source_get_style (SitrepBasemapSource *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_SOURCE (self), SITREP_BASEMAP_STYLE_LIGHT);
  return self->style;
}

static void
cache_clear (SitrepBasemapSource *self)
{
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->cache);
  self->cached_bytes = 0;
}

void
sitrep_basemap_source_set_style (SitrepBasemapSource *self,
                                 SitrepBasemapStyle   style)
{
  g_return_if_fail (SITREP_IS_BASEMAP_SOURCE (self));
  if (self->style == style)
    return;
  self->style = style;
  cache_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

int
sitrep_basemap_source_get_scale (SitrepBasemapSource *self)
{
  g_return_val_if_fail (SITREP_IS_BASEMAP_SOURCE (self), 1);
  return self->scale;
}

void
sitrep_basemap_source_set_scale (SitrepBasemapSource *self,
                                 int                  scale)
{
  g_return_if_fail (SITREP_IS_BASEMAP_SOURCE (self));
  scale = CLAMP (scale, 1, 4);
  if (self->scale == scale)
    return;
  self->scale = scale;
  cache_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

guint
sitrep_basemap_source_get_n_cached (SitrepBasemapSource *self)
{
  return self->n_cached;
}

guint
sitrep_basemap_source_get_n_rendered (SitrepBasemapSource *self)
{
  return self->n_rendered;
}
