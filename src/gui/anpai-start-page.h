/* anpai-start-page.h — what a window shows without a project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANPAI_TYPE_START_PAGE (anpai_start_page_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiStartPage, anpai_start_page, ANPAI, START_PAGE, AdwBin)

void anpai_start_page_set_settings (AnpaiStartPage *self,
                                    GSettings      *settings);

G_END_DECLS
