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

G_END_DECLS
