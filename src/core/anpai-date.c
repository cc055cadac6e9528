/* anpai-date.c — ISO 8601 calendar dates for plan days
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anpai-date.h"

/* Dates are stored as TEXT 'YYYY-MM-DD' in the project file: they sort as
 * text, read well in the SQLite shell and need no time zone. */

static gboolean
parse_digits (const char *s,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
anpai_date_parse_iso (const char *text,
                      GDate      *date)
{
  int y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

gboolean
anpai_date_is_valid_iso (const char *text)
{
  GDate date;

  return anpai_date_parse_iso (text, &date);
}

void
anpai_date_format_iso (const GDate *date,
                       char         buf[ANPAI_DATE_ISO_LEN])
{
  g_return_if_fail (date != NULL);

  if (!g_date_valid (date))
    {
      buf[0] = '\0';
      return;
    }
  g_snprintf (buf, ANPAI_DATE_ISO_LEN, "%04u-%02u-%02u",
              (guint) g_date_get_year (date) % 10000,
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

/* Returns NULL for an invalid (unset) date. */
char *
anpai_date_to_iso (const GDate *date)
{
  char buf[ANPAI_DATE_ISO_LEN];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  anpai_date_format_iso (date, buf);
  return g_strdup (buf);
}

/* Sets @date, or clears it when the day does not exist. */
void
anpai_date_set_ymd (GDate *date,
                    int    year,
                    int    month,
                    int    day)
{
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
      g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
}

void
anpai_date_set_month_end (GDate *date,
                          int    year,
                          int    month)
{
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (year < 1 || year > 9999 || month < 1 || month > 12)
    return;
  anpai_date_set_ymd (date, year, month, g_date_get_days_in_month (month, year));
}

/* NULL and "" sort before every date. */
int
anpai_date_compare_iso (const char *a,
                        const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL);
}

/* Reads a date as people type it: 2026-3-1, 2026/03/01, 2026.3.1,
 * 2026年3月1日, 20260301, in full- or half-width digits. */
gboolean
anpai_date_parse_loose (const char *text,
                        GDate      *date)
{
  g_autofree char *norm = NULL;
  int parts[3] = { 0, 0, 0 };
  int n = 0;
  int digits = 0;
  const char *p;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return FALSE;
  g_strstrip (norm);

  /* 20260301 */
  if (strlen (norm) == 8 && strspn (norm, "0123456789") == 8)
    {
      int v = atoi (norm);

      anpai_date_set_ymd (date, v / 10000, (v / 100) % 100, v % 100);
      return g_date_valid (date);
    }

  for (p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          if (n >= 3 || digits >= 4)
            return FALSE;
          parts[n] = parts[n] * 10 + (int) (c - '0');
          digits++;
          continue;
        }
      if (digits == 0)
        return FALSE;
      /* one separator after each number */
      if (!(c == '-' || c == '/' || c == '.' || c == 0x5E74 /* 年 */ ||
            c == 0x6708 /* 月 */ || (c == 0x65E5 /* 日 */ && n == 2)))
        return FALSE;
      n++;
      digits = 0;
      if (c == 0x65E5 && *g_utf8_next_char (p) != '\0')
        return FALSE;
    }
  if (digits > 0)
    n++;
  if (n != 3 || parts[0] < 1000)
    return FALSE;

  anpai_date_set_ymd (date, parts[0], parts[1], parts[2]);
  return g_date_valid (date);
}
