#!/usr/bin/env bash
# Starts the local engines the integration tests use (idempotent) and writes .cache/engines.env.
# An engine whose URL is already in the environment (KAFKA_BROKERS, MONGODB_URL) is used as is.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ENV_FILE="${ENGINES_CACHE}/engines.env"
started=$SECONDS

if [[ -n "${KAFKA_BROKERS:-}" ]]; then
  step "KAFKA_BROKERS is set (${KAFKA_BROKERS}); not starting kafka"
  brokers="$KAFKA_BROKERS"
else
  bash "${ENGINES_LOCAL}/kafka.sh" start
  brokers="127.0.0.1:${KAFKA_PORT:-19092}"
fi

if [[ -n "${MONGODB_URL:-}" ]]; then
  step "MONGODB_URL is set (${MONGODB_URL}); not starting ferretdb"
  mongo="$MONGODB_URL"
else
  bash "${ENGINES_LOCAL}/ferretdb.sh" start
  mongo="mongodb://127.0.0.1:${FERRETDB_PORT:-27027}/"
fi

mkdir -p "$ENGINES_CACHE"
printf 'KAFKA_BROKERS=%s\nMONGODB_URL=%s\n' "$brokers" "$mongo" >"${ENV_FILE}.tmp.$$"
mv "${ENV_FILE}.tmp.$$" "$ENV_FILE"
step "wrote ${ENV_FILE} (KAFKA_BROKERS=${brokers} MONGODB_URL=${mongo}) in $((SECONDS - started))s"
