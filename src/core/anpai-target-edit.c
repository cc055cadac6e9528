/* anpai-target-edit.c — listing and editing a task's quantitative targets
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <glib/gi18n-lib.h>

#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-target-edit.h"

void
anpai_target_free (AnpaiTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->text);
  g_free (target->comparator);
  g_free (target->measure);
  g_free (target);
}

GPtrArray *
anpai_project_list_targets (AnpaiProject  *self,
                            gint64         node_id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *targets;
  int rc;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  stmt = anpai_db_prepare (_anpai_project_get_db (self),
                           "SELECT id, position, text, comparator, value, measure"
                           " FROM target WHERE node_id = ? ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, node_id);

  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_target_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnpaiTarget *target = g_new0 (AnpaiTarget, 1);

      target->id = sqlite3_column_int64 (stmt, 0);
      target->node_id = node_id;
      target->position = sqlite3_column_int (stmt, 1);
      target->text = anpai_db_column_dup (stmt, 2);
      target->comparator = anpai_db_column_dup (stmt, 3);
      target->has_value = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      target->value = target->has_value ? sqlite3_column_double (stmt, 4) : 0;
      target->measure = anpai_db_column_dup (stmt, 5);
      g_ptr_array_add (targets, target);
    }
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, _anpai_project_get_db (self), rc, "SELECT");
      g_ptr_array_unref (targets);
      return NULL;
    }
  return targets;
}

/* Fails (inside the step) when the statement touched no row. */
static gboolean
check_found (AnpaiProject  *self,
             GError       **error)
{
  if (sqlite3_changes (_anpai_project_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                       _("The target no longer exists."));
  return FALSE;
}

gboolean
anpai_project_update_target (AnpaiProject  *self,
                             gint64         target_id,
                             const char    *text,
                             const char    *comparator,
                             double         value,
                             gboolean       has_value,
                             const char    *measure,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!_anpai_project_check_comparator (comparator, error))
    return FALSE;
  if (!anpai_project_begin (self, _("Edit Target"), error))
    return FALSE;
  stmt = anpai_db_prepare (_anpai_project_get_db (self),
                           "UPDATE target SET text = ?, comparator = ?, value = ?, measure = ?"
                           " WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (stmt, 1, text != NULL ? text : "");
  anpai_db_bind_text (stmt, 2, comparator);
  if (has_value)
    sqlite3_bind_double (stmt, 3, value);
  else
    sqlite3_bind_null (stmt, 3);
  anpai_db_bind_text (stmt, 4, measure != NULL ? measure : "");
  sqlite3_bind_int64 (stmt, 5, target_id);
  if (!anpai_db_step_done (stmt, error) || !check_found (self, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}

gboolean
anpai_project_delete_target (AnpaiProject  *self,
                             gint64         target_id,
                             GError       **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) shift = NULL;
  gint64 node_id;
  int position;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, _("Delete Target"), error))
    return FALSE;
  db = _anpai_project_get_db (self);
  find = anpai_db_prepare (db, "SELECT node_id, position FROM target WHERE id = ?", error);
  del = anpai_db_prepare (db, "DELETE FROM target WHERE id = ?", error);
  shift = anpai_db_prepare (db,
                            "UPDATE target SET position = position - 1"
                            " WHERE node_id = ? AND position > ?", error);
  if (find == NULL || del == NULL || shift == NULL)
    return _anpai_project_fail (self, error);

  sqlite3_bind_int64 (find, 1, target_id);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The target no longer exists."));
      return _anpai_project_fail (self, error);
    }
  node_id = sqlite3_column_int64 (find, 0);
  position = sqlite3_column_int (find, 1);

  sqlite3_bind_int64 (del, 1, target_id);
  if (!anpai_db_step_done (del, error))
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (shift, 1, node_id);
  sqlite3_bind_int (shift, 2, position);
  if (!anpai_db_step_done (shift, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}
