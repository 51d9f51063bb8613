#include "KernelLogParser.h"

#include "util/SaturatingMath.h"

#include <QList>
#include <QRegularExpression>
#include <cmath>

namespace {

struct Pending
{
    KernelLogEvent event;
    bool open = false;
    bool stack = false; // collecting a call trace
};

bool isTraceLine(const QString &t)
{
    static const QRegularExpression frame(QStringLiteral("^\\s*(\\? )?[A-Za-z_.$][\\w.$]*\\+0x[0-9a-f]+/0x[0-9a-f]+"));
    static const QRegularExpression reg(QStringLiteral("^\\s*(R[A-Z0-9]{2}|[A-Z]{2,3}):\\s"));
    static const QRegularExpression oldTask(QStringLiteral("\\s[A-Z]\\s+[0-9]+\\s+[0-9]+\\s+[0-9]+\\s+0x[0-9a-f]+$"));
    return t.startsWith(QLatin1String(" ")) || t.startsWith(QLatin1Char('\t')) || t.contains(frame)
        || t.startsWith(QLatin1String("Call Trace")) || t.startsWith(QLatin1String("task:"))
        || t.startsWith(QLatin1String("<TASK>")) || t.startsWith(QLatin1String("</TASK>"))
        || t.contains(QLatin1String("Not tainted")) || t.contains(QLatin1String("Tainted:"))
        || t.startsWith(QLatin1String("Modules linked in")) || t.startsWith(QLatin1String("CPU: "))
        || t.startsWith(QLatin1String("Hardware name")) || t.startsWith(QLatin1String("Workqueue:"))
        || t.startsWith(QLatin1String("\"echo 0 >")) || t.contains(reg) || t.contains(oldTask) || t.startsWith(QLatin1String("[<"));
}

}

void KernelLogParser::parse(QByteArrayView data, qint64 bootTimeUs, const CancelToken &cancel)
{
    m_bootUs = bootTimeUs;
    m_outOfRangeTimes = 0;
    m_source = QStringLiteral("dmesg");
    m_unreadable.clear();
    m_readAsUid = -1;
    m_readAsName.clear();
    qsizetype pos = 0;
    // Collector header: CASEBOOK-KLOG 1 / now NS / uptime S / btime S / user UID NAME /
    // unreadable SOURCE: WHY... / source X
    if (data.startsWith("CASEBOOK-KLOG 1\n")) {
        qint64 nowUs = 0, btimeUs = 0;
        double uptime = -1;
        pos = data.indexOf('\n') + 1;
        while (pos < data.size()) {
            qsizetype nl = data.indexOf('\n', pos);
            if (nl < 0)
                nl = data.size();
            const QByteArray line = data.mid(pos, nl - pos).toByteArray();
            pos = nl + 1;
            if (line.startsWith("now "))
                nowUs = line.mid(4).trimmed().toLongLong() / 1000;
            else if (line.startsWith("uptime "))
                uptime = line.mid(7).trimmed().toDouble();
            else if (line.startsWith("btime ")) {
                const qint64 btime = line.mid(6).trimmed().toLongLong();
                btimeUs = btime > 0 && btime <= TimeLimits::kMaxEpochSeconds ? btime * 1000000 : 0; // else: no usable boot time
            }
            else if (line.startsWith("unreadable ") && m_unreadable.size() < 8)
                m_unreadable.append(QString::fromUtf8(line.mid(11).left(500)).trimmed());
            else if (line.startsWith("user ")) {
                const QList<QByteArray> parts = line.mid(5).trimmed().split(' ');
                bool ok = false;
                const qint64 uid = parts.value(0).toLongLong(&ok);
                if (ok) {
                    m_readAsUid = uid;
                    m_readAsName = QString::fromUtf8(parts.value(1).left(256));
                }
            }
            else if (line.startsWith("source ")) {
                m_source = QString::fromUtf8(line.mid(7).trimmed());
                break;
            }
        }
        qint64 uptimeUs = 0;
        if (nowUs > 0 && SaturatingMath::toInt64(uptime * 1e6, 0, kMaxUptimeUs, uptimeUs))
            m_bootUs = nowUs - uptimeUs;
        else if (btimeUs > 0)
            m_bootUs = btimeUs;
    } else if (data.startsWith("CASEBOOK-")) {
        if (onFailed)
            onFailed(QStringLiteral("unknown kernel log format"));
        return;
    }

    static const QRegularExpression stamp(QStringLiteral("^\\[\\s*([0-9]+\\.[0-9]+)\\]\\s?(.*)$"));
    static const QRegularExpression journalHost(QStringLiteral("^\\S+ kernel: (.*)$"));
    static const QRegularExpression hung(QStringLiteral("INFO: task (.+):([0-9]+) blocked for more than ([0-9]+) seconds"));
    static const QRegularExpression oomKilled(QStringLiteral("(?:Memory cgroup out of memory|Out of memory)[^:]*: Kill(?:ed)? process ([0-9]+) \\((.*)\\)"));
    static const QRegularExpression oomInvoked(QStringLiteral("^(.+) invoked oom-killer:"));
    static const QRegularExpression oomMemcg(QStringLiteral("oom-kill:.*?(?:oom_memcg=([^,]*))?,task_memcg=([^,]*),task=(.*),pid=([0-9]+)"));
    static const QRegularExpression nfs(QStringLiteral("^(nfs|lockd): server (\\S+) (not responding|OK)"));
    static const QRegularExpression soft(QStringLiteral("BUG: soft lockup - CPU#([0-9]+) stuck for ([0-9]+)s! \\[(.*):([0-9]+)\\]"));
    static const QRegularExpression hard(QStringLiteral("(?:Watchdog detected hard LOCKUP on cpu|hard LOCKUP) ?([0-9]*)"));
    static const QRegularExpression rcu(QStringLiteral("(s?rcu)\\S*:? .*\\bstall"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression oops(QStringLiteral("^(Oops: |general protection fault|BUG: unable to handle|BUG: kernel NULL pointer|kernel BUG at |BUG: )"));
    static const QRegularExpression panic(QStringLiteral("^Kernel panic - not syncing: ?(.*)"));
    static const QRegularExpression taskLine(QStringLiteral("^task:(.+?)\\s+state:(\\S)\\s.*pid:\\s*([0-9]+)"));

    Pending cur;
    auto flush = [&]() {
        if (cur.open && onEvent)
            onEvent(cur.event);
        cur = Pending();
    };
    auto start = [&](const KernelLogLine &l, const QString &kind, const QString &summary, bool stack) {
        flush();
        cur.open = true;
        cur.stack = stack;
        cur.event.kind = kind;
        cur.event.firstSeq = cur.event.lastSeq = l.seq;
        cur.event.atUs = l.atUs;
        cur.event.monotonicS = l.monotonicS;
        cur.event.summary = summary;
        cur.event.detail = l.text;
    };

    qint64 seq = 0;
    while (pos < data.size() && seq < kMaxLines) {
        if (cancel.isCancelled())
            return;
        qsizetype nl = data.indexOf('\n', pos);
        if (nl < 0)
            nl = data.size();
        QByteArray raw = data.mid(pos, nl - pos).toByteArray();
        pos = nl + 1;
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (raw.isEmpty())
            continue;
        KernelLogLine l;
        l.seq = seq++;
        l.text = QString::fromUtf8(raw);
        const auto m = stamp.match(l.text);
        if (m.hasMatch()) {
            l.monotonicS = m.captured(1).toDouble();
            l.text = m.captured(2);
            const auto j = journalHost.match(l.text);
            if (j.hasMatch())
                l.text = j.captured(1);
            qint64 sinceBootUs = 0;
            if (!SaturatingMath::toInt64(l.monotonicS * 1e6, 0, kMaxUptimeUs, sinceBootUs)) {
                l.timeOutOfRange = true; // no wall-clock time for it
                ++m_outOfRangeTimes;
                if (!std::isfinite(l.monotonicS))
                    l.monotonicS = -1;
            } else if (m_bootUs > 0) {
                l.atUs = SaturatingMath::add(m_bootUs, sinceBootUs);
            }
        }
        if (onLine)
            onLine(l);
        const QString &t = l.text;

        QRegularExpressionMatch x;
        if ((x = hung.match(t)).hasMatch()) {
            start(l, QStringLiteral("hung-task"),
                  QStringLiteral("hung task %1 pid %2 (%1) blocked for more than %3 s").arg(x.captured(1), x.captured(2), x.captured(3)), true);
            cur.event.pid = x.captured(2).toLongLong();
            cur.event.comm = x.captured(1);
        } else if ((x = oomInvoked.match(t)).hasMatch() && !(cur.open && cur.event.kind == QLatin1String("oom-kill"))) {
            start(l, QStringLiteral("oom-kill"), QStringLiteral("%1 invoked the OOM killer").arg(x.captured(1)), true);
        } else if ((x = oomMemcg.match(t)).hasMatch()) {
            if (!(cur.open && cur.event.kind == QLatin1String("oom-kill")))
                start(l, QStringLiteral("oom-kill"), QString(), true);
            cur.event.cgroup = x.captured(1).isEmpty() ? x.captured(2) : x.captured(1);
            cur.event.pid = x.captured(4).toLongLong();
            cur.event.comm = x.captured(3);
            cur.event.detail += QLatin1Char('\n') + t;
            cur.event.lastSeq = l.seq;
        } else if ((x = oomKilled.match(t)).hasMatch()) {
            if (!(cur.open && cur.event.kind == QLatin1String("oom-kill")))
                start(l, QStringLiteral("oom-kill"), QString(), false);
            else
                cur.event.detail += QLatin1Char('\n') + t;
            cur.event.pid = x.captured(1).toLongLong();
            cur.event.comm = x.captured(2);
            cur.event.lastSeq = l.seq;
            cur.event.summary = QStringLiteral("OOM killer killed pid %1 (%2)%3").arg(x.captured(1), x.captured(2),
                cur.event.cgroup.isEmpty() ? QString() : QStringLiteral(" in cgroup %1").arg(cur.event.cgroup));
            flush();
        } else if ((x = nfs.match(t)).hasMatch()) {
            const bool ok = x.captured(3) == QLatin1String("OK");
            start(l, x.captured(1) + (ok ? QStringLiteral("-ok") : QStringLiteral("-not-responding")),
                  QStringLiteral("%1: server %2 %3").arg(x.captured(1), x.captured(2), ok ? QStringLiteral("OK") : QStringLiteral("not responding")),
                  false);
            cur.event.server = x.captured(2);
            flush();
        } else if ((x = soft.match(t)).hasMatch()) {
            start(l, QStringLiteral("soft-lockup"), QStringLiteral("soft lockup on CPU %1 for %2 s: pid %3 (%4)")
                                                        .arg(x.captured(1), x.captured(2), x.captured(4), x.captured(3)), true);
            cur.event.pid = x.captured(4).toLongLong();
            cur.event.comm = x.captured(3);
        } else if ((x = hard.match(t)).hasMatch() && t.contains(QLatin1String("LOCKUP"))) {
            start(l, QStringLiteral("hard-lockup"), QStringLiteral("hard lockup%1").arg(x.captured(1).isEmpty() ? QString()
                                                                  : QStringLiteral(" on CPU %1").arg(x.captured(1))), true);
        } else if ((x = rcu.match(t)).hasMatch() && !t.startsWith(QLatin1Char(' '))) {
            const bool srcu = x.captured(1).compare(QLatin1String("srcu"), Qt::CaseInsensitive) == 0 || t.contains(QLatin1String("srcu"));
            start(l, srcu ? QStringLiteral("srcu-stall") : QStringLiteral("rcu-stall"), t.left(200), true);
        } else if ((x = panic.match(t)).hasMatch()) {
            start(l, QStringLiteral("panic"), QStringLiteral("kernel panic: %1").arg(x.captured(1).left(200)), false);
            flush();
        } else if ((x = oops.match(t)).hasMatch()) {
            const bool isOops = t.startsWith(QLatin1String("Oops")) || t.startsWith(QLatin1String("general protection"));
            if (cur.open && (cur.event.kind == QLatin1String("oops") || cur.event.kind == QLatin1String("bug"))
                && l.seq - cur.event.lastSeq <= 3) {
                cur.event.detail += QLatin1Char('\n') + t; // "BUG: unable..." followed by "Oops: ..."
                cur.event.lastSeq = l.seq;
                if (isOops)
                    cur.event.kind = QStringLiteral("oops");
            } else {
                start(l, isOops ? QStringLiteral("oops") : QStringLiteral("bug"), t.left(200), true);
            }
        } else if (cur.open && cur.stack && isTraceLine(t) && l.seq - cur.event.lastSeq <= 1) {
            cur.event.detail += QLatin1Char('\n') + t;
            cur.event.lastSeq = l.seq;
            const auto tl = taskLine.match(t.trimmed());
            if (tl.hasMatch() && cur.event.pid == 0) {
                cur.event.comm = tl.captured(1);
                cur.event.pid = tl.captured(3).toLongLong();
            }
        } else if (cur.open && cur.event.kind == QLatin1String("oom-kill") && l.seq - cur.event.lastSeq <= 1) {
            cur.event.detail += QLatin1Char('\n') + t; // the OOM report's tables
            cur.event.lastSeq = l.seq;
        } else {
            flush();
        }
    }
    flush();
    if (onFinished)
        onFinished();
}
