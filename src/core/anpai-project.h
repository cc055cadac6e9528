/* anpai-project.h — an open project file (.anpai)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "anpai-changes.h"
#include "anpai-enums.h"
#include "anpai-error.h"
#include "anpai-node.h"
#include "anpai-plan.h"
#include "anpai-unit.h"

G_BEGIN_DECLS

typedef enum {
  ANPAI_PROJECT_OPEN_DEFAULT   = 0,
  ANPAI_PROJECT_OPEN_READ_ONLY = 1 << 0,  /* never writes; no lock taken */
} AnpaiProjectOpenFlags;

#define ANPAI_TYPE_PROJECT (anpai_project_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiProject, anpai_project, ANPAI, PROJECT, GObject)

/* Opening and closing */
AnpaiProject  *anpai_project_create          (const char             *path,
                                              GError                **error);
AnpaiProject  *anpai_project_open            (const char             *path,
                                              AnpaiProjectOpenFlags   flags,
                                              GError                **error);
void           anpai_project_open_async      (const char             *path,
                                              AnpaiProjectOpenFlags   flags,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
AnpaiProject  *anpai_project_open_finish     (GAsyncResult           *result,
                                              GError                **error);
void           anpai_project_close           (AnpaiProject           *self);
const char    *anpai_project_get_path        (AnpaiProject           *self);
gboolean       anpai_project_get_read_only   (AnpaiProject           *self);
int            anpai_project_get_file_version (AnpaiProject          *self);
gboolean       anpai_project_save_copy       (AnpaiProject           *self,
                                              const char             *path,
                                              GError                **error);

/* One user action = one transaction = one undo step. Calls nest: only the
 * outermost commit writes, and its label names the step. */
gboolean       anpai_project_begin           (AnpaiProject           *self,
                                              const char             *label,
                                              GError                **error);
gboolean       anpai_project_commit          (AnpaiProject           *self,
                                              GError                **error);
void           anpai_project_rollback        (AnpaiProject           *self);
gboolean       anpai_project_in_edit         (AnpaiProject           *self);

gboolean       anpai_project_can_undo        (AnpaiProject           *self);
gboolean       anpai_project_can_redo        (AnpaiProject           *self);
const char    *anpai_project_get_undo_label  (AnpaiProject           *self);
const char    *anpai_project_get_redo_label  (AnpaiProject           *self);
gboolean       anpai_project_undo            (AnpaiProject           *self,
                                              char                  **label,
                                              GError                **error);
gboolean       anpai_project_redo            (AnpaiProject           *self,
                                              char                  **label,
                                              GError                **error);
void           anpai_project_clear_history   (AnpaiProject           *self);

/* Plans */
GListModel    *anpai_project_get_plans       (AnpaiProject           *self);
AnpaiPlan     *anpai_project_get_plan        (AnpaiProject           *self,
                                              gint64                  plan_id);
gint64         anpai_project_add_plan        (AnpaiProject           *self,
                                              AnpaiPlan              *plan,
                                              GError                **error);
gboolean       anpai_project_update_plan     (AnpaiProject           *self,
                                              AnpaiPlan              *plan,
                                              GError                **error);
gboolean       anpai_project_delete_plan     (AnpaiProject           *self,
                                              gint64                  plan_id,
                                              GError                **error);
int            anpai_project_count_tasks     (AnpaiProject           *self,
                                              gint64                  plan_id);
gboolean       anpai_project_set_plan_source (AnpaiProject           *self,
                                              gint64                  plan_id,
                                              const char             *name,
                                              const char             *text,
                                              GError                **error);
gboolean       anpai_project_set_plan_parent (AnpaiProject           *self,
                                              gint64                  plan_id,
                                              gint64                  parent_id,
                                              GError                **error);

/* Outline nodes */
gint64         anpai_project_add_node        (AnpaiProject           *self,
                                              AnpaiNode              *node,
                                              gint64                  plan_id,
                                              gint64                  parent_id,
                                              int                     position,
                                              GError                **error);
gboolean       anpai_project_update_node     (AnpaiProject           *self,
                                              AnpaiNode              *node,
                                              GError                **error);
gboolean       anpai_project_delete_node     (AnpaiProject           *self,
                                              gint64                  node_id,
                                              GError                **error);
AnpaiNode     *anpai_project_load_node       (AnpaiProject           *self,
                                              gint64                  node_id,
                                              GError                **error);
GPtrArray     *anpai_project_load_children   (AnpaiProject           *self,
                                              gint64                  plan_id,
                                              gint64                  parent_id,
                                              GError                **error);
gboolean       anpai_project_add_target      (AnpaiProject           *self,
                                              gint64                  node_id,
                                              const char             *text,
                                              const char             *comparator,
                                              double                  value,
                                              gboolean                has_value,
                                              const char             *measure,
                                              GError                **error);

/* Units and assignments */
gint64         anpai_project_find_unit       (AnpaiProject           *self,
                                              const char             *name);
gint64         anpai_project_ensure_unit     (AnpaiProject           *self,
                                              const char             *name,
                                              AnpaiUnitKind           kind,
                                              GError                **error);
AnpaiUnit     *anpai_project_load_unit       (AnpaiProject           *self,
                                              gint64                  unit_id,
                                              GError                **error);
gboolean       anpai_project_add_unit_alias  (AnpaiProject           *self,
                                              gint64                  unit_id,
                                              const char             *alias,
                                              GError                **error);
gboolean       anpai_project_set_node_units  (AnpaiProject           *self,
                                              gint64                  node_id,
                                              AnpaiRole               role,
                                              const gint64           *unit_ids,
                                              guint                   n_units,
                                              GError                **error);
GArray        *anpai_project_get_node_units  (AnpaiProject           *self,
                                              gint64                  node_id,
                                              AnpaiRole               role);

G_END_DECLS
