#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

class SqliteDatabase;

struct EvidenceRef
{
    QString refKind; // artifact, snapshot, task, stack, kernel-event, strace-call, conversation, rpc-call...
    qint64 refId = 0;
    QString label;
};

struct Finding
{
    qint64 id = 0;
    qint64 hostId = 0;
    qint64 collectionId = 0;
    QString kind;                          // d-state-group, blocker-candidate, hung-syscall, silent-peer...
    QString severity = QStringLiteral("info"); // info, low, medium, high, critical
    QString title;
    QString detail;
    qint64 atUs = 0;
    qint64 createdUs = 0;
    QJsonObject data;
    QList<EvidenceRef> evidence;
};

// Analyses store their conclusions here, each linked to the evidence it rests on.
class FindingStore
{
public:
    explicit FindingStore(SqliteDatabase &db) : m_db(db) {}

    qint64 add(const Finding &finding);
    std::optional<Finding> byId(qint64 id) const;
    // All findings, optionally of one host and/or kind ordered by severity then time.
    QList<Finding> list(qint64 hostId = 0, const QString &kind = {}) const;
    // Removes the findings an analysis made for a collection, before it re-runs.
    int removeFor(qint64 collectionId, const QStringList &kinds);

    static int severityRank(const QString &severity); // critical = 4 ... info = 0

private:
    QList<EvidenceRef> evidenceOf(qint64 findingId) const;
    SqliteDatabase &m_db;
};
