/* anpai-import-dialog.c — read a plan document, check the parse, import it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImportDialog"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-display.h"
#include "anpai-import-commit.h"
#include "anpai-import-dialog.h"
#include "anpai-import-outline.h"
#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "anpai-text-split.h"
#include "anpai-unit-clause.h"

/* Reading and parsing run in a thread (a 5 MB web page takes a moment); the
 * preview then lets the planner correct what the parser got wrong before
 * anything is written. Import writes it all as one undoable step. */

struct _AnpaiImportDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  GtkStack           *stack;
  AdwStatusPage      *loading_page;
  GtkProgressBar     *progress;
  AdwStatusPage      *error_page;
  AdwEntryRow        *title_row;
  AdwEntryRow        *doc_number_row;
  AdwEntryRow        *issuer_row;
  AdwEntryRow        *issued_row;
  AdwEntryRow        *start_row;
  AdwEntryRow        *end_row;
  AdwComboRow        *kind_row;
  GtkListBox         *units_list;
  GtkWidget          *notes_group;
  GtkListBox         *notes_list;
  GtkLabel           *summary_label;
  AnpaiImportOutline *outline;

  /* Owned */
  AnpaiProject       *project;
  AnpaiImportPlan    *plan;
  GCancellable       *cancellable;
  guint               pulse_id;
  char               *name;
};

G_DEFINE_FINAL_TYPE (AnpaiImportDialog, anpai_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_units (AnpaiImportDialog *self);

/*
 * Units
 */

static void
count_uses (AnpaiImportPlan *plan,
            AnpaiImportNode *node)
{
  GPtrArray *lists[] = { node->co, node->support };

  if (node->lead != NULL)
    anpai_import_plan_ensure_unit (plan, node->lead, anpai_unit_name_classify (node->lead));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const char *name = g_ptr_array_index (lists[l], i);

        anpai_import_plan_ensure_unit (plan, name, anpai_unit_name_classify (name));
      }
  for (guint i = 0; i < node->children->len; i++)
    count_uses (plan, g_ptr_array_index (node->children, i));
}

/* After edits: every named unit is listed, unused ones are dropped, counts
 * are right, and matches against the project are fresh. */
static void
recount_units (AnpaiImportDialog *self)
{
  for (guint i = 0; i < self->plan->units->len; i++)
    ((AnpaiImportUnit *) g_ptr_array_index (self->plan->units, i))->n_uses = 0;
  count_uses (self->plan, self->plan->root);
  for (guint i = 0; i < self->plan->units->len; )
    {
      AnpaiImportUnit *unit = g_ptr_array_index (self->plan->units, i);

      if (unit->n_uses == 0)
        g_ptr_array_remove_index (self->plan->units, i);
      else
        i++;
    }
  anpai_import_match_units (self->plan, self->project);
}

static void
units_changed (AnpaiImportDialog *self)
{
  recount_units (self);
  rebuild_units (self);
  anpai_import_outline_refresh (self->outline);
}

void
anpai_import_dialog_merge_unit (AnpaiImportDialog *self,
                                const char        *from,
                                const char        *into)
{
  g_autofree char *from_copy = g_strdup (from);
  g_autofree char *into_copy = g_strdup (into);
  g_autofree char *message = NULL;

  g_return_if_fail (ANPAI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->plan != NULL);

  anpai_import_plan_merge_unit (self->plan, from_copy, into_copy);
  units_changed (self);
  /* Translators: both are unit names */
  message = g_strdup_printf (_("“%s” merged into “%s”"), from_copy, into_copy);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
merge_clicked_cb (GtkButton         *button,
                  AnpaiImportDialog *self)
{
  const char *from = g_object_get_data (G_OBJECT (button), "from");
  const char *into = g_object_get_data (G_OBJECT (button), "into");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  anpai_import_dialog_merge_unit (self, from, into);
}

static void
rename_applied_cb (AdwEntryRow       *row,
                   AnpaiImportDialog *self)
{
  const char *old_name = g_object_get_data (G_OBJECT (row), "unit");
  g_autofree char *from = g_strdup (old_name);
  g_autofree char *to = anpai_unit_name_normalize (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (to == NULL || *to == '\0' || g_str_equal (to, from))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), from);
      return;
    }
  anpai_import_plan_rename_unit (self->plan, from, to);
  units_changed (self);
}

/* "Department · 3 tasks · new", "… · in the project as 市司法局" */
static char *
unit_description (AnpaiImportUnit *unit)
{
  g_autofree char *uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d task", "%d tasks",
                                                        unit->n_uses), unit->n_uses);
  g_autofree char *where = NULL;

  if (unit->matches == NULL)
    where = g_strdup (_("new unit"));
  else if (g_str_equal (unit->matches, unit->name))
    where = g_strdup (_("in the project"));
  else
    /* Translators: %s is the unit's name in the project */
    where = g_strdup_printf (_("in the project as “%s”"), unit->matches);
  return g_strdup_printf ("%s · %s · %s", anpai_unit_kind_get_label (unit->kind), uses, where);
}

/* The other units of the document, as buttons to merge @merge's unit
 * into. Listed when the popover opens: built with each row, a document
 * of N units made N×(N−1) buttons on every rename or merge. */
static void
fill_merge_popover (GtkMenuButton *merge,
                    gpointer       data)
{
  AnpaiImportDialog *self = data;
  const char *from = g_object_get_data (G_OBJECT (merge), "unit");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled;

  for (guint i = 0; self->plan != NULL && i < self->plan->units->len; i++)
    {
      AnpaiImportUnit *other = g_ptr_array_index (self->plan->units, i);
      GtkWidget *button;

      if (g_str_equal (other->name, from))
        continue;
      button = gtk_button_new_with_label (other->name);
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data_full (G_OBJECT (button), "from", g_strdup (from), g_free);
      g_object_set_data_full (G_OBJECT (button), "into", g_strdup (other->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (merge_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (gtk_menu_button_get_popover (merge), scrolled);
}

static GtkWidget *
create_unit_row (AnpaiImportDialog *self,
                 AnpaiImportUnit   *unit)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *merge;
  g_autofree char *description = unit_description (unit);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), unit->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "unit", g_strdup (unit->name), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (rename_applied_cb), self);

  /* "Merge into": the other units of this document */
  merge = gtk_menu_button_new ();
  g_object_set_data_full (G_OBJECT (merge), "unit", g_strdup (unit->name), g_free);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (merge), "anpai-merge-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (merge), gtk_popover_new ());
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (merge), fill_merge_popover, self, NULL);
  gtk_widget_set_valign (merge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (merge, "flat");
  gtk_widget_set_tooltip_text (merge, _("Merge Into Another Unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (merge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merge Into Another Unit"), -1);
  /* nothing to merge into when the document names one unit */
  gtk_widget_set_sensitive (merge, self->plan->units->len > 1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), merge);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rebuild_units (AnpaiImportDialog *self)
{
  clear_list (self->units_list);
  for (guint i = 0; i < self->plan->units->len; i++)
    gtk_list_box_append (self->units_list,
                         create_unit_row (self, g_ptr_array_index (self->plan->units, i)));
}

/*
 * Units of one node
 */

static void
set_list (GPtrArray  *list,
          const char *names)
{
  g_auto(GStrv) pieces = anpai_split_outside_brackets (names, "、,，;；");

  g_ptr_array_set_size (list, 0);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *name = anpai_unit_name_normalize (pieces[i]);

      if (name != NULL && *name != '\0')
        g_ptr_array_add (list, name);
      else
        g_free (name);
    }
}

/* Replaces the units of @node; names are separated by 、 or commas. */
void
anpai_import_dialog_set_node_units (AnpaiImportDialog *self,
                                    AnpaiImportNode   *node,
                                    const char        *lead,
                                    const char        *co,
                                    const char        *support)
{
  g_autofree char *lead_name = NULL;

  g_return_if_fail (ANPAI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (node != NULL);

  lead_name = anpai_unit_name_normalize (lead != NULL ? lead : "");
  anpai_import_node_set_lead (node, lead_name);
  set_list (node->co, co);
  set_list (node->support, support);
  units_changed (self);
}

typedef struct {
  AnpaiImportDialog *dialog;
  AnpaiImportNode   *node;
  GtkEditable       *lead, *co, *support;
} UnitsEdit;

static void
units_response_cb (AdwMessageDialog *message,
                   const char       *response,
                   UnitsEdit        *edit)
{
  if (g_str_equal (response, "apply"))
    anpai_import_dialog_set_node_units (edit->dialog, edit->node,
                                        gtk_editable_get_text (edit->lead),
                                        gtk_editable_get_text (edit->co),
                                        gtk_editable_get_text (edit->support));
  g_free (edit);
}

static GtkEditable *
add_units_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

static void
row_activated_cb (AnpaiImportOutline *outline,
                  AnpaiImportRow     *row,
                  AnpaiImportDialog  *self)
{
  AnpaiImportNode *node = anpai_import_row_get_node (row);
  g_autofree char *co = anpai_display_unit_names (node->co);
  g_autofree char *support = anpai_display_unit_names (node->support);
  g_autofree char *heading = NULL;
  UnitsEdit *edit = g_new0 (UnitsEdit, 1);
  GtkWidget *message, *list;

  /* Translators: %s is the task's label as written, e.g. "(七)" */
  heading = g_strdup_printf (_("Units of %s"), *node->label != '\0' ? node->label : node->title);
  message = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                    _("Separate several units with 、 or commas."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  edit->dialog = self;
  edit->node = node;
  edit->lead = add_units_row (list, _("Lead Unit"), node->lead);
  edit->co = add_units_row (list, _("Co-responsible Units"), co);
  edit->support = add_units_row (list, _("Supporting Units"), support);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "apply");
  g_signal_connect (message, "response", G_CALLBACK (units_response_cb), edit);
  gtk_window_present (GTK_WINDOW (message));
}

/*
 * Loading
 */

static void
show_preview (AnpaiImportDialog *self)
{
  AnpaiImportPlan *plan = self->plan;
  int tasks = anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK);
  int sections = anpai_import_node_count (plan->root, ANPAI_NODE_KIND_SECTION);
  int new_units = 0;
  g_autofree char *summary = NULL;
  g_autofree char *task_text = NULL;
  g_autofree char *section_text = NULL;
  g_autofree char *unit_text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), plan->title);
  gtk_editable_set_text (GTK_EDITABLE (self->doc_number_row), plan->doc_number);
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), plan->issuer);
  gtk_editable_set_text (GTK_EDITABLE (self->issued_row), plan->issued_on);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), plan->period_start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), plan->period_end);
  adw_combo_row_set_selected (self->kind_row, plan->kind);

  anpai_import_match_units (plan, self->project);
  rebuild_units (self);

  clear_list (self->notes_list);
  for (guint i = 0; i < plan->warnings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (plan->warnings, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      gtk_list_box_append (self->notes_list, row);
    }
  gtk_widget_set_visible (self->notes_group, plan->warnings->len > 0);

  anpai_import_outline_set_root (self->outline, plan->root);

  for (guint i = 0; i < plan->units->len; i++)
    if (((AnpaiImportUnit *) g_ptr_array_index (plan->units, i))->matches == NULL)
      new_units++;
  task_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d task", "%d tasks", tasks), tasks);
  section_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d section", "%d sections",
                                               sections), sections);
  unit_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit (%d new)",
                                            "%d units (%d new)", plan->units->len),
                               plan->units->len, new_units);
  /* Translators: "33 tasks in 8 sections · 20 units (5 new). Double-click…" */
  summary = g_strdup_printf (_("%s in %s · %s. Double-click a row to correct its units; "
                               "choose another kind where the parse went wrong."),
                             task_text, section_text, unit_text);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (self->import_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

static void
stop_pulse (AnpaiImportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

typedef struct {
  GFile *file;
  char  *text;
  char  *name;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->text);
  g_free (data->name);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(AnpaiImportSource) source = NULL;
  AnpaiImportOptions options = { 0 };
  AnpaiImportPlan *plan;
  GError *error = NULL;

  if (data->file != NULL)
    source = anpai_import_read_file (data->file, cancellable, &error);
  else
    source = anpai_import_read_text (data->text, data->name, &error);
  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  plan = anpai_import_parse (source, &options, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) anpai_import_plan_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AnpaiImportDialog *self = ANPAI_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  AnpaiImportPlan *plan;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_pulse (self);
  if (plan == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->plan = plan;
  show_preview (self);
}

static void
start_loading (AnpaiImportDialog *self,
               LoadData          *data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;

  g_free (self->name);
  self->name = g_strdup (data->name);
  adw_window_title_set_subtitle (self->window_title, data->name);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), data->name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->pulse_id = g_timeout_add (120, pulse_cb, self->progress);

  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

void
anpai_import_dialog_load_file (AnpaiImportDialog *self,
                               GFile             *file)
{
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (ANPAI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  data->file = g_object_ref (file);
  data->name = g_file_get_basename (file);
  start_loading (self, data);
}

void
anpai_import_dialog_load_text (AnpaiImportDialog *self,
                               const char        *text)
{
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (ANPAI_IS_IMPORT_DIALOG (self));

  data->text = g_strdup (text != NULL ? text : "");
  data->name = g_strdup (_("Pasted Text"));
  start_loading (self, data);
}

/*
 * Import
 */

/* Reads a date field; FALSE (and a toast) when it is not a date. */
static gboolean
read_date (AnpaiImportDialog  *self,
           AdwEntryRow        *row,
           char              **out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GDate date;

  if (*text == '\0')
    {
      g_free (*out);
      *out = g_strdup ("");
      return TRUE;
    }
  if (!anpai_date_parse_loose (text, &date))
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a field such as "Issue Date" */
      message = g_strdup_printf (_("%s “%s” is not a date."),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  g_free (*out);
  *out = anpai_date_to_iso (&date);
  return TRUE;
}

static void
read_text (AdwEntryRow  *row,
           char        **out)
{
  g_free (*out);
  *out = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Writes the previewed plan into the project; TRUE when it is in. */
gboolean
anpai_import_dialog_import (AnpaiImportDialog *self)
{
  AnpaiImportPlan *plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 plan_id;
  int n_tasks;

  g_return_val_if_fail (ANPAI_IS_IMPORT_DIALOG (self), FALSE);

  plan = self->plan;
  if (plan == NULL)
    return FALSE;
  read_text (self->title_row, &plan->title);
  read_text (self->doc_number_row, &plan->doc_number);
  read_text (self->issuer_row, &plan->issuer);
  if (!read_date (self, self->issued_row, &plan->issued_on) ||
      !read_date (self, self->start_row, &plan->period_start) ||
      !read_date (self, self->end_row, &plan->period_end))
    return FALSE;
  if (adw_combo_row_get_selected (self->kind_row) <= ANPAI_PLAN_KIND_INDICATOR_SYSTEM)
    plan->kind = adw_combo_row_get_selected (self->kind_row);

  /* Translators: the name of the undo step; %s is a file name */
  label = g_strdup_printf (_("Import “%s”"), self->name);
  anpai_import_match_units (plan, self->project);
  plan_id = anpai_import_commit (self->project, plan, label, &error);
  if (plan_id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  n_tasks = anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK);
  g_signal_emit (self, signals[IMPORTED], 0, plan_id, n_tasks);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (AnpaiImportDialog *self)
{
  anpai_import_dialog_import (self);
}

/*
 * GObject
 */

static void
anpai_import_dialog_dispose (GObject *object)
{
  AnpaiImportDialog *self = ANPAI_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_pulse (self);
  /* the outline's rows borrow the plan's nodes: drop them first */
  if (self->outline != NULL)
    anpai_import_outline_set_root (self->outline, NULL);
  g_clear_pointer (&self->plan, anpai_import_plan_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (anpai_import_dialog_parent_class)->dispose (object);
}

static void
anpai_import_dialog_class_init (AnpaiImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_import_dialog_dispose;

  /**
   * AnpaiImportDialog::imported:
   * @plan_id: the new plan
   * @n_tasks: how many tasks it has
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (ANPAI_TYPE_IMPORT_OUTLINE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, units_list);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, notes_list);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AnpaiImportDialog, outline);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anpai_import_dialog_init (AnpaiImportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (int kind = ANPAI_PLAN_KIND_ANNUAL; kind <= ANPAI_PLAN_KIND_INDICATOR_SYSTEM; kind++)
    gtk_string_list_append (kinds, anpai_plan_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  g_signal_connect (self->outline, "activated", G_CALLBACK (row_activated_cb), self);
}

AnpaiImportDialog *
anpai_import_dialog_new (GtkWindow    *parent,
                         AnpaiProject *project)
{
  AnpaiImportDialog *self;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  self = g_object_new (ANPAI_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  return self;
}

/* (transfer none) (nullable): the parsed plan once loaded */
AnpaiImportPlan *
anpai_import_dialog_get_plan (AnpaiImportDialog *self)
{
  g_return_val_if_fail (ANPAI_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}
