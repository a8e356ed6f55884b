/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-about.h: the About window, with credits and data attributions. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sitrep_show_about (GtkWindow *parent);

G_END_DECLS
