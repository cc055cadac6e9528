/* anpai-project-units.c — responsible units, their aliases and assignments
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <glib/gi18n-lib.h>

#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-unit-edit.h"

/* Names differ in width and spacing between documents (（市、区） vs (市、区)),
 * so lookups compare NFKC forms without white space. */
static char *
match_key (const char *name)
{
  g_autofree char *nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  GString *key;

  if (nfkc == NULL)
    return g_strdup ("");
  key = g_string_new (NULL);
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* Returns the id of the unit called @name, by name or alias; 0 if none. */
gint64
anpai_project_find_unit (AnpaiProject *self,
                         const char   *name)
{
  g_autoptr(sqlite3_stmt) exact = NULL;
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  exact = anpai_db_prepare (self->db,
                            "SELECT id FROM unit WHERE name = ?1"
                            " UNION ALL SELECT unit_id FROM unit_alias WHERE name = ?1", NULL);
  if (exact == NULL)
    return 0;
  anpai_db_bind_text (exact, 1, name);
  if (sqlite3_step (exact) == SQLITE_ROW)
    return sqlite3_column_int64 (exact, 0);

  /* A project has hundreds of units at most: a scan is cheaper than keeping
   * a normalised copy of every name in the file. */
  key = match_key (name);
  if (*key == '\0')
    return 0;
  all = anpai_db_prepare (self->db,
                          "SELECT id, name FROM unit"
                          " UNION ALL SELECT unit_id, name FROM unit_alias", NULL);
  if (all == NULL)
    return 0;
  while (sqlite3_step (all) == SQLITE_ROW)
    {
      g_autofree char *other = match_key (anpai_db_column_text (all, 1));

      if (g_str_equal (key, other))
        return sqlite3_column_int64 (all, 0);
    }
  return 0;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *key = match_key (name);

  if (*key == '\0')
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("A unit needs a name."));
      return FALSE;
    }
  return TRUE;
}

/* Returns the unit called @name, adding it (with @kind) if there is none. */
gint64
anpai_project_ensure_unit (AnpaiProject   *self,
                           const char     *name,
                           AnpaiUnitKind   kind,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!check_name (name, error))
    return 0;
  id = anpai_project_find_unit (self, name);
  if (id > 0)
    return id;

  trimmed = g_strstrip (g_strdup (name));
  if (!anpai_project_begin (self, _("Add Unit"), error))
    return 0;
  stmt = anpai_db_prepare (self->db,
                           "INSERT INTO unit (name, kind, sort_order)"
                           " VALUES (?, ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM unit))",
                           error);
  if (stmt == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (stmt, 1, trimmed);
  anpai_db_bind_text (stmt, 2, anpai_enum_to_string (ANPAI_TYPE_UNIT_KIND, kind));
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (self, error);
  id = sqlite3_last_insert_rowid (self->db);
  if (!anpai_project_commit (self, error))
    return 0;
  return id;
}

/* (transfer full) */
AnpaiUnit *
anpai_project_load_unit (AnpaiProject  *self,
                         gint64         unit_id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) aliases = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  int kind = ANPAI_UNIT_KIND_OTHER;
  AnpaiUnit *unit;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  stmt = anpai_db_prepare (self->db,
                           "SELECT name, kind, sort_order, notes FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The unit no longer exists."));
      return NULL;
    }
  anpai_enum_from_string (ANPAI_TYPE_UNIT_KIND, anpai_db_column_text (stmt, 1), &kind);
  unit = anpai_unit_new (anpai_db_column_text (stmt, 0), kind);
  _anpai_unit_set_id (unit, unit_id);
  anpai_unit_set_sort_order (unit, sqlite3_column_int (stmt, 2));
  anpai_unit_set_notes (unit, anpai_db_column_text (stmt, 3));

  aliases = anpai_db_prepare (self->db,
                              "SELECT name FROM unit_alias WHERE unit_id = ? ORDER BY id", NULL);
  if (aliases != NULL)
    {
      sqlite3_bind_int64 (aliases, 1, unit_id);
      while (sqlite3_step (aliases) == SQLITE_ROW)
        g_strv_builder_add (names, anpai_db_column_text (aliases, 0));
    }
  strv = g_strv_builder_end (names);
  _anpai_unit_set_aliases (unit, (const char * const *) strv);
  return unit;
}

/* Records @alias as another spelling of @unit_id; a name already meaning
 * this unit is accepted silently, one meaning another unit is an error. */
gboolean
anpai_project_add_unit_alias (AnpaiProject  *self,
                              gint64         unit_id,
                              const char    *alias,
                              GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  return anpai_project_add_unit_alias_full (self, unit_id, alias, ANPAI_ALIAS_SPELLING, NULL,
                                            error);
}

/* Makes @unit_ids, in this order, the units of @node_id in @role. A unit
 * holds one role per task: naming it here takes it out of its other role. */
gboolean
anpai_project_set_node_units (AnpaiProject  *self,
                              gint64         node_id,
                              AnpaiRole      role,
                              const gint64  *unit_ids,
                              guint          n_units,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) take = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  const char *role_name = anpai_enum_to_string (ANPAI_TYPE_ROLE, role);

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (n_units == 0 || unit_ids != NULL, FALSE);

  if (role == ANPAI_ROLE_LEAD && n_units > 1)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("A task has one lead unit."));
      return FALSE;
    }

  if (!anpai_project_begin (self, _("Change Units"), error))
    return FALSE;

  clear = anpai_db_prepare (self->db, "DELETE FROM assignment WHERE node_id = ? AND role = ?",
                            error);
  take = anpai_db_prepare (self->db, "DELETE FROM assignment WHERE node_id = ? AND unit_id = ?",
                           error);
  insert = anpai_db_prepare (self->db,
                             "INSERT INTO assignment (node_id, unit_id, role, position)"
                             " VALUES (?, ?, ?, ?)", error);
  if (clear == NULL || take == NULL || insert == NULL)
    return _anpai_project_fail (self, error);

  sqlite3_bind_int64 (clear, 1, node_id);
  anpai_db_bind_text (clear, 2, role_name);
  if (!anpai_db_step_done (clear, error))
    return _anpai_project_fail (self, error);

  for (guint i = 0; i < n_units; i++)
    {
      sqlite3_bind_int64 (take, 1, node_id);
      sqlite3_bind_int64 (take, 2, unit_ids[i]);
      if (!anpai_db_step_done (take, error))
        return _anpai_project_fail (self, error);

      sqlite3_bind_int64 (insert, 1, node_id);
      sqlite3_bind_int64 (insert, 2, unit_ids[i]);
      anpai_db_bind_text (insert, 3, role_name);
      sqlite3_bind_int (insert, 4, (int) i);
      if (!anpai_db_step_done (insert, error))
        return _anpai_project_fail (self, error);
    }

  return anpai_project_commit (self, error);
}

/* (transfer full) (element-type gint64): the units of @node_id in @role, in order */
GArray *
anpai_project_get_node_units (AnpaiProject *self,
                              gint64        node_id,
                              AnpaiRole     role)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), ids);

  stmt = anpai_db_prepare (self->db,
                           "SELECT unit_id FROM assignment WHERE node_id = ? AND role = ?"
                           " ORDER BY position, id", NULL);
  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, node_id);
  anpai_db_bind_text (stmt, 2, anpai_enum_to_string (ANPAI_TYPE_ROLE, role));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}
