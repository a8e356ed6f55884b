/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-regressions.c: replays the inputs that once crashed fuzz-mbtiles through the
 * fuzz target itself, in the ordinary (and the sanitizer) build. */
#define G_LOG_DOMAIN "test-fuzz-regressions"

#include <glib.h>

#include "sitrep-test-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
test_mbtiles (void)
{
  g_autofree char *dir_path = g_build_filename (sitrep_test_srcdir (), "..", "fuzz",
                                                "regressions", "fuzz-mbtiles", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      g_test_message ("replaying %s", name);
      g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  sitrep_test_init (&argc, &argv);
  g_test_add_func ("/fuzz-regressions/mbtiles", test_mbtiles);
  return g_test_run ();
}
