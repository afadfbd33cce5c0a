#!/usr/bin/env bash
# Starts `npm start` on an empty data directory and waits for GET /health.
# Fails if it is not answered within 30 s (the setup contract) and prints the time.
set -euo pipefail
data=$(mktemp -d)
port=${SMOKE_PORT:-3999}
log=$(mktemp)
HELHED_DATA_DIR="$data" PORT="$port" npm start >"$log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || kill $pid 2>/dev/null || true; pkill -f "packages/server/src/main.ts" 2>/dev/null || true; rm -rf "$data"' EXIT
start=$(date +%s%N)
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "smoke: /health answered after ${ms} ms"
    curl -fsS "http://127.0.0.1:$port/health"; echo
    [ "$ms" -le 30000 ] || { echo "smoke: slower than 30 s"; exit 1; }
    exit 0
  fi
  sleep 0.1
done
echo "smoke: /health not answered within 30 s"; tail -50 "$log"; exit 1
