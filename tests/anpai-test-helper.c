/* anpai-test-helper.c — a second Anpai process for the tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "anpai-project.h"

/* hold PATH:   open PATH for editing, print "ready", wait for stdin to close
 * edits PATH:  add plans one by one forever, printing each one's number
 *              after its commit; the crash test kills it with SIGKILL */

static int
hold (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = anpai_project_open (path, 0, &error);
  char buf[64];

  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  while (fgets (buf, sizeof buf, stdin) != NULL)
    ;
  return 0;
}

static int
edits (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = anpai_project_open (path, 0, &error);

  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (int i = 1; ; i++)
    {
      g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
      g_autofree char *title = g_strdup_printf ("计划 %d", i);

      anpai_plan_set_title (plan, title);
      anpai_plan_set_period_start (plan, "2026-01-01");
      anpai_plan_set_period_end (plan, "2026-12-31");
      if (anpai_project_add_plan (project, plan, &error) == 0)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* Printed only once the commit returned: the edit is durable. */
      printf ("%d\n", i);
      fflush (stdout);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "hold"))
    return hold (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "edits"))
    return edits (argv[2]);
  fprintf (stderr, "usage: anpai-test-helper hold|edits PATH\n");
  return 2;
}
