/* anpai-outline-columns.h — the columns of the Outline view's tree
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where a dragged row is dropped on another: before it, after it, or as
 * its last child. */
typedef enum {
  ANPAI_DROP_BEFORE,
  ANPAI_DROP_AFTER,
  ANPAI_DROP_INTO,
} AnpaiDropPlace;

typedef gboolean (*AnpaiOutlineDropFunc) (gint64          dragged_id,
                                          gint64          target_id,
                                          AnpaiDropPlace  place,
                                          gpointer        user_data);

/* Adds 序号, task, time requirement, lead unit, other units and status to
 * @view, whose items are GtkTreeListRows of AnpaiOutlineRow. Rows can be
 * dragged by their number or task cell and dropped on another row; @drop
 * does the move. */
void anpai_outline_columns_add (GtkColumnView        *view,
                                AnpaiOutlineDropFunc  drop,
                                gpointer              user_data);

G_END_DECLS
