/* anpai-outline-columns.h — the columns of the Outline view's tree
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds 序号, task, time requirement, lead unit, other units and status to
 * @view, whose items are GtkTreeListRows of AnpaiOutlineRow. */
void anpai_outline_columns_add (GtkColumnView *view);

G_END_DECLS
