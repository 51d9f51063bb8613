#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// A reference to something in the case, as notes write it ([[finding:12]],
// [[task:web-3/123]], [[artifact:5]]) and as the panes pass it around.
struct EvidenceLink
{
    QString kind;   // finding, task, artifact, note, event, collection, snapshot, stack, host...
    QString target; // "12", "web-3/123"
    int start = -1; // position in the text it was parsed from
    int length = 0;

    bool isValid() const { return !kind.isEmpty() && !target.isEmpty(); }
    qint64 id() const { return target.toLongLong(); } // numeric targets
    QString text() const { return QStringLiteral("[[%1:%2]]").arg(kind, target); }
    QUrl url() const; // casebook:kind/target

    static EvidenceLink fromUrl(const QUrl &url);
    static EvidenceLink fromRef(const QString &refKind, qint64 refId);
    // Every [[kind:target]] in text.
    static QList<EvidenceLink> parseAll(const QString &text);
    // The link at a character position, if any.
    static EvidenceLink at(const QString &text, int position);
    // Markdown with each [[kind:target]] turned into [kind:target](casebook:kind/target).
    static QString toMarkdownLinks(const QString &text);
};
