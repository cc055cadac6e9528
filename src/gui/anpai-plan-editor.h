/* anpai-plan-editor.h — the fields of one plan
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_PLAN_EDITOR (anpai_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiPlanEditor, anpai_plan_editor, ANPAI, PLAN_EDITOR, AdwBin)

void       anpai_plan_editor_set_plan  (AnpaiPlanEditor *self,
                                        AnpaiProject    *project,
                                        AnpaiPlan       *plan);
AnpaiPlan *anpai_plan_editor_get_plan  (AnpaiPlanEditor *self);
void       anpai_plan_editor_focus_title (AnpaiPlanEditor *self);

G_END_DECLS
