/* anpai-import-reader.c — which reader a document needs
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <zip.h>

#include "anpai-import-reader.h"

/* The format comes from the content: planners rename files, and web pages
 * arrive as .txt, .htm, .html, .shtml or with no extension at all. */

/* No plan document is this big; a bigger file is a video or a disk image. */
#define MAX_INPUT_SIZE (256 * 1024 * 1024)
/* Text and web pages are read whole into memory several times over. */
#define MAX_TEXT_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (anpai-import-error-quark, anpai_import_error)

/* Messages quote the file's name; a document without one (from a
 * program, not a file) needs a stand-in. */
const char *
anpai_import_display_name (const char *name)
{
  /* Translators: stands in for a file name in “%s” in import errors */
  return name != NULL && *name != '\0' ? name : _("untitled document");
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *magic,
            gsize         magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

gboolean
anpai_import_contains (const guint8 *data,
                       gsize         length,
                       const char   *needle,
                       gsize         needle_length)
{
  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

#define HAS_PREFIX(data, length, magic) has_prefix (data, length, magic, sizeof magic - 1)
#define CONTAINS(data, length, needle) anpai_import_contains (data, length, needle, sizeof needle - 1)

void
anpai_import_set_damaged_word (GError     **error,
                               const char  *name)
{
  g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_DAMAGED,
               _("“%s” is a damaged Word document and cannot be read. Open it in Word or WPS, save it again and import the saved copy."),
               anpai_import_display_name (name));
}

void
anpai_import_set_encrypted (GError     **error,
                            const char  *name)
{
  g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_DAMAGED,
               _("“%s” is protected by a password. Remove the password in Word or WPS and import it again."),
               anpai_import_display_name (name));
}

void
anpai_import_init_libxml (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      g_once_init_leave (&once, 1);
    }
}

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize n, s;

  if (name == NULL)
    return FALSE;
  n = strlen (name);
  s = strlen (suffix);
  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

static void set_unsupported (GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (2, 3);

static void
set_unsupported (GError     **error,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_UNSUPPORTED, message);
}

/*
 * Zip containers
 */

typedef enum {
  ZIP_KIND_BROKEN,
  ZIP_KIND_DOCX,
  ZIP_KIND_XLSX,
  ZIP_KIND_PPTX,
  ZIP_KIND_ODF,
  ZIP_KIND_OFD,
  ZIP_KIND_OTHER,
} ZipKind;

static ZipKind
probe_zip (const guint8 *data,
           gsize         length)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *za;
  ZipKind kind = ZIP_KIND_OTHER;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (data, length, 0, &zerr);
  if (src == NULL)
    {
      zip_error_fini (&zerr);
      return ZIP_KIND_BROKEN;
    }
  za = zip_open_from_source (src, ZIP_RDONLY, &zerr);
  zip_error_fini (&zerr);
  if (za == NULL)
    {
      zip_source_free (src);
      return ZIP_KIND_BROKEN;
    }

  if (zip_name_locate (za, "word/document.xml", ZIP_FL_NOCASE) >= 0)
    kind = ZIP_KIND_DOCX;
  else if (zip_name_locate (za, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0)
    kind = ZIP_KIND_XLSX;
  else if (zip_name_locate (za, "ppt/presentation.xml", ZIP_FL_NOCASE) >= 0)
    kind = ZIP_KIND_PPTX;
  else if (zip_name_locate (za, "mimetype", 0) >= 0 &&
           zip_name_locate (za, "content.xml", 0) >= 0)
    kind = ZIP_KIND_ODF;
  else if (zip_name_locate (za, "OFD.xml", ZIP_FL_NOCASE) >= 0)
    kind = ZIP_KIND_OFD;
  zip_discard (za);
  return kind;
}

static AnpaiImportSource *
read_zip (const guint8  *data,
          gsize          length,
          const char    *name,
          GError       **error)
{
  switch (probe_zip (data, length))
    {
    case ZIP_KIND_DOCX:
      return anpai_import_read_docx (data, length, name, error);
    case ZIP_KIND_BROKEN:
      /* a truncated .docx still shows its part names in the local headers */
      if (has_suffix_nocase (name, ".docx") || CONTAINS (data, length, "word/"))
        anpai_import_set_damaged_word (error, name);
      else
        g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_DAMAGED,
                     _("“%s” is a damaged compressed file and cannot be read."),
                     anpai_import_display_name (name));
      return NULL;
    case ZIP_KIND_XLSX:
      set_unsupported (error,
                       _("“%s” is an Excel workbook. Save it as a web page (.htm) and import that."),
                       anpai_import_display_name (name));
      return NULL;
    case ZIP_KIND_PPTX:
      set_unsupported (error,
                       _("“%s” is a PowerPoint presentation. Anpai imports Word documents, web pages and text files."),
                       anpai_import_display_name (name));
      return NULL;
    case ZIP_KIND_ODF:
      set_unsupported (error,
                       _("“%s” is an OpenDocument file (.odt). Save it as .docx or as a web page and import that."),
                       anpai_import_display_name (name));
      return NULL;
    case ZIP_KIND_OFD:
      set_unsupported (error,
                       _("“%s” is an OFD document. Anpai cannot read OFD: import the Word document or web page it was made from."),
                       anpai_import_display_name (name));
      return NULL;
    case ZIP_KIND_OTHER:
    default:
      set_unsupported (error,
                       _("“%s” is a compressed archive, not a document. Extract the document from it and import that."),
                       anpai_import_display_name (name));
      return NULL;
    }
}

/* OLE2 compound files: Word 97–2003, Excel, PowerPoint, old WPS — and
 * Office's password-protected .docx, which is an OLE2 file around the
 * encrypted zip. The directory holds the stream names in UTF-16LE. */
static void
set_ole2_error (const guint8  *data,
                gsize          length,
                const char    *name,
                GError       **error)
{
  if (CONTAINS (data, length, "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"))
    anpai_import_set_encrypted (error, name);
  else if (CONTAINS (data, length, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"))
    set_unsupported (error,
                     _("“%s” is an old Word document (.doc). Save it as .docx or as a web page and import that."),
                     anpai_import_display_name (name));
  else if (CONTAINS (data, length, "W\0o\0r\0k\0b\0o\0o\0k\0") || CONTAINS (data, length, "B\0o\0o\0k\0"))
    set_unsupported (error,
                     _("“%s” is an Excel workbook. Save it as a web page (.htm) and import that."),
                     anpai_import_display_name (name));
  else if (CONTAINS (data, length, "P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0"))
    set_unsupported (error,
                     _("“%s” is a PowerPoint presentation. Anpai imports Word documents, web pages and text files."),
                     anpai_import_display_name (name));
  else
    set_unsupported (error,
                     _("“%s” is an old Office or WPS document. Save it as .docx or as a web page and import that."),
                     anpai_import_display_name (name));
}

/* Known formats Anpai does not read, by their first bytes. Returns FALSE
 * when none matched. */
static gboolean
check_unsupported (const guint8  *data,
                   gsize          length,
                   const char    *name,
                   GError       **error)
{
  gsize head = MIN (length, 1024);

  if (HAS_PREFIX (data, length, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    {
      set_ole2_error (data, length, name, error);
      return TRUE;
    }
  if (HAS_PREFIX (data, length, "%PDF-"))
    {
      set_unsupported (error,
                       _("“%s” is a PDF file. Anpai cannot read PDF: import the Word document or web page it was made from, or copy its text and paste it."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  if (HAS_PREFIX (data, length, "{\\rtf"))
    {
      set_unsupported (error,
                       _("“%s” is a Rich Text document (.rtf). Save it as .docx or as a web page and import that."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  if (HAS_PREFIX (data, length, "\x89PNG\r\n\x1a\n") || HAS_PREFIX (data, length, "\xFF\xD8\xFF") ||
      HAS_PREFIX (data, length, "GIF87a") || HAS_PREFIX (data, length, "GIF89a") ||
      HAS_PREFIX (data, length, "II*\0") || HAS_PREFIX (data, length, "MM\0*") ||
      (HAS_PREFIX (data, length, "RIFF") && length >= 12 && memcmp (data + 8, "WEBP", 4) == 0))
    {
      set_unsupported (error,
                       _("“%s” is an image. Anpai cannot read text in images: import the document it shows instead."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  if (HAS_PREFIX (data, length, "Rar!\x1a\x07") || HAS_PREFIX (data, length, "7z\xBC\xAF\x27\x1C") ||
      HAS_PREFIX (data, length, "\x1F\x8B") || HAS_PREFIX (data, length, "\xFD" "7zXZ\0"))
    {
      set_unsupported (error,
                       _("“%s” is a compressed archive, not a document. Extract the document from it and import that."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  /* Word's "single file web page": MIME parts in quoted-printable */
  if (length >= 13 && g_ascii_strncasecmp ((const char *) data, "MIME-Version:", 13) == 0 &&
      CONTAINS (data, head, "multipart/related"))
    {
      set_unsupported (error,
                       _("“%s” is a single-file web page (.mht). Save it as a web page (.htm) and import that."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  if (CONTAINS (data, head, "<?mso-application progid=\"Word.Document\"?>"))
    {
      set_unsupported (error,
                       _("“%s” is a Word 2003 XML document. Save it as .docx and import that."),
                       anpai_import_display_name (name));
      return TRUE;
    }
  return FALSE;
}

/*
 * Text
 */

/* One paragraph block per line of normalised UTF-8; empty lines are kept
 * (the parser reads them as paragraph breaks), a final newline is not a
 * line. */
static void
add_lines (AnpaiImportSource *source,
           const char        *text)
{
  const char *line = text;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      g_autofree char *copy = NULL;

      if (end == NULL)
        {
          if (*line != '\0')
            anpai_import_source_add_paragraph (source, line, NULL);
          break;
        }
      copy = g_strndup (line, end - line);
      anpai_import_source_add_paragraph (source, copy, NULL);
      line = end + 1;
    }
}

static gboolean
has_text (AnpaiImportSource *source)
{
  for (guint i = 0; i < source->blocks->len; i++)
    {
      AnpaiImportBlock *block = g_ptr_array_index (source->blocks, i);

      if (block->kind == ANPAI_IMPORT_BLOCK_TABLE)
        return TRUE;
      if (block->numbering != NULL)
        return TRUE;
      for (const char *p = block->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && c != 0x3000)
            return TRUE;
        }
    }
  return FALSE;
}

static AnpaiImportSource *
read_text_bytes (const guint8  *data,
                 gsize          length,
                 const char    *name,
                 GError       **error)
{
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *format = NULL;
  const char *encoding = NULL;

  text = anpai_import_decode_text (data, length, &encoding, NULL);
  if (text == NULL)
    {
      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY,
                   _("“%s” is not a text file, web page or Word document. Anpai cannot read it."),
                   anpai_import_display_name (name));
      return NULL;
    }
  format = g_strconcat ("text/", encoding, NULL);
  source = anpai_import_source_new (name, format);
  add_lines (source, text);
  return g_steal_pointer (&source);
}

/* Text with a UTF-16 BOM may still be a web page. */
static gboolean
utf16_html (const guint8 *data,
            gsize         length)
{
  g_autofree char *head = NULL;
  const char *charset;
  gsize bom_length;

  charset = anpai_import_sniff_bom (data, length, &bom_length);
  if (charset == NULL || g_str_equal (charset, "UTF-8"))
    return FALSE;
  head = anpai_import_to_utf8 (data + bom_length, MIN (length - bom_length, 8192), charset, NULL, NULL);
  return head != NULL && anpai_import_looks_like_html (head, strlen (head));
}

AnpaiImportSource *
anpai_import_read_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(AnpaiImportSource) source = NULL;
  const guint8 *data;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || length == 0)
    {
      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty."), anpai_import_display_name (name));
      return NULL;
    }

  if (HAS_PREFIX (data, length, "PK\x03\x04") || HAS_PREFIX (data, length, "PK\x05\x06"))
    {
      if (length > MAX_INPUT_SIZE)
        goto too_large;
      source = read_zip (data, length, name, error);
    }
  else if (check_unsupported (data, length, name, error))
    return NULL;
  else if (length > MAX_TEXT_SIZE)
    goto too_large;
  else if (anpai_import_looks_like_html ((const char *) data, MIN (length, 8192)) ||
           utf16_html (data, length))
    source = anpai_import_read_html (data, length, name, error);
  else
    source = read_text_bytes (data, length, name, error);

  if (source == NULL)
    return NULL;
  if (!has_text (source))
    {
      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_EMPTY,
                   _("“%s” contains no text to import."), anpai_import_display_name (name));
      return NULL;
    }
  return g_steal_pointer (&source);

too_large:
  {
    g_autofree char *size = g_format_size (length);

    g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_UNSUPPORTED,
                 _("“%s” is too large to import (%s)."), anpai_import_display_name (name), size);
    return NULL;
  }
}

AnpaiImportSource *
anpai_import_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    name = g_strdup (g_file_info_get_display_name (info));
  else
    {
      g_autofree char *basename = g_file_get_basename (file);

      name = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
    }

  /* the caller tells a cancellation from a failure */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_IO,
                   _("“%s” is a folder, not a document."), name);
      return NULL;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MAX_INPUT_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is too large to import (%s)."), name, size);
      return NULL;
    }
  g_clear_error (&local_error);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_IO,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return anpai_import_read_bytes (bytes, name, error);
}

/* Pasted text: one paragraph block per line, empty lines kept (the parser
 * reads them as paragraph breaks). Line ends and stray control characters
 * are cleaned as in a text file. */
AnpaiImportSource *
anpai_import_read_text (const char  *utf8,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(AnpaiImportSource) source = anpai_import_source_new (name, "text/UTF-8");
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (utf8 == NULL)
    utf8 = "";
  length = strlen (utf8);
  if (length > MAX_TEXT_SIZE)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_UNSUPPORTED,
                   _("The text is too large to import (%s)."), size);
      return NULL;
    }
  text = anpai_import_to_utf8 ((const guint8 *) utf8, length, "UTF-8", NULL, NULL);
  add_lines (source, text);
  if (!has_text (source))
    {
      g_set_error_literal (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_EMPTY,
                           _("There is no text to import."));
      return NULL;
    }
  return g_steal_pointer (&source);
}
