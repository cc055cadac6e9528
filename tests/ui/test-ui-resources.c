/* test-ui-resources.c — every .ui file builds
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-ui-test-util.h"
#include "anpai-date-row.h"
#include "anpai-export-dialog.h"
#include "anpai-import-dialog.h"
#include "anpai-import-outline.h"
#include "anpai-outline-view.h"
#include "anpai-plan-editor.h"
#include "anpai-plans-view.h"
#include "anpai-start-page.h"
#include "anpai-timeline-view.h"
#include "anpai-task-editor.h"
#include "anpai-units-view.h"
#include "anpai-window.h"

/* Templates are built by instantiating their class (a typo in a property or
 * a missing child is a critical, and criticals are fatal here); plain .ui
 * files go through GtkBuilder. */
static void
test_all_ui_files (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  int built = 0;

  /* the types templates name, so g_type_from_name() finds them */
  g_type_ensure (ANPAI_TYPE_WINDOW);
  g_type_ensure (ANPAI_TYPE_START_PAGE);
  g_type_ensure (ANPAI_TYPE_PLANS_VIEW);
  g_type_ensure (ANPAI_TYPE_PLAN_EDITOR);
  g_type_ensure (ANPAI_TYPE_DATE_ROW);
  g_type_ensure (ANPAI_TYPE_IMPORT_DIALOG);
  g_type_ensure (ANPAI_TYPE_EXPORT_DIALOG);
  g_type_ensure (ANPAI_TYPE_IMPORT_OUTLINE);
  g_type_ensure (ANPAI_TYPE_OUTLINE_VIEW);
  g_type_ensure (ANPAI_TYPE_TIMELINE_VIEW);
  g_type_ensure (ANPAI_TYPE_TASK_EDITOR);
  g_type_ensure (ANPAI_TYPE_UNITS_VIEW);
  g_type_ensure (ANPAI_TYPE_MATRIX_VIEW);
  names = g_resources_enumerate_children (RESOURCE_BASE "/", 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      const char *xml, *tmpl;

      if (g_str_has_suffix (names[i], "/"))
        {
          g_auto(GStrv) sub = g_resources_enumerate_children (path, 0, NULL);

          for (guint j = 0; sub != NULL && sub[j] != NULL; j++)
            if (g_str_has_suffix (sub[j], ".ui"))
              {
                g_autofree char *sub_path = g_strconcat (path, sub[j], NULL);
                g_autoptr(GtkBuilder) builder = gtk_builder_new ();

                g_test_message ("Building %s", sub_path);
                gtk_builder_add_from_resource (builder, sub_path, &error);
                g_assert_no_error (error);
                built++;
              }
          continue;
        }
      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      xml = g_bytes_get_data (bytes, NULL);
      tmpl = strstr (xml, "<template class=\"");
      g_test_message ("Building %s", path);
      if (tmpl != NULL)
        {
          g_autofree char *type_name = NULL;
          const char *start = tmpl + strlen ("<template class=\"");
          GType type;
          GtkWidget *widget;

          type_name = g_strndup (start, strchr (start, '"') - start);
          type = g_type_from_name (type_name);
          g_assert_true (type != G_TYPE_INVALID);
          widget = g_object_ref_sink (g_object_new (type, NULL));
          if (GTK_IS_WINDOW (widget))
            gtk_window_destroy (GTK_WINDOW (widget));
          g_object_unref (widget);
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
        }
      built++;
    }
  /* window, start page, plans view, plan editor, import dialog, shortcuts */
  g_assert_cmpint (built, >=, 6);
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/ui/resources/all-ui-files", test_all_ui_files);
  return g_test_run ();
}
