/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-rating-popover.c: grade a claim's source (Admiralty A–F) and credibility (1–6).
 *
 * The NATO Admiralty code: a source's reliability A (completely reliable) to E
 * (unreliable), F when it cannot be judged; a piece of information's credibility 1
 * (confirmed) to 5 (improbable), 6 when it cannot be judged.  The popover only collects
 * the grades: its card stores them (action "card.rate"). */
#define G_LOG_DOMAIN "sitrep-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-rating-popover.h"

struct _SitrepRatingPopover
{
  GtkPopover parent_instance;

  SitrepClaim *claim;
  GtkDropDown *subject_dropdown;
  GtkDropDown *reliability_dropdown;
  GtkDropDown *credibility_dropdown;
  GtkEntry *note_entry;
  GtkButton *save_button;
};

G_DEFINE_FINAL_TYPE (SitrepRatingPopover, sitrep_rating_popover, GTK_TYPE_POPOVER)

const char *
sitrep_rating_reliability_label (char reliability)
{
  switch (reliability)
    {
    case 'A': return _("Completely reliable");
    case 'B': return _("Usually reliable");
    case 'C': return _("Fairly reliable");
    case 'D': return _("Not usually reliable");
    case 'E': return _("Unreliable");
    case 'F': return _("Reliability cannot be judged");
    default: return NULL;
    }
}

const char *
sitrep_rating_credibility_label (int credibility)
{
  switch (credibility)
    {
    case 1: return _("Confirmed");
    case 2: return _("Probably true");
    case 3: return _("Possibly true");
    case 4: return _("Doubtful");
    case 5: return _("Improbable");
    case 6: return _("Truth cannot be judged");
    default: return NULL;
    }
}

static void
update_save_sensitivity (SitrepRatingPopover *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            gtk_drop_down_get_selected (self->reliability_dropdown) > 0
                            || gtk_drop_down_get_selected (self->credibility_dropdown) > 0);
}

static void
on_save_clicked (SitrepRatingPopover *self)
{
  guint subject = gtk_drop_down_get_selected (self->subject_dropdown);
  guint reliability = gtk_drop_down_get_selected (self->reliability_dropdown);
  guint credibility = gtk_drop_down_get_selected (self->credibility_dropdown);
  char letter[2] = { 0, 0 };
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_autoptr (GtkWidget) parent = NULL;

  if (reliability == 0 && credibility == 0)
    return;
  if (reliability > 0)
    letter[0] = (char) ('A' + reliability - 1);

  /* Storing the rating rebuilds the cards, this popover's card among them: finish with
   * ourselves first, and keep the button alive while its card handles the action. */
  gtk_drop_down_set_selected (self->reliability_dropdown, 0);
  gtk_drop_down_set_selected (self->credibility_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_popover_popdown (GTK_POPOVER (self));
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent == NULL)
    return;
  g_object_ref (parent);
  /* The action lives on the card, an ancestor of the button the popover hangs from. */
  gtk_widget_activate_action (parent, "card.rate", "(ssis)",
                              subject == 1 ? "speaker" : "outlet", letter,
                              (int) credibility, note);
}

void
sitrep_rating_popover_set_grades (SitrepRatingPopover *self,
                                  gboolean             speaker,
                                  char                 reliability,
                                  int                  credibility,
                                  const char          *note)
{
  g_return_if_fail (SITREP_IS_RATING_POPOVER (self));

  gtk_drop_down_set_selected (self->subject_dropdown, speaker ? 1 : 0);
  gtk_drop_down_set_selected (self->reliability_dropdown,
                              reliability >= 'A' && reliability <= 'F' ? (guint) (reliability - 'A' + 1) : 0);
  gtk_drop_down_set_selected (self->credibility_dropdown,
                              credibility >= 1 && credibility <= 6 ? (guint) credibility : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
}

GtkButton *
sitrep_rating_popover_get_save_button (SitrepRatingPopover *self)
{
  g_return_val_if_fail (SITREP_IS_RATING_POPOVER (self), NULL);
  return self->save_button;
}

static GtkWidget *
row_label (const char *text,
           GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

static void
sitrep_rating_popover_dispose (GObject *object)
{
  SitrepRatingPopover *self = SITREP_RATING_POPOVER (object);

  g_clear_object (&self->claim);
  G_OBJECT_CLASS (sitrep_rating_popover_parent_class)->dispose (object);
}

static void
sitrep_rating_popover_class_init (SitrepRatingPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sitrep_rating_popover_dispose;
}

static void
sitrep_rating_popover_init (SitrepRatingPopover *self)
{
}

GtkWidget *
sitrep_rating_popover_new (SitrepClaim *claim)
{
  SitrepRatingPopover *self;
  GtkWidget *grid, *heading;
  g_autoptr (GtkStringList) subjects = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) credibilities = gtk_string_list_new (NULL);
  const char *outlet;
  g_autofree char *outlet_item = NULL;

  g_return_val_if_fail (SITREP_IS_CLAIM (claim), NULL);

  self = g_object_new (SITREP_TYPE_RATING_POPOVER, NULL);
  self->claim = g_object_ref (claim);

  outlet = claim->outlet && *claim->outlet ? claim->outlet : _("Unknown outlet");
  /* TRANSLATORS: what is graded: the outlet, by name */
  outlet_item = g_strdup_printf (_("Outlet: %s"), outlet);
  gtk_string_list_append (subjects, outlet_item);
  if (claim->attributed_to && *claim->attributed_to)
    {
      /* TRANSLATORS: what is graded: the speaker, by name */
      g_autofree char *speaker_item = g_strdup_printf (_("Speaker: %s"), claim->attributed_to);

      gtk_string_list_append (subjects, speaker_item);
    }

  /* TRANSLATORS: no grade chosen in a drop-down */
  gtk_string_list_append (grades, _("Not graded"));
  for (char c = 'A'; c <= 'F'; c++)
    {
      /* TRANSLATORS: a reliability grade and its meaning: "B – Usually reliable" */
      g_autofree char *item = g_strdup_printf (_("%c – %s"), c, sitrep_rating_reliability_label (c));

      gtk_string_list_append (grades, item);
    }
  gtk_string_list_append (credibilities, _("Not graded"));
  for (int i = 1; i <= 6; i++)
    {
      /* TRANSLATORS: a credibility grade and its meaning: "2 – Probably true" */
      g_autofree char *item = g_strdup_printf (_("%d – %s"), i, sitrep_rating_credibility_label (i));

      gtk_string_list_append (credibilities, item);
    }

  self->subject_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (subjects)), NULL));
  self->reliability_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (grades)), NULL));
  self->credibility_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (credibilities)), NULL));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->note_entry, _("Why this grade (optional)"));
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save Rating")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_set_halign (GTK_WIDGET (self->save_button), GTK_ALIGN_END);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_dropdown),
                            g_list_model_get_n_items (G_LIST_MODEL (subjects)) > 1);

  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect_swapped (self->reliability_dropdown, "notify::selected",
                            G_CALLBACK (update_save_sensitivity), self);
  g_signal_connect_swapped (self->credibility_dropdown, "notify::selected",
                            G_CALLBACK (update_save_sensitivity), self);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (on_save_clicked), self);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);

  heading = gtk_label_new (_("Rate This Claim"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_grid_attach (GTK_GRID (grid), heading, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), row_label (_("_Source"), GTK_WIDGET (self->subject_dropdown)), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->subject_dropdown), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row_label (_("_Reliability"), GTK_WIDGET (self->reliability_dropdown)), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->reliability_dropdown), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row_label (_("_Credibility"), GTK_WIDGET (self->credibility_dropdown)), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->credibility_dropdown), 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row_label (_("_Note"), GTK_WIDGET (self->note_entry)), 0, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->note_entry), 1, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->save_button), 0, 5, 2, 1);
  gtk_popover_set_child (GTK_POPOVER (self), grid);
  update_save_sensitivity (self);

  return GTK_WIDGET (self);
}
