// The strace collector over LocalTransport (this machine): attaching to a
// process blocked in flock(LOCK_EX) for a bounded time, running a command,
// and the clear errors for a process that does not exist or strace missing.
#include "BlockedFlock.h"
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "collectors/strace/StraceCollector.h"
#include "collectors/strace/StraceCollectorFactory.h"
#include "strace/StraceQuery.h"
#include "transport/LocalTransport.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

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
        o.durationSeconds = 3; // the host script counts whole seconds: traced 2..3 s
        auto cf = newCase();
        LocalTransport t;
        const CollectorResult r = collect(*cf, o, t);
        const bool stillWaiting = flock.waiterBlocked();
        flock.release();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(stillWaiting); // strace detached cleanly
        QCOMPARE(r.summary.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("duration"));
        const QJsonArray hung = StraceQuery(cf->db()).hung();
        QCOMPARE(hung.size(), 1);
        QCOMPARE(hung.first()[QStringLiteral("syscall")].toString(), QStringLiteral("flock"));
        QCOMPARE(hung.first()[QStringLiteral("fd_path")].toString(), lock);
        QCOMPARE(hung.first()[QStringLiteral("unfinished_reason")].toString(), QStringLiteral("detached"));
        QCOMPARE(qint64(hung.first()[QStringLiteral("pid")].toDouble()), waiterPid);
        // Waited at least the traced time (times are UTC, the end is when strace stopped).
        QVERIFY2(hung.first()[QStringLiteral("duration_us")].toDouble() >= 1.5e6,
                 QJsonDocument(hung.first().toObject()).toJson().constData());
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall")).first().severity, QStringLiteral("high"));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT kind || ' ' || status FROM collections")), QStringLiteral("strace complete"));
        // Nothing left behind on the host.
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM artifacts WHERE kind = 'strace-log' AND complete = 1")), 1);
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
