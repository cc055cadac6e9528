/* anpai-json-writer.c — a small streaming JSON writer
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "anpai-json-writer.h"

/* Writing the dump as a stream keeps members in the order DESIGN.md shows
 * them and needs no tree of a 20,000-node project in memory. */

struct _AnpaiJsonWriter
{
  GString  *out;
  GArray   *counts;    /* values written so far at each open level */
  gboolean  pretty;
  gboolean  after_member;
};

AnpaiJsonWriter *
anpai_json_writer_new (gboolean pretty)
{
  AnpaiJsonWriter *self = g_new0 (AnpaiJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->pretty = pretty;
  return self;
}

void
anpai_json_writer_free (AnpaiJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

char *
anpai_json_writer_free_to_string (AnpaiJsonWriter *self)
{
  char *str;

  if (self->pretty)
    g_string_append_c (self->out, '\n');
  str = g_string_free (self->out, FALSE);
  g_array_unref (self->counts);
  g_free (self);
  return str;
}

static void
newline (AnpaiJsonWriter *self)
{
  if (!self->pretty)
    return;
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

/* Separates this value from the previous one at the same level. */
static void
before_value (AnpaiJsonWriter *self)
{
  guint *count;

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;
  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if (*count > 0)
    g_string_append_c (self->out, ',');
  (*count)++;
  newline (self);
}

static void
begin (AnpaiJsonWriter *self,
       char             c)
{
  guint zero = 0;

  before_value (self);
  g_string_append_c (self->out, c);
  g_array_append_val (self->counts, zero);
}

static void
end (AnpaiJsonWriter *self,
     char             c)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);

  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    newline (self);
  g_string_append_c (self->out, c);
}

void
anpai_json_writer_begin_object (AnpaiJsonWriter *self)
{
  begin (self, '{');
}

void
anpai_json_writer_end_object (AnpaiJsonWriter *self)
{
  end (self, '}');
}

void
anpai_json_writer_begin_array (AnpaiJsonWriter *self)
{
  begin (self, '[');
}

void
anpai_json_writer_end_array (AnpaiJsonWriter *self)
{
  end (self, ']');
}

static void
append_escaped (GString    *out,
                const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
anpai_json_writer_member (AnpaiJsonWriter *self,
                          const char      *name)
{
  before_value (self);
  append_escaped (self->out, name);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_member = TRUE;
}

/* Invalid UTF-8 (from a damaged import) is replaced, never written raw. */
void
anpai_json_writer_string (AnpaiJsonWriter *self,
                          const char      *value)
{
  g_autofree char *valid = NULL;

  before_value (self);
  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  append_escaped (self->out, value);
}

void
anpai_json_writer_string_or_null (AnpaiJsonWriter *self,
                                  const char      *value)
{
  if (value == NULL || *value == '\0')
    anpai_json_writer_null (self);
  else
    anpai_json_writer_string (self, value);
}

void
anpai_json_writer_int (AnpaiJsonWriter *self,
                       gint64           value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
anpai_json_writer_id_or_null (AnpaiJsonWriter *self,
                              gint64           value)
{
  if (value <= 0)
    anpai_json_writer_null (self);
  else
    anpai_json_writer_int (self, value);
}

void
anpai_json_writer_double (AnpaiJsonWriter *self,
                          double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      anpai_json_writer_null (self);
      return;
    }
  before_value (self);
  if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (self->out, "%.0f", value);
  else
    g_string_append (self->out, g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

void
anpai_json_writer_boolean (AnpaiJsonWriter *self,
                           gboolean         value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
anpai_json_writer_null (AnpaiJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}
