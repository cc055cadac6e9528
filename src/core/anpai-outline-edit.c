/* anpai-outline-edit.c — editing a plan's outline: add, delete, indent, move
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiOutline"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-db.h"
#include "anpai-outline-edit.h"
#include "anpai-project-private.h"

/* Each edit moves whole subtrees by changing one row's parent and position
 * and shifting the positions of the siblings it leaves and joins; the undo
 * history records those rows, so undo needs no code here. */

typedef struct {
  gint64         id;
  gint64         plan_id;
  gint64         parent_id;  /* 0 at the top */
  int            position;
  AnpaiNodeKind  kind;
  char          *title;
} Place;

static void
place_clear (Place *place)
{
  g_clear_pointer (&place->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Place, place_clear)

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID, message);
  return FALSE;
}

static AnpaiNodeKind
kind_from_text (const char *text)
{
  int kind = ANPAI_NODE_KIND_TASK;

  anpai_enum_from_string (ANPAI_TYPE_NODE_KIND, text, &kind);
  return kind;
}

static gboolean
load_place (AnpaiProject  *self,
            gint64         node_id,
            Place         *place,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = anpai_db_prepare (self->db,
                           "SELECT plan_id, coalesce(parent_id, 0), position, kind, title"
                           " FROM node WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        {
          anpai_db_set_error (error, self->db, rc, "SELECT");
          return FALSE;
        }
      return invalid (error, _("The item no longer exists."));
    }
  place_clear (place);
  place->id = node_id;
  place->plan_id = sqlite3_column_int64 (stmt, 0);
  place->parent_id = sqlite3_column_int64 (stmt, 1);
  place->position = sqlite3_column_int (stmt, 2);
  place->kind = kind_from_text (anpai_db_column_text (stmt, 3));
  place->title = anpai_db_column_dup (stmt, 4);
  return TRUE;
}

static gboolean
count_children (AnpaiProject  *self,
                gint64         plan_id,
                gint64         parent_id,
                int           *count,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (self->db,
                           "SELECT count(*) FROM node WHERE plan_id = ?1 AND parent_id IS ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  anpai_db_bind_id_or_null (stmt, 2, parent_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anpai_db_set_error (error, self->db, sqlite3_errcode (self->db), "SELECT");
      return FALSE;
    }
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* The id of the child at @position, or 0. */
static gboolean
child_at (AnpaiProject  *self,
          gint64         plan_id,
          gint64         parent_id,
          int            position,
          gint64        *child_id,
          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = anpai_db_prepare (self->db,
                           "SELECT id FROM node"
                           " WHERE plan_id = ?1 AND parent_id IS ?2 AND position = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  anpai_db_bind_id_or_null (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, position);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, self->db, rc, "SELECT");
      return FALSE;
    }
  *child_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Adds @delta to the positions in [@from, @to) under @parent_id. */
static gboolean
shift (AnpaiProject  *self,
       gint64         plan_id,
       gint64         parent_id,
       int            from,
       int            to,
       int            delta,
       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (from >= to)
    return TRUE;
  stmt = anpai_db_prepare (self->db,
                           "UPDATE node SET position = position + ?4"
                           " WHERE plan_id = ?1 AND parent_id IS ?2"
                           " AND position >= ?3 AND position < ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  anpai_db_bind_id_or_null (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, delta);
  sqlite3_bind_int (stmt, 5, to);
  return anpai_db_step_done (stmt, error);
}

static gboolean
set_place (AnpaiProject  *self,
           gint64         node_id,
           gint64         parent_id,
           int            position,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (self->db, "UPDATE node SET parent_id = ?2, position = ?3 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  anpai_db_bind_id_or_null (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, position);
  return anpai_db_step_done (stmt, error);
}

/* Moves @node (and so its subtree) to @position among the children of
 * @parent_id in its plan; @position is final and already in range. */
static gboolean
move_node (AnpaiProject  *self,
           const Place   *node,
           gint64         parent_id,
           int            position,
           GError       **error)
{
  if (parent_id == node->parent_id)
    {
      if (position == node->position)
        return TRUE;
      if (position > node->position)
        {
          if (!shift (self, node->plan_id, parent_id, node->position + 1, position + 1, -1, error))
            return FALSE;
        }
      else if (!shift (self, node->plan_id, parent_id, position, node->position, +1, error))
        return FALSE;
    }
  else if (!shift (self, node->plan_id, node->parent_id, node->position + 1, G_MAXINT, -1, error) ||
           !shift (self, node->plan_id, parent_id, position, G_MAXINT, +1, error))
    return FALSE;
  return set_place (self, node->id, parent_id, position, error);
}

/* TRUE if @ancestor_id is @node_id or one of its ancestors. */
static gboolean
is_ancestor (AnpaiProject  *self,
             gint64         ancestor_id,
             gint64         node_id,
             gboolean      *result,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = anpai_db_prepare (self->db,
                           "WITH RECURSIVE up (id) AS (SELECT ?1"
                           " UNION SELECT node.parent_id FROM node JOIN up ON node.id = up.id"
                           " WHERE node.parent_id IS NOT NULL)"
                           " SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      anpai_db_set_error (error, self->db, rc, "SELECT");
      return FALSE;
    }
  *result = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

typedef struct {
  gint64  id;
  GArray *path;  /* of int: the positions from the top down to the item */
} Root;

static int
compare_roots (gconstpointer a,
               gconstpointer b)
{
  const Root *ra = a, *rb = b;
  guint n = MIN (ra->path->len, rb->path->len);

  for (guint i = 0; i < n; i++)
    {
      int pa = g_array_index (ra->path, int, i), pb = g_array_index (rb->path, int, i);

      if (pa != pb)
        return pa < pb ? -1 : 1;
    }
  return ra->path->len < rb->path->len ? -1 : ra->path->len > rb->path->len;
}

static void
root_clear (gpointer data)
{
  Root *root = data;

  g_clear_pointer (&root->path, g_array_unref);
}

/*
 * Numbering
 */

typedef struct {
  gint64         id;
  gint64         parent_id;
  int            position;
  AnpaiNodeKind  kind;
  const char    *label;  /* in the outline's string chunk */
} Row;

typedef struct {
  GArray        *rows;    /* of Row, sorted by parent, position */
  GArray        *items;   /* of AnpaiNumberingItem, outline order */
  GArray        *order;   /* guint: the row of each item */
  GStringChunk  *strings;
} Outline;

static void
outline_clear (Outline *outline)
{
  g_clear_pointer (&outline->rows, g_array_unref);
  g_clear_pointer (&outline->items, g_array_unref);
  g_clear_pointer (&outline->order, g_array_unref);
  g_clear_pointer (&outline->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outline, outline_clear)

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;

  if (ra->parent_id != rb->parent_id)
    return ra->parent_id < rb->parent_id ? -1 : 1;
  if (ra->position != rb->position)
    return ra->position < rb->position ? -1 : 1;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* The first row (in @rows, sorted) whose parent is @parent_id, or rows->len. */
static guint
first_child (GArray *rows,
             gint64  parent_id)
{
  guint lo = 0, hi = rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (rows, Row, mid).parent_id < parent_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

typedef struct {
  guint  row;     /* the next row to visit at this depth */
  int    parent;  /* its parent's item, -1 at the top */
  int    depth;
} Visit;

/* Reads a plan's outline into depth-first order. */
static gboolean
load_outline (AnpaiProject  *self,
              gint64         plan_id,
              Outline       *outline,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Visit));
  GArray *rows;
  guint start;
  int rc;

  outline->rows = rows = g_array_new (FALSE, FALSE, sizeof (Row));
  outline->items = g_array_new (FALSE, FALSE, sizeof (AnpaiNumberingItem));
  outline->order = g_array_new (FALSE, FALSE, sizeof (guint));
  outline->strings = g_string_chunk_new (4096);

  stmt = anpai_db_prepare (self->db,
                           "SELECT id, coalesce(parent_id, 0), position, kind, label"
                           " FROM node WHERE plan_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row;
      const char *kind = anpai_db_column_text (stmt, 3);

      row.id = sqlite3_column_int64 (stmt, 0);
      row.parent_id = sqlite3_column_int64 (stmt, 1);
      row.position = sqlite3_column_int (stmt, 2);
      /* the CHECK constraint allows only these three */
      row.kind = kind[0] == 's' ? ANPAI_NODE_KIND_SECTION :
                 g_str_equal (kind, "text") ? ANPAI_NODE_KIND_TEXT : ANPAI_NODE_KIND_TASK;
      row.label = g_string_chunk_insert (outline->strings, anpai_db_column_text (stmt, 4));
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, self->db, rc, "SELECT");
      return FALSE;
    }
  g_array_sort (rows, compare_rows);

  /* Depth first from the top. Sorted by parent, a row's children are one
   * run of rows that first_child() finds. */
  start = first_child (rows, 0);
  if (start < rows->len && g_array_index (rows, Row, start).parent_id == 0)
    {
      Visit top = { start, -1, 0 };

      g_array_append_val (stack, top);
    }
  while (stack->len > 0)
    {
      Visit *visit = &g_array_index (stack, Visit, stack->len - 1);
      Visit here = *visit;
      const Row *row = &g_array_index (rows, Row, here.row);
      AnpaiNumberingItem item = { here.parent, here.depth, row->kind, row->label };
      guint child;

      if (here.row + 1 < rows->len &&
          g_array_index (rows, Row, here.row + 1).parent_id == row->parent_id)
        visit->row++;
      else
        g_array_set_size (stack, stack->len - 1);

      g_array_append_val (outline->items, item);
      g_array_append_val (outline->order, here.row);

      child = first_child (rows, row->id);
      if (child < rows->len && g_array_index (rows, Row, child).parent_id == row->id &&
          here.depth < 1000)
        {
          Visit down = { child, (int) outline->items->len - 1, here.depth + 1 };

          g_array_append_val (stack, down);
        }
    }
  return TRUE;
}

static gboolean
plan_is_manual (AnpaiProject  *self,
                gint64         plan_id,
                gboolean      *manual,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = anpai_db_prepare (self->db, "SELECT manual_labels FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return invalid (error, _("The plan no longer exists."));
  if (rc != SQLITE_ROW)
    {
      anpai_db_set_error (error, self->db, rc, "SELECT");
      return FALSE;
    }
  *manual = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Writes the labels of the plan's current outline in its style, only where
 * they differ, so an edit's undo step holds just those rows. The subtrees
 * of @moved still carry the labels of their old depth: they take no part
 * in reading the style. */
static gboolean
renumber (AnpaiProject  *self,
          gint64         plan_id,
          const gint64  *moved,
          guint          n_moved,
          GError       **error)
{
  g_auto(Outline) outline = { 0 };
  g_autoptr(AnpaiNumbering) numbering = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) detect = NULL;
  g_auto(GStrv) labels = NULL;
  AnpaiNumberingItem *items;

  if (!load_outline (self, plan_id, &outline, error))
    return FALSE;
  items = (AnpaiNumberingItem *) (void *) outline.items->data;

  if (n_moved == 0)
    numbering = anpai_numbering_detect (items, outline.items->len);
  else
    {
      /* parents stay indices into the whole outline: detection only
       * compares them */
      detect = g_array_sized_new (FALSE, FALSE, sizeof (AnpaiNumberingItem), outline.items->len);
      for (guint i = 0; i < outline.items->len; i++)
        {
          gint64 id = g_array_index (outline.rows, Row, g_array_index (outline.order, guint, i)).id;
          gboolean skip = FALSE;

          for (guint m = 0; m < n_moved && !skip; m++)
            skip = moved[m] == id;
          if (skip)
            {
              int depth = items[i].depth;

              while (i + 1 < outline.items->len && items[i + 1].depth > depth)
                i++;
              continue;
            }
          g_array_append_val (detect, items[i]);
        }
      numbering = anpai_numbering_detect ((AnpaiNumberingItem *) (void *) detect->data,
                                          detect->len);
    }
  labels = anpai_numbering_apply (numbering, items, outline.items->len);

  for (guint i = 0; i < outline.items->len; i++)
    {
      const Row *row = &g_array_index (outline.rows, Row,
                                       g_array_index (outline.order, guint, i));

      if (g_str_equal (row->label, labels[i]))
        continue;
      if (update == NULL)
        {
          update = anpai_db_prepare (self->db, "UPDATE node SET label = ?2 WHERE id = ?1", error);
          if (update == NULL)
            return FALSE;
        }
      sqlite3_bind_int64 (update, 1, row->id);
      anpai_db_bind_text (update, 2, labels[i]);
      if (!anpai_db_step_done (update, error))
        return FALSE;
    }
  return TRUE;
}

/* Ends a step begun with anpai_project_begin(): renumbers @plan_id unless
 * its labels are manual, and commits; rolls back on any error. */
static gboolean
finish (AnpaiProject  *self,
        gint64         plan_id,
        gboolean       ok,
        const gint64  *moved,
        guint          n_moved,
        GError       **error)
{
  gboolean manual = FALSE;

  if (!ok ||
      !plan_is_manual (self, plan_id, &manual, error) ||
      (!manual && !renumber (self, plan_id, moved, n_moved, error)))
    return _anpai_project_fail (self, error);
  return anpai_project_commit (self, error);
}

/* The ids of @roots (of Root). */
static gint64 *
root_ids (GArray *roots)
{
  gint64 *ids = g_new (gint64, MAX (roots->len, 1));

  for (guint i = 0; i < roots->len; i++)
    ids[i] = g_array_index (roots, Root, i).id;
  return ids;
}

AnpaiNumbering *
anpai_outline_get_numbering (AnpaiProject  *project,
                             gint64         plan_id,
                             GError       **error)
{
  g_auto(Outline) outline = { 0 };

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  if (!load_outline (project, plan_id, &outline, error))
    return NULL;
  return anpai_numbering_detect ((AnpaiNumberingItem *) (void *) outline.items->data,
                                 outline.items->len);
}

/* Fails for a plan with manual labels. */
gboolean
anpai_outline_renumber (AnpaiProject  *project,
                        gint64         plan_id,
                        GError       **error)
{
  gboolean manual = FALSE;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);

  if (!anpai_project_begin (project, _("Renumber"), error))
    return FALSE;
  if (!plan_is_manual (project, plan_id, &manual, error))
    return _anpai_project_fail (project, error);
  if (manual)
    {
      invalid (error, _("The plan’s labels are set by hand."));
      return _anpai_project_fail (project, error);
    }
  return finish (project, plan_id, TRUE, NULL, 0, error);
}

gboolean
anpai_outline_set_manual_labels (AnpaiProject  *project,
                                 gint64         plan_id,
                                 gboolean       manual,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);

  if (!anpai_project_begin (project, manual ? _("Number by Hand") : _("Number Automatically"),
                            error))
    return FALSE;
  stmt = anpai_db_prepare (project->db, "UPDATE plan SET manual_labels = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return _anpai_project_fail (project, error);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, manual ? 1 : 0);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (project, error);
  if (sqlite3_changes (project->db) == 0)
    {
      invalid (error, _("The plan no longer exists."));
      return _anpai_project_fail (project, error);
    }
  return finish (project, plan_id, TRUE, NULL, 0, error);
}

/*
 * Adding and deleting
 */

static const char *
add_label (AnpaiNode *node)
{
  switch (anpai_node_get_kind (node))
    {
    case ANPAI_NODE_KIND_SECTION:
      return _("Add Section");
    case ANPAI_NODE_KIND_TEXT:
      return _("Add Text");
    case ANPAI_NODE_KIND_TASK:
    default:
      return _("Add Task");
    }
}

static gint64
add (AnpaiProject  *self,
     AnpaiNode     *node,
     gint64         plan_id,
     gint64         parent_id,
     int            position,
     GError       **error)
{
  gint64 id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  g_return_val_if_fail (ANPAI_IS_NODE (node), 0);

  /* inside our step, add_node's own label gives way to ours */
  if (!anpai_project_begin (self, add_label (node), error))
    return 0;
  id = anpai_project_add_node (self, node, plan_id, parent_id, position, error);
  if (!finish (self, plan_id, id > 0, &id, 1, error))
    return 0;
  return id;
}

gint64
anpai_outline_add_after (AnpaiProject  *project,
                         gint64         sibling_id,
                         AnpaiNode     *node,
                         GError       **error)
{
  g_auto(Place) sibling = { 0 };

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), 0);

  if (!_anpai_project_check_writable (project, error) ||
      !load_place (project, sibling_id, &sibling, error))
    return 0;
  return add (project, node, sibling.plan_id, sibling.parent_id, sibling.position + 1, error);
}

gint64
anpai_outline_add_child (AnpaiProject  *project,
                         gint64         parent_id,
                         AnpaiNode     *node,
                         GError       **error)
{
  g_auto(Place) parent = { 0 };

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), 0);

  if (!_anpai_project_check_writable (project, error) ||
      !load_place (project, parent_id, &parent, error))
    return 0;
  return add (project, node, parent.plan_id, parent_id, -1, error);
}

gint64
anpai_outline_add_top (AnpaiProject  *project,
                       gint64         plan_id,
                       AnpaiNode      *node,
                       GError       **error)
{
  gboolean manual;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), 0);

  if (!_anpai_project_check_writable (project, error) ||
      !plan_is_manual (project, plan_id, &manual, error))
    return 0;
  return add (project, node, plan_id, 0, -1, error);
}

/* The selection without items that lie under another selected item, in
 * outline order (of Root); all in one plan. */
static GArray *
selection_roots (AnpaiProject  *self,
                 const gint64  *node_ids,
                 guint          n_nodes,
                 gint64        *plan_id,
                 GError       **error)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (Root));
  g_autoptr(sqlite3_stmt) up = NULL;

  g_array_set_clear_func (roots, root_clear);
  if (n_nodes == 0)
    {
      invalid (error, _("No item is selected."));
      return NULL;
    }
  for (guint i = 0; i < n_nodes; i++)
    g_hash_table_add (selected, (gpointer) &node_ids[i]);

  up = anpai_db_prepare (self->db,
                         "SELECT plan_id, coalesce(parent_id, 0), position FROM node WHERE id = ?",
                         error);
  if (up == NULL)
    return NULL;

  *plan_id = 0;
  for (guint i = 0; i < n_nodes; i++)
    {
      Root root = { node_ids[i], g_array_new (FALSE, FALSE, sizeof (int)) };
      gboolean covered = FALSE;

      /* listed twice: the hash keeps one of the copies */
      if (g_hash_table_lookup (selected, &node_ids[i]) != (gpointer) &node_ids[i])
        covered = TRUE;

      for (gint64 at = root.id; at != 0 && !covered && root.path->len < 10000; )
        {
          int position;
          gint64 plan;

          sqlite3_reset (up);
          sqlite3_bind_int64 (up, 1, at);
          if (sqlite3_step (up) != SQLITE_ROW)
            {
              root_clear (&root);
              invalid (error, _("The item no longer exists."));
              return NULL;
            }
          plan = sqlite3_column_int64 (up, 0);
          position = sqlite3_column_int (up, 2);
          g_array_prepend_val (root.path, position);
          if (*plan_id == 0)
            *plan_id = plan;
          else if (plan != *plan_id)
            {
              root_clear (&root);
              invalid (error, _("The selected items are in different plans."));
              return NULL;
            }
          if (at != root.id && g_hash_table_contains (selected, &at))
            covered = TRUE;
          at = sqlite3_column_int64 (up, 1);
        }
      if (covered)
        root_clear (&root);
      else
        g_array_append_val (roots, root);
    }

  g_array_sort (roots, compare_roots);
  return g_steal_pointer (&roots);
}

static char *
short_title (const char *title)
{
  /* undo menus are narrow */
  if (g_utf8_strlen (title, -1) <= 16)
    return g_strdup (title);
  return g_strconcat (g_utf8_substring (title, 0, 15), "…", NULL);
}

gboolean
anpai_outline_delete (AnpaiProject  *project,
                      const gint64  *node_ids,
                      guint          n_nodes,
                      GError       **error)
{
  g_autoptr(GArray) roots = NULL;
  g_autofree char *label = NULL;
  gint64 plan_id = 0;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (node_ids != NULL || n_nodes == 0, FALSE);

  if (!_anpai_project_check_writable (project, error))
    return FALSE;
  roots = selection_roots (project, node_ids, n_nodes, &plan_id, error);
  if (roots == NULL)
    return FALSE;

  if (roots->len == 1)
    {
      g_auto(Place) place = { 0 };
      g_autofree char *title = NULL;

      if (!load_place (project, g_array_index (roots, Root, 0).id, &place, error))
        return FALSE;
      title = short_title (place.title);
      /* Translators: an undo step; %s is the start of the item's title */
      label = *title != '\0' ? g_strdup_printf (_("Delete “%s”"), title)
                             : g_strdup (_("Delete Item"));
    }
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Item", "Delete %u Items",
                                          roots->len), roots->len);

  if (!anpai_project_begin (project, label, error))
    return FALSE;
  for (guint i = 0; i < roots->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_auto(Place) place = { 0 };

      /* the earlier deletes moved the later ones up: read each afresh */
      if (!load_place (project, g_array_index (roots, Root, i).id, &place, error))
        return _anpai_project_fail (project, error);
      stmt = anpai_db_prepare (project->db, "DELETE FROM node WHERE id = ?", error);
      if (stmt == NULL)
        return _anpai_project_fail (project, error);
      sqlite3_bind_int64 (stmt, 1, place.id);
      if (!anpai_db_step_done (stmt, error) ||
          !shift (project, plan_id, place.parent_id, place.position + 1, G_MAXINT, -1, error))
        return _anpai_project_fail (project, error);
    }
  return finish (project, plan_id, TRUE, NULL, 0, error);
}

/*
 * Moving
 */

/* One edit of a selection: each selected item not under another selected
 * one, in outline order, then the plan renumbered, all one step. */
typedef gboolean (*RootEdit) (AnpaiProject  *project,
                              gint64         plan_id,
                              gint64         node_id,
                              GError       **error);

static gboolean
edit_roots (AnpaiProject  *project,
            const char    *label,
            const gint64  *node_ids,
            guint          n_nodes,
            RootEdit       edit,
            GError       **error)
{
  g_autoptr(GArray) roots = NULL;
  g_autofree gint64 *ids = NULL;
  gint64 plan_id = 0;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (node_ids != NULL || n_nodes == 0, FALSE);

  if (!anpai_project_begin (project, label, error))
    return FALSE;
  roots = selection_roots (project, node_ids, n_nodes, &plan_id, error);
  if (roots == NULL)
    return _anpai_project_fail (project, error);
  for (guint i = 0; i < roots->len; i++)
    if (!edit (project, plan_id, g_array_index (roots, Root, i).id, error))
      return _anpai_project_fail (project, error);
  ids = root_ids (roots);
  return finish (project, plan_id, TRUE, ids, roots->len, error);
}

static gboolean
indent_one (AnpaiProject  *project,
            gint64         plan_id,
            gint64         node_id,
            GError       **error)
{
  g_auto(Place) place = { 0 };
  gint64 previous = 0;
  int n_children = 0;

  if (!load_place (project, node_id, &place, error))
    return FALSE;
  if (place.position == 0)
    {
      invalid (error, _("The first item at its level cannot be indented."));
      return FALSE;
    }
  if (!child_at (project, plan_id, place.parent_id, place.position - 1, &previous, error) ||
      !count_children (project, plan_id, previous, &n_children, error))
    return FALSE;
  if (previous == 0)
    {
      invalid (error, _("The outline is damaged: an item has no previous sibling."));
      return FALSE;
    }
  return move_node (project, &place, previous, n_children, error);
}

gboolean
anpai_outline_indent (AnpaiProject  *project,
                      const gint64  *node_ids,
                      guint          n_nodes,
                      GError       **error)
{
  return edit_roots (project, _("Indent"), node_ids, n_nodes, indent_one, error);
}

static gboolean
outdent_one (AnpaiProject  *project,
             gint64         plan_id,
             gint64         node_id,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) adopt = NULL;
  g_auto(Place) place = { 0 };
  g_auto(Place) parent = { 0 };
  int n_children = 0;

  if (!load_place (project, node_id, &place, error))
    return FALSE;
  if (place.parent_id == 0)
    {
      invalid (error, _("A top-level item cannot be outdented."));
      return FALSE;
    }
  if (!load_place (project, place.parent_id, &parent, error) ||
      !count_children (project, plan_id, place.id, &n_children, error))
    return FALSE;

  /* the following siblings become the item's last children */
  adopt = anpai_db_prepare (project->db,
                            "UPDATE node SET parent_id = ?3, position = position - ?4 - 1 + ?5"
                            " WHERE plan_id = ?1 AND parent_id = ?2 AND position > ?4", error);
  if (adopt == NULL)
    return FALSE;
  sqlite3_bind_int64 (adopt, 1, plan_id);
  sqlite3_bind_int64 (adopt, 2, parent.id);
  sqlite3_bind_int64 (adopt, 3, place.id);
  sqlite3_bind_int (adopt, 4, place.position);
  sqlite3_bind_int (adopt, 5, n_children);
  if (!anpai_db_step_done (adopt, error))
    return FALSE;

  /* now the parent's last child, so leaving it opens no gap */
  return shift (project, plan_id, parent.parent_id, parent.position + 1, G_MAXINT, +1, error) &&
         set_place (project, place.id, parent.parent_id, parent.position + 1, error);
}

gboolean
anpai_outline_outdent (AnpaiProject  *project,
                       const gint64  *node_ids,
                       guint          n_nodes,
                       GError       **error)
{
  return edit_roots (project, _("Outdent"), node_ids, n_nodes, outdent_one, error);
}

static gboolean
move_by_one (AnpaiProject  *project,
             gint64         node_id,
             int            delta,
             GError       **error)
{
  g_auto(Place) place = { 0 };
  gint64 neighbour = 0;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);

  if (!anpai_project_begin (project, delta < 0 ? _("Move Up") : _("Move Down"), error))
    return FALSE;
  if (!load_place (project, node_id, &place, error))
    return _anpai_project_fail (project, error);
  if (place.position + delta >= 0 &&
      !child_at (project, place.plan_id, place.parent_id, place.position + delta, &neighbour, error))
    return _anpai_project_fail (project, error);
  if (neighbour == 0)
    {
      invalid (error, delta < 0 ? _("The item is already the first at its level.")
                                : _("The item is already the last at its level."));
      return _anpai_project_fail (project, error);
    }

  stmt = anpai_db_prepare (project->db, "UPDATE node SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return _anpai_project_fail (project, error);
  sqlite3_bind_int64 (stmt, 1, neighbour);
  sqlite3_bind_int (stmt, 2, place.position);
  if (!anpai_db_step_done (stmt, error))
    return _anpai_project_fail (project, error);
  sqlite3_bind_int64 (stmt, 1, place.id);
  sqlite3_bind_int (stmt, 2, place.position + delta);
  return finish (project, place.plan_id, anpai_db_step_done (stmt, error), NULL, 0, error);
}

gboolean
anpai_outline_move_up (AnpaiProject  *project,
                       gint64         node_id,
                       GError       **error)
{
  return move_by_one (project, node_id, -1, error);
}

gboolean
anpai_outline_move_down (AnpaiProject  *project,
                         gint64         node_id,
                         GError       **error)
{
  return move_by_one (project, node_id, +1, error);
}

gboolean
anpai_outline_move_to (AnpaiProject  *project,
                       gint64         node_id,
                       gint64         plan_id,
                       gint64         parent_id,
                       int            position,
                       GError       **error)
{
  g_auto(Place) place = { 0 };
  int n_siblings = 0;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);

  if (!anpai_project_begin (project, _("Move"), error))
    return FALSE;
  if (!load_place (project, node_id, &place, error))
    return _anpai_project_fail (project, error);
  if (plan_id != 0 && plan_id != place.plan_id)
    {
      invalid (error, _("Items cannot be moved to another plan."));
      return _anpai_project_fail (project, error);
    }
  if (parent_id != 0)
    {
      g_auto(Place) parent = { 0 };
      gboolean inside = FALSE;

      if (!load_place (project, parent_id, &parent, error))
        return _anpai_project_fail (project, error);
      if (parent.plan_id != place.plan_id)
        {
          invalid (error, _("Items cannot be moved to another plan."));
          return _anpai_project_fail (project, error);
        }
      if (!is_ancestor (project, node_id, parent_id, &inside, error))
        return _anpai_project_fail (project, error);
      if (inside)
        {
          invalid (error, _("An item cannot be moved into itself."));
          return _anpai_project_fail (project, error);
        }
    }

  if (!count_children (project, place.plan_id, parent_id, &n_siblings, error))
    return _anpai_project_fail (project, error);
  if (parent_id == place.parent_id)
    n_siblings--;
  if (position < 0 || position > n_siblings)
    position = n_siblings;
  return finish (project, place.plan_id,
                 move_node (project, &place, parent_id, position, error), &node_id, 1, error);
}

/* The same unit for many tasks in one step: as their lead (replacing the
 * lead they had), or added at the end of their co-responsible or supporting
 * units. A unit a task already names in another role takes the new one. */
gboolean
anpai_outline_assign_unit (AnpaiProject  *project,
                           const gint64  *node_ids,
                           guint          n_nodes,
                           gint64         unit_id,
                           AnpaiRole      role,
                           GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (n_nodes == 0 || node_ids != NULL, FALSE);

  if (n_nodes == 0)
    {
      invalid (error, _("No item is selected."));
      return FALSE;
    }
  if (!anpai_project_begin (project, _("Assign Unit"), error))
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(GArray) units = NULL;
      gboolean named = FALSE;

      if (role == ANPAI_ROLE_LEAD)
        {
          if (!anpai_project_set_node_units (project, node_ids[i], role, &unit_id, 1, error))
            return _anpai_project_fail (project, error);
          continue;
        }
      units = anpai_project_get_node_units (project, node_ids[i], role);
      for (guint u = 0; u < units->len; u++)
        named = named || g_array_index (units, gint64, u) == unit_id;
      if (named)
        continue;
      g_array_append_val (units, unit_id);
      if (!anpai_project_set_node_units (project, node_ids[i], role, &g_array_index (units, gint64, 0),
                                         units->len, error))
        return _anpai_project_fail (project, error);
    }
  return anpai_project_commit (project, error);
}
