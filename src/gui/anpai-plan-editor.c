/* anpai-plan-editor.c — the fields of one plan
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiPlanEditor"

#include <glib/gi18n.h>

#include "anpai-date-row.h"
#include "anpai-plan-editor.h"
#include "anpai-window.h"

/* Each field is saved when the planner confirms it (Enter, the ✓ button, a
 * day in the calendar, a choice in a list): one confirmed field is one
 * undoable edit. The fields always show the stored plan, so after an undo,
 * or an edit the project refused, they show what is really in the file. */

struct _AnpaiPlanEditor
{
  AdwBin        parent_instance;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwEntryRow  *doc_number_row;
  AdwEntryRow  *issuer_row;
  AnpaiDateRow *issued_row;
  AdwComboRow  *kind_row;
  AnpaiDateRow *start_row;
  AnpaiDateRow *end_row;
  AdwComboRow  *parent_row;
  AdwActionRow *tasks_row;
  GtkWidget    *delete_group;

  /* Owned */
  AnpaiProject *project;
  AnpaiPlan    *plan;        /* the live plan shown */
  GArray       *parent_ids;  /* gint64 id of each parent_row item; 0 = none */
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (AnpaiPlanEditor, anpai_plan_editor, ADW_TYPE_BIN)

static void refresh (AnpaiPlanEditor *self);

/* Stores @edited (a changed copy of the plan) as one step. */
static void
submit (AnpaiPlanEditor *self,
        AnpaiPlan       *edited,
        const char      *label)
{
  g_autoptr(GError) error = NULL;

  if (anpai_plan_equal (edited, self->plan))
    return;
  if (!anpai_project_begin (self->project, label, &error) ||
      !anpai_project_update_plan (self->project, edited, &error) ||
      !anpai_project_commit (self->project, &error))
    {
      if (anpai_project_in_edit (self->project))
        anpai_project_rollback (self->project);
      anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      refresh (self);
    }
}

static void
text_applied_cb (AdwEntryRow     *row,
                 AnpaiPlanEditor *self)
{
  g_autoptr(AnpaiPlan) edited = NULL;
  g_autofree char *text = NULL;

  if (self->plan == NULL || self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  edited = anpai_plan_copy (self->plan);
  if (row == self->title_row)
    {
      anpai_plan_set_title (edited, text);
      submit (self, edited, _("Rename Plan"));
    }
  else if (row == self->doc_number_row)
    {
      anpai_plan_set_doc_number (edited, text);
      submit (self, edited, _("Change Document Number"));
    }
  else
    {
      anpai_plan_set_issuer (edited, text);
      submit (self, edited, _("Change Issuer"));
    }
}

static void
date_changed_cb (AnpaiDateRow    *row,
                 const char      *iso,
                 AnpaiPlanEditor *self)
{
  g_autoptr(AnpaiPlan) edited = NULL;

  if (self->plan == NULL || self->updating)
    return;
  edited = anpai_plan_copy (self->plan);
  if (row == self->issued_row)
    {
      anpai_plan_set_issued_on (edited, iso);
      submit (self, edited, _("Change Issue Date"));
    }
  else if (row == self->start_row)
    {
      anpai_plan_set_period_start (edited, iso);
      submit (self, edited, _("Change Period"));
    }
  else
    {
      anpai_plan_set_period_end (edited, iso);
      submit (self, edited, _("Change Period"));
    }
  /* A refused date leaves the stored one on show. */
  refresh (self);
}

static void
kind_selected_cb (AnpaiPlanEditor *self)
{
  g_autoptr(AnpaiPlan) edited = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->plan == NULL || self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  edited = anpai_plan_copy (self->plan);
  anpai_plan_set_kind (edited, (AnpaiPlanKind) selected);
  submit (self, edited, _("Change Plan Kind"));
}

static void
parent_selected_cb (AnpaiPlanEditor *self)
{
  g_autoptr(AnpaiPlan) edited = NULL;
  guint selected = adw_combo_row_get_selected (self->parent_row);

  if (self->plan == NULL || self->updating || selected >= self->parent_ids->len)
    return;
  edited = anpai_plan_copy (self->plan);
  anpai_plan_set_parent_id (edited, g_array_index (self->parent_ids, gint64, selected));
  submit (self, edited, _("Change Implemented Plan"));
}

/* True when @candidate is @plan or implements it, directly or not: choosing
 * it as the parent would make a circle. */
static gboolean
descends_from (AnpaiProject *project,
               AnpaiPlan    *candidate,
               gint64        plan_id)
{
  for (int guard = 0; candidate != NULL && guard < 1000; guard++)
    {
      if (anpai_plan_get_id (candidate) == plan_id)
        return TRUE;
      candidate = anpai_project_get_plan (project, anpai_plan_get_parent_id (candidate));
    }
  return FALSE;
}

static void
refresh_parents (AnpaiPlanEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *plans = anpai_project_get_plans (self->project);
  gint64 current = anpai_plan_get_parent_id (self->plan);
  guint selected = 0;

  g_array_set_size (self->parent_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->parent_ids, (gint64) { 0 });

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(AnpaiPlan) other = g_list_model_get_item (plans, i);
      gint64 id = anpai_plan_get_id (other);
      const char *title = anpai_plan_get_title (other);

      if (descends_from (self->project, other, anpai_plan_get_id (self->plan)))
        continue;
      if (id == current)
        selected = self->parent_ids->len;
      gtk_string_list_append (names, *title != '\0' ? title : _("Untitled Plan"));
      g_array_append_val (self->parent_ids, id);
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->parent_row, selected);
}

static void
refresh_tasks (AnpaiPlanEditor *self)
{
  int n = anpai_project_count_tasks (self->project, anpai_plan_get_id (self->plan));
  g_autofree char *text = NULL;

  /* Translators: how many tasks the plan's breakdown has */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d task", "%d tasks", MAX (n, 0)),
                          MAX (n, 0));
  adw_action_row_set_subtitle (self->tasks_row, text);
}

static void
refresh (AnpaiPlanEditor *self)
{
  gboolean writable;

  if (self->plan == NULL)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), anpai_plan_get_title (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->doc_number_row), anpai_plan_get_doc_number (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), anpai_plan_get_issuer (self->plan));
  anpai_date_row_set_date (self->issued_row, anpai_plan_get_issued_on (self->plan));
  anpai_date_row_set_date (self->start_row, anpai_plan_get_period_start (self->plan));
  anpai_date_row_set_date (self->end_row, anpai_plan_get_period_end (self->plan));
  adw_combo_row_set_selected (self->kind_row, anpai_plan_get_kind (self->plan));
  refresh_parents (self);
  refresh_tasks (self);

  writable = !anpai_project_get_read_only (self->project);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), writable);
  gtk_editable_set_editable (GTK_EDITABLE (self->doc_number_row), writable);
  gtk_editable_set_editable (GTK_EDITABLE (self->issuer_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->issued_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->parent_row), writable);
  gtk_widget_set_visible (self->delete_group, writable);
  self->updating = FALSE;
}

/* The live plan is updated before views hear of a change, so one handler
 * covers this plan's fields, other plans' titles (the Implements list) and
 * the task count. */
static void
project_changed_cb (AnpaiPlanEditor *self,
                    AnpaiChanges    *changes)
{
  if (self->plan != NULL &&
      (anpai_changes_get_tables (changes) & (ANPAI_TABLE_PLAN | ANPAI_TABLE_NODE)))
    refresh (self);
}

static void
anpai_plan_editor_dispose (GObject *object)
{
  AnpaiPlanEditor *self = ANPAI_PLAN_EDITOR (object);

  anpai_plan_editor_set_plan (self, NULL, NULL);
  g_clear_pointer (&self->parent_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_PLAN_EDITOR);

  G_OBJECT_CLASS (anpai_plan_editor_parent_class)->dispose (object);
}

static void
anpai_plan_editor_class_init (AnpaiPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_plan_editor_dispose;

  g_type_ensure (ANPAI_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, issued_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, tasks_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiPlanEditor, delete_group);
}

static void
anpai_plan_editor_init (AnpaiPlanEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The list follows the order of AnpaiPlanKind. */
  for (int kind = ANPAI_PLAN_KIND_ANNUAL; kind <= ANPAI_PLAN_KIND_INDICATOR_SYSTEM; kind++)
    gtk_string_list_append (kinds, anpai_plan_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect (self->title_row, "apply", G_CALLBACK (text_applied_cb), self);
  g_signal_connect (self->doc_number_row, "apply", G_CALLBACK (text_applied_cb), self);
  g_signal_connect (self->issuer_row, "apply", G_CALLBACK (text_applied_cb), self);
  g_signal_connect (self->issued_row, "date-changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->start_row, "date-changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->end_row, "date-changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->parent_row, "notify::selected", G_CALLBACK (parent_selected_cb), self);
}

void
anpai_plan_editor_set_plan (AnpaiPlanEditor *self,
                            AnpaiProject    *project,
                            AnpaiPlan       *plan)
{
  g_return_if_fail (ANPAI_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || ANPAI_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  if (plan == NULL)
    project = NULL;
  g_set_object (&self->project, project);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);
      refresh (self);
    }
}

/* (transfer none) (nullable) */
AnpaiPlan *
anpai_plan_editor_get_plan (AnpaiPlanEditor *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN_EDITOR (self), NULL);
  return self->plan;
}

void
anpai_plan_editor_focus_title (AnpaiPlanEditor *self)
{
  g_return_if_fail (ANPAI_IS_PLAN_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
