/* anpai-history.h — undo and redo through an SQL inverse log (core-internal)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "anpai-changes.h"

G_BEGIN_DECLS

typedef struct _AnpaiHistory AnpaiHistory;

AnpaiHistory  *anpai_history_new          (sqlite3       *db,
                                           GError       **error);
void           anpai_history_free         (AnpaiHistory  *self);

gint64         anpai_history_mark         (AnpaiHistory  *self);
gboolean       anpai_history_prepare_push (AnpaiHistory  *self,
                                           gint64         mark,
                                           GError       **error);
AnpaiChanges  *anpai_history_push         (AnpaiHistory  *self,
                                           const char    *label,
                                           gint64         mark);

gboolean       anpai_history_can_undo     (AnpaiHistory  *self);
gboolean       anpai_history_can_redo     (AnpaiHistory  *self);
const char    *anpai_history_undo_label   (AnpaiHistory  *self);
const char    *anpai_history_redo_label   (AnpaiHistory  *self);
AnpaiChanges  *anpai_history_undo         (AnpaiHistory  *self,
                                           char         **label,
                                           GError       **error);
AnpaiChanges  *anpai_history_redo         (AnpaiHistory  *self,
                                           char         **label,
                                           GError       **error);
void           anpai_history_clear        (AnpaiHistory  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiHistory, anpai_history_free)

G_END_DECLS
