/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-trie.h: a compact byte trie over sorted keys, walked from each word start. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITREP_TRIE_NONE G_MAXUINT32

typedef struct _SitrepTrie SitrepTrie;

/* keys: n distinct NUL-terminated byte strings in strcmp order.  The node at the end of
 * keys[i] has value i. */
SitrepTrie *sitrep_trie_new       (const char *const *keys,
                                   guint              n);
void        sitrep_trie_free      (SitrepTrie        *self);

guint32     sitrep_trie_root      (SitrepTrie        *self);
/* The child of node for byte c, or SITREP_TRIE_NONE. */
guint32     sitrep_trie_step      (SitrepTrie        *self,
                                   guint32            node,
                                   guchar             c);
/* The index of the key ending at node, or SITREP_TRIE_NONE. */
guint32     sitrep_trie_value     (SitrepTrie        *self,
                                   guint32            node);
guint       sitrep_trie_n_nodes   (SitrepTrie        *self);

G_END_DECLS
