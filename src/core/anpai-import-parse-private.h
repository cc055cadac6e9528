/* anpai-import-parse-private.h — what the parser's parts share
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-import-parse.h"
#include "anpai-unit-clause.h"

G_BEGIN_DECLS

/*
 * Lines: one per block, trimmed, classified by the cleaner.
 */

typedef enum {
  ANPAI_LINE_TEXT,
  ANPAI_LINE_BLANK,
  ANPAI_LINE_CHROME,   /* page furniture (扫一扫, 首页 > …): read by the notice only */
  ANPAI_LINE_META,     /* 索引号 / 文号 / 成文日期 metadata: read by the notice only */
  ANPAI_LINE_JOINED,   /* merged into an earlier line broken inside a sentence */
  ANPAI_LINE_NOTICE,   /* the notice around the plan: read, not outlined */
  ANPAI_LINE_TABLE,    /* a TABLE block */
  ANPAI_LINE_FLAT,     /* part of a breakdown table flattened to one cell per line */
} AnpaiLineKind;

typedef struct {
  AnpaiLineKind           kind;
  char                   *text;       /* trimmed, owned; "" for a TABLE */
  const char             *numbering;  /* the Word list label, or NULL */
  const AnpaiImportBlock *block;
  gsize                   start;      /* span in the source text */
  gsize                   end;
  int                     table;      /* TABLE/FLAT: index in AnpaiParser.tables, else -1 */
} AnpaiLine;

/*
 * Breakdown tables (主要任务分解表), real or flattened.
 */

typedef enum {
  ANPAI_COLUMN_OTHER,
  ANPAI_COLUMN_SEQ,      /* 序号 */
  ANPAI_COLUMN_CONTENT,  /* 工作内容, 重点任务 … */
  ANPAI_COLUMN_TIME,     /* 时间要求, 完成时限 … */
  ANPAI_COLUMN_LEAD,     /* 牵头单位 */
  ANPAI_COLUMN_RESP,     /* 责任单位 */
  ANPAI_COLUMN_SUPPORT,  /* 配合单位 */
} AnpaiColumn;

typedef struct {
  gboolean  flat;
  guint     first_line;   /* annex label and title included */
  guint     last_line;
  guint     header_line;  /* flat: the first header cell's line */
  int       header_row;   /* real: the header row */
  GArray   *columns;      /* of AnpaiColumn, in the table's order */
  char     *label;        /* "附件", "附件1" … or "" */
  char     *title;        /* the table's title, or "" */
  GArray   *rows;         /* flat: of AnpaiFlatRow */
} AnpaiTableInfo;

typedef struct {
  guint seq_line;         /* the line with the row's number */
  guint end;              /* the line after its last cell */
} AnpaiFlatRow;

/*
 * Outline labels: 一、 (一) 1. (1) ① 一是, in their usual order of rank.
 */

typedef enum {
  ANPAI_LABEL_NONE,
  ANPAI_LABEL_CN,            /* 一、 */
  ANPAI_LABEL_CN_PAREN,      /* (一) （一） ㈠ */
  ANPAI_LABEL_ARABIC,        /* 1. 1、 1． and a number directly before the text */
  ANPAI_LABEL_ARABIC_PAREN,  /* (1) （1） 1) */
  ANPAI_LABEL_CIRCLED,       /* ① */
  ANPAI_LABEL_CN_SHI,        /* 一是 (news-style enumerations) */
  ANPAI_LABEL_N_STYLES
} AnpaiLabelStyle;

typedef struct {
  AnpaiLabelStyle style;
  int             number;
  gboolean        weak;    /* a bare number or 一是: only an item when it follows the sequence */
  gsize           length;  /* bytes of the label in the text, spaces after it included */
} AnpaiLabel;

/*
 * The parser's state.
 */

typedef struct {
  AnpaiImportSource  *source;
  AnpaiImportOptions  options;
  AnpaiImportPlan    *plan;
  GArray             *lines;        /* of AnpaiLine */
  GPtrArray          *tables;       /* of AnpaiTableInfo */
  guint               body_start;   /* the first line of the plan itself */
  GDate               period_start; /* invalid when unknown */
  GDate               period_end;
} AnpaiParser;

#define ANPAI_PARSER_LINE(p, i) (&g_array_index ((p)->lines, AnpaiLine, (i)))
#define ANPAI_PARSER_START(p) (g_date_valid (&(p)->period_start) ? &(p)->period_start : NULL)
#define ANPAI_PARSER_END(p) (g_date_valid (&(p)->period_end) ? &(p)->period_end : NULL)

/* anpai-import-clean.c */
void              anpai_parse_lines_read      (AnpaiParser            *parser);
void              anpai_parse_lines_join      (AnpaiParser            *parser);
char             *anpai_parse_strip           (const char             *text,
                                               gssize                  length);
gboolean          anpai_parse_is_han          (gunichar                c);
gboolean          anpai_parse_date_line       (const char             *text,
                                               int                    *year,
                                               int                    *month,
                                               int                    *day);
gboolean          anpai_parse_has_prefix      (const char             *text,
                                               const char * const     *prefixes,
                                               gsize                  *after);

/* anpai-import-notice.c */
void              anpai_parse_notice          (AnpaiParser            *parser);

/* anpai-import-outline.c */
gboolean          anpai_parse_label           (const char             *text,
                                               AnpaiLabel             *label);
gboolean          anpai_parse_outline         (AnpaiParser            *parser);
gboolean          anpai_parse_is_unit_line    (const char             *text);
gboolean          anpai_parse_is_time_line    (const char             *text,
                                               gsize                  *value);
gboolean          anpai_parse_is_annex_marker (const char             *text);

/* anpai-import-table.c */
void              anpai_parse_tables_find     (AnpaiParser            *parser);
AnpaiImportNode  *anpai_parse_table_build     (AnpaiParser            *parser,
                                               AnpaiTableInfo         *table);
void              anpai_parse_table_info_free (AnpaiTableInfo         *table);

/* anpai-import-parse.c */

/* What the other modules' finders get to read of one text, in bytes: a task
 * longer than that is not a task, and they need not be linear in it. */
#define ANPAI_PARSE_MAX_TIME   1024
#define ANPAI_PARSE_MAX_TEXT   8192

char             *anpai_parse_head            (const char             *text,
                                               gsize                   max);
AnpaiUnitClause  *anpai_parse_find_clause     (const char             *text);
void              anpai_parse_warn            (AnpaiParser            *parser,
                                               const char             *format,
                                               ...) G_GNUC_PRINTF (2, 3);
char             *anpai_parse_cut_clause      (const char             *text,
                                               const AnpaiUnitClause  *clause);
void              anpai_parse_node_set_text   (AnpaiImportNode        *node,
                                               const char             *text);
void              anpai_parse_node_append_text (AnpaiImportNode       *node,
                                               const char             *text);
char             *anpai_parse_node_full_text  (AnpaiImportNode        *node);

typedef enum {
  ANPAI_UNITS_AS_WRITTEN,  /* lead, co and support as the clause says */
  ANPAI_UNITS_AS_LEAD,     /* a 牵头单位 cell: the first is the lead, the rest co */
  ANPAI_UNITS_AS_CO,       /* a 责任单位 cell beside a 牵头单位 one */
  ANPAI_UNITS_AS_SUPPORT,  /* a 配合单位 cell: every unit supports */
} AnpaiUnitsAs;

void              anpai_parse_node_add_units  (AnpaiImportNode        *node,
                                               const AnpaiUnitClause  *clause,
                                               AnpaiUnitsAs            as);

G_END_DECLS
