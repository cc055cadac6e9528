/* anpai-application.h — the Anpai application
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANPAI_TYPE_APPLICATION (anpai_application_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiApplication, anpai_application, ANPAI, APPLICATION, AdwApplication)

AnpaiApplication *anpai_application_new            (void);
GSettings        *anpai_application_get_settings   (AnpaiApplication *self);
void              anpai_application_open_path      (AnpaiApplication *self,
                                                    const char       *path,
                                                    gboolean          read_only);
char             *anpai_application_dup_sample_path (void);
void              anpai_application_register_resources (void);

G_END_DECLS
