/* anpai-project.c — an open project file: opening, edits, undo, copies
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiProject"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "anpai-db.h"
#include "anpai-file-lock.h"
#include "anpai-project-private.h"
#include "anpai-schema.h"

/* Project files travel on USB sticks and network shares and come from other
 * people, so (DESIGN.md): a rollback journal rather than WAL (no side files
 * to lose), synchronous=FULL, defensive mode and an untrusted schema, and a
 * quick_check before anything is shown. A file that fails a check is never
 * written to: every check runs before the first write. */

G_DEFINE_FINAL_TYPE (AnpaiProject, anpai_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
anpai_project_dispose (GObject *object)
{
  anpai_project_close (ANPAI_PROJECT (object));

  G_OBJECT_CLASS (anpai_project_parent_class)->dispose (object);
}

static void
anpai_project_finalize (GObject *object)
{
  AnpaiProject *self = ANPAI_PROJECT (object);

  g_free (self->path);
  g_free (self->label);

  G_OBJECT_CLASS (anpai_project_parent_class)->finalize (object);
}

static void
anpai_project_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnpaiProject *self = ANPAI_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, anpai_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, anpai_project_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, anpai_project_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, anpai_project_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anpai_project_class_init (AnpaiProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = anpai_project_dispose;
  object_class->finalize = anpai_project_finalize;
  object_class->get_property = anpai_project_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnpaiProject::changed:
   * @changes: what the committed edit, undo or redo touched
   *
   * Emitted after every commit that changed the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANPAI_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
anpai_project_init (AnpaiProject *self)
{
  self->lock_fd = -1;
}

/*
 * Opening
 */

static void
set_file_error (GError     **error,
                int          code,
                const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  switch (code)
    {
    case ANPAI_PROJECT_ERROR_FOREIGN:
      g_set_error (error, ANPAI_PROJECT_ERROR, code,
                   _("“%s” is not an Anpai project."), name);
      break;
    case ANPAI_PROJECT_ERROR_DAMAGED:
      g_set_error (error, ANPAI_PROJECT_ERROR, code,
                   _("“%s” is damaged and cannot be opened. Restore it from a copy."), name);
      break;
    case ANPAI_PROJECT_ERROR_NEWER:
      g_set_error (error, ANPAI_PROJECT_ERROR, code,
                   _("“%s” was saved by a newer version of Anpai. Update Anpai to open it."),
                   name);
      break;
    case ANPAI_PROJECT_ERROR_READ_ONLY:
      g_set_error (error, ANPAI_PROJECT_ERROR, code,
                   _("“%s” is read-only. It can be opened for viewing only."), name);
      break;
    case ANPAI_PROJECT_ERROR_NOT_FOUND:
      g_set_error (error, ANPAI_PROJECT_ERROR, code, _("“%s” does not exist."), name);
      break;
    case ANPAI_PROJECT_ERROR_EXISTS:
      g_set_error (error, ANPAI_PROJECT_ERROR, code, _("“%s” already exists."), name);
      break;
    default:
      g_set_error (error, ANPAI_PROJECT_ERROR, code, _("“%s” cannot be opened."), name);
      break;
    }
}

/* Looks at the first bytes before SQLite does: a text file or a picture is
 * "not a project", not "damaged". */
static gboolean
check_magic (const char  *path,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *name = g_filename_display_basename (path);
  char header[16];
  GStatBuf st;
  ssize_t n;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        set_file_error (error, ANPAI_PROJECT_ERROR_NOT_FOUND, path);
      else
        g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                     _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_FOREIGN, path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_FOREIGN, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (sqlite3   *db,
                      gboolean   writable,
                      GError   **error)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 3000);

  if (!anpai_db_exec (db,
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA cell_size_check = ON;"
                      "PRAGMA temp_store = MEMORY;",
                      error))
    return FALSE;
  if (writable &&
      !anpai_db_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", error))
    return FALSE;
  return TRUE;
}

/* Maps a failure while reading a file we believe is SQLite. */
static void
set_read_error (GError     **error,
                const char  *path,
                GError      *cause)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (cause->code == ANPAI_PROJECT_ERROR_DAMAGED)
    set_file_error (error, ANPAI_PROJECT_ERROR_DAMAGED, path);
  else if (cause->code == ANPAI_PROJECT_ERROR_LOCKED)
    g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_LOCKED,
                 _("“%s” is busy in another program. Try again in a moment."), name);
  else
    g_set_error (error, ANPAI_PROJECT_ERROR, cause->code,
                 _("“%s” cannot be read: %s"), name, cause->message);
}

/* Checks an open connection's file without writing to it. */
static gboolean
validate (sqlite3     *db,
          const char  *path,
          int         *version,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 application_id = 0;
  gint64 user_version = 0;

  if (!anpai_schema_read_header (db, &application_id, &user_version, &local_error))
    {
      set_read_error (error, path, local_error);
      return FALSE;
    }
  if (application_id != ANPAI_APPLICATION_ID)
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_FOREIGN, path);
      return FALSE;
    }
  if (user_version > anpai_schema_get_version ())
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_NEWER, path);
      return FALSE;
    }
  if (user_version < 1)
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_DAMAGED, path);
      return FALSE;
    }

  stmt = anpai_db_prepare (db, "PRAGMA quick_check", &local_error);
  if (stmt == NULL)
    {
      set_read_error (error, path, local_error);
      return FALSE;
    }
  if (sqlite3_step (stmt) != SQLITE_ROW || !g_str_equal (anpai_db_column_text (stmt, 0), "ok"))
    {
      g_debug ("quick_check of %s: %s", path, anpai_db_column_text (stmt, 0));
      set_file_error (error, ANPAI_PROJECT_ERROR_DAMAGED, path);
      return FALSE;
    }

  *version = (int) user_version;
  return TRUE;
}

static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* The rollback journal is created beside the file. */
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A read-only view of an older file is migrated in memory: the file stays
 * as it is and the rest of Anpai only ever sees the current schema. */
static sqlite3 *
copy_to_memory (sqlite3  *source,
                GError  **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      anpai_db_set_error (error, memory, rc, "open");
      sqlite3_close (memory);
      return NULL;
    }
  backup = sqlite3_backup_init (memory, "main", source, "main");
  if (backup == NULL)
    {
      anpai_db_set_error (error, memory, sqlite3_errcode (memory), "backup");
      sqlite3_close (memory);
      return NULL;
    }
  sqlite3_backup_step (backup, -1);
  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      anpai_db_set_error (error, memory, rc, "backup");
      sqlite3_close (memory);
      return NULL;
    }
  return memory;
}

static gboolean
open_database (const char  *path,
               gboolean     writable,
               sqlite3    **out_db,
               GError     **error)
{
  sqlite3 *db = NULL;
  int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) cause = NULL;

      anpai_db_set_error (&cause, db, rc, "open");
      sqlite3_close (db);
      set_read_error (error, path, cause);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

AnpaiProject *
anpai_project_open (const char             *path,
                    AnpaiProjectOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(AnpaiProject) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean read_only = (flags & ANPAI_PROJECT_OPEN_READ_ONLY) != 0;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_magic (path, error))
    return NULL;

  self = g_object_new (ANPAI_TYPE_PROJECT, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->read_only = read_only;

  if (!read_only)
    {
      if (!path_is_writable (path))
        {
          set_file_error (error, ANPAI_PROJECT_ERROR_READ_ONLY, path);
          return NULL;
        }
      /* Lock first, so two Anpais opening at once cannot both migrate. */
      self->lock_fd = anpai_file_lock_acquire (path, error);
      if (self->lock_fd == -1)
        return NULL;
    }

  if (!open_database (path, !read_only, &self->db, error))
    return NULL;
  if (!configure_connection (self->db, FALSE, &local_error) ||
      !validate (self->db, path, &version, error))
    {
      if (local_error != NULL)
        set_read_error (error, path, local_error);
      return NULL;
    }
  self->file_version = version;

  if (read_only && version < anpai_schema_get_version ())
    {
      sqlite3 *memory = copy_to_memory (self->db, error);

      if (memory == NULL)
        return NULL;
      sqlite3_close (self->db);
      self->db = memory;
      if (!configure_connection (self->db, FALSE, error))
        return NULL;
    }

  if (!read_only && !configure_connection (self->db, TRUE, error))
    return NULL;

  if (version < anpai_schema_get_version () &&
      !anpai_schema_migrate (self->db, version, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” could not be upgraded to this version of Anpai: %s"),
                   name, local_error->message);
      return NULL;
    }

  self->history = anpai_history_new (self->db, error);
  if (self->history == NULL)
    return NULL;

  self->plans = anpai_plan_list_new (self);
  return g_steal_pointer (&self);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  AnpaiProjectOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));
  GError *error = NULL;
  AnpaiProject *project;

  project = anpai_project_open (path, flags, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/* Opens off the main thread: a quick_check of a big file on a network share
 * takes time the window should not freeze for. */
void
anpai_project_open_async (const char             *path,
                          AnpaiProjectOpenFlags   flags,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anpai_project_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, open_in_thread);
}

AnpaiProject *
anpai_project_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Creates a new, empty project. The file is built under a temporary name and
 * renamed into place, so a crash never leaves a half-made project behind. */
AnpaiProject *
anpai_project_create (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int fd;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_file_error (error, ANPAI_PROJECT_ERROR_EXISTS, path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".anpai-new-XXXXXX", NULL);
  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ANPAI_PROJECT_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ?
                   ANPAI_PROJECT_ERROR_READ_ONLY : ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be created: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK ||
      !configure_connection (db, TRUE, &local_error) ||
      !anpai_schema_create (db, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      if (local_error == NULL)
        anpai_db_set_error (&local_error, db, rc, "open");
      sqlite3_close (db);
      g_unlink (tmpl);
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be created: %s"), name, local_error->message);
      return NULL;
    }
  sqlite3_close (db);

  if (g_rename (tmpl, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_unlink (tmpl);
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be created: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  return anpai_project_open (path, ANPAI_PROJECT_OPEN_DEFAULT, error);
}

/* Releases the file. Safe to call twice; the object stays valid but empty. */
void
anpai_project_close (AnpaiProject *self)
{
  g_return_if_fail (ANPAI_IS_PROJECT (self));

  if (self->depth > 0)
    {
      g_warning ("Closing %s with an edit in progress; rolling it back", self->path);
      self->depth = 1;
      anpai_project_rollback (self);
    }
  g_clear_object (&self->plans);
  g_clear_pointer (&self->history, anpai_history_free);
  g_clear_pointer (&self->db, sqlite3_close);
  anpai_file_lock_release (self->lock_fd);
  self->lock_fd = -1;
}

const char *
anpai_project_get_path (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);
  return self->path;
}

gboolean
anpai_project_get_read_only (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), TRUE);
  return self->read_only;
}

/* The schema version the file had when opened (older ones were migrated). */
int
anpai_project_get_file_version (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), 0);
  return self->file_version;
}

sqlite3 *
_anpai_project_get_db (AnpaiProject *self)
{
  return self->db;
}

/* Writes a compact copy with VACUUM INTO, under a temporary name first so an
 * existing file at @path is replaced only by a complete copy. */
gboolean
anpai_project_save_copy (AnpaiProject  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf ours, theirs;
  int fd;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  name = g_filename_display_basename (path);
  if (self->db == NULL)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be written: the project is closed."), name);
      return FALSE;
    }
  if (g_stat (self->path, &ours) == 0 && g_stat (path, &theirs) == 0 &&
      ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino)
    {
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_INVALID,
                   _("“%s” is the open project itself. Choose another name for the copy."), name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".anpai-copy-XXXXXX", NULL);
  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be written: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* VACUUM INTO accepts an existing file only if it is empty, as ours is. */
  stmt = anpai_db_prepare (self->db, "VACUUM INTO ?", &local_error);
  if (stmt != NULL)
    {
      anpai_db_bind_text (stmt, 1, tmpl);
      anpai_db_step_done (stmt, &local_error);
    }
  if (local_error != NULL)
    {
      g_unlink (tmpl);
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be written: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_rename (tmpl, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmpl);
      g_set_error (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                   _("“%s” cannot be written: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/*
 * Edits
 */

gboolean
_anpai_project_check_writable (AnpaiProject  *self,
                               GError       **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_IO,
                           _("The project is closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error_literal (error, ANPAI_PROJECT_ERROR, ANPAI_PROJECT_ERROR_READ_ONLY,
                           _("The project is open read-only."));
      return FALSE;
    }
  return TRUE;
}

/* Rolls back the innermost level and passes the error on; for `return
 * _anpai_project_fail (self, error)` in the store's functions. */
gboolean
_anpai_project_fail (AnpaiProject  *self,
                     GError       **error)
{
  anpai_project_rollback (self);
  return FALSE;
}

static void
notify_history (AnpaiProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
emit_changed (AnpaiProject *self,
              AnpaiChanges *changes)
{
  if (changes != NULL && !anpai_changes_is_empty (changes))
    g_signal_emit (self, signals[CHANGED], 0, changes);
}

gboolean
anpai_project_begin (AnpaiProject  *self,
                     const char    *label,
                     GError       **error)
{
  g_autofree char *savepoint = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!_anpai_project_check_writable (self, error))
    return FALSE;

  if (self->depth == 0)
    {
      if (!anpai_db_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->mark = anpai_history_mark (self->history);
      g_free (self->label);
      self->label = g_strdup (label);
    }
  else
    {
      savepoint = g_strdup_printf ("SAVEPOINT anpai_%d", self->depth);
      if (!anpai_db_exec (self->db, savepoint, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
anpai_project_commit (AnpaiProject  *self,
                      GError       **error)
{
  g_autoptr(AnpaiChanges) changes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      g_autofree char *release = g_strdup_printf ("RELEASE anpai_%d", self->depth - 1);

      if (!anpai_db_exec (self->db, release, error))
        return _anpai_project_fail (self, NULL);
      self->depth--;
      return TRUE;
    }

  if (!anpai_history_prepare_push (self->history, self->mark, &local_error) ||
      !anpai_db_exec (self->db, "COMMIT", &local_error))
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      anpai_project_rollback (self);
      g_set_error (error, ANPAI_PROJECT_ERROR, local_error->code,
                   _("The change could not be saved to “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  self->depth = 0;

  changes = anpai_history_push (self->history, self->label, self->mark);
  notify_history (self);
  emit_changed (self, changes);
  return TRUE;
}

void
anpai_project_rollback (AnpaiProject *self)
{
  g_return_if_fail (ANPAI_IS_PROJECT (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO anpai_%d; RELEASE anpai_%d",
                                              self->depth - 1, self->depth - 1);

      anpai_db_exec (self->db, sql, NULL);
    }
  else if (!sqlite3_get_autocommit (self->db))
    {
      anpai_db_exec (self->db, "ROLLBACK", NULL);
    }
  self->depth--;
}

gboolean
anpai_project_in_edit (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  return self->depth > 0;
}

gboolean
anpai_project_can_undo (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  return !self->read_only && anpai_history_can_undo (self->history);
}

gboolean
anpai_project_can_redo (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  return !self->read_only && anpai_history_can_redo (self->history);
}

const char *
anpai_project_get_undo_label (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);
  return anpai_history_undo_label (self->history);
}

const char *
anpai_project_get_redo_label (AnpaiProject *self)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), NULL);
  return anpai_history_redo_label (self->history);
}

static gboolean
replay (AnpaiProject  *self,
        gboolean       undo,
        char         **label,
        GError       **error)
{
  g_autoptr(AnpaiChanges) changes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_anpai_project_check_writable (self, error))
    return FALSE;
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (undo)
    changes = anpai_history_undo (self->history, label, &local_error);
  else
    changes = anpai_history_redo (self->history, label, &local_error);
  if (changes == NULL)
    {
      /* The file no longer matches the history (changed elsewhere?):
       * keeping the steps would only fail again. */
      anpai_history_clear (self->history);
      notify_history (self);
      g_set_error (error, ANPAI_PROJECT_ERROR, local_error->code,
                   undo ? _("The change could not be undone: %s")
                        : _("The change could not be redone: %s"),
                   local_error->message);
      return FALSE;
    }

  notify_history (self);
  emit_changed (self, changes);
  return TRUE;
}

/* @label: (out) (optional): what was undone */
gboolean
anpai_project_undo (AnpaiProject  *self,
                    char         **label,
                    GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (anpai_project_can_undo (self), FALSE);

  return replay (self, TRUE, label, error);
}

gboolean
anpai_project_redo (AnpaiProject  *self,
                    char         **label,
                    GError       **error)
{
  g_return_val_if_fail (ANPAI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (anpai_project_can_redo (self), FALSE);

  return replay (self, FALSE, label, error);
}

/* Forgets undo and redo, e.g. after building the sample project. */
void
anpai_project_clear_history (AnpaiProject *self)
{
  g_return_if_fail (ANPAI_IS_PROJECT (self));

  if (self->history != NULL)
    anpai_history_clear (self->history);
  notify_history (self);
}
