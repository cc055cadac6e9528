/* anpai-ui-test-util.c — helpers of the UI tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-application.h"
#include "anpai-sample.h"
#include "anpai-ui-test-util.h"

#include <sqlite3.h>

/* Returns FALSE when there is no display, after telling TAP the test is
 * skipped; build-aux/test.sh always gives it one, under Xvfb. */
gboolean
anpai_ui_test_init (int    *argc,
                    char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  anpai_application_register_resources ();
  /* Transitions would put half-drawn frames in the pictures. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("Timed out waiting for the UI");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@condition is TRUE (at most 20 s). */
void
anpai_ui_test_wait (gboolean *condition)
{
  guint id = g_timeout_add_seconds (20, timeout_cb, NULL);

  while (!*condition)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
anpai_ui_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_cb, &done);
  anpai_ui_test_wait (&done);
}

static const char *
title_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_ENTRY (widget))
    return gtk_entry_get_placeholder_text (GTK_ENTRY (widget));
  return NULL;
}

/* The first widget of @type under @root (whose title or label is @title,
 * if given), depth first. */
GtkWidget *
anpai_ui_test_find (GtkWidget  *root,
                    GType       type,
                    const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || g_strcmp0 (title_of (root), title) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = anpai_ui_test_find (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
anpai_ui_test_find_entry_row (GtkWidget  *root,
                              const char *text)
{
  if (ADW_IS_ENTRY_ROW (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = anpai_ui_test_find_entry_row (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Visible and mapped: what a user can see. */
gboolean
anpai_ui_test_is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_is_visible (widget);
}

/* Renders @widget as it is on screen into $G_TEST_BUILDDIR/NAME.png and
 * returns the path. */
char *
anpai_ui_test_save_png (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                 file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = 0, height = 0;

  /* A window presented a moment ago has no size until its first layout,
   * and a widget that changed has nothing to paint until its next frame:
   * on a loaded machine that can take a while, so wait for both. */
  for (int i = 0; i < 200 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      anpai_ui_test_iterate (10);
      if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
        continue;
      gtk_test_widget_wait_for_draw (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

static char *
sql_first_value (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

gint64
anpai_ui_test_sql_int (const char *path,
                       const char *format,
                       ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  value = sql_first_value (path, sql);
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : -1;
}

char *
anpai_ui_test_sql_text (const char *path,
                        const char *format,
                        ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sql_first_value (path, sql);
}

static void
project_cb (AnpaiWindow *window,
            GParamSpec  *pspec,
            gboolean    *opened)
{
  *opened = anpai_window_get_project (window) != NULL;
}

AnpaiWindow *
anpai_ui_test_open_sample (const char        *name,
                           int                width,
                           int                height,
                           AnpaiApplication **app,
                           char             **dir,
                           char             **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strdup_printf ("anpai-ui-%s-XXXXXX", name);
  g_autofree char *file = g_strdup_printf ("%s.anpai", name);
  AnpaiWindow *window;
  gboolean opened = FALSE;
  gulong handler;

  *dir = g_dir_make_tmp (pattern, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, file, NULL);
  g_assert_true (anpai_sample_create_file (*path, &error));
  g_assert_no_error (error);

  *app = anpai_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  window = anpai_window_new (*app);
  handler = g_signal_connect (window, "notify::project", G_CALLBACK (project_cb), &opened);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  anpai_window_open (window, *path, FALSE);
  anpai_ui_test_wait (&opened);
  g_signal_handler_disconnect (window, handler);
  return window;
}

void
anpai_ui_test_close_sample (AnpaiWindow      *window,
                            AnpaiApplication *app,
                            const char       *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  gtk_window_destroy (GTK_WINDOW (window));
  anpai_ui_test_iterate (50);
  g_object_unref (app);
  g_assert_cmpint (system (cmd), ==, 0);
}
