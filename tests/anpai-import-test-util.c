/* anpai-import-test-util.c — looking into an imported plan's tree in tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-import-test-util.h"
#include "anpai-unit-clause.h"

static char *
iso (const GDate *date)
{
  char buffer[16] = "";

  if (!g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

int
anpai_test_count_children (AnpaiImportNode *node,
                           AnpaiNodeKind    kind)
{
  int n = 0;

  for (guint i = 0; i < node->children->len; i++)
    if (((AnpaiImportNode *) g_ptr_array_index (node->children, i))->kind == kind)
      n++;
  return n;
}

/* The @n-th child (0-based) of @kind. */
AnpaiImportNode *
anpai_test_child (AnpaiImportNode *node,
                  AnpaiNodeKind    kind,
                  int              n)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      AnpaiImportNode *c = g_ptr_array_index (node->children, i);

      if (c->kind == kind && n-- == 0)
        return c;
    }
  g_assert_not_reached ();
  return NULL;
}

void
anpai_test_assert_time (AnpaiImportNode *node,
                        AnpaiTimeKind    kind,
                        AnpaiTimeSource  source,
                        const char      *start,
                        const char      *end)
{
  g_autofree char *s = iso (&node->time->start);
  g_autofree char *e = iso (&node->time->end);

  g_assert_cmpint (node->time->kind, ==, kind);
  g_assert_cmpint (node->time->source, ==, source);
  if (start != NULL)
    g_assert_cmpstr (s, ==, start);
  if (end != NULL)
    g_assert_cmpstr (e, ==, end);
}

gboolean
anpai_test_list_has (GPtrArray  *list,
                     const char *name)
{
  g_autofree char *normal = anpai_unit_name_normalize (name);

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), normal))
      return TRUE;
  return FALSE;
}

void
anpai_test_assert_lead (AnpaiImportNode *node,
                        const char      *name)
{
  g_autofree char *normal = anpai_unit_name_normalize (name);

  g_assert_cmpstr (node->lead, ==, normal);
}

void
anpai_test_check_tree (AnpaiImportNode *node,
                       gsize            text_length)
{
  g_assert_true (g_utf8_validate (node->label, -1, NULL));
  g_assert_true (g_utf8_validate (node->title, -1, NULL));
  g_assert_true (g_utf8_validate (node->body, -1, NULL));
  g_assert_true (g_utf8_validate (node->time->text, -1, NULL));
  g_assert_cmpuint (node->source_start, <=, node->source_end);
  g_assert_cmpuint (node->source_end, <=, text_length);
  for (guint i = 0; i < node->children->len; i++)
    {
      AnpaiImportNode *child = g_ptr_array_index (node->children, i);

      g_assert_true (child->parent == node);
      anpai_test_check_tree (child, text_length);
    }
}

AnpaiImportNode *
anpai_test_task (AnpaiImportNode *root,
                 int              n)
{
  AnpaiImportNode *node = anpai_import_node_nth_task (root, n);

  g_assert_nonnull (node);
  return node;
}

gboolean
anpai_test_tree_contains (AnpaiImportNode *node,
                          const char      *text)
{
  if (strstr (node->title, text) != NULL || strstr (node->body, text) != NULL)
    return TRUE;
  for (guint i = 0; i < node->children->len; i++)
    if (anpai_test_tree_contains (g_ptr_array_index (node->children, i), text))
      return TRUE;
  return FALSE;
}
