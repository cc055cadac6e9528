/* anpai-export-csv.c — the breakdown table as CSV (RFC 4180)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-export.h"

/* Excel is the reader that matters: on Chinese Windows it takes a file
 * without a BOM for GBK, so UTF-8 gets one, and GB18030 is there for the
 * programs that read only the local encoding. */

#define UTF8_BOM "\xEF\xBB\xBF"

/* A spreadsheet opening the file takes a cell that starts with one of
 * these for a formula, and runs it: such text gets an apostrophe in front,
 * so that it is shown as text (the apostrophe with it). */
#define FORMULA_STARTS "=+-@\t\r"

static void
append_field (GString    *out,
              const char *text,
              gboolean    first)
{
  gboolean formula;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  formula = text[0] != '\0' && strchr (FORMULA_STARTS, text[0]) != NULL;
  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_record (GString           *out,
               const char *const *fields,
               guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    append_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

/* A unit's list says what the unit does in each task (本单位职责). */
static gboolean
is_unit_list (const AnpaiExportOptions *options)
{
  return options->unit_id != 0 || options->per_unit;
}

static void
append_headings (GString                  *out,
                 const AnpaiExportOptions *options)
{
  const char * const *headings = anpai_export_headings (options);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  for (guint i = 0; headings[i] != NULL; i++)
    {
      g_ptr_array_add (fields, (gpointer) headings[i]);
      /* the unit's role right after the units' columns */
      if (i == 4 && is_unit_list (options))
        /* Translators: a column of a unit's list of tasks: what the unit
         * does in the task (本单位职责): lead, co-responsible or supporting */
        g_ptr_array_add (fields, (gpointer) _("Role"));
    }
  append_record (out, (const char * const *) fields->pdata, fields->len);
}

static void
append_row (GString                  *out,
            const AnpaiExportRow     *row,
            const AnpaiExportOptions *options)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean has_body = row->body != NULL && row->body[0] != '\0';
  gboolean has_title = row->title != NULL && row->title[0] != '\0';

  g_ptr_array_add (fields, g_strdup (row->label));
  if (row->is_section)
    g_ptr_array_add (fields, g_strdup (row->title));
  else
    g_ptr_array_add (fields, g_strconcat (has_title ? row->title : "",
                                          has_title && has_body ? " " : "",
                                          has_body ? row->body : "", NULL));
  g_ptr_array_add (fields, row->is_section ? NULL : g_strdup (row->time->text));
  g_ptr_array_add (fields, row->is_section ? NULL : g_strdup (row->lead));
  g_ptr_array_add (fields, row->is_section ? NULL : anpai_export_row_others (row));
  if (is_unit_list (options))
    g_ptr_array_add (fields, row->is_section || row->role < 0
                             ? NULL : g_strdup (anpai_role_get_label (row->role)));
  if (options->with_status)
    {
      g_ptr_array_add (fields, row->is_section ? NULL : g_strdup (anpai_status_get_label (row->status)));
      /* "50%" is read by Excel as a percentage, not as text */
      g_ptr_array_add (fields, row->is_section ? NULL : g_strdup_printf ("%d%%", row->progress));
    }
  append_record (out, (const char * const *) fields->pdata, fields->len);
}

gboolean
_anpai_export_csv (GPtrArray                *tables,
                   const AnpaiExportOptions *options,
                   const char               *path,
                   GError                  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *converted = NULL;
  gsize converted_len = 0;
  /* several lists in one sheet need their titles to be told apart */
  gboolean titled = tables->len > 1 || options->per_unit;

  if (!options->gb18030)
    g_string_append (out, UTF8_BOM);
  if (tables->len == 0)
    append_headings (out, options);
  for (guint t = 0; t < tables->len; t++)
    {
      AnpaiExportTable *table = g_ptr_array_index (tables, t);

      if (titled)
        {
          const char *title[] = { table->title };

          /* a blank line between lists, as a person would leave one */
          if (t > 0)
            g_string_append (out, "\r\n");
          append_record (out, title, 1);
        }
      append_headings (out, options);
      for (guint r = 0; r < table->rows->len; r++)
        append_row (out, g_ptr_array_index (table->rows, r), options);
    }

  if (!options->gb18030)
    return g_file_set_contents (path, out->str, out->len, error);

  converted = g_convert (out->str, out->len, "GB18030", "UTF-8", NULL, &converted_len, error);
  if (converted == NULL)
    return FALSE;
  return g_file_set_contents (path, converted, converted_len, error);
}
