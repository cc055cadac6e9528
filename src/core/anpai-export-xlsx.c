/* anpai-export-xlsx.c — the breakdown table as an Excel workbook
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "anpai-export.h"

/* One worksheet per table, laid out as the 任务分解表 is printed: a title
 * line, the heading row (repeated on every page), then the rows in outline
 * order, sections merged across the columns. Rows are written strictly in
 * order, so libxlsxwriter's constant_memory mode keeps a 20,000-task plan
 * at a few MB. */

/* 宋体 is what Chinese offices' own tables are set in, and every Chinese
 * Windows has it, so Excel and WPS show the file as their users expect.
 * LibreOffice on Debian has no SimSun and draws the same text in Noto Sans
 * CJK (fonts-noto-cjk) and DejaVu Sans: no tofu. Naming a Noto font
 * instead would leave Excel users with whatever it substitutes. */
#define FONT_NAME "宋体"
#define FONT_SIZE 11

/* Paper codes of the SpreadsheetML page setup. */
#define PAPER_A3 8
#define PAPER_A4 9

/* Widths in Excel's units (one '0' of the default font, about 1.9 mm);
 * a CJK character of 11 pt 宋体 takes two. What fits across a landscape
 * page within the margins set below; fit_to_pages() scales any rest. */
#define PAGE_UNITS_A4 138.0
#define PAGE_UNITS_A3 200.0
#define EXCEL_SHEET_NAME_MAX 31
/* points per line of 11 pt text in Noto Sans CJK, the tallest of the fonts
 * that draw it */
#define LINE_HEIGHT 16.0

typedef struct {
  lxw_workbook             *workbook;
  const AnpaiExportOptions *options;
  lxw_format               *title;
  lxw_format               *title_font;
  lxw_format               *number_font;
  lxw_format               *heading;
  lxw_format               *section;
  lxw_format               *cell;
  lxw_format               *centered;
  lxw_format               *percent;
  lxw_format               *bold_font;
  GHashTable               *sheet_names;  /* casefolded, as Excel compares them */
} Writer;

static lxw_format *
add_format (Writer *w)
{
  lxw_format *format = workbook_add_format (w->workbook);

  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, FONT_SIZE);
  /* GB2312: tells Excel which script the font is for when it must substitute */
  format_set_font_charset (format, 134);
  return format;
}

static lxw_format *
add_cell_format (Writer *w)
{
  lxw_format *format = add_format (w);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
add_formats (Writer *w)
{
  w->title = add_format (w);
  format_set_bold (w->title);
  format_set_font_size (w->title, 16);
  format_set_align (w->title, LXW_ALIGN_CENTER);
  format_set_align (w->title, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (w->title);
  w->title_font = add_format (w);
  format_set_bold (w->title_font);
  format_set_font_size (w->title_font, 16);
  w->number_font = add_format (w);

  w->heading = add_cell_format (w);
  format_set_bold (w->heading);
  format_set_align (w->heading, LXW_ALIGN_CENTER);
  format_set_bg_color (w->heading, 0xE7E6E6);

  w->section = add_cell_format (w);
  format_set_bold (w->section);

  w->cell = add_cell_format (w);
  w->centered = add_cell_format (w);
  format_set_align (w->centered, LXW_ALIGN_CENTER);
  w->percent = add_cell_format (w);
  format_set_align (w->percent, LXW_ALIGN_CENTER);
  format_set_num_format (w->percent, "0%");
  w->bold_font = add_format (w);
  format_set_bold (w->bold_font);
}

/* How many lines @text takes in a column @width wide, wrapped. */
static double
text_lines (const char *text,
            double      width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  double lines = 0;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    lines += MAX (1.0, ceil (anpai_export_text_width (paragraphs[p], 1.1) / MAX (1.0, width - 1.0)));
  return MAX (1.0, lines);
}

/* Rows are given their height: LibreOffice does not fit the rows of an
 * imported sheet to their wrapped text, and overlapping lines are worse
 * than a little air under Excel's SimSun, whose lines are shorter than
 * Noto CJK's. */
static void
set_row_lines (lxw_worksheet *sheet,
               lxw_row_t      r,
               double         lines)
{
  worksheet_set_row (sheet, r, LINE_HEIGHT * lines + 4, NULL);
}

/* The text of a section row: 一、推进决策公开, and its words under it */
static char *
section_text (const AnpaiExportRow *row)
{
  g_autofree char *heading = anpai_export_row_heading (row);

  if (row->body != NULL && *row->body != '\0')
    return g_strconcat (heading, "\n", row->body, NULL);
  return g_steal_pointer (&heading);
}

/* Narrow columns as wide as their longest entry, within bounds; the key
 * task takes what is left of the page. */
static GArray *
column_widths (const AnpaiExportTable   *table,
               GArray                   *columns,
               const AnpaiExportOptions *options)
{
  static const AnpaiExportColumnBounds bounds[ANPAI_EXPORT_N_COLUMNS] = {
    [ANPAI_EXPORT_COL_LABEL] = { 0, 10 },
    [ANPAI_EXPORT_COL_TASK] = { 0, 0 },
    [ANPAI_EXPORT_COL_TIME] = { 12, 26 },
    [ANPAI_EXPORT_COL_LEAD] = { 14, 22 },
    [ANPAI_EXPORT_COL_OTHERS] = { 16, 36 },
    [ANPAI_EXPORT_COL_ROLE] = { 0, 12 },
    [ANPAI_EXPORT_COL_STATUS] = { 0, 12 },
    [ANPAI_EXPORT_COL_PROGRESS] = { 0, 12 },
  };

  return _anpai_export_column_units (table, columns, options, bounds, 1.1, 2, 1.5,
                                     options->paper == ANPAI_PAPER_A3 ? PAGE_UNITS_A3 : PAGE_UNITS_A4);
}

/* Excel forbids []:*?/\ in sheet names, an apostrophe at either end, more
 * than 31 characters and two names differing only in case. */
static char *
sheet_name (Writer     *w,
            const char *wanted)
{
  GString *name = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *wanted_clean = NULL;

  for (const char *p = wanted; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        c = '_';
      else if (c < 0x20)
        c = ' ';
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  if (g_utf8_strlen (name->str, -1) > EXCEL_SHEET_NAME_MAX)
    g_string_truncate (name, g_utf8_offset_to_pointer (name->str, EXCEL_SHEET_NAME_MAX) - name->str);
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, "Sheet");
  wanted_clean = g_strdup (name->str);

  folded = g_utf8_casefold (name->str, -1);
  for (int n = 2; g_hash_table_contains (w->sheet_names, folded); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%d)", n);
      g_autofree char *base = g_strdup (wanted_clean);
      glong keep = EXCEL_SHEET_NAME_MAX - (glong) strlen (suffix);

      if (g_utf8_strlen (base, -1) > keep)
        *g_utf8_offset_to_pointer (base, keep) = '\0';
      g_string_printf (name, "%s%s", base, suffix);
      g_free (folded);
      folded = g_utf8_casefold (name->str, -1);
    }
  g_hash_table_add (w->sheet_names, g_steal_pointer (&folded));
  return g_string_free (name, FALSE);
}

static void
write_title (Writer                 *w,
             lxw_worksheet          *sheet,
             const AnpaiExportTable *table,
             lxw_col_t               last_col)
{
  const char *title = table->title != NULL ? table->title : "";

  worksheet_merge_range (sheet, 0, 0, 0, last_col, "", w->title);
  if (table->doc_number != NULL && *table->doc_number != '\0')
    {
      g_autofree char *number = g_strconcat ("\n", table->doc_number, NULL);
      lxw_rich_string_tuple parts[] = {
        { w->title_font, (char *) title },
        { w->number_font, number },
      };
      lxw_rich_string_tuple *fragments[] = { &parts[0], &parts[1], NULL };

      if (*title == '\0')
        fragments[0] = &parts[1], fragments[1] = NULL;
      if (fragments[1] != NULL)
        worksheet_write_rich_string (sheet, 0, 0, fragments, w->title);
      else
        worksheet_write_string (sheet, 0, 0, table->doc_number, w->title);
      worksheet_set_row (sheet, 0, 48, NULL);
    }
  else
    {
      worksheet_write_string (sheet, 0, 0, title, w->title);
      worksheet_set_row (sheet, 0, 30, NULL);
    }
}

static lxw_error
write_task (Writer               *w,
            lxw_worksheet        *sheet,
            lxw_row_t             r,
            const AnpaiExportRow *row,
            GArray               *columns,
            GArray               *widths)
{
  double lines = 1;

  /* the height first: constant_memory writes a row out once it is done */
  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *text = anpai_export_cell_text (row, g_array_index (columns, AnpaiExportColumn, c));

      lines = MAX (lines, text_lines (text, g_array_index (widths, double, c)));
    }
  set_row_lines (sheet, r, lines);

  for (guint c = 0; c < columns->len; c++)
    {
      AnpaiExportColumn column = g_array_index (columns, AnpaiExportColumn, c);
      g_autofree char *text = NULL;
      lxw_error err;

      if (column == ANPAI_EXPORT_COL_TASK && row->title != NULL && *row->title != '\0' &&
          row->body != NULL && *row->body != '\0')
        {
          /* the task's title in bold, its text below: 工作内容 as written */
          g_autofree char *body = g_strconcat ("\n", row->body, NULL);
          lxw_rich_string_tuple parts[] = {
            { w->bold_font, row->title },
            { NULL, body },
          };
          lxw_rich_string_tuple *fragments[] = { &parts[0], &parts[1], NULL };

          err = worksheet_write_rich_string (sheet, r, c, fragments, w->cell);
        }
      else if (column == ANPAI_EXPORT_COL_PROGRESS)
        err = worksheet_write_number (sheet, r, c, row->progress / 100.0, w->percent);
      else
        {
          lxw_format *format = column == ANPAI_EXPORT_COL_TASK || column == ANPAI_EXPORT_COL_OTHERS ? w->cell : w->centered;

          text = anpai_export_cell_text (row, column);
          err = *text != '\0' ? worksheet_write_string (sheet, r, c, text, format)
                              : worksheet_write_blank (sheet, r, c, format);
        }
      if (err != LXW_NO_ERROR)
        return err;
    }
  return LXW_NO_ERROR;
}

static lxw_error
write_table (Writer                 *w,
             const AnpaiExportTable *table,
             gboolean                several_plans)
{
  g_autoptr(GArray) columns = anpai_export_table_columns (table, w->options);
  g_autoptr(GArray) widths = column_widths (table, columns, w->options);
  const char *unit = table->unit_name;
  g_autofree char *name = NULL;
  lxw_col_t last_col = (lxw_col_t) columns->len - 1;
  lxw_worksheet *sheet;
  lxw_row_t r = 0;
  double page_width = 0;

  /* a unit's sheets are found by the unit's name: the plan's title would
   * fill the 31 characters before it */
  if (unit != NULL && several_plans)
    {
      g_autofree char *both = g_strconcat (unit, " ", table->title, NULL);

      name = sheet_name (w, both);
    }
  else
    name = sheet_name (w, unit != NULL ? unit : table->title);
  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, w->options->paper == ANPAI_PAPER_A3 ? PAPER_A3 : PAPER_A4);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (sheet);
  /* as wide as one page, as long as it takes */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_footer (sheet, "&C&P / &N");
  for (guint c = 0; c < columns->len; c++)
    {
      worksheet_set_column (sheet, c, c, g_array_index (widths, double, c), NULL);
      page_width += g_array_index (widths, double, c);
    }

  write_title (w, sheet, table, last_col);
  r = 1;
  for (guint c = 0; c < columns->len; c++)
    worksheet_write_string (sheet, r, c, anpai_export_column_heading (g_array_index (columns, AnpaiExportColumn, c), w->options),
                            w->heading);
  worksheet_repeat_rows (sheet, r, r);
  worksheet_freeze_panes (sheet, r + 1, 0);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);
      lxw_error err;

      r++;
      if (row->is_section)
        {
          g_autofree char *text = section_text (row);

          /* neither Excel nor LibreOffice fits a merged row's height */
          set_row_lines (sheet, r, text_lines (text, page_width));
          err = worksheet_merge_range (sheet, r, 0, r, last_col, text, w->section);
        }
      else
        err = write_task (w, sheet, r, row, columns, widths);
      if (err != LXW_NO_ERROR)
        return err;
    }
  return LXW_NO_ERROR;
}

gboolean
_anpai_export_xlsx (GPtrArray                *tables,
                    const AnpaiExportOptions *options,
                    const char               *path,
                    GError                  **error)
{
  lxw_workbook_options wb_options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  g_autoptr(GHashTable) sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Writer w = { .options = options, .sheet_names = sheet_names };
  gboolean several_plans = FALSE;
  lxw_error err = LXW_NO_ERROR;

  w.workbook = workbook_new_opt (path, &wb_options);
  if (w.workbook == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  add_formats (&w);

  for (guint t = 1; t < tables->len; t++)
    several_plans |= ((AnpaiExportTable *) g_ptr_array_index (tables, t))->plan_id !=
                     ((AnpaiExportTable *) g_ptr_array_index (tables, 0))->plan_id;
  for (guint t = 0; t < tables->len && err == LXW_NO_ERROR; t++)
    err = write_table (&w, g_ptr_array_index (tables, t), several_plans);
  /* no plan: one sheet with the headings, not a workbook Excel refuses */
  if (tables->len == 0)
    {
      AnpaiExportTable empty = { .title = (char *) "", .rows = g_ptr_array_new () };

      err = write_table (&w, &empty, FALSE);
      g_ptr_array_unref (empty.rows);
    }

  if (err != LXW_NO_ERROR)
    {
      /* closing writes the file: it is removed by the caller */
      workbook_close (w.workbook);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, lxw_strerror (err));
      return FALSE;
    }
  err = workbook_close (w.workbook);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, lxw_strerror (err));
      return FALSE;
    }
  return TRUE;
}
