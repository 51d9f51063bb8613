#include "ProcessFilterProxy.h"

#include "ProcessesModel.h"

ProcessFilterProxy::ProcessFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ProcessesModel::SortRole);
}

void ProcessFilterProxy::setStates(const QString &letters)
{
    m_states = letters;
    invalidateFilter();
}

void ProcessFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool ProcessFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    auto *m = qobject_cast<ProcessesModel *>(sourceModel());
    if (!m || parent.isValid())
        return true;
    const ProcTask &t = m->task(row);
    if (!m_states.isEmpty()) {
        const QString s = t.isZombieInDisguise() ? QStringLiteral("Z") : t.state;
        if (s.isEmpty() || !m_states.contains(s.at(0)))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    return t.comm.contains(m_text, Qt::CaseInsensitive) || t.wchan.contains(m_text, Qt::CaseInsensitive)
           || t.user.contains(m_text, Qt::CaseInsensitive) || t.cgroup.contains(m_text, Qt::CaseInsensitive)
           || QString::number(t.pid) == m_text || QString::number(t.tid) == m_text;
}
