/* test-tool.c — anpai-tool keeps its command-line contract
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-test-util.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_tool (Run *run,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ANPAI_TOOL"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

/* Exit 1, exactly one line on stderr, nothing on stdout. */
static void
assert_user_error (Run        *run,
                   const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "anpai-tool: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (fragment != NULL)
    g_assert_nonnull (strstr (run->err, fragment));
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) extra = { 0 };

  run_tool (&none, NULL);
  assert_user_error (&none, "No command");
  run_tool (&unknown, "frobnicate", NULL);
  assert_user_error (&unknown, "frobnicate");
  run_tool (&extra, "dump", "a.anpai", "b.anpai", NULL);
  assert_user_error (&extra, NULL);

  run_tool (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "anpai-tool dump PROJECT.anpai"));
  g_assert_nonnull (strstr (help.out, "parse-time"));
}

static void
test_new_and_dump (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "tool.anpai");
  g_auto(Run) created = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) dump = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  run_tool (&created, "new", path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpstr (created.err, ==, "");
  g_assert_cmpint (anpai_test_sql_int (path, "PRAGMA application_id"), ==, 0x414E5041);

  run_tool (&again, "new", path, NULL);
  assert_user_error (&again, "already exists");

  run_tool (&dump, "dump", path, NULL);
  g_assert_cmpint (dump.status, ==, 0);
  root = json_from_string (dump.out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "format"), ==, "anpai-dump");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "plans")), ==, 0);
  anpai_test_rm_rf (dir);
}

static void
test_sample (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "sample.anpai");
  g_auto(Run) created = { 0 };
  g_auto(Run) dump = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_tool (&created, "sample", path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  before = anpai_test_checksum (path);

  run_tool (&dump, "dump", path, NULL);
  g_assert_cmpint (dump.status, ==, 0);
  root = json_from_string (dump.out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "plans")), ==, 2);
  /* UTF-8 whatever the locale */
  g_assert_nonnull (strstr (dump.out, "青澜市"));

  /* dump never writes */
  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  anpai_test_rm_rf (dir);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *text = anpai_test_path (dir, "notes.txt");
  g_autofree char *missing = anpai_test_path (dir, "missing.anpai");
  g_autofree char *binary = anpai_test_path (dir, "random.anpai");
  g_auto(Run) foreign = { 0 };
  g_auto(Run) absent = { 0 };
  g_auto(Run) noise = { 0 };
  guchar bytes[4096];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar) g_test_rand_int_range (0, 256);
  g_file_set_contents (text, "这不是项目文件\n", -1, NULL);
  g_file_set_contents (binary, (const char *) bytes, sizeof bytes, NULL);

  run_tool (&foreign, "dump", text, NULL);
  assert_user_error (&foreign, "not an Anpai project");
  run_tool (&absent, "dump", missing, NULL);
  assert_user_error (&absent, "does not exist");
  run_tool (&noise, "dump", binary, NULL);
  assert_user_error (&noise, NULL);
  anpai_test_rm_rf (dir);
}

static void
test_parse_time (void)
{
  g_auto(Run) deadline = { 0 };
  g_auto(Run) no_period = { 0 };
  g_auto(Run) bad_period = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *obj;

  run_tool (&deadline, "parse-time", "2023年年底前", "--period", "2023-2024", NULL);
  g_assert_cmpint (deadline.status, ==, 0);
  root = json_from_string (deadline.out, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "text"), ==, "2023年年底前");
  g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, "deadline");
  g_assert_cmpstr (json_object_get_string_member (obj, "end"), ==, "2023-12-31");

  run_tool (&no_period, "parse-time", "整个期间内", NULL);
  g_assert_cmpint (no_period.status, ==, 0);
  g_assert_nonnull (strstr (no_period.out, "\"kind\": \"ongoing\""));

  run_tool (&bad_period, "parse-time", "2023年年底前", "--period", "twenty", NULL);
  assert_user_error (&bad_period, "twenty");
  run_tool (&missing, "parse-time", NULL);
  assert_user_error (&missing, NULL);
}

/* A plan in the shape of a county's annual arrangement, written for this
 * test: two sections, three tasks, units in labelled clauses. */
static const char county_plan[] =
  "河东县人民政府办公室关于印发《河东县2027年度法治政府建设工作要点》的通知\n"
  "河政办〔2027〕8号\n"
  "河东县2027年度法治政府建设工作要点\n"
  "一、依法全面履行政府职能\n"
  "(一)深化“放管服”改革。今年6月底前完成权责清单调整。责任单位:县政务服务中心,配合单位:县直各部门\n"
  "(二)优化法治化营商环境。每季度开展一次涉企执法检查。责任单位:县司法局、县市场监管局\n"
  "二、推进严格规范公正文明执法\n"
  "(三)落实行政执法“三项制度”。年底前执法信息公示率达100%。责任单位:县司法局\n";

static void
test_import (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *doc = anpai_test_path (dir, "要点.txt");
  g_autofree char *second = anpai_test_path (dir, "again.txt");
  g_autofree char *binary = anpai_test_path (dir, "scan.png");
  g_autofree char *empty = anpai_test_path (dir, "empty.txt");
  g_autofree char *path = anpai_test_path (dir, "import.anpai");
  g_auto(Run) imported = { 0 };
  g_auto(Run) reused = { 0 };
  g_auto(Run) noise = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) no_into = { 0 };
  g_auto(Run) bad_period = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  g_file_set_contents (doc, county_plan, -1, NULL);
  g_file_set_contents (second, county_plan, -1, NULL);
  g_file_set_contents (binary, (const char *) png, sizeof png, NULL);
  g_file_set_contents (empty, "", 0, NULL);

  /* the project is created when absent */
  run_tool (&imported, "import", doc, "--into", path, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpstr (imported.err, ==, "");
  g_assert_nonnull (strstr (imported.out, "河东县2027年度法治政府建设工作要点"));
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM plan WHERE doc_number = '河政办〔2027〕8号'"
                                             " AND period_start = '2027-01-01'"), ==, 1);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM node WHERE kind = 'task'"), ==, 3);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM node WHERE kind = 'task'"
                                             " AND time_kind = 'deadline' AND time_end = '2027-06-30'"), ==, 1);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id"
                                             " WHERE u.name = '县司法局' AND a.role = 'lead'"), ==, 2);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM unit"), ==, 4);

  /* a second import reuses the units */
  run_tool (&reused, "import", second, "--into", path, "--period", "2027-2028", NULL);
  g_assert_cmpint (reused.status, ==, 0);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM plan"), ==, 2);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM plan WHERE period_end = '2028-12-31'"), ==, 1);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM unit"), ==, 4);

  /* binary and empty input: one line, nothing imported (the file is not
   * written at all); the documents are all read before any is imported */
  before = anpai_test_checksum (path);
  run_tool (&noise, "import", binary, "--into", path, NULL);
  assert_user_error (&noise, "scan.png");
  run_tool (&nothing, "import", doc, empty, "--into", path, NULL);
  assert_user_error (&nothing, "empty.txt");
  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  run_tool (&no_into, "import", doc, NULL);
  assert_user_error (&no_into, "--into");
  run_tool (&bad_period, "import", doc, "--into", path, "--period", "2028-2027", NULL);
  assert_user_error (&bad_period, NULL);
  anpai_test_rm_rf (dir);
}

/* export: a CSV of the sample's second plan; the project is not written;
 * bad arguments get one line. */
static void
test_export (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "sample.anpai");
  g_autofree char *out = anpai_test_path (dir, "任务分解表.csv");
  g_auto(Run) created = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) timeline = { 0 };
  g_autofree char *timeline_pdf = NULL;
  g_autofree char *pdf = NULL;
  g_auto(Run) no_unit = { 0 };
  g_auto(Run) bad_status = { 0 };
  g_auto(Run) no_out = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;

  run_tool (&created, "sample", path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  before = anpai_test_checksum (path);

  run_tool (&exported, "export", path, "--format", "csv", "--plan", "2", "--out", out, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "深化“一网通办”改革"));
  g_assert_null (strstr (contents, "推进政务服务标准化建设"));
  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  run_tool (&bad_format, "export", path, "--format", "pages", "--out", out, NULL);
  assert_user_error (&bad_format, "pages");
  /* the timeline of plan 1 as a PDF (its pages are checked in tests/export) */
  g_free (timeline_pdf);
  timeline_pdf = anpai_test_path (dir, "timeline.pdf");
  run_tool (&timeline, "export", path, "--format", "pdf-timeline", "--plan", "1", "--out", timeline_pdf, NULL);
  g_assert_cmpint (timeline.status, ==, 0);
  g_assert_true (g_file_get_contents (timeline_pdf, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  run_tool (&no_unit, "export", path, "--format", "csv", "--unit", "市不存在局", "--out", out, NULL);
  assert_user_error (&no_unit, "市不存在局");
  run_tool (&bad_status, "export", path, "--format", "csv", "--status", "finished", "--out", out, NULL);
  assert_user_error (&bad_status, "finished");
  run_tool (&no_out, "export", path, "--format", "csv", NULL);
  assert_user_error (&no_out, "--out");
  anpai_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/tool/usage", test_usage);
  g_test_add_func ("/tool/new-and-dump", test_new_and_dump);
  g_test_add_func ("/tool/sample", test_sample);
  g_test_add_func ("/tool/bad-files", test_bad_files);
  g_test_add_func ("/tool/parse-time", test_parse_time);
  g_test_add_func ("/tool/import", test_import);
  g_test_add_func ("/tool/export", test_export);
  return g_test_run ();
}
