#!/usr/bin/env bash
# Runs the integration suite against AWS's own DynamoDB Local (transactions, TTL, the real
# expression parser) instead of dynalite. The jar ships inside an npm package; it is unpacked
# under .cache/ (git-ignored) and never committed.
set -euo pipefail
cd "$(dirname "$0")/.."

version=2.9.30
dir=.cache/dynamodb-local-$version
if [ ! -f "$dir/package/emulator/DynamoDBLocal.jar" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "amplify-dynamodb-simulator@$version" >/dev/null && tar -xzf "amplify-dynamodb-simulator-$version.tgz")
fi
if ! command -v java >/dev/null 2>&1; then
  echo "java not found: installing a headless JRE" >&2
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
(cd "$dir/package/emulator" && exec java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar \
  -inMemory -port "$port" -disableTelemetry) >.cache/dynamodb-local.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then break; fi
  sleep 0.5
done

echo "DynamoDB Local on 127.0.0.1:$port"
AICTIVE_TEST_DYNAMODB_ENDPOINT="http://127.0.0.1:$port" npx vitest run --project integration
