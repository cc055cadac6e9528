/* anpai-rrule.c — the parts of an iCalendar repeat rule Anpai works with
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anpai-rrule.h"

static gboolean
parse_int (const char *s,
           int         min,
           int         max,
           int        *out)
{
  char *end = NULL;
  long v;

  if (s == NULL || *s == '\0')
    return FALSE;
  v = strtol (s, &end, 10);
  if (*end != '\0' || v < min || v > max)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static AnpaiRruleFreq
parse_freq (const char *value)
{
  if (g_ascii_strcasecmp (value, "YEARLY") == 0)
    return ANPAI_RRULE_YEARLY;
  if (g_ascii_strcasecmp (value, "MONTHLY") == 0)
    return ANPAI_RRULE_MONTHLY;
  if (g_ascii_strcasecmp (value, "WEEKLY") == 0)
    return ANPAI_RRULE_WEEKLY;
  return ANPAI_RRULE_OTHER;
}

/* BYMONTH=3,6,9,12 as bits; FALSE for anything but months */
static gboolean
parse_months (const char *value,
              guint16    *months)
{
  g_auto(GStrv) list = g_strsplit (value, ",", -1);

  *months = 0;
  for (guint i = 0; list[i] != NULL; i++)
    {
      int month;

      if (!parse_int (list[i], 1, 12, &month))
        return FALSE;
      *months |= ANPAI_RRULE_MONTH (month);
    }
  return *months != 0;
}

gboolean
anpai_rrule_parse (const char *text,
                   AnpaiRrule *rule)
{
  g_auto(GStrv) parts = NULL;
  gboolean has_freq = FALSE;

  memset (rule, 0, sizeof *rule);
  rule->interval = 1;
  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');
      const char *name = parts[i];
      const char *value;

      if (eq == NULL)
        return FALSE;
      *eq = '\0';
      value = eq + 1;
      if (g_ascii_strcasecmp (name, "FREQ") == 0)
        {
          rule->freq = parse_freq (value);
          has_freq = TRUE;
        }
      else if (g_ascii_strcasecmp (name, "INTERVAL") == 0)
        {
          if (!parse_int (value, 1, 1000, &rule->interval))
            rule->other = TRUE;
        }
      else if (g_ascii_strcasecmp (name, "BYMONTH") == 0)
        {
          if (!parse_months (value, &rule->months))
            rule->other = TRUE;
        }
      else if (g_ascii_strcasecmp (name, "BYMONTHDAY") == 0)
        {
          if (!parse_int (value, -1, 31, &rule->monthday) || rule->monthday == 0)
            {
              rule->monthday = 0;
              rule->other = TRUE;
            }
        }
      else
        rule->other = TRUE;
    }
  return has_freq;
}

int
anpai_rrule_single_month (const AnpaiRrule *rule)
{
  for (int month = 1; month <= 12; month++)
    if (rule->months == ANPAI_RRULE_MONTH (month))
      return month;
  return 0;
}
