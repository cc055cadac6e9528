/* test-import-readers.c — text, web pages and Word documents to blocks
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <zip.h>

#include "anpai-import-reader.h"

/*
 * Helpers
 */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static AnpaiImportSource *
read_fixture (const char  *name,
              GError     **error)
{
  g_autoptr(GBytes) bytes = load_fixture (name);

  return anpai_import_read_bytes (bytes, name, error);
}

static AnpaiImportSource *
read_string (const char  *text,
             const char  *name,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return anpai_import_read_bytes (bytes, name, error);
}

/* One line per paragraph, "LABEL|TEXT"; one per table row,
 * "Tn:CELL|CELL…" with a cell's line breaks shown as ⏎. */
static GStrv
dump_blocks (AnpaiImportSource *source)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < source->blocks->len; i++)
    {
      AnpaiImportBlock *block = g_ptr_array_index (source->blocks, i);

      if (block->kind == ANPAI_IMPORT_BLOCK_PARAGRAPH)
        {
          g_autofree char *line = g_strconcat (block->numbering != NULL ? block->numbering : "",
                                               "|", block->text, NULL);

          g_strv_builder_add (builder, line);
          continue;
        }
      for (guint r = 0; r < block->rows->len; r++)
        {
          char **cells = g_ptr_array_index (block->rows, r);
          g_autofree char *joined = g_strjoinv ("|", cells);
          g_auto(GStrv) parts = g_strsplit (joined, "\n", -1);
          g_autofree char *shown = g_strjoinv ("⏎", parts);
          g_autofree char *line = g_strdup_printf ("T%u:%s", r, shown);

          g_strv_builder_add (builder, line);
        }
    }
  return g_strv_builder_end (builder);
}

static void
assert_blocks (AnpaiImportSource  *source,
               const char * const *expected)
{
  g_auto(GStrv) got = dump_blocks (source);

  if (!g_strv_equal ((const char * const *) got, expected))
    {
      g_autofree char *shown = g_strjoinv ("\n", got);

      g_test_message ("blocks:\n%s", shown);
    }
  g_assert_cmpstrv (got, expected);
}

/* Every block is one valid line; the source text holds each of them. */
static void
assert_well_formed (AnpaiImportSource *source)
{
  g_assert_true (g_utf8_validate (source->text->str, source->text->len, NULL));
  for (guint i = 0; i < source->blocks->len; i++)
    {
      AnpaiImportBlock *block = g_ptr_array_index (source->blocks, i);

      g_assert_cmpuint (block->offset + block->length, <=, source->text->len);
      if (block->kind == ANPAI_IMPORT_BLOCK_PARAGRAPH)
        {
          g_assert_true (g_utf8_validate (block->text, -1, NULL));
          g_assert_null (strchr (block->text, '\n'));
        }
      else
        {
          guint width = g_strv_length (g_ptr_array_index (block->rows, 0));

          for (guint r = 0; r < block->rows->len; r++)
            g_assert_cmpuint (g_strv_length (g_ptr_array_index (block->rows, r)), ==, width);
        }
    }
}

static void
assert_error (AnpaiImportSource *source,
              GError            *error,
              AnpaiImportError   code,
              const char        *in_message)
{
  g_assert_null (source);
  g_assert_error (error, ANPAI_IMPORT_ERROR, (int) code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
}

/* A zip built in memory from name/content pairs. */
static GBytes *
make_zip (const char * const *parts)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *za;
  zip_int64_t size;
  guint8 *data;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  g_assert_nonnull (src);
  zip_source_keep (src);
  za = zip_open_from_source (src, ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (za);
  for (guint i = 0; parts[i] != NULL; i += 2)
    {
      zip_source_t *part = zip_source_buffer (za, parts[i + 1], strlen (parts[i + 1]), 0);

      g_assert_nonnull (part);
      g_assert_cmpint (zip_file_add (za, parts[i], part, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);

  g_assert_cmpint (zip_source_open (src), ==, 0);
  g_assert_cmpint (zip_source_seek (src, 0, SEEK_END), ==, 0);
  size = zip_source_tell (src);
  g_assert_cmpint (size, >, 0);
  g_assert_cmpint (zip_source_seek (src, 0, SEEK_SET), ==, 0);
  data = g_malloc (size);
  g_assert_cmpint (zip_source_read (src, data, size), ==, size);
  zip_source_close (src);
  zip_source_free (src);
  zip_error_fini (&zerr);
  return g_bytes_new_take (data, size);
}

#define W_DOC_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define W_DOC_END "</w:body></w:document>"
#define W_NUMBERING_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
#define W_STYLES_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"

static AnpaiImportSource *
read_docx (const char  *document,
           const char  *numbering,
           const char  *styles,
           GError     **error)
{
  const char *parts[8] = { "word/document.xml", document, NULL };
  guint n = 2;
  g_autoptr(GBytes) bytes = NULL;

  if (numbering != NULL)
    {
      parts[n++] = "word/numbering.xml";
      parts[n++] = numbering;
    }
  if (styles != NULL)
    {
      parts[n++] = "word/styles.xml";
      parts[n++] = styles;
    }
  parts[n] = NULL;
  bytes = make_zip (parts);
  return anpai_import_read_bytes (bytes, "test.docx", error);
}

/*
 * Decoding
 */

/* @length -1: up to the NUL */
static void
check_decode (const char *data,
              gssize      length,
              const char *expected,
              const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  if (length < 0)
    length = strlen (data);
  text = anpai_import_decode_text ((const guint8 *) data, length, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (encoding, ==, expected_encoding);
}

static void
check_decode_fixture (const char *name,
                      const char *expected,
                      const char *expected_encoding)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  check_decode (data, length, expected, expected_encoding);
}

static void
test_decode_fixtures (void)
{
  check_decode_fixture ("text-utf8-bom.txt",
                        "某县2025年度依法行政工作要点\n\n一、总体要求\n坚持依法行政，提升治理能力。\n"
                        "（一）完善制度建设。2025年6月底前完成规章清理。\n责任单位：县司法局、县财政局\n",
                        "UTF-8");
  check_decode_fixture ("text-utf8.txt",
                        "二、重点任务\n1.推行行政执法“三项制度”。\n\n2.加强行政复议工作，全年办结率100%。",
                        "UTF-8");
  check_decode_fixture ("text-gb18030.txt",
                        "三、保障措施\n（一）加强组织领导。由王堃同志负责，〇八年起执行。\n（二）罕见字：𠮷。\n",
                        "GB18030");
  check_decode_fixture ("text-utf16le.txt",
                        "四、工作要求\n各单位于每月25日前报送进展𠀀。", "UTF-16LE");
}

static void
test_decode_encodings (void)
{
  /* "一、总体要求" in GBK is not UTF-8: GB18030 */
  check_decode ("\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3\r\n", -1, "一、总体要求\n", "GB18030");
  /* UTF-16BE with its BOM */
  check_decode ("\xfe\xff\x4e\x00\x00\x0a\x4e\x8c", 8, "一\n二", "UTF-16BE");
  /* UTF-16LE: a lone surrogate and an odd last byte become U+FFFD */
  check_decode ("\xff\xfe\x00\xd8\x41\x00\x42", 7, "\xef\xbf\xbd" "A\xef\xbf\xbd", "UTF-16LE");
  /* a UTF-8 BOM before invalid bytes: still UTF-8 */
  check_decode ("\xef\xbb\xbf" "\xe4\xb8\x80\xff", -1, "一\xef\xbf\xbd", "UTF-8");
  /* UTF-8 cut inside its last character stays UTF-8 */
  check_decode ("\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8", -1, "一二\xef\xbf\xbd", "UTF-8");
  /* one stray byte among many Chinese characters stays UTF-8 */
  check_decode ("一二三四五六七八九十一二三四五六七八九十\xff一二", -1,
                "一二三四五六七八九十一二三四五六七八九十\xef\xbf\xbd一二", "UTF-8");
  check_decode ("", 0, "", "UTF-8");
}

static void
test_decode_line_ends (void)
{
  check_decode ("a\r\nb\rc\nd\r\n\r\ne\r", -1, "a\nb\nc\nd\n\ne\n", "UTF-8");
  /* form feeds and Unicode separators end lines; other controls go */
  check_decode ("a\fb\xe2\x80\xa8" "c\x01\x1b" "d\te", -1, "a\nb\ncd\te", "UTF-8");
  check_decode ("\xef\xbb\xbf\xef\xbb\xbfx", -1, "x", "UTF-8");
}

static void
test_decode_binary (void)
{
  static const char nul[] = "text\0more text";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" "abc";
  g_autoptr(GError) error = NULL;
  char *text;

  text = anpai_import_decode_text ((const guint8 *) nul, sizeof nul - 1, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  text = anpai_import_decode_text ((const guint8 *) controls, sizeof controls - 1, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  /* bytes that are neither UTF-8 nor GB18030 */
  text = anpai_import_decode_text ((const guint8 *) "\x80\xff\x80\xff\x80\xff", 6, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_BINARY);
}

/*
 * Text
 */

static void
test_text_files (void)
{
  struct {
    const char *name;
    const char *format;
    const char *blocks[8];
  } cases[] = {
    { "text-utf8-bom.txt", "text/UTF-8",
      { "|某县2025年度依法行政工作要点", "|", "|一、总体要求",
        "|坚持依法行政，提升治理能力。", "|（一）完善制度建设。2025年6月底前完成规章清理。",
        "|责任单位：县司法局、县财政局", NULL } },
    { "text-utf8.txt", "text/UTF-8",
      { "|二、重点任务", "|1.推行行政执法“三项制度”。", "|",
        "|2.加强行政复议工作，全年办结率100%。", NULL } },
    { "text-gb18030.txt", "text/GB18030",
      { "|三、保障措施", "|（一）加强组织领导。由王堃同志负责，〇八年起执行。",
        "|（二）罕见字：𠮷。", NULL } },
    { "text-utf16le.txt", "text/UTF-16LE",
      { "|四、工作要求", "|各单位于每月25日前报送进展𠀀。", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnpaiImportSource) source = read_fixture (cases[i].name, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (source->name, ==, cases[i].name);
      g_assert_cmpstr (source->format, ==, cases[i].format);
      assert_blocks (source, cases[i].blocks);
      assert_well_formed (source);
    }
}

static void
test_text_pasted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = NULL;
  AnpaiImportSource *none;

  source = anpai_import_read_text ("一、总则\r\n\r\n（一）目标\r第二行\n", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->name, ==, "");
  g_assert_cmpstr (source->format, ==, "text/UTF-8");
  assert_blocks (source, (const char *[]) { "|一、总则", "|", "|（一）目标", "|第二行", NULL });
  g_assert_cmpstr (source->text->str, ==, "一、总则\n\n（一）目标\n第二行\n");

  none = anpai_import_read_text (" \n　\n\n", "", &error);
  assert_error (none, error, ANPAI_IMPORT_ERROR_EMPTY, NULL);
  g_clear_error (&error);
  none = anpai_import_read_text (NULL, "", &error);
  assert_error (none, error, ANPAI_IMPORT_ERROR_EMPTY, NULL);
}

/*
 * Web pages
 */

static void
test_html_gbk_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = read_fixture ("page-gbk.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "html");
  assert_blocks (source, (const char *[]) {
    "|某市2025年法治政府建设工作安排",
    "|发布时间：2025-03-01　来源：市司法局",
    "|为深入推进依法行政，结合我市实际，制定本安排。",
    "|一、主要任务",
    "|（一）完善依法决策机制。",
    "|牵头单位：市司法局",
    "|全年开展培训不少于4期，覆盖率达到100%。",
    "|加强执法　规范管理",
    "|重点任务分解表",
    "T0:序号|工作任务|牵头单位|完成时限",
    "T1:1|修订行政规范性文件管理办法|市司法局|2025年6月底前",
    "T2:2|开展执法案卷评查⏎每季度通报|市司法局|每季度",
    "T3:二、其他工作||市政府办|长期坚持",
    "|附件说明：本表所列任务由各牵头单位负责落实，并按时报送进度。",
    "|联系人",
    "|张三",
    "1.|第一项说明",
    "2.|第二项说明",
    NULL });
  assert_well_formed (source);
}

static void
test_html_word_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = read_fixture ("page-word.htm", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "html");
  /* labelled gb2312, holding GBK's 堃; Word's list markers are not text */
  assert_blocks (source, (const char *[]) {
    "|关于印发2025年工作要点的通知",
    "|一、 强化统筹协调",
    "|联系人：王堃，推行“一网通办”。",
    NULL });
}

static void
check_html (const char         *html,
            const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = read_string (html, "page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "html");
  assert_blocks (source, expected);
  assert_well_formed (source);
}

static void
test_html_text (void)
{
  /* whitespace collapses; a line break between Chinese characters goes */
  check_html ("<p>a  b\n c</p><p>中\n文 text\nmore</p>",
              (const char *[]) { "|a b c", "|中文 text more", NULL });
  /* full-width spaces stay inside the text, not at its ends */
  check_html ("<body><p>　　缩进　文字　</p><div>x<span>y</span><b>z</b></div></body>",
              (const char *[]) { "|缩进　文字", "|xyz", NULL });
  /* <br> is a new paragraph; empty lines are not paragraphs */
  check_html ("<html><body>甲<br>乙<br><br>丙<p>&nbsp;</p></body></html>",
              (const char *[]) { "|甲", "|乙", "|丙", NULL });
  /* pre keeps its lines and spaces */
  check_html ("<html><pre>a  b\nc</pre></html>", (const char *[]) { "|a  b", "|c", NULL });
  /* entities, and invisible characters */
  check_html ("<html><p>&lt;纲要&gt; &amp; &#x4E00;\xe2\x80\x8b二</p></html>",
              (const char *[]) { "|<纲要> & 一二", NULL });
}

static void
test_html_chrome (void)
{
  g_autoptr(GString) article = g_string_new ("<html><body><form id=\"form1\"><div id=\"printContent\">");

  /* inline chrome goes without splitting the line */
  check_html ("<html><p>正文<span class=\"share\">分享</span>继续</p><div id=\"menu\">菜单</div></html>",
              (const char *[]) { "|正文继续", NULL });
  check_html ("<html><body><header>网站名称</header><aside>热点</aside><p>正文</p>"
              "<div class=\"crumbs\">首页 &gt; 通知</div><div class=\"article-print\">【打印】</div>"
              "<noscript>请启用脚本</noscript><template>x</template><iframe>y</iframe></body></html>",
              (const char *[]) { "|正文", NULL });

  /* an article in a <form> (ASP.NET) and id="printContent" is kept */
  for (int i = 0; i < 40; i++)
    g_string_append (article, "<p>各单位要按照职责分工，认真落实各项工作任务。</p>");
  g_string_append (article, "</div></form></body></html>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnpaiImportSource) source = read_string (article->str, "page.html", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (source->blocks->len, ==, 40);
  }
}

static void
test_html_tables (void)
{
  /* rowspan repeats down, colspan leaves ""; thead and th count */
  check_html ("<table><thead><tr><th>任务</th><th colspan=2>单位</th></tr></thead>"
              "<tbody><tr><td rowspan=3>甲</td><td>牵头</td><td>配合</td></tr>"
              "<tr><td colspan=2>合并</td></tr><tr><td>A</td></tr></tbody></table>",
              (const char *[]) { "T0:任务|单位|", "T1:甲|牵头|配合", "T2:甲|合并|", "T3:甲|A|", NULL });
  /* one column, or one row: layout */
  check_html ("<table><tr><td>一</td></tr><tr><td>二</td></tr></table>"
              "<table><tr><td>三</td><td>四</td></tr></table>",
              (const char *[]) { "|一", "|二", "|三", "|四", NULL });
  /* a cell of whole paragraphs: layout */
  {
    g_autoptr(GString) html = g_string_new ("<table><tr><td>标题</td><td>");

    for (int i = 0; i < 80; i++)
      g_string_append (html, "<p>各单位要按照职责分工认真落实。</p>");
    g_string_append (html, "</td></tr><tr><td>a</td><td>b</td></tr></table>");
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnpaiImportSource) source = read_string (html->str, "p.html", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (source->blocks->len, ==, 83);
      for (guint i = 0; i < source->blocks->len; i++)
        g_assert_cmpint (((AnpaiImportBlock *) g_ptr_array_index (source->blocks, i))->kind, ==,
                         ANPAI_IMPORT_BLOCK_PARAGRAPH);
    }
  }
  /* a data table inside a layout table is still a table */
  check_html ("<table><tr><td><p>说明</p><table><tr><td>a</td><td>b</td></tr>"
              "<tr><td>c</td><td>d</td></tr></table></td></tr></table>",
              (const char *[]) { "|说明", "T0:a|b", "T1:c|d", NULL });
  /* silly spans are clamped: 64 columns at most, the rest joins the last */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnpaiImportSource) source =
      read_string ("<table><tr><td colspan=99999>x</td><td rowspan=-4>y</td></tr>"
                   "<tr><td>1</td><td>2</td></tr></table>", "p.html", &error);
    AnpaiImportBlock *block;
    char **first;

    g_assert_no_error (error);
    g_assert_cmpuint (source->blocks->len, ==, 1);
    block = g_ptr_array_index (source->blocks, 0);
    g_assert_cmpint (block->kind, ==, ANPAI_IMPORT_BLOCK_TABLE);
    g_assert_cmpuint (block->rows->len, ==, 2);
    first = g_ptr_array_index (block->rows, 0);
    g_assert_cmpuint (g_strv_length (first), ==, 64);
    g_assert_cmpstr (first[0], ==, "x");
    g_assert_cmpstr (first[1], ==, "");
    g_assert_cmpstr (first[63], ==, "y");
    assert_well_formed (source);
  }
}

static void
test_html_lists (void)
{
  check_html ("<html><ol start=3><li>丙</li><li><p>丁</p><p>续</p></li></ol>"
              "<ol type=a><li>a</li><li value=5>e</li></ol>"
              "<ul><li>点<ul><li>子</li></ul></li></ul></html>",
              (const char *[]) { "3.|丙", "4.|丁", "|续", "a.|a", "e.|e",
                                 "|点", "|子", NULL });
}

static void
test_html_charsets (void)
{
  g_autoptr(GError) error = NULL;
  /* GBK without a charset: not UTF-8, so GB18030 */
  static const char gbk[] = "<html><body><p>\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3</p></body></html>";
  /* labelled UTF-8 and UTF-8 */
  static const char utf8[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
                             "</head><body><p>一、总体要求</p></body></html>";
  /* labelled ISO-8859-1, really GBK */
  static const char latin[] = "<html><head><meta charset='iso-8859-1'></head><body>"
                              "<p>\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3</p></body></html>";
  const char *pages[] = { gbk, utf8, latin };

  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(AnpaiImportSource) source = read_string (pages[i], "p.htm", &error);

      g_assert_no_error (error);
      assert_blocks (source, (const char *[]) { "|一、总体要求", NULL });
    }

  /* a web page in UTF-16LE */
  {
    static const char page[] = "<html><body><p>一、总体要求</p></body></html>";
    g_autofree char *utf16 = NULL;
    g_autoptr(GByteArray) data = g_byte_array_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(AnpaiImportSource) source = NULL;
    gsize written = 0;

    utf16 = g_convert (page, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
    g_assert_no_error (error);
    g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
    g_byte_array_append (data, (const guint8 *) utf16, written);
    bytes = g_bytes_new (data->data, data->len);
    source = anpai_import_read_bytes (bytes, "u.htm", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (source->format, ==, "html");
    assert_blocks (source, (const char *[]) { "|一、总体要求", NULL });
  }
}

static void
test_html_detection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) text = NULL;
  g_autoptr(AnpaiImportSource) page = NULL;

  /* text that mentions a tag is still text */
  text = read_string ("一、关于<p>标签的说明\n二、其他", "a.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text->format, ==, "text/UTF-8");
  page = read_string ("\n  <div>一、总则</div>", "a.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->format, ==, "html");
  g_assert_false (anpai_import_looks_like_html ("一、总则", strlen ("一、总则")));
  g_assert_true (anpai_import_looks_like_html ("\xef\xbb\xbf<!DOCTYPE HTML>", 17));
}

static void
test_html_deep (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = NULL;

  /* deep nesting of every kind the walker treats specially */
  for (int i = 0; i < 3000; i++)
    g_string_append (html, "<div class=nav><table><tr><td><ul><li><pre><b>");
  g_string_append (html, "文字");
  source = read_string (html->str, "deep.html", &error);
  if (source != NULL)
    assert_well_formed (source);
  else
    g_assert_nonnull (error);
}

/*
 * Word documents
 */

static void
test_docx_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = read_fixture ("plan.docx", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "docx");
  g_assert_cmpstr (source->name, ==, "plan.docx");
  assert_blocks (source, (const char *[]) {
    "|某县2025年法治政府建设工作要点",
    "|各乡镇人民政府，县直各单位：",
    /* Word numbering, levels 0–4 */
    "一、|总体要求",
    "（一）|工作目标",
    "1.|完善行政决策程序",
    "2.|推进执法规范化",
    "|责任单位：县司法局",  /* after a manual line break */
    "（1）|细化裁量基准",
    "①|公布裁量清单",
    "②|动态调整清单",
    "（二）|保障措施",
    "1.|健全考核机制",
    "二、|重点任务",
    "（一）|深化改革",
    "5.|优化营商环境",   /* another w:num: startOverride 5 */
    "6.|规范涉企检查",   /* the shared definition continues */
    /* from the paragraph style, starting at 9, levels by w:pStyle */
    "第九条|明确职责分工",
    "甲.|子项一",
    "第十条|加强监督考核",
    "乙.|子项二",        /* lvlRestart 0: never restarts */
    "|不编号的条文",    /* numId 0 turns the style's numbering off */
    "第十一条|严格责任追究",
    /* inserted text kept, deleted and hidden text and field codes dropped */
    "|本项工作由县司法局牵头，详见附件。",
    "|时间要求\t2025年底前",
    "|内容控件中的段落",
    "T0:序号|工作任务|牵头单位|完成时限",
    "T1:1|修订规范性文件⏎（含清理）|县司法局|6月底前",
    "T2:2|1)开展评查|县司法局|每季度",
    "T3:合计||联系人 张三⏎电话 0000|全年",
    /* a one-column box is read as paragraphs */
    "|附：说明一",
    "|附：说明二",
    NULL });
  assert_well_formed (source);
}

static void
check_docx (const char         *body,
            const char         *numbering,
            const char         *styles,
            const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *document = g_strconcat (W_DOC_START, body, W_DOC_END, NULL);
  g_autoptr(AnpaiImportSource) source = read_docx (document, numbering, styles, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "docx");
  assert_blocks (source, expected);
  assert_well_formed (source);
}

static void
test_docx_numbering_rules (void)
{
  static const char numbering[] = W_NUMBERING_START
    /* legal numbering shows every level in decimal */
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:isLgl/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xef\x82\xb7\"/></w:lvl>"
    "</w:abstractNum>"
    /* the levels of a list style, reached through w:numStyleLink */
    "<w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"OutlineList\"/></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"3\"><w:styleLink w:val=\"OutlineList\"/>"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "</w:abstractNum>"
    /* mc:AlternateContent around numFmt */
    "<w:abstractNum w:abstractNumId=\"4\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><mc:AlternateContent><mc:Choice Requires=\"w14\">"
    "<w:numFmt w:val=\"custom\" w:format=\"001, 002, 003, ...\"/></mc:Choice><mc:Fallback>"
    "<w:numFmt w:val=\"decimalZero\"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val=\"%1\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"4\"/></w:num>"
    /* a level overridden whole */
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"7\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"(%1)\"/></w:lvl>"
    "</w:lvlOverride></w:num>"
    "</w:numbering>";
  static const char styles[] = W_STYLES_START
    "<w:style w:type=\"numbering\" w:styleId=\"OutlineList\"><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>";
#define NP(num, ilvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #ilvl "\"/><w:numId w:val=\"" #num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

  check_docx (NP (1, 0, "甲") NP (1, 1, "乙") NP (1, 1, "丙") NP (1, 2, "点")
              NP (2, 0, "罗马") NP (2, 0, "数字")
              NP (4, 0, "零一") NP (4, 0, "零二")
              NP (5, 0, "字母")
              NP (99, 0, "无定义") NP (1, 12, "超出层级"),
              numbering, styles,
              (const char *[]) { "一、|甲", "1.1|乙", "1.2|丙", "|点",
                                 "I.|罗马", "II.|数字",
                                 "01|零一", "02|零二",
                                 "(G)|字母",
                                 "|无定义", "|超出层级", NULL });
  /* no numbering part at all */
  check_docx (NP (1, 0, "甲"), NULL, NULL, (const char *[]) { "|甲", NULL });
#undef NP
}

static void
test_docx_text (void)
{
  /* breaks: page and column breaks are not text, w:cr is a line break */
  check_docx ("<w:p><w:r><w:t>一</w:t><w:br w:type=\"page\"/><w:t>二</w:t><w:br w:type=\"column\"/>"
              "<w:t>三</w:t><w:cr/><w:t>四</w:t></w:r></w:p>"
              /* a moved-away run is gone, a moved-in one kept */
              "<w:p><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>新</w:t></w:r></w:moveTo></w:p>"
              /* a tab in a cell is a space */
              "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc>"
              "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>"
              "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
              /* empty paragraphs are not blocks */
              "<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>",
              NULL, NULL,
              (const char *[]) { "|一二三", "|四", "|新", "T0:a b|c", "T1:|d", NULL });

  /* Strict OOXML names its namespace differently */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnpaiImportSource) source = read_docx (
      "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
      "<w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>", NULL, NULL, &error);

    g_assert_no_error (error);
    assert_blocks (source, (const char *[]) { "|严格格式", NULL });
  }
}

static void
test_docx_deep (void)
{
  g_autoptr(GString) body = g_string_new (W_DOC_START);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = NULL;

  for (int i = 0; i < 60; i++)
    g_string_append (body, "<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent>");
  g_string_append (body, "<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
  for (int i = 0; i < 60; i++)
    g_string_append (body, "</w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>");
  g_string_append (body, "<w:p><w:r><w:t>之后</w:t></w:r></w:p>" W_DOC_END);
  source = read_docx (body->str, NULL, NULL, &error);
  /* libxml2 refuses a tree this deep: damaged, not a crash */
  if (source != NULL)
    assert_well_formed (source);
  else
    g_assert_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_DAMAGED);
}

static void
test_format_number (void)
{
  struct {
    int value;
    const char *format;
    const char *expected;
  } cases[] = {
    { 1, "decimal", "1" }, { 12, NULL, "12" }, { 3, "decimalZero", "03" }, { 12, "decimalZero", "12" },
    { 1, "chineseCounting", "一" }, { 10, "chineseCounting", "十" }, { 11, "chineseCounting", "十一" },
    { 20, "chineseCounting", "二十" }, { 38, "chineseCounting", "三十八" },
    { 105, "chineseCounting", "一〇五" },
    { 10, "chineseCountingThousand", "十" }, { 19, "chineseCountingThousand", "十九" },
    { 100, "chineseCountingThousand", "一百" }, { 105, "chineseCountingThousand", "一百〇五" },
    { 110, "chineseCountingThousand", "一百一十" }, { 1001, "chineseCountingThousand", "一千〇一" },
    { 1010, "chineseCountingThousand", "一千〇一十" },
    { 11, "chineseLegalSimplified", "壹拾壹" }, { 105, "chineseLegalSimplified", "壹佰零伍" },
    { 1, "ideographTraditional", "甲" }, { 10, "ideographTraditional", "癸" },
    { 11, "ideographTraditional", "甲" }, { 2, "ideographZodiac", "丑" },
    { 105, "ideographDigital", "一〇五" },
    { 1, "decimalEnclosedCircle", "①" }, { 20, "decimalEnclosedCircle", "⑳" },
    { 21, "decimalEnclosedCircle", "21" }, { 3, "decimalEnclosedParen", "⑶" },
    { 2, "decimalEnclosedFullstop", "⒉" }, { 1, "ideographEnclosedCircle", "㈠" },
    { 25, "decimalFullWidth", "２５" },
    { 4, "lowerRoman", "iv" }, { 1994, "upperRoman", "MCMXCIV" },
    { 1, "lowerLetter", "a" }, { 26, "upperLetter", "Z" }, { 28, "upperLetter", "BB" },
    { 3, "bullet", "" }, { 3, "none", "" }, { 7, "hebrew2", "7" },
    { 0, "chineseCounting", "0" }, { -3, "upperRoman", "-3" }, { 0, "lowerLetter", "0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = anpai_import_format_number (cases[i].value, cases[i].format);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/*
 * Errors
 */

static void
check_fixture_error (const char       *name,
                     AnpaiImportError  code,
                     const char       *in_message)
{
  g_autoptr(GError) error = NULL;
  AnpaiImportSource *source = read_fixture (name, &error);

  assert_error (source, error, code, in_message);
  g_assert_nonnull (strstr (error->message, name));
}

static void
check_bytes_error (const char       *data,
                   gsize             length,
                   AnpaiImportError  code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  AnpaiImportSource *source = anpai_import_read_bytes (bytes, "x", &error);

  assert_error (source, error, code, "“x”");
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  AnpaiImportSource *source;

  check_fixture_error ("old.doc", ANPAI_IMPORT_ERROR_UNSUPPORTED, "(.doc)");
  check_fixture_error ("report.pdf", ANPAI_IMPORT_ERROR_UNSUPPORTED, "PDF");
  check_fixture_error ("damaged.docx", ANPAI_IMPORT_ERROR_DAMAGED, "damaged");
  check_fixture_error ("entities.docx", ANPAI_IMPORT_ERROR_DAMAGED, "damaged");
  check_fixture_error ("encrypted.docx", ANPAI_IMPORT_ERROR_DAMAGED, "password");
  check_fixture_error ("archive.zip", ANPAI_IMPORT_ERROR_UNSUPPORTED, "archive");

  check_bytes_error ("", 0, ANPAI_IMPORT_ERROR_EMPTY);
  check_bytes_error ("\r\n \n\t\n", 6, ANPAI_IMPORT_ERROR_EMPTY);
  check_bytes_error ("<html><script>x()</script><p> </p></html>", 41, ANPAI_IMPORT_ERROR_EMPTY);
  check_bytes_error ("ELF\0\0\0\x01\x02\x03", 9, ANPAI_IMPORT_ERROR_BINARY);
  check_bytes_error ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0fok", 12, ANPAI_IMPORT_ERROR_BINARY);
  check_bytes_error ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, ANPAI_IMPORT_ERROR_UNSUPPORTED);
  check_bytes_error ("{\\rtf1\\ansi 一}", 16, ANPAI_IMPORT_ERROR_UNSUPPORTED);
  check_bytes_error ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", 63,
                     ANPAI_IMPORT_ERROR_UNSUPPORTED);
  check_bytes_error ("PK\x03\x04\x14\0\0\0", 8, ANPAI_IMPORT_ERROR_DAMAGED);

  /* a docx of empty paragraphs has nothing to import */
  {
    g_autoptr(AnpaiImportSource) empty = read_docx (W_DOC_START "<w:p/><w:p/>" W_DOC_END, NULL, NULL, &error);

    assert_error (empty, error, ANPAI_IMPORT_ERROR_EMPTY, "test.docx");
    g_clear_error (&error);
  }
  /* a document part that is not WordprocessingML, or not XML */
  source = read_docx ("<html><body/></html>", NULL, NULL, &error);
  assert_error (source, error, ANPAI_IMPORT_ERROR_DAMAGED, "test.docx");
  g_clear_error (&error);
  source = read_docx (W_DOC_START "<w:p>", NULL, NULL, &error);
  assert_error (source, error, ANPAI_IMPORT_ERROR_DAMAGED, "test.docx");
  g_clear_error (&error);
  source = read_docx (W_DOC_START W_DOC_END, "<w:numbering", NULL, &error);
  assert_error (source, error, ANPAI_IMPORT_ERROR_DAMAGED, "test.docx");
  g_clear_error (&error);

  /* the docx reader on anything else */
  source = anpai_import_read_docx ((const guint8 *) "not a zip", 9, "x.docx", &error);
  assert_error (source, error, ANPAI_IMPORT_ERROR_DAMAGED, "x.docx");
}

/*
 * Files
 */

static void
test_read_file (void)
{
  g_autofree char *path = fixture_path ("plan.docx");
  g_autofree char *missing_path = fixture_path ("missing.docx");
  g_autofree char *dir_path = fixture_path ("");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = NULL;
  AnpaiImportSource *none;

  source = anpai_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->name, ==, "plan.docx");
  g_assert_cmpstr (source->format, ==, "docx");

  none = anpai_import_read_file (missing, NULL, &error);
  assert_error (none, error, ANPAI_IMPORT_ERROR_IO, "missing.docx");
  g_clear_error (&error);

  none = anpai_import_read_file (dir, NULL, &error);
  assert_error (none, error, ANPAI_IMPORT_ERROR_IO, NULL);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  none = anpai_import_read_file (file, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/*
 * Robustness: any bytes in, a source or an error out
 */

static void
read_any (const guint8 *data,
          gsize         length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiImportSource) source = anpai_import_read_bytes (bytes, "any", &error);

  g_assert_true ((source == NULL) != (error == NULL));
  if (source != NULL)
    assert_well_formed (source);
  else
    g_assert_true (error->domain == ANPAI_IMPORT_ERROR && error->message[0] != '\0');
}

static void
test_robustness (void)
{
  static const char * const fixtures[] = {
    "text-utf8-bom.txt", "text-utf8.txt", "text-gb18030.txt", "text-utf16le.txt",
    "page-gbk.html", "page-word.htm", "plan.docx", "damaged.docx", "entities.docx",
    "old.doc", "encrypted.docx", "report.pdf", "archive.zip",
  };
  GRand *rand = g_rand_new_with_seed (20260101);

  /* random bytes, of random lengths, with and without a docx header */
  for (int i = 0; i < 300; i++)
    {
      gsize length = g_rand_int_range (rand, 0, 4096);
      g_autofree guint8 *data = g_malloc (length + 4);

      for (gsize j = 0; j < length; j++)
        data[j] = g_rand_int_range (rand, 0, 256);
      if (i % 3 == 0 && length >= 4)
        memcpy (data, "PK\x03\x04", 4);
      if (i % 5 == 0 && length >= 6)
        memcpy (data, "<html>", 6);
      read_any (data, length);
    }

  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(GBytes) bytes = load_fixture (fixtures[f]);
      gsize length;
      const guint8 *original = g_bytes_get_data (bytes, &length);
      g_autofree guint8 *copy = g_memdup2 (original, length);

      /* every prefix length for small files, 200 spread ones for others */
      for (gsize cut = 0; cut < length; cut += MAX (1, length / 200))
        read_any (original, cut);

      for (int i = 0; i < 300; i++)
        {
          gsize at = g_rand_int_range (rand, 0, length);
          guint8 bit = 1 << g_rand_int_range (rand, 0, 8);

          memcpy (copy, original, length);
          copy[at] ^= bit;
          /* and sometimes a few more */
          for (int k = 0; k < i % 4; k++)
            copy[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);
          read_any (copy, length);
        }
    }
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-readers/decode/fixtures", test_decode_fixtures);
  g_test_add_func ("/import-readers/decode/encodings", test_decode_encodings);
  g_test_add_func ("/import-readers/decode/line-ends", test_decode_line_ends);
  g_test_add_func ("/import-readers/decode/binary", test_decode_binary);
  g_test_add_func ("/import-readers/text/files", test_text_files);
  g_test_add_func ("/import-readers/text/pasted", test_text_pasted);
  g_test_add_func ("/import-readers/html/gbk-page", test_html_gbk_page);
  g_test_add_func ("/import-readers/html/word-page", test_html_word_page);
  g_test_add_func ("/import-readers/html/text", test_html_text);
  g_test_add_func ("/import-readers/html/chrome", test_html_chrome);
  g_test_add_func ("/import-readers/html/tables", test_html_tables);
  g_test_add_func ("/import-readers/html/lists", test_html_lists);
  g_test_add_func ("/import-readers/html/charsets", test_html_charsets);
  g_test_add_func ("/import-readers/html/detection", test_html_detection);
  g_test_add_func ("/import-readers/html/deep", test_html_deep);
  g_test_add_func ("/import-readers/docx/plan", test_docx_plan);
  g_test_add_func ("/import-readers/docx/numbering-rules", test_docx_numbering_rules);
  g_test_add_func ("/import-readers/docx/text", test_docx_text);
  g_test_add_func ("/import-readers/docx/deep", test_docx_deep);
  g_test_add_func ("/import-readers/docx/format-number", test_format_number);
  g_test_add_func ("/import-readers/errors", test_errors);
  g_test_add_func ("/import-readers/file", test_read_file);
  g_test_add_func ("/import-readers/robustness", test_robustness);

  return g_test_run ();
}
