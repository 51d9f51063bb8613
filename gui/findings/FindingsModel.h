#pragma once

#include "casefile/FindingStore.h"

#include <QAbstractTableModel>
#include <QHash>

// Every finding of the case: severity, title, host, time, kind, evidence.
// Superseded findings are listed too (greyed, after the current ones): a
// note's [[finding:N]] must still find its row.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Severity, Title, Host, Time, Kind, Evidence, ColumnCount };
    enum Role { FindingIdRole = Qt::UserRole + 1, SeverityRankRole, SupersededRole };

    explicit FindingsModel(QObject *parent = nullptr);
    void setFindings(QList<Finding> findings, QHash<qint64, QString> hostNames);
    const Finding &finding(int row) const { return m_findings[row]; }
    int rowOf(qint64 findingId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Finding> m_findings;
    QHash<qint64, QString> m_hostNames;
};
