/* anpai-target-find.c — quantitative targets in a task's text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include "anpai-folded-text.h"
#include "anpai-numbering.h"
#include "anpai-target-find.h"
#include "anpai-unit-clause.h"

/* More digits than this is a code or an identifier, not a quantity. */
#define MAX_DIGITS 12
/* How far before a number a comparator may stand: "至少组织开展1次". */
#define COMPARATOR_WINDOW 8
/* How far back the phrase reaches for its subject: "第三方调查市场主体满意度". */
#define PHRASE_WINDOW 24
/* The values one phrase may list: "分别达到70%、50%". */
#define MAX_LIST 16

typedef AnpaiFoldedText Text;

static guint
match_word (const Text *t,
            guint       i,
            const char *word)
{
  return anpai_folded_text_match (t, i, t->n, word);
}

/* Where a phrase stops: punctuation and brackets. */
static gboolean
is_boundary (gunichar c)
{
  return c == 0x3002 || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == 0x3001 || c == '(' || c == ')' || c == '[' || c == ']' || c == 0x3014 ||
         c == 0x3015 || c == 0x3010 || c == 0x3011 || c == 0x201C || c == 0x201D ||
         c == '"' || c == 0x300A || c == 0x300B || c == '\n' || c == '\t';
}

/*
 * Numbers
 */

/* The text is folded: full-width digits are ASCII by now. */
static gboolean
is_digit (gunichar c)
{
  return anpai_numbering_digit_value (c) >= 0;
}

static gboolean
is_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

typedef struct {
  guint    s, e;      /* characters */
  double   value;
  gboolean chinese;   /* 两, 三 … */
  gboolean percent;   /* 百分之… */
} Number;

/* 〇 … 九, and 两 (两次); 十 and 百 are units here (chinese_unit). */
static int
chinese_digit (gunichar c)
{
  int d;

  if (c == 0x4E24 /* 两 */)
    return 2;
  d = anpai_numbering_cn_digit (c);
  return d <= 9 ? d : -1;
}

/* 十 and 百, and 千, which counts reach and outline labels do not. */
static int
chinese_unit (gunichar c)
{
  int u;

  if (c == 0x5343 /* 千 */)
    return 1000;
  u = anpai_numbering_cn_digit (c);
  return u >= 10 ? u : 0;
}

/* 两, 十二, 二十, 一百五十: small counts only. */
static gboolean
read_chinese (const Text *t,
              guint       i,
              Number     *num)
{
  int total = 0, digit = -1;
  guint j;

  for (j = i; j < t->n && j - i < 8; j++)
    {
      int d = chinese_digit (t->c[j]);
      int u = chinese_unit (t->c[j]);

      if (d >= 0)
        digit = d;
      else if (u > 0)
        {
          total += (digit < 0 ? 1 : digit) * u;
          digit = -1;
        }
      else
        break;
    }
  if (j == i)
    return FALSE;
  if (digit > 0)
    total += digit;
  num->s = i;
  num->e = j;
  num->value = total;
  num->chinese = TRUE;
  return TRUE;
}

/* An ASCII number at @i ("95", "99.5"); FALSE for the digits of a
 * fraction ("1/2"), a code too long to be a quantity, or no number.
 * *skip_to tells where the scan goes on in any case. */
static gboolean
read_ascii (const Text *t,
            guint       i,
            Number     *num,
            guint      *skip_to)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint j = i;

  while (j < t->n && is_digit (t->c[j]))
    g_string_append_c (digits, (char) ('0' + anpai_numbering_digit_value (t->c[j++])));
  if (j + 1 < t->n && t->c[j] == '.' && is_digit (t->c[j + 1]))
    {
      g_string_append_c (digits, '.');
      for (j++; j < t->n && is_digit (t->c[j]); j++)
        g_string_append_c (digits, (char) ('0' + anpai_numbering_digit_value (t->c[j])));
    }
  *skip_to = j;
  if (digits->len == 0 || digits->len > MAX_DIGITS)
    return FALSE;
  /* 1/2以上 is a share of something, not a target value */
  if ((i > 0 && (t->c[i - 1] == '/' || t->c[i - 1] == '.')) || (j < t->n && t->c[j] == '/'))
    return FALSE;
  /* a letter glued to it: a code (5G, A4) */
  if ((i > 0 && is_letter (t->c[i - 1])) || (j < t->n && is_letter (t->c[j])))
    return FALSE;
  num->s = i;
  num->e = j;
  num->value = g_ascii_strtod (digits->str, NULL);
  num->chinese = FALSE;
  num->percent = FALSE;
  return TRUE;
}

/*
 * Measures and comparators
 */

typedef struct {
  const char *text;
  const char *not_before;  /* characters after it that make another word */
} Measure;

/* Longest first. Years, months, days and 号 are not here: a date or a
 * document number is never a target. */
static const Measure count_measures[] = {
  { "个百分点", "" },
  { "个工作日", "" },
  { "工作日", "" },
  { "学时", "" },
  { "课时", "" },
  { "小时", "" },
  { "人次", "" },
  { "万元", "" },
  { "亿元", "" },
  { "万人", "" },
  { "公里", "" },
  { "平方米", "" },
  { "次", "性数要" },
  { "期", "间限刊末满" },
  { "名", "单称义额录" },
  { "人", "民员才口大" },
  { "家", "庭长属" },
  { "个", "人体性别" },
  { "项", "目" },
  { "件", "" },
  { "场", "所景地合" },
  { "所", "有在以属得" },
  { "篇", "" },
  { "条", "件例款" },
  { "批", "准复示评" },
  { "户", "籍口" },
  { "元", "素旦" },
  { "天", "然下气" },
  { "位", "置于" },
  { "处", "理置罚室" },
};

typedef struct {
  const char *text;
  const char *comparator;
} Comparator;

/* "不少于" is found before "少于" because, ending at the same place, the
 * longer one wins (see find_comparator). */
static const Comparator comparators[] = {
  { "不少于", ">=" }, { "不低于", ">=" }, { "不小于", ">=" }, { "不短于", ">=" },
  { "不得少于", ">=" }, { "不应少于", ">=" }, { "不能少于", ">=" }, { "不宜少于", ">=" },
  { "不得低于", ">=" }, { "不应低于", ">=" }, { "不能低于", ">=" }, { "不宜低于", ">=" },
  { "至少", ">=" }, { "最少", ">=" }, { "最低", ">=" },
  { "超过", ">" }, { "高于", ">" }, { "大于", ">" }, { "多于", ">" },
  { "不超过", "<=" }, { "不高于", "<=" }, { "不多于", "<=" }, { "不大于", "<=" },
  { "不得超过", "<=" }, { "不应超过", "<=" }, { "不能超过", "<=" }, { "不宜超过", "<=" },
  { "不得高于", "<=" }, { "不应高于", "<=" }, { "不得多于", "<=" }, { "不得大于", "<=" },
  { "最多", "<=" }, { "最高", "<=" }, { "控制在", "<=" },
  { "低于", "<" }, { "少于", "<" }, { "小于", "<" }, { "不足", "<" },
  { "达到", "=" }, { "达", "=" }, { "保持在", "=" }, { "保持", "=" }, { "稳定在", "=" },
  { "实现", "=" }, { "完成", "=" }, { "累计", "=" },
};

/* The longest comparator, less one: how far before the window a
 * comparator ending inside it may start ("不低于考核总分的5%"). */
#define COMPARATOR_REACH 3

typedef struct {
  const char *text;
  const char *comparator;
  gboolean    time_only;  /* "内" only after a span of time: 20个工作日内 */
} Suffix;

static const Suffix suffixes[] = {
  { "及以上", ">=", FALSE },
  { "以上", ">=", FALSE },
  { "以下", "<=", FALSE },
  { "以内", "<=", FALSE },
  { "之内", "<=", FALSE },
  { "左右", "=", FALSE },
  { "内", "<=", TRUE },
};

/* Words after a percentage that belong to the phrase: 100%解决. */
static const char * const completions[] = {
  "解决", "完成", "覆盖", "办结", "落实", "到位", "达标", "公开", "化解", NULL
};

static gboolean
is_time_measure (const char *measure)
{
  return g_str_equal (measure, "个工作日") || g_str_equal (measure, "工作日") ||
         g_str_equal (measure, "小时") || g_str_equal (measure, "天");
}

/* The measure after a number at @i: "%", "学时" …; its length in *len. */
static const char *
read_measure (const Text *t,
              guint       i,
              guint      *len)
{
  if (i < t->n && (t->c[i] == '%' || t->c[i] == 0x2030))
    {
      *len = 1;
      return t->c[i] == '%' ? "%" : "‰";
    }
  for (guint m = 0; m < G_N_ELEMENTS (count_measures); m++)
    {
      guint k = match_word (t, i, count_measures[m].text);

      if (k > 0)
        {
          gunichar next = t->c[i + k];

          if (next != 0 && g_utf8_strchr (count_measures[m].not_before, -1, next) != NULL)
            return NULL;
          *len = k;
          return count_measures[m].text;
        }
    }
  return NULL;
}

static const char *
read_suffix (const Text *t,
             guint       i,
             const char *measure,
             guint      *len)
{
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      guint l;

      if (suffixes[k].time_only && !is_time_measure (measure))
        continue;
      l = match_word (t, i, suffixes[k].text);
      if (l > 0)
        {
          *len = l;
          return suffixes[k].comparator;
        }
    }
  *len = 0;
  return NULL;
}

/* The comparator closest before @number, within a few characters and not
 * across punctuation or an earlier target. */
static const char *
find_comparator (const Text *t,
                 guint       number,
                 guint       floor,
                 guint      *kw_start)
{
  const char *best = NULL;
  guint best_end = 0, best_len = 0;
  guint from = number;

  while (from > floor && number - from < COMPARATOR_WINDOW + COMPARATOR_REACH &&
         !is_boundary (t->c[from - 1]))
    from--;

  for (guint i = from; i < number; i++)
    for (guint k = 0; k < G_N_ELEMENTS (comparators); k++)
      {
        guint l = match_word (t, i, comparators[k].text);

        /* it must end inside the window */
        if (l == 0 || i + l > number || number - (i + l) >= COMPARATOR_WINDOW)
          continue;
        if (i + l > best_end || (i + l == best_end && l > best_len))
          {
            best = comparators[k].comparator;
            best_end = i + l;
            best_len = l;
            *kw_start = i;
          }
      }
  return best;
}

/* Where the phrase of a value starts: back to punctuation, but not to the
 * 、 inside "县(市、区)", and not further than PHRASE_WINDOW. Returns
 * G_MAXUINT when the window ends inside a phrase. */
static guint
phrase_start (const Text *t,
              guint       number,
              guint       floor)
{
  guint start = number;
  int depth = 0;

  while (start > floor && number - start < PHRASE_WINDOW)
    {
      gunichar c = t->c[start - 1];

      if (c == ')' || c == 0x3015 || c == 0x3011)
        depth++;
      else if (c == '(' || c == 0x3014 || c == 0x3010)
        {
          if (depth == 0)
            return start;
          depth--;
        }
      else if (depth == 0 && is_boundary (c))
        return start;
      start--;
    }
  if (start == floor)
    return start;
  return G_MAXUINT;
}

/* After a numbered label at @start ("2.", "(1)", "（三）", "一是"): the
 * label numbers the task, it is not part of the target's phrase. */
static guint
skip_label (const Text *t,
            guint       start,
            guint       number)
{
  guint j = start;

  if (j < number && t->c[j] == '(')
    {
      for (j++; j < number && (is_digit (t->c[j]) || chinese_digit (t->c[j]) >= 0 ||
                                chinese_unit (t->c[j]) > 0); j++)
        ;
      if (j == start + 1 || j >= number || t->c[j] != ')')
        return start;
      j++;
    }
  else if (j < number && is_digit (t->c[j]))
    {
      while (j < number && is_digit (t->c[j]))
        j++;
      /* "2.每年…", but not "99.5%" */
      if (j + 1 >= number || t->c[j] != '.' || is_digit (t->c[j + 1]))
        return start;
      j++;
    }
  else if (j < number && chinese_digit (t->c[j]) > 0)
    {
      while (j < number && (chinese_digit (t->c[j]) >= 0 || chinese_unit (t->c[j]) > 0))
        j++;
      if (j >= number || t->c[j] != 0x662F)  /* 是 */
        return start;
      j++;
    }
  else
    return start;
  while (j < number && t->c[j] == ' ')
    j++;
  return j < number ? j : start;
}

static const char *
combine (const char *prefix,
         const char *suffix)
{
  if (suffix == NULL)
    return prefix != NULL ? prefix : "=";
  if (g_str_equal (suffix, ">="))
    return prefix != NULL && g_str_equal (prefix, ">") ? ">" : ">=";
  if (g_str_equal (suffix, "<="))
    return prefix != NULL && g_str_equal (prefix, "<") ? "<" : "<=";
  return suffix;
}

/*
 * Finding
 */

typedef struct {
  Number      num;
  const char *measure;
  const char *suffix;  /* comparator of 以上/以下 …, or NULL */
  guint       end;     /* after the measure and the suffix */
} Value;

/* A number with a measure at @i, with its suffix. */
static gboolean
read_value (const Text *t,
            guint       i,
            Value      *v,
            guint      *skip_to)
{
  guint len = 0, slen = 0, j;

  memset (v, 0, sizeof *v);
  *skip_to = i + 1;
  if (is_digit (t->c[i]))
    {
      if (i > 0 && is_digit (t->c[i - 1]))
        return FALSE;
      if (!read_ascii (t, i, &v->num, skip_to))
        return FALSE;
    }
  else if (match_word (t, i, "百分之") > 0)
    {
      guint k = i + 3;

      if (k < t->n && is_digit (t->c[k]))
        {
          if (!read_ascii (t, k, &v->num, skip_to))
            return FALSE;
        }
      else if (!read_chinese (t, k, &v->num))
        return FALSE;
      *skip_to = v->num.e;
      v->num.s = i;
      v->num.percent = TRUE;
      v->measure = "%";
      v->suffix = read_suffix (t, v->num.e, "%", &slen);
      v->end = v->num.e + slen;
      return TRUE;
    }
  else if (chinese_digit (t->c[i]) >= 0 || chinese_unit (t->c[i]) > 0)
    {
      if (!read_chinese (t, i, &v->num))
        return FALSE;
      *skip_to = v->num.e;
    }
  else
    return FALSE;

  /* 第28次, 第一季度: an ordinal */
  if (i > 0 && t->c[i - 1] == 0x7B2C)
    return FALSE;

  j = v->num.e;
  v->measure = read_measure (t, j, &len);
  if (v->measure == NULL)
    return FALSE;
  /* Chinese numerals only count things, never percentages */
  if (v->num.chinese && (g_str_equal (v->measure, "%") || g_str_equal (v->measure, "‰")))
    return FALSE;
  v->suffix = read_suffix (t, j + len, v->measure, &slen);
  v->end = j + len + slen;
  return TRUE;
}

static gboolean
is_share (const char *measure)
{
  return g_str_equal (measure, "%") || g_str_equal (measure, "‰") ||
         g_str_equal (measure, "个百分点");
}

static void
add_target (GPtrArray   *targets,
            const char  *text,
            const Text  *t,
            guint        s,
            guint        e,
            const char  *comparator,
            const Value *v)
{
  /* the phrase is shown and stored: bytes that are not UTF-8 (read as
   * U+FFFD by the matchers) must not reach it */
  g_autofree char *phrase = g_utf8_make_valid (text + t->off[s], t->off[e] - t->off[s]);

  g_ptr_array_add (targets, anpai_import_target_new (phrase, comparator, v->num.value,
                                                     TRUE, v->measure));
}

GPtrArray *
anpai_targets_find (const char *text)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_import_target_free);
  Text t;
  guint i = 0, floor = 0;
  int titles = 0;

  if (!anpai_folded_text_init (&t, text))
    return targets;

  while (i < t.n)
    {
      Value list[MAX_LIST];
      guint n_list = 0, skip_to = 0, kw_start = G_MAXUINT, start, end;
      const char *prefix, *list_suffix = NULL;
      gboolean inequality;
      gunichar c = t.c[i];

      /* 《…》 is a title: "提高到95%" inside it is somebody else's target */
      if (c == 0x300A || c == 0x3008)
        {
          titles++;
          i++;
          continue;
        }
      if (c == 0x300B || c == 0x3009)
        {
          titles = MAX (0, titles - 1);
          i++;
          continue;
        }
      if (titles > 0 || !read_value (&t, i, &list[0], &skip_to))
        {
          i = MAX (i + 1, skip_to);
          continue;
        }

      /* "分别达到70%、50%": one comparator for a list of values */
      n_list = 1;
      while (n_list < MAX_LIST)
        {
          guint k = list[n_list - 1].end;
          Value next;

          if (k < t.n && t.c[k] == 0x3001)
            k++;
          if (k >= t.n || !read_value (&t, k, &next, &skip_to) ||
              !g_str_equal (next.measure, list[0].measure))
            break;
          list[n_list++] = next;
        }
      for (guint k = n_list; k > 0; k--)
        if (list[k - 1].suffix != NULL)
          {
            list_suffix = list[k - 1].suffix;
            break;
          }

      prefix = find_comparator (&t, list[0].num.s, floor, &kw_start);
      inequality = list_suffix != NULL || (prefix != NULL && !g_str_equal (prefix, "="));
      /* a bare count ("35项任务") is not a target; a share always is */
      if (!is_share (list[0].measure) &&
          (list[0].num.chinese ? !inequality : (prefix == NULL && list_suffix == NULL)))
        {
          i = list[0].num.e;
          continue;
        }

      /* the phrase reaches back to its subject: "好评率保持100%" */
      start = phrase_start (&t, list[0].num.s, floor);
      if (start == G_MAXUINT)
        start = kw_start != G_MAXUINT ? kw_start : list[0].num.s;
      else
        start = skip_label (&t, start, list[0].num.s);

      for (guint k = 0; k < n_list; k++)
        {
          const char *suffix = list[k].suffix != NULL ? list[k].suffix : list_suffix;

          end = list[k].end;
          if (is_share (list[k].measure))
            for (guint w = 0; completions[w] != NULL; w++)
              {
                guint l = match_word (&t, end, completions[w]);

                if (l > 0)
                  {
                    end += l;
                    break;
                  }
              }
          add_target (targets, text, &t, k == 0 ? start : list[k].num.s, end,
                      combine (prefix, suffix), &list[k]);
          floor = end;
        }
      i = floor;
    }

  anpai_folded_text_clear (&t);
  return targets;
}
