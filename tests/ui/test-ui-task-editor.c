/* test-ui-task-editor.c — the task editor on a real project file
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-reschedule.h"
#include "anpai-task-editor.h"
#include "anpai-ui-test-util.h"
#include "anpai-unit-chooser.h"

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  GtkWindow     *window;
  AnpaiTaskEditor *editor;
  gint64         plan, task;
  gint64         sfj, czj, gaj, fzb;
} Fixture;

/* The task's units in @role, in order, as "name,name". */
static char *
units_in_file (Fixture    *f,
               const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (name, ','), '') FROM"
                                          " (SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id"
                                          "  WHERE a.node_id = %" G_GINT64_FORMAT " AND a.role = '%s'"
                                          "  ORDER BY a.position)", f->task, role);

  return anpai_ui_test_sql_text (f->path, "%s", sql);
}

static char *
task_field (Fixture    *f,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM node WHERE id = %" G_GINT64_FORMAT,
                                          column, f->task);

  return anpai_ui_test_sql_text (f->path, "%s", sql);
}

static gint64
ensure_unit (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = anpai_project_ensure_unit (f->project, name, ANPAI_UNIT_KIND_DEPARTMENT, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("anpai-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "青澜市法治政府建设.anpai", NULL);
  f->project = anpai_project_create (f->path, &error);
  g_assert_no_error (error);

  anpai_plan_set_title (plan, "青澜市法治政府建设实施方案（2023—2024年）");
  anpai_plan_set_kind (plan, ANPAI_PLAN_KIND_ACTION_PLAN);
  anpai_plan_set_period_start (plan, "2023-01-01");
  anpai_plan_set_period_end (plan, "2024-12-31");
  f->plan = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  anpai_node_set_label (task, "（一）");
  anpai_node_set_title (task, "待定任务");
  f->task = anpai_project_add_node (f->project, task, f->plan, 0, -1, &error);
  g_assert_no_error (error);

  f->sfj = ensure_unit (f, "市司法局");
  f->czj = ensure_unit (f, "市财政局");
  f->gaj = ensure_unit (f, "市公安局");
  f->fzb = ensure_unit (f, "市政府法制办公室");
  g_assert_true (anpai_project_add_unit_alias (f->project, f->fzb, "市法制办", &error));
  g_assert_no_error (error);
  anpai_project_clear_history (f->project);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->editor = ANPAI_TASK_EDITOR (anpai_task_editor_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_set_default_size (f->window, 560, 800);
  gtk_window_present (f->window);
  anpai_task_editor_set_node (f->editor, f->project, f->task);
  anpai_ui_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (f->window);
  anpai_ui_test_iterate (20);
  g_clear_object (&f->project);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *title)
{
  GtkWidget *widget = anpai_ui_test_find (GTK_WIDGET (f->editor), type, title);

  if (widget == NULL)
    g_error ("No %s “%s” in the editor", g_type_name (type), title ? title : "");
  return widget;
}

/* The first widget of @type under @root whose tooltip is @tooltip. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The target row showing @text in its entry. */
static GtkWidget *
target_row (Fixture    *f,
            const char *text)
{
  GtkWidget *row = anpai_ui_test_find_entry_row (GTK_WIDGET (f->editor), text);

  if (row == NULL)
    g_error ("No target row “%s” in the editor", text);
  return row;
}

static void
apply (GtkWidget  *row,
       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  anpai_ui_test_iterate (20);
}

/* Opens the chooser under the menu button with @tooltip and types @text. */
static AnpaiUnitChooser *
open_chooser (Fixture    *f,
              const char *tooltip,
              const char *text)
{
  GtkWidget *button = find_by_tooltip (GTK_WIDGET (f->editor), GTK_TYPE_MENU_BUTTON, tooltip);
  AnpaiUnitChooser *chooser;

  g_assert_nonnull (button);
  chooser = ANPAI_UNIT_CHOOSER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (button));
  /* What popping it up does: Xvfb has no GdkMonitor to place a popover on. */
  anpai_unit_chooser_reload (chooser);
  gtk_editable_set_text (anpai_unit_chooser_get_entry (chooser), text);
  /* past GtkSearchEntry's delay */
  anpai_ui_test_iterate (300);
  return chooser;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *label;

  if (row == NULL)
    return NULL;
  label = anpai_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, NULL);
  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static void
activate_row (AnpaiUnitChooser *chooser,
              int               index)
{
  GtkListBox *list = anpai_unit_chooser_get_list (chooser);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, index));
  anpai_ui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
}

/* Enter in the search entry */
static void
choose_by_name (Fixture    *f,
                const char *tooltip,
                const char *name)
{
  AnpaiUnitChooser *chooser = open_chooser (f, tooltip, name);

  g_signal_emit_by_name (anpai_unit_chooser_get_entry (chooser), "activate");
  anpai_ui_test_iterate (20);
}

static void
click_in_row (Fixture    *f,
              const char *unit,
              const char *tooltip)
{
  GtkWidget *row = find (f, ADW_TYPE_ACTION_ROW, unit);
  GtkWidget *button = find_by_tooltip (row, GTK_TYPE_BUTTON, tooltip);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  anpai_ui_test_iterate (20);
}

/* The title of the row holding the Remove Lead Unit button */
static const char *
lead_shown (Fixture *f)
{
  GtkWidget *button = find_by_tooltip (GTK_WIDGET (f->editor), GTK_TYPE_BUTTON, "Remove Lead Unit");
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  anpai_ui_test_iterate (20);
}

static void
test_edit_fields (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *title_row, *time_row, *body_view, *other;
  AdwComboRow *status_row;
  GtkSpinButton *spin;
  AnpaiUnitChooser *chooser;
  GtkListBox *list;
  g_autofree char *value = NULL;
  g_autofree char *png = NULL;

  /* Title: applied with Enter or the ✓ button */
  title_row = find (f, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "待定任务");
  apply (title_row, "全面推行行政执法“三项制度”");
  value = task_field (f, "title");
  g_assert_cmpstr (value, ==, "全面推行行政执法“三项制度”");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Title");

  /* Text: saved when typing pauses, without waiting for the focus to move */
  body_view = find (f, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body_view)),
                            "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。", -1);
  g_clear_pointer (&value, g_free);
  value = task_field (f, "body");
  g_assert_cmpstr (value, ==, "");  /* not on every key */
  for (int i = 0; i < 300 && *value == '\0'; i++)
    {
      anpai_ui_test_iterate (10);
      g_free (value);
      value = task_field (f, "body");
    }
  g_assert_cmpstr (value, ==, "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Text");
  /* and at once when the planner moves to another item */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body_view)), "落实三项制度。", -1);
  anpai_task_editor_set_node (f->editor, f->project, 0);
  g_clear_pointer (&value, g_free);
  value = task_field (f, "body");
  g_assert_cmpstr (value, ==, "落实三项制度。");
  undo (f);
  anpai_task_editor_set_node (f->editor, f->project, f->task);
  anpai_ui_test_iterate (20);

  /* Time requirement: what it means shows while typing, against the plan's period */
  time_row = find (f, ADW_TYPE_ENTRY_ROW, "Time Requirement");
  gtk_editable_set_text (GTK_EDITABLE (time_row), "每季度");
  g_assert_nonnull (anpai_ui_test_find (time_row, GTK_TYPE_LABEL, "Every quarter"));
  gtk_editable_set_text (GTK_EDITABLE (time_row), "2024年6月底前");
  g_assert_nonnull (anpai_ui_test_find (time_row, GTK_TYPE_LABEL, "By 2024-06-30"));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Text");  /* not yet saved */
  apply (time_row, "2023年年底前");
  g_assert_nonnull (anpai_ui_test_find (time_row, GTK_TYPE_LABEL, "By 2023-12-31"));
  g_clear_pointer (&value, g_free);
  value = task_field (f, "time_kind || ' ' || time_end || ' ' || time_source || ' ' || time_text");
  g_assert_cmpstr (value, ==, "deadline 2023-12-31 manual 2023年年底前");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Time Requirement");

  /* moved on the timeline: the words stay, the meaning says so; the same
   * words applied again put the date back */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (anpai_project_reschedule_node (f->project, f->task, ANPAI_RESCHEDULE_MOVE, 14, &error));
    g_assert_no_error (error);
    anpai_ui_test_iterate (20);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "2023年年底前");
    g_assert_nonnull (anpai_ui_test_find (time_row, GTK_TYPE_LABEL, "By 2024-01-14 (rescheduled)"));
    apply (time_row, "2023年年底前");
    g_assert_nonnull (anpai_ui_test_find (time_row, GTK_TYPE_LABEL, "By 2023-12-31"));
    g_clear_pointer (&value, g_free);
    value = task_field (f, "time_end || ' ' || rescheduled");
    g_assert_cmpstr (value, ==, "2023-12-31 0");
  }

  /* Lead: an existing unit found by part of its name… */
  chooser = open_chooser (f, "Choose Lead Unit", "司法");
  list = anpai_unit_chooser_get_list (chooser);
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_cmpstr (row_title (list, 0), ==, "市司法局");
  g_assert_cmpstr (row_title (list, 1), ==, "Create “司法”");
  activate_row (chooser, 0);
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "lead");
  g_assert_cmpstr (value, ==, "市司法局");
  g_assert_cmpstr (lead_shown (f), ==, "市司法局");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Lead Unit");

  /* …one found by an alias, with the alias shown; an exact name offers no Create row… */
  chooser = open_chooser (f, "Choose Lead Unit", "市法制");
  g_assert_cmpuint (n_rows (list = anpai_unit_chooser_get_list (chooser)), ==, 2);
  g_assert_cmpstr (row_title (list, 0), ==, "市政府法制办公室");
  g_assert_nonnull (anpai_ui_test_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                        GTK_TYPE_LABEL, "市法制办"));
  gtk_editable_set_text (anpai_unit_chooser_get_entry (chooser), "市财政局");
  anpai_ui_test_iterate (300);
  g_assert_cmpuint (n_rows (list), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (chooser));

  /* …and a new one, added in the same step */
  chooser = open_chooser (f, "Choose Lead Unit", "市数据局");
  list = anpai_unit_chooser_get_list (chooser);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpstr (row_title (list, 0), ==, "Create “市数据局”");
  activate_row (chooser, 0);
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "lead");
  g_assert_cmpstr (value, ==, "市数据局");
  g_clear_pointer (&value, g_free);
  value = anpai_ui_test_sql_text (f->path, "SELECT kind FROM unit WHERE name = '市数据局'");
  g_assert_cmpstr (value, ==, "department");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Add Unit");
  undo (f);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit WHERE name = '市数据局'"), ==, 0);
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "lead");
  g_assert_cmpstr (value, ==, "市司法局");
  g_assert_true (anpai_project_redo (f->project, NULL, NULL));
  anpai_ui_test_iterate (20);
  g_assert_cmpstr (lead_shown (f), ==, "市数据局");

  /* Co-responsible and supporting units: ordered lists */
  choose_by_name (f, "Add Co-responsible Unit", "市财政局");
  choose_by_name (f, "Add Co-responsible Unit", "市公安局");
  choose_by_name (f, "Add Co-responsible Unit", "市司法局");
  choose_by_name (f, "Add Supporting Unit", "市法制办");  /* an alias */
  chooser = open_chooser (f, "Add Supporting Unit", "各县区人民政府");
  activate_row (chooser, n_rows (anpai_unit_chooser_get_list (chooser)) - 1);
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "co");
  g_assert_cmpstr (value, ==, "市财政局,市公安局,市司法局");
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "support");
  g_assert_cmpstr (value, ==, "市政府法制办公室,各县区人民政府");
  g_clear_pointer (&value, g_free);
  value = anpai_ui_test_sql_text (f->path, "SELECT kind FROM unit WHERE name = '各县区人民政府'");
  g_assert_cmpstr (value, ==, "collective");

  click_in_row (f, "市财政局", "Move Down");
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "co");
  g_assert_cmpstr (value, ==, "市公安局,市财政局,市司法局");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Co-responsible Units");
  /* the keyboard stays on the moved unit */
  other = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_is_ancestor (other, find (f, ADW_TYPE_ACTION_ROW, "市财政局")));
  click_in_row (f, "市司法局", "Move Up");
  click_in_row (f, "市公安局", "Remove");
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "co");
  g_assert_cmpstr (value, ==, "市司法局,市财政局");
  click_in_row (f, "各县区人民政府", "Move Up");
  g_clear_pointer (&value, g_free);
  value = units_in_file (f, "support");
  g_assert_cmpstr (value, ==, "各县区人民政府,市政府法制办公室");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Supporting Units");

  /* Status and progress */
  status_row = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "Status"));
  adw_combo_row_set_selected (status_row, ANPAI_STATUS_IN_PROGRESS);
  anpai_ui_test_iterate (20);
  g_clear_pointer (&value, g_free);
  value = task_field (f, "status");
  g_assert_cmpstr (value, ==, "in-progress");
  spin = GTK_SPIN_BUTTON (find (f, GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_set_value (spin, 60);
  anpai_ui_test_iterate (20);
  g_clear_pointer (&value, g_free);
  value = task_field (f, "progress");
  g_assert_cmpstr (value, ==, "60");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Progress");

  /* Targets: typed as written, read like the importer does */
  apply (find (f, ADW_TYPE_ENTRY_ROW, "Add Target"), "群众对执法工作满意度达95%以上");
  apply (find (f, ADW_TYPE_ENTRY_ROW, "Add Target"), "每年至少开展1次执法检查");
  apply (find (f, ADW_TYPE_ENTRY_ROW, "Add Target"), "全面完成");
  g_clear_pointer (&value, g_free);
  value = anpai_ui_test_sql_text (f->path, "SELECT group_concat (comparator || value || measure, ' ') FROM"
                             " (SELECT * FROM target ORDER BY position)");
  g_assert_cmpstr (value, ==, ">=95.0% >=1.0次");  /* the third has no number */
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 3);
  /* each row shows the words, and how they were read */
  g_assert_nonnull (anpai_ui_test_find (target_row (f, "群众对执法工作满意度达95%以上"), GTK_TYPE_LABEL, "≥ 95%"));
  g_assert_nonnull (anpai_ui_test_find (target_row (f, "每年至少开展1次执法检查"), GTK_TYPE_LABEL, "≥ 1 次"));
  /* … which are corrected in place, and read again, the keyboard staying
   * in the row */
  gtk_widget_grab_focus (target_row (f, "每年至少开展1次执法检查"));
  apply (target_row (f, "每年至少开展1次执法检查"), "每年至少开展2次执法检查");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Edit Target");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         target_row (f, "每年至少开展2次执法检查")));
  g_clear_pointer (&value, g_free);
  value = anpai_ui_test_sql_text (f->path, "SELECT text || ' ' || comparator || value || measure FROM target"
                                           " WHERE position = 1");
  g_assert_cmpstr (value, ==, "每年至少开展2次执法检查 >=2.0次");
  g_assert_nonnull (anpai_ui_test_find (target_row (f, "每年至少开展2次执法检查"), GTK_TYPE_LABEL, "≥ 2 次"));
  /* a correction being typed outlives another edit of the task */
  gtk_editable_set_text (GTK_EDITABLE (target_row (f, "每年至少开展2次执法检查")), "每年至少开展3次执法检查");
  gtk_spin_button_set_value (spin, 70);
  anpai_ui_test_iterate (20);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Progress");
  undo (f);
  g_assert_nonnull (target_row (f, "每年至少开展3次执法检查"));
  gtk_editable_set_text (GTK_EDITABLE (target_row (f, "每年至少开展3次执法检查")), "每年至少开展2次执法检查");
  /* emptied, a row keeps its words: its button removes it */
  apply (target_row (f, "全面完成"), "");
  g_assert_nonnull (target_row (f, "全面完成"));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Edit Target");
  g_signal_emit_by_name (find_by_tooltip (target_row (f, "全面完成"), GTK_TYPE_BUTTON, "Remove Target"), "clicked");
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 2);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Delete Target");

  /* the bottom of the page (the focus is on Add Target), then the top */
  g_free (anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-task-editor-units"));
  gtk_window_set_focus (f->window, NULL);
  anpai_ui_test_iterate (50);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (anpai_ui_test_find (find (f, ADW_TYPE_PREFERENCES_PAGE, NULL),
                                                                       GTK_TYPE_SCROLLED_WINDOW, NULL))), 0);
  anpai_ui_test_iterate (50);
  png = anpai_ui_test_save_png (GTK_WIDGET (f->window), "ui-task-editor");
  g_test_message ("screenshot: %s", png);

  /* Undo, step by step: the file and the fields go back */
  undo (f);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 3);
  g_assert_nonnull (target_row (f, "全面完成"));
  undo (f);
  g_assert_nonnull (target_row (f, "每年至少开展1次执法检查"));
  undo (f);
  undo (f);
  undo (f);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM target"), ==, 0);
  undo (f);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT progress FROM node"), ==, 0);
  undo (f);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, ANPAI_STATUS_NOT_STARTED);
  while (anpai_project_can_undo (f->project))
    undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "待定任务");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "");
  g_assert_cmpstr (lead_shown (f), ==, "None");
  g_assert_null (anpai_ui_test_find (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "市财政局"));
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM assignment"), ==, 0);
  g_assert_cmpint (anpai_ui_test_sql_int (f->path, "SELECT count(*) FROM unit"), ==, 4);
  g_clear_pointer (&value, g_free);
  value = task_field (f, "title || '|' || body || '|' || time_kind || '|' || status");
  g_assert_cmpstr (value, ==, "待定任务||none|not-started");
}

/* The editor follows edits made elsewhere and clears itself when its item
 * goes. */
static void
test_follows_project (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AnpaiNode) node = anpai_project_load_node (f->project, f->task, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *title_row = find (f, ADW_TYPE_ENTRY_ROW, "Title");
  GtkWidget *time_row = find (f, ADW_TYPE_ENTRY_ROW, "Time Requirement");
  GtkStack *stack = GTK_STACK (find (f, GTK_TYPE_STACK, NULL));
  gint64 ids[] = { f->gaj };

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");

  /* half-typed text in one field survives a change to another */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "2024年");
  anpai_node_set_title (node, "加强行政复议工作");
  g_assert_true (anpai_project_update_node (f->project, node, &error));
  g_assert_no_error (error);
  anpai_ui_test_iterate (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "加强行政复议工作");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "2024年");

  g_assert_true (anpai_project_set_node_units (f->project, f->task, ANPAI_ROLE_SUPPORT, ids, 1, &error));
  anpai_ui_test_iterate (20);
  g_assert_true (anpai_ui_test_is_shown (find (f, ADW_TYPE_ACTION_ROW, "市公安局")));

  g_assert_true (anpai_project_delete_node (f->project, f->task, &error));
  g_assert_no_error (error);
  anpai_ui_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpint (anpai_task_editor_get_node (f->editor), ==, 0);

  anpai_task_editor_set_node (f->editor, f->project, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiProject) ro = NULL;
  g_autoptr(GError) error = NULL;

  anpai_task_editor_set_node (f->editor, NULL, 0);
  g_clear_object (&f->project);
  ro = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  anpai_task_editor_set_node (f->editor, ro, f->task);
  anpai_ui_test_iterate (20);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "Title"))));
  g_assert_false (gtk_widget_get_visible (find (f, ADW_TYPE_ENTRY_ROW, "Add Target")));
  g_assert_false (gtk_widget_get_visible (find_by_tooltip (GTK_WIDGET (f->editor), GTK_TYPE_MENU_BUTTON,
                                                           "Choose Lead Unit")));
  anpai_task_editor_set_node (f->editor, NULL, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/task-editor/edit-fields", test_edit_fields);
  ADD ("/ui/task-editor/follows-project", test_follows_project);
  ADD ("/ui/task-editor/read-only", test_read_only);
#undef ADD
  return g_test_run ();
}
