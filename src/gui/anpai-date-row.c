/* anpai-date-row.c — an entry row for one calendar date
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-date-row.h"
#include "anpai-date.h"

/* Typing is fastest for people copying dates from a document (2026年3月1日
 * and 2026/3/1 both work); the calendar is there for picking a day. The row
 * shows dates as ISO 8601, the way they are stored and exported. */

struct _AnpaiDateRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *menu_button;
  GtkCalendar *calendar;
  char        *date;      /* ISO or "" */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (AnpaiDateRow, anpai_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

enum {
  DATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_date (AnpaiDateRow *self)
{
  GDate date;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), self->date);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (anpai_date_parse_iso (self->date, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                      g_date_get_month (&date),
                                                      g_date_get_day (&date), 0, 0, 0);

      gtk_calendar_select_day (self->calendar, dt);
    }
  self->updating = FALSE;
}

/* The user settled on @iso ("" to clear): tell the owner, who stores it. */
static void
commit (AnpaiDateRow *self,
        const char   *iso)
{
  if (g_strcmp0 (self->date, iso) == 0)
    {
      show_date (self);
      return;
    }
  g_signal_emit (self, signals[DATE_CHANGED], 0, iso);
}

static void
apply_cb (AnpaiDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char iso[ANPAI_DATE_ISO_LEN];
  GDate date;

  if (*trimmed == '\0')
    {
      commit (self, "");
      return;
    }
  if (!anpai_date_parse_loose (trimmed, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  anpai_date_format_iso (&date, iso);
  commit (self, iso);
}

static void
changed_cb (AnpaiDateRow *self)
{
  GDate date;
  const char *text;

  if (self->updating)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self));
  if (*text == '\0' || anpai_date_parse_loose (text, &date))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
day_selected_cb (AnpaiDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  char iso[ANPAI_DATE_ISO_LEN];
  GDate date;

  if (self->updating)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  anpai_date_set_ymd (&date, g_date_time_get_year (dt), g_date_time_get_month (dt),
                      g_date_time_get_day_of_month (dt));
  anpai_date_format_iso (&date, iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  commit (self, iso);
}

static void
clear_clicked_cb (AnpaiDateRow *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  commit (self, "");
}

static void
anpai_date_row_finalize (GObject *object)
{
  AnpaiDateRow *self = ANPAI_DATE_ROW (object);

  g_free (self->date);

  G_OBJECT_CLASS (anpai_date_row_parent_class)->finalize (object);
}

static void
anpai_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnpaiDateRow *self = ANPAI_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnpaiDateRow *self = ANPAI_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      anpai_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_date_row_class_init (AnpaiDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anpai_date_row_finalize;
  object_class->get_property = anpai_date_row_get_property;
  object_class->set_property = anpai_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnpaiDateRow::date-changed:
   * @iso_date: the date the user chose, or "" to clear it
   *
   * The row shows the new date only once the owner sets it, so a date the
   * project refuses never looks stored.
   */
  signals[DATE_CHANGED] =
    g_signal_new ("date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anpai_date_row_init (AnpaiDateRow *self)
{
  GtkWidget *box, *popover, *clear;

  self->date = g_strdup ("");

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  clear = gtk_button_new_with_mnemonic (_("_Clear Date"));
  gtk_widget_add_css_class (clear, "flat");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), clear);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->menu_button);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);

  g_signal_connect (self, "apply", G_CALLBACK (apply_cb), NULL);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
}

GtkWidget *
anpai_date_row_new (void)
{
  return g_object_new (ANPAI_TYPE_DATE_ROW, NULL);
}

const char *
anpai_date_row_get_date (AnpaiDateRow *self)
{
  g_return_val_if_fail (ANPAI_IS_DATE_ROW (self), NULL);
  return self->date;
}

void
anpai_date_row_set_date (AnpaiDateRow *self,
                         const char   *iso_date)
{
  g_return_if_fail (ANPAI_IS_DATE_ROW (self));

  if (iso_date == NULL)
    iso_date = "";
  if (g_strcmp0 (self->date, iso_date) != 0)
    {
      g_free (self->date);
      self->date = g_strdup (iso_date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  show_date (self);
}
