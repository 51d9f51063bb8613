// libFuzzer target: the strace line parser and the streaming parser (with its
// unfinished/resumed pairing), fed the input in chunks whose sizes come from
// the input itself. Must never crash, hang or read out of bounds.
#include "strace/StraceLineParser.h"
#include "strace/StraceStreamParser.h"

#include <QByteArray>
#include <cstdint>

namespace {

class CountingSink : public StraceSink
{
public:
    qint64 n = 0;
    void onCall(const StraceCall &c) override
    {
        n += c.name.size() + c.args.size() + c.fdPath.size() + c.retText.size();
        if (c.fd >= 0 && c.fdPath.isNull())
            __builtin_trap();
    }
    void onExit(const StraceExit &x) override { n += x.signal.size(); }
    void onUnparsed(qint64, QByteArrayView text, qint64 fullLength) override
    {
        if (text.size() > fullLength)
            __builtin_trap();
        n += text.size();
    }
};

}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // Line by line.
    StraceLine line;
    for (QByteArrayView rest = input; !rest.isEmpty();) {
        qsizetype nl = rest.indexOf('\n');
        if (nl < 0)
            nl = rest.size();
        StraceLineParser::parse(rest.first(nl), line);
        qint64 fd;
        QByteArrayView deco;
        StraceLineParser::firstFdDecoration(rest.first(nl), fd, deco);
        rest = rest.sliced(qMin(nl + 1, rest.size()));
    }

    // Streaming, in input-chosen chunks.
    CountingSink sink;
    StraceStreamParser parser(sink);
    const qsizetype step = size > 0 ? 1 + data[0] % 97 : 1;
    for (qsizetype i = 0; i < input.size(); i += step)
        parser.feed(input.sliced(i, qMin(step, input.size() - i)));
    parser.finish(1);
    return 0;
}
