#include "StraceCallsModel.h"

#include "StraceText.h"
#include "strace/StraceQuery.h"

#include <QBrush>
#include <QColor>

StraceCallsModel::StraceCallsModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind)
{
}

void StraceCallsModel::setCalls(const QJsonArray &rows)
{
    beginResetModel();
    m_rows.clear();
    m_callText.clear();
    m_rows.reserve(rows.size());
    m_callText.reserve(rows.size());
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        m_rows.append(o);
        m_callText.append(StraceText::oneLine(StraceQuery::formatCall(o)));
    }
    endResetModel();
}

int StraceCallsModel::rowOf(qint64 callId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (StraceText::toInt(m_rows[r].value(QStringLiteral("call_id"))) == callId)
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

QString StraceCallsModel::outcome(const QJsonObject &o)
{
    if (o.value(QStringLiteral("signal")).toBool())
        return tr("signal");
    if (o.value(QStringLiteral("unfinished")).toBool())
        return o.value(QStringLiteral("unfinished_reason")).toString() == QLatin1String("detached")
                   ? tr("strace detached")
                   : tr("never returned");
    const QJsonValue err = o.value(QStringLiteral("errno"));
    if (!err.isNull() && !err.isUndefined())
        return StraceText::oneLine(err.toString(), 40);
    const QJsonValue retText = o.value(QStringLiteral("ret_text"));
    if (retText.isString() && !retText.toString().isEmpty())
        return QStringLiteral("= ") + StraceText::oneLine(retText.toString(), 40);
    const QJsonValue ret = o.value(QStringLiteral("ret"));
    return ret.isNull() || ret.isUndefined() ? QString() : QStringLiteral("= %1").arg(StraceText::toInt(ret));
}

QVariant StraceCallsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &o = m_rows[index.row()];
    const int col = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (col) {
        case Pid: {
            const qint64 pid = StraceText::toInt(o.value(QStringLiteral("pid")));
            return sort ? QVariant(pid) : QVariant(pid ? QString::number(pid) : QStringLiteral("?"));
        }
        case Syscall: return StraceText::oneLine(o.value(QStringLiteral("syscall")).toString(), 60);
        case Duration: {
            const QJsonValue d = o.value(QStringLiteral("duration_us"));
            if (sort)
                return d.isNull() || d.isUndefined() ? QVariant(qint64(-1)) : QVariant(StraceText::toInt(d));
            return StraceText::duration(d);
        }
        case Started: {
            const QJsonValue t = o.value(QStringLiteral("time_us"));
            if (sort)
                return t.isNull() || t.isUndefined() ? QVariant(qint64(-1)) : QVariant(StraceText::toInt(t));
            return StraceText::time(t);
        }
        case Outcome: return outcome(o);
        case Source: {
            const QString host = StraceText::oneLine(o.value(QStringLiteral("host")).toString(), 60);
            // One multi-arg call: untrusted names may contain "%1".
            const QString where = QStringLiteral("%1:%2").arg(StraceText::oneLine(o.value(QStringLiteral("trace")).toString(), 80),
                                                              QString::number(StraceText::toInt(o.value(QStringLiteral("line")))));
            return host.isEmpty() ? where : host + QStringLiteral(" · ") + where;
        }
        case Call: return m_callText[index.row()];
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (col == Call || col == Source)
            return tr("%1\n%2 line %3 — double-click to open the raw log")
                .arg(m_callText[index.row()], StraceText::oneLine(o.value(QStringLiteral("trace")).toString(), 200),
                     QString::number(StraceText::toInt(o.value(QStringLiteral("line")))));
        if (col == Duration && o.value(QStringLiteral("unfinished")).toBool())
            return tr("Still waiting when the trace ended (or strace detached): at least this long.");
        if (col == Outcome) {
            const QJsonValue err = o.value(QStringLiteral("errno"));
            if (err.isString())
                return StraceText::oneLine(err.toString());
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (col == Pid || col == Duration)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (role == Qt::ForegroundRole && col == Outcome) {
        if (o.value(QStringLiteral("unfinished")).toBool() || o.value(QStringLiteral("errno")).isString())
            return QBrush(QColor(200, 40, 40));
        return {};
    }
    if (role == CallIdRole)
        return StraceText::toInt(o.value(QStringLiteral("call_id")));
    if (role == ArtifactIdRole)
        return StraceText::toInt(o.value(QStringLiteral("artifact_id")));
    if (role == LineRole)
        return StraceText::toInt(o.value(QStringLiteral("line")));
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
