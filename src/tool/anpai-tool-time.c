/* anpai-tool-time.c — anpai-tool parse-time
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-dump.h"
#include "anpai-time-spec.h"
#include "anpai-tool.h"

int
anpai_tool_parse_time (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TEXT");
  g_autoptr(AnpaiTimeSpec) spec = NULL;
  g_autofree char *period = NULL;
  g_autofree char *json = NULL;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("The plan’s period, e.g. 2023-2024 or 2018"), "Y1-Y2" },
    { NULL }
  };
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!anpai_tool_parse (context, &argc, &argv))
    return 1;
  if (argc != 2)
    {
      anpai_tool_error (_("Expected one argument: %s"), "TEXT");
      return 1;
    }
  if (!g_utf8_validate (argv[1], -1, NULL))
    {
      anpai_tool_error ("%s", _("The text is not valid UTF-8."));
      return 1;
    }
  if (period != NULL && !anpai_tool_parse_period (period, &start, &end))
    {
      anpai_tool_error (_("“%s” is not a period such as 2023-2024."), period);
      return 1;
    }

  spec = anpai_time_spec_parse (argv[1], &start, &end);
  json = anpai_dump_time (spec);
  anpai_tool_print (json);
  return 0;
}
