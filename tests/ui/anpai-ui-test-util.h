/* anpai-ui-test-util.h — helpers of the UI tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anpai-window.h"

G_BEGIN_DECLS

gboolean    anpai_ui_test_init        (int          *argc,
                                       char       ***argv);
void        anpai_ui_test_wait        (gboolean     *condition);
void        anpai_ui_test_iterate     (guint         ms);
GtkWidget  *anpai_ui_test_find        (GtkWidget    *root,
                                       GType         type,
                                       const char   *title);
/* The first AdwEntryRow under @root holding @text, depth first. */
GtkWidget  *anpai_ui_test_find_entry_row (GtkWidget *root,
                                          const char *text);
gboolean    anpai_ui_test_is_shown    (GtkWidget    *widget);
char       *anpai_ui_test_save_png    (GtkWidget    *widget,
                                       const char   *name);
/* The first column of the first row a query gives on the project file, read
 * with a connection of its own: what is really in the file. */
gint64      anpai_ui_test_sql_int     (const char   *path,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (2, 3);
char       *anpai_ui_test_sql_text    (const char   *path,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* The sample project, in a new temporary folder @dir as @path (named
 * after @name), open in a new window of a new application, @width ×
 * @height (0: the default size); and all of it gone again. */
AnpaiWindow *anpai_ui_test_open_sample  (const char        *name,
                                         int                width,
                                         int                height,
                                         AnpaiApplication **app,
                                         char             **dir,
                                         char             **path);
void         anpai_ui_test_close_sample (AnpaiWindow       *window,
                                         AnpaiApplication  *app,
                                         const char        *dir);

G_END_DECLS
