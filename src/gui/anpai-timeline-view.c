/* anpai-timeline-view.c — a plan's Gantt chart (时间进度图) on screen
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimelineView"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anpai-timeline-print.h"
#include "anpai-timeline-view.h"
#include "anpai-tree-rows.h"
#include "anpai-window.h"

/* The chart is one canvas drawn by the core's renderer (anpai-timeline.h),
 * the same as printed and exported. The view scrolls it and keeps the label
 * columns and the header of the time scale in place, as a spreadsheet's
 * frozen panes: a planner reads a row's name wherever the bar is. The
 * chart is rebuilt on every change of the project: it is cheap, and edits,
 * undo and imports all come through the project's "changed". A row is
 * selected by a click or the arrow keys; dragging a bar reschedules its
 * task. The toolbar and its actions are the pane's (anpai-timeline-pane.c). */

struct _AnpaiTimelineView
{
  GtkWidget             parent_instance;

  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;
  GtkScrollablePolicy   hscroll_policy;
  GtkScrollablePolicy   vscroll_policy;

  AnpaiProject         *project;
  gint64                plan_id;
  AnpaiTimeline        *timeline;
  AnpaiTimeline        *old_timeline;  /* freed when idle */
  guint                 free_id;
  AnpaiTimelineZoom     zoom;
  AnpaiTimelineColorBy  color_by;
  AnpaiTimelineGroupBy  group_by;
  gint64                selected;   /* node id; 0: none (or a lane) */

  /* the Tasks view's rows, when the chart follows them: the same rows
   * open, one selection */
  GtkSelectionModel    *outline;
  GArray               *positions;  /* of guint: a shown row's place in @outline */
  guint                 refresh_id; /* the chart or its rows are read again when idle */
  gboolean              syncing;    /* a selection passed on: not to come back */

  /* a bar being dragged: its row, which part, and by how many days */
  int                   drag_row;   /* -1: none */
  AnpaiRescheduleEdge   drag_edge;
  int                   drag_days;
  double                pinch_scale;  /* the scale at the last zoom step */

  double                pointer_x;  /* -1: not over the view */
  gboolean              scroll_pending;  /* to the selection, once the view has a size */
  gboolean              stale;      /* the project changed while hidden */
  gboolean              rows_stale; /* the followed rows changed while hidden */
  AnpaiTimelinePrint   *print;      /* settings kept from one print to the next */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (AnpaiTimelineView, anpai_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_HAS_CHART,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  TASK_ACTIVATED,
  CHART_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/*
 * Geometry. The canvas is in points, as printed; on screen a point is
 * PX_PER_PT pixels, as at 96 dpi, so that its text reads as the rest of
 * the desktop's. Below, "px" are widget pixels; screen x in the time area
 * is canvas x × PX_PER_PT - hadjustment's value.
 */

#define PX_PER_PT (96.0 / 72.0)

static double
label_px (AnpaiTimelineView *self)
{
  return anpai_timeline_get_label_width (self->timeline) * PX_PER_PT;
}

static double
header_px (AnpaiTimelineView *self)
{
  return anpai_timeline_get_header_height (self->timeline) * PX_PER_PT;
}

static double
day_px (AnpaiTimelineZoom zoom)
{
  return anpai_timeline_zoom_pixels_per_day (zoom) * PX_PER_PT;
}

/* The frozen label columns' width: none when the view is too narrow to
 * show some of the time area beside them. */
static double
frozen_width (AnpaiTimelineView *self)
{
  double label_width = label_px (self);

  return gtk_widget_get_width (GTK_WIDGET (self)) >= 2 * label_width ? label_width : 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page)
{
  if (adjustment == NULL)
    return;
  /* GtkAdjustment clamps the value to upper - page itself */
  gtk_adjustment_configure (adjustment, gtk_adjustment_get_value (adjustment), 0, upper,
                            page * 0.1, page * 0.9, page);
}

static void
configure_adjustments (AnpaiTimelineView *self)
{
  double width = 0, height = 0;

  if (self->timeline != NULL)
    anpai_timeline_get_size (self->timeline, &width, &height);
  configure_adjustment (self->hadjustment, width * PX_PER_PT, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height * PX_PER_PT, gtk_widget_get_height (GTK_WIDGET (self)));
}

static double
hvalue (AnpaiTimelineView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (AnpaiTimelineView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

gboolean
anpai_timeline_view_get_date_at (AnpaiTimelineView *self,
                                 double             x,
                                 GDate             *date)
{
  double label_width;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  if (self->timeline == NULL || x < frozen_width (self))
    return FALSE;
  label_width = label_px (self);
  if (x + hvalue (self) < label_width)
    return FALSE;
  anpai_timeline_x_to_date (self->timeline, (x + hvalue (self) - label_width) / PX_PER_PT, date);
  return TRUE;
}

/*
 * Zoom
 */

/* Zooms keeping the point of the time scale at @x (widget coordinates) in
 * place, to the fraction of a day. */
static void
zoom_at (AnpaiTimelineView *self,
         AnpaiTimelineZoom  zoom,
         double             x)
{
  double label_width, old_ppd, new_ppd, days;

  zoom = CLAMP (zoom, ANPAI_TIMELINE_ZOOM_YEAR, ANPAI_TIMELINE_ZOOM_WEEK);
  if (zoom == self->zoom)
    return;
  old_ppd = day_px (self->zoom);
  new_ppd = day_px (zoom);
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (self->timeline == NULL)
    return;

  label_width = label_px (self);
  x = MAX (x, frozen_width (self));
  days = MAX (0, x + hvalue (self) - label_width) / old_ppd;
  anpai_timeline_set_zoom (self->timeline, zoom);
  configure_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, days * new_ppd + label_width - x);
  /* the scrollbars follow the adjustments: nothing else changes size */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The middle of the time area, or where the pointer is. */
static double
zoom_anchor (AnpaiTimelineView *self,
             gboolean           at_pointer)
{
  double left = self->timeline != NULL ? frozen_width (self) : 0;

  if (at_pointer && self->pointer_x >= left)
    return self->pointer_x;
  return (left + gtk_widget_get_width (GTK_WIDGET (self))) / 2;
}

void
anpai_timeline_view_set_zoom (AnpaiTimelineView *self,
                              AnpaiTimelineZoom  zoom)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  /* a key press or a menu item keeps the middle of the chart in place,
   * wherever the pointer happens to be; Ctrl+scroll zooms around it */
  zoom_at (self, zoom, zoom_anchor (self, FALSE));
}

AnpaiTimelineZoom
anpai_timeline_view_get_zoom (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), ANPAI_TIMELINE_ZOOM_DEFAULT);

  return self->zoom;
}

gboolean
anpai_timeline_view_has_chart (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  return self->timeline != NULL;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AnpaiTimelineView        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* without Ctrl the scrolled window scrolls */
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  if (dy < 0)
    zoom_at (self, MIN (self->zoom + 1, ANPAI_TIMELINE_ZOOM_WEEK), zoom_anchor (self, TRUE));
  else if (self->zoom > ANPAI_TIMELINE_ZOOM_YEAR)
    zoom_at (self, self->zoom - 1, zoom_anchor (self, TRUE));
  return TRUE;
}

/* Pinching zooms a level each time the fingers have spread (or closed)
 * by half as much again, around the point between them. */
void
anpai_timeline_view_pinch (AnpaiTimelineView *self,
                           double             scale,
                           double             x)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  /* a new pinch */
  if (scale == 1)
    self->pinch_scale = 1;
  if (scale >= self->pinch_scale * 1.5 && self->zoom < ANPAI_TIMELINE_ZOOM_WEEK)
    {
      zoom_at (self, self->zoom + 1, x);
      self->pinch_scale = scale;
    }
  else if (scale <= self->pinch_scale / 1.5 && self->zoom > ANPAI_TIMELINE_ZOOM_YEAR)
    {
      zoom_at (self, self->zoom - 1, x);
      self->pinch_scale = scale;
    }
}

static void
pinch_begin_cb (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                AnpaiTimelineView *self)
{
  anpai_timeline_view_pinch (self, 1, 0);
}

static void
pinch_scale_changed_cb (GtkGestureZoom    *gesture,
                        double             scale,
                        AnpaiTimelineView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = zoom_anchor (self, FALSE);
  anpai_timeline_view_pinch (self, scale, x);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AnpaiTimelineView        *self);

static void
leave_cb (GtkEventControllerMotion *controller,
          AnpaiTimelineView        *self)
{
  self->pointer_x = -1;
}

/*
 * The chart
 */

static void
apply_scheme (AnpaiTimelineView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  AnpaiTimelineScheme scheme;

  if (adw_style_manager_get_high_contrast (style))
    scheme = dark ? ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST_DARK : ANPAI_TIMELINE_SCHEME_HIGH_CONTRAST;
  else
    scheme = dark ? ANPAI_TIMELINE_SCHEME_DARK : ANPAI_TIMELINE_SCHEME_LIGHT;
  if (self->timeline != NULL)
    anpai_timeline_set_scheme (self->timeline, scheme);
}

static void
style_changed_cb (AnpaiTimelineView *self)
{
  apply_scheme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHART_CHANGED], 0);
}

static void
drop_outline (AnpaiTimelineView *self)
{
  if (self->outline == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->outline, self);
  g_clear_object (&self->outline);
}

/* The rows of the Tasks view, when they are this plan's outline: the
 * chart shows those, with their open and closed sections. */
static void
follow_outline (AnpaiTimelineView *self)
{
  GListModel *rows = self->outline != NULL ? G_LIST_MODEL (self->outline) : NULL;
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) open = NULL;

  g_array_set_size (self->positions, 0);
  self->rows_stale = FALSE;
  if (self->timeline == NULL)
    return;
  if (rows == NULL || self->group_by != ANPAI_TIMELINE_GROUP_BY_OUTLINE)
    {
      anpai_timeline_set_shown (self->timeline, NULL, NULL, 0, NULL);
      return;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  open = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      gint64 id = anpai_tree_rows_row_get_node_id (row);
      gboolean expanded = gtk_tree_list_row_get_expanded (row);

      g_array_append_val (ids, id);
      g_array_append_val (open, expanded);
    }
  /* the tree's rows less its text paragraphs, and where each one is */
  anpai_timeline_set_shown (self->timeline, (const gint64 *) (gpointer) ids->data,
                            (const gboolean *) (gpointer) open->data, n, self->positions);
}

static void
sync_rows (AnpaiTimelineView *self)
{
  if (self->timeline == NULL)
    return;
  follow_outline (self);
  anpai_timeline_set_selected (self->timeline, anpai_timeline_find_node (self->timeline, self->selected));
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void rebuild (AnpaiTimelineView *self);

/* The chart, or only its rows, brought up to date once, before the next
 * frame: what changed while the view was hidden, or many changes to the
 * followed rows (opening all sections makes one per section). */
static gboolean
refresh_idle_cb (gpointer data)
{
  AnpaiTimelineView *self = data;

  self->refresh_id = 0;
  if (self->stale)
    rebuild (self);
  else if (self->rows_stale)
    sync_rows (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AnpaiTimelineView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_idle_cb, self, NULL);
}

static void
outline_items_changed_cb (AnpaiTimelineView *self)
{
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
}

static void scroll_to_row (AnpaiTimelineView *self,
                           int                index);

/* A row selected in the Tasks view is selected here. */
static void
outline_selection_changed_cb (AnpaiTimelineView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  gint64 node_id;
  int index;

  if (self->syncing || self->outline == NULL || self->timeline == NULL)
    return;
  selected = gtk_selection_model_get_selection (self->outline);
  if (gtk_bitset_is_empty (selected))
    return;
  node_id = anpai_tree_rows_get_node_id (G_LIST_MODEL (self->outline), gtk_bitset_get_minimum (selected));
  if (node_id == 0 || node_id == self->selected)
    return;
  if (self->rows_stale)
    sync_rows (self);
  index = anpai_timeline_find_node (self->timeline, node_id);
  if (index < 0)
    return;
  self->selected = node_id;
  anpai_timeline_set_selected (self->timeline, index);
  scroll_to_row (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
anpai_timeline_view_set_outline (AnpaiTimelineView *self,
                                 GtkSelectionModel *rows)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));
  g_return_if_fail (rows == NULL || GTK_IS_SELECTION_MODEL (rows));

  /* already followed: its changes came through the signals */
  if (rows == self->outline)
    return;
  drop_outline (self);
  self->outline = rows != NULL ? g_object_ref (rows) : NULL;
  if (rows != NULL)
    {
      g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (outline_items_changed_cb), self);
      g_signal_connect_swapped (rows, "selection-changed", G_CALLBACK (outline_selection_changed_cb), self);
    }
  sync_rows (self);
  outline_selection_changed_cb (self);
}

/* Opens or closes the row @index shows, in the Tasks view as here. */
static gboolean
set_row_expanded (AnpaiTimelineView *self,
                  int                index,
                  gboolean           expanded)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->outline == NULL || index < 0 || (guint) index >= self->positions->len)
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (self->outline), g_array_index (self->positions, guint, index));
  if (row == NULL || !gtk_tree_list_row_is_expandable (row) || gtk_tree_list_row_get_expanded (row) == expanded)
    return FALSE;
  gtk_tree_list_row_set_expanded (row, expanded);
  sync_rows (self);
  return TRUE;
}

/* How the chart is drawn: on screen, and for pages of their own. */
static AnpaiTimelineOptions
chart_options (AnpaiTimelineView *self)
{
  AnpaiTimelineOptions options = ANPAI_TIMELINE_OPTIONS_INIT;

  options.zoom = self->zoom;
  options.color_by = self->color_by;
  options.group_by = self->group_by;
  return options;
}

static AnpaiTimeline *
new_timeline (AnpaiTimelineView  *self,
              GError            **error)
{
  AnpaiTimelineOptions options = chart_options (self);

  return anpai_timeline_new (self->project, self->plan_id, &options, error);
}

static gboolean
free_old_cb (gpointer data)
{
  AnpaiTimelineView *self = data;

  self->free_id = 0;
  g_clear_pointer (&self->old_timeline, anpai_timeline_free);
  return G_SOURCE_REMOVE;
}

static void
rebuild (AnpaiTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean had_chart = self->timeline != NULL;

  self->stale = FALSE;
  /* a big chart takes a while to free: after the new one is on screen */
  if (self->timeline != NULL)
    {
      g_clear_pointer (&self->old_timeline, anpai_timeline_free);
      self->old_timeline = g_steal_pointer (&self->timeline);
      if (self->free_id == 0)
        self->free_id = g_idle_add_full (G_PRIORITY_LOW, free_old_cb, self, NULL);
    }
  self->drag_row = -1;
  if (self->project != NULL && self->plan_id != 0)
    {
      self->timeline = new_timeline (self, &error);
      /* a plan deleted under the view, say: nothing to show */
      if (self->timeline == NULL)
        g_debug ("No chart of plan %" G_GINT64_FORMAT ": %s", self->plan_id, error->message);
    }
  if (self->timeline != NULL)
    {
      apply_scheme (self);
      follow_outline (self);
      /* the selection follows its task; a deleted one leaves none */
      anpai_timeline_set_selected (self->timeline, anpai_timeline_find_node (self->timeline, self->selected));
      if (anpai_timeline_get_selected (self->timeline) < 0)
        self->selected = 0;
    }
  configure_adjustments (self);
  /* not a resize: the window's other widgets would be laid out and drawn
   * again for nothing, which made showing a big chart slower */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (had_chart != (self->timeline != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
  g_signal_emit (self, signals[CHART_CHANGED], 0);
}

/* Laying out a big plan's chart costs: a hidden view does it when shown,
 * not after every edit made in another view. */
static void
project_changed_cb (AnpaiTimelineView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  rebuild (self);
}

/* Not at once: showing the view may go on to choose another plan. */
static void
map_cb (AnpaiTimelineView *self)
{
  if (self->stale || self->rows_stale)
    queue_refresh (self);
}

void
anpai_timeline_view_set_project (AnpaiTimelineView *self,
                                 AnpaiProject      *project)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->project == project)
    return;
  self->stale = FALSE;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  self->plan_id = 0;
  self->selected = 0;
  drop_outline (self);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

void
anpai_timeline_view_set_plan (AnpaiTimelineView *self,
                              gint64             plan_id)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (plan_id == self->plan_id && self->timeline != NULL)
    return;
  /* the rows followed are another plan's */
  if (plan_id != self->plan_id)
    drop_outline (self);
  self->plan_id = plan_id;
  self->stale = FALSE;
  self->selected = 0;
  /* another plan starts at its beginning */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  rebuild (self);
}

gint64
anpai_timeline_view_get_plan_id (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), 0);

  return self->plan_id;
}

AnpaiTimeline *
anpai_timeline_view_get_timeline (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

void
anpai_timeline_view_set_color_by (AnpaiTimelineView    *self,
                                  AnpaiTimelineColorBy  color_by)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->color_by == color_by)
    return;
  self->color_by = color_by;
  /* the same rows, other colours */
  if (self->timeline != NULL)
    anpai_timeline_set_color_by (self->timeline, color_by);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHART_CHANGED], 0);
}

AnpaiTimelineColorBy
anpai_timeline_view_get_color_by (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), ANPAI_TIMELINE_COLOR_BY_STATUS);

  return self->color_by;
}

void
anpai_timeline_view_set_group_by (AnpaiTimelineView    *self,
                                  AnpaiTimelineGroupBy  group_by)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->group_by == group_by)
    return;
  self->group_by = group_by;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  rebuild (self);
}

AnpaiTimelineGroupBy
anpai_timeline_view_get_group_by (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), ANPAI_TIMELINE_GROUP_BY_OUTLINE);

  return self->group_by;
}

/*
 * Selection and the keyboard
 */

/* Scrolls the least that shows row @index whole under the frozen header. */
static void
scroll_to_row (AnpaiTimelineView *self,
               int                index)
{
  double top, bottom, header, value, page;

  if (self->vadjustment == NULL || index < 0)
    return;
  /* not laid out yet (just shown): once it is */
  if (gtk_widget_get_height (GTK_WIDGET (self)) == 0)
    {
      self->scroll_pending = TRUE;
      return;
    }
  header = header_px (self);
  top = anpai_timeline_get_row_y (self->timeline, (guint) index) * PX_PER_PT;
  bottom = top + anpai_timeline_get_row_height (self->timeline) * PX_PER_PT;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_widget_get_height (GTK_WIDGET (self));
  if (top - header < value)
    gtk_adjustment_set_value (self->vadjustment, top - header);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, bottom - page);
}

static void
select_row (AnpaiTimelineView *self,
            int                index)
{
  const AnpaiTimelineRow *row;

  if (self->timeline == NULL)
    return;
  anpai_timeline_set_selected (self->timeline, index);
  index = anpai_timeline_get_selected (self->timeline);
  row = index >= 0 ? anpai_timeline_get_row (self->timeline, (guint) index) : NULL;
  self->selected = row != NULL ? row->node_id : 0;
  scroll_to_row (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* one selection with the Tasks view */
  if (self->outline != NULL && index >= 0 && (guint) index < self->positions->len)
    {
      self->syncing = TRUE;
      gtk_selection_model_select_item (self->outline, g_array_index (self->positions, guint, index), TRUE);
      self->syncing = FALSE;
    }
}

double
anpai_timeline_view_get_scale (AnpaiTimelineView *self)
{
  return PX_PER_PT;
}

gint64
anpai_timeline_view_get_selected (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), 0);

  return self->selected;
}

gboolean
anpai_timeline_view_select_node (AnpaiTimelineView *self,
                                 gint64             node_id)
{
  int index;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  if (self->timeline == NULL)
    return FALSE;
  index = anpai_timeline_find_node (self->timeline, node_id);
  if (index < 0)
    return FALSE;
  select_row (self, index);
  return TRUE;
}

static void
activate_selected (AnpaiTimelineView *self)
{
  if (self->selected != 0)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, self->selected);
}

/* The rows a page holds, less one to keep the context. */
static int
rows_per_page (AnpaiTimelineView *self)
{
  double rows = (gtk_widget_get_height (GTK_WIDGET (self)) - header_px (self))
                / (anpai_timeline_get_row_height (self->timeline) * PX_PER_PT);

  return MAX (1, (int) rows - 1);
}

/* chart.move-selection: the keys' actions, as GtkListView's list.* */
static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  int step = g_variant_get_int32 (parameter);
  int n, current, next;

  if (self->timeline == NULL || (n = (int) anpai_timeline_get_n_rows (self->timeline)) == 0)
    return;
  current = anpai_timeline_get_selected (self->timeline);
  /* ±1 a row, ±2 a page, ±3 the first or last */
  switch (step)
    {
    case 3:
      next = n - 1;
      break;
    case -3:
      next = 0;
      break;
    case 2:
    case -2:
      next = (current < 0 ? 0 : current) + (step > 0 ? 1 : -1) * rows_per_page (self);
      break;
    default:
      next = current < 0 ? (step > 0 ? 0 : n - 1) : current + step;
      break;
    }
  select_row (self, CLAMP (next, 0, n - 1));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  activate_selected (ANPAI_TIMELINE_VIEW (widget));
}

/* chart.expand: the selected row opened (TRUE) or closed, as Right and
 * Left do in a tree */
static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);

  if (self->timeline != NULL)
    set_row_expanded (self, anpai_timeline_get_selected (self->timeline), g_variant_get_boolean (parameter));
}

static void
expand_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);

  if (self->outline == NULL)
    return;
  anpai_tree_rows_set_all_expanded (G_LIST_MODEL (self->outline), g_str_equal (action_name, "chart.expand-all"));
  sync_rows (self);
}

/* Canvas coordinates of a point of the widget: the frozen panes do not
 * scroll. */
static void
to_canvas (AnpaiTimelineView *self,
           double             x,
           double             y,
           double            *cx,
           double            *cy)
{
  *cx = (x >= frozen_width (self) ? x + hvalue (self) : x) / PX_PER_PT;
  *cy = (y >= header_px (self) ? y + vvalue (self) : y) / PX_PER_PT;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            AnpaiTimelineView *self)
{
  double cx, cy;
  int index;

  /* for the keys */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->timeline == NULL || y < header_px (self))
    return;
  to_canvas (self, x, y, &cx, &cy);
  index = anpai_timeline_expander_at (self->timeline, cx, cy);
  if (index >= 0)
    {
      set_row_expanded (self, index, !anpai_timeline_get_expanded (self->timeline, (guint) index));
      return;
    }
  index = anpai_timeline_row_at (self->timeline, cy);
  if (index < 0)
    return;
  select_row (self, index);
  if (n_press == 2)
    activate_selected (self);
}

/*
 * Dragging a bar
 */

static const char *
cursor_for (AnpaiRescheduleEdge edge)
{
  return edge == ANPAI_RESCHEDULE_MOVE ? "grab" : "col-resize";
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AnpaiTimelineView        *self)
{
  AnpaiRescheduleEdge edge;
  double cx, cy;
  int hit = -1;

  self->pointer_x = x;
  if (self->drag_row >= 0)
    return;
  if (self->timeline != NULL && x >= frozen_width (self) &&
      y >= header_px (self) &&
      !anpai_project_get_read_only (self->project))
    {
      to_canvas (self, x, y, &cx, &cy);
      hit = anpai_timeline_hit (self->timeline, cx, cy, &edge);
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit >= 0 ? cursor_for (edge) : NULL);
}

/* The dragged row's dates, moved by @days, as the core will store them. */
static gboolean
dragged_span (AnpaiTimelineView *self,
              int                days,
              GDate             *start,
              GDate             *end)
{
  const AnpaiTimelineRow *row = anpai_timeline_get_row (self->timeline, (guint) self->drag_row);
  g_autoptr(AnpaiTimeSpec) moved = NULL;

  /* the bar's own span stands for the plan's period: its open ends are it */
  moved = anpai_time_spec_reschedule (row->time, &row->span_start, &row->span_end, self->drag_edge, days);
  if (moved == NULL)
    return FALSE;
  anpai_time_spec_get_span (moved, &row->span_start, &row->span_end, start, end);
  return g_date_valid (start);
}

gboolean
anpai_timeline_view_drag_begin (AnpaiTimelineView *self,
                                double             x,
                                double             y)
{
  double cx, cy;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  self->drag_row = -1;
  if (self->timeline == NULL || anpai_project_get_read_only (self->project) ||
      x < frozen_width (self) || y < header_px (self))
    return FALSE;
  to_canvas (self, x, y, &cx, &cy);
  self->drag_row = anpai_timeline_hit (self->timeline, cx, cy, &self->drag_edge);
  if (self->drag_row < 0)
    return FALSE;
  self->drag_days = 0;
  select_row (self, self->drag_row);
  return TRUE;
}

void
anpai_timeline_view_drag_update (AnpaiTimelineView *self,
                                 double             offset_x)
{
  GDate start, end;
  int days;

  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->drag_row < 0 || self->timeline == NULL)
    return;
  /* whole days: a bar snaps to the days it would be stored with */
  days = (int) round (offset_x / day_px (self->zoom));
  if (days == self->drag_days)
    return;
  self->drag_days = days;
  if (days != 0 && dragged_span (self, days, &start, &end))
    anpai_timeline_set_preview (self->timeline, self->drag_row, &start, &end);
  else
    anpai_timeline_set_preview (self->timeline, -1, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_stop (AnpaiTimelineView *self)
{
  if (self->timeline != NULL)
    anpai_timeline_set_preview (self->timeline, -1, NULL, NULL);
  self->drag_row = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
anpai_timeline_view_drag_end (AnpaiTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  int days = self->drag_days;
  gint64 node_id;

  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->drag_row < 0 || self->timeline == NULL)
    return;
  node_id = anpai_timeline_get_row (self->timeline, (guint) self->drag_row)->node_id;
  drag_stop (self);
  if (days == 0)
    return;
  /* the project's "changed" rebuilds the chart */
  if (!anpai_project_reschedule_node (self->project, node_id, self->drag_edge, days, &error))
    anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
drag_begin_cb (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               AnpaiTimelineView *self)
{
  /* elsewhere the press only selects, and the scrolled window may pan */
  gtk_gesture_set_state (GTK_GESTURE (gesture),
                         anpai_timeline_view_drag_begin (self, x, y) ? GTK_EVENT_SEQUENCE_CLAIMED
                                                                     : GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag    *gesture,
                double             offset_x,
                double             offset_y,
                AnpaiTimelineView *self)
{
  anpai_timeline_view_drag_update (self, offset_x);
}

static void
drag_end_cb (GtkGestureDrag    *gesture,
             double             offset_x,
             double             offset_y,
             AnpaiTimelineView *self)
{
  anpai_timeline_view_drag_end (self);
}

static void
drag_cancel_cb (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                AnpaiTimelineView *self)
{
  if (self->drag_row >= 0)
    drag_stop (self);
}

/*
 * Drawing
 */
/* One pane: the canvas region at @canvas_x, @canvas_y shown at @x, @y;
 * all in widget pixels. */
static void
draw_pane (AnpaiTimelineView *self,
           cairo_t           *cr,
           double             x,
           double             y,
           double             width,
           double             height,
           double             canvas_x,
           double             canvas_y)
{
  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x - canvas_x, y - canvas_y);
  cairo_scale (cr, PX_PER_PT, PX_PER_PT);
  anpai_timeline_draw (self->timeline, cr, canvas_x / PX_PER_PT, canvas_y / PX_PER_PT,
                       width / PX_PER_PT, height / PX_PER_PT);
  cairo_restore (cr);
}

static void
anpai_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double fx, fy, hv, vv;
  cairo_t *cr;

  if (self->timeline == NULL || width <= 0 || height <= 0)
    return;

  fx = frozen_width (self);
  fy = MIN (header_px (self), height);
  hv = hvalue (self);
  vv = vvalue (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* the rows, then the frozen header, label columns and their corner */
  draw_pane (self, cr, fx, fy, width - fx, height - fy, fx + hv, fy + vv);
  draw_pane (self, cr, fx, 0, width - fx, fy, fx + hv, 0);
  draw_pane (self, cr, 0, fy, fx, height - fy, 0, fy + vv);
  draw_pane (self, cr, 0, 0, fx, fy, 0, 0);
  cairo_destroy (cr);
}

static void
anpai_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  double width = 0, height = 0;

  if (self->timeline != NULL)
    anpai_timeline_get_size (self->timeline, &width, &height);
  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height) * PX_PER_PT);
}

static void
anpai_timeline_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);

  configure_adjustments (self);
  if (self->scroll_pending && height > 0 && self->timeline != NULL)
    {
      self->scroll_pending = FALSE;
      scroll_to_row (self, anpai_timeline_get_selected (self->timeline));
    }
}

char *
anpai_timeline_view_dup_tooltip (AnpaiTimelineView *self,
                                 double             x,
                                 double             y)
{
  const AnpaiTimelineRow *row;
  const AnpaiExportRow *task;
  g_autoptr(GString) text = NULL;
  g_autofree char *others = NULL;
  double cx, cy;
  int index;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), NULL);

  if (self->timeline == NULL || y < header_px (self))
    return NULL;
  to_canvas (self, x, y, &cx, &cy);
  index = anpai_timeline_row_at (self->timeline, cy);
  if (index < 0)
    return NULL;
  row = anpai_timeline_get_row (self->timeline, (guint) index);
  task = row->source;
  text = g_string_new (NULL);
  if (row->label != NULL && row->label[0] != '\0')
    g_string_append_printf (text, "%s ", row->label);
  g_string_append (text, row->title != NULL ? row->title : "");
  /* the task's whole text, when its title is only the start of it */
  if (task != NULL && task->body != NULL && task->body[0] != '\0' && g_strcmp0 (task->body, row->title) != 0)
    g_string_append_printf (text, "\n%s", task->body);
  if (row->time != NULL && row->time->text[0] != '\0')
    {
      g_autofree char *meaning = anpai_time_spec_describe (row->time);

      g_string_append_c (text, '\n');
      /* Translators: a task's 时间要求 as written in the plan */
      g_string_append_printf (text, _("Time requirement: %s"), row->time->text);
      if (meaning != NULL && meaning[0] != '\0')
        g_string_append_printf (text, " (%s)", meaning);
    }
  if (row->kind == ANPAI_TIMELINE_ROW_TASK && row->lead != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: a task's 牵头单位 */
      g_string_append_printf (text, _("Lead unit: %s"), row->lead);
    }
  if (row->kind == ANPAI_TIMELINE_ROW_TASK && task != NULL && (others = anpai_export_row_others (task)) != NULL
      && others[0] != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: a task's 配合单位, co-responsible and supporting */
      g_string_append_printf (text, _("Other units: %s"), others);
    }
  if (row->kind == ANPAI_TIMELINE_ROW_TASK)
    {
      g_string_append_c (text, '\n');
      /* Translators: a task's status in the timeline's tooltip */
      g_string_append_printf (text, _("Status: %s"), anpai_status_get_label (row->status));
      if (task != NULL && task->progress > 0 && task->progress < 100)
        g_string_append_printf (text, " (%d%%)", task->progress);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
query_tooltip_cb (AnpaiTimelineView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = anpai_timeline_view_dup_tooltip (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/*
 * Printing and exports: the pages are anpai-timeline-print.c's
 */

static gboolean
check_chart (AnpaiTimelineView  *self,
             GError            **error)
{
  if (self->timeline != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
  return FALSE;
}

void
anpai_timeline_view_print (AnpaiTimelineView *self)
{
  AnpaiTimelineOptions options;
  GtkRoot *root;

  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  if (self->timeline == NULL)
    return;
  options = chart_options (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  anpai_timeline_print_run (self->print, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            self->project, self->plan_id, &options);
}

void
anpai_timeline_view_set_print_layout (AnpaiTimelineView *self,
                                      guint              pages_across,
                                      const char        *from,
                                      const char        *to)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_VIEW (self));

  anpai_timeline_print_set_layout (self->print, pages_across, from, to);
}

gboolean
anpai_timeline_view_print_to_file (AnpaiTimelineView  *self,
                                   const char         *path,
                                   GError            **error)
{
  AnpaiTimelineOptions options;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  if (!check_chart (self, error))
    return FALSE;
  options = chart_options (self);
  return anpai_timeline_print_to_file (self->print, self->project, self->plan_id, &options, path, error);
}

gboolean
anpai_timeline_view_export (AnpaiTimelineView  *self,
                            const char         *path,
                            gboolean            png,
                            AnpaiPaper          paper,
                            GError            **error)
{
  AnpaiTimelineOptions options;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  if (!check_chart (self, error))
    return FALSE;
  if (png)
    return anpai_timeline_export_png (self->timeline, 0, path, error);
  /* the pages as printed: across and over the span last chosen */
  options = chart_options (self);
  return anpai_timeline_print_export_pdf (self->print, self->project, self->plan_id, &options, paper, path, error);
}

/*
 * GObject
 */

static void
value_changed_cb (AnpaiTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (AnpaiTimelineView  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, value_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  configure_adjustments (self);
}

static void
anpai_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_HAS_CHART:
      g_value_set_boolean (value, self->timeline != NULL);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_timeline_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_timeline_view_dispose (GObject *object)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (object);

  anpai_timeline_view_set_project (self, NULL);
  anpai_timeline_view_set_outline (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->positions, g_array_unref);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->timeline, anpai_timeline_free);
  g_clear_handle_id (&self->free_id, g_source_remove);
  g_clear_pointer (&self->old_timeline, anpai_timeline_free);
  g_clear_object (&self->print);

  G_OBJECT_CLASS (anpai_timeline_view_parent_class)->dispose (object);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  int             step)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "chart.move-selection", "i", step);
}

static void
anpai_timeline_view_class_init (AnpaiTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = anpai_timeline_view_get_property;
  object_class->set_property = anpai_timeline_view_set_property;
  object_class->dispose = anpai_timeline_view_dispose;
  widget_class->snapshot = anpai_timeline_view_snapshot;
  widget_class->measure = anpai_timeline_view_measure;
  widget_class->size_allocate = anpai_timeline_view_size_allocate;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, ANPAI_TIMELINE_ZOOM_YEAR, ANPAI_TIMELINE_ZOOM_WEEK, ANPAI_TIMELINE_ZOOM_DEFAULT,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CHART] =
    g_param_spec_boolean ("has-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * AnpaiTimelineView::task-activated:
   * @node_id: the task's node
   *
   * Enter or a double click on a row: the planner wants the task itself.
   */
  signals[TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * AnpaiTimelineView::chart-changed:
   *
   * The chart was built again, or its colours changed: what is drawn
   * from it elsewhere (the legend) is to be drawn again.
   */
  signals[CHART_CHANGED] =
    g_signal_new ("chart-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  add_move_binding (widget_class, GDK_KEY_Up, -1);
  add_move_binding (widget_class, GDK_KEY_KP_Up, -1);
  add_move_binding (widget_class, GDK_KEY_Down, 1);
  add_move_binding (widget_class, GDK_KEY_KP_Down, 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, -2);
  add_move_binding (widget_class, GDK_KEY_KP_Page_Up, -2);
  add_move_binding (widget_class, GDK_KEY_Page_Down, 2);
  add_move_binding (widget_class, GDK_KEY_KP_Page_Down, 2);
  add_move_binding (widget_class, GDK_KEY_Home, -3);
  add_move_binding (widget_class, GDK_KEY_KP_Home, -3);
  add_move_binding (widget_class, GDK_KEY_End, 3);
  add_move_binding (widget_class, GDK_KEY_KP_End, 3);
  gtk_widget_class_install_action (widget_class, "chart.move-selection", "i", move_selection_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-selected", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "chart.expand", "b", expand_action);
  gtk_widget_class_install_action (widget_class, "chart.expand-all", NULL, expand_all_action);
  gtk_widget_class_install_action (widget_class, "chart.collapse-all", NULL, expand_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.expand", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.expand", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.expand", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.expand", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate-selected", NULL);

  gtk_widget_class_set_css_name (widget_class, "anpai-timeline");
}

static void
anpai_timeline_view_init (AnpaiTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = ANPAI_TIMELINE_ZOOM_DEFAULT;
  self->drag_row = -1;
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->print = anpai_timeline_print_new ();
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  self->pointer_x = -1;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
                            G_CALLBACK (style_changed_cb), self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
anpai_timeline_view_new (void)
{
  return g_object_new (ANPAI_TYPE_TIMELINE_VIEW, NULL);
}
