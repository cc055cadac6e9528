/* anpai-window.c — a window showing one project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiWindow"

#include <glib/gi18n.h>

#include "anpai-display.h"
#include "anpai-recent.h"
#include "anpai-window-private.h"

G_DEFINE_FINAL_TYPE (AnpaiWindow, anpai_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Helpers
 */

static void
update_title (AnpaiWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Anpai"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Anpai"));
      return;
    }

  name = anpai_display_project_name (anpai_project_get_path (self->project));
  folder = anpai_display_folder (anpai_project_get_path (self->project));

  if (anpai_project_get_read_only (self->project))
    {
      /* Translators: window title of a project opened read-only */
      title = g_strdup_printf (_("%s (Read-Only)"), name);
      adw_view_switcher_title_set_title (self->switcher_title, title);
    }
  else
    {
      title = g_strdup (name);
      adw_view_switcher_title_set_title (self->switcher_title, name);
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, folder);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_banner (AnpaiWindow *self)
{
  gboolean read_only = self->project != NULL && anpai_project_get_read_only (self->project);

  if (read_only)
    gtk_label_set_text (self->banner_label,
                        _("This project is open read-only. Changes cannot be saved; "
                          "save a copy to edit it."));
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only);
}

static void
history_changed_cb (AnpaiWindow *self)
{
  const char *undo = self->project ? anpai_project_get_undo_label (self->project) : NULL;
  const char *redo = self->project ? anpai_project_get_redo_label (self->project) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Translators: %s names an edit, e.g. "Edit Plan" */
  undo_tip = undo != NULL ? g_strdup_printf (_("Undo “%s”"), undo) : g_strdup (_("Undo"));
  /* Translators: %s names an edit, e.g. "Edit Plan" */
  redo_tip = redo != NULL ? g_strdup_printf (_("Redo “%s”"), redo) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
  _anpai_window_update_actions (self);
}

static void
set_project (AnpaiWindow  *self,
             AnpaiProject *project)
{
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      anpai_plans_view_set_project (self->plans_view, NULL);
      anpai_outline_view_set_project (self->outline_view, NULL);
      anpai_units_view_set_project (self->units_view, NULL);
      anpai_timeline_view_set_project (self->timeline_view, NULL);
      anpai_project_close (self->project);
      g_clear_object (&self->project);
    }

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect_object (project, "notify::can-undo", G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-redo", G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::undo-label", G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
      anpai_plans_view_set_project (self->plans_view, project);
      anpai_outline_view_set_project (self->outline_view, project);
      anpai_units_view_set_project (self->units_view, project);
      anpai_timeline_view_set_project (self->timeline_view, project);
      adw_view_stack_set_visible_child_name (self->view_stack, "plans");
      gtk_stack_set_visible_child_name (self->main_stack, "project");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }

  update_title (self);
  update_banner (self);
  history_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/*
 * Opening
 */

typedef struct {
  AnpaiWindow *window;
  char        *path;
} OpenRetry;

static void
open_retry_free (OpenRetry *retry)
{
  g_object_unref (retry->window);
  g_free (retry->path);
  g_free (retry);
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OpenRetry        *retry)
{
  if (g_str_equal (response, "read-only"))
    anpai_window_open (retry->window, retry->path, TRUE);
  open_retry_free (retry);
}

/* One dialog for every failure; a file that can still be looked at (read-only
 * or open elsewhere) gets the offer to open it read-only. */
static void
show_open_error (AnpaiWindow  *self,
                 const char   *path,
                 const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cannot Open Project"),
                                                       error->message));
  if (g_error_matches (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_LOCKED) ||
      g_error_matches (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_READ_ONLY))
    {
      OpenRetry *retry = g_new0 (OpenRetry, 1);

      if (error->code == ANPAI_PROJECT_ERROR_LOCKED)
        adw_message_dialog_set_body (dialog,
                                     _("It is already open for editing in another Anpai window, "
                                       "maybe on another computer. You can open it read-only to "
                                       "look at it, or close it there first."));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "read-only", _("Open _Read-Only"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "read-only");
      adw_message_dialog_set_close_response (dialog, "cancel");
      retry->window = g_object_ref (self);
      retry->path = g_strdup (path);
      g_signal_connect (dialog, "response", G_CALLBACK (read_only_response_cb), retry);
    }
  else
    {
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_anpai_window_show_error (AnpaiWindow  *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnpaiWindow) self = user_data;
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->opening_path);

  project = anpai_project_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (project == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, self->project ? "project" : "start");
      if (g_error_matches (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_NOT_FOUND))
        anpai_recent_remove (self->settings, path);
      show_open_error (self, path, error);
      _anpai_window_update_actions (self);
      return;
    }

  set_project (self, project);
  anpai_recent_add (self->settings, anpai_project_get_path (project));
}

/* Opens @path in this window, in place of its project if it has one. */
void
anpai_window_open (AnpaiWindow *self,
                   const char  *path,
                   gboolean     read_only)
{
  g_return_if_fail (ANPAI_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Release our own lock first, or reopening the same file read-write fails. */
  set_project (self, NULL);

  self->cancellable = g_cancellable_new ();
  g_free (self->opening_path);
  self->opening_path = g_canonicalize_filename (path, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_start (self->spinner);
  _anpai_window_update_actions (self);

  anpai_project_open_async (path,
                            read_only ? ANPAI_PROJECT_OPEN_READ_ONLY : ANPAI_PROJECT_OPEN_DEFAULT,
                            self->cancellable, opened_cb, g_object_ref (self));
}

void
anpai_window_close_project (AnpaiWindow *self)
{
  g_return_if_fail (ANPAI_IS_WINDOW (self));

  set_project (self, NULL);
}

/* (transfer none) (nullable) */
AnpaiProject *
anpai_window_get_project (AnpaiWindow *self)
{
  g_return_val_if_fail (ANPAI_IS_WINDOW (self), NULL);
  return self->project;
}

/* The canonical path of the project shown or being opened, or NULL. */
const char *
anpai_window_get_path (AnpaiWindow *self)
{
  g_return_val_if_fail (ANPAI_IS_WINDOW (self), NULL);

  if (self->project != NULL)
    return anpai_project_get_path (self->project);
  return self->opening_path;
}

gboolean
anpai_window_is_busy (AnpaiWindow *self)
{
  g_return_val_if_fail (ANPAI_IS_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

/* Shows a toast in the window of @widget. */
void
anpai_window_toast (GtkWidget  *widget,
                    const char *title,
                    const char *button_label,
                    const char *action_name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!ANPAI_IS_WINDOW (root))
    return;
  toast = adw_toast_new (title);
  if (button_label != NULL && action_name != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_overlay_add_toast (ANPAI_WINDOW (root)->toast_overlay, toast);
}

/*
 * Drag and drop
 */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AnpaiWindow   *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = gdk_file_list_get_files (list);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean first = TRUE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        continue;
      /* A document is imported into the project shown; a project opens, the
       * first one in this window when it shows none. */
      if (!g_str_has_suffix (path, ".anpai"))
        _anpai_window_import_file (self, l->data);
      else if (first && self->project == NULL && self->cancellable == NULL)
        anpai_window_open (self, path, FALSE);
      else
        anpai_application_open_path (ANPAI_APPLICATION (app), path, FALSE);
      first = FALSE;
    }
  return !first;
}

/*
 * GObject
 */

static gboolean
anpai_window_close_request (GtkWindow *window)
{
  AnpaiWindow *self = ANPAI_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_project (self, NULL);

  return GTK_WINDOW_CLASS (anpai_window_parent_class)->close_request (window);
}

static void
anpai_window_dispose (GObject *object)
{
  AnpaiWindow *self = ANPAI_WINDOW (object);

  if (self->project != NULL)
    set_project (self, NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->opening_path, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_WINDOW);

  G_OBJECT_CLASS (anpai_window_parent_class)->dispose (object);
}

static void
anpai_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnpaiWindow *self = ANPAI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_window_class_init (AnpaiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = anpai_window_dispose;
  object_class->get_property = anpai_window_get_property;
  window_class->close_request = anpai_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ANPAI_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANPAI_TYPE_START_PAGE);
  g_type_ensure (ANPAI_TYPE_PLANS_VIEW);
  g_type_ensure (ANPAI_TYPE_OUTLINE_VIEW);
  g_type_ensure (ANPAI_TYPE_UNITS_VIEW);
  g_type_ensure (ANPAI_TYPE_TIMELINE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, add_plan_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, plans_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, units_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiWindow, timeline_pane);

  _anpai_window_class_install_actions (widget_class);
}

/* The Tasks view opens on the plan selected in the Plans view, the plan a
 * planner has just been looking at. The header's Add Plan belongs to Plans. */
static void
visible_view_cb (AnpaiWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  AnpaiPlan *plan = anpai_plans_view_get_selected (self->plans_view);

  if (g_strcmp0 (name, "outline") == 0 && plan != NULL)
    anpai_outline_view_set_plan (self->outline_view, anpai_plan_get_id (plan));
  /* the chart of the plan whose tasks were on screen, on the task that
   * was selected there */
  if (g_strcmp0 (name, "timeline") == 0)
    {
      gint64 outline_plan = anpai_outline_view_get_plan_id (self->outline_view);

      anpai_timeline_view_set_plan (self->timeline_view,
                                    outline_plan != 0 ? outline_plan : plan != NULL ? anpai_plan_get_id (plan) : 0);
      /* beside the same rows: the same sections open, one selection */
      anpai_timeline_view_set_outline (self->timeline_view,
                                       outline_plan != 0 ? anpai_outline_view_get_rows (self->outline_view) : NULL);
    }
  gtk_widget_set_visible (self->add_plan_button, g_strcmp0 (name, "plans") == 0);
}

static void
anpai_window_init (AnpaiWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->timeline_view = anpai_timeline_pane_get_view (self->timeline_pane);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  anpai_start_page_set_settings (self->start_page, self->settings);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (visible_view_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_project (self, NULL);
}

AnpaiWindow *
anpai_window_new (AnpaiApplication *application)
{
  return g_object_new (ANPAI_TYPE_WINDOW, "application", application, NULL);
}
