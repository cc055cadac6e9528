/* anpai-db.h — small helpers over the SQLite C API (core-internal)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

gboolean       anpai_db_exec             (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt  *anpai_db_prepare          (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);
gboolean       anpai_db_step_done        (sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean       anpai_db_query_int64      (sqlite3       *db,
                                          const char    *sql,
                                          gint64        *value,
                                          GError       **error);
void           anpai_db_set_error        (GError       **error,
                                          sqlite3       *db,
                                          int            rc,
                                          const char    *what);
int            anpai_db_error_code_for   (int            rc);

void           anpai_db_bind_text        (sqlite3_stmt  *stmt,
                                          int            col,
                                          const char    *text);
void           anpai_db_bind_text_or_null (sqlite3_stmt *stmt,
                                          int            col,
                                          const char    *text);
void           anpai_db_bind_id_or_null  (sqlite3_stmt  *stmt,
                                          int            col,
                                          gint64         id);
const char    *anpai_db_column_text      (sqlite3_stmt  *stmt,
                                          int            col);
char          *anpai_db_column_dup       (sqlite3_stmt  *stmt,
                                          int            col);

G_END_DECLS
