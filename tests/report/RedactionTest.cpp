#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "casefile/CaseVerifier.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "sharing/IpAddressText.h"
#include "sharing/PseudonymMap.h"
#include "sharing/RedactionScanner.h"
#include "sharing/Redactor.h"
#include "util/OperatorIdentity.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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


    static QStringList fixtureLines(const QString &name)
    {
        QStringList out;
        for (const QString &l : QString::fromUtf8(ReportFixture::fixture(name)).split(QLatin1Char('\n')))
            if (!l.trimmed().isEmpty())
                out.append(l.trimmed());
        return out;
    }

    // Independent of the engine's scanner: every original value searched
    // (plain QString::contains, case-insensitive) in every value of every
    // table, in the schema, and in every artifact's reassembled content.
    static QStringList survivorsIn(const QString &casePath, const QStringList &values)
    {
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        QStringList hits;
        auto check = [&](const QString &where, const QString &text) {
            for (const QString &v : values)
                if (text.contains(v, Qt::CaseInsensitive))
                    hits.append(v + QStringLiteral(" in ") + where);
        };
        QStringList tables;
        SqliteStatement schema = db.prepare(QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_schema"));
        while (schema.step()) {
            check(QStringLiteral("schema"), schema.text(1) + QLatin1Char(' ') + schema.text(2));
            if (schema.text(0) == QLatin1String("table"))
                tables.append(schema.text(1));
        }
        for (const QString &t : tables) {
            SqliteStatement st = db.prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(t));
            while (st.step())
                for (int c = 0; c < st.columnCount(); ++c)
                    check(t + QLatin1Char('.') + st.columnName(c), QString::fromLatin1(st.blob(c)) + QLatin1Char(' ') + st.text(c));
        }
        SqliteStatement arts = db.prepare(QStringLiteral("SELECT id FROM artifacts"));
        SqliteStatement chunks = db.prepare(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = ? ORDER BY seq"));
        while (arts.step()) {
            QByteArray content;
            chunks.bind(1, arts.int64(0));
            while (chunks.step())
                content += chunks.blob(0);
            chunks.reset();
            check(QStringLiteral("artifact %1").arg(arts.int64(0)), QString::fromUtf8(content));
        }
        hits.removeDuplicates();
        return hits;
    }

    // A case with every form of identity the redaction must remove whole:
    // the report fixture plus host db-prod-07.corp.example.com (IPv6 address,
    // host key), its resolv.conf (collected first: its search domain is only
    // recognised as identifying later) and the identities.txt evidence,
    // collected by mkoch@ws-ir-03.corp.example.com.
    QString buildIdentityCase(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        ReportFixture::build(path);
        auto cf = CaseFile::open(path);
        SqliteDatabase &db = cf->db();
        HostStore hosts(db);
        HostRecord h;
        h.id = hosts.ensure(QStringLiteral("db-prod-07.corp.example.com"));
        h.address = QStringLiteral("fd00:1234::7");
        h.port = 22;
        h.user = QStringLiteral("mkoch");
        h.hostkeyType = QStringLiteral("ssh-ed25519");
        h.hostkeySha256 = QStringLiteral("SHA256:PAPstV7zwUOIEJnwTMAotqofmJjBvdbDGCTQ7jdrfXY");
        hosts.update(h);
        CollectionStore collections(db);
        for (const QString &file : {QStringLiteral("resolv.conf"), QStringLiteral("identities.txt")}) {
            const qint64 c = collections.begin(h.id, QStringLiteral("file"), QStringLiteral("cat ") + file);
            collections.setHostKey(c, h.hostkeyType, h.hostkeySha256);
            ArtifactWriter aw(db, {c, h.id, QStringLiteral("file"), file, QStringLiteral("/remote/") + file, QStringLiteral("text/plain")});
            aw.append(ReportFixture::fixture(file));
            aw.finish();
            collections.finish(c, CollectionRecord::Status::Complete);
        }
        db.prepare(QStringLiteral("UPDATE collections SET operator = ? WHERE host_id = ?"))
            .bind(1, QStringLiteral("mkoch@ws-ir-03.corp.example.com")).bind(2, h.id).exec();
        db.prepare(QStringLiteral("UPDATE case_info SET created_by = ?")).bind(1, QStringLiteral("mkoch@ws-ir-03")).exec();
        // The operator's own audit entries: the actor is "mkoch <account@this machine>"
        // (a configured display name in front of the account).
        qputenv("CASEBOOK_OPERATOR_NAME", "mkoch");
        Note n;
        n.title = QStringLiteral("backup network");
        n.body = QStringLiteral("db-prod-07.backup.example.org answered on the backup network; the NFS mounts did not.");
        NoteStore(db).create(n);
        qunsetenv("CASEBOOK_OPERATOR_NAME");
        return path;
    }

private slots:
    void initTestCase()
    {
        // Later Casebook schema areas, for this process and its casectl children.
        const QString extension = TestEnv::dataDir() + QStringLiteral("/schema-extension/redaction-later-area.sql");
        qputenv("CASEBOOK_TEST_SCHEMA_EXTENSION", extension.toLocal8Bit());
        m_env.insert(QStringLiteral("CASEBOOK_TEST_SCHEMA_EXTENSION"), extension);
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("incident.casebook"));
        m_values = ReportFixture::build(m_case);
        // Values in places a later schema adds: a table of its own, a blob,
        // an FTS5 index, and evidence text with IPv6, e-mail and /proc/net forms.
        auto cf = CaseFile::open(m_case);
        SqliteDatabase &db = cf->db();
        db.prepare(QStringLiteral("INSERT INTO later_area_peers(peer, raw, port) VALUES (?,?,?)"))
            .bind(1, QStringLiteral("fe80::1ff:fe23:4567:890a%eth0 -> 2a01:4f8:c17:1a2b::7"))
            .bindBlob(2, QByteArray("peer=172.16.99.5\0web-node-12", 27)).bind(3, 2049).exec();
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

    // Inputs the fuzzer found (tests/data/fuzz/redaction/leak-*.txt; first
    // three lines: hosts, users, terms): the scanner that checks an export
    // finds nothing the redactor left, so the export never refuses its own output.
    void nothingLeftOnFuzzFindings_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(TestEnv::dataDir() + QStringLiteral("/fuzz/redaction"));
        const QStringList leaks = dir.entryList({QStringLiteral("leak-*.txt")}, QDir::Files, QDir::Name);
        QVERIFY(!leaks.isEmpty());
        for (const QString &f : leaks)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void nothingLeftOnFuzzFindings()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() > 3);
        auto listOf = [](const QByteArray &line) { return QString::fromUtf8(line).split(QLatin1Char(','), Qt::SkipEmptyParts); };
        const QStringList hosts = listOf(lines.takeFirst()), users = listOf(lines.takeFirst());
        for (const QString &profile : {QStringLiteral("standard"), QStringLiteral("strict")}) {
            Redactor::Options options;
            options.terms = listOf(lines.first());
            options.patterns = {QStringLiteral("ticket-[0-9]+")};
            options.profile = profile;
            PseudonymMap map;
            Redactor redactor(map, options);
            for (const QString &h : hosts)
                redactor.addHost(h);
            for (const QString &u : users)
                redactor.addPrincipal(u);
            const QString text = redactor.redact(QString::fromUtf8(lines.mid(1).join('\n')));
            const QList<RedactionScanner::Match> left = redactor.scanner().findAll(text);
            QStringList what;
            for (const RedactionScanner::Match &m : left)
                what << m.kind + QStringLiteral(" '") + m.original + QLatin1Char('\'');
            QVERIFY2(left.isEmpty(), qPrintable(profile + QStringLiteral(": ") + what.join(QStringLiteral(", "))));
        }
    }

    void redactorUnit()
    {
        PseudonymMap map;
        Redactor r(map, {});
        r.addHost(QStringLiteral("alice@db01.example.org:2222"));
        // A fully qualified name as a whole, its first label alone as the same host-1.
        QCOMPARE(r.redact(QStringLiteral("ssh alice@db01.example.org; db01 up; db011 other; DB01 again; db01.log")),
                 QStringLiteral("ssh user-1@host-1.domain-1.invalid; host-1 up; db011 other; host-1 again; host-1.log"));
        // Other hosts of the domain, and the domain itself.
        QCOMPARE(r.redact(QStringLiteral("mx1.example.org relays for example.org; bob@db01.example.org")),
                 QStringLiteral("host-2.domain-1.invalid relays for domain-1.invalid; user-2@host-1.domain-1.invalid"));
        QCOMPARE(r.redact(QStringLiteral("from 10.0.0.7:22 to 127.0.0.1 via 10.0.0.7, mask 255.255.255.0, v1.2.3")),
                 QStringLiteral("from 192.0.2.1:22 to 127.0.0.1 via 192.0.2.1, mask 255.255.255.0, v1.2.3"));
        QCOMPARE(r.redact(QStringLiteral("std::vector 12:34:56 ::1 fe80::1")), QStringLiteral("std::vector 12:34:56 ::1 2001:db8::1"));
        QVERIFY(Redactor::isSystemAccount(QStringLiteral("root")));
        r.addUser(QStringLiteral("root"));
        QCOMPARE(r.redact(QStringLiteral("root rootfs")), QStringLiteral("root rootfs"));
        QCOMPARE(QString::fromLatin1(r.redactBytes(QByteArray("x\0db01\xff", 7))), QString::fromLatin1(QByteArray("x\0host-1\xff", 9)));
        // Pseudonyms are never taken for originals.
        QCOMPARE(r.redact(QStringLiteral("host-1.domain-1.invalid user-2 email-3@example.org")),
                 QStringLiteral("host-1.domain-1.invalid user-2 email-3@example.org"));
    }

    void ipv6Forms_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("plain") << QStringLiteral("fd00:1234::40") << 13 << QStringLiteral("fd00:1234::40");
        QTest::newRow("five-digit port") << QStringLiteral("fd00:1234::40:40000") << 13 << QStringLiteral("fd00:1234::40");
        QTest::newRow("tcpdump port") << QStringLiteral("fd00:1234::7.917") << 12 << QStringLiteral("fd00:1234::7");
        QTest::newRow("full, then port") << QStringLiteral("2a01:4f8:0:0:0:0:0:7:443") << 20 << QStringLiteral("2a01:4f8::7");
        QTest::newRow("sentence end") << QStringLiteral("FD00:1234:0:0::40.") << 17 << QStringLiteral("fd00:1234::40");
        QTest::newRow("ipv4-mapped") << QStringLiteral("::ffff:10.1.84.31") << 17 << QStringLiteral("::ffff:10.1.84.31");
        QTest::newRow("four-digit group is address") << QStringLiteral("fd00:1234::40:2049") << 18 << QStringLiteral("fd00:1234::40:2049");
        QTest::newRow("time of day") << QStringLiteral("12:34:56") << 0 << QString();
        QTest::newRow("two gaps") << QStringLiteral("1::2::3") << 0 << QString();
        QTest::newRow("nine groups") << QStringLiteral("1:2:3:4:5:6:7:8:9a") << 0 << QString();
    }

    void ipv6Forms()
    {
        QFETCH(QString, token);
        QFETCH(int, length);
        QFETCH(QString, canonical);
        QCOMPARE(IpAddressText::ipv6Length(token), qsizetype(length));
        QCOMPARE(IpAddressText::canonicalIpv6(QStringView(token).left(length)), canonical);
    }

    // identities.txt through a fresh Redactor gives identities.redacted.txt:
    // FQDNs whole (host-N.domain-M.invalid), short names as the same host-N,
    // every IPv4/IPv6 spelling, fingerprints, public keys, the operator.
    // Found by fuzz_redaction: a host first met as a bare name, then as a
    // fully qualified name under a known domain, was learnt only after the
    // names had been replaced, and the bare name stayed.
    void namesLearntLateAreRedactedEverywhere()
    {
        PseudonymMap map;
        Redactor r(map, {});
        r.addHost(QStringLiteral("nfs-prod-07.corp.example.net"));
        const QString in = QStringLiteral("nfs: server nfs-prod-27 not responding\n"
                                          "nfs: server nfs-prod-27.corp.example.net not responding, timed out\n");
        const QString out = r.redact(in);
        QVERIFY2(!out.contains(QLatin1String("nfs-prod-27")), qPrintable(out));
        QCOMPARE(r.scanner().findAll(out).size(), 0);
        PseudonymMap map2;
        Redactor bytes(map2, {});
        bytes.addHost(QStringLiteral("nfs-prod-07.corp.example.net"));
        QVERIFY(!bytes.redactBytes(in.toUtf8()).contains("nfs-prod-27"));
    }

    void redactorRemovesEveryIdentityForm()
    {
        PseudonymMap map;
        Redactor r(map, {});
        r.addHost(QStringLiteral("db-prod-07.corp.example.com"));
        r.addHost(QStringLiteral("nfs-prod-07.corp.example.net"));
        r.addPrincipal(QStringLiteral("mkoch@ws-ir-03.corp.example.com"));
        const QString in = QString::fromUtf8(ReportFixture::fixture(QStringLiteral("identities.txt")));
        const QString out = r.redact(in);
        QCOMPARE(out, QString::fromUtf8(ReportFixture::fixture(QStringLiteral("identities.redacted.txt"))));
        QCOMPARE(r.scanner().findAll(out).size(), 0);
        QCOMPARE(QString::fromLatin1(r.redactBytes(in.toUtf8())), out);
        const QStringList originals = fixtureLines(QStringLiteral("identities.originals.txt"));
        QVERIFY(originals.size() >= 10);
        QStringList survivors;
        for (const QString &v : originals)
            if (out.contains(v, Qt::CaseInsensitive))
                survivors.append(v);
        QCOMPARE(survivors, QStringList());

        // Host keys kept on request, everything else still redacted.
        PseudonymMap map2;
        Redactor keep(map2, {QStringLiteral("standard"), {}, {}, true});
        keep.addHost(QStringLiteral("db-prod-07.corp.example.com"));
        const QString kept = keep.redact(in);
        QVERIFY(kept.contains(QLatin1String("SHA256:PAPstV7zwUOIEJnwTMAotqofmJjBvdbDGCTQ7jdrfXY")));
        QVERIFY(kept.contains(QLatin1String("AAAAC3NzaC1lZDI1NTE5AAAAIAM7q9ogpQMkYI8J/p27sPETayzKABh99bVAIVXieFmj")));
        QVERIFY(!kept.contains(QLatin1String("db-prod-07")));
    }

    void exportRemovesTheWholeIdentity()
    {
        const QString src = buildIdentityCase(QStringLiteral("identities.casebook"));
        const QString out = m_dir.filePath(QStringLiteral("identities-shared.casebook"));
        const auto r = casectl({QStringLiteral("export"), src, out, QStringLiteral("--redact"), QStringLiteral("--redact-term"),
                                QStringLiteral("deploybot"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object();
        // resolv.conf's search domain was learned after resolv.conf was redacted: the second pass removed it.
        QVERIFY2(res.value(QStringLiteral("second_pass_values")).toInt() >= 1, r.out.constData());

        QStringList originals = fixtureLines(QStringLiteral("identities.originals.txt"));
        originals << QStringLiteral("backup.example.org") << QStringLiteral("deploybot") << QStringLiteral("web-node-12")
                  << QStringLiteral("q8F0nXyPj3mN6tYx1bGkT0pJ7cW2eR5sLhVd9aZ4uQo") << QStringLiteral("Zx3kP0qLm8N2vB7cT5rY1wE4uI6oA9sD0fG3hJ2kL5M");
        const QString inSource = survivorsIn(src, {QStringLiteral("fd00:1234::40:40000"), QStringLiteral("backup.example.org")}).join(QLatin1Char('\n'));
        QVERIFY(inSource.contains(QLatin1String("fd00:1234::40:40000 in ")) && inSource.contains(QLatin1String("backup.example.org in "))); // sanity
        QCOMPARE(survivorsIn(out, originals), QStringList());
        QCOMPARE(hitsIn(readFile(out), originals), QStringList());

        // Consistent pseudonyms: each FQDN's pseudonym starts with its short name's.
        auto orig = CaseFile::open(src, CaseFile::Access::ReadOnly);
        auto pseudonym = [&](const QString &kind, const QString &original) {
            SqliteStatement st = orig->db().prepare(QStringLiteral("SELECT pseudonym FROM redaction_map WHERE kind = ? AND original = ?"));
            st.bind(1, kind).bind(2, original);
            return st.step() ? st.text(0) : QString();
        };
        const QString dbShort = pseudonym(QStringLiteral("host"), QStringLiteral("db-prod-07"));
        const QString dbFqdn = pseudonym(QStringLiteral("fqdn"), QStringLiteral("db-prod-07.corp.example.com"));
        const QString nfsShort = pseudonym(QStringLiteral("host"), QStringLiteral("nfs-prod-07"));
        const QString nfsFqdn = pseudonym(QStringLiteral("fqdn"), QStringLiteral("nfs-prod-07.corp.example.net"));
        QVERIFY2(QRegularExpression(QStringLiteral("^host-[0-9]+\\.domain-[0-9]+\\.invalid$")).match(dbFqdn).hasMatch(), qPrintable(dbFqdn));
        QVERIFY2(dbFqdn.startsWith(dbShort + QLatin1Char('.')), qPrintable(dbShort + QLatin1Char(' ') + dbFqdn));
        QVERIFY2(nfsFqdn.startsWith(nfsShort + QLatin1Char('.')), qPrintable(nfsShort + QLatin1Char(' ') + nfsFqdn));
        QVERIFY(dbFqdn.section(QLatin1Char('.'), 1) != nfsFqdn.section(QLatin1Char('.'), 1)); // two domains

        auto copy = CaseFile::open(out, CaseFile::Access::ReadOnly);
        SqliteDatabase &c = copy->db();
        const QString text = c.queryText(QStringLiteral("SELECT group_concat(data, '') FROM (SELECT data FROM artifact_chunks "
                                                        "WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'identities.txt') ORDER BY seq)"));
        QVERIFY2(text.contains(QStringLiteral("# mount -v on %1 (").arg(dbShort)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("debug1: Connecting to %1 [2001:db8::").arg(dbFqdn)));
        QVERIFY(text.contains(QStringLiteral("lockd: server %1 OK").arg(nfsFqdn)));
        QVERIFY(text.contains(QStringLiteral("mounting %1:/srv/php").arg(nfsShort)));
        // One pseudonym for the NFS server's IPv6 address in all four spellings, and for its IPv4 address in four.
        const QString v6 = QRegularExpression(QStringLiteral("nfs: server (2001:db8::[0-9a-f]+) not responding")).match(text).captured(1);
        QVERIFY2(!v6.isEmpty(), qPrintable(text));
        for (const QString &form : {QStringLiteral("[%1]:2049 OK"), QStringLiteral("for server %1:40000"), QStringLiteral("> %1.2049: Flags")})
            QVERIFY2(text.contains(form.arg(v6)), qPrintable(form.arg(v6)));
        const QString v4 = QRegularExpression(QStringLiteral("lockd: server (192\\.0\\.2\\.[0-9]+) not responding")).match(text).captured(1);
        QVERIFY2(!v4.isEmpty(), qPrintable(text));
        for (const QString &form : {QStringLiteral("addr=::ffff:%1,"), QStringLiteral("on %1:2049"), QStringLiteral("> %1.2049: Flags")})
            QVERIFY2(text.contains(form.arg(v4)), qPrintable(form.arg(v4)));
        QVERIFY(text.contains(QLatin1String("default via 2001:db8::")) && text.contains(QLatin1String("%eth0 dev eth0")));
        QVERIFY(text.contains(QLatin1String("> ff02::1: ICMP6"))); // a multicast group names no host
        QVERIFY(text.contains(QLatin1String("ssh-ed25519 SHA256:fingerprint-")) && text.contains(QLatin1String("is MD5:fingerprint-")));
        QVERIFY(text.contains(QLatin1String(" ssh-ed25519 key-")));
        const QString resolv = c.queryText(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'resolv.conf')"));
        QVERIFY2(QRegularExpression(QStringLiteral("search domain-[0-9]+\\.invalid\n")).match(resolv).hasMatch(), qPrintable(resolv));
        QVERIFY(resolv.contains(QLatin1String("nameserver 127.0.0.53")));

        // Host keys and the operator's identity, column by column.
        const QString hostKeys = c.queryText(QStringLiteral("SELECT group_concat(hostkey_sha256, ' ') FROM hosts WHERE hostkey_sha256 IS NOT NULL"));
        QVERIFY2(QRegularExpression(QStringLiteral("^SHA256:fingerprint-[0-9]+( SHA256:fingerprint-[0-9]+){2}$")).match(hostKeys).hasMatch(), qPrintable(hostKeys));
        QCOMPARE(c.queryInt(QStringLiteral("SELECT count(*) FROM collections WHERE hostkey_sha256 NOT LIKE 'SHA256:fingerprint-%'")), 0);
        const QString op = c.queryText(QStringLiteral("SELECT operator FROM collections WHERE command = 'cat identities.txt'"));
        QVERIFY2(QRegularExpression(QStringLiteral("^user-[0-9]+@host-[0-9]+\\.domain-[0-9]+\\.invalid$")).match(op).hasMatch(), qPrintable(op));
        const QString createdBy = c.queryText(QStringLiteral("SELECT created_by FROM case_info"));
        QVERIFY2(QRegularExpression(QStringLiteral("^user-[0-9]+@host-[0-9]+$")).match(createdBy).hasMatch(), qPrintable(createdBy));
        QCOMPARE(createdBy.section(QLatin1Char('@'), 0, 0), op.section(QLatin1Char('@'), 0, 0));
        // The note's author: "mkoch <account@this machine>", mkoch being the display name.
        QCOMPARE(OperatorIdentity::parse(c.queryText(QStringLiteral("SELECT author FROM notes WHERE title = 'backup network'"))).displayName,
                 op.section(QLatin1Char('@'), 0, 0));
        // Every audit actor's machine is a pseudonym (or a name every system has, such as localhost).
        SqliteStatement actors = c.prepare(QStringLiteral("SELECT DISTINCT actor FROM audit_log"));
        QStringList notPseudonymous, all;
        while (actors.step()) {
            all.append(actors.text(0));
            const QString machine = OperatorIdentity::parse(actors.text(0)).host;
            if (!PseudonymMap::looksLikePseudonym(machine) && !Redactor::isSystemAccount(machine))
                notPseudonymous.append(actors.text(0));
        }
        QVERIFY(!all.isEmpty());
        QCOMPARE(notPseudonymous, QStringList());

        // The copy is a sound case: artifacts re-hashed after both passes, audit chain recomputed.
        const auto v = casectl({QStringLiteral("verify"), out, QStringLiteral("--json")});
        QVERIFY2(v.exitCode == 0, v.out.constData());
    }

    void exportRefusesWhatItCannotRemove()
    {
        // A host name in the schema itself (a column default of a later
        // area's table, see tests/data/schema-extension): no pass can change it.
        const QString src = buildIdentityCase(QStringLiteral("schema-leak.casebook"));
        {
            auto cf = CaseFile::open(src);
            HostStore(cf->db()).ensure(QStringLiteral("nfs-leak-42")); // only this case knows the name
        }
        const QString out = m_dir.filePath(QStringLiteral("schema-leak-shared.casebook"));
        const auto r = casectl({QStringLiteral("export"), src, out, QStringLiteral("--redact")});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QLatin1String("host 'nfs-leak-42'")) && err.contains(QLatin1String("table later_area_mounts")), r.err.constData());
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
    }
};

QTEST_GUILESS_MAIN(RedactionTest)
#include "RedactionTest.moc"
