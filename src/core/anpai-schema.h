/* anpai-schema.h — the project file's schema and its migrations (core-internal)
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA application_id: "ANPA" */
#define ANPAI_APPLICATION_ID 0x414E5041

typedef struct {
  int          to_version;  /* the user_version this step produces */
  const char  *sql;         /* run as one script inside the migration's transaction */
} AnpaiMigration;

int       anpai_schema_get_version         (void);
gboolean  anpai_schema_create              (sqlite3              *db,
                                            GError              **error);
gboolean  anpai_schema_migrate             (sqlite3              *db,
                                            int                   from_version,
                                            GError              **error);
gboolean  anpai_schema_read_header         (sqlite3              *db,
                                            gint64               *application_id,
                                            gint64               *user_version,
                                            GError              **error);

/* Tests only: replaces the list of migrations past version 1. */
void      anpai_schema_set_test_migrations (const AnpaiMigration *migrations,
                                            guint                 n_migrations);

G_END_DECLS
