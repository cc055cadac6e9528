/* test-ui-timeline.c — the Timeline view: scrolling, zoom, print, exports
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-date.h"
#include "anpai-outline-edit.h"
#include "anpai-sample.h"
#include "anpai-timeline-pane.h"
#include "anpai-ui-test-util.h"

/* The Timeline pane alone in a window, as the main window holds it: the
 * toolbar over the chart in its scrolled window, on plan 1 of the sample
 * project. */

typedef struct {
  AnpaiProject      *project;
  GtkWidget         *window;
  GtkScrolledWindow *scrolled;
  AnpaiTimelinePane *pane;
  AnpaiTimelineView *view;
  gint64             activated;
  char              *dir;
  char              *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("anpai-ui-timeline-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "timeline.anpai", NULL);
  g_assert_true (anpai_sample_create_file (f->path, &error));
  f->project = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  f->pane = ANPAI_TIMELINE_PANE (anpai_timeline_pane_new ());
  f->view = anpai_timeline_pane_get_view (f->pane);
  f->scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->view), GTK_TYPE_SCROLLED_WINDOW));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->pane));
  anpai_timeline_view_set_project (f->view, f->project);
  anpai_timeline_view_set_plan (f->view, 1);
  gtk_window_present (GTK_WINDOW (f->window));
  for (int i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (f->view)) == 0; i++)
    anpai_ui_test_iterate (10);
  anpai_ui_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  anpai_ui_test_iterate (50);
  anpai_project_close (f->project);
  g_object_unref (f->project);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
  anpai_ui_test_iterate (50);
}

static void
chart_size (Fixture *f,
            double  *width,
            double  *height)
{
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (f->view);
  double scale = anpai_timeline_view_get_scale (f->view);

  /* in widget pixels */
  g_assert_nonnull (timeline);
  anpai_timeline_get_size (timeline, width, height);
  *width *= scale;
  *height *= scale;
}

/* The scrolled window's scrollbars span the chart. */
static void
test_scroll (Fixture       *f,
             gconstpointer  data)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (f->scrolled);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (f->scrolled);
  g_autofree char *png = NULL;
  double width, height;

  g_assert_true (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view)) == hadj);
  chart_size (f, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadj), width, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadj), height, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_page_size (hadj),
                                  gtk_widget_get_width (GTK_WIDGET (f->view)), 0.5);

  png = anpai_ui_test_save_png (f->window, "ui-timeline");
  g_test_message ("screenshot: %s", png);

  /* scrolled to the end, the end of the chart shows */
  gtk_adjustment_set_value (hadj, width);
  anpai_ui_test_iterate (20);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadj),
                                  width - gtk_adjustment_get_page_size (hadj), 0.5);
  g_free (anpai_ui_test_save_png (f->window, "ui-timeline-end"));
}

/* Zooming in widens the chart and keeps the date in the middle of the
 * time area where it was; reset goes back. */
static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (f->scrolled);
  double upper = gtk_adjustment_get_upper (hadj);
  double label_width = anpai_timeline_get_label_width (anpai_timeline_view_get_timeline (f->view))
                       * anpai_timeline_view_get_scale (f->view);
  double x = (label_width + gtk_widget_get_width (GTK_WIDGET (f->view))) / 2;
  GDate before, after;

  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_MONTH);
  g_assert_true (anpai_timeline_view_get_date_at (f->view, x, &before));
  g_assert_false (anpai_timeline_view_get_date_at (f->view, 1, &after));

  activate (f, "timeline.zoom-in", NULL);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_WEEK);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, upper);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), >, 0);
  g_assert_true (anpai_timeline_view_get_date_at (f->view, x, &after));
  g_assert_cmpint (g_date_compare (&before, &after), ==, 0);
  /* the most there is: the action is disabled */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-in", NULL);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_WEEK);
  g_free (anpai_ui_test_save_png (f->window, "ui-timeline-week"));

  activate (f, "timeline.zoom-out", NULL);
  activate (f, "timeline.zoom-out", NULL);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_QUARTER);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <, upper);
  activate (f, "timeline.zoom-reset", NULL);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_MONTH);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadj), upper, 0.5);

  /* a pinch: a level each time the fingers spread half as much again,
   * around the point between them */
  g_assert_true (anpai_timeline_view_get_date_at (f->view, x, &before));
  anpai_timeline_view_pinch (f->view, 1, x);
  anpai_timeline_view_pinch (f->view, 1.3, x);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_MONTH);
  anpai_timeline_view_pinch (f->view, 1.6, x);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_WEEK);
  g_assert_true (anpai_timeline_view_get_date_at (f->view, x, &after));
  g_assert_cmpint (g_date_compare (&before, &after), ==, 0);
  anpai_timeline_view_pinch (f->view, 1.05, x);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_MONTH);
  anpai_timeline_view_pinch (f->view, 0.5, x);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_QUARTER);
}

/* An edit of the plan and its undo show at once. */
static void
test_follows_project (Fixture       *f,
                      gconstpointer  data)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (f->scrolled);
  gint64 task = anpai_ui_test_sql_int (f->path, "SELECT id FROM node WHERE plan_id = 1 AND title = '强化涉企司法保护'");
  guint n_rows = anpai_timeline_get_n_rows (anpai_timeline_view_get_timeline (f->view));
  double upper = gtk_adjustment_get_upper (vadj);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (task, >, 0);
  g_assert_true (anpai_outline_delete (f->project, &task, 1, &error));
  g_assert_no_error (error);
  anpai_ui_test_iterate (50);
  g_assert_cmpuint (anpai_timeline_get_n_rows (anpai_timeline_view_get_timeline (f->view)), ==, n_rows - 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), <, upper);

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  anpai_ui_test_iterate (50);
  g_assert_cmpuint (anpai_timeline_get_n_rows (anpai_timeline_view_get_timeline (f->view)), ==, n_rows);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadj), upper, 0.5);
}

/* The first task whose bar can be dragged and is in sight, and a widget
 * point on the bar away from its ends. */
static int
bar_in_sight (Fixture *f,
              double  *x,
              double  *y)
{
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (f->view);
  double label = anpai_timeline_get_label_width (timeline);
  double scale = anpai_timeline_view_get_scale (f->view);
  double width = gtk_widget_get_width (GTK_WIDGET (f->view));
  double height = gtk_widget_get_height (GTK_WIDGET (f->view));

  for (guint i = 0; i < anpai_timeline_get_n_rows (timeline); i++)
    {
      const AnpaiTimelineRow *row = anpai_timeline_get_row (timeline, i);
      GDate end;
      double x0, x1;

      if (row->kind != ANPAI_TIMELINE_ROW_TASK || !anpai_time_spec_can_reschedule (row->time))
        continue;
      end = row->span_end;
      g_date_add_days (&end, 1);
      x0 = label + anpai_timeline_date_to_x (timeline, &row->span_start);
      x1 = label + anpai_timeline_date_to_x (timeline, &end);
      /* the chart's points as the widget's pixels, not scrolled */
      x0 *= scale;
      x1 *= scale;
      *x = row->time->kind == ANPAI_TIME_DEADLINE ? (x0 + x1) / 2 : MIN ((x0 + x1) / 2, width - 40);
      *y = (anpai_timeline_get_row_y (timeline, i) + anpai_timeline_get_row_height (timeline) / 2) * scale;
      if (*x > x0 + 8 && *x < x1 - 8 && *x < width - 20 && *y < height - 20)
        return (int) i;
      if (row->time->kind == ANPAI_TIME_DEADLINE && *x < width - 20 && *y < height - 20)
        return (int) i;
    }
  return -1;
}

static char *
task_time (Fixture *f,
           gint64   node)
{
  g_autofree char *sql = g_strdup_printf ("SELECT time_kind || ' ' || ifnull (time_start, '-') || ' ' ||"
                                          " time_end || ' ' || time_source || ' ' || rescheduled"
                                          " FROM node WHERE id = %" G_GINT64_FORMAT, node);

  return anpai_ui_test_sql_text (f->path, "%s", sql);
}

/* Dragging a bar reschedules its task by whole days, in one undoable step;
 * the press selects the row. */
static void
test_drag (Fixture       *f,
           gconstpointer  data)
{
  double ppd = anpai_timeline_zoom_pixels_per_day (anpai_timeline_view_get_zoom (f->view))
               * anpai_timeline_view_get_scale (f->view);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const AnpaiTimelineRow *row;
  char end[ANPAI_DATE_ISO_LEN];
  GDate moved;
  double x = 0, y = 0;
  int index;
  gint64 node;

  index = bar_in_sight (f, &x, &y);
  g_assert_cmpint (index, >=, 0);
  row = anpai_timeline_get_row (anpai_timeline_view_get_timeline (f->view), (guint) index);
  node = row->node_id;
  moved = row->span_end;
  g_date_add_days (&moved, 10);
  anpai_date_format_iso (&moved, end);
  before = task_time (f, node);

  g_assert_true (anpai_timeline_view_drag_begin (f->view, x, y));
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, node);
  /* nothing is written while the bar moves */
  anpai_timeline_view_drag_update (f->view, 4.6 * ppd);
  anpai_timeline_view_drag_update (f->view, 10.2 * ppd);
  anpai_ui_test_iterate (20);
  after = task_time (f, node);
  g_assert_cmpstr (after, ==, before);
  g_free (anpai_ui_test_save_png (f->window, "ui-timeline-drag"));
  anpai_timeline_view_drag_end (f->view);
  anpai_ui_test_iterate (50);

  g_clear_pointer (&after, g_free);
  after = task_time (f, node);
  g_test_message ("%s → %s", before, after);
  g_assert_true (g_str_has_suffix (after, " manual 1"));
  g_assert_nonnull (strstr (after, end));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Reschedule Task");
  /* the chart follows, and keeps the selection */
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, node);
  row = anpai_timeline_get_row (anpai_timeline_view_get_timeline (f->view), (guint) index);
  g_assert_cmpint (g_date_compare (&row->span_end, &moved), ==, 0);

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  undone = task_time (f, node);
  g_assert_cmpstr (undone, ==, before);

  /* a drag let go where it began changes nothing; nor does one begun
   * on a heading or in the label columns */
  g_assert_true (anpai_timeline_view_drag_begin (f->view, x, y));
  anpai_timeline_view_drag_update (f->view, 0.3 * ppd);
  anpai_timeline_view_drag_end (f->view);
  g_assert_true (anpai_project_can_redo (f->project));
  g_assert_false (anpai_timeline_view_drag_begin (f->view, 20, y));
  g_assert_false (anpai_timeline_view_drag_begin (f->view, x, 5));
}

/* The view's own gestures, as the pointer drives them: a press selects
 * the row under it; a drag of a bar reschedules its task. The signals are
 * emitted on the view's controllers, as GTK does for a real pointer. */
static GtkEventController *
view_controller (Fixture *f,
                 GType    type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the view holds it */
    }
  g_error ("No %s on the view", g_type_name (type));
}

static void
test_gestures (Fixture       *f,
               gconstpointer  data)
{
  double ppd = anpai_timeline_zoom_pixels_per_day (anpai_timeline_view_get_zoom (f->view))
               * anpai_timeline_view_get_scale (f->view);
  GtkEventController *click = view_controller (f, GTK_TYPE_GESTURE_CLICK);
  GtkEventController *drag = view_controller (f, GTK_TYPE_GESTURE_DRAG);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const AnpaiTimelineRow *row;
  double x = 0, y = 0;
  int index = bar_in_sight (f, &x, &y);
  gint64 node;

  g_assert_cmpint (index, >=, 0);
  row = anpai_timeline_get_row (anpai_timeline_view_get_timeline (f->view), (guint) index);
  node = row->node_id;
  before = task_time (f, node);

  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), !=, node);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, node);

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 7.4 * ppd, 3.0);
  anpai_ui_test_iterate (20);
  after = task_time (f, node);
  g_assert_cmpstr (after, ==, before);
  g_signal_emit_by_name (drag, "drag-end", 7.4 * ppd, 3.0);
  anpai_ui_test_iterate (50);
  g_clear_pointer (&after, g_free);
  after = task_time (f, node);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (g_str_has_suffix (after, " manual 1"));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Reschedule Task");
}

/* The tooltip gives the whole task: its text, time requirement with what
 * it means, units and status; none over the header. */
static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (f->view);
  const AnpaiTimelineRow *row;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  double x = 0, y = 0;
  int index = bar_in_sight (f, &x, &y);

  g_assert_cmpint (index, >=, 0);
  row = anpai_timeline_get_row (timeline, (guint) index);
  text = anpai_timeline_view_dup_tooltip (f->view, 30, y);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, row->label));
  g_assert_nonnull (strstr (text, row->title));
  g_assert_nonnull (strstr (text, "Time requirement: "));
  g_assert_nonnull (strstr (text, row->time->text));
  g_assert_nonnull (strstr (text, "Lead unit: "));
  g_assert_nonnull (strstr (text, row->lead));
  g_assert_nonnull (strstr (text, "Status: "));
  g_assert_nonnull (strstr (text, anpai_status_get_label (row->status)));
  none = anpai_timeline_view_dup_tooltip (f->view, x, 5);
  g_assert_null (none);
}

static void
activated_cb (AnpaiTimelineView *view,
              gint64             node_id,
              Fixture           *f)
{
  f->activated = node_id;
}

/* The arrow keys' actions move the selection and scroll to it; Enter
 * asks for the task. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (f->scrolled);
  AnpaiTimeline *timeline;
  guint n;

  /* the sample's longer plan, taller than the window */
  anpai_timeline_view_set_plan (f->view, 2);
  anpai_ui_test_iterate (20);
  timeline = anpai_timeline_view_get_timeline (f->view);
  n = anpai_timeline_get_n_rows (timeline);
  g_assert_cmpuint (n, >, 30);
  g_signal_connect (f->view, "task-activated", G_CALLBACK (activated_cb), f);
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", 1));
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, anpai_timeline_get_row (timeline, 0)->node_id);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", 1);
  g_assert_cmpint (anpai_timeline_view_get_selected (f->view), ==, anpai_timeline_get_row (timeline, 1)->node_id);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", -1);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, 0);
  /* the last row, scrolled into sight; the first again */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", 3);
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, (int) n - 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj),
                                  gtk_adjustment_get_upper (vadj), 0.5);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", 1);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, (int) n - 1);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", -2);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), <, (int) n - 5);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.move-selection", "i", -3);
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);

  g_assert_true (anpai_timeline_view_select_node (f->view, anpai_timeline_get_row (timeline, 2)->node_id));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.activate-selected", NULL);
  g_assert_cmpint (f->activated, ==, anpai_timeline_get_row (timeline, 2)->node_id);
  g_assert_false (anpai_timeline_view_select_node (f->view, 999999));
}

/* Colour and grouping from the menu, kept in the settings; the desktop's
 * dark style reaches the chart. */
static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *group = NULL;
  AnpaiTimeline *timeline;

  activate (f, "timeline.group-by", g_variant_new_string ("unit"));
  g_assert_cmpint (anpai_timeline_view_get_group_by (f->view), ==, ANPAI_TIMELINE_GROUP_BY_UNIT);
  timeline = anpai_timeline_view_get_timeline (f->view);
  g_assert_cmpint (anpai_timeline_get_row (timeline, 0)->kind, ==, ANPAI_TIMELINE_ROW_LANE);
  group = g_settings_get_string (settings, "timeline-group-by");
  g_assert_cmpstr (group, ==, "unit");
  activate (f, "timeline.color-by", g_variant_new_string ("unit"));
  g_assert_cmpint (anpai_timeline_view_get_color_by (f->view), ==, ANPAI_TIMELINE_COLOR_BY_UNIT);
  g_free (anpai_ui_test_save_png (f->window, "ui-timeline-lanes"));

  /* the settings drive it too */
  g_settings_set_string (settings, "timeline-group-by", "outline");
  g_settings_set_string (settings, "timeline-color-by", "status");
  anpai_ui_test_iterate (20);
  g_assert_cmpint (anpai_timeline_view_get_group_by (f->view), ==, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  g_assert_cmpint (anpai_timeline_view_get_color_by (f->view), ==, ANPAI_TIMELINE_COLOR_BY_STATUS);
  timeline = anpai_timeline_view_get_timeline (f->view);
  g_assert_cmpint (anpai_timeline_get_row (timeline, 0)->kind, ==, ANPAI_TIMELINE_ROW_SECTION);

  g_assert_cmpint (anpai_timeline_get_scheme (timeline), ==, ANPAI_TIMELINE_SCHEME_LIGHT);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  anpai_ui_test_iterate (50);
  g_assert_cmpint (anpai_timeline_get_scheme (anpai_timeline_view_get_timeline (f->view)), ==,
                   ANPAI_TIMELINE_SCHEME_DARK);
  g_free (anpai_ui_test_save_png (f->window, "ui-timeline-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  anpai_ui_test_iterate (50);
  g_assert_cmpint (anpai_timeline_get_scheme (anpai_timeline_view_get_timeline (f->view)), ==,
                   ANPAI_TIMELINE_SCHEME_LIGHT);
}

static void
assert_file_starts_with (const char *path,
                         const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

/* The pages of a PDF cairo wrote: its /Type /Page objects. */
static guint
count_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  static const char key[] = "/Type /Page";

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* the streams hold NUL bytes: not a string search */
  for (gsize i = 0; i + sizeof key < length; i++)
    if (memcmp (contents + i, key, sizeof key - 1) == 0 && contents[i + sizeof key - 1] != 's')
      n++;
  return n;
}

/* Exports through the view, and the print operation's pages to a file. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *action_pdf = g_build_filename (f->dir, "action.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_timeline_view_export (f->view, pdf, FALSE, ANPAI_PAPER_A3, &error));
  g_assert_no_error (error);
  assert_file_starts_with (pdf, "%PDF");
  g_assert_true (anpai_timeline_view_export (f->view, png, TRUE, ANPAI_PAPER_A4, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG");

  activate (f, "timeline.export-pdf", g_variant_new_string (action_pdf));
  assert_file_starts_with (action_pdf, "%PDF");

  g_assert_true (anpai_timeline_view_print_to_file (f->view, printed, &error));
  g_assert_no_error (error);
  assert_file_starts_with (printed, "%PDF");
  g_assert_cmpuint (count_pages (printed), ==, 1);

  /* the print dialog's Timeline tab: two pages across; a span of time */
  anpai_timeline_view_set_print_layout (f->view, 2, NULL, NULL);
  g_assert_true (anpai_timeline_view_print_to_file (f->view, printed, &error));
  g_assert_cmpuint (count_pages (printed), ==, 2);
  /* an exported PDF has the same pages */
  g_assert_true (anpai_timeline_view_export (f->view, pdf, FALSE, ANPAI_PAPER_A4, &error));
  g_assert_cmpuint (count_pages (pdf), ==, 2);
  anpai_timeline_view_set_print_layout (f->view, 3, "2025-01-01", "2025-01-02");
  g_assert_true (anpai_timeline_view_print_to_file (f->view, printed, &error));
  /* no more pages across than days */
  g_assert_cmpuint (count_pages (printed), ==, 2);
  /* a span that ends before it starts prints the whole period */
  anpai_timeline_view_set_print_layout (f->view, 1, "2025-06-01", "2025-01-01");
  g_assert_true (anpai_timeline_view_print_to_file (f->view, printed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (printed), ==, 1);
}

/* Without a plan there is nothing to print or export. */
static void
test_no_plan (Fixture       *f,
              gconstpointer  data)
{
  anpai_timeline_view_set_plan (f->view, 0);
  anpai_ui_test_iterate (20);
  g_assert_null (anpai_timeline_view_get_timeline (f->view));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-in", NULL);
  g_assert_cmpint (anpai_timeline_view_get_zoom (f->view), ==, ANPAI_TIMELINE_ZOOM_MONTH);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (f->scrolled)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/timeline/scroll", Fixture, NULL, fixture_set_up, test_scroll, fixture_tear_down);
  g_test_add ("/ui/timeline/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/ui/timeline/follows-project", Fixture, NULL, fixture_set_up, test_follows_project, fixture_tear_down);
  g_test_add ("/ui/timeline/drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/ui/timeline/gestures", Fixture, NULL, fixture_set_up, test_gestures, fixture_tear_down);
  g_test_add ("/ui/timeline/tooltip", Fixture, NULL, fixture_set_up, test_tooltip, fixture_tear_down);
  g_test_add ("/ui/timeline/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/ui/timeline/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/ui/timeline/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ui/timeline/no-plan", Fixture, NULL, fixture_set_up, test_no_plan, fixture_tear_down);

  return g_test_run ();
}
