/* anpai-unit.c — a responsible unit and its other names
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-unit.h"

struct _AnpaiUnit
{
  GObject        parent_instance;

  gint64         id;
  char          *name;
  AnpaiUnitKind  kind;
  int            sort_order;
  char          *notes;
  GStrv          aliases;   /* other spellings and former names; never NULL */
};

G_DEFINE_FINAL_TYPE (AnpaiUnit, anpai_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_SORT_ORDER,
  PROP_NOTES,
  PROP_ALIASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anpai_unit_finalize (GObject *object)
{
  AnpaiUnit *self = ANPAI_UNIT (object);

  g_free (self->name);
  g_free (self->notes);
  g_strfreev (self->aliases);

  G_OBJECT_CLASS (anpai_unit_parent_class)->finalize (object);
}

static void
anpai_unit_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AnpaiUnit *self = ANPAI_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SORT_ORDER:
      g_value_set_int (value, self->sort_order);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_unit_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AnpaiUnit *self = ANPAI_UNIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      anpai_unit_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      anpai_unit_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SORT_ORDER:
      anpai_unit_set_sort_order (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      anpai_unit_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_unit_class_init (AnpaiUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = anpai_unit_finalize;
  object_class->get_property = anpai_unit_get_property;
  object_class->set_property = anpai_unit_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ANPAI_TYPE_UNIT_KIND, ANPAI_UNIT_KIND_DEPARTMENT, rw);
  properties[PROP_SORT_ORDER] = g_param_spec_int ("sort-order", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anpai_unit_init (AnpaiUnit *self)
{
  self->name = g_strdup ("");
  self->notes = g_strdup ("");
  self->aliases = g_new0 (char *, 1);
}

AnpaiUnit *
anpai_unit_new (const char    *name,
                AnpaiUnitKind  kind)
{
  return g_object_new (ANPAI_TYPE_UNIT, "name", name, "kind", kind, NULL);
}

AnpaiUnit *
anpai_unit_copy (AnpaiUnit *self)
{
  AnpaiUnit *copy;

  g_return_val_if_fail (ANPAI_IS_UNIT (self), NULL);

  copy = anpai_unit_new (self->name, self->kind);
  anpai_unit_assign (copy, self);
  return copy;
}

void
anpai_unit_assign (AnpaiUnit *self,
                   AnpaiUnit *from)
{
  g_return_if_fail (ANPAI_IS_UNIT (self));
  g_return_if_fail (ANPAI_IS_UNIT (from));

  g_object_freeze_notify (G_OBJECT (self));
  _anpai_unit_set_id (self, from->id);
  anpai_unit_set_name (self, from->name);
  anpai_unit_set_kind (self, from->kind);
  anpai_unit_set_sort_order (self, from->sort_order);
  anpai_unit_set_notes (self, from->notes);
  _anpai_unit_set_aliases (self, (const char * const *) from->aliases);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
anpai_unit_get_id (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), 0);
  return self->id;
}

void
_anpai_unit_set_id (AnpaiUnit *self,
                    gint64     id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
anpai_unit_get_name (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), NULL);
  return self->name;
}

void
anpai_unit_set_name (AnpaiUnit  *self,
                     const char *name)
{
  g_return_if_fail (ANPAI_IS_UNIT (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

AnpaiUnitKind
anpai_unit_get_kind (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), ANPAI_UNIT_KIND_OTHER);
  return self->kind;
}

void
anpai_unit_set_kind (AnpaiUnit     *self,
                     AnpaiUnitKind  kind)
{
  g_return_if_fail (ANPAI_IS_UNIT (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
anpai_unit_get_sort_order (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), 0);
  return self->sort_order;
}

void
anpai_unit_set_sort_order (AnpaiUnit *self,
                           int        sort_order)
{
  g_return_if_fail (ANPAI_IS_UNIT (self));

  if (self->sort_order == sort_order)
    return;
  self->sort_order = sort_order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

const char *
anpai_unit_get_notes (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), NULL);
  return self->notes;
}

void
anpai_unit_set_notes (AnpaiUnit  *self,
                      const char *notes)
{
  g_return_if_fail (ANPAI_IS_UNIT (self));

  if (notes == NULL)
    notes = "";
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char * const *
anpai_unit_get_aliases (AnpaiUnit *self)
{
  g_return_val_if_fail (ANPAI_IS_UNIT (self), NULL);
  return (const char * const *) self->aliases;
}

void
_anpai_unit_set_aliases (AnpaiUnit          *self,
                         const char * const *aliases)
{
  static const char * const none[] = { NULL };

  if (aliases == NULL)
    aliases = none;
  if (g_strv_equal ((const char * const *) self->aliases, aliases))
    return;
  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}
