/* anpai-date-row.h — an entry row for one calendar date
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANPAI_TYPE_DATE_ROW (anpai_date_row_get_type ())

G_DECLARE_FINAL_TYPE (AnpaiDateRow, anpai_date_row, ANPAI, DATE_ROW, AdwEntryRow)

GtkWidget  *anpai_date_row_new      (void);
const char *anpai_date_row_get_date (AnpaiDateRow *self);
void        anpai_date_row_set_date (AnpaiDateRow *self,
                                     const char   *iso_date);

G_END_DECLS
