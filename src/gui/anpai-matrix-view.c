/* anpai-matrix-view.c — the responsibility matrix (责任分工表) of one plan
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiMatrixView"

#include <glib/gi18n.h>

#include "anpai-matrix-view.h"
#include "anpai-window.h"

/* One row per task, one narrow column per unit: the way such a table is
 * printed, with the units' long names wrapped in the headings and each
 * cell saying 牵头, 共同 or 配合. Rows are those of a GtkListView: a plan of
 * thousands of tasks against dozens of units makes only the visible rows'
 * cells, and the matrix is read only while the view is on screen. The
 * keyboard walks the tasks and a screen reader hears each task with its
 * units. */

#define NUMBER_WIDTH 56
#define TASK_WIDTH   300
#define UNIT_WIDTH   64

struct _AnpaiMatrixView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkDropDown       *plan_dropdown;
  GtkDropDown       *section_dropdown;
  GtkStack          *body_stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *header_scroller;
  GtkScrolledWindow *body_scroller;
  GtkBox            *header_box;
  GtkListView       *list_view;

  /* Owned */
  AnpaiProject      *project;
  AnpaiMatrix       *matrix;
  GArray            *plan_ids;     /* gint64 per plan_dropdown item */
  GArray            *section_ids;  /* gint64 per section_dropdown item; 0 = whole plan */
  gint64             plan_id;
  gint64             section_id;
  gboolean           updating;
  gboolean           stale;        /* changed while not on screen */
};

G_DEFINE_FINAL_TYPE (AnpaiMatrixView, anpai_matrix_view, GTK_TYPE_WIDGET)

/* The mark in a cell; short, as the columns are narrow. */
static const char *
role_mark (int role)
{
  switch (role)
    {
    /* Translators: marks in the responsibility matrix, 牵头 / 共同 / 配合; keep them short */
    case ANPAI_ROLE_LEAD:
      return C_("matrix cell", "Lead");
    case ANPAI_ROLE_CO:
      return C_("matrix cell", "Co");
    case ANPAI_ROLE_SUPPORT:
      return C_("matrix cell", "Support");
    default:
      return "";
    }
}

static GtkWidget *
new_cell (const char *text,
          int         width,
          gboolean    centered)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_size_request (label, width, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* with the width request, keeps the natural width to the column's */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_xalign (GTK_LABEL (label), centered ? 0.5 : 0);
  gtk_label_set_justify (GTK_LABEL (label), centered ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* A scrolled window measures wrapped labels at their narrowest, which
 * leaves a tall gap: the headings are sized at the columns' width, once
 * they are on screen and styled. */
static void
size_header (AnpaiMatrixView *self)
{
  int width, height;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->header_box)))
    return;
  gtk_widget_measure (GTK_WIDGET (self->header_box), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->header_box), GTK_ORIENTATION_VERTICAL, width,
                      NULL, &height, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (self->header_scroller, height);
}

/* The headings of the number and task columns, there from the start: a
 * box measured once without height-for-width children keeps measuring
 * as if it had none (GTK caches the request mode), and would then size
 * the wrapped unit headings at one character a line. */
static void
add_fixed_headings (AnpaiMatrixView *self)
{
  GtkWidget *cell;

  /* Translators: column headings of the responsibility matrix */
  cell = new_cell (C_("matrix", "No."), NUMBER_WIDTH, FALSE);
  gtk_widget_set_valign (cell, GTK_ALIGN_END);
  gtk_widget_add_css_class (cell, "heading");
  gtk_box_append (self->header_box, cell);
  cell = new_cell (C_("matrix", "Task"), TASK_WIDTH, FALSE);
  gtk_widget_set_valign (cell, GTK_ALIGN_END);
  gtk_widget_add_css_class (cell, "heading");
  gtk_box_append (self->header_box, cell);
}

static void
fill_header (AnpaiMatrixView *self)
{
  GtkWidget *task_heading = gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (self->header_box)));
  GtkWidget *cell;

  /* the units' headings, after the two fixed ones */
  while ((cell = gtk_widget_get_next_sibling (task_heading)) != NULL)
    gtk_box_remove (self->header_box, cell);
  for (guint j = 0; j < anpai_matrix_get_n_units (self->matrix); j++)
    {
      cell = new_cell (anpai_matrix_get_unit_name (self->matrix, j), UNIT_WIDTH, TRUE);
      gtk_widget_set_valign (cell, GTK_ALIGN_END);
      gtk_widget_add_css_class (cell, "caption-heading");
      gtk_box_append (self->header_box, cell);
    }

  size_header (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AnpaiMatrixView          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), new_cell (NULL, NUMBER_WIDTH, FALSE));
  gtk_box_append (GTK_BOX (box), new_cell (NULL, TASK_WIDTH, FALSE));
  for (guint j = 0; self->matrix != NULL && j < anpai_matrix_get_n_units (self->matrix); j++)
    gtk_box_append (GTK_BOX (box), new_cell (NULL, UNIT_WIDTH, TRUE));
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AnpaiMatrixView          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint i = gtk_list_item_get_position (item);
  const char *label, *title;
  g_autofree char *name = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  GtkWidget *cell;

  if (self->matrix == NULL || i >= anpai_matrix_get_n_tasks (self->matrix))
    return;
  label = anpai_matrix_get_task_label (self->matrix, i);
  title = anpai_matrix_get_task_title (self->matrix, i);
  cell = gtk_widget_get_first_child (box);
  gtk_label_set_text (GTK_LABEL (cell), label);
  cell = gtk_widget_get_next_sibling (cell);
  gtk_label_set_text (GTK_LABEL (cell), title);
  cell = gtk_widget_get_next_sibling (cell);
  for (guint j = 0; cell != NULL && j < anpai_matrix_get_n_units (self->matrix);
       j++, cell = gtk_widget_get_next_sibling (cell))
    {
      int role = anpai_matrix_get_role (self->matrix, i, j);

      gtk_label_set_text (GTK_LABEL (cell), role_mark (role));
      gtk_widget_remove_css_class (cell, "accent");
      gtk_widget_remove_css_class (cell, "heading");
      gtk_widget_remove_css_class (cell, "dim-label");
      if (role == ANPAI_ROLE_LEAD)
        {
          gtk_widget_add_css_class (cell, "accent");
          gtk_widget_add_css_class (cell, "heading");
        }
      else if (role == ANPAI_ROLE_SUPPORT)
        gtk_widget_add_css_class (cell, "dim-label");
      if (role >= 0)
        {
          if (description->len > 0)
            /* Translators: separates "unit: role" pairs read out for a task */
            g_string_append (description, _("; "));
          /* Translators: a unit and its role in a task, read out by a screen reader */
          g_string_append_printf (description, _("%s: %s"),
                                  anpai_matrix_get_unit_name (self->matrix, j), role_mark (role));
        }
    }
  name = g_strdup_printf ("%s %s", label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* The rows: one item per task (the row reads its task by position), and a
 * factory making as many unit cells as the matrix has units. */
static void
set_rows (AnpaiMatrixView *self)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  for (guint i = 0; self->matrix != NULL && i < anpai_matrix_get_n_tasks (self->matrix); i++)
    gtk_string_list_append (rows, "");
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
rebuild (AnpaiMatrixView *self)
{
  g_autoptr(GError) error = NULL;

  /* a hidden matrix is read when it is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->matrix, anpai_matrix_free);
  if (self->project != NULL && self->plan_id != 0)
    {
      self->matrix = anpai_project_get_matrix (self->project, self->plan_id, self->section_id, &error);
      if (self->matrix == NULL && self->section_id != 0)
        {
          /* the section went (undo, delete): fall back to the whole plan */
          g_clear_error (&error);
          self->section_id = 0;
          self->matrix = anpai_project_get_matrix (self->project, self->plan_id, 0, &error);
        }
      if (self->matrix == NULL)
        g_warning ("Could not build the matrix: %s", error->message);
    }

  if (self->matrix == NULL || anpai_matrix_get_n_tasks (self->matrix) == 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 self->plan_id != 0 ? _("No Tasks") : _("No Plans"));
      gtk_stack_set_visible_child_name (self->body_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.copy", FALSE);
      return;
    }
  fill_header (self);
  set_rows (self);
  gtk_stack_set_visible_child_name (self->body_stack, "matrix");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.copy", TRUE);
}

static void
add_sections (AnpaiMatrixView *self,
              GtkStringList   *names,
              gint64           parent_id,
              int              depth)
{
  g_autoptr(GPtrArray) children = NULL;

  if (depth > 8)
    return;
  children = anpai_project_load_children (self->project, self->plan_id, parent_id, NULL);
  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      AnpaiNode *node = g_ptr_array_index (children, i);
      gint64 id = anpai_node_get_id (node);
      GString *text;

      if (anpai_node_get_kind (node) != ANPAI_NODE_KIND_SECTION)
        continue;
      /* indented with ideographic spaces, which line up with CJK text */
      text = g_string_new (NULL);
      for (int d = 0; d < depth; d++)
        g_string_append (text, "\u3000");
      g_string_append_printf (text, "%s%s", anpai_node_get_label (node), anpai_node_get_title (node));
      gtk_string_list_append (names, text->str);
      g_string_free (text, TRUE);
      g_array_append_val (self->section_ids, id);
      add_sections (self, names, id, depth + 1);
    }
}

static void
refresh_sections (AnpaiMatrixView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->section_ids, 0);
  gtk_string_list_append (names, _("Whole Plan"));
  g_array_append_val (self->section_ids, (gint64) { 0 });
  if (self->project != NULL && self->plan_id != 0)
    add_sections (self, names, 0, 0);
  for (guint i = 0; i < self->section_ids->len; i++)
    if (g_array_index (self->section_ids, gint64, i) == self->section_id)
      selected = i;
  self->section_id = g_array_index (self->section_ids, gint64, selected);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->section_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->section_dropdown, selected);
  self->updating = FALSE;
}

static void
refresh_plans (AnpaiMatrixView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *plans = self->project != NULL ? anpai_project_get_plans (self->project) : NULL;
  guint selected = 0;

  g_array_set_size (self->plan_ids, 0);
  for (guint i = 0; plans != NULL && i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, i);
      const char *title = anpai_plan_get_title (plan);
      gint64 id = anpai_plan_get_id (plan);

      if (id == self->plan_id)
        selected = i;
      gtk_string_list_append (names, *title != '\0' ? title : _("Untitled Plan"));
      g_array_append_val (self->plan_ids, id);
    }
  self->plan_id = self->plan_ids->len > 0 ? g_array_index (self->plan_ids, gint64, selected) : 0;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->plan_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_dropdown), self->plan_ids->len > 0);
  self->updating = FALSE;
}

static void
plan_selected_cb (AnpaiMatrixView *self)
{
  guint selected = gtk_drop_down_get_selected (self->plan_dropdown);

  if (self->updating || selected >= self->plan_ids->len)
    return;
  anpai_matrix_view_show (self, g_array_index (self->plan_ids, gint64, selected), 0);
}

static void
section_selected_cb (AnpaiMatrixView *self)
{
  guint selected = gtk_drop_down_get_selected (self->section_dropdown);

  if (self->updating || selected >= self->section_ids->len)
    return;
  self->section_id = g_array_index (self->section_ids, gint64, selected);
  rebuild (self);
}

static void
project_changed_cb (AnpaiMatrixView *self,
                    AnpaiChanges    *changes)
{
  AnpaiTables tables = anpai_changes_get_tables (changes);
  gboolean all = anpai_changes_is_everything (changes);

  /* a hidden matrix catches up when it is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (all || (tables & ANPAI_TABLE_PLAN))
    refresh_plans (self);
  if (all || (tables & (ANPAI_TABLE_PLAN | ANPAI_TABLE_NODE)))
    refresh_sections (self);
  if (all || (tables & (ANPAI_TABLE_PLAN | ANPAI_TABLE_NODE | ANPAI_TABLE_UNIT | ANPAI_TABLE_ASSIGNMENT)))
    rebuild (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  anpai_matrix_view_copy (ANPAI_MATRIX_VIEW (widget));
}

static void
map_cb (AnpaiMatrixView *self)
{
  if (!self->stale || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  refresh_plans (self);
  refresh_sections (self);
  rebuild (self);
}

static void
anpai_matrix_view_dispose (GObject *object)
{
  AnpaiMatrixView *self = ANPAI_MATRIX_VIEW (object);
  GtkWidget *child;

  anpai_matrix_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_MATRIX_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->matrix, anpai_matrix_free);
  g_clear_pointer (&self->plan_ids, g_array_unref);
  g_clear_pointer (&self->section_ids, g_array_unref);

  G_OBJECT_CLASS (anpai_matrix_view_parent_class)->dispose (object);
}

static void
anpai_matrix_view_class_init (AnpaiMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_matrix_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, body_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, header_scroller);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, header_box);
  gtk_widget_class_bind_template_child (widget_class, AnpaiMatrixView, list_view);

  gtk_widget_class_install_action (widget_class, "matrix.copy", NULL, copy_action);
}

static void
anpai_matrix_view_init (AnpaiMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->section_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_scrolled_window_set_hadjustment (self->header_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->body_scroller));
  add_fixed_headings (self);
  g_signal_connect_swapped (self->header_box, "map", G_CALLBACK (size_header), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  g_signal_connect_swapped (self->plan_dropdown, "notify::selected", G_CALLBACK (plan_selected_cb), self);
  g_signal_connect_swapped (self->section_dropdown, "notify::selected", G_CALLBACK (section_selected_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.copy", FALSE);
}

void
anpai_matrix_view_set_project (AnpaiMatrixView *self,
                               AnpaiProject    *project)
{
  g_return_if_fail (ANPAI_IS_MATRIX_VIEW (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);
  self->plan_id = 0;
  self->section_id = 0;
  self->stale = TRUE;
  map_cb (self);
}

void
anpai_matrix_view_show (AnpaiMatrixView *self,
                        gint64           plan_id,
                        gint64           section_id)
{
  g_return_if_fail (ANPAI_IS_MATRIX_VIEW (self));

  self->plan_id = plan_id;
  self->section_id = section_id;
  refresh_plans (self);
  refresh_sections (self);
  rebuild (self);
}

gint64
anpai_matrix_view_get_plan_id (AnpaiMatrixView *self)
{
  g_return_val_if_fail (ANPAI_IS_MATRIX_VIEW (self), 0);

  return self->plan_id;
}

/* (transfer none) (nullable) */
const AnpaiMatrix *
anpai_matrix_view_get_matrix (AnpaiMatrixView *self)
{
  g_return_val_if_fail (ANPAI_IS_MATRIX_VIEW (self), NULL);

  return self->matrix;
}

/* The mark the cell at @row, @column shows (the rows on screen are made
 * from the same function). */
const char *
anpai_matrix_view_get_cell_text (AnpaiMatrixView *self,
                                 guint            row,
                                 guint            column)
{
  g_return_val_if_fail (ANPAI_IS_MATRIX_VIEW (self), NULL);

  if (self->matrix == NULL || row >= anpai_matrix_get_n_tasks (self->matrix) ||
      column >= anpai_matrix_get_n_units (self->matrix))
    return NULL;
  return role_mark (anpai_matrix_get_role (self->matrix, row, column));
}

/* Puts the matrix on the clipboard as tab-separated text: spreadsheets and
 * word processors paste it as a table. */
void
anpai_matrix_view_copy (AnpaiMatrixView *self)
{
  g_autofree char *tsv = NULL;

  g_return_if_fail (ANPAI_IS_MATRIX_VIEW (self));

  if (self->matrix == NULL)
    return;
  tsv = anpai_matrix_to_tsv (self->matrix);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv);
  anpai_window_toast (GTK_WIDGET (self), _("Matrix copied as a table"), NULL, NULL);
}
