#!/usr/bin/env bash
# FerretDB 1.x (MongoDB wire protocol over SQLite) on loopback, built from the Go module proxy.
# Usage: ferretdb.sh start|stop|status   Env: FERRETDB_PORT (27027), FERRETDB_START_TIMEOUT (60 s).
set -euo pipefail
ENGINE_NAME=ferretdb
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB
PORT="${FERRETDB_PORT:-27027}"
HOME_DIR="${ENGINES_CACHE}/ferretdb"
BIN="${ENGINES_CACHE}/bin/ferretdb"
DATA="${HOME_DIR}/data-${PORT}"
PIDFILE="${HOME_DIR}/ferretdb-${PORT}.pid"
LOGFILE="${HOME_DIR}/ferretdb-${PORT}.log"
MARKER="--listen-addr=127.0.0.1:${PORT}"

export GOMODCACHE="${ENGINES_CACHE}/go/mod"
export GOCACHE="${ENGINES_CACHE}/go/build"

# Builds the binary once. Not `go install ${MODULE}/cmd/ferretdb@${VERSION}`: that asks the
# proxy for the module's version list (refused here), and a binary built that way panics at
# start because FerretDB refuses to run without build/version/version.txt. So: download the
# checksummed module, copy it, add version.txt (what upstream's `task gen-version` does) and
# build it against its own go.sum.
ensure_binary() {
  local have=""
  [[ -x "$BIN" ]] && have="$("$BIN" --version 2>/dev/null || true)"
  if [[ "$have" == *"version: ${VERSION}"* ]]; then
    step "binary cached at ${BIN}"
    return 0
  fi
  step "downloading ${MODULE}@${VERSION} from the Go module proxy (first run only)"
  local dir src
  local buildlog="${HOME_DIR}/build.log"
  dir="$(cd "$HOME_DIR" && GOFLAGS=-mod=mod go mod download -json "${MODULE}@${VERSION}" \
    2>"$buildlog" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || true
  [[ -d "$dir" ]] || {
    log_tail "$buildlog"
    die "go mod download did not report a module directory"
  }
  step "building ferretdb into ${BIN} (first run only, about 2-4 minutes on 2 cores)"
  src="$(mktemp -d "${HOME_DIR}/src.XXXXXX")"
  cp -r "${dir}/." "$src"
  chmod -R u+w "$src"
  echo "$VERSION" >"${src}/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  # go's "downloading ..." lines go to the build log so the script keeps to one line per step.
  (cd "$src" && GOFLAGS=-mod=readonly go build -trimpath -o "${BIN}.tmp.$$" ./cmd/ferretdb) \
    >>"$buildlog" 2>&1 || {
    log_tail "$buildlog"
    rm -rf "$src"
    die "go build of ferretdb failed"
  }
  mv "${BIN}.tmp.$$" "$BIN"
  rm -rf "$src"
}

start() {
  if pid_alive "$PIDFILE" "$MARKER"; then
    step "already running on 127.0.0.1:${PORT} (pid $(cat "$PIDFILE"))"
    return 0
  fi
  mkdir -p "$HOME_DIR" "$DATA"
  : >"$LOGFILE" # a fresh log per start, so a failure's error lines are this run's
  ensure_binary
  step "starting on 127.0.0.1:${PORT} with SQLite data in ${DATA} (log ${LOGFILE})"
  # The debug HTTP listener is off (-) so parallel instances never fight over port 8088;
  # log level error because warn dumps every refused command (e.g. the driver's endSessions).
  spawn "$PIDFILE" "$LOGFILE" "$BIN" --handler=sqlite "--sqlite-url=file:${DATA}/" \
    "$MARKER" --debug-addr=- --telemetry=disable "--state-dir=${DATA}" --log-level=error
  step "waiting for ping on 127.0.0.1:${PORT}"
  await_engine mongo "mongodb://127.0.0.1:${PORT}/" "${FERRETDB_START_TIMEOUT:-60}" ferretdb
  step "ready on mongodb://127.0.0.1:${PORT}/"
}

engine_main 15 "$@"
