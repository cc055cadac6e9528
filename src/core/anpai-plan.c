/* anpai-plan.c — one plan document of a project
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "anpai-date.h"
#include "anpai-plan.h"

/* A plan object is a snapshot of one row. The project keeps one live object
 * per plan and updates it after every committed change, so a view bound to
 * its properties follows edits, undo and redo alike. To edit, copy it, set
 * fields and hand the copy to anpai_project_update_plan(). */

struct _AnpaiPlan
{
  GObject        parent_instance;

  gint64         id;
  char          *title;
  char          *doc_number;
  char          *issuer;
  char          *issued_on;     /* ISO date or "" */
  char          *period_start;
  char          *period_end;
  AnpaiPlanKind  kind;
  gint64         parent_id;     /* 0: implements no other plan */
  int            position;
  gboolean       manual_labels;
};

G_DEFINE_FINAL_TYPE (AnpaiPlan, anpai_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DOC_NUMBER,
  PROP_ISSUER,
  PROP_ISSUED_ON,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_MANUAL_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (AnpaiPlan   *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
anpai_plan_finalize (GObject *object)
{
  AnpaiPlan *self = ANPAI_PLAN (object);

  g_free (self->title);
  g_free (self->doc_number);
  g_free (self->issuer);
  g_free (self->issued_on);
  g_free (self->period_start);
  g_free (self->period_end);

  G_OBJECT_CLASS (anpai_plan_parent_class)->finalize (object);
}

static void
anpai_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AnpaiPlan *self = ANPAI_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DOC_NUMBER:
      g_value_set_string (value, self->doc_number);
      break;
    case PROP_ISSUER:
      g_value_set_string (value, self->issuer);
      break;
    case PROP_ISSUED_ON:
      g_value_set_string (value, self->issued_on);
      break;
    case PROP_PERIOD_START:
      g_value_set_string (value, self->period_start);
      break;
    case PROP_PERIOD_END:
      g_value_set_string (value, self->period_end);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_MANUAL_LABELS:
      g_value_set_boolean (value, self->manual_labels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_plan_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AnpaiPlan *self = ANPAI_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      anpai_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_DOC_NUMBER:
      anpai_plan_set_doc_number (self, g_value_get_string (value));
      break;
    case PROP_ISSUER:
      anpai_plan_set_issuer (self, g_value_get_string (value));
      break;
    case PROP_ISSUED_ON:
      anpai_plan_set_issued_on (self, g_value_get_string (value));
      break;
    case PROP_PERIOD_START:
      anpai_plan_set_period_start (self, g_value_get_string (value));
      break;
    case PROP_PERIOD_END:
      anpai_plan_set_period_end (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      anpai_plan_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PARENT_ID:
      anpai_plan_set_parent_id (self, g_value_get_int64 (value));
      break;
    case PROP_MANUAL_LABELS:
      anpai_plan_set_manual_labels (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_plan_class_init (AnpaiPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = anpai_plan_finalize;
  object_class->get_property = anpai_plan_get_property;
  object_class->set_property = anpai_plan_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DOC_NUMBER] = g_param_spec_string ("doc-number", NULL, NULL, "", rw);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, "", rw);
  properties[PROP_ISSUED_ON] = g_param_spec_string ("issued-on", NULL, NULL, "", rw);
  properties[PROP_PERIOD_START] = g_param_spec_string ("period-start", NULL, NULL, "", rw);
  properties[PROP_PERIOD_END] = g_param_spec_string ("period-end", NULL, NULL, "", rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ANPAI_TYPE_PLAN_KIND, ANPAI_PLAN_KIND_ANNUAL, rw);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MANUAL_LABELS] = g_param_spec_boolean ("manual-labels", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anpai_plan_init (AnpaiPlan *self)
{
  self->title = g_strdup ("");
  self->doc_number = g_strdup ("");
  self->issuer = g_strdup ("");
  self->issued_on = g_strdup ("");
  self->period_start = g_strdup ("");
  self->period_end = g_strdup ("");
}

AnpaiPlan *
anpai_plan_new (void)
{
  return g_object_new (ANPAI_TYPE_PLAN, NULL);
}

/* Copies every field, the id included. */
AnpaiPlan *
anpai_plan_copy (AnpaiPlan *self)
{
  AnpaiPlan *copy;

  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);

  copy = anpai_plan_new ();
  anpai_plan_assign (copy, self);
  return copy;
}

/* Makes @self hold @from's values, notifying only the properties that change. */
void
anpai_plan_assign (AnpaiPlan *self,
                   AnpaiPlan *from)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  g_return_if_fail (ANPAI_IS_PLAN (from));

  g_object_freeze_notify (G_OBJECT (self));
  _anpai_plan_set_id (self, from->id);
  anpai_plan_set_title (self, from->title);
  anpai_plan_set_doc_number (self, from->doc_number);
  anpai_plan_set_issuer (self, from->issuer);
  anpai_plan_set_issued_on (self, from->issued_on);
  anpai_plan_set_period_start (self, from->period_start);
  anpai_plan_set_period_end (self, from->period_end);
  anpai_plan_set_kind (self, from->kind);
  anpai_plan_set_parent_id (self, from->parent_id);
  anpai_plan_set_manual_labels (self, from->manual_labels);
  self->position = from->position;
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
anpai_plan_equal (AnpaiPlan *a,
                  AnpaiPlan *b)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (a), FALSE);
  g_return_val_if_fail (ANPAI_IS_PLAN (b), FALSE);

  return a->id == b->id &&
         g_str_equal (a->title, b->title) &&
         g_str_equal (a->doc_number, b->doc_number) &&
         g_str_equal (a->issuer, b->issuer) &&
         g_str_equal (a->issued_on, b->issued_on) &&
         g_str_equal (a->period_start, b->period_start) &&
         g_str_equal (a->period_end, b->period_end) &&
         a->kind == b->kind &&
         a->parent_id == b->parent_id &&
         a->manual_labels == b->manual_labels &&
         a->position == b->position;
}

gint64
anpai_plan_get_id (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), 0);
  return self->id;
}

void
_anpai_plan_set_id (AnpaiPlan *self,
                    gint64     id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
_anpai_plan_get_position (AnpaiPlan *self)
{
  return self->position;
}

void
_anpai_plan_set_position (AnpaiPlan *self,
                          int        position)
{
  self->position = position;
}

const char *
anpai_plan_get_title (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->title;
}

void
anpai_plan_set_title (AnpaiPlan  *self,
                      const char *title)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
anpai_plan_get_doc_number (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->doc_number;
}

void
anpai_plan_set_doc_number (AnpaiPlan  *self,
                           const char *doc_number)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->doc_number, doc_number, PROP_DOC_NUMBER);
}

const char *
anpai_plan_get_issuer (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->issuer;
}

void
anpai_plan_set_issuer (AnpaiPlan  *self,
                       const char *issuer)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->issuer, issuer, PROP_ISSUER);
}

const char *
anpai_plan_get_issued_on (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->issued_on;
}

void
anpai_plan_set_issued_on (AnpaiPlan  *self,
                          const char *issued_on)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->issued_on, issued_on, PROP_ISSUED_ON);
}

const char *
anpai_plan_get_period_start (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->period_start;
}

void
anpai_plan_set_period_start (AnpaiPlan  *self,
                             const char *period_start)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->period_start, period_start, PROP_PERIOD_START);
}

const char *
anpai_plan_get_period_end (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);
  return self->period_end;
}

void
anpai_plan_set_period_end (AnpaiPlan  *self,
                           const char *period_end)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));
  set_string (self, &self->period_end, period_end, PROP_PERIOD_END);
}

AnpaiPlanKind
anpai_plan_get_kind (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), ANPAI_PLAN_KIND_ANNUAL);
  return self->kind;
}

void
anpai_plan_set_kind (AnpaiPlan     *self,
                     AnpaiPlanKind  kind)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
anpai_plan_get_parent_id (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), 0);
  return self->parent_id;
}

void
anpai_plan_set_parent_id (AnpaiPlan *self,
                          gint64     parent_id)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));

  if (self->parent_id == parent_id)
    return;
  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

gboolean
anpai_plan_get_manual_labels (AnpaiPlan *self)
{
  g_return_val_if_fail (ANPAI_IS_PLAN (self), FALSE);
  return self->manual_labels;
}

void
anpai_plan_set_manual_labels (AnpaiPlan *self,
                              gboolean   manual_labels)
{
  g_return_if_fail (ANPAI_IS_PLAN (self));

  manual_labels = !!manual_labels;
  if (self->manual_labels == manual_labels)
    return;
  self->manual_labels = manual_labels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANUAL_LABELS]);
}

/* "2023–2024", "2018", or "" when the period is not set. */
char *
anpai_plan_dup_period_label (AnpaiPlan *self)
{
  GDate start, end;
  gboolean has_start, has_end;

  g_return_val_if_fail (ANPAI_IS_PLAN (self), NULL);

  has_start = anpai_date_parse_iso (self->period_start, &start);
  has_end = anpai_date_parse_iso (self->period_end, &end);
  if (!has_start && !has_end)
    return g_strdup ("");
  if (has_start && has_end && g_date_get_year (&start) == g_date_get_year (&end))
    return g_strdup_printf ("%u", (guint) g_date_get_year (&start));
  if (has_start && has_end)
    return g_strdup_printf ("%u–%u", (guint) g_date_get_year (&start),
                            (guint) g_date_get_year (&end));
  return g_strdup (has_start ? self->period_start : self->period_end);
}
