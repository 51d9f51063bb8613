#pragma once

#include "ChildLauncher.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// One side of a comparison: a whole process (casectl, or the peer tool).
struct BenchSide
{
    ChildSpec spec;                     // stdout/stderr go to files in workDir() when not set
    std::function<void()> before;       // untimed, before every run (a fresh case...)
    // The work's result from this run's stdout ("packets=123"): compared with
    // the other side's, which must be the same on every run.
    std::function<QString(const QByteArray &stdoutData)> result;
    QList<int> okExit{0};
};

struct BenchComparison
{
    QString work; // "pcap summary: `casectl import` vs `tcpdump -r F -w /dev/null`"
    BenchSide ours;
    BenchSide peer;
};

// Times Casebook against a peer tool: a warm-up run of each (not counted),
// then rounds() rounds alternating which side goes first, each run a child
// of ChildLauncher (wall time, CPU, its own peak RSS). Prints one markdown
// row per comparison (and appends it to $CASEBOOK_BENCH_RESULTS for
// tests/benchmarks/run); a comparison whose sides disagree on the result,
// or whose run fails, makes finish() return 1.
class BenchRunner
{
public:
    explicit BenchRunner(const QString &benchName);

    static bool fullScale();  // CASEBOOK_BENCH_SCALE=full
    static int rounds();      // CASEBOOK_BENCH_ROUNDS, default 3
    static QString workDir(); // CASEBOOK_BENCH_DIR, default /tmp/casebook-bench-UID (created)
    static QString casectl(); // next to the benchmark, else on PATH
    static bool have(const QString &program);
    // Untimed helper run (inputs, results): its stdout; *ok false on failure.
    static QByteArray capture(const QStringList &argv, bool *ok = nullptr, const QStringList &env = {});

    void compare(const BenchComparison &c);
    void skip(const QString &work, const QString &why);
    // A failure before any comparison (no sshd, no input...).
    void fail(const QString &work, const QString &why);
    int finish() const;

private:
    struct Side;
    void emitRow(const QString &row);

    QString m_name;
    bool m_failed = false;
};
