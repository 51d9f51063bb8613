#include "HtmlScan.h"
#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/AuditHead.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "report/HtmlReportWriter.h"
#include "report/MarkdownReportWriter.h"
#include "report/ReportBuilder.h"
#include "report/ReportText.h"
#include "util/CaseError.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class ReportContentTest : public QObject
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

    static const QStringList &sectionIds()
    {
        static const QStringList ids{QStringLiteral("status"), QStringLiteral("summary"), QStringLiteral("impact"), QStringLiteral("detection"),
                                     QStringLiteral("timeline"), QStringLiteral("status-updates"), QStringLiteral("root-cause"),
                                     QStringLiteral("trigger"), QStringLiteral("resolution"), QStringLiteral("action-items"),
                                     QStringLiteral("lessons-learned"), QStringLiteral("evidence"), QStringLiteral("evidence-hosts"),
                                     QStringLiteral("evidence-artifacts"), QStringLiteral("evidence-collections"), QStringLiteral("evidence-audit"),
                                     QStringLiteral("evidence-commands")};
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("incident.casebook"));
        m_values = ReportFixture::build(m_case);
    }

    void everySectionPresentInOrder()
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("de")}) {
            const ReportDocument doc = ReportBuilder(cf->db()).build(lang);
            QStringList ids;
            for (const ReportSection &s : doc.sections)
                ids.append(s.id);
            QCOMPARE(ids, sectionIds());
            QCOMPARE(doc.title, QStringLiteral("php-fpm workers stuck in D on NFS flock"));
            // Material where the case has it, prompts (never invented text) where it has none.
            for (const QString &id : {QStringLiteral("summary"), QStringLiteral("impact"), QStringLiteral("detection"), QStringLiteral("timeline"),
                                      QStringLiteral("status-updates"), QStringLiteral("root-cause"), QStringLiteral("resolution"),
                                      QStringLiteral("action-items")})
                QVERIFY2(doc.section(id)->hasMaterial, qPrintable(id));
            for (const QString &id : {QStringLiteral("trigger"), QStringLiteral("lessons-learned")}) {
                const ReportSection *s = doc.section(id);
                QVERIFY2(!s->hasMaterial, qPrintable(id));
                QCOMPARE(s->blocks.size(), 1);
                QCOMPARE(s->blocks.first().kind, ReportBlock::Kind::Prompt);
            }
        }
        const ReportDocument de = ReportBuilder(cf->db()).build(QStringLiteral("de"));
        QCOMPARE(de.section(QStringLiteral("timeline"))->heading, QStringLiteral("Ereignisablauf"));
        QCOMPARE(de.section(QStringLiteral("root-cause"))->heading, QStringLiteral("Ursachenanalyse"));
        QVERIFY_THROWS_EXCEPTION(CaseError, ReportBuilder(cf->db()).build(QStringLiteral("fr")));
    }

    void timelineInOrderWithChosenEventsOnly()
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const ReportDocument doc = ReportBuilder(cf->db()).build(QStringLiteral("en"));
        const ReportBlock &table = doc.section(QStringLiteral("timeline"))->blocks.first();
        QCOMPARE(table.kind, ReportBlock::Kind::Table);
        // 2 markers + 2 findings + 1 chosen event + 1 timeline note; the unchosen event stays out.
        QCOMPARE(table.rows.size(), 6);
        QStringList times, texts;
        for (const QStringList &row : table.rows) {
            times.append(row.at(0));
            texts.append(row.at(3));
            QVERIFY2(row.at(0).endsWith(QLatin1String(" UTC")), qPrintable(row.at(0)));
        }
        QStringList sorted = times;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(times, sorted);
        QCOMPARE(times.first(), QStringLiteral("2019-08-26 15:01:00 UTC"));
        QCOMPARE(times.last(), QStringLiteral("2019-08-26 16:35:00 UTC"));
        QVERIFY(texts.join(QLatin1Char('\n')).contains(QLatin1String("lockd: server 10.1.84.31 not responding, still trying")));
        QVERIFY(!texts.join(QLatin1Char('\n')).contains(QLatin1String("unchosen")));
        // Status updates newest first, with their times.
        const ReportBlock &updates = doc.section(QStringLiteral("status-updates"))->blocks.first();
        QCOMPARE(updates.rows.size(), 3);
        QCOMPARE(updates.rows.first().at(1), QStringLiteral("All affected services have been restored."));
        QCOMPARE(updates.rows.first().at(0), QStringLiteral("2019-08-26 16:40:00 UTC"));
    }

    void appendixHashesMatchArtifacts()
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const ReportDocument doc = ReportBuilder(cf->db()).build(QStringLiteral("en"));
        const ReportBlock &table = doc.section(QStringLiteral("evidence-artifacts"))->blocks.first();
        ArtifactReader reader(cf->db());
        QCOMPARE(table.rows.size(), reader.list().size());
        QCOMPARE(table.rows.size(), 4);
        for (const QStringList &row : table.rows) {
            const qint64 id = row.at(0).toLongLong();
            const QByteArray content = reader.readAll(id);
            QCOMPARE(row.at(5), QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
            QCOMPARE(row.at(4).toLongLong(), qint64(content.size()));
        }
        const ReportBlock &hosts = doc.section(QStringLiteral("evidence-hosts"))->blocks.first();
        QCOMPARE(hosts.rows.size(), 2);
        for (const QStringList &row : hosts.rows)
            if (row.at(0) == QLatin1String("web-node-12"))
                QCOMPARE(row.at(2), QStringLiteral("ssh-ed25519 SHA256:q8F0nXyPj3mN6tYx1bGkT0pJ7cW2eR5sLhVd9aZ4uQo"));
            else
                QCOMPARE(row.at(2), QStringLiteral("ecdsa-sha2-nistp256 SHA256:Zx3kP0qLm8N2vB7cT5rY1wE4uI6oA9sD0fG3hJ2kL5M"));
        const ReportSection *audit = doc.section(QStringLiteral("evidence-audit"));
        QCOMPARE(audit->blocks.first().text, QStringLiteral("The audit log's hash chain is intact."));
        QVERIFY(audit->blocks.size() == 3 && audit->blocks.at(2).rows.size() >= 8); // create + 4 × collect-start/finish
        // The head, to be noted down elsewhere and checked later with verify --expect-head.
        const AuditHead head = AuditHead::of(cf->db());
        QVERIFY(audit->blocks.at(1).text.contains(QStringLiteral("--expect-head %1:%2").arg(head.entries).arg(head.hash)));
        QCOMPARE(doc.section(QStringLiteral("evidence-collections"))->blocks.first().rows.size(), 4);
    }

    void markdownEscapesEvidence()
    {
        const auto r = runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("md")}, 120000, m_env);
        QCOMPARE(r.exitCode, 0);
        const QString md = QString::fromUtf8(r.out);
        QVERIFY(md.startsWith(QLatin1String("# php-fpm workers stuck in D on NFS flock\n")));
        for (const QString &h : {QStringLiteral("## Summary"), QStringLiteral("## Series of events"), QStringLiteral("## Root cause analysis"),
                                 QStringLiteral("## Trigger"), QStringLiteral("## Lessons learned"), QStringLiteral("### Artifacts")})
            QVERIFY2(md.contains(h), qPrintable(h));
        // The hostile name arrives escaped: no raw tag.
        QVERIFY(!md.contains(QLatin1String("<script>")));
        QVERIFY(md.contains(QLatin1String("\\<script\\>alert(1)\\</script\\>")));
        // Markdown table rows keep their column count despite '|' in evidence.
        QVERIFY(ReportText::markdownInline(m_values.hostileName2).count(QLatin1String("\\|")) == 1);
        const auto de = runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--lang"), QStringLiteral("de")}, 120000, m_env);
        QCOMPARE(de.exitCode, 0);
        QVERIFY(QString::fromUtf8(de.out).contains(QStringLiteral("## Ursachenanalyse")));
        QVERIFY(QString::fromUtf8(de.out).contains(QStringLiteral("## Maßnahmen")));
        QCOMPARE(runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("doc")}, 120000, m_env).exitCode, 2);
        QCOMPARE(runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("pdf")}, 120000, m_env).exitCode, 2);
    }

    void htmlKeepsHostileNamesAsText()
    {
        // Put both hostile names where the report shows evidence text.
        {
            auto cf = CaseFile::open(m_case);
            Finding f;
            f.kind = QStringLiteral("d-state-group");
            f.severity = QStringLiteral("high"); // the root-cause section lists high and critical findings
            f.title = m_values.hostileName2 + QStringLiteral(" <img src=http://x/a.png onerror=alert(2)>");
            f.detail = QStringLiteral("comm \"</td></tr></table><script>alert(3)</script>\" \x1b[31m red");
            FindingStore(cf->db()).add(f);
        }
        const QString out = m_dir.filePath(QStringLiteral("report.html"));
        const auto r = runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), out}, 120000, m_env);
        QCOMPARE(r.exitCode, 0);
        const QString html = QString::fromUtf8(readFile(out));
        const HtmlScan scan = HtmlScan::parse(html);
        QVERIFY(scan.wellFormed);
        const QSet<QString> allowed{QStringLiteral("!doctype"), QStringLiteral("html"), QStringLiteral("head"), QStringLiteral("meta"),
                                    QStringLiteral("title"), QStringLiteral("style"), QStringLiteral("body"), QStringLiteral("h1"),
                                    QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("p"), QStringLiteral("section"),
                                    QStringLiteral("table"), QStringLiteral("thead"), QStringLiteral("tbody"), QStringLiteral("tr"),
                                    QStringLiteral("th"), QStringLiteral("td"), QStringLiteral("ul"), QStringLiteral("li"),
                                    QStringLiteral("pre"), QStringLiteral("br"), QStringLiteral("div"), QStringLiteral("ol"),
                                    QStringLiteral("strong"), QStringLiteral("em"), QStringLiteral("code"), QStringLiteral("blockquote")};
        QVERIFY(!scan.tags.isEmpty());
        for (const QString &t : scan.tags)
            QVERIFY2(allowed.contains(t.startsWith(QLatin1Char('/')) ? t.mid(1) : t), qPrintable(t));
        // No scripts, no external resources, no event handlers.
        QVERIFY(!scan.tags.contains(QStringLiteral("script")));
        QVERIFY(!scan.tags.contains(QStringLiteral("img")));
        QVERIFY(!scan.attributes.isEmpty());
        for (const QString &a : scan.attributes) {
            QVERIFY2(!a.contains(QLatin1String("src="), Qt::CaseInsensitive), qPrintable(a));
            QVERIFY2(!a.contains(QLatin1String("href="), Qt::CaseInsensitive), qPrintable(a));
            QVERIFY2(!a.contains(QLatin1String("onerror"), Qt::CaseInsensitive), qPrintable(a));
        }
        QCOMPARE(scan.tags.count(QStringLiteral("table")), scan.tags.count(QStringLiteral("/table")));
        // The hostile names are there, as text.
        QVERIFY(scan.text.contains(m_values.hostileName));
        QVERIFY(scan.text.contains(m_values.hostileName2));
        QVERIFY(scan.text.contains(QStringLiteral("</td></tr></table><script>alert(3)</script>")));
        QVERIFY(scan.text.contains(QStringLiteral("\\x1b[31m red"))); // the escape byte made visible
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
    }

    void pdfRendersToAnImage()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const auto r = runCasectl({QStringLiteral("report"), m_case, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf,
                                   QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--json")}, 120000, m_env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readFile(pdf).startsWith("%PDF-1.4"));
        // pdftotext finds the headings (umlauts included) and the evidence text.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QCOMPARE(text.exitCode(), 0);
        const QString t = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(t.contains(QStringLiteral("Vorfallbericht")), qPrintable(t.left(400)));
        QVERIFY(t.contains(QStringLiteral("Maßnahmen")));
        QVERIFY(t.contains(QStringLiteral("Anhang: Beweismittel")));
        QVERIFY(t.contains(QStringLiteral("<script>alert(1)</script>")));
        // pdftoppm renders page 1; it must have ink.
        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        QProcess ppm;
        ppm.start(QStringLiteral("pdftoppm"), {QStringLiteral("-gray"), QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"),
                                                QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf, prefix});
        QVERIFY(ppm.waitForFinished(60000));
        QCOMPARE(ppm.exitCode(), 0);
        QByteArray pgm = readFile(prefix + QStringLiteral("-1.pgm"));
        if (pgm.isEmpty())
            pgm = readFile(prefix + QStringLiteral("-01.pgm"));
        QVERIFY(pgm.startsWith("P5"));
        // Header: P5 <w> <h> <max>, then w*h bytes.
        const QList<QByteArray> head = pgm.left(64).simplified().split(' ');
        const int w = head.value(1).toInt(), h = head.value(2).toInt();
        QVERIFY(w > 200 && h > 300);
        const QByteArray pixels = pgm.right(qsizetype(w) * h);
        qsizetype dark = 0;
        for (char c : pixels)
            dark += static_cast<unsigned char>(c) < 128;
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
    }

    void statusUpdatesFromTheCommandLine()
    {
        const QString c = m_dir.filePath(QStringLiteral("status.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("Public cloud server interruption")}, 120000, m_env).exitCode, 0);
        QCOMPARE(runCasectl({QStringLiteral("status"), c, QStringLiteral("add"), QStringLiteral("A public cloud server has rebooted."),
                             QStringLiteral("--at"), QStringLiteral("2016-03-28T14:03:00Z")}, 120000, m_env).exitCode, 0);
        QCOMPARE(runCasectl({QStringLiteral("status"), c, QStringLiteral("add"), QStringLiteral("All affected services have been restored."),
                             QStringLiteral("--at"), QStringLiteral("2016-03-28T15:39:00Z")}, 120000, m_env).exitCode, 0);
        QCOMPARE(runCasectl({QStringLiteral("status"), c, QStringLiteral("add")}, 120000, m_env).exitCode, 2);
        QCOMPARE(runCasectl({QStringLiteral("status"), c, QStringLiteral("add"), QStringLiteral("   ")}, 120000, m_env).exitCode, 1);
        const auto list = runCasectl({QStringLiteral("status"), c, QStringLiteral("--json")}, 120000, m_env);
        QCOMPARE(list.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("at")).toString(), QStringLiteral("2016-03-28T14:03:00.000Z"));
        QCOMPARE(runCasectl({QStringLiteral("action"), c, QStringLiteral("add"), QStringLiteral("Schedule reboots for patched kernels"),
                             QStringLiteral("--owner"), QStringLiteral("ops")}, 120000, m_env).exitCode, 0);
        const auto md = runCasectl({QStringLiteral("report"), c}, 120000, m_env);
        QCOMPARE(md.exitCode, 0);
        const QString text = QString::fromUtf8(md.out);
        QVERIFY(text.contains(QStringLiteral("| 2016-03-28 15:39:00 UTC | All affected services have been restored. |")));
        QVERIFY(text.indexOf(QLatin1String("15:39:00")) < text.indexOf(QLatin1String("14:03:00"))); // newest first
        QVERIFY(text.contains(QStringLiteral("Schedule reboots for patched kernels")));
        // An empty case still has every section, each with a prompt.
        QVERIFY(text.contains(QStringLiteral("## Impact\n\n_No impact recorded yet.")));
        // The audit log records the updates.
        const auto audit = runCasectl({QStringLiteral("info"), c, QStringLiteral("--json")}, 120000, m_env);
        QVERIFY(QJsonDocument::fromJson(audit.out).object().value(QStringLiteral("audit_entries")).toInt() >= 4);
    }
};

QTEST_GUILESS_MAIN(ReportContentTest)
#include "ReportContentTest.moc"
