/* anpai-import-reader.h — plan documents to blocks of text
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "anpai-import-model.h"

G_BEGIN_DECLS

#define ANPAI_IMPORT_ERROR (anpai_import_error_quark ())

typedef enum {
  ANPAI_IMPORT_ERROR_EMPTY,        /* nothing to import */
  ANPAI_IMPORT_ERROR_BINARY,       /* not a text, web page or Word document */
  ANPAI_IMPORT_ERROR_DAMAGED,      /* a .docx or web page that cannot be read */
  ANPAI_IMPORT_ERROR_UNSUPPORTED,  /* a known format Anpai does not read (.doc, .pdf, …) */
  ANPAI_IMPORT_ERROR_NO_OUTLINE,   /* text, but no plan structure in it */
  ANPAI_IMPORT_ERROR_IO,
} AnpaiImportError;

GQuark             anpai_import_error_quark   (void);

/* Decides the format from the content (a .docx is a zip with
 * word/document.xml; a web page has HTML markup; else text), never from the
 * name alone. @name is kept as the source's name and used in messages. */
AnpaiImportSource *anpai_import_read_bytes    (GBytes        *bytes,
                                               const char    *name,
                                               GError       **error);
AnpaiImportSource *anpai_import_read_file     (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* Text pasted into the app: already UTF-8. */
AnpaiImportSource *anpai_import_read_text     (const char    *utf8,
                                               const char    *name,
                                               GError       **error);

/* The individual readers, for tests and the fuzz target. */
char              *anpai_import_decode_text   (const guint8  *data,
                                               gsize          length,
                                               const char   **encoding,
                                               GError       **error);
AnpaiImportSource *anpai_import_read_html     (const guint8  *data,
                                               gsize          length,
                                               const char    *name,
                                               GError       **error);
AnpaiImportSource *anpai_import_read_docx     (const guint8  *data,
                                               gsize          length,
                                               const char    *name,
                                               GError       **error);

/* Shared by the readers. */
const char        *anpai_import_sniff_bom     (const guint8  *data,
                                               gsize          length,
                                               gsize         *bom_length);
const char        *anpai_import_guess_charset (const guint8  *data,
                                               gsize          length);
char              *anpai_import_to_utf8       (const guint8  *data,
                                               gsize          length,
                                               const char    *charset,
                                               gsize         *n_chars,
                                               gsize         *n_bad);
gboolean           anpai_import_looks_like_html (const char  *data,
                                                 gsize        length);
char              *anpai_import_format_number (int            value,
                                               const char    *format);
/* The name messages quote: @name, or a stand-in for a document without one. */
const char        *anpai_import_display_name  (const char    *name);
gboolean           anpai_import_contains      (const guint8  *data,
                                               gsize          length,
                                               const char    *needle,
                                               gsize          needle_length);
void               anpai_import_set_damaged_word (GError    **error,
                                                  const char *name);
void               anpai_import_set_encrypted (GError       **error,
                                               const char    *name);
/* libxml2's parser set up once, whichever reader comes first. */
void               anpai_import_init_libxml   (void);

G_END_DECLS
