#include "ConversationFilterProxy.h"

#include "ConversationsModel.h"
#include "NetworkText.h"

ConversationFilterProxy::ConversationFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PcapRowsModel::SortRole);
}

void ConversationFilterProxy::setText(const QString &text)
{
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool ConversationFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    auto *m = qobject_cast<ConversationsModel *>(sourceModel());
    if (!m || parent.isValid() || m_words.isEmpty())
        return true;
    const QJsonObject &r = m->row(row);
    const QString a = m->index(row, ConversationsModel::SideA).data().toString();
    const QString b = m->index(row, ConversationsModel::SideB).data().toString();
    for (const QString &w : m_words) {
        bool number = false;
        const qint64 port = w.toLongLong(&number);
        if (number) {
            if (NetworkText::integer(r, "port_a") != port && NetworkText::integer(r, "port_b") != port)
                return false;
            continue;
        }
        const bool hit = a.contains(w, Qt::CaseInsensitive) || b.contains(w, Qt::CaseInsensitive)
                         || NetworkText::text(r, "protocol").compare(w, Qt::CaseInsensitive) == 0
                         || m->index(row, ConversationsModel::Service).data().toString().contains(w, Qt::CaseInsensitive)
                         || m->index(row, ConversationsModel::Outcome).data().toString().contains(w, Qt::CaseInsensitive);
        if (!hit)
            return false;
    }
    return true;
}
