/* test-plan-copy.c — next year's arrangement from this year's; which plan
 * a plan implements
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-plan-copy.h"
#include "anpai-test-util.h"

typedef struct {
  char          *dir;
  AnpaiProject  *project;
  gint64         outline_plan;  /* 法治政府建设实施纲要(2015—2020年) */
  gint64         plan;          /* its 2018 arrangement */
  gint64         section, t1, t2, t3;
  gint64         sfj, fzb, xq;
  AnpaiChanges  *last_changes;
} Fixture;

static void
changed_cb (AnpaiProject *project,
            AnpaiChanges *changes,
            Fixture      *f)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  f->last_changes = anpai_changes_ref (changes);
}

static gint64
add_task (Fixture     *f,
          gint64       parent,
          const char  *label,
          const char  *title,
          const char  *time_text,
          AnpaiStatus  status,
          int          progress)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(GError) error = NULL;
  GDate start, end;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  anpai_node_set_status (node, status);
  anpai_node_set_progress (node, progress);
  if (time_text != NULL)
    {
      g_autoptr(AnpaiTimeSpec) time = NULL;

      g_date_set_dmy (&start, 1, 1, 2018);
      g_date_set_dmy (&end, 31, 12, 2018);
      time = anpai_time_spec_parse (time_text, &start, &end);
      anpai_node_set_time (node, time);
    }
  id = anpai_project_add_node (f->project, node, f->plan, parent, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) outline = anpai_plan_new ();
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
  g_autoptr(AnpaiNode) february = NULL;
  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 units[2];

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "copy.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);

  anpai_plan_set_title (outline, "法治政府建设实施纲要(2015—2020年)");
  anpai_plan_set_kind (outline, ANPAI_PLAN_KIND_MULTI_YEAR);
  anpai_plan_set_period_start (outline, "2015-01-01");
  anpai_plan_set_period_end (outline, "2020-12-31");
  f->outline_plan = anpai_project_add_plan (f->project, outline, &error);

  anpai_plan_set_title (plan, "驻马店市贯彻落实法治政府建设实施纲要(2015—2020年)2018年度工作安排");
  anpai_plan_set_doc_number (plan, "驻政办〔2018〕46号");
  anpai_plan_set_issuer (plan, "驻马店市人民政府办公室");
  anpai_plan_set_issued_on (plan, "2018-04-11");
  anpai_plan_set_period_start (plan, "2018-01-01");
  anpai_plan_set_period_end (plan, "2018-12-31");
  anpai_plan_set_parent_id (plan, f->outline_plan);
  f->plan = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);

  f->sfj = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->fzb = anpai_project_ensure_unit (f->project, "市政府法制办公室", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->xq = anpai_project_ensure_unit (f->project, "各县区人民政府", ANPAI_UNIT_KIND_COLLECTIVE, &error);

  anpai_node_set_label (section, "一、");
  anpai_node_set_title (section, "依法全面履行政府职能");
  f->section = anpai_project_add_node (f->project, section, f->plan, 0, -1, &error);
  f->t1 = add_task (f, f->section, "(一)", "全面实行政府权责清单制度", "2018年6月底前",
                    ANPAI_STATUS_IN_PROGRESS, 40);
  f->t2 = add_task (f, f->section, "(二)", "2017年未完成的清理工作", "2017—2018年",
                    ANPAI_STATUS_DONE, 100);
  {
    g_autoptr(AnpaiNode) with_body = anpai_project_load_node (f->project, f->t1, &error);

    anpai_node_set_body (with_body, "2018年底前实现市县两级全覆盖，巩固2017年清理成果。");
    g_assert_true (anpai_project_update_node (f->project, with_body, &error));
  }
  f->t3 = add_task (f, 0, "二、", "每年报告法治政府建设情况", "每年3月31日前",
                    ANPAI_STATUS_NOT_STARTED, 0);
  g_assert_no_error (error);

  /* a month end in February: 2018-02-28 → 2019-02-28; and a manual date */
  february = anpai_project_load_node (f->project, f->t3, &error);
  g_free (time->text);
  time->text = g_strdup ("2018.2.28");
  time->kind = ANPAI_TIME_DEADLINE;
  g_date_set_dmy (&time->end, 28, 2, 2018);
  time->source = ANPAI_TIME_SOURCE_MANUAL;
  anpai_node_set_time (february, time);
  anpai_node_set_status (february, ANPAI_STATUS_SUSPENDED);
  g_assert_true (anpai_project_update_node (f->project, february, &error));

  units[0] = f->fzb;
  units[1] = f->xq;
  g_assert_true (anpai_project_set_node_units (f->project, f->t1, ANPAI_ROLE_LEAD, &f->sfj, 1, &error));
  g_assert_true (anpai_project_set_node_units (f->project, f->t1, ANPAI_ROLE_SUPPORT, units, 2, &error));
  g_assert_true (anpai_project_add_target (f->project, f->t1, "群众满意度达95%以上", ">=", 95, TRUE,
                                           "%", &error));
  g_assert_no_error (error);

  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

static JsonObject *
plan_in_dump (JsonNode *dump,
              guint     index)
{
  return json_array_get_object_element (
           json_object_get_array_member (json_node_get_object (dump), "plans"), index);
}

static JsonObject *
node_in (JsonObject *plan,
         guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (plan, "nodes"), index);
}

static void
test_years (void)
{
  static const struct { const char *in; int first, last; const char *out; } cases[] = {
    { "驻马店市2018年度法治政府建设工作安排", 2018, 2018, "驻马店市2019年度法治政府建设工作安排" },
    { "实施纲要(2015—2020年)2018年工作要点", 2018, 2018, "实施纲要(2015—2020年)2019年工作要点" },
    { "2023—2024年行动计划", 2023, 2024, "2024—2025年行动计划" },
    { "2018年6月底前", 1000, 9999, "2019年6月底前" },
    { "2017—2018年", 1000, 9999, "2018—2019年" },
    { "2017-2018年", 1000, 9999, "2018-2019年" },
    { "2018-06-30前", 1000, 9999, "2019-06-30前" },
    { "2018.6底", 1000, 9999, "2019.6底" },
    /* not years: amounts, document numbers, longer numbers */
    { "投入2000万元", 1000, 9999, "投入2000万元" },
    { "驻政办〔2018〕46号", 1000, 9999, "驻政办〔2018〕46号" },
    { "编号20181年", 1000, 9999, "编号20181年" },
    { "每年3月31日前", 1000, 9999, "每年3月31日前" },
    /* a range moves whole or not at all */
    { "落实2018—2020年规划", 2018, 2018, "落实2018—2020年规划" },
    { "巩固2017—2018年成果", 2018, 2018, "巩固2017—2018年成果" },
    { "2018—2019年", 2018, 2019, "2019—2020年" },
    /* amounts and numbers that only look like dates */
    { "投入2018.5万元", 1000, 9999, "投入2018.5万元" },
    { "增长2018.5%", 1000, 9999, "增长2018.5%" },
    { "电话0396-2018-7", 1000, 9999, "电话0396-2018-7" },
    { "2018.13", 1000, 9999, "2018.13" },
    { "2018/3月报", 1000, 9999, "2019/3月报" },
    { "", 1000, 9999, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = anpai_shift_plain_years (cases[i].in, cases[i].first, cases[i].last, 1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(JsonNode) dump = NULL;
  JsonObject *old_plan, *new_plan, *node, *time;
  AnpaiPlan *copy;
  gint64 id;

  id = anpai_project_copy_plan_to_next_year (f->project, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (anpai_changes_has_plan (f->last_changes, id));
  g_assert_false (anpai_changes_has_plan (f->last_changes, f->plan));
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Copy Plan to Next Year");

  copy = anpai_project_get_plan (f->project, id);
  g_assert_nonnull (copy);
  g_assert_cmpstr (anpai_plan_get_title (copy), ==,
                   "驻马店市贯彻落实法治政府建设实施纲要(2015—2020年)2019年度工作安排");
  g_assert_cmpstr (anpai_plan_get_period_start (copy), ==, "2019-01-01");
  g_assert_cmpstr (anpai_plan_get_period_end (copy), ==, "2019-12-31");
  g_assert_cmpint (anpai_plan_get_parent_id (copy), ==, f->outline_plan);
  g_assert_cmpstr (anpai_plan_get_doc_number (copy), ==, "");
  g_assert_cmpstr (anpai_plan_get_issuer (copy), ==, "驻马店市人民政府办公室");
  g_assert_cmpint (anpai_project_count_tasks (f->project, id), ==, 3);

  dump = anpai_test_dump (f->project);
  old_plan = plan_in_dump (dump, 1);
  new_plan = plan_in_dump (dump, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (new_plan, "nodes")), ==,
                    json_array_get_length (json_object_get_array_member (old_plan, "nodes")));
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *a = node_in (old_plan, i);
      JsonObject *b = node_in (new_plan, i);

      g_assert_cmpstr (json_object_get_string_member (a, "label"), ==,
                       json_object_get_string_member (b, "label"));
      g_assert_cmpstr (json_object_get_string_member (a, "title"), ==,
                       json_object_get_string_member (b, "title"));
      g_assert_cmpstr (json_object_get_string_member (b, "status"), ==, "not-started");
      g_assert_cmpint (json_object_get_int_member (b, "progress"), ==, 0);
    }
  /* structure: the two tasks sit under the copied section */
  g_assert_cmpint (json_object_get_int_member (node_in (new_plan, 1), "parent"), ==,
                   json_object_get_int_member (node_in (new_plan, 0), "id"));
  g_assert_cmpint (json_object_get_int_member (node_in (new_plan, 2), "parent"), ==,
                   json_object_get_int_member (node_in (new_plan, 0), "id"));
  g_assert_true (json_object_get_null_member (node_in (new_plan, 3), "parent"));

  node = node_in (new_plan, 1);
  /* the plan's own year moves in the words too; another year stays */
  g_assert_cmpstr (json_object_get_string_member (node, "text"), ==,
                   "2019年底前实现市县两级全覆盖，巩固2017年清理成果。");
  time = json_object_get_object_member (node, "time");
  g_assert_cmpstr (json_object_get_string_member (time, "text"), ==, "2019年6月底前");
  g_assert_cmpstr (json_object_get_string_member (time, "end"), ==, "2019-06-30");
  g_assert_cmpstr (json_object_get_string_member (node, "lead"), ==, "市司法局");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node, "support")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (node, "support"), 1),
                   ==, "各县区人民政府");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node, "targets")), ==, 1);

  time = json_object_get_object_member (node_in (new_plan, 2), "time");
  g_assert_cmpstr (json_object_get_string_member (time, "text"), ==, "2018—2019年");
  g_assert_cmpstr (json_object_get_string_member (time, "start"), ==, "2018-01-01");
  g_assert_cmpstr (json_object_get_string_member (time, "end"), ==, "2019-12-31");

  time = json_object_get_object_member (node_in (new_plan, 3), "time");
  g_assert_cmpstr (json_object_get_string_member (time, "text"), ==, "2019.2.28");
  g_assert_cmpstr (json_object_get_string_member (time, "end"), ==, "2019-02-28");
  g_assert_cmpstr (json_object_get_string_member (time, "source"), ==, "manual");

  /* the original is untouched */
  g_assert_cmpstr (json_object_get_string_member (node_in (old_plan, 1), "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (old_plan, "doc_number"), ==, "驻政办〔2018〕46号");

  after = anpai_test_dump_string (f->project);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  undone = anpai_test_dump_string (f->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (anpai_project_get_plan (f->project, id));
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  redone = anpai_test_dump_string (f->project);
  g_assert_cmpstr (redone, ==, after);

  /* copying the copy carries on: 2019 → 2020, and Feb 28 of 2019 was a
   * month end, so it lands on the 29th of the leap year */
  {
    gint64 again = anpai_project_copy_plan_to_next_year (f->project, id, &error);
    g_autoptr(JsonNode) dump2 = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (anpai_plan_get_title (anpai_project_get_plan (f->project, again)), ==,
                     "驻马店市贯彻落实法治政府建设实施纲要(2015—2020年)2020年度工作安排");
    dump2 = anpai_test_dump (f->project);
    time = json_object_get_object_member (node_in (plan_in_dump (dump2, 3), 3), "time");
    g_assert_cmpstr (json_object_get_string_member (time, "end"), ==, "2020-02-29");
  }

  g_assert_cmpint (anpai_project_copy_plan_to_next_year (f->project, 9999, &error), ==, 0);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

static void
test_set_parent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autofree char *cleared = NULL;
  g_autofree char *now = NULL;

  g_assert_true (anpai_project_set_plan_parent (f->project, f->plan, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_plan_get_parent_id (anpai_project_get_plan (f->project, f->plan)), ==, 0);
  g_assert_true (anpai_changes_has_plan (f->last_changes, f->plan));
  cleared = anpai_test_dump_string (f->project);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_cmpint (anpai_plan_get_parent_id (anpai_project_get_plan (f->project, f->plan)), ==,
                   f->outline_plan);
  g_assert_cmpstr (anpai_project_get_redo_label (f->project), ==, "Clear Implemented Plan");

  /* the outline cannot implement its own arrangement, nor itself */
  g_assert_false (anpai_project_set_plan_parent (f->project, f->outline_plan, f->plan, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_set_plan_parent (f->project, f->plan, f->plan, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_set_plan_parent (f->project, f->plan, 9999, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_set_plan_parent (f->project, 9999, f->plan, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  now = anpai_test_dump_string (f->project);
  g_assert_cmpstr (now, ==, before);
  g_assert_true (anpai_project_can_redo (f->project));

  /* setting it again */
  g_assert_true (anpai_project_set_plan_parent (f->project, f->plan, 0, &error));
  g_assert_true (anpai_project_set_plan_parent (f->project, f->plan, f->outline_plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Set Implemented Plan");
  g_assert_cmpint (anpai_plan_get_parent_id (anpai_project_get_plan (f->project, f->plan)), ==,
                   f->outline_plan);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/plan-copy/years", test_years);
  g_test_add ("/plan-copy/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/plan-copy/set-parent", Fixture, NULL, fixture_set_up, test_set_parent,
              fixture_tear_down);
  return g_test_run ();
}
