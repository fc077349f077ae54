#!/usr/bin/env bash
# Apache Kafka (KRaft, combined broker+controller) on loopback from Maven Central jars; no Docker.
# Usage: kafka.sh start|stop|status   Env: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093),
# KAFKA_HEAP (-Xmx512m), KAFKA_START_TIMEOUT (60 seconds).
set -euo pipefail
ENGINE_NAME=kafka
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
HOME_DIR="${ENGINES_CACHE}/kafka"
LIBS="${HOME_DIR}/libs"
DATA="${HOME_DIR}/data-${PORT}"
PIDFILE="${HOME_DIR}/kafka-${PORT}.pid"
LOGFILE="${HOME_DIR}/kafka-${PORT}.log"
PROPS="${HOME_DIR}/server-${PORT}.properties"
POM="${ENGINES_LOCAL}/kafka/pom.xml"
MARKER="kafka.Kafka ${PROPS}"

# Copies the broker jars once; the marker holds the pom's hash so a version bump recopies.
ensure_libs() {
  local want have=""
  want="$(sha256sum "$POM" | cut -d' ' -f1)"
  [[ -f "${LIBS}/.pom.sha256" ]] && have="$(cat "${LIBS}/.pom.sha256")"
  if [[ "$want" == "$have" ]]; then
    step "jars cached in ${LIBS}"
    return 0
  fi
  step "copying broker jars from Maven Central into ${LIBS} (first run only)"
  rm -rf "$LIBS"
  mkdir -p "$HOME_DIR"
  # Maven's own output goes to a log so the script keeps to one line per step.
  mvn -B -f "$POM" -Dmaven.repo.local="${ENGINES_CACHE}/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" \
    >"${HOME_DIR}/mvn.log" 2>&1 || {
    log_tail "${HOME_DIR}/mvn.log"
    die "mvn could not copy the broker jars"
  }
  echo "$want" >"${LIBS}/.pom.sha256"
}

write_props() {
  step "writing ${PROPS}"
  cat >"$PROPS" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${DATA}
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

# The JVM command line shared by the storage tool and the broker.
java_cmd() {
  local heap
  read -r -a heap <<<"${KAFKA_HEAP:--Xmx512m -Xms128m}"
  JAVA=(java "${heap[@]}" -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=${ENGINES_LOCAL}/kafka/log4j2.properties" -cp "${LIBS}/*")
}

format_storage() {
  if [[ -f "${DATA}/meta.properties" ]]; then
    step "storage already formatted in ${DATA}"
    return 0
  fi
  local cluster_id
  # A KRaft cluster id is 16 random bytes in URL-safe base64 without padding. It may start with
  # "-", so it is passed as --cluster-id=<id>, never as an argument of its own.
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  step "formatting KRaft storage in ${DATA} (cluster ${cluster_id})"
  mkdir -p "$DATA"
  java_cmd
  "${JAVA[@]}" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$PROPS" >>"$LOGFILE" 2>&1 ||
    {
      log_tail "$LOGFILE"
      die "storage format failed"
    }
}

start() {
  if pid_alive "$PIDFILE" "$MARKER"; then
    step "already running on 127.0.0.1:${PORT} (pid $(cat "$PIDFILE"))"
    return 0
  fi
  mkdir -p "$HOME_DIR"
  : >"$LOGFILE" # a fresh log per start, so a failure's error lines are this run's
  ensure_libs
  write_props
  format_storage
  step "starting broker on 127.0.0.1:${PORT} (log ${LOGFILE})"
  java_cmd
  spawn "$PIDFILE" "$LOGFILE" "${JAVA[@]}" kafka.Kafka "$PROPS"
  step "waiting for metadata from 127.0.0.1:${PORT}"
  await_engine kafka "127.0.0.1:${PORT}" "${KAFKA_START_TIMEOUT:-60}" broker
  step "ready on 127.0.0.1:${PORT}"
}

engine_main 30 "$@"
