// The Collect dialog against the real local machine: forms generated from the
// collectors' declared options, the procfs collector over LocalTransport on a
// worker thread, per-host progress, results committed into the open case and
// picked up by the panes; bad options refused up front; closing while
// collecting asks first; a failed host's bar is red; re-collect is prefilled.
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "collect/CollectDialog.h"
#include "collect/CollectRunner.h"
#include "collect/CollectorOptionForm.h"
#include "collect/PidPickerDialog.h"
#include "collectors/CollectorCatalog.h"
#include "collectors/pcap/TcpdumpCollector.h"
#include "processes/ProcessesPane.h"
#include "procfs/SnapshotStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
CollectorFactory factory(const QString &kind)
{
    for (const CollectorFactory &f : CollectorCatalog::all())
        if (f.kind == kind)
            return f;
    qFatal("no collector %s", qPrintable(kind));
}

QPushButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text() == text)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}
}

class CollectTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Only kind chosen.
    static void chooseOnly(CollectDialog &dlg, const QString &kind)
    {
        for (const QString &k : dlg.collectorKinds())
            dlg.setCollectorEnabled(k, k == kind);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(u"config"_s));
    }

    void formIsGeneratedFromTheDeclarations()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"form.casebook"_s), u"form"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"pcap"_s);
        // Re-collect of a pcap collection chooses the tcpdump collector.
        QVERIFY(dlg.isCollectorEnabled(u"tcpdump"_s));
        QVERIFY(!dlg.isCollectorEnabled(u"procfs"_s));
        QCOMPARE(dlg.collectorKinds(), (QStringList{u"strace"_s, u"procfs"_s, u"kernel-log"_s, u"tcpdump"_s, u"file"_s}));

        CollectorOptionForm *procfs = dlg.collectorForm(u"procfs"_s);
        QVERIFY(procfs);
        QVERIFY(!procfs->field(u"procfs"_s)); // choosing the collector is the flag
        auto *samples = qobject_cast<QSpinBox *>(procfs->field(u"samples"_s));
        QVERIFY(samples);
        QCOMPARE(samples->minimum(), 1);
        QCOMPARE(samples->maximum(), 1000);
        QVERIFY(qobject_cast<QDoubleSpinBox *>(procfs->field(u"interval"_s)));
        QVERIFY(qobject_cast<QLineEdit *>(procfs->field(u"services"_s)));
        QVERIFY(dlg.collectorForm(u"kernel-log"_s)->isEmpty());

        dlg.setCollectorEnabled(u"strace"_s, true); // an unchecked group disables its fields
        CollectorOptionForm *strace = dlg.collectorForm(u"strace"_s);
        QWidget *pids = strace->field(u"strace-pid"_s);
        QVERIFY(pids);
        QVERIFY(pids->findChild<QLineEdit *>());
        auto *pick = pids->findChild<QPushButton *>(u"pickPids"_s);
        QVERIFY(pick);
        QVERIFY(pick->isEnabled()); // local: this machine's processes can be picked
        QVERIFY(qobject_cast<QDoubleSpinBox *>(strace->field(u"duration"_s)));
        QVERIFY(qobject_cast<QSpinBox *>(strace->field(u"strace-max-mb"_s)));

        CollectorOptionForm *tcpdump = dlg.collectorForm(u"tcpdump"_s);
        auto *iface = qobject_cast<QComboBox *>(tcpdump->field(u"tcpdump"_s));
        QVERIFY(iface);
        QVERIFY(iface->isEditable());
        QVERIFY(iface->findText(u"any"_s) >= 0);
        QVERIFY2(iface->findText(u"lo"_s) >= 0, "the local interfaces are listed");
        QVERIFY(tcpdump->field(u"filter"_s)->findChild<QLabel *>(u"filterStatus"_s));
        QVERIFY(tcpdump->field(u"max-bytes"_s)->findChild<QSpinBox *>());
        QVERIFY(tcpdump->field(u"max-bytes"_s)->findChild<QComboBox *>());
        QVERIFY(qobject_cast<QPlainTextEdit *>(dlg.collectorForm(u"file"_s)->field(u"pull"_s)));

        QVERIFY(qobject_cast<QCheckBox *>(dlg.hostForm()->field(u"sudo"_s)));
        auto *become = qobject_cast<QComboBox *>(dlg.hostForm()->field(u"become-method"_s));
        QVERIFY(become);
        QCOMPARE(become->currentText(), u"sudo"_s);

        // Another host: its processes and interfaces are not here.
        dlg.addHost(u"db1.example"_s);
        QVERIFY(!pick->isEnabled());
        QCOMPARE(iface->findText(u"lo"_s), -1);
    }

    void pidPickerListsThisMachine()
    {
        PidPickerDialog picker;
        QSignalSpy loaded(&picker, &PidPickerDialog::loaded);
        QVERIFY(loaded.wait(30000));
        QVERIFY(picker.processCount() > 1);
    }

    void tickingStraceAsksForWhatToTrace()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"strace.casebook"_s), u"strace"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"strace"_s);
        chooseOnly(dlg, u"strace"_s);
        // Nothing pre-filled that the parser then rejects: it asks for the target.
        QVERIFY(!dlg.startCollection());
        QCOMPARE(dlg.error(), u"strace: fill in Processes or Command to run (--strace-pid / --strace-cmd)."_s);
        QVERIFY2(!dlg.error().contains(u"Unknown option"_s), qPrintable(dlg.error()));
        auto *pidEdit = dlg.collectorForm(u"strace"_s)->field(u"strace-pid"_s)->findChild<QLineEdit *>();
        QTest::keyClicks(pidEdit, QString::number(::getpid()));
        const CollectorSettings s = dlg.collectorSettings(u"strace"_s);
        const CollectorFactory strace = factory(u"strace"_s);
        QCOMPARE(strace.check(s), QString());
        QCOMPARE(strace.options.arguments(s), (QStringList{u"--strace-pid"_s, QString::number(::getpid())}));
        QVERIFY(!dlg.isRunning());
    }

    void tcpdumpFilterWithSingleQuotes()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"filter.casebook"_s), u"filter"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"tcpdump"_s);
        chooseOnly(dlg, u"tcpdump"_s);
        CollectorOptionForm *form = dlg.collectorForm(u"tcpdump"_s);
        qobject_cast<QComboBox *>(form->field(u"tcpdump"_s))->setEditText(u"lo"_s);
        auto *filter = form->field(u"filter"_s)->findChild<QLineEdit *>();
        auto *status = form->field(u"filter"_s)->findChild<QLabel *>(u"filterStatus"_s);
        // The hint's example, quotes and all, as a user pastes it.
        QTest::keyClicks(filter, u"'port 2049 or port 111'"_s);
        QVERIFY2(status->text().contains(u"port 2049 or port 111"_s), qPrintable(status->text()));
        QVERIFY2(!status->text().contains(u"'"_s), qPrintable(status->text()));
        const CollectorFactory tcpdump = factory(u"tcpdump"_s);
        const CollectorSettings s = tcpdump.options.complete(dlg.collectorSettings(u"tcpdump"_s));
        QCOMPARE(tcpdump.check(s), QString());
        const auto collector = tcpdump.build(s);
        QVERIFY(static_cast<TcpdumpCollector *>(collector.get())->script().contains(u"-n 'port 2049 or port 111'"_s));
        // An unbalanced quote is shown at once and refused at start.
        filter->clear();
        QTest::keyClicks(filter, u"'port 2049"_s);
        QVERIFY2(status->text().contains(u"unbalanced"_s), qPrintable(status->text()));
        QVERIFY(!dlg.startCollection());
        QVERIFY2(dlg.error().startsWith(u"tcpdump: --filter"_s), qPrintable(dlg.error()));
        QVERIFY(!dlg.isRunning());
    }

    void closingAsksBeforeCancelling()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"cancel.casebook"_s), u"cancel"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"procfs"_s);
        chooseOnly(dlg, u"procfs"_s);
        // Two samples an hour apart: runs until cancelled.
        CollectorSettings s = dlg.collectorSettings(u"procfs"_s);
        s.set(u"samples"_s, 2);
        s.set(u"interval"_s, 3600.0);
        dlg.setCollectorSettings(u"procfs"_s, s);
        dlg.show();
        QSignalSpy done(&dlg, &CollectDialog::finished);
        QVERIFY2(dlg.startCollection(), qPrintable(dlg.error()));
        QVERIFY(dlg.isRunning());

        dlg.close(); // the window's close box (also Escape and the Close button: reject())
        QMessageBox *question = dlg.cancelQuestion();
        QVERIFY(question);
        QVERIFY(dlg.isVisible());
        QVERIFY(dlg.isRunning());
        QPushButton *keep = buttonWithText(question, u"Keep Collecting"_s);
        QVERIFY(keep);
        keep->click();
        QVERIFY(!dlg.cancelQuestion());
        QVERIFY(dlg.isVisible());
        QVERIFY(dlg.isRunning());

        dlg.close();
        question = dlg.cancelQuestion();
        QVERIFY(question);
        QPushButton *stop = buttonWithText(question, u"Cancel Collection"_s);
        QVERIFY(stop);
        stop->click();
        QVERIFY(done.wait(120000));
        QVERIFY(!dlg.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isVisible(), 10000); // closed once the host stopped
        QVERIFY2(dlg.hostStatus(u"local"_s).startsWith(u"Failed"_s), qPrintable(dlg.hostStatus(u"local"_s)));
        QVERIFY2(dlg.hostStatus(u"local"_s).contains(u"cancelled"_s), qPrintable(dlg.hostStatus(u"local"_s)));
    }

    void failedHostBarIsRed()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"failed.casebook"_s), u"failed"_s));
        // Nothing listens on port 1: the connection is refused at once.
        const QString host = u"nobody@127.0.0.1:1"_s;
        CollectDialog dlg(w.session(), host, u"kernel-log"_s);
        chooseOnly(dlg, u"kernel-log"_s);
        dlg.show();
        QSignalSpy done(&dlg, &CollectDialog::finished);
        QVERIFY2(dlg.startCollection(), qPrintable(dlg.error()));
        QVERIFY(done.wait(120000));
        const QString status = dlg.hostStatus(host);
        QVERIFY2(status.startsWith(u"Failed: "_s) && status.size() > 10, qPrintable(status));
        QProgressBar *bar = dlg.hostBar(host);
        QVERIFY(bar);
        QVERIFY(bar->property("failed").toBool());
        QCOMPARE(bar->value(), 100);
        QVERIFY(!bar->toolTip().isEmpty()); // the error
        // Rendered red, not the highlight colour.
        const QImage image = bar->grab().toImage();
        const QColor middle = image.pixelColor(image.width() / 2, image.height() / 2);
        QVERIFY2(middle.red() > 150 && middle.green() < 110 && middle.blue() < 110, qPrintable(middle.name()));
    }

    void recollectIsPrefilled()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"recollect.casebook"_s), u"recollect"_s));
        const QString pulled = m_dir.filePath(u"evidence.log"_s);
        {
            QFile f(pulled);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("line 1\nline 2\n");
        }
        qint64 collectionId = 0;
        {
            CollectDialog dlg(w.session(), u"local"_s, u"file"_s);
            chooseOnly(dlg, u"file"_s);
            CollectorSettings s;
            s.set(u"pull"_s, QStringList{pulled});
            s.set(u"pull-max"_s, QVariant::fromValue(qint64(12) << 10));
            dlg.setCollectorSettings(u"file"_s, s);
            QSignalSpy done(&dlg, &CollectDialog::finished);
            QVERIFY2(dlg.startCollection(), qPrintable(dlg.error()));
            QVERIFY(done.wait(120000));
            QVERIFY2(dlg.hostStatus(u"local"_s).startsWith(u"Done"_s), qPrintable(dlg.hostStatus(u"local"_s)));
            const auto list = CollectionStore(w.session()->caseFile()->db()).all();
            QCOMPARE(list.size(), 1);
            collectionId = list.first().id;
            QCOMPARE(list.first().parameters.value(u"options"_s).toObject().value(u"pull-max"_s).toInteger(), 12 << 10);
        }
        CollectDialog again(w.session(), u"local"_s, u"file"_s);
        chooseOnly(again, u"procfs"_s);
        QSignalSpy prefilled(&again, &CollectDialog::prefilled);
        again.prefillFromCollection(collectionId);
        QVERIFY(prefilled.wait(30000));
        QCOMPARE(prefilled.first().first().toBool(), true);
        QVERIFY(again.isCollectorEnabled(u"file"_s));
        QVERIFY(!again.isCollectorEnabled(u"procfs"_s));
        const CollectorSettings s = again.collectorSettings(u"file"_s);
        QCOMPARE(s.list(u"pull"_s), QStringList{pulled});
        QCOMPARE(s.integer(u"pull-max"_s), qint64(12) << 10);
        QCOMPARE(qobject_cast<QPlainTextEdit *>(again.collectorForm(u"file"_s)->field(u"pull"_s))->toPlainText(), pulled);
    }

    void refusesBadOptions()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(u"bad.casebook"_s), u"bad"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"procfs"_s);
        QVERIFY2(dlg.collectorKinds().contains(u"procfs"_s), "every build has the procfs collector");
        QCOMPARE(dlg.hosts(), QStringList{u"local"_s});
        dlg.setCollectorEnabled(u"file"_s, true);
        CollectorSettings s;
        s.set(u"pull"_s, QStringList{u"relative/path"_s});
        dlg.setCollectorSettings(u"file"_s, s);
        QVERIFY(!dlg.startCollection());
        QVERIFY2(dlg.error().contains(u"--pull needs absolute paths"_s), qPrintable(dlg.error()));
        QVERIFY(!dlg.isRunning());
    }

    void collectsFromThisMachine()
    {
        MainWindow w;
        w.setQuiet(true);
        const QString path = m_dir.filePath(u"local.casebook"_s);
        QVERIFY(w.createCase(path, u"local collection"_s));
        CollectDialog dlg(w.session(), u"local"_s, u"procfs"_s);
        QVERIFY2(dlg.collectorKinds().contains(u"procfs"_s), "every build has the procfs collector");
        chooseOnly(dlg, u"procfs"_s);
        QSignalSpy done(&dlg, &CollectDialog::finished);
        QVERIFY2(dlg.startCollection(), qPrintable(dlg.error()));
        QVERIFY(done.wait(240000));
        QVERIFY2(dlg.hostStatus(u"local"_s).startsWith(u"Done"_s), qPrintable(dlg.hostStatus(u"local"_s)));
        const auto snaps = SnapshotStore(w.session()->caseFile()->db()).list();
        QVERIFY(!snaps.isEmpty());
        QVERIFY(snaps.first().taskCount > 0);
        // The panes pick the new snapshot up from the commit.
        w.session()->pollForChanges();
        QTRY_VERIFY_WITH_TIMEOUT(w.processesPane()->snapshotBox()->count() >= 1, 10000);
    }
};

QTEST_MAIN(CollectTest)
#include "CollectTest.moc"
