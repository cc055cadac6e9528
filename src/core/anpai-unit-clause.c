/* anpai-unit-clause.c — responsible units as plans write them
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <string.h>

#include "anpai-folded-text.h"
#include "anpai-unit-clause.h"

/* A piece of a list longer than this is a sentence, not a name. */
#define MAX_PIECE_CHARS 100
/* A clause naming more units than this is not a clause. */
#define MAX_UNITS 200

typedef AnpaiFoldedText Text;

/* The folded characters of [s, e) as UTF-8. */
static char *
text_dup (const Text *t,
          guint       s,
          guint       e)
{
  GString *str = g_string_sized_new ((e - s) * 3);

  for (guint i = s; i < e; i++)
    g_string_append_unichar (str, t->c[i]);
  return g_string_free (str, FALSE);
}

/*
 * Characters
 */

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\r' || g_unichar_isspace (c);
}

static gboolean
is_opener (gunichar c)
{
  /* ( [ 〔 【 《 〈 — full-width （ and ［ are folded to ASCII */
  return c == '(' || c == '[' || c == 0x3014 || c == 0x3010 || c == 0x300A || c == 0x3008;
}

static gboolean
is_closer (gunichar c)
{
  return c == ')' || c == ']' || c == 0x3015 || c == 0x3011 || c == 0x300B || c == 0x3009;
}

static gboolean
is_title_opener (gunichar c)
{
  return c == 0x300A || c == 0x3008;
}

/* What separates the units of a list. A space does too, but only between
 * two names (see take_piece), so it is not here. */
static gboolean
is_separator (gunichar c)
{
  return c == 0x3001 || c == ',' || c == ';' || c == 0x3002 || c == '!' || c == '?' ||
         c == '\n' || c == '\t';
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == '!' || c == '?';
}

/* What may stand before a label written without a colon. */
static gboolean
is_label_boundary (gunichar c)
{
  return is_space (c) || is_opener (c) || is_closer (c) || c == 0x3002 || c == ',' ||
         c == ';' || c == ':' || c == '!' || c == '?';
}

/* Length in characters of @word at @i, or 0. */
static guint
match_word (const Text *t,
            guint       i,
            guint       end,
            const char *word)
{
  return anpai_folded_text_match (t, i, end, word);
}

/*
 * Labels: 责任单位, 牵头单位, 配合单位 … with or without a colon
 */

typedef enum {
  ROLE_NONE,
  ROLE_LEAD,       /* 牵头单位 */
  ROLE_RESP,       /* 责任单位 */
  ROLE_SUPPORT,    /* 配合单位 */
  ROLE_RESP_BARE,  /* named without a label and without 牵头 */
} Role;

static const struct {
  const char *word;
  Role        role;
} label_roles[] = {
  { "牵头", ROLE_LEAD },
  { "主办", ROLE_LEAD },
  { "责任", ROLE_RESP },
  { "主责", ROLE_RESP },
  { "承办", ROLE_RESP },
  { "配合", ROLE_SUPPORT },
  { "协办", ROLE_SUPPORT },
  { "参与", ROLE_SUPPORT },
  { "协作", ROLE_SUPPORT },
  { "协同", ROLE_SUPPORT },
  { "参加", ROLE_SUPPORT },
  { "协助", ROLE_SUPPORT },
};

static const char * const label_kinds[] = { "单位", "部门", "处室", "科室", "主体", NULL };

/* The label at @i: its length in characters with the spaces and the colon
 * after it, or 0. A label without a colon must follow a boundary (so that
 * "明确牵头、配合部门" is not one); none may follow 各 ("各责任单位要…"). */
static guint
label_at (const Text *t,
          guint       i,
          guint       start,
          guint       end,
          Role       *role,
          gboolean   *colon)
{
  guint len = 0, j;
  gunichar first = t->c[i];

  /* cheap test first: this runs at every character */
  if (first != 0x7275 && first != 0x4E3B && first != 0x8D23 && first != 0x627F &&
      first != 0x914D && first != 0x534F && first != 0x53C2)  /* 牵 主 责 承 配 协 参 */
    return 0;

  for (guint r = 0; r < G_N_ELEMENTS (label_roles) && len == 0; r++)
    {
      guint k = match_word (t, i, end, label_roles[r].word);

      if (k == 0)
        continue;
      for (guint m = 0; label_kinds[m] != NULL; m++)
        {
          guint l = match_word (t, i + k, end, label_kinds[m]);

          if (l > 0)
            {
              len = k + l;
              *role = label_roles[r].role;
              break;
            }
        }
    }
  if (len == 0)
    return 0;

  j = i + len;
  while (j < end && t->c[j] == ' ')
    j++;
  *colon = j < end && t->c[j] == ':';
  if (*colon)
    j++;

  if (i > start)
    {
      gunichar prev = t->c[i - 1];

      if (prev == 0x5404)  /* 各 */
        return 0;
      if (!*colon && !is_label_boundary (prev))
        return 0;
    }
  if (!*colon && j < end && t->c[j] == 0x3001)  /* "牵头单位、配合单位" names labels */
    return 0;
  return j - i;
}

/*
 * Rules about units
 */

static const char * const rule_marks[] = {
  "为牵头", "是牵头", "为主办", "为主责", "列在首位", "列首位", "排名第一", "排名首位",
  "排在首位", "排在第一", "排序第一", "排列第一", "名列第一", "排第一", "列第一",
  "排在前面", "排名在前", "排名靠前", "首位的",
  "各责任单位", "各牵头单位", "各配合单位", "各责任部门", "各牵头部门", "各配合部门",
  "各协办单位", "各参与单位", "各主责单位",
  NULL
};

static gboolean
has_rule_marks (const char *folded)
{
  for (guint i = 0; rule_marks[i] != NULL; i++)
    if (strstr (folded, rule_marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Words that only go with a rule: "除分别负责外", "下同". */
static gboolean
is_filler (const char *folded)
{
  glong n = g_utf8_strlen (folded, -1);

  return g_str_equal (folded, "下同") || g_str_equal (folded, "以下同") ||
         (g_str_has_prefix (folded, "除") && g_str_has_suffix (folded, "外") && n <= 12);
}

gboolean
anpai_unit_clause_is_rule (const char *text)
{
  Text t;
  g_autoptr(GString) top = NULL;
  guint s = 0, e;
  int depth = 0;
  gboolean result;

  if (!anpai_folded_text_init (&t, text))
    return FALSE;

  e = t.n;
  while (s < e && is_space (t.c[s]))
    s++;
  while (e > s && (is_space (t.c[e - 1]) || is_separator (t.c[e - 1])))
    e--;

  /* a text that is one bracket group is read inside it */
  if (e - s >= 2 && is_opener (t.c[s]) && is_closer (t.c[e - 1]))
    {
      guint i;

      for (i = s; i < e; i++)
        {
          if (is_opener (t.c[i]))
            depth++;
          else if (is_closer (t.c[i]) && --depth == 0)
            break;
        }
      if (i == e - 1)
        {
          s++;
          e--;
        }
      depth = 0;
    }

  /* only what is outside brackets: the rule inside a task's 〔…〕 belongs
   * to the clause, not to the task */
  top = g_string_sized_new ((e - s) * 3);
  for (guint i = s; i < e; i++)
    {
      gunichar c = t.c[i];

      if (is_opener (c))
        {
          if (depth++ == 0)
            g_string_append_c (top, ' ');
        }
      else if (is_closer (c))
        depth = MAX (0, depth - 1);
      else if (depth == 0)
        g_string_append_unichar (top, c);
    }
  result = has_rule_marks (top->str);
  anpai_folded_text_clear (&t);
  return result;
}

/*
 * Lists of units
 */

typedef struct {
  guint    s, e;      /* the piece, trimmed */
  guint    next;      /* where the scan goes on */
  gunichar sep;       /* the separator after it, or 0 */
  gboolean too_long;
} Piece;

/* The piece that starts at @pos: up to a separator outside brackets, a
 * label, or @end. */
static void
next_piece (const Text *t,
            guint       pos,
            guint       start,
            guint       end,
            Piece      *piece)
{
  int depth = 0;
  guint i;
  Role role;
  gboolean colon;

  piece->s = pos;
  piece->sep = 0;
  piece->too_long = FALSE;
  for (i = pos; i < end; i++)
    {
      gunichar c = t->c[i];

      if (i - pos >= MAX_PIECE_CHARS)
        {
          piece->too_long = TRUE;
          break;
        }
      if (is_opener (c))
        depth++;
      else if (is_closer (c))
        depth = MAX (0, depth - 1);
      else if (depth == 0)
        {
          if (is_separator (c))
            {
              piece->sep = c;
              break;
            }
          if (i > pos && label_at (t, i, start, end, &role, &colon) > 0)
            break;
        }
    }
  piece->next = piece->sep != 0 ? i + 1 : i;
  piece->e = i;
  while (piece->e > piece->s && is_space (t->c[piece->e - 1]))
    piece->e--;
}

typedef struct {
  char          *name;
  Role           label;  /* of the segment it was in */
  AnpaiUnitHint  hint;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

typedef struct {
  GPtrArray *entries;   /* of Entry */
  gboolean   labelled;  /* a label was used */
  gboolean   has_hint;  /* a keyword such as 牵头 or 负责 was used */
  guint      first;     /* the clause's first character */
  guint      last;      /* after its last unit (and the unit's keyword) */
  guint      scanned;   /* how far the scan went */
} Parse;

static void
parse_init (Parse *p)
{
  p->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  p->labelled = FALSE;
  p->has_hint = FALSE;
  p->first = G_MAXUINT;
  p->last = 0;
  p->scanned = 0;
}

static void
parse_clear (Parse *p)
{
  g_clear_pointer (&p->entries, g_ptr_array_unref);
}

typedef enum {
  PIECE_INVALID,
  PIECE_NAMES,
  PIECE_KEYWORD,  /* "按职责分工负责" alone: qualifies the names before it */
  PIECE_RULE,
  PIECE_FILLER,
} PieceKind;

/* Markers of a sentence: a piece with one of these is not a name unless
 * it has a unit's ending. */
static const char * const sentence_marks[] = {
  "加强", "推进", "推动", "开展", "完成", "落实", "建立", "健全", "完善", "实施",
  "实行", "做好", "提高", "提升", "确保", "制定", "要", "将", "应", "把", "对",
  "年", "月", "日", "前", "底",
  NULL
};

/* A name after a label with a colon: its shape may be unusual (新闻媒体). */
static gboolean
is_lenient_name (const char *name)
{
  if (anpai_unit_name_is_strict (name))
    return TRUE;
  if (g_utf8_strlen (name, -1) > 15)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  for (guint i = 0; sentence_marks[i] != NULL; i++)
    if (strstr (name, sentence_marks[i]) != NULL)
      return FALSE;
  return TRUE;
}

static PieceKind
read_name (const char    *folded,
           gboolean       strict,
           char         **name_out,
           AnpaiUnitHint *hint)
{
  g_autofree char *name = anpai_unit_name_normalize_hint (folded, hint);

  if (name[0] == '\0')
    return *hint != ANPAI_UNIT_HINT_NONE ? PIECE_KEYWORD : PIECE_INVALID;
  if (strict ? !anpai_unit_name_is_strict (name) : !is_lenient_name (name))
    return PIECE_INVALID;
  *name_out = g_steal_pointer (&name);
  return PIECE_NAMES;
}

/* Reads one piece; appends what it names to @names (char*) with one hint
 * for them all. */
static PieceKind
take_piece (const Text    *t,
            const Piece   *piece,
            gboolean       strict,
            GPtrArray     *names,
            AnpaiUnitHint *hint)
{
  g_autofree char *folded = NULL;
  char *name = NULL;
  PieceKind kind;

  *hint = ANPAI_UNIT_HINT_NONE;
  if (piece->too_long || piece->e <= piece->s)
    return PIECE_INVALID;

  folded = text_dup (t, piece->s, piece->e);
  if (has_rule_marks (folded))
    return PIECE_RULE;
  if (is_filler (folded))
    return PIECE_FILLER;

  /* "市司法局 市财政局": a space separates two names, but "市 司 法 局"
   * is one name spaced out */
  if (strchr (folded, ' ') != NULL)
    {
      g_auto(GStrv) words = g_strsplit (folded, " ", -1);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      gboolean all = TRUE;

      for (guint i = 0; words[i] != NULL && all; i++)
        {
          AnpaiUnitHint word_hint = ANPAI_UNIT_HINT_NONE;
          char *word_name = NULL;

          if (words[i][0] == '\0')
            continue;
          if (read_name (words[i], TRUE, &word_name, &word_hint) != PIECE_NAMES ||
              (word_hint != ANPAI_UNIT_HINT_NONE && words[i + 1] != NULL))
            {
              all = FALSE;
              g_free (word_name);
              break;
            }
          g_ptr_array_add (found, word_name);
          *hint = word_hint;
        }
      if (all && found->len >= 2)
        {
          for (guint i = 0; i < found->len; i++)
            g_ptr_array_add (names, g_strdup (g_ptr_array_index (found, i)));
          return PIECE_NAMES;
        }
      *hint = ANPAI_UNIT_HINT_NONE;
    }

  kind = read_name (folded, strict, &name, hint);
  if (kind == PIECE_NAMES)
    g_ptr_array_add (names, name);
  return kind;
}

/* Joins "各区、县级市" and "市、县(区)政府" into one piece: a list of
 * administrative levels is one collective, not several units. */
static void
join_collective (const Text *t,
                 guint       start,
                 guint       end,
                 Piece      *piece)
{
  for (guint round = 0; round < MAX_PIECE_CHARS; round++)
    {
      g_autofree char *folded = NULL;
      char first[8] = { 0 };
      Piece next;
      guint q = piece->next;

      if (piece->sep != 0x3001 || piece->too_long)
        return;
      folded = text_dup (t, piece->s, piece->e);
      if (!anpai_unit_name_is_level_only (folded, -1))
        return;
      while (q < end && is_space (t->c[q]))
        q++;
      /* the next piece must start with a level: 县级市, 区人民政府, 县(区)政府 */
      if (q >= end)
        return;
      g_unichar_to_utf8 (t->c[q], first);
      if (!anpai_unit_name_is_level_only (first, -1))
        return;
      next_piece (t, q, start, end, &next);
      if (next.e - piece->s > MAX_PIECE_CHARS)
        return;
      piece->e = next.e;
      piece->next = next.next;
      piece->sep = next.sep;
      piece->too_long = next.too_long;
    }
}

/* A keyword after a name ("A、B牵头") applies to the names before it back
 * to the previous keyword, unless it would contradict the label: after
 * 牵头单位 or 配合单位 it applies to its own piece only. */
static void
apply_hint (Parse         *p,
            guint          group_start,
            guint          own_start,
            Role           label,
            AnpaiUnitHint  hint)
{
  guint from = (label == ROLE_NONE || label == ROLE_RESP) ? group_start : own_start;

  if (hint == ANPAI_UNIT_HINT_NONE)
    return;
  p->has_hint = TRUE;
  for (guint i = from; i < p->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (p->entries, i);

      if (entry->hint == ANPAI_UNIT_HINT_NONE || i >= own_start)
        entry->hint = hint;
    }
}

/* Reads [s, e) as a clause: an optional unlabelled list, then labelled
 * lists. With @require_all every piece must be a unit (or a rule);
 * otherwise a labelled list ends at the first piece that is not a name.
 * Names in an unlabelled list or after a label without colon must look
 * like units (anpai_unit_name_is_strict). */
static gboolean
parse_range (const Text *t,
             guint       s,
             guint       e,
             gboolean    require_all,
             Parse      *p)
{
  Role label = ROLE_NONE;
  gboolean colon = FALSE;
  gboolean rule_seen = FALSE, filler_seen = FALSE;
  guint group_start = 0;
  guint pos = s;

  while (TRUE)
    {
      g_autoptr(GPtrArray) names = NULL;
      AnpaiUnitHint hint;
      PieceKind kind;
      Piece piece;
      Role role;
      gboolean has_colon;
      guint len, own_start;

      while (pos < e && (is_space (t->c[pos]) || is_separator (t->c[pos])))
        pos++;
      if (pos >= e)
        break;

      len = label_at (t, pos, s, e, &role, &has_colon);
      if (len > 0)
        {
          if (p->first == G_MAXUINT)
            p->first = pos;
          label = role;
          colon = has_colon;
          group_start = p->entries->len;
          pos += len;
          continue;
        }

      next_piece (t, pos, s, e, &piece);
      join_collective (t, s, e, &piece);
      names = g_ptr_array_new_with_free_func (g_free);
      kind = take_piece (t, &piece, label == ROLE_NONE || !colon, names, &hint);

      if (kind == PIECE_INVALID || p->entries->len + names->len > MAX_UNITS)
        {
          p->scanned = piece.next;
          if (require_all || label == ROLE_NONE || (!colon && p->entries->len == 0))
            return FALSE;
          break;  /* the labelled list ends here */
        }

      own_start = p->entries->len;
      switch (kind)
        {
        case PIECE_RULE:
          rule_seen = TRUE;
          break;
        case PIECE_FILLER:
          filler_seen = TRUE;
          break;
        case PIECE_KEYWORD:
          apply_hint (p, group_start, own_start, label, hint);
          group_start = p->entries->len;
          p->last = piece.e;
          break;
        case PIECE_NAMES:
          for (guint i = 0; i < names->len; i++)
            {
              Entry *entry = g_new0 (Entry, 1);

              entry->name = g_strdup (g_ptr_array_index (names, i));
              entry->label = label;
              g_ptr_array_add (p->entries, entry);
            }
          if (label != ROLE_NONE)
            p->labelled = TRUE;
          if (hint != ANPAI_UNIT_HINT_NONE)
            {
              apply_hint (p, group_start, own_start, label, hint);
              group_start = p->entries->len;
            }
          if (p->first == G_MAXUINT)
            p->first = piece.s;
          p->last = piece.e;
          break;
        case PIECE_INVALID:
        default:
          g_assert_not_reached ();
        }
      pos = piece.next;
    }

  p->scanned = MAX (p->scanned, pos);
  if (p->entries->len == 0)
    return FALSE;
  /* "(…,下同)" without a rule is a remark, not a list of units */
  if (require_all && filler_seen && !rule_seen)
    return FALSE;
  return TRUE;
}

static Role
resolve_role (Role          label,
              AnpaiUnitHint hint)
{
  switch (label)
    {
    case ROLE_LEAD:
      return hint == ANPAI_UNIT_HINT_SUPPORT ? ROLE_SUPPORT : ROLE_LEAD;
    case ROLE_RESP:
      if (hint == ANPAI_UNIT_HINT_LEAD)
        return ROLE_LEAD;
      return hint == ANPAI_UNIT_HINT_SUPPORT ? ROLE_SUPPORT : ROLE_RESP;
    case ROLE_SUPPORT:
      return ROLE_SUPPORT;
    case ROLE_NONE:
    case ROLE_RESP_BARE:
    default:
      if (hint == ANPAI_UNIT_HINT_LEAD)
        return ROLE_LEAD;
      return hint == ANPAI_UNIT_HINT_SUPPORT ? ROLE_SUPPORT : ROLE_RESP_BARE;
    }
}

static gboolean
already_named (AnpaiUnitClause *clause,
               const char      *name)
{
  GPtrArray *lists[] = { clause->co, clause->support };

  if (clause->lead != NULL && anpai_unit_names_equivalent (clause->lead, name))
    return TRUE;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (anpai_unit_names_equivalent (g_ptr_array_index (lists[l], i), name))
        return TRUE;
  return FALSE;
}

/* The first responsible unit leads unless a 牵头 is named; with a 牵头,
 * the others are co-responsible ("A牵头,B按职责分工负责": B is responsible
 * for its part), as in a labelled 责任单位 list. Only 配合 and the like
 * make a unit support. */
static AnpaiUnitClause *
build_clause (const Parse *p)
{
  AnpaiUnitClause *clause = anpai_unit_clause_new ();
  gboolean has_lead = FALSE;

  for (guint i = 0; i < p->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (p->entries, i);

      if (resolve_role (entry->label, entry->hint) == ROLE_LEAD)
        has_lead = TRUE;
    }

  for (guint i = 0; i < p->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (p->entries, i);
      Role role = resolve_role (entry->label, entry->hint);

      if (already_named (clause, entry->name))
        continue;
      if (role == ROLE_SUPPORT)
        g_ptr_array_add (clause->support, g_strdup (entry->name));
      else if (role == ROLE_LEAD || !has_lead)
        {
          if (clause->lead == NULL)
            clause->lead = g_strdup (entry->name);
          else
            g_ptr_array_add (clause->co, g_strdup (entry->name));
        }
      else
        g_ptr_array_add (clause->co, g_strdup (entry->name));
    }
  clause->labelled = p->labelled;
  return clause;
}

/* After the last unit: the separators and spaces that follow belong to the
 * clause ("责任单位:A。" or "责任单位:A;完成时限…" leaves "完成时限…"). */
static guint
swallow_separators (const Text *t,
                    guint       i,
                    guint       end)
{
  while (i < end && (is_space (t->c[i]) || is_separator (t->c[i]) || t->c[i] == '.'))
    i++;
  return i;
}

/* The index of the closer matching the opener at @i, or G_MAXUINT. */
static guint
matching_closer (const Text *t,
                 guint       i,
                 guint       end)
{
  int depth = 0;

  for (guint j = i; j < end; j++)
    {
      if (is_opener (t->c[j]))
        depth++;
      else if (is_closer (t->c[j]) && --depth == 0)
        return j;
    }
  return G_MAXUINT;
}

/*
 * Public API
 */

AnpaiUnitClause *
anpai_unit_clause_new (void)
{
  AnpaiUnitClause *clause = g_new0 (AnpaiUnitClause, 1);

  clause->co = g_ptr_array_new_with_free_func (g_free);
  clause->support = g_ptr_array_new_with_free_func (g_free);
  return clause;
}

void
anpai_unit_clause_free (AnpaiUnitClause *clause)
{
  if (clause == NULL)
    return;
  g_free (clause->lead);
  g_ptr_array_unref (clause->co);
  g_ptr_array_unref (clause->support);
  g_free (clause);
}

AnpaiUnitClause *
anpai_unit_clause_parse (const char *text)
{
  AnpaiUnitClause *clause = NULL;
  Parse p;
  Text t;
  guint s = 0, e;
  gboolean bracketed = FALSE;

  if (!anpai_folded_text_init (&t, text))
    return NULL;

  e = t.n;
  while (s < e && is_space (t.c[s]))
    s++;
  while (e > s && is_space (t.c[e - 1]))
    e--;

  /* a line that is one bracket group: "(责任单位:A)", "〔A、B〕。" */
  if (s < e && is_opener (t.c[s]) && !is_title_opener (t.c[s]))
    {
      guint close = matching_closer (&t, s, e);

      if (close != G_MAXUINT && swallow_separators (&t, close + 1, e) == e)
        {
          bracketed = TRUE;
          s++;
          e = close;
        }
    }

  parse_init (&p);
  if (parse_range (&t, s, e, FALSE, &p))
    {
      clause = build_clause (&p);
      if (bracketed)
        {
          clause->start = t.off[s - 1];
          clause->end = t.off[swallow_separators (&t, e + 1, t.n)];
        }
      else
        {
          clause->start = t.off[p.first];
          clause->end = t.off[swallow_separators (&t, p.last, t.n)];
        }
    }
  parse_clear (&p);
  anpai_folded_text_clear (&t);
  return clause;
}

/* "…要求。(责任单位:A,配合单位:B)" or "…〔A、B,各县(市、区)政府〕。" */
static AnpaiUnitClause *
find_trailing_bracket (const Text *t)
{
  AnpaiUnitClause *clause = NULL;
  guint j = t->n, i;
  int depth = 0;
  Parse p;

  while (j > 0 && (is_space (t->c[j - 1]) || is_separator (t->c[j - 1]) || t->c[j - 1] == '.'))
    j--;
  if (j == 0 || !is_closer (t->c[j - 1]))
    return NULL;

  for (i = j; i > 0; i--)
    {
      gunichar c = t->c[i - 1];

      if (is_closer (c))
        depth++;
      else if (is_opener (c) && --depth == 0)
        break;
    }
  if (i == 0 || is_title_opener (t->c[i - 1]))
    return NULL;
  i--;  /* the opener */

  parse_init (&p);
  if (parse_range (t, i + 1, j - 1, TRUE, &p))
    {
      clause = build_clause (&p);
      clause->start = t->off[i];
      clause->end = t->off[j];
    }
  parse_clear (&p);
  return clause;
}

/* "…权威性。责任单位:A,配合单位:B" or a labelled bracket inside the text. */
static AnpaiUnitClause *
find_labelled (const Text *t)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint titles = 0, resume = 0;

  for (guint i = 0; i < t->n; i++)
    {
      gunichar c = t->c[i];
      guint open, end, len;
      Role role;
      gboolean colon;
      Parse p;

      if (is_opener (c))
        {
          g_array_append_val (stack, i);
          titles += is_title_opener (c);
          continue;
        }
      if (is_closer (c))
        {
          if (stack->len > 0)
            {
              titles -= is_title_opener (t->c[g_array_index (stack, guint, stack->len - 1)]);
              g_array_set_size (stack, stack->len - 1);
            }
          continue;
        }
      if (i < resume || titles > 0)
        continue;
      len = label_at (t, i, 0, t->n, &role, &colon);
      if (len == 0)
        continue;

      open = stack->len > 0 ? g_array_index (stack, guint, stack->len - 1) : G_MAXUINT;
      end = open != G_MAXUINT ? matching_closer (t, open, t->n) : t->n;
      if (end == G_MAXUINT)
        end = t->n;

      parse_init (&p);
      if (parse_range (t, i, end, FALSE, &p))
        {
          AnpaiUnitClause *clause = build_clause (&p);
          guint after = swallow_separators (t, p.last, end);
          gboolean whole_bracket = open != G_MAXUINT && end < t->n && after == end;

          for (guint k = open + 1; whole_bracket && k < i; k++)
            if (!is_space (t->c[k]))
              whole_bracket = FALSE;
          if (whole_bracket)
            {
              clause->start = t->off[open];
              clause->end = t->off[end + 1];
            }
          else
            {
              clause->start = t->off[i];
              clause->end = t->off[after];
            }
          parse_clear (&p);
          return clause;
        }
      /* the scan went that far already: going on from there keeps the
       * search linear however many labels the text holds */
      resume = MAX (i + 1, p.scanned);
      parse_clear (&p);
    }
  return NULL;
}

/* "…宣传。市司法局牵头,各县区人民政府配合。": the last sentence, when it
 * is nothing but units with 牵头/负责/配合. */
static AnpaiUnitClause *
find_trailing_sentence (const Text *t)
{
  AnpaiUnitClause *clause = NULL;
  guint e = t->n, s;
  int depth = 0;
  Parse p;

  while (e > 0 && (is_space (t->c[e - 1]) || is_separator (t->c[e - 1])))
    e--;
  for (s = e; s > 0; s--)
    {
      gunichar c = t->c[s - 1];

      if (is_closer (c))
        depth++;
      else if (is_opener (c))
        depth = MAX (0, depth - 1);
      else if (depth == 0 && is_sentence_end (c))
        break;
    }
  while (s < e && is_space (t->c[s]))
    s++;
  if (s >= e)
    return NULL;

  parse_init (&p);
  if (parse_range (t, s, e, TRUE, &p) && p.has_hint && !p.labelled)
    {
      clause = build_clause (&p);
      clause->start = t->off[s];
      clause->end = t->off[t->n];
    }
  parse_clear (&p);
  return clause;
}

AnpaiUnitClause *
anpai_unit_clause_find (const char *text)
{
  AnpaiUnitClause *clause;
  Text t;

  if (!anpai_folded_text_init (&t, text))
    return NULL;

  clause = find_trailing_bracket (&t);
  if (clause == NULL)
    clause = find_labelled (&t);
  if (clause == NULL)
    clause = find_trailing_sentence (&t);

  anpai_folded_text_clear (&t);
  return clause;
}
