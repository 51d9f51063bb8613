#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

// Filters conversations by address and port: every whitespace-separated word
// must match. A number matches either side's port exactly ("2049"); other
// words match part of an endpoint ("10.1.84.31", "10.1.84.31:2049",
// "[fe80::1]:22"), the protocol ("udp"), the service or the outcome
// ("refused", "unanswered").
class ConversationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConversationFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    QString text() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QStringList m_words;
};
