/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-trie.c: a compact byte trie over sorted keys, walked from each word start. */
#define G_LOG_DOMAIN "sitrep-trie"

#include "config.h"

#include <string.h>

#include "sitrep-trie.h"

/* While building: nodes made in key order, so a node's children are a chain of siblings
 * in byte order.  Then laid out again breadth first, so that each node's children are
 * consecutive and a step needs no search. */
typedef struct
{
  guint32 first_child;
  guint32 next_sibling;
  guint32 value;
  guchar  label;
} BuildNode;

SitrepTrie *
sitrep_trie_new (const char *const *keys,
                 guint              n)
{
  SitrepTrie *self = g_new0 (SitrepTrie, 1);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) build = g_array_sized_new (FALSE, FALSE, sizeof (BuildNode), n * 4 + 1);
  g_autofree guint32 *order = NULL;   /* breadth-first position -> build node */
  BuildNode root = { SITREP_TRIE_NONE, SITREP_TRIE_NONE, SITREP_TRIE_NONE, 0 };
  const char *prev = "";
  gboolean used[256] = { FALSE };
  guint n_syms = 0;
  guint32 head, tail;

  g_array_append_val (build, root);
  /* path[d] is the node reached by the previous key's first d bytes. */
  g_array_append_val (path, (guint32) { 0 });

  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      gsize common = 0;
      gsize len = strlen (key);

      if (i > 0 && strcmp (prev, key) >= 0)
        {
          g_critical ("sitrep_trie_new: keys not sorted and distinct at %u", i);
          break;
        }
      while (key[common] != '\0' && key[common] == prev[common])
        common++;
      /* The previous key's node at depth common + 1 is the last child of path[common]. */
      for (gsize d = common; d < len; d++)
        {
          BuildNode node = { SITREP_TRIE_NONE, SITREP_TRIE_NONE, SITREP_TRIE_NONE, (guchar) key[d] };
          guint32 id = build->len;
          guint32 parent = g_array_index (path, guint32, d);

          g_array_append_val (build, node);
          if (d == common && path->len > d + 1)
            g_array_index (build, BuildNode, g_array_index (path, guint32, d + 1)).next_sibling = id;
          else
            g_array_index (build, BuildNode, parent).first_child = id;
          g_array_set_size (path, d + 1);
          g_array_append_val (path, id);
          used[(guchar) key[d]] = TRUE;
        }
      g_array_set_size (path, len + 1);
      g_array_index (build, BuildNode, g_array_index (path, guint32, len)).value = i;
      prev = key;
    }

  /* Symbols: the bytes used in keys, numbered in byte order so that children stay in byte
   * order.  More than 64 would not fit the masks; skeleton keys use about 30. */
  for (guint c = 0; c < 256; c++)
    {
      if (used[c] && n_syms < 64)
        self->sym[c] = (guint8) n_syms++;
      else
        {
          if (used[c])
            g_critical ("sitrep_trie_new: more than 64 distinct bytes in the keys");
          self->sym[c] = SITREP_TRIE_NO_SYM;
        }
    }

  /* Breadth first: the children of the node at position p get consecutive positions. */
  self->n_nodes = build->len;
  self->nodes = g_new0 (SitrepTrieNode, self->n_nodes);
  order = g_new (guint32, self->n_nodes);
  order[0] = 0;
  head = 0;
  tail = 1;
  while (head < tail)
    {
      const BuildNode *b = &g_array_index (build, BuildNode, order[head]);
      SitrepTrieNode *out = &self->nodes[head];

      out->value = b->value;
      out->first_child = tail;
      out->children = 0;
      for (guint32 c = b->first_child; c != SITREP_TRIE_NONE;
           c = g_array_index (build, BuildNode, c).next_sibling)
        {
          guint s = self->sym[g_array_index (build, BuildNode, c).label];
          if (s == SITREP_TRIE_NO_SYM)
            continue;
          out->children |= G_GUINT64_CONSTANT (1) << s;
          order[tail++] = c;
        }
      head++;
    }
  self->n_nodes = tail;
  return self;
}

void
sitrep_trie_free (SitrepTrie *self)
{
  if (self == NULL)
    return;
  g_free (self->nodes);
  g_free (self);
}

guint
sitrep_trie_n_nodes (SitrepTrie *self)
{
  return self->n_nodes;
}
