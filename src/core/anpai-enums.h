/* anpai-enums.h — kinds, statuses and roles, with their file-format names
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value is its name in the project file and the JSON dump. */

typedef enum {
  ANPAI_PLAN_KIND_ANNUAL,            /* annual */
  ANPAI_PLAN_KIND_MULTI_YEAR,        /* multi-year */
  ANPAI_PLAN_KIND_ACTION_PLAN,       /* action-plan */
  ANPAI_PLAN_KIND_INDICATOR_SYSTEM,  /* indicator-system */
} AnpaiPlanKind;

typedef enum {
  ANPAI_NODE_KIND_SECTION,
  ANPAI_NODE_KIND_TASK,
  ANPAI_NODE_KIND_TEXT,
} AnpaiNodeKind;

typedef enum {
  ANPAI_STATUS_NOT_STARTED,
  ANPAI_STATUS_IN_PROGRESS,
  ANPAI_STATUS_DONE,
  ANPAI_STATUS_SUSPENDED,
  ANPAI_STATUS_CANCELLED,
} AnpaiStatus;

typedef enum {
  ANPAI_UNIT_KIND_DEPARTMENT,
  ANPAI_UNIT_KIND_GOVERNMENT,
  ANPAI_UNIT_KIND_COLLECTIVE,  /* 各县区人民政府, 市政府各部门 */
  ANPAI_UNIT_KIND_COURT,       /* courts and procuratorates */
  ANPAI_UNIT_KIND_PARTY,       /* party organs: 市委编办, 市委政法委 */
  ANPAI_UNIT_KIND_OTHER,
} AnpaiUnitKind;

typedef enum {
  ANPAI_ROLE_LEAD,     /* 牵头单位 */
  ANPAI_ROLE_CO,       /* co-responsible: the other 责任单位 */
  ANPAI_ROLE_SUPPORT,  /* 配合单位 */
} AnpaiRole;

#define ANPAI_TYPE_PLAN_KIND (anpai_plan_kind_get_type ())
#define ANPAI_TYPE_NODE_KIND (anpai_node_kind_get_type ())
#define ANPAI_TYPE_STATUS    (anpai_status_get_type ())
#define ANPAI_TYPE_UNIT_KIND (anpai_unit_kind_get_type ())
#define ANPAI_TYPE_ROLE      (anpai_role_get_type ())

GType        anpai_plan_kind_get_type (void) G_GNUC_CONST;
GType        anpai_node_kind_get_type (void) G_GNUC_CONST;
GType        anpai_status_get_type    (void) G_GNUC_CONST;
GType        anpai_unit_kind_get_type (void) G_GNUC_CONST;
GType        anpai_role_get_type      (void) G_GNUC_CONST;

const char  *anpai_enum_to_string     (GType        enum_type,
                                       int          value);
gboolean     anpai_enum_from_string   (GType        enum_type,
                                       const char  *str,
                                       int         *value);

const char  *anpai_plan_kind_get_label (AnpaiPlanKind kind);
const char  *anpai_node_kind_get_label (AnpaiNodeKind kind);
const char  *anpai_status_get_label    (AnpaiStatus   status);
const char  *anpai_unit_kind_get_label (AnpaiUnitKind kind);
const char  *anpai_role_get_label      (AnpaiRole     role);

G_END_DECLS
