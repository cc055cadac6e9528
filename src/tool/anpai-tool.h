/* anpai-tool.h — what the commands of anpai-tool share
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each command returns the process exit status: 0, or 1 after printing one
 * line to stderr with anpai_tool_error(). */
typedef int (*AnpaiToolCommand) (int argc, char **argv);

void  anpai_tool_error       (const char *format,
                              ...) G_GNUC_PRINTF (1, 2);
int   anpai_tool_fail        (GError     *error);
void  anpai_tool_print       (const char *utf8);
gboolean anpai_tool_parse    (GOptionContext *context,
                              int            *argc,
                              char         ***argv);

int   anpai_tool_new         (int argc, char **argv);
int   anpai_tool_dump        (int argc, char **argv);
int   anpai_tool_sample      (int argc, char **argv);
int   anpai_tool_parse_time  (int argc, char **argv);
int   anpai_tool_import      (int argc, char **argv);
int   anpai_tool_export      (int argc, char **argv);

gboolean anpai_tool_parse_period (const char *text,
                                  GDate      *start,
                                  GDate      *end);

G_END_DECLS
