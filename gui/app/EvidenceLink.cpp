#include "EvidenceLink.h"

#include <QRegularExpression>

namespace {
const QRegularExpression &linkPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\[\[([a-z][a-z-]{0,31}):([^\]\s\[]{1,200})\]\])"));
    return re;
}
}

QUrl EvidenceLink::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("casebook"));
    u.setPath(kind + QLatin1Char('/') + target);
    return u;
}

EvidenceLink EvidenceLink::fromUrl(const QUrl &url)
{
    if (url.scheme() != QLatin1String("casebook"))
        return {};
    const QString p = url.path();
    const int slash = p.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return {};
    EvidenceLink l;
    l.kind = p.left(slash);
    l.target = p.mid(slash + 1);
    return l;
}

EvidenceLink EvidenceLink::fromRef(const QString &refKind, qint64 refId)
{
    EvidenceLink l;
    l.kind = refKind;
    l.target = QString::number(refId);
    return l;
}

QList<EvidenceLink> EvidenceLink::parseAll(const QString &text)
{
    QList<EvidenceLink> out;
    auto it = linkPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        EvidenceLink l;
        l.kind = m.captured(1);
        l.target = m.captured(2);
        l.start = int(m.capturedStart(0));
        l.length = int(m.capturedLength(0));
        out.append(l);
    }
    return out;
}

EvidenceLink EvidenceLink::at(const QString &text, int position)
{
    for (const EvidenceLink &l : parseAll(text))
        if (position >= l.start && position <= l.start + l.length)
            return l;
    return {};
}

QString EvidenceLink::toMarkdownLinks(const QString &text)
{
    QString out;
    int last = 0;
    for (const EvidenceLink &l : parseAll(text)) {
        out += text.mid(last, l.start - last);
        out += QStringLiteral("[%1:%2](%3)").arg(l.kind, l.target, l.url().toString(QUrl::FullyEncoded));
        last = l.start + l.length;
    }
    out += text.mid(last);
    return out;
}
