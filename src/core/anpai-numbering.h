/* anpai-numbering.h — outline labels as planners write them: 一、 （一） 1. ①
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "anpai-enums.h"

G_BEGIN_DECLS

/* How one level of an outline is numbered. */
typedef enum {
  ANPAI_NUMBER_STYLE_NONE = 0,           /* no label */
  ANPAI_NUMBER_STYLE_KEEP,               /* labels not in any style below: left as written */
  ANPAI_NUMBER_STYLE_CN,                 /* 一、 */
  ANPAI_NUMBER_STYLE_CN_PAREN_FULL,      /* （一） */
  ANPAI_NUMBER_STYLE_CN_PAREN,           /* (一) */
  ANPAI_NUMBER_STYLE_ARABIC_DOT,         /* 1. */
  ANPAI_NUMBER_STYLE_ARABIC_COMMA,       /* 1、 */
  ANPAI_NUMBER_STYLE_ARABIC_FULL_STOP,   /* 1． */
  ANPAI_NUMBER_STYLE_ARABIC_PAREN_FULL,  /* （1） */
  ANPAI_NUMBER_STYLE_ARABIC_PAREN,       /* (1) */
  ANPAI_NUMBER_STYLE_CIRCLED,            /* ① … ㊿, then （51） */
  ANPAI_NUMBER_STYLE_BARE,               /* 1, directly before the title */
  ANPAI_NUMBER_STYLE_CN_SHI,             /* 一是 二是: "firstly, secondly" */
} AnpaiNumberStyle;

#define ANPAI_NUMBERING_MAX_DEPTH 12  /* deeper levels share the last one's style */

char      *anpai_numbering_cn_numeral (int                number);
/* 〇 … 九 as 0 … 9, 十 as 10, 百 as 100; -1 for anything else. */
int        anpai_numbering_cn_digit   (gunichar           c);
/* 0 … 9 and full-width ０ … ９ as 0 … 9; -1 for anything else. */
int        anpai_numbering_digit_value (gunichar          c);
/* ① … ㊿ as 1 … 50; 0 for anything else. */
int        anpai_numbering_circled_value (gunichar        c);
char      *anpai_numbering_format     (AnpaiNumberStyle   style,
                                       int                number);
gboolean   anpai_numbering_parse      (const char        *label,
                                       AnpaiNumberStyle  *style,
                                       int               *number);

/* A plan's numbering: a style per depth and kind (sections and tasks at one
 * depth may be numbered differently), and whether a level runs on across its
 * parents (tasks 1…33 through five groups) instead of restarting at 1. */
typedef struct _AnpaiNumbering AnpaiNumbering;

/* One node of an outline, in outline (depth-first) order. */
typedef struct {
  int            parent;  /* index of the parent in the same array; -1 at the top */
  int            depth;   /* 0 at the top */
  AnpaiNodeKind  kind;
  const char    *label;   /* as stored; NULL reads as "" */
} AnpaiNumberingItem;

AnpaiNumbering   *anpai_numbering_new        (void);
void              anpai_numbering_free       (AnpaiNumbering           *self);
AnpaiNumbering   *anpai_numbering_detect     (const AnpaiNumberingItem *items,
                                              guint                     n_items);
AnpaiNumberStyle  anpai_numbering_get_style  (AnpaiNumbering           *self,
                                              int                       depth,
                                              AnpaiNodeKind             kind);
gboolean          anpai_numbering_get_run_on (AnpaiNumbering           *self,
                                              int                       depth,
                                              AnpaiNodeKind             kind);
void              anpai_numbering_set_run_on (AnpaiNumbering           *self,
                                              int                       depth,
                                              AnpaiNodeKind             kind,
                                              gboolean                  run_on);
char            **anpai_numbering_apply      (AnpaiNumbering           *self,
                                              const AnpaiNumberingItem *items,
                                              guint                     n_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiNumbering, anpai_numbering_free)

G_END_DECLS
