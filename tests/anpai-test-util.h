/* anpai-test-util.h — shared helpers of the core tests
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anpai-project.h"

G_BEGIN_DECLS

char        *anpai_test_tmpdir        (void);
char        *anpai_test_path          (const char   *dir,
                                       const char   *name);
void         anpai_test_sql           (const char   *path,
                                       const char   *sql);
gint64       anpai_test_sql_int       (const char   *path,
                                       const char   *sql);
char        *anpai_test_sql_text      (const char   *path,
                                       const char   *sql);
char        *anpai_test_checksum      (const char   *path);
JsonNode    *anpai_test_dump          (AnpaiProject *project);
char        *anpai_test_dump_string   (AnpaiProject *project);
void         anpai_test_rm_rf         (const char   *dir);
const char  *anpai_test_seeds_dir     (void);

G_END_DECLS
