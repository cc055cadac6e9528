/* test-import-parse.c — the structure parser on plans written for the project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "anpai-import-parse-private.h"
#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "anpai-target-find.h"
#include "anpai-import-test-util.h"
#include "anpai-unit-clause.h"

/*
 * Helpers
 */

static AnpaiImportSource *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiImportSource *source;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  source = anpai_import_read_text (contents, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static AnpaiImportPlan *
parse_fixture (const char               *name,
               const AnpaiImportOptions *options)
{
  g_autoptr(AnpaiImportSource) source = read_fixture (name);
  g_autoptr(GError) error = NULL;
  AnpaiImportPlan *plan = anpai_import_parse (source, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (plan->source_text, ==, source->text->str);
  g_assert_cmpstr (plan->source_name, ==, name);
  anpai_test_check_tree (plan->root, strlen (plan->source_text));
  return plan;
}

static gboolean
has_warning (AnpaiImportPlan *plan,
             const char      *part)
{
  for (guint i = 0; i < plan->warnings->len; i++)
    if (strstr (g_ptr_array_index (plan->warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/*
 * Labels
 */

static void
test_labels (void)
{
  static const struct {
    const char      *text;
    AnpaiLabelStyle  style;
    int              number;
    gboolean         weak;
    const char      *rest;
  } cases[] = {
    { "一、总体目标", ANPAI_LABEL_CN, 1, FALSE, "总体目标" },
    { "十一、加强保障", ANPAI_LABEL_CN, 11, FALSE, "加强保障" },
    { "二十三、其他", ANPAI_LABEL_CN, 23, FALSE, "其他" },
    { "(一)推动履职。", ANPAI_LABEL_CN_PAREN, 1, FALSE, "推动履职。" },
    { "（三十八）加强保障", ANPAI_LABEL_CN_PAREN, 38, FALSE, "加强保障" },
    { "㈢建立制度", ANPAI_LABEL_CN_PAREN, 3, FALSE, "建立制度" },
    { "1.建立健全", ANPAI_LABEL_ARABIC, 1, FALSE, "建立健全" },
    { "8.  2023年年底前", ANPAI_LABEL_ARABIC, 8, FALSE, "2023年年底前" },
    { "12、完善", ANPAI_LABEL_ARABIC, 12, FALSE, "完善" },
    { "3．推进", ANPAI_LABEL_ARABIC, 3, FALSE, "推进" },
    { "2全面实行", ANPAI_LABEL_ARABIC, 2, TRUE, "全面实行" },
    { "(2)加强", ANPAI_LABEL_ARABIC_PAREN, 2, FALSE, "加强" },
    { "（10）落实", ANPAI_LABEL_ARABIC_PAREN, 10, FALSE, "落实" },
    { "③规范", ANPAI_LABEL_CIRCLED, 3, FALSE, "规范" },
    { "三是推行", ANPAI_LABEL_CN_SHI, 3, TRUE, "推行" },
  };
  static const char * const not_labels[] = {
    "2023年为重点突破年", "2.5亿元", "30家部门", "12348公共法律服务热线", "一", "十分重要",
    "(责任单位:市司法局)", "——2024年", "", "(", "1", "0.内容", "1000.内容",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AnpaiLabel label;

      g_test_message ("%s", cases[i].text);
      g_assert_true (anpai_parse_label (cases[i].text, &label));
      g_assert_cmpint (label.style, ==, cases[i].style);
      g_assert_cmpint (label.number, ==, cases[i].number);
      g_assert_cmpint (label.weak, ==, cases[i].weak);
      g_assert_cmpstr (cases[i].text + label.length, ==, cases[i].rest);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_labels); i++)
    {
      AnpaiLabel label;

      g_test_message ("%s", not_labels[i]);
      g_assert_false (anpai_parse_label (not_labels[i], &label));
    }
}

static void
test_date_lines (void)
{
  int y, m, d;

  g_assert_true (anpai_parse_date_line ("2018年4月11日", &y, &m, &d));
  g_assert_cmpint (y, ==, 2018);
  g_assert_cmpint (m, ==, 4);
  g_assert_cmpint (d, ==, 11);
  g_assert_true (anpai_parse_date_line ("二〇一九年十二月三十一日", &y, &m, &d));
  g_assert_cmpint (y, ==, 2019);
  g_assert_cmpint (m, ==, 12);
  g_assert_cmpint (d, ==, 31);
  g_assert_false (anpai_parse_date_line ("2018年4月11日前完成", NULL, NULL, NULL));
  g_assert_false (anpai_parse_date_line ("2018年2月30日", NULL, NULL, NULL));
  g_assert_false (anpai_parse_date_line ("2018年", NULL, NULL, NULL));
}

/*
 * The fixtures, one per shape of plan
 */

/* An action plan from a web page (seed shape 001): notice title, page chrome,
 * a title split over two lines with its dash lost, run-on numbering with
 * bare numbers, trailing unit brackets, narrative 保障措施. */
static void
test_action_plan (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_fixture ("action-plan.txt", NULL);
  AnpaiImportNode *tasks_section, *measures;

  g_assert_cmpstr (plan->title, ==, "岚石市数字政府建设攻坚行动计划(2024—2025年)");
  g_assert_cmpstr (plan->issuer, ==, "岚石市人民政府办公室");
  g_assert_cmpstr (plan->issued_on, ==, "2024-02-20");
  g_assert_cmpstr (plan->doc_number, ==, "");
  g_assert_cmpstr (plan->period_start, ==, "2024-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2025-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_ACTION_PLAN);

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 3);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 9);
  tasks_section = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 1);
  g_assert_cmpstr (tasks_section->label, ==, "二、");
  g_assert_cmpstr (tasks_section->title, ==, "重点任务");
  g_assert_cmpint (anpai_test_count_children (tasks_section, ANPAI_NODE_KIND_SECTION), ==, 3);
  g_assert_cmpint (anpai_test_count_children (anpai_test_child (tasks_section, ANPAI_NODE_KIND_SECTION, 0),
                                   ANPAI_NODE_KIND_TASK), ==, 3);
  g_assert_cmpint (anpai_test_count_children (anpai_test_child (tasks_section, ANPAI_NODE_KIND_SECTION, 1),
                                   ANPAI_NODE_KIND_TASK), ==, 4);
  g_assert_cmpstr (anpai_test_child (tasks_section, ANPAI_NODE_KIND_SECTION, 2)->title, ==, "筑牢安全防线");

  /* the narrative: one section of text nodes, never tasks */
  measures = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 2);
  g_assert_cmpint (anpai_test_count_children (measures, ANPAI_NODE_KIND_TEXT), ==, 2);
  g_assert_cmpint (anpai_import_node_count (measures, ANPAI_NODE_KIND_TASK), ==, 0);
  g_assert_cmpstr (anpai_test_child (measures, ANPAI_NODE_KIND_TEXT, 0)->label, ==, "(一)");
  g_assert_cmpstr (anpai_test_child (measures, ANPAI_NODE_KIND_TEXT, 0)->title, ==, "加强组织领导");

  /* labels as written, titles as first sentences */
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->label, ==, "1.");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->title, ==,
                   "全面推行政务服务事项清单管理,动态调整本级政务服务事项清单");
  g_assert_cmpstr (anpai_test_task (plan->root, 2)->label, ==, "2");
  g_assert_cmpstr (anpai_test_task (plan->root, 2)->title, ==,
                   "推进“一件事一次办”改革,年内新增集成服务事项20项以上");
  g_assert_cmpstr (anpai_test_task (plan->root, 5)->label, ==, "5.");
  g_assert_cmpstr (anpai_test_task (plan->root, 9)->label, ==, "9");

  /* years and counts at a line's start are not items */
  g_assert_true (anpai_test_tree_contains (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0), "30家市直部门"));
  g_assert_false (anpai_test_tree_contains (plan->root, "扫一扫"));
  g_assert_false (anpai_test_tree_contains (plan->root, "发布时间"));

  /* time requirements: text, then plan */
  anpai_test_assert_time (anpai_test_task (plan->root, 5), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TEXT, NULL, "2024-12-31");
  anpai_test_assert_time (anpai_test_task (plan->root, 6), ANPAI_TIME_WINDOW,
                          ANPAI_TIME_SOURCE_TEXT, "2025-01-01", "2025-06-30");
  g_assert_cmpstr (anpai_test_task (plan->root, 6)->time->text, ==, "2025年上半年");
  anpai_test_assert_time (anpai_test_task (plan->root, 7), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TEXT, NULL, NULL);
  g_assert_nonnull (strstr (anpai_test_task (plan->root, 7)->time->rrule, "FREQ=YEARLY"));
  anpai_test_assert_time (anpai_test_task (plan->root, 4), ANPAI_TIME_WINDOW,
                          ANPAI_TIME_SOURCE_PLAN, "2024-01-01", "2025-12-31");
  g_assert_cmpstr (anpai_test_task (plan->root, 4)->time->text, ==, "");

  /* each task points at its own line in the source */
  for (int n = 1; n <= 9; n++)
    {
      AnpaiImportNode *t = anpai_test_task (plan->root, n);

      g_assert_true (g_str_has_prefix (plan->source_text + t->source_start, t->label));
      g_assert_cmpuint (t->source_end, >, t->source_start);
    }
}

static void
test_action_plan_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;

  plan = parse_fixture ("action-plan.txt", NULL);

  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "市数据局");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->support, "市直各部门"));
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->support, "各县区人民政府"));
  g_assert_null (strstr (anpai_test_task (plan->root, 1)->body, "责任单位"));
  g_assert_null (strstr (anpai_test_task (plan->root, 1)->title, "责任单位"));

  anpai_test_assert_lead (anpai_test_task (plan->root, 2), "市数据局");
  g_assert_cmpuint (anpai_test_task (plan->root, 2)->co->len, ==, 1);
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 2)->co, "市营商办"));
  g_assert_cmpuint (anpai_test_task (plan->root, 2)->support->len, ==, 2);

  anpai_test_assert_lead (anpai_test_task (plan->root, 8), "市委网信办");
  g_assert_cmpuint (anpai_test_task (plan->root, 8)->support->len, ==, 2);
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 8)->support, "市数据局"));
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 8)->support, "市公安局"));

  g_assert_nonnull (anpai_import_plan_find_unit (plan, anpai_test_task (plan->root, 1)->lead));
  g_assert_false (has_warning (plan, "lead unit"));
}

static void
test_action_plan_targets (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;
  gboolean found = FALSE;

  plan = parse_fixture ("action-plan.txt", NULL);
  for (guint i = 0; i < anpai_test_task (plan->root, 3)->targets->len; i++)
    {
      AnpaiImportTarget *target = g_ptr_array_index (anpai_test_task (plan->root, 3)->targets, i);

      if (target->has_value && target->value == 99 && g_str_equal (target->measure, "%"))
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpuint (anpai_test_task (plan->root, 4)->targets->len, ==, 0);
}

/* An annual plan (seed shape 002): metadata table, notice with its date,
 * full-width punctuation, 责任单位 lines, a gap in the numbering, a rule. */
static void
test_annual (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_fixture ("annual.txt", NULL);
  AnpaiImportNode *platform;

  g_assert_cmpstr (plan->title, ==, "枫渡市2021年度政务公开工作要点");
  g_assert_cmpstr (plan->doc_number, ==, "枫政办〔2021〕12号");
  g_assert_cmpstr (plan->issuer, ==, "枫渡市人民政府办公室");
  g_assert_cmpstr (plan->issued_on, ==, "2021-03-05");
  g_assert_cmpstr (plan->period_start, ==, "2021-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2021-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_ANNUAL);

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 3);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 7);
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->label, ==, "（一）");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->title, ==, "完善重大决策预公开制度");
  g_assert_cmpstr (anpai_test_task (plan->root, 5)->label, ==, "（六）");
  g_assert_true (has_warning (plan, "（四）"));
  g_assert_true (has_warning (plan, "（六）"));

  /* the notice is not part of the outline */
  g_assert_false (anpai_test_tree_contains (plan->root, "现印发给你们"));
  g_assert_false (anpai_test_tree_contains (plan->root, "索 引 号"));
  /* unit lines belong to their task, not to the outline */
  g_assert_false (anpai_test_tree_contains (plan->root, "责任单位：市财政局"));
  {
    AnpaiImportNode *third = anpai_test_task (plan->root, 3);
    g_autofree char *span = g_strndup (plan->source_text + third->source_start,
                                       third->source_end - third->source_start);

    g_assert_true (g_str_has_prefix (span, "（三）加强财政信息公开"));
    g_assert_true (g_str_has_suffix (span, "责任单位：市财政局、各有关部门，县级人民政府按职责分工分别负责。"));
  }

  anpai_test_assert_time (anpai_test_task (plan->root, 3), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TEXT, NULL, "2021-06-30");
  g_assert_cmpstr (anpai_test_task (plan->root, 3)->time->text, ==, "今年6月30日前");
  anpai_test_assert_time (anpai_test_task (plan->root, 4), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TEXT, NULL, NULL);
  anpai_test_assert_time (anpai_test_task (plan->root, 1), ANPAI_TIME_WINDOW,
                          ANPAI_TIME_SOURCE_PLAN, "2021-01-01", "2021-12-31");

  /* the closing rule is a text node of the last section, not a task */
  platform = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 2);
  g_assert_cmpint (anpai_test_count_children (platform, ANPAI_NODE_KIND_TASK), ==, 2);
  g_assert_cmpint (anpai_test_count_children (platform, ANPAI_NODE_KIND_TEXT), ==, 1);
  g_assert_true (g_str_has_prefix (anpai_test_child (platform, ANPAI_NODE_KIND_TEXT, 0)->title, "本要点所列工作"));
}

static void
test_annual_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autofree char *fuller = anpai_unit_name_normalize ("市政府法制办公室");
  g_autofree char *shorter = anpai_unit_name_normalize ("市政府法制办");
  AnpaiImportUnit *unit;

  plan = parse_fixture ("annual.txt", NULL);

  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "市政府办公室");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "市司法局"));
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "县级人民政府"));
  /* one unit under two spellings: the fuller one is its name */
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 2)->co, "市政府法制办公室"));
  anpai_test_assert_lead (anpai_test_task (plan->root, 5), "市政府法制办公室");
  unit = anpai_import_plan_find_unit (plan, fuller);
  g_assert_nonnull (unit);
  g_assert_cmpuint (unit->spellings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unit->spellings, 0), ==, shorter);
  g_assert_null (anpai_import_plan_find_unit (plan, shorter));
  g_assert_cmpint (unit->n_uses, ==, 2);

  /* the rule is not a unit; the task without units is reported */
  g_assert_null (anpai_test_task (plan->root, 7)->lead);
  g_assert_true (has_warning (plan, "（八）"));
  for (guint i = 0; i < plan->units->len; i++)
    g_assert_null (strstr (((AnpaiImportUnit *) g_ptr_array_index (plan->units, i))->name, "排名"));
}

/* A multi-year plan with an annex (seed shape 000): narrative parts, 目标:
 * and 措施: paragraphs, 〔…〕 brackets with a rule in them, and a breakdown
 * table flattened to one cell per line. */
static void
test_outline_annex (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_fixture ("outline-annex.txt", NULL);
  AnpaiImportNode *situation, *requirements, *tasks_section, *support, *annex;

  g_assert_cmpstr (plan->title, ==, "云岫市法治社会建设规划(2021—2025年)");
  g_assert_cmpstr (plan->issued_on, ==, "2021-06-01");
  g_assert_cmpstr (plan->issuer, ==, "");
  g_assert_cmpstr (plan->period_start, ==, "2021-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2025-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_MULTI_YEAR);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 12);
  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 5);

  /* narrative: (一)(二) on their own lines are text, headings with text are sections */
  situation = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0);
  g_assert_cmpint (anpai_test_count_children (situation, ANPAI_NODE_KIND_TEXT), ==, 3);
  g_assert_cmpint (anpai_test_count_children (situation, ANPAI_NODE_KIND_SECTION), ==, 0);
  requirements = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 1);
  g_assert_cmpint (anpai_test_count_children (requirements, ANPAI_NODE_KIND_SECTION), ==, 2);
  g_assert_cmpstr (anpai_test_child (requirements, ANPAI_NODE_KIND_SECTION, 0)->title, ==, "指导思想");
  g_assert_cmpint (anpai_import_node_count (requirements, ANPAI_NODE_KIND_TASK), ==, 0);

  tasks_section = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 2);
  g_assert_cmpint (anpai_test_count_children (tasks_section, ANPAI_NODE_KIND_SECTION), ==, 2);
  g_assert_true (g_str_has_prefix (anpai_test_child (anpai_test_child (tasks_section, ANPAI_NODE_KIND_SECTION, 0),
                                          ANPAI_NODE_KIND_TEXT, 0)->title, "目标:"));
  support = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 3);
  g_assert_cmpint (anpai_test_count_children (support, ANPAI_NODE_KIND_TASK), ==, 2);
  g_assert_cmpint (anpai_test_count_children (support, ANPAI_NODE_KIND_TEXT), ==, 2);
  g_assert_cmpstr (anpai_test_task (plan->root, 6)->label, ==, "6.");
  g_assert_cmpstr (anpai_test_task (plan->root, 6)->title, ==, "加强组织领导");

  anpai_test_assert_time (anpai_test_task (plan->root, 3), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TEXT, NULL, "2023-12-31");
  anpai_test_assert_time (anpai_test_task (plan->root, 7), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TEXT, NULL, NULL);

  /* the reference to the annex, joined over its two lines */
  g_assert_true (g_str_has_prefix (anpai_test_child (plan->root, ANPAI_NODE_KIND_TEXT, 1)->title,
                                   "附件:《云岫市法治社会建设规划(2021—2025年)》主要任务分解表"));

  annex = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 4);
  g_assert_cmpstr (annex->label, ==, "附件");
  g_assert_cmpstr (annex->title, ==, "《云岫市法治社会建设规划(2021—2025年)》主要任务分解表");
  g_assert_cmpint (anpai_test_count_children (annex, ANPAI_NODE_KIND_TASK), ==, 5);
  g_assert_cmpstr (anpai_test_task (plan->root, 8)->label, ==, "1");
  g_assert_cmpstr (anpai_test_task (plan->root, 8)->title, ==, "深入开展宪法宣传教育");
  g_assert_cmpstr (anpai_test_task (plan->root, 12)->title, ==, "推进信访事项依法分类处理");
  anpai_test_assert_time (anpai_test_task (plan->root, 8), ANPAI_TIME_ONGOING,
                          ANPAI_TIME_SOURCE_TABLE, "2021-01-01", "2025-12-31");
  g_assert_cmpstr (anpai_test_task (plan->root, 8)->time->text, ==, "整个期间内");
  anpai_test_assert_time (anpai_test_task (plan->root, 9), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TABLE, NULL, "2022-12-31");
  anpai_test_assert_time (anpai_test_task (plan->root, 10), ANPAI_TIME_FROM,
                          ANPAI_TIME_SOURCE_TABLE, "2023-01-01", "2025-12-31");
  anpai_test_assert_time (anpai_test_task (plan->root, 11), ANPAI_TIME_ONGOING,
                          ANPAI_TIME_SOURCE_TABLE, NULL, NULL);
  anpai_test_assert_time (anpai_test_task (plan->root, 12), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TABLE, NULL, "2024-12-31");

  /* a row points at its number line */
  g_assert_true (g_str_has_prefix (plan->source_text + anpai_test_task (plan->root, 10)->source_start,
                                   "3\n"));
  g_assert_false (anpai_test_tree_contains (plan->root, "序号"));
  g_assert_false (anpai_test_tree_contains (plan->root, "访问量"));
}

static void
test_outline_annex_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;

  plan = parse_fixture ("outline-annex.txt", NULL);

  /* brackets in the text, with the document's rule inside */
  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "市司法局");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "市委宣传部"));
  g_assert_null (strstr (anpai_test_task (plan->root, 1)->body, "牵头单位"));
  anpai_test_assert_lead (anpai_test_task (plan->root, 5), "市信访局");

  /* the table's columns */
  anpai_test_assert_lead (anpai_test_task (plan->root, 8), "市司法局");
  g_assert_cmpuint (anpai_test_task (plan->root, 8)->support->len, ==, 2);
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 8)->support, "市委宣传部"));
  anpai_test_assert_lead (anpai_test_task (plan->root, 10), "市司法局");
  g_assert_cmpuint (anpai_test_task (plan->root, 10)->co->len, ==, 1);
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 10)->co, "市文广旅局"));
  anpai_test_assert_lead (anpai_test_task (plan->root, 11), "市司法局");
  g_assert_cmpuint (anpai_test_task (plan->root, 11)->support->len, ==, 0);
  g_assert_cmpuint (anpai_test_task (plan->root, 12)->support->len, ==, 3);
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 12)->support, "市民政局"));
}

/* An indicator system (seed shape 003): navigation chrome, a notice title
 * over two lines, a standalone 文号, a signature, sentences broken over
 * lines with an empty line between the halves. */
static void
test_indicators (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_fixture ("indicators.txt", NULL);
  AnpaiImportNode *open_section;

  g_assert_cmpstr (plan->title, ==, "临皋省依法行政指标体系");
  g_assert_cmpstr (plan->doc_number, ==, "临政发〔2019〕8号");
  g_assert_cmpstr (plan->issuer, ==, "临皋省人民政府");
  g_assert_cmpstr (plan->issued_on, ==, "2019-04-30");
  g_assert_cmpstr (plan->period_start, ==, "");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_INDICATOR_SYSTEM);
  g_assert_true (has_warning (plan, "period"));

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 3);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_SECTION), ==, 3 + 5);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 8);

  /* a group with a paragraph under it is still a group */
  open_section = anpai_test_child (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 1), ANPAI_NODE_KIND_SECTION, 1);
  g_assert_cmpstr (open_section->title, ==, "建立新闻发言人制度");
  g_assert_cmpint (anpai_test_count_children (open_section, ANPAI_NODE_KIND_TEXT), ==, 1);

  /* broken lines joined, with nothing left of the break */
  g_assert_cmpstr (anpai_test_task (plan->root, 4)->title, ==,
                   "建立规范性文件定期清理制度,每2年清理一次,并向社会公布清理结果");
  g_assert_cmpstr (anpai_test_task (plan->root, 5)->title, ==,
                   "明确政府信息公开工作机构,配备专门人员负责政府信息公开工作");
  g_assert_true (anpai_test_tree_contains (plan->root, "依法获取政府信息的权利得到保障"));
  g_assert_false (anpai_test_tree_contains (plan->root, "\n"));
  g_assert_false (anpai_test_tree_contains (plan->root, "现将"));
  g_assert_false (anpai_test_tree_contains (plan->root, "编 辑"));

  anpai_test_assert_time (anpai_test_task (plan->root, 6), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TEXT, NULL, NULL);
  anpai_test_assert_time (anpai_test_task (plan->root, 1), ANPAI_TIME_NONE, ANPAI_TIME_SOURCE_NONE,
                          NULL, NULL);
}

/* A news article (seed shape 004): not a plan, but it imports, its 一是…
 * lists as tasks. */
static void
test_news (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_fixture ("news.txt", NULL);

  g_assert_cmpstr (plan->title, ==, "扎实推进法治政府建设 助力营商环境优化");
  g_assert_cmpstr (plan->issued_on, ==, "2022-08-15");
  g_assert_cmpstr (plan->period_start, ==, "");
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 5);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_SECTION), ==, 0);
  g_assert_cmpstr (anpai_test_task (plan->root, 4)->label, ==, "一是");
  g_assert_cmpstr (anpai_test_task (plan->root, 4)->title, ==, "着力抓好法治宣传教育");
  g_assert_false (anpai_test_tree_contains (plan->root, "暂无评论"));
  g_assert_false (anpai_test_tree_contains (plan->root, "发表评论"));
  g_assert_false (anpai_test_tree_contains (plan->root, "字数不能超过"));
  g_assert_false (anpai_test_tree_contains (plan->root, "阅读次数"));
}

/* The planner's --period wins; --year only fills what the document lacks. */
static void
test_options (void)
{
  AnpaiImportOptions period = { 0, 2030, 2031 };
  AnpaiImportOptions year = { 2019, 0, 0 };
  g_autoptr(AnpaiImportPlan) a = parse_fixture ("action-plan.txt", &period);
  g_autoptr(AnpaiImportPlan) b = parse_fixture ("action-plan.txt", &year);
  g_autoptr(AnpaiImportPlan) c = parse_fixture ("news.txt", &year);

  g_assert_cmpstr (a->period_start, ==, "2030-01-01");
  g_assert_cmpstr (a->period_end, ==, "2031-12-31");
  anpai_test_assert_time (anpai_test_task (a->root, 1), ANPAI_TIME_WINDOW, ANPAI_TIME_SOURCE_PLAN,
                          "2030-01-01", "2031-12-31");
  g_assert_cmpstr (b->period_start, ==, "2024-01-01");
  g_assert_cmpstr (c->period_start, ==, "2019-01-01");
  g_assert_cmpstr (c->period_end, ==, "2019-12-31");
}

/*
 * Blocks from the other readers: Word list labels, real tables
 */

static void
test_word_numbering (void)
{
  g_autoptr(AnpaiImportSource) source = anpai_import_source_new ("plan.docx", "docx");
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiImportNode *section;

  anpai_import_source_add_paragraph (source, "澄湖县2022年度安全生产工作要点", NULL);
  anpai_import_source_add_paragraph (source, "强化责任落实", "一、");
  anpai_import_source_add_paragraph (source, "压实企业主体责任。开展企业负责人培训。", "（一）");
  anpai_import_source_add_paragraph (source, "牵头单位：县应急局 配合单位：县市场监管局", NULL);
  anpai_import_source_add_paragraph (source, "完善考核办法。", "（二）");
  anpai_import_source_add_paragraph (source, "完成时限：2022年9月底前", NULL);
  anpai_import_source_add_paragraph (source, "推进专项整治", "二、");
  anpai_import_source_add_paragraph (source, "开展危化品专项整治。", "（一）");

  plan = anpai_import_parse (source, NULL, &error);
  g_assert_no_error (error);
  anpai_test_check_tree (plan->root, source->text->len);

  g_assert_cmpstr (plan->title, ==, "澄湖县2022年度安全生产工作要点");
  g_assert_cmpstr (plan->period_start, ==, "2022-01-01");
  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 2);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 3);
  section = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0);
  g_assert_cmpstr (section->label, ==, "一、");
  g_assert_cmpstr (section->title, ==, "强化责任落实");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->label, ==, "（一）");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->title, ==, "压实企业主体责任");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->body, ==, "开展企业负责人培训。");
  /* the span starts at the list label, which the source text holds too */
  g_assert_true (g_str_has_prefix (source->text->str + anpai_test_task (plan->root, 1)->source_start,
                                   "（一）压实"));
  /* the unit line is the task's */
  g_assert_cmpuint (anpai_test_task (plan->root, 1)->source_end, >,
                    anpai_test_task (plan->root, 1)->source_start +
                    strlen ("（一）压实企业主体责任。开展企业负责人培训。"));
  /* a 完成时限 line gives the task's time */
  anpai_test_assert_time (anpai_test_task (plan->root, 2), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TEXT, NULL, "2022-09-30");
  g_assert_cmpstr (anpai_test_task (plan->root, 2)->time->text, ==, "2022年9月底前");
}

static void
add_row (GPtrArray *rows,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (cells, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

static void
test_real_table (void)
{
  g_autoptr(AnpaiImportSource) source = anpai_import_source_new ("plan.html", "html");
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  AnpaiImportNode *annex, *group;

  anpai_import_source_add_paragraph (source, "溪口镇2022年重点工作任务分解", NULL);
  anpai_import_source_add_paragraph (source, "附件1", NULL);
  add_row (rows, "溪口镇重点工作任务分解表", "溪口镇重点工作任务分解表", "溪口镇重点工作任务分解表",
           "溪口镇重点工作任务分解表", NULL);
  add_row (rows, "序号", "重点任务", "责任单位", "完成时限", NULL);
  add_row (rows, "", "一、深化改革", "", "", NULL);
  add_row (rows, "1", "推进政务服务改革。实现镇村两级\n一窗通办。", "镇党政办、镇财政所", "2022年6月底前", NULL);
  add_row (rows, "2", "", "镇综治办", "", NULL);
  add_row (rows, "3", "开展矛盾纠纷排查", "镇综治办", "每季度", NULL);
  anpai_import_source_add_table (source, rows);

  plan = anpai_import_parse (source, NULL, &error);
  g_assert_no_error (error);
  anpai_test_check_tree (plan->root, source->text->len);

  annex = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0);
  g_assert_cmpstr (annex->label, ==, "附件1");
  g_assert_cmpstr (annex->title, ==, "溪口镇重点工作任务分解表");
  group = anpai_test_child (annex, ANPAI_NODE_KIND_SECTION, 0);
  g_assert_cmpstr (group->label, ==, "一、");
  g_assert_cmpstr (group->title, ==, "深化改革");
  g_assert_cmpint (anpai_test_count_children (group, ANPAI_NODE_KIND_TASK), ==, 2);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 2);

  g_assert_cmpstr (anpai_test_task (plan->root, 1)->label, ==, "1");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->title, ==, "推进政务服务改革");
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->body, ==, "实现镇村两级\n一窗通办。");
  anpai_test_assert_time (anpai_test_task (plan->root, 1), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TABLE, NULL, "2022-06-30");
  anpai_test_assert_time (anpai_test_task (plan->root, 2), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TABLE, NULL, NULL);
  g_assert_cmpstr (anpai_test_task (plan->root, 2)->label, ==, "3");
  /* each row points at its own line of the table in the source */
  g_assert_true (g_str_has_prefix (source->text->str + anpai_test_task (plan->root, 1)->source_start,
                                   "1\t推进"));
  g_assert_true (g_str_has_prefix (source->text->str + anpai_test_task (plan->root, 2)->source_start,
                                   "3\t开展"));
  g_assert_cmpint (source->text->str[anpai_test_task (plan->root, 2)->source_end], ==, '\n');
  /* the row with no task is reported */
  g_assert_true (has_warning (plan, "Row 2"));
  g_assert_cmpstr (plan->period_start, ==, "2022-01-01");
}

static void
test_real_table_units (void)
{
  g_autoptr(AnpaiImportSource) source = anpai_import_source_new ("plan.html", "html");
  g_autoptr(AnpaiImportPlan) plan = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  add_row (rows, "序号", "工作任务", "牵头单位", "配合单位", "时间要求", NULL);
  add_row (rows, "1", "推进政务服务改革", "镇党政办\n镇财政所", "镇综治办、镇司法所", "2022年完成", NULL);
  anpai_import_source_add_table (source, rows);
  plan = anpai_import_parse (source, NULL, NULL);
  g_assert_nonnull (plan);
  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "镇党政办");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "镇财政所"));
  g_assert_cmpuint (anpai_test_task (plan->root, 1)->support->len, ==, 2);
}

/* "附件１" as typed with full-width digits marks an annex as "附件1" does:
 * it is not run into the last task before it. */
static void
test_annex_markers (void)
{
  static const char * const markers[] = {
    "附件", "附件1", "附件１", "附件 2", "附件１２", "附件二", "附件:《云岫市法治社会建设规划》",
    "附件１：《云岫市法治社会建设规划》主要任务分解表",
  };
  static const char * const not_markers[] = {
    "附件材料", "按附件要求报送", "附", "",
  };
  static const char * const numbers[] = { "1", "１" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_test_message ("%s", markers[i]);
      g_assert_true (anpai_parse_is_annex_marker (markers[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_markers); i++)
    {
      g_test_message ("%s", not_markers[i]);
      g_assert_false (anpai_parse_is_annex_marker (not_markers[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("云岫市2023年法治政府建设工作要点\n"
                                               "一、加强组织领导\n"
                                               "1.每年至少召开1次专题会议。\n"
                                               "附件%s\n"
                                               "云岫市重点任务分解表\n"
                                               "一、深化改革\n"
                                               "1.推进政务服务改革,2023年6月底前完成。\n",
                                               numbers[i]);
      g_autofree char *marker = g_strconcat ("附件", numbers[i], NULL);
      g_autoptr(AnpaiImportSource) source = NULL;
      g_autoptr(AnpaiImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;

      source = anpai_import_read_text (text, "plan.txt", &error);
      g_assert_no_error (error);
      plan = anpai_import_parse (source, NULL, &error);
      g_assert_no_error (error);
      anpai_test_check_tree (plan->root, source->text->len);
      g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 2);
      g_assert_cmpstr (anpai_test_task (plan->root, 1)->body, ==, "");
      g_assert_cmpstr (anpai_test_child (plan->root, ANPAI_NODE_KIND_TEXT, 0)->title, ==, marker);
    }
}

/*
 * Input that is not a plan, and input that is hostile
 */

/* Lines as blocks, without the reader (which refuses empty text itself). */
static AnpaiImportSource *
source_of_lines (const char *text)
{
  AnpaiImportSource *source = anpai_import_source_new ("x.txt", "text/UTF-8");
  const char *p = text;

  /* by hand, not g_strsplit(): that is slow on megabytes under ASan */
  for (;;)
    {
      const char *end = strchr (p, '\n');
      g_autofree char *line = g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));

      anpai_import_source_add_paragraph (source, line, NULL);
      if (end == NULL)
        break;
      p = end + 1;
    }
  return source;
}

static void
assert_no_outline (const char *text)
{
  g_autoptr(AnpaiImportSource) source = source_of_lines (text);
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = anpai_import_parse (source, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, ANPAI_IMPORT_ERROR, (int) ANPAI_IMPORT_ERROR_NO_OUTLINE);
  g_assert_cmpstr (error->message, !=, "");
}

/* A 文号 on its own line right above the plan's title stays the 文号: the
 * title does not swallow it (the two lines look like a broken title). */
static void
test_doc_number_line (void)
{
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  source = anpai_import_read_text ("松江镇人民政府关于印发《松江镇2025年度安全生产工作要点》的通知\n"
                                   "松政发〔2025〕12号\n"
                                   "\n"
                                   "松江镇2025年度安全生产工作要点\n"
                                   "一、夯实基础\n"
                                   "(一)开展隐患排查。责任单位:镇应急办\n",
                                   "pasted", &error);
  g_assert_no_error (error);
  plan = anpai_import_parse (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->doc_number, ==, "松政发〔2025〕12号");
  g_assert_cmpstr (plan->title, ==, "松江镇2025年度安全生产工作要点");
  g_assert_cmpint (plan->root->children->len, ==, 1);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 1);
}

static void
test_no_outline (void)
{
  assert_no_outline ("");
  assert_no_outline ("\n\n   \n");
  assert_no_outline ("今年以来,我市扎实推进各项工作。\n取得了明显成效。\n");
  assert_no_outline ("2023年为重点突破年。\n30家企业参加。\n");
  assert_no_outline ("扫一扫在手机打开当前页\n首页 > 政务公开\n");
}

/* Shapes that have broken parsers: nothing here may crash, hang or leave a
 * tree that does not hold. */
static void
test_hostile (void)
{
  static const char * const texts[] = {
    "(", "一", "1.", "一、", "附件", "附件\n", "序号\n工作内容\n时间要求\n1", "序号\n工作内容\n牵头单位\n1\n",
    "序号\n工作内容\n牵头单位\n1\n\n2\n\n3\n", "(一)\n(二)\n(一)\n", "1.\n1.\n1.\n", "①②③",
    "一是\n二是\n三是", "关于印发的通知", "X关于印发《》的通知\n1.任务", "驻政办〔〕号\n1.任务",
    "1.任务(责任单位:)", "责任单位:\n1.任务\n责任单位:", "完成时限:\n1.任务\n完成时限:",
    "一、\n(一)\n1.\n(1)\n①\n一是\n", "附件:《\n主要任务分解表\n序号\n工作内容\n时间要求\n牵头单位\n配合单位\n1",
    "\xe2\x80\x94\xe2\x80\x94\n1.\xe2\x80\x94", "1.任务。\n\n\n\n2.任务。\n" "3" "\n",
  };
  GRand *rand = g_rand_new_with_seed (20260101);
  static const char * const pieces[] = {
    "一、", "(一)", "（二）", "1.", "2", "3、", "(1)", "①", "一是", "。", ",", "\n", "\n\n", "责任单位:",
    "配合单位:", "市司法局", "、", "〔", "〕", "(", ")", "2023年", "年底前", "附件", "序号", "工作内容",
    "时间要求", "牵头单位", "《", "》", "关于印发", "的通知", "扫一扫", "首页 > ", "专", "门", "——",
    "        ", "99", "12348", "指标体系", "(2016—2020年)", "20232024年", "驻政办〔2018〕46号",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(AnpaiImportSource) source = source_of_lines (texts[i]);
      g_autoptr(AnpaiImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;

      plan = anpai_import_parse (source, NULL, &error);
      g_assert_true ((plan != NULL) != (error != NULL));
      if (plan != NULL)
        anpai_test_check_tree (plan->root, strlen (plan->source_text));
    }

  for (int round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(AnpaiImportSource) source = NULL;
      g_autoptr(AnpaiImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      AnpaiImportOptions options = { g_rand_int_range (rand, 0, 3000), 0, 0 };
      int n = g_rand_int_range (rand, 1, 200);

      for (int k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      source = source_of_lines (text->str);
      plan = anpai_import_parse (source, &options, &error);
      g_assert_true ((plan != NULL) != (error != NULL));
      if (plan != NULL)
        anpai_test_check_tree (plan->root, strlen (plan->source_text));
    }
  g_rand_free (rand);
}

/* Long input: a 1 MB plan, a 1 MB line, 100,000 numbered lines. Each is
 * parsed whole and gives a tree that holds; how fast, and that the time grows
 * linearly, is measured by tests/bench/bench-import (a quadratic step here
 * would still show as the test timing out). */
static AnpaiImportPlan *
parse_long (const char *text)
{
  g_autoptr(AnpaiImportSource) source = source_of_lines (text);
  g_autoptr(GError) error = NULL;
  AnpaiImportPlan *plan;

  plan = anpai_import_parse (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  anpai_test_check_tree (plan->root, strlen (plan->source_text));
  return plan;
}

static void
test_long_input (void)
{
  g_autoptr(AnpaiImportSource) fixture = read_fixture ("outline-annex.txt");
  g_autoptr(AnpaiImportPlan) one = parse_long (fixture->text->str);
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("1.");
  g_autoptr(GString) many = g_string_new (NULL);
  int copies = 0;

  for (; big->len < 1024 * 1024; copies++)
    g_string_append (big, fixture->text->str);
  while (line->len < 1024 * 1024)
    g_string_append (line, "推进法治政府建设，");
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (many, "%d.任务%d。\n", i % 999 + 1, i);

  /* the document repeated: at least as many tasks as the copies hold */
  plan = parse_long (big->str);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), >=,
                   copies * anpai_import_node_count (one->root, ANPAI_NODE_KIND_TASK) / 2);
  g_clear_pointer (&plan, anpai_import_plan_free);

  plan = parse_long (line->str);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 1);
  g_clear_pointer (&plan, anpai_import_plan_free);

  plan = parse_long (many->str);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 100000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-parse/labels", test_labels);
  g_test_add_func ("/import-parse/date-lines", test_date_lines);
  g_test_add_func ("/import-parse/action-plan", test_action_plan);
  g_test_add_func ("/import-parse/action-plan/units", test_action_plan_units);
  g_test_add_func ("/import-parse/action-plan/targets", test_action_plan_targets);
  g_test_add_func ("/import-parse/annual", test_annual);
  g_test_add_func ("/import-parse/annual/units", test_annual_units);
  g_test_add_func ("/import-parse/outline-annex", test_outline_annex);
  g_test_add_func ("/import-parse/outline-annex/units", test_outline_annex_units);
  g_test_add_func ("/import-parse/indicators", test_indicators);
  g_test_add_func ("/import-parse/news", test_news);
  g_test_add_func ("/import-parse/options", test_options);
  g_test_add_func ("/import-parse/word-numbering", test_word_numbering);
  g_test_add_func ("/import-parse/real-table", test_real_table);
  g_test_add_func ("/import-parse/real-table/units", test_real_table_units);
  g_test_add_func ("/import-parse/annex-markers", test_annex_markers);
  g_test_add_func ("/import-parse/doc-number-line", test_doc_number_line);
  g_test_add_func ("/import-parse/no-outline", test_no_outline);
  g_test_add_func ("/import-parse/hostile", test_hostile);
  g_test_add_func ("/import-parse/long-input", test_long_input);

  return g_test_run ();
}
