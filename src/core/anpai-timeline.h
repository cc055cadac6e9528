/* anpai-timeline.h — a plan's Gantt chart (时间进度图), drawn with cairo
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "anpai-export.h"
#include "anpai-reschedule.h"

G_BEGIN_DECLS

/* One renderer for the widget, printing and the PDF/PNG exports. Lengths
 * are in points (pixels on screen, 1/72 inch on paper). The chart is a
 * canvas: the label columns (序号, 重点任务, 牵头单位) on the left, the two
 * header bands of the time scale on top, one row per section or task. */

typedef enum {
  ANPAI_TIMELINE_ZOOM_YEAR,     /* bands: years / quarters */
  ANPAI_TIMELINE_ZOOM_QUARTER,  /* years / months */
  ANPAI_TIMELINE_ZOOM_MONTH,    /* quarters / months */
  ANPAI_TIMELINE_ZOOM_WEEK,     /* months / weeks */
} AnpaiTimelineZoom;

typedef enum {
  ANPAI_TIMELINE_COLOR_BY_STATUS,
  ANPAI_TIMELINE_COLOR_BY_UNIT,   /* the lead unit's colour */
} AnpaiTimelineColorBy;

typedef enum {
  ANPAI_TIMELINE_GROUP_BY_OUTLINE,
  ANPAI_TIMELINE_GROUP_BY_UNIT,   /* one lane per lead unit, its tasks inside */
} AnpaiTimelineGroupBy;

typedef struct {
  AnpaiTimelineZoom     zoom;
  const char           *from;      /* YYYY-MM-DD; NULL: the plan period's start */
  const char           *to;        /* YYYY-MM-DD; NULL: the plan period's end */
  AnpaiTimelineColorBy  color_by;
  AnpaiTimelineGroupBy  group_by;
  gint64                unit_id;   /* not 0: only the tasks this unit has a part in */
  const char           *today;     /* YYYY-MM-DD; NULL: the real today (tests fix it) */
  guint                 statuses;  /* ANPAI_STATUS_BIT()s of the tasks shown; 0: all */
} AnpaiTimelineOptions;

#define ANPAI_TIMELINE_ZOOM_DEFAULT ANPAI_TIMELINE_ZOOM_MONTH

#define ANPAI_TIMELINE_OPTIONS_INIT { ANPAI_TIMELINE_ZOOM_DEFAULT, NULL, NULL, \
  ANPAI_TIMELINE_COLOR_BY_STATUS, ANPAI_TIMELINE_GROUP_BY_OUTLINE, 0, NULL, 0 }

/* The screen's colours: the desktop's light or dark style, and high
 * contrast. Printing and exports are always on white. */
typedef enum {
  ANPAI_TIMELINE_SCHEME_LIGHT,
  ANPAI_TIMELINE_SCHEME_DARK,
  ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST,
  ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST_DARK,
} AnpaiTimelineScheme;

typedef enum {
  ANPAI_TIMELINE_ROW_SECTION,
  ANPAI_TIMELINE_ROW_TASK,
  ANPAI_TIMELINE_ROW_LANE,      /* a unit's lane when grouped by unit */
} AnpaiTimelineRowKind;

/* A row as drawn. span_start/span_end: the bar (a section's or lane's
 * spans its tasks); invalid without a schedule. */
typedef struct {
  AnpaiTimelineRowKind  kind;
  gint64                node_id;     /* 0 for lanes */
  int                   depth;
  const char           *label;
  const char           *title;
  const char           *lead;        /* NULL if none; a lane's unit */
  AnpaiStatus           status;
  const AnpaiTimeSpec  *time;        /* NULL for lanes */
  GDate                 span_start;
  GDate                 span_end;
  GArray               *occurrences; /* of GDate: a recurring task's, in the range */
  int                   color;       /* index into the unit palette; -1 none */
  gboolean              has_children; /* rows under it can be hidden */
  const AnpaiExportRow *source;      /* the whole task or section; NULL for lanes */
} AnpaiTimelineRow;

/* One header band's cell: [start, end) clipped to the range. */
typedef struct {
  GDate  start;
  GDate  end;
  char  *label;
} AnpaiTimelineTick;

typedef enum {
  ANPAI_TIMELINE_BAND_UPPER,
  ANPAI_TIMELINE_BAND_LOWER,
} AnpaiTimelineBand;

/* A printed page: rows first_row..first_row+n_rows-1 over from..to (both
 * days included). */
typedef struct {
  guint  first_row;
  guint  n_rows;
  GDate  from;
  GDate  to;
} AnpaiTimelinePage;

typedef struct _AnpaiTimeline AnpaiTimeline;

/* The scale, without a plan: days are whole; x is 0 at @from. */
double          anpai_timeline_zoom_pixels_per_day (AnpaiTimelineZoom   zoom);
GPtrArray      *anpai_timeline_scale_ticks      (AnpaiTimelineZoom       zoom,
                                                 AnpaiTimelineBand       band,
                                                 const GDate            *from,
                                                 const GDate            *to);
/* (element-type GDate): the days @rrule falls on in @start..@end. */
GArray         *anpai_timeline_expand_rrule     (const char             *rrule,
                                                 const GDate            *start,
                                                 const GDate            *end);
void            anpai_timeline_tick_free        (AnpaiTimelineTick      *tick);

/* The days a plan's chart covers: its period; for a plan without one,
 * the whole years its tasks' dates fall in, else @today's year. */
void            anpai_timeline_plan_span        (AnpaiProject               *project,
                                                 gint64                      plan_id,
                                                 const GDate                *today,
                                                 GDate                      *start,
                                                 GDate                      *end);
AnpaiTimeline  *anpai_timeline_new              (AnpaiProject               *project,
                                                 gint64                      plan_id,
                                                 const AnpaiTimelineOptions *options,
                                                 GError                    **error);
void            anpai_timeline_free             (AnpaiTimeline          *self);

const char     *anpai_timeline_get_title        (AnpaiTimeline          *self);
void            anpai_timeline_get_range        (AnpaiTimeline          *self,
                                                 GDate                  *from,
                                                 GDate                  *to);
/* The rows shown: every one, or those of an outline's expanded state
 * (anpai_timeline_set_shown); indexes below count the rows shown. */
guint           anpai_timeline_get_n_rows       (AnpaiTimeline          *self);
const AnpaiTimelineRow *anpai_timeline_get_row  (AnpaiTimeline          *self,
                                                 guint                   index);
/* The lead units in palette order (the legend of colour-by-unit). */
GPtrArray      *anpai_timeline_get_units        (AnpaiTimeline          *self);

void            anpai_timeline_set_zoom         (AnpaiTimeline          *self,
                                                 AnpaiTimelineZoom       zoom);
double          anpai_timeline_date_to_x        (AnpaiTimeline          *self,
                                                 const GDate            *date);
void            anpai_timeline_x_to_date        (AnpaiTimeline          *self,
                                                 double                  x,
                                                 GDate                  *date);

/* The canvas: its size, where the time area starts (the label columns'
 * width), the header's height, and which row is at @y (-1: none). */
void            anpai_timeline_get_size         (AnpaiTimeline          *self,
                                                 double                 *width,
                                                 double                 *height);
double          anpai_timeline_get_label_width  (AnpaiTimeline          *self);
double          anpai_timeline_get_header_height (AnpaiTimeline         *self);
int             anpai_timeline_row_at           (AnpaiTimeline          *self,
                                                 double                  y);
double          anpai_timeline_get_row_y        (AnpaiTimeline          *self,
                                                 guint                   index);
double          anpai_timeline_get_row_height   (AnpaiTimeline          *self);
/* The row whose bar or diamond is at @x, @y (canvas coordinates) and can be
 * dragged, with the part under the point; -1: none. */
int             anpai_timeline_hit              (AnpaiTimeline          *self,
                                                 double                  x,
                                                 double                  y,
                                                 AnpaiRescheduleEdge    *edge);
/* The first row showing @node_id; -1: none. */
int             anpai_timeline_find_node        (AnpaiTimeline          *self,
                                                 gint64                  node_id);

/* Shows only the rows of @node_ids, in that order, as a tree beside the
 * chart has them: @expanded tells which are open. Ids without a row (text
 * paragraphs) are passed over; @kept (nullable, of guint) is filled with
 * the places in @node_ids of those shown. @node_ids NULL: every row, all
 * open. */
void            anpai_timeline_set_shown        (AnpaiTimeline          *self,
                                                 const gint64           *node_ids,
                                                 const gboolean         *expanded,
                                                 guint                   n,
                                                 GArray                 *kept);
gboolean        anpai_timeline_get_expanded     (AnpaiTimeline          *self,
                                                 guint                   index);
/* The row whose disclosure triangle is at @x, @y (canvas coordinates),
 * on screen; -1: none. */
int             anpai_timeline_expander_at      (AnpaiTimeline          *self,
                                                 double                  x,
                                                 double                  y);

/* What only the screen shows: its colours, the selected row, and a row's
 * bar over @start..@end while it is dragged (@row -1: none). */
/* Colours only: the rows are the same either way. */
void            anpai_timeline_set_color_by     (AnpaiTimeline          *self,
                                                 AnpaiTimelineColorBy    color_by);
void            anpai_timeline_set_scheme       (AnpaiTimeline          *self,
                                                 AnpaiTimelineScheme     scheme);
AnpaiTimelineScheme anpai_timeline_get_scheme   (AnpaiTimeline          *self);
void            anpai_timeline_set_selected     (AnpaiTimeline          *self,
                                                 int                     row);
int             anpai_timeline_get_selected     (AnpaiTimeline          *self);
void            anpai_timeline_set_preview      (AnpaiTimeline          *self,
                                                 int                     row,
                                                 const GDate            *start,
                                                 const GDate            *end);
/* Draws the part of the canvas in @x, @y, @width × @height, with the
 * canvas's origin at @cr's origin (the widget translates for scrolling). */
void            anpai_timeline_draw             (AnpaiTimeline          *self,
                                                 cairo_t                *cr,
                                                 double                  x,
                                                 double                  y,
                                                 double                  width,
                                                 double                  height);

/* The legend (the colours and marks) alone, on screen in its colours,
 * @width × @height points, left-aligned in a band. */
void            anpai_timeline_draw_legend      (AnpaiTimeline          *self,
                                                 cairo_t                *cr,
                                                 double                  width,
                                                 double                  height);

/* Landscape pages: the time range fits @pages_across pages side by side
 * (1: fit to the page width); rows never split. Returns the page count. */
guint           anpai_timeline_paginate         (AnpaiTimeline          *self,
                                                 AnpaiPaper              paper,
                                                 guint                   pages_across);
guint           anpai_timeline_get_n_pages      (AnpaiTimeline          *self);
const AnpaiTimelinePage *anpai_timeline_get_page (AnpaiTimeline         *self,
                                                 guint                   index);
/* Draws page @index (from 0) with the paper's top left corner at @cr's
 * origin, in points: the title block, the label columns and the scale,
 * the page's rows, the legend and "Page N of M". */
void            anpai_timeline_draw_page        (AnpaiTimeline          *self,
                                                 cairo_t                *cr,
                                                 guint                   index);

gboolean        anpai_timeline_export_pdf       (AnpaiTimeline          *self,
                                                 AnpaiPaper              paper,
                                                 guint                   pages_across,
                                                 const char             *path,
                                                 GError                **error);
/* The whole chart as one image, @width pixels wide (0: at the zoom's
 * scale). */
gboolean        anpai_timeline_export_png       (AnpaiTimeline          *self,
                                                 int                     width,
                                                 const char             *path,
                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiTimeline, anpai_timeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiTimelineTick, anpai_timeline_tick_free)

G_END_DECLS
