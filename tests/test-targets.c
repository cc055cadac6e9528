/* test-targets.c — quantitative targets in a task's text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "anpai-target-find.h"

/* The fixtures are task sentences in the shapes of municipal 法治政府
 * plans. A case lists up to four targets, in order. */

#define MAX_EXPECTED 4

typedef struct {
  const char *text;        /* the phrase as written */
  const char *comparator;
  double      value;
  const char *measure;
} Expected;

typedef struct {
  const char *path;
  const char *text;
  Expected    targets[MAX_EXPECTED];  /* ends at the first .text == NULL */
} TargetCase;

static const TargetCase target_cases[] = {
  /* the shapes the issue names */
  { "/targets/keep-at", "政务服务好评率保持100%",
    { { "政务服务好评率保持100%", "=", 100, "%" } } },
  { "/targets/reach-or-more", "群众对法治政府建设满意度达95%以上",
    { { "群众对法治政府建设满意度达95%以上", ">=", 95, "%" } } },
  { "/targets/not-less-than-hours", "领导干部每年参加法治培训不少于60学时",
    { { "领导干部每年参加法治培训不少于60学时", ">=", 60, "学时" } } },
  { "/targets/at-least-times", "每年至少1次",
    { { "每年至少1次", ">=", 1, "次" } } },
  { "/targets/sessions-or-more", "举办法治讲座2期以上",
    { { "举办法治讲座2期以上", ">=", 2, "期" } } },

  /* other comparators and measures */
  { "/targets/within-percent", "行政诉讼败诉率控制在5%以内",
    { { "行政诉讼败诉率控制在5%以内", "<=", 5, "%" } } },
  { "/targets/decimal", "行政执法案卷评查合格率达到99.5%以上",
    { { "行政执法案卷评查合格率达到99.5%以上", ">=", 99.5, "%" } } },
  { "/targets/full-width-percent", "群众满意度达95％以上",
    { { "群众满意度达95％以上", ">=", 95, "%" } } },
  { "/targets/full-width-digits", "行政执法案卷评查合格率达到９９．５％以上",
    { { "行政执法案卷评查合格率达到９９．５％以上", ">=", 99.5, "%" } } },
  { "/targets/more-than", "全年办理法律援助案件超过200件",
    { { "全年办理法律援助案件超过200件", ">", 200, "件" } } },
  { "/targets/working-days-within", "行政复议申请在20个工作日内",
    { { "行政复议申请在20个工作日内", "<=", 20, "个工作日" } } },
  { "/targets/not-more-than-days", "承诺办结时限不超过3个工作日",
    { { "承诺办结时限不超过3个工作日", "<=", 3, "个工作日" } } },
  { "/targets/no-comparator-share", "行政执法人员持证率100%",
    { { "行政执法人员持证率100%", "=", 100, "%" } } },
  { "/targets/completion-word", "行政复议决定履行率100%落实",
    { { "行政复议决定履行率100%落实", "=", 100, "%" } } },
  { "/targets/traditional", "群眾滿意度不低於90%",
    { { "群眾滿意度不低於90%", ">=", 90, "%" } } },
  { "/targets/fractional-count", "年均开展执法检查不少于1.5次",
    { { "年均开展执法检查不少于1.5次", ">=", 1.5, "次" } } },
  { "/targets/code-before-share", "5G网络覆盖率达到90%",
    { { "5G网络覆盖率达到90%", "=", 90, "%" } } },
  { "/targets/ordinal-before-count", "第一季度至少召开1次",
    { { "第一季度至少召开1次", ">=", 1, "次" } } },

  /* a numbered label is not part of the phrase */
  { "/targets/label/dotted", "2.每年至少组织1次旁听庭审",
    { { "每年至少组织1次", ">=", 1, "次" } } },
  { "/targets/label/dotted-space", "3. 群众满意度达95%以上",
    { { "群众满意度达95%以上", ">=", 95, "%" } } },
  { "/targets/label/bracketed", "(1)每年至少组织1次法治督察",
    { { "每年至少组织1次", ">=", 1, "次" } } },
  { "/targets/label/bracketed-chinese", "（三）每年至少开展1次执法检查",
    { { "每年至少开展1次", ">=", 1, "次" } } },
  { "/targets/label/enumeration", "一是每年至少开展1次集中宣传",
    { { "每年至少开展1次", ">=", 1, "次" } } },
  { "/targets/label/decimal-is-no-label", "2.5%的执法人员",
    { { "2.5%", "=", 2.5, "%" } } },

  /* several in one text, in order */
  { "/targets/several",
    "行政复议纠错率达到15%，行政诉讼败诉率控制在5%以内，每年至少组织2次旁听庭审。",
    { { "行政复议纠错率达到15%", "=", 15, "%" },
      { "行政诉讼败诉率控制在5%以内", "<=", 5, "%" },
      { "每年至少组织2次", ">=", 2, "次" } } },
  { "/targets/several-measures",
    "执法人员培训时间不少于40学时，考试合格率达90%以上。",
    { { "执法人员培训时间不少于40学时", ">=", 40, "学时" },
      { "考试合格率达90%以上", ">=", 90, "%" } } },
  { "/targets/list-of-values", "普法覆盖率达到90%、95%",
    { { "普法覆盖率达到90%", "=", 90, "%" },
      { "95%", "=", 95, "%" } } },

  /* Chinese numerals */
  { "/targets/chinese/one-time", "每年至少开展一次法治督察",
    { { "每年至少开展一次", ">=", 1, "次" } } },
  { "/targets/chinese/two-times", "每季度至少召开两次例会",
    { { "每季度至少召开两次", ">=", 2, "次" } } },
  { "/targets/chinese/sessions", "举办行政执法培训班不少于三期",
    { { "举办行政执法培训班不少于三期", ">=", 3, "期" } } },
  { "/targets/chinese/twelve", "新任职领导干部法治培训不少于十二学时",
    { { "新任职领导干部法治培训不少于十二学时", ">=", 12, "学时" } } },
  { "/targets/chinese/or-more", "每年组织两次以上集中学法",
    { { "每年组织两次以上", ">=", 2, "次" } } },
  { "/targets/chinese/twenty-people", "每年组织二十名以上执法人员参训",
    { { "每年组织二十名以上", ">=", 20, "名" } } },
  { "/targets/chinese/hundred-twenty", "开设法治讲堂一百二十期以上",
    { { "开设法治讲堂一百二十期以上", ">=", 120, "期" } } },
  { "/targets/chinese/hundred-zero-five", "开设法治讲堂一百零五期以上",
    { { "开设法治讲堂一百零五期以上", ">=", 105, "期" } } },
  { "/targets/chinese/two-thousand", "每年培训执法人员两千人次以上",
    { { "每年培训执法人员两千人次以上", ">=", 2000, "人次" } } },
  { "/targets/chinese/percent-hundred", "规范性文件合法性审查率达到百分之百",
    { { "规范性文件合法性审查率达到百分之百", "=", 100, "%" } } },
  { "/targets/chinese/percent-ninety", "法律顾问覆盖率不低于百分之九十",
    { { "法律顾问覆盖率不低于百分之九十", ">=", 90, "%" } } },
};

static void
test_target_case (gconstpointer data)
{
  const TargetCase *c = data;
  g_autoptr(GPtrArray) targets = anpai_targets_find (c->text);
  guint expected = 0;

  while (expected < MAX_EXPECTED && c->targets[expected].text != NULL)
    expected++;
  g_assert_nonnull (targets);
  g_assert_cmpuint (targets->len, ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      const AnpaiImportTarget *target = g_ptr_array_index (targets, i);

      g_assert_cmpstr (target->text, ==, c->targets[i].text);
      g_assert_cmpstr (target->comparator, ==, c->targets[i].comparator);
      g_assert_true (target->has_value);
      g_assert_cmpfloat_with_epsilon (target->value, c->targets[i].value, 1e-9);
      g_assert_cmpstr (target->measure, ==, c->targets[i].measure);
    }
}

/* Texts with no target: no number, or numbers that are dates, labels,
 * ordinals, document numbers, bare counts. */
typedef struct {
  const char *path;
  const char *text;
} TextCase;

static const TextCase none_cases[] = {
  { "/targets/none/no-number", "加强法治宣传教育，推进严格规范公正文明执法" },
  { "/targets/none/year-deadline", "2023年底前完成市级行政规范性文件清理工作" },
  { "/targets/none/date", "《条例》自2018年7月1日起施行" },
  { "/targets/none/month-deadline", "每年12月底前报送年度法治政府建设报告" },
  { "/targets/none/year-goal", "力争到2025年基本建成法治政府" },
  { "/targets/none/numbered-labels", "1.加强组织领导 2.落实工作责任" },
  { "/targets/none/chinese-label", "一、加强党对法治政府建设的领导" },
  { "/targets/none/chinese-bracket-label", "（三）推进行政执法规范化建设" },
  { "/targets/none/enumeration", "一是健全制度，二是加强培训" },
  { "/targets/none/ordinal", "市政府第3次常务会议审议通过" },
  { "/targets/none/article", "落实《条例》第12条规定" },
  { "/targets/none/document-number", "按照市政发〔2019〕5号文件要求" },
  { "/targets/none/bare-count", "建成3个法治宣传教育示范点" },
  { "/targets/none/chinese-bare-count", "完成三项制度改革" },
  { "/targets/none/one-time-notice", "全面实行一次性告知制度" },
  { "/targets/none/slogan", "推行“一网通办”“一次办好”" },
  { "/targets/none/head", "落实党政主要负责人履行推进法治建设第一责任人职责，一把手带头讲法" },
  { "/targets/none/fraction", "兼职律师比例不少于1/3" },
  { "/targets/none/inside-title", "学习《关于满意度达到95%的若干意见》" },
  { "/targets/none/empty", "" },
};

static void
test_none_case (gconstpointer data)
{
  const char *text = data;
  g_autoptr(GPtrArray) targets = anpai_targets_find (text);

  g_assert_nonnull (targets);
  g_assert_cmpuint (targets->len, ==, 0);
}

static void
test_null_and_invalid (void)
{
  g_autoptr(GPtrArray) none = anpai_targets_find (NULL);
  g_autoptr(GPtrArray) invalid = anpai_targets_find ("满意度\xff\xfe达95%以上");
  const AnpaiImportTarget *target;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 1);
  target = g_ptr_array_index (invalid, 0);
  g_assert_cmpstr (target->text, ==, "满意度\xef\xbf\xbd\xef\xbf\xbd达95%以上");
  g_assert_cmpstr (target->comparator, ==, ">=");
  g_assert_cmpfloat_with_epsilon (target->value, 95, 1e-9);
  g_assert_cmpstr (target->measure, ==, "%");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (target_cases); i++)
    g_test_add_data_func (target_cases[i].path, &target_cases[i], test_target_case);
  for (guint i = 0; i < G_N_ELEMENTS (none_cases); i++)
    g_test_add_data_func (none_cases[i].path, none_cases[i].text, test_none_case);
  g_test_add_func ("/targets/null-and-invalid", test_null_and_invalid);

  return g_test_run ();
}
