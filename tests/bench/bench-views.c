/* bench-views.c — the Tasks view on a 20,000-task project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "anpai-application.h"
#include "anpai-window-private.h"
#include "bench-util.h"

/* The Outline issue's figure for the view, as a planner meets it: from
 * choosing the plan in the Tasks view to its tree drawn (≤ 200 ms), then
 * expanding the whole plan, then a filter typed and drawn (the core filter
 * alone is bench-search's). Run on the project bench-foundation makes. */

#define REPEATS (g_getenv ("REPEATS") ? atoi (g_getenv ("REPEATS")) : 7)

static gboolean opened;

static void
project_cb (AnpaiWindow *window)
{
  opened = anpai_window_get_project (window) != NULL;
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
settle (GtkWidget *widget)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AnpaiApplication) app = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) expand_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiPlan) plan = NULL;
  AnpaiWindow *window;
  GtkWidget *widget;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-views FILE (made by bench-foundation make)\n");
      return 1;
    }
  gtk_init ();
  adw_init ();
  app = anpai_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = anpai_window_new (app);
  widget = GTK_WIDGET (window);
  g_signal_connect (window, "notify::project", G_CALLBACK (project_cb), NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  anpai_window_open (window, argv[1], FALSE);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  plan = g_list_model_get_item (anpai_project_get_plans (anpai_window_get_project (window)), 0);
  adw_view_stack_set_visible_child_name (window->view_stack, "outline");
  settle (widget);

  for (int r = 0; r < REPEATS; r++)
    {
      gint64 t0;
      double ms;

      anpai_outline_view_set_plan (window->outline_view, 0);
      settle (widget);

      t0 = g_get_monotonic_time ();
      anpai_outline_view_set_plan (window->outline_view, anpai_plan_get_id (plan));
      settle (widget);
      ms = ms_since (t0);
      g_array_append_val (open_ms, ms);
      if (g_getenv ("BENCH_TRACE"))
        fprintf (stderr, "open: %.0f MB\n", bench_peak_rss_mb ());

      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window->outline_view), "outline.expand-all", NULL);
      settle (widget);
      ms = ms_since (t0);
      g_array_append_val (expand_ms, ms);
      if (g_getenv ("BENCH_TRACE"))
        fprintf (stderr, "expand: %.0f MB, %u rows\n", bench_peak_rss_mb (),
                 anpai_outline_view_get_n_visible (window->outline_view));

      t0 = g_get_monotonic_time ();
      anpai_outline_view_set_search_text (window->outline_view, "改革");
      settle (widget);
      ms = ms_since (t0);
      g_array_append_val (filter_ms, ms);
      anpai_outline_view_set_search_mode (window->outline_view, FALSE);
      settle (widget);
    }

  printf ("tasks view, plan opened and drawn : %8.1f ms   (goal ≤ 200 ms)\n", bench_median (open_ms));
  printf ("expand all, drawn                 : %8.1f ms   (%u rows)\n", bench_median (expand_ms),
          anpai_outline_view_get_n_visible (window->outline_view));
  printf ("filter \"改革\", tree rebuilt, drawn: %8.1f ms\n", bench_median (filter_ms));
  printf ("peak memory                       : %8.1f MB\n", bench_peak_rss_mb ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
