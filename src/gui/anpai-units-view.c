/* anpai-units-view.c — the responsible units (责任单位), one unit's page, and
 * the responsibility matrix
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiUnitsView"

#include <glib/gi18n.h>

#include "anpai-matrix-view.h"
#include "anpai-unit-chooser.h"
#include "anpai-unit-edit.h"
#include "anpai-units-view.h"
#include "anpai-window.h"

/* Planners keep their units in the order of the government's own list
 * (办公室 first, then the bureaus…), which no collation reproduces, so the
 * default order is the units' stored one and they move units up and down
 * in it. Clicking a column sorts by it; ties keep the stored order. */

enum {
  COL_ORDER,
  COL_NAME,
  COL_KIND,
  COL_LEAD,
  COL_CO,
  COL_SUPPORT,
  COL_OVERDUE,
  N_COLUMNS
};

/*
 * One row of the list: a unit's summary. The item stays while the unit
 * does and is updated in place, so rows, focus and selection survive edits.
 */

#define ANPAI_TYPE_UNIT_ITEM (anpai_unit_item_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiUnitItem, anpai_unit_item, ANPAI, UNIT_ITEM, GObject)

struct _AnpaiUnitItem
{
  GObject            parent_instance;

  AnpaiUnitSummary  *summary;
  guint              rank;  /* place in the stored order */
};

G_DEFINE_FINAL_TYPE (AnpaiUnitItem, anpai_unit_item, G_TYPE_OBJECT)

static guint item_changed_signal;

static void
anpai_unit_item_finalize (GObject *object)
{
  AnpaiUnitItem *self = ANPAI_UNIT_ITEM (object);

  anpai_unit_summary_free (self->summary);
  G_OBJECT_CLASS (anpai_unit_item_parent_class)->finalize (object);
}

static void
anpai_unit_item_class_init (AnpaiUnitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anpai_unit_item_finalize;
  item_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
anpai_unit_item_init (AnpaiUnitItem *self)
{
}

static guint
item_overdue (AnpaiUnitItem *item)
{
  return item->summary->n_overdue[0] + item->summary->n_overdue[1] + item->summary->n_overdue[2];
}

/*
 * The view
 */

struct _AnpaiUnitsView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *view_stack;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  GtkStack            *content_stack;
  AdwPreferencesPage  *unit_page;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwPreferencesGroup *alias_group;
  AdwEntryRow         *alias_entry_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *lead_group;
  AdwPreferencesGroup *co_group;
  AdwPreferencesGroup *support_group;
  GtkWidget           *no_tasks_group;
  GtkWidget           *merge_group;
  GtkMenuButton       *merge_button;
  AnpaiMatrixView     *matrix_view;

  /* Owned */
  AnpaiProject        *project;
  GListStore          *store;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkSorter           *sorters[N_COLUMNS];
  AnpaiUnitChooser    *chooser;
  GPtrArray           *alias_rows;    /* rows in alias_group, not owned */
  GPtrArray           *task_rows[3];  /* rows in each role's group, not owned */
  gint64               unit_id;       /* the unit on the page, or 0 */
  gboolean             updating;
  gboolean             stale;         /* changed while not on screen */
};

G_DEFINE_FINAL_TYPE (AnpaiUnitsView, anpai_units_view, GTK_TYPE_WIDGET)

static void refresh_page (AnpaiUnitsView *self);

static AnpaiUnitItem *
selected_item (AnpaiUnitsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
writable (AnpaiUnitsView *self)
{
  return self->project != NULL && !anpai_project_get_read_only (self->project);
}

static void
update_actions (AnpaiUnitsView *self)
{
  AnpaiUnitItem *item = selected_item (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean can = writable (self) && item != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.move-up", can && item->rank > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.move-down", can && item->rank + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.merge", can);
}

/* Reports a refused edit; the page then shows what is really stored. */
static void
report_error (AnpaiUnitsView *self,
              const GError   *error)
{
  if (self->project != NULL && anpai_project_in_edit (self->project))
    anpai_project_rollback (self->project);
  anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  refresh_page (self);
}

/*
 * The list
 */

static char *
cell_text (AnpaiUnitItem *item,
           int            column)
{
  AnpaiUnitSummary *s = item->summary;

  switch (column)
    {
    case COL_ORDER:
      return g_strdup_printf ("%u", item->rank + 1);
    case COL_NAME:
      return g_strdup (s->name);
    case COL_KIND:
      return g_strdup (anpai_unit_kind_get_label (s->kind));
    case COL_LEAD:
    case COL_CO:
    case COL_SUPPORT:
      return g_strdup_printf ("%u", s->n_tasks[column - COL_LEAD]);
    case COL_OVERDUE:
      return g_strdup_printf ("%u", item_overdue (item));
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (GtkLabel      *label,
             AnpaiUnitItem *item)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *text = cell_text (item, column);
  gboolean zero = column >= COL_LEAD && g_str_equal (text, "0");

  gtk_label_set_text (label, text);
  if (column == COL_NAME)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  /* Zeros recede so the units carrying work stand out; overdue alarms. */
  if (zero)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (column == COL_OVERDUE && !zero)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "column", data);
  if (column == COL_NAME || column == COL_KIND)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AnpaiUnitItem *item = gtk_list_item_get_item (list_item);

  update_cell (GTK_LABEL (label), item);
  g_signal_connect_swapped (item, "changed", G_CALLBACK (update_cell), label);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AnpaiUnitItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, update_cell, label);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const AnpaiUnitItem *x = a;
  const AnpaiUnitItem *y = b;
  int column = GPOINTER_TO_INT (data);
  int result = 0;

  switch (column)
    {
    case COL_NAME:
      result = g_utf8_collate (x->summary->name, y->summary->name);
      break;
    case COL_KIND:
      result = (int) x->summary->kind - (int) y->summary->kind;
      break;
    case COL_LEAD:
    case COL_CO:
    case COL_SUPPORT:
      result = (int) x->summary->n_tasks[column - COL_LEAD] - (int) y->summary->n_tasks[column - COL_LEAD];
      break;
    case COL_OVERDUE:
      result = (int) item_overdue ((AnpaiUnitItem *) x) - (int) item_overdue ((AnpaiUnitItem *) y);
      break;
    default:
      break;
    }
  if (result == 0)
    result = (int) x->rank - (int) y->rank;
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_columns (AnpaiUnitsView *self)
{
  const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    /* Translators: column headings of the units list; keep them short */
    [COL_ORDER]   = { NC_("units", "No."), FALSE, 48 },
    [COL_NAME]    = { NC_("units", "Unit"), TRUE, -1 },
    [COL_KIND]    = { NC_("units", "Kind"), FALSE, 120 },
    [COL_LEAD]    = { NC_("units", "Lead"), FALSE, 56 },
    [COL_CO]      = { NC_("units", "Co"), FALSE, 56 },
    [COL_SUPPORT] = { NC_("units", "Support"), FALSE, 72 },
    [COL_OVERDUE] = { NC_("units", "Overdue"), FALSE, 80 },
  };

  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "units", columns[i].title),
                                           factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      self->sorters[i] = GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, self->sorters[i]);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;  /* the view keeps it */
      g_object_unref (column);
    }
  gtk_column_view_sort_by_column (self->column_view, self->columns[COL_ORDER], GTK_SORT_ASCENDING);
}

static AnpaiUnitItem *
find_item (AnpaiUnitsView *self,
           gint64          unit_id,
           guint          *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnpaiUnitItem) item = g_list_model_get_item (model, i);

      if (item->summary->id == unit_id)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }
  return NULL;
}

static void
update_count (AnpaiUnitsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  /* Translators: how many units the project has */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n), n);
  gtk_label_set_text (self->count_label, text);
}

/* Brings the list up to date with the file, reusing the items of units
 * that are still there. */
static void
reload_list (AnpaiUnitsView *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 selected_id = self->unit_id;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (self->project != NULL)
    {
      summaries = anpai_project_get_unit_summaries (self->project, 0, NULL, &error);
      if (summaries == NULL)
        g_warning ("Could not list units: %s", error->message);
    }
  for (guint i = 0; i < n_old; i++)
    {
      AnpaiUnitItem *item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_hash_table_insert (old, g_memdup2 (&item->summary->id, sizeof (gint64)), item);
      g_object_unref (item);  /* the store keeps it */
    }

  self->updating = TRUE;
  /* Gone units leave one by one, so the other rows keep their widgets. */
  for (guint i = n_old; i > 0; i--)
    {
      AnpaiUnitItem *item = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);
      gboolean keep = FALSE;

      for (guint j = 0; summaries != NULL && j < summaries->len && !keep; j++)
        keep = ((AnpaiUnitSummary *) g_ptr_array_index (summaries, j))->id == item->summary->id;
      if (!keep)
        {
          g_hash_table_remove (old, &item->summary->id);
          g_list_store_remove (self->store, i - 1);
        }
      g_object_unref (item);
    }
  for (guint j = 0; summaries != NULL && j < summaries->len; j++)
    {
      AnpaiUnitSummary *summary = g_ptr_array_index (summaries, j);
      AnpaiUnitItem *item = g_hash_table_lookup (old, &summary->id);

      summaries->pdata[j] = NULL;
      if (item != NULL)
        {
          anpai_unit_summary_free (item->summary);
          item->summary = summary;
          item->rank = j;
          g_signal_emit (item, item_changed_signal, 0);
        }
      else
        {
          item = g_object_new (ANPAI_TYPE_UNIT_ITEM, NULL);
          item->summary = summary;
          item->rank = j;
          g_list_store_append (self->store, item);
          g_object_unref (item);
        }
    }
  /* Counts, names and places may have changed under the current sort. */
  for (int i = 0; i < N_COLUMNS; i++)
    gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
  self->updating = FALSE;

  update_count (self);
  if (selected_id == 0 || !anpai_units_view_select_unit (self, selected_id))
    {
      /* the unit is gone (merged, undone): show whichever is selected now */
      AnpaiUnitItem *item = selected_item (self);

      self->unit_id = item != NULL ? item->summary->id : 0;
    }
  update_actions (self);
}

/*
 * The unit's page
 */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
reason_label (AnpaiAliasReason reason)
{
  switch (reason)
    {
    case ANPAI_ALIAS_FORMER_NAME:
      return _("Former name");
    case ANPAI_ALIAS_MERGED:
      return _("Merged unit");
    case ANPAI_ALIAS_SPELLING:
    default:
      return _("Other spelling");
    }
}

static void
remove_alias_clicked_cb (GtkButton      *button,
                         AnpaiUnitsView *self)
{
  const char *alias = g_object_get_data (G_OBJECT (button), "alias");
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->unit_id == 0)
    return;
  if (!anpai_project_remove_unit_alias (self->project, self->unit_id, alias, &error))
    report_error (self, error);
}

static void
refresh_aliases (AnpaiUnitsView *self)
{
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->alias_group, self->alias_rows);
  aliases = anpai_project_get_unit_aliases (self->project, self->unit_id, &error);
  if (aliases == NULL)
    return;
  for (guint i = 0; i < aliases->len; i++)
    {
      AnpaiUnitAlias *alias = g_ptr_array_index (aliases, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;

      if (alias->since != NULL)
        /* Translators: why a unit has another name, and since when, e.g. Former name · since 2026-03-01 */
        subtitle = g_strdup_printf (_("%s · since %s"), reason_label (alias->reason), alias->since);
      else
        subtitle = g_strdup (reason_label (alias->reason));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: %s is another name of a unit */
      remove_label = g_strdup_printf (_("Remove “%s”"), alias->name);
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "alias", g_strdup (alias->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_alias_clicked_cb), self);
      gtk_widget_set_visible (button, writable (self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->alias_group, row);
      g_ptr_array_add (self->alias_rows, row);
    }
}

static GtkWidget *
new_task_row (AnpaiUnitsView *self,
              AnpaiUnitTask  *task)
{
  GtkWidget *row = adw_action_row_new ();
  AnpaiPlan *plan = anpai_project_get_plan (self->project, task->plan_id);
  g_autofree char *title = NULL;
  GString *subtitle = g_string_new (NULL);

  title = *task->label != '\0' ? g_strdup_printf ("%s %s", task->label, task->title)
                               : g_strdup (task->title);
  if (plan != NULL && *anpai_plan_get_title (plan) != '\0')
    g_string_append (subtitle, anpai_plan_get_title (plan));
  if (task->time_text != NULL && *task->time_text != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, task->time_text);
    }
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, anpai_status_get_label (task->status));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (task->overdue)
    {
      GtkWidget *mark = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (mark, "error");
      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  g_string_free (subtitle, TRUE);
  return row;
}

static void
refresh_tasks (AnpaiUnitsView *self)
{
  AdwPreferencesGroup *groups[3] = { self->lead_group, self->co_group, self->support_group };
  const char *titles[3] = { _("Tasks Led"), _("Tasks Shared as Co-responsible"), _("Tasks Supported") };
  guint n[3] = { 0 }, overdue[3] = { 0 };
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  for (int role = 0; role < 3; role++)
    clear_rows (groups[role], self->task_rows[role]);
  tasks = anpai_project_get_unit_tasks (self->project, self->unit_id, NULL, &error);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      AnpaiUnitTask *task = g_ptr_array_index (tasks, i);
      GtkWidget *row;

      if ((guint) task->role > ANPAI_ROLE_SUPPORT)
        continue;
      row = new_task_row (self, task);
      adw_preferences_group_add (groups[task->role], row);
      g_ptr_array_add (self->task_rows[task->role], row);
      n[task->role]++;
      overdue[task->role] += task->overdue ? 1 : 0;
    }
  for (int role = 0; role < 3; role++)
    {
      g_autofree char *description = NULL;

      if (overdue[role] > 0)
        /* Translators: e.g. "5 tasks, 2 overdue" */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task, %u overdue",
                                                    "%u tasks, %u overdue", n[role]),
                                       n[role], overdue[role]);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n[role]),
                                       n[role]);
      adw_preferences_group_set_title (groups[role], titles[role]);
      adw_preferences_group_set_description (groups[role], description);
      gtk_widget_set_visible (GTK_WIDGET (groups[role]), n[role] > 0);
    }
  gtk_widget_set_visible (self->no_tasks_group, n[0] + n[1] + n[2] == 0);
}

static char *
notes_text (AnpaiUnitsView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Notes are saved on leaving the field (or the unit), not per keystroke:
 * one undo step per edit, as with the other fields. */
static void
save_notes (AnpaiUnitsView *self,
            gint64          unit_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiUnit) unit = NULL;
  g_autofree char *text = NULL;

  if (self->updating || unit_id == 0 || !writable (self) ||
      !gtk_text_buffer_get_modified (buffer))
    return;
  gtk_text_buffer_set_modified (buffer, FALSE);
  text = notes_text (self);
  unit = anpai_project_load_unit (self->project, unit_id, NULL);
  if (unit == NULL || g_strcmp0 (anpai_unit_get_notes (unit), text) == 0)
    return;
  if (!anpai_project_set_unit_notes (self->project, unit_id, text, &error))
    report_error (self, error);
}

static void
refresh_page (AnpaiUnitsView *self)
{
  g_autoptr(AnpaiUnit) unit = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gboolean can_edit = writable (self);

  if (self->project != NULL && self->unit_id != 0)
    unit = anpai_project_load_unit (self->project, self->unit_id, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, unit != NULL ? "unit" : "empty");
  if (unit == NULL)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), anpai_unit_get_name (unit));
  adw_combo_row_set_selected (self->kind_row, anpai_unit_get_kind (unit));
  /* Text being typed is not thrown away by an unrelated change. */
  if (!gtk_text_buffer_get_modified (buffer))
    {
      gtk_text_buffer_set_text (buffer, anpai_unit_get_notes (unit) != NULL ? anpai_unit_get_notes (unit) : "", -1);
      gtk_text_buffer_set_modified (buffer, FALSE);
    }
  refresh_aliases (self);
  refresh_tasks (self);

  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->alias_entry_row), can_edit);
  gtk_text_view_set_editable (self->notes_view, can_edit);
  gtk_widget_set_visible (self->merge_group, can_edit);
  self->updating = FALSE;
}

static void
selection_changed_cb (AnpaiUnitsView *self)
{
  AnpaiUnitItem *item = selected_item (self);
  gint64 id = item != NULL ? item->summary->id : 0;

  if (self->updating)
    return;
  if (id != self->unit_id)
    {
      gint64 old_id = self->unit_id;

      /* What was typed belongs to the unit it was typed for; the new unit
       * is current first, so the reload after saving keeps it selected. */
      self->unit_id = id;
      save_notes (self, old_id);
      gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->notes_view), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->alias_entry_row), "");
      refresh_page (self);
    }
  update_actions (self);
}

static void
name_applied_cb (AnpaiUnitsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiUnit) unit = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *message = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->updating || self->unit_id == 0)
    return;
  unit = anpai_project_load_unit (self->project, self->unit_id, NULL);
  if (unit == NULL)
    return;
  old_name = g_strdup (anpai_unit_get_name (unit));
  if (!anpai_project_rename_unit (self->project, self->unit_id, name, NULL, &error))
    {
      report_error (self, error);
      return;
    }
  g_clear_object (&unit);
  unit = anpai_project_load_unit (self->project, self->unit_id, NULL);
  if (unit == NULL || g_str_equal (old_name, anpai_unit_get_name (unit)))
    return;
  /* Translators: %s is the unit's old name */
  message = g_strdup_printf (_("Renamed; “%s” is kept as a former name"), old_name);
  anpai_window_toast (GTK_WIDGET (self), message, _("_Undo"), "win.undo");
}

static void
kind_selected_cb (AnpaiUnitsView *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiUnit) unit = NULL;

  if (self->updating || self->unit_id == 0 || selected > ANPAI_UNIT_KIND_OTHER)
    return;
  unit = anpai_project_load_unit (self->project, self->unit_id, NULL);
  if (unit == NULL || anpai_unit_get_kind (unit) == (AnpaiUnitKind) selected)
    return;
  if (!anpai_project_set_unit_kind (self->project, self->unit_id, (AnpaiUnitKind) selected, &error))
    report_error (self, error);
}

static void
alias_applied_cb (AnpaiUnitsView *self)
{
  g_autoptr(GError) error = NULL;
  const char *alias = gtk_editable_get_text (GTK_EDITABLE (self->alias_entry_row));

  if (self->updating || self->unit_id == 0)
    return;
  /* A name typed by hand is most often another way of writing it. */
  if (!anpai_project_add_unit_alias_full (self->project, self->unit_id, alias,
                                          ANPAI_ALIAS_SPELLING, NULL, &error))
    {
      report_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->alias_entry_row), "");
}

static void
notes_focus_leave_cb (AnpaiUnitsView *self)
{
  save_notes (self, self->unit_id);
}

static void
unit_chosen_cb (AnpaiUnitsView   *self,
                gint64            into_id,
                AnpaiUnitChooser *chooser)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiUnit) from = NULL;
  g_autoptr(AnpaiUnit) into = NULL;
  g_autofree char *message = NULL;
  gint64 from_id = self->unit_id;

  if (self->project == NULL || from_id == 0)
    return;
  from = anpai_project_load_unit (self->project, from_id, NULL);
  into = anpai_project_load_unit (self->project, into_id, NULL);
  if (from == NULL || into == NULL)
    return;
  if (!anpai_project_merge_units (self->project, from_id, into_id, NULL, &error))
    {
      report_error (self, error);
      return;
    }
  /* The merged unit is gone: carry on with the one it became part of. */
  anpai_units_view_select_unit (self, into_id);
  /* Translators: the first %s is merged into the second, e.g. “市政府法制办” merged into “市司法局” */
  message = g_strdup_printf (_("“%s” merged into “%s”"), anpai_unit_get_name (from),
                             anpai_unit_get_name (into));
  anpai_window_toast (GTK_WIDGET (self), message, _("_Undo"), "win.undo");
}

static void
move (AnpaiUnitsView *self,
      int             delta)
{
  AnpaiUnitItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (item == NULL || self->project == NULL)
    return;
  id = item->summary->id;
  /* Moving is about the stored order: show it, or the move is invisible. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COL_ORDER], GTK_SORT_ASCENDING);
  if (!anpai_project_move_unit (self->project, id, delta, &error))
    {
      report_error (self, error);
      return;
    }
  anpai_units_view_select_unit (self, id);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (ANPAI_UNITS_VIEW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (ANPAI_UNITS_VIEW (widget), 1);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnpaiUnitsView *self = ANPAI_UNITS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "units");
  gtk_menu_button_popup (self->merge_button);
}

static void
project_changed_cb (AnpaiUnitsView *self,
                    AnpaiChanges   *changes)
{
  AnpaiTables tables = anpai_changes_get_tables (changes);

  if (!anpai_changes_is_everything (changes) &&
      !(tables & (ANPAI_TABLE_UNIT | ANPAI_TABLE_UNIT_ALIAS | ANPAI_TABLE_ASSIGNMENT |
                  ANPAI_TABLE_NODE | ANPAI_TABLE_PLAN)))
    return;
  /* Counting every unit's tasks reads the whole project: a hidden view does
   * it when it is shown, not after each edit made elsewhere. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload_list (self);
  refresh_page (self);
}

static void
map_cb (AnpaiUnitsView *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  reload_list (self);
  refresh_page (self);
}

/* Asked about its list while hidden: read it now. */
static void
ensure_fresh (AnpaiUnitsView *self)
{
  map_cb (self);
}

static void
anpai_units_view_dispose (GObject *object)
{
  AnpaiUnitsView *self = ANPAI_UNITS_VIEW (object);
  GtkWidget *child;

  anpai_units_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_UNITS_VIEW);
  /* The template's root box is ours to unparent: it is not bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  for (int i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->sorters[i]);
  g_clear_pointer (&self->alias_rows, g_ptr_array_unref);
  for (int i = 0; i < 3; i++)
    g_clear_pointer (&self->task_rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (anpai_units_view_parent_class)->dispose (object);
}

static void
anpai_units_view_class_init (AnpaiUnitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_units_view_dispose;

  g_type_ensure (ANPAI_TYPE_MATRIX_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-units-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, unit_page);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, alias_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, alias_entry_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, lead_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, co_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, support_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, no_tasks_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, merge_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiUnitsView, matrix_view);

  gtk_widget_class_install_action (widget_class, "units.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "units.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "units.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "units.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "units.move-down", NULL);
}

static void
anpai_units_view_init (AnpaiUnitsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->alias_rows = g_ptr_array_new ();
  for (int i = 0; i < 3; i++)
    self->task_rows[i] = g_ptr_array_new ();

  add_columns (self);
  self->store = g_list_store_new (ANPAI_TYPE_UNIT_ITEM);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* The list follows the order of AnpaiUnitKind. */
  for (int kind = ANPAI_UNIT_KIND_DEPARTMENT; kind <= ANPAI_UNIT_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, anpai_unit_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->chooser = ANPAI_UNIT_CHOOSER (anpai_unit_chooser_new ());
  gtk_menu_button_set_popover (self->merge_button, GTK_WIDGET (self->chooser));
  g_signal_connect_swapped (self->chooser, "chosen", G_CALLBACK (unit_chosen_cb), self);

  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (name_applied_cb), self);
  g_signal_connect_swapped (self->alias_entry_row, "apply", G_CALLBACK (alias_applied_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (notes_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);

  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  update_count (self);
  update_actions (self);
}

void
anpai_units_view_set_project (AnpaiUnitsView *self,
                              AnpaiProject   *project)
{
  g_return_if_fail (ANPAI_IS_UNITS_VIEW (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);

  anpai_unit_chooser_set_project (self->chooser, project);
  anpai_matrix_view_set_project (self->matrix_view, project);
  self->unit_id = 0;
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->notes_view), FALSE);
  g_list_store_remove_all (self->store);
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    reload_list (self);
  selection_changed_cb (self);
  refresh_page (self);
}

gboolean
anpai_units_view_select_unit (AnpaiUnitsView *self,
                              gint64          unit_id)
{
  guint position;

  g_return_val_if_fail (ANPAI_IS_UNITS_VIEW (self), FALSE);
  ensure_fresh (self);

  if (find_item (self, unit_id, &position) == NULL)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  selection_changed_cb (self);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

gint64
anpai_units_view_get_selected_unit (AnpaiUnitsView *self)
{
  g_return_val_if_fail (ANPAI_IS_UNITS_VIEW (self), 0);

  return self->unit_id;
}

gboolean
anpai_units_view_get_shown_counts (AnpaiUnitsView *self,
                                   gint64          unit_id,
                                   guint           n_tasks[3],
                                   guint          *n_overdue)
{
  AnpaiUnitItem *item;

  g_return_val_if_fail (ANPAI_IS_UNITS_VIEW (self), FALSE);
  ensure_fresh (self);

  item = find_item (self, unit_id, NULL);
  if (item == NULL)
    return FALSE;
  for (int role = 0; role < 3; role++)
    n_tasks[role] = item->summary->n_tasks[role];
  if (n_overdue != NULL)
    *n_overdue = item_overdue (item);
  return TRUE;
}

gint64
anpai_units_view_get_unit_at (AnpaiUnitsView *self,
                              guint           position)
{
  g_autoptr(AnpaiUnitItem) item = NULL;

  g_return_val_if_fail (ANPAI_IS_UNITS_VIEW (self), 0);
  ensure_fresh (self);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  return item != NULL ? item->summary->id : 0;
}

void
anpai_units_view_show_matrix (AnpaiUnitsView *self,
                              gboolean        show)
{
  g_return_if_fail (ANPAI_IS_UNITS_VIEW (self));

  gtk_stack_set_visible_child_name (self->view_stack, show ? "matrix" : "units");
}

/* (transfer none) */
AnpaiMatrixView *
anpai_units_view_get_matrix_view (AnpaiUnitsView *self)
{
  g_return_val_if_fail (ANPAI_IS_UNITS_VIEW (self), NULL);

  return self->matrix_view;
}
