/* anpai-changes.h — which rows one committed step touched
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  ANPAI_TABLE_PLAN       = 1 << 0,
  ANPAI_TABLE_NODE       = 1 << 1,
  ANPAI_TABLE_UNIT       = 1 << 2,
  ANPAI_TABLE_UNIT_ALIAS = 1 << 3,
  ANPAI_TABLE_ASSIGNMENT = 1 << 4,
  ANPAI_TABLE_TARGET     = 1 << 5,
  ANPAI_TABLE_REPORT     = 1 << 6,
  ANPAI_TABLE_ALL        = (1 << 7) - 1,
} AnpaiTables;

typedef struct _AnpaiChanges AnpaiChanges;

#define ANPAI_TYPE_CHANGES (anpai_changes_get_type ())

GType          anpai_changes_get_type      (void) G_GNUC_CONST;
AnpaiChanges  *anpai_changes_new           (void);
AnpaiChanges  *anpai_changes_new_all       (void);
AnpaiChanges  *anpai_changes_ref           (AnpaiChanges       *self);
void           anpai_changes_unref         (AnpaiChanges       *self);

void           anpai_changes_add           (AnpaiChanges       *self,
                                            AnpaiTables         table,
                                            gint64              plan_id,
                                            gint64              node_id,
                                            gint64              unit_id);
gboolean       anpai_changes_is_empty      (const AnpaiChanges *self);
gboolean       anpai_changes_is_everything (const AnpaiChanges *self);
AnpaiTables    anpai_changes_get_tables    (const AnpaiChanges *self);
gboolean       anpai_changes_has_plan      (const AnpaiChanges *self,
                                            gint64              plan_id);
gboolean       anpai_changes_has_node      (const AnpaiChanges *self,
                                            gint64              node_id);
gboolean       anpai_changes_has_unit      (const AnpaiChanges *self,
                                            gint64              unit_id);
GHashTable    *anpai_changes_get_plans     (const AnpaiChanges *self);
GHashTable    *anpai_changes_get_nodes     (const AnpaiChanges *self);
GHashTable    *anpai_changes_get_units     (const AnpaiChanges *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiChanges, anpai_changes_unref)

G_END_DECLS
