/* anpai-import-commit.h — an imported plan into a project, as one step
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-import-model.h"
#include "anpai-project.h"

G_BEGIN_DECLS

void    anpai_import_match_units (AnpaiImportPlan  *plan,
                                  AnpaiProject     *project);
gint64  anpai_import_commit      (AnpaiProject     *project,
                                  AnpaiImportPlan  *plan,
                                  const char       *label,
                                  GError          **error);
gint64  anpai_import_commit_into (AnpaiProject     *project,
                                  AnpaiImportPlan  *plan,
                                  gint64            plan_id,
                                  gint64            after_id,
                                  GError          **error);

G_END_DECLS
