/* bench-outline.c — outline edits on a 20,000-task plan, commit included
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "anpai-numbering.h"
#include "anpai-outline-model.h"
#include "anpai-outline-edit.h"
#include "bench-util.h"

/* The Outline issue's figure: indenting or moving a task in a 20,000-task
 * project takes ≤ 20 ms including the commit (synchronous=FULL), the plan's
 * renumbering included. The plan is generated as the biggest ones are
 * written: 一、 sections of 1. tasks, all in one plan, so each edit
 * renumbers all 20,100 rows' worth of outline. */

#define N_SECTIONS 100
#define N_TASKS    200
#define REPEATS    21

typedef gboolean (*EditFunc) (AnpaiProject *project,
                              gpointer      data,
                              GError      **error);

static gint64 tasks[N_SECTIONS][N_TASKS];
static gint64 sections[N_SECTIONS];

static AnpaiProject *
make_project (const char *path,
              gint64     *plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  AnpaiProject *project = anpai_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (anpai_project_begin (project, "bench", &error));
  anpai_plan_set_title (plan, "基准市2026年度重点工作任务分解");
  *plan_id = anpai_project_add_plan (project, plan, &error);
  g_assert_no_error (error);
  for (int s = 0; s < N_SECTIONS; s++)
    {
      g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
      g_autofree char *label = anpai_numbering_format (ANPAI_NUMBER_STYLE_CN, s + 1);

      anpai_node_set_label (section, label);
      anpai_node_set_title (section, "深化重点领域改革");
      sections[s] = anpai_project_add_node (project, section, *plan_id, 0, -1, &error);
      g_assert_no_error (error);
      for (int t = 0; t < N_TASKS; t++)
        {
          g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
          g_autofree char *tl = g_strdup_printf ("%d.", t + 1);

          anpai_node_set_label (task, tl);
          anpai_node_set_title (task, "全面推行证明事项告知承诺制，落实并拓宽轻微违法行为免罚清单");
          anpai_node_set_body (task, "动态调整本级行政许可事项清单，确保清单时效性、准确性、权威性。");
          tasks[s][t] = anpai_project_add_node (project, task, *plan_id, sections[s], -1, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (anpai_project_commit (project, &error));
  anpai_project_clear_history (project);
  return project;
}

static double
time_ms (AnpaiProject *project,
         EditFunc      edit,
         gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (!edit (project, data, &error))
    g_error ("edit failed: %s", error->message);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static gboolean
indent (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_indent (project, data, 1, error);
}

static gboolean
outdent (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_outdent (project, data, 1, error);
}

static gboolean
move_up (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_move_up (project, *(gint64 *) data, error);
}

static gboolean
move_down (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_move_down (project, *(gint64 *) data, error);
}

static gboolean
move_there (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_move_to (project, *(gint64 *) data, 0, sections[90], 50, error);
}

static gboolean
move_back (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_move_to (project, *(gint64 *) data, 0, sections[10], 100, error);
}

static gboolean
renumber (AnpaiProject *project, gpointer data, GError **error)
{
  return anpai_outline_renumber (project, *(gint64 *) data, error);
}

/* Times @there and @back alternately, so the plan ends as it began. */
static void
pair (AnpaiProject *project,
      const char   *name_there,
      EditFunc      there,
      const char   *name_back,
      EditFunc      back,
      gpointer      data)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < REPEATS; r++)
    {
      double ms = time_ms (project, there, data);

      g_array_append_val (a, ms);
      ms = time_ms (project, back, data);
      g_array_append_val (b, ms);
    }
  printf ("%-10s (20,000 tasks, commit included) : %6.2f ms   (goal ≤ 20 ms)\n",
          name_there, bench_median (a));
  if (name_back != NULL)
    printf ("%-10s (20,000 tasks, commit included) : %6.2f ms   (goal ≤ 20 ms)\n",
            name_back, bench_median (b));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-outline-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  gint64 plan_id = 0;
  gint64 middle, mover;
  gint64 t0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "outline.anpai", NULL);
  t0 = g_get_monotonic_time ();
  project = make_project (path, &plan_id);
  printf ("built %d tasks in %d sections in %.1f s\n", N_SECTIONS * N_TASKS, N_SECTIONS,
          (g_get_monotonic_time () - t0) / 1e6);

  middle = tasks[50][100];
  mover = tasks[10][100];
  pair (project, "indent", indent, "outdent", outdent, &middle);
  pair (project, "move up", move_up, "move down", move_down, &middle);
  pair (project, "move to", move_there, NULL, move_back, &mover);
  pair (project, "renumber", renumber, NULL, renumber, &plan_id);

  /* again with the Tasks view's model open on the plan, every section's
   * rows read: the model follows each edit before it returns */
  {
    g_autoptr(AnpaiOutlineModel) model = anpai_outline_model_new (project, plan_id);
    g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);

    /* held, as a tree holds the lists of its open rows */
    g_ptr_array_add (lists, anpai_outline_model_get_children (model, 0));
    g_assert_cmpuint (g_list_model_get_n_items (g_ptr_array_index (lists, 0)), ==, N_SECTIONS);
    for (int s = 0; s < N_SECTIONS; s++)
      {
        g_ptr_array_add (lists, anpai_outline_model_get_children (model, sections[s]));
        g_assert_cmpuint (g_list_model_get_n_items (g_ptr_array_index (lists, s + 1)), ==, N_TASKS);
      }
    printf ("-- with the outline model open\n");
    pair (project, "indent", indent, "outdent", outdent, &middle);
    pair (project, "move up", move_up, "move down", move_down, &middle);
    pair (project, "move to", move_there, NULL, move_back, &mover);
  }

  anpai_project_close (project);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
