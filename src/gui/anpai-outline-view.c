/* anpai-outline-view.c — a plan's task breakdown as an editable tree
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiOutlineView"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-import-commit.h"
#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "anpai-outline-columns.h"
#include "anpai-outline-edit.h"
#include "anpai-outline-model.h"
#include "anpai-outline-text.h"
#include "anpai-outline-view.h"
#include "anpai-search.h"
#include "anpai-task-editor.h"
#include "anpai-tree-rows.h"
#include "anpai-unit-chooser.h"
#include "anpai-unit-edit.h"
#include "anpai-window.h"

/* Where a planner spends the day: the tree of one plan (序号, task, 时间要求,
 * units, status) beside the editor of the selected task. Every action is one
 * undoable step of the core (anpai-outline-edit.h); the tree follows the
 * project through AnpaiOutlineModel, reading children only when a row is
 * expanded. A filter (Ctrl+F) shows the matching tasks with their
 * ancestors, everything expanded. */

struct _AnpaiOutlineView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkDropDown        *plan_dropdown;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *unit_dropdown;
  GtkCheckButton     *lead_only_check;
  GtkDropDown        *status_dropdown;
  GtkEntry           *due_from_entry;
  GtkEntry           *due_to_entry;
  GtkLabel           *match_label;
  GtkStack           *tree_stack;
  GtkColumnView      *column_view;
  AnpaiTaskEditor    *editor;
  GtkMenuButton      *assign_button;

  /* Owned */
  AnpaiProject       *project;
  AnpaiOutlineModel  *outline;
  GtkTreeListModel   *tree;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;
  GHashTable         *shown;      /* node ids a filter lets through; NULL: no filter */
  GArray             *unit_ids;   /* unit dropdown position → unit id (0: any) */
  gint64              plan_id;
  guint               filter_source;
  gboolean            updating;       /* setting dropdowns from code */
  gboolean            manual_labels;  /* the plan's, for the menu's check mark */
  AnpaiRole           assign_role;    /* what the unit chooser assigns */
  GtkWidget          *chooser;        /* AnpaiUnitChooser, on assign_button */
};

G_DEFINE_FINAL_TYPE (AnpaiOutlineView, anpai_outline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MANUAL_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_tree     (AnpaiOutlineView *self);
static void update_actions   (AnpaiOutlineView *self);

static AnpaiOutlineRow *
row_at (AnpaiOutlineView *self,
        guint             position)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  g_autoptr(AnpaiOutlineRow) row = NULL;

  if (self->tree == NULL)
    return NULL;
  tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (tree_row == NULL)
    return NULL;
  row = gtk_tree_list_row_get_item (tree_row);
  return row;  /* the tree holds it */
}

GArray *
anpai_outline_view_get_selected (AnpaiOutlineView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (ANPAI_IS_OUTLINE_VIEW (self), ids);

  if (self->selection == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      AnpaiOutlineRow *row = row_at (self, position);

      if (row != NULL)
        {
          gint64 id = anpai_outline_row_get_id (row);

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static gint64
first_selected (AnpaiOutlineView *self)
{
  g_autoptr(GArray) ids = anpai_outline_view_get_selected (self);

  return ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

static gboolean
writable (AnpaiOutlineView *self)
{
  return self->project != NULL && !anpai_project_get_read_only (self->project) &&
         self->plan_id != 0;
}

static void
update_actions (AnpaiOutlineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_edit = writable (self);
  gboolean any = first_selected (self) != 0;
  AnpaiPlan *plan = self->project != NULL && self->plan_id != 0
                    ? anpai_project_get_plan (self->project, self->plan_id) : NULL;

  gtk_widget_action_set_enabled (widget, "outline.add-sibling", can_edit);
  gtk_widget_action_set_enabled (widget, "outline.add-child", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.delete", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.indent", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.outdent", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.move-up", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.move-down", can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.copy", any);
  gtk_widget_action_set_enabled (widget, "outline.copy-rows", any);
  gtk_widget_action_set_enabled (widget, "outline.paste", can_edit);
  gtk_widget_action_set_enabled (widget, "outline.assign-unit", can_edit && any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button), can_edit && any);
  gtk_widget_action_set_enabled (widget, "outline.manual-labels", can_edit);
  gtk_widget_action_set_enabled (widget, "outline.expand-all", self->tree != NULL);
  gtk_widget_action_set_enabled (widget, "outline.collapse-all", self->tree != NULL);
  gtk_widget_action_set_enabled (widget, "outline.search", self->plan_id != 0);
  /* the menu's check mark follows the plan, whoever changed it */
  if ((plan != NULL && anpai_plan_get_manual_labels (plan)) != self->manual_labels)
    {
      self->manual_labels = !self->manual_labels;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANUAL_LABELS]);
    }
}

static void
selection_changed_cb (AnpaiOutlineView *self)
{
  anpai_task_editor_set_node (self->editor, self->project, first_selected (self));
  update_actions (self);
}

/*
 * The tree
 */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnpaiOutlineView *self = user_data;
  gint64 id = anpai_outline_row_get_id (item);

  return self->shown == NULL || g_hash_table_contains (self->shown, &id);
}

static GListModel *
filtered (AnpaiOutlineView *self,
          GListModel       *children)
{
  return G_LIST_MODEL (gtk_filter_list_model_new (children, g_object_ref (GTK_FILTER (self->filter))));
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  AnpaiOutlineView *self = user_data;

  if (self->outline == NULL || !anpai_outline_row_has_children (item))
    return NULL;
  return filtered (self, anpai_outline_model_get_children (self->outline,
                                                           anpai_outline_row_get_id (item)));
}

static void
update_stack (AnpaiOutlineView *self)
{
  guint n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  const char *page = "tree";

  if (self->plan_id == 0)
    page = "no-plan";
  else if (n == 0)
    page = self->shown != NULL ? "no-match" : "empty";
  gtk_stack_set_visible_child_name (self->tree_stack, page);
}

static void
tree_items_changed_cb (AnpaiOutlineView *self)
{
  update_stack (self);
}

/* A new tree for the plan, or for a filter (which shows everything
 * expanded). The selection is carried over by node id. */
static void
rebuild_tree (AnpaiOutlineView *self)
{
  g_autoptr(GArray) selected = anpai_outline_view_get_selected (self);
  GListModel *root = NULL;

  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_func (self->tree, tree_items_changed_cb, self);
  g_clear_object (&self->tree);
  if (self->outline != NULL)
    {
      root = filtered (self, anpai_outline_model_get_children (self->outline, 0));
      self->tree = gtk_tree_list_model_new (root, FALSE, self->shown != NULL,
                                            create_children_cb, self, NULL);
      g_signal_connect_swapped (self->tree, "items-changed", G_CALLBACK (tree_items_changed_cb), self);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  update_stack (self);
  if (selected->len > 0)
    anpai_outline_view_select_node (self, g_array_index (selected, gint64, 0));
  else
    selection_changed_cb (self);
}

/* The position of @node_id among the rows shown, looking from @from on,
 * or G_MAXUINT. */
static guint
find_position (AnpaiOutlineView *self,
               gint64            node_id,
               guint             from)
{
  guint n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = from; i < n; i++)
    {
      AnpaiOutlineRow *row = row_at (self, i);

      if (row != NULL && anpai_outline_row_get_id (row) == node_id)
        return i;
    }
  return G_MAXUINT;
}

static gboolean
select_node (AnpaiOutlineView *self,
             gint64            node_id,
             gboolean          only)
{
  g_autoptr(GArray) path = NULL;
  guint position;

  if (self->outline == NULL || node_id == 0)
    return FALSE;
  path = anpai_outline_model_get_path (self->outline, node_id);
  /* each row comes after the one above it: one pass down the rows */
  position = 0;
  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = NULL;

      position = find_position (self, g_array_index (path, gint64, i), position);
      if (position == G_MAXUINT)
        return FALSE;
      tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
      gtk_tree_list_row_set_expanded (tree_row, TRUE);
    }
  position = find_position (self, node_id, position);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, only);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

gboolean
anpai_outline_view_select_node (AnpaiOutlineView *self,
                                gint64            node_id)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_VIEW (self), FALSE);

  return select_node (self, node_id, TRUE);
}

GtkSelectionModel *
anpai_outline_view_get_rows (AnpaiOutlineView *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

guint
anpai_outline_view_get_n_visible (AnpaiOutlineView *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_VIEW (self), 0);
  return self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
}

/*
 * Search and filter
 */

/* The entry's date as YYYY-MM-DD in @iso, or NULL; a date being typed
 * filters nothing until it is one, and is marked meanwhile. */
static const char *
read_date_entry (GtkEntry *entry,
                 char     *iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return NULL;
  if (!anpai_date_parse_loose (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return NULL;
    }
  anpai_date_format_iso (&date, iso);
  return iso;
}

static void
apply_filter (AnpaiOutlineView *self)
{
  AnpaiFilter filter = ANPAI_FILTER_INIT;
  g_autoptr(AnpaiFilterResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);
  guint status_pos = gtk_drop_down_get_selected (self->status_dropdown);
  char from_iso[ANPAI_DATE_ISO_LEN] = "";
  char to_iso[ANPAI_DATE_ISO_LEN] = "";

  g_clear_handle_id (&self->filter_source, g_source_remove);
  if (self->project == NULL || self->plan_id == 0)
    return;

  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (self->unit_ids != NULL && unit_pos != GTK_INVALID_LIST_POSITION && unit_pos < self->unit_ids->len)
    filter.unit_id = g_array_index (self->unit_ids, gint64, unit_pos);
  filter.lead_only = gtk_check_button_get_active (self->lead_only_check);
  if (status_pos != GTK_INVALID_LIST_POSITION && status_pos > 0)
    filter.statuses = ANPAI_STATUS_BIT (status_pos - 1);
  filter.due_from = read_date_entry (self->due_from_entry, from_iso);
  filter.due_to = read_date_entry (self->due_to_entry, to_iso);

  g_clear_pointer (&self->shown, g_hash_table_unref);
  if (!gtk_search_bar_get_search_mode (self->search_bar) || anpai_filter_is_empty (&filter))
    {
      gtk_label_set_text (self->match_label, "");
      rebuild_tree (self);
      return;
    }
  result = anpai_project_filter_nodes (self->project, self->plan_id, &filter, &error);
  if (result == NULL)
    {
      anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < anpai_filter_result_get_n_nodes (result); i++)
    {
      gint64 id = anpai_filter_result_get_node (result, i);

      g_hash_table_add (self->shown, g_memdup2 (&id, sizeof id));
    }
  {
    guint n = anpai_filter_result_get_n_matches (result);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);

    gtk_label_set_text (self->match_label, text);
  }
  rebuild_tree (self);
}

static gboolean
filter_timeout_cb (gpointer data)
{
  AnpaiOutlineView *self = data;

  self->filter_source = 0;
  apply_filter (self);
  return G_SOURCE_REMOVE;
}

/* Typing filters after a short pause, so that each key does not rebuild the
 * tree of a big plan. */
static void
filter_changed_cb (AnpaiOutlineView *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->filter_source, g_source_remove);
  self->filter_source = g_timeout_add (150, filter_timeout_cb, self);
}

static void
search_mode_cb (AnpaiOutlineView *self)
{
  /* closing the search shows the whole plan at once */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      if (self->shown != NULL || self->filter_source != 0)
        apply_filter (self);
    }
  else if (self->shown == NULL)
    filter_changed_cb (self);
}

static void
reload_units (AnpaiOutlineView *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 any = 0, was = 0;
  guint pos = gtk_drop_down_get_selected (self->unit_dropdown), keep = 0;

  if (self->unit_ids != NULL && pos != GTK_INVALID_LIST_POSITION && pos < self->unit_ids->len)
    was = g_array_index (self->unit_ids, gint64, pos);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("All units"));
  g_array_append_val (self->unit_ids, any);
  if (self->project != NULL)
    units = anpai_project_list_units (self->project, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      AnpaiUnitSummary *unit = g_ptr_array_index (units, i);

      if (unit->id == was)
        keep = self->unit_ids->len;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_dropdown, keep);
  self->updating = FALSE;
}

/*
 * Plans
 */

static void
plan_selected_cb (AnpaiOutlineView *self)
{
  g_autoptr(AnpaiPlan) plan = NULL;
  guint position;

  if (self->updating || self->project == NULL)
    return;
  position = gtk_drop_down_get_selected (self->plan_dropdown);
  plan = position != GTK_INVALID_LIST_POSITION
         ? g_list_model_get_item (anpai_project_get_plans (self->project), position) : NULL;
  anpai_outline_view_set_plan (self, plan != NULL ? anpai_plan_get_id (plan) : 0);
}

static void
sync_plan_dropdown (AnpaiOutlineView *self)
{
  GListModel *plans = self->project != NULL ? anpai_project_get_plans (self->project) : NULL;
  guint n = plans != NULL ? g_list_model_get_n_items (plans) : 0;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->plan_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, i);

      if (anpai_plan_get_id (plan) == self->plan_id)
        gtk_drop_down_set_selected (self->plan_dropdown, i);
    }
  self->updating = FALSE;
}

static void
plans_changed_cb (AnpaiOutlineView *self)
{
  GListModel *plans = anpai_project_get_plans (self->project);

  /* the shown plan was deleted: show the first one */
  if (self->plan_id != 0 && anpai_project_get_plan (self->project, self->plan_id) == NULL)
    {
      g_autoptr(AnpaiPlan) first = g_list_model_get_item (plans, 0);

      anpai_outline_view_set_plan (self, first != NULL ? anpai_plan_get_id (first) : 0);
    }
  else if (self->plan_id == 0 && g_list_model_get_n_items (plans) > 0)
    {
      g_autoptr(AnpaiPlan) first = g_list_model_get_item (plans, 0);

      anpai_outline_view_set_plan (self, anpai_plan_get_id (first));
    }
  sync_plan_dropdown (self);
}

static void
project_changed_cb (AnpaiOutlineView *self,
                    AnpaiChanges     *changes)
{
  AnpaiTables tables = anpai_changes_get_tables (changes);

  if (anpai_changes_is_everything (changes) || (tables & ANPAI_TABLE_UNIT))
    reload_units (self);
  if (anpai_changes_is_everything (changes) || (tables & ANPAI_TABLE_PLAN))
    update_actions (self);
  /* a filter shows what matched when it was applied; edits may change that */
  if (self->shown != NULL && (tables & (ANPAI_TABLE_NODE | ANPAI_TABLE_ASSIGNMENT)))
    filter_changed_cb (self);
}

void
anpai_outline_view_set_plan (AnpaiOutlineView *self,
                             gint64            plan_id)
{
  g_return_if_fail (ANPAI_IS_OUTLINE_VIEW (self));

  if (self->outline != NULL && plan_id == self->plan_id)
    return;
  self->plan_id = plan_id;
  g_clear_pointer (&self->shown, g_hash_table_unref);
  gtk_multi_selection_set_model (self->selection, NULL);
  g_clear_object (&self->outline);
  if (self->project != NULL && plan_id != 0)
    self->outline = anpai_outline_model_new (self->project, plan_id);
  rebuild_tree (self);
  sync_plan_dropdown (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    apply_filter (self);
  update_actions (self);
}

gint64
anpai_outline_view_get_plan_id (AnpaiOutlineView *self)
{
  g_return_val_if_fail (ANPAI_IS_OUTLINE_VIEW (self), 0);
  return self->plan_id;
}

void
anpai_outline_view_set_project (AnpaiOutlineView *self,
                                AnpaiProject     *project)
{
  g_return_if_fail (ANPAI_IS_OUTLINE_VIEW (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (anpai_project_get_plans (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  anpai_task_editor_set_node (self->editor, NULL, 0);
  self->plan_id = 0;
  g_clear_pointer (&self->shown, g_hash_table_unref);
  gtk_multi_selection_set_model (self->selection, NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->outline);
  g_set_object (&self->project, project);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->plan_dropdown, project != NULL ? anpai_project_get_plans (project) : NULL);
  self->updating = FALSE;
  if (project != NULL)
    {
      g_signal_connect_object (anpai_project_get_plans (project), "items-changed",
                               G_CALLBACK (plans_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                               G_CONNECT_SWAPPED);
      reload_units (self);
      plans_changed_cb (self);
    }
  /* a plan set above has built its tree already */
  if (self->outline == NULL)
    {
      rebuild_tree (self);
      update_actions (self);
    }
}

void
anpai_outline_view_set_search_mode (AnpaiOutlineView *self,
                                    gboolean          search_mode)
{
  g_return_if_fail (ANPAI_IS_OUTLINE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
anpai_outline_view_set_search_text (AnpaiOutlineView *self,
                                    const char       *text)
{
  g_return_if_fail (ANPAI_IS_OUTLINE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

/*
 * Actions
 */

static gboolean
check (AnpaiOutlineView *self,
       gboolean          ok,
       GError           *error)
{
  if (!ok && error != NULL)
    anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  return ok;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(GError) error = NULL;
  gint64 selected = first_selected (self);
  gint64 id;

  if (!writable (self))
    return;
  /* a search could hide the new task: it ends */
  if (self->shown != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (g_str_equal (action_name, "outline.add-child") && selected != 0)
    id = anpai_outline_add_child (self->project, selected, node, &error);
  else if (selected != 0)
    id = anpai_outline_add_after (self->project, selected, node, &error);
  else
    id = anpai_outline_add_top (self->project, self->plan_id, node, &error);
  if (!check (self, id != 0, error))
    return;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  anpai_outline_view_select_node (self, id);
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  g_autoptr(GArray) ids = anpai_outline_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AnpaiOutlineRow *row;

  if (!writable (self) || ids->len == 0)
    return;
  row = anpai_outline_model_find_row (self->outline, g_array_index (ids, gint64, 0));
  if (ids->len == 1 && row != NULL)
    {
      AnpaiNode *node = anpai_outline_row_get_node (row);

      /* Translators: %s is a task's number and title, "(三) 推进…" */
      message = g_strdup_printf (_("“%s %s” deleted"), anpai_node_get_label (node),
                                 anpai_node_get_title (node));
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item deleted", "%u items deleted",
                                            ids->len), ids->len);
  if (!check (self, anpai_outline_delete (self->project, &g_array_index (ids, gint64, 0), ids->len, &error), error))
    return;
  /* Deleting is undoable, so no "are you sure?": the toast offers the way back. */
  anpai_window_toast (widget, message, _("_Undo"), "win.undo");
}

static void
structure_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  g_autoptr(GArray) ids = anpai_outline_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  gint64 *data = &g_array_index (ids, gint64, 0);
  gboolean ok;

  if (!writable (self) || ids->len == 0)
    return;
  if (g_str_equal (action_name, "outline.indent"))
    ok = anpai_outline_indent (self->project, data, ids->len, &error);
  else if (g_str_equal (action_name, "outline.outdent"))
    ok = anpai_outline_outdent (self->project, data, ids->len, &error);
  else if (g_str_equal (action_name, "outline.move-up"))
    ok = anpai_outline_move_up (self->project, data[0], &error);
  else
    ok = anpai_outline_move_down (self->project, data[0], &error);
  if (!check (self, ok, error))
    return;
  /* the rows moved: select them where they are now */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < ids->len; i++)
    select_node (self, data[i], i == 0);
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  gboolean expand = g_str_equal (action_name, "outline.expand-all");

  if (self->tree == NULL)
    return;
  anpai_tree_rows_set_all_expanded (G_LIST_MODEL (self->tree), expand);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  g_autoptr(GArray) ids = anpai_outline_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AnpaiOutlineTextFormat format = g_str_equal (action_name, "outline.copy-rows")
                                  ? ANPAI_OUTLINE_TEXT_ROWS : ANPAI_OUTLINE_TEXT_PLAIN;

  if (self->project == NULL || ids->len == 0)
    return;
  text = anpai_outline_text_format (self->project, &g_array_index (ids, gint64, 0), ids->len, format, &error);
  if (!check (self, text != NULL, error))
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  anpai_window_toast (widget, format == ANPAI_OUTLINE_TEXT_ROWS
                              ? _("Copied as table rows: paste them into a spreadsheet")
                              : _("Copied as text"), NULL, NULL);
}

/* The "Manual Numbering" menu item toggles this property. */
static void
set_manual_labels (AnpaiOutlineView *self,
                   gboolean          manual)
{
  g_autoptr(GError) error = NULL;

  if (manual == self->manual_labels || !writable (self))
    return;
  check (self, anpai_outline_set_manual_labels (self->project, self->plan_id, manual, &error), error);
  update_actions (self);
}

/* Pasting text adds tasks through the importer: numbered items, units and
 * time requirements are read as from a plan document. */
static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AnpaiOutlineView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(AnpaiImportSource) import_source = NULL;
  g_autoptr(AnpaiImportPlan) parsed = NULL;
  AnpaiImportOptions options = { 0 };
  AnpaiPlan *plan;
  GDate start, end;
  gint64 first;

  if (!writable (self) || (plan = anpai_project_get_plan (self->project, self->plan_id)) == NULL)
    return;
  if (text == NULL)
    {
      anpai_window_toast (GTK_WIDGET (self), _("The clipboard holds no text to paste."), NULL, NULL);
      return;
    }
  /* the time requirements mean what they mean in this plan */
  if (anpai_date_parse_iso (anpai_plan_get_period_start (plan), &start) &&
      anpai_date_parse_iso (anpai_plan_get_period_end (plan), &end))
    {
      options.year = g_date_get_year (&start);
      options.period_first = g_date_get_year (&start);
      options.period_last = g_date_get_year (&end);
    }
  import_source = anpai_import_read_text (text, _("Pasted Text"), &error);
  if (import_source != NULL)
    parsed = anpai_import_parse (import_source, &options, &error);
  if (parsed != NULL)
    {
      anpai_import_match_units (parsed, self->project);
      first = anpai_import_commit_into (self->project, parsed, self->plan_id, first_selected (self), &error);
    }
  else
    first = 0;
  if (!check (self, first != 0, error))
    return;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  anpai_outline_view_select_node (self, first);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);

  if (!writable (self))
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb,
                                 g_object_ref (self));
}

static void
unit_chosen_cb (AnpaiOutlineView *self,
                gint64            unit_id)
{
  g_autoptr(GArray) ids = anpai_outline_view_get_selected (self);
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->chooser));
  if (!writable (self) || ids->len == 0)
    return;
  check (self, anpai_outline_assign_unit (self->project, &g_array_index (ids, gint64, 0), ids->len, unit_id,
                                          self->assign_role, &error), error);
}

/* One unit for all the selected tasks, in the role the menu item says. */
static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);
  int role = g_variant_get_int32 (parameter);

  if (!writable (self) || role < ANPAI_ROLE_LEAD || role > ANPAI_ROLE_SUPPORT)
    return;
  self->assign_role = role;
  if (self->chooser == NULL)
    {
      self->chooser = anpai_unit_chooser_new ();
      gtk_widget_set_parent (self->chooser, GTK_WIDGET (self->assign_button));
      g_signal_connect_swapped (self->chooser, "chosen", G_CALLBACK (unit_chosen_cb), self);
    }
  anpai_unit_chooser_set_project (ANPAI_UNIT_CHOOSER (self->chooser), self->project);
  gtk_popover_popup (GTK_POPOVER (self->chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (widget);

  anpai_outline_view_set_search_mode (self, !gtk_search_bar_get_search_mode (self->search_bar) ||
                                            !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)));
}

/* A row dropped on another: before it, after it (at its level) or under it
 * as its last child. */
gboolean
anpai_outline_view_drop (AnpaiOutlineView *self,
                         gint64            dragged_id,
                         gint64            target_id,
                         AnpaiDropPlace    place)
{
  g_autoptr(AnpaiNode) dragged = NULL;
  g_autoptr(AnpaiNode) target = NULL;
  g_autoptr(GError) error = NULL;
  gint64 parent_id;
  int position;

  if (!writable (self) ||
      (dragged = anpai_project_load_node (self->project, dragged_id, NULL)) == NULL ||
      (target = anpai_project_load_node (self->project, target_id, NULL)) == NULL)
    return FALSE;
  if (place == ANPAI_DROP_INTO)
    {
      parent_id = target_id;
      position = -1;
    }
  else
    {
      parent_id = anpai_node_get_parent_id (target);
      position = anpai_node_get_position (target) + (place == ANPAI_DROP_AFTER ? 1 : 0);
      /* positions are counted without the dragged row */
      if (anpai_node_get_parent_id (dragged) == parent_id &&
          anpai_node_get_position (dragged) < position)
        position--;
    }
  if (!check (self, anpai_outline_move_to (self->project, dragged_id, self->plan_id, parent_id,
                                           position, &error), error))
    return FALSE;
  anpai_outline_view_select_node (self, dragged_id);
  return TRUE;
}

static gboolean
drop_func (gint64          dragged_id,
           gint64          target_id,
           AnpaiDropPlace  place,
           gpointer        user_data)
{
  return anpai_outline_view_drop (user_data, dragged_id, target_id, place);
}

static void
activate_cb (AnpaiOutlineView *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

/*
 * Setup
 */

static void
anpai_outline_view_dispose (GObject *object)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (object);
  GtkWidget *child;

  anpai_outline_view_set_project (self, NULL);
  g_clear_pointer (&self->chooser, gtk_widget_unparent);
  g_clear_handle_id (&self->filter_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_OUTLINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (anpai_outline_view_parent_class)->dispose (object);
}

static void
anpai_outline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MANUAL_LABELS:
      g_value_set_boolean (value, self->manual_labels);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_outline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnpaiOutlineView *self = ANPAI_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MANUAL_LABELS:
      set_manual_labels (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_outline_view_class_init (AnpaiOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_outline_view_dispose;
  object_class->get_property = anpai_outline_view_get_property;
  object_class->set_property = anpai_outline_view_set_property;

  /* Whether the plan's labels are the planner's own (never renumbered). */
  properties[PROP_MANUAL_LABELS] =
    g_param_spec_boolean ("manual-labels", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANPAI_TYPE_TASK_EDITOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, search_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, lead_only_check);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, due_from_entry);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, due_to_entry);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, match_label);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, editor);
  gtk_widget_class_bind_template_child (widget_class, AnpaiOutlineView, assign_button);

  gtk_widget_class_install_action (widget_class, "outline.add-sibling", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-child", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "outline.indent", NULL, structure_action);
  gtk_widget_class_install_action (widget_class, "outline.outdent", NULL, structure_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, structure_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, structure_action);
  gtk_widget_class_install_action (widget_class, "outline.expand-all", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "outline.collapse-all", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "outline.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "outline.copy-rows", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "outline.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "outline.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "outline.assign-unit", "i", assign_action);
  gtk_widget_class_install_property_action (widget_class, "outline.manual-labels", "manual-labels");
}

static void
add_tree_shortcut (AnpaiOutlineView   *self,
                   GtkEventController *controller,
                   guint               key,
                   GdkModifierType     modifiers,
                   const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
anpai_outline_view_init (AnpaiOutlineView *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *view_keys = gtk_shortcut_controller_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  anpai_outline_columns_add (self->column_view, drop_func, self);
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  title = gtk_property_expression_new (ANPAI_TYPE_PLAN, NULL, "title");
  gtk_drop_down_set_expression (self->plan_dropdown, title);
  g_signal_connect_swapped (self->plan_dropdown, "notify::selected", G_CALLBACK (plan_selected_cb), self);

  gtk_string_list_append (statuses, _("Any status"));
  for (int s = ANPAI_STATUS_NOT_STARTED; s <= ANPAI_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, anpai_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_expression (self->unit_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->lead_only_check, "toggled", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->due_from_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->due_to_entry, "changed", G_CALLBACK (filter_changed_cb), self);

  /* anywhere in the view */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
  add_tree_shortcut (self, keys, GDK_KEY_f, GDK_CONTROL_MASK, "outline.search");
  add_tree_shortcut (self, keys, GDK_KEY_Return, GDK_CONTROL_MASK, "outline.add-sibling");
  add_tree_shortcut (self, keys, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-child");
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* in the tree only: these keys mean something else in text fields */
  gtk_event_controller_set_propagation_phase (view_keys, GTK_PHASE_CAPTURE);
  add_tree_shortcut (self, view_keys, GDK_KEY_Tab, 0, "outline.indent");
  add_tree_shortcut (self, view_keys, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "outline.outdent");
  add_tree_shortcut (self, view_keys, GDK_KEY_Tab, GDK_SHIFT_MASK, "outline.outdent");
  add_tree_shortcut (self, view_keys, GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up");
  add_tree_shortcut (self, view_keys, GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down");
  add_tree_shortcut (self, view_keys, GDK_KEY_Delete, 0, "outline.delete");
  add_tree_shortcut (self, view_keys, GDK_KEY_c, GDK_CONTROL_MASK, "outline.copy");
  add_tree_shortcut (self, view_keys, GDK_KEY_v, GDK_CONTROL_MASK, "outline.paste");
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), view_keys);

  update_actions (self);
  update_stack (self);
}
