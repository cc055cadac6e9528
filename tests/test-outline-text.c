/* test-outline-text.c — copying outline items as a plan's text and as rows
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-text.h"
#include "anpai-test-util.h"

typedef struct {
  char         *dir;
  AnpaiProject *project;
  gint64        plan_id;
  gint64        section;
  gint64        task[2];
} Fixture;

static gint64
add_node (Fixture       *f,
          AnpaiNodeKind  kind,
          gint64         parent,
          int            position,
          const char    *label,
          const char    *title,
          const char    *body,
          const char    *time_text)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  anpai_node_set_body (node, body);
  g_free (time->text);
  time->text = g_strdup (time_text);
  anpai_node_set_time (node, time);
  id = anpai_project_add_node (f->project, node, f->plan_id, parent, position, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_units (Fixture    *f,
           gint64      node,
           AnpaiRole   role,
           const char *first,
           ...)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      gint64 id = anpai_project_ensure_unit (f->project, name, ANPAI_UNIT_KIND_DEPARTMENT, &error);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  va_end (args);
  g_assert_true (anpai_project_set_node_units (f->project, node, role, &g_array_index (ids, gint64, 0),
                                               ids->len, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "text.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  f->plan_id = anpai_project_add_plan (f->project, plan, &error);
  f->section = add_node (f, ANPAI_NODE_KIND_SECTION, 0, 0, "一、", "推进依法决策", "", "");
  f->task[0] = add_node (f, ANPAI_NODE_KIND_TASK, f->section, 0, "（一）", "健全决策程序",
                         "2027年6月底前出台目录。", "2027年6月底前");
  f->task[1] = add_node (f, ANPAI_NODE_KIND_TASK, f->section, 1, "（二）", "落实法律顾问制度", "", "年底前");
  set_units (f, f->task[0], ANPAI_ROLE_LEAD, "市政府办公室", NULL);
  set_units (f, f->task[0], ANPAI_ROLE_CO, "市司法局", NULL);
  set_units (f, f->task[0], ANPAI_ROLE_SUPPORT, "各县区人民政府", "市直各部门", NULL);
  set_units (f, f->task[1], ANPAI_ROLE_LEAD, "市司法局", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The section with its tasks, as a plan writes them: the time requirement
 * the text already states is not repeated, one it does not state goes into
 * the bracket with the units. */
static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = anpai_outline_text_format (f->project, &f->section, 1,
                                                     ANPAI_OUTLINE_TEXT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "一、推进依法决策\n"
                   "（一）健全决策程序。2027年6月底前出台目录。"
                   "（责任单位：市政府办公室、市司法局；配合单位：各县区人民政府、市直各部门）\n"
                   "（二）落实法律顾问制度（牵头单位：市司法局；完成时限：年底前）\n");
}

/* Rows for a spreadsheet; a task selected with its section is not repeated. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  gint64 ids[] = { f->task[1], f->section };
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = anpai_outline_text_format (f->project, ids, 2, ANPAI_OUTLINE_TEXT_ROWS, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==,
                   "（二）\t落实法律顾问制度\t年底前\t市司法局\t\n"
                   "一、\t推进依法决策\t\t\t\n"
                   "（一）\t健全决策程序 2027年6月底前出台目录。\t2027年6月底前\t市政府办公室\t"
                   "市司法局、各县区人民政府、市直各部门\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/outline-text/plain", Fixture, NULL, fixture_set_up, test_plain, fixture_tear_down);
  g_test_add ("/outline-text/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  return g_test_run ();
}
