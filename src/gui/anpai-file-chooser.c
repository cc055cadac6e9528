/* anpai-file-chooser.c — choosing project files, in one place
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anpai-file-chooser.h"

/* GtkFileChooserNative goes through the portal when sandboxed. GTK 4.10
 * replaces it with GtkFileDialog: this file is the only one to change. */

typedef struct {
  GtkWindow           *parent;
  GSettings           *settings;
  AnpaiFileChosenFunc  callback;
  gpointer             user_data;
  gboolean             saving;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->settings);
  g_free (request);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Anpai Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-anpai-project");
  gtk_file_filter_add_suffix (filter, "anpai");
  return filter;
}

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             Request         *request)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_settings_set_string (request->settings, "last-folder", dir);
      /* A project is found again by its extension. */
      if (request->saving && !g_str_has_suffix (path, ".anpai"))
        {
          char *with_suffix = g_strconcat (path, ".anpai", NULL);

          g_free (path);
          path = with_suffix;
        }
      request->callback (request->parent, path, request->user_data);
    }

  g_object_unref (dialog);
  request_free (request);
}

/* Plan documents as planners receive them: Word files, saved web pages
 * and plain text. */
static GtkFileFilter *
document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plan Documents"));
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

static void
run (GtkFileChooserNative *chooser,
     GtkWindow            *parent,
     GSettings            *settings,
     gboolean              saving,
     AnpaiFileChosenFunc   callback,
     gpointer              user_data)
{
  Request *request = g_new0 (Request, 1);
  g_autofree char *last = g_settings_get_string (settings, "last-folder");

  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->settings = g_object_ref (settings);
  request->callback = callback;
  request->user_data = user_data;
  request->saving = saving;

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
anpai_file_chooser_open_project (GtkWindow           *parent,
                                 GSettings           *settings,
                                 AnpaiFileChosenFunc  callback,
                                 gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Project"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  run (chooser, parent, settings, FALSE, callback, user_data);
}

void
anpai_file_chooser_open_document (GtkWindow           *parent,
                                  GSettings           *settings,
                                  AnpaiFileChosenFunc  callback,
                                  gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = document_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Plan Document"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  run (chooser, parent, settings, FALSE, callback, user_data);
}

void
anpai_file_chooser_save (GtkWindow           *parent,
                         GSettings           *settings,
                         const char          *title,
                         const char          *accept_label,
                         const char          *suggested_name,
                         GtkFileFilter       *filter,
                         AnpaiFileChosenFunc  callback,
                         gpointer             user_data)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, _("_Cancel"));
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  run (chooser, parent, settings, TRUE, callback, user_data);
}

void
anpai_file_chooser_save_project (GtkWindow           *parent,
                                 GSettings           *settings,
                                 const char          *title,
                                 const char          *accept_label,
                                 const char          *suggested_name,
                                 AnpaiFileChosenFunc  callback,
                                 gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = project_filter ();

  anpai_file_chooser_save (parent, settings, title, accept_label, suggested_name, filter,
                           callback, user_data);
}
