/* anpai-plan.h — one plan document of a project (规划, 方案, 工作安排)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "anpai-enums.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_PLAN (anpai_plan_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiPlan, anpai_plan, ANPAI, PLAN, GObject)

AnpaiPlan     *anpai_plan_new              (void);
AnpaiPlan     *anpai_plan_copy             (AnpaiPlan     *self);
gboolean       anpai_plan_equal            (AnpaiPlan     *a,
                                            AnpaiPlan     *b);
void           anpai_plan_assign           (AnpaiPlan     *self,
                                            AnpaiPlan     *from);

gint64         anpai_plan_get_id           (AnpaiPlan     *self);
const char    *anpai_plan_get_title        (AnpaiPlan     *self);
void           anpai_plan_set_title        (AnpaiPlan     *self,
                                            const char    *title);
const char    *anpai_plan_get_doc_number   (AnpaiPlan     *self);
void           anpai_plan_set_doc_number   (AnpaiPlan     *self,
                                            const char    *doc_number);
const char    *anpai_plan_get_issuer       (AnpaiPlan     *self);
void           anpai_plan_set_issuer       (AnpaiPlan     *self,
                                            const char    *issuer);
const char    *anpai_plan_get_issued_on    (AnpaiPlan     *self);
void           anpai_plan_set_issued_on    (AnpaiPlan     *self,
                                            const char    *issued_on);
const char    *anpai_plan_get_period_start (AnpaiPlan     *self);
void           anpai_plan_set_period_start (AnpaiPlan     *self,
                                            const char    *period_start);
const char    *anpai_plan_get_period_end   (AnpaiPlan     *self);
void           anpai_plan_set_period_end   (AnpaiPlan     *self,
                                            const char    *period_end);
AnpaiPlanKind  anpai_plan_get_kind         (AnpaiPlan     *self);
void           anpai_plan_set_kind         (AnpaiPlan     *self,
                                            AnpaiPlanKind  kind);
gint64         anpai_plan_get_parent_id    (AnpaiPlan     *self);
void           anpai_plan_set_parent_id    (AnpaiPlan     *self,
                                            gint64         parent_id);
gboolean       anpai_plan_get_manual_labels (AnpaiPlan    *self);
void           anpai_plan_set_manual_labels (AnpaiPlan    *self,
                                            gboolean       manual_labels);

char          *anpai_plan_dup_period_label (AnpaiPlan     *self);

/* Core-internal: the store sets these when it reads a row. */
void           _anpai_plan_set_id          (AnpaiPlan     *self,
                                            gint64         id);
int            _anpai_plan_get_position    (AnpaiPlan     *self);
void           _anpai_plan_set_position    (AnpaiPlan     *self,
                                            int            position);

G_END_DECLS
