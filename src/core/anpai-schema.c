/* anpai-schema.c — the project file's schema and its migrations
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiSchema"

#include "anpai-db.h"
#include "anpai-error.h"
#include "anpai-schema.h"

/* Version 1 is the first released schema. A new file is created at version 1
 * and then runs every migration, so the migration path is exercised by every
 * new project, not only by old files. STRICT tables keep other programs (or a
 * bug) from storing text where a number belongs. */
static const char schema_v1[] =
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  doc_number TEXT NOT NULL DEFAULT '',"
  "  issuer TEXT NOT NULL DEFAULT '',"
  "  issued_on TEXT,"
  "  period_start TEXT,"
  "  period_end TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'annual'"
  "    CHECK (kind IN ('annual','multi-year','action-plan','indicator-system')),"
  "  parent_id INTEGER REFERENCES plan(id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  manual_labels INTEGER NOT NULL DEFAULT 0,"
  "  source_name TEXT NOT NULL DEFAULT '',"
  "  source_text TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE node ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES node(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT 'task' CHECK (kind IN ('section','task','text')),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  time_text TEXT NOT NULL DEFAULT '',"
  "  time_kind TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (time_kind IN ('none','deadline','window','from','ongoing','recurring')),"
  "  time_start TEXT,"
  "  time_end TEXT,"
  "  time_rrule TEXT,"
  "  time_source TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (time_source IN ('none','table','text','parent','plan','manual')),"
  "  rescheduled INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started','in-progress','done','suspended','cancelled')),"
  "  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  source_start INTEGER,"
  "  source_end INTEGER"
  ") STRICT;"
  "CREATE INDEX node_by_parent ON node (plan_id, parent_id, position);"
  "CREATE INDEX node_by_parent_id ON node (parent_id);"
  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'department'"
  "    CHECK (kind IN ('department','government','collective','court','party','other')),"
  "  parent_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE unit_alias ("
  "  id INTEGER PRIMARY KEY,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  reason TEXT NOT NULL DEFAULT 'spelling'"
  "    CHECK (reason IN ('spelling','former-name','merged')),"
  "  since TEXT"
  ") STRICT;"
  "CREATE INDEX unit_alias_by_unit ON unit_alias (unit_id);"
  "CREATE TABLE assignment ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('lead','co','support')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (node_id, unit_id)"
  ") STRICT;"
  "CREATE UNIQUE INDEX assignment_one_lead ON assignment (node_id) WHERE role = 'lead';"
  "CREATE INDEX assignment_by_unit ON assignment (unit_id);"
  "CREATE TABLE target ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  comparator TEXT NOT NULL DEFAULT '=' CHECK (comparator IN ('=','>=','>','<=','<')),"
  "  value REAL,"
  "  measure TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX target_by_node ON target (node_id);"
  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  reported_on TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'in-progress'"
  "    CHECK (status IN ('not-started','in-progress','done','suspended','cancelled')),"
  "  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  text TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX report_by_node ON report (node_id);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") STRICT;";

/* Each entry upgrades the file by one version; append, never edit.
 *
 * 2: a full-text index of node titles and bodies for the outline's search.
 *    Chinese has no spaces, so unicode61 cannot split it; trigram finds any
 *    substring of three characters or more (shorter terms use LIKE on node,
 *    see anpai-search.c). External content keeps the text stored once. The
 *    index is kept up to date by the connection, not by triggers in the file:
 *    with trusted_schema=OFF SQLite refuses any trigger that writes to FTS5.
 *    And an index covering what renumbering reads of a plan's outline. */
static const AnpaiMigration builtin_migrations[] = {
  { 2, "CREATE VIRTUAL TABLE node_fts USING fts5 (title, body,"
       " content='node', content_rowid='id', tokenize='trigram');"
       "INSERT INTO node_fts (node_fts) VALUES ('rebuild');"
       /* renumbering reads a plan's outline after every edit: from the
        * index alone, without the rows' titles and text */
       "CREATE INDEX node_outline ON node (plan_id, parent_id, position, kind, label);" },
};

static const AnpaiMigration *migrations = builtin_migrations;
static guint n_migrations = G_N_ELEMENTS (builtin_migrations);

int
anpai_schema_get_version (void)
{
  return n_migrations > 0 ? migrations[n_migrations - 1].to_version : 1;
}

void
anpai_schema_set_test_migrations (const AnpaiMigration *test_migrations,
                                  guint                 n_test_migrations)
{
  if (test_migrations == NULL)
    {
      migrations = builtin_migrations;
      n_migrations = G_N_ELEMENTS (builtin_migrations);
      return;
    }
  migrations = test_migrations;
  n_migrations = n_test_migrations;
}

gboolean
anpai_schema_read_header (sqlite3  *db,
                          gint64   *application_id,
                          gint64   *user_version,
                          GError  **error)
{
  return anpai_db_query_int64 (db, "PRAGMA application_id", application_id, error) &&
         anpai_db_query_int64 (db, "PRAGMA user_version", user_version, error);
}

static gboolean
set_version (sqlite3  *db,
             int       version,
             GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return anpai_db_exec (db, sql, error);
}

static gboolean
run_steps (sqlite3  *db,
           int       from_version,
           GError  **error)
{
  for (guint i = 0; i < n_migrations; i++)
    {
      if (migrations[i].to_version <= from_version)
        continue;
      g_debug ("Migrating to schema %d", migrations[i].to_version);
      if (!anpai_db_exec (db, migrations[i].sql, error) ||
          !set_version (db, migrations[i].to_version, error))
        return FALSE;
    }
  return TRUE;
}

/* Creates the tables of a new, empty database, in one transaction. */
gboolean
anpai_schema_create (sqlite3  *db,
                     GError  **error)
{
  g_autofree char *app_id = NULL;

  if (!anpai_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  app_id = g_strdup_printf ("PRAGMA application_id = %d", ANPAI_APPLICATION_ID);
  if (!anpai_db_exec (db, app_id, error) ||
      !anpai_db_exec (db, schema_v1, error) ||
      !set_version (db, 1, error) ||
      !anpai_db_exec (db, "INSERT INTO meta (key, value) VALUES ('created-by', '" PACKAGE_NAME " " PACKAGE_VERSION "')", error) ||
      !run_steps (db, 1, error) ||
      !anpai_db_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Upgrades an older file in one transaction: it is either fully migrated or
 * left exactly as it was. */
gboolean
anpai_schema_migrate (sqlite3  *db,
                      int       from_version,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;

  if (from_version >= anpai_schema_get_version ())
    return TRUE;

  if (!anpai_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!run_steps (db, from_version, &local_error))
    goto fail;

  /* A migration that leaves a dangling reference must not land. */
  check = anpai_db_prepare (db, "PRAGMA foreign_key_check", &local_error);
  if (check == NULL)
    goto fail;
  if (sqlite3_step (check) == SQLITE_ROW)
    {
      g_set_error (&local_error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_DAMAGED,
                   "foreign key violation in table %s after migration",
                   anpai_db_column_text (check, 0));
      goto fail;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  if (!anpai_db_exec (db, "COMMIT", &local_error))
    goto fail;
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
