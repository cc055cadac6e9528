/* anpai-search.h — filtering a plan's outline by text, unit, status and date
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "anpai-project.h"

G_BEGIN_DECLS

/* Bit of @status in AnpaiFilter.statuses */
#define ANPAI_STATUS_BIT(status) (1u << (status))

typedef struct {
  const char  *text;       /* NULL or blank: any; terms split at white space, all must occur
                              in the title or the body */
  gint64       unit_id;    /* 0: any unit */
  gboolean     lead_only;  /* with @unit_id: only where it is the lead unit */
  guint        statuses;   /* ANPAI_STATUS_BIT()s; 0: any status */
  const char  *due_from;   /* YYYY-MM-DD or NULL: due (time_end) on or after */
  const char  *due_to;     /* YYYY-MM-DD or NULL: due on or before */
} AnpaiFilter;

#define ANPAI_FILTER_INIT { NULL, 0, FALSE, 0, NULL, NULL }

typedef struct _AnpaiFilterResult AnpaiFilterResult;

gboolean           anpai_filter_is_empty             (const AnpaiFilter       *filter);

AnpaiFilterResult *anpai_project_filter_nodes        (AnpaiProject            *self,
                                                      gint64                   plan_id,
                                                      const AnpaiFilter       *filter,
                                                      GError                 **error);

/* The matching nodes and all their ancestors, in outline order */
guint              anpai_filter_result_get_n_nodes   (const AnpaiFilterResult *result);
gint64             anpai_filter_result_get_node      (const AnpaiFilterResult *result,
                                                      guint                    index);
/* Whether @node_id matches itself rather than being shown as an ancestor */
gboolean           anpai_filter_result_is_match      (const AnpaiFilterResult *result,
                                                      gint64                   node_id);
guint              anpai_filter_result_get_n_matches (const AnpaiFilterResult *result);
void               anpai_filter_result_free          (AnpaiFilterResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiFilterResult, anpai_filter_result_free)

/* Core-internal: the node ids of @plan_id in outline order (parents before
 * children, siblings by position). */
GArray            *_anpai_outline_order              (sqlite3                 *db,
                                                      gint64                   plan_id,
                                                      GError                 **error);

/* Core-internal, for the history: keeping node_fts in step with node on one
 * connection. attach() once per connection; flush() inside every write
 * transaction, before COMMIT. */
gboolean           _anpai_search_attach              (sqlite3                 *db,
                                                      GError                 **error);
gboolean           _anpai_search_flush               (sqlite3                 *db,
                                                      GError                 **error);

G_END_DECLS
