/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar.c: the selected event: what, when, where, and one card per claim.
 *
 * A thin widget over a SitrepEvent: it keeps no state but the event, and rebuilds its
 * labels from it.  All article text goes through gtk_label_set_text (), never markup. */
#define G_LOG_DOMAIN "sitrep-event-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitrep-claim-card.h"
#include "sitrep-event-sidebar-private.h"
#include "sitrep-format.h"
#include "sitrep-kind-style.h"

struct _SitrepEventSidebar
{
  GtkWidget parent_instance;

  SitrepEvent *event;

  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkImage *kind_icon;
  GtkLabel *kind_label;
  GtkLabel *status_label;
  GtkLabel *summary_label;
  GtkLabel *dates_title;
  GtkLabel *dates_label;
  GtkLabel *place_title;
  GtkLabel *place_label;
  GtkLabel *target_title;
  GtkLabel *target_label;
  GtkLabel *weapons_title;
  GtkLabel *weapons_label;
  GtkLabel *figures_title;
  GtkLabel *figures_label;
  GtkLabel *claims_heading;
  GtkBox *claims_box;
};

G_DEFINE_FINAL_TYPE (SitrepEventSidebar, sitrep_event_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row (GtkLabel   *title,
         GtkLabel   *value,
         const char *text)
{
  gboolean visible = text && *text;

  gtk_label_set_text (value, visible ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (title), visible);
  gtk_widget_set_visible (GTK_WIDGET (value), visible);
}

static void
clear_claims (SitrepEventSidebar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_box))))
    gtk_box_remove (self->claims_box, child);
}

static char *
join_weapons (SitrepEvent *event)
{
  if (event->weapons == NULL || event->weapons->len == 0)
    return NULL;
  g_ptr_array_add (event->weapons, NULL);
  {
    char *joined = g_strjoinv (", ", (char **) event->weapons->pdata);

    g_ptr_array_remove_index (event->weapons, event->weapons->len - 1);
    return joined;
  }
}

static char *
join_figures (SitrepEvent *event)
{
  GString *s;

  if (event->figures == NULL || event->figures->len == 0)
    return NULL;

  s = g_string_new (NULL);
  for (guint i = 0; i < event->figures->len; i++)
    {
      const SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      g_autofree char *text = sitrep_format_figure (figure);

      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, text);
      /* Say whose figure it is: conflicting figures differ by claimant. */
      if (figure->claim_index >= 0 && event->claims
          && (guint) figure->claim_index < event->claims->len)
        {
          SitrepClaim *claim = g_ptr_array_index (event->claims, figure->claim_index);
          const char *who = claim->attributed_to && *claim->attributed_to
                            ? claim->attributed_to : claim->outlet;

          if (who && *who)
            /* TRANSLATORS: who gave a figure: " (according to TASS)" */
            g_string_append_printf (s, _(" (according to %s)"), who);
        }
    }
  return g_string_free (s, FALSE);
}

static char *
status_text (SitrepEvent *event)
{
  guint n_claims = event->claims ? event->claims->len : 0;
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append (s, sitrep_hedging_label (event->hedging));
  if (event->disputed)
    {
      g_string_append (s, " · ");
      /* TRANSLATORS: the claims of an event conflict */
      g_string_append (s, _("claims conflict"));
    }
  g_string_append (s, " · ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims),
                          n_claims);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
update (SitrepEventSidebar *self)
{
  SitrepEvent *event = self->event;
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;
  g_autofree char *weapons = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *status = NULL;
  g_autofree char *heading = NULL;
  g_autoptr (GdkTexture) icon = NULL;
  guint n_claims;

  clear_claims (self);

  if (event == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->kind_label, sitrep_event_kind_label (event->kind));
  icon = sitrep_kind_style_render_pin (event->kind, event->hedging >= SITREP_HEDGING_HEDGED,
                                       FALSE, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                       NULL);
  gtk_image_set_from_paintable (self->kind_icon, GDK_PAINTABLE (icon));
  gtk_image_set_pixel_size (self->kind_icon, (int) (2 * SITREP_PIN_RADIUS + 5));

  status = status_text (event);
  gtk_label_set_text (self->status_label, status);

  gtk_label_set_text (self->summary_label, event->summary ? event->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), event->summary && *event->summary);

  dates = sitrep_format_event_dates (event);
  set_row (self->dates_title, self->dates_label, dates);
  place = sitrep_format_event_place (event);
  set_row (self->place_title, self->place_label, place);
  set_row (self->target_title, self->target_label, event->target);
  weapons = join_weapons (event);
  set_row (self->weapons_title, self->weapons_label, weapons);
  figures = join_figures (event);
  set_row (self->figures_title, self->figures_label, figures);

  n_claims = event->claims ? event->claims->len : 0;
  if (n_claims == 0)
    heading = g_strdup (_("No claims"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", n_claims),
                               n_claims);
  gtk_label_set_text (self->claims_heading, heading);

  for (guint i = 0; i < n_claims; i++)
    gtk_box_append (self->claims_box,
                    sitrep_claim_card_new (g_ptr_array_index (event->claims, i)));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

static void
sitrep_event_sidebar_dispose (GObject *object)
{
  SitrepEventSidebar *self = SITREP_EVENT_SIDEBAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_EVENT_SIDEBAR);
  /* The template's top-level child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (sitrep_event_sidebar_parent_class)->dispose (object);
}

static void
sitrep_event_sidebar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SitrepEventSidebar *self = SITREP_EVENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_event_sidebar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SitrepEventSidebar *self = SITREP_EVENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      sitrep_event_sidebar_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitrep_event_sidebar_class_init (SitrepEventSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_event_sidebar_dispose;
  object_class->get_property = sitrep_event_sidebar_get_property;
  object_class->set_property = sitrep_event_sidebar_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         SITREP_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-event-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, dates_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, dates_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, place_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, place_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, target_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, target_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, weapons_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, weapons_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, figures_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, figures_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, claims_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-event-sidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_event_sidebar_init (SitrepEventSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Selected event"),
                                  -1);
}

GtkWidget *
sitrep_event_sidebar_new (void)
{
  return g_object_new (SITREP_TYPE_EVENT_SIDEBAR, NULL);
}

SitrepEvent *
sitrep_event_sidebar_get_event (SitrepEventSidebar *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);
  return self->event;
}

void
sitrep_event_sidebar_set_event (SitrepEventSidebar *self,
                                SitrepEvent        *event)
{
  g_return_if_fail (SITREP_IS_EVENT_SIDEBAR (self));
  g_return_if_fail (event == NULL || SITREP_IS_EVENT (event));

  if (self->event == event)
    return;
  g_set_object (&self->event, event);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

const char *
sitrep_event_sidebar_get_field_text (SitrepEventSidebar *self,
                                     const char         *field)
{
  static const struct
  {
    const char *name;
    gsize offset;
  } fields[] = {
    { "kind", G_STRUCT_OFFSET (SitrepEventSidebar, kind_label) },
    { "status", G_STRUCT_OFFSET (SitrepEventSidebar, status_label) },
    { "summary", G_STRUCT_OFFSET (SitrepEventSidebar, summary_label) },
    { "dates", G_STRUCT_OFFSET (SitrepEventSidebar, dates_label) },
    { "place", G_STRUCT_OFFSET (SitrepEventSidebar, place_label) },
    { "target", G_STRUCT_OFFSET (SitrepEventSidebar, target_label) },
    { "weapons", G_STRUCT_OFFSET (SitrepEventSidebar, weapons_label) },
    { "figures", G_STRUCT_OFFSET (SitrepEventSidebar, figures_label) },
    { "claims-heading", G_STRUCT_OFFSET (SitrepEventSidebar, claims_heading) },
  };

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      {
        GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, fields[i].offset);

        return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : "";
      }
  return NULL;
}

GList *
sitrep_event_sidebar_get_claim_cards (SitrepEventSidebar *self)
{
  GList *cards = NULL;

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->claims_box));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    cards = g_list_prepend (cards, child);
  return cards;
}

gboolean
sitrep_event_sidebar_is_empty (SitrepEventSidebar *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
