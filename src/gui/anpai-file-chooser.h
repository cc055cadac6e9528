/* anpai-file-chooser.h — choosing project files, in one place
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*AnpaiFileChosenFunc) (GtkWindow  *parent,
                                     const char *path,
                                     gpointer    user_data);

void anpai_file_chooser_open_project (GtkWindow           *parent,
                                      GSettings           *settings,
                                      AnpaiFileChosenFunc  callback,
                                      gpointer             user_data);
void anpai_file_chooser_open_document (GtkWindow           *parent,
                                       GSettings           *settings,
                                       AnpaiFileChosenFunc  callback,
                                       gpointer             user_data);
void anpai_file_chooser_save         (GtkWindow           *parent,
                                      GSettings           *settings,
                                      const char          *title,
                                      const char          *accept_label,
                                      const char          *suggested_name,
                                      GtkFileFilter       *filter,
                                      AnpaiFileChosenFunc  callback,
                                      gpointer             user_data);
void anpai_file_chooser_save_project (GtkWindow           *parent,
                                      GSettings           *settings,
                                      const char          *title,
                                      const char          *accept_label,
                                      const char          *suggested_name,
                                      AnpaiFileChosenFunc  callback,
                                      gpointer             user_data);

G_END_DECLS
