/* anpai-sample-private.h — tables of the sample project's content
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every table ends with an entry whose first field is NULL. */

typedef struct {
  const char *name;     /* canonical name */
  const char *kind;     /* "department" "government" "collective" "court" "party" "other" */
  const char *aliases;  /* other spellings separated by '|', or NULL */
} AnpaiSampleUnit;

typedef struct {
  const char *key;           /* referred to by AnpaiSamplePlan.parent and AnpaiSampleNode.plan */
  const char *title;
  const char *doc_number;
  const char *issuer;
  const char *issued_on;     /* ISO 8601 */
  const char *period_start;  /* ISO 8601 */
  const char *period_end;    /* ISO 8601 */
  const char *kind;          /* "annual" "multi-year" "action-plan" "indicator-system" */
  const char *parent;        /* key of the plan this one implements, or NULL */
} AnpaiSamplePlan;

typedef struct {
  const char *plan;      /* plan key */
  int         depth;     /* 0 = top; a node belongs to the nearest preceding node one level up */
  const char *label;     /* as written: "一、" "（一）" "1."; "" when the document has none */
  const char *kind;      /* "section" "task" "text" */
  const char *title;
  const char *body;      /* or NULL */
  const char *time;      /* time requirement as written, or NULL */
  const char *lead;      /* canonical unit name, or NULL */
  const char *co;        /* canonical unit names separated by '、' (never inside parentheses), or NULL */
  const char *support;   /* likewise, or NULL */
  const char *status;    /* "not-started" "in-progress" "done" "suspended" "cancelled" */
  int         progress;  /* 0..100 */
} AnpaiSampleNode;

extern const AnpaiSampleUnit anpai_sample_units[];
extern const AnpaiSamplePlan anpai_sample_plans[];
extern const AnpaiSampleNode anpai_sample_nodes[];

G_END_DECLS
