#!/usr/bin/env bash
# A real Ghost 5 (from the npm registry) on 127.0.0.1 for integration tests.
#
#   ghost.sh start DIR   install Ghost into the machine-wide cache if missing, start Ghost for
#                        DIR, create its owner and an Admin API key, print one JSON line:
#                        {"url","admin_key","content_key","pid","dir"}
#   ghost.sh stop DIR    stop the Ghost started for DIR (whole process group) and wait for it
#   ghost.sh install     only install Ghost into the cache (e.g. to warm a machine), print its path
#
# Everything the instance has lives in DIR (SQLite database, content/images, config, logs).
# Ghost itself is installed once per machine in $GHOST_CACHE/<version>/ (default
# /var/tmp/newsdesk-ghost), outside the clone, and shared by all DIRs.
# Ghost listens on 127.0.0.1 only and is configured never to call out (see README.md).
# Progress and step times go to stderr; stdout carries only the JSON line.
set -euo pipefail

PROG=ghost.sh
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
GHOST_VERSION=${GHOST_VERSION:-5.130.4}
GHOST_CACHE=${GHOST_CACHE:-/var/tmp/newsdesk-ghost}
GHOST_HOME=$GHOST_CACHE/$GHOST_VERSION
PACKAGES=(python3 make g++ curl)       # node-gyp builds sqlite3 and re2 from source
STARTUP_TIMEOUT=${GHOST_STARTUP_TIMEOUT:-180}   # seconds for Ghost to answer (first boot migrates)
STOP_TIMEOUT=${GHOST_STOP_TIMEOUT:-20}          # seconds after SIGTERM before SIGKILL
OWNER_EMAIL=${GHOST_OWNER_EMAIL:-owner@newsdesk.test}
INTEGRATION_NAME=newsdesk-tests

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage() {
  cat >&2 <<EOF
usage: $PROG start DIR    start a private Ghost for DIR, print its JSON description
       $PROG stop DIR     stop the Ghost started for DIR
       $PROG install      install Ghost $GHOST_VERSION into $GHOST_HOME only
EOF
  exit 2
}

now() { date +%s.%N; }
T_STEP=$(now)
T_ALL=$T_STEP
# step_done NAME: report how long the step since the last call took.
step_done() {
  local t; t=$(now)
  say "$(awk -v n="$1" -v a="$t" -v b="$T_STEP" 'BEGIN { printf "%-20s %6.2f s", n, a - b }')"
  T_STEP=$t
}
elapsed_total() { awk -v a="$(now)" -v b="$T_ALL" 'BEGIN { printf "%.2f", a - b }'; }

# --- install (once per machine) ---------------------------------------------------------------

ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}) and not root: install them first"
  say "installing ${missing[*]} (apt)"
  local rc=0 log=$GHOST_CACHE/apt.log
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    say "apt-get install failed, updating the package lists and trying once more"
    rc=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
      >>"$log" 2>&1 || rc=$?
  fi
  [ $rc -eq 0 ] || { tail -n 20 "$log" >&2; die "could not install ${missing[*]} (log: $log)"; }
}

# node_headers_dir: prints a directory D with D/include/node/node_api.h and common.gypi for
# node-gyp's --nodedir (it must never download headers: only the npm registry is reachable).
node_headers_dir() {
  local d
  for d in ${GHOST_NODEDIR:-} "$(dirname "$(dirname "$(command -v node)")")" /usr /usr/local; do
    [ -n "$d" ] || continue
    if [ -f "$d/include/node/node_api.h" ] && [ -f "$d/include/node/common.gypi" ]; then
      echo "$d"; return 0
    fi
  done
  return 1
}

ghost_installed() { [ -f "$GHOST_HOME/.newsdesk-installed" ]; }

install_ghost() {
  ghost_installed && return 0
  mkdir -p "$GHOST_CACHE"
  # One install at a time per machine; a second caller waits and then finds it done.
  exec 8>"$GHOST_CACHE/.lock-$GHOST_VERSION"
  if ! flock -n 8; then
    say "another install of Ghost $GHOST_VERSION is running, waiting for it"
    flock -w 1800 8 || die "gave up waiting for the other install"
  fi
  if ghost_installed; then exec 8>&-; return 0; fi

  command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed (Node 18/20/22)"
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  case $major in 18|20|22) ;; *) die "Ghost $GHOST_VERSION needs Node 18, 20 or 22, not $(node -v)" ;; esac
  ensure_packages
  local nodedir
  nodedir=$(node_headers_dir) \
    || die "no Node headers (include/node/node_api.h) next to $(command -v node) nor in /usr: set GHOST_NODEDIR"

  local t0; t0=$(now)
  local stage=$GHOST_CACHE/.stage-$GHOST_VERSION.$$
  local log=$GHOST_CACHE/install-$GHOST_VERSION.log
  rm -rf "$GHOST_CACHE"/.stage-"$GHOST_VERSION".*
  mkdir -p "$stage"
  say "installing Ghost $GHOST_VERSION into $GHOST_HOME (npm, builds sqlite3 and re2: several minutes; log: $log)"
  : > "$log"
  # `npm install ghost` fails as is (dev dependencies from a git host, peer conflicts): unpack
  # the published tarball, drop its devDependencies and install only what it needs to run.
  (cd "$stage" && npm pack --silent "ghost@$GHOST_VERSION") >>"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; rm -rf "$stage"; die "npm pack ghost@$GHOST_VERSION failed (log: $log)"; }
  tar -xzf "$stage/ghost-$GHOST_VERSION.tgz" -C "$stage" \
    || { rm -rf "$stage"; die "cannot unpack ghost-$GHOST_VERSION.tgz"; }
  rm -f "$stage/ghost-$GHOST_VERSION.tgz"
  node -e '
    const fs = require("fs"), f = process.argv[1], p = JSON.parse(fs.readFileSync(f, "utf8"));
    delete p.devDependencies;
    fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$stage/package/package.json" \
    || { rm -rf "$stage"; die "cannot edit the package.json of Ghost"; }
  step_done "npm pack"
  local rc=0
  # nodedir: node-gyp takes the headers from there instead of downloading them.
  # sqlite3 and re2 first try to download a prebuilt binary from GitHub, which is not reachable:
  # skip that and build from source at once. sqlite3 (prebuild-install) reads .prebuild-installrc
  # found upwards from its folder; npm_config_build_from_source would not do, sharp takes that as
  # a request to compile libvips and drops its prebuilt binary (an npm package, @img/sharp-*).
  # re2 (install-from-cache) skips its download with RE2_DOWNLOAD_SKIP_PATH/VER.
  printf 'buildFromSource=true\n' > "$stage/package/.prebuild-installrc"
  (cd "$stage/package" && npm_config_nodedir=$nodedir \
     RE2_DOWNLOAD_SKIP_PATH=1 RE2_DOWNLOAD_SKIP_VER=1 npm_config_update_notifier=false \
     npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=http) \
     >>"$log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    tail -n 30 "$log" >&2; rm -rf "$stage"; die "npm install of Ghost failed (exit $rc, log: $log)"
  fi
  step_done "npm install"
  # sqlite3 is an optional dependency: npm silently goes on if its build failed. Check.
  (cd "$stage/package" && node -e 'require("sqlite3")') >>"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; rm -rf "$stage"; die "sqlite3 did not build (log: $log)"; }
  rm -f "$stage/package/.prebuild-installrc"
  rm -rf "$GHOST_HOME"
  mv "$stage/package" "$GHOST_HOME"
  rm -rf "$stage"
  awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.1f\n", a - b }' > "$GHOST_HOME/.newsdesk-installed"
  say "installed Ghost $GHOST_VERSION in $(cat "$GHOST_HOME/.newsdesk-installed") s"
  exec 8>&-
}

# --- processes --------------------------------------------------------------------------------

# ghost_pid: prints the pid in DIR/run/ghost.pid if that process is alive and is this DIR's
# Ghost (a node process whose working directory is DIR), so that a recycled pid is never touched.
ghost_pid() {
  local file=$DIR/run/ghost.pid pid
  [ -s "$file" ] || return 1
  pid=$(tr -dc '0-9' < "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$DIR" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'node' || return 1
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}

# group_alive PGID: 0 if any process of the process group is still there (zombies do not count).
group_alive() {
  local p
  for p in $(pgrep -g "$1" 2>/dev/null); do
    [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" = Z ] || return 0
  done
  return 1
}

stop_ghost() {
  local pid deadline
  if pid=$(ghost_pid); then
    say "stopping Ghost (process group $pid)"
    # Started with setsid: its pid is the process group id. SIGTERM is Ghost's clean shutdown
    # (closes the HTTP server and the database; server.shutdownTimeout is set short).
    kill -TERM -- "-$pid" 2>/dev/null || true
    deadline=$(( $(date +%s) + STOP_TIMEOUT ))
    while group_alive "$pid"; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        say "Ghost did not stop in $STOP_TIMEOUT s, killing it"
        kill -KILL -- "-$pid" 2>/dev/null || true
        sleep 0.3
        group_alive "$pid" && die "Ghost (process group $pid) does not end"
        break
      fi
      sleep 0.1
    done
  fi
  rm -f "$DIR/run/ghost.pid"
}

# --- helpers ----------------------------------------------------------------------------------

# port_free PORT: 0 if 127.0.0.1:PORT can be bound now.
port_free() {
  node -e 'const s = require("net").createServer();
           s.once("error", () => process.exit(1));
           s.listen(+process.argv[1], "127.0.0.1", () => s.close(() => process.exit(0)));' "$1"
}
# free_port: a port the kernel hands out as free on 127.0.0.1.
free_port() {
  node -e 'const s = require("net").createServer();
           s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
random_secret() { node -e 'console.log(require("crypto").randomBytes(+process.argv[1]).toString("hex"))' "${1:-16}"; }

# write_no_egress FILE: a module preloaded into Ghost (NODE_OPTIONS=--require, so also into its
# worker threads and child node processes) that refuses every TCP connection and DNS look-up
# that is not for the loopback, and notes each refused one in DIR/logs/egress-blocked.log.
# Ghost's own settings (tinfoil, no update check, stub mail, ...) already avoid calling out;
# this makes sure of it, e.g. for webmentions sent for links in a published post.
write_no_egress() {
  cat > "$1" <<'JS'
'use strict';
// Written by scripts/portals/ghost.sh on each start: this Ghost only talks to the loopback.
if (!globalThis[Symbol.for('newsdesk.noEgress')]) {
  globalThis[Symbol.for('newsdesk.noEgress')] = true;
  const net = require('net');
  const dns = require('dns');
  const fs = require('fs');
  const LOG = process.env.NEWSDESK_EGRESS_LOG;
  const isLocal = (host) => {
    if (host === undefined || host === null || host === '') return true; // Node's default: localhost
    const h = String(host).replace(/^\[|\]$/g, '').toLowerCase();
    return h === 'localhost' || h.endsWith('.localhost') || h === '::1' ||
      /^127\./.test(h) || /^::ffff:127\./.test(h);
  };
  const note = (what) => {
    if (!LOG) return;
    const where = (new Error().stack || '').split('\n').slice(3)
      .filter((l) => !/\(node:|at node:|no-egress\.cjs/.test(l)).slice(0, 8).join('\n');
    try { fs.appendFileSync(LOG, `${new Date().toISOString()} blocked ${what}\n${where}\n`); } catch (e) { /* ignore */ }
  };
  const refused = (what) => Object.assign(
    new Error(`${what}: blocked, this test Ghost may only reach 127.0.0.1 (scripts/portals/ghost.sh)`),
    {code: 'ECONNREFUSED', errno: -111, syscall: 'connect'});

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    let o = args[0];
    if (Array.isArray(o)) o = o[0]; // net's internal normalized form [options, callback]
    let host, port, path;
    if (o !== null && typeof o === 'object') ({host, port, path} = o);
    else if (typeof o === 'number' || (typeof o === 'string' && /^\d+$/.test(o))) {
      port = o; host = typeof args[1] === 'string' ? args[1] : undefined;
    } else if (typeof o === 'string') path = o;
    if ((path === undefined || path === null) && !isLocal(host)) {
      note(`connect ${host}:${port}`);
      const err = refused(`connect ${host}:${port}`);
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return connect.apply(this, args);
  };

  const notFound = (name) => Object.assign(
    new Error(`getaddrinfo ENOTFOUND ${name} (blocked: loopback only, scripts/portals/ghost.sh)`),
    {code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname: name});
  const lookup = dns.lookup;
  dns.lookup = function (name, options, callback) {
    if (!isLocal(name) && !net.isIP(String(name))) {
      const cb = typeof options === 'function' ? options : callback;
      note(`dns ${name}`);
      process.nextTick(() => cb(notFound(name)));
      return {};
    }
    return lookup.apply(this, arguments);
  };
  const plookup = dns.promises.lookup;
  dns.promises.lookup = function (name, ...rest) {
    if (!isLocal(name) && !net.isIP(String(name))) { note(`dns ${name}`); return Promise.reject(notFound(name)); }
    return plookup.call(this, name, ...rest);
  };
  // resolve*/reverse ask the DNS servers directly: none of them is allowed.
  const deny = (name) => { note(`dns ${name}`); throw notFound(name); };
  for (const k of Object.keys(dns)) {
    if (/^(resolve|reverse)/.test(k) && typeof dns[k] === 'function') {
      dns[k] = function (name, ...rest) {
        const cb = rest.find((a) => typeof a === 'function');
        note(`dns ${k} ${name}`);
        if (cb) { process.nextTick(() => cb(notFound(name))); return {}; }
        return deny(name);
      };
    }
  }
  for (const k of Object.keys(dns.promises)) {
    if (/^(resolve|reverse)/.test(k) && typeof dns.promises[k] === 'function') {
      dns.promises[k] = (name) => { note(`dns ${k} ${name}`); return Promise.reject(notFound(name)); };
    }
  }
  for (const R of [dns.Resolver, dns.promises.Resolver]) {
    for (const k of Object.getOwnPropertyNames(R.prototype)) {
      if (/^(resolve|reverse)/.test(k)) {
        R.prototype[k] = function (name, ...rest) {
          const cb = rest.find((a) => typeof a === 'function');
          note(`dns ${k} ${name}`);
          if (cb) { process.nextTick(() => cb(notFound(name))); return {}; }
          return Promise.reject(notFound(name));
        };
      }
    }
  }
}
JS
}

# write_config: DIR/config.development.json, read by Ghost from its working directory (DIR).
write_config() {
  local port=$1 url=$2
  GH_DIR=$DIR GH_PORT=$port GH_URL=$url node -e '
    const e = process.env, dir = e.GH_DIR;
    const config = {
      url: e.GH_URL,
      server: {host: "127.0.0.1", port: +e.GH_PORT, shutdownTimeout: 5000},
      database: {
        client: "sqlite3",
        connection: {filename: dir + "/content/data/ghost.db"},
        useNullAsDefault: true,
        debug: false
      },
      paths: {contentPath: dir + "/content/"},
      // Never call out: tinfoil turns off update-check stats, gravatar, RPC pings and
      // structured data; the update check itself still runs in development (a GET to
      // updates.ghost.org) unless its URL points somewhere harmless: port 9 on the loopback.
      privacy: {useTinfoil: true},
      updateCheck: {url: "http://127.0.0.1:9/", forceUpdate: false},
      // No e-mail ever leaves: the stub transport only builds the message.
      mail: {transport: "stub", from: "ghost@newsdesk.test"},
      sendWelcomeEmail: false,
      security: {staffDeviceVerification: false},
      emailAnalytics: false,
      backgroundJobs: {emailAnalytics: false, clickTrackingLastSeenAtUpdater: false},
      logging: {level: "info", transports: ["stdout"], rotation: {enabled: false}},
      // Tests log in again on each fresh start; do not lock the owner out after 4 tries.
      spam: {user_login: {minWait: 1000, maxWait: 1000, freeRetries: 1000}}
    };
    require("fs").writeFileSync(dir + "/config.development.json", JSON.stringify(config, null, 2) + "\n");'
}

# --- start ------------------------------------------------------------------------------------

# If start fails after launching Ghost, stop it again: no half-started instance is left.
START_DONE=0
cleanup_failed_start() {
  local rc=$?
  if [ "${CMD:-}" = start ] && [ "$START_DONE" != 1 ] && [ -n "${DIR:-}" ]; then
    say "start failed (exit $rc): stopping what was started for $DIR"
    stop_ghost || true
    rm -f "$DIR/state.json"
  fi
}

cmd_start() {
  local pid port url

  # Already running? Say so again (idempotent start).
  if pid=$(ghost_pid) && [ -s "$DIR/state.json" ]; then
    say "already running for $DIR"
    START_DONE=1
    cat "$DIR/state.json"
    return 0
  fi
  stop_ghost   # a Ghost without state.json (an interrupted start): start over
  rm -f "$DIR/state.json"

  install_ghost
  step_done "ghost installed"

  # Owner password made once per DIR and kept, so that a restart can log in again.
  if [ ! -s "$DIR/secrets.env" ]; then
    (umask 077; echo "OWNER_PASSWORD=$(random_secret 16)" > "$DIR/secrets.env")
  fi
  # shellcheck disable=SC1091
  . "$DIR/secrets.env"

  # --- Content folder: database, images, themes, settings (routes.yaml) of this instance.
  mkdir -p "$DIR/content"/{data,images,media,files,logs,settings,public,adapters,themes}
  local t
  for t in "$GHOST_HOME"/content/themes/*/; do
    t=$(basename "$t")
    [ -d "$DIR/content/themes/$t" ] || cp -r "$GHOST_HOME/content/themes/$t" "$DIR/content/themes/$t"
  done

  # --- Port: the one used before if it is still free (URLs stored in posts stay valid).
  port=$(cat "$DIR/run/port" 2>/dev/null || true)
  if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
  echo "$port" > "$DIR/run/port"
  url="http://127.0.0.1:$port"
  write_config "$port" "$url"
  # Ghost finds its own package.json from its working directory; like a Ghost-CLI install, a
  # `current` link there points to the Ghost tree (@tryghost/root-utils looks for it).
  ln -sfn "$GHOST_HOME" "$DIR/current"
  write_no_egress "$DIR/run/no-egress.cjs"
  step_done "config"

  # --- Ghost: own process group (setsid), working directory DIR (it reads its config from
  # there), a clean environment (nconf takes any variable as configuration, e.g. `url`).
  # fd 8/9 (locks) and stdout must not be inherited, or `$(ghost.sh start DIR)` would hang.
  echo "=== $(date -Is) start on $url" >> "$LOG/ghost.log"
  (cd "$DIR" && exec env -i PATH="$PATH" HOME="$DIR" LANG=C.UTF-8 TZ=UTC NODE_ENV=development \
     NODE_OPTIONS="--require=$DIR/run/no-egress.cjs" NEWSDESK_EGRESS_LOG="$LOG/egress-blocked.log" \
     setsid node "$GHOST_HOME/index.js" </dev/null >>"$LOG/ghost.log" 2>&1 8>&- 9>&-) &
  pid=$!
  disown "$pid"
  echo "$pid" > "$DIR/run/ghost.pid"
  local deadline=$(( $(date +%s) + STARTUP_TIMEOUT )) code
  until code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 "$url/ghost/api/admin/site/" 2>/dev/null) \
        && [ "$code" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG/ghost.log" >&2; die "Ghost exited during start (log: $LOG/ghost.log)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 30 "$LOG/ghost.log" >&2; die "Ghost not answering at $url after ${STARTUP_TIMEOUT} s (log: $LOG/ghost.log)"
    fi
    sleep 0.25
  done
  step_done "ghost answering"

  # --- Owner (first start only), Admin API key (kept in DIR/api-keys.json and reused).
  local keys
  keys=$(GHOST_URL=$url GHOST_KEYS_FILE="$DIR/api-keys.json" GHOST_OWNER_EMAIL=$OWNER_EMAIL \
         GHOST_OWNER_PASSWORD=$OWNER_PASSWORD GHOST_INTEGRATION_NAME=$INTEGRATION_NAME \
         node "$HERE/ghost-api.mjs" provision) \
    || die "could not set up the owner and the Admin API key (see above; log: $LOG/ghost.log)"
  step_done "owner and api key"

  GH_URL=$url GH_KEYS=$keys GH_PID=$pid GH_DIR=$DIR node -e '
    const e = process.env, k = JSON.parse(e.GH_KEYS);
    console.log(JSON.stringify({url: e.GH_URL, admin_key: k.admin_key, content_key: k.content_key,
                                pid: +e.GH_PID, dir: e.GH_DIR}));' > "$DIR/state.json"
  START_DONE=1
  say "ready at $url in $(elapsed_total) s (logs: $LOG)"
  cat "$DIR/state.json"
}

cmd_stop() {
  stop_ghost
  rm -f "$DIR/state.json"
  say "stopped $DIR in $(elapsed_total) s"
}

# --- main -------------------------------------------------------------------------------------

[ $# -ge 1 ] || usage
CMD=$1
case $CMD in
  install)
    [ $# -eq 1 ] || usage
    command -v flock >/dev/null || die "flock (util-linux) is needed"
    install_ghost
    echo "$GHOST_HOME"
    exit 0 ;;
  start|stop) [ $# -eq 2 ] && [ -n "$2" ] || usage ;;
  *) usage ;;
esac
if [ "$CMD" = stop ] && [ ! -d "$2" ]; then say "nothing to stop: $2 does not exist"; exit 0; fi
mkdir -p "$2" || die "cannot create $2"
DIR=$(cd "$2" && pwd -P)
[ "$DIR" != / ] || die "DIR must not be /"
case $DIR in "$GHOST_CACHE"|"$GHOST_CACHE"/*) die "DIR must not be inside the Ghost cache $GHOST_CACHE" ;; esac
LOG=$DIR/logs
mkdir -p "$DIR/run" "$LOG"
command -v flock >/dev/null || die "flock (util-linux) is needed"
if [ "$CMD" = start ]; then
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
  command -v node >/dev/null || die "node is needed (Node 18, 20 or 22)"
fi

# One start or stop at a time per DIR.
exec 9>"$DIR/run/lock"
flock -w 300 9 || die "another $PROG is working on $DIR"

case $CMD in
  start) trap cleanup_failed_start EXIT; cmd_start ;;
  stop) cmd_stop ;;
esac
