/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-db-schema.h: the collection's schema, one SQL script per version step. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITREP_DB_SCHEMA_VERSION 2
/* The oldest schema that can be read without upgrading (later steps only add tables). */
#define SITREP_DB_SCHEMA_VERSION_READABLE 1

/* sitrep_db_migrations[n] takes a collection from user_version n to n + 1. */
extern const char * const sitrep_db_migrations[SITREP_DB_SCHEMA_VERSION];

G_END_DECLS
