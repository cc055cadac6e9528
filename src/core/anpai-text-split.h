/* anpai-text-split.h — splitting lists of names written in Chinese documents
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GStrv anpai_split_outside_brackets (const char *text,
                                    const char *separators);

G_END_DECLS
