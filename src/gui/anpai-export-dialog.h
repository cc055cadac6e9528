/* anpai-export-dialog.h — choosing what to export, and where
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-export.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_EXPORT_DIALOG (anpai_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiExportDialog, anpai_export_dialog, ANPAI, EXPORT_DIALOG, AdwWindow)

AnpaiExportDialog *anpai_export_dialog_new         (GtkWindow          *parent,
                                                    AnpaiProject       *project,
                                                    GSettings          *settings,
                                                    gint64              plan_id);
/* What the dialog's fields say, for the export and for tests. */
AnpaiExportFormat  anpai_export_dialog_get_format  (AnpaiExportDialog  *self);
void               anpai_export_dialog_set_format  (AnpaiExportDialog  *self,
                                                    AnpaiExportFormat   format);
void               anpai_export_dialog_get_options (AnpaiExportDialog  *self,
                                                    AnpaiExportOptions *options);
/* Writes @path as the fields say; emits "exported" on success. */
gboolean           anpai_export_dialog_export_to   (AnpaiExportDialog  *self,
                                                    const char         *path);

G_END_DECLS
