#include "blockers/BlockerRuleSet.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// Every stack-frame rule against real stacks (tests/data/blockers/stacks):
// NAME.stack (frames innermost first, '# state: S' to change the task state
// from D) beside NAME.expected, the classification the bundled rules give.
// CASEBOOK_REGENERATE=1 rewrites the expected files (review the diff).
class BlockerRulesTest : public QObject
{
    Q_OBJECT

    static QString dataDir() { return qEnvironmentVariable("CASEBOOK_TEST_DATA") + QStringLiteral("/blockers/stacks"); }

    static QString classify(const BlockerRuleSet &rules, const QByteArray &stackFile)
    {
        QStringList frames;
        QString state = QStringLiteral("D");
        for (const QByteArray &line : stackFile.split('\n')) {
            const QString l = QString::fromUtf8(line).trimmed();
            if (l.startsWith(QLatin1String("# state:")))
                state = l.mid(8).trimmed();
            else if (!l.isEmpty() && !l.startsWith(QLatin1Char('#')))
                frames.append(l);
        }
        const StackClassification c = rules.classify(frames, state);
        QString out = QStringLiteral("state %1\n").arg(state);
        if (c.waits())
            out += QStringLiteral("wait %1 %2 at %3\n").arg(c.wait.rule->id, c.wait.rule->resource, c.wait.frame);
        else
            out += QStringLiteral("wait none\n");
        for (const auto &h : c.holds)
            out += QStringLiteral("hold %1 %2 at %3\n").arg(h.rule->id, h.rule->resource, h.frame);
        return out;
    }

private slots:
    void bundledRulesLoad()
    {
        const BlockerRuleSet rules = BlockerRuleSet::bundled();
        QVERIFY2(rules.problems().isEmpty(), qPrintable(rules.problems().join(QLatin1Char('\n'))));
        QVERIFY(rules.rules().size() >= 10);
        for (const char *id : {"fuse-request", "dir-lock-holder", "dir-lock-wait", "file-lock-wait", "nfs-lock-manager", "nfs-rpc-wait",
                               "work-flush", "rcu-grace-period", "completion"})
            QVERIFY2(rules.byId(QString::fromLatin1(id)), id);
    }

    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files = QDir(dataDir()).entryList({QStringLiteral("*.stack")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 14);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(6);
    }

    void fixtures()
    {
        QFETCH(QString, name);
        const BlockerRuleSet rules = BlockerRuleSet::bundled();
        QFile in(dataDir() + QLatin1Char('/') + name + QStringLiteral(".stack"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString got = classify(rules, in.readAll());
        QFile expected(dataDir() + QLatin1Char('/') + name + QStringLiteral(".expected"));
        if (qEnvironmentVariableIntValue("CASEBOOK_REGENERATE")) {
            QVERIFY(expected.open(QIODevice::WriteOnly | QIODevice::Truncate));
            expected.write(got.toUtf8());
            return;
        }
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));
        QCOMPARE(got, QString::fromUtf8(expected.readAll()));
    }

    // Every bundled rule is exercised by at least one fixture.
    void everyRuleHasAFixture()
    {
        const BlockerRuleSet rules = BlockerRuleSet::bundled();
        QSet<QString> used;
        const QStringList files = QDir(dataDir()).entryList({QStringLiteral("*.expected")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files) {
            QFile in(dataDir() + QLatin1Char('/') + f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            for (const QByteArray &line : in.readAll().split('\n'))
                if (line.startsWith("wait ") || line.startsWith("hold "))
                    used.insert(QString::fromUtf8(line.split(' ').value(1)));
        }
        QStringList missing;
        for (const BlockerRule &r : rules.rules())
            if (!used.contains(r.id))
                missing.append(r.id);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("rules without a fixture: ") + missing.join(QStringLiteral(", "))));
    }

    // A holder never "holds" what it waits for; waits-or-holds frames outer to the wait are holds.
    void holderOfLookupWaitsOnFuse()
    {
        const BlockerRuleSet rules = BlockerRuleSet::bundled();
        const StackClassification c = rules.classify({QStringLiteral("request_wait_answer"), QStringLiteral("fuse_lookup"),
                                                      QStringLiteral("__lookup_slow"), QStringLiteral("walk_component")});
        QVERIFY(c.waits());
        QCOMPARE(c.wait.rule->resource, QStringLiteral("fuse-server"));
        QCOMPARE(c.holds.size(), 1);
        QCOMPARE(c.holds.first().rule->resource, QStringLiteral("directory-lock"));
        // Rules apply to their states only: flock's wait is interruptible (S), a plain S task in completion is not waiting on anything.
        QVERIFY(rules.classify({QStringLiteral("flock_lock_inode_wait")}, QStringLiteral("S")).waits());
        QVERIFY(!rules.classify({QStringLiteral("wait_for_completion")}, QStringLiteral("S")).waits());
    }

    // Users extend the rules: their directory first; a bad file is a problem, not a failure.
    void userRulesComeFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile good(dir.filePath(QStringLiteral("10-site.json")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(R"({"format": 1, "rules": [
            {"id": "site-zfs-txg", "frames": ["txg_wait_synced", "txg_wait_open"], "role": "waits", "resource": "zfs-txg",
             "explanation": "waits for a ZFS transaction group to sync", "next_step": "zpool iostat"},
            {"id": "fuse-request", "frames": ["request_wait_answer"], "role": "waits", "resource": "site-fuse", "explanation": "x", "next_step": "y"},
            {"id": "", "frames": ["x"], "role": "waits", "resource": "r"}
        ]})");
        good.close();
        QFile bad(dir.filePath(QStringLiteral("20-broken.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ not json \x1b[31m");
        bad.close();
        qputenv("CASEBOOK_BLOCKER_RULES_DIR", dir.path().toUtf8());
        const BlockerRuleSet rules = BlockerRuleSet::standard();
        qunsetenv("CASEBOOK_BLOCKER_RULES_DIR");
        QVERIFY(rules.byId(QStringLiteral("site-zfs-txg")));
        QCOMPARE(rules.byId(QStringLiteral("fuse-request"))->resource, QStringLiteral("site-fuse")); // the user's replaces the bundled one
        QVERIFY(rules.byId(QStringLiteral("dir-lock-holder"))); // the rest of the bundled set stays
        QCOMPARE(rules.problems().size(), 2); // the rule without id, the broken file
        const StackClassification c = rules.classify({QStringLiteral("txg_wait_synced.isra.3+0x10/0x20"), QStringLiteral("zfs_write")});
        QVERIFY(c.waits());
        QCOMPARE(c.wait.rule->id, QStringLiteral("site-zfs-txg"));
    }

    void functionNames()
    {
        QCOMPARE(BlockerRuleSet::functionName(QStringLiteral("[<0>] __synchronize_srcu.part.13+0x85/0xb0")), QStringLiteral("__synchronize_srcu"));
        QCOMPARE(BlockerRuleSet::functionName(QStringLiteral("[<0>] rpc_wait_bit_killable+0x1e/0xa0 [sunrpc]")), QStringLiteral("rpc_wait_bit_killable"));
        QCOMPARE(BlockerRuleSet::functionName(QStringLiteral("lookup_open.isra.0")), QStringLiteral("lookup_open"));
        QCOMPARE(BlockerRuleSet::functionName(QStringLiteral("foo.cold")), QStringLiteral("foo"));
    }
};

QTEST_GUILESS_MAIN(BlockerRulesTest)
#include "BlockerRulesTest.moc"
