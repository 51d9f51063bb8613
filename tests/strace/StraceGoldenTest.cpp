// Golden files: each tests/data/strace/golden/NAME.strace is imported (with
// the options in NAME.options, if any: observed-until=, tz=, date=) and what
// the analysis makes of it -- hung calls with their waits and fd paths, the
// strace findings, processes, file descriptors -- is compared with
// NAME.expected beside it. After an intended change, regenerate them with
// tests/data/strace/golden/regenerate (CASEBOOK_REGENERATE_GOLDEN=1) and
// review the diff.
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "importers/ImporterCatalog.h"
#include "strace/StraceAnalyzer.h"
#include "strace/StraceQuery.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class StraceGoldenTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString goldenDir() { return TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/golden"); }

    static QString opt(const std::optional<qint64> &v) { return v ? QString::number(*v) : QStringLiteral("-"); }

    static QMap<QString, QString> options(const QString &path)
    {
        QMap<QString, QString> o{{QStringLiteral("tz"), QStringLiteral("UTC")}, {QStringLiteral("date"), QStringLiteral("2019-08-26")}};
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray &line : f.readAll().split('\n'))
                if (const qsizetype eq = line.indexOf('='); eq > 0)
                    o.insert(QString::fromUtf8(line.left(eq).trimmed()), QString::fromUtf8(line.mid(eq + 1).trimmed()));
        return o;
    }

    // What the analysis says about one log, as plain lines.
    static QString report(CaseFile &cf)
    {
        QString out;
        StraceQuery q(cf.db());
        out += QStringLiteral("== hung calls\n");
        for (const StraceCallRow &c : q.hung())
            out += QStringLiteral("%1:%2 %3 started=%4 waited_us=%5 reason=%6 fd=%7 path=%8%9\n    %10\n")
                       .arg(c.trace).arg(c.line).arg(c.processText(), c.time.isEmpty() ? QStringLiteral("-") : c.time,
                                                     opt(c.durationUs), c.unfinishedReason(), opt(c.fd),
                                                     c.fdPath.value_or(QStringLiteral("-")),
                                                     c.fdPath ? (c.fdInferred ? QStringLiteral(" (followed)") : QStringLiteral(" (strace -y)")) : QString(),
                                                     c.formatted());
        out += QStringLiteral("== findings\n");
        const QStringList kinds = StraceAnalyzer::findingKinds();
        for (const Finding &f : FindingStore(cf.db()).list())
            if (kinds.contains(f.kind))
                out += QStringLiteral("[%1] %2: %3\n    %4\n").arg(f.severity, f.kind, f.title, f.detail);
        out += QStringLiteral("== processes\n");
        for (const StraceProcessRow &p : q.processes())
            out += QStringLiteral("%1 parent=%2 calls=%3 exit=%4 killed=%5\n")
                       .arg(p.isUnknown() ? QStringLiteral("unknown") : QString::number(p.pid), opt(p.parentPid))
                       .arg(p.calls)
                       .arg(opt(p.exitCode), p.killedBy.value_or(QStringLiteral("-")));
        out += QStringLiteral("== file descriptors\n");
        for (const StraceFdRow &f : q.fds())
            out += QStringLiteral("%1 fd %2 -> %3%4 calls=%5\n")
                       .arg(f.pid ? QString::number(f.pid) : QStringLiteral("unknown"))
                       .arg(f.fd)
                       .arg(f.path, f.inferred ? QStringLiteral(" (followed)") : QString())
                       .arg(f.calls);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void analyses_data()
    {
        QTest::addColumn<QString>("log");
        const QStringList logs = QDir(goldenDir()).entryList({QStringLiteral("*.strace")}, QDir::Files, QDir::Name);
        QVERIFY(logs.size() >= 4);
        for (const QString &l : logs)
            QTest::newRow(qPrintable(l)) << l;
    }

    void analyses()
    {
        QFETCH(QString, log);
        const QString base = goldenDir() + QLatin1Char('/') + log.chopped(7);
        const QMap<QString, QString> o = options(base + QStringLiteral(".options"));
        auto cf = CaseFile::create(m_dir.filePath(log + QStringLiteral(".casebook")), QStringLiteral("golden"));
        ImportRequest req;
        req.caseFile = cf.get();
        req.paths = {goldenDir() + QLatin1Char('/') + log};
        req.timeZone = o.value(QStringLiteral("tz"));
        req.startDate = QDate::fromString(o.value(QStringLiteral("date")), Qt::ISODate);
        if (o.contains(QStringLiteral("observed-until"))) {
            req.observedUntil = QDateTime::fromString(o.value(QStringLiteral("observed-until")), Qt::ISODateWithMs);
            QVERIFY(req.observedUntil.isValid());
        }
        const ImportResult r = ImporterCatalog::byKind(QStringLiteral("strace"))->import(req, CancelToken());
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString got = report(*cf);
        const QString expectedPath = base + QStringLiteral(".expected");
        if (qEnvironmentVariableIsSet("CASEBOOK_REGENERATE_GOLDEN")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(got.toUtf8());
            return;
        }
        QFile expected(expectedPath);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expectedPath + QStringLiteral(" is missing: run tests/data/strace/golden/regenerate")));
        const QString want = QString::fromUtf8(expected.readAll());
        if (got != want) {
            const QStringList g = got.split(QLatin1Char('\n')), w = want.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < qMax(g.size(), w.size()); ++i)
                if (g.value(i) != w.value(i))
                    QFAIL(qPrintable(QStringLiteral("%1 line %2:\n  expected: %3\n  got:      %4").arg(expectedPath).arg(i + 1).arg(w.value(i), g.value(i))));
        }
    }
};

QTEST_GUILESS_MAIN(StraceGoldenTest)
#include "StraceGoldenTest.moc"
