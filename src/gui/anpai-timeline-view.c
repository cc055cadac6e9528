/* anpai-timeline-view.c — a plan's Gantt chart (时间进度图) on screen
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimelineView"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anpai-timeline-view.h"

/* The chart is one canvas drawn by the core's renderer (anpai-timeline.h),
 * the same as printed and exported. The view scrolls it and keeps the label
 * columns and the header of the time scale in place, as a spreadsheet's
 * frozen panes: a planner reads a row's name wherever the bar is. The
 * chart is rebuilt on every change of the project: it is cheap, and edits,
 * undo and imports all come through the project's "changed". */

struct _AnpaiTimelineView
{
  GtkWidget            parent_instance;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;

  AnpaiProject        *project;
  gint64               plan_id;
  AnpaiTimeline       *timeline;
  AnpaiTimelineZoom    zoom;

  double               pointer_x;  /* -1: not over the view */
  gboolean             stale;      /* the project changed while hidden */
  GtkPageSetup        *page_setup;
  GtkPrintSettings    *print_settings;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (AnpaiTimelineView, anpai_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

#define DEFAULT_ZOOM ANPAI_TIMELINE_ZOOM_MONTH

/*
 * Geometry: screen x in the time area is canvas x - hadjustment's value.
 */

/* The frozen label columns' width: none when the view is too narrow to
 * show some of the time area beside them. */
static double
frozen_width (AnpaiTimelineView *self)
{
  double label_width = anpai_timeline_get_label_width (self->timeline);

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
  configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
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
  label_width = anpai_timeline_get_label_width (self->timeline);
  if (x + hvalue (self) < label_width)
    return FALSE;
  anpai_timeline_x_to_date (self->timeline, x + hvalue (self) - label_width, date);
  return TRUE;
}

/*
 * Zoom
 */

static void update_actions (AnpaiTimelineView *self);

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
  old_ppd = anpai_timeline_zoom_pixels_per_day (self->zoom);
  new_ppd = anpai_timeline_zoom_pixels_per_day (zoom);
  self->zoom = zoom;
  if (self->timeline == NULL)
    {
      update_actions (self);
      return;
    }

  label_width = anpai_timeline_get_label_width (self->timeline);
  x = MAX (x, frozen_width (self));
  days = MAX (0, x + hvalue (self) - label_width) / old_ppd;
  anpai_timeline_set_zoom (self->timeline, zoom);
  configure_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, days * new_ppd + label_width - x);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

  zoom_at (self, zoom, zoom_anchor (self, FALSE));
}

AnpaiTimelineZoom
anpai_timeline_view_get_zoom (AnpaiTimelineView *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), DEFAULT_ZOOM);

  return self->zoom;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  AnpaiTimelineZoom zoom = DEFAULT_ZOOM;

  if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom = MIN (self->zoom + 1, ANPAI_TIMELINE_ZOOM_WEEK);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom = self->zoom > ANPAI_TIMELINE_ZOOM_YEAR ? self->zoom - 1 : ANPAI_TIMELINE_ZOOM_YEAR;
  /* a key press or a menu item keeps the middle of the chart in place,
   * wherever the pointer happens to be; Ctrl+scroll zooms around it */
  zoom_at (self, zoom, zoom_anchor (self, FALSE));
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

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AnpaiTimelineView        *self)
{
  self->pointer_x = x;
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AnpaiTimelineView        *self)
{
  self->pointer_x = -1;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            AnpaiTimelineView *self)
{
  /* for the zoom keys */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/*
 * The chart
 */

static void
update_actions (AnpaiTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean any = self->timeline != NULL;

  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", any && self->zoom < ANPAI_TIMELINE_ZOOM_WEEK);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", any && self->zoom > ANPAI_TIMELINE_ZOOM_YEAR);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-reset", any && self->zoom != DEFAULT_ZOOM);
  gtk_widget_action_set_enabled (widget, "timeline.print", any);
  gtk_widget_action_set_enabled (widget, "timeline.export-pdf", any);
  gtk_widget_action_set_enabled (widget, "timeline.export-png", any);
}

static AnpaiTimeline *
new_timeline (AnpaiTimelineView  *self,
              GError            **error)
{
  AnpaiTimelineOptions options = ANPAI_TIMELINE_OPTIONS_INIT;

  options.zoom = self->zoom;
  return anpai_timeline_new (self->project, self->plan_id, &options, error);
}

static void
rebuild (AnpaiTimelineView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->timeline, anpai_timeline_free);
  if (self->project != NULL && self->plan_id != 0)
    {
      self->timeline = new_timeline (self, &error);
      /* a plan deleted under the view, say: nothing to show */
      if (self->timeline == NULL)
        g_debug ("No chart of plan %" G_GINT64_FORMAT ": %s", self->plan_id, error->message);
    }
  configure_adjustments (self);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

static void
map_cb (AnpaiTimelineView *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  rebuild (self);
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
  self->plan_id = plan_id;
  self->stale = FALSE;
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

/*
 * Drawing
 */

/* One pane: the canvas region at @canvas_x, @canvas_y shown at @x, @y. */
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
  anpai_timeline_draw (self->timeline, cr, canvas_x, canvas_y, width, height);
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
  fy = MIN (anpai_timeline_get_header_height (self->timeline), height);
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
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
anpai_timeline_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  configure_adjustments (ANPAI_TIMELINE_VIEW (widget));
}

static gboolean
query_tooltip_cb (AnpaiTimelineView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  const AnpaiTimelineRow *row;
  g_autoptr(GString) text = NULL;
  int index;

  if (self->timeline == NULL || keyboard ||
      y < anpai_timeline_get_header_height (self->timeline))
    return FALSE;
  index = anpai_timeline_row_at (self->timeline, y + vvalue (self));
  if (index < 0)
    return FALSE;
  row = anpai_timeline_get_row (self->timeline, index);
  text = g_string_new (NULL);
  if (row->label != NULL && row->label[0] != '\0')
    g_string_append_printf (text, "%s ", row->label);
  g_string_append (text, row->title != NULL ? row->title : "");
  if (row->time != NULL && row->time->text[0] != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: a task's 时间要求 as written in the plan */
      g_string_append_printf (text, _("Time requirement: %s"), row->time->text);
    }
  if (row->kind != ANPAI_TIMELINE_ROW_LANE && row->lead != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: a task's 牵头单位 */
      g_string_append_printf (text, _("Lead unit: %s"), row->lead);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/*
 * Printing and exports
 */

/* A3 for paper wider than A4, else A4; the chart is always landscape. */
static AnpaiPaper
paper_of (GtkPageSetup *setup)
{
  GtkPaperSize *size = gtk_page_setup_get_paper_size (setup);
  double width = gtk_paper_size_get_width (size, GTK_UNIT_POINTS);
  double height = gtk_paper_size_get_height (size, GTK_UNIT_POINTS);

  /* the paper's short side, whichever way the page setup turns it */
  return MIN (width, height) > 595.28 + 1 ? ANPAI_PAPER_A3 : ANPAI_PAPER_A4;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                AnpaiTimeline     *timeline)
{
  AnpaiPaper paper = paper_of (gtk_print_context_get_page_setup (context));

  gtk_print_operation_set_n_pages (operation, (int) anpai_timeline_paginate (timeline, paper, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              AnpaiTimeline     *timeline)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width, paper_height, scale;

  /* a page drawn for A4 on Letter, or landscape on a portrait page: shrink
   * to fit rather than cut off */
  anpai_timeline_get_paper_size (paper_of (setup), &paper_width, &paper_height);
  scale = MIN (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS) / paper_width,
               gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS) / paper_height);
  cairo_save (cr);
  if (scale < 1)
    cairo_scale (cr, scale, scale);
  anpai_timeline_draw_page (timeline, cr, (guint) page_nr);
  cairo_restore (cr);
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

/* An operation with a chart of its own: the project may change while the
 * dialog is open. */
static GtkPrintOperation *
new_print_operation (AnpaiTimelineView  *self,
                     GError            **error)
{
  GtkPrintOperation *operation;
  AnpaiTimeline *timeline = new_timeline (self, error);

  if (timeline == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "anpai-timeline", timeline,
                          (GDestroyNotify) anpai_timeline_free);
  gtk_print_operation_set_job_name (operation, anpai_timeline_get_title (timeline));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), timeline);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), timeline);
  return operation;
}

static void
show_error (AnpaiTimelineView *self,
            const char        *heading,
            const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AnpaiTimelineView       *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Chart"), error);
    }
  g_object_unref (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  operation = new_print_operation (self, &error);
  if (operation == NULL)
    {
      show_error (self, _("Could Not Print the Chart"), error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Chart"), error);
}

gboolean
anpai_timeline_view_print_to_file (AnpaiTimelineView  *self,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  operation = new_print_operation (self, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
anpai_timeline_view_export (AnpaiTimelineView  *self,
                            const char         *path,
                            gboolean            png,
                            GError            **error)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_VIEW (self), FALSE);

  if (self->timeline == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
      return FALSE;
    }
  if (png)
    return anpai_timeline_export_png (self->timeline, 0, path, error);
  return anpai_timeline_export_pdf (self->timeline, paper_of (self->page_setup), 1, path, error);
}

/* The path comes as the parameter until the file chooser is there. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiTimelineView *self = ANPAI_TIMELINE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!anpai_timeline_view_export (self, g_variant_get_string (parameter, NULL),
                                   g_str_equal (action_name, "timeline.export-png"), &error))
    show_error (self, _("Could Not Export the Chart"), error);
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
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->timeline, anpai_timeline_free);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (anpai_timeline_view_parent_class)->dispose (object);
}

static void
add_zoom_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK, action, NULL);
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

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-pdf", "s", export_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-png", "s", export_action);

  /* Ctrl+= too: plus needs Shift on most layouts */
  add_zoom_binding (widget_class, GDK_KEY_plus, "timeline.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_equal, "timeline.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_KP_Add, "timeline.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_minus, "timeline.zoom-out");
  add_zoom_binding (widget_class, GDK_KEY_KP_Subtract, "timeline.zoom-out");
  add_zoom_binding (widget_class, GDK_KEY_0, "timeline.zoom-reset");
  add_zoom_binding (widget_class, GDK_KEY_KP_0, "timeline.zoom-reset");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "timeline.print", NULL);

  gtk_widget_class_set_css_name (widget_class, "anpai-timeline");
}

static void
anpai_timeline_view_init (AnpaiTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *click;

  self->zoom = DEFAULT_ZOOM;
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  self->pointer_x = -1;
  self->page_setup = default_page_setup ();
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  update_actions (self);
}

GtkWidget *
anpai_timeline_view_new (void)
{
  return g_object_new (ANPAI_TYPE_TIMELINE_VIEW, NULL);
}
