// Line diffs and note history rebuilt from the audit log, also through
// `casectl notes`.
#include "TestEnv.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/NoteHistory.h"
#include "casefile/NoteStore.h"
#include "util/LineDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class NoteHistoryTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QString ops(const QList<LineDiff::Line> &lines)
    {
        QString s;
        for (const auto &l : lines)
            s += l.op == LineDiff::Op::Same ? QLatin1Char('=') : l.op == LineDiff::Op::Added ? QLatin1Char('+') : QLatin1Char('-');
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void lineDiff()
    {
        QCOMPARE(ops(LineDiff::compare(QString(), QString())), QString());
        QCOMPARE(ops(LineDiff::compare(QString(), QStringLiteral("a\nb\n"))), QStringLiteral("++"));
        QCOMPARE(ops(LineDiff::compare(QStringLiteral("a\nb"), QString())), QStringLiteral("--"));
        QCOMPARE(ops(LineDiff::compare(QStringLiteral("a\nb\nc"), QStringLiteral("a\nx\nc"))), QStringLiteral("=-+="));
        // A moved line: the longest common subsequence keeps the most.
        const auto moved = LineDiff::compare(QStringLiteral("1\n2\n3\n4\n5"), QStringLiteral("2\n3\n4\n5\n1"));
        QCOMPARE(ops(moved), QStringLiteral("-====+"));
        QCOMPARE(LineDiff::stats(moved).added, 1);
        QCOMPARE(LineDiff::stats(moved).removed, 1);
        QCOMPARE(LineDiff::toText(LineDiff::compare(QStringLiteral("a\nb"), QStringLiteral("a\nc"))),
                 QStringLiteral("  a\n- b\n+ c\n"));
        // Too big to align line by line: still a correct (coarser) diff.
        QStringList big, other;
        for (int i = 0; i < 3000; ++i) {
            big << QString::number(i);
            other << QString::number(i % 2 ? i : -i);
        }
        const auto coarse = LineDiff::compare(big.join(QLatin1Char('\n')), other.join(QLatin1Char('\n')));
        QString rebuiltA, rebuiltB;
        for (const auto &l : coarse) {
            if (l.op != LineDiff::Op::Added)
                rebuiltA += l.text + QLatin1Char('\n');
            if (l.op != LineDiff::Op::Removed)
                rebuiltB += l.text + QLatin1Char('\n');
        }
        QCOMPARE(rebuiltA, big.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        QCOMPARE(rebuiltB, other.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }

    void historyFromTheAuditLog()
    {
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("h.casebook")), QStringLiteral("history"));
        NoteStore notes(cf->db());
        Note n;
        n.title = QStringLiteral("flock");
        n.body = QStringLiteral("one");
        n.id = notes.create(n);
        Note other;
        other.title = QStringLiteral("unrelated");
        other.id = notes.create(other);
        n.body = QStringLiteral("one\ntwo");
        n.tags = {QStringLiteral("nfs")};
        QVERIFY(notes.update(n));
        QVERIFY(!notes.update(n)); // unchanged: no version
        notes.remove(n.id);

        const auto v = NoteHistory(cf->db()).versions(n.id);
        QCOMPARE(v.size(), 3);
        QCOMPARE(v[0].action, QStringLiteral("created"));
        QCOMPARE(v[0].body, QStringLiteral("one"));
        QCOMPARE(v[1].action, QStringLiteral("edited"));
        QCOMPARE(v[1].previousBody, QStringLiteral("one"));
        QCOMPARE(v[1].body, QStringLiteral("one\ntwo"));
        QCOMPARE(v[1].tags, QStringLiteral("nfs"));
        QCOMPARE(v[2].action, QStringLiteral("deleted"));
        QCOMPARE(v[2].body, QStringLiteral("one\ntwo")); // the last text survives deletion
        QVERIFY(v[0].auditId < v[1].auditId && v[1].auditId < v[2].auditId);
        QCOMPARE(v[1].actor, AuditLog::currentActor());
        QCOMPARE(NoteHistory(cf->db()).versions(other.id).size(), 1);
        QVERIFY(NoteHistory(cf->db()).versions(999).isEmpty());
    }

    void casectlNotes()
    {
        const QString c = m_dir.filePath(QStringLiteral("cli.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("cli")}).exitCode, 0);
        auto r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--add"), QStringLiteral("Lock holder"),
                                      QStringLiteral("--body"), QStringLiteral("waits\nholder unknown"), QStringLiteral("--tags"),
                                      QStringLiteral("nfs, #lock"), QStringLiteral("--at"), QStringLiteral("2026-03-02T10:00:00Z"),
                                      QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject added = QJsonDocument::fromJson(r.out).object();
        const qint64 id = added[QStringLiteral("id")].toInteger();
        QVERIFY(id > 0);
        QCOMPARE(added[QStringLiteral("tags")].toArray(), QJsonArray({QStringLiteral("nfs"), QStringLiteral("lock")}));
        QCOMPARE(added[QStringLiteral("at")].toString(), QStringLiteral("2026-03-02T10:00:00.000Z"));
        r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--edit"), QString::number(id), QStringLiteral("--body"),
                                 QStringLiteral("waits\nholder is cron\x1b[31m")});
        QCOMPARE(r.exitCode, 0);
        r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--history"), QString::number(id),
                                 QStringLiteral("--diff")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("created") && r.out.contains("edited"), r.out.constData());
        QVERIFY2(r.out.contains("- holder unknown"), r.out.constData());
        QVERIFY2(r.out.contains("+ holder is cron\\x1b[31m"), r.out.constData()); // escapes never reach the terminal
        QVERIFY(!r.out.contains('\x1b'));
        r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--history"), QString::number(id), QStringLiteral("--json")});
        const QJsonArray versions = QJsonDocument::fromJson(r.out).object()[QStringLiteral("versions")].toArray();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[1].toObject()[QStringLiteral("lines_added")].toInt(), 1);
        QCOMPARE(versions[1].toObject()[QStringLiteral("lines_removed")].toInt(), 1);
        r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--show"), QString::number(id)});
        QVERIFY2(r.out.contains("# Lock holder") && r.out.contains("waits\n"), r.out.constData());
        // Mistakes are usage errors or clear failures, and change nothing.
        QCOMPARE(runCasectl({QStringLiteral("notes"), c, QStringLiteral("--show"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(runCasectl({QStringLiteral("notes"), c, QStringLiteral("--show"), QStringLiteral("77")}).exitCode, 1);
        QCOMPARE(runCasectl({QStringLiteral("notes"), c, QStringLiteral("--edit"), QStringLiteral("77"),
                                      QStringLiteral("--body"), QStringLiteral("x")}).exitCode, 1);
        QCOMPARE(runCasectl({QStringLiteral("notes"), c, QStringLiteral("--add"), QStringLiteral("t"),
                                      QStringLiteral("--at"), QStringLiteral("yesterday")}).exitCode, 2);
        r = runCasectl({QStringLiteral("notes"), c, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("count")].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(NoteHistoryTest)
#include "NoteHistoryTest.moc"
