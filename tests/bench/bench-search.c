/* bench-search.c — filtering a 20,000-task plan by text, unit, status, date
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "anpai-search.h"
#include "bench-util.h"

/* The goal: any filter of the outline in ≤ 50 ms on a plan of 20,000 tasks.
 * Titles and bodies are generated from the words plans are made of, so
 * terms hit as they would in real documents: 法 in a fifth of the tasks,
 * 环境 in some, a four-character phrase in few. */

static const char * const verbs[] = {
  "深化", "推进", "加强", "完善", "落实", "健全", "开展", "规范", "推行", "强化",
};
static const char * const objects[] = {
  "行政审批", "执法监督", "政务公开", "生态环境", "安全生产", "营商环境", "社会治理",
  "法律顾问", "信用体系", "权责清单", "应急管理", "矛盾纠纷", "市场监管", "公共服务",
};
static const char * const ends[] = {
  "制度改革", "工作机制", "专项行动", "标准化建设", "信息化建设", "考核评价", "队伍建设",
};
static const char * const bodies[] = {
  "动态调整本级事项清单，确保清单时效性、准确性。",
  "严格依法行政，提高依法决策水平。",
  "每季度报送进展情况，年底前完成总结。",
  "加大督查力度，推动责任落实到位。",
  "完善配套措施，形成长效机制。",
};

#define N_SECTIONS 20
#define N_GROUPS   10
#define N_TASKS    100
#define N_UNITS    300

static gint64
make_plan (AnpaiProject *project,
           GArray       *units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  gint64 plan_id;

  g_assert_true (anpai_project_begin (project, "bench", &error));
  for (int u = 0; u < N_UNITS; u++)
    {
      g_autofree char *name = g_strdup_printf ("驻马店市第%d局", u + 1);
      gint64 id = anpai_project_ensure_unit (project, name, ANPAI_UNIT_KIND_DEPARTMENT, &error);

      g_assert_no_error (error);
      g_array_append_val (units, id);
    }

  anpai_plan_set_title (plan, "驻马店市2018年度重点工作安排");
  anpai_plan_set_period_start (plan, "2018-01-01");
  anpai_plan_set_period_end (plan, "2018-12-31");
  plan_id = anpai_project_add_plan (project, plan, &error);
  g_assert_no_error (error);

  for (int s = 0; s < N_SECTIONS; s++)
    {
      g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
      g_autofree char *title = g_strdup_printf ("第%d部分　%s%s", s + 1, verbs[s % 10],
                                               objects[s % G_N_ELEMENTS (objects)]);
      gint64 section_id;

      anpai_node_set_title (section, title);
      section_id = anpai_project_add_node (project, section, plan_id, 0, -1, &error);
      for (int g = 0; g < N_GROUPS; g++)
        {
          g_autoptr(AnpaiNode) group = anpai_node_new (ANPAI_NODE_KIND_SECTION);
          g_autofree char *group_title = g_strdup_printf ("(%d)%s%s", g + 1,
                                                          objects[(s + g) % G_N_ELEMENTS (objects)],
                                                          ends[g % G_N_ELEMENTS (ends)]);
          gint64 group_id;

          anpai_node_set_title (group, group_title);
          group_id = anpai_project_add_node (project, group, plan_id, section_id, -1, &error);
          for (int t = 0; t < N_TASKS; t++)
            {
              g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
              g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
              g_autofree char *task_title = NULL;
              g_autofree char *label = g_strdup_printf ("%d.", t + 1);
              int month = g_rand_int_range (rand, 1, 13);
              gint64 task_id, lead, support;

              task_title = g_strdup_printf ("%s%s%s第%d项",
                                            verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                                            objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))],
                                            ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (ends))],
                                            g_rand_int_range (rand, 1, 1000));
              anpai_node_set_label (task, label);
              anpai_node_set_title (task, task_title);
              anpai_node_set_body (task, bodies[g_rand_int_range (rand, 0, G_N_ELEMENTS (bodies))]);
              anpai_node_set_status (task, g_rand_int_range (rand, 0, 5));
              g_free (time->text);
              time->text = g_strdup_printf ("2018年%d月底前", month);
              time->kind = ANPAI_TIME_DEADLINE;
              g_date_set_dmy (&time->end, g_date_get_days_in_month (month, 2018), month, 2018);
              time->source = ANPAI_TIME_SOURCE_TEXT;
              anpai_node_set_time (task, time);
              task_id = anpai_project_add_node (project, task, plan_id, group_id, -1, &error);
              g_assert_no_error (error);

              lead = g_array_index (units, gint64, g_rand_int_range (rand, 0, N_UNITS));
              support = g_array_index (units, gint64, g_rand_int_range (rand, 0, N_UNITS));
              anpai_project_set_node_units (project, task_id, ANPAI_ROLE_LEAD, &lead, 1, &error);
              if (support != lead)
                anpai_project_set_node_units (project, task_id, ANPAI_ROLE_SUPPORT, &support, 1,
                                              &error);
              g_assert_no_error (error);
            }
        }
    }
  g_assert_true (anpai_project_commit (project, &error));
  return plan_id;
}

static void
measure (AnpaiProject      *project,
         gint64             plan_id,
         const char        *name,
         const AnpaiFilter *filter)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_matches = 0, n_nodes = 0;

  for (int r = 0; r < 21; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnpaiFilterResult) result = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      result = anpai_project_filter_nodes (project, plan_id, filter, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (result == NULL)
        g_error ("filter failed: %s", error->message);
      n_matches = anpai_filter_result_get_n_matches (result);
      n_nodes = anpai_filter_result_get_n_nodes (result);
      g_array_append_val (samples, ms);
    }
  printf ("%-34s: %6.1f ms   (%5u matches, %5u rows shown; goal ≤ 50 ms)\n",
          name, bench_median (samples), n_matches, n_nodes);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "search.anpai", NULL);
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  AnpaiFilter filter = ANPAI_FILTER_INIT;
  gint64 t0 = g_get_monotonic_time ();
  gint64 plan_id;

  project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  plan_id = make_plan (project, units);
  printf ("built %d tasks in %.1f s\n", anpai_project_count_tasks (project, plan_id),
          (g_get_monotonic_time () - t0) / 1e6);

  filter.text = "法";
  measure (project, plan_id, "text, 1 character (法)", &filter);
  filter.text = "环境";
  measure (project, plan_id, "text, 2 characters (环境)", &filter);
  filter.text = "执法监督";
  measure (project, plan_id, "text, 4 characters (执法监督)", &filter);
  filter.text = "执法监督专项行动";
  measure (project, plan_id, "text, 8 characters", &filter);

  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.unit_id = g_array_index (units, gint64, 7);
  measure (project, plan_id, "unit, any role", &filter);
  filter.lead_only = TRUE;
  measure (project, plan_id, "unit, lead only", &filter);

  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.statuses = ANPAI_STATUS_BIT (ANPAI_STATUS_NOT_STARTED) |
                    ANPAI_STATUS_BIT (ANPAI_STATUS_IN_PROGRESS);
  filter.due_to = "2018-06-30";
  measure (project, plan_id, "status + due (half the tasks)", &filter);

  filter.text = "法";
  filter.unit_id = g_array_index (units, gint64, 7);
  filter.lead_only = FALSE;
  measure (project, plan_id, "combined: 1-char text+unit+status+due", &filter);
  filter.text = "执法监督";
  filter.unit_id = 0;
  measure (project, plan_id, "combined: 4-char text+status+due", &filter);

  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  measure (project, plan_id, "no filter (whole outline)", &filter);

  anpai_project_close (project);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
