/* anpai-task-editor.c — the fields of one outline item, beside the outline
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTaskEditor"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-target-edit.h"
#include "anpai-target-find.h"
#include "anpai-task-editor.h"
#include "anpai-unit-chooser.h"
#include "anpai-window.h"

/* As in the plan editor, each confirmed field is one undoable step, and the
 * fields show what is stored: after an undo, a refused edit, or a change
 * made elsewhere (the outline, the Units view) the editor reloads the item.
 * A reload leaves alone the fields whose stored value did not change, so
 * half-typed text in one field survives an edit of another. */

enum {
  MOVE_UP,
  MOVE_DOWN,
  REMOVE,
  N_UNIT_BUTTONS
};

#define BODY_SAVE_PAUSE_MS 1000

struct _AnpaiTaskEditor
{
  AdwBin            parent_instance;

  GtkStack         *stack;          /* the bin's child */

  /* Template widgets */
  AdwEntryRow      *title_row;
  AdwComboRow      *kind_row;
  GtkTextView      *body_view;
  AdwEntryRow      *time_row;
  GtkLabel         *time_meaning;
  AdwComboRow      *status_row;
  GtkSpinButton    *progress_spin;
  AdwActionRow     *lead_row;
  GtkWidget        *lead_clear;
  GtkMenuButton    *lead_button;
  GtkMenuButton    *co_button;
  GtkMenuButton    *support_button;
  GtkListBox       *co_list;
  GtkListBox       *support_list;
  GtkListBox       *targets_list;
  AdwEntryRow      *add_target_row;

  AnpaiUnitChooser *choosers[3];    /* by AnpaiRole */

  /* Owned */
  AnpaiProject     *project;
  gint64            node_id;
  AnpaiNode        *node;           /* as last loaded; NULL until then */
  GArray           *units[3];       /* gint64 unit ids by AnpaiRole, in order */
  GPtrArray        *unit_rows[3];   /* rows of co_list / support_list, not owned */
  GPtrArray        *targets;        /* of AnpaiTarget */
  GPtrArray        *target_rows;    /* not owned */
  gboolean          targets_writable; /* as the rows were built */
  gboolean          updating;
  guint             body_save_id;   /* the pause after typing in the text */

  /* A button that rebuilt its own list keeps the keyboard focus there. */
  int               refocus_role;   /* -1: none */
  gint64            refocus_unit;
  guint             refocus_index;
  int               refocus_button;
};

G_DEFINE_FINAL_TYPE (AnpaiTaskEditor, anpai_task_editor, ADW_TYPE_BIN)

static void reload (AnpaiTaskEditor *self,
                    gboolean         force);

static void
show_error (AnpaiTaskEditor *self,
            const GError    *error)
{
  if (self->project != NULL && anpai_project_in_edit (self->project))
    anpai_project_rollback (self->project);
  if (error != NULL)
    anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  /* The fields go back to what is stored. */
  if (self->node_id != 0)
    reload (self, TRUE);
}

/* Stores @edited (a changed copy of the item) as one step. */
static void
store_node (AnpaiTaskEditor *self,
            AnpaiNode       *edited,
            const char      *label)
{
  g_autoptr(GError) error = NULL;

  if (!anpai_project_begin (self->project, label, &error) ||
      !anpai_project_update_node (self->project, edited, &error) ||
      !anpai_project_commit (self->project, &error))
    show_error (self, error);
}

static const char *
units_label (AnpaiRole role)
{
  switch (role)
    {
    case ANPAI_ROLE_LEAD:
      return _("Change Lead Unit");
    case ANPAI_ROLE_CO:
      return _("Change Co-responsible Units");
    case ANPAI_ROLE_SUPPORT:
    default:
      return _("Change Supporting Units");
    }
}

static void
store_units (AnpaiTaskEditor *self,
             AnpaiRole        role,
             const gint64    *ids,
             guint            n_ids)
{
  g_autoptr(GError) error = NULL;

  if (!anpai_project_begin (self->project, units_label (role), &error) ||
      !anpai_project_set_node_units (self->project, self->node_id, role, ids, n_ids, &error) ||
      !anpai_project_commit (self->project, &error))
    show_error (self, error);
}

static gboolean
can_edit (AnpaiTaskEditor *self)
{
  return self->node != NULL && !self->updating;
}

/*
 * Title, kind, text, status, progress
 */

static void
title_applied_cb (AnpaiTaskEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(AnpaiNode) edited = NULL;

  if (!can_edit (self))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (g_strcmp0 (text, anpai_node_get_title (self->node)) == 0)
    return;
  edited = anpai_node_copy (self->node);
  anpai_node_set_title (edited, text);
  store_node (self, edited, _("Change Title"));
}

static void
kind_selected_cb (AnpaiTaskEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(AnpaiNode) edited = NULL;

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      (AnpaiNodeKind) selected == anpai_node_get_kind (self->node))
    return;
  edited = anpai_node_copy (self->node);
  anpai_node_set_kind (edited, (AnpaiNodeKind) selected);
  store_node (self, edited, _("Change Kind"));
}

static char *
dup_body_text (AnpaiTaskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text is long and edited in place, so it is saved when the planner
 * pauses or moves on rather than on every key: one undo step per pause. */
static void
save_body (AnpaiTaskEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(AnpaiNode) edited = NULL;

  g_clear_handle_id (&self->body_save_id, g_source_remove);
  if (!can_edit (self) || anpai_project_get_read_only (self->project))
    return;
  text = dup_body_text (self);
  if (g_strcmp0 (text, anpai_node_get_body (self->node)) == 0)
    return;
  edited = anpai_node_copy (self->node);
  anpai_node_set_body (edited, text);
  store_node (self, edited, _("Change Text"));
}

static void
status_selected_cb (AnpaiTaskEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  g_autoptr(AnpaiNode) edited = NULL;

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      (AnpaiStatus) selected == anpai_node_get_status (self->node))
    return;
  edited = anpai_node_copy (self->node);
  anpai_node_set_status (edited, (AnpaiStatus) selected);
  store_node (self, edited, _("Change Status"));
}

static void
progress_changed_cb (AnpaiTaskEditor *self)
{
  int progress = gtk_spin_button_get_value_as_int (self->progress_spin);
  g_autoptr(AnpaiNode) edited = NULL;

  if (!can_edit (self) || progress == anpai_node_get_progress (self->node))
    return;
  edited = anpai_node_copy (self->node);
  anpai_node_set_progress (edited, progress);
  store_node (self, edited, _("Change Progress"));
}

/*
 * Time requirement
 */

/* Reads @text as the importer would, against the item's plan period. */
static AnpaiTimeSpec *
parse_time (AnpaiTaskEditor *self,
            const char      *text)
{
  AnpaiPlan *plan = anpai_project_get_plan (self->project, anpai_node_get_plan_id (self->node));
  GDate start, end;
  gboolean have_start = FALSE, have_end = FALSE;

  if (plan != NULL)
    {
      have_start = anpai_date_parse_iso (anpai_plan_get_period_start (plan), &start);
      have_end = anpai_date_parse_iso (anpai_plan_get_period_end (plan), &end);
    }
  return anpai_time_spec_parse (text, have_start ? &start : NULL, have_end ? &end : NULL);
}

/* @rescheduled: the dates were moved on the timeline, away from the words */
static void
show_meaning (AnpaiTaskEditor     *self,
              const AnpaiTimeSpec *spec,
              gboolean             rescheduled)
{
  g_autofree char *meaning = NULL;

  if (spec != NULL && *spec->text != '\0')
    meaning = anpai_time_spec_describe (spec);
  if (meaning != NULL && rescheduled)
    {
      char *moved;

      /* Translators: what a time requirement means, once its dates were
       * moved on the timeline: "By 2024-01-14 (rescheduled)" */
      moved = g_strdup_printf (_("%s (rescheduled)"), meaning);
      g_free (meaning);
      meaning = moved;
    }
  gtk_label_set_label (self->time_meaning, meaning != NULL ? meaning : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_meaning), meaning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  meaning != NULL ? meaning : "", -1);
}

/* Live feedback: what the words typed so far mean. */
static void
time_changed_cb (AnpaiTaskEditor *self)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;

  if (!can_edit (self))
    return;
  spec = parse_time (self, gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  show_meaning (self, spec, FALSE);
}

static void
time_applied_cb (AnpaiTaskEditor *self)
{
  g_autoptr(AnpaiTimeSpec) spec = NULL;
  g_autoptr(AnpaiNode) edited = NULL;
  const AnpaiTimeSpec *stored;

  if (!can_edit (self))
    return;
  spec = parse_time (self, gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  stored = anpai_node_get_time (self->node);
  /* the same words again put moved dates back to what they say */
  if (stored != NULL && g_strcmp0 (spec->text, stored->text) == 0 && !anpai_node_get_rescheduled (self->node))
    return;
  /* The planner's word outranks the document's (DESIGN.md); new words
   * mean what they say again, whatever a drag on the timeline did. */
  spec->source = ANPAI_TIME_SOURCE_MANUAL;
  edited = anpai_node_copy (self->node);
  anpai_node_set_time (edited, spec);
  anpai_node_set_rescheduled (edited, FALSE);
  store_node (self, edited, _("Change Time Requirement"));
}

/*
 * Units
 */

static GtkListBox *
list_of_role (AnpaiTaskEditor *self,
              AnpaiRole        role)
{
  return role == ANPAI_ROLE_CO ? self->co_list : self->support_list;
}

static char *
dup_unit_name (AnpaiTaskEditor *self,
               gint64           unit_id)
{
  g_autoptr(AnpaiUnit) unit = anpai_project_load_unit (self->project, unit_id, NULL);

  return g_strdup (unit != NULL ? anpai_unit_get_name (unit) : "");
}

static void
unit_button_clicked_cb (GtkButton       *button,
                        AnpaiTaskEditor *self)
{
  AnpaiRole role = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "anpai-role"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "anpai-index"));
  int what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "anpai-button"));
  g_autoptr(GArray) ids = NULL;
  gint64 unit_id;

  if (!can_edit (self) || index >= self->units[role]->len)
    return;
  ids = g_array_copy (self->units[role]);
  unit_id = g_array_index (ids, gint64, index);

  if (what == MOVE_UP && index > 0)
    {
      g_array_index (ids, gint64, index) = g_array_index (ids, gint64, index - 1);
      g_array_index (ids, gint64, index - 1) = unit_id;
    }
  else if (what == MOVE_DOWN && index + 1 < ids->len)
    {
      g_array_index (ids, gint64, index) = g_array_index (ids, gint64, index + 1);
      g_array_index (ids, gint64, index + 1) = unit_id;
    }
  else if (what == REMOVE)
    g_array_remove_index (ids, index);
  else
    return;

  self->refocus_role = role;
  self->refocus_unit = unit_id;
  self->refocus_index = index;
  self->refocus_button = what;
  store_units (self, role, &g_array_index (ids, gint64, 0), ids->len);
}

static GtkWidget *
make_unit_button (AnpaiTaskEditor *self,
                  AnpaiRole        role,
                  guint            index,
                  int              what,
                  const char      *name)
{
  static const char * const icons[] = { "go-up-symbolic", "go-down-symbolic", "list-remove-symbolic" };
  GtkWidget *button = gtk_button_new_from_icon_name (icons[what]);
  g_autofree char *label = NULL;
  const char *tooltip;

  switch (what)
    {
    case MOVE_UP:
      tooltip = _("Move Up");
      /* Translators: %s is a unit's name */
      label = g_strdup_printf (_("Move “%s” Up"), name);
      break;
    case MOVE_DOWN:
      tooltip = _("Move Down");
      /* Translators: %s is a unit's name */
      label = g_strdup_printf (_("Move “%s” Down"), name);
      break;
    case REMOVE:
    default:
      tooltip = _("Remove");
      /* Translators: %s is a unit's name */
      label = g_strdup_printf (_("Remove “%s”"), name);
      break;
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "anpai-role", GINT_TO_POINTER (role));
  g_object_set_data (G_OBJECT (button), "anpai-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "anpai-button", GINT_TO_POINTER (what));
  g_signal_connect (button, "clicked", G_CALLBACK (unit_button_clicked_cb), self);
  return button;
}

static void
restore_focus (AnpaiTaskEditor *self,
               AnpaiRole        role)
{
  GPtrArray *rows = self->unit_rows[role];
  GArray *ids = self->units[role];
  GtkWidget *row = NULL, *target = NULL;
  int what = self->refocus_button;

  self->refocus_role = -1;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == self->refocus_unit)
      row = g_ptr_array_index (rows, i);
  if (row == NULL && rows->len > 0)
    {
      /* removed: the row that took its place, or the last one */
      row = g_ptr_array_index (rows, MIN (self->refocus_index, rows->len - 1));
      what = REMOVE;
    }
  if (row == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (role == ANPAI_ROLE_CO ? self->co_button : self->support_button));
      return;
    }
  target = g_object_get_data (G_OBJECT (row), what == MOVE_UP ? "anpai-up" :
                                              what == MOVE_DOWN ? "anpai-down" : "anpai-remove");
  if (!gtk_widget_get_sensitive (target))
    target = g_object_get_data (G_OBJECT (row), what == MOVE_UP ? "anpai-down" : "anpai-up");
  if (!gtk_widget_get_sensitive (target))
    target = g_object_get_data (G_OBJECT (row), "anpai-remove");
  gtk_widget_grab_focus (target);
}

static void
show_unit_list (AnpaiTaskEditor *self,
                AnpaiRole        role,
                gboolean         writable)
{
  GtkListBox *list = list_of_role (self, role);
  GPtrArray *rows = self->unit_rows[role];
  GArray *ids = self->units[role];

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = dup_unit_name (self, g_array_index (ids, gint64, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up = make_unit_button (self, role, i, MOVE_UP, name);
      GtkWidget *down = make_unit_button (self, role, i, MOVE_DOWN, name);
      GtkWidget *remove = make_unit_button (self, role, i, REMOVE, name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_sensitive (up, writable && i > 0);
      gtk_widget_set_sensitive (down, writable && i + 1 < ids->len);
      gtk_widget_set_visible (remove, writable);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "anpai-up", up);
      g_object_set_data (G_OBJECT (row), "anpai-down", down);
      g_object_set_data (G_OBJECT (row), "anpai-remove", remove);
      gtk_list_box_append (list, row);
      g_ptr_array_add (rows, row);
    }

  if (self->refocus_role == (int) role)
    restore_focus (self, role);
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  /* no memcmp () of empty arrays: their data may be NULL */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, (gsize) a->len * sizeof (gint64)) == 0);
}

static void
refresh_units (AnpaiTaskEditor *self,
               gboolean         force,
               gboolean         writable)
{
  for (AnpaiRole role = ANPAI_ROLE_LEAD; role <= ANPAI_ROLE_SUPPORT; role++)
    {
      g_autoptr(GArray) ids = anpai_project_get_node_units (self->project, self->node_id, role);

      if (!force && same_ids (ids, self->units[role]))
        continue;
      g_array_unref (self->units[role]);
      self->units[role] = g_steal_pointer (&ids);

      if (role == ANPAI_ROLE_LEAD)
        {
          gboolean has_lead = self->units[role]->len > 0;
          g_autofree char *name = has_lead ? dup_unit_name (self, g_array_index (self->units[role], gint64, 0))
                                           : g_strdup (_("None"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_row), name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->lead_row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (has_lead)
            gtk_widget_remove_css_class (GTK_WIDGET (self->lead_row), "dim-label");
          else
            gtk_widget_add_css_class (GTK_WIDGET (self->lead_row), "dim-label");
          gtk_widget_set_visible (self->lead_clear, writable && has_lead);
        }
      else
        show_unit_list (self, role, writable);
    }
}

static void
unit_chosen_cb (AnpaiUnitChooser *chooser,
                gint64            unit_id,
                AnpaiTaskEditor  *self)
{
  AnpaiRole role;
  g_autoptr(GArray) ids = NULL;

  if (!can_edit (self))
    return;
  for (role = ANPAI_ROLE_LEAD; role < ANPAI_ROLE_SUPPORT; role++)
    if (self->choosers[role] == chooser)
      break;

  if (role == ANPAI_ROLE_LEAD)
    {
      if (self->units[role]->len == 1 && g_array_index (self->units[role], gint64, 0) == unit_id)
        return;
      store_units (self, role, &unit_id, 1);
      return;
    }
  for (guint i = 0; i < self->units[role]->len; i++)
    if (g_array_index (self->units[role], gint64, i) == unit_id)
      return;
  ids = g_array_copy (self->units[role]);
  g_array_append_val (ids, unit_id);
  store_units (self, role, &g_array_index (ids, gint64, 0), ids->len);
}

static void
lead_clear_clicked_cb (AnpaiTaskEditor *self)
{
  if (!can_edit (self) || self->units[ANPAI_ROLE_LEAD]->len == 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->lead_button));
  store_units (self, ANPAI_ROLE_LEAD, NULL, 0);
}

/*
 * Targets
 */

static const char *
comparator_symbol (const char *comparator)
{
  if (g_strcmp0 (comparator, ">=") == 0)
    return "≥";
  if (g_strcmp0 (comparator, "<=") == 0)
    return "≤";
  return comparator;
}

/* "≥ 95%", "= 100%", "≥ 60 学时"; NULL when the target has no number. */
static char *
describe_target (const AnpaiTarget *target)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean glued;

  if (!target->has_value)
    return NULL;
  g_ascii_formatd (value, sizeof value, "%g", target->value);
  /* a sign stays on its number; a word gets a space */
  glued = *target->measure == '\0' || g_str_equal (target->measure, "%");
  return g_strdup_printf ("%s %s%s%s", comparator_symbol (target->comparator), value,
                          glued ? "" : " ", target->measure);
}

/* The planner types the target as the document words it; the number,
 * comparator and measure are read from the words, as on import. */
typedef struct {
  const char *comparator;
  double      value;
  gboolean    has_value;
  const char *measure;
  GPtrArray  *found;     /* owns the strings above */
} TargetReading;

static void
read_target (const char    *text,
             TargetReading *reading)
{
  reading->comparator = "=";
  reading->value = 0;
  reading->has_value = FALSE;
  reading->measure = "";
  reading->found = anpai_targets_find (text);
  if (reading->found != NULL && reading->found->len > 0)
    {
      AnpaiImportTarget *first = g_ptr_array_index (reading->found, 0);

      reading->comparator = first->comparator;
      reading->measure = first->measure != NULL ? first->measure : "";
      reading->value = first->value;
      reading->has_value = first->has_value;
    }
}

static void
add_target_applied_cb (AnpaiTaskEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TargetReading reading;

  if (!can_edit (self))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_target_row))));
  if (*text == '\0')
    return;
  read_target (text, &reading);
  if (!anpai_project_add_target (self->project, self->node_id, text, reading.comparator, reading.value,
                                 reading.has_value, reading.measure, &error))
    {
      g_clear_pointer (&reading.found, g_ptr_array_unref);
      show_error (self, error);
      return;
    }
  g_clear_pointer (&reading.found, g_ptr_array_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->add_target_row), "");
}

/* A target's words corrected in its row: read again, as when added.
 * Emptied, the row goes back to its words (its button removes it). */
static void
target_applied_cb (AdwEntryRow     *row,
                   AnpaiTaskEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "anpai-index"));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiTarget *target;
  TargetReading reading;

  if (!can_edit (self) || index >= self->targets->len)
    return;
  target = g_ptr_array_index (self->targets, index);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text == '\0' || g_str_equal (text, target->text))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), target->text);
      /* setting the text counts as an edit: hide the apply button again */
      adw_entry_row_set_show_apply_button (row, FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
      return;
    }
  read_target (text, &reading);
  if (!anpai_project_update_target (self->project, target->id, text, reading.comparator, reading.value,
                                    reading.has_value, reading.measure, &error))
    show_error (self, error);
  g_clear_pointer (&reading.found, g_ptr_array_unref);
}

static void
remove_target_clicked_cb (GtkButton       *button,
                          AnpaiTaskEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "anpai-index"));
  AnpaiTarget *target;
  g_autoptr(GError) error = NULL;

  if (!can_edit (self) || index >= self->targets->len)
    return;
  target = g_ptr_array_index (self->targets, index);
  /* the button goes with its row: keep the keyboard in the list */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_target_row));
  if (!anpai_project_delete_target (self->project, target->id, &error))
    show_error (self, error);
}

static gboolean
same_target (const AnpaiTarget *a,
             const AnpaiTarget *b)
{
  return a->id == b->id && g_str_equal (a->text, b->text) && g_str_equal (a->comparator, b->comparator) &&
         a->has_value == b->has_value && a->value == b->value && g_strcmp0 (a->measure, b->measure) == 0;
}

static gboolean
same_targets (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same_target (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* The rows are rebuilt only when the targets changed: they hold text
 * being corrected, which any other edit of the task would throw away. */
static void
refresh_targets (AnpaiTaskEditor *self,
                 gboolean         force,
                 gboolean         writable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *targets = anpai_project_list_targets (self->project, self->node_id, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int focused = -1;

  if (targets == NULL)
    {
      g_warning ("Could not list targets: %s", error->message);
      return;
    }
  if (!force && writable == self->targets_writable && same_targets (self->targets, targets))
    {
      g_ptr_array_unref (targets);
      return;
    }
  self->targets_writable = writable;
  /* the keyboard stays on the row it was in, as corrected */
  for (guint i = 0; focus != NULL && i < self->target_rows->len; i++)
    if (gtk_widget_is_ancestor (focus, g_ptr_array_index (self->target_rows, i)))
      focused = (int) i;
  for (guint i = 0; i < self->target_rows->len; i++)
    gtk_list_box_remove (self->targets_list, g_ptr_array_index (self->target_rows, i));
  g_ptr_array_set_size (self->target_rows, 0);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = targets;

  for (guint i = 0; i < targets->len; i++)
    {
      AnpaiTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *detail = describe_target (target);
      g_autofree char *label = NULL;
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      /* the words, editable in place, and how they were read */
      /* Translators: the title above a target's words in the task editor */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Target"));
      gtk_editable_set_text (GTK_EDITABLE (row), target->text);
      gtk_editable_set_editable (GTK_EDITABLE (row), writable);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "anpai-index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "apply", G_CALLBACK (target_applied_cb), self);
      if (detail != NULL)
        {
          GtkWidget *reading = gtk_label_new (detail);

          gtk_widget_add_css_class (reading, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), reading);
        }
      /* Translators: %s is a target as written, e.g. 满意度达95%以上 */
      label = g_strdup_printf (_("Remove Target “%s”"), target->text);
      gtk_widget_set_tooltip_text (remove, _("Remove Target"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_visible (remove, writable);
      g_object_set_data (G_OBJECT (remove), "anpai-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_target_clicked_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      gtk_list_box_insert (self->targets_list, row, (int) i);
      g_ptr_array_add (self->target_rows, row);
    }
  if (focused >= 0 && (guint) focused < self->target_rows->len)
    {
      /* the text as corrected, not selected for typing over */
      GtkEditable *delegate = gtk_editable_get_delegate (g_ptr_array_index (self->target_rows, focused));

      if (GTK_IS_TEXT (delegate))
        gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
      else
        gtk_widget_grab_focus (g_ptr_array_index (self->target_rows, focused));
    }
}

/*
 * Loading
 */

static void
set_writable (AnpaiTaskEditor *self,
              gboolean         writable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), writable);
  gtk_editable_set_editable (GTK_EDITABLE (self->time_row), writable);
  gtk_text_view_set_editable (self->body_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_spin), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->lead_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->co_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->support_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_target_row), writable);
}

static void
clear (AnpaiTaskEditor *self)
{
  anpai_task_editor_set_node (self, NULL, 0);
}

/* @force: show every field, not only those whose stored value changed. */
static void
reload (AnpaiTaskEditor *self,
        gboolean         force)
{
  g_autoptr(AnpaiNode) node = anpai_project_load_node (self->project, self->node_id, NULL);
  AnpaiNode *old = force ? NULL : self->node;
  gboolean writable = !anpai_project_get_read_only (self->project);
  const AnpaiTimeSpec *time;

  if (node == NULL)
    {
      /* deleted, here or elsewhere */
      clear (self);
      return;
    }

  self->updating = TRUE;
  if (old == NULL || g_strcmp0 (anpai_node_get_title (old), anpai_node_get_title (node)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), anpai_node_get_title (node));
  adw_combo_row_set_selected (self->kind_row, anpai_node_get_kind (node));
  if (old == NULL || g_strcmp0 (anpai_node_get_body (old), anpai_node_get_body (node)) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), anpai_node_get_body (node), -1);

  time = anpai_node_get_time (node);
  if (old == NULL || !anpai_time_spec_equal (anpai_node_get_time (old), time) ||
      anpai_node_get_rescheduled (old) != anpai_node_get_rescheduled (node))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), time != NULL ? time->text : "");
      show_meaning (self, time, anpai_node_get_rescheduled (node));
    }
  adw_combo_row_set_selected (self->status_row, anpai_node_get_status (node));
  gtk_spin_button_set_value (self->progress_spin, anpai_node_get_progress (node));
  g_set_object (&self->node, node);

  set_writable (self, writable);
  refresh_units (self, force, writable);
  refresh_targets (self, force, writable);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
project_changed_cb (AnpaiTaskEditor *self,
                    AnpaiChanges    *changes)
{
  AnpaiTables tables = anpai_changes_get_tables (changes);
  gboolean everything = anpai_changes_is_everything (changes);

  if (self->node_id == 0)
    return;
  /* Assignment and target rows name their node, so this covers them. */
  if (everything || anpai_changes_has_node (changes, self->node_id))
    reload (self, everything);
  else if (tables & (ANPAI_TABLE_UNIT | ANPAI_TABLE_UNIT_ALIAS))
    {
      /* a unit renamed or merged in the Units view */
      self->updating = TRUE;
      refresh_units (self, TRUE, !anpai_project_get_read_only (self->project));
      self->updating = FALSE;
    }
}

static void
body_focus_leave_cb (AnpaiTaskEditor *self)
{
  save_body (self);
}

static gboolean
body_pause_cb (gpointer data)
{
  AnpaiTaskEditor *self = data;

  self->body_save_id = 0;
  save_body (self);
  return G_SOURCE_REMOVE;
}

/* A crash or a lost window loses at most the last second of typing. */
static void
body_changed_cb (AnpaiTaskEditor *self)
{
  if (self->updating || !can_edit (self))
    return;
  g_clear_handle_id (&self->body_save_id, g_source_remove);
  self->body_save_id = g_timeout_add (BODY_SAVE_PAUSE_MS, body_pause_cb, self);
}

static void
anpai_task_editor_dispose (GObject *object)
{
  AnpaiTaskEditor *self = ANPAI_TASK_EDITOR (object);

  anpai_task_editor_set_node (self, NULL, 0);
  g_clear_handle_id (&self->body_save_id, g_source_remove);
  for (int role = 0; role < 3; role++)
    {
      self->choosers[role] = NULL;  /* owned by their menu buttons */
      g_clear_pointer (&self->units[role], g_array_unref);
      g_clear_pointer (&self->unit_rows[role], g_ptr_array_unref);
    }
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_TASK_EDITOR);
  self->stack = NULL;

  G_OBJECT_CLASS (anpai_task_editor_parent_class)->dispose (object);
}

static void
anpai_task_editor_class_init (AnpaiTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_task_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, time_meaning);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, lead_clear);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, lead_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, co_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, support_button);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, co_list);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, support_list);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, targets_list);
  gtk_widget_class_bind_template_child (widget_class, AnpaiTaskEditor, add_target_row);
}

static GtkWidget *
make_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("None"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static void
anpai_task_editor_init (AnpaiTaskEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkMenuButton *buttons[3];
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->refocus_role = -1;
  for (int role = 0; role < 3; role++)
    {
      self->units[role] = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->unit_rows[role] = g_ptr_array_new ();
    }
  self->target_rows = g_ptr_array_new ();

  /* The lists follow the order of the enums. */
  for (int kind = ANPAI_NODE_KIND_SECTION; kind <= ANPAI_NODE_KIND_TEXT; kind++)
    gtk_string_list_append (kinds, anpai_node_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (int status = ANPAI_STATUS_NOT_STARTED; status <= ANPAI_STATUS_CANCELLED; status++)
    gtk_string_list_append (statuses, anpai_status_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_list_box_set_placeholder (self->co_list, make_placeholder ());
  gtk_list_box_set_placeholder (self->support_list, make_placeholder ());

  buttons[ANPAI_ROLE_LEAD] = self->lead_button;
  buttons[ANPAI_ROLE_CO] = self->co_button;
  buttons[ANPAI_ROLE_SUPPORT] = self->support_button;
  for (int role = 0; role < 3; role++)
    {
      self->choosers[role] = ANPAI_UNIT_CHOOSER (anpai_unit_chooser_new ());
      gtk_menu_button_set_popover (buttons[role], GTK_WIDGET (self->choosers[role]));
      g_signal_connect (self->choosers[role], "chosen", G_CALLBACK (unit_chosen_cb), self);
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (body_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (body_changed_cb), self);

  g_signal_connect_swapped (self->title_row, "apply", G_CALLBACK (title_applied_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (time_changed_cb), self);
  g_signal_connect_swapped (self->time_row, "apply", G_CALLBACK (time_applied_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->progress_spin, "value-changed", G_CALLBACK (progress_changed_cb), self);
  g_signal_connect_swapped (self->lead_clear, "clicked", G_CALLBACK (lead_clear_clicked_cb), self);
  g_signal_connect_swapped (self->add_target_row, "apply", G_CALLBACK (add_target_applied_cb), self);
}

GtkWidget *
anpai_task_editor_new (void)
{
  return g_object_new (ANPAI_TYPE_TASK_EDITOR, NULL);
}

void
anpai_task_editor_set_node (AnpaiTaskEditor *self,
                            AnpaiProject    *project,
                            gint64           node_id)
{
  g_return_if_fail (ANPAI_IS_TASK_EDITOR (self));
  g_return_if_fail (project == NULL || ANPAI_IS_PROJECT (project));

  /* The item shown: its "changed" keeps it current; reloading would read
   * it again and drop what is being typed into a field. */
  if (project != NULL && project == self->project && node_id == self->node_id && self->node != NULL)
    return;
  /* Text typed into the item being left is kept. */
  if (self->node != NULL && (project != self->project || node_id != self->node_id))
    save_body (self);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (project == NULL || node_id <= 0)
    {
      project = NULL;
      node_id = 0;
    }
  g_set_object (&self->project, project);
  self->node_id = node_id;
  g_clear_object (&self->node);
  for (int role = 0; role < 3; role++)
    if (self->choosers[role] != NULL)
      anpai_unit_chooser_set_project (self->choosers[role], project);

  if (project == NULL)
    {
      if (self->stack != NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);
  reload (self, TRUE);
}

gint64
anpai_task_editor_get_node (AnpaiTaskEditor *self)
{
  g_return_val_if_fail (ANPAI_IS_TASK_EDITOR (self), 0);
  return self->node_id;
}
