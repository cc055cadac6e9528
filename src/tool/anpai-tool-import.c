/* anpai-tool-import.c — anpai-tool import
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "anpai-import-commit.h"
#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "anpai-tool.h"

/* Every document is read and parsed before the project is touched: a bad
 * second document means nothing is imported, not half. Each document is
 * then one undoable step in the project, as in the app. */

static AnpaiImportPlan *
read_and_parse (const char                *path,
                const AnpaiImportOptions  *options,
                GError                   **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(AnpaiImportSource) source = NULL;

  source = anpai_import_read_file (file, NULL, error);
  if (source == NULL)
    return NULL;
  return anpai_import_parse (source, options, error);
}

int
anpai_tool_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DOC…");
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_import_plan_free);
  g_autoptr(AnpaiProject) project = NULL;
  g_autofree char *into = NULL;
  g_autofree char *period = NULL;
  AnpaiImportOptions options = { 0 };
  int year = 0;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("The project to import into (created if absent)"), "PROJECT.anpai" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The plan’s year, when the document does not say"), "Y" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("The plan’s period, e.g. 2023-2024"), "Y1-Y2" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!anpai_tool_parse (context, &argc, &argv))
    return 1;
  if (into == NULL)
    {
      anpai_tool_error ("%s", _("Say which project to import into with --into PROJECT.anpai."));
      return 1;
    }
  if (argc < 2)
    {
      anpai_tool_error (_("Expected one argument: %s"), "DOC");
      return 1;
    }
  if (year != 0 && (year < 1900 || year > 2200))
    {
      anpai_tool_error (_("“%d” is not a year."), year);
      return 1;
    }
  options.year = year;
  if (period != NULL)
    {
      GDate start, end;

      if (!anpai_tool_parse_period (period, &start, &end))
        {
          anpai_tool_error (_("“%s” is not a period such as 2023-2024."), period);
          return 1;
        }
      options.period_first = g_date_get_year (&start);
      options.period_last = g_date_get_year (&end);
    }

  for (int i = 1; i < argc; i++)
    {
      AnpaiImportPlan *plan = read_and_parse (argv[i], &options, &error);

      if (plan == NULL)
        return anpai_tool_fail (error);
      g_ptr_array_add (plans, plan);
    }

  if (g_file_test (into, G_FILE_TEST_EXISTS))
    project = anpai_project_open (into, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  else
    project = anpai_project_create (into, &error);
  if (project == NULL)
    return anpai_tool_fail (error);

  for (guint i = 0; i < plans->len; i++)
    {
      AnpaiImportPlan *plan = g_ptr_array_index (plans, i);
      int n_tasks = anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK);
      g_autofree char *id_text = NULL;
      gint64 id;

      anpai_import_match_units (plan, project);
      id = anpai_import_commit (project, plan, NULL, &error);
      if (id == 0)
        return anpai_tool_fail (error);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: the first %s is the plan's title, the second its id */
      printf (g_dngettext (GETTEXT_PACKAGE, "Imported “%s”: plan %s, %d task\n",
                           "Imported “%s”: plan %s, %d tasks\n", n_tasks),
              *plan->title != '\0' ? plan->title : plan->source_name, id_text, n_tasks);
    }
  return 0;
}
