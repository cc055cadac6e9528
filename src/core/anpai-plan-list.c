/* anpai-plan-list.c — the project's plans as a live GListModel
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiPlanList"

#include "anpai-db.h"
#include "anpai-plan-list.h"
#include "anpai-project-private.h"

/* A project holds a handful of plans, so after any change to the plan table
 * the list rereads them all and keeps the existing objects (by id), so rows
 * bound to a plan follow its edits instead of being rebuilt. */

struct _AnpaiPlanList
{
  GObject       parent_instance;

  AnpaiProject *project;  /* borrowed: the project owns the list */
  GPtrArray    *items;    /* of AnpaiPlan, in position order */
  GHashTable   *by_id;    /* gint64 id → AnpaiPlan (borrowed from items) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnpaiPlanList, anpai_plan_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return ANPAI_TYPE_PLAN;
}

static guint
get_n_items (GListModel *model)
{
  return ANPAI_PLAN_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AnpaiPlanList *self = ANPAI_PLAN_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static GPtrArray *
read_plans (AnpaiPlanList *self)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _anpai_project_get_db (self->project);

  if (db == NULL)
    return g_steal_pointer (&plans);

  stmt = anpai_db_prepare (db,
                           "SELECT id, title, doc_number, issuer, issued_on, period_start,"
                           " period_end, kind, parent_id, position, manual_labels"
                           " FROM plan ORDER BY position, id", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read plans: %s", error->message);
      return g_steal_pointer (&plans);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (plans, _anpai_project_read_plan (self->project, stmt));
  return g_steal_pointer (&plans);
}

void
anpai_plan_list_reload (AnpaiPlanList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) next = NULL;
  guint old_len = self->items->len;
  guint first_diff = G_MAXUINT;
  guint last_old, last_new;

  g_return_if_fail (ANPAI_IS_PLAN_LIST (self));

  fresh = read_plans (self);
  next = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < fresh->len; i++)
    {
      AnpaiPlan *plan = g_ptr_array_index (fresh, i);
      gint64 id = anpai_plan_get_id (plan);
      AnpaiPlan *live = g_hash_table_lookup (self->by_id, &id);

      if (live != NULL)
        {
          anpai_plan_assign (live, plan);
          g_ptr_array_add (next, g_object_ref (live));
        }
      else
        {
          g_ptr_array_add (next, g_object_ref (plan));
        }
    }

  /* Report only the span of rows whose identity changed. */
  for (guint i = 0; i < MAX (old_len, next->len); i++)
    if (i >= old_len || i >= next->len ||
        g_ptr_array_index (self->items, i) != g_ptr_array_index (next, i))
      {
        first_diff = i;
        break;
      }

  last_old = old_len;
  last_new = next->len;
  if (first_diff != G_MAXUINT)
    while (last_old > first_diff && last_new > first_diff &&
           g_ptr_array_index (self->items, last_old - 1) == g_ptr_array_index (next, last_new - 1))
      {
        last_old--;
        last_new--;
      }

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&next);
  for (guint i = 0; i < self->items->len; i++)
    {
      AnpaiPlan *plan = g_ptr_array_index (self->items, i);
      gint64 *key = g_new (gint64, 1);

      *key = anpai_plan_get_id (plan);
      g_hash_table_insert (self->by_id, key, plan);
    }

  if (first_diff != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first_diff,
                                last_old - first_diff, last_new - first_diff);
}

static void
changed_cb (AnpaiPlanList *self,
            AnpaiChanges  *changes)
{
  if (anpai_changes_get_tables (changes) & ANPAI_TABLE_PLAN)
    anpai_plan_list_reload (self);
}

static void
anpai_plan_list_finalize (GObject *object)
{
  AnpaiPlanList *self = ANPAI_PLAN_LIST (object);

  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (anpai_plan_list_parent_class)->finalize (object);
}

static void
anpai_plan_list_class_init (AnpaiPlanListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anpai_plan_list_finalize;
}

static void
anpai_plan_list_init (AnpaiPlanList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

AnpaiPlanList *
anpai_plan_list_new (AnpaiProject *project)
{
  AnpaiPlanList *self = g_object_new (ANPAI_TYPE_PLAN_LIST, NULL);

  self->project = project;
  /* Connected before any view can connect: views see fresh plans. */
  g_signal_connect_object (project, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  anpai_plan_list_reload (self);
  return self;
}

/* (transfer none) (nullable) */
AnpaiPlan *
anpai_plan_list_lookup (AnpaiPlanList *self,
                        gint64         plan_id)
{
  g_return_val_if_fail (ANPAI_IS_PLAN_LIST (self), NULL);

  return g_hash_table_lookup (self->by_id, &plan_id);
}
