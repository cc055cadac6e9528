/* anpai-import-row.c — one node of an import preview, for list models
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-display.h"
#include "anpai-import-row.h"

/* The parser builds a plain C tree (cheap, and easy to fuzz); the preview
 * needs GObjects. A row borrows its node: the preview owns the plan, and the
 * rows live no longer than it. Edits change the node, then call
 * anpai_import_row_changed() so the bound cells redraw. */

struct _AnpaiImportRow
{
  GObject          parent_instance;

  AnpaiImportNode *node;      /* borrowed */
  GListStore      *children;  /* built on first use */
};

G_DEFINE_FINAL_TYPE (AnpaiImportRow, anpai_import_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
anpai_import_row_dispose (GObject *object)
{
  AnpaiImportRow *self = ANPAI_IMPORT_ROW (object);

  g_clear_object (&self->children);

  G_OBJECT_CLASS (anpai_import_row_parent_class)->dispose (object);
}

static void
anpai_import_row_class_init (AnpaiImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = anpai_import_row_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
anpai_import_row_init (AnpaiImportRow *self)
{
}

AnpaiImportRow *
anpai_import_row_new (AnpaiImportNode *node)
{
  AnpaiImportRow *self;

  g_return_val_if_fail (node != NULL, NULL);

  self = g_object_new (ANPAI_TYPE_IMPORT_ROW, NULL);
  self->node = node;
  return self;
}

AnpaiImportNode *
anpai_import_row_get_node (AnpaiImportRow *self)
{
  g_return_val_if_fail (ANPAI_IS_IMPORT_ROW (self), NULL);
  return self->node;
}

/* (transfer full): a list of the children's rows */
GListModel *
anpai_import_rows_new (AnpaiImportNode *parent)
{
  GListStore *store = g_list_store_new (ANPAI_TYPE_IMPORT_ROW);

  g_return_val_if_fail (parent != NULL, NULL);

  for (guint i = 0; i < parent->children->len; i++)
    {
      g_autoptr(AnpaiImportRow) row = anpai_import_row_new (g_ptr_array_index (parent->children, i));

      g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

/* (transfer none) (nullable): NULL for a node without children, so the tree
 * shows no expander there */
GListModel *
anpai_import_row_get_children (AnpaiImportRow *self)
{
  g_return_val_if_fail (ANPAI_IS_IMPORT_ROW (self), NULL);

  if (self->node->children->len == 0)
    return NULL;
  if (self->children == NULL)
    self->children = G_LIST_STORE (anpai_import_rows_new (self->node));
  return G_LIST_MODEL (self->children);
}

/* "市委政法委、市中级法院; 配合: 市政府相关部门" — co-responsible units
 * first, then the supporting ones after a label, so roles stay apart. */
char *
anpai_import_row_dup_others (AnpaiImportRow *self)
{
  g_return_val_if_fail (ANPAI_IS_IMPORT_ROW (self), NULL);

  return anpai_display_other_units ((const char * const *) self->node->co->pdata, self->node->co->len,
                                    (const char * const *) self->node->support->pdata,
                                    self->node->support->len);
}

void
anpai_import_row_changed (AnpaiImportRow *self)
{
  g_return_if_fail (ANPAI_IS_IMPORT_ROW (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
