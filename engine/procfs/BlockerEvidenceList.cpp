#include "BlockerEvidenceList.h"

void BlockerEvidenceList::onUnparsed(QByteArrayView what, QByteArrayView text)
{
    const QByteArray key = what.toByteArray();
    if (m_counts[key]++ == 0)
        m_first.append({key, text.left(120).toByteArray()});
}

QStringList BlockerEvidenceList::problems() const
{
    QStringList out;
    for (const auto &[kind, first] : m_first)
        out.append(QStringLiteral("%1: %2 unreadable line(s), first: %3")
                       .arg(QString::fromLatin1(kind))
                       .arg(m_counts.value(kind))
                       .arg(QString::fromUtf8(first).left(120)));
    return out;
}
