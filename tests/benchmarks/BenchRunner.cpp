#include "BenchRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <unistd.h>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QString secs(double s)
{
    return QStringLiteral("%1 s").arg(s, 0, 'f', s < 10 ? 3 : 1);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString cell(QString s)
{
    return s.replace(QLatin1Char('|'), QLatin1Char('/')).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

}

// What one side did over its runs.
struct BenchRunner::Side
{
    QList<double> wall;
    double cpu = 0;
    double rss = 0;
    QStringList results; // distinct, in order
    QString error;

    bool run(const BenchSide &s, const QString &outBase, bool counted)
    {
        if (s.before)
            s.before();
        ChildSpec spec = s.spec;
        if (spec.stdoutPath.isEmpty())
            spec.stdoutPath = outBase + QStringLiteral(".out");
        if (spec.stderrPath.isEmpty())
            spec.stderrPath = outBase + QStringLiteral(".err");
        const ChildRun r = ChildLauncher::instance()->run(spec);
        if (!r.started || r.signal || !s.okExit.contains(r.exitCode)) {
            error = QStringLiteral("`%1` %2: %3").arg(spec.argv.first(),
                                                      !r.started ? QStringLiteral("did not start")
                                                      : r.signal ? QStringLiteral("killed by signal %1").arg(r.signal)
                                                                 : QStringLiteral("exited %1").arg(r.exitCode),
                                                      QString::fromLocal8Bit(readFile(spec.stderrPath).right(300)).trimmed());
            return false;
        }
        const QString res = s.result ? s.result(readFile(spec.stdoutPath)) : QString();
        if (!results.contains(res))
            results.append(res);
        if (counted) {
            wall.append(r.wallS);
            cpu = std::max(cpu, r.cpuS);
            rss = std::max(rss, r.maxRssMb);
        }
        return true;
    }
};

BenchRunner::BenchRunner(const QString &benchName) : m_name(benchName) {}

bool BenchRunner::fullScale()
{
    return qgetenv("CASEBOOK_BENCH_SCALE") == "full";
}

int BenchRunner::rounds()
{
    const int n = qEnvironmentVariableIntValue("CASEBOOK_BENCH_ROUNDS");
    return n > 0 ? n : 3;
}

QString BenchRunner::workDir()
{
    QString dir = qEnvironmentVariable("CASEBOOK_BENCH_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral("/tmp/casebook-bench-%1").arg(getuid());
    QDir().mkpath(dir);
    return dir;
}

QString BenchRunner::casectl()
{
    const QString local = QCoreApplication::applicationDirPath() + QStringLiteral("/casectl");
    return QFileInfo(local).isExecutable() ? local : QStandardPaths::findExecutable(QStringLiteral("casectl"));
}

bool BenchRunner::have(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

QByteArray BenchRunner::capture(const QStringList &argv, bool *ok, const QStringList &env)
{
    const QString base = workDir() + QStringLiteral("/capture");
    ChildSpec spec{argv, {}, base + QStringLiteral(".out"), base + QStringLiteral(".err"), env};
    const ChildRun r = ChildLauncher::instance()->run(spec);
    const bool good = r.started && r.exitCode == 0;
    if (ok)
        *ok = good;
    if (!good)
        QTextStream(stderr) << "bench: `" << argv.join(QLatin1Char(' ')).left(200) << "` failed: "
                            << readFile(spec.stderrPath).right(500) << '\n';
    return readFile(spec.stdoutPath);
}

void BenchRunner::compare(const BenchComparison &c)
{
    QTextStream out(stdout);
    out << m_name << ": " << c.work << " (" << rounds() << " rounds after a warm-up)\n";
    out.flush();
    Side ours, peer;
    const QString base = workDir() + QLatin1Char('/') + m_name;
    bool ok = ours.run(c.ours, base + QStringLiteral("-ours"), false) && peer.run(c.peer, base + QStringLiteral("-peer"), false);
    for (int r = 0; ok && r < rounds(); ++r) {
        if (r % 2 == 0)
            ok = ours.run(c.ours, base + QStringLiteral("-ours"), true) && peer.run(c.peer, base + QStringLiteral("-peer"), true);
        else
            ok = peer.run(c.peer, base + QStringLiteral("-peer"), true) && ours.run(c.ours, base + QStringLiteral("-ours"), true);
    }
    QString agree;
    if (!ok) {
        agree = QStringLiteral("FAILED: ") + (ours.error.isEmpty() ? peer.error : ours.error);
    } else if (ours.results.size() == 1 && ours.results == peer.results) {
        agree = QStringLiteral("yes (%1)").arg(ours.results.first());
    } else {
        agree = QStringLiteral("NO: Casebook %1, peer %2").arg(ours.results.join(QStringLiteral(" / ")),
                                                              peer.results.join(QStringLiteral(" / ")));
    }
    if (!agree.startsWith(QLatin1String("yes")))
        m_failed = true;
    const auto times = [](const Side &s) {
        return s.wall.isEmpty() ? QStringLiteral("-")
                                : QStringLiteral("%1, %2").arg(secs(median(s.wall)), secs(*std::min_element(s.wall.begin(), s.wall.end())));
    };
    const double pm = median(peer.wall);
    const QString ratio = ours.wall.isEmpty() || peer.wall.isEmpty() || pm <= 0 ? QStringLiteral("-")
                                                                                : QString::number(median(ours.wall) / pm, 'f', 2);
    const auto mb = [](const Side &s) { return s.wall.isEmpty() ? QStringLiteral("-") : QStringLiteral("%1 MB").arg(s.rss, 0, 'f', 1); };
    emitRow(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |")
                .arg(cell(c.work), times(ours), times(peer), ratio, mb(ours), mb(peer), cell(agree)));
}

void BenchRunner::skip(const QString &work, const QString &why)
{
    emitRow(QStringLiteral("| %1 | - | - | - | - | - | skipped: %2 |").arg(cell(work), cell(why)));
}

void BenchRunner::fail(const QString &work, const QString &why)
{
    m_failed = true;
    emitRow(QStringLiteral("| %1 | - | - | - | - | - | FAILED: %2 |").arg(cell(work), cell(why)));
}

void BenchRunner::emitRow(const QString &row)
{
    QTextStream(stdout) << row << '\n';
    const QString path = qEnvironmentVariable("CASEBOOK_BENCH_RESULTS");
    if (path.isEmpty())
        return;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Append))
        f.write(row.toUtf8() + '\n');
}

int BenchRunner::finish() const
{
    return m_failed ? 1 : 0;
}
