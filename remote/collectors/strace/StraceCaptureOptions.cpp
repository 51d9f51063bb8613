#include "StraceCaptureOptions.h"

#include <QStringList>

namespace {

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// @TARGET@, @DURATION@, @MAXBYTES@ are filled in; everything else is fixed.
const char kScript[] = R"SH(set -u
command -v strace >/dev/null 2>&1 || { echo "casebook: strace-missing" >&2; exit 127; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/casebook-strace.XXXXXX") || { echo "casebook: mktemp failed" >&2; exit 90; }
log="$dir/strace.log"
: > "$log"
echo "casebook: log $log"
TZ=UTC0 strace -f -tt -T -yy -s 256 -o "$log" @TARGET@ 2>"$dir/stderr" </dev/null &
sp=$!
alive() { st=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$1/status" 2>/dev/null); [ -n "$st" ] && [ "$st" != Z ]; }
end=$(( $(date +%s) + @DURATION@ ))
reason=exited
while alive "$sp"; do
    if [ "$(date +%s)" -ge "$end" ]; then reason=duration; break; fi
    if [ "$(wc -c < "$log")" -ge @MAXBYTES@ ]; then reason=size; break; fi
    sleep 0.2
done
if [ "$reason" != exited ]; then
    kill -INT "$sp" 2>/dev/null
    n=0
    while alive "$sp" && [ $n -lt 50 ]; do sleep 0.2; n=$((n + 1)); done
    if alive "$sp"; then kill -KILL "$sp" 2>/dev/null; echo "casebook: strace did not stop on SIGINT; killed" >&2; fi
fi
alive "$sp" || wait "$sp" 2>/dev/null
echo "casebook: stop $reason"
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
        target = QStringLiteral("-- sh -c ") + shellQuote(command);
    }
    QString s = QString::fromUtf8(kScript);
    s.replace(QStringLiteral("@TARGET@"), target);
    s.replace(QStringLiteral("@DURATION@"), QString::number(durationSeconds));
    s.replace(QStringLiteral("@MAXBYTES@"), QString::number(maxBytes));
    return s;
}
