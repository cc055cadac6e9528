/* anpai-changes.c — which rows one committed step touched
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-changes.h"

/* Views refresh only what a step touched: a rename of one task in a plan of
 * 20,000 must not reload the plan. Ids are kept as sets; the node set also
 * holds nodes whose assignments, targets or reports changed. */
struct _AnpaiChanges
{
  gatomicrefcount  ref_count;
  AnpaiTables      tables;
  gboolean         everything;  /* e.g. the project was reopened */
  GHashTable      *plans;
  GHashTable      *nodes;
  GHashTable      *units;
};

G_DEFINE_BOXED_TYPE (AnpaiChanges, anpai_changes, anpai_changes_ref, anpai_changes_unref)

AnpaiChanges *
anpai_changes_new (void)
{
  AnpaiChanges *self = g_new0 (AnpaiChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

AnpaiChanges *
anpai_changes_new_all (void)
{
  AnpaiChanges *self = anpai_changes_new ();

  self->tables = ANPAI_TABLE_ALL;
  self->everything = TRUE;
  return self;
}

AnpaiChanges *
anpai_changes_ref (AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
anpai_changes_unref (AnpaiChanges *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->plans);
      g_hash_table_unref (self->nodes);
      g_hash_table_unref (self->units);
      g_free (self);
    }
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  if (id > 0 && !g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
anpai_changes_add (AnpaiChanges *self,
                   AnpaiTables   table,
                   gint64        plan_id,
                   gint64        node_id,
                   gint64        unit_id)
{
  g_return_if_fail (self != NULL);

  self->tables |= table;
  add_id (self->plans, plan_id);
  add_id (self->nodes, node_id);
  add_id (self->units, unit_id);
}

gboolean
anpai_changes_is_empty (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->tables == 0 && !self->everything;
}

gboolean
anpai_changes_is_everything (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->everything;
}

AnpaiTables
anpai_changes_get_tables (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tables;
}

gboolean
anpai_changes_has_plan (const AnpaiChanges *self,
                        gint64              plan_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->everything || g_hash_table_contains (self->plans, &plan_id);
}

gboolean
anpai_changes_has_node (const AnpaiChanges *self,
                        gint64              node_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->everything || g_hash_table_contains (self->nodes, &node_id);
}

gboolean
anpai_changes_has_unit (const AnpaiChanges *self,
                        gint64              unit_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->everything || g_hash_table_contains (self->units, &unit_id);
}

/* (transfer none): a set of gint64 keys */
GHashTable *
anpai_changes_get_plans (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->plans;
}

GHashTable *
anpai_changes_get_nodes (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->nodes;
}

GHashTable *
anpai_changes_get_units (const AnpaiChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->units;
}
