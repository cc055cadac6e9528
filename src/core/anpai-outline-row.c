/* anpai-outline-row.c — one node of a plan's outline, as views show it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-row.h"

struct _AnpaiOutlineRow
{
  GObject    parent_instance;

  AnpaiNode *node;
  char      *lead;
  GStrv      co;
  GStrv      support;
  gboolean   has_children;
};

G_DEFINE_FINAL_TYPE (AnpaiOutlineRow, anpai_outline_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const empty[] = { NULL };

static void
anpai_outline_row_finalize (GObject *object)
{
  AnpaiOutlineRow *self = ANPAI_OUTLINE_ROW (object);

  g_clear_object (&self->node);
  g_free (self->lead);
  g_strfreev (self->co);
  g_strfreev (self->support);

  G_OBJECT_CLASS (anpai_outline_row_parent_class)->finalize (object);
}

static void
anpai_outline_row_class_init (AnpaiOutlineRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anpai_outline_row_finalize;

  /* Emitted after the outline updated the row from the project file. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
anpai_outline_row_init (AnpaiOutlineRow *self)
{
}

AnpaiOutlineRow *
_anpai_outline_row_new (AnpaiNode *node)
{
  AnpaiOutlineRow *self = g_object_new (ANPAI_TYPE_OUTLINE_ROW, NULL);

  self->node = g_object_ref (node);
  return self;
}

/* Takes @co and @support. @node's fields are copied into the row's own node,
 * so that whoever holds it sees the new values. */
void
_anpai_outline_row_update (AnpaiOutlineRow *self,
                           AnpaiNode       *node,
                           const char      *lead,
                           GStrv            co,
                           GStrv            support,
                           gboolean         has_children)
{
  g_return_if_fail (ANPAI_IS_OUTLINE_ROW (self));

  if (node != self->node)
    anpai_node_assign (self->node, node);
  g_free (self->lead);
  self->lead = g_strdup (lead);
  g_strfreev (self->co);
  self->co = co;
  g_strfreev (self->support);
  self->support = support;
  self->has_children = has_children;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* (transfer none) */
AnpaiNode *
anpai_outline_row_get_node (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), NULL);
  return self->node;
}

gint64
anpai_outline_row_get_id (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), 0);
  return anpai_node_get_id (self->node);
}

/* (nullable) */
const char *
anpai_outline_row_get_lead (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), NULL);
  return self->lead;
}

const char * const *
anpai_outline_row_get_co (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), empty);
  return self->co != NULL ? (const char * const *) self->co : empty;
}

const char * const *
anpai_outline_row_get_support (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), empty);
  return self->support != NULL ? (const char * const *) self->support : empty;
}

/* Whether the node has items under it: whether a tree can expand it. */
gboolean
anpai_outline_row_has_children (AnpaiOutlineRow *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_ROW (self), FALSE);
  return self->has_children;
}
