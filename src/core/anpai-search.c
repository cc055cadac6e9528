/* anpai-search.c — filtering a plan's outline by text, unit, status and date
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiSearch"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-search.h"

/* Text search has two paths (ECOSYSTEM.md, "Search"). node_fts is an FTS5
 * trigram index (schema 2): a term of three characters or more is a phrase
 * MATCH, which is a substring search. Trigram cannot look up anything
 * shorter, and in SQLite 3.40.1 even LIKE on the FTS table returns nothing
 * for a Chinese two-character term, so 1–2 character terms (环境, 法) use
 * LIKE on node itself: a scan of one plan's rows, still only a few ms. */

/*
 * Keeping the index in step
 */

/* SQLite refuses triggers in the file that write to an FTS5 table while
 * trusted_schema is OFF, and TEMP triggers too ("unsafe use of virtual
 * table"). So TEMP triggers only note which rows changed, with the text the
 * index still holds (external content needs it to delete an entry), and
 * flush() brings the index up to date from plain SQL before COMMIT. Undo and
 * redo replay ordinary SQL on node, so they pass through the same triggers. */
static const char attach_sql[] =
  "CREATE TEMP TABLE anpai_fts_pending ("
  "  id INTEGER PRIMARY KEY,"
  "  indexed INTEGER NOT NULL,"  /* 1: the index holds title/body below */
  "  title TEXT,"
  "  body TEXT);"
  "CREATE TEMP TRIGGER anpai_fts_insert AFTER INSERT ON main.node BEGIN"
  "  INSERT INTO anpai_fts_pending (id, indexed) VALUES (new.id, 0)"
  "    ON CONFLICT DO NOTHING;"
  " END;"
  "CREATE TEMP TRIGGER anpai_fts_update AFTER UPDATE OF title, body ON main.node"
  "  WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN"
  "  INSERT INTO anpai_fts_pending (id, indexed, title, body)"
  "    VALUES (old.id, 1, old.title, old.body) ON CONFLICT DO NOTHING;"
  " END;"
  "CREATE TEMP TRIGGER anpai_fts_delete AFTER DELETE ON main.node BEGIN"
  "  INSERT INTO anpai_fts_pending (id, indexed, title, body)"
  "    VALUES (old.id, 1, old.title, old.body) ON CONFLICT DO NOTHING;"
  " END;";

/* The first note of a row in a transaction wins: it says what the index
 * holds. flush() deletes that and indexes the row as it is now, if it is. */
static const char flush_sql[] =
  "INSERT INTO main.node_fts (node_fts, rowid, title, body)"
  "  SELECT 'delete', id, title, body FROM temp.anpai_fts_pending WHERE indexed;"
  "INSERT INTO main.node_fts (rowid, title, body)"
  "  SELECT n.id, n.title, n.body FROM temp.anpai_fts_pending p"
  "  JOIN main.node n ON n.id = p.id;"
  "DELETE FROM temp.anpai_fts_pending;";

static gboolean
table_exists (sqlite3    *db,
              const char *sql)
{
  gint64 found = 0;

  return anpai_db_query_int64 (db, sql, &found, NULL) && found != 0;
}

gboolean
_anpai_search_attach (sqlite3  *db,
                      GError  **error)
{
  /* Files that predate schema 2 (or tests' own migrations) have no index. */
  if (!table_exists (db, "SELECT count(*) FROM main.sqlite_schema WHERE name = 'node_fts'"))
    return TRUE;
  return anpai_db_exec (db, attach_sql, error);
}

gboolean
_anpai_search_flush (sqlite3  *db,
                     GError  **error)
{
  if (!table_exists (db, "SELECT count(*) FROM temp.sqlite_schema"
                         " WHERE name = 'anpai_fts_pending'"))
    return TRUE;
  if (!table_exists (db, "SELECT EXISTS (SELECT 1 FROM temp.anpai_fts_pending)"))
    return TRUE;
  return anpai_db_exec (db, flush_sql, error);
}

/*
 * Outline order
 */

typedef struct {
  gint64  id;
  gint64  parent;
  int     first_child;   /* index into the rows, -1 if none */
  int     next_sibling;
  int     parent_index;  /* -1 at the top (or if the parent is missing) */
} Row;

typedef struct {
  GArray     *rows;   /* of Row */
  GHashTable *index;  /* gint64 id (into rows) → index + 1 */
  GArray     *order;  /* of int: row indexes in outline order */
} Outline;

static void
outline_clear (Outline *outline)
{
  g_clear_pointer (&outline->index, g_hash_table_unref);
  g_clear_pointer (&outline->rows, g_array_unref);
  g_clear_pointer (&outline->order, g_array_unref);
}

static int
outline_lookup (const Outline *outline,
                gint64         id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (outline->index, &id)) - 1;
}

/* One query for the whole plan and a walk in memory: a recursive CTE that
 * sorts by path is several times slower on 20,000 nodes. */
static gboolean
outline_load (sqlite3  *db,
              gint64    plan_id,
              Outline  *outline,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  Row *rows;
  int first_root = -1;
  int n;

  stmt = anpai_db_prepare (db,
                           "SELECT id, parent_id FROM node WHERE plan_id = ?"
                           " ORDER BY parent_id, position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  outline->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), -1, -1, -1 };

      g_array_append_val (outline->rows, row);
    }

  /* The array is complete: keys may now point into it. */
  rows = (Row *) (void *) outline->rows->data;
  n = (int) outline->rows->len;
  outline->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (int i = 0; i < n; i++)
    g_hash_table_insert (outline->index, &rows[i].id, GINT_TO_POINTER (i + 1));

  /* Backwards, so prepending leaves each list in position order. */
  for (int i = n - 1; i >= 0; i--)
    {
      int p = rows[i].parent != 0 ? outline_lookup (outline, rows[i].parent) : -1;

      rows[i].parent_index = p != i ? p : -1;
      if (rows[i].parent_index >= 0)
        {
          rows[i].next_sibling = rows[p].first_child;
          rows[p].first_child = i;
        }
      else
        {
          rows[i].next_sibling = first_root;
          first_root = i;
        }
    }

  outline->order = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  for (int r = first_root; r >= 0; r = rows[r].next_sibling)
    {
      g_array_set_size (stack, 0);
      g_array_append_val (stack, r);
      while (stack->len > 0)
        {
          int i = g_array_index (stack, int, stack->len - 1);
          int c;
          guint mark;

          g_array_set_size (stack, stack->len - 1);
          g_array_append_val (outline->order, i);
          /* Push children last-first, so the first is visited next. */
          mark = stack->len;
          for (c = rows[i].first_child; c >= 0; c = rows[c].next_sibling)
            g_array_insert_val (stack, mark, c);
        }
    }
  return TRUE;
}

GArray *
_anpai_outline_order (sqlite3  *db,
                      gint64    plan_id,
                      GError  **error)
{
  Outline outline = { NULL, NULL, NULL };
  GArray *ids;

  if (!outline_load (db, plan_id, &outline, error))
    {
      outline_clear (&outline);
      return NULL;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), outline.order->len);
  for (guint i = 0; i < outline.order->len; i++)
    g_array_append_val (ids, g_array_index (outline.rows, Row,
                                            g_array_index (outline.order, int, i)).id);
  outline_clear (&outline);
  return ids;
}

/*
 * Filtering
 */

struct _AnpaiFilterResult
{
  GArray     *nodes;    /* of gint64, outline order */
  GArray     *matched;  /* of gint64; the keys of @matches point into it */
  GHashTable *matches;
};

gboolean
anpai_filter_is_empty (const AnpaiFilter *filter)
{
  g_autofree char *text = NULL;

  if (filter == NULL)
    return TRUE;
  text = g_strstrip (g_strdup (filter->text != NULL ? filter->text : ""));
  return *text == '\0' && filter->unit_id <= 0 && filter->statuses == 0 &&
         (filter->due_from == NULL || *filter->due_from == '\0') &&
         (filter->due_to == NULL || *filter->due_to == '\0');
}

static char *
like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static gboolean
check_filter (const AnpaiFilter  *filter,
              GError            **error)
{
  const char *dates[] = { filter->due_from, filter->due_to };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && *dates[i] != '\0' && !anpai_date_is_valid_iso (dates[i]))
      {
        g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                     _("“%s” is not a date (YYYY-MM-DD)."), dates[i]);
        return FALSE;
      }
  if (filter->statuses >= ANPAI_STATUS_BIT (ANPAI_STATUS_CANCELLED + 1))
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The filter names an unknown status."));
      return FALSE;
    }
  return TRUE;
}

/* Collects the ids of the nodes that match @filter themselves. */
static gboolean
find_matches (sqlite3            *db,
              gint64              plan_id,
              const AnpaiFilter  *filter,
              GArray             *matched,
              GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT n.id FROM node n WHERE n.plan_id = ?");
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GPtrArray) likes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) terms = NULL;
  int col = 1;

  /* The ideographic space (U+3000) separates terms as well; the split works
   * on bytes, so it becomes an ASCII space first. */
  text = g_string_new (filter->text != NULL ? filter->text : "");
  g_string_replace (text, "\u3000", " ", 0);
  terms = g_strsplit_set (text->str, " \t\r\n", -1);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];

      if (*term == '\0')
        continue;
      if (!g_utf8_validate (term, -1, NULL))
        {
          g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                               _("The search text is not valid UTF-8."));
          return FALSE;
        }
      if (g_utf8_strlen (term, -1) >= 3)
        {
          /* A quoted phrase: the term is looked up as written, "" escaping ". */
          g_autoptr(GString) phrase = g_string_new (term);

          g_string_replace (phrase, "\"", "\"\"", 0);
          g_string_append_printf (match, "%s\"%s\"", match->len > 0 ? " AND " : "", phrase->str);
        }
      else
        {
          g_ptr_array_add (likes, like_pattern (term));
        }
    }

  if (match->len > 0)
    g_string_append (sql, " AND n.id IN (SELECT rowid FROM node_fts WHERE node_fts MATCH ?)");
  for (guint i = 0; i < likes->len; i++)
    g_string_append (sql, " AND (n.title LIKE ? ESCAPE '\\' OR n.body LIKE ? ESCAPE '\\')");
  if (filter->unit_id > 0)
    g_string_append_printf (sql, " AND n.id IN (SELECT node_id FROM assignment"
                                 " WHERE unit_id = ?%s)",
                            filter->lead_only ? " AND role = 'lead'" : "");
  if (filter->statuses != 0)
    {
      const char *sep = "";

      g_string_append (sql, " AND n.status IN (");
      for (int s = ANPAI_STATUS_NOT_STARTED; s <= ANPAI_STATUS_CANCELLED; s++)
        if (filter->statuses & ANPAI_STATUS_BIT (s))
          {
            /* The nicks are fixed identifiers of the file format. */
            g_string_append_printf (sql, "%s'%s'", sep, anpai_enum_to_string (ANPAI_TYPE_STATUS, s));
            sep = ",";
          }
      g_string_append (sql, ")");
    }
  if (filter->due_from != NULL && *filter->due_from != '\0')
    g_string_append (sql, " AND n.time_end >= ?");
  if (filter->due_to != NULL && *filter->due_to != '\0')
    g_string_append (sql, " AND n.time_end <= ?");

  stmt = anpai_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, col++, plan_id);
  if (match->len > 0)
    anpai_db_bind_text (stmt, col++, match->str);
  for (guint i = 0; i < likes->len; i++)
    {
      anpai_db_bind_text (stmt, col++, likes->pdata[i]);
      anpai_db_bind_text (stmt, col++, likes->pdata[i]);
    }
  if (filter->unit_id > 0)
    sqlite3_bind_int64 (stmt, col++, filter->unit_id);
  if (filter->due_from != NULL && *filter->due_from != '\0')
    anpai_db_bind_text (stmt, col++, filter->due_from);
  if (filter->due_to != NULL && *filter->due_to != '\0')
    anpai_db_bind_text (stmt, col++, filter->due_to);

  for (;;)
    {
      int rc = sqlite3_step (stmt);
      gint64 id;

      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          anpai_db_set_error (error, db, rc, "search");
          return FALSE;
        }
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (matched, id);
    }
  return TRUE;
}

/* (transfer full): the nodes of @plan_id matching @filter, with their
 * ancestors so the tree stays navigable; NULL with @error on a bad filter or
 * plan. An empty filter matches every node. */
AnpaiFilterResult *
anpai_project_filter_nodes (AnpaiProject       *self,
                            gint64              plan_id,
                            const AnpaiFilter  *filter,
                            GError            **error)
{
  static const AnpaiFilter empty = ANPAI_FILTER_INIT;
  g_autoptr(AnpaiFilterResult) result = NULL;
  g_autoptr(GHashTable) keep = NULL;
  Outline outline = { NULL, NULL, NULL };
  sqlite3 *db;
  gint64 found = 0;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);

  if (filter == NULL)
    filter = &empty;
  db = _anpai_project_get_db (self);
  if (db == NULL)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                           _("The project is closed."));
      return NULL;
    }
  if (!check_filter (filter, error))
    return NULL;
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM plan WHERE id = %" G_GINT64_FORMAT,
                                            plan_id);

    if (!anpai_db_query_int64 (db, sql, &found, error))
      return NULL;
  }
  if (found == 0)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The plan no longer exists."));
      return NULL;
    }

  /* Inside an edit the index has not caught up yet; this is part of it. */
  if (!sqlite3_get_autocommit (db) && !anpai_project_get_read_only (self) &&
      !_anpai_search_flush (db, error))
    return NULL;

  result = g_new0 (AnpaiFilterResult, 1);
  result->nodes = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->matched = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->matches = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!find_matches (db, plan_id, filter, result->matched, error))
    return NULL;
  if (result->matched->len == 0)
    return g_steal_pointer (&result);
  for (guint i = 0; i < result->matched->len; i++)
    g_hash_table_add (result->matches, &g_array_index (result->matched, gint64, i));

  if (!outline_load (db, plan_id, &outline, error))
    {
      outline_clear (&outline);
      return NULL;
    }

  /* Marks each match and its ancestors, stopping where a walk met one. */
  keep = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < result->matched->len; i++)
    {
      int r = outline_lookup (&outline, g_array_index (result->matched, gint64, i));

      while (r >= 0 && !g_hash_table_contains (keep, GINT_TO_POINTER (r + 1)))
        {
          g_hash_table_add (keep, GINT_TO_POINTER (r + 1));
          r = g_array_index (outline.rows, Row, r).parent_index;
        }
    }
  for (guint i = 0; i < outline.order->len; i++)
    {
      int r = g_array_index (outline.order, int, i);

      if (g_hash_table_contains (keep, GINT_TO_POINTER (r + 1)))
        g_array_append_val (result->nodes, g_array_index (outline.rows, Row, r).id);
    }
  outline_clear (&outline);
  return g_steal_pointer (&result);
}

guint
anpai_filter_result_get_n_nodes (const AnpaiFilterResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->nodes->len;
}

gint64
anpai_filter_result_get_node (const AnpaiFilterResult *result,
                              guint                    index)
{
  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (index < result->nodes->len, 0);
  return g_array_index (result->nodes, gint64, index);
}

gboolean
anpai_filter_result_is_match (const AnpaiFilterResult *result,
                              gint64                   node_id)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return g_hash_table_contains (result->matches, &node_id);
}

guint
anpai_filter_result_get_n_matches (const AnpaiFilterResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->matched->len;
}

void
anpai_filter_result_free (AnpaiFilterResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->matches, g_hash_table_unref);
  g_clear_pointer (&result->matched, g_array_unref);
  g_clear_pointer (&result->nodes, g_array_unref);
  g_free (result);
}
