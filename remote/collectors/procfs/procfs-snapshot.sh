# Casebook procfs snapshot, format 1. Runs under POSIX sh on the host, reads
# only /proc and /sys (plus /etc/passwd and os-release, both bounded), never
# stats a mount point, and bounds every external step with `timeout -s KILL`
# so the collector itself cannot end up stuck in D.
#
# Parameters (positional): SAMPLES INTERVAL_SECONDS STEP_TIMEOUT_SECONDS SERVICES
#
# Output framing: the first line is "CASEBOOK-PROCFS 1 <token>", the token
# being a fresh random UUID. Every section starts with "\n@@<token> NAME ARG\n"
# (the newline before it is framing, not content). Per-file sections come from
# GNU sed `-s -n '1F;l 0'`: a file's relative path on its own line, then each
# content line escaped (C escapes and \ooo octal) and ending in '$', so neither
# hostile names nor binary content can forge a path or a section header.
# Stderr carries the same section headers so errors can be attributed.
LC_ALL=C
export LC_ALL
samples=${1:-1}
interval=${2:-1}
step=${3:-20}
services=${4:-}
tok=
read -r tok < /proc/sys/kernel/random/uuid || tok=$$-fallback
B="@@$tok"
T=
if command -v timeout >/dev/null 2>&1; then
    T="timeout -s KILL $step"
fi
hdr() {
    printf '\n%s %s\n' "$B" "$*"
    printf '\n%s %s\n' "$B" "$*" >&2
}
files() {
    # Per-file dump of the named files (relative to /proc or absolute).
    $T sed -s -n '1F;l 0' "$@"
}
globbed() {
    # Like files, but from a glob too large for one argv: xargs splits it.
    printf '%s\n' "$@" | $T xargs sed -s -n '1F;l 0'
}
cd /proc || { echo "CASEBOOK-PROCFS 1 $tok"; hdr ERROR no-proc; exit 3; }
echo "CASEBOOK-PROCFS 1 $tok"

hdr HOST
files sys/kernel/ostype sys/kernel/osrelease sys/kernel/version sys/kernel/hostname \
    sys/kernel/random/boot_id
hdr OSRELEASE
if [ -r /etc/os-release ]; then $T sed -n 'l 0' /etc/os-release; else $T sed -n 'l 0' /usr/lib/os-release; fi
hdr PASSWD
$T sed -n 's/^\([^:]*\):[^:]*:\([0-9]*\):.*/\2 \1/p' /etc/passwd

i=1
while [ "$i" -le "$samples" ]; do
    hdr SAMPLE "$i"
    hdr TIME
    $T date +%s%N
    hdr PROC
    files uptime loadavg stat meminfo
    hdr PSI
    files pressure/cpu pressure/memory pressure/io
    # One glob for every task of this sample; per-kind lists are derived
    # from it by printf (no lstat per file). A task that vanishes in between
    # shows up as a read error on stderr, attributed by the parser.
    set -- [0-9]*/task/[0-9]*
    hdr TASKSTAT
    st=$(printf '%s/stat\n' "$@" | $T xargs sed -s -n '1F;l 0')
    printf '%s\n' "$st"
    # Threads stat shows in D or Z, from the stat dump: a path line, then
    # content lines; the last one holds the state after the last ')'.
    dz=$(printf '%s\n' "$st" | $T sed -n -e '/[$]$/!{h;d;}' -e '/) D [^)]*[$]$/{g;s/^/D /p;}' -e '/) Z [^)]*[$]$/{g;s/^/Z /p;}')
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
    printf '%s/status\n' "$@" | $T xargs sed -s -n '1F;/^\(State\|Uid\|PPid\):/l 0'
    hdr UIDS
    $T find "$@" -maxdepth 0 -printf '%p %U\n'
    hdr WCHAN
    printf '%s/wchan\n' "$@" | $T xargs sed -s -n '1F;l 0'
    hdr STACK
    printf '%s/stack\n' "$@" | $T xargs sed -s -n '1F;l 0'
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
    $T find [0-9]*/fd [0-9]*/ns/pid "$@" -maxdepth 1 -type l -printf '%p\0%l\0'
    hdr CGROUPMEM
    cgs=$($T sed -n 's/^0::\(\/.*\)$/2 \1/p; s/^[0-9]*:[^:]*memory[^:]*:\(\/.*\)$/1 \1/p' [0-9]*/cgroup 2>/dev/null | $T sort -u)
    set --
    oldifs=$IFS
    IFS='
'
    set -f
    for c in $cgs; do
        v=${c%% *}
        pth=${c#* }
        case $pth in *[!A-Za-z0-9_./:@+=\\-]*) continue ;; esac
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
    hdr MOUNTS
    files self/mountinfo self/mountstats
    hdr NET
    files net/tcp net/tcp6
    if [ -n "$services" ]; then
        hdr SERVICES
        for s in $services; do
            if command -v systemctl >/dev/null 2>&1; then
                st=$($T systemctl is-active "$s" 2>/dev/null)
            else
                st=unavailable
            fi
            printf '%s %s\n' "$s" "${st:-unknown}"
        done
        hdr RPCINFO
        if command -v rpcinfo >/dev/null 2>&1; then $T rpcinfo -p 2>&1; else echo unavailable; fi
    fi
    hdr END-SAMPLE "$i"
    i=$((i + 1))
    if [ "$i" -le "$samples" ]; then sleep "$interval"; fi
done
hdr END
exit 0
