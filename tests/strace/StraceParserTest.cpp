// Unit tests of the strace line parser and the streaming parser: exact fields
// of real strace 6.x lines (captured on this machine's strace), the seed 004
// excerpt, odd input (cut last line, binary garbage, 1 MB lines).
#include "TestEnv.h"
#include "strace/StraceLineParser.h"
#include "strace/StraceStreamParser.h"

#include <QFile>
#include <QTest>
#include <limits>

namespace {

struct Collected
{
    qint64 line = 0, pid = 0, timeUs = 0, ret = 0, duration = -1, fd = -1;
    bool hasTime = false, isSignal = false, retIsNumber = false;
    QByteArray name, args, retText, errnoName, errnoText, fdPath;
    int unfinished = 0;
};

class CollectingSink : public StraceSink
{
public:
    QList<Collected> calls;
    QList<StraceExit> exits;
    QList<QPair<qint64, qint64>> unparsed; // line, full length
    void onCall(const StraceCall &c) override
    {
        Collected k;
        k.line = c.line;
        k.pid = c.pid;
        k.hasTime = c.hasTime;
        k.timeUs = c.timeUs;
        k.isSignal = c.isSignal;
        k.name = c.name.toByteArray();
        k.args = c.args.toByteArray();
        k.retIsNumber = c.retIsNumber;
        k.ret = c.ret;
        k.retText = c.retText.toByteArray();
        k.errnoName = c.errnoName.toByteArray();
        k.errnoText = c.errnoText.toByteArray();
        k.duration = c.durationUs;
        k.unfinished = c.unfinished;
        k.fd = c.fd;
        k.fdPath = c.fdPath.toByteArray();
        calls.append(k);
    }
    void onExit(const StraceExit &x) override
    {
        StraceExit copy = x;
        copy.signal = {};
        exits.append(copy);
    }
    void onUnparsed(qint64 line, QByteArrayView, qint64 fullLength) override { unparsed.append({line, fullLength}); }
};

QByteArray readData(const QString &name)
{
    QFile f(TestEnv::sourceDir() + QStringLiteral("/tests/data/strace/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class StraceParserTest : public QObject
{
    Q_OBJECT

private slots:
    void callWithPidTimeErrnoDuration()
    {
        StraceLine l;
        QVERIFY(StraceLineParser::parse("12    11:40:01.606903 openat(AT_FDCWD</tmp/st>, \"/usr/lib/locale/C.UTF-8/LC_TIME\", "
                                        "O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000003>", l));
        QCOMPARE(l.kind, StraceLine::Kind::Call);
        QCOMPARE(l.pid, 12);
        QCOMPARE(l.timeKind, StraceLine::TimeKind::TimeOfDay);
        QCOMPARE(l.timeUs, ((11 * 60 + 40) * 60 + 1) * 1000000LL + 606903);
        QCOMPARE(l.name, QByteArrayView("openat"));
        QCOMPARE(l.args, QByteArrayView("AT_FDCWD</tmp/st>, \"/usr/lib/locale/C.UTF-8/LC_TIME\", O_RDONLY|O_CLOEXEC"));
        QVERIFY(l.retIsNumber);
        QCOMPARE(l.ret, -1);
        QVERIFY(l.retIsPlain);
        QCOMPARE(l.errnoName, QByteArrayView("ENOENT"));
        QCOMPARE(l.errnoText, QByteArrayView("No such file or directory"));
        QCOMPARE(l.durationUs, 3);
    }

    void returnedFdDecorationAndNested()
    {
        StraceLine l;
        QVERIFY(StraceLineParser::parse("12    11:40:01.606914 openat(AT_FDCWD</tmp/st>, \"/usr/lib/locale/C.utf8/LC_TIME\", "
                                        "O_RDONLY|O_CLOEXEC) = 3</usr/lib/locale/C.utf8/LC_TIME> <0.000003>", l));
        QCOMPARE(l.ret, 3);
        QCOMPARE(l.retDecoration, QByteArrayView("/usr/lib/locale/C.utf8/LC_TIME"));
        qint64 fd = -1;
        QByteArrayView deco;
        QVERIFY(StraceLineParser::firstFdDecoration("3</dev/null<char 1:3>>, 4, 5", fd, deco));
        QCOMPARE(fd, 3);
        QCOMPARE(deco, QByteArrayView("/dev/null<char 1:3>"));
        QVERIFY(StraceLineParser::firstFdDecoration("6<TCP:[10.1.84.20:51234->10.1.84.31:2049]>, {sa_family=AF_INET}", fd, deco));
        QCOMPARE(fd, 6);
        QCOMPARE(deco, QByteArrayView("TCP:[10.1.84.20:51234->10.1.84.31:2049]"));
        // AT_FDCWD</dir> is not an fd number.
        QVERIFY(!StraceLineParser::firstFdDecoration("AT_FDCWD</tmp/st>, \"x\"", fd, deco));
    }

    void unfinishedResumedDetached()
    {
        StraceLine l;
        QVERIFY(StraceLineParser::parse("8     11:40:01.546240 wait4(-1,  <unfinished ...>", l));
        QCOMPARE(l.kind, StraceLine::Kind::Unfinished);
        QCOMPARE(l.args, QByteArrayView("-1, "));
        QVERIFY(StraceLineParser::parse("[pid    42] <... rt_sigprocmask resumed>NULL, 8) = 0", l));
        QCOMPARE(l.kind, StraceLine::Kind::Resumed);
        QCOMPARE(l.pid, 42);
        QCOMPARE(l.name, QByteArrayView("rt_sigprocmask"));
        QCOMPARE(l.args, QByteArrayView("NULL, 8"));
        QCOMPARE(l.ret, 0);
        QVERIFY(StraceLineParser::parse("18    11:40:02.534717 flock(3</tmp/st/lk>, LOCK_EX <detached ...>", l));
        QCOMPARE(l.kind, StraceLine::Kind::Detached);
        QCOMPARE(l.args, QByteArrayView("3</tmp/st/lk>, LOCK_EX"));
    }

    void timestampStyles()
    {
        StraceLine l;
        QVERIFY(StraceLineParser::parse("1795261207.060195 execve(\"/usr/bin/true\", [\"true\"], 0x7ffe6d4589e8 /* 38 vars */) = 0", l));
        QCOMPARE(l.timeKind, StraceLine::TimeKind::Epoch);
        QCOMPARE(l.timeUs, 1795261207060195LL);
        QCOMPARE(l.pid, 0);
        QVERIFY(StraceLineParser::parse("6          0.007985 brk(NULL)           = 0x55dc6825a000", l));
        QCOMPARE(l.timeKind, StraceLine::TimeKind::Relative);
        QCOMPARE(l.pid, 6);
        QCOMPARE(l.timeUs, 7985);
        QCOMPARE(l.ret, 0x55dc6825a000LL);
        QVERIFY(!l.retIsPlain); // hex is kept as printed
        QVERIFY(StraceLineParser::parse("11:40:07 (+     0.000184) brk(NULL)     = 0x55e609cbf000", l));
        QCOMPARE(l.timeKind, StraceLine::TimeKind::TimeOfDay);
        QVERIFY(!l.timeHasFraction);
        QCOMPARE(l.timeUs, (11 * 3600 + 40 * 60 + 7) * 1000000LL);
        QVERIFY(StraceLineParser::parse("     0.000027 access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)", l));
        QCOMPARE(l.timeKind, StraceLine::TimeKind::Relative);
        QCOMPARE(l.timeUs, 27);
        QVERIFY(StraceLineParser::parse("22    clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                                        "child_tidptr=0x7fabf13f1a10) = 23", l));
        QCOMPARE(l.timeKind, StraceLine::TimeKind::None);
        QCOMPARE(l.pid, 22);
        QCOMPARE(l.ret, 23);
    }

    void signalsExitsOddResults()
    {
        StraceLine l;
        QVERIFY(StraceLineParser::parse("8     11:40:01.550046 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9} ---", l));
        QCOMPARE(l.kind, StraceLine::Kind::Signal);
        QCOMPARE(l.name, QByteArrayView("SIGCHLD"));
        QCOMPARE(l.args, QByteArrayView("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9}"));
        QVERIFY(StraceLineParser::parse("--- stopped by SIGSTOP ---", l));
        QCOMPARE(l.name, QByteArrayView("SIGSTOP"));
        QVERIFY(StraceLineParser::parse("9     11:40:01.550020 +++ exited with 2 +++", l));
        QCOMPARE(l.kind, StraceLine::Kind::Exited);
        QCOMPARE(l.exitCode, 2);
        QVERIFY(StraceLineParser::parse("+++ killed by SIGSEGV (core dumped) +++", l));
        QCOMPARE(l.kind, StraceLine::Kind::Killed);
        QCOMPARE(l.name, QByteArrayView("SIGSEGV"));
        QVERIFY(l.coreDumped);
        QVERIFY(StraceLineParser::parse("12    11:40:01.828355 exit_group(0)     = ?", l));
        QVERIFY(!l.retIsNumber);
        QCOMPARE(l.result, QByteArrayView("?"));
        QVERIFY(StraceLineParser::parse("restart_syscall(<... resuming interrupted read ...>) = ? ERESTARTSYS (To be restarted if SA_RESTART is set) <5.000001>", l));
        QCOMPARE(l.name, QByteArrayView("restart_syscall"));
        QCOMPARE(l.args, QByteArrayView("<... resuming interrupted read ...>"));
        QCOMPARE(l.errnoName, QByteArrayView("ERESTARTSYS"));
        QCOMPARE(l.durationUs, 5000001);
        // A string argument holding ") = " and escapes.
        QVERIFY(StraceLineParser::parse("write(1, \") = 5 \\\"q\\\"\\n\"..., 14) = 14", l));
        QCOMPARE(l.args, QByteArrayView("1, \") = 5 \\\"q\\\"\\n\"..., 14"));
        QCOMPARE(l.ret, 14);
        QVERIFY(StraceLineParser::parse("poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)", l));
        QCOMPARE(l.result, QByteArrayView("0 (Timeout)"));
        QVERIFY(!l.retIsPlain);
        QVERIFY(StraceLineParser::parse("strace: Process 42 attached", l));
        QCOMPARE(l.kind, StraceLine::Kind::Info);
        QVERIFY(!StraceLineParser::parse("clone(child_stack=NULL, flags=SIGCHLDstrace: Process 42 attached", l));
        QVERIFY(!StraceLineParser::parse("random words here", l));
        QVERIFY(!StraceLineParser::parse("", l));
    }

    // Numbers too large for microseconds or an int overflowed (UBSan):
    // impossible -T durations are dropped, exit codes capped, both flagged;
    // -0x8000000000000000 is the kernel's LONG_MIN.
    void outOfRangeNumbers()
    {
        CollectingSink sink;
        StraceStreamParser p(sink);
        p.feed(readData(QStringLiteral("out-of-range.strace")));
        p.finish();
        QCOMPARE(p.stats().unparsed, 0);
        QCOMPARE(p.stats().outOfRange, 2);
        QCOMPARE(sink.calls.size(), 4);
        QCOMPARE(sink.calls[0].name, QByteArray("nanosleep"));
        QCOMPARE(sink.calls[0].duration, -1);
        QVERIFY(sink.calls[0].retIsNumber);
        QCOMPARE(sink.calls[0].ret, 0);
        QCOMPARE(sink.calls[1].duration, 99999999999999999LL);
        QVERIFY(sink.calls[2].retIsNumber);
        QCOMPARE(sink.calls[2].ret, std::numeric_limits<qint64>::min());
        QCOMPARE(sink.calls[3].ret, 999999999999999999LL);
        QCOMPARE(sink.exits.size(), 1);
        QCOMPARE(sink.exits[0].exitCode, std::numeric_limits<int>::max());

        StraceLine l;
        QVERIFY(StraceLineParser::parse("+++ exited with -99999999999 +++", l));
        QVERIFY(l.outOfRange);
        QCOMPARE(l.exitCode, -std::numeric_limits<int>::max());
        QVERIFY(StraceLineParser::parse("read(3, \"\", 1) = 0 <100000000000.000000>", l)); // the largest kept
        QVERIFY(!l.outOfRange);
        QCOMPARE(l.durationUs, 100000000000000000LL);
        QVERIFY(!StraceLineParser::parse("100000000001.000000 getpid() = 1", l)); // an epoch past year 5138
    }

    // -r deltas add up; a hostile log of huge ones stops at the clock's limit.
    void relativeTimesSaturate()
    {
        QByteArray log;
        for (int i = 0; i < 3000; ++i)
            log += "99999999.999999 getpid() = 1\n";
        CollectingSink sink;
        StraceStreamParser p(sink);
        p.feed(log);
        p.finish();
        QCOMPARE(sink.calls.size(), 3000);
        QCOMPARE(sink.calls[0].timeUs, 99999999999999LL);
        QCOMPARE(sink.calls.last().timeUs, StraceClock::kLimitUs);
    }

    void pairsUnfinishedWithResumed()
    {
        CollectingSink sink;
        StraceStreamParser p(sink, StraceClock(QDateTime(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::UTC), QTimeZone::UTC));
        p.feed("8     11:40:01.546240 wait4(-1,  <unfinished ...>\n"
               "9     11:40:01.550020 +++ exited with 0 +++\n"
               "8     11:40:01.550036 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 9 <0.003793>\n");
        p.finish();
        QCOMPARE(sink.calls.size(), 1);
        const Collected &c = sink.calls.first();
        QCOMPARE(c.line, 1);
        QCOMPARE(c.pid, 8);
        QCOMPARE(c.name, QByteArray("wait4"));
        QCOMPARE(c.args, QByteArray("-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL"));
        QCOMPARE(c.ret, 9);
        QCOMPARE(c.duration, 3793);
        QCOMPARE(c.timeUs, QDateTime(QDate(2026, 11, 21), QTime(11, 40, 1, 546), QTimeZone::UTC).toMSecsSinceEpoch() * 1000 + 240);
        QCOMPARE(sink.exits.size(), 1);
        QCOMPARE(sink.exits.first().pid, 9);
    }

    void strace5StyleResumed()
    {
        CollectingSink sink;
        StraceStreamParser p(sink);
        p.feed("[pid 14437] flock(11, LOCK_EX <unfinished ...>\n"
               "[pid 14438] read(3,  <unfinished ...>\n"
               "[pid 14438] <... read resumed> \"abc\", 3) = 3\n"
               "[pid 14437] <... flock resumed> )        = 0\n"
               "[pid 14439] exit_group(0)               = ?\n"
               "[pid 14439] +++ exited with 0 +++\n");
        p.finish();
        QCOMPARE(sink.calls.size(), 3);
        QCOMPARE(sink.calls.at(0).name, QByteArray("read"));
        QCOMPARE(sink.calls.at(0).args, QByteArray("3, \"abc\", 3"));
        QCOMPARE(sink.calls.at(1).name, QByteArray("flock"));
        QCOMPARE(sink.calls.at(1).args, QByteArray("11, LOCK_EX"));
        QCOMPARE(sink.calls.at(1).ret, 0);
        QCOMPARE(sink.calls.at(1).line, 1);
        QCOMPARE(sink.unparsed.size(), 0);
    }

    void seed004CutLastLineIsAFlockInFlight()
    {
        const QByteArray log = readData(QStringLiteral("seed004-php-fpm.strace"));
        QVERIFY(!log.isEmpty());
        CollectingSink sink;
        StraceStreamParser p(sink);
        p.setDefaultPid(14437);
        p.feed(log);
        p.finish();
        QVERIFY(p.stats().truncatedTail);
        QCOMPARE(p.stats().unparsed, 0);
        QCOMPARE(sink.calls.size(), 8);
        const Collected &last = sink.calls.last();
        QCOMPARE(last.name, QByteArray("flock"));
        QCOMPARE(last.args, QByteArray("11, LOCK_EX"));
        QCOMPARE(last.unfinished, int(StraceCall::TraceEnded));
        QCOMPARE(last.pid, 14437);
        QCOMPARE(sink.calls.at(3).args, QByteArray("11, LOCK_SH"));
        QCOMPARE(sink.calls.at(3).ret, 0);
        QCOMPARE(sink.calls.first().ret, 11);
    }

    void anyChunkingGivesTheSameResult()
    {
        const QByteArray log = readData(QStringLiteral("seed004-php-fpm-f.strace"));
        QVERIFY(!log.isEmpty());
        CollectingSink whole;
        {
            StraceStreamParser p(whole);
            p.feed(log);
            p.finish();
        }
        CollectingSink bytes;
        {
            StraceStreamParser p(bytes);
            for (qsizetype i = 0; i < log.size(); ++i)
                p.feed(log.mid(i, 1));
            p.finish();
        }
        QVERIFY(!whole.calls.isEmpty());
        QCOMPARE(bytes.calls.size(), whole.calls.size());
        for (qsizetype i = 0; i < whole.calls.size(); ++i) {
            QCOMPARE(bytes.calls.at(i).args, whole.calls.at(i).args);
            QCOMPARE(bytes.calls.at(i).timeUs, whole.calls.at(i).timeUs);
        }
        QCOMPARE(whole.unparsed.size(), 0);
        QCOMPARE(whole.exits.size(), 1);
        QVERIFY(whole.exits.first().killed);
    }

    void garbageAndHugeLines()
    {
        CollectingSink sink;
        StraceStreamParser p(sink);
        QByteArray garbage;
        quint32 x = 12345;
        for (int i = 0; i < 200000; ++i) {
            x = x * 1103515245 + 12345;
            garbage.append(char(x >> 24));
        }
        const QByteArray huge = "read(0, \"" + QByteArray(1 << 20, 'a') + "\", 1048576) = 1048576\n";
        const QByteArray hugeGarbage = QByteArray(StraceStreamParser::kMaxLineBytes + 100, 'z') + '\n';
        p.feed("getpid() = 7\n");
        p.feed(garbage);
        p.feed("\n");
        p.feed(huge);
        p.feed(hugeGarbage);
        p.feed(QByteArray("getpid() = \0\xff 8\n", 16));
        p.feed("getppid() = 1\n");
        p.finish();
        QVERIFY(p.stats().unparsed > 0);
        QCOMPARE(p.stats().overlong, 1);
        QList<QByteArray> names;
        for (const Collected &c : sink.calls)
            names.append(c.name);
        QVERIFY(names.contains("getpid"));
        QVERIFY(names.contains("getppid"));
        bool sawHuge = false;
        for (const Collected &c : sink.calls)
            if (c.name == "read" && c.ret == 1048576 && c.args.size() > (1 << 20))
                sawHuge = true;
        QVERIFY(sawHuge);
        bool sawOverlong = false;
        for (const auto &u : sink.unparsed)
            sawOverlong = sawOverlong || u.second == StraceStreamParser::kMaxLineBytes + 100;
        QVERIFY(sawOverlong);
    }
};

QTEST_GUILESS_MAIN(StraceParserTest)
#include "StraceParserTest.moc"
