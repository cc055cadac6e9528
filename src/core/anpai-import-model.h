/* anpai-import-model.h — what the importer reads and what it builds
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "anpai-enums.h"
#include "anpai-time-spec.h"

G_BEGIN_DECLS

/*
 * Reader output: a document as a sequence of blocks.
 */

typedef enum {
  ANPAI_IMPORT_BLOCK_PARAGRAPH,
  ANPAI_IMPORT_BLOCK_TABLE,
} AnpaiImportBlockKind;

typedef struct {
  AnpaiImportBlockKind  kind;
  char                 *text;        /* PARAGRAPH: valid UTF-8, one line (no '\n') */
  char                 *numbering;   /* PARAGRAPH: a Word list label as rendered ("一、",
                                        "（一）", "1."), or NULL when the text carries its own */
  GPtrArray            *rows;        /* TABLE: of GStrv, one per row; a cell's paragraphs
                                        are joined with '\n' */
  gsize                 offset;      /* where the block starts in AnpaiImportSource.text */
  gsize                 length;      /* bytes it covers there */
} AnpaiImportBlock;

typedef struct {
  char      *name;      /* the file's name, or "" for pasted text */
  char      *format;    /* what the reader decided: "text/UTF-8", "text/GB18030",
                           "text/UTF-16LE", "html", "docx" */
  GString   *text;      /* every block's text, one line per paragraph (a table: one line
                           per row, cells separated by '\t'); kept as the plan's source */
  GPtrArray *blocks;    /* of AnpaiImportBlock */
} AnpaiImportSource;

AnpaiImportSource *anpai_import_source_new           (const char        *name,
                                                      const char        *format);
void               anpai_import_source_free          (AnpaiImportSource *source);
AnpaiImportBlock  *anpai_import_source_add_paragraph (AnpaiImportSource *source,
                                                      const char        *text,
                                                      const char        *numbering);
AnpaiImportBlock  *anpai_import_source_add_table     (AnpaiImportSource *source,
                                                      GPtrArray         *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiImportSource, anpai_import_source_free)

/*
 * Parser output: a plan with its outline, ready to preview and commit.
 */

typedef struct {
  char     *text;        /* as written: "好评率保持100%" */
  char     *comparator;  /* "=", ">=", ">", "<=", "<" */
  double    value;
  gboolean  has_value;
  char     *measure;     /* "%", "学时", "次", "期", "名" … */
} AnpaiImportTarget;

typedef struct _AnpaiImportNode AnpaiImportNode;

struct _AnpaiImportNode
{
  AnpaiImportNode *parent;    /* NULL for the root */
  GPtrArray       *children;  /* of AnpaiImportNode, owned */

  AnpaiNodeKind    kind;
  char            *label;     /* as written: "一、" "（三十八）" "12." or "" */
  char            *title;     /* the heading, or a task's first sentence */
  char            *body;      /* the rest of the text ("" if none), unit clause removed */
  AnpaiTimeSpec   *time;      /* never NULL: kind NONE when there is none */

  char            *lead;      /* unit names as in AnpaiImportPlan.units, or NULL */
  GPtrArray       *co;        /* of char* */
  GPtrArray       *support;   /* of char* */
  GPtrArray       *targets;   /* of AnpaiImportTarget */

  gsize            source_start;  /* bytes in AnpaiImportSource.text */
  gsize            source_end;
};

typedef struct {
  char          *name;       /* normalised, as the nodes use it */
  AnpaiUnitKind  kind;
  GPtrArray     *spellings;  /* other spellings met in the document (aliases to record) */
  char          *matches;    /* the project unit it is, by name or alias; NULL: a new unit */
  int            n_uses;
} AnpaiImportUnit;

typedef struct {
  char             *title;         /* "" when unknown */
  char             *doc_number;    /* 文号 */
  char             *issuer;
  char             *issued_on;     /* ISO date or "" */
  char             *period_start;  /* ISO date or "" */
  char             *period_end;
  AnpaiPlanKind     kind;

  AnpaiImportNode  *root;          /* children: the top of the outline */
  GPtrArray        *units;         /* of AnpaiImportUnit, in order of first use */
  GPtrArray        *warnings;      /* of char*, translated notes for the preview */

  char             *source_name;
  char             *source_text;
} AnpaiImportPlan;

AnpaiImportTarget *anpai_import_target_new        (const char       *text,
                                                   const char       *comparator,
                                                   double            value,
                                                   gboolean          has_value,
                                                   const char       *measure);
void               anpai_import_target_free       (AnpaiImportTarget *target);

AnpaiImportNode   *anpai_import_node_new          (AnpaiNodeKind     kind,
                                                   const char       *label,
                                                   const char       *title);
void               anpai_import_node_free         (AnpaiImportNode  *node);
void               anpai_import_node_append       (AnpaiImportNode  *parent,
                                                   AnpaiImportNode  *child);
void               anpai_import_node_set_lead     (AnpaiImportNode  *node,
                                                   const char       *unit);
int                anpai_import_node_count        (AnpaiImportNode  *node,
                                                   AnpaiNodeKind     kind);
AnpaiImportNode   *anpai_import_node_nth_task     (AnpaiImportNode  *root,
                                                   int               n);

AnpaiImportUnit   *anpai_import_unit_new          (const char       *name,
                                                   AnpaiUnitKind     kind);
void               anpai_import_unit_free         (AnpaiImportUnit  *unit);

AnpaiImportPlan   *anpai_import_plan_new          (void);
void               anpai_import_plan_free         (AnpaiImportPlan  *plan);
AnpaiImportUnit   *anpai_import_plan_find_unit    (AnpaiImportPlan  *plan,
                                                   const char       *name);
AnpaiImportUnit   *anpai_import_plan_ensure_unit  (AnpaiImportPlan  *plan,
                                                   const char       *name,
                                                   AnpaiUnitKind     kind);
void               anpai_import_plan_merge_unit   (AnpaiImportPlan  *plan,
                                                   const char       *from,
                                                   const char       *into);
void               anpai_import_plan_rename_unit  (AnpaiImportPlan  *plan,
                                                   const char       *from,
                                                   const char       *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiImportNode, anpai_import_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiImportPlan, anpai_import_plan_free)

G_END_DECLS
