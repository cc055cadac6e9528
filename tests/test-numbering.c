/* test-numbering.c — label styles, their detection and renumbering
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-numbering.h"

#define S ANPAI_NODE_KIND_SECTION
#define T ANPAI_NODE_KIND_TASK
#define X ANPAI_NODE_KIND_TEXT

static void
test_cn_numerals (void)
{
  static const struct { int n; const char *cn; } cases[] = {
    { 1, "一" }, { 9, "九" }, { 10, "十" }, { 11, "十一" }, { 19, "十九" }, { 20, "二十" },
    { 21, "二十一" }, { 38, "三十八" }, { 99, "九十九" }, { 100, "一百" }, { 101, "一百零一" },
    { 110, "一百一十" }, { 115, "一百一十五" }, { 999, "九百九十九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cn = anpai_numbering_cn_numeral (cases[i].n);
      g_autofree char *label = g_strconcat (cases[i].cn, "、", NULL);
      AnpaiNumberStyle style;
      int number;

      g_assert_cmpstr (cn, ==, cases[i].cn);
      g_assert_true (anpai_numbering_parse (label, &style, &number));
      g_assert_cmpint (style, ==, ANPAI_NUMBER_STYLE_CN);
      g_assert_cmpint (number, ==, cases[i].n);
    }
}

static void
test_digits (void)
{
  g_assert_cmpint (anpai_numbering_digit_value ('0'), ==, 0);
  g_assert_cmpint (anpai_numbering_digit_value ('9'), ==, 9);
  g_assert_cmpint (anpai_numbering_digit_value (0xFF10), ==, 0);  /* ０ */
  g_assert_cmpint (anpai_numbering_digit_value (0xFF19), ==, 9);  /* ９ */
  g_assert_cmpint (anpai_numbering_digit_value ('/'), ==, -1);
  g_assert_cmpint (anpai_numbering_digit_value (':'), ==, -1);
  g_assert_cmpint (anpai_numbering_digit_value (0xFF1A), ==, -1);  /* ： */
  g_assert_cmpint (anpai_numbering_digit_value (0x4E00), ==, -1);  /* 一 */
  g_assert_cmpint (anpai_numbering_digit_value (0x0661), ==, -1);  /* Arabic-Indic 1 */

  g_assert_cmpint (anpai_numbering_cn_digit (0x3007), ==, 0);  /* 〇 */
  g_assert_cmpint (anpai_numbering_cn_digit (0x96F6), ==, 0);  /* 零 */
  g_assert_cmpint (anpai_numbering_cn_digit (0x4E5D), ==, 9);  /* 九 */
  g_assert_cmpint (anpai_numbering_cn_digit (0x5341), ==, 10);  /* 十 */
  g_assert_cmpint (anpai_numbering_cn_digit (0x767E), ==, 100);  /* 百 */
  g_assert_cmpint (anpai_numbering_cn_digit ('1'), ==, -1);
}

static void
test_format (void)
{
  static const struct { AnpaiNumberStyle style; int n; const char *label; } cases[] = {
    { ANPAI_NUMBER_STYLE_CN, 2, "二、" },
    { ANPAI_NUMBER_STYLE_CN, 38, "三十八、" },
    { ANPAI_NUMBER_STYLE_CN_PAREN_FULL, 11, "（十一）" },
    { ANPAI_NUMBER_STYLE_CN_PAREN, 20, "(二十)" },
    { ANPAI_NUMBER_STYLE_ARABIC_DOT, 12, "12." },
    { ANPAI_NUMBER_STYLE_ARABIC_COMMA, 3, "3、" },
    { ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP, 4, "4．" },
    { ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL, 5, "（5）" },
    { ANPAI_NUMBER_STYLE_ARABIC_PAREN, 6, "(6)" },
    { ANPAI_NUMBER_STYLE_CIRCLED, 1, "①" },
    { ANPAI_NUMBER_STYLE_CIRCLED, 20, "⑳" },
    { ANPAI_NUMBER_STYLE_CIRCLED, 21, "㉑" },
    { ANPAI_NUMBER_STYLE_CIRCLED, 50, "㊿" },
    { ANPAI_NUMBER_STYLE_CIRCLED, 51, "（51）" },
    { ANPAI_NUMBER_STYLE_BARE, 7, "7" },
    { ANPAI_NUMBER_STYLE_CN_SHI, 3, "三是" },
    { ANPAI_NUMBER_STYLE_CN_SHI, 12, "十二是" },
    { ANPAI_NUMBER_STYLE_NONE, 7, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = anpai_numbering_format (cases[i].style, cases[i].n);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Every style reads back what it writes. */
static void
test_round_trip (void)
{
  for (AnpaiNumberStyle style = ANPAI_NUMBER_STYLE_CN; style <= ANPAI_NUMBER_STYLE_CN_SHI; style++)
    for (int n = 1; n <= (style == ANPAI_NUMBER_STYLE_CIRCLED ? 50 : 120); n++)
      {
        g_autofree char *label = anpai_numbering_format (style, n);
        AnpaiNumberStyle read;
        int number;

        g_assert_true (anpai_numbering_parse (label, &read, &number));
        g_assert_cmpint (read, ==, style);
        g_assert_cmpint (number, ==, n);
      }
}

static void
test_parse (void)
{
  static const struct { const char *label; AnpaiNumberStyle style; int n; } good[] = {
    { "一、", ANPAI_NUMBER_STYLE_CN, 1 },
    { " 二、 ", ANPAI_NUMBER_STYLE_CN, 2 },
    { "三．", ANPAI_NUMBER_STYLE_CN, 3 },
    { "（三十八）", ANPAI_NUMBER_STYLE_CN_PAREN_FULL, 38 },
    { "（一）、", ANPAI_NUMBER_STYLE_CN_PAREN_FULL, 1 },
    { "(七)", ANPAI_NUMBER_STYLE_CN_PAREN, 7 },
    { "12.", ANPAI_NUMBER_STYLE_ARABIC_DOT, 12 },
    { "1、", ANPAI_NUMBER_STYLE_ARABIC_COMMA, 1 },
    { "1．", ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP, 1 },
    { "（12）", ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL, 12 },
    { "(3)", ANPAI_NUMBER_STYLE_ARABIC_PAREN, 3 },
    { "③", ANPAI_NUMBER_STYLE_CIRCLED, 3 },
    { "2", ANPAI_NUMBER_STYLE_BARE, 2 },
    { "一是", ANPAI_NUMBER_STYLE_CN_SHI, 1 },
    { "二十是", ANPAI_NUMBER_STYLE_CN_SHI, 20 },
  };
  static const char * const bad[] = {
    "", "   ", "第一部分", "一一、", "十十、", "二一、", "2.5", "附件1", "（一", "一", "01.",
    "1)", "是", "一是、", "（a）", "1.2.", "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      AnpaiNumberStyle style;
      int number;

      g_test_message ("%s", good[i].label);
      g_assert_true (anpai_numbering_parse (good[i].label, &style, &number));
      g_assert_cmpint (style, ==, good[i].style);
      g_assert_cmpint (number, ==, good[i].n);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      AnpaiNumberStyle style;
      int number;
      /* escaped: a TAP reader rejects invalid UTF-8 */
      g_autofree char *shown = g_strescape (bad[i], "");

      g_test_message ("%s", shown);
      g_assert_false (anpai_numbering_parse (bad[i], &style, &number));
    }
}

/* A work-points document: 一、 sections, （一） groups, 1. tasks; the
 * closing section has its measures as tasks in (一) with ASCII brackets. */
static const AnpaiNumberingItem gov_plan[] = {
  /*  0 */ { -1, 0, S, "一、" },        /* 总体要求 */
  /*  1 */ {  0, 1, X, "" },            /* 以习近平新时代中国特色社会主义思想为指导…… */
  /*  2 */ { -1, 0, S, "二、" },        /* 主要任务 */
  /*  3 */ {  2, 1, S, "（一）" },      /* 深化“放管服”改革 */
  /*  4 */ {  3, 2, T, "1." },
  /*  5 */ {  3, 2, T, "2." },
  /*  6 */ {  3, 2, T, "3." },
  /*  7 */ {  2, 1, S, "（二）" },      /* 优化营商环境 */
  /*  8 */ {  7, 2, T, "1." },
  /*  9 */ {  7, 2, T, "2." },
  /* 10 */ { -1, 0, S, "三、" },        /* 保障措施 */
  /* 11 */ { 10, 1, T, "(一)" },        /* 加强组织领导 */
  /* 12 */ { 10, 1, T, "(二)" },        /* 强化督查考核 */
};

static char *
join (char **labels)
{
  return g_strjoinv ("|", labels);
}

static void
test_detect_gov_plan (void)
{
  g_autoptr(AnpaiNumbering) numbering = anpai_numbering_detect (gov_plan, G_N_ELEMENTS (gov_plan));
  g_auto(GStrv) labels = NULL;
  g_autofree char *joined = NULL;

  g_assert_cmpint (anpai_numbering_get_style (numbering, 0, S), ==, ANPAI_NUMBER_STYLE_CN);
  g_assert_cmpint (anpai_numbering_get_style (numbering, 1, S), ==, ANPAI_NUMBER_STYLE_CN_PAREN_FULL);
  /* tasks at depth 1 are written differently from the sections there */
  g_assert_cmpint (anpai_numbering_get_style (numbering, 1, T), ==, ANPAI_NUMBER_STYLE_CN_PAREN);
  g_assert_cmpint (anpai_numbering_get_style (numbering, 2, T), ==, ANPAI_NUMBER_STYLE_ARABIC_DOT);
  /* nothing at depth 2 for sections: the tasks there show the way */
  g_assert_cmpint (anpai_numbering_get_style (numbering, 2, S), ==, ANPAI_NUMBER_STYLE_ARABIC_DOT);
  /* and below that, the next rank */
  g_assert_cmpint (anpai_numbering_get_style (numbering, 3, T), ==, ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL);
  g_assert_cmpint (anpai_numbering_get_style (numbering, 4, T), ==, ANPAI_NUMBER_STYLE_CIRCLED);
  g_assert_cmpint (anpai_numbering_get_style (numbering, 1, X), ==, ANPAI_NUMBER_STYLE_NONE);
  g_assert_false (anpai_numbering_get_run_on (numbering, 2, T));

  /* already numbered in its style: renumbering changes nothing */
  labels = anpai_numbering_apply (numbering, gov_plan, G_N_ELEMENTS (gov_plan));
  joined = join (labels);
  g_assert_cmpstr (joined, ==, "一、||二、|（一）|1.|2.|3.|（二）|1.|2.|三、|(一)|(二)");
}

static void
test_renumber_after_edit (void)
{
  /* task 2 of (一) deleted, a new task (no label yet) added under (二) */
  static const AnpaiNumberingItem items[] = {
    { -1, 0, S, "一、" },
    {  0, 1, S, "（一）" },
    {  1, 2, T, "1." },
    {  1, 2, T, "3." },
    {  0, 1, S, "（二）" },
    {  4, 2, T, "1." },
    {  4, 2, T, "2." },
    {  4, 2, T, "" },
    { -1, 0, S, "三、" },
  };
  g_autoptr(AnpaiNumbering) numbering = anpai_numbering_detect (items, G_N_ELEMENTS (items));
  g_auto(GStrv) labels = anpai_numbering_apply (numbering, items, G_N_ELEMENTS (items));
  g_autofree char *joined = join (labels);

  g_assert_cmpstr (joined, ==, "一、|（一）|1.|2.|（二）|1.|2.|3.|二、");
}

/* 33 tasks numbered straight through five groups, as some action plans do. */
static void
test_run_on (void)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AnpaiNumberingItem));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AnpaiNumbering) numbering = NULL;
  g_auto(GStrv) labels = NULL;
  static const int per_group[] = { 7, 6, 8, 5, 7 };
  int task = 0;

  for (guint g = 0; g < G_N_ELEMENTS (per_group); g++)
    {
      char *label = anpai_numbering_format (ANPAI_NUMBER_STYLE_CN_PAREN_FULL, g + 1);
      AnpaiNumberingItem group = { -1, 0, S, label };
      int group_index = items->len;

      g_ptr_array_add (strings, label);
      g_array_append_val (items, group);
      for (int i = 0; i < per_group[g]; i++)
        {
          /* one stale label, as after an edit */
          char *tl = g_strdup_printf ("%d.", task == 9 ? 99 : task + 1);
          AnpaiNumberingItem item = { group_index, 1, T, tl };

          g_ptr_array_add (strings, tl);
          g_array_append_val (items, item);
          task++;
        }
    }
  g_assert_cmpint (task, ==, 33);

  numbering = anpai_numbering_detect ((AnpaiNumberingItem *) (void *) items->data, items->len);
  g_assert_true (anpai_numbering_get_run_on (numbering, 1, T));
  g_assert_false (anpai_numbering_get_run_on (numbering, 0, S));
  g_assert_cmpint (anpai_numbering_get_style (numbering, 0, S), ==, ANPAI_NUMBER_STYLE_CN_PAREN_FULL);

  labels = anpai_numbering_apply (numbering, (AnpaiNumberingItem *) (void *) items->data, items->len);
  task = 0;
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, AnpaiNumberingItem, i).kind == T)
      {
        g_autofree char *expected = g_strdup_printf ("%d.", ++task);

        g_assert_cmpstr (labels[i], ==, expected);
      }
  g_assert_cmpstr (labels[items->len - 1], ==, "33.");

  /* the same plan restarting in each group is not run-on */
  anpai_numbering_set_run_on (numbering, 1, T, FALSE);
  g_clear_pointer (&labels, g_strfreev);
  labels = anpai_numbering_apply (numbering, (AnpaiNumberingItem *) (void *) items->data, items->len);
  g_assert_cmpstr (labels[1 + 7 + 1], ==, "1.");
  g_assert_cmpstr (labels[items->len - 1], ==, "7.");
}

/* Every style of the brief, in one plan each: detected and kept. */
static void
test_each_style (void)
{
  for (AnpaiNumberStyle style = ANPAI_NUMBER_STYLE_CN; style <= ANPAI_NUMBER_STYLE_CN_SHI; style++)
    {
      g_autofree char *one = anpai_numbering_format (style, 1);
      g_autofree char *two = anpai_numbering_format (style, 2);
      g_autofree char *five = anpai_numbering_format (style, 5);
      AnpaiNumberingItem items[] = {
        { -1, 0, S, "一、" },
        {  0, 1, T, one },
        {  0, 1, T, five },  /* stale */
        {  0, 1, X, "" },
        {  0, 1, T, "" },    /* new */
      };
      g_autoptr(AnpaiNumbering) numbering = anpai_numbering_detect (items, G_N_ELEMENTS (items));
      g_auto(GStrv) labels = anpai_numbering_apply (numbering, items, G_N_ELEMENTS (items));
      g_autofree char *three = anpai_numbering_format (style, 3);

      g_assert_cmpint (anpai_numbering_get_style (numbering, 1, T), ==, style);
      g_assert_cmpstr (labels[1], ==, one);
      g_assert_cmpstr (labels[2], ==, two);
      g_assert_cmpstr (labels[3], ==, "");
      g_assert_cmpstr (labels[4], ==, three);
    }
}

static void
test_majority_and_text (void)
{
  static const AnpaiNumberingItem items[] = {
    { -1, 0, T, "1." },
    { -1, 0, T, "2、" },   /* a slip: the majority writes "1." */
    { -1, 0, X, "注：" }, /* text is never numbered, and loses a label */
    { -1, 0, T, "3." },
    { -1, 0, T, "4." },
  };
  g_autoptr(AnpaiNumbering) numbering = anpai_numbering_detect (items, G_N_ELEMENTS (items));
  g_auto(GStrv) labels = anpai_numbering_apply (numbering, items, G_N_ELEMENTS (items));
  g_autofree char *joined = join (labels);

  g_assert_cmpstr (joined, ==, "1.|2.||3.|4.");
}

static void
test_unlabelled_and_unknown (void)
{
  /* a breakdown table's tasks carry no numbers: they stay so; a plan's
   * parts written 第一部分 are not ours to rewrite */
  static const AnpaiNumberingItem items[] = {
    { -1, 0, S, "第一部分" },
    {  0, 1, T, "" },
    {  0, 1, T, "" },
    { -1, 0, S, "第二部分" },
    {  3, 1, T, "" },
    {  4, 2, T, "" },  /* a lone new sub-task: depth 1 is unnumbered, so the default */
  };
  static const AnpaiNumberingItem fresh[] = {
    { -1, 0, S, "" },
    {  0, 1, T, "" },
  };
  g_autoptr(AnpaiNumbering) numbering = anpai_numbering_detect (items, G_N_ELEMENTS (items));
  g_autoptr(AnpaiNumbering) fresh_numbering = anpai_numbering_detect (fresh, G_N_ELEMENTS (fresh));
  g_auto(GStrv) labels = anpai_numbering_apply (numbering, items, G_N_ELEMENTS (items));
  g_auto(GStrv) fresh_labels = anpai_numbering_apply (fresh_numbering, fresh, G_N_ELEMENTS (fresh));
  g_autofree char *joined = join (labels);
  g_autofree char *fresh_joined = join (fresh_labels);

  g_assert_cmpint (anpai_numbering_get_style (numbering, 0, S), ==, ANPAI_NUMBER_STYLE_KEEP);
  g_assert_cmpint (anpai_numbering_get_style (numbering, 1, T), ==, ANPAI_NUMBER_STYLE_NONE);
  g_assert_cmpstr (joined, ==, "第一部分|||第二部分||1.");
  /* a new plan gets the usual 一、 / （一） */
  g_assert_cmpstr (fresh_joined, ==, "一、|（一）");
}

/* 一是 numbers a level only when every label there is written so; mixed
 * with other labels, the labels stay as written. A new point is numbered
 * on. */
static void
test_shi_points (void)
{
  static const AnpaiNumberingItem all[] = {
    { -1, 0, S, "一、" },
    {  0, 1, T, "一是" },
    {  0, 1, T, "三是" },  /* stale */
    {  0, 1, T, "二是" },
  };
  static const AnpaiNumberingItem mixed[] = {
    { -1, 0, S, "一、" },
    {  0, 1, T, "1." },
    {  0, 1, T, "一是" },
    {  0, 1, T, "二是" },
    {  0, 1, T, "三是" },
  };
  static const AnpaiNumberingItem partly[] = {
    { -1, 0, S, "一、" },
    {  0, 1, T, "一是" },
    {  0, 1, T, "二是" },
    {  0, 1, T, "" },
  };
  g_autoptr(AnpaiNumbering) all_numbering = anpai_numbering_detect (all, G_N_ELEMENTS (all));
  g_autoptr(AnpaiNumbering) mixed_numbering = anpai_numbering_detect (mixed, G_N_ELEMENTS (mixed));
  g_autoptr(AnpaiNumbering) partly_numbering = anpai_numbering_detect (partly, G_N_ELEMENTS (partly));
  g_auto(GStrv) all_labels = anpai_numbering_apply (all_numbering, all, G_N_ELEMENTS (all));
  g_auto(GStrv) mixed_labels = anpai_numbering_apply (mixed_numbering, mixed, G_N_ELEMENTS (mixed));
  g_auto(GStrv) partly_labels = anpai_numbering_apply (partly_numbering, partly, G_N_ELEMENTS (partly));
  g_autofree char *all_joined = join (all_labels);
  g_autofree char *mixed_joined = join (mixed_labels);
  g_autofree char *partly_joined = join (partly_labels);

  g_assert_cmpint (anpai_numbering_get_style (all_numbering, 1, T), ==, ANPAI_NUMBER_STYLE_CN_SHI);
  g_assert_cmpstr (all_joined, ==, "一、|一是|二是|三是");
  g_assert_cmpint (anpai_numbering_get_style (mixed_numbering, 1, T), ==, ANPAI_NUMBER_STYLE_KEEP);
  g_assert_cmpstr (mixed_joined, ==, "一、|1.|一是|二是|三是");
  g_assert_cmpint (anpai_numbering_get_style (partly_numbering, 1, T), ==, ANPAI_NUMBER_STYLE_CN_SHI);
  g_assert_cmpstr (partly_joined, ==, "一、|一是|二是|三是");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numbering/cn-numerals", test_cn_numerals);
  g_test_add_func ("/numbering/digits", test_digits);
  g_test_add_func ("/numbering/format", test_format);
  g_test_add_func ("/numbering/round-trip", test_round_trip);
  g_test_add_func ("/numbering/shi-points", test_shi_points);
  g_test_add_func ("/numbering/parse", test_parse);
  g_test_add_func ("/numbering/detect-gov-plan", test_detect_gov_plan);
  g_test_add_func ("/numbering/renumber-after-edit", test_renumber_after_edit);
  g_test_add_func ("/numbering/run-on", test_run_on);
  g_test_add_func ("/numbering/each-style", test_each_style);
  g_test_add_func ("/numbering/majority-and-text", test_majority_and_text);
  g_test_add_func ("/numbering/unlabelled-and-unknown", test_unlabelled_and_unknown);

  return g_test_run ();
}
