#!/bin/sh
# Runs the test suite under AddressSanitizer and/or ThreadSanitizer, each in its own build
# directory (.build-asan, .build-tsan) so the normal .build is never rebuilt.
#
#   scripts/sanitize.sh                 both, whole suite (slow: two full instrumented builds)
#   scripts/sanitize.sh address         AddressSanitizer only
#   scripts/sanitize.sh thread 'RedisClientTests|InspectorTests|InspectorIntegrationTests'   ThreadSanitizer on a subset
#
# The filter is passed to `swift test --filter` (a regular expression over test names).
# Exit status: non-zero when any run fails or a sanitizer reports.
set -eu
cd "$(dirname "$0")/.."

which="${1:-both}"
filter="${2:-}"

run() {
    kind="$1"
    echo "== swift test --sanitize=$kind ${filter:+--filter $filter}"
    # halt_on_error: the first report fails the run instead of scrolling by. scripts/tsan.supp:
    # known false positives of the uninstrumented Swift runtime, each explained there.
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}" \
    TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}:suppressions=$(pwd)/scripts/tsan.supp" \
        swift test --sanitize="$kind" --scratch-path ".build-$( [ "$kind" = address ] && echo asan || echo tsan )" \
            --no-parallel ${filter:+--filter "$filter"}
}

case "$which" in
    address) run address ;;
    thread) run thread ;;
    both) run address; run thread ;;
    *) echo "usage: $0 [address|thread|both] [FILTER]" >&2; exit 2 ;;
esac
