/* anpai-export-ics.c — the tasks as to-dos of an iCalendar file (RFC 5545)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "anpai-export.h"

/* One VTODO per task, so that a calendar or a to-do app shows what is due
 * when. Each UID is made of ids that do not change, so that importing the
 * file again updates the to-dos instead of doubling them. Dates are DATE
 * values: a plan's days have no time of day and no time zone.
 *
 * libical 3.0.16 folds at 75 octets and never inside a UTF-8 character
 * (it backs up to a lead byte), so its output is written as it is. */

/* A DATE value. Not icaltime_null_date (): its time fields are -1, which
 * libical 3.0's recurrence iterator misreads. */
static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_time ();

  t.is_date = 1;
  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

static gboolean
date_before (const GDate *a,
             const GDate *b)
{
  return g_date_valid (a) && g_date_valid (b) && g_date_compare (a, b) < 0;
}

static enum icalproperty_status
ical_status (AnpaiStatus status)
{
  switch (status)
    {
    case ANPAI_STATUS_IN_PROGRESS:
      return ICAL_STATUS_INPROCESS;
    case ANPAI_STATUS_DONE:
      return ICAL_STATUS_COMPLETED;
    case ANPAI_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    /* iCalendar has no "paused": a suspended task still waits for action */
    case ANPAI_STATUS_SUSPENDED:
    case ANPAI_STATUS_NOT_STARTED:
    default:
      return ICAL_STATUS_NEEDSACTION;
    }
}

/* The rule of a recurring task, bounded by its period so that a 2021 plan's
 * 每季度 does not repeat for ever. FALSE when there is no usable rule. */
static gboolean
add_recurrence (icalcomponent       *todo,
                const AnpaiTimeSpec *time)
{
  struct icalrecurrencetype recur;
  struct icaltimetype start;

  if (time->rrule == NULL || time->rrule[0] == '\0')
    return FALSE;
  recur = icalrecurrencetype_from_string (time->rrule);
  if (recur.freq == ICAL_NO_RECURRENCE)
    return FALSE;
  if (icaltime_is_null_time (recur.until) && recur.count == 0 && g_date_valid (&time->end))
    recur.until = ical_date (&time->end);

  if (g_date_valid (&time->start))
    {
      icalrecur_iterator *iter;
      struct icaltimetype first;

      /* RFC 5545 counts DTSTART as an occurrence, so it must be the first
       * one the rule gives; the period start only when the rule gives none */
      start = ical_date (&time->start);
      iter = icalrecur_iterator_new (recur, start);
      if (iter != NULL)
        {
          first = icalrecur_iterator_next (iter);
          if (!icaltime_is_null_time (first))
            start = first;
          icalrecur_iterator_free (iter);
        }
    }
  else if (g_date_valid (&time->end))
    start = ical_date (&time->end);
  else
    return FALSE;

  icalcomponent_add_property (todo, icalproperty_new_dtstart (start));
  icalcomponent_add_property (todo, icalproperty_new_rrule (recur));
  return TRUE;
}

static void
add_dates (icalcomponent       *todo,
           const AnpaiTimeSpec *time)
{
  switch (time->kind)
    {
    case ANPAI_TIME_RECURRING:
      /* each occurrence is due on its day: no DUE, which would give every
       * occurrence the whole period */
      if (add_recurrence (todo, time))
        return;
      /* without a rule it can at least show its period */
      G_GNUC_FALLTHROUGH;
    case ANPAI_TIME_WINDOW:
    case ANPAI_TIME_FROM:
    case ANPAI_TIME_ONGOING:
      /* DUE must come after DTSTART: a one-day window is only due */
      if (date_before (&time->start, &time->end) ||
          (g_date_valid (&time->start) && !g_date_valid (&time->end)))
        icalcomponent_add_property (todo, icalproperty_new_dtstart (ical_date (&time->start)));
      break;
    case ANPAI_TIME_DEADLINE:
    case ANPAI_TIME_NONE:
    default:
      break;
    }
  /* a task with no date stays a to-do without one */
  if (time->kind != ANPAI_TIME_NONE && g_date_valid (&time->end))
    icalcomponent_add_property (todo, icalproperty_new_due (ical_date (&time->end)));
}

static void
append_line (GString    *text,
             const char *heading,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (heading == NULL)
    g_string_append (text, value);
  else
    /* Translators: a line of a to-do's description: "<column>: <value>" */
    g_string_append_printf (text, _("%s: %s"), heading, value);
}

/* The body, then the columns of the breakdown table that a calendar has no
 * property for, under their headings. */
static char *
describe (const AnpaiExportRow *row)
{
  const char * const *headings = anpai_export_headings (NULL);
  g_autofree char *others = anpai_export_row_others (row);
  GString *text = g_string_new (NULL);

  append_line (text, NULL, row->body);
  append_line (text, headings[2], row->time->text);
  append_line (text, headings[3], row->lead);
  append_line (text, headings[4], others);
  return g_string_free (text, FALSE);
}

static icalcomponent *
make_todo (const AnpaiExportTable *table,
           const AnpaiExportRow   *row,
           struct icaltimetype     stamp)
{
  icalcomponent *todo = icalcomponent_new (ICAL_VTODO_COMPONENT);
  g_autofree char *uid = g_strdup_printf ("anpai-node-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT,
                                          row->node_id, table->plan_id);
  g_autofree char *summary = NULL;
  g_autofree char *description = describe (row);
  int progress = CLAMP (row->progress, 0, 100);

  if (row->label != NULL && row->label[0] != '\0')
    summary = g_strdup_printf ("%s %s", row->label, row->title != NULL ? row->title : "");
  else
    summary = g_strdup (row->title != NULL ? row->title : "");

  icalcomponent_add_property (todo, icalproperty_new_uid (uid));
  icalcomponent_add_property (todo, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (todo, icalproperty_new_summary (summary));
  if (description[0] != '\0')
    icalcomponent_add_property (todo, icalproperty_new_description (description));
  add_dates (todo, row->time);
  if (row->lead != NULL && row->lead[0] != '\0')
    {
      /* libical writes CATEGORIES without escaping , and ;, which would
       * split one unit in two: a full-width comma reads the same */
      g_auto(GStrv) parts = g_strsplit_set (row->lead, ",;", -1);
      g_autofree char *fixed = g_strjoinv ("，", parts);

      icalcomponent_add_property (todo, icalproperty_new_categories (fixed));
    }
  icalcomponent_add_property (todo, icalproperty_new_status (ical_status (row->status)));
  /* a task marked done is complete whatever progress was last written */
  if (row->status == ANPAI_STATUS_DONE)
    progress = 100;
  icalcomponent_add_property (todo, icalproperty_new_percentcomplete (progress));
  return todo;
}

gboolean
_anpai_export_ics (GPtrArray                *tables,
                   const AnpaiExportOptions *options,
                   const char               *path,
                   GError                  **error)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  struct icaltimetype stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  g_autoptr(GHashTable) written = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) name = g_string_new (NULL);
  icalproperty *calname;
  char *text;
  gboolean ok;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Anpai//Anpai//ZH"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint t = 0; t < tables->len; t++)
    {
      AnpaiExportTable *table = g_ptr_array_index (tables, t);

      if (table->title != NULL && table->title[0] != '\0' && g_hash_table_add (titles, table->title))
        g_string_append_printf (name, "%s%s", name->len > 0 ? "、" : "", table->title);
      for (guint r = 0; r < table->rows->len; r++)
        {
          AnpaiExportRow *row = g_ptr_array_index (table->rows, r);

          /* one to-do per task, even when per-unit lists repeat it */
          if (row->is_section || g_hash_table_contains (written, &row->node_id))
            continue;
          g_hash_table_add (written, &row->node_id);
          icalcomponent_add_component (calendar, make_todo (table, row, stamp));
        }
    }
  /* the name calendar apps show for the file */
  if (name->len > 0)
    {
      calname = icalproperty_new_x (name->str);
      icalproperty_set_x_name (calname, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, calname);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  if (text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the calendar."));
      return FALSE;
    }
  ok = g_file_set_contents (path, text, -1, error);
  icalmemory_free_buffer (text);
  return ok;
}
