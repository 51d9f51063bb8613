#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "report/NoteMarkdown.h"
#include "report/PdfRichText.h"
#include "report/ReportLinkText.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Golden files: tests/data/report/note-markdown/NAME.md beside NAME.expected
// (see the README there; CASEBOOK_UPDATE_GOLDEN=1 rewrites the references).
class NoteMarkdownTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;

    static QString dump(const QList<NoteMarkdown::Block> &blocks)
    {
        using Kind = NoteMarkdown::Block::Kind;
        using Style = NoteMarkdown::Span::Style;
        QString out;
        for (const NoteMarkdown::Block &b : blocks) {
            switch (b.kind) {
            case Kind::Paragraph: out += QStringLiteral("P "); break;
            case Kind::Heading: out += QStringLiteral("H "); break;
            case Kind::Bullet: out += QStringLiteral("UL "); break;
            case Kind::Numbered: out += QStringLiteral("OL %1 ").arg(b.number); break;
            case Kind::Quote: out += QStringLiteral("Q "); break;
            case Kind::Code: out += QStringLiteral("CODE\n") + b.code + QStringLiteral("\nEND\n"); continue;
            }
            for (const NoteMarkdown::Span &s : b.spans) {
                switch (s.style) {
                case Style::Plain: out += s.text; break;
                case Style::Strong: out += QStringLiteral("**") + s.text + QStringLiteral("**"); break;
                case Style::Emphasis: out += QLatin1Char('*') + s.text + QLatin1Char('*'); break;
                case Style::Code: out += QLatin1Char('`') + s.text + QLatin1Char('`'); break;
                }
            }
            out += QLatin1Char('\n');
        }
        return out;
    }

    static QString dataDir() { return TestEnv::sourceDir() + QStringLiteral("/tests/data/report/note-markdown/"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("links.casebook"));
        ReportFixture::build(m_case);
    }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList inputs = QDir(dataDir()).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY(inputs.size() >= 2);
        for (const QString &f : inputs)
            if (f != QLatin1String("README.md"))
                QTest::newRow(qPrintable(f)) << f.chopped(3);
    }

    void golden()
    {
        QFETCH(QString, name);
        QFile in(dataDir() + name + QStringLiteral(".md"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const ReportLinkText links(cf->db(), QStringLiteral("en"));
        const QString actual = dump(NoteMarkdown::parse(links.resolve(QString::fromUtf8(in.readAll()))));
        QFile expected(dataDir() + name + QStringLiteral(".expected"));
        if (qEnvironmentVariableIsSet("CASEBOOK_UPDATE_GOLDEN")) {
            QVERIFY(expected.open(QIODevice::WriteOnly | QIODevice::Truncate));
            expected.write(actual.toUtf8());
            return;
        }
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));
        QCOMPARE(actual, QString::fromUtf8(expected.readAll()));
    }

    void linksReadAsReferences()
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        // The reference is Markdown-escaped (a title with "_" or "*" stays
        // literal); read as the report renders it.
        auto read = [](const ReportLinkText &l, const QString &s) { return NoteMarkdown::plainText(NoteMarkdown::parseInline(l.resolve(s))); };
        const ReportLinkText en(cf->db(), QStringLiteral("en"));
        QCOMPARE(read(en, QStringLiteral("see [[finding:1]].")),
                 QStringLiteral("see finding #1 “3 tasks in D state waiting in flock_lock_inode_wait”."));
        QVERIFY(en.resolve(QStringLiteral("[[finding:1]]")).contains(QLatin1String("flock\\_lock")));
        QCOMPARE(read(en, QStringLiteral("[[kernel-log-line:1528]]")), QStringLiteral("kernel log line #1528"));
        QCOMPARE(read(en, QStringLiteral("[[task:web3/4711]]")), QStringLiteral("task web3/4711"));
        const ReportLinkText de(cf->db(), QStringLiteral("de"));
        QVERIFY(read(de, QStringLiteral("[[finding:2]]")).startsWith(QStringLiteral("Befund #2 „lockd")));
        // Not a link: left alone.
        QCOMPARE(en.resolve(QStringLiteral("[[not a link]]")), QStringLiteral("[[not a link]]"));
    }

    void pdfWrapKeepsStylesAndWidth()
    {
        const QList<NoteMarkdown::Span> spans = NoteMarkdown::parseInline(
            QStringLiteral("Workers block in `flock(11, LOCK_EX)` while **another process** holds the lock, for a long long time."));
        const double width = 120;
        const QList<PdfRichText::Line> lines = PdfRichText::wrap(spans, 10, width);
        QVERIFY(lines.size() >= 3);
        bool sawMono = false, sawBold = false;
        QString joined;
        for (const PdfRichText::Line &line : lines) {
            QVERIFY(!line.isEmpty());
            const PdfRichText::Run &last = line.last();
            QVERIFY2(last.x + PdfCanvas::textWidth(last.text, last.font, 10) <= width + 0.01, qPrintable(last.text));
            for (const PdfRichText::Run &r : line) {
                sawMono |= r.font == PdfCanvas::Font::Mono && r.text.contains(QLatin1String("LOCK_EX"));
                sawBold |= r.font == PdfCanvas::Font::Bold && r.text == QLatin1String("another");
                joined += r.text;
            }
        }
        QVERIFY(sawMono);
        QVERIFY(sawBold);
        QVERIFY(!joined.contains(QLatin1Char('`')));
        QVERIFY(!joined.contains(QLatin1String("**")));
    }
};

QTEST_GUILESS_MAIN(NoteMarkdownTest)
#include "NoteMarkdownTest.moc"
