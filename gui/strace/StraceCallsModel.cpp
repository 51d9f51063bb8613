#include "StraceCallsModel.h"

#include "StraceText.h"

#include <QBrush>
#include <QColor>

StraceCallsModel::StraceCallsModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind)
{
}

void StraceCallsModel::setCalls(const QList<StraceCallRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_callText.clear();
    m_callText.reserve(rows.size());
    for (const StraceCallRow &r : rows)
        m_callText.append(StraceText::oneLine(r.formatted()));
    endResetModel();
}

int StraceCallsModel::rowOf(qint64 callId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].callId == callId)
            return r;
    return -1;
}

int StraceCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StraceCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StraceCallsModel::outcome(const StraceCallRow &o)
{
    if (o.signal)
        return tr("signal");
    if (o.isUnfinished())
        return o.isDetached() ? tr("strace detached") : tr("never returned");
    if (o.errnoName)
        return StraceText::oneLine(*o.errnoName, 40);
    if (o.retText && !o.retText->isEmpty())
        return QStringLiteral("= ") + StraceText::oneLine(*o.retText, 40);
    return o.ret ? QStringLiteral("= %1").arg(*o.ret) : QString();
}

QVariant StraceCallsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StraceCallRow &o = m_rows[index.row()];
    const int col = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (col) {
        case Pid: return sort ? QVariant(o.pid) : QVariant(o.pid ? QString::number(o.pid) : QStringLiteral("?"));
        case Syscall: return StraceText::oneLine(o.syscall, 60);
        case Duration:
            if (sort)
                return QVariant(o.durationUs.value_or(-1));
            return o.durationUs || !o.isUnfinished() ? StraceText::duration(o.durationUs) : tr("not known");
        case Started:
            if (sort)
                return QVariant(o.timeUs.value_or(-1));
            return StraceText::time(o.timeUs);
        case Outcome: return outcome(o);
        case Source: {
            const QString host = StraceText::oneLine(o.host, 60);
            // One multi-arg call: untrusted names may contain "%1".
            const QString where = QStringLiteral("%1:%2").arg(StraceText::oneLine(o.trace, 80), QString::number(o.line));
            return host.isEmpty() ? where : host + QStringLiteral(" · ") + where;
        }
        case Call: return m_callText[index.row()];
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (col == Call || col == Source)
            return tr("%1\n%2 line %3 — double-click to open the raw log")
                .arg(m_callText[index.row()], StraceText::oneLine(o.trace, 200), QString::number(o.line));
        if (col == Duration && o.isUnfinished())
            return o.durationUs ? tr("Still waiting when the trace ended (or strace detached): at least this long.")
                                : tr("Still waiting when the trace ended; the log has no later time, so how long is not known.");
        if (col == Outcome && o.errnoName)
            return StraceText::oneLine(*o.errnoName);
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (col == Pid || col == Duration)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (role == Qt::ForegroundRole && col == Outcome) {
        if (o.isUnfinished() || o.errnoName)
            return QBrush(QColor(200, 40, 40));
        return {};
    }
    if (role == CallIdRole)
        return o.callId;
    if (role == ArtifactIdRole)
        return o.artifactId.value_or(0);
    if (role == LineRole)
        return o.line;
    return {};
}

QVariant StraceCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid: return tr("PID");
    case Syscall: return tr("Syscall");
    case Duration: return m_kind == Kind::Hung ? tr("Waited") : tr("Took");
    case Started: return tr("Started (UTC)");
    case Outcome: return tr("Result");
    case Source: return tr("Log");
    case Call: return tr("Call as strace printed it");
    }
    return {};
}
