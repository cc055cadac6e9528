/* anpai-export-docx.c — the breakdown table as a Word document
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include "anpai-export.h"

/* A real Word table, one per plan or unit's list, each on its own
 * landscape pages: a title line, the heading row (w:tblHeader, so Word
 * and LibreOffice repeat it on every page), sections spanning the columns
 * (w:gridSpan). The package holds only the parts a reader needs, written
 * here: no template from elsewhere. */

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_DOCUMENT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define REL_STYLES   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

/* 宋体 for the Chinese is what Chinese offices' tables are set in and what
 * every Chinese Windows has; Times New Roman for Latin and digits, as in
 * their documents. LibreOffice on Debian has neither and substitutes
 * fonts-noto-cjk's Noto Sans CJK for the Chinese (w:lang zh-CN asks for
 * the Simplified forms) and DejaVu Serif for the rest: no tofu. Naming a
 * Noto font would instead leave Word users with a substitute. */
#define FONT_CJK   "宋体"
#define FONT_LATIN "Times New Roman"
#define SIZE_TEXT  21   /* half-points: 10.5 pt, 五号 */
#define SIZE_TITLE 32   /* 16 pt, 三号 */

/* Twips (1/1440 in). Landscape A4 is 297 × 210 mm, A3 420 × 297 mm. */
#define A4_LONG   16838
#define A4_SHORT  11906
#define A3_LONG   23811
#define MARGIN    1134  /* 2 cm */
/* One width unit: half a 10.5 pt CJK character. */
#define TWIPS_PER_UNIT 105.0
/* Left and right cell margins. */
#define CELL_PADDING   216.0

/* AnpaiExportColumn widths in twips, adding up to @text_twips: narrow columns as wide
 * as their longest entry within bounds, the key task what is left. */
static GArray *
column_widths (const AnpaiExportTable   *table,
               GArray                   *columns,
               const AnpaiExportOptions *options,
               int                       text_twips)
{
  /* the cell's margins, and a little slack: a line one glyph too long
   * breaks （一） in two */
#define PAD (CELL_PADDING / TWIPS_PER_UNIT + 1.0)
  static const AnpaiExportColumnBounds bounds[ANPAI_EXPORT_N_COLUMNS] = {
    /* （一） whole on one line */
    [ANPAI_EXPORT_COL_LABEL] = { 6 + PAD, 8 + PAD },
    [ANPAI_EXPORT_COL_TASK] = { 0, 0 },
    [ANPAI_EXPORT_COL_TIME] = { 10 + PAD, 24 + PAD },
    [ANPAI_EXPORT_COL_LEAD] = { 12 + PAD, 20 + PAD },
    [ANPAI_EXPORT_COL_OTHERS] = { 14 + PAD, 28 + PAD },
    [ANPAI_EXPORT_COL_ROLE] = { 0, 12 + PAD },
    [ANPAI_EXPORT_COL_STATUS] = { 0, 12 + PAD },
    [ANPAI_EXPORT_COL_PROGRESS] = { 0, 12 + PAD },
  };
  double page = text_twips / TWIPS_PER_UNIT;
  g_autoptr(GArray) units = _anpai_export_column_units (table, columns, options, bounds, 1.4, PAD, PAD, page);
  GArray *widths = g_array_new (FALSE, TRUE, sizeof (int));
  double used = 0, scale;
  guint task = 0;
  int sum = 0;
#undef PAD

  for (guint c = 0; c < columns->len; c++)
    {
      used += g_array_index (units, double, c);
      if (g_array_index (columns, AnpaiExportColumn, c) == ANPAI_EXPORT_COL_TASK)
        task = c;
    }
  /* a page too narrow for the columns' least widths: all shrink */
  scale = page / used;
  g_array_set_size (widths, columns->len);
  for (guint c = 0; c < columns->len; c++)
    {
      g_array_index (widths, int, c) = (int) (g_array_index (units, double, c) * TWIPS_PER_UNIT * scale);
      sum += g_array_index (widths, int, c);
    }
  /* rounding: the task column takes the odd twips */
  g_array_index (widths, int, task) += text_twips - sum;
  return widths;
}

/* XML writing: short names for what every part repeats. */

static void
start (xmlTextWriterPtr  x,
       const char       *name)
{
  xmlTextWriterStartElement (x, BAD_CAST name);
}

static void
end (xmlTextWriterPtr x)
{
  xmlTextWriterEndElement (x);
}

static void
attr (xmlTextWriterPtr  x,
      const char       *name,
      const char       *value)
{
  xmlTextWriterWriteAttribute (x, BAD_CAST name, BAD_CAST value);
}

/* <name w:val="value"/>, or <name/> for NULL */
static void
val (xmlTextWriterPtr  x,
     const char       *name,
     const char       *value)
{
  start (x, name);
  if (value != NULL)
    attr (x, "w:val", value);
  end (x);
}

static void
val_int (xmlTextWriterPtr  x,
         const char       *name,
         int               value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  val (x, name, text);
}

static void
width (xmlTextWriterPtr  x,
       const char       *name,
       int               twips)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", twips);
  start (x, name);
  attr (x, "w:w", text);
  attr (x, "w:type", "dxa");
  end (x);
}

static void
fonts (xmlTextWriterPtr x)
{
  start (x, "w:rFonts");
  attr (x, "w:ascii", FONT_LATIN);
  attr (x, "w:hAnsi", FONT_LATIN);
  attr (x, "w:eastAsia", FONT_CJK);
  attr (x, "w:cs", FONT_LATIN);
  attr (x, "w:hint", "eastAsia");
  end (x);
}

/* A run of @text: XML has no place for control characters, and a line
 * break inside a run is <w:br/>. */
static void
run (xmlTextWriterPtr  x,
     const char       *text,
     gboolean          bold,
     int               size)
{
  g_auto(GStrv) lines = NULL;
  GString *clean = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\r')
        c = ' ';
      if ((c < 0x20 && c != '\n') || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c < 0xE000))
        continue;
      g_string_append_unichar (clean, c);
    }
  lines = g_strsplit (clean->str, "\n", -1);
  g_string_free (clean, TRUE);

  start (x, "w:r");
  if (bold || size != 0)
    {
      start (x, "w:rPr");
      if (bold)
        {
          val (x, "w:b", NULL);
          val (x, "w:bCs", NULL);
        }
      if (size != 0)
        {
          val_int (x, "w:sz", size);
          val_int (x, "w:szCs", size);
        }
      end (x);
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        val (x, "w:br", NULL);
      start (x, "w:t");
      attr (x, "xml:space", "preserve");
      xmlTextWriterWriteString (x, BAD_CAST lines[i]);
      end (x);
    }
  end (x);
}

/* One paragraph; @justify NULL for the left. */
static void
paragraph (xmlTextWriterPtr  x,
           const char       *text,
           gboolean          bold,
           const char       *justify)
{
  start (x, "w:p");
  if (justify != NULL)
    {
      start (x, "w:pPr");
      val (x, "w:jc", justify);
      end (x);
    }
  if (text != NULL && *text != '\0')
    run (x, text, bold, 0);
  end (x);
}

static void
cell_start (xmlTextWriterPtr  x,
            int               twips,
            int               span,
            const char       *shading)
{
  start (x, "w:tc");
  start (x, "w:tcPr");
  width (x, "w:tcW", twips);
  if (span > 1)
    val_int (x, "w:gridSpan", span);
  if (shading != NULL)
    {
      start (x, "w:shd");
      attr (x, "w:val", "clear");
      attr (x, "w:color", "auto");
      attr (x, "w:fill", shading);
      end (x);
    }
  val (x, "w:vAlign", "center");
  end (x);
}

static void
borders (xmlTextWriterPtr x)
{
  const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };

  start (x, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      start (x, sides[i]);
      attr (x, "w:val", "single");
      attr (x, "w:sz", "4");
      attr (x, "w:space", "0");
      attr (x, "w:color", "000000");
      end (x);
    }
  end (x);
}

static void
write_task (xmlTextWriterPtr      x,
            const AnpaiExportRow *row,
            GArray               *columns,
            GArray               *widths)
{
  start (x, "w:tr");
  for (guint c = 0; c < columns->len; c++)
    {
      AnpaiExportColumn column = g_array_index (columns, AnpaiExportColumn, c);

      cell_start (x, g_array_index (widths, int, c), 1, NULL);
      if (column == ANPAI_EXPORT_COL_TASK && row->title != NULL && *row->title != '\0')
        {
          /* 工作内容: the task's title in bold, then its text */
          paragraph (x, row->title, TRUE, "both");
          if (row->body != NULL && *row->body != '\0')
            paragraph (x, row->body, FALSE, "both");
        }
      else
        {
          g_autofree char *text = anpai_export_cell_text (row, column);

          paragraph (x, text, FALSE,
                     column == ANPAI_EXPORT_COL_TASK ? "both" : column == ANPAI_EXPORT_COL_OTHERS ? "left" : "center");
        }
      end (x);
    }
  end (x);
}

static void
write_section (xmlTextWriterPtr      x,
               const AnpaiExportRow *row,
               int                   span,
               int                   twips)
{
  g_autofree char *text = anpai_export_row_heading (row);

  start (x, "w:tr");
  start (x, "w:trPr");
  val (x, "w:cantSplit", NULL);
  end (x);
  cell_start (x, twips, span, "F2F2F2");
  paragraph (x, text, TRUE, NULL);
  if (row->body != NULL && *row->body != '\0')
    paragraph (x, row->body, FALSE, "both");
  end (x);
  end (x);
}

static void
write_table (xmlTextWriterPtr          x,
             const AnpaiExportTable   *table,
             const AnpaiExportOptions *options,
             int                       text_twips,
             gboolean                  first)
{
  g_autoptr(GArray) columns = anpai_export_table_columns (table, options);
  g_autoptr(GArray) widths = column_widths (table, columns, options, text_twips);

  /* the title line; each table after the first on a new page */
  start (x, "w:p");
  start (x, "w:pPr");
  if (!first)
    val (x, "w:pageBreakBefore", NULL);
  start (x, "w:spacing");
  attr (x, "w:after", "120");
  end (x);
  val (x, "w:jc", "center");
  end (x);
  run (x, table->title != NULL ? table->title : "", TRUE, SIZE_TITLE);
  end (x);
  if (table->doc_number != NULL && *table->doc_number != '\0')
    {
      start (x, "w:p");
      start (x, "w:pPr");
      start (x, "w:spacing");
      attr (x, "w:after", "120");
      end (x);
      val (x, "w:jc", "center");
      end (x);
      run (x, table->doc_number, FALSE, 0);
      end (x);
    }

  start (x, "w:tbl");
  start (x, "w:tblPr");
  width (x, "w:tblW", text_twips);
  val (x, "w:jc", "center");
  borders (x);
  /* the widths below, not Word's autofit, which squeezes the narrow
   * columns until dates wrap */
  start (x, "w:tblLayout");
  attr (x, "w:type", "fixed");
  end (x);
  start (x, "w:tblCellMar");
  width (x, "w:left", (int) CELL_PADDING / 2);
  width (x, "w:right", (int) CELL_PADDING / 2);
  end (x);
  start (x, "w:tblLook");
  attr (x, "w:val", "04A0");
  attr (x, "w:firstRow", "1");
  attr (x, "w:lastRow", "0");
  attr (x, "w:firstColumn", "0");
  attr (x, "w:lastColumn", "0");
  attr (x, "w:noHBand", "0");
  attr (x, "w:noVBand", "1");
  end (x);
  end (x);
  start (x, "w:tblGrid");
  for (guint c = 0; c < columns->len; c++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", g_array_index (widths, int, c));
      start (x, "w:gridCol");
      attr (x, "w:w", text);
      end (x);
    }
  end (x);

  /* the heading row, repeated at the top of every page */
  start (x, "w:tr");
  start (x, "w:trPr");
  val (x, "w:cantSplit", NULL);
  val (x, "w:tblHeader", NULL);
  end (x);
  for (guint c = 0; c < columns->len; c++)
    {
      cell_start (x, g_array_index (widths, int, c), 1, "D9D9D9");
      paragraph (x, anpai_export_column_heading (g_array_index (columns, AnpaiExportColumn, c), options), TRUE, "center");
      end (x);
    }
  end (x);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);

      if (row->is_section)
        write_section (x, row, (int) columns->len, text_twips);
      else
        write_task (x, row, columns, widths);
    }
  end (x);
}

/* Each part of the package is an XML document written into a buffer. */
static xmlTextWriterPtr
part_begin (xmlBufferPtr buffer)
{
  xmlTextWriterPtr x = xmlNewTextWriterMemory (buffer, 0);

  xmlTextWriterStartDocument (x, NULL, "UTF-8", "yes");
  return x;
}

static xmlBufferPtr
part_end (xmlBufferPtr     buffer,
          xmlTextWriterPtr x)
{
  xmlTextWriterEndDocument (x);
  xmlFreeTextWriter (x);
  return buffer;
}

static xmlBufferPtr
document_xml (GPtrArray                *tables,
              const AnpaiExportOptions *options)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr x = part_begin (buffer);
  gboolean a3 = options->paper == ANPAI_PAPER_A3;
  int page_w = a3 ? A3_LONG : A4_LONG, page_h = a3 ? A4_LONG : A4_SHORT;
  char w_text[16], h_text[16];

  start (x, "w:document");
  attr (x, "xmlns:w", NS_W);
  attr (x, "xmlns:r", NS_R);
  start (x, "w:body");
  for (guint t = 0; t < tables->len; t++)
    write_table (x, g_ptr_array_index (tables, t), options, page_w - 2 * MARGIN, t == 0);
  /* Word ends a body with a paragraph, never with a table */
  paragraph (x, NULL, FALSE, NULL);

  g_snprintf (w_text, sizeof w_text, "%d", page_w);
  g_snprintf (h_text, sizeof h_text, "%d", page_h);
  start (x, "w:sectPr");
  start (x, "w:pgSz");
  attr (x, "w:w", w_text);
  attr (x, "w:h", h_text);
  attr (x, "w:orient", "landscape");
  /* Word's paper codes: 9 is A4, 8 A3 */
  attr (x, "w:code", a3 ? "8" : "9");
  end (x);
  start (x, "w:pgMar");
  attr (x, "w:top", "1134");
  attr (x, "w:right", "1134");
  attr (x, "w:bottom", "1134");
  attr (x, "w:left", "1134");
  attr (x, "w:header", "567");
  attr (x, "w:footer", "567");
  attr (x, "w:gutter", "0");
  end (x);
  end (x);
  end (x);
  end (x);
  return part_end (buffer, x);
}

static xmlBufferPtr
styles_xml (void)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr x = part_begin (buffer);

  start (x, "w:styles");
  attr (x, "xmlns:w", NS_W);
  start (x, "w:docDefaults");
  start (x, "w:rPrDefault");
  start (x, "w:rPr");
  fonts (x);
  val_int (x, "w:sz", SIZE_TEXT);
  val_int (x, "w:szCs", SIZE_TEXT);
  /* zh-CN: the Chinese forms of the characters, and Chinese line breaking */
  start (x, "w:lang");
  attr (x, "w:val", "en-US");
  attr (x, "w:eastAsia", "zh-CN");
  attr (x, "w:bidi", "ar-SA");
  end (x);
  end (x);
  end (x);
  start (x, "w:pPrDefault");
  start (x, "w:pPr");
  start (x, "w:spacing");
  attr (x, "w:after", "0");
  attr (x, "w:line", "260");
  attr (x, "w:lineRule", "auto");
  end (x);
  end (x);
  end (x);
  end (x);

  start (x, "w:style");
  attr (x, "w:type", "paragraph");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "Normal");
  val (x, "w:name", "Normal");
  val (x, "w:qFormat", NULL);
  end (x);

  start (x, "w:style");
  attr (x, "w:type", "table");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "TableNormal");
  val (x, "w:name", "Normal Table");
  val (x, "w:uiPriority", "99");
  val (x, "w:semiHidden", NULL);
  start (x, "w:tblPr");
  start (x, "w:tblCellMar");
  width (x, "w:top", 0);
  width (x, "w:left", 108);
  width (x, "w:bottom", 0);
  width (x, "w:right", 108);
  end (x);
  end (x);
  end (x);

  end (x);
  return part_end (buffer, x);
}

static xmlBufferPtr
content_types_xml (void)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr x = part_begin (buffer);
  const char *overrides[][2] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
  };

  start (x, "Types");
  attr (x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  start (x, "Default");
  attr (x, "Extension", "rels");
  attr (x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  end (x);
  start (x, "Default");
  attr (x, "Extension", "xml");
  attr (x, "ContentType", "application/xml");
  end (x);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      start (x, "Override");
      attr (x, "PartName", overrides[i][0]);
      attr (x, "ContentType", overrides[i][1]);
      end (x);
    }
  end (x);
  return part_end (buffer, x);
}

static xmlBufferPtr
relationships_xml (const char *type,
                   const char *target)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr x = part_begin (buffer);

  start (x, "Relationships");
  attr (x, "xmlns", NS_PKG);
  start (x, "Relationship");
  attr (x, "Id", "rId1");
  attr (x, "Type", type);
  attr (x, "Target", target);
  end (x);
  end (x);
  return part_end (buffer, x);
}

static void
set_zip_error (GError     **error,
               const char  *path,
               zip_error_t *zerr)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, zip_error_strerror (zerr));
}

gboolean
_anpai_export_docx (GPtrArray                *tables,
                    const AnpaiExportOptions *options,
                    const char               *path,
                    GError                  **error)
{
  /* the buffers must live until zip_close() has read them */
  g_autoptr(GPtrArray) buffers = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlBufferFree);
  const char *names[] = {
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/_rels/document.xml.rels",
  };
  zip_error_t zerr;
  zip_t *za;
  int code = 0;

  g_ptr_array_add (buffers, content_types_xml ());
  g_ptr_array_add (buffers, relationships_xml (REL_DOCUMENT, "word/document.xml"));
  g_ptr_array_add (buffers, document_xml (tables, options));
  g_ptr_array_add (buffers, styles_xml ());
  g_ptr_array_add (buffers, relationships_xml (REL_STYLES, "styles.xml"));

  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (za == NULL)
    {
      zip_error_init_with_code (&zerr, code);
      set_zip_error (error, path, &zerr);
      zip_error_fini (&zerr);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xmlBufferPtr buffer = g_ptr_array_index (buffers, i);
      zip_source_t *src = zip_source_buffer (za, xmlBufferContent (buffer),
                                             (zip_uint64_t) xmlBufferLength (buffer), 0);

      if (src == NULL || zip_file_add (za, names[i], src, ZIP_FL_ENC_UTF_8) < 0)
        {
          zip_source_free (src);
          set_zip_error (error, path, zip_get_error (za));
          zip_discard (za);
          return FALSE;
        }
    }
  if (zip_close (za) != 0)
    {
      set_zip_error (error, path, zip_get_error (za));
      zip_discard (za);
      return FALSE;
    }
  return TRUE;
}
