#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, listening
# only on 127.0.0.1, with a superuser made for the tests.
#
#   scripts/postgres.sh start      installs PostgreSQL if it is missing (as root, with apt-get),
#                                  starts a cluster and prints its folder; the URL for the tests
#                                  is in FOLDER/url (postgresql+psycopg://...)
#   scripts/postgres.sh stop DIR   stops that cluster and removes its folder
#
# initdb refuses to run as root: as root, the cluster belongs to the "postgres" user (created
# when missing) and runs as that user; otherwise it runs as the current user.
# LIAISON_PG_PORT picks the port (default: the first free one from 54329).
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    local dir
    dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
        return 0
    fi
    return 1
}

install_postgres() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        log "PostgreSQL is not installed; install it (apt-get install postgresql) and run again"
        exit 1
    fi
    log "installing PostgreSQL"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Only the server: the Debian package's own cluster is not used (nor started here).
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local bindir
    bindir=$(find_bindir) || { install_postgres; bindir=$(find_bindir); }
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/liaison-postgres.XXXXXX")
    chmod 755 "$dir"
    local run=()
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            log "creating the postgres user"
            useradd --system --user-group --no-create-home --home-dir "$dir" \
                --shell /bin/sh postgres
        fi
        chown postgres: "$dir"
        run=(runuser -u postgres --)
    fi
    local port="${LIAISON_PG_PORT:-54329}"
    if [ -z "${LIAISON_PG_PORT:-}" ]; then
        while ! port_free "$port"; do
            port=$((port + 1))
        done
    fi
    local user=liaison_test
    local password
    password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    # The password file is read by initdb (as the cluster's owner) and removed at once.
    printf '%s\n' "$password" >"$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
    chmod 600 "$dir/pwfile"
    "${run[@]}" "$bindir/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    mkdir -p "$dir/socket"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/socket"
    # A throwaway cluster: no need to survive a power cut, so no fsync (the tests run faster).
    "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "$bindir" >"$dir/bindir"
    echo "postgresql+psycopg://$user:$password@127.0.0.1:$port/postgres" >"$dir/url"
    chmod 644 "$dir/url"
    log "PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    echo "$dir"
}

stop() {
    local dir="$1"
    [ -f "$dir/bindir" ] || { log "$dir is not a cluster started by this script"; exit 1; }
    local bindir
    bindir=$(cat "$dir/bindir")
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
    *)
        echo "usage: $0 start | stop DIR" >&2
        exit 2
        ;;
esac
