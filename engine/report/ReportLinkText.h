#pragma once

#include <QHash>
#include <QString>

class SqliteDatabase;

// Evidence links in notes ([[finding:12]], [[task:web3/4711]], [[artifact:5]])
// written out as references a reader of the report understands:
// "finding #12 “Workers stuck on flock”", "task web3/4711", "artifact #5 dmesg.txt".
class ReportLinkText
{
public:
    ReportLinkText(SqliteDatabase &db, const QString &lang);

    // The Markdown text with every [[kind:ref]] replaced by its readable
    // reference, Markdown-escaped so that a title reads literally.
    QString resolve(const QString &text) const;
    // One reference: kind and ref as written in the link.
    QString reference(const QString &kind, const QString &ref) const;

private:
    QString m_lang;
    QHash<qint64, QString> m_findings;
    QHash<qint64, QString> m_notes;
    QHash<qint64, QString> m_artifacts;
};
