/* anpai-file-lock.h — one editor per project file, across processes
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   anpai_file_lock_acquire (const char  *path,
                               GError     **error);
void  anpai_file_lock_release (int          fd);

G_END_DECLS
