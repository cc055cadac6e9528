/* anpai-window-private.h — what the window's own files share
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anpai-export-dialog.h"
#include "anpai-import-dialog.h"
#include "anpai-outline-view.h"
#include "anpai-plans-view.h"
#include "anpai-start-page.h"
#include "anpai-timeline-pane.h"
#include "anpai-units-view.h"
#include "anpai-window.h"

G_BEGIN_DECLS

struct _AnpaiWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkWidget            *add_plan_button;
  GtkWidget            *history_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  AnpaiStartPage       *start_page;
  AdwViewStack         *view_stack;
  AnpaiPlansView       *plans_view;
  AnpaiOutlineView     *outline_view;
  AnpaiUnitsView       *units_view;
  AnpaiTimelinePane    *timeline_pane;
  AnpaiTimelineView    *timeline_view;  /* the page's */

  /* Owned */
  AnpaiProject         *project;
  GCancellable         *cancellable;   /* the open in progress */
  GSettings            *settings;
  char                 *opening_path;
};

void  _anpai_window_class_install_actions (GtkWidgetClass *widget_class);
void  _anpai_window_import_file           (AnpaiWindow    *self,
                                           GFile          *file);
AnpaiImportDialog *_anpai_window_new_import_dialog (AnpaiWindow *self);
AnpaiExportDialog *_anpai_window_new_export_dialog (AnpaiWindow *self);
void  _anpai_window_update_actions        (AnpaiWindow    *self);
void  _anpai_window_show_error            (AnpaiWindow    *self,
                                           const char     *heading,
                                           const GError   *error);

G_END_DECLS
