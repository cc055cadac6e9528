/* test-unit-edit.c — merging and renaming units, their order, the Units
 * view's counts, task lists and responsibility matrix
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-test-util.h"
#include "anpai-unit-edit.h"

/* A plan in the shape of 驻马店市2018年度法治政府建设工作安排: sections,
 * tasks with 牵头/配合 units and time requirements, and the units of the
 * 2018 institutional reform (市政府法制办公室 merged into 市司法局). */
typedef struct {
  char          *dir;
  AnpaiProject  *project;
  gint64         plan;
  gint64         section1, section2;
  gint64         t1, t2, t3, t4, t5;
  gint64         sfj, fzb, xq, czj;
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
add_node (Fixture       *f,
          gint64         parent,
          AnpaiNodeKind  kind,
          const char    *label,
          const char    *title,
          const char    *time_text,
          AnpaiStatus    status)
{
  g_autoptr(AnpaiNode) node = anpai_node_new (kind);
  g_autoptr(GError) error = NULL;
  gint64 id;

  anpai_node_set_label (node, label);
  anpai_node_set_title (node, title);
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
  id = anpai_project_add_node (f->project, node, f->plan, parent, -1, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_units (Fixture   *f,
           gint64     node,
           AnpaiRole  role,
           gint64     a,
           gint64     b)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { a, b };

  g_assert_true (anpai_project_set_node_units (f->project, node, role, ids, b > 0 ? 2 : 1, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AnpaiPlan) plan = anpai_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = anpai_test_tmpdir ();
  path = anpai_test_path (f->dir, "units.anpai");
  f->project = anpai_project_create (path, &error);
  g_assert_no_error (error);

  anpai_plan_set_title (plan, "驻马店市2018年度法治政府建设工作安排");
  anpai_plan_set_doc_number (plan, "驻政办〔2018〕46号");
  anpai_plan_set_period_start (plan, "2018-01-01");
  anpai_plan_set_period_end (plan, "2018-12-31");
  f->plan = anpai_project_add_plan (f->project, plan, &error);
  g_assert_no_error (error);

  f->sfj = anpai_project_ensure_unit (f->project, "市司法局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->fzb = anpai_project_ensure_unit (f->project, "市政府法制办公室", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  f->xq = anpai_project_ensure_unit (f->project, "各县区人民政府", ANPAI_UNIT_KIND_COLLECTIVE, &error);
  f->czj = anpai_project_ensure_unit (f->project, "市财政局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_assert_no_error (error);
  g_assert_true (anpai_project_add_unit_alias (f->project, f->fzb, "市政府法制办", &error));
  g_assert_no_error (error);

  f->section1 = add_node (f, 0, ANPAI_NODE_KIND_SECTION, "一、", "依法全面履行政府职能", NULL,
                          ANPAI_STATUS_NOT_STARTED);
  f->t1 = add_node (f, f->section1, ANPAI_NODE_KIND_TASK, "(一)", "全面实行政府权责清单制度",
                    "2018年6月底前", ANPAI_STATUS_IN_PROGRESS);
  f->t2 = add_node (f, f->section1, ANPAI_NODE_KIND_TASK, "(二)", "推进行政审批制度改革",
                    "2018年3月底前", ANPAI_STATUS_DONE);
  f->section2 = add_node (f, 0, ANPAI_NODE_KIND_SECTION, "二、", "完善依法行政制度体系", NULL,
                          ANPAI_STATUS_NOT_STARTED);
  f->t3 = add_node (f, f->section2, ANPAI_NODE_KIND_TASK, "(三)", "加强规范性文件监督管理",
                    "2018年9月底前", ANPAI_STATUS_NOT_STARTED);
  f->t4 = add_node (f, f->section2, ANPAI_NODE_KIND_TASK, "(四)", "开展规章规范性文件清理",
                    "2018年年底前", ANPAI_STATUS_NOT_STARTED);
  f->t5 = add_node (f, f->section2, ANPAI_NODE_KIND_TASK, "(五)", "落实重大行政决策程序",
                    "2018年5月底前", ANPAI_STATUS_CANCELLED);

  /* t1: 法制办 leads alone; t2: 法制办 leads, 司法局 co; t3: 司法局 leads,
   * 法制办 co, 县区 support; t4: 法制办 supports; t5: 财政局 leads. */
  set_units (f, f->t1, ANPAI_ROLE_LEAD, f->fzb, 0);
  set_units (f, f->t2, ANPAI_ROLE_LEAD, f->fzb, 0);
  set_units (f, f->t2, ANPAI_ROLE_CO, f->sfj, 0);
  set_units (f, f->t3, ANPAI_ROLE_LEAD, f->sfj, 0);
  set_units (f, f->t3, ANPAI_ROLE_CO, f->fzb, 0);
  set_units (f, f->t3, ANPAI_ROLE_SUPPORT, f->xq, 0);
  set_units (f, f->t4, ANPAI_ROLE_LEAD, f->czj, 0);
  set_units (f, f->t4, ANPAI_ROLE_SUPPORT, f->fzb, f->xq);
  set_units (f, f->t5, ANPAI_ROLE_LEAD, f->czj, 0);

  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->last_changes, anpai_changes_unref);
  anpai_project_close (f->project);
  g_assert_finalize_object (f->project);
  anpai_test_rm_rf (f->dir);
  g_free (f->dir);
}

static int
role_of (Fixture *f,
         gint64   node,
         gint64   unit)
{
  for (int role = ANPAI_ROLE_LEAD; role <= ANPAI_ROLE_SUPPORT; role++)
    {
      g_autoptr(GArray) ids = anpai_project_get_node_units (f->project, node, role);

      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == unit)
          return role;
    }
  return -1;
}

/* Undo gives back exactly @before, redo exactly @after. */
static void
assert_undo_redo (Fixture    *f,
                  const char *before,
                  const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = anpai_test_dump_string (f->project);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, label);
  g_assert_true (anpai_project_undo (f->project, NULL, &error));
  g_assert_no_error (error);
  undone = anpai_test_dump_string (f->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (anpai_project_redo (f->project, NULL, &error));
  g_assert_no_error (error);
  redone = anpai_test_dump_string (f->project);
  g_assert_cmpstr (redone, ==, after);
}

static void
assert_refused (Fixture    *f,
                const char *before,
                GError     *error)
{
  g_autofree char *now = anpai_test_dump_string (f->project);

  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (anpai_project_in_edit (f->project));
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autoptr(GPtrArray) aliases = NULL;
  int n_changed = f->n_changed;

  g_assert_true (anpai_project_merge_units (f->project, f->fzb, f->sfj, "2019-02-20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_changed, ==, n_changed + 1);
  g_assert_true (anpai_changes_has_unit (f->last_changes, f->fzb));
  g_assert_true (anpai_changes_has_unit (f->last_changes, f->sfj));
  g_assert_true (anpai_changes_has_node (f->last_changes, f->t1));
  g_assert_true (anpai_changes_has_node (f->last_changes, f->t2));

  /* the merged unit's tasks are the survivor's, with the stronger role */
  g_assert_cmpint (role_of (f, f->t1, f->sfj), ==, ANPAI_ROLE_LEAD);
  g_assert_cmpint (role_of (f, f->t2, f->sfj), ==, ANPAI_ROLE_LEAD);   /* co → lead */
  g_assert_cmpint (role_of (f, f->t3, f->sfj), ==, ANPAI_ROLE_LEAD);   /* lead kept over co */
  g_assert_cmpint (role_of (f, f->t4, f->sfj), ==, ANPAI_ROLE_SUPPORT);
  g_assert_cmpint (role_of (f, f->t4, f->xq), ==, ANPAI_ROLE_SUPPORT);
  g_assert_cmpint (role_of (f, f->t3, f->fzb), ==, -1);
  {
    /* its place among the supporting units is kept */
    g_autoptr(GArray) support = anpai_project_get_node_units (f->project, f->t4, ANPAI_ROLE_SUPPORT);

    g_assert_cmpuint (support->len, ==, 2);
    g_assert_cmpint (g_array_index (support, gint64, 0), ==, f->sfj);
  }

  /* old names still resolve: imports of older documents find the survivor */
  g_assert_cmpint (anpai_project_find_unit (f->project, "市政府法制办公室"), ==, f->sfj);
  g_assert_cmpint (anpai_project_find_unit (f->project, "市政府法制办"), ==, f->sfj);
  g_assert_cmpint (anpai_project_find_unit (f->project, "市政府法制办公室 "), ==, f->sfj);
  aliases = anpai_project_get_unit_aliases (f->project, f->sfj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aliases->len, ==, 2);
  for (guint i = 0; i < aliases->len; i++)
    {
      AnpaiUnitAlias *alias = aliases->pdata[i];

      g_assert_cmpint (alias->reason, ==, ANPAI_ALIAS_MERGED);
      g_assert_cmpstr (alias->since, ==, "2019-02-20");
    }
  g_assert_cmpstr (((AnpaiUnitAlias *) aliases->pdata[0])->name, ==, "市政府法制办");
  g_assert_cmpstr (((AnpaiUnitAlias *) aliases->pdata[1])->name, ==, "市政府法制办公室");
  g_assert_null (anpai_project_load_unit (f->project, f->fzb, &error));
  g_clear_error (&error);

  assert_undo_redo (f, before, "Merge Units");
}

static void
test_merge_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  int n_changed = f->n_changed;

  g_assert_false (anpai_project_merge_units (f->project, f->sfj, f->sfj, NULL, &error));
  assert_refused (f, before, error);
  g_clear_error (&error);
  g_assert_false (anpai_project_merge_units (f->project, f->fzb, 9999, NULL, &error));
  assert_refused (f, before, error);
  g_clear_error (&error);
  g_assert_false (anpai_project_merge_units (f->project, f->fzb, f->sfj, "2019-13-01", &error));
  assert_refused (f, before, error);
  g_assert_cmpint (f->n_changed, ==, n_changed);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Units");
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autoptr(AnpaiUnit) unit = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  AnpaiUnitAlias *alias;

  /* 2019 reform: 市财政局 keeps its tasks under a new name */
  g_assert_true (anpai_project_rename_unit (f->project, f->czj, "驻马店市财政局", "2019-03-01", &error));
  g_assert_no_error (error);
  g_assert_true (anpai_changes_has_unit (f->last_changes, f->czj));
  unit = anpai_project_load_unit (f->project, f->czj, &error);
  g_assert_cmpstr (anpai_unit_get_name (unit), ==, "驻马店市财政局");
  g_assert_cmpint (anpai_project_find_unit (f->project, "市财政局"), ==, f->czj);
  g_assert_cmpint (role_of (f, f->t5, f->czj), ==, ANPAI_ROLE_LEAD);
  aliases = anpai_project_get_unit_aliases (f->project, f->czj, &error);
  g_assert_cmpuint (aliases->len, ==, 1);
  alias = aliases->pdata[0];
  g_assert_cmpstr (alias->name, ==, "市财政局");
  g_assert_cmpint (alias->reason, ==, ANPAI_ALIAS_FORMER_NAME);
  g_assert_cmpstr (alias->since, ==, "2019-03-01");
  g_assert_cmpstr (anpai_alias_reason_to_string (alias->reason), ==, "former-name");
  assert_undo_redo (f, before, "Rename Unit");

  /* going back to the old name takes it off the alias list */
  g_clear_pointer (&aliases, g_ptr_array_unref);
  g_assert_true (anpai_project_rename_unit (f->project, f->czj, "市财政局", NULL, &error));
  g_assert_no_error (error);
  aliases = anpai_project_get_unit_aliases (f->project, f->czj, &error);
  g_assert_cmpuint (aliases->len, ==, 1);
  g_assert_cmpstr (((AnpaiUnitAlias *) aliases->pdata[0])->name, ==, "驻马店市财政局");
  /* NULL means today */
  g_assert_nonnull (((AnpaiUnitAlias *) aliases->pdata[0])->since);
}

static void
test_rename_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);

  g_assert_false (anpai_project_rename_unit (f->project, f->czj, "市政府法制办", NULL, &error));
  assert_refused (f, before, error);
  g_assert_nonnull (strstr (error->message, "Merge"));
  g_clear_error (&error);
  g_assert_false (anpai_project_rename_unit (f->project, f->czj, "  ", NULL, &error));
  assert_refused (f, before, error);
  g_clear_error (&error);
  g_assert_false (anpai_project_rename_unit (f->project, 9999, "市审计局", NULL, &error));
  assert_refused (f, before, error);
  g_clear_error (&error);
  /* the same name is no change at all */
  g_assert_true (anpai_project_rename_unit (f->project, f->czj, "市财政局", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Change Units");
}

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autofree char *with_alias = NULL;

  g_assert_true (anpai_project_add_unit_alias_full (f->project, f->sfj, "驻马店市司法局",
                                                    ANPAI_ALIAS_SPELLING, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_find_unit (f->project, "驻马店市司法局"), ==, f->sfj);
  assert_undo_redo (f, before, "Add Unit Name");
  with_alias = anpai_test_dump_string (f->project);

  /* a name of another unit is refused */
  g_assert_false (anpai_project_add_unit_alias_full (f->project, f->sfj, "市政府法制办",
                                                     ANPAI_ALIAS_SPELLING, NULL, &error));
  assert_refused (f, with_alias, error);
  g_clear_error (&error);
  g_assert_false (anpai_project_add_unit_alias_full (f->project, f->sfj, "司法",
                                                     ANPAI_ALIAS_FORMER_NAME, "2019/01/01", &error));
  assert_refused (f, with_alias, error);
  g_clear_error (&error);

  g_assert_true (anpai_project_remove_unit_alias (f->project, f->sfj, "驻马店市司法局", &error));
  g_assert_no_error (error);
  g_assert_cmpint (anpai_project_find_unit (f->project, "驻马店市司法局"), ==, 0);
  assert_undo_redo (f, with_alias, "Remove Unit Name");

  g_assert_false (anpai_project_remove_unit_alias (f->project, f->sfj, "市政府法制办", &error));
  assert_refused (f, before, error);
}

static void
test_kind_notes_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = anpai_test_dump_string (f->project);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(AnpaiUnit) unit = NULL;
  gint64 audit;

  g_assert_true (anpai_project_set_unit_kind (f->project, f->xq, ANPAI_UNIT_KIND_GOVERNMENT, &error));
  g_assert_no_error (error);
  assert_undo_redo (f, before, "Change Unit Kind");
  g_assert_false (anpai_project_set_unit_kind (f->project, 9999, ANPAI_UNIT_KIND_GOVERNMENT, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (anpai_project_set_unit_notes (f->project, f->sfj, "2019年机构改革后承担原法制办职责", &error));
  unit = anpai_project_load_unit (f->project, f->sfj, &error);
  g_assert_cmpstr (anpai_unit_get_notes (unit), ==, "2019年机构改革后承担原法制办职责");

  /* new units come last; moving renumbers densely */
  audit = anpai_project_ensure_unit (f->project, "市审计局", ANPAI_UNIT_KIND_DEPARTMENT, &error);
  g_clear_object (&unit);
  unit = anpai_project_load_unit (f->project, audit, &error);
  g_assert_cmpint (anpai_unit_get_sort_order (unit), ==, 4);

  g_clear_pointer (&before, g_free);
  before = anpai_test_dump_string (f->project);
  g_assert_true (anpai_project_move_unit (f->project, audit, -2, &error));
  g_assert_no_error (error);
  units = anpai_project_get_unit_summaries (f->project, 0, "2018-07-01", &error);
  g_assert_cmpstr (((AnpaiUnitSummary *) units->pdata[0])->name, ==, "市司法局");
  g_assert_cmpstr (((AnpaiUnitSummary *) units->pdata[2])->name, ==, "市审计局");
  g_assert_cmpstr (((AnpaiUnitSummary *) units->pdata[3])->name, ==, "各县区人民政府");
  g_assert_cmpint (((AnpaiUnitSummary *) units->pdata[3])->sort_order, ==, 3);
  g_assert_true (anpai_changes_has_unit (f->last_changes, audit));
  g_assert_false (anpai_changes_has_unit (f->last_changes, f->sfj));
  {
    g_autofree char *after = anpai_test_dump_string (f->project);

    /* the dump lists units in the units' order */
    g_assert_cmpstr (after, !=, before);
  }
  assert_undo_redo (f, before, "Move Unit");

  g_assert_false (anpai_project_move_unit (f->project, f->sfj, -1, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (anpai_project_move_unit (f->project, f->czj, 1, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (anpai_project_get_undo_label (f->project), ==, "Move Unit");
}

static AnpaiUnitSummary *
summary_of (GPtrArray *summaries,
            gint64     id)
{
  for (guint i = 0; i < summaries->len; i++)
    if (((AnpaiUnitSummary *) summaries->pdata[i])->id == id)
      return summaries->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static void
test_summaries (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) later = NULL;
  AnpaiUnitSummary *s;

  summaries = anpai_project_get_unit_summaries (f->project, 0, "2018-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 4);

  s = summary_of (summaries, f->fzb);
  g_assert_cmpint (s->kind, ==, ANPAI_UNIT_KIND_DEPARTMENT);
  g_assert_cmpuint (s->n_aliases, ==, 1);
  g_assert_cmpuint (s->n_tasks[ANPAI_ROLE_LEAD], ==, 2);
  g_assert_cmpuint (s->n_tasks[ANPAI_ROLE_CO], ==, 1);
  g_assert_cmpuint (s->n_tasks[ANPAI_ROLE_SUPPORT], ==, 1);
  /* t1 (6月底前, in progress) is overdue on 07-01; t2 is done */
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_LEAD], ==, 1);
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_CO], ==, 0);

  /* t5 is cancelled: never overdue */
  s = summary_of (summaries, f->czj);
  g_assert_cmpuint (s->n_tasks[ANPAI_ROLE_LEAD], ==, 2);
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_LEAD], ==, 0);

  s = summary_of (summaries, f->xq);
  g_assert_cmpint (s->kind, ==, ANPAI_UNIT_KIND_COLLECTIVE);
  g_assert_cmpuint (s->n_tasks[ANPAI_ROLE_SUPPORT], ==, 2);

  /* after year's end t3 and t4 are late as well */
  later = anpai_project_get_unit_summaries (f->project, f->plan, "2019-01-02", &error);
  s = summary_of (later, f->xq);
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_SUPPORT], ==, 2);
  s = summary_of (later, f->sfj);
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_LEAD], ==, 1);
  g_assert_cmpuint (s->n_overdue[ANPAI_ROLE_CO], ==, 0);  /* t2 is done */

  g_clear_pointer (&later, g_ptr_array_unref);
  later = anpai_project_get_unit_summaries (f->project, 0, "July", &error);
  g_assert_null (later);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

static void
test_unit_tasks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(AnpaiPlan) plan2 = anpai_plan_new ();
  gint64 other_plan, other_task;
  AnpaiUnitTask *task;

  /* a second plan, listed after the first */
  anpai_plan_set_title (plan2, "驻马店市2018年度政务公开工作要点");
  other_plan = anpai_project_add_plan (f->project, plan2, &error);
  {
    g_autoptr(AnpaiNode) node = anpai_node_new (ANPAI_NODE_KIND_TASK);

    anpai_node_set_label (node, "1.");
    anpai_node_set_title (node, "推进决策公开");
    other_task = anpai_project_add_node (f->project, node, other_plan, 0, -1, &error);
    g_assert_no_error (error);
  }
  set_units (f, other_task, ANPAI_ROLE_LEAD, f->fzb, 0);

  tasks = anpai_project_get_unit_tasks (f->project, f->fzb, "2018-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 5);
  task = tasks->pdata[0];
  g_assert_cmpint (task->node_id, ==, f->t1);
  g_assert_cmpint (task->role, ==, ANPAI_ROLE_LEAD);
  g_assert_true (task->overdue);
  g_assert_cmpstr (task->time_end, ==, "2018-06-30");
  g_assert_cmpstr (task->label, ==, "(一)");
  task = tasks->pdata[1];
  g_assert_cmpint (task->node_id, ==, f->t2);
  g_assert_false (task->overdue);
  g_assert_cmpint (task->status, ==, ANPAI_STATUS_DONE);
  task = tasks->pdata[2];
  g_assert_cmpint (task->node_id, ==, other_task);
  g_assert_cmpint (task->plan_id, ==, other_plan);
  g_assert_false (task->overdue);  /* no time requirement */
  g_assert_cmpint (((AnpaiUnitTask *) tasks->pdata[3])->node_id, ==, f->t3);
  g_assert_cmpint (((AnpaiUnitTask *) tasks->pdata[3])->role, ==, ANPAI_ROLE_CO);
  g_assert_cmpint (((AnpaiUnitTask *) tasks->pdata[4])->node_id, ==, f->t4);
  g_assert_cmpint (((AnpaiUnitTask *) tasks->pdata[4])->role, ==, ANPAI_ROLE_SUPPORT);

  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = anpai_project_get_unit_tasks (f->project, 9999, NULL, &error);
  g_assert_null (tasks);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiMatrix) matrix = NULL;
  g_autoptr(AnpaiMatrix) section = NULL;
  g_autoptr(AnpaiMatrix) bad = NULL;
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;

  matrix = anpai_project_get_matrix (f->project, f->plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anpai_matrix_get_n_tasks (matrix), ==, 5);
  g_assert_cmpuint (anpai_matrix_get_n_units (matrix), ==, 4);
  g_assert_cmpint (anpai_matrix_get_task_id (matrix, 0), ==, f->t1);
  g_assert_cmpint (anpai_matrix_get_task_id (matrix, 4), ==, f->t5);
  g_assert_cmpstr (anpai_matrix_get_task_label (matrix, 2), ==, "(三)");
  g_assert_cmpstr (anpai_matrix_get_unit_name (matrix, 0), ==, "市司法局");
  g_assert_cmpint (anpai_matrix_get_unit_id (matrix, 1), ==, f->fzb);
  g_assert_cmpint (anpai_matrix_get_role (matrix, 2, 0), ==, ANPAI_ROLE_LEAD);
  g_assert_cmpint (anpai_matrix_get_role (matrix, 2, 1), ==, ANPAI_ROLE_CO);
  g_assert_cmpint (anpai_matrix_get_role (matrix, 2, 2), ==, ANPAI_ROLE_SUPPORT);
  g_assert_cmpint (anpai_matrix_get_role (matrix, 2, 3), ==, -1);

  tsv = anpai_matrix_to_tsv (matrix);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);  /* header, 5 tasks, "" */
  g_assert_cmpstr (lines[0], ==, "No.\tTask\t市司法局\t市政府法制办公室\t各县区人民政府\t市财政局");
  g_assert_cmpstr (lines[3], ==, "(三)\t加强规范性文件监督管理\tLead\tCo-responsible\tSupporting\t");
  g_assert_cmpstr (lines[6], ==, "");

  /* one section: its tasks, and only the units named there */
  section = anpai_project_get_matrix (f->project, f->plan, f->section1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anpai_matrix_get_n_tasks (section), ==, 2);
  g_assert_cmpuint (anpai_matrix_get_n_units (section), ==, 2);
  g_assert_cmpint (anpai_matrix_get_role (section, 1, 0), ==, ANPAI_ROLE_CO);

  bad = anpai_project_get_matrix (f->project, f->plan, 9999, &error);
  g_assert_null (bad);
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/unit-edit/merge", test_merge);
  ADD ("/unit-edit/merge-refused", test_merge_refused);
  ADD ("/unit-edit/rename", test_rename);
  ADD ("/unit-edit/rename-refused", test_rename_refused);
  ADD ("/unit-edit/aliases", test_aliases);
  ADD ("/unit-edit/kind-notes-order", test_kind_notes_order);
  ADD ("/unit-edit/summaries", test_summaries);
  ADD ("/unit-edit/unit-tasks", test_unit_tasks);
  ADD ("/unit-edit/matrix", test_matrix);
#undef ADD
  return g_test_run ();
}
