/* anpai-units-view.h — the responsible units (责任单位), one unit's page, and
 * the responsibility matrix
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-matrix-view.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_UNITS_VIEW (anpai_units_view_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiUnitsView, anpai_units_view, ANPAI, UNITS_VIEW, GtkWidget)

void             anpai_units_view_set_project       (AnpaiUnitsView *self,
                                                     AnpaiProject   *project);
gboolean         anpai_units_view_select_unit       (AnpaiUnitsView *self,
                                                     gint64          unit_id);
gint64           anpai_units_view_get_selected_unit (AnpaiUnitsView *self);
/* The counts the list shows for @unit_id: tasks by AnpaiRole, and overdue */
gboolean         anpai_units_view_get_shown_counts  (AnpaiUnitsView *self,
                                                     gint64          unit_id,
                                                     guint           n_tasks[3],
                                                     guint          *n_overdue);
/* The unit shown at @position in the list as it is sorted now, or 0 */
gint64           anpai_units_view_get_unit_at       (AnpaiUnitsView *self,
                                                     guint           position);
void             anpai_units_view_show_matrix       (AnpaiUnitsView *self,
                                                     gboolean        show);
AnpaiMatrixView *anpai_units_view_get_matrix_view   (AnpaiUnitsView *self);

G_END_DECLS
