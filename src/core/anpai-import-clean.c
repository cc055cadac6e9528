/* anpai-import-clean.c — blocks to clean lines: page chrome, broken lines
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include "anpai-import-parse-private.h"
#include "anpai-numbering.h"

/*
 * Characters
 */

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x00A0 || c == 0x3000 || c == 0xFEFF || c == 0x200B ||
         (c >= 0x2002 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

gboolean
anpai_parse_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

/* Punctuation inside a sentence: a line holding one is prose, not a heading. */
static gboolean
is_sentence_punct (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF0C /* ， */ || c == ',' || c == 0xFF1B /* ； */ ||
         c == ';' || c == 0x3001 /* 、 */ || c == 0xFF1A /* ： */ || c == ':';
}

/* A line ending in one of these stopped in the middle of a sentence. */
static gboolean
is_open_punct (gunichar c)
{
  return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x201C /* “ */ || c == 0x2018 ||
         c == '(' || c == 0xFF08 || c == 0x300A /* 《 */;
}

/* A line starting with one of these continues the one before. */
static gboolean
is_close_punct (gunichar c)
{
  return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == ';' || c == 0xFF1B ||
         c == ')' || c == 0xFF09 || c == 0x201D /* ” */ || c == 0x2019 || c == 0x300B /* 》 */;
}

static void
trim_span (const char *text,
           gsize       length,
           gsize      *lead,
           gsize      *trail)
{
  const char *p = text, *end = text + length, *last;

  while (p < end && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *lead = p - text;
  last = end;
  while (last > p)
    {
      const char *prev = g_utf8_find_prev_char (p, last);

      if (prev == NULL || !is_space (g_utf8_get_char (prev)))
        break;
      last = prev;
    }
  *trail = end - last;
}

/* A copy of @text without the spaces around it (full-width and no-break
 * spaces included). */
char *
anpai_parse_strip (const char *text,
                   gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  gsize lead, trail;

  trim_span (text, len, &lead, &trail);
  return g_strndup (text + lead, len - lead - trail);
}

/* Does @text start with one of @prefixes, spaces inside the text ignored
 * ("编 辑:", "索 引 号")? @after: the byte after the match. */
gboolean
anpai_parse_has_prefix (const char         *text,
                        const char * const *prefixes,
                        gsize              *after)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      const char *p = text, *q = prefixes[i];

      if (*p != *q)
        continue;  /* the cheap test first: this runs for every line */

      while (*q != '\0' && *p != '\0')
        {
          gunichar c = g_utf8_get_char (p);

          if (is_space (c) && p != text)
            {
              p = g_utf8_next_char (p);
              continue;
            }
          if (c != g_utf8_get_char (q))
            break;
          p = g_utf8_next_char (p);
          q = g_utf8_next_char (q);
        }
      if (*q == '\0')
        {
          if (after != NULL)
            *after = p - text;
          return TRUE;
        }
    }
  return FALSE;
}

/*
 * Dates written alone on a line: a notice's date or 成文日期
 */

/* 〇 … 九 as 0 … 9, and ○ Ｏ O, which dates are often typed with for 〇.
 * 十 and 百 are not digits here: read_cn_small reads 十 itself. */
static int
cn_digit (gunichar c)
{
  int d;

  if (c == 0x25CB /* ○ */ || c == 0xFF2F || c == 'O')
    return 0;
  d = anpai_numbering_cn_digit (c);
  return d <= 9 ? d : -1;
}

static gboolean
read_arabic (const char **p,
             int          max_digits,
             int         *value)
{
  int n = 0, v = 0;

  while (n < max_digits)
    {
      int d = anpai_numbering_digit_value (g_utf8_get_char (*p));

      if (d < 0)
        break;
      v = v * 10 + d;
      n++;
      *p = g_utf8_next_char (*p);
    }
  *value = v;
  return n > 0;
}

/* 二〇一八 */
static gboolean
read_cn_year (const char **p,
              int         *value)
{
  int v = 0, n = 0;

  while (n < 4)
    {
      int d = cn_digit (g_utf8_get_char (*p));

      if (d < 0)
        break;
      v = v * 10 + d;
      n++;
      *p = g_utf8_next_char (*p);
    }
  *value = v;
  return n == 4;
}

/* 四, 十一, 二十一, 三十 */
static gboolean
read_cn_small (const char **p,
               int         *value)
{
  int tens = 0, units = 0;
  gboolean any = FALSE;
  int d = cn_digit (g_utf8_get_char (*p));

  if (d > 0)
    {
      units = d;
      any = TRUE;
      *p = g_utf8_next_char (*p);
    }
  if (g_utf8_get_char (*p) == 0x5341 /* 十 */)
    {
      tens = any ? units : 1;
      units = 0;
      any = TRUE;
      *p = g_utf8_next_char (*p);
      d = cn_digit (g_utf8_get_char (*p));
      if (d > 0)
        {
          units = d;
          *p = g_utf8_next_char (*p);
        }
    }
  *value = tens * 10 + units;
  return any;
}

/* "2018年4月11日" or "二〇一八年四月十一日", nothing else on the line. */
gboolean
anpai_parse_date_line (const char *text,
                       int        *year,
                       int        *month,
                       int        *day)
{
  const char *p = text;
  int y, m, d;

  while (is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (!read_arabic (&p, 4, &y) && !read_cn_year (&p, &y))
    return FALSE;
  if (g_utf8_get_char (p) != 0x5E74 /* 年 */)
    return FALSE;
  p = g_utf8_next_char (p);
  if (!read_arabic (&p, 2, &m) && !read_cn_small (&p, &m))
    return FALSE;
  if (g_utf8_get_char (p) != 0x6708 /* 月 */)
    return FALSE;
  p = g_utf8_next_char (p);
  if (!read_arabic (&p, 2, &d) && !read_cn_small (&p, &d))
    return FALSE;
  if (g_utf8_get_char (p) != 0x65E5 /* 日 */)
    return FALSE;
  p = g_utf8_next_char (p);
  while (is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p != '\0' || y < 1949 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/*
 * Page chrome
 */

/* Markers that only page furniture holds, anywhere in a short line. */
static const char * const chrome_marks[] = {
  "扫一扫", "当前位置", "当前的位置", "现在的位置", "您的位置", "【打印】", "【字体", "打印本页",
  "关闭窗口", "访问量", "阅读次数", "浏览次数", "点击数:", "保护视力色", "暂无评论",
  "发表评论", "剩余字数", "字数不能超过", "本类热点", "站群导航", "分享到:", NULL
};

/* Words that are chrome only in a very short line: a task may well speak of
 * 政务微博 or 无障碍 in a sentence. */
static const char * const chrome_short_marks[] = {
  "手机版", "政务微博", "政务微信", "上一篇", "下一篇", "相关链接", "网站地图",
  "返回顶部", "打印", "关闭", "收藏", "分享", "登录", "注册", NULL
};

static const char * const chrome_prefixes[] = {
  "来源:", "来源：", "发布时间", "发布日期", "作者:", "作者：", "编辑:", "编辑：",
  "责任编辑", "审核:", "审核：", "校对:", "校对：", "信息来源", "【", "字体:", "字体：",
  "姓名:", "姓名：", "评论:", "评论：", NULL
};

static const char * const chrome_exact[] = {
  "EN", "English", "行政区划", "开发区", "部门网站", "|", "", NULL
};

/* Site navigation: "政务服务 中国政府网 省政府网 English 日本語 …" */
static const char * const nav_words[] = {
  "政务服务", "中国政府网", "省政府网", "English", "日本語", "한국어", "Русский",
  "登录", "注册", "无障碍", "一网搜", "站群导航", "网站地图", "繁體", "简体", NULL
};

static const char * const meta_keys[] = {
  "索引号", "主题分类", "发布机构", "成文日期", "公文时效", "文号", "发文字号",
  "发文机关", "公开方式", "生效日期", "废止日期", "有效性", "体裁分类", "组配分类",
  "所属机构", "主题词", "公开日期", NULL
};

static gboolean
contains_any (const char         *text,
              const char * const *marks)
{
  for (guint i = 0; marks[i] != NULL; i++)
    if (strstr (text, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "时间:2016-12-12 16:42:59": a web page's date, not a time requirement
 * ("时间:2018年6月底前" is kept). */
static gboolean
is_web_time (const char *text)
{
  static const char * const labels[] = { "时间:", "时间：", "日期:", "日期：", NULL };
  gsize after;
  const char *p;
  int v;

  if (!anpai_parse_has_prefix (text, labels, &after))
    return FALSE;
  p = text + after;
  while (is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return read_arabic (&p, 4, &v) && (*p == '-' || *p == '/' || *p == '.');
}

static AnpaiLineKind
classify (const char *text,
          gboolean    has_numbering)
{
  glong n_chars;
  gsize after;
  const char *p = text;
  int n_nav = 0;

  if (*text == '\0')
    return has_numbering ? ANPAI_LINE_TEXT : ANPAI_LINE_BLANK;
  if (has_numbering)
    return ANPAI_LINE_TEXT;

  /* prose: page furniture does not end a sentence */
  if (g_str_has_suffix (text, "。"))
    return ANPAI_LINE_TEXT;
  n_chars = g_utf8_strlen (text, MIN (strlen (text), 1024));
  if (n_chars > 200)
    return ANPAI_LINE_TEXT;

  /* Bullets of a navigation list: "• EN", "• 扫一扫" */
  while (*p != '\0' && (g_utf8_get_char (p) == 0x2022 || g_utf8_get_char (p) == 0x00B7 ||
                        is_space (g_utf8_get_char (p))))
    p = g_utf8_next_char (p);

  if (anpai_parse_has_prefix (p, meta_keys, &after))
    {
      gunichar next = g_utf8_get_char (p + after);

      if (next == '\0' || next == '|' || next == ':' || next == 0xFF1A || is_space (next) ||
          strchr (p, '|') != NULL)
        return ANPAI_LINE_META;
    }

  for (guint i = 0; chrome_exact[i] != NULL; i++)
    if (g_str_equal (p, chrome_exact[i]))
      return ANPAI_LINE_CHROME;
  if (n_chars <= 120 && contains_any (p, chrome_marks))
    return ANPAI_LINE_CHROME;
  if (n_chars <= 16 && contains_any (p, chrome_short_marks))
    return ANPAI_LINE_CHROME;
  if (n_chars <= 120 && anpai_parse_has_prefix (p, chrome_prefixes, NULL))
    return ANPAI_LINE_CHROME;
  if (n_chars <= 120 && g_str_has_prefix (p, "首页") &&
      (strchr (p, '>') != NULL || strstr (p, "»") != NULL || strstr (p, "＞") != NULL))
    return ANPAI_LINE_CHROME;
  if (n_chars <= 60 && is_web_time (p))
    return ANPAI_LINE_CHROME;
  for (guint i = 0; nav_words[i] != NULL; i++)
    if (strstr (p, nav_words[i]) != NULL)
      n_nav++;
  if (n_nav >= 2)
    return ANPAI_LINE_CHROME;

  return ANPAI_LINE_TEXT;
}

void
anpai_parse_lines_read (AnpaiParser *parser)
{
  GPtrArray *blocks = parser->source->blocks;

  for (guint i = 0; i < blocks->len; i++)
    {
      const AnpaiImportBlock *block = g_ptr_array_index (blocks, i);
      AnpaiLine line = { 0 };

      line.block = block;
      line.table = -1;
      if (block->kind == ANPAI_IMPORT_BLOCK_TABLE)
        {
          line.kind = ANPAI_LINE_TABLE;
          line.text = g_strdup ("");
          line.start = block->offset;
          line.end = block->offset + block->length;
        }
      else
        {
          const char *text = block->text != NULL ? block->text : "";
          gsize len = strlen (text), lead, trail, numbering_len;

          trim_span (text, len, &lead, &trail);
          line.text = g_strndup (text + lead, len - lead - trail);
          if (block->numbering != NULL && *block->numbering != '\0')
            line.numbering = block->numbering;
          numbering_len = block->length >= len ? block->length - len : 0;
          line.start = block->offset + (line.numbering != NULL ? 0 : numbering_len + lead);
          line.end = block->offset + block->length - MIN (trail, block->length);
          if (line.end < line.start)
            line.end = line.start;
          line.kind = classify (line.text, line.numbering != NULL);
        }
      g_array_append_val (parser->lines, line);
    }
}

/*
 * Lines broken inside a sentence
 */

static gunichar
last_char (const char *text,
           gsize       length)
{
  const char *prev;

  if (length == 0)
    return 0;
  prev = g_utf8_find_prev_char (text, text + length);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* Short "X:" heads (目标:, 措施:, 责任单位:) start a paragraph of their own. */
static gboolean
has_early_colon (const char *text)
{
  const char *p = text;

  for (int i = 0; i < 7 && *p != '\0'; i++, p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == ':' || g_utf8_get_char (p) == 0xFF1A)
      return TRUE;
  return FALSE;
}

/* Does @text start a paragraph of its own, whatever ends the line before? */
static gboolean
starts_paragraph (const char *text,
                  const char *numbering)
{
  AnpaiLabel label;
  gunichar c = g_utf8_get_char (text);

  if (numbering != NULL || anpai_parse_label (text, &label) || has_early_colon (text))
    return TRUE;
  if (c == 0x2014 /* — */ || c == 0x2022 || anpai_numbering_digit_value (c) >= 0)
    return TRUE;
  return anpai_parse_is_annex_marker (text) || anpai_parse_is_unit_line (text) ||
         anpai_parse_is_time_line (text, NULL) || anpai_parse_date_line (text, NULL, NULL, NULL);
}

/* The end of a title that a page broke in two: "…率先突破行动" / "计划(2023—2024年)",
 * "…关于印发" / "…指标体系的通知". */
static const char * const title_ends[] = {
  "通知", "计划", "方案", "要点", "安排", "纲要", "规划", "体系", "意见", "办法",
  "决定", "分解表", "清单", "细则", "规定", "任务", NULL
};

static gboolean
is_short_title_part (const char *text,
                     glong       max_chars)
{
  if (g_utf8_strlen (text, MIN (strlen (text), 4 * (gsize) max_chars + 4)) > max_chars)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == ',' || c == 0xFF0C || c == ';' || c == 0xFF1B)
        return FALSE;
    }
  return TRUE;
}

static gboolean
ends_title (const char *text)
{
  g_autofree char *bare = g_strdup (text);
  gsize len = strlen (bare);

  /* drop a trailing bracket: (2023—2024年), (试行) */
  if (len > 0 && (bare[len - 1] == ')' || g_str_has_suffix (bare, "）")))
    {
      char *open = g_utf8_strrchr (bare, -1, '(');
      char *wide = g_utf8_strrchr (bare, -1, 0xFF08);

      if (wide != NULL && (open == NULL || wide > open))
        open = wide;
      if (open != NULL)
        *open = '\0';
    }
  if (*bare == '\0')
    return TRUE;
  for (guint i = 0; title_ends[i] != NULL; i++)
    if (g_str_has_suffix (bare, title_ends[i]))
      return TRUE;
  return FALSE;
}

/* "湖政办〔2026〕3号": a document number, which sits above a title but is
 * never a part of it. */
static gboolean
ends_doc_number (const char *text)
{
  gsize len = strlen (text);
  gunichar before;

  if (!g_str_has_suffix (text, "号"))
    return FALSE;
  before = last_char (text, len - strlen ("号"));
  return anpai_numbering_digit_value (before) >= 0;
}

static gboolean
joins_title (const AnpaiLine *a,
             const AnpaiLine *b)
{
  AnpaiLabel label;

  if (a->numbering != NULL || b->numbering != NULL)
    return FALSE;
  if (ends_doc_number (a->text) || ends_doc_number (b->text))
    return FALSE;
  if (!is_short_title_part (a->text, 40) || !is_short_title_part (b->text, 40))
    return FALSE;
  /* "附件:《…》" / "主要任务分解表" is one title too */
  if (anpai_parse_is_annex_marker (a->text) ? !g_str_has_suffix (a->text, "》")
      : has_early_colon (a->text))
    return FALSE;
  if (anpai_parse_label (a->text, &label) || anpai_parse_date_line (a->text, NULL, NULL, NULL))
    return FALSE;
  if (starts_paragraph (b->text, b->numbering))
    return FALSE;
  return ends_title (b->text);
}

/* What the join loop knows of the paragraph it is growing, so that a long
 * chain of joins stays linear. */
typedef struct {
  guint    line;
  GString *text;
  gboolean has_punct;
  glong    n_chars;
} Paragraph;

static void
paragraph_scan (Paragraph  *para,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!para->has_punct && is_sentence_punct (g_utf8_get_char (p)))
        para->has_punct = TRUE;
      para->n_chars++;
    }
}

static gboolean
joins_sentence (const Paragraph *para,
                const char      *text,
                const AnpaiLine *b)
{
  gunichar end = para->text != NULL ? last_char (para->text->str, para->text->len)
                                    : last_char (text, strlen (text));
  gunichar start = g_utf8_get_char (b->text);

  if (starts_paragraph (b->text, b->numbering))
    return FALSE;
  if (!anpai_parse_is_han (start) && !is_close_punct (start))
    return FALSE;
  if (is_open_punct (end))
    return TRUE;
  /* "…指定专门机构和专" / "门人员负责…": a long prose line cut after a character */
  return anpai_parse_is_han (end) && para->has_punct && para->n_chars >= 20;
}

static void
paragraph_flush (AnpaiParser *parser,
                 Paragraph   *para)
{
  AnpaiLine *line;

  if (para->text == NULL)
    return;
  line = ANPAI_PARSER_LINE (parser, para->line);
  g_free (line->text);
  line->text = g_string_free (g_steal_pointer (&para->text), FALSE);
}

/* Joins lines that a page or a conversion broke inside a sentence or a
 * title (seed shapes: 003's "专" / "门人员", 001's title over two lines). A
 * real paragraph break (a sentence's end, a numbered line, 目标:) stays. */
void
anpai_parse_lines_join (AnpaiParser *parser)
{
  Paragraph para = { 0 };
  gboolean open = FALSE;

  for (guint i = 0; i < parser->lines->len; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      AnpaiLine *head;

      if (line->kind == ANPAI_LINE_BLANK)
        continue;
      if (line->kind != ANPAI_LINE_TEXT)
        {
          paragraph_flush (parser, &para);
          open = FALSE;
          continue;
        }
      if (open)
        {
          head = ANPAI_PARSER_LINE (parser, para.line);
          if (joins_sentence (&para, head->text, line) ||
              (para.text == NULL && joins_title (head, line)))
            {
              if (para.text == NULL)
                para.text = g_string_new (head->text);
              g_string_append (para.text, line->text);
              paragraph_scan (&para, line->text);
              head->end = MAX (head->end, line->end);
              line->kind = ANPAI_LINE_JOINED;
              continue;
            }
          paragraph_flush (parser, &para);
        }
      para.line = i;
      para.text = NULL;
      para.has_punct = FALSE;
      para.n_chars = 0;
      paragraph_scan (&para, line->text);
      open = TRUE;
    }
  paragraph_flush (parser, &para);
}
