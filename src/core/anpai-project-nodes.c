/* anpai-project-nodes.c — reading and editing a plan's outline
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

#define NODE_COLUMNS \
  "id, plan_id, parent_id, position, kind, label, title, body," \
  " time_text, time_kind, time_start, time_end, time_rrule, time_source," \
  " rescheduled, status, progress, source_start, source_end"

/* Binds six columns: text, kind, start, end, rrule, source. */
void
_anpai_project_bind_time (sqlite3_stmt        *stmt,
                          int                  col,
                          const AnpaiTimeSpec *time)
{
  char start[ANPAI_DATE_ISO_LEN], end[ANPAI_DATE_ISO_LEN];

  anpai_date_format_iso (&time->start, start);
  anpai_date_format_iso (&time->end, end);
  anpai_db_bind_text (stmt, col, time->text);
  anpai_db_bind_text (stmt, col + 1, anpai_time_kind_to_string (time->kind));
  anpai_db_bind_text_or_null (stmt, col + 2, start);
  anpai_db_bind_text_or_null (stmt, col + 3, end);
  anpai_db_bind_text_or_null (stmt, col + 4, time->rrule);
  anpai_db_bind_text (stmt, col + 5, anpai_time_source_to_string (time->source));
}

void
_anpai_project_read_time (sqlite3_stmt  *stmt,
                          int            col,
                          AnpaiTimeSpec *time)
{
  const char *rrule = anpai_db_column_text (stmt, col + 4);

  g_free (time->text);
  time->text = anpai_db_column_dup (stmt, col);
  if (!anpai_time_kind_from_string (anpai_db_column_text (stmt, col + 1), &time->kind))
    time->kind = ANPAI_TIME_NONE;
  anpai_date_parse_iso (anpai_db_column_text (stmt, col + 2), &time->start);
  anpai_date_parse_iso (anpai_db_column_text (stmt, col + 3), &time->end);
  g_free (time->rrule);
  time->rrule = *rrule != '\0' ? g_strdup (rrule) : NULL;
  if (!anpai_time_source_from_string (anpai_db_column_text (stmt, col + 5), &time->source))
    time->source = ANPAI_TIME_SOURCE_NONE;
}

static AnpaiNode *
read_node (sqlite3_stmt *stmt)
{
  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
  int kind = ANPAI_NODE_KIND_TASK;
  int status = ANPAI_STATUS_NOT_STARTED;
  AnpaiNode *node;

  anpai_enum_from_string (ANPAI_TYPE_NODE_KIND, anpai_db_column_text (stmt, 4), &kind);
  node = anpai_node_new (kind);
  _anpai_node_set_place (node, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3));
  anpai_node_set_label (node, anpai_db_column_text (stmt, 5));
  anpai_node_set_title (node, anpai_db_column_text (stmt, 6));
  anpai_node_set_body (node, anpai_db_column_text (stmt, 7));
  _anpai_project_read_time (stmt, 8, time);
  anpai_node_set_time (node, time);
  anpai_node_set_rescheduled (node, sqlite3_column_int (stmt, 14));
  anpai_enum_from_string (ANPAI_TYPE_STATUS, anpai_db_column_text (stmt, 15), &status);
  anpai_node_set_status (node, status);
  anpai_node_set_progress (node, sqlite3_column_int (stmt, 16));
  _anpai_node_set_source (node,
                          sqlite3_column_type (stmt, 17) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 17),
                          sqlite3_column_type (stmt, 18) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 18));
  return node;
}

/* Binds the editable fields, columns 1..13. */
static void
bind_node (sqlite3_stmt *stmt,
           AnpaiNode    *node)
{
  int start, end;

  anpai_db_bind_text (stmt, 1, anpai_enum_to_string (ANPAI_TYPE_NODE_KIND,
                                                     anpai_node_get_kind (node)));
  anpai_db_bind_text (stmt, 2, anpai_node_get_label (node));
  anpai_db_bind_text (stmt, 3, anpai_node_get_title (node));
  anpai_db_bind_text (stmt, 4, anpai_node_get_body (node));
  _anpai_project_bind_time (stmt, 5, anpai_node_get_time (node));
  sqlite3_bind_int (stmt, 11, anpai_node_get_rescheduled (node));
  anpai_db_bind_text (stmt, 12, anpai_enum_to_string (ANPAI_TYPE_STATUS,
                                                      anpai_node_get_status (node)));
  sqlite3_bind_int (stmt, 13, anpai_node_get_progress (node));

  _anpai_node_get_source (node, &start, &end);
  if (start >= 0 && end >= start)
    {
      sqlite3_bind_int (stmt, 14, start);
      sqlite3_bind_int (stmt, 15, end);
    }
  else
    {
      sqlite3_bind_null (stmt, 14);
      sqlite3_bind_null (stmt, 15);
    }
}

static gboolean
check_time (const AnpaiTimeSpec  *time,
            GError              **error)
{
  if (g_date_valid (&time->start) && g_date_valid (&time->end) &&
      g_date_compare (&time->start, &time->end) > 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The time requirement ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

/* Inserts @node under @parent_id (0 = top level) of @plan_id at @position
 * among its siblings (-1 = last). Returns the new id, or 0 on error. */
gint64
anpai_project_add_node (AnpaiProject  *self,
                        AnpaiNode     *node,
                        gint64         plan_id,
                        gint64         parent_id,
                        int            position,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  int n_siblings;
  gint64 id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  g_return_val_if_fail (ANPAI_IS_NODE (node), 0);

  if (!anpai_project_begin (self, anpai_node_get_kind (node) == ANPAI_NODE_KIND_TASK ?
                                  _("Add Task") : _("Add Item"), error))
    return 0;
  if (!check_time (anpai_node_get_time (node), error))
    return _anpai_project_fail (self, error);

  if (parent_id > 0)
    {
      g_autoptr(sqlite3_stmt) parent = NULL;

      parent = anpai_db_prepare (self->db, "SELECT 1 FROM node WHERE id = ? AND plan_id = ?",
                                 error);
      if (parent == NULL)
        return _anpai_project_fail (self, error);
      sqlite3_bind_int64 (parent, 1, parent_id);
      sqlite3_bind_int64 (parent, 2, plan_id);
      if (sqlite3_step (parent) != SQLITE_ROW)
        {
          g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                               _("The parent item is not in this plan."));
          return _anpai_project_fail (self, error);
        }
    }

  count = anpai_db_prepare (self->db,
                            "SELECT count(*) FROM node WHERE plan_id = ?1 AND parent_id IS ?2",
                            error);
  if (count == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (count, 1, plan_id);
  anpai_db_bind_id_or_null (count, 2, parent_id);
  n_siblings = sqlite3_step (count) == SQLITE_ROW ? sqlite3_column_int (count, 0) : 0;
  if (position < 0 || position > n_siblings)
    position = n_siblings;

  if (position < n_siblings)
    {
      g_autoptr(sqlite3_stmt) shift = NULL;

      shift = anpai_db_prepare (self->db,
                                "UPDATE node SET position = position + 1"
                                " WHERE plan_id = ?1 AND parent_id IS ?2 AND position >= ?3",
                                error);
      if (shift == NULL)
        return _anpai_project_fail (self, error);
      sqlite3_bind_int64 (shift, 1, plan_id);
      anpai_db_bind_id_or_null (shift, 2, parent_id);
      sqlite3_bind_int (shift, 3, position);
      if (!anpai_db_step_done (shift, error))
        return _anpai_project_fail (self, error);
    }

  stmt = anpai_db_prepare (self->db,
                           "INSERT INTO node (kind, label, title, body, time_text, time_kind,"
                           " time_start, time_end, time_rrule, time_source, rescheduled, status,"
                           " progress, source_start, source_end, plan_id, parent_id, position)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                           " ?14, ?15, ?16, ?17, ?18)", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  bind_node (stmt, node);
  sqlite3_bind_int64 (stmt, 16, plan_id);
  anpai_db_bind_id_or_null (stmt, 17, parent_id);
  sqlite3_bind_int (stmt, 18, position);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  id = sqlite3_last_insert_rowid (self->db);

  if (!anpai_project_commit (self, error))
    return 0;
  return id;
}

/* Writes @node's fields (not its place in the outline) to its row. */
gboolean
anpai_project_update_node (AnpaiProject  *self,
                           AnpaiNode     *node,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (ANPAI_IS_NODE (node), FALSE);

  if (!anpai_project_begin (self, _("Edit Task"), error))
    return FALSE;
  if (!check_time (anpai_node_get_time (node), error))
    return _anpai_project_fail (self, error);

  stmt = anpai_db_prepare (self->db,
                           "UPDATE node SET kind = ?1, label = ?2, title = ?3, body = ?4,"
                           " time_text = ?5, time_kind = ?6, time_start = ?7, time_end = ?8,"
                           " time_rrule = ?9, time_source = ?10, rescheduled = ?11, status = ?12,"
                           " progress = ?13, source_start = ?14, source_end = ?15"
                           " WHERE id = ?16", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  bind_node (stmt, node);
  sqlite3_bind_int64 (stmt, 16, anpai_node_get_id (node));
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The item no longer exists."));
      return _anpai_project_fail (self, error);
    }
  return anpai_project_commit (self, error);
}

/* Deletes a node with everything under it and closes the gap it leaves. */
gboolean
anpai_project_delete_node (AnpaiProject  *self,
                           gint64         node_id,
                           GError       **error)
{
  g_autoptr(AnpaiNode) node = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) shift = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, _("Delete Task"), error))
    return FALSE;
  node = anpai_project_load_node (self, node_id, error);
  if (node == NULL)
    return _anpai_project_fail (self, error);

  stmt = anpai_db_prepare (self->db, "DELETE FROM node WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (stmt, 1, node_id);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);

  shift = anpai_db_prepare (self->db,
                            "UPDATE node SET position = position - 1"
                            " WHERE plan_id = ?1 AND parent_id IS ?2 AND position > ?3", error);
  if (shift == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (shift, 1, anpai_node_get_plan_id (node));
  anpai_db_bind_id_or_null (shift, 2, anpai_node_get_parent_id (node));
  sqlite3_bind_int (shift, 3, anpai_node_get_position (node));
  if (!anpai_db_step_done (shift, error))
    return _anpai_project_fail (self, error);

  return anpai_project_commit (self, error);
}

/* (transfer full): a new snapshot of the node's row */
AnpaiNode *
anpai_project_load_node (AnpaiProject  *self,
                         gint64         node_id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  stmt = anpai_db_prepare (self->db, "SELECT " NODE_COLUMNS " FROM node WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, node_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The item no longer exists."));
      return NULL;
    }
  return read_node (stmt);
}

/* (transfer full) (element-type AnpaiNode): the children of @parent_id
 * (0 = the top level) in outline order */
GPtrArray *
anpai_project_load_children (AnpaiProject  *self,
                             gint64         plan_id,
                             gint64         parent_id,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  stmt = anpai_db_prepare (self->db,
                           "SELECT " NODE_COLUMNS " FROM node"
                           " WHERE plan_id = ?1 AND parent_id IS ?2 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  anpai_db_bind_id_or_null (stmt, 2, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (nodes, read_node (stmt));
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, self->db, rc, "SELECT");
      return NULL;
    }
  return g_steal_pointer (&nodes);
}

gboolean
_anpai_project_check_comparator (const char  *comparator,
                                 GError     **error)
{
  static const char * const comparators[] = { "=", ">=", ">", "<=", "<", NULL };

  if (comparator != NULL && g_strv_contains (comparators, comparator))
    return TRUE;
  g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
               "“%s” is not a comparator", comparator != NULL ? comparator : "");
  return FALSE;
}

/* Appends a quantitative target to a task. */
gboolean
anpai_project_add_target (AnpaiProject  *self,
                          gint64         node_id,
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
  if (!anpai_project_begin (self, _("Add Target"), error))
    return FALSE;
  stmt = anpai_db_prepare (self->db,
                           "INSERT INTO target (node_id, position, text, comparator, value, measure)"
                           " VALUES (?1, (SELECT count(*) FROM target WHERE node_id = ?1), ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (stmt, 1, node_id);
  anpai_db_bind_text (stmt, 2, text);
  anpai_db_bind_text (stmt, 3, comparator);
  if (has_value)
    sqlite3_bind_double (stmt, 4, value);
  else
    sqlite3_bind_null (stmt, 4);
  anpai_db_bind_text (stmt, 5, measure);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}
