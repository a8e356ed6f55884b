/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-filter-popover.c: the popover that edits a SitrepFilter. */
#define G_LOG_DOMAIN "sitrep-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-filter-popover.h"

struct _SitrepFilterPopover
{
  GtkPopover parent_instance;

  GtkSearchEntry *search_entry;
  GtkFlowBox *kinds_box;
  GtkFlowBox *hedgings_box;
  GtkFlowBox *sources_box;
  GtkEntry *side_entry;
  GtkDropDown *reliability_dropdown;
  GtkSwitch *ungraded_switch;
  GtkButton *reset_button;

  SitrepFilter *filter;
  GPtrArray *kind_checks;
  GPtrArray *hedging_checks;
  GPtrArray *source_checks;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SitrepFilterPopover, sitrep_filter_popover, GTK_TYPE_POPOVER)

enum
{
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
checks_to_mask (GPtrArray *checks)
{
  guint mask = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      mask |= 1u << i;
  return mask;
}

static void
mask_to_checks (GPtrArray *checks,
                guint      mask)
{
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), (mask >> i) & 1);
}

/* The dropdown's rows: 0 any grade, then A, A–B, … A–E (row k keeps grades up to 'A' + k - 1). */
static guint
grade_to_row (char grade)
{
  return grade >= 'A' && grade <= 'E' ? (guint) (grade - 'A') + 1 : 0;
}

static char
row_to_grade (guint row)
{
  return row >= 1 && row <= 5 ? (char) ('A' + row - 1) : 0;
}

/* Filter -> widgets. */
static void
sync_from_filter (SitrepFilterPopover *self)
{
  if (self->filter == NULL)
    return;
  self->syncing = TRUE;
  mask_to_checks (self->kind_checks, sitrep_filter_get_kinds (self->filter));
  mask_to_checks (self->hedging_checks, sitrep_filter_get_hedgings (self->filter));
  mask_to_checks (self->source_checks, sitrep_filter_get_source_kinds (self->filter));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), sitrep_filter_get_text (self->filter)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), sitrep_filter_get_text (self->filter));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->side_entry)), sitrep_filter_get_side (self->filter)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->side_entry), sitrep_filter_get_side (self->filter));
  if (gtk_drop_down_get_selected (self->reliability_dropdown)
      != grade_to_row (sitrep_filter_get_min_reliability (self->filter)))
    gtk_drop_down_set_selected (self->reliability_dropdown,
                                grade_to_row (sitrep_filter_get_min_reliability (self->filter)));
  if (gtk_switch_get_active (self->ungraded_switch)
      != sitrep_filter_get_include_ungraded (self->filter))
    gtk_switch_set_active (self->ungraded_switch,
                           sitrep_filter_get_include_ungraded (self->filter));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), !sitrep_filter_is_empty (self->filter));
  self->syncing = FALSE;
}

/* Widgets -> filter. */
static void
on_check_toggled (SitrepFilterPopover *self)
{
  if (self->syncing || self->filter == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (self->filter));
  sitrep_filter_set_kinds (self->filter, checks_to_mask (self->kind_checks));
  sitrep_filter_set_hedgings (self->filter, checks_to_mask (self->hedging_checks));
  sitrep_filter_set_source_kinds (self->filter, checks_to_mask (self->source_checks));
  g_object_thaw_notify (G_OBJECT (self->filter));
}

static void
on_search_changed (SitrepFilterPopover *self)
{
  if (!self->syncing && self->filter != NULL)
    sitrep_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_side_activate (SitrepFilterPopover *self)
{
  if (!self->syncing && self->filter != NULL)
    sitrep_filter_set_side (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->side_entry)));
}

static void
on_reliability_selected (SitrepFilterPopover *self)
{
  if (!self->syncing && self->filter != NULL)
    sitrep_filter_set_min_reliability (self->filter,
                                       row_to_grade (gtk_drop_down_get_selected (self->reliability_dropdown)));
}

static void
on_ungraded_active (SitrepFilterPopover *self)
{
  if (!self->syncing && self->filter != NULL)
    sitrep_filter_set_include_ungraded (self->filter, gtk_switch_get_active (self->ungraded_switch));
}

static void
on_reset_clicked (SitrepFilterPopover *self)
{
  if (self->filter == NULL)
    return;
  sitrep_filter_set_kinds (self->filter, SITREP_FILTER_ALL_KINDS);
  sitrep_filter_set_hedgings (self->filter, SITREP_FILTER_ALL_HEDGINGS);
  sitrep_filter_set_source_kinds (self->filter, SITREP_FILTER_ALL_SOURCE_KINDS);
  sitrep_filter_set_side (self->filter, "");
  sitrep_filter_set_text (self->filter, "");
  sitrep_filter_set_min_reliability (self->filter, 0);
  sitrep_filter_set_include_ungraded (self->filter, TRUE);
}

static void
add_checks (SitrepFilterPopover *self,
            GtkFlowBox          *box,
            GPtrArray           *checks,
            guint                n,
            const char        *(*label) (int code))
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (label ((int) i));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_flow_box_append (box, check);
      g_ptr_array_add (checks, check);
    }
}

static const char *
kind_label (int code)
{
  return sitrep_event_kind_label ((SitrepEventKind) code);
}

static const char *
hedging_label (int code)
{
  return sitrep_hedging_label ((SitrepHedging) code);
}

static const char *
source_label (int code)
{
  return sitrep_source_kind_label ((SitrepSourceKind) code);
}

SitrepFilter *
sitrep_filter_popover_get_filter (SitrepFilterPopover *self)
{
  g_return_val_if_fail (SITREP_IS_FILTER_POPOVER (self), NULL);
  return self->filter;
}

static void
set_filter (SitrepFilterPopover *self,
            SitrepFilter        *filter)
{
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (sync_from_filter), self);
  sync_from_filter (self);
}

static void
sitrep_filter_popover_dispose (GObject *object)
{
  SitrepFilterPopover *self = SITREP_FILTER_POPOVER (object);

  set_filter (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_FILTER_POPOVER);
  G_OBJECT_CLASS (sitrep_filter_popover_parent_class)->dispose (object);
}

static void
sitrep_filter_popover_finalize (GObject *object)
{
  SitrepFilterPopover *self = SITREP_FILTER_POPOVER (object);

  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_pointer (&self->hedging_checks, g_ptr_array_unref);
  g_clear_pointer (&self->source_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (sitrep_filter_popover_parent_class)->finalize (object);
}

static void
sitrep_filter_popover_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SitrepFilterPopover *self = SITREP_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_filter_popover_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SitrepFilterPopover *self = SITREP_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_filter_popover_class_init (SitrepFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_filter_popover_dispose;
  object_class->finalize = sitrep_filter_popover_finalize;
  object_class->get_property = sitrep_filter_popover_get_property;
  object_class->set_property = sitrep_filter_popover_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, SITREP_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitrep/Sitrep/sitrep-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, hedgings_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, sources_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, side_entry);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, reset_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, reliability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SitrepFilterPopover, ungraded_switch);
}

static void
sitrep_filter_popover_init (SitrepFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind_checks = g_ptr_array_new ();
  self->hedging_checks = g_ptr_array_new ();
  self->source_checks = g_ptr_array_new ();
  add_checks (self, self->kinds_box, self->kind_checks, SITREP_N_KINDS, kind_label);
  add_checks (self, self->hedgings_box, self->hedging_checks, SITREP_N_HEDGINGS, hedging_label);
  add_checks (self, self->sources_box, self->source_checks, SITREP_N_SOURCE_KINDS, source_label);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->side_entry, "activate", G_CALLBACK (on_side_activate), self);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked), self);
  g_signal_connect_swapped (self->reliability_dropdown, "notify::selected",
                            G_CALLBACK (on_reliability_selected), self);
  g_signal_connect_swapped (self->ungraded_switch, "notify::active",
                            G_CALLBACK (on_ungraded_active), self);
}

GtkWidget *
sitrep_filter_popover_new (SitrepFilter *filter)
{
  return g_object_new (SITREP_TYPE_FILTER_POPOVER, "filter", filter, NULL);
}
