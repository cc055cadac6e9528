/* bench-import.c — how fast plan documents parse, and that time grows linearly
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "anpai-import-parse.h"
#include "anpai-import-reader.h"
#include "bench-util.h"

/* Issue 3's figures: a 50 KB plan parses in ≤ 20 ms, a 5 MB one in ≤ 1 s,
 * time growing linearly. The document is generated: sections of numbered
 * tasks with unit clauses and time requirements, as plans are written, so
 * every stage of the parser has its full load. */

static char *
make_plan (gsize target_bytes)
{
  GString *text = g_string_new (NULL);
  int task = 0;

  g_string_append (text,
                   "基准市人民政府办公室关于印发《基准市2026年度重点工作安排》的通知\n"
                   "基政办〔2026〕1号\n\n基准市2026年度重点工作安排\n\n");
  for (int section = 0; text->len < target_bytes; section++)
    {
      g_string_append_printf (text, "第%d部分、推进重点领域改革\n\n", section + 1);
      for (int i = 0; i < 12 && text->len < target_bytes; i++)
        {
          task++;
          g_string_append_printf (text,
                                  "%d.深化第%d项改革。2026年6月底前完成清单梳理，"
                                  "群众满意度达95%%以上，每年至少组织1次督查。"
                                  "(责任单位:市发展改革委、市司法局,配合单位:各县区人民政府)\n\n",
                                  task, task);
        }
    }
  return g_string_free (text, FALSE);
}

static double
parse_ms (const char *text,
          int         repeats)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnpaiImportSource) source = NULL;
      g_autoptr(AnpaiImportPlan) plan = NULL;
      AnpaiImportOptions options = { 0 };
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      source = anpai_import_read_text (text, "bench.txt", &error);
      plan = anpai_import_parse (source, &options, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (plan == NULL)
        g_error ("parse failed: %s", error->message);
      g_array_append_val (samples, ms);
    }
  return bench_median (samples);
}

int
main (int    argc,
      char **argv)
{
  static const struct { gsize bytes; int repeats; double goal; } sizes[] = {
    { 50 * 1024, 21, 20 },
    { 500 * 1024, 5, 0 },
    { 5 * 1024 * 1024, 3, 1000 },
  };
  double per_kb[G_N_ELEMENTS (sizes)];

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = make_plan (sizes[i].bytes);
      double ms = parse_ms (text, sizes[i].repeats);

      per_kb[i] = ms / (strlen (text) / 1024.0);
      printf ("parse %6zu KB                   : %8.1f ms", strlen (text) / 1024, ms);
      if (sizes[i].goal > 0)
        printf ("   (goal ≤ %.0f ms)", sizes[i].goal);
      printf ("\n");
    }
  printf ("time per KB, 50 KB → 5 MB       : %.3f → %.3f ms (linear when close)\n",
          per_kb[0], per_kb[G_N_ELEMENTS (sizes) - 1]);
  return 0;
}
