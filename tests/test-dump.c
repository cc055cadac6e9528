/* test-dump.c — the JSON dump of DESIGN.md, over the sample project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-dump.h"
#include "anpai-sample.h"
#include "anpai-test-util.h"

typedef struct {
  char         *dir;
  AnpaiProject *project;
  JsonNode     *root;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "sample.anpai");
  f->project = anpai_sample_create (path, &error);
  g_assert_no_error (error);
  f->root = anpai_test_dump (f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  json_node_unref (f->root);
  g_object_unref (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

static JsonObject *
plan_titled (Fixture    *f,
             const char *prefix)
{
  JsonArray *plans = json_object_get_array_member (json_node_get_object (f->root), "plans");

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);

      if (g_str_has_prefix (json_object_get_string_member (plan, "title"), prefix))
        return plan;
    }
  g_assert_not_reached ();
}

static JsonObject *
node_labelled (JsonObject *plan,
               const char *label)
{
  JsonArray *nodes = json_object_get_array_member (plan, "nodes");

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      if (g_str_equal (json_object_get_string_member (node, "label"), label))
        return node;
    }
  g_assert_not_reached ();
}

static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  JsonObject *root = json_node_get_object (f->root);
  JsonObject *annual = plan_titled (f, "青澜市2026年度");
  JsonObject *outline = plan_titled (f, "青澜市优化营商环境三年");
  JsonObject *period = json_object_get_object_member (annual, "period");

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "anpai-dump");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "plans")), ==, 2);

  g_assert_cmpstr (json_object_get_string_member (annual, "doc_number"), ==, "青澜政办〔2026〕12号");
  g_assert_cmpstr (json_object_get_string_member (annual, "issuer"), ==, "青澜市人民政府办公室");
  g_assert_cmpstr (json_object_get_string_member (annual, "issued_on"), ==, "2026-02-28");
  g_assert_cmpstr (json_object_get_string_member (period, "start"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (period, "end"), ==, "2026-12-31");
  g_assert_cmpstr (json_object_get_string_member (annual, "kind"), ==, "annual");
  g_assert_cmpint (json_object_get_int_member (annual, "implements"), ==,
                   json_object_get_int_member (outline, "id"));
  g_assert_true (json_object_get_null_member (outline, "implements"));
}

/* Outline order: depth first, a parent before its children, every parent
 * already seen; ids unique. */
static void
test_outline_order (Fixture       *f,
                    gconstpointer  data)
{
  JsonArray *nodes = json_object_get_array_member (plan_titled (f, "青澜市2026年度"), "nodes");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int tasks = 0, sections = 0, texts = 0;

  g_assert_true (json_object_get_null_member (json_array_get_object_element (nodes, 0), "parent"));
  g_array_set_size (ids, json_array_get_length (nodes));
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      const char *kind = json_object_get_string_member (node, "kind");

      g_array_index (ids, gint64, i) = json_object_get_int_member (node, "id");
      if (!json_object_get_null_member (node, "parent"))
        {
          gint64 parent = json_object_get_int_member (node, "parent");

          g_assert_true (g_hash_table_contains (seen, &parent));
        }
      g_assert_false (g_hash_table_contains (seen, &g_array_index (ids, gint64, i)));
      g_hash_table_add (seen, &g_array_index (ids, gint64, i));

      if (g_str_equal (kind, "task"))
        tasks++;
      else if (g_str_equal (kind, "section"))
        sections++;
      else
        {
          g_assert_cmpstr (kind, ==, "text");
          texts++;
        }
    }
  g_assert_cmpint (tasks, >=, 28);
  g_assert_cmpint (tasks, <=, 34);
  g_assert_cmpint (sections, >=, 5);
  g_assert_cmpint (texts, >=, 1);
  g_assert_cmpint (anpai_project_count_tasks (f->project,
                   json_object_get_int_member (plan_titled (f, "青澜市2026年度"), "id")), ==, tasks);
}

static void
test_task (Fixture       *f,
           gconstpointer  data)
{
  JsonObject *annual = plan_titled (f, "青澜市2026年度");
  JsonArray *nodes = json_object_get_array_member (annual, "nodes");
  gboolean found_support = FALSE, found_deadline = FALSE;

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      JsonObject *time = json_object_get_object_member (node, "time");
      JsonArray *support = json_object_get_array_member (node, "support");

      /* every node has the full set of members */
      g_assert_true (json_object_has_member (node, "lead"));
      g_assert_true (json_object_has_member (node, "co"));
      g_assert_true (json_object_has_member (node, "targets"));
      g_assert_true (json_object_has_member (node, "status"));
      g_assert_true (json_object_has_member (node, "progress"));
      g_assert_true (json_object_has_member (time, "rrule"));

      if (json_array_get_length (support) > 0)
        {
          found_support = TRUE;
          g_assert_false (json_object_get_null_member (node, "lead"));
        }
      if (g_str_equal (json_object_get_string_member (time, "text"), "2026年6月底前"))
        {
          found_deadline = TRUE;
          g_assert_cmpstr (json_object_get_string_member (time, "kind"), ==, "deadline");
          g_assert_cmpstr (json_object_get_string_member (time, "end"), ==, "2026-06-30");
          g_assert_cmpstr (json_object_get_string_member (time, "source"), ==, "text");
        }
    }
  g_assert_true (found_support);
  g_assert_true (found_deadline);

  /* the first task: lead named by its canonical name */
  {
    JsonObject *task = node_labelled (annual, "1.");

    g_assert_false (json_object_get_null_member (task, "lead"));
    g_assert_cmpstr (json_object_get_string_member (task, "kind"), ==, "task");
  }
}

static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  JsonArray *units = json_object_get_array_member (json_node_get_object (f->root), "units");
  gboolean found = FALSE;

  g_assert_cmpuint (json_array_get_length (units), >=, 15);
  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      JsonObject *unit = json_array_get_object_element (units, i);

      if (g_str_equal (json_object_get_string_member (unit, "name"), "各县（市、区）人民政府"))
        {
          JsonArray *aliases = json_object_get_array_member (unit, "aliases");

          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (unit, "kind"), ==, "collective");
          g_assert_cmpuint (json_array_get_length (aliases), >=, 1);
        }
    }
  g_assert_true (found);
}

static void
test_time_object (void)
{
  g_autoptr(AnpaiTimeSpec) spec = anpai_time_spec_new ();
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj;

  g_free (spec->text);
  spec->text = g_strdup ("每年第一季度 \"引号\"\n");
  spec->kind = ANPAI_TIME_RECURRING;
  g_date_set_dmy (&spec->start, 1, 1, 2023);
  g_date_set_dmy (&spec->end, 31, 12, 2024);
  spec->rrule = g_strdup ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31");
  spec->source = ANPAI_TIME_SOURCE_TEXT;

  json = anpai_dump_time (spec);
  node = json_from_string (json, NULL);
  obj = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (obj, "text"), ==, "每年第一季度 \"引号\"\n");
  g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, "recurring");
  g_assert_cmpstr (json_object_get_string_member (obj, "start"), ==, "2023-01-01");
  g_assert_cmpstr (json_object_get_string_member (obj, "end"), ==, "2024-12-31");
  g_assert_cmpstr (json_object_get_string_member (obj, "rrule"), ==, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31");
  g_assert_cmpstr (json_object_get_string_member (obj, "source"), ==, "text");

  /* unset values are null */
  g_date_clear (&spec->start, 1);
  g_clear_pointer (&spec->rrule, g_free);
  g_clear_pointer (&json, g_free);
  json = anpai_dump_time (spec);
  g_assert_nonnull (strstr (json, "\"start\": null"));
  g_assert_nonnull (strstr (json, "\"rrule\": null"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/dump/header", Fixture, NULL, fixture_set_up, test_header, fixture_tear_down);
  g_test_add ("/dump/outline-order", Fixture, NULL, fixture_set_up, test_outline_order, fixture_tear_down);
  g_test_add ("/dump/task", Fixture, NULL, fixture_set_up, test_task, fixture_tear_down);
  g_test_add ("/dump/units", Fixture, NULL, fixture_set_up, test_units, fixture_tear_down);
  g_test_add_func ("/dump/time-object", test_time_object);
  return g_test_run ();
}
