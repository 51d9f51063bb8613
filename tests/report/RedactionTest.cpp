#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "sharing/Redactor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

class RedactionTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    ReportFixture::Values m_values;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    CasectlResult casectl(const QStringList &args) { return runCasectl(args, 120000, m_env); }

    // Every original value, searched case-insensitively in raw bytes.
    QStringList hitsIn(const QByteArray &bytes, const QStringList &values)
    {
        QStringList hits;
        const QByteArray lower = bytes.toLower();
        for (const QString &v : values)
            if (lower.contains(v.toLower().toUtf8()))
                hits.append(v);
        return hits;
    }

    QStringList allOriginals() const
    {
        QStringList v = m_values.identifying;
        v << QStringLiteral("Project Falcon") << QStringLiteral("ticket-4711") << QStringLiteral("fe80::1ff:fe23:4567:890a")
          << QStringLiteral("2a01:4f8:c17:1a2b::7") << QStringLiteral("ops.lead@corp.example.net") << QStringLiteral("172.16.99.5")
          << QStringLiteral("1F5463AC") // 172.99.84.31 as /proc/net/tcp writes it
          << QStringLiteral("carol");
        const QString host = QSysInfo::machineHostName();
        if (!Redactor::isSystemAccount(host))
            v << host;
        const QString user = qEnvironmentVariable("USER");
        if (!user.isEmpty() && !Redactor::isSystemAccount(user))
            v << user;
        return v;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("incident.casebook"));
        m_values = ReportFixture::build(m_case);
        // Values in places a later schema adds: a table of its own, a blob,
        // an FTS5 index, and evidence text with IPv6, e-mail and /proc/net forms.
        auto cf = CaseFile::open(m_case);
        SqliteDatabase &db = cf->db();
        db.exec(QStringLiteral("CREATE TABLE later_area_peers (id INTEGER PRIMARY KEY, peer TEXT NOT NULL, raw BLOB, port INTEGER) STRICT"));
        db.prepare(QStringLiteral("INSERT INTO later_area_peers(peer, raw, port) VALUES (?,?,?)"))
            .bind(1, QStringLiteral("fe80::1ff:fe23:4567:890a%eth0 -> 2a01:4f8:c17:1a2b::7"))
            .bindBlob(2, QByteArray("peer=172.16.99.5\0web-node-12", 27)).bind(3, 2049).exec();
        db.exec(QStringLiteral("CREATE VIRTUAL TABLE later_area_search USING fts5(body)"));
        db.prepare(QStringLiteral("INSERT INTO later_area_search(body) VALUES (?)"))
            .bind(1, QStringLiteral("mail ops.lead@corp.example.net about web-node-12 and carol")).exec();
        Note n;
        n.title = QStringLiteral("tcp table");
        n.body = QStringLiteral("sl local rem\n 0: 0100007F:1F90 1F5463AC:0801 01\nasked carol; Project Falcon; TICKET-4711");
        n.author = QStringLiteral("carol");
        NoteStore(db).create(n);
        db.prepare(QStringLiteral("UPDATE notes SET author = 'carol@ws-77' WHERE title = 'tcp table'")).exec();
    }

    void redactedExportHasNoOriginalValue()
    {
        const QString out = m_dir.filePath(QStringLiteral("shared.casebook"));
        const auto r = casectl({QStringLiteral("export"), m_case, out, QStringLiteral("--redact"), QStringLiteral("--redact-term"),
                                QStringLiteral("Project Falcon"), QStringLiteral("--redact-term"), QStringLiteral("deploybot"),
                                QStringLiteral("--redact-pattern"), QStringLiteral("ticket-[0-9]+"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object();
        QVERIFY(res.value(QStringLiteral("redacted")).toBool());
        QCOMPARE(res.value(QStringLiteral("artifacts_withheld")).toInt(), 1); // the pcap
        QVERIFY(res.value(QStringLiteral("artifacts_redacted")).toInt() >= 2);
        QVERIFY(!QFile::exists(out + QStringLiteral("-journal")) && !QFile::exists(out + QStringLiteral("-wal")));

        const QStringList originals = allOriginals() << QStringLiteral("ws-77");
        // Sanity: the original holds them all.
        QCOMPARE(hitsIn(readFile(m_case), QStringList{QStringLiteral("web-node-12"), QStringLiteral("deploybot")}).size(), 2);
        // The copy's raw bytes: zero hits.
        QCOMPARE(hitsIn(readFile(out), originals), QStringList());
        // Its reports too, in every format.
        for (const QString &fmt : {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf")}) {
            const QString rep = m_dir.filePath(QStringLiteral("shared-report.") + fmt);
            QCOMPARE(casectl({QStringLiteral("report"), out, QStringLiteral("--format"), fmt, QStringLiteral("-o"), rep}).exitCode, 0);
            QCOMPARE(hitsIn(readFile(rep), originals), QStringList());
        }
        const QString md = QString::fromUtf8(readFile(m_dir.filePath(QStringLiteral("shared-report.md"))));
        QVERIFY(md.contains(QLatin1String("host-1")));
        QVERIFY(md.contains(QLatin1String("192.0.2.")));
        QVERIFY(md.contains(QLatin1String("user-")));

        // The copy is a sound case: hashes recomputed, audit chain intact, the redaction recorded.
        const auto v = casectl({QStringLiteral("verify"), out, QStringLiteral("--json")});
        QVERIFY2(v.exitCode == 0, v.out.constData());
        auto copy = CaseFile::open(out, CaseFile::Access::ReadOnly);
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT count(*) FROM redaction_map")), 0);
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export-redacted'")), 1);
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT size FROM artifacts WHERE kind = 'pcap'")), 0);
        QCOMPARE(copy->db().queryText(QStringLiteral("SELECT peer FROM later_area_peers")).count(QLatin1String("2001:db8::")), 2);
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT count(*) FROM later_area_search WHERE later_area_search MATCH 'carol'")), 0);
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT count(*) FROM later_area_search WHERE later_area_search MATCH 'host'")), 1);
        // /proc/net/tcp hex: loopback kept, the remote address pseudonymised in the same hex form.
        const QString note = copy->db().queryText(QStringLiteral("SELECT body FROM notes WHERE title = 'tcp table'"));
        QVERIFY2(note.contains(QLatin1String("0100007F:1F90")), qPrintable(note));
        QVERIFY2(!note.contains(QLatin1String("1F5463AC")), qPrintable(note));

        // The mapping stays in the original.
        auto orig = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        QVERIFY(orig->db().queryInt(QStringLiteral("SELECT count(*) FROM redaction_map")) >= 8);
        SqliteStatement st = orig->db().prepare(QStringLiteral("SELECT pseudonym FROM redaction_map WHERE kind = 'host' AND original = 'web-node-12'"));
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("host-1"));
        QCOMPARE(orig->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export'")), 1);
    }

    void pseudonymsAreConsistentAcrossExports()
    {
        const QString a = m_dir.filePath(QStringLiteral("a.casebook")), b = m_dir.filePath(QStringLiteral("b.casebook"));
        QCOMPARE(casectl({QStringLiteral("export"), m_case, a, QStringLiteral("--redact"), QStringLiteral("--redact-term"), QStringLiteral("deploybot")}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("export"), m_case, b, QStringLiteral("--redact"), QStringLiteral("strict"), QStringLiteral("--redact-term"), QStringLiteral("deploybot")}).exitCode, 0);
        auto ca = CaseFile::open(a, CaseFile::Access::ReadOnly);
        auto cb = CaseFile::open(b, CaseFile::Access::ReadOnly);
        const QString q = QStringLiteral("SELECT group_concat(name || '=' || coalesce(address, ''), ';') FROM (SELECT * FROM hosts ORDER BY id)");
        QCOMPARE(ca->db().queryText(q), cb->db().queryText(q));
        QVERIFY(ca->db().queryText(q).startsWith(QLatin1String("host-1=192.0.2.")));
        // Existing file: refused without --force.
        QCOMPARE(casectl({QStringLiteral("export"), m_case, a}).exitCode, 1);
        QCOMPARE(casectl({QStringLiteral("export"), m_case, a, QStringLiteral("--force")}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("export"), m_case, b, QStringLiteral("--redact"), QStringLiteral("--profile"), QStringLiteral("bogus")}).exitCode, 2);
        QCOMPARE(casectl({QStringLiteral("export"), m_case, m_dir.filePath(QStringLiteral("c.casebook")), QStringLiteral("--redact-pattern"), QStringLiteral("([")}).exitCode, 1);
    }

    void exportAfterMergingARedactedCopy()
    {
        // A colleague's redacted copy merged back brings pseudonyms (user-1) into
        // the case; the next export must not take them for originals.
        const QString a = m_dir.filePath(QStringLiteral("round1.casebook")), b = m_dir.filePath(QStringLiteral("round2.casebook"));
        QCOMPARE(casectl({QStringLiteral("export"), m_case, a, QStringLiteral("--redact"), QStringLiteral("--redact-term"), QStringLiteral("deploybot")}).exitCode, 0);
        const auto m = casectl({QStringLiteral("merge"), m_case, a, QStringLiteral("--json")});
        QCOMPARE(m.exitCode, 0);
        // Its own redacted copy comes back without duplicates: pseudonyms restored, artifacts recognised.
        QVERIFY2(QJsonDocument::fromJson(m.out).object().value(QStringLiteral("inserted")).toInt() == 0, m.out.constData());
        const auto r = casectl({QStringLiteral("export"), m_case, b, QStringLiteral("--redact"), QStringLiteral("--redact-term"), QStringLiteral("deploybot"),
                                QStringLiteral("--redact-term"), QStringLiteral("Project Falcon"), QStringLiteral("--redact-pattern"), QStringLiteral("ticket-[0-9]+")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList leftover = hitsIn(readFile(b), allOriginals());
        QVERIFY2(leftover.isEmpty(), qPrintable(leftover.join(QLatin1Char(','))));
    }

    void plainExportIsAFaithfulCopy()
    {
        const QString out = m_dir.filePath(QStringLiteral("plain.casebook"));
        QCOMPARE(casectl({QStringLiteral("export"), m_case, out}).exitCode, 0);
        QCOMPARE(casectl({QStringLiteral("verify"), out}).exitCode, 0);
        auto copy = CaseFile::open(out, CaseFile::Access::ReadOnly);
        QCOMPARE(copy->db().queryText(QStringLiteral("SELECT name FROM hosts ORDER BY id LIMIT 1")), QStringLiteral("web-node-12"));
        QCOMPARE(copy->db().queryInt(QStringLiteral("SELECT count(*) FROM redaction_map")), 0);
        auto orig = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const QString q = QStringLiteral("SELECT size || ':' || sha256 FROM artifacts WHERE kind = 'pcap'");
        QCOMPARE(copy->db().queryText(q), orig->db().queryText(q));
    }

    void redactorUnit()
    {
        PseudonymMap map;
        Redactor r(map, {});
        r.addHost(QStringLiteral("alice@db01.example.org:2222"));
        QCOMPARE(r.redact(QStringLiteral("ssh alice@db01.example.org; db01 up; db011 other; DB01 again")),
                 QStringLiteral("ssh user-1@host-1; host-2 up; db011 other; host-2 again"));
        QCOMPARE(r.redact(QStringLiteral("from 10.0.0.7:22 to 127.0.0.1 via 10.0.0.7, mask 255.255.255.0, v1.2.3")),
                 QStringLiteral("from 192.0.2.1:22 to 127.0.0.1 via 192.0.2.1, mask 255.255.255.0, v1.2.3"));
        QCOMPARE(r.redact(QStringLiteral("std::vector 12:34:56 ::1 fe80::1")), QStringLiteral("std::vector 12:34:56 ::1 2001:db8::1"));
        QVERIFY(Redactor::isSystemAccount(QStringLiteral("root")));
        r.addUser(QStringLiteral("root"));
        QCOMPARE(r.redact(QStringLiteral("root rootfs")), QStringLiteral("root rootfs"));
        QCOMPARE(QString::fromLatin1(r.redactBytes(QByteArray("x\0db01\xff", 7))), QString::fromLatin1(QByteArray("x\0host-2\xff", 9)));
    }
};

QTEST_GUILESS_MAIN(RedactionTest)
#include "RedactionTest.moc"
