# Casebook kernel log, format 1: a header giving the clock (so the printed
# seconds since boot convert to wall-clock time), then the log itself from
# dmesg, or journalctl -k when dmesg is not permitted. Every step bounded.
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
if out=$($T dmesg 2>/dev/null) && [ -n "$out" ]; then
    echo "source dmesg"
    printf '%s\n' "$out"
elif command -v journalctl >/dev/null 2>&1; then
    echo "source journalctl"
    $T journalctl -k -b -o short-monotonic --no-pager -q 2>&1
else
    echo "source none"
    echo "neither dmesg nor journalctl -k could be read" >&2
    exit 3
fi
