// libFuzzer target: the kernel log parser (dmesg, journalctl -k, and the
// collector's CASEBOOK-KLOG header), with and without a known boot time.
// Every event must lie within the lines it was built from.
#include "FuzzInput.h"
#include "kernellog/KernelLogParser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = FuzzInput::view(data, size);
    for (qint64 boot : {qint64(0), qint64(1700000000) * 1000000}) {
        qint64 lines = 0;
        KernelLogParser parser;
        parser.onLine = [&](const KernelLogLine &l) {
            if (l.seq < lines || (l.timeOutOfRange && l.atUs != 0))
                std::abort();
            lines = l.seq + 1;
        };
        parser.onEvent = [&](const KernelLogEvent &e) {
            if (e.firstSeq > e.lastSeq || e.lastSeq >= lines)
                std::abort();
        };
        parser.parse(input, boot);
    }
    return 0;
}
