/* test-ui-export.c — the Export dialog, driven as a planner would
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-application.h"
#include "anpai-ui-test-util.h"
#include "anpai-window-private.h"

typedef struct {
  AnpaiApplication *app;
  AnpaiWindow      *window;
  char             *dir;
  char             *path;
  char             *exported;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = anpai_ui_test_open_sample ("export", 0, 0, &f->app, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  anpai_ui_test_close_sample (f->window, f->app, f->dir);
  g_free (f->exported);
  g_free (f->path);
  g_free (f->dir);
}

static void
exported_cb (AnpaiExportDialog *dialog,
             const char        *path,
             Fixture           *f)
{
  g_free (f->exported);
  f->exported = g_strdup (path);
}

/* The plan on screen is the scope; the file holds its tasks; the format is
 * remembered for next time; a failed export says why and keeps the dialog. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  AnpaiExportDialog *dialog;
  g_autofree char *out = g_build_filename (f->dir, "任务分解表.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "x.csv", NULL);
  g_autofree char *contents = NULL;
  AnpaiExportOptions options;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "outline");
  anpai_outline_view_set_plan (f->window->outline_view, 2);
  dialog = _anpai_window_new_export_dialog (f->window);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), f);
  anpai_ui_test_iterate (50);
  anpai_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.plan_id, ==, 2);
  g_free (anpai_ui_test_save_png (GTK_WIDGET (dialog), "ui-export"));

  anpai_export_dialog_set_format (dialog, ANPAI_EXPORT_CSV);
  g_assert_false (anpai_export_dialog_export_to (dialog, bad));
  g_assert_null (f->exported);

  g_assert_true (anpai_export_dialog_export_to (dialog, out));
  g_assert_cmpstr (f->exported, ==, out);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  /* UTF-8 with a BOM, plan 2's tasks, not plan 1's */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "深化“一网通办”改革"));
  g_assert_null (strstr (contents, "推进政务服务标准化建设"));
  g_assert_cmpstr (g_settings_get_string (settings, "export-format"), ==, "csv");

  /* the next dialog starts from the last choice */
  dialog = _anpai_window_new_export_dialog (f->window);
  g_assert_cmpint (anpai_export_dialog_get_format (dialog), ==, ANPAI_EXPORT_CSV);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  if (!anpai_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/ui/export/csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  return g_test_run ();
}
