/* test-export.c — the tables every export format writes
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "anpai-date.h"
#include "anpai-export.h"
#include "anpai-search.h"
#include "anpai-test-util.h"

/* A small annual arrangement, built here: 一、 with tasks 1. and 2., 二、
 * with 3., a text paragraph (never a row), units in every role. */

typedef struct {
  char         *dir;
  AnpaiProject *project;
  gint64        plan_id;
  gint64        other_plan;
  gint64        section[2];
  gint64        task[3];
  gint64        justice, office, counties;
} Fixture;

static gint64
add_node (Fixture       *f,
          gint64         plan,
          AnpaiNodeKind  kind,
          gint64         parent,
          const char    *label,
          const char    *title,
          const char    *time_text,
          const char    *end)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(AnpaiTimeSpec) time = anpai_time_spec_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  if (end != NULL)
    {
      g_free (time->text);
      time->text = g_strdup (time_text);
      time->kind = ANPAI_TIME_DEADLINE;
      time->source = ANPAI_TIME_SOURCE_TEXT;
      g_assert_true (anpai_date_parse_iso (end, &time->end));
      anpai_node_set_time (node, time);
    }
  id = anpai_project_add_node (f->project, node, plan, parent, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
assign (Fixture   *f,
        gint64     node,
        AnpaiRole  role,
        gint64     unit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anpai_project_set_node_units (f->project, node, role, &unit, 1, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(AnpaiPlan) other = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiNode) done = NULL;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "export.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  anpai_plan_set_title (plan, "松林市2027年度法治政府建设工作安排");
  f->plan_id = anpai_project_add_plan (f->project, plan, &error);
  anpai_plan_set_title (other, "松林市营商环境行动方案");
  f->other_plan = anpai_project_add_plan (f->project, other, &error);
  g_assert_no_error (error);

  f->justice = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->office = anpai_project_ensure_unit (f->project, "市政府办公室", ANPAI_UNIT_KIND_GOVERNMENT, &error);
  f->counties = anpai_project_ensure_unit (f->project, "各县区人民政府", ANPAI_UNIT_KIND_COLLECTIVE, &error);

  f->section[0] = add_node (f, f->plan_id, ANPAI_NODE_KIND_SECTION, 0, "一、", "推进依法决策", NULL, NULL);
  add_node (f, f->plan_id, ANPAI_NODE_KIND_TEXT, f->section[0], "", "总的要求", NULL, NULL);
  f->task[0] = add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, f->section[0], "1.", "出台决策事项目录",
                         "6月底前", "2027-06-30");
  f->task[1] = add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, f->section[0], "2.", "落实合法性审查",
                         "年底前", "2027-12-31");
  f->section[1] = add_node (f, f->plan_id, ANPAI_NODE_KIND_SECTION, 0, "二、", "规范行政执法", NULL, NULL);
  f->task[2] = add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, f->section[1], "3.", "推行执法公示", NULL, NULL);
  add_node (f, f->other_plan, ANPAI_NODE_KIND_TASK, 0, "1.", "压缩审批时间", NULL, NULL);

  assign (f, f->task[0], ANPAI_ROLE_LEAD, f->office);
  assign (f, f->task[0], ANPAI_ROLE_SUPPORT, f->justice);
  assign (f, f->task[1], ANPAI_ROLE_LEAD, f->justice);
  assign (f, f->task[1], ANPAI_ROLE_SUPPORT, f->counties);
  assign (f, f->task[2], ANPAI_ROLE_CO, f->justice);

  done = anpai_project_load_node (f->project, f->task[1], &error);
  anpai_node_set_status (done, ANPAI_STATUS_DONE);
  g_assert_true (anpai_project_update_node (f->project, done, &error));
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

static AnpaiExportTable *
table_at (GPtrArray *tables,
          guint      i)
{
  g_assert_cmpuint (i, <, tables->len);
  return g_ptr_array_index (tables, i);
}

static AnpaiExportRow *
row_at (AnpaiExportTable *table,
        guint             i)
{
  g_assert_cmpuint (i, <, table->rows->len);
  return g_ptr_array_index (table->rows, i);
}

/* Every plan, rows in outline order, text paragraphs left out, units by role. */
static void
test_whole_project (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = anpai_export_build (f->project, NULL, &error);
  AnpaiExportTable *table;
  g_autofree char *others = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 2);
  table = table_at (tables, 0);
  g_assert_cmpstr (table->title, ==, "松林市2027年度法治政府建设工作安排");
  g_assert_null (table->unit_name);
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_true (row_at (table, 0)->is_section);
  g_assert_cmpstr (row_at (table, 1)->label, ==, "1.");
  g_assert_cmpint (row_at (table, 1)->depth, ==, 1);
  g_assert_cmpstr (row_at (table, 1)->lead, ==, "市政府办公室");
  g_assert_cmpstr (row_at (table, 1)->time->text, ==, "6月底前");
  g_assert_cmpstr (row_at (table, 3)->label, ==, "二、");
  g_assert_cmpint (row_at (table, 1)->role, ==, -1);
  others = anpai_export_row_others (row_at (table, 4));
  g_assert_cmpstr (others, ==, "市司法局");
}

/* Rows follow the outline, not the order the items were made in: items
 * inserted before others, nested four deep; a broken parent link (a file
 * damaged elsewhere) leaves its items out rather than hanging. */
static void
test_outline_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AnpaiNode) first = anpai_node_new (ANPAI_NODE_KIND_SECTION);
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = anpai_test_path (f->dir, "export.anpai");
  g_autofree char *sql = NULL;
  AnpaiExportTable *table;
  gint64 zero, deep = f->task[2];
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  static const char * const labels[] = { "〇、", "(0)", "一、", "1.", "2.", "二、", "3.", "（1）", "①", "a" };

  /* a section put first, after the rest were made */
  anpai_node_set_label (first, "〇、");
  anpai_node_set_title (first, "总体要求");
  zero = anpai_project_add_node (f->project, first, f->plan_id, 0, 0, &error);
  g_assert_no_error (error);
  add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, zero, "(0)", "统筹推进", NULL, NULL);
  for (guint i = 7; i < G_N_ELEMENTS (labels); i++)
    deep = add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, deep, labels[i], "细化措施", NULL, NULL);

  options.plan_id = f->plan_id;
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_no_error (error);
  table = table_at (tables, 0);
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_cmpstr (row_at (table, i)->label, ==, labels[i]);
  g_assert_cmpint (row_at (table, 0)->node_id, ==, zero);
  g_assert_cmpint (row_at (table, 0)->depth, ==, 0);
  g_assert_cmpint (row_at (table, 6)->depth, ==, 1);
  g_assert_cmpint (row_at (table, 9)->depth, ==, 4);
  g_assert_cmpint (row_at (table, 9)->parent_id, ==, row_at (table, 8)->node_id);
  g_clear_pointer (&tables, g_ptr_array_unref);

  /* 3. made its own parent: it and what is under it drop out */
  anpai_project_close (f->project);
  g_clear_object (&f->project);
  sql = g_strdup_printf ("UPDATE node SET parent_id = id WHERE id = %" G_GINT64_FORMAT, f->task[2]);
  anpai_test_sql (path, sql);
  f->project = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_no_error (error);
  table = table_at (tables, 0);
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (row_at (table, 4)->label, ==, "2.");
}

/* Each role's units in their order, whether the plan's assignments are
 * read in one scan (a plan that is most of the project) or through the
 * node index (a small one), and whatever order they were written in. */
static void
test_unit_order (Fixture       *f,
                 gconstpointer  data)
{
  const gint64 co[] = { f->counties, f->office, f->justice };  /* not in the units' id order */
  static const char * const names[] = { "各县区人民政府", "市政府办公室", "市司法局" };
  g_autofree char *path = anpai_test_path (f->dir, "export.anpai");
  g_autoptr(GError) error = NULL;
  gint64 other_task = 0;

  {
    g_autoptr(GPtrArray) tables = anpai_export_build (f->project, NULL, &error);

    g_assert_no_error (error);
    other_task = row_at (table_at (tables, 1), 0)->node_id;
  }
  g_assert_true (anpai_project_set_node_units (f->project, f->task[2], ANPAI_ROLE_CO, co, 3, &error));
  g_assert_true (anpai_project_set_node_units (f->project, other_task, ANPAI_ROLE_CO, co, 3, &error));
  /* written after the later task's: no longer in the nodes' order */
  assign (f, f->task[0], ANPAI_ROLE_SUPPORT, f->counties);
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) tables = anpai_export_build (f->project, NULL, &error);
      AnpaiExportRow *rows[2];

      g_assert_no_error (error);
      rows[0] = row_at (table_at (tables, 0), 4);
      rows[1] = row_at (table_at (tables, 1), 0);
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          g_assert_cmpuint (rows[r]->co->len, ==, 3);
          for (guint i = 0; i < 3; i++)
            g_assert_cmpstr (g_ptr_array_index (rows[r]->co, pass == 0 ? i : 2 - i), ==, names[i]);
        }
      g_assert_cmpstr (row_at (table_at (tables, 0), 1)->lead, ==, "市政府办公室");
      g_assert_cmpuint (row_at (table_at (tables, 0), 1)->support->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (row_at (table_at (tables, 0), 1)->support, 0), ==, "各县区人民政府");

      /* the positions turned round, the ids left in their order */
      anpai_project_close (f->project);
      g_clear_object (&f->project);
      anpai_test_sql (path, "UPDATE assignment SET position = 2 - position WHERE role = 'co'");
      f->project = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
}

/* A unit's list: its tasks with its role, the sections above them only. */
static void
test_unit_list (Fixture       *f,
                gconstpointer  data)
{
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  AnpaiExportTable *table;

  options.plan_id = f->plan_id;
  options.unit_id = f->justice;
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  table = table_at (tables, 0);
  g_assert_nonnull (g_strstr_len (table->title, -1, "市司法局"));
  g_assert_cmpstr (table->unit_name, ==, "市司法局");
  /* 一、 1. (support) 2. (lead) 二、 3. (co) */
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpint (row_at (table, 1)->role, ==, ANPAI_ROLE_SUPPORT);
  g_assert_cmpint (row_at (table, 2)->role, ==, ANPAI_ROLE_LEAD);
  g_assert_cmpint (row_at (table, 4)->role, ==, ANPAI_ROLE_CO);

  /* the office leads one task: 二、 goes */
  options.unit_id = f->office;
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_cmpuint (table_at (tables, 0)->rows->len, ==, 2);

  /* a subtask of 3. led by the counties: 二、 and 3. stay above it, though
   * they are not the counties'; 一、 and its tasks go */
  {
    gint64 sub = add_node (f, f->plan_id, ANPAI_NODE_KIND_TASK, f->task[2], "（1）", "公示执法结果", NULL, NULL);

    assign (f, sub, ANPAI_ROLE_LEAD, f->counties);
    options.unit_id = f->counties;
    g_clear_pointer (&tables, g_ptr_array_unref);
    tables = anpai_export_build (f->project, &options, &error);
    table = table_at (tables, 0);
    /* 一、 2. (support) 二、 3. （1） (lead) */
    g_assert_cmpuint (table->rows->len, ==, 5);
    g_assert_cmpstr (row_at (table, 2)->label, ==, "二、");
    g_assert_cmpstr (row_at (table, 3)->label, ==, "3.");
    g_assert_cmpint (row_at (table, 3)->role, ==, -1);
    g_assert_cmpstr (row_at (table, 4)->label, ==, "（1）");
    g_assert_cmpint (row_at (table, 4)->role, ==, ANPAI_ROLE_LEAD);
  }
}

/* One list per unit, none for a unit without tasks in a plan. */
static void
test_per_unit (Fixture       *f,
               gconstpointer  data)
{
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  options.per_unit = TRUE;
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_no_error (error);
  /* plan 1: 司法局, 办公室, 各县区; plan 2: nobody */
  g_assert_cmpuint (tables->len, ==, 3);
  /* each list knows its unit, even 各县区, which shares its only task */
  g_assert_cmpstr (table_at (tables, 0)->unit_name, ==, "市司法局");
  g_assert_cmpstr (table_at (tables, 1)->unit_name, ==, "市政府办公室");
  g_assert_cmpstr (table_at (tables, 2)->unit_name, ==, "各县区人民政府");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  options.plan_id = f->plan_id;
  options.statuses = ANPAI_STATUS_BIT (ANPAI_STATUS_DONE);
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_cmpuint (table_at (tables, 0)->rows->len, ==, 2);
  g_assert_cmpstr (row_at (table_at (tables, 0), 1)->title, ==, "落实合法性审查");

  /* due in the first half of the year; a task without a date is not due */
  options.statuses = 0;
  options.due_to = "2027-06-30";
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_cmpuint (table_at (tables, 0)->rows->len, ==, 2);
  g_assert_cmpstr (row_at (table_at (tables, 0), 1)->label, ==, "1.");

  options.plan_id = 999;
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = anpai_export_build (f->project, &options, &error);
  g_assert_null (tables);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

/* Text a spreadsheet would run as a formula is written to be shown. */
static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  g_autofree char *path = anpai_test_path (f->dir, "out.csv");
  g_autoptr(AnpaiNode) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  task = anpai_project_load_node (f->project, f->task[0], &error);
  anpai_node_set_title (task, "=HYPERLINK(\"http://example.invalid\",\"点击\")");
  g_assert_true (anpai_project_update_node (f->project, task, &error));
  g_clear_object (&task);
  task = anpai_project_load_node (f->project, f->task[1], &error);
  anpai_node_set_title (task, "-落实合法性审查");
  g_assert_true (anpai_project_update_node (f->project, task, &error));
  g_assert_no_error (error);

  options.plan_id = f->plan_id;
  g_assert_true (anpai_export_write (f->project, ANPAI_EXPORT_CSV, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\","));
  g_assert_nonnull (strstr (csv, ",\"'-落实合法性审查\","));
  /* other text as it was */
  g_assert_nonnull (strstr (csv, ",推进依法决策"));
  g_assert_null (strstr (csv, "'推进"));
}

/* Each format's name reads back as the format, and has an extension. */
static void
test_format_names (void)
{
  static const AnpaiExportFormat all[] = {
    ANPAI_EXPORT_CSV, ANPAI_EXPORT_XLSX, ANPAI_EXPORT_DOCX, ANPAI_EXPORT_PDF_TABLE, ANPAI_EXPORT_ICS,
    ANPAI_EXPORT_MSPDI,
  };
  AnpaiExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (anpai_export_format_from_string (anpai_export_format_to_string (all[i]), &format));
      g_assert_cmpint (format, ==, all[i]);
      g_assert_nonnull (anpai_export_format_get_extension (all[i]));
    }
  g_assert_cmpstr (anpai_export_format_to_string (ANPAI_EXPORT_PDF_TABLE), ==, "pdf-table");
  g_assert_cmpstr (anpai_export_format_get_extension (ANPAI_EXPORT_PDF_TABLE), ==, "pdf");
  g_assert_cmpstr (anpai_export_format_get_extension (ANPAI_EXPORT_MSPDI), ==, "xml");
  g_assert_false (anpai_export_format_from_string ("pdf", &format));
}

/* A row's 序号 and title as every format writes them. */
static void
test_row_heading (void)
{
  static const struct {
    const char *label, *title, *heading;
  } cases[] = {
    { "一、", "推进依法决策", "一、推进依法决策" },
    { "（一）", "健全决策程序", "（一）健全决策程序" },
    { "①", "细化措施", "①细化措施" },
    { "6.", "加强组织领导", "6. 加强组织领导" },
    { "(1)", "统筹推进", "(1) 统筹推进" },
    { "第一部分", "总体要求", "第一部分 总体要求" },
    { "一是", "强化组织领导", "一是强化组织领导" },
    { "", "总体要求", "总体要求" },
    { "3.", "", "3." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AnpaiExportRow row = { 0 };
      g_autofree char *heading = NULL;

      row.label = (char *) cases[i].label;
      row.title = (char *) cases[i].title;
      heading = anpai_export_row_heading (&row);
      g_assert_cmpstr (heading, ==, cases[i].heading);
    }
}

/* A writer that fails leaves nothing behind, not even its temporary file. */
static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  g_autofree char *missing_dir = g_build_filename (f->dir, "no-such-folder", "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int n_files = 0;

  g_assert_false (anpai_export_write (f->project, ANPAI_EXPORT_CSV, &options, missing_dir, &error));
  g_assert_nonnull (error);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  /* the project and its lock or journal, nothing of the export */
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (n_files, <=, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/row-heading", test_row_heading);
  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add ("/export/whole-project", Fixture, NULL, fixture_set_up, test_whole_project, fixture_tear_down);
  g_test_add ("/export/outline-order", Fixture, NULL, fixture_set_up, test_outline_order, fixture_tear_down);
  g_test_add ("/export/unit-order", Fixture, NULL, fixture_set_up, test_unit_order, fixture_tear_down);
  g_test_add ("/export/unit-list", Fixture, NULL, fixture_set_up, test_unit_list, fixture_tear_down);
  g_test_add ("/export/per-unit", Fixture, NULL, fixture_set_up, test_per_unit, fixture_tear_down);
  g_test_add ("/export/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/export/csv-formulas", Fixture, NULL, fixture_set_up, test_csv_formulas, fixture_tear_down);
  g_test_add ("/export/failure-leaves-nothing", Fixture, NULL, fixture_set_up, test_failure_leaves_nothing,
              fixture_tear_down);
  return g_test_run ();
}
