/* anpai-sample.h — the sample project a new user opens first
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

AnpaiProject *anpai_sample_create (const char    *path,
                                   GError       **error);
gboolean      anpai_sample_fill   (AnpaiProject  *project,
                                   GError       **error);
gboolean      anpai_sample_create_file (const char *path,
                                   GError       **error);

G_END_DECLS
