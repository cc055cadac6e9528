/* anpai-timeline-print.h — the chart's pages: printing and PDF export
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "anpai-timeline.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_TIMELINE_PRINT (anpai_timeline_print_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiTimelinePrint, anpai_timeline_print, ANPAI, TIMELINE_PRINT, GObject)

/* What is kept from one print to the next: the page setup and printer
 * settings, the pages side by side, and the span of time. The chart is
 * the plan's as @options draw it (zoom, colours, grouping); the span is
 * this object's. */
AnpaiTimelinePrint *anpai_timeline_print_new        (void);
/* @from, @to: YYYY-MM-DD; NULL: the plan's ends. */
void                anpai_timeline_print_set_layout (AnpaiTimelinePrint         *self,
                                                     guint                       pages_across,
                                                     const char                 *from,
                                                     const char                 *to);
/* The print dialog, with a Timeline tab for the pages across and span;
 * errors are shown on @parent. */
void                anpai_timeline_print_run        (AnpaiTimelinePrint         *self,
                                                     GtkWindow                  *parent,
                                                     AnpaiProject               *project,
                                                     gint64                      plan_id,
                                                     const AnpaiTimelineOptions *options);
/* The same pages without a dialog, through the print operation (tests). */
gboolean            anpai_timeline_print_to_file    (AnpaiTimelinePrint         *self,
                                                     AnpaiProject               *project,
                                                     gint64                      plan_id,
                                                     const AnpaiTimelineOptions *options,
                                                     const char                 *path,
                                                     GError                    **error);
/* The same pages as a PDF on @paper, landscape. */
gboolean            anpai_timeline_print_export_pdf (AnpaiTimelinePrint         *self,
                                                     AnpaiProject               *project,
                                                     gint64                      plan_id,
                                                     const AnpaiTimelineOptions *options,
                                                     AnpaiPaper                  paper,
                                                     const char                 *path,
                                                     GError                    **error);

G_END_DECLS
