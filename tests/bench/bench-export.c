/* bench-export.c — exporting a 20,000-task project's breakdown tables
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "anpai-export.h"
#include "bench-util.h"

/* The Export issue's figure: the XLSX of a 20,000-task project in ≤ 2 s,
 * in constant memory. Each format is written by a fresh process, so its
 * peak memory is its own and not the project generator's: the figure is
 * reading the tables, laying them out and writing the file. */

/* 4,800 tasks a plan (bench_make_project): five plans' worth is 20,000
 * tasks, the sections and groups on top */
#define N_NODES 20460
#define N_UNITS 300

static void
export_one (const char        *project_path,
            AnpaiExportFormat  format,
            const char        *name,
            const char        *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = anpai_project_open (project_path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) tables = NULL;
  AnpaiExportOptions options = ANPAI_EXPORT_OPTIONS_INIT;
  GStatBuf st;
  guint tasks = 0, n_tables;
  gint64 t0;
  double ms;

  g_assert_no_error (error);
  tables = anpai_export_build (project, &options, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < tables->len; t++)
    {
      AnpaiExportTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < table->rows->len; i++)
        tasks += !((AnpaiExportRow *) g_ptr_array_index (table->rows, i))->is_section;
    }
  n_tables = tables->len;
  g_clear_pointer (&tables, g_ptr_array_unref);

  t0 = g_get_monotonic_time ();
  if (!anpai_export_write (project, format, &options, out, &error))
    {
      printf ("%-5s: not written (%s)\n", name, error->message);
      return;
    }
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_stat (out, &st);
  printf ("%-5s (%u tasks, %u tables): %7.0f ms, %5.1f MB file, peak RSS %5.1f MB%s\n",
          name, tasks, n_tables, ms, st.st_size / 1e6, bench_peak_rss_mb (),
          format == ANPAI_EXPORT_XLSX ? "   (goal ≤ 2 s, constant memory)" : "");
  g_unlink (out);
}

int
main (int    argc,
      char **argv)
{
  static const struct { AnpaiExportFormat format; const char *name; } formats[] = {
    { ANPAI_EXPORT_XLSX, "xlsx" },
    { ANPAI_EXPORT_CSV, "csv" },
    { ANPAI_EXPORT_DOCX, "docx" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  AnpaiProject *project;
  gint64 t0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "export.anpai", NULL);
  t0 = g_get_monotonic_time ();
  project = bench_make_project (path, N_NODES, N_UNITS);
  anpai_project_close (project);
  g_object_unref (project);
  printf ("built %d nodes, %d units in %.1f s\n", N_NODES, N_UNITS, (g_get_monotonic_time () - t0) / 1e6);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("%s/out.%s", dir, formats[f].name);
      pid_t pid;

      fflush (stdout);
      pid = fork ();
      if (pid == 0)
        {
          export_one (path, formats[f].format, formats[f].name, out);
          fflush (stdout);
          _exit (0);
        }
      waitpid (pid, NULL, 0);
    }

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
