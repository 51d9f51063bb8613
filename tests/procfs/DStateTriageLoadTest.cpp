#include "analysis/DStateTriageLoad.h"

#include <QFile>
#include <QTest>

#include <cmath>

// Golden test of the load-average verdict: tests/data/procfs/load-verdict/
// cases.in (load1 load5 load15 runnable in-D per line) against cases.expected.
class DStateTriageLoadTest : public QObject
{
    Q_OBJECT

    static QString dir() { return qEnvironmentVariable("CASEBOOK_TEST_DATA") + QStringLiteral("/procfs/load-verdict/"); }

private slots:
    void golden()
    {
        QFile in(dir() + QStringLiteral("cases.in"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QStringList out;
        for (const QByteArray &raw : in.readAll().split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> f = line.simplified().split(' ');
            QCOMPARE(f.size(), 5);
            const DStateTriageLoad r = DStateTriageLoad::judge(f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toInt(), f[4].toInt());
            out.append(QStringLiteral("%1 => %2 fell=%3 peak=%4\n  %5")
                           .arg(QString::fromLatin1(line), DStateTriageLoad::verdictName(r.verdict))
                           .arg(r.leftAgoS, 0, 'f', 1).arg(r.peak, 0, 'f', 1).arg(r.text));
        }
        QVERIFY(out.size() >= 10);
        const QString actual = out.join(QLatin1Char('\n')) + QLatin1Char('\n');
        QFile expected(dir() + QStringLiteral("cases.expected"));
        if (qEnvironmentVariableIsSet("CASEBOOK_REGENERATE_GOLDEN")) {
            QVERIFY(expected.open(QIODevice::WriteOnly | QIODevice::Truncate));
            expected.write(actual.toUtf8());
            expected.close();
        }
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(actual, QString::fromUtf8(expected.readAll()));
    }

    // The estimate inverts the kernel's own decay: simulate it and get the time back.
    void estimateInvertsTheKernelDecay()
    {
        const double e1 = std::exp(-5.0 / 60), e5 = std::exp(-5.0 / 300), e15 = std::exp(-5.0 / 900);
        double l1 = 0, l5 = 0, l15 = 0;
        auto tick = [&](int active) {
            l1 = l1 * e1 + active * (1 - e1);
            l5 = l5 * e5 + active * (1 - e5);
            l15 = l15 * e15 + active * (1 - e15);
        };
        for (int i = 0; i < 12 * 60; ++i) // an hour at 50 active tasks
            tick(50);
        for (int i = 0; i < 6; ++i)       // then 30 s at 1
            tick(1);
        const DStateTriageLoad r = DStateTriageLoad::judge(l1, l5, l15, 0, 1);
        QCOMPARE(r.verdict, DStateTriageLoad::Verdict::Decaying);
        QVERIFY2(std::abs(r.leftAgoS - 30) < 1, qPrintable(QString::number(r.leftAgoS)));
        QVERIFY2(std::abs(r.peak - 50) < 1, qPrintable(QString::number(r.peak)));
    }
};

QTEST_GUILESS_MAIN(DStateTriageLoadTest)
#include "DStateTriageLoadTest.moc"
