/* anpai-unit.h — a responsible unit (责任单位) and its other names
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "anpai-enums.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_UNIT (anpai_unit_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiUnit, anpai_unit, ANPAI, UNIT, GObject)

AnpaiUnit           *anpai_unit_new            (const char          *name,
                                                AnpaiUnitKind        kind);
AnpaiUnit           *anpai_unit_copy           (AnpaiUnit           *self);
void                 anpai_unit_assign         (AnpaiUnit           *self,
                                                AnpaiUnit           *from);

gint64               anpai_unit_get_id         (AnpaiUnit           *self);
const char          *anpai_unit_get_name       (AnpaiUnit           *self);
void                 anpai_unit_set_name       (AnpaiUnit           *self,
                                                const char          *name);
AnpaiUnitKind        anpai_unit_get_kind       (AnpaiUnit           *self);
void                 anpai_unit_set_kind       (AnpaiUnit           *self,
                                                AnpaiUnitKind        kind);
int                  anpai_unit_get_sort_order (AnpaiUnit           *self);
void                 anpai_unit_set_sort_order (AnpaiUnit           *self,
                                                int                  sort_order);
const char          *anpai_unit_get_notes      (AnpaiUnit           *self);
void                 anpai_unit_set_notes      (AnpaiUnit           *self,
                                                const char          *notes);
const char * const  *anpai_unit_get_aliases    (AnpaiUnit           *self);

/* Core-internal */
void                 _anpai_unit_set_id        (AnpaiUnit           *self,
                                                gint64               id);
void                 _anpai_unit_set_aliases   (AnpaiUnit           *self,
                                                const char * const  *aliases);

G_END_DECLS
