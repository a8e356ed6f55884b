/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-claim-card.c: one claim of an event: who said it, where, how hedged, in which words.
 *
 * Everything here comes from articles, so it is untrusted: every label is set with
 * gtk_label_set_text (), never as markup; the cue words of the quote are emphasised with
 * a PangoAttrList on byte ranges, not with tags in the text. */
#define G_LOG_DOMAIN "sitrep-claim-card"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-claim-card.h"
#include "sitrep-document-view.h"
#include "sitrep-format.h"
#include "sitrep-rating-popover.h"

struct _SitrepClaimCard
{
  GtkWidget parent_instance;

  SitrepClaim *claim;
  char *read_only_reason;

  GtkLabel *outlet_label;
  GtkLabel *published_label;
  GtkBox *hedging_box;
  GtkImage *hedging_icon;
  GtkLabel *hedging_badge;
  GtkLabel *speaker_label;
  GtkImage *source_kind_icon;
  GtkLabel *source_kind_label;
  GtkLabel *cues_label;
  GtkLabel *quote_label;
  GtkBox *ratings_box;
  GtkButton *link_button;
  GtkMenuButton *rate_button;
};

G_DEFINE_FINAL_TYPE (SitrepClaimCard, sitrep_claim_card, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  SIGNAL_RATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *hedging_classes[] = { "asserted", "attributed", "hedged", "disputed" };
static const char *hedging_icons[] = {
  "emblem-ok-symbolic", "user-info-symbolic", "dialog-question-symbolic", "dialog-warning-symbolic",
};
static const char *source_kind_icons[] = {
  [SITREP_SOURCE_OFFICIAL] = "x-office-document-symbolic",
  [SITREP_SOURCE_MILITARY] = "emoji-flags-symbolic",
  [SITREP_SOURCE_EXPERT] = "user-info-symbolic",
  [SITREP_SOURCE_WITNESS] = "audio-input-microphone-symbolic",
  [SITREP_SOURCE_MEDIA] = "chat-message-new-symbolic",
  [SITREP_SOURCE_SATELLITE] = "camera-photo-symbolic",
  [SITREP_SOURCE_UNCONFIRMED] = "dialog-question-symbolic",
  [SITREP_SOURCE_ANONYMOUS] = "avatar-default-symbolic",
};

static void
set_text_or_hide (GtkLabel   *label,
                  const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text && *text);
}

static int
compare_guint_pairs (gconstpointer a,
                     gconstpointer b)
{
  const guint *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0;
}

GArray *
sitrep_claim_find_cues (const char         *quote,
                        const char * const *cues)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  GArray *merged;
  g_autofree char *lower = NULL;

  if (quote == NULL || cues == NULL)
    return pairs;

  /* ASCII case folding keeps every byte where it was. */
  lower = g_ascii_strdown (quote, -1);
  for (guint i = 0; cues[i]; i++)
    {
      g_autofree char *cue = g_ascii_strdown (cues[i], -1);
      gsize cue_len = strlen (cue);
      const char *at = lower;

      if (cue_len == 0)
        continue;
      while ((at = strstr (at, cue)))
        {
          guint pair[2] = { (guint) (at - lower), (guint) (at - lower + cue_len) };

          g_array_append_vals (pairs, pair, 1);
          at += cue_len;
        }
    }
  g_array_sort (pairs, compare_guint_pairs);

  merged = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  for (guint i = 0; i < pairs->len; i++)
    {
      guint *pair = &((guint *) pairs->data)[2 * i];
      guint *last = merged->len ? &((guint *) merged->data)[2 * (merged->len - 1)] : NULL;

      if (last && pair[0] <= last[1])
        last[1] = MAX (last[1], pair[1]);
      else
        g_array_append_vals (merged, pair, 1);
    }
  g_array_unref (pairs);
  return merged;
}

static void
update_quote (SitrepClaimCard *self)
{
  SitrepClaim *claim = self->claim;
  g_autofree char *quote = NULL;
  g_autoptr (PangoAttrList) attrs = NULL;
  g_autoptr (GArray) ranges = NULL;
  /* TRANSLATORS: the quoted sentence of a claim; keep the %s */
  const char *format = _("“%s”");
  const char *placeholder = strstr (format, "%s");
  guint offset;

  if (claim->quote == NULL || *claim->quote == '\0' || placeholder == NULL)
    {
      set_text_or_hide (self->quote_label, NULL);
      return;
    }

  /* The marks around %s, joined by hand: the quote itself is never a format. */
  offset = placeholder - format;
  {
    g_autofree char *open = g_strndup (format, offset);

    quote = g_strconcat (open, claim->quote, placeholder + 2, NULL);
  }
  attrs = pango_attr_list_new ();
  ranges = sitrep_claim_find_cues (claim->quote, (const char * const *) claim->cues);
  for (guint i = 0; i < ranges->len; i++)
    {
      guint *pair = &((guint *) ranges->data)[2 * i];
      PangoAttribute *attr;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = offset + pair[0];
      attr->end_index = offset + pair[1];
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = offset + pair[0];
      attr->end_index = offset + pair[1];
      pango_attr_list_insert (attrs, attr);
    }
  gtk_label_set_text (self->quote_label, quote);
  gtk_label_set_attributes (self->quote_label, attrs);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), TRUE);
}

/* The latest rating of each kind that applies to the claim, as small badges. */
static void
update_ratings (SitrepClaimCard *self)
{
  SitrepClaim *claim = self->claim;
  const SitrepRating *latest[3] = { NULL, NULL, NULL };
  static const char *kinds[] = { "outlet", "speaker", "claim" };
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ratings_box))))
    gtk_box_remove (self->ratings_box, child);

  for (guint i = 0; claim->ratings && i < claim->ratings->len; i++)
    {
      const SitrepRating *rating = g_ptr_array_index (claim->ratings, i);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_strcmp0 (rating->subject_kind, kinds[k]) == 0)
          latest[k] = rating;  /* loaded oldest first */
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const SitrepRating *rating = latest[k];
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;
      const char *meaning;
      GtkWidget *badge;

      if (rating == NULL)
        continue;
      if (k < 2 && rating->reliability)
        {
          meaning = sitrep_rating_reliability_label (rating->reliability);
          text = k == 0
                 /* TRANSLATORS: a badge: the outlet's reliability grade, "Outlet B" */
                 ? g_strdup_printf (_("Outlet %c"), rating->reliability)
                 /* TRANSLATORS: a badge: the speaker's reliability grade, "Speaker B" */
                 : g_strdup_printf (_("Speaker %c"), rating->reliability);
          /* TRANSLATORS: tooltip of a grade badge: who, grade, meaning */
          tooltip = g_strdup_printf (_("%s rated %c: %s"), rating->subject ? rating->subject : "",
                                     rating->reliability, meaning ? meaning : "");
        }
      else if (k == 2 && rating->credibility)
        {
          meaning = sitrep_rating_credibility_label (rating->credibility);
          /* TRANSLATORS: a badge: the claim's credibility grade, "Claim 3" */
          text = g_strdup_printf (_("Claim %d"), rating->credibility);
          /* TRANSLATORS: tooltip of a credibility badge: grade, meaning */
          tooltip = g_strdup_printf (_("Claim rated %d: %s"), rating->credibility,
                                     meaning ? meaning : "");
        }
      if (text == NULL)
        continue;
      if (rating->note && *rating->note)
        {
          char *with_note = g_strdup_printf ("%s\n%s", tooltip, rating->note);

          g_free (tooltip);
          tooltip = with_note;
        }
      badge = gtk_label_new (text);
      gtk_widget_add_css_class (badge, "rating-badge");
      gtk_widget_set_tooltip_text (badge, tooltip);
      gtk_box_append (self->ratings_box, badge);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ratings_box), any);
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
  g_autofree char *accessible = NULL;
  g_autofree char *description = NULL;
  const char *hedging_word;
  const char *source_word;
  gboolean web;

  outlet = claim->outlet && *claim->outlet ? claim->outlet : _("Unknown outlet");
  gtk_label_set_text (self->outlet_label, outlet);

  if (claim->published > 0)
    published = sitrep_format_day (claim->published);
  set_text_or_hide (self->published_label, published);

  hedging_word = sitrep_hedging_label (claim->hedging);
  if (hedging_word == NULL)
    hedging_word = "";
  gtk_label_set_text (self->hedging_badge, hedging_word);
  for (guint i = 0; i < G_N_ELEMENTS (hedging_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->hedging_box), hedging_classes[i]);
  if ((guint) claim->hedging < G_N_ELEMENTS (hedging_classes))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->hedging_box), hedging_classes[claim->hedging]);
      gtk_image_set_from_icon_name (self->hedging_icon, hedging_icons[claim->hedging]);
    }

  speaker = sitrep_format_speaker (claim);
  if (speaker == NULL)
    speaker = g_strdup (_("No named speaker"));
  gtk_label_set_text (self->speaker_label, speaker);

  source_word = sitrep_source_kind_label (claim->source_kind);
  if (source_word == NULL)
    source_word = "";
  /* TRANSLATORS: the kind of source of a claim: "Source: Military" */
  source = g_strdup_printf (_("Source: %s"), source_word);
  gtk_label_set_text (self->source_kind_label, source);
  if ((guint) claim->source_kind < G_N_ELEMENTS (source_kind_icons))
    gtk_image_set_from_icon_name (self->source_kind_icon, source_kind_icons[claim->source_kind]);

  cues = sitrep_format_cues ((const char * const *) claim->cues);
  if (cues)
    /* TRANSLATORS: the words that hedge a claim: "Cue words: “reportedly”" */
    cues_line = g_strdup_printf (_("Cue words: %s"), cues);
  set_text_or_hide (self->cues_label, cues_line);

  update_quote (self);
  update_ratings (self);

  web = sitrep_uri_is_web (claim->url);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), web);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.open-link", web);
  if (web)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), claim->url);

  /* TRANSLATORS: how a screen reader introduces a claim card: speaker, outlet,
   * kind of source, hedging; "Claim by Andrei Marocho · expert, in Kyiv Post, source:
   * Expert, Hedged" */
  accessible = g_strdup_printf (_("Claim by %s, in %s, source: %s, %s"),
                                speaker, outlet, source_word, hedging_word);
  description = g_strdup (_("Press Enter to read the article with the claim highlighted"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SitrepClaimCard *self = SITREP_CLAIM_CARD (widget);

  sitrep_show_web_uri (widget, self->claim->url);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SitrepClaimCard *self = SITREP_CLAIM_CARD (widget);
  SitrepClaim *claim = self->claim;
  const char *subject_kind, *letter, *note;
  int credibility;
  SitrepRating source = { 0 };
  SitrepRating credible = { 0 };
  gboolean rate_source, rate_claim;

  if (self->read_only_reason)
    return;
  g_variant_get (parameter, "(&s&si&s)", &subject_kind, &letter, &credibility, &note);

  rate_source = letter[0] >= 'A' && letter[0] <= 'F' && letter[1] == '\0';
  rate_claim = credibility >= 1 && credibility <= 6 && claim->id > 0;
  if (g_str_equal (subject_kind, "speaker") && !(claim->attributed_to && *claim->attributed_to))
    rate_source = FALSE;
  else if (!g_str_equal (subject_kind, "speaker") && !(claim->outlet && *claim->outlet))
    rate_source = FALSE;
  if (!rate_source && !rate_claim)
    return;

  if (rate_source)
    {
      source.subject_kind = g_str_equal (subject_kind, "speaker") ? (char *) "speaker" : (char *) "outlet";
      source.subject = g_str_equal (subject_kind, "speaker") ? claim->attributed_to : claim->outlet;
      source.reliability = letter[0];
      source.note = *note ? (char *) note : NULL;
    }
  if (rate_claim)
    {
      credible.subject_kind = (char *) "claim";
      credible.claim_id = claim->id;
      credible.credibility = credibility;
      credible.note = *note ? (char *) note : NULL;
    }
  /* The handler stores the rating and rebuilds the cards, this one among them. */
  g_object_ref (self);
  g_object_ref (claim);
  g_signal_emit (self, signals[SIGNAL_RATE], 0,
                 rate_source ? &source : NULL, rate_claim ? &credible : NULL);
  g_object_unref (claim);
  g_object_unref (self);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SitrepClaimCard *self)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* The buttons inside the card do their own thing. */
  if (target && (gtk_widget_get_ancestor (target, GTK_TYPE_BUTTON)
                 || gtk_widget_get_ancestor (target, GTK_TYPE_MENU_BUTTON)
                 || gtk_widget_get_ancestor (target, GTK_TYPE_POPOVER)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
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
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (sitrep_claim_card_parent_class)->dispose (object);
}

static void
sitrep_claim_card_class_init (SitrepClaimCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_claim_card_dispose;

  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_RATE] =
    g_signal_new ("rate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);

  gtk_widget_class_install_action (widget_class, "card.open-link", NULL, open_link_action);
  gtk_widget_class_install_action (widget_class, "card.rate", "(ssis)", rate_action);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-claim-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, outlet_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, published_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, hedging_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, hedging_icon);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, hedging_badge);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, source_kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, source_kind_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, cues_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, quote_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, ratings_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, link_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepClaimCard, rate_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-claim-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_claim_card_init (SitrepClaimCard *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
sitrep_claim_card_new (SitrepClaim *claim)
{
  SitrepClaimCard *self;

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  self = g_object_new (SITREP_TYPE_CLAIM_CARD, NULL);
  self->claim = g_object_ref (claim);
  gtk_menu_button_set_popover (self->rate_button, sitrep_rating_popover_new (claim));
  update (self);
  return GTK_WIDGET (self);
}

SitrepClaim *
sitrep_claim_card_get_claim (SitrepClaimCard *self)
{
  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);
  return self->claim;
}

void
sitrep_claim_card_set_read_only (SitrepClaimCard *self,
                                 const char      *reason)
{
  g_return_if_fail (SITREP_IS_CLAIM_CARD (self));

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rate_button), reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.rate", reason == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rate_button),
                               reason ? reason
                               : _("Grade this source’s reliability and the claim’s credibility"));
}

GtkLabel *
sitrep_claim_card_get_quote_label (SitrepClaimCard *self)
{
  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);
  return self->quote_label;
}

GtkLabel *
sitrep_claim_card_get_speaker_label (SitrepClaimCard *self)
{
  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);
  return self->speaker_label;
}

char *
sitrep_claim_card_dup_ratings_text (SitrepClaimCard *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->ratings_box)))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->ratings_box));
         child; child = gtk_widget_get_next_sibling (child))
      {
        if (s->len)
          g_string_append (s, " · ");
        g_string_append (s, gtk_label_get_text (GTK_LABEL (child)));
      }
  return g_string_free (s, FALSE);
}

GtkMenuButton *
sitrep_claim_card_get_rate_button (SitrepClaimCard *self)
{
  g_return_val_if_fail (SITREP_IS_CLAIM_CARD (self), NULL);
  return self->rate_button;
}
