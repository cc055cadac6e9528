/* anpai-import-text.c — text in UTF-8, UTF-16 or GB18030 to clean UTF-8
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anpai-import-reader.h"

/* Plan documents come from Windows machines in China: UTF-8 (with or
 * without a BOM), UTF-16 from Notepad's "Unicode", and GBK/GB2312 from
 * everything older. GB18030 is a superset of both GB encodings. Decoding
 * never fails on a bad byte: it becomes U+FFFD and is counted, so that a
 * caller can tell a text with one bad byte from binary junk. */

#define REPLACEMENT 0xFFFD

const char *
anpai_import_sniff_bom (const guint8 *data,
                        gsize         length,
                        gsize        *bom_length)
{
  gsize dummy;

  if (bom_length == NULL)
    bom_length = &dummy;
  *bom_length = 0;
  if (data == NULL)
    return NULL;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *bom_length = 3;
      return "UTF-8";
    }
  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *bom_length = 2;
      return "UTF-16LE";
    }
  if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *bom_length = 2;
      return "UTF-16BE";
    }
  return NULL;
}

/* Counts runs of bytes that are not UTF-8 (one run = one error) and the
 * valid multi-byte characters around them. */
static void
count_utf8 (const guint8 *data,
            gsize         length,
            gsize        *n_errors,
            gsize        *n_multibyte,
            gboolean     *error_at_end)
{
  const char *p = (const char *) data;
  const char *end = p + length;
  gboolean in_error = FALSE;

  *n_errors = 0;
  *n_multibyte = 0;
  *error_at_end = FALSE;
  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      for (const char *q = p; q < valid_end; q++)
        if (((guchar) *q & 0xC0) == 0xC0)
          (*n_multibyte)++;
      if (valid_end > p)
        in_error = FALSE;
      if (valid_end >= end)
        break;
      if (!in_error)
        (*n_errors)++;
      in_error = TRUE;
      /* an incomplete sequence cut off by the end of the data */
      if (end - valid_end <= 3 && ((guchar) *valid_end & 0xC0) == 0xC0)
        {
          gboolean tail = TRUE;

          for (const char *q = valid_end + 1; q < end; q++)
            if (((guchar) *q & 0xC0) != 0x80)
              tail = FALSE;
          if (tail)
            {
              *error_at_end = TRUE;
              break;
            }
        }
      p = valid_end + 1;
    }
}

/* UTF-8 when the data is UTF-8 or nearly so (a cut-off last character, a
 * stray byte among many Chinese characters); else GB18030. GBK text is
 * never "nearly" UTF-8: about half its characters break the rules. */
const char *
anpai_import_guess_charset (const guint8 *data,
                            gsize         length)
{
  gsize n_errors, n_multibyte;
  gboolean error_at_end;

  if (data == NULL || length == 0)
    return "UTF-8";
  count_utf8 (data, length, &n_errors, &n_multibyte, &error_at_end);
  if (n_errors == 0)
    return "UTF-8";
  if (n_errors == 1 && error_at_end)
    return "UTF-8";
  if (n_multibyte >= 20 * n_errors)
    return "UTF-8";
  return "GB18030";
}

static void
decode_utf8 (GString      *out,
             const guint8 *data,
             gsize         length)
{
  const char *p = (const char *) data;
  const char *end = p + length;

  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      if (valid_end >= end)
        break;
      /* a NUL passes through and is dropped with the other controls */
      if (*valid_end == '\0')
        {
          g_string_append_c (out, '\0');
          p = valid_end + 1;
          continue;
        }
      /* one U+FFFD for a broken sequence, not one per byte */
      {
        guchar lead = *valid_end;
        gsize expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
        gsize n = 1;

        while (n < expected && valid_end + n < end && ((guchar) valid_end[n] & 0xC0) == 0x80)
          n++;
        g_string_append_unichar (out, REPLACEMENT);
        p = valid_end + n;
      }
    }
}

static void
decode_utf16 (GString      *out,
              const guint8 *data,
              gsize         length,
              gboolean      big_endian)
{
  gunichar high = 0;

  for (gsize i = 0; i + 1 < length; i += 2)
    {
      gunichar unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          if (high != 0)
            g_string_append_unichar (out, REPLACEMENT);
          high = unit;
          continue;
        }
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          if (high != 0)
            g_string_append_unichar (out, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
          else
            g_string_append_unichar (out, REPLACEMENT);
          high = 0;
          continue;
        }
      if (high != 0)
        g_string_append_unichar (out, REPLACEMENT);
      high = 0;
      if (unit == 0)
        g_string_append_c (out, '\0');
      else
        g_string_append_unichar (out, unit);
    }
  if (high != 0 || length % 2 != 0)
    g_string_append_unichar (out, REPLACEMENT);
}

/* Any other charset through iconv, a bad byte at a time. */
static gboolean
decode_iconv (GString      *out,
              const guint8 *data,
              gsize         length,
              const char   *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  gchar *in = (gchar *) data;
  gsize in_left = length;
  char chunk[4096];

  if (cd == (GIConv) -1)
    return FALSE;

  while (in_left > 0)
    {
      gchar *o = chunk;
      gsize o_left = sizeof chunk;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, chunk, o - chunk);
      if (r != (gsize) -1)
        continue;
      if (saved == E2BIG && o > chunk)
        continue;
      if (saved == EINVAL)
        {
          /* cut off at the end */
          g_string_append_unichar (out, REPLACEMENT);
          break;
        }
      /* EILSEQ, or no progress at all: skip one byte */
      g_string_append_unichar (out, REPLACEMENT);
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  g_iconv_close (cd);
  return TRUE;
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static gboolean
is_junk_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
}

/* Line ends become '\n'; other control characters, NULs and stray BOMs
 * are dropped. Counts characters, and the dropped or replaced ones. */
static char *
normalise (GString *in,
           gsize   *n_chars,
           gsize   *n_bad)
{
  GString *out = g_string_sized_new (in->len + 1);
  const char *p = in->str;
  const char *end = in->str + in->len;

  *n_chars = 0;
  *n_bad = 0;
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      (*n_chars)++;
      if (c == '\r')
        {
          if (p < end && *p == '\n')
            p++;
          g_string_append_c (out, '\n');
        }
      else if (is_line_break (c))
        g_string_append_c (out, '\n');
      else if (is_junk_control (c))
        (*n_bad)++;
      else if (c == 0xFEFF)
        ;
      else
        {
          if (c == REPLACEMENT)
            (*n_bad)++;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* @data without its BOM. Returns valid UTF-8 with '\n' line ends and no
 * control characters but tabs, or NULL when iconv does not know @charset. */
char *
anpai_import_to_utf8 (const guint8 *data,
                      gsize         length,
                      const char   *charset,
                      gsize        *n_chars,
                      gsize        *n_bad)
{
  g_autoptr(GString) decoded = g_string_sized_new (length + 1);
  gsize dummy_chars, dummy_bad;

  if (n_chars == NULL)
    n_chars = &dummy_chars;
  if (n_bad == NULL)
    n_bad = &dummy_bad;
  if (data == NULL)
    {
      data = (const guint8 *) "";
      length = 0;
    }
  if (charset == NULL)
    charset = anpai_import_guess_charset (data, length);

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    decode_utf8 (decoded, data, length);
  else if (g_ascii_strcasecmp (charset, "UTF-16LE") == 0)
    decode_utf16 (decoded, data, length, FALSE);
  else if (g_ascii_strcasecmp (charset, "UTF-16BE") == 0)
    decode_utf16 (decoded, data, length, TRUE);
  else if (!decode_iconv (decoded, data, length, charset))
    return NULL;

  return normalise (decoded, n_chars, n_bad);
}

/* Decides the encoding by BOM, then UTF-8 validity, then GB18030. Data
 * with NUL bytes (and no UTF-16 BOM), or with more than one character in
 * ten unreadable or control characters, is not text. */
char *
anpai_import_decode_text (const guint8  *data,
                          gsize          length,
                          const char   **encoding,
                          GError       **error)
{
  g_autofree char *text = NULL;
  const char *charset;
  gsize bom_length, n_chars, n_bad;

  if (data == NULL)
    {
      data = (const guint8 *) "";
      length = 0;
    }
  charset = anpai_import_sniff_bom (data, length, &bom_length);
  if (charset == NULL)
    {
      if (length > 0 && memchr (data, '\0', length) != NULL)
        {
          g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY,
                               _("The data is not text."));
          return NULL;
        }
      charset = anpai_import_guess_charset (data, length);
    }

  text = anpai_import_to_utf8 (data + bom_length, length - bom_length, charset, &n_chars, &n_bad);
  /* a cut-off character in a short text is still text */
  if (text == NULL || (n_bad * 10 > n_chars && n_bad >= 4))
    {
      g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY,
                           _("The data is not text."));
      return NULL;
    }
  if (encoding != NULL)
    *encoding = charset;
  return g_steal_pointer (&text);
}
