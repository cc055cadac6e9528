/* anpai-unit-edit.c — the Units view's model: editing units, their tasks,
 * the responsibility matrix
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-search.h"
#include "anpai-unit-edit.h"

/* Units change more than plans do: 法制办 is merged into 司法局, a bureau
 * is renamed in an institutional reform. Old plans and later imports still
 * use the old names, so the old name always stays behind as an alias with
 * its reason and date, and anpai_project_find_unit() resolves it. */

static const char * const reason_names[] = { "spelling", "former-name", "merged" };

const char *
anpai_alias_reason_to_string (AnpaiAliasReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), "spelling");
  return reason_names[reason];
}

static AnpaiAliasReason
reason_from_string (const char *str)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_strcmp0 (str, reason_names[i]) == 0)
      return (AnpaiAliasReason) i;
  return ANPAI_ALIAS_SPELLING;
}

void
anpai_unit_alias_free (AnpaiUnitAlias *alias)
{
  if (alias == NULL)
    return;
  g_free (alias->name);
  g_free (alias->since);
  g_free (alias);
}

void
anpai_unit_summary_free (AnpaiUnitSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->name);
  g_free (summary);
}

void
anpai_unit_task_free (AnpaiUnitTask *task)
{
  if (task == NULL)
    return;
  g_free (task->label);
  g_free (task->title);
  g_free (task->time_text);
  g_free (task->time_end);
  g_free (task);
}

/*
 * Checks shared by the edits
 */

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID, message);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* @date, or today for NULL; NULL with @error if it is not a date. */
static char *
date_or_today (const char  *date,
               GError     **error)
{
  if (date == NULL || *date == '\0')
    return today_iso ();
  if (!anpai_date_is_valid_iso (date))
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), date);
      return NULL;
    }
  return g_strdup (date);
}

/* (transfer full) (nullable): the stripped name, or NULL with @error if
 * nothing is left of it. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *nfkc = NULL;
  char *trimmed;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      set_invalid (error, _("A unit needs a name."));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  nfkc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL || *g_strstrip (nfkc) == '\0')
    {
      g_free (trimmed);
      set_invalid (error, _("A unit needs a name."));
      return NULL;
    }
  return trimmed;
}

/* The unit's current name, or NULL with @error if there is no such unit. */
static char *
unit_name (AnpaiProject  *self,
           gint64         unit_id,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (self->db, "SELECT name FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_invalid (error, _("The unit no longer exists."));
      return NULL;
    }
  return anpai_db_column_dup (stmt, 0);
}

static gboolean
insert_alias (AnpaiProject      *self,
              gint64             unit_id,
              const char        *name,
              AnpaiAliasReason   reason,
              const char        *since,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (self->db,
                           "INSERT INTO unit_alias (unit_id, name, reason, since)"
                           " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  anpai_db_bind_text (stmt, 2, name);
  anpai_db_bind_text (stmt, 3, anpai_alias_reason_to_string (reason));
  anpai_db_bind_text_or_null (stmt, 4, since);
  return anpai_db_step_done (stmt, error);
}

/* Runs one statement with one id bound as ?1 and, optionally, ?2. */
static gboolean
run_ids (AnpaiProject  *self,
         const char    *sql,
         gint64         a,
         gint64         b,
         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = anpai_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return anpai_db_step_done (stmt, error);
}

static int
role_from_string (const char *str)
{
  int role = ANPAI_ROLE_SUPPORT;

  anpai_enum_from_string (ANPAI_TYPE_ROLE, str, &role);
  return role;
}

/*
 * Edits
 */

/* Merges unit @from_id into @into_id: its tasks, reports, sub-units and
 * names move over, and it is deleted. Where a task already names @into_id,
 * the stronger of the two roles (lead > co > support) is kept. */
gboolean
anpai_project_merge_units (AnpaiProject  *self,
                           gint64         from_id,
                           gint64         into_id,
                           const char    *since,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) both = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autofree char *from_name = NULL;
  g_autofree char *into_name = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!_anpai_project_check_writable (self, error))
    return FALSE;
  if (from_id == into_id)
    {
      set_invalid (error, _("A unit cannot be merged into itself."));
      return FALSE;
    }
  date = date_or_today (since, error);
  if (date == NULL)
    return FALSE;
  from_name = unit_name (self, from_id, error);
  if (from_name == NULL)
    return FALSE;
  into_name = unit_name (self, into_id, error);
  if (into_name == NULL)
    return FALSE;

  if (!anpai_project_begin (self, _("Merge Units"), error))
    return FALSE;

  /* Tasks naming both: the merged unit's row goes, the survivor keeps the
   * stronger role and, if that was the merged unit's, its place. */
  both = anpai_db_prepare (self->db,
                           "SELECT a.id, a.role, a.position, b.id, b.role"
                           " FROM assignment a JOIN assignment b"
                           "  ON b.node_id = a.node_id AND b.unit_id = ?2"
                           " WHERE a.unit_id = ?1", error);
  if (both == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (both, 1, from_id);
  sqlite3_bind_int64 (both, 2, into_id);
  while (sqlite3_step (both) == SQLITE_ROW)
    {
      gint64 from_row = sqlite3_column_int64 (both, 0);
      int from_role = role_from_string (anpai_db_column_text (both, 1));
      int position = sqlite3_column_int (both, 2);
      gint64 into_row = sqlite3_column_int64 (both, 3);
      int into_role = role_from_string (anpai_db_column_text (both, 4));

      if (!run_ids (self, "DELETE FROM assignment WHERE id = ?", from_row, 0, error))
        return _anpai_project_fail (self, error);
      if (from_role < into_role)
        {
          g_autoptr(sqlite3_stmt) up = NULL;

          up = anpai_db_prepare (self->db,
                                 "UPDATE assignment SET role = ?, position = ? WHERE id = ?", error);
          if (up == NULL)
            return _anpai_project_fail (self, error);
          anpai_db_bind_text (up, 1, anpai_enum_to_string (ANPAI_TYPE_ROLE, from_role));
          sqlite3_bind_int (up, 2, position);
          sqlite3_bind_int64 (up, 3, into_row);
          if (!anpai_db_step_done (up, error))
            return _anpai_project_fail (self, error);
        }
    }
  g_clear_pointer (&both, sqlite3_finalize);

  /* A merged unit's notes are kept rather than silently lost. */
  notes = anpai_db_prepare (self->db,
                            "UPDATE unit SET notes = CASE"
                            "  WHEN notes = '' THEN (SELECT notes FROM unit WHERE id = ?1)"
                            "  ELSE notes || char(10) || (SELECT notes FROM unit WHERE id = ?1) END"
                            " WHERE id = ?2 AND (SELECT notes FROM unit WHERE id = ?1) NOT IN ('', notes)",
                            error);
  if (notes == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (notes, 1, from_id);
  sqlite3_bind_int64 (notes, 2, into_id);
  if (!anpai_db_step_done (notes, error))
    return _anpai_project_fail (self, error);

  if (!run_ids (self, "UPDATE assignment SET unit_id = ?2 WHERE unit_id = ?1", from_id, into_id, error) ||
      !run_ids (self, "UPDATE report SET unit_id = ?2 WHERE unit_id = ?1", from_id, into_id, error) ||
      /* the survivor takes the merged unit's place under a parent */
      !run_ids (self, "UPDATE unit SET parent_id = (SELECT parent_id FROM unit WHERE id = ?1)"
                      " WHERE id = ?2 AND parent_id = ?1", from_id, into_id, error) ||
      !run_ids (self, "UPDATE unit SET parent_id = ?2 WHERE parent_id = ?1 AND id <> ?2",
                from_id, into_id, error))
    return _anpai_project_fail (self, error);

  {
    g_autoptr(sqlite3_stmt) aliases = NULL;

    aliases = anpai_db_prepare (self->db,
                                "UPDATE unit_alias SET unit_id = ?2, reason = 'merged', since = ?3"
                                " WHERE unit_id = ?1", error);
    if (aliases == NULL)
      return _anpai_project_fail (self, error);
    sqlite3_bind_int64 (aliases, 1, from_id);
    sqlite3_bind_int64 (aliases, 2, into_id);
    anpai_db_bind_text (aliases, 3, date);
    if (!anpai_db_step_done (aliases, error))
      return _anpai_project_fail (self, error);
  }

  if (!run_ids (self, "DELETE FROM unit WHERE id = ?", from_id, 0, error) ||
      !insert_alias (self, into_id, from_name, ANPAI_ALIAS_MERGED, date, error))
    return _anpai_project_fail (self, error);

  return anpai_project_commit (self, error);
}

/* Renames a unit; the old name stays as a 'former-name' alias dated @since,
 * so older plans and later imports still find the unit. */
gboolean
anpai_project_rename_unit (AnpaiProject  *self,
                           gint64         unit_id,
                           const char    *new_name,
                           const char    *since,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *date = NULL;
  gint64 existing;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!_anpai_project_check_writable (self, error))
    return FALSE;
  name = clean_name (new_name, error);
  if (name == NULL)
    return FALSE;
  date = date_or_today (since, error);
  if (date == NULL)
    return FALSE;
  old_name = unit_name (self, unit_id, error);
  if (old_name == NULL)
    return FALSE;
  if (g_str_equal (name, old_name))
    return TRUE;
  existing = anpai_project_find_unit (self, name);
  if (existing > 0 && existing != unit_id)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” already names another unit. Merge the two units instead."), name);
      return FALSE;
    }

  if (!anpai_project_begin (self, _("Rename Unit"), error))
    return FALSE;
  /* Going back to an old name (or adopting a spelling) takes it off the
   * alias list: a name is either the name or an alias. */
  stmt = anpai_db_prepare (self->db, "DELETE FROM unit_alias WHERE unit_id = ? AND name = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (stmt, 1, unit_id);
  anpai_db_bind_text (stmt, 2, name);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = anpai_db_prepare (self->db, "UPDATE unit SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!anpai_db_step_done (stmt, error) ||
      !insert_alias (self, unit_id, old_name, ANPAI_ALIAS_FORMER_NAME, date, error))
    return _anpai_project_fail (self, error);

  return anpai_project_commit (self, error);
}

/* Records @alias as another name of @unit_id with its @reason and @since
 * date (NULL: none). A name already meaning this unit is accepted silently,
 * one meaning another unit is an error. */
gboolean
anpai_project_add_unit_alias_full (AnpaiProject      *self,
                                   gint64             unit_id,
                                   const char        *alias,
                                   AnpaiAliasReason   reason,
                                   const char        *since,
                                   GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *owner = NULL;
  gint64 existing;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!_anpai_project_check_writable (self, error))
    return FALSE;
  if ((guint) reason >= G_N_ELEMENTS (reason_names))
    {
      set_invalid (error, _("Unknown reason for a unit name."));
      return FALSE;
    }
  name = clean_name (alias, error);
  if (name == NULL)
    return FALSE;
  if (since != NULL && *since != '\0' && !anpai_date_is_valid_iso (since))
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), since);
      return FALSE;
    }
  owner = unit_name (self, unit_id, error);
  if (owner == NULL)
    return FALSE;
  existing = anpai_project_find_unit (self, name);
  if (existing == unit_id)
    return TRUE;
  if (existing > 0)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” already names another unit."), name);
      return FALSE;
    }

  if (!anpai_project_begin (self, _("Add Unit Name"), error))
    return FALSE;
  if (!insert_alias (self, unit_id, name, reason,
                     since != NULL && *since != '\0' ? since : NULL, error))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}

gboolean
anpai_project_remove_unit_alias (AnpaiProject  *self,
                                 gint64         unit_id,
                                 const char    *alias,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (!anpai_project_begin (self, _("Remove Unit Name"), error))
    return FALSE;
  stmt = anpai_db_prepare (self->db, "DELETE FROM unit_alias WHERE unit_id = ? AND name = ?", error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (stmt, 1, unit_id);
  anpai_db_bind_text (stmt, 2, alias);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” is not a name of this unit."), alias);
      return _anpai_project_fail (self, error);
    }
  return anpai_project_commit (self, error);
}

static gboolean
update_unit (AnpaiProject  *self,
             const char    *label,
             const char    *sql,
             gint64         unit_id,
             const char    *value,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!anpai_project_begin (self, label, error))
    return FALSE;
  stmt = anpai_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  if (sqlite3_changes (self->db) == 0)
    {
      set_invalid (error, _("The unit no longer exists."));
      return _anpai_project_fail (self, error);
    }
  return anpai_project_commit (self, error);
}

gboolean
anpai_project_set_unit_kind (AnpaiProject   *self,
                             gint64          unit_id,
                             AnpaiUnitKind   kind,
                             GError        **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (kind < ANPAI_UNIT_KIND_DEPARTMENT || kind > ANPAI_UNIT_KIND_OTHER)
    {
      set_invalid (error, _("Unknown kind of unit."));
      return FALSE;
    }
  return update_unit (self, _("Change Unit Kind"), "UPDATE unit SET kind = ? WHERE id = ?",
                      unit_id, anpai_enum_to_string (ANPAI_TYPE_UNIT_KIND, kind), error);
}

gboolean
anpai_project_set_unit_notes (AnpaiProject  *self,
                              gint64         unit_id,
                              const char    *notes,
                              GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (notes != NULL && !g_utf8_validate (notes, -1, NULL))
    {
      set_invalid (error, _("The notes are not valid text."));
      return FALSE;
    }
  return update_unit (self, _("Edit Unit Notes"), "UPDATE unit SET notes = ? WHERE id = ?",
                      unit_id, notes != NULL ? notes : "", error);
}

/* Moves a unit @delta places in the units' order (negative: up) and numbers
 * the order 0, 1, 2… again. Moving past either end is refused. */
gboolean
anpai_project_move_unit (AnpaiProject  *self,
                         gint64         unit_id,
                         int            delta,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) list = NULL;
  g_autoptr(sqlite3_stmt) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (int));
  int from = -1;
  int to;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  if (!anpai_project_begin (self, _("Move Unit"), error))
    return FALSE;
  list = anpai_db_prepare (self->db, "SELECT id, sort_order FROM unit ORDER BY sort_order, id",
                           error);
  if (list == NULL)
    return _anpai_project_fail (self, error);
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);
      int order = sqlite3_column_int (list, 1);

      if (id == unit_id)
        from = (int) ids->len;
      g_array_append_val (ids, id);
      g_array_append_val (orders, order);
    }
  if (from < 0)
    {
      set_invalid (error, _("The unit no longer exists."));
      return _anpai_project_fail (self, error);
    }
  to = from + delta;
  if (delta == 0 || to < 0 || to >= (int) ids->len)
    {
      set_invalid (error, delta < 0 ? _("The unit is already at the top.")
                                    : _("The unit is already at the bottom."));
      return _anpai_project_fail (self, error);
    }

  {
    int moved_order = g_array_index (orders, int, from);

    g_array_remove_index (ids, from);
    g_array_insert_val (ids, to, unit_id);
    g_array_remove_index (orders, from);
    g_array_insert_val (orders, to, moved_order);
  }
  set = anpai_db_prepare (self->db, "UPDATE unit SET sort_order = ? WHERE id = ?", error);
  if (set == NULL)
    return _anpai_project_fail (self, error);
  for (guint i = 0; i < ids->len; i++)
    {
      /* Only rows whose number changes, so undo touches only those. */
      if (g_array_index (orders, int, i) == (int) i)
        continue;
      sqlite3_bind_int (set, 1, (int) i);
      sqlite3_bind_int64 (set, 2, g_array_index (ids, gint64, i));
      if (!anpai_db_step_done (set, error))
        return _anpai_project_fail (self, error);
    }
  return anpai_project_commit (self, error);
}

/*
 * Queries
 */

/* (transfer full) (element-type AnpaiUnitAlias): the other names of
 * @unit_id, oldest first */
GPtrArray *
anpai_project_get_unit_aliases (AnpaiProject  *self,
                                gint64         unit_id,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  name = unit_name (self, unit_id, error);
  if (name == NULL)
    return NULL;
  stmt = anpai_db_prepare (self->db,
                           "SELECT name, reason, since FROM unit_alias WHERE unit_id = ? ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_unit_alias_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AnpaiUnitAlias *alias = g_new0 (AnpaiUnitAlias, 1);

      alias->name = anpai_db_column_dup (stmt, 0);
      alias->reason = reason_from_string (anpai_db_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        alias->since = anpai_db_column_dup (stmt, 2);
      g_ptr_array_add (aliases, alias);
    }
  return g_steal_pointer (&aliases);
}

#define OVERDUE_SQL \
  "(n.time_kind <> 'none' AND n.time_end IS NOT NULL AND n.time_end < ?1" \
  " AND n.status NOT IN ('done', 'cancelled'))"

static gboolean
check_today (const char  *today,
             char       **out,
             GError     **error)
{
  *out = date_or_today (today, error);
  return *out != NULL;
}

/* (transfer full) (element-type AnpaiUnitSummary): every unit, in the
 * units' order, with its task counts in @plan_id (0: all plans) */
/* The units in their order, counts left at 0. */
static GPtrArray *
read_units (AnpaiProject  *self,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) units = NULL;
  GPtrArray *result;

  units = anpai_db_prepare (self->db,
                            "SELECT u.id, u.name, u.kind, u.sort_order,"
                            " (SELECT count(*) FROM unit_alias WHERE unit_id = u.id)"
                            " FROM unit u ORDER BY u.sort_order, u.id", error);
  if (units == NULL)
    return NULL;
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_unit_summary_free);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      AnpaiUnitSummary *summary = g_new0 (AnpaiUnitSummary, 1);
      int kind = ANPAI_UNIT_KIND_OTHER;

      summary->id = sqlite3_column_int64 (units, 0);
      summary->name = anpai_db_column_dup (units, 1);
      anpai_enum_from_string (ANPAI_TYPE_UNIT_KIND, anpai_db_column_text (units, 2), &kind);
      summary->kind = kind;
      summary->sort_order = sqlite3_column_int (units, 3);
      summary->n_aliases = (guint) sqlite3_column_int (units, 4);
      g_ptr_array_add (result, summary);
    }
  return result;
}

/* Every unit in its order, without task counts: for choosers and filters,
 * which must not count the tasks of a whole project to list names. */
GPtrArray *
anpai_project_list_units (AnpaiProject  *self,
                          GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  return read_units (self, error);
}

GPtrArray *
anpai_project_get_unit_summaries (AnpaiProject  *self,
                                  gint64         plan_id,
                                  const char    *today,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) counts = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  if (!check_today (today, &date, error))
    return NULL;
  counts = anpai_db_prepare (self->db,
                             "SELECT a.unit_id, a.role, count(*),"
                             " sum (CASE WHEN " OVERDUE_SQL " THEN 1 ELSE 0 END)"
                             " FROM assignment a JOIN node n ON n.id = a.node_id"
                             " WHERE n.kind = 'task' AND (?2 = 0 OR n.plan_id = ?2)"
                             " GROUP BY a.unit_id, a.role", error);
  if (counts == NULL || (result = read_units (self, error)) == NULL)
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < result->len; i++)
    {
      AnpaiUnitSummary *summary = g_ptr_array_index (result, i);

      g_hash_table_insert (by_id, &summary->id, summary);
    }

  anpai_db_bind_text (counts, 1, date);
  sqlite3_bind_int64 (counts, 2, plan_id);
  while (sqlite3_step (counts) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (counts, 0);
      AnpaiUnitSummary *summary = g_hash_table_lookup (by_id, &id);
      int role = role_from_string (anpai_db_column_text (counts, 1));

      if (summary == NULL)
        continue;
      summary->n_tasks[role] = (guint) sqlite3_column_int (counts, 2);
      summary->n_overdue[role] = (guint) sqlite3_column_int (counts, 3);
    }
  return g_steal_pointer (&result);
}

typedef struct {
  GHashTable *rank;       /* node id → outline rank + 1 */
  GHashTable *plan_rank;  /* plan id → plan position + 1 */
} TaskOrder;

static int
compare_tasks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const AnpaiUnitTask *x = *(AnpaiUnitTask * const *) a;
  const AnpaiUnitTask *y = *(AnpaiUnitTask * const *) b;
  TaskOrder *order = user_data;
  int px, py, rx, ry;

  if (x->role != y->role)
    return x->role < y->role ? -1 : 1;
  px = GPOINTER_TO_INT (g_hash_table_lookup (order->plan_rank, &x->plan_id));
  py = GPOINTER_TO_INT (g_hash_table_lookup (order->plan_rank, &y->plan_id));
  if (px != py)
    return px < py ? -1 : 1;
  rx = GPOINTER_TO_INT (g_hash_table_lookup (order->rank, &x->node_id));
  ry = GPOINTER_TO_INT (g_hash_table_lookup (order->rank, &y->node_id));
  return rx < ry ? -1 : rx > ry;
}

/* (transfer full) (element-type AnpaiUnitTask): the tasks of @unit_id in all
 * plans, grouped by role (lead, co, support), each group in plan order and
 * then outline order */
GPtrArray *
anpai_project_get_unit_tasks (AnpaiProject  *self,
                              gint64         unit_id,
                              const char    *today,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) plans = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plan_positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  TaskOrder order;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  if (!check_today (today, &date, error))
    return NULL;
  name = unit_name (self, unit_id, error);
  if (name == NULL)
    return NULL;

  stmt = anpai_db_prepare (self->db,
                           "SELECT a.role, n.id, n.plan_id, n.label, n.title, n.time_text,"
                           " n.time_end, n.status, n.progress, " OVERDUE_SQL
                           " FROM assignment a JOIN node n ON n.id = a.node_id"
                           " WHERE a.unit_id = ?2 AND n.kind = 'task'", error);
  plans = anpai_db_prepare (self->db,
                            "SELECT DISTINCT p.id, p.position FROM plan p"
                            " JOIN node n ON n.plan_id = p.id"
                            " JOIN assignment a ON a.node_id = n.id WHERE a.unit_id = ?", error);
  if (stmt == NULL || plans == NULL)
    return NULL;
  anpai_db_bind_text (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_unit_task_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AnpaiUnitTask *task = g_new0 (AnpaiUnitTask, 1);
      int status = ANPAI_STATUS_NOT_STARTED;

      task->role = role_from_string (anpai_db_column_text (stmt, 0));
      task->node_id = sqlite3_column_int64 (stmt, 1);
      task->plan_id = sqlite3_column_int64 (stmt, 2);
      task->label = anpai_db_column_dup (stmt, 3);
      task->title = anpai_db_column_dup (stmt, 4);
      task->time_text = anpai_db_column_dup (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        task->time_end = anpai_db_column_dup (stmt, 6);
      anpai_enum_from_string (ANPAI_TYPE_STATUS, anpai_db_column_text (stmt, 7), &status);
      task->status = status;
      task->progress = sqlite3_column_int (stmt, 8);
      task->overdue = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (tasks, task);
    }

  order.rank = g_hash_table_new (g_int64_hash, g_int64_equal);
  order.plan_rank = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_bind_int64 (plans, 1, unit_id);
  while (sqlite3_step (plans) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (plans, 0);
      int position = sqlite3_column_int (plans, 1);

      g_array_append_val (plan_ids, id);
      g_array_append_val (plan_positions, position);
    }
  for (guint i = 0; i < plan_ids->len; i++)
    {
      GArray *ids = _anpai_outline_order (self->db, g_array_index (plan_ids, gint64, i), error);

      if (ids == NULL)
        {
          g_hash_table_unref (order.rank);
          g_hash_table_unref (order.plan_rank);
          return NULL;
        }
      g_ptr_array_add (orders, ids);
      g_hash_table_insert (order.plan_rank, &g_array_index (plan_ids, gint64, i),
                           GINT_TO_POINTER (g_array_index (plan_positions, int, i) + 1));
      for (guint j = 0; j < ids->len; j++)
        g_hash_table_insert (order.rank, &g_array_index (ids, gint64, j),
                             GINT_TO_POINTER ((int) j + 1));
    }
  g_ptr_array_sort_with_data (tasks, compare_tasks, &order);
  g_hash_table_unref (order.rank);
  g_hash_table_unref (order.plan_rank);
  return g_steal_pointer (&tasks);
}

/*
 * Responsibility matrix
 */

typedef struct {
  gint64  id;
  char   *label;
  char   *title;
} MatrixTask;

typedef struct {
  gint64  id;
  char   *name;
} MatrixUnit;

struct _AnpaiMatrix
{
  GArray  *tasks;  /* of MatrixTask */
  GArray  *units;  /* of MatrixUnit */
  gint8   *roles;  /* tasks × units, -1 for none */
};

void
anpai_matrix_free (AnpaiMatrix *matrix)
{
  if (matrix == NULL)
    return;
  for (guint i = 0; matrix->tasks != NULL && i < matrix->tasks->len; i++)
    {
      g_free (g_array_index (matrix->tasks, MatrixTask, i).label);
      g_free (g_array_index (matrix->tasks, MatrixTask, i).title);
    }
  for (guint i = 0; matrix->units != NULL && i < matrix->units->len; i++)
    g_free (g_array_index (matrix->units, MatrixUnit, i).name);
  g_clear_pointer (&matrix->tasks, g_array_unref);
  g_clear_pointer (&matrix->units, g_array_unref);
  g_free (matrix->roles);
  g_free (matrix);
}

/* (transfer full) (nullable) */
AnpaiMatrix *
anpai_project_get_matrix (AnpaiProject  *self,
                          gint64         plan_id,
                          gint64         section_id,
                          GError       **error)
{
  g_autoptr(AnpaiMatrix) matrix = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) in_scope = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GHashTable) used_units = NULL;
  g_autoptr(sqlite3_stmt) nodes = NULL;
  g_autoptr(sqlite3_stmt) cells = NULL;
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(GArray) cell_rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GArray) cell_roles = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) info = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  if (anpai_project_get_plan (self, plan_id) == NULL)
    {
      set_invalid (error, _("The plan no longer exists."));
      return NULL;
    }

  /* The scope: the whole plan, or one section with everything under it. */
  if (section_id > 0)
    {
      g_autoptr(sqlite3_stmt) sub = NULL;

      sub = anpai_db_prepare (self->db,
                              "WITH RECURSIVE sub (id) AS ("
                              "  SELECT id FROM node WHERE id = ?1 AND plan_id = ?2"
                              "  UNION ALL SELECT n.id FROM node n JOIN sub ON n.parent_id = sub.id)"
                              " SELECT id FROM sub", error);
      if (sub == NULL)
        return NULL;
      sqlite3_bind_int64 (sub, 1, section_id);
      sqlite3_bind_int64 (sub, 2, plan_id);
      in_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      while (sqlite3_step (sub) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (sub, 0);

          g_hash_table_add (in_scope, g_memdup2 (&id, sizeof id));
        }
      if (g_hash_table_size (in_scope) == 0)
        {
          set_invalid (error, _("The section is not in this plan."));
          return NULL;
        }
    }

  order = _anpai_outline_order (self->db, plan_id, error);
  if (order == NULL)
    return NULL;

  /* Rows: the tasks, and any other node that names units. */
  nodes = anpai_db_prepare (self->db,
                            "SELECT n.id, n.label, n.title FROM node n WHERE n.plan_id = ?"
                            " AND (n.kind = 'task' OR EXISTS"
                            "  (SELECT 1 FROM assignment a WHERE a.node_id = n.id))", error);
  if (nodes == NULL)
    return NULL;
  sqlite3_bind_int64 (nodes, 1, plan_id);
  info = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                (GDestroyNotify) g_ptr_array_unref);
  {
    /* Keys live in the GPtrArray's first slot, freed with it. */
    while (sqlite3_step (nodes) == SQLITE_ROW)
      {
        GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
        gint64 id = sqlite3_column_int64 (nodes, 0);

        g_ptr_array_add (row, g_memdup2 (&id, sizeof id));
        g_ptr_array_add (row, anpai_db_column_dup (nodes, 1));
        g_ptr_array_add (row, anpai_db_column_dup (nodes, 2));
        g_hash_table_insert (info, row->pdata[0], row);
      }
  }

  matrix = g_new0 (AnpaiMatrix, 1);
  matrix->tasks = g_array_new (FALSE, FALSE, sizeof (MatrixTask));
  matrix->units = g_array_new (FALSE, FALSE, sizeof (MatrixUnit));
  rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < order->len; i++)
    {
      gint64 *id = &g_array_index (order, gint64, i);
      GPtrArray *row = g_hash_table_lookup (info, id);
      MatrixTask task;

      if (row == NULL || (in_scope != NULL && !g_hash_table_contains (in_scope, id)))
        continue;
      task.id = *id;
      task.label = g_strdup (row->pdata[1]);
      task.title = g_strdup (row->pdata[2]);
      g_array_append_val (matrix->tasks, task);
      g_hash_table_insert (rows, id, GUINT_TO_POINTER (matrix->tasks->len));
    }

  /* Cells, and which units they name. */
  cells = anpai_db_prepare (self->db,
                            "SELECT a.node_id, a.unit_id, a.role FROM assignment a"
                            " JOIN node n ON n.id = a.node_id WHERE n.plan_id = ?", error);
  if (cells == NULL)
    return NULL;
  sqlite3_bind_int64 (cells, 1, plan_id);
  used_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (sqlite3_step (cells) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (cells, 0), sqlite3_column_int64 (cells, 1) };
      int role = role_from_string (anpai_db_column_text (cells, 2));

      if (!g_hash_table_contains (rows, &pair[0]))
        continue;
      g_array_append_val (cell_rows, pair);
      g_array_append_val (cell_roles, role);
      if (!g_hash_table_contains (used_units, &pair[1]))
        g_hash_table_add (used_units, g_memdup2 (&pair[1], sizeof pair[1]));
    }

  units = anpai_db_prepare (self->db, "SELECT id, name FROM unit ORDER BY sort_order, id", error);
  if (units == NULL)
    return NULL;
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      MatrixUnit unit = { sqlite3_column_int64 (units, 0), NULL };

      if (!g_hash_table_contains (used_units, &unit.id))
        continue;
      unit.name = anpai_db_column_dup (units, 1);
      g_array_append_val (matrix->units, unit);
    }
  columns = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint j = 0; j < matrix->units->len; j++)
    g_hash_table_insert (columns, &g_array_index (matrix->units, MatrixUnit, j).id,
                         GUINT_TO_POINTER (j + 1));

  matrix->roles = g_malloc (MAX (1, (gsize) matrix->tasks->len * matrix->units->len));
  memset (matrix->roles, -1, (gsize) matrix->tasks->len * matrix->units->len);
  for (guint k = 0; k < cell_rows->len; k++)
    {
      const gint64 *pair = (const gint64 *) (const void *) (cell_rows->data + k * sizeof (gint64) * 2);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, &pair[0])) - 1;
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, &pair[1])) - 1;

      matrix->roles[row * matrix->units->len + column] = (gint8) g_array_index (cell_roles, int, k);
    }
  return g_steal_pointer (&matrix);
}

guint
anpai_matrix_get_n_tasks (const AnpaiMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);
  return matrix->tasks->len;
}

gint64
anpai_matrix_get_task_id (const AnpaiMatrix *matrix,
                          guint              row)
{
  g_return_val_if_fail (matrix != NULL && row < matrix->tasks->len, 0);
  return g_array_index (matrix->tasks, MatrixTask, row).id;
}

const char *
anpai_matrix_get_task_label (const AnpaiMatrix *matrix,
                             guint              row)
{
  g_return_val_if_fail (matrix != NULL && row < matrix->tasks->len, NULL);
  return g_array_index (matrix->tasks, MatrixTask, row).label;
}

const char *
anpai_matrix_get_task_title (const AnpaiMatrix *matrix,
                             guint              row)
{
  g_return_val_if_fail (matrix != NULL && row < matrix->tasks->len, NULL);
  return g_array_index (matrix->tasks, MatrixTask, row).title;
}

guint
anpai_matrix_get_n_units (const AnpaiMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);
  return matrix->units->len;
}

gint64
anpai_matrix_get_unit_id (const AnpaiMatrix *matrix,
                          guint              column)
{
  g_return_val_if_fail (matrix != NULL && column < matrix->units->len, 0);
  return g_array_index (matrix->units, MatrixUnit, column).id;
}

const char *
anpai_matrix_get_unit_name (const AnpaiMatrix *matrix,
                            guint              column)
{
  g_return_val_if_fail (matrix != NULL && column < matrix->units->len, NULL);
  return g_array_index (matrix->units, MatrixUnit, column).name;
}

int
anpai_matrix_get_role (const AnpaiMatrix *matrix,
                       guint              row,
                       guint              column)
{
  g_return_val_if_fail (matrix != NULL, -1);
  g_return_val_if_fail (row < matrix->tasks->len && column < matrix->units->len, -1);
  return matrix->roles[row * matrix->units->len + column];
}

/* A cell may not hold a tab or a line break: spreadsheets would split it. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* (transfer full): the matrix as tab-separated lines for the clipboard:
 * number, task, then one column per unit holding its role. */
char *
anpai_matrix_to_tsv (const AnpaiMatrix *matrix)
{
  GString *out;

  g_return_val_if_fail (matrix != NULL, NULL);

  out = g_string_new (NULL);
  /* Translators: column headings of the responsibility matrix */
  append_cell (out, C_("matrix", "No."));
  g_string_append_c (out, '\t');
  append_cell (out, C_("matrix", "Task"));
  for (guint j = 0; j < matrix->units->len; j++)
    {
      g_string_append_c (out, '\t');
      append_cell (out, g_array_index (matrix->units, MatrixUnit, j).name);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < matrix->tasks->len; i++)
    {
      const MatrixTask *task = &g_array_index (matrix->tasks, MatrixTask, i);

      append_cell (out, task->label);
      g_string_append_c (out, '\t');
      append_cell (out, task->title);
      for (guint j = 0; j < matrix->units->len; j++)
        {
          int role = matrix->roles[i * matrix->units->len + j];

          g_string_append_c (out, '\t');
          if (role >= 0)
            append_cell (out, anpai_role_get_label (role));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
