/* anpai-node.c — one node of a plan's outline
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-node.h"

/* Like AnpaiPlan, a snapshot of one row: edit a copy and give it to the
 * project, which updates the live objects after the commit. */

struct _AnpaiNode
{
  GObject         parent_instance;

  gint64          id;
  gint64          plan_id;
  gint64          parent_id;      /* 0 at the top of the outline */
  int             position;
  AnpaiNodeKind   kind;
  char           *label;
  char           *title;
  char           *body;
  AnpaiTimeSpec  *time;           /* never NULL */
  gboolean        rescheduled;
  AnpaiStatus     status;
  int             progress;
  int             source_start;   /* offsets in the plan's source text, -1 if none */
  int             source_end;
};

G_DEFINE_FINAL_TYPE (AnpaiNode, anpai_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN_ID,
  PROP_PARENT_ID,
  PROP_POSITION,
  PROP_KIND,
  PROP_LABEL,
  PROP_TITLE,
  PROP_BODY,
  PROP_TIME,
  PROP_RESCHEDULED,
  PROP_STATUS,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (AnpaiNode   *self,
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
set_int64 (AnpaiNode *self,
           gint64    *field,
           gint64     value,
           int        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
anpai_node_finalize (GObject *object)
{
  AnpaiNode *self = ANPAI_NODE (object);

  g_free (self->label);
  g_free (self->title);
  g_free (self->body);
  anpai_time_spec_free (self->time);

  G_OBJECT_CLASS (anpai_node_parent_class)->finalize (object);
}

static void
anpai_node_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AnpaiNode *self = ANPAI_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_RESCHEDULED:
      g_value_set_boolean (value, self->rescheduled);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PROGRESS:
      g_value_set_int (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_node_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AnpaiNode *self = ANPAI_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      anpai_node_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_LABEL:
      anpai_node_set_label (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      anpai_node_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      anpai_node_set_body (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      anpai_node_set_time (self, g_value_get_boxed (value));
      break;
    case PROP_RESCHEDULED:
      anpai_node_set_rescheduled (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      anpai_node_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PROGRESS:
      anpai_node_set_progress (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_node_class_init (AnpaiNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = anpai_node_finalize;
  object_class->get_property = anpai_node_get_property;
  object_class->set_property = anpai_node_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PLAN_ID] = g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ANPAI_TYPE_NODE_KIND, ANPAI_NODE_KIND_TASK, rw);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, ANPAI_TYPE_TIME_SPEC, rw);
  properties[PROP_RESCHEDULED] = g_param_spec_boolean ("rescheduled", NULL, NULL, FALSE, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ANPAI_TYPE_STATUS, ANPAI_STATUS_NOT_STARTED, rw);
  properties[PROP_PROGRESS] = g_param_spec_int ("progress", NULL, NULL, 0, 100, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anpai_node_init (AnpaiNode *self)
{
  self->kind = ANPAI_NODE_KIND_TASK;
  self->label = g_strdup ("");
  self->title = g_strdup ("");
  self->body = g_strdup ("");
  self->time = anpai_time_spec_new ();
  self->source_start = -1;
  self->source_end = -1;
}

AnpaiNode *
anpai_node_new (AnpaiNodeKind kind)
{
  return g_object_new (ANPAI_TYPE_NODE, "kind", kind, NULL);
}

AnpaiNode *
anpai_node_copy (AnpaiNode *self)
{
  AnpaiNode *copy;

  g_return_val_if_fail (ANPAI_IS_NODE (self), NULL);

  copy = anpai_node_new (self->kind);
  anpai_node_assign (copy, self);
  return copy;
}

/* Makes @self hold @from's values, notifying only what changes. */
void
anpai_node_assign (AnpaiNode *self,
                   AnpaiNode *from)
{
  g_return_if_fail (ANPAI_IS_NODE (self));
  g_return_if_fail (ANPAI_IS_NODE (from));

  g_object_freeze_notify (G_OBJECT (self));
  _anpai_node_set_place (self, from->id, from->plan_id, from->parent_id, from->position);
  anpai_node_set_kind (self, from->kind);
  anpai_node_set_label (self, from->label);
  anpai_node_set_title (self, from->title);
  anpai_node_set_body (self, from->body);
  anpai_node_set_time (self, from->time);
  anpai_node_set_rescheduled (self, from->rescheduled);
  anpai_node_set_status (self, from->status);
  anpai_node_set_progress (self, from->progress);
  self->source_start = from->source_start;
  self->source_end = from->source_end;
  g_object_thaw_notify (G_OBJECT (self));
}

void
_anpai_node_set_place (AnpaiNode *self,
                       gint64     id,
                       gint64     plan_id,
                       gint64     parent_id,
                       int        position)
{
  gint64 pos64 = self->position;

  set_int64 (self, &self->id, id, PROP_ID);
  set_int64 (self, &self->plan_id, plan_id, PROP_PLAN_ID);
  set_int64 (self, &self->parent_id, parent_id, PROP_PARENT_ID);
  if (pos64 != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

void
_anpai_node_get_source (AnpaiNode *self,
                        int       *start,
                        int       *end)
{
  *start = self->source_start;
  *end = self->source_end;
}

void
_anpai_node_set_source (AnpaiNode *self,
                        int        start,
                        int        end)
{
  self->source_start = start;
  self->source_end = end;
}

gint64
anpai_node_get_id (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), 0);
  return self->id;
}

gint64
anpai_node_get_plan_id (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), 0);
  return self->plan_id;
}

gint64
anpai_node_get_parent_id (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), 0);
  return self->parent_id;
}

int
anpai_node_get_position (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), 0);
  return self->position;
}

AnpaiNodeKind
anpai_node_get_kind (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), ANPAI_NODE_KIND_TASK);
  return self->kind;
}

void
anpai_node_set_kind (AnpaiNode     *self,
                     AnpaiNodeKind  kind)
{
  g_return_if_fail (ANPAI_IS_NODE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
anpai_node_get_label (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), NULL);
  return self->label;
}

void
anpai_node_set_label (AnpaiNode  *self,
                      const char *label)
{
  g_return_if_fail (ANPAI_IS_NODE (self));
  set_string (self, &self->label, label, PROP_LABEL);
}

const char *
anpai_node_get_title (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), NULL);
  return self->title;
}

void
anpai_node_set_title (AnpaiNode  *self,
                      const char *title)
{
  g_return_if_fail (ANPAI_IS_NODE (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
anpai_node_get_body (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), NULL);
  return self->body;
}

void
anpai_node_set_body (AnpaiNode  *self,
                     const char *body)
{
  g_return_if_fail (ANPAI_IS_NODE (self));
  set_string (self, &self->body, body, PROP_BODY);
}

const AnpaiTimeSpec *
anpai_node_get_time (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), NULL);
  return self->time;
}

/* NULL clears the time requirement. */
void
anpai_node_set_time (AnpaiNode           *self,
                     const AnpaiTimeSpec *time)
{
  g_autoptr(AnpaiTimeSpec) empty = NULL;

  g_return_if_fail (ANPAI_IS_NODE (self));

  if (time == NULL)
    time = empty = anpai_time_spec_new ();
  if (anpai_time_spec_equal (self->time, time))
    return;
  anpai_time_spec_free (self->time);
  self->time = anpai_time_spec_copy (time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

gboolean
anpai_node_get_rescheduled (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), FALSE);
  return self->rescheduled;
}

void
anpai_node_set_rescheduled (AnpaiNode *self,
                            gboolean   rescheduled)
{
  g_return_if_fail (ANPAI_IS_NODE (self));

  rescheduled = !!rescheduled;
  if (self->rescheduled == rescheduled)
    return;
  self->rescheduled = rescheduled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESCHEDULED]);
}

AnpaiStatus
anpai_node_get_status (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), ANPAI_STATUS_NOT_STARTED);
  return self->status;
}

void
anpai_node_set_status (AnpaiNode   *self,
                       AnpaiStatus  status)
{
  g_return_if_fail (ANPAI_IS_NODE (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
anpai_node_get_progress (AnpaiNode *self)
{
  g_return_val_if_fail (ANPAI_IS_NODE (self), 0);
  return self->progress;
}

void
anpai_node_set_progress (AnpaiNode *self,
                         int        progress)
{
  g_return_if_fail (ANPAI_IS_NODE (self));

  progress = CLAMP (progress, 0, 100);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}
