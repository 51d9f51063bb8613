// The Network pane on a capture imported through the real pcap importer
// (SampleCase::addCapture, bytes from CaptureWriter): silent peers, the
// conversations PcapQuery reports, the address/port filter, RPC procedures,
// calls and registrations, the truncation warning, and [[conversation:N]] /
// [[rpc-call:N]] links selecting their row. Models under QAbstractItemModelTester.
#include "CaptureWriter.h"
#include "SampleCase.h"
#include "WorkbenchWait.h"
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "findings/FindingsPane.h"
#include "network/ConversationFilterProxy.h"
#include "network/ConversationsModel.h"
#include "network/NetworkPane.h"
#include "network/NetworkTable.h"
#include "network/RpcCallFilterProxy.h"
#include "network/RpcCallsModel.h"
#include "network/RpcProceduresModel.h"
#include "network/RpcRegistrationsModel.h"
#include "network/SilentPeersModel.h"
#include "pcap/PcapImporter.h"
#include "pcap/PcapQuery.h"
#include "util/FilterLineEdit.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Tester = QAbstractItemModelTester;

class NetworkPaneTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;
    qint64 m_capture = 0;

    static void waitLoaded(NetworkPane *p)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 15000);
    }

    qint64 conversationId(const char *where)
    {
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        return cf->db().queryInt(QStringLiteral("SELECT id FROM pcap_conversations WHERE ") + QLatin1String(where));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_path = m_dir.filePath(QStringLiteral("sample.casebook"));
        m_case = SampleCase::build(m_path);
        m_capture = m_case.addCapture(m_path);
        QVERIFY(m_capture > 0);
    }

    void emptyCaseShowsNoCaptures()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.casebook"));
        SampleCase::build(path);
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(path));
        QVERIFY(WorkbenchWait::idle(w));
        NetworkPane *p = w.networkPane();
        waitLoaded(p);
        QCOMPARE(p->conversationsModel()->rowCount(), 0);
        QCOMPARE(p->silentModel()->rowCount(), 0);
        QVERIFY(p->overviewText()->toPlainText().contains(QStringLiteral("No packet captures")));
        QCOMPARE(p->views()->currentWidget(), p->overviewPage());
        QVERIFY(p->warningBanner()->isHidden());
        QVERIFY(!WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("conversation"), 1)));
    }

    void silentPeersAndOverview()
    {
        MainWindow w;
        w.setQuiet(true);
        NetworkPane *p = w.networkPane();
        Tester t1(p->silentModel(), Tester::FailureReportingMode::QtTest);
        Tester t2(p->silentProxy(), Tester::FailureReportingMode::QtTest);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        waitLoaded(p);
        QCOMPARE(w.workspaceTabs()->indexOf(p) >= 0, true);

        // The selector: all, and the one capture with its warning.
        QCOMPARE(p->captureBox()->count(), 2);
        QVERIFY2(p->captureBox()->itemText(1).contains(QStringLiteral("cut short")), qPrintable(p->captureBox()->itemText(1)));
        QCOMPARE(p->views()->currentWidget(), p->silentPage()); // a case with silent peers opens on them
        QVERIFY(p->showCapture(m_capture));
        waitLoaded(p);
        QCOMPARE(p->shownCapture(), m_capture);

        // Silent: 10.1.84.31 port 2049/tcp, 4 SYNs in one attempt; lockd's 4045/udp too.
        auto *s = p->silentModel();
        int nfs = -1, lockd = -1;
        for (int r = 0; r < s->rowCount(); ++r) {
            if (s->index(r, SilentPeersModel::Port).data().toString() == QLatin1String("2049/tcp"))
                nfs = r;
            if (s->index(r, SilentPeersModel::Port).data().toString() == QLatin1String("4045/udp"))
                lockd = r;
        }
        QVERIFY(nfs >= 0);
        QVERIFY(lockd >= 0);
        QCOMPARE(s->rowCount(), 2); // the refused port and the answered ones are not silent
        QCOMPARE(s->index(nfs, SilentPeersModel::Destination).data().toString(), QStringLiteral("10.1.84.31"));
        QCOMPARE(s->index(nfs, SilentPeersModel::Service).data().toString(), QStringLiteral("nfs"));
        QCOMPARE(s->index(nfs, SilentPeersModel::Syns).data(PcapRowsModel::SortRole).toLongLong(), 4);
        QVERIFY(s->index(nfs, SilentPeersModel::Syns).data().toString().contains(QStringLiteral("3 retries")));
        QCOMPARE(s->index(lockd, SilentPeersModel::Packets).data(PcapRowsModel::SortRole).toLongLong(), 3);
        QVERIFY(p->silentHeadline()->text().contains(QStringLiteral("10.1.84.31 port 2049/tcp (nfs)")));
        QVERIFY(p->silentHeadline()->textFormat() == Qt::PlainText);

        // Overview and the truncation warning, shown prominently.
        const QString ov = p->overviewText()->toPlainText();
        QVERIFY2(ov.contains(QStringLiteral("web-3-eth0.pcap")), qPrintable(ov));
        QVERIFY(ov.contains(QStringLiteral("Ethernet")));
        QVERIFY(ov.contains(QStringLiteral("2049/tcp (nfs)")));
        QVERIFY(ov.contains(QStringLiteral("never answered"))); // a finding of the capture
        QVERIFY(!p->warningBanner()->isHidden());
        QVERIFY2(p->warningBanner()->text().contains(QStringLiteral("cut short")), qPrintable(p->warningBanner()->text()));
    }

    void conversationsEqualPcapQueryAndFilter()
    {
        MainWindow w;
        w.setQuiet(true);
        NetworkPane *p = w.networkPane();
        Tester t1(p->conversationsModel(), Tester::FailureReportingMode::QtTest);
        Tester t2(p->conversationsProxy(), Tester::FailureReportingMode::QtTest);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        waitLoaded(p);
        QJsonArray expected;
        {
            auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
            expected = PcapQuery(cf->db()).conversations(0);
        }
        auto *m = p->conversationsModel();
        QCOMPARE(m->rowCount(), int(expected.size()));
        QCOMPARE(m->rowCount(), 6);
        for (const QJsonValue &v : expected) {
            const QJsonObject c = v.toObject();
            const int r = m->rowOfId(c.value(QStringLiteral("id")).toInteger());
            QVERIFY(r >= 0);
            QCOMPARE(m->row(r), c);
            QCOMPARE(m->index(r, ConversationsModel::SideA).data().toString(),
                     QStringLiteral("%1:%2").arg(c.value(QStringLiteral("addr_a")).toString()).arg(c.value(QStringLiteral("port_a")).toInteger()));
            QCOMPARE(m->index(r, ConversationsModel::PacketsAB).data(PcapRowsModel::SortRole).toLongLong(),
                     c.value(QStringLiteral("packets_ab")).toInteger());
            QCOMPARE(m->index(r, ConversationsModel::BytesBA).data(PcapRowsModel::SortRole).toLongLong(),
                     c.value(QStringLiteral("bytes_ba")).toInteger());
        }
        // Outcomes: refused amber, unanswered red, completed plain.
        const int refused = m->rowOfId(conversationId("port_b = 662"));
        const int silent = m->rowOfId(conversationId("port_b = 2049"));
        const int http = m->rowOfId(conversationId("port_b = 80"));
        QCOMPARE(m->index(refused, ConversationsModel::Outcome).data().toString(), QStringLiteral("refused (RST)"));
        QCOMPARE(m->index(silent, ConversationsModel::Outcome).data().toString(), QStringLiteral("unanswered (SYN ×4)"));
        QCOMPARE(m->index(http, ConversationsModel::Outcome).data().toString(), QStringLiteral("completed"));
        QVERIFY(m->index(refused, ConversationsModel::Outcome).data(Qt::BackgroundRole).isValid());
        QVERIFY(m->index(silent, ConversationsModel::Outcome).data(Qt::BackgroundRole).isValid());
        QVERIFY(!m->index(http, ConversationsModel::Outcome).data(Qt::BackgroundRole).isValid());
        QVERIFY(m->index(http, ConversationsModel::BytesBA).data().toString().contains(QStringLiteral("KiB")));

        // Sorting is numeric: by bytes B->A descending, HTTP's 28 KB first.
        p->conversationsView()->sortByColumn(ConversationsModel::BytesBA, Qt::DescendingOrder);
        QCOMPARE(p->conversationsProxy()->index(0, ConversationsModel::SideB).data().toString(), QStringLiteral("10.1.84.17:80"));
        QCOMPARE(p->conversationsProxy()->rowCount(), 6);
        for (int r = 1; r < p->conversationsProxy()->rowCount(); ++r)
            QVERIFY(p->conversationsProxy()->index(r - 1, ConversationsModel::BytesBA).data(PcapRowsModel::SortRole).toLongLong()
                    >= p->conversationsProxy()->index(r, ConversationsModel::BytesBA).data(PcapRowsModel::SortRole).toLongLong());

        // Copy: the row as text with its evidence link, ready for a note.
        p->conversationsView()->selectRow(0);
        qobject_cast<NetworkTable *>(p->conversationsView())->copySelection();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("10.1.84.17:80\t")), qPrintable(copied));
        QVERIFY(copied.endsWith(QStringLiteral("\t[[conversation:%1]]").arg(conversationId("port_b = 80"))));
        QVERIFY(!copied.contains(QLatin1Char('\n')));

        // The filter: a port, address:port, an address and an outcome.
        auto filter = [p](const QString &text) {
            p->filterEdit()->setText(text);
            p->filterEdit()->flush();
            return p->conversationsProxy()->rowCount();
        };
        QCOMPARE(filter(QStringLiteral("2049")), 1);
        QCOMPARE(filter(QStringLiteral("10.1.84.31:662")), 1);
        QCOMPARE(filter(QStringLiteral("10.1.84.31")), 5);
        QCOMPARE(filter(QStringLiteral("10.1.80.5")), 1);
        QCOMPARE(filter(QStringLiteral("udp 111")), 2);
        QCOMPARE(filter(QStringLiteral("refused")), 1);
        QCOMPARE(filter(QStringLiteral("no-such-host")), 0);
        QCOMPARE(filter(QString()), 6);
    }

    void rpcViews()
    {
        MainWindow w;
        w.setQuiet(true);
        NetworkPane *p = w.networkPane();
        Tester t1(p->proceduresModel(), Tester::FailureReportingMode::QtTest);
        Tester t2(p->proceduresProxy(), Tester::FailureReportingMode::QtTest);
        Tester t3(p->callsModel(), Tester::FailureReportingMode::QtTest);
        Tester t4(p->callsProxy(), Tester::FailureReportingMode::QtTest);
        Tester t5(p->registrationsModel(), Tester::FailureReportingMode::QtTest);
        Tester t6(p->registrationsProxy(), Tester::FailureReportingMode::QtTest);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        waitLoaded(p);
        // Procedures: portmapper DUMP and GETPORT answered, nlockmgr LOCK unanswered.
        auto *procs = p->proceduresModel();
        QCOMPARE(procs->rowCount(), 3);
        int lock = -1;
        for (int r = 0; r < procs->rowCount(); ++r)
            if (procs->index(r, RpcProceduresModel::Program).data().toString().startsWith(QLatin1String("nlockmgr v4")))
                lock = r;
        QVERIFY(lock >= 0);
        QCOMPARE(procs->index(lock, RpcProceduresModel::Unanswered).data().toString(), QStringLiteral("1"));
        QCOMPARE(procs->index(lock, RpcProceduresModel::LatencyAvg).data().toString(), QStringLiteral("–"));
        QVERIFY(procs->index(lock, RpcProceduresModel::Calls).data(Qt::BackgroundRole).isValid());

        // Calls: only the unanswered one by default, all three with the box off.
        QCOMPARE(p->callsModel()->rowCount(), 3);
        QVERIFY(p->unansweredOnlyBox()->isChecked());
        QCOMPARE(p->callsProxy()->rowCount(), 1);
        QCOMPARE(p->callsProxy()->index(0, RpcCallsModel::Status).data().toString(), QStringLiteral("no reply"));
        QCOMPARE(p->callsProxy()->index(0, RpcCallsModel::Xid).data().toString(), QStringLiteral("0x00006001"));
        p->unansweredOnlyBox()->setChecked(false);
        QCOMPARE(p->callsProxy()->rowCount(), 3);

        // Registrations: status (100024) not registered, said in plain words.
        auto *regs = p->registrationsModel();
        int status = -1;
        for (int r = 0; r < regs->rowCount(); ++r)
            if (regs->index(r, RpcRegistrationsModel::Program).data().toString() == QLatin1String("status (100024)"))
                status = r;
        QVERIFY(status >= 0);
        QCOMPARE(regs->index(status, RpcRegistrationsModel::Port).data().toString(), QStringLiteral("NOT REGISTERED"));
        QVERIFY(!p->registrationNotes()->isHidden());
        QVERIFY2(p->registrationNotes()->text().contains(QStringLiteral("status (100024) not registered at 10.1.84.31")),
                 qPrintable(p->registrationNotes()->text()));
    }

    void evidenceLinksSelectRows()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NetworkPane *p = w.networkPane();
        waitLoaded(p);
        // The silent-peer finding's evidence is the 2049 conversation.
        qint64 evidence = 0, callEvidence = 0;
        for (const Finding &f : FindingStore(w.session()->caseFile()->db()).list()) {
            if (f.kind == QLatin1String("silent-peer") && f.data.value(QStringLiteral("port")).toInteger() == 2049)
                evidence = f.evidence.value(0).refId;
            if (f.kind == QLatin1String("rpc-unanswered"))
                callEvidence = f.evidence.value(0).refId;
        }
        QCOMPARE(evidence, conversationId("port_b = 2049"));
        // A change elsewhere in the case (a note) reloads without resetting unchanged tables.
        QSignalSpy resets(p->conversationsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy loaded(p, &NetworkPane::loaded);
        w.session()->notifyChanged();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !p->isLoading(), 15000);
        QCOMPARE(resets.count(), 0);
        // Hidden by a filter first: the link clears it.
        p->filterEdit()->setText(QStringLiteral("80"));
        p->filterEdit()->flush();
        w.workspaceTabs()->setCurrentIndex(0);
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("conversation"), evidence)));
        QCOMPARE(w.workspaceTabs()->currentWidget(), p);
        QCOMPARE(p->views()->currentWidget(), p->conversationsPage());
        QCOMPARE(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), evidence);

        // The rpc-unanswered finding's evidence: the nlockmgr call that never got a reply.
        QVERIFY(callEvidence > 0);
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("rpc-call"), callEvidence)));
        QCOMPARE(p->views()->currentWidget(), p->rpcPage());
        QCOMPARE(p->callsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), callEvidence);
        qint64 answered = 0;
        for (int r = 0; r < p->callsModel()->rowCount(); ++r)
            if (!RpcCallsModel::isUnanswered(p->callsModel()->row(r)))
                answered = p->callsModel()->row(r).value(QStringLiteral("id")).toInteger();
        // An answered call (portmapper) is shown by unticking "only unanswered".
        QVERIFY(p->unansweredOnlyBox()->isChecked());
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("rpc-call"), answered)));
        QVERIFY(!p->unansweredOnlyBox()->isChecked());
        QCOMPARE(p->callsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), answered);

        // View ▸ Network (Ctrl+6) brings the pane back.
        w.workspaceTabs()->setCurrentIndex(0);
        QAction *viewNetwork = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_6))
                viewNetwork = a;
        QVERIFY(viewNetwork);
        viewNetwork->trigger();
        QCOMPARE(w.workspaceTabs()->currentWidget(), p);

        // A link to something not in the case says so.
        QVERIFY(!WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("conversation"), 99999)));
    }

    void captureSelectorAndCorruptCapture()
    {
        const QString path = m_dir.filePath(QStringLiteral("two.casebook"));
        const SampleCase sc = SampleCase::build(path);
        const qint64 first = sc.addCapture(path);
        QVERIFY(first > 0);
        // A second capture: one UDP exchange, then a record claiming 4 GB (corrupt).
        CaptureWriter cw;
        cw.packet(sc.baseUs, CaptureWriter::udpFrame(CaptureWriter::ip(10, 9, 0, 1), CaptureWriter::ip(10, 9, 0, 2), 5353, 53, "q"));
        cw.packet(sc.baseUs + 10, CaptureWriter::udpFrame(CaptureWriter::ip(10, 9, 0, 2), CaptureWriter::ip(10, 9, 0, 1), 53, 5353, "a"));
        QByteArray bytes = cw.data();
        bytes.append(QByteArray("\x01\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff", 16));
        bytes.append(QByteArray(64, 'x'));
        const QString file = m_dir.filePath(QStringLiteral("corrupt.pcap"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        qint64 second = 0;
        {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite);
            ImportRequest req;
            req.caseFile = cf.get();
            req.paths = {file};
            const ImportResult r = PcapImporter().import(req, CancelToken());
            QVERIFY2(r.ok, qPrintable(r.error));
            second = r.summary.value(QStringLiteral("captures")).toArray().first().toObject().value(QStringLiteral("capture_id")).toInteger();
        }
        QVERIFY(second > first);

        MainWindow w;
        w.setQuiet(true);
        NetworkPane *p = w.networkPane();
        Tester t1(p->conversationsModel(), Tester::FailureReportingMode::QtTest);
        Tester t2(p->conversationsProxy(), Tester::FailureReportingMode::QtTest);
        QVERIFY(w.openCase(path));
        QVERIFY(WorkbenchWait::idle(w));
        waitLoaded(p);
        QCOMPARE(p->captureBox()->count(), 3);
        QCOMPARE(p->conversationsModel()->rowCount(), 7);
        QVERIFY(!p->conversationsView()->isColumnHidden(ConversationsModel::Capture)); // two captures together
        const int i = p->captureBox()->findData(second);
        QVERIFY(p->captureBox()->itemText(i).contains(QStringLiteral("corrupt")));
        QVERIFY(p->showCapture(second));
        waitLoaded(p);
        QCOMPARE(p->conversationsModel()->rowCount(), 1);
        QVERIFY(p->conversationsView()->isColumnHidden(ConversationsModel::Capture));
        QCOMPARE(p->silentModel()->rowCount(), 0);
        QCOMPARE(p->conversationsModel()->index(0, ConversationsModel::Outcome).data().toString(), QStringLiteral("answered"));
        QVERIFY2(p->warningBanner()->text().contains(QStringLiteral("is corrupt")), qPrintable(p->warningBanner()->text()));
        QVERIFY(!p->warningBanner()->text().contains(QStringLiteral("cut short"))); // capture 1's warning is not shown
        QVERIFY(p->silentHeadline()->text().contains(QStringLiteral("answered")));

        // A link into capture 1 while capture 2 is shown: every capture is shown and the row selected.
        const qint64 id = CaseFile::open(path, CaseFile::Access::ReadOnly)->db().queryInt(
            QStringLiteral("SELECT id FROM pcap_conversations WHERE port_b = 2049"));
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("conversation"), id)));
        waitLoaded(p);
        QCOMPARE(p->shownCapture(), 0);
        QCOMPARE(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), id);
        QCOMPARE(p->captureBox()->currentData().toLongLong(), 0);
    }

    void findingsAndRowsLeadToConversations()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NetworkPane *p = w.networkPane();
        waitLoaded(p);
        // Activating the refused-connection finding in the Findings pane selects its conversation.
        qint64 finding = 0;
        for (const Finding &f : FindingStore(w.session()->caseFile()->db()).list())
            if (f.kind == QLatin1String("connection-refused"))
                finding = f.id;
        QVERIFY(finding > 0);
        QVERIFY(w.findingsPane()->selectFinding(finding));
        QSignalSpy opened(&w, &MainWindow::linkOpened);
        w.findingsPane()->activateCurrent();
        QVERIFY(opened.wait(20000));
        QCOMPARE(w.workspaceTabs()->currentWidget(), p);
        QCOMPARE(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), conversationId("port_b = 662"));

        // Activating a silent peer filters the conversations to it.
        int nfs = -1;
        for (int r = 0; r < p->silentProxy()->rowCount(); ++r)
            if (p->silentProxy()->index(r, SilentPeersModel::Port).data().toString() == QLatin1String("2049/tcp"))
                nfs = r;
        QVERIFY(nfs >= 0);
        emit p->silentView()->activated(p->silentProxy()->index(nfs, SilentPeersModel::Destination));
        QCOMPARE(p->views()->currentWidget(), p->conversationsPage());
        QCOMPARE(p->filterEdit()->text(), QStringLiteral("10.1.84.31:2049"));
        QCOMPARE(p->conversationsProxy()->rowCount(), 1);

        // Activating an RPC call selects the conversation it travelled in.
        QCOMPARE(p->callsProxy()->rowCount(), 1);
        emit p->callsView()->activated(p->callsProxy()->index(0, RpcCallsModel::Procedure));
        // Its capture is looked up on the reader thread first.
        QTRY_COMPARE_WITH_TIMEOUT(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(),
                                  conversationId("port_b = 4045"), 20000);
        QCOMPARE(p->views()->currentWidget(), p->conversationsPage());
        QVERIFY(p->filterEdit()->text().isEmpty()); // the filter that hid it was cleared
    }

    void untrustedTextAndIpv6()
    {
        // Rows as PcapQuery gives them, with an IPv6 flow, an escape sequence in
        // an address and a row missing most columns.
        ConversationsModel m;
        ConversationFilterProxy proxy;
        proxy.setSourceModel(&m);
        Tester t1(&m, Tester::FailureReportingMode::QtTest);
        Tester t2(&proxy, Tester::FailureReportingMode::QtTest);
        const QJsonObject v6{{QStringLiteral("id"), 1}, {QStringLiteral("protocol"), QStringLiteral("tcp")},
                             {QStringLiteral("ip_version"), 6}, {QStringLiteral("addr_a"), QStringLiteral("fe80::1")},
                             {QStringLiteral("port_a"), 50000}, {QStringLiteral("addr_b"), QStringLiteral("2001:db8::31")},
                             {QStringLiteral("port_b"), 2049}, {QStringLiteral("handshake"), QStringLiteral("unanswered")},
                             {QStringLiteral("syn_count"), 2}};
        const QJsonObject odd{{QStringLiteral("id"), 2}, {QStringLiteral("protocol"), QStringLiteral("udp")},
                              {QStringLiteral("ip_version"), 4}, {QStringLiteral("addr_a"), QStringLiteral("10.0.0.1\n\x1b[31mX")},
                              {QStringLiteral("port_a"), 1}, {QStringLiteral("addr_b"), QStringLiteral("10.0.0.2")}, {QStringLiteral("port_b"), 53},
                              {QStringLiteral("packets_ba"), 1}};
        QVERIFY(m.setRows(QJsonArray{v6, odd, QJsonObject{{QStringLiteral("id"), 3}}}));
        QVERIFY(!m.setRows(QJsonArray{v6, odd, QJsonObject{{QStringLiteral("id"), 3}}})); // same rows: no reset
        QCOMPARE(m.index(0, ConversationsModel::SideB).data().toString(), QStringLiteral("[2001:db8::31]:2049"));
        QCOMPARE(m.index(0, ConversationsModel::Service).data().toString(), QStringLiteral("nfs"));
        QCOMPARE(m.index(1, ConversationsModel::SideA).data().toString(), QStringLiteral("10.0.0.1\\n\\x1b[31mX:1"));
        QVERIFY(m.columnCount() > ConversationsModel::Outcome);
        for (int c = 0; c < m.columnCount(); ++c) // a row missing its columns still has cells
            QVERIFY(m.index(2, c).data().isValid() || c == ConversationsModel::Service || c == ConversationsModel::Details
                    || c == ConversationsModel::Outcome);
        proxy.setText(QStringLiteral("[2001:db8::31]:2049"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("fe80:: tcp"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("53 udp"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("99999999999999999999")); // not a port: matches nothing, no overflow surprises
        QCOMPARE(proxy.rowCount(), 0);
    }

    void linkBeforeLoadIsAppliedWhenLoaded()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NetworkPane *p = w.networkPane();
        const qint64 id = conversationId("port_b = 662");
        // Straight after opening: the rows are still being read.
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("conversation"), id)));
        waitLoaded(p);
        QTRY_COMPARE_WITH_TIMEOUT(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), id, 15000);
    }
};

QTEST_MAIN(NetworkPaneTest)
#include "NetworkPaneTest.moc"
