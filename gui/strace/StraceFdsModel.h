#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>

// File descriptors and what strace -y/-yy said they were (a path, a socket,
// a TCP connection), per process (StraceQuery::fds()).
class StraceFdsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, Fd, Path, Calls, FirstSeen, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FirstCallIdRole };

    struct Row
    {
        qint64 pid = 0;
        qint64 fd = 0;
        QString path;
        qint64 calls = 0;
        QJsonValue firstUs;
        qint64 firstCallId = 0;
    };

    explicit StraceFdsModel(QObject *parent = nullptr);
    void setRows(const QJsonArray &rows);
    const Row &row(int r) const { return m_rows[r]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};
