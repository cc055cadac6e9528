/* anpai-date.h — ISO 8601 calendar dates for plan days
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" plus the terminating NUL */
#define ANPAI_DATE_ISO_LEN 11

gboolean  anpai_date_parse_iso      (const char  *text,
                                     GDate       *date);
void      anpai_date_format_iso     (const GDate *date,
                                     char         buf[ANPAI_DATE_ISO_LEN]);
char     *anpai_date_to_iso         (const GDate *date);
gboolean  anpai_date_is_valid_iso   (const char  *text);
gboolean  anpai_date_parse_loose    (const char  *text,
                                     GDate       *date);
void      anpai_date_set_ymd        (GDate       *date,
                                     int          year,
                                     int          month,
                                     int          day);
void      anpai_date_set_month_end  (GDate       *date,
                                     int          year,
                                     int          month);
int       anpai_date_compare_iso    (const char  *a,
                                     const char  *b);

G_END_DECLS
