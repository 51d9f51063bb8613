# Casebook kernel log, format 1: a header giving the clock (so the printed
# seconds since boot convert to wall-clock time), the account reading it
# ("user UID NAME"), one "unreadable SOURCE: WHY" line per source that could
# not be read, then "source X" and the log itself from dmesg, or journalctl -k
# when dmesg is not permitted ("source none": neither could be read). Every
# step bounded.
LC_ALL=C
export LC_ALL
T=
if command -v timeout >/dev/null 2>&1; then T="timeout -s KILL ${1:-30}"; fi
echo "CASEBOOK-KLOG 1"
up=
read -r up _ < /proc/uptime
echo "now $(date +%s%N)"
echo "uptime $up"
sed -n 's/^btime /btime /p' /proc/stat
echo "user $(id -u) $(id -un)"
if out=$($T dmesg 2>/dev/null) && [ -n "$out" ]; then
    echo "source dmesg"
    printf '%s\n' "$out"
    exit 0
fi
# dmesg refused (kernel.dmesg_restrict) or failed: say why, then try the journal.
why=$($T dmesg 2>&1 >/dev/null | head -n 1)
why=${why:-no output}
echo "unreadable dmesg: ${why#dmesg: }"
if ! command -v journalctl >/dev/null 2>&1; then
    echo "unreadable journalctl: not installed"
    echo "source none"
    exit 0
fi
# An account outside the journal's groups sees no kernel messages at all.
$T journalctl -k -b -o short-monotonic --no-pager -q 2>&1 | {
    if IFS= read -r first; then
        echo "source journalctl"
        printf '%s\n' "$first"
        cat
    else
        echo "unreadable journalctl: no kernel messages visible to $(id -un)"
        echo "source none"
    fi
}
