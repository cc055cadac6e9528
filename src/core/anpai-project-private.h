/* anpai-project-private.h — what the project's own files share
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "anpai-history.h"
#include "anpai-plan-list.h"
#include "anpai-project.h"

G_BEGIN_DECLS

struct _AnpaiProject
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  int             lock_fd;        /* holds flock() while open for editing; -1 if none */
  gboolean        read_only;
  int             file_version;   /* schema version found in the file */

  AnpaiHistory   *history;

  /* The edit in progress */
  int             depth;
  gint64          mark;
  char           *label;

  AnpaiPlanList  *plans;
};

sqlite3  *_anpai_project_get_db        (AnpaiProject  *self);
gboolean  _anpai_project_check_writable (AnpaiProject *self,
                                         GError      **error);
gboolean  _anpai_project_fail          (AnpaiProject  *self,
                                         GError       **error);
/* A target's comparator: =, >=, >, <= or <. */
gboolean  _anpai_project_check_comparator (const char *comparator,
                                           GError    **error);
AnpaiPlan *_anpai_project_read_plan    (AnpaiProject  *self,
                                         sqlite3_stmt  *stmt);
void      _anpai_project_bind_time     (sqlite3_stmt        *stmt,
                                         int                  first_col,
                                         const AnpaiTimeSpec *time);
void      _anpai_project_read_time     (sqlite3_stmt        *stmt,
                                         int                  first_col,
                                         AnpaiTimeSpec       *time);

G_END_DECLS
