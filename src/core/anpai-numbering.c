/* anpai-numbering.c — outline labels as planners write them: 一、 （一） 1. ①
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiNumbering"

#include <string.h>

#include "anpai-numbering.h"

/* A plan keeps the numbering its author chose: the style of each level is
 * the one most of its labels are written in, so renumbering after an edit
 * writes what the author would have written. Levels with no labels yet
 * follow the level above them in the usual rank 一、 → （一） → 1. → （1） → ①. */

#define N_STYLES (ANPAI_NUMBER_STYLE_CN_SHI + 1)
#define MAX_NUMBER 999

/* Sections and tasks; text nodes are never numbered. */
#define N_KINDS 2

typedef struct {
  AnpaiNumberStyle style;
  gboolean         known;   /* detected or set; otherwise follows the level above */
  gboolean         run_on;
} Level;

struct _AnpaiNumbering
{
  Level levels[ANPAI_NUMBERING_MAX_DEPTH][N_KINDS];
};

static const char * const cn_digits[] = {
  "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};

/* 1 … 999 in Chinese numerals as documents write them: 十一, 二十, 一百零一.
 * Other numbers come back in Arabic digits. */
char *
anpai_numbering_cn_numeral (int number)
{
  GString *s;
  int h = number / 100, t = (number / 10) % 10, u = number % 10;

  if (number < 1 || number > MAX_NUMBER)
    return g_strdup_printf ("%d", number);

  s = g_string_new (NULL);
  if (h > 0)
    g_string_append_printf (s, "%s百", cn_digits[h]);
  if (t > 0)
    {
      if (h > 0 || t > 1)
        g_string_append (s, cn_digits[t]);
      g_string_append (s, "十");
    }
  else if (h > 0 && u > 0)
    g_string_append (s, "零");
  if (u > 0)
    g_string_append (s, cn_digits[u]);
  return g_string_free (s, FALSE);
}

int
anpai_numbering_cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: case 0x96F6: return 0;  /* 〇 零 */
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    case 0x5341: return 10;  /* 十 */
    case 0x767E: return 100; /* 百 */
    default: return -1;
    }
}

int
anpai_numbering_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

/* Reads a numeral and accepts it only if it is written the standard way
 * (二十一, not 二一), so that a word starting with 一 is not a number. */
static int
read_cn (const char **p)
{
  const char *start = *p;
  g_autofree char *written = NULL;
  g_autofree char *canonical = NULL;
  int total = 0, digit = -1, n = 0;
  int v;

  while ((v = anpai_numbering_cn_digit (g_utf8_get_char (*p))) >= 0 && n < 8)
    {
      if (v >= 10)
        {
          total += (digit < 0 ? 1 : digit) * v;
          digit = -1;
        }
      else
        digit = v > 0 ? v : -1;
      *p = g_utf8_next_char (*p);
      n++;
    }
  if (digit > 0)
    total += digit;
  if (n == 0 || total < 1 || total > MAX_NUMBER)
    return 0;
  written = g_strndup (start, *p - start);
  canonical = anpai_numbering_cn_numeral (total);
  return g_str_equal (written, canonical) ? total : 0;
}

static int
read_digits (const char **p)
{
  int v = 0, n = 0;

  while (**p >= '0' && **p <= '9' && n < 4)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || (n > 1 && *(*p - n) == '0') || v > MAX_NUMBER)
    return 0;
  return v;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0;
}

static gunichar
circled (int number)
{
  if (number >= 1 && number <= 20)
    return 0x2460 + number - 1;
  if (number >= 21 && number <= 35)
    return 0x3251 + number - 21;
  if (number >= 36 && number <= 50)
    return 0x32B1 + number - 36;
  return 0;
}

int
anpai_numbering_circled_value (gunichar c)
{
  if (c >= 0x2460 && c <= 0x2473)
    return (int) (c - 0x2460) + 1;
  if (c >= 0x3251 && c <= 0x325F)
    return (int) (c - 0x3251) + 21;
  if (c >= 0x32B1 && c <= 0x32BF)
    return (int) (c - 0x32B1) + 36;
  return 0;
}

/* The label for @number in @style; "" for NONE and KEEP. */
char *
anpai_numbering_format (AnpaiNumberStyle style,
                        int              number)
{
  g_autofree char *cn = NULL;

  switch (style)
    {
    case ANPAI_NUMBER_STYLE_CN:
      cn = anpai_numbering_cn_numeral (number);
      return g_strconcat (cn, "、", NULL);
    case ANPAI_NUMBER_STYLE_CN_PAREN_FULL:
      cn = anpai_numbering_cn_numeral (number);
      return g_strconcat ("（", cn, "）", NULL);
    case ANPAI_NUMBER_STYLE_CN_PAREN:
      cn = anpai_numbering_cn_numeral (number);
      return g_strconcat ("(", cn, ")", NULL);
    case ANPAI_NUMBER_STYLE_ARABIC_DOT:
      return g_strdup_printf ("%d.", number);
    case ANPAI_NUMBER_STYLE_ARABIC_COMMA:
      return g_strdup_printf ("%d、", number);
    case ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP:
      return g_strdup_printf ("%d．", number);
    case ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL:
      return g_strdup_printf ("（%d）", number);
    case ANPAI_NUMBER_STYLE_ARABIC_PAREN:
      return g_strdup_printf ("(%d)", number);
    case ANPAI_NUMBER_STYLE_CIRCLED:
      {
        char buf[8] = { 0 };
        gunichar c = circled (number);

        /* Fonts and documents stop at ㊿. */
        if (c == 0)
          return g_strdup_printf ("（%d）", number);
        g_unichar_to_utf8 (c, buf);
        return g_strdup (buf);
      }
    case ANPAI_NUMBER_STYLE_BARE:
      return g_strdup_printf ("%d", number);
    case ANPAI_NUMBER_STYLE_CN_SHI:
      cn = anpai_numbering_cn_numeral (number);
      return g_strconcat (cn, "是", NULL);
    case ANPAI_NUMBER_STYLE_NONE:
    case ANPAI_NUMBER_STYLE_KEEP:
    default:
      return g_strdup ("");
    }
}

/* Recognises a whole label (spaces around it ignored). FALSE for "" and for
 * anything that is not one of the styles, e.g. "第一部分" or "附件1". */
gboolean
anpai_numbering_parse (const char       *label,
                       AnpaiNumberStyle *style,
                       int              *number)
{
  const char *p;
  const char *end;
  AnpaiNumberStyle s;
  gunichar c;
  int value;

  g_return_val_if_fail (style != NULL && number != NULL, FALSE);

  *style = ANPAI_NUMBER_STYLE_NONE;
  *number = 0;
  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    return FALSE;

  p = label;
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = p + strlen (p);
  while (end > p)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (end == p)
    return FALSE;

  c = g_utf8_get_char (p);
  if (c == '(' || c == 0xFF08)
    {
      gboolean full = c == 0xFF08;
      gunichar close;

      p = g_utf8_next_char (p);
      if ((value = read_cn (&p)) > 0)
        s = full ? ANPAI_NUMBER_STYLE_CN_PAREN_FULL : ANPAI_NUMBER_STYLE_CN_PAREN;
      else if ((value = read_digits (&p)) > 0)
        s = full ? ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL : ANPAI_NUMBER_STYLE_ARABIC_PAREN;
      else
        return FALSE;
      close = g_utf8_get_char (p);
      if (close != ')' && close != 0xFF09)
        return FALSE;
      p = g_utf8_next_char (p);
      /* "（一）、" is seen now and then; it is the same style */
      if (p < end && g_utf8_get_char (p) == 0x3001)
        p = g_utf8_next_char (p);
    }
  else if ((value = anpai_numbering_circled_value (c)) > 0)
    {
      s = ANPAI_NUMBER_STYLE_CIRCLED;
      p = g_utf8_next_char (p);
    }
  else if ((value = read_cn (&p)) > 0)
    {
      gunichar next = g_utf8_get_char (p);

      if (next == 0x662F /* 是 */)
        s = ANPAI_NUMBER_STYLE_CN_SHI;
      else if (next == 0x3001 || next == '.' || next == 0xFF0E)
        s = ANPAI_NUMBER_STYLE_CN;
      else
        return FALSE;
      p = g_utf8_next_char (p);
    }
  else if ((value = read_digits (&p)) > 0)
    {
      gunichar next = p < end ? g_utf8_get_char (p) : 0;

      switch (next)
        {
        case 0: s = ANPAI_NUMBER_STYLE_BARE; break;
        case '.': s = ANPAI_NUMBER_STYLE_ARABIC_DOT; break;
        case 0x3001: s = ANPAI_NUMBER_STYLE_ARABIC_COMMA; break;
        case 0xFF0E: s = ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP; break;
        default: return FALSE;
        }
      if (next != 0)
        p = g_utf8_next_char (p);
    }
  else
    return FALSE;

  if (p != end)
    return FALSE;
  *style = s;
  *number = value;
  return TRUE;
}

/*
 * A plan's numbering
 */

static int
kind_index (AnpaiNodeKind kind)
{
  return kind == ANPAI_NODE_KIND_SECTION ? 0 : 1;
}

static int
clamp_depth (int depth)
{
  return CLAMP (depth, 0, ANPAI_NUMBERING_MAX_DEPTH - 1);
}

/* Every level unknown: it follows the defaults 一、 / 1. at the top. */
AnpaiNumbering *
anpai_numbering_new (void)
{
  return g_new0 (AnpaiNumbering, 1);
}

void
anpai_numbering_free (AnpaiNumbering *self)
{
  g_free (self);
}

static AnpaiNumberStyle
next_rank (AnpaiNumberStyle above,
           int              depth)
{
  static const AnpaiNumberStyle by_depth[] = {
    ANPAI_NUMBER_STYLE_CN, ANPAI_NUMBER_STYLE_CN_PAREN_FULL, ANPAI_NUMBER_STYLE_ARABIC_DOT,
    ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL, ANPAI_NUMBER_STYLE_CIRCLED,
  };

  switch (above)
    {
    case ANPAI_NUMBER_STYLE_CN:
      return ANPAI_NUMBER_STYLE_CN_PAREN_FULL;
    case ANPAI_NUMBER_STYLE_CN_PAREN_FULL:
    case ANPAI_NUMBER_STYLE_CN_PAREN:
    case ANPAI_NUMBER_STYLE_CN_SHI:
      return ANPAI_NUMBER_STYLE_ARABIC_DOT;
    case ANPAI_NUMBER_STYLE_ARABIC_DOT:
    case ANPAI_NUMBER_STYLE_ARABIC_COMMA:
    case ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP:
    case ANPAI_NUMBER_STYLE_BARE:
      return ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL;
    case ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL:
    case ANPAI_NUMBER_STYLE_ARABIC_PAREN:
      return ANPAI_NUMBER_STYLE_CIRCLED;
    case ANPAI_NUMBER_STYLE_CIRCLED:
      return ANPAI_NUMBER_STYLE_BARE;
    case ANPAI_NUMBER_STYLE_NONE:
    case ANPAI_NUMBER_STYLE_KEEP:
    default:
      return depth < (int) G_N_ELEMENTS (by_depth) ? by_depth[depth] : ANPAI_NUMBER_STYLE_BARE;
    }
}

/* The style a node of @kind at @depth gets: what was detected or set for
 * it; else what the other kind at that depth uses; else the rank after the
 * level above (its sections first: tasks usually sit under sections). */
AnpaiNumberStyle
anpai_numbering_get_style (AnpaiNumbering *self,
                           int             depth,
                           AnpaiNodeKind   kind)
{
  Level *level;
  Level *other;
  AnpaiNumberStyle above;

  g_return_val_if_fail (self != NULL, ANPAI_NUMBER_STYLE_NONE);

  if (kind == ANPAI_NODE_KIND_TEXT)
    return ANPAI_NUMBER_STYLE_NONE;
  depth = clamp_depth (depth);
  level = &self->levels[depth][kind_index (kind)];
  other = &self->levels[depth][1 - kind_index (kind)];
  if (level->known)
    return level->style;
  if (other->known)
    return other->style;
  if (depth == 0)
    return kind == ANPAI_NODE_KIND_SECTION ? ANPAI_NUMBER_STYLE_CN : ANPAI_NUMBER_STYLE_ARABIC_DOT;

  if (self->levels[depth - 1][0].known)
    above = self->levels[depth - 1][0].style;
  else if (self->levels[depth - 1][1].known)
    above = self->levels[depth - 1][1].style;
  else
    above = anpai_numbering_get_style (self, depth - 1, ANPAI_NODE_KIND_SECTION);
  return next_rank (above, depth);
}

gboolean
anpai_numbering_get_run_on (AnpaiNumbering *self,
                            int             depth,
                            AnpaiNodeKind   kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (kind == ANPAI_NODE_KIND_TEXT)
    return FALSE;
  return self->levels[clamp_depth (depth)][kind_index (kind)].run_on;
}

void
anpai_numbering_set_run_on (AnpaiNumbering *self,
                            int             depth,
                            AnpaiNodeKind   kind,
                            gboolean        run_on)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != ANPAI_NODE_KIND_TEXT);

  self->levels[clamp_depth (depth)][kind_index (kind)].run_on = !!run_on;
}

typedef struct {
  guint  counts[N_STYLES];
  guint  n_nodes;
  guint  n_labelled;
  /* run-on evidence, over labels in the level's style */
  int    group_parent;
  int    last_number;
  guint  continued;  /* a later parent's first number follows the one before */
  guint  restarted;  /* a later parent's first number is 1 */
} Tally;

/* Reads the numbering @items are written in. A level where most labels are
 * not in a known style keeps its labels (KEEP); a level of two or more
 * nodes with no labels at all stays unnumbered (NONE), as imported tables
 * often are; a level with nothing to go by follows the level above. */
AnpaiNumbering *
anpai_numbering_detect (const AnpaiNumberingItem *items,
                        guint                     n_items)
{
  AnpaiNumbering *self = anpai_numbering_new ();
  Tally tally[ANPAI_NUMBERING_MAX_DEPTH][N_KINDS];
  g_autofree AnpaiNumberStyle *styles = g_new (AnpaiNumberStyle, MAX (n_items, 1));
  g_autofree int *numbers = g_new (int, MAX (n_items, 1));

  g_return_val_if_fail (items != NULL || n_items == 0, self);

  memset (tally, 0, sizeof tally);
  for (guint i = 0; i < n_items; i++)
    {
      const AnpaiNumberingItem *item = &items[i];
      const char *label = item->label != NULL ? item->label : "";
      Tally *t;

      styles[i] = ANPAI_NUMBER_STYLE_NONE;
      numbers[i] = 0;
      if (item->kind == ANPAI_NODE_KIND_TEXT)
        continue;
      t = &tally[clamp_depth (item->depth)][kind_index (item->kind)];
      t->n_nodes++;
      if (*label == '\0')
        continue;
      t->n_labelled++;
      if (!anpai_numbering_parse (label, &styles[i], &numbers[i]))
        styles[i] = ANPAI_NUMBER_STYLE_KEEP;
      t->counts[styles[i]]++;
    }

  for (int d = 0; d < ANPAI_NUMBERING_MAX_DEPTH; d++)
    for (int k = 0; k < N_KINDS; k++)
      {
        Tally *t = &tally[d][k];
        Level *level = &self->levels[d][k];

        t->group_parent = G_MININT;
        /* 一是 numbers a level only when every label there is written so:
         * among other labels it is a way of writing, and they are all kept
         * as written. Unlabelled nodes (new ones) are numbered on. */
        if (t->counts[ANPAI_NUMBER_STYLE_CN_SHI] != t->n_labelled)
          {
            t->counts[ANPAI_NUMBER_STYLE_KEEP] += t->counts[ANPAI_NUMBER_STYLE_CN_SHI];
            t->counts[ANPAI_NUMBER_STYLE_CN_SHI] = 0;
          }
        if (t->n_labelled > 0)
          {
            AnpaiNumberStyle best = ANPAI_NUMBER_STYLE_KEEP;

            for (int s = ANPAI_NUMBER_STYLE_KEEP; s < N_STYLES; s++)
              if (t->counts[s] > t->counts[best])
                best = s;
            level->style = best;
            level->known = TRUE;
          }
        else if (t->n_nodes >= 2)
          {
            level->style = ANPAI_NUMBER_STYLE_NONE;
            level->known = TRUE;
          }
      }

  /* Run-on: in outline order, the first number under each new parent
   * either starts again at 1 or follows the last one of the parent before. */
  for (guint i = 0; i < n_items; i++)
    {
      const AnpaiNumberingItem *item = &items[i];
      int d, k;
      Tally *t;

      if (item->kind == ANPAI_NODE_KIND_TEXT || numbers[i] == 0)
        continue;
      d = clamp_depth (item->depth);
      k = kind_index (item->kind);
      t = &tally[d][k];
      if (styles[i] != self->levels[d][k].style)
        continue;
      if (t->group_parent != item->parent && t->group_parent != G_MININT)
        {
          /* after an edit the numbers may have gaps: only going on
           * upwards matters */
          if (numbers[i] == 1)
            t->restarted++;
          else if (numbers[i] > t->last_number)
            t->continued++;
        }
      t->group_parent = item->parent;
      t->last_number = numbers[i];
    }
  for (int d = 0; d < ANPAI_NUMBERING_MAX_DEPTH; d++)
    for (int k = 0; k < N_KINDS; k++)
      self->levels[d][k].run_on = tally[d][k].continued > tally[d][k].restarted;

  return self;
}

/* (transfer full): the label of each of @items (a NULL-terminated vector of
 * @n_items strings). Text nodes get "" and KEEP levels their own label.
 * The children of one parent form one sequence, in the style of the kind
 * most of them are (sections on a tie): a task outdented among （一）（二）
 * sections becomes （三）, not a second (一). A sequence counts from 1, or on
 * from the previous parent's when its level runs on. */
char **
anpai_numbering_apply (AnpaiNumbering           *self,
                       const AnpaiNumberingItem *items,
                       guint                     n_items)
{
  AnpaiNumberStyle styles[ANPAI_NUMBERING_MAX_DEPTH][N_KINDS];
  int run_on_count[ANPAI_NUMBERING_MAX_DEPTH][N_KINDS];
  g_autofree int *n_sections = NULL;  /* per parent index + 1 */
  g_autofree int *n_tasks = NULL;
  g_autofree int *counts = NULL;
  char **labels;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  for (int d = 0; d < ANPAI_NUMBERING_MAX_DEPTH; d++)
    {
      styles[d][0] = anpai_numbering_get_style (self, d, ANPAI_NODE_KIND_SECTION);
      styles[d][1] = anpai_numbering_get_style (self, d, ANPAI_NODE_KIND_TASK);
      run_on_count[d][0] = run_on_count[d][1] = 0;
    }

  n_sections = g_new0 (int, n_items + 1);
  n_tasks = g_new0 (int, n_items + 1);
  counts = g_new0 (int, n_items + 1);
  for (guint i = 0; i < n_items; i++)
    {
      int parent = CLAMP (items[i].parent, -1, (int) n_items - 1) + 1;

      if (items[i].kind == ANPAI_NODE_KIND_SECTION)
        n_sections[parent]++;
      else if (items[i].kind == ANPAI_NODE_KIND_TASK)
        n_tasks[parent]++;
    }

  labels = g_new0 (char *, n_items + 1);
  for (guint i = 0; i < n_items; i++)
    {
      const AnpaiNumberingItem *item = &items[i];
      int parent = CLAMP (item->parent, -1, (int) n_items - 1) + 1;
      int d = clamp_depth (item->depth);
      int k = n_sections[parent] >= n_tasks[parent] ? 0 : 1;
      AnpaiNumberStyle style = styles[d][k];
      int number;

      if (item->kind == ANPAI_NODE_KIND_TEXT || style == ANPAI_NUMBER_STYLE_NONE)
        {
          labels[i] = g_strdup ("");
          continue;
        }
      if (style == ANPAI_NUMBER_STYLE_KEEP)
        {
          labels[i] = g_strdup (item->label != NULL ? item->label : "");
          continue;
        }

      if (self->levels[d][k].run_on)
        number = ++run_on_count[d][k];
      else
        number = ++counts[parent];
      labels[i] = anpai_numbering_format (style, number);
    }
  return labels;
}
