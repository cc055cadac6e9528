/* fuzz-import.c — libFuzzer target: any bytes through the importer
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "anpai-import-parse.h"
#include "anpai-import-reader.h"

/* Whatever arrives — a Word file, a web page, text in any encoding, or
 * junk — the readers and the parser return a result or an error. A crash,
 * a sanitizer report, a leak or a hang is a bug. The result must hold. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_node (AnpaiImportNode *node,
            gsize            text_length)
{
  if (!g_utf8_validate (node->label, -1, NULL) || !g_utf8_validate (node->title, -1, NULL) ||
      !g_utf8_validate (node->body, -1, NULL) || !g_utf8_validate (node->time->text, -1, NULL))
    __builtin_trap ();
  if (node->source_end < node->source_start || node->source_end > text_length)
    __builtin_trap ();
  for (guint i = 0; i < node->children->len; i++)
    {
      AnpaiImportNode *child = g_ptr_array_index (node->children, i);

      if (child->parent != node)
        __builtin_trap ();
      check_node (child, text_length);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autoptr(AnpaiImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  AnpaiImportOptions options = { 2023, 0, 0 };

  source = anpai_import_read_bytes (bytes, "fuzz.txt", &error);
  if (source == NULL)
    {
      if (error == NULL)
        __builtin_trap ();
      return 0;
    }
  if (!g_utf8_validate (source->text->str, source->text->len, NULL))
    __builtin_trap ();

  plan = anpai_import_parse (source, &options, &error);
  if (plan == NULL)
    {
      if (error == NULL)
        __builtin_trap ();
      return 0;
    }
  check_node (plan->root, strlen (plan->source_text));
  return 0;
}
