/* anpai-time-spec.h — a task's time requirement (时间要求), raw and parsed
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  ANPAI_TIME_NONE,       /* no schedule meaning (20个工作日内, or empty) */
  ANPAI_TIME_DEADLINE,   /* due by @end */
  ANPAI_TIME_WINDOW,     /* within @start..@end */
  ANPAI_TIME_FROM,       /* starts @start, runs to the period end (@end) */
  ANPAI_TIME_ONGOING,    /* the whole period, @start..@end */
  ANPAI_TIME_RECURRING,  /* repeats by @rrule within @start..@end */
} AnpaiTimeKind;

/* Where a task's time came from, in DESIGN.md's order of precedence. */
typedef enum {
  ANPAI_TIME_SOURCE_NONE,
  ANPAI_TIME_SOURCE_TABLE,   /* a 时间要求 column of a breakdown table */
  ANPAI_TIME_SOURCE_TEXT,    /* an expression in the task's own text */
  ANPAI_TIME_SOURCE_PARENT,  /* inherited from the parent node */
  ANPAI_TIME_SOURCE_PLAN,    /* the plan's year or period */
  ANPAI_TIME_SOURCE_MANUAL,  /* set or rescheduled by the planner */
} AnpaiTimeSource;

typedef struct _AnpaiTimeSpec AnpaiTimeSpec;

struct _AnpaiTimeSpec
{
  char            *text;    /* as written; never NULL, may be "" */
  AnpaiTimeKind    kind;
  GDate            start;   /* g_date_valid() is FALSE when unset */
  GDate            end;
  char            *rrule;   /* RFC 5545 RRULE value for RECURRING, else NULL */
  AnpaiTimeSource  source;
};

#define ANPAI_TYPE_TIME_SPEC (anpai_time_spec_get_type ())

GType           anpai_time_spec_get_type        (void) G_GNUC_CONST;
AnpaiTimeSpec  *anpai_time_spec_new             (void);
AnpaiTimeSpec  *anpai_time_spec_copy            (const AnpaiTimeSpec *spec);
void            anpai_time_spec_free            (AnpaiTimeSpec       *spec);
gboolean        anpai_time_spec_equal           (const AnpaiTimeSpec *a,
                                                 const AnpaiTimeSpec *b);

AnpaiTimeSpec  *anpai_time_spec_parse           (const char          *text,
                                                 const GDate         *period_start,
                                                 const GDate         *period_end);
gboolean        anpai_time_spec_find            (const char          *text,
                                                 const GDate         *period_start,
                                                 const GDate         *period_end,
                                                 AnpaiTimeSpec      **spec);
char           *anpai_time_spec_describe        (const AnpaiTimeSpec *spec);

const char     *anpai_time_kind_to_string       (AnpaiTimeKind        kind);
gboolean        anpai_time_kind_from_string     (const char          *str,
                                                 AnpaiTimeKind       *kind);
const char     *anpai_time_source_to_string     (AnpaiTimeSource      source);
gboolean        anpai_time_source_from_string   (const char          *str,
                                                 AnpaiTimeSource     *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiTimeSpec, anpai_time_spec_free)

G_END_DECLS
