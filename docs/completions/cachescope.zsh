#compdef cachescope

__cachescope_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__cachescope_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __cachescope_complete "${completions[@]:0:-1}"
    fi
}

__cachescope_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_cachescope() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '--help[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'watch:Open the dashboard on one node, several nodes or a cluster (the default command).'
            'demo:Start a private redis-server with a realistic cache world and live traffic, and open the dashboard on it.'
            'snapshot:Print one headless report of every node (text, or --json) and exit (1 if a node is unreachable).'
            'replay:Replay a recording in the dashboard (no connection is opened; nothing can be changed).'
            'report:Turn a recording into a postmortem: an HTML page with charts (--html) and a Markdown summary (--markdown, or printed).'
            'diff:Compare two snapshots (snapshot --json, --keys --json or --clients --json), or two moments of a recording.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        watch|demo|snapshot|replay|report|diff|help)
            "_cachescope_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_cachescope_watch() {
    local -i ret=1
    local -ar arg_specs=(
        '*:URI:'
        '-h[Server hostname (default 127.0.0.1).]:HOST:'
        '-p[Server port (default 6379).]:PORT:'
        '-a[Password (prefer REDISCLI_AUTH\: a command-line password is visible to other users in ps).]:PASSWORD:'
        '--user[ACL user name.]:USER:'
        '-n[Database number.]:DB:'
        '-c[Treat the nodes as a Redis Cluster (otherwise detected).]'
        '--tls[Use TLS (as rediss\://).]'
        '--cacert[CA certificate file to verify the server with.]:FILE:'
        '--cert[Client certificate file (with --key).]:FILE:'
        '--key[Client private key file (with --cert).]:FILE:'
        '--sni[Server name for TLS SNI and verification.]:NAME:'
        '--insecure[Skip TLS certificate verification (shown as a warning on screen).]'
        '*--sentinel[A sentinel to reach the nodes through (repeatable); with --master.]:HOST\:PORT:'
        '--master[The Sentinel group'\''s name (without it, the groups are listed to choose from).]:NAME:'
        '--sentinel-user[The sentinels'\'' ACL user (the nodes'\'' is --user).]:USER:'
        '--sentinel-password[The sentinels'\'' password (prefer CACHESCOPE_SENTINEL_AUTH\: a command-line password is visible in ps).]:PASSWORD:'
        '--context[Start on a named connection from the config file.]:NAME:'
        '--read-only[Refuse every change\: dangerous keys vanish and the mutation layer refuses.]'
        '--theme[Theme name (default, light, high-contrast, monochrome) or a theme file.]:NAME|FILE:'
        '--interval[Seconds between samples (default 1).]:SECONDS:'
        '--no-color[No colours (NO_COLOR is honoured too).]'
        '--audit-log[Where every change is logged (default under $XDG_STATE_HOME/cachescope/).]:FILE:'
        '--record[Record the session into a new SQLite file (see docs/recording.md).]:FILE:'
        '--config[Config file (default ~/.config/cachescope/config.toml).]:FILE:'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_demo() {
    local -i ret=1
    local -ar arg_specs=(
        '--read-only[Refuse every change\: dangerous keys vanish and the mutation layer refuses.]'
        '--theme[Theme name (default, light, high-contrast, monochrome) or a theme file.]:NAME|FILE:'
        '--interval[Seconds between samples (default 1).]:SECONDS:'
        '--no-color[No colours (NO_COLOR is honoured too).]'
        '--audit-log[Where every change is logged (default under $XDG_STATE_HOME/cachescope/).]:FILE:'
        '--record[Record the session into a new SQLite file (see docs/recording.md).]:FILE:'
        '--config[Config file (default ~/.config/cachescope/config.toml).]:FILE:'
        '--cluster[Run the demo on a local Redis Cluster\: three primaries with one replica each.]'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_snapshot() {
    local -i ret=1
    local -ar arg_specs=(
        '*:URI:'
        '-h[Server hostname (default 127.0.0.1).]:HOST:'
        '-p[Server port (default 6379).]:PORT:'
        '-a[Password (prefer REDISCLI_AUTH\: a command-line password is visible to other users in ps).]:PASSWORD:'
        '--user[ACL user name.]:USER:'
        '-n[Database number.]:DB:'
        '-c[Treat the nodes as a Redis Cluster (otherwise detected).]'
        '--tls[Use TLS (as rediss\://).]'
        '--cacert[CA certificate file to verify the server with.]:FILE:'
        '--cert[Client certificate file (with --key).]:FILE:'
        '--key[Client private key file (with --cert).]:FILE:'
        '--sni[Server name for TLS SNI and verification.]:NAME:'
        '--insecure[Skip TLS certificate verification (shown as a warning on screen).]'
        '*--sentinel[A sentinel to reach the nodes through (repeatable); with --master.]:HOST\:PORT:'
        '--master[The Sentinel group'\''s name (without it, the groups are listed to choose from).]:NAME:'
        '--sentinel-user[The sentinels'\'' ACL user (the nodes'\'' is --user).]:USER:'
        '--sentinel-password[The sentinels'\'' password (prefer CACHESCOPE_SENTINEL_AUTH\: a command-line password is visible in ps).]:PASSWORD:'
        '--context[Start on a named connection from the config file.]:NAME:'
        '--read-only[Refuse every change\: dangerous keys vanish and the mutation layer refuses.]'
        '--theme[Theme name (default, light, high-contrast, monochrome) or a theme file.]:NAME|FILE:'
        '--interval[Seconds between samples (default 1).]:SECONDS:'
        '--no-color[No colours (NO_COLOR is honoured too).]'
        '--audit-log[Where every change is logged (default under $XDG_STATE_HOME/cachescope/).]:FILE:'
        '--record[Record the session into a new SQLite file (see docs/recording.md).]:FILE:'
        '--config[Config file (default ~/.config/cachescope/config.toml).]:FILE:'
        '--json[Print JSON instead of text.]'
        '--doctor[Index every node'\''s keyspace (SCAN) and print the cache doctor'\''s findings instead of the figures.]'
        '--clients[Print each node'\''s clients grouped by library, name, user and host, with their buffers and flags.]'
        '--hot-keys[With --doctor and no LFU policy\: find hot keys by OBJECT IDLETIME, 3 rounds a second apart over at most 2000 sampled keys.]'
        '--keys[Walk each node'\''s keyspace (SCAN, under the scan ceiling) for at most --seconds and print the namespace tree with estimates and 95% intervals.]'
        '--seconds[With --keys\: seconds the walk may take (default 10); figures are estimated if it has not finished by then.]:N:'
        '--depth[With --keys\: prefix levels to print (default 2).]:D:'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_replay() {
    local -i ret=1
    local -ar arg_specs=(
        ':file:'
        '--theme[Theme name (default, light, high-contrast, monochrome) or a theme file.]:NAME|FILE:'
        '--no-color[No colours (NO_COLOR is honoured too).]'
        '--config[Config file for the theme and \[keys\] (default ~/.config/cachescope/config.toml).]:FILE:'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_report() {
    local -i ret=1
    local -ar arg_specs=(
        ':file:'
        '--html[Write the self-contained HTML page here.]:OUT:'
        '--markdown[Write the Markdown summary here (without --html or --markdown it is printed).]:OUT:'
        '--from[Start at this time (HH\:MM\[\:SS\] on the recording'\''s day, or an ISO 8601 date-time).]:T:'
        '--to[End at this time (HH\:MM\[\:SS\] or an ISO 8601 date-time).]:T:'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_diff() {
    local -i ret=1
    local -ar arg_specs=(
        ':A:'
        ':B:'
        '--json[Print JSON instead of text.]'
        '--version[Show the version.]'
        '--help[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cachescope_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _cachescope ]]; then
    _cachescope "${@}"
else
    compdef _cachescope cachescope
fi
