/* anpai-tree-rows.c — working on the rows of a GtkTreeListModel
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-model.h"
#include "anpai-tree-rows.h"

/* The Tasks view and the Timeline view share one tree of rows; both open
 * and close all of it the same way. */

void
anpai_tree_rows_set_all_expanded (GListModel *rows,
                                  gboolean    expanded)
{
  g_return_if_fail (G_IS_LIST_MODEL (rows));

  /* rows expanding insert their children after them: walk to the end as
   * it grows; collapsing walks backwards so positions stay valid */
  if (expanded)
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

        gtk_tree_list_row_set_expanded (row, TRUE);
      }
  else
    for (guint i = g_list_model_get_n_items (rows); i > 0; i--)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i - 1);

        gtk_tree_list_row_set_expanded (row, FALSE);
      }
}

gint64
anpai_tree_rows_row_get_node_id (GtkTreeListRow *row)
{
  g_autoptr(AnpaiOutlineRow) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  return ANPAI_IS_OUTLINE_ROW (item) ? anpai_outline_row_get_id (item) : 0;
}

gint64
anpai_tree_rows_get_node_id (GListModel *rows,
                             guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);

  return anpai_tree_rows_row_get_node_id (row);
}
