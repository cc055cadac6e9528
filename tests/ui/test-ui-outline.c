/* test-ui-outline.c — the Tasks view, driven as a planner would
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-application.h"
#include "anpai-ui-test-util.h"
#include "anpai-window-private.h"

/* The sample project: plan 1 is a three-year action plan, 一、 with tasks
 * 1. 2. 3. and 二、 with 4. 5. 6. (numbering runs on). */

typedef struct {
  AnpaiApplication *app;
  AnpaiWindow      *window;
  AnpaiOutlineView *view;
  char             *dir;
  char             *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = anpai_ui_test_open_sample ("outline", 1280, 800, &f->app, &f->dir, &f->path);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "outline");
  f->view = f->window->outline_view;
  anpai_outline_view_set_plan (f->view, 1);
  anpai_ui_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  anpai_ui_test_close_sample (f->window, f->app, f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  anpai_ui_test_iterate (20);
}

static gint64
node_id (Fixture    *f,
         const char *title)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM node WHERE plan_id = 1 AND title = '%s'", title);

  return anpai_ui_test_sql_int (f->path, "%s", sql);
}

/* The tree shows the plan collapsed; selecting a task opens its path. */
static void
test_tree (Fixture       *f,
           gconstpointer  data)
{
  gint64 task = node_id (f, "强化涉企司法保护");
  g_autoptr(GArray) selected = NULL;

  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);
  g_assert_true (anpai_outline_view_select_node (f->view, task));
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 5);
  selected = anpai_outline_view_get_selected (f->view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, task);

  activate (f, "outline.expand-all");
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 8);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-outline"));
  activate (f, "outline.collapse-all");
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);

  /* the Timeline view charts the plan whose tasks were on screen */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "timeline"));
  anpai_ui_test_iterate (50);
  g_assert_cmpint (anpai_timeline_view_get_plan_id (f->window->timeline_view), ==, 1);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-timeline-window"));
}

/* Indent, outdent, move: the file changes, labels follow, undo restores. */
static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  gint64 second = node_id (f, "深化政务数据共享应用");
  gint64 first = node_id (f, "推进政务服务标准化建设");
  g_autofree char *label = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_true (anpai_outline_view_select_node (f->view, second));
  activate (f, "outline.indent");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT parent_id FROM node WHERE title = '深化政务数据共享应用'"), ==, first);
  /* still selected where it went */
  {
    g_autoptr(GArray) selected = anpai_outline_view_get_selected (f->view);

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_cmpint (g_array_index (selected, gint64, 0), ==, second);
  }
  activate (f, "outline.outdent");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT parent_id FROM node WHERE title = '深化政务数据共享应用'"), ==,
                   node_id (f, "提升政务服务效能"));

  activate (f, "outline.move-up");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT position FROM node WHERE title = '深化政务数据共享应用'"), ==, 0);
  label = anpai_ui_test_sql_text (f->path, "SELECT label FROM node WHERE title = '深化政务数据共享应用'");
  g_assert_cmpstr (label, ==, "1.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  anpai_ui_test_iterate (20);
  after_undo = anpai_ui_test_sql_text (f->path, "SELECT label FROM node WHERE title = '深化政务数据共享应用'");
  g_assert_cmpstr (after_undo, ==, "2.");
}

/* Dragging 6. onto the top quarter of 1. puts it first; onto the middle of
 * a section makes it that section's last task. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  gint64 sixth = node_id (f, "完善常态化政企沟通机制");
  gint64 first = node_id (f, "推进政务服务标准化建设");
  gint64 part_one = node_id (f, "提升政务服务效能");
  g_autofree char *label = NULL;

  g_assert_true (anpai_outline_view_drop (f->view, sixth, first, ANPAI_DROP_BEFORE));
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT parent_id FROM node WHERE title = '完善常态化政企沟通机制'"), ==, part_one);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT position FROM node WHERE title = '完善常态化政企沟通机制'"), ==, 0);
  label = anpai_ui_test_sql_text (f->path, "SELECT label FROM node WHERE title = '完善常态化政企沟通机制'");
  g_assert_cmpstr (label, ==, "1.");

  /* after the row below it, at its level: one place down */
  g_assert_true (anpai_outline_view_drop (f->view, sixth, first, ANPAI_DROP_AFTER));
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT position FROM node WHERE title = '完善常态化政企沟通机制'"), ==, 1);

  g_assert_true (anpai_outline_view_drop (f->view, sixth, node_id (f, "营造公平竞争和法治环境"), ANPAI_DROP_INTO));
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT position FROM node WHERE title = '完善常态化政企沟通机制'"), ==, 2);
  /* never into itself */
  g_assert_false (anpai_outline_view_drop (f->view, part_one, first, ANPAI_DROP_INTO));
}

/* Adding a task after the selected one, then deleting it with an undo toast. */
static void
test_add_delete (Fixture       *f,
                 gconstpointer  data)
{
  gint64 before = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1");
  g_autoptr(GArray) selected = NULL;

  g_assert_true (anpai_outline_view_select_node (f->view, node_id (f, "压缩工程建设项目审批时间")));
  activate (f, "outline.add-sibling");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1"), ==, before + 1);
  selected = anpai_outline_view_get_selected (f->view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT max(id) FROM node"), ==, g_array_index (selected, gint64, 0));

  activate (f, "outline.delete");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1"), ==, before);
}

/* Text pasted after a task becomes tasks, read as the importer reads a
 * plan: units and time requirements included, numbered in the plan's style. */
static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  gint64 before = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1");
  g_autofree char *label = NULL;

  g_assert_true (anpai_outline_view_select_node (f->view, node_id (f, "压缩工程建设项目审批时间")));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->view)),
                          "1.推行告知承诺制。2026年底前实现涉企事项全覆盖。责任单位:市政务服务中心、市司法局\n"
                          "2.开展营商环境评价。每年第四季度开展一次。责任单位:市发展改革委\n");
  activate (f, "outline.paste");
  anpai_ui_test_iterate (200);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1"), ==, before + 2);
  /* after 3., numbered on: the old 4. 5. 6. move on to 6. 7. 8. */
  label = anpai_ui_test_sql_text (f->path, "SELECT label FROM node WHERE title = '推行告知承诺制'");
  g_assert_cmpstr (label, ==, "4.");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE label = '8.' AND plan_id = 1"), ==, 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node n JOIN assignment a ON a.node_id = n.id"
                               " JOIN unit u ON u.id = a.unit_id WHERE n.title = '推行告知承诺制'"
                               " AND a.role = 'lead' AND u.name = '市政务服务中心'"), ==, 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE title = '推行告知承诺制'"
                               " AND time_kind = 'deadline' AND time_end = '2026-12-31'"), ==, 1);
  g_assert_cmpstr (anpai_project_get_undo_label (anpai_window_get_project (f->window)), ==, "Paste Tasks");
}

/* From the Plans view: next year's arrangement as a copy, then its tasks. */
static void
test_next_year (Fixture       *f,
                gconstpointer  data)
{
  gint64 tasks = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 2");
  gint64 copy;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "plans");
  anpai_plans_view_select (f->window->plans_view, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->plans_view),
                                             "plans.copy-next-year", NULL));
  anpai_ui_test_iterate (50);
  copy = anpai_ui_test_sql_int (f->path, "SELECT max(id) FROM plan");
  g_assert_cmpint (copy, >, 2);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan WHERE title = '青澜市2027年度优化营商环境工作安排'"
                               " AND period_start = '2027-01-01'"), ==, 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = (SELECT max(id) FROM plan)"), ==, tasks);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = (SELECT max(id) FROM plan)"
                               " AND status <> 'not-started'"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->plans_view), "plans.show-tasks", NULL));
  anpai_ui_test_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "outline");
  g_assert_cmpint (anpai_outline_view_get_plan_id (f->view), ==, copy);
}

/* Ctrl+F: the matches with their sections, everything else hidden. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  anpai_outline_view_set_search_text (f->view, "司法");
  /* 二、 and its 5. 强化涉企司法保护 */
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);
  anpai_ui_test_iterate (100);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-outline-search"));
  /* words and dates together: only 2. is due by the end of 2026 */
  {
    GtkWidget *due_to = anpai_ui_test_find (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, "Due by");
    GtkWidget *due_from = anpai_ui_test_find (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, "Due from");

    g_assert_nonnull (due_to);
    g_assert_nonnull (due_from);
    gtk_editable_set_text (GTK_EDITABLE (due_to), "2026-12-31");
    anpai_outline_view_set_search_text (f->view, "");
    g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);
    g_assert_true (anpai_outline_view_select_node (f->view, node_id (f, "深化政务数据共享应用")));
    /* a date being typed filters nothing yet */
    gtk_editable_set_text (GTK_EDITABLE (due_from), "2027-");
    anpai_outline_view_set_search_text (f->view, "");
    g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (due_from), "2027-01-01");
    anpai_outline_view_set_search_text (f->view, "");
    g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (due_from), "");
    gtk_editable_set_text (GTK_EDITABLE (due_to), "");
  }
  anpai_outline_view_set_search_text (f->view, "没有这样的任务");
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 0);
  anpai_outline_view_set_search_mode (f->view, FALSE);
  anpai_ui_test_iterate (300);
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->view), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/ui/outline/tree", Fixture, NULL, fixture_set_up, test_tree, fixture_tear_down);
  g_test_add ("/ui/outline/structure", Fixture, NULL, fixture_set_up, test_structure, fixture_tear_down);
  g_test_add ("/ui/outline/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/ui/outline/add-delete", Fixture, NULL, fixture_set_up, test_add_delete, fixture_tear_down);
  g_test_add ("/ui/outline/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/outline/paste", Fixture, NULL, fixture_set_up, test_paste, fixture_tear_down);
  g_test_add ("/ui/outline/next-year", Fixture, NULL, fixture_set_up, test_next_year, fixture_tear_down);
  return g_test_run ();
}
