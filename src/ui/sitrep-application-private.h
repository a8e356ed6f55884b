/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-application-private.h: the application's choices, for the tests. */
#pragma once

#include "sitrep-application.h"

G_BEGIN_DECLS

/* The collection opened when none is given: the last file if it still exists, else the
 * sample ($SITREP_DATA_DIR/sample.sitrep, else PKGDATADIR/sample.sitrep). */
char *sitrep_application_dup_default_collection (SitrepApplication *self);

G_END_DECLS
