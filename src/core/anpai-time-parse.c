/* anpai-time-parse.c — reading time requirements (时间要求) written in Chinese
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-date.h"
#include "anpai-folded-text.h"
#include "anpai-numbering.h"
#include "anpai-time-spec.h"

/* The parser works on a normalised copy of the text: one code point per
 * source character (full-width forms folded by compatibility decomposition,
 * every dash and tilde folded to '-', spaces dropped unless they separate
 * two ASCII letters or digits), each with the byte span it came from so that
 * a match can be cut out of the text as the planner wrote it.
 *
 * Matching is hand-written recursive descent over that copy.  Every
 * production looks at a bounded number of characters (numbers are capped at
 * eight digits, keywords are fixed strings), and the scan tries each position
 * once, so the whole parse is linear in the length of the text.
 *
 * Readings of ambiguous expressions (the tests pin each of them):
 *  - 前 includes the unit it follows: 3月前 is due 03-31, 2023年前 is due
 *    2023-12-31, 7月1日前 is due 07-01.  Chinese law reads 以前/以内/以下 as
 *    including the number itself, and DESIGN.md fixes 今年7月1日前 → 07-01;
 *    one reading for every unit keeps 3月前 and 3月底前 from disagreeing on
 *    which month is meant.
 *  - 内 after a date behaves like 前 (2023年内, 上半年内, like 年内).
 *  - A bare day (2023年3月15日) is a deadline; a bare month, quarter or
 *    half-year is a window; a bare year is a window that ranks below any
 *    other schedule in the same sentence.
 *  - A day past the end of its month (2月30日, 6月31日) is clamped to the
 *    month's last day; day 0 or past 31 is not a date.
 *  - 每年 with no period after it (每年至少组织1次) is recurring yearly, due
 *    by 12-31: the planner means "at least once in every year".
 *  - Recurring quarterly and half-yearly rules name their months
 *    (BYMONTH=3,6,9,12) rather than INTERVAL=3, so that they land on
 *    calendar quarter ends whatever DTSTART is.
 *  - 每月N日 with N above 28 becomes the month's last day, since RFC 5545
 *    skips months that lack day N.
 *  - Years outside 1900–2200 are not years.  Expressions that need the base
 *    year (今年, 6月底前, 年内) match nothing when the period is unset.
 *  - Relative durations and procedural limits (20个工作日内, 一年内, 3个月内,
 *    不少于15日) and past-tense spans (2015年以来) are not schedules.
 *  - Text inside 《》 is a document title and is skipped.
 */

#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* a day number meaning "the last day of the month" */
#define MONTH_END (-1)

enum
{
  SCORE_WEAK,      /* 持续推进, 长期: the planner's tone rather than a date */
  SCORE_FREQUENCY, /* a bare year or a bare frequency (每年, 每季度) */
  SCORE_DATED,     /* anything tied to a calendar date */
};

typedef struct
{
  gunichar *ch;
  gsize    *from;  /* byte offset where ch[i]'s source character starts */
  gsize    *to;    /* and where it ends */
  gsize     len;
  int       base_year;  /* 0 when the plan period is unset */
} Text;

typedef enum
{
  UNIT_PENDING,   /* a bare number before a dash, as 3 in 3—5月 */
  UNIT_YEAR,
  UNIT_HALF,
  UNIT_QUARTER,
  UNIT_QUARTERS,  /* 前三季度: the first n quarters */
  UNIT_MONTH,
  UNIT_XUN,       /* a third of a month: 上旬, 中旬, 下旬 */
  UNIT_DAY,
} Unit;

typedef enum
{
  YEAR_IMPLIED,   /* no year written: the base year */
  YEAR_WRITTEN,   /* 2023年 */
  YEAR_RELATIVE,  /* 今年, 明年: an offset from the base year */
} YearHow;

typedef struct
{
  YearHow how;
  int     year;   /* WRITTEN: the year; RELATIVE: the offset */
  Unit    unit;
  int     n;      /* the pending number, half, quarter(s) or xun */
  int     month;
  int     day;
} Point;

typedef struct
{
  AnpaiTimeKind kind;
  GDate         start;
  GDate         end;
  char          rrule[64];
  int           score;
  gsize         begin;
  gsize         stop;   /* one past the last character */
} Match;

/* Normalising */

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == '~' || (c >= 0x2010 && c <= 0x2015) || c == 0x2053 ||
         c == 0x2212 || c == 0x301C || c == 0x30FC || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D || c == 0xFF5E;
}

static gboolean
is_enclosed (gunichar c)
{
  /* ①, ⑴, ⒈ and ㈠ are outline labels: folding them to digits would glue
   * them onto the year that follows */
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
         (c >= 0x3200 && c <= 0x32FF);
}

static gboolean
is_invisible (gunichar c)
{
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

static gunichar
fold_char (gunichar c)
{
  gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return c == '~' ? '-' : c;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || is_enclosed (c))
    return c;
  /* Decomposing one character at a time (NFKD, single-character results
   * only) gives what NFKC gives for digits, letters and punctuation while
   * keeping a one-to-one map back to the source. */
  if (g_unichar_fully_decompose (c, TRUE, buf, G_N_ELEMENTS (buf)) == 1)
    c = buf[0];
  if (is_dash (c))
    return '-';
  if (g_unichar_isspace (c))
    return ' ';
  return c;
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

/* @src must be valid UTF-8. */
static void
text_init (Text       *t,
           const char *src,
           int         base_year)
{
  gsize n = g_utf8_strlen (src, -1);
  gboolean space = FALSE;
  gsize space_from = 0, space_to = 0;

  t->ch = g_new (gunichar, n + 1);
  t->from = g_new (gsize, n + 1);
  t->to = g_new (gsize, n + 1);
  t->len = 0;
  t->base_year = base_year;

  for (const char *p = src; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));
      gsize off = (gsize) (p - src);
      gsize next = (gsize) (g_utf8_next_char (p) - src);

      if (is_invisible (c))
        continue;
      if (c == ' ')
        {
          if (!space)
            space_from = off;
          space = TRUE;
          space_to = next;
          continue;
        }
      /* "2023 年 3 月" reads as 2023年3月, but "2023 2024" stays two numbers */
      if (space && t->len > 0 && is_ascii_alnum (t->ch[t->len - 1]) && is_ascii_alnum (c))
        {
          t->ch[t->len] = ' ';
          t->from[t->len] = space_from;
          t->to[t->len] = space_to;
          t->len++;
        }
      space = FALSE;
      t->ch[t->len] = c;
      t->from[t->len] = off;
      t->to[t->len] = next;
      t->len++;
    }
}

static void
text_clear (Text *t)
{
  g_clear_pointer (&t->ch, g_free);
  g_clear_pointer (&t->from, g_free);
  g_clear_pointer (&t->to, g_free);
  t->len = 0;
}

/* Reading */

static gunichar
at (const Text *t,
    gsize       i)
{
  return i < t->len ? t->ch[i] : 0;
}

static gunichar
before (const Text *t,
        gsize       i)
{
  return i > 0 && i <= t->len ? t->ch[i - 1] : 0;
}

/* Returns how many characters of @lit match at @i, or 0. */
static gsize
match_lit (const Text *t,
           gsize       i,
           const char *lit)
{
  const char *p = lit;
  gsize k = 0;

  while (*p != '\0')
    {
      if (at (t, i + k) != anpai_literal_next (&p))
        return 0;
      k++;
    }
  return k;
}

static gboolean
looking_at (const Text *t,
            gsize       i,
            const char *lit)
{
  return match_lit (t, i, lit) > 0;
}

static gboolean
eat (const Text *t,
     gsize      *i,
     const char *lit)
{
  gsize k = match_lit (t, *i, lit);

  *i += k;
  return k > 0;
}

/* Tries the alternatives in order, so put longer ones first. */
static gboolean
eat_any (const Text        *t,
         gsize             *i,
         const char *const *lits)
{
  for (; *lits; lits++)
    if (eat (t, i, *lits))
      return TRUE;
  return FALSE;
}

static gboolean
in_set (gunichar    c,
        const char *set)
{
  if (c == 0)
    return FALSE;
  for (const char *p = set; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* The text is folded: full-width digits are ASCII by now. */
static gboolean
is_digit (gunichar c)
{
  return anpai_numbering_digit_value (c) >= 0;
}

/* 〇 … 九 only: 十 and 百 are numerals, not digits (CN_TEN, is_cn_numeral). */
static int
cn_digit (gunichar c)
{
  int d = anpai_numbering_cn_digit (c);

  return d <= 9 ? d : -1;
}

#define CN_TEN 0x5341 /* 十 */

static gboolean
is_cn_numeral (gunichar c)
{
  return cn_digit (c) >= 0 || in_set (c, "十百千万两几");
}

static gboolean
is_numeral (gunichar c)
{
  return is_digit (c) || is_cn_numeral (c);
}

/* Reads a whole run of @min to @max ASCII digits. */
static gboolean
read_digits (const Text *t,
             gsize      *i,
             int         min,
             int         max,
             int        *value)
{
  gsize j = *i;
  int v = 0, n = 0;

  while (is_digit (at (t, j)))
    {
      if (n == max)
        return FALSE;
      v = v * 10 + anpai_numbering_digit_value (at (t, j));
      n++;
      j++;
    }
  if (n < min)
    return FALSE;
  *value = v;
  *i = j;
  return TRUE;
}

/* 一 … 九, 十, 十一 … 十九, 二十 … 九十九 */
static gboolean
read_cn_small (const Text *t,
               gsize      *i,
               int        *value)
{
  gsize j = *i;
  int d = cn_digit (at (t, j)), v;

  if (d > 0)
    {
      v = d;
      j++;
      if (at (t, j) == CN_TEN)
        {
          j++;
          v = d * 10;
          if (cn_digit (at (t, j)) > 0)
            v += cn_digit (at (t, j++));
        }
    }
  else if (at (t, j) == CN_TEN)
    {
      j++;
      v = 10;
      if (cn_digit (at (t, j)) > 0)
        v += cn_digit (at (t, j++));
    }
  else
    return FALSE;

  /* 一二三 or 二十五万 is not a small number */
  if (is_cn_numeral (at (t, j)))
    return FALSE;
  *value = v;
  *i = j;
  return TRUE;
}

static gboolean
read_small (const Text *t,
            gsize      *i,
            int         min,
            int         max,
            int        *value)
{
  gsize j = *i;
  int v;

  if (!read_digits (t, &j, 1, 2, &v) && !read_cn_small (t, &j, &v))
    return FALSE;
  if (v < min || v > max)
    return FALSE;
  *value = v;
  *i = j;
  return TRUE;
}

static gboolean
is_year (int y)
{
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/* 2023 or 二〇二三, not followed by more digits */
static gboolean
read_year (const Text *t,
           gsize      *i,
           int        *value)
{
  gsize j = *i;
  int v = 0;

  if (read_digits (t, &j, 4, 4, &v))
    ;
  else if (cn_digit (at (t, j)) >= 0)
    {
      for (int k = 0; k < 4; k++, j++)
        {
          int d = cn_digit (at (t, j));

          if (d < 0)
            return FALSE;
          v = v * 10 + d;
        }
      if (is_cn_numeral (at (t, j)))
        return FALSE;
    }
  else
    return FALSE;

  if (!is_year (v))
    return FALSE;
  *value = v;
  *i = j;
  return TRUE;
}

static gboolean
eat_dash (const Text *t,
          gsize      *i)
{
  if (at (t, *i) == '-')
    {
      (*i)++;
      if (at (t, *i) == '-')  /* —— */
        (*i)++;
      return TRUE;
    }
  return eat (t, i, "至") || eat (t, i, "到");
}

/* 上旬, 中旬, 下旬: the first, middle and last ten days of a month */
static gboolean
eat_xun (const Text *t,
         gsize      *i,
         int        *n)
{
  static const char *const xun[] = { "上旬", "中旬", "下旬" };

  for (int k = 0; k < 3; k++)
    if (eat (t, i, xun[k]))
      {
        *n = k + 1;
        return TRUE;
      }
  return FALSE;
}

/* Points in time */

/* 今年, 明年, 2023年, 二〇二三年度 … */
static gboolean
read_year_part (const Text *t,
                gsize      *i,
                Point      *p)
{
  static const char *const this_year[] = { "今年", "本年", "当年", NULL };
  static const char *const next_year[] = { "明年", "次年", NULL };
  gsize j = *i;
  int y;

  if (eat_any (t, &j, this_year))
    {
      p->how = YEAR_RELATIVE;
      p->year = 0;
    }
  else if (eat_any (t, &j, next_year))
    {
      p->how = YEAR_RELATIVE;
      p->year = 1;
    }
  else if (read_year (t, &j, &y) && eat (t, &j, "年"))
    {
      p->how = YEAR_WRITTEN;
      p->year = y;
    }
  else
    return FALSE;

  eat (t, &j, "度");  /* 2018年度 is 2018年 */
  *i = j;
  return TRUE;
}

/* 2023.3, 2023/3/15, 2023-03-15: the shapes spreadsheets leave in a table */
static gboolean
read_numeric_date (const Text *t,
                   gsize      *i,
                   Point      *p)
{
  gsize j = *i;
  gunichar sep;
  int y, m, d;

  if (!read_digits (t, &j, 4, 4, &y) || !is_year (y))
    return FALSE;
  sep = at (t, j);
  if (sep != '.' && sep != '/' && sep != '-')
    return FALSE;
  j++;
  if (!read_digits (t, &j, 1, 2, &m) || m < 1 || m > 12)
    return FALSE;

  p->how = YEAR_WRITTEN;
  p->year = y;
  p->month = m;
  p->unit = UNIT_MONTH;
  if (at (t, j) == sep && is_digit (at (t, j + 1)))
    {
      gsize k = j + 1;

      if (!read_digits (t, &k, 1, 2, &d) || d < 1 || d > 31)
        return FALSE;
      p->unit = UNIT_DAY;
      p->day = d;
      j = k;
    }
  /* 2023.5万 is an amount, 2023.12.31.5 is nothing we know */
  if (at (t, j) == '.' || at (t, j) == '%' || in_set (at (t, j), "万亿千百元"))
    return FALSE;
  *i = j;
  return TRUE;
}

/* Reads a point: an optional year part, then a half, quarter, month, xun or
 * day.  A bare year is UNIT_YEAR; a bare number before a dash is
 * UNIT_PENDING, which only a range can complete. */
static gboolean
parse_point (const Text *t,
             gsize       i,
             gsize      *stop,
             Point      *p)
{
  gboolean have_year;
  gsize j = i, k;
  int v, d;

  memset (p, 0, sizeof *p);
  p->how = YEAR_IMPLIED;

  if (read_numeric_date (t, &j, p))
    {
      *stop = j;
      return TRUE;
    }
  have_year = read_year_part (t, &j, p);

  if (eat (t, &j, "上半年"))
    p->n = 1;
  else if (eat (t, &j, "下半年"))
    p->n = 2;
  if (p->n > 0)
    {
      p->unit = UNIT_HALF;
      eat (t, &j, "度");
      *stop = j;
      return TRUE;
    }

  /* 前三季度 */
  k = j;
  if (eat (t, &k, "前") && read_small (t, &k, 1, 4, &v) &&
      (eat (t, &k, "个季度") || eat (t, &k, "季度")))
    {
      p->unit = UNIT_QUARTERS;
      p->n = v;
      *stop = k;
      return TRUE;
    }

  /* 第一季度, 一季度, 第1季 */
  k = j;
  if (eat (t, &k, "第"))
    {
      if (read_small (t, &k, 1, 4, &v) && (eat (t, &k, "季度") || eat (t, &k, "季")))
        {
          p->unit = UNIT_QUARTER;
          p->n = v;
          *stop = k;
          return TRUE;
        }
    }
  else if (read_small (t, &k, 1, 4, &v) && eat (t, &k, "季度"))
    {
      p->unit = UNIT_QUARTER;
      p->n = v;
      *stop = k;
      return TRUE;
    }

  k = j;
  if (read_small (t, &k, 1, 12, &v) && eat (t, &k, "月"))
    {
      gsize l;

      /* 月度 is "monthly", as in 统一月度报表 */
      if (looking_at (t, k, "度"))
        return FALSE;
      eat (t, &k, "份");
      p->month = v;
      p->unit = UNIT_MONTH;

      l = k;
      if (read_small (t, &l, 1, 99, &d) && (eat (t, &l, "日") || eat (t, &l, "号")))
        {
          if (d > 31)
            return FALSE;
          p->unit = UNIT_DAY;
          p->day = d;
          k = l;
        }
      else if (eat_xun (t, &k, &p->n))
        {
          p->unit = UNIT_XUN;
        }
      else if (is_numeral (at (t, k)))
        return FALSE;  /* 一月一次, 3月5 */
      *stop = k;
      return TRUE;
    }

  /* 3 in 3—5月, 2023 in 2023—2024年 */
  k = j;
  if ((read_digits (t, &k, 1, 4, &v) || read_cn_small (t, &k, &v)) &&
      (at (t, k) == '-' || looking_at (t, k, "至") || looking_at (t, k, "到")))
    {
      p->unit = UNIT_PENDING;
      p->n = v;
      *stop = k;
      return TRUE;
    }

  if (have_year)
    {
      p->unit = UNIT_YEAR;
      *stop = j;
      return TRUE;
    }
  return FALSE;
}

/* The year a point means: @implied stands in when none is written. */
static int
point_year (const Point *p,
            int          base_year,
            int          implied)
{
  switch (p->how)
    {
    case YEAR_WRITTEN:
      return p->year;
    case YEAR_RELATIVE:
      return base_year > 0 ? base_year + p->year : 0;
    case YEAR_IMPLIED:
    default:
      return implied;
    }
}

static gboolean
point_span (const Point *p,
            int          year,
            GDate       *start,
            GDate       *end)
{
  int m, days;

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  if (!is_year (year))
    return FALSE;

  switch (p->unit)
    {
    case UNIT_YEAR:
      anpai_date_set_ymd (start, year, 1, 1);
      anpai_date_set_ymd (end, year, 12, 31);
      break;
    case UNIT_HALF:
      anpai_date_set_ymd (start, year, p->n == 1 ? 1 : 7, 1);
      anpai_date_set_month_end (end, year, p->n == 1 ? 6 : 12);
      break;
    case UNIT_QUARTER:
      m = (p->n - 1) * 3 + 1;
      anpai_date_set_ymd (start, year, m, 1);
      anpai_date_set_month_end (end, year, m + 2);
      break;
    case UNIT_QUARTERS:
      anpai_date_set_ymd (start, year, 1, 1);
      anpai_date_set_month_end (end, year, p->n * 3);
      break;
    case UNIT_MONTH:
      anpai_date_set_ymd (start, year, p->month, 1);
      anpai_date_set_month_end (end, year, p->month);
      break;
    case UNIT_XUN:
      anpai_date_set_ymd (start, year, p->month, (p->n - 1) * 10 + 1);
      if (p->n == 3)
        anpai_date_set_month_end (end, year, p->month);
      else
        anpai_date_set_ymd (end, year, p->month, p->n * 10);
      break;
    case UNIT_DAY:
      days = g_date_get_days_in_month ((GDateMonth) p->month, (GDateYear) year);
      anpai_date_set_ymd (start, year, p->month, MIN (p->day, days));
      *end = *start;
      break;
    case UNIT_PENDING:
    default:
      return FALSE;
    }
  return g_date_valid (start) && g_date_valid (end);
}

/* A range: 2023—2024年, 2023年3月至6月, 3—5月, 11月至次年2月, and the
 * 20232024年 that copying a title out of a web page leaves behind. */
static gboolean
parse_range (const Text *t,
             gsize       i,
             gsize      *stop,
             GDate      *start,
             GDate      *end)
{
  Point p1, p2;
  GDate s2, e2;
  gsize j = i;
  int v, y1, y2;

  if (read_digits (t, &j, 8, 8, &v) && looking_at (t, j, "年"))
    {
      y1 = v / 10000;
      y2 = v % 10000;
      if (!is_year (y1) || !is_year (y2) || y2 <= y1 || y2 - y1 > 50)
        return FALSE;
      j++;
      eat (t, &j, "度");
      anpai_date_set_ymd (start, y1, 1, 1);
      anpai_date_set_ymd (end, y2, 12, 31);
      *stop = j;
      return TRUE;
    }

  if (!parse_point (t, i, &j, &p1) || !eat_dash (t, &j) || !parse_point (t, j, &j, &p2) ||
      p2.unit == UNIT_PENDING)
    return FALSE;

  if (p1.unit == UNIT_PENDING)
    {
      /* the number takes its unit from the second point */
      if (p2.unit == UNIT_YEAR && p2.how == YEAR_WRITTEN && p1.how == YEAR_IMPLIED &&
          is_year (p1.n))
        {
          p1.unit = UNIT_YEAR;
          p1.how = YEAR_WRITTEN;
          p1.year = p1.n;
        }
      else if (p2.unit == UNIT_MONTH && p2.how == YEAR_IMPLIED && p1.n >= 1 && p1.n <= 12)
        {
          p1.unit = UNIT_MONTH;
          p1.month = p1.n;
        }
      else if (p2.unit == UNIT_QUARTER && p2.how == YEAR_IMPLIED && p1.n >= 1 && p1.n <= 4)
        {
          p1.unit = UNIT_QUARTER;
        }
      else
        return FALSE;
    }

  y1 = point_year (&p1, t->base_year, t->base_year);
  if (!point_span (&p1, y1, start, end))
    return FALSE;

  /* in the second point 次年 and 明年 count from the first */
  if (p2.how == YEAR_RELATIVE && p2.year > 0)
    y2 = y1 + p2.year;
  else
    y2 = point_year (&p2, t->base_year, y1);
  if (!point_span (&p2, y2, &s2, &e2))
    return FALSE;
  /* 11月至2月 runs into the next year */
  if (p2.how == YEAR_IMPLIED && g_date_compare (&e2, start) < 0 &&
      !point_span (&p2, y2 + 1, &s2, &e2))
    return FALSE;
  if (g_date_compare (&e2, start) < 0)
    return FALSE;

  *end = e2;
  *stop = j;
  return TRUE;
}

/* Building matches */

static void
match_init (Match *m,
            gsize  begin)
{
  memset (m, 0, sizeof *m);
  g_date_clear (&m->start, 1);
  g_date_clear (&m->end, 1);
  m->begin = begin;
}

static void
set_deadline (Match       *m,
              const GDate *end,
              gsize        stop)
{
  m->kind = ANPAI_TIME_DEADLINE;
  g_date_clear (&m->start, 1);
  m->end = *end;
  m->score = SCORE_DATED;
  m->stop = stop;
}

static void
set_window (Match       *m,
            const GDate *start,
            const GDate *end,
            int          score,
            gsize        stop)
{
  m->kind = ANPAI_TIME_WINDOW;
  m->start = *start;
  m->end = *end;
  m->score = score;
  m->stop = stop;
}

static void
set_from (Match       *m,
          const GDate *start,
          gsize        stop)
{
  m->kind = ANPAI_TIME_FROM;
  m->start = *start;
  g_date_clear (&m->end, 1);
  m->score = SCORE_DATED;
  m->stop = stop;
}

/* RFC 5545 skips a month that lacks BYMONTHDAY, so keep every day real. */
static int
yearly_day (int month,
            int day)
{
  /* 2001 is not a leap year: February's last day needs -1 */
  int days = g_date_get_days_in_month ((GDateMonth) month, 2001);

  if (day == MONTH_END || day > days)
    return month == 2 ? MONTH_END : days;
  return day;
}

static void
set_yearly (Match *m,
            int    month,
            int    day)
{
  m->kind = ANPAI_TIME_RECURRING;
  g_snprintf (m->rrule, sizeof m->rrule, "FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d",
              month, yearly_day (month, day));
}

static void
set_monthly (Match *m,
             int    day)
{
  m->kind = ANPAI_TIME_RECURRING;
  if (day == MONTH_END || day > 28)
    g_strlcpy (m->rrule, "FREQ=MONTHLY;BYMONTHDAY=-1", sizeof m->rrule);
  else
    g_snprintf (m->rrule, sizeof m->rrule, "FREQ=MONTHLY;BYMONTHDAY=%d", day);
}

static void
set_rrule (Match      *m,
           const char *rrule)
{
  m->kind = ANPAI_TIME_RECURRING;
  g_strlcpy (m->rrule, rrule, sizeof m->rrule);
}

/* 起 begins 起草 (drafting), 起诉 (suing), 起到 (playing a part) … */
static gboolean
eat_start_marker (const Text *t,
                  gsize      *i)
{
  if (looking_at (t, *i, "起") && !in_set (at (t, *i + 1), "草诉到来见码"))
    {
      (*i)++;
      return TRUE;
    }
  return eat (t, i, "开始");
}

/* 以前, 之前, 前, optionally followed by 完成 */
static gboolean
eat_before_marker (const Text *t,
                   gsize      *i)
{
  static const char *const before_words[] = { "以前", "之前", "前", NULL };
  gsize j = *i;

  /* 2023年前后 is "around 2023", 2023年前期 "early 2023" */
  if (!eat_any (t, &j, before_words) || in_set (at (t, j), "后期列沿"))
    return FALSE;
  eat (t, &j, "完成");
  *i = j;
  return TRUE;
}

/* 内 and 以内 after a date, but not 内容 (content) or 内部 (internal) */
static gboolean
eat_within_marker (const Text *t,
                   gsize      *i)
{
  gsize j = *i;

  eat (t, &j, "以");
  if (!looking_at (t, j, "内") || in_set (at (t, j + 1), "容部外涵在设"))
    return FALSE;
  *i = j + 1;
  return TRUE;
}

/* 底 or 末 after a year, half, quarter or month: 2023年底, 2023年年底,
 * 6月底, 第一季度末 */
static gboolean
eat_end_marker (const Text  *t,
                gsize       *i,
                const Point *p)
{
  if (p->unit == UNIT_DAY || p->unit == UNIT_XUN)
    return FALSE;
  if (p->unit == UNIT_YEAR && (eat (t, i, "年底") || eat (t, i, "年末")))
    return TRUE;
  return eat (t, i, "底") || eat (t, i, "末");
}

static gboolean
is_past_marker (const Text *t,
                gsize       i)
{
  /* 2015年以来 and 3月至今 describe the past, 2015年以后 an open future */
  return looking_at (t, i, "以来") || looking_at (t, i, "至今") || looking_at (t, i, "迄今") ||
         looking_at (t, i, "以后") || looking_at (t, i, "之后");
}

/* 至2020年底 or 到6月 after a start: the end of a window.  A point
 * without a year is in @year. */
static gboolean
read_until (const Text  *t,
            gsize       *i,
            int          year,
            const GDate *start,
            GDate       *end)
{
  gsize j = *i;
  Point p;
  GDate s;

  if (!eat (t, &j, "至") && !eat (t, &j, "到"))
    return FALSE;
  if (!parse_point (t, j, &j, &p) || p.unit == UNIT_PENDING ||
      !point_span (&p, point_year (&p, t->base_year, year), &s, end) ||
      g_date_compare (end, start) < 0)
    return FALSE;
  eat_end_marker (t, &j, &p);
  if (!eat (t, &j, "为止"))
    eat (t, &j, "止");
  *i = j;
  return TRUE;
}

/* What follows a point decides the kind: 前/完成/内/底 make a deadline,
 * 起/开始 a start, nothing a window (or a deadline for a single day). */
static gboolean
finish_point (const Text  *t,
              gsize        j,
              const Point *p,
              int          year,
              const GDate *start,
              const GDate *end,
              Match       *m)
{
  gboolean at_end = eat_end_marker (t, &j, p);
  GDate until;

  if (eat_before_marker (t, &j) || eat (t, &j, "完成") || eat_within_marker (t, &j) || at_end)
    {
      set_deadline (m, end, j);
      return TRUE;
    }
  if (eat_start_marker (t, &j))
    {
      if (read_until (t, &j, year, start, &until))  /* 2018年起至2020年底 */
        set_window (m, start, &until, SCORE_DATED, j);
      else
        set_from (m, start, j);
      return TRUE;
    }
  if (is_past_marker (t, j))
    return FALSE;
  if (p->unit == UNIT_DAY)
    set_deadline (m, end, j);
  else
    set_window (m, start, end, p->unit == UNIT_YEAR ? SCORE_FREQUENCY : SCORE_DATED, j);
  return TRUE;
}

static gboolean
match_dated (const Text *t,
             gsize       i,
             Match      *m)
{
  GDate start, end;
  Point p;
  gsize j;
  int year;

  if (parse_range (t, i, &j, &start, &end))
    {
      if (is_past_marker (t, j))
        return FALSE;
      set_window (m, &start, &end, SCORE_DATED, j);
      return TRUE;
    }
  if (!parse_point (t, i, &j, &p) || p.unit == UNIT_PENDING)
    return FALSE;
  year = point_year (&p, t->base_year, t->base_year);
  if (!point_span (&p, year, &start, &end))
    return FALSE;
  return finish_point (t, j, &p, year, &start, &end, m);
}

/* 从2017年开始, 自2019年起, 从今年3月1日起, 从2023年3月到6月 */
static gboolean
match_from (const Text *t,
            gsize       i,
            Match      *m)
{
  GDate start, end, until;
  Point p;
  gsize j = i;
  int year;

  if (!eat (t, &j, "从") && !eat (t, &j, "自"))
    return FALSE;
  if (parse_range (t, j, &j, &start, &end))
    {
      if (!eat (t, &j, "为止"))
        eat (t, &j, "止");
      set_window (m, &start, &end, SCORE_DATED, j);
      return TRUE;
    }
  if (!parse_point (t, j, &j, &p) || p.unit == UNIT_PENDING)
    return FALSE;
  year = point_year (&p, t->base_year, t->base_year);
  if (!point_span (&p, year, &start, &end))
    return FALSE;
  /* 起 is optional after 从: 自2019年1月1日施行 */
  eat_start_marker (t, &j);
  if (is_past_marker (t, j))
    return FALSE;
  if (read_until (t, &j, year, &start, &until))
    set_window (m, &start, &until, SCORE_DATED, j);
  else
    set_from (m, &start, j);
  return TRUE;
}

/* 截至2023年底, 到2025年, 直至6月30日 */
static gboolean
match_until (const Text *t,
             gsize       i,
             Match      *m)
{
  static const char *const until_words[] = {
    "截止到", "截至到", "截止", "截至", "直至", "直到", "到", "至", NULL
  };
  GDate start, end;
  Point p;
  gsize j = i;

  if (!eat_any (t, &j, until_words))
    return FALSE;
  /* 达到, 做到, 得到 … are verbs, 甚至 and 以至 conjunctions */
  if (in_set (before (t, i), "达做得报提签收受遇看找想感迟回遍周甚乃以"))
    return FALSE;
  if (!parse_point (t, j, &j, &p) || p.unit == UNIT_PENDING)
    return FALSE;
  if (!point_span (&p, point_year (&p, t->base_year, t->base_year), &start, &end))
    return FALSE;
  if (is_past_marker (t, j))
    return FALSE;
  eat_end_marker (t, &j, &p);
  if (!eat_before_marker (t, &j) && !eat (t, &j, "为止"))
    eat (t, &j, "止");
  set_deadline (m, &end, j);
  return TRUE;
}

/* 年内, 年底前, 年末完成: the base year's end */
static gboolean
match_bare_year_end (const Text *t,
                     gsize       i,
                     Match      *m)
{
  GDate end;
  gsize j = i;
  gunichar prev = before (t, i);

  /* 一年内, 三年内 and 半年内 are durations; 上年底 and 去年底 the past;
   * 今年底 and 每年底 belong to longer matches */
  if (!looking_at (t, i, "年") || is_numeral (prev) ||
      in_set (prev, "半个多每今本当明次上去前近往逐历"))
    return FALSE;
  j++;
  if (eat_within_marker (t, &j))
    ;
  else if (eat (t, &j, "底") || eat (t, &j, "末"))
    {
      /* 年初有计划、年中有落实、年末有考核 is background, not a schedule */
      if (!eat_before_marker (t, &j) && !eat (t, &j, "完成") && !in_set (prev, "于在到至"))
        return FALSE;
    }
  else
    return FALSE;

  if (t->base_year == 0)
    return FALSE;
  anpai_date_set_ymd (&end, t->base_year, 12, 31);
  set_deadline (m, &end, j);
  return TRUE;
}

/* 每年第一季度, 每季度, 每半年, 每月25日前, 每年3月31日前, 每年至少1次 */
static gboolean
match_recurring (const Text *t,
                 gsize       i,
                 Match      *m)
{
  static const char *const quarter_end[] = { "季度末", "季度", "季末", "季", NULL };
  gsize j = i, k;
  int d, x;

  if (!eat (t, &j, "每"))
    return FALSE;
  eat (t, &j, "个");

  if (eat (t, &j, "年"))
    {
      Point p;

      eat (t, &j, "度");
      eat (t, &j, "的");
      m->score = SCORE_DATED;
      k = j;
      if (eat (t, &k, "年底") || eat (t, &k, "年末") || eat (t, &k, "底") || eat (t, &k, "末"))
        {
          eat_before_marker (t, &k);
          set_yearly (m, 12, 31);
          m->stop = k;
          return TRUE;
        }
      /* the year is already said: read the rest as a point in it */
      if (parse_point (t, j, &k, &p) && p.how == YEAR_IMPLIED && p.unit != UNIT_PENDING &&
          p.unit != UNIT_YEAR)
        {
          int month, day = MONTH_END;

          switch (p.unit)
            {
            case UNIT_HALF:
              month = p.n == 1 ? 6 : 12;
              break;
            case UNIT_QUARTER:
            case UNIT_QUARTERS:
              month = p.n * 3;
              break;
            case UNIT_XUN:
              month = p.month;
              day = p.n == 3 ? MONTH_END : p.n * 10;
              break;
            case UNIT_DAY:
              month = p.month;
              day = p.day;
              break;
            case UNIT_MONTH:
            default:
              month = p.month;
              break;
            }
          eat_end_marker (t, &k, &p);
          if (!eat_before_marker (t, &k))
            eat_within_marker (t, &k);
          set_yearly (m, month, day);
          m->stop = k;
          return TRUE;
        }
      /* 每年至少组织1次: once in every year, so by each year's end */
      set_yearly (m, 12, 31);
      m->score = SCORE_FREQUENCY;
      m->stop = j;
      return TRUE;
    }

  m->score = SCORE_FREQUENCY;
  if (eat_any (t, &j, quarter_end))
    {
      eat_before_marker (t, &j);
      set_rrule (m, "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1");
    }
  else if (eat (t, &j, "半年"))
    {
      if (!eat (t, &j, "末"))
        eat (t, &j, "底");
      set_rrule (m, "FREQ=MONTHLY;BYMONTH=6,12;BYMONTHDAY=-1");
    }
  else if (eat (t, &j, "月"))
    {
      k = j;
      set_monthly (m, MONTH_END);
      if (read_small (t, &k, 1, 31, &d) && (eat (t, &k, "日") || eat (t, &k, "号")))
        {
          eat_before_marker (t, &k);
          set_monthly (m, d);
          m->score = SCORE_DATED;
          j = k;
        }
      else if (eat (t, &j, "月底") || eat (t, &j, "月末") || eat (t, &j, "底") || eat (t, &j, "末"))
        {
          eat_before_marker (t, &j);
          m->score = SCORE_DATED;
        }
      else if (eat_xun (t, &j, &x))
        {
          eat_before_marker (t, &j);
          set_monthly (m, x == 3 ? MONTH_END : x * 10);
          m->score = SCORE_DATED;
        }
    }
  else if (eat (t, &j, "周") || eat (t, &j, "星期"))
    {
      /* 每周年 is an anniversary */
      if (looking_at (t, j, "年"))
        return FALSE;
      set_rrule (m, "FREQ=WEEKLY");
    }
  else
    return FALSE;

  m->stop = j;
  return TRUE;
}

/* 十三五期间, “十四五”时期, 十四五末 */
static gboolean
match_five_year_plan (const Text *t,
                      gsize       i,
                      Match      *m)
{
  GDate start, end;
  gsize j = i;
  int n, first;

  if (at (t, j) != CN_TEN)
    return FALSE;
  n = cn_digit (at (t, j + 1));
  if (n < 1 || n > 5 || cn_digit (at (t, j + 2)) != 5)
    return FALSE;
  j += 3;
  /* the 11th plan began in 2006 */
  first = 2006 + (n - 1) * 5;
  if (in_set (at (t, j), "”’\"'」』"))
    j++;
  anpai_date_set_ymd (&start, first, 1, 1);
  anpai_date_set_ymd (&end, first + 4, 12, 31);
  if (eat (t, &j, "末期") || eat (t, &j, "末"))
    {
      eat_before_marker (t, &j);
      set_deadline (m, &end, j);
    }
  else if (eat (t, &j, "规划期内") || eat (t, &j, "规划期") || eat (t, &j, "期间") ||
           eat (t, &j, "时期") || eat (t, &j, "期内"))
    {
      eat (t, &j, "内");
      set_window (m, &start, &end, SCORE_FREQUENCY, j);
    }
  else
    return FALSE;

  /* keep the quotes of “十三五”期间 in pairs */
  if (in_set (before (t, i), "“‘\"「『"))
    m->begin = i - 1;
  return TRUE;
}

/* 整个期间内, 长期坚持, 持续推进, 常态化: for the whole period */
static gboolean
match_ongoing (const Text *t,
               gsize       i,
               Match      *m)
{
  static const char *const words[] = {
    "整个期间内", "整个期间", "期间内", "长期坚持", "长期", "持续推进", "持续",
    "常态化推进", "常态化", "经常性", "不定期", NULL
  };
  gsize j = i;

  if (!eat_any (t, &j, words))
    return FALSE;
  /* 可持续发展 is sustainability, 长期以来 the past, 持续时间 a duration */
  if (match_lit (t, i, "持续") && (before (t, i) == 0x53EF /* 可 */ || looking_at (t, j, "时间")))
    return FALSE;
  if (match_lit (t, i, "长期") && looking_at (t, j, "以来"))
    return FALSE;
  m->kind = ANPAI_TIME_ONGOING;
  m->score = SCORE_WEAK;
  m->stop = j;
  return TRUE;
}

/* 2023—2024年每年第一季度, 从2017年开始,每年: a span, then what repeats in it */
static void
extend_with_recurring (const Text *t,
                       Match      *m)
{
  Match r;
  gsize j = m->stop;

  if (m->kind != ANPAI_TIME_WINDOW && m->kind != ANPAI_TIME_FROM)
    return;
  if (in_set (at (t, j), ",、;:"))
    j++;
  else if (!eat (t, &j, "期间"))
    eat (t, &j, "内");
  match_init (&r, j);
  if (!match_recurring (t, j, &r))
    return;
  m->kind = ANPAI_TIME_RECURRING;
  g_strlcpy (m->rrule, r.rrule, sizeof m->rrule);
  m->score = SCORE_DATED;
  m->stop = r.stop;
}

static gboolean
match_at (const Text *t,
          gsize       i,
          Match      *m)
{
  gunichar c = at (t, i), prev = before (t, i);

  /* never start inside a number: 12023年 is not 2023年, 十二月 not 二月 */
  if (is_digit (c) && is_digit (prev))
    return FALSE;
  if (is_cn_numeral (c) && is_cn_numeral (prev))
    return FALSE;

  match_init (m, i);
  if (match_recurring (t, i, m))
    return TRUE;
  match_init (m, i);
  if (match_from (t, i, m) || match_dated (t, i, m))
    {
      extend_with_recurring (t, m);
      return TRUE;
    }
  match_init (m, i);
  if (match_until (t, i, m) || match_five_year_plan (t, i, m) ||
      match_bare_year_end (t, i, m) || match_ongoing (t, i, m))
    return TRUE;
  return FALSE;
}

/* Marks the 《 that have a matching 》, so that a stray 《 (a typo, or a
 * title cut off by the import) does not hide the rest of the text.  Returns
 * NULL when there is no 《 at all. */
static guint8 *
find_titles (const Text *t)
{
  g_autoptr(GArray) open = NULL;
  guint8 *matched = NULL;

  for (gsize i = 0; i < t->len; i++)
    {
      if (t->ch[i] == 0x300A /* 《 */)
        {
          if (open == NULL)
            {
              open = g_array_new (FALSE, FALSE, sizeof (gsize));
              matched = g_new0 (guint8, t->len);
            }
          g_array_append_val (open, i);
        }
      else if (t->ch[i] == 0x300B /* 》 */ && open != NULL && open->len > 0)
        {
          matched[g_array_index (open, gsize, open->len - 1)] = 1;
          g_array_set_size (open, open->len - 1);
        }
    }
  return matched;
}

/* Scans @t for the best expression, skipping titles in 《》: the first dated
 * one, else the first frequency or bare year, else the first word such as
 * 持续推进. */
static gboolean
scan (const Text *t,
      Match      *best)
{
  g_autofree guint8 *titles = find_titles (t);
  gboolean found = FALSE;
  gsize depth = 0;

  for (gsize i = 0; i < t->len; i++)
    {
      Match m;

      if (titles != NULL && titles[i])
        {
          depth++;
          continue;
        }
      if (t->ch[i] == 0x300B /* 》 */)
        {
          if (depth > 0)
            depth--;
          continue;
        }
      if (depth > 0 || !match_at (t, i, &m))
        continue;

      if (!found || m.score > best->score)
        {
          *best = m;
          found = TRUE;
          if (m.score == SCORE_DATED)
            break;
        }
      i = m.stop - 1;
    }
  return found;
}

/* Filling the spec */

static int
base_year_of (const GDate *period_start)
{
  if (period_start == NULL || !g_date_valid (period_start))
    return 0;
  return g_date_get_year (period_start);
}

static void
copy_date (GDate       *dst,
           const GDate *src)
{
  if (src != NULL && g_date_valid (src))
    *dst = *src;
  else
    g_date_clear (dst, 1);
}

static void
fill_spec (AnpaiTimeSpec *spec,
           const Match   *m,
           const GDate   *period_start,
           const GDate   *period_end)
{
  spec->kind = m->kind;
  spec->source = ANPAI_TIME_SOURCE_TEXT;
  g_clear_pointer (&spec->rrule, g_free);

  switch (m->kind)
    {
    case ANPAI_TIME_DEADLINE:
      g_date_clear (&spec->start, 1);
      spec->end = m->end;
      break;
    case ANPAI_TIME_WINDOW:
      spec->start = m->start;
      spec->end = m->end;
      break;
    case ANPAI_TIME_FROM:
      spec->start = m->start;
      copy_date (&spec->end, period_end);
      break;
    case ANPAI_TIME_ONGOING:
      copy_date (&spec->start, period_start);
      copy_date (&spec->end, period_end);
      break;
    case ANPAI_TIME_RECURRING:
      /* within the span written before it, else the whole period */
      if (g_date_valid (&m->start))
        {
          spec->start = m->start;
          if (g_date_valid (&m->end))
            spec->end = m->end;
          else
            copy_date (&spec->end, period_end);
        }
      else
        {
          copy_date (&spec->start, period_start);
          copy_date (&spec->end, period_end);
        }
      spec->rrule = g_strdup (m->rrule);
      break;
    case ANPAI_TIME_NONE:
    default:
      /* every production sets a kind */
      g_return_if_reached ();
    }
}

static char *
make_valid (const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/* Strips Unicode white space (including the ideographic space U+3000) from
 * both ends of valid UTF-8. */
static char *
strip_unicode (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *p = g_utf8_find_prev_char (start, end);

      if (p == NULL || !g_unichar_isspace (g_utf8_get_char (p)))
        break;
      end = p;
    }
  return g_strndup (start, (gsize) (end - start));
}

/**
 * anpai_time_spec_parse:
 * @text: (nullable): a time requirement as written, such as a 时间要求 cell;
 *   %NULL reads as ""
 * @period_start: (nullable): the plan period's first day; its year is the
 *   base year for 今年 and for months written without a year
 * @period_end: (nullable): the plan period's last day
 *
 * Reads the best time expression in @text.  Invalid UTF-8 is repaired.
 *
 * Returns: (transfer full): a spec whose text is @text stripped; its kind is
 *   %ANPAI_TIME_NONE and its source %ANPAI_TIME_SOURCE_NONE when nothing in
 *   @text is a schedule, else its source is %ANPAI_TIME_SOURCE_TEXT
 */
AnpaiTimeSpec *
anpai_time_spec_parse (const char  *text,
                       const GDate *period_start,
                       const GDate *period_end)
{
  g_autofree char *valid = make_valid (text != NULL ? text : "");
  AnpaiTimeSpec *spec = anpai_time_spec_new ();
  Text t;
  Match m;

  g_free (spec->text);
  spec->text = strip_unicode (valid);

  text_init (&t, spec->text, base_year_of (period_start));
  if (scan (&t, &m))
    fill_spec (spec, &m, period_start, period_end);
  text_clear (&t);

  return spec;
}

/**
 * anpai_time_spec_find:
 * @text: a task's text
 * @period_start: (nullable): the plan period's first day
 * @period_end: (nullable): the plan period's last day
 * @spec: (out) (transfer full) (optional): the expression found, or %NULL
 *
 * Looks for a time expression inside a longer sentence, skipping document
 * titles in 《》.  A dated expression wins over an earlier frequency or bare
 * year, and those over words such as 持续推进.
 *
 * Returns: %TRUE when @text holds an expression; @spec's text is then the
 *   expression as written in @text
 */
gboolean
anpai_time_spec_find (const char     *text,
                      const GDate    *period_start,
                      const GDate    *period_end,
                      AnpaiTimeSpec **spec)
{
  g_autofree char *valid = NULL;
  gboolean found;
  Text t;
  Match m;

  g_return_val_if_fail (text != NULL, FALSE);

  if (spec != NULL)
    *spec = NULL;

  valid = make_valid (text);
  text_init (&t, valid, base_year_of (period_start));
  found = scan (&t, &m);
  if (found && spec != NULL)
    {
      gsize from = t.from[m.begin], to = t.to[m.stop - 1];

      *spec = anpai_time_spec_new ();
      g_free ((*spec)->text);
      (*spec)->text = g_strndup (valid + from, to - from);
      fill_spec (*spec, &m, period_start, period_end);
    }
  text_clear (&t);

  return found;
}
