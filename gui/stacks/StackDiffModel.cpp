#include "StackDiffModel.h"

#include <QBrush>
#include <QColor>
#include <QRegularExpression>
#include <algorithm>

QString StackDiffModel::displayFrame(const QString &frame)
{
    // "[<0>] nfs_file_fsync [nfs]" -> "nfs_file_fsync [nfs]": the address is noise.
    static const QRegularExpression address(QStringLiteral("^\\s*\\[<[0-9a-fx]*>\\]\\s*"));
    return QString(frame).remove(address);
}

StackDiffModel::StackDiffModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StackDiffModel::setResult(const StackDiff::Result &result)
{
    beginResetModel();
    m_result = result;
    m_rows.clear();
    // Outermost first: the shared call path pairs up, the rest side by side.
    QStringList a = result.framesA, b = result.framesB;
    std::reverse(a.begin(), a.end());
    std::reverse(b.begin(), b.end());
    const int shared = std::min<int>({result.commonOuter, int(a.size()), int(b.size())});
    QList<Row> rows;
    for (int i = 0; i < shared; ++i)
        rows.append({a[i], b[i], false});
    const int rest = int(std::max(a.size(), b.size())) - shared;
    for (int i = 0; i < rest; ++i) {
        Row r{a.value(shared + i), b.value(shared + i), true};
        r.differs = r.a != r.b;
        rows.append(r);
    }
    std::reverse(rows.begin(), rows.end()); // innermost at the top
    m_rows = rows;
    endResetModel();
}

int StackDiffModel::differingRows() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.differs; }));
}

int StackDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StackDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StackDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    const QString &text = index.column() == A ? r.a : r.b;
    switch (role) {
    case Qt::DisplayRole:
        return displayFrame(text);
    case Qt::BackgroundRole:
        if (r.differs && !text.isEmpty())
            return QBrush(index.column() == A ? QColor(230, 60, 60, 70) : QColor(60, 170, 60, 70));
        break;
    case Qt::ToolTipRole:
        return r.differs ? tr("Differs: only on this side at this depth") : tr("Common frame");
    case DiffersRole:
        return r.differs;
    }
    return {};
}

QVariant StackDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == A ? (m_result.labelA.isEmpty() ? tr("A") : m_result.labelA)
                        : (m_result.labelB.isEmpty() ? tr("B") : m_result.labelB);
}
