/* anpai-plan-list.h — the project's plans as a live GListModel
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "anpai-plan.h"

G_BEGIN_DECLS

typedef struct _AnpaiProject AnpaiProject;

#define ANPAI_TYPE_PLAN_LIST (anpai_plan_list_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiPlanList, anpai_plan_list, ANPAI, PLAN_LIST, GObject)

AnpaiPlanList *anpai_plan_list_new    (AnpaiProject  *project);
AnpaiPlan     *anpai_plan_list_lookup (AnpaiPlanList *self,
                                       gint64         plan_id);
void           anpai_plan_list_reload (AnpaiPlanList *self);

G_END_DECLS
