#include "FindingsModel.h"

#include "util/TimeUtil.h"

#include <QBrush>
#include <QColor>

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void FindingsModel::setFindings(QList<Finding> findings, QHash<qint64, QString> hostNames)
{
    beginResetModel();
    m_findings = std::move(findings);
    m_hostNames = std::move(hostNames);
    endResetModel();
}

int FindingsModel::rowOf(qint64 findingId) const
{
    for (int i = 0; i < m_findings.size(); ++i)
        if (m_findings[i].id == findingId)
            return i;
    return -1;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity: return f.severity;
        case Title: return f.isSuperseded() ? tr("%1 (superseded)").arg(f.title) : f.title;
        case Host: return f.hostId ? m_hostNames.value(f.hostId, QString::number(f.hostId)) : QString();
        case Time: return TimeUtil::isoUtc(f.atUs);
        case Kind: return f.kind;
        case Evidence: return int(f.evidence.size());
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Title && !f.detail.isEmpty())
            return f.detail.left(2000);
        break;
    case Qt::ForegroundRole:
        if (f.isSuperseded()) // kept for the notes and reports that cite it, greyed
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (index.column() == Severity) {
            const int rank = FindingStore::severityRank(f.severity);
            if (rank >= 4)
                return QBrush(QColor(0xd0, 0x20, 0x20));
            if (rank == 3)
                return QBrush(QColor(0xd0, 0x60, 0x00));
        }
        break;
    case FindingIdRole:
        return f.id;
    case SeverityRankRole:
        return f.isSuperseded() ? -1 : FindingStore::severityRank(f.severity); // below every current finding
    case SupersededRole:
        return f.isSuperseded();
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity: return tr("Severity");
    case Title: return tr("Finding");
    case Host: return tr("Host");
    case Time: return tr("Time (UTC)");
    case Kind: return tr("Kind");
    case Evidence: return tr("Evidence");
    }
    return {};
}
