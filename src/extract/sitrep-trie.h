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

guint       sitrep_trie_n_nodes   (SitrepTrie        *self);

/* The layout, for the inline steps below; fields are private.  A node's children are
 * consecutive nodes in byte order, from first_child; bit s of children is set when there is
 * a child for the byte of symbol s (sym[byte]; SITREP_TRIE_NO_SYM for bytes in no key), so
 * a step is a mask and a population count. */
#define SITREP_TRIE_NO_SYM 0xff

typedef struct
{
  guint64 children;
  guint32 first_child;
  guint32 value;
} SitrepTrieNode;

struct _SitrepTrie
{
  SitrepTrieNode *nodes;
  guint32         n_nodes;
  guint8          sym[256];
};

/* Bits set in x.  Inline and branch-free: without -mpopcnt, __builtin_popcountll is a
 * call into libgcc. */
static inline guint32
sitrep_popcount64 (guint64 x)
{
  x = x - ((x >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  x = (x & G_GUINT64_CONSTANT (0x3333333333333333)) + ((x >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (guint32) ((x * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

static inline guint32
sitrep_trie_root (SitrepTrie *self)
{
  (void) self;
  return 0;
}

/* The child of node for byte c, or SITREP_TRIE_NONE. */
static inline guint32
sitrep_trie_step (SitrepTrie *self,
                  guint32     node,
                  guchar      c)
{
  guint s = self->sym[c];
  guint64 bit, children;

  if (s == SITREP_TRIE_NO_SYM)
    return SITREP_TRIE_NONE;
  bit = G_GUINT64_CONSTANT (1) << s;
  children = self->nodes[node].children;
  if (!(children & bit))
    return SITREP_TRIE_NONE;
  return self->nodes[node].first_child + sitrep_popcount64 (children & (bit - 1));
}

/* The index of the key ending at node, or SITREP_TRIE_NONE. */
static inline guint32
sitrep_trie_value (SitrepTrie *self,
                   guint32     node)
{
  return self->nodes[node].value;
}

G_END_DECLS
