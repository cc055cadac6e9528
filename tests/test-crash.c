/* test-crash.c — a killed process loses nothing it committed
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>

#include "anpai-test-util.h"

/* A second process adds plans one edit at a time and prints each number once
 * its commit has returned. We SIGKILL it at a different point each round
 * (mid-transaction, most likely), then check the file is intact and every
 * edit it reported is in it. */
static void
kill_after (const char *path,
            int         n_edits)
{
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  g_autofree char *check = NULL;
  gint64 before = anpai_test_sql_int (path, "SELECT count(*) FROM plan");
  gint64 after;
  int reported = 0;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("ANPAI_TEST_HELPER"), "edits", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  while (reported < n_edits)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      reported = atoi (line);
    }
  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (writer));

  /* It may have gone on committing while we read: what it printed before
   * dying is still in the pipe. */
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);

      if (line == NULL)
        break;
      if (*line != '\0')
        reported = atoi (line);
    }

  /* Opening through Anpai recovers a hot journal, if the kill left one. */
  project = anpai_project_open (path, 0, &error);
  g_assert_no_error (error);
  anpai_project_close (project);

  check = anpai_test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  after = anpai_test_sql_int (path, "SELECT count(*) FROM plan");
  /* every reported edit; at most one more committed before it could print */
  g_assert_cmpint (after, >=, before + reported);
  g_assert_cmpint (after, <=, before + reported + 1);
  g_assert_cmpint (anpai_test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_sigkill (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = anpai_test_path (dir, "crash.anpai");
  g_autoptr(AnpaiProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = anpai_project_create (path, &error);
  g_assert_no_error (error);
  anpai_project_close (project);

  for (int round = 0; round < 4; round++)
    kill_after (path, g_test_rand_int_range (5, 60));

  anpai_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash/sigkill-mid-edits", test_sigkill);
  return g_test_run ();
}
