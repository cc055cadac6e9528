/* anpai-export.h — the breakdown table (任务分解表) and schedules, exported
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "anpai-project.h"

G_BEGIN_DECLS

typedef enum {
  ANPAI_EXPORT_CSV,
  ANPAI_EXPORT_XLSX,
  ANPAI_EXPORT_DOCX,
  ANPAI_EXPORT_PDF_TABLE,
  ANPAI_EXPORT_ICS,
  ANPAI_EXPORT_MSPDI,
} AnpaiExportFormat;

typedef enum {
  ANPAI_PAPER_A4,
  ANPAI_PAPER_A3,
} AnpaiPaper;

/* What to export and how. Zero is "everything, the defaults". */
typedef struct {
  gint64       plan_id;      /* 0: every plan, one after the other */
  gint64       unit_id;      /* not 0: that unit's list (责任清单): its tasks with its role */
  guint        statuses;     /* ANPAI_STATUS_BIT()s (anpai-search.h); 0: any */
  const char  *due_from;     /* YYYY-MM-DD or NULL */
  const char  *due_to;       /* YYYY-MM-DD or NULL */
  gboolean     with_status;  /* add the 状态 and 进展 columns */
  gboolean     gb18030;      /* CSV: GB18030 instead of UTF-8 with a BOM */
  AnpaiPaper   paper;        /* XLSX/DOCX page setup, PDF pages; landscape always */
  gboolean     per_unit;     /* XLSX: one sheet per unit, each that unit's list */
} AnpaiExportOptions;

#define ANPAI_EXPORT_OPTIONS_INIT { 0, 0, 0, NULL, NULL, FALSE, FALSE, ANPAI_PAPER_A4, FALSE }

/* One row of the table: a section (spanning the columns, 一、推进依法决策) or
 * a task with its columns. */
typedef struct {
  gboolean        is_section;
  int             depth;       /* 0 at the plan's top level */
  gint64          node_id;
  gint64          parent_id;   /* 0 at the top */
  char           *label;       /* 序号 as written */
  char           *title;
  char           *body;
  AnpaiTimeSpec  *time;        /* raw text and meaning */
  char           *lead;        /* NULL if none */
  GPtrArray      *co;          /* of char*, in order */
  GPtrArray      *support;     /* of char*, in order */
  int             role;        /* in a unit's list: its AnpaiRole here; else -1 */
  AnpaiStatus     status;
  int             progress;
} AnpaiExportRow;

/* One table: a plan, or a unit's list within a plan. */
typedef struct {
  gint64      plan_id;
  char       *title;        /* the plan's title (+ the unit's name for its list) */
  char       *unit_name;    /* a unit's list: the unit; NULL for a plan's table */
  char       *doc_number;
  char       *period_start; /* YYYY-MM-DD or NULL */
  char       *period_end;
  GPtrArray  *rows;         /* of AnpaiExportRow, in outline order; sections kept only
                             * when a task under them is */
} AnpaiExportTable;

/* The tables @options asks for, in plan order (per_unit: one per unit and
 * plan that has tasks). */
GPtrArray  *anpai_export_build        (AnpaiProject              *project,
                                       const AnpaiExportOptions  *options,
                                       GError                   **error);
/* The columns of a breakdown table, as the table formats lay them out. */
typedef enum {
  ANPAI_EXPORT_COL_LABEL,     /* 序号 */
  ANPAI_EXPORT_COL_TASK,      /* 重点任务: title, then the body */
  ANPAI_EXPORT_COL_TIME,      /* 时间要求 as written */
  ANPAI_EXPORT_COL_LEAD,      /* 牵头单位 */
  ANPAI_EXPORT_COL_OTHERS,    /* 配合单位: co-responsible, then supporting */
  ANPAI_EXPORT_COL_ROLE,      /* in a unit's list: its role (本单位职责) */
  ANPAI_EXPORT_COL_STATUS,    /* 状态 */
  ANPAI_EXPORT_COL_PROGRESS,  /* 进展 */
  ANPAI_EXPORT_N_COLUMNS      /* not a column: how many there are */
} AnpaiExportColumn;

/* (element-type AnpaiExportColumn): @table's columns in order; the role
 * only in a unit's list, status and progress when asked for. */
GArray     *anpai_export_table_columns  (const AnpaiExportTable   *table,
                                         const AnpaiExportOptions *options);
const char *anpai_export_column_heading (AnpaiExportColumn         column,
                                         const AnpaiExportOptions *options);
/* A row's 序号 and title as one heading: "一、推进依法决策", "6. 加强组织领导". */
char       *anpai_export_row_heading    (const AnpaiExportRow     *row);
/* What @row shows in @column (lines separated by \n). */
char       *anpai_export_cell_text      (const AnpaiExportRow     *row,
                                         AnpaiExportColumn         column);
/* How wide @text prints, in half-em units: a CJK character is 2, other
 * characters @narrow; a cell as wide as its longest line. */
double      anpai_export_text_width     (const char               *text,
                                         double                    narrow);

/* Column headings of the breakdown table, translated: 序号, 重点任务, 时间要求,
 * 牵头单位, 配合单位 (+ 状态, 进展). NULL-terminated, static. */
const char * const *anpai_export_headings (const AnpaiExportOptions *options);
/* A task's other units in one cell: co-responsible first, then supporting. */
char       *anpai_export_row_others   (const AnpaiExportRow      *row);

/* Writes @path in @format. FALSE with @error set (and no file left behind)
 * on failure. */
gboolean    anpai_export_write        (AnpaiProject              *project,
                                       AnpaiExportFormat          format,
                                       const AnpaiExportOptions  *options,
                                       const char                *path,
                                       GError                   **error);
gboolean    anpai_export_format_from_string (const char          *name,
                                             AnpaiExportFormat   *format);
/* "xlsx", "pdf-table" …: as anpai-tool and the settings say it */
const char *anpai_export_format_to_string   (AnpaiExportFormat    format);
/* "xlsx", "pdf" …, without the dot */
const char *anpai_export_format_get_extension (AnpaiExportFormat  format);

/* A landscape page of @paper, in points. */
void        anpai_paper_get_size      (AnpaiPaper                 paper,
                                       double                    *width,
                                       double                    *height);

void        anpai_export_row_free     (AnpaiExportRow            *row);
void        anpai_export_table_free   (AnpaiExportTable          *table);

/* The writers, one per file (anpai-export-csv.c …); anpai_export_write()
 * picks one and writes to a temporary file it renames over @path. */
/* Writing to a temporary path, renamed over @path when @ok (else
 * removed); a PDF surface finished, destroyed and its error told. */
char       *_anpai_export_temp_path   (const char *path);
gboolean    _anpai_export_rename_over (const char *temp, const char *path, gboolean ok, GError **error);
gboolean    _anpai_export_finish_surface (cairo_surface_t *surface, const char *path, GError **error);
/* Widths in half-em units (anpai_export_text_width()) of a table's
 * columns: each as wide as its heading and widest cell, with their pads,
 * within @bounds (ANPAI_EXPORT_N_COLUMNS of them, by AnpaiExportColumn); the key task takes what
 * is left of @page, and at least 30. A date must never become ###. */
typedef struct {
  double min;
  double max;
} AnpaiExportColumnBounds;
GArray     *_anpai_export_column_units (const AnpaiExportTable *table, GArray *columns,
                                        const AnpaiExportOptions *options,
                                        const AnpaiExportColumnBounds *bounds, double narrow,
                                        double heading_pad, double cell_pad, double page);
/* A Pango context for pages: points, Simplified Chinese, unhinted. */
void        _anpai_export_setup_context (PangoContext *context);
gboolean    _anpai_export_csv         (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);
gboolean    _anpai_export_xlsx        (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);
gboolean    _anpai_export_docx        (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);
gboolean    _anpai_export_pdf_table   (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);
gboolean    _anpai_export_ics         (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);
gboolean    _anpai_export_mspdi       (GPtrArray *tables, const AnpaiExportOptions *options,
                                       const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiExportTable, anpai_export_table_free)

G_END_DECLS
