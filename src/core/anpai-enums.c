/* anpai-enums.c — kinds, statuses and roles, with their file-format names
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "anpai-enums.h"

#define DEFINE_ENUM(TypeName, type_name, ...)                                   \
  GType                                                                         \
  type_name##_get_type (void)                                                   \
  {                                                                             \
    static gsize type_id = 0;                                                   \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };      \
    if (g_once_init_enter (&type_id))                                           \
      g_once_init_leave (&type_id, g_enum_register_static (#TypeName, values)); \
    return type_id;                                                             \
  }

DEFINE_ENUM (AnpaiPlanKind, anpai_plan_kind,
             { ANPAI_PLAN_KIND_ANNUAL, "ANPAI_PLAN_KIND_ANNUAL", "annual" },
             { ANPAI_PLAN_KIND_MULTI_YEAR, "ANPAI_PLAN_KIND_MULTI_YEAR", "multi-year" },
             { ANPAI_PLAN_KIND_ACTION_PLAN, "ANPAI_PLAN_KIND_ACTION_PLAN", "action-plan" },
             { ANPAI_PLAN_KIND_INDICATOR_SYSTEM, "ANPAI_PLAN_KIND_INDICATOR_SYSTEM", "indicator-system" })

DEFINE_ENUM (AnpaiNodeKind, anpai_node_kind,
             { ANPAI_NODE_KIND_SECTION, "ANPAI_NODE_KIND_SECTION", "section" },
             { ANPAI_NODE_KIND_TASK, "ANPAI_NODE_KIND_TASK", "task" },
             { ANPAI_NODE_KIND_TEXT, "ANPAI_NODE_KIND_TEXT", "text" })

DEFINE_ENUM (AnpaiStatus, anpai_status,
             { ANPAI_STATUS_NOT_STARTED, "ANPAI_STATUS_NOT_STARTED", "not-started" },
             { ANPAI_STATUS_IN_PROGRESS, "ANPAI_STATUS_IN_PROGRESS", "in-progress" },
             { ANPAI_STATUS_DONE, "ANPAI_STATUS_DONE", "done" },
             { ANPAI_STATUS_SUSPENDED, "ANPAI_STATUS_SUSPENDED", "suspended" },
             { ANPAI_STATUS_CANCELLED, "ANPAI_STATUS_CANCELLED", "cancelled" })

DEFINE_ENUM (AnpaiUnitKind, anpai_unit_kind,
             { ANPAI_UNIT_KIND_DEPARTMENT, "ANPAI_UNIT_KIND_DEPARTMENT", "department" },
             { ANPAI_UNIT_KIND_GOVERNMENT, "ANPAI_UNIT_KIND_GOVERNMENT", "government" },
             { ANPAI_UNIT_KIND_COLLECTIVE, "ANPAI_UNIT_KIND_COLLECTIVE", "collective" },
             { ANPAI_UNIT_KIND_COURT, "ANPAI_UNIT_KIND_COURT", "court" },
             { ANPAI_UNIT_KIND_PARTY, "ANPAI_UNIT_KIND_PARTY", "party" },
             { ANPAI_UNIT_KIND_OTHER, "ANPAI_UNIT_KIND_OTHER", "other" })

DEFINE_ENUM (AnpaiRole, anpai_role,
             { ANPAI_ROLE_LEAD, "ANPAI_ROLE_LEAD", "lead" },
             { ANPAI_ROLE_CO, "ANPAI_ROLE_CO", "co" },
             { ANPAI_ROLE_SUPPORT, "ANPAI_ROLE_SUPPORT", "support" })

/* Returns the nick, or "" for a value outside the enum. */
const char *
anpai_enum_to_string (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : "";
}

gboolean
anpai_enum_from_string (GType       enum_type,
                        const char *str,
                        int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (str == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, str);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

const char *
anpai_plan_kind_get_label (AnpaiPlanKind kind)
{
  switch (kind)
    {
    case ANPAI_PLAN_KIND_ANNUAL:
      return _("Annual arrangement");
    case ANPAI_PLAN_KIND_MULTI_YEAR:
      return _("Multi-year outline");
    case ANPAI_PLAN_KIND_ACTION_PLAN:
      return _("Action plan");
    case ANPAI_PLAN_KIND_INDICATOR_SYSTEM:
      return _("Indicator system");
    default:
      return "";
    }
}

const char *
anpai_node_kind_get_label (AnpaiNodeKind kind)
{
  switch (kind)
    {
    case ANPAI_NODE_KIND_SECTION:
      return _("Section");
    case ANPAI_NODE_KIND_TASK:
      return _("Task");
    case ANPAI_NODE_KIND_TEXT:
      return _("Text");
    default:
      return "";
    }
}

const char *
anpai_status_get_label (AnpaiStatus status)
{
  switch (status)
    {
    case ANPAI_STATUS_NOT_STARTED:
      return _("Not started");
    case ANPAI_STATUS_IN_PROGRESS:
      return _("In progress");
    case ANPAI_STATUS_DONE:
      return _("Done");
    case ANPAI_STATUS_SUSPENDED:
      return _("Suspended");
    case ANPAI_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

const char *
anpai_unit_kind_get_label (AnpaiUnitKind kind)
{
  switch (kind)
    {
    case ANPAI_UNIT_KIND_DEPARTMENT:
      return _("Department");
    case ANPAI_UNIT_KIND_GOVERNMENT:
      return _("Government");
    /* Translators: a group of units named together, such as "all county governments" */
    case ANPAI_UNIT_KIND_COLLECTIVE:
      return _("Collective");
    case ANPAI_UNIT_KIND_COURT:
      return _("Court or procuratorate");
    case ANPAI_UNIT_KIND_PARTY:
      return _("Party organ");
    case ANPAI_UNIT_KIND_OTHER:
      return _("Other");
    default:
      return "";
    }
}

const char *
anpai_role_get_label (AnpaiRole role)
{
  switch (role)
    {
    case ANPAI_ROLE_LEAD:
      return _("Lead");
    case ANPAI_ROLE_CO:
      return _("Co-responsible");
    case ANPAI_ROLE_SUPPORT:
      return _("Supporting");
    default:
      return "";
    }
}
