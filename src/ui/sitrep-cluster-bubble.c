/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-cluster-bubble.c: how a map cluster looks: a disc sized by its count, the count on it. */
#define G_LOG_DOMAIN "sitrep-cluster-bubble"

#include "config.h"

#include <math.h>

#include "sitrep-cluster-bubble.h"

#define MAX_LAYOUTS 512

struct _SitrepClusterBubbles
{
  GtkWidget *widget;        /* not owned: the bubbles live inside it */
  GHashTable *layouts;      /* count -> PangoLayout */
};

SitrepClusterBubbles *
sitrep_cluster_bubbles_new (GtkWidget *widget)
{
  SitrepClusterBubbles *self = g_new0 (SitrepClusterBubbles, 1);

  self->widget = widget;
  self->layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  return self;
}

void
sitrep_cluster_bubbles_free (SitrepClusterBubbles *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->layouts);
  g_free (self);
}

double
sitrep_cluster_bubbles_radius (guint count)
{
  /* 10 px for two events, growing with the logarithm up to 22 px: neighbouring cells'
   * bubbles (56 px apart at least on average) rarely cover each other's counts. */
  return MIN (22.0, 9.0 + 4.0 * log10 (MAX (count, 2)));
}

static PangoLayout *
get_layout (SitrepClusterBubbles *self,
            guint                 count)
{
  PangoLayout *layout = g_hash_table_lookup (self->layouts, GUINT_TO_POINTER (count));
  g_autofree char *text = NULL;
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->layouts) >= MAX_LAYOUTS)
    g_hash_table_remove_all (self->layouts);
  if (count >= 100000)
    text = g_strdup_printf ("%uk", count / 1000);
  else if (count >= 10000)
    text = g_strdup_printf ("%.0fk", count / 1000.0);
  else
    text = g_strdup_printf ("%u", count);
  layout = gtk_widget_create_pango_layout (self->widget, text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_hash_table_insert (self->layouts, GUINT_TO_POINTER (count), layout);
  return layout;
}

void
sitrep_cluster_bubbles_append (SitrepClusterBubbles *self,
                               GtkSnapshot          *snapshot,
                               double                x,
                               double                y,
                               guint                 count,
                               const GdkRGBA        *color,
                               gboolean              highlighted,
                               float                 opacity)
{
  double r = sitrep_cluster_bubbles_radius (count);
  GskRoundedRect outer, inner;
  GdkRGBA halo = { 0, 0, 0, 0.45f }, white = { 1, 1, 1, 1 };
  GdkRGBA ring = { 0.21f, 0.52f, 0.89f, 1 };
  PangoLayout *layout = get_layout (self, count);
  int lw, lh;

  if (opacity < 1.0f)
    gtk_snapshot_push_opacity (snapshot, opacity);
  if (highlighted)
    {
      double rr = r + 4;

      gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT ((float) (x - rr), (float) (y - rr),
                                                                    (float) (2 * rr), (float) (2 * rr)),
                                       (float) rr);
      gtk_snapshot_push_rounded_clip (snapshot, &outer);
      gtk_snapshot_append_color (snapshot, &ring, &outer.bounds);
      gtk_snapshot_pop (snapshot);
    }
  /* Dark halo, white rim, coloured disc: readable on light and dark maps. */
  gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT ((float) (x - r - 1), (float) (y - r - 1),
                                                                (float) (2 * r + 2), (float) (2 * r + 2)),
                                   (float) (r + 1));
  gtk_snapshot_push_rounded_clip (snapshot, &outer);
  gtk_snapshot_append_color (snapshot, &halo, &outer.bounds);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT ((float) (x - r), (float) (y - r),
                                                                (float) (2 * r), (float) (2 * r)),
                                   (float) r);
  gtk_snapshot_push_rounded_clip (snapshot, &outer);
  gtk_snapshot_append_color (snapshot, &white, &outer.bounds);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_init_from_rect (&inner, &GRAPHENE_RECT_INIT ((float) (x - r + 2), (float) (y - r + 2),
                                                                (float) (2 * r - 4), (float) (2 * r - 4)),
                                   (float) (r - 2));
  gtk_snapshot_push_rounded_clip (snapshot, &inner);
  gtk_snapshot_append_color (snapshot, color, &inner.bounds);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_size (layout, &lw, &lh);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x - lw / 2.0), (float) (y - lh / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
  if (opacity < 1.0f)
    gtk_snapshot_pop (snapshot);
}
