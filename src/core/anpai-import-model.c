/* anpai-import-model.c — what the importer reads and what it builds
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-import-model.h"

/*
 * Source
 */

static void
block_free (gpointer data)
{
  AnpaiImportBlock *block = data;

  g_free (block->text);
  g_free (block->numbering);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

AnpaiImportSource *
anpai_import_source_new (const char *name,
                         const char *format)
{
  AnpaiImportSource *source = g_new0 (AnpaiImportSource, 1);

  source->name = g_strdup (name != NULL ? name : "");
  source->format = g_strdup (format != NULL ? format : "");
  source->text = g_string_new (NULL);
  source->blocks = g_ptr_array_new_with_free_func (block_free);
  return source;
}

void
anpai_import_source_free (AnpaiImportSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->format);
  g_string_free (source->text, TRUE);
  g_ptr_array_unref (source->blocks);
  g_free (source);
}

/* Keeps the source text one line per block, so offsets stay meaningful. */
static char *
one_line (const char *text)
{
  char *line = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_strdelimit (line, "\r\n", ' ');
  return line;
}

AnpaiImportBlock *
anpai_import_source_add_paragraph (AnpaiImportSource *source,
                                   const char        *text,
                                   const char        *numbering)
{
  AnpaiImportBlock *block = g_new0 (AnpaiImportBlock, 1);

  g_return_val_if_fail (source != NULL, NULL);

  block->kind = ANPAI_IMPORT_BLOCK_PARAGRAPH;
  block->text = one_line (text);
  block->numbering = numbering != NULL && *numbering != '\0' ? one_line (numbering) : NULL;
  block->offset = source->text->len;
  if (block->numbering != NULL)
    g_string_append (source->text, block->numbering);
  g_string_append (source->text, block->text);
  block->length = source->text->len - block->offset;
  g_string_append_c (source->text, '\n');
  g_ptr_array_add (source->blocks, block);
  return block;
}

/* Takes @rows (of GStrv). */
AnpaiImportBlock *
anpai_import_source_add_table (AnpaiImportSource *source,
                               GPtrArray         *rows)
{
  AnpaiImportBlock *block = g_new0 (AnpaiImportBlock, 1);

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  block->kind = ANPAI_IMPORT_BLOCK_TABLE;
  block->rows = rows;
  block->offset = source->text->len;
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *cell = one_line (cells[c]);

          if (c > 0)
            g_string_append_c (source->text, '\t');
          g_string_append (source->text, cell);
        }
      g_string_append_c (source->text, '\n');
    }
  block->length = source->text->len - block->offset;
  g_ptr_array_add (source->blocks, block);
  return block;
}

/*
 * Targets, nodes, units
 */

AnpaiImportTarget *
anpai_import_target_new (const char *text,
                         const char *comparator,
                         double      value,
                         gboolean    has_value,
                         const char *measure)
{
  AnpaiImportTarget *target = g_new0 (AnpaiImportTarget, 1);

  target->text = g_strdup (text != NULL ? text : "");
  target->comparator = g_strdup (comparator != NULL ? comparator : "=");
  target->value = value;
  target->has_value = has_value;
  target->measure = g_strdup (measure != NULL ? measure : "");
  return target;
}

void
anpai_import_target_free (AnpaiImportTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->text);
  g_free (target->comparator);
  g_free (target->measure);
  g_free (target);
}

AnpaiImportNode *
anpai_import_node_new (AnpaiNodeKind  kind,
                       const char    *label,
                       const char    *title)
{
  AnpaiImportNode *node = g_new0 (AnpaiImportNode, 1);

  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_import_node_free);
  node->kind = kind;
  node->label = g_strdup (label != NULL ? label : "");
  node->title = g_strdup (title != NULL ? title : "");
  node->body = g_strdup ("");
  node->time = anpai_time_spec_new ();
  node->co = g_ptr_array_new_with_free_func (g_free);
  node->support = g_ptr_array_new_with_free_func (g_free);
  node->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_import_target_free);
  return node;
}

void
anpai_import_node_free (AnpaiImportNode *node)
{
  if (node == NULL)
    return;
  g_ptr_array_unref (node->children);
  g_free (node->label);
  g_free (node->title);
  g_free (node->body);
  anpai_time_spec_free (node->time);
  g_free (node->lead);
  g_ptr_array_unref (node->co);
  g_ptr_array_unref (node->support);
  g_ptr_array_unref (node->targets);
  g_free (node);
}

/* Takes @child. */
void
anpai_import_node_append (AnpaiImportNode *parent,
                          AnpaiImportNode *child)
{
  g_return_if_fail (parent != NULL);
  g_return_if_fail (child != NULL && child->parent == NULL);

  child->parent = parent;
  g_ptr_array_add (parent->children, child);
}

void
anpai_import_node_set_lead (AnpaiImportNode *node,
                            const char      *unit)
{
  g_return_if_fail (node != NULL);

  g_free (node->lead);
  node->lead = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
}

/* Nodes of @kind in the subtree, @node itself included. */
int
anpai_import_node_count (AnpaiImportNode *node,
                         AnpaiNodeKind    kind)
{
  int n;

  g_return_val_if_fail (node != NULL, 0);

  n = node->kind == kind && node->parent != NULL ? 1 : 0;
  for (guint i = 0; i < node->children->len; i++)
    n += anpai_import_node_count (g_ptr_array_index (node->children, i), kind);
  return n;
}

static AnpaiImportNode *
nth_task (AnpaiImportNode *node,
          int             *n)
{
  if (node->kind == ANPAI_NODE_KIND_TASK && node->parent != NULL && (*n)-- == 1)
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      AnpaiImportNode *found = nth_task (g_ptr_array_index (node->children, i), n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The @n-th task (1-based) in outline order, or NULL. */
AnpaiImportNode *
anpai_import_node_nth_task (AnpaiImportNode *root,
                            int              n)
{
  g_return_val_if_fail (root != NULL, NULL);

  return n > 0 ? nth_task (root, &n) : NULL;
}

AnpaiImportUnit *
anpai_import_unit_new (const char    *name,
                       AnpaiUnitKind  kind)
{
  AnpaiImportUnit *unit = g_new0 (AnpaiImportUnit, 1);

  unit->name = g_strdup (name);
  unit->kind = kind;
  unit->spellings = g_ptr_array_new_with_free_func (g_free);
  return unit;
}

void
anpai_import_unit_free (AnpaiImportUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_ptr_array_unref (unit->spellings);
  g_free (unit->matches);
  g_free (unit);
}

/*
 * Plan
 */

AnpaiImportPlan *
anpai_import_plan_new (void)
{
  AnpaiImportPlan *plan = g_new0 (AnpaiImportPlan, 1);

  plan->title = g_strdup ("");
  plan->doc_number = g_strdup ("");
  plan->issuer = g_strdup ("");
  plan->issued_on = g_strdup ("");
  plan->period_start = g_strdup ("");
  plan->period_end = g_strdup ("");
  plan->kind = ANPAI_PLAN_KIND_ANNUAL;
  plan->root = anpai_import_node_new (ANPAI_NODE_KIND_SECTION, "", "");
  plan->units = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_import_unit_free);
  plan->warnings = g_ptr_array_new_with_free_func (g_free);
  plan->source_name = g_strdup ("");
  plan->source_text = g_strdup ("");
  return plan;
}

void
anpai_import_plan_free (AnpaiImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->title);
  g_free (plan->doc_number);
  g_free (plan->issuer);
  g_free (plan->issued_on);
  g_free (plan->period_start);
  g_free (plan->period_end);
  anpai_import_node_free (plan->root);
  g_ptr_array_unref (plan->units);
  g_ptr_array_unref (plan->warnings);
  g_free (plan->source_name);
  g_free (plan->source_text);
  g_free (plan);
}

AnpaiImportUnit *
anpai_import_plan_find_unit (AnpaiImportPlan *plan,
                             const char      *name)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; name != NULL && i < plan->units->len; i++)
    {
      AnpaiImportUnit *unit = g_ptr_array_index (plan->units, i);

      if (g_str_equal (unit->name, name))
        return unit;
    }
  return NULL;
}

/* The unit called @name, added (with @kind) on first use; counts uses. */
AnpaiImportUnit *
anpai_import_plan_ensure_unit (AnpaiImportPlan *plan,
                               const char      *name,
                               AnpaiUnitKind    kind)
{
  AnpaiImportUnit *unit;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  unit = anpai_import_plan_find_unit (plan, name);
  if (unit == NULL)
    {
      unit = anpai_import_unit_new (name, kind);
      g_ptr_array_add (plan->units, unit);
    }
  unit->n_uses++;
  return unit;
}

static void
replace_in_list (GPtrArray  *names,
                 const char *from,
                 const char *into,
                 gboolean    drop)
{
  for (guint i = 0; i < names->len; )
    {
      if (g_str_equal (g_ptr_array_index (names, i), from))
        {
          if (drop)
            {
              g_ptr_array_remove_index (names, i);
              continue;
            }
          g_free (names->pdata[i]);
          names->pdata[i] = g_strdup (into);
        }
      i++;
    }
}

static gboolean
list_has (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* Renames @from to @into in every node; where a node already names @into,
 * @from is dropped (a unit holds one role per task, the stronger one). */
static void
replace_unit (AnpaiImportNode *node,
              const char      *from,
              const char      *into)
{
  gboolean has_into = g_strcmp0 (node->lead, into) == 0 ||
                      list_has (node->co, into) || list_has (node->support, into);

  if (g_strcmp0 (node->lead, from) == 0)
    {
      if (has_into)
        {
          /* @into moves up to lead */
          replace_in_list (node->co, into, NULL, TRUE);
          replace_in_list (node->support, into, NULL, TRUE);
        }
      anpai_import_node_set_lead (node, into);
    }
  else
    {
      gboolean in_co = list_has (node->co, from);

      replace_in_list (node->co, from, into, has_into);
      if (in_co && !has_into)
        has_into = TRUE;
      replace_in_list (node->support, from, into, has_into);
    }

  for (guint i = 0; i < node->children->len; i++)
    replace_unit (g_ptr_array_index (node->children, i), from, into);
}

/* The planner says @from is @into: every task now names @into, and @from
 * is kept as one of @into's spellings (an alias once committed). */
void
anpai_import_plan_merge_unit (AnpaiImportPlan *plan,
                              const char      *from,
                              const char      *into)
{
  g_autofree char *from_copy = NULL;
  AnpaiImportUnit *source, *target;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (from != NULL && into != NULL);

  if (g_str_equal (from, into))
    return;
  source = anpai_import_plan_find_unit (plan, from);
  if (source == NULL)
    return;
  from_copy = g_strdup (from);
  target = anpai_import_plan_find_unit (plan, into);
  if (target == NULL)
    {
      anpai_import_plan_rename_unit (plan, from, into);
      return;
    }

  replace_unit (plan->root, from_copy, into);
  target->n_uses += source->n_uses;
  if (!list_has (target->spellings, from_copy))
    g_ptr_array_add (target->spellings, g_strdup (from_copy));
  for (guint i = 0; i < source->spellings->len; i++)
    if (!list_has (target->spellings, g_ptr_array_index (source->spellings, i)))
      g_ptr_array_add (target->spellings, g_strdup (g_ptr_array_index (source->spellings, i)));
  g_ptr_array_remove (plan->units, source);
}

/* Corrects a unit's name everywhere (a typo in the document). */
void
anpai_import_plan_rename_unit (AnpaiImportPlan *plan,
                               const char      *from,
                               const char      *to)
{
  g_autofree char *from_copy = NULL;
  AnpaiImportUnit *unit;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (from != NULL && to != NULL && *to != '\0');

  if (anpai_import_plan_find_unit (plan, to) != NULL)
    {
      anpai_import_plan_merge_unit (plan, from, to);
      return;
    }
  unit = anpai_import_plan_find_unit (plan, from);
  if (unit == NULL)
    return;
  from_copy = g_strdup (from);
  replace_unit (plan->root, from_copy, to);
  g_free (unit->name);
  unit->name = g_strdup (to);
  g_clear_pointer (&unit->matches, g_free);
}
