/* anpai-timeline-print.c — the chart's pages: printing and PDF export
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimelinePrint"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-timeline-print.h"

/* Printing goes through GtkPrintOperation with the renderer's own pages
 * (anpai_timeline_draw_page), so a printout is what an exported PDF is.
 * Each operation has a chart of its own: the project may change while the
 * dialog is open. */

struct _AnpaiTimelinePrint
{
  GObject           parent_instance;

  GtkPageSetup     *page_setup;
  GtkPrintSettings *print_settings;
  guint             pages_across;
  char             *from;          /* YYYY-MM-DD; NULL: the plan's start */
  char             *to;
};

G_DEFINE_FINAL_TYPE (AnpaiTimelinePrint, anpai_timeline_print, G_TYPE_OBJECT)

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

/* The chart over the span last chosen; a span that is not one (it ends
 * before it starts) is forgotten and the whole period printed. */
static AnpaiTimeline *
new_chart (AnpaiTimelinePrint         *self,
           AnpaiProject               *project,
           gint64                      plan_id,
           const AnpaiTimelineOptions *options,
           GError                    **error)
{
  AnpaiTimelineOptions spanned = *options;
  AnpaiTimeline *timeline;

  spanned.from = self->from;
  spanned.to = self->to;
  timeline = anpai_timeline_new (project, plan_id, &spanned, NULL);
  if (timeline != NULL)
    return timeline;
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  spanned.from = spanned.to = NULL;
  return anpai_timeline_new (project, plan_id, &spanned, error);
}

/*
 * One print operation
 */

typedef struct
{
  AnpaiTimelinePrint   *print;
  AnpaiProject         *project;
  gint64                plan_id;
  AnpaiTimelineOptions  options;   /* without a span: the print's */
  AnpaiTimeline        *timeline;
  GtkWindow            *parent;    /* nullable */
  /* on the dialog's Timeline tab */
  GtkSpinButton        *across_spin;
  GtkEditable          *from_entry;
  GtkEditable          *to_entry;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->print);
  g_object_unref (job->project);
  g_clear_object (&job->parent);
  anpai_timeline_free (job->timeline);
  g_free (job);
}

/* A date typed on the tab: marked while it is not one. */
static void
date_entry_changed_cb (GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);

  if (*text == '\0' || anpai_date_is_valid_iso (text))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
add_field (GtkGrid    *grid,
           int         row,
           const char *mnemonic,
           GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static GtkEditable *
date_entry (const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: how a date is typed on the print dialog's Timeline tab */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_signal_connect (entry, "changed", G_CALLBACK (date_entry_changed_cb), NULL);
  return GTK_EDITABLE (entry);
}

/* The dialog's own tab: the chart a page wide or spread over pages side
 * by side for a wall; the plan's whole period or a span of it. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         Job               *job)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 12, 1);
  GtkWidget *hint;

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  gtk_widget_set_valign (GTK_WIDGET (grid), GTK_ALIGN_START);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), job->print->pages_across);
  add_field (grid, 0, _("Pages _across"), spin);
  job->across_spin = GTK_SPIN_BUTTON (spin);
  job->from_entry = date_entry (job->print->from);
  add_field (grid, 1, _("_From"), GTK_WIDGET (job->from_entry));
  job->to_entry = date_entry (job->print->to);
  add_field (grid, 2, _("_To"), GTK_WIDGET (job->to_entry));
  hint = gtk_label_new (_("Leave the dates empty for the plan’s whole period."));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_grid_attach (grid, hint, 1, 3, 1, 1);
  return G_OBJECT (grid);
}

static char *
dup_date (GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);

  return anpai_date_is_valid_iso (text) ? g_strdup (text) : NULL;
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        Job               *job)
{
  AnpaiTimelinePrint *self = job->print;
  g_autofree char *from = dup_date (job->from_entry);
  g_autofree char *to = dup_date (job->to_entry);
  gboolean same_span = g_strcmp0 (from, self->from) == 0 && g_strcmp0 (to, self->to) == 0;
  AnpaiTimeline *timeline;

  anpai_timeline_print_set_layout (self, (guint) gtk_spin_button_get_value_as_int (job->across_spin), from, to);
  /* pages across are the pagination's: only another span needs a chart */
  if (same_span)
    return;
  timeline = new_chart (self, job->project, job->plan_id, &job->options, NULL);
  if (timeline != NULL)
    {
      anpai_timeline_free (job->timeline);
      job->timeline = timeline;
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  AnpaiPaper paper = paper_of (gtk_print_context_get_page_setup (context));

  gtk_print_operation_set_n_pages (operation,
                                   (int) anpai_timeline_paginate (job->timeline, paper, job->print->pages_across));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width, paper_height, scale;

  /* a page drawn for A4 on Letter, or landscape on a portrait page: shrink
   * to fit rather than cut off */
  anpai_paper_get_size (paper_of (setup), &paper_width, &paper_height);
  scale = MIN (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS) / paper_width,
               gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS) / paper_height);
  cairo_save (cr);
  if (scale < 1)
    cairo_scale (cr, scale, scale);
  anpai_timeline_draw_page (job->timeline, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Chart"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Job                     *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&job->print->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (job->parent, error);
    }
}

static GtkPrintOperation *
new_operation (AnpaiTimelinePrint         *self,
               GtkWindow                  *parent,
               AnpaiProject               *project,
               gint64                      plan_id,
               const AnpaiTimelineOptions *options,
               GError                    **error)
{
  GtkPrintOperation *operation;
  AnpaiTimeline *timeline = new_chart (self, project, plan_id, options, error);
  Job *job;

  if (timeline == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  job = g_new0 (Job, 1);
  job->print = g_object_ref (self);
  job->project = g_object_ref (project);
  job->plan_id = plan_id;
  job->options = *options;
  job->options.from = job->options.to = NULL;
  job->timeline = timeline;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_object_set_data_full (G_OBJECT (operation), "anpai-print-job", job, (GDestroyNotify) job_free);
  gtk_print_operation_set_job_name (operation, anpai_timeline_get_title (timeline));
  /* Translators: the print dialog's tab of the timeline's own settings */
  gtk_print_operation_set_custom_tab_label (operation, _("Timeline"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  return operation;
}

/*
 * Public
 */

void
anpai_timeline_print_set_layout (AnpaiTimelinePrint *self,
                                 guint               pages_across,
                                 const char         *from,
                                 const char         *to)
{
  g_return_if_fail (ANPAI_IS_TIMELINE_PRINT (self));

  self->pages_across = CLAMP (pages_across, 1, 12);
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
}

void
anpai_timeline_print_run (AnpaiTimelinePrint         *self,
                          GtkWindow                  *parent,
                          AnpaiProject               *project,
                          gint64                      plan_id,
                          const AnpaiTimelineOptions *options)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ANPAI_IS_TIMELINE_PRINT (self));
  g_return_if_fail (ANPAI_IS_PROJECT (project));

  operation = new_operation (self, parent, project, plan_id, options, &error);
  if (operation == NULL)
    {
      show_error (parent, error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, error);
}

gboolean
anpai_timeline_print_to_file (AnpaiTimelinePrint         *self,
                              AnpaiProject               *project,
                              gint64                      plan_id,
                              const AnpaiTimelineOptions *options,
                              const char                 *path,
                              GError                    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_PRINT (self), FALSE);

  operation = new_operation (self, NULL, project, plan_id, options, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
anpai_timeline_print_export_pdf (AnpaiTimelinePrint         *self,
                                 AnpaiProject               *project,
                                 gint64                      plan_id,
                                 const AnpaiTimelineOptions *options,
                                 AnpaiPaper                  paper,
                                 const char                 *path,
                                 GError                    **error)
{
  g_autoptr(AnpaiTimeline) pages = NULL;

  g_return_val_if_fail (ANPAI_IS_TIMELINE_PRINT (self), FALSE);

  pages = new_chart (self, project, plan_id, options, error);
  if (pages == NULL)
    return FALSE;
  return anpai_timeline_export_pdf (pages, paper, self->pages_across, path, error);
}

/*
 * GObject
 */

static void
anpai_timeline_print_finalize (GObject *object)
{
  AnpaiTimelinePrint *self = ANPAI_TIMELINE_PRINT (object);

  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_settings);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (anpai_timeline_print_parent_class)->finalize (object);
}

static void
anpai_timeline_print_class_init (AnpaiTimelinePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anpai_timeline_print_finalize;
}

static void
anpai_timeline_print_init (AnpaiTimelinePrint *self)
{
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->pages_across = 1;
  self->page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (self->page_setup, a4);
  gtk_page_setup_set_orientation (self->page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

AnpaiTimelinePrint *
anpai_timeline_print_new (void)
{
  return g_object_new (ANPAI_TYPE_TIMELINE_PRINT, NULL);
}
