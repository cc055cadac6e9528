/* anpai-folded-text.c — a text as the unit and target matchers read it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anpai-folded-text.h"
#include "anpai-unit-clause.h"

#define MAX_TEXT_BYTES (64u * 1024u * 1024u)

gboolean
anpai_folded_text_init (AnpaiFoldedText *t,
                        const char      *text)
{
  gsize len, p = 0;

  memset (t, 0, sizeof *t);
  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len > MAX_TEXT_BYTES)
    return FALSE;

  t->c = g_new (gunichar, len + 1);
  t->off = g_new (guint32, len + 1);
  while (p < len)
    {
      gunichar u = g_utf8_get_char_validated (text + p, len - p);
      gsize step;

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          u = 0xFFFD;  /* one per invalid byte: offsets stay exact */
          step = 1;
        }
      else
        step = g_utf8_next_char (text + p) - (text + p);
      t->c[t->n] = anpai_unit_fold_char (u);
      t->off[t->n] = p;
      t->n++;
      p += step;
    }
  t->c[t->n] = 0;
  t->off[t->n] = len;
  return TRUE;
}

void
anpai_folded_text_clear (AnpaiFoldedText *t)
{
  g_clear_pointer (&t->c, g_free);
  g_clear_pointer (&t->off, g_free);
  t->n = 0;
}

guint
anpai_folded_text_match (const AnpaiFoldedText *t,
                         guint                  i,
                         guint                  end,
                         const char            *word)
{
  const char *p = word;
  guint k = 0;

  while (*p != '\0')
    {
      if (i + k >= end || t->c[i + k] != anpai_literal_next (&p))
        return 0;
      k++;
    }
  return k;
}
