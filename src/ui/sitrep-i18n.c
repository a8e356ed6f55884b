/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-i18n.c: gettext set-up, with an override for running from the build tree. */
#define G_LOG_DOMAIN "sitrep-i18n"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sitrep-i18n.h"

/**
 * sitrep_i18n_get_localedir:
 *
 * Where the message catalogues are: `$SITREP_LOCALEDIR` when it is set and
 * not empty (the build tree's `po/`, laid out as `<lang>/LC_MESSAGES/sitrep.mo`,
 * for tests and `make run`), else the installed `LOCALEDIR`.
 *
 * Returns: (transfer none): a directory
 */
const char *
sitrep_i18n_get_localedir (void)
{
  const char *dir = g_getenv ("SITREP_LOCALEDIR");

  return (dir != NULL && *dir != '\0') ? dir : LOCALEDIR;
}

/**
 * sitrep_i18n_init:
 *
 * Sets the locale from the environment and binds the `sitrep` text domain,
 * in UTF-8. Call it first thing in main(), before any string is translated.
 */
void
sitrep_i18n_init (void)
{
  const char *dir = sitrep_i18n_get_localedir ();

  if (setlocale (LC_ALL, "") == NULL)
    g_debug ("The locale of the environment is not installed; using C");

  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_debug ("Message catalogues from %s", dir);
}
