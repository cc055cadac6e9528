/* test-unit-clause.c — responsible units: clauses, names, kinds
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "anpai-unit-clause.h"

/* The fixtures are written in the shapes of municipal 法治政府 plans: a
 * task's text with its clause, a table cell, a clause on its own line. */

/* "A|B|C", "" for none: one string compares and prints well. */
static char *
join (GPtrArray *names)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct {
  const char *path;
  const char *text;
  const char *lead;      /* NULL: none */
  const char *co;        /* joined with '|' */
  const char *support;
  gboolean    labelled;
  const char *span;      /* the text of [start, end) */
} ClauseCase;

static void
check_clause (const ClauseCase *c,
              AnpaiUnitClause  *clause)
{
  g_autofree char *co = NULL;
  g_autofree char *support = NULL;
  g_autofree char *span = NULL;

  g_assert_nonnull (clause);
  co = join (clause->co);
  support = join (clause->support);
  g_assert_cmpstr (clause->lead, ==, c->lead);
  g_assert_cmpstr (co, ==, c->co);
  g_assert_cmpstr (support, ==, c->support);
  g_assert_cmpint (clause->labelled, ==, c->labelled);
  g_assert_cmpuint (clause->start, <=, clause->end);
  g_assert_cmpuint (clause->end, <=, strlen (c->text));
  span = g_strndup (c->text + clause->start, clause->end - clause->start);
  g_assert_cmpstr (span, ==, c->span);
}

/*
 * anpai_unit_clause_parse: a whole text is the clause
 */

static const ClauseCase parse_cases[] = {
  /* labelled clauses and their variants */
  { "/unit-clause/parse/label/responsible-one",
    "责任单位:市司法局",
    "市司法局", "", "", TRUE, "责任单位:市司法局" },
  { "/unit-clause/parse/label/responsible-several",
    "责任单位：市司法局、市财政局、市人力资源社会保障局",
    "市司法局", "市财政局|市人力资源社会保障局", "", TRUE,
    "责任单位：市司法局、市财政局、市人力资源社会保障局" },
  { "/unit-clause/parse/label/lead-and-support",
    "牵头单位:市发展改革委;配合单位:市市场监管局、市商务局",
    "市发展改革委", "", "市市场监管局|市商务局", TRUE,
    "牵头单位:市发展改革委;配合单位:市市场监管局、市商务局" },
  { "/unit-clause/parse/label/separated-by-space",
    "牵头单位：市政府办公室 配合单位：市政务服务数据管理局",
    "市政府办公室", "", "市政务服务数据管理局", TRUE,
    "牵头单位：市政府办公室 配合单位：市政务服务数据管理局" },
  { "/unit-clause/parse/label/support-collectives",
    "责任单位:市政府办公室,配合单位:市政府相关部门,各县区人民政府",
    "市政府办公室", "", "市政府相关部门|各县区人民政府", TRUE,
    "责任单位:市政府办公室,配合单位:市政府相关部门,各县区人民政府" },
  { "/unit-clause/parse/label/responsible-department",
    "责任部门：市审计局",
    "市审计局", "", "", TRUE, "责任部门：市审计局" },
  { "/unit-clause/parse/label/main-and-assisting",
    "主责单位:市应急管理局;协办单位:市消防救援支队",
    "市应急管理局", "", "市消防救援支队", TRUE,
    "主责单位:市应急管理局;协办单位:市消防救援支队" },
  { "/unit-clause/parse/label/participating",
    "牵头单位：市司法局；参与单位：市总工会、团市委",
    "市司法局", "", "市总工会|团市委", TRUE,
    "牵头单位：市司法局；参与单位：市总工会、团市委" },
  { "/unit-clause/parse/label/departments",
    "牵头部门:市人力资源社会保障局 配合部门:市财政局",
    "市人力资源社会保障局", "", "市财政局", TRUE,
    "牵头部门:市人力资源社会保障局 配合部门:市财政局" },
  { "/unit-clause/parse/label/bracketed-line",
    "（责任单位：市生态环境局，配合单位：市水务局）",
    "市生态环境局", "", "市水务局", TRUE,
    "（责任单位：市生态环境局，配合单位：市水务局）" },
  { "/unit-clause/parse/label/spaces-around-colon",
    "责任单位 : 市 司 法 局",
    "市司法局", "", "", TRUE, "责任单位 : 市 司 法 局" },

  /* several leads: the first leads, the others are co-responsible */
  { "/unit-clause/parse/leads/two-labelled",
    "牵头单位:市司法局、市公安局;配合单位:市中级法院、市检察院",
    "市司法局", "市公安局", "市中级法院|市检察院", TRUE,
    "牵头单位:市司法局、市公安局;配合单位:市中级法院、市检察院" },
  { "/unit-clause/parse/leads/keywords-in-responsible",
    "责任单位:市司法局、市公安局牵头,市民政局配合",
    "市司法局", "市公安局", "市民政局", TRUE,
    "责任单位:市司法局、市公安局牵头,市民政局配合" },
  { "/unit-clause/parse/leads/bracketed-role-labelled",
    "责任单位：市司法局（牵头）、市公安局、市民政局",
    "市司法局", "市公安局|市民政局", "", TRUE,
    "责任单位：市司法局（牵头）、市公安局、市民政局" },

  /* unlabelled: "A、B牵头,C按职责分工负责" */
  { "/unit-clause/parse/unlabelled/leads-and-responsible",
    "市委编办、市司法局牵头,各县区人民政府按职责分工负责",
    "市委编办", "市司法局|各县区人民政府", "", FALSE,
    "市委编办、市司法局牵头,各县区人民政府按职责分工负责" },
  { "/unit-clause/parse/unlabelled/lead-and-counties",
    "市司法局牵头,县级人民政府按职责分工分别负责",
    "市司法局", "县级人民政府", "", FALSE,
    "市司法局牵头,县级人民政府按职责分工分别负责" },
  { "/unit-clause/parse/unlabelled/leads-and-support",
    "市委宣传部、市司法局牵头，市委政法委、市中级法院、市检察院配合",
    "市委宣传部", "市司法局", "市委政法委|市中级法院|市检察院", FALSE,
    "市委宣传部、市司法局牵头，市委政法委、市中级法院、市检察院配合" },
  { "/unit-clause/parse/unlabelled/all-responsible",
    "市司法局、市公安局按照职责分工分别负责",
    "市司法局", "市公安局", "", FALSE,
    "市司法局、市公安局按照职责分工分别负责" },
  { "/unit-clause/parse/unlabelled/bracketed-roles",
    "市司法局(牵头),市公安局(配合)",
    "市司法局", "", "市公安局", FALSE, "市司法局(牵头),市公安局(配合)" },
  { "/unit-clause/parse/unlabelled/bracketed-lead-first",
    "市司法局（牵头）、市公安局、市民政局",
    "市司法局", "市公安局|市民政局", "", FALSE,
    "市司法局（牵头）、市公安局、市民政局" },

  /* table cells */
  { "/unit-clause/parse/cell/two",
    "市编办、市发改委",
    "市编办", "市发改委", "", FALSE, "市编办、市发改委" },
  { "/unit-clause/parse/cell/spaces",
    "市司法局 市公安局 市民政局",
    "市司法局", "市公安局|市民政局", "", FALSE, "市司法局 市公安局 市民政局" },
  { "/unit-clause/parse/cell/collectives",
    "各区、县级市人民政府，市政府各部门",
    "各区、县级市人民政府", "市政府各部门", "", FALSE,
    "各区、县级市人民政府，市政府各部门" },
  { "/unit-clause/parse/cell/tortoise-brackets",
    "〔市文化广电旅游局、市教育局〕",
    "市文化广电旅游局", "市教育局", "", FALSE, "〔市文化广电旅游局、市教育局〕" },
  { "/unit-clause/parse/cell/same-unit-twice",
    "市政府法制办、市政府法制办公室、市司法局",
    "市政府法制办", "市司法局", "", FALSE,
    "市政府法制办、市政府法制办公室、市司法局" },

  /* no split inside brackets or a collective */
  { "/unit-clause/parse/collective/bracketed-levels",
    "责任单位:市司法局,各县(市、区)政府",
    "市司法局", "各县（市、区）政府", "", TRUE, "责任单位:市司法局,各县(市、区)政府" },
  { "/unit-clause/parse/collective/district-and-city",
    "各区、县级市人民政府",
    "各区、县级市人民政府", "", "", FALSE, "各区、县级市人民政府" },
  { "/unit-clause/parse/collective/after-a-unit",
    "责任单位:市发展改革委、各区、县级市政府",
    "市发展改革委", "各区、县级市政府", "", TRUE,
    "责任单位:市发展改革委、各区、县级市政府" },
  { "/unit-clause/parse/collective/support-list",
    "牵头单位：市司法局 配合单位：各县（市、区）人民政府、市直有关部门",
    "市司法局", "", "各县（市、区）人民政府|市直有关部门", TRUE,
    "牵头单位：市司法局 配合单位：各县（市、区）人民政府、市直有关部门" },

  /* qualifiers */
  { "/unit-clause/parse/qualifier/counties-co-responsible",
    "责任单位：市财政局、各有关部门，县级人民政府按职责分工分别负责。",
    "市财政局", "各有关部门|县级人民政府", "", TRUE,
    "责任单位：市财政局、各有关部门，县级人民政府按职责分工分别负责。" },
  { "/unit-clause/parse/qualifier/etc-related",
    "责任单位:市公安局等相关部门",
    "市公安局", "", "", TRUE, "责任单位:市公安局等相关部门" },
  { "/unit-clause/parse/qualifier/trailing-etc",
    "责任单位:市交通运输局、市住房城乡建设局等",
    "市交通运输局", "市住房城乡建设局", "", TRUE,
    "责任单位:市交通运输局、市住房城乡建设局等" },
  { "/unit-clause/parse/qualifier/bare-etc",
    "市卫生健康委等",
    "市卫生健康委", "", "", FALSE, "市卫生健康委等" },
  { "/unit-clause/parse/qualifier/bracketed-name",
    "责任单位：（市司法局）",
    "市司法局", "", "", TRUE, "责任单位：（市司法局）" },

  /* Traditional characters */
  { "/unit-clause/parse/traditional/lead-and-support",
    "牽頭單位:市司法局;配合單位:市財政局",
    "市司法局", "", "市财政局", TRUE, "牽頭單位:市司法局;配合單位:市財政局" },
  { "/unit-clause/parse/traditional/responsible",
    "責任單位：市審計局、市統計局",
    "市审计局", "市统计局", "", TRUE, "責任單位：市審計局、市統計局" },
  { "/unit-clause/parse/traditional/department",
    "責任部門:市衛生健康委",
    "市卫生健康委", "", "", TRUE, "責任部門:市衛生健康委" },
};

static void
test_parse_case (gconstpointer data)
{
  const ClauseCase *c = data;
  g_autoptr(AnpaiUnitClause) clause = anpai_unit_clause_parse (c->text);

  check_clause (c, clause);
}

/* Texts that name no unit: parse gives NULL. */
typedef struct {
  const char *path;
  const char *text;
} TextCase;

static const TextCase parse_null_cases[] = {
  { "/unit-clause/parse/none/rule", "列在首位的为牵头单位,下同" },
  { "/unit-clause/parse/none/bare-label", "牵头单位" },
  { "/unit-clause/parse/none/two-labels", "牵头单位、配合单位" },
  { "/unit-clause/parse/none/bare-label-colon", "责任单位：" },
  { "/unit-clause/parse/none/sentence", "加强法治宣传教育" },
  { "/unit-clause/parse/none/deadline", "2023年底前" },
  { "/unit-clause/parse/none/short-title", "(以下简称《条例》)" },
  { "/unit-clause/parse/none/empty", "" },
};

static void
test_parse_null (gconstpointer data)
{
  const char *text = data;
  g_autoptr(AnpaiUnitClause) clause = anpai_unit_clause_parse (text);

  g_assert_null (clause);
}

/*
 * anpai_unit_clause_find: the clause inside a task's text
 */

static const ClauseCase find_cases[] = {
  { "/unit-clause/find/labelled-bracket",
    "深入开展法治宣传教育，落实“谁执法谁普法”普法责任制。（责任单位：市司法局，配合单位：市普法成员单位）",
    "市司法局", "", "市普法成员单位", TRUE,
    "（责任单位：市司法局，配合单位：市普法成员单位）" },
  { "/unit-clause/find/tortoise-bracket-collectives",
    "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度〔市司法局、市直各行政执法部门,各县(市、区)政府〕。",
    "市司法局", "市直各行政执法部门|各县（市、区）政府", "", FALSE,
    "〔市司法局、市直各行政执法部门,各县(市、区)政府〕" },
  { "/unit-clause/find/ascii-bracket",
    "严格落实重大行政决策程序规定。(市政府办公室、市司法局)",
    "市政府办公室", "市司法局", "", FALSE, "(市政府办公室、市司法局)" },
  { "/unit-clause/find/full-width-bracket-with-spaces",
    "完善立法机制 （ 市人大常委会法工委、市司法局 ）",
    "市人大常委会法工委", "市司法局", "", FALSE, "（ 市人大常委会法工委、市司法局 ）" },
  { "/unit-clause/find/mixed-brackets",
    "健全行政执法协调机制(责任单位:市司法局）。",
    "市司法局", "", "", TRUE, "(责任单位:市司法局）" },
  { "/unit-clause/find/labelled-sentence",
    "加强行政复议能力建设，推动行政复议案件网上办理。责任单位：市司法局；配合单位：市财政局、市政务服务数据管理局。",
    "市司法局", "", "市财政局|市政务服务数据管理局", TRUE,
    "责任单位：市司法局；配合单位：市财政局、市政务服务数据管理局。" },
  { "/unit-clause/find/labelled-before-deadline",
    "健全行政执法协调机制。责任单位：市司法局；完成时限：2023年12月底前",
    "市司法局", "", "", TRUE, "责任单位：市司法局；" },
  { "/unit-clause/find/labelled-with-space",
    "健全依法决策机制。牵头单位：市政府办公室  配合单位：市司法局",
    "市政府办公室", "", "市司法局", TRUE, "牵头单位：市政府办公室  配合单位：市司法局" },
  { "/unit-clause/find/counties-co-responsible",
    "做好行政应诉工作。责任单位:市司法局,各有关部门,县级人民政府按职责分工分别负责。",
    "市司法局", "各有关部门|县级人民政府", "", TRUE,
    "责任单位:市司法局,各有关部门,县级人民政府按职责分工分别负责。" },
  { "/unit-clause/find/unlabelled-bracket",
    "推进综合行政执法体制改革(市委编办、市司法局牵头,各县区人民政府按职责分工负责)。",
    "市委编办", "市司法局|各县区人民政府", "", FALSE,
    "(市委编办、市司法局牵头,各县区人民政府按职责分工负责)" },
  { "/unit-clause/find/unlabelled-sentence",
    "加大普法力度。市司法局牵头,各县区人民政府配合。",
    "市司法局", "", "各县区人民政府", FALSE, "市司法局牵头,各县区人民政府配合。" },
  { "/unit-clause/find/unlabelled-sentence-counties",
    "推进政务诚信建设。市发展改革委牵头，县级人民政府按职责分工分别负责。",
    "市发展改革委", "县级人民政府", "", FALSE,
    "市发展改革委牵头，县级人民政府按职责分工分别负责。" },
  { "/unit-clause/find/lead-and-collectives",
    "推进政务公开。（市政府办公室牵头，各区、县级市人民政府，市政府各部门按职责分工负责）",
    "市政府办公室", "各区、县级市人民政府|市政府各部门", "", FALSE,
    "（市政府办公室牵头，各区、县级市人民政府，市政府各部门按职责分工负责）" },
  { "/unit-clause/find/bracketed-role",
    "健全法律顾问制度。（市司法局（牵头）、市政府办公室）",
    "市司法局", "市政府办公室", "", FALSE, "（市司法局（牵头）、市政府办公室）" },
  { "/unit-clause/find/rule-inside-clause",
    "建立行政执法人员培训制度，每人每年培训不少于60学时。(责任单位:市司法局、市人力资源社会保障局,列在首位的为牵头单位,下同)",
    "市司法局", "市人力资源社会保障局", "", TRUE,
    "(责任单位:市司法局、市人力资源社会保障局,列在首位的为牵头单位,下同)" },
  { "/unit-clause/find/traditional",
    "落实行政执法责任制（牽頭單位：市司法局；配合單位：市財政局）",
    "市司法局", "", "市财政局", TRUE, "（牽頭單位：市司法局；配合單位：市財政局）" },
  { "/unit-clause/find/collective-first",
    "提升基层法治水平〔各区、县级市人民政府，市司法局〕",
    "各区、县级市人民政府", "市司法局", "", FALSE, "〔各区、县级市人民政府，市司法局〕" },
  { "/unit-clause/find/etc-related",
    "完善公共法律服务体系〔市司法局、市财政局等相关部门〕",
    "市司法局", "市财政局", "", FALSE, "〔市司法局、市财政局等相关部门〕" },
};

static void
test_find_case (gconstpointer data)
{
  const ClauseCase *c = data;
  g_autoptr(AnpaiUnitClause) clause = anpai_unit_clause_find (c->text);

  check_clause (c, clause);
}

/* Brackets that hold no unit, and units mentioned in running text. */
static const TextCase find_null_cases[] = {
  { "/unit-clause/find/none/deadline-bracket",
    "完成市级行政规范性文件清理工作(2023年底前)。" },
  { "/unit-clause/find/none/deadline-full-width",
    "严格规范公正文明执法（2022年6月底前完成）。" },
  { "/unit-clause/find/none/short-title",
    "贯彻落实《重大行政决策程序暂行条例》(以下简称《条例》)。" },
  { "/unit-clause/find/none/rule-only",
    "推动建立健全法律顾问制度（列在首位的为牵头单位，下同）" },
  { "/unit-clause/find/none/running-text-together",
    "市司法局要会同市公安局加强对基层执法人员的培训。" },
  { "/unit-clause/find/none/running-text-by",
    "由市司法局牵头制定全市法治政府建设实施方案。" },
  { "/unit-clause/find/none/running-text-lead",
    "市司法局牵头制定全市法治政府建设实施方案。" },
  { "/unit-clause/find/none/running-text-responsible",
    "各县区人民政府按职责分工负责本地区法治宣传工作。" },
  { "/unit-clause/find/none/running-text-courts",
    "加强与市法院、市检察院的沟通协作，完善行政争议化解机制。" },
  { "/unit-clause/find/none/running-text-mixed",
    "各县区人民政府要加强法治政府建设，市司法局负责督促检查。" },
  { "/unit-clause/find/none/rule-sentence",
    "各责任单位要加强协调配合，确保各项任务落到实处。" },
  { "/unit-clause/find/none/no-brackets",
    "加强法治宣传教育" },
};

static void
test_find_null (gconstpointer data)
{
  const char *text = data;
  g_autoptr(AnpaiUnitClause) clause = anpai_unit_clause_find (text);

  g_assert_null (clause);
}

/*
 * Rules
 */

typedef struct {
  const char *path;
  const char *text;
  gboolean    rule;
} RuleCase;

static const RuleCase rule_cases[] = {
  { "/unit-clause/rule/first-listed", "列在首位的为牵头单位,下同", TRUE },
  { "/unit-clause/rule/ranked-first", "责任单位排名第一的为牵头单位", TRUE },
  { "/unit-clause/rule/each-unit", "各责任单位要加强协调配合", TRUE },
  { "/unit-clause/rule/bracketed", "（列在首位的为牵头单位，下同）", TRUE },
  { "/unit-clause/rule/traditional", "列在首位的為牽頭單位", TRUE },
  { "/unit-clause/rule/task-with-rule-in-clause",
    "加强法治宣传。（责任单位：市司法局，列在首位的为牵头单位）", FALSE },
  { "/unit-clause/rule/unit", "市司法局", FALSE },
  { "/unit-clause/rule/bare-label", "牵头单位", FALSE },
  { "/unit-clause/rule/sentence", "加强法治宣传教育", FALSE },
};

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *c = data;

  g_assert_cmpint (anpai_unit_clause_is_rule (c->text), ==, c->rule);
}

/*
 * Names
 */

typedef struct {
  const char *path;
  const char *name;
  const char *normalized;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "/unit-name/normalize/plain", "市司法局", "市司法局" },
  { "/unit-name/normalize/trim", "  市司法局 ", "市司法局" },
  { "/unit-name/normalize/ideographic-space", "市　司法局", "市司法局" },
  { "/unit-name/normalize/half-width-brackets", "各县(市、区)人民政府", "各县（市、区）人民政府" },
  { "/unit-name/normalize/full-width-brackets", "各县（市、区）人民政府", "各县（市、区）人民政府" },
  { "/unit-name/normalize/by-duty", "市司法局按职责分工负责", "市司法局" },
  { "/unit-name/normalize/by-duty-each", "市司法局按照职责分工分别负责", "市司法局" },
  { "/unit-name/normalize/etc-related", "市公安局等相关部门", "市公安局" },
  { "/unit-name/normalize/etc", "市公安局等", "市公安局" },
  { "/unit-name/normalize/bracketed-lead", "市司法局（牵头）", "市司法局" },
  { "/unit-name/normalize/bracketed-lead-ascii", "市司法局(牵头)", "市司法局" },
  { "/unit-name/normalize/traditional", "市衛生健康委", "市卫生健康委" },
  { "/unit-name/normalize/label-lead", "牵头单位", "" },
  { "/unit-name/normalize/label-support", "配合部门", "" },
  { "/unit-name/normalize/label-responsible", "责任单位", "" },
  { "/unit-name/normalize/level-only", "市", "" },
  { "/unit-name/normalize/rule", "列在首位的为牵头单位", "" },
};

static void
test_normalize_case (gconstpointer data)
{
  const NormalizeCase *c = data;
  g_autofree char *normalized = anpai_unit_name_normalize (c->name);

  g_assert_cmpstr (normalized, ==, c->normalized);
}

static void
test_normalize_hint (void)
{
  AnpaiUnitHint hint = ANPAI_UNIT_HINT_NONE;
  g_autofree char *lead = anpai_unit_name_normalize_hint ("市司法局牵头", &hint);
  g_autofree char *support = NULL;
  g_autofree char *resp = NULL;
  g_autofree char *bare = NULL;

  g_assert_cmpstr (lead, ==, "市司法局");
  g_assert_cmpint (hint, ==, ANPAI_UNIT_HINT_LEAD);
  support = anpai_unit_name_normalize_hint ("市公安局配合", &hint);
  g_assert_cmpstr (support, ==, "市公安局");
  g_assert_cmpint (hint, ==, ANPAI_UNIT_HINT_SUPPORT);
  resp = anpai_unit_name_normalize_hint ("各县区人民政府按职责分工分别负责", &hint);
  g_assert_cmpstr (resp, ==, "各县区人民政府");
  g_assert_cmpint (hint, ==, ANPAI_UNIT_HINT_RESPONSIBLE);
  /* a bare keyword is no name, but its hint is still told */
  bare = anpai_unit_name_normalize_hint ("按职责分工负责", &hint);
  g_assert_cmpstr (bare, ==, "");
  g_assert_cmpint (hint, ==, ANPAI_UNIT_HINT_RESPONSIBLE);
}

typedef struct {
  const char *path;
  const char *a;
  const char *b;
  gboolean    equivalent;
} EquivalentCase;

static const EquivalentCase equivalent_cases[] = {
  { "/unit-name/equivalent/office-short", "市政府法制办", "市政府法制办公室", TRUE },
  { "/unit-name/equivalent/people-government", "市人民政府", "市政府", TRUE },
  { "/unit-name/equivalent/intermediate-court", "市中院", "市中级人民法院", TRUE },
  { "/unit-name/equivalent/one-word-bracket", "各县(区)人民政府", "各县区人民政府", TRUE },
  { "/unit-name/equivalent/space", "市 司法局", "市司法局", TRUE },
  { "/unit-name/equivalent/traditional", "市審計局", "市审计局", TRUE },
  { "/unit-name/equivalent/role-qualifier", "市司法局", "市司法局（牵头）", TRUE },
  { "/unit-name/equivalent/different", "市司法局", "市公安局", FALSE },
  { "/unit-name/equivalent/party-office", "市编办", "市委编办", FALSE },
  { "/unit-name/equivalent/city-among-counties", "各县（市、区）政府", "各县区政府", FALSE },
  { "/unit-name/equivalent/not-names", "牵头单位", "牵头单位", FALSE },
};

static void
test_equivalent_case (gconstpointer data)
{
  const EquivalentCase *c = data;

  g_assert_cmpint (anpai_unit_names_equivalent (c->a, c->b), ==, c->equivalent);
  g_assert_cmpint (anpai_unit_names_equivalent (c->b, c->a), ==, c->equivalent);
}

typedef struct {
  const char    *path;
  const char    *name;
  AnpaiUnitKind  kind;
} ClassifyCase;

static const ClassifyCase classify_cases[] = {
  { "/unit-name/classify/department", "市司法局", ANPAI_UNIT_KIND_DEPARTMENT },
  { "/unit-name/classify/department-legal-office", "市政府法制办公室", ANPAI_UNIT_KIND_DEPARTMENT },
  { "/unit-name/classify/department-centre", "市行政服务中心", ANPAI_UNIT_KIND_DEPARTMENT },
  { "/unit-name/classify/department-detachment", "市消防救援支队", ANPAI_UNIT_KIND_DEPARTMENT },
  { "/unit-name/classify/government", "市人民政府", ANPAI_UNIT_KIND_GOVERNMENT },
  { "/unit-name/classify/government-short", "市政府", ANPAI_UNIT_KIND_GOVERNMENT },
  { "/unit-name/classify/government-office", "市政府办公室", ANPAI_UNIT_KIND_GOVERNMENT },
  { "/unit-name/classify/government-zone", "区管委会", ANPAI_UNIT_KIND_GOVERNMENT },
  { "/unit-name/classify/collective-counties", "各县区人民政府", ANPAI_UNIT_KIND_COLLECTIVE },
  { "/unit-name/classify/collective-county-level", "县级人民政府", ANPAI_UNIT_KIND_COLLECTIVE },
  { "/unit-name/classify/collective-levels", "各区、县级市人民政府", ANPAI_UNIT_KIND_COLLECTIVE },
  { "/unit-name/classify/collective-bracketed", "各县(市、区)人民政府", ANPAI_UNIT_KIND_COLLECTIVE },
  { "/unit-name/classify/collective-departments", "市政府各部门", ANPAI_UNIT_KIND_COLLECTIVE },
  { "/unit-name/classify/court", "市中级法院", ANPAI_UNIT_KIND_COURT },
  { "/unit-name/classify/court-full", "市中级人民法院", ANPAI_UNIT_KIND_COURT },
  { "/unit-name/classify/procuratorate", "市检察院", ANPAI_UNIT_KIND_COURT },
  { "/unit-name/classify/procuratorate-full", "市人民检察院", ANPAI_UNIT_KIND_COURT },
  { "/unit-name/classify/party-law", "市委政法委", ANPAI_UNIT_KIND_PARTY },
  { "/unit-name/classify/party-publicity", "市委宣传部", ANPAI_UNIT_KIND_PARTY },
  { "/unit-name/classify/party-staffing", "市委编办", ANPAI_UNIT_KIND_PARTY },
  { "/unit-name/classify/other-youth-league", "团市委", ANPAI_UNIT_KIND_OTHER },
  { "/unit-name/classify/other-trade-union", "市总工会", ANPAI_UNIT_KIND_OTHER },
  { "/unit-name/classify/other-legislature", "市人大常委会法工委", ANPAI_UNIT_KIND_OTHER },
  { "/unit-name/classify/other-not-a-name", "加强法治宣传教育", ANPAI_UNIT_KIND_OTHER },
};

static void
test_classify_case (gconstpointer data)
{
  const ClassifyCase *c = data;

  g_assert_cmpint (anpai_unit_name_classify (c->name), ==, c->kind);
}

/* Bytes that are not UTF-8 must neither crash nor end up in a name. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(AnpaiUnitClause) clause = NULL;
  g_autofree char *name = anpai_unit_name_normalize ("市司法\xff局");

  g_assert_cmpstr (name, ==, "");
  clause = anpai_unit_clause_find ("加强执法\xfe\xff。（责任单位：市司法局）");
  g_assert_nonnull (clause);
  g_assert_cmpstr (clause->lead, ==, "市司法局");
  g_assert_cmpuint (clause->end, ==, strlen ("加强执法\xfe\xff。（责任单位：市司法局）"));
  g_assert_null (anpai_unit_clause_parse (NULL));
  g_assert_null (anpai_unit_clause_find (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    g_test_add_data_func (parse_cases[i].path, &parse_cases[i], test_parse_case);
  for (guint i = 0; i < G_N_ELEMENTS (parse_null_cases); i++)
    g_test_add_data_func (parse_null_cases[i].path, parse_null_cases[i].text, test_parse_null);
  for (guint i = 0; i < G_N_ELEMENTS (find_cases); i++)
    g_test_add_data_func (find_cases[i].path, &find_cases[i], test_find_case);
  for (guint i = 0; i < G_N_ELEMENTS (find_null_cases); i++)
    g_test_add_data_func (find_null_cases[i].path, find_null_cases[i].text, test_find_null);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    g_test_add_data_func (rule_cases[i].path, &rule_cases[i], test_rule_case);
  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    g_test_add_data_func (normalize_cases[i].path, &normalize_cases[i], test_normalize_case);
  g_test_add_func ("/unit-name/normalize/hint", test_normalize_hint);
  for (guint i = 0; i < G_N_ELEMENTS (equivalent_cases); i++)
    g_test_add_data_func (equivalent_cases[i].path, &equivalent_cases[i], test_equivalent_case);
  for (guint i = 0; i < G_N_ELEMENTS (classify_cases); i++)
    g_test_add_data_func (classify_cases[i].path, &classify_cases[i], test_classify_case);
  g_test_add_func ("/unit-clause/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
