/* anpai-history.c — undo and redo through an SQL inverse log
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiHistory"

#include "anpai-db.h"
#include "anpai-history.h"
#include "anpai-search.h"

/* Every tracked table gets TEMP triggers that write, for each row changed,
 * the SQL statement that puts the row back. A user action is one transaction,
 * so its log rows form one contiguous range of `seq`: undoing it replays that
 * range backwards, and the triggers record the replay's own inverse, which
 * becomes the redo step. Any edit, however many rows it touches (an import,
 * a unit merge, a cascade), is undoable without per-command inverse code.
 *
 * The log lives in the TEMP database: it never reaches the project file, and
 * history ends with the session, as users expect. */

#define MAX_STEPS 200

typedef struct {
  char   *label;
  gint64  first;
  gint64  last;
} Step;

struct _AnpaiHistory
{
  sqlite3 *db;
  GQueue   undo;  /* of Step, newest first */
  GQueue   redo;
};

/* @ stands for new or old in the key expressions. */
static const struct {
  const char  *table;
  AnpaiTables  bit;
  const char  *plan;
  const char  *node;
  const char  *unit;
} tracked[] = {
  { "plan",       ANPAI_TABLE_PLAN,       "@.id",      "NULL",      "NULL" },
  { "node",       ANPAI_TABLE_NODE,       "@.plan_id", "@.id",      "NULL" },
  { "unit",       ANPAI_TABLE_UNIT,       "NULL",      "NULL",      "@.id" },
  { "unit_alias", ANPAI_TABLE_UNIT_ALIAS, "NULL",      "NULL",      "@.unit_id" },
  { "assignment", ANPAI_TABLE_ASSIGNMENT, "NULL",      "@.node_id", "@.unit_id" },
  { "target",     ANPAI_TABLE_TARGET,     "NULL",      "@.node_id", "NULL" },
  { "report",     ANPAI_TABLE_REPORT,     "NULL",      "@.node_id", "@.unit_id" },
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_free (step);
}

static char *
keys_for (guint       i,
          const char *row)
{
  g_autofree char *plan = g_strdup (tracked[i].plan);
  g_autofree char *node = g_strdup (tracked[i].node);
  g_autofree char *unit = g_strdup (tracked[i].unit);
  g_auto(GStrv) p = g_strsplit (plan, "@", -1);
  g_auto(GStrv) n = g_strsplit (node, "@", -1);
  g_auto(GStrv) u = g_strsplit (unit, "@", -1);
  g_autofree char *pj = g_strjoinv (row, p);
  g_autofree char *nj = g_strjoinv (row, n);
  g_autofree char *uj = g_strjoinv (row, u);

  return g_strdup_printf ("%u, %s, %s, %s", (guint) tracked[i].bit, pj, nj, uj);
}

static GPtrArray *
table_columns (sqlite3     *db,
               const char  *table,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info(%s)", table);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

  stmt = anpai_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, anpai_db_column_dup (stmt, 1));
  return g_steal_pointer (&columns);
}

/* Builds the three triggers of one table from its current columns, so a
 * migration that adds a column is covered without touching this file. */
static gboolean
install_triggers (sqlite3  *db,
                  guint     i,
                  GError  **error)
{
  const char *t = tracked[i].table;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *new_keys = keys_for (i, "new");
  g_autofree char *old_keys = keys_for (i, "old");

  columns = table_columns (db, t, error);
  if (columns == NULL)
    return FALSE;

  g_string_append_printf (sql,
      "CREATE TEMP TRIGGER anpai_undo_%s_insert AFTER INSERT ON %s BEGIN "
      "INSERT INTO anpai_undo_log (tbl, plan, node, unit, sql) VALUES (%s, "
      "'DELETE FROM main.%s WHERE rowid=' || new.rowid); END;",
      t, t, new_keys, t);

  g_string_append_printf (sql,
      "CREATE TEMP TRIGGER anpai_undo_%s_update AFTER UPDATE ON %s WHEN ", t, t);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%sold.\"%s\" IS NOT new.\"%s\"", c > 0 ? " OR " : "",
                            (char *) columns->pdata[c], (char *) columns->pdata[c]);
  g_string_append_printf (sql,
      " BEGIN INSERT INTO anpai_undo_log (tbl, plan, node, unit, sql) VALUES (%s, "
      "'UPDATE main.%s SET ", new_keys, t);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"=' || quote(old.\"%s\") || '", c > 0 ? "," : "",
                            (char *) columns->pdata[c], (char *) columns->pdata[c]);
  g_string_append (sql, " WHERE rowid=' || old.rowid); END;");

  g_string_append_printf (sql,
      "CREATE TEMP TRIGGER anpai_undo_%s_delete AFTER DELETE ON %s BEGIN "
      "INSERT INTO anpai_undo_log (tbl, plan, node, unit, sql) VALUES (%s, "
      "'INSERT INTO main.%s (", t, t, old_keys, t);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? "," : "", (char *) columns->pdata[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s' || quote(old.\"%s\") || '", c > 0 ? "," : "",
                            (char *) columns->pdata[c]);
  g_string_append (sql, ")'); END;");

  return anpai_db_exec (db, sql->str, error);
}

AnpaiHistory *
anpai_history_new (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(AnpaiHistory) self = g_new0 (AnpaiHistory, 1);

  self->db = db;
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);

  if (!anpai_db_exec (db,
                      "CREATE TEMP TABLE anpai_undo_log ("
                      "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                      "  tbl INTEGER NOT NULL,"
                      "  plan INTEGER, node INTEGER, unit INTEGER,"
                      "  sql TEXT NOT NULL)",
                      error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tracked); i++)
    if (!install_triggers (db, i, error))
      return NULL;

  /* The search index follows node through the same commits and replays as
   * the history, so it is set up with it on every connection. */
  if (!_anpai_search_attach (db, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
anpai_history_free (AnpaiHistory *self)
{
  if (self == NULL)
    return;
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_free (self);
}

static gint64
last_seq (AnpaiHistory *self)
{
  gint64 seq = 0;

  if (!anpai_db_query_int64 (self->db, "SELECT coalesce(max(seq), 0) FROM temp.anpai_undo_log",
                             &seq, NULL))
    return 0;
  return seq;
}

static gboolean
delete_range (AnpaiHistory  *self,
              const Step    *step,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (self->db, "DELETE FROM temp.anpai_undo_log WHERE seq BETWEEN ? AND ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->first);
  sqlite3_bind_int64 (stmt, 2, step->last);
  return anpai_db_step_done (stmt, error);
}

static AnpaiChanges *
collect_changes (AnpaiHistory *self,
                 gint64        first,
                 gint64        last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AnpaiChanges *changes = anpai_changes_new ();

  stmt = anpai_db_prepare (self->db,
                           "SELECT tbl, plan, node, unit FROM temp.anpai_undo_log "
                           "WHERE seq BETWEEN ? AND ?", NULL);
  if (stmt == NULL)
    return changes;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    anpai_changes_add (changes, sqlite3_column_int (stmt, 0),
                       sqlite3_column_int64 (stmt, 1),
                       sqlite3_column_int64 (stmt, 2),
                       sqlite3_column_int64 (stmt, 3));
  return changes;
}

/* The log position before a user action starts. */
gint64
anpai_history_mark (AnpaiHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return last_seq (self);
}

/* Called inside the action's transaction, just before COMMIT: a new action
 * ends the redo branch, and dropping its rows must commit or roll back with
 * the action. The search index catches up here too, in the same transaction. */
gboolean
anpai_history_prepare_push (AnpaiHistory  *self,
                            gint64         mark,
                            GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!_anpai_search_flush (self->db, error))
    return FALSE;
  if (last_seq (self) <= mark)
    return TRUE;
  for (GList *l = self->redo.head; l != NULL; l = l->next)
    if (!delete_range (self, l->data, error))
      return FALSE;
  return TRUE;
}

/* Called after COMMIT. Returns what the action touched (empty if nothing). */
AnpaiChanges *
anpai_history_push (AnpaiHistory *self,
                    const char   *label,
                    gint64        mark)
{
  gint64 last;
  Step *step;

  g_return_val_if_fail (self != NULL, NULL);

  last = last_seq (self);
  if (last <= mark)
    return anpai_changes_new ();

  g_queue_clear_full (&self->redo, step_free);

  step = g_new0 (Step, 1);
  step->label = g_strdup (label);
  step->first = mark + 1;
  step->last = last;
  g_queue_push_head (&self->undo, step);

  while (self->undo.length > MAX_STEPS)
    {
      Step *oldest = g_queue_pop_tail (&self->undo);

      /* Outside a transaction this only touches the TEMP log. */
      delete_range (self, oldest, NULL);
      step_free (oldest);
    }

  return collect_changes (self, mark + 1, last);
}

static AnpaiChanges *
replay (AnpaiHistory  *self,
        GQueue        *from,
        GQueue        *to,
        char         **label,
        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  Step *step = g_queue_peek_head (from);
  Step *inverse;
  gint64 mark;

  g_assert (step != NULL);

  /* Deferred: replaying a cascade backwards inserts children before their
   * parent; the references hold again by COMMIT. */
  if (!anpai_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!anpai_db_exec (self->db, "PRAGMA defer_foreign_keys = ON", &local_error))
    goto fail;

  mark = last_seq (self);

  stmt = anpai_db_prepare (self->db,
                           "SELECT sql FROM temp.anpai_undo_log WHERE seq BETWEEN ? AND ? "
                           "ORDER BY seq DESC", &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step->first);
  sqlite3_bind_int64 (stmt, 2, step->last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, anpai_db_column_dup (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < statements->len; i++)
    if (!anpai_db_exec (self->db, statements->pdata[i], &local_error))
      goto fail;

  if (!_anpai_search_flush (self->db, &local_error) ||
      !delete_range (self, step, &local_error) ||
      !anpai_db_exec (self->db, "COMMIT", &local_error))
    goto fail;

  g_queue_pop_head (from);
  inverse = g_new0 (Step, 1);
  inverse->label = g_steal_pointer (&step->label);
  inverse->first = mark + 1;
  inverse->last = last_seq (self);
  g_queue_push_head (to, inverse);
  step_free (step);

  if (label != NULL)
    *label = g_strdup (inverse->label);
  return collect_changes (self, inverse->first, inverse->last);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
anpai_history_can_undo (AnpaiHistory *self)
{
  return self != NULL && self->undo.length > 0;
}

gboolean
anpai_history_can_redo (AnpaiHistory *self)
{
  return self != NULL && self->redo.length > 0;
}

const char *
anpai_history_undo_label (AnpaiHistory *self)
{
  Step *step = self != NULL ? g_queue_peek_head (&self->undo) : NULL;

  return step != NULL ? step->label : NULL;
}

const char *
anpai_history_redo_label (AnpaiHistory *self)
{
  Step *step = self != NULL ? g_queue_peek_head (&self->redo) : NULL;

  return step != NULL ? step->label : NULL;
}

AnpaiChanges *
anpai_history_undo (AnpaiHistory  *self,
                    char         **label,
                    GError       **error)
{
  g_return_val_if_fail (anpai_history_can_undo (self), NULL);

  return replay (self, &self->undo, &self->redo, label, error);
}

AnpaiChanges *
anpai_history_redo (AnpaiHistory  *self,
                    char         **label,
                    GError       **error)
{
  g_return_val_if_fail (anpai_history_can_redo (self), NULL);

  return replay (self, &self->redo, &self->undo, label, error);
}

/* Forgets every step, e.g. after an edit that cannot be undone. */
void
anpai_history_clear (AnpaiHistory *self)
{
  g_return_if_fail (self != NULL);

  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  anpai_db_exec (self->db, "DELETE FROM temp.anpai_undo_log", NULL);
}
