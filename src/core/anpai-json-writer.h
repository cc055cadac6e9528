/* anpai-json-writer.h — a small streaming JSON writer
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnpaiJsonWriter AnpaiJsonWriter;

AnpaiJsonWriter *anpai_json_writer_new          (gboolean          pretty);
void             anpai_json_writer_free         (AnpaiJsonWriter  *self);
char            *anpai_json_writer_free_to_string (AnpaiJsonWriter *self);

void             anpai_json_writer_begin_object (AnpaiJsonWriter  *self);
void             anpai_json_writer_end_object   (AnpaiJsonWriter  *self);
void             anpai_json_writer_begin_array  (AnpaiJsonWriter  *self);
void             anpai_json_writer_end_array    (AnpaiJsonWriter  *self);
void             anpai_json_writer_member       (AnpaiJsonWriter  *self,
                                                 const char       *name);
void             anpai_json_writer_string       (AnpaiJsonWriter  *self,
                                                 const char       *value);
void             anpai_json_writer_string_or_null (AnpaiJsonWriter *self,
                                                 const char       *value);
void             anpai_json_writer_int          (AnpaiJsonWriter  *self,
                                                 gint64            value);
void             anpai_json_writer_id_or_null   (AnpaiJsonWriter  *self,
                                                 gint64            value);
void             anpai_json_writer_double       (AnpaiJsonWriter  *self,
                                                 double            value);
void             anpai_json_writer_boolean      (AnpaiJsonWriter  *self,
                                                 gboolean          value);
void             anpai_json_writer_null         (AnpaiJsonWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnpaiJsonWriter, anpai_json_writer_free)

G_END_DECLS
