#include "TestEnv.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class CasectlBasicsTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    CasectlResult casectl(const QStringList &args) { return runCasectl(args, 120000, m_env); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    }

    void versionAndHelp()
    {
        const auto v = casectl({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("casectl " CASEBOOK_VERSION));
        const auto h = casectl({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        // Every listed command answers --help with exit 0 and a usage line.
        const QRegularExpression cmdLine(QStringLiteral("^  ([a-z][a-z-]*) "), QRegularExpression::MultilineOption);
        int commands = 0;
        for (auto it = cmdLine.globalMatch(QString::fromUtf8(h.out)); it.hasNext();) {
            const QString name = it.next().captured(1);
            const auto ch = casectl({name, QStringLiteral("--help")});
            QVERIFY2(ch.exitCode == 0, qPrintable(name));
            QVERIFY2(ch.out.contains("Usage: casectl " + name.toUtf8()), ch.out.constData());
            ++commands;
        }
        QVERIFY(commands >= 3);
        QCOMPARE(casectl({}).exitCode, 2);
        QCOMPARE(casectl({QStringLiteral("no-such-command")}).exitCode, 2);
        QCOMPARE(casectl({QStringLiteral("info")}).exitCode, 2);          // missing CASE
        QCOMPARE(casectl({QStringLiteral("info"), QStringLiteral("--bogus")}).exitCode, 2);
    }

    void newInfoVerify()
    {
        const QString p = m_dir.filePath(QStringLiteral("c.casebook"));
        QCOMPARE(casectl({QStringLiteral("new"), p}).exitCode, 2); // --title required
        const auto n = casectl({QStringLiteral("new"), p, QStringLiteral("--title"), QStringLiteral("php-fpm in D on flock"),
                                QStringLiteral("--severity"), QStringLiteral("sev2"), QStringLiteral("--json")});
        QCOMPARE(n.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(n.out).object().value(QStringLiteral("title")).toString(), QStringLiteral("php-fpm in D on flock"));
        QCOMPARE(casectl({QStringLiteral("new"), p, QStringLiteral("--title"), QStringLiteral("x")}).exitCode, 1); // exists

        const auto i = casectl({QStringLiteral("info"), p, QStringLiteral("--json")});
        QCOMPARE(i.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(i.out).object();
        QCOMPARE(info.value(QStringLiteral("severity")).toString(), QStringLiteral("sev2"));
        QCOMPARE(info.value(QStringLiteral("audit_entries")).toInt(), 2); // create + edit
        const auto plain = casectl({QStringLiteral("info"), p});
        QVERIFY(plain.out.contains("php-fpm in D on flock"));

        {
            auto cf = CaseFile::open(p);
            ArtifactWriter w(cf->db(), {0, 0, QStringLiteral("file"), QStringLiteral("dmesg"), {}});
            w.append("[927063.519245] lockd: server 10.1.84.31 not responding, still trying\n");
            w.finish();
        }
        const auto ok = casectl({QStringLiteral("verify"), p, QStringLiteral("--json")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(ok.out).object().value(QStringLiteral("ok")).toBool(), true);
        {
            SqliteDatabase db(p, SqliteDatabase::Mode::ReadWrite);
            db.exec(QStringLiteral("UPDATE artifact_chunks SET data = CAST('tampered' AS BLOB)"));
        }
        const auto bad = casectl({QStringLiteral("verify"), p});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.out.contains("MISMATCH"));
    }

    void editAuditArtifacts()
    {
        const QString p = m_dir.filePath(QStringLiteral("e.casebook"));
        QCOMPARE(casectl({QStringLiteral("new"), p, QStringLiteral("--title"), QStringLiteral("t")}).exitCode, 0);
        const auto e = casectl({QStringLiteral("edit"), p, QStringLiteral("--status"), QStringLiteral("mitigated"),
                                QStringLiteral("--start"), QStringLiteral("2026-11-20T07:50:00Z"), QStringLiteral("--json")});
        QCOMPARE(e.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(e.out).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("mitigated"));
        QCOMPARE(o.value(QStringLiteral("incident_start")).toString(), QStringLiteral("2026-11-20T07:50:00.000Z"));
        QCOMPARE(casectl({QStringLiteral("edit"), p, QStringLiteral("--status"), QStringLiteral("bogus")}).exitCode, 1);
        QCOMPARE(casectl({QStringLiteral("edit"), p, QStringLiteral("--start"), QStringLiteral("yesterday")}).exitCode, 2);

        QByteArray payload("hostile \x1b[31mred\x1b[0m name\n");
        payload += QByteArray(1, '\0');
        qint64 id = 0;
        {
            auto cf = CaseFile::open(p);
            ArtifactWriter w(cf->db(), {0, 0, QStringLiteral("file"), QStringLiteral("evil\x1b]0;title\x07.txt"), {}});
            w.append(payload);
            w.finish();
            id = w.id();
        }
        const auto list = casectl({QStringLiteral("artifacts"), p});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(!list.out.contains('\x1b')); // terminal escapes neutralised
        QVERIFY(list.out.contains("evil\\x1b]0;title\\x07.txt"));
        const QString out = m_dir.filePath(QStringLiteral("extracted.bin"));
        QCOMPARE(casectl({QStringLiteral("artifacts"), p, QStringLiteral("--extract"), QString::number(id), QStringLiteral("-o"), out}).exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), payload);

        const auto a = casectl({QStringLiteral("audit"), p, QStringLiteral("--json")});
        QCOMPARE(a.exitCode, 0);
        const QJsonObject audit = QJsonDocument::fromJson(a.out).object();
        QCOMPARE(audit.value(QStringLiteral("chain")).toString(), QStringLiteral("ok"));
        const QJsonArray entries = audit.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.last().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("export-artifact"));
    }

    void foreignFileGivesClearError()
    {
        const QString p = m_dir.filePath(QStringLiteral("foreign.txt"));
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        const auto r = casectl({QStringLiteral("info"), p});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a Casebook case file"));
    }
};

QTEST_GUILESS_MAIN(CasectlBasicsTest)
#include "CasectlBasicsTest.moc"
