function __cachescope_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cachescope_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __cachescope_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cachescope_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __cachescope_parse_tokens -S
    set -l unparsed_tokens (__cachescope_tokens -pc)
    switch $unparsed_tokens[1]
    case 'cachescope'
        __cachescope_parse_subcommand 0 'version' 'help'
        switch $unparsed_tokens[1]
        case 'watch'
            __cachescope_parse_subcommand -r 1 'h=' 'p=' 'a=' 'user=' 'n=' 'c' 'tls' 'cacert=' 'cert=' 'key=' 'sni=' 'insecure' 'sentinel=+' 'master=' 'sentinel-user=' 'sentinel-password=' 'context=' 'read-only' 'theme=' 'interval=' 'no-color' 'audit-log=' 'record=' 'config=' 'version' 'help'
        case 'demo'
            __cachescope_parse_subcommand 0 'read-only' 'theme=' 'interval=' 'no-color' 'audit-log=' 'record=' 'config=' 'cluster' 'version' 'help'
        case 'snapshot'
            __cachescope_parse_subcommand -r 1 'h=' 'p=' 'a=' 'user=' 'n=' 'c' 'tls' 'cacert=' 'cert=' 'key=' 'sni=' 'insecure' 'sentinel=+' 'master=' 'sentinel-user=' 'sentinel-password=' 'context=' 'read-only' 'theme=' 'interval=' 'no-color' 'audit-log=' 'record=' 'config=' 'json' 'doctor' 'clients' 'hot-keys' 'keys' 'seconds=' 'depth=' 'version' 'help'
        case 'replay'
            __cachescope_parse_subcommand 1 'theme=' 'no-color' 'config=' 'version' 'help'
        case 'report'
            __cachescope_parse_subcommand 1 'html=' 'markdown=' 'from=' 'to=' 'version' 'help'
        case 'diff'
            __cachescope_parse_subcommand 2 'json' 'version' 'help'
        case 'help'
            __cachescope_parse_subcommand -r 1 'version'
        end
    end
end

function __cachescope_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __cachescope_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __cachescope_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __cachescope_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__cachescope_tokens -p)
    if test -z "$(__cachescope_tokens -t)"
        set -l index (count (__cachescope_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'cachescope' -f
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'watch' -d 'Open the dashboard on one node, several nodes or a cluster (the default command).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'demo' -d 'Start a private redis-server with a realistic cache world and live traffic, and open the dashboard on it.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'snapshot' -d 'Print one headless report of every node (text, or --json) and exit (1 if a node is unreachable).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'replay' -d 'Replay a recording in the dashboard (no connection is opened; nothing can be changed).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'report' -d 'Turn a recording into a postmortem: an HTML page with charts (--html) and a Markdown summary (--markdown, or printed).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'diff' -d 'Compare two snapshots (snapshot --json, --keys --json or --clients --json), or two moments of a recording.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_positional "cachescope" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" h' -s 'h' -d 'Server hostname (default 127.0.0.1).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" p' -s 'p' -d 'Server port (default 6379).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" a' -s 'a' -d 'Password (prefer REDISCLI_AUTH: a command-line password is visible to other users in ps).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" user' -l 'user' -d 'ACL user name.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" n' -s 'n' -d 'Database number.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" c' -s 'c' -d 'Treat the nodes as a Redis Cluster (otherwise detected).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" tls' -l 'tls' -d 'Use TLS (as rediss://).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" cacert' -l 'cacert' -d 'CA certificate file to verify the server with.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" cert' -l 'cert' -d 'Client certificate file (with --key).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" key' -l 'key' -d 'Client private key file (with --cert).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" sni' -l 'sni' -d 'Server name for TLS SNI and verification.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" insecure' -l 'insecure' -d 'Skip TLS certificate verification (shown as a warning on screen).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch"' -l 'sentinel' -d 'A sentinel to reach the nodes through (repeatable); with --master.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" master' -l 'master' -d 'The Sentinel group\'s name (without it, the groups are listed to choose from).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" sentinel-user' -l 'sentinel-user' -d 'The sentinels\' ACL user (the nodes\' is --user).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" sentinel-password' -l 'sentinel-password' -d 'The sentinels\' password (prefer CACHESCOPE_SENTINEL_AUTH: a command-line password is visible in ps).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" context' -l 'context' -d 'Start on a named connection from the config file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" read-only' -l 'read-only' -d 'Refuse every change: dangerous keys vanish and the mutation layer refuses.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" theme' -l 'theme' -d 'Theme name (default, light, high-contrast, monochrome) or a theme file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" interval' -l 'interval' -d 'Seconds between samples (default 1).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" no-color' -l 'no-color' -d 'No colours (NO_COLOR is honoured too).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" audit-log' -l 'audit-log' -d 'Where every change is logged (default under $XDG_STATE_HOME/cachescope/).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" record' -l 'record' -d 'Record the session into a new SQLite file (see docs/recording.md).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" config' -l 'config' -d 'Config file (default ~/.config/cachescope/config.toml).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope watch" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" read-only' -l 'read-only' -d 'Refuse every change: dangerous keys vanish and the mutation layer refuses.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" theme' -l 'theme' -d 'Theme name (default, light, high-contrast, monochrome) or a theme file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" interval' -l 'interval' -d 'Seconds between samples (default 1).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" no-color' -l 'no-color' -d 'No colours (NO_COLOR is honoured too).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" audit-log' -l 'audit-log' -d 'Where every change is logged (default under $XDG_STATE_HOME/cachescope/).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" record' -l 'record' -d 'Record the session into a new SQLite file (see docs/recording.md).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" config' -l 'config' -d 'Config file (default ~/.config/cachescope/config.toml).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" cluster' -l 'cluster' -d 'Run the demo on a local Redis Cluster: three primaries with one replica each.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope demo" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" h' -s 'h' -d 'Server hostname (default 127.0.0.1).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" p' -s 'p' -d 'Server port (default 6379).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" a' -s 'a' -d 'Password (prefer REDISCLI_AUTH: a command-line password is visible to other users in ps).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" user' -l 'user' -d 'ACL user name.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" n' -s 'n' -d 'Database number.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" c' -s 'c' -d 'Treat the nodes as a Redis Cluster (otherwise detected).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" tls' -l 'tls' -d 'Use TLS (as rediss://).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" cacert' -l 'cacert' -d 'CA certificate file to verify the server with.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" cert' -l 'cert' -d 'Client certificate file (with --key).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" key' -l 'key' -d 'Client private key file (with --cert).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" sni' -l 'sni' -d 'Server name for TLS SNI and verification.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" insecure' -l 'insecure' -d 'Skip TLS certificate verification (shown as a warning on screen).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot"' -l 'sentinel' -d 'A sentinel to reach the nodes through (repeatable); with --master.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" master' -l 'master' -d 'The Sentinel group\'s name (without it, the groups are listed to choose from).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" sentinel-user' -l 'sentinel-user' -d 'The sentinels\' ACL user (the nodes\' is --user).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" sentinel-password' -l 'sentinel-password' -d 'The sentinels\' password (prefer CACHESCOPE_SENTINEL_AUTH: a command-line password is visible in ps).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" context' -l 'context' -d 'Start on a named connection from the config file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" read-only' -l 'read-only' -d 'Refuse every change: dangerous keys vanish and the mutation layer refuses.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" theme' -l 'theme' -d 'Theme name (default, light, high-contrast, monochrome) or a theme file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" interval' -l 'interval' -d 'Seconds between samples (default 1).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" no-color' -l 'no-color' -d 'No colours (NO_COLOR is honoured too).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" audit-log' -l 'audit-log' -d 'Where every change is logged (default under $XDG_STATE_HOME/cachescope/).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" record' -l 'record' -d 'Record the session into a new SQLite file (see docs/recording.md).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" config' -l 'config' -d 'Config file (default ~/.config/cachescope/config.toml).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" json' -l 'json' -d 'Print JSON instead of text.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" doctor' -l 'doctor' -d 'Index every node\'s keyspace (SCAN) and print the cache doctor\'s findings instead of the figures.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" clients' -l 'clients' -d 'Print each node\'s clients grouped by library, name, user and host, with their buffers and flags.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" hot-keys' -l 'hot-keys' -d 'With --doctor and no LFU policy: find hot keys by OBJECT IDLETIME, 3 rounds a second apart over at most 2000 sampled keys.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" keys' -l 'keys' -d 'Walk each node\'s keyspace (SCAN, under the scan ceiling) for at most --seconds and print the namespace tree with estimates and 95% intervals.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" seconds' -l 'seconds' -d 'With --keys: seconds the walk may take (default 10); figures are estimated if it has not finished by then.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" depth' -l 'depth' -d 'With --keys: prefix levels to print (default 2).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope snapshot" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope replay" theme' -l 'theme' -d 'Theme name (default, light, high-contrast, monochrome) or a theme file.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope replay" no-color' -l 'no-color' -d 'No colours (NO_COLOR is honoured too).'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope replay" config' -l 'config' -d 'Config file for the theme and [keys] (default ~/.config/cachescope/config.toml).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope replay" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope replay" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" html' -l 'html' -d 'Write the self-contained HTML page here.' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" markdown' -l 'markdown' -d 'Write the Markdown summary here (without --html or --markdown it is printed).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" from' -l 'from' -d 'Start at this time (HH:MM[:SS] on the recording\'s day, or an ISO 8601 date-time).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" to' -l 'to' -d 'End at this time (HH:MM[:SS] or an ISO 8601 date-time).' -rfka ''
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope report" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope diff" json' -l 'json' -d 'Print JSON instead of text.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope diff" version' -l 'version' -d 'Show the version.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope diff" help' -l 'help' -d 'Show help information.'
complete -c 'cachescope' -n '__cachescope_should_offer_completions_for_flags_or_options "cachescope help" version' -l 'version' -d 'Show the version.'
