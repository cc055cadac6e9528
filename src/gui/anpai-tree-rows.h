/* anpai-tree-rows.h — working on the rows of a GtkTreeListModel
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens (or closes) every row of @rows, a list of GtkTreeListRow such as a
 * GtkTreeListModel or a selection model over one. */
void    anpai_tree_rows_set_all_expanded (GListModel *rows,
                                          gboolean    expanded);
/* The node id of the AnpaiOutlineRow in @row (nullable), or at @position;
 * 0 if none. */
gint64  anpai_tree_rows_row_get_node_id  (GtkTreeListRow *row);
gint64  anpai_tree_rows_get_node_id      (GListModel *rows,
                                          guint       position);

G_END_DECLS
