// What a responder does with casectl during an incident, done in the
// workbench: import with --host/--tz/--date (Case ▸ Import…), status updates
// and action items (Case ▸ Status Updates… / Action Items…), a redacted
// export for sharing. Each flow goes through the dialogs and is checked in the
// case file it wrote.
#include "SampleCase.h"
#include "TestEnv.h"
#include "WorkbenchWait.h"
#include "app/CaseSession.h"
#include "app/ImportDialog.h"
#include "app/MainWindow.h"
#include "app/StatusActionsDialog.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/GuiThreadSqlCheck.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "collect/ImportRunner.h"
#include "report/ActionItemStore.h"
#include "report/ExportDialog.h"
#include "report/StatusUpdateStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class ParityTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The test's own look at the case (ground truth, set-up) runs on the
    // main thread: not counted as the workbench touching the case.
    struct Unchecked
    {
        const bool was = GuiThreadSqlCheck::isEnabled();
        Unchecked() { GuiThreadSqlCheck::setEnabled(false); }
        ~Unchecked() { GuiThreadSqlCheck::setEnabled(was); }
    };

    std::unique_ptr<CaseFile> reopen(const QString &path) const
    {
        const Unchecked unchecked;
        return CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        GuiThreadSqlCheck::setEnabled(true); // creating a case, the dialogs, their writes: none on the GUI thread
    }

    void cleanupTestCase() { GuiThreadSqlCheck::setEnabled(false); }

    void cleanup()
    {
        const QStringList hits = GuiThreadSqlCheck::take();
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("SQL on the GUI thread:\n") + hits.join(QLatin1Char('\n'))));
    }

    void importDialogTakesHostZoneAndDate()
    {
        const QString path = m_dir.filePath(QStringLiteral("import.casebook"));
        const QString log = m_dir.filePath(QStringLiteral("php-fpm.strace"));
        {
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(SampleCase::straceLog()); // -tt times: no date, no zone
        }
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(path, QStringLiteral("import options")));
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        w.importInteractive();
        QVERIFY(shown.wait(20000));
        auto *dialog = qobject_cast<ImportDialog *>(shown.first().first().value<QWidget *>());
        QVERIFY(dialog);
        // Nothing to import yet, then a zone that is none: refused in the dialog.
        QVERIFY(!dialog->problem().isEmpty());
        dialog->addFiles({log});
        QVERIFY(dialog->problem().isEmpty());
        dialog->zoneBox()->setEditText(QStringLiteral("Mars/Olympus"));
        QVERIFY(dialog->problem().contains(QStringLiteral("Mars/Olympus")));
        dialog->zoneBox()->setEditText(QStringLiteral("Europe/Berlin"));
        dialog->hostBox()->setEditText(QStringLiteral("web-9"));
        dialog->dateCheck()->setChecked(true);
        dialog->dateEdit()->setDate(QDate(2024, 3, 5));
        QVERIFY(dialog->problem().isEmpty());
        QSignalSpy finished(w.importRunner(), &ImportRunner::finished);
        dialog->accept();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        const Unchecked unchecked;
        const auto cf = reopen(path);
        const auto host = HostStore(cf->db()).byName(QStringLiteral("web-9"));
        QVERIFY(host);
        QList<CollectionRecord> imports;
        for (const CollectionRecord &c : CollectionStore(cf->db()).all())
            if (c.kind == QLatin1String("import"))
                imports << c;
        QCOMPARE(imports.size(), 1);
        QCOMPARE(imports.first().hostId, host->id);
        QCOMPARE(imports.first().parameters.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(imports.first().parameters.value(QStringLiteral("start_date")).toString(), QStringLiteral("2024-03-05"));
        // 15:05:01.102938 in Berlin (CET, +01:00) on that day.
        const qint64 first = cf->db().queryInt(QStringLiteral("SELECT min(time_us) FROM strace_calls"));
        const QDateTime expected(QDate(2024, 3, 5), QTime(15, 5, 1, 102), QTimeZone("Europe/Berlin"));
        QCOMPARE(first / 1000, expected.toMSecsSinceEpoch());
    }

    void statusUpdatesAndActionItems()
    {
        const QString path = m_dir.filePath(QStringLiteral("status.casebook"));
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(path, QStringLiteral("status and actions")));
        StatusActionsDialog *d = w.statusActionsInteractive(StatusActionsDialog::StatusPage);
        QVERIFY(d);
        QCOMPARE(d->pages()->currentIndex(), int(StatusActionsDialog::StatusPage));
        QSignalSpy written(d, &StatusActionsDialog::written);
        QSignalSpy reloaded(d, &StatusActionsDialog::reloaded);
        d->statusText()->setPlainText(QStringLiteral("Engineers are bringing the NFS server back online."));
        d->postStatus();
        QVERIFY(written.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(d->statusTable()->rowCount(), 1, 20000);
        QCOMPARE(d->statusTable()->item(0, 2)->text(), QStringLiteral("Engineers are bringing the NFS server back online."));
        QVERIFY(d->statusText()->toPlainText().isEmpty());

        d->pages()->setCurrentIndex(StatusActionsDialog::ActionsPage);
        d->actionText()->setText(QStringLiteral("Alert on \"lockd: server not responding\""));
        d->actionOwner()->setText(QStringLiteral("storage team"));
        d->addAction();
        QVERIFY(written.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(d->actionsTable()->rowCount(), 1, 20000);
        QCOMPARE(d->actionsTable()->item(0, 0)->text(), QStringLiteral("open"));
        d->actionsTable()->selectRow(0);
        d->setActionStatus(QStringLiteral("done"));
        QVERIFY(written.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(d->actionsTable()->item(0, 0)->text(), QStringLiteral("done"), 20000);
        QVERIFY(WorkbenchWait::settled(w.session()));

        const Unchecked unchecked;
        const auto cf = reopen(path);
        const QList<StatusUpdate> updates = StatusUpdateStore(cf->db()).all();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().text, QStringLiteral("Engineers are bringing the NFS server back online."));
        const QList<ActionItem> items = ActionItemStore(cf->db()).all();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().owner, QStringLiteral("storage team"));
        QCOMPARE(items.first().status, QStringLiteral("done"));
    }

    void redactedExportForSharing()
    {
        const QString path = m_dir.filePath(QStringLiteral("share.casebook"));
        {
            const Unchecked unchecked;
            SampleCase::build(path);
        }
        const QString out = m_dir.filePath(QStringLiteral("share-redacted.casebook"));
        ExportDialog dialog(path);
        dialog.setOutputPath(out);
        dialog.setRedact(true);
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.accept();
        QVERIFY(exported.wait(60000));
        const Unchecked unchecked;
        const auto cf = reopen(out);
        const QList<HostRecord> hosts = HostStore(cf->db()).all();
        QCOMPARE(hosts.size(), 2);
        for (const HostRecord &h : hosts)
            QVERIFY2(h.name != QLatin1String("web-3") && h.name != QLatin1String("nfs-1"), qPrintable(h.name));
    }
};

QTEST_MAIN(ParityTest)
#include "ParityTest.moc"
