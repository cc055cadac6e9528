/* anpai-target-find.h — quantitative targets in a task's text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "anpai-import-model.h"

G_BEGIN_DECLS

/* (element-type AnpaiImportTarget): "好评率保持100%" (=, 100, %),
 * "满意度达95%以上" (>=, 95, %), "不少于60学时" (>=, 60, 学时),
 * "每年至少1次" (>=, 1, 次), "2期以上" (>=, 2, 期), in order of appearance. */
GPtrArray *anpai_targets_find (const char *text);

G_END_DECLS
