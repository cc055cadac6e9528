/* anpai-timeline-scale.c — the timeline's time scale and recurrences
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiTimeline"


#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "anpai-timeline.h"

/* Pure date arithmetic, no cairo: the tests check it directly. The labels
 * are English in the source; the translations give 2024年, 第一季度, 1月,
 * 第3周. */

/* The scale at each zoom: a month stays wide enough for "12月" at 9pt. */
double
anpai_timeline_zoom_pixels_per_day (AnpaiTimelineZoom zoom)
{
  switch (zoom)
    {
    case ANPAI_TIMELINE_ZOOM_YEAR:
      return 0.75;
    case ANPAI_TIMELINE_ZOOM_QUARTER:
      return 2.0;
    case ANPAI_TIMELINE_ZOOM_MONTH:
      return 4.0;
    case ANPAI_TIMELINE_ZOOM_WEEK:
      return 14.0;
    default:
      g_return_val_if_reached (4.0);
    }
}

typedef enum { UNIT_YEAR, UNIT_QUARTER, UNIT_MONTH, UNIT_WEEK } Unit;

static const char *
quarter_name (int quarter)
{
  static const char * const names[] = {
    /* Translators: the quarters of a year in the timeline's scale: 第一季度 … */
    NC_("timeline quarter", "Q1"), NC_("timeline quarter", "Q2"),
    NC_("timeline quarter", "Q3"), NC_("timeline quarter", "Q4"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "timeline quarter", names[(quarter - 1) & 3]);
}

static const char *
month_name (int month)
{
  static const char * const names[] = {
    /* Translators: months in the timeline's scale, short: 1月 … 12月 */
    NC_("timeline month", "Jan"), NC_("timeline month", "Feb"), NC_("timeline month", "Mar"),
    NC_("timeline month", "Apr"), NC_("timeline month", "May"), NC_("timeline month", "Jun"),
    NC_("timeline month", "Jul"), NC_("timeline month", "Aug"), NC_("timeline month", "Sep"),
    NC_("timeline month", "Oct"), NC_("timeline month", "Nov"), NC_("timeline month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "timeline month", names[CLAMP (month, 1, 12) - 1]);
}

/* The start of the @unit that @date falls in. */
static void
unit_start (Unit         unit,
            const GDate *date,
            GDate       *start)
{
  int year = g_date_get_year (date), month = g_date_get_month (date);

  switch (unit)
    {
    case UNIT_YEAR:
      g_date_set_dmy (start, 1, 1, year);
      break;
    case UNIT_QUARTER:
      g_date_set_dmy (start, 1, (month - 1) / 3 * 3 + 1, year);
      break;
    case UNIT_MONTH:
      g_date_set_dmy (start, 1, month, year);
      break;
    case UNIT_WEEK:
      /* weeks begin on Monday, as in China */
      *start = *date;
      g_date_subtract_days (start, g_date_get_weekday (date) - G_DATE_MONDAY);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
unit_next (Unit   unit,
           GDate *date)
{
  switch (unit)
    {
    case UNIT_YEAR:
      g_date_add_years (date, 1);
      break;
    case UNIT_QUARTER:
      g_date_add_months (date, 3);
      break;
    case UNIT_MONTH:
      g_date_add_months (date, 1);
      break;
    case UNIT_WEEK:
      g_date_add_days (date, 7);
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
unit_label (Unit         unit,
            gboolean     with_year,
            const GDate *start)
{
  int year = g_date_get_year (start), month = g_date_get_month (start);

  switch (unit)
    {
    case UNIT_YEAR:
      /* Translators: a year in the timeline's scale: 2024年 */
      return g_strdup_printf (C_("timeline year", "%d"), year);
    case UNIT_QUARTER:
      if (with_year)
        /* Translators: a quarter in the timeline's upper band: the year, then
         * the quarter's name (Q1): 2024年第一季度 */
        return g_strdup_printf (C_("timeline quarter of a year", "%d %s"), year,
                                quarter_name ((month - 1) / 3 + 1));
      return g_strdup (quarter_name ((month - 1) / 3 + 1));
    case UNIT_MONTH:
      if (with_year)
        /* Translators: a month in the timeline's upper band: the month's
         * name (Jan), then the year: 2024年1月 (%2$d年%1$s) */
        return g_strdup_printf (C_("timeline month of a year", "%s %d"), month_name (month), year);
      return g_strdup (month_name (month));
    case UNIT_WEEK:
      /* Translators: a week of the year (ISO 8601) in the timeline's scale: 第3周 */
      return g_strdup_printf (C_("timeline week", "W%u"), g_date_get_iso8601_week_of_year (start));
    default:
      g_assert_not_reached ();
    }
}

void
anpai_timeline_tick_free (AnpaiTimelineTick *tick)
{
  if (tick == NULL)
    return;
  g_free (tick->label);
  g_free (tick);
}

GPtrArray *
anpai_timeline_scale_ticks (AnpaiTimelineZoom  zoom,
                            AnpaiTimelineBand  band,
                            const GDate       *from,
                            const GDate       *to)
{
  static const Unit units[][2] = {
    [ANPAI_TIMELINE_ZOOM_YEAR] = { UNIT_YEAR, UNIT_QUARTER },
    [ANPAI_TIMELINE_ZOOM_QUARTER] = { UNIT_YEAR, UNIT_MONTH },
    [ANPAI_TIMELINE_ZOOM_MONTH] = { UNIT_QUARTER, UNIT_MONTH },
    [ANPAI_TIMELINE_ZOOM_WEEK] = { UNIT_MONTH, UNIT_WEEK },
  };
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) anpai_timeline_tick_free);
  Unit unit;
  GDate start, end;

  g_return_val_if_fail (zoom <= ANPAI_TIMELINE_ZOOM_WEEK, ticks);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), ticks);

  unit = units[zoom][band == ANPAI_TIMELINE_BAND_UPPER ? 0 : 1];
  end = *to;
  g_date_add_days (&end, 1);
  unit_start (unit, from, &start);
  while (g_date_compare (&start, &end) < 0)
    {
      AnpaiTimelineTick *tick = g_new0 (AnpaiTimelineTick, 1);
      GDate next = start;

      unit_next (unit, &next);
      tick->start = g_date_compare (&start, from) < 0 ? *from : start;
      tick->end = g_date_compare (&next, &end) > 0 ? end : next;
      /* the upper band names the year unless it is the year */
      tick->label = unit_label (unit, band == ANPAI_TIMELINE_BAND_UPPER, &start);
      g_ptr_array_add (ticks, tick);
      start = next;
    }
  return ticks;
}

GArray *
anpai_timeline_expand_rrule (const char  *rrule,
                             const GDate *start,
                             const GDate *end)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  struct icalrecurrencetype recur;
  /* a DATE value: icaltime_null_date () leaves the time fields at -1,
   * and libical 3.0 then walks rules wrongly, or never returns */
  struct icaltimetype dtstart = icaltime_null_time ();
  icalrecur_iterator *iter;

  if (rrule == NULL || !g_date_valid (start) || !g_date_valid (end) || g_date_compare (start, end) > 0)
    return days;
  recur = icalrecurrencetype_from_string (rrule);
  icalerror_clear_errno ();
  if (recur.freq == ICAL_NO_RECURRENCE)
    return days;
  /* @start anchors INTERVAL; it is a mark only if the rule falls on it */
  dtstart.is_date = 1;
  dtstart.year = g_date_get_year (start);
  dtstart.month = g_date_get_month (start);
  dtstart.day = g_date_get_day (start);
  iter = icalrecur_iterator_new (recur, dtstart);
  /* a daily rule over five years is still a readable number of marks */
  for (guint n = 0; iter != NULL && n < 2000; n++)
    {
      struct icaltimetype next = icalrecur_iterator_next (iter);
      GDate day;

      if (icaltime_is_null_time (next) || !g_date_valid_dmy (next.day, next.month, next.year))
        break;
      g_date_set_dmy (&day, next.day, next.month, next.year);
      if (g_date_compare (&day, end) > 0)
        break;
      /* a rule finer than a day (HOURLY) gives each day many times */
      if (days->len > 0 && g_date_compare (&day, &g_array_index (days, GDate, days->len - 1)) <= 0)
        continue;
      g_array_append_val (days, day);
    }
  g_clear_pointer (&iter, icalrecur_iterator_free);
  return days;
}
