/* anpai-export-dialog.c — choosing what to export, and where
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExportDialog"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-export-dialog.h"
#include "anpai-file-chooser.h"
#include "anpai-search.h"
#include "anpai-unit-edit.h"

/* Format, scope (plan, unit, status, due dates) and options; the choices
 * that stay the same from one export to the next (format, paper, columns,
 * encoding) are remembered in GSettings. The file is written on the main
 * thread: the project's connection is not shared, and even 20,000 tasks
 * take about a second. */

struct _AnpaiExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwComboRow     *format_row;
  AdwComboRow     *plan_row;
  AdwComboRow     *unit_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *due_from_row;
  AdwEntryRow     *due_to_row;
  GtkWidget       *status_action_row;
  GtkSwitch       *status_switch;
  GtkWidget       *per_unit_action_row;
  GtkSwitch       *per_unit_switch;
  AdwComboRow     *paper_row;
  GtkWidget       *gb18030_action_row;
  GtkSwitch       *gb18030_switch;

  /* Owned */
  AnpaiProject    *project;
  GSettings       *settings;
  GArray          *plan_ids;   /* plan_row position → id; 0: every plan */
  GArray          *unit_ids;   /* unit_row position → id; 0: every unit */
  char             due_from[ANPAI_DATE_ISO_LEN];
  char             due_to[ANPAI_DATE_ISO_LEN];
};

G_DEFINE_FINAL_TYPE (AnpaiExportDialog, anpai_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the format row. */
static const AnpaiExportFormat formats[] = {
  ANPAI_EXPORT_XLSX, ANPAI_EXPORT_DOCX, ANPAI_EXPORT_PDF_TABLE, ANPAI_EXPORT_CSV, ANPAI_EXPORT_ICS,
  ANPAI_EXPORT_MSPDI,
};

static const char *
format_label (guint i)
{
  switch (formats[i])
    {
    case ANPAI_EXPORT_XLSX:
      return _("Excel Workbook (.xlsx)");
    case ANPAI_EXPORT_DOCX:
      return _("Word Document (.docx)");
    case ANPAI_EXPORT_PDF_TABLE:
      return _("PDF Table (.pdf)");
    case ANPAI_EXPORT_CSV:
      return _("Spreadsheet Text (.csv)");
    case ANPAI_EXPORT_ICS:
      return _("Calendar (.ics)");
    case ANPAI_EXPORT_MSPDI:
      return _("Microsoft Project (.xml)");
    default:
      return "";
    }
}

AnpaiExportFormat
anpai_export_dialog_get_format (AnpaiExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? formats[i] : ANPAI_EXPORT_XLSX;
}

void
anpai_export_dialog_set_format (AnpaiExportDialog *self,
                                AnpaiExportFormat  format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

/* Only the options that mean something for the format are shown. */
static void
format_changed_cb (AnpaiExportDialog *self)
{
  AnpaiExportFormat format = anpai_export_dialog_get_format (self);
  gboolean table = format == ANPAI_EXPORT_XLSX || format == ANPAI_EXPORT_DOCX ||
                   format == ANPAI_EXPORT_PDF_TABLE || format == ANPAI_EXPORT_CSV;

  gtk_widget_set_visible (self->status_action_row, table);
  gtk_widget_set_visible (self->per_unit_action_row, format == ANPAI_EXPORT_XLSX);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format != ANPAI_EXPORT_CSV &&
                                                        format != ANPAI_EXPORT_ICS &&
                                                        format != ANPAI_EXPORT_MSPDI);
  gtk_widget_set_visible (self->gb18030_action_row, format == ANPAI_EXPORT_CSV);
}

static const char *
entry_date (AdwEntryRow *row,
            char        *iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*text == '\0')
    return NULL;
  if (!anpai_date_parse_loose (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return NULL;
    }
  anpai_date_format_iso (&date, iso);
  return iso;
}

void
anpai_export_dialog_get_options (AnpaiExportDialog  *self,
                                 AnpaiExportOptions *options)
{
  static const AnpaiExportOptions defaults = ANPAI_EXPORT_OPTIONS_INIT;
  guint plan = adw_combo_row_get_selected (self->plan_row);
  guint unit = adw_combo_row_get_selected (self->unit_row);
  guint status = adw_combo_row_get_selected (self->status_row);

  *options = defaults;
  if (plan < self->plan_ids->len)
    options->plan_id = g_array_index (self->plan_ids, gint64, plan);
  if (unit < self->unit_ids->len)
    options->unit_id = g_array_index (self->unit_ids, gint64, unit);
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    options->statuses = ANPAI_STATUS_BIT (status - 1);
  options->due_from = entry_date (self->due_from_row, self->due_from);
  options->due_to = entry_date (self->due_to_row, self->due_to);
  options->with_status = gtk_switch_get_active (self->status_switch);
  options->per_unit = options->unit_id == 0 && gtk_switch_get_active (self->per_unit_switch) &&
                      anpai_export_dialog_get_format (self) == ANPAI_EXPORT_XLSX;
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? ANPAI_PAPER_A3 : ANPAI_PAPER_A4;
  options->gb18030 = gtk_switch_get_active (self->gb18030_switch);
}

static void
remember (AnpaiExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  if (self->settings == NULL)
    return;
  if (i < G_N_ELEMENTS (formats))
    g_settings_set_string (self->settings, "export-format", anpai_export_format_to_string (formats[i]));
  g_settings_set_string (self->settings, "export-paper",
                         adw_combo_row_get_selected (self->paper_row) == 1 ? "A3" : "A4");
  g_settings_set_boolean (self->settings, "export-with-status", gtk_switch_get_active (self->status_switch));
  g_settings_set_boolean (self->settings, "export-gb18030", gtk_switch_get_active (self->gb18030_switch));
}

gboolean
anpai_export_dialog_export_to (AnpaiExportDialog *self,
                               const char        *path)
{
  AnpaiExportOptions options;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ANPAI_IS_EXPORT_DIALOG (self), FALSE);

  anpai_export_dialog_get_options (self, &options);
  if (!anpai_export_write (self->project, anpai_export_dialog_get_format (self), &options, path, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  remember (self);
  g_signal_emit (self, signals[EXPORTED], 0, path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
path_chosen_cb (GtkWindow  *parent,
                const char *path,
                gpointer    user_data)
{
  anpai_export_dialog_export_to (ANPAI_EXPORT_DIALOG (parent), path);
}

static char *
suggested_name (AnpaiExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);
  guint plan = adw_combo_row_get_selected (self->plan_row);
  const char *base = _("Task Breakdown");
  AnpaiPlan *chosen = NULL;

  if (plan < self->plan_ids->len && g_array_index (self->plan_ids, gint64, plan) != 0)
    chosen = anpai_project_get_plan (self->project, g_array_index (self->plan_ids, gint64, plan));
  if (chosen != NULL && *anpai_plan_get_title (chosen) != '\0')
    base = anpai_plan_get_title (chosen);
  i = MIN (i, G_N_ELEMENTS (formats) - 1);
  return g_strdup_printf ("%s.%s", base, anpai_export_format_get_extension (formats[i]));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnpaiExportDialog *self = ANPAI_EXPORT_DIALOG (widget);
  g_autofree char *name = suggested_name (self);

  anpai_file_chooser_save (GTK_WINDOW (self), self->settings, _("Export"), _("_Export"), name, NULL,
                           path_chosen_cb, NULL);
}

static void
fill_choices (AnpaiExportDialog *self,
              gint64             plan_id)
{
  g_autoptr(GtkStringList) format_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) plan_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) unit_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = anpai_project_list_units (self->project, NULL);
  GListModel *plans = anpai_project_get_plans (self->project);
  gint64 none = 0;
  guint selected_plan = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (format_names, format_label (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_names));

  gtk_string_list_append (plan_names, _("All Plans"));
  g_array_append_val (self->plan_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, i);
      gint64 id = anpai_plan_get_id (plan);

      if (id == plan_id)
        selected_plan = self->plan_ids->len;
      gtk_string_list_append (plan_names, anpai_plan_get_title (plan));
      g_array_append_val (self->plan_ids, id);
    }
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (plan_names));
  adw_combo_row_set_selected (self->plan_row, selected_plan);

  gtk_string_list_append (unit_names, _("All Units"));
  g_array_append_val (self->unit_ids, none);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      AnpaiUnitSummary *unit = g_ptr_array_index (units, i);

      gtk_string_list_append (unit_names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_names));
  adw_combo_row_set_expression (self->unit_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  gtk_string_list_append (statuses, _("Any status"));
  for (int s = ANPAI_STATUS_NOT_STARTED; s <= ANPAI_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, anpai_status_get_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_string_list_append (papers, "A4");
  gtk_string_list_append (papers, "A3");
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
}

static void
restore (AnpaiExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *paper = NULL;

  if (self->settings == NULL)
    return;
  format = g_settings_get_string (self->settings, "export-format");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (anpai_export_format_to_string (formats[i]), format))
      adw_combo_row_set_selected (self->format_row, i);
  paper = g_settings_get_string (self->settings, "export-paper");
  adw_combo_row_set_selected (self->paper_row, g_str_equal (paper, "A3") ? 1 : 0);
  gtk_switch_set_active (self->status_switch, g_settings_get_boolean (self->settings, "export-with-status"));
  gtk_switch_set_active (self->gb18030_switch, g_settings_get_boolean (self->settings, "export-gb18030"));
}

static void
anpai_export_dialog_dispose (GObject *object)
{
  AnpaiExportDialog *self = ANPAI_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->plan_ids, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (anpai_export_dialog_parent_class)->dispose (object);
}

static void
anpai_export_dialog_class_init (AnpaiExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_export_dialog_dispose;

  /* Emitted with the path of the file written. */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, due_from_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, due_to_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, status_action_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, status_switch);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, per_unit_action_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, per_unit_switch);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, gb18030_action_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiExportDialog, gb18030_switch);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anpai_export_dialog_init (AnpaiExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
}

/* @plan_id: the plan to start with, or 0 for every plan. */
AnpaiExportDialog *
anpai_export_dialog_new (GtkWindow    *parent,
                         AnpaiProject *project,
                         GSettings    *settings,
                         gint64        plan_id)
{
  AnpaiExportDialog *self;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  self = g_object_new (ANPAI_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  fill_choices (self, plan_id);
  restore (self);
  format_changed_cb (self);
  return self;
}
