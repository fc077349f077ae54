#!/usr/bin/env bash
# Schemathesis against a running hub (issue 18): builds, starts the hub on the embedded stores in
# a temp dir on a free loopback port, and runs a seeded, bounded Schemathesis with the checks
# below, as a token holding every provider role (CSAM, AC, Auditor, Operator, Service; partner
# roles need a partner organisation, so no one valid token holds both). Prints one result line;
# exits non-zero on any failure. SCHEMATHESIS_EXAMPLES / SCHEMATHESIS_SEED override the bounds.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.cache/schemathesis-venv
if ! "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
  echo "--- installing schemathesis into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check schemathesis
fi

examples=${SCHEMATHESIS_EXAMPLES:-12}
seed=${SCHEMATHESIS_SEED:-18}
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/hub-schemathesis-XXXXXX")
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export DATA_DIR="$data_dir" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=${LOG_LEVEL:-warn} \
  HUB_JWT_SECRET=schemathesis-secret-schemathesis-secret-0123 THROTTLE_PER_SECOND=100000
unset KAFKA_BROKERS

node scripts/build.mjs >/dev/null
node dist/apps/hub/main.js >"$data_dir/hub.log" 2>&1 &
hub_pid=$!
cleanup() {
  kill "$hub_pid" 2>/dev/null || true
  wait "$hub_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
  [ "$code" != "000" ] && break
  kill -0 "$hub_pid" 2>/dev/null || { cat "$data_dir/hub.log"; exit 1; }
  sleep 0.2
done

token=$(node dist/scripts/token.js --sub schemathesis --email schemathesis@provider.example \
  --org provider --org-kind provider --roles CSAM,AC,Auditor,Operator,Service --expires-in 3600)

set +e
"$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/docs-json" \
  --url "http://127.0.0.1:$port" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance,positive_data_acceptance \
  --max-examples "$examples" --seed "$seed" \
  --phases examples,coverage,fuzzing --workers 1 --no-color --generation-database none "$@"
status=$?
set -e
if [ "$status" -eq 0 ]; then
  echo "schemathesis: PASSED (seed $seed, at most $examples examples an operation)"
else
  echo "schemathesis: FAILED (exit $status; seed $seed, at most $examples examples an operation)"
fi
exit "$status"
