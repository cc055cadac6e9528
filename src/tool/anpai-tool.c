/* anpai-tool.c — the command line over the Anpai core
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-tool.h"

/* Contract (DESIGN.md): exit 0 on success; on a user error, exit 1 with one
 * clear line on stderr and nothing else; never a crash. Output is UTF-8
 * whatever the locale, since it is read by programs as often as by people. */

static const struct {
  const char       *name;
  AnpaiToolCommand  run;
  const char       *synopsis;
} commands[] = {
  { "new",        anpai_tool_new,        "new PROJECT.anpai" },
  { "sample",     anpai_tool_sample,     "sample PROJECT.anpai" },
  { "dump",       anpai_tool_dump,       "dump PROJECT.anpai" },
  { "import",     anpai_tool_import,     "import DOC… --into PROJECT.anpai [--year Y] [--period Y1-Y2]" },
  { "export",     anpai_tool_export,     "export PROJECT.anpai --format csv|xlsx|docx|pdf-table|ics|mspdi --out FILE\n"
                                         "             [--plan ID] [--unit NAME] [--status S] [--from DATE --to DATE]\n"
                                         "             [--paper A4|A3] [--with-status] [--per-unit] [--gb18030]\n"
                                         "  anpai-tool export PROJECT.anpai --format pdf-timeline|png-timeline --out FILE\n"
                                         "             [--plan ID] [--unit NAME] [--status S] [--from DATE --to DATE]\n"
                                         "             [--paper A4|A3] [--group-by outline|unit] [--color-by status|unit]\n"
                                         "             [--zoom year|quarter|month|week] [--pages-across N] [--width PIXELS]" },
  { "parse-time", anpai_tool_parse_time, "parse-time TEXT [--period Y1-Y2]" },
};

void
anpai_tool_error (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "anpai-tool: %s\n", message);
}

int
anpai_tool_fail (GError *error)
{
  anpai_tool_error ("%s", error->message);
  g_error_free (error);
  return 1;
}

void
anpai_tool_print (const char *utf8)
{
  fputs (utf8, stdout);
  fflush (stdout);
}

gboolean
anpai_tool_parse (GOptionContext  *context,
                  int             *argc,
                  char          ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      anpai_tool_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* "2023-2024", "2023—2024" or "2018" → the period's first and last day. */
gboolean
anpai_tool_parse_period (const char *text,
              GDate      *start,
              GDate      *end)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  char *rest = NULL;
  gint64 first, last;

  if (norm == NULL)
    return FALSE;
  first = g_ascii_strtoll (norm, &rest, 10);
  if (rest == norm)
    return FALSE;
  last = first;
  if (*rest != '\0')
    {
      const char *p = rest;

      /* any dash between the years: -, –, — (NFKC leaves the long ones) */
      if (g_str_has_prefix (p, "-"))
        p += 1;
      else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
        p += strlen ("—");
      else
        return FALSE;
      last = g_ascii_strtoll (p, &rest, 10);
      if (rest == p || *rest != '\0')
        return FALSE;
    }
  if (first < 1900 || last > 2200 || last < first)
    return FALSE;
  anpai_date_set_ymd (start, first, 1, 1);
  anpai_date_set_ymd (end, last, 12, 31);
  return TRUE;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: anpai-tool COMMAND [ARGUMENTS…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  anpai-tool %s\n", commands[i].synopsis);
  fprintf (out, "\n%s\n", _("Run “anpai-tool COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("anpai-tool");

  if (argc < 2)
    {
      anpai_tool_error ("%s", _("No command given. Run “anpai-tool --help” for the list."));
      return 1;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("anpai-tool %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  anpai_tool_error (_("Unknown command “%s”. Run “anpai-tool --help” for the list."), argv[1]);
  return 1;
}
