/* anpai-outline-edit.h — editing a plan's outline: add, delete, indent, move
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-numbering.h"
#include "anpai-project.h"

G_BEGIN_DECLS

/* Every function here is one undoable step with its own label ("Indent",
 * "Move Up", …), or part of the caller's step when called inside
 * anpai_project_begin(). An edit that breaks a rule (indenting a first
 * child, outdenting a top-level item, moving an item into its own subtree or
 * to another plan) returns FALSE with ANPAI_PROJECT_ERROR_INVALID and changes
 * nothing. Siblings keep positions 0 … n-1.
 *
 * After each structural edit the plan is renumbered in the same step, in the
 * style its labels are written in (see anpai-numbering.h), unless the plan
 * has manual labels, whose labels are never touched. Only labels that change
 * are written.
 *
 * The project's "changed" signal names every node row the step inserted,
 * updated or deleted (the moved item, siblings whose position or label
 * changed, a deleted subtree) and their plan. A view that shows the old
 * parent of a moved or deleted item knows that parent itself. */

/* Adding: the new item's id, or 0. @node's place fields are ignored. */
gint64           anpai_outline_add_after          (AnpaiProject   *project,
                                                   gint64          sibling_id,
                                                   AnpaiNode      *node,
                                                   GError        **error);
gint64           anpai_outline_add_child          (AnpaiProject   *project,
                                                   gint64          parent_id,
                                                   AnpaiNode      *node,
                                                   GError        **error);
gint64           anpai_outline_add_top            (AnpaiProject   *project,
                                                   gint64          plan_id,
                                                   AnpaiNode      *node,
                                                   GError        **error);

/* Deletes the items with everything under them. Items under another
 * selected item go with it. */
gboolean         anpai_outline_delete             (AnpaiProject   *project,
                                                   const gint64   *node_ids,
                                                   guint           n_nodes,
                                                   GError        **error);

/* Each item becomes the last child of its previous sibling, taking its
 * subtree along; taken in outline order, so indenting siblings B and C of
 * A puts both under A. Fails if an item has no previous sibling. */
gboolean         anpai_outline_indent             (AnpaiProject   *project,
                                                   const gint64   *node_ids,
                                                   guint           n_nodes,
                                                   GError        **error);

/* Each item becomes the next sibling of its parent. As in word processors'
 * outlines and project planners, the rows keep their order on screen: the
 * item's following siblings become its last children (after the children it
 * already has). Taken in outline order. Fails for a top-level item. */
gboolean         anpai_outline_outdent            (AnpaiProject   *project,
                                                   const gint64   *node_ids,
                                                   guint           n_nodes,
                                                   GError        **error);

/* Swap with the previous / next sibling, subtree included. Fails at the
 * first / last position. */
gboolean         anpai_outline_move_up            (AnpaiProject   *project,
                                                   gint64          node_id,
                                                   GError        **error);
gboolean         anpai_outline_move_down          (AnpaiProject   *project,
                                                   gint64          node_id,
                                                   GError        **error);

/* For drag and drop: moves the item (with its subtree) under @parent_id
 * (0 = the top level) of @plan_id (0 = the item's own plan) so that it ends
 * at @position among its new siblings, counted without the item itself
 * (-1 or past the end = last). Refuses another plan and the item's own
 * subtree. */
gboolean         anpai_outline_move_to            (AnpaiProject   *project,
                                                   gint64          node_id,
                                                   gint64          plan_id,
                                                   gint64          parent_id,
                                                   int             position,
                                                   GError        **error);

/* Names @unit_id on every item: as lead (replacing the lead) or appended to
 * the co-responsible or supporting units. One step. */
gboolean         anpai_outline_assign_unit        (AnpaiProject   *project,
                                                   const gint64   *node_ids,
                                                   guint           n_nodes,
                                                   gint64          unit_id,
                                                   AnpaiRole       role,
                                                   GError        **error);

/* Labels */
AnpaiNumbering  *anpai_outline_get_numbering      (AnpaiProject   *project,
                                                   gint64          plan_id,
                                                   GError        **error);
/* Refused for a plan with manual labels. */
gboolean         anpai_outline_renumber           (AnpaiProject   *project,
                                                   gint64          plan_id,
                                                   GError        **error);
/* Manual: labels are the user's and never renumbered. Back to automatic
 * renumbers the plan in the same step. */
gboolean         anpai_outline_set_manual_labels  (AnpaiProject   *project,
                                                   gint64          plan_id,
                                                   gboolean        manual,
                                                   GError        **error);

G_END_DECLS
