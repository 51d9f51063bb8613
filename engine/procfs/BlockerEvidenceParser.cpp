#include "BlockerEvidenceParser.h"

#include "ProcfsTextParsers.h"

#include <QList>
#include <algorithm>

BlockerEvidenceSink::~BlockerEvidenceSink() = default;

namespace BlockerEvidenceParser {

namespace {

// Splits on runs of spaces and tabs.
QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (i > start)
            out.append(line.mid(start, i - start));
    }
    return out;
}

// A non-negative decimal that fits in 63 bits; -1 otherwise.
qint64 number(QByteArrayView v)
{
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

bool isWord(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 16)
        return false;
    for (char c : v)
        if (!((c >= 'A' && c <= 'Z') || c == '_'))
            return false;
    return true;
}

QString text(QByteArrayView v) { return QString::fromUtf8(v.data(), v.size()); }

}

QString deviceFromHex(QByteArrayView hexMajor, QByteArrayView hexMinor)
{
    bool a = false, b = false;
    const qulonglong major = hexMajor.toULongLong(&a, 16);
    const qulonglong minor = hexMinor.toULongLong(&b, 16);
    if (!a || !b || major > 0xfffff || minor > 0xfffff)
        return {};
    return QStringLiteral("%1:%2").arg(major).arg(minor);
}

bool lockLine(QByteArrayView line, FileLock *lock)
{
    const QList<QByteArrayView> f = fields(line);
    // N: [->] KIND TYPE MODE PID DEV:INO START END  (a lock without inode: "PID <none>:0 START END")
    if (f.size() < 8 || !f[0].endsWith(':'))
        return false;
    FileLock l;
    l.lockId = number(f[0].chopped(1));
    if (l.lockId < 0)
        return false;
    qsizetype i = 1;
    if (f[i] == "->") {
        l.isWaiter = true;
        ++i;
    }
    if (l.isWaiter) {
        // "1: -> ..." waits on the holder, "1:  -> ..." behind that waiter: the indent is the depth.
        const qsizetype colon = line.indexOf(':');
        const qsizetype arrow = line.indexOf("->");
        l.waitDepth = int(std::clamp<qsizetype>(arrow - colon - 1, 1, 64));
    }
    if (f.size() - i != 7 || !isWord(f[i]) || !isWord(f[i + 1]) || !isWord(f[i + 2]))
        return false;
    l.kind = text(f[i]);
    l.type = text(f[i + 1]);
    l.mode = text(f[i + 2]);
    bool ok = false;
    const qint64 pid = f[i + 3].toLongLong(&ok);
    if (!ok || pid < -1 || pid > (qint64(1) << 31))
        return false;
    l.pid = pid;
    const QByteArrayView where = f[i + 4];
    if (where.startsWith("<none>")) {
        l.inode = -1;
    } else {
        const qsizetype c1 = where.indexOf(':');
        const qsizetype c2 = c1 < 0 ? -1 : where.indexOf(':', c1 + 1);
        if (c2 < 0)
            return false;
        l.device = deviceFromHex(where.left(c1), where.mid(c1 + 1, c2 - c1 - 1));
        l.inode = number(where.mid(c2 + 1));
        if (l.device.isEmpty() || l.inode < 0)
            return false;
    }
    l.start = number(f[i + 5]);
    if (l.start < 0)
        return false;
    if (f[i + 6] == "EOF") {
        l.end = -1;
    } else {
        l.end = number(f[i + 6]);
        if (l.end < 0)
            return false;
    }
    l.raw = text(line.trimmed().left(200));
    *lock = l;
    return true;
}

void procLocks(QByteArrayView content, BlockerEvidenceSink &sink)
{
    int n = 0;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype nl = content.indexOf('\n', pos);
        if (nl < 0)
            nl = content.size();
        const QByteArrayView line = content.mid(pos, nl - pos);
        pos = nl + 1;
        if (line.trimmed().isEmpty())
            continue;
        FileLock l;
        if (++n > kMaxLocks) {
            sink.onUnparsed("proc-locks", "more locks than the bound; the rest not read");
            return;
        }
        if (!lockLine(line, &l)) {
            sink.onUnparsed("proc-locks", line.left(200));
            continue;
        }
        l.source = QStringLiteral("proc-locks");
        sink.onLock(l);
    }
}

void fdinfo(QByteArrayView content, FdTarget *fd, BlockerEvidenceSink &sink)
{
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype nl = content.indexOf('\n', pos);
        if (nl < 0)
            nl = content.size();
        const QByteArrayView line = content.mid(pos, nl - pos);
        pos = nl + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView key = line.left(colon);
        const QByteArrayView value = line.mid(colon + 1).trimmed();
        if (key == "pos") {
            fd->pos = number(value);
        } else if (key == "flags") {
            bool ok = false;
            (void)value.toULongLong(&ok, 8);
            if (ok && value.size() <= 24)
                fd->flags = text(value);
        } else if (key == "mnt_id") {
            fd->mntId = number(value);
        } else if (key == "ino") {
            fd->inode = number(value);
        } else if (key == "lock") {
            FileLock l;
            if (!lockLine(value, &l)) {
                sink.onUnparsed("fdinfo-lock", line.left(200));
                continue;
            }
            l.source = QStringLiteral("fdinfo");
            l.fd = fd->fd;
            l.ownerPid = fd->pid;
            sink.onLock(l);
        }
    }
}

bool statusLine(QByteArrayView line, TaskSched *s)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView key = line.left(colon);
    const QByteArrayView value = line.mid(colon + 1).trimmed();
    auto mask = [&](QString *into) {
        bool ok = false;
        (void)value.toULongLong(&ok, 16);
        *into = ok && value.size() <= 16 ? text(value) : QString();
        return true;
    };
    if (key == "voluntary_ctxt_switches") {
        s->voluntary = number(value);
        return true;
    }
    if (key == "nonvoluntary_ctxt_switches") {
        s->nonvoluntary = number(value);
        return true;
    }
    if (key == "SigPnd")
        return mask(&s->sigPnd);
    if (key == "ShdPnd")
        return mask(&s->shdPnd);
    if (key == "SigBlk")
        return mask(&s->sigBlk);
    return false;
}

bool schedstat(QByteArrayView content, TaskSched *s)
{
    const QList<QByteArrayView> f = fields(content.trimmed());
    if (f.size() < 3)
        return false;
    const qint64 run = number(f[0]), wait = number(f[1]), slices = number(f[2]);
    if (run < 0 || wait < 0 || slices < 0)
        return false;
    s->runNs = run;
    s->waitNs = wait;
    s->timeslices = slices;
    return true;
}

void taskCgroups(qint64 pid, qint64 tid, QByteArrayView content, BlockerEvidenceSink &sink)
{
    int lines = 0;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype nl = content.indexOf('\n', pos);
        if (nl < 0)
            nl = content.size();
        const QByteArrayView line = content.mid(pos, nl - pos);
        pos = nl + 1;
        if (line.isEmpty())
            continue;
        const qsizetype a = line.indexOf(':');
        const qsizetype b = a < 0 ? -1 : line.indexOf(':', a + 1);
        const qint64 h = a < 0 ? -1 : number(line.left(a));
        if (b < 0 || h < 0 || h > 1024 || line.mid(b + 1).isEmpty() || ++lines > 64) {
            sink.onUnparsed("task-cgroup", line.left(200));
            continue;
        }
        TaskCgroup c;
        c.pid = pid;
        c.tid = tid;
        c.hierarchy = int(h);
        c.controllers = text(line.mid(a + 1, b - a - 1).left(256));
        c.path = text(line.mid(b + 1).left(4096));
        sink.onTaskCgroup(c);
    }
}

void nfsOps(QByteArrayView content, BlockerEvidenceSink &sink)
{
    bool inNfs = false, inOps = false;
    int mounts = 0, opsOfMount = 0;
    NfsOpStats base;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype nl = content.indexOf('\n', pos);
        if (nl < 0)
            nl = content.size();
        const QByteArrayView raw = content.mid(pos, nl - pos);
        pos = nl + 1;
        if (raw.startsWith("device ")) {
            inNfs = inOps = false;
            // device SRC mounted on MP with fstype TYPE [statvers=...]
            const QList<QByteArrayView> f = fields(raw);
            qsizetype with = -1;
            for (qsizetype i = f.size() - 1; i >= 0; --i)
                if (f[i] == "with") {
                    with = i;
                    break;
                }
            if (f.size() < 7 || f[2] != "mounted" || f[3] != "on" || with < 5 || with + 2 >= f.size()
                || !f[with + 2].startsWith("nfs"))
                continue;
            if (++mounts > kMaxNfsMounts) {
                sink.onUnparsed("nfs-ops", "more NFS mounts than the bound; the rest not read");
                return;
            }
            inNfs = true;
            opsOfMount = 0;
            base = NfsOpStats();
            QByteArrayList mp;
            for (qsizetype i = 4; i < with; ++i)
                mp.append(f[i].toByteArray());
            base.mountPoint = ProcfsTextParsers::unescapeOctal(mp.join(' '));
            const QString device = ProcfsTextParsers::unescapeOctal(f[1].toByteArray());
            // server:/export, [v6addr]:/export
            const qsizetype split = device.startsWith(QLatin1Char('[')) ? device.indexOf(QLatin1String("]:")) + 1
                                                                         : device.indexOf(QLatin1Char(':'));
            if (split > 0) {
                base.server = device.left(split);
                if (base.server.startsWith(QLatin1Char('[')) && base.server.endsWith(QLatin1Char(']')))
                    base.server = base.server.mid(1, base.server.size() - 2);
                base.exportPath = device.mid(split + 1);
            } else {
                base.server = device;
            }
            continue;
        }
        if (!inNfs)
            continue;
        const QByteArrayView line = raw.trimmed();
        if (line.startsWith("per-op statistics")) {
            inOps = true;
            continue;
        }
        if (!inOps || line.isEmpty())
            continue;
        // OP: ops trans timeouts bytes_sent bytes_recv queue rtt execute [errors]
        const qsizetype colon = line.indexOf(':');
        const QList<QByteArrayView> n = colon > 0 ? fields(line.mid(colon + 1)) : QList<QByteArrayView>();
        if (colon <= 0 || colon > 40 || n.size() < 8 || number(n[0]) < 0) {
            sink.onUnparsed("nfs-ops", line.left(200));
            continue;
        }
        if (++opsOfMount > kMaxOpsPerMount) {
            if (opsOfMount == kMaxOpsPerMount + 1)
                sink.onUnparsed("nfs-ops", "more per-op lines than the bound on one mount; the rest not read");
            continue;
        }
        NfsOpStats o = base;
        o.op = text(line.left(colon));
        o.ops = number(n[0]);
        o.transmissions = number(n[1]);
        o.timeouts = number(n[2]);
        o.bytesSent = number(n[3]);
        o.bytesReceived = number(n[4]);
        o.queueMs = number(n[5]);
        o.rttMs = number(n[6]);
        o.executeMs = number(n[7]);
        o.errors = n.size() > 8 ? number(n[8]) : -1;
        sink.onNfsOp(o);
    }
}

}
