/* test-timeline.c — the Gantt chart: scale, rows, recurrences, pages
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "anpai-date.h"
#include "anpai-export.h"
#include "anpai-timeline.h"
#include "anpai-test-util.h"

/* A two-year plan (2023–2024, 2024 a leap year): 一、 with a deadline, a
 * window and a quarterly task, 二、 with an ongoing task and one without a
 * schedule; then @extra plain tasks for pagination. */

typedef struct {
  char         *dir;
  AnpaiProject *project;
  gint64        plan_id;
  gint64        justice, office;
} Fixture;

static gint64
add_node (Fixture       *f,
          AnpaiNodeKind  kind,
          gint64         parent,
          const char    *label,
          const char    *title,
          AnpaiTimeKind  time_kind,
          const char    *start,
          const char    *end,
          const char    *rrule,
          gint64         lead)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  if (time_kind != ANPAI_TIME_NONE)
    {
      time->kind = time_kind;
      time->source = ANPAI_TIME_SOURCE_MANUAL;
      if (start != NULL)
        g_assert_true (anpai_date_parse_iso (start, &time->start));
      if (end != NULL)
        g_assert_true (anpai_date_parse_iso (end, &time->end));
      time->rrule = g_strdup (rrule);
      anpai_node_set_time (node, time);
    }
  id = anpai_project_add_node (f->project, node, f->plan_id, parent, -1, &error);
  g_assert_no_error (error);
  if (lead != 0)
    {
      g_assert_true (anpai_project_set_node_units (f->project, id, ANPAI_ROLE_LEAD, &lead, 1, &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint extra = GPOINTER_TO_UINT (data);
  g_autofree char *path = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 one, two;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "timeline.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  anpai_plan_set_title (plan, "松林市法治政府建设行动计划（2023—2024年）");
  anpai_plan_set_doc_number (plan, "松政办〔2023〕5号");
  anpai_plan_set_period_start (plan, "2023-01-01");
  anpai_plan_set_period_end (plan, "2024-12-31");
  f->plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  f->justice = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->office = anpai_project_ensure_unit (f->project, "市政府办公室", ANPAI_UNIT_KIND_GOVERNMENT, &error);

  one = add_node (f, ANPAI_NODE_KIND_SECTION, 0, "一、", "推进依法决策", ANPAI_TIME_NONE, NULL, NULL, NULL, 0);
  add_node (f, ANPAI_NODE_KIND_TASK, one, "1.", "出台决策事项目录", ANPAI_TIME_DEADLINE,
            NULL, "2023-06-30", NULL, f->office);
  add_node (f, ANPAI_NODE_KIND_TASK, one, "2.", "落实合法性审查", ANPAI_TIME_WINDOW,
            "2023-03-01", "2023-09-30", NULL, f->justice);
  add_node (f, ANPAI_NODE_KIND_TASK, one, "3.", "每季度通报", ANPAI_TIME_RECURRING,
            "2023-01-01", "2024-12-31", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", f->justice);
  two = add_node (f, ANPAI_NODE_KIND_SECTION, 0, "二、", "规范行政执法", ANPAI_TIME_NONE, NULL, NULL, NULL, 0);
  add_node (f, ANPAI_NODE_KIND_TASK, two, "4.", "推行执法公示", ANPAI_TIME_ONGOING,
            "2023-01-01", "2024-12-31", NULL, f->office);
  add_node (f, ANPAI_NODE_KIND_TASK, two, "5.", "加强执法监督", ANPAI_TIME_NONE, NULL, NULL, NULL, 0);
  for (guint i = 0; i < extra; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u.", 6 + i);

      add_node (f, ANPAI_NODE_KIND_TASK, two, label, "持续推进", ANPAI_TIME_DEADLINE,
                NULL, "2024-06-30", NULL, i % 2 ? f->office : f->justice);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

static AnpaiTimeline *
new_timeline (Fixture              *f,
              AnpaiTimelineZoom     zoom,
              AnpaiTimelineGroupBy  group_by)
{
  AnpaiTimelineOptions options = ANPAI_TIMELINE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  AnpaiTimeline *timeline;

  options.zoom = zoom;
  options.group_by = group_by;
  options.today = "2023-05-01";
  timeline = anpai_timeline_new (f->project, 0, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  return timeline;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (anpai_date_parse_iso (iso, date));
}

/* x grows by the zoom's points per day from the range's start, and back. */
static void
test_date_to_x (Fixture       *f,
                gconstpointer  data)
{
  static const char * const days[] = { "2023-01-01", "2023-02-28", "2024-02-29", "2024-03-01", "2024-12-31" };

  for (AnpaiTimelineZoom zoom = ANPAI_TIMELINE_ZOOM_YEAR; zoom <= ANPAI_TIMELINE_ZOOM_WEEK; zoom++)
    {
      g_autoptr(AnpaiTimeline) timeline = new_timeline (f, zoom, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
      double ppd = anpai_timeline_zoom_pixels_per_day (zoom);
      GDate date, back, end;
      double width;

      g_assert_cmpfloat (ppd, >, 0);
      set_date (&date, "2023-01-01");
      g_assert_cmpfloat_with_epsilon (anpai_timeline_date_to_x (timeline, &date), 0, 1e-9);
      set_date (&date, "2024-01-01");
      g_assert_cmpfloat_with_epsilon (anpai_timeline_date_to_x (timeline, &date), 365 * ppd, 1e-9);
      /* 2024 is a leap year: 366 days */
      set_date (&end, "2025-01-01");
      g_assert_cmpfloat_with_epsilon (anpai_timeline_date_to_x (timeline, &end)
                                      - anpai_timeline_date_to_x (timeline, &date), 366 * ppd, 1e-9);
      for (guint i = 0; i < G_N_ELEMENTS (days); i++)
        {
          double x;

          set_date (&date, days[i]);
          x = anpai_timeline_date_to_x (timeline, &date);
          anpai_timeline_x_to_date (timeline, x, &back);
          g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
          /* anywhere within the day is that day */
          anpai_timeline_x_to_date (timeline, x + ppd * 0.9, &back);
          g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
        }
      /* the days, and room for a diamond on the last one */
      anpai_timeline_get_size (timeline, &width, NULL);
      g_assert_cmpfloat (width, >, anpai_timeline_get_label_width (timeline) + 731 * ppd + 4);
      g_assert_cmpfloat (width, <, anpai_timeline_get_label_width (timeline) + 731 * ppd + 10);
    }
}

static void
assert_tick (GPtrArray  *ticks,
             guint       i,
             const char *start,
             const char *end,
             const char *label)
{
  AnpaiTimelineTick *tick = g_ptr_array_index (ticks, i);
  GDate date;

  set_date (&date, start);
  g_assert_cmpint (g_date_compare (&tick->start, &date), ==, 0);
  set_date (&date, end);
  g_assert_cmpint (g_date_compare (&tick->end, &date), ==, 0);
  g_assert_cmpstr (tick->label, ==, label);
}

/* The labels are the English source strings here (LC_ALL=C). */
static void
test_ticks (void)
{
  GDate from, to;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) quarters = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GPtrArray) year_quarters = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GPtrArray) clipped = NULL;

  set_date (&from, "2023-01-01");
  set_date (&to, "2024-12-31");
  months = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_BAND_LOWER, &from, &to);
  g_assert_cmpuint (months->len, ==, 24);
  assert_tick (months, 0, "2023-01-01", "2023-02-01", "Jan");
  assert_tick (months, 13, "2024-02-01", "2024-03-01", "Feb");
  assert_tick (months, 23, "2024-12-01", "2025-01-01", "Dec");
  quarters = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_BAND_UPPER, &from, &to);
  g_assert_cmpuint (quarters->len, ==, 8);
  assert_tick (quarters, 0, "2023-01-01", "2023-04-01", "2023 Q1");
  assert_tick (quarters, 5, "2024-04-01", "2024-07-01", "2024 Q2");

  years = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_QUARTER, ANPAI_TIMELINE_BAND_UPPER, &from, &to);
  g_assert_cmpuint (years->len, ==, 2);
  assert_tick (years, 1, "2024-01-01", "2025-01-01", "2024");
  year_quarters = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_YEAR, ANPAI_TIMELINE_BAND_LOWER, &from, &to);
  g_assert_cmpuint (year_quarters->len, ==, 8);
  assert_tick (year_quarters, 7, "2024-10-01", "2025-01-01", "Q4");

  /* weeks begin on Monday: 2023-01-01 is a Sunday of ISO week 52 */
  weeks = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_WEEK, ANPAI_TIMELINE_BAND_LOWER, &from, &to);
  assert_tick (weeks, 0, "2023-01-01", "2023-01-02", "W52");
  assert_tick (weeks, 1, "2023-01-02", "2023-01-09", "W1");
  g_assert_cmpuint (weeks->len, ==, 106);

  /* a range inside a month clips the month's cell */
  set_date (&from, "2024-02-10");
  set_date (&to, "2024-02-20");
  clipped = anpai_timeline_scale_ticks (ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_BAND_LOWER, &from, &to);
  g_assert_cmpuint (clipped->len, ==, 1);
  assert_tick (clipped, 0, "2024-02-10", "2024-02-21", "Feb");
}

static void
assert_days (const char *rrule,
             const char *start,
             const char *end,
             const char *expected)
{
  GDate from, to;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GString) got = g_string_new (NULL);

  set_date (&from, start);
  set_date (&to, end);
  days = anpai_timeline_expand_rrule (rrule, &from, &to);
  for (guint i = 0; i < days->len; i++)
    {
      char iso[ANPAI_DATE_ISO_LEN];

      anpai_date_format_iso (&g_array_index (days, GDate, i), iso);
      g_string_append_printf (got, "%s%s", i > 0 ? " " : "", iso);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

/* What anpai-time-parse.c writes, expanded within the range. */
static void
test_recurrences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  const AnpaiTimelineRow *row;
  g_autoptr(GArray) weekly = NULL;
  GDate from, to;

  assert_days ("FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", "2023-05-01", "2024-06-30",
               "2023-06-30 2023-09-30 2023-12-31 2024-03-31 2024-06-30");
  assert_days ("FREQ=MONTHLY;BYMONTH=6,12;BYMONTHDAY=-1", "2023-01-01", "2023-12-31", "2023-06-30 2023-12-31");
  assert_days ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2023-01-01", "2024-12-31", "2024-02-29");
  assert_days ("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15", "2023-01-01", "2024-12-31", "2023-01-15 2024-01-15");
  assert_days ("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-01", "2024-03-31", "2024-01-31 2024-02-29 2024-03-31");
  assert_days ("FREQ=MONTHLY;BYMONTHDAY=10", "2024-01-11", "2024-03-10", "2024-02-10 2024-03-10");
  /* names in any case, months in any order */
  assert_days ("freq=monthly;bymonth=12,6;bymonthday=-1", "2023-01-01", "2023-12-31", "2023-06-30 2023-12-31");
  /* beyond what Anpai writes: libical's reading, from the chart's start */
  assert_days ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2024-01-01", "2024-02-10", "2024-01-01 2024-01-15 2024-02-01");
  assert_days ("FREQ=DAILY;INTERVAL=10", "2024-01-01", "2024-01-31", "2024-01-01 2024-01-11 2024-01-21 2024-01-31");
  assert_days ("FREQ=MONTHLY", "2024-01-05", "2024-03-31", "2024-01-05 2024-02-05 2024-03-05");
  assert_days ("FREQ=YEARLY", "2024-03-01", "2025-12-31", "2024-03-01 2025-03-01");
  /* a start off the rule is no mark; with a malformed DTSTART, libical
   * 3.0 never returned from this one */
  assert_days ("FREQ=WEEKLY;BYDAY=MO", "2024-01-03", "2024-01-22", "2024-01-08 2024-01-15 2024-01-22");
  assert_days ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2024-01-03", "2024-02-10", "2024-01-15 2024-02-01");
  /* finer than a day: each day once */
  assert_days ("FREQ=HOURLY;INTERVAL=12", "2024-01-01", "2024-01-03", "2024-01-01 2024-01-02 2024-01-03");
  assert_days ("not a rule", "2024-01-01", "2024-12-31", "");
  set_date (&from, "2024-01-01");
  set_date (&to, "2024-12-31");
  weekly = anpai_timeline_expand_rrule ("FREQ=WEEKLY", &from, &to);
  g_assert_cmpuint (weekly->len, ==, 53);

  /* the quarterly task's marks */
  row = anpai_timeline_get_row (timeline, 3);
  g_assert_cmpstr (row->title, ==, "每季度通报");
  g_assert_nonnull (row->occurrences);
  g_assert_cmpuint (row->occurrences->len, ==, 8);

  /* a weekly task counts its weeks from its own start (a Monday), also in
   * a chart of a span starting on a Wednesday */
  add_node (f, ANPAI_NODE_KIND_TASK, 0, "三、", "每周调度", ANPAI_TIME_RECURRING,
            "2023-01-02", "2024-12-31", "FREQ=WEEKLY", f->office);
  {
    AnpaiTimelineOptions options = ANPAI_TIMELINE_OPTIONS_INIT;
    g_autoptr(AnpaiTimeline) span = NULL;
    g_autoptr(GError) error = NULL;
    GDate first;

    options.from = "2023-05-03";
    options.to = "2023-06-30";
    span = anpai_timeline_new (f->project, 0, &options, &error);
    g_assert_no_error (error);
    row = anpai_timeline_get_row (span, anpai_timeline_get_n_rows (span) - 1);
    g_assert_cmpstr (row->title, ==, "每周调度");
    g_assert_cmpuint (row->occurrences->len, ==, 8);
    set_date (&first, "2023-05-08");
    g_assert_cmpint (g_date_compare (&g_array_index (row->occurrences, GDate, 0), &first), ==, 0);
  }
}

/* Outline order; sections span their tasks; no schedule, no bar. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  const AnpaiTimelineRow *row;
  char iso[ANPAI_DATE_ISO_LEN];

  g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, 7);
  row = anpai_timeline_get_row (timeline, 0);
  g_assert_cmpint (row->kind, ==, ANPAI_TIMELINE_ROW_SECTION);
  anpai_date_format_iso (&row->span_start, iso);
  g_assert_cmpstr (iso, ==, "2023-01-01");
  anpai_date_format_iso (&row->span_end, iso);
  g_assert_cmpstr (iso, ==, "2024-12-31");
  row = anpai_timeline_get_row (timeline, 1);
  g_assert_cmpint (row->kind, ==, ANPAI_TIMELINE_ROW_TASK);
  g_assert_cmpint (row->depth, ==, 1);
  g_assert_cmpstr (row->lead, ==, "市政府办公室");
  g_assert_cmpint (g_date_compare (&row->span_start, &row->span_end), ==, 0);
  row = anpai_timeline_get_row (timeline, 6);
  g_assert_cmpstr (row->title, ==, "加强执法监督");
  g_assert_false (g_date_valid (&row->span_start));
  g_assert_cmpuint (anpai_timeline_get_units (timeline)->len, ==, 2);
  g_assert_cmpint (anpai_timeline_row_at (timeline, anpai_timeline_get_header_height (timeline) + 1), ==, 0);
  g_assert_cmpint (anpai_timeline_row_at (timeline, 0), ==, -1);
}

/* One lane per lead unit, its tasks inside; unled tasks last. */
static void
test_group_by_unit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_UNIT);
  static const struct { AnpaiTimelineRowKind kind; const char *title; } expected[] = {
    { ANPAI_TIMELINE_ROW_LANE, "市政府办公室" },
    { ANPAI_TIMELINE_ROW_TASK, "出台决策事项目录" },
    { ANPAI_TIMELINE_ROW_TASK, "推行执法公示" },
    { ANPAI_TIMELINE_ROW_LANE, "市司法局" },
    { ANPAI_TIMELINE_ROW_TASK, "落实合法性审查" },
    { ANPAI_TIMELINE_ROW_TASK, "每季度通报" },
    { ANPAI_TIMELINE_ROW_LANE, NULL },
    { ANPAI_TIMELINE_ROW_TASK, "加强执法监督" },
  };

  g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AnpaiTimelineRow *row = anpai_timeline_get_row (timeline, i);

      g_assert_cmpint (row->kind, ==, expected[i].kind);
      if (expected[i].title != NULL)
        g_assert_cmpstr (row->title, ==, expected[i].title);
      if (row->kind == ANPAI_TIMELINE_ROW_TASK)
        g_assert_cmpint (row->depth, ==, 1);
    }
  /* a lane spans its tasks */
  g_assert_true (g_date_valid (&anpai_timeline_get_row (timeline, 3)->span_start));
  g_assert_false (g_date_valid (&anpai_timeline_get_row (timeline, 6)->span_start));
}

/* Where a drag starts: a diamond moves, a bar's ends resize it; recurring
 * tasks, sections and tasks without dates are not dragged. */
static void
test_hit (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  double label = anpai_timeline_get_label_width (timeline);
  double header = anpai_timeline_get_header_height (timeline);
  double row_height = (anpai_timeline_get_row_y (timeline, 1) - anpai_timeline_get_row_y (timeline, 0));
  double ppd = anpai_timeline_zoom_pixels_per_day (ANPAI_TIMELINE_ZOOM_MONTH);
  AnpaiRescheduleEdge edge = -1;
  GDate day;

#define MID(row) (header + ((row) + 0.5) * row_height)
#define X(iso) (set_date (&day, iso), label + anpai_timeline_date_to_x (timeline, &day))
  g_assert_cmpfloat (anpai_timeline_get_row_y (timeline, 0), ==, header);
  /* the deadline's diamond, 2023-06-30 */
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-30") + ppd / 2, MID (1), &edge), ==, 1);
  g_assert_cmpint (edge, ==, ANPAI_RESCHEDULE_MOVE);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-30") + ppd / 2 + 20, MID (1), &edge), ==, -1);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-30") + ppd / 2, MID (1) - 8, &edge), ==, -1);
  /* the window 2023-03-01..09-30: its start, middle and end */
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-03-01") + 1, MID (2), &edge), ==, 2);
  g_assert_cmpint (edge, ==, ANPAI_RESCHEDULE_START);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-15"), MID (2), &edge), ==, 2);
  g_assert_cmpint (edge, ==, ANPAI_RESCHEDULE_MOVE);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-10-01") - 1, MID (2), &edge), ==, 2);
  g_assert_cmpint (edge, ==, ANPAI_RESCHEDULE_END);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-11-15"), MID (2), &edge), ==, -1);
  /* not dragged */
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-15"), MID (0), &edge), ==, -1);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-03-31") + ppd / 2, MID (3), &edge), ==, -1);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-15"), MID (6), &edge), ==, -1);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-15"), MID (5), &edge), ==, 5);
  g_assert_cmpint (anpai_timeline_hit (timeline, X ("2023-06-15"), 2, &edge), ==, -1);
#undef X
#undef MID

  g_assert_cmpint (anpai_timeline_get_row (timeline, 2)->node_id, !=, 0);
  g_assert_cmpint (anpai_timeline_find_node (timeline, anpai_timeline_get_row (timeline, 2)->node_id), ==, 2);
  g_assert_cmpint (anpai_timeline_find_node (timeline, 0), ==, -1);
  g_assert_cmpint (anpai_timeline_find_node (timeline, 99999), ==, -1);
}

/* The rows a tree beside the chart shows, in its order and open state;
 * every row again without one. */
static void
test_shown (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  gint64 ids[6];
  gboolean open[6] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE };
  gint64 hidden;
  double width, height, header = anpai_timeline_get_header_height (timeline);
  double row_height = anpai_timeline_get_row_height (timeline);
  guint total = 0;

  g_assert_true (anpai_timeline_get_row (timeline, 0)->has_children);
  g_assert_false (anpai_timeline_get_row (timeline, 1)->has_children);
  g_assert_true (anpai_timeline_get_row (timeline, 4)->has_children);
  g_assert_false (anpai_timeline_get_row (timeline, 6)->has_children);
  /* without a tree, nothing to open or close */
  g_assert_cmpint (anpai_timeline_expander_at (timeline, 5, header + row_height / 2), ==, -1);
  g_assert_true (anpai_timeline_get_expanded (timeline, 0));

  /* 一、 open with its three tasks, 二、 closed; an id without a row */
  for (guint i = 0; i < 5; i++)
    ids[i] = anpai_timeline_get_row (timeline, i)->node_id;
  ids[5] = 99999;
  hidden = anpai_timeline_get_row (timeline, 5)->node_id;
  anpai_timeline_set_selected (timeline, 6);
  anpai_timeline_set_shown (timeline, ids, open, G_N_ELEMENTS (ids), NULL);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, -1);
  g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, 5);
  g_assert_cmpint (anpai_timeline_get_row (timeline, 4)->node_id, ==, ids[4]);
  g_assert_cmpstr (anpai_timeline_get_row (timeline, 4)->title, ==, "规范行政执法");
  g_assert_true (anpai_timeline_get_expanded (timeline, 0));
  g_assert_false (anpai_timeline_get_expanded (timeline, 4));
  g_assert_cmpint (anpai_timeline_find_node (timeline, hidden), ==, -1);
  g_assert_cmpint (anpai_timeline_find_node (timeline, ids[3]), ==, 3);
  anpai_timeline_get_size (timeline, &width, &height);
  g_assert_cmpfloat (height, ==, header + 5 * row_height);
  g_assert_cmpint (anpai_timeline_row_at (timeline, header + 4.5 * row_height), ==, 4);
  g_assert_cmpint (anpai_timeline_row_at (timeline, header + 5.5 * row_height), ==, -1);
  /* the triangles of the sections; none for a task without rows under it */
  g_assert_cmpint (anpai_timeline_expander_at (timeline, 5, header + row_height / 2), ==, 0);
  g_assert_cmpint (anpai_timeline_expander_at (timeline, 5, header + 4.5 * row_height), ==, 4);
  g_assert_cmpint (anpai_timeline_expander_at (timeline, 60, header + 1.5 * row_height), ==, -1);
  g_assert_cmpint (anpai_timeline_expander_at (timeline, 200, header + row_height / 2), ==, -1);
  /* pages hold the rows shown */
  for (guint p = 0; p < anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 1); p++)
    total += anpai_timeline_get_page (timeline, p)->n_rows;
  g_assert_cmpuint (total, ==, 5);

  anpai_timeline_set_shown (timeline, NULL, NULL, 0, NULL);
  g_assert_cmpuint (anpai_timeline_get_n_rows (timeline), ==, 7);
  g_assert_cmpint (anpai_timeline_find_node (timeline, hidden), ==, 5);
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       guint           *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;

  cairo_surface_flush (surface);
  memcpy (&argb, data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4, 4);
  rgb[0] = (argb >> 16) & 0xff;
  rgb[1] = (argb >> 8) & 0xff;
  rgb[2] = argb & 0xff;
}

static cairo_surface_t *
draw_screen (AnpaiTimeline *timeline)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  anpai_timeline_get_size (timeline, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  anpai_timeline_draw (timeline, cr, 0, 0, width, height);
  cairo_destroy (cr);
  return surface;
}

/* The screen's own colours, selection and drag; paper stays white. */
static void
test_screen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  g_autofree char *png = g_build_filename (f->dir, "dark.png", NULL);
  g_autoptr(GError) error = NULL;
  double label = anpai_timeline_get_label_width (timeline);
  double ppd = anpai_timeline_zoom_pixels_per_day (ANPAI_TIMELINE_ZOOM_MONTH);
  cairo_surface_t *surface;
  guint rgb[3];
  double x_free, y_free, x_old, x_new, y_task;
  GDate day, moved;

  /* an empty cell of the task without dates; the deadline's diamond */
  set_date (&day, "2023-07-15");
  x_free = label + anpai_timeline_date_to_x (timeline, &day);
  y_free = anpai_timeline_get_row_y (timeline, 6) + 8;
  set_date (&day, "2023-06-30");
  x_old = label + anpai_timeline_date_to_x (timeline, &day) + ppd / 2;
  set_date (&moved, "2023-10-16");
  x_new = label + anpai_timeline_date_to_x (timeline, &moved) + ppd / 2;
  y_task = anpai_timeline_get_row_y (timeline, 1) + 8;

  surface = draw_screen (timeline);
  pixel (surface, x_free, y_free, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  g_assert_cmpuint (rgb[2], ==, 255);
  cairo_surface_destroy (surface);

  anpai_timeline_set_scheme (timeline, ANPAI_TIMELINE_SCHEME_DARK);
  surface = draw_screen (timeline);
  pixel (surface, x_free, y_free, rgb);
  g_assert_cmpuint (rgb[0], <, 60);
  g_assert_cmpuint (rgb[1], <, 60);
  cairo_surface_destroy (surface);

  /* the selected row stands out from the rows around it */
  anpai_timeline_set_selected (timeline, 6);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, 6);
  surface = draw_screen (timeline);
  pixel (surface, x_free, y_free, rgb);
  g_assert_cmpuint (rgb[2], >, rgb[0] + 40);
  cairo_surface_destroy (surface);
  anpai_timeline_set_selected (timeline, 7);
  g_assert_cmpint (anpai_timeline_get_selected (timeline), ==, -1);

  /* a dragged diamond is drawn where it would go, not where it was */
  anpai_timeline_set_scheme (timeline, ANPAI_TIMELINE_SCHEME_LIGHT);
  surface = draw_screen (timeline);
  pixel (surface, x_old, y_task, rgb);
  g_assert_cmpuint (rgb[0], <, 200);
  pixel (surface, x_new, y_task, rgb);
  g_assert_cmpuint (rgb[0], >, 240);
  cairo_surface_destroy (surface);
  anpai_timeline_set_preview (timeline, 1, &moved, &moved);
  surface = draw_screen (timeline);
  pixel (surface, x_old, y_task, rgb);
  g_assert_cmpuint (rgb[0], >, 240);
  pixel (surface, x_new, y_task, rgb);
  g_assert_cmpuint (rgb[0], <, 200);
  cairo_surface_destroy (surface);
  anpai_timeline_set_preview (timeline, -1, NULL, NULL);

  /* the legend on screen: on the screen's paper, with its swatches */
  {
    cairo_surface_t *legend = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 20);
    cairo_t *lcr = cairo_create (legend);
    guint first[3], swatch[3];

    anpai_timeline_set_scheme (timeline, ANPAI_TIMELINE_SCHEME_DARK);
    anpai_timeline_draw_legend (timeline, lcr, 600, 20);
    cairo_destroy (lcr);
    pixel (legend, 595, 2, first);
    g_assert_cmpuint (first[0], <, 60);
    /* the first swatch, "not started" */
    pixel (legend, 12, 10, swatch);
    g_assert_cmpuint (swatch[2], >, 150);
    cairo_surface_destroy (legend);
  }

  /* exports are on white, whatever the screen */
  anpai_timeline_set_scheme (timeline, ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST_DARK);
  g_assert_true (anpai_timeline_export_png (timeline, 0, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  pixel (surface, 4, 4, rgb);
  g_assert_cmpuint (rgb[0] + rgb[1] + rgb[2], ==, 3 * 255);
  cairo_surface_destroy (surface);
}

static guint
check_pages (AnpaiTimeline *timeline,
             guint          across)
{
  guint n_pages = anpai_timeline_get_n_pages (timeline), next = 0, per_page;

  g_assert_cmpuint (n_pages % across, ==, 0);
  per_page = anpai_timeline_get_page (timeline, 0)->n_rows;
  for (guint p = 0; p < n_pages; p += across)
    {
      const AnpaiTimelinePage *page = anpai_timeline_get_page (timeline, p);

      /* rows follow on, whole, and only the last page is short */
      g_assert_cmpuint (page->first_row, ==, next);
      if (p + across < n_pages)
        g_assert_cmpuint (page->n_rows, ==, per_page);
      else
        g_assert_cmpuint (page->n_rows, <=, per_page);
      for (guint a = 1; a < across; a++)
        {
          const AnpaiTimelinePage *beside = anpai_timeline_get_page (timeline, p + a);
          const AnpaiTimelinePage *before = anpai_timeline_get_page (timeline, p + a - 1);

          g_assert_cmpuint (beside->first_row, ==, page->first_row);
          g_assert_cmpuint (beside->n_rows, ==, page->n_rows);
          g_assert_cmpuint (g_date_get_julian (&beside->from), ==, g_date_get_julian (&before->to) + 1);
        }
      next += page->n_rows;
    }
  g_assert_cmpuint (next, ==, anpai_timeline_get_n_rows (timeline));
  return per_page;
}

static void
test_paginate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  guint n_rows = anpai_timeline_get_n_rows (timeline);
  guint a4, a3, n_pages;
  const AnpaiTimelinePage *last;
  cairo_surface_t *surface;
  cairo_t *cr;
  GDate from, to;

  g_assert_cmpuint (n_rows, ==, 107);
  n_pages = anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 1);
  a4 = check_pages (timeline, 1);
  g_assert_cmpuint (n_pages, ==, (n_rows + a4 - 1) / a4);
  last = anpai_timeline_get_page (timeline, n_pages - 1);
  g_assert_cmpuint (last->n_rows, <, a4);
  anpai_timeline_get_range (timeline, &from, &to);
  g_assert_cmpint (g_date_compare (&last->from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&last->to, &to), ==, 0);

  anpai_timeline_paginate (timeline, ANPAI_PAPER_A3, 1);
  a3 = check_pages (timeline, 1);
  g_assert_cmpuint (a3, >, a4 * 13 / 10);
  g_assert_cmpuint (anpai_timeline_get_n_pages (timeline), <, n_pages);

  /* two pages across: each band of rows over both halves of the range */
  n_pages = anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 2);
  check_pages (timeline, 2);
  g_assert_cmpint (g_date_compare (&anpai_timeline_get_page (timeline, 0)->from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&anpai_timeline_get_page (timeline, 1)->to, &to), ==, 0);

  /* three across: each page starts a month, and takes up where the last
   * one ended */
  anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 3);
  for (guint p = 0; p < 3; p++)
    {
      const AnpaiTimelinePage *page = anpai_timeline_get_page (timeline, p);

      g_assert_cmpint (g_date_get_day (&page->from), ==, 1);
      if (p > 0)
        g_assert_cmpuint (g_date_get_julian (&page->from), ==,
                          g_date_get_julian (&anpai_timeline_get_page (timeline, p - 1)->to) + 1);
    }
  g_assert_cmpint (g_date_compare (&anpai_timeline_get_page (timeline, 2)->to, &to), ==, 0);
  /* more pages than months: equal shares of the days, none empty */
  anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 12);
  for (guint p = 0; p < 12; p++)
    g_assert_cmpint (g_date_compare (&anpai_timeline_get_page (timeline, p)->from,
                                     &anpai_timeline_get_page (timeline, p)->to), <=, 0);
  n_pages = anpai_timeline_paginate (timeline, ANPAI_PAPER_A4, 2);

  /* every page draws without a cairo error */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    anpai_timeline_draw_page (timeline, cr, p);
  anpai_timeline_draw (timeline, cr, 0, 0, 800, 600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_export_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AnpaiTimeline) timeline = new_timeline (f, ANPAI_TIMELINE_ZOOM_MONTH, ANPAI_TIMELINE_GROUP_BY_OUTLINE);
  g_autofree char *pdf = anpai_test_path (f->dir, "t.pdf");
  g_autofree char *png = anpai_test_path (f->dir, "t.png");
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_timeline_export_pdf (timeline, ANPAI_PAPER_A3, 1, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (anpai_timeline_export_png (timeline, 1200, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* Small text keeps its spaces. At the legend's 6.5 pt, glyphs put on
 * whole points (the pages' unit) made "Not started" read "Notstarted":
 * Noto Sans CJK's space, about 0.23 em, was cut from 1.5 pt to 1. */
static void
test_small_text (void)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoLayout *layout;
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 6.5");
  int spaced, unspaced;
  PangoFont *loaded;
  g_autofree char *family = NULL;

  _anpai_export_setup_context (context);
  /* the figures are Noto Sans CJK's: another font's space may round well */
  loaded = pango_context_load_font (context, font);
  if (loaded != NULL)
    {
      PangoFontDescription *described = pango_font_describe (loaded);

      family = g_strdup (pango_font_description_get_family (described));
      pango_font_description_free (described);
      g_object_unref (loaded);
    }
  if (family == NULL || !g_str_has_prefix (family, "Noto Sans CJK"))
    {
      g_test_skip ("Noto Sans CJK (fonts-noto-cjk) is not installed");
      pango_font_description_free (font);
      g_object_unref (context);
      g_object_unref (map);
      return;
    }
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, "Not started", -1);
  pango_layout_get_size (layout, &spaced, NULL);
  pango_layout_set_text (layout, "Notstarted", -1);
  pango_layout_get_size (layout, &unspaced, NULL);
  g_object_unref (layout);
  g_object_unref (context);
  g_object_unref (map);
  g_assert_cmpfloat ((spaced - unspaced) / (double) PANGO_SCALE, >, 1.3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/date-to-x", Fixture, NULL, fixture_set_up, test_date_to_x, fixture_tear_down);
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/timeline/small-text", test_small_text);
  g_test_add ("/timeline/recurrences", Fixture, NULL, fixture_set_up, test_recurrences, fixture_tear_down);
  g_test_add ("/timeline/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/timeline/hit", Fixture, NULL, fixture_set_up, test_hit, fixture_tear_down);
  g_test_add ("/timeline/shown", Fixture, NULL, fixture_set_up, test_shown, fixture_tear_down);
  g_test_add ("/timeline/screen", Fixture, NULL, fixture_set_up, test_screen, fixture_tear_down);
  g_test_add ("/timeline/group-by-unit", Fixture, NULL, fixture_set_up, test_group_by_unit, fixture_tear_down);
  g_test_add ("/timeline/paginate", Fixture, GUINT_TO_POINTER (100), fixture_set_up, test_paginate,
              fixture_tear_down);
  g_test_add ("/timeline/export", Fixture, NULL, fixture_set_up, test_export_files, fixture_tear_down);

  return g_test_run ();
}
