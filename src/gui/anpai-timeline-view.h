/* anpai-timeline-view.h — a plan's Gantt chart (时间进度图) on screen
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-project.h"
#include "anpai-timeline.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_TIMELINE_VIEW (anpai_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiTimelineView, anpai_timeline_view, ANPAI, TIMELINE_VIEW, GtkWidget)

GtkWidget         *anpai_timeline_view_new          (void);
void               anpai_timeline_view_set_project  (AnpaiTimelineView *self,
                                                     AnpaiProject      *project);
void               anpai_timeline_view_set_plan     (AnpaiTimelineView *self,
                                                     gint64             plan_id);
gint64             anpai_timeline_view_get_plan_id  (AnpaiTimelineView *self);
/* Follows the rows of a tree beside it (the Tasks view's: GtkTreeListRow
 * of AnpaiOutlineRow, of the plan shown): the same rows open, one
 * selection, until another plan or project is shown. NULL: every row. */
void               anpai_timeline_view_set_outline  (AnpaiTimelineView *self,
                                                     GtkSelectionModel *rows);
/* Keeps the date in the middle of the visible time area in place. */
void               anpai_timeline_view_set_zoom     (AnpaiTimelineView *self,
                                                     AnpaiTimelineZoom  zoom);
AnpaiTimelineZoom  anpai_timeline_view_get_zoom     (AnpaiTimelineView *self);
gboolean           anpai_timeline_view_has_chart    (AnpaiTimelineView *self);
void               anpai_timeline_view_set_color_by (AnpaiTimelineView    *self,
                                                     AnpaiTimelineColorBy  color_by);
AnpaiTimelineColorBy anpai_timeline_view_get_color_by (AnpaiTimelineView  *self);
void               anpai_timeline_view_set_group_by (AnpaiTimelineView    *self,
                                                     AnpaiTimelineGroupBy  group_by);
AnpaiTimelineGroupBy anpai_timeline_view_get_group_by (AnpaiTimelineView  *self);
/* Widget pixels per point of the chart's canvas (anpai-timeline.h). */
double             anpai_timeline_view_get_scale    (AnpaiTimelineView *self);
/* The selected row's task (0: none, or a unit's lane); selecting scrolls
 * the row into view. */
gint64             anpai_timeline_view_get_selected (AnpaiTimelineView *self);
gboolean           anpai_timeline_view_select_node  (AnpaiTimelineView *self,
                                                     gint64             node_id);
/* (nullable): the tooltip at @x, @y (widget coordinates): the whole task,
 * its time requirement with what it means, its units and status. */
char              *anpai_timeline_view_dup_tooltip  (AnpaiTimelineView *self,
                                                     double             x,
                                                     double             y);
/* What the pinch gesture does, for tests: @scale from 1 at its start,
 * the fingers' middle at @x (widget coordinates). */
void               anpai_timeline_view_pinch        (AnpaiTimelineView *self,
                                                     double             scale,
                                                     double             x);
/* What the drag gesture does, for tests: a drag from @x, @y (widget
 * coordinates; FALSE if no bar can be dragged there), moved @offset_x
 * pixels, and let go, which reschedules the task. */
gboolean           anpai_timeline_view_drag_begin   (AnpaiTimelineView *self,
                                                     double             x,
                                                     double             y);
void               anpai_timeline_view_drag_update  (AnpaiTimelineView *self,
                                                     double             offset_x);
void               anpai_timeline_view_drag_end     (AnpaiTimelineView *self);
/* (transfer none) (nullable): the chart shown; replaced on every change
 * of the project. */
AnpaiTimeline     *anpai_timeline_view_get_timeline (AnpaiTimelineView *self);
/* The day at @x (widget coordinates) of the time area; FALSE over the
 * label columns or without a chart. */
gboolean           anpai_timeline_view_get_date_at  (AnpaiTimelineView *self,
                                                     double             x,
                                                     GDate             *date);
/* Writes the chart as PDF pages on @paper, landscape, as many across and
 * over the span last printed; or the whole chart as one PNG image. */
gboolean           anpai_timeline_view_export       (AnpaiTimelineView *self,
                                                     const char        *path,
                                                     gboolean           png,
                                                     AnpaiPaper         paper,
                                                     GError           **error);
/* What the print dialog's Timeline tab sets, as it was last: pages side
 * by side, and the span of time (YYYY-MM-DD; NULL: the plan's ends). */
void               anpai_timeline_view_set_print_layout (AnpaiTimelineView *self,
                                                         guint              pages_across,
                                                         const char        *from,
                                                         const char        *to);
/* The print dialog, with the chart's pages. */
void               anpai_timeline_view_print        (AnpaiTimelineView *self);
/* Runs the print operation without a dialog, into a PDF file: the
 * same pages as anpai_timeline_view_print(), for tests. */
gboolean           anpai_timeline_view_print_to_file (AnpaiTimelineView *self,
                                                      const char        *path,
                                                      GError           **error);

G_END_DECLS
