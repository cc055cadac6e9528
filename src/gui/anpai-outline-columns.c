/* anpai-outline-columns.c — the columns of the Outline view's tree
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiOutlineView"

#include <glib/gi18n.h>

#include "anpai-display.h"
#include "anpai-outline-columns.h"
#include "anpai-outline-row.h"

/* The breakdown table as planners print it: 序号, the task with its text,
 * 时间要求 with what it means, 牵头单位, then the co-responsible and
 * supporting units (roles told apart), and the status. Each cell follows
 * its row's "changed" signal, so an edit shows without rebinding. */

typedef void (*CellUpdate) (GtkWidget *cell, AnpaiOutlineRow *row);

typedef struct {
  AnpaiOutlineDropFunc func;
  gpointer             user_data;
} Drop;

/*
 * Drag and drop: a row's number and task cells carry its node id
 */

static AnpaiOutlineRow *
cell_row (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "row");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *cell)
{
  AnpaiOutlineRow *row = cell_row (cell);

  if (row == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, anpai_outline_row_get_id (row));
}

static AnpaiDropPlace
place_at (GtkWidget *cell,
          double     y)
{
  /* the row's top quarter means before, its bottom quarter after */
  GtkWidget *row_widget = gtk_widget_get_parent (cell);
  double height = gtk_widget_get_height (row_widget != NULL ? row_widget : cell);
  graphene_point_t point;

  if (row_widget != NULL &&
      gtk_widget_compute_point (cell, row_widget, &GRAPHENE_POINT_INIT (0, y), &point))
    y = point.y;
  if (y < height / 4)
    return ANPAI_DROP_BEFORE;
  if (y > height * 3 / 4)
    return ANPAI_DROP_AFTER;
  return ANPAI_DROP_INTO;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *cell)
{
  Drop *drop = g_object_get_data (G_OBJECT (cell), "drop");
  AnpaiOutlineRow *row = cell_row (cell);

  if (row == NULL || drop == NULL || !G_VALUE_HOLDS_INT64 (value) ||
      g_value_get_int64 (value) == anpai_outline_row_get_id (row))
    return FALSE;
  return drop->func (g_value_get_int64 (value), anpai_outline_row_get_id (row),
                     place_at (cell, y), drop->user_data);
}

static void
add_drag_and_drop (GtkWidget *cell,
                   Drop      *drop)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
  g_object_set_data (G_OBJECT (cell), "drop", drop);
}

static GtkWidget *
new_label (int lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (lines > 1)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), lines);
    }
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

/* A main line and a dimmed second line below it. */
static GtkWidget *
new_two_lines (int main_lines,
               int second_lines)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *second = new_label (second_lines);

  gtk_box_append (GTK_BOX (box), new_label (main_lines));
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

static void
set_two_lines (GtkWidget  *box,
               const char *main_text,
               const char *second_text)
{
  GtkWidget *main_label = gtk_widget_get_first_child (box);
  GtkWidget *second = gtk_widget_get_next_sibling (main_label);

  gtk_label_set_text (GTK_LABEL (main_label), main_text != NULL ? main_text : "");
  gtk_label_set_text (GTK_LABEL (second), second_text != NULL ? second_text : "");
  gtk_widget_set_visible (second, second_text != NULL && *second_text != '\0');
}

static void
update_label (GtkWidget       *expander,
              AnpaiOutlineRow *row)
{
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  gtk_label_set_text (GTK_LABEL (label), anpai_node_get_label (anpai_outline_row_get_node (row)));
}

static void
update_task (GtkWidget       *box,
             AnpaiOutlineRow *row)
{
  AnpaiNode *node = anpai_outline_row_get_node (row);
  const char *title = anpai_node_get_title (node);
  const char *body = anpai_node_get_body (node);
  GtkWidget *main_label = gtk_widget_get_first_child (box);

  if (*title == '\0')
    set_two_lines (box, body, NULL);
  else
    set_two_lines (box, title, body);
  /* sections stand out as the headings they are */
  if (anpai_node_get_kind (node) == ANPAI_NODE_KIND_SECTION)
    gtk_widget_add_css_class (main_label, "heading");
  else
    gtk_widget_remove_css_class (main_label, "heading");
  gtk_widget_set_tooltip_text (box, *body != '\0' ? body : NULL);
}

static void
update_time (GtkWidget       *box,
             AnpaiOutlineRow *row)
{
  const AnpaiTimeSpec *time = anpai_node_get_time (anpai_outline_row_get_node (row));
  g_autofree char *meaning = NULL;

  if (time->kind != ANPAI_TIME_NONE)
    meaning = anpai_time_spec_describe (time);
  set_two_lines (box, time->text, meaning);
}

static void
update_lead (GtkWidget       *label,
             AnpaiOutlineRow *row)
{
  const char *lead = anpai_outline_row_get_lead (row);

  gtk_label_set_text (GTK_LABEL (label), lead != NULL ? lead : "");
}

static void
update_others (GtkWidget       *label,
               AnpaiOutlineRow *row)
{
  const char * const *co = anpai_outline_row_get_co (row);
  const char * const *support = anpai_outline_row_get_support (row);
  g_autofree char *text = anpai_display_other_units (co, g_strv_length ((GStrv) co),
                                                     support, g_strv_length ((GStrv) support));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_status (GtkWidget       *label,
               AnpaiOutlineRow *row)
{
  AnpaiNode *node = anpai_outline_row_get_node (row);

  /* sections and text have no status of their own */
  if (anpai_node_get_kind (node) != ANPAI_NODE_KIND_TASK)
    gtk_label_set_text (GTK_LABEL (label), "");
  else
    gtk_label_set_text (GTK_LABEL (label), anpai_status_get_label (anpai_node_get_status (node)));
}

static void
row_changed_cb (AnpaiOutlineRow *row,
                GtkWidget       *cell)
{
  CellUpdate update = g_object_get_data (G_OBJECT (cell), "update");

  update (cell, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CellUpdate                update)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  g_autoptr(AnpaiOutlineRow) row = gtk_tree_list_row_get_item (tree_row);

  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), tree_row);
  g_object_set_data (G_OBJECT (cell), "update", update);
  /* the cell keeps its row: a tree being replaced may drop rows first */
  g_object_set_data_full (G_OBJECT (cell), "row", g_object_ref (row), g_object_unref);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), cell);
  update (cell, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  AnpaiOutlineRow *row = g_object_get_data (G_OBJECT (cell), "row");

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_changed_cb, cell);
  g_object_set_data (G_OBJECT (cell), "row", NULL);
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), NULL);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          const char               *which)
{
  Drop *drop = g_object_get_data (G_OBJECT (factory), "drop");
  GtkWidget *cell;

  if (g_str_equal (which, "label"))
    {
      cell = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (cell), new_label (1));
    }
  else if (g_str_equal (which, "task"))
    {
      cell = new_two_lines (2, 2);
      /* a wrapping label asks for one character; a task needs room */
      gtk_label_set_width_chars (GTK_LABEL (gtk_widget_get_first_child (cell)), 16);
    }
  else if (g_str_equal (which, "time"))
    cell = new_two_lines (2, 2);
  else
    cell = new_label (g_str_equal (which, "status") ? 1 : 3);
  if (drop != NULL && (g_str_equal (which, "label") || g_str_equal (which, "task")))
    add_drag_and_drop (cell, drop);
  gtk_list_item_set_child (item, cell);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            const char    *which,
            CellUpdate     update,
            int            fixed_width,
            gboolean       expand,
            Drop          *drop)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "drop", drop);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer) which);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), update);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

void
anpai_outline_columns_add (GtkColumnView        *view,
                           AnpaiOutlineDropFunc  drop_func,
                           gpointer              user_data)
{
  Drop *drop = g_new0 (Drop, 1);

  drop->func = drop_func;
  drop->user_data = user_data;
  /* lives as long as the view's cells */
  g_object_set_data_full (G_OBJECT (view), "anpai-drop", drop, g_free);

  add_column (view, _("No."), "label", update_label, 90, FALSE, drop);
  add_column (view, _("Task"), "task", update_task, 0, TRUE, drop);
  /* Translators: 时间要求 */
  add_column (view, _("Time Requirement"), "time", update_time, 140, FALSE, NULL);
  /* Translators: 牵头单位 */
  add_column (view, _("Lead Unit"), "lead", update_lead, 120, FALSE, NULL);
  add_column (view, _("Other Units"), "others", update_others, 160, FALSE, NULL);
  add_column (view, _("Status"), "status", update_status, 90, FALSE, NULL);
}
