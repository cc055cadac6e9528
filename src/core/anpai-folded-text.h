/* anpai-folded-text.h — a text as the unit and target matchers read it
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One folded character per entry (anpai_unit_fold_char), with the byte
 * offset of the original character, so that spans found in the folded text
 * are exact in the caller's text whatever the folding did. Bytes that are
 * not UTF-8 become U+FFFD, one per byte. */
typedef struct {
  gunichar *c;    /* c[n] == 0 */
  guint32  *off;  /* off[n] is the text's length */
  guint     n;
} AnpaiFoldedText;

/* FALSE (and @t empty) for NULL, or for a text over 64 MiB: no task is that
 * long, and the offsets must fit in 32 bits. */
gboolean anpai_folded_text_init  (AnpaiFoldedText       *t,
                                  const char            *text);
void     anpai_folded_text_clear (AnpaiFoldedText       *t);
/* The length in characters of @word at @i when it ends before @end, or 0. */
guint    anpai_folded_text_match (const AnpaiFoldedText *t,
                                  guint                  i,
                                  guint                  end,
                                  const char            *word);

/* The next character of @*p, a string literal of the program (valid UTF-8
 * by construction), and @*p moved past it. The matchers compare literals
 * at every position of a text; g_utf8_get_char() was most of their time. */
static inline gunichar
anpai_literal_next (const char **p)
{
  const guchar *s = (const guchar *) *p;
  gunichar c;

  if (s[0] < 0x80)
    c = s[0], *p += 1;
  else if (s[0] < 0xE0)
    c = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu), *p += 2;
  else if (s[0] < 0xF0)
    c = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu), *p += 3;
  else
    c = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu),
    *p += 4;
  return c;
}

G_END_DECLS
