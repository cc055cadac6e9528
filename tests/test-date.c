/* test-date.c — ISO dates
 *
 * Copyright 2026 The Anpai authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anpai-date.h"

static void
test_parse (void)
{
  GDate d;
  g_autofree char *iso = NULL;

  g_assert_true (anpai_date_parse_iso ("2024-02-29", &d));
  g_assert_cmpint (g_date_get_year (&d), ==, 2024);
  g_assert_cmpint (g_date_get_month (&d), ==, 2);
  g_assert_cmpint (g_date_get_day (&d), ==, 29);
  iso = anpai_date_to_iso (&d);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  g_assert_false (anpai_date_parse_iso ("2023-02-29", &d));
  g_assert_false (g_date_valid (&d));
  g_assert_false (anpai_date_parse_iso ("2023-2-1", &d));
  g_assert_false (anpai_date_parse_iso ("2023-02-01x", &d));
  g_assert_false (anpai_date_parse_iso ("", &d));
  g_assert_false (anpai_date_parse_iso (NULL, &d));
  g_assert_false (anpai_date_parse_iso ("２０２３-01-01", &d));
}

static void
test_helpers (void)
{
  GDate d;
  char buf[ANPAI_DATE_ISO_LEN];

  anpai_date_set_month_end (&d, 2024, 2);
  anpai_date_format_iso (&d, buf);
  g_assert_cmpstr (buf, ==, "2024-02-29");
  anpai_date_set_month_end (&d, 2023, 13);
  g_assert_false (g_date_valid (&d));
  anpai_date_format_iso (&d, buf);
  g_assert_cmpstr (buf, ==, "");
  g_assert_null (anpai_date_to_iso (&d));

  anpai_date_set_ymd (&d, 2023, 4, 31);
  g_assert_false (g_date_valid (&d));

  g_assert_cmpint (anpai_date_compare_iso ("2023-01-01", "2023-12-31"), <, 0);
  g_assert_cmpint (anpai_date_compare_iso ("", "2023-12-31"), <, 0);
  g_assert_cmpint (anpai_date_compare_iso (NULL, ""), ==, 0);
}

static void
test_loose (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2026-03-01", "2026-03-01" },
    { "2026-3-1", "2026-03-01" },
    { "2026/3/1", "2026-03-01" },
    { "2026.03.01", "2026-03-01" },
    { "2026年3月1日", "2026-03-01" },
    { "２０２６年３月１日", "2026-03-01" },
    { " 20260301 ", "2026-03-01" },
    { "2024-02-29", "2024-02-29" },
    { "2023-02-29", NULL },
    { "2026-3", NULL },
    { "3/1/2026", NULL },
    { "2026年3月1日前", NULL },
    { "2026--3-1", NULL },
    { "20261301", NULL },
    { "明天", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d;
      char buf[ANPAI_DATE_ISO_LEN];
      gboolean ok = anpai_date_parse_loose (cases[i].in, &d);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpint (ok, ==, cases[i].out != NULL);
      if (ok)
        {
          anpai_date_format_iso (&d, buf);
          g_assert_cmpstr (buf, ==, cases[i].out);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/helpers", test_helpers);
  g_test_add_func ("/date/loose", test_loose);
  return g_test_run ();
}
