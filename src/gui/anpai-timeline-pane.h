/* anpai-timeline-pane.h — the Timeline view: the chart and its toolbar
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-timeline-view.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_TIMELINE_PANE (anpai_timeline_pane_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiTimelinePane, anpai_timeline_pane, ANPAI, TIMELINE_PANE, AdwBin)

GtkWidget          *anpai_timeline_pane_new      (void);
AnpaiTimelineView  *anpai_timeline_pane_get_view (AnpaiTimelinePane *self);

G_END_DECLS
