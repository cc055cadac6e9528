/* anpai-recent.c — the recent projects of the start page
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "anpai-recent.h"

/* Anpai keeps its own list in GSettings, newest first, for the start page
 * (a sandboxed app sees only its own recent files anyway), and also tells
 * GtkRecentManager so the desktop's recent files show the project. */

static void
store (GSettings  *settings,
       const char *first,
       const char *without)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < ANPAI_RECENT_MAX; i++)
    if (g_strcmp0 (old[i], first) != 0 && g_strcmp0 (old[i], without) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) list);
}

void
anpai_recent_add (GSettings  *settings,
                  const char *path)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) "application/x-anpai-project",
    .app_name = (char *) "Anpai",
    .app_exec = (char *) "anpai %u",
  };

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  store (settings, path, NULL);

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
anpai_recent_remove (GSettings  *settings,
                     const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  store (settings, NULL, path);
}
