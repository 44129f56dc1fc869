# Newsdesk: two commands for users, a few more for contributors.
#
#   make run    install what is missing, build, open the window
#   make test   install what is missing, build, run every test (what .ci/run does)
#
# Others: deps, ui, build, app, cli, core-test, ui-test, contract, e2e, screenshot, lint,
# layering, fmt, clean-library, test-ghost (publishing to a real Ghost; not in `make test`),
# package (the Debian package), test-package (installs, starts and removes it; not in
# `make test`), notices-check (THIRD-PARTY-NOTICES against the dependency tree).
# Builds share one target directory (override with make CARGO_TARGET_DIR=...); the steps of `make test` print how long they took ("[time] ...").

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

export CARGO_TARGET_DIR ?= /var/tmp/newsdesk-target
export PATH := $(HOME)/.cargo/bin:$(PATH)

CARGO := cargo
TIMED := scripts/timed
# One feature set for every debug build of the workspace, so cargo compiles each dependency
# once: the app serves the built UI (ui/dist) instead of the Vite dev server.
WORKSPACE := --workspace --features newsdesk-app/custom-protocol
APP_DEBUG   := $(CARGO_TARGET_DIR)/debug/newsdesk-app
APP_RELEASE := $(CARGO_TARGET_DIR)/release/newsdesk-app
CLI_DEBUG   := $(CARGO_TARGET_DIR)/debug/newsdesk
CONTRACT    := ../shared/checks/contract.sh
# A fresh X server and session bus per run; a screen larger than the 1400x900 window.
HEADLESS := dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24"
HEADLESS_HINT := Newsdesk needs a graphical display. Run it under xvfb-run: dbus-run-session -- xvfb-run -a make run

# cargo-nextest when installed (a process per test), cargo test otherwise. Both build exactly
# what `make build` built. The end-to-end test is #[ignore]d for plain runs; e2e runs it alone.
ifeq ($(shell command -v cargo-nextest >/dev/null 2>&1 && echo yes),yes)
  # nextest runs no doctests, so they run apart, with the same feature set as the build (any
  # other set makes cargo build typst, tauri and their dependencies a second time).
  TEST_CORE := $(CARGO) nextest run $(WORKSPACE) --no-fail-fast \
               && $(CARGO) test --doc $(WORKSPACE)
  TEST_E2E  := $(CARGO) nextest run $(WORKSPACE) --run-ignored only --no-capture \
               -E 'package(newsdesk-e2e)'
else
  TEST_CORE := $(CARGO) test $(WORKSPACE) --no-fail-fast
  TEST_E2E  := $(CARGO) test $(WORKSPACE) --test window -- --ignored --nocapture
endif

.PHONY: run test deps ui build app cli core-test ui-test contract e2e screenshot lint layering fmt \
        clean-library check-display test-ghost package test-package notices-check

## ---- for users ------------------------------------------------------------------------------

run: check-display deps ui
	$(TIMED) app-release $(CARGO) build --release -p newsdesk-app --features custom-protocol
	$(APP_RELEASE)

# Every check runs even when an earlier one failed, so one run reports all failures.
test: deps ui build
	@failed=(); \
	for step in core-test ui-test contract e2e lint layering; do \
	  $(TIMED) $$step $(MAKE) --no-print-directory $$step || failed+=($$step); \
	done; \
	if [ $${#failed[@]} -gt 0 ]; then echo "make test: FAILED: $${failed[*]}" >&2; exit 1; fi; \
	echo "make test: all green"

## ---- steps --------------------------------------------------------------------------------

check-display:
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "$(HEADLESS_HINT)" >&2; exit 1; fi

# Installs only what is missing; fast when everything is there.
deps: ui/node_modules/.package-lock.json
	$(TIMED) deps-system scripts/deps.sh

# `npm ci` only when package.json or the lockfile changed since the last install.
ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	scripts/deps.sh
	$(TIMED) npm-ci bash -c 'cd ui && npm ci --no-audit --no-fund'

# ui/dist is rebuilt only when a source of the UI changed (a rebuild also makes cargo
# re-embed it into the app).
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) \
              $(wildcard ui/index.html ui/*.json ui/*.ts ui/*.js)
ui: ui/dist/index.html
ui/dist/index.html: $(UI_SOURCES) ui/node_modules/.package-lock.json
	$(TIMED) ui-build bash -c 'cd ui && npm run build'
	@touch $@

# Everything the tests run, in one cargo invocation: the test binaries, the app (embedding
# ui/dist) and the newsdesk CLI.
build: ui
	$(TIMED) build $(CARGO) test $(WORKSPACE) --no-run

# Just the app or just the CLI, for working on one of them.
app: ui
	$(CARGO) build -p newsdesk-app --features custom-protocol
cli:
	$(CARGO) build -p newsdesk-cli --bin newsdesk

# The publishing tests share one real WordPress (scripts/portals/wordpress.sh), started by
# the first test that needs it; it is stopped here afterwards, whatever the outcome.
WP_TEST_DIR := $(CARGO_TARGET_DIR)/portal-tests/wordpress
core-test:
	@status=0; \
	NEWSDESK_TEST_WORDPRESS_DIR=$(WP_TEST_DIR) $(TEST_CORE) || status=$$?; \
	scripts/portals/wordpress.sh stop $(WP_TEST_DIR) >/dev/null 2>&1 || true; \
	python3 -m unittest -q scripts/portals/test_ninjs_server.py || status=1; \
	exit $$status

# Publishing to a real Ghost 5 (npm): not in `make test`, its first install compiles native
# modules for ~5 minutes (cached in /var/tmp/newsdesk-ghost afterwards).
GHOST_TEST_DIR := $(CARGO_TARGET_DIR)/portal-tests/ghost
test-ghost: deps build
	@status=0; \
	NEWSDESK_TEST_GHOST_DIR=$(GHOST_TEST_DIR) $(CARGO) nextest run $(WORKSPACE) --run-ignored only \
	  --no-capture -E 'package(newsdesk-cli) & test(/ghost/)' || status=$$?; \
	scripts/portals/ghost.sh stop $(GHOST_TEST_DIR) >/dev/null 2>&1 || true; \
	exit $$status

ui-test:
	cd ui && npm test

# The CLI contract of the issues (../shared/checks), when the checks are there: every part.
contract:
	@if [ -f $(CONTRACT) ]; then NEWSDESK_BIN=$(CLI_DEBUG) bash $(CONTRACT) store write tags export render settings; \
	else echo "contract: $(CONTRACT) not found, skipped"; fi

# The real window under Xvfb over WebDriver; bounded so that a hang fails instead of waiting.
e2e: ui
	@status=0; \
	NEWSDESK_TEST_WORDPRESS_DIR=$(WP_TEST_DIR) NEWSDESK_APP_BIN=$(APP_DEBUG) $(HEADLESS) \
	  timeout 900 $(TEST_E2E) || status=$$?; \
	scripts/portals/wordpress.sh stop $(WP_TEST_DIR) >/dev/null 2>&1 || true; \
	exit $$status

# The same, and it saves docs/screenshot.png of the real window.
screenshot: ui
	@status=0; \
	NEWSDESK_SCREENSHOT=1 NEWSDESK_TEST_WORDPRESS_DIR=$(WP_TEST_DIR) NEWSDESK_APP_BIN=$(APP_DEBUG) \
	  $(HEADLESS) timeout 900 $(TEST_E2E) || status=$$?; \
	scripts/portals/wordpress.sh stop $(WP_TEST_DIR) >/dev/null 2>&1 || true; \
	exit $$status

# Every check runs even when an earlier one fails. The UI's import rule: ui/README.md, "Imports".
lint:
	@status=0; \
	$(CARGO) fmt --all --check || status=1; \
	$(CARGO) clippy $(WORKSPACE) --all-targets -- -D warnings || status=1; \
	(cd ui && npm run --silent lint:imports) || status=1; \
	$(CARGO) deny --log-level error check licenses bans sources || status=1; \
	exit $$status

# The core crates (crates/*) stay free of Tauri and WebKit and depend downward (cargo tree);
# no crate's modules import each other in a circle (scripts/check-module-cycles.py).
layering:
	scripts/check-layering.sh
	scripts/check-module-cycles.py

fmt:
	$(CARGO) fmt --all

## ---- the Debian package --------------------------------------------------------------------

# Release build, man pages, completions, icons, notices, then Tauri's bundler (.deb only; no
# download at build time). Prints the package's path: $(CARGO_TARGET_DIR)/release/bundle/deb/.
package: deps ui
	$(TIMED) package scripts/package/build-deb.sh

# The package from `make package` as an editor gets it: apt-get install, the app started from
# its desktop entry under Xvfb, the CLI, man page and completions, then apt-get remove --purge
# leaving nothing of the package behind. Needs root; not in `make test` (the release build).
test-package:
	$(TIMED) test-package scripts/package/test-package.sh

# THIRD-PARTY-NOTICES lists exactly the crates and npm packages shipped (src-tauri's unit tests
# run the same check); regenerate with scripts/package/notices.py generate.
notices-check:
	scripts/package/notices.py check

# Forget the library of `make run` (the next start loads the demo articles again).
clean-library:
	rm -f "$${NEWSDESK_DB:-$$HOME/.local/share/newsdesk/library.sqlite}"{,-wal,-shm}
