/* anpai-export.c — the breakdown table (任务分解表) and schedules, exported
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "anpai-date.h"
#include "anpai-db.h"
#include "anpai-export.h"
#include "anpai-project-private.h"
#include "anpai-search.h"

/* Every format writes the same tables: this file reads them once, in
 * outline order, with each task's units by role, filtered as asked; the
 * writers (anpai-export-*.c) only lay them out. */

void
anpai_export_row_free (AnpaiExportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->title);
  g_free (row->body);
  anpai_time_spec_free (row->time);
  g_free (row->lead);
  g_ptr_array_unref (row->co);
  g_ptr_array_unref (row->support);
  g_free (row);
}

void
anpai_export_table_free (AnpaiExportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->unit_name);
  g_free (table->doc_number);
  g_free (table->period_start);
  g_free (table->period_end);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

const char * const *
anpai_export_headings (const AnpaiExportOptions *options)
{
  static const char *headings[8];

  /* Translators: the columns of the breakdown table (任务分解表) */
  headings[0] = _("No.");
  headings[1] = _("Key Task");
  headings[2] = _("Time Requirement");
  headings[3] = _("Lead Unit");
  headings[4] = _("Supporting Units");
  headings[5] = options != NULL && options->with_status ? _("Status") : NULL;
  headings[6] = options != NULL && options->with_status ? _("Progress") : NULL;
  headings[7] = NULL;
  return headings;
}

char *
anpai_export_row_others (const AnpaiExportRow *row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < row->co->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "、" : "",
                            (char *) g_ptr_array_index (row->co, i));
  for (guint i = 0; i < row->support->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "、" : "",
                            (char *) g_ptr_array_index (row->support, i));
  return g_string_free (text, FALSE);
}

GArray *
anpai_export_table_columns (const AnpaiExportTable   *table,
                            const AnpaiExportOptions *options)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (AnpaiExportColumn));
  AnpaiExportColumn fixed[] = {
    ANPAI_EXPORT_COL_LABEL, ANPAI_EXPORT_COL_TASK, ANPAI_EXPORT_COL_TIME,
    ANPAI_EXPORT_COL_LEAD, ANPAI_EXPORT_COL_OTHERS,
  };
  gboolean unit_list = FALSE;

  g_array_append_vals (columns, fixed, G_N_ELEMENTS (fixed));
  for (guint i = 0; i < table->rows->len && !unit_list; i++)
    {
      const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);

      unit_list = !row->is_section && row->role >= 0;
    }
  if (unit_list)
    {
      AnpaiExportColumn role = ANPAI_EXPORT_COL_ROLE;

      g_array_append_val (columns, role);
    }
  if (options->with_status)
    {
      AnpaiExportColumn more[] = { ANPAI_EXPORT_COL_STATUS, ANPAI_EXPORT_COL_PROGRESS };

      g_array_append_vals (columns, more, G_N_ELEMENTS (more));
    }
  return columns;
}

const char *
anpai_export_column_heading (AnpaiExportColumn         column,
                             const AnpaiExportOptions *options)
{
  static const AnpaiExportOptions with_status = { 0, 0, 0, NULL, NULL, TRUE, FALSE, ANPAI_PAPER_A4, FALSE };
  const char * const *headings = anpai_export_headings (&with_status);

  switch (column)
    {
    case ANPAI_EXPORT_COL_LABEL:
      return headings[0];
    case ANPAI_EXPORT_COL_TASK:
      return headings[1];
    case ANPAI_EXPORT_COL_TIME:
      return headings[2];
    case ANPAI_EXPORT_COL_LEAD:
      return headings[3];
    case ANPAI_EXPORT_COL_OTHERS:
      return headings[4];
    case ANPAI_EXPORT_COL_ROLE:
      /* Translators: the column of a unit's list (责任清单) saying whether
       * the unit leads each task or supports it (本单位职责) */
      return _("Role");
    case ANPAI_EXPORT_COL_STATUS:
      return headings[5];
    case ANPAI_EXPORT_COL_PROGRESS:
      return headings[6];
    default:
      g_assert_not_reached ();
    }
}

char *
anpai_export_cell_text (const AnpaiExportRow *row,
                        AnpaiExportColumn     column)
{
  switch (column)
    {
    case ANPAI_EXPORT_COL_LABEL:
      return g_strdup (row->label != NULL ? row->label : "");
    case ANPAI_EXPORT_COL_TASK:
      if (row->body != NULL && *row->body != '\0' && row->title != NULL && *row->title != '\0')
        return g_strconcat (row->title, "\n", row->body, NULL);
      return g_strdup (row->title != NULL && *row->title != '\0' ? row->title
                       : row->body != NULL ? row->body : "");
    case ANPAI_EXPORT_COL_TIME:
      return g_strdup (row->time != NULL && row->time->text != NULL ? row->time->text : "");
    case ANPAI_EXPORT_COL_LEAD:
      return g_strdup (row->lead != NULL ? row->lead : "");
    case ANPAI_EXPORT_COL_OTHERS:
      return anpai_export_row_others (row);
    case ANPAI_EXPORT_COL_ROLE:
      return g_strdup (row->role >= 0 ? anpai_role_get_label (row->role) : "");
    case ANPAI_EXPORT_COL_STATUS:
      return g_strdup (anpai_status_get_label (row->status));
    case ANPAI_EXPORT_COL_PROGRESS:
      return g_strdup_printf ("%d%%", row->progress);
    default:
      g_assert_not_reached ();
    }
}

double
anpai_export_text_width (const char *text,
                         double      narrow)
{
  double widest = 0, line = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else
        line += g_unichar_iswide (c) ? 2.0 : narrow;
    }
  return MAX (widest, line);
}

static int
role_from_string (const char *role)
{
  if (g_str_equal (role, "lead"))
    return ANPAI_ROLE_LEAD;
  if (g_str_equal (role, "co"))
    return ANPAI_ROLE_CO;
  return ANPAI_ROLE_SUPPORT;
}

GArray *
_anpai_export_column_units (const AnpaiExportTable        *table,
                            GArray                        *columns,
                            const AnpaiExportOptions      *options,
                            const AnpaiExportColumnBounds *bounds,
                            double                         narrow,
                            double                         heading_pad,
                            double                         cell_pad,
                            double                         page)
{
  GArray *units = g_array_new (FALSE, TRUE, sizeof (double));
  double used = 0;
  guint task = 0;

  g_array_set_size (units, columns->len);
  for (guint c = 0; c < columns->len; c++)
    {
      AnpaiExportColumn column = g_array_index (columns, AnpaiExportColumn, c);
      double min, max, want = 0;

      if (column == ANPAI_EXPORT_COL_TASK)
        {
          task = c;
          continue;
        }
      min = MAX (bounds[column].min,
                 anpai_export_text_width (anpai_export_column_heading (column, options), narrow) + heading_pad);
      max = bounds[column].max;
      /* past the cap the text wraps: the rest need not be measured */
      for (guint i = 0; i < table->rows->len && want < max; i++)
        {
          const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);
          g_autofree char *text = NULL;

          if (row->is_section)
            continue;
          text = anpai_export_cell_text (row, column);
          want = MAX (want, anpai_export_text_width (text, narrow) + cell_pad);
        }
      g_array_index (units, double, c) = CLAMP (want, min, MAX (min, max));
      used += g_array_index (units, double, c);
    }
  g_array_index (units, double, task) = MAX (30, page - used);
  return units;
}

char *
anpai_export_row_heading (const AnpaiExportRow *row)
{
  const char *label = row->label != NULL ? row->label : "";
  const char *title = row->title != NULL ? row->title : "";
  gunichar last;

  if (*label == '\0' || *title == '\0')
    return g_strconcat (label, title, NULL);
  /* 一、 （一） ① 一是 join the title as written; 6. and 第一部分 take a
   * space */
  last = g_utf8_get_char (g_utf8_prev_char (label + strlen (label)));
  if (last == 0x662F /* 是 */)
    return g_strconcat (label, title, NULL);
  if (last < 0x80 || g_unichar_type (last) == G_UNICODE_OTHER_LETTER)
    return g_strconcat (label, " ", title, NULL);
  return g_strconcat (label, title, NULL);
}

/* A node as read, before it takes its place in the outline. */
typedef struct {
  gint64          parent_id;
  int             position;
  AnpaiExportRow *row;        /* NULL for a text paragraph: not a table row */
  gint64          id;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->parent_id != y->parent_id)
    return x->parent_id < y->parent_id ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

typedef struct {
  guint index;   /* the next entry at this level */
  int   depth;
} Level;

/* Appends the rows to @rows in outline order, with their depths. The
 * entries are sorted by parent and position; @first maps a parent's id
 * (0: the top) to its first child's index. An explicit stack: an outline
 * may be deep. */
static void
append_in_order (GArray     *entries,
                 GHashTable *first,
                 GPtrArray  *rows)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Level));
  gint64 top = 0;
  gpointer start;
  Level level = { 0, 0 };

  if (!g_hash_table_lookup_extended (first, &top, NULL, &start))
    return;
  level.index = GPOINTER_TO_UINT (start);
  g_array_append_val (stack, level);
  while (stack->len > 0)
    {
      Level *current = &g_array_index (stack, Level, stack->len - 1);
      Entry *entry = &g_array_index (entries, Entry, current->index);
      int depth = current->depth;

      if (current->index + 1 < entries->len &&
          g_array_index (entries, Entry, current->index + 1).parent_id == entry->parent_id)
        current->index++;
      else
        g_array_set_size (stack, stack->len - 1);
      if (entry->row != NULL)
        {
          entry->row->depth = depth;
          g_ptr_array_add (rows, g_steal_pointer (&entry->row));
        }
      if (g_hash_table_lookup_extended (first, &entry->id, NULL, &start))
        {
          level.index = GPOINTER_TO_UINT (start);
          level.depth = depth + 1;
          g_array_append_val (stack, level);
        }
    }
}

/* An assignment of a unit to one of the rows being read. */
typedef struct {
  AnpaiExportRow *row;
  const char     *name;
  int             role;
  int             position;
  gint64          id;
} Assignment;

static int
compare_assignments (gconstpointer a,
                     gconstpointer b)
{
  const Assignment *x = a, *y = b;

  if (x->row->node_id != y->row->node_id)
    return x->row->node_id < y->row->node_id ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* The units' names by id, read once for every plan's rows. */
static GHashTable *
read_unit_names (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) units = anpai_db_prepare (db, "SELECT id, name FROM unit", error);
  int rc;

  if (units == NULL)
    return NULL;
  while ((rc = sqlite3_step (units)) == SQLITE_ROW)
    g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (units, 0) }, sizeof (gint64)),
                         anpai_db_column_dup (units, 1));
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, db, rc, "SELECT");
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* Gives the rows of @plan_id, in @by_id, their units, each role's in
 * order. The names come from @names (read_unit_names ()), the order is put right here
 * if need be (assignments are written in order): a join with the unit
 * table sorted by SQLite took three times as long for a big plan, and a
 * chart waits for it. A plan of a third or more of the project's nodes
 * has its assignments found in one scan of them all, cheaper then than
 * looking each up through the node index. */
static gboolean
read_units (sqlite3     *db,
            gint64       plan_id,
            GHashTable  *names,
            GHashTable  *by_id,
            GError     **error)
{
  gint64 n_nodes = 0;
  g_autoptr(sqlite3_stmt) assignments = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Assignment));
  gboolean sorted = TRUE;
  int rc;

  /* the largest id: about how many nodes there are, without counting */
  if (!anpai_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM node", &n_nodes, error))
    return FALSE;
  if ((gint64) g_hash_table_size (by_id) * 3 >= n_nodes)
    assignments = anpai_db_prepare (db, "SELECT node_id, role, unit_id, position, id FROM assignment", error);
  else
    assignments = anpai_db_prepare (db,
                                    "SELECT a.node_id, a.role, a.unit_id, a.position, a.id FROM node n"
                                    " JOIN assignment a ON a.node_id = n.id WHERE n.plan_id = ?1",
                                    error);
  if (assignments == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (assignments) > 0)
    sqlite3_bind_int64 (assignments, 1, plan_id);
  while ((rc = sqlite3_step (assignments)) == SQLITE_ROW)
    {
      gint64 node_id = sqlite3_column_int64 (assignments, 0);
      gint64 unit_id = sqlite3_column_int64 (assignments, 2);
      Assignment entry;

      entry.row = g_hash_table_lookup (by_id, &node_id);
      entry.name = g_hash_table_lookup (names, &unit_id);
      if (entry.row == NULL || entry.name == NULL)
        continue;
      entry.role = role_from_string (anpai_db_column_text (assignments, 1));
      entry.position = sqlite3_column_int (assignments, 3);
      entry.id = sqlite3_column_int64 (assignments, 4);
      if (found->len > 0 && compare_assignments (&g_array_index (found, Assignment, found->len - 1), &entry) > 0)
        sorted = FALSE;
      g_array_append_val (found, entry);
    }
  if (rc != SQLITE_DONE)
    {
      anpai_db_set_error (error, db, rc, "SELECT");
      return FALSE;
    }
  if (!sorted)
    g_array_sort (found, compare_assignments);
  for (guint i = 0; i < found->len; i++)
    {
      Assignment *entry = &g_array_index (found, Assignment, i);
      AnpaiExportRow *row = entry->row;

      if (entry->role == ANPAI_ROLE_LEAD && row->lead == NULL)
        row->lead = g_strdup (entry->name);
      else
        g_ptr_array_add (entry->role == ANPAI_ROLE_SUPPORT ? row->support : row->co, g_strdup (entry->name));
    }
  return TRUE;
}

/* Every node of @plan_id in outline order, with depth and units. The
 * order is put together here rather than by a recursive query sorting
 * paths of positions: that took most of the time for a big plan. */
static GPtrArray *
read_rows (sqlite3     *db,
           gint64       plan_id,
           GHashTable  *unit_names,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) nodes = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_export_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  int rc;

  nodes = anpai_db_prepare (db,
                            "SELECT id, coalesce (parent_id, 0), position, kind, label, title, body,"
                            " time_text, time_kind, time_start, time_end, time_rrule, time_source,"
                            " status, progress FROM node WHERE plan_id = ?1",
                            error);
  if (nodes == NULL)
    return NULL;
  sqlite3_bind_int64 (nodes, 1, plan_id);
  while ((rc = sqlite3_step (nodes)) == SQLITE_ROW)
    {
      Entry entry = { 0 };
      AnpaiExportRow *row;
      const char *kind = anpai_db_column_text (nodes, 3);
      int status = ANPAI_STATUS_NOT_STARTED;

      entry.id = sqlite3_column_int64 (nodes, 0);
      entry.parent_id = sqlite3_column_int64 (nodes, 1);
      entry.position = sqlite3_column_int (nodes, 2);
      /* text paragraphs are not rows of a breakdown table */
      if (!g_str_equal (kind, "text"))
        {
          row = entry.row = g_new0 (AnpaiExportRow, 1);
          row->node_id = entry.id;
          row->parent_id = entry.parent_id;
          row->is_section = g_str_equal (kind, "section");
          row->label = anpai_db_column_dup (nodes, 4);
          row->title = anpai_db_column_dup (nodes, 5);
          row->body = anpai_db_column_dup (nodes, 6);
          row->time = anpai_time_spec_new ();
          _anpai_project_read_time (nodes, 7, row->time);
          anpai_enum_from_string (ANPAI_TYPE_STATUS, anpai_db_column_text (nodes, 13), &status);
          row->status = status;
          row->progress = sqlite3_column_int (nodes, 14);
          row->co = g_ptr_array_new_with_free_func (g_free);
          row->support = g_ptr_array_new_with_free_func (g_free);
          row->role = -1;
        }
      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < entries->len; i++)
        anpai_export_row_free (g_array_index (entries, Entry, i).row);
      anpai_db_set_error (error, db, rc, "SELECT");
      return NULL;
    }

  g_array_sort (entries, compare_entries);
  for (guint i = entries->len; i-- > 0;)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      g_hash_table_insert (first, &entry->parent_id, GUINT_TO_POINTER (i));
    }
  append_in_order (entries, first, rows);
  /* nodes whose parent is not in the plan: none in a sound file */
  for (guint i = 0; i < entries->len; i++)
    anpai_export_row_free (g_array_index (entries, Entry, i).row);
  for (guint i = 0; i < rows->len; i++)
    {
      AnpaiExportRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (by_id, &row->node_id, row);
    }

  if (!read_units (db, plan_id, unit_names, by_id, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
names_unit (AnpaiExportRow *row,
            const char     *name)
{
  if (g_strcmp0 (row->lead, name) == 0)
    {
      row->role = ANPAI_ROLE_LEAD;
      return TRUE;
    }
  for (guint i = 0; i < row->co->len; i++)
    if (g_str_equal (g_ptr_array_index (row->co, i), name))
      {
        row->role = ANPAI_ROLE_CO;
        return TRUE;
      }
  for (guint i = 0; i < row->support->len; i++)
    if (g_str_equal (g_ptr_array_index (row->support, i), name))
      {
        row->role = ANPAI_ROLE_SUPPORT;
        return TRUE;
      }
  return FALSE;
}

static gboolean
task_wanted (AnpaiExportRow           *row,
             const AnpaiExportOptions *options,
             const char               *unit_name)
{
  char end[ANPAI_DATE_ISO_LEN] = "";

  if (unit_name != NULL && !names_unit (row, unit_name))
    return FALSE;
  if (options->statuses != 0 && !(options->statuses & ANPAI_STATUS_BIT (row->status)))
    return FALSE;
  if (options->due_from != NULL || options->due_to != NULL)
    {
      if (!g_date_valid (&row->time->end))
        return FALSE;
      anpai_date_format_iso (&row->time->end, end);
      if ((options->due_from != NULL && strcmp (end, options->due_from) < 0) ||
          (options->due_to != NULL && strcmp (end, options->due_to) > 0))
        return FALSE;
    }
  return TRUE;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      data)
{
  return g_strdup (string);
}

static AnpaiExportRow *
row_copy (const AnpaiExportRow *row)
{
  AnpaiExportRow *copy = g_memdup2 (row, sizeof *row);

  copy->label = g_strdup (row->label);
  copy->title = g_strdup (row->title);
  copy->body = g_strdup (row->body);
  copy->time = anpai_time_spec_copy (row->time);
  copy->lead = g_strdup (row->lead);
  copy->co = g_ptr_array_copy (row->co, copy_string, NULL);
  copy->support = g_ptr_array_copy (row->support, copy_string, NULL);
  g_ptr_array_set_free_func (copy->co, g_free);
  g_ptr_array_set_free_func (copy->support, g_free);
  return copy;
}

/* Keeps the wanted tasks and the items above them, in order. The rows
 * kept move out of @rows, or with @keep_rows (the plan's rows serve other
 * units' lists after this one) are copied. One pass from the end: in
 * outline order an item's descendants follow it, so by the time it is
 * reached, whether one of them is kept is known, level by level. */
static GPtrArray *
filter_rows (GPtrArray                *rows,
             const AnpaiExportOptions *options,
             const char               *unit_name,
             gboolean                  keep_rows)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_export_row_free);
  g_autofree gboolean *needed = g_new0 (gboolean, MAX (rows->len, 1));
  /* by depth: a row kept at that depth below the item being looked at */
  g_autoptr(GArray) below = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = rows->len; i-- > 0;)
    {
      AnpaiExportRow *row = g_ptr_array_index (rows, i);
      guint depth = (guint) MAX (row->depth, 0);
      gboolean under = FALSE;

      /* the deeper levels were this item's descendants: done with them */
      while (below->len > depth + 1)
        {
          under |= g_array_index (below, gboolean, below->len - 1);
          g_array_set_size (below, below->len - 1);
        }
      if (below->len < depth + 1)
        g_array_set_size (below, depth + 1);
      needed[i] = under || (!row->is_section && task_wanted (row, options, unit_name));
      if (needed[i])
        g_array_index (below, gboolean, depth) = TRUE;
    }
  if (keep_rows)
    {
      /* copied now: the next unit sets the rows' roles again */
      for (guint i = 0; i < rows->len; i++)
        if (needed[i])
          g_ptr_array_add (kept, row_copy (g_ptr_array_index (rows, i)));
      return kept;
    }
  /* each row moves to @kept or is freed: stealing them one by one from
   * the front would shift the rest each time */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      AnpaiExportRow *row = g_ptr_array_index (rows, i);

      if (needed[i])
        g_ptr_array_add (kept, row);
      else
        anpai_export_row_free (row);
    }
  g_ptr_array_set_size (rows, 0);
  return kept;
}

/* @rows: the plan's, read once for all its tables; see filter_rows(). */
static AnpaiExportTable *
build_table (AnpaiPlan                 *plan,
             GPtrArray                 *rows,
             const AnpaiExportOptions  *options,
             const char                *unit_name,
             gboolean                   keep_rows)
{
  AnpaiExportTable *table = g_new0 (AnpaiExportTable, 1);

  table->plan_id = anpai_plan_get_id (plan);
  /* Translators: a unit's list of tasks in a plan: "<plan title> — <unit>" */
  table->title = unit_name != NULL ? g_strdup_printf (_("%s — %s"), anpai_plan_get_title (plan), unit_name)
                                   : g_strdup (anpai_plan_get_title (plan));
  table->unit_name = g_strdup (unit_name);
  table->doc_number = g_strdup (anpai_plan_get_doc_number (plan));
  table->period_start = g_strdup (anpai_plan_get_period_start (plan));
  table->period_end = g_strdup (anpai_plan_get_period_end (plan));
  table->rows = filter_rows (rows, options, unit_name, keep_rows);
  return table;
}

GPtrArray *
anpai_export_build (AnpaiProject              *project,
                    const AnpaiExportOptions  *options,
                    GError                   **error)
{
  static const AnpaiExportOptions defaults = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_export_table_free);
  g_autoptr(GPtrArray) unit_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names_by_id = NULL;
  GListModel *plans;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), NULL);

  if (options == NULL)
    options = &defaults;
  if (options->plan_id != 0 && anpai_project_get_plan (project, options->plan_id) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->plan_id);

      /* Translators: %s is a plan's id, as anpai-tool dump shows it */
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("There is no plan %s in this project."), id);
      return NULL;
    }
  if (options->unit_id != 0)
    {
      g_autoptr(AnpaiUnit) unit = anpai_project_load_unit (project, options->unit_id, error);

      if (unit == NULL)
        return NULL;
      g_ptr_array_add (unit_names, g_strdup (anpai_unit_get_name (unit)));
    }
  else if (options->per_unit)
    {
      g_autoptr(sqlite3_stmt) stmt = anpai_db_prepare (_anpai_project_get_db (project),
                                                       "SELECT name FROM unit ORDER BY sort_order, id",
                                                       error);

      if (stmt == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (unit_names, anpai_db_column_dup (stmt, 0));
    }
  else
    g_ptr_array_add (unit_names, NULL);

  names_by_id = read_unit_names (_anpai_project_get_db (project), error);
  if (names_by_id == NULL)
    return NULL;
  plans = anpai_project_get_plans (project);
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(AnpaiPlan) plan = g_list_model_get_item (plans, p);

      g_autoptr(GPtrArray) rows = NULL;

      if (options->plan_id != 0 && anpai_plan_get_id (plan) != options->plan_id)
        continue;
      /* once a plan: one list per unit reads it for each */
      rows = read_rows (_anpai_project_get_db (project), anpai_plan_get_id (plan), names_by_id, error);
      if (rows == NULL)
        return NULL;
      for (guint u = 0; u < unit_names->len; u++)
        {
          AnpaiExportTable *table = build_table (plan, rows, options, g_ptr_array_index (unit_names, u),
                                                 u + 1 < unit_names->len);

          /* a unit with nothing in this plan gets no empty list */
          if (options->per_unit && table->rows->len == 0)
            anpai_export_table_free (table);
          else
            g_ptr_array_add (tables, table);
        }
    }
  return g_steal_pointer (&tables);
}

/* As anpai-tool and GSettings name the formats, and their files' extension */
static const struct {
  AnpaiExportFormat  format;
  const char        *name;
  const char        *extension;
} format_names[] = {
  { ANPAI_EXPORT_CSV, "csv", "csv" },
  { ANPAI_EXPORT_XLSX, "xlsx", "xlsx" },
  { ANPAI_EXPORT_DOCX, "docx", "docx" },
  { ANPAI_EXPORT_PDF_TABLE, "pdf-table", "pdf" },
  { ANPAI_EXPORT_ICS, "ics", "ics" },
  { ANPAI_EXPORT_MSPDI, "mspdi", "xml" },
};

gboolean
anpai_export_format_from_string (const char        *name,
                                 AnpaiExportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (name, format_names[i].name))
      {
        *format = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
anpai_export_format_to_string (AnpaiExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  g_return_val_if_reached (NULL);
}

const char *
anpai_export_format_get_extension (AnpaiExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].extension;
  g_return_val_if_reached (NULL);
}

void
_anpai_export_setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* points as the unit; unhinted metrics, and glyphs not put on whole
   * units (whole points), so that what is measured is what is drawn,
   * whatever the resolution, and small text keeps its spaces */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
}

gboolean
anpai_export_write (AnpaiProject              *project,
                    AnpaiExportFormat          format,
                    const AnpaiExportOptions  *options,
                    const char                *path,
                    GError                   **error)
{
  static const AnpaiExportOptions defaults = ANPAI_EXPORT_OPTIONS_INIT;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *temp = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ANPAI_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  tables = anpai_export_build (project, options, error);
  if (tables == NULL)
    return FALSE;

  temp = _anpai_export_temp_path (path);
  switch (format)
    {
    case ANPAI_EXPORT_CSV:
      ok = _anpai_export_csv (tables, options, temp, error);
      break;
    case ANPAI_EXPORT_XLSX:
      ok = _anpai_export_xlsx (tables, options, temp, error);
      break;
    case ANPAI_EXPORT_DOCX:
      ok = _anpai_export_docx (tables, options, temp, error);
      break;
    case ANPAI_EXPORT_PDF_TABLE:
      ok = _anpai_export_pdf_table (tables, options, temp, error);
      break;
    case ANPAI_EXPORT_ICS:
      ok = _anpai_export_ics (tables, options, temp, error);
      break;
    case ANPAI_EXPORT_MSPDI:
      ok = _anpai_export_mspdi (tables, options, temp, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return _anpai_export_rename_over (temp, path, ok, error);
}

void
anpai_paper_get_size (AnpaiPaper  paper,
                      double     *width,
                      double     *height)
{
  /* landscape: 297 × 210 mm or 420 × 297 mm */
  *width = paper == ANPAI_PAPER_A3 ? 1190.55 : 841.89;
  *height = paper == ANPAI_PAPER_A3 ? 841.89 : 595.28;
}

/* Files are written to a temporary path renamed over the one asked for:
 * a file half written is never left where the user looks for it. */
char *
_anpai_export_temp_path (const char *path)
{
  return g_strdup_printf ("%s.%u.part", path, g_random_int ());
}

gboolean
_anpai_export_rename_over (const char  *temp,
                           const char  *path,
                           gboolean     ok,
                           GError     **error)
{
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  return ok;
}

gboolean
_anpai_export_finish_surface (cairo_surface_t  *surface,
                              const char       *path,
                              GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
