/* test-project.c — creating, opening and editing a project file
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-test-util.h"

static AnpaiPlan *
make_plan (const char *title,
           const char *start,
           const char *end)
{
  AnpaiPlan *plan = anpai_plan_new ();

  anpai_plan_set_title (plan, title);
  anpai_plan_set_period_start (plan, start);
  anpai_plan_set_period_end (plan, end);
  return plan;
}

static gint64
pragma (AnpaiProject *project,
        const char   *sql)
{
  gint64 value = -1;

  g_assert_true (anpai_db_query_int64 (_anpai_project_get_db (project), sql, &value, NULL));
  return value;
}

static void
test_create (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "new.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *created_by = NULL;
  const char *name;
  int n_files = 0;

  project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_false (anpai_project_get_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (anpai_project_get_plans (project)), ==, 0);
  g_assert_false (anpai_project_can_undo (project));

  /* DESIGN.md's pragmas, on the connection the project uses */
  g_assert_cmpint (pragma (project, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma (project, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (pragma (project, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (pragma (project, "PRAGMA application_id"), ==, 0x414E5041);

  /* The file itself says what it is. */
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA application_id"), ==, 0x414E5041);
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA user_version"), ==, 2);  /* schema 2: search index */
  journal = anpai_test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  created_by = anpai_test_sql_text (path, "SELECT value FROM meta WHERE key = 'created-by'");
  g_assert_true (g_str_has_prefix (created_by, "anpai "));

  /* Never over an existing file */
  again = anpai_project_create (path, &error);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_EXISTS);
  g_assert_null (again);

  /* No temporary file left behind */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "new.anpai");
      n_files++;
    }
  g_assert_cmpint (n_files, ==, 1);

  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  int        *count)
{
  (*count)++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           int        *count)
{
  (*count)++;
}

static void
test_plans (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "plans.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiPlan) outline = make_plan ("三年行动计划", "2025-01-01", "2027-12-31");
  g_autoptr(AnpaiPlan) annual = make_plan ("2026年度工作安排", "2026-01-01", "2026-12-31");
  g_autoptr(AnpaiPlan) edit = NULL;
  g_autoptr(AnpaiPlan) first = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *plans;
  AnpaiPlan *live;
  gint64 outline_id, annual_id;
  int changes = 0, notifies = 0;
  g_autofree char *stored_title = NULL;

  project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  plans = anpai_project_get_plans (project);
  g_signal_connect (plans, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  outline_id = anpai_project_add_plan (project, outline, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outline_id, >, 0);
  anpai_plan_set_parent_id (annual, outline_id);
  anpai_plan_set_doc_number (annual, "青澜政办〔2026〕12号");
  annual_id = anpai_project_add_plan (project, annual, &error);
  g_assert_no_error (error);

  g_assert_cmpint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  first = g_list_model_get_item (plans, 0);
  g_assert_cmpint (anpai_plan_get_id (first), ==, outline_id);
  live = anpai_project_get_plan (project, annual_id);
  g_assert_nonnull (live);
  g_assert_cmpstr (anpai_plan_get_doc_number (live), ==, "青澜政办〔2026〕12号");
  g_assert_cmpint (anpai_plan_get_parent_id (live), ==, outline_id);

  /* The edit is in the file as soon as the call returns. */
  stored_title = anpai_test_sql_text (path, "SELECT title FROM plan WHERE parent_id IS NOT NULL");
  g_assert_cmpstr (stored_title, ==, "2026年度工作安排");

  /* Updating notifies the live object, not the list */
  g_signal_connect (live, "notify::title", G_CALLBACK (notify_cb), &notifies);
  edit = anpai_plan_copy (live);
  anpai_plan_set_title (edit, "2026年度优化营商环境工作安排");
  g_assert_true (anpai_project_update_plan (project, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (notifies, ==, 1);
  g_assert_cmpint (changes, ==, 2);
  g_assert_cmpstr (anpai_plan_get_title (live), ==, "2026年度优化营商环境工作安排");
  g_assert_true (anpai_project_get_plan (project, annual_id) == live);

  /* Rules */
  anpai_plan_set_period_start (edit, "2027-01-01");
  g_assert_false (anpai_project_update_plan (project, edit, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  anpai_plan_set_period_start (edit, "2026-13-01");
  g_assert_false (anpai_project_update_plan (project, edit, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  anpai_plan_set_period_start (edit, "2026-01-01");
  anpai_plan_set_parent_id (edit, annual_id);
  g_assert_false (anpai_project_update_plan (project, edit, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* a cycle through another plan */
  g_clear_object (&edit);
  edit = anpai_plan_copy (anpai_project_get_plan (project, outline_id));
  anpai_plan_set_parent_id (edit, annual_id);
  g_assert_false (anpai_project_update_plan (project, edit, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* failed edits left nothing behind */
  g_assert_false (anpai_project_in_edit (project));
  g_assert_cmpint (anpai_plan_get_parent_id (anpai_project_get_plan (project, outline_id)), ==, 0);

  /* Deleting the outline: the annual plan stays and implements nothing */
  g_assert_true (anpai_project_delete_plan (project, outline_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  g_assert_null (anpai_project_get_plan (project, outline_id));
  g_assert_cmpint (anpai_plan_get_parent_id (live), ==, 0);

  g_signal_handlers_disconnect_by_data (plans, &changes);
  g_signal_handlers_disconnect_by_data (live, &notifies);
  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
test_nodes (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "nodes.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiPlan) plan = make_plan ("计划", "2026-01-01", "2026-12-31");
  g_autoptr(AnpaiPlan) other = make_plan ("另一计划", "2026-01-01", "2026-12-31");
  g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(AnpaiNode) loaded = NULL;
  g_autoptr(AnpaiTimeSpec) bad_time = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id, other_id, section_id, ids[3];

  project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  plan_id = anpai_project_add_plan (project, plan, &error);
  other_id = anpai_project_add_plan (project, other, &error);
  g_assert_no_error (error);

  anpai_node_set_label (section, "一、");
  anpai_node_set_title (section, "优化政务服务");
  section_id = anpai_project_add_node (project, section, plan_id, 0, -1, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
      g_autofree char *title = g_strdup_printf ("任务%d", i + 1);

      anpai_node_set_title (task, title);
      anpai_node_set_status (task, ANPAI_STATUS_IN_PROGRESS);
      anpai_node_set_progress (task, 40);
      ids[i] = anpai_project_add_node (project, task, plan_id, section_id, -1, &error);
      g_assert_no_error (error);
    }

  /* insert at the front shifts the others */
  {
    g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);

    anpai_node_set_title (task, "任务0");
    g_assert_cmpint (anpai_project_add_node (project, task, plan_id, section_id, 0, &error), >, 0);
    g_assert_no_error (error);
  }
  children = anpai_project_load_children (project, plan_id, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 4);
  for (guint i = 0; i < children->len; i++)
    {
      g_autofree char *title = g_strdup_printf ("任务%u", i);

      g_assert_cmpstr (anpai_node_get_title (children->pdata[i]), ==, title);
      g_assert_cmpint (anpai_node_get_position (children->pdata[i]), ==, (int) i);
      g_assert_cmpint (anpai_node_get_parent_id (children->pdata[i]), ==, section_id);
    }
  g_assert_cmpint (anpai_project_count_tasks (project, plan_id), ==, 4);

  loaded = anpai_project_load_node (project, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpint (anpai_node_get_status (loaded), ==, ANPAI_STATUS_IN_PROGRESS);
  g_assert_cmpint (anpai_node_get_progress (loaded), ==, 40);

  /* delete closes the gap */
  g_assert_true (anpai_project_delete_node (project, ids[0], &error));
  g_clear_pointer (&children, g_ptr_array_unref);
  children = anpai_project_load_children (project, plan_id, section_id, &error);
  g_assert_cmpuint (children->len, ==, 3);
  for (guint i = 0; i < children->len; i++)
    g_assert_cmpint (anpai_node_get_position (children->pdata[i]), ==, (int) i);

  /* a parent from another plan is refused */
  {
    g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);

    g_assert_cmpint (anpai_project_add_node (project, task, other_id, section_id, -1, &error), ==, 0);
    g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* a time span that ends before it starts is refused */
  anpai_date_set_ymd (&bad_time->start, 2026, 6, 1);
  anpai_date_set_ymd (&bad_time->end, 2026, 1, 1);
  bad_time->kind = ANPAI_TIME_WINDOW;
  anpai_node_set_time (loaded, bad_time);
  g_assert_false (anpai_project_update_node (project, loaded, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* deleting the plan takes its outline with it */
  g_assert_true (anpai_project_delete_plan (project, plan_id, &error));
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM node"), ==, 0);

  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
test_units (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "units.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiPlan) plan = make_plan ("计划", "2026-01-01", "2026-12-31");
  g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(AnpaiUnit) unit = NULL;
  g_autoptr(GArray) leads = NULL;
  g_autoptr(GArray) co = NULL;
  g_autoptr(GArray) support = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id, task_id, legal, justice, counties;
  gint64 two[2];

  project = anpai_project_create (path, &error);
  plan_id = anpai_project_add_plan (project, plan, &error);
  task_id = anpai_project_add_node (project, task, plan_id, 0, -1, &error);
  g_assert_no_error (error);

  legal = anpai_project_ensure_unit (project, "市政府法制办公室", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_assert_no_error (error);
  g_assert_true (anpai_project_add_unit_alias (project, legal, "市政府法制办", &error));
  g_assert_no_error (error);
  /* the same name again is the same unit, by name or by alias */
  g_assert_cmpint (anpai_project_ensure_unit (project, "市政府法制办公室", 0, &error), ==, legal);
  g_assert_cmpint (anpai_project_ensure_unit (project, "市政府法制办", 0, &error), ==, legal);
  g_assert_cmpint (anpai_project_find_unit (project, " 市政府法制办 "), ==, legal);

  counties = anpai_project_ensure_unit (project, "各县（市、区）人民政府", ANPAI_UNIT_KIND_COLLECTIVE,
                                        &error);
  /* width variants of brackets name the same unit */
  g_assert_cmpint (anpai_project_find_unit (project, "各县(市、区)人民政府"), ==, counties);
  g_assert_cmpint (anpai_project_find_unit (project, "市司法局"), ==, 0);

  justice = anpai_project_ensure_unit (project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_assert_cmpint (justice, !=, legal);
  g_assert_false (anpai_project_add_unit_alias (project, justice, "市政府法制办", &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (anpai_project_ensure_unit (project, "  ", 0, &error), ==, 0);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  unit = anpai_project_load_unit (project, legal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_unit_get_name (unit), ==, "市政府法制办公室");
  g_assert_cmpstrv (anpai_unit_get_aliases (unit), ((const char *[]) { "市政府法制办", NULL }));

  /* roles */
  g_assert_true (anpai_project_set_node_units (project, task_id, ANPAI_ROLE_LEAD, &legal, 1, &error));
  two[0] = justice;
  two[1] = counties;
  g_assert_true (anpai_project_set_node_units (project, task_id, ANPAI_ROLE_SUPPORT, two, 2, &error));
  g_assert_no_error (error);
  g_assert_false (anpai_project_set_node_units (project, task_id, ANPAI_ROLE_LEAD, two, 2, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* a unit named co leaves the support list */
  g_assert_true (anpai_project_set_node_units (project, task_id, ANPAI_ROLE_CO, &justice, 1, &error));

  leads = anpai_project_get_node_units (project, task_id, ANPAI_ROLE_LEAD);
  co = anpai_project_get_node_units (project, task_id, ANPAI_ROLE_CO);
  support = anpai_project_get_node_units (project, task_id, ANPAI_ROLE_SUPPORT);
  g_assert_cmpuint (leads->len, ==, 1);
  g_assert_cmpint (g_array_index (leads, gint64, 0), ==, legal);
  g_assert_cmpuint (co->len, ==, 1);
  g_assert_cmpint (g_array_index (co, gint64, 0), ==, justice);
  g_assert_cmpuint (support->len, ==, 1);
  g_assert_cmpint (g_array_index (support, gint64, 0), ==, counties);

  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
test_read_only_open (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "view.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiPlan) plan = make_plan ("计划", "2026-01-01", "2026-12-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  project = anpai_project_create (path, &error);
  anpai_project_add_plan (project, plan, &error);
  g_assert_no_error (error);
  anpai_project_close (project);
  g_clear_object (&project);
  before = anpai_test_checksum (path);

  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (anpai_project_get_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (anpai_project_get_plans (project)), ==, 1);
  g_assert_cmpint (anpai_project_add_plan (project, plan, &error), ==, 0);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_READ_ONLY);
  g_assert_false (anpai_project_can_undo (project));
  anpai_project_close (project);

  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  anpai_test_rm_rf (dir);
}

static void
test_save_copy (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "orig.anpai");
  g_autofree char *copy_path = anpai_test_path (dir, "copy.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiProject) copy = NULL;
  g_autoptr(AnpaiPlan) plan = make_plan ("计划", "2026-01-01", "2026-12-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *copy_dump = NULL;

  project = anpai_project_create (path, &error);
  anpai_project_add_plan (project, plan, &error);
  g_assert_no_error (error);

  /* an existing file at the target is replaced */
  g_file_set_contents (copy_path, "old", -1, NULL);
  g_assert_true (anpai_project_save_copy (project, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (copy_path, "PRAGMA application_id"), ==, 0x414E5041);
  g_assert_cmpint (anpai_test_sql_int (copy_path, "PRAGMA user_version"), ==, 2);  /* schema 2: search index */

  copy = anpai_project_open (copy_path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  dump = anpai_test_dump_string (project);
  copy_dump = anpai_test_dump_string (copy);
  g_assert_cmpstr (dump, ==, copy_dump);
  anpai_project_close (copy);

  /* never over the open project itself */
  g_assert_false (anpai_project_save_copy (project, path, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* into a folder that does not exist */
  {
    g_autofree char *nowhere = anpai_test_path (dir, "missing/x.anpai");

    g_assert_false (anpai_project_save_copy (project, nowhere, &error));
    g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO);
  }

  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AnpaiProject **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = anpai_project_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "async.anpai");
  g_autofree char *missing = anpai_test_path (dir, "missing.anpai");
  g_autoptr(AnpaiProject) created = NULL;
  AnpaiProject *opened = NULL;
  g_autoptr(GError) error = NULL;

  created = anpai_project_create (path, &error);
  g_assert_no_error (error);
  anpai_project_close (created);

  anpai_project_open_async (path, ANPAI_PROJECT_OPEN_DEFAULT, NULL, opened_cb, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ANPAI_IS_PROJECT (opened));
  g_assert_cmpstr (anpai_project_get_path (opened), ==, path);
  g_object_unref (opened);

  g_assert_null (anpai_project_open (missing, 0, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_NOT_FOUND);
  anpai_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/project/create", test_create);
  g_test_add_func ("/project/plans", test_plans);
  g_test_add_func ("/project/nodes", test_nodes);
  g_test_add_func ("/project/units", test_units);
  g_test_add_func ("/project/read-only-open", test_read_only_open);
  g_test_add_func ("/project/save-copy", test_save_copy);
  g_test_add_func ("/project/open-async", test_open_async);
  return g_test_run ();
}
