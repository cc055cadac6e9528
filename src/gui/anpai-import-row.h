/* anpai-import-row.h — one node of an import preview, for list models
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "anpai-import-model.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_IMPORT_ROW (anpai_import_row_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiImportRow, anpai_import_row, ANPAI, IMPORT_ROW, GObject)

AnpaiImportRow  *anpai_import_row_new          (AnpaiImportNode *node);
AnpaiImportNode *anpai_import_row_get_node     (AnpaiImportRow  *self);
GListModel      *anpai_import_row_get_children (AnpaiImportRow  *self);
char            *anpai_import_row_dup_others   (AnpaiImportRow  *self);
void             anpai_import_row_changed      (AnpaiImportRow  *self);

GListModel      *anpai_import_rows_new         (AnpaiImportNode *root);

G_END_DECLS
