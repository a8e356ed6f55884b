/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-event-sidebar.c: the selected event: what, when, where, and one card per claim.
 *
 * A thin widget over a SitrepEvent: it rebuilds its labels from the event.  All article
 * text goes through gtk_label_set_text (), never markup.  Documents are read and ratings
 * written through a SitrepDb opened on the shown collection; after a rating the event is
 * read again from the collection, so every card shows what is stored. */
#define G_LOG_DOMAIN "sitrep-event-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/sitrep-db.h"
#include "core/sitrep-verdict.h"
#include "sitrep-claim-card.h"
#include "sitrep-event-sidebar-private.h"
#include "sitrep-format.h"
#include "sitrep-kind-style.h"

struct _SitrepEventSidebar
{
  GtkWidget parent_instance;

  SitrepEvent *event;
  SitrepEventStore *store;
  SitrepDb *db;
  char *db_path;
  char *read_only_reason;
  GWeakRef document_view;
  char *conflicts_text;
  double restore_scroll;
  guint restore_idle;
  int refocus_card;

  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkImage *kind_icon;
  GtkLabel *kind_label;
  GtkBox *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *strength_label;
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
  GtkLabel *actors_title;
  GtkLabel *actors_label;
  GtkLabel *figures_title;
  GtkLabel *figures_label;
  GtkBox *conflicts_box;
  GtkLabel *claims_heading;
  GtkBox *claims_box;
  GtkLabel *cluster_heading;
  GtkListBox *cluster_list;
  GtkLabel *cluster_verdict;
  GtkLabel *nearby_heading;
  GtkListBox *nearby_list;
};

G_DEFINE_FINAL_TYPE (SitrepEventSidebar, sitrep_event_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_MESSAGE,
  SIGNAL_RATED,
  SIGNAL_RATINGS_CHANGED,
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (SitrepEventSidebar *self);

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
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static char *
join_weapons (SitrepEvent *event)
{
  GString *s;

  if (event->weapons == NULL || event->weapons->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < event->weapons->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_ptr_array_index (event->weapons, i));
    }
  return g_string_free (s, FALSE);
}

static char *
join_actors (SitrepEvent *event)
{
  GString *s;

  if (event->actors == NULL || event->actors->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < event->actors->len; i++)
    {
      const SitrepActor *actor = &g_array_index (event->actors, SitrepActor, i);

      if (actor->name == NULL || *actor->name == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      if (actor->side && *actor->side && g_strcmp0 (actor->side, actor->name) != 0)
        /* TRANSLATORS: an actor and its side: "Ukrainian Armed Forces (Ukraine)" */
        g_string_append_printf (s, _("%s (%s)"), actor->name, actor->side);
      else
        g_string_append (s, actor->name);
    }
  return g_string_free (s, s->len == 0);
}

static SitrepClaim *
figure_claim (SitrepEvent        *event,
              const SitrepFigure *figure)
{
  if (figure->claim_index >= 0 && event->claims
      && (guint) figure->claim_index < event->claims->len)
    return g_ptr_array_index (event->claims, figure->claim_index);
  return NULL;
}

/* Who gave a figure, as a reader would say it: "Andrei Marocho (expert)", or the role
 * ("city council"), or the kind of source ("Official (AP)"), or the outlet. */
static char *
claimant (SitrepClaim *claim)
{
  if (claim == NULL)
    return g_strdup (_("unknown source"));
  if (claim->attributed_to && *claim->attributed_to)
    {
      if (claim->role && *claim->role)
        /* TRANSLATORS: a claimant and their role: "Andrei Marocho (expert)" */
        return g_strdup_printf (_("%s (%s)"), claim->attributed_to, claim->role);
      return g_strdup (claim->attributed_to);
    }
  if (claim->role && *claim->role)
    return g_strdup (claim->role);   /* "city council" */
  if (claim->source_kind != SITREP_SOURCE_MEDIA && sitrep_source_kind_label (claim->source_kind))
    {
      if (claim->outlet && *claim->outlet)
        /* TRANSLATORS: a claimant without a name: kind of source, outlet: "Official (Reuters)" */
        return g_strdup_printf (_("%s (%s)"), sitrep_source_kind_label (claim->source_kind),
                                claim->outlet);
      return g_strdup (sitrep_source_kind_label (claim->source_kind));
    }
  return g_strdup (claim->outlet && *claim->outlet ? claim->outlet : _("unknown source"));
}

static gboolean
kind_conflicts (SitrepEvent      *event,
                SitrepFigureKind  kind)
{
  const SitrepFigure *first = NULL;

  for (guint i = 0; i < event->figures->len; i++)
    {
      const SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);

      if (figure->kind != kind)
        continue;
      if (first && sitrep_figures_conflict (first, figure))
        return TRUE;
      first = first ? first : figure;
    }
  return FALSE;
}

/* Figures: one line each, with whose it is; the kinds whose figures differ also side by
 * side in conflicts_box ("3,920 — Andrei Marocho (expert)" | "fewer — officials"). */
static char *
update_figures (SitrepEventSidebar *self,
                SitrepEvent        *event)
{
  GString *s;
  GString *conflicts = g_string_new (NULL);
  gboolean seen[SITREP_N_FIGURE_KINDS] = { FALSE };

  clear_box (self->conflicts_box);
  g_clear_pointer (&self->conflicts_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), FALSE);

  if (event->figures == NULL || event->figures->len == 0)
    {
      g_string_free (conflicts, TRUE);
      return NULL;
    }

  s = g_string_new (NULL);
  for (guint i = 0; i < event->figures->len; i++)
    {
      const SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      g_autofree char *text = sitrep_format_figure (figure);
      SitrepClaim *claim = figure_claim (event, figure);

      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, text);
      if (claim)
        {
          g_autofree char *who = claimant (claim);

          /* TRANSLATORS: who gave a figure: " (according to TASS)" */
          g_string_append_printf (s, _(" (according to %s)"), who);
        }
    }

  for (guint i = 0; i < event->figures->len; i++)
    {
      const SitrepFigure *figure = &g_array_index (event->figures, SitrepFigure, i);
      GtkWidget *heading, *row;
      g_autofree char *heading_text = NULL;

      if ((guint) figure->kind >= SITREP_N_FIGURE_KINDS || seen[figure->kind]
          || !kind_conflicts (event, figure->kind))
        continue;
      seen[figure->kind] = TRUE;

      /* TRANSLATORS: heading over figures of one kind that disagree: "Casualties: figures differ" */
      heading_text = g_strdup_printf (_("%s: figures differ"),
                                      sitrep_format_figure_kind_label (figure->kind));
      heading = gtk_label_new (heading_text);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (self->conflicts_box, heading);
      if (conflicts->len)
        g_string_append_c (conflicts, '\n');
      g_string_append (conflicts, heading_text);

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
      gtk_widget_add_css_class (row, "figure-conflict");
      for (guint j = i; j < event->figures->len; j++)
        {
          const SitrepFigure *other = &g_array_index (event->figures, SitrepFigure, j);
          g_autofree char *value = NULL;
          g_autofree char *who = NULL;
          const char *colon;
          GtkWidget *cell, *value_label, *who_label;

          if (other->kind != figure->kind)
            continue;
          value = sitrep_format_figure (other);
          /* "Casualties: approximately 3,920" → "approximately 3,920" */
          colon = strstr (value, ": ");
          who = claimant (figure_claim (event, other));

          cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          gtk_widget_add_css_class (cell, "card");
          gtk_widget_add_css_class (cell, "figure-cell");
          value_label = gtk_label_new (colon ? colon + 2 : value);
          gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (value_label), 0);
          gtk_widget_add_css_class (value_label, "title-4");
          who_label = gtk_label_new (who);
          gtk_label_set_wrap (GTK_LABEL (who_label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (who_label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (who_label), 0);
          gtk_widget_add_css_class (who_label, "dim-label");
          gtk_box_append (GTK_BOX (cell), value_label);
          gtk_box_append (GTK_BOX (cell), who_label);
          gtk_box_append (GTK_BOX (row), cell);
          g_string_append_printf (conflicts, "\n%s — %s", colon ? colon + 2 : value, who);
        }
      gtk_box_append (self->conflicts_box, row);
      gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), TRUE);
    }

  if (conflicts->len)
    self->conflicts_text = g_string_free (conflicts, FALSE);
  else
    g_string_free (conflicts, TRUE);
  return g_string_free (s, FALSE);
}

/* The verdict line: plain words from the claims, a word for its strength, an icon and a
 * colour (never the colour alone). */
static void
update_verdict (SitrepEventSidebar *self,
                SitrepEvent        *event)
{
  static const struct
  {
    const char *strength;
    const char *icon;
    const char *word;
  } styles[] = {
    { "weak", "dialog-warning-symbolic", N_("Weak support") },
    { "mixed", "dialog-question-symbolic", N_("Mixed support") },
    { "strong", "emblem-ok-symbolic", N_("Strong support") },
  };
  SitrepVerdict verdict;
  g_autofree char *line = NULL;
  g_autofree char *accessible = NULL;
  const char *strength;
  guint style = 0;

  sitrep_verdict_compute (event, &verdict);
  line = sitrep_verdict_format (&verdict);
  strength = sitrep_verdict_strength (&verdict);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), styles[i].strength);
      if (g_strcmp0 (strength, styles[i].strength) == 0)
        style = i;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), styles[style].strength);
  if (verdict.disputed)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), "disputed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "disputed");

  gtk_image_set_from_icon_name (self->verdict_icon, styles[style].icon);
  gtk_label_set_text (self->strength_label, _(styles[style].word));
  gtk_label_set_text (self->status_label, line);
  /* TRANSLATORS: what a screen reader says for the verdict: strength, then the line */
  accessible = g_strdup_printf (_("%s: %s"), _(styles[style].word), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The collection, opened for writing if it can be; NULL when there is none. */
static SitrepDb *
ensure_db (SitrepEventSidebar *self)
{
  const char *path = self->store ? sitrep_event_store_get_path (self->store) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) ro_error = NULL;

  if (path == NULL)
    return NULL;
  if (self->db && g_strcmp0 (self->db_path, path) == 0)
    return self->db;

  g_clear_object (&self->db);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  /* SQLite quietly opens a file it cannot write read-only; ask first, so that Rate… is
   * insensitive instead of failing later. The folder too: WAL writes beside the file. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *name = g_filename_display_basename (path);

    if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
      g_set_error (&error, SITREP_DB_ERROR, SITREP_DB_ERROR_READ_ONLY,
                   _("“%s” is read-only"), name);
    else
      self->db = sitrep_db_open (path, SITREP_DB_OPEN_DEFAULT, &error);
  }
  if (self->db == NULL)
    {
      self->db = sitrep_db_open (path, SITREP_DB_OPEN_READ_ONLY, &ro_error);
      if (self->db == NULL)
        {
          g_warning ("Could not open %s: %s", path, ro_error->message);
          return NULL;
        }
      /* TRANSLATORS: tooltip of the insensitive Rate… button; the reason follows */
      self->read_only_reason = g_strdup_printf (_("Ratings cannot be saved: %s"), error->message);
    }
  self->db_path = g_strdup (path);
  return self->db;
}

static void
on_card_activate (SitrepEventSidebar *self,
                  SitrepClaimCard    *card)
{
  SitrepClaim *claim = sitrep_claim_card_get_claim (card);
  g_autoptr (SitrepDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  SitrepDocumentView *view;
  GtkRoot *root;
  SitrepDb *db;

  if (claim->document_id <= 0)
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0,
                     _("This claim was imported without its article, so there is no text to show."));
      return;
    }
  db = ensure_db (self);
  if (db == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0,
                     _("The article cannot be read: no collection is open."));
      return;
    }
  document = sitrep_db_load_document (db, claim->document_id, &error);
  if (document == NULL)
    {
      /* TRANSLATORS: reading an article from the collection failed; the reason follows */
      g_autofree char *message = g_strdup_printf (_("Could not read the article: %s"),
                                                  error->message);

      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  view = sitrep_document_view_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   document, claim, self->event ? self->event->claims : NULL);
  g_weak_ref_set (&self->document_view, view);
  gtk_window_present (GTK_WINDOW (view));
}

static char *
describe_ratings (const SitrepRating *source,
                  const SitrepRating *claim)
{
  if (source && claim)
    /* TRANSLATORS: toast after grading: source, its grade, the claim's grade */
    return g_strdup_printf (_("Rated ‘%s’ %c and the claim %d"), source->subject,
                            source->reliability, claim->credibility);
  if (source)
    /* TRANSLATORS: toast after grading a source: "Rated ‘Reuters’ B" */
    return g_strdup_printf (_("Rated ‘%s’ %c"), source->subject, source->reliability);
  /* TRANSLATORS: toast after grading a claim's credibility: "Rated the claim 3" */
  return g_strdup_printf (_("Rated the claim %d"), claim->credibility);
}

/* Reads the shown event again from the collection, keeping the scroll position. */
static void
reload_event (SitrepEventSidebar *self)
{
  g_autoptr (SitrepEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  SitrepDb *db = ensure_db (self);

  if (db == NULL || self->event == NULL || self->event->id <= 0)
    return;
  event = sitrep_db_load_event (db, self->event->id, &error);
  if (event == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the event: %s"), error->message);

      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
      return;
    }
  self->restore_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window));
  g_set_object (&self->event, event);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static void
on_card_rate (SitrepEventSidebar *self,
              SitrepRating       *source,
              SitrepRating       *claim_rating,
              SitrepClaimCard    *card)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  GVariantBuilder ids;
  SitrepDb *db = ensure_db (self);
  SitrepRating *ratings[2] = { source, claim_rating };
  guint n = 0;

  if (db == NULL || self->read_only_reason)
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0,
                     self->read_only_reason ? self->read_only_reason
                     : _("Ratings cannot be saved: no collection is open."));
      return;
    }

  g_variant_builder_init (&ids, G_VARIANT_TYPE ("ax"));
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      gint64 id;

      if (ratings[i] == NULL)
        continue;
      ratings[i]->created = g_get_real_time () / G_USEC_PER_SEC;
      id = sitrep_db_add_rating (db, ratings[i], &error);
      if (id <= 0)
        break;
      g_variant_builder_add (&ids, "x", id);
      n++;
    }
  if (error)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the rating: %s"), error->message);

      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, text);
    }
  if (n == 0)
    {
      g_variant_builder_clear (&ids);
      return;
    }

  message = describe_ratings (source, claim_rating);
  {
    GList *cards = sitrep_event_sidebar_get_claim_cards (self);

    self->refocus_card = g_list_index (cards, card);
    g_list_free (cards);
  }
  reload_event (self);
  g_signal_emit (self, signals[SIGNAL_RATED], 0, message, g_variant_builder_end (&ids));
  g_signal_emit (self, signals[SIGNAL_RATINGS_CHANGED], 0);
}

gboolean
sitrep_event_sidebar_remove_ratings (SitrepEventSidebar *self,
                                     GVariant           *ids,
                                     GError            **error)
{
  SitrepDb *db;
  GVariantIter iter;
  gint64 id;
  gboolean ok = TRUE;

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), FALSE);
  g_return_val_if_fail (ids && g_variant_is_of_type (ids, G_VARIANT_TYPE ("ax")), FALSE);

  db = ensure_db (self);
  if (db == NULL)
    {
      g_set_error (error, SITREP_DB_ERROR, SITREP_DB_ERROR_NOT_FOUND,
                   _("No collection is open."));
      return FALSE;
    }
  g_variant_iter_init (&iter, ids);
  while (ok && g_variant_iter_next (&iter, "x", &id))
    ok = sitrep_db_remove_rating (db, id, error);
  reload_event (self);
  g_signal_emit (self, signals[SIGNAL_RATINGS_CHANGED], 0);
  return ok;
}

static gboolean
restore_scroll_idle (gpointer user_data)
{
  SitrepEventSidebar *self = user_data;

  self->restore_idle = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window),
                            self->restore_scroll);
  self->restore_scroll = 0;
  return G_SOURCE_REMOVE;
}

/* A row of a list of events (a cluster, or the others at the same place): kind, dates,
 * place and hedging; activating it selects the event. */
static GtkWidget *
make_event_row (SitrepEvent *event)
{
  g_autofree char *dates = sitrep_format_event_dates (event);
  g_autofree char *place = sitrep_format_event_place (event);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (sitrep_event_kind_label (event->kind));
  GtkWidget *sub;

  subtitle = g_strdup_printf ("%s · %s · %s", dates ? dates : "", place ? place : "",
                              sitrep_hedging_label (event->hedging));
  sub = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sub), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "sitrep-event", g_object_ref (event), g_object_unref);
  accessible = g_strdup_printf ("%s, %s", sitrep_event_kind_label (event->kind), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

#define MAX_NEARBY 20

/* The other events drawn at the same spot: one pin hides them on the map. */
static void
update_nearby (SitrepEventSidebar *self,
               SitrepEvent        *event)
{
  const SitrepEventColumns *c;
  GtkWidget *child;
  guint index, n = 0, more = 0;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nearby_list))))
    gtk_list_box_remove (self->nearby_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->nearby_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->nearby_heading), FALSE);

  if (self->store == NULL || event->id <= 0)
    return;
  index = sitrep_event_store_find_id (self->store, event->id);
  if (index == G_MAXUINT)
    return;
  c = sitrep_event_store_get_columns (self->store);
  for (guint i = 0; i < c->n_events; i++)
    {
      g_autoptr (SitrepEvent) other = NULL;

      if (i == index || c->lat[i] != c->lat[index] || c->lon[i] != c->lon[index])
        continue;
      if (n == MAX_NEARBY)
        {
          more++;
          continue;
        }
      other = sitrep_event_store_get_event (self->store, i, NULL);
      if (other == NULL)
        continue;
      gtk_list_box_append (self->nearby_list, make_event_row (other));
      n++;
    }
  if (n == 0)
    return;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Other Event at This Spot",
                                          "%u Other Events at This Spot", n + more),
                             n + more);
  gtk_label_set_text (self->nearby_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->nearby_heading), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->nearby_list), TRUE);
}

static void
update (SitrepEventSidebar *self)
{
  SitrepEvent *event = self->event;
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;
  g_autofree char *weapons = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *heading = NULL;
  g_autoptr (GdkTexture) icon = NULL;
  GtkWidget *focus_card = NULL;
  guint n_claims;

  clear_box (self->claims_box);

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

  update_verdict (self, event);

  gtk_label_set_text (self->summary_label, event->summary ? event->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), event->summary && *event->summary);

  dates = sitrep_format_event_dates (event);
  set_row (self->dates_title, self->dates_label, dates);
  place = sitrep_format_event_place (event);
  set_row (self->place_title, self->place_label, place);
  set_row (self->target_title, self->target_label, event->target);
  weapons = join_weapons (event);
  set_row (self->weapons_title, self->weapons_label, weapons);
  actors = join_actors (event);
  set_row (self->actors_title, self->actors_label, actors);
  figures = update_figures (self, event);
  set_row (self->figures_title, self->figures_label, figures);

  n_claims = event->claims ? event->claims->len : 0;
  if (n_claims == 0)
    heading = g_strdup (_("No claims"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", n_claims),
                               n_claims);
  gtk_label_set_text (self->claims_heading, heading);

  if (self->store)
    ensure_db (self);
  for (guint i = 0; i < n_claims; i++)
    {
      GtkWidget *card = sitrep_claim_card_new (g_ptr_array_index (event->claims, i));

      if (self->read_only_reason)
        sitrep_claim_card_set_read_only (SITREP_CLAIM_CARD (card), self->read_only_reason);
      else if (self->db == NULL)
        sitrep_claim_card_set_read_only (SITREP_CLAIM_CARD (card),
                                         _("Ratings are stored in a collection: open one first."));
      g_signal_connect_object (card, "activate", G_CALLBACK (on_card_activate), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (card, "rate", G_CALLBACK (on_card_rate), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->claims_box, card);
      if ((int) i == self->refocus_card)
        focus_card = card;
    }

  update_nearby (self, event);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  if (self->restore_scroll > 0 && self->restore_idle == 0)
    self->restore_idle = g_idle_add_full (G_PRIORITY_LOW, restore_scroll_idle, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "event");
  if (focus_card)
    gtk_widget_grab_focus (focus_card);
  self->refocus_card = -1;
}

static void
on_cluster_row_activated (SitrepEventSidebar *self,
                          GtkListBoxRow      *row)
{
  SitrepEvent *event = g_object_get_data (G_OBJECT (row), "sitrep-event");

  if (event)
    g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event->id);
}

static void
sitrep_event_sidebar_dispose (GObject *object)
{
  SitrepEventSidebar *self = SITREP_EVENT_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->restore_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_EVENT_SIDEBAR);
  /* The template's top-level child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->db);
  g_weak_ref_set (&self->document_view, NULL);

  G_OBJECT_CLASS (sitrep_event_sidebar_parent_class)->dispose (object);
}

static void
sitrep_event_sidebar_finalize (GObject *object)
{
  SitrepEventSidebar *self = SITREP_EVENT_SIDEBAR (object);

  g_free (self->db_path);
  g_free (self->read_only_reason);
  g_free (self->conflicts_text);
  g_weak_ref_clear (&self->document_view);

  G_OBJECT_CLASS (sitrep_event_sidebar_parent_class)->finalize (object);
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
  object_class->finalize = sitrep_event_sidebar_finalize;
  object_class->get_property = sitrep_event_sidebar_get_property;
  object_class->set_property = sitrep_event_sidebar_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         SITREP_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_RATED] =
    g_signal_new ("rated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_VARIANT);
  signals[SIGNAL_RATINGS_CHANGED] =
    g_signal_new ("ratings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-event-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, strength_label);
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
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, actors_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, actors_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, figures_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, figures_label);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, claims_box);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, cluster_heading);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, cluster_list);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, cluster_verdict);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, nearby_heading);
  gtk_widget_class_bind_template_child (widget_class, SitrepEventSidebar, nearby_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitrep-event-sidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitrep_event_sidebar_init (SitrepEventSidebar *self)
{
  g_weak_ref_init (&self->document_view, NULL);
  self->refocus_card = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->cluster_list, "row-activated",
                           G_CALLBACK (on_cluster_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nearby_list, "row-activated",
                           G_CALLBACK (on_cluster_row_activated), self, G_CONNECT_SWAPPED);
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

  if (self->event == event && !sitrep_event_sidebar_is_cluster (self))
    return;
  g_set_object (&self->event, event);
  self->restore_scroll = 0;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

void
sitrep_event_sidebar_set_cluster (SitrepEventSidebar *self,
                                  GPtrArray          *events)
{
  g_return_if_fail (SITREP_IS_EVENT_SIDEBAR (self));

  sitrep_event_sidebar_set_cluster_sample (self, events, events ? events->len : 0);
}

void
sitrep_event_sidebar_set_cluster_sample (SitrepEventSidebar *self,
                                         GPtrArray          *events,
                                         guint               n_total)
{
  GtkWidget *child;
  g_autofree char *heading = NULL;

  g_return_if_fail (SITREP_IS_EVENT_SIDEBAR (self));

  if (events == NULL || events->len == 0)
    {
      sitrep_event_sidebar_set_event (self, NULL);
      return;
    }
  g_clear_object (&self->event);
  clear_box (self->claims_box);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))))
    gtk_list_box_remove (self->cluster_list, child);

  n_total = MAX (n_total, events->len);
  if (n_total > events->len)
    /* TRANSLATORS: a large cluster: only its first events are listed, in time order */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Events Here, First %u Listed",
                                            "%u Events Here, First %u Listed", n_total),
                               n_total, events->len);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Event Here", "%u Events Here",
                                            events->len), events->len);
  gtk_label_set_text (self->cluster_heading, heading);
  /* One verdict for them all: a voice behind several events counts once. */
  {
    SitrepVerdict verdict;
    g_autofree char *line = NULL;

    sitrep_verdict_compute_many (events, &verdict);
    line = sitrep_verdict_format (&verdict);
    gtk_label_set_text (self->cluster_verdict, line);
  }
  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->cluster_list, make_event_row (g_ptr_array_index (events, i)));
  gtk_stack_set_visible_child_name (self->stack, "cluster");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static void
on_store_changed (SitrepEventSidebar *self)
{
  /* Another collection, or the same one read again: open it afresh when needed. */
  g_clear_object (&self->db);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
}

void
sitrep_event_sidebar_set_store (SitrepEventSidebar *self,
                                SitrepEventStore   *store)
{
  g_return_if_fail (SITREP_IS_EVENT_SIDEBAR (self));
  g_return_if_fail (store == NULL || SITREP_IS_EVENT_STORE (store));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  on_store_changed (self);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
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
    { "strength", G_STRUCT_OFFSET (SitrepEventSidebar, strength_label) },
    { "summary", G_STRUCT_OFFSET (SitrepEventSidebar, summary_label) },
    { "dates", G_STRUCT_OFFSET (SitrepEventSidebar, dates_label) },
    { "place", G_STRUCT_OFFSET (SitrepEventSidebar, place_label) },
    { "target", G_STRUCT_OFFSET (SitrepEventSidebar, target_label) },
    { "weapons", G_STRUCT_OFFSET (SitrepEventSidebar, weapons_label) },
    { "actors", G_STRUCT_OFFSET (SitrepEventSidebar, actors_label) },
    { "figures", G_STRUCT_OFFSET (SitrepEventSidebar, figures_label) },
    { "claims-heading", G_STRUCT_OFFSET (SitrepEventSidebar, claims_heading) },
    { "cluster-verdict", G_STRUCT_OFFSET (SitrepEventSidebar, cluster_verdict) },
  };

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  if (g_str_equal (field, "conflicts"))
    return self->conflicts_text ? self->conflicts_text : "";
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

gboolean
sitrep_event_sidebar_is_cluster (SitrepEventSidebar *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "cluster") == 0;
}

GList *
sitrep_event_sidebar_get_cluster_rows (SitrepEventSidebar *self)
{
  GList *rows = NULL;

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->cluster_list));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      rows = g_list_prepend (rows, child);
  return rows;
}

SitrepDocumentView *
sitrep_event_sidebar_get_document_view (SitrepEventSidebar *self)
{
  SitrepDocumentView *view;

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  /* The window holds itself; the weak reference only says whether it is still there. */
  view = g_weak_ref_get (&self->document_view);
  if (view)
    g_object_unref (view);
  return view;
}

const char *
sitrep_event_sidebar_get_read_only_reason (SitrepEventSidebar *self)
{
  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);
  ensure_db (self);
  return self->read_only_reason;
}

GList *
sitrep_event_sidebar_get_nearby_rows (SitrepEventSidebar *self)
{
  GList *rows = NULL;

  g_return_val_if_fail (SITREP_IS_EVENT_SIDEBAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->nearby_list)))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->nearby_list));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      rows = g_list_prepend (rows, child);
  return rows;
}
