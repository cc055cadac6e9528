/* anpai-unit-chooser.c — a popover to find a responsible unit, or add one
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiUnitChooser"

#include <glib/gi18n.h>

#include "anpai-unit-chooser.h"
#include "anpai-unit-clause.h"
#include "anpai-unit-edit.h"
#include "anpai-window.h"

/* Plans name the same unit many ways (市政府法制办, 市政府法制办公室), so
 * the search matches any part of a name or an alias. A name no unit has
 * can be added on the spot: typing it out is how a planner meets a unit
 * the first time. */

#define MAX_ROWS 200

typedef struct {
  gint64   id;
  char    *name;
  char    *key;          /* folded name */
  GStrv    aliases;
  GStrv    alias_keys;   /* folded, same order */
} Choice;

struct _AnpaiUnitChooser
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkListBox     *list;

  AnpaiProject   *project;
  GPtrArray      *choices;   /* of Choice, in the units' order */
  GArray         *row_ids;   /* gint64 per row; 0 for the Create row */
  GPtrArray      *rows;      /* the rows shown, not owned */
  char           *create_name;
};

G_DEFINE_FINAL_TYPE (AnpaiUnitChooser, anpai_unit_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_free (Choice *choice)
{
  g_free (choice->name);
  g_free (choice->key);
  g_strfreev (choice->aliases);
  g_strfreev (choice->alias_keys);
  g_free (choice);
}

/* Width, case and spacing vary between documents: （） vs (), ａ vs a. */
static char *
fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
load_choices (AnpaiUnitChooser *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (self->choices, 0);
  if (self->project == NULL)
    return;
  summaries = anpai_project_list_units (self->project, &error);
  if (summaries == NULL)
    {
      g_warning ("Could not list units: %s", error->message);
      return;
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      AnpaiUnitSummary *summary = g_ptr_array_index (summaries, i);
      Choice *choice = g_new0 (Choice, 1);
      GStrvBuilder *keys = g_strv_builder_new ();

      choice->id = summary->id;
      choice->name = g_strdup (summary->name);
      choice->key = fold (summary->name);
      if (summary->n_aliases > 0)
        {
          g_autoptr(AnpaiUnit) unit = anpai_project_load_unit (self->project, summary->id, NULL);

          if (unit != NULL)
            choice->aliases = g_strdupv ((GStrv) anpai_unit_get_aliases (unit));
        }
      if (choice->aliases == NULL)
        choice->aliases = g_new0 (char *, 1);
      for (char **alias = choice->aliases; *alias != NULL; alias++)
        {
          g_autofree char *key = fold (*alias);

          g_strv_builder_add (keys, key);
        }
      choice->alias_keys = g_strv_builder_end (keys);
      g_strv_builder_unref (keys);
      g_ptr_array_add (self->choices, choice);
    }
}

static GtkWidget *
make_row (const char *title,
          const char *detail,
          const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *extra = gtk_label_new (detail);

      gtk_widget_add_css_class (extra, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (extra), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), extra);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
add_row (AnpaiUnitChooser *self,
         GtkWidget        *row,
         gint64            id)
{
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->rows, row);
  g_array_append_val (self->row_ids, id);
}

/* Returns the alias of @choice that contains @key, if only an alias does. */
static const char *
matching_alias (Choice     *choice,
                const char *key)
{
  for (guint i = 0; choice->alias_keys[i] != NULL; i++)
    if (strstr (choice->alias_keys[i], key) != NULL)
      return choice->aliases[i];
  return NULL;
}

static void
refilter (AnpaiUnitChooser *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *key = fold (typed);
  g_autoptr(GPtrArray) by_alias = g_ptr_array_new ();

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->row_ids, 0);
  g_clear_pointer (&self->create_name, g_free);

  /* Name matches first: they are what the planner is most likely after. */
  for (guint i = 0; i < self->choices->len && self->rows->len < MAX_ROWS; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (strstr (choice->key, key) != NULL)
        add_row (self, make_row (choice->name, NULL, NULL), choice->id);
      else if (matching_alias (choice, key) != NULL)
        g_ptr_array_add (by_alias, choice);
    }
  for (guint i = 0; i < by_alias->len && self->rows->len < MAX_ROWS; i++)
    {
      Choice *choice = g_ptr_array_index (by_alias, i);

      add_row (self, make_row (choice->name, matching_alias (choice, key), NULL), choice->id);
    }

  if (*key != '\0' && self->project != NULL && anpai_project_find_unit (self->project, typed) == 0 &&
      !anpai_project_get_read_only (self->project))
    {
      /* Translators: a row that adds a unit of this name, e.g. Create “市数据局” */
      g_autofree char *title = g_strdup_printf (_("Create “%s”"), typed);

      self->create_name = g_steal_pointer (&typed);
      add_row (self, make_row (title, NULL, "list-add-symbolic"), 0);
    }
}

static void
choose (AnpaiUnitChooser *self,
        guint             index)
{
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (index >= self->row_ids->len || self->project == NULL)
    return;
  id = g_array_index (self->row_ids, gint64, index);
  project = g_object_ref (self->project);
  name = g_strdup (self->create_name);
  gtk_popover_popdown (GTK_POPOVER (self));

  if (id != 0)
    {
      g_signal_emit (self, signals[CHOSEN], 0, id);
      return;
    }

  /* Adding the unit and what the owner does with it are one undo step. */
  if (!anpai_project_begin (project, _("Add Unit"), &error) ||
      (id = anpai_project_ensure_unit (project, name, anpai_unit_name_classify (name), &error)) == 0)
    {
      if (anpai_project_in_edit (project))
        anpai_project_rollback (project);
      anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  g_signal_emit (self, signals[CHOSEN], 0, id);
  if (!anpai_project_commit (project, &error))
    anpai_window_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
row_activated_cb (AnpaiUnitChooser *self,
                  GtkListBoxRow    *row)
{
  choose (self, (guint) gtk_list_box_row_get_index (row));
}

/* Enter takes the unit of exactly that name, else the top row. */
static void
entry_activate_cb (AnpaiUnitChooser *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gint64 id;

  if (self->project == NULL)
    return;
  /* the list may lag behind the typing by the search delay */
  refilter (self);
  id = *typed != '\0' ? anpai_project_find_unit (self->project, typed) : 0;
  if (id > 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      g_signal_emit (self, signals[CHOSEN], 0, id);
      return;
    }
  choose (self, 0);
}

/* Down from the entry goes to the list; up from the top of the list goes
 * back to the entry. */
static gboolean
entry_key_pressed_cb (AnpaiUnitChooser *self,
                      guint             keyval,
                      guint             keycode,
                      GdkModifierType   state)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static gboolean
list_keynav_failed_cb (AnpaiUnitChooser *self,
                       GtkDirectionType  direction)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

/* Units change in other views, so the list is read again on each popup. */
static void
shown_cb (AnpaiUnitChooser *self)
{
  anpai_unit_chooser_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
anpai_unit_chooser_dispose (GObject *object)
{
  AnpaiUnitChooser *self = ANPAI_UNIT_CHOOSER (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_ids, g_array_unref);
  g_clear_pointer (&self->create_name, g_free);

  G_OBJECT_CLASS (anpai_unit_chooser_parent_class)->dispose (object);
}

static void
anpai_unit_chooser_class_init (AnpaiUnitChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anpai_unit_chooser_dispose;

  /**
   * AnpaiUnitChooser::chosen:
   * @unit_id: the unit picked, or just added
   *
   * For an added unit the handler runs inside the step that adds it, so
   * whatever it stores is undone together with the new unit.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
anpai_unit_chooser_init (AnpaiUnitChooser *self)
{
  GtkWidget *box, *scroller;
  GtkEventController *keys;

  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  self->rows = g_ptr_array_new ();
  self->row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search or add a unit"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Units"), -1);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_placeholder (self->list, gtk_label_new (_("No units")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"), -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->list, "keynav-failed", G_CALLBACK (list_keynav_failed_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (shown_cb), NULL);
}

GtkWidget *
anpai_unit_chooser_new (void)
{
  return g_object_new (ANPAI_TYPE_UNIT_CHOOSER, NULL);
}

void
anpai_unit_chooser_set_project (AnpaiUnitChooser *self,
                                AnpaiProject     *project)
{
  g_return_if_fail (ANPAI_IS_UNIT_CHOOSER (self));
  g_return_if_fail (project == NULL || ANPAI_IS_PROJECT (project));

  /* the list is read when the chooser pops up */
  if (g_set_object (&self->project, project))
    {
      g_ptr_array_set_size (self->choices, 0);
      refilter (self);
    }
}

/* Reads the project's units again and clears the search. */
void
anpai_unit_chooser_reload (AnpaiUnitChooser *self)
{
  g_return_if_fail (ANPAI_IS_UNIT_CHOOSER (self));

  load_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  refilter (self);
}

/* (transfer none) */
GtkEditable *
anpai_unit_chooser_get_entry (AnpaiUnitChooser *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

/* (transfer none) */
GtkListBox *
anpai_unit_chooser_get_list (AnpaiUnitChooser *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT_CHOOSER (self), NULL);
  return self->list;
}
