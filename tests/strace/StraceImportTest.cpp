// Imports traces made here with the system's strace (combined -f, -ff, every
// timestamp style, a flock LOCK_EX blocked by another holder and traced by
// attaching then detaching, a process killed by a signal) and the seed 004
// excerpt; checks stored fields, findings and casectl import/strace.
#include "BlockedFlock.h"
#include "PollUntil.h"
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteStatement.h"
#include "importers/ImporterCatalog.h"
#include "strace/StraceClock.h"
#include "strace/StraceQuery.h"
#include "util/TimeUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class StraceImportTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_strace;
    int m_caseNo = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs a program to completion; returns its exit code (-1 if it did not finish).
    static int run(const QString &program, const QStringList &args, int timeoutMs = 30000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    std::unique_ptr<CaseFile> newCase()
    {
        return CaseFile::create(path(QStringLiteral("c%1.casebook").arg(++m_caseNo)), QStringLiteral("strace test"));
    }

    static ImportResult importPaths(CaseFile &cf, const QStringList &paths, qint64 hostId = 0)
    {
        auto imp = ImporterCatalog::byKind(QStringLiteral("strace"));
        ImportRequest req;
        req.caseFile = &cf;
        req.hostId = hostId;
        req.paths = paths;
        return imp->import(req, CancelToken());
    }

    static qint64 count(CaseFile &cf, const QString &sql)
    {
        return cf.db().queryInt(sql);
    }

    static QByteArray fileBytes(const QString &p)
    {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        CASEBOOK_REQUIRE_TOOL("strace");
        m_strace = TestEnv::tool("strace");
        // Can we trace at all here? Only a kernel that forbids ptrace outright
        // (Yama ptrace_scope 3) is a limitation; anything else is a failure.
        const bool traces = run(m_strace, {QStringLiteral("-o"), path(QStringLiteral("probe.log")), QStringLiteral("true")}) == 0;
        if (!traces && fileBytes(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope")).trimmed() == "3")
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("the kernel forbids ptrace (kernel.yama.ptrace_scope = 3)"));
        CASEBOOK_REQUIRE(traces, QStringLiteral("permission to ptrace (strace -o FILE true failed)"));
    }

    void combinedLogFieldsAndTree()
    {
        const QString data = path(QStringLiteral("input.txt"));
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello\n");
        f.close();
        const QString log = path(QStringLiteral("comb.log"));
        QCOMPARE(run(m_strace, {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"),
                                QStringLiteral("-o"), log, QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("cat %1 >/dev/null; ls /nonexistent-casebook-xyz 2>/dev/null; exit 3").arg(data)}),
                 3);
        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {log});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.collectionIds.size(), 1);
        QCOMPARE(count(*cf, QStringLiteral("SELECT unparsed FROM strace_traces")), 0);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT time_style FROM strace_traces")), QStringLiteral("tt"));
        QCOMPARE(count(*cf, QStringLiteral("SELECT has_durations FROM strace_traces")), 1);
        // The raw log is stored verbatim with its SHA-256.
        const QByteArray raw = fileBytes(log);
        const qint64 artifactId = count(*cf, QStringLiteral("SELECT artifact_id FROM strace_traces"));
        ArtifactReader reader(cf->db());
        QCOMPARE(reader.readAll(artifactId), raw);
        QCOMPARE(reader.info(artifactId)->sha256, QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
        // Every line of the log is accounted for: each call row points to a line that names its syscall.
        const QList<QByteArray> lines = raw.split('\n');
        SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT line, syscall, pid FROM strace_calls"));
        int rows = 0;
        while (st.step()) {
            ++rows;
            const QByteArray l = lines.value(int(st.int64(0)) - 1);
            QVERIFY2(l.startsWith(QByteArray::number(st.int64(2)) + ' '), l.constData());
            QVERIFY2(l.contains(st.text(1).toUtf8()), l.constData());
        }
        QVERIFY(rows > 20);
        // The open of input.txt: fd and path from -yy.
        SqliteStatement open = cf->db().prepare(QStringLiteral(
            "SELECT ret, fd, fd_path, errno, duration_us, unfinished FROM strace_calls WHERE syscall = 'openat' AND instr(args, ?) > 0"));
        open.bind(1, QString(QLatin1Char('"') + data + QLatin1Char('"')));
        QVERIFY(open.step());
        QVERIFY(open.int64(0) >= 0);
        QCOMPARE(open.int64(1), open.int64(0));
        QCOMPARE(open.text(2), data);
        QVERIFY(open.isNull(3));
        QVERIFY(!open.isNull(4));
        QCOMPARE(open.int64(5), 0);
        // ls failed with ENOENT on the missing path, errno text kept once.
        QVERIFY(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE errno = 'ENOENT' AND ret = -1 "
                                          "AND instr(args, '/nonexistent-casebook-xyz') > 0")) >= 1);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT text FROM strace_errnos WHERE name = 'ENOENT'")),
                 QStringLiteral("No such file or directory"));
        // Process tree: sh forked cat and ls, exec'd them, sh exited 3.
        StraceQuery q(cf->db());
        const QJsonArray procs = StraceQuery::toJson(q.processes());
        QCOMPARE(procs.size(), 3);
        qint64 shPid = 0;
        int children = 0;
        for (const QJsonValue &v : procs)
            if (v[QStringLiteral("exec")].toString().startsWith(QStringLiteral("\"/usr/bin/sh\"")) ||
                v[QStringLiteral("exec")].toString().startsWith(QStringLiteral("\"/bin/sh\""))) {
                shPid = qint64(v[QStringLiteral("pid")].toDouble());
                QCOMPARE(qint64(v[QStringLiteral("exit_code")].toDouble()), 3);
            }
        QVERIFY(shPid > 0);
        for (const QJsonValue &v : procs)
            if (qint64(v[QStringLiteral("parent_pid")].toDouble()) == shPid) {
                ++children;
                QVERIFY(v[QStringLiteral("exec")].toString().contains(QStringLiteral("cat")) ||
                        v[QStringLiteral("exec")].toString().contains(QStringLiteral("ls")));
            }
        QCOMPARE(children, 2);
        // strace -c like summary adds up to the rows.
        qint64 calls = 0;
        for (const QJsonValue &v : StraceQuery::toJson(q.summary(false)))
            calls += qint64(v[QStringLiteral("calls")].toDouble());
        QCOMPARE(calls, count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE kind = 0 AND unfinished = 0")));
        QVERIFY(!StraceQuery::toJson(q.fds()).isEmpty());
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("strace-summary")).size(), 1);
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("strace-errors")).size(), 1);
    }

    void perProcessFilesFromADirectory()
    {
        const QString dir = path(QStringLiteral("ff"));
        QVERIFY(QDir().mkpath(dir));
        QCOMPARE(run(m_strace, {QStringLiteral("-ff"), QStringLiteral("-tt"), QStringLiteral("-y"), QStringLiteral("-o"),
                                dir + QStringLiteral("/str-envoy"), QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("cat /dev/null & wait; true")}),
                 0);
        const QStringList files = QDir(dir).entryList(QDir::Files);
        QVERIFY2(files.size() >= 2, qPrintable(files.join(QLatin1Char(' '))));
        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {dir});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_traces")), files.size());
        // Each file's calls carry the pid of its suffix.
        SqliteStatement st = cf->db().prepare(QStringLiteral(
            "SELECT t.name, t.file_pid, COUNT(*), MIN(c.pid), MAX(c.pid) FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id GROUP BY t.id"));
        int n = 0;
        while (st.step()) {
            ++n;
            QCOMPARE(st.text(0), QStringLiteral("str-envoy.%1").arg(st.int64(1)));
            QCOMPARE(st.int64(3), st.int64(1));
            QCOMPARE(st.int64(4), st.int64(1));
        }
        QCOMPARE(n, files.size());
        // grep across the per-process files, like `grep /dev/null str-envoy.*`.
        const QJsonArray hits = StraceQuery::toJson(StraceQuery(cf->db()).grep(QStringLiteral("/dev/null")));
        QVERIFY(!hits.isEmpty());
        for (const QJsonValue &h : hits)
            QVERIFY(h[QStringLiteral("trace")].toString().startsWith(QStringLiteral("str-envoy.")));
        // The child (cat) has the shell as parent, across files.
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_processes WHERE parent_pid IS NOT NULL")), files.size() - 1);
    }

    void everyTimestampStyle_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("style");
        QTest::newRow("none") << QStringList{} << QStringLiteral("none");
        QTest::newRow("-t") << QStringList{QStringLiteral("-t")} << QStringLiteral("t");
        QTest::newRow("-tt") << QStringList{QStringLiteral("-tt")} << QStringLiteral("tt");
        QTest::newRow("-ttt") << QStringList{QStringLiteral("-ttt")} << QStringLiteral("ttt");
        QTest::newRow("-r") << QStringList{QStringLiteral("-r")} << QStringLiteral("r");
        QTest::newRow("-f -tt -T") << QStringList{QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T")} << QStringLiteral("tt");
    }

    void everyTimestampStyle()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, style);
        const QString log = path(QStringLiteral("ts-%1.log").arg(style + QString::number(options.size())));
        const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000;
        QCOMPARE(run(m_strace, options + QStringList{QStringLiteral("-o"), log, QStringLiteral("true")}), 0);
        const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1000;
        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {log});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT time_style FROM strace_traces")), style);
        QCOMPARE(count(*cf, QStringLiteral("SELECT unparsed FROM strace_traces")), 0);
        SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT syscall, time_us, args FROM strace_calls ORDER BY line LIMIT 1"));
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("execve"));
        QVERIFY(st.text(2).startsWith(QStringLiteral("\"")));
        if (style == QLatin1String("none")) {
            QVERIFY(st.isNull(1));
        } else if (style == QLatin1String("r")) {
            QCOMPARE(st.int64(1), 0);
        } else {
            const qint64 slack = style == QLatin1String("t") ? 2000000 : 1000;
            QVERIFY2(st.int64(1) >= before - slack && st.int64(1) <= after + slack,
                     qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(st.int64(1)).arg(before).arg(after)));
        }
        // exit_group's "= ?" is stored as text, no number.
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT ret_text FROM strace_calls WHERE syscall = 'exit_group'")), QStringLiteral("?"));
    }

    void flockBlockedThenDetachedIsAHungCall()
    {
        const QString lock = path(QStringLiteral("lockfile"));
        BlockedFlock flock(lock);
        QString error;
        QVERIFY2(flock.start(&error), qPrintable(error)); // the waiter is blocked in flock(LOCK_EX)
        const qint64 waiterPid = flock.waiterPid();
        const QString log = path(QStringLiteral("flock.log"));
        QProcess tracer;
        tracer.start(m_strace, {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"),
                                QStringLiteral("-o"), log, QStringLiteral("-p"), QString::number(waiterPid)});
        QVERIFY(tracer.waitForStarted());
        // Attached once strace has written the interrupted call.
        const bool attached = pollUntil([&] { return fileBytes(log).contains("flock("); }, 10000, 50);
        ::kill(pid_t(tracer.processId()), SIGINT); // strace detaches from the tracee
        QVERIFY(tracer.waitForFinished(20000));
        QVERIFY(flock.waiterBlocked()); // still waiting: detaching did not disturb it
        flock.release();
        QVERIFY2(attached, fileBytes(log).constData());

        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {log});
        QVERIFY2(r.ok, qPrintable(r.error));
        const QJsonArray hung = StraceQuery::toJson(StraceQuery(cf->db()).hung());
        QCOMPARE(hung.size(), 1);
        const QJsonObject h = hung.first().toObject();
        QCOMPARE(h[QStringLiteral("syscall")].toString(), QStringLiteral("flock"));
        QCOMPARE(qint64(h[QStringLiteral("pid")].toDouble()), waiterPid);
        QVERIFY2(h[QStringLiteral("args")].toString().endsWith(QStringLiteral(", LOCK_EX")), qPrintable(h[QStringLiteral("args")].toString()));
        QCOMPARE(h[QStringLiteral("fd_path")].toString(), lock);
        QCOMPARE(h[QStringLiteral("unfinished_reason")].toString(), QStringLiteral("detached"));
        QVERIFY(h[QStringLiteral("duration_us")].toDouble() >= 0);
        QCOMPARE(count(*cf, QStringLiteral("SELECT detached FROM strace_traces")), 1);
        const QList<Finding> f = FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall"));
        QCOMPARE(f.size(), 1);
        QVERIFY(f.first().title.contains(QStringLiteral("flock(")));
        QCOMPARE(f.first().evidence.first().refKind, QStringLiteral("strace-call"));
        QCOMPARE(f.first().evidence.first().refId, qint64(h[QStringLiteral("call_id")].toDouble()));
        // On the timeline too, linked to the call.
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM events WHERE source = 'strace' AND kind = 'hung-syscall' "
                                           "AND ref_kind = 'strace-call' AND ref_id = %1").arg(qint64(h[QStringLiteral("call_id")].toDouble()))), 1);
    }

    void processKilledBySignal()
    {
        const QString log = path(QStringLiteral("killed.log"));
        run(m_strace, {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-o"), log, QStringLiteral("sh"),
                       QStringLiteral("-c"), QStringLiteral("kill -KILL $$")});
        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {log});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_processes WHERE killed_by = 'SIGKILL' AND exit_code IS NULL")), 1);
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE syscall = 'kill' AND instr(args, 'SIGKILL') > 0")), 1);
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("process-killed")).size(), 1);
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM events WHERE source = 'strace' AND kind = 'process-killed'")), 1);
    }

    void seed004Excerpts()
    {
        auto cf = newCase();
        const QString bare = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/seed004-php-fpm.strace");
        const QString full = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/seed004-php-fpm-f.strace");
        ImportResult r = importPaths(*cf, {bare});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("cut short")));
        r = importPaths(*cf, {full});
        QVERIFY2(r.ok, qPrintable(r.error));
        StraceQuery q(cf->db(), r.collectionIds.first());
        const QJsonArray hung = StraceQuery::toJson(q.hung());
        QCOMPARE(hung.size(), 2); // flock LOCK_EX and the idle epoll_wait
        QStringList names;
        for (const QJsonValue &v : hung)
            names.append(v[QStringLiteral("syscall")].toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("epoll_wait"), QStringLiteral("flock")}));
        const QList<Finding> f = FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall"));
        QCOMPARE(f.size(), 2); // one per import: the bare excerpt's and this one's flock
        for (const Finding &x : f)
            QVERIFY(x.title.contains(QStringLiteral("LOCK_EX")));
        QCOMPARE(FindingStore(cf->db()).list(0, QStringLiteral("strace-idle-waits")).size(), 1);
        // Calls aggregated per process on the timeline: one event per process, at its first call.
        const qint64 coll = r.collectionIds.first();
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM events WHERE source = 'strace' AND kind = 'strace-process'"
                                           " AND collection_id = %1").arg(coll)),
                 count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_processes WHERE collection_id = %1").arg(coll)));
        QCOMPARE(count(*cf, QStringLiteral("SELECT e.at_us - p.first_us FROM events e JOIN strace_processes p ON p.collection_id = e.collection_id"
                                           " AND e.summary LIKE 'pid ' || p.pid || ':%' WHERE e.kind = 'strace-process' AND p.pid = 14437"
                                           " AND e.collection_id = %1").arg(coll)),
                 0);
        QVERIFY(cf->db().queryText(QStringLiteral("SELECT summary FROM events WHERE kind = 'strace-process' AND summary LIKE 'pid 14439:%%'"))
                    .contains(QStringLiteral(" calls over ")));
        QVERIFY(cf->db().queryText(QStringLiteral("SELECT detail FROM events WHERE kind = 'strace-process' AND summary LIKE 'pid 14439:%%'"
                                                  " AND collection_id = %1").arg(coll)).contains(QStringLiteral("killed by SIGKILL")));
        // -yy decorations and odd results, exactly.
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT fd_path FROM strace_calls WHERE syscall = 'connect'")),
                 QStringLiteral("TCP:[10.1.84.20:51234->10.1.84.31:2049]"));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT fd_path FROM strace_calls WHERE syscall = 'read'")),
                 QStringLiteral("socket:[123456]"));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT errno FROM strace_calls WHERE syscall = 'read'")), QStringLiteral("EAGAIN"));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT ret_text || ' ' || errno FROM strace_calls WHERE syscall = 'restart_syscall'")),
                 QStringLiteral("? ERESTARTSYS"));
        QCOMPARE(count(*cf, QStringLiteral("SELECT duration_us FROM strace_calls WHERE syscall = 'restart_syscall'")), 5000001);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT killed_by FROM strace_processes WHERE pid = 14439")), QStringLiteral("SIGKILL"));
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE kind = 1 AND syscall = 'SIGCHLD' AND pid = 14439")), 1);
    }

    void hugeLinesAndGarbageAreKeptNotFatal()
    {
        const QString big = path(QStringLiteral("big.txt"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1 << 20, 'a'));
        f.close();
        const QString log = path(QStringLiteral("big.log"));
        QCOMPARE(run(m_strace, {QStringLiteral("-s"), QStringLiteral("2000000"), QStringLiteral("-e"), QStringLiteral("trace=read"),
                                QStringLiteral("-o"), log, QStringLiteral("dd"), QStringLiteral("if=") + big,
                                QStringLiteral("of=/dev/null"), QStringLiteral("bs=1M"), QStringLiteral("count=1")}),
                 0);
        QByteArray bytes = fileBytes(log);
        quint32 x = 7;
        for (int i = 0; i < 100000; ++i) {
            x = x * 1664525 + 1013904223;
            bytes.append(char(x >> 24));
        }
        const QString mixed = path(QStringLiteral("mixed.log"));
        QFile m(mixed);
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write(bytes);
        m.close();
        auto cf = newCase();
        const ImportResult r = importPaths(*cf, {mixed});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(count(*cf, QStringLiteral("SELECT unparsed FROM strace_traces")) > 0);
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_unparsed")), count(*cf, QStringLiteral("SELECT unparsed FROM strace_traces")));
        QCOMPARE(count(*cf, QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE syscall = 'read' AND ret = 1048576 AND length(args) > 1048576")), 1);
        QCOMPARE(ArtifactReader(cf->db()).readAll(count(*cf, QStringLiteral("SELECT artifact_id FROM strace_traces"))), bytes);
    }

    void casectlImportAndStrace()
    {
        const QString cs = path(QStringLiteral("cli.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("cli")}).exitCode, 0);
        const QString full = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/seed004-php-fpm-f.strace");
        CasectlResult r = runCasectl({QStringLiteral("import"), cs, full, QStringLiteral("--host"), QStringLiteral("web-3"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("imports")].toArray().first()[QStringLiteral("kind")].toString(), QStringLiteral("strace"));
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--hung"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray hung = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hung.size(), 2);
        QCOMPARE(hung.first()[QStringLiteral("host")].toString(), QStringLiteral("web-3"));
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--grep"), QStringLiteral("LOCK_EX")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("seed004-php-fpm-f.strace:6: pid 14437"));
        QCOMPARE(runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--grep"), QStringLiteral("no-such-text-anywhere")}).exitCode, 1);
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--summary")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("% time"));
        QVERIFY(r.out.contains("flock"));
        // Not an strace log: detection refuses it with a clear message.
        const QString junk = path(QStringLiteral("junk.bin"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(QByteArray(4096, '\x01'));
        j.close();
        r = runCasectl({QStringLiteral("import"), cs, junk});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a kind of file"));
    }

    // A log copied while strace was attached ends with the hung call: its wait
    // is unknown ("?"), or, with --observed-until, until then. The seed 004
    // excerpt (no pids, no timestamps) reads as one unknown process.
    void casectlObservedUntilAndLogWithoutPids()
    {
        const QString cs = path(QStringLiteral("observed.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("observed")}).exitCode, 0);
        const QString log = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/golden/last-line-hung.strace");
        CasectlResult r = runCasectl({QStringLiteral("import"), cs, log, QStringLiteral("--tz"), QStringLiteral("UTC"),
                                      QStringLiteral("--date"), QStringLiteral("2019-08-26")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--hung")});
        QVERIFY2(r.out.contains("waited ? (trace-ended)"), r.out.constData());
        QVERIFY2(r.out.contains("[fd 11: /srv/path/to/file/that/would/be/written.js]"), r.out.constData());
        r = runCasectl({QStringLiteral("import"), cs, log, QStringLiteral("--tz"), QStringLiteral("+02:00"), QStringLiteral("--date"),
                        QStringLiteral("2019-08-26"), QStringLiteral("--observed-until"), QStringLiteral("2019-08-26T15:06:53.1006"),
                        QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 second = QJsonDocument::fromJson(r.out).object()[QStringLiteral("imports")].toArray().first()
                                  [QStringLiteral("collection_ids")].toArray().first().toInteger();
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--hung"), QStringLiteral("--json"), QStringLiteral("--collection"),
                        QString::number(second)});
        const QJsonArray hung = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hung.size(), 1);
        // Both times in the traced host's zone (+02:00): 112.0004 s.
        QCOMPARE(hung.first()[QStringLiteral("duration_us")].toInteger(), 112000400);
        QCOMPARE(hung.first()[QStringLiteral("fd_inferred")].toBool(), true);
        QCOMPARE(runCasectl({QStringLiteral("import"), cs, log, QStringLiteral("--observed-until"), QStringLiteral("yesterday")}).exitCode, 2);

        const QString excerpt = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/seed004-php-fpm.strace");
        QVERIFY(runCasectl({QStringLiteral("import"), cs, excerpt}).exitCode == 0);
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--hung")});
        QVERIFY2(r.out.contains("seed004-php-fpm.strace:8: pid ? (no time) waited ? (trace-ended) flock(11, LOCK_EX <unfinished ...>"),
                 r.out.constData());
        QVERIFY(!r.out.contains("pid 0"));
        r = runCasectl({QStringLiteral("findings"), cs, QStringLiteral("--kind"), QStringLiteral("hung-syscall")});
        QVERIFY2(r.out.contains("Unknown process (no pids in the log): flock(11, LOCK_EX) on /srv/path/to/file/that/would/be/written.js"),
                 r.out.constData());
        QVERIFY(!r.out.contains("pid 0"));
        QVERIFY(!r.out.contains("started at  ("));
    }

    void timeZoneAndDateOfTimeOfDayLogs()
    {
        // Seed 004's -f -tt log was taken on a host 2 hours ahead of UTC on
        // 2 March: the first call (15:05:01.100200 there) is 13:05:01.100200Z.
        const QString full = TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/seed004-php-fpm-f.strace");
        const QString cs = path(QStringLiteral("tz.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("tz")}).exitCode, 0);
        CasectlResult r = runCasectl({QStringLiteral("import"), cs, full, QStringLiteral("--tz"), QStringLiteral("+02:00"),
                                      QStringLiteral("--date"), QStringLiteral("2026-03-02")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCasectl({QStringLiteral("import"), cs, full, QStringLiteral("--tz"), QStringLiteral("America/New_York"),
                        QStringLiteral("--date"), QStringLiteral("2026-07-01")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        {
            auto cf = CaseFile::open(cs, CaseFile::Access::ReadOnly);
            SqliteStatement st = cf->db().prepare(QStringLiteral(
                "SELECT MIN(c.time_us) FROM strace_calls c JOIN strace_traces t ON t.id = c.trace_id GROUP BY t.id ORDER BY t.id"));
            QVERIFY(st.step());
            QCOMPARE(TimeUtil::isoUtc(st.int64(0)), QStringLiteral("2026-03-02T13:05:01.100Z"));
            QVERIFY(st.step()); // New York in July is UTC-4
            QCOMPARE(TimeUtil::isoUtc(st.int64(0)), QStringLiteral("2026-07-01T19:05:01.100Z"));
            QVERIFY(cf->db().queryText(QStringLiteral("SELECT parameters FROM collections WHERE kind = 'import' ORDER BY id LIMIT 1"))
                        .contains(QStringLiteral("2026-03-02")));
        }
        // Mistakes are usage errors or clear failures that import nothing.
        r = runCasectl({QStringLiteral("import"), cs, full, QStringLiteral("--date"), QStringLiteral("March 2")});
        QCOMPARE(r.exitCode, 2);
        r = runCasectl({QStringLiteral("import"), cs, full, QStringLiteral("--tz"), QStringLiteral("Mars/Olympus")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a time zone"), r.err.constData());
        auto cf = CaseFile::open(cs, CaseFile::Access::ReadOnly);
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM strace_traces")), qint64(2));
        // The zone parser on its own.
        QVERIFY(StraceClock::parseZone(QStringLiteral("UTC+5:30")));
        QCOMPARE(StraceClock::parseZone(QStringLiteral("-0330"))->offsetFromUtc(QDateTime::currentDateTimeUtc()), -(3 * 3600 + 1800));
        QVERIFY(!StraceClock::parseZone(QStringLiteral("+25:00")));
        QVERIFY(!StraceClock::parseZone(QString()));
    }
};

QTEST_GUILESS_MAIN(StraceImportTest)
#include "StraceImportTest.moc"
