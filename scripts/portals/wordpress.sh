#!/usr/bin/env bash
# A real WordPress (Debian 12 packages) on 127.0.0.1 for integration tests.
#
#   wordpress.sh start DIR   install missing packages, start a private MariaDB and PHP's
#                            built-in server for DIR, install WordPress, print one JSON line:
#                            {"url","user","app_password","pid_php","pid_mariadb","dir"}
#   wordpress.sh stop DIR    stop both processes started for DIR and wait for them to end
#
# Everything the instance has lives in DIR (database, socket, WordPress tree, uploads, logs).
# Nothing listens anywhere but 127.0.0.1: MariaDB has no TCP port at all (--skip-networking).
# Progress and step times go to stderr; stdout carries only the JSON line. See README.md.
set -euo pipefail

PROG=wordpress.sh
WP_SRC=/usr/share/wordpress
PACKAGES=(wordpress mariadb-server php-cli php-mysql php-gd php-curl php-xml php-mbstring)
WP_ADMIN_USER=${WP_ADMIN_USER:-admin}
WP_APP_NAME=newsdesk-tests
PHP_WORKERS=${WP_PHP_WORKERS:-4}
STARTUP_TIMEOUT=${WP_STARTUP_TIMEOUT:-30}   # seconds each for MariaDB and the web server

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage() {
  cat >&2 <<EOF
usage: $PROG start DIR    start a private WordPress for DIR, print its JSON description
       $PROG stop DIR     stop the WordPress started for DIR
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

# --- processes --------------------------------------------------------------------------------

# pid_alive PIDFILE MARK: prints the pid recorded in PIDFILE if that process is alive and its
# command line mentions MARK (so that a recycled pid of some other process is never touched).
pid_alive() {
  local file=$1 mark=$2 pid
  [ -s "$file" ] || return 1
  pid=$(tr -dc '0-9' < "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$mark" || return 1
  # A zombie is not alive.
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}

# wait_gone PID SECONDS: waits until PID has ended; 1 if it is still there after SECONDS.
wait_gone() {
  local pid=$1 deadline=$(( $(date +%s) + $2 ))
  while [ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# group_alive PGID: 0 if any process of the process group is still there.
group_alive() { pgrep -g "$1" >/dev/null 2>&1; }

stop_php() {
  local dir=$1 pid deadline
  if pid=$(pid_alive "$dir/run/php.pid" "$dir/wordpress"); then
    say "stopping PHP server (process group $pid)"
    # The built-in server forks workers (PHP_CLI_SERVER_WORKERS); it was started with setsid,
    # so its pid is the process group id: stop the whole group, not only the parent.
    kill -TERM -- "-$pid" 2>/dev/null || true
    deadline=$(( $(date +%s) + 10 ))
    while group_alive "$pid"; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        say "PHP server did not stop in 10 s, killing it"
        kill -KILL -- "-$pid" 2>/dev/null || true
        sleep 0.2
        break
      fi
      sleep 0.1
    done
  fi
  rm -f "$dir/run/php.pid"
}

stop_mariadb() {
  local dir=$1 pid
  if pid=$(pid_alive "$dir/run/mariadb.pid" "$dir/mysql"); then
    # SIGTERM is MariaDB's clean shutdown (flushes InnoDB, removes the socket). A server that
    # does not answer yet (still starting) ignores it and hangs, so that one gets only 5 s.
    local grace=60
    mariadb-admin --no-defaults --socket="$dir/run/mysqld.sock" -uroot ping >/dev/null 2>&1 || grace=5
    say "stopping MariaDB (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$grace"; then
      say "MariaDB did not stop in $grace s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || die "MariaDB (pid $pid) does not end"
    fi
  fi
  rm -f "$dir/run/mariadb.pid" "$dir/run/mysqld.sock" "$dir/run/mysqld.sock.lock"
}

# --- packages ---------------------------------------------------------------------------------

ensure_packages() {
  local missing=() p made_policy=0
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}) and not root: install them first"
  say "installing ${missing[*]} (apt, about a minute)"
  # mariadb-server and apache2 (pulled in by wordpress) would start the system's own services
  # on install. Forbid that for the duration of the install unless a policy already exists.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# temporary, written by %s\nexit 101\n' "$PROG" > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$LOG/apt.log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    say "apt-get install failed, updating the package lists and trying once more"
    rc=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
      >>"$LOG/apt.log" 2>&1 || rc=$?
  fi
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $rc -eq 0 ] || { tail -n 20 "$LOG/apt.log" >&2; die "could not install ${missing[*]} (log: $LOG/apt.log)"; }
}

# --- helpers ----------------------------------------------------------------------------------

# port_free PORT: 0 if 127.0.0.1:PORT can be bound now.
port_free() {
  php -n -r '$s = @stream_socket_server("tcp://127.0.0.1:" . $argv[1], $e, $m); exit($s ? 0 : 1);' "$1"
}
# free_port: a port the kernel hands out as free on 127.0.0.1.
free_port() {
  php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false);
             echo substr($n, strrpos($n, ":") + 1);'
}
random_secret() { php -n -r 'echo bin2hex(random_bytes((int)$argv[1]));' "${1:-16}"; }

sql() { mariadb --no-defaults --socket="$DIR/run/mysqld.sock" -uroot --batch --skip-column-names "$@"; }

# --- start ------------------------------------------------------------------------------------

# If start fails after launching something, stop it again: no half-started instance is left.
START_DONE=0
cleanup_failed_start() {
  local rc=$?
  if [ "${CMD:-}" = start ] && [ "$START_DONE" != 1 ] && [ -n "${DIR:-}" ]; then
    say "start failed (exit $rc): stopping what was started for $DIR"
    stop_php "$DIR" || true
    stop_mariadb "$DIR" || true
  fi
}

cmd_start() {
  local pid_db pid_php port url

  # Already running? Say so again (idempotent start).
  if pid_db=$(pid_alive "$DIR/run/mariadb.pid" "$DIR/mysql") \
     && pid_php=$(pid_alive "$DIR/run/php.pid" "$DIR/wordpress") \
     && [ -s "$DIR/state.json" ]; then
    say "already running for $DIR"
    START_DONE=1
    cat "$DIR/state.json"
    return 0
  fi
  # The unix socket path is limited to 107 bytes.
  [ ${#DIR} -le 90 ] || die "DIR path too long for a unix socket (${#DIR} > 90 characters): $DIR"

  # Half running (one of the two died): start over cleanly.
  stop_php "$DIR"
  stop_mariadb "$DIR"

  ensure_packages
  step_done "packages"

  # Secrets made once per DIR and kept, so that a restart finds its database and users again.
  if [ ! -s "$DIR/secrets.env" ]; then
    umask 077
    {
      echo "DB_PASSWORD=$(random_secret 16)"
      echo "ADMIN_PASSWORD=$(random_secret 16)"
    } > "$DIR/secrets.env"
    umask 022
  fi
  # shellcheck disable=SC1091
  . "$DIR/secrets.env"

  # --- MariaDB: own datadir, own socket, no TCP, no system config files (--no-defaults).
  if [ ! -d "$DIR/mysql/mysql" ]; then
    rm -rf "$DIR/mysql"
    mariadb-install-db --no-defaults --datadir="$DIR/mysql" --user=root \
      --auth-root-authentication-method=socket --skip-test-db \
      >"$LOG/mariadb-install.log" 2>&1 \
      || { tail -n 20 "$LOG/mariadb-install.log" >&2; die "mariadb-install-db failed (log: $LOG/mariadb-install.log)"; }
    step_done "mariadb datadir"
  fi
  # setsid: own session, so that the caller's Ctrl-C or the end of its shell does not hit it.
  # fd 9 (the lock) and stdout must not be inherited, or `$(wordpress.sh start DIR)` would hang.
  setsid mariadbd --no-defaults \
    --datadir="$DIR/mysql" --socket="$DIR/run/mysqld.sock" --pid-file="$DIR/run/mariadb.pid" \
    --skip-networking --user=root --log-error="$LOG/mariadb.log" \
    --skip-log-bin --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >>"$LOG/mariadb.log" 2>&1 9>&- &
  pid_db=$!
  disown "$pid_db"
  echo "$pid_db" > "$DIR/run/mariadb.pid"   # mariadbd writes the same pid (setsid did not fork)
  local deadline=$(( $(date +%s) + STARTUP_TIMEOUT ))
  until mariadb-admin --no-defaults --socket="$DIR/run/mysqld.sock" -uroot ping >/dev/null 2>&1; do
    if ! kill -0 "$pid_db" 2>/dev/null; then
      tail -n 20 "$LOG/mariadb.log" >&2; die "MariaDB exited during start (log: $LOG/mariadb.log)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "MariaDB not ready after ${STARTUP_TIMEOUT} s (log: $LOG/mariadb.log)"
    fi
    sleep 0.1
  done
  sql <<SQL || die "could not create the database and its user"
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL
  step_done "mariadb started"

  # --- WordPress tree: a copy of Debian's files (0.2 s), so that ABSPATH, wp-config.php and
  # wp-content are this DIR's own and nothing in /etc/wordpress or /var/lib/wordpress is used.
  local src_version
  src_version=$(dpkg-query -W -f='${Version}' wordpress)
  if [ "$(cat "$DIR/wordpress/.newsdesk-source" 2>/dev/null)" != "$src_version" ]; then
    local e
    mkdir -p "$DIR/wordpress"
    for e in "$WP_SRC"/* "$WP_SRC"/.[!.]*; do
      case ${e##*/} in wp-content|wp-config.php|.htaccess|'.[!.]*') continue ;; esac
      rm -rf "$DIR/wordpress/${e##*/}"
      cp -a "$e" "$DIR/wordpress/"
    done
    mkdir -p "$DIR/wordpress/wp-content/themes" "$DIR/wordpress/wp-content/plugins" \
             "$DIR/wordpress/wp-content/uploads" "$DIR/wordpress/wp-content/mu-plugins"
    rm -rf "$DIR/wordpress/wp-content/themes/twentytwentythree"
    cp -a "$WP_SRC/wp-content/themes/twentytwentythree" "$DIR/wordpress/wp-content/themes/"
    cp -a "$WP_SRC/wp-content/plugins/index.php" "$DIR/wordpress/wp-content/plugins/"
    echo "$src_version" > "$DIR/wordpress/.newsdesk-source"
  fi
  # No mail leaves this site: wp_mail only appends to a log file.
  cat > "$DIR/wordpress/wp-content/mu-plugins/newsdesk-no-mail.php" <<'PHP'
<?php
// Written by scripts/portals/wordpress.sh: this test site never sends mail.
if (!function_exists('wp_mail')) {
    function wp_mail($to, $subject, $message, $headers = '', $attachments = array()) {
        @file_put_contents(dirname(ABSPATH) . '/logs/mail.log',
            date('c') . ' to ' . (is_array($to) ? implode(',', $to) : $to) . ': ' . $subject . "\n", FILE_APPEND);
        return true;
    }
}
PHP
  step_done "wordpress files"

  # --- Port: the one used before if it is still free (URLs stored in posts stay valid).
  port=$(cat "$DIR/run/port" 2>/dev/null || true)
  if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
  echo "$port" > "$DIR/run/port"
  url="http://127.0.0.1:$port"

  if [ ! -s "$DIR/wp-salts.php" ]; then
    php -n -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT",
                          "SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k)
                 echo "define(\x27$k\x27, \x27" . bin2hex(random_bytes(32)) . "\x27);\n";' \
      | { echo '<?php'; cat; } > "$DIR/wp-salts.php"
  fi
  cat > "$DIR/wordpress/wp-config.php" <<PHP
<?php
// Written by scripts/portals/wordpress.sh for $DIR on each start. Do not edit.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$DIR/run/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
require __DIR__ . '/../wp-salts.php';

define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
// Application Passwords over plain http need the "local" environment.
define('WP_ENVIRONMENT_TYPE', 'local');
// Never call out: no HTTP to other hosts, no cron, no updates.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);

if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

  # Router for php -S: real files are served (PHP ones run), everything else goes to index.php
  # (pretty permalinks, /wp-json/...).
  cat > "$DIR/router.php" <<'PHP'
<?php
// Written by scripts/portals/wordpress.sh: the router of PHP's built-in server.
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') === false) {
    $file = $root . $path;
    if (is_file($file)) return false;
    if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
PHP
  step_done "config"

  # --- Install WordPress (only the first time), permalinks, admin, Application Password.
  local creds
  creds=$(cd "$DIR/wordpress" && WP_PORT=$port WP_ROOT="$DIR/wordpress" WP_ADMIN_USER="$WP_ADMIN_USER" \
      WP_ADMIN_PASSWORD="$ADMIN_PASSWORD" WP_APP_NAME="$WP_APP_NAME" WP_STATE="$DIR/app-password" \
      php -d display_errors=stderr -d error_reporting=E_ALL\&~E_DEPRECATED\&~E_NOTICE <<'PHP'
<?php
// Runs inside WordPress, from the command line, like wp-cli's `core install` does.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . getenv('WP_PORT');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = getenv('WP_PORT');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require getenv('WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$user = getenv('WP_ADMIN_USER');
$pass = getenv('WP_ADMIN_PASSWORD');
if (!is_blog_installed()) {
    $r = wp_install('Newsdesk test site', $user, $user . '@newsdesk.test', false, '', wp_slash($pass));
    if (empty($r['user_id'])) { fwrite(STDERR, "wp_install failed\n"); exit(1); }
}
// Pretty permalinks so that /wp-json/ works (?rest_route= works either way).
global $wp_rewrite;
if (get_option('permalink_structure') !== '/%postname%/') {
    $wp_rewrite->set_permalink_structure('/%postname%/');
}
flush_rewrite_rules(false);

$u = get_user_by('login', $user);
if (!$u) { fwrite(STDERR, "admin user $user not found\n"); exit(1); }
wp_set_password($pass, $u->ID);  // keep the stored admin password valid

// Reuse the Application Password from an earlier start if WordPress still knows it.
$name = getenv('WP_APP_NAME');
$state = getenv('WP_STATE');
$app = is_file($state) ? trim(file_get_contents($state)) : '';
$ok = false;
if ($app !== '') {
    foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $item) {
        if ($item['name'] === $name && wp_check_password($app, $item['password'], $u->ID)) { $ok = true; break; }
    }
}
if (!$ok) {
    foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $item) {
        if ($item['name'] === $name) WP_Application_Passwords::delete_application_password($u->ID, $item['uuid']);
    }
    $r = WP_Application_Passwords::create_new_application_password($u->ID, array('name' => $name));
    if (is_wp_error($r)) { fwrite(STDERR, 'application password: ' . $r->get_error_message() . "\n"); exit(1); }
    $app = $r[0];
    $old = umask(077);
    file_put_contents($state, $app . "\n");
    umask($old);
}
echo $app, "\n";
PHP
  ) || die "WordPress install failed (see the messages above)"
  step_done "wordpress install"

  # --- Web server: PHP's built-in server, own process group, only on 127.0.0.1.
  PHP_CLI_SERVER_WORKERS=$PHP_WORKERS setsid php \
    -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M \
    -d display_errors=0 -d log_errors=1 -d error_log="$LOG/php-errors.log" \
    -d error_reporting='E_ALL&~E_DEPRECATED&~E_NOTICE' \
    -S "127.0.0.1:$port" -t "$DIR/wordpress" "$DIR/router.php" \
    </dev/null >>"$LOG/php-server.log" 2>&1 9>&- &
  pid_php=$!
  disown "$pid_php"
  echo "$pid_php" > "$DIR/run/php.pid"
  deadline=$(( $(date +%s) + STARTUP_TIMEOUT ))
  until curl -fsS -o /dev/null --max-time 5 "$url/?rest_route=/" 2>/dev/null; do
    if ! kill -0 "$pid_php" 2>/dev/null; then
      tail -n 20 "$LOG/php-server.log" >&2
      die "PHP server exited during start (log: $LOG/php-server.log)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "WordPress not answering at $url after ${STARTUP_TIMEOUT} s"
    fi
    sleep 0.1
  done
  step_done "web server ready"

  WP_URL=$url WP_USER=$WP_ADMIN_USER WP_APP=$creds WP_PID_PHP=$pid_php WP_PID_DB=$pid_db WP_DIR=$DIR \
    php -n -r 'echo json_encode(["url" => getenv("WP_URL"), "user" => getenv("WP_USER"),
                 "app_password" => getenv("WP_APP"), "pid_php" => (int)getenv("WP_PID_PHP"),
                 "pid_mariadb" => (int)getenv("WP_PID_DB"), "dir" => getenv("WP_DIR")],
                 JSON_UNESCAPED_SLASHES), "\n";' > "$DIR/state.json"
  START_DONE=1
  say "ready at $url in $(elapsed_total) s (logs: $LOG)"
  cat "$DIR/state.json"
}

cmd_stop() {
  stop_php "$DIR"
  stop_mariadb "$DIR"
  rm -f "$DIR/state.json"
  say "stopped $DIR in $(elapsed_total) s"
}

# --- main -------------------------------------------------------------------------------------

[ $# -eq 2 ] || usage
CMD=$1
case $CMD in start|stop) ;; *) usage ;; esac
[ -n "$2" ] || usage
if [ "$CMD" = stop ] && [ ! -d "$2" ]; then say "nothing to stop: $2 does not exist"; exit 0; fi
mkdir -p "$2" || die "cannot create $2"
DIR=$(cd "$2" && pwd -P)
[ "$DIR" != / ] || die "DIR must not be /"
LOG=$DIR/logs
mkdir -p "$DIR/run" "$LOG"
command -v flock >/dev/null || die "flock (util-linux) is needed"
command -v curl >/dev/null || [ "$CMD" = stop ] || die "curl is needed (apt-get install curl)"

# One start or stop at a time per DIR.
exec 9>"$DIR/run/lock"
flock -w 120 9 || die "another $PROG is working on $DIR"

case $CMD in
  start) trap cleanup_failed_start EXIT; cmd_start ;;
  stop) cmd_stop ;;
esac
