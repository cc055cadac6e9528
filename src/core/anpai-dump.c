/* anpai-dump.c — the JSON dump of a project (DESIGN.md, version 1)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiDump"

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-dump.h"
#include "anpai-project-private.h"

/* The dump is a contract for tests and other tools: members appear in the
 * order DESIGN.md gives, dates are ISO 8601, unset values are null, and unit
 * names are canonical names. It reads the file directly, in a few queries
 * per plan, rather than through the live objects of the GUI. */

typedef struct {
  char      *lead;
  GPtrArray *co;       /* of char* */
  GPtrArray *support;
  GPtrArray *targets;  /* of GStrv-like rows: see write_targets() */
} NodeExtras;

typedef struct {
  char   *text;
  char   *comparator;
  double  value;
  gboolean has_value;
  char   *measure;
} Target;

static void
target_free (gpointer data)
{
  Target *t = data;

  g_free (t->text);
  g_free (t->comparator);
  g_free (t->measure);
  g_free (t);
}

static void
node_extras_free (gpointer data)
{
  NodeExtras *extras = data;

  g_free (extras->lead);
  g_ptr_array_unref (extras->co);
  g_ptr_array_unref (extras->support);
  g_ptr_array_unref (extras->targets);
  g_free (extras);
}

static NodeExtras *
extras_for (GHashTable *extras,
            gint64      node_id)
{
  NodeExtras *e = g_hash_table_lookup (extras, &node_id);

  if (e == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = node_id;
      e = g_new0 (NodeExtras, 1);
      e->co = g_ptr_array_new_with_free_func (g_free);
      e->support = g_ptr_array_new_with_free_func (g_free);
      e->targets = g_ptr_array_new_with_free_func (target_free);
      g_hash_table_insert (extras, key, e);
    }
  return e;
}

void
anpai_dump_write_time (AnpaiJsonWriter     *w,
                       const AnpaiTimeSpec *time)
{
  char start[ANPAI_DATE_ISO_LEN], end[ANPAI_DATE_ISO_LEN];

  anpai_date_format_iso (&time->start, start);
  anpai_date_format_iso (&time->end, end);

  anpai_json_writer_begin_object (w);
  anpai_json_writer_member (w, "text");
  anpai_json_writer_string (w, time->text);
  anpai_json_writer_member (w, "kind");
  anpai_json_writer_string (w, anpai_time_kind_to_string (time->kind));
  anpai_json_writer_member (w, "start");
  anpai_json_writer_string_or_null (w, start);
  anpai_json_writer_member (w, "end");
  anpai_json_writer_string_or_null (w, end);
  anpai_json_writer_member (w, "rrule");
  anpai_json_writer_string_or_null (w, time->rrule);
  anpai_json_writer_member (w, "source");
  anpai_json_writer_string (w, anpai_time_source_to_string (time->source));
  anpai_json_writer_end_object (w);
}

char *
anpai_dump_time (const AnpaiTimeSpec *time)
{
  AnpaiJsonWriter *w = anpai_json_writer_new (TRUE);

  g_return_val_if_fail (time != NULL, NULL);

  anpai_dump_write_time (w, time);
  return anpai_json_writer_free_to_string (w);
}

static gboolean
load_extras (sqlite3     *db,
             gint64       plan_id,
             GHashTable  *extras,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(sqlite3_stmt) targets = NULL;

  units = anpai_db_prepare (db,
                            "SELECT a.node_id, a.role, u.name FROM assignment a"
                            " JOIN unit u ON u.id = a.unit_id JOIN node n ON n.id = a.node_id"
                            " WHERE n.plan_id = ? ORDER BY a.node_id, a.position, a.id", error);
  if (units == NULL)
    return FALSE;
  sqlite3_bind_int64 (units, 1, plan_id);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      NodeExtras *e = extras_for (extras, sqlite3_column_int64 (units, 0));
      const char *role = anpai_db_column_text (units, 1);
      char *name = anpai_db_column_dup (units, 2);

      if (g_str_equal (role, "lead"))
        {
          g_free (e->lead);
          e->lead = name;
        }
      else if (g_str_equal (role, "co"))
        g_ptr_array_add (e->co, name);
      else
        g_ptr_array_add (e->support, name);
    }

  targets = anpai_db_prepare (db,
                              "SELECT t.node_id, t.text, t.comparator, t.value, t.measure"
                              " FROM target t JOIN node n ON n.id = t.node_id"
                              " WHERE n.plan_id = ? ORDER BY t.node_id, t.position, t.id", error);
  if (targets == NULL)
    return FALSE;
  sqlite3_bind_int64 (targets, 1, plan_id);
  while (sqlite3_step (targets) == SQLITE_ROW)
    {
      NodeExtras *e = extras_for (extras, sqlite3_column_int64 (targets, 0));
      Target *t = g_new0 (Target, 1);

      t->text = anpai_db_column_dup (targets, 1);
      t->comparator = anpai_db_column_dup (targets, 2);
      t->has_value = sqlite3_column_type (targets, 3) != SQLITE_NULL;
      t->value = sqlite3_column_double (targets, 3);
      t->measure = anpai_db_column_dup (targets, 4);
      g_ptr_array_add (e->targets, t);
    }
  return TRUE;
}

static void
write_names (AnpaiJsonWriter *w,
             GPtrArray       *names)
{
  anpai_json_writer_begin_array (w);
  for (guint i = 0; names != NULL && i < names->len; i++)
    anpai_json_writer_string (w, g_ptr_array_index (names, i));
  anpai_json_writer_end_array (w);
}

static void
write_node (AnpaiJsonWriter *w,
            AnpaiNode       *node,
            NodeExtras      *e)
{
  anpai_json_writer_begin_object (w);
  anpai_json_writer_member (w, "id");
  anpai_json_writer_int (w, anpai_node_get_id (node));
  anpai_json_writer_member (w, "parent");
  anpai_json_writer_id_or_null (w, anpai_node_get_parent_id (node));
  anpai_json_writer_member (w, "kind");
  anpai_json_writer_string (w, anpai_enum_to_string (ANPAI_TYPE_NODE_KIND,
                                                     anpai_node_get_kind (node)));
  anpai_json_writer_member (w, "label");
  anpai_json_writer_string (w, anpai_node_get_label (node));
  anpai_json_writer_member (w, "title");
  anpai_json_writer_string (w, anpai_node_get_title (node));
  anpai_json_writer_member (w, "text");
  anpai_json_writer_string (w, anpai_node_get_body (node));
  anpai_json_writer_member (w, "time");
  anpai_dump_write_time (w, anpai_node_get_time (node));
  anpai_json_writer_member (w, "lead");
  anpai_json_writer_string_or_null (w, e != NULL ? e->lead : NULL);
  anpai_json_writer_member (w, "co");
  write_names (w, e != NULL ? e->co : NULL);
  anpai_json_writer_member (w, "support");
  write_names (w, e != NULL ? e->support : NULL);

  anpai_json_writer_member (w, "targets");
  anpai_json_writer_begin_array (w);
  for (guint i = 0; e != NULL && i < e->targets->len; i++)
    {
      Target *t = g_ptr_array_index (e->targets, i);

      anpai_json_writer_begin_object (w);
      anpai_json_writer_member (w, "text");
      anpai_json_writer_string (w, t->text);
      anpai_json_writer_member (w, "comparator");
      anpai_json_writer_string (w, t->comparator);
      anpai_json_writer_member (w, "value");
      if (t->has_value)
        anpai_json_writer_double (w, t->value);
      else
        anpai_json_writer_null (w);
      anpai_json_writer_member (w, "measure");
      anpai_json_writer_string (w, t->measure);
      anpai_json_writer_end_object (w);
    }
  anpai_json_writer_end_array (w);

  anpai_json_writer_member (w, "status");
  anpai_json_writer_string (w, anpai_enum_to_string (ANPAI_TYPE_STATUS,
                                                     anpai_node_get_status (node)));
  anpai_json_writer_member (w, "progress");
  anpai_json_writer_int (w, anpai_node_get_progress (node));
  anpai_json_writer_end_object (w);
}

/* Depth first, siblings in position order: the outline as read. */
static gboolean
write_nodes (AnpaiJsonWriter  *w,
             AnpaiProject     *project,
             gint64            plan_id,
             gint64            parent_id,
             GHashTable       *extras,
             GError          **error)
{
  g_autoptr(GPtrArray) children = NULL;

  children = anpai_project_load_children (project, plan_id, parent_id, error);
  if (children == NULL)
    return FALSE;
  for (guint i = 0; i < children->len; i++)
    {
      AnpaiNode *node = g_ptr_array_index (children, i);
      gint64 id = anpai_node_get_id (node);

      write_node (w, node, g_hash_table_lookup (extras, &id));
      if (!write_nodes (w, project, plan_id, id, extras, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_plan (AnpaiJsonWriter  *w,
            AnpaiProject     *project,
            AnpaiPlan        *plan,
            GError          **error)
{
  g_autoptr(GHashTable) extras = NULL;

  extras = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, node_extras_free);
  if (!load_extras (_anpai_project_get_db (project), anpai_plan_get_id (plan), extras, error))
    return FALSE;

  anpai_json_writer_begin_object (w);
  anpai_json_writer_member (w, "id");
  anpai_json_writer_int (w, anpai_plan_get_id (plan));
  anpai_json_writer_member (w, "title");
  anpai_json_writer_string (w, anpai_plan_get_title (plan));
  anpai_json_writer_member (w, "doc_number");
  anpai_json_writer_string (w, anpai_plan_get_doc_number (plan));
  anpai_json_writer_member (w, "issuer");
  anpai_json_writer_string (w, anpai_plan_get_issuer (plan));
  anpai_json_writer_member (w, "issued_on");
  anpai_json_writer_string_or_null (w, anpai_plan_get_issued_on (plan));
  anpai_json_writer_member (w, "period");
  anpai_json_writer_begin_object (w);
  anpai_json_writer_member (w, "start");
  anpai_json_writer_string_or_null (w, anpai_plan_get_period_start (plan));
  anpai_json_writer_member (w, "end");
  anpai_json_writer_string_or_null (w, anpai_plan_get_period_end (plan));
  anpai_json_writer_end_object (w);
  anpai_json_writer_member (w, "kind");
  anpai_json_writer_string (w, anpai_enum_to_string (ANPAI_TYPE_PLAN_KIND,
                                                     anpai_plan_get_kind (plan)));
  anpai_json_writer_member (w, "implements");
  anpai_json_writer_id_or_null (w, anpai_plan_get_parent_id (plan));

  anpai_json_writer_member (w, "nodes");
  anpai_json_writer_begin_array (w);
  if (!write_nodes (w, project, anpai_plan_get_id (plan), 0, extras, error))
    return FALSE;
  anpai_json_writer_end_array (w);
  anpai_json_writer_end_object (w);
  return TRUE;
}

static gboolean
write_units (AnpaiJsonWriter  *w,
             sqlite3          *db,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) aliases = NULL;

  stmt = anpai_db_prepare (db, "SELECT id, name, kind FROM unit ORDER BY sort_order, id", error);
  aliases = anpai_db_prepare (db, "SELECT name FROM unit_alias WHERE unit_id = ? ORDER BY id",
                              error);
  if (stmt == NULL || aliases == NULL)
    return FALSE;

  anpai_json_writer_begin_array (w);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      anpai_json_writer_begin_object (w);
      anpai_json_writer_member (w, "name");
      anpai_json_writer_string (w, anpai_db_column_text (stmt, 1));
      anpai_json_writer_member (w, "aliases");
      anpai_json_writer_begin_array (w);
      sqlite3_bind_int64 (aliases, 1, sqlite3_column_int64 (stmt, 0));
      while (sqlite3_step (aliases) == SQLITE_ROW)
        anpai_json_writer_string (w, anpai_db_column_text (aliases, 0));
      sqlite3_reset (aliases);
      anpai_json_writer_end_array (w);
      anpai_json_writer_member (w, "kind");
      anpai_json_writer_string (w, anpai_db_column_text (stmt, 2));
      anpai_json_writer_end_object (w);
    }
  anpai_json_writer_end_array (w);
  return TRUE;
}

/* (transfer full): the whole project as JSON, or NULL on error */
char *
anpai_dump_project (AnpaiProject  *project,
                    GError       **error)
{
  g_autoptr(AnpaiJsonWriter) w = anpai_json_writer_new (TRUE);
  GListModel *plans;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  plans = anpai_project_get_plans (project);

  anpai_json_writer_begin_object (w);
  anpai_json_writer_member (w, "format");
  anpai_json_writer_string (w, "anpai-dump");
  anpai_json_writer_member (w, "version");
  anpai_json_writer_int (w, ANPAI_DUMP_VERSION);

  anpai_json_writer_member (w, "plans");
  anpai_json_writer_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, i);

      if (!write_plan (w, project, plan, error))
        return NULL;
    }
  anpai_json_writer_end_array (w);

  anpai_json_writer_member (w, "units");
  if (!write_units (w, _anpai_project_get_db (project), error))
    return NULL;
  anpai_json_writer_end_object (w);

  return anpai_json_writer_free_to_string (g_steal_pointer (&w));
}
