/* anpai-reschedule.h — moving a task's dates, as dragging its bar does
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

/* What is dragged: the whole bar (or a deadline's diamond), or one end. */
typedef enum {
  ANPAI_RESCHEDULE_MOVE,
  ANPAI_RESCHEDULE_START,
  ANPAI_RESCHEDULE_END,
} AnpaiRescheduleEdge;

/* The days a task occupies in a plan running @period_start..@period_end:
 * a deadline is its one day, open ends run to the period's. Both dates are
 * left invalid when @spec has no schedule. */
void            anpai_time_spec_get_span        (const AnpaiTimeSpec  *spec,
                                                 const GDate          *period_start,
                                                 const GDate          *period_end,
                                                 GDate                *start,
                                                 GDate                *end);
/* Whether a task's bar can be dragged: not recurring, with a schedule. */
gboolean        anpai_time_spec_can_reschedule  (const AnpaiTimeSpec  *spec);
/* (nullable): @spec with @edge moved by @days, the text as written, set by
 * the planner; NULL when nothing moves or @spec cannot be rescheduled. */
AnpaiTimeSpec  *anpai_time_spec_reschedule      (const AnpaiTimeSpec  *spec,
                                                 const GDate          *period_start,
                                                 const GDate          *period_end,
                                                 AnpaiRescheduleEdge   edge,
                                                 int                   days);

/* One undoable step, "Reschedule Task": the node's time moved as above
 * against its plan's period, and the node marked as rescheduled. */
gboolean        anpai_project_reschedule_node   (AnpaiProject         *self,
                                                 gint64                node_id,
                                                 AnpaiRescheduleEdge   edge,
                                                 int                   days,
                                                 GError              **error);

G_END_DECLS
