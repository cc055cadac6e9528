/* anpai-import-docx.c — Word documents (.docx) to blocks of text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "anpai-import-reader.h"

/* Reads word/document.xml with word/numbering.xml and word/styles.xml.
 * Headers, footers, footnotes, comments and text boxes are not read.
 *
 * Paragraphs: the text of w:t runs, inserted text (w:ins) kept, deleted
 * text (w:del, w:moveFrom) and hidden runs (w:vanish) dropped, field codes
 * (w:instrText) dropped but their results kept. w:tab is '\t' (a space in
 * a table cell, where '\t' separates cells in the source text). A manual
 * line break (w:br, w:cr) starts a new paragraph block, as <br> does in a
 * web page; the continuation has no label. Page and column breaks are not
 * text. Empty paragraphs are not blocks.
 *
 * Word's automatic numbering is rendered as Word shows it ("一、",
 * "（一）", "1.", "①") into the block's numbering.
 * Counters belong to the abstract numbering definition, as in Word: two
 * w:num sharing one w:abstractNum continue one sequence, and a w:num with
 * a w:startOverride restarts the level the first time it is used.
 * Numbering also comes from the paragraph's style (w:pStyle and its
 * w:basedOn chain), and a level can name its style (w:lvl/w:pStyle).
 *
 * Tables with 2+ rows and 2+ columns become TABLE blocks; a one-row or
 * one-column table is layout (a boxed title, a frame around the whole
 * text) and its paragraphs become blocks. A cell's paragraphs are joined
 * with '\n'; a nested table adds one line per row, its cells joined with
 * spaces. Merged cells: w:vMerge repeats the text down every row it
 * covers; w:gridSpan keeps it in the first column and leaves "" in the
 * others (the same rule as the HTML reader).
 *
 * Any bytes in: parts are capped at 64 MiB decompressed, XML with a DTD is
 * refused (Word never writes one) and is read with NONET and without
 * entity substitution; libxml2 caps the depth of the tree, and the walk
 * here stops at MAX_DEPTH. */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

#define MAX_PART_SIZE (64 * 1024 * 1024)
#define MAX_DEPTH 48
#define MAX_LEVELS 9
#define MAX_COLUMNS 64
#define MAX_CELLS (1024 * 1024)
#define MAX_STYLE_CHAIN 16

typedef enum {
  PART_OK,
  PART_MISSING,
  PART_DAMAGED,
  PART_ENCRYPTED,
} PartStatus;

typedef struct {
  int   start;
  char *format;
  char *text;
  int   restart;     /* -1: after any higher level; 0: never; n: after level n (1-based) */
  char *style;
  gboolean legal;
} Level;

typedef struct {
  Level    *levels[MAX_LEVELS];
  char     *style_link;   /* w:numStyleLink: the levels live elsewhere */
  int       counters[MAX_LEVELS];
  gboolean  started[MAX_LEVELS];
} Abstract;

typedef struct {
  char     *abstract_id;
  int       start_override[MAX_LEVELS];  /* -1: none */
  gboolean  applied[MAX_LEVELS];
  Level    *levels[MAX_LEVELS];          /* w:lvlOverride/w:lvl */
} Num;

typedef struct {
  char *based_on;
  char *num_id;
  int   ilvl;       /* -1: not given */
} Style;

typedef struct {
  char *text;
  char *numbering;
} Para;

typedef struct {
  AnpaiImportSource *source;
  GHashTable        *abstracts;  /* id → Abstract */
  GHashTable        *nums;       /* id → Num */
  GHashTable        *styles;     /* id → Style */
  char              *default_style;
  gsize              cells_left;
} Docx;

/*
 * Small helpers
 */

static void
level_free (Level *level)
{
  if (level == NULL)
    return;
  g_free (level->format);
  g_free (level->text);
  g_free (level->style);
  g_free (level);
}

static void
abstract_free (gpointer data)
{
  Abstract *abstract = data;

  for (int i = 0; i < MAX_LEVELS; i++)
    level_free (abstract->levels[i]);
  g_free (abstract->style_link);
  g_free (abstract);
}

static void
num_free (gpointer data)
{
  Num *num = data;

  for (int i = 0; i < MAX_LEVELS; i++)
    level_free (num->levels[i]);
  g_free (num->abstract_id);
  g_free (num);
}

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style);
}

static void
para_free (gpointer data)
{
  Para *para = data;

  g_free (para->text);
  g_free (para->numbering);
  g_free (para);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         (strcmp ((const char *) node->ns->href, W_NS) == 0 ||
          strcmp ((const char *) node->ns->href, W_NS_STRICT) == 0) &&
         strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_mc (xmlNode    *node,
       const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, MC_NS) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_w (child, name))
      return child;
  return NULL;
}

/* A w: attribute (or an unqualified one, as some writers emit). */
static const char *
w_attr (xmlNode    *node,
        const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->name == NULL || strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (attr->ns != NULL && attr->ns->href != NULL &&
          strcmp ((const char *) attr->ns->href, W_NS) != 0 &&
          strcmp ((const char *) attr->ns->href, W_NS_STRICT) != 0)
        continue;
      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->content != NULL)
        return (const char *) attr->children->content;
      return "";
    }
  return NULL;
}

static const char *
child_val (xmlNode    *node,
           const char *name)
{
  return w_attr (w_child (node, name), "val");
}

static int
parse_int (const char *value,
           int         fallback,
           int         min,
           int         max)
{
  gint64 n;
  char *end = NULL;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value)
    return fallback;
  return (int) CLAMP (n, min, max);
}

/* An on/off property: present without w:val means on. */
static gboolean
is_on (xmlNode *node)
{
  const char *val = w_attr (node, "val");

  if (node == NULL)
    return FALSE;
  return val == NULL || !(strcmp (val, "0") == 0 || strcmp (val, "false") == 0 ||
                          strcmp (val, "off") == 0);
}

/*
 * Zip parts
 */

static PartStatus
read_part (zip_t       *za,
           const char  *part,
           GByteArray **out)
{
  zip_int64_t index = zip_name_locate (za, part, ZIP_FL_NOCASE);
  g_autoptr(GByteArray) buffer = NULL;
  zip_stat_t st;
  zip_file_t *zf;
  guint8 chunk[65536];

  *out = NULL;
  if (index < 0)
    return PART_MISSING;

  zip_stat_init (&st);
  if (zip_stat_index (za, index, 0, &st) == 0)
    {
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return PART_ENCRYPTED;
      if ((st.valid & ZIP_STAT_SIZE) && st.size > MAX_PART_SIZE)
        return PART_DAMAGED;
    }

  zf = zip_fopen_index (za, index, 0);
  if (zf == NULL)
    {
      int code = zip_error_code_zip (zip_get_error (za));

      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return PART_ENCRYPTED;
      return PART_DAMAGED;
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      zip_int64_t n = zip_fread (zf, chunk, sizeof chunk);

      if (n < 0)
        {
          zip_fclose (zf);
          return PART_DAMAGED;
        }
      if (n == 0)
        break;
      /* the declared size may lie: count what comes out */
      if (buffer->len + (guint64) n > MAX_PART_SIZE)
        {
          zip_fclose (zf);
          return PART_DAMAGED;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  zip_fclose (zf);
  *out = g_steal_pointer (&buffer);
  return PART_OK;
}

static xmlDoc *
parse_part (GByteArray *part)
{
  static const char * const refused[] = { "<!DOCTYPE", "<!ENTITY" };

  /* Word never writes a DTD; one here can only expand entities */
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    if (anpai_import_contains (part->data, part->len, refused[i], strlen (refused[i])))
      return NULL;
  return xmlReadMemory ((const char *) part->data, (int) part->len, "part.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/*
 * Styles and numbering definitions
 */

static void
read_num_pr (xmlNode  *ppr,
             char    **num_id,
             int      *ilvl)
{
  xmlNode *num_pr = w_child (ppr, "numPr");

  *num_id = NULL;
  *ilvl = -1;
  if (num_pr == NULL)
    return;
  *num_id = g_strdup (child_val (num_pr, "numId"));
  *ilvl = parse_int (child_val (num_pr, "ilvl"), -1, 0, MAX_LEVELS - 1);
}

static void
read_styles (Docx   *docx,
             xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_w (root, "styles"))
    return;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      const char *id = w_attr (node, "styleId");
      const char *type = w_attr (node, "type");
      Style *style;

      if (!is_w (node, "style") || id == NULL)
        continue;
      if (type != NULL && strcmp (type, "paragraph") != 0 && strcmp (type, "numbering") != 0)
        continue;
      style = g_new0 (Style, 1);
      style->based_on = g_strdup (child_val (node, "basedOn"));
      read_num_pr (w_child (node, "pPr"), &style->num_id, &style->ilvl);
      if ((type == NULL || strcmp (type, "paragraph") == 0) && docx->default_style == NULL &&
          (g_strcmp0 (w_attr (node, "default"), "1") == 0 ||
           g_strcmp0 (w_attr (node, "default"), "true") == 0 ||
           g_strcmp0 (w_attr (node, "default"), "on") == 0))
        docx->default_style = g_strdup (id);
      g_hash_table_replace (docx->styles, g_strdup (id), style);
    }
}

/* w:numFmt, also inside mc:AlternateContent, where the fallback is the
 * format any reader understands. */
static const char *
level_format (xmlNode *lvl)
{
  const char *format = child_val (lvl, "numFmt");

  if (format != NULL)
    return format;
  for (xmlNode *node = lvl->children; node != NULL; node = node->next)
    {
      if (!is_mc (node, "AlternateContent"))
        continue;
      for (xmlNode *alt = node->children; alt != NULL; alt = alt->next)
        if (is_mc (alt, "Fallback") && child_val (alt, "numFmt") != NULL)
          return child_val (alt, "numFmt");
    }
  return NULL;
}

static Level *
read_level (xmlNode *lvl)
{
  Level *level = g_new0 (Level, 1);
  const char *format = level_format (lvl);
  const char *text = child_val (lvl, "lvlText");

  /* ECMA-376: no w:start means 0 (Word always writes one) */
  level->start = parse_int (child_val (lvl, "start"), 0, -1000000, 1000000);
  level->format = g_strdup (format != NULL ? format : "decimal");
  /* real labels are a few characters; a huge one would be rendered for
   * every paragraph */
  level->text = g_strndup (text != NULL ? text : "", 64);
  level->restart = parse_int (child_val (lvl, "lvlRestart"), -1, 0, MAX_LEVELS);
  level->style = g_strdup (child_val (lvl, "pStyle"));
  level->legal = is_on (w_child (lvl, "isLgl"));
  return level;
}

static void
read_numbering (Docx   *docx,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_w (root, "numbering"))
    return;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_w (node, "abstractNum") && w_attr (node, "abstractNumId") != NULL)
        {
          Abstract *abstract = g_new0 (Abstract, 1);

          abstract->style_link = g_strdup (child_val (node, "numStyleLink"));
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              int ilvl = parse_int (w_attr (lvl, "ilvl"), -1, -1, MAX_LEVELS);

              if (!is_w (lvl, "lvl") || ilvl < 0 || ilvl >= MAX_LEVELS)
                continue;
              level_free (abstract->levels[ilvl]);
              abstract->levels[ilvl] = read_level (lvl);
            }
          g_hash_table_replace (docx->abstracts, g_strdup (w_attr (node, "abstractNumId")), abstract);
        }
      else if (is_w (node, "num") && w_attr (node, "numId") != NULL)
        {
          Num *num = g_new0 (Num, 1);

          num->abstract_id = g_strdup (child_val (node, "abstractNumId"));
          for (int i = 0; i < MAX_LEVELS; i++)
            num->start_override[i] = -1;
          for (xmlNode *over = node->children; over != NULL; over = over->next)
            {
              int ilvl = parse_int (w_attr (over, "ilvl"), -1, -1, MAX_LEVELS);
              xmlNode *lvl;

              if (!is_w (over, "lvlOverride") || ilvl < 0 || ilvl >= MAX_LEVELS)
                continue;
              num->start_override[ilvl] = parse_int (child_val (over, "startOverride"), -1,
                                                     0, 1000000);
              lvl = w_child (over, "lvl");
              if (lvl != NULL)
                {
                  level_free (num->levels[ilvl]);
                  num->levels[ilvl] = read_level (lvl);
                  /* a level redefined whole restarts, like a startOverride */
                  if (num->start_override[ilvl] < 0)
                    num->start_override[ilvl] = num->levels[ilvl]->start;
                }
            }
          g_hash_table_replace (docx->nums, g_strdup (w_attr (node, "numId")), num);
        }
    }
}

/* The definition holding the levels: a w:numStyleLink sends us through a
 * numbering style to another w:num. */
static Abstract *
find_abstract (Docx *docx,
               Num  *num)
{
  Abstract *abstract = NULL;

  if (num->abstract_id != NULL)
    abstract = g_hash_table_lookup (docx->abstracts, num->abstract_id);

  for (int hops = 0; abstract != NULL && abstract->style_link != NULL && hops < 4; hops++)
    {
      Style *style = g_hash_table_lookup (docx->styles, abstract->style_link);
      Num *linked;
      Abstract *target;

      if (style == NULL || style->num_id == NULL)
        break;
      linked = g_hash_table_lookup (docx->nums, style->num_id);
      if (linked == NULL || linked->abstract_id == NULL)
        break;
      target = g_hash_table_lookup (docx->abstracts, linked->abstract_id);
      if (target == NULL || target == abstract)
        break;
      abstract = target;
    }
  return abstract;
}

/*
 * Number formats
 */

static const char * const cn_digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
static const char * const cn_legal_digits[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };

/* Word's Chinese counting: 十, 十一, 二十一; from 100 on, digit by digit
 * (一〇五). chineseCountingThousand writes hundreds and thousands with
 * 百 and 千 and one 〇 for a gap: 一百〇五, 一千〇一十. */
static void
append_chinese (GString *out,
                int      n,
                gboolean thousand)
{
  static const char * const units[] = { "", "十", "百", "千" };
  int digits[4];
  gboolean started = FALSE;
  gboolean gap = FALSE;

  if (n <= 0 || n > 9999)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  if (n < 10)
    {
      g_string_append (out, cn_digits[n]);
      return;
    }
  if (n < 20)
    {
      g_string_append (out, "十");
      if (n > 10)
        g_string_append (out, cn_digits[n - 10]);
      return;
    }
  if (n >= 100 && !thousand)
    {
      char buf[8];

      g_snprintf (buf, sizeof buf, "%d", n);
      for (char *p = buf; *p != '\0'; p++)
        g_string_append (out, cn_digits[*p - '0']);
      return;
    }
  digits[3] = n / 1000;
  digits[2] = n / 100 % 10;
  digits[1] = n / 10 % 10;
  digits[0] = n % 10;
  for (int i = 3; i >= 0; i--)
    {
      if (digits[i] == 0)
        {
          gap = gap || started;
          continue;
        }
      if (gap)
        g_string_append (out, "〇");
      gap = FALSE;
      started = TRUE;
      g_string_append (out, cn_digits[digits[i]]);
      g_string_append (out, units[i]);
    }
}

/* 壹, 壹拾, 壹拾壹, 壹佰零伍 */
static void
append_legal (GString *out,
              int      n)
{
  static const char * const units[] = { "", "拾", "佰", "仟" };
  int digits[4];
  gboolean started = FALSE;
  gboolean gap = FALSE;

  if (n <= 0 || n > 9999)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  digits[3] = n / 1000;
  digits[2] = n / 100 % 10;
  digits[1] = n / 10 % 10;
  digits[0] = n % 10;
  for (int i = 3; i >= 0; i--)
    {
      if (digits[i] == 0)
        {
          gap = gap || started;
          continue;
        }
      if (gap)
        g_string_append (out, cn_legal_digits[0]);
      gap = FALSE;
      started = TRUE;
      g_string_append (out, cn_legal_digits[digits[i]]);
      g_string_append (out, units[i]);
    }
}

static void
append_roman (GString *out,
              int      n,
              gboolean upper)
{
  static const struct { int value; const char *text; } numerals[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };

  if (n <= 0 || n >= 4000)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (numerals); i++)
    while (n >= numerals[i].value)
      {
        for (const char *p = numerals[i].text; *p != '\0'; p++)
          g_string_append_c (out, upper ? g_ascii_toupper (*p) : *p);
        n -= numerals[i].value;
      }
}

/* Word's letters: a … z, then aa … zz, aaa … */
static void
append_letter (GString *out,
               int      n,
               gboolean upper)
{
  int repeat;
  char c;

  if (n <= 0)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  repeat = MIN ((n - 1) / 26 + 1, 32);
  c = (char) ((upper ? 'A' : 'a') + (n - 1) % 26);
  for (int i = 0; i < repeat; i++)
    g_string_append_c (out, c);
}

static gboolean
append_enclosed (GString  *out,
                 int       n,
                 gunichar  first,
                 int       count)
{
  if (n < 1 || n > count)
    return FALSE;
  g_string_append_unichar (out, first + n - 1);
  return TRUE;
}

static void
append_cycle (GString            *out,
              int                 n,
              const char * const *names,
              int                 count)
{
  if (n < 1)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  g_string_append (out, names[(n - 1) % count]);
}

/* @value in a w:numFmt. Formats Anpai does not know are written in
 * decimal. "bullet" and "none" give "". */
char *
anpai_import_format_number (int         value,
                            const char *format)
{
  static const char * const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
  static const char * const branches[] = { "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥" };
  GString *out = g_string_new (NULL);

  if (format == NULL)
    format = "decimal";

  if (strcmp (format, "none") == 0 || strcmp (format, "bullet") == 0)
    ;
  else if (strcmp (format, "decimalZero") == 0)
    g_string_append_printf (out, value >= 0 && value < 10 ? "0%d" : "%d", value);
  else if (strcmp (format, "upperRoman") == 0 || strcmp (format, "lowerRoman") == 0)
    append_roman (out, value, format[0] == 'u');
  else if (strcmp (format, "upperLetter") == 0 || strcmp (format, "lowerLetter") == 0)
    append_letter (out, value, format[0] == 'u');
  else if (strcmp (format, "chineseCounting") == 0 || strcmp (format, "taiwaneseCounting") == 0 ||
           strcmp (format, "japaneseCounting") == 0)
    append_chinese (out, value, FALSE);
  else if (strcmp (format, "chineseCountingThousand") == 0 ||
           strcmp (format, "taiwaneseCountingThousand") == 0)
    append_chinese (out, value, TRUE);
  else if (strcmp (format, "chineseLegalSimplified") == 0)
    append_legal (out, value);
  else if (strcmp (format, "ideographDigital") == 0 || strcmp (format, "taiwaneseDigital") == 0)
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%d", value);
      for (char *p = buf; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            g_string_append (out, cn_digits[*p - '0']);
          else
            g_string_append_c (out, *p);
        }
    }
  else if (strcmp (format, "ideographTraditional") == 0)
    append_cycle (out, value, stems, G_N_ELEMENTS (stems));
  else if (strcmp (format, "ideographZodiac") == 0)
    append_cycle (out, value, branches, G_N_ELEMENTS (branches));
  else if (strcmp (format, "decimalEnclosedCircle") == 0 ||
           strcmp (format, "decimalEnclosedCircleChinese") == 0)
    {
      if (!append_enclosed (out, value, 0x2460, 20))  /* ① … ⑳ */
        g_string_append_printf (out, "%d", value);
    }
  else if (strcmp (format, "decimalEnclosedParen") == 0)
    {
      if (!append_enclosed (out, value, 0x2474, 20))  /* ⑴ … ⒇ */
        g_string_append_printf (out, "(%d)", value);
    }
  else if (strcmp (format, "decimalEnclosedFullstop") == 0)
    {
      if (!append_enclosed (out, value, 0x2488, 20))  /* ⒈ … ⒛ */
        g_string_append_printf (out, "%d.", value);
    }
  else if (strcmp (format, "ideographEnclosedCircle") == 0)
    {
      if (!append_enclosed (out, value, 0x3220, 10))  /* ㈠ … ㈩ */
        g_string_append_printf (out, "%d", value);
    }
  else if (strcmp (format, "decimalFullWidth") == 0 || strcmp (format, "decimalFullWidth2") == 0)
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%d", value);
      for (char *p = buf; *p != '\0'; p++)
        {
          gunichar c = g_ascii_isdigit (*p) ? (gunichar) (0xFF10 + (*p - '0')) : (gunichar) *p;

          g_string_append_unichar (out, c);
        }
    }
  else
    g_string_append_printf (out, "%d", value);

  return g_string_free (out, FALSE);
}

/*
 * Paragraph numbering
 */

static Level *
num_level (Num      *num,
           Abstract *abstract,
           int       ilvl)
{
  if (num != NULL && num->levels[ilvl] != NULL)
    return num->levels[ilvl];
  return abstract->levels[ilvl];
}

/* Where a level (re)starts: the w:num's override, else its w:start. */
static int
level_start (Num      *num,
             Abstract *abstract,
             int       ilvl)
{
  Level *level = num_level (num, abstract, ilvl);

  if (num->start_override[ilvl] >= 0)
    return num->start_override[ilvl];
  return level != NULL ? level->start : 0;
}

/* The level whose w:pStyle is @style. */
static int
level_of_style (Abstract   *abstract,
                const char *style)
{
  if (style == NULL)
    return -1;
  for (int i = 0; i < MAX_LEVELS; i++)
    if (abstract->levels[i] != NULL && g_strcmp0 (abstract->levels[i]->style, style) == 0)
      return i;
  return -1;
}

static char *
render_label (Num      *num,
              Abstract *abstract,
              Level    *level)
{
  GString *out = g_string_new (NULL);

  for (const char *p = level->text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          Level *shown = num_level (num, abstract, k);
          int value;
          g_autofree char *number = NULL;

          /* a level not used yet shows one before its start, as in Word */
          if (abstract->started[k])
            value = abstract->counters[k];
          else
            value = level_start (num, abstract, k) - 1;
          number = anpai_import_format_number (value, level->legal ? "decimal" :
                                               shown != NULL ? shown->format : "decimal");
          g_string_append (out, number);
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Advances the counters for a numbered paragraph and returns its label
 * ("" for bullets and unnumbered levels), or NULL when it is not numbered.
 * @ilvl is -1 when it comes from the paragraph's style. */
static char *
number_paragraph (Docx       *docx,
                  const char *num_id,
                  int         ilvl,
                  const char *style_id)
{
  Num *num;
  Abstract *abstract;
  Level *level;

  if (num_id == NULL || strcmp (num_id, "0") == 0)
    return NULL;
  num = g_hash_table_lookup (docx->nums, num_id);
  if (num == NULL)
    return NULL;
  abstract = find_abstract (docx, num);
  if (abstract == NULL)
    return NULL;
  if (ilvl < 0)
    ilvl = MAX (0, level_of_style (abstract, style_id));
  level = num_level (num, abstract, ilvl);
  if (level == NULL)
    return NULL;

  /* the shared counter restarts where this w:num says, the first time
   * it is used and whenever a higher level has reset it */
  if ((num->start_override[ilvl] >= 0 && !num->applied[ilvl]) || !abstract->started[ilvl])
    {
      abstract->counters[ilvl] = level_start (num, abstract, ilvl);
      abstract->started[ilvl] = TRUE;
      num->applied[ilvl] = TRUE;
    }
  else if (abstract->counters[ilvl] < 1000000)
    abstract->counters[ilvl]++;

  /* deeper levels restart after this one, unless told otherwise */
  for (int j = ilvl + 1; j < MAX_LEVELS; j++)
    {
      Level *deeper = num_level (num, abstract, j);
      int restart = deeper != NULL ? deeper->restart : -1;

      if (restart < 0 || (restart > 0 && ilvl + 1 <= restart))
        abstract->started[j] = FALSE;
    }

  if (strcmp (level->format, "bullet") == 0)
    return g_strdup ("");
  return render_label (num, abstract, level);
}

/* numId and ilvl from the paragraph, else from its style chain. */
static char *
paragraph_label (Docx    *docx,
                 xmlNode *p)
{
  xmlNode *ppr = w_child (p, "pPr");
  g_autofree char *num_id = NULL;
  const char *style_id = child_val (ppr, "pStyle");
  const char *numbering_style = NULL;
  int ilvl;

  read_num_pr (ppr, &num_id, &ilvl);
  if (style_id == NULL)
    style_id = docx->default_style;

  if (num_id == NULL || ilvl < 0)
    {
      const char *id = style_id;

      for (int i = 0; id != NULL && i < MAX_STYLE_CHAIN; i++)
        {
          Style *style = g_hash_table_lookup (docx->styles, id);

          if (style == NULL)
            break;
          if (style->num_id != NULL)
            {
              if (num_id == NULL)
                num_id = g_strdup (style->num_id);
              if (ilvl < 0)
                ilvl = style->ilvl;
              numbering_style = id;
              break;
            }
          id = style->based_on;
        }
    }
  /* a level names the paragraph's own style, or the one carrying numPr */
  if (ilvl < 0 && num_id != NULL)
    {
      Num *num = g_hash_table_lookup (docx->nums, num_id);
      Abstract *abstract = num != NULL ? find_abstract (docx, num) : NULL;

      if (abstract != NULL && level_of_style (abstract, style_id) >= 0)
        numbering_style = style_id;
    }
  return number_paragraph (docx, num_id, ilvl, numbering_style);
}

/*
 * Paragraph text
 */

typedef struct {
  GPtrArray *lines;    /* of GString: a manual break starts a new one */
  gboolean   in_cell;
} Runs;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GString *
current_line (Runs *runs)
{
  return g_ptr_array_index (runs->lines, runs->lines->len - 1);
}

static void
append_text_node (Runs    *runs,
                  xmlNode *t)
{
  for (xmlNode *child = t->children; child != NULL; child = child->next)
    {
      if ((child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE) ||
          child->content == NULL)
        continue;
      for (const char *p = (const char *) child->content; *p != '\0'; p++)
        {
          char c = *p;

          if (c == '\n' || c == '\r')
            c = ' ';
          else if (c == '\t' && runs->in_cell)
            c = ' ';
          g_string_append_c (current_line (runs), c);
        }
    }
}

static void
collect_run (Runs    *runs,
             xmlNode *run)
{
  xmlNode *rpr = w_child (run, "rPr");

  if (rpr != NULL && (is_on (w_child (rpr, "vanish")) || is_on (w_child (rpr, "specVanish"))))
    return;
  for (xmlNode *node = run->children; node != NULL; node = node->next)
    {
      if (is_w (node, "t"))
        append_text_node (runs, node);
      else if (is_w (node, "tab") || is_w (node, "ptab"))
        g_string_append_c (current_line (runs), runs->in_cell ? ' ' : '\t');
      else if (is_w (node, "noBreakHyphen"))
        g_string_append_c (current_line (runs), '-');
      else if (is_w (node, "cr") ||
               (is_w (node, "br") && (w_attr (node, "type") == NULL ||
                                      strcmp (w_attr (node, "type"), "textWrapping") == 0)))
        g_ptr_array_add (runs->lines, g_string_new (NULL));
    }
}

/* Runs inside hyperlinks, fields, content controls and insertions, in
 * order; deletions and moved-away text are skipped. */
static void
collect_runs (Runs    *runs,
              xmlNode *parent,
              int      depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (node, "r"))
        collect_run (runs, node);
      else if (is_w (node, "hyperlink") || is_w (node, "smartTag") || is_w (node, "ins") ||
               is_w (node, "moveTo") || is_w (node, "fldSimple") || is_w (node, "customXml") ||
               is_w (node, "sdtContent") || is_w (node, "dir") || is_w (node, "bdo") ||
               is_mc (node, "Fallback"))
        collect_runs (runs, node, depth + 1);
      else if (is_w (node, "sdt"))
        {
          xmlNode *content = w_child (node, "sdtContent");

          if (content != NULL)
            collect_runs (runs, content, depth + 1);
        }
      else if (is_mc (node, "AlternateContent"))
        collect_runs (runs, node, depth + 1);
    }
}

static gboolean
is_trim_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* Valid UTF-8, without indenting spaces at either end. */
static char *
clean_line (GString *line)
{
  g_autofree char *valid = g_utf8_make_valid (line->str, line->len);
  char *start = valid;
  char *end = valid + strlen (valid);

  while (start < end && is_trim_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_trim_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* A paragraph as Paras: its first line with the label, then one per
 * manual line break. */
static void
read_paragraph (Docx      *docx,
                xmlNode   *p,
                gboolean   in_cell,
                GPtrArray *out)
{
  Runs runs = { g_ptr_array_new_with_free_func (string_free), in_cell };
  g_autofree char *label = NULL;

  g_ptr_array_add (runs.lines, g_string_new (NULL));
  label = paragraph_label (docx, p);
  collect_runs (&runs, p, 0);

  for (guint i = 0; i < runs.lines->len; i++)
    {
      g_autofree char *text = clean_line (g_ptr_array_index (runs.lines, i));
      gboolean labelled = i == 0 && label != NULL && *label != '\0';
      Para *para;

      if (*text == '\0' && !labelled)
        continue;
      para = g_new0 (Para, 1);
      para->text = g_steal_pointer (&text);
      para->numbering = labelled ? g_strdup (label) : NULL;
      g_ptr_array_add (out, para);
    }
  g_ptr_array_unref (runs.lines);
}

/*
 * Tables
 */

typedef struct {
  GPtrArray *paras;       /* of Para */
  guint      span;
  gboolean   merged;      /* a w:vMerge continuation */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_ptr_array_unref (cell->paras);
  g_free (cell);
}

static void read_table_lines (Docx      *docx,
                              xmlNode   *tbl,
                              int        depth,
                              GPtrArray *out);

/* Paragraphs and nested tables of a cell (or of a wrapper in it). */
static void
read_cell_content (Docx      *docx,
                   xmlNode   *parent,
                   int        depth,
                   GPtrArray *paras)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_w (node, "p"))
        read_paragraph (docx, node, TRUE, paras);
      else if (is_w (node, "tbl"))
        read_table_lines (docx, node, depth + 1, paras);
      else if (is_w (node, "sdt"))
        {
          xmlNode *content = w_child (node, "sdtContent");

          if (content != NULL)
            read_cell_content (docx, content, depth + 1, paras);
        }
      else if (is_w (node, "customXml") || is_w (node, "ins") || is_w (node, "moveTo"))
        read_cell_content (docx, node, depth + 1, paras);
    }
}

static char *
join_paras (GPtrArray  *paras,
            const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = g_ptr_array_index (paras, i);

      if (out->len > 0)
        g_string_append (out, separator);
      if (para->numbering != NULL)
        g_string_append (out, para->numbering);
      g_string_append (out, para->text);
    }
  return g_string_free (out, FALSE);
}

/* Cells of a row, through content controls and custom XML around them. */
/* The w:@name elements of @parent (w:tr of a table, w:tc of a row), also
 * inside content controls and custom XML. */
static void
collect_elements (xmlNode    *parent,
                  int         depth,
                  const char *name,
                  GPtrArray  *out)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_w (node, name))
        g_ptr_array_add (out, node);
      else if (is_w (node, "sdt"))
        {
          xmlNode *content = w_child (node, "sdtContent");

          if (content != NULL)
            collect_elements (content, depth + 1, name, out);
        }
      else if (is_w (node, "customXml"))
        collect_elements (node, depth + 1, name, out);
    }
}

/* The table as rows of Cells; gridBefore becomes empty cells. */
static GPtrArray *
read_table_cells (Docx    *docx,
                  xmlNode *tbl,
                  int      depth)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) trs = g_ptr_array_new ();

  collect_elements (tbl, depth, "tr", trs);
  for (guint r = 0; r < trs->len; r++)
    {
      xmlNode *tr = g_ptr_array_index (trs, r);
      GPtrArray *row = g_ptr_array_new_with_free_func (cell_free);
      g_autoptr(GPtrArray) tcs = g_ptr_array_new ();
      int before = parse_int (child_val (w_child (tr, "trPr"), "gridBefore"), 0, 0, MAX_COLUMNS);

      if (before > 0)
        {
          Cell *cell = g_new0 (Cell, 1);

          cell->paras = g_ptr_array_new_with_free_func (para_free);
          cell->span = before;
          g_ptr_array_add (row, cell);
        }
      collect_elements (tr, depth, "tc", tcs);
      for (guint c = 0; c < tcs->len; c++)
        {
          xmlNode *tc = g_ptr_array_index (tcs, c);
          xmlNode *tcpr = w_child (tc, "tcPr");
          xmlNode *vmerge = w_child (tcpr, "vMerge");
          Cell *cell = g_new0 (Cell, 1);

          cell->paras = g_ptr_array_new_with_free_func (para_free);
          cell->span = parse_int (child_val (tcpr, "gridSpan"), 1, 1, MAX_COLUMNS);
          cell->merged = vmerge != NULL && g_strcmp0 (w_attr (vmerge, "val"), "restart") != 0;
          read_cell_content (docx, tc, depth + 1, cell->paras);
          g_ptr_array_add (row, cell);
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* A nested table inside a cell: a line per row. */
static void
read_table_lines (Docx      *docx,
                  xmlNode   *tbl,
                  int        depth,
                  GPtrArray *out)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (depth > MAX_DEPTH)
    return;
  rows = read_table_cells (docx, tbl, depth);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      GString *line = g_string_new (NULL);
      Para *para;

      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = g_ptr_array_index (row, c);
          g_autofree char *text = NULL;

          if (cell->merged)
            continue;
          text = join_paras (cell->paras, " ");
          if (*text == '\0')
            continue;
          if (line->len > 0)
            g_string_append_c (line, ' ');
          g_string_append (line, text);
        }
      if (line->len == 0)
        {
          g_string_free (line, TRUE);
          continue;
        }
      para = g_new0 (Para, 1);
      para->text = g_string_free (line, FALSE);
      g_ptr_array_add (out, para);
    }
}

static void
add_paras (Docx      *docx,
           GPtrArray *paras)
{
  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = g_ptr_array_index (paras, i);

      anpai_import_source_add_paragraph (docx->source, para->text, para->numbering);
    }
}

static void
read_table (Docx    *docx,
            xmlNode *tbl,
            int      depth)
{
  g_autoptr(GPtrArray) rows = read_table_cells (docx, tbl, depth);
  g_autoptr(GPtrArray) grid = NULL;
  guint width = 0;
  guint n_rows = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      guint columns = 0;

      for (guint c = 0; c < row->len; c++)
        columns += ((Cell *) g_ptr_array_index (row, c))->span;
      width = MAX (width, MIN (columns, MAX_COLUMNS));
      if (row->len > 0)
        n_rows++;
    }

  if (n_rows < 2 || width < 2 || (gsize) n_rows * width > docx->cells_left)
    {
      /* layout: the paragraphs in reading order */
      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (rows, r);

          for (guint c = 0; c < row->len; c++)
            add_paras (docx, ((Cell *) g_ptr_array_index (row, c))->paras);
        }
      return;
    }
  docx->cells_left -= (gsize) n_rows * width;

  /* rows of width char*, spans laid out on the grid */
  grid = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      char **above = grid->len > 0 ? g_ptr_array_index (grid, grid->len - 1) : NULL;
      char **cells;
      guint column = 0;

      if (row->len == 0)
        continue;
      cells = g_new0 (char *, width + 1);
      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = g_ptr_array_index (row, c);
          g_autofree char *text = NULL;

          if (column >= width)
            {
              /* wider than the grid: joins the last column */
              text = join_paras (cell->paras, "\n");
              if (*text != '\0')
                {
                  char *last = cells[width - 1];

                  cells[width - 1] = *last != '\0' ? g_strjoin ("\n", last, text, NULL) : g_strdup (text);
                  g_free (last);
                }
              continue;
            }
          text = join_paras (cell->paras, "\n");
          for (guint i = 0; i < cell->span && column < width; i++, column++)
            {
              if (cell->merged)
                cells[column] = g_strdup (above != NULL ? above[column] : "");
              else
                cells[column] = g_strdup (i == 0 ? text : "");
            }
        }
      for (; column < width; column++)
        cells[column] = g_strdup ("");
      g_ptr_array_add (grid, cells);
    }

  anpai_import_source_add_table (docx->source, g_steal_pointer (&grid));
}

/*
 * Body
 */

static void
read_blocks (Docx    *docx,
             xmlNode *parent,
             int      depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_w (node, "p"))
        {
          g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func (para_free);

          read_paragraph (docx, node, FALSE, paras);
          add_paras (docx, paras);
        }
      else if (is_w (node, "tbl"))
        read_table (docx, node, depth + 1);
      else if (is_w (node, "sdt"))
        {
          xmlNode *content = w_child (node, "sdtContent");

          if (content != NULL)
            read_blocks (docx, content, depth + 1);
        }
      else if (is_w (node, "customXml") || is_w (node, "ins") || is_w (node, "moveTo") ||
               is_mc (node, "AlternateContent") || is_mc (node, "Fallback"))
        read_blocks (docx, node, depth + 1);
    }
}

/*
 * Reading
 */

/* Reads an optional part; FALSE (with @error set) only when it is there
 * but cannot be read. */
static gboolean
read_optional (zip_t       *za,
               const char  *part,
               const char  *name,
               xmlDoc     **doc,
               GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;

  *doc = NULL;
  switch (read_part (za, part, &bytes))
    {
    case PART_MISSING:
      return TRUE;
    case PART_ENCRYPTED:
      anpai_import_set_encrypted (error, name);
      return FALSE;
    case PART_DAMAGED:
      anpai_import_set_damaged_word (error, name);
      return FALSE;
    case PART_OK:
    default:
      break;
    }
  *doc = parse_part (bytes);
  if (*doc == NULL)
    {
      anpai_import_set_damaged_word (error, name);
      return FALSE;
    }
  return TRUE;
}

AnpaiImportSource *
anpai_import_read_docx (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        GError       **error)
{
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autoptr(GByteArray) document = NULL;
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *za;
  xmlDoc *doc = NULL;
  xmlDoc *numbering = NULL;
  xmlDoc *styles = NULL;
  xmlNode *root, *body;
  PartStatus status;
  Docx docx = { 0 };

  if (data == NULL || length == 0)
    {
      anpai_import_set_damaged_word (error, name);
      return NULL;
    }

  zip_error_init (&zerr);
  src = zip_source_buffer_create (data, length, 0, &zerr);
  za = src != NULL ? zip_open_from_source (src, ZIP_RDONLY, &zerr) : NULL;
  zip_error_fini (&zerr);
  if (za == NULL)
    {
      if (src != NULL)
        zip_source_free (src);
      anpai_import_set_damaged_word (error, name);
      return NULL;
    }

  status = read_part (za, "word/document.xml", &document);
  if (status != PART_OK)
    {
      zip_discard (za);
      if (status == PART_ENCRYPTED)
        anpai_import_set_encrypted (error, name);
      else
        anpai_import_set_damaged_word (error, name);
      return NULL;
    }

  anpai_import_init_libxml ();
  if (!read_optional (za, "word/numbering.xml", name, &numbering, error) ||
      !read_optional (za, "word/styles.xml", name, &styles, error))
    {
      g_clear_pointer (&numbering, xmlFreeDoc);
      zip_discard (za);
      return NULL;
    }
  zip_discard (za);

  doc = parse_part (document);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  body = root != NULL && is_w (root, "document") ? w_child (root, "body") : NULL;
  if (body == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_clear_pointer (&numbering, xmlFreeDoc);
      g_clear_pointer (&styles, xmlFreeDoc);
      anpai_import_set_damaged_word (error, name);
      return NULL;
    }

  source = anpai_import_source_new (name, "docx");
  docx.source = source;
  docx.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, abstract_free);
  docx.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, num_free);
  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  docx.cells_left = MAX_CELLS;
  if (styles != NULL)
    read_styles (&docx, styles);
  if (numbering != NULL)
    read_numbering (&docx, numbering);

  read_blocks (&docx, body, 0);

  g_hash_table_unref (docx.abstracts);
  g_hash_table_unref (docx.nums);
  g_hash_table_unref (docx.styles);
  g_free (docx.default_style);
  xmlFreeDoc (doc);
  g_clear_pointer (&numbering, xmlFreeDoc);
  g_clear_pointer (&styles, xmlFreeDoc);
  return g_steal_pointer (&source);
}
