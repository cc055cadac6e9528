/* test-bad-files.c — every file that is not a good project is refused,
 * with its own message, and never modified
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "anpai-sample.h"
#include "anpai-test-util.h"

/* Opens @path for editing, expects @code, and checks that the file is
 * byte for byte what it was. Returns the message. */
static char *
expect_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  g_autofree char *before = anpai_test_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *name = g_path_get_basename (path);

  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, ANPAI_PROJECT_ERROR, code);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, name));

  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static char *
make_sample (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  char *path = anpai_test_path (dir, "sample.anpai");

  project = anpai_sample_create (path, &error);
  g_assert_no_error (error);
  anpai_project_close (project);
  return path;
}

static void
test_foreign (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *text = anpai_test_path (dir, "plan.anpai");
  g_autofree char *png = anpai_test_path (dir, "picture.anpai");
  g_autofree char *empty = anpai_test_path (dir, "empty.anpai");
  g_autofree char *other_db = anpai_test_path (dir, "other.db");
  g_autofree char *other_app = anpai_test_path (dir, "other-app.db");
  g_autofree char *folder = anpai_test_path (dir, "folder.anpai");
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL;
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "一、总体要求\n(一)指导思想。\n", -1, NULL);
  g_file_set_contents (png, png_bytes, sizeof png_bytes, NULL);
  g_file_set_contents (empty, "", 0, NULL);
  anpai_test_sql (other_db, "CREATE TABLE t (a); INSERT INTO t VALUES (1);");
  anpai_test_sql (other_app, "PRAGMA application_id = 1234; CREATE TABLE plan (x);");
  g_mkdir (folder, 0755);

  m1 = expect_refused (text, ANPAI_PROJECT_ERROR_FOREIGN);
  m2 = expect_refused (png, ANPAI_PROJECT_ERROR_FOREIGN);
  m3 = expect_refused (empty, ANPAI_PROJECT_ERROR_FOREIGN);
  m4 = expect_refused (other_db, ANPAI_PROJECT_ERROR_FOREIGN);
  m5 = expect_refused (other_app, ANPAI_PROJECT_ERROR_FOREIGN);
  g_assert_nonnull (strstr (m1, "not an Anpai project"));

  g_assert_null (anpai_project_open (folder, 0, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_FOREIGN);
  g_clear_error (&error);

  /* read-only opening refuses them the same way */
  g_assert_null (anpai_project_open (other_db, ANPAI_PROJECT_OPEN_READ_ONLY, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_FOREIGN);

  anpai_test_rm_rf (dir);
}

/* Overwrites @length bytes at @offset with a pattern. */
static void
scribble (const char *path,
          goffset     offset,
          gsize       length)
{
  g_autofree guchar *junk = g_malloc (length);
  int fd;

  memset (junk, 0x5a, length);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, length, offset), ==, (gssize) length);
  close (fd);
}

static void
test_damaged (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_sample (dir);
  g_autofree char *truncated = anpai_test_path (dir, "truncated.anpai");
  g_autofree char *unversioned = anpai_test_path (dir, "unversioned.anpai");
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  gint64 page_size = anpai_test_sql_int (path, "PRAGMA page_size");
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (length, >, 4 * page_size);

  /* a file cut short, as by an interrupted copy to a USB stick */
  g_file_set_contents (truncated, contents, length / 2, NULL);

  /* the b-tree pages after the schema page are overwritten */
  scribble (path, 2 * page_size, 2 * page_size);
  message = expect_refused (path, ANPAI_PROJECT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (message, "damaged"));
  message2 = expect_refused (truncated, ANPAI_PROJECT_ERROR_DAMAGED);

  /* an Anpai header but no schema version: creation never finished */
  anpai_test_sql (unversioned, "PRAGMA application_id = 1095651393; CREATE TABLE plan (a);");
  g_free (expect_refused (unversioned, ANPAI_PROJECT_ERROR_DAMAGED));

  anpai_test_rm_rf (dir);
}

static void
test_newer (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_sample (dir);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  anpai_test_sql (path, "PRAGMA user_version = 99");
  message = expect_refused (path, ANPAI_PROJECT_ERROR_NEWER);
  g_assert_nonnull (strstr (message, "newer version"));
  g_assert_null (anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error));
  g_assert_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_NEWER);
  anpai_test_rm_rf (dir);
}

/* Runs the read-only checks; as root it must run as another user, since
 * root may write any file. Exits with the number of failed checks. */
static int
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) project = NULL;
  int failures = 0;

  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  if (project != NULL || !g_error_matches (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_READ_ONLY))
    failures++;
  if (error != NULL && strstr (error->message, "read-only") == NULL)
    failures++;
  g_clear_error (&error);
  g_clear_object (&project);

  project = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL || g_list_model_get_n_items (anpai_project_get_plans (project)) != 2)
    failures++;
  return failures;
}

static void
test_read_only (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_sample (dir);
  g_autofree char *before = anpai_test_checksum (path);
  g_autofree char *after = NULL;
  int status = 0;
  pid_t pid;

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (100);
      _exit (check_read_only (path));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = anpai_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0644);
  anpai_test_rm_rf (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_sample (dir);
  g_autofree char *message = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) viewer = NULL;
  g_autoptr(AnpaiProject) editor = NULL;
  g_autofree char *line = NULL;

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("ANPAI_TEST_HELPER"), "hold", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  /* another process holds it: refused for editing, with its own message */
  message = expect_refused (path, ANPAI_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (message, "already open"));

  /* … but it can be viewed */
  viewer = anpai_project_open (path, ANPAI_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (anpai_project_get_plans (viewer)), ==, 2);
  anpai_project_close (viewer);

  /* once the other process is gone, it opens for editing */
  g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, NULL);
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  editor = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  anpai_project_close (editor);

  anpai_test_rm_rf (dir);
}

static void
test_lock_released_on_crash (void)
{
  g_autofree char *dir = anpai_test_tmpdir ();
  g_autofree char *path = make_sample (dir);
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnpaiProject) editor = NULL;
  g_autofree char *line = NULL;

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("ANPAI_TEST_HELPER"), "hold", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "ready");
  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, NULL);

  /* no stale lock after a crash */
  editor = anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  anpai_project_close (editor);
  anpai_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/bad-files/foreign", test_foreign);
  g_test_add_func ("/bad-files/damaged", test_damaged);
  g_test_add_func ("/bad-files/newer", test_newer);
  g_test_add_func ("/bad-files/read-only", test_read_only);
  g_test_add_func ("/bad-files/locked", test_locked);
  g_test_add_func ("/bad-files/lock-released-on-crash", test_lock_released_on_crash);
  return g_test_run ();
}
