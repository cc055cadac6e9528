/* anpai-import-test-util.h — looking into an imported plan's tree in tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-import-model.h"

G_BEGIN_DECLS

/* Children of @node of @kind: how many, and the @n-th (from 0). */
int              anpai_test_count_children (AnpaiImportNode *node,
                                            AnpaiNodeKind    kind);
AnpaiImportNode *anpai_test_child          (AnpaiImportNode *node,
                                            AnpaiNodeKind    kind,
                                            int              n);
/* @start and @end (YYYY-MM-DD) are checked when not NULL. */
void             anpai_test_assert_time    (AnpaiImportNode *node,
                                            AnpaiTimeKind    kind,
                                            AnpaiTimeSource  source,
                                            const char      *start,
                                            const char      *end);
/* Unit names compared as the unit module normalises them. */
gboolean         anpai_test_list_has       (GPtrArray       *list,
                                            const char      *name);
void             anpai_test_assert_lead    (AnpaiImportNode *node,
                                            const char      *name);
/* Every node under @node hangs where it says, with valid text and offsets
 * inside a source text of @text_length bytes. */
void             anpai_test_check_tree     (AnpaiImportNode *node,
                                            gsize            text_length);
/* The @n-th task (from 1) under @root in outline order; it must exist. */
AnpaiImportNode *anpai_test_task           (AnpaiImportNode *root,
                                            int              n);
/* Whether any node's title or body holds @text. */
gboolean         anpai_test_tree_contains  (AnpaiImportNode *node,
                                            const char      *text);

G_END_DECLS
