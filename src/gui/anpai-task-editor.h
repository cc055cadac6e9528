/* anpai-task-editor.h — the fields of one outline item, beside the outline
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_TASK_EDITOR (anpai_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiTaskEditor, anpai_task_editor, ANPAI, TASK_EDITOR, AdwBin)

GtkWidget  *anpai_task_editor_new       (void);
/* @node_id: 0 (or a NULL @project) shows no item */
void        anpai_task_editor_set_node  (AnpaiTaskEditor *self,
                                         AnpaiProject    *project,
                                         gint64           node_id);
gint64      anpai_task_editor_get_node  (AnpaiTaskEditor *self);

G_END_DECLS
