/* anpai-test-util.c — shared helpers of the core tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "anpai-dump.h"
#include "anpai-test-util.h"

/* A fresh directory per call under the test's isolated tmp dir. */
char *
anpai_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("anpai-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
anpai_test_path (const char *dir,
                 const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Runs SQL on a file behind the project's back, as another program would. */
void
anpai_test_sql (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("SQL failed: %s: %s", sql, errmsg);
  sqlite3_close (db);
}

static sqlite3_stmt *
query (const char  *path,
       const char  *sql,
       sqlite3    **db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
anpai_test_sql_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (path, sql, &db);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
anpai_test_sql_text (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (path, sql, &db);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
anpai_test_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

char *
anpai_test_dump_string (AnpaiProject *project)
{
  g_autoptr(GError) error = NULL;
  char *json = anpai_dump_project (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

JsonNode *
anpai_test_dump (AnpaiProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = anpai_test_dump_string (project);
  JsonNode *root = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

void
anpai_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        anpai_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* NULL when the seed documents are not beside the checkout. */
const char *
anpai_test_seeds_dir (void)
{
  const char *dir = g_getenv ("ANPAI_SEEDS");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}
