/* anpai-import-parse.c — from blocks of text to a plan with its outline
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-import-parse-private.h"
#include "anpai-import-reader.h"
#include "anpai-target-find.h"
#include "anpai-time-spec.h"

/* A preview with hundreds of notes helps nobody. */
#define MAX_WARNINGS 100

void
anpai_parse_warn (AnpaiParser *parser,
                  const char  *format,
                  ...)
{
  GPtrArray *warnings = parser->plan->warnings;
  va_list args;

  if (warnings->len > MAX_WARNINGS)
    return;
  if (warnings->len == MAX_WARNINGS)
    {
      g_ptr_array_add (warnings, g_strdup (_("More notes were left out.")));
      return;
    }
  va_start (args, format);
  g_ptr_array_add (warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/*
 * Node text
 */

/* At most @max bytes of @text, cut at a character's start. */
char *
anpai_parse_head (const char *text,
                  gsize       max)
{
  gsize len = strlen (text);

  if (len <= max)
    return g_strdup (text);
  while (max > 0 && ((guchar) text[max] & 0xC0) == 0x80)
    max--;
  return g_strndup (text, max);
}

/* A unit clause in a task's text. Clauses come at the end ("…。(责任单位:…)"),
 * so a very long text is searched in its tail only. */
AnpaiUnitClause *
anpai_parse_find_clause (const char *text)
{
  gsize len = strlen (text), from = 0;
  AnpaiUnitClause *clause;

  if (len > ANPAI_PARSE_MAX_TEXT)
    {
      from = len - ANPAI_PARSE_MAX_TEXT / 2;
      while (from < len && ((guchar) text[from] & 0xC0) == 0x80)
        from++;
    }
  clause = anpai_unit_clause_find (text + from);
  if (clause != NULL)
    {
      clause->start += from;
      clause->end += from;
    }
  return clause;
}

static gboolean
on_char_boundary (const char *text,
                  gsize       offset)
{
  return ((guchar) text[offset] & 0xC0) != 0x80;
}

/* @text without the unit clause the clause module found in it. */
char *
anpai_parse_cut_clause (const char            *text,
                        const AnpaiUnitClause *clause)
{
  gsize len = strlen (text);
  g_autoptr(GString) cut = NULL;

  if (clause == NULL || clause->start > clause->end || clause->end > len ||
      !on_char_boundary (text, clause->start) || !on_char_boundary (text, clause->end))
    return anpai_parse_strip (text, -1);
  cut = g_string_new_len (text, clause->start);
  g_string_append (cut, text + clause->end);
  return anpai_parse_strip (cut->str, cut->len);
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '\n';
}

static char *
strip_title_end (const char *title,
                 gsize       length)
{
  static const char trailing[] = "。:：;；,，、 ";
  const char *end = title + length;

  while (end > title)
    {
      const char *prev = g_utf8_find_prev_char (title, end);
      gunichar c = g_utf8_get_char (prev);

      if (g_utf8_strchr (trailing, -1, c) == NULL)
        break;
      end = prev;
    }
  return anpai_parse_strip (title, end - title);
}

/* A node's title is its first sentence (a heading, up to the first 。); the
 * rest is its body. */
void
anpai_parse_node_set_text (AnpaiImportNode *node,
                           const char      *text)
{
  g_autofree char *clean = anpai_parse_strip (text != NULL ? text : "", -1);
  const char *p = clean, *rest;

  while (*p != '\0' && !ends_sentence (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  rest = *p != '\0' ? g_utf8_next_char (p) : p;
  /* a quotation that ends with the sentence: "“凡事预则立,不预则废。”" */
  if (*p != '\0' && *p != '\n' && (g_str_has_prefix (rest, "”") || g_str_has_prefix (rest, "’")))
    {
      p = rest = g_utf8_next_char (rest);
      g_free (node->title);
      node->title = anpai_parse_strip (clean, p - clean);
    }
  else
    {
      g_free (node->title);
      node->title = strip_title_end (clean, p - clean);
    }
  g_free (node->body);
  node->body = anpai_parse_strip (rest, -1);
}

/* A further paragraph of the node's text. */
void
anpai_parse_node_append_text (AnpaiImportNode *node,
                              const char      *text)
{
  g_autofree char *clean = anpai_parse_strip (text != NULL ? text : "", -1);
  char *body;

  if (*clean == '\0')
    return;
  if (*node->title == '\0' && *node->body == '\0')
    {
      anpai_parse_node_set_text (node, clean);
      return;
    }
  body = *node->body != '\0' ? g_strconcat (node->body, "\n", clean, NULL) : g_strdup (clean);
  g_free (node->body);
  node->body = body;
}

char *
anpai_parse_node_full_text (AnpaiImportNode *node)
{
  if (*node->body == '\0')
    return g_strdup (node->title);
  return g_strconcat (node->title, "。", node->body, NULL);
}

/*
 * Units
 */

static void
add_name (GPtrArray  *list,
          const char *name)
{
  if (name != NULL && *name != '\0')
    g_ptr_array_add (list, g_strdup (name));
}

static void
set_or_add (AnpaiImportNode *node,
            const char      *name,
            GPtrArray       *otherwise)
{
  if (name == NULL || *name == '\0')
    return;
  if (node->lead == NULL)
    anpai_import_node_set_lead (node, name);
  else
    add_name (otherwise, name);
}

void
anpai_parse_node_add_units (AnpaiImportNode       *node,
                            const AnpaiUnitClause *clause,
                            AnpaiUnitsAs           as)
{
  if (clause == NULL)
    return;
  switch (as)
    {
    case ANPAI_UNITS_AS_WRITTEN:
      set_or_add (node, clause->lead, node->co);
      for (guint i = 0; i < clause->co->len; i++)
        add_name (node->co, g_ptr_array_index (clause->co, i));
      break;

    case ANPAI_UNITS_AS_LEAD:
      /* a 牵头单位 cell naming two: the first leads, the other shares */
      set_or_add (node, clause->lead, node->co);
      for (guint i = 0; i < clause->co->len; i++)
        set_or_add (node, g_ptr_array_index (clause->co, i), node->co);
      break;

    case ANPAI_UNITS_AS_CO:
      add_name (node->co, clause->lead);
      for (guint i = 0; i < clause->co->len; i++)
        add_name (node->co, g_ptr_array_index (clause->co, i));
      break;

    case ANPAI_UNITS_AS_SUPPORT:
      add_name (node->support, clause->lead);
      for (guint i = 0; i < clause->co->len; i++)
        add_name (node->support, g_ptr_array_index (clause->co, i));
      break;
    }
  for (guint i = 0; i < clause->support->len; i++)
    add_name (node->support, g_ptr_array_index (clause->support, i));
}

typedef struct {
  char      *canonical;
  GPtrArray *names;  /* every spelling met, in order */
} UnitGroup;

static void
unit_group_free (gpointer data)
{
  UnitGroup *group = data;

  g_free (group->canonical);
  g_ptr_array_unref (group->names);
  g_free (group);
}

typedef struct {
  AnpaiParser *parser;
  GPtrArray   *groups;  /* of UnitGroup */
  GHashTable  *by_name; /* spelling → UnitGroup */
  GHashTable  *by_key;  /* anpai_unit_name_key() → UnitGroup */
} Units;

/* One unit under two spellings (市政府法制办 = 市政府法制办公室): the fuller
 * one is its name, the others its spellings. */
static void
meet_name (Units      *units,
           const char *name)
{
  UnitGroup *group = NULL;
  char *key;

  if (name == NULL || *name == '\0' || g_hash_table_contains (units->by_name, name))
    return;
  /* equivalent names share a key: a group is found by it */
  key = anpai_unit_name_key (name);
  if (key != NULL)
    group = g_hash_table_lookup (units->by_key, key);
  if (group == NULL)
    {
      group = g_new0 (UnitGroup, 1);
      group->canonical = g_strdup (name);
      group->names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (units->groups, group);
      if (key != NULL)
        g_hash_table_insert (units->by_key, g_steal_pointer (&key), group);
    }
  else if (g_utf8_strlen (name, -1) > g_utf8_strlen (group->canonical, -1))
    {
      g_free (group->canonical);
      group->canonical = g_strdup (name);
    }
  g_free (key);
  g_ptr_array_add (group->names, g_strdup (name));
  g_hash_table_insert (units->by_name, g_ptr_array_index (group->names, group->names->len - 1),
                       group);
}

static void
copy_names (GPtrArray *to,
            GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

static gboolean
has_units (AnpaiImportNode *node)
{
  return node->lead != NULL || node->co->len > 0 || node->support->len > 0;
}

/* Tasks under a heading that named the units ("(一)…" then 责任单位:) share them. */
static void
inherit_units (AnpaiImportNode *node,
               AnpaiImportNode *owner)
{
  if (node->kind == ANPAI_NODE_KIND_TASK && !has_units (node) && owner != NULL)
    {
      anpai_import_node_set_lead (node, owner->lead);
      copy_names (node->co, owner->co);
      copy_names (node->support, owner->support);
    }
  if (node->kind == ANPAI_NODE_KIND_SECTION && has_units (node))
    owner = node;
  for (guint i = 0; i < node->children->len; i++)
    inherit_units (g_ptr_array_index (node->children, i), owner);
}

static void
meet_node (Units           *units,
           AnpaiImportNode *node)
{
  meet_name (units, node->lead);
  for (guint i = 0; i < node->co->len; i++)
    meet_name (units, g_ptr_array_index (node->co, i));
  for (guint i = 0; i < node->support->len; i++)
    meet_name (units, g_ptr_array_index (node->support, i));
  for (guint i = 0; i < node->children->len; i++)
    meet_node (units, g_ptr_array_index (node->children, i));
}

static const char *
canonical (Units      *units,
           const char *name)
{
  UnitGroup *group = g_hash_table_lookup (units->by_name, name);

  return group != NULL ? group->canonical : name;
}

static gboolean
list_has (GPtrArray  *list,
          const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), name))
      return TRUE;
  return FALSE;
}

/* The list in canonical names, each unit once, none already named before
 * (a unit holds one role per task: the first one written). */
static GPtrArray *
canonical_list (Units           *units,
                AnpaiImportNode *node,
                GPtrArray       *list,
                GPtrArray       *before)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = canonical (units, g_ptr_array_index (list, i));

      if (*name == '\0' || g_strcmp0 (name, node->lead) == 0 || list_has (out, name) ||
          (before != NULL && list_has (before, name)))
        continue;
      g_ptr_array_add (out, g_strdup (name));
    }
  return out;
}

static void
ensure (AnpaiImportPlan *plan,
        const char      *name)
{
  anpai_import_plan_ensure_unit (plan, name, anpai_unit_name_classify (name));
}

static void
rename_node (Units           *units,
             AnpaiImportNode *node)
{
  AnpaiImportPlan *plan = units->parser->plan;

  if (node->lead != NULL)
    anpai_import_node_set_lead (node, canonical (units, node->lead));
  if (node->lead != NULL || node->co->len > 0 || node->support->len > 0)
    {
      GPtrArray *co = canonical_list (units, node, node->co, NULL);
      GPtrArray *support = canonical_list (units, node, node->support, co);

      g_ptr_array_unref (node->co);
      g_ptr_array_unref (node->support);
      node->co = co;
      node->support = support;
      if (node->lead != NULL)
        ensure (plan, node->lead);
      for (guint i = 0; i < co->len; i++)
        ensure (plan, g_ptr_array_index (co, i));
      for (guint i = 0; i < support->len; i++)
        ensure (plan, g_ptr_array_index (support, i));
    }
  for (guint i = 0; i < node->children->len; i++)
    rename_node (units, g_ptr_array_index (node->children, i));
}

static void
resolve_units (AnpaiParser *parser)
{
  AnpaiImportPlan *plan = parser->plan;
  Units units = { parser, g_ptr_array_new_with_free_func (unit_group_free),
                  g_hash_table_new (g_str_hash, g_str_equal),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  inherit_units (plan->root, NULL);
  meet_node (&units, plan->root);
  rename_node (&units, plan->root);

  for (guint i = 0; i < units.groups->len; i++)
    {
      UnitGroup *group = g_ptr_array_index (units.groups, i);
      AnpaiImportUnit *unit = anpai_import_plan_find_unit (plan, group->canonical);

      for (guint j = 0; unit != NULL && j < group->names->len; j++)
        {
          const char *name = g_ptr_array_index (group->names, j);

          if (!g_str_equal (name, unit->name) && !list_has (unit->spellings, name))
            g_ptr_array_add (unit->spellings, g_strdup (name));
        }
    }
  g_hash_table_unref (units.by_name);
  g_hash_table_unref (units.by_key);
  g_ptr_array_unref (units.groups);
}

/*
 * Time requirements and targets
 */

static void
set_time (AnpaiImportNode *node,
          AnpaiTimeSpec   *spec,
          AnpaiTimeSource  source)
{
  anpai_time_spec_free (node->time);
  node->time = spec;
  node->time->source = source;
}

/* A node's title and body, as far as the finders read. */
static char *
finder_text (AnpaiImportNode *node)
{
  g_autofree char *full = anpai_parse_node_full_text (node);

  return anpai_parse_head (full, ANPAI_PARSE_MAX_TEXT);
}

/* A task's time: a table's 时间要求 cell, an expression in its own text, its
 * parent's, the plan's year or period — in that order. A task's targets
 * come from its text too, so both are read in one walk. */
static void
resolve_time_and_targets (AnpaiParser         *parser,
                          AnpaiImportNode     *node,
                          const AnpaiTimeSpec *inherited)
{
  const AnpaiTimeSpec *passed = inherited;

  if (node->kind != ANPAI_NODE_KIND_TEXT && node->parent != NULL)
    {
      gboolean is_task = node->kind == ANPAI_NODE_KIND_TASK;
      g_autofree char *text = NULL;

      if (node->time->source == ANPAI_TIME_SOURCE_NONE || is_task)
        text = finder_text (node);
      if (node->time->source == ANPAI_TIME_SOURCE_NONE)
        {
          AnpaiTimeSpec *spec = NULL;

          if (anpai_time_spec_find (text, ANPAI_PARSER_START (parser), ANPAI_PARSER_END (parser),
                                    &spec) && spec != NULL)
            set_time (node, spec, ANPAI_TIME_SOURCE_TEXT);
          else
            anpai_time_spec_free (spec);
        }
      if (is_task && node->time->source == ANPAI_TIME_SOURCE_NONE)
        {
          if (inherited != NULL)
            set_time (node, anpai_time_spec_copy (inherited), ANPAI_TIME_SOURCE_PARENT);
          else if (g_date_valid (&parser->period_start) && g_date_valid (&parser->period_end))
            {
              AnpaiTimeSpec *spec = anpai_time_spec_new ();

              spec->kind = ANPAI_TIME_WINDOW;
              spec->start = parser->period_start;
              spec->end = parser->period_end;
              set_time (node, spec, ANPAI_TIME_SOURCE_PLAN);
            }
        }
      if (is_task)
        {
          GPtrArray *targets = anpai_targets_find (text);

          if (targets != NULL)
            g_ptr_array_extend_and_steal (node->targets, targets);
        }
      if (node->time->source != ANPAI_TIME_SOURCE_NONE && node->time->kind != ANPAI_TIME_NONE &&
          node->time->source != ANPAI_TIME_SOURCE_PLAN)
        passed = node->time;
    }
  for (guint i = 0; i < node->children->len; i++)
    resolve_time_and_targets (parser, g_ptr_array_index (node->children, i), passed);
}

/*
 * Notes for the planner
 */

static void
collect_leaderless (AnpaiImportNode *node,
                    GPtrArray       *found)
{
  if (node->kind == ANPAI_NODE_KIND_TASK && node->lead == NULL)
    g_ptr_array_add (found, node);
  for (guint i = 0; i < node->children->len; i++)
    collect_leaderless (g_ptr_array_index (node->children, i), found);
}

static void
warn_leaderless (AnpaiParser *parser)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_leaderless (parser->plan->root, found);
  if (found->len > 5)
    {
      anpai_parse_warn (parser, ngettext ("%u task has no lead unit.",
                                          "%u tasks have no lead unit.", found->len),
                        found->len);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      AnpaiImportNode *task = g_ptr_array_index (found, i);
      g_autofree char *title = g_utf8_substring (task->title, 0,
                                                 MIN (g_utf8_strlen (task->title, -1), 24));

      anpai_parse_warn (parser, _("Task %s “%s” has no lead unit."), task->label, title);
    }
}

/*
 * The whole
 */

static void
line_clear (gpointer data)
{
  AnpaiLine *line = data;

  g_free (line->text);
}

static gboolean
is_empty (AnpaiImportSource *source)
{
  for (guint i = 0; i < source->text->len; i++)
    {
      char c = source->text->str[i];

      if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
        return FALSE;
    }
  return TRUE;
}

AnpaiImportPlan *
anpai_import_parse (AnpaiImportSource         *source,
                    const AnpaiImportOptions  *options,
                    GError                   **error)
{
  g_autoptr(AnpaiImportPlan) plan = NULL;
  AnpaiParser parser = { 0 };
  gboolean found;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_empty (source))
    {
      g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_NO_OUTLINE,
                           _("There is nothing to import: the document is empty."));
      return NULL;
    }

  plan = anpai_import_plan_new ();
  g_free (plan->source_name);
  plan->source_name = g_strdup (source->name);
  g_free (plan->source_text);
  plan->source_text = g_strndup (source->text->str, source->text->len);

  parser.source = source;
  if (options != NULL)
    parser.options = *options;
  parser.plan = plan;
  parser.lines = g_array_new (FALSE, TRUE, sizeof (AnpaiLine));
  g_array_set_clear_func (parser.lines, line_clear);
  parser.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_parse_table_info_free);
  g_date_clear (&parser.period_start, 1);
  g_date_clear (&parser.period_end, 1);

  anpai_parse_lines_read (&parser);
  anpai_parse_tables_find (&parser);
  anpai_parse_lines_join (&parser);
  anpai_parse_notice (&parser);
  found = anpai_parse_outline (&parser);

  if (found)
    {
      resolve_units (&parser);
      resolve_time_and_targets (&parser, plan->root, NULL);
      warn_leaderless (&parser);
      if (*plan->period_start == '\0')
        anpai_parse_warn (&parser, _("The plan’s period was not found: set its years before "
                                     "scheduling its tasks."));
    }

  g_array_unref (parser.lines);
  g_ptr_array_unref (parser.tables);

  if (!found)
    {
      if (*source->name != '\0')
        g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_NO_OUTLINE,
                     _("No plan was found in “%s”: it has no numbered items (一、, (一), 1.) "
                       "and no task breakdown table."), source->name);
      else
        g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_NO_OUTLINE,
                             _("No plan was found in the text: it has no numbered items (一、, "
                               "(一), 1.) and no task breakdown table."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}
