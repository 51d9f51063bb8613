#include "ExportDialog.h"
#include "MergeCaseAction.h"
#include "ReportFixture.h"
#include "ReportPane.h"
#include "ReportPdfPrinter.h"
#include "HtmlScan.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "report/ReportDraftStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

class ReportPaneTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("incident.casebook"));
        ReportFixture::build(m_case);
    }

    void draftsEditsSavesAndExports()
    {
        ReportPane pane;
        pane.resize(900, 700);
        pane.show();
        QSignalSpy ready(&pane, &ReportPane::draftReady);
        pane.setCasePath(m_case);
        QVERIFY(ready.wait(30000));
        QVERIFY(pane.markdown().startsWith(QLatin1String("# php-fpm workers stuck in D on NFS flock")));
        QVERIFY(!pane.isEdited());
        // The preview renders the Markdown as text: the hostile name shows, no markup runs.
        auto *tabs = pane.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        auto *preview = pane.findChild<QTextBrowser *>(QStringLiteral("reportPreview"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("<script>alert(1)</script>")));

        // Unedited: the engine's writers produce the files.
        const QString html = m_dir.filePath(QStringLiteral("pane.html"));
        pane.exportTo(html, QStringLiteral("html"));
        QVERIFY(readFile(html).contains("Content-Security-Policy"));
        QVERIFY(!HtmlScan::parse(QString::fromUtf8(readFile(html))).tags.contains(QStringLiteral("script")));

        // Edit, save in the case, export the edited text.
        auto *editor = pane.findChild<QPlainTextEdit *>(QStringLiteral("reportEditor"));
        editor->appendPlainText(QStringLiteral("\nReviewed by the on-call lead. <script>alert(9)</script> ![x](http://example.invalid/x.png)\n"));
        QVERIFY(pane.isEdited());
        pane.saveDraft();
        {
            auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
            const auto draft = ReportDraftStore(cf->db()).load(QStringLiteral("en"));
            QVERIFY(draft && draft->markdown.contains(QLatin1String("Reviewed by the on-call lead.")));
        }
        const QString md = m_dir.filePath(QStringLiteral("edited.md"));
        pane.exportTo(md, QStringLiteral("md"));
        QVERIFY(readFile(md).contains("Reviewed by the on-call lead."));
        const QString editedHtml = m_dir.filePath(QStringLiteral("edited.html"));
        pane.exportTo(editedHtml, QStringLiteral("html"));
        const HtmlScan scan = HtmlScan::parse(QString::fromUtf8(readFile(editedHtml)));
        QVERIFY(scan.text.contains(QStringLiteral("Reviewed by the on-call lead.")));
        QVERIFY(scan.text.contains(QStringLiteral("<script>alert(9)</script>")));
        QVERIFY(!scan.tags.contains(QStringLiteral("script")));
        QVERIFY(!scan.tags.contains(QStringLiteral("img")));
        const QString pdf = m_dir.filePath(QStringLiteral("edited.pdf"));
        pane.exportTo(pdf, QStringLiteral("pdf"));
        QVERIFY(readFile(pdf).startsWith("%PDF"));
        QVERIFY(readFile(pdf).size() > 2000);

        // Reopening shows the saved draft; German has none yet and is generated.
        ReportPane again;
        QSignalSpy ready2(&again, &ReportPane::draftReady);
        again.setCasePath(m_case);
        QVERIFY(ready2.count() == 1 || ready2.wait(30000));
        QVERIFY(again.markdown().contains(QLatin1String("Reviewed by the on-call lead.")));
        again.setLanguage(QStringLiteral("de"));
        QVERIFY(ready2.wait(30000));
        QVERIFY(again.markdown().contains(QStringLiteral("## Ursachenanalyse")));
    }

    void exportDialogRedacts()
    {
        ExportDialog dialog(m_case);
        const QString out = m_dir.filePath(QStringLiteral("dialog.casebook"));
        dialog.setOutputPath(out);
        dialog.setRedact(true);
        dialog.setTerms({QStringLiteral("deploybot")});
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.accept();
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().first().toString(), out);
        const QByteArray bytes = readFile(out).toLower();
        for (const char *v : {"web-node-12", "10.1.84.31", "deploybot", "nfs-prod-07"})
            QVERIFY2(!bytes.contains(v), v);
        // Failure is reported in the dialog, not thrown.
        CaseExporter::Options o = dialog.options();
        QVERIFY(o.redact);
        QCOMPARE(o.redaction.terms, QStringList{QStringLiteral("deploybot")});
        // Host keys are redacted unless the box says otherwise; the box follows the redact switch.
        QVERIFY(!o.redaction.keepHostKeys);
        auto *keep = dialog.findChild<QCheckBox *>(QStringLiteral("exportKeepHostKeys"));
        QVERIFY(keep && keep->isEnabled());
        keep->setChecked(true);
        QVERIFY(dialog.options().redaction.keepHostKeys);
        dialog.setRedact(false);
        QVERIFY(!keep->isEnabled());
        dialog.setRedact(true);
        QVERIFY(!ExportDialog::runExport(m_case, out, o).isEmpty()); // exists

        // Merging that redacted copy back (File → Merge Case…) adds nothing.
        CaseMerger::Result r;
        QCOMPARE(MergeCaseAction::runMerge(m_case, out, &r), QString());
        QCOMPARE(r.inserted(), 0);
        QVERIFY(MergeCaseAction::summary(r).startsWith(QLatin1String("0 rows added")));
        QVERIFY(!MergeCaseAction::runMerge(m_case, m_dir.filePath(QStringLiteral("nope.casebook"))).isEmpty());
    }
};

QTEST_MAIN(ReportPaneTest)
#include "ReportPaneTest.moc"
