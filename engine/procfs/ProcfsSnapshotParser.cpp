#include "ProcfsSnapshotParser.h"

#include "BlockerEvidenceList.h"
#include "BlockerEvidenceParser.h"
#include "ProcStatLine.h"
#include "ProcfsReadErrors.h"
#include "ProcfsStream.h"
#include "ProcfsTextParsers.h"
#include "StackFrames.h"

#include <QRegularExpression>
#include <QSet>

namespace {

// "123/task/456/stat" -> (123, 456); "123/cmdline" -> (123, 0).
bool splitPath(QByteArrayView path, qint64 *pid, qint64 *tid)
{
    const QList<QByteArray> parts = path.toByteArray().split('/');
    bool ok = false;
    *pid = parts.value(0).toLongLong(&ok);
    if (!ok)
        return false;
    *tid = 0;
    if (parts.size() >= 3 && parts[1] == "task")
        *tid = parts[2].toLongLong(&ok);
    return ok;
}

QString chompText(const QByteArray &content)
{
    QByteArray c = content;
    if (c.endsWith('\n'))
        c.chop(1);
    return QString::fromUtf8(c);
}

}

void ProcfsSnapshotParser::parse(QByteArrayView out, QByteArrayView err, const CancelToken &cancel)
{
    QByteArray token, error;
    if (!ProcfsStream::readToken(out, &token, &error, &m_format)) {
        if (onFailed)
            onFailed(QString::fromUtf8(error));
        return;
    }
    const QList<ProcfsStream::Section> sections = ProcfsStream::sections(out, token);
    // Errors per sample and section, from stderr (same headers).
    QHash<int, QHash<QByteArray, QByteArray>> errors;
    {
        int sample = 0;
        for (const auto &s : ProcfsStream::sections(err, token)) {
            if (s.name == "SAMPLE")
                sample = s.arg.toInt();
            else if (!s.body.trimmed().isEmpty())
                errors[sample][s.name] += s.body;
        }
    }
    Host host;
    ProcfsSample sample;
    bool inSample = false;
    QHash<qint64, qsizetype> byTid;
    QHash<qint64, QByteArray> stackErrors;
    for (const auto &s : sections) {
        if (cancel.isCancelled())
            return;
        if (s.name == "SAMPLE") {
            if (inSample)
                finishSample(sample, byTid, stackErrors, host, false);
            sample = ProcfsSample();
            sample.index = s.arg.toInt();
            m_evidence = SampleEvidence();
            byTid.clear();
            stackErrors.clear();
            inSample = true;
            sample.gaps = ProcfsReadErrors::gaps(errors.value(sample.index));
            // Attribute the stack errors of this sample.
            static const QRegularExpression re(QStringLiteral("([0-9]+)/task/([0-9]+)/stack: ([^\\n]*)"));
            const QString errText = QString::fromUtf8(errors.value(sample.index).value("STACK"));
            for (auto it = re.globalMatch(errText); it.hasNext();) {
                const auto m = it.next();
                stackErrors.insert(m.captured(2).toLongLong(), m.captured(3).toUtf8());
            }
            for (auto it = errors.value(sample.index).cbegin(); it != errors.value(sample.index).cend(); ++it) {
                if (it.key() == "STACK" || it.key() == "CMDLINE" || it.key() == "TASKSTAT" || it.key() == "TASKSTATUS"
                    || it.key() == "WCHAN" || it.key() == "CGROUP" || it.key() == "LINKS" || it.key() == "SCHEDSTAT"
                    || it.key() == "FDINFO" || it.key() == "TASKCGROUP" || it.key() == "INVOLVED")
                    continue; // tasks that vanished mid-read: expected, handled per task
                sample.problems.append(QStringLiteral("%1: %2").arg(QString::fromLatin1(it.key()),
                                                                   QString::fromUtf8(it.value()).trimmed().left(500)));
            }
        } else if (s.name == "END-SAMPLE") {
            if (inSample) {
                finishSample(sample, byTid, stackErrors, host, true);
                inSample = false;
            }
        } else if (!inSample) {
            parseHost(s.name, s.body, host);
        } else {
            parseSection(s.name, s.body, sample, byTid, stackErrors);
        }
    }
    if (inSample)
        finishSample(sample, byTid, stackErrors, host, false);
    if (onFinished)
        onFinished();
}

void ProcfsSnapshotParser::parseHost(const QByteArray &name, const QByteArray &body, Host &host)
{
    if (name == "IDENTITY") {
        const QByteArray line = body.trimmed();
        const qsizetype sp = line.indexOf(' ');
        bool ok = false;
        const qint64 uid = line.left(sp).toLongLong(&ok);
        if (sp > 0 && ok) {
            host.uid = uid;
            host.userName = QString::fromUtf8(line.mid(sp + 1).left(256));
        }
    } else if (name == "HOST") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            const QString v = chompText(f.content);
            const QString key = QString::fromUtf8(f.path.mid(f.path.lastIndexOf('/') + 1));
            if (key == QLatin1String("osrelease"))
                host.kernel = v;
            else if (key == QLatin1String("hostname"))
                host.hostname = v;
            host.values.append({QStringLiteral("uname"), key, v, 0, false});
        }
    } else if (name == "OSRELEASE") {
        for (const QByteArray &raw : body.split('\n')) {
            if (!raw.endsWith('$'))
                continue;
            const QString line = QString::fromUtf8(ProcfsStream::unescape(QByteArrayView(raw).chopped(1)));
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            QString v = line.mid(eq + 1);
            if (v.size() >= 2 && (v.startsWith(QLatin1Char('"')) || v.startsWith(QLatin1Char('\''))))
                v = v.mid(1, v.size() - 2);
            const QString key = line.left(eq);
            if (key == QLatin1String("PRETTY_NAME"))
                host.os = v;
            host.values.append({QStringLiteral("os-release"), key, v, 0, false});
        }
    } else if (name == "PASSWD") {
        for (const QByteArray &line : body.split('\n')) {
            const qsizetype sp = line.indexOf(' ');
            bool ok = false;
            const qint64 uid = line.left(sp).toLongLong(&ok);
            if (sp > 0 && ok && !host.users.contains(uid))
                host.users.insert(uid, QString::fromUtf8(line.mid(sp + 1)));
        }
    }
}

void ProcfsSnapshotParser::parseSection(const QByteArray &name, const QByteArray &body, ProcfsSample &s,
                                        QHash<qint64, qsizetype> &byTid, QHash<qint64, QByteArray> &)
{
    auto taskFor = [&](qint64 tid) -> ProcTask * {
        const auto it = byTid.constFind(tid);
        return it == byTid.cend() ? nullptr : &s.tasks[*it];
    };
    if (name == "TIME") {
        s.takenUs = body.trimmed().toLongLong() / 1000;
    } else if (name == "PROC" || name == "PSI") {
        for (const auto &f : ProcfsStream::files(body, m_format))
            ProcfsTextParsers::hostFile(QString::fromUtf8(f.path), f.content, s);
    } else if (name == "TASKSTAT") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            ProcStatLine st;
            QByteArray c = f.content;
            if (c.endsWith('\n'))
                c.chop(1);
            if (!splitPath(f.path, &pid, &tid) || tid == 0 || !ProcStatLine::parse(c, &st)) {
                if (!f.path.isEmpty())
                    s.problems.append(QStringLiteral("unparsable stat: %1").arg(QString::fromUtf8(f.path.left(80))));
                continue;
            }
            if (byTid.contains(tid))
                continue;
            ProcTask t;
            t.pid = pid;
            t.tid = tid;
            t.ppid = st.ppid;
            t.comm = st.comm;
            t.state = st.state;
            t.utimeTicks = st.utime;
            t.stimeTicks = st.stime;
            t.threads = st.threads;
            t.startTicks = st.startTicks;
            t.stackStatus = QStringLiteral("empty");
            t.cmdlineStatus = QStringLiteral("unreadable");
            byTid.insert(tid, s.tasks.size());
            s.tasks.append(std::move(t));
        }
    } else if (name == "TASKSTATUS") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid))
                continue;
            ProcTask *t = taskFor(tid);
            if (!t)
                continue;
            for (const QByteArray &line : f.content.split('\n')) {
                if (line.startsWith("State:"))
                    t->statusState = QString::fromLatin1(line.mid(6).trimmed().left(1));
                else if (line.startsWith("Uid:"))
                    t->uid = line.mid(4).simplified().split(' ').value(0).toLongLong();
                else if (line.startsWith("PPid:") && t->ppid == 0)
                    t->ppid = line.mid(5).trimmed().toLongLong();
                else if (TaskSched probe; BlockerEvidenceParser::statusLine(line, &probe))
                    BlockerEvidenceParser::statusLine(line, &schedOf(s, pid, tid));
            }
        }
    } else if (name == "UIDS") {
        for (const QByteArray &line : body.split('\n')) {
            const qsizetype sp = line.lastIndexOf(' ');
            qint64 pid = 0, tid = 0;
            if (sp <= 0 || !splitPath(line.left(sp), &pid, &tid))
                continue;
            bool ok = false;
            const qint64 uid = line.mid(sp + 1).toLongLong(&ok);
            if (ProcTask *t = taskFor(tid); t && ok)
                t->uid = uid;
        }
    } else if (name == "WCHAN") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid))
                continue;
            if (ProcTask *t = taskFor(tid)) {
                const QString w = chompText(f.content).trimmed();
                t->wchan = w == QLatin1String("0") ? QString() : w;
            }
        }
    } else if (name == "STACK") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid))
                continue;
            if (ProcTask *t = taskFor(tid)) {
                t->stackRaw = StackFrames::parse(QString::fromUtf8(f.content));
                t->stackStatus = t->stackRaw.isEmpty() ? QStringLiteral("empty") : QStringLiteral("ok");
            }
        }
    } else if (name == "CGROUP") {
        QHash<qint64, QString> byPid;
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid))
                continue;
            byPid.insert(pid, ProcfsTextParsers::primaryCgroup(f.content));
        }
        for (ProcTask &t : s.tasks)
            t.cgroup = byPid.value(t.pid);
    } else if (name == "SKIPPED-CMDLINE") {
        QSet<qint64> skipped;
        for (const QByteArray &l : body.split('\n'))
            if (!l.trimmed().isEmpty())
                skipped.insert(l.trimmed().toLongLong());
        for (ProcTask &t : s.tasks)
            if (skipped.contains(t.pid))
                t.cmdlineStatus = QStringLiteral("skipped-d-state");
    } else if (name == "CMDLINE") {
        QHash<qint64, QString> byPid;
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid))
                continue;
            QByteArray c = f.content;
            if (c.endsWith('\n'))
                c.chop(1);
            c.replace('\0', ' ');
            byPid.insert(pid, QString::fromUtf8(c).trimmed());
        }
        for (ProcTask &t : s.tasks) {
            if (t.cmdlineStatus == QLatin1String("skipped-d-state"))
                continue;
            const auto it = byPid.constFind(t.pid);
            if (it != byPid.cend()) {
                t.cmdline = *it;
                t.cmdlineStatus = QStringLiteral("ok");
            } else {
                t.cmdlineStatus = QStringLiteral("empty"); // kernel threads have none
            }
        }
    } else if (name == "LINKS") {
        ProcfsTextParsers::links(body, s);
        m_evidence.links = body;
    } else if (name == "CGROUPMEM") {
        ProcfsTextParsers::cgroupMemory(ProcfsStream::files(body, m_format), s);
    } else if (name == "MOUNTS") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            if (f.path.endsWith("mountinfo"))
                ProcfsTextParsers::mountinfo(f.content, s);
            else if (f.path.endsWith("mountstats")) {
                ProcfsTextParsers::mountstats(f.content, s);
                BlockerEvidenceList list(s.evidence);
                BlockerEvidenceParser::nfsOps(f.content, list);
                s.problems += list.problems();
            }
        }
    } else if (name == "NET") {
        for (const auto &f : ProcfsStream::files(body, m_format))
            ProcfsTextParsers::netTcp(f.path.endsWith("tcp6") ? QStringLiteral("tcp6") : QStringLiteral("tcp"), f.content, s);
    } else if (name == "SERVICES") {
        for (const QByteArray &l : body.split('\n')) {
            const QList<QByteArray> p = l.simplified().split(' ');
            if (p.size() >= 2)
                s.services.append({QString::fromUtf8(p[0]), QString::fromUtf8(p[1])});
        }
    } else if (name == "RPCINFO") {
        s.rpcinfo = QString::fromUtf8(body.left(64 * 1024)).trimmed();
    } else {
        parseEvidenceSection(name, body, s);
    }
}

void ProcfsSnapshotParser::finishSample(ProcfsSample &s, QHash<qint64, qsizetype> &, QHash<qint64, QByteArray> &stackErrors,
                                        const Host &host, bool complete)
{
    s.kernel = host.kernel;
    s.hostname = host.hostname;
    s.os = host.os;
    s.values = host.values + s.values;
    s.readAsUid = host.uid;
    s.readAsName = host.userName;
    if (!complete)
        s.problems.append(QStringLiteral("snapshot stream ended early; this sample is partial"));
    finishEvidence(s);
    QHash<QString, QString> signatures;
    int impossibleStarts = 0;
    for (ProcTask &t : s.tasks) {
        t.user = host.users.value(t.uid, t.uid >= 0 ? QString::number(t.uid) : QString());
        if (t.startTicks > kMaxStartTicks)
            ++impossibleStarts; // later than any real uptime: the start stays unknown
        else if (s.bootTimeUs > 0 && t.startTicks >= 0)
            t.startUs = s.bootTimeUs + t.startTicks * (1000000 / kClockTicks);
        if (t.stackStatus == QLatin1String("empty")) {
            const QByteArray e = stackErrors.value(t.tid);
            if (e.contains("ermission denied") || e.contains("not permitted"))
                t.stackStatus = QStringLiteral("not-permitted");
            else if (e.contains("No such file") || e.contains("No such process"))
                t.stackStatus = QStringLiteral("vanished");
            else if (!e.isEmpty())
                t.stackStatus = QStringLiteral("unreadable");
        }
        // Thousands of threads share a handful of stacks: sign each once.
        const QString raw = t.stackRaw.join(QLatin1Char('\n'));
        auto it = signatures.constFind(raw);
        if (it == signatures.cend())
            it = signatures.insert(raw, StackFrames::signature(StackFrames::normalizeAll(t.stackRaw)));
        t.stackSignature = *it;
    }
    if (impossibleStarts > 0)
        s.problems.append(QStringLiteral("%1 tasks have an impossible start time in their stat line; their start is unknown")
                              .arg(impossibleStarts));
    if (onSample)
        onSample(s);
}

TaskSched &ProcfsSnapshotParser::schedOf(ProcfsSample &s, qint64 pid, qint64 tid)
{
    auto it = m_evidence.schedByTid.constFind(tid);
    if (it == m_evidence.schedByTid.cend()) {
        TaskSched t;
        t.pid = pid;
        t.tid = tid;
        it = m_evidence.schedByTid.insert(tid, s.evidence.sched.size());
        s.evidence.sched.append(t);
    }
    return s.evidence.sched[*it];
}

void ProcfsSnapshotParser::parseEvidenceSection(const QByteArray &name, const QByteArray &body, ProcfsSample &s)
{
    BlockerEvidenceList list(s.evidence);
    if (name == "SCHEDSTAT") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (!splitPath(f.path, &pid, &tid) || tid == 0)
                continue;
            TaskSched probe;
            if (BlockerEvidenceParser::schedstat(f.content, &probe)) {
                TaskSched &t = schedOf(s, pid, tid);
                t.runNs = probe.runNs;
                t.waitNs = probe.waitNs;
                t.timeslices = probe.timeslices;
            } else {
                list.onUnparsed("schedstat", f.content.left(120));
            }
        }
    } else if (name == "LOCKS") {
        for (const auto &f : ProcfsStream::files(body, m_format))
            if (f.path == "locks")
                BlockerEvidenceParser::procLocks(f.content, list);
    } else if (name == "INVOLVED") {
        m_evidence.sawInvolved = true;
        for (const QByteArray &line : body.split('\n')) {
            const qsizetype sp = line.indexOf(' ');
            bool ok = false;
            const qint64 pid = sp > 0 ? line.mid(sp + 1).toLongLong(&ok) : 0;
            const QByteArray reason = line.left(sp);
            if (!ok || pid <= 0 || reason.size() > 32)
                continue;
            s.evidence.involved.append({pid, QString::fromLatin1(reason)});
        }
    } else if (name == "FDINFO") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            const QList<QByteArray> p = f.path.split('/');
            bool okPid = false, okFd = false;
            FdTarget t;
            t.pid = p.value(0).toLongLong(&okPid);
            t.fd = p.value(2).toLongLong(&okFd);
            if (!okPid || !okFd || p.size() != 3 || p[1] != "fdinfo")
                continue;
            BlockerEvidenceParser::fdinfo(f.content, &t, list);
            m_evidence.fdinfo.insert({t.pid, t.fd}, t);
        }
    } else if (name == "TASKCGROUP") {
        for (const auto &f : ProcfsStream::files(body, m_format)) {
            qint64 pid = 0, tid = 0;
            if (splitPath(f.path, &pid, &tid) && tid != 0)
                BlockerEvidenceParser::taskCgroups(pid, tid, f.content, list);
        }
    } else if (name == "TASKCGROUPMEM") {
        ProcfsTextParsers::cgroupMemory(ProcfsStream::files(body, m_format), s);
    }
    s.problems += list.problems();
}

void ProcfsSnapshotParser::finishEvidence(ProcfsSample &s)
{
    BlockerEvidence &e = s.evidence;
    const QList<QByteArray> parts = m_evidence.links.split('\0');
    if (!m_evidence.sawInvolved) {
        // A stream from an older collector: the same choice, made here.
        QSet<qint64> seen;
        auto add = [&](qint64 pid, const char *reason) {
            if (pid > 0 && !seen.contains(pid) && seen.size() < kMaxInvolved) {
                seen.insert(pid);
                e.involved.append({pid, QString::fromLatin1(reason)});
            }
        };
        for (const ProcTask &t : s.tasks)
            if (t.isReallyD())
                add(t.pid, "d-state");
        for (const FileLock &l : e.locks)
            add(l.pid, "lock");
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2)
            if (parts[i + 1] == "/dev/fuse")
                add(parts[i].split('/').value(0).toLongLong(), "fuse-server");
    }
    QSet<qint64> involved;
    for (const InvolvedProcess &p : e.involved)
        if (involved.size() < kMaxInvolved || involved.contains(p.pid))
            involved.insert(p.pid);
    QSet<QPair<qint64, qint64>> seenFds;
    QHash<qint64, int> perProcess;
    for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
        // "PID/fd/N" or, for a zombie leader, "PID/task/TID/fd/N".
        const QList<QByteArray> p = parts[i].split('/');
        bool okPid = false, okFd = false;
        FdTarget t;
        t.pid = p.value(0).toLongLong(&okPid);
        if (!okPid || !involved.contains(t.pid))
            continue;
        if (p.size() == 3 && p[1] == "fd") {
            t.fd = p[2].toLongLong(&okFd);
        } else if (p.size() == 5 && p[1] == "task" && p[3] == "fd") {
            t.tid = p[2].toLongLong();
            t.fd = p[4].toLongLong(&okFd);
        }
        if (!okFd || t.fd < 0 || seenFds.contains({t.pid, t.fd}) || perProcess[t.pid] >= kMaxFdsPerProcess)
            continue;
        seenFds.insert({t.pid, t.fd});
        ++perProcess[t.pid];
        t.target = QString::fromUtf8(parts[i + 1].left(4096));
        t.kind = FdTarget::kindOf(t.target);
        const auto info = m_evidence.fdinfo.constFind({t.pid, t.fd});
        if (info != m_evidence.fdinfo.cend()) {
            t.mntId = info->mntId;
            t.inode = info->inode;
            t.flags = info->flags;
            t.pos = info->pos;
        }
        e.fds.append(t);
    }
    // A thread's memory cgroup may also be a leader's: keep one row per cgroup.
    QSet<QPair<QString, int>> cgroups;
    QList<CgroupMemory> unique;
    for (const CgroupMemory &c : s.cgroups)
        if (!cgroups.contains({c.path, c.version})) {
            cgroups.insert({c.path, c.version});
            unique.append(c);
        }
    s.cgroups = unique;
}
