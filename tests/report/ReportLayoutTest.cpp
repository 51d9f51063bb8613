#include "HtmlScan.h"
#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "report/HtmlReportWriter.h"
#include "report/MarkdownReportWriter.h"
#include "report/PdfCanvas.h"
#include "report/PdfTableLayout.h"
#include "report/ReportBuilder.h"
#include "util/HumanDuration.h"
#include "util/TimeUtil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

// The report a responder sends after light editing (issue #15.4, seed 002's
// shape): notes rendered, not printed raw; collections compact with their
// commands in an appendix; the root cause from tagged notes and serious
// findings only; repeated events folded; PDF columns wide enough to read.
class ReportLayoutTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    qint64 m_t0 = 0;

    static QString collectorScript()
    {
        QStringList lines{QStringLiteral("#!/bin/sh"), QStringLiteral("# Casebook procfs snapshot, format 2")};
        for (int i = 0; i < 40; ++i)
            lines.append(QStringLiteral("for t in /proc/[0-9]*/task/[0-9]*; do sed -n '1p' \"$t/stat\" \"$t/wchan\" 2>/dev/null; done # step %1").arg(i));
        return lines.join(QLatin1Char('\n'));
    }

    static QString runTool(const QString &tool, const QStringList &args)
    {
        QProcess p;
        p.start(tool, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    ReportDocument build(const QString &lang = QStringLiteral("en"))
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        return ReportBuilder(cf->db()).build(lang);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("layout.casebook"));
        ReportFixture::build(m_case);
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadWrite);
        SqliteDatabase &db = cf->db();
        m_t0 = TimeUtil::parseIso(QStringLiteral("2019-08-26T15:00:00Z"));
        const qint64 web = HostStore(db).ensure(QStringLiteral("web-node-12"));

        // Two snapshots run by the same (long) collector script, one by another command.
        CollectionStore collections(db);
        for (int i = 0; i < 2; ++i) {
            const qint64 c = collections.begin(web, QStringLiteral("procfs"), collectorScript());
            collections.finish(c, CollectionRecord::Status::Complete);
        }

        FindingStore findings(db);
        // Eleven workers hung the same way within a minute: one event in the report.
        for (int i = 0; i < 11; ++i) {
            Finding f;
            f.hostId = web;
            f.kind = QStringLiteral("hung-syscall");
            f.severity = QStringLiteral("medium");
            f.title = QStringLiteral("php-fpm worker %1 hung in flock(LOCK_EX)").arg(4101 + i);
            f.atUs = m_t0 + qint64(20 * 60 + i * 5) * 1000000;
            findings.add(f);
        }
        Finding noise;
        noise.hostId = web;
        noise.kind = QStringLiteral("load-average");
        noise.severity = QStringLiteral("info");
        noise.title = QStringLiteral("Load average 0.3: informational noise");
        findings.add(noise);

        Note n;
        n.title = QStringLiteral("Why the workers hang");
        n.body = QStringLiteral("The workers block in `flock(11, LOCK_EX)` while **another process** holds the lock; see [[finding:1]].\n\n"
                                "- rpc-statd is `inactive`\n- lockd gets no answer\n");
        n.tags = {QStringLiteral("root-cause")};
        NoteStore(db).create(n);
    }

    void notesRenderedNotRawInHtml()
    {
        const QString html = HtmlReportWriter::write(build());
        QVERIFY2(html.contains(QLatin1String("<code>flock(11, LOCK_EX)</code>")), qPrintable(html.left(2000)));
        QVERIFY(html.contains(QLatin1String("<strong>another process</strong>")));
        QVERIFY(html.contains(QLatin1String("<li>rpc-statd is <code>inactive</code></li>")));
        QVERIFY(html.contains(QStringLiteral("finding #1 “3 tasks in D state waiting in flock_lock_inode_wait”")));
        QVERIFY(!html.contains(QLatin1String("[[finding:")));
        QVERIFY(!html.contains(QLatin1String("`flock")));
        QVERIFY(!html.contains(QLatin1String("**another")));
        // Still only harmless tags.
        const HtmlScan scan = HtmlScan::parse(html);
        QVERIFY(!scan.tags.contains(QStringLiteral("script")));
    }

    void notesRenderedNotRawInPdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("layout.pdf"));
        const auto r = runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf}, 120000, m_env);
        QCOMPARE(r.exitCode, 0);
        const QString text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
        QVERIFY2(text.contains(QLatin1String("flock(11, LOCK_EX) while another process holds the lock")), qPrintable(text.left(3000)));
        QVERIFY(text.contains(QStringLiteral("finding #1 “3 tasks in D state")));
        QVERIFY(!text.contains(QLatin1String("[[finding:")));
        QVERIFY(!text.contains(QLatin1String("`flock")));
        QVERIFY(!text.contains(QLatin1String("**another")));
        // The inline code is in the monospaced font: pdffonts lists Courier.
        QVERIFY(runTool(QStringLiteral("pdffonts"), {pdf}).contains(QLatin1String("Courier")));
    }

    void collectionsCompactCommandsInAppendix()
    {
        const ReportDocument doc = build();
        const ReportSection *cs = doc.section(QStringLiteral("evidence-collections"));
        QVERIFY(cs);
        const ReportBlock &table = cs->blocks.first();
        QCOMPARE(table.kind, ReportBlock::Kind::Table);
        QCOMPARE(table.header, (QStringList{QStringLiteral("ID"), QStringLiteral("Kind"), QStringLiteral("Host"), QStringLiteral("Operator"),
                                            QStringLiteral("Started (UTC)"), QStringLiteral("Duration"), QStringLiteral("State")}));
        QCOMPARE(table.rows.size(), 6);
        for (const QStringList &row : table.rows)
            for (const QString &cell : row)
                QVERIFY2(!cell.contains(QLatin1String("sed -n")) && cell.size() < 120, qPrintable(cell));
        // The appendix has every distinct command once, with the collections that ran it.
        const ReportSection *cmd = doc.section(QStringLiteral("evidence-commands"));
        QVERIFY(cmd);
        QVERIFY(cmd->hasMaterial);
        QCOMPARE(doc.sections.last().id, QStringLiteral("evidence-commands"));
        int scripts = 0;
        for (qsizetype i = 0; i < cmd->blocks.size(); ++i) {
            const ReportBlock &b = cmd->blocks.at(i);
            if (b.kind == ReportBlock::Kind::Preformatted && b.text.contains(QLatin1String("format 2"))) {
                ++scripts;
                QCOMPARE(cmd->blocks.at(i - 1).text, QStringLiteral("Collections 5, 6"));
            }
        }
        QCOMPARE(scripts, 1);
        QCOMPARE(cmd->blocks.size(), 2 * 5); // 4 fixture commands + the script, each a label and a block
    }

    void rootCauseOnlySeriousFindings()
    {
        const ReportDocument doc = build();
        const ReportSection *rc = doc.section(QStringLiteral("root-cause"));
        QVERIFY(rc);
        QString all;
        for (const ReportBlock &b : rc->blocks)
            all += b.text + b.items.join(QLatin1Char('\n')) + QLatin1Char('\n');
        QVERIFY(rc->blocks.first().authored); // the responder's analysis opens the section
        QVERIFY(all.contains(QLatin1String("[critical] lockd: server 10.1.84.31 not responding")));
        QVERIFY(all.contains(QLatin1String("[high] 3 tasks in D state")));
        QVERIFY2(!all.contains(QLatin1String("informational noise")), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("php-fpm worker 4101")));
        QVERIFY(all.contains(QLatin1String("12 findings of lower severity")));
        // Evidence is cited as readable references.
        QVERIFY(all.contains(QLatin1String("artifact #")));
    }

    void repeatedEventsGrouped()
    {
        const ReportDocument doc = build();
        const ReportSection *tl = doc.section(QStringLiteral("timeline"));
        QVERIFY(tl);
        const ReportBlock &table = tl->blocks.first();
        QCOMPARE(table.kind, ReportBlock::Kind::Table);
        QStringList workerRows;
        for (const QStringList &row : table.rows)
            if (row.value(3).contains(QLatin1String("php-fpm worker")))
                workerRows.append(row.value(3));
        QCOMPARE(workerRows.size(), 1);
        QCOMPARE(workerRows.first(), QStringLiteral("[medium] php-fpm worker 4101 hung in flock(LOCK_EX) (11 times, the last at 2019-08-26 15:20:50 UTC)"));
        // German wording.
        const ReportDocument de = build(QStringLiteral("de"));
        bool found = false;
        for (const QStringList &row : de.section(QStringLiteral("timeline"))->blocks.first().rows)
            found |= row.value(3).contains(QLatin1String("(11-mal, zuletzt 2019-08-26 15:20:50 UTC)"));
        QVERIFY(found);
    }

    void pdfColumnsWideEnoughToRead()
    {
        // Every table of the report: no column narrower than its header's longest word.
        const ReportDocument doc = build();
        const double pageWidth = PdfCanvas::kPageWidth - 100;
        int tables = 0;
        for (const ReportSection &s : doc.sections)
            for (const ReportBlock &b : s.blocks) {
                if (b.kind != ReportBlock::Kind::Table)
                    continue;
                ++tables;
                const double size = PdfTableLayout::fontSizeFor(b.header.size());
                const QList<double> widths = PdfTableLayout::columnWidths(b.header, b.rows, size, pageWidth);
                double total = 0;
                for (qsizetype c = 0; c < widths.size(); ++c) {
                    total += widths[c];
                    double headerWord = 0;
                    for (const QString &w : b.header.at(c).split(QLatin1Char(' ')))
                        headerWord = qMax(headerWord, PdfCanvas::textWidth(w, PdfCanvas::Font::Bold, size));
                    QVERIFY2(widths[c] >= headerWord + 2 * PdfTableLayout::kPadding - 0.01,
                             qPrintable(QStringLiteral("%1: column %2 (%3) is %4 pt").arg(s.id).arg(c).arg(b.header.at(c)).arg(widths[c])));
                    QVERIFY(widths[c] >= PdfTableLayout::kMinColumn - 0.01);
                }
                QVERIFY2(total <= pageWidth + 0.01, qPrintable(s.id));
            }
        QVERIFY(tables >= 6);

        // A pathological table (64-character hashes, long commands) still gives the short columns their words.
        const QList<QStringList> rows{{QStringLiteral("1"), QString(64, QLatin1Char('a')), QString(400, QLatin1Char('x')), QStringLiteral("complete")}};
        const QStringList header{QStringLiteral("ID"), QStringLiteral("SHA-256"), QStringLiteral("Command"), QStringLiteral("State")};
        const QList<double> w = PdfTableLayout::columnWidths(header, rows, 7.5, pageWidth);
        QVERIFY(w[3] >= PdfCanvas::textWidth(QStringLiteral("complete"), PdfCanvas::Font::Regular, 7.5));
        QVERIFY(w[0] >= PdfTableLayout::kMinColumn);
    }

    // Durations as the report and the timeline show them: never 1.428e+06 s.
    void humanDurations()
    {
        QCOMPARE(HumanDuration::fromUs(0), QStringLiteral("0 µs"));
        QCOMPARE(HumanDuration::fromUs(850000), QStringLiteral("850 ms"));
        QCOMPARE(HumanDuration::fromUs(12400000), QStringLiteral("12.4 s"));
        QCOMPARE(HumanDuration::fromUs(200LL * 1000000), QStringLiteral("3 min 20 s"));
        QCOMPARE(HumanDuration::fromUs(4LL * 3600 * 1000000 + 5LL * 60 * 1000000), QStringLiteral("4 h 05 min"));
        QCOMPARE(HumanDuration::fromUs(1428000LL * 1000000), QStringLiteral("16 d 12 h"));
        QCOMPARE(HumanDuration::fromUs(-2500000), QStringLiteral("-2.50 s"));
        QCOMPARE(HumanDuration::fromUs(std::numeric_limits<qint64>::min()).left(1), QStringLiteral("-"));
    }

    void pdfPagesRenderToPng()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("pages.pdf"));
        QCOMPARE(runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf}, 120000, m_env).exitCode, 0);
        const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
        const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pages.hasMatch(), qPrintable(info));
        const int count = pages.captured(1).toInt();
        QVERIFY(count >= 2);
        const QString prefix = m_dir.filePath(QStringLiteral("png/page"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("png"))));
        QProcess ppm;
        ppm.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdf, prefix});
        QVERIFY(ppm.waitForFinished(120000));
        QCOMPARE(ppm.exitCode(), 0);
        const QStringList pngs = QDir(m_dir.filePath(QStringLiteral("png"))).entryList({QStringLiteral("*.png")});
        QCOMPARE(pngs.size(), count);
        if (qEnvironmentVariableIsSet("CASEBOOK_REPORT_PNG_DIR")) // to look at them
            for (const QString &p : pngs)
                QFile::copy(m_dir.filePath(QStringLiteral("png/") + p), qEnvironmentVariable("CASEBOOK_REPORT_PNG_DIR") + QLatin1Char('/') + p);
    }
};

QTEST_GUILESS_MAIN(ReportLayoutTest)
#include "ReportLayoutTest.moc"
