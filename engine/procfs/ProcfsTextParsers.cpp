#include "ProcfsTextParsers.h"

#include "util/Json.h"
#include "util/SaturatingMath.h"
#include "util/TimeLimits.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace ProcfsTextParsers {

namespace {
void addValue(ProcfsSample &s, const QString &section, const QString &key, const QString &value)
{
    bool ok = false;
    const double n = value.toDouble(&ok);
    s.values.append({section, key, value, ok ? n : 0, ok});
}
}

void hostFile(const QString &path, const QByteArray &content, ProcfsSample &s)
{
    const QString text = QString::fromUtf8(content);
    if (path == QLatin1String("uptime")) {
        const QStringList f = text.simplified().split(QLatin1Char(' '));
        bool ok = false;
        const double up = f.value(0).toDouble(&ok);
        qint64 upUs = 0;
        if (ok && SaturatingMath::toInt64(up * 1e6, 0, TimeLimits::kMaxEpochSeconds * 1000000, upUs)) {
            s.uptimeS = up;
            addValue(s, QStringLiteral("uptime"), QStringLiteral("uptime_s"), f.value(0));
            if (s.takenUs > 0 && s.bootTimeUs == 0)
                s.bootTimeUs = s.takenUs - upUs;
        } else if (ok) {
            s.problems.append(QStringLiteral("uptime %1 is impossible; ignored").arg(f.value(0).left(40)));
        }
    } else if (path == QLatin1String("loadavg")) {
        const QStringList f = text.simplified().split(QLatin1Char(' '));
        if (f.size() >= 4) {
            s.load1 = f[0].toDouble();
            s.load5 = f[1].toDouble();
            s.load15 = f[2].toDouble();
            addValue(s, QStringLiteral("loadavg"), QStringLiteral("load1"), f[0]);
            addValue(s, QStringLiteral("loadavg"), QStringLiteral("load5"), f[1]);
            addValue(s, QStringLiteral("loadavg"), QStringLiteral("load15"), f[2]);
            addValue(s, QStringLiteral("loadavg"), QStringLiteral("entities"), f[3]);
        }
    } else if (path == QLatin1String("stat")) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QStringList f = line.simplified().split(QLatin1Char(' '));
            if (f.size() != 2)
                continue;
            if (f[0] == QLatin1String("btime")) {
                // Precise boot time: btime is whole seconds; prefer it (stable across samples).
                const qint64 btime = f[1].toLongLong();
                if (btime >= 0 && btime <= TimeLimits::kMaxEpochSeconds)
                    s.bootTimeUs = btime * 1000000;
                else
                    s.problems.append(QStringLiteral("btime %1 is impossible; ignored").arg(f[1].left(40)));
                addValue(s, QStringLiteral("stat"), f[0], f[1]);
            } else if (f[0] == QLatin1String("procs_running")) {
                s.procsRunning = f[1].toLongLong();
                addValue(s, QStringLiteral("stat"), f[0], f[1]);
            } else if (f[0] == QLatin1String("procs_blocked")) {
                s.procsBlocked = f[1].toLongLong();
                addValue(s, QStringLiteral("stat"), f[0], f[1]);
            } else if (f[0] == QLatin1String("processes") || f[0] == QLatin1String("ctxt")) {
                addValue(s, QStringLiteral("stat"), f[0], f[1]);
            }
        }
    } else if (path == QLatin1String("meminfo")) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            QString v = line.mid(colon + 1).trimmed();
            if (v.endsWith(QLatin1String(" kB")))
                v.chop(3);
            addValue(s, QStringLiteral("meminfo"), line.left(colon), v);
        }
    } else if (path.startsWith(QLatin1String("pressure/"))) {
        const QString res = path.mid(9);
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QStringList f = line.simplified().split(QLatin1Char(' '));
            if (f.size() < 2)
                continue;
            for (qsizetype i = 1; i < f.size(); ++i) {
                const qsizetype eq = f[i].indexOf(QLatin1Char('='));
                if (eq > 0)
                    addValue(s, QStringLiteral("psi"), res + QLatin1Char('.') + f[0] + QLatin1Char('.') + f[i].left(eq),
                             f[i].mid(eq + 1));
            }
        }
    }
}

QString primaryCgroup(const QByteArray &content)
{
    QString v2;
    for (const QByteArray &line : content.split('\n')) {
        const qsizetype a = line.indexOf(':');
        const qsizetype b = a < 0 ? -1 : line.indexOf(':', a + 1);
        if (b < 0)
            continue;
        const QByteArray controllers = line.mid(a + 1, b - a - 1);
        const QString path = QString::fromUtf8(line.mid(b + 1));
        if (line.startsWith("0::"))
            v2 = path;
        else if (controllers.split(',').contains("memory"))
            return path;
    }
    return v2;
}

void links(const QByteArray &body, ProcfsSample &s)
{
    const QList<QByteArray> parts = body.split('\0');
    QHash<qint64, QSet<QByteArray>> fdsSeen; // pid -> fd numbers (threads share tables)
    QHash<qint64, ProcTask *> leaders;
    QHash<qint64, QList<ProcTask *>> threadsOf;
    for (ProcTask &t : s.tasks)
        threadsOf[t.pid].append(&t);
    struct Counts { int total = 0, inotify = 0, epoll = 0, socket = 0, file = 0; QList<qint64> inodes; bool seen = false; };
    QHash<qint64, Counts> counts;
    QHash<qint64, qint64> pidns;
    for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
        const QByteArray &path = parts[i];
        const QByteArray &target = parts[i + 1];
        const QList<QByteArray> p = path.split('/');
        bool ok = false;
        const qint64 pid = p.value(0).toLongLong(&ok);
        if (!ok || p.size() < 3)
            continue;
        if (p[1] == "ns" && p[2] == "pid") {
            const qsizetype lb = target.indexOf('['), rb = target.indexOf(']');
            if (lb > 0 && rb > lb)
                pidns.insert(pid, target.mid(lb + 1, rb - lb - 1).toLongLong());
            continue;
        }
        const QByteArray fdNo = p.last();
        if (fdsSeen[pid].contains(fdNo))
            continue;
        fdsSeen[pid].insert(fdNo);
        Counts &c = counts[pid];
        c.seen = true;
        ++c.total;
        if (target.startsWith("socket:[")) {
            ++c.socket;
            c.inodes.append(target.mid(8, target.size() - 9).toLongLong());
        } else if (target == "anon_inode:inotify") {
            ++c.inotify;
        } else if (target == "anon_inode:[eventpoll]") {
            ++c.epoll;
        } else if (target.startsWith('/')) {
            ++c.file;
        }
    }
    for (auto it = threadsOf.begin(); it != threadsOf.end(); ++it) {
        const Counts c = counts.value(it.key());
        for (ProcTask *t : *it) {
            t->pidns = pidns.value(it.key());
            if (!c.seen)
                continue;
            t->fdTotal = c.total;
            t->fdInotify = c.inotify;
            t->fdEventpoll = c.epoll;
            t->fdSocket = c.socket;
            t->fdFile = c.file;
            t->socketInodes = c.inodes;
        }
    }
    Q_UNUSED(leaders);
}

void cgroupMemory(const QList<ProcfsStream::File> &files, ProcfsSample &s)
{
    QHash<QString, qsizetype> byDir;
    auto num = [](const QByteArray &c) {
        const QByteArray t = c.trimmed();
        if (t == "max")
            return qint64(-1);
        bool ok = false;
        const qint64 v = t.toLongLong(&ok);
        // cgroup v1 prints "unlimited" as a huge page-aligned number.
        return ok && v < (qint64(1) << 62) ? v : qint64(-1);
    };
    for (const auto &f : files) {
        const QString path = QString::fromUtf8(f.path);
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        const QString dir = path.left(slash);
        const QString file = path.mid(slash + 1);
        if (!byDir.contains(dir)) {
            CgroupMemory c;
            c.version = dir.startsWith(QLatin1String("/sys/fs/cgroup/memory")) && file.contains(QLatin1String("_in_bytes"))
                ? 1 : 2;
            if (file == QLatin1String("memory.oom_control") || file == QLatin1String("memory.failcnt"))
                c.version = 1;
            c.path = c.version == 1 ? dir.mid(21) : dir.mid(14);
            if (c.path.isEmpty())
                c.path = QStringLiteral("/");
            byDir.insert(dir, s.cgroups.size());
            s.cgroups.append(c);
        }
        CgroupMemory &c = s.cgroups[byDir.value(dir)];
        if (file == QLatin1String("memory.max") || file == QLatin1String("memory.limit_in_bytes"))
            c.limit = num(f.content);
        else if (file == QLatin1String("memory.current") || file == QLatin1String("memory.usage_in_bytes"))
            c.usage = num(f.content);
        else if (file == QLatin1String("memory.peak") || file == QLatin1String("memory.max_usage_in_bytes"))
            c.peak = num(f.content);
        else if (file == QLatin1String("memory.events") || file == QLatin1String("memory.oom_control")) {
            for (const QByteArray &line : f.content.split('\n')) {
                const QList<QByteArray> kv = line.simplified().split(' ');
                if (kv.size() != 2)
                    continue;
                if (kv[0] == "oom")
                    c.oomEvents = kv[1].toLongLong();
                else if (kv[0] == "oom_kill")
                    c.oomKills = kv[1].toLongLong();
                else if (kv[0] == "under_oom")
                    c.underOom = kv[1].toLongLong();
            }
        }
    }
}

QString unescapeOctal(const QByteArray &field)
{
    QByteArray out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const QByteArray oct = field.mid(i + 1, 3);
            bool ok = false;
            const int v = oct.toInt(&ok, 8);
            if (ok && oct.size() == 3) {
                out += char(v);
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return QString::fromUtf8(out);
}

void mountinfo(const QByteArray &content, ProcfsSample &s)
{
    for (const QByteArray &line : content.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        const qsizetype dash = f.indexOf("-");
        if (f.size() < 10 || dash < 6 || dash + 3 >= f.size() + 1 || dash + 2 >= f.size())
            continue;
        MountEntry m;
        m.mountId = f[0].toLongLong();
        m.parentId = f[1].toLongLong();
        m.device = QString::fromUtf8(f[2]);
        m.root = unescapeOctal(f[3]);
        m.mountPoint = unescapeOctal(f[4]);
        m.options = QString::fromUtf8(f[5]);
        m.fstype = QString::fromUtf8(f[dash + 1]);
        m.source = unescapeOctal(f[dash + 2]);
        m.superOptions = QString::fromUtf8(f.value(dash + 3));
        s.mounts.append(m);
    }
}

void mountstats(const QByteArray &content, ProcfsSample &s)
{
    NfsMountStats *cur = nullptr;
    QJsonArray ops;
    bool inOps = false;
    auto flush = [&]() {
        if (!cur)
            return;
        QJsonArray sorted = ops;
        std::vector<QJsonObject> v;
        for (const auto &o : ops)
            v.push_back(o.toObject());
        std::sort(v.begin(), v.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QStringLiteral("ops")).toInteger() > b.value(QStringLiteral("ops")).toInteger();
        });
        QJsonArray top;
        for (size_t i = 0; i < v.size() && i < 8; ++i)
            if (v[i].value(QStringLiteral("ops")).toInteger() > 0)
                top.append(v[i]);
        cur->summaryJson = Json::compact(QJsonObject{{QStringLiteral("busiest_ops"), top}});
        ops = QJsonArray();
        cur = nullptr;
    };
    for (const QByteArray &raw : content.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (raw.startsWith("device ")) {
            flush();
            inOps = false;
            // device SRC mounted on MP with fstype TYPE [statvers=...]
            const QList<QByteArray> f = raw.split(' ');
            const qsizetype on = f.indexOf("on"), with = f.lastIndexOf("with");
            if (on < 0 || with < 0 || with + 2 >= f.size() + 0 || f.size() < 7)
                continue;
            const QByteArray fstype = f.value(with + 2);
            if (!fstype.startsWith("nfs"))
                continue;
            NfsMountStats m;
            m.device = unescapeOctal(f[1]);
            m.mountPoint = unescapeOctal(f.mid(on + 1, with - on - 1).join(' '));
            m.fstype = QString::fromUtf8(fstype);
            s.nfsMounts.append(m);
            cur = &s.nfsMounts.last();
        } else if (!cur) {
            continue;
        } else if (line.startsWith("opts:")) {
            cur->options = QString::fromUtf8(line.mid(5).trimmed());
        } else if (line.startsWith("age:")) {
            cur->ageS = line.mid(4).trimmed().toLongLong();
        } else if (line.startsWith("per-op statistics")) {
            inOps = true;
        } else if (inOps) {
            // OP: ops trans timeouts bytes_sent bytes_recv queue rtt execute [errors]
            const qsizetype colon = line.indexOf(':');
            const QList<QByteArray> n = line.mid(colon + 1).simplified().split(' ');
            if (colon <= 0 || n.size() < 8)
                continue;
            const qint64 count = n[0].toLongLong();
            cur->ops += count;
            cur->timeouts += n[2].toLongLong();
            QJsonObject o{{QStringLiteral("op"), QString::fromUtf8(line.left(colon))},
                          {QStringLiteral("ops"), count},
                          {QStringLiteral("timeouts"), n[2].toLongLong()},
                          {QStringLiteral("avg_rtt_ms"), count ? double(n[6].toLongLong()) / count : 0.0},
                          {QStringLiteral("avg_exe_ms"), count ? double(n[7].toLongLong()) / count : 0.0}};
            ops.append(o);
        }
    }
    flush();
}

void netTcp(const QString &proto, const QByteArray &content, ProcfsSample &s)
{
    for (const QByteArray &raw : content.split('\n')) {
        const QList<QByteArray> f = raw.simplified().split(' ');
        // sl local rem st tx:rx tr:when retr uid timeout inode
        if (f.size() < 10 || !f[0].endsWith(':') || f[3] != "0A")
            continue;
        const QList<QByteArray> lp = f[1].split(':');
        if (lp.size() != 2)
            continue;
        const QByteArray hex = lp[0];
        QString addr;
        if (hex.size() == 8) {
            const quint32 v = hex.toUInt(nullptr, 16);
            addr = QStringLiteral("%1.%2.%3.%4").arg(v & 0xff).arg((v >> 8) & 0xff).arg((v >> 16) & 0xff).arg((v >> 24) & 0xff);
        } else if (hex.size() == 32) {
            // Four host-order 32-bit words; print 8 groups, "::" for all-zero.
            quint8 a[16];
            for (int w = 0; w < 4; ++w) {
                const quint32 v = hex.mid(w * 8, 8).toUInt(nullptr, 16);
                for (int b = 0; b < 4; ++b)
                    a[w * 4 + b] = quint8((v >> (8 * b)) & 0xff);
            }
            QStringList groups;
            for (int g = 0; g < 8; ++g)
                groups.append(QString::number((a[2 * g] << 8) | a[2 * g + 1], 16));
            addr = groups.join(QLatin1Char(':'));
            if (addr == QLatin1String("0:0:0:0:0:0:0:0"))
                addr = QStringLiteral("::");
            else if (addr == QLatin1String("0:0:0:0:0:0:0:1"))
                addr = QStringLiteral("::1");
        } else {
            continue;
        }
        ListeningSocket sock;
        sock.proto = proto;
        sock.localAddress = addr;
        sock.localPort = int(lp[1].toUInt(nullptr, 16));
        sock.state = QStringLiteral("LISTEN");
        sock.uid = f[7].toLongLong();
        sock.inode = f[9].toLongLong();
        s.sockets.append(sock);
    }
}

}
