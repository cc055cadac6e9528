/* anpai-unit-name.c — the spelling, shape and kind of a responsible unit's name
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "AnpaiImport"

#include <stdlib.h>
#include <string.h>

#include "anpai-unit-clause.h"

/* Names come from untrusted documents: anything longer than this is a
 * sentence, not a name, and is rejected before any work is done on it. */
#define MAX_NAME_BYTES 1024
#define MAX_NAME_CHARS 40
#define MAX_STRICT_CHARS 30

/*
 * Folding
 */

/* Traditional → Simplified for the characters of unit names, clause labels
 * (牽頭單位, 責任單位, 配合單位) and targets (不少於, 以內). A full converter
 * is not needed: documents are Simplified, and only pasted text from
 * elsewhere uses these. Pairs, Traditional first; all are in the BMP. */
static const char trad_simp_pairs[] =
  "單单頭头責责縣县區区門门辦办會会級级務务廳厅財财稅税發发員员監监檢检醫医"
  "衛卫農农業业經经濟济開开環环護护設设資资規规劃划勞劳動动組组織织黨党紀纪"
  "協协國国廣广電电體体關关機机構构鎮镇鄉乡郵邮質质學学藝艺計计統统審审訪访"
  "處处應应產产運运輸输車车導导領领與与為为實实證证書书場场價价參参預预網网"
  "聯联轄辖軍军隊队練练戰战備备災灾險险庫库確确眾众貿贸糧粮銀银儲储僑侨婦妇"
  "殘残園园標标準准華华團团廠厂礦矿鐵铁總总傳传線线館馆臺台營营貨货數数據据"
  "權权屬属復复歷历邊边點点個个時时對对於于進进過过還还問问題题將将從从條条"
  "項项試试類类當当層层職职負负別别執执編编氣气間间達达內内蓋盖滿满課课現现"
  "結结專专萬万億亿兩两蘭兰東东葉叶陽阳灣湾蘇苏澤泽濱滨嶺岭島岛興兴義义寧宁"
  "慶庆齊齐魯鲁龍龙雲云貴贵陝陕遼辽黃黄劉刘馬马張张陳陈鄭郑韓韩羅罗漢汉廈厦"
  "瀋沈紅红藥药療疗舉举辯辩議议訟讼調调師师顧顾詢询論论聽听評评報报請请諮咨"
  "詞词說说讀读選选購购債债擔担稱称優优驗验測测訊讯號号補补範范歸归屆届幹干"
  "後后裡里嚴严懲惩韋韦鐘钟隨随牽牵";

typedef struct {
  gunichar from;
  gunichar to;
} FoldPair;

static FoldPair *fold_table;
static gsize     fold_table_len;

static int
compare_fold_pair (const void *a,
                   const void *b)
{
  const FoldPair *x = a, *y = b;

  return (x->from > y->from) - (x->from < y->from);
}

static void
ensure_fold_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      glong n = g_utf8_strlen (trad_simp_pairs, -1) / 2;
      const char *p = trad_simp_pairs;

      fold_table = g_new (FoldPair, n);
      for (glong i = 0; i < n; i++)
        {
          fold_table[i].from = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
          fold_table[i].to = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      qsort (fold_table, n, sizeof (FoldPair), compare_fold_pair);
      fold_table_len = n;
      g_once_init_leave (&initialized, 1);
    }
}

gunichar
anpai_unit_fold_char (gunichar c)
{
  /* full-width ASCII forms: （ ： ； ， ０-９ Ａ-Ｚ ％ … */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  switch (c)
    {
    case 0x3000: case 0x00A0: case 0x202F: case 0x205F: case 0xFEFF:
      return ' ';
    case 0xFF64:  /* halfwidth ideographic comma */
      return 0x3001;
    case 0xFF61:  /* halfwidth ideographic full stop */
      return 0x3002;
    case 0x2236:  /* RATIO, used as a colon in some documents */
    case 0xFE55:  /* small colon */
      return ':';
    default:
      break;
    }
  if (c >= 0x2000 && c <= 0x200B)
    return ' ';
  if (c >= 0x4E00 && c <= 0x9FFF)
    {
      FoldPair key = { c, 0 };
      const FoldPair *hit;

      ensure_fold_table ();
      hit = bsearch (&key, fold_table, fold_table_len, sizeof (FoldPair), compare_fold_pair);
      if (hit != NULL)
        return hit->to;
    }
  return c;
}

/*
 * Small string helpers (UTF-8, whole characters)
 */

static gboolean
has_suffix (const GString *s,
            const char    *suffix)
{
  gsize n = strlen (suffix);

  /* UTF-8 is self-synchronising, so a byte suffix is a character suffix */
  return s->len >= n && memcmp (s->str + s->len - n, suffix, n) == 0;
}

static gboolean
cut_suffix (GString    *s,
            const char *suffix)
{
  if (!has_suffix (s, suffix))
    return FALSE;
  g_string_truncate (s, s->len - strlen (suffix));
  return TRUE;
}

static gboolean
cut_prefix (GString    *s,
            const char *prefix)
{
  gsize n = strlen (prefix);

  if (s->len < n || memcmp (s->str, prefix, n) != 0)
    return FALSE;
  g_string_erase (s, 0, n);
  return TRUE;
}

static gboolean
str_in (const char         *s,
        const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (s, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
ends_with_any (const char         *s,
               const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_suffix (s, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
contains_any (const char         *s,
              const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (s, list[i]) != NULL)
      return TRUE;
  return FALSE;
}

/*
 * Normalising
 */

static GString *
fold_name (const char *name)
{
  GString *s = g_string_sized_new (strlen (name));

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = anpai_unit_fold_char (g_utf8_get_char (p));

      if (g_unichar_isspace (c) || c == 0x200B || g_unichar_iscntrl (c))
        continue;
      /* one bracket form for names, the one the sample project uses */
      if (c == '(')
        c = 0xFF08;
      else if (c == ')')
        c = 0xFF09;
      g_string_append_unichar (s, c);
    }
  return s;
}

static gboolean
is_trim_char (gunichar c)
{
  return c < 0x80 ? (strchr (",.;:!?'\"-_/\\", (int) c) != NULL && c != 0)
                  : (c == 0x3001 || c == 0x3002 || c == 0x00B7 || c == 0x2014 ||
                     c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 ||
                     c == 0x2019 || c == 0x2015 || c == 0x30FB);
}

static void
trim_punct (GString *s)
{
  while (s->len > 0)
    {
      const char *last = g_utf8_find_prev_char (s->str, s->str + s->len);

      if (last == NULL || !is_trim_char (g_utf8_get_char (last)))
        break;
      g_string_truncate (s, last - s->str);
    }
  while (s->len > 0 && is_trim_char (g_utf8_get_char (s->str)))
    g_string_erase (s, 0, g_utf8_next_char (s->str) - s->str);
}

/* "（市司法局）" is the name without its brackets, "各县（市、区）" is not. */
static void
unwrap_brackets (GString *s)
{
  int depth = 0;

  if (!g_str_has_prefix (s->str, "（") || !has_suffix (s, "）"))
    return;
  for (const char *p = s->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08)
        depth++;
      else if (c == 0xFF09 && --depth == 0 && p[3] != '\0')
        return;  /* the first bracket closes before the end */
    }
  g_string_truncate (s, s->len - strlen ("）"));
  g_string_erase (s, 0, strlen ("（"));
}

typedef struct {
  const char    *text;
  AnpaiUnitHint  hint;
} Keyword;

/* Longest first: "牵头负责" before "负责". */
static const Keyword role_keywords[] = {
  { "牵头负责", ANPAI_UNIT_HINT_LEAD },
  { "牵头落实", ANPAI_UNIT_HINT_LEAD },
  { "牵头抓总", ANPAI_UNIT_HINT_LEAD },
  { "牵头", ANPAI_UNIT_HINT_LEAD },
  { "配合落实", ANPAI_UNIT_HINT_SUPPORT },
  { "配合实施", ANPAI_UNIT_HINT_SUPPORT },
  { "参与配合", ANPAI_UNIT_HINT_SUPPORT },
  { "协助配合", ANPAI_UNIT_HINT_SUPPORT },
  { "协同配合", ANPAI_UNIT_HINT_SUPPORT },
  { "配合", ANPAI_UNIT_HINT_SUPPORT },
  { "协助", ANPAI_UNIT_HINT_SUPPORT },
  { "协办", ANPAI_UNIT_HINT_SUPPORT },
  { "参与", ANPAI_UNIT_HINT_SUPPORT },
  { "协同", ANPAI_UNIT_HINT_SUPPORT },
  { "负责落实", ANPAI_UNIT_HINT_RESPONSIBLE },
  { "抓好落实", ANPAI_UNIT_HINT_RESPONSIBLE },
  { "各负其责", ANPAI_UNIT_HINT_RESPONSIBLE },
  { "负责", ANPAI_UNIT_HINT_RESPONSIBLE },
};

/* Words that qualify a role keyword: 按照职责分工(分别)负责. */
static const char * const role_adverbs[] = {
  "按照职责分工", "按职责分工", "根据职责分工", "按照职能分工", "按职能分工",
  "依照职责分工", "依职责分工", "按照各自职责", "按各自职责", "按照职责",
  "按职责", "根据职责", "依照职责", "依职责", "按照职能", "按职能",
  "分别", "共同", "具体", "积极", "各自",
  NULL
};

/* "市公安局等", "市司法局等相关部门": the named head is the unit. */
static const char * const etc_suffixes[] = {
  "等相关部门", "等有关部门", "等其他部门", "等相关单位", "等有关单位",
  "等其他单位", "等成员单位", "等部门", "等单位", "等",
  NULL
};

static const char * const leading_words[] = { "由", "其他", "其它", NULL };

/* "市司法局（牵头）": the role in brackets after the name. */
static const Keyword bracketed_roles[] = {
  { "（牵头单位）", ANPAI_UNIT_HINT_LEAD },
  { "（牵头部门）", ANPAI_UNIT_HINT_LEAD },
  { "（牵头）", ANPAI_UNIT_HINT_LEAD },
  { "（配合单位）", ANPAI_UNIT_HINT_SUPPORT },
  { "（配合部门）", ANPAI_UNIT_HINT_SUPPORT },
  { "（配合）", ANPAI_UNIT_HINT_SUPPORT },
  { "（负责）", ANPAI_UNIT_HINT_RESPONSIBLE },
  { "（主责）", ANPAI_UNIT_HINT_RESPONSIBLE },
};

static void
strip_qualifiers (GString       *s,
                  AnpaiUnitHint *hint)
{
  /* a few rounds: "按照职责分工分别负责" is adverb + adverb + keyword */
  for (guint round = 0; round < 8; round++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bracketed_roles); i++)
        if (cut_suffix (s, bracketed_roles[i].text))
          {
            if (*hint == ANPAI_UNIT_HINT_NONE)
              *hint = bracketed_roles[i].hint;
            changed = TRUE;
            break;
          }
      for (guint i = 0; i < G_N_ELEMENTS (role_keywords); i++)
        if (cut_suffix (s, role_keywords[i].text))
          {
            if (*hint == ANPAI_UNIT_HINT_NONE)
              *hint = role_keywords[i].hint;
            changed = TRUE;
            break;
          }
      for (guint i = 0; role_adverbs[i] != NULL; i++)
        if (cut_suffix (s, role_adverbs[i]))
          {
            changed = TRUE;
            break;
          }
      for (guint i = 0; etc_suffixes[i] != NULL; i++)
        if (cut_suffix (s, etc_suffixes[i]))
          {
            changed = TRUE;
            break;
          }
      for (guint i = 0; leading_words[i] != NULL; i++)
        if (cut_prefix (s, leading_words[i]))
          changed = TRUE;
      trim_punct (s);
      if (!changed)
        break;
    }
}

/* The administrative levels a collective is made of: 市、县(区), 各区、县级市. */
static gboolean
is_level_char (gunichar c)
{
  static const char level_chars[] = "市县区乡镇旗省州级村居街道盟";

  return c >= 0x80 && g_utf8_strchr (level_chars, -1, c) != NULL;
}

gboolean
anpai_unit_name_is_level_only (const char *s,
                               gssize      len)
{
  const char *end = len < 0 ? s + strlen (s) : s + len;
  int depth = 0;
  guint n = 0;

  if (g_str_has_prefix (s, "各") && s + strlen ("各") <= end)
    s += strlen ("各");
  for (const char *p = s; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08)
        depth++;
      else if (c == ')' || c == 0xFF09)
        depth = MAX (0, depth - 1);
      else if (depth > 0 || c == 0x3001)
        continue;
      else if (is_level_char (c))
        n++;
      else
        return FALSE;
    }
  return n > 0;
}

static const char * const generic_words[] = {
  "部门", "单位", "机关", "机构", "政府", "有关", "相关", "各", "其他", "成员单位",
  "相关部门等", "市", "县", "区",
  NULL
};

/* 牵头单位, 配合部门 …: a clause's label, not a unit */
static gboolean
is_label (const char *s)
{
  static const char * const roles[] = {
    "牵头", "主办", "责任", "主责", "承办", "配合", "协办", "参与", "协作", "协同",
    "参加", "协助", NULL
  };
  static const char * const kinds[] = { "单位", "部门", "处室", "科室", "主体", NULL };

  for (guint r = 0; roles[r] != NULL; r++)
    if (g_str_has_prefix (s, roles[r]))
      return str_in (s + strlen (roles[r]), kinds);
  return FALSE;
}

static gboolean
is_name (const char *s)
{
  static const char forbidden[] = ",;:!?\"<>[]{}|。《》〔〕【】“”‘’\t\n\r";
  glong n_chars;
  int depth = 0;
  const char *last_comma = NULL;

  if (s[0] == '\0' || g_ascii_isdigit (s[0]))
    return FALSE;
  n_chars = g_utf8_strlen (s, -1);
  if (n_chars < 2 || n_chars > MAX_NAME_CHARS)
    return FALSE;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFFFD || g_unichar_iscntrl (c) || g_utf8_strchr (forbidden, -1, c) != NULL)
        return FALSE;
      if (c == 0x7684)  /* 的: "…的单位" is a description */
        return FALSE;
      if (c == 0xFF08)
        depth++;
      else if (c == 0xFF09 && --depth < 0)
        return FALSE;
      else if (c == 0x3001 && depth == 0)
        last_comma = p;
    }
  if (depth != 0)
    return FALSE;
  /* 、 outside brackets only in a collective: "市、县（区）政府" */
  if (last_comma != NULL && !anpai_unit_name_is_level_only (s, last_comma - s))
    return FALSE;
  if (str_in (s, generic_words) || is_label (s))
    return FALSE;
  if (g_str_has_prefix (s, "或") || g_str_has_prefix (s, "以及") ||
      g_str_has_prefix (s, "包括") || g_str_has_prefix (s, "其中") ||
      g_str_has_prefix (s, "除"))
    return FALSE;
  if (anpai_unit_clause_is_rule (s))
    return FALSE;
  return TRUE;
}

static char *
normalize_uncached (const char    *name,
                    AnpaiUnitHint *hint)
{
  g_autoptr(GString) s = NULL;
  AnpaiUnitHint found = ANPAI_UNIT_HINT_NONE;

  *hint = ANPAI_UNIT_HINT_NONE;
  s = fold_name (name);
  trim_punct (s);
  unwrap_brackets (s);
  strip_qualifiers (s, &found);
  /* the hint is told even for a bare keyword ("按职责分工负责"): the clause
   * parser applies it to the names before it */
  *hint = found;
  if (!is_name (s->str))
    return g_strdup ("");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A plan names the same few dozen units hundreds of times, and normalising
 * is the clause parser's most frequent step: results are remembered, in a
 * table that is emptied when it grows past MEMO_MAX (junk input). The
 * parser may run in a worker thread, hence the lock. */
#define MEMO_MAX 4096

typedef struct {
  char          *normal;
  AnpaiUnitHint  hint;
} Memo;

static void
memo_free (gpointer data)
{
  Memo *memo = data;

  g_free (memo->normal);
  g_free (memo);
}

G_LOCK_DEFINE_STATIC (memo_table);
static GHashTable *memo_table;

char *
anpai_unit_name_normalize_hint (const char    *name,
                                AnpaiUnitHint *hint)
{
  AnpaiUnitHint found = ANPAI_UNIT_HINT_NONE;
  Memo *memo;
  char *normal = NULL;

  if (hint != NULL)
    *hint = ANPAI_UNIT_HINT_NONE;
  if (name == NULL || strlen (name) > MAX_NAME_BYTES || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  G_LOCK (memo_table);
  if (memo_table != NULL && (memo = g_hash_table_lookup (memo_table, name)) != NULL)
    {
      normal = g_strdup (memo->normal);
      found = memo->hint;
    }
  G_UNLOCK (memo_table);

  if (normal == NULL)
    {
      normal = normalize_uncached (name, &found);
      memo = g_new (Memo, 1);
      memo->normal = g_strdup (normal);
      memo->hint = found;
      G_LOCK (memo_table);
      if (memo_table == NULL)
        memo_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, memo_free);
      if (g_hash_table_size (memo_table) >= MEMO_MAX)
        g_hash_table_remove_all (memo_table);
      g_hash_table_replace (memo_table, g_strdup (name), memo);
      G_UNLOCK (memo_table);
    }
  if (hint != NULL)
    *hint = found;
  return normal;
}

char *
anpai_unit_name_normalize (const char *name)
{
  return anpai_unit_name_normalize_hint (name, NULL);
}

/*
 * The shape of a unit name
 */

/* Endings of unit names. Each needs at least one character before it. */
static const char * const unit_endings[] = {
  "局", "委", "办", "厅", "室", "处", "站", "所", "队", "署", "中心", "院", "政府",
  "单位", "部门", "机关", "机构", "小组", "委员会", "委会", "工会", "商会", "协会",
  "学会", "联合会", "十字会", "促进会", "组织部", "宣传部", "统战部", "武装部",
  "人武部", "工作部", "党委", "党组", "工委", "公司", "集团", "馆", "电视台",
  "气象台", "广播台", "学校", "大学", "银行", "支行", "分行", "海关", "监狱",
  "工商联", "妇联", "残联", "文联", "侨联", "社科联", "科协", "报社", "法庭",
  "办事处", "街道", "乡镇", "行署", "边检站", "总站", "分局", "支队", "大队",
  NULL
};

/* Words with a unit ending that are not units. */
static const char * const not_unit_endings[] = {
  "格局", "布局", "全局", "大局", "结局", "开局", "僵局", "出局", "定局", "变局",
  "常委", "举办", "创办", "承办", "主办", "协办", "督办", "查办", "开办", "兴办",
  "代办", "帮办", "包办", "交办", "经办", "领办", "申办", "合办", "筹办", "联办",
  "通办", "速办", "快办", "即办", "网办", "好办", "难办", "照办", "怎么办",
  "场所", "厕所", "住所", "处所", "团队", "球队", "排队", "梯队", "带队", "领队",
  "网站", "车站", "好处", "益处", "用处", "之处", "到处", "长处", "短处", "难处",
  "去处", "教室", "会议室", "庭院", "市中心", "城市中心", "学院路",
  NULL
};

/* Two-character names are too easily ordinary words ("医院", "学校"). */
static const char * const short_units[] = {
  "市委", "县委", "区委", "省委", "州委", "党委", "市府", "县府", NULL
};

gboolean
anpai_unit_name_is_strict (const char *name)
{
  glong n_chars;

  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  n_chars = g_utf8_strlen (name, -1);
  if (n_chars == 2)
    return str_in (name, short_units);
  if (n_chars < 2 || n_chars > MAX_STRICT_CHARS)
    return FALSE;

  /* collectives of places: 各县（市、区）, 各乡镇（街道）, 各区、县级市 */
  if (g_str_has_prefix (name, "各") && anpai_unit_name_is_level_only (name, -1))
    return TRUE;

  if (ends_with_any (name, not_unit_endings))
    return FALSE;
  for (guint i = 0; unit_endings[i] != NULL; i++)
    if (g_str_has_suffix (name, unit_endings[i]) && strlen (name) > strlen (unit_endings[i]))
      return TRUE;
  return FALSE;
}

/*
 * Kinds
 */

static gboolean
is_party_organ (const char *name)
{
  static const char * const committees[] = {
    "市委", "县委", "区委", "省委", "州委", "中共", "党委", "党组", "党工委",
    "纪委", "工委", NULL
  };
  static const char * const party_departments[] = {
    "组织部", "宣传部", "统战部", "政法委", "监察委", "编委办", NULL
  };

  /* 团市委 is the Youth League, a mass organisation */
  if (g_str_has_prefix (name, "团"))
    return FALSE;
  return contains_any (name, committees) || ends_with_any (name, party_departments);
}

/* The order matters and is:
 *  1. collective: 各…, several levels (市、县（区）政府), 县级/县区…, …有关/相关…,
 *     …各部门, 市直…, 其他…: a group of units, whatever its ending says;
 *  2. court: …法院, …检察院, …中院;
 *  3. other: 人大…, 政协… (before party: 市人大法工委 is not a party organ);
 *  4. party: 市委…, …党委, 纪委…, 组织部, 宣传部, 统战部, 政法委 (before
 *     government and department so that 市委办公室 is a party organ);
 *  5. government: …政府 and its general office (市政府办公室, 市人民政府办),
 *     管委会, 办事处, 行署 — not 市政府法制办公室, a department;
 *  6. other: the Youth League (团市委) and mass organisations (工会, 妇联 …);
 *  7. department: …局, …委, …办, …厅, …中心, …室, …处, …站, …所, …队;
 *  8. other. */
AnpaiUnitKind
anpai_unit_name_classify (const char *name)
{
  static const char * const collective_marks[] = {
    "有关", "相关", "各部门", "各单位", "市直", "县直", "区直", "县区", "县市区",
    "县（市、区）", "县（区）", "乡镇", "成员单位", "县级", "乡级", "镇级",
    "两级", "三级", "各级", NULL
  };
  static const char * const government_offices[] = { "办公室", "办公厅", "办", NULL };
  static const char * const government_endings[] = {
    "管委会", "管理委员会", "办事处", "行署", "行政公署", NULL
  };
  static const char * const legislature_marks[] = { "人大", "政协", NULL };
  static const char * const other_marks[] = {
    "工商联", "妇联", "残联", "文联", "侨联", "科协", "工会", NULL
  };
  static const char * const department_endings[] = {
    "局", "委", "办", "厅", "中心", "室", "处", "站", "所", "队", "署", "委员会",
    "分局", "支队", "小组", NULL
  };
  g_autofree char *n = anpai_unit_name_normalize (name);

  if (n[0] == '\0')
    return ANPAI_UNIT_KIND_OTHER;

  if (g_str_has_prefix (n, "各") || g_str_has_prefix (n, "其他") ||
      strstr (n, "、") != NULL || contains_any (n, collective_marks))
    return ANPAI_UNIT_KIND_COLLECTIVE;

  if (g_str_has_suffix (n, "法院") || g_str_has_suffix (n, "检察院") ||
      g_str_has_suffix (n, "中院") || g_str_has_suffix (n, "检察分院"))
    return ANPAI_UNIT_KIND_COURT;

  /* before party: 市人大法工委 is not a party organ */
  if (contains_any (n, legislature_marks))
    return ANPAI_UNIT_KIND_OTHER;

  if (is_party_organ (n))
    return ANPAI_UNIT_KIND_PARTY;

  {
    g_autoptr(GString) s = g_string_new (n);

    for (guint i = 0; government_offices[i] != NULL; i++)
      if (cut_suffix (s, government_offices[i]))
        break;
    if (has_suffix (s, "政府") || ends_with_any (n, government_endings))
      return ANPAI_UNIT_KIND_GOVERNMENT;
  }

  if (g_str_has_prefix (n, "团") || contains_any (n, other_marks))
    return ANPAI_UNIT_KIND_OTHER;

  if (ends_with_any (n, department_endings))
    return ANPAI_UNIT_KIND_DEPARTMENT;

  return ANPAI_UNIT_KIND_OTHER;
}

/*
 * Equivalence
 */

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  g_string_replace (s, from, to, 0);
}

/* The same unit under two spellings gets the same key. Only rewrites that
 * cannot join two different units:
 *  - 人民政府 = 政府, 人民法院 = 法院, 人民检察院 = 检察院 (the full title);
 *  - 中院 = 中级法院 (the usual short form);
 *  - a trailing 办公室 = 办 (市政府法制办 = 市政府法制办公室);
 *  - brackets that hold one word: 各县（区）人民政府 = 各县区人民政府.
 * Not made equal: 各县区 and 各县（市、区） (a city may be among the second),
 * 市编办 and 市委编办, 法制办 and 法制局, 厅 and 局. */
static char *
equivalence_key (const char *normalized)
{
  GString *s = g_string_new (normalized);
  GString *out;
  int depth = 0;
  gsize open_at = 0;

  replace_all (s, "人民政府", "政府");
  replace_all (s, "人民法院", "法院");
  replace_all (s, "人民检察院", "检察院");
  if (cut_suffix (s, "中院"))
    g_string_append (s, "中级法院");
  if (cut_suffix (s, "办公室"))
    g_string_append (s, "办");

  /* drop the brackets around a single word */
  out = g_string_sized_new (s->len);
  for (const char *p = s->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08)
        {
          if (depth++ == 0)
            open_at = out->len;
        }
      else if (c == 0xFF09 && depth > 0 && --depth == 0)
        {
          if (strstr (out->str + open_at, "、") != NULL)
            {
              g_string_insert (out, open_at, "（");
              g_string_append (out, "）");
            }
          continue;
        }
      if (c != 0xFF08 || depth > 1)
        g_string_append_unichar (out, c);
    }
  g_string_free (s, TRUE);
  return g_string_free (out, FALSE);
}

char *
anpai_unit_name_key (const char *name)
{
  g_autofree char *normalized = anpai_unit_name_normalize (name);

  return normalized[0] != '\0' ? equivalence_key (normalized) : NULL;
}

gboolean
anpai_unit_names_equivalent (const char *a,
                             const char *b)
{
  g_autofree char *ka = anpai_unit_name_key (a);
  g_autofree char *kb = anpai_unit_name_key (b);

  /* equal names have equal keys */
  return ka != NULL && kb != NULL && g_str_equal (ka, kb);
}
