/* test-import-seeds.c — the parser on the real documents in ../shared/seeds
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "anpai-import-test-util.h"
#include "anpai-test-util.h"
#include "anpai-unit-clause.h"

/* The seeds are not part of the repository: every test skips without them. */

/* The seed whose name starts with @prefix ("001_"), parsed; NULL (and the
 * test skipped) when the seeds are not there. */
static AnpaiImportPlan *
parse_seed (const char *prefix)
{
  const char *dir_path = anpai_test_seeds_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiImportPlan *plan;
  const char *name;

  if (dir_path == NULL)
    {
      g_test_skip ("no seeds (ANPAI_SEEDS)");
      return NULL;
    }
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      path = g_build_filename (dir_path, name, NULL);
  if (path == NULL)
    {
      g_test_skip ("this seed is missing");
      return NULL;
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  source = anpai_import_read_text (contents, prefix, &error);
  g_assert_no_error (error);
  plan = anpai_import_parse (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (plan->source_text, ==, source->text->str);
  return plan;
}

/* Section nodes one level under the top-level sections. */
static int
count_groups (AnpaiImportPlan *plan)
{
  int n = 0;

  for (guint i = 0; i < plan->root->children->len; i++)
    {
      AnpaiImportNode *top = g_ptr_array_index (plan->root->children, i);

      if (top->kind == ANPAI_NODE_KIND_SECTION)
        n += anpai_test_count_children (top, ANPAI_NODE_KIND_SECTION);
    }
  return n;
}

/* @list holds exactly these units, in this order (compared as the unit
 * module normalises names). */
static void
assert_units (GPtrArray  *list,
              const char *first,
              ...)
{
  va_list args;
  const char *name = first;
  guint n = 0;

  va_start (args, first);
  for (; name != NULL; name = va_arg (args, const char *), n++)
    {
      g_autofree char *normal = anpai_unit_name_normalize (name);

      g_assert_cmpuint (n, <, list->len);
      g_assert_cmpstr (g_ptr_array_index (list, n), ==, normal);
    }
  va_end (args);
  g_assert_cmpuint (list->len, ==, n);
}

/*
 * 001: an action plan on a web page
 */

static void
test_001 (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_seed ("001_");
  AnpaiImportNode *tasks_section;
  static const int per_group[] = { 10, 8, 5, 6, 4 };

  if (plan == NULL)
    return;
  anpai_test_check_tree (plan->root, strlen (plan->source_text));

  g_assert_cmpstr (plan->title, ==, "六安市推进法治政府建设率先突破行动计划(2023—2024年)");
  g_assert_cmpstr (plan->issuer, ==, "六安市人民政府办公室");
  g_assert_cmpstr (plan->period_start, ==, "2023-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2024-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_ACTION_PLAN);

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 3);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 33);
  g_assert_cmpint (count_groups (plan), ==, 5);
  tasks_section = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 1);
  g_assert_cmpstr (tasks_section->label, ==, "二、");
  for (int g = 0; g < 5; g++)
    g_assert_cmpint (anpai_test_count_children (anpai_test_child (tasks_section, ANPAI_NODE_KIND_SECTION, g),
                                     ANPAI_NODE_KIND_TASK), ==, per_group[g]);
  /* 三、工作要求 is narrative */
  g_assert_cmpint (anpai_test_count_children (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 2),
                                   ANPAI_NODE_KIND_TEXT), ==, 3);

  g_assert_cmpstr (anpai_test_task (plan->root, 2)->label, ==, "2");
  g_assert_cmpstr (anpai_test_task (plan->root, 8)->label, ==, "8.");
  g_assert_cmpstr (anpai_test_task (plan->root, 33)->label, ==, "33");
  g_assert_cmpstr (anpai_test_task (plan->root, 9)->title, ==,
                   "现代公共法律服务体系建设评价验收结果位居全省前列");

  anpai_test_assert_time (anpai_test_task (plan->root, 8), ANPAI_TIME_DEADLINE,
                          ANPAI_TIME_SOURCE_TEXT, NULL, "2023-12-31");
  anpai_test_assert_time (anpai_test_task (plan->root, 26), ANPAI_TIME_WINDOW,
                          ANPAI_TIME_SOURCE_TEXT, "2023-01-01", "2023-06-30");
  anpai_test_assert_time (anpai_test_task (plan->root, 15), ANPAI_TIME_RECURRING,
                          ANPAI_TIME_SOURCE_TEXT, NULL, NULL);
  g_assert_nonnull (strstr (anpai_test_task (plan->root, 15)->time->rrule, "FREQ=YEARLY"));
  g_assert_nonnull (strstr (anpai_test_task (plan->root, 15)->time->rrule, "BYMONTH=3"));
  g_assert_false (anpai_test_tree_contains (plan->root, "扫一扫"));
}

static void
test_001_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;

  if ((plan = parse_seed ("001_")) == NULL)
    return;

  anpai_test_assert_lead (anpai_test_task (plan->root, 4), "市司法局");
  assert_units (anpai_test_task (plan->root, 4)->co, "市委政法委", "市中级法院", "市检察院", NULL);
  assert_units (anpai_test_task (plan->root, 4)->support, "市政府相关部门", "各县区人民政府", NULL);
  anpai_test_assert_lead (anpai_test_task (plan->root, 16), "市政府办公室");
  assert_units (anpai_test_task (plan->root, 16)->co, "市司法局", NULL);
  assert_units (anpai_test_task (plan->root, 27)->support,
                "市中级法院", "市检察院", "市公安局", NULL);
  g_assert_null (strstr (anpai_test_task (plan->root, 4)->body, "责任单位"));
}

/*
 * 002: an annual plan with its notice and 责任单位 lines
 */

static void
test_002 (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_seed ("002_");
  AnpaiImportNode *seventh;

  if (plan == NULL)
    return;
  anpai_test_check_tree (plan->root, strlen (plan->source_text));

  g_assert_cmpstr (plan->doc_number, ==, "驻政办〔2018〕46号");
  g_assert_cmpstr (plan->issued_on, ==, "2018-04-11");
  g_assert_cmpstr (plan->issuer, ==, "驻马店市人民政府办公室");
  g_assert_cmpstr (plan->title, ==, "驻马店市2018年度法治政府建设工作安排");
  g_assert_cmpstr (plan->period_start, ==, "2018-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2018-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_ANNUAL);

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 10);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 38);
  seventh = anpai_test_task (plan->root, 7);
  g_assert_cmpstr (seventh->label, ==, "(七)");
  g_assert_cmpstr (seventh->title, ==, "积极推进政府法律顾问和公职律师制度");
  anpai_test_assert_time (seventh, ANPAI_TIME_DEADLINE, ANPAI_TIME_SOURCE_TEXT, NULL, "2018-07-01");
  g_assert_cmpstr (anpai_test_task (plan->root, 38)->label, ==, "(三十八)");
  g_assert_false (anpai_test_tree_contains (plan->root, "现印发给你们"));
}

static void
test_002_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autofree char *fuller = anpai_unit_name_normalize ("市政府法制办公室");
  g_autofree char *shorter = anpai_unit_name_normalize ("市政府法制办");
  AnpaiImportUnit *unit;
  gboolean spelled = FALSE;

  if ((plan = parse_seed ("002_")) == NULL)
    return;

  anpai_test_assert_lead (anpai_test_task (plan->root, 7), "市政府法制办公室");
  unit = anpai_import_plan_find_unit (plan, fuller);
  g_assert_nonnull (unit);
  for (guint i = 0; i < unit->spellings->len; i++)
    if (g_str_equal (g_ptr_array_index (unit->spellings, i), shorter))
      spelled = TRUE;
  g_assert_true (spelled);
  g_assert_null (anpai_import_plan_find_unit (plan, shorter));
  /* (二) wrote the short spelling */
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 2)->co, "市政府法制办公室"));

  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "市编办");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "县级人民政府"));
  /* the closing rule names no unit */
  for (guint i = 0; i < plan->units->len; i++)
    g_assert_null (strstr (((AnpaiImportUnit *) g_ptr_array_index (plan->units, i))->name, "排名"));
}

/*
 * 000: a multi-year plan with narrative parts and a flattened annex table
 */

static void
test_000 (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_seed ("000_");
  AnpaiImportNode *tasks_section, *organisation, *annex;

  if (plan == NULL)
    return;
  anpai_test_check_tree (plan->root, strlen (plan->source_text));

  g_assert_cmpstr (plan->title, ==, "韶关市法治政府建设实施纲要(2016—2020年)");
  g_assert_cmpstr (plan->period_start, ==, "2016-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2020-12-31");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_MULTI_YEAR);

  /* 46 tasks in the text, 39 in the annex */
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 46 + 39);
  tasks_section = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 2);
  g_assert_cmpstr (tasks_section->label, ==, "三、");
  g_assert_cmpint (anpai_test_count_children (tasks_section, ANPAI_NODE_KIND_SECTION), ==, 7);
  g_assert_cmpint (anpai_import_node_count (tasks_section, ANPAI_NODE_KIND_TASK), ==, 42);
  organisation = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 3);
  g_assert_cmpstr (organisation->label, ==, "四、");
  g_assert_cmpint (anpai_test_count_children (organisation, ANPAI_NODE_KIND_TASK), ==, 4);
  g_assert_cmpstr (anpai_test_task (plan->root, 46)->label, ==, "46.");

  /* narrative: 一、's (一)…(八) and 二、 hold no task */
  g_assert_cmpint (anpai_import_node_count (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0),
                                            ANPAI_NODE_KIND_TASK), ==, 0);
  g_assert_cmpint (anpai_test_count_children (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 0),
                                   ANPAI_NODE_KIND_TEXT), >=, 8);
  g_assert_cmpint (anpai_import_node_count (anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 1),
                                            ANPAI_NODE_KIND_TASK), ==, 0);

  annex = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 4);
  g_assert_cmpstr (annex->label, ==, "附件");
  g_assert_cmpstr (annex->title, ==, "《韶关市法治政府建设实施纲要(2016—2020年)》主要任务分解表");
  g_assert_cmpint (anpai_test_count_children (annex, ANPAI_NODE_KIND_TASK), ==, 39);
  g_assert_cmpstr (anpai_test_task (annex, 1)->title, ==,
                   "按照国家、省的要求,结合我市实际,积极推进政府机构改革,优化政府组织结构");
  g_assert_cmpstr (anpai_test_task (annex, 39)->label, ==, "39");

  anpai_test_assert_time (anpai_test_task (annex, 3), ANPAI_TIME_DEADLINE, ANPAI_TIME_SOURCE_TABLE,
                          NULL, "2017-12-31");
  g_assert_cmpstr (anpai_test_task (annex, 3)->time->text, ==, "2017年完成");
  anpai_test_assert_time (anpai_test_task (annex, 6), ANPAI_TIME_FROM, ANPAI_TIME_SOURCE_TABLE,
                          "2017-01-01", "2020-12-31");
  anpai_test_assert_time (anpai_test_task (annex, 10), ANPAI_TIME_ONGOING, ANPAI_TIME_SOURCE_TABLE,
                          "2016-01-01", "2020-12-31");
  g_assert_cmpstr (anpai_test_task (annex, 10)->time->text, ==, "整个期间内");
  anpai_test_assert_time (anpai_test_task (annex, 28), ANPAI_TIME_DEADLINE, ANPAI_TIME_SOURCE_TABLE,
                          NULL, "2019-12-31");
  g_assert_false (anpai_test_tree_contains (plan->root, "访问量"));
}

static void
test_000_units (void)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;
  AnpaiImportNode *annex;

  if ((plan = parse_seed ("000_")) == NULL)
    return;
  annex = anpai_test_child (plan->root, ANPAI_NODE_KIND_SECTION, 4);

  /* the text's brackets, the document's rule left out */
  anpai_test_assert_lead (anpai_test_task (plan->root, 1), "市发改局");
  g_assert_true (anpai_test_list_has (anpai_test_task (plan->root, 1)->co, "市编办"));
  g_assert_null (strstr (anpai_test_task (plan->root, 1)->body, "牵头单位"));

  /* the annex's columns */
  anpai_test_assert_lead (anpai_test_task (annex, 3), "市行政服务中心");
  assert_units (anpai_test_task (annex, 3)->co, "市经信局", NULL);
  assert_units (anpai_test_task (annex, 3)->support, "各有关部门", "各县(市、区)政府", NULL);
  anpai_test_assert_lead (anpai_test_task (annex, 9), "市法制局");
  g_assert_cmpuint (anpai_test_task (annex, 9)->support->len, ==, 0);
  anpai_test_assert_lead (anpai_test_task (annex, 22), "市监察局");
  assert_units (anpai_test_task (annex, 22)->co, "市审计局", NULL);
  assert_units (anpai_test_task (annex, 30)->support,
                "市信访局", "市司法局", "各县(市、区)政府", NULL);
}

/*
 * 003: an indicator system, lines broken inside words
 */

static void
test_003 (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_seed ("003_");

  if (plan == NULL)
    return;
  anpai_test_check_tree (plan->root, strlen (plan->source_text));

  g_assert_cmpstr (plan->title, ==, "吉林省法治政府建设指标体系");
  g_assert_cmpstr (plan->doc_number, ==, "吉政发〔2014〕26号");
  g_assert_cmpstr (plan->issuer, ==, "吉林省人民政府");
  g_assert_cmpstr (plan->issued_on, ==, "2014-07-11");
  g_assert_cmpint (plan->kind, ==, ANPAI_PLAN_KIND_INDICATOR_SYSTEM);

  g_assert_cmpint (anpai_test_count_children (plan->root, ANPAI_NODE_KIND_SECTION), ==, 10);
  g_assert_cmpint (count_groups (plan), ==, 50);
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 136);

  /* no break left inside a word */
  g_assert_false (anpai_test_tree_contains (plan->root, "\n"));
  g_assert_true (anpai_test_tree_contains (plan->root, "指定专门机构和专门人员负责政府信息公开工作"));
  g_assert_true (anpai_test_tree_contains (plan->root, "行政复议申请渠道畅通"));
  g_assert_false (anpai_test_tree_contains (plan->root, "编 辑"));
  g_assert_false (anpai_test_tree_contains (plan->root, "现将《吉林省法治政府建设指标体系》"));
}

/*
 * 004: a news article, not a plan
 */

static void
test_004 (void)
{
  g_autoptr(AnpaiImportPlan) plan = parse_seed ("004_");

  if (plan == NULL)
    return;
  anpai_test_check_tree (plan->root, strlen (plan->source_text));

  g_assert_cmpstr (plan->title, ==, "加强法治政府建设 推进“法治毕节”创建");
  g_assert_cmpint (anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK), ==, 14);
  g_assert_cmpstr (anpai_test_task (plan->root, 1)->label, ==, "一是");
  g_assert_cmpstr (anpai_test_task (plan->root, 7)->label, ==, "一是");
  g_assert_false (anpai_test_tree_contains (plan->root, "暂无评论"));
  g_assert_false (anpai_test_tree_contains (plan->root, "发表评论"));
  g_assert_false (anpai_test_tree_contains (plan->root, "本类热点"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-seeds/001", test_001);
  g_test_add_func ("/import-seeds/001/units", test_001_units);
  g_test_add_func ("/import-seeds/002", test_002);
  g_test_add_func ("/import-seeds/002/units", test_002_units);
  g_test_add_func ("/import-seeds/000", test_000);
  g_test_add_func ("/import-seeds/000/units", test_000_units);
  g_test_add_func ("/import-seeds/003", test_003);
  g_test_add_func ("/import-seeds/004", test_004);

  return g_test_run ();
}
