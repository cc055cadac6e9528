/* anpai-target-edit.h — listing and editing a task's quantitative targets
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

/* One row of the target table; anpai_project_add_target() appends one. */
typedef struct {
  gint64    id;
  gint64    node_id;
  int       position;    /* 0 … n-1 among the task's targets */
  char     *text;        /* as written: "满意度达95%以上" */
  char     *comparator;  /* "=", ">=", ">", "<=", "<" */
  double    value;
  gboolean  has_value;
  char     *measure;     /* "%", "学时", "次" … or "" */
} AnpaiTarget;

/* (transfer full) (element-type AnpaiTarget): the targets of @node_id in
 * order; NULL only on a database error. */
GPtrArray  *anpai_project_list_targets   (AnpaiProject  *self,
                                          gint64         node_id,
                                          GError       **error);

/* Each is one undoable step ("Edit Target", "Delete Target"), or part of the
 * caller's step inside anpai_project_begin(). A target that no longer exists
 * or a comparator not in the list is ANPAI_PROJECT_ERROR_INVALID. */
gboolean    anpai_project_update_target  (AnpaiProject  *self,
                                          gint64         target_id,
                                          const char    *text,
                                          const char    *comparator,
                                          double         value,
                                          gboolean       has_value,
                                          const char    *measure,
                                          GError       **error);
/* The task's later targets move up, so positions stay 0 … n-1. */
gboolean    anpai_project_delete_target  (AnpaiProject  *self,
                                          gint64         target_id,
                                          GError       **error);

void        anpai_target_free            (AnpaiTarget   *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiTarget, anpai_target_free)

G_END_DECLS
