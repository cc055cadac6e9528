/* anpai-display.c — how file paths and units' names are shown to people
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

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

static void
append_names (GString            *text,
              const char * const *names,
              guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (text, "、");
      g_string_append (text, names[i]);
    }
}

char *
anpai_display_unit_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  append_names (text, (const char * const *) names->pdata, names->len);
  return g_string_free (text, FALSE);
}

/* A task's other units as a cell shows them: the co-responsible units on
 * one line, the supporting ones (配合单位) on the next, marked as such. */
char *
anpai_display_other_units (const char * const *co,
                           guint               n_co,
                           const char * const *support,
                           guint               n_support)
{
  GString *text = g_string_new (NULL);

  append_names (text, co, n_co);
  if (n_support > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: before the list of supporting units (配合单位) */
      g_string_append (text, _("Supporting: "));
      append_names (text, support, n_support);
    }
  return g_string_free (text, FALSE);
}
