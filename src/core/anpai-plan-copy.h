/* anpai-plan-copy.h — next year's arrangement from this year's
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

gint64  anpai_project_copy_plan_to_next_year (AnpaiProject  *self,
                                              gint64         plan_id,
                                              GError       **error);

/* Moves on by @delta the plain years in @text (2018年, 2018年度,
 * 2023—2024年, 2018-06-30, 2018.6) that lie in @first_year..@last_year. */
char   *anpai_shift_plain_years              (const char    *text,
                                              int            first_year,
                                              int            last_year,
                                              int            delta);

G_END_DECLS
