/* test-time-spec.c — tests for reading and describing time requirements
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-date.h"
#include "anpai-time-spec.h"

/* Every table below reads its text against the plan period 2023-01-01 ..
 * 2024-12-31, so the base year is 2023.  NULL stands for an unset date or
 * rrule. */

static GDate period_start;
static GDate period_end;

typedef struct
{
  const char *text;
  const char *kind;
  const char *start;
  const char *end;
  const char *rrule;
} ParseCase;

typedef struct
{
  const char *sentence;
  const char *match;   /* the expression as cut out of the sentence */
  const char *kind;
  const char *start;
  const char *end;
  const char *rrule;
} FindCase;

#define PERIOD_START "2023-01-01"
#define PERIOD_END "2024-12-31"

static void
assert_date (const GDate *date,
             const char  *expected,
             const char  *what,
             const char  *text)
{
  g_autofree char *iso = anpai_date_to_iso (date);

  if (g_strcmp0 (iso, expected) != 0)
    g_error ("%s: %s is %s, expected %s", text, what, iso ? iso : "(unset)",
             expected ? expected : "(unset)");
}

static void
assert_spec (const AnpaiTimeSpec *spec,
             const char          *text,
             const char          *kind,
             const char          *start,
             const char          *end,
             const char          *rrule)
{
  g_assert_nonnull (spec);
  if (g_strcmp0 (anpai_time_kind_to_string (spec->kind), kind) != 0)
    g_error ("%s: kind is %s, expected %s", text, anpai_time_kind_to_string (spec->kind), kind);
  assert_date (&spec->start, start, "start", text);
  assert_date (&spec->end, end, "end", text);
  if (g_strcmp0 (spec->rrule, rrule) != 0)
    g_error ("%s: rrule is %s, expected %s", text, spec->rrule ? spec->rrule : "(null)",
             rrule ? rrule : "(null)");
}

static void
check_parse_cases (const ParseCase *cases,
                   gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = NULL;
      gboolean none = strcmp (cases[i].kind, "none") == 0;

      g_test_message ("parse %s", cases[i].text);
      spec = anpai_time_spec_parse (cases[i].text, &period_start, &period_end);
      assert_spec (spec, cases[i].text, cases[i].kind, cases[i].start, cases[i].end,
                   cases[i].rrule);
      g_assert_cmpstr (spec->text, ==, cases[i].text);
      g_assert_cmpint (spec->source, ==,
                       none ? ANPAI_TIME_SOURCE_NONE : ANPAI_TIME_SOURCE_TEXT);
    }
}

static void
check_find_cases (const FindCase *cases,
                  gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = NULL;
      gboolean found;

      g_test_message ("find in %s", cases[i].sentence);
      found = anpai_time_spec_find (cases[i].sentence, &period_start, &period_end, &spec);
      if (!found)
        g_error ("%s: found nothing, expected %s", cases[i].sentence, cases[i].match);
      g_assert_cmpstr (spec->text, ==, cases[i].match);
      g_assert_cmpint (spec->source, ==, ANPAI_TIME_SOURCE_TEXT);
      assert_spec (spec, cases[i].sentence, cases[i].kind, cases[i].start, cases[i].end,
                   cases[i].rrule);
    }
}

/* parse () */

static void
test_parse_deadline (void)
{
  static const ParseCase cases[] = {
    { "2023年年底前", "deadline", NULL, "2023-12-31", NULL },
    { "2023年底前", "deadline", NULL, "2023-12-31", NULL },
    { "2018年底", "deadline", NULL, "2018-12-31", NULL },
    { "2024年末", "deadline", NULL, "2024-12-31", NULL },
    { "2017年完成", "deadline", NULL, "2017-12-31", NULL },
    { "2023年前", "deadline", NULL, "2023-12-31", NULL },
    { "2023年内", "deadline", NULL, "2023-12-31", NULL },
    { "今年7月1日前", "deadline", NULL, "2023-07-01", NULL },
    { "今年底前", "deadline", NULL, "2023-12-31", NULL },
    { "明年6月底前", "deadline", NULL, "2024-06-30", NULL },
    { "6月底前", "deadline", NULL, "2023-06-30", NULL },
    { "6月底", "deadline", NULL, "2023-06-30", NULL },
    { "9月末前完成", "deadline", NULL, "2023-09-30", NULL },
    { "年内", "deadline", NULL, "2023-12-31", NULL },
    { "年底前完成", "deadline", NULL, "2023-12-31", NULL },
    { "上半年完成", "deadline", NULL, "2023-06-30", NULL },
    { "下半年内", "deadline", NULL, "2023-12-31", NULL },
    /* 前 includes the month it follows */
    { "2023年3月前", "deadline", NULL, "2023-03-31", NULL },
    { "3月份前", "deadline", NULL, "2023-03-31", NULL },
    { "2023年9月前", "deadline", NULL, "2023-09-30", NULL },
    { "2024年2月以前", "deadline", NULL, "2024-02-29", NULL },
    { "第一季度末", "deadline", NULL, "2023-03-31", NULL },
    { "2024年第三季度末前", "deadline", NULL, "2024-09-30", NULL },
    { "二季度前", "deadline", NULL, "2023-06-30", NULL },
    { "2024年6月底前", "deadline", NULL, "2024-06-30", NULL },
    { "12月31日前", "deadline", NULL, "2023-12-31", NULL },
    { "2024年3月15日之前", "deadline", NULL, "2024-03-15", NULL },
    { "3月中旬前", "deadline", NULL, "2023-03-20", NULL },
    /* a single day is a due date */
    { "2023年10月8日", "deadline", NULL, "2023-10-08", NULL },
    { "截至2023年底", "deadline", NULL, "2023-12-31", NULL },
    { "截止到2024年6月30日", "deadline", NULL, "2024-06-30", NULL },
    { "到2025年", "deadline", NULL, "2025-12-31", NULL },
    { "十四五末", "deadline", NULL, "2025-12-31", NULL },
    { "2023.12.31前", "deadline", NULL, "2023-12-31", NULL },
    { "2024/6/30", "deadline", NULL, "2024-06-30", NULL },
    { "2023-11-15", "deadline", NULL, "2023-11-15", NULL },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_window (void)
{
  static const ParseCase cases[] = {
    { "2023年上半年", "window", "2023-01-01", "2023-06-30", NULL },
    { "2024年下半年", "window", "2024-07-01", "2024-12-31", NULL },
    { "下半年", "window", "2023-07-01", "2023-12-31", NULL },
    { "第三季度", "window", "2023-07-01", "2023-09-30", NULL },
    { "2024年第四季度", "window", "2024-10-01", "2024-12-31", NULL },
    { "2023年前三季度", "window", "2023-01-01", "2023-09-30", NULL },
    { "2023—2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023-2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023至2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023年至2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023年", "window", "2023-01-01", "2023-12-31", NULL },
    { "2023年3月", "window", "2023-03-01", "2023-03-31", NULL },
    { "2024年2月", "window", "2024-02-01", "2024-02-29", NULL },
    { "2023年3月至6月", "window", "2023-03-01", "2023-06-30", NULL },
    { "3—5月", "window", "2023-03-01", "2023-05-31", NULL },
    { "2024年4-6月", "window", "2024-04-01", "2024-06-30", NULL },
    { "2023年10月—2024年3月", "window", "2023-10-01", "2024-03-31", NULL },
    { "11月至次年2月", "window", "2023-11-01", "2024-02-29", NULL },
    { "11月至2月", "window", "2023-11-01", "2024-02-29", NULL },
    { "3月1日至6月30日", "window", "2023-03-01", "2023-06-30", NULL },
    { "从2023年9月到12月", "window", "2023-09-01", "2023-12-31", NULL },
    { "自2023年起至2024年底", "window", "2023-01-01", "2024-12-31", NULL },
    { "3月上旬", "window", "2023-03-01", "2023-03-10", NULL },
    { "2024年2月下旬", "window", "2024-02-21", "2024-02-29", NULL },
    { "“十四五”期间", "window", "2021-01-01", "2025-12-31", NULL },
    { "2023.6", "window", "2023-06-01", "2023-06-30", NULL },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_from (void)
{
  static const ParseCase cases[] = {
    { "2017年开始", "from", "2017-01-01", PERIOD_END, NULL },
    { "从今年3月1日起", "from", "2023-03-01", PERIOD_END, NULL },
    { "2018年起", "from", "2018-01-01", PERIOD_END, NULL },
    { "自2019年起", "from", "2019-01-01", PERIOD_END, NULL },
    { "从2024年开始", "from", "2024-01-01", PERIOD_END, NULL },
    { "2023年7月起", "from", "2023-07-01", PERIOD_END, NULL },
    { "下半年开始", "from", "2023-07-01", PERIOD_END, NULL },
    { "自2023年10月1日施行", "from", "2023-10-01", PERIOD_END, NULL },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_ongoing (void)
{
  static const ParseCase cases[] = {
    { "整个期间内", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "期间内及时跟进", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "长期坚持", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "持续推进", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "长期", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "常态化推进", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "持续开展", "ongoing", PERIOD_START, PERIOD_END, NULL },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_recurring (void)
{
  static const ParseCase cases[] = {
    { "每年第一季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "每年一季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "每年第二季度末", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30" },
    { "每季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    { "每个季度末", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    { "每半年", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=6,12;BYMONTHDAY=-1" },
    { "每月", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=-1" },
    { "每月底前", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=-1" },
    { "每年3月31日前", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "每年6月", "recurring", PERIOD_START, PERIOD_END, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30" },
    { "每年2月底前", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" },
    { "每年上半年", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30" },
    { "每月25日前", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=25" },
    { "每月5号", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=5" },
    /* RFC 5545 would skip months without a 30th */
    { "每月30日前", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=-1" },
    { "每月中旬", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=20" },
    { "每年年底前", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" },
    { "每年底", "recurring", PERIOD_START, PERIOD_END, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" },
    /* a frequency target recurs every year, due by each year's end */
    { "每年至少1次", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" },
    { "每周", "recurring", PERIOD_START, PERIOD_END, "FREQ=WEEKLY" },
    /* a span before the rule bounds it */
    { "2024年每季度", "recurring", "2024-01-01", "2024-12-31",
      "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    { "2023—2024年每年第一季度", "recurring", "2023-01-01", "2024-12-31",
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "2024年起每月", "recurring", "2024-01-01", PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=-1" },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_none (void)
{
  static const ParseCase cases[] = {
    { "", "none", NULL, NULL, NULL },
    { "20个工作日内", "none", NULL, NULL, NULL },
    { "不少于15日", "none", NULL, NULL, NULL },
    { "3日内", "none", NULL, NULL, NULL },
    { "收到申请之日起5个工作日内", "none", NULL, NULL, NULL },
    { "一年内", "none", NULL, NULL, NULL },
    { "三年内", "none", NULL, NULL, NULL },
    { "半年内", "none", NULL, NULL, NULL },
    { "3个月内", "none", NULL, NULL, NULL },
    { "用两年左右时间", "none", NULL, NULL, NULL },
    { "满意度达到95%以上", "none", NULL, NULL, NULL },
    { "不少于40学时", "none", NULL, NULL, NULL },
    { "2015年以来", "none", NULL, NULL, NULL },
    { "2022年3月至今", "none", NULL, NULL, NULL },
    { "3月1日至今", "none", NULL, NULL, NULL },
    { "2020年以后", "none", NULL, NULL, NULL },
    { "每两年", "none", NULL, NULL, NULL },
    { "一月一次", "none", NULL, NULL, NULL },
    { "二十五日", "none", NULL, NULL, NULL },
    { "上年底", "none", NULL, NULL, NULL },
    { "2023.5万元", "none", NULL, NULL, NULL },
    { "“十三五”规划", "none", NULL, NULL, NULL },
    { "上年度", "none", NULL, NULL, NULL },
    { "可持续发展", "none", NULL, NULL, NULL },
    { "长期以来", "none", NULL, NULL, NULL },
    { "统一月度报表", "none", NULL, NULL, NULL },
    { "《规划纲要(2021—2025年)》", "none", NULL, NULL, NULL },
    { "qwerty 12345", "none", NULL, NULL, NULL },
    { "按要求办理", "none", NULL, NULL, NULL },
    { "1800年底前", "none", NULL, NULL, NULL },
    { "2300年", "none", NULL, NULL, NULL },
    { "12023年", "none", NULL, NULL, NULL },
    { "13月", "none", NULL, NULL, NULL },
    { "3月32日", "none", NULL, NULL, NULL },
    { "第五季度", "none", NULL, NULL, NULL },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_normalise (void)
{
  static const ParseCase cases[] = {
    /* full-width digits and punctuation */
    { "２０２３年底前", "deadline", NULL, "2023-12-31", NULL },
    { "２０２３－２０２４年", "window", "2023-01-01", "2024-12-31", NULL },
    { "（2023—2024年）", "window", "2023-01-01", "2024-12-31", NULL },
    /* every dash, and 至 and 到, between years */
    { "2023–2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023―2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023——2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023~2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023～2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "2023到2024年", "window", "2023-01-01", "2024-12-31", NULL },
    { "3～5月", "window", "2023-03-01", "2023-05-31", NULL },
    /* the dash lost when a title was copied from a web page */
    { "(20232024年)", "window", "2023-01-01", "2024-12-31", NULL },
    /* Chinese numerals */
    { "一季度", "window", "2023-01-01", "2023-03-31", NULL },
    { "第二季度", "window", "2023-04-01", "2023-06-30", NULL },
    { "十二月", "window", "2023-12-01", "2023-12-31", NULL },
    { "十一月底前", "deadline", NULL, "2023-11-30", NULL },
    { "三至五月", "window", "2023-03-01", "2023-05-31", NULL },
    { "二〇二三年", "window", "2023-01-01", "2023-12-31", NULL },
    { "二〇二四年三月三十一日前", "deadline", NULL, "2024-03-31", NULL },
    { "二零二三年十二月", "window", "2023-12-01", "2023-12-31", NULL },
    /* 年度 is 年 */
    { "2018年度", "window", "2018-01-01", "2018-12-31", NULL },
    { "2023年度内完成", "deadline", NULL, "2023-12-31", NULL },
    /* spaces inside, ideographic spaces around */
    { "2023 年 6 月 底 前", "deadline", NULL, "2023-06-30", NULL },
    /* 号 for 日, 份 after 月 */
    { "7月1号前", "deadline", NULL, "2023-07-01", NULL },
    /* an invalid day is clamped to the month's end */
    { "2月30日前", "deadline", NULL, "2023-02-28", NULL },
    { "2024年2月30日前", "deadline", NULL, "2024-02-29", NULL },
    { "6月31日", "deadline", NULL, "2023-06-30", NULL },
  };
  g_autoptr(AnpaiTimeSpec) spec = NULL;

  check_parse_cases (cases, G_N_ELEMENTS (cases));

  /* the stored text is trimmed of every kind of space */
  spec = anpai_time_spec_parse ("\u3000 2023年底前\t\n\u00A0", &period_start, &period_end);
  assert_spec (spec, "trimmed", "deadline", NULL, "2023-12-31", NULL);
  g_assert_cmpstr (spec->text, ==, "2023年底前");
}

static void
test_parse_no_period (void)
{
  static const ParseCase cases[] = {
    /* explicit years need no period */
    { "2023年底前", "deadline", NULL, "2023-12-31", NULL },
    { "2023年上半年", "window", "2023-01-01", "2023-06-30", NULL },
    { "2019年起", "from", "2019-01-01", NULL, NULL },
    /* nor do words and frequencies, but their dates stay unset */
    { "持续推进", "ongoing", NULL, NULL, NULL },
    { "每季度", "recurring", NULL, NULL, "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    /* the base year is unknown */
    { "今年7月1日前", "none", NULL, NULL, NULL },
    { "6月底前", "none", NULL, NULL, NULL },
    { "年内", "none", NULL, NULL, NULL },
    { "第三季度", "none", NULL, NULL, NULL },
    { "3—5月", "none", NULL, NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = anpai_time_spec_parse (cases[i].text, NULL, NULL);
      GDate unset;

      assert_spec (spec, cases[i].text, cases[i].kind, cases[i].start, cases[i].end,
                   cases[i].rrule);
      anpai_time_spec_free (spec);

      /* an invalid GDate counts as unset */
      g_date_clear (&unset, 1);
      spec = anpai_time_spec_parse (cases[i].text, &unset, &unset);
      assert_spec (spec, cases[i].text, cases[i].kind, cases[i].start, cases[i].end,
                   cases[i].rrule);
    }
}

static void
test_parse_base_year (void)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;
  GDate start, end;

  /* an annual plan: its year is the base year */
  anpai_date_set_ymd (&start, 2018, 1, 1);
  anpai_date_set_ymd (&end, 2018, 12, 31);
  spec = anpai_time_spec_parse ("今年7月1日前", &start, &end);
  assert_spec (spec, "annual", "deadline", NULL, "2018-07-01", NULL);
  g_clear_pointer (&spec, anpai_time_spec_free);

  spec = anpai_time_spec_parse ("从今年3月1日起", &start, &end);
  assert_spec (spec, "annual from", "from", "2018-03-01", "2018-12-31", NULL);
  g_clear_pointer (&spec, anpai_time_spec_free);

  spec = anpai_time_spec_parse ("期间内及时跟进", &start, &end);
  assert_spec (spec, "annual ongoing", "ongoing", "2018-01-01", "2018-12-31", NULL);
  g_clear_pointer (&spec, anpai_time_spec_free);

  /* NULL text reads as empty */
  spec = anpai_time_spec_parse (NULL, &start, &end);
  assert_spec (spec, "NULL", "none", NULL, NULL, NULL);
  g_assert_cmpstr (spec->text, ==, "");
  g_assert_cmpint (spec->source, ==, ANPAI_TIME_SOURCE_NONE);
}

/* find () */

static void
test_find_sentences (void)
{
  static const FindCase cases[] = {
    { "8. 2023年年底前建成覆盖市县两级的政务公开标准目录,实现动态更新。"
      "(责任单位:市政府办公室,配合单位:各县区人民政府)",
      "2023年年底前", "deadline", NULL, "2023-12-31", NULL },
    { "12健全复议案件审理机制,2023年上半年,基本建成统一规范的办案平台。"
      "(责任单位:市司法局)",
      "2023年上半年", "window", "2023-01-01", "2023-06-30", NULL },
    { "今年7月1日前,各县(区)政府普遍建立法律顾问工作台账;争取年内全面覆盖。",
      "今年7月1日前", "deadline", NULL, "2023-07-01", NULL },
    { "(五)加快推进公职律师制度。争取年内取得新进展。",
      "年内", "deadline", NULL, "2023-12-31", NULL },
    { "各县(市、区)政府应于2024年6月底前完成行政执法人员信息库建设。",
      "2024年6月底前完成", "deadline", NULL, "2024-06-30", NULL },
    { "2024年底全市一半乡镇建成公共法律服务工作站。",
      "2024年底", "deadline", NULL, "2024-12-31", NULL },
    { "力争在2024年9月前完成全市规范性文件清理。",
      "2024年9月前完成", "deadline", NULL, "2024-09-30", NULL },
    { "从今年5月1日起,在全市范围内推行行政执法公示制度。",
      "从今年5月1日起", "from", "2023-05-01", PERIOD_END, NULL },
    { "认真落实决策程序规定,从2023年开始,每年选取若干重大决策事项开展后评估。",
      "从2023年开始,每年", "recurring", "2023-01-01", PERIOD_END,
      "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" },
    { "各级政府每年第一季度向同级人大常委会报告上一年度法治政府建设情况。",
      "每年第一季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "行政机关应当于每年3月31日前公布上一年度政府信息公开工作年度报告。",
      "每年3月31日前", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" },
    { "各责任单位每月25日前报送工作进展情况。",
      "每月25日前", "recurring", PERIOD_START, PERIOD_END, "FREQ=MONTHLY;BYMONTHDAY=25" },
    { "对持证人员每季度开展一次动态清理。",
      "每季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    { "县级以上政府每年至少听取2次依法行政工作汇报。",
      "每年", "recurring", PERIOD_START, PERIOD_END, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" },
    { "组织领导干部法治专题讲座(每半年至少一次)。",
      "每半年", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=6,12;BYMONTHDAY=-1" },
    /* a dated expression beats an earlier frequency or word */
    { "持续推进权责清单动态调整,2024年6月底前完成新一轮清单公布。",
      "2024年6月底前完成", "deadline", NULL, "2024-06-30", NULL },
    { "每年组织一次培训,2023年底前实现全员轮训。",
      "2023年底前", "deadline", NULL, "2023-12-31", NULL },
    { "2023年为制度建设年,第三季度开展专项评查。",
      "第三季度", "window", "2023-07-01", "2023-09-30", NULL },
    /* a bare year only when nothing better is there */
    { "2024年制定行政执法监督办法,相关部门同步修订配套制度。",
      "2024年", "window", "2024-01-01", "2024-12-31", NULL },
    { "持续推进“互联网+监管”平台应用。",
      "持续推进", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "各地区法治督察工作常态化推进,形成长效机制。",
      "常态化推进", "ongoing", PERIOD_START, PERIOD_END, NULL },
    { "“十四五”期间,持续深化行政执法体制改革。",
      "“十四五”期间", "window", "2021-01-01", "2025-12-31", NULL },
    /* the years of a title in 《》 are not a schedule */
    { "贯彻落实《法治政府建设实施纲要(2021—2025年)》,2024年底前完成中期评估。",
      "2024年底前完成", "deadline", NULL, "2024-12-31", NULL },
    { "全面完成《某市行动计划(2023—2024年)》规定的任务,每季度通报进展。",
      "每季度", "recurring", PERIOD_START, PERIOD_END,
      "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1" },
    { "印发《关于〈某省实施方案(2016—2020年)〉的通知》,2023年3月至6月开展自查。",
      "2023年3月至6月", "window", "2023-03-01", "2023-06-30", NULL },
    /* outside 《》 the damaged title year still reads */
    { "某市法治建设行动计划(20232024年)", "20232024年", "window", "2023-01-01",
      "2024-12-31", NULL },
    /* the expression is cut out exactly as written */
    { "于２０２３年１２月底前完成", "２０２３年１２月底前完成", "deadline", NULL,
      "2023-12-31", NULL },
    { "在 2024 年 3 月 1 日 前,各单位报送", "2024 年 3 月 1 日 前", "deadline", NULL,
      "2024-03-01", NULL },
    { "①2024年第二季度开展评估", "2024年第二季度", "window", "2024-04-01", "2024-06-30", NULL },
    { "(三)2023年10月起草完成规章草案", "2023年10月", "window", "2023-10-01", "2023-10-31",
      NULL },
  };

  check_find_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_find_none (void)
{
  static const char *const sentences[] = {
    "自信息形成或者变更之日起20个工作日内主动向社会公开。",
    "听证公告期不少于15日,公布与施行的间隔原则上不少于30日。",
    "行政机关应当在受理申请之日起3日内作出决定。",
    "本部门一年内发生两起以上重大违法行政案件的,追究主要负责人责任。",
    "群众满意度达到95%以上,复议决定履行率100%。",
    "专职调解员配备不少于2名,培训不少于40学时。",
    "力争用两年左右时间完成35项重点任务。",
    "自法治建设工作开展以来,各项工作取得明显成效。",
    "关于印发《某市2023年度法治政府建设工作要点》的通知",
    "依据《条例》(国发〔2018〕12号)和驻政办〔2019〕46号文件",
    "坚持可持续发展理念,长期以来形成了良好传统。",
    "年初有计划、年中有检查、年末有总结。",
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autoptr(AnpaiTimeSpec) spec = NULL;

      if (anpai_time_spec_find (sentences[i], &period_start, &period_end, &spec))
        g_error ("%s: found %s, expected nothing", sentences[i], spec->text);
      g_assert_null (spec);
    }
}

static void
test_find_titles (void)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;

  /* an unclosed 《 must not hide the rest of the text */
  g_assert_true (anpai_time_spec_find ("落实《纲要 2024年底前实现", &period_start,
                                       &period_end, &spec));
  g_assert_cmpstr (spec->text, ==, "2024年底前");
  g_clear_pointer (&spec, anpai_time_spec_free);

  g_assert_true (anpai_time_spec_find ("按《纲要 和《方案》要求,2024年6月底前实现", &period_start,
                                       &period_end, &spec));
  g_assert_cmpstr (spec->text, ==, "2024年6月底前");
  g_clear_pointer (&spec, anpai_time_spec_free);

  /* nor a stray 》 count as one */
  g_assert_true (anpai_time_spec_find ("》2024年底前完成", &period_start, &period_end, &spec));
  g_assert_cmpstr (spec->text, ==, "2024年底前完成");
  g_clear_pointer (&spec, anpai_time_spec_free);

  /* nested titles */
  g_assert_false (anpai_time_spec_find ("《关于〈纲要(2021—2025年)〉的通知(2023年)》",
                                        &period_start, &period_end, &spec));
  g_assert_null (spec);

  /* the caller may want only the answer */
  g_assert_true (anpai_time_spec_find ("年底前完成", &period_start, &period_end, NULL));
}

/* The type, equality and strings */

static void
test_boxed (void)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;
  AnpaiTimeSpec *copy;
  GType type = anpai_time_spec_get_type ();

  g_assert_true (G_TYPE_IS_BOXED (type));
  g_assert_cmpstr (g_type_name (type), ==, "AnpaiTimeSpec");
  g_assert_cmpuint (ANPAI_TYPE_TIME_SPEC, ==, type);

  spec = anpai_time_spec_parse ("每年第一季度", &period_start, &period_end);
  copy = g_boxed_copy (ANPAI_TYPE_TIME_SPEC, spec);
  g_assert_true (copy != spec);
  g_assert_true (copy->text != spec->text);
  g_assert_true (copy->rrule != spec->rrule);
  g_assert_true (anpai_time_spec_equal (spec, copy));
  g_boxed_free (ANPAI_TYPE_TIME_SPEC, copy);
}

static void
test_new_copy_equal (void)
{
  g_autoptr(AnpaiTimeSpec) a = anpai_time_spec_new ();
  g_autoptr(AnpaiTimeSpec) b = NULL;

  g_assert_cmpstr (a->text, ==, "");
  g_assert_cmpint (a->kind, ==, ANPAI_TIME_NONE);
  g_assert_cmpint (a->source, ==, ANPAI_TIME_SOURCE_NONE);
  g_assert_false (g_date_valid (&a->start));
  g_assert_false (g_date_valid (&a->end));
  g_assert_null (a->rrule);

  b = anpai_time_spec_copy (a);
  g_assert_true (anpai_time_spec_equal (a, b));
  g_assert_true (anpai_time_spec_equal (a, a));
  g_assert_true (anpai_time_spec_equal (NULL, NULL));
  g_assert_false (anpai_time_spec_equal (a, NULL));
  g_assert_false (anpai_time_spec_equal (NULL, b));

  anpai_date_set_ymd (&b->end, 2023, 12, 31);
  g_assert_false (anpai_time_spec_equal (a, b));
  anpai_date_set_ymd (&a->end, 2023, 12, 31);
  g_assert_true (anpai_time_spec_equal (a, b));
  /* the same day through a julian day is the same date */
  g_date_clear (&a->end, 1);
  g_date_set_julian (&a->end, g_date_get_julian (&b->end));
  g_assert_true (anpai_time_spec_equal (a, b));

  anpai_date_set_ymd (&a->start, 2023, 1, 1);
  g_assert_false (anpai_time_spec_equal (a, b));
  b->start = a->start;
  g_assert_true (anpai_time_spec_equal (a, b));

  a->kind = ANPAI_TIME_WINDOW;
  g_assert_false (anpai_time_spec_equal (a, b));
  b->kind = ANPAI_TIME_WINDOW;

  a->source = ANPAI_TIME_SOURCE_MANUAL;
  g_assert_false (anpai_time_spec_equal (a, b));
  b->source = ANPAI_TIME_SOURCE_MANUAL;

  g_free (a->text);
  a->text = g_strdup ("2023年");
  g_assert_false (anpai_time_spec_equal (a, b));
  g_free (b->text);
  b->text = g_strdup ("2023年");

  a->rrule = g_strdup ("FREQ=WEEKLY");
  g_assert_false (anpai_time_spec_equal (a, b));
  b->rrule = g_strdup ("FREQ=WEEKLY");
  g_assert_true (anpai_time_spec_equal (a, b));

  anpai_time_spec_free (NULL);
}

static void
test_strings (void)
{
  static const char *const kinds[] = {
    "none", "deadline", "window", "from", "ongoing", "recurring"
  };
  static const char *const sources[] = {
    "none", "table", "text", "parent", "plan", "manual"
  };
  AnpaiTimeKind kind;
  AnpaiTimeSource source;

  /* the names are a file-format contract, in enum order */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (anpai_time_kind_to_string ((AnpaiTimeKind) i), ==, kinds[i]);
      kind = (AnpaiTimeKind) 99;
      g_assert_true (anpai_time_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, (int) i);
    }
  g_assert_cmpint (ANPAI_TIME_RECURRING, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_assert_cmpstr (anpai_time_source_to_string ((AnpaiTimeSource) i), ==, sources[i]);
      source = (AnpaiTimeSource) 99;
      g_assert_true (anpai_time_source_from_string (sources[i], &source));
      g_assert_cmpint (source, ==, (int) i);
    }
  g_assert_cmpint (ANPAI_TIME_SOURCE_MANUAL, ==, 5);

  kind = ANPAI_TIME_WINDOW;
  g_assert_false (anpai_time_kind_from_string ("Deadline", &kind));
  g_assert_false (anpai_time_kind_from_string ("", &kind));
  g_assert_false (anpai_time_kind_from_string ("deadline ", &kind));
  g_assert_false (anpai_time_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, ANPAI_TIME_WINDOW);

  source = ANPAI_TIME_SOURCE_PLAN;
  g_assert_false (anpai_time_source_from_string ("TEXT", &source));
  g_assert_false (anpai_time_source_from_string ("table2", &source));
  g_assert_false (anpai_time_source_from_string (NULL, &source));
  g_assert_cmpint (source, ==, ANPAI_TIME_SOURCE_PLAN);
}

static void
test_strings_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (anpai_time_kind_to_string ((AnpaiTimeKind) 42));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* describe () */

static char *
describe_parsed (const char *text)
{
  g_autoptr(AnpaiTimeSpec) spec = anpai_time_spec_parse (text, &period_start, &period_end);

  return anpai_time_spec_describe (spec);
}

static void
test_describe (void)
{
  static const struct
  {
    const char *text;
    const char *description;
  } cases[] = {
    { "2023年年底前", "By 2023-12-31" },
    { "2023年上半年", "2023-01-01 to 2023-06-30" },
    { "2017年开始", "From 2017-01-01" },
    { "整个期间内", "Throughout the period" },
    { "每年第一季度", "Every year by 03-31" },
    { "每年3月31日前", "Every year by 03-31" },
    { "每年2月底前", "Every year by the end of month 2" },
    { "每季度", "Every quarter" },
    { "每半年", "Every half year" },
    { "每月", "Every month" },
    { "每月25日前", "Every month by day 25" },
    { "每周", "Every week" },
    { "20个工作日内", "No schedule" },
    { "", "No schedule" },
  };
  static const struct
  {
    const char *rrule;
    const char *description;
  } rules[] = {
    /* every third month from the chart's first day, not the quarters */
    { "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "Repeats: FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1" },
    { "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1", "Repeats: FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1" },
    { "FREQ=YEARLY", "Every year" },
    { "FREQ=MONTHLY", "Every month" },
    { "FREQ=DAILY", "Repeats: FREQ=DAILY" },
    { "FREQ=WEEKLY;BYDAY=MO", "Repeats: FREQ=WEEKLY;BYDAY=MO" },
    { "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=xx", "Repeats: FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=xx" },
    { "freq=monthly;bymonth=12,6;bymonthday=-1", "Every half year" },
    { "FREQ=MONTHLY;BYMONTH=3,6,9,13;BYMONTHDAY=-1", "Repeats: FREQ=MONTHLY;BYMONTH=3,6,9,13;BYMONTHDAY=-1" },
    { "FREQ=MONTHLY;BYMONTHDAY=1,15", "Repeats: FREQ=MONTHLY;BYMONTHDAY=1,15" },
    { "garbage", "Repeats: garbage" },
    { "", "Repeats" },
    { NULL, "Repeats" },
  };
  g_autoptr(AnpaiTimeSpec) spec = anpai_time_spec_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *description = describe_parsed (cases[i].text);

      g_assert_cmpstr (description, ==, cases[i].description);
    }

  spec->kind = ANPAI_TIME_RECURRING;
  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *description = NULL;

      g_free (spec->rrule);
      spec->rrule = g_strdup (rules[i].rrule);
      description = anpai_time_spec_describe (spec);
      g_assert_cmpstr (description, ==, rules[i].description);
    }

  /* a kind without its date, as a planner might leave it */
  for (AnpaiTimeKind kind = ANPAI_TIME_DEADLINE; kind <= ANPAI_TIME_FROM; kind++)
    {
      g_autofree char *description = NULL;

      spec->kind = kind;
      description = anpai_time_spec_describe (spec);
      g_assert_cmpstr (description, ==, "No date set");
    }
}

/* Robustness */

static void
check_invariants (const char *text)
{
  g_autoptr(AnpaiTimeSpec) parsed = anpai_time_spec_parse (text, &period_start, &period_end);
  g_autoptr(AnpaiTimeSpec) found = NULL;
  g_autoptr(AnpaiTimeSpec) bare = anpai_time_spec_parse (text, NULL, NULL);
  g_autofree char *description = anpai_time_spec_describe (parsed);

  g_assert_true (g_utf8_validate (parsed->text, -1, NULL));
  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_true ((parsed->kind == ANPAI_TIME_NONE) == (parsed->source == ANPAI_TIME_SOURCE_NONE));
  g_assert_true ((parsed->rrule != NULL) == (parsed->kind == ANPAI_TIME_RECURRING));
  if (parsed->kind == ANPAI_TIME_DEADLINE)
    g_assert_true (g_date_valid (&parsed->end));
  if (g_date_valid (&parsed->start) && g_date_valid (&parsed->end) &&
      parsed->kind == ANPAI_TIME_WINDOW)
    g_assert_cmpint (g_date_compare (&parsed->start, &parsed->end), <=, 0);
  g_assert_true (g_utf8_validate (bare->text, -1, NULL));

  if (anpai_time_spec_find (text, &period_start, &period_end, &found))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      g_assert_nonnull (found);
      g_assert_cmpint (found->kind, !=, ANPAI_TIME_NONE);
      g_assert_true (g_utf8_validate (found->text, -1, NULL));
      g_assert_cmpuint (strlen (found->text), >, 0);
      g_assert_nonnull (strstr (valid, found->text));
      /* parse () of the whole text finds the same thing */
      g_assert_cmpint (parsed->kind, ==, found->kind);
    }
  else
    {
      g_assert_null (found);
      g_assert_cmpint (parsed->kind, ==, ANPAI_TIME_NONE);
    }
}

static void
test_robust_random (void)
{
  /* pieces of real expressions, so that random strings reach deep paths */
  static const char *const pieces[] = {
    "年", "月", "日", "号", "前", "底", "末", "内", "起", "开始", "完成", "每", "从", "自",
    "至", "到", "截至", "季度", "第", "上半年", "下半年", "上旬", "今年", "明年", "次年",
    "度", "份", "以来", "以前", "个", "《", "》", "〈", "〉", "“", "”", "十", "一", "二",
    "三", "四", "〇", "五", "2023", "2024", "1", "12", "31", "20232024", "—", "-", "~",
    "～", "２", "０", "．", ".", "/", " ", "\u3000", ",", "持续", "长期", "期间内",
    "十四五", "\xe5", "\xff", "\xe5\xb9", "\xc0\x80",
  };

  for (int round = 0; round < 3000; round++)
    {
      GString *s = g_string_new (NULL);
      int n = g_test_rand_int_range (0, 24);

      for (int k = 0; k < n; k++)
        g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      check_invariants (s->str);
      g_string_free (s, TRUE);
    }

  /* plain random bytes, never NUL */
  for (int round = 0; round < 2000; round++)
    {
      char buf[128];
      int n = g_test_rand_int_range (0, sizeof buf);

      for (int k = 0; k < n; k++)
        buf[k] = (char) g_test_rand_int_range (1, 256);
      buf[n] = '\0';
      check_invariants (buf);
    }
}

static void
test_robust_truncated (void)
{
  static const char *const texts[] = {
    "今年7月1日前,各县(区)政府完成",
    "二〇二四年三月三十一日前",
    "2023—2024年每年第一季度",
    "“十四五”期间,每半年",
    "《纲要(2021—2025年)》每月25日前",
    "２０２３年１２月底前",
  };

  /* every byte prefix, so UTF-8 sequences are cut in every place */
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize len = 0; len <= strlen (texts[i]); len++)
      {
        g_autofree char *prefix = g_strndup (texts[i], len);

        check_invariants (prefix);
      }
}

static void
test_robust_long (void)
{
  static const char *const units[] = {
    "1", "年", "每", "《", "》", "十", "一", "2023年", "2023—", "年底", "至", "每年",
    "从", "前", "\u3000", "\xff", "20232024年", "２", "“十三五”",
  };
  gsize size = g_test_slow () ? 4 * 1024 * 1024 : 512 * 1024;

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      GString *s = g_string_sized_new (size + 16);
      g_autoptr(AnpaiTimeSpec) spec = NULL;
      gdouble elapsed;

      while (s->len < size)
        g_string_append (s, units[i]);
      g_string_append (s, "2023年底前");

      g_test_timer_start ();
      spec = anpai_time_spec_parse (s->str, &period_start, &period_end);
      g_assert_nonnull (spec);
      g_clear_pointer (&spec, anpai_time_spec_free);
      (void) anpai_time_spec_find (s->str, &period_start, &period_end, &spec);
      elapsed = g_test_timer_elapsed ();

      /* linear: about a second per MiB under sanitizers; quadratic work
       * on this input would take hours */
      g_test_message ("%zu bytes of unit %zu: %.3f s", s->len, i, elapsed);
      g_assert_cmpfloat (elapsed, <, 20.0 * (double) size / (1024 * 1024));
      g_string_free (s, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_true (anpai_date_parse_iso (PERIOD_START, &period_start));
  g_assert_true (anpai_date_parse_iso (PERIOD_END, &period_end));

  g_test_add_func ("/time-spec/parse/deadline", test_parse_deadline);
  g_test_add_func ("/time-spec/parse/window", test_parse_window);
  g_test_add_func ("/time-spec/parse/from", test_parse_from);
  g_test_add_func ("/time-spec/parse/ongoing", test_parse_ongoing);
  g_test_add_func ("/time-spec/parse/recurring", test_parse_recurring);
  g_test_add_func ("/time-spec/parse/none", test_parse_none);
  g_test_add_func ("/time-spec/parse/normalise", test_parse_normalise);
  g_test_add_func ("/time-spec/parse/no-period", test_parse_no_period);
  g_test_add_func ("/time-spec/parse/base-year", test_parse_base_year);
  g_test_add_func ("/time-spec/find/sentences", test_find_sentences);
  g_test_add_func ("/time-spec/find/none", test_find_none);
  g_test_add_func ("/time-spec/find/titles", test_find_titles);
  g_test_add_func ("/time-spec/boxed", test_boxed);
  g_test_add_func ("/time-spec/new-copy-equal", test_new_copy_equal);
  g_test_add_func ("/time-spec/strings", test_strings);
  g_test_add_func ("/time-spec/strings/invalid", test_strings_invalid);
  g_test_add_func ("/time-spec/describe", test_describe);
  g_test_add_func ("/time-spec/robust/random", test_robust_random);
  g_test_add_func ("/time-spec/robust/truncated", test_robust_truncated);
  g_test_add_func ("/time-spec/robust/long", test_robust_long);

  return g_test_run ();
}
