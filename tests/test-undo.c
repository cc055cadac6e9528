/* test-undo.c — every edit is one undoable step, through the project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-sample.h"
#include "anpai-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  AnpaiChanges  *last_changes;
  int            n_changed;
} Fixture;

static void
changed_cb (AnpaiProject *project,
            AnpaiChanges *changes,
            Fixture      *f)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  f->last_changes = anpai_changes_ref (changes);
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = anpai_test_tmpdir ();
  f->path = anpai_test_path (f->dir, "undo.anpai");
  f->project = anpai_sample_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (anpai_project_can_undo (f->project));
  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static AnpaiPlan *
first_plan (Fixture *f)
{
  g_autoptr(AnpaiPlan) plan = g_list_model_get_item (anpai_project_get_plans (f->project), 0);

  return plan;
}

static void
test_add_undo_redo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *redo_label = NULL;
  GListModel *plans = anpai_project_get_plans (f->project);
  gint64 id;

  anpai_plan_set_title (plan, "新增计划");
  id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 3);
  g_assert_true (anpai_project_can_undo (f->project));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Add Plan");
  g_assert_true (anpai_changes_has_plan (f->last_changes, id));

  g_assert_true (anpai_project_undo (f->project, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Add Plan");
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 2);
  g_assert_false (anpai_project_can_undo (f->project));
  g_assert_true (anpai_project_can_redo (f->project));
  g_assert_true (anpai_changes_has_plan (f->last_changes, id));

  g_assert_true (anpai_project_redo (f->project, &redo_label, &error));
  g_assert_cmpstr (redo_label, ==, "Add Plan");
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 3);
  /* the same row comes back, with the same id */
  g_assert_nonnull (anpai_project_get_plan (f->project, id));
  g_assert_cmpstr (anpai_plan_get_title (anpai_project_get_plan (f->project, id)), ==, "新增计划");
}

static void
test_update_undo (Fixture       *f,
                  gconstpointer  data)
{
  AnpaiPlan *live = first_plan (f);
  g_autoptr(AnpaiPlan) edit = anpai_plan_copy (live);
  g_autofree char *title = g_strdup (anpai_plan_get_title (live));
  g_autoptr(GError) error = NULL;
  int before = f->n_changed;

  anpai_plan_set_title (edit, "改过的标题");
  g_assert_true (anpai_project_update_plan (f->project, edit, &error));
  g_assert_cmpstr (anpai_plan_get_title (live), ==, "改过的标题");
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  /* the live object follows the undo */
  g_assert_cmpstr (anpai_plan_get_title (live), ==, title);
  g_assert_cmpint (f->n_changed, ==, before + 2);

  /* an update that changes nothing is not a step */
  g_assert_true (anpai_project_update_plan (f->project, live, &error));
  g_assert_false (anpai_project_can_undo (f->project));
  g_assert_true (anpai_project_can_redo (f->project));
}

/* Deleting a plan removes its outline, assignments and targets by cascade;
 * undo must bring every row back exactly. */
static void
test_cascade_restored (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiPlan *outline = first_plan (f);
  gint64 outline_id = anpai_plan_get_id (outline);
  gint64 nodes = anpai_test_sql_int (f->path, "SELECT count(*) FROM node");
  gint64 assignments = anpai_test_sql_int (f->path, "SELECT count(*) FROM assignment");

  g_assert_cmpint (nodes, >, 30);
  g_assert_cmpint (assignments, >, 30);

  g_assert_true (anpai_project_delete_plan (f->project, outline_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM node"), <, nodes);
  /* the annual plan implemented the outline: that link is cut */
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan WHERE parent_id IS NOT NULL"), ==, 0);

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  after_undo = anpai_test_dump_string (f->project);
  g_assert_cmpstr (before, ==, after_undo);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM assignment"), ==, assignments);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  after_redo = anpai_test_dump_string (f->project);
  g_assert_cmpstr (after_redo, !=, before);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_clear_pointer (&after_undo, g_free);
  after_undo = anpai_test_dump_string (f->project);
  g_assert_cmpstr (before, ==, after_undo);
}

static void
test_one_action_one_step (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  int changed_before = f->n_changed;

  g_assert_true (anpai_project_begin (f->project, "Import Plan", &error));
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(AnpaiPlan) plan = anpai_plan_new ();

      anpai_plan_set_title (plan, "导入");
      g_assert_cmpint (anpai_project_add_plan (f->project, plan, &error), >, 0);
    }
  g_assert_cmpint (anpai_project_ensure_unit (f->project, "市新单位", 0, &error), >, 0);
  /* nested edits signal nothing until the outer commit */
  g_assert_cmpint (f->n_changed, ==, changed_before);
  g_assert_true (anpai_project_commit (f->project, &error));
  g_assert_cmpint (f->n_changed, ==, changed_before + 1);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Import Plan");
  g_assert_true (anpai_changes_get_tables (f->last_changes) & ANPAI_TABLE_UNIT);

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  after = anpai_test_dump_string (f->project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (anpai_project_can_undo (f->project));
}

static void
test_nested_rollback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AnpaiPlan) good = anpai_plan_new ();
  g_autoptr(AnpaiPlan) bad = anpai_plan_new ();
  g_autoptr(GError) error = NULL;

  anpai_plan_set_title (good, "好的");
  anpai_plan_set_period_start (bad, "not a date");

  g_assert_true (anpai_project_begin (f->project, "Batch", &error));
  g_assert_cmpint (anpai_project_add_plan (f->project, good, &error), >, 0);
  /* the inner failure is rolled back to its savepoint only */
  g_assert_cmpint (anpai_project_add_plan (f->project, bad, &error), ==, 0);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (anpai_project_in_edit (f->project));
  g_assert_true (anpai_project_commit (f->project, &error));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 3);

  /* a whole action rolled back leaves no step and no change */
  g_assert_true (anpai_project_begin (f->project, "Abandoned", &error));
  g_assert_cmpint (anpai_project_add_plan (f->project, good, &error), >, 0);
  anpai_project_rollback (f->project);
  g_assert_false (anpai_project_in_edit (f->project));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 3);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Batch");
}

static void
test_new_edit_drops_redo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AnpaiPlan) a = anpai_plan_new ();
  g_autoptr(AnpaiPlan) b = anpai_plan_new ();
  g_autoptr(GError) error = NULL;

  anpai_project_add_plan (f->project, a, &error);
  anpai_project_undo (f->project, NULL, &error);
  g_assert_true (anpai_project_can_redo (f->project));
  anpai_project_add_plan (f->project, b, &error);
  g_assert_no_error (error);
  g_assert_false (anpai_project_can_redo (f->project));
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_false (anpai_project_can_undo (f->project));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 2);
}

static void
test_node_and_units (Fixture       *f,
                     gconstpointer  data)
{
  AnpaiPlan *plan = first_plan (f);
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(AnpaiNode) task = NULL;
  g_autoptr(GArray) leads_before = NULL;
  g_autoptr(GArray) leads_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit;

  top = anpai_project_load_children (f->project, anpai_plan_get_id (plan), 0, &error);
  g_assert_cmpuint (top->len, >, 0);
  tasks = anpai_project_load_children (f->project, anpai_plan_get_id (plan),
                                       anpai_node_get_id (top->pdata[0]), &error);
  g_assert_cmpuint (tasks->len, >, 0);
  task = anpai_node_copy (tasks->pdata[0]);
  leads_before = anpai_project_get_node_units (f->project, anpai_node_get_id (task), ANPAI_ROLE_LEAD);
  g_assert_cmpuint (leads_before->len, ==, 1);

  anpai_node_set_status (task, ANPAI_STATUS_DONE);
  g_assert_true (anpai_project_update_node (f->project, task, &error));
  g_assert_true (anpai_changes_has_node (f->last_changes, anpai_node_get_id (task)));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Edit Task");

  unit = anpai_project_ensure_unit (f->project, "市审计局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_assert_true (anpai_project_set_node_units (f->project, anpai_node_get_id (task),
                                               ANPAI_ROLE_LEAD, &unit, 1, &error));
  g_assert_true (anpai_changes_has_unit (f->last_changes, unit));
  g_assert_true (anpai_changes_has_node (f->last_changes, anpai_node_get_id (task)));

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  leads_after = anpai_project_get_node_units (f->project, anpai_node_get_id (task), ANPAI_ROLE_LEAD);
  g_assert_cmpint (g_array_index (leads_after, gint64, 0), ==, g_array_index (leads_before, gint64, 0));
}

static void
test_history_limit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int undone = 0;

  for (int i = 0; i < 210; i++)
    {
      g_autoptr(AnpaiPlan) plan = anpai_plan_new ();

      g_assert_cmpint (anpai_project_add_plan (f->project, plan, &error), >, 0);
    }
  while (anpai_project_can_undo (f->project))
    {
      g_assert_true (anpai_project_undo (f->project, NULL, &error));
      undone++;
    }
  g_assert_cmpint (undone, ==, 200);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 12);
}

/* Another program changed the file under the history (it cannot while we
 * hold the lock, but a file on a share may be edited by anything): the
 * replay fails, nothing is damaged, and the stale history is dropped. */
static void
test_redo_after_outside_change (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  g_assert_cmpint (anpai_project_ensure_unit (f->project, "市外来局", 0, &error), >, 0);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  anpai_test_sql (f->path, "INSERT INTO unit (name) VALUES ('市外来局')");

  g_assert_false (anpai_project_redo (f->project, NULL, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_assert_false (anpai_project_in_edit (f->project));
  g_assert_false (anpai_project_can_redo (f->project));
  g_assert_false (anpai_project_can_undo (f->project));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM unit WHERE name = '市外来局'"), ==, 1);
  check = anpai_test_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/add-undo-redo", test_add_undo_redo);
  ADD ("/undo/update", test_update_undo);
  ADD ("/undo/cascade-restored", test_cascade_restored);
  ADD ("/undo/one-action-one-step", test_one_action_one_step);
  ADD ("/undo/nested-rollback", test_nested_rollback);
  ADD ("/undo/new-edit-drops-redo", test_new_edit_drops_redo);
  ADD ("/undo/node-and-units", test_node_and_units);
  ADD ("/undo/history-limit", test_history_limit);
  ADD ("/undo/outside-change", test_redo_after_outside_change);
#undef ADD
  return g_test_run ();
}
