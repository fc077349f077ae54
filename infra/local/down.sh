#!/usr/bin/env bash
# Stops the local engines and deletes their data; the downloaded jars and binary stay cached.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "${ENGINES_LOCAL}/kafka.sh" stop
bash "${ENGINES_LOCAL}/ferretdb.sh" stop

kafka_data="${ENGINES_CACHE}/kafka/data-${KAFKA_PORT:-19092}"
ferret_data="${ENGINES_CACHE}/ferretdb/data-${FERRETDB_PORT:-27027}"
step "removing ${kafka_data} and ${ferret_data}"
rm -rf "$kafka_data" "$ferret_data"
rm -f "${ENGINES_CACHE}/engines.env"
step "down"
