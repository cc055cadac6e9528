/* test-text-split.c — splitting unit lists outside brackets
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-text-split.h"

static void
check (const char         *text,
       const char         *separators,
       const char * const *expected)
{
  g_auto(GStrv) got = anpai_split_outside_brackets (text, separators);

  g_assert_cmpstrv (got, expected);
}

static void
test_split (void)
{
  check ("市财政局、各县(市、区)政府", "、",
         (const char *[]) { "市财政局", "各县(市、区)政府", NULL });
  check ("市财政局、各县（市、区）人民政府、市司法局", "、",
         (const char *[]) { "市财政局", "各县（市、区）人民政府", "市司法局", NULL });
  check (" A ,B;、C ", ",;、",
         (const char *[]) { "A", "B", "C", NULL });
  check ("、、", "、", (const char *[]) { NULL });
  check ("", "、", (const char *[]) { NULL });
  check (NULL, "、", (const char *[]) { NULL });
  /* an unbalanced bracket keeps the rest together rather than crashing */
  check ("A(、B、C", "、", (const char *[]) { "A(、B、C", NULL });
  check ("A)、B", "、", (const char *[]) { "A)", "B", NULL });
  check ("\xff\xfe", "、", (const char *[]) { NULL });
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/text-split/brackets", test_split);
  return g_test_run ();
}
