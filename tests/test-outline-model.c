/* test-outline-model.c — the live outline follows every edit, undo and redo
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-edit.h"
#include "anpai-outline-model.h"
#include "anpai-test-util.h"

typedef struct {
  char         *dir;
  AnpaiProject *project;
  gint64        plan_id;
  gint64        section;      /* 一、 with tasks 1. and 2. */
  gint64        task[2];
  gint64        judicial;     /* 市司法局 */
  AnpaiOutlineModel *outline;
  int           n_changes;    /* items-changed of the watched list */
} Fixture;

static gint64
add_node (Fixture       *f,
          AnpaiNodeKind  kind,
          gint64         parent,
          int            position,
          const char    *label,
          const char    *title)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  id = anpai_project_add_node (f->project, node, f->plan_id, parent, position, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "outline.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  anpai_plan_set_title (plan, "临江市2027年度依法行政工作安排");
  f->plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  f->section = add_node (f, ANPAI_NODE_KIND_SECTION, 0, 0, "一、", "推进依法决策");
  f->task[0] = add_node (f, ANPAI_NODE_KIND_TASK, f->section, 0, "1.", "健全重大行政决策程序");
  f->task[1] = add_node (f, ANPAI_NODE_KIND_TASK, f->section, 1, "2.", "落实合法性审查");
  f->judicial = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_assert_no_error (error);
  f->outline = anpai_outline_model_new (f->project, f->plan_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->outline);
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
}

static AnpaiOutlineRow *
row_at (GListModel *list,
        guint       position)
{
  g_autoptr(AnpaiOutlineRow) row = g_list_model_get_item (list, position);

  g_assert_nonnull (row);
  return row;  /* the list holds it */
}

static void
test_children (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) top = anpai_outline_model_get_children (f->outline, 0);
  g_autoptr(GListModel) again = anpai_outline_model_get_children (f->outline, 0);
  g_autoptr(GListModel) tasks = anpai_outline_model_get_children (f->outline, f->section);
  g_autoptr(GArray) path = anpai_outline_model_get_path (f->outline, f->task[1]);

  g_assert_true (top == again);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 1);
  g_assert_true (anpai_outline_row_has_children (row_at (top, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpstr (anpai_node_get_title (anpai_outline_row_get_node (row_at (tasks, 1))), ==,
                   "落实合法性审查");
  g_assert_true (anpai_outline_model_find_row (f->outline, f->task[0]) == row_at (tasks, 0));
  g_assert_cmpuint (path->len, ==, 1);
  g_assert_cmpint (g_array_index (path, gint64, 0), ==, f->section);
}

/* An edit updates the same row object in place; adding a node changes the
 * list it joins and the child count of its parent's row. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) top = anpai_outline_model_get_children (f->outline, 0);
  g_autoptr(GListModel) tasks = anpai_outline_model_get_children (f->outline, f->section);
  g_autoptr(AnpaiNode) copy = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiOutlineRow *first = row_at (tasks, 0);
  gint64 added;

  g_signal_connect (tasks, "items-changed", G_CALLBACK (items_changed_cb), f);

  copy = anpai_node_copy (anpai_outline_row_get_node (first));
  anpai_node_set_title (copy, "健全重大行政决策程序规定");
  g_assert_true (anpai_project_update_node (f->project, copy, &error));
  g_assert_no_error (error);
  g_assert_true (row_at (tasks, 0) == first);
  g_assert_cmpstr (anpai_node_get_title (anpai_outline_row_get_node (first)), ==,
                   "健全重大行政决策程序规定");
  g_assert_cmpint (f->n_changes, ==, 0);

  g_assert_true (anpai_project_set_node_units (f->project, f->task[0], ANPAI_ROLE_LEAD,
                                               &f->judicial, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_outline_row_get_lead (first), ==, "市司法局");

  added = add_node (f, ANPAI_NODE_KIND_TASK, f->section, 2, "3.", "开展决策后评估");
  g_assert_cmpint (f->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  g_assert_cmpint (anpai_outline_row_get_id (row_at (tasks, 2)), ==, added);
  g_assert_true (anpai_outline_row_has_children (row_at (top, 0)));

  /* a row that gains its first child arrives anew, so a tree sees that it
   * can now expand */
  f->n_changes = 0;
  add_node (f, ANPAI_NODE_KIND_TASK, f->task[0], 0, "(1)", "制定目录");
  g_assert_cmpint (f->n_changes, ==, 1);
  g_assert_true (row_at (tasks, 0) == first);
  g_assert_true (anpai_outline_row_has_children (first));

  g_assert_true (anpai_project_delete_node (f->project, f->task[1], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_null (anpai_outline_model_find_row (f->outline, f->task[1]));
  g_assert_true (row_at (tasks, 0) == first);
}

static void
test_follows_undo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) tasks = anpai_outline_model_get_children (f->outline, f->section);
  g_autoptr(GError) error = NULL;
  AnpaiOutlineRow *first = row_at (tasks, 0);

  g_assert_true (anpai_project_delete_node (f->project, f->task[1], &error));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpint (anpai_outline_row_get_id (row_at (tasks, 1)), ==, f->task[1]);
  g_assert_true (row_at (tasks, 0) == first);
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
}

/* A list dropped by its view is forgotten; one asked for again is fresh. */
static void
test_lists_are_weak (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *tasks = anpai_outline_model_get_children (f->outline, f->section);

  g_assert_nonnull (anpai_outline_model_find_row (f->outline, f->task[0]));
  g_assert_finalize_object (tasks);
  g_assert_null (anpai_outline_model_find_row (f->outline, f->task[0]));
  tasks = anpai_outline_model_get_children (f->outline, f->section);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_object_unref (tasks);
}

/* A view may keep a list after the outline is gone: it stays, unchanged. */
static void
test_list_outlives_outline (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) tasks = anpai_outline_model_get_children (f->outline, f->section);

  g_clear_object (&f->outline);
  add_node (f, ANPAI_NODE_KIND_TASK, f->section, 2, "3.", "开展决策后评估");
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  f->outline = anpai_outline_model_new (f->project, f->plan_id);
}

/* Rows know whether they have children through indents, outdents and
 * deletes, however the edit touched their parents: deleting a task's only
 * subtask once left its expander. */
static void
test_has_children (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) top = anpai_outline_model_get_children (f->outline, 0);
  g_autoptr(GListModel) tasks = anpai_outline_model_get_children (f->outline, f->section);
  g_autoptr(GListModel) under_first = anpai_outline_model_get_children (f->outline, f->task[0]);
  g_autoptr(GError) error = NULL;

  g_assert_false (anpai_outline_row_has_children (row_at (tasks, 0)));
  /* 2. goes under 1.: 1. can now expand */
  g_assert_true (anpai_outline_indent (f->project, &f->task[1], 1, &error));
  g_assert_no_error (error);
  g_assert_true (anpai_outline_row_has_children (row_at (tasks, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (under_first), ==, 1);
  g_assert_true (anpai_outline_row_has_children (row_at (top, 0)));

  /* and back out: 1. has none again */
  g_assert_true (anpai_outline_outdent (f->project, &f->task[1], 1, &error));
  g_assert_no_error (error);
  g_assert_false (anpai_outline_row_has_children (row_at (tasks, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (under_first), ==, 0);
  g_assert_true (anpai_outline_row_has_children (row_at (top, 0)));

  /* its only child deleted, 1. has none again either */
  g_assert_true (anpai_outline_indent (f->project, &f->task[1], 1, &error));
  g_assert_true (anpai_project_delete_node (f->project, f->task[1], &error));
  g_assert_no_error (error);
  g_assert_false (anpai_outline_row_has_children (row_at (tasks, 0)));
  g_assert_true (anpai_outline_row_has_children (row_at (top, 0)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/outline-model/children", Fixture, NULL, fixture_set_up, test_children, fixture_tear_down);
  g_test_add ("/outline-model/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits,
              fixture_tear_down);
  g_test_add ("/outline-model/has-children", Fixture, NULL, fixture_set_up, test_has_children, fixture_tear_down);
  g_test_add ("/outline-model/follows-undo", Fixture, NULL, fixture_set_up, test_follows_undo,
              fixture_tear_down);
  g_test_add ("/outline-model/lists-are-weak", Fixture, NULL, fixture_set_up, test_lists_are_weak,
              fixture_tear_down);
  g_test_add ("/outline-model/list-outlives-outline", Fixture, NULL, fixture_set_up,
              test_list_outlives_outline, fixture_tear_down);
  return g_test_run ();
}
