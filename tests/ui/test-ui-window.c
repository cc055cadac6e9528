/* test-ui-window.c — the window on a real project, driven through its actions
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-application.h"
#include "anpai-sample.h"
#include "anpai-ui-test-util.h"
#include "anpai-tree-rows.h"
#include "anpai-units-view.h"
#include "anpai-window-private.h"

typedef struct {
  AnpaiApplication *app;
  AnpaiWindow      *window;
  char             *dir;
  char             *path;
  gboolean          opened;
} Fixture;

static void
project_notify_cb (AnpaiWindow *window,
                   GParamSpec  *pspec,
                   Fixture     *f)
{
  f->opened = anpai_window_get_project (window) != NULL;
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

  f->app = anpai_application_new ();
  g_application_set_flags (G_APPLICATION (f->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = anpai_window_new (f->app);
  g_signal_connect (f->window, "notify::project", G_CALLBACK (project_notify_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  anpai_ui_test_iterate (50);
  g_object_unref (f->app);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
open_and_wait (Fixture  *f,
               gboolean  read_only)
{
  f->opened = FALSE;
  anpai_window_open (f->window, f->path, read_only);
  anpai_ui_test_wait (&f->opened);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  anpai_ui_test_iterate (20);
}

static void
test_opens_sample (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *plans;
  g_autofree char *png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height, distinct = 0;
  guint32 first = 0;

  open_and_wait (f, FALSE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "青澜市工作安排");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "project");
  g_assert_false (gtk_revealer_get_reveal_child (f->window->banner_revealer));

  plans = anpai_project_get_plans (anpai_window_get_project (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  /* the first plan is selected and its fields shown */
  {
    GtkWidget *title_row = anpai_ui_test_find (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Title");

    g_assert_true (anpai_ui_test_is_shown (title_row));
    g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (title_row)), "青澜市"));
  }

  /* what the user sees: a real picture with content, not a blank */
  png = anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-window-plans");
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >=, 800);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int i = 0; i < width * height; i += 97)
    {
      guint32 px;

      memcpy (&px, pixels + (gsize) i * 4, 4);
      if (i == 0)
        first = px;
      else if (px != first)
        distinct++;
    }
  g_assert_cmpint (distinct, >, 100);
}

static void
test_edit_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  AnpaiProject *project;
  GtkWidget *title_row;

  open_and_wait (f, FALSE);
  project = anpai_window_get_project (f->window);

  /* Add Plan: a third plan, in the file at once, selected */
  activate (f, "win.add-plan");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 3);
  g_assert_cmpstr (anpai_project_get_undo_label (project), ==, "Add Plan");

  /* Editing a field is one step, named after what it does */
  title_row = anpai_ui_test_find (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "青澜市2027年度工作要点");
  g_signal_emit_by_name (title_row, "apply");
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan WHERE title = '青澜市2027年度工作要点'"), ==, 1);
  g_assert_cmpstr (anpai_project_get_undo_label (project), ==, "Rename Plan");

  /* A bad date is refused: nothing stored, the field shows the stored value */
  {
    GtkWidget *end_row = anpai_ui_test_find (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Period End");
    g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (end_row)));

    gtk_editable_set_text (GTK_EDITABLE (end_row), "2020年1月1日");
    g_signal_emit_by_name (end_row, "apply");
    anpai_ui_test_iterate (20);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, before);
    g_assert_cmpstr (anpai_project_get_undo_label (project), ==, "Rename Plan");

    /* …and a good one typed the Chinese way is stored as ISO */
    gtk_editable_set_text (GTK_EDITABLE (end_row), "2027年6月30日");
    g_signal_emit_by_name (end_row, "apply");
    anpai_ui_test_iterate (20);
    g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan WHERE period_end = '2027-06-30'"), ==, 1);
  }

  activate (f, "win.undo");
  activate (f, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "New Plan");
  activate (f, "win.undo");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 2);
  activate (f, "win.redo");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 3);

  /* Delete from the editor, undo from the toast's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->plans_view), "plans.delete", NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 2);
  activate (f, "win.undo");
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 3);
}

static void
test_close_and_recent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  g_autofree char *canonical = g_canonicalize_filename (f->path, NULL);
  GtkWidget *row;

  open_and_wait (f, FALSE);
  activate (f, "win.close-project");
  g_assert_null (anpai_window_get_project (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "start");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Anpai");

  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, canonical);

  /* the start page lists it; activating the row opens it again */
  anpai_ui_test_iterate (50);
  row = anpai_ui_test_find (GTK_WIDGET (f->window->start_page), ADW_TYPE_ACTION_ROW, "青澜市工作安排");
  g_assert_true (anpai_ui_test_is_shown (row));
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-window-start"));
  f->opened = FALSE;
  g_signal_emit_by_name (row, "activate");
  anpai_ui_test_wait (&f->opened);
  g_assert_cmpstr (anpai_project_get_path (anpai_window_get_project (f->window)), ==, canonical);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  AnpaiProject *project;

  open_and_wait (f, TRUE);
  project = anpai_window_get_project (f->window);
  g_assert_true (anpai_project_get_read_only (project));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->banner_revealer));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (f->window)), "(Read-Only)"));
  /* no edit can start: the Add button is there but its action is off */
  g_assert_false (gtk_widget_get_visible (f->window->history_box));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-plan", NULL);
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM plan"), ==, 2);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-window-read-only"));
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Another process edits the file: the window says so and offers read-only. */
static void
test_locked_offers_read_only (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GtkWindow *dialog = NULL;

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("ANPAI_TEST_HELPER"), "hold", f->path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "ready");

  anpai_window_open (f->window, f->path, FALSE);
  for (int i = 0; i < 200 && (dialog = find_dialog ()) == NULL; i++)
    anpai_ui_test_iterate (10);
  g_assert_nonnull (dialog);
  g_assert_null (anpai_window_get_project (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Open Project");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "read-only"));

  f->opened = FALSE;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  gtk_window_destroy (dialog);
  anpai_ui_test_wait (&f->opened);
  g_assert_true (anpai_project_get_read_only (anpai_window_get_project (f->window)));

  g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, NULL);
  g_subprocess_wait (holder, NULL, NULL);
}

static void
test_foreign_file_message (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "通知.anpai", NULL);
  GtkWindow *dialog = NULL;

  g_file_set_contents (text, "关于印发《工作安排》的通知", -1, NULL);
  anpai_window_open (f->window, text, FALSE);
  for (int i = 0; i < 200 && (dialog = find_dialog ()) == NULL; i++)
    anpai_ui_test_iterate (10);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "is not an Anpai project"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "read-only"));
  gtk_window_destroy (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "start");
}

/* The chart shows the rows the Tasks view shows, in its order. */
static void
chart_and_tree_agree (Fixture *f)
{
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (f->window->timeline_view);
  GListModel *rows = G_LIST_MODEL (anpai_outline_view_get_rows (f->window->outline_view));

  g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, g_list_model_get_n_items (rows));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_assert_cmpint (anpai_timeline_get_row (timeline, i)->node_id, ==, anpai_tree_rows_get_node_id (rows, i));
}

/* One selection across Tasks and Timeline: the chart opens on the task
 * selected in the outline, and Enter there brings the task back up in
 * the Tasks view, on its plan. */
static void
test_timeline_and_tasks (Fixture       *f,
                         gconstpointer  data)
{
  gint64 first = 0, other = 0, second = 0;
  g_autoptr(GArray) selected = NULL;
  guint n;

  open_and_wait (f, FALSE);
  first = anpai_ui_test_sql_int (f->path, "SELECT id FROM node WHERE plan_id = 1 AND kind = 'task'"
                                          " ORDER BY id LIMIT 1");
  other = anpai_ui_test_sql_int (f->path, "SELECT id FROM node WHERE plan_id = 2 AND kind = 'task'"
                                          " ORDER BY id LIMIT 1 OFFSET 3");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (other, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "outline"));
  anpai_outline_view_set_plan (f->window->outline_view, 1);
  anpai_ui_test_iterate (20);
  g_assert_true (anpai_outline_view_select_node (f->window->outline_view, first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "timeline"));
  anpai_ui_test_iterate (50);
  g_assert_cmpint (anpai_timeline_view_get_plan_id (f->window->timeline_view), ==, 1);
  g_assert_cmpint (anpai_timeline_view_get_selected (f->window->timeline_view), ==, first);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-window-timeline"));

  /* the same rows: the sections open in the Tasks view are open here, and
   * opening or closing one here does it there */
  chart_and_tree_agree (f);
  second = anpai_ui_test_sql_int (f->path, "SELECT id FROM node WHERE plan_id = 1 AND kind = 'section'"
                                           " ORDER BY position DESC LIMIT 1");
  g_assert_true (anpai_timeline_view_select_node (f->window->timeline_view, second));
  n = anpai_outline_view_get_n_visible (f->window->outline_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->timeline_view), "chart.expand", "b", TRUE));
  anpai_ui_test_iterate (20);
  g_assert_cmpuint (anpai_outline_view_get_n_visible (f->window->outline_view), >, n);
  chart_and_tree_agree (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->timeline_pane), "timeline.collapse-all", NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpuint (anpai_timeline_get_n_rows (anpai_timeline_view_get_timeline (f->window->timeline_view)), ==, 2);
  chart_and_tree_agree (f);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-window-timeline-collapsed"));

  /* one selection: chosen here, it is the Tasks view's; and back */
  g_assert_true (anpai_timeline_view_select_node (f->window->timeline_view, second));
  g_clear_pointer (&selected, g_array_unref);
  selected = anpai_outline_view_get_selected (f->window->outline_view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->timeline_pane), "timeline.expand-all", NULL));
  anpai_ui_test_iterate (20);
  chart_and_tree_agree (f);
  g_assert_true (anpai_outline_view_select_node (f->window->outline_view, first));
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_timeline_view_get_selected (f->window->timeline_view), ==, first);
  g_clear_pointer (&selected, g_array_unref);

  /* a task of the other plan, opened from the chart */
  anpai_timeline_view_set_plan (f->window->timeline_view, 2);
  g_assert_true (anpai_timeline_view_select_node (f->window->timeline_view, other));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->timeline_view), "chart.activate-selected", NULL));
  anpai_ui_test_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "outline");
  g_assert_cmpint (anpai_outline_view_get_plan_id (f->window->outline_view), ==, 2);
  selected = anpai_outline_view_get_selected (f->window->outline_view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, other);
}

static void
test_accels (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "win.new-project", "<Control>n" },
    { "win.open-project", "<Control>o" },
    { "win.save-copy", "<Shift><Control>s" },
    { "win.close-project", "<Control>w" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "app.help", "F1" },
    { "app.quit", "<Control>q" },
    /* GtkApplication's own, from gtk/help-overlay.ui in our resources */
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                    expected[i].action);

      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
    }
}

/* The matrix's headings, seen as a planner comes to them from the Tasks
 * view: their row is as tall as the tallest heading wrapped at its
 * column's width. It once left a gap above them as tall as a heading of
 * one character a line. */
static void
test_matrix_headings (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *heading, *headings;
  int tallest = 0;

  open_and_wait (f, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "outline"));
  anpai_ui_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "units"));
  anpai_units_view_show_matrix (f->window->units_view, TRUE);
  anpai_ui_test_iterate (100);

  heading = anpai_ui_test_find (GTK_WIDGET (anpai_units_view_get_matrix_view (f->window->units_view)),
                                GTK_TYPE_LABEL, "各县（市、区）人民政府");
  g_assert_nonnull (heading);
  g_assert_true (anpai_ui_test_is_shown (heading));
  headings = gtk_widget_get_parent (heading);
  for (GtkWidget *cell = gtk_widget_get_first_child (headings); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      int height;

      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (cell), NULL, &height, NULL, NULL);
      tallest = MAX (tallest, height);
    }
  g_assert_cmpint (tallest, >, 0);
  /* not clipped either */
  g_assert_cmpint (gtk_widget_get_height (heading), >=, tallest - 1);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_ancestor (heading, GTK_TYPE_SCROLLED_WINDOW)), <=,
                   tallest + gtk_widget_get_margin_top (headings) + gtk_widget_get_margin_bottom (headings));
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/opens-sample", test_opens_sample);
  ADD ("/ui/window/edit-undo-redo", test_edit_undo_redo);
  ADD ("/ui/window/close-and-recent", test_close_and_recent);
  ADD ("/ui/window/read-only", test_read_only);
  ADD ("/ui/window/locked-offers-read-only", test_locked_offers_read_only);
  ADD ("/ui/window/foreign-file-message", test_foreign_file_message);
  ADD ("/ui/window/timeline-and-tasks", test_timeline_and_tasks);
  ADD ("/ui/window/accels", test_accels);
  ADD ("/ui/window/matrix-headings", test_matrix_headings);
#undef ADD
  return g_test_run ();
}
