/* anpai-recent.h — the recent projects of the start page
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANPAI_RECENT_MAX 12

void  anpai_recent_add    (GSettings  *settings,
                           const char *path);
void  anpai_recent_remove (GSettings  *settings,
                           const char *path);

G_END_DECLS
