/* anpai-export-pdf-table.c — the breakdown table (任务分解表) as a PDF
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiExport"

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "anpai-export.h"

/* Three steps: every cell is laid out with Pango (measure), rows become
 * pieces a page can hold (split_row), pieces are put on pages (paginate,
 * plain numbers only), and only then is anything drawn, so the footer
 * knows how many pages there are. Lengths are in points, the PDF unit. */

#define MARGIN_X       36.0
#define MARGIN_TOP     36.0
#define MARGIN_BOTTOM  42.0   /* the footer is drawn in it */
#define PAD_X          4.0
#define PAD_Y          3.0
#define TITLE_GAP      10.0   /* between the title block and the table */
#define LINE_WIDTH     0.6
#define BODY_SIZE      10.5   /* 五号, the size of official tables */
#define TITLE_SIZE     18.0   /* 小二 */
#define FOOTER_SIZE    9.0
#define MAX_COLUMNS    7
#define MIN_PIECE      80.0   /* less room than this: a long row starts a new page */
/* Named, with zh-cn as the language: plain "Sans" picks the Japanese
 * glyph forms of Noto Sans CJK. */
#define FONT_FAMILY    "Noto Sans CJK SC"

/* 序号, 重点任务, 时间要求, 牵头单位, 配合单位, 状态, 进展 */
static const double column_weights[MAX_COLUMNS] = { 1.5, 6.0, 2.0, 2.0, 2.6, 1.4, 1.4 };
static const PangoAlignment column_align[MAX_COLUMNS] = {
  PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER,
  PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER,
};

typedef struct
{
  double   width;
  double   height;
  guint    n_columns;
  double   x[MAX_COLUMNS + 1];  /* each column's left edge, then the table's right edge */
} Geometry;

/* A row, or the part of it on one page: the text of each cell from
 * from[c] to to[c] (points down from the top of its text). */
typedef struct
{
  guint     row;
  gboolean  whole;
  gboolean  is_section;
  double    height;
  double    from[MAX_COLUMNS];
  double    to[MAX_COLUMNS];
} Piece;

typedef struct
{
  const AnpaiExportTable *table;
  PangoLayout            *title;
  PangoLayout            *doc_number;   /* NULL without one */
  double                  title_height; /* the block, with the gap below it */
  PangoLayout           **cells;        /* n_rows × n_columns; NULL when empty */
  GArray                 *pieces;       /* of Piece */
  GArray                 *page_starts;  /* of guint: the first piece of each page */
} TableLayout;

static void
table_layout_free (TableLayout *layout)
{
  guint n = layout->table->rows->len * MAX_COLUMNS;

  g_clear_object (&layout->title);
  g_clear_object (&layout->doc_number);
  for (guint i = 0; i < n; i++)
    g_clear_object (&layout->cells[i]);
  g_free (layout->cells);
  g_array_unref (layout->pieces);
  g_array_unref (layout->page_starts);
  g_free (layout);
}

/* Which piece starts each page. A piece never straddles a page break, and
 * a section heading goes over to the next page rather than end one. The
 * first page has @first_room (below the title block), the others @room;
 * @room_left is what the last page has left. Pure arithmetic, so it can be
 * checked without cairo. */
static GArray *
paginate (const double   *heights,
          const gboolean *keep_with_next,
          guint           n,
          double          first_room,
          double          room,
          double         *room_left)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint page_start = 0;
  double used = 0, available = first_room;

  g_array_append_val (starts, page_start);
  for (guint i = 0; i < n; i++)
    {
      double need = heights[i];

      if (keep_with_next[i] && i + 1 < n)
        need += heights[i + 1];
      if (i > page_start && used + need > available)
        {
          page_start = i;
          g_array_append_val (starts, page_start);
          used = 0;
          available = room;
        }
      used += heights[i];
    }
  if (room_left != NULL)
    *room_left = available - used;
  return starts;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The bottom of the last whole line of @layout that ends above @limit,
 * below @from; at least one line, so a piece always moves on. */
static double
cut_before (PangoLayout *layout,
            double       from,
            double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double cut = from;

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      if (bottom <= from + 0.01)
        continue;
      if (bottom > limit)
        {
          if (cut == from)
            cut = bottom;
          break;
        }
      cut = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return cut;
}

static double
row_height (PangoLayout **cells,
            guint         n_cells)
{
  double height = 0;

  for (guint c = 0; c < n_cells; c++)
    height = MAX (height, layout_height (cells[c]));
  return height + 2 * PAD_Y;
}

/* A row as one piece, or, only when it is taller than a page, as pieces
 * cut between lines of text: the first @first_room high, the others @room. */
static void
split_row (GArray       *pieces,
           guint         index,
           gboolean      is_section,
           PangoLayout **cells,
           guint         n_cells,
           double        first_room,
           double        room)
{
  Piece piece = { index, TRUE, is_section, 0, { 0 }, { 0 } };
  double text_height = 0;
  gboolean more = TRUE;

  for (guint c = 0; c < n_cells; c++)
    {
      piece.to[c] = layout_height (cells[c]);
      text_height = MAX (text_height, piece.to[c]);
    }
  piece.height = text_height + 2 * PAD_Y;
  if (piece.height <= room)
    {
      g_array_append_val (pieces, piece);
      return;
    }

  piece.whole = FALSE;
  memset (piece.to, 0, sizeof piece.to);
  while (more)
    {
      double limit = (pieces->len > 0 && g_array_index (pieces, Piece, pieces->len - 1).row == index
                      ? room : first_room) - 2 * PAD_Y;
      double tallest = 0;

      more = FALSE;
      for (guint c = 0; c < n_cells; c++)
        {
          double end = layout_height (cells[c]);

          piece.from[c] = piece.to[c];
          if (piece.from[c] < end - 0.01)
            piece.to[c] = cut_before (cells[c], piece.from[c], piece.from[c] + limit);
          tallest = MAX (tallest, piece.to[c] - piece.from[c]);
          more = more || piece.to[c] < end - 0.01;
        }
      piece.height = tallest + 2 * PAD_Y;
      g_array_append_val (pieces, piece);
    }
}

static PangoLayout *
new_layout (PangoContext   *context,
            const char     *text,
            double          size,
            gboolean        bold,
            double          width,
            PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
cell_width (const Geometry *geometry,
            guint           column)
{
  return geometry->x[column + 1] - geometry->x[column] - 2 * PAD_X;
}

/* The 重点任务 cell: the title in bold, the body below it. */
static PangoLayout *
task_layout (PangoContext         *context,
             const AnpaiExportRow *row,
             double                width)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *bold;

  if (row->body == NULL || row->body[0] == '\0')
    text = g_strdup (row->title);
  else if (row->title[0] == '\0')
    text = g_strdup (row->body);
  else
    text = g_strconcat (row->title, "\n", row->body, NULL);
  layout = new_layout (context, text, BODY_SIZE, FALSE, width, PANGO_ALIGN_LEFT);
  attrs = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = (guint) strlen (row->title);
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
measure_row (PangoContext         *context,
             const Geometry       *geometry,
             const AnpaiExportRow *row,
             PangoLayout         **cells)
{
  g_autofree char *others = NULL;
  g_autofree char *progress = NULL;
  const char *texts[MAX_COLUMNS] = { NULL };

  if (row->is_section)
    {
      g_autofree char *heading = anpai_export_row_heading (row);
      /* deeper sections stand in a little */
      double indent = MIN (row->depth, 4) * BODY_SIZE;

      cells[0] = new_layout (context, heading, BODY_SIZE, TRUE,
                             geometry->x[geometry->n_columns] - geometry->x[0] - 2 * PAD_X - indent,
                             PANGO_ALIGN_LEFT);
      return;
    }
  others = anpai_export_row_others (row);
  progress = g_strdup_printf ("%d%%", row->progress);
  texts[0] = row->label;
  texts[2] = row->time->text;
  texts[3] = row->lead;
  texts[4] = others;
  if (geometry->n_columns > 5)
    {
      texts[5] = anpai_status_get_label (row->status);
      texts[6] = progress;
    }
  for (guint c = 0; c < geometry->n_columns; c++)
    if (c == 1)
      cells[c] = task_layout (context, row, cell_width (geometry, c));
    else if (texts[c] != NULL && texts[c][0] != '\0')
      cells[c] = new_layout (context, texts[c], BODY_SIZE, FALSE, cell_width (geometry, c), column_align[c]);
}

static GArray *
paginate_pieces (TableLayout *layout,
                 double       first_room,
                 double       room,
                 double      *room_left)
{
  guint n = layout->pieces->len;
  g_autofree double *heights = g_new0 (double, n + 1);
  g_autofree gboolean *keep = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      heights[i] = g_array_index (layout->pieces, Piece, i).height;
      keep[i] = g_array_index (layout->pieces, Piece, i).is_section;
    }
  return paginate (heights, keep, n, first_room, room, room_left);
}

static TableLayout *
measure_table (PangoContext           *context,
               const Geometry         *geometry,
               const AnpaiExportTable *table,
               double                  header_height)
{
  TableLayout *layout = g_new0 (TableLayout, 1);
  double table_width = geometry->x[geometry->n_columns] - geometry->x[0];
  double room = geometry->height - MARGIN_TOP - MARGIN_BOTTOM - header_height;

  layout->table = table;
  layout->title = new_layout (context, table->title, TITLE_SIZE, TRUE, table_width, PANGO_ALIGN_CENTER);
  layout->title_height = layout_height (layout->title) + TITLE_GAP;
  if (table->doc_number != NULL && table->doc_number[0] != '\0')
    {
      layout->doc_number = new_layout (context, table->doc_number, BODY_SIZE, FALSE,
                                       table_width, PANGO_ALIGN_CENTER);
      layout->title_height += layout_height (layout->doc_number) + PAD_Y;
    }

  layout->cells = g_new0 (PangoLayout *, table->rows->len * MAX_COLUMNS);
  layout->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  for (guint i = 0; i < table->rows->len; i++)
    {
      const AnpaiExportRow *row = g_ptr_array_index (table->rows, i);
      PangoLayout **cells = layout->cells + i * MAX_COLUMNS;
      double first_room = room;

      measure_row (context, geometry, row, cells);
      /* a row that must be split anyway begins on what is left of the page */
      if (row_height (cells, row->is_section ? 1 : geometry->n_columns) > room)
        {
          /* only the room left on the last page matters here */
          g_array_unref (paginate_pieces (layout, room - layout->title_height, room, &first_room));
          if (first_room < MIN_PIECE)
            first_room = room;
        }
      split_row (layout->pieces, i, row->is_section, cells,
                 row->is_section ? 1 : geometry->n_columns, first_room, room);
    }
  layout->page_starts = paginate_pieces (layout, room - layout->title_height, room, NULL);
  return layout;
}

/* The lines of @layout between @from and @to, with the top of @from at @y. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       from,
           double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if ((double) y0 / PANGO_SCALE < from - 0.01 || (double) y1 / PANGO_SCALE > to + 0.01)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y - from + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_box (cairo_t *cr,
          double   x,
          double   y,
          double   width,
          double   height,
          double   grey)
{
  if (grey < 1)
    {
      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

static void
draw_piece (cairo_t           *cr,
            const Geometry    *geometry,
            const TableLayout *layout,
            const Piece       *piece,
            PangoLayout      **header,
            double             y)
{
  PangoLayout **cells = header != NULL ? header : layout->cells + piece->row * MAX_COLUMNS;
  guint n_cells = piece->is_section ? 1 : geometry->n_columns;

  for (guint c = 0; c < n_cells; c++)
    {
      double x = geometry->x[c];
      double right = piece->is_section ? geometry->x[geometry->n_columns] : geometry->x[c + 1];
      double top = y + PAD_Y;

      draw_box (cr, x, y, right - x, piece->height,
                header != NULL ? 0.88 : piece->is_section ? 0.95 : 1);
      if (cells[c] == NULL)
        continue;
      if (piece->is_section)
        {
          const AnpaiExportRow *row = g_ptr_array_index (layout->table->rows, piece->row);

          x += MIN (row->depth, 4) * BODY_SIZE;
        }
      /* a whole row's cells are centred on the row's middle, as in the
       * tables the plans come in */
      if (piece->whole)
        top = y + (piece->height - layout_height (cells[c])) / 2;
      draw_text (cr, cells[c], x + PAD_X, top, piece->from[c], piece->to[c]);
    }
}

static void
draw_footer (cairo_t        *cr,
             PangoContext   *context,
             const Geometry *geometry,
             int             page,
             int             n_pages)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;

  /* Translators: the footer of each page of an exported PDF */
  text = g_strdup_printf (_("Page %d of %d"), page, n_pages);
  layout = new_layout (context, text, FOOTER_SIZE, FALSE,
                       geometry->x[geometry->n_columns] - geometry->x[0], PANGO_ALIGN_CENTER);
  cairo_move_to (cr, geometry->x[0], geometry->height - MARGIN_BOTTOM + 14);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

gboolean
_anpai_export_pdf_table (GPtrArray                *tables,
                         const AnpaiExportOptions *options,
                         const char               *path,
                         GError                  **error)
{
  const char * const *headings = anpai_export_headings (options);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) table_layout_free);
  PangoLayout *header[MAX_COLUMNS] = { NULL };
  Piece header_piece = { 0, TRUE, FALSE, 0, { 0 }, { 0 } };
  Geometry geometry = { 0 };
  PangoFontMap *font_map;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;
  double total_weight = 0, x;
  int n_pages = 0, page = 0;

  anpai_paper_get_size (options->paper, &geometry.width, &geometry.height);
  while (headings[geometry.n_columns] != NULL && geometry.n_columns < MAX_COLUMNS)
    geometry.n_columns++;
  for (guint c = 0; c < geometry.n_columns; c++)
    total_weight += column_weights[c];
  x = MARGIN_X;
  for (guint c = 0; c <= geometry.n_columns; c++)
    {
      geometry.x[c] = x;
      if (c < geometry.n_columns)
        x += (geometry.width - 2 * MARGIN_X) * column_weights[c] / total_weight;
    }

  surface = cairo_pdf_surface_create (path, geometry.width, geometry.height);
  if (tables->len > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    ((AnpaiExportTable *) g_ptr_array_index (tables, 0))->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Anpai");
  cr = cairo_create (surface);
  /* a font map of our own: the default one belongs to the GUI's thread */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  _anpai_export_setup_context (context);
  pango_cairo_update_context (cr, context);

  /* measure */
  for (guint c = 0; c < geometry.n_columns; c++)
    {
      header[c] = new_layout (context, headings[c], BODY_SIZE, TRUE,
                              cell_width (&geometry, c), PANGO_ALIGN_CENTER);
      header_piece.to[c] = layout_height (header[c]);
      header_piece.height = MAX (header_piece.height, header_piece.to[c] + 2 * PAD_Y);
    }
  for (guint t = 0; t < tables->len; t++)
    {
      TableLayout *layout = measure_table (context, &geometry, g_ptr_array_index (tables, t),
                                           header_piece.height);

      g_ptr_array_add (layouts, layout);
      n_pages += (int) layout->page_starts->len;
    }

  /* draw */
  cairo_set_line_width (cr, LINE_WIDTH);
  for (guint t = 0; t < layouts->len; t++)
    {
      TableLayout *layout = g_ptr_array_index (layouts, t);

      for (guint p = 0; p < layout->page_starts->len; p++)
        {
          guint first = g_array_index (layout->page_starts, guint, p);
          guint last = p + 1 < layout->page_starts->len
                       ? g_array_index (layout->page_starts, guint, p + 1) : layout->pieces->len;
          double y = MARGIN_TOP;

          if (p == 0)
            {
              cairo_move_to (cr, geometry.x[0], y);
              pango_cairo_show_layout (cr, layout->title);
              y += layout_height (layout->title);
              if (layout->doc_number != NULL)
                {
                  y += PAD_Y;
                  cairo_move_to (cr, geometry.x[0], y);
                  pango_cairo_show_layout (cr, layout->doc_number);
                  y += layout_height (layout->doc_number);
                }
              y += TITLE_GAP;
            }
          /* the header row on every page */
          draw_piece (cr, &geometry, layout, &header_piece, header, y);
          y += header_piece.height;
          for (guint i = first; i < last; i++)
            {
              const Piece *piece = &g_array_index (layout->pieces, Piece, i);

              draw_piece (cr, &geometry, layout, piece, NULL, y);
              y += piece->height;
            }
          draw_footer (cr, context, &geometry, ++page, n_pages);
          cairo_show_page (cr);
        }
    }
  /* nothing to export still makes a readable PDF of one page */
  if (n_pages == 0)
    {
      draw_footer (cr, context, &geometry, 1, 1);
      cairo_show_page (cr);
    }

  for (guint c = 0; c < geometry.n_columns; c++)
    g_object_unref (header[c]);
  g_object_unref (context);
  g_object_unref (font_map);
  cairo_destroy (cr);
  return _anpai_export_finish_surface (surface, path, error);
}
