#!/usr/bin/env bash
# The server matrix's second half: after `swift test` has run every test on Debian's Redis 7.0,
# runs every suite that talks to a server again on Redis 8.2.3 and on Valkey 8.1.8, each named by
# CACHESCOPE_TEST_SERVER (the test process prints `server: NAME VERSION (PATH)`). The servers come
# from scripts/install-test-servers.sh, run first (a no-op once they are unpacked); nothing else is fetched. TLS tests stay on
# 7.0: those two builds have no TLS. A missing server fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

filter='RedisClientTests|InspectorTests|InspectorIntegrationTests|RuntimeTests|EndToEndTests'
# Terminal-only and docs suites have no server in them; TLS needs a server built with it.
# The bad-network tests prove the client's side of a sick network: once, on 7.0, is enough.
skip='TLSConnectionTests|SentinelTLSTests|SecretsTests/tlsVerification|TerminalLifecycleTests|IdleCPUTests|CommandLineDocsTests|BadNetworkTests'
servers=(.build-servers/redis-8.2.3/redis-server .build-servers/valkey-8.1.8/valkey-server)

# Unpacks the pinned servers when they are not there yet (a fresh clone); a no-op otherwise.
scripts/install-test-servers.sh

for server in "${servers[@]}"; do
    [[ -x "$server" ]] || { echo "test-servers: $server is missing: run scripts/install-test-servers.sh first" >&2; exit 1; }
done
for server in "${servers[@]}"; do
    echo "== $("$server" --version)"
    start=$SECONDS
    CACHESCOPE_TEST_SERVER="$PWD/$server" swift test --no-parallel --filter "$filter" --skip "$skip"
    echo "== $server: $((SECONDS - start)) s"
done
