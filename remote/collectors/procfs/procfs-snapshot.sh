# Casebook procfs snapshot, format 2. Runs under POSIX sh on the host, reads
# only /proc and /sys (plus /etc/passwd and os-release, both bounded), never
# stats a mount point, and bounds every external step with `timeout -s KILL`
# so the collector itself cannot end up stuck in D.
#
# Parameters (positional): SAMPLES INTERVAL_SECONDS STEP_TIMEOUT_SECONDS SERVICES
#
# Output framing: the first line is "CASEBOOK-PROCFS 2 <token>", the token
# being a fresh random UUID. Every section starts with "\n@@<token> NAME ARG\n"
# (the newline before it is framing, not content). Per-file sections come from
# GNU grep `-H -a -Z -e ''` piped through GNU sed `-n 'l 0'`: every content line
# of every file as "path NUL line", escaped (C escapes and \ooo octal, so the
# NUL shows as \000) and ending in '$', so neither hostile names nor binary
# content can forge a path or a section header. grep goes on past a file it
# cannot read (sed -s would stop the whole batch at the first read error, and
# every later file would look empty).
# Stderr carries the same section headers so errors can be attributed; a step
# killed at its bound says "casebook: timed out after N s: COMMAND" there.
LC_ALL=C
export LC_ALL
samples=${1:-1}
interval=${2:-1}
step_s=${3:-20}
services=${4:-}
tok=
read -r tok < /proc/sys/kernel/random/uuid || tok=$$-fallback
B="@@$tok"
T=
if command -v timeout >/dev/null 2>&1; then
    T="timeout -s KILL $step_s"
fi
step() {
    # One bounded step; a step killed at its bound says so on stderr.
    $T "$@"
    rc=$?
    if [ "$rc" -eq 137 ] && [ -n "$T" ]; then echo "casebook: timed out after $step_s s: $1" >&2; fi
    return $rc
}
hdr() {
    printf '\n%s %s\n' "$B" "$*"
    printf '\n%s %s\n' "$B" "$*" >&2
}
files() {
    # Per-file dump of the named files (relative to /proc or absolute).
    step grep -H -a -Z -e '' -- "$@" | step sed -n 'l 0'
}
globbed() {
    # Like files, but from a glob too large for one argv: xargs splits it.
    printf '%s\n' "$@" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0'
}
# --- Blocker evidence (issue 14): locks, fd targets and fdinfo of the
# processes the analysis involves, zombie threads' cgroups. /proc and
# /sys/fs/cgroup only: fd targets are readlink()s (find -lname, -printf %l)
# and fdinfo is procfs; nothing on the filesystems the tasks wait on is ever
# stat'ed or read. Bounded: at most $max_involved processes and
# $max_fds fds each, $max_locks lines of /proc/locks; a cap that is hit says so on stderr as
# "casebook: capped: WHAT: DETAIL" (a gap of the collection). Filters of
# data already read (sort, sed, head on a pipe) need no bound of their own.
max_involved=64
max_fds=1024
max_cgroup_threads=4096
max_locks=100000

# The memory cgroups named by /proc cgroup lines on stdin, as "VERSION PATH"
# lines (2: the unified hierarchy, 1: the v1 memory controller), once each.
memory_cgroups() {
    step sed -n 's/^0::\(\/.*\)$/2 \1/p; s/^[0-9]*:[^:]*memory[^:]*:\(\/.*\)$/1 \1/p' | step sort -u
}
# Reads the memory files (limit, usage, events) of each cgroup in $1 ("VERSION
# PATH" lines from memory_cgroups); with $2 = skip-root, not the root's.
cgroup_memory_files() {
    list=$1 skiproot=${2:-}
    set --
    oldifs=$IFS
    IFS='
'
    set -f
    for c in $list; do
        v=${c%% *}
        pth=${c#* }
        case $pth in *[!A-Za-z0-9_./:@+=\\-]*) continue ;; esac
        [ -n "$skiproot" ] && [ "$pth" = / ] && continue
        if [ "$v" = 2 ]; then
            d=/sys/fs/cgroup$pth
            [ -e "$d/memory.max" ] || continue
            set -- "$@" "$d/memory.max" "$d/memory.current" "$d/memory.events" "$d/memory.peak"
        else
            d=/sys/fs/cgroup/memory$pth
            [ -e "$d/memory.limit_in_bytes" ] || continue
            set -- "$@" "$d/memory.limit_in_bytes" "$d/memory.usage_in_bytes" "$d/memory.max_usage_in_bytes" \
                "$d/memory.oom_control" "$d/memory.failcnt"
        fi
    done
    set +f
    IFS=$oldifs
    [ $# -gt 0 ] && files "$@"
}
involved_pids() {
    # "REASON PID" lines: tasks in D, /proc/locks holders and waiters, FUSE
    # servers (processes with /dev/fuse open), zombie leaders.
    for p in $dprocs; do echo "d-state $p"; done
    step sed -n 's/^[0-9][0-9]*:[ ->]* [A-Z_]*  *[A-Z_]*  *[A-Z_]*  *\([1-9][0-9]*\) .*/lock \1/p' locks 2>/dev/null
    step find [0-9]*/fd -maxdepth 1 -lname /dev/fuse -printf 'fuse-server %h\n' 2>/dev/null | sed 's,/fd$,,'
    for p in $zprocs; do echo "zombie-leader $p"; done
}
blocker_evidence() {
    hdr LOCKS
    nl=$(step grep -c '' locks 2>/dev/null)
    if [ "${nl:-0}" -gt "$max_locks" ]; then
        echo "casebook: capped: file-locks: read $max_locks of $nl lines of /proc/locks" >&2
    fi
    step grep -H -a -Z -e '' -- locks | head -n "$max_locks" | sed -n 'l 0'
    hdr INVOLVED
    inv=$(involved_pids | sort -u)
    printf '%s\n' "$inv"
    ipids=$(printf '%s\n' "$inv" | sed -n 's/^[a-z-]* \([0-9][0-9]*\)$/\1/p' | sort -un)
    set -- $ipids
    n=$#
    if [ "$n" -gt "$max_involved" ]; then
        echo "casebook: capped: fd-targets: read $max_involved of $n involved processes" >&2
        ipids=$(printf '%s\n' "$ipids" | head -n "$max_involved")
    fi
    hdr FDINFO
    for p in $ipids; do
        set -- "$p"/fdinfo/[0-9]*
        [ -e "$1" ] || continue
        if [ $# -gt "$max_fds" ]; then
            echo "casebook: capped: fdinfo: read $max_fds of $# fds of process $p" >&2
        fi
        printf '%s\n' "$@" | head -n "$max_fds" | step xargs grep -H -a -Z -E -e '^(pos|flags|mnt_id|ino|lock):' -- \
            | sed -n 'l 0'
    done
    hdr TASKCGROUP
    set --
    for p in $zprocs; do set -- "$@" "$p"/task/[0-9]*/cgroup; done
    if [ $# -gt "$max_cgroup_threads" ]; then
        echo "casebook: capped: task-cgroup: read $max_cgroup_threads of $# threads of zombie leaders" >&2
    fi
    [ $# -gt 0 ] && printf '%s\n' "$@" | step head -n "$max_cgroup_threads" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0'
    # Their memory cgroup (the leader's file reads "/"), read like CGROUPMEM.
    hdr TASKCGROUPMEM
    zcgs=
    [ -n "$zprocs" ] && zcgs=$( (for p in $zprocs; do printf '%s\n' "$p"/task/[0-9]*/cgroup; done) \
        | step head -n "$max_cgroup_threads" \
        | step xargs grep -h -a -e '^0::/' -e '^[0-9]*:[^:]*memory[^:]*:/' -- 2>/dev/null | memory_cgroups)
    cgroup_memory_files "$zcgs" skip-root
}
# --- end of blocker evidence
cd /proc || { echo "CASEBOOK-PROCFS 2 $tok"; hdr ERROR no-proc; exit 3; }
echo "CASEBOOK-PROCFS 2 $tok"

hdr IDENTITY
printf '%s %s\n' "$(id -u)" "$(id -un)"
hdr HOST
files sys/kernel/ostype sys/kernel/osrelease sys/kernel/version sys/kernel/hostname \
    sys/kernel/random/boot_id
hdr OSRELEASE
if [ -r /etc/os-release ]; then step sed -n 'l 0' /etc/os-release; else step sed -n 'l 0' /usr/lib/os-release; fi
hdr PASSWD
step sed -n 's/^\([^:]*\):[^:]*:\([0-9]*\):.*/\2 \1/p' /etc/passwd

i=1
while [ "$i" -le "$samples" ]; do
    hdr SAMPLE "$i"
    hdr TIME
    step date +%s%N
    hdr PROC
    files uptime loadavg stat meminfo
    hdr PSI
    files pressure/cpu pressure/memory pressure/io
    # One glob for every task of this sample; per-kind lists are derived
    # from it by printf (no lstat per file). A task that vanishes in between
    # shows up as a read error on stderr, attributed by the parser.
    set -- [0-9]*/task/[0-9]*
    hdr TASKSTAT
    st=$(printf '%s/stat\n' "$@" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0')
    printf '%s\n' "$st"
    # Threads stat shows in D or Z, from the stat dump: "path\000content$"
    # lines; the state follows the last ')'.
    dz=$(printf '%s\n' "$st" | step sed -n -e '/) D [^)]*[$]$/{s/\\000.*//;s/^/D /p;}' -e '/) Z [^)]*[$]$/{s/\\000.*//;s/^/Z /p;}')
    st=
    dprocs=
    zprocs=
    oldifs=$IFS
    IFS='
'
    set -f
    for x in $dz; do
        pth=${x#? }
        pid=${pth%%/*}
        case $x in
        D*) case " $dprocs " in *" $pid "*) ;; *) dprocs="$dprocs $pid" ;; esac ;;
        Z*) [ "$pth" = "$pid/task/$pid/stat" ] && zprocs="$zprocs $pid" ;;
        esac
    done
    set +f
    IFS=$oldifs
    # The state as status reports it, for every task: it tells threads
    # really in D from dead ones (status Z) that stat shows as D.
    hdr TASKSTATUS
    printf '%s/status\n' "$@" | step xargs grep -H -a -Z -E \
        -e '^(State|Uid|PPid|SigPnd|ShdPnd|SigBlk|voluntary_ctxt_switches|nonvoluntary_ctxt_switches):' -- | step sed -n 'l 0'
    # Run and wait time and timeslices per thread (stuck, not slow).
    hdr SCHEDSTAT
    printf '%s/schedstat\n' "$@" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0'
    hdr UIDS
    step find "$@" -maxdepth 0 -printf '%p %U\n'
    hdr WCHAN
    printf '%s/wchan\n' "$@" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0'
    hdr STACK
    printf '%s/stack\n' "$@" | step xargs grep -H -a -Z -e '' -- | step sed -n 'l 0'
    hdr CGROUP
    globbed [0-9]*/cgroup
    # cmdline takes the target's mmap lock: a process with a thread in D may
    # hold it forever, so its cmdline is skipped (and recorded as skipped).
    hdr SKIPPED-CMDLINE
    printf '%s\n' $dprocs
    dl=" $(echo $dprocs) "
    set --
    for p in [0-9]*; do
        case $dl in *" $p "*) continue ;; esac
        set -- "$@" "$p/cmdline"
    done
    hdr CMDLINE
    [ $# -gt 0 ] && globbed "$@"
    hdr LINKS
    # fd and pid-namespace links; a zombie leader has no fd table, so its
    # threads' tables are listed instead. NUL-separated path/target pairs.
    set --
    for p in $zprocs; do set -- "$@" "$p"/task/[0-9]*/fd; done
    step find [0-9]*/fd [0-9]*/ns/pid "$@" -maxdepth 1 -type l -printf '%p\0%l\0'
    blocker_evidence
    hdr CGROUPMEM
    cgs=$(step grep -h -a -e '^0::/' -e '^[0-9]*:[^:]*memory[^:]*:/' [0-9]*/cgroup 2>/dev/null | memory_cgroups)
    cgroup_memory_files "$cgs"
    hdr MOUNTS
    files self/mountinfo self/mountstats
    hdr NET
    files net/tcp net/tcp6
    if [ -n "$services" ]; then
        hdr SERVICES
        for s in $services; do
            if command -v systemctl >/dev/null 2>&1; then
                st=$(step systemctl is-active "$s" 2>/dev/null)
            else
                st=unavailable
            fi
            printf '%s %s\n' "$s" "${st:-unknown}"
        done
        hdr RPCINFO
        if command -v rpcinfo >/dev/null 2>&1; then step rpcinfo -p 2>&1; else echo unavailable; fi
    fi
    hdr END-SAMPLE "$i"
    i=$((i + 1))
    if [ "$i" -le "$samples" ]; then sleep "$interval"; fi
done
hdr END
exit 0
