/* anpai-error.c — error domain of the project file
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-error.h"

G_DEFINE_QUARK (anpai-project-error-quark, anpai_project_error)
