/* anpai-plan-row.h — a plan in the sidebar of the Plans view
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-plan.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_PLAN_ROW (anpai_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiPlanRow, anpai_plan_row, ANPAI, PLAN_ROW, GtkWidget)

GtkWidget *anpai_plan_row_new      (void);
void       anpai_plan_row_set_plan (AnpaiPlanRow *self,
                                    AnpaiPlan    *plan);

G_END_DECLS
