/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-claim-card.c: one claim of an event: who said it, where, how hedged, in which words.
 *
 * Everything here comes from articles, so it is untrusted: every label is set with
 * gtk_label_set_text (), never as markup. */
#define G_LOG_DOMAIN "sitrep-claim-card"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-claim-card.h"
#include "sitrep-format.h"

struct _SitrepClaimCard
{
  GtkWidget parent_instance;

  SitrepClaim *claim;

  GtkLabel *outlet_label;
  GtkLabel *published_label;
  GtkLabel *hedging_badge;
  GtkLabel *speaker_label;
  GtkLabel *source_kind_label;
  GtkLabel *cues_label;
  GtkLabel *quote_label;
};

G_DEFINE_FINAL_TYPE (SitrepClaimCard, sitrep_claim_card, GTK_TYPE_WIDGET)

static void
set_text_or_hide (GtkLabel   *label,
                  const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text && *text);
}

static void
update (SitrepClaimCard *self)
{
  SitrepClaim *claim = self->claim;
  const char *outlet;
  g_autofree char *speaker = NULL;
  g_autofree char *source = NULL;
  g_autofree char *cues = NULL;
  g_autofree char *cues_line = NULL;
  g_autofree char *published = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *accessible = NULL;
  const char *hedging_word;
  static const char *hedging_classes[] = { "asserted", "attributed", "hedged", "disputed" };

  outlet = claim->outlet && *claim->outlet ? claim->outlet : _("Unknown outlet");
  gtk_label_set_text (self->outlet_label, outlet);

  if (claim->published > 0)
    published = sitrep_format_day (claim->published);
  set_text_or_hide (self->published_label, published);

  hedging_word = sitrep_hedging_label (claim->hedging);
  gtk_label_set_text (self->hedging_badge, hedging_word ? hedging_word : "");
  for (guint i = 0; i < G_N_ELEMENTS (hedging_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->hedging_badge), hedging_classes[i]);
  if ((guint) claim->hedging < G_N_ELEMENTS (hedging_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->hedging_badge),
                              hedging_classes[claim->hedging]);

  speaker = sitrep_format_speaker (claim);
  if (speaker == NULL)
    speaker = g_strdup (_("No named speaker"));
  gtk_label_set_text (self->speaker_label, speaker);

  /* TRANSLATORS: the kind of source of a claim: "Source: Military" */
  source = g_strdup_printf (_("Source: %s"), sitrep_source_kind_label (claim->source_kind));
  gtk_label_set_text (self->source_kind_label, source);

  cues = sitrep_format_cues ((const char * const *) claim->cues);
  if (cues)
    /* TRANSLATORS: the words that hedge a claim: "Cue words: “reportedly”" */
    cues_line = g_strdup_printf (_("Cue words: %s"), cues);
  set_text_or_hide (self->cues_label, cues_line);

  if (claim->quote && *claim->quote)
    /* TRANSLATORS: the quoted sentence of a claim */
    quote = g_strdup_printf (_("“%s”"), claim->quote);
  set_text_or_hide (self->quote_label, quote);

  /* TRANSLATORS: how a screen reader introduces a claim card: outlet, hedging */
  accessible = g_strdup_printf (_("Claim from %s, %s"), outlet, hedging_word ? hedging_word : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
sitrep_claim_card_dispose (GObject *object)
{
  SitrepClaimCard *self = SITREP_CLAIM_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_CLAIM_CARD);
  /* The template's top-level child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (sitrep_claim_card_parent_class)->dispose (object);
}

static void
sitrep_claim_card_class_init (SitrepClaimCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_claim_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-claim-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, outlet_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, published_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, hedging_badge);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, source_kind_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, cues_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, quote_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-claim-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_claim_card_init (SitrepClaimCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sitrep_claim_card_new (SitrepClaim *claim)
{
  SitrepClaimCard *self;

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  self = g_object_new (SITREP_TYPE_CLAIM_CARD, NULL);
  self->claim = g_object_ref (claim);
  update (self);
  return GTK_WIDGET (self);
}

SitrepClaim *
sitrep_claim_card_get_claim (SitrepClaimCard *self)
{
  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);
  return self->claim;
}
