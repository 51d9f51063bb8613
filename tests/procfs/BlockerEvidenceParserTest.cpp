#include "procfs/BlockerEvidenceList.h"
#include "procfs/BlockerEvidenceParser.h"
#include "procfs/ProcfsReadErrors.h"
#include "procfs/ProcfsSnapshotParser.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Golden tests of the blocker evidence parsers: each NAME.in under
// tests/data/procfs/blocker-evidence goes through the parser its prefix
// names, the rows are rendered one per line and compared with NAME.expected.
// Real formats and hostile ones (lines cut short, numbers past 64 bits,
// garbage, markup). Regenerate after a deliberate change with
// tests/data/procfs/blocker-evidence/regenerate.sh.
namespace {

QString n(qint64 v) { return QString::number(v); }

QString render(const FileLock &l)
{
    return QStringLiteral("lock source=%1 id=%2 waiter=%3 depth=%4 kind=%5 type=%6 mode=%7 pid=%8 fd=%9 owner=%10 dev=%11 ino=%12"
                          " range=%13-%14")
        .arg(l.source, n(l.lockId), n(l.isWaiter), n(l.waitDepth), l.kind, l.type, l.mode, n(l.pid), n(l.fd))
        .arg(n(l.ownerPid), l.device, n(l.inode), n(l.start), n(l.end));
}

QString render(const FdTarget &f)
{
    return QStringLiteral("fd pid=%1 tid=%2 fd=%3 kind=%4 mnt=%5 ino=%6 flags=%7 pos=%8 target=%9")
        .arg(n(f.pid), n(f.tid), n(f.fd), f.kind, n(f.mntId), n(f.inode), f.flags, n(f.pos), f.target);
}

QString render(const TaskSched &s)
{
    return QStringLiteral("sched pid=%1 tid=%2 vol=%3 nonvol=%4 run=%5 wait=%6 slices=%7 sigpnd=%8 shdpnd=%9 sigblk=%10 kill=%11")
        .arg(n(s.pid), n(s.tid), n(s.voluntary), n(s.nonvoluntary), n(s.runNs), n(s.waitNs), n(s.timeslices), s.sigPnd, s.shdPnd)
        .arg(s.sigBlk, n(s.pending(9)));
}

QString render(const TaskCgroup &c)
{
    return QStringLiteral("cgroup pid=%1 tid=%2 hierarchy=%3 controllers=%4 path=%5")
        .arg(n(c.pid), n(c.tid), n(c.hierarchy), c.controllers, c.path);
}

QString render(const NfsOpStats &o)
{
    return QStringLiteral("nfs mount=%1 server=%2 export=%3 op=%4 ops=%5 trans=%6 timeouts=%7 sent=%8 recv=%9 queue=%10 rtt=%11"
                          " exe=%12 errors=%13")
        .arg(o.mountPoint, o.server, o.exportPath, o.op, n(o.ops), n(o.transmissions), n(o.timeouts), n(o.bytesSent),
             n(o.bytesReceived))
        .arg(n(o.queueMs), n(o.rttMs), n(o.executeMs), n(o.errors));
}

QStringList render(const BlockerEvidence &e, const QStringList &problems)
{
    QStringList out;
    for (const auto &x : e.locks) out.append(render(x));
    for (const auto &x : e.fds) out.append(render(x));
    for (const auto &x : e.involved) out.append(QStringLiteral("involved pid=%1 reason=%2").arg(n(x.pid), x.reason));
    for (const auto &x : e.sched) out.append(render(x));
    for (const auto &x : e.taskCgroups) out.append(render(x));
    for (const auto &x : e.nfsOps) out.append(render(x));
    for (const auto &p : problems) out.append(QStringLiteral("problem ") + p);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString dataDir() { return qEnvironmentVariable("CASEBOOK_TEST_DATA") + QStringLiteral("/procfs/blocker-evidence"); }

// Runs the parser named by the file's prefix.
QStringList parseByName(const QString &name, const QByteArray &in)
{
    BlockerEvidence e;
    BlockerEvidenceList sink(e);
    if (name.startsWith(QLatin1String("locks-"))) {
        BlockerEvidenceParser::procLocks(in, sink);
    } else if (name.startsWith(QLatin1String("fdinfo-"))) {
        FdTarget fd;
        fd.pid = 2210;
        fd.fd = 7;
        BlockerEvidenceParser::fdinfo(in, &fd, sink);
        e.fds.append(fd);
    } else if (name.startsWith(QLatin1String("status-"))) {
        TaskSched s;
        s.pid = s.tid = 4242;
        for (const QByteArray &line : in.split('\n'))
            BlockerEvidenceParser::statusLine(line, &s);
        e.sched.append(s);
    } else if (name.startsWith(QLatin1String("schedstat-"))) {
        for (const QByteArray &line : in.split('\n')) {
            TaskSched s;
            if (!BlockerEvidenceParser::schedstat(line, &s))
                sink.onUnparsed("schedstat", line);
            else
                e.sched.append(s);
        }
    } else if (name.startsWith(QLatin1String("cgroup-"))) {
        BlockerEvidenceParser::taskCgroups(77, 78, in, sink);
    } else if (name.startsWith(QLatin1String("mountstats-"))) {
        BlockerEvidenceParser::nfsOps(in, sink);
    } else if (name.startsWith(QLatin1String("stream-"))) {
        const QByteArray err = readAll(dataDir() + QLatin1Char('/') + QString(name).replace(QLatin1String(".in"), QLatin1String(".err")));
        QStringList out;
        ProcfsSnapshotParser p;
        p.onSample = [&](const ProcfsSample &s) {
            QStringList problems = s.problems;
            for (const CollectionGap &g : s.gaps)
                problems.append(QStringLiteral("gap what=%1 reason=%2 count=%3 detail=%4").arg(g.what, g.reason).arg(g.count).arg(g.detail));
            for (const CgroupMemory &c : s.cgroups)
                problems.append(QStringLiteral("cgroup-memory v%1 %2 limit=%3 usage=%4 oom_kill=%5")
                                    .arg(c.version).arg(c.path).arg(c.limit).arg(c.usage).arg(c.oomKills));
            out += render(s.evidence, problems);
        };
        p.parse(in, err);
        return out;
    }
    return render(e, sink.problems());
}

}

class BlockerEvidenceParserTest : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList inputs = QDir(dataDir()).entryList({QStringLiteral("*.in")}, QDir::Files, QDir::Name);
        QVERIFY(inputs.size() >= 10);
        for (const QString &in : inputs)
            QTest::newRow(qPrintable(in)) << in;
    }

    void golden()
    {
        QFETCH(QString, name);
        const QByteArray in = readAll(dataDir() + QLatin1Char('/') + name);
        QVERIFY(!in.isEmpty());
        const QString actual = parseByName(name, in).join(QLatin1Char('\n')) + QLatin1Char('\n');
        const QString expectedPath = dataDir() + QLatin1Char('/') + QString(name).replace(QLatin1String(".in"), QLatin1String(".expected"));
        if (qEnvironmentVariableIsSet("CASEBOOK_REGENERATE_GOLDEN")) {
            QFile f(expectedPath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(actual.toUtf8());
        }
        QCOMPARE(actual, QString::fromUtf8(readAll(expectedPath)));
    }

    // The parsers stay bounded on input built to exceed the bounds.
    void boundsHold()
    {
        QByteArray many;
        for (int i = 0; i < BlockerEvidenceParser::kMaxNfsMounts + 10; ++i)
            many += "device s:/e mounted on /m" + QByteArray::number(i) + " with fstype nfs\n\tper-op statistics\n\tGETATTR: 1 1 0 1 1 1 1 1 0\n";
        BlockerEvidence e;
        BlockerEvidenceList sink(e);
        BlockerEvidenceParser::nfsOps(many, sink);
        QCOMPARE(e.nfsOps.size(), BlockerEvidenceParser::kMaxNfsMounts);
        QCOMPARE(sink.problems().size(), 1);
        QVERIFY(sink.problems().first().contains(QStringLiteral("bound")));

        QByteArray ops = "device s:/e mounted on /m with fstype nfs\n\tper-op statistics\n";
        for (int i = 0; i < BlockerEvidenceParser::kMaxOpsPerMount + 5; ++i)
            ops += "\tOP" + QByteArray::number(i) + ": 1 1 0 1 1 1 1 1 0\n";
        BlockerEvidence e2;
        BlockerEvidenceList sink2(e2);
        BlockerEvidenceParser::nfsOps(ops, sink2);
        QCOMPARE(e2.nfsOps.size(), BlockerEvidenceParser::kMaxOpsPerMount);

        // A 16 MiB /proc/locks line and a NUL-laden one are refused, not kept.
        BlockerEvidence e3;
        BlockerEvidenceList sink3(e3);
        BlockerEvidenceParser::procLocks(QByteArray(16 << 20, 'A') + "\n1: FLOCK\0 ADVISORY WRITE 1 00:01:2 0 EOF\n", sink3);
        QVERIFY(e3.locks.isEmpty());
        QCOMPARE(sink3.problems().size(), 1);
        QVERIFY(sink3.problems().first().size() < 300);
    }

    void signalMasks()
    {
        QVERIFY(TaskSched::maskHas(QStringLiteral("0000000000000100"), 9));
        QVERIFY(!TaskSched::maskHas(QStringLiteral("0000000000000100"), 8));
        QVERIFY(TaskSched::maskHas(QStringLiteral("8000000000000000"), 64));
        QVERIFY(!TaskSched::maskHas(QStringLiteral("8000000000000000"), 65));
        QVERIFY(!TaskSched::maskHas(QStringLiteral("10000000000000000"), 17)); // 17 digits: not a status mask
        QVERIFY(!TaskSched::maskHas(QStringLiteral("zz"), 1));
    }

    void cappedStepsAreCutGaps()
    {
        QHash<QByteArray, QByteArray> errors;
        errors.insert("INVOLVED", "casebook: capped: fd-targets: read 64 of 90 involved processes\n");
        errors.insert("FDINFO", "casebook: capped: fdinfo: read 1024 of 5000 fds of process 12\n"
                                "grep: 12/fdinfo/7: No such file or directory\n");
        const QList<CollectionGap> gaps = ProcfsReadErrors::gaps(errors);
        QStringList seen;
        for (const CollectionGap &g : gaps)
            seen.append(QStringLiteral("%1/%2/%3/%4").arg(g.what, g.reason).arg(g.count).arg(g.makesPartial()));
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("fd-targets/cut/1/1"), QStringLiteral("fdinfo/cut/1/1"),
                                    QStringLiteral("fdinfo/vanished/1/0")}));
    }
};

QTEST_GUILESS_MAIN(BlockerEvidenceParserTest)
#include "BlockerEvidenceParserTest.moc"
