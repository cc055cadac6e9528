/* anpai-application.c — the Anpai application
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiApplication"

#include <glib/gi18n.h>

#include "anpai-application.h"
#include "anpai-resources.h"
#include "anpai-recent.h"
#include "anpai-sample.h"
#include "anpai-window.h"

struct _AnpaiApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AnpaiApplication, anpai_application, ADW_TYPE_APPLICATION)

/*
 * Windows
 */

/* The window already showing @path, so opening a file twice presents it. */
static AnpaiWindow *
find_window_for (AnpaiApplication *self,
                 const char       *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (ANPAI_IS_WINDOW (l->data) &&
        g_strcmp0 (anpai_window_get_path (l->data), canonical) == 0)
      return l->data;
  return NULL;
}

/* A window showing its start page can take the next project. */
static AnpaiWindow *
find_empty_window (AnpaiApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (ANPAI_IS_WINDOW (l->data) && anpai_window_get_path (l->data) == NULL &&
        !anpai_window_is_busy (l->data))
      return l->data;
  return NULL;
}

static AnpaiWindow *
new_window (AnpaiApplication *self)
{
  AnpaiWindow *window = anpai_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
anpai_application_open_path (AnpaiApplication *self,
                             const char       *path,
                             gboolean          read_only)
{
  AnpaiWindow *window;

  g_return_if_fail (ANPAI_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  window = find_window_for (self, path);
  if (window == NULL)
    {
      window = find_empty_window (self);
      if (window == NULL)
        window = new_window (self);
      anpai_window_open (window, path, read_only);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* "示例项目.anpai" in the user's data folder */
char *
anpai_application_dup_sample_path (void)
{
  /* Translators: the file name of the sample project, without extension */
  g_autofree char *name = g_strconcat (_("Sample Project"), ".anpai", NULL);

  return g_build_filename (g_get_user_data_dir (), "anpai", name, NULL);
}

/* The first start opens a ready sample so there is something to look at;
 * later starts reopen the last project, as a planner comes back to the same
 * one every day. */
static char *
choose_startup_project (AnpaiApplication *self)
{
  g_auto(GStrv) recent = NULL;

  if (!g_settings_get_boolean (self->settings, "sample-created"))
    {
      g_autofree char *sample = anpai_application_dup_sample_path ();
      g_autofree char *dir = g_path_get_dirname (sample);
      g_autoptr(GError) error = NULL;

      g_settings_set_boolean (self->settings, "sample-created", TRUE);
      if (g_file_test (sample, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&sample);

      g_mkdir_with_parents (dir, 0700);
      if (!anpai_sample_create_file (sample, &error))
        {
          g_warning ("Could not create the sample project: %s", error->message);
          return NULL;
        }
      return g_steal_pointer (&sample);
    }

  recent = g_settings_get_strv (self->settings, "recent-projects");
  if (recent[0] != NULL && g_file_test (recent[0], G_FILE_TEST_IS_REGULAR))
    return g_strdup (recent[0]);
  return NULL;
}

static void
anpai_application_activate (GApplication *app)
{
  AnpaiApplication *self = ANPAI_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (new_window (self));
  path = choose_startup_project (self);
  if (path != NULL)
    anpai_window_open (ANPAI_WINDOW (window), path, FALSE);
}

static void
anpai_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AnpaiApplication *self = ANPAI_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_warning ("Cannot open %s: only local files can be opened", uri);
          continue;
        }
      anpai_application_open_path (self, path, FALSE);
    }
}

/*
 * Actions
 */

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (ANPAI_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AnpaiApplication *self = ANPAI_APPLICATION (user_data);
  GList *windows;

  /* Closing each window saves its size and releases its project. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  static const char *developers[] = { "The Anpai authors", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Anpai"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Anpai authors"),
                         "developers", developers,
                         "website", "https://github.com/anpai/anpai",
                         "issue-url", "https://github.com/anpai/anpai/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Anpai authors",
                         "comments", _("Break work plans into tasks and timelines"),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (parent, "help:anpai", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

static void
anpai_application_startup (GApplication *app)
{
  AnpaiApplication *self = ANPAI_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.new-window", { "<Shift><Control>n", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control>o", NULL } },
    { "win.save-copy", { "<Shift><Control>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.close-project", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.show-view('plans')", { "<Alt>1", NULL } },
    { "win.show-view('outline')", { "<Alt>2", NULL } },
    { "win.show-view('units')", { "<Alt>3", NULL } },
    { "win.show-view('timeline')", { "<Alt>4", NULL } },
  };

  G_APPLICATION_CLASS (anpai_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
anpai_application_dispose (GObject *object)
{
  AnpaiApplication *self = ANPAI_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (anpai_application_parent_class)->dispose (object);
}

void
anpai_application_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      anpai_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
anpai_application_class_init (AnpaiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = anpai_application_dispose;
  app_class->activate = anpai_application_activate;
  app_class->open = anpai_application_open;
  app_class->startup = anpai_application_startup;

  anpai_application_register_resources ();
}

static void
anpai_application_init (AnpaiApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

AnpaiApplication *
anpai_application_new (void)
{
  return g_object_new (ANPAI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* (transfer none) */
GSettings *
anpai_application_get_settings (AnpaiApplication *self)
{
  g_return_val_if_fail (ANPAI_IS_APPLICATION (self), NULL);
  return self->settings;
}
