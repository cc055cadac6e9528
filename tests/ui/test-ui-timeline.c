/* test-ui-timeline.c — the Timeline view: scrolling, zoom, print, exports
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-edit.h"
#include "anpai-sample.h"
#include "anpai-timeline-view.h"
#include "anpai-ui-test-util.h"

/* The view alone in a window, as the main window will hold it: inside a
 * scrolled window, on plan 1 of the sample project. */

typedef struct {
  AnpaiProject      *project;
  GtkWidget         *window;
  GtkScrolledWindow *scrolled;
  AnpaiTimelineView *view;
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
  f->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  f->view = ANPAI_TIMELINE_VIEW (anpai_timeline_view_new ());
  gtk_scrolled_window_set_child (f->scrolled, GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->scrolled));
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

  g_assert_nonnull (timeline);
  anpai_timeline_get_size (timeline, width, height);
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
  double label_width = anpai_timeline_get_label_width (anpai_timeline_view_get_timeline (f->view));
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

  g_assert_true (anpai_timeline_view_export (f->view, pdf, FALSE, &error));
  g_assert_no_error (error);
  assert_file_starts_with (pdf, "%PDF");
  g_assert_true (anpai_timeline_view_export (f->view, png, TRUE, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG");

  activate (f, "timeline.export-pdf", g_variant_new_string (action_pdf));
  assert_file_starts_with (action_pdf, "%PDF");

  g_assert_true (anpai_timeline_view_print_to_file (f->view, printed, &error));
  g_assert_no_error (error);
  assert_file_starts_with (printed, "%PDF");
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
  g_test_add ("/ui/timeline/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ui/timeline/no-plan", Fixture, NULL, fixture_set_up, test_no_plan, fixture_tear_down);

  return g_test_run ();
}
