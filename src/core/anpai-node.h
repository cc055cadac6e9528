/* anpai-node.h — one node of a plan's outline: a section, a task or text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "anpai-enums.h"
#include "anpai-time-spec.h"

G_BEGIN_DECLS

#define ANPAI_TYPE_NODE (anpai_node_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiNode, anpai_node, ANPAI, NODE, GObject)

AnpaiNode            *anpai_node_new             (AnpaiNodeKind         kind);
AnpaiNode            *anpai_node_copy            (AnpaiNode            *self);
void                  anpai_node_assign          (AnpaiNode            *self,
                                                  AnpaiNode            *from);

gint64                anpai_node_get_id          (AnpaiNode            *self);
gint64                anpai_node_get_plan_id     (AnpaiNode            *self);
gint64                anpai_node_get_parent_id   (AnpaiNode            *self);
int                   anpai_node_get_position    (AnpaiNode            *self);
AnpaiNodeKind         anpai_node_get_kind        (AnpaiNode            *self);
void                  anpai_node_set_kind        (AnpaiNode            *self,
                                                  AnpaiNodeKind         kind);
const char           *anpai_node_get_label       (AnpaiNode            *self);
void                  anpai_node_set_label       (AnpaiNode            *self,
                                                  const char           *label);
const char           *anpai_node_get_title       (AnpaiNode            *self);
void                  anpai_node_set_title       (AnpaiNode            *self,
                                                  const char           *title);
const char           *anpai_node_get_body        (AnpaiNode            *self);
void                  anpai_node_set_body        (AnpaiNode            *self,
                                                  const char           *body);
const AnpaiTimeSpec  *anpai_node_get_time        (AnpaiNode            *self);
void                  anpai_node_set_time        (AnpaiNode            *self,
                                                  const AnpaiTimeSpec  *time);
gboolean              anpai_node_get_rescheduled (AnpaiNode            *self);
void                  anpai_node_set_rescheduled (AnpaiNode            *self,
                                                  gboolean              rescheduled);
AnpaiStatus           anpai_node_get_status      (AnpaiNode            *self);
void                  anpai_node_set_status      (AnpaiNode            *self,
                                                  AnpaiStatus           status);
int                   anpai_node_get_progress    (AnpaiNode            *self);
void                  anpai_node_set_progress    (AnpaiNode            *self,
                                                  int                   progress);

/* Core-internal: where the row sits, set by the store. */
void                  _anpai_node_set_place      (AnpaiNode            *self,
                                                  gint64                id,
                                                  gint64                plan_id,
                                                  gint64                parent_id,
                                                  int                   position);
void                  _anpai_node_get_source     (AnpaiNode            *self,
                                                  int                  *start,
                                                  int                  *end);
void                  _anpai_node_set_source     (AnpaiNode            *self,
                                                  int                   start,
                                                  int                   end);

G_END_DECLS
