/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-trie.c: a compact byte trie over sorted keys, walked from each word start. */
#define G_LOG_DOMAIN "sitrep-trie"

#include "config.h"

#include <string.h>

#include "sitrep-trie.h"

/* Nodes are made in key order, so a node's children are a chain of siblings in byte
 * order; the root's children are also indexed directly. */
typedef struct
{
  guint32 first_child;
  guint32 next_sibling;
  guint32 value;
  guchar  label;
} Node;

struct _SitrepTrie
{
  GArray  *nodes;   /* Node */
  guint32  root_children[256];
};

SitrepTrie *
sitrep_trie_new (const char *const *keys,
                 guint              n)
{
  SitrepTrie *self = g_new0 (SitrepTrie, 1);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  Node root = { SITREP_TRIE_NONE, SITREP_TRIE_NONE, SITREP_TRIE_NONE, 0 };
  const char *prev = "";

  self->nodes = g_array_sized_new (FALSE, FALSE, sizeof (Node), n * 4 + 1);
  g_array_append_val (self->nodes, root);
  /* path[d] is the node reached by the previous key's first d bytes. */
  g_array_append_val (path, (guint32) { 0 });

  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      gsize common = 0;
      gsize len = strlen (key);

      g_return_val_if_fail (i == 0 || strcmp (prev, key) < 0, self);
      while (key[common] != '\0' && key[common] == prev[common])
        common++;
      /* The previous key's node at depth common + 1 is the last child of path[common]. */
      for (gsize d = common; d < len; d++)
        {
          Node node = { SITREP_TRIE_NONE, SITREP_TRIE_NONE, SITREP_TRIE_NONE, (guchar) key[d] };
          guint32 id = self->nodes->len;
          guint32 parent = g_array_index (path, guint32, d);

          g_array_append_val (self->nodes, node);
          if (d == common && path->len > d + 1)
            g_array_index (self->nodes, Node, g_array_index (path, guint32, d + 1)).next_sibling = id;
          else
            g_array_index (self->nodes, Node, parent).first_child = id;
          if (parent == 0)
            self->root_children[(guchar) key[d]] = id;
          g_array_set_size (path, d + 1);
          g_array_append_val (path, id);
        }
      g_array_set_size (path, len + 1);
      g_array_index (self->nodes, Node, g_array_index (path, guint32, len)).value = i;
      prev = key;
    }
  for (guint c = 0; c < 256; c++)
    if (self->root_children[c] == 0)
      self->root_children[c] = SITREP_TRIE_NONE;
  return self;
}

void
sitrep_trie_free (SitrepTrie *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->nodes);
  g_free (self);
}

guint32
sitrep_trie_root (SitrepTrie *self)
{
  return 0;
}

guint32
sitrep_trie_step (SitrepTrie *self,
                  guint32     node,
                  guchar      c)
{
  const Node *nodes = (const Node *) self->nodes->data;
  guint32 child;

  if (node == 0)
    return self->root_children[c];
  for (child = nodes[node].first_child; child != SITREP_TRIE_NONE; child = nodes[child].next_sibling)
    {
      if (nodes[child].label == c)
        return child;
      if (nodes[child].label > c)
        break;
    }
  return SITREP_TRIE_NONE;
}

guint32
sitrep_trie_value (SitrepTrie *self,
                   guint32     node)
{
  return g_array_index (self->nodes, Node, node).value;
}

guint
sitrep_trie_n_nodes (SitrepTrie *self)
{
  return self->nodes->len;
}
