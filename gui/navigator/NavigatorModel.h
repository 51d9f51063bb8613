#pragma once

#include "casefile/ArtifactReader.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"

#include <QStandardItemModel>

class CaseFile;

// The case as a tree: Hosts -> host -> collections -> artifacts; imports
// without a host; notes.
class NavigatorModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, IdRole, HostNameRole, CollectionKindRole };

    // What the tree shows, read on the reader thread (read()) and turned
    // into items on the GUI thread (load()).
    struct Data
    {
        QList<ArtifactInfo> artifacts;
        QList<CollectionRecord> collections;
        QList<HostRecord> hosts;
        QList<Note> notes;
    };

    explicit NavigatorModel(QObject *parent = nullptr);
    static Data read(CaseFile &caseFile);
    void load(const Data &data);
    void clearCase();
    // Index of the item of this kind ("host", "collection", "artifact", "note") and id.
    QModelIndex find(const QString &kind, qint64 id) const;
};
