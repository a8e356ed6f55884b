/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-document-view.c: the full text of an article, with one claim highlighted.
 *
 * Article text is untrusted: it goes into the buffer with gtk_text_buffer_set_text ()
 * after invalid UTF-8 is replaced, never as markup.  Claims' spans are UTF-8 byte offsets
 * into the stored text, mapped to characters on the original bytes, so that a repaired
 * text (one U+FFFD per invalid byte) still highlights the right words. */
#define G_LOG_DOMAIN "sitrep-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sitrep-document-view.h"
#include "sitrep-format.h"

struct _SitrepDocumentView
{
  AdwWindow parent_instance;

  SitrepDocument *document;
  GtkTextMark *claim_start;
  GtkTextMark *claim_end;
  guint n_other_spans;
  guint scroll_idle;
  guint scroll_timeout;
  guint scroll_attempts;
  guint stable_checks;
  double last_upper;

  AdwWindowTitle *window_title;
  GtkButton *browser_button;
  GtkTextView *text_view;
  GtkLabel *claim_label;
};

G_DEFINE_FINAL_TYPE (SitrepDocumentView, sitrep_document_view, ADW_TYPE_WINDOW)

gboolean
sitrep_uri_is_web (const char *url)
{
  const char *scheme;

  if (url == NULL || !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_peek_scheme (url);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    g_debug ("Could not open the link: %s", error->message);
}
#endif

void
sitrep_show_web_uri (GtkWidget  *widget,
                     const char *url)
{
  GtkRoot *root;

  if (!sitrep_uri_is_web (url))
    return;
  root = widget ? gtk_widget_get_root (widget) : NULL;
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (url);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             NULL, on_launched, NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
#endif
}

glong
sitrep_document_byte_to_char_offset (const char *text,
                                     gsize       length,
                                     gsize       byte_offset)
{
  const char *p = text;
  const char *end = text + length;
  const char *target = text + MIN (byte_offset, length);
  glong chars = 0;

  while (p < target)
    {
      const char *valid_end = NULL;

      g_utf8_validate (p, end - p, &valid_end);
      if (valid_end >= target)
        return chars + g_utf8_strlen (p, target - p);
      chars += g_utf8_strlen (p, valid_end - p);
      /* One invalid byte: one U+FFFD in the repaired text. */
      chars++;
      p = valid_end + 1;
    }
  return chars;
}

/* Iters for [start, end) bytes of the original text; FALSE for an unusable span. */
static gboolean
span_to_iters (GtkTextBuffer *buffer,
               const char    *text,
               gsize          length,
               gint64         start,
               gint64         end,
               GtkTextIter   *start_iter,
               GtkTextIter   *end_iter)
{
  if (start < 0 || end <= start || (guint64) start >= length)
    return FALSE;
  if ((guint64) end > length)
    end = length;
  gtk_text_buffer_get_iter_at_offset (buffer, start_iter,
                                      sitrep_document_byte_to_char_offset (text, length, start));
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter,
                                      sitrep_document_byte_to_char_offset (text, length, end));
  return TRUE;
}

/* Scrolls so that the claim sits near the top of what is shown; TRUE once it does (or
 * when there is no claim to scroll to). */
static gboolean
try_scroll_to_claim (SitrepDocumentView *self)
{
  GtkAdjustment *adjustment;
  GdkRectangle visible, at;
  GtkTextIter start;

  if (self->claim_start == NULL)
    return TRUE;
  if (gtk_widget_get_height (GTK_WIDGET (self->text_view)) <= 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (self->text_view), &start,
                                    self->claim_start);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &start, &at);
  /* Aligned already (within a few pixels), or as far down as the view goes. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  if (ABS ((at.y - visible.height / 4) - visible.y) <= 4
      || (at.y > visible.y + visible.height / 4
          && gtk_adjustment_get_value (adjustment) >= gtk_adjustment_get_upper (adjustment)
                                                      - gtk_adjustment_get_page_size (adjustment)))
    return TRUE;
  /* Near the end of a long article the view cannot bring the claim higher; the line
   * heights are estimates until measured, so keep trying until the timeout anyway. */
  /* The adjustment's value is the visible rectangle's top, give or take the margin. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                        + (at.y - visible.height / 4) - visible.y);
  return FALSE;
}

static void
stop_scrolling (SitrepDocumentView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_timeout, g_source_remove);
  if (adjustment)
    g_signal_handlers_disconnect_by_data (adjustment, self);
}

/* A text view measures its lines a few at a time, and until then their positions are
 * estimates: a claim placed near the top may move down as the lines above it are
 * measured. So place it again each time the view's height changes, and look every
 * 50 ms (the measuring runs in idles) until its height has stopped changing, which
 * takes a fraction of a second. */
static void
on_adjustment_changed (SitrepDocumentView *self)
{
  try_scroll_to_claim (self);
}

static gboolean
scroll_idle (gpointer user_data)
{
  SitrepDocumentView *self = user_data;

  self->scroll_idle = 0;
  try_scroll_to_claim (self);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_timeout (gpointer user_data)
{
  SitrepDocumentView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  double upper = gtk_adjustment_get_upper (adjustment);

  /* Done once the claim is in place and the view's height has stopped changing (every
   * line measured), or after ten seconds whatever happens. */
  if (try_scroll_to_claim (self) && upper == self->last_upper)
    self->stable_checks++;
  else
    self->stable_checks = 0;
  self->last_upper = upper;
  if (self->stable_checks < 3 && ++self->scroll_attempts < 200)
    return G_SOURCE_CONTINUE;
  self->scroll_timeout = 0;
  stop_scrolling (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_view_map (SitrepDocumentView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  if (self->claim_start == NULL || self->scroll_timeout != 0)
    return;
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed), self,
                           G_CONNECT_SWAPPED);
  self->scroll_idle = g_idle_add (scroll_idle, self);
  self->scroll_timeout = g_timeout_add (50, scroll_timeout, self);
}

static void
on_browser_clicked (SitrepDocumentView *self)
{
  if (self->document)
    sitrep_show_web_uri (GTK_WIDGET (self), self->document->url);
}

static void
sitrep_document_view_dispose (GObject *object)
{
  SitrepDocumentView *self = SITREP_DOCUMENT_VIEW (object);

  if (self->text_view)
    stop_scrolling (self);
  g_clear_object (&self->document);
  self->claim_start = NULL;
  self->claim_end = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SITREP_TYPE_DOCUMENT_VIEW);

  G_OBJECT_CLASS (sitrep_document_view_parent_class)->dispose (object);
}

static void
sitrep_document_view_class_init (SitrepDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitrep_document_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sitrep/Sitrep/sitrep-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitrepDocumentView, window_title);
  gtk_widget_class_bind_template_child (widget_class, SitrepDocumentView, browser_button);
  gtk_widget_class_bind_template_child (widget_class, SitrepDocumentView, text_view);
  gtk_widget_class_bind_template_child (widget_class, SitrepDocumentView, claim_label);
  gtk_widget_class_bind_template_callback (widget_class, on_browser_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_text_view_map);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sitrep_document_view_init (SitrepDocumentView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Colours with alpha read on light and dark backgrounds alike; the claim is also bold
   * and the others underlined, so colour is not the only signal. */
  gtk_text_buffer_create_tag (buffer, "claim",
                              "background-rgba", &(GdkRGBA) { 0.96, 0.78, 0.10, 0.45 },
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "other-claim",
                              "background-rgba", &(GdkRGBA) { 0.96, 0.78, 0.10, 0.16 },
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
}

SitrepDocumentView *
sitrep_document_view_new (GtkWindow      *parent,
                          SitrepDocument *document,
                          SitrepClaim    *claim,
                          GPtrArray      *claims)
{
  SitrepDocumentView *self;
  GtkTextBuffer *buffer;
  const char *text;
  gsize length;
  g_autofree char *repaired = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  GtkTextIter start, end;
  const char *outlet;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SITREP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (claim == NULL || SITREP_IS_CLAIM (claim), NULL);

  self = g_object_new (SITREP_TYPE_DOCUMENT_VIEW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);

  outlet = document->outlet && *document->outlet ? document->outlet : _("Unknown outlet");
  if (document->published > 0)
    day = sitrep_format_day (document->published);
  if (day)
    /* TRANSLATORS: the document window's title: outlet — day */
    title = g_strdup_printf (_("%s — %s"), outlet, day);
  else
    title = g_strdup (outlet);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, outlet);
  adw_window_title_set_subtitle (self->window_title,
                                 document->title && *document->title ? document->title
                                 : day ? day : "");
  gtk_widget_set_visible (GTK_WIDGET (self->browser_button), sitrep_uri_is_web (document->url));
  if (sitrep_uri_is_web (document->url))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->browser_button), document->url);

  text = document->text ? document->text : "";
  length = strlen (text);
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (g_utf8_validate (text, length, NULL))
    gtk_text_buffer_set_text (buffer, text, length);
  else
    {
      repaired = g_utf8_make_valid (text, length);
      gtk_text_buffer_set_text (buffer, repaired, -1);
    }

  if (claims)
    for (guint i = 0; i < claims->len; i++)
      {
        SitrepClaim *other = g_ptr_array_index (claims, i);

        if (other == claim || other->document_id != document->id || document->id == 0)
          continue;
        if (claim && other->span_start == claim->span_start && other->span_end == claim->span_end)
          continue;
        if (span_to_iters (buffer, text, length, other->span_start, other->span_end,
                           &start, &end))
          {
            gtk_text_buffer_apply_tag_by_name (buffer, "other-claim", &start, &end);
            self->n_other_spans++;
          }
      }

  if (claim && span_to_iters (buffer, text, length, claim->span_start, claim->span_end,
                              &start, &end))
    {
      gtk_text_buffer_apply_tag_by_name (buffer, "claim", &start, &end);
      self->claim_start = gtk_text_buffer_create_mark (buffer, "claim-start", &start, TRUE);
      self->claim_end = gtk_text_buffer_create_mark (buffer, "claim-end", &end, FALSE);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_label_set_text (self->claim_label, _("The claim is highlighted; other claims from "
                                               "this article are underlined."));
    }
  else
    gtk_label_set_text (self->claim_label, _("The claim’s place in the article is not known."));

  return self;
}

SitrepDocument *
sitrep_document_view_get_document (SitrepDocumentView *self)
{
  g_return_val_if_fail (SITREP_IS_DOCUMENT_VIEW (self), NULL);
  return self->document;
}

GtkTextBuffer *
sitrep_document_view_get_buffer (SitrepDocumentView *self)
{
  g_return_val_if_fail (SITREP_IS_DOCUMENT_VIEW (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextView *
sitrep_document_view_get_text_view (SitrepDocumentView *self)
{
  g_return_val_if_fail (SITREP_IS_DOCUMENT_VIEW (self), NULL);
  return self->text_view;
}

gboolean
sitrep_document_view_get_highlight (SitrepDocumentView *self,
                                    GtkTextIter        *start,
                                    GtkTextIter        *end)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (SITREP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->claim_start == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, start, self->claim_start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, self->claim_end);
  return TRUE;
}

guint
sitrep_document_view_get_n_other_spans (SitrepDocumentView *self)
{
  g_return_val_if_fail (SITREP_IS_DOCUMENT_VIEW (self), 0);
  return self->n_other_spans;
}
