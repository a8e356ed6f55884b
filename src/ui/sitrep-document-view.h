/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-document-view.h: the full text of an article, with one claim highlighted. */
#pragma once

#include <adwaita.h>

#include "core/sitrep-types.h"

G_BEGIN_DECLS

#define SITREP_TYPE_DOCUMENT_VIEW (sitrep_document_view_get_type ())
G_DECLARE_FINAL_TYPE (SitrepDocumentView, sitrep_document_view, SITREP, DOCUMENT_VIEW, AdwWindow)

/* A window transient for parent showing document's text as plain text, claim's byte span
 * highlighted and scrolled to, and the spans of the other claims of the same document
 * (those in claims with the same document_id; claims may be NULL) marked more lightly. */
SitrepDocumentView *sitrep_document_view_new           (GtkWindow          *parent,
                                                        SitrepDocument     *document,
                                                        SitrepClaim        *claim,
                                                        GPtrArray          *claims);

SitrepDocument     *sitrep_document_view_get_document  (SitrepDocumentView *self);
GtkTextBuffer      *sitrep_document_view_get_buffer    (SitrepDocumentView *self);
GtkTextView        *sitrep_document_view_get_text_view (SitrepDocumentView *self);
/* The highlighted claim's range in the buffer; FALSE when the claim has no span. */
gboolean            sitrep_document_view_get_highlight (SitrepDocumentView *self,
                                                        GtkTextIter        *start,
                                                        GtkTextIter        *end);
/* How many other claims are marked lightly. */
guint               sitrep_document_view_get_n_other_spans (SitrepDocumentView *self);

/* Byte offset into text (length bytes, maybe invalid UTF-8) to the character offset in
 * g_utf8_make_valid (text, length), where each invalid byte became one U+FFFD. */
glong               sitrep_document_byte_to_char_offset (const char        *text,
                                                         gsize              length,
                                                         gsize              byte_offset);

/* Whether url is an absolute http or https URL: the only ones Sitrep opens. */
gboolean            sitrep_uri_is_web                  (const char         *url);
/* Opens an http(s) url in the browser, for widget's window; does nothing otherwise. */
void                sitrep_show_web_uri                (GtkWidget          *widget,
                                                        const char         *url);

G_END_DECLS
