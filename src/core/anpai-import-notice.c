/* anpai-import-notice.c — the plan's fields from the notice around it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include "anpai-import-parse-private.h"
#include "anpai-numbering.h"

/* How far from the top a notice may reach, in lines. */
#define NOTICE_MAX_LINES 400

/* A run of digits at @p: its value and length (capped, so a long run is
 * read once and rejected). */
static const char *
read_run (const char *p,
          gint64     *value,
          int        *n_digits)
{
  int d;

  *value = 0;
  *n_digits = 0;
  while ((d = anpai_numbering_digit_value (g_utf8_get_char (p))) >= 0)
    {
      if (*n_digits < 12)
        *value = *value * 10 + d;
      (*n_digits)++;
      p = g_utf8_next_char (p);
    }
  return p;
}

/*
 * 文号: 驻政办〔2018〕46号, 吉政发[2014]26号, 某政【2020】3号
 */

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3014 /* 〔 */ || c == '[' || c == 0x3010 /* 【 */ || c == '(' ||
         c == 0xFF08 || c == 0xFE5D /* ﹝ */ || c == 0x3016 /* 〖 */ || c == 0xFF3B;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == 0x3015 || c == ']' || c == 0x3011 || c == ')' || c == 0xFF09 || c == 0xFE5E ||
         c == 0x3017 || c == 0xFF3D;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || g_str_has_prefix (p, "\u3000") || g_str_has_prefix (p, "\u00a0"))
    p = g_utf8_next_char (p);
  return p;
}

/* The document number in @text with its brackets normalised to 〔〕 (the
 * official form), so that one document read from two sites gets one number. */
static char *
find_doc_number (const char *text,
                 gsize      *match_start,
                 gsize      *match_end)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *prefix = p, *q;
      gint64 year, number;
      int n;

      if (!is_open_bracket (g_utf8_get_char (p)))
        continue;
      for (int k = 0; k < 10 && prefix > text; k++)
        {
          const char *prev = g_utf8_find_prev_char (text, prefix);

          if (prev == NULL || !anpai_parse_is_han (g_utf8_get_char (prev)))
            break;
          prefix = prev;
        }
      if (prefix == p)
        continue;
      q = skip_spaces (g_utf8_next_char (p));
      q = read_run (q, &year, &n);
      if (n != 4 || year < 1949 || year > 2200)
        continue;
      q = skip_spaces (q);
      if (!is_close_bracket (g_utf8_get_char (q)))
        continue;
      q = skip_spaces (g_utf8_next_char (q));
      q = read_run (q, &number, &n);
      if (n < 1 || n > 5)
        continue;
      q = skip_spaces (q);
      if (!g_str_has_prefix (q, "号"))
        continue;
      if (match_start != NULL)
        *match_start = prefix - text;
      if (match_end != NULL)
        *match_end = q + strlen ("号") - text;
      return g_strdup_printf ("%.*s〔%d〕%d号", (int) (p - prefix), prefix, (int) year,
                              (int) number);
    }
  return NULL;
}

/* A line that is only a document number, maybe in brackets. */
static char *
doc_number_line (const char *text)
{
  gsize start, end;
  char *number;

  if (strlen (text) > 120)
    return NULL;
  number = find_doc_number (text, &start, &end);
  if (number == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((gsize) (p - text) >= start && (gsize) (p - text) < end)
        continue;
      if (!is_open_bracket (c) && !is_close_bracket (c) && c != ' ' && c != 0x3000)
        {
          g_free (number);
          return NULL;
        }
    }
  return number;
}

/*
 * Dates
 */

/* The first date in @text: 2018-04-11, 2016/3/11, 2018年4月11日, 2018.4.11. */
static gboolean
find_any_date (const char *text,
               int        *year,
               int        *month,
               int        *day)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gint64 y, m, d;
      int n;
      const char *q = read_run (p, &y, &n);
      gunichar sep;

      if (n != 4)
        {
          if (n > 0)
            p = g_utf8_find_prev_char (text, q) != NULL ? g_utf8_find_prev_char (text, q) : p;
          continue;
        }
      sep = g_utf8_get_char (q);
      if (sep != '-' && sep != '/' && sep != '.' && sep != 0x5E74 /* 年 */)
        continue;
      q = read_run (g_utf8_next_char (q), &m, &n);
      if (n < 1 || n > 2)
        continue;
      sep = g_utf8_get_char (q);
      if (sep != '-' && sep != '/' && sep != '.' && sep != 0x6708 /* 月 */)
        continue;
      q = read_run (g_utf8_next_char (q), &d, &n);
      if (n < 1 || n > 2 || y < 1949 || y > 2200 || !g_date_valid_dmy (d, m, y))
        continue;
      *year = (int) y;
      *month = (int) m;
      *day = (int) d;
      return TRUE;
    }
  return FALSE;
}

static char *
iso_date (int year,
          int month,
          int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/*
 * Period and kind, from a title
 */

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == '~' || c == 0xFF5E ||
         c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0xFF0D || c == 0x2212;
}

/* "(2016—2020年)", "2018年度", "(20232024年)" where the dash was lost. */
static gboolean
find_period (const char *text,
             int        *first,
             int        *last)
{
  int single = 0;

  for (const char *p = text; *p != '\0'; )
    {
      gint64 v, v2;
      int n, n2;
      const char *q = read_run (p, &v, &n);

      if (n == 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (n == 8 && g_str_has_prefix (q, "年"))
        {
          int a = (int) (v / 10000), b = (int) (v % 10000);

          if (a >= 1949 && a <= 2200 && b >= a && b <= a + 30)
            {
              *first = a;
              *last = b;
              return TRUE;
            }
        }
      if (n == 4 && v >= 1949 && v <= 2200)
        {
          const char *r = q;

          if (g_str_has_prefix (r, "年"))
            r += strlen ("年");
          if (is_dash (g_utf8_get_char (r)))
            {
              while (is_dash (g_utf8_get_char (r)))
                r = g_utf8_next_char (r);
              r = read_run (r, &v2, &n2);
              if (n2 == 4 && v2 >= v && v2 <= v + 30)
                {
                  *first = (int) v;
                  *last = (int) v2;
                  return TRUE;
                }
            }
          if (single == 0 && g_str_has_prefix (q, "年"))
            single = (int) v;
        }
      p = q;
    }
  if (single == 0)
    return FALSE;
  *first = *last = single;
  return TRUE;
}

static AnpaiPlanKind
kind_of (const char *title,
         int         first,
         int         last,
         gboolean   *said)
{
  static const char * const action[] = { "行动计划", "行动方案", "实施方案", "工作方案",
                                         "攻坚方案", "专项行动", NULL };
  static const char * const annual[] = { "年度", "工作要点", "工作安排", "工作计划",
                                         "重点工作", NULL };

  *said = TRUE;
  if (strstr (title, "指标体系") != NULL)
    return ANPAI_PLAN_KIND_INDICATOR_SYSTEM;
  if ((strstr (title, "纲要") != NULL || strstr (title, "规划") != NULL) &&
      (first == 0 || last > first))
    return ANPAI_PLAN_KIND_MULTI_YEAR;
  for (guint i = 0; action[i] != NULL; i++)
    if (strstr (title, action[i]) != NULL)
      return ANPAI_PLAN_KIND_ACTION_PLAN;
  for (guint i = 0; annual[i] != NULL; i++)
    if (strstr (title, annual[i]) != NULL)
      return ANPAI_PLAN_KIND_ANNUAL;
  *said = FALSE;
  return first != 0 && last > first ? ANPAI_PLAN_KIND_MULTI_YEAR : ANPAI_PLAN_KIND_ANNUAL;
}

/*
 * The notice's lines
 */

typedef struct {
  AnpaiParser *parser;
  guint        top_end;       /* the first numbered line: the body has begun */
  int          notice_line;   /* "…关于印发《…》的通知" */
  int          heading_line;  /* the plan's own title line */
  int          date_line;     /* the notice's date, alone on a line */
  char        *issuer;
  char        *title;
  char        *doc_number;
  char        *issued_on;
  char        *web_date;
} Notice;

static gboolean
is_org_name (const char *text)
{
  static const char * const ends[] = { "政府", "办公室", "办公厅", "委员会", "局", "厅", "委",
                                       "办", "部", "院", "中心", "小组", NULL };

  if (g_utf8_strlen (text, 200) > 40 || strpbrk (text, ",;:") != NULL ||
      strstr (text, "。") != NULL || strstr (text, "，") != NULL)
    return FALSE;
  for (guint i = 0; ends[i] != NULL; i++)
    if (g_str_has_suffix (text, ends[i]))
      return TRUE;
  return FALSE;
}

/* "驻马店市人民政府办公室关于印发《驻马店市2018年度…工作安排》的通知" */
static gboolean
read_notice_title (Notice     *notice,
                   const char *text)
{
  static const char * const verbs[] = { "印发", "转发", "下发", "颁布", "公布", "发布", NULL };
  const char *about, *rest = NULL, *open, *close, *end;
  gsize len = strlen (text);

  if (len > 400 || !g_str_has_suffix (text, "通知"))
    return FALSE;
  about = strstr (text, "关于");
  if (about == NULL || g_utf8_strlen (text, about - text) > 40)
    return FALSE;
  for (guint i = 0; verbs[i] != NULL && rest == NULL; i++)
    if (g_str_has_prefix (about + strlen ("关于"), verbs[i]))
      rest = about + strlen ("关于") + strlen (verbs[i]);
  if (rest == NULL)
    return FALSE;

  end = text + len - strlen ("通知");
  if (end - rest >= (gssize) strlen ("的") && g_str_has_prefix (end - strlen ("的"), "的"))
    end -= strlen ("的");
  open = strstr (rest, "《");
  close = g_strrstr_len (rest, end - rest, "》");
  if (open != NULL && close != NULL && open < close)
    notice->title = anpai_parse_strip (open + strlen ("《"), close - open - strlen ("《"));
  else if (end > rest)
    notice->title = anpai_parse_strip (rest, end - rest);
  if (notice->title != NULL && *notice->title == '\0')
    g_clear_pointer (&notice->title, g_free);
  open = strstr (text, "《");
  if (about > text && (open == NULL || open > about))
    notice->issuer = anpai_parse_strip (text, about - text);
  return TRUE;
}

/* Han characters, letters and digits only: titles compare equal whatever a
 * page did to their brackets and dashes ("20232024年"). */
static char *
title_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = anpai_numbering_digit_value (c);

      if (d >= 0)
        g_string_append_c (key, (char) ('0' + d));
      else if (anpai_parse_is_han (c) || g_unichar_isalpha (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static gboolean
same_title (const char *a,
            const char *b)
{
  g_autofree char *ka = title_key (a);
  g_autofree char *kb = title_key (b);

  return *ka != '\0' && g_str_equal (ka, kb);
}

/* A plan's own title line: short, no sentence in it. */
static gboolean
is_heading_like (const char *text)
{
  AnpaiLabel label;

  if (*text == '\0' || g_utf8_strlen (text, 400) > 60 || strstr (text, "。") != NULL ||
      strchr (text, ';') != NULL || strstr (text, "；") != NULL || strchr (text, '|') != NULL ||
      g_str_has_suffix (text, ":") || g_str_has_suffix (text, "：") ||
      g_str_has_prefix (text, "——") || anpai_parse_label (text, &label) ||
      anpai_parse_date_line (text, NULL, NULL, NULL) || anpai_parse_is_annex_marker (text) ||
      anpai_parse_is_unit_line (text))
    return FALSE;
  return TRUE;
}

static guint
find_top_end (AnpaiParser *parser)
{
  guint n = MIN (parser->lines->len, NOTICE_MAX_LINES);

  for (guint i = 0; i < n; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      AnpaiLabel label;

      if (line->kind == ANPAI_LINE_TABLE || line->kind == ANPAI_LINE_FLAT)
        return i;
      if (line->kind != ANPAI_LINE_TEXT)
        continue;
      if (line->numbering != NULL ||
          (anpai_parse_label (line->text, &label) && !label.weak))
        return i;
    }
  return n;
}

static void
read_top (Notice *notice)
{
  AnpaiParser *parser = notice->parser;

  for (guint i = 0; i < notice->top_end; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      int y, m, d;

      switch (line->kind)
        {
        case ANPAI_LINE_META:
          if (notice->doc_number == NULL && (strstr (line->text, "文号") != NULL ||
                                             strstr (line->text, "文 号") != NULL ||
                                             strstr (line->text, "发文字号") != NULL))
            notice->doc_number = find_doc_number (line->text, NULL, NULL);
          if (notice->issued_on == NULL && strstr (line->text, "成文日期") != NULL &&
              find_any_date (line->text, &y, &m, &d))
            notice->issued_on = iso_date (y, m, d);
          break;

        case ANPAI_LINE_CHROME:
          if (notice->web_date == NULL && (strstr (line->text, "时间") != NULL ||
                                           strstr (line->text, "日期") != NULL) &&
              find_any_date (line->text, &y, &m, &d))
            notice->web_date = iso_date (y, m, d);
          break;

        case ANPAI_LINE_TEXT:
          if (notice->notice_line < 0 && read_notice_title (notice, line->text))
            notice->notice_line = (int) i;
          else if (notice->doc_number == NULL &&
                   (notice->doc_number = doc_number_line (line->text)) != NULL)
            line->kind = ANPAI_LINE_NOTICE;
          else if (notice->date_line < 0 && notice->heading_line < 0 &&
                   anpai_parse_date_line (line->text, &y, &m, &d))
            {
              notice->date_line = (int) i;
              g_free (notice->issued_on);
              notice->issued_on = iso_date (y, m, d);
            }
          break;

        default:
          break;
        }
    }
}

static int
find_heading (Notice *notice)
{
  AnpaiParser *parser = notice->parser;
  guint seen = 0;

  if (notice->title != NULL)
    {
      for (guint i = notice->notice_line + 1; i < notice->top_end; i++)
        {
          AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);

          if (line->kind == ANPAI_LINE_TEXT && same_title (line->text, notice->title))
            return (int) i;
        }
      return -1;
    }
  if (notice->notice_line >= 0)
    return -1;

  /* no notice: the first heading-like line at the top */
  for (guint i = 0; i < notice->top_end && seen < 3; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);

      if (line->kind != ANPAI_LINE_TEXT)
        continue;
      if (is_heading_like (line->text))
        return (int) i;
      seen++;
    }
  return -1;
}

/* A signature at the end: "…人民政府办公室" over "2018年4月11日". */
static void
read_signature (Notice *notice,
                guint   body_start)
{
  AnpaiParser *parser = notice->parser;
  int last = -1, before = -1, y, m, d;

  for (guint i = parser->lines->len; i-- > body_start; )
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);

      if (line->kind != ANPAI_LINE_TEXT)
        {
          if (line->kind == ANPAI_LINE_BLANK || line->kind == ANPAI_LINE_CHROME)
            continue;
          break;
        }
      if (last < 0)
        last = (int) i;
      else
        {
          before = (int) i;
          break;
        }
    }
  if (last < 0 || !anpai_parse_date_line (ANPAI_PARSER_LINE (parser, last)->text, &y, &m, &d))
    return;
  ANPAI_PARSER_LINE (parser, last)->kind = ANPAI_LINE_NOTICE;
  if (notice->issued_on == NULL)
    notice->issued_on = iso_date (y, m, d);
  if (before >= 0 && is_org_name (ANPAI_PARSER_LINE (parser, before)->text))
    {
      ANPAI_PARSER_LINE (parser, before)->kind = ANPAI_LINE_NOTICE;
      if (notice->issuer == NULL)
        notice->issuer = g_strdup (ANPAI_PARSER_LINE (parser, before)->text);
    }
}

static void
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_period (AnpaiParser *parser,
            int          first,
            int          last)
{
  AnpaiImportPlan *plan = parser->plan;

  g_free (plan->period_start);
  g_free (plan->period_end);
  plan->period_start = iso_date (first, 1, 1);
  plan->period_end = iso_date (last, 12, 31);
  g_date_set_dmy (&parser->period_start, 1, G_DATE_JANUARY, first);
  g_date_set_dmy (&parser->period_end, 31, G_DATE_DECEMBER, last);
}

static void
read_period (AnpaiParser *parser,
             const char  *heading)
{
  AnpaiImportPlan *plan = parser->plan;
  const AnpaiImportOptions *options = &parser->options;
  int first = 0, last = 0;
  gboolean said;

  if (!find_period (plan->title, &first, &last) &&
      (heading == NULL || !find_period (heading, &first, &last)))
    first = last = 0;
  plan->kind = kind_of (*plan->title != '\0' ? plan->title : heading != NULL ? heading : "",
                        first, last, &said);

  /* the planner's explicit choice wins; a year given is only a fallback */
  if (options->period_first >= 1949 && options->period_last >= options->period_first &&
      options->period_last <= options->period_first + 100 && options->period_last <= 9999)
    {
      first = options->period_first;
      last = options->period_last;
    }
  else if (first == 0 && options->year >= 1949 && options->year <= 9999)
    first = last = options->year;
  else if (first == 0 && said && plan->kind == ANPAI_PLAN_KIND_ANNUAL &&
           strlen (plan->issued_on) >= 4)
    {
      /* an annual plan without its year: the year it was issued */
      first = last = (int) g_ascii_strtoll (plan->issued_on, NULL, 10);
      if (first < 1949)
        first = last = 0;
    }
  if (first > 0)
    set_period (parser, first, last);
}

/* Reads the notice around the plan — 文号, issuer, date, the plan's title and
 * period — and decides where the plan itself starts. */
void
anpai_parse_notice (AnpaiParser *parser)
{
  AnpaiImportPlan *plan = parser->plan;
  Notice notice = { parser, 0, -1, -1, -1, NULL, NULL, NULL, NULL, NULL };
  const char *heading = NULL;
  guint body_start = 0;

  notice.top_end = find_top_end (parser);
  read_top (&notice);
  notice.heading_line = find_heading (&notice);

  if (notice.heading_line >= 0)
    {
      heading = ANPAI_PARSER_LINE (parser, notice.heading_line)->text;
      body_start = notice.heading_line + 1;
    }
  else if (notice.notice_line >= 0 || notice.date_line >= 0)
    body_start = MAX (notice.notice_line, notice.date_line) + 1;
  if (notice.date_line >= (int) body_start)
    body_start = notice.date_line + 1;  /* a date under the plan's title */

  /* a date line read before the plan's title is the notice's; one after
   * it (and before the body) is the plan's own date line */
  for (guint i = 0; i < body_start; i++)
    if (ANPAI_PARSER_LINE (parser, i)->kind == ANPAI_LINE_TEXT)
      ANPAI_PARSER_LINE (parser, i)->kind = ANPAI_LINE_NOTICE;
  if (notice.date_line > 0)
    {
      AnpaiLine *before = ANPAI_PARSER_LINE (parser, notice.date_line - 1);

      if (notice.issuer == NULL && before->kind == ANPAI_LINE_NOTICE && is_org_name (before->text))
        notice.issuer = g_strdup (before->text);
    }
  read_signature (&notice, body_start);
  parser->body_start = body_start;

  set_string (&plan->title, notice.title != NULL ? notice.title : heading);
  set_string (&plan->doc_number, notice.doc_number);
  set_string (&plan->issuer, notice.issuer);
  set_string (&plan->issued_on, notice.issued_on != NULL ? notice.issued_on : notice.web_date);
  read_period (parser, heading);

  g_free (notice.issuer);
  g_free (notice.title);
  g_free (notice.doc_number);
  g_free (notice.issued_on);
  g_free (notice.web_date);
}
