/* anpai-error.h — error domain of the project file
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANPAI_PROJECT_ERROR (anpai_project_error_quark ())

typedef enum {
  ANPAI_PROJECT_ERROR_NOT_FOUND,  /* no such file */
  ANPAI_PROJECT_ERROR_EXISTS,     /* refusing to create over an existing file */
  ANPAI_PROJECT_ERROR_FOREIGN,    /* not an Anpai project */
  ANPAI_PROJECT_ERROR_DAMAGED,    /* an Anpai project that fails its checks */
  ANPAI_PROJECT_ERROR_NEWER,      /* written by a newer Anpai (schema too new) */
  ANPAI_PROJECT_ERROR_READ_ONLY,  /* the file or its folder cannot be written */
  ANPAI_PROJECT_ERROR_LOCKED,     /* open for editing in another process */
  ANPAI_PROJECT_ERROR_IO,         /* the disk or the database failed */
  ANPAI_PROJECT_ERROR_INVALID,    /* an edit that breaks a rule (empty name, cycle, …) */
} AnpaiProjectError;

GQuark anpai_project_error_quark (void);

G_END_DECLS
