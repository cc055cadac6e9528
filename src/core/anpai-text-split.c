/* anpai-text-split.c — splitting lists of names written in Chinese documents
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-text-split.h"

static int
bracket_delta (gunichar c)
{
  switch (c)
    {
    case '(': case 0xFF08: case 0x3014: case 0x3010: case '[': case 0x300A:  /* ( （ 〔 【 [ 《 */
      return 1;
    case ')': case 0xFF09: case 0x3015: case 0x3011: case ']': case 0x300B:
      return -1;
    default:
      return 0;
    }
}

/* Splits @text at any character of @separators (UTF-8) that is not inside
 * brackets, so "市财政局、各县(市、区)政府" gives two names, not three.
 * Pieces are trimmed; empty pieces are dropped. */
GStrv
anpai_split_outside_brackets (const char *text,
                              const char *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) piece = g_string_new (NULL);
  int depth = 0;

  g_return_val_if_fail (separators != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strv_builder_end (builder);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || (depth == 0 && g_utf8_strchr (separators, -1, c) != NULL))
        {
          g_strstrip (piece->str);
          if (piece->str[0] != '\0')
            g_strv_builder_add (builder, piece->str);
          g_string_truncate (piece, 0);
          if (c == 0)
            break;
          continue;
        }
      depth = MAX (0, depth + bracket_delta (c));
      g_string_append_unichar (piece, c);
    }
  return g_strv_builder_end (builder);
}
