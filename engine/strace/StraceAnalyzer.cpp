#include "StraceAnalyzer.h"

#include "StraceQuery.h"
#include "links/LinkBuilder.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
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

EvidenceRef callRef(const QJsonObject &row)
{
    return LinkBuilder::ref(LinkKind::StraceCall, qint64(row.value(QStringLiteral("call_id")).toDouble()),
            QStringLiteral("%1 line %2").arg(row.value(QStringLiteral("trace")).toString())
                .arg(qint64(row.value(QStringLiteral("line")).toDouble())));
}

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
    findings.removeFor(collectionId, findingKinds());
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
                logs.append(LinkBuilder::ref(LinkKind::Artifact, st.int64(0), st.text(1)));
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
    const QJsonArray hung = q.hung();
    for (const QJsonValue &v : hung) {
        const QJsonObject r = v.toObject();
        const QString name = r.value(QStringLiteral("syscall")).toString();
        const QString fdPath = r.value(QStringLiteral("fd_path")).toString();
        if (isIdleWait(name, fdPath)) {
            ++idleCounts[name];
            if (idleRefs.size() < 20)
                idleRefs.append(callRef(r));
            continue;
        }
        if (hungFindings >= kMaxHungFindings)
            continue;
        ++hungFindings;
        const bool detached = r.value(QStringLiteral("unfinished_reason")).toString() == QLatin1String("detached");
        const QJsonValue waited = r.value(QStringLiteral("duration_us"));
        const qint64 pid = qint64(r.value(QStringLiteral("pid")).toDouble());
        Finding f = base(QStringLiteral("hung-syscall"),
                         waited.isNull() || waited.toDouble() >= 1e6 ? QStringLiteral("high") : QStringLiteral("medium"));
        const QString call = shorten(QStringLiteral("%1(%2)").arg(name, r.value(QStringLiteral("args")).toString()));
        f.title = waited.isNull()
                      ? QStringLiteral("pid %1: %2 never returned (%3)").arg(pid).arg(call,
                            detached ? QStringLiteral("strace detached") : QStringLiteral("trace ended"))
                      : QStringLiteral("pid %1: %2 never returned, waited %3 until %4").arg(pid).arg(call,
                            seconds(qint64(waited.toDouble())),
                            detached ? QStringLiteral("strace detached") : QStringLiteral("the trace ended"));
        f.detail = QStringLiteral("The call started at %1 (%2 line %3) and had not completed when %4.%5")
                       .arg(r.value(QStringLiteral("time")).toString(), r.value(QStringLiteral("trace")).toString())
                       .arg(qint64(r.value(QStringLiteral("line")).toDouble()))
                       .arg(detached ? QStringLiteral("strace detached from the process") : QStringLiteral("the trace ended"),
                            fdPath.isEmpty() ? QString() : QStringLiteral(" It was on %1.").arg(fdPath));
        if (!r.value(QStringLiteral("time_us")).isNull())
            f.atUs = qint64(r.value(QStringLiteral("time_us")).toDouble());
        f.data = r;
        f.evidence = {callRef(r)};
        if (const qint64 a = qint64(r.value(QStringLiteral("artifact_id")).toDouble()))
            f.evidence.append(LinkBuilder::ref(LinkKind::Artifact, a, r.value(QStringLiteral("trace")).toString()));
        findings.add(f);
        ++made;
        if (f.atUs)
            event(f.atUs, QStringLiteral("hung-syscall"), f.title, f.detail, LinkBuilder::kindName(LinkKind::StraceCall),
                  qint64(r.value(QStringLiteral("call_id")).toDouble()));
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
    for (const QJsonValue &v : q.processes()) {
        const QJsonObject p = v.toObject();
        if (p.value(QStringLiteral("killed_by")).isNull())
            continue;
        Finding f = base(QStringLiteral("process-killed"), QStringLiteral("medium"));
        f.title = QStringLiteral("pid %1 killed by %2%3").arg(qint64(p.value(QStringLiteral("pid")).toDouble()))
                      .arg(p.value(QStringLiteral("killed_by")).toString(),
                           p.value(QStringLiteral("core_dumped")).toBool() ? QStringLiteral(" (core dumped)") : QString());
        f.detail = shorten(p.value(QStringLiteral("exec")).toString(), 400);
        if (!p.value(QStringLiteral("last_us")).isNull())
            f.atUs = qint64(p.value(QStringLiteral("last_us")).toDouble());
        f.data = p;
        f.evidence = logs.mid(0, 1);
        findings.add(f);
        ++made;
        if (f.atUs)
            event(f.atUs, QStringLiteral("process-killed"), f.title, f.detail, LinkBuilder::kindName(LinkKind::Artifact),
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
                  LinkBuilder::kindName(LinkKind::Artifact), firstLog);
        }
    }

    // Summary like strace -c.
    const QJsonArray sum = q.summary(false);
    if (!sum.isEmpty()) {
        qint64 calls = 0, errors = 0;
        QStringList top;
        for (const QJsonValue &v : sum) {
            calls += qint64(v[QStringLiteral("calls")].toDouble());
            errors += qint64(v[QStringLiteral("errors")].toDouble());
            if (top.size() < 5)
                top.append(QStringLiteral("%1 %2%").arg(v[QStringLiteral("syscall")].toString())
                               .arg(v[QStringLiteral("pct_time")].toDouble(), 0, 'f', 1));
        }
        Finding f = base(QStringLiteral("strace-summary"), QStringLiteral("info"));
        f.title = QStringLiteral("strace: %1 calls, %2 failed, %3 unfinished; time in %4")
                      .arg(calls).arg(errors).arg(hung.size()).arg(top.join(QStringLiteral(", ")));
        QJsonArray top50;
        for (qsizetype i = 0; i < qMin<qsizetype>(sum.size(), 50); ++i)
            top50.append(sum.at(i));
        f.data.insert(QStringLiteral("summary"), top50);
        f.evidence = logs;
        findings.add(f);
        ++made;
    }

    const QJsonArray slow = q.slowest(10);
    if (!slow.isEmpty()) {
        Finding f = base(QStringLiteral("strace-slowest"), QStringLiteral("info"));
        const QJsonObject first = slow.first().toObject();
        f.title = QStringLiteral("Slowest call: pid %1 %2 took %3")
                      .arg(qint64(first.value(QStringLiteral("pid")).toDouble()))
                      .arg(shorten(StraceQuery::formatCall(first), 100),
                           seconds(qint64(first.value(QStringLiteral("duration_us")).toDouble())));
        f.data.insert(QStringLiteral("calls"), slow);
        for (const QJsonValue &v : slow)
            f.evidence.append(callRef(v.toObject()));
        findings.add(f);
        ++made;
    }

    const QJsonArray errs = q.errors();
    if (!errs.isEmpty()) {
        qint64 total = 0;
        QStringList parts;
        Finding f = base(QStringLiteral("strace-errors"), QStringLiteral("info"));
        for (const QJsonValue &v : errs) {
            const qint64 n = qint64(v[QStringLiteral("count")].toDouble());
            total += n;
            if (parts.size() < 6)
                parts.append(QStringLiteral("%1 %2 x%3").arg(v[QStringLiteral("syscall")].toString(),
                                                              v[QStringLiteral("errno")].toString()).arg(n));
            if (f.evidence.size() < 20)
                f.evidence.append(LinkBuilder::ref(LinkKind::StraceCall, qint64(v[QStringLiteral("first_call_id")].toDouble()),
                                   QStringLiteral("first %1 %2").arg(v[QStringLiteral("syscall")].toString(),
                                                                     v[QStringLiteral("errno")].toString())));
        }
        f.title = QStringLiteral("%1 failed calls: %2").arg(total).arg(parts.join(QStringLiteral(", ")));
        f.data.insert(QStringLiteral("errors"), errs);
        findings.add(f);
        ++made;
    }
    tx.commit();
    return made;
}
