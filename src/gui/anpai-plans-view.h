/* anpai-plans-view.h — the project's plans and the selected one's fields
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_PLANS_VIEW (anpai_plans_view_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiPlansView, anpai_plans_view, ANPAI, PLANS_VIEW, GtkWidget)

void       anpai_plans_view_set_project   (AnpaiPlansView *self,
                                           AnpaiProject   *project);
void       anpai_plans_view_add_plan      (AnpaiPlansView *self);
AnpaiPlan *anpai_plans_view_get_selected  (AnpaiPlansView *self);
void       anpai_plans_view_select        (AnpaiPlansView *self,
                                           gint64          plan_id);

G_END_DECLS
