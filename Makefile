# Newsdesk: two commands for users, a few more for contributors.
#
#   make run    install what is missing, build, open the window
#   make test   install what is missing, build, run every test (what .ci/run does)
#
# Others: deps, ui, app, cli, core-test, ui-test, contract, e2e, screenshot, lint, clean-library.
# Builds share one target directory (override: make CARGO_TARGET_DIR=...); each step prints
# how long it took ("[time] ...").

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

export CARGO_TARGET_DIR ?= /var/tmp/newsdesk-target
export PATH := $(HOME)/.cargo/bin:$(PATH)

CARGO   ?= cargo
TIMED   := scripts/timed
# The app the end-to-end test drives. A copy, because `cargo test --workspace` rebuilds
# debug/newsdesk-app without custom-protocol (a dev build that loads http://localhost:5173).
APP_E2E     := $(CARGO_TARGET_DIR)/e2e/newsdesk-app
APP_RELEASE := $(CARGO_TARGET_DIR)/release/newsdesk-app
CLI_DEBUG   := $(CARGO_TARGET_DIR)/debug/newsdesk
CONTRACT    := ../shared/checks/contract.sh
# A fresh X server and session bus per run; a screen larger than the 1400x900 window.
HEADLESS := dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24"
HEADLESS_HINT := Newsdesk needs a graphical display. Run it under xvfb-run: dbus-run-session -- xvfb-run -a make run

# cargo-nextest when installed (faster, per-test processes), cargo test otherwise.
HAVE_NEXTEST := $(shell command -v cargo-nextest >/dev/null 2>&1 && echo yes)
ifeq ($(HAVE_NEXTEST),yes)
  TEST_WORKSPACE := $(CARGO) nextest run --workspace --no-fail-fast
  TEST_E2E       := $(CARGO) nextest run -p newsdesk-e2e --run-ignored only --no-capture
else
  TEST_WORKSPACE := $(CARGO) test --workspace --no-fail-fast
  TEST_E2E       := $(CARGO) test -p newsdesk-e2e -- --ignored --nocapture
endif

.PHONY: run test deps ui app app-release cli core-test ui-test contract e2e screenshot lint \
        fmt clean-library check-display

## ---- for users ------------------------------------------------------------------------------

run: check-display deps ui
	$(TIMED) app-release $(CARGO) build --release -p newsdesk-app --features custom-protocol
	$(APP_RELEASE)

# Every step runs even when an earlier one failed, so one run reports all failures.
test: deps ui app cli
	@failed=(); \
	for step in core-test ui-test contract e2e lint; do \
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

# The debug app the end-to-end test drives; it embeds ui/dist, so build the UI first.
app:
	$(TIMED) app $(CARGO) build -p newsdesk-app --features custom-protocol
	@mkdir -p $(dir $(APP_E2E)) && cp -f $(CARGO_TARGET_DIR)/debug/newsdesk-app $(APP_E2E)

cli:
	$(TIMED) cli $(CARGO) build -p newsdesk-cli --bin newsdesk

core-test:
	$(TEST_WORKSPACE)

ui-test:
	cd ui && npm test

# The CLI contract of the issues (../shared/checks), when the checks are there.
contract:
	@if [ -f $(CONTRACT) ]; then NEWSDESK_BIN=$(CLI_DEBUG) bash $(CONTRACT) store; \
	else echo "contract: $(CONTRACT) not found, skipped"; fi

# The real window under Xvfb over WebDriver; bounded so a hang fails instead of waiting.
e2e:
	NEWSDESK_APP_BIN=$(APP_E2E) $(HEADLESS) timeout 600 $(TEST_E2E)

# Same as e2e, and saves docs/screenshot.png of the real window.
screenshot:
	NEWSDESK_SCREENSHOT=1 NEWSDESK_APP_BIN=$(APP_E2E) $(HEADLESS) timeout 600 $(TEST_E2E)

# Both checks run even when the first fails.
lint:
	@status=0; \
	$(CARGO) fmt --all --check || status=1; \
	$(CARGO) clippy --workspace --all-targets -- -D warnings || status=1; \
	exit $$status

fmt:
	$(CARGO) fmt --all

# Forget the library of `make run` (the next start loads the demo articles again).
clean-library:
	rm -f "$${NEWSDESK_DB:-$$HOME/.local/share/newsdesk/library.sqlite}"{,-wal,-shm}
