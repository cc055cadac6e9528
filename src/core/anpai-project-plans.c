/* anpai-project-plans.c — reading and editing the project's plans
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-project-private.h"

AnpaiPlan *
_anpai_project_read_plan (AnpaiProject *self,
                          sqlite3_stmt *stmt)
{
  AnpaiPlan *plan = anpai_plan_new ();
  int kind = ANPAI_PLAN_KIND_ANNUAL;

  _anpai_plan_set_id (plan, sqlite3_column_int64 (stmt, 0));
  anpai_plan_set_title (plan, anpai_db_column_text (stmt, 1));
  anpai_plan_set_doc_number (plan, anpai_db_column_text (stmt, 2));
  anpai_plan_set_issuer (plan, anpai_db_column_text (stmt, 3));
  anpai_plan_set_issued_on (plan, anpai_db_column_text (stmt, 4));
  anpai_plan_set_period_start (plan, anpai_db_column_text (stmt, 5));
  anpai_plan_set_period_end (plan, anpai_db_column_text (stmt, 6));
  anpai_enum_from_string (ANPAI_TYPE_PLAN_KIND, anpai_db_column_text (stmt, 7), &kind);
  anpai_plan_set_kind (plan, kind);
  anpai_plan_set_parent_id (plan, sqlite3_column_int64 (stmt, 8));
  _anpai_plan_set_position (plan, sqlite3_column_int (stmt, 9));
  anpai_plan_set_manual_labels (plan, sqlite3_column_int (stmt, 10));
  return plan;
}

/* (transfer none): the live list of AnpaiPlan, in the project's order */
GListModel *
anpai_project_get_plans (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->plans);
}

/* (transfer none) (nullable): the live plan object */
AnpaiPlan *
anpai_project_get_plan (AnpaiProject *self,
                        gint64        plan_id)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  if (self->plans == NULL)
    return NULL;
  return anpai_plan_list_lookup (self->plans, plan_id);
}

static gboolean
check_date (const char  *value,
            const char  *field,
            GError     **error)
{
  if (value == NULL || *value == '\0' || anpai_date_is_valid_iso (value))
    return TRUE;
  /* Translators: the first %s is a field name such as "Issue date" */
  g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
               _("%s “%s” is not a date (YYYY-MM-DD)."), field, value);
  return FALSE;
}

/* A plan cannot implement itself, directly or through others. */
static gboolean
check_parent (AnpaiProject  *self,
              gint64         id,
              gint64         parent,
              GError       **error)
{
  for (int guard = 0; parent > 0 && guard < 1000; guard++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (parent == id)
        {
          g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                               _("A plan cannot implement itself."));
          return FALSE;
        }
      stmt = anpai_db_prepare (self->db, "SELECT parent_id FROM plan WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                               _("The plan it implements does not exist."));
          return FALSE;
        }
      parent = sqlite3_column_int64 (stmt, 0);
    }
  return TRUE;
}

/* Rules every stored plan keeps, whoever writes it. */
static gboolean
check_plan (AnpaiProject  *self,
            AnpaiPlan     *plan,
            GError       **error)
{
  const char *start = anpai_plan_get_period_start (plan);
  const char *end = anpai_plan_get_period_end (plan);

  if (!check_date (anpai_plan_get_issued_on (plan), _("Issue date"), error) ||
      !check_date (start, _("Period start"), error) ||
      !check_date (end, _("Period end"), error))
    return FALSE;
  if (*start != '\0' && *end != '\0' && anpai_date_compare_iso (start, end) > 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }

  return check_parent (self, anpai_plan_get_id (plan), anpai_plan_get_parent_id (plan), error);
}

static void
bind_plan (sqlite3_stmt *stmt,
           AnpaiPlan    *plan)
{
  anpai_db_bind_text (stmt, 1, anpai_plan_get_title (plan));
  anpai_db_bind_text (stmt, 2, anpai_plan_get_doc_number (plan));
  anpai_db_bind_text (stmt, 3, anpai_plan_get_issuer (plan));
  anpai_db_bind_text_or_null (stmt, 4, anpai_plan_get_issued_on (plan));
  anpai_db_bind_text_or_null (stmt, 5, anpai_plan_get_period_start (plan));
  anpai_db_bind_text_or_null (stmt, 6, anpai_plan_get_period_end (plan));
  anpai_db_bind_text (stmt, 7, anpai_enum_to_string (ANPAI_TYPE_PLAN_KIND,
                                                     anpai_plan_get_kind (plan)));
  anpai_db_bind_id_or_null (stmt, 8, anpai_plan_get_parent_id (plan));
  sqlite3_bind_int (stmt, 9, anpai_plan_get_manual_labels (plan));
}

/* Adds @plan at the end of the list; returns its id, or 0 on error. */
gint64
anpai_project_add_plan (AnpaiProject  *self,
                        AnpaiPlan     *plan,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  g_return_val_if_fail (ANPAI_IS_PLAN (plan), 0);

  if (!anpai_project_begin (self, _("Add Plan"), error))
    return 0;
  if (!check_plan (self, plan, error))
    return _anpai_project_fail (self, error);

  stmt = anpai_db_prepare (self->db,
                           "INSERT INTO plan (title, doc_number, issuer, issued_on,"
                           " period_start, period_end, kind, parent_id, manual_labels, position)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " (SELECT coalesce(max(position), -1) + 1 FROM plan))", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  bind_plan (stmt, plan);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  id = sqlite3_last_insert_rowid (self->db);

  if (!anpai_project_commit (self, error))
    return 0;
  return id;
}

/* Writes every field of @plan to the row with its id. */
gboolean
anpai_project_update_plan (AnpaiProject  *self,
                           AnpaiPlan     *plan,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (ANPAI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (anpai_plan_get_id (plan) > 0, FALSE);

  if (!anpai_project_begin (self, _("Edit Plan"), error))
    return FALSE;
  if (!check_plan (self, plan, error))
    return _anpai_project_fail (self, error);

  stmt = anpai_db_prepare (self->db,
                           "UPDATE plan SET title = ?, doc_number = ?, issuer = ?,"
                           " issued_on = ?, period_start = ?, period_end = ?, kind = ?,"
                           " parent_id = ?, manual_labels = ? WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  bind_plan (stmt, plan);
  sqlite3_bind_int64 (stmt, 10, anpai_plan_get_id (plan));
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The plan no longer exists."));
      return _anpai_project_fail (self, error);
    }

  return anpai_project_commit (self, error);
}

/* Deletes a plan with its whole outline; plans implementing it keep their
 * place and implement nothing. */
gboolean
anpai_project_delete_plan (AnpaiProject  *self,
                           gint64         plan_id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, _("Delete Plan"), error))
    return FALSE;
  stmt = anpai_db_prepare (self->db, "DELETE FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}

/* Tasks in a plan, at any depth; -1 on error. */
int
anpai_project_count_tasks (AnpaiProject *self,
                           gint64        plan_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), -1);

  if (self->db == NULL)
    return -1;
  stmt = anpai_db_prepare (self->db,
                           "SELECT count(*) FROM node WHERE plan_id = ? AND kind = 'task'", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Keeps the document a plan was imported from, so the app can show where
 * each task came from. */
gboolean
anpai_project_set_plan_source (AnpaiProject  *self,
                               gint64         plan_id,
                               const char    *name,
                               const char    *text,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, _("Edit Plan"), error))
    return FALSE;
  stmt = anpai_db_prepare (self->db, "UPDATE plan SET source_name = ?, source_text = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (stmt, 1, name);
  anpai_db_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, plan_id);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}

/* Makes @plan_id implement @parent_id (0: nothing). Refuses a plan that
 * would end up implementing itself. */
gboolean
anpai_project_set_plan_parent (AnpaiProject  *self,
                               gint64         plan_id,
                               gint64         parent_id,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, parent_id > 0 ? _("Set Implemented Plan")
                                                : _("Clear Implemented Plan"), error))
    return FALSE;
  if (!check_parent (self, plan_id, parent_id, error))
    return _anpai_project_fail (self, error);

  stmt = anpai_db_prepare (self->db, "UPDATE plan SET parent_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_id_or_null (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The plan no longer exists."));
      return _anpai_project_fail (self, error);
    }
  return anpai_project_commit (self, error);
}
