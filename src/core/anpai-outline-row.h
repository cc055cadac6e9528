/* anpai-outline-row.h — one node of a plan's outline, as views show it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "anpai-node.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_OUTLINE_ROW (anpai_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiOutlineRow, anpai_outline_row, ANPAI, OUTLINE_ROW, GObject)

/* The node with what its row shows beside it: the names of its units by
 * role and whether it has children. The outline updates a row in place
 * after every change and emits "changed" once. */
AnpaiNode          *anpai_outline_row_get_node       (AnpaiOutlineRow *self);
gint64              anpai_outline_row_get_id         (AnpaiOutlineRow *self);
const char         *anpai_outline_row_get_lead       (AnpaiOutlineRow *self);
const char * const *anpai_outline_row_get_co         (AnpaiOutlineRow *self);
const char * const *anpai_outline_row_get_support    (AnpaiOutlineRow *self);
gboolean            anpai_outline_row_has_children   (AnpaiOutlineRow *self);

AnpaiOutlineRow    *_anpai_outline_row_new           (AnpaiNode       *node);
void                _anpai_outline_row_update        (AnpaiOutlineRow *self,
                                                      AnpaiNode       *node,
                                                      const char      *lead,
                                                      GStrv            co,
                                                      GStrv            support,
                                                      gboolean         has_children);

G_END_DECLS
