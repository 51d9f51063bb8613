// libFuzzer target: every text parser of a procfs snapshot on its own, fed
// the raw bytes (no framing to get past): the host files (uptime, loadavg,
// stat, meminfo, pressure), cgroup files and memory limits, fd/ns links,
// mountinfo, mountstats, /proc/net/tcp, the task stat line, kernel stacks,
// and the sed escaping of the stream; and the blocker evidence parsers
// (/proc/locks, fdinfo, status switch counts and signal masks, schedstat,
// task cgroups, NFS per-op counters).
#include "FuzzInput.h"
#include "procfs/BlockerEvidenceList.h"
#include "procfs/BlockerEvidenceParser.h"
#include "procfs/ProcStatLine.h"
#include "procfs/ProcfsStream.h"
#include "procfs/ProcfsTextParsers.h"
#include "procfs/StackFrames.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::view(data, size).toByteArray();

    ProcfsSample sample;
    sample.takenUs = 1700000000000000;
    for (qint64 pid : {1, 42, 4242}) {
        ProcTask t;
        t.pid = t.tid = pid;
        sample.tasks.append(t);
    }
    for (const char *path : {"uptime", "loadavg", "stat", "meminfo", "pressure/cpu", "pressure/io"})
        ProcfsTextParsers::hostFile(QString::fromLatin1(path), bytes, sample);
    ProcfsTextParsers::primaryCgroup(bytes);
    ProcfsTextParsers::links(bytes, sample);
    const QList<ProcfsStream::File> files = ProcfsStream::files(bytes);
    ProcfsTextParsers::cgroupMemory(files, sample);
    ProcfsTextParsers::mountinfo(bytes, sample);
    ProcfsTextParsers::mountstats(bytes, sample);
    ProcfsTextParsers::netTcp(QStringLiteral("tcp"), bytes, sample);
    ProcfsTextParsers::netTcp(QStringLiteral("tcp6"), bytes, sample);
    ProcfsTextParsers::unescapeOctal(bytes);
    ProcfsStream::unescape(bytes);
    QByteArray token, error;
    if (ProcfsStream::readToken(bytes, &token, &error))
        ProcfsStream::sections(bytes, token);

    BlockerEvidence evidence;
    BlockerEvidenceList sink(evidence);
    BlockerEvidenceParser::procLocks(bytes, sink);
    FdTarget fd;
    fd.pid = 42;
    fd.fd = 3;
    BlockerEvidenceParser::fdinfo(bytes, &fd, sink);
    TaskSched sched;
    for (const QByteArray &line : bytes.split('\n'))
        BlockerEvidenceParser::statusLine(line, &sched);
    BlockerEvidenceParser::schedstat(bytes, &sched);
    sched.pending(9);
    BlockerEvidenceParser::taskCgroups(42, 43, bytes, sink);
    BlockerEvidenceParser::nfsOps(bytes, sink);
    sink.problems();
    for (const FdTarget &t : evidence.fds)
        t.bracketInode();
    FdTarget::kindOf(QString::fromUtf8(bytes));

    ProcStatLine stat;
    ProcStatLine::parse(bytes, &stat);

    const QStringList frames = StackFrames::parse(QString::fromUtf8(bytes));
    StackFrames::signature(StackFrames::normalizeAll(frames));
    StackFrames::normalizeAll(frames, true);
    return 0;
}
