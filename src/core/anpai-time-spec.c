/* anpai-time-spec.c — a task's time requirement (时间要求), raw and parsed
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-rrule.h"
#include "anpai-time-spec.h"

/* The parser lives in anpai-time-parse.c; this file holds the type, the
 * strings of the file format and the description shown in the UI. */

G_DEFINE_BOXED_TYPE (AnpaiTimeSpec, anpai_time_spec, anpai_time_spec_copy, anpai_time_spec_free)

/* Written to project files and JSON dumps: never change them. */
static const char *const kind_names[] = {
  [ANPAI_TIME_NONE] = "none",
  [ANPAI_TIME_DEADLINE] = "deadline",
  [ANPAI_TIME_WINDOW] = "window",
  [ANPAI_TIME_FROM] = "from",
  [ANPAI_TIME_ONGOING] = "ongoing",
  [ANPAI_TIME_RECURRING] = "recurring",
};

static const char *const source_names[] = {
  [ANPAI_TIME_SOURCE_NONE] = "none",
  [ANPAI_TIME_SOURCE_TABLE] = "table",
  [ANPAI_TIME_SOURCE_TEXT] = "text",
  [ANPAI_TIME_SOURCE_PARENT] = "parent",
  [ANPAI_TIME_SOURCE_PLAN] = "plan",
  [ANPAI_TIME_SOURCE_MANUAL] = "manual",
};

/**
 * anpai_time_spec_new:
 *
 * Returns: (transfer full): an empty spec: text "", kind none, no dates
 */
AnpaiTimeSpec *
anpai_time_spec_new (void)
{
  AnpaiTimeSpec *spec = g_new0 (AnpaiTimeSpec, 1);

  spec->text = g_strdup ("");
  spec->kind = ANPAI_TIME_NONE;
  g_date_clear (&spec->start, 1);
  g_date_clear (&spec->end, 1);
  spec->rrule = NULL;
  spec->source = ANPAI_TIME_SOURCE_NONE;
  return spec;
}

AnpaiTimeSpec *
anpai_time_spec_copy (const AnpaiTimeSpec *spec)
{
  AnpaiTimeSpec *copy;

  g_return_val_if_fail (spec != NULL, NULL);

  copy = g_new0 (AnpaiTimeSpec, 1);
  *copy = *spec;
  copy->text = g_strdup (spec->text != NULL ? spec->text : "");
  copy->rrule = g_strdup (spec->rrule);
  return copy;
}

void
anpai_time_spec_free (AnpaiTimeSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->text);
  g_free (spec->rrule);
  g_free (spec);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  gboolean va = g_date_valid (a), vb = g_date_valid (b);

  if (!va || !vb)
    return va == vb;
  return g_date_compare (a, b) == 0;
}

gboolean
anpai_time_spec_equal (const AnpaiTimeSpec *a,
                       const AnpaiTimeSpec *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->kind == b->kind && a->source == b->source &&
         g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->rrule, b->rrule) == 0 &&
         dates_equal (&a->start, &b->start) && dates_equal (&a->end, &b->end);
}

/* Strings */

const char *
anpai_time_kind_to_string (AnpaiTimeKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
anpai_time_kind_from_string (const char    *str,
                             AnpaiTimeKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        *kind = (AnpaiTimeKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
anpai_time_source_to_string (AnpaiTimeSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (source_names), NULL);

  return source_names[source];
}

gboolean
anpai_time_source_from_string (const char      *str,
                               AnpaiTimeSource *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    if (strcmp (str, source_names[i]) == 0)
      {
        *source = (AnpaiTimeSource) i;
        return TRUE;
      }
  return FALSE;
}

/* Describing */

static char *
describe_rrule (const char *rrule)
{
  static const guint16 quarter_ends = ANPAI_RRULE_MONTH (3) | ANPAI_RRULE_MONTH (6) |
                                      ANPAI_RRULE_MONTH (9) | ANPAI_RRULE_MONTH (12);
  static const guint16 half_ends = ANPAI_RRULE_MONTH (6) | ANPAI_RRULE_MONTH (12);
  AnpaiRrule r;
  int month;

  if (!anpai_rrule_parse (rrule, &r) || r.other)
    goto unknown;
  month = anpai_rrule_single_month (&r);

  if (r.freq == ANPAI_RRULE_YEARLY && r.interval == 1)
    {
      if (r.months == 0 && r.monthday == 0)
        /* Translators: a task that repeats every year, on no fixed date */
        return g_strdup (_("Every year"));
      if (month > 0 && r.monthday == -1)
        /* Translators: %d is a month number, 1–12; the task is due by the
         * last day of that month every year */
        return g_strdup_printf (_("Every year by the end of month %d"), month);
      if (month > 0 && r.monthday > 0)
        {
          g_autofree char *day = g_strdup_printf ("%02d-%02d", month, r.monthday);

          /* Translators: %s is a month and day such as 03-31; the task is
           * due by that day every year */
          return g_strdup_printf (_("Every year by %s"), day);
        }
    }
  else if (r.freq == ANPAI_RRULE_MONTHLY)
    {
      /* not INTERVAL=3 without months: the timeline counts that from
       * its first day, not from the calendar's quarters */
      gboolean quarter = r.interval == 1 && r.months == quarter_ends;
      gboolean half = r.interval == 1 && r.months == half_ends;

      if (quarter && r.monthday <= 0)
        /* Translators: a task due at the end of every calendar quarter */
        return g_strdup (_("Every quarter"));
      if (half && r.monthday <= 0)
        /* Translators: a task due at the end of every half year (06-30 and 12-31) */
        return g_strdup (_("Every half year"));
      if (r.interval == 1 && r.months == 0)
        {
          if (r.monthday <= 0)
            /* Translators: a task due by the end of every month */
            return g_strdup (_("Every month"));
          /* Translators: %d is a day of the month, 1–31; the task is due by
           * that day every month */
          return g_strdup_printf (_("Every month by day %d"), r.monthday);
        }
    }
  else if (r.freq == ANPAI_RRULE_WEEKLY && r.interval == 1 && r.months == 0 && r.monthday == 0)
    {
      /* Translators: a task that repeats every week */
      return g_strdup (_("Every week"));
    }

unknown:
  if (rrule == NULL || *rrule == '\0')
    /* Translators: a repeating task whose rule is missing */
    return g_strdup (_("Repeats"));
  /* Translators: %s is an iCalendar repeat rule such as FREQ=DAILY, shown
   * as is because the application has no words for it */
  return g_strdup_printf (_("Repeats: %s"), rrule);
}

/**
 * anpai_time_spec_describe:
 * @spec: a time spec
 *
 * Describes @spec in a few words for the UI, in the current locale.
 *
 * Returns: (transfer full): a short description such as "By 2023-12-31"
 */
char *
anpai_time_spec_describe (const AnpaiTimeSpec *spec)
{
  char start[ANPAI_DATE_ISO_LEN], end[ANPAI_DATE_ISO_LEN];
  gboolean have_start, have_end;

  g_return_val_if_fail (spec != NULL, NULL);

  have_start = g_date_valid (&spec->start);
  have_end = g_date_valid (&spec->end);
  anpai_date_format_iso (&spec->start, start);
  anpai_date_format_iso (&spec->end, end);

  switch (spec->kind)
    {
    case ANPAI_TIME_DEADLINE:
      if (!have_end)
        break;
      /* Translators: %s is a due date such as 2023-12-31 */
      return g_strdup_printf (_("By %s"), end);

    case ANPAI_TIME_WINDOW:
      if (!have_start || !have_end)
        break;
      /* Translators: a span of dates, such as "2023-01-01 to 2023-06-30" */
      return g_strdup_printf (_("%s to %s"), start, end);

    case ANPAI_TIME_FROM:
      if (!have_start)
        break;
      /* Translators: %s is a start date such as 2017-01-01; the task runs
       * from then to the end of the plan period */
      return g_strdup_printf (_("From %s"), start);

    case ANPAI_TIME_ONGOING:
      /* Translators: a task that runs for the whole plan period */
      return g_strdup (_("Throughout the period"));

    case ANPAI_TIME_RECURRING:
      return describe_rrule (spec->rrule);

    case ANPAI_TIME_NONE:
    default:
      /* Translators: a task without any time requirement */
      return g_strdup (_("No schedule"));
    }

  /* Translators: a deadline, window or start whose date is missing */
  return g_strdup (_("No date set"));
}
