/* anpai-unit-chooser.h — a popover to find a responsible unit, or add one
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_UNIT_CHOOSER (anpai_unit_chooser_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiUnitChooser, anpai_unit_chooser, ANPAI, UNIT_CHOOSER, GtkPopover)

GtkWidget     *anpai_unit_chooser_new         (void);
void           anpai_unit_chooser_set_project (AnpaiUnitChooser *self,
                                               AnpaiProject     *project);
void           anpai_unit_chooser_reload      (AnpaiUnitChooser *self);
/* For tests and callers that open it with text already typed */
GtkEditable   *anpai_unit_chooser_get_entry   (AnpaiUnitChooser *self);
GtkListBox    *anpai_unit_chooser_get_list    (AnpaiUnitChooser *self);

G_END_DECLS
