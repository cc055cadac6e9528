/* test-ui-units.c — the Units view and the responsibility matrix on the
 * sample project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-sample.h"
#include "anpai-ui-test-util.h"
#include "anpai-unit-edit.h"
#include "anpai-units-view.h"

/* The view in a plain window: the window's own integration is tested with
 * the window; here undo is the project's. */

typedef struct {
  GtkWindow      *window;
  AnpaiUnitsView *view;
  AnpaiProject   *project;
  char           *dir;
  char           *path;
} Fixture;

#define OVERDUE_WHERE \
  " AND n.time_kind <> 'none' AND n.time_end IS NOT NULL" \
  " AND n.time_end < strftime('%%Y-%%m-%%d', 'now', 'localtime')" \
  " AND n.status NOT IN ('done', 'cancelled')"

static gint64
unit_id (Fixture    *f,
         const char *name)
{
  return anpai_ui_test_sql_int (f->path, "SELECT id FROM unit WHERE name = '%s'", name);
}

/* A picture of the window once it is really on screen */
static char *
save_png (Fixture    *f,
          const char *name)
{
  for (int i = 0; i < 100 && !gtk_widget_get_mapped (GTK_WIDGET (f->window)); i++)
    anpai_ui_test_iterate (10);
  anpai_ui_test_iterate (50);
  return anpai_ui_test_save_png (GTK_WIDGET (f->window), name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("anpai-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "青澜市工作安排.anpai", NULL);
  g_assert_true (anpai_sample_create_file (f->path, &error));
  g_assert_no_error (error);
  f->project = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
  f->view = g_object_new (ANPAI_TYPE_UNITS_VIEW, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  anpai_units_view_set_project (f->view, f->project);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (f->window);
  anpai_ui_test_iterate (20);
  anpai_project_close (f->project);
  g_object_unref (f->project);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  static const char * const roles[] = { "lead", "co", "support" };
  gint64 n_units = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit");
  gint64 first, second;
  guint n_tasks[3], n_overdue, busy = 0;
  g_autofree char *png = NULL;

  g_assert_cmpint (n_units, >, 10);
  /* every unit, in the stored order, with the counts SQL finds */
  for (gint64 i = 0; i < n_units; i++)
    {
      gint64 id = anpai_ui_test_sql_int (f->path, "SELECT id FROM unit ORDER BY sort_order, id LIMIT 1 OFFSET %" G_GINT64_FORMAT, i);
      guint overdue = 0;

      g_assert_cmpint (anpai_units_view_get_unit_at (f->view, (guint) i), ==, id);
      g_assert_true (anpai_units_view_get_shown_counts (f->view, id, n_tasks, &n_overdue));
      for (int role = 0; role < 3; role++)
        {
          g_assert_cmpint (n_tasks[role], ==,
                           anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment a JOIN node n ON n.id = a.node_id"
                                       " WHERE n.kind = 'task' AND a.unit_id = %" G_GINT64_FORMAT
                                       " AND a.role = '%s'", id, roles[role]));
          overdue += (guint) anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment a JOIN node n ON n.id = a.node_id"
                                          " WHERE n.kind = 'task' AND a.unit_id = %" G_GINT64_FORMAT
                                          " AND a.role = '%s'" OVERDUE_WHERE, id, roles[role]);
        }
      g_assert_cmpuint (n_overdue, ==, overdue);
      busy += n_tasks[0] > 0;
    }
  g_assert_cmpuint (busy, >, 5);

  /* the first unit is on show */
  first = anpai_units_view_get_unit_at (f->view, 0);
  second = anpai_units_view_get_unit_at (f->view, 1);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, first);
  png = save_png (f, "ui-units-list");

  /* moving down swaps the first two, in the file and the list; the moved
   * unit stays selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "units.move-down", NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_units_view_get_unit_at (f->view, 0), ==, second);
  g_assert_cmpint (anpai_units_view_get_unit_at (f->view, 1), ==, first);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, first);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT id FROM unit ORDER BY sort_order, id LIMIT 1"), ==, second);
  g_assert_true (anpai_project_undo (f->project, NULL, NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_units_view_get_unit_at (f->view, 0), ==, first);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, first);
}

static void
test_rename_merge_undo (Fixture       *f,
                        gconstpointer  data)
{
  gint64 justice = unit_id (f, "市司法局");
  gint64 from = unit_id (f, "市工商联");
  gint64 into = unit_id (f, "市发展改革委");
  gint64 from_tasks = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, from);
  gint64 into_tasks = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, into);
  gint64 both = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment a JOIN assignment b ON b.node_id = a.node_id"
                            " WHERE a.unit_id = %" G_GINT64_FORMAT " AND b.unit_id = %" G_GINT64_FORMAT,
                         from, into);
  GtkWidget *name_row, *merge_button;
  guint n_tasks[3], n_overdue;
  g_autofree char *png = NULL;

  g_assert_cmpint (justice, >, 0);
  g_assert_cmpint (from_tasks, >, 0);
  g_assert_cmpint (both, >, 0);

  /* Rename: the old name stays as a former name, and the page says so */
  g_assert_true (anpai_units_view_select_unit (f->view, justice));
  name_row = anpai_ui_test_find (GTK_WIDGET (f->view), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_true (anpai_ui_test_is_shown (name_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "市司法局");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "青澜市司法局");
  g_signal_emit_by_name (name_row, "apply");
  anpai_ui_test_iterate (20);
  g_assert_cmpint (unit_id (f, "青澜市司法局"), ==, justice);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit_alias WHERE unit_id = %" G_GINT64_FORMAT
                               " AND name = '市司法局' AND reason = 'former-name'", justice), ==, 1);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, justice);
  g_assert_nonnull (anpai_ui_test_find (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, "市司法局"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "青澜市司法局");
  png = save_png (f, "ui-units-unit");

  /* Merge through the chooser: assignments move, the name becomes an alias */
  g_assert_true (anpai_units_view_select_unit (f->view, from));
  merge_button = anpai_ui_test_find (GTK_WIDGET (f->view), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_true (anpai_ui_test_is_shown (merge_button));
  g_signal_emit_by_name (gtk_menu_button_get_popover (GTK_MENU_BUTTON (merge_button)), "chosen", into);
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit WHERE id = %" G_GINT64_FORMAT, from), ==, 0);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, from), ==, 0);
  /* where both were named, one assignment remains */
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, into), ==,
                   into_tasks + from_tasks - both);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit_alias WHERE unit_id = %" G_GINT64_FORMAT
                               " AND name = '市工商联' AND reason = 'merged'", into), ==, 1);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, into);
  g_assert_false (anpai_units_view_get_shown_counts (f->view, from, n_tasks, &n_overdue));
  g_assert_true (anpai_units_view_get_shown_counts (f->view, into, n_tasks, &n_overdue));
  g_assert_cmpint (n_tasks[0] + n_tasks[1] + n_tasks[2], ==,
                   anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment a JOIN node n ON n.id = a.node_id"
                               " WHERE n.kind = 'task' AND a.unit_id = %" G_GINT64_FORMAT, into));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Merge Units");

  /* Undo brings the unit and its assignments back; the selection stays */
  g_assert_true (anpai_project_undo (f->project, NULL, NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, from), ==,
                   from_tasks);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT, into), ==,
                   into_tasks);
  g_assert_true (anpai_units_view_get_shown_counts (f->view, from, n_tasks, &n_overdue));
  g_assert_cmpint (n_tasks[0] + n_tasks[1] + n_tasks[2], ==, from_tasks);
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, into);

  /* …and the rename too: the page of the unit follows */
  g_assert_true (anpai_units_view_select_unit (f->view, justice));
  g_assert_true (anpai_project_undo (f->project, NULL, NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (unit_id (f, "市司法局"), ==, justice);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "市司法局");
  g_assert_cmpint (anpai_units_view_get_selected_unit (f->view), ==, justice);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  static const char * const marks[] = { "Lead", "Co", "Support" };
  AnpaiMatrixView *matrix_view = anpai_units_view_get_matrix_view (f->view);
  const AnpaiMatrix *matrix;
  g_autofree char *tsv = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *png = NULL;
  gint64 plan_id = anpai_ui_test_sql_int (f->path, "SELECT id FROM plan ORDER BY position LIMIT 1");
  gint64 section_id;
  guint n_cells = 0;

  anpai_units_view_show_matrix (f->view, TRUE);
  anpai_matrix_view_show (matrix_view, plan_id, 0);
  anpai_ui_test_iterate (20);
  g_assert_true (anpai_ui_test_is_shown (GTK_WIDGET (matrix_view)));
  matrix = anpai_matrix_view_get_matrix (matrix_view);
  g_assert_nonnull (matrix);
  g_assert_cmpuint (anpai_matrix_get_n_tasks (matrix), ==,
                    anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'task' AND plan_id = %" G_GINT64_FORMAT,
                             plan_id));

  /* each cell shows the role the file gives that unit on that task */
  for (guint i = 0; i < anpai_matrix_get_n_tasks (matrix); i++)
    for (guint j = 0; j < anpai_matrix_get_n_units (matrix); j++)
      {
        gint64 task = anpai_matrix_get_task_id (matrix, i);
        gint64 unit = anpai_matrix_get_unit_id (matrix, j);
        gint64 n = anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE node_id = %" G_GINT64_FORMAT
                               " AND unit_id = %" G_GINT64_FORMAT, task, unit);
        const char *shown = anpai_matrix_view_get_cell_text (matrix_view, i, j);

        if (n == 0)
          {
            g_assert_cmpstr (shown, ==, "");
            continue;
          }
        for (int role = 0; role < 3; role++)
          if (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment WHERE node_id = %" G_GINT64_FORMAT
                          " AND unit_id = %" G_GINT64_FORMAT " AND role = '%s'", task, unit,
                          role == 0 ? "lead" : role == 1 ? "co" : "support") == 1)
            g_assert_cmpstr (shown, ==, marks[role]);
        n_cells++;
      }
  g_assert_cmpuint (n_cells, ==,
                    anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment a JOIN node n ON n.id = a.node_id"
                                " WHERE n.plan_id = %" G_GINT64_FORMAT, plan_id));
  png = save_png (f, "ui-units-matrix");

  /* Copy as Table puts the TSV on the clipboard */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (matrix_view), "matrix.copy", NULL));
  tsv = anpai_matrix_to_tsv (matrix);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (matrix_view)), NULL,
                                 clipboard_read_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, tsv);
  g_assert_true (g_str_has_prefix (copied, "No.\tTask\t"));

  /* one section: its three tasks only */
  section_id = anpai_ui_test_sql_int (f->path, "SELECT id FROM node WHERE plan_id = %" G_GINT64_FORMAT
                           " AND kind = 'section' AND label = '二、'", plan_id);
  anpai_matrix_view_show (matrix_view, plan_id, section_id);
  matrix = anpai_matrix_view_get_matrix (matrix_view);
  g_assert_cmpuint (anpai_matrix_get_n_tasks (matrix), ==, 3);
  g_assert_cmpstr (anpai_matrix_get_task_label (matrix, 0), ==, "4.");

  /* an edit elsewhere is followed, keeping the plan and section */
  {
    gint64 lead = unit_id (f, "市市场监管局");
    gint64 col = -1;

    g_assert_true (anpai_project_rename_unit (f->project, lead, "市市场监督管理局", NULL, NULL));
    matrix = anpai_matrix_view_get_matrix (matrix_view);
    g_assert_cmpuint (anpai_matrix_get_n_tasks (matrix), ==, 3);
    for (guint j = 0; j < anpai_matrix_get_n_units (matrix); j++)
      if (anpai_matrix_get_unit_id (matrix, j) == lead)
        col = j;
    g_assert_cmpint (col, >=, 0);
    g_assert_cmpstr (anpai_matrix_get_unit_name (matrix, (guint) col), ==, "市市场监督管理局");
    g_assert_cmpstr (anpai_matrix_view_get_cell_text (matrix_view, 0, (guint) col), ==, "Lead");
  }
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/ui/units/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/ui/units/rename-merge-undo", Fixture, NULL, fixture_set_up, test_rename_merge_undo, fixture_tear_down);
  g_test_add ("/ui/units/matrix", Fixture, NULL, fixture_set_up, test_matrix, fixture_tear_down);
  return g_test_run ();
}
