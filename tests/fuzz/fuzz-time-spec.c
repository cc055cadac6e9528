/* fuzz-time-spec.c — libFuzzer target: any text as a time requirement
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "anpai-date.h"
#include "anpai-time-spec.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(AnpaiTimeSpec) with_period = NULL;
  g_autoptr(AnpaiTimeSpec) without = NULL;
  g_autoptr(AnpaiTimeSpec) found = NULL;
  GDate start, end;

  anpai_date_set_ymd (&start, 2023, 1, 1);
  anpai_date_set_ymd (&end, 2024, 12, 31);
  with_period = anpai_time_spec_parse (text, &start, &end);
  without = anpai_time_spec_parse (text, NULL, NULL);
  g_free (anpai_time_spec_describe (with_period));
  g_free (anpai_time_spec_describe (without));
  if (!g_utf8_validate (with_period->text, -1, NULL))
    __builtin_trap ();

  if (anpai_time_spec_find (text, &start, &end, &found))
    {
      g_autoptr(AnpaiTimeSpec) copy = anpai_time_spec_copy (found);

      /* what find() reports is a schedule, in valid UTF-8, with its span's
       * dates in order */
      if (!g_utf8_validate (found->text, -1, NULL) || found->kind == ANPAI_TIME_NONE ||
          !anpai_time_spec_equal (found, copy))
        __builtin_trap ();
      if (g_date_valid (&found->start) && g_date_valid (&found->end) &&
          g_date_compare (&found->start, &found->end) > 0)
        __builtin_trap ();
      g_free (anpai_time_spec_describe (found));
    }
  return 0;
}
