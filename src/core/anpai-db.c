/* anpai-db.c — small helpers over the SQLite C API
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "anpai-db.h"
#include "anpai-error.h"

/* Maps an SQLite result code onto the project error a user can act on. */
int
anpai_db_error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ANPAI_PROJECT_ERROR_DAMAGED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ANPAI_PROJECT_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ANPAI_PROJECT_ERROR_LOCKED;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return ANPAI_PROJECT_ERROR_INVALID;
    default:
      return ANPAI_PROJECT_ERROR_IO;
    }
}

void
anpai_db_set_error (GError     **error,
                    sqlite3     *db,
                    int          rc,
                    const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* Translators: %s is the operation, the second %s is SQLite's English detail */
  g_set_error (error, ANPAI_PROJECT_ERROR, anpai_db_error_code_for (rc),
               _("%s failed: %s"), what, detail);
}

gboolean
anpai_db_exec (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, anpai_db_error_code_for (rc),
                   "%s", errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
anpai_db_prepare (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, anpai_db_error_code_for (rc),
                   "%s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no rows. */
gboolean
anpai_db_step_done (sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sqlite3 *db = sqlite3_db_handle (stmt);

      g_set_error (error, ANPAI_PROJECT_ERROR, anpai_db_error_code_for (rc),
                   "%s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
anpai_db_query_int64 (sqlite3     *db,
                      const char  *sql,
                      gint64      *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = anpai_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *value = 0;
      return TRUE;
    }
  g_set_error (error, ANPAI_PROJECT_ERROR, anpai_db_error_code_for (rc),
               "%s", sqlite3_errmsg (db));
  return FALSE;
}

void
anpai_db_bind_text (sqlite3_stmt *stmt,
                    int           col,
                    const char   *text)
{
  sqlite3_bind_text (stmt, col, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* Empty strings are stored as NULL where a column means "not set". */
void
anpai_db_bind_text_or_null (sqlite3_stmt *stmt,
                            int           col,
                            const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

void
anpai_db_bind_id_or_null (sqlite3_stmt *stmt,
                          int           col,
                          gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, id);
}

/* Never NULL: NULL columns read as "". */
const char *
anpai_db_column_text (sqlite3_stmt *stmt,
                      int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text != NULL ? (const char *) text : "";
}

char *
anpai_db_column_dup (sqlite3_stmt *stmt,
                     int           col)
{
  return g_strdup (anpai_db_column_text (stmt, col));
}
