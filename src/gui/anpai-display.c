/* anpai-display.c — how file paths are shown to people
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-display.h"

/* "工作安排" for /home/li/文档/工作安排.anpai: the extension says nothing. */
char *
anpai_display_project_name (const char *path)
{
  char *name = g_filename_display_basename (path);

  if (g_str_has_suffix (name, ".anpai") && strlen (name) > strlen (".anpai"))
    name[strlen (name) - strlen (".anpai")] = '\0';
  return name;
}

/* "~/文档" for a file in /home/li/文档. */
char *
anpai_display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && strncmp (dir, home, len) == 0 && (dir[len] == '/' || dir[len] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (dir + len);

      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (dir);
}
