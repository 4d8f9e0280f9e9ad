#!/usr/bin/env bash
# A sick network for the end-to-end tests: two network namespaces joined by a veth pair, a
# redis-server in one, a delaying TCP relay in front of it, and nftables rules for packet loss
# and partitions, switchable while everything runs. Nothing leaves the two namespaces.
#
#   netns-harness.sh up NAME [DELAY_MS [JITTER_MS]]   make it; prints KEY=VALUE lines (below)
#   netns-harness.sh loss NAME PERCENT                drop PERCENT% of packets each way (0: none)
#   netns-harness.sh partition NAME on|off            drop every packet, silently (no reset)
#   netns-harness.sh syns NAME                        connection attempts (SYNs) that reached the server's side
#   netns-harness.sh down NAME                        undo all of it (safe to repeat)
#
# `up` prints SERVER_NS, CLIENT_NS, SERVER_ADDR, CLIENT_ADDR, PORT (the relay, which a client in
# CLIENT_NS dials), REDIS_PORT (the server itself, on 127.0.0.1 inside SERVER_NS), REDIS_PID,
# RELAY_PID. The redis-server is $CACHESCOPE_TEST_SERVER when set, else redis-server.
# The relay holds each chunk DELAY_MS in each direction (RTT = 2 × DELAY_MS). Loss and the
# partition apply to the veth only; the server's own loopback stays clean for the tests' checks.
#
# Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN), iproute2, nftables and python3. Without them it
# fails and says so. A harness whose owner (the process that ran `up`) has died is swept away by
# the next `up`, so a killed test run leaves nothing behind for long.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
state_root="${TMPDIR:-/tmp}/cachescope-netns"

die() { echo "netns-harness: $*" >&2; exit 2; }

usage() { sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

check_name() {
    [[ "$1" =~ ^[a-z0-9][a-z0-9-]{0,20}$ ]] || die "NAME must be 1-21 of [a-z0-9-]: '$1'"
}

# The /30 of a harness, from its name, so two harnesses of one run differ (each pair of
# namespaces is its own network anyway: addresses never meet across harnesses).
subnet_of() {
    local hash
    hash=$(printf '%s' "$1" | cksum | cut -d' ' -f1)
    echo "10.231.$((hash % 256)).$(((hash / 256) % 64 * 4))"
}

down() {
    local name=$1 dir="$state_root/$1"
    if [[ -d "$dir" ]]; then
        for file in relay.pid redis.pid; do
            [[ -f "$dir/$file" ]] || continue
            local pid
            pid=$(cat "$dir/$file")
            if kill -0 "$pid" 2>/dev/null; then
                kill -TERM "$pid" 2>/dev/null || true
                for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
                kill -KILL "$pid" 2>/dev/null || true
            fi
        done
        rm -rf "$dir"
    fi
    # Deleting a namespace deletes its end of the veth, and the peer with it.
    ip netns delete "$name-s" 2>/dev/null || true
    ip netns delete "$name-c" 2>/dev/null || true
}

# Harnesses whose owner is gone (a test run killed before its cleanup).
sweep() {
    [[ -d "$state_root" ]] || return 0
    local dir
    for dir in "$state_root"/*/; do
        [[ -f "$dir/owner" ]] || continue
        kill -0 "$(cat "$dir/owner")" 2>/dev/null || down "$(basename "$dir")"
    done
}

nft_in() { ip netns exec "$1-s" nft "${@:2}"; }

up() {
    local name=$1 delay=${2:-0} jitter=${3:-0}
    [[ $EUID -eq 0 ]] || die "needs root (or CAP_SYS_ADMIN and CAP_NET_ADMIN) to create network namespaces"
    for tool in ip nft python3; do
        command -v "$tool" >/dev/null || die "needs '$tool' (apt-get install iproute2 nftables python3)"
    done
    local redis="${CACHESCOPE_TEST_SERVER:-redis-server}"
    command -v "$redis" >/dev/null || die "needs a redis-server ('$redis' not found)"
    sweep
    down "$name"
    # From here on any failure undoes what was made.
    trap 'down "$name"' EXIT
    local dir="$state_root/$name"
    mkdir -p "$dir"
    echo "${NETNS_HARNESS_OWNER:-$PPID}" >"$dir/owner"
    local error
    error=$(ip netns add "$name-s" 2>&1) || die "cannot create a network namespace ($error): needs root with CAP_SYS_ADMIN, and a kernel with network namespaces"
    ip netns add "$name-c"
    # The veth is made inside the server's namespace, its peer moved straight into the client's:
    # nothing ever appears in the host's namespace.
    ip -n "$name-s" link add veth0 type veth peer name veth1 netns "$name-c"
    local base server client
    base=$(subnet_of "$name")
    server="${base%.*}.$((${base##*.} + 1))"
    client="${base%.*}.$((${base##*.} + 2))"
    ip -n "$name-s" addr add "$server/30" dev veth0
    ip -n "$name-c" addr add "$client/30" dev veth1
    for ns in "$name-s" "$name-c"; do ip -n "$ns" link set lo up; done
    ip -n "$name-s" link set veth0 up
    ip -n "$name-c" link set veth1 up

    nft_in "$name" -f - <<NFT
table inet harness {
    chain loss { }
    chain partition { }
    chain input { type filter hook input priority 0; policy accept; iifname "veth0" tcp flags & (syn | ack) == syn counter; iifname "veth0" jump partition; iifname "veth0" jump loss; }
    chain output { type filter hook output priority 0; policy accept; oifname "veth0" jump partition; oifname "veth0" jump loss; }
}
NFT

    local redis_port=6379 port=6380
    mkdir -p "$dir/redis"
    ip netns exec "$name-s" "$redis" --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" \
        --save '' --appendonly no --protected-mode no --daemonize no --logfile "$dir/redis.log" \
        </dev/null >/dev/null 2>&1 &
    echo $! >"$dir/redis.pid"
    ip netns exec "$name-s" python3 "$here/delay-relay.py" "$server" "$port" 127.0.0.1 "$redis_port" "$delay" "$jitter" \
        </dev/null >"$dir/relay.log" 2>&1 &
    echo $! >"$dir/relay.pid"
    # Both must answer before `up` returns.
    local ready=0
    for _ in $(seq 100); do
        if ip netns exec "$name-s" redis-cli -p "$redis_port" PING 2>/dev/null | grep -q PONG &&
            ip netns exec "$name-c" redis-cli -h "$server" -p "$port" PING 2>/dev/null | grep -q PONG; then
            ready=1
            break
        fi
        sleep 0.1
    done
    [[ $ready -eq 1 ]] || die "redis-server or the relay did not answer: $(tail -n 5 "$dir/redis.log" "$dir/relay.log" 2>/dev/null)"
    trap - EXIT
    cat <<OUT
SERVER_NS=$name-s
CLIENT_NS=$name-c
SERVER_ADDR=$server
CLIENT_ADDR=$client
PORT=$port
REDIS_PORT=$redis_port
REDIS_PID=$(cat "$dir/redis.pid")
RELAY_PID=$(cat "$dir/relay.pid")
OUT
}

loss() {
    local name=$1 percent=$2
    [[ "$percent" =~ ^[0-9]+$ && $percent -le 100 ]] || die "PERCENT must be 0-100: '$percent'"
    nft_in "$name" flush chain inet harness loss
    if [[ $percent -gt 0 ]]; then
        nft_in "$name" add rule inet harness loss numgen random mod 100 "<" "$percent" drop
    fi
}

partition() {
    local name=$1 mode=$2
    nft_in "$name" flush chain inet harness partition
    case "$mode" in
    on) nft_in "$name" add rule inet harness partition drop ;;
    off) ;;
    *) die "partition takes on or off: '$mode'" ;;
    esac
}

# Counted before the partition's drop, so attempts a partition swallows count too (retransmitted SYNs included).
syns() {
    nft_in "$1" list chain inet harness input | sed -n 's/.*counter packets \([0-9]*\).*/\1/p'
}

[[ $# -ge 2 ]] || usage
command=$1
name=$2
check_name "$name"
case "$command" in
up) up "$name" "${3:-0}" "${4:-0}" ;;
down) down "$name" ;;
syns) syns "$name" ;;
loss) [[ $# -eq 3 ]] || usage; loss "$name" "$3" ;;
partition) [[ $# -eq 3 ]] || usage; partition "$name" "$3" ;;
*) usage ;;
esac
