#pragma once

#include "casefile/NoteHistory.h"

#include <QAbstractTableModel>

// The versions of one note (newest first): when, who, what changed.
class NoteHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Change, Lines, Who, Title, ColumnCount }; // narrow dock: the telling columns first

    explicit NoteHistoryModel(QObject *parent = nullptr);
    void setVersions(QList<NoteHistory::Version> oldestFirst);
    const NoteHistory::Version &version(int row) const { return m_versions[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<NoteHistory::Version> m_versions; // newest first
};
