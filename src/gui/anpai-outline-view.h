/* anpai-outline-view.h — a plan's task breakdown as an editable tree
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-outline-columns.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_OUTLINE_VIEW (anpai_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiOutlineView, anpai_outline_view, ANPAI, OUTLINE_VIEW, GtkWidget)

void     anpai_outline_view_set_project     (AnpaiOutlineView *self,
                                             AnpaiProject     *project);
void     anpai_outline_view_set_plan        (AnpaiOutlineView *self,
                                             gint64            plan_id);
gint64   anpai_outline_view_get_plan_id     (AnpaiOutlineView *self);
/* Expands the node's ancestors, selects it and scrolls to it. */
gboolean anpai_outline_view_select_node     (AnpaiOutlineView *self,
                                             gint64            node_id);
/* (transfer full): the ids of the selected nodes, in outline order. */
GArray  *anpai_outline_view_get_selected    (AnpaiOutlineView *self);
void     anpai_outline_view_set_search_mode (AnpaiOutlineView *self,
                                             gboolean          search_mode);
/* The search text, for tests and for the window's Ctrl+F. */
void     anpai_outline_view_set_search_text (AnpaiOutlineView *self,
                                             const char       *text);
/* What dropping the row @dragged_id on the row @target_id does. */
gboolean anpai_outline_view_drop            (AnpaiOutlineView *self,
                                             gint64            dragged_id,
                                             gint64            target_id,
                                             AnpaiDropPlace    place);
/* (transfer none): the rows the tree shows (GtkTreeListRow of
 * AnpaiOutlineRow) with their selection, for a view that follows them. */
GtkSelectionModel *anpai_outline_view_get_rows (AnpaiOutlineView *self);
/* How many rows the tree shows (a filter hides some). */
guint    anpai_outline_view_get_n_visible   (AnpaiOutlineView *self);

G_END_DECLS
