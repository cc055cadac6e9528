/* test-outline-edit.c — outline edits: places, labels, undo and refusals
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-outline-edit.h"
#include "anpai-test-util.h"

#define S ANPAI_NODE_KIND_SECTION
#define T ANPAI_NODE_KIND_TASK
#define X ANPAI_NODE_KIND_TEXT

typedef struct {
  int            depth;
  const char    *label;
  AnpaiNodeKind  kind;
  const char    *title;
} Row;

/* The shape of a municipal 工作要点: 一、 parts, （一） groups, 1. tasks, a
 * guiding paragraph as text, and measures written (一) as tasks. */
static const Row work_points[] = {
  { 0, "一、", S, "总体要求" },
  { 1, "", X, "以习近平新时代中国特色社会主义思想为指导" },
  { 0, "二、", S, "主要任务" },
  { 1, "（一）", S, "深化放管服改革" },
  { 2, "1.", T, "推行告知承诺制" },
  { 2, "2.", T, "精简审批事项" },
  { 2, "3.", T, "推进一网通办" },
  { 1, "（二）", S, "优化营商环境" },
  { 2, "1.", T, "开展营商环境评价" },
  { 2, "2.", T, "清理拖欠账款" },
  { 1, "（三）", S, "加强法治建设" },
  { 2, "1.", T, "规范行政执法" },
  { 0, "三、", S, "保障措施" },
  { 1, "(一)", T, "加强组织领导" },
  { 1, "(二)", T, "强化督查考核" },
  { -1 }
};

/* An action plan numbering its tasks straight through the groups. */
static const Row run_on_plan[] = {
  { 0, "（一）", S, "提升审批效率" },
  { 1, "1.", T, "甲" },
  { 1, "2.", T, "乙" },
  { 0, "（二）", S, "提升服务水平" },
  { 1, "3.", T, "丙" },
  { 1, "4.", T, "丁" },
  { 0, "（三）", S, "提升监管效能" },
  { 1, "5.", T, "戊" },
  { -1 }
};

typedef struct {
  char          *dir;
  char          *path;
  AnpaiProject  *project;
  gint64         plan;        /* work_points */
  gint64         other_plan;  /* run_on_plan */
  GHashTable    *ids;         /* title → gint64 id */
  AnpaiChanges  *last_changes;
  int            n_changed;
} Fixture;

static void
changed_cb (AnpaiProject *project,
            AnpaiChanges *changes,
            Fixture      *f)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  f->last_changes = anpai_changes_ref (changes);
  f->n_changed++;
}

static gint64
build_plan (Fixture    *f,
            const char *title,
            const Row  *rows)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 parents[8] = { 0 };
  gint64 plan_id;

  anpai_plan_set_title (plan, title);
  plan_id = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);
  for (const Row *row = rows; row->depth >= 0; row++)
    {
      g_autoptr(AnpaiNode) node = anpai_node_new (row->kind);
      gint64 *id = g_new (gint64, 1);

      anpai_node_set_label (node, row->label);
      anpai_node_set_title (node, row->title);
      *id = anpai_project_add_node (f->project, node, plan_id,
                                    row->depth > 0 ? parents[row->depth - 1] : 0, -1, &error);
      g_assert_no_error (error);
      parents[row->depth] = *id;
      g_hash_table_insert (f->ids, (gpointer) row->title, id);
    }
  return plan_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = anpai_test_tmpdir ();
  f->path = anpai_test_path (f->dir, "outline.anpai");
  f->project = anpai_project_create (f->path, &error);
  g_assert_no_error (error);
  f->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_assert_true (anpai_project_begin (f->project, "Build", &error));
  f->plan = build_plan (f, "某市2024年法治政府建设工作要点", work_points);
  f->other_plan = build_plan (f, "某市优化营商环境行动方案", run_on_plan);
  g_assert_true (anpai_project_commit (f->project, &error));
  anpai_project_clear_history (f->project);
  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  g_clear_pointer (&f->ids, g_hash_table_unref);
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
id_of (Fixture    *f,
       const char *title)
{
  gint64 *id = g_hash_table_lookup (f->ids, title);

  g_assert_nonnull (id);
  return *id;
}

static void
append_outline (Fixture *f,
                GString *out,
                gint64   plan_id,
                gint64   parent_id,
                int      depth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = anpai_project_load_children (f->project, plan_id, parent_id,
                                                               &error);

  g_assert_no_error (error);
  for (guint i = 0; i < children->len; i++)
    {
      AnpaiNode *node = children->pdata[i];

      g_assert_cmpint (anpai_node_get_position (node), ==, i);
      for (int d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s%s\n", anpai_node_get_label (node),
                              anpai_node_get_title (node));
      append_outline (f, out, plan_id, anpai_node_get_id (node), depth + 1);
    }
}

/* The plan as an indented list of label + title; checks positions 0…n-1. */
static char *
outline (Fixture *f,
         gint64   plan_id)
{
  GString *out = g_string_new (NULL);

  append_outline (f, out, plan_id, 0, 0);
  return g_string_free (out, FALSE);
}

/* Every node row exactly, by id, and the plans' manual flags. */
static char *
rows (Fixture *f)
{
  return anpai_test_sql_text (f->path,
                              "SELECT group_concat(r, ';') FROM (SELECT id || ',' || plan_id || ','"
                              " || ifnull(parent_id, '-') || ',' || position || ',' || label || ','"
                              " || kind || ',' || title AS r FROM node ORDER BY id)"
                              " UNION ALL SELECT group_concat(manual_labels) FROM plan");
}

/* Every sibling group is numbered 0 … n-1. */
static void
assert_positions_contiguous (Fixture *f)
{
  g_assert_cmpint (anpai_test_sql_int (f->path,
                                       "SELECT count(*) FROM (SELECT plan_id, parent_id,"
                                       " count(*) AS n, count(DISTINCT position) AS d,"
                                       " min(position) AS lo, max(position) AS hi"
                                       " FROM node GROUP BY plan_id, parent_id)"
                                       " WHERE n <> d OR lo <> 0 OR hi <> n - 1"),
                   ==, 0);
}

/* Undo gives back exactly @before, redo exactly @after. */
static void
assert_undo_redo (Fixture    *f,
                  const char *label,
                  const char *before,
                  const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undo_label = NULL;

  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, label);
  g_assert_true (anpai_project_undo (f->project, &undo_label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label, ==, label);
  undone = rows (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  g_assert_no_error (error);
  redone = rows (f);
  g_assert_cmpstr (redone, ==, after);
  assert_positions_contiguous (f);
}

/* An invalid edit fails with INVALID and leaves everything as it was. */
#define assert_refused(f, call) G_STMT_START {                          \
    g_autoptr(GError) refused_error = NULL;                             \
    g_autofree char *refused_before = rows (f);                         \
    g_autofree char *refused_after = NULL;                              \
    int refused_changed = (f)->n_changed;                               \
    gboolean refused_undo = anpai_project_can_undo ((f)->project);      \
    gboolean refused_ok;                                                \
    GError **refusal = &refused_error;                                  \
                                                                        \
    refused_ok = (call);                                                \
    g_assert_false (refused_ok);                                        \
    g_assert_error (refused_error, ANPAI_PROJECT_ERROR,                 \
                    ANPAI_PROJECT_ERROR_INVALID);                       \
    refused_after = rows (f);                                           \
    g_assert_cmpstr (refused_after, ==, refused_before);                \
    g_assert_cmpint ((f)->n_changed, ==, refused_changed);              \
    g_assert_cmpint (anpai_project_can_undo ((f)->project), ==, refused_undo); \
    g_assert_false (anpai_project_in_edit ((f)->project));              \
  } G_STMT_END

static const char work_points_text[] =
  "一、总体要求\n"
  "  以习近平新时代中国特色社会主义思想为指导\n"
  "二、主要任务\n"
  "  （一）深化放管服改革\n"
  "    1.推行告知承诺制\n"
  "    2.精简审批事项\n"
  "    3.推进一网通办\n"
  "  （二）优化营商环境\n"
  "    1.开展营商环境评价\n"
  "    2.清理拖欠账款\n"
  "  （三）加强法治建设\n"
  "    1.规范行政执法\n"
  "三、保障措施\n"
  "  (一)加强组织领导\n"
  "  (二)强化督查考核\n";

static void
test_fixture_shape (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = outline (f, f->plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;

  g_assert_cmpstr (text, ==, work_points_text);
  assert_positions_contiguous (f);

  /* a plan in its own style: renumbering is no step at all */
  g_assert_true (anpai_outline_renumber (f->project, f->plan, &error));
  g_assert_no_error (error);
  after = rows (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (anpai_project_can_undo (f->project));
  g_assert_cmpint (f->n_changed, ==, 0);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiNode) task = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(AnpaiNode) child = anpai_node_new (ANPAI_NODE_KIND_TASK);
  g_autoptr(AnpaiNode) section = anpai_node_new (ANPAI_NODE_KIND_SECTION);
  g_autoptr(AnpaiNode) text = anpai_node_new (ANPAI_NODE_KIND_TEXT);
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 id;

  anpai_node_set_title (task, "压减办理时限");
  anpai_node_set_label (task, "9.");  /* ignored: the plan numbers itself */
  id = anpai_outline_add_after (f->project, id_of (f, "推行告知承诺制"), task, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Add Task");
  g_assert_true (anpai_changes_has_plan (f->last_changes, f->plan));
  g_assert_true (anpai_changes_has_node (f->last_changes, id));
  /* the tasks after it moved down and were renumbered */
  g_assert_true (anpai_changes_has_node (f->last_changes, id_of (f, "推进一网通办")));
  g_assert_false (anpai_changes_has_node (f->last_changes, id_of (f, "推行告知承诺制")));
  assert_undo_redo (f, "Add Task", before, (after = rows (f)));

  anpai_node_set_title (child, "编制告知承诺事项清单");
  id = anpai_outline_add_child (f->project, id, child, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  anpai_node_set_title (section, "工作要求");
  g_assert_cmpint (anpai_outline_add_top (f->project, f->plan, section, &error), >, 0);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Add Section");
  anpai_node_set_title (text, "各单位要按时报送进展情况。");
  anpai_node_set_label (text, "注：");
  g_assert_cmpint (anpai_outline_add_child (f->project, id_of (f, "保障措施"), text, &error), >, 0);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Add Text");

  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）深化放管服改革\n"
                   "    1.推行告知承诺制\n"
                   "    2.压减办理时限\n"
                   "      （1）编制告知承诺事项清单\n"
                   "    3.精简审批事项\n"
                   "    4.推进一网通办\n"
                   "  （二）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "    2.清理拖欠账款\n"
                   "  （三）加强法治建设\n"
                   "    1.规范行政执法\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n"
                   "  各单位要按时报送进展情况。\n"
                   "四、工作要求\n");

  /* the other plan was not touched */
  g_clear_pointer (&result, g_free);
  result = outline (f, f->other_plan);
  g_assert_cmpstr (result, ==,
                   "（一）提升审批效率\n  1.甲\n  2.乙\n"
                   "（二）提升服务水平\n  3.丙\n  4.丁\n"
                   "（三）提升监管效能\n  5.戊\n");

  assert_refused (f, anpai_outline_add_after (f->project, 999999, task, refusal) != 0);
  assert_refused (f, anpai_outline_add_top (f->project, 999999, task, refusal) != 0);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 group = id_of (f, "深化放管服改革");
  gint64 several[] = { id_of (f, "清理拖欠账款"), id_of (f, "加强法治建设"),
                       id_of (f, "规范行政执法"), id_of (f, "清理拖欠账款") };

  g_assert_true (anpai_outline_delete (f->project, &group, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Delete “深化放管服改革”");
  /* the subtree went with it, and the signal names it */
  g_assert_true (anpai_changes_has_node (f->last_changes, id_of (f, "推进一网通办")));
  g_assert_cmpint (anpai_test_sql_int (f->path, "SELECT count(*) FROM node WHERE plan_id = 1"), ==, 11);
  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "    2.清理拖欠账款\n"
                   "  （二）加强法治建设\n"
                   "    1.规范行政执法\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n");
  after = rows (f);
  assert_undo_redo (f, "Delete “深化放管服改革”", before, after);

  /* several at once; one listed twice, one under another selected item */
  g_assert_true (anpai_outline_delete (f->project, several, G_N_ELEMENTS (several), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Delete 2 Items");
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n");
  assert_undo_redo (f, "Delete 2 Items", after, (g_free (before), before = rows (f)));

  {
    gint64 across[] = { id_of (f, "开展营商环境评价"), id_of (f, "甲") };
    gint64 gone = 999999;

    assert_refused (f, anpai_outline_delete (f->project, across, 2, refusal));
    assert_refused (f, anpai_outline_delete (f->project, &gone, 1, refusal));
    assert_refused (f, anpai_outline_delete (f->project, NULL, 0, refusal));
  }
}

static void
test_indent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 one = id_of (f, "精简审批事项");
  gint64 two[] = { id_of (f, "推进一网通办"), id_of (f, "清理拖欠账款") };

  g_assert_true (anpai_outline_indent (f->project, &one, 1, &error));
  g_assert_no_error (error);
  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）深化放管服改革\n"
                   "    1.推行告知承诺制\n"
                   "      （1）精简审批事项\n"
                   "    2.推进一网通办\n"
                   "  （二）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "    2.清理拖欠账款\n"
                   "  （三）加强法治建设\n"
                   "    1.规范行政执法\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n");
  /* exactly the rows that changed: the item and the sibling renumbered */
  g_assert_cmpuint (g_hash_table_size (anpai_changes_get_nodes (f->last_changes)), ==, 2);
  g_assert_true (anpai_changes_has_node (f->last_changes, one));
  g_assert_true (anpai_changes_has_node (f->last_changes, two[0]));
  after = rows (f);
  assert_undo_redo (f, "Indent", before, after);

  /* two at once, in different groups */
  g_assert_true (anpai_outline_indent (f->project, two, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）深化放管服改革\n"
                   "    1.推行告知承诺制\n"
                   "      （1）精简审批事项\n"
                   "      （2）推进一网通办\n"
                   "  （二）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "      （1）清理拖欠账款\n"
                   "  （三）加强法治建设\n"
                   "    1.规范行政执法\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n");
  assert_undo_redo (f, "Indent", after, (g_free (before), before = rows (f)));

  /* a first child, a first top-level item, or a batch with one: refused */
  {
    gint64 first = id_of (f, "推行告知承诺制");
    gint64 top = id_of (f, "总体要求");
    gint64 mixed[] = { id_of (f, "强化督查考核"), id_of (f, "加强组织领导") };

    assert_refused (f, anpai_outline_indent (f->project, &first, 1, refusal));
    assert_refused (f, anpai_outline_indent (f->project, &top, 1, refusal));
    assert_refused (f, anpai_outline_indent (f->project, mixed, 2, refusal));
  }
}

static void
test_outdent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 middle = id_of (f, "精简审批事项");

  g_assert_true (anpai_outline_outdent (f->project, &middle, 1, &error));
  g_assert_no_error (error);
  result = outline (f, f->plan);
  /* the rows keep their order: the following sibling is now its child;
   * the task at depth 1 is numbered with the groups there */
  g_assert_cmpstr (result, ==,
                   "一、总体要求\n"
                   "  以习近平新时代中国特色社会主义思想为指导\n"
                   "二、主要任务\n"
                   "  （一）深化放管服改革\n"
                   "    1.推行告知承诺制\n"
                   "  （二）精简审批事项\n"
                   "    1.推进一网通办\n"
                   "  （三）优化营商环境\n"
                   "    1.开展营商环境评价\n"
                   "    2.清理拖欠账款\n"
                   "  （四）加强法治建设\n"
                   "    1.规范行政执法\n"
                   "三、保障措施\n"
                   "  (一)加强组织领导\n"
                   "  (二)强化督查考核\n");
  after = rows (f);
  assert_undo_redo (f, "Outdent", before, after);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));

  /* two consecutive siblings: both come out, the second under the first's
   * level, its follower under it */
  {
    gint64 two[] = { id_of (f, "精简审批事项"), id_of (f, "推行告知承诺制") };

    g_assert_true (anpai_outline_outdent (f->project, two, 2, &error));
    g_assert_no_error (error);
    g_clear_pointer (&result, g_free);
    result = outline (f, f->plan);
    g_assert_true (strstr (result,
                           "  （一）深化放管服改革\n"
                           "  （二）推行告知承诺制\n"
                           "  （三）精简审批事项\n"
                           "    1.推进一网通办\n"
                           "  （四）优化营商环境\n") != NULL);
  }

  {
    gint64 top = id_of (f, "保障措施");

    assert_refused (f, anpai_outline_outdent (f->project, &top, 1, refusal));
  }
}

static void
test_move_up_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 group = id_of (f, "优化营商环境");

  g_assert_true (anpai_outline_move_up (f->project, group, &error));
  g_assert_no_error (error);
  result = outline (f, f->plan);
  g_assert_true (strstr (result,
                         "  （一）优化营商环境\n"
                         "    1.开展营商环境评价\n"
                         "    2.清理拖欠账款\n"
                         "  （二）深化放管服改革\n"
                         "    1.推行告知承诺制\n") != NULL);
  /* the two swapped rows and nothing else */
  g_assert_cmpuint (g_hash_table_size (anpai_changes_get_nodes (f->last_changes)), ==, 2);
  after = rows (f);
  assert_undo_redo (f, "Move Up", before, after);

  g_assert_true (anpai_outline_move_down (f->project, id_of (f, "开展营商环境评价"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Move Down");
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (strstr (result, "    1.清理拖欠账款\n    2.开展营商环境评价\n") != NULL);

  assert_refused (f, anpai_outline_move_up (f->project, id_of (f, "总体要求"), refusal));
  assert_refused (f, anpai_outline_move_down (f->project, id_of (f, "保障措施"), refusal));
  assert_refused (f, anpai_outline_move_down (f->project, id_of (f, "开展营商环境评价"), refusal));
}

static void
test_move_to (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;
  gint64 task = id_of (f, "推进一网通办");
  gint64 group = id_of (f, "优化营商环境");

  /* to the front of another group */
  g_assert_true (anpai_outline_move_to (f->project, task, f->plan, group, 0, &error));
  g_assert_no_error (error);
  result = outline (f, f->plan);
  g_assert_true (strstr (result,
                         "    2.精简审批事项\n"
                         "  （二）优化营商环境\n"
                         "    1.推进一网通办\n"
                         "    2.开展营商环境评价\n"
                         "    3.清理拖欠账款\n") != NULL);
  after = rows (f);
  assert_undo_redo (f, "Move", before, after);

  /* down within its parent: the position counts without the item */
  g_assert_true (anpai_outline_move_to (f->project, task, 0, group, 1, &error));
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (strstr (result, "    1.开展营商环境评价\n    2.推进一网通办\n    3.清理拖欠账款\n") != NULL);
  g_assert_true (anpai_outline_move_to (f->project, task, 0, group, -1, &error));
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (strstr (result, "    2.清理拖欠账款\n    3.推进一网通办\n") != NULL);

  /* a whole group to the top level, between 一、 and 二、 */
  g_assert_true (anpai_outline_move_to (f->project, group, 0, 0, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (g_str_has_prefix (result,
                                   "一、总体要求\n"
                                   "  以习近平新时代中国特色社会主义思想为指导\n"
                                   "二、优化营商环境\n"
                                   "  (一)开展营商环境评价\n"
                                   "  (二)清理拖欠账款\n"
                                   "  (三)推进一网通办\n"
                                   "三、主要任务\n"
                                   "  （一）深化放管服改革\n"));
  assert_positions_contiguous (f);

  assert_refused (f, anpai_outline_move_to (f->project, group, 0, group, 0, refusal));
  assert_refused (f, anpai_outline_move_to (f->project, id_of (f, "主要任务"), 0,
                                            id_of (f, "规范行政执法"), 0, refusal));
  assert_refused (f, anpai_outline_move_to (f->project, task, f->other_plan, 0, 0, refusal));
  assert_refused (f, anpai_outline_move_to (f->project, task, 0, id_of (f, "甲"), 0, refusal));
  assert_refused (f, anpai_outline_move_to (f->project, task, 0, 999999, 0, refusal));
}

static void
test_run_on (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiNumbering) numbering = anpai_outline_get_numbering (f->project, f->other_plan,
                                                                     &error);
  g_autofree char *before = rows (f);
  g_autofree char *result = NULL;
  gint64 bing = id_of (f, "丙");

  g_assert_no_error (error);
  g_assert_true (anpai_numbering_get_run_on (numbering, 1, ANPAI_NODE_KIND_TASK));
  g_assert_cmpint (anpai_numbering_get_style (numbering, 0, ANPAI_NODE_KIND_SECTION), ==,
                   ANPAI_NUMBER_STYLE_CN_PAREN_FULL);

  g_assert_true (anpai_outline_move_to (f->project, bing, 0, id_of (f, "提升审批效率"), 0, &error));
  g_assert_no_error (error);
  result = outline (f, f->other_plan);
  g_assert_cmpstr (result, ==,
                   "（一）提升审批效率\n  1.丙\n  2.甲\n  3.乙\n"
                   "（二）提升服务水平\n  4.丁\n"
                   "（三）提升监管效能\n  5.戊\n");
  assert_undo_redo (f, "Move", before, (g_free (result), result = rows (f)));

  /* deleting the only task of a group: later ones close up */
  g_assert_true (anpai_outline_delete (f->project, &(gint64) { id_of (f, "丁") }, 1, &error));
  g_clear_pointer (&result, g_free);
  result = outline (f, f->other_plan);
  g_assert_cmpstr (result, ==,
                   "（一）提升审批效率\n  1.丙\n  2.甲\n  3.乙\n"
                   "（二）提升服务水平\n"
                   "（三）提升监管效能\n  4.戊\n");
}

static void
test_manual_labels (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (f);
  g_autofree char *manual = NULL;
  g_autofree char *result = NULL;
  gint64 task = id_of (f, "精简审批事项");
  AnpaiPlan *live = anpai_project_get_plan (f->project, f->plan);

  g_assert_true (anpai_outline_set_manual_labels (f->project, f->plan, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (anpai_plan_get_manual_labels (live));
  g_assert_true (anpai_changes_has_plan (f->last_changes, f->plan));
  manual = rows (f);
  assert_undo_redo (f, "Number by Hand", before, manual);

  /* labels are the user's now: an indent keeps them as they are */
  g_assert_true (anpai_outline_indent (f->project, &task, 1, &error));
  result = outline (f, f->plan);
  g_assert_true (strstr (result,
                         "    1.推行告知承诺制\n"
                         "      2.精简审批事项\n"
                         "    3.推进一网通办\n") != NULL);
  assert_refused (f, anpai_outline_renumber (f->project, f->plan, refusal));

  /* back to automatic: renumbered in the same step, in the style the
   * labels now show (the hand-kept "2." makes depth 3 a "1." level) */
  g_assert_true (anpai_outline_set_manual_labels (f->project, f->plan, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Number Automatically");
  g_assert_false (anpai_plan_get_manual_labels (live));
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (strstr (result,
                         "    1.推行告知承诺制\n"
                         "      1.精简审批事项\n"
                         "    2.推进一网通办\n") != NULL);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_true (anpai_plan_get_manual_labels (live));
  g_clear_pointer (&result, g_free);
  result = outline (f, f->plan);
  g_assert_true (strstr (result, "      2.精简审批事项\n    3.推进一网通办\n") != NULL);

  assert_refused (f, anpai_outline_set_manual_labels (f->project, 999999, TRUE, refusal));
}

/* A plan whose labels went stale (edited elsewhere): renumbering fixes them,
 * clears the label of text, and writes only the rows that differ. */
static void
test_renumber (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *result = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE node SET label = '7.' WHERE id = %" G_GINT64_FORMAT ";"
                                          "UPDATE node SET label = '说明' WHERE id = %" G_GINT64_FORMAT,
                                          id_of (f, "精简审批事项"),
                                          id_of (f, "以习近平新时代中国特色社会主义思想为指导"));

  anpai_project_close (f->project);
  g_clear_object (&f->project);
  anpai_test_sql (f->path, sql);
  f->project = anpai_project_open (f->path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
  before = rows (f);

  g_assert_true (anpai_outline_renumber (f->project, f->plan, &error));
  g_assert_no_error (error);
  result = outline (f, f->plan);
  g_assert_cmpstr (result, ==, work_points_text);
  g_assert_cmpuint (g_hash_table_size (anpai_changes_get_nodes (f->last_changes)), ==, 2);
  assert_undo_redo (f, "Renumber", before, (g_free (result), result = rows (f)));
}

/* One unit for several tasks in one step: a new lead replaces the old one,
 * a supporting unit is appended once, a unit named in another role moves. */
static void
test_assign_unit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 tasks[] = { id_of (f, "推行告知承诺制"), id_of (f, "精简审批事项") };
  gint64 bureau, office;
  g_autoptr(GArray) lead = NULL;
  g_autoptr(GArray) support = NULL;
  g_autoptr(GArray) co = NULL;

  bureau = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  office = anpai_project_ensure_unit (f->project, "市政府办公室", ANPAI_UNIT_KIND_GOVERNMENT, &error);
  g_assert_true (anpai_project_set_node_units (f->project, tasks[0], ANPAI_ROLE_CO, &bureau, 1, &error));
  g_assert_true (anpai_project_set_node_units (f->project, tasks[1], ANPAI_ROLE_LEAD, &office, 1, &error));

  g_assert_true (anpai_outline_assign_unit (f->project, tasks, 2, bureau, ANPAI_ROLE_LEAD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Assign Unit");
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&lead, g_array_unref);
      lead = anpai_project_get_node_units (f->project, tasks[i], ANPAI_ROLE_LEAD);
      g_assert_cmpuint (lead->len, ==, 1);
      g_assert_cmpint (g_array_index (lead, gint64, 0), ==, bureau);
    }
  co = anpai_project_get_node_units (f->project, tasks[0], ANPAI_ROLE_CO);
  g_assert_cmpuint (co->len, ==, 0);

  g_assert_true (anpai_outline_assign_unit (f->project, tasks, 2, office, ANPAI_ROLE_SUPPORT, &error));
  g_assert_true (anpai_outline_assign_unit (f->project, tasks, 1, office, ANPAI_ROLE_SUPPORT, &error));
  support = anpai_project_get_node_units (f->project, tasks[0], ANPAI_ROLE_SUPPORT);
  g_assert_cmpuint (support->len, ==, 1);

  /* undo takes the whole assignment back at once */
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_clear_pointer (&support, g_array_unref);
  support = anpai_project_get_node_units (f->project, tasks[1], ANPAI_ROLE_SUPPORT);
  g_assert_cmpuint (support->len, ==, 0);

  g_assert_false (anpai_outline_assign_unit (f->project, tasks, 0, office, ANPAI_ROLE_CO, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/outline-edit/fixture-shape", test_fixture_shape);
  ADD ("/outline-edit/add", test_add);
  ADD ("/outline-edit/delete", test_delete);
  ADD ("/outline-edit/indent", test_indent);
  ADD ("/outline-edit/outdent", test_outdent);
  ADD ("/outline-edit/move-up-down", test_move_up_down);
  ADD ("/outline-edit/move-to", test_move_to);
  ADD ("/outline-edit/run-on", test_run_on);
  ADD ("/outline-edit/manual-labels", test_manual_labels);
  ADD ("/outline-edit/renumber", test_renumber);
  ADD ("/outline-edit/assign-unit", test_assign_unit);
#undef ADD

  return g_test_run ();
}
