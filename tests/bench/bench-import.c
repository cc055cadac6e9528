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

/* 一 … 九十九 and on: section labels as plans write them. */
static void
append_cn_number (GString *out,
                  int      n)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n >= 100)
    {
      g_string_append_printf (out, "%s百", digits[n / 100 % 10]);
      n %= 100;
      if (n == 0)
        return;
      if (n < 10)
        g_string_append (out, "零");
      else if (n < 20)
        g_string_append (out, "一");
    }
  if (n >= 20)
    g_string_append (out, digits[n / 10]);
  if (n >= 10)
    g_string_append (out, "十");
  if (n % 10 != 0 || n == 0)
    g_string_append (out, digits[n % 10]);
}

/* A plan as big documents are written: sections 一、, groups (一) of twelve
 * tasks 1. … 12. each, every task with a unit clause, a time requirement and
 * targets, so that every stage of the parser has its full load. */
static char *
make_plan (gsize target_bytes)
{
  GString *text = g_string_new (NULL);

  g_string_append (text,
                   "基准市人民政府办公室关于印发《基准市2026年度重点工作安排》的通知\n"
                   "基政办〔2026〕1号\n\n基准市2026年度重点工作安排\n\n");
  for (int section = 1; text->len < target_bytes; section++)
    {
      append_cn_number (text, section);
      g_string_append_printf (text, "、推进第%d领域改革\n", section);
      for (int group = 1; group <= 20 && text->len < target_bytes; group++)
        {
          g_string_append (text, "（");
          append_cn_number (text, group);
          g_string_append_printf (text, "）完善第%d项制度\n", group);
          for (int task = 1; task <= 12; task++)
            g_string_append_printf (text,
                                    "%d.深化第%d项改革。2026年6月底前完成清单梳理，"
                                    "群众满意度达95%%以上，每年至少组织1次督查。"
                                    "(责任单位:市发展改革委、市司法局,配合单位:各县区人民政府)\n",
                                    task, task);
        }
    }
  return g_string_free (text, FALSE);
}

static int
count_tasks (const char *text)
{
  g_autoptr(AnpaiImportSource) source = anpai_import_read_text (text, "bench.txt", NULL);
  g_autoptr(AnpaiImportPlan) plan = anpai_import_parse (source, NULL, NULL);

  return plan != NULL ? anpai_import_node_count (plan->root, ANPAI_NODE_KIND_TASK) : 0;
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
      printf ("parse %6zu KB, %6d tasks     : %8.1f ms", strlen (text) / 1024, count_tasks (text), ms);
      if (sizes[i].goal > 0)
        printf ("   (goal ≤ %.0f ms)", sizes[i].goal);
      printf ("\n");
    }
  printf ("time per KB, 50 KB → 5 MB       : %.3f → %.3f ms (linear when close)\n",
          per_kb[0], per_kb[G_N_ELEMENTS (sizes) - 1]);
  return 0;
}
