#include "StraceCaptureOptions.h"

#include <QStringList>

namespace {

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// @TARGET@, @DURATION_MS@, @MAXBYTES@, @YFLAG@, @ENDGROUP@ are filled in;
// everything else is fixed. The launched command's own output goes to
// /dev/null: nothing may keep the session's stdout open after the script.
const char kScript[] = R"SH(set -u
command -v strace >/dev/null 2>&1 || { echo "casebook: strace-missing" >&2; exit 127; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/casebook-strace.XXXXXX") || { echo "casebook: mktemp failed" >&2; exit 90; }
log="$dir/strace.log"
: > "$log"
echo "casebook: log $log"
now_us() { t=$(date +%s%N 2>/dev/null); case "$t" in ''|*[!0-9]*) echo $(( $(date +%s) * 1000000 ));; *) echo $(( t / 1000 ));; esac; }
ss=
command -v setsid >/dev/null 2>&1 && ss=setsid
# A watchdog that outlives this script: should the script itself be killed
# (the session cut, a timeout), strace still gets SIGTERM and detaches.
# (--foreground: timeout passes signals to strace alone, not to the group.)
wd=
timeout --foreground 5 true >/dev/null 2>&1 && wd="timeout --foreground -s TERM -k 5 $(( @DURATION_MS@ / 1000 + 15 ))"
TZ=UTC0 $ss $wd strace -f -tt -T @YFLAG@ -I waiting -s 256 -o "$log" @TARGET@ >/dev/null 2>"$dir/stderr" </dev/null &
sp=$!
alive() { st=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$1/status" 2>/dev/null); [ -n "$st" ] && [ "$st" != Z ]; }
end=$(( $(now_us) + @DURATION_MS@ * 1000 ))
reason=exited
while alive "$sp"; do
    if [ "$(now_us)" -ge "$end" ]; then reason=duration; break; fi
    if [ "$(wc -c < "$log")" -ge @MAXBYTES@ ]; then reason=size; break; fi
    sleep 0.1
done
if [ "$reason" != exited ]; then
    kill -TERM "$sp" 2>/dev/null
    n=0
    while alive "$sp" && [ $n -lt 20 ]; do sleep 0.1; n=$((n + 1)); done
    if alive "$sp"; then
        kill -KILL "$sp" 2>/dev/null
        [ -n "$ss" ] && kill -KILL -"$sp" 2>/dev/null
        echo "casebook: strace-killed"; echo "casebook: strace did not stop on SIGTERM within 2 s; killed" >&2
    fi
fi
echo "casebook: stop $reason"
echo "casebook: stopped-at $(now_us)"
wait "$sp" 2>/dev/null
if [ @ENDGROUP@ = 1 ] && [ -n "$ss" ] && kill -0 -"$sp" 2>/dev/null; then
    kill -TERM -"$sp" 2>/dev/null
    n=0
    while kill -0 -"$sp" 2>/dev/null && [ $n -lt 5 ]; do sleep 0.1; n=$((n + 1)); done
    kill -KILL -"$sp" 2>/dev/null
    echo "casebook: ended-launched"
fi
cat "$dir/stderr" >&2
exit 0
)SH";

}

QString StraceCaptureOptions::script() const
{
    QString target;
    if (!pids.isEmpty()) {
        QStringList parts;
        for (qint64 pid : pids)
            parts.append(QStringLiteral("-p %1").arg(pid));
        target = parts.join(QLatin1Char(' '));
    } else {
        // strace ends the process it started itself (its direct child) when
        // it stops; to keep the command running, that child is a shell the
        // command runs in the background of.
        target = QStringLiteral("-- sh -c ") + shellQuote(keepRunning ? QStringLiteral("{ ") + command + QStringLiteral("\n} & wait") : command);
    }
    QString s = QString::fromUtf8(kScript);
    s.replace(QStringLiteral("@TARGET@"), target);
    s.replace(QStringLiteral("@DURATION_MS@"), QString::number(qint64(durationSeconds) * 1000));
    s.replace(QStringLiteral("@MAXBYTES@"), QString::number(maxBytes));
    s.replace(QStringLiteral("@YFLAG@"), decodeFds ? QStringLiteral("-yy") : QString());
    s.replace(QStringLiteral("@ENDGROUP@"), pids.isEmpty() && !keepRunning ? QStringLiteral("1") : QStringLiteral("0"));
    return s;
}
