/* anpai-import-table.c — breakdown tables (主要任务分解表), real and flattened
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

static const struct {
  const char  *name;
  AnpaiColumn  column;
} column_names[] = {
  { "序号", ANPAI_COLUMN_SEQ },
  { "编号", ANPAI_COLUMN_SEQ },
  { "工作内容", ANPAI_COLUMN_CONTENT },
  { "工作任务", ANPAI_COLUMN_CONTENT },
  { "重点任务", ANPAI_COLUMN_CONTENT },
  { "主要任务", ANPAI_COLUMN_CONTENT },
  { "任务内容", ANPAI_COLUMN_CONTENT },
  { "具体任务", ANPAI_COLUMN_CONTENT },
  { "工作措施", ANPAI_COLUMN_CONTENT },
  { "具体措施", ANPAI_COLUMN_CONTENT },
  { "重点工作", ANPAI_COLUMN_CONTENT },
  { "工作事项", ANPAI_COLUMN_CONTENT },
  { "任务事项", ANPAI_COLUMN_CONTENT },
  { "主要内容", ANPAI_COLUMN_CONTENT },
  { "目标任务", ANPAI_COLUMN_CONTENT },
  { "具体工作", ANPAI_COLUMN_CONTENT },
  { "任务名称", ANPAI_COLUMN_CONTENT },
  { "任务", ANPAI_COLUMN_CONTENT },
  { "事项", ANPAI_COLUMN_CONTENT },
  { "内容", ANPAI_COLUMN_CONTENT },
  { "时间要求", ANPAI_COLUMN_TIME },
  { "完成时限", ANPAI_COLUMN_TIME },
  { "完成时间", ANPAI_COLUMN_TIME },
  { "时间进度", ANPAI_COLUMN_TIME },
  { "时限要求", ANPAI_COLUMN_TIME },
  { "时限", ANPAI_COLUMN_TIME },
  { "时间节点", ANPAI_COLUMN_TIME },
  { "进度安排", ANPAI_COLUMN_TIME },
  { "完成期限", ANPAI_COLUMN_TIME },
  { "时间安排", ANPAI_COLUMN_TIME },
  { "牵头单位", ANPAI_COLUMN_LEAD },
  { "牵头部门", ANPAI_COLUMN_LEAD },
  { "主责单位", ANPAI_COLUMN_LEAD },
  { "牵头责任单位", ANPAI_COLUMN_LEAD },
  { "配合单位", ANPAI_COLUMN_SUPPORT },
  { "配合部门", ANPAI_COLUMN_SUPPORT },
  { "协办单位", ANPAI_COLUMN_SUPPORT },
  { "协助单位", ANPAI_COLUMN_SUPPORT },
  { "参与单位", ANPAI_COLUMN_SUPPORT },
  { "责任单位", ANPAI_COLUMN_RESP },
  { "责任部门", ANPAI_COLUMN_RESP },
  { "责任主体", ANPAI_COLUMN_RESP },
  { "备注", ANPAI_COLUMN_OTHER },
  { "责任领导", ANPAI_COLUMN_OTHER },
  { "分管领导", ANPAI_COLUMN_OTHER },
  { "预期成果", ANPAI_COLUMN_OTHER },
  { "工作目标", ANPAI_COLUMN_OTHER },
  { "目标", ANPAI_COLUMN_OTHER },
  { "类别", ANPAI_COLUMN_OTHER },
};

/* A header cell: "序 号", "时间要求:" and the like. */
static gboolean
column_of (const char  *cell,
           AnpaiColumn *column)
{
  g_autoptr(GString) bare = g_string_new (NULL);

  if (strlen (cell) > 64)
    return FALSE;
  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\n' || c == 0x3000 || c == 0x00A0 || c == ':' ||
          c == 0xFF1A)
        continue;
      g_string_append_unichar (bare, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    if (g_str_equal (bare->str, column_names[i].name))
      {
        *column = column_names[i].column;
        return TRUE;
      }
  return FALSE;
}

static gboolean
has_column (GArray      *columns,
            AnpaiColumn  column)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_array_index (columns, AnpaiColumn, i) == column)
      return TRUE;
  return FALSE;
}

/* Enough to be a breakdown table: what to do, and when or by whom. */
static gboolean
is_breakdown (GArray *columns)
{
  return has_column (columns, ANPAI_COLUMN_CONTENT) &&
         (has_column (columns, ANPAI_COLUMN_TIME) || has_column (columns, ANPAI_COLUMN_LEAD) ||
          has_column (columns, ANPAI_COLUMN_RESP) || has_column (columns, ANPAI_COLUMN_SUPPORT));
}

void
anpai_parse_table_info_free (AnpaiTableInfo *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->columns, g_array_unref);
  g_clear_pointer (&table->rows, g_array_unref);
  g_free (table->label);
  g_free (table->title);
  g_free (table);
}

static AnpaiTableInfo *
table_info_new (void)
{
  AnpaiTableInfo *table = g_new0 (AnpaiTableInfo, 1);

  table->columns = g_array_new (FALSE, FALSE, sizeof (AnpaiColumn));
  table->label = g_strdup ("");
  table->title = g_strdup ("");
  table->header_row = -1;
  return table;
}

/* "1", "12": a flattened table's row number. 0 if not one. */
static int
number_line (const char *text)
{
  int v = 0, n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int d = anpai_numbering_digit_value (g_utf8_get_char (p));

      if (d < 0)
        return 0;
      v = v * 10 + d;
      if (++n > 4)
        return 0;
    }
  return v;
}

/* "《…》主要任务分解表": the line just above a table's header. */
static gboolean
is_table_title (const char *text)
{
  AnpaiLabel label;

  if (*text == '\0' || g_utf8_strlen (text, 400) > 80 || anpai_parse_label (text, &label) ||
      g_str_has_suffix (text, "。"))
    return FALSE;
  return strstr (text, "表") != NULL || strstr (text, "清单") != NULL ||
         strstr (text, "分解") != NULL || strstr (text, "任务") != NULL ||
         strstr (text, "台账") != NULL;
}

static int
previous_text_line (AnpaiParser *parser,
                    guint        index,
                    guint        floor)
{
  while (index > floor)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, --index);

      if (line->kind == ANPAI_LINE_BLANK)
        continue;
      return line->kind == ANPAI_LINE_TEXT ? (int) index : -1;
    }
  return -1;
}

/* The title and the annex label above a table: taken into the table. */
static void
claim_title (AnpaiParser    *parser,
             AnpaiTableInfo *table,
             guint           above,
             guint           floor,
             int             index)
{
  int t = previous_text_line (parser, above, floor);
  int a;

  table->first_line = above;
  if (t >= 0 && is_table_title (ANPAI_PARSER_LINE (parser, t)->text) &&
      !anpai_parse_is_annex_marker (ANPAI_PARSER_LINE (parser, t)->text))
    {
      g_free (table->title);
      table->title = g_strdup (ANPAI_PARSER_LINE (parser, t)->text);
      table->first_line = t;
      a = previous_text_line (parser, t, floor);
    }
  else
    a = t;
  if (a >= 0 && anpai_parse_is_annex_marker (ANPAI_PARSER_LINE (parser, a)->text) &&
      g_utf8_strlen (ANPAI_PARSER_LINE (parser, a)->text, 100) <= 12)
    {
      g_free (table->label);
      table->label = anpai_parse_strip (ANPAI_PARSER_LINE (parser, a)->text, -1);
      table->first_line = a;
    }
  for (guint i = table->first_line; i < above; i++)
    if (ANPAI_PARSER_LINE (parser, i)->kind == ANPAI_LINE_TEXT)
      {
        ANPAI_PARSER_LINE (parser, i)->kind = ANPAI_LINE_FLAT;
        ANPAI_PARSER_LINE (parser, i)->table = index;
      }
}

/* Does this line end a flattened table's last row? */
static gboolean
ends_flat_table (const char *text)
{
  AnpaiLabel label;

  if (anpai_parse_label (text, &label) && !label.weak &&
      (label.style == ANPAI_LABEL_CN || label.style == ANPAI_LABEL_CN_PAREN))
    return TRUE;
  return anpai_parse_is_annex_marker (text) || g_str_has_prefix (text, "注:") ||
         g_str_has_prefix (text, "注：") || g_str_has_prefix (text, "说明:") ||
         g_str_has_prefix (text, "说明：") || g_str_has_prefix (text, "备注:") ||
         g_str_has_prefix (text, "备注：");
}

/* Seed 000's annex: the header cells one per line, then each record as its
 * number, its content, time, lead and support lines; the support may span
 * lines or be missing. Returns the line after the table. */
static guint
read_flat_rows (AnpaiParser    *parser,
                AnpaiTableInfo *table,
                guint           from)
{
  guint n = parser->lines->len, i = from, max_cells = table->columns->len + 6;
  int expected = 1;

  table->rows = g_array_new (FALSE, FALSE, sizeof (AnpaiFlatRow));
  while (i < n)
    {
      AnpaiFlatRow row;
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      int number;
      guint n_cells = 0;

      if (line->kind == ANPAI_LINE_BLANK)
        {
          i++;
          continue;
        }
      if (line->kind != ANPAI_LINE_TEXT || (number = number_line (line->text)) < expected ||
          number > expected + 3)
        break;
      row.seq_line = i;
      expected = number + 1;
      for (i++; i < n; i++)
        {
          AnpaiLine *cell = ANPAI_PARSER_LINE (parser, i);
          int next;

          if (cell->kind == ANPAI_LINE_BLANK)
            continue;
          if (cell->kind != ANPAI_LINE_TEXT || ends_flat_table (cell->text) || n_cells >= max_cells)
            break;
          next = number_line (cell->text);
          if (next >= expected && next <= expected + 3)
            break;
          n_cells++;
        }
      row.end = i;
      g_array_append_val (table->rows, row);
      for (guint j = row.seq_line; j < row.end; j++)
        if (ANPAI_PARSER_LINE (parser, j)->kind == ANPAI_LINE_TEXT)
          {
            ANPAI_PARSER_LINE (parser, j)->kind = ANPAI_LINE_FLAT;
            ANPAI_PARSER_LINE (parser, j)->table = (int) parser->tables->len;
          }
    }
  return i;
}

/* A run of header cells, one per line, starting at @i: the columns, and the
 * line after the run. */
static guint
read_flat_header (AnpaiParser *parser,
                  guint        i,
                  GArray      *columns)
{
  guint n = parser->lines->len;

  for (; i < n; i++)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      AnpaiColumn column;

      if (line->kind == ANPAI_LINE_BLANK)
        continue;
      if (line->kind != ANPAI_LINE_TEXT || !column_of (line->text, &column))
        break;
      g_array_append_val (columns, column);
    }
  return i;
}

static void
find_flat (AnpaiParser *parser,
           guint       *i)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (AnpaiColumn));
  AnpaiTableInfo *table;
  guint start = *i, after, end;
  AnpaiColumn first;

  after = read_flat_header (parser, start, columns);
  if (columns->len < 3 || !is_breakdown (columns) ||
      (first = g_array_index (columns, AnpaiColumn, 0)) != ANPAI_COLUMN_SEQ)
    {
      *i = MAX (after, start + 1);
      return;
    }

  table = table_info_new ();
  table->flat = TRUE;
  table->header_line = start;
  g_array_append_vals (table->columns, columns->data, columns->len);
  end = read_flat_rows (parser, table, after);
  if (table->rows->len == 0)
    {
      anpai_parse_table_info_free (table);
      *i = after;
      return;
    }
  table->last_line = end > 0 ? end - 1 : 0;
  for (guint j = start; j < after; j++)
    if (ANPAI_PARSER_LINE (parser, j)->kind == ANPAI_LINE_TEXT)
      {
        ANPAI_PARSER_LINE (parser, j)->kind = ANPAI_LINE_FLAT;
        ANPAI_PARSER_LINE (parser, j)->table = (int) parser->tables->len;
      }
  claim_title (parser, table, start, 0, (int) parser->tables->len);
  g_ptr_array_add (parser->tables, table);
  *i = end;
}

/* A real table's header row, within its first rows (a title row may come
 * first). */
static void
find_real (AnpaiParser *parser,
           guint        index,
           guint        floor)
{
  AnpaiLine *line = ANPAI_PARSER_LINE (parser, index);
  GPtrArray *rows = line->block->rows;
  AnpaiTableInfo *table;

  for (guint r = 0; rows != NULL && r < rows->len && r < 3; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (AnpaiColumn));

      for (guint c = 0; cells != NULL && cells[c] != NULL; c++)
        {
          AnpaiColumn column = ANPAI_COLUMN_OTHER;

          column_of (cells[c], &column);
          g_array_append_val (columns, column);
        }
      if (!is_breakdown (columns))
        continue;

      table = table_info_new ();
      table->header_row = (int) r;
      table->header_line = index;
      table->last_line = index;
      g_array_append_vals (table->columns, columns->data, columns->len);
      /* a title row above the header: one text, maybe repeated over merged cells */
      for (guint t = 0; t < r && *table->title == '\0'; t++)
        {
          char **title_cells = g_ptr_array_index (rows, t);

          for (guint c = 0; title_cells != NULL && title_cells[c] != NULL; c++)
            if (*title_cells[c] != '\0')
              {
                g_free (table->title);
                table->title = anpai_parse_strip (title_cells[c], -1);
                break;
              }
        }
      line->table = (int) parser->tables->len;
      claim_title (parser, table, index, floor, line->table);
      g_ptr_array_add (parser->tables, table);
      return;
    }
}

/* Finds the breakdown tables, real and flattened, and takes their lines out
 * of the text (before broken lines are joined: cells are not sentences). */
void
anpai_parse_tables_find (AnpaiParser *parser)
{
  guint i = 0, floor = 0;

  while (i < parser->lines->len)
    {
      AnpaiLine *line = ANPAI_PARSER_LINE (parser, i);
      AnpaiColumn column;

      if (line->kind == ANPAI_LINE_TABLE)
        {
          find_real (parser, i, floor);
          floor = ++i;
        }
      else if (line->kind == ANPAI_LINE_TEXT &&
               (g_str_has_prefix (line->text, "序") || g_str_has_prefix (line->text, "编")) &&
               column_of (line->text, &column) && column == ANPAI_COLUMN_SEQ)
        {
          find_flat (parser, &i);
          floor = i;
        }
      else
        i++;
    }
}

/*
 * Rows to tasks
 */

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
ends_with_separator (const GString *text)
{
  return g_str_has_suffix (text->str, "、") || g_str_has_suffix (text->str, ",") ||
         g_str_has_suffix (text->str, "，") || g_str_has_suffix (text->str, ";") ||
         g_str_has_suffix (text->str, "；");
}

static gboolean
is_unit_column (AnpaiColumn column)
{
  return column == ANPAI_COLUMN_LEAD || column == ANPAI_COLUMN_RESP ||
         column == ANPAI_COLUMN_SUPPORT;
}

/* A cell over several lines: a unit list goes on after 、, text runs on. */
static void
cell_append (GString     *cell,
             const char  *text,
             AnpaiColumn  column)
{
  if (cell->len > 0 && is_unit_column (column) && !ends_with_separator (cell))
    g_string_append (cell, "、");
  g_string_append (cell, text);
}

static gboolean
is_time (const char *text)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;

  if (strlen (text) > 120)
    return FALSE;  /* a time cell is short; long lines are content */
  spec = anpai_time_spec_parse (text, NULL, NULL);
  return spec->kind != ANPAI_TIME_NONE;
}

/* Spreads a flat row's lines over the columns. Extra lines go to the column
 * before the time (a long content) when a time is found later than its
 * place, else to the last column (a support list over several lines). */
static GPtrArray *
flat_cells (AnpaiParser    *parser,
            AnpaiTableInfo *table,
            AnpaiFlatRow   *row)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GPtrArray *cells = g_ptr_array_new_with_free_func (string_free);
  guint n_cols = table->columns->len, n_lines, extra = 0;
  int time_col = -1, time_line = -1;

  for (guint j = row->seq_line + 1; j < row->end; j++)
    if (ANPAI_PARSER_LINE (parser, j)->kind == ANPAI_LINE_FLAT)
      g_ptr_array_add (texts, ANPAI_PARSER_LINE (parser, j)->text);
  n_lines = texts->len;

  g_ptr_array_add (cells, g_string_new (ANPAI_PARSER_LINE (parser, row->seq_line)->text));
  for (guint c = 1; c < n_cols; c++)
    g_ptr_array_add (cells, g_string_new (NULL));

  /* columns after the 序号 take the lines */
  if (n_cols > 1 && n_lines > n_cols - 1)
    extra = n_lines - (n_cols - 1);
  for (guint c = 1; c < n_cols; c++)
    if (g_array_index (table->columns, AnpaiColumn, c) == ANPAI_COLUMN_TIME)
      time_col = (int) c - 1;
  if (time_col > 0 && extra > 0 && !is_time (g_ptr_array_index (texts, time_col)))
    for (guint j = time_col + 1; j <= time_col + extra && j < n_lines; j++)
      if (is_time (g_ptr_array_index (texts, j)))
        {
          time_line = (int) j;
          break;
        }

  for (guint j = 0, c = 1; j < n_lines && n_cols > 1; j++)
    {
      const char *text = g_ptr_array_index (texts, j);
      guint col;

      if (time_line >= 0 && (int) j < time_line)
        col = MIN (j + 1, (guint) time_col);
      else if (time_line >= 0 && (int) j == time_line)
        col = time_col + 1;
      else if (time_line >= 0)
        col = MIN (time_col + 1 + (j - time_line), n_cols - 1);
      else
        col = MIN (c, n_cols - 1);
      c = col + 1;
      cell_append (g_ptr_array_index (cells, col), text,
                   g_array_index (table->columns, AnpaiColumn, col));
    }
  return cells;
}

static GPtrArray *
real_cells (AnpaiTableInfo  *table,
            char           **row)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (string_free);
  guint n_cells = row != NULL ? g_strv_length (row) : 0;

  for (guint c = 0; c < table->columns->len; c++)
    {
      AnpaiColumn column = g_array_index (table->columns, AnpaiColumn, c);
      GString *cell = g_string_new (NULL);

      if (c < n_cells)
        {
          g_auto(GStrv) parts = g_strsplit (row[c], "\n", -1);

          for (guint p = 0; parts[p] != NULL; p++)
            {
              g_autofree char *part = anpai_parse_strip (parts[p], -1);

              if (*part == '\0')
                continue;
              if (column == ANPAI_COLUMN_CONTENT && cell->len > 0)
                g_string_append_c (cell, '\n');
              if (column == ANPAI_COLUMN_CONTENT)
                g_string_append (cell, part);
              else
                cell_append (cell, part, column);
            }
        }
      g_ptr_array_add (cells, cell);
    }
  return cells;
}

static const char *
cell_of (AnpaiTableInfo *table,
         GPtrArray      *cells,
         AnpaiColumn     column)
{
  for (guint c = 0; c < table->columns->len && c < cells->len; c++)
    if (g_array_index (table->columns, AnpaiColumn, c) == column)
      return ((GString *) g_ptr_array_index (cells, c))->str;
  return "";
}

static void
add_cell_units (AnpaiImportNode *node,
                const char      *cell,
                AnpaiUnitsAs     as)
{
  g_autoptr(AnpaiUnitClause) clause = NULL;

  if (*cell == '\0')
    return;
  clause = anpai_unit_clause_parse (cell);
  if (clause != NULL)
    anpai_parse_node_add_units (node, clause, as);
}

/* One row: a task, a group heading (a row with only its content, such as
 * "一、…"), or nothing. */
static AnpaiImportNode *
row_node (AnpaiParser    *parser,
          AnpaiTableInfo *table,
          GPtrArray      *cells,
          gboolean       *group)
{
  g_autofree char *seq = anpai_parse_strip (cell_of (table, cells, ANPAI_COLUMN_SEQ), -1);
  g_autofree char *content = anpai_parse_strip (cell_of (table, cells, ANPAI_COLUMN_CONTENT), -1);
  const char *time = cell_of (table, cells, ANPAI_COLUMN_TIME);
  const char *lead = cell_of (table, cells, ANPAI_COLUMN_LEAD);
  const char *resp = cell_of (table, cells, ANPAI_COLUMN_RESP);
  const char *support = cell_of (table, cells, ANPAI_COLUMN_SUPPORT);
  gboolean others_empty = *time == '\0' && *lead == '\0' && *resp == '\0' && *support == '\0';
  AnpaiImportNode *node;
  AnpaiLabel label;
  const char *text = content;
  g_autofree char *label_text = NULL;

  *group = FALSE;
  if (*content == '\0')
    {
      if (!others_empty)
        anpai_parse_warn (parser, _("Row %s of the table “%s” could not be read: it has no task."),
                          *seq != '\0' ? seq : "?",
                          *table->title != '\0' ? table->title
                          : *table->label != '\0' ? table->label : _("Task breakdown table"));
      return NULL;
    }
  if (*seq == '\0' && anpai_parse_label (content, &label) && !label.weak)
    {
      label_text = anpai_parse_strip (content, label.length);
      text = content + label.length;
    }
  else
    label_text = g_strdup (*seq != '\0' ? seq : "");

  if (*seq == '\0' && others_empty && g_utf8_strlen (content, 400) <= 60 &&
      strstr (content, "。") == NULL)
    {
      *group = TRUE;
      node = anpai_import_node_new (ANPAI_NODE_KIND_SECTION, label_text, "");
      anpai_parse_node_set_text (node, text);
      return node;
    }

  node = anpai_import_node_new (ANPAI_NODE_KIND_TASK, label_text, "");
  anpai_parse_node_set_text (node, text);
  if (*time != '\0')
    {
      anpai_time_spec_free (node->time);
      g_autofree char *head = anpai_parse_head (time, ANPAI_PARSE_MAX_TIME);

      node->time = anpai_time_spec_parse (head, ANPAI_PARSER_START (parser), ANPAI_PARSER_END (parser));
      node->time->source = ANPAI_TIME_SOURCE_TABLE;
    }
  add_cell_units (node, lead, ANPAI_UNITS_AS_LEAD);
  add_cell_units (node, resp, *lead != '\0' ? ANPAI_UNITS_AS_CO : ANPAI_UNITS_AS_WRITTEN);
  add_cell_units (node, support, ANPAI_UNITS_AS_SUPPORT);
  return node;
}

/* Where each row of a real table starts in the source text: one line per row. */
static GArray *
row_offsets (AnpaiParser *parser,
             AnpaiLine   *line)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *text = parser->source->text->str;
  gsize pos = line->start, end = MIN (line->end, parser->source->text->len);

  g_array_append_val (offsets, pos);
  for (; pos < end; pos++)
    if (text[pos] == '\n')
      {
        gsize next = pos + 1;

        g_array_append_val (offsets, next);
      }
  return offsets;
}

/* The table as a section of tasks, labelled as written ("附件") and titled
 * by the table's title. */
AnpaiImportNode *
anpai_parse_table_build (AnpaiParser    *parser,
                         AnpaiTableInfo *table)
{
  AnpaiLine *first = ANPAI_PARSER_LINE (parser, table->first_line);
  AnpaiLine *last = ANPAI_PARSER_LINE (parser, MIN (table->last_line, parser->lines->len - 1));
  AnpaiImportNode *section = anpai_import_node_new (ANPAI_NODE_KIND_SECTION, table->label,
                                                    *table->title != '\0' ? table->title
                                                                          : _("Task breakdown table"));
  AnpaiImportNode *group = NULL;
  guint n_rows;
  g_autoptr(GArray) offsets = NULL;
  AnpaiLine *block_line = ANPAI_PARSER_LINE (parser, table->header_line);

  section->source_start = first->start;
  section->source_end = MAX (last->end, first->start);

  if (table->flat)
    n_rows = table->rows->len;
  else
    {
      GPtrArray *rows = block_line->block->rows;

      offsets = row_offsets (parser, block_line);
      n_rows = rows->len > (guint) table->header_row + 1 ? rows->len - table->header_row - 1 : 0;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) cells = NULL;
      AnpaiImportNode *node;
      gboolean is_group;
      gsize start, end;

      if (table->flat)
        {
          AnpaiFlatRow *row = &g_array_index (table->rows, AnpaiFlatRow, r);

          cells = flat_cells (parser, table, row);
          start = ANPAI_PARSER_LINE (parser, row->seq_line)->start;
          end = ANPAI_PARSER_LINE (parser, row->end - 1)->end;
        }
      else
        {
          guint index = table->header_row + 1 + r;

          cells = real_cells (table, g_ptr_array_index (block_line->block->rows, index));
          start = index < offsets->len ? g_array_index (offsets, gsize, index) : block_line->start;
          end = index + 1 < offsets->len ? g_array_index (offsets, gsize, index + 1) - 1 : block_line->end;
        }

      node = row_node (parser, table, cells, &is_group);
      if (node == NULL)
        continue;
      node->source_start = start;
      node->source_end = MAX (end, start);
      if (is_group)
        {
          anpai_import_node_append (section, node);
          group = node;
        }
      else
        anpai_import_node_append (group != NULL ? group : section, node);
    }
  return section;
}
