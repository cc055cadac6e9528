/* anpai-plan-row.c — a plan in the sidebar of the Plans view
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-plan-row.h"

struct _AnpaiPlanRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  AnpaiPlan *plan;   /* owned; the live object of the project */
};

G_DEFINE_FINAL_TYPE (AnpaiPlanRow, anpai_plan_row, GTK_TYPE_WIDGET)

/* "年度工作安排 · 2026 · 青澜政办〔2026〕12号" */
static void
update (AnpaiPlanRow *self)
{
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *period = NULL;
  const char *title;

  if (self->plan == NULL)
    return;

  title = anpai_plan_get_title (self->plan);
  gtk_label_set_text (self->title, *title != '\0' ? title : _("Untitled Plan"));

  g_string_append (sub, anpai_plan_kind_get_label (anpai_plan_get_kind (self->plan)));
  period = anpai_plan_dup_period_label (self->plan);
  if (*period != '\0')
    g_string_append_printf (sub, " · %s", period);
  if (*anpai_plan_get_doc_number (self->plan) != '\0')
    g_string_append_printf (sub, " · %s", anpai_plan_get_doc_number (self->plan));
  gtk_label_set_text (self->subtitle, sub->str);
}

static void
anpai_plan_row_dispose (GObject *object)
{
  AnpaiPlanRow *self = ANPAI_PLAN_ROW (object);

  anpai_plan_row_set_plan (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (anpai_plan_row_parent_class)->dispose (object);
}

static void
anpai_plan_row_class_init (AnpaiPlanRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = anpai_plan_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planrow");
}

static void
anpai_plan_row_init (AnpaiPlanRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_top (self->box, 9);
  gtk_widget_set_margin_bottom (self->box, 9);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 2);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->subtitle));
}

GtkWidget *
anpai_plan_row_new (void)
{
  return g_object_new (ANPAI_TYPE_PLAN_ROW, NULL);
}

void
anpai_plan_row_set_plan (AnpaiPlanRow *self,
                         AnpaiPlan    *plan)
{
  g_return_if_fail (ANPAI_IS_PLAN_ROW (self));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      g_signal_connect_swapped (plan, "notify", G_CALLBACK (update), self);
      update (self);
    }
}
