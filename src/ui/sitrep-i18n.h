/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-i18n.h: gettext set-up, with an override for running from the build tree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         sitrep_i18n_init          (void);
const char  *sitrep_i18n_get_localedir (void);

G_END_DECLS
