#include "StraceAnalyzer.h"

#include "StraceQuery.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/TimeUtil.h"

#include <QMap>
#include <QSet>

namespace {

QString seconds(qint64 us)
{
    return QString::number(double(us) / 1e6, 'f', us >= 10000000 ? 1 : 3) + QStringLiteral(" s");
}

QString shorten(const QString &s, int max = 120)
{
    return s.size() <= max ? s : s.left(max - 3) + QStringLiteral("...");
}

EvidenceRef callRef(const StraceCallRow &row)
{
    return {QStringLiteral("strace-call"), row.callId, QStringLiteral("%1 line %2").arg(row.trace).arg(row.line)};
}

}

QString StraceAnalyzer::hungTitle(const StraceCallRow &r)
{
    const QString call = shorten(QStringLiteral("%1(%2)").arg(r.syscall, r.args));
    const QString on = r.fdPath && r.fdInferred ? QStringLiteral(" on %1").arg(shorten(*r.fdPath, 80)) : QString();
    const QString end = r.isDetached() ? QStringLiteral("strace detached") : QStringLiteral("the trace ended");
    const QString who = r.pid ? r.processText() : QStringLiteral("Unknown process (no pids in the log)");
    if (r.durationUs)
        return QStringLiteral("%1: %2%3 never returned, waited %4 until %5").arg(who, call, on, seconds(*r.durationUs), end);
    return QStringLiteral("%1: %2%3 never returned (%4; how long it waited is not known)").arg(who, call, on, end);
}

QString StraceAnalyzer::hungDetail(const StraceCallRow &r)
{
    const QString where = QStringLiteral("%1 line %2").arg(r.trace).arg(r.line);
    QString text = r.time.isEmpty()
                       ? QStringLiteral("The call is at %1. The log has no timestamps: when it started and how long it waited "
                                        "are not known, only that it had not completed when %2.")
                             .arg(where, r.isDetached() ? QStringLiteral("strace detached from the process") : QStringLiteral("the log ends"))
                       : QStringLiteral("The call started at %1 (%2) and had not completed when %3.")
                             .arg(r.time, where, r.isDetached() ? QStringLiteral("strace detached from the process")
                                                                : QStringLiteral("the trace ended"));
    if (!r.time.isEmpty() && !r.durationUs)
        text += QStringLiteral(" Nothing in the log is later than its start, so how long it waited is not known "
                               "(for a log copied while strace was attached, give casectl import --observed-until).");
    if (r.pid == 0)
        text += QStringLiteral(" The log names no process ids: its calls are those of one unknown process.");
    if (r.fdPath)
        text += r.fdInferred ? QStringLiteral(" fd %1 was %2 (followed from the log's own calls that opened it; strace ran without -y).")
                                   .arg(r.fd.value_or(-1)).arg(*r.fdPath)
                             : QStringLiteral(" It was on %1.").arg(*r.fdPath);
    return text;
}

QStringList StraceAnalyzer::findingKinds()
{
    return {QStringLiteral("hung-syscall"), QStringLiteral("strace-idle-waits"), QStringLiteral("process-killed"),
            QStringLiteral("strace-summary"), QStringLiteral("strace-slowest"), QStringLiteral("strace-errors")};
}

bool StraceAnalyzer::isIdleWait(const QString &s, const QString &fdPath)
{
    static const QSet<QString> idle{
        QStringLiteral("epoll_wait"), QStringLiteral("epoll_pwait"), QStringLiteral("epoll_pwait2"),
        QStringLiteral("poll"), QStringLiteral("ppoll"), QStringLiteral("select"), QStringLiteral("pselect6"),
        QStringLiteral("wait4"), QStringLiteral("waitid"), QStringLiteral("nanosleep"),
        QStringLiteral("clock_nanosleep"), QStringLiteral("pause"), QStringLiteral("rt_sigsuspend"),
        QStringLiteral("rt_sigtimedwait"), QStringLiteral("accept"), QStringLiteral("accept4"),
        QStringLiteral("futex"), QStringLiteral("io_getevents"), QStringLiteral("io_uring_enter"),
        QStringLiteral("restart_syscall"), QStringLiteral("msgrcv"), QStringLiteral("semop")};
    if (idle.contains(s))
        return true;
    static const QSet<QString> reads{QStringLiteral("read"), QStringLiteral("readv"), QStringLiteral("recvfrom"),
                                     QStringLiteral("recvmsg"), QStringLiteral("recvmmsg")};
    // Reading a socket, pipe or terminal waits for a peer; reading a file should not block.
    return reads.contains(s) && !fdPath.startsWith(QLatin1Char('/'));
}

int StraceAnalyzer::analyse(qint64 collectionId)
{
    FindingStore findings(m_db);
    findings.supersedeFor(collectionId, findingKinds());
    StraceQuery q(m_db, collectionId);
    qint64 hostId = 0;
    SqliteTransaction tx(m_db);
    int made = 0;
    {
        SqliteStatement del = m_db.prepare(QStringLiteral("DELETE FROM events WHERE collection_id = ? AND source = 'strace'"));
        del.bind(1, collectionId).exec();
    }
    EventStore events(m_db);
    auto event = [&](qint64 atUs, const QString &kind, const QString &summary, const QString &detail, const QString &refKind,
                     qint64 refId) {
        TimelineEvent e;
        e.hostId = hostId;
        e.collectionId = collectionId;
        e.atUs = atUs;
        e.kind = kind;
        e.source = QStringLiteral("strace");
        e.summary = summary;
        e.detail = detail;
        e.refKind = refKind;
        e.refId = refId;
        events.add(e);
    };

    QList<EvidenceRef> logs;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT t.artifact_id, t.name, COALESCE(t.host_id, 0) FROM strace_traces t WHERE t.collection_id = ? ORDER BY t.id"));
        st.bind(1, collectionId);
        while (st.step()) {
            hostId = st.int64(2);
            if (logs.size() < 50)
                logs.append({QStringLiteral("artifact"), st.int64(0), st.text(1)});
        }
    }
    auto base = [&](const QString &kind, const QString &severity) {
        Finding f;
        f.hostId = hostId;
        f.collectionId = collectionId;
        f.kind = kind;
        f.severity = severity;
        return f;
    };

    // Calls in flight at the end.
    QMap<QString, int> idleCounts;
    QList<EvidenceRef> idleRefs;
    int hungFindings = 0;
    const QList<StraceCallRow> hung = q.hung();
    for (const StraceCallRow &r : hung) {
        const QString fdPath = r.fdPath.value_or(QString());
        if (isIdleWait(r.syscall, fdPath)) {
            ++idleCounts[r.syscall];
            if (idleRefs.size() < 20)
                idleRefs.append(callRef(r));
            continue;
        }
        if (hungFindings >= kMaxHungFindings)
            continue;
        ++hungFindings;
        Finding f = base(QStringLiteral("hung-syscall"),
                         !r.durationUs || *r.durationUs >= 1000000 ? QStringLiteral("high") : QStringLiteral("medium"));
        f.title = hungTitle(r);
        f.detail = hungDetail(r);
        if (r.timeUs)
            f.atUs = *r.timeUs;
        f.data = r.toJson();
        f.evidence = {callRef(r)};
        if (r.artifactId && *r.artifactId)
            f.evidence.append({QStringLiteral("artifact"), *r.artifactId, r.trace});
        findings.add(f);
        ++made;
        if (f.atUs)
            event(f.atUs, QStringLiteral("hung-syscall"), f.title, f.detail, QStringLiteral("strace-call"), r.callId);
    }
    if (!idleCounts.isEmpty()) {
        QStringList parts;
        int total = 0;
        for (auto it = idleCounts.cbegin(); it != idleCounts.cend(); ++it) {
            parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
            total += it.value();
        }
        Finding f = base(QStringLiteral("strace-idle-waits"), QStringLiteral("info"));
        f.title = QStringLiteral("%1 idle waits in flight when the trace ended: %2").arg(total).arg(parts.join(QStringLiteral(", ")));
        f.detail = QStringLiteral("Calls that normally block waiting for work (event loops, child processes, sockets).");
        f.evidence = idleRefs;
        findings.add(f);
        ++made;
    }

    // Processes killed by a signal.
    for (const StraceProcessRow &p : q.processes()) {
        if (!p.killedBy)
            continue;
        Finding f = base(QStringLiteral("process-killed"), QStringLiteral("medium"));
        f.title = QStringLiteral("%1 killed by %2%3").arg(p.isUnknown() ? QStringLiteral("an unknown process") : QStringLiteral("pid %1").arg(p.pid),
                                                          *p.killedBy, p.coreDumped ? QStringLiteral(" (core dumped)") : QString());
        f.detail = shorten(p.exec.value_or(QString()), 400);
        if (p.lastUs)
            f.atUs = *p.lastUs;
        f.data = p.toJson();
        f.evidence = logs.mid(0, 1);
        findings.add(f);
        ++made;
        if (f.atUs)
            event(f.atUs, QStringLiteral("process-killed"), f.title, f.detail, QStringLiteral("artifact"),
                  logs.isEmpty() ? 0 : logs.first().refId);
    }

    // Calls aggregated per process, for the timeline: one event per traced
    // process at its first call (busiest processes first when there are many).
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT p.pid, p.first_us, p.last_us, p.calls, coalesce(p.exec, ''), coalesce(p.exit_code, -1), coalesce(p.killed_by, '')"
            " FROM strace_processes p JOIN strace_traces t ON t.id = p.trace_id"
            " WHERE p.collection_id = ? AND p.first_us IS NOT NULL AND t.time_style IN ('t', 'tt', 'ttt')" // absolute times only
            " ORDER BY p.calls DESC, p.pid LIMIT ?"));
        st.bind(1, collectionId).bind(2, qint64(kMaxProcessEvents));
        const qint64 firstLog = logs.isEmpty() ? 0 : logs.first().refId;
        while (st.step()) {
            const qint64 pid = st.int64(0), first = st.int64(1), last = st.int64(2), calls = st.int64(3);
            QString summary = QStringLiteral("pid %1: %2 calls over %3").arg(pid).arg(calls).arg(seconds(last - first));
            QString exec = st.text(4);
            if (!exec.isEmpty())
                summary += QStringLiteral(" (%1)").arg(shorten(exec, 60));
            const QString end = !st.text(6).isEmpty() ? QStringLiteral("killed by %1").arg(st.text(6))
                                : st.int64(5) >= 0   ? QStringLiteral("exited with %1").arg(st.int64(5))
                                                     : QStringLiteral("still running when the trace ended");
            event(first, QStringLiteral("strace-process"), summary,
                  QStringLiteral("First call %1, last %2; %3.").arg(TimeUtil::isoUtc(first), TimeUtil::isoUtc(last), end),
                  QStringLiteral("artifact"), firstLog);
        }
    }

    // Summary like strace -c.
    const QList<StraceSummaryRow> sum = q.summary(false);
    if (!sum.isEmpty()) {
        qint64 calls = 0, errors = 0;
        QStringList top;
        for (const StraceSummaryRow &v : sum) {
            calls += v.calls;
            errors += v.errors;
            if (top.size() < 5)
                top.append(QStringLiteral("%1 %2%").arg(v.syscall).arg(v.pctTime, 0, 'f', 1));
        }
        Finding f = base(QStringLiteral("strace-summary"), QStringLiteral("info"));
        f.title = QStringLiteral("strace: %1 calls, %2 failed, %3 unfinished; time in %4")
                      .arg(calls).arg(errors).arg(hung.size()).arg(top.join(QStringLiteral(", ")));
        f.data.insert(QStringLiteral("summary"), StraceQuery::toJson(sum.mid(0, 50)));
        f.evidence = logs;
        findings.add(f);
        ++made;
    }

    const QList<StraceCallRow> slow = q.slowest(10);
    if (!slow.isEmpty()) {
        Finding f = base(QStringLiteral("strace-slowest"), QStringLiteral("info"));
        const StraceCallRow &first = slow.first();
        f.title = QStringLiteral("Slowest call: %1 %2 took %3")
                      .arg(first.processText(), shorten(first.formatted(), 100), seconds(first.durationUs.value_or(0)));
        f.data.insert(QStringLiteral("calls"), StraceQuery::toJson(slow));
        for (const StraceCallRow &v : slow)
            f.evidence.append(callRef(v));
        findings.add(f);
        ++made;
    }

    const QList<StraceErrorRow> errs = q.errors();
    if (!errs.isEmpty()) {
        qint64 total = 0;
        QStringList parts;
        Finding f = base(QStringLiteral("strace-errors"), QStringLiteral("info"));
        for (const StraceErrorRow &v : errs) {
            total += v.count;
            if (parts.size() < 6)
                parts.append(QStringLiteral("%1 %2 x%3").arg(v.syscall, v.errnoName).arg(v.count));
            if (f.evidence.size() < 20)
                f.evidence.append({QStringLiteral("strace-call"), v.firstCallId, QStringLiteral("first %1 %2").arg(v.syscall, v.errnoName)});
        }
        f.title = QStringLiteral("%1 failed calls: %2").arg(total).arg(parts.join(QStringLiteral(", ")));
        f.data.insert(QStringLiteral("errors"), StraceQuery::toJson(errs));
        findings.add(f);
        ++made;
    }
    tx.commit();
    return made;
}
