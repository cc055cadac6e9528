/* anpai-import-outline.c — numbering, levels and the task level
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-import-parse-private.h"
#include "anpai-numbering.h"
#include "anpai-time-spec.h"

/*
 * Labels
 */

static gboolean
is_label_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0;
}

/* 一 … 九十九, 一百零一: the value, or 0 when @p holds no numeral. */
static int
read_cn_numeral (const char **p)
{
  int total = 0, digit = -1, n = 0;

  for (; n < 6; n++)
    {
      int v = anpai_numbering_cn_digit (g_utf8_get_char (*p));

      if (v < 0)
        break;
      if (v >= 10)
        {
          total += (digit < 0 ? 1 : MAX (digit, 1)) * v;
          digit = -1;
        }
      else
        digit = v;
      *p = g_utf8_next_char (*p);
    }
  if (digit > 0)
    total += digit;
  return n > 0 ? total : 0;
}

static int
read_digits (const char **p,
             int         *n_digits)
{
  int v = 0;

  *n_digits = 0;
  for (;;)
    {
      int d = anpai_numbering_digit_value (g_utf8_get_char (*p));

      if (d < 0)
        break;
      v = v * 10 + d;
      if (++*n_digits > 3)
        return 0;
      *p = g_utf8_next_char (*p);
    }
  return v;
}

/* After a bare number these make a quantity or a date, not an item:
 * "2023年", "3名", "30家". */
static gboolean
is_measure_char (gunichar c)
{
  static const char measures[] =
    "年月日号时分秒个项名次件期万千百亿元岁人户家座倍批类天周届辆套台篇份米吨亩余多";

  for (const char *p = measures; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_close_paren (gunichar c)
{
  return c == ')' || c == 0xFF09 || c == 0x3015 /* 〕 */;
}

static void
skip_label_spaces (const char **p)
{
  while (is_label_space (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
}

/* Reads the numbering at the start of @text: 一、 (一) 1. 1、 1． "2全面" (1) ①
 * 一是. FALSE when @text does not start with one. */
gboolean
anpai_parse_label (const char *text,
                   AnpaiLabel *label)
{
  const char *p = text;
  gunichar c = g_utf8_get_char (p);
  int n_digits, value;

  memset (label, 0, sizeof *label);

  if (c == '(' || c == 0xFF08 || c == 0x3014 /* 〔 */)
    {
      p = g_utf8_next_char (p);
      skip_label_spaces (&p);
      if ((value = read_cn_numeral (&p)) > 0)
        label->style = ANPAI_LABEL_CN_PAREN;
      else if ((value = read_digits (&p, &n_digits)) > 0)
        label->style = ANPAI_LABEL_ARABIC_PAREN;
      else
        return FALSE;
      skip_label_spaces (&p);
      if (!is_close_paren (g_utf8_get_char (p)))
        return FALSE;
      p = g_utf8_next_char (p);
      if (g_utf8_get_char (p) == 0x3001 /* 、 */)
        p = g_utf8_next_char (p);
    }
  else if (c >= 0x3220 && c <= 0x3229)  /* ㈠ … ㈩ */
    {
      value = (int) (c - 0x3220) + 1;
      label->style = ANPAI_LABEL_CN_PAREN;
      p = g_utf8_next_char (p);
    }
  else if (c >= 0x2474 && c <= 0x2487)  /* ⑴ … ⒇ */
    {
      value = (int) (c - 0x2474) + 1;
      label->style = ANPAI_LABEL_ARABIC_PAREN;
      p = g_utf8_next_char (p);
    }
  else if (c >= 0x2488 && c <= 0x249B)  /* ⒈ … ⒛ */
    {
      value = (int) (c - 0x2488) + 1;
      label->style = ANPAI_LABEL_ARABIC;
      p = g_utf8_next_char (p);
    }
  else if ((value = anpai_numbering_circled_value (c)) > 0)  /* ① … ㊿ */
    {
      label->style = ANPAI_LABEL_CIRCLED;
      p = g_utf8_next_char (p);
    }
  else if ((value = read_cn_numeral (&p)) > 0)
    {
      gunichar next = g_utf8_get_char (p);

      if (next == 0x3001 /* 、 */ || next == 0xFF0E /* ． */ || next == '.')
        label->style = ANPAI_LABEL_CN;
      else if (next == 0x662F /* 是 */)
        {
          label->style = ANPAI_LABEL_CN_SHI;
          label->weak = TRUE;
        }
      else
        return FALSE;
      p = g_utf8_next_char (p);
    }
  else if ((value = read_digits (&p, &n_digits)) > 0)
    {
      gunichar next = g_utf8_get_char (p);

      if (next == '.' || next == 0xFF0E || next == 0x3001)
        {
          const char *after = g_utf8_next_char (p);

          if (anpai_numbering_digit_value (g_utf8_get_char (after)) >= 0)
            return FALSE;  /* 2.5亿元 */
          label->style = ANPAI_LABEL_ARABIC;
          p = after;
        }
      else if (next == ')' || next == 0xFF09)
        {
          label->style = ANPAI_LABEL_ARABIC_PAREN;
          p = g_utf8_next_char (p);
        }
      else
        {
          /* a number directly before the text: seed 001's "2全面实行" */
          const char *q = p;

          skip_label_spaces (&q);
          next = g_utf8_get_char (q);
          if (!anpai_parse_is_han (next) || is_measure_char (next))
            return FALSE;
          label->style = ANPAI_LABEL_ARABIC;
          label->weak = TRUE;
        }
    }
  else
    return FALSE;

  if (value <= 0 || value > 999)
    return FALSE;
  skip_label_spaces (&p);
  label->number = value;
  label->length = p - text;
  return TRUE;
}

/*
 * Lines that are not outline items
 */

static const char * const unit_labels[] = {
  "责任单位", "牵头单位", "配合单位", "责任部门", "牵头部门", "配合部门", "协办单位",
  "协助单位", "参与单位", "主办单位", "承办单位", "责任主体", "主责单位", "负责单位",
  "落实单位", "实施单位", "参加单位", NULL
};

static const char * const time_labels[] = {
  "时间要求", "完成时限", "完成时间", "时限要求", "时间节点", "进度要求", "完成期限",
  "时间安排", "进度安排", NULL
};

static const char *
skip_open_bracket (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  if (c == '(' || c == 0xFF08 || c == 0x3014 || c == 0x3010 /* 【 */ || c == '[')
    return g_utf8_next_char (text);
  return text;
}

/* "责任单位:…" on a line of its own (seed 002). */
gboolean
anpai_parse_is_unit_line (const char *text)
{
  const char *p = skip_open_bracket (text);
  gsize after;
  gunichar next;

  if (!anpai_parse_has_prefix (p, unit_labels, &after))
    return FALSE;
  next = g_utf8_get_char (p + after);
  return next == ':' || next == 0xFF1A || is_label_space (next);
}

/* "完成时限:2018年6月底前"; @value: where the requirement starts. */
gboolean
anpai_parse_is_time_line (const char *text,
                          gsize      *value)
{
  const char *p = skip_open_bracket (text);
  gsize after;
  gunichar next;

  if (!anpai_parse_has_prefix (p, time_labels, &after))
    return FALSE;
  next = g_utf8_get_char (p + after);
  if (next != ':' && next != 0xFF1A)
    return FALSE;
  if (value != NULL)
    *value = (p + after - text) + (next == ':' ? 1 : 3);
  return TRUE;
}

/* "附件", "附件1", "附件１", "附件:《…》主要任务分解表" */
gboolean
anpai_parse_is_annex_marker (const char *text)
{
  const char *p = text;
  gunichar c;

  if (!g_str_has_prefix (p, "附件"))
    return FALSE;
  p += strlen ("附件");
  while ((c = g_utf8_get_char (p)) != 0 &&
         (anpai_numbering_digit_value (c) >= 0 || anpai_numbering_cn_digit (c) > 0 ||
          is_label_space (c)))
    p = g_utf8_next_char (p);
  return c == 0 || c == ':' || c == 0xFF1A || c == 0x300A /* 《 */ || p > text + strlen ("附件");
}

/*
 * Entries: the body's lines as outline material
 */

typedef enum {
  ENTRY_ITEM,
  ENTRY_PARA,
  ENTRY_UNITS,
  ENTRY_TIME,
  ENTRY_RULE,
  ENTRY_ANNEX,
  ENTRY_TABLE,
} EntryKind;

typedef struct {
  EntryKind        kind;
  guint            line;
  AnpaiLabel       label;
  char            *label_text;      /* ITEM: as written */
  const char      *content;         /* ITEM, PARA: the text after the label */
  int              level;           /* ITEM */
  AnpaiUnitClause *clause;          /* ITEM: a clause in its text; UNITS: the line's */
  gboolean         units_follow;    /* a UNITS or TIME line comes before the next item */
  int              next_item_level; /* the level of the next item, -1 if none or a table first */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label_text);
  g_clear_pointer (&entry->clause, anpai_unit_clause_free);
}

typedef struct {
  int   last;
  gboolean parent_seen;
  char *last_label;
} StyleState;

typedef struct {
  AnpaiParser *parser;
  GArray      *entries;  /* of Entry */
  StyleState   styles[ANPAI_LABEL_N_STYLES];
  int          style_level[ANPAI_LABEL_N_STYLES];
  int          n_levels;
  int          task_level;
  int          n_items;
} Outline;

/* Does this label continue the numbering? A bare number or 一是 must (so
 * that "2023年" or a count is not taken for an item); a strong label always
 * counts, and a gap in it is worth a warning (12 then 14). */
static gboolean
accept_label (Outline          *outline,
              const AnpaiLabel *label,
              const char       *label_text)
{
  StyleState *state = &outline->styles[label->style];
  gboolean follows = label->number == state->last + 1 ||
                     (label->number == 1 && (state->last == 0 || state->parent_seen));

  if (label->weak && !follows && !(label->style == ANPAI_LABEL_CN_SHI && label->number == 1))
    return FALSE;

  if (!follows && label->number > state->last + 1 && state->last_label != NULL)
    anpai_parse_warn (outline->parser, _("The numbering skips from %s to %s."),
                      state->last_label, label_text);

  state->last = label->number;
  state->parent_seen = FALSE;
  g_free (state->last_label);
  state->last_label = g_strdup (label_text);
  for (int s = label->style + 1; s < ANPAI_LABEL_N_STYLES; s++)
    outline->styles[s].parent_seen = TRUE;
  return TRUE;
}

/* A rule about units names them somehow; this spares the clause module a
 * look at every paragraph. */
static gboolean
may_be_rule (const char *text)
{
  return strstr (text, "单位") != NULL || strstr (text, "牵头") != NULL ||
         strstr (text, "部门") != NULL || strstr (text, "下同") != NULL;
}

static void
add_text_entry (Outline    *outline,
                guint       index,
                AnpaiLine  *line)
{
  Entry entry = { 0 };
  AnpaiLabel label;
  const char *text = line->text;

  entry.kind = ENTRY_PARA;
  entry.line = index;
  entry.next_item_level = -1;
  entry.content = text;

  if (line->numbering != NULL && anpai_parse_label (line->numbering, &label))
    {
      label.weak = FALSE;
      entry.label_text = anpai_parse_strip (line->numbering, -1);
      if (accept_label (outline, &label, entry.label_text))
        {
          entry.kind = ENTRY_ITEM;
          entry.label = label;
        }
      else
        g_clear_pointer (&entry.label_text, g_free);
    }
  else if (anpai_parse_label (text, &label))
    {
      entry.label_text = anpai_parse_strip (text, label.length);
      if (accept_label (outline, &label, entry.label_text))
        {
          entry.kind = ENTRY_ITEM;
          entry.label = label;
          entry.content = text + label.length;
        }
      else
        g_clear_pointer (&entry.label_text, g_free);
    }

  if (entry.kind == ENTRY_ITEM)
    {
      entry.clause = anpai_parse_find_clause (entry.content);
      outline->n_items++;
    }
  else if (may_be_rule (text) && anpai_unit_clause_is_rule (text))
    entry.kind = ENTRY_RULE;  /* 列在首位的为牵头单位 */
  else if (anpai_parse_is_unit_line (text))
    {
      entry.kind = ENTRY_UNITS;
      entry.clause = anpai_unit_clause_parse (text);
    }
  else if (anpai_parse_is_time_line (text, NULL))
    entry.kind = ENTRY_TIME;
  else if (anpai_parse_is_annex_marker (text))
    entry.kind = ENTRY_ANNEX;

  g_array_append_val (outline->entries, entry);
}

static void
collect_entries (Outline *outline)
{
  AnpaiParser *parser = outline->parser;

  for (guint i = parser->body_start; i < parser->lines->len; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      Entry entry = { 0 };

      switch (line->kind)
        {
        case ANPAI_LINE_TEXT:
          add_text_entry (outline, i, line);
          break;

        case ANPAI_LINE_TABLE:
        case ANPAI_LINE_FLAT:
          /* a breakdown table once, at its first line (its title or label) */
          if (line->table >= 0 &&
              i != ((AnpaiTableInfo *) g_ptr_array_index (parser->tables, line->table))->first_line)
            break;
          if (line->table < 0 && line->kind == ANPAI_LINE_FLAT)
            break;
          entry.kind = ENTRY_TABLE;
          entry.line = i;
          entry.next_item_level = -1;
          g_array_append_val (outline->entries, entry);
          break;

        default:
          break;
        }
    }
}

/* Levels by the usual rank of the styles used: 一、 above (一) above 1. … */
static void
assign_levels (Outline *outline)
{
  gboolean used[ANPAI_LABEL_N_STYLES] = { FALSE };
  int next = -1;
  gboolean units_pending = FALSE;

  for (guint i = 0; i < outline->entries->len; i++)
    {
      Entry *entry = &g_array_index (outline->entries, Entry, i);

      if (entry->kind == ENTRY_ITEM)
        used[entry->label.style] = TRUE;
    }
  outline->n_levels = 0;
  for (int s = 1; s < ANPAI_LABEL_N_STYLES; s++)
    outline->style_level[s] = used[s] ? outline->n_levels++ : -1;

  /* backwards: what follows each entry before the next item */
  for (guint i = outline->entries->len; i-- > 0; )
    {
      Entry *entry = &g_array_index (outline->entries, Entry, i);

      entry->next_item_level = next;
      entry->units_follow = units_pending;
      switch (entry->kind)
        {
        case ENTRY_ITEM:
          entry->level = outline->style_level[entry->label.style];
          next = entry->level;
          units_pending = FALSE;
          break;
        case ENTRY_UNITS:
        case ENTRY_TIME:
          units_pending = TRUE;
          break;
        case ENTRY_TABLE:
        case ENTRY_ANNEX:
          next = -1;
          units_pending = FALSE;
          break;
        default:
          break;
        }
    }
}

/* The level that carries unit clauses is the task level; with no units
 * anywhere (an indicator system, seed 003; or seed 000 before its annex),
 * the deepest level that is not a stray. */
static void
choose_task_level (Outline *outline)
{
  g_autofree int *with_units = g_new0 (int, outline->n_levels + 1);
  g_autofree int *count = g_new0 (int, outline->n_levels + 1);
  g_autofree gboolean *strong = g_new0 (gboolean, outline->n_levels + 1);
  int best = -1, max_count = 0;
  gboolean any_strong = FALSE;

  for (guint i = 0; i < outline->entries->len; i++)
    {
      Entry *entry = &g_array_index (outline->entries, Entry, i);

      if (entry->kind != ENTRY_ITEM)
        continue;
      count[entry->level]++;
      if (entry->label.style != ANPAI_LABEL_CN_SHI)
        strong[entry->level] = any_strong = TRUE;
      if (entry->clause != NULL || entry->units_follow)
        with_units[entry->level]++;
    }

  for (int l = 0; l < outline->n_levels; l++)
    if (with_units[l] > 0 && (best < 0 || with_units[l] >= with_units[best]))
      best = l;
  if (best < 0)
    {
      for (int l = 0; l < outline->n_levels; l++)
        if (!any_strong || strong[l])
          max_count = MAX (max_count, count[l]);
      for (int l = 0; l < outline->n_levels; l++)
        if ((!any_strong || strong[l]) && count[l] > 0 && count[l] * 4 >= max_count)
          best = l;
    }
  outline->task_level = MAX (best, 0);
}

/*
 * The tree
 */

typedef struct {
  AnpaiImportNode *node;
  int              level;
} Open;

typedef struct {
  Outline         *outline;
  AnpaiImportNode *root;
  GArray          *stack;  /* of Open: sections and tasks */
  gboolean         in_annex;
} Builder;

static AnpaiImportNode *
top (Builder *builder)
{
  if (builder->stack->len == 0)
    return builder->root;
  return g_array_index (builder->stack, Open, builder->stack->len - 1).node;
}

static AnpaiImportNode *
innermost_task (Builder *builder)
{
  for (guint i = builder->stack->len; i-- > 0; )
    {
      AnpaiImportNode *node = g_array_index (builder->stack, Open, i).node;

      if (node->kind == ANPAI_NODE_KIND_TASK)
        return node;
    }
  return NULL;
}

static void
pop_tasks (Builder *builder)
{
  while (builder->stack->len > 0 &&
         g_array_index (builder->stack, Open, builder->stack->len - 1).node->kind ==
           ANPAI_NODE_KIND_TASK)
    g_array_set_size (builder->stack, builder->stack->len - 1);
}

static void
push (Builder         *builder,
      AnpaiImportNode *node,
      int              level)
{
  Open open = { node, level };

  g_array_append_val (builder->stack, open);
}

static AnpaiImportNode *
text_node (AnpaiLine  *line,
           const char *label,
           const char *text)
{
  AnpaiImportNode *node = anpai_import_node_new (ANPAI_NODE_KIND_TEXT, label, "");

  anpai_parse_node_set_text (node, text);
  node->source_start = line->start;
  node->source_end = line->end;
  return node;
}

/* One sentence, short: a heading ("(一)普遍建立法律顾问制度。"), as opposed to
 * a numbered paragraph that says its piece on its own line. */
static gboolean
is_heading_only (AnpaiImportNode *node)
{
  return *node->body == '\0' && g_utf8_strlen (node->title, 200) <= 40;
}

static void
add_item (Builder *builder,
          Entry   *entry,
          guint    index)
{
  Outline *outline = builder->outline;
  AnpaiLine *line = ANPAI_PARSER_LINE (outline->parser, entry->line);
  g_autofree char *text = anpai_parse_cut_clause (entry->content, entry->clause);
  AnpaiImportNode *node, *parent;
  AnpaiNodeKind kind;

  while (builder->stack->len > 0 &&
         g_array_index (builder->stack, Open, builder->stack->len - 1).level >= entry->level)
    g_array_set_size (builder->stack, builder->stack->len - 1);
  parent = top (builder);

  node = anpai_import_node_new (ANPAI_NODE_KIND_TEXT, entry->label_text, "");
  anpai_parse_node_set_text (node, text);
  node->source_start = line->start;
  node->source_end = line->end;

  if (entry->level == outline->task_level)
    kind = ANPAI_NODE_KIND_TASK;
  else if (entry->level > outline->task_level)
    kind = ANPAI_NODE_KIND_TEXT;
  else
    {
      Entry *next = index + 1 < outline->entries->len
                    ? &g_array_index (outline->entries, Entry, index + 1) : NULL;

      /* narrative above the task level: a heading with something under it
       * is a section, a numbered paragraph on its own line is text */
      if (next != NULL && next->kind == ENTRY_TABLE)
        kind = ANPAI_NODE_KIND_SECTION;
      else if (entry->next_item_level > entry->level)
        kind = ANPAI_NODE_KIND_SECTION;
      else if (next != NULL && next->kind == ENTRY_PARA && is_heading_only (node))
        kind = ANPAI_NODE_KIND_SECTION;
      else
        kind = ANPAI_NODE_KIND_TEXT;
    }
  node->kind = kind;
  if (entry->clause != NULL && kind != ANPAI_NODE_KIND_TEXT)
    anpai_parse_node_add_units (node, entry->clause, ANPAI_UNITS_AS_WRITTEN);

  anpai_import_node_append (parent, node);
  if (kind != ANPAI_NODE_KIND_TEXT)
    push (builder, node, entry->level);
}

static void
add_para (Builder *builder,
          Entry   *entry)
{
  AnpaiLine *line = ANPAI_PARSER_LINE (builder->outline->parser, entry->line);
  AnpaiImportNode *task = top (builder);

  if (task->kind == ANPAI_NODE_KIND_TASK && (entry->units_follow || is_heading_only (task)))
    {
      /* the task goes on: its body, maybe with its units at the end */
      g_autoptr(AnpaiUnitClause) clause = NULL;
      g_autofree char *text = NULL;

      if (task->lead == NULL && task->co->len == 0)
        clause = anpai_parse_find_clause (entry->content);
      text = anpai_parse_cut_clause (entry->content, clause);
      anpai_parse_node_append_text (task, text);
      if (clause != NULL)
        anpai_parse_node_add_units (task, clause, ANPAI_UNITS_AS_WRITTEN);
      task->source_end = MAX (task->source_end, line->end);
      return;
    }
  pop_tasks (builder);
  anpai_import_node_append (top (builder), text_node (line, "", entry->content));
}

static AnpaiImportNode *
owner (Builder *builder)
{
  AnpaiImportNode *task = innermost_task (builder);

  return task != NULL ? task : builder->stack->len > 0 ? top (builder) : NULL;
}

static void
add_units (Builder *builder,
           Entry   *entry)
{
  AnpaiLine *line = ANPAI_PARSER_LINE (builder->outline->parser, entry->line);
  AnpaiImportNode *node = owner (builder);

  if (node == NULL)
    {
      anpai_import_node_append (builder->root, text_node (line, "", line->text));
      return;
    }
  if (entry->clause != NULL)
    anpai_parse_node_add_units (node, entry->clause, ANPAI_UNITS_AS_WRITTEN);
  node->source_end = MAX (node->source_end, line->end);
}

static void
add_time (Builder *builder,
          Entry   *entry)
{
  AnpaiParser *parser = builder->outline->parser;
  AnpaiLine *line = ANPAI_PARSER_LINE (parser, entry->line);
  AnpaiImportNode *node = owner (builder);
  gsize value = 0;

  if (node == NULL)
    {
      anpai_import_node_append (builder->root, text_node (line, "", line->text));
      return;
    }
  anpai_parse_is_time_line (line->text, &value);
  if (node->time->source == ANPAI_TIME_SOURCE_NONE && value <= strlen (line->text))
    {
      g_autofree char *head = anpai_parse_head (line->text + value, ANPAI_PARSE_MAX_TIME);
      g_autofree char *raw = anpai_parse_strip (head, -1);

      anpai_time_spec_free (node->time);
      node->time = anpai_time_spec_parse (raw, ANPAI_PARSER_START (parser),
                                          ANPAI_PARSER_END (parser));
      node->time->source = ANPAI_TIME_SOURCE_TEXT;
    }
  node->source_end = MAX (node->source_end, line->end);
}

/* A table that is not a breakdown table: kept as one text node. */
static AnpaiImportNode *
plain_table_node (AnpaiLine *line)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GPtrArray *rows = line->block->rows;
  AnpaiImportNode *node = anpai_import_node_new (ANPAI_NODE_KIND_TEXT, "", "");

  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      for (guint c = 0; cells != NULL && cells[c] != NULL; c++)
        {
          g_autofree char *cell = anpai_parse_strip (cells[c], -1);

          g_strdelimit (cell, "\n", ' ');
          if (c > 0)
            g_string_append (body, " | ");
          g_string_append (body, cell);
        }
    }
  g_free (node->body);
  node->body = g_string_free (g_steal_pointer (&body), FALSE);
  node->source_start = line->start;
  node->source_end = line->end;
  return node;
}

/* "附件1:《…》任务分解表" before a table: its label, and its title when the
 * table has none. */
static void
label_table (AnpaiTableInfo *table,
             const char     *marker)
{
  const char *p = marker;
  gsize len;

  while (*p != '\0' && *p != ':' && !g_str_has_prefix (p, "：") && !g_str_has_prefix (p, "《"))
    p = g_utf8_next_char (p);
  len = p - marker;
  g_free (table->label);
  table->label = anpai_parse_strip (marker, len);
  if (*p == ':')
    p++;
  else if (g_str_has_prefix (p, "："))
    p += strlen ("：");
  if (*table->title == '\0')
    {
      g_free (table->title);
      table->title = anpai_parse_strip (p, -1);
    }
}

static void
add_table (Builder *builder,
           Entry   *entry,
           Entry   *annex)
{
  AnpaiParser *parser = builder->outline->parser;
  AnpaiLine *line = ANPAI_PARSER_LINE (parser, entry->line);
  AnpaiTableInfo *table;
  AnpaiImportNode *node;

  if (line->table < 0)
    {
      pop_tasks (builder);
      anpai_import_node_append (top (builder), plain_table_node (line));
      return;
    }
  table = g_ptr_array_index (parser->tables, line->table);
  if (annex != NULL && *table->label == '\0')
    label_table (table, ANPAI_PARSER_LINE (parser, annex->line)->text);
  node = anpai_parse_table_build (parser, table);
  if (*table->label != '\0' || builder->in_annex)
    g_array_set_size (builder->stack, 0);
  else
    pop_tasks (builder);
  anpai_import_node_append (top (builder), node);
}

static gboolean
table_takes_label (AnpaiParser *parser,
                   Entry       *entry)
{
  AnpaiLine *line = ANPAI_PARSER_LINE (parser, entry->line);

  return line->table >= 0 &&
         *((AnpaiTableInfo *) g_ptr_array_index (parser->tables, line->table))->label == '\0';
}

static void
build_tree (Outline *outline)
{
  AnpaiParser *parser = outline->parser;
  Builder builder = { outline, parser->plan->root, g_array_new (FALSE, FALSE, sizeof (Open)), FALSE };

  for (guint i = 0; i < outline->entries->len; i++)
    {
      Entry *entry = &g_array_index (outline->entries, Entry, i);
      Entry *next = i + 1 < outline->entries->len
                    ? &g_array_index (outline->entries, Entry, i + 1) : NULL;
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, entry->line);

      switch (entry->kind)
        {
        case ENTRY_ITEM:
          add_item (&builder, entry, i);
          break;
        case ENTRY_PARA:
          add_para (&builder, entry);
          break;
        case ENTRY_UNITS:
          add_units (&builder, entry);
          break;
        case ENTRY_TIME:
          add_time (&builder, entry);
          break;
        case ENTRY_RULE:
          pop_tasks (&builder);
          anpai_import_node_append (top (&builder), text_node (line, "", line->text));
          break;
        case ENTRY_ANNEX:
          /* an annex: the plan's outline has ended */
          g_array_set_size (builder.stack, 0);
          builder.in_annex = TRUE;
          if (next != NULL && next->kind == ENTRY_TABLE && table_takes_label (parser, next))
            {
              add_table (&builder, next, entry);
              i++;
            }
          else
            anpai_import_node_append (builder.root, text_node (line, "", line->text));
          break;
        case ENTRY_TABLE:
          add_table (&builder, entry, NULL);
          break;
        }
    }
  g_array_unref (builder.stack);
}

/* Builds the outline under the plan's root from the body's lines. FALSE when
 * there is nothing numbered and no breakdown table in it. */
gboolean
anpai_parse_outline (AnpaiParser *parser)
{
  Outline outline = { 0 };
  gboolean any_table = FALSE;

  outline.parser = parser;
  outline.entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (outline.entries, entry_clear);

  collect_entries (&outline);
  for (guint i = 0; i < outline.entries->len; i++)
    {
      Entry *entry = &g_array_index (outline.entries, Entry, i);

      if (entry->kind == ENTRY_TABLE && ANPAI_PARSER_LINE (parser, entry->line)->table >= 0)
        any_table = TRUE;
    }

  if (outline.n_items > 0 || any_table)
    {
      assign_levels (&outline);
      choose_task_level (&outline);
      build_tree (&outline);
    }

  for (int s = 0; s < ANPAI_LABEL_N_STYLES; s++)
    g_free (outline.styles[s].last_label);
  g_array_unref (outline.entries);
  return outline.n_items > 0 || any_table;
}
