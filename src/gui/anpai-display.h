/* anpai-display.h — how file paths and units' names are shown to people
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *anpai_display_project_name (const char *path);
char *anpai_display_folder       (const char *path);
/* Units' names as a plan writes them: 市司法局、市财政局 */
char *anpai_display_unit_names   (GPtrArray          *names);
char *anpai_display_other_units  (const char * const *co,
                                  guint               n_co,
                                  const char * const *support,
                                  guint               n_support);

G_END_DECLS
