#pragma once

#include <QStandardItemModel>

class CaseFile;

// The case as a tree: Hosts -> host -> collections -> artifacts; imports
// without a host; notes.
class NavigatorModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, IdRole, HostNameRole, CollectionKindRole };

    explicit NavigatorModel(QObject *parent = nullptr);
    void load(CaseFile &caseFile);
    void clearCase();
    // Index of the item of this kind ("host", "collection", "artifact", "note") and id.
    QModelIndex find(const QString &kind, qint64 id) const;
};
