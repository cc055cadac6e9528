/* test-reschedule.c — moving a task's dates as dragging its bar does
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-date.h"
#include "anpai-reschedule.h"
#include "anpai-timeline.h"
#include "anpai-test-util.h"

/* The plan of every case: 2021—2025. */
static GDate period_start, period_end;

static AnpaiTimeSpec *
spec_of (const char *text)
{
  AnpaiTimeSpec *spec = anpai_time_spec_parse (text, &period_start, &period_end);

  g_assert_nonnull (spec);
  return spec;
}

static char *
describe (const AnpaiTimeSpec *spec)
{
  char start[ANPAI_DATE_ISO_LEN] = "-", end[ANPAI_DATE_ISO_LEN] = "-";

  if (spec == NULL)
    return g_strdup ("none");
  if (g_date_valid (&spec->start))
    anpai_date_format_iso (&spec->start, start);
  if (g_date_valid (&spec->end))
    anpai_date_format_iso (&spec->end, end);
  return g_strdup_printf ("%s %s %s %s %s", anpai_time_kind_to_string (spec->kind), start, end,
                          anpai_time_source_to_string (spec->source), spec->text);
}

static void
test_span (void)
{
  static const struct {
    const char *text;
    const char *span;
  } cases[] = {
    { "2023年年底前", "2023-12-31 2023-12-31" },
    { "2022年6月至9月", "2022-06-01 2022-09-30" },
    { "2024年起", "2024-01-01 2025-12-31" },            /* runs to the period's end */
    { "整个期间内", "2021-01-01 2025-12-31" },
    { "每年第一季度", "2021-01-01 2025-12-31" },         /* recurring: the period */
    { "20个工作日内", "- -" },                           /* no schedule */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = spec_of (cases[i].text);
      char start[ANPAI_DATE_ISO_LEN] = "-", end[ANPAI_DATE_ISO_LEN] = "-";
      g_autofree char *span = NULL;
      GDate s, e;

      g_test_message ("%s", cases[i].text);
      anpai_time_spec_get_span (spec, &period_start, &period_end, &s, &e);
      if (g_date_valid (&s))
        {
          anpai_date_format_iso (&s, start);
          anpai_date_format_iso (&e, end);
        }
      span = g_strdup_printf ("%s %s", start, end);
      g_assert_cmpstr (span, ==, cases[i].span);
    }
}

static void
test_move (void)
{
  static const struct {
    const char          *text;
    AnpaiRescheduleEdge  edge;
    int                  days;
    const char          *result;
  } cases[] = {
    /* a deadline moves whichever end is dragged; the words stay */
    { "2023年年底前", ANPAI_RESCHEDULE_MOVE, 14, "deadline - 2024-01-14 manual 2023年年底前" },
    { "2023年年底前", ANPAI_RESCHEDULE_END, -30, "deadline - 2023-12-01 manual 2023年年底前" },
    { "2023年年底前", ANPAI_RESCHEDULE_START, -1, "deadline - 2023-12-30 manual 2023年年底前" },
    /* a window moves whole or by one end */
    { "2022年6月至9月", ANPAI_RESCHEDULE_MOVE, 30, "window 2022-07-01 2022-10-30 manual 2022年6月至9月" },
    { "2022年6月至9月", ANPAI_RESCHEDULE_START, 10, "window 2022-06-11 2022-09-30 manual 2022年6月至9月" },
    { "2022年6月至9月", ANPAI_RESCHEDULE_END, -30, "window 2022-06-01 2022-08-31 manual 2022年6月至9月" },
    /* an end dragged past the other leaves one day */
    { "2022年6月至9月", ANPAI_RESCHEDULE_START, 200, "window 2022-09-30 2022-09-30 manual 2022年6月至9月" },
    { "2022年6月至9月", ANPAI_RESCHEDULE_END, -200, "window 2022-06-01 2022-06-01 manual 2022年6月至9月" },
    /* from a date: its start alone keeps it running to the end */
    { "2024年起", ANPAI_RESCHEDULE_START, 31, "from 2024-02-01 2025-12-31 manual 2024年起" },
    { "2024年起", ANPAI_RESCHEDULE_END, -365, "window 2024-01-01 2024-12-31 manual 2024年起" },
    { "2024年起", ANPAI_RESCHEDULE_MOVE, -365, "window 2023-01-01 2024-12-31 manual 2024年起" },
    /* the whole period: a later start makes it a task from that day */
    { "整个期间内", ANPAI_RESCHEDULE_START, 365, "from 2022-01-01 2025-12-31 manual 整个期间内" },
    { "整个期间内", ANPAI_RESCHEDULE_END, -365, "window 2021-01-01 2024-12-31 manual 整个期间内" },
    /* nothing to move */
    { "2023年年底前", ANPAI_RESCHEDULE_MOVE, 0, "none" },
    { "每年第一季度", ANPAI_RESCHEDULE_MOVE, 7, "none" },
    { "20个工作日内", ANPAI_RESCHEDULE_MOVE, 7, "none" },
    { "2023年年底前", ANPAI_RESCHEDULE_MOVE, -800000, "none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = spec_of (cases[i].text);
      g_autoptr(AnpaiTimeSpec) moved = NULL;
      g_autofree char *result = NULL;

      g_test_message ("%s %d %+d", cases[i].text, cases[i].edge, cases[i].days);
      moved = anpai_time_spec_reschedule (spec, &period_start, &period_end, cases[i].edge, cases[i].days);
      result = describe (moved);
      g_assert_cmpstr (result, ==, cases[i].result);
    }
}

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  gint64         task, recurring;
} Fixture;

static gint64
add_task (Fixture    *f,
          gint64      plan,
          const char *title,
          const char *time)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(AnpaiTimeSpec) spec = spec_of (time);
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_title (node, title);
  spec->source = ANPAI_TIME_SOURCE_TABLE;
  anpai_node_set_time (node, spec);
  id = anpai_project_add_node (f->project, node, plan, 0, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  f->dir = anpai_test_tmpdir ();
  f->path = anpai_test_path (f->dir, "reschedule.anpai");
  f->project = anpai_project_create (f->path, &error);
  g_assert_no_error (error);
  anpai_plan_set_title (plan, "青澜市法治政府建设实施纲要（2021—2025年）");
  anpai_plan_set_period_start (plan, "2021-01-01");
  anpai_plan_set_period_end (plan, "2025-12-31");
  plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  f->task = add_task (f, plan_id, "完善行政执法程序", "2024年起");
  f->recurring = add_task (f, plan_id, "开展法治培训", "每年第一季度");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
stored (Fixture *f,
        gint64   node)
{
  g_autofree char *sql = g_strdup_printf ("SELECT time_kind || ' ' || ifnull (time_start, '-') || ' '"
                                          " || ifnull (time_end, '-') || ' ' || time_source || ' '"
                                          " || time_text || ' ' || rescheduled FROM node WHERE id = %"
                                          G_GINT64_FORMAT, node);

  return anpai_test_sql_text (f->path, sql);
}

static void
test_project (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stored (f, f->task);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *recurring = stored (f, f->recurring);
  g_autofree char *unchanged = NULL;

  /* the open end is the plan's period end, read from the plan */
  g_assert_true (anpai_project_reschedule_node (f->project, f->task, ANPAI_RESCHEDULE_END, -365, &error));
  g_assert_no_error (error);
  after = stored (f, f->task);
  g_assert_cmpstr (after, ==, "window 2024-01-01 2024-12-31 manual 2024年起 1");
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Reschedule Task");

  /* one step: undone whole, redone whole */
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_free (after);
  after = stored (f, f->task);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  again = stored (f, f->task);
  g_assert_cmpstr (again, ==, "window 2024-01-01 2024-12-31 manual 2024年起 1");

  /* refused with a message, nothing written, nothing left open */
  g_assert_false (anpai_project_reschedule_node (f->project, f->recurring, ANPAI_RESCHEDULE_MOVE, 7, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_reschedule_node (f->project, 99999, ANPAI_RESCHEDULE_MOVE, 7, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (anpai_project_in_edit (f->project));
  unchanged = stored (f, f->recurring);
  g_assert_cmpstr (unchanged, ==, recurring);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Reschedule Task");
}

/* A plan without a period has the span its chart shows: the years of its
 * tasks' dates; a task running from a date moves within it. */
static void
test_no_period (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(AnpaiTimeSpec) spec = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GDate start, end, today;
  gint64 plan_id, task;

  anpai_plan_set_title (plan, "青澜市营商环境工作要点");
  plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  g_free (spec->text);
  spec->text = g_strdup ("3月起");
  spec->kind = ANPAI_TIME_FROM;
  spec->source = ANPAI_TIME_SOURCE_TEXT;
  g_date_set_dmy (&spec->start, 1, 3, 2024);
  anpai_node_set_title (node, "推行告知承诺制");
  anpai_node_set_time (node, spec);
  task = anpai_project_add_node (f->project, node, plan_id, 0, -1, &error);
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, 11, 2026);
  anpai_timeline_plan_span (f->project, plan_id, &today, &start, &end);
  g_assert_cmpint (g_date_get_year (&start), ==, 2024);
  g_assert_cmpint (g_date_get_day_of_year (&start), ==, 1);
  g_assert_cmpint (g_date_get_year (&end), ==, 2024);
  g_assert_cmpint (g_date_get_month (&end), ==, 12);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);

  g_assert_true (anpai_project_reschedule_node (f->project, task, ANPAI_RESCHEDULE_END, -30, &error));
  g_assert_no_error (error);
  after = stored (f, task);
  g_assert_cmpstr (after, ==, "window 2024-03-01 2024-12-01 manual 3月起 1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_date_clear (&period_start, 1);
  g_date_clear (&period_end, 1);
  g_date_set_dmy (&period_start, 1, 1, 2021);
  g_date_set_dmy (&period_end, 31, 12, 2025);
  g_test_add_func ("/reschedule/span", test_span);
  g_test_add_func ("/reschedule/move", test_move);
  g_test_add ("/reschedule/project", Fixture, NULL, fixture_set_up, test_project, fixture_tear_down);
  g_test_add ("/reschedule/no-period", Fixture, NULL, fixture_set_up, test_no_period, fixture_tear_down);
  return g_test_run ();
}
