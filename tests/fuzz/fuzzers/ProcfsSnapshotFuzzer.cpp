// libFuzzer target: the procfs snapshot stream as a collector returns it
// (stdout, then stderr after a "\n--stderr--\n" line; without one, the same
// bytes serve as both), through ProcfsSnapshotParser: section framing, the
// sed-escaped file dumps, every per-file text parser, stat lines, stacks.
#include "FuzzInput.h"
#include "procfs/ProcfsSnapshotParser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArrayView> parts = FuzzInput::split(FuzzInput::view(data, size), "\n--stderr--\n");
    const QByteArrayView out = parts.first();
    const QByteArrayView err = parts.size() > 1 ? parts.at(1) : out;
    qint64 tasks = 0;
    ProcfsSnapshotParser parser;
    parser.onSample = [&](const ProcfsSample &s) { tasks += s.tasks.size(); };
    parser.parse(out, err);
    (void)tasks;
    return 0;
}
