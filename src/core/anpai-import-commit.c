/* anpai-import-commit.c — an imported plan into a project, as one step
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <glib/gi18n-lib.h>

#include "anpai-db.h"
#include "anpai-import-commit.h"
#include "anpai-import-reader.h"
#include "anpai-outline-edit.h"
#include "anpai-project-private.h"
#include "anpai-unit-clause.h"

/* A second plan from the same city names the same 市司法局: importing it must
 * reuse the project's unit, under any of its spellings, so that the Units
 * view and every export count one unit, not two. */

typedef struct {
  gint64  id;
  char   *canonical;
  char   *name;   /* the unit's name or one of its aliases */
} KnownName;

static void
known_name_free (gpointer data)
{
  KnownName *known = data;

  g_free (known->canonical);
  g_free (known->name);
  g_free (known);
}

static GPtrArray *
project_names (AnpaiProject *project)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (known_name_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = anpai_db_prepare (_anpai_project_get_db (project),
                           "SELECT u.id, u.name, u.name FROM unit u"
                           " UNION ALL SELECT u.id, u.name, a.name FROM unit_alias a"
                           " JOIN unit u ON u.id = a.unit_id", NULL);
  if (stmt == NULL)
    return names;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KnownName *known = g_new0 (KnownName, 1);

      known->id = sqlite3_column_int64 (stmt, 0);
      known->canonical = anpai_db_column_dup (stmt, 1);
      known->name = anpai_db_column_dup (stmt, 2);
      g_ptr_array_add (names, known);
    }
  return names;
}

static const KnownName *
find_known (GPtrArray  *names,
            const char *name)
{
  /* exact first, then the same unit under another spelling */
  for (guint i = 0; i < names->len; i++)
    {
      const KnownName *known = g_ptr_array_index (names, i);

      if (g_str_equal (known->name, name))
        return known;
    }
  for (guint i = 0; i < names->len; i++)
    {
      const KnownName *known = g_ptr_array_index (names, i);

      if (anpai_unit_names_equivalent (known->name, name))
        return known;
    }
  return NULL;
}

/* Sets each unit's `matches` to the project unit it is, or NULL (new). */
void
anpai_import_match_units (AnpaiImportPlan *plan,
                          AnpaiProject    *project)
{
  g_autoptr(GPtrArray) names = NULL;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (ANPAI_IS_PROJECT (project));

  names = project_names (project);
  for (guint i = 0; i < plan->units->len; i++)
    {
      AnpaiImportUnit *unit = g_ptr_array_index (plan->units, i);
      const KnownName *known = find_known (names, unit->name);

      for (guint s = 0; known == NULL && s < unit->spellings->len; s++)
        known = find_known (names, g_ptr_array_index (unit->spellings, s));

      g_clear_pointer (&unit->matches, g_free);
      if (known != NULL)
        unit->matches = g_strdup (known->canonical);
    }
}

/* The unit's id in the project: the matched unit, or a new one; every
 * spelling met becomes an alias so the next import finds it. */
static gint64
commit_unit (AnpaiProject     *project,
             AnpaiImportUnit  *unit,
             GError          **error)
{
  gint64 id = 0;

  if (unit->matches != NULL)
    id = anpai_project_find_unit (project, unit->matches);
  if (id == 0)
    id = anpai_project_ensure_unit (project, unit->name, unit->kind, error);
  if (id == 0)
    return 0;

  if (anpai_project_find_unit (project, unit->name) == 0 &&
      !anpai_project_add_unit_alias (project, id, unit->name, error))
    return 0;
  for (guint s = 0; s < unit->spellings->len; s++)
    {
      const char *spelling = g_ptr_array_index (unit->spellings, s);

      /* a spelling naming some other unit already stays that unit's */
      if (anpai_project_find_unit (project, spelling) == 0 &&
          !anpai_project_add_unit_alias (project, id, spelling, error))
        return 0;
    }
  return id;
}

/* One role per unit and task, the strongest: lead, then co, then support. */
static gboolean
assign (AnpaiProject     *project,
        gint64            node_id,
        AnpaiImportNode  *node,
        GHashTable       *unit_ids,
        GError          **error)
{
  g_autoptr(GArray) lead = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) co = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) support = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  struct { GPtrArray *names; GArray *ids; } roles[] = {
    { NULL, lead }, { node->co, co }, { node->support, support },
  };
  g_autoptr(GPtrArray) lead_names = g_ptr_array_new ();

  if (node->lead != NULL)
    g_ptr_array_add (lead_names, node->lead);
  roles[0].names = lead_names;

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < roles[r].names->len; i++)
      {
        gint64 *id = g_hash_table_lookup (unit_ids, g_ptr_array_index (roles[r].names, i));

        if (id == NULL || g_hash_table_contains (seen, id))
          continue;
        g_hash_table_add (seen, id);
        g_array_append_val (roles[r].ids, *id);
      }

  return (lead->len == 0 ||
          anpai_project_set_node_units (project, node_id, ANPAI_ROLE_LEAD,
                                        &g_array_index (lead, gint64, 0), 1, error)) &&
         (co->len == 0 ||
          anpai_project_set_node_units (project, node_id, ANPAI_ROLE_CO,
                                        &g_array_index (co, gint64, 0), co->len, error)) &&
         (support->len == 0 ||
          anpai_project_set_node_units (project, node_id, ANPAI_ROLE_SUPPORT,
                                        &g_array_index (support, gint64, 0), support->len, error));
}

/* Adds @node and everything under it at @position under @parent_id (-1:
 * last); the new id, or 0. */
static gint64
commit_node (AnpaiProject     *project,
             gint64            plan_id,
             gint64            parent_id,
             int               position,
             AnpaiImportNode  *node,
             GHashTable       *unit_ids,
             GError          **error)
{
  g_autoptr(AnpaiNode) row = anpai_node_new (node->kind);
  gint64 id;

  anpai_node_set_label (row, node->label);
  anpai_node_set_title (row, node->title);
  anpai_node_set_body (row, node->body);
  anpai_node_set_time (row, node->time);
  if (node->source_end > node->source_start && node->source_end <= G_MAXINT)
    _anpai_node_set_source (row, (int) node->source_start, (int) node->source_end);

  id = anpai_project_add_node (project, row, plan_id, parent_id, position, error);
  if (id == 0 || !assign (project, id, node, unit_ids, error))
    return 0;

  for (guint i = 0; i < node->targets->len; i++)
    {
      AnpaiImportTarget *t = g_ptr_array_index (node->targets, i);

      if (!anpai_project_add_target (project, id, t->text, t->comparator, t->value,
                                     t->has_value, t->measure, error))
        return 0;
    }
  for (guint i = 0; i < node->children->len; i++)
    if (commit_node (project, plan_id, id, -1, g_ptr_array_index (node->children, i),
                     unit_ids, error) == 0)
      return 0;
  return id;
}

/* The project's id of every unit @import names, by the name the nodes use. */
static GHashTable *
commit_units (AnpaiProject     *project,
              AnpaiImportPlan  *import,
              GError          **error)
{
  g_autoptr(GHashTable) unit_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < import->units->len; i++)
    {
      AnpaiImportUnit *unit = g_ptr_array_index (import->units, i);
      gint64 id = commit_unit (project, unit, error);

      if (id == 0)
        return NULL;
      g_hash_table_insert (unit_ids, unit->name, g_memdup2 (&id, sizeof id));
    }
  return g_steal_pointer (&unit_ids);
}

/* Adds @plan, its outline, units, assignments and targets to @project as one
 * undoable step named @label (or "Import Plan"). Returns the new plan's id,
 * or 0 with @error set and the project unchanged. */
gint64
anpai_import_commit (AnpaiProject     *project,
                     AnpaiImportPlan  *import,
                     const char       *label,
                     GError          **error)
{
  g_autoptr(GHashTable) unit_ids = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  gint64 plan_id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), 0);
  g_return_val_if_fail (import != NULL, 0);

  if (!anpai_project_begin (project, label != NULL ? label : _("Import Plan"), error))
    return 0;

  anpai_plan_set_title (plan, *import->title != '\0' ? import->title : import->source_name);
  anpai_plan_set_doc_number (plan, import->doc_number);
  anpai_plan_set_issuer (plan, import->issuer);
  anpai_plan_set_issued_on (plan, import->issued_on);
  anpai_plan_set_period_start (plan, import->period_start);
  anpai_plan_set_period_end (plan, import->period_end);
  anpai_plan_set_kind (plan, import->kind);
  plan_id = anpai_project_add_plan (project, plan, error);
  if (plan_id == 0 ||
      !anpai_project_set_plan_source (project, plan_id, import->source_name, import->source_text,
                                      error))
    goto fail;

  unit_ids = commit_units (project, import, error);
  if (unit_ids == NULL)
    goto fail;
  for (guint i = 0; i < import->root->children->len; i++)
    if (commit_node (project, plan_id, 0, -1, g_ptr_array_index (import->root->children, i),
                     unit_ids, error) == 0)
      goto fail;

  if (!anpai_project_commit (project, error))
    return 0;
  return plan_id;

fail:
  anpai_project_rollback (project);
  return 0;
}

/* Adds the outline of @import to the plan @plan_id, right after the item
 * @after_id (at its level) or, with @after_id 0, at the end of the plan, as
 * one step "Paste Tasks". The plan's labels follow its numbering unless they
 * are manual. Returns the first new item's id, or 0 with @error set and the
 * project unchanged. */
gint64
anpai_import_commit_into (AnpaiProject     *project,
                          AnpaiImportPlan  *import,
                          gint64            plan_id,
                          gint64            after_id,
                          GError          **error)
{
  g_autoptr(GHashTable) unit_ids = NULL;
  g_autoptr(AnpaiNode) after = NULL;
  gint64 parent_id = 0, first = 0;
  int position = -1;
  AnpaiPlan *plan;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), 0);
  g_return_val_if_fail (import != NULL, 0);

  if (!anpai_project_begin (project, _("Paste Tasks"), error))
    return 0;
  plan = anpai_project_get_plan (project, plan_id);
  if (plan == NULL)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The plan no longer exists."));
      goto fail;
    }
  if (after_id != 0)
    {
      after = anpai_project_load_node (project, after_id, error);
      if (after == NULL)
        goto fail;
      if (anpai_node_get_plan_id (after) != plan_id)
        {
          g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                               _("The item is not in this plan."));
          goto fail;
        }
      parent_id = anpai_node_get_parent_id (after);
      position = anpai_node_get_position (after) + 1;
    }

  unit_ids = commit_units (project, import, error);
  if (unit_ids == NULL)
    goto fail;
  for (guint i = 0; i < import->root->children->len; i++)
    {
      gint64 id = commit_node (project, plan_id, parent_id, position < 0 ? -1 : position + (int) i,
                               g_ptr_array_index (import->root->children, i), unit_ids, error);

      if (id == 0)
        goto fail;
      if (first == 0)
        first = id;
    }
  if (first == 0)
    {
      g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_NO_OUTLINE,
                           _("There are no tasks in the text to paste."));
      goto fail;
    }
  if (!anpai_plan_get_manual_labels (plan) && !anpai_outline_renumber (project, plan_id, error))
    goto fail;

  if (!anpai_project_commit (project, error))
    return 0;
  return first;

fail:
  anpai_project_rollback (project);
  return 0;
}
