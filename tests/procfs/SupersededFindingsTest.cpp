#include "TestEnv.h"
#include "analysis/DStateTriage.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "kernellog/KernelLogIngest.h"
#include "procfs/ProcfsIngest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Findings are never deleted: a later analysis supersedes them. A note's
// [[finding:N]] keeps resolving, casectl findings --all lists them, the
// default list shows only the current ones.
class SupersededFindingsTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    static constexpr qint64 kBoot = 1700000000LL * 1000000;

    static QByteArray fixture(const QString &name)
    {
        QFile f(qEnvironmentVariable("CASEBOOK_TEST_DATA") + QStringLiteral("/procfs/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The case of the issue: the kernel-event-task finding of one snapshot
    // is replaced at the next collection, and a note cites the first.
    void kernelEventFindingSurvivesTheNextCollection()
    {
        const QString path = m_dir.filePath(QStringLiteral("k.casebook"));
        qint64 first = 0;
        {
            auto cf = CaseFile::create(path, QStringLiteral("k"));
            SqliteDatabase &db = cf->db();
            const qint64 host = HostStore(db).ensure(QStringLiteral("rain-7"));
            CollectionStore cs(db);
            ProcfsIngest(db).ingest(fixture(QStringLiteral("seed001.snapshot")), {}, cs.begin(host, QStringLiteral("procfs"), QStringLiteral("one")),
                                    host, 0);
            KernelLogIngest(db).ingest(fixture(QStringLiteral("kernel-log/oom-kill.txt")),
                                       cs.begin(host, QStringLiteral("kernel-log"), QStringLiteral("fixture")), host, 0, kBoot);
            const QList<Finding> before = FindingStore(db).list(host, QStringLiteral("kernel-event-task"));
            QCOMPARE(before.size(), 1);
            first = before[0].id;
            // A second snapshot: the correlation now points at it.
            ProcfsIngest(db).ingest(fixture(QStringLiteral("seed001.snapshot")), {}, cs.begin(host, QStringLiteral("procfs"), QStringLiteral("two")),
                                    host, 0);
            const QList<Finding> current = FindingStore(db).list(host, QStringLiteral("kernel-event-task"));
            QCOMPARE(current.size(), 1);
            QVERIFY(current[0].id != first);
            const std::optional<Finding> old = FindingStore(db).byId(first);
            QVERIFY(old);
            QVERIFY(old->isSuperseded());
            QCOMPARE(old->supersededBy, current[0].id);
            QVERIFY(!old->evidence.isEmpty()); // its evidence links stay too
            const QList<Finding> all = FindingStore(db).list(host, QStringLiteral("kernel-event-task"), FindingStore::Include::All);
            QCOMPARE(all.size(), 2);
        }
        // casectl: the default list is the current findings; --all adds the superseded, marked.
        const auto cur = runCasectl({QStringLiteral("findings"), path, QStringLiteral("--kind"), QStringLiteral("kernel-event-task"),
                                     QStringLiteral("--json")});
        QCOMPARE(cur.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(cur.out).object().value(QStringLiteral("count")).toInt(), 1);
        const auto all = runCasectl({QStringLiteral("findings"), path, QStringLiteral("--kind"), QStringLiteral("kernel-event-task"),
                                     QStringLiteral("--all"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(all.out).object().value(QStringLiteral("findings")).toArray();
        QCOMPARE(arr.size(), 2);
        int superseded = 0;
        for (const auto &v : arr) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toInteger() == first) {
                ++superseded;
                QVERIFY(!o.value(QStringLiteral("superseded_at")).toString().isEmpty());
                QVERIFY(o.value(QStringLiteral("superseded_by")).toInteger() > first);
            } else {
                QVERIFY(o.value(QStringLiteral("superseded_at")).isNull());
            }
        }
        QCOMPARE(superseded, 1);
        const auto plain = runCasectl({QStringLiteral("findings"), path, QStringLiteral("--all")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains(QStringLiteral("#%1 superseded").arg(first).toUtf8()), plain.out.constData());
    }

    // Re-running an analysis on unchanged evidence keeps the findings as
    // they were: same ids, no copies, nothing superseded.
    void unchangedFindingsKeepTheirIds()
    {
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("d.casebook")), QStringLiteral("d"));
        SqliteDatabase &db = cf->db();
        const qint64 host = HostStore(db).ensure(QStringLiteral("edge-1"));
        const qint64 c = CollectionStore(db).begin(host, QStringLiteral("procfs"), QStringLiteral("fixture"));
        ProcfsIngest(db).ingest(fixture(QStringLiteral("seed000.snapshot")), {}, c, host, 0);
        QList<qint64> ids;
        for (const Finding &f : FindingStore(db).list(host))
            ids.append(f.id);
        QVERIFY(ids.size() >= 3);
        QVERIFY(DStateTriage(db).run(c) >= 3);
        QList<qint64> again;
        for (const Finding &f : FindingStore(db).list(host))
            again.append(f.id);
        QCOMPARE(again, ids);
        QCOMPARE(FindingStore(db).list(host, {}, FindingStore::Include::All).size(), ids.size());
    }
};

QTEST_GUILESS_MAIN(SupersededFindingsTest)
#include "SupersededFindingsTest.moc"
