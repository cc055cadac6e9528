/* bench-timeline.c — the Timeline view on a 20,000-task plan
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "anpai-application.h"
#include "anpai-timeline-pane.h"
#include "bench-util.h"

/* The Timeline issue's figures: with 20,000 tasks, the chart's first draw
 * (≤ 50 ms), and the frames of scrolling and zooming (≤ 16 ms each), with
 * the cairo renderer under Xvfb; a 1,000-task A3 PDF (≤ 2 s). A frame is
 * timed from the frame clock's before-paint to the end of its after-paint:
 * layout, snapshot and rendering, not the wait for the next vblank. */

#define N_SECTIONS  100
#define PER_SECTION 200
#define REPEATS (g_getenv ("REPEATS") ? atoi (g_getenv ("REPEATS")) : 5)

static gint64 frame_start;
static gint64 frame_end;  /* when the last frame was painted */
static gint64 first_frame_end;  /* when the first frame since zeroed was */
static GArray *frames;   /* of double, ms; NULL: not recording */

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  double ms;

  frame_end = g_get_monotonic_time ();
  if (first_frame_end == 0)
    first_frame_end = frame_end;
  ms = (frame_end - frame_start) / 1000.0;
  if (frames != NULL && frame_start != 0)
    g_array_append_val (frames, ms);
  frame_start = 0;
}

static void
settle (GtkWidget *widget)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
}

/* Times, plans and leads varied as in a five-year outline. */
static gint64
add_plan (AnpaiProject *project,
          GArray       *units,
          const char   *title,
          int           n_sections,
          int           per_section)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id;
  GDate start, end;

  g_date_set_dmy (&start, 1, 1, 2021);
  g_date_set_dmy (&end, 31, 12, 2025);
  anpai_plan_set_title (plan, title);
  anpai_plan_set_period_start (plan, "2021-01-01");
  anpai_plan_set_period_end (plan, "2025-12-31");
  plan_id = anpai_project_add_plan (project, plan, &error);
  g_assert_no_error (error);
  for (int s = 0; s < n_sections; s++)
    {
      g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
      gint64 section_id;

      anpai_node_set_title (section, "深化“放管服”改革，优化营商环境");
      section_id = anpai_project_add_node (project, section, plan_id, 0, -1, &error);
      g_assert_no_error (error);
      for (int t = 0; t < per_section; t++)
        {
          static const char * const times[] = {
            "2023年年底前", "2022年6月至9月", "2024年起", "整个期间内", "每年第一季度", "2021年6月底前",
          };
          g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
          g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_parse (times[(s + t) % G_N_ELEMENTS (times)],
                                                                 &start, &end);
          gint64 id, lead = g_array_index (units, gint64, (s * per_section + t) % units->len);

          anpai_node_set_title (task, "全面推行证明事项告知承诺制，落实并拓宽轻微违法行为免罚清单");
          anpai_node_set_time (task, time);
          id = anpai_project_add_node (project, task, plan_id, section_id, -1, &error);
          anpai_project_set_node_units (project, id, ANPAI_ROLE_LEAD, &lead, 1, &error);
          g_assert_no_error (error);
        }
    }
  return plan_id;
}

static AnpaiProject *
make_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  AnpaiProject *project = anpai_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (anpai_project_begin (project, "bench", &error));
  for (int u = 0; u < 300; u++)
    {
      g_autofree char *name = g_strdup_printf ("市第%d局", u + 1);
      gint64 id = anpai_project_ensure_unit (project, name, ANPAI_UNIT_KIND_DEPARTMENT, &error);

      g_array_append_val (units, id);
    }
  add_plan (project, units, "基准市国民经济和社会发展第十四个五年规划纲要", N_SECTIONS, PER_SECTION);
  add_plan (project, units, "基准市法治政府建设实施方案（2021—2025年）", 5, 200);
  g_assert_true (anpai_project_commit (project, &error));
  anpai_project_clear_history (project);
  return project;
}

static double
percentile (GArray *samples,
            double  p)
{
  bench_median (samples);  /* sorts */
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (p * samples->len)));
}

static void
report_frames (const char *what,
               GArray     *samples)
{
  printf ("%-34s: median %5.1f ms, 95th %5.1f ms, worst %5.1f ms   (%u frames; goal ≤ 16 ms)\n", what,
          bench_median (samples), percentile (samples, 0.95), percentile (samples, 1.0), samples->len);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) vscroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hscroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);
  /* a file named on the command line is made once and kept */
  g_autofree char *path = argc > 1 ? g_strdup (argv[1]) : g_build_filename (dir, "timeline.anpai", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  AnpaiTimelineOptions options = ANPAI_TIMELINE_OPTIONS_INIT;
  AnpaiTimelineView *view;
  GtkAdjustment *vadj, *hadj;
  GdkFrameClock *clock;
  GtkWidget *window;
  gint64 t0;
  double ms;

  gtk_init ();
  adw_init ();
  anpai_application_register_resources ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      project = make_project (path);
      anpai_project_close (project);
      g_clear_object (&project);
    }
  /* as a planner has it: opened from the file */
  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* the core alone: reading the plan and laying out its rows */
  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(AnpaiTimeline) timeline = NULL;

      t0 = g_get_monotonic_time ();
      timeline = anpai_timeline_new (project, 1, &options, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (build_ms, ms);
      g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, N_SECTIONS * (PER_SECTION + 1));
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), anpai_timeline_pane_new ());
  view = anpai_timeline_pane_get_view (ANPAI_TIMELINE_PANE (gtk_window_get_child (GTK_WINDOW (window))));
  gtk_window_present (GTK_WINDOW (window));
  anpai_timeline_view_set_project (view, project);
  anpai_timeline_view_set_plan (view, 2);
  settle (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  /* the first draw: the plan chosen to its chart on screen, coming from
   * another plan's chart */
  for (int r = 0; r < REPEATS; r++)
    {
      anpai_timeline_view_set_plan (view, 2);
      settle (window);
      frames = first_frames;
      t0 = g_get_monotonic_time ();
      first_frame_end = 0;
      anpai_timeline_view_set_plan (view, 1);
      settle (window);
      /* to the end of the first frame: choosing the plan builds the
       * chart and queues the view's draw before it returns, so that frame
       * paints it. Later frames in settle() are not the chart's (the
       * scrollbars' fade, the old chart freed when idle). */
      ms = (first_frame_end - t0) / 1000.0;
      frames = NULL;
      g_array_append_val (first_ms, ms);
    }

  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  frames = vscroll;
  for (int i = 0; i < 120; i++)
    {
      /* half a page at a time, through the middle of the plan */
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) * 0.4 + i * gtk_adjustment_get_page_size (vadj) / 2);
      settle (window);
    }
  frames = hscroll;
  for (int i = 0; i < 60; i++)
    {
      gtk_adjustment_set_value (hadj, i * gtk_adjustment_get_page_size (hadj) / 4);
      settle (window);
    }
  frames = zoom;
  for (int i = 0; i < 40; i++)
    {
      static const AnpaiTimelineZoom cycle[] = {
        ANPAI_TIMELINE_ZOOM_WEEK, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_ZOOM_QUARTER,
        ANPAI_TIMELINE_ZOOM_YEAR, ANPAI_TIMELINE_ZOOM_QUARTER, ANPAI_TIMELINE_ZOOM_MONTH,
      };

      anpai_timeline_view_set_zoom (view, cycle[i % G_N_ELEMENTS (cycle)]);
      settle (window);
    }
  frames = NULL;
  gtk_window_destroy (GTK_WINDOW (window));

  /* the 1,000-task plan on A3 */
  {
    g_autoptr(AnpaiTimeline) timeline = anpai_timeline_new (project, 2, &options, &error);

    g_assert_no_error (error);
    t0 = g_get_monotonic_time ();
    g_assert_true (anpai_timeline_export_pdf (timeline, ANPAI_PAPER_A3, 1, pdf, &error));
    g_assert_no_error (error);
    ms = (g_get_monotonic_time () - t0) / 1000.0;
    printf ("1,000-task plan as A3 PDF pages      : %8.1f ms   (%u pages; goal ≤ 2 s)\n", ms,
            anpai_timeline_get_n_pages (timeline));
  }

  printf ("chart of 20,000 tasks built (core)  : %8.1f ms\n", bench_median (build_ms));
  printf ("plan chosen to chart drawn          : %8.1f ms   (goal ≤ 50 ms)\n", bench_median (first_ms));
  report_frames ("  of which frames", first_frames);
  report_frames ("scrolling down, half a page a frame", vscroll);
  report_frames ("scrolling across, a quarter page", hscroll);
  report_frames ("zooming", zoom);
  printf ("peak memory                         : %8.1f MB\n", bench_peak_rss_mb ());
  g_unlink (pdf);
  g_clear_object (&project);
  if (argc <= 1)
    g_unlink (path);
  g_rmdir (dir);
  return 0;
}
