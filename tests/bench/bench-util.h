/* bench-util.h — building big projects and timing things, for benchmarks
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-project.h"

G_BEGIN_DECLS

AnpaiProject *bench_make_project   (const char *path,
                                    int         n_nodes,
                                    int         n_units);
double        bench_median         (GArray     *samples);
double        bench_since_exec_ms  (void);
double        bench_peak_rss_mb    (void);

G_END_DECLS
