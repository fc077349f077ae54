# shellcheck shell=bash disable=SC2034 # sourced: the variables are used by the scripts.
# Shared helpers for the local engine scripts; sourced, never run.
# Every path hangs off the repo root found from this file, so the scripts work from any cwd.

ENGINES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENGINES_CACHE="${ENGINES_ROOT}/.cache"
ENGINES_LOCAL="${ENGINES_ROOT}/infra/local"

# One line per step, prefixed so interleaved output of up.sh stays readable.
step() { printf '[%s] %s\n' "${ENGINE_NAME:-engines}" "$*"; }

die() {
  printf '[%s] ERROR: %s\n' "${ENGINE_NAME:-engines}" "$*" >&2
  exit 1
}

# True when the pid file names a live process whose command line contains $2
# (guards against a stale pid file whose number was reused by another process).
pid_alive() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q -- "$marker"
}

# SIGTERM, wait up to $3 seconds, then SIGKILL; removes the pid file.
stop_pid() {
  local pidfile="$1" marker="$2" timeout="${3:-30}" pid waited=0
  if ! pid_alive "$pidfile" "$marker"; then
    step "not running"
    rm -f "$pidfile"
    return 0
  fi
  pid="$(cat "$pidfile")"
  step "sending SIGTERM to pid ${pid}"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < timeout * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    step "still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  step "stopped"
}

# Starts a detached background process (own session, so closing the caller's shell or
# job does not kill it) and records its pid.
spawn() {
  local pidfile="$1" logfile="$2"
  shift 2
  # 9>&- : the engine must not inherit the start/stop lock, or it would hold it until it exits.
  nohup setsid "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# Prints a log's error lines, then its end, to stderr so a failed start says why (the
# cause is often above the shutdown chatter that ends the log).
log_tail() {
  local logfile="$1"
  printf -- '----- error lines in %s -----\n' "$logfile" >&2
  grep -E 'ERROR|FATAL|Caused by|[Ee]xception:' "$logfile" | tail -n 8 >&2 || true
  printf -- '----- last lines of %s -----\n' "$logfile" >&2
  tail -n 20 "$logfile" >&2 || true
  printf -- '-----\n' >&2
}

# Serialises start/stop of one engine: other helpers and CI steps run these scripts in
# parallel, and two concurrent first runs would otherwise build into the same folder.
lock_engine() {
  local lockfile="$1"
  mkdir -p "$(dirname "$lockfile")"
  exec 9>"$lockfile"
  if ! flock -n 9; then
    step "waiting for another start/stop of this engine to finish"
    flock -w "${ENGINES_LOCK_TIMEOUT:-900}" 9 || die "timed out waiting for ${lockfile}"
  fi
}

# Waits until the engine started from $PIDFILE answers (wait-engine.cjs), or shows its log and
# dies saying whether it exited or is still starting. Usage: await_engine kind address timeout what
await_engine() {
  local kind="$1" address="$2" timeout="$3" what="$4"
  if ! node "${ENGINES_LOCAL}/wait-engine.cjs" "$kind" "$address" "$timeout" "$(cat "$PIDFILE")"; then
    log_tail "$LOGFILE"
    pid_alive "$PIDFILE" "$MARKER" || die "${what} exited during start-up (see log above)"
    die "${what} did not answer in time (still running as pid $(cat "$PIDFILE"); see log above)"
  fi
}

# An engine script's commands: start (the script's own start function), stop (SIGTERM, then
# SIGKILL after the grace in seconds), status. Usage: engine_main grace "$@"
engine_main() {
  local grace="$1"
  shift
  case "${1:-}" in
    start) lock_engine "${HOME_DIR}/start-stop.lock" && start ;;
    stop) lock_engine "${HOME_DIR}/start-stop.lock" && stop_pid "$PIDFILE" "$MARKER" "$grace" ;;
    status)
      if pid_alive "$PIDFILE" "$MARKER"; then
        step "running on 127.0.0.1:${PORT} (pid $(cat "$PIDFILE"))"
      else
        step "not running"
        return 1
      fi
      ;;
    *) die "usage: $0 start|stop|status" ;;
  esac
}
