/* anpai-window.h — a window showing one project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-application.h"
#include "anpai-project.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_WINDOW (anpai_window_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiWindow, anpai_window, ANPAI, WINDOW, AdwApplicationWindow)

AnpaiWindow   *anpai_window_new           (AnpaiApplication *application);
void           anpai_window_open          (AnpaiWindow      *self,
                                           const char       *path,
                                           gboolean          read_only);
void           anpai_window_close_project (AnpaiWindow      *self);
AnpaiProject  *anpai_window_get_project   (AnpaiWindow      *self);
const char    *anpai_window_get_path      (AnpaiWindow      *self);
gboolean       anpai_window_is_busy       (AnpaiWindow      *self);
void           anpai_window_toast         (GtkWidget        *widget,
                                           const char       *title,
                                           const char       *button_label,
                                           const char       *action_name);

G_END_DECLS
