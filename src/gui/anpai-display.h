/* anpai-display.h — how file paths are shown to people
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *anpai_display_project_name (const char *path);
char *anpai_display_folder       (const char *path);

G_END_DECLS
