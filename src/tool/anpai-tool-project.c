/* anpai-tool-project.c — anpai-tool new, sample and dump
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-dump.h"
#include "anpai-project.h"
#include "anpai-sample.h"
#include "anpai-tool.h"

/* Parses the options and returns the single PROJECT argument, or NULL after
 * reporting the error. */
static const char *
project_argument (int          *argc,
                  char       ***argv,
                  const char   *parameter)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);

  if (!anpai_tool_parse (context, argc, argv))
    return NULL;
  if (*argc != 2)
    {
      anpai_tool_error (_("Expected one argument: %s"), parameter);
      return NULL;
    }
  return (*argv)[1];
}

int
anpai_tool_new (int    argc,
                char **argv)
{
  g_autoptr(AnpaiProject) project = NULL;
  GError *error = NULL;
  const char *path;

  path = project_argument (&argc, &argv, "PROJECT.anpai");
  if (path == NULL)
    return 1;
  project = anpai_project_create (path, &error);
  if (project == NULL)
    return anpai_tool_fail (error);
  return 0;
}

int
anpai_tool_sample (int    argc,
                   char **argv)
{
  g_autoptr(AnpaiProject) project = NULL;
  GError *error = NULL;
  const char *path;

  path = project_argument (&argc, &argv, "PROJECT.anpai");
  if (path == NULL)
    return 1;
  project = anpai_sample_create (path, &error);
  if (project == NULL)
    return anpai_tool_fail (error);
  return 0;
}

int
anpai_tool_dump (int    argc,
                 char **argv)
{
  g_autoptr(AnpaiProject) project = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;
  const char *path;

  path = project_argument (&argc, &argv, "PROJECT.anpai");
  if (path == NULL)
    return 1;
  /* Read-only: dumping never changes the file, even an older one. */
  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    return anpai_tool_fail (error);
  json = anpai_dump_project (project, &error);
  if (json == NULL)
    return anpai_tool_fail (error);
  anpai_tool_print (json);
  return 0;
}
