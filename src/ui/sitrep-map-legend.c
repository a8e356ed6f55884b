/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-map-legend.c: what the map's symbols mean, drawn with the map's own symbols.
 *
 * Every symbol is drawn by the functions of sitrep-kind-style.c that draw the map, at the
 * same sizes and offsets, so that the legend cannot show something the map does not. */
#define G_LOG_DOMAIN "sitrep-map-legend"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-kind-style.h"
#include "sitrep-map-legend.h"

/* Logical size of a symbol's square; a halo (2 × SITREP_HALO_MIN_RADIUS) fits. */
#define SYMBOL_SIZE 40
/* Textures are drawn at twice the logical size: sharp on high-density screens too. */
#define SYMBOL_SCALE 2

struct _SitrepMapLegend
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *location_title;
  GtkLabel *claims_title;
  GtkLabel *kinds_title;
  GtkBox *location_box;
  GtkBox *claims_box;
  GtkBox *kinds_box;
};

G_DEFINE_FINAL_TYPE (SitrepMapLegend, sitrep_map_legend, GTK_TYPE_WIDGET)

static void
append_texture (GtkSnapshot *snapshot,
                GdkTexture  *texture,
                float        cx,
                float        cy,
                float        size)
{
  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (cx - size / 2.0f, cy - size / 2.0f, size, size));
}

/* One event's symbol as the map draws it, centred in a SYMBOL_SIZE square. */
static GdkPaintable *
make_symbol (SitrepEventKind    kind,
             SitrepGeoPrecision precision,
             gboolean           hollow,
             gboolean           disputed)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GdkTexture) texture = NULL;
  float c = SYMBOL_SIZE / 2.0f;
  int size = 0;
  float dx, dy;

  switch (precision)
    {
    case SITREP_GEO_PRECISION_REGION:
      /* Smaller than on the map (a region is ~60 km across there), same drawing. */
      sitrep_kind_style_append_region (snapshot, kind, c, c, c - 2.0f, FALSE, NULL);
      texture = sitrep_kind_style_render_region_mark (kind, hollow, FALSE, SYMBOL_SCALE, &size);
      break;
    case SITREP_GEO_PRECISION_NEAR:
      {
        g_autoptr (GdkTexture) halo = sitrep_kind_style_render_halo (kind, SYMBOL_SCALE);
        float r = SITREP_HALO_MIN_RADIUS;

        append_texture (snapshot, halo, c, c, 2 * r);
      }
      G_GNUC_FALLTHROUGH;
    case SITREP_GEO_PRECISION_SETTLEMENT:
    default:
      texture = sitrep_kind_style_render_pin (kind, hollow, FALSE, SYMBOL_SCALE, &size);
      break;
    }
  append_texture (snapshot, texture, c, c, size);

  if (disputed)
    {
      g_autoptr (GdkTexture) mark = sitrep_kind_style_render_disputed_mark (SYMBOL_SCALE, &size);

      sitrep_kind_style_disputed_mark_offset (precision == SITREP_GEO_PRECISION_REGION, FALSE,
                                              &dx, &dy);
      append_texture (snapshot, mark, c + dx, c + dy, size);
    }
  return gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot),
                                         &GRAPHENE_SIZE_INIT (SYMBOL_SIZE, SYMBOL_SIZE));
}

static void
add_entry (GtkBox       *box,
           GdkPaintable *symbol,
           const char   *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *picture = gtk_image_new_from_paintable (symbol);
  GtkWidget *label = gtk_label_new (text);

  /* The words say it all; the symbol is for the eye only. */
  gtk_image_set_pixel_size (GTK_IMAGE (picture), SYMBOL_SIZE);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (picture, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), picture);
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_add_css_class (row, "legend-entry");
  gtk_box_append (box, row);
  g_object_unref (symbol);
}

static void
sitrep_map_legend_dispose (GObject *object)
{
  SitrepMapLegend *self = SITREP_MAP_LEGEND (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_MAP_LEGEND);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sitrep_map_legend_parent_class)->dispose (object);
}

static void
sitrep_map_legend_class_init (SitrepMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_map_legend_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-map-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, scroller);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, location_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, claims_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, kinds_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, location_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, claims_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepMapLegend, kinds_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_map_legend_init (SitrepMapLegend *self)
{
  /* The symbols of the first two groups use one kind, so that only the shape differs. */
  const SitrepEventKind k = SITREP_KIND_SHELLING;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map Legend"),
                                  -1);

  add_entry (self->location_box, make_symbol (k, SITREP_GEO_PRECISION_SETTLEMENT, FALSE, FALSE),
             _("Pin: at a named town or village"));
  add_entry (self->location_box, make_symbol (k, SITREP_GEO_PRECISION_NEAR, FALSE, FALSE),
             _("Halo: near a town, within a few kilometres"));
  add_entry (self->location_box, make_symbol (k, SITREP_GEO_PRECISION_REGION, FALSE, FALSE),
             _("Dashed area: somewhere in a region, place unknown"));

  add_entry (self->claims_box, make_symbol (k, SITREP_GEO_PRECISION_SETTLEMENT, FALSE, FALSE),
             _("Filled: stated or attributed to a named source"));
  add_entry (self->claims_box, make_symbol (k, SITREP_GEO_PRECISION_SETTLEMENT, TRUE, FALSE),
             _("Hollow: hedged claims only (“reportedly”, “unconfirmed”)"));
  add_entry (self->claims_box, make_symbol (k, SITREP_GEO_PRECISION_SETTLEMENT, FALSE, TRUE),
             _("Red “!”: disputed, the reports contradict each other"));

  for (guint kind = 1; kind <= SITREP_N_KINDS; kind++)
    {
      /* Other last. */
      SitrepEventKind e = kind == SITREP_N_KINDS ? SITREP_KIND_OTHER : (SitrepEventKind) kind;

      add_entry (self->kinds_box, make_symbol (e, SITREP_GEO_PRECISION_SETTLEMENT, FALSE, FALSE),
                 sitrep_event_kind_label (e));
    }
}

GtkWidget *
sitrep_map_legend_new (void)
{
  return g_object_new (SITREP_TYPE_MAP_LEGEND, NULL);
}

static void
append_box_text (GString *out,
                 GtkBox  *box)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_widget_get_last_child (row);

      if (GTK_IS_LABEL (label))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
}

char *
sitrep_map_legend_dup_text (SitrepMapLegend *self)
{
  GString *out;

  g_return_val_if_fail (SITREP_IS_MAP_LEGEND (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s\n", gtk_label_get_text (self->location_title));
  append_box_text (out, self->location_box);
  g_string_append_printf (out, "%s\n", gtk_label_get_text (self->claims_title));
  append_box_text (out, self->claims_box);
  g_string_append_printf (out, "%s\n", gtk_label_get_text (self->kinds_title));
  append_box_text (out, self->kinds_box);
  return g_string_free (out, FALSE);
}
