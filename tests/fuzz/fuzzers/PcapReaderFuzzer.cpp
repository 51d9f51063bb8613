// Fuzzes the streaming capture reader and everything behind it (link/IP/TCP
// decoding, flow table, TCP handshake analysis, RPC record reassembly and
// portmapper decoding). The input is fed whole, then again in pieces whose
// size comes from the first byte, so record-spanning carry-over is exercised.
#include "pcap/CaptureSummarizer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    {
        CaptureSummarizer whole;
        whole.feed(data, size);
        whole.finish();
    }
    if (size > 1) {
        const size_t piece = size_t(data[0] % 61) + 1;
        CaptureSummarizer pieces;
        for (size_t off = 1; off < size; off += piece)
            pieces.feed(data + off, size - off < piece ? size - off : piece);
        pieces.finish();
    }
    return 0;
}
