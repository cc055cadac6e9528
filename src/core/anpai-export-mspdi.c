/* anpai-export-mspdi.c — the breakdown table as MS Project XML (MSPDI)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "anpai-date.h"
#include "anpai-export.h"

/* GNOME Planner (through msp2planner.xsl) and ProjectLibre (through MPXJ)
 * read this, so it keeps to elements they know, in the order of Microsoft's
 * schema. Planner's stylesheet reads Milestone, Duration and Work of every
 * task and only resources with an ID above 0, so those are always written.
 * Dated tasks get a "start no earlier than" constraint: without one, both
 * programs reschedule every task to the project start. */

#define MSPDI_NS "http://schemas.microsoft.com/project"
/* the custom field Text1 holds the roles ("牵头: …; 共同: …; 配合: …") */
#define TEXT1_FIELD_ID "188743731"
#define HOURS_PER_DAY 8

typedef struct
{
  const AnpaiExportRow *row;  /* NULL for a plan's own summary task */
  const char           *name; /* a plan's title when row is NULL */
  int                   level;
  int                   parent; /* index in the task array, -1 at the top */
  int                   position; /* among its siblings, from 1 */
  int                   n_children;
  gboolean              summary;
  gboolean              milestone;
  char                 *outline_number;
  GDate                 start;
  GDate                 end;
  /* rolled up from the tasks below, weighted by their working days */
  double                done_days;
  double                all_days;
} Task;

typedef struct
{
  xmlTextWriterPtr writer;
  gboolean         failed;
} Out;

static void
task_clear (Task *task)
{
  g_free (task->outline_number);
}

/* Text the XML parser accepts: control characters (form feeds from Word
 * documents) would make the whole file unreadable. */
static char *
xml_text (const char *text)
{
  char *clean = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';
  return clean;
}

static void
open_element (Out        *out,
              const char *name)
{
  if (!out->failed && xmlTextWriterStartElement (out->writer, BAD_CAST name) < 0)
    out->failed = TRUE;
}

static void
close_element (Out *out)
{
  if (!out->failed && xmlTextWriterEndElement (out->writer) < 0)
    out->failed = TRUE;
}

static void
element (Out        *out,
         const char *name,
         const char *value)
{
  g_autofree char *clean = xml_text (value);

  if (!out->failed && xmlTextWriterWriteElement (out->writer, BAD_CAST name, BAD_CAST clean) < 0)
    out->failed = TRUE;
}

static void
element_int (Out        *out,
             const char *name,
             gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  element (out, name, text);
}

static void
element_date (Out         *out,
              const char  *name,
              const GDate *date,
              gboolean     at_end)
{
  char iso[ANPAI_DATE_ISO_LEN];
  char text[32];

  anpai_date_format_iso (date, iso);
  g_snprintf (text, sizeof text, "%sT%s", iso, at_end ? "17:00:00" : "08:00:00");
  element (out, name, text);
}

static void
element_hours (Out        *out,
               const char *name,
               gint64      hours)
{
  char text[48];

  g_snprintf (text, sizeof text, "PT%" G_GINT64_FORMAT "H0M0S", hours);
  element (out, name, text);
}

/* Monday to Friday from @first to @last, both included. */
static int
working_days (const GDate *first,
              const GDate *last)
{
  guint32 a = g_date_get_julian (first), b = g_date_get_julian (last);
  int days = 0;
  GDate day;

  if (b < a)
    return 0;
  days = (int) ((b - a + 1) / 7) * 5;
  g_date_clear (&day, 1);
  /* the days beyond whole weeks */
  for (guint32 j = a + (b - a + 1) / 7 * 7; j <= b; j++)
    {
      g_date_set_julian (&day, j);
      if (g_date_get_weekday (&day) <= G_DATE_FRIDAY)
        days++;
    }
  return days;
}

static void
append_units (GString    *text,
              AnpaiRole   role,
              GPtrArray  *units)
{
  if (units->len == 0)
    return;
  if (text->len > 0)
    g_string_append (text, "; ");
  g_string_append_printf (text, "%s: ", anpai_role_get_label (role));
  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "、" : "", (char *) g_ptr_array_index (units, i));
}

/* "牵头: A; 共同: B、C; 配合: D" */
static char *
roles_text (const AnpaiExportRow *row)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) lead = g_ptr_array_new ();

  if (row->lead != NULL)
    g_ptr_array_add (lead, row->lead);
  append_units (text, ANPAI_ROLE_LEAD, lead);
  append_units (text, ANPAI_ROLE_CO, row->co);
  append_units (text, ANPAI_ROLE_SUPPORT, row->support);
  return g_string_free (text, FALSE);
}

static char *
notes_text (const AnpaiExportRow *row)
{
  GString *text = g_string_new (row->body);

  if (row->time->text[0] != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a task's time requirement (时间要求) in its notes in
       * MS Project; %s is as written in the plan, such as 今年6月30日前 */
      g_string_append_printf (text, _("Time requirement: %s"), row->time->text);
    }
  return g_string_free (text, FALSE);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static int
task_percent (const AnpaiExportRow *row)
{
  return row->status == ANPAI_STATUS_DONE ? 100 : CLAMP (row->progress, 0, 100);
}

/* The plan period, or else the span of the dated tasks, or else today. */
static void
table_period (const AnpaiExportTable *table,
              GDate                  *first,
              GDate                  *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (table->period_start != NULL)
    anpai_date_parse_iso (table->period_start, first);
  if (table->period_end != NULL)
    anpai_date_parse_iso (table->period_end, last);
  for (guint i = 0; i < table->rows->len && (!g_date_valid (first) || !g_date_valid (last)); i++)
    {
      const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);

      if (g_date_valid (&row->time->start) && !g_date_valid (first))
        *first = row->time->start;
      if (g_date_valid (&row->time->end) && !g_date_valid (last))
        *last = row->time->end;
    }
  if (!g_date_valid (first) && !g_date_valid (last))
    today (first);
  if (!g_date_valid (first))
    *first = *last;
  if (!g_date_valid (last) || g_date_compare (last, first) < 0)
    *last = *first;
}

/* A task's dates from its time requirement: a deadline is a milestone on
 * its day; a span keeps its dates; the rest take the plan period. */
static void
schedule (Task        *task,
          const GDate *first,
          const GDate *last)
{
  const AnpaiTimeSpec *time = task->row->time;

  task->start = *first;
  task->end = *last;
  if (time->kind == ANPAI_TIME_DEADLINE && g_date_valid (&time->end))
    {
      task->milestone = TRUE;
      task->start = task->end = time->end;
      return;
    }
  if (g_date_valid (&time->start))
    task->start = time->start;
  if (g_date_valid (&time->end))
    task->end = time->end;
  if (g_date_compare (&task->end, &task->start) < 0)
    task->start = task->end;
}

static void
merge_dates (Task       *into,
             const Task *from)
{
  if (!g_date_valid (&into->start) || g_date_compare (&from->start, &into->start) < 0)
    into->start = from->start;
  if (!g_date_valid (&into->end) || g_date_compare (&from->end, &into->end) > 0)
    into->end = from->end;
}

/* Outline numbers, 1.2.3. Siblings get numbers of one width (1.01 …
 * 1.12): Planner's importer takes every task whose number starts with its
 * parent's as a child, and would put 1.10 under 1.1 as well. */
static void
number_tasks (GArray *tasks)
{
  int top = 0;

  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = &g_array_index (tasks, Task, i);

      if (task->parent >= 0)
        g_array_index (tasks, Task, task->parent).n_children++;
      else
        top++;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = &g_array_index (tasks, Task, i);
      const Task *parent = task->parent >= 0 ? &g_array_index (tasks, Task, task->parent) : NULL;
      int siblings = parent != NULL ? parent->n_children : top;
      int width = 1;

      for (int n = siblings; n >= 10; n /= 10)
        width++;
      if (parent != NULL)
        task->outline_number = g_strdup_printf ("%s.%0*d", parent->outline_number, width, task->position);
      else
        task->outline_number = g_strdup_printf ("%0*d", width, task->position);
    }
}

/* Every table's rows as tasks, with levels, outline numbers and dates; with
 * several tables each plan is a summary task above its rows. */
static GArray *
collect_tasks (GPtrArray *tables,
               GDate     *project_start,
               GDate     *project_end)
{
  GArray *tasks = g_array_new (FALSE, TRUE, sizeof (Task));
  gboolean plan_tasks = tables->len > 1;
  int counters[64] = { 0 };
  int parents[64];
  int depth_max = (int) G_N_ELEMENTS (counters) - 1;

  Task project = { NULL, };

  g_array_set_clear_func (tasks, (GDestroyNotify) task_clear);
  g_date_clear (&project.start, 1);
  g_date_clear (&project.end, 1);
  for (guint t = 0; t < tables->len; t++)
    {
      const AnpaiExportTable *table = g_ptr_array_index (tables, t);
      int base = plan_tasks ? 1 : 0;
      int previous_level = base;
      GDate first, last;

      table_period (table, &first, &last);
      if (plan_tasks)
        {
          Task plan = { NULL, table->title, 1, -1, 0, 0, TRUE, FALSE, NULL, };

          g_date_clear (&plan.start, 1);
          g_date_clear (&plan.end, 1);
          counters[1]++;
          counters[2] = 0;
          plan.position = counters[1];
          g_array_append_val (tasks, plan);
          parents[1] = (int) tasks->len - 1;
        }
      for (guint i = 0; i < table->rows->len; i++)
        {
          const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);
          Task task = { row, NULL, 0, -1, 0, 0, row->is_section, FALSE, NULL, };

          /* an outline without gaps, whatever the filter left */
          task.level = CLAMP (row->depth + 1 + base, base + 1, MIN (previous_level + 1, depth_max - 1));
          previous_level = task.level;
          counters[task.level]++;
          counters[task.level + 1] = 0;
          parents[task.level] = (int) tasks->len;
          task.parent = task.level > 1 ? parents[task.level - 1] : -1;
          task.position = counters[task.level];
          g_date_clear (&task.start, 1);
          g_date_clear (&task.end, 1);
          if (!row->is_section)
            schedule (&task, &first, &last);
          if (task.parent >= 0)
            g_array_index (tasks, Task, task.parent).summary = TRUE;
          g_array_append_val (tasks, task);
        }
    }
  number_tasks (tasks);

  /* summaries span what is below them; children come after their parent,
   * so walking backwards rolls up grandchildren first */
  for (guint i = tasks->len; i-- > 0;)
    {
      Task *task = &g_array_index (tasks, Task, i);
      Task *parent = task->parent >= 0 ? &g_array_index (tasks, Task, task->parent) : NULL;

      if (!task->summary && task->row != NULL)
        {
          int days = MAX (1, working_days (&task->start, &task->end));

          task->all_days = days;
          task->done_days = days * task_percent (task->row) / 100.0;
        }
      if (parent == NULL)
        continue;
      if (g_date_valid (&task->start))
        merge_dates (parent, task);
      parent->all_days += task->all_days;
      parent->done_days += task->done_days;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = &g_array_index (tasks, Task, i);

      if (g_date_valid (&task->start))
        merge_dates (&project, task);
    }
  if (!g_date_valid (&project.start))
    {
      today (&project.start);
      project.end = project.start;
    }
  /* a section with no dated task anywhere below it: the project's first day */
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = &g_array_index (tasks, Task, i);

      if (!g_date_valid (&task->start))
        task->start = task->end = project.start;
    }
  *project_start = project.start;
  *project_end = project.end;
  return tasks;
}

/* Every unit named in the tables, in the order they first appear; the value
 * is its resource UID. */
static GHashTable *
collect_units (GPtrArray *tables,
               GPtrArray *names)
{
  GHashTable *uids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint t = 0; t < tables->len; t++)
    {
      const AnpaiExportTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < table->rows->len; i++)
        {
          const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);
          GPtrArray *lists[] = { NULL, row->co, row->support };
          g_autoptr(GPtrArray) lead = g_ptr_array_new ();

          if (row->lead != NULL)
            g_ptr_array_add (lead, row->lead);
          lists[0] = lead;
          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            for (guint u = 0; u < lists[l]->len; u++)
              {
                char *name = g_ptr_array_index (lists[l], u);

                if (g_hash_table_contains (uids, name))
                  continue;
                g_ptr_array_add (names, name);
                g_hash_table_insert (uids, name, GUINT_TO_POINTER (names->len));
              }
        }
    }
  return uids;
}

static void
write_calendar (Out *out)
{
  open_element (out, "Calendars");
  open_element (out, "Calendar");
  element (out, "UID", "1");
  element (out, "Name", "Standard");
  element (out, "IsBaseCalendar", "1");
  element (out, "BaseCalendarUID", "-1");
  open_element (out, "WeekDays");
  /* DayType 1 is Sunday: Monday to Friday, 08:00–12:00 and 13:00–17:00 */
  for (int day = 1; day <= 7; day++)
    {
      gboolean working = day >= 2 && day <= 6;

      open_element (out, "WeekDay");
      element_int (out, "DayType", day);
      element (out, "DayWorking", working ? "1" : "0");
      if (working)
        {
          open_element (out, "WorkingTimes");
          open_element (out, "WorkingTime");
          element (out, "FromTime", "08:00:00");
          element (out, "ToTime", "12:00:00");
          close_element (out);
          open_element (out, "WorkingTime");
          element (out, "FromTime", "13:00:00");
          element (out, "ToTime", "17:00:00");
          close_element (out);
          close_element (out);
        }
      close_element (out);
    }
  close_element (out);
  close_element (out);
  close_element (out);
}

static void
write_task (Out        *out,
            const Task *task,
            guint       uid)
{
  const AnpaiExportRow *row = task->row;
  g_autofree char *name = row != NULL ? anpai_export_row_heading (row) : g_strdup (task->name);
  gint64 hours = task->milestone ? 0 : (gint64) MAX (1, working_days (&task->start, &task->end)) * HOURS_PER_DAY;
  guint n_units = row != NULL ? (row->lead != NULL) + row->co->len + row->support->len : 0;
  int percent;

  if (task->summary)
    percent = task->all_days > 0 ? (int) (100 * task->done_days / task->all_days) : 0;
  else
    percent = task_percent (row);

  open_element (out, "Task");
  element_int (out, "UID", uid);
  element_int (out, "ID", uid);
  element (out, "Name", name);
  /* fixed duration: the dates are the plan's, whoever works on it */
  element (out, "Type", "1");
  element (out, "IsNull", "0");
  if (row != NULL && row->lead != NULL)
    element (out, "Contact", row->lead);
  element (out, "WBS", task->outline_number);
  element (out, "OutlineNumber", task->outline_number);
  element_int (out, "OutlineLevel", task->level);
  element (out, "Priority", "500");
  element_date (out, "Start", &task->start, task->milestone);
  element_date (out, "Finish", &task->end, TRUE);
  element_hours (out, "Duration", hours);
  element (out, "DurationFormat", "7");
  element_hours (out, "Work", task->summary ? 0 : hours * (gint64) n_units);
  element (out, "Estimated", "0");
  element (out, "Milestone", task->milestone ? "1" : "0");
  element (out, "Summary", task->summary ? "1" : "0");
  element_int (out, "PercentComplete", percent);
  if (task->summary)
    element (out, "ConstraintType", "0");
  else
    {
      element (out, "ConstraintType", "4");
      element_date (out, "ConstraintDate", &task->start, task->milestone);
      if (task->milestone)
        element_date (out, "Deadline", &task->end, TRUE);
    }
  if (row != NULL)
    {
      g_autofree char *notes = notes_text (row);
      g_autofree char *roles = roles_text (row);

      if (notes[0] != '\0')
        element (out, "Notes", notes);
      if (roles[0] != '\0')
        {
          open_element (out, "ExtendedAttribute");
          element (out, "FieldID", TEXT1_FIELD_ID);
          element (out, "Value", roles);
          close_element (out);
        }
    }
  close_element (out);
}

static void
write_assignments (Out        *out,
                   GArray     *tasks,
                   GHashTable *uids)
{
  guint uid = 0;

  open_element (out, "Assignments");
  for (guint i = 0; i < tasks->len; i++)
    {
      const Task *task = &g_array_index (tasks, Task, i);
      const AnpaiExportRow *row = task->row;
      g_autoptr(GPtrArray) units = g_ptr_array_new ();

      if (row == NULL || row->is_section)
        continue;
      if (row->lead != NULL)
        g_ptr_array_add (units, row->lead);
      g_ptr_array_extend (units, row->co, NULL, NULL);
      g_ptr_array_extend (units, row->support, NULL, NULL);
      for (guint u = 0; u < units->len; u++)
        {
          open_element (out, "Assignment");
          element_int (out, "UID", ++uid);
          element_int (out, "TaskUID", i + 1);
          element_int (out, "ResourceUID",
                       GPOINTER_TO_UINT (g_hash_table_lookup (uids, g_ptr_array_index (units, u))));
          element (out, "Units", "1");
          close_element (out);
        }
    }
  close_element (out);
}

static gboolean
set_memory_error (const char  *path,
                  GError     **error)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
               _("Could not write “%s”: %s"), path, g_strerror (ENOMEM));
  return FALSE;
}

gboolean
_anpai_export_mspdi (GPtrArray                *tables,
                     const AnpaiExportOptions *options,
                     const char               *path,
                     GError                  **error)
{
  g_autoptr(GArray) tasks = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) uids = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  Out out = { NULL, FALSE };
  GDate project_start, project_end;
  xmlBufferPtr buffer;
  gboolean ok;

  /* written in memory first, so that g_file_set_contents() reports a full
   * disk as a GError; a plan of a thousand tasks is a few megabytes */
  buffer = xmlBufferCreate ();
  out.writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (out.writer == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      return set_memory_error (path, error);
    }
  tasks = collect_tasks (tables, &project_start, &project_end);
  uids = collect_units (tables, names);
  /* several plans: one project named after them all */
  for (guint t = 0; t < tables->len; t++)
    g_string_append_printf (title, "%s%s", t > 0 ? "；" : "",
                            ((AnpaiExportTable *) g_ptr_array_index (tables, t))->title);

  if (xmlTextWriterSetIndent (out.writer, 1) < 0 ||
      xmlTextWriterSetIndentString (out.writer, BAD_CAST "  ") < 0 ||
      xmlTextWriterStartDocument (out.writer, NULL, "UTF-8", "yes") < 0)
    out.failed = TRUE;
  open_element (&out, "Project");
  if (!out.failed && xmlTextWriterWriteAttribute (out.writer, BAD_CAST "xmlns", BAD_CAST MSPDI_NS) < 0)
    out.failed = TRUE;
  element (&out, "SaveVersion", "14");
  element (&out, "Name", title->str);
  element (&out, "Title", title->str);
  element (&out, "ScheduleFromStart", "1");
  element_date (&out, "StartDate", &project_start, FALSE);
  element_date (&out, "FinishDate", &project_end, TRUE);
  element (&out, "CalendarUID", "1");
  element (&out, "DefaultStartTime", "08:00:00");
  element (&out, "DefaultFinishTime", "17:00:00");
  element (&out, "MinutesPerDay", "480");
  element (&out, "MinutesPerWeek", "2400");
  element (&out, "DaysPerMonth", "20");

  open_element (&out, "ExtendedAttributes");
  open_element (&out, "ExtendedAttribute");
  element (&out, "FieldID", TEXT1_FIELD_ID);
  element (&out, "FieldName", "Text1");
  /* Translators: the name of a custom column in MS Project holding a
   * task's units by role (牵头: …; 共同: …; 配合: …) */
  element (&out, "Alias", _("Responsible Units"));
  close_element (&out);
  close_element (&out);

  write_calendar (&out);

  open_element (&out, "Tasks");
  for (guint i = 0; i < tasks->len; i++)
    write_task (&out, &g_array_index (tasks, Task, i), i + 1);
  close_element (&out);

  open_element (&out, "Resources");
  for (guint r = 0; r < names->len; r++)
    {
      open_element (&out, "Resource");
      element_int (&out, "UID", r + 1);
      element_int (&out, "ID", r + 1);
      element (&out, "Name", g_ptr_array_index (names, r));
      /* a work resource, not material */
      element (&out, "Type", "1");
      element (&out, "MaxUnits", "1");
      close_element (&out);
    }
  close_element (&out);

  write_assignments (&out, tasks, uids);
  close_element (&out);

  if (!out.failed && xmlTextWriterEndDocument (out.writer) < 0)
    out.failed = TRUE;
  xmlFreeTextWriter (out.writer);
  /* with valid UTF-8 in, only running out of memory makes the writer fail */
  if (out.failed)
    {
      xmlBufferFree (buffer);
      return set_memory_error (path, error);
    }
  ok = g_file_set_contents (path, (const char *) xmlBufferContent (buffer),
                            xmlBufferLength (buffer), error);
  xmlBufferFree (buffer);
  return ok;
}
