/* test-search.c — filtering the outline: Chinese text of any length, units,
 * statuses, due dates; the index through edits, undo and redo
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-search.h"
#include "anpai-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  gint64         plan, other_plan;
  gint64         s1, s1a, s2;
  gint64         t1, t2, t3, t4, t5, t6;
  gint64         sfj, fzb, xq;
} Fixture;

static gint64
add_node (Fixture       *f,
          gint64         plan,
          gint64         parent,
          AnpaiNodeKind  kind,
          const char    *label,
          const char    *title,
          const char    *body,
          const char    *time_text,
          AnpaiStatus    status)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
  anpai_node_set_body (node, body);
  anpai_node_set_status (node, status);
  if (time_text != NULL)
    {
      GDate start, end;
      g_autoptr(AnpaiTimeSpec) time = NULL;

      g_date_set_dmy (&start, 1, 1, 2018);
      g_date_set_dmy (&end, 31, 12, 2018);
      time = anpai_time_spec_parse (time_text, &start, &end);
      anpai_node_set_time (node, time);
    }
  id = anpai_project_add_node (f->project, node, plan, parent, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_unit (Fixture   *f,
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
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(AnpaiPlan) other = anpai_plan_new ();
  g_autoptr(GError) error = NULL;

  f->dir = anpai_test_tmpdir ();
  f->path = anpai_test_path (f->dir, "search.anpai");
  f->project = anpai_project_create (f->path, &error);
  g_assert_no_error (error);

  anpai_plan_set_title (plan, "驻马店市2018年度法治政府建设工作安排");
  anpai_plan_set_period_start (plan, "2018-01-01");
  anpai_plan_set_period_end (plan, "2018-12-31");
  f->plan = anpai_project_add_plan (f->project, plan, &error);
  anpai_plan_set_title (other, "驻马店市2018年度生态环境保护工作要点");
  f->other_plan = anpai_project_add_plan (f->project, other, &error);
  g_assert_no_error (error);

  f->sfj = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->fzb = anpai_project_ensure_unit (f->project, "市政府法制办公室", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->xq = anpai_project_ensure_unit (f->project, "各县区人民政府", ANPAI_UNIT_KIND_COLLECTIVE, &error);

  f->s1 = add_node (f, f->plan, 0, ANPAI_NODE_KIND_SECTION, "一、", "依法全面履行政府职能", "",
                    NULL, ANPAI_STATUS_NOT_STARTED);
  f->s1a = add_node (f, f->plan, f->s1, ANPAI_NODE_KIND_SECTION, "(一)", "深化行政审批制度改革", "",
                     NULL, ANPAI_STATUS_NOT_STARTED);
  f->t1 = add_node (f, f->plan, f->s1a, ANPAI_NODE_KIND_TASK, "1.", "全面实行政府权责清单制度",
                    "动态调整权责清单，向社会公开。", "2018年6月底前", ANPAI_STATUS_IN_PROGRESS);
  f->t2 = add_node (f, f->plan, f->s1a, ANPAI_NODE_KIND_TASK, "2.", "加强环境监管执法",
                    "严厉查处环境违法行为。", "2018年9月底前", ANPAI_STATUS_NOT_STARTED);
  f->s2 = add_node (f, f->plan, 0, ANPAI_NODE_KIND_SECTION, "二、", "推进严格规范公正文明执法", "",
                    NULL, ANPAI_STATUS_NOT_STARTED);
  f->t3 = add_node (f, f->plan, f->s2, ANPAI_NODE_KIND_TASK, "3.", "全面推行行政执法公示制度",
                    "执法全过程记录，重大执法决定法制审核。", "2018年年底前", ANPAI_STATUS_DONE);
  f->t4 = add_node (f, f->plan, f->s2, ANPAI_NODE_KIND_TASK, "4.", "开展PDF文书电子化",
                    "推行 Web 办案系统。", "2018年3月底前", ANPAI_STATUS_SUSPENDED);
  f->t5 = add_node (f, f->plan, f->s2, ANPAI_NODE_KIND_TASK, "5.", "落实法律顾问制度",
                    "", NULL, ANPAI_STATUS_NOT_STARTED);
  /* the same words in another plan must not show up */
  f->t6 = add_node (f, f->other_plan, 0, ANPAI_NODE_KIND_TASK, "1.", "加强环境监管执法",
                    "", NULL, ANPAI_STATUS_NOT_STARTED);

  set_unit (f, f->t1, ANPAI_ROLE_LEAD, f->fzb);
  set_unit (f, f->t2, ANPAI_ROLE_LEAD, f->sfj);
  set_unit (f, f->t2, ANPAI_ROLE_SUPPORT, f->xq);
  set_unit (f, f->t3, ANPAI_ROLE_LEAD, f->sfj);
  set_unit (f, f->t4, ANPAI_ROLE_CO, f->sfj);
  set_unit (f, f->t5, ANPAI_ROLE_LEAD, f->xq);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->project != NULL)
    {
      anpai_project_close (f->project);
      g_assert_finalize_object (f->project);
    }
  anpai_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The result as "id,id,…", matches marked with '*'. */
static char *
run (Fixture           *f,
     const AnpaiFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiFilterResult) result = NULL;
  GString *out = g_string_new (NULL);

  result = anpai_project_filter_nodes (f->project, f->plan, filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < anpai_filter_result_get_n_nodes (result); i++)
    {
      gint64 id = anpai_filter_result_get_node (result, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "%s", i > 0 ? "," : "", id,
                              anpai_filter_result_is_match (result, id) ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

static char *
ids (const char *first,
     ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", s);
  va_end (args);
  return g_string_free (out, FALSE);
}

#define ID(x) g_strdup_printf ("%" G_GINT64_FORMAT, (x))
#define HIT(x) g_strdup_printf ("%" G_GINT64_FORMAT "*", (x))

static char *
text_search (Fixture    *f,
             const char *text)
{
  AnpaiFilter filter = ANPAI_FILTER_INIT;

  filter.text = text;
  return run (f, &filter);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *s1 = ID (f->s1), *s1a = ID (f->s1a), *s2 = ID (f->s2);
  g_autofree char *t1 = HIT (f->t1), *t2 = HIT (f->t2), *t3 = HIT (f->t3), *t4 = HIT (f->t4);
  g_autofree char *s1hit = HIT (f->s1), *s2hit = HIT (f->s2), *t5 = HIT (f->t5);
  struct { const char *text; char *expected; } cases[] = {
    /* ≥ 3 characters: the trigram index */
    { "权责清单", ids (s1, s1a, t1, NULL) },
    { "执法公示", ids (s2, t3, NULL) },
    { "环境违法行为", ids (s1, s1a, t2, NULL) },
    /* 2 characters, in the title or the body, in another plan too */
    { "环境", ids (s1, s1a, t2, NULL) },
    { "执法", ids (s1, s1a, t2, s2hit, t3, NULL) },
    /* 1 character */
    { "法", ids (s1hit, s1a, t2, s2hit, t3, t5, NULL) },
    /* terms must all occur; short and long mixed; the ideographic space */
    { "执法 制度", ids (s2, t3, NULL) },
    { "执法\u3000公示制度", ids (s2, t3, NULL) },
    { "环境 清单", g_strdup ("") },
    /* ASCII, either case */
    { "pdf", ids (s2, t4, NULL) },
    { "web", ids (s2, t4, NULL) },
    { "we", ids (s2, t4, NULL) },
    /* LIKE's and MATCH's own characters are plain text */
    { "100%", g_strdup ("") },
    { "_", g_strdup ("") },
    { "\"执法", g_strdup ("") },
    { "NEAR(执法", g_strdup ("") },
    { "不存在的词", g_strdup ("") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = text_search (f, cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
      g_free (cases[i].expected);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  AnpaiFilter filter = ANPAI_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiFilterResult) bad = NULL;
  g_autoptr(AnpaiFilterResult) all = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *s1 = ID (f->s1), *s1a = ID (f->s1a), *s2 = ID (f->s2);
  g_autofree char *t1 = HIT (f->t1), *t2 = HIT (f->t2), *t3 = HIT (f->t3), *t4 = HIT (f->t4);

  g_assert_true (anpai_filter_is_empty (&filter));

  /* a unit in any role, or as lead only */
  filter.unit_id = f->sfj;
  got = run (f, &filter);
  expected = ids (s1, s1a, t2, s2, t3, t4, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);
  filter.lead_only = TRUE;
  got = run (f, &filter);
  expected = ids (s1, s1a, t2, s2, t3, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);

  /* statuses */
  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.statuses = ANPAI_STATUS_BIT (ANPAI_STATUS_DONE) | ANPAI_STATUS_BIT (ANPAI_STATUS_SUSPENDED);
  got = run (f, &filter);
  expected = ids (s2, t3, t4, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);

  /* due range, inclusive; tasks without a date never match */
  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.due_from = "2018-03-31";
  filter.due_to = "2018-06-30";
  got = run (f, &filter);
  expected = ids (s1, s1a, t1, s2, t4, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);
  filter.due_to = NULL;
  filter.due_from = "2018-07-01";
  got = run (f, &filter);
  expected = ids (s1, s1a, t2, s2, t3, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);

  /* everything together */
  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.text = "执法";
  filter.unit_id = f->sfj;
  filter.lead_only = TRUE;
  filter.statuses = ANPAI_STATUS_BIT (ANPAI_STATUS_NOT_STARTED);
  filter.due_to = "2018-12-31";
  g_assert_false (anpai_filter_is_empty (&filter));
  got = run (f, &filter);
  expected = ids (s1, s1a, t2, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);

  /* the empty filter shows the whole outline, in order */
  all = anpai_project_filter_nodes (f->project, f->plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anpai_filter_result_get_n_nodes (all), ==, 8);
  g_assert_cmpuint (anpai_filter_result_get_n_matches (all), ==, 8);
  g_assert_cmpint (anpai_filter_result_get_node (all, 0), ==, f->s1);
  g_assert_cmpint (anpai_filter_result_get_node (all, 4), ==, f->s2);
  g_assert_cmpint (anpai_filter_result_get_node (all, 7), ==, f->t5);

  /* bad requests */
  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.due_from = "2018-02-30";
  bad = anpai_project_filter_nodes (f->project, f->plan, &filter, &error);
  g_assert_null (bad);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  bad = anpai_project_filter_nodes (f->project, 9999, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  filter = (AnpaiFilter) ANPAI_FILTER_INIT;
  filter.statuses = 1u << 9;
  bad = anpai_project_filter_nodes (f->project, f->plan, &filter, &error);
  g_assert_null (bad);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

static gboolean
finds (Fixture    *f,
       const char *text,
       gint64      id)
{
  AnpaiFilter filter = ANPAI_FILTER_INIT;
  g_autoptr(AnpaiFilterResult) result = NULL;
  g_autoptr(GError) error = NULL;

  filter.text = text;
  result = anpai_project_filter_nodes (f->project, f->plan, &filter, &error);
  g_assert_no_error (error);
  return anpai_filter_result_is_match (result, id);
}

static void
assert_index_intact (Fixture *f)
{
  /* FTS5's own check of an external-content index against its table */
  anpai_test_sql (f->path, "INSERT INTO node_fts (node_fts, rank) VALUES ('integrity-check', 1)");
}

/* The index follows every edit, and undo and redo put it back with node. */
static void
test_index_follows_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiNode) node = NULL;

  assert_index_intact (f);

  node = anpai_project_load_node (f->project, f->t1, &error);
  anpai_node_set_title (node, "全面推行证明事项告知承诺制");
  g_assert_true (anpai_project_update_node (f->project, node, &error));
  g_assert_no_error (error);
  g_assert_true (finds (f, "告知承诺", f->t1));
  g_assert_false (finds (f, "权责清单制度", f->t1));
  g_assert_true (finds (f, "权责清单", f->t1));  /* still in the body */
  assert_index_intact (f);

  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (finds (f, "告知承诺", f->t1));
  g_assert_true (finds (f, "权责清单制度", f->t1));
  assert_index_intact (f);

  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  g_assert_true (finds (f, "告知承诺", f->t1));
  assert_index_intact (f);

  /* a deleted subtree leaves the index; undo brings it back */
  g_assert_true (anpai_project_delete_node (f->project, f->s1, &error));
  g_assert_no_error (error);
  g_assert_false (finds (f, "环境违法", f->t2));
  assert_index_intact (f);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_true (finds (f, "环境违法", f->t2));
  assert_index_intact (f);
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  g_assert_false (finds (f, "环境违法", f->t2));
  g_assert_true (anpai_project_undo (f->project, NULL, &error));

  /* a whole plan, by cascade */
  g_assert_true (anpai_project_delete_plan (f->project, f->plan, &error));
  assert_index_intact (f);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (finds (f, "执法公示", f->t3));
  assert_index_intact (f);

  /* an edit rolled back leaves no trace in the index */
  g_assert_true (anpai_project_begin (f->project, "Test", &error));
  g_clear_object (&node);
  node = anpai_project_load_node (f->project, f->t3, &error);
  anpai_node_set_title (node, "临时标题内容");
  g_assert_true (anpai_project_update_node (f->project, node, &error));
  g_assert_true (finds (f, "临时标题", f->t3));  /* seen inside the edit */
  anpai_project_rollback (f->project);
  g_assert_false (finds (f, "临时标题", f->t3));
  g_assert_true (finds (f, "执法公示", f->t3));
  assert_index_intact (f);

  /* and after reopening the file */
  anpai_project_close (f->project);
  g_clear_object (&f->project);
  f->project = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (finds (f, "告知承诺", f->t1));
  g_assert_true (finds (f, "承诺", f->t1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/text", test_text);
  ADD ("/search/filters", test_filters);
  ADD ("/search/index-follows-undo", test_index_follows_undo);
#undef ADD
  return g_test_run ();
}
