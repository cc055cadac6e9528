/* anpai-outline-text.c — outline items as text to copy elsewhere
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-db.h"
#include "anpai-outline-text.h"
#include "anpai-project-private.h"

/* The text goes into a Word document or an Excel sheet of the planner's
 * office, so it is written the way those documents are: the clause words are
 * Chinese whatever the interface language. */

typedef struct {
  char      *lead;
  GPtrArray *co;
  GPtrArray *support;
} Units;

static void
units_clear (Units *units)
{
  g_clear_pointer (&units->lead, g_free);
  g_clear_pointer (&units->co, g_ptr_array_unref);
  g_clear_pointer (&units->support, g_ptr_array_unref);
}

/* @stmt: the units query, prepared once for all the nodes copied */
static gboolean
read_units (sqlite3_stmt  *stmt,
            gint64         node_id,
            Units         *units,
            GError       **error)
{
  int rc;

  units->lead = NULL;
  units->co = g_ptr_array_new_with_free_func (g_free);
  units->support = g_ptr_array_new_with_free_func (g_free);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, node_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *role = anpai_db_column_text (stmt, 0);
      char *name = anpai_db_column_dup (stmt, 1);

      if (g_str_equal (role, "lead") && units->lead == NULL)
        units->lead = name;
      else
        g_ptr_array_add (g_str_equal (role, "support") ? units->support : units->co, name);
    }
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, sqlite3_db_handle (stmt), rc, "SELECT");
      return FALSE;
    }
  return TRUE;
}

static void
append_joined (GString   *out,
               GPtrArray *names,
               gsize      from)
{
  for (guint i = from; i < names->len; i++)
    {
      if (i > from)
        g_string_append (out, "、");
      g_string_append (out, g_ptr_array_index (names, i));
    }
}

/* For a table cell: one line, no tabs. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static gboolean
ends_sentence (const char *text)
{
  return g_str_has_suffix (text, "。") || g_str_has_suffix (text, "；") ||
         g_str_has_suffix (text, "：") || g_str_has_suffix (text, ".");
}

static void
append_plain (GString    *out,
              const char *label,
              const char *title,
              const char *body,
              const char *time,
              Units      *units)
{
  gboolean has_units = units->lead != NULL || units->co->len > 0 || units->support->len > 0;
  /* a time requirement the text does not state goes in the clause */
  gboolean own_time = *time != '\0' && strstr (body, time) == NULL && strstr (title, time) == NULL;
  const char *sep = "";

  g_string_append (out, label);
  g_string_append (out, title);
  if (*body != '\0')
    {
      if (*title != '\0' && !ends_sentence (title))
        g_string_append (out, "。");
      g_string_append (out, body);
    }
  if (has_units || own_time)
    {
      g_string_append (out, "（");
      if (units->co->len > 0)
        {
          /* the lead is the first of several responsible units */
          g_string_append (out, "责任单位：");
          if (units->lead != NULL)
            g_string_append_printf (out, "%s、", units->lead);
          append_joined (out, units->co, 0);
          sep = "；";
        }
      else if (units->lead != NULL)
        {
          g_string_append_printf (out, "牵头单位：%s", units->lead);
          sep = "；";
        }
      if (units->support->len > 0)
        {
          g_string_append_printf (out, "%s配合单位：", sep);
          append_joined (out, units->support, 0);
          sep = "；";
        }
      if (own_time)
        g_string_append_printf (out, "%s完成时限：%s", sep, time);
      g_string_append (out, "）");
    }
  g_string_append_c (out, '\n');
}

static void
append_row (GString    *out,
            const char *label,
            const char *title,
            const char *body,
            const char *time,
            Units      *units)
{
  g_autoptr(GString) others = g_string_new (NULL);

  append_cell (out, label);
  g_string_append_c (out, '\t');
  append_cell (out, title);
  if (*body != '\0')
    {
      if (*title != '\0')
        g_string_append_c (out, ' ');
      append_cell (out, body);
    }
  g_string_append_c (out, '\t');
  append_cell (out, time);
  g_string_append_c (out, '\t');
  append_cell (out, units->lead != NULL ? units->lead : "");
  g_string_append_c (out, '\t');
  append_joined (others, units->co, 0);
  if (others->len > 0 && units->support->len > 0)
    g_string_append (others, "、");
  append_joined (others, units->support, 0);
  append_cell (out, others->str);
  g_string_append_c (out, '\n');
}

char *
anpai_outline_text_format (AnpaiProject           *project,
                           const gint64           *node_ids,
                           guint                   n_nodes,
                           AnpaiOutlineTextFormat  format,
                           GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) units_stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  db = _anpai_project_get_db (project);
  /* the item and its subtree in outline order: the path of positions
   * sorts parents before children and siblings by position */
  stmt = anpai_db_prepare (db,
                           "WITH RECURSIVE sub (id, path) AS ("
                           "  SELECT id, printf('%08d', position) FROM node WHERE id = ?1"
                           "  UNION ALL"
                           "  SELECT n.id, sub.path || '.' || printf('%08d', n.position)"
                           "  FROM node n JOIN sub ON n.parent_id = sub.id)"
                           " SELECT n.id, n.label, n.title, n.body, n.time_text FROM sub"
                           " JOIN node n ON n.id = sub.id ORDER BY sub.path",
                           error);
  if (stmt == NULL)
    return NULL;
  units_stmt = anpai_db_prepare (db,
                                 "SELECT a.role, u.name FROM assignment a JOIN unit u ON u.id = a.unit_id"
                                 " WHERE a.node_id = ? ORDER BY a.position, a.id", error);
  if (units_stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_nodes; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, node_ids[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          Units units;

          if (g_hash_table_contains (done, &id))
            continue;
          g_hash_table_add (done, g_memdup2 (&id, sizeof id));
          if (!read_units (units_stmt, id, &units, error))
            {
              units_clear (&units);
              return NULL;
            }
          (format == ANPAI_OUTLINE_TEXT_ROWS ? append_row : append_plain) (
            out, anpai_db_column_text (stmt, 1), anpai_db_column_text (stmt, 2),
            anpai_db_column_text (stmt, 3), anpai_db_column_text (stmt, 4), &units);
          units_clear (&units);
        }
      if (rc != SQLITE_DONE)
        {
          anpai_db_set_error (error, db, rc, "SELECT");
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
