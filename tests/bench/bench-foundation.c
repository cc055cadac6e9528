/* bench-foundation.c — start-up, commit time and memory with 20,000 nodes
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "anpai-application.h"
#include "anpai-window.h"
#include "bench-util.h"

/* Issue 2's figures, measured as a user meets them:
 *   start to window shown with the project   goal ≤ 0.5 s
 *   median time to commit one edit            goal ≤ 10 ms
 *   peak memory                               goal ≤ 80 MB
 * Run as  bench-foundation make FILE  (builds the project, untimed), then
 * bench-foundation open FILE  in a fresh process, so start-up is real. */

static gboolean opened;

static void
project_cb (AnpaiWindow *window)
{
  opened = anpai_window_get_project (window) != NULL;
}

static int
run_open (const char *path)
{
  g_autoptr(AnpaiApplication) app = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiWindow *window;
  AnpaiProject *project;
  double shown_ms, rss_shown;
  GListModel *plans;

  gtk_init ();
  adw_init ();
  app = anpai_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = anpai_window_new (app);
  g_signal_connect (window, "notify::project", G_CALLBACK (project_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  anpai_window_open (window, path, FALSE);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shown_ms = bench_since_exec_ms ();
  rss_shown = bench_peak_rss_mb ();

  /* Commit: rename a task, 200 times, each its own transaction (FULL sync) */
  project = anpai_window_get_project (window);
  plans = anpai_project_get_plans (project);
  {
    g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, 0);
    g_autoptr(GPtrArray) sections = anpai_project_load_children (project, anpai_plan_get_id (plan), 0, NULL);
    g_autoptr(GPtrArray) groups = anpai_project_load_children (project, anpai_plan_get_id (plan),
                                                               anpai_node_get_id (sections->pdata[0]), NULL);

    tasks = anpai_project_load_children (project, anpai_plan_get_id (plan),
                                         anpai_node_get_id (groups->pdata[0]), NULL);
  }
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(AnpaiNode) task = anpai_node_copy (tasks->pdata[i % tasks->len]);
      g_autofree char *title = g_strdup_printf ("改过的任务 %d", i);
      gint64 t0;
      double ms;

      anpai_node_set_title (task, title);
      t0 = g_get_monotonic_time ();
      g_assert_true (anpai_project_update_node (project, task, &error));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (samples, ms);
      /* let the views follow, as they would between two user edits */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  printf ("nodes in project                : %d plans, %s\n",
          g_list_model_get_n_items (plans), "20,000 nodes, 300 units");
  printf ("start to window shown           : %6.0f ms   (goal ≤ 500 ms)\n", shown_ms);
  printf ("median commit of one edit       : %6.2f ms   (goal ≤ 10 ms)\n", bench_median (samples));
  printf ("slowest commit of one edit      : %6.2f ms\n",
          g_array_index (samples, double, samples->len - 1));
  printf ("peak memory, window shown       : %6.1f MB   (goal ≤ 80 MB)\n", rss_shown);
  printf ("peak memory, after 200 edits    : %6.1f MB\n", bench_peak_rss_mb ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "make"))
    {
      g_autoptr(AnpaiProject) project = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_unlink (argv[2]);
      project = bench_make_project (argv[2], 20000, 300);
      anpai_project_close (project);
      printf ("built 20,000 nodes in            : %6.0f ms (one transaction)\n",
              (g_get_monotonic_time () - t0) / 1000.0);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return run_open (argv[2]);

  fprintf (stderr, "usage: bench-foundation make|open FILE\n");
  return 2;
}
