/* anpai-unit-edit.h — the Units view's model: editing units, their tasks,
 * the responsibility matrix
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

/* Why a unit has another name (unit_alias.reason in the file) */
typedef enum {
  ANPAI_ALIAS_SPELLING,     /* spelling: 市政府法制办 for 市政府法制办公室 */
  ANPAI_ALIAS_FORMER_NAME,  /* former-name: the unit was renamed */
  ANPAI_ALIAS_MERGED,       /* merged: another unit was merged into this one */
} AnpaiAliasReason;

typedef struct {
  char              *name;
  AnpaiAliasReason   reason;
  char              *since;   /* YYYY-MM-DD or NULL */
} AnpaiUnitAlias;

/* One row of the Units view. Counts are of tasks (kind task); "overdue":
 * time_end before @today and status neither done nor cancelled. */
typedef struct {
  gint64          id;
  char           *name;
  AnpaiUnitKind   kind;
  int             sort_order;
  guint           n_aliases;
  guint           n_tasks[3];    /* by AnpaiRole */
  guint           n_overdue[3];  /* by AnpaiRole */
} AnpaiUnitSummary;

/* One task of a unit, for its page in the Units view */
typedef struct {
  gint64        node_id;
  gint64        plan_id;
  AnpaiRole     role;
  char         *label;
  char         *title;
  char         *time_text;
  char         *time_end;   /* YYYY-MM-DD or NULL */
  AnpaiStatus   status;
  int           progress;
  gboolean      overdue;
} AnpaiUnitTask;

typedef struct _AnpaiMatrix AnpaiMatrix;

/* Editing; each call is one undoable step. @since: YYYY-MM-DD, or NULL for
 * today. */
gboolean     anpai_project_merge_units          (AnpaiProject      *self,
                                                 gint64             from_id,
                                                 gint64             into_id,
                                                 const char        *since,
                                                 GError           **error);
gboolean     anpai_project_rename_unit          (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 const char        *new_name,
                                                 const char        *since,
                                                 GError           **error);
gboolean     anpai_project_add_unit_alias_full  (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 const char        *alias,
                                                 AnpaiAliasReason   reason,
                                                 const char        *since,
                                                 GError           **error);
gboolean     anpai_project_remove_unit_alias    (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 const char        *alias,
                                                 GError           **error);
gboolean     anpai_project_set_unit_kind        (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 AnpaiUnitKind      kind,
                                                 GError           **error);
gboolean     anpai_project_set_unit_notes       (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 const char        *notes,
                                                 GError           **error);
gboolean     anpai_project_move_unit            (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 int                delta,
                                                 GError           **error);

/* Queries. @today: YYYY-MM-DD, or NULL for today. @plan_id: 0 for all plans. */
GPtrArray   *anpai_project_get_unit_aliases     (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 GError           **error);
GPtrArray   *anpai_project_list_units           (AnpaiProject      *self,
                                                 GError           **error);
GPtrArray   *anpai_project_get_unit_summaries   (AnpaiProject      *self,
                                                 gint64             plan_id,
                                                 const char        *today,
                                                 GError           **error);
GPtrArray   *anpai_project_get_unit_tasks       (AnpaiProject      *self,
                                                 gint64             unit_id,
                                                 const char        *today,
                                                 GError           **error);

/* Responsibility matrix: the tasks of @plan_id (or of the subtree under
 * @section_id, if not 0) in outline order × the units named on them in the
 * units' order. */
AnpaiMatrix *anpai_project_get_matrix           (AnpaiProject      *self,
                                                 gint64             plan_id,
                                                 gint64             section_id,
                                                 GError           **error);
guint        anpai_matrix_get_n_tasks           (const AnpaiMatrix *matrix);
gint64       anpai_matrix_get_task_id           (const AnpaiMatrix *matrix,
                                                 guint              row);
const char  *anpai_matrix_get_task_label        (const AnpaiMatrix *matrix,
                                                 guint              row);
const char  *anpai_matrix_get_task_title        (const AnpaiMatrix *matrix,
                                                 guint              row);
guint        anpai_matrix_get_n_units           (const AnpaiMatrix *matrix);
gint64       anpai_matrix_get_unit_id           (const AnpaiMatrix *matrix,
                                                 guint              column);
const char  *anpai_matrix_get_unit_name         (const AnpaiMatrix *matrix,
                                                 guint              column);
/* The role of unit @column in task @row, or -1 for none */
int          anpai_matrix_get_role              (const AnpaiMatrix *matrix,
                                                 guint              row,
                                                 guint              column);
char        *anpai_matrix_to_tsv                (const AnpaiMatrix *matrix);
void         anpai_matrix_free                  (AnpaiMatrix       *matrix);

const char  *anpai_alias_reason_to_string       (AnpaiAliasReason   reason);
void         anpai_unit_alias_free              (AnpaiUnitAlias    *alias);
void         anpai_unit_summary_free            (AnpaiUnitSummary  *summary);
void         anpai_unit_task_free               (AnpaiUnitTask     *task);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiMatrix, anpai_matrix_free)

G_END_DECLS
