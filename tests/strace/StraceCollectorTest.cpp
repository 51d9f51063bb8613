// The strace collector over LocalTransport (this machine): attaching to a
// process blocked in flock(LOCK_EX) for a bounded time, running a command,
// and the clear errors for a process that does not exist or strace missing.
#include "BlockedFlock.h"
#include "PollUntil.h"
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteStatement.h"
#include "collectors/strace/StraceCollector.h"
#include "collectors/strace/StraceCollectorFactory.h"
#include "strace/StraceQuery.h"
#include "transport/LocalTransport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

class StraceCollectorTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<CaseFile> newCase()
    {
        return CaseFile::create(m_dir.filePath(QStringLiteral("c%1.casebook").arg(++m_n)), QStringLiteral("collect"));
    }

    static CollectorResult collect(CaseFile &cf, const StraceCaptureOptions &o, Transport &t)
    {
        CollectionContext ctx;
        ctx.caseFile = &cf;
        ctx.hostSpec = t.hostSpec();
        StraceCollector c(o);
        return c.collect(t, ctx, CancelToken());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CASEBOOK_REQUIRE_TOOL("strace");
    }

    void optionsFromTheCommandLine()
    {
        const CollectorFactory f = straceCollectorFactory();
        QCommandLineParser p;
        f.addOptions(p);
        QVERIFY(p.parse({QStringLiteral("casectl"), QStringLiteral("--strace-pid"), QStringLiteral("12,34"),
                         QStringLiteral("--duration"), QStringLiteral("3")}));
        QVERIFY(f.fromOptions(p) != nullptr);
        QCommandLineParser bad;
        f.addOptions(bad);
        QVERIFY(bad.parse({QStringLiteral("casectl"), QStringLiteral("--strace-pid"), QStringLiteral("12;rm -rf /")}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.fromOptions(bad));
        QCommandLineParser none;
        f.addOptions(none);
        QVERIFY(none.parse({QStringLiteral("casectl")}));
        QVERIFY(f.fromOptions(none) == nullptr);
        // The command is quoted for sh: quotes inside cannot break out.
        StraceCaptureOptions o;
        o.command = QStringLiteral("echo 'a' \"b\"; true");
        QVERIFY(o.script().contains(QStringLiteral("-- sh -c 'echo '\\''a'\\'' \"b\"; true'")));
    }

    void attachToABlockedFlockAndDetach()
    {
        const QString lock = m_dir.filePath(QStringLiteral("lock"));
        BlockedFlock flock(lock);
        QString error;
        QVERIFY2(flock.start(&error), qPrintable(error));
        const qint64 waiterPid = flock.waiterPid();
        StraceCaptureOptions o;
        o.pids = {waiterPid};
        o.durationSeconds = 3;
        auto cf = newCase();
        LocalTransport t;
        QElapsedTimer clock;
        clock.start();
        const CollectorResult r = collect(*cf, o, t);
        const qint64 tookMs = clock.elapsed();
        const bool stillWaiting = flock.waiterBlocked();
        flock.release();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(stillWaiting); // strace detached cleanly
        QCOMPARE(r.summary.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("duration"));
        qInfo("--strace-pid traced for %d s; the whole collection took %lld ms", o.durationSeconds, tookMs);
        QVERIFY2(tookMs < (o.durationSeconds + 5) * 1000, qPrintable(QString::number(tookMs))); // about 1 s over at most
        QCOMPARE(r.summary.value(QStringLiteral("strace_killed")).toBool(), false);
        const QJsonArray hung = StraceQuery::toJson(StraceQuery(cf->db()).hung());
        QCOMPARE(hung.size(), 1);
        QCOMPARE(hung.first()[QStringLiteral("syscall")].toString(), QStringLiteral("flock"));
        QCOMPARE(hung.first()[QStringLiteral("fd_path")].toString(), lock);
        QCOMPARE(hung.first()[QStringLiteral("unfinished_reason")].toString(), QStringLiteral("detached"));
        QCOMPARE(qint64(hung.first()[QStringLiteral("pid")].toDouble()), waiterPid);
        // Waited at least the traced time (times are UTC, the end is when strace stopped).
        QVERIFY2(hung.first()[QStringLiteral("duration_us")].toDouble() >= 2e6,
                 QJsonDocument(hung.first().toObject()).toJson().constData());
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall")).first().severity, QStringLiteral("high"));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT kind || ' ' || status FROM collections")), QStringLiteral("strace complete"));
        // Nothing left behind on the host.
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM artifacts WHERE kind = 'strace-log' AND complete = 1")), 1);
    }

    // Alive and not a zombie (a process ended but not yet reaped by whoever adopted it is gone for us).
    static bool running(qint64 pid)
    {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray stat = f.readAll();
        const qsizetype paren = stat.lastIndexOf(')');
        return paren > 0 && paren + 2 < stat.size() && stat.at(paren + 2) != 'Z' && stat.at(paren + 2) != 'X';
    }

    // The pids strace saw in the case's (only) collection.
    static QList<qint64> tracedPids(CaseFile &cf)
    {
        QList<qint64> pids;
        SqliteStatement st = cf.db().prepare(QStringLiteral("SELECT pid FROM strace_processes ORDER BY pid"));
        while (st.step())
            pids.append(st.int64(0));
        return pids;
    }

    // --strace-cmd on a command that blocks in flock(LOCK_EX) behind a holder,
    // traced without -y: stops within about a second of the duration (bound
    // generously: duration + 5 s), leaves nothing it launched running, and the
    // hung flock reads the real wait (until strace detached) and the lock's
    // path followed from the open() in the log.
    void commandBlockedInFlockStopsCleanly()
    {
        CASEBOOK_REQUIRE_TOOL("flock");
        const QString lock = m_dir.filePath(QStringLiteral("cmd-lock"));
        BlockedFlock held(lock); // its holder keeps LOCK_EX for the whole test
        QString error;
        QVERIFY2(held.start(&error), qPrintable(error));
        StraceCaptureOptions o;
        o.command = QStringLiteral("flock -x '%1' true; echo never-reached").arg(lock);
        o.durationSeconds = 3;
        o.decodeFds = false;
        auto cf = newCase();
        LocalTransport t;
        QElapsedTimer clock;
        clock.start();
        const CollectorResult r = collect(*cf, o, t);
        const qint64 tookMs = clock.elapsed();
        QVERIFY2(r.ok, qPrintable(r.error));
        qInfo("--strace-cmd traced for %d s; the whole collection took %lld ms", o.durationSeconds, tookMs);
        QVERIFY2(tookMs < (o.durationSeconds + 5) * 1000, qPrintable(QStringLiteral("took %1 ms").arg(tookMs)));
        QCOMPARE(r.summary.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("duration"));
        QCOMPARE(r.summary.value(QStringLiteral("strace_killed")).toBool(), false);
        QCOMPARE(r.summary.value(QStringLiteral("ended_launched")).toBool(), true);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections")), QStringLiteral("complete"));

        // Nothing the command started is left: every traced process ends (it
        // may take its new parent a moment to reap it).
        const QList<qint64> pids = tracedPids(*cf);
        QVERIFY(pids.size() >= 2); // sh -c and flock
        QVERIFY2(pollUntil([&] { return std::none_of(pids.begin(), pids.end(), running); }, 10000, 20),
                 "a process the traced command started is still running");
        QVERIFY(held.waiterBlocked()); // the fixture's own waiter was not touched

        const QList<StraceCallRow> hung = StraceQuery(cf->db()).hung();
        const auto flockCall = std::find_if(hung.begin(), hung.end(), [](const StraceCallRow &c) { return c.syscall == QLatin1String("flock"); });
        QVERIFY2(flockCall != hung.end(), qPrintable(QString::number(hung.size())));
        QVERIFY2(!flockCall->args.contains(QLatin1Char('<')), qPrintable(flockCall->args)); // no -y decoration
        QCOMPARE(flockCall->fdPath.value_or(QString()), lock);
        QVERIFY(flockCall->fdInferred);
        QCOMPARE(flockCall->unfinishedReason(), QStringLiteral("detached"));
        // Waited from its start until strace stopped: most of the traced time, never 0.
        QVERIFY(flockCall->durationUs.has_value());
        QVERIFY2(*flockCall->durationUs >= (o.durationSeconds - 1) * 1000000LL, qPrintable(QString::number(*flockCall->durationUs)));
        QVERIFY2(*flockCall->durationUs <= tookMs * 1000, qPrintable(QString::number(*flockCall->durationUs)));
        const QList<Finding> findings = FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall"));
        const auto finding = std::find_if(findings.begin(), findings.end(), [&](const Finding &f) {
            return !f.evidence.isEmpty() && f.evidence.first().refId == flockCall->callId;
        });
        QVERIFY(finding != findings.end());
        QCOMPARE(finding->severity, QStringLiteral("high"));
        QVERIFY2(finding->title.contains(lock), qPrintable(finding->title));
        QVERIFY2(!finding->title.contains(QStringLiteral("waited 0.000 s")), qPrintable(finding->title));
    }

    // --strace-keep-running leaves the launched command running (the test ends it).
    void commandKeptRunningWhenAsked()
    {
        CASEBOOK_REQUIRE_TOOL("flock");
        const QString lock = m_dir.filePath(QStringLiteral("keep-lock"));
        BlockedFlock held(lock);
        QString error;
        QVERIFY2(held.start(&error), qPrintable(error));
        StraceCaptureOptions o;
        o.command = QStringLiteral("exec flock -x '%1' true").arg(lock);
        o.durationSeconds = 2;
        o.keepRunning = true;
        auto cf = newCase();
        LocalTransport t;
        const CollectorResult r = collect(*cf, o, t);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.summary.value(QStringLiteral("ended_launched")).toBool(), false);
        const qint64 flockPid = cf->db().queryInt(QStringLiteral("SELECT pid FROM strace_processes WHERE instr(exec, '/flock\"') > 0"));
        QVERIFY(flockPid > 0);
        const bool alive = running(flockPid);
        ::kill(pid_t(flockPid), SIGKILL);
        QVERIFY(alive);
    }

    // A strace that ignores SIGTERM (as one stuck on a tracee in the kernel
    // can): it is killed after 2 s, and the collection is partial with a gap
    // saying so, never complete. The stand-in is first on PATH.
    void straceThatWillNotStopIsKilledAndSaidSo()
    {
        const QString bin = m_dir.filePath(QStringLiteral("fake-bin"));
        QVERIFY(QDir().mkpath(bin));
        QFile fake(bin + QStringLiteral("/strace"));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        // Writes one call to the -o file, then ignores SIGTERM and waits.
        fake.write("#!/bin/sh\n"
                   "while [ $# -gt 0 ]; do [ \"$1\" = -o ] && out=$2; shift; done\n"
                   "echo '4242  12:00:00.000001 flock(3, LOCK_EX <unfinished ...>' > \"$out\"\n"
                   "trap '' TERM INT\n"
                   "exec sleep 600\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", bin.toUtf8() + ':' + path);
        StraceCaptureOptions o;
        o.pids = {qint64(::getpid())}; // never attached: the stand-in does not trace
        o.durationSeconds = 1;
        auto cf = newCase();
        LocalTransport t;
        const CollectorResult r = collect(*cf, o, t);
        qputenv("PATH", path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.summary.value(QStringLiteral("strace_killed")).toBool(), true);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections")), QStringLiteral("partial"));
        QVERIFY(cf->db().queryText(QStringLiteral("SELECT error FROM collections")).contains(QStringLiteral("killed")));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT what || ' ' || reason FROM collection_gaps")), QStringLiteral("strace-detach killed"));
        // What it wrote is kept.
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE syscall = 'flock'")), 1);
    }

    void runACommand()
    {
        StraceCaptureOptions o;
        o.command = QStringLiteral("ls /nonexistent-casebook-collect 2>/dev/null; exit 0");
        o.durationSeconds = 20;
        auto cf = newCase();
        LocalTransport t;
        const CollectorResult r = collect(*cf, o, t);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.summary.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("exited"));
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE errno = 'ENOENT' "
                                                 "AND instr(args, '/nonexistent-casebook-collect') > 0")) >= 1);
    }

    void clearErrors()
    {
        StraceCaptureOptions o;
        o.pids = {0x7ffffff0};
        o.durationSeconds = 2;
        auto cf = newCase();
        LocalTransport t;
        CollectorResult r = collect(*cf, o, t);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("no such process")), qPrintable(r.error));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections")), QStringLiteral("failed"));

        // A host without strace: PATH without it.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent-bin");
        StraceCaptureOptions c;
        c.command = QStringLiteral("true");
        auto cf2 = newCase();
        r = collect(*cf2, c, t);
        qputenv("PATH", path);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("strace is not installed")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(StraceCollectorTest)
#include "StraceCollectorTest.moc"
