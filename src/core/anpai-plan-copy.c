/* anpai-plan-copy.c — next year's arrangement from this year's
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-plan-copy.h"
#include "anpai-project-private.h"
#include "anpai-search.h"

/* Most annual arrangements repeat last year's with new dates: 驻马店市2018年
 * 度法治政府建设工作安排 becomes 2019年度. The copy keeps the outline, its
 * labels, units and targets, moves every date on by a year (and the plan's
 * own years in the tasks' words), and starts the new year's tracking from
 * scratch. The new document has no 文号 or issue
 * date yet, and the old source text does not describe it, so those stay
 * empty. */

static gboolean
is_digit_at (const char *p)
{
  return *p >= '0' && *p <= '9';
}

static int
count_digits (const char *p)
{
  int n = 0;

  while (is_digit_at (p + n))
    n++;
  return n;
}

static gboolean
is_range_separator (gunichar c)
{
  return c == '-' || c == '~' || c == 0x2013 /* – */ || c == 0x2014 /* — */ ||
         c == 0xFF0D /* － */ || c == 0xFF5E /* ～ */ || c == 0x81F3 /* 至 */ ||
         c == 0x5230 /* 到 */;
}

/* What follows a month written with digits (2018.5, 2018/3, 2018-06) when
 * it is an amount instead: 2018.5万元, 12.5%. */
static gboolean
is_amount_unit (gunichar c)
{
  return c == 0x4E07 /* 万 */ || c == 0x4EBF /* 亿 */ || c == 0x5143 /* 元 */ || c == '%' ||
         c == 0xFF05 /* ％ */ || c == 0x5343 /* 千 */ || c == 0x767E /* 百 */;
}

/* Whether four digits followed by @after are a year as people write one:
 * 2018年, 2018年度, 2018-06-30, 2018.6 or 2018/3. Not 2000万元, 2018.5万元 or
 * 〔2018〕, which are amounts and document numbers. */
static gboolean
is_year_context (const char *after)
{
  gunichar c = g_utf8_get_char (after);
  int n, month;

  if (c == 0x5E74 /* 年 */)
    return TRUE;
  if (c != '-' && c != '.' && c != '/')
    return FALSE;
  n = count_digits (after + 1);
  if (n != 1 && n != 2)
    return FALSE;
  month = (int) g_ascii_strtoll (after + 1, NULL, 10);
  return month >= 1 && month <= 12 && !is_amount_unit (g_utf8_get_char (after + 1 + n));
}

/* The second year of a range at @after (—2020年, -2024年): where it starts,
 * or NULL. */
static const char *
range_end (const char *after)
{
  const char *next;

  if (!is_range_separator (g_utf8_get_char (after)))
    return NULL;
  next = g_utf8_next_char (after);
  if (count_digits (next) != 4 || !is_year_context (next + 4))
    return NULL;
  return next;
}

static gboolean
in_years (int year,
          int first_year,
          int last_year,
          int delta)
{
  return year >= first_year && year <= last_year && year + delta > 999 && year + delta < 10000;
}

char *
anpai_shift_plain_years (const char *text,
                         int         first_year,
                         int         last_year,
                         int         delta)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 4);
  p = text;
  while (*p != '\0')
    {
      if (is_digit_at (p))
        {
          int n = count_digits (p);
          /* 0396-2018-7: a number going on, not a date */
          gboolean after_number = p - text >= 2 && p[-1] == '-' && is_digit_at (p - 2);

          if (n == 4 && !after_number)
            {
              int year = (int) g_ascii_strtoll (p, NULL, 10);
              const char *second = range_end (p + 4);

              /* a range moves as a whole or not at all: 2018—2020年 in a
               * plan for 2018 names years beyond it */
              if (second != NULL)
                {
                  int other = (int) g_ascii_strtoll (second, NULL, 10);
                  gboolean both = in_years (year, first_year, last_year, delta) &&
                                  in_years (other, first_year, last_year, delta);

                  if (both)
                    g_string_append_printf (out, "%d", year + delta);
                  else
                    g_string_append_len (out, p, 4);
                  g_string_append_len (out, p + 4, second - (p + 4));
                  if (both)
                    g_string_append_printf (out, "%d", other + delta);
                  else
                    g_string_append_len (out, second, 4);
                  p = second + 4;
                  continue;
                }
              if (in_years (year, first_year, last_year, delta) && is_year_context (p + 4))
                {
                  g_string_append_printf (out, "%d", year + delta);
                  p += 4;
                  continue;
                }
            }
          g_string_append_len (out, p, n);
          p += n;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* A year later; the last day of a month stays the last (02-28 → 02-29). */
static char *
shift_date (const char *iso)
{
  GDate date;
  gboolean month_end;

  if (iso == NULL || !anpai_date_parse_iso (iso, &date))
    return NULL;
  month_end = g_date_is_last_of_month (&date);
  g_date_add_years (&date, 1);
  if (month_end)
    anpai_date_set_month_end (&date, g_date_get_year (&date), g_date_get_month (&date));
  return anpai_date_to_iso (&date);
}

static int
year_of (const char *iso)
{
  GDate date;

  if (iso == NULL || !anpai_date_parse_iso (iso, &date))
    return 0;
  return g_date_get_year (&date);
}

static const char *
column_or_null (sqlite3_stmt *stmt,
                int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? NULL : anpai_db_column_text (stmt, col);
}

static gboolean
copy_nodes (AnpaiProject  *self,
            gint64         from_plan,
            gint64         to_plan,
            int            first_year,
            int            last_year,
            GError       **error)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(sqlite3_stmt) targets = NULL;

  order = _anpai_outline_order (self->db, from_plan, error);
  if (order == NULL)
    return FALSE;
  read = anpai_db_prepare (self->db,
                           "SELECT parent_id, position, label, kind, title, body, time_text,"
                           " time_kind, time_start, time_end, time_rrule, time_source, rescheduled"
                           " FROM node WHERE id = ?", error);
  write = anpai_db_prepare (self->db,
                            "INSERT INTO node (plan_id, parent_id, position, label, kind, title,"
                            " body, time_text, time_kind, time_start, time_end, time_rrule,"
                            " time_source, rescheduled, status, progress)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'not-started', 0)",
                            error);
  units = anpai_db_prepare (self->db,
                            "INSERT INTO assignment (node_id, unit_id, role, position)"
                            " SELECT ?1, unit_id, role, position FROM assignment"
                            " WHERE node_id = ?2 ORDER BY id", error);
  targets = anpai_db_prepare (self->db,
                              "INSERT INTO target (node_id, position, text, comparator, value, measure)"
                              " SELECT ?1, position, text, comparator, value, measure FROM target"
                              " WHERE node_id = ?2 ORDER BY id", error);
  if (read == NULL || write == NULL || units == NULL || targets == NULL)
    return FALSE;

  /* Outline order puts every parent before its children. */
  for (guint i = 0; i < order->len; i++)
    {
      gint64 old_id = g_array_index (order, gint64, i);
      gint64 old_parent;
      gint64 new_id;
      gint64 *new_parent = NULL;
      g_autofree char *time_text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      sqlite3_reset (read);
      sqlite3_bind_int64 (read, 1, old_id);
      if (sqlite3_step (read) != SQLITE_ROW)
        {
          anpai_db_set_error (error, self->db, sqlite3_errcode (self->db), "copy");
          return FALSE;
        }
      old_parent = sqlite3_column_int64 (read, 0);
      if (old_parent != 0)
        new_parent = g_hash_table_lookup (map, &old_parent);
      time_text = anpai_shift_plain_years (anpai_db_column_text (read, 6), 1000, 9999, 1);
      /* "开展2018年度评估" is next year's; "巩固2017年成果" stays */
      title = anpai_shift_plain_years (anpai_db_column_text (read, 4), first_year, last_year, 1);
      body = anpai_shift_plain_years (anpai_db_column_text (read, 5), first_year, last_year, 1);
      start = shift_date (column_or_null (read, 8));
      end = shift_date (column_or_null (read, 9));

      sqlite3_reset (write);
      sqlite3_bind_int64 (write, 1, to_plan);
      anpai_db_bind_id_or_null (write, 2, new_parent != NULL ? *new_parent : 0);
      sqlite3_bind_int (write, 3, sqlite3_column_int (read, 1));
      anpai_db_bind_text (write, 4, anpai_db_column_text (read, 2));
      anpai_db_bind_text (write, 5, anpai_db_column_text (read, 3));
      anpai_db_bind_text (write, 6, title);
      anpai_db_bind_text (write, 7, body);
      anpai_db_bind_text (write, 8, time_text);
      anpai_db_bind_text (write, 9, anpai_db_column_text (read, 7));
      anpai_db_bind_text_or_null (write, 10, start);
      anpai_db_bind_text_or_null (write, 11, end);
      anpai_db_bind_text_or_null (write, 12, column_or_null (read, 10));
      anpai_db_bind_text (write, 13, anpai_db_column_text (read, 11));
      sqlite3_bind_int (write, 14, sqlite3_column_int (read, 12));
      if (!anpai_db_step_done (write, error))
        return FALSE;
      new_id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (map, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));

      sqlite3_reset (units);
      sqlite3_bind_int64 (units, 1, new_id);
      sqlite3_bind_int64 (units, 2, old_id);
      sqlite3_reset (targets);
      sqlite3_bind_int64 (targets, 1, new_id);
      sqlite3_bind_int64 (targets, 2, old_id);
      if (!anpai_db_step_done (units, error) || !anpai_db_step_done (targets, error))
        return FALSE;
    }
  return TRUE;
}

/* Adds a copy of @plan_id for the following year, at the end of the plans,
 * implementing the same plan as the original. Returns its id, or 0. */
gint64
anpai_project_copy_plan_to_next_year (AnpaiProject  *self,
                                      gint64         plan_id,
                                      GError       **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *old_start;
  const char *old_end;
  int first_year, last_year;
  gint64 id;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);

  if (!anpai_project_begin (self, _("Copy Plan to Next Year"), error))
    return 0;

  read = anpai_db_prepare (self->db,
                           "SELECT title, issuer, issued_on, period_start, period_end, kind,"
                           " parent_id, manual_labels FROM plan WHERE id = ?", error);
  if (read == NULL)
    return _anpai_project_fail (self, error);
  sqlite3_bind_int64 (read, 1, plan_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           _("The plan no longer exists."));
      return _anpai_project_fail (self, error);
    }

  /* The plan's years are its period's; without one, its issue year. */
  old_start = column_or_null (read, 3);
  old_end = column_or_null (read, 4);
  first_year = year_of (old_start);
  last_year = year_of (old_end);
  if (first_year == 0)
    first_year = last_year;
  if (last_year == 0)
    last_year = first_year;
  if (first_year == 0)
    first_year = last_year = year_of (column_or_null (read, 2));
  /* A title can name other years (实施纲要(2015—2020年)): only the plan's
   * own move, there and in the tasks' words. */
  if (first_year == 0)
    {
      /* no year known: none moves */
      first_year = 1;
      last_year = 0;
    }
  title = anpai_shift_plain_years (anpai_db_column_text (read, 0), first_year, last_year, 1);
  start = shift_date (old_start);
  end = shift_date (old_end);

  write = anpai_db_prepare (self->db,
                            "INSERT INTO plan (title, issuer, period_start, period_end, kind,"
                            " parent_id, manual_labels, position) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            " (SELECT coalesce(max(position), -1) + 1 FROM plan))", error);
  if (write == NULL)
    return _anpai_project_fail (self, error);
  anpai_db_bind_text (write, 1, title);
  anpai_db_bind_text (write, 2, anpai_db_column_text (read, 1));
  anpai_db_bind_text_or_null (write, 3, start);
  anpai_db_bind_text_or_null (write, 4, end);
  anpai_db_bind_text (write, 5, anpai_db_column_text (read, 5));
  anpai_db_bind_id_or_null (write, 6, sqlite3_column_int64 (read, 6));
  sqlite3_bind_int (write, 7, sqlite3_column_int (read, 7));
  if (!anpai_db_step_done (write, error))
    return _anpai_project_fail (self, error);
  id = sqlite3_last_insert_rowid (self->db);

  if (!copy_nodes (self, plan_id, id, first_year, last_year, error))
    return _anpai_project_fail (self, error);

  if (!anpai_project_commit (self, error))
    return 0;
  return id;
}
