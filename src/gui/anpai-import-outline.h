/* anpai-import-outline.h — the parsed outline of an import preview
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-import-row.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_IMPORT_OUTLINE (anpai_import_outline_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiImportOutline, anpai_import_outline, ANPAI, IMPORT_OUTLINE, GtkWidget)

GtkWidget      *anpai_import_outline_new          (void);
void            anpai_import_outline_set_root     (AnpaiImportOutline *self,
                                                   AnpaiImportNode    *root);
AnpaiImportRow *anpai_import_outline_get_selected (AnpaiImportOutline *self);
void            anpai_import_outline_refresh      (AnpaiImportOutline *self);

G_END_DECLS
