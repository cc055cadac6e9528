/* anpai-reschedule.c — moving a task's dates, as dragging its bar does
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiReschedule"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "anpai-reschedule.h"
#include "anpai-timeline.h"

/* A planner who drags a bar sets dates; the time requirement as the plan
 * wrote it (2023年年底前) stays, since it is what the document says, and the
 * task is marked as rescheduled so that the two can be told apart. */

void
anpai_time_spec_get_span (const AnpaiTimeSpec *spec,
                          const GDate         *period_start,
                          const GDate         *period_end,
                          GDate               *start,
                          GDate               *end)
{
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  switch (spec->kind)
    {
    case ANPAI_TIME_DEADLINE:
      *start = *end = g_date_valid (&spec->end) ? spec->end : spec->start;
      break;
    case ANPAI_TIME_WINDOW:
    case ANPAI_TIME_FROM:
    case ANPAI_TIME_ONGOING:
    case ANPAI_TIME_RECURRING:
      *start = g_date_valid (&spec->start) ? spec->start : *period_start;
      *end = g_date_valid (&spec->end) ? spec->end : *period_end;
      if (spec->kind == ANPAI_TIME_WINDOW && !g_date_valid (&spec->start))
        *start = *end;
      break;
    case ANPAI_TIME_NONE:
    default:
      break;
    }
  if (!g_date_valid (start) || !g_date_valid (end))
    {
      g_date_clear (start, 1);
      g_date_clear (end, 1);
    }
  else if (g_date_compare (start, end) > 0)
    *end = *start;
}

gboolean
anpai_time_spec_can_reschedule (const AnpaiTimeSpec *spec)
{
  return spec != NULL && spec->kind != ANPAI_TIME_NONE && spec->kind != ANPAI_TIME_RECURRING;
}

static gboolean
add_days (GDate *date,
          int    days)
{
  guint32 julian = g_date_get_julian (date);

  /* GDate's range: day 1 of year 1 to year 65535 */
  if (days < 0 && (guint32) -days >= julian)
    return FALSE;
  if (days > 0 && julian + (guint32) days > G_MAXUINT16 * 365u)
    return FALSE;
  g_date_set_julian (date, julian + (guint32) days);
  return TRUE;
}

AnpaiTimeSpec *
anpai_time_spec_reschedule (const AnpaiTimeSpec *spec,
                            const GDate         *period_start,
                            const GDate         *period_end,
                            AnpaiRescheduleEdge  edge,
                            int                  days)
{
  g_autoptr(AnpaiTimeSpec) moved = NULL;
  GDate start, end;

  g_return_val_if_fail (spec != NULL, NULL);

  if (days == 0 || !anpai_time_spec_can_reschedule (spec))
    return NULL;
  anpai_time_spec_get_span (spec, period_start, period_end, &start, &end);
  if (!g_date_valid (&start))
    return NULL;

  moved = anpai_time_spec_copy (spec);
  moved->source = ANPAI_TIME_SOURCE_MANUAL;
  if (spec->kind == ANPAI_TIME_DEADLINE)
    {
      /* a deadline is one day: whichever end is dragged moves it */
      if (!add_days (&end, days))
        return NULL;
      g_date_clear (&moved->start, 1);
      moved->end = end;
      return g_steal_pointer (&moved);
    }

  if ((edge != ANPAI_RESCHEDULE_END && !add_days (&start, days)) ||
      (edge != ANPAI_RESCHEDULE_START && !add_days (&end, days)))
    return NULL;
  /* an end dragged past the other leaves a one-day bar */
  if (g_date_compare (&start, &end) > 0)
    {
      if (edge == ANPAI_RESCHEDULE_START)
        start = end;
      else
        end = start;
    }
  /* a task from a date, or over the whole period, whose start alone moved
   * still runs to the period's end; anything else is now a window */
  if ((spec->kind == ANPAI_TIME_FROM || spec->kind == ANPAI_TIME_ONGOING) && edge == ANPAI_RESCHEDULE_START)
    moved->kind = ANPAI_TIME_FROM;
  else
    moved->kind = ANPAI_TIME_WINDOW;
  moved->start = start;
  moved->end = end;
  return g_steal_pointer (&moved);
}

gboolean
anpai_project_reschedule_node (AnpaiProject         *self,
                               gint64                node_id,
                               AnpaiRescheduleEdge   edge,
                               int                   days,
                               GError              **error)
{
  g_autoptr(AnpaiNode) node = NULL;
  g_autoptr(AnpaiTimeSpec) moved = NULL;
  GDate period_start, period_end, today;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);

  node = anpai_project_load_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  /* the chart's span: a plan without a period has one there too */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  anpai_timeline_plan_span (self, anpai_node_get_plan_id (node), &today, &period_start, &period_end);
  moved = anpai_time_spec_reschedule (anpai_node_get_time (node), &period_start, &period_end, edge, days);
  if (moved == NULL)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                           anpai_time_spec_can_reschedule (anpai_node_get_time (node))
                             ? _("The dates cannot move that far.")
                             : _("This task has no dates to move."));
      return FALSE;
    }
  anpai_node_set_time (node, moved);
  anpai_node_set_rescheduled (node, TRUE);
  /* Translators: the undo label of dragging a bar in the timeline */
  if (!anpai_project_begin (self, _("Reschedule Task"), error))
    return FALSE;
  if (!anpai_project_update_node (self, node, error))
    {
      anpai_project_rollback (self);
      return FALSE;
    }
  return anpai_project_commit (self, error);
}
