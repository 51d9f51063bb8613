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
    qint64 supersededUs = 0;  // when a later analysis superseded it; 0 = current
    qint64 supersededBy = 0;  // the finding that replaces it; 0 = none (no longer found)

    bool isSuperseded() const { return supersededUs != 0; }
};

// Analyses store their conclusions here, each linked to the evidence it rests on.
// Findings are never deleted: notes and reports cite them ([[finding:16]]).
// An analysis that re-runs calls supersedeFor() first, then add()s what it
// finds now, on the same FindingStore: a finding found again unchanged keeps
// its id and stays current; the others stay superseded, each linked to the
// finding of the same kind that replaces it when there is one.
class FindingStore
{
public:
    enum class Include { Current, All };

    explicit FindingStore(SqliteDatabase &db) : m_db(db) {}

    qint64 add(const Finding &finding);
    // Any finding, superseded or not: links to it always resolve.
    std::optional<Finding> byId(qint64 id) const;
    // Findings, optionally of one host and/or kind, ordered by severity then
    // time; the superseded ones only with Include::All.
    QList<Finding> list(qint64 hostId = 0, const QString &kind = {}, Include include = Include::Current) const;
    // Marks the current findings of these kinds that an analysis made for a
    // collection superseded, before it re-runs. Returns how many.
    int supersedeFor(qint64 collectionId, const QStringList &kinds);

    static int severityRank(const QString &severity); // critical = 4 ... info = 0

private:
    struct Superseded
    {
        qint64 id = 0;
        QString kind;
        QString identity;    // what makes "the same finding" (signature, event, pid...) or the title
        QByteArray content;  // everything but id and times: unchanged = identical
        bool linked = false;
    };
    static QString identityOf(const Finding &f);
    static QByteArray contentOf(const Finding &f);
    QList<EvidenceRef> evidenceOf(qint64 findingId) const;
    SqliteDatabase &m_db;
    QList<Superseded> m_superseded; // by this store's supersedeFor, not yet found again
};
