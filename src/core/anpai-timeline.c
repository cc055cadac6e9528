/* anpai-timeline.c — a plan's Gantt chart (时间进度图): rows and pages
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimeline"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-project-private.h"
#include "anpai-reschedule.h"
#include "anpai-timeline-private.h"

/* The rows come from anpai_export_build(), as every export reads them;
 * this file turns them into bars (the spans), groups them, and cuts the
 * chart into pages. Drawing is in anpai-timeline-draw.c. */

static void
clear_row (AnpaiTimelineRow *row)
{
  g_clear_pointer (&row->occurrences, g_array_unref);
}

void
anpai_timeline_free (AnpaiTimeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  for (guint b = 0; b < G_N_ELEMENTS (self->ticks); b++)
    g_clear_pointer (&self->ticks[b], g_ptr_array_unref);
  g_array_unref (self->rows);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->expanded, g_array_unref);
  g_ptr_array_unref (self->units);
  g_hash_table_unref (self->unit_index);
  anpai_export_table_free (self->table);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

static void
extend (GDate       *start,
        GDate       *end,
        const GDate *from,
        const GDate *to)
{
  if (!g_date_valid (from) || !g_date_valid (to))
    return;
  if (!g_date_valid (start) || g_date_compare (from, start) < 0)
    *start = *from;
  if (!g_date_valid (end) || g_date_compare (to, end) > 0)
    *end = *to;
}

static int
unit_color (AnpaiTimeline *self,
            const char    *lead)
{
  gpointer index;

  if (lead == NULL)
    return -1;
  if (g_hash_table_lookup_extended (self->unit_index, lead, NULL, &index))
    return GPOINTER_TO_INT (index);
  g_hash_table_insert (self->unit_index, (gpointer) lead, GINT_TO_POINTER (self->units->len));
  g_ptr_array_add (self->units, (gpointer) lead);
  return (int) self->units->len - 1;
}

static AnpaiTimelineRow
task_row (AnpaiTimeline        *self,
          const AnpaiExportRow *in,
          const GDate          *plan_start,
          const GDate          *plan_end)
{
  AnpaiTimelineRow row = { 0 };

  row.kind = in->is_section ? ANPAI_TIMELINE_ROW_SECTION : ANPAI_TIMELINE_ROW_TASK;
  row.node_id = in->node_id;
  row.source = in;
  row.depth = in->depth;
  row.label = in->label != NULL ? in->label : "";
  /* a task written as one sentence has its text in the body */
  row.title = in->title != NULL && in->title[0] != '\0' ? in->title : in->body != NULL ? in->body : "";
  row.lead = in->is_section ? NULL : in->lead;
  row.status = in->status;
  row.time = in->time;
  row.color = in->is_section ? -1 : unit_color (self, in->lead);
  g_date_clear (&row.span_start, 1);
  g_date_clear (&row.span_end, 1);
  if (!in->is_section)
    anpai_time_spec_get_span (in->time, plan_start, plan_end, &row.span_start, &row.span_end);
  /* a recurring task's days are worked out when its row is first asked
   * for: a big plan's chart shows a screenful at a time */
  return row;
}

/* node id → 1 + the index of its row in @self->rows (lanes have none);
 * the outline's rows are each a node's, once. */
static GHashTable *
node_index (AnpaiTimeline *self)
{
  if (self->node_index != NULL)
    return self->node_index;
  self->node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AnpaiTimelineRow *row = &g_array_index (self->rows, AnpaiTimelineRow, i);

      if (row->node_id != 0 && !g_hash_table_contains (self->node_index, &row->node_id))
        g_hash_table_insert (self->node_index, (gpointer) &row->source->node_id, GUINT_TO_POINTER (i + 1));
    }
  return self->node_index;
}

static void
build_outline (AnpaiTimeline *self,
               const GDate   *plan_start,
               const GDate   *plan_end)
{
  GHashTable *index;
  GPtrArray *in = self->table->rows;

  for (guint i = 0; i < in->len; i++)
    {
      AnpaiTimelineRow out = task_row (self, g_ptr_array_index (in, i), plan_start, plan_end);

      g_array_append_val (self->rows, out);
    }
  index = node_index (self);
  /* a row with rows under it can be collapsed */
  for (guint i = 0; i + 1 < in->len; i++)
    {
      AnpaiExportRow *row = g_ptr_array_index (in, i + 1);

      g_array_index (self->rows, AnpaiTimelineRow, i).has_children =
        row->parent_id == ((AnpaiExportRow *) g_ptr_array_index (in, i))->node_id;
    }
  /* a section spans the bars of everything under it */
  for (guint i = 0; i < in->len; i++)
    {
      AnpaiExportRow *row = g_ptr_array_index (in, i);
      AnpaiTimelineRow *task = &g_array_index (self->rows, AnpaiTimelineRow, i);

      if (row->is_section || !g_date_valid (&task->span_start))
        continue;
      for (guint up = GPOINTER_TO_UINT (g_hash_table_lookup (index, &row->parent_id)); up != 0;)
        {
          AnpaiTimelineRow *section = &g_array_index (self->rows, AnpaiTimelineRow, up - 1);
          AnpaiExportRow *parent = g_ptr_array_index (in, up - 1);

          extend (&section->span_start, &section->span_end, &task->span_start, &task->span_end);
          up = GPOINTER_TO_UINT (g_hash_table_lookup (index, &parent->parent_id));
        }
    }
}

/* One lane per lead unit, in the order the units first lead a task; the
 * tasks nobody leads last. Sections are left out: the lane is the group. */
static void
build_lanes (AnpaiTimeline *self,
             const GDate   *plan_start,
             const GDate   *plan_end)
{
  GPtrArray *in = self->table->rows;
  g_autoptr(GPtrArray) leads = g_ptr_array_new ();
  gboolean orphans = FALSE;

  for (guint i = 0; i < in->len; i++)
    {
      AnpaiExportRow *row = g_ptr_array_index (in, i);

      if (row->is_section)
        continue;
      if (row->lead == NULL)
        orphans = TRUE;
      else if (!g_ptr_array_find_with_equal_func (leads, row->lead, g_str_equal, NULL))
        g_ptr_array_add (leads, row->lead);
    }
  if (orphans)
    g_ptr_array_add (leads, NULL);

  for (guint l = 0; l < leads->len; l++)
    {
      const char *lead = g_ptr_array_index (leads, l);
      AnpaiTimelineRow lane = { 0 };
      guint lane_index = self->rows->len;

      lane.kind = ANPAI_TIMELINE_ROW_LANE;
      lane.label = "";
      /* Translators: the timeline's lane of the tasks without a lead unit */
      lane.title = lead != NULL ? lead : _("No lead unit");
      lane.lead = lead;
      lane.color = unit_color (self, lead);
      lane.has_children = TRUE;
      g_date_clear (&lane.span_start, 1);
      g_date_clear (&lane.span_end, 1);
      g_array_append_val (self->rows, lane);
      for (guint i = 0; i < in->len; i++)
        {
          AnpaiExportRow *row = g_ptr_array_index (in, i);
          AnpaiTimelineRow task;
          AnpaiTimelineRow *lane_row;

          if (row->is_section || g_strcmp0 (row->lead, lead) != 0)
            continue;
          task = task_row (self, row, plan_start, plan_end);
          task.depth = 1;
          g_array_append_val (self->rows, task);
          lane_row = &g_array_index (self->rows, AnpaiTimelineRow, lane_index);
          extend (&lane_row->span_start, &lane_row->span_end, &task.span_start, &task.span_end);
        }
    }
}

void
anpai_timeline_plan_span (AnpaiProject *project,
                          gint64        plan_id,
                          const GDate  *today,
                          GDate        *start,
                          GDate        *end)
{
  AnpaiPlan *plan = anpai_project_get_plan (project, plan_id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate first, last;

  anpai_date_parse_iso (plan != NULL ? anpai_plan_get_period_start (plan) : NULL, start);
  anpai_date_parse_iso (plan != NULL ? anpai_plan_get_period_end (plan) : NULL, end);
  if (g_date_valid (start) && g_date_valid (end))
    return;

  /* ISO dates sort as text */
  stmt = anpai_db_prepare (_anpai_project_get_db (project),
                           "SELECT min (min (coalesce (time_start, '9'), coalesce (time_end, '9'))),"
                           " max (max (coalesce (time_start, ''), coalesce (time_end, '')))"
                           " FROM node WHERE plan_id = ?1", NULL);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          anpai_date_parse_iso (anpai_db_column_text (stmt, 0), &first);
          anpai_date_parse_iso (anpai_db_column_text (stmt, 1), &last);
        }
    }
  if (!g_date_valid (&first) || !g_date_valid (&last))
    first = last = *today;
  if (!g_date_valid (start))
    g_date_set_dmy (start, 1, 1, g_date_get_year (&first));
  if (!g_date_valid (end))
    g_date_set_dmy (end, 31, 12, g_date_get_year (&last));
}

static gboolean
parse_option_date (const char  *text,
                   GDate       *date,
                   GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (anpai_date_parse_iso (text, date))
    return TRUE;
  g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
               _("“%s” is not a date (YYYY-MM-DD)."), text);
  return FALSE;
}

AnpaiTimeline *
anpai_timeline_new (AnpaiProject               *project,
                    gint64                      plan_id,
                    const AnpaiTimelineOptions *options,
                    GError                    **error)
{
  static const AnpaiTimelineOptions defaults = ANPAI_TIMELINE_OPTIONS_INIT;
  AnpaiExportOptions export = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(AnpaiTimeline) self = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  GDate plan_start, plan_end, from, to;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  if (options == NULL)
    options = &defaults;
  if (plan_id == 0)
    {
      GListModel *plans = anpai_project_get_plans (project);
      g_autoptr(AnpaiPlan) first = g_list_model_get_item (plans, 0);

      if (first == NULL)
        {
          g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                       "%s", _("There are no plans in this project."));
          return NULL;
        }
      plan_id = anpai_plan_get_id (first);
    }
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (!parse_option_date (options->from, &from, error) || !parse_option_date (options->to, &to, error))
    return NULL;

  export.plan_id = plan_id;
  export.unit_id = options->unit_id;
  export.statuses = options->statuses;
  tables = anpai_export_build (project, &export, error);
  if (tables == NULL)
    return NULL;
  g_assert (tables->len == 1);

  self = g_new0 (AnpaiTimeline, 1);
  self->table = g_ptr_array_steal_index (tables, 0);
  self->rows = g_array_new (FALSE, TRUE, sizeof (AnpaiTimelineRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);
  self->units = g_ptr_array_new ();
  self->unit_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->zoom = MIN (options->zoom, ANPAI_TIMELINE_ZOOM_WEEK);
  self->color_by = options->color_by;
  self->selected = -1;
  self->preview_row = -1;
  g_date_clear (&self->today, 1);
  if (options->today == NULL || !anpai_date_parse_iso (options->today, &self->today))
    g_date_set_time_t (&self->today, time (NULL));

  /* the range: as asked, else the plan's span */
  anpai_timeline_plan_span (project, plan_id, &self->today, &plan_start, &plan_end);
  self->from = g_date_valid (&from) ? from : plan_start;
  self->to = g_date_valid (&to) ? to : plan_end;
  if (g_date_compare (&self->from, &self->to) > 0)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   "%s", _("The timeline would end before it starts."));
      return NULL;
    }

  if (options->group_by == ANPAI_TIMELINE_GROUP_BY_UNIT)
    build_lanes (self, &plan_start, &plan_end);
  else
    build_outline (self, &plan_start, &plan_end);
  _anpai_timeline_setup_text (self);
  return g_steal_pointer (&self);
}

const char *
anpai_timeline_get_title (AnpaiTimeline *self)
{
  return self->table->title;
}

void
anpai_timeline_get_range (AnpaiTimeline *self,
                          GDate         *from,
                          GDate         *to)
{
  *from = self->from;
  *to = self->to;
}

guint
anpai_timeline_get_n_rows (AnpaiTimeline *self)
{
  return _anpai_timeline_n_shown (self);
}

const AnpaiTimelineRow *
anpai_timeline_get_row (AnpaiTimeline *self,
                        guint          index)
{
  AnpaiTimelineRow *row;

  g_return_val_if_fail (index < _anpai_timeline_n_shown (self), NULL);
  row = &g_array_index (self->rows, AnpaiTimelineRow,
                        self->shown != NULL ? g_array_index (self->shown, guint, index) : index);
  if (row->kind == ANPAI_TIMELINE_ROW_TASK && row->occurrences == NULL &&
      row->time->kind == ANPAI_TIME_RECURRING && g_date_valid (&row->span_start))
    {
      GDate to = g_date_compare (&row->span_end, &self->to) < 0 ? row->span_end : self->to;
      guint before = 0;

      /* from the task's own start, which anchors a rule's INTERVAL, so
       * that a chart of a later span marks the same days */
      row->occurrences = anpai_timeline_expand_rrule (row->time->rrule, &row->span_start, &to);
      while (before < row->occurrences->len &&
             g_date_compare (&g_array_index (row->occurrences, GDate, before), &self->from) < 0)
        before++;
      g_array_remove_range (row->occurrences, 0, before);
    }
  return row;
}

GPtrArray *
anpai_timeline_get_units (AnpaiTimeline *self)
{
  return self->units;
}

guint
_anpai_timeline_n_shown (AnpaiTimeline *self)
{
  return self->shown != NULL ? self->shown->len : self->rows->len;
}

void
anpai_timeline_set_shown (AnpaiTimeline          *self,
                          const gint64           *node_ids,
                          const gboolean         *expanded,
                          guint                   n,
                          GArray                 *kept)
{
  GHashTable *index;

  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->expanded, g_array_unref);
  self->selected = -1;
  self->preview_row = -1;
  if (kept != NULL)
    g_array_set_size (kept, 0);
  if (node_ids == NULL)
    return;
  index = node_index (self);
  self->shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  self->expanded = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n);
  for (guint i = 0; i < n; i++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &node_ids[i]));
      gboolean open = expanded != NULL && expanded[i];

      /* a text paragraph has no row */
      if (at == 0)
        continue;
      at--;
      g_array_append_val (self->shown, at);
      g_array_append_val (self->expanded, open);
      if (kept != NULL)
        g_array_append_val (kept, i);
    }
}

gboolean
anpai_timeline_get_expanded (AnpaiTimeline *self,
                             guint          index)
{
  /* every row is shown: everything is open */
  if (self->expanded == NULL)
    return TRUE;
  g_return_val_if_fail (index < self->expanded->len, FALSE);
  return g_array_index (self->expanded, gboolean, index);
}

int
anpai_timeline_find_node (AnpaiTimeline *self,
                          gint64         node_id)
{
  guint n = _anpai_timeline_n_shown (self);

  /* not through anpai_timeline_get_row(): that works out recurrences */
  for (guint i = 0; node_id != 0 && i < n; i++)
    if (g_array_index (self->rows, AnpaiTimelineRow,
                       self->shown != NULL ? g_array_index (self->shown, guint, i) : i).node_id == node_id)
      return (int) i;
  return -1;
}

void
anpai_timeline_set_color_by (AnpaiTimeline        *self,
                             AnpaiTimelineColorBy  color_by)
{
  self->color_by = color_by;
}

void
anpai_timeline_set_scheme (AnpaiTimeline       *self,
                           AnpaiTimelineScheme  scheme)
{
  self->scheme = MIN (scheme, ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST_DARK);
}

AnpaiTimelineScheme
anpai_timeline_get_scheme (AnpaiTimeline *self)
{
  return self->scheme;
}

void
anpai_timeline_set_selected (AnpaiTimeline *self,
                             int            row)
{
  self->selected = row >= 0 && (guint) row < _anpai_timeline_n_shown (self) ? row : -1;
}

int
anpai_timeline_get_selected (AnpaiTimeline *self)
{
  return self->selected;
}

void
anpai_timeline_set_preview (AnpaiTimeline *self,
                            int            row,
                            const GDate   *start,
                            const GDate   *end)
{
  if (row < 0 || (guint) row >= _anpai_timeline_n_shown (self) || start == NULL || end == NULL)
    {
      self->preview_row = -1;
      return;
    }
  self->preview_row = row;
  self->preview_start = *start;
  self->preview_end = *end;
}

void
anpai_timeline_set_zoom (AnpaiTimeline     *self,
                         AnpaiTimelineZoom  zoom)
{
  self->zoom = MIN (zoom, ANPAI_TIMELINE_ZOOM_WEEK);
}


double
anpai_timeline_date_to_x (AnpaiTimeline *self,
                          const GDate   *date)
{
  return ((double) g_date_get_julian (date) - (double) g_date_get_julian (&self->from))
         * anpai_timeline_zoom_pixels_per_day (self->zoom);
}

void
anpai_timeline_x_to_date (AnpaiTimeline *self,
                          double         x,
                          GDate         *date)
{
  /* a day is the interval [x(day), x(day + 1)); clamped to the range */
  double days = floor (x / anpai_timeline_zoom_pixels_per_day (self->zoom) + 1e-9);
  double last = (double) g_date_get_julian (&self->to) - (double) g_date_get_julian (&self->from);

  g_date_set_julian (date, g_date_get_julian (&self->from) + (guint32) CLAMP (days, 0, last));
}


/* Where page @a of @n across starts (julian day; @n: the day after the
 * range): an equal share of the days, moved to the nearest first of a
 * month so that a page's scale starts with a whole month, unless that
 * would leave a page without days. */
static guint32
page_cut (AnpaiTimeline *self,
          guint          n_days,
          guint          a,
          guint          n,
          guint32        previous)
{
  guint32 from = g_date_get_julian (&self->from);
  guint32 ideal = from + n_days * a / n, next = from + n_days * (a + 1) / n;
  GDate day, first, after;

  if (a == 0 || a == n)
    return ideal;
  g_date_set_julian (&day, ideal);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&day), g_date_get_year (&day));
  after = first;
  g_date_add_months (&after, 1);
  /* the nearer first of a month, if it leaves days on both sides */
  if (ideal - g_date_get_julian (&first) > g_date_get_julian (&after) - ideal)
    first = after;
  if (g_date_get_julian (&first) > previous && g_date_get_julian (&first) < next)
    return g_date_get_julian (&first);
  return ideal;
}

guint
anpai_timeline_paginate (AnpaiTimeline *self,
                         AnpaiPaper     paper,
                         guint          pages_across)
{
  double width, height;
  guint per_page, n_days, first = 0;
  g_autofree guint32 *cuts = NULL;

  anpai_paper_get_size (paper, &width, &height);
  self->paper = paper;
  pages_across = CLAMP (pages_across, 1, 12);
  per_page = (guint) MAX (1.0, floor ((height - 2 * PAGE_MARGIN - TITLE_HEIGHT - FOOTER_HEIGHT
                                       - HEADER_HEIGHT) / ROW_HEIGHT + 1e-6));
  n_days = g_date_get_julian (&self->to) - g_date_get_julian (&self->from) + 1;
  pages_across = MIN (pages_across, n_days);

  g_clear_pointer (&self->pages, g_array_unref);
  self->pages = g_array_new (FALSE, TRUE, sizeof (AnpaiTimelinePage));
  cuts = g_new (guint32, pages_across + 1);
  for (guint a = 0; a <= pages_across; a++)
    cuts[a] = page_cut (self, n_days, a, pages_across, a > 0 ? cuts[a - 1] : 0);
  /* the time slices of each band of rows, side by side, then the next band */
  do
    {
      for (guint a = 0; a < pages_across; a++)
        {
          AnpaiTimelinePage page = { 0 };

          page.first_row = first;
          page.n_rows = MIN (per_page, _anpai_timeline_n_shown (self) - first);
          g_date_set_julian (&page.from, cuts[a]);
          g_date_set_julian (&page.to, cuts[a + 1] - 1);
          g_array_append_val (self->pages, page);
        }
      first += per_page;
    }
  while (first < _anpai_timeline_n_shown (self));
  return self->pages->len;
}

guint
anpai_timeline_get_n_pages (AnpaiTimeline *self)
{
  return self->pages != NULL ? self->pages->len : 0;
}

const AnpaiTimelinePage *
anpai_timeline_get_page (AnpaiTimeline *self,
                         guint          index)
{
  g_return_val_if_fail (self->pages != NULL && index < self->pages->len, NULL);
  return &g_array_index (self->pages, AnpaiTimelinePage, index);
}
