/* anpai-outline-model.c — a plan's outline as live list models, one per parent
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiOutlineModel"

#include "anpai-db.h"
#include "anpai-outline-model.h"
#include "anpai-project-private.h"

/*
 * One parent's children: a GListModel of AnpaiOutlineRow
 */

#define ANPAI_TYPE_OUTLINE_CHILDREN (anpai_outline_children_get_type ())
G_DECLARE_FINAL_TYPE (AnpaiOutlineChildren, anpai_outline_children, ANPAI, OUTLINE_CHILDREN, GObject)

struct _AnpaiOutlineChildren
{
  GObject       parent_instance;

  AnpaiOutlineModel *outline;    /* borrowed; NULL once the outline is gone */
  gint64        parent_id;
  GPtrArray    *rows;       /* of AnpaiOutlineRow, in outline order */
};

struct _AnpaiOutlineModel
{
  GObject       parent_instance;

  AnpaiProject *project;    /* weak */
  gint64        plan_id;
  GHashTable   *lists;      /* parent id → AnpaiOutlineChildren, weak */
  GHashTable   *rows;       /* node id → AnpaiOutlineRow, of the live lists */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnpaiOutlineChildren, anpai_outline_children, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_FINAL_TYPE (AnpaiOutlineModel, anpai_outline_model, G_TYPE_OBJECT)

static GType
list_get_item_type (GListModel *model)
{
  return ANPAI_TYPE_OUTLINE_ROW;
}

static guint
list_get_n_items (GListModel *model)
{
  return ANPAI_OUTLINE_CHILDREN (model)->rows->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  AnpaiOutlineChildren *self = ANPAI_OUTLINE_CHILDREN (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
forget_rows (AnpaiOutlineChildren *self)
{
  if (self->outline == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      AnpaiOutlineRow *row = g_ptr_array_index (self->rows, i);
      gint64 id = anpai_outline_row_get_id (row);

      /* only if no other list took the row over meanwhile */
      if (g_hash_table_lookup (self->outline->rows, &id) == row)
        g_hash_table_remove (self->outline->rows, &id);
    }
}

static void
anpai_outline_children_finalize (GObject *object)
{
  AnpaiOutlineChildren *self = ANPAI_OUTLINE_CHILDREN (object);

  if (self->outline != NULL)
    {
      forget_rows (self);
      g_hash_table_remove (self->outline->lists, &self->parent_id);
    }
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (anpai_outline_children_parent_class)->finalize (object);
}

static void
anpai_outline_children_class_init (AnpaiOutlineChildrenClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anpai_outline_children_finalize;
}

static void
anpai_outline_children_init (AnpaiOutlineChildren *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* What the rows show beside the node, for the children of one parent. */
typedef struct {
  char      *lead;
  GPtrArray *co;
  GPtrArray *support;
  gboolean   has_children;
} Extra;

static void
extra_free (gpointer data)
{
  Extra *extra = data;

  g_free (extra->lead);
  g_ptr_array_unref (extra->co);
  g_ptr_array_unref (extra->support);
  g_free (extra);
}

static Extra *
extra_for (GHashTable *extras,
           gint64      node_id)
{
  Extra *extra = g_hash_table_lookup (extras, &node_id);

  if (extra == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = node_id;
      extra = g_new0 (Extra, 1);
      extra->co = g_ptr_array_new_with_free_func (g_free);
      extra->support = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (extras, key, extra);
    }
  return extra;
}

static GStrv
take_strv (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

static GHashTable *
read_extras (sqlite3 *db,
             gint64   plan_id,
             gint64   parent_id)
{
  GHashTable *extras = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, extra_free);
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(sqlite3_stmt) parents = NULL;
  g_autoptr(GError) error = NULL;

  units = anpai_db_prepare (db,
                            "SELECT a.node_id, a.role, u.name FROM node n"
                            " JOIN assignment a ON a.node_id = n.id JOIN unit u ON u.id = a.unit_id"
                            " WHERE n.plan_id = ?1 AND n.parent_id IS ?2"
                            " ORDER BY a.node_id, a.role <> 'lead', a.role <> 'co', a.position, a.id",
                            &error);
  if (units == NULL)
    {
      g_warning ("Cannot read units: %s", error->message);
      return extras;
    }
  sqlite3_bind_int64 (units, 1, plan_id);
  anpai_db_bind_id_or_null (units, 2, parent_id);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      Extra *extra = extra_for (extras, sqlite3_column_int64 (units, 0));
      const char *role = anpai_db_column_text (units, 1);
      const char *name = anpai_db_column_text (units, 2);

      if (g_str_equal (role, "lead") && extra->lead == NULL)
        extra->lead = g_strdup (name);
      else if (g_str_equal (role, "support"))
        g_ptr_array_add (extra->support, g_strdup (name));
      else
        g_ptr_array_add (extra->co, g_strdup (name));
    }

  /* whether, not how many: counting the children of a big plan's
   * sections read all its tasks, on every edit that moved one */
  parents = anpai_db_prepare (db,
                              "SELECT n.id FROM node n WHERE n.plan_id = ?1 AND n.parent_id IS ?2"
                              " AND EXISTS (SELECT 1 FROM node c WHERE c.parent_id = n.id)",
                              &error);
  if (parents == NULL)
    {
      g_warning ("Cannot find children: %s", error->message);
      return extras;
    }
  sqlite3_bind_int64 (parents, 1, plan_id);
  anpai_db_bind_id_or_null (parents, 2, parent_id);
  while (sqlite3_step (parents) == SQLITE_ROW)
    extra_for (extras, sqlite3_column_int64 (parents, 0))->has_children = TRUE;
  return extras;
}

static void
list_reload (AnpaiOutlineChildren *self)
{
  AnpaiOutlineModel *outline = self->outline;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GHashTable) extras = NULL;
  g_autoptr(GHashTable) flipped = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint old_len = self->rows->len;
  guint first = G_MAXUINT, last_old, last_new;

  if (outline == NULL || outline->project == NULL ||
      _anpai_project_get_db (outline->project) == NULL)
    return;

  nodes = anpai_project_load_children (outline->project, outline->plan_id, self->parent_id, &error);
  if (nodes == NULL)
    {
      g_warning ("Cannot read the outline: %s", error->message);
      return;
    }
  extras = read_extras (_anpai_project_get_db (outline->project), outline->plan_id, self->parent_id);
  flipped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* rows stay the same objects for the same node, so that a tree keeps its
   * expanded rows and selection across edits */
  next = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < nodes->len; i++)
    {
      AnpaiNode *node = g_ptr_array_index (nodes, i);
      gint64 id = anpai_node_get_id (node);
      AnpaiOutlineRow *row = g_hash_table_lookup (outline->rows, &id);
      Extra *extra = g_hash_table_lookup (extras, &id);
      gint64 *key;

      if (row != NULL && anpai_outline_row_has_children (row) != (extra != NULL && extra->has_children))
        {
          /* gaining or losing children: a tree decides whether a row can
           * expand when the row arrives, so this row must arrive anew */
          gint64 *flip = g_new (gint64, 1);

          *flip = id;
          g_hash_table_add (flipped, flip);
        }
      row = row != NULL ? g_object_ref (row) : _anpai_outline_row_new (node);
      _anpai_outline_row_update (row, node,
                                 extra != NULL ? extra->lead : NULL,
                                 extra != NULL ? take_strv (extra->co) : NULL,
                                 extra != NULL ? take_strv (extra->support) : NULL,
                                 extra != NULL && extra->has_children);
      g_ptr_array_add (next, row);
      g_hash_table_add (kept, row);
      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_replace (outline->rows, key, row);
    }

  /* rows that left this list: forget them unless another list holds them
   * (a set, not a search of @next: a plan of thousands of top-level tasks) */
  for (guint i = 0; i < self->rows->len; i++)
    {
      AnpaiOutlineRow *row = g_ptr_array_index (self->rows, i);
      gint64 id = anpai_outline_row_get_id (row);

      if (!g_hash_table_contains (kept, row) && g_hash_table_lookup (outline->rows, &id) == row &&
          anpai_node_get_parent_id (anpai_outline_row_get_node (row)) == self->parent_id)
        g_hash_table_remove (outline->rows, &id);
    }

  for (guint i = 0; i < MAX (old_len, next->len); i++)
    if (i >= old_len || i >= next->len || g_ptr_array_index (self->rows, i) != g_ptr_array_index (next, i))
      {
        first = i;
        break;
      }
  last_old = old_len;
  last_new = next->len;
  if (first != G_MAXUINT)
    while (last_old > first && last_new > first &&
           g_ptr_array_index (self->rows, last_old - 1) == g_ptr_array_index (next, last_new - 1))
      {
        last_old--;
        last_new--;
      }

  g_ptr_array_unref (self->rows);
  self->rows = g_steal_pointer (&next);
  if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last_old - first, last_new - first);
  for (guint i = 0; i < self->rows->len; i++)
    {
      gint64 id = anpai_outline_row_get_id (g_ptr_array_index (self->rows, i));

      if ((first == G_MAXUINT || i < first || i >= last_new) && g_hash_table_contains (flipped, &id))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
}

/*
 * The outline
 */

static void
reload_list_of (AnpaiOutlineModel *self,
                gint64        parent_id,
                GHashTable   *done)
{
  AnpaiOutlineChildren *list = g_hash_table_lookup (self->lists, &parent_id);

  if (list == NULL || g_hash_table_contains (done, list))
    return;
  g_hash_table_add (done, list);
  list_reload (list);
}

static sqlite3_stmt *
prepare_parent_query (sqlite3 *db)
{
  return anpai_db_prepare (db, "SELECT parent_id, plan_id FROM node WHERE id = ?", NULL);
}

/* @stmt: from prepare_parent_query (), once for many nodes. @plan_id, if
 * not NULL, is set to the node's plan. */
static gint64
parent_in_file (sqlite3_stmt *stmt,
                gint64        node_id,
                gboolean     *exists,
                gint64       *plan_id)
{
  *exists = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, node_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *exists = TRUE;
  if (plan_id != NULL)
    *plan_id = sqlite3_column_int64 (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

/* A node the changes name: where it was shown, and where it is now. */
typedef struct {
  gboolean had_row;
  gint64   old_parent;
  gboolean exists;
  gint64   parent;
} Touch;

static void
changed_cb (AnpaiOutlineModel *self,
            AnpaiChanges *changes)
{
  AnpaiTables tables = anpai_changes_get_tables (changes);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  g_autoptr(sqlite3_stmt) parents = NULL;
  g_autoptr(GArray) touched = NULL;
  g_autoptr(GList) lists = NULL;
  sqlite3 *db;
  GHashTableIter iter;
  gpointer key;

  if (self->project == NULL || (db = _anpai_project_get_db (self->project)) == NULL)
    return;
  if (!(tables & (ANPAI_TABLE_NODE | ANPAI_TABLE_ASSIGNMENT | ANPAI_TABLE_UNIT | ANPAI_TABLE_PLAN)))
    return;

  /* a renamed unit, or everything (the project reopened): read every live
   * list again */
  if (anpai_changes_is_everything (changes) || (tables & ANPAI_TABLE_UNIT))
    {
      lists = g_hash_table_get_values (self->lists);
      for (GList *l = lists; l != NULL; l = l->next)
        g_object_ref (l->data);
      for (GList *l = lists; l != NULL; l = l->next)
        {
          list_reload (l->data);
          g_object_unref (l->data);
        }
      return;
    }
  /* assignment rows name their node but not its plan */
  if (!anpai_changes_has_plan (changes, self->plan_id) && !(tables & ANPAI_TABLE_ASSIGNMENT))
    return;

  /* A touched node: the list it was in, the list it is in now, and, when
   * it arrived or left (new, moved, deleted), the lists holding its
   * parents, whose child counts changed. A node only relabelled leaves
   * those alone: renumbering touches many, and the top list of a big plan
   * is costly. Where each node was is read before any list is read again,
   * since a list read again updates the rows it keeps. */
  parents = prepare_parent_query (db);
  touched = g_array_new (FALSE, FALSE, sizeof (Touch));
  g_hash_table_iter_init (&iter, anpai_changes_get_nodes (changes));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      AnpaiOutlineRow *row = g_hash_table_lookup (self->rows, key);
      Touch touch = { 0 };
      gint64 plan_id = 0;

      touch.had_row = row != NULL;
      if (row != NULL)
        touch.old_parent = anpai_node_get_parent_id (anpai_outline_row_get_node (row));
      touch.parent = parent_in_file (parents, *(gint64 *) key, &touch.exists, &plan_id);
      /* another plan's node (its units changed, say) is not shown here */
      if (!touch.had_row && (!touch.exists || plan_id != self->plan_id))
        continue;
      touch.exists = touch.exists && plan_id == self->plan_id;
      g_array_append_val (touched, touch);
    }
  for (guint i = 0; i < touched->len; i++)
    {
      const Touch *touch = &g_array_index (touched, Touch, i);
      gboolean moved = !touch->had_row || !touch->exists || touch->old_parent != touch->parent;
      gboolean found;

      if (touch->had_row)
        reload_list_of (self, touch->old_parent, done);
      if (touch->exists)
        reload_list_of (self, touch->parent, done);
      if (!moved)
        continue;
      /* a parent deleted too has no row left to show */
      if (touch->had_row && touch->old_parent != 0)
        {
          gint64 holder = parent_in_file (parents, touch->old_parent, &found, NULL);

          if (found)
            reload_list_of (self, holder, done);
        }
      if (touch->exists && touch->parent != 0)
        {
          gint64 holder = parent_in_file (parents, touch->parent, &found, NULL);

          if (found)
            reload_list_of (self, holder, done);
        }
    }
}

static void
anpai_outline_model_dispose (GObject *object)
{
  AnpaiOutlineModel *self = ANPAI_OUTLINE_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  /* lists may outlive the outline (a view still holds them): they go still */
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((AnpaiOutlineChildren *) value)->outline = NULL;
  g_hash_table_remove_all (self->lists);
  g_hash_table_remove_all (self->rows);
  g_clear_weak_pointer (&self->project);

  G_OBJECT_CLASS (anpai_outline_model_parent_class)->dispose (object);
}

static void
anpai_outline_model_finalize (GObject *object)
{
  AnpaiOutlineModel *self = ANPAI_OUTLINE_MODEL (object);

  g_hash_table_unref (self->lists);
  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (anpai_outline_model_parent_class)->finalize (object);
}

static void
anpai_outline_model_class_init (AnpaiOutlineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anpai_outline_model_dispose;
  object_class->finalize = anpai_outline_model_finalize;
}

static void
anpai_outline_model_init (AnpaiOutlineModel *self)
{
  self->lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

AnpaiOutlineModel *
anpai_outline_model_new (AnpaiProject *project,
                   gint64        plan_id)
{
  AnpaiOutlineModel *self;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  self = g_object_new (ANPAI_TYPE_OUTLINE_MODEL, NULL);
  g_set_weak_pointer (&self->project, project);
  self->plan_id = plan_id;
  g_signal_connect_object (project, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

GListModel *
anpai_outline_model_get_children (AnpaiOutlineModel *self,
                            gint64        parent_id)
{
  AnpaiOutlineChildren *list;
  gint64 *key;

  g_return_val_if_fail (ANPAI_IS_OUTLINE_MODEL (self), NULL);

  list = g_hash_table_lookup (self->lists, &parent_id);
  if (list != NULL)
    return g_object_ref (G_LIST_MODEL (list));

  list = g_object_new (ANPAI_TYPE_OUTLINE_CHILDREN, NULL);
  list->outline = self;
  list->parent_id = parent_id;
  key = g_new (gint64, 1);
  *key = parent_id;
  g_hash_table_insert (self->lists, key, list);
  list_reload (list);
  return G_LIST_MODEL (list);
}

AnpaiOutlineRow *
anpai_outline_model_find_row (AnpaiOutlineModel *self,
                        gint64        node_id)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_MODEL (self), NULL);
  return g_hash_table_lookup (self->rows, &node_id);
}

GArray *
anpai_outline_model_get_path (AnpaiOutlineModel *self,
                              gint64             node_id)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) parents = NULL;
  sqlite3 *db;
  gboolean exists = TRUE;
  gint64 id = node_id;

  g_return_val_if_fail (ANPAI_IS_OUTLINE_MODEL (self), path);

  if (self->project == NULL || (db = _anpai_project_get_db (self->project)) == NULL)
    return path;
  parents = prepare_parent_query (db);
  /* bounded: a damaged file with a cycle must not hang the view */
  for (int depth = 0; depth < 64 && id != 0 && exists; depth++)
    {
      id = parent_in_file (parents, id, &exists, NULL);
      if (exists && id != 0)
        g_array_prepend_val (path, id);
    }
  return path;
}
