/* anpai-import-dialog.h — read a plan document, check the parse, import it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-import-model.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_IMPORT_DIALOG (anpai_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiImportDialog, anpai_import_dialog, ANPAI, IMPORT_DIALOG, AdwWindow)

AnpaiImportDialog *anpai_import_dialog_new        (GtkWindow         *parent,
                                                   AnpaiProject      *project);
void               anpai_import_dialog_load_file  (AnpaiImportDialog *self,
                                                   GFile             *file);
void               anpai_import_dialog_load_text  (AnpaiImportDialog *self,
                                                   const char        *text);
AnpaiImportPlan   *anpai_import_dialog_get_plan   (AnpaiImportDialog *self);
gboolean           anpai_import_dialog_import     (AnpaiImportDialog *self);
void               anpai_import_dialog_merge_unit (AnpaiImportDialog *self,
                                                   const char        *from,
                                                   const char        *into);
void               anpai_import_dialog_set_node_units (AnpaiImportDialog *self,
                                                   AnpaiImportNode   *node,
                                                   const char        *lead,
                                                   const char        *co,
                                                   const char        *support);

G_END_DECLS
