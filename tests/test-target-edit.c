/* test-target-edit.c — listing, changing and deleting a task's targets
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-target-edit.h"
#include "anpai-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  gint64         task, other;
  int            n_changed;
  gboolean       saw_task;
} Fixture;

static void
changed_cb (AnpaiProject *project,
            AnpaiChanges *changes,
            Fixture      *f)
{
  f->n_changed++;
  f->saw_task = anpai_changes_has_node (changes, f->task) &&
                (anpai_changes_get_tables (changes) & ANPAI_TABLE_TARGET);
}

static gint64
add_task (Fixture    *f,
          gint64      plan,
          const char *title)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_title (node, title);
  id = anpai_project_add_node (f->project, node, plan, 0, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_target (Fixture    *f,
            gint64      node,
            const char *text,
            const char *comparator,
            double      value,
            const char *measure)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_project_add_target (f->project, node, text, comparator, value, TRUE,
                                           measure, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  f->dir = anpai_test_tmpdir ();
  f->path = anpai_test_path (f->dir, "targets.anpai");
  f->project = anpai_project_create (f->path, &error);
  g_assert_no_error (error);
  anpai_plan_set_title (plan, "青澜市2023年法治政府建设工作要点");
  anpai_plan_set_period_start (plan, "2023-01-01");
  anpai_plan_set_period_end (plan, "2023-12-31");
  plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);

  f->task = add_task (f, plan_id, "提升政务服务水平");
  f->other = add_task (f, plan_id, "加强法治培训");
  add_target (f, f->task, "政务服务好评率保持100%", "=", 100, "%");
  add_target (f, f->task, "群众满意度达95%以上", ">=", 95, "%");
  add_target (f, f->task, "每年至少1次", ">=", 1, "次");
  add_target (f, f->other, "不少于60学时", ">=", 60, "学时");
  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiTarget *t;

  targets = anpai_project_list_targets (f->project, f->task, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 3);
  t = g_ptr_array_index (targets, 1);
  g_assert_cmpint (t->node_id, ==, f->task);
  g_assert_cmpint (t->position, ==, 1);
  g_assert_cmpstr (t->text, ==, "群众满意度达95%以上");
  g_assert_cmpstr (t->comparator, ==, ">=");
  g_assert_true (t->has_value);
  g_assert_cmpfloat (t->value, ==, 95);
  g_assert_cmpstr (t->measure, ==, "%");

  /* a target without a number reads back without one */
  g_assert_true (anpai_project_add_target (f->project, f->other, "全面完成", "=", 0, FALSE, "",
                                           &error));
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = anpai_project_list_targets (f->project, f->other, &error);
  g_assert_cmpuint (targets->len, ==, 2);
  t = g_ptr_array_index (targets, 1);
  g_assert_false (t->has_value);
  g_assert_cmpstr (t->measure, ==, "");

  none = anpai_project_list_targets (f->project, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = anpai_project_list_targets (f->project, f->task, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = ((AnpaiTarget *) g_ptr_array_index (targets, 1))->id;
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM target WHERE id = %" G_GINT64_FORMAT, id);

  g_assert_true (anpai_project_update_target (f->project, id, "群众满意度达98%以上", ">", 98, TRUE,
                                              "%", &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (f->path, sql), ==, 98);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM target WHERE comparator = '>'"
                                                " AND text = '群众满意度达98%以上'"), ==, 1);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Edit Target");
  g_assert_true (f->saw_task);

  /* clearing the value stores NULL */
  g_assert_true (anpai_project_update_target (f->project, id, "群众满意", "=", 0, FALSE, NULL,
                                              &error));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM target WHERE value IS NULL"),
                   ==, 1);

  /* one step each */
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (f->path, sql), ==, 95);

  /* refused: a bad comparator, a target that is gone; nothing written */
  f->n_changed = 0;
  g_assert_false (anpai_project_update_target (f->project, id, "x", "≈", 1, TRUE, "", &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_update_target (f->project, 999, "x", "=", 1, TRUE, "", &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_assert_false (anpai_project_in_edit (f->project));
  g_assert_cmpint (f->n_changed, ==, 0);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = anpai_project_list_targets (f->project, f->task, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = ((AnpaiTarget *) g_ptr_array_index (targets, 0))->id;

  g_assert_true (anpai_project_delete_target (f->project, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Delete Target");
  g_assert_true (f->saw_task);

  /* the others move up; the other task's targets are untouched */
  after = anpai_project_list_targets (f->project, f->task, &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (((AnpaiTarget *) g_ptr_array_index (after, 0))->text, ==, "群众满意度达95%以上");
  g_assert_cmpint (((AnpaiTarget *) g_ptr_array_index (after, 0))->position, ==, 0);
  g_assert_cmpint (((AnpaiTarget *) g_ptr_array_index (after, 1))->position, ==, 1);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 3);

  /* a new target goes after them */
  add_target (f, f->task, "不少于2期", ">=", 2, "期");
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT position FROM target WHERE measure = '期'"),
                   ==, 2);

  /* undo brings the deleted one back in its place */
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = anpai_project_list_targets (f->project, f->task, &error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpint (((AnpaiTarget *) g_ptr_array_index (after, 0))->id, ==, first);

  g_assert_false (anpai_project_delete_target (f->project, 999, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_assert_false (anpai_project_in_edit (f->project));
}

/* Inside the caller's step: one undo takes back all of it. */
static void
test_nested (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = anpai_project_list_targets (f->project, f->task, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_project_begin (f->project, "Clear Targets", &error));
  for (guint i = 0; i < targets->len; i++)
    g_assert_true (anpai_project_delete_target (f->project,
                                                ((AnpaiTarget *) g_ptr_array_index (targets, i))->id,
                                                &error));
  g_assert_true (anpai_project_commit (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 1);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Clear Targets");
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 4);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiProject) ro = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->project);
  ro = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  targets = anpai_project_list_targets (ro, f->task, &error);
  g_assert_cmpuint (targets->len, ==, 3);
  g_assert_false (anpai_project_delete_target (ro, ((AnpaiTarget *) g_ptr_array_index (targets, 0))->id,
                                               &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_READ_ONLY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/target-edit/list", test_list);
  ADD ("/target-edit/update", test_update);
  ADD ("/target-edit/delete", test_delete);
  ADD ("/target-edit/nested", test_nested);
  ADD ("/target-edit/read-only", test_read_only);
#undef ADD
  return g_test_run ();
}
