/* test-migration.c — older project files open through migrations
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-schema.h"
#include "anpai-search.h"
#include "anpai-test-util.h"

/* tests/fixtures/project-v1.sql is a version-1 file written by Anpai 0.1,
 * kept as SQL text so a reviewer can read it. The migrations here exist only
 * in this test: they show that a file of the previous version goes through
 * whatever the next version adds, and that a failed one changes nothing. */

static const AnpaiMigration good_migrations[] = {
  { 2, "ALTER TABLE unit ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
       "UPDATE unit SET notes = '已迁移' WHERE notes = '';" },
};

static const AnpaiMigration bad_migrations[] = {
  { 2, "ALTER TABLE unit ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
       "UPDATE no_such_table SET x = 1;" },
};

static char *
make_v1 (const char *dir)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *path = anpai_test_path (dir, "old.anpai");

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  anpai_test_sql (path, sql);
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA user_version"), ==, 1);
  return path;
}

static void
test_current_opens_v1 (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  JsonObject *plan;

  project = anpai_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_get_file_version (project), ==, 1);

  dump = anpai_test_dump (project);
  plan = json_array_get_object_element (
           json_object_get_array_member (json_node_get_object (dump), "plans"), 0);
  g_assert_cmpstr (json_object_get_string_member (plan, "title"), ==, "迁移测试计划");
  g_assert_cmpstr (json_object_get_string_member (plan, "doc_number"), ==, "测政办〔2026〕1号");
  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

static void
test_migrates (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *title = NULL;
  gint64 unit_id;

  anpai_schema_set_test_migrations (good_migrations, G_N_ELEMENTS (good_migrations));
  g_assert_cmpint (anpai_schema_get_version (), ==, 2);

  project = anpai_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_get_file_version (project), ==, 1);
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA user_version"), ==, 2);
  notes = anpai_test_sql_text (path, "SELECT notes FROM unit ORDER BY id LIMIT 1");
  g_assert_cmpstr (notes, ==, "已迁移");
  title = anpai_test_sql_text (path, "SELECT title FROM plan LIMIT 1");
  g_assert_cmpstr (title, ==, "迁移测试计划");
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM assignment"), ==, 3);

  /* edits of the migrated file are undoable, the new column included: the
   * history's triggers are built from the migrated tables */
  unit_id = anpai_project_find_unit (project, "市司法局");
  g_assert_cmpint (unit_id, >, 0);
  g_assert_true (anpai_project_delete_plan (project, 1, &error));
  g_assert_true (anpai_project_undo (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM assignment"), ==, 3);

  anpai_project_close (project);
  g_clear_object (&project);

  /* a second opening has nothing left to migrate */
  project = anpai_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_get_file_version (project), ==, 2);
  anpai_project_close (project);

  anpai_schema_set_test_migrations (NULL, 0);
  anpai_test_rm_rf (dir);
}

static void
test_failed_migration_changes_nothing (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autofree char *before = anpai_test_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;

  anpai_schema_set_test_migrations (bad_migrations, G_N_ELEMENTS (bad_migrations));
  project = anpai_project_open (path, 0, &error);
  g_assert_null (project);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "upgraded"));
  anpai_schema_set_test_migrations (NULL, 0);

  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA user_version"), ==, 1);
  anpai_test_rm_rf (dir);
}

/* Viewing an old file read-only migrates a copy in memory, never the file. */
static void
test_read_only_migrates_in_memory (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autofree char *before = anpai_test_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;

  anpai_schema_set_test_migrations (good_migrations, G_N_ELEMENTS (good_migrations));
  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (anpai_project_get_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (anpai_project_get_plans (project)), ==, 1);
  anpai_project_close (project);
  anpai_schema_set_test_migrations (NULL, 0);

  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  anpai_test_rm_rf (dir);
}

/* Schema 2, the real one: the v1 file gains a full-text index of what it
 * already holds, and search works on it at once, for 1–2 character terms
 * (LIKE) and longer ones (the trigram index). */
static char *
search (AnpaiProject *project,
        const char   *text)
{
  AnpaiFilter filter = ANPAI_FILTER_INIT;
  g_autoptr(AnpaiFilterResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  filter.text = text;
  result = anpai_project_filter_nodes (project, 1, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < anpai_filter_result_get_n_nodes (result); i++)
    {
      gint64 id = anpai_filter_result_get_node (result, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "%s", i > 0 ? "," : "", id,
                              anpai_filter_result_is_match (result, id) ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

static void
assert_search (AnpaiProject *project,
               const char   *text,
               const char   *expected)
{
  g_autofree char *got = search (project, text);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_v2_search_index (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(AnpaiNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (anpai_schema_get_version (), ==, 2);
  project = anpai_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_get_file_version (project), ==, 1);
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM node_fts_docsize"), ==, 2);

  assert_search (project, "清单管理", "1,2*");
  assert_search (project, "清单", "1,2*");
  assert_search (project, "履职", "1*");
  assert_search (project, "本级清单", "1,2*");    /* the body */
  assert_search (project, "依法履职 清单", "");

  /* edits and their undo keep the migrated index right */
  node = anpai_project_load_node (project, 2, &error);
  anpai_node_set_title (node, "全面推行权力清单制度");
  g_assert_true (anpai_project_update_node (project, node, &error));
  g_assert_no_error (error);
  assert_search (project, "清单管理", "");
  assert_search (project, "权力清单", "1,2*");
  g_assert_true (anpai_project_undo (project, NULL, &error));
  g_assert_no_error (error);
  assert_search (project, "清单管理", "1,2*");
  assert_search (project, "权力清单", "");
  anpai_project_close (project);

  anpai_test_sql (path, "INSERT INTO node_fts (node_fts, rank) VALUES ('integrity-check', 1)");
  anpai_test_rm_rf (dir);
}

/* A read-only v1 file is migrated in memory, search included; the dump of
 * that view is the dump of the migrated file, in dump version 1. */
static void
test_v2_read_only_and_dump (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_v1 (dir);
  g_autofree char *copy_path = anpai_test_path (dir, "copy.anpai");
  g_autofree char *before = anpai_test_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_autofree char *read_only_dump = NULL;
  g_autofree char *migrated_dump = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  JsonObject *root, *node;

  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_search (project, "清单管理", "1,2*");
  assert_search (project, "清单", "1,2*");
  read_only_dump = anpai_test_dump_string (project);

  dump = anpai_test_dump (project);
  root = json_node_get_object (dump);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  node = json_array_get_object_element (
           json_object_get_array_member (
             json_array_get_object_element (json_object_get_array_member (root, "plans"), 0),
             "nodes"), 1);
  members = json_object_get_members (node);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (names, "%s ", (char *) l->data);
  g_assert_cmpstr (names->str, ==,
                   "id parent kind label title text time lead co support targets status progress ");
  anpai_project_close (project);
  g_clear_object (&project);
  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (copy_path, bytes, (gssize) length, NULL));
  project = anpai_project_open (copy_path, 0, &error);
  g_assert_no_error (error);
  migrated_dump = anpai_test_dump_string (project);
  g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  anpai_project_close (project);
  anpai_test_rm_rf (dir);
}

/* The fixture is what version 1 is, and migrated it must be what a new file
 * is: a schema change without a migration would make them differ. */
static void
test_fixture_matches_schema (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *old_path = make_v1 (dir);
  g_autofree char *new_path = anpai_test_path (dir, "new.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT group_concat(sql, ';') FROM"
                    " (SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)";
  g_autofree char *old_schema = NULL;
  g_autofree char *new_schema = NULL;

  project = anpai_project_create (new_path, &error);
  g_assert_no_error (error);
  anpai_project_close (project);
  g_clear_object (&project);
  project = anpai_project_open (old_path, 0, &error);
  g_assert_no_error (error);
  anpai_project_close (project);
  old_schema = anpai_test_sql_text (old_path, sql);
  new_schema = anpai_test_sql_text (new_path, sql);
  g_assert_cmpstr (old_schema, ==, new_schema);
  anpai_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/migration/current-opens-v1", test_current_opens_v1);
  g_test_add_func ("/migration/migrates", test_migrates);
  g_test_add_func ("/migration/failed-changes-nothing", test_failed_migration_changes_nothing);
  g_test_add_func ("/migration/read-only-in-memory", test_read_only_migrates_in_memory);
  g_test_add_func ("/migration/fixture-matches-schema", test_fixture_matches_schema);
  g_test_add_func ("/migration/v2-search-index", test_v2_search_index);
  g_test_add_func ("/migration/v2-read-only-and-dump", test_v2_read_only_and_dump);
  return g_test_run ();
}
