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
/* Keeps the date in the middle of the visible time area in place. */
void               anpai_timeline_view_set_zoom     (AnpaiTimelineView *self,
                                                     AnpaiTimelineZoom  zoom);
AnpaiTimelineZoom  anpai_timeline_view_get_zoom     (AnpaiTimelineView *self);
/* (transfer none) (nullable): the chart shown; replaced on every change
 * of the project. */
AnpaiTimeline     *anpai_timeline_view_get_timeline (AnpaiTimelineView *self);
/* The day at @x (widget coordinates) of the time area; FALSE over the
 * label columns or without a chart. */
gboolean           anpai_timeline_view_get_date_at  (AnpaiTimelineView *self,
                                                     double             x,
                                                     GDate             *date);
/* Writes the chart as PDF pages (A4 landscape) or as one PNG image. */
gboolean           anpai_timeline_view_export       (AnpaiTimelineView *self,
                                                     const char        *path,
                                                     gboolean           png,
                                                     GError           **error);
/* Runs the print operation without a dialog, into a PDF file: the
 * same pages as timeline.print, for tests. */
gboolean           anpai_timeline_view_print_to_file (AnpaiTimelineView *self,
                                                      const char        *path,
                                                      GError           **error);

G_END_DECLS
