// `strace --grep` searches the stored raw logs (StraceLogSearch) and must give
// exactly what the row scan it replaced gave: the same calls in the same
// order under every limit. Traces: the real `strace -f -tt -T -yy` fixture,
// seed 004's excerpt, a real trace of a multi-threaded workload recorded here
// and a crafted log of the hard cases (a pattern straddling the join of an
// unfinished and a resumed line, resumed lines without start, a call left
// open by its process's exit, text only in the pid/time prefix or in a
// non-strace line, invalid UTF-8, multibyte text, no final newline). The
// oracle is the row scan's SQL, kept here verbatim.
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteStatement.h"
#include "importers/ImporterCatalog.h"
#include "strace/StraceQuery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class StraceLogSearchTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;

    static QString data(const QString &name) { return TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/") + name; }

    QList<qint64> rowScan(const QString &pattern, int limit)
    {
        SqliteStatement st = m_case->db().prepare(QStringLiteral(
            "SELECT c.id FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
            "LEFT JOIN hosts h ON h.id = t.host_id WHERE (?1 = 0 OR t.collection_id = ?1) AND (instr(c.args, ?2) > 0 OR instr(c.syscall, ?2) > 0 "
            "OR instr(COALESCE(c.fd_path, ''), ?2) > 0 OR instr(COALESCE(c.ret_text, ''), ?2) > 0 "
            "OR instr(COALESCE(c.errno, ''), ?2) > 0) ORDER BY t.id, c.line LIMIT ?3"));
        st.bind(1, qint64(0)).bind(2, pattern).bind(3, limit);
        QList<qint64> ids;
        while (st.step())
            ids.append(st.int64(0));
        return ids;
    }

    QList<qint64> searched(const QString &pattern, int limit)
    {
        QList<qint64> ids;
        for (const StraceCallRow &r : StraceQuery(m_case->db()).grep(pattern, limit))
            ids.append(r.callId);
        return ids;
    }

    static QStringList patterns()
    {
        return {QStringLiteral("/etc/services"), QStringLiteral("servic"), QStringLiteral("ser"), QStringLiteral("r</etc/ser"),
                QStringLiteral("ser\", \"ctive"), QStringLiteral("sele"), QStringLiteral("ctive"), QStringLiteral("10:00:00"),
                QStringLiteral("11:40:01"), QStringLiteral("resumed"), QStringLiteral("unfinished"), QStringLiteral("= 0"),
                QStringLiteral("ENOENT"), QStringLiteral("No such file"), QStringLiteral("caf\u00e9"), QStringLiteral("SIGCHLD"),
                QStringLiteral("si_pid=1240"), QStringLiteral("LOCK_EX"), QStringLiteral("TCP:[10.0.0.1"), QStringLiteral("\\x0a"),
                QStringLiteral("execve"), QStringLiteral("\""), QStringLiteral("("), QStringLiteral(")"), QStringLiteral("e"),
                QStringLiteral("/"), QStringLiteral(" "), QStringLiteral("flock"), QStringLiteral("php-fpm"), QStringLiteral("strace"),
                QStringLiteral("not strace output"), QStringLiteral("futex"), QStringLiteral("nanosleep({tv_sec=1, tv_nsec=0}, "),
                QStringLiteral("wait4"), QStringLiteral("clone"), QStringLiteral("<... "), QStringLiteral("-1"),
                QStringLiteral("no-such-text-anywhere")};
    }

    void compareAll(const char *what)
    {
        int nonEmpty = 0;
        for (const QString &p : patterns()) {
            for (int limit : {1, 2, 7, 1000, 1000000}) {
                const QList<qint64> expected = rowScan(p, limit);
                const QList<qint64> got = searched(p, limit);
                QVERIFY2(got == expected, qPrintable(QStringLiteral("%1: \"%2\" limit %3: %4 calls, the row scan %5")
                                                         .arg(QLatin1String(what), p).arg(limit).arg(got.size()).arg(expected.size())));
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        QVERIFY(nonEmpty > 100);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStringList logs{data(QStringLiteral("grep-edges.strace")), data(QStringLiteral("sh-f-tt-T-yy.strace")),
                         data(QStringLiteral("seed004-php-fpm-f.strace"))};
        // A real trace of threads: sort with --parallel and a shell pipeline.
        const QString strace = TestEnv::tool("strace");
        CASEBOOK_REQUIRE(!strace.isEmpty(), QStringLiteral("the strace program"));
        const QString live = m_dir.filePath(QStringLiteral("threads.strace"));
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(strace, {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"), QStringLiteral("-o"), live,
                         QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("seq 20000 | sort --parallel=4 -S 1M -r | head -3; cat /etc/services | grep -c tcp; ls -la /etc")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        logs.append(live);
        m_case = CaseFile::create(m_dir.filePath(QStringLiteral("grep.casebook")), QStringLiteral("grep test"));
        for (const QString &log : logs) {
            auto imp = ImporterCatalog::byKind(QStringLiteral("strace"));
            ImportRequest req;
            req.caseFile = m_case.get();
            req.paths = {log};
            req.startDate = QDate(2026, 1, 2);
            const ImportResult r = imp->import(req, CancelToken());
            QVERIFY2(r.ok, qPrintable(r.error));
        }
        QCOMPARE(m_case->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM strace_traces")), qint64(logs.size()));
        // Resumed calls in the real trace (threads and the shell's children).
        QVERIFY(m_case->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM strace_calls WHERE line < (SELECT MAX(line) FROM strace_calls)")) > 100);
    }

    void everyTraceHasACompleteLineMap()
    {
        SqliteStatement st = m_case->db().prepare(QStringLiteral(
            "SELECT t.name, t.calls, (SELECT COALESCE(SUM(m.calls), 0) FROM strace_line_map m WHERE m.trace_id = t.id) FROM strace_traces t"));
        int n = 0;
        while (st.step()) {
            QVERIFY2(st.int64(1) > 0 && st.int64(1) == st.int64(2), qPrintable(st.text(0)));
            ++n;
        }
        QCOMPARE(n, 4);
    }

    void searchGivesTheRowScansCalls() { compareAll("line map"); }

    void aStraddlingPatternIsFound()
    {
        // "3</etc/ser" + "vices>..." were joined into one call's args.
        const QList<StraceCallRow> rows = StraceQuery(m_case->db()).grep(QStringLiteral("3</etc/servic"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].line, 1);
        QCOMPARE(rows[0].syscall, QStringLiteral("read"));
    }

    void textOnlyInThePrefixOrInOtherLinesIsNoMatch()
    {
        QVERIFY(StraceQuery(m_case->db()).grep(QStringLiteral("10:00:00")).isEmpty());
        QVERIFY(StraceQuery(m_case->db()).grep(QStringLiteral("not strace output")).isEmpty());
    }

    void aMapThatDoesNotFitItsCallsIsNotTrusted()
    {
        // A map shifted by one call (as a copy without its calls would be): the
        // rows it points at are on other lines, so the row scan answers.
        m_case->db().exec(QStringLiteral("UPDATE strace_line_map SET first_call_id = first_call_id + 1"));
        compareAll("shifted map");
        m_case->db().exec(QStringLiteral("UPDATE strace_line_map SET first_call_id = first_call_id - 1"));
    }

    void withoutALineMapTheRowsAreScanned()
    {
        m_case->db().exec(QStringLiteral("DELETE FROM strace_line_map"));
        compareAll("no map");
    }
};

QTEST_GUILESS_MAIN(StraceLogSearchTest)
#include "StraceLogSearchTest.moc"
