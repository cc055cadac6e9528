/* anpai-rrule.h — the parts of an iCalendar repeat rule Anpai works with
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ANPAI_RRULE_OTHER,    /* DAILY, HOURLY …: no words or marks of our own */
  ANPAI_RRULE_YEARLY,
  ANPAI_RRULE_MONTHLY,
  ANPAI_RRULE_WEEKLY,
} AnpaiRruleFreq;

/* What anpai-time-parse.c writes (FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31,
 * FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1, FREQ=WEEKLY), read for the
 * words that describe a rule. The days it falls on come from libical, the
 * reader of every rule (anpai_timeline_expand_rrule ()). */
typedef struct {
  AnpaiRruleFreq freq;
  int            interval;   /* 1 when absent */
  guint16        months;     /* BYMONTH: bit m for month m (1–12); 0 when absent */
  int            monthday;   /* BYMONTHDAY: 1–31, or -1 for the last day; 0 when absent */
  gboolean       other;      /* a part or value beyond these (BYDAY, COUNT, BYMONTHDAY=1,15 …) */
} AnpaiRrule;

#define ANPAI_RRULE_MONTH(m) ((guint16) (1u << (m)))

/* FALSE when @text is not a rule at all: no FREQ, or a part without "=".
 * Names and values are read without regard to case, as RFC 5545 has it. */
gboolean anpai_rrule_parse       (const char *text,
                                  AnpaiRrule *rule);
/* The month of a rule with exactly one BYMONTH, else 0. */
int      anpai_rrule_single_month (const AnpaiRrule *rule);

G_END_DECLS
