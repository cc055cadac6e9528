/* anpai-start-page.c — what a window shows without a project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-display.h"
#include "anpai-recent.h"
#include "anpai-start-page.h"

struct _AnpaiStartPage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkWidget  *recent_group;
  GtkListBox *recent_list;

  /* Owned */
  GSettings  *settings;
};

G_DEFINE_FINAL_TYPE (AnpaiStartPage, anpai_start_page, ADW_TYPE_BIN)

static void
remove_clicked_cb (GtkButton      *button,
                   AnpaiStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  anpai_recent_remove (self->settings, path);
}

static GtkWidget *
create_row (AnpaiStartPage *self,
            const char     *path)
{
  g_autofree char *name = anpai_display_project_name (path);
  g_autofree char *folder = anpai_display_folder (path);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove From List"), -1);
  g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (path), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
recent_changed_cb (AnpaiStartPage *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-projects");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  /* Files that went away (a removed USB stick) are kept but not shown. */
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
      {
        gtk_list_box_append (self->recent_list, create_row (self, paths[i]));
        shown++;
      }
  gtk_widget_set_visible (self->recent_group, shown > 0);
}

static void
anpai_start_page_map (GtkWidget *widget)
{
  AnpaiStartPage *self = ANPAI_START_PAGE (widget);

  /* Files may have come and gone since the page was last shown. */
  if (self->settings != NULL)
    recent_changed_cb (self);

  GTK_WIDGET_CLASS (anpai_start_page_parent_class)->map (widget);
}

static void
anpai_start_page_dispose (GObject *object)
{
  AnpaiStartPage *self = ANPAI_START_PAGE (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANPAI_TYPE_START_PAGE);

  G_OBJECT_CLASS (anpai_start_page_parent_class)->dispose (object);
}

static void
anpai_start_page_class_init (AnpaiStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anpai_start_page_dispose;
  widget_class->map = anpai_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anpai-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnpaiStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AnpaiStartPage, recent_list);
}

static void
anpai_start_page_init (AnpaiStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
anpai_start_page_set_settings (AnpaiStartPage *self,
                               GSettings      *settings)
{
  g_return_if_fail (ANPAI_IS_START_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::recent-projects",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  recent_changed_cb (self);
}
