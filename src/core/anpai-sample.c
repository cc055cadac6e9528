/* anpai-sample.c — the sample project a new user opens first
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiSample"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "anpai-date.h"
#include "anpai-sample-private.h"
#include "anpai-sample.h"
#include "anpai-text-split.h"

/* The content lives in anpai-sample-data.c as plain tables; this file turns
 * them into a project through the same store API the app uses, so the sample
 * is also an end-to-end exercise of it. */

static gint64
lookup (GHashTable *ids,
        const char *key)
{
  return key != NULL ? GPOINTER_TO_SIZE (g_hash_table_lookup (ids, key)) : 0;
}

static const AnpaiSamplePlan *
find_plan (const char *key)
{
  for (const AnpaiSamplePlan *p = anpai_sample_plans; p->key != NULL; p++)
    if (g_str_equal (p->key, key))
      return p;
  return NULL;
}

static gboolean
add_units (AnpaiProject  *project,
           GError       **error)
{
  for (const AnpaiSampleUnit *u = anpai_sample_units; u->name != NULL; u++)
    {
      g_auto(GStrv) aliases = g_strsplit (u->aliases != NULL ? u->aliases : "", "|", -1);
      int kind = ANPAI_UNIT_KIND_OTHER;
      gint64 id;

      anpai_enum_from_string (ANPAI_TYPE_UNIT_KIND, u->kind, &kind);
      id = anpai_project_ensure_unit (project, u->name, kind, error);
      if (id == 0)
        return FALSE;
      for (guint i = 0; aliases[i] != NULL; i++)
        if (*aliases[i] != '\0' && !anpai_project_add_unit_alias (project, id, aliases[i], error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
set_units (AnpaiProject  *project,
           gint64         node_id,
           AnpaiRole      role,
           const char    *names,
           GError       **error)
{
  g_auto(GStrv) list = anpai_split_outside_brackets (names, "、");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; list[i] != NULL; i++)
    {
      gint64 id = anpai_project_find_unit (project, list[i]);

      if (id == 0)
        id = anpai_project_ensure_unit (project, list[i], ANPAI_UNIT_KIND_OTHER, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return TRUE;
  return anpai_project_set_node_units (project, node_id, role, &g_array_index (ids, gint64, 0), ids->len,
                                       error);
}

static gboolean
add_plans (AnpaiProject  *project,
           GHashTable    *plan_ids,
           GError       **error)
{
  for (const AnpaiSamplePlan *p = anpai_sample_plans; p->key != NULL; p++)
    {
      g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
      int kind = ANPAI_PLAN_KIND_ANNUAL;
      gint64 id;

      anpai_enum_from_string (ANPAI_TYPE_PLAN_KIND, p->kind, &kind);
      anpai_plan_set_title (plan, p->title);
      anpai_plan_set_doc_number (plan, p->doc_number);
      anpai_plan_set_issuer (plan, p->issuer);
      anpai_plan_set_issued_on (plan, p->issued_on);
      anpai_plan_set_period_start (plan, p->period_start);
      anpai_plan_set_period_end (plan, p->period_end);
      anpai_plan_set_kind (plan, kind);
      anpai_plan_set_parent_id (plan, lookup (plan_ids, p->parent));
      id = anpai_project_add_plan (project, plan, error);
      if (id == 0)
        return FALSE;
      g_hash_table_insert (plan_ids, (gpointer) p->key, GSIZE_TO_POINTER (id));
    }
  return TRUE;
}

static gboolean
add_nodes (AnpaiProject  *project,
           GHashTable    *plan_ids,
           GError       **error)
{
  gint64 parents[8] = { 0 };
  const char *current_plan = NULL;

  for (const AnpaiSampleNode *n = anpai_sample_nodes; n->plan != NULL; n++)
    {
      gint64 plan_id = lookup (plan_ids, n->plan);
      const AnpaiSamplePlan *plan = find_plan (n->plan);
      g_autoptr(AnpaiNode) node = NULL;
      int kind = ANPAI_NODE_KIND_TASK;
      int status = ANPAI_STATUS_NOT_STARTED;
      GDate start, end;
      gint64 id;

      g_assert (plan != NULL);
      g_assert (n->depth >= 0 && n->depth < (int) G_N_ELEMENTS (parents) - 1);

      if (g_strcmp0 (current_plan, n->plan) != 0)
        {
          memset (parents, 0, sizeof parents);
          current_plan = n->plan;
        }

      anpai_enum_from_string (ANPAI_TYPE_NODE_KIND, n->kind, &kind);
      anpai_enum_from_string (ANPAI_TYPE_STATUS, n->status, &status);
      node = anpai_node_new (kind);
      anpai_node_set_label (node, n->label);
      anpai_node_set_title (node, n->title);
      anpai_node_set_body (node, n->body);
      anpai_node_set_status (node, status);
      anpai_node_set_progress (node, n->progress);
      if (n->time != NULL)
        {
          g_autoptr(AnpaiTimeSpec) time = NULL;

          /* The plan rows are not committed yet: read the period from the table. */
          anpai_date_parse_iso (plan->period_start, &start);
          anpai_date_parse_iso (plan->period_end, &end);
          time = anpai_time_spec_parse (n->time, &start, &end);
          anpai_node_set_time (node, time);
        }

      id = anpai_project_add_node (project, node, plan_id, parents[n->depth], -1, error);
      if (id == 0)
        return FALSE;
      parents[n->depth + 1] = id;

      if ((n->lead != NULL && !set_units (project, id, ANPAI_ROLE_LEAD, n->lead, error)) ||
          (n->co != NULL && !set_units (project, id, ANPAI_ROLE_CO, n->co, error)) ||
          (n->support != NULL && !set_units (project, id, ANPAI_ROLE_SUPPORT, n->support, error)))
        return FALSE;
    }
  return TRUE;
}

/* Fills an empty project with the sample, as one step that cannot be undone
 * (there is nothing before it to go back to). */
gboolean
anpai_sample_fill (AnpaiProject  *project,
                   GError       **error)
{
  g_autoptr(GHashTable) plan_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);

  if (!anpai_project_begin (project, _("Create Sample Project"), error))
    return FALSE;
  if (!add_units (project, error) ||
      !add_plans (project, plan_ids, error) ||
      !add_nodes (project, plan_ids, error))
    {
      anpai_project_rollback (project);
      return FALSE;
    }
  if (!anpai_project_commit (project, error))
    return FALSE;
  anpai_project_clear_history (project);
  return TRUE;
}

AnpaiProject *
anpai_sample_create (const char  *path,
                     GError     **error)
{
  g_autoptr(AnpaiProject) project = NULL;

  project = anpai_project_create (path, error);
  if (project == NULL)
    return NULL;
  if (!anpai_sample_fill (project, error))
    {
      anpai_project_close (project);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&project);
}

/* Writes the sample to @path and closes it again. */
gboolean
anpai_sample_create_file (const char  *path,
                          GError     **error)
{
  g_autoptr(AnpaiProject) project = anpai_sample_create (path, error);

  if (project == NULL)
    return FALSE;
  anpai_project_close (project);
  return TRUE;
}
