/* anpai-timeline-pane.c — the Timeline view: the chart and its toolbar
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimelinePane"

#include <glib/gi18n.h>

#include "anpai-file-chooser.h"
#include "anpai-timeline-pane.h"
#include "anpai-window.h"

/* The page owns the timeline.* actions so that its toolbar, its menus and
 * the chart's keys reach the same ones; the chart itself is the view. The
 * colour and grouping choices are kept in GSettings between sessions. */

struct _AnpaiTimelinePane
{
  AdwBin             parent_instance;

  AnpaiTimelineView *view;
  GtkDrawingArea    *legend;
  GSettings         *settings;
  /* kept here too: the menus read them while the template is built */
  gboolean           color_by_unit;
  gboolean           group_by_unit;
};

G_DEFINE_FINAL_TYPE (AnpaiTimelinePane, anpai_timeline_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COLOR_BY,
  PROP_GROUP_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (AnpaiTimelinePane *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean any = anpai_timeline_view_has_chart (self->view);
  AnpaiTimelineZoom zoom = anpai_timeline_view_get_zoom (self->view);

  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", any && zoom < ANPAI_TIMELINE_ZOOM_WEEK);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", any && zoom > ANPAI_TIMELINE_ZOOM_YEAR);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-reset", any && zoom != ANPAI_TIMELINE_ZOOM_DEFAULT);
  gtk_widget_action_set_enabled (widget, "timeline.print", any);
  gtk_widget_action_set_enabled (widget, "timeline.expand-all", any);
  gtk_widget_action_set_enabled (widget, "timeline.collapse-all", any);
  gtk_widget_action_set_enabled (widget, "timeline.export", any);
  gtk_widget_action_set_enabled (widget, "timeline.export-pdf", any);
  gtk_widget_action_set_enabled (widget, "timeline.export-png", any);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (widget);
  AnpaiTimelineZoom zoom = anpai_timeline_view_get_zoom (self->view);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom = MIN (zoom + 1, ANPAI_TIMELINE_ZOOM_WEEK);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom = zoom > ANPAI_TIMELINE_ZOOM_YEAR ? zoom - 1 : ANPAI_TIMELINE_ZOOM_YEAR;
  else
    zoom = ANPAI_TIMELINE_ZOOM_DEFAULT;
  anpai_timeline_view_set_zoom (self->view, zoom);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  anpai_timeline_view_print (ANPAI_TIMELINE_PANE (widget)->view);
}

/* The paper of the last exported table: planners print both for one
 * meeting. */
static AnpaiPaper
export_paper (AnpaiTimelinePane *self)
{
  g_autofree char *paper = g_settings_get_string (self->settings, "export-paper");

  return g_ascii_strcasecmp (paper, "A3") == 0 ? ANPAI_PAPER_A3 : ANPAI_PAPER_A4;
}

static void
export_to (AnpaiTimelinePane *self,
           const char        *path,
           gboolean           png)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!anpai_timeline_view_export (self->view, path, png, export_paper (self), &error))
    {
      anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  name = g_filename_display_basename (path);
  /* Translators: a toast after the timeline was exported; %s is the file's name */
  message = g_strdup_printf (_("Chart exported to “%s”"), name);
  anpai_window_toast (GTK_WIDGET (self), message, NULL, NULL);
}

static void
pdf_chosen_cb (GtkWindow  *parent,
               const char *path,
               gpointer    user_data)
{
  export_to (ANPAI_TIMELINE_PANE (user_data), path, FALSE);
}

static void
png_chosen_cb (GtkWindow  *parent,
               const char *path,
               gpointer    user_data)
{
  export_to (ANPAI_TIMELINE_PANE (user_data), path, TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (widget);
  gboolean png = g_str_equal (g_variant_get_string (parameter, NULL), "png");
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (self->view);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (timeline == NULL)
    return;
  name = g_strdup_printf ("%s.%s", anpai_timeline_get_title (timeline), png ? "png" : "pdf");
  gtk_file_filter_set_name (filter, png ? _("PNG Images") : _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, png ? "image/png" : "application/pdf");
  anpai_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->settings,
                           png ? _("Export Chart as Image") : _("Export Chart as PDF"), _("_Export"),
                           name, filter, png ? png_chosen_cb : pdf_chosen_cb, self);
}

/* Straight to a path, without the file chooser: for scripts and tests. */
static void
export_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_to (ANPAI_TIMELINE_PANE (widget), g_variant_get_string (parameter, NULL),
             g_str_equal (action_name, "timeline.export-png"));
}

/* The Tasks view's rows, opened or closed from here */
static void
expand_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->view),
                              g_str_equal (action_name, "timeline.expand-all") ? "chart.expand-all"
                                                                              : "chart.collapse-all",
                              NULL);
}

/* The colours and marks, under the chart: drawn by the renderer, as on
 * the printed page's foot. */
static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  AnpaiTimelinePane *self = data;
  AnpaiTimeline *timeline = anpai_timeline_view_get_timeline (self->view);
  double scale = anpai_timeline_view_get_scale (self->view);

  if (timeline == NULL)
    return;
  cairo_scale (cr, scale, scale);
  anpai_timeline_draw_legend (timeline, cr, width / scale, height / scale);
}

static void
chart_changed_cb (AnpaiTimelinePane *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
}

static void
task_activated_cb (AnpaiTimelinePane *self,
                   gint64             node_id)
{
  /* the Tasks view, on the task */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-task", "x", node_id);
}

/*
 * GObject
 */

static void
apply_options (AnpaiTimelinePane *self)
{
  if (self->view == NULL)
    return;
  anpai_timeline_view_set_color_by (self->view, self->color_by_unit ? ANPAI_TIMELINE_COLOR_BY_UNIT
                                                                    : ANPAI_TIMELINE_COLOR_BY_STATUS);
  anpai_timeline_view_set_group_by (self->view, self->group_by_unit ? ANPAI_TIMELINE_GROUP_BY_UNIT
                                                                    : ANPAI_TIMELINE_GROUP_BY_OUTLINE);
}

static void
anpai_timeline_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_COLOR_BY:
      g_value_set_string (value, self->color_by_unit ? "unit" : "status");
      break;
    case PROP_GROUP_BY:
      g_value_set_string (value, self->group_by_unit ? "unit" : "outline");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_timeline_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (object);
  gboolean unit = g_strcmp0 (g_value_get_string (value), "unit") == 0;
  gboolean *slot;

  switch (prop_id)
    {
    case PROP_COLOR_BY:
      slot = &self->color_by_unit;
      break;
    case PROP_GROUP_BY:
      slot = &self->group_by_unit;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*slot == unit)
    return;
  *slot = unit;
  apply_options (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
anpai_timeline_pane_dispose (GObject *object)
{
  AnpaiTimelinePane *self = ANPAI_TIMELINE_PANE (object);

  /* the bindings would outlive the view */
  g_settings_unbind (self, "color-by");
  g_settings_unbind (self, "group-by");
  g_clear_object (&self->settings);
  /* the view outlives the legend as the template goes */
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_TIMELINE_PANE);

  G_OBJECT_CLASS (anpai_timeline_pane_parent_class)->dispose (object);
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK, action, NULL);
}

static void
anpai_timeline_pane_class_init (AnpaiTimelinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = anpai_timeline_pane_get_property;
  object_class->set_property = anpai_timeline_pane_set_property;
  object_class->dispose = anpai_timeline_pane_dispose;

  /* "status" or "unit"; "outline" or "unit": the GSettings keys' values */
  properties[PROP_COLOR_BY] =
    g_param_spec_string ("color-by", NULL, NULL, "status",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_BY] =
    g_param_spec_string ("group-by", NULL, NULL, "outline",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANPAI_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/anpai/Anpai/anpai-timeline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiTimelinePane, view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTimelinePane, legend);
  gtk_widget_class_bind_template_callback (widget_class, task_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-pdf", "s", export_path_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-png", "s", export_path_action);
  gtk_widget_class_install_action (widget_class, "timeline.expand-all", NULL, expand_all_action);
  gtk_widget_class_install_action (widget_class, "timeline.collapse-all", NULL, expand_all_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.color-by", "color-by");
  gtk_widget_class_install_property_action (widget_class, "timeline.group-by", "group-by");

  /* Ctrl+= too: plus needs Shift on most layouts */
  add_binding (widget_class, GDK_KEY_plus, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_0, "timeline.zoom-reset");
  add_binding (widget_class, GDK_KEY_KP_0, "timeline.zoom-reset");
  add_binding (widget_class, GDK_KEY_p, "timeline.print");
}

static void
anpai_timeline_pane_init (AnpaiTimelinePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->legend, draw_legend, self, NULL);

  g_signal_connect_swapped (self->view, "notify::zoom", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->view, "notify::has-chart", G_CALLBACK (update_actions), self);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "timeline-color-by", self, "color-by", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timeline-group-by", self, "group-by", G_SETTINGS_BIND_DEFAULT);
  apply_options (self);
  update_actions (self);
}

GtkWidget *
anpai_timeline_pane_new (void)
{
  return g_object_new (ANPAI_TYPE_TIMELINE_PANE, NULL);
}

AnpaiTimelineView *
anpai_timeline_pane_get_view (AnpaiTimelinePane *self)
{
  g_return_val_if_fail (ANPAI_IS_TIMELINE_PANE (self), NULL);

  return self->view;
}
