/* anpai-plans-view.c — the project's plans and the selected one's fields
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiPlansView"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-plan-copy.h"
#include "anpai-plan-editor.h"
#include "anpai-plan-row.h"
#include "anpai-plans-view.h"
#include "anpai-window.h"

struct _AnpaiPlansView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkListView        *list_view;
  GtkStack           *content_stack;
  AnpaiPlanEditor    *editor;

  /* Owned */
  AnpaiProject       *project;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (AnpaiPlansView, anpai_plans_view, GTK_TYPE_WIDGET)

static void
update_actions (AnpaiPlansView *self)
{
  gboolean writable = self->project != NULL && !anpai_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.delete",
                                 writable && anpai_plans_view_get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.copy-next-year",
                                 writable && anpai_plans_view_get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.show-tasks",
                                 anpai_plans_view_get_selected (self) != NULL);
}

static void
selection_changed_cb (AnpaiPlansView *self)
{
  AnpaiPlan *plan = anpai_plans_view_get_selected (self);

  anpai_plan_editor_set_plan (self->editor, self->project, plan);
  gtk_stack_set_visible_child_name (self->content_stack, plan != NULL ? "editor" : "empty");
  update_actions (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, anpai_plan_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  anpai_plan_row_set_plan (ANPAI_PLAN_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  anpai_plan_row_set_plan (ANPAI_PLAN_ROW (gtk_list_item_get_child (item)), NULL);
}

/* A new plan covers this year, the most common case: an annual arrangement. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnpaiPlansView *self = ANPAI_PLANS_VIEW (widget);
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  g_autofree char *end = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
  gint64 id;

  if (self->project == NULL)
    return;
  anpai_plan_set_title (plan, _("New Plan"));
  anpai_plan_set_kind (plan, ANPAI_PLAN_KIND_ANNUAL);
  anpai_plan_set_period_start (plan, start);
  anpai_plan_set_period_end (plan, end);
  id = anpai_project_add_plan (self->project, plan, &error);
  if (id == 0)
    {
      anpai_window_toast (widget, error->message, NULL, NULL);
      return;
    }
  anpai_plans_view_select (self, id);
  anpai_plan_editor_focus_title (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiPlansView *self = ANPAI_PLANS_VIEW (widget);
  AnpaiPlan *plan = anpai_plans_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;

  if (plan == NULL || self->project == NULL)
    return;
  title = g_strdup (anpai_plan_get_title (plan));
  if (!anpai_project_delete_plan (self->project, anpai_plan_get_id (plan), &error))
    {
      anpai_window_toast (widget, error->message, NULL, NULL);
      return;
    }
  /* Deleting is undoable, so no "are you sure?": the toast offers the way back. */
  /* Translators: %s is the title of a plan */
  message = g_strdup_printf (_("“%s” deleted"), title);
  anpai_window_toast (widget, message, _("_Undo"), "win.undo");
}

/* Next year's arrangement starts as a copy of this year's: the planner then
 * edits what changed instead of retyping the breakdown. */
static void
copy_next_year_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnpaiPlansView *self = ANPAI_PLANS_VIEW (widget);
  AnpaiPlan *plan = anpai_plans_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 copy;

  if (plan == NULL || self->project == NULL)
    return;
  copy = anpai_project_copy_plan_to_next_year (self->project, anpai_plan_get_id (plan), &error);
  if (copy == 0)
    {
      anpai_window_toast (widget, error->message, NULL, NULL);
      return;
    }
  anpai_plans_view_select (self, copy);
  /* Translators: %s is the title of the new plan */
  message = g_strdup_printf (_("“%s” created"), anpai_plan_get_title (anpai_project_get_plan (self->project, copy)));
  anpai_window_toast (widget, message, _("_Undo"), "win.undo");
}

/* The Tasks view, on this plan. */
static void
show_tasks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-tasks", NULL);
}

static void
anpai_plans_view_dispose (GObject *object)
{
  AnpaiPlansView *self = ANPAI_PLANS_VIEW (object);
  GtkWidget *child;

  anpai_plans_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_PLANS_VIEW);
  /* The template's root box is ours to unparent: it is not bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (anpai_plans_view_parent_class)->dispose (object);
}

static void
anpai_plans_view_class_init (AnpaiPlansViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_plans_view_dispose;

  g_type_ensure (ANPAI_TYPE_PLAN_EDITOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-plans-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlansView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlansView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlansView, editor);

  gtk_widget_class_install_action (widget_class, "plans.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "plans.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "plans.copy-next-year", NULL, copy_next_year_action);
  gtk_widget_class_install_action (widget_class, "plans.show-tasks", NULL, show_tasks_action);
}

static void
anpai_plans_view_init (AnpaiPlansView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_actions (self);
}

void
anpai_plans_view_set_project (AnpaiPlansView *self,
                              AnpaiProject   *project)
{
  g_return_if_fail (ANPAI_IS_PLANS_VIEW (self));

  if (self->project == project)
    return;
  g_set_object (&self->project, project);
  gtk_single_selection_set_model (self->selection,
                                  project != NULL ? anpai_project_get_plans (project) : NULL);
  selection_changed_cb (self);
}

/* (transfer none) (nullable) */
AnpaiPlan *
anpai_plans_view_get_selected (AnpaiPlansView *self)
{
  g_return_val_if_fail (ANPAI_IS_PLANS_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
anpai_plans_view_select (AnpaiPlansView *self,
                         gint64          plan_id)
{
  GListModel *plans;

  g_return_if_fail (ANPAI_IS_PLANS_VIEW (self));

  if (self->project == NULL)
    return;
  plans = anpai_project_get_plans (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, i);

      if (anpai_plan_get_id (plan) == plan_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

void
anpai_plans_view_add_plan (AnpaiPlansView *self)
{
  g_return_if_fail (ANPAI_IS_PLANS_VIEW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "plans.add", NULL);
}
