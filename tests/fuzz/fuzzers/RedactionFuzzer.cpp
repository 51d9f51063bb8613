// libFuzzer target: redaction of untrusted text. The first line lists host
// names, the second user names and principals, the third literal terms (all
// comma separated); the rest is the text (a log, a note, a report) that
// Redactor rewrites, as text and as bytes of unknown encoding, and the scanner
// that checks a redacted export scans. With CASEBOOK_FUZZ_STRICT=1 the scanner
// must find nothing identifying left in the text (off in fuzz_short, whose
// short random runs must not fail CI by chance; the leaks found so far are
// regression inputs of test_redaction: tests/data/fuzz/redaction/leak-*.txt).
#include "FuzzInput.h"
#include "sharing/PseudonymMap.h"
#include "sharing/RedactionScanner.h"
#include "sharing/Redactor.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
QStringList listOf(QByteArrayView line)
{
    return QString::fromUtf8(line).split(QLatin1Char(','), Qt::SkipEmptyParts);
}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView rest = FuzzInput::view(data, size);
    const QStringList hosts = listOf(FuzzInput::takeLine(rest));
    const QStringList users = listOf(FuzzInput::takeLine(rest));
    Redactor::Options options;
    options.terms = listOf(FuzzInput::takeLine(rest));
    options.patterns = {QStringLiteral("ticket-[0-9]+")};
    options.profile = size % 2 ? QStringLiteral("strict") : QStringLiteral("standard");

    PseudonymMap map;
    Redactor redactor(map, options);
    for (const QString &h : hosts)
        redactor.addHost(h);
    for (const QString &u : users)
        redactor.addPrincipal(u);
    const QString text = redactor.redact(QString::fromUtf8(rest));
    const QByteArray bytes = redactor.redactBytes(rest.toByteArray());
    static const bool strict = qEnvironmentVariableIntValue("CASEBOOK_FUZZ_STRICT") == 1;
    const QList<RedactionScanner::Match> left = redactor.scanner().findAll(text);
    for (const RedactionScanner::Match &m : left) {
        if (!strict)
            break;
        fprintf(stderr, "left after redaction: %s '%s' at %lld in:\n%s\n", qPrintable(m.kind), qPrintable(m.original),
                qint64(m.start), qPrintable(text.mid(qMax<qsizetype>(0, m.start - 60), m.length + 120)));
        std::abort(); // the export's zero-hit check would refuse what the Redactor wrote
    }
    redactor.scanner().findAll(QString::fromLatin1(bytes), true);
    return 0;
}
