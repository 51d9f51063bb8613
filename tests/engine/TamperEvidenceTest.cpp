#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/ArtifactRecords.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// A real case (strace and pcap imports, files pulled from 'local', a merged
// case), then tampered with the way someone holding the file would: with the
// sqlite3 CLI (tests/data/tamper/NAME.sql). casectl verify must fail and name
// what changed (tests/data/tamper/NAME.expected).
class TamperEvidenceTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QString m_clean; // the case as built; only copies of it are tampered with
    QString m_head;  // its audit head, N:HASH, as verify printed it

    CasectlResult casectl(const QStringList &args) { return runCasectl(args, 120000, m_env); }
    static QString data(const QString &name) { return TestEnv::dataDir() + QLatin1Char('/') + name; }
    static QString tamperFile(const QString &name) { return data(QStringLiteral("tamper/") + name); }

    QString copyOfClean(const QString &name)
    {
        const QString p = m_dir.filePath(name + QStringLiteral(".casebook"));
        QFile::remove(p);
        return QFile::copy(m_clean, p) ? p : QString();
    }

    // Runs tests/data/tamper/NAME.sql with the sqlite3 CLI; returns its complaint, empty on success.
    static QString sqlite3(const QString &casePath, const QString &name)
    {
        QProcess p;
        p.setStandardInputFile(tamperFile(name + QStringLiteral(".sql")));
        p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), casePath});
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
            return QStringLiteral("sqlite3 did not finish: %1").arg(p.errorString());
        return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError());
    }

    static QStringList expectations(const QString &name)
    {
        QFile f(tamperFile(name + QStringLiteral(".expected")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QStringList out;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                out.append(line);
        return out;
    }

    // Names of the expected patterns no line of output matches.
    static QStringList unmatched(const QStringList &patterns, const QByteArray &output)
    {
        const QStringList lines = QString::fromUtf8(output).split(QLatin1Char('\n'));
        QStringList missing;
        for (const QString &pattern : patterns) {
            const QRegularExpression re(pattern);
            if (!re.isValid() || lines.filter(re).isEmpty())
                missing.append(pattern);
        }
        return missing;
    }

    QJsonObject verifyJson(const QString &casePath, const QStringList &extra = {})
    {
        const auto r = casectl(QStringList{QStringLiteral("verify"), casePath, QStringLiteral("--json")} + extra);
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));

        // A colleague's case, merged in below.
        const QString other = m_dir.filePath(QStringLiteral("other.casebook"));
        QCOMPARE(casectl({QStringLiteral("new"), other, QStringLiteral("--title"), QStringLiteral("web-3 php-fpm")}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("import"), other, data(QStringLiteral("strace/seed004-php-fpm.strace")),
                          QStringLiteral("--host"), QStringLiteral("web-3")}).exitCode, 0);

        m_clean = m_dir.filePath(QStringLiteral("clean.casebook"));
        QCOMPARE(casectl({QStringLiteral("new"), m_clean, QStringLiteral("--title"), QStringLiteral("tamper evidence")}).exitCode, 0);
        const auto imported = casectl({QStringLiteral("import"), m_clean, data(QStringLiteral("strace/true-ttt.strace")),
                                       data(QStringLiteral("pcap/loopback-http-rpc.pcap"))});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const auto pulled = casectl({QStringLiteral("collect"), m_clean, QStringLiteral("local"), QStringLiteral("--pull"),
                                     data(QStringLiteral("report/dmesg.txt")), QStringLiteral("--pull"), data(QStringLiteral("report/ps.txt"))});
        QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
        const auto merged = casectl({QStringLiteral("merge"), m_clean, other});
        QVERIFY2(merged.exitCode == 0, merged.err.constData());

        const QJsonObject v = verifyJson(m_clean);
        QVERIFY2(v.value(QStringLiteral("ok")).toBool(), QJsonDocument(v).toJson().constData());
        m_head = v.value(QStringLiteral("audit_head")).toObject().value(QStringLiteral("expect")).toString();
        QVERIFY(m_head.contains(QLatin1Char(':')));
    }

    // Collection, import, file pull, pcap import and merge all record each
    // artifact's SHA-256 and size in a chained audit entry.
    void everyArtifactIsRecordedWithHashAndSize()
    {
        auto cf = CaseFile::open(m_clean, CaseFile::Access::ReadOnly);
        const auto records = ArtifactRecords::fromAuditLog(cf->db());
        const QList<ArtifactInfo> artifacts = ArtifactReader(cf->db()).list();
        QSet<QString> kinds, actions;
        for (const ArtifactInfo &a : artifacts) {
            const QList<ArtifactRecords::Record> r = records.value(a.id);
            QVERIFY2(!r.isEmpty(), qPrintable(a.name));
            QCOMPARE(r.last().sha256, a.sha256);
            QCOMPARE(r.last().size, a.size);
            kinds.insert(a.kind);
            actions.insert(r.last().action);
        }
        for (const char *kind : {"strace-log", "pcap", "file"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        QCOMPARE(actions, (QSet<QString>{QStringLiteral("collect-finish"), QStringLiteral("merge")}));
        // The merged trace keeps its hash; the bytes came with it.
        const auto merged = ArtifactReader(cf->db()).bySha256(
            QString::fromLatin1(QCryptographicHash::hash([] {
                QFile f(data(QStringLiteral("strace/seed004-php-fpm.strace")));
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(merged);
        QCOMPARE(records.value(merged->id).last().action, QStringLiteral("merge"));
    }

    void cleanCaseVerifiesAndPrintsItsHead()
    {
        const auto r = casectl({QStringLiteral("verify"), m_clean});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
        const QStringList head = m_head.split(QLatin1Char(':'));
        QVERIFY2(lines.contains(QStringLiteral("audit chain: %1 entries, head %2").arg(head.at(0), head.at(1))), r.out.constData());
        QVERIFY(lines.contains(QStringLiteral("verified")));
        QVERIFY(r.out.contains("--expect-head " + m_head.toUtf8()));
        {
            auto cf = CaseFile::open(m_clean, CaseFile::Access::ReadOnly);
            QCOMPARE(head.at(0).toLongLong(), AuditLog(cf->db()).count());
        }
        // The head it printed proves itself, also shortened to 16 hex digits.
        QCOMPARE(casectl({QStringLiteral("verify"), m_clean, QStringLiteral("--expect-head"), m_head}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("verify"), m_clean, QStringLiteral("--expect-head"), m_head.left(m_head.indexOf(QLatin1Char(':')) + 17)}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("verify"), m_clean, QStringLiteral("--expect-head"), QStringLiteral("12:abc")}).exitCode, 2);
    }

    void tamper_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("withHead"); // only a recorded head can show it
        for (const char *name : {"rewrite-chunk", "rewrite-consistently", "delete-artifact", "renumber-artifact",
                                 "delete-audit-entry", "swap-audit-entries", "drop-triggers"})
            QTest::newRow(name) << QString::fromLatin1(name) << false;
        QTest::newRow("truncate-tail") << QStringLiteral("truncate-tail") << true;
    }

    void tamper()
    {
        QFETCH(QString, name);
        QFETCH(bool, withHead);
        const QString p = copyOfClean(name);
        QVERIFY(!p.isEmpty());
        const QString failed = sqlite3(p, name);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QStringList args{QStringLiteral("verify"), p};
        if (withHead)
            args << QStringLiteral("--expect-head") << m_head;
        const auto r = casectl(args);
        QVERIFY2(r.exitCode == 1, r.out.constData());
        const QStringList expected = expectations(name);
        QVERIFY(!expected.isEmpty());
        const QStringList missing = unmatched(expected, r.out);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the output: %1\n--- output:\n%2")
                                                   .arg(missing.join(QStringLiteral(" | ")), QString::fromUtf8(r.out))));
        // --json says the same.
        const QJsonObject v = verifyJson(p, withHead ? QStringList{QStringLiteral("--expect-head"), m_head} : QStringList{});
        QCOMPARE(v.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(!v.value(QStringLiteral("findings")).toArray().isEmpty());
    }

    // A chain cut short is still a whole chain: verify alone cannot tell, the
    // recorded head can. Cut short and extended again to the same length, the
    // recorded head still differs.
    void truncationNeedsARecordedHead()
    {
        const QString p = copyOfClean(QStringLiteral("truncated"));
        QVERIFY(!p.isEmpty());
        const QString failed = sqlite3(p, QStringLiteral("truncate-tail"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(casectl({QStringLiteral("verify"), p}).exitCode, 0);

        QCOMPARE(casectl({QStringLiteral("edit"), p, QStringLiteral("--status"), QStringLiteral("mitigated")}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("edit"), p, QStringLiteral("--summary"), QStringLiteral("nothing happened")}).exitCode, 0);
        const QJsonObject v = verifyJson(p, {QStringLiteral("--expect-head"), m_head});
        const qint64 recorded = m_head.section(QLatin1Char(':'), 0, 0).toLongLong();
        QVERIFY(v.value(QStringLiteral("audit_head")).toObject().value(QStringLiteral("entries")).toInteger() >= recorded);
        QCOMPARE(v.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(v.value(QStringLiteral("audit_head")).toObject().value(QStringLiteral("extends_expected")).toBool(true), false);
        const QString finding = v.value(QStringLiteral("findings")).toArray().last().toString();
        QVERIFY2(finding.startsWith(QStringLiteral("audit entry %1 hashes to ").arg(recorded)) && finding.contains(QLatin1String("rewritten")),
                 qPrintable(finding));
    }

    // Entries swapped and every hash after them recomputed (a consistent
    // rewrite): the links hold, the dates give it away, and the head does too.
    void reorderWithRecomputedHashesShowsInTheDates()
    {
        const QString p = copyOfClean(QStringLiteral("recomputed"));
        QVERIFY(!p.isEmpty());
        qint64 last = 0;
        {
            SqliteDatabase db(p, SqliteDatabase::Mode::ReadWrite);
            // A careful forger puts the trigger back exactly as it was (a changed
            // one makes the case refused outright: test_hostile_cases).
            const QString trigger = db.queryText(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'audit_log_no_update'"));
            QVERIFY(!trigger.isEmpty());
            db.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
            last = db.queryInt(QStringLiteral("SELECT max(id) FROM audit_log"));
            // Entry 2 (made with the case) and the last (after imports, a collection and a merge) trade places.
            QList<QStringList> fields; // at_us, actor, action, target, details
            SqliteStatement get = db.prepare(QStringLiteral("SELECT at_us, actor, action, target, details FROM audit_log WHERE id = ?"));
            for (qint64 id : {qint64(2), last}) {
                get.bind(1, id);
                QVERIFY(get.step());
                fields.append({get.text(0), get.text(1), get.text(2), get.text(3), get.text(4)});
                get.reset();
            }
            SqliteStatement put = db.prepare(QStringLiteral(
                "UPDATE audit_log SET at_us = ?, actor = ?, action = ?, target = ?, details = ? WHERE id = ?"));
            for (int i = 0; i < 2; ++i) {
                const QStringList &f = fields.at(1 - i);
                put.bind(1, f.at(0).toLongLong()).bind(2, f.at(1)).bind(3, f.at(2)).bind(4, f.at(3)).bind(5, f.at(4))
                    .bind(6, i == 0 ? qint64(2) : last).exec();
            }
            SqliteStatement sel = db.prepare(QStringLiteral("SELECT id, at_us, actor, action, target, details FROM audit_log ORDER BY id"));
            SqliteStatement upd = db.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
            QString prev = AuditLog::genesisHash();
            while (sel.step()) {
                const QString hash = AuditLog::computeHash(prev, sel.int64(1), sel.text(2), sel.text(3), sel.text(4), sel.text(5));
                upd.bind(1, prev).bind(2, hash).bind(3, sel.int64(0)).exec();
                prev = hash;
            }
            db.exec(trigger);
        }
        const auto r = casectl({QStringLiteral("verify"), p});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("BROKEN audit entry 3 is dated before entry 2"), r.out.constData());
        QVERIFY2(!r.out.contains("does not follow"), r.out.constData());
        const auto withHead = casectl({QStringLiteral("verify"), p, QStringLiteral("--expect-head"), m_head});
        QVERIFY2(withHead.out.contains(QStringLiteral("HEAD audit entry %1 hashes to").arg(last).toUtf8()), withHead.out.constData());
    }

    void extractRefusesBytesThatDoNotMatch()
    {
        const QString p = copyOfClean(QStringLiteral("extract"));
        QVERIFY(!p.isEmpty());
        qint64 id = 0;
        {
            auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
            id = cf->db().queryInt(QStringLiteral("SELECT id FROM artifacts WHERE name = 'dmesg.txt'"));
        }
        QVERIFY(id > 0);
        const QString intact = m_dir.filePath(QStringLiteral("dmesg-intact.txt"));
        QCOMPARE(casectl({QStringLiteral("artifacts"), p, QStringLiteral("--extract"), QString::number(id), QStringLiteral("-o"), intact}).exitCode, 0);
        QFile original(data(QStringLiteral("report/dmesg.txt")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QFile extracted(intact);
        QVERIFY(extracted.open(QIODevice::ReadOnly));
        QCOMPARE(extracted.readAll(), original.readAll());

        // Bytes and artifacts row rewritten together: refused, nothing written.
        const QString failed = sqlite3(p, QStringLiteral("rewrite-consistently"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString out = m_dir.filePath(QStringLiteral("dmesg-tampered.txt"));
        const QStringList args{QStringLiteral("artifacts"), p, QStringLiteral("--extract"), QString::number(id), QStringLiteral("-o"), out};
        const auto refused = casectl(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("artifact %1 (dmesg.txt): its bytes hash to").arg(id).toUtf8()), refused.err.constData());
        QVERIFY(refused.err.contains("--force"));
        QVERIFY(!QFile::exists(out));
        const auto toStdout = casectl({QStringLiteral("artifacts"), p, QStringLiteral("--extract"), QString::number(id), QStringLiteral("-o"), QStringLiteral("-")});
        QCOMPARE(toStdout.exitCode, 1);
        QVERIFY(toStdout.out.isEmpty());

        // --force: written, said on stderr and in the audit log.
        const auto forced = casectl(args + QStringList{QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY2(forced.err.contains("do NOT match their recorded hash"), forced.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("nothing happened here\n"));
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        const AuditLog::Entry last = AuditLog(cf->db()).entries().constLast();
        QCOMPARE(last.action, QStringLiteral("export-artifact"));
        QCOMPARE(last.target, QStringLiteral("artifact:%1").arg(id));
        QCOMPARE(last.details.value(QStringLiteral("forced")).toBool(), true);
        QCOMPARE(last.details.value(QStringLiteral("verified")).toString(), QStringLiteral("mismatch"));
        QCOMPARE(last.details.value(QStringLiteral("actual_sha256")).toString(),
                 QStringLiteral("0665cf24204aefc2d271b3c843c801f5778fc2d3c249109e6d55afcdbc59a4a3"));
    }
};

QTEST_GUILESS_MAIN(TamperEvidenceTest)
#include "TamperEvidenceTest.moc"
