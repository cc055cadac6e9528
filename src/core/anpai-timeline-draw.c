/* anpai-timeline-draw.c — the Gantt chart drawn with cairo and Pango
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimeline"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "anpai-date.h"
#include "anpai-timeline-private.h"

/* One function draws the chart (draw_chart) into a Frame: where it goes,
 * which days and rows; the widget, the pages and the image only choose
 * the frame. */

/* Named, with zh-cn as the language: plain "Sans" picks the Japanese
 * glyph forms of Noto Sans CJK. */
#define FONT_FAMILY   "Noto Sans CJK SC"
#define BODY_SIZE     8.0
#define SMALL_SIZE    6.5
#define TITLE_SIZE    14.0
#define BAR_HEIGHT    8.0
#define MIN_TICK      20.0   /* a lower band cell narrower than this: a coarser zoom */
#define PNG_SCALE     2.0    /* pixels per point: the text stays legible */
#define PNG_MAX       32767  /* cairo's largest image */
#define END_OVERHANG  (BAR_HEIGHT / 2 + 2)  /* room for a diamond on the last day */

typedef struct { double r, g, b; } Color;

/* The colours of everything but the bars, by AnpaiTimelineScheme: paper
 * is always light; the screen follows the desktop's style. */
typedef struct
{
  Color   paper;
  Color   ink;          /* labels */
  Color   faint_ink;    /* the lead unit beside a bar */
  Color   header;
  Color   section;      /* section and lane rows */
  Color   stripe;       /* every other task row */
  Color   rule;         /* the table's lines */
  Color   grid;         /* the time scale's lines through the rows */
  Color   summary;      /* section bars */
  Color   outline;      /* round a diamond */
  Color   today;
  Color   selection;
  double  grid_alpha;
} Palette;

static const Palette palettes[] = {
  [ANPAI_TIMELINE_SCHEME_LIGHT] = {
    { 1, 1, 1 }, { 0, 0, 0 }, { 0.3, 0.3, 0.3 }, { 0.88, 0.88, 0.88 }, { 0.91, 0.93, 0.96 },
    { 0.97, 0.97, 0.97 }, { 0.35, 0.35, 0.35 }, { 0.5, 0.5, 0.5 }, { 0.25, 0.25, 0.25 },
    { 0.2, 0.2, 0.2 }, { 0.85, 0.1, 0.1 }, { 0.75, 0.85, 0.97 }, 0.6,
  },
  [ANPAI_TIMELINE_SCHEME_DARK] = {
    { 0.14, 0.14, 0.14 }, { 0.93, 0.93, 0.93 }, { 0.75, 0.75, 0.75 }, { 0.23, 0.23, 0.23 },
    { 0.2, 0.23, 0.28 }, { 0.17, 0.17, 0.17 }, { 0.55, 0.55, 0.55 }, { 0.6, 0.6, 0.6 },
    { 0.82, 0.82, 0.82 }, { 0.9, 0.9, 0.9 }, { 1.0, 0.4, 0.4 }, { 0.16, 0.3, 0.5 }, 0.5,
  },
  /* no stripes or faint text; every line solid */
  [ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST] = {
    { 1, 1, 1 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0.8, 0.8, 0.8 }, { 0.85, 0.85, 0.85 },
    { 1, 1, 1 }, { 0, 0, 0 }, { 0.25, 0.25, 0.25 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0.75, 0, 0 },
    { 0.6, 0.75, 1.0 }, 1.0,
  },
  [ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST_DARK] = {
    { 0, 0, 0 }, { 1, 1, 1 }, { 1, 1, 1 }, { 0.25, 0.25, 0.25 }, { 0.22, 0.22, 0.22 },
    { 0, 0, 0 }, { 1, 1, 1 }, { 0.8, 0.8, 0.8 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 0.45, 0.45 },
    { 0.1, 0.3, 0.6 }, 1.0,
  },
};

typedef struct
{
  const Palette     *pal;
  gboolean           screen;      /* the selection and a drag are shown */
  double             x;           /* the chart's top left corner on the cairo_t */
  double             y;
  double             ppd;         /* points per day */
  GDate              from;
  GDate              to;
  AnpaiTimelineZoom  zoom;
  guint              first_row;   /* drawn right under the header */
  guint              n_rows;
} Frame;

static const Color status_colors[] = {
  [ANPAI_STATUS_NOT_STARTED] = { 0.48, 0.58, 0.72 },
  [ANPAI_STATUS_IN_PROGRESS] = { 0.16, 0.45, 0.85 },
  [ANPAI_STATUS_DONE] = { 0.22, 0.62, 0.30 },
  [ANPAI_STATUS_SUSPENDED] = { 0.93, 0.58, 0.13 },
  [ANPAI_STATUS_CANCELLED] = { 0.68, 0.68, 0.68 },
};

/* Twelve colours told apart in print; units beyond share them. */
static const Color unit_colors[] = {
  { 0.12, 0.47, 0.71 }, { 1.00, 0.50, 0.05 }, { 0.17, 0.63, 0.17 }, { 0.84, 0.15, 0.16 },
  { 0.58, 0.40, 0.74 }, { 0.55, 0.34, 0.29 }, { 0.89, 0.47, 0.76 }, { 0.50, 0.50, 0.50 },
  { 0.74, 0.74, 0.13 }, { 0.09, 0.75, 0.81 }, { 0.35, 0.35, 0.70 }, { 0.60, 0.20, 0.40 },
};

static const Color grey = { 0.55, 0.55, 0.55 };

/* The text machinery, one per thread and shared by its charts: a new font
 * map finds and loads the CJK fonts again, which made a rebuilt chart's
 * first frame slow. Not the default font map: that one belongs to the
 * GUI's thread, and a chart may be drawn in another. */
typedef struct
{
  PangoFontMap *font_map;
  PangoContext *context;
  GHashTable   *layouts;   /* of PangoLayout, by size, weight, width, text */
} Text;

static void
text_free (gpointer data)
{
  Text *text = data;

  g_hash_table_unref (text->layouts);
  g_object_unref (text->context);
  g_object_unref (text->font_map);
  g_free (text);
}

static GPrivate thread_text = G_PRIVATE_INIT (text_free);

void
_anpai_timeline_setup_text (AnpaiTimeline *self)
{
  Text *text = g_private_get (&thread_text);

  if (text == NULL)
    {
      text = g_new0 (Text, 1);
      text->font_map = pango_cairo_font_map_new ();
      text->context = pango_font_map_create_context (text->font_map);
      _anpai_export_setup_context (text->context);
      text->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&thread_text, text);
    }
  self->context = text->context;
  self->layouts = text->layouts;
}

/* Laying out text is most of the cost of a frame: the same labels come
 * back as the chart scrolls, so their layouts are kept. Pango lays a kept
 * layout out again itself if the context changes. */
#define LAYOUT_CACHE_MAX 4096

static PangoLayout *
new_layout (AnpaiTimeline *self,
            const char    *text,
            double         size,
            gboolean       bold,
            double         width)
{
  g_autofree char *key = g_strdup_printf ("%g %d %g %s", size, bold, width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return g_object_ref (layout);
  if (g_hash_table_size (self->layouts) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (self->layouts);
  layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* @text with its left edge at @x (or centred in @width when @centre),
 * its middle at @y_mid. Returns the width drawn. */
static double
show_text (AnpaiTimeline *self,
           cairo_t       *cr,
           const char    *text,
           double         size,
           gboolean       bold,
           double         x,
           double         y_mid,
           double         width,
           gboolean       centre)
{
  PangoLayout *layout = new_layout (self, text, size, bold, centre ? 0 : width);
  double w, h;

  layout_size (layout, &w, &h);
  if (centre)
    x += (width - w) / 2;
  cairo_move_to (cr, x, y_mid - h / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return w;
}

static double
text_width (AnpaiTimeline *self,
            const char    *text,
            double         size)
{
  PangoLayout *layout = new_layout (self, text, size, FALSE, 0);
  double w;

  layout_size (layout, &w, NULL);
  g_object_unref (layout);
  return w;
}

static void
set_color (cairo_t     *cr,
           const Color *color,
           double       alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static const Color *
row_color (AnpaiTimeline          *self,
           const AnpaiTimelineRow *row)
{
  if (self->color_by == ANPAI_TIMELINE_COLOR_BY_UNIT)
    return row->color >= 0 ? &unit_colors[row->color % G_N_ELEMENTS (unit_colors)] : &grey;
  return &status_colors[MIN ((guint) row->status, G_N_ELEMENTS (status_colors) - 1)];
}

static double
frame_x (const Frame *frame,
         const GDate *date)
{
  return frame->x + LABEL_WIDTH
         + ((double) g_date_get_julian (date) - (double) g_date_get_julian (&frame->from)) * frame->ppd;
}

static double
frame_days (const Frame *frame)
{
  return (double) (g_date_get_julian (&frame->to) - g_date_get_julian (&frame->from) + 1);
}

/* The finest zoom, no finer than asked, whose cells the labels fit in. */
static AnpaiTimelineZoom
fit_zoom (AnpaiTimelineZoom asked,
          double            ppd)
{
  AnpaiTimelineZoom fit;

  if (ppd * 7 >= MIN_TICK)
    fit = ANPAI_TIMELINE_ZOOM_WEEK;
  else if (ppd * 28 >= MIN_TICK)
    /* quarters with their year above the months when they have room */
    fit = ppd * 90 >= 3 * MIN_TICK ? ANPAI_TIMELINE_ZOOM_MONTH : ANPAI_TIMELINE_ZOOM_QUARTER;
  else
    fit = ANPAI_TIMELINE_ZOOM_YEAR;
  return MIN (asked, fit);
}

/* The band's cells over the frame's days: kept while the zoom stays when
 * they are the chart's whole range, as on screen. (transfer full) */
static GPtrArray *
frame_ticks (AnpaiTimeline     *self,
             const Frame       *frame,
             AnpaiTimelineBand  band)
{
  if (g_date_compare (&frame->from, &self->from) != 0 || g_date_compare (&frame->to, &self->to) != 0)
    return anpai_timeline_scale_ticks (frame->zoom, band, &frame->from, &frame->to);
  if (self->ticks[band] == NULL || self->ticks_zoom != frame->zoom)
    {
      for (guint b = 0; b < G_N_ELEMENTS (self->ticks); b++)
        g_clear_pointer (&self->ticks[b], g_ptr_array_unref);
      self->ticks_zoom = frame->zoom;
    }
  if (self->ticks[band] == NULL)
    self->ticks[band] = anpai_timeline_scale_ticks (frame->zoom, band, &frame->from, &frame->to);
  return g_ptr_array_ref (self->ticks[band]);
}

static void
draw_band (AnpaiTimeline     *self,
           cairo_t           *cr,
           const Frame       *frame,
           AnpaiTimelineBand  band,
           double             y,
           double             grid_bottom)
{
  g_autoptr(GPtrArray) ticks = frame_ticks (self, frame, band);
  double clip_x0, clip_y0, clip_x1, clip_y1, grid_top = frame->y + HEADER_HEIGHT;
  gboolean header;

  /* what is out of the clip is not laid out: on screen a pane at a time */
  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  header = clip_y0 < y + BAND_HEIGHT && clip_y1 > y;
  grid_top = MAX (grid_top, clip_y0);
  grid_bottom = MIN (grid_bottom, clip_y1);
  for (guint i = 0; i < ticks->len; i++)
    {
      AnpaiTimelineTick *tick = g_ptr_array_index (ticks, i);
      double x0 = frame_x (frame, &tick->start), x1 = frame_x (frame, &tick->end);

      if (x1 < clip_x0 || x0 > clip_x1)
        continue;
      /* the grid line through the rows, darker for the upper band */
      if (header)
        {
          set_color (cr, &frame->pal->grid, 1);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x0, y + BAND_HEIGHT);
          cairo_stroke (cr);
        }
      if (grid_bottom > grid_top)
        {
          set_color (cr, &frame->pal->grid,
                     frame->pal->grid_alpha * (band == ANPAI_TIMELINE_BAND_UPPER ? 1 : 0.6));
          cairo_set_line_width (cr, band == ANPAI_TIMELINE_BAND_UPPER ? 0.6 : 0.3);
          cairo_move_to (cr, x0, grid_top);
          cairo_line_to (cr, x0, grid_bottom);
          cairo_stroke (cr);
        }
      /* a label that does not fit its cell is left out, not overlapped; it
       * stays in the part of its cell in sight, as a year scrolls by */
      if (header)
        {
          double shown_x0 = MAX (x0, clip_x0), shown_x1 = MIN (x1, clip_x1);

          double label_width = text_width (self, tick->label, BODY_SIZE - 1) + 4;

          if (label_width > x1 - x0)
            continue;
          if (label_width > shown_x1 - shown_x0)
            {
              shown_x0 = x0;
              shown_x1 = x1;
            }
          set_color (cr, &frame->pal->ink, 1);
          show_text (self, cr, tick->label, BODY_SIZE - 1, FALSE, shown_x0, y + BAND_HEIGHT / 2,
                     shown_x1 - shown_x0, TRUE);
        }
    }
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  double clip_x0, clip_y0, clip_x1, clip_y1, from, to;

  /* only the strokes in sight: a bar over five years is thousands */
  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  from = MAX (x, clip_x0) - height;
  to = MIN (x + width, clip_x1);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  /* on the bar's own grid of 4, so that it does not shift as it scrolls */
  from = x - height + 4 * floor ((from - (x - height)) / 4);
  for (double h = from; h < to; h += 4)
    {
      cairo_move_to (cr, h, y + height);
      cairo_line_to (cr, h + height, y);
    }
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The bar of one row, its lead unit beside it. */
static void
draw_bar (AnpaiTimeline          *self,
          cairo_t                *cr,
          const Frame            *frame,
          const AnpaiTimelineRow *row,
          double                  top)
{
  double mid = top + ROW_HEIGHT / 2, left = frame->x + LABEL_WIDTH;
  double right = left + frame_days (frame) * frame->ppd;
  const Color *color = row_color (self, row);
  AnpaiTimeKind kind = row->time != NULL ? row->time->kind : ANPAI_TIME_WINDOW;
  GDate end_day;
  double x0, x1, lead_x0, lead_x1;

  if (!g_date_valid (&row->span_start) || g_date_compare (&row->span_end, &frame->from) < 0
      || g_date_compare (&row->span_start, &frame->to) > 0)
    return;
  end_day = row->span_end;
  g_date_add_days (&end_day, 1);
  x0 = frame_x (frame, &row->span_start);
  x1 = frame_x (frame, &end_day);

  cairo_save (cr);
  /* a diamond on the last day may stand out past the end of the scale,
   * into the margin; not past its start, into the label columns */
  cairo_rectangle (cr, left, top, right - left + END_OVERHANG, ROW_HEIGHT);
  cairo_clip (cr);
  if (row->kind != ANPAI_TIMELINE_ROW_TASK)
    {
      /* a summary bar with its ends pointing down */
      set_color (cr, &frame->pal->summary, 1);
      if (row->kind == ANPAI_TIMELINE_ROW_LANE && self->color_by == ANPAI_TIMELINE_COLOR_BY_UNIT)
        set_color (cr, color, 1);
      cairo_rectangle (cr, x0, mid - 2.5, x1 - x0, 4);
      cairo_fill (cr);
      cairo_move_to (cr, x0, mid - 2.5);
      cairo_rel_line_to (cr, 4, 0);
      cairo_rel_line_to (cr, -4, 6);
      cairo_close_path (cr);
      cairo_move_to (cr, x1, mid - 2.5);
      cairo_rel_line_to (cr, -4, 0);
      cairo_rel_line_to (cr, 4, 6);
      cairo_close_path (cr);
      cairo_fill (cr);
      lead_x0 = x0;
      lead_x1 = x1;
    }
  else if (kind == ANPAI_TIME_DEADLINE)
    {
      double x = (x0 + x1) / 2;

      diamond (cr, x, mid, BAR_HEIGHT / 2 + 1);
      set_color (cr, color, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &frame->pal->outline, 1);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      lead_x0 = x - BAR_HEIGHT / 2 - 1;
      lead_x1 = x + BAR_HEIGHT / 2 + 1;
    }
  else if (kind == ANPAI_TIME_RECURRING)
    {
      /* the period faintly, a mark on each day it falls on */
      set_color (cr, color, 0.25);
      cairo_rectangle (cr, x0, mid - 1.5, x1 - x0, 3);
      cairo_fill (cr);
      set_color (cr, color, 1);
      for (guint i = 0; row->occurrences != NULL && i < row->occurrences->len; i++)
        {
          const GDate *day = &g_array_index (row->occurrences, GDate, i);

          diamond (cr, frame_x (frame, day) + frame->ppd / 2, mid, 3);
          cairo_fill (cr);
        }
      lead_x0 = x0;
      lead_x1 = x1;
    }
  else
    {
      /* ongoing work is the whole period, hatched and lighter */
      gboolean ongoing = kind == ANPAI_TIME_ONGOING;

      cairo_rectangle (cr, x0, mid - BAR_HEIGHT / 2, MAX (x1 - x0, 1), BAR_HEIGHT);
      set_color (cr, color, ongoing ? 0.3 : 0.9);
      cairo_fill (cr);
      if (ongoing)
        {
          set_color (cr, color, 0.8);
          hatch (cr, x0, mid - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT);
        }
      cairo_rectangle (cr, x0, mid - BAR_HEIGHT / 2, MAX (x1 - x0, 1), BAR_HEIGHT);
      set_color (cr, color, 1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      lead_x0 = x0;
      lead_x1 = x1;
    }

  /* the lead unit right of the bar, else left of it, else not at all */
  if (row->kind == ANPAI_TIMELINE_ROW_TASK && row->lead != NULL)
    {
      double w = text_width (self, row->lead, SMALL_SIZE);

      set_color (cr, &frame->pal->faint_ink, 1);
      if (lead_x1 + 3 + w <= right)
        show_text (self, cr, row->lead, SMALL_SIZE, FALSE, lead_x1 + 3, mid, 0, FALSE);
      else if (lead_x0 - 3 - w >= left)
        show_text (self, cr, row->lead, SMALL_SIZE, FALSE, lead_x0 - 3 - w, mid, 0, FALSE);
    }
  cairo_restore (cr);
}

/* Where a row's disclosure triangle is, from the chart's left edge: on
 * screen, when the rows follow a tree and this one has rows under it. */
#define EXPANDER 7.0

static gboolean
expander_left (AnpaiTimeline          *self,
               gboolean                screen,
               const AnpaiTimelineRow *row,
               double                 *x)
{
  double indent = MIN (row->depth, 4) * BODY_SIZE;

  if (!screen || self->shown == NULL || !row->has_children)
    return FALSE;
  *x = (row->kind == ANPAI_TIMELINE_ROW_TASK ? NO_WIDTH : 0) + 3 + indent;
  return TRUE;
}

/* The 序号, task and 牵头单位 cells of a row. */
static void
draw_labels (AnpaiTimeline          *self,
             cairo_t                *cr,
             const Frame            *frame,
             const AnpaiTimelineRow *row,
             guint                   index,
             double                  top)
{
  double mid = top + ROW_HEIGHT / 2, x = frame->x;
  double indent = MIN (row->depth, 4) * BODY_SIZE;
  double expander_x;

  /* a disclosure triangle on screen when the rows follow a tree */
  if (expander_left (self, frame->screen, row, &expander_x))
    {
      double e = expander_x + frame->x;

      set_color (cr, &frame->pal->faint_ink, 1);
      if (anpai_timeline_get_expanded (self, index))
        {
          cairo_move_to (cr, e, mid - EXPANDER / 4);
          cairo_rel_line_to (cr, EXPANDER, 0);
          cairo_rel_line_to (cr, -EXPANDER / 2, EXPANDER / 2);
        }
      else
        {
          cairo_move_to (cr, e + EXPANDER / 4, mid - EXPANDER / 2);
          cairo_rel_line_to (cr, EXPANDER / 2, EXPANDER / 2);
          cairo_rel_line_to (cr, -EXPANDER / 2, EXPANDER / 2);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      indent += EXPANDER + 2;
    }
  else if (frame->screen && self->shown != NULL)
    indent += EXPANDER + 2;

  set_color (cr, &frame->pal->ink, 1);
  if (row->kind == ANPAI_TIMELINE_ROW_TASK)
    {
      show_text (self, cr, row->label, BODY_SIZE, FALSE, x + 2, mid, NO_WIDTH - 4, TRUE);
      show_text (self, cr, row->title, BODY_SIZE, FALSE, x + NO_WIDTH + 3 + indent, mid,
                 TASK_WIDTH - 6 - indent, FALSE);
      if (row->lead != NULL)
        show_text (self, cr, row->lead, BODY_SIZE, FALSE, x + NO_WIDTH + TASK_WIDTH + 3, mid,
                   LEAD_WIDTH - 6, FALSE);
    }
  else
    {
      g_autofree char *heading = g_strconcat (row->label, row->title, NULL);

      /* a section or lane heading runs over the 序号 and task columns */
      show_text (self, cr, heading, BODY_SIZE, TRUE, x + 3 + indent, mid,
                 NO_WIDTH + TASK_WIDTH - 6 - indent, FALSE);
    }
}

static void
draw_chart (AnpaiTimeline *self,
            cairo_t       *cr,
            const Frame   *frame)
{
  const char * const *headings = anpai_export_headings (NULL);
  double left = frame->x + LABEL_WIDTH, right = left + frame_days (frame) * frame->ppd;
  double rows_top = frame->y + HEADER_HEIGHT, bottom = rows_top + frame->n_rows * ROW_HEIGHT;
  double clip_x0, clip_x1, clip_y0, clip_y1, x;
  guint first, last;

  /* cairo 1.16 wants every pointer */
  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  /* only the rows in the clip: a big plan's chart is drawn a screen at a
   * time while it scrolls */
  first = (guint) CLAMP (floor ((clip_y0 - rows_top) / ROW_HEIGHT), 0, frame->n_rows);
  last = (guint) CLAMP (ceil ((clip_y1 - rows_top) / ROW_HEIGHT), 0, frame->n_rows);

  /* row backgrounds: sections and lanes shaded, tasks striped */
  for (guint i = first; i < last; i++)
    {
      const AnpaiTimelineRow *row = anpai_timeline_get_row (self, frame->first_row + i);
      double top = rows_top + i * ROW_HEIGHT;

      if (frame->screen && (int) (frame->first_row + i) == self->selected)
        set_color (cr, &frame->pal->selection, 1);
      else if (row->kind != ANPAI_TIMELINE_ROW_TASK)
        set_color (cr, &frame->pal->section, 1);
      else if ((frame->first_row + i) % 2 == 1)
        set_color (cr, &frame->pal->stripe, 1);
      else
        continue;
      cairo_rectangle (cr, frame->x, top, right - frame->x, ROW_HEIGHT);
      cairo_fill (cr);
    }

  /* the header: label column headings over both bands, the scale */
  set_color (cr, &frame->pal->header, 1);
  cairo_rectangle (cr, frame->x, frame->y, right - frame->x, HEADER_HEIGHT);
  cairo_fill (cr);
  set_color (cr, &frame->pal->ink, 1);
  x = frame->x;
  show_text (self, cr, headings[0], BODY_SIZE, TRUE, x, frame->y + HEADER_HEIGHT / 2, NO_WIDTH, TRUE);
  show_text (self, cr, headings[1], BODY_SIZE, TRUE, x + NO_WIDTH, frame->y + HEADER_HEIGHT / 2, TASK_WIDTH, TRUE);
  show_text (self, cr, headings[3], BODY_SIZE, TRUE, x + NO_WIDTH + TASK_WIDTH, frame->y + HEADER_HEIGHT / 2,
             LEAD_WIDTH, TRUE);
  draw_band (self, cr, frame, ANPAI_TIMELINE_BAND_UPPER, frame->y, bottom);
  draw_band (self, cr, frame, ANPAI_TIMELINE_BAND_LOWER, frame->y + BAND_HEIGHT, bottom);

  /* the lines of the table */
  set_color (cr, &frame->pal->rule, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, frame->x, frame->y, right - frame->x, bottom - frame->y);
  cairo_move_to (cr, frame->x, rows_top);
  cairo_line_to (cr, right, rows_top);
  cairo_move_to (cr, left, frame->y + BAND_HEIGHT);
  cairo_line_to (cr, right, frame->y + BAND_HEIGHT);
  cairo_move_to (cr, left, frame->y);
  cairo_line_to (cr, left, bottom);
  /* the 序号 and task columns' lines stop at section headings: the
   * header's (i = 0), then the rows' in the clip (i - 1) */
  for (guint i = 0; i <= last; i = i == 0 ? first + 1 : i + 1)
    {
      double top = i == 0 ? frame->y : rows_top + (i - 1) * ROW_HEIGHT;

      if (i > 0 && anpai_timeline_get_row (self, frame->first_row + i - 1)->kind != ANPAI_TIMELINE_ROW_TASK)
        continue;
      cairo_move_to (cr, frame->x + NO_WIDTH, top);
      cairo_line_to (cr, frame->x + NO_WIDTH, top + (i == 0 ? HEADER_HEIGHT : ROW_HEIGHT));
      cairo_move_to (cr, frame->x + NO_WIDTH + TASK_WIDTH, top);
      cairo_line_to (cr, frame->x + NO_WIDTH + TASK_WIDTH, top + (i == 0 ? HEADER_HEIGHT : ROW_HEIGHT));
    }
  cairo_stroke (cr);

  for (guint i = first; i < last; i++)
    {
      const AnpaiTimelineRow *row = anpai_timeline_get_row (self, frame->first_row + i);
      double top = rows_top + i * ROW_HEIGHT;

      if (clip_x0 < left)
        {
          cairo_save (cr);
          cairo_rectangle (cr, frame->x, top, LABEL_WIDTH, ROW_HEIGHT);
          cairo_clip (cr);
          draw_labels (self, cr, frame, row, frame->first_row + i, top);
          cairo_restore (cr);
        }
      if (clip_x1 <= left)
        continue;
      if (frame->screen && (int) (frame->first_row + i) == self->preview_row)
        {
          /* the bar where the drag would put it */
          AnpaiTimelineRow moved = *row;

          moved.span_start = self->preview_start;
          moved.span_end = self->preview_end;
          draw_bar (self, cr, frame, &moved, top);
        }
      else
        draw_bar (self, cr, frame, row, top);
    }

  /* today */
  if (g_date_compare (&self->today, &frame->from) >= 0 && g_date_compare (&self->today, &frame->to) <= 0)
    {
      double tx = frame_x (frame, &self->today) + frame->ppd / 2;

      set_color (cr, &frame->pal->today, 1);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, tx, frame->y + BAND_HEIGHT);
      cairo_line_to (cr, tx, bottom);
      cairo_stroke (cr);
    }
}

static void
draw_title (AnpaiTimeline *self,
            cairo_t       *cr,
            double         x,
            double         y,
            double         width)
{
  char today[ANPAI_DATE_ISO_LEN];
  g_autofree char *printed = NULL;
  g_autofree char *meta = NULL;
  const char *doc_number = self->table->doc_number;

  anpai_date_format_iso (&self->today, today);
  /* Translators: under the timeline's title, when it was printed: 打印日期：%s */
  printed = g_strdup_printf (_("Printed on %s"), today);
  meta = doc_number != NULL && doc_number[0] != '\0' ? g_strdup_printf ("%s    %s", doc_number, printed)
                                                     : g_strdup (printed);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (self, cr, self->table->title, TITLE_SIZE, TRUE, x, y + 10, width, TRUE);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (self, cr, meta, BODY_SIZE, FALSE, x, y + 27, width, TRUE);
}

/* One legend entry; returns its width, or 0 when it did not fit. */
static double
legend_entry (AnpaiTimeline *self,
              cairo_t       *cr,
              const Palette *pal,
              const char    *label,
              const Color   *color,
              int            shape,
              double         x,
              double         mid,
              double         limit)
{
  double w = 12 + 3 + text_width (self, label, SMALL_SIZE);

  if (x + w > limit)
    return 0;
  set_color (cr, color, 1);
  switch (shape)
    {
    case 1:
      diamond (cr, x + 6, mid, 4);
      cairo_fill (cr);
      break;
    case 2:
      set_color (cr, color, 0.3);
      cairo_rectangle (cr, x, mid - 3.5, 12, 7);
      cairo_fill (cr);
      set_color (cr, color, 0.8);
      hatch (cr, x, mid - 3.5, 12, 7);
      break;
    case 3:
      diamond (cr, x + 3, mid, 2.5);
      diamond (cr, x + 9, mid, 2.5);
      cairo_fill (cr);
      break;
    case 4:
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x + 6, mid - 4);
      cairo_line_to (cr, x + 6, mid + 4);
      cairo_stroke (cr);
      break;
    default:
      cairo_rectangle (cr, x, mid - 3.5, 12, 7);
      cairo_fill (cr);
      break;
    }
  set_color (cr, &pal->ink, 1);
  show_text (self, cr, label, SMALL_SIZE, FALSE, x + 15, mid, 0, FALSE);
  return w + 10;
}

static void
draw_legend (AnpaiTimeline *self,
             cairo_t       *cr,
             const Palette *pal,
             double         x,
             double         mid,
             double         limit)
{
  double w;

  if (self->color_by == ANPAI_TIMELINE_COLOR_BY_UNIT)
    for (guint i = 0; i < self->units->len; i++)
      {
        w = legend_entry (self, cr, pal, g_ptr_array_index (self->units, i),
                          &unit_colors[i % G_N_ELEMENTS (unit_colors)], 0, x, mid, limit - 200);
        /* the units that do not fit are left out, with a mark that they are */
        if (w == 0)
          {
            set_color (cr, &pal->ink, 1);
            x += show_text (self, cr, "…", SMALL_SIZE, FALSE, x, mid, 0, FALSE) + 10;
            break;
          }
        x += w;
      }
  else
    for (int s = ANPAI_STATUS_NOT_STARTED; s <= ANPAI_STATUS_CANCELLED; s++)
      x += legend_entry (self, cr, pal, anpai_status_get_label (s), &status_colors[s], 0, x, mid, limit);
  /* Translators: the legend of the timeline's marks */
  x += legend_entry (self, cr, pal, C_("timeline legend", "Deadline"), &grey, 1, x, mid, limit);
  x += legend_entry (self, cr, pal, C_("timeline legend", "Ongoing"), &grey, 2, x, mid, limit);
  x += legend_entry (self, cr, pal, C_("timeline legend", "Recurring"), &grey, 3, x, mid, limit);
  legend_entry (self, cr, pal, C_("timeline legend", "Today"), &pal->today, 4, x, mid, limit);
}

void
anpai_timeline_draw_legend (AnpaiTimeline *self,
                            cairo_t       *cr,
                            double         width,
                            double         height)
{
  const Palette *pal = &palettes[self->scheme];

  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);
  set_color (cr, &pal->paper, 1);
  cairo_paint (cr);
  draw_legend (self, cr, pal, 6, height / 2, width - 6);
  cairo_restore (cr);
}

void
anpai_timeline_get_size (AnpaiTimeline *self,
                         double        *width,
                         double        *height)
{
  double days = (double) (g_date_get_julian (&self->to) - g_date_get_julian (&self->from) + 1);

  if (width != NULL)
    *width = LABEL_WIDTH + days * anpai_timeline_zoom_pixels_per_day (self->zoom) + END_OVERHANG;
  if (height != NULL)
    *height = HEADER_HEIGHT + _anpai_timeline_n_shown (self) * ROW_HEIGHT;
}

double
anpai_timeline_get_label_width (AnpaiTimeline *self)
{
  return LABEL_WIDTH;
}

double
anpai_timeline_get_header_height (AnpaiTimeline *self)
{
  return HEADER_HEIGHT;
}

int
anpai_timeline_row_at (AnpaiTimeline *self,
                       double         y)
{
  double row = floor ((y - HEADER_HEIGHT) / ROW_HEIGHT);

  if (row < 0 || row >= _anpai_timeline_n_shown (self))
    return -1;
  return (int) row;
}

int
anpai_timeline_expander_at (AnpaiTimeline *self,
                            double         x,
                            double         y)
{
  int index = anpai_timeline_row_at (self, y);
  double left;

  if (index < 0 || !expander_left (self, TRUE, anpai_timeline_get_row (self, (guint) index), &left))
    return -1;
  /* a little wider than drawn: it is a small target */
  return x >= left - 3 && x <= left + EXPANDER + 3 ? index : -1;
}

double
anpai_timeline_get_row_y (AnpaiTimeline *self,
                          guint          index)
{
  return HEADER_HEIGHT + index * ROW_HEIGHT;
}

double
anpai_timeline_get_row_height (AnpaiTimeline *self)
{
  return ROW_HEIGHT;
}

int
anpai_timeline_hit (AnpaiTimeline       *self,
                    double               x,
                    double               y,
                    AnpaiRescheduleEdge *edge)
{
  int index = anpai_timeline_row_at (self, y);
  const AnpaiTimelineRow *row;
  double mid, x0, x1, slop = 3;
  GDate end_day;

  if (index < 0)
    return -1;
  row = anpai_timeline_get_row (self, (guint) index);
  if (row->kind != ANPAI_TIMELINE_ROW_TASK || !anpai_time_spec_can_reschedule (row->time) ||
      !g_date_valid (&row->span_start))
    return -1;
  mid = HEADER_HEIGHT + (index + 0.5) * ROW_HEIGHT;
  if (fabs (y - mid) > BAR_HEIGHT / 2 + slop)
    return -1;
  end_day = row->span_end;
  g_date_add_days (&end_day, 1);
  x0 = LABEL_WIDTH + anpai_timeline_date_to_x (self, &row->span_start);
  x1 = LABEL_WIDTH + anpai_timeline_date_to_x (self, &end_day);
  if (row->time->kind == ANPAI_TIME_DEADLINE)
    {
      double r = BAR_HEIGHT / 2 + 1 + slop;

      if (fabs (x - (x0 + x1) / 2) > r)
        return -1;
      *edge = ANPAI_RESCHEDULE_MOVE;
      return index;
    }
  if (x < x0 - slop || x > x1 + slop)
    return -1;
  /* the ends are handles when the bar is long enough to hold on to its middle */
  if (x1 - x0 >= 4 * slop && x <= x0 + slop)
    *edge = ANPAI_RESCHEDULE_START;
  else if (x1 - x0 >= 4 * slop && x >= x1 - slop)
    *edge = ANPAI_RESCHEDULE_END;
  else
    *edge = ANPAI_RESCHEDULE_MOVE;
  return index;
}

void
anpai_timeline_draw (AnpaiTimeline *self,
                     cairo_t       *cr,
                     double         x,
                     double         y,
                     double         width,
                     double         height)
{
  Frame frame = { 0 };

  frame.pal = &palettes[self->scheme];
  frame.screen = TRUE;
  frame.ppd = anpai_timeline_zoom_pixels_per_day (self->zoom);
  frame.from = self->from;
  frame.to = self->to;
  frame.zoom = self->zoom;
  frame.n_rows = _anpai_timeline_n_shown (self);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  set_color (cr, &frame.pal->paper, 1);
  cairo_paint (cr);
  pango_cairo_update_context (cr, self->context);
  draw_chart (self, cr, &frame);
  cairo_restore (cr);
}

void
anpai_timeline_draw_page (AnpaiTimeline *self,
                          cairo_t       *cr,
                          guint          index)
{
  const AnpaiTimelinePage *page;
  g_autofree char *footer = NULL;
  double width, height;
  Frame frame = { 0 };

  g_return_if_fail (self->pages != NULL && index < self->pages->len);

  page = &g_array_index (self->pages, AnpaiTimelinePage, index);
  anpai_paper_get_size (self->paper, &width, &height);
  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);

  draw_title (self, cr, PAGE_MARGIN, PAGE_MARGIN, width - 2 * PAGE_MARGIN);
  frame.pal = &palettes[ANPAI_TIMELINE_SCHEME_LIGHT];
  frame.x = PAGE_MARGIN;
  frame.y = PAGE_MARGIN + TITLE_HEIGHT;
  frame.from = page->from;
  frame.to = page->to;
  frame.ppd = (width - 2 * PAGE_MARGIN - LABEL_WIDTH) / frame_days (&frame);
  frame.zoom = fit_zoom (self->zoom, frame.ppd);
  frame.first_row = page->first_row;
  frame.n_rows = page->n_rows;
  draw_chart (self, cr, &frame);

  draw_legend (self, cr, &palettes[ANPAI_TIMELINE_SCHEME_LIGHT], PAGE_MARGIN,
               height - PAGE_MARGIN - FOOTER_HEIGHT / 2, width - PAGE_MARGIN - 80);
  /* Translators: the footer of each page of an exported PDF */
  footer = g_strdup_printf (_("Page %d of %d"), (int) index + 1, (int) self->pages->len);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (self, cr, footer, BODY_SIZE, FALSE, width - PAGE_MARGIN - 80,
             height - PAGE_MARGIN - FOOTER_HEIGHT / 2, 80, TRUE);
  cairo_restore (cr);
}

gboolean
anpai_timeline_export_pdf (AnpaiTimeline  *self,
                           AnpaiPaper      paper,
                           guint           pages_across,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *temp = _anpai_export_temp_path (path);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_pages = anpai_timeline_paginate (self, paper, pages_across);

  anpai_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (temp, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->table->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Anpai");
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      anpai_timeline_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return _anpai_export_rename_over (temp, path, _anpai_export_finish_surface (surface, temp, error), error);
}

gboolean
anpai_timeline_export_png (AnpaiTimeline  *self,
                           int             width,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *temp = _anpai_export_temp_path (path);
  double chart_width, height, points_wide;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Frame frame = { 0 };

  frame.pal = &palettes[ANPAI_TIMELINE_SCHEME_LIGHT];
  frame.from = self->from;
  frame.to = self->to;
  frame.ppd = anpai_timeline_zoom_pixels_per_day (self->zoom);
  if (width > 0)
    frame.ppd = (width / PNG_SCALE - 2 * PAGE_MARGIN - LABEL_WIDTH) / frame_days (&frame);
  chart_width = frame_days (&frame) * frame.ppd;
  points_wide = 2 * PAGE_MARGIN + LABEL_WIDTH + chart_width;
  height = 2 * PAGE_MARGIN + TITLE_HEIGHT + HEADER_HEIGHT + _anpai_timeline_n_shown (self) * ROW_HEIGHT
           + FOOTER_HEIGHT;
  if (frame.ppd <= 0 || points_wide * PNG_SCALE > PNG_MAX || height * PNG_SCALE > PNG_MAX)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s",
                   _("The chart does not fit in one image of that size: export it as a PDF."));
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width > 0 ? width : (int) ceil (points_wide * PNG_SCALE),
                                        (int) ceil (height * PNG_SCALE));
  cr = cairo_create (surface);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_cairo_update_context (cr, self->context);
  draw_title (self, cr, PAGE_MARGIN, PAGE_MARGIN, LABEL_WIDTH + chart_width);
  frame.x = PAGE_MARGIN;
  frame.y = PAGE_MARGIN + TITLE_HEIGHT;
  frame.zoom = fit_zoom (self->zoom, frame.ppd);
  frame.n_rows = _anpai_timeline_n_shown (self);
  draw_chart (self, cr, &frame);
  draw_legend (self, cr, &palettes[ANPAI_TIMELINE_SCHEME_LIGHT], PAGE_MARGIN,
               height - PAGE_MARGIN - FOOTER_HEIGHT / 2, points_wide - PAGE_MARGIN);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, temp);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      g_unlink (temp);
      return FALSE;
    }
  return _anpai_export_rename_over (temp, path, TRUE, error);
}
