/* anpai-unit-clause.h — responsible units as plans write them
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "anpai-enums.h"

G_BEGIN_DECLS

/* The units one clause names, in order, already normalised
 * (anpai_unit_name_normalize). */
typedef struct {
  char      *lead;         /* the lead unit, or NULL */
  GPtrArray *co;           /* of char*: the other responsible units */
  GPtrArray *support;      /* of char*: 配合单位 and the like */
  gboolean   labelled;     /* the clause said 责任单位/牵头单位/配合单位 … */
  gsize      start;        /* where the clause starts in the text it was found in */
  gsize      end;          /* and ends (exclusive), brackets and labels included */
} AnpaiUnitClause;

AnpaiUnitClause *anpai_unit_clause_new        (void);
void             anpai_unit_clause_free       (AnpaiUnitClause *clause);

/* Reads a whole text as a clause: "责任单位:市政府办公室,配合单位:市政府相关
 *部门,各县区人民政府", "牵头单位:A 配合单位:B", "A、B牵头,C按职责分工负责",
 * a table cell "市编办、市发改委". NULL when the text names no unit. */
AnpaiUnitClause *anpai_unit_clause_parse      (const char      *text);

/* Looks for a clause inside a task's text: a labelled clause, or a
 * bracketed list at the end (〔…〕, (…), （…）) that names units. Sets the
 * clause's start/end to its span in @text. NULL when there is none. */
AnpaiUnitClause *anpai_unit_clause_find       (const char      *text);

/* True for a document's rule about units, which is not a unit itself:
 * "列在首位的为牵头单位,下同", "责任单位排名第一的为牵头单位", "各责任单位要…".
 * Only the text outside brackets counts (a task whose trailing 〔…〕 also
 * states the rule is not a rule), unless the whole text is one bracket. */
gboolean         anpai_unit_clause_is_rule    (const char      *text);

/* Unit names */

/* What a keyword after a name says about the unit's role in a list. */
typedef enum {
  ANPAI_UNIT_HINT_NONE,
  ANPAI_UNIT_HINT_LEAD,         /* 市司法局牵头 */
  ANPAI_UNIT_HINT_RESPONSIBLE,  /* 各县区人民政府按职责分工分别负责 */
  ANPAI_UNIT_HINT_SUPPORT,      /* 市公安局配合, …协助, …参与 */
} AnpaiUnitHint;

/* The canonical spelling: trimmed, no spaces, ASCII-range full-width
 * characters made ASCII, brackets always full-width （）, the few
 * Traditional characters of unit names made Simplified, qualifiers such as
 * 按职责分工分别负责, 牵头, 配合, trailing 等 / 等相关部门 dropped.
 * "" (never NULL) when @name is not a unit name. */
char            *anpai_unit_name_normalize    (const char      *name);
/* The same, and tells which role keyword it dropped (@hint may be NULL). */
char            *anpai_unit_name_normalize_hint (const char    *name,
                                                 AnpaiUnitHint *hint);
/* TRUE when a normalised @name has the shape of a unit: a known ending
 * (局, 委, 办, 政府, 中心, 部门, 法院 …) or a collective such as 各县（市、区）.
 * Used to tell a list of units from an ordinary sentence. */
gboolean         anpai_unit_name_is_strict    (const char      *name);
/* TRUE when the first @len bytes of @text (-1: all), read without a leading
 * 各, bracket groups and 、, are administrative levels only ("市",
 * "各县（市、区）", "区、县级市"): a part of a collective, not a unit. */
gboolean         anpai_unit_name_is_level_only (const char     *text,
                                                gssize          len);
AnpaiUnitKind    anpai_unit_name_classify     (const char      *name);
gboolean         anpai_unit_names_equivalent  (const char      *a,
                                               const char      *b);
/* (nullable): what equivalent names have in common, to look one up by; NULL
 * for a name that is empty once normalised. */
char            *anpai_unit_name_key          (const char      *name);

/* One character as the matchers see it: ASCII-range full-width forms made
 * ASCII (（ → "("), every kind of space made ' ', the Traditional
 * characters met in unit clauses and targets made Simplified. */
gunichar         anpai_unit_fold_char         (gunichar         c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiUnitClause, anpai_unit_clause_free)

G_END_DECLS
