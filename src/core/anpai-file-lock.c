/* anpai-file-lock.c — one editor per project file, across processes
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "anpai-error.h"
#include "anpai-file-lock.h"

/* SQLite's own locks only last for a transaction: two processes could both
 * hold the file open and each undo the other's changes. An flock() on a
 * separate descriptor says "someone is editing this" for as long as the
 * project is open, and the kernel drops it when the process dies, so a crash
 * leaves no stale lock behind (unlike a lock file). flock() and the POSIX
 * locks SQLite uses do not interact on local file systems. */

int
anpai_file_lock_acquire (const char  *path,
                         GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ANPAI_PROJECT_ERROR,
                   saved_errno == ENOENT ? ANPAI_PROJECT_ERROR_NOT_FOUND : ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_LOCKED,
                     _("“%s” is already open in another Anpai window."), name);
      else if (saved_errno == ENOLCK || saved_errno == EINVAL || saved_errno == ENOTSUP)
        return -2;  /* the file system has no locks: go on without one */
      else
        g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                     _("“%s” cannot be locked: %s"), name, g_strerror (saved_errno));
      return -1;
    }

  return fd;
}

void
anpai_file_lock_release (int fd)
{
  if (fd >= 0)
    close (fd);
}
