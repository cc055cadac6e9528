/* anpai-import-html.c — web pages to blocks of text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "anpai-import-reader.h"

/* Plans are published as pages on government sites: the text sits among
 * navigation, breadcrumbs, share and print buttons, and comment forms.
 * The page is read as a browser would show it: block elements and <br>
 * start new paragraphs, inline elements join without separators, and
 * whitespace collapses. Chrome is dropped only where it is plainly chrome
 * and small, so an article wrapped in a <form> (ASP.NET sites) or in
 * id="printContent" is kept. Lines that say 首页 > … or 【打印】 as text
 * are left to the cleaner.
 *
 * Tables: a data table (2+ rows, 2+ columns, cells of short text, no
 * nested tables) becomes a TABLE block; anything else is layout and is
 * read as paragraphs. In a TABLE, a cell spanning rows repeats its text
 * in every row it covers (each row of a breakdown table is a task and
 * needs its lead unit); a cell spanning columns keeps its text in the
 * first column and leaves "" in the others.
 *
 * The HTML is converted to UTF-8 first (charset from the BOM, then <meta>,
 * else UTF-8 if it is, else GB18030), because libxml2 stops at the first
 * GBK character of a page labelled gb2312. The walk is iterative and every
 * extra look at a subtree is bounded, so time stays linear. */

#define MAX_COLUMNS 64
#define MAX_ROWSPAN 1000
#define MAX_CELLS (1024 * 1024)
#define MAX_LIST_DEPTH 16
#define MAX_TABLE_DEPTH 16
/* a data table's cells: "short" text, and the longest allowed */
#define SHORT_CELL 100
#define LONG_CELL 1000
/* chrome is dropped only when it holds at most this much text */
#define SMALL_CHROME 500
#define SMALL_SECTION 2000
/* node visits spent on measuring chrome, for the whole page */
#define CHROME_BUDGET (1024 * 1024)
#define CHROME_STEPS 5000

typedef enum {
  STEP_DESCEND,
  STEP_SKIP,
  STEP_STOP,
} Step;

typedef Step (*EnterFunc) (xmlNode  *node,
                           gpointer  data);
typedef void (*LeaveFunc) (xmlNode  *node,
                           gpointer  data);

/* Visits the descendants of @root in document order without recursion.
 * @leave is called only for nodes @enter descended into. */
static void
walk (xmlNode   *root,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   data)
{
  xmlNode *node = root->children;

  while (node != NULL)
    {
      Step step = enter (node, data);

      if (step == STEP_STOP)
        return;
      if (step == STEP_DESCEND && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (step == STEP_DESCEND && leave != NULL)
        leave (node, data);
      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == root)
            return;
          if (leave != NULL)
            leave (node, data);
        }
      node = node->next;
    }
}

/*
 * Elements
 */

typedef enum {
  KIND_INLINE,
  KIND_BLOCK,
  KIND_DROP,     /* never content */
  KIND_SECTION,  /* nav, header, footer, aside: dropped when small */
  KIND_FORM,     /* dropped when small */
  KIND_BR,
  KIND_LIST,
  KIND_ITEM,
  KIND_PRE,
  KIND_TABLE,
  KIND_CELL,
} Kind;

static const char * const drop_names[] = {
  "applet", "audio", "button", "canvas", "datalist", "embed", "frame", "frameset", "head",
  "iframe", "input", "link", "map", "math", "meta", "noembed", "noframes", "noscript",
  "object", "option", "script", "select", "style", "svg", "template", "textarea", "title",
  "video",
};

static const char * const block_names[] = {
  "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
  "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "main", "p", "section", "summary",
  "tbody", "tfoot", "thead", "tr",
};

static gboolean
in_list (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static Kind
element_kind (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (name == NULL)
    return KIND_INLINE;
  if (strcmp (name, "br") == 0)
    return KIND_BR;
  if (strcmp (name, "ol") == 0 || strcmp (name, "ul") == 0 || strcmp (name, "menu") == 0)
    return KIND_LIST;
  if (strcmp (name, "li") == 0)
    return KIND_ITEM;
  if (strcmp (name, "pre") == 0 || strcmp (name, "listing") == 0 || strcmp (name, "xmp") == 0)
    return KIND_PRE;
  if (strcmp (name, "table") == 0)
    return KIND_TABLE;
  if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    return KIND_CELL;
  if (strcmp (name, "nav") == 0 || strcmp (name, "header") == 0 ||
      strcmp (name, "footer") == 0 || strcmp (name, "aside") == 0)
    return KIND_SECTION;
  if (strcmp (name, "form") == 0)
    return KIND_FORM;
  if (in_list (name, drop_names, G_N_ELEMENTS (drop_names)))
    return KIND_DROP;
  if (in_list (name, block_names, G_N_ELEMENTS (block_names)))
    return KIND_BLOCK;
  return KIND_INLINE;
}

static const char *
get_attr (xmlNode    *node,
          const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->name == NULL || g_ascii_strcasecmp ((const char *) attr->name, name) != 0)
        continue;
      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->content != NULL)
        return (const char *) attr->children->content;
      return "";
    }
  return NULL;
}

static int
get_int_attr (xmlNode    *node,
              const char *name,
              int         fallback,
              int         min,
              int         max)
{
  const char *value = get_attr (node, name);
  gint64 n;
  char *end = NULL;

  if (value == NULL)
    return fallback;
  while (g_ascii_isspace (*value))
    value++;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value)
    return fallback;
  return (int) CLAMP (n, min, max);
}

/* The words of a class or id: "bdshare-box printBtn nav_2" gives bdshare,
 * box, print, btn, nav, 2. */
static const char * const chrome_words[] = {
  "bdshare", "breadcrumb", "comment", "crumb", "footer", "menu", "nav", "print", "share",
  "subnav", "submenu",
};

static gboolean
word_is_chrome (const char *word,
                gsize       length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (chrome_words); i++)
    {
      gsize n = strlen (chrome_words[i]);

      if (length >= n && g_ascii_strncasecmp (word, chrome_words[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
names_chrome (const char *value)
{
  const char *start = NULL;

  if (value == NULL)
    return FALSE;
  for (const char *p = value; ; p++)
    {
      gboolean alpha = g_ascii_isalpha (*p);
      /* a word ends at a non-letter, or where camelCase turns upper */
      gboolean boundary = !alpha || (start != NULL && p > start &&
                                     g_ascii_isupper (*p) && g_ascii_islower (p[-1]));

      if (start != NULL && boundary)
        {
          if (word_is_chrome (start, p - start))
            return TRUE;
          start = NULL;
        }
      if (*p == '\0')
        break;
      if (alpha && start == NULL)
        start = p;
    }
  return FALSE;
}

/*
 * Text sinks: the document's paragraphs, or a table cell's lines
 */

typedef struct {
  AnpaiImportSource *source;   /* paragraphs go here … */
  GString           *cell;     /* … or into this cell, lines joined with '\n' */
  GString           *line;
  gboolean           space;    /* collapsed whitespace pending */
  gboolean           newline;  /* … and it held a line break */
  gunichar           last;
  char              *numbering;  /* for the next paragraph, from <li> */
  int                pre;        /* inside <pre> */
} Sink;

static void
sink_init (Sink              *sink,
           AnpaiImportSource *source,
           GString           *cell)
{
  memset (sink, 0, sizeof *sink);
  sink->source = source;
  sink->cell = cell;
  sink->line = g_string_new (NULL);
}

static void
sink_clear (Sink *sink)
{
  g_string_free (sink->line, TRUE);
  g_free (sink->numbering);
}

static gboolean
is_edge_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* Ends the current line: full-width spaces are kept inside text but not
 * at its ends, where they only indent. */
static void
sink_flush (Sink *sink)
{
  char *start = sink->line->str;
  char *end = sink->line->str + sink->line->len;

  while (start < end && is_edge_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_edge_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';

  if (*start != '\0')
    {
      if (sink->cell != NULL)
        {
          if (sink->cell->len > 0)
            g_string_append_c (sink->cell, '\n');
          if (sink->numbering != NULL)
            g_string_append (sink->cell, sink->numbering);
          g_string_append (sink->cell, start);
        }
      else
        anpai_import_source_add_paragraph (sink->source, start, sink->numbering);
      /* the <li> label goes to its first paragraph only */
      g_clear_pointer (&sink->numbering, g_free);
    }
  g_string_truncate (sink->line, 0);
  sink->space = FALSE;
  sink->newline = FALSE;
  sink->last = 0;
}

static gboolean
is_collapsible (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

static void
sink_text (Sink       *sink,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (sink->pre > 0)
        {
          if (c == '\n')
            sink_flush (sink);
          else if (c != '\r' && !is_invisible (c))
            g_string_append_unichar (sink->line, c == '\t' ? ' ' : c);
          continue;
        }
      if (is_collapsible (c))
        {
          sink->space = TRUE;
          if (c == '\n' || c == '\r')
            sink->newline = TRUE;
          continue;
        }
      if (is_invisible (c))
        continue;
      /* a line break in the markup between two Chinese characters is not
       * a space (CSS "segment break transformation") */
      if (sink->space && sink->line->len > 0 &&
          !(sink->newline && g_unichar_iswide (sink->last) && g_unichar_iswide (c)))
        g_string_append_c (sink->line, ' ');
      sink->space = FALSE;
      sink->newline = FALSE;
      g_string_append_unichar (sink->line, c);
      sink->last = c;
    }
}

/*
 * The page
 */

typedef struct {
  AnpaiImportSource *source;
  Sink              *sink;          /* where text goes now */
  gsize              chrome_budget;
  gsize              cells_left;
  int                table_depth;
  int                list_depth;
  int                counters[MAX_LIST_DEPTH];
  const char        *formats[MAX_LIST_DEPTH];  /* NULL for <ul> */
} Page;

static void read_table (Page    *page,
                        xmlNode *table);

typedef struct {
  gsize chars;
  gsize limit;
  gsize steps;
} Measure;

static Step
measure_enter (xmlNode  *node,
               gpointer  data)
{
  Measure *m = data;

  if (++m->steps > CHROME_STEPS)
    return STEP_STOP;
  if (node->type == XML_TEXT_NODE && node->content != NULL)
    {
      for (const char *p = (const char *) node->content; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)) && ++m->chars > m->limit)
          return STEP_STOP;
      return STEP_SKIP;
    }
  if (node->type != XML_ELEMENT_NODE || element_kind (node) == KIND_DROP)
    return STEP_SKIP;
  return STEP_DESCEND;
}

/* Whether @node holds at most @limit characters of text, looking at a
 * bounded number of nodes (a big subtree is not small). */
static gboolean
is_small (Page    *page,
          xmlNode *node,
          gsize    limit)
{
  Measure m = { 0, limit, 0 };

  if (page->chrome_budget == 0)
    return FALSE;
  walk (node, measure_enter, NULL, &m);
  page->chrome_budget -= MIN (page->chrome_budget, m.steps);
  return m.chars <= limit && m.steps <= CHROME_STEPS;
}

static gboolean
is_chrome (Page    *page,
           xmlNode *node,
           Kind     kind)
{
  if (kind == KIND_SECTION)
    return is_small (page, node, SMALL_SECTION);
  if (kind == KIND_FORM)
    return is_small (page, node, SMALL_CHROME);
  if (names_chrome (get_attr (node, "class")) || names_chrome (get_attr (node, "id")))
    return is_small (page, node, SMALL_CHROME);
  return FALSE;
}

static void
start_item (Page    *page,
            xmlNode *node)
{
  Sink *sink = page->sink;
  int depth = CLAMP (page->list_depth, 1, MAX_LIST_DEPTH) - 1;
  const char *format = page->list_depth > 0 ? page->formats[depth] : NULL;

  g_clear_pointer (&sink->numbering, g_free);
  if (format != NULL)
    {
      g_autofree char *number = NULL;

      page->counters[depth] = get_int_attr (node, "value", page->counters[depth] + 1,
                                            -1000000, 1000000);
      number = anpai_import_format_number (page->counters[depth], format);
      sink->numbering = g_strconcat (number, ".", NULL);
    }
}

static void
start_list (Page    *page,
            xmlNode *node)
{
  int depth;
  const char *type;

  page->list_depth++;
  if (page->list_depth > MAX_LIST_DEPTH)
    return;
  depth = page->list_depth - 1;
  page->formats[depth] = NULL;
  if (strcmp ((const char *) node->name, "ol") != 0)
    return;
  type = get_attr (node, "type");
  if (type != NULL && strcmp (type, "a") == 0)
    page->formats[depth] = "lowerLetter";
  else if (type != NULL && strcmp (type, "A") == 0)
    page->formats[depth] = "upperLetter";
  else if (type != NULL && strcmp (type, "i") == 0)
    page->formats[depth] = "lowerRoman";
  else if (type != NULL && strcmp (type, "I") == 0)
    page->formats[depth] = "upperRoman";
  else
    page->formats[depth] = "decimal";
  page->counters[depth] = get_int_attr (node, "start", 1, -1000000, 1000000) - 1;
}

static Step
text_enter (xmlNode  *node,
            gpointer  data)
{
  Page *page = data;
  Kind kind;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        sink_text (page->sink, (const char *) node->content);
      return STEP_SKIP;
    }
  if (node->type != XML_ELEMENT_NODE)
    return STEP_SKIP;

  kind = element_kind (node);
  if (kind == KIND_DROP)
    return STEP_SKIP;
  if (kind == KIND_BR)
    {
      sink_flush (page->sink);
      return STEP_SKIP;
    }
  if (is_chrome (page, node, kind))
    {
      if (kind != KIND_INLINE)
        sink_flush (page->sink);
      return STEP_SKIP;
    }

  switch (kind)
    {
    case KIND_TABLE:
      sink_flush (page->sink);
      /* deeper than this, tables are only layout */
      if (page->sink->cell == NULL && page->table_depth < MAX_TABLE_DEPTH)
        {
          page->table_depth++;
          read_table (page, node);
          page->table_depth--;
          return STEP_SKIP;
        }
      return STEP_DESCEND;
    case KIND_LIST:
      sink_flush (page->sink);
      start_list (page, node);
      return STEP_DESCEND;
    case KIND_ITEM:
      sink_flush (page->sink);
      start_item (page, node);
      return STEP_DESCEND;
    case KIND_PRE:
      sink_flush (page->sink);
      page->sink->pre++;
      return STEP_DESCEND;
    case KIND_BLOCK:
    case KIND_CELL:
    case KIND_SECTION:
    case KIND_FORM:
      sink_flush (page->sink);
      return STEP_DESCEND;
    case KIND_INLINE:
    case KIND_DROP:
    case KIND_BR:
    default:
      return STEP_DESCEND;
    }
}

static void
text_leave (xmlNode  *node,
            gpointer  data)
{
  Page *page = data;

  if (node->type != XML_ELEMENT_NODE)
    return;
  switch (element_kind (node))
    {
    case KIND_LIST:
      sink_flush (page->sink);
      page->list_depth = MAX (0, page->list_depth - 1);
      break;
    case KIND_ITEM:
      sink_flush (page->sink);
      g_clear_pointer (&page->sink->numbering, g_free);
      break;
    case KIND_PRE:
      sink_flush (page->sink);
      page->sink->pre = MAX (0, page->sink->pre - 1);
      break;
    case KIND_INLINE:
    case KIND_DROP:
    case KIND_BR:
      break;
    case KIND_BLOCK:
    case KIND_TABLE:
    case KIND_CELL:
    case KIND_SECTION:
    case KIND_FORM:
    default:
      sink_flush (page->sink);
      break;
    }
}

/*
 * Tables
 */

typedef struct {
  guint    rows;
  guint    columns;      /* of the widest row, spans counted */
  guint    row_columns;
  gboolean row_counted;
  gboolean nested;
  gboolean in_cell;
  gsize    cell_chars;
  gsize    longest;
  guint    n_short;
  guint    n_filled;
} Survey;

static void
survey_end_cell (Survey *survey)
{
  if (!survey->in_cell)
    return;
  survey->in_cell = FALSE;
  survey->longest = MAX (survey->longest, survey->cell_chars);
  if (survey->cell_chars > 0)
    {
      survey->n_filled++;
      if (survey->cell_chars <= SHORT_CELL)
        survey->n_short++;
    }
}

static Step
survey_enter (xmlNode  *node,
              gpointer  data)
{
  Survey *survey = data;
  Kind kind;

  if (node->type == XML_TEXT_NODE && node->content != NULL)
    {
      if (survey->in_cell)
        for (const char *p = (const char *) node->content; *p != '\0'; p = g_utf8_next_char (p))
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            survey->cell_chars++;
      return STEP_SKIP;
    }
  if (node->type != XML_ELEMENT_NODE)
    return STEP_SKIP;
  kind = element_kind (node);
  if (kind == KIND_TABLE)
    {
      survey->nested = TRUE;
      return STEP_STOP;
    }
  if (kind == KIND_DROP)
    return STEP_SKIP;
  if (strcmp ((const char *) node->name, "tr") == 0)
    {
      survey_end_cell (survey);
      survey->row_columns = 0;
      survey->row_counted = FALSE;
    }
  if (kind == KIND_CELL)
    {
      survey_end_cell (survey);
      survey->in_cell = TRUE;
      survey->cell_chars = 0;
      survey->row_columns += get_int_attr (node, "colspan", 1, 1, MAX_COLUMNS);
      survey->columns = MAX (survey->columns, MIN (survey->row_columns, MAX_COLUMNS));
      if (!survey->row_counted)
        survey->rows++;
      survey->row_counted = TRUE;
    }
  return STEP_DESCEND;
}

static void
survey_leave (xmlNode  *node,
              gpointer  data)
{
  if (node->type == XML_ELEMENT_NODE && element_kind (node) == KIND_CELL)
    survey_end_cell (data);
}

typedef struct {
  char *text;
  guint rows_left;
} Carry;

typedef struct {
  Page      *page;
  GPtrArray *rows;      /* of GPtrArray of char* */
  Carry      carry[MAX_COLUMNS];
  guint      width;
} Grid;

static void
grid_put (GPtrArray  *row,
          guint       column,
          const char *text)
{
  while (row->len < column)
    g_ptr_array_add (row, g_strdup (""));
  if (column < row->len)
    return;
  g_ptr_array_add (row, g_strdup (text));
}

/* Cells carried down from rows above take their columns first. */
static guint
grid_fill_carried (Grid      *grid,
                   GPtrArray *row,
                   guint      column)
{
  while (column < MAX_COLUMNS && grid->carry[column].rows_left > 0)
    {
      grid_put (row, column, grid->carry[column].text);
      if (--grid->carry[column].rows_left == 0)
        g_clear_pointer (&grid->carry[column].text, g_free);
      column++;
    }
  return column;
}

static char *
cell_text (Page    *page,
           xmlNode *cell)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Sink sink;
  Sink *outer = page->sink;
  int list_depth = page->list_depth;

  sink_init (&sink, NULL, text);
  page->sink = &sink;
  walk (cell, text_enter, text_leave, page);
  sink_flush (&sink);
  sink_clear (&sink);
  page->sink = outer;
  page->list_depth = list_depth;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
grid_add_row (Grid    *grid,
              xmlNode *tr)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  guint column = 0;

  for (xmlNode *cell = tr->children; cell != NULL; cell = cell->next)
    {
      g_autofree char *text = NULL;
      guint colspan, rowspan;

      if (cell->type != XML_ELEMENT_NODE || element_kind (cell) != KIND_CELL)
        continue;
      column = grid_fill_carried (grid, row, column);
      text = cell_text (grid->page, cell);
      if (column >= MAX_COLUMNS)
        {
          /* too wide: the rest joins the last column */
          char *last = g_ptr_array_index (row, row->len - 1);

          if (*text != '\0')
            {
              g_ptr_array_index (row, row->len - 1) =
                *last != '\0' ? g_strjoin ("\n", last, text, NULL) : g_strdup (text);
              g_free (last);
            }
          continue;
        }
      colspan = get_int_attr (cell, "colspan", 1, 1, MAX_COLUMNS - column);
      rowspan = get_int_attr (cell, "rowspan", 1, 1, MAX_ROWSPAN);
      for (guint i = 0; i < colspan; i++)
        {
          const char *value = i == 0 ? text : "";

          grid_put (row, column + i, value);
          if (rowspan > 1 && grid->carry[column + i].rows_left == 0)
            {
              grid->carry[column + i].text = g_strdup (value);
              grid->carry[column + i].rows_left = rowspan - 1;
            }
        }
      column += colspan;
    }
  grid_fill_carried (grid, row, column);
  if (row->len == 0)
    {
      g_ptr_array_unref (row);
      return;
    }
  grid->width = MAX (grid->width, row->len);
  g_ptr_array_add (grid->rows, row);
}

static Step
grid_enter (xmlNode  *node,
            gpointer  data)
{
  Grid *grid = data;
  const char *name = (const char *) node->name;

  if (node->type != XML_ELEMENT_NODE || name == NULL)
    return STEP_SKIP;
  if (strcmp (name, "tr") == 0)
    {
      grid_add_row (grid, node);
      return STEP_SKIP;
    }
  if (strcmp (name, "caption") == 0)
    {
      /* the title of the table, before it */
      walk (node, text_enter, text_leave, grid->page);
      sink_flush (grid->page->sink);
      return STEP_SKIP;
    }
  if (strcmp (name, "thead") == 0 || strcmp (name, "tbody") == 0 || strcmp (name, "tfoot") == 0)
    return STEP_DESCEND;
  return STEP_SKIP;
}

static void
emit_grid (Page *page,
           Grid *grid)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < grid->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (grid->rows, r);
      char **cells = g_new0 (char *, grid->width + 1);

      for (guint c = 0; c < grid->width; c++)
        cells[c] = c < row->len ? g_strdup (g_ptr_array_index (row, c)) : g_strdup ("");
      g_ptr_array_add (rows, cells);
    }
  anpai_import_source_add_table (page->source, rows);
}

static void
read_table (Page    *page,
            xmlNode *table)
{
  Survey survey = { 0 };
  gsize n_cells;

  walk (table, survey_enter, survey_leave, &survey);
  survey_end_cell (&survey);
  n_cells = (gsize) survey.rows * survey.columns;

  if (!survey.nested && survey.rows >= 2 && survey.columns >= 2 &&
      survey.longest <= LONG_CELL && survey.n_filled >= 2 &&
      survey.n_short * 2 >= survey.n_filled && n_cells <= page->cells_left)
    {
      Grid grid = { 0 };

      page->cells_left -= n_cells;
      grid.page = page;
      grid.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      walk (table, grid_enter, NULL, &grid);
      if (grid.rows->len > 0 && grid.width > 0)
        emit_grid (page, &grid);
      for (guint i = 0; i < MAX_COLUMNS; i++)
        g_free (grid.carry[i].text);
      g_ptr_array_unref (grid.rows);
      return;
    }

  /* layout: its cells are blocks of the page */
  walk (table, text_enter, text_leave, page);
  sink_flush (page->sink);
}

/*
 * Charset
 */

static const guint8 *
find_nocase (const guint8 *data,
             gsize         length,
             const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The value after @key= in [p, end), lowercased, or NULL. */
static char *
attr_value (const guint8 *p,
            const guint8 *end,
            const char   *key)
{
  const guint8 *v = find_nocase (p, end - p, key);
  const guint8 *start;

  if (v == NULL)
    return NULL;
  v += strlen (key);
  while (v < end && g_ascii_isspace (*v))
    v++;
  if (v >= end || *v != '=')
    return NULL;
  v++;
  while (v < end && (g_ascii_isspace (*v) || *v == '"' || *v == '\''))
    v++;
  start = v;
  while (v < end && (g_ascii_isalnum (*v) || *v == '-' || *v == '_' || *v == '.' || *v == ':'))
    v++;
  if (v == start || v - start > 40)
    return NULL;
  return g_ascii_strdown ((const char *) start, v - start);
}

/* The charset an XML declaration or a <meta> names in the first 8 KiB:
 * <meta charset="gbk"> or <meta http-equiv="Content-Type"
 * content="text/html; charset=gb2312">. */
static char *
declared_charset (const guint8 *data,
                  gsize         length)
{
  const guint8 *end = data + MIN (length, 8192);
  const guint8 *p = data;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p >= 5 && g_ascii_strncasecmp ((const char *) p, "<?xml", 5) == 0)
    {
      const guint8 *close = memchr (p, '>', end - p);
      char *value = attr_value (p, close != NULL ? close : end, "encoding");

      if (value != NULL)
        return value;
    }

  for (p = data; p < end; )
    {
      const guint8 *tag = find_nocase (p, end - p, "<meta");
      const guint8 *tag_end;
      char *value;

      if (tag == NULL)
        break;
      tag_end = memchr (tag, '>', end - tag);
      if (tag_end == NULL)
        tag_end = end;
      value = attr_value (tag, tag_end, "charset");
      if (value != NULL)
        return value;
      p = tag_end;
    }
  return NULL;
}

static const char *
page_charset (const guint8 *data,
              gsize         length,
              gsize        *skip)
{
  g_autofree char *declared = NULL;
  const char *charset;
  GIConv cd;

  charset = anpai_import_sniff_bom (data, length, skip);
  if (charset != NULL)
    return charset;

  declared = declared_charset (data, length);
  if (declared == NULL)
    return anpai_import_guess_charset (data, length);
  if (g_str_has_prefix (declared, "gb") || g_str_equal (declared, "x-gbk") ||
      g_str_equal (declared, "cp936") || g_str_equal (declared, "windows-936") ||
      g_str_equal (declared, "euc-cn") || g_str_equal (declared, "x-euc-cn"))
    return "GB18030";
  if (g_str_has_prefix (declared, "big5"))
    return "BIG5-HKSCS";
  /* UTF-8 as declared unless it plainly is not; western labels on
   * Chinese pages are usually wrong, and "utf-16" without a BOM means
   * UTF-8 to browsers too */
  if (g_str_has_prefix (declared, "utf") || g_str_has_prefix (declared, "unicode") ||
      g_str_has_prefix (declared, "iso-8859") || g_str_has_prefix (declared, "latin") ||
      g_str_has_prefix (declared, "windows-125") || g_str_has_prefix (declared, "us-ascii") ||
      g_str_equal (declared, "ascii"))
    return anpai_import_guess_charset (data, length);

  cd = g_iconv_open ("UTF-8", declared);
  if (cd == (GIConv) -1)
    return anpai_import_guess_charset (data, length);
  g_iconv_close (cd);
  return g_intern_string (declared);
}

/* Word's "Save as web page" writes <![if !supportLists]> … <![endif]>,
 * which the HTML parser would keep as text. */
static void
strip_downlevel_markers (char *text)
{
  char *out = text;
  const char *p = text;

  while (*p != '\0')
    {
      if (p[0] == '<' && p[1] == '!' && p[2] == '[' &&
          (g_ascii_strncasecmp (p + 3, "if", 2) == 0 || g_ascii_strncasecmp (p + 3, "endif", 5) == 0))
        {
          const char *close = p + 3;

          while (*close != '\0' && *close != '>' && close - p < 200)
            close++;
          if (*close == '>' && close[-1] == ']')
            {
              p = close + 1;
              continue;
            }
        }
      *out++ = *p++;
    }
  *out = '\0';
}

/*
 * Detection and reading
 */

static const char * const html_tags[] = {
  "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<br",
  "<span", "<h1", "<h2", "<h3", "<ul", "<ol", "<!--", "<style", "<script", "<link", "<font",
  "<center", "<a ",
};

/* HTML markup at the start: "<!DOCTYPE html" or <html> near the top, or a
 * document that begins with a tag and has common HTML tags in it. */
gboolean
anpai_import_looks_like_html (const char *data,
                              gsize       length)
{
  const guint8 *p = (const guint8 *) data;
  gsize head;

  if (data == NULL)
    return FALSE;
  if (length >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      p += 3;
      length -= 3;
    }
  head = MIN (length, 4096);
  if (find_nocase (p, head, "<!doctype html") != NULL || find_nocase (p, head, "<html") != NULL)
    return TRUE;
  while (head > 0 && g_ascii_isspace (*p))
    {
      p++;
      head--;
    }
  if (head == 0 || *p != '<')
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (html_tags); i++)
    if (find_nocase (p, head, html_tags[i]) != NULL)
      return TRUE;
  return FALSE;
}

AnpaiImportSource *
anpai_import_read_html (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        GError       **error)
{
  g_autoptr(AnpaiImportSource) source = NULL;
  g_autofree char *text = NULL;
  const char *charset;
  gsize skip = 0;
  htmlDocPtr doc;
  Sink sink;
  Page page = { 0 };

  if (data == NULL)
    {
      data = (const guint8 *) "";
      length = 0;
    }
  charset = page_charset (data, length, &skip);
  text = anpai_import_to_utf8 (data + skip, length - skip, charset, NULL, NULL);
  if (text == NULL)
    text = anpai_import_to_utf8 (data + skip, length - skip, "GB18030", NULL, NULL);
  strip_downlevel_markers (text);

  anpai_import_init_libxml ();
  /* never XML_PARSE_NOENT; the charset is ours, not the page's */
  doc = htmlReadMemory (text, (int) MIN (strlen (text), G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL && *text != '\0')
    {
      g_set_error (error, ANPAI_IMPORT_ERROR, ANPAI_IMPORT_ERROR_DAMAGED,
                   _("“%s” is a damaged web page and cannot be read."),
                   anpai_import_display_name (name));
      return NULL;
    }

  source = anpai_import_source_new (name, "html");
  if (doc == NULL)
    return g_steal_pointer (&source);

  sink_init (&sink, source, NULL);
  page.source = source;
  page.sink = &sink;
  page.chrome_budget = CHROME_BUDGET;
  page.cells_left = MAX_CELLS;
  walk ((xmlNode *) doc, text_enter, text_leave, &page);
  sink_flush (&sink);
  sink_clear (&sink);
  xmlFreeDoc (doc);
  return g_steal_pointer (&source);
}
