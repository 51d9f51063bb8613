#include "DStateTriage.h"

#include "DStateTriageLoad.h"
#include "StackGrouper.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace {

constexpr int kMaxTaskEvidence = 200;

QString taskKey(const ProcTask &t)
{
    return QStringLiteral("%1/%2/%3").arg(t.pid).arg(t.tid).arg(t.startTicks);
}

QSet<QString> tokens(const QStringList &frames)
{
    static const QSet<QString> generic{QStringLiteral("do"), QStringLiteral("sys"), QStringLiteral("work"),
                                       QStringLiteral("the"), QStringLiteral("entry"), QStringLiteral("syscall"),
                                       QStringLiteral("64"), QStringLiteral("x64"), QStringLiteral("ret"),
                                       QStringLiteral("from"), QStringLiteral("fork"), QStringLiteral("part"),
                                       QStringLiteral("kthread"), QStringLiteral("thread"), QStringLiteral("worker"),
                                       QStringLiteral("one"), QStringLiteral("process"), QStringLiteral("after"),
                                       QStringLiteral("hwframe"), QStringLiteral("common"), QStringLiteral("wait")};
    QSet<QString> out;
    for (const QString &f : frames) {
        QString name = f.section(QLatin1Char(' '), 0, 0);
        for (const QString &tok : name.split(QLatin1Char('_'), Qt::SkipEmptyParts)) {
            const QString t = tok.section(QLatin1Char('.'), 0, 0).toLower();
            if (t.size() >= 3 && !generic.contains(t))
                out.insert(t);
        }
    }
    return out;
}

QJsonArray toJson(const QStringList &l) { return QJsonArray::fromStringList(l); }

QJsonObject mapJson(const QMap<QString, int> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString describeFrames(const QStringList &frames)
{
    return frames.mid(0, 3).join(QStringLiteral(" < "));
}

}

QStringList DStateTriage::kinds()
{
    return {QStringLiteral("d-state-summary"), QStringLiteral("zombie-in-disguise"), QStringLiteral("d-state-group"),
            QStringLiteral("blocker-candidate"), QStringLiteral("zombie-holding-port")};
}

QList<DStateTriage::Candidate> DStateTriage::blockerCandidates(const QList<StackGroup> &dGroups)
{
    QList<Candidate> out;
    if (dGroups.size() < 2)
        return out;
    const StackGroup &dominant = dGroups.first();
    if (dominant.count < 3)
        return out;
    const QSet<QString> domTokens = tokens(dominant.frames);
    static const QStringList blockingCalls{QStringLiteral("synchronize_srcu"), QStringLiteral("synchronize_rcu"),
                                           QStringLiteral("wait_for_completion"), QStringLiteral("mutex_lock"),
                                           QStringLiteral("down_write"), QStringLiteral("rwsem_down"),
                                           QStringLiteral("io_schedule"), QStringLiteral("jbd2"), QStringLiteral("flush_work")};
    for (qsizetype i = 1; i < dGroups.size(); ++i) {
        const StackGroup &g = dGroups[i];
        // Small beside the dominant group: a fifth of it at most, or a single
        // task beside three or more.
        if (g.signature.startsWith(QLatin1String("no-stack:")) || (g.count * 5 > dominant.count && g.count > 1))
            continue;
        Candidate c;
        c.group = g;
        c.score = 1;
        c.reasons.append(QStringLiteral("%1 task(s) in D on a different stack beside %2 on the dominant one")
                             .arg(g.count).arg(dominant.count));
        const QString comm = g.topComm();
        if (comm.startsWith(QLatin1String("kworker")) || comm.startsWith(QLatin1String("kthread"))
            || g.frames.contains(QLatin1String("worker_thread")) || g.frames.contains(QLatin1String("kthread"))) {
            c.score += 2;
            c.reasons.append(QStringLiteral("kernel worker (%1): the others may wait for its work").arg(comm));
        }
        for (const QString &call : blockingCalls) {
            const bool hit = std::any_of(g.frames.cbegin(), g.frames.cend(), [&](const QString &f) { return f.contains(call); });
            if (hit) {
                c.score += 2;
                c.reasons.append(QStringLiteral("itself waits in %1").arg(call));
                break;
            }
        }
        QStringList shared;
        for (const QString &t : tokens(g.frames))
            if (domTokens.contains(t))
                shared.append(t);
        shared.sort();
        if (!shared.isEmpty()) {
            c.score += 2;
            c.reasons.append(QStringLiteral("same subsystem as the dominant group (%1)").arg(shared.join(QStringLiteral(", "))));
        }
        out.append(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    return out;
}

int DStateTriage::run(qint64 collectionId, const Options &options)
{
    SnapshotStore snapshots(m_db);
    const QList<SnapshotInfo> samples = snapshots.forCollection(collectionId);
    FindingStore findings(m_db);
    SqliteTransaction tx(m_db);
    findings.supersedeFor(collectionId, kinds());
    if (samples.isEmpty()) {
        tx.commit();
        return 0;
    }
    const SnapshotInfo &last = samples.last();
    const QString host = last.hostName.isEmpty() ? last.hostname : last.hostName;
    // Only the tasks the analysis reasons about: D and Z (a snapshot holds
    // thousands of sleeping threads); runnable ones are counted in SQL.
    QList<ProcTask> tasks = TaskQuery(m_db).snapshot(last.id).state(QStringLiteral("D")).run();
    tasks += TaskQuery(m_db).snapshot(last.id).state(QStringLiteral("Z")).run();
    QSet<qint64> zombiePids;
    for (const ProcTask &t : tasks)
        if (t.state == QLatin1String("Z") && t.pid == t.tid)
            zombiePids.insert(t.pid);
    for (const qint64 pid : zombiePids) // their live threads hold the fds
        for (const ProcTask &t : TaskQuery(m_db).snapshot(last.id).pid(pid).run())
            if (t.state != QLatin1String("D") && t.state != QLatin1String("Z"))
                tasks.append(t);
    int written = 0;
    auto snapshotRef = EvidenceRef{QStringLiteral("snapshot"), last.id, QStringLiteral("snapshot %1").arg(last.id)};
    auto taskRef = [](const ProcTask &t) {
        return EvidenceRef{QStringLiteral("task"), t.id, QStringLiteral("%1/%2 %3").arg(t.pid).arg(t.tid).arg(t.comm)};
    };

    // Persistence across samples: a D task is persistent when every sample
    // shows it in D on the same stack.
    QHash<QString, int> dSeen;
    QHash<QString, QSet<QString>> dStacks;
    for (const SnapshotInfo &s : samples)
        for (const ProcTask &t : TaskQuery(m_db).snapshot(s.id).state(QStringLiteral("D")).run())
            if (t.isReallyD()) {
                ++dSeen[taskKey(t)];
                dStacks[taskKey(t)].insert(StackGrouper::keyOf(t, {options.keepOffsets, true}));
            }
    auto persistent = [&](const ProcTask &t) {
        return dSeen.value(taskKey(t)) == samples.size() && dStacks.value(taskKey(t)).size() == 1;
    };

    QList<ProcTask> reallyD, disguised;
    auto count = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM procfs_tasks WHERE snapshot_id = ? AND state = 'R'"));
    count.bind(1, last.id);
    const int running = count.step() ? int(count.int64(0)) : 0;
    for (const ProcTask &t : tasks) {
        if (t.isZombieInDisguise())
            disguised.append(t);
        else if (t.isReallyD())
            reallyD.append(t);
    }

    if (!reallyD.isEmpty() || !disguised.isEmpty()) {
        Finding f;
        f.hostId = last.hostId;
        f.collectionId = collectionId;
        f.kind = QStringLiteral("d-state-summary");
        f.atUs = last.takenUs;
        const int dAll = int(reallyD.size() + disguised.size());
        f.severity = reallyD.size() >= 10 ? QStringLiteral("high") : reallyD.isEmpty() ? QStringLiteral("low") : QStringLiteral("medium");
        f.title = QStringLiteral("%1 task(s) in D on %2 (%3 of them zombies per status)").arg(dAll).arg(host).arg(disguised.size());
        QString detail = QStringLiteral("stat shows %1 thread(s) in D; %2 are really in uninterruptible sleep, %3 are dead "
                                        "threads (status Z) shown as D.").arg(dAll).arg(reallyD.size()).arg(disguised.size());
        // The kernel counts every thread in uninterruptible state, dead ones shown as D included.
        const DStateTriageLoad load = DStateTriageLoad::judge(last.load1, last.load5, last.load15, running, dAll);
        if (!load.text.isEmpty())
            detail += QLatin1Char(' ') + load.text;
        const QMap<QString, int> unread = StackGrouper::notRead(reallyD);
        for (auto it = unread.cbegin(); it != unread.cend(); ++it)
            detail += QStringLiteral(" Kernel stacks of %1 of them %2: they are in no stack group.").arg(it.value()).arg(it.key());
        f.detail = detail;
        f.data = QJsonObject{{QStringLiteral("stacks_not_read"), mapJson(unread)},
                             {QStringLiteral("d_count"), dAll},
                             {QStringLiteral("really_d"), int(reallyD.size())},
                             {QStringLiteral("zombies_in_disguise"), int(disguised.size())},
                             {QStringLiteral("runnable"), running},
                             {QStringLiteral("load1"), last.load1},
                             {QStringLiteral("load5"), last.load5},
                             {QStringLiteral("load15"), last.load15},
                             {QStringLiteral("load_verdict"), DStateTriageLoad::verdictName(load.verdict)},
                             {QStringLiteral("load_fell_ago_s"), load.leftAgoS},
                             {QStringLiteral("load_peak_estimate"), load.peak},
                             {QStringLiteral("procs_running"), last.procsRunning},
                             {QStringLiteral("procs_blocked"), last.procsBlocked},
                             {QStringLiteral("samples"), int(samples.size())}};
        f.evidence.append(snapshotRef);
        findings.add(f);
        ++written;
    }

    if (!disguised.isEmpty()) {
        Finding f;
        f.hostId = last.hostId;
        f.collectionId = collectionId;
        f.kind = QStringLiteral("zombie-in-disguise");
        f.atUs = last.takenUs;
        f.severity = QStringLiteral("low");
        QSet<qint64> procs;
        for (const ProcTask &t : disguised)
            procs.insert(t.pid);
        f.title = QStringLiteral("%1 thread(s) shown as D are zombies (status Z), in %2 process(es)").arg(disguised.size()).arg(procs.size());
        f.detail = QStringLiteral("Their stat state is D but /proc/PID/task/TID/status says Z (zombie): dead threads of "
                                  "processes whose leader is stuck, not separate waiters. They are counted apart from the D groups.");
        QJsonArray tids;
        for (const ProcTask &t : disguised)
            tids.append(t.tid);
        f.data = QJsonObject{{QStringLiteral("count"), int(disguised.size())}, {QStringLiteral("tids"), tids}};
        f.evidence.append(snapshotRef);
        for (const ProcTask &t : disguised.mid(0, kMaxTaskEvidence))
            f.evidence.append(taskRef(t));
        findings.add(f);
        ++written;
    }

    const QList<StackGroup> dGroups = StackGrouper::group(reallyD, {options.keepOffsets, true});
    QHash<qint64, const ProcTask *> byId;
    for (const ProcTask &t : reallyD)
        byId.insert(t.id, &t);
    for (const StackGroup &g : dGroups) {
        int persistentCount = 0;
        for (qint64 id : g.taskIds)
            if (persistent(*byId.value(id)))
                ++persistentCount;
        Finding f;
        f.hostId = last.hostId;
        f.collectionId = collectionId;
        f.kind = QStringLiteral("d-state-group");
        f.atUs = last.takenUs;
        f.severity = g.count >= 5 || (samples.size() > 1 && persistentCount == g.count) ? QStringLiteral("high") : QStringLiteral("medium");
        const QString where = g.frames.isEmpty() ? g.signature : describeFrames(g.frames);
        f.title = QStringLiteral("%1 task(s) in D on one stack: %2 (%3)").arg(g.count).arg(where, g.topComm());
        f.detail = QStringLiteral("wchan %1; comms: %2.").arg(g.topWchan(), QStringList(g.comms.keys()).join(QStringLiteral(", ")));
        if (samples.size() > 1)
            f.detail += QStringLiteral(" %1 persistent (same stack in all %2 samples), %3 transient.")
                            .arg(persistentCount).arg(samples.size()).arg(g.count - persistentCount);
        QJsonArray tids;
        for (qint64 t : g.tids)
            tids.append(t);
        f.data = QJsonObject{{QStringLiteral("signature"), g.signature}, {QStringLiteral("count"), g.count},
                             {QStringLiteral("frames"), toJson(g.frames)}, {QStringLiteral("comms"), mapJson(g.comms)},
                             {QStringLiteral("wchans"), mapJson(g.wchans)}, {QStringLiteral("tids"), tids},
                             {QStringLiteral("persistent"), persistentCount}, {QStringLiteral("transient"), g.count - persistentCount},
                             {QStringLiteral("samples"), int(samples.size())}};
        f.evidence.append(snapshotRef);
        if (g.stackId)
            f.evidence.append({QStringLiteral("stack"), g.stackId, g.signature});
        for (qint64 id : g.taskIds.mid(0, kMaxTaskEvidence))
            f.evidence.append(taskRef(*byId.value(id)));
        findings.add(f);
        ++written;
    }

    for (const Candidate &c : blockerCandidates(dGroups)) {
        Finding f;
        f.hostId = last.hostId;
        f.collectionId = collectionId;
        f.kind = QStringLiteral("blocker-candidate");
        f.atUs = last.takenUs;
        f.severity = c.score >= 5 ? QStringLiteral("critical") : c.score >= 3 ? QStringLiteral("high") : QStringLiteral("medium");
        const ProcTask *first = byId.value(c.group.taskIds.value(0));
        f.title = QStringLiteral("Blocker candidate: %1 (tid %2) in D at %3, while %4 task(s) wait in %5")
                      .arg(c.group.topComm()).arg(first ? first->tid : 0).arg(describeFrames(c.group.frames))
                      .arg(dGroups.first().count).arg(dGroups.first().topWchan());
        f.detail = c.reasons.join(QStringLiteral("; ")) + QLatin1Char('.');
        QJsonArray tids;
        for (qint64 t : c.group.tids)
            tids.append(t);
        f.data = QJsonObject{{QStringLiteral("signature"), c.group.signature}, {QStringLiteral("score"), c.score},
                             {QStringLiteral("frames"), toJson(c.group.frames)}, {QStringLiteral("comm"), c.group.topComm()},
                             {QStringLiteral("tids"), tids}, {QStringLiteral("reasons"), toJson(c.reasons)},
                             {QStringLiteral("dominant_signature"), dGroups.first().signature},
                             {QStringLiteral("dominant_count"), dGroups.first().count}};
        f.evidence.append(snapshotRef);
        if (c.group.stackId)
            f.evidence.append({QStringLiteral("stack"), c.group.stackId, c.group.signature});
        for (qint64 id : c.group.taskIds)
            f.evidence.append(taskRef(*byId.value(id)));
        findings.add(f);
        ++written;
    }

    // Zombies re-parented to init whose threads still hold a listening socket.
    QHash<qint64, ListeningSocket> listening;
    for (const ListeningSocket &s : snapshots.sockets(last.id))
        listening.insert(s.inode, s);
    QSet<qint64> reported;
    for (const ProcTask &t : tasks) {
        if (t.pid != t.tid || reported.contains(t.pid) || t.ppid != 1)
            continue;
        if (t.state != QLatin1String("Z") && t.statusState != QLatin1String("Z"))
            continue;
        QStringList ports;
        QJsonArray portsJson;
        for (qint64 inode : t.socketInodes)
            if (listening.contains(inode)) {
                const ListeningSocket &s = listening.value(inode);
                ports.append(QStringLiteral("%1 %2:%3").arg(s.proto, s.localAddress).arg(s.localPort));
                portsJson.append(QJsonObject{{QStringLiteral("proto"), s.proto}, {QStringLiteral("address"), s.localAddress},
                                             {QStringLiteral("port"), s.localPort}, {QStringLiteral("inode"), s.inode}});
            }
        if (ports.isEmpty())
            continue;
        reported.insert(t.pid);
        Finding f;
        f.hostId = last.hostId;
        f.collectionId = collectionId;
        f.kind = QStringLiteral("zombie-holding-port");
        f.atUs = last.takenUs;
        f.severity = QStringLiteral("high");
        f.title = QStringLiteral("Zombie %1 (pid %2), re-parented to init, still holds listening socket(s) %3")
                      .arg(t.comm).arg(t.pid).arg(ports.join(QStringLiteral(", ")));
        f.detail = QStringLiteral("The process is a zombie with parent 1, yet its threads keep the socket(s) open, so "
                                  "the port stays taken and init cannot reap it. Seen with cgroup OOM-killer livelocks; "
                                  "usually only a reboot clears it.");
        f.data = QJsonObject{{QStringLiteral("pid"), t.pid}, {QStringLiteral("comm"), t.comm}, {QStringLiteral("ports"), portsJson},
                             {QStringLiteral("cgroup"), t.cgroup}};
        f.evidence.append(snapshotRef);
        f.evidence.append(taskRef(t));
        for (const ProcTask &o : tasks)
            if (o.pid == t.pid && o.tid != t.tid && f.evidence.size() < kMaxTaskEvidence)
                f.evidence.append(taskRef(o));
        findings.add(f);
        ++written;
    }
    tx.commit();
    return written;
}
