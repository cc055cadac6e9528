/* anpai-outline-model.h — a plan's outline as live list models, one per parent
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "anpai-outline-row.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_OUTLINE_MODEL (anpai_outline_model_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiOutlineModel, anpai_outline_model, ANPAI, OUTLINE_MODEL, GObject)

/* The outline of one plan. Children are read per parent when a view asks
 * for them (a tree shows a 20,000-task plan without reading it all), and
 * every list handed out stays current: after each commit, undo or redo the
 * lists that hold a touched node or its parent are read again, keeping the
 * row objects of nodes that are still there. */
AnpaiOutlineModel    *anpai_outline_model_new          (AnpaiProject *project,
                                             gint64        plan_id);
/* (transfer full): a GListModel of AnpaiOutlineRow, the children of
 * @parent_id (0: the plan's top level) in outline order. */
GListModel      *anpai_outline_model_get_children (AnpaiOutlineModel *self,
                                             gint64        parent_id);
/* (transfer none) (nullable): the row of @node_id if a list holding it is
 * alive. */
AnpaiOutlineRow *anpai_outline_model_find_row     (AnpaiOutlineModel *self,
                                             gint64        node_id);
/* (transfer full): the ids of @node_id's ancestors, the top one first. */
GArray          *anpai_outline_model_get_path     (AnpaiOutlineModel *self,
                                             gint64        node_id);

G_END_DECLS
