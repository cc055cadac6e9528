/* anpai-outline-text.h — outline items as text to copy elsewhere
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

typedef enum {
  ANPAI_OUTLINE_TEXT_PLAIN,  /* as the plan writes it: 序号 标题。正文（牵头单位：…；配合单位：…） */
  ANPAI_OUTLINE_TEXT_ROWS,   /* tab-separated: 序号, 任务, 时间要求, 牵头单位, 配合单位 */
} AnpaiOutlineTextFormat;

/* The items @node_ids, each with everything under it (an item under another
 * one given is not repeated), in outline order. */
char *anpai_outline_text_format (AnpaiProject           *project,
                                 const gint64           *node_ids,
                                 guint                   n_nodes,
                                 AnpaiOutlineTextFormat  format,
                                 GError                **error);

G_END_DECLS
