# Shared teardown for the end-to-end scripts (source it). A daemon that is told to stop may still be
# writing its state files for a moment, so stop it, wait until it is gone, and only then remove the
# tree it wrote into; removal is retried and never fails the check that has already passed or failed.

# stop_pid PID [TENTHS]: SIGTERM, then wait up to TENTHS tenths of a second (default 50) for it to go.
stop_pid() {
    local pid=$1 tenths=${2:-50}
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq "$tenths"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

# remove_tree DIR: rm -rf, retried while something still writes into DIR; warns instead of failing.
remove_tree() {
    local dir=$1
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        rm -rf "$dir" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "warning: could not remove $dir" >&2
    return 0
}
