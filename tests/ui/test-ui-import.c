/* test-ui-import.c — the import preview, driven as a planner would
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-application.h"
#include "anpai-import-dialog.h"
#include "anpai-ui-test-util.h"
#include "anpai-window-private.h"

/* A short arrangement of an invented county, in the shape planners paste:
 * a notice line, sections, numbered tasks with labelled unit clauses, two
 * units written two ways: 法制办 / 法制办公室, which the importer knows to be
 * one unit, and 发改局 / 发展和改革局, which the planner merges. */
static const char pasted[] =
  "湖西县人民政府办公室关于印发《湖西县2026年度依法行政工作要点》的通知\n"
  "湖政办〔2026〕3号\n"
  "\n"
  "湖西县2026年度依法行政工作要点\n"
  "\n"
  "一、推进依法决策\n"
  "(一)健全重大行政决策程序。2026年6月底前出台重大行政决策事项目录。\n"
  "责任单位:县政府办公室、县司法局,配合单位:县政府法制办、县发改局\n"
  "(二)全面落实政府法律顾问制度。乡镇法律顾问覆盖率达100%。\n"
  "责任单位:县司法局,配合单位:各乡镇人民政府\n"
  "二、规范行政执法\n"
  "(三)推行行政执法公示制度。每季度公开执法信息。\n"
  "责任单位:县政府法制办公室,配合单位:县发展和改革局、县直各执法部门\n";

typedef struct {
  AnpaiApplication *app;
  AnpaiWindow      *window;
  char             *dir;
  char             *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = anpai_ui_test_open_sample ("import", 0, 0, &f->app, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  anpai_ui_test_close_sample (f->window, f->app, f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static AnpaiImportDialog *
open_preview (Fixture    *f,
              const char *text)
{
  AnpaiImportDialog *dialog = _anpai_window_new_import_dialog (f->window);
  GtkStack *stack;

  anpai_import_dialog_load_text (dialog, text);
  stack = GTK_STACK (anpai_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  for (int i = 0; i < 500 && g_str_equal (gtk_stack_get_visible_child_name (stack), "loading"); i++)
    anpai_ui_test_iterate (10);
  return dialog;
}

static guint
count_buttons (GtkWidget *root)
{
  guint n = GTK_IS_BUTTON (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_buttons (child);
  return n;
}

static void
test_preview_and_import (Fixture       *f,
                         gconstpointer  data)
{
  AnpaiImportDialog *dialog = open_preview (f, pasted);
  AnpaiImportPlan *plan = anpai_import_dialog_get_plan (dialog);
  AnpaiProject *project = anpai_window_get_project (f->window);
  AnpaiImportNode *task;
  GtkWidget *title_row, *merge, *popover;
  gint64 plans_before = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan");
  gint64 units_before = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit");

  g_assert_nonnull (plan);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 3);
  title_row = anpai_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "湖西县2026年度依法行政工作要点");
  g_free (anpai_ui_test_save_png (GTK_WIDGET (dialog), "ui-import-preview"));

  /* the short 法制办 is already the 法制办公室 … */
  g_assert_null (anpai_import_plan_find_unit (plan, "县政府法制办"));
  task = anpai_import_node_nth_task (plan->root, 1);
  g_assert_cmpstr (g_ptr_array_index (task->support, 0), ==, "县政府法制办公室");

  /* … and the planner merges 发改局 into its full name, through its row's
   * merge button, whose popover lists the other units when it opens */
  g_assert_nonnull (anpai_import_plan_find_unit (plan, "县发改局"));
  merge = anpai_ui_test_find (anpai_ui_test_find_entry_row (GTK_WIDGET (dialog), "县发改局"), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_true (gtk_widget_get_sensitive (merge));
  gtk_menu_button_popup (GTK_MENU_BUTTON (merge));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (merge)));
  g_assert_null (anpai_ui_test_find (popover, GTK_TYPE_BUTTON, "县发改局"));
  g_assert_cmpuint (count_buttons (popover), ==, plan->units->len - 1);
  g_signal_emit_by_name (anpai_ui_test_find (popover, GTK_TYPE_BUTTON, "县发展和改革局"), "clicked");
  g_assert_null (anpai_import_plan_find_unit (plan, "县发改局"));
  g_assert_cmpstr (g_ptr_array_index (task->support, 1), ==, "县发展和改革局");

  /* … and corrects the units of task 2 */
  task = anpai_import_node_nth_task (plan->root, 2);
  anpai_import_dialog_set_node_units (dialog, task, "县司法局", "", "各乡镇人民政府、县财政局");
  g_assert_nonnull (anpai_import_plan_find_unit (plan, "县财政局"));

  g_assert_true (anpai_import_dialog_import (dialog));
  anpai_ui_test_iterate (50);

  /* one plan more, its tasks and units in the file, as one step */
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, plans_before + 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node n JOIN plan p ON p.id = n.plan_id"
                           " WHERE p.doc_number = '湖政办〔2026〕3号' AND n.kind = 'task'"), ==, 3);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit_alias WHERE name = '县政府法制办'"), ==, 1);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit_alias WHERE name = '县发改局'"), ==, 1);
  g_assert_true (g_str_has_prefix (anpai_project_get_undo_label (project), "Import"));
  /* the new plan is selected in the Plans view */
  g_assert_cmpstr (anpai_plan_get_doc_number (anpai_plans_view_get_selected (f->window->plans_view)),
                   ==, "湖政办〔2026〕3号");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, plans_before);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit"), ==, units_before);
}

static void
test_nothing_to_import (Fixture       *f,
                        gconstpointer  data)
{
  AnpaiImportDialog *dialog = open_preview (f, "   \n\n  ");
  GtkStack *stack = GTK_STACK (anpai_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  gint64 plans_before = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan");

  /* one clear message, and nothing can be imported */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_null (anpai_import_dialog_get_plan (dialog));
  g_assert_false (anpai_import_dialog_import (dialog));
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, plans_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/ui/import/preview-and-import", Fixture, NULL, fixture_set_up,
              test_preview_and_import, fixture_tear_down);
  g_test_add ("/ui/import/nothing-to-import", Fixture, NULL, fixture_set_up,
              test_nothing_to_import, fixture_tear_down);
  return g_test_run ();
}
