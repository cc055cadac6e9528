/* main.c — the anpai program
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "anpai-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AnpaiApplication) app = NULL;

  /* Plans are written in Simplified Chinese whatever the interface language:
   * Pango chooses the face for Han characters by language, and without this
   * an English desktop shows them with Japanese glyphs. */
  g_setenv ("PANGO_LANGUAGE", "zh-cn", FALSE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = anpai_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
