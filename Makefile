# Sitrep: the two commands of the README, and a few helpers.
#   make run    install what is missing, build into _build/, start the app on the sample
#   make test   the same set-up, then every test suite (UI tests under Xvfb)

BUILDDIR ?= _build
SANITIZE ?=
FUZZ_SECONDS ?= 60

# Exactly what the build, the tests and the Xvfb UI tests need on Debian 12.
APT_PACKAGES := \
	gcc make pkg-config meson ninja-build gettext \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev \
	libjson-glib-dev libsqlite3-dev sqlite3 unzip \
	desktop-file-utils appstream \
	xvfb xauth dbus dbus-x11 fonts-cantarell adwaita-icon-theme

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

ifeq ($(SANITIZE),1)
MESON_OPTS += -Db_sanitize=address,undefined -Db_lundef=false
BUILDDIR := _build-sanitize
# Every test (and the programs they run, sitrep-cli snapshot included) reads the leak
# suppressions for system libraries; UBSan findings fail the test instead of scrolling
# by; the sanitizers make everything a few times slower, hence longer timeouts.
TEST_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
MESON_TEST_OPTS += --timeout-multiplier 5
endif

.PHONY: all deps build run test clean fuzz

all: build

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_OPTS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

# The app on the bundled sample collection, straight from the build tree.
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data SITREP_DATA_DIR=$(BUILDDIR)/data \
	  $(BUILDDIR)/src/sitrep $(BUILDDIR)/data/sample.sitrep

# Every suite; the UI tests need a display, so the whole run sits under Xvfb
# with a session bus, as on a desktop.
test: build
	$(TEST_ENV) xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  meson test -C $(BUILDDIR) --print-errorlogs --num-processes 2 $(MESON_TEST_OPTS)

clean:
	rm -rf _build _build-sanitize

# libFuzzer targets (fuzz/), built with clang in their own build dir, each run for
# FUZZ_SECONDS with a corpus seeded from the test fixtures. Crashes land in
# _build-fuzz/crashes/; add each to the regression tests once fixed.
FUZZ_BUILDDIR := _build-fuzz
FUZZ_TARGETS := fuzz-acled fuzz-geojson fuzz-sitrep-open
FUZZ_SEEDS_fuzz-acled := tests/acled
FUZZ_SEEDS_fuzz-geojson := tests/geojson
# A small collection made from the ACLED fixture by the fuzz build's own sitrep-cli.
FUZZ_SEEDS_fuzz-sitrep-open := $(FUZZ_BUILDDIR)/seeds/sitrep
# Small raster MBTiles in both forms the reader accepts, written by fuzz/make-mbtiles-seeds.py.
FUZZ_TARGETS += fuzz-mbtiles
FUZZ_SEEDS_fuzz-mbtiles := $(FUZZ_BUILDDIR)/seeds/mbtiles $(wildcard fuzz/regressions/fuzz-mbtiles)
# Article extraction, once the extractor is merged (its fixtures are the seeds).
FUZZ_TARGETS += $(if $(wildcard src/extract/sitrep-extractor.c),fuzz-extract)
FUZZ_SEEDS_fuzz-extract := tests/extract fuzz/regressions/fuzz-extract

$(FUZZ_BUILDDIR)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILDDIR) -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false

fuzz: $(FUZZ_BUILDDIR)/build.ninja
	meson compile -C $(FUZZ_BUILDDIR) $(FUZZ_TARGETS) sitrep-cli
	mkdir -p $(FUZZ_BUILDDIR)/crashes $(FUZZ_BUILDDIR)/seeds/sitrep
	test -f $(FUZZ_BUILDDIR)/seeds/sitrep/basic.sitrep || \
	  $(FUZZ_BUILDDIR)/src/cli/sitrep-cli import -q tests/acled/basic.csv \
	    --db $(FUZZ_BUILDDIR)/seeds/sitrep/basic.sitrep
	test -f $(FUZZ_BUILDDIR)/seeds/mbtiles/plain.mbtiles || \
	  python3 fuzz/make-mbtiles-seeds.py $(FUZZ_BUILDDIR)/seeds/mbtiles
	$(foreach t,$(FUZZ_TARGETS),mkdir -p $(FUZZ_BUILDDIR)/corpus/$(t) && \
	  ASAN_OPTIONS=detect_leaks=1 G_DEBUG=fatal-criticals \
	  $(FUZZ_BUILDDIR)/fuzz/$(t) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -timeout=60 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILDDIR)/crashes/$(t)- \
	    $(FUZZ_BUILDDIR)/corpus/$(t) $(FUZZ_SEEDS_$(t)) && ) true
# The Flatpak, built and installed for the user (needs flatpak-builder and the
# org.gnome.Platform/Sdk runtime named in the manifest, from Flathub).
FLATPAK_MANIFEST := flatpak/io.github.sitrep.Sitrep.json
.PHONY: flatpak
flatpak:
	@command -v flatpak-builder >/dev/null 2>&1 || { \
	  echo "flatpak-builder is not installed: apt-get install flatpak-builder, then"; \
	  echo "  flatpak remote-add --user --if-not-exists flathub https://dl.flathub.org/repo/flathub.flatpakrepo"; \
	  echo "and run 'make flatpak' again (it installs the runtime it needs from Flathub)."; \
	  exit 1; }
	flatpak-builder --user --install --force-clean --install-deps-from=flathub \
	  flatpak-build $(FLATPAK_MANIFEST)

# Task `desktop`: localedef's sources for the uk/ru UI test locales, and the
# python3 that runs the desktop, manifest, POTFILES and translation tests, and
# update-mime-database and gio for the install test's double-click check.
APT_PACKAGES += locales python3 shared-mime-info libglib2.0-bin
# `make run` speaks the session's language from the build tree's catalogues
# (read by sitrep_i18n_init(), src/ui/sitrep-i18n.c).
run: export SITREP_LOCALEDIR = $(CURDIR)/$(BUILDDIR)/po
