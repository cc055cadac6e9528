/* bench-util.c — building big projects and timing things, for benchmarks
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench-util.h"

/* A project shaped like real ones: plans of sections (一、), groups ((一))
 * and tasks (1.), each task with a lead, a co-responsible and two
 * supporting units out of @n_units, and a time requirement. */
AnpaiProject *
bench_make_project (const char *path,
                    int         n_nodes,
                    int         n_units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  AnpaiProject *project = anpai_project_create (path, &error);
  int made = 0;

  g_assert_no_error (error);
  g_assert_true (anpai_project_begin (project, "bench", &error));
  for (int u = 0; u < n_units; u++)
    {
      g_autofree char *name = g_strdup_printf ("市第%d局", u + 1);
      gint64 id = anpai_project_ensure_unit (project, name, ANPAI_UNIT_KIND_DEPARTMENT, &error);

      g_assert_no_error (error);
      g_array_append_val (units, id);
    }

  for (int p = 0; made < n_nodes; p++)
    {
      g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
      g_autofree char *title = g_strdup_printf ("基准测试市%d年度工作安排", 2020 + p);
      gint64 plan_id;

      anpai_plan_set_title (plan, title);
      anpai_plan_set_period_start (plan, "2026-01-01");
      anpai_plan_set_period_end (plan, "2026-12-31");
      plan_id = anpai_project_add_plan (project, plan, &error);
      g_assert_no_error (error);

      for (int s = 0; s < 10 && made < n_nodes; s++)
        {
          g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
          gint64 section_id;

          anpai_node_set_title (section, "优化营商环境");
          section_id = anpai_project_add_node (project, section, plan_id, 0, -1, &error);
          made++;
          for (int g = 0; g < 10 && made < n_nodes; g++)
            {
              g_autoptr(AnpaiNode) group = anpai_node_new (ANPAI_NODE_KIND_SECTION);
              gint64 group_id;

              anpai_node_set_title (group, "深化改革");
              group_id = anpai_project_add_node (project, group, plan_id, section_id, -1, &error);
              made++;
              for (int t = 0; t < 48 && made < n_nodes; t++)
                {
                  g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
                  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
                  gint64 task_id, lead, co, support[2];

                  anpai_node_set_title (task, "全面推行证明事项告知承诺制，落实并拓宽轻微违法行为免罚清单");
                  anpai_node_set_body (task, "动态调整本级行政许可事项清单，确保清单时效性、准确性、权威性。");
                  g_free (time->text);
                  time->text = g_strdup ("2026年6月底前");
                  time->kind = ANPAI_TIME_DEADLINE;
                  g_date_set_dmy (&time->end, 30, 6, 2026);
                  time->source = ANPAI_TIME_SOURCE_TEXT;
                  anpai_node_set_time (task, time);
                  task_id = anpai_project_add_node (project, task, plan_id, group_id, -1, &error);
                  made++;
                  lead = g_array_index (units, gint64, made % n_units);
                  co = g_array_index (units, gint64, (made + 7) % n_units);
                  support[0] = g_array_index (units, gint64, (made + 13) % n_units);
                  support[1] = g_array_index (units, gint64, (made + 29) % n_units);
                  anpai_project_set_node_units (project, task_id, ANPAI_ROLE_LEAD, &lead, 1, &error);
                  anpai_project_set_node_units (project, task_id, ANPAI_ROLE_CO, &co, 1, &error);
                  anpai_project_set_node_units (project, task_id, ANPAI_ROLE_SUPPORT, support, 2, &error);
                  g_assert_no_error (error);
                }
            }
        }
    }
  g_assert_true (anpai_project_commit (project, &error));
  anpai_project_clear_history (project);
  return project;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *samples)
{
  g_array_sort (samples, compare_double);
  return g_array_index (samples, double, samples->len / 2);
}

/* Milliseconds since this process was exec'd, from /proc/self/stat. */
double
bench_since_exec_ms (void)
{
  g_autofree char *stat = NULL;
  char *p;
  unsigned long long start_ticks = 0;
  struct timespec now;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;
  /* field 22, counting after the ")" that ends the command name */
  p = strrchr (stat, ')');
  for (int field = 2; p != NULL && field < 22; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

double
bench_peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}
