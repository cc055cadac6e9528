/* anpai-timeline-private.h — shared by the timeline's files
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "anpai-timeline.h"

G_BEGIN_DECLS

/* The geometry, in points; rows have one height so that pages hold a
 * whole number of them. */
#define ROW_HEIGHT      16.0
#define BAND_HEIGHT     15.0
#define HEADER_HEIGHT   (2 * BAND_HEIGHT)
#define NO_WIDTH        40.0
#define TASK_WIDTH      220.0
#define LEAD_WIDTH      100.0
#define LABEL_WIDTH     (NO_WIDTH + TASK_WIDTH + LEAD_WIDTH)
#define PAGE_MARGIN     28.0
#define TITLE_HEIGHT    40.0
#define FOOTER_HEIGHT   22.0

struct _AnpaiTimeline
{
  AnpaiExportTable     *table;     /* owns the strings the rows show */
  GArray               *rows;      /* of AnpaiTimelineRow */
  GHashTable           *node_index; /* see node_index() in anpai-timeline.c */
  GPtrArray            *units;     /* lead unit names, palette order (borrowed) */
  GHashTable           *unit_index; /* name → index in @units */
  GDate                 from;
  GDate                 to;
  GDate                 today;
  AnpaiTimelineZoom     zoom;
  AnpaiTimelineColorBy  color_by;
  AnpaiPaper            paper;
  AnpaiTimelineScheme   scheme;    /* on screen; paper is always light */
  GArray               *shown;     /* of guint: the rows on screen; NULL: all */
  GArray               *expanded;  /* of gboolean, with @shown */
  int                   selected;  /* -1: none; an index of the rows shown */
  int                   preview_row;  /* -1: no drag */
  GDate                 preview_start;
  GDate                 preview_end;
  GArray               *pages;     /* of AnpaiTimelinePage; NULL before paginating */
  PangoContext         *context;   /* the thread's: see anpai-timeline-draw.c */
  GHashTable           *layouts;
  /* the scale's cells over the whole range at @ticks_zoom, by band:
   * the screen draws them in every frame */
  GPtrArray            *ticks[2];
  AnpaiTimelineZoom     ticks_zoom;
};

void   _anpai_timeline_setup_text  (AnpaiTimeline *self);
guint  _anpai_timeline_n_shown     (AnpaiTimeline *self);

G_END_DECLS
