#pragma once

#include "casefile/AuditLog.h"

#include <QAbstractTableModel>

// The case's chain of custody, one row per audit-log entry, newest last.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Target, Details, ColumnCount };

    explicit AuditLogModel(QObject *parent = nullptr);
    void setEntries(QList<AuditLog::Entry> entries);
    // Appends entries newer than the last one (the chain only grows).
    void appendEntries(const QList<AuditLog::Entry> &entries);
    const AuditLog::Entry &entry(int row) const { return m_entries[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditLog::Entry> m_entries;
};
