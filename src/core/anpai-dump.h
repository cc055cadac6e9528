/* anpai-dump.h — the JSON dump of a project (DESIGN.md, version 1)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-json-writer.h"
#include "anpai-project.h"
#include "anpai-time-spec.h"

G_BEGIN_DECLS

#define ANPAI_DUMP_VERSION 1

char  *anpai_dump_project      (AnpaiProject         *project,
                                GError              **error);
void   anpai_dump_write_time   (AnpaiJsonWriter      *writer,
                                const AnpaiTimeSpec  *time);
char  *anpai_dump_time         (const AnpaiTimeSpec  *time);

G_END_DECLS
