#include "blockers/BlockerChain.h"
#include "blockers/BlockerInputs.h"
#include "blockers/BlockerVerdicts.h"
#include "blockers/WaitsForGraph.h"

#include <QJsonArray>
#include <QTest>

// The graph and the ranking on hand-built graphs in the seeds' shapes.
class BlockerGraphTest : public QObject
{
    Q_OBJECT

    static int task(WaitsForGraph &g, int tid, const QString &comm)
    {
        const int n = g.ensureNode(QStringLiteral("task:%1").arg(tid), QStringLiteral("task"), QStringLiteral("%1 (%2)").arg(comm).arg(tid));
        g.node(n).data.insert(QStringLiteral("comm"), comm);
        g.node(n).data.insert(QStringLiteral("tid"), tid);
        g.node(n).evidence.append({QStringLiteral("task"), 1000 + tid, comm});
        return n;
    }

    // Seed 000's shape: 40 tasks behind a directory lock held by one task
    // that waits on a FUSE server; a decoy waits on the same server.
    static WaitsForGraph fuseShape(int victims)
    {
        WaitsForGraph g;
        const int server = g.ensureNode(QStringLiteral("task:1"), QStringLiteral("task"), QStringLiteral("hangfs-daemon (1)"));
        const int fuse = g.ensureNode(QStringLiteral("fuse-server:/mnt"), QStringLiteral("fuse-server"), QStringLiteral("FUSE server of /mnt"));
        g.addEdge(fuse, server, WaitsForGraph::servedBy(), QStringLiteral("/dev/fuse"), QStringLiteral("fd-dev-fuse"));
        const int dir = g.ensureNode(QStringLiteral("directory-lock:/mnt"), QStringLiteral("directory-lock"), QStringLiteral("directory lock on /mnt"));
        // The decoy is added first and its pid is lower: order must not decide.
        const int decoy = task(g, 5, QStringLiteral("decoy"));
        g.addEdge(decoy, fuse, WaitsForGraph::waitsFor(), {}, QStringLiteral("fuse-request"));
        const int holder = task(g, 90, QStringLiteral("holder"));
        g.addEdge(holder, fuse, WaitsForGraph::waitsFor(), {}, QStringLiteral("fuse-request"));
        g.addEdge(holder, dir, WaitsForGraph::holds(), {}, QStringLiteral("dir-lock-wait"));
        for (int i = 0; i < victims; ++i)
            g.addEdge(task(g, 100 + i, QStringLiteral("victim")), dir, WaitsForGraph::waitsFor(), {}, QStringLiteral("dir-lock-wait"));
        return g;
    }

private slots:
    void holderRanksAboveDecoy()
    {
        const WaitsForGraph g = fuseShape(40);
        const QList<BlockerVerdicts::Candidate> c = BlockerVerdicts::rank(g);
        QVERIFY(c.size() >= 2);
        QCOMPARE(g.node(c[0].node).key, QStringLiteral("task:1"));   // the daemon that never answers
        QCOMPARE(c[0].blocked, 42);
        QCOMPARE(g.node(c[1].node).key, QStringLiteral("task:90")); // the holder
        QCOMPARE(c[1].blocked, 40);
        for (const auto &x : c)
            QVERIFY(g.node(x.node).key != QLatin1String("task:5")); // the decoy blocks nobody: never a candidate
        // The top chain: victims, the lock, its holder, the FUSE node, the daemon.
        const QString text = c[0].chain.text(g);
        QVERIFY2(text.startsWith(QStringLiteral("40 task(s) (40 × victim)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("directory lock on /mnt, held by holder (90)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("waits for FUSE server of /mnt, served by hangfs-daemon (1)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[[task:1100]]")), qPrintable(text));

        BlockerInputs none;
        const QList<Finding> f = BlockerVerdicts::findings(g, none);
        QVERIFY(!f.isEmpty());
        QCOMPARE(f[0].kind, QStringLiteral("blocker-root-cause"));
        QCOMPARE(f[0].data.value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(f[0].severity, QStringLiteral("critical"));
        // Evidence links of the chain, victims included.
        bool victimLinked = false, holderLinked = false;
        for (const EvidenceRef &r : f[0].evidence) {
            victimLinked |= r.refKind == QLatin1String("task") && r.refId == 1100;
            holderLinked |= r.refKind == QLatin1String("task") && r.refId == 1090;
        }
        QVERIFY(victimLinked && holderLinked);
    }

    // A tie is explained, and the explanation says why.
    void tiesAreExplained()
    {
        WaitsForGraph g;
        const int statd = g.ensureNode(QStringLiteral("service:rpc-statd"), QStringLiteral("service"), QStringLiteral("rpc-statd"));
        g.node(statd).status = QStringLiteral("inactive");
        const int lockd = g.ensureNode(QStringLiteral("nfs-lock-server:10.1.84.31"), QStringLiteral("nfs-lock-server"), QStringLiteral("lockd on 10.1.84.31"));
        g.node(lockd).external = true;
        g.node(lockd).status = QStringLiteral("not-responding");
        g.addEdge(lockd, statd, WaitsForGraph::waitsFor(), {}, QStringLiteral("nfsv3-needs-statd"));
        for (int i = 0; i < 3; ++i)
            g.addEdge(task(g, 200 + i, QStringLiteral("php-fpm")), lockd, WaitsForGraph::waitsFor(), {}, QStringLiteral("nfs-lock-manager"));
        // Two unrelated servers, each blocking 2: nothing separates them.
        for (const char *name : {"b-server", "a-server"}) {
            const int s = g.ensureNode(QStringLiteral("endpoint:%1").arg(QLatin1String(name)), QStringLiteral("endpoint"), QString::fromLatin1(name));
            g.node(s).external = true;
            for (int i = 0; i < 2; ++i)
                g.addEdge(task(g, 300 + i + (name[0] == 'a' ? 10 : 0), QStringLiteral("client")), s, WaitsForGraph::waitsFor(), {}, QStringLiteral("strace"));
        }
        const QList<BlockerVerdicts::Candidate> c = BlockerVerdicts::rank(g);
        QCOMPARE(c.size(), 4);
        QCOMPARE(g.node(c[0].node).key, QStringLiteral("service:rpc-statd"));
        QCOMPARE(g.node(c[1].node).key, QStringLiteral("nfs-lock-server:10.1.84.31"));
        QCOMPARE(c[0].blocked, 3);
        QCOMPARE(c[1].blocked, 3);
        QVERIFY2(c[0].tieNote.contains(QStringLiteral("ranks above lockd on 10.1.84.31")), qPrintable(c[0].tieNote));
        QVERIFY2(c[0].tieNote.contains(QStringLiteral("lockd on 10.1.84.31 waits (through the chain) on rpc-statd")), qPrintable(c[0].tieNote));
        QCOMPARE(g.node(c[2].node).label, QStringLiteral("a-server"));
        QVERIFY2(c[3].tieNote.contains(QStringLiteral("ranks below a-server")), qPrintable(c[3].tieNote));
        QVERIFY2(c[3].tieNote.contains(QStringLiteral("does not separate them")), qPrintable(c[3].tieNote));
    }

    void cyclesAreFound()
    {
        WaitsForGraph g;
        const int a = task(g, 1, QStringLiteral("a"));
        const int b = task(g, 2, QStringLiteral("b"));
        const int l1 = g.ensureNode(QStringLiteral("file-lock:1"), QStringLiteral("file-lock"), QStringLiteral("lock 1"));
        const int l2 = g.ensureNode(QStringLiteral("file-lock:2"), QStringLiteral("file-lock"), QStringLiteral("lock 2"));
        g.addEdge(a, l1, WaitsForGraph::holds(), {}, {});
        g.addEdge(b, l2, WaitsForGraph::holds(), {}, {});
        g.addEdge(a, l2, WaitsForGraph::waitsFor(), {}, {});
        g.addEdge(b, l1, WaitsForGraph::waitsFor(), {}, {});
        g.addEdge(task(g, 3, QStringLiteral("c")), l1, WaitsForGraph::waitsFor(), {}, {});
        const auto cycles = g.cycles();
        QCOMPARE(cycles.size(), 1);
        QCOMPARE(cycles.first().size(), 4);
        BlockerInputs none;
        int found = 0;
        for (const Finding &f : BlockerVerdicts::findings(g, none))
            if (f.kind == QLatin1String("blocker-cycle")) {
                ++found;
                QVERIFY(f.detail.contains(QStringLiteral("[[task:1001]]")));
            }
        QCOMPARE(found, 1);
    }

    void jsonRoundTrip()
    {
        const WaitsForGraph g = fuseShape(3);
        const WaitsForGraph back = WaitsForGraph::fromJson(g.toJson());
        QCOMPARE(back.nodeCount(), g.nodeCount());
        QCOMPARE(back.edges().size(), g.edges().size());
        QCOMPARE(back.toJson(), g.toJson());
        // Hostile JSON: unknown keys, edges to nowhere, self-loops are dropped, never a crash.
        QJsonObject bad = g.toJson();
        QJsonArray edges = bad.value(QStringLiteral("edges")).toArray();
        edges.append(QJsonObject{{QStringLiteral("from"), QStringLiteral("nowhere")}, {QStringLiteral("to"), QStringLiteral("task:1")}});
        edges.append(QJsonObject{{QStringLiteral("from"), QStringLiteral("task:1")}, {QStringLiteral("to"), QStringLiteral("task:1")}});
        bad.insert(QStringLiteral("edges"), edges);
        QCOMPARE(WaitsForGraph::fromJson(bad).edges().size(), g.edges().size());
    }
};

QTEST_GUILESS_MAIN(BlockerGraphTest)
#include "BlockerGraphTest.moc"
