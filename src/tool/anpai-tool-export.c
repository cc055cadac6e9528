/* anpai-tool-export.c — anpai-tool export
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-date.h"
#include "anpai-export.h"
#include "anpai-search.h"
#include "anpai-timeline.h"
#include "anpai-tool.h"

/* The project is opened read-only: exporting never changes it. Every
 * option is checked before anything is written. */

static gboolean
parse_status (const char *name,
              guint      *statuses)
{
  int status;

  if (!anpai_enum_from_string (ANPAI_TYPE_STATUS, name, &status))
    return FALSE;
  *statuses |= ANPAI_STATUS_BIT (status);
  return TRUE;
}

static gboolean
parse_date (const char *text,
            char       *iso)
{
  GDate date;

  if (!anpai_date_parse_loose (text, &date))
    return FALSE;
  anpai_date_format_iso (&date, iso);
  return TRUE;
}

/* How a Gantt chart is drawn, beyond what a table has. */
typedef struct {
  gboolean  by_unit;        /* --group-by unit */
  int       color_by_unit;  /* --color-by: -1 as the grouping */
  int       zoom;           /* AnpaiTimelineZoom */
  int       pages_across;
  int       width;          /* of the PNG, in pixels; 0: at the zoom's scale */
} ChartOptions;

/* The Gantt chart: the plan's period unless --from/--to say otherwise. */
static int
export_timeline (AnpaiProject             *project,
                 gboolean                  png,
                 const AnpaiExportOptions *options,
                 const ChartOptions       *chart,
                 const char               *out)
{
  AnpaiTimelineOptions timeline_options = ANPAI_TIMELINE_OPTIONS_INIT;
  g_autoptr(AnpaiTimeline) timeline = NULL;
  gboolean color_by_unit = chart->color_by_unit >= 0 ? chart->color_by_unit : chart->by_unit;
  GError *error = NULL;

  timeline_options.from = options->due_from;
  timeline_options.to = options->due_to;
  timeline_options.unit_id = options->unit_id;
  timeline_options.statuses = options->statuses;
  timeline_options.zoom = (AnpaiTimelineZoom) chart->zoom;
  timeline_options.group_by = chart->by_unit ? ANPAI_TIMELINE_GROUP_BY_UNIT : ANPAI_TIMELINE_GROUP_BY_OUTLINE;
  timeline_options.color_by = color_by_unit ? ANPAI_TIMELINE_COLOR_BY_UNIT : ANPAI_TIMELINE_COLOR_BY_STATUS;
  timeline = anpai_timeline_new (project, options->plan_id, &timeline_options, &error);
  if (timeline == NULL)
    return anpai_tool_fail (error);
  if (png ? !anpai_timeline_export_png (timeline, chart->width, out, &error)
          : !anpai_timeline_export_pdf (timeline, options->paper, (guint) chart->pages_across, out, &error))
    return anpai_tool_fail (error);
  return 0;
}

static gboolean
parse_zoom (const char *name,
            int        *zoom)
{
  static const char * const names[] = { "year", "quarter", "month", "week" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *zoom = (int) i;
        return TRUE;
      }
  return FALSE;
}

int
anpai_tool_export (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *color_by = NULL;
  g_autofree char *zoom = NULL;
  g_auto(GStrv) statuses = NULL;
  ChartOptions chart = { FALSE, -1, ANPAI_TIMELINE_ZOOM_MONTH, 1, 0 };
  gint64 plan_id = 0;
  gboolean with_status = FALSE, gb18030 = FALSE, per_unit = FALSE;
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  AnpaiExportFormat format = ANPAI_EXPORT_CSV;
  gboolean timeline = FALSE, png = FALSE;
  char from_iso[ANPAI_DATE_ISO_LEN], to_iso[ANPAI_DATE_ISO_LEN];
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("csv, xlsx, docx, pdf-table, ics, mspdi, pdf-timeline or png-timeline"), "FORMAT" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), "FILE" },
    { "plan", 0, 0, G_OPTION_ARG_INT64, &plan_id, N_("Only this plan (its id in the dump)"), "ID" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only this unit’s tasks, with its role"), "NAME" },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statuses,
      N_("Only tasks in this status (repeatable)"), "STATUS" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only tasks due on or after; a timeline’s first day"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only tasks due on or before; a timeline’s last day"), "DATE" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("A4 (default) or A3, landscape"), "SIZE" },
    { "with-status", 0, 0, G_OPTION_ARG_NONE, &with_status, N_("Add the status and progress columns"), NULL },
    { "per-unit", 0, 0, G_OPTION_ARG_NONE, &per_unit, N_("One list per unit"), NULL },
    { "gb18030", 0, 0, G_OPTION_ARG_NONE, &gb18030, N_("CSV in GB18030 instead of UTF-8"), NULL },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by,
      N_("Timeline rows by outline (default) or by lead unit"), "outline|unit" },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &color_by,
      N_("Timeline bars coloured by status or by lead unit (as the grouping by default)"), "status|unit" },
    { "zoom", 0, 0, G_OPTION_ARG_STRING, &zoom,
      N_("Timeline scale: year, quarter, month (default) or week"), "ZOOM" },
    { "pages-across", 0, 0, G_OPTION_ARG_INT, &chart.pages_across,
      N_("Timeline pages side by side, 1 (default) to 12"), "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &chart.width,
      N_("Timeline image width in pixels (default: as the scale needs)"), "PIXELS" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!anpai_tool_parse (context, &argc, &argv))
    return 1;
  if (argc != 2)
    {
      anpai_tool_error (_("Expected one argument: %s"), "PROJECT.anpai");
      return 1;
    }
  if (format_name == NULL || out == NULL)
    {
      anpai_tool_error ("%s", _("Say what to write with --format FORMAT --out FILE."));
      return 1;
    }
  timeline = g_str_equal (format_name, "pdf-timeline") || g_str_equal (format_name, "png-timeline");
  png = g_str_equal (format_name, "png-timeline");
  if (!timeline && !anpai_export_format_from_string (format_name, &format))
    {
      anpai_tool_error (_("“%s” is not a format: use csv, xlsx, docx, pdf-table, ics, mspdi, pdf-timeline or png-timeline."),
                        format_name);
      return 1;
    }
  if (group_by != NULL && !g_str_equal (group_by, "outline") && !g_str_equal (group_by, "unit"))
    {
      anpai_tool_error (_("“%s” is not a grouping: use outline or unit."), group_by);
      return 1;
    }
  chart.by_unit = g_strcmp0 (group_by, "unit") == 0;
  if (color_by != NULL && !g_str_equal (color_by, "status") && !g_str_equal (color_by, "unit"))
    {
      anpai_tool_error (_("“%s” is not a colouring: use status or unit."), color_by);
      return 1;
    }
  if (color_by != NULL)
    chart.color_by_unit = g_str_equal (color_by, "unit");
  if (zoom != NULL && !parse_zoom (zoom, &chart.zoom))
    {
      anpai_tool_error (_("“%s” is not a scale: use year, quarter, month or week."), zoom);
      return 1;
    }
  if (chart.pages_across < 1 || chart.pages_across > 12)
    {
      anpai_tool_error (_("“%d” pages across: use 1 to 12."), chart.pages_across);
      return 1;
    }
  if (chart.width < 0 || chart.width > 32767)
    {
      anpai_tool_error (_("“%d” is not an image width: use 1 to 32767 pixels."), chart.width);
      return 1;
    }
  for (guint i = 0; statuses != NULL && statuses[i] != NULL; i++)
    if (!parse_status (statuses[i], &options.statuses))
      {
        anpai_tool_error (_("“%s” is not a status: use not-started, in-progress, done, suspended or cancelled."),
                          statuses[i]);
        return 1;
      }
  if ((from != NULL && !parse_date (from, from_iso)) || (to != NULL && !parse_date (to, to_iso)))
    {
      anpai_tool_error (_("“%s” is not a date (YYYY-MM-DD)."), from != NULL && !parse_date (from, from_iso) ? from : to);
      return 1;
    }
  options.due_from = from != NULL ? from_iso : NULL;
  options.due_to = to != NULL ? to_iso : NULL;
  if (paper != NULL && g_ascii_strcasecmp (paper, "A4") != 0 && g_ascii_strcasecmp (paper, "A3") != 0)
    {
      anpai_tool_error (_("“%s” is not a paper size: use A4 or A3."), paper);
      return 1;
    }
  options.paper = paper != NULL && g_ascii_strcasecmp (paper, "A3") == 0 ? ANPAI_PAPER_A3 : ANPAI_PAPER_A4;
  options.plan_id = plan_id;
  options.with_status = with_status;
  options.gb18030 = gb18030;
  options.per_unit = per_unit;

  project = anpai_project_open (argv[1], ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    return anpai_tool_fail (error);
  if (unit != NULL && (options.unit_id = anpai_project_find_unit (project, unit)) == 0)
    {
      anpai_tool_error (_("There is no unit “%s” in this project."), unit);
      return 1;
    }
  if (timeline)
    return export_timeline (project, png, &options, &chart, out);
  if (!anpai_export_write (project, format, &options, out, &error))
    return anpai_tool_fail (error);
  return 0;
}
