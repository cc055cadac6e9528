/* anpai-window-actions.c — the window's commands
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiWindow"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "anpai-display.h"
#include "anpai-file-chooser.h"
#include "anpai-import-dialog.h"
#include "anpai-window-private.h"

/* Every command is a win.* action, so menus, buttons and keys share one
 * definition; what is enabled is decided in one place, below. */

void
_anpai_window_update_actions (AnpaiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;
  gboolean writable = has_project && !anpai_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (widget, "win.save-copy", has_project);
  gtk_widget_action_set_enabled (widget, "win.close-project", has_project || self->cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.undo", writable && anpai_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", writable && anpai_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.add-plan", writable);
  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.import-clipboard", writable);
  gtk_widget_action_set_enabled (widget, "win.export", has_project);

  gtk_widget_set_visible (self->add_plan_button, has_project);
  gtk_widget_set_visible (self->history_box, writable);
}

/*
 * New
 */

static void
new_chosen_cb (GtkWindow  *parent,
               const char *path,
               gpointer    user_data)
{
  AnpaiWindow *self = ANPAI_WINDOW (parent);
  GtkApplication *app = gtk_window_get_application (parent);
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  /* The file chooser asked before replacing; never replace an open project. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ANPAI_IS_WINDOW (l->data) &&
        g_strcmp0 (anpai_window_get_path (l->data), canonical) == 0)
      {
        g_autofree char *name = g_filename_display_basename (path);

        g_set_error (&error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_EXISTS,
                     _("“%s” is open. Close it before replacing it."), name);
        _anpai_window_show_error (self, _("Cannot Create Project"), error);
        return;
      }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_unlink (path);

  project = anpai_project_create (path, &error);
  if (project == NULL)
    {
      _anpai_window_show_error (self, _("Cannot Create Project"), error);
      return;
    }
  anpai_project_close (project);
  anpai_application_open_path (ANPAI_APPLICATION (app), path, FALSE);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  /* Translators: the suggested file name of a new project */
  g_autofree char *name = g_strconcat (_("Untitled Project"), ".anpai", NULL);

  anpai_file_chooser_save_project (GTK_WINDOW (self), self->settings, _("New Project"),
                                   _("_Create"), name, new_chosen_cb, NULL);
}

/*
 * Open
 */

static void
open_chosen_cb (GtkWindow  *parent,
                const char *path,
                gpointer    user_data)
{
  anpai_application_open_path (ANPAI_APPLICATION (gtk_window_get_application (parent)), path, FALSE);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);

  anpai_file_chooser_open_project (GTK_WINDOW (self), self->settings, open_chosen_cb, NULL);
}

static void
open_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *path = g_variant_get_string (parameter, NULL);

  if (self->project == NULL && self->cancellable == NULL)
    anpai_window_open (self, path, FALSE);
  else
    anpai_application_open_path (ANPAI_APPLICATION (app), path, FALSE);
}

/*
 * Save a copy
 */

static void
copy_chosen_cb (GtkWindow  *parent,
                const char *path,
                gpointer    user_data)
{
  AnpaiWindow *self = ANPAI_WINDOW (parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->project == NULL)
    return;
  if (!anpai_project_save_copy (self->project, path, &error))
    {
      _anpai_window_show_error (self, _("Cannot Save Copy"), error);
      return;
    }

  name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Copy saved as “%s”"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-path");
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  base = anpai_display_project_name (anpai_project_get_path (self->project));
  /* Translators: the suggested name of a copy; %s is the project's name */
  name = g_strdup_printf (_("%s (Copy).anpai"), base);
  anpai_file_chooser_save_project (GTK_WINDOW (self), self->settings, _("Save a Copy"),
                                   _("_Save"), name, copy_chosen_cb, NULL);
}

/*
 * Close
 */

static void
close_project_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);

  /* Everything is saved already: closing never asks. Without a project,
   * Ctrl+W closes the window, as everywhere else. */
  if (self->project != NULL)
    anpai_window_close_project (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/*
 * Undo and redo
 */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gboolean ok;

  if (self->project == NULL)
    return;
  if (undo && !anpai_project_can_undo (self->project))
    return;
  if (!undo && !anpai_project_can_redo (self->project))
    return;

  ok = undo ? anpai_project_undo (self->project, &label, &error)
            : anpai_project_redo (self->project, &label, &error);
  if (!ok)
    {
      _anpai_window_show_error (self, undo ? _("Cannot Undo") : _("Cannot Redo"), error);
      return;
    }

  /* Translators: %s names the edit, e.g. "Delete Plan" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/*
 * Plans
 */

static void
add_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);

  if (self->project == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  anpai_plans_view_add_plan (self->plans_view);
}

/*
 * Import
 */

static void
imported_cb (AnpaiImportDialog *dialog,
             gint64             plan_id,
             int                n_tasks,
             AnpaiWindow       *self)
{
  AnpaiPlan *plan = self->project ? anpai_project_get_plan (self->project, plan_id) : NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (plan == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  anpai_plans_view_select (self->plans_view, plan_id);
  tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d task", "%d tasks", n_tasks), n_tasks);
  /* Translators: "Imported “六安市…行动计划”: 33 tasks" */
  message = g_strdup_printf (_("Imported “%s”: %s"), anpai_plan_get_title (plan), tasks);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* (transfer none): a new preview for this window's project */
AnpaiImportDialog *
_anpai_window_new_import_dialog (AnpaiWindow *self)
{
  AnpaiImportDialog *dialog = anpai_import_dialog_new (GTK_WINDOW (self), self->project);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
_anpai_window_import_file (AnpaiWindow *self,
                           GFile       *file)
{
  if (self->project == NULL || anpai_project_get_read_only (self->project))
    {
      anpai_window_toast (GTK_WIDGET (self),
                          _("Open or create a project that can be edited, then import into it."),
                          NULL, NULL);
      return;
    }
  anpai_import_dialog_load_file (_anpai_window_new_import_dialog (self), file);
}

static void
document_chosen_cb (GtkWindow  *parent,
                    const char *path,
                    gpointer    user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _anpai_window_import_file (ANPAI_WINDOW (parent), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);

  anpai_file_chooser_open_document (GTK_WINDOW (self), self->settings, document_chosen_cb, NULL);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnpaiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (self->project == NULL)
    return;
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      anpai_window_toast (GTK_WIDGET (self), _("The clipboard holds no text to import."), NULL, NULL);
      return;
    }
  anpai_import_dialog_load_text (_anpai_window_new_import_dialog (self), text);
}

static void
import_clipboard_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, g_object_ref (widget));
}

static void
exported_cb (AnpaiExportDialog *dialog,
             const char        *path,
             AnpaiWindow       *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  AdwToast *toast;

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (message);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Ctrl+E: the plan on screen, or every plan from the Units view. */
AnpaiExportDialog *
_anpai_window_new_export_dialog (AnpaiWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  AnpaiPlan *selected = anpai_plans_view_get_selected (self->plans_view);
  gint64 plan_id = 0;
  AnpaiExportDialog *dialog;

  if (g_strcmp0 (view, "outline") == 0)
    plan_id = anpai_outline_view_get_plan_id (self->outline_view);
  else if (g_strcmp0 (view, "plans") == 0 && selected != NULL)
    plan_id = anpai_plan_get_id (selected);
  dialog = anpai_export_dialog_new (GTK_WINDOW (self), self->project, self->settings, plan_id);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);

  if (self->project != NULL)
    _anpai_window_new_export_dialog (self);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Alt+1, Alt+2, Alt+3: Plans, Tasks, Units. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->project == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* From the Plans view: the selected plan's tasks. */
static void
show_tasks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  AnpaiPlan *plan = anpai_plans_view_get_selected (self->plans_view);

  if (self->project == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  if (plan != NULL)
    anpai_outline_view_set_plan (self->outline_view, anpai_plan_get_id (plan));
}

/* From the Timeline view: a task, in the Tasks view. */
static void
show_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnpaiWindow *self = ANPAI_WINDOW (widget);
  gint64 node_id = g_variant_get_int64 (parameter);
  g_autoptr(AnpaiNode) node = NULL;

  if (self->project == NULL || (node = anpai_project_load_node (self->project, node_id, NULL)) == NULL)
    return;
  /* the Tasks view opens on the plan selected in the Plans view */
  anpai_plans_view_select (self->plans_view, anpai_node_get_plan_id (node));
  adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  anpai_outline_view_set_plan (self->outline_view, anpai_node_get_plan_id (node));
  anpai_outline_view_select_node (self->outline_view, node_id);
}

void
_anpai_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.show-tasks", NULL, show_tasks_action);
  gtk_widget_class_install_action (widget_class, "win.show-task", "x", show_task_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.close-project", NULL, close_project_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.add-plan", NULL, add_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-clipboard", NULL,
                                   import_clipboard_action);
}
