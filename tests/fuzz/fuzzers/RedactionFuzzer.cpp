// libFuzzer target: redaction of untrusted text. The first line lists host
// names, the second user names and principals, the third literal terms (all
// comma separated); the rest is the text (a log, a note, a report) that
// Redactor rewrites, as text and as bytes of unknown encoding, and that the
// RedactionScanner then searches for the originals, as an export does.
#include "FuzzInput.h"
#include "sharing/PseudonymMap.h"
#include "sharing/RedactionScanner.h"
#include "sharing/Redactor.h"

#include <cstdint>

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
    RedactionScanner::scan(text.toUtf8() + '\n' + bytes, redactor.originals());
    return 0;
}
