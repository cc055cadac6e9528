/* anpai-import-parse.h — from blocks of text to a plan with its outline
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-import-model.h"

G_BEGIN_DECLS

typedef struct {
  int year;          /* the plan's year when the document does not say; 0: unknown */
  int period_first;  /* the plan's period when the document does not say; 0: unknown */
  int period_last;
} AnpaiImportOptions;

/* Cleans the blocks (page chrome, lines broken inside a sentence), reads the
 * notice around the plan (文号, issuer, date, title, period), builds the
 * outline, and reads each task's units, time requirement and targets. The
 * units are not matched to a project yet (AnpaiImportUnit.matches is NULL).
 * Fails with ANPAI_IMPORT_ERROR_NO_OUTLINE when there is no plan in it. */
AnpaiImportPlan *anpai_import_parse (AnpaiImportSource         *source,
                                     const AnpaiImportOptions  *options,
                                     GError                   **error);

G_END_DECLS
