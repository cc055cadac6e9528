/* anpai-matrix-view.h — the responsibility matrix (责任分工表) of one plan
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-project.h"
#include "anpai-unit-edit.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_MATRIX_VIEW (anpai_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiMatrixView, anpai_matrix_view, ANPAI, MATRIX_VIEW, GtkWidget)

void               anpai_matrix_view_set_project    (AnpaiMatrixView *self,
                                                     AnpaiProject    *project);
/* @section_id: 0 for the whole plan */
void               anpai_matrix_view_show           (AnpaiMatrixView *self,
                                                     gint64           plan_id,
                                                     gint64           section_id);
gint64             anpai_matrix_view_get_plan_id    (AnpaiMatrixView *self);
const AnpaiMatrix *anpai_matrix_view_get_matrix     (AnpaiMatrixView *self);
/* The text shown in cell (@row, @column) of the unit columns */
const char        *anpai_matrix_view_get_cell_text  (AnpaiMatrixView *self,
                                                     guint            row,
                                                     guint            column);
void               anpai_matrix_view_copy           (AnpaiMatrixView *self);

G_END_DECLS
