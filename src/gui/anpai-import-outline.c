/* anpai-import-outline.c — the parsed outline of an import preview
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImportOutline"

#include <glib/gi18n.h>

#include "anpai-import-outline.h"

/* The planner checks the parse here before anything is written: each row
 * shows the label as written, what kind of node it became (changeable), the
 * title, the time requirement with what Anpai understood it to mean, and the
 * units by role. Activating a row asks the dialog to edit its units. */

struct _AnpaiImportOutline
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  AnpaiImportNode    *root;      /* borrowed */
};

G_DEFINE_FINAL_TYPE (AnpaiImportOutline, anpai_import_outline, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef void (*CellUpdate) (GtkWidget *cell, AnpaiImportRow *row);

/* (transfer none): the tree row holds the item, so a borrowed pointer is
 * enough (gtk_tree_list_row_get_item() returns a new reference) */
static AnpaiImportRow *
row_of (GtkTreeListRow *tree_row)
{
  g_autoptr(AnpaiImportRow) row = NULL;

  if (tree_row == NULL)
    return NULL;
  row = gtk_tree_list_row_get_item (tree_row);
  return row;
}

static AnpaiImportRow *
item_row (GtkListItem *item)
{
  return row_of (gtk_list_item_get_item (item));
}

static GtkWidget *
new_label (gboolean wrap,
           int      lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), lines);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  return label;
}

/*
 * Cells
 */

static void
update_label_cell (GtkWidget      *expander,
                   AnpaiImportRow *row)
{
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  gtk_label_set_text (GTK_LABEL (label), anpai_import_row_get_node (row)->label);
}

static void
update_kind_cell (GtkWidget      *dropdown,
                  AnpaiImportRow *row)
{
  g_object_set_data (G_OBJECT (dropdown), "updating", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), anpai_import_row_get_node (row)->kind);
  g_object_set_data (G_OBJECT (dropdown), "updating", NULL);
}

static void
update_title_cell (GtkWidget      *label,
                   AnpaiImportRow *row)
{
  AnpaiImportNode *node = anpai_import_row_get_node (row);
  const char *text = *node->title != '\0' ? node->title : node->body;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *node->body != '\0' ? node->body : NULL);
}

static void
update_time_cell (GtkWidget      *box,
                  AnpaiImportRow *row)
{
  AnpaiImportNode *node = anpai_import_row_get_node (row);
  GtkWidget *raw = gtk_widget_get_first_child (box);
  GtkWidget *meaning = gtk_widget_get_next_sibling (raw);
  g_autofree char *described = NULL;

  gtk_label_set_text (GTK_LABEL (raw), node->time->text);
  gtk_widget_set_visible (raw, *node->time->text != '\0');
  if (node->time->kind != ANPAI_TIME_NONE || *node->time->text != '\0')
    described = anpai_time_spec_describe (node->time);
  gtk_label_set_text (GTK_LABEL (meaning), described != NULL ? described : "");
}

static void
update_lead_cell (GtkWidget      *label,
                  AnpaiImportRow *row)
{
  AnpaiImportNode *node = anpai_import_row_get_node (row);

  gtk_label_set_text (GTK_LABEL (label), node->lead != NULL ? node->lead : "");
}

static void
update_others_cell (GtkWidget      *label,
                    AnpaiImportRow *row)
{
  g_autofree char *others = anpai_import_row_dup_others (row);

  gtk_label_set_text (GTK_LABEL (label), others);
}

static void
row_changed_cb (AnpaiImportRow *row,
                GtkWidget      *cell)
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
  AnpaiImportRow *row = item_row (item);

  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), gtk_list_item_get_item (item));
  g_object_set_data (G_OBJECT (cell), "update", update);
  /* the cell keeps its row alive: a model being replaced may drop its rows
   * before the cells are unbound */
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
  AnpaiImportRow *row = g_object_get_data (G_OBJECT (cell), "row");

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_changed_cb, cell);
  g_object_set_data (G_OBJECT (cell), "row", NULL);
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), NULL);
}

static void
kind_selected_cb (GtkDropDown *dropdown)
{
  AnpaiImportRow *row = g_object_get_data (G_OBJECT (dropdown), "row");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (row == NULL || g_object_get_data (G_OBJECT (dropdown), "updating") != NULL ||
      selected > ANPAI_NODE_KIND_TEXT)
    return;
  anpai_import_row_get_node (row)->kind = selected;
  anpai_import_row_changed (row);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          const char               *which)
{
  GtkWidget *cell;

  if (g_str_equal (which, "label"))
    {
      cell = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (cell), new_label (FALSE, 1));
    }
  else if (g_str_equal (which, "kind"))
    {
      const char *kinds[] = {
        anpai_node_kind_get_label (ANPAI_NODE_KIND_SECTION),
        anpai_node_kind_get_label (ANPAI_NODE_KIND_TASK),
        anpai_node_kind_get_label (ANPAI_NODE_KIND_TEXT),
        NULL
      };

      cell = gtk_drop_down_new_from_strings (kinds);
      gtk_widget_set_valign (cell, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Kind"), -1);
      g_signal_connect (cell, "notify::selected", G_CALLBACK (kind_selected_cb), NULL);
    }
  else if (g_str_equal (which, "time"))
    {
      GtkWidget *meaning = new_label (TRUE, 2);

      cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (cell), new_label (TRUE, 2));
      gtk_widget_add_css_class (meaning, "dim-label");
      gtk_widget_add_css_class (meaning, "caption");
      gtk_box_append (GTK_BOX (cell), meaning);
    }
  else
    {
      cell = new_label (TRUE, g_str_equal (which, "title") ? 3 : 4);
      /* a wrapping label asks for one character; the task needs room to be read */
      if (g_str_equal (which, "title"))
        gtk_label_set_width_chars (GTK_LABEL (cell), 14);
    }
  gtk_list_item_set_child (item, cell);
}

static void
add_column (AnpaiImportOutline *self,
            const char         *title,
            const char         *which,
            CellUpdate          update,
            int                 fixed_width,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer) which);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), update);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = anpai_import_row_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
activate_cb (GtkColumnView      *view,
             guint               position,
             AnpaiImportOutline *self)
{
  AnpaiImportRow *row = anpai_import_outline_get_selected (self);

  if (row != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, row);
}

static void
anpai_import_outline_dispose (GObject *object)
{
  AnpaiImportOutline *self = ANPAI_IMPORT_OUTLINE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (anpai_import_outline_parent_class)->dispose (object);
}

static void
anpai_import_outline_class_init (AnpaiImportOutlineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = anpai_import_outline_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * AnpaiImportOutline::activated:
   * @row: the row the planner activated (double-click or Enter)
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, ANPAI_TYPE_IMPORT_ROW);
}

static void
anpai_import_outline_init (AnpaiImportOutline *self)
{
  self->selection = gtk_single_selection_new (NULL);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Parsed outline"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  /* Translators: column of the import preview: 序号, the label as written */
  add_column (self, _("No."), "label", update_label_cell, 90, FALSE);
  add_column (self, _("Kind"), "kind", update_kind_cell, 110, FALSE);
  add_column (self, _("Task"), "title", update_title_cell, 0, TRUE);
  /* Translators: column of the import preview: 时间要求 */
  add_column (self, _("Time Requirement"), "time", update_time_cell, 140, FALSE);
  /* Translators: column of the import preview: 牵头单位 */
  add_column (self, _("Lead Unit"), "lead", update_lead_cell, 120, FALSE);
  /* Translators: column of the import preview: co-responsible and supporting units */
  add_column (self, _("Other Units"), "others", update_others_cell, 170, FALSE);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
anpai_import_outline_new (void)
{
  return g_object_new (ANPAI_TYPE_IMPORT_OUTLINE, NULL);
}

void
anpai_import_outline_set_root (AnpaiImportOutline *self,
                               AnpaiImportNode    *root)
{
  GtkTreeListModel *tree = NULL;

  g_return_if_fail (ANPAI_IS_IMPORT_OUTLINE (self));

  self->root = root;
  if (root != NULL)
    tree = gtk_tree_list_model_new (anpai_import_rows_new (root), FALSE, TRUE,
                                    create_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_clear_object (&tree);
}

/* (transfer none) (nullable) */
AnpaiImportRow *
anpai_import_outline_get_selected (AnpaiImportOutline *self)
{
  GtkTreeListRow *tree_row;

  g_return_val_if_fail (ANPAI_IS_IMPORT_OUTLINE (self), NULL);

  tree_row = gtk_single_selection_get_selected_item (self->selection);
  return row_of (tree_row);
}

/* Redraws every row, after a change that touches many nodes (a merge). */
void
anpai_import_outline_refresh (AnpaiImportOutline *self)
{
  g_return_if_fail (ANPAI_IS_IMPORT_OUTLINE (self));

  anpai_import_outline_set_root (self, self->root);
}
